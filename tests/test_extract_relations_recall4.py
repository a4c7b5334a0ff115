"""Relation fixes of round 4 (whole extractor, real model): a product named through a rival noun
("a Photoshop alternative named X") is X, never the rivalled product in the compound; "the company" in
a clause whose subject is "ORG CEO NAME" means ORG, not an earlier subject organization."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples


@pytest.mark.parametrize(
    ("text", "named", "rivalled"),
    [
        (
            "Vexor Labs released a Photoshop alternative named Brushwell, its first app.",
            "Brushwell",
            "Photoshop",
        ),
        ("Vexor Labs unveiled a ChatGPT competitor called Bard last week.", "Bard", "ChatGPT"),
    ],
)
def test_extract_relations_recall4_rival_compound_is_not_the_product(extractor, text, named, rivalled):
    got = triples(extract(extractor, text))
    assert (named, "developedBy", "Vexor Labs") in got
    assert (rivalled, "developedBy", "Vexor Labs") not in got


def _clause_doc():  # noqa: ANN202 - spaCy types stay out of the test signature
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    # "Acme rose . For Zorb CEO Dana Reyes , who co - founded the company , it fits ."
    # parsed the way the small model reads a real article: "For Zorb" hangs on the verb, the
    # hyphenated "co-founded" is cut and "founded" becomes a clause whose subject is the person.
    words = ["Acme", "rose", ".", "For", "Zorb", "CEO", "Dana", "Reyes", ",", "who", "co", "-", "founded",
             "the", "company", ",", "it", "fits", "."]
    heads = [1, 1, 1, 12, 3, 7, 7, 12, 7, 10, 7, 7, 17, 14, 12, 17, 17, 17, 17]
    deps = ["nsubj", "ROOT", "punct", "prep", "pobj", "compound", "compound", "nsubj", "punct", "nsubj",
            "relcl", "relcl", "advcl", "det", "dobj", "punct", "nsubj", "ROOT", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "ADP", "PROPN", "NOUN", "PROPN", "PROPN", "PUNCT", "PRON", "VERB",
           "PUNCT", "VERB", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PUNCT"]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, sent_starts=[True] + [False] * 2
               + [True] + [False] * 15)


def test_extract_relations_recall4_company_of_the_clause_person() -> None:
    from kg.extract.anaphora import _employer_of_clause_person, _prefer_subject
    from kg.extract.table import EntityDraft, EntityTable, SpanRef

    doc = _clause_doc()
    table = EntityTable()
    for key, name, kind in (("org:acme", "Acme", "Organization"), ("org:zorb", "Zorb", "Organization"),
                            ("person:dana", "Dana Reyes", "Person")):
        table.add_entity(EntityDraft(key, name, kind, kind))
    table.add_span(SpanRef("org:acme", 0, 1, "Organization", "Company"))
    zorb = SpanRef("org:zorb", 4, 5, "Organization", "Company")
    table.add_span(zorb)
    table.add_span(SpanRef("person:dana", 6, 8, "Person", "Person"))
    assert _employer_of_clause_person(doc, table, zorb, 13)
    assert _prefer_subject(doc, table, zorb, 0, 13) == zorb  # not Acme, the earlier subject
    acme = SpanRef("org:acme", 0, 1, "Organization", "Company")
    assert not _employer_of_clause_person(doc, table, acme, 13)  # Acme is not in the person's phrase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quorvix Labs sells warehouse robots. The Austin, Texas-based startup raised $5 million.",
            [("Quorvix Labs", "locatedIn", "Austin"), ("Quorvix Labs", "locatedIn", "Texas")],
        ),
        (
            "Brenlow Systems sells security software. The Mountain View, California-based company has "
            "announced a new data division.",
            [
                ("Brenlow Systems", "locatedIn", "Mountain View"),
                ("Brenlow Systems", "locatedIn", "California"),
            ],
        ),
    ],
)
def test_extract_relations_recall4_city_state_based_anaphor_opening_a_sentence(extractor, text, expected):
    got = triples(extract(extractor, text))
    for triple in expected:
        assert triple in got
        assert got[triple].rule == "kg.rel.locatedIn.based.v1"


@pytest.mark.parametrize(
    ("text", "triple", "role"),
    [
        (
            "Quillbase Labs will hire 40 engineers this year, according to cofounder and CEO "
            "Marta Lindqvist.",
            ("Marta Lindqvist", "worksFor", "Quillbase Labs"),
            "cofounder and CEO",
        ),
        (
            "Brenlow Systems sells security software. The Mountain View, California-based company has opened "
            "a data division, according to CEO Tomas Reyes.",
            ("Tomas Reyes", "worksFor", "Brenlow Systems"),
            "CEO",
        ),
    ],
)
def test_extract_relations_recall4_title_after_reporting_verb(extractor, text, triple, role):
    got = triples(extract(extractor, text))
    assert triple in got
    assert got[triple].rule == "kg.rel.worksFor.reported-title.v1"
    assert got[triple].role == role


@pytest.mark.parametrize(
    "text",
    [
        "Quillbase Labs will hire 40 engineers this year, according to analyst Marta Lindqvist.",
        "\u201cQuillbase Labs will hire 40 engineers,\u201d says CEO Marta Lindqvist.",
    ],
)
def test_extract_relations_recall4_no_employer_for_analysts_or_quotes(extractor, text):
    got = triples(extract(extractor, text))
    assert ("Marta Lindqvist", "worksFor", "Quillbase Labs") not in got
