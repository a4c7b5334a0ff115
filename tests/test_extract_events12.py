"""Events, round 12 (whole extractor, real model, sentences written for these tests with invented
names): "A, a researcher who left Y" (the departure's person through the apposition); "stepped down
from the Y board" (the board's organization); standing investments ("X is backed by Y", "Y, an
investor in X", "investors in X include A and B"); "a lawsuit claiming its photos were copied by Y"
(the passive claim's agent is the defendant); "X, ... like Z's W, announced that it has raised $N"
(the pronoun resolved to the name of its own sentence is named nearby)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract, roles_of

LEAD = "Brellix Labs makes delivery robots. "


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        (
            LEAD + "Critics, including Omar Fenwick, a veteran engineer who recently left Brellix Labs, "
            "say the robots are unsafe.",
            "Departure",
        ),
        (
            LEAD + "Some experts, such as Omar Fenwick, a former designer who quit Brellix Labs last "
            "year, have raised concerns.",
            "Departure",
        ),
        (
            LEAD + "The grant went to Omar Fenwick, the designer who joined Brellix Labs in 2019.",
            "Appointment",
        ),
    ],
)
def test_extract_events12_person_through_apposition_of_who_clause(extractor, text, etype) -> None:
    found = events_of(extract(extractor, text), etype)
    assert [p for p, _ in found] == [{"Omar Fenwick", "Brellix Labs"}]


def test_extract_events12_apposition_without_named_person_gives_no_departure(extractor) -> None:
    text = LEAD + "A veteran engineer who recently left Brellix Labs says the robots are unsafe."
    assert events_of(extract(extractor, text), "Departure") == []


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        (LEAD + "Omar Fenwick stepped down from the Brellix Labs board in May.", "Departure"),
        (LEAD + "Omar Fenwick resigned from the Brellix Labs board last week.", "Departure"),
        (LEAD + "Omar Fenwick left the Brellix Labs board in March.", "Departure"),
        (LEAD + "Omar Fenwick joined the board of Brellix Labs in 2021.", "Appointment"),
    ],
)
def test_extract_events12_board_names_the_organization(extractor, text, etype) -> None:
    found = events_of(extract(extractor, text), etype)
    assert [p for p, _ in found] == [{"Omar Fenwick", "Brellix Labs"}]


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Brellix Labs, a startup backed by Quillon Ventures, sells to hospitals.",
        LEAD + "The robots are cheap, and Brellix Labs is backed by Quillon Ventures.",
        LEAD + "Quillon Ventures, an investor in Brellix Labs, declined to comment.",
        LEAD + "Quillon Ventures is an early investor in Brellix Labs.",
        LEAD + "Investors in Brellix Labs include Quillon Ventures.",
    ],
)
def test_extract_events12_standing_investment(extractor, text) -> None:
    roles = [r for r, _ in roles_of(extract(extractor, text), "Investment")]
    assert roles == [{"investor": {"Quillon Ventures"}, "recipient": {"Brellix Labs"}}]


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Brellix Labs launched its robot today, backed by $13 million in seed funding.",
        LEAD + "Investors in robotics include Quillon Ventures.",
        LEAD + "The claim was backed by data from Quillon Ventures.",
    ],
)
def test_extract_events12_backing_without_two_named_organizations_is_no_investment(extractor, text) -> None:
    assert events_of(extract(extractor, text), "Investment") == []


def test_extract_events12_hedged_backing_keeps_its_status(extractor) -> None:
    text = LEAD + "Brellix Labs is reportedly backed by Quillon Ventures."
    found = events_of(extract(extractor, text), "Investment")
    assert [(p, e.status) for p, e in found] == [({"Brellix Labs", "Quillon Ventures"}, "Rumoured")]


@pytest.mark.parametrize(
    "text",
    [
        "In March, Vexa Media filed a lawsuit claiming its photos were copied by Brellix Labs.",
        "Vexa Media sued in May, alleging that its images were used by Brellix Labs without a licence.",
    ],
)
def test_extract_events12_passive_claim_names_the_defendant(extractor, text) -> None:
    roles = [r for r, _ in roles_of(extract(extractor, LEAD + text), "LegalAction")]
    assert roles == [{"plaintiff": {"Vexa Media"}, "defendant": {"Brellix Labs"}}]


def test_extract_events12_reported_it_after_long_apposition(extractor) -> None:
    text = (
        "Brellix Labs, the busy Boston-based data company that offers memory for chatbots like "
        "OpenAI's GPT-4, announced today that it has raised $40 million in series B funding."
    )
    found = events_of(extract(extractor, text), "Investment")
    assert [p for p, _ in found] == [{"Brellix Labs"}]
    assert found[0][1].amount is not None and found[0][1].amount.value == 40_000_000


@pytest.mark.parametrize(
    "text",
    [
        "In May, three painters filed a lawsuit around image tools against Brellix Labs and Stability AI.",
        "A lawsuit around image tools filed against Brellix Labs and Stability AI in May was the first.",
    ],
)
def test_extract_events12_against_on_an_inner_phrase_names_the_defendants(extractor, text) -> None:
    roles = [r for r, _ in roles_of(extract(extractor, LEAD + text), "LegalAction")]
    assert roles == [{"defendant": {"Brellix Labs", "Stability AI"}}]


def test_extract_events12_inner_phrase_without_against_names_no_defendant(extractor) -> None:
    text = LEAD + "In May, three painters filed a lawsuit around the image tools of Brellix Labs."
    assert events_of(extract(extractor, text), "LegalAction") == []
