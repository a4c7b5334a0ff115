"""Entity typing and name edges, round 8 (sentences written for these tests, invented names).

- `versionvotes`: a number in an unknown name ("Quarto 77") does not outvote a clause that calls the
  name an organization ("a production company, Quarto 77", "the startup Nova 9"); a known family's
  version and a product clause keep the product.
- `weakheads`: a weak product noun in apposition ("platform", "service") made or owned by someone
  ("the platform created by Vantor", "Vantor's payments platform") makes the name a product; a bare
  "a data platform" says nothing of the kind.
- `shapes.inner_acronym`: an all-capital word inside a product name after a known company
  ("Cerebras AI Quill Studio") keeps the longer name; without a product-name suffix the known
  company stays.
"""

from __future__ import annotations

import pytest

from kg.model import ORG, PRODUCT
from tests.extract_helpers import table_kinds


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("One of its clients was a TV production company, Quarto 77, founded by a singer.", "Quarto 77", ORG),
        ("The startup Nova 9 raised money from Brisk Capital last year.", "Nova 9", ORG),
        # no organization clause: the version still makes a product
        ("Brisko said Zephyra 3 is faster than its rivals.", "Zephyra 3", PRODUCT),
        # a product apposition: the product
        ("Brisko released its new model, Zephyra 3, on Monday.", "Zephyra 3", PRODUCT),
    ],
)
def test_versionvotes_clause_org_outweighs_number(extractor, text: str, name: str, kind: str) -> None:
    assert table_kinds(extractor, text).get(name) == kind


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Later I bought games on Plinko, the platform created by Vantor; it is how people play.",
            "Plinko",
            PRODUCT,
        ),
        (
            "Since 2015, TrailHub, a social media platform designed for hikers, has grown.",
            "TrailHub",
            PRODUCT,
        ),
        ("We moved our shop to Kelpo, Vantor's payments platform, last year.", "Kelpo", PRODUCT),
        # the parser reads the apposition as the main verb's object: the surface still tells
        (
            "Since then, I've bought games on Plinko, the platform created by Vantor; it's how people play.",
            "Plinko",
            PRODUCT,
        ),
        # a bare weak noun: the company that runs the platform raised the money
        ("Orvana, a data platform, raised money from Brisk Capital.", "Orvana", ORG),
    ],
)
def test_weakheads_made_or_owned_platform_is_product(extractor, text: str, name: str, kind: str) -> None:
    assert table_kinds(extractor, text).get(name) == kind


def test_weakheads_vote_only_on_made_or_owned_noun(extractor) -> None:
    from kg.extract import evidence as ev
    from kg.extract.resources import load_resources
    from kg.extract.weakheads import made_product_votes

    rules = load_resources().rules
    sdoc, _, _ = extractor.pipeline.analyse(
        _doc("Since 2015, TrailHub, a platform built for hikers, has grown.")
    )
    start = next(t.i for t in sdoc if t.text == "TrailHub")
    votes = made_product_votes(sdoc, start, start + 1, rules)
    assert [(v.kind, v.weight, v.cue) for v in votes] == [(PRODUCT, ev.W_APPOS, "appos-made")]
    bare, _, _ = extractor.pipeline.analyse(_doc("Since 2015, TrailHub, a platform for hikers, has grown."))
    start = next(t.i for t in bare if t.text == "TrailHub")
    assert made_product_votes(bare, start, start + 1, rules) == []


@pytest.mark.parametrize(
    ("text", "name", "kind", "absent"),
    [
        (
            "Training takes weeks; the Cerebras AI Quill Studio cuts that to days.",
            "Cerebras AI Quill Studio",
            PRODUCT,
            None,
        ),
        # the text writes "model" in lower case elsewhere: the run still ends in a product-name suffix
        (
            "Our model is small. The Cerebras AI Model Studio trains it in days.",
            "Cerebras AI Model Studio",
            PRODUCT,
            None,
        ),
        ("Our model is small. The Cerebras Model team trains it in days.", "Cerebras", ORG, "Cerebras Model"),
        # no product-name suffix at the end: the known company alone
        ("The Cerebras AI Quill team hired her.", "Cerebras", ORG, "Cerebras AI Quill"),
    ],
)
def test_shapes_inner_acronym_in_known_prefix_product(
    extractor, text: str, name: str, kind: str, absent: str | None
) -> None:
    found = table_kinds(extractor, text)
    assert found.get(name) == kind
    if absent is not None:
        assert absent not in found


def _doc(text: str):  # noqa: ANN202 - kg.model.Document
    from kg.model import Document

    return Document(id="t8", title="", text=text, published="2023-05-02")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "said Mara Lind, a professor at the University of Texas at San Antonio who studies robots.",
            "San Antonio",
        ),
        ("Dana Reyes, a lecturer at the University of Nevada at Elko, wrote the study.", "Elko"),
    ],
)
def test_campus_place_after_organization_is_no_employer(extractor, text: str, place: str) -> None:
    found = table_kinds(extractor, text)
    assert found.get(place) != ORG
    assert any(kind == ORG and name.startswith("University of") for name, kind in found.items())


@pytest.mark.parametrize(
    ("text", "name", "term"),
    [
        (
            "Many firms buy managed detection and response services. Managed Detection and Response "
            "(MDR) vendors compete on price.",
            "Managed Detection and Response",
            True,
        ),
        # a product name of common words with an all-capital word, or without "and", stays a name
        (
            "Zorvex sells contact center AI tools. Contact Center AI is its product.",
            "Contact Center AI",
            False,
        ),
        (
            "Zorvex sells customer data platform tools. Customer Data Platform is new.",
            "Customer Data Platform",
            False,
        ),
        # the text never writes the name in lower case: a name
        ("Brisk Capital backed Orbital Data Systems. Its data is fast.", "Orbital Data Systems", False),
        # two words are too few to tell a term from a name
        ("The open source world likes Open Source tools.", "Open Source", False),
    ],
)
def test_terms_lower_name_attested(extractor, text: str, name: str, term: bool) -> None:
    from kg.extract.terms import lower_name_attested

    sdoc, _, _ = extractor.pipeline.analyse(_doc(text))
    assert lower_name_attested(sdoc, name) is term
