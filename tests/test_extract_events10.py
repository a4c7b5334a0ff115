"""Deals, departures and legal actions, round 10 (whole extractor, real model, sentences written for
these tests with invented names): "quit her role with Y" and "parted ways" are departures; "Y named A
as CEO, replacing B" is B's departure too; "the FTC fined Y $5M" names Y as defendant; settling
charges brought by a regulator, or an agreement with it to resolve claims, is a legal action (not a
Deal); a suit to block a deal has the deal's sides as defendants; "Z sold X to Y" read with a dative
"to" and object control ("the loss prompted Z to sell X to Y") are acquisitions."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract, roles_of

LEAD = "Brellix Labs makes delivery robots. "


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Dana Whitlock quit her role with Brellix Labs last month.",
        LEAD + "Dana Whitlock parted ways with Brellix Labs in March.",
        LEAD + "In March, Brellix Labs parted ways with its CEO Dana Whitlock.",
    ],
)
def test_extract_events10_role_quit_and_parting_are_departures(extractor, text) -> None:
    x = extract(extractor, text)
    assert [p for p, _ in events_of(x, "Departure")] == [{"Dana Whitlock", "Brellix Labs"}]


def test_extract_events10_parting_ways_needs_a_person_and_an_organization(extractor) -> None:
    x = extract(extractor, LEAD + "The two teams parted ways after the game in Denver.")
    assert not events_of(x, "Departure")


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Brellix Labs named Omar Fenwick as its new CEO, replacing Dana Whitlock.",
        LEAD + "Brellix Labs hired Omar Fenwick as CEO, replacing Dana Whitlock, who left in March.",
    ],
)
def test_extract_events10_named_replacing_is_a_departure(extractor, text) -> None:
    x = extract(extractor, text)
    assert [p for p, _ in events_of(x, "Departure")] == [{"Dana Whitlock", "Brellix Labs"}]
    assert [p for p, _ in events_of(x, "Appointment")] == [{"Omar Fenwick", "Brellix Labs"}]


def test_extract_events10_fined_dative_is_the_defendant(extractor) -> None:
    x = extract(extractor, LEAD + "The Federal Trade Commission fined Brellix Labs $20 million on Monday.")
    roles = [r for r, _ in roles_of(x, "LegalAction")]
    assert roles == [{"plaintiff": {"Federal Trade Commission"}, "defendant": {"Brellix Labs"}}]


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Brellix Labs agreed to pay $5 million to settle charges brought by the "
        "Federal Trade Commission.",
        LEAD + "Brellix Labs reached an agreement with the Federal Trade Commission to resolve the claims.",
    ],
)
def test_extract_events10_settling_with_a_regulator_is_legal_not_deal(extractor, text) -> None:
    x = extract(extractor, text)
    assert [p for p, _ in events_of(x, "LegalAction")] == [{"Brellix Labs", "Federal Trade Commission"}]
    assert not events_of(x, "Deal")


def test_extract_events10_resolving_an_issue_is_no_legal_action(extractor) -> None:
    x = extract(extractor, LEAD + "Brellix Labs resolved the issue with Corvana Inc. quickly.")
    assert not events_of(x, "LegalAction")


@pytest.mark.parametrize(
    ("text", "defendants"),
    [
        (
            LEAD + "The Federal Trade Commission sued to block Brellix Labs' acquisition of Corvana Inc.",
            {"Brellix Labs", "Corvana Inc."},
        ),
        (
            LEAD + "The Federal Trade Commission filed a lawsuit to stop the acquisition of Corvana Inc. "
            "by Brellix Labs.",
            {"Brellix Labs", "Corvana Inc."},
        ),
    ],
)
def test_extract_events10_suit_to_block_a_deal_names_its_sides(extractor, text, defendants) -> None:
    x = extract(extractor, text)
    roles = [r for r, _ in roles_of(x, "LegalAction")]
    assert roles == [{"plaintiff": {"Federal Trade Commission"}, "defendant": defendants}]


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Corvana Inc. sold Brellix Labs to Zentrik Systems last year.",
        LEAD + "The loss prompted Corvana Inc. to sell Brellix Labs to Zentrik Systems last year.",
    ],
)
def test_extract_events10_sold_to_with_dative_is_an_acquisition(extractor, text) -> None:
    x = extract(extractor, text)
    roles = [r for r, _ in roles_of(x, "Acquisition")]
    assert roles == [{"agent": {"Zentrik Systems"}, "target": {"Brellix Labs"}}]


def test_extract_events10_selling_goods_is_no_acquisition(extractor) -> None:
    x = extract(extractor, LEAD + "Corvana Inc. sold its sensors to Zentrik Systems last year.")
    assert not events_of(x, "Acquisition")


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Rising costs spurred Zentrik Systems to acquire Brellix Labs.",
        LEAD + "Weak sales led Zentrik Systems to buy Brellix Labs last year.",
    ],
)
def test_extract_events10_object_control_gives_the_acquirer(extractor, text) -> None:
    x = extract(extractor, text)
    roles = [r for r, _ in roles_of(x, "Acquisition")]
    assert roles == [{"agent": {"Zentrik Systems"}, "target": {"Brellix Labs"}}]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (LEAD + "Dana Whitlock is leaving her post as CEO of Brellix Labs to join Corvana Inc.", "Announced"),
        (LEAD + "Dana Whitlock quit Brellix Labs to join Corvana Inc. as its chief scientist.", "Announced"),
        (LEAD + "Dana Whitlock will leave Brellix Labs to join Corvana Inc.", "Planned"),
    ],
)
def test_extract_events10_leaving_to_join_shares_the_departure_status(extractor, text, status) -> None:
    x = extract(extractor, text)
    joined = [(p, e.status) for p, e in events_of(x, "Appointment")]
    left = [(p, e.status) for p, e in events_of(x, "Departure")]
    assert joined == [({"Dana Whitlock", "Corvana Inc."}, status)]
    assert left == [({"Dana Whitlock", "Brellix Labs"}, status)]


def test_extract_events10_quit_his_job_at_names_the_employer(extractor) -> None:
    x = extract(extractor, LEAD + "Omar Fenwick quit his job at Brellix Labs this year to write a novel.")
    assert [p for p, _ in events_of(x, "Departure")] == [{"Omar Fenwick", "Brellix Labs"}]
