"""Relation rules on hand-built parses (no statistical model): each test states the parse a rule
must read and checks the relation, its rule name, role and evidence."""

from __future__ import annotations

import pytest

from kg.extract.relations import find_relations
from kg.model import ORG, PERSON, PLACE, PRODUCT, RelationRecord
from tests.test_extract_events_helpers import POSSESSIVE, Built, build


def triples(b: Built) -> list[tuple[str, str, str]]:
    return [(b.name(r.subject), r.predicate, b.name(r.object)) for r in find_relations(b.doc, b.table, b.ctx)]


def only(b: Built, predicate: str) -> RelationRecord:
    found = [r for r in find_relations(b.doc, b.table, b.ctx) if r.predicate == predicate]
    assert len(found) == 1, found
    return found[0]


def test_extract_relations_possessive_product_noun():
    b = build(POSSESSIVE, [(0, 1, ORG, "OpenAI"), (2, 3, PRODUCT, "Sora")])
    rel = only(b, "developedBy")
    assert (b.name(rel.subject), b.name(rel.object)) == ("Sora", "OpenAI")
    assert rel.rule == "kg.rel.developedBy.possessive.v1"
    assert rel.evidence.sentence == "OpenAI's Sora app is popular."
    assert (rel.evidence.start, rel.evidence.end) == (0, len(b.ctx.text))


def test_extract_relations_possessive_between_two_companies_is_not_development():
    # "Google's Microsoft deal grew."
    parse = """
    Google PROPN NNP poss 3
    's PART POS case 0
    Microsoft PROPN NNP compound 3
    deal NOUN NN nsubj 4
    grew VERB VBD ROOT 4
    . PUNCT . punct 4
    """
    b = build(parse, [(0, 1, ORG, "Google"), (2, 3, ORG, "Microsoft")])
    assert [t for t in triples(b) if t[1] == "developedBy"] == []


def test_extract_relations_appositive_with_possessive():
    # "Sora, OpenAI's video model, launched."
    parse = """
    Sora PROPN NNP nsubj 7
    , PUNCT , punct 0
    OpenAI PROPN NNP poss 5
    's PART POS case 2
    video NOUN NN compound 5
    model NOUN NN appos 0
    , PUNCT , punct 0
    launched VERB VBD ROOT 7
    . PUNCT . punct 7
    """
    b = build(parse, [(0, 1, PRODUCT, "Sora"), (2, 3, ORG, "OpenAI")])
    assert ("Sora", "developedBy", "OpenAI") in triples(b)


def test_extract_relations_possessive_pronoun_in_the_same_sentence():
    # "OpenAI said its Sora app grew."
    parse = """
    OpenAI PROPN NNP nsubj 1
    said VERB VBD ROOT 1
    its PRON PRP$ poss 4
    Sora PROPN NNP compound 4
    app NOUN NN nsubj 5
    grew VERB VBD ccomp 1
    . PUNCT . punct 1
    """
    b = build(parse, [(0, 1, ORG, "OpenAI"), (3, 4, PRODUCT, "Sora")])
    rel = only(b, "developedBy")
    assert (b.name(rel.subject), b.name(rel.object)) == ("Sora", "OpenAI")
    assert rel.confidence < 0.85  # reached through a pronoun


def test_extract_relations_based_in_surface_pattern():
    # "Paris-based Mistral raised money."
    parse = """
    Paris PROPN NNP npadvmod 2
    - PUNCT HYPH punct 2
    based VERB VBN amod 3
    Mistral PROPN NNP nsubj 4
    raised VERB VBD ROOT 4
    money NOUN NN dobj 4
    . PUNCT . punct 4
    """
    b = build(parse, [(0, 1, PLACE, "Paris"), (3, 4, ORG, "Mistral")])
    rel = only(b, "locatedIn")
    assert (b.name(rel.subject), b.name(rel.object)) == ("Mistral", "Paris")
    assert rel.rule == "kg.rel.locatedIn.based.v1"


def test_extract_relations_owned_surface_pattern():
    # "Microsoft-owned GitHub grew."
    parse = """
    Microsoft PROPN NNP npadvmod 2
    - PUNCT HYPH punct 2
    owned VERB VBN amod 3
    GitHub PROPN NNP nsubj 4
    grew VERB VBD ROOT 4
    . PUNCT . punct 4
    """
    b = build(parse, [(0, 1, ORG, "Microsoft"), (3, 4, ORG, "GitHub")])
    assert triples(b) == [("GitHub", "subsidiaryOf", "Microsoft")]


@pytest.mark.parametrize(("former_word", "former"), [("", False), ("Former", True)])
def test_extract_relations_title_before_a_name(former_word, former):
    # "[Former] Google CEO Ana Ruiz spoke."
    rows = [
        "Google PROPN NNP compound 1",
        "CEO NOUN NN compound 3",
        "Ana PROPN NNP compound 3",
        "Ruiz PROPN NNP nsubj 4",
        "spoke VERB VBD ROOT 4",
        ". PUNCT . punct 4",
    ]
    offset = 0
    if former_word:
        offset = 1
        rows = [f"{former_word} ADJ JJ amod 2"] + [
            " ".join([*r.split()[:4], str(int(r.split()[4]) + 1)]) for r in rows
        ]
    b = build(
        "\n".join(rows), [(offset, offset + 1, ORG, "Google"), (offset + 2, offset + 4, PERSON, "Ana Ruiz")]
    )
    rel = only(b, "worksFor")
    assert (b.name(rel.subject), b.name(rel.object)) == ("Ana Ruiz", "Google")
    assert rel.role == "CEO"
    assert rel.former is former


def test_extract_relations_appositive_title_with_of():
    # "Ana Ruiz, the president of Cohere, spoke."
    parse = """
    Ana PROPN NNP compound 1
    Ruiz PROPN NNP nsubj 8
    , PUNCT , punct 1
    the DET DT det 4
    president NOUN NN appos 1
    of ADP IN prep 4
    Cohere PROPN NNP pobj 5
    , PUNCT , punct 1
    spoke VERB VBD ROOT 8
    . PUNCT . punct 8
    """
    b = build(parse, [(0, 2, PERSON, "Ana Ruiz"), (6, 7, ORG, "Cohere")])
    rel = only(b, "worksFor")
    assert (b.name(rel.subject), b.name(rel.object), rel.role) == ("Ana Ruiz", "Cohere", "president")


def test_extract_relations_rivals_like_each_named_rival():
    # "Samsung fights rivals like Apple and Xiaomi."
    parse = """
    Samsung PROPN NNP nsubj 1
    fights VERB VBZ ROOT 1
    rivals NOUN NNS dobj 1
    like ADP IN prep 2
    Apple PROPN NNP pobj 3
    and CCONJ CC cc 4
    Xiaomi PROPN NNP conj 4
    . PUNCT . punct 1
    """
    b = build(parse, [(0, 1, ORG, "Samsung"), (4, 5, ORG, "Apple"), (6, 7, ORG, "Xiaomi")])
    found = {(s, o) for s, p, o in triples(b) if p == "competesWith"}
    assert found == {("Samsung", "Apple"), ("Samsung", "Xiaomi")}


def _parts(b):  # noqa: ANN001, ANN202
    return b.doc, b.table, b.ctx


def test_extract_relations_title_sentence_gives_title_evidence():
    # a relation the headline states is kept, with its evidence in the title and 0.1 less confidence
    body = find_relations(*_parts(build(POSSESSIVE, [(0, 1, ORG, "OpenAI"), (2, 3, PRODUCT, "Sora")])))
    b = build(POSSESSIVE, [(0, 1, ORG, "OpenAI"), (2, 3, PRODUCT, "Sora")])
    b.ctx = type(b.ctx)(doc_id="t", published=None, title="x", text=b.doc.text[3:], body_offset=3)
    (rel,) = find_relations(b.doc, b.table, b.ctx)
    assert rel.evidence.in_title and (rel.evidence.start, rel.evidence.end) == (0, 1)
    assert rel.confidence == round(body[0].confidence - 0.1, 2)
