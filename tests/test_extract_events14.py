"""Events, round 14 (whole extractor, real model, sentences written for these tests with invented
names): a company that closes itself ("Brellix Labs shut down in 2021", "Brellix Labs announced it will
shut down": closures.py); "pushed back on" resists and delays nothing; licences as deals ("licensed
its images from Y", "licensed its models to Y"); a person who was an early investor in a company;
"in partnership with Y" on a verb whose subject names no organization guesses no other side."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract

LEAD = "Brellix Labs sells route planning software to delivery firms. "


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (LEAD + "Brellix Labs shut down in 2021 after it ran out of money.", "Announced"),
        (LEAD + "Brellix Labs is winding down after a failed sale.", "Announced"),
        (LEAD + "Brellix Labs announced it will shut down next month.", "Planned"),
    ],
)
def test_extract_events14_company_closing_itself_is_a_discontinuation(extractor, text, status) -> None:
    found = events_of(extract(extractor, text), "Discontinuation")
    assert [p for p, _ in found] == [{"Brellix Labs"}]
    assert found[0][1].status == status


def test_extract_events14_they_announced_shutdown_names_both_companies(extractor) -> None:
    text = "Both Brellix Labs and Quorva Systems announced they will shut down rather than pay the new fees."
    found = events_of(extract(extractor, text), "Discontinuation")
    assert [p for p, _ in found] == [{"Brellix Labs", "Quorva Systems"}]


@pytest.mark.parametrize(
    "sentence",
    [
        "Brellix Labs would not say why it shut down.",  # a question: what closed is not stated
        "The city shut down in March during the storm.",  # no named organization
        "Brellix Labs was shut down by the regulator.",  # passive: the regulator's act, no self-closure
    ],
)
def test_extract_events14_no_self_closure_without_a_named_closing_subject(extractor, sentence) -> None:
    found = events_of(extract(extractor, LEAD + sentence), "Discontinuation")
    assert all("agent" not in {role for role, _ in e.participants} for _, e in found)


@pytest.mark.parametrize("prep", ["on", "against"])
def test_extract_events14_pushing_back_on_criticism_is_no_delay(extractor, prep) -> None:
    text = LEAD + f"In a statement, Brellix Labs pushed back {prep} the criticism from drivers."
    assert events_of(extract(extractor, text), "Delay") == []


def test_extract_events14_pushing_back_a_launch_is_still_a_delay(extractor) -> None:
    text = "Brellix Labs makes the Quorva 3 app. Brellix Labs pushed back the Quorva 3 launch to June."
    assert events_of(extract(extractor, text), "Delay")


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        ("Brellix Labs has licensed street images from the map library Quorva Systems.",
         {"Brellix Labs", "Quorva Systems"}),
        ("Brellix Labs has licensed its routing models exclusively to Quorva Systems.",
         {"Brellix Labs", "Quorva Systems"}),
    ],
)
def test_extract_events14_licensing_from_or_to_a_company_is_a_deal(extractor, sentence, parties) -> None:
    found = events_of(extract(extractor, LEAD + sentence), "Deal")
    assert [p for p, _ in found] == [parties]


def test_extract_events14_licensing_without_a_named_counterpart_is_no_deal(extractor) -> None:
    text = LEAD + "Brellix Labs said such tools should be licensed in a similar way to medicines."
    assert events_of(extract(extractor, text), "Deal") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Dana Whitfield was an early investor in Brellix Labs when it started in 2016.",
        "The chairman of Quorva Systems, Dana Whitfield, one of the first investors in Brellix Labs, left.",
        "A bitter falling out Dana Whitfield was an early investor in Brellix Labs when it started.",
    ],
)
def test_extract_events14_person_early_investor_is_an_investment(extractor, sentence) -> None:
    found = events_of(extract(extractor, LEAD + sentence), "Investment")
    assert [p for p, _ in found] == [{"Dana Whitfield", "Brellix Labs"}]


def test_extract_events14_person_investor_in_a_venture_firm_is_no_investment(extractor) -> None:
    text = "Dana Whitfield, an investor in Tarnhill Ventures, spoke at the summit about chips."
    assert events_of(extract(extractor, text), "Investment") == []


def test_extract_events14_partnership_on_a_subject_naming_no_company_guesses_no_side(extractor) -> None:
    text = (
        "Quorva Systems builds stores for brands. Quorva Systems hosts them. "
        "Fashion designer Dana Whitfield today launched a virtual store in partnership with Brellix Labs."
    )
    found = events_of(extract(extractor, text), "Partnership")
    assert not any("Quorva Systems" in p for p, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Brellix Labs has a problem: it is facing a class-action lawsuit over its maps.",
        "That is a risk Brellix Labs knows well, since it's now facing a lawsuit over driver data.",
    ],
)
def test_extract_events14_pronoun_defendant_named_earlier_in_the_sentence(extractor, text) -> None:
    found = events_of(extract(extractor, text), "LegalAction")
    assert [p for p, _ in found] == [{"Brellix Labs"}]


def test_extract_events14_pronoun_defendant_of_another_sentence_is_not_guessed(extractor) -> None:
    text = "Brellix Labs makes maps. Quorva Systems sells cars. It is facing a lawsuit over its data."
    assert events_of(extract(extractor, text), "LegalAction") == []


@pytest.mark.parametrize("subject", ["Quorva Systems", "Fashion label Quorva Systems"])
def test_extract_events14_partnership_phrase_on_the_launched_object(extractor, subject) -> None:
    text = (
        "Tarnhill Retail sells clothes online. Tarnhill Retail ships fast. "
        f"{subject} today launched a virtual hub in partnership with Brellix Labs."
    )
    found = events_of(extract(extractor, text), "Partnership")
    assert [p for p, _ in found] == [{"Quorva Systems", "Brellix Labs"}]
