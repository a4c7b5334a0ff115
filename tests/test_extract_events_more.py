"""More event rules on sentences written for these tests (whole extractor, real model): rounds
completed or joined, backing, partnerships stated through the governing verb, "among those who",
counted deal nouns, running totals, rounds that refer back, range dates."""

from __future__ import annotations

import pytest

from kg.extract.triggers import deal_amounts
from kg.model import Document, EventRecord, Extraction


def extract(extractor, text: str) -> Extraction:
    return extractor.extract(Document(id="t", title="", text=text, published="2024-02-08"))


def named(x: Extraction, ev: EventRecord) -> set[str]:
    names = {e.key: e.name for e in x.entities}
    return {names[k] for _, k in ev.participants}


def events_of(x: Extraction, etype: str) -> list[tuple[set[str], EventRecord]]:
    return [(named(x, e), e) for e in x.events if e.type == etype]


@pytest.mark.parametrize(
    ("text", "etype", "who"),
    [
        ("Mistral AI announced it has completed a $64 million series B round.", "Investment", {"Mistral AI"}),
        (
            "Also in June, Salesforce Ventures participated in the $270 million funding of Cohere.",
            "Investment",
            {"Salesforce Ventures", "Cohere"},
        ),
        (
            "Anthropic received backing from Y Combinator last year.",
            "Investment",
            {"Anthropic", "Y Combinator"},
        ),
        (
            "ServiceNow is working closely with Hugging Face in a partnership to develop a tool.",
            "Partnership",
            {"ServiceNow", "Hugging Face"},
        ),
        (
            "Jane Doe, Mark Roe and Ann Poe are among those who are suing OpenAI over the claims.",
            "LegalAction",
            {"Jane Doe", "Mark Roe", "Ann Poe", "OpenAI"},
        ),
        (
            "Microsoft has made three rounds of investments in OpenAI since 2019.",
            "Investment",
            {"Microsoft", "OpenAI"},
        ),
    ],
)
def test_extract_events_more_found(extractor, text, etype, who):
    x = extract(extractor, text)
    assert any(who <= names for names, _ in events_of(x, etype)), [(e.type, named(x, e)) for e in x.events]


def test_extract_events_more_range_start_is_no_event_date(extractor):
    x = extract(extractor, "Microsoft has made three rounds of investments in OpenAI since 2019.")
    assert all(e.date is None for _, e in events_of(x, "Investment"))


@pytest.mark.parametrize(
    "text",
    [
        "The round brings the company's total financing raised to date to $78 million.",
        "It brings total funding to date for the Paris company to $105 million.",
        "The startup has raised $40 million so far from a dozen investors.",
    ],
)
def test_extract_events_more_running_totals_are_no_deal_amounts(text):
    assert deal_amounts(text) == []


def test_extract_events_more_single_round_amount_is_kept():
    assert [a.value for _, _, a in deal_amounts("Acme raised $12 million in a round led by Sequoia.")] == [
        12e6
    ]


def test_extract_events_more_the_round_joins_the_earlier_investment(extractor):
    x = extract(
        extractor,
        "Mistral AI is raising $44 million in new funding. Nvidia led the new round, with help from others.",
    )
    found = events_of(x, "Investment")
    assert len(found) == 1, found
    names, ev = found[0]
    assert {"Mistral AI", "Nvidia"} <= names
    assert ev.amount is not None and ev.amount.value == 44e6


def test_extract_events_more_the_round_alone_makes_no_event(extractor):
    x = extract(extractor, "Nvidia led the new round, with help from others.")
    assert events_of(x, "Investment") == []
