"""Personnel, deal and legal events, round 7 (whole extractor, real model, sentences written for these
tests with invented names): a possessive pronoun on a personnel noun ("his departure") stands for the
one person its sentence names, with the organization stated (clause subject or stated employer); a
negated verb of speaking ("did not comment on the deal") does not deny the event it speaks about."""

from __future__ import annotations

import pytest

from kg.extract.status import status_of
from tests.extract_helpers import extract, roles_of

LEAD = "The robotics market had a busy spring. "


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            LEAD + "Sarah Kimball, the CFO of Brellix Labs, stayed quiet. Kimball wrote a long post after "
            "her resignation.",
            {"person": {"Sarah Kimball"}, "organization": {"Brellix Labs"}},
        ),
        (
            LEAD + "Sarah Kimball, the CFO of Brellix Labs, stayed quiet. In her retirement, Kimball has "
            "taken up painting.",
            {"person": {"Sarah Kimball"}, "organization": {"Brellix Labs"}},
        ),
        (
            LEAD + "Marcus Delaney ran sales for years. Marcus Delaney did not answer calls, and "
            "Quorvex Inc. did not comment on his exit.",
            {"person": {"Marcus Delaney"}, "organization": {"Quorvex Inc."}},
        ),
    ],
)
def test_extract_events_legal7_pronoun_personnel_noun_is_the_named_person(extractor, text, roles) -> None:
    found = roles_of(extract(extractor, text), "Departure")
    assert [r for r, _ in found] == [roles]
    assert found[0][1].status == "Announced"


@pytest.mark.parametrize(
    "text",
    [
        # two people the pronoun could stand for: no guess
        LEAD + "Tom Reyes praised Sarah Kimball, the CFO of Brellix Labs, after his departure.",
        # the person is named but no organization is stated for them
        LEAD + "Sarah Kimball spoke at a robotics conference before her departure.",
    ],
)
def test_extract_events_legal7_pronoun_personnel_noun_needs_one_person_and_an_org(extractor, text) -> None:
    assert roles_of(extract(extractor, text), "Departure") == []


@pytest.mark.parametrize(
    ("sentence", "trigger", "etype", "status"),
    [
        ("Brellix Labs did not comment on her departure.", "departure", "Departure", "Announced"),
        ("The company would not comment on the deal.", "deal", "Deal", "Announced"),
        ("Brellix didn't comment on the lawsuit.", "lawsuit", "LegalAction", "Announced"),
        ("Quorvex did not disclose the deal terms.", "deal", "Deal", "Announced"),
        ("Brellix did not immediately respond about the lawsuit.", "lawsuit", "LegalAction", "Announced"),
        # the trigger itself negated or planned still is
        ("Brellix did not sign a deal.", "deal", "Deal", "Denied"),
        ("Brellix would sign a deal.", "deal", "Deal", "Planned"),
        ("Brellix would not comment on the lawsuit.", "lawsuit", "LegalAction", "Announced"),
    ],
)
def test_extract_events_legal7_negated_speaking_verb_does_not_deny(sentence, trigger, etype, status) -> None:
    i = sentence.index(trigger)
    assert status_of(sentence, i, i + len(trigger), etype) == status


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "The market grew fast. A class action was filed earlier this year against Brellix Labs alleging "
            "that its robots are unsafe.",
            {"defendant": {"Brellix Labs"}},
        ),
        (
            "The market grew fast. A lawsuit was filed in March against Brellix Labs by Quorvex Inc.",
            {"plaintiff": {"Quorvex Inc."}, "defendant": {"Brellix Labs"}},
        ),
    ],
)
def test_extract_events_legal7_passive_filing_names_its_sides(extractor, text, roles) -> None:
    found = roles_of(extract(extractor, text), "LegalAction")
    assert [r for r, _ in found] == [roles]
    assert found[0][1].status == "Announced"


@pytest.mark.parametrize(
    ("sentence", "trigger", "etype", "status"),
    [
        # what a complaint alleges is no status of the complaint
        (
            "In June, the union filed a complaint with the labor board alleging that Quorvex had punished "
            "workers by terminating their contracts.",
            "complaint",
            "LegalAction",
            "Announced",
        ),
        ("Brellix sued Quorvex, claiming it had scrapped the contract.", "sued", "LegalAction", "Announced"),
        # but a report that claims something is still what the clause denies
        ("Brellix dismissed reports claiming that it would buy Quorvex.", "buy", "Acquisition", "Denied"),
        # a proposed class action or a pending lawsuit has been filed; a proposed acquisition has not happened
        ("Coders filed a proposed class action complaint.", "complaint", "LegalAction", "Announced"),
        ("Brellix faces a pending lawsuit from Quorvex.", "lawsuit", "LegalAction", "Announced"),
        ("The proposed acquisition of Brellix needs approval.", "acquisition", "Acquisition", "Planned"),
    ],
)
def test_extract_events_legal7_allegations_keep_status(sentence, trigger, etype, status) -> None:
    i = sentence.index(trigger)
    assert status_of(sentence, i, i + len(trigger), etype) == status
