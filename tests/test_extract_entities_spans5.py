"""Entity name spans, round 5: words that are terms, headings or titles rather than names (a clause
adverb after a heading, a common word capitalised before a phrase the text writes in lower case, an
acronym for a category, a slash pair of versions, a conference, a licence, "GM" in a job title, a
possessive + "AI", a declared acronym of a hyphenated term), names cut short ("DALL-E." at a sentence
end, "Astra" + "DB"), a coordination written in both orders, and a one-word list item the model alone
reads as a person.

Every sentence is written for these tests, with invented names. The `extractor` fixture
(tests/conftest.py) loads the model once per session; the span helpers are tested on hand-built Docs.
"""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from kg.extract import terms
from kg.extract.aliases import merge_brand_tails
from kg.extract.candidates import Cand
from kg.extract.grouping import Group
from kg.extract.layout import BODY
from kg.model import ORG, PERSON, PLACE, PRODUCT, Document
from tests.test_extract_entities_spans import entity_kinds


@pytest.mark.parametrize(
    ("text", "not_names", "kept"),
    [
        # a common word capitalised by a heading, written in lower case elsewhere
        ("What vector databases are all about Vector databases are central to search at Plorvex. Many "
         "vector databases exist.", ["Vector"], []),
        # an acronym before a plural category noun
        ("It spares users from stitching together CI tools such as Zorvane and Quillit.", ["CI"], []),
        # two versions written with a slash
        ("This avoids the errors of general models like Zorbot and GPT-3/4.", ["GPT-3/4"], []),
        # a conference before its event noun
        ("Its president spoke at the recent Zorbeat Transform event about the boom in search.",
         ["Zorbeat Transform"], []),
        # "GM" (general manager) inside a job title is not the company known as GM
        ("Mina Oduya, cofounder and GM of Brellix, wrote in a recent blog post that sales rose.",
         ["GM", "General Motors"], ["Mina Oduya"]),
        # an acronym declared for a hyphenated lower-case term
        ("Plorvex also sells an enterprise plan with premium features such as service-level agreements "
         "(SLAs); a dedicated account manager; and onboarding support.", ["SLAs"], []),
        # a licence
        ("Moreover, the GPLv3 license means that there is low friction for adoption.", ["GPLv3"], []),
    ],
)
def test_extract_entities_spans5_terms_are_no_names(
    extractor, text: str, not_names: list[str], kept: list[str]  # noqa: ANN001
) -> None:
    found = entity_kinds(extractor, text)
    for name in not_names:
        assert name not in found, (name, found)
    for name in kept:
        assert name in found, (name, found)


def test_extract_entities_spans5_possessive_ai_is_no_name(extractor) -> None:  # noqa: ANN001
    found = entity_kinds(
        extractor,
        "“That’s why Stravelo’s AI capabilities not only give links to the sources but also mark the "
        "exact paragraphs used,” he said. Stravelo, a Stockholm company, sells research tools.",
    )
    assert not [n for n in found if n.endswith("AI")], found


def test_extract_entities_spans5_sentence_final_hyphen_name(extractor) -> None:  # noqa: ANN001
    found = entity_kinds(
        extractor,
        "Krellow already offers paid access to some of its software, like image generator DALL-E. "
        "Monetizing Zorbot would be a logical next step.",
    )
    assert found.get("DALL-E") == PRODUCT, found
    assert "DALL" not in found, found


def test_extract_entities_spans5_place_before_giant_is_no_company(extractor) -> None:  # noqa: ANN001
    found = entity_kinds(
        extractor,
        "The deal would reportedly see Halvex collect 75 percent of Zorvia's profits until the Redmond "
        "giant makes back its initial investment.",
    )
    assert found.get("Redmond") in (None, PLACE), found


def test_extract_entities_spans5_list_item_the_model_reads_as_person(extractor) -> None:  # noqa: ANN001
    found = entity_kinds(
        extractor,
        "Plorvex said it has won new paying customers, including Dropbox and Box, across all industries.",
    )
    assert found.get("Box") == ORG, found


# --- the helpers on hand-built Docs ---------------------------------------------------------------

_VOCAB = English().vocab  # English lexical attributes (is_alpha, lower_) without a model


def _doc(words: list[str], tags: list[str] | None = None) -> Doc:
    return Doc(_VOCAB, words=words, tags=tags)


def test_terms_swapped_pair_needs_both_orders() -> None:
    words = ["from", "Stacker", "and", "Softr", ".", "Softr", "and", "Stacker", "target", "users"]
    assert terms.swapped_pair(_doc(words), 1, 2, 4)
    once = ["from", "Stacker", "and", "Softr", ".", "Webflow", "and", "Stacker", "target", "users"]
    assert not terms.swapped_pair(_doc(once), 1, 2, 4)


def test_terms_longer_named_takes_a_word_named_elsewhere() -> None:
    doc = _doc(["Brisa", "DB", "grows", "and", "Brisa", "DB", "sells"])
    assert terms.longer_named(doc, 0, 1, {"Brisa DB"}) == 2
    assert terms.longer_named(doc, 0, 1, {"Brisa"}) == 1


@pytest.mark.parametrize(
    ("words", "index", "expected"),
    [
        (["generator", "DALL", "-", "E.", "Monetizing"], 3, True),
        (["generator", "DALL", "-", "E."], 3, True),
        (["Jo", "E.", "said"], 1, False),
        (["DALL", "-", "E", "works"], 2, False),
    ],
)
def test_terms_final_stop_word(words: list[str], index: int, expected: bool) -> None:
    assert terms.final_stop_word(_doc(words), index) is expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [(["GPT-3/4"], True), (["Model", "X/Y"], True), (["Zorbot"], False), (["acme.com/x.y"], False)],
)
def test_terms_slash_pair(words: list[str], expected: bool) -> None:
    assert terms.slash_pair(words) is expected


@pytest.mark.parametrize(
    ("words", "tags", "expected"),
    [
        (["stores", "Coincidentally", ",", "this", "week"], ["NNS", "RB", ",", "DT", "NN"], True),
        (["stores", "Coincidentally", "this", "week"], ["NNS", "RB", "DT", "NN"], False),
        (["with", "Grammarly", ",", "the", "app"], ["IN", "NNP", ",", "DT", "NN"], False),
    ],
)
def test_terms_sentence_adverb(words: list[str], tags: list[str], expected: bool) -> None:
    assert terms.sentence_adverb(_doc(words, tags), 1, 2) is expected


@pytest.mark.parametrize(
    ("words", "start", "end", "expected"),
    [
        (["at", "the", "Zorbeat", "Transform", "event", "about"], 2, 4, True),
        (["our", "Zorbeat", "Transform", "2023", "coverage", "."], 1, 3, True),
        (["at", "the", "Zedcon", "security", "conference", "in"], 2, 3, True),
        (["at", "the", "Zedcon", "conference", "in"], 2, 3, False),  # a host company's own conference
        (["Zorvex", "Labs", "raised", "money"], 0, 2, False),
    ],
)
def test_terms_conference_name(words: list[str], start: int, end: int, expected: bool) -> None:
    assert terms.conference_name(_doc(words), start, end) is expected


@pytest.mark.parametrize(
    ("words", "start", "expected"),
    [
        (["a", "post", "titled", "The", "Bright", "Manifesto"], 3, True),
        (["a", "post", "titled", "The", "Bright", "Manifesto"], 4, True),
        (["a", "post", "by", "Bright", "Labs"], 3, False),
    ],
)
def test_terms_work_title(words: list[str], start: int, expected: bool) -> None:
    assert terms.work_title(_doc(words), start) is expected


def _group(key: str, name: str, kind: str, start: int) -> Group:
    cand = Cand(start, start + len(name.split()), name, BODY)
    return Group(key, [cand], kind=kind, cls=kind, name=name)


@pytest.mark.parametrize(
    ("full_first", "merged"),
    [(True, True), (False, False)],
)
def test_aliases_brand_tail_joins_the_full_name(full_first: bool, merged: bool) -> None:
    full_at, short_at = (10, 40) if full_first else (40, 10)
    accepted = {
        "zentro": _group("zentro", "Zentro", ORG, 0),
        "zentro flow insights": _group("zentro flow insights", "Zentro Flow Insights", PRODUCT, full_at),
        "flow insights": _group("flow insights", "Flow Insights", PRODUCT, short_at),
    }
    merge_brand_tails(accepted)
    assert ("flow insights" not in accepted) is merged
    assert len(accepted["zentro flow insights"].cands) == (2 if merged else 1)


def test_extract_entities_spans5_title_vouches_for_body_name(extractor) -> None:  # noqa: ANN001
    doc = Document(
        id="t",
        title="Zemora officially launches the AI Band, its new wearable",
        text="Zemora finally took the wraps off its first device. The AI Band runs on a small chip, though "
        "it is not clear which one.\n\nZemora seems to view the AI Band as the start of a larger project.",
    )
    found = {e.name: e.kind for e in extractor.extract(doc).entities}
    assert found.get("AI Band") == PRODUCT, found


def test_extract_entities_spans5_no_person_opens_with_a_term(extractor) -> None:  # noqa: ANN001
    found = entity_kinds(
        extractor,
        "Fast-tracking the funnel with AI Brelvik said most hiring funnels today are drawn out. Tomas "
        "Brelvik founded Hirezo in 2016.",
    )
    assert found.get("Tomas Brelvik") == PERSON, found
    assert found.get("AI Brelvik") != PERSON, found  # a heading glued to a surname is no person
