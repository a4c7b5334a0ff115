"""Relation fixes of round 5 (whole extractor, real model), on sentences written for these tests:
rivals after a competition verb ("X goes against players such as A and B"), a bare executive title
in an article about one company ("X, the chief executive, said"), a product an organization names
("software the company calls X"), and a possessive over a list of people ("Acme's A, B and ...")."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples

RIVALS = ("Quoddy Inc", "Sarvex Inc.")


@pytest.mark.parametrize(
    "text",
    [
        "In its market, Brimwell Labs goes against players such as Quoddy Inc and Sarvex Inc.",
        "Brimwell Labs is up against vendors like Quoddy Inc and Sarvex Inc.",
        "Brimwell Labs squares off against startups such as Quoddy Inc and Sarvex Inc.",
    ],
)
def test_extract_relations_recall5_competition_verb_takes_listed_rivals(extractor, text):
    got = triples(extract(extractor, text))
    for rival in RIVALS:
        assert ("Brimwell Labs", "competesWith", rival) in got
        assert got[("Brimwell Labs", "competesWith", rival)].rule == "kg.rel.competesWith.against.v1"


def test_extract_relations_recall5_head_to_head_is_competition(extractor):
    got = triples(extract(extractor, "Brimwell Labs goes head-to-head with Quoddy Inc."))
    assert ("Brimwell Labs", "competesWith", "Quoddy Inc.") in got


def test_extract_relations_recall5_going_against_without_organization_subject(extractor):
    got = triples(extract(extractor, "The ruling went against Quoddy Inc, said Brimwell Labs."))
    assert not [t for t in got if t[1] == "competesWith"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Quillon Labs plans to put AI in its games, the company told staff this week. "
            "Tarun Mehta, the chief executive, announced the plan in a memo.",
            "chief executive",
        ),
        (
            "Quillon Labs unveiled Pebble on Monday. Quillon Labs will sell it from June. Most of the "
            "features Quillon Labs mentions are the ones co-founder Tarun Mehta showed off during a demo.",
            "co-founder",
        ),
    ],
)
def test_extract_relations_recall5_bare_title_joins_the_subject_company(extractor, text, role):
    got = triples(extract(extractor, text))
    rel = got[("Tarun Mehta", "worksFor", "Quillon Labs")]
    assert rel.rule == "kg.rel.worksFor.subject-title.v1"
    assert rel.role == role


@pytest.mark.parametrize(
    "text",
    [
        # two companies named as often: no subject company
        "Quillon Labs and Brenly Labs both make chips. Quillon Labs sells them in Asia and Brenly Labs in "
        "Europe. Tarun Mehta, the chief executive, announced a plan.",
        # an analyst is nobody's executive
        "Quillon Labs sells chips. Quillon Labs sells them in Asia. Quillon Labs grew. Tarun Mehta, the "
        "analyst, said so.",
    ],
)
def test_extract_relations_recall5_bare_title_needs_one_subject_and_an_executive(extractor, text):
    got = triples(extract(extractor, text))
    assert not [t for t in got if t[1] == "worksFor"]


@pytest.mark.parametrize(
    ("text", "product"),
    [
        (
            "Brenly Labs makes a small pin. Its main job is to link to models through software the company "
            "calls Vox Relay.",
            "Vox Relay",
        ),
        (
            'In a forum post, Brenly Labs shared a waitlist for what the company is calling "Kestrel Plus" '
            "— a paid version.",
            "Kestrel Plus",
        ),
    ],
)
def test_extract_relations_recall5_organization_names_its_product(extractor, text, product):
    got = triples(extract(extractor, text))
    assert got[(product, "developedBy", "Brenly Labs")].rule == "kg.rel.developedBy.calls.v1"


def test_extract_relations_recall5_possessive_reaches_listed_people(extractor):
    text = "It was not Vantrel's Mark Dorsey, Susan Kelly and their adviser Paul Grant who won the prize."
    got = triples(extract(extractor, text))
    assert ("Mark Dorsey", "worksFor", "Vantrel") in got
    assert got[("Susan Kelly", "worksFor", "Vantrel")].rule == "kg.rel.worksFor.possessive.v2"
