"""Round 14 typing: less common company titles (CMO, CIO, CISO, EVP ...) type the person after them and
are no part of a name; a company, a title and a person glued into one model span are two names
(kg/extract/titlesplit.py); an investor noun does not make a person-shaped name a fund
(kg/extract/investorpeople.py); the agent of a funding round's lead verb is an investor
(kg/extract/fundleads.py)."""

from __future__ import annotations

import pytest

from kg.extract import appostitles
from kg.extract import evidence as ev
from tests.extract_helpers import entity_classes, mentioned_kinds


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Angel backers include Plinkly former CMO Jeff Vasko and two funds.", "Jeff Vasko"),
        ("The round drew support from Quorvane CISO Laura Pentry, among others.", "Laura Pentry"),
        ("Investors include Zentrik EVP Carl Mossberg and Tidewell Capital.", "Carl Mossberg"),
    ],
)
def test_extract_typing14_rare_company_title_types_the_person(
    extractor, text: str, person: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(person) == "Person", found
    assert not any(name.startswith(("CMO", "CISO", "EVP")) for name in found), found


@pytest.mark.parametrize(
    ("text", "company", "person"),
    [
        ("Angel investors include Datavine founder Ori Lask and former Corvane CMO Elena Lund.",
         "Corvane", "Elena Lund"),
        ("Backers include former Brellix CMO Nadia Orrin and Tidewell Capital.", "Brellix", "Nadia Orrin"),
    ],
)
def test_extract_typing14_company_title_person_span_is_two_names(
    extractor, text: str, company: str, person: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(person) == "Person", found
    assert found.get(company) == "Organization", found
    assert not any(" CMO " in name for name in found), found


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Notable backers include angel investors Carl Bessler, former chief executive of Autodesk; "
         "and Laura Pike of Hellosign.", "Carl Bessler"),
        ("It weighed the sway of Brellix Analytica backer Robert Manford on the vote.", "Robert Manford"),
        ("The startup also counts angel investor Peter Vashti among its supporters.", "Peter Vashti"),
    ],
)
def test_extract_typing14_investor_noun_keeps_a_person_a_person(
    extractor, text: str, person: str  # noqa: ANN001
) -> None:
    assert mentioned_kinds(extractor, text).get(person) == "Person"


def test_extract_typing14_investor_noun_still_types_a_fund(extractor) -> None:  # noqa: ANN001
    text = "Investors include Greystone Harbor, Quillon and angel investor Laura Pike."
    found = mentioned_kinds(extractor, text)
    assert found.get("Laura Pike") == "Person", found
    assert found.get("Quillon") == "Organization", found


@pytest.mark.parametrize(
    ("text", "fund"),
    [
        ("The $13 million Series A round was led by ZRV with Quell Ventures also participating.", "ZRV"),
        ("Tovana raised $5 million in a seed round led by KLX, its first outside money.", "KLX"),
        ("The growth financing was spearheaded by QNT, with support from Tidewell Capital.", "QNT"),
    ],
)
def test_extract_typing14_funding_round_lead_is_an_investor(
    extractor, text: str, fund: str  # noqa: ANN001
) -> None:
    assert entity_classes(extractor, text).get(fund) == ("Organization", "Investor")


@pytest.mark.parametrize(
    "text",
    [
        "The audit was led by QNT inspectors last spring.",
        "The new team is led by CEO Dana Orrin.",
    ],
)
def test_extract_typing14_lead_without_funding_gives_no_investor(extractor, text: str) -> None:  # noqa: ANN001
    classes = entity_classes(extractor, text)
    assert ("Organization", "Investor") not in classes.values(), classes


def _first(doc, word: str) -> int:  # noqa: ANN001
    return next(t.i for t in doc if t.text == word)


def test_extract_typing14_apposition_after_relative_clause_is_not_the_persons(extractor) -> None:  # noqa: ANN001
    text = (
        "Progress is slow, says Sara Velin, who leads Zentrik for AI , a research lab that studies robotics."
    )
    doc = extractor.pipeline.nlp(text)
    i = _first(doc, "Sara")
    votes = ev.appos_votes(doc, i, i + 2, extractor.pipeline.res.rules)
    assert not any(v.cue == "appos-org" for v in votes), votes
    assert mentioned_kinds(extractor, text).get("Sara Velin") == "Person"


@pytest.mark.parametrize(
    ("text", "titled"),
    [
        (
            "Investors included Brellix Partners, Quell Capital and Ravi Shandar, a board member of Zentrik.",
            True,
        ),
        ("Backers included Brellix Partners and Omar Kessin, the chief executive of Zentrik.", True),
        ("Backers included Brellix Partners and Omar Kessin, a partner at Zentrik.", False),
        ("Backers included Brellix Partners and Omar Kessin, a longtime friend of Zentrik.", False),
    ],
)
def test_extract_typing14_title_after_list_item_votes_person(
    extractor, text: str, titled: bool  # noqa: ANN001
) -> None:
    doc = extractor.pipeline.nlp(text)
    i = _first(doc, "Ravi" if "Ravi" in text else "Omar")
    votes = appostitles.title_votes(doc, i, i + 2, extractor.pipeline.res.rules, "PERSON", [])
    assert bool(votes) is titled, votes
    assert appostitles.title_votes(doc, i, i + 2, extractor.pipeline.res.rules, "ORG", []) == []
