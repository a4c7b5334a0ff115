"""Money amounts: every notation news uses, ranges and ceilings, and numbers that are not money."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract.amounts import find_amounts, parse_amount
from kg.model import Amount

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "ai-tech-news-2023" / "articles.jsonl"


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$6.5bn", 6.5e9, "USD"),
        ("$6.5 billion", 6.5e9, "USD"),
        ("US$2 billion", 2e9, "USD"),
        ("US$ 989.2 Bn", 989.2e9, "USD"),
        ("€1.3 billion", 1.3e9, "EUR"),
        ("1.3 billion euros", 1.3e9, "EUR"),
        ("£600m", 600e6, "GBP"),
        ("¥10 billion", 10e9, "JPY"),
        ("10 billion yen", 10e9, "JPY"),
        ("a billion dollars", 1e9, "USD"),
        ("one billion dollars", 1e9, "USD"),
        ("half a billion dollars", 0.5e9, "USD"),
        ("two hundred million dollars", 200e6, "USD"),
        ("$10B", 10e9, "USD"),
        ("$300M", 300e6, "USD"),
        ("$1.2 trillion", 1.2e12, "USD"),
        ("$500,000", 500_000, "USD"),
        ("$561K", 561_000, "USD"),
        ("$10-million", 10e6, "USD"),
        ("$24 Million", 24e6, "USD"),
        ("C$5 million", 5e6, "CAD"),
        ("A$3bn", 3e9, "AUD"),
        ("HK$10 billion", 10e9, "HKD"),
        ("10 million yuan", 10e6, "CNY"),
        ("RMB 2 billion", 2e9, "CNY"),
        ("₹500 crore", 5e9, "INR"),
        ("Rs 20 lakh", 2e6, "INR"),
        ("₩3 trillion", 3e12, "KRW"),
        ("5 billion won", 5e9, "KRW"),
        ("CHF 100m", 100e6, "CHF"),
        ("AED 1bn", 1e9, "AED"),
        ("SAR 40 billion", 40e9, "SAR"),
        ("USD 5m", 5e6, "USD"),
        ("5m EUR", 5e6, "EUR"),
        ("$200 million USD", 200e6, "USD"),
        ("$3.2 billion dollars", 3.2e9, "USD"),
        ("237.03 billion New Taiwan dollars", 237.03e9, "TWD"),
        ("1.5 billion US dollars", 1.5e9, "USD"),
        ("300 million Swiss francs", 300e6, "CHF"),
        ("$67.4 billion", 67.4e9, "USD"),
    ],
)
def test_amounts_notation(text: str, value: float, currency: str) -> None:
    sentence = f"The startup said the figure was {text} after the talks."
    found = find_amounts(sentence)
    assert len(found) == 1, found
    start, end, amount = found[0]
    assert sentence[start:end] == text
    assert amount == Amount(value, currency, False)


@pytest.mark.parametrize(
    ("sentence", "value", "ceiling", "span"),
    [
        ("Investors may put in up to $4 billion over three years.", 4e9, True, "up to $4 billion"),
        ("The fund could reach as much as €2bn by spring.", 2e9, True, "as much as €2bn"),
        ("The loan is capped at $300m in total.", 300e6, True, "capped at $300m"),
        ("It raised more than $1 billion last year.", 1e9, False, "$1 billion"),
        ("The chipmaker spent over $75 billion on plants.", 75e9, False, "$75 billion"),
        ("A deal worth $1bn-$2bn is on the table.", 2e9, True, "$1bn-$2bn"),
        ("Analysts put it at $1-2 billion.", 2e9, True, "$1-2 billion"),
        ("Bids ranged from $1 billion to $2 billion.", 2e9, True, "$1 billion to $2 billion"),
        ("Seats cost $20 to $24 each.", 24.0, True, "$20 to $24"),
        ("Rounds of 5-10 million euros were common.", 10e6, True, "5-10 million euros"),
    ],
)
def test_amounts_ceiling_and_ranges(sentence: str, value: float, ceiling: bool, span: str) -> None:
    found = find_amounts(sentence)
    assert len(found) == 1, found
    start, end, amount = found[0]
    assert sentence[start:end] == span
    assert (amount.value, amount.ceiling) == (value, ceiling)


def test_amounts_change_is_two_amounts_not_a_range() -> None:
    sentence = "Sales are forecast to grow from $6.9 billion to $67.4 billion by 2030."
    assert [(a.value, a.ceiling) for _, _, a in find_amounts(sentence)] == [(6.9e9, False), (67.4e9, False)]


def test_amounts_range_second_number_without_scale_is_not_money() -> None:
    sentence = "It raised $5 million to 10 employees' delight."
    assert [(sentence[s:e], a.value) for s, e, a in find_amounts(sentence)] == [("$5 million", 5e6)]


def test_amounts_several_in_order() -> None:
    sentence = "The firm raised €21 million ($22 million) and later £1 million more."
    found = find_amounts(sentence)
    assert [(a.value, a.currency) for _, _, a in found] == [(21e6, "EUR"), (22e6, "USD"), (1e6, "GBP")]
    assert [s for s, _, _ in found] == sorted(s for s, _, _ in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "The outage lasted 4 hours before access came back.",
        "About 96% of users said they were happy.",
        "Meta released Llama 2 to researchers.",
        "The partnership dates from 2024.",
        "Set the variable with export $HOME before running.",
        "In the shell script, use `$1` or \\$2 for the arguments.",
        "The template reads {$1} and ${2} from the row.",
        "It is a multibillion-dollar deal.",
        "The startup reached a billion-dollar valuation.",
        "Companies have poured billions of dollars into chips.",
        "Hundreds of millions of dollars went into robots.",
        "The robot weighs 200 pounds.",
        "The team won 3 awards this year.",
        "The model has 70 billion parameters.",
        "GPT-4 scored 86.4 on the test.",
        "A 10-15 minute break followed.",
        "The league has 1 billion fans.",
    ],
)
def test_amounts_not_money(sentence: str) -> None:
    assert find_amounts(sentence) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$6.5bn", Amount(6.5e9, "USD")),
        ("roughly a billion dollars in cash", Amount(1e9, "USD")),
        ("up to £40m", Amount(40e6, "GBP", ceiling=True)),
        ("no money here", None),
        ("", None),
    ],
)
def test_amounts_parse_amount(text: str, expected: Amount | None) -> None:
    assert parse_amount(text) == expected


def test_amounts_values_have_no_binary_noise() -> None:
    assert parse_amount("$67.4 billion") == Amount(67_400_000_000.0, "USD")
    assert parse_amount("$0.1bn") == Amount(100_000_000.0, "USD")


def test_amounts_corpus_no_crash_and_spans_are_money() -> None:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    with CORPUS.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] or "" for _, line in zip(range(100), fh, strict=False)]
    total = 0
    for text in texts:
        last_end = -1
        for start, end, amount in find_amounts(text):
            total += 1
            assert start >= last_end and end > start
            assert any(ch.isdigit() for ch in text[start:end]) or "illion" in text[start:end]
            assert amount.value > 0 and len(amount.currency) == 3
            last_end = end
    assert total > 50
