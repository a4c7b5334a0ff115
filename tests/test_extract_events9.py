"""Personnel and legal events read as another type, round 9 (whole extractor, real model, sentences
written for these tests with invented names): "A replaced/succeeded B as CEO" is A's appointment and
B's departure; "B stepped down as CEO in May" is no "step in"; "left it open" is no departure; a
government body investigating a company is a legal action; a settlement is a legal action between its
sides, and a deal that settles a suit is no Deal."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract

LEAD = "Brellix Labs makes warehouse robots. "


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Dana Whitlock replaced Omar Castillo as chief executive of Brellix Labs.",
        LEAD + "Dana Whitlock succeeded Omar Castillo as CEO of Brellix Labs.",
        LEAD + "Omar Castillo was replaced by Dana Whitlock as CEO of Brellix Labs.",
        LEAD + "Omar Castillo stepped down as CEO of Brellix Labs in May and was replaced by Dana Whitlock.",
    ],
)
def test_extract_events9_replacement_is_appointment_and_departure(extractor, text) -> None:
    x = extract(extractor, text)
    assert [p for p, _ in events_of(x, "Departure")] == [{"Omar Castillo", "Brellix Labs"}]
    assert [p for p, _ in events_of(x, "Appointment")] == [{"Dana Whitlock", "Brellix Labs"}]


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "The new gripper replaced the older Brellix Labs arm on the line.",
        LEAD + "Dana Whitlock replaced Omar Castillo on the podium after the break.",
    ],
)
def test_extract_events9_replacement_needs_two_people_and_a_title(extractor, text) -> None:
    x = extract(extractor, text)
    assert not events_of(x, "Departure")
    assert not events_of(x, "Appointment")


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "The way Brellix Labs handled Dana Whitlock left it open to criticism.",
        LEAD + "The layoffs left Omar Castillo unsure about Brellix Labs.",
    ],
)
def test_extract_events9_left_in_a_state_is_no_departure(extractor, text) -> None:
    assert not events_of(extract(extractor, text), "Departure")


def test_extract_events9_left_for_a_new_company_is_still_a_departure(extractor) -> None:
    x = extract(extractor, LEAD + "Omar Castillo left Brellix Labs to start his own company.")
    assert [p for p, _ in events_of(x, "Departure")] == [{"Omar Castillo", "Brellix Labs"}]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            LEAD + "The Federal Trade Commission is investigating Brellix Labs over its data practices.",
            {"Federal Trade Commission", "Brellix Labs"},
        ),
        (
            LEAD + "Brellix Labs is being probed by the Securities and Exchange Commission.",
            {"Securities and Exchange Commission", "Brellix Labs"},
        ),
        (LEAD + "Regulators are investigating Brellix Labs.", {"Brellix Labs"}),
    ],
)
def test_extract_events9_government_investigation_is_legal(extractor, text, parties) -> None:
    x = extract(extractor, text)
    assert [p for p, _ in events_of(x, "LegalAction")] == [parties]


def test_extract_events9_researchers_investigating_is_not_legal(extractor) -> None:
    x = extract(extractor, LEAD + "Engineers at Brellix Labs investigated the crash for a week.")
    assert not events_of(x, "LegalAction")


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Brellix Labs reached an agreement with Quorvex Inc. to settle the lawsuit.",
        LEAD + "Brellix Labs settled with Quorvex Inc. for $5 million.",
        LEAD + "Brellix Labs agreed to pay Quorvex Inc. $5 million to settle the patent claims.",
        LEAD + "Brellix Labs and Quorvex Inc. settled the dispute in June.",
        LEAD + "The deal between Brellix Labs and Quorvex Inc. settles a lawsuit filed in 2022.",
    ],
)
def test_extract_events9_settlement_is_legal_not_deal(extractor, text) -> None:
    x = extract(extractor, text)
    assert [p for p, _ in events_of(x, "LegalAction")] == [{"Brellix Labs", "Quorvex Inc."}]
    assert not events_of(x, "Deal")


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Brellix Labs and Quorvex Inc. settled on a name for the venture.",
        LEAD + "Brellix Labs settled in Austin with Quorvex Inc. last year.",
    ],
)
def test_extract_events9_settling_without_a_dispute_is_not_legal(extractor, text) -> None:
    assert not events_of(extract(extractor, text), "LegalAction")


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            LEAD + "Last week, Omar Castillo resigned from his position at the company, citing concerns.",
            {"Omar Castillo", "Brellix Labs"},
        ),
        (
            LEAD + "Omar Castillo stepped down from his role at Quorvex Inc. to join Brellix Labs.",
            {"Omar Castillo", "Quorvex Inc."},
        ),
    ],
)
def test_extract_events9_departure_from_a_post_takes_its_organization(extractor, text, parties) -> None:
    x = extract(extractor, text)
    assert [p for p, _ in events_of(x, "Departure")] == [parties]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            LEAD + "A judge ruled against Brellix Labs in Quorvex Inc.'s lawsuit.",
            {"Brellix Labs", "Quorvex Inc."},
        ),
        (
            LEAD + "A federal court ruled in favor of Quorvex Inc. in its case against Brellix Labs.",
            {"Brellix Labs", "Quorvex Inc."},
        ),
        (
            LEAD + "The court sided with Quorvex Inc. in a suit brought against Brellix Labs.",
            {"Brellix Labs", "Quorvex Inc."},
        ),
    ],
)
def test_extract_events9_court_ruling_is_legal_between_the_sides(extractor, text, parties) -> None:
    x = extract(extractor, text)
    assert [p for p, _ in events_of(x, "LegalAction")] == [parties]


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Analysts ruled out a sale of Brellix Labs.",
        LEAD + "The board sided with Omar Castillo against Brellix Labs.",
    ],
)
def test_extract_events9_ruling_needs_a_court(extractor, text) -> None:
    assert not events_of(extract(extractor, text), "LegalAction")
