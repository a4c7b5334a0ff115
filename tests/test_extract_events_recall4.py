"""Event recall, fourth round (issue #3): lettered rounds the parse breaks ("a series A funding round",
"a $28M series A", "a $40 million Series B"), "it" raising money right after the sentence that names the
company, money a company comes out of stealth with, and no organization guessed for a deal whose actor
is a named person. Whole extractor and real model; every sentence is written for these tests with
invented names."""

from __future__ import annotations

import pytest

from tests.test_extract_events_recall import events_of, extract


@pytest.mark.parametrize(
    ("text", "who", "value"),
    [
        (
            "Zentrano, a startup that sells pricing forecasts to traders, has announced a series A funding "
            "round of $17.5 million. The funding round was led by venture firm Bluefield Partners.",
            {"Zentrano", "Bluefield Partners"},
            17.5e6,
        ),
        ("Velto Systems closed a $28M series A last week.", {"Velto Systems"}, 28e6),
        (
            "Northwind Robotics, a drone maker, announced a $40 million Series B on Tuesday.",
            {"Northwind Robotics"},
            40e6,
        ),
        (
            "Kelvara Inc. has raised a $12 million Series A led by Orca Partners.",
            {"Kelvara Inc.", "Orca Partners"},
            12e6,
        ),
    ],
)
def test_extract_events_recall4_lettered_rounds(extractor, text: str, who: set[str], value: float) -> None:
    found = events_of(extract(extractor, text), "Investment")
    assert [w for w, _ in found] == [who]
    amount = found[0][1].amount
    assert amount is not None and amount.value == value


@pytest.mark.parametrize(
    "text",
    [
        "The Series A Championship was held in Rome last week.",
        "Velto Systems plays in the Series B league this season.",
    ],
)
def test_extract_events_recall4_series_without_money_is_no_round(extractor, text: str) -> None:
    assert not events_of(extract(extractor, text), "Investment")


def test_extract_events_recall4_it_raised_after_naming_sentence(extractor) -> None:
    text = (
        "Corvix Analytics is a startup that builds data pipelines for analysts. Today, it announced that it "
        "has raised $5.7 million in a seed round of funding. The seed funding was led by Harbor Ventures and "
        "Pike Capital."
    )
    found = events_of(extract(extractor, text), "Investment")
    assert [w for w, _ in found] == [{"Corvix Analytics", "Harbor Ventures", "Pike Capital"}]


def test_extract_events_recall4_it_raised_needs_one_named_company(extractor) -> None:
    text = (
        "Corvix Inc. and Pellam Inc. both build data pipelines for analysts. Today, it announced "
        "that it has raised $5.7 million."
    )
    assert not events_of(extract(extractor, text), "Investment")


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Kestrel Systems, a maker of design software, emerged from stealth in February with $65 million "
            "in funding.",
            {"Kestrel Systems"},
        ),
        (
            "Ostrava Labs came out of stealth today with $11 million series A funding led by Birch Capital.",
            {"Ostrava Labs", "Birch Capital"},
        ),
    ],
)
def test_extract_events_recall4_out_of_stealth_with_money(extractor, text: str, who: set[str]) -> None:
    assert [w for w, _ in events_of(extract(extractor, text), "Investment")] == [who]


def test_extract_events_recall4_came_back_with_money_is_no_round(extractor) -> None:
    text = "Kelvara Inc. came back with $3 million in funding for its partners after the storm."
    assert not events_of(extract(extractor, text), "Investment")


@pytest.mark.parametrize(
    "text",
    [
        "While Dana Whitfield has been busy taking over Twitter, her robotics company Acme Robotics has been "
        "refining its arm.",
        "Acme Robotics builds arms. Since Dana Whitfield agreed to buy Twitter, Acme Robotics has been calm.",
    ],
)
def test_extract_events_recall4_person_buyer_gets_no_company(extractor, text: str) -> None:
    found = events_of(extract(extractor, text), "Acquisition")
    assert all("Acme Robotics" not in who for who, _ in found)
