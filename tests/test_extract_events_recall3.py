"""Event recall, third round (issue #3): funding verbs whose object is the money itself ("landed $16.5M",
"nabs $120M"), investors joining "X's latest funding round" or "its new round", subject lists the parse
chains as modifiers, two rounds in one sentence, and "potential" as a noun before "by". Whole extractor
and real model; every sentence is written for these tests with invented names."""

from __future__ import annotations

import pytest

from tests.test_extract_events_recall import events_of, extract


@pytest.mark.parametrize(
    ("text", "who", "value"),
    [
        (
            "Brisko Labs landed $16.5 million in a series A financing tranche in May 2021.",
            {"Brisko Labs"},
            16.5e6,
        ),
        (
            "Brisko Labs secured €80 million in June from Quartz Ventures.",
            {"Brisko Labs", "Quartz Ventures"},
            80e6,
        ),
        ("Veltrana Robotics snagged $300 million in a series C.", {"Veltrana Robotics"}, 300e6),
        (
            "Ormond Health closed $80 million in a Series B led by Pellam Capital.",
            {"Ormond Health", "Pellam Capital"},
            80e6,
        ),
        ("Brisko Labs has landed $20 million, the company said.", {"Brisko Labs"}, 20e6),
    ],
)
def test_extract_events_recall3_money_object_verbs(extractor, text: str, who: set[str], value: float) -> None:
    found = events_of(extract(extractor, text), "Investment")
    assert any(who <= names and e.amount is not None and e.amount.value == value for names, e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Brisko Labs secured a $20 million contract with the Army.",
        "Brisko Labs netted $5 million in profit last year.",
        "Brisko Labs secured $5 million in sales.",
        "Brisko Labs closed the year with $5 million in the bank.",
        "Shares of Brisko Labs closed at $12 on Monday.",
    ],
)
def test_extract_events_recall3_money_verbs_need_money_object(extractor, text: str) -> None:
    assert not events_of(extract(extractor, text), "Investment")


@pytest.mark.parametrize(
    ("text", "investors"),
    [
        (
            "Brisko Labs today announced that it raised $34 million in series B financing. The company sells "
            "robots. Quartz Ventures, Norrland Capital and Era Ventures participated in Brisko Labs's latest "
            "funding round.",
            {"Quartz Ventures", "Norrland Capital", "Era Ventures"},
        ),
        (
            "Brisko Labs today announced that it raised $34 million. Quartz Ventures and Norrland "
            "Capital also joined its new round.",
            {"Quartz Ventures", "Norrland Capital"},
        ),
    ],
)
def test_extract_events_recall3_investors_join_owned_round(extractor, text: str, investors: set[str]) -> None:
    found = events_of(extract(extractor, text), "Investment")
    assert len(found) == 1
    names, e = found[0]
    assert names == {"Brisko Labs"} | investors
    assert e.amount is not None and e.amount.value == 34e6


def test_extract_events_recall3_other_owner_round_joins_nothing(extractor) -> None:
    text = (
        "Brisko Labs today announced that it raised $34 million. Zeta Robotics is a rival. "
        "Quartz Ventures led Zeta Robotics's latest round."
    )
    found = events_of(extract(extractor, text), "Investment")
    assert all("Quartz Ventures" not in names for names, e in found if "Brisko Labs" in names)


def test_extract_events_recall3_subject_list_of_investors(extractor) -> None:
    text = "Quartz Ventures, Norrland Capital and Era Ventures invested $5 million in Brisko Labs."
    found = events_of(extract(extractor, text), "Investment")
    assert any({"Quartz Ventures", "Era Ventures", "Brisko Labs"} <= names for names, _ in found)


def test_extract_events_recall3_two_rounds_in_one_sentence(extractor) -> None:
    text = (
        "After raising $200 million in February 2021, Brisko Labs today announced that it closed a "
        "$248 million round at a $3.5 billion valuation."
    )
    amounts = {e.amount.value for _, e in events_of(extract(extractor, text), "Investment") if e.amount}
    assert amounts == {200e6, 248e6}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Microsoft seized on this potential by investing $10 billion in OpenAI in January.", "Announced"),
        ("Microsoft is weighing a potential acquisition of Brisko Labs.", "Rumoured"),
    ],
)
def test_extract_events_recall3_potential_as_noun(extractor, text: str, status: str) -> None:
    x = extract(extractor, text)
    assert x.events and all(e.status == status for e in x.events)
