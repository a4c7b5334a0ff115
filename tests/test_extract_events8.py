"""Personnel and legal events, round 8 (whole extractor, real model, sentences written for these tests
with invented names): a headline's reduced passive ("A fired as CEO of Y") is a departure of A, not a
firing by A; a suit filed under the filer's own possessive pronoun, a suit someone is hit or slapped
with, a suit "brought by" or "that Z filed", and the people "among the authors suing Y" keep their
sides; a suit a verb of settling or fighting takes, and a partnership a company plans to expand, are
real, whatever that verb's own plan; a settlement with both sides named is a legal action, not a deal."""

from __future__ import annotations

import pytest

from tests.extract_helpers import extract, roles_of

LEAD = "The news came on a quiet Monday morning. "


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            LEAD + "Dana Whitlock fired as CEO of Brellix Labs.",
            {"person": {"Dana Whitlock"}, "organization": {"Brellix Labs"}},
        ),
        (
            LEAD + "Omar Castillo ousted from Quorvex Inc. after a board vote.",
            {"person": {"Omar Castillo"}, "organization": {"Quorvex Inc."}},
        ),
    ],
)
def test_extract_events8_reduced_passive_is_a_departure(extractor, text, roles) -> None:
    x = extract(extractor, text)
    found = roles_of(x, "Departure")
    assert [r for r, _ in found] == [roles]
    assert found[0][1].status == "Announced"
    assert not roles_of(x, "Appointment")


def test_extract_events8_active_firing_keeps_its_sides(extractor) -> None:
    x = extract(extractor, LEAD + "Brellix Labs fired Dana Whitlock as CEO last week.")
    found = roles_of(x, "Departure")
    assert [r for r, _ in found] == [{"person": {"Dana Whitlock"}, "organization": {"Brellix Labs"}}]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "The town argued with its council for years. On the day that Dana Whitlock filed her lawsuit, "
            "the council held a meeting.",
            {"plaintiff": {"Dana Whitlock"}},
        ),
        (
            "Brellix Labs makes puzzle games. In 2021 it was hit with a lawsuit by Quorvex Inc. over its "
            "code.",
            {"plaintiff": {"Quorvex Inc."}, "defendant": {"Brellix Labs"}},
        ),
        (
            "Brellix Labs makes puzzle games. Quorvex Inc. slapped Brellix Labs with a lawsuit over its "
            "code.",
            {"plaintiff": {"Quorvex Inc."}, "defendant": {"Brellix Labs"}},
        ),
        (
            LEAD + "Brellix Labs agreed to pay $20 million to settle a lawsuit brought by Quorvex Inc. last "
            "year.",
            {"plaintiff": {"Quorvex Inc."}, "defendant": {"Brellix Labs"}},
        ),
        (
            LEAD + "Brellix Labs plans to fight the lawsuit that Quorvex Inc. filed in May.",
            {"plaintiff": {"Quorvex Inc."}, "defendant": {"Brellix Labs"}},
        ),
        (
            "The publishing world is angry. Dana Whitlock, Omar Castillo and Priya Raman are among 12 "
            "novelists suing Quorvex Inc. for copying their books.",
            {"plaintiff": {"Dana Whitlock", "Omar Castillo", "Priya Raman"}, "defendant": {"Quorvex Inc."}},
        ),
    ],
)
def test_extract_events8_legal_sides(extractor, text, roles) -> None:
    found = roles_of(extract(extractor, text), "LegalAction")
    assert [r for r, _ in found] == [roles]
    assert found[0][1].status == "Announced"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (LEAD + "Brellix Labs plans to file a lawsuit against Quorvex Inc. next month.", "Planned"),
        (LEAD + "Brellix Labs may face a lawsuit from Quorvex Inc. over the patents.", "Rumoured"),
    ],
)
def test_extract_events8_suit_not_yet_filed_stays_hedged(extractor, text, status) -> None:
    found = roles_of(extract(extractor, text), "LegalAction")
    assert found
    assert {e.status for _, e in found} == {status}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "The cloud market was busy. Brellix Labs today announced the plan to expand its partnership "
            "with Quorvex Inc. to build new tools.",
            "Announced",
        ),
        (
            "The cloud market was busy. Brellix Labs plans to form a partnership with Quorvex Inc. next "
            "year.",
            "Planned",
        ),
    ],
)
def test_extract_events8_existing_partnership_is_not_planned(extractor, text, status) -> None:
    found = roles_of(extract(extractor, text), "Partnership")
    assert [r for r, _ in found] == [{"agent": {"Brellix Labs"}, "partner": {"Quorvex Inc."}}]
    assert found[0][1].status == status


def test_extract_events8_suit_launched_by_counsel_alone_is_no_event(extractor) -> None:
    text = (
        "Three painters sued Brellix Labs in March. The lawsuit launched by attorney Dana Whitlock and "
        "the Quorvex Law Group has drawn criticism for its errors."
    )
    found = roles_of(extract(extractor, text), "LegalAction")
    assert all("Dana Whitlock" not in r.get("plaintiff", set()) for r, _ in found)


REGULATOR = "The regulator was busy this year. "


@pytest.mark.parametrize(
    "text",
    [
        REGULATOR + "Brellix Labs agreed to a $12 million settlement with the Federal Trade Commission over "
        "its data practices.",
        REGULATOR + "Brellix Labs's $3 million settlement with the Federal Trade Commission drew praise.",
        REGULATOR + "Brellix Labs paid $3 million in its settlement with the Federal Trade Commission.",
    ],
)
def test_extract_events8_settlement_is_a_legal_action(extractor, text) -> None:
    x = extract(extractor, text)
    found = roles_of(x, "LegalAction")
    sides = {"plaintiff": {"Federal Trade Commission"}, "defendant": {"Brellix Labs"}}
    assert [r for r, _ in found] == [sides]
    assert not roles_of(x, "Deal")


@pytest.mark.parametrize(
    "text",
    [
        REGULATOR + "As part of the settlement with the Federal Trade Commission, Brellix Labs will delete "
        "the data.",
        "The village grew slowly. The old settlement near the Brellix Labs campus was rebuilt in 1990.",
    ],
)
def test_extract_events8_settlement_with_one_side_or_a_village_is_no_event(extractor, text) -> None:
    assert not roles_of(extract(extractor, text), "LegalAction")


@pytest.mark.parametrize(
    ("text", "departures"),
    [
        (
            "The robotics market had a busy spring. Dana Whitlock, who joined Brellix Labs in 2019, resigned "
            "on Friday.",
            [{"person": {"Dana Whitlock"}, "organization": {"Brellix Labs"}}],
        ),
        ("The robotics market had a busy spring. Dana Whitlock resigned last week to join Brellix Labs.", []),
    ],
)
def test_extract_events8_earlier_joining_gives_the_departure_employer(extractor, text, departures) -> None:
    found = roles_of(extract(extractor, text), "Departure")
    assert [r for r, _ in found] == departures


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The chip market was busy. Brellix Labs paid $2 billion to buy Quorvex Inc. in 2021.", "Announced"),
        ("The chip market was busy. Brellix Labs has paid $2 billion to buy Quorvex Inc.", "Announced"),
        ("The chip market was busy. Brellix Labs will pay $2 billion to buy Quorvex Inc.", "Planned"),
    ],
)
def test_extract_events8_paid_to_buy_is_done(extractor, text, status) -> None:
    found = roles_of(extract(extractor, text), "Acquisition")
    assert [r for r, _ in found] == [{"agent": {"Brellix Labs"}, "target": {"Quorvex Inc."}}]
    assert found[0][1].status == status


SALE_LEAD = "Many engineers worked there. "


@pytest.mark.parametrize(
    "text",
    [
        SALE_LEAD + "Zentrix Inc. was sold to Quorvex Inc. for £400m in 2014.",
        SALE_LEAD + "Dana Whitlock founded Zentrix Inc., which she sold to Quorvex Inc. in 2019.",
        SALE_LEAD + "Brellix Labs sold Zentrix Inc. to Quorvex Inc. last year.",
    ],
)
def test_extract_events8_sold_to_is_an_acquisition_by_the_buyer(extractor, text) -> None:
    found = roles_of(extract(extractor, text), "Acquisition")
    assert [r for r, _ in found] == [{"agent": {"Quorvex Inc."}, "target": {"Zentrix Inc."}}]


@pytest.mark.parametrize(
    "text",
    [
        SALE_LEAD + "Zentrix Inc. sells its chips to Quorvex Inc. every year.",
        SALE_LEAD + "Chips made by Zentrix Inc. can no longer be sold to China.",
    ],
)
def test_extract_events8_selling_goods_is_no_acquisition(extractor, text) -> None:
    assert not roles_of(extract(extractor, text), "Acquisition")
