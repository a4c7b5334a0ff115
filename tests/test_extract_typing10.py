"""Entity typing, round 10: which kind a found name gets (Product vs Organization vs Person vs Place).

Sentences written for these tests, with invented names. "X's CEO Ann Lee" makes X a company even where
a launch verb reads it as a product; "X GPUs" is a chip line; "its X technology" names a product; a word
shared by two product names ("Velmor Shield", "Argo Shield") is no reused surname; "his online app
store, X" names a product, not a place. The `extractor` fixture loads the model once per session.
"""

from __future__ import annotations

import pytest

from kg.extract.resources import load_resources
from kg.extract.surnames import stands_alone
from kg.extract.weakheads import made_product_votes
from kg.model import ORG, PLACE, PRODUCT, Document
from tests.extract_helpers import extract, table_kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Kestrin’s CEO Ona Pardee told reporters that the startup will expand. "
            "Many factories roll out Kestrin in a week.",
            "Kestrin",
        ),
        (
            "Trellisor's co-founder and CEO Marco Vanti said demand is strong. "
            "Hospitals roll out Trellisor across wards.",
            "Trellisor",
        ),
    ],
)
def test_typing10_possessive_title_makes_organization(extractor, text: str, name: str) -> None:
    assert table_kinds(extractor, text).get(name) == ORG


def test_typing10_possessive_title_gives_employer(extractor) -> None:
    x = extract(
        extractor,
        "Kestrin’s CEO Ona Pardee told reporters that the startup will expand. "
        "Many factories roll out Kestrin in a week.",
    )
    names = {e.key: e.name for e in x.entities}
    works = {(names[r.subject], names[r.object]) for r in x.relations if r.predicate == "worksFor"}
    assert ("Ona Pardee", "Kestrin") in works


@pytest.mark.parametrize(
    "text",
    [
        # a possessive before a plain noun is no title cue
        "Customers praised Kestrin's speed. Many factories roll out Kestrin in a week.",
        # a title not followed by a person's name: the existing possessive vote, no new one
        "Many factories roll out Kestrin in a week, and Kestrin's users like it.",
    ],
)
def test_typing10_possessive_without_titled_person_stays_product(extractor, text: str) -> None:
    assert table_kinds(extractor, text).get("Kestrin") == PRODUCT


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Zentrox said demand for Quorva GPUs rose sharply this quarter.", "Quorva", PRODUCT),
        ("The new laptops ship with Brixel CPUs and more memory.", "Brixel", PRODUCT),
    ],
)
def test_typing10_acronym_hardware_head(extractor, text: str, name: str, kind: str) -> None:
    assert table_kinds(extractor, text).get(name) == kind


def test_typing10_shared_last_word_is_no_surname(extractor) -> None:
    text = (
        "Pellwick sells its Velmor Shield technology to banks. "
        "Clients also buy Argo Shield, and Velmor Shield runs quietly."
    )
    assert table_kinds(extractor, text).get("Velmor Shield") == PRODUCT


@pytest.mark.parametrize(
    ("text", "word", "alone"),
    [
        ("Brennard said the market was calm.", "Brennard", True),
        ("Analysts asked CEO Brennard about it.", "Brennard", True),
        ("Analysts asked Dr. Brennard about it.", "Brennard", True),
        ("Clients also buy Argo Shield every year.", "Shield", False),
    ],
)
def test_typing10_surname_stands_alone(extractor, text: str, word: str, alone: bool) -> None:
    sdoc, _, _ = extractor.pipeline.analyse(Document(id="t", title="", text=text))
    i = next(t.i for t in sdoc if t.text == word)
    assert stands_alone(sdoc, i, load_resources().rules) is alone


@pytest.mark.parametrize(
    ("text", "name", "kind", "not_kind"),
    [
        (
            "Before that, Marlo Fenn ran his online app store, Quibbleton. It closed in 2019.",
            "Quibbleton",
            PRODUCT,
            PLACE,
        ),
    ],
)
def test_typing10_app_store_apposition(extractor, text: str, name: str, kind: str, not_kind: str) -> None:
    kinds = table_kinds(extractor, text)
    assert kinds.get(name) == kind
    assert kinds.get(name) != not_kind


@pytest.mark.parametrize(
    ("text", "name", "voted"),
    [
        ("PixelWard was created by researchers at a university in Ohio.", "PixelWard", True),
        ("Kelvra was developed by a small team of engineers.", "Kelvra", True),
        # founded: a company; no agent: no maker named
        ("Quorbit was founded by two engineers in Oslo.", "Quorbit", False),
        ("Kelvra was developed quickly last year.", "Kelvra", False),
    ],
)
def test_typing10_passive_made_subject_votes_product(extractor, text: str, name: str, voted: bool) -> None:
    sdoc, _, _ = extractor.pipeline.analyse(Document(id="t", title="", text=text))
    i = next(t.i for t in sdoc if t.text == name)
    votes = made_product_votes(sdoc, i, i + 1, load_resources().rules)
    assert any(v.kind == PRODUCT and v.cue == "made-subject" for v in votes) is voted
