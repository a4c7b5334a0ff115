"""Deal, legal and personnel events, round 6 (whole extractor, real model, sentences written for these
tests with invented names): a quoted "we"/"our" that forms or signs a deal is the speaker's company; a
"who" clause that files a suit names the plaintiff through the apposition; "filed a lawsuit against X"
with "against" on the verb; "X announced his departure"; investors listed after "funding from" are
never the money's recipient."""

from __future__ import annotations

import pytest

from tests.extract_helpers import extract, roles_of


@pytest.mark.parametrize(
    ("text", "etype", "roles"),
    [
        (
            "Quiva Labs is a robotics firm. \u201cWe formed our partnership with Zorta Systems around a "
            "shared goal,\u201d said Lena Brock, Quiva Labs' chief executive.",
            "Partnership",
            {"agent": {"Quiva Labs"}, "partner": {"Zorta Systems"}},
        ),
        (
            "Quiva Labs is a robotics firm. \u201cWe have signed a deal with Zorta Systems,\u201d said Lena "
            "Brock, CEO of Quiva Labs.",
            "Deal",
            {"agent": {"Quiva Labs"}, "partner": {"Zorta Systems"}},
        ),
        (
            "Quiva Labs is a robotics firm. \u201cOur partnership with Zorta Systems is deep,\u201d Quiva "
            "Labs CEO Lena Brock said.",
            "Partnership",
            {"agent": {"Quiva Labs"}, "partner": {"Zorta Systems"}},
        ),
        (
            "Quiva Labs said: \u201cWe have acquired Zorta Systems to grow faster.\u201d",
            "Acquisition",
            {"agent": {"Quiva Labs"}, "target": {"Zorta Systems"}},
        ),
    ],
)
def test_extract_events_deals6_quoted_we_is_the_speakers_company(extractor, text, etype, roles) -> None:
    found = roles_of(extract(extractor, text), etype)
    assert [r for r, _ in found] == [roles]
    assert found[0][1].status != "Rumoured"


@pytest.mark.parametrize(
    "text",
    [
        # the speaker's employer is not stated: no company is guessed for "we"
        "\u201cWe partnered with Zorta Systems last year,\u201d Lena Brock told reporters.",
        # no quotation: "we" is nobody the sentence names
        "We formed our partnership with Zorta Systems last year, said the newsletter.",
    ],
)
def test_extract_events_deals6_we_without_a_known_speaker_is_no_party(extractor, text) -> None:
    assert roles_of(extract(extractor, text), "Partnership") == []


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "\u201cIt is plainly unfair,\u201d says Mark Bellow, a designer and lawyer who brought the "
            "lawsuit against Zorta Systems.",
            {"plaintiff": {"Mark Bellow"}, "defendant": {"Zorta Systems"}},
        ),
        (
            "Critics include Dana Moor, a novelist who sued Zorta Systems last year.",
            {"plaintiff": {"Dana Moor"}, "defendant": {"Zorta Systems"}},
        ),
        (
            "In June, a law firm filed a lawsuit against Quell Labs.",
            {"defendant": {"Quell Labs"}},
        ),
        (
            "Last week, Dana Moor filed a complaint against Quell Labs' cloud subsidiary, Zorta Systems, "
            "over data handling.",
            {"plaintiff": {"Dana Moor"}, "defendant": {"Zorta Systems"}},
        ),
    ],
)
def test_extract_events_deals6_legal_sides_from_the_filing_clause(extractor, text, roles) -> None:
    found = roles_of(extract(extractor, text), "LegalAction")
    assert [r for r, _ in found] == [roles]


def test_extract_events_deals6_unnamed_particular_plaintiff_gives_no_one_sided_suit(extractor) -> None:
    # "the state regulator" is a particular party the entity step did not name
    text = "Then the state regulator and four cities filed a lawsuit against Quell Labs over its pricing."
    assert roles_of(extract(extractor, text), "LegalAction") == []


def test_extract_events_deals6_announced_his_departure(extractor) -> None:
    text = "Dana Moor is president of Quell Labs. Moor announced his departure on social media on Friday."
    found = roles_of(extract(extractor, text), "Departure")
    assert [r for r, _ in found] == [{"person": {"Dana Moor"}, "organization": {"Quell Labs"}}]


def test_extract_events_deals6_he_joined_is_still_nobody(extractor) -> None:
    text = "Quell Labs makes drones. He announced his departure on Friday."
    assert roles_of(extract(extractor, text), "Departure") == []


def test_extract_events_deals6_listed_investors_are_no_recipient(extractor) -> None:
    text = (
        "Quite a lot, according to zeta9. Emerging from stealth today with $4.5 million in funding from "
        "9-Pine Capital, Dorn Ventures, Tall Oak Partners, Bellamonte, and Ilex Ventures, the company is a "
        "Denver-based startup founded by Mara Tulle, who serves as its CEO."
    )
    for roles, _ in roles_of(extract(extractor, text), "Investment"):
        assert not roles.get("recipient", set()) & {"Dorn Ventures", "Tall Oak Partners", "Ilex Ventures"}


def test_extract_events_deals6_named_recipient_keeps_its_investors(extractor) -> None:
    text = (
        "Lumo Labs builds sales tools. Emerging from stealth today with $2.5 million in funding from Quell "
        "Capital and Aviso Ventures, the company is a Boston-based startup. Lumo Labs is hiring."
    )
    found = roles_of(extract(extractor, text), "Investment")
    want = {"investor": {"Quell Capital", "Aviso Ventures"}, "recipient": {"Lumo Labs"}}
    assert [r for r, _ in found] == [want]
