"""Launch recall, round 8 (whole extractor, real model, sentences written for these tests with invented
names): a startup emerging from stealth is a launch of the company itself; a naming participle names
the launched object whatever its head noun or wherever the parser hangs it; "the app was released"
launches the product named just before; "the company called X" is X, not the company named before."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Zentrix Labs, a startup in Oslo, emerged from stealth on Tuesday.", {"Zentrix Labs"}),
        (
            "Zentrix Labs, a startup in Oslo, came out of stealth on Tuesday with $12 million in seed "
            "funding led by Brightpeak Ventures.",
            {"Zentrix Labs"},
        ),
        ("Zentrix Labs, a startup in Oslo, launched out of stealth in March.", {"Zentrix Labs"}),
    ],
)
def test_launch_stealth_exit_launches_the_company(extractor, text: str, who: set[str]):
    found = events_of(extract(extractor, text), "Launch")
    assert [(names, e.status) for names, e in found] == [(who, "Announced")]


def test_launch_stealth_exit_keeps_the_funding(extractor):
    text = (
        "Zentrix Labs, a startup in Oslo, came out of stealth on Tuesday with $12 million in seed "
        "funding led by Brightpeak Ventures."
    )
    found = events_of(extract(extractor, text), "Investment")
    assert [names for names, _ in found] == [{"Zentrix Labs", "Brightpeak Ventures"}]


@pytest.mark.parametrize(
    "text",
    [
        "Zentrix Labs, a startup in Oslo, plans to emerge from stealth next year.",
        "Zentrix Labs, a startup in Oslo, sells robots to farms in stealth mode.",
    ],
)
def test_launch_stealth_plans_are_no_plain_launch(extractor, text: str):
    found = events_of(extract(extractor, text), "Launch")
    assert all(e.status != "Announced" for _, e in found)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # the participle hung on the verb after the object
        (
            "Zentrix Labs, a startup in Oslo, today unveiled its newest farming AI system yet, called Tesso.",
            {"Zentrix Labs", "Tesso"},
        ),
        # the participle hung on the noun of a phrase after the object
        (
            "Zentrix Labs, a startup in Oslo, has unveiled a new robot for farms called Tesso 3.",
            {"Zentrix Labs", "Tesso 3"},
        ),
    ],
)
def test_launch_naming_participle_names_the_product(extractor, text: str, who: set[str]):
    found = events_of(extract(extractor, text), "Launch")
    assert [(names, e.status) for names, e in found] == [(who, "Announced")]


@pytest.mark.parametrize(
    "text",
    [
        "Zentrix Labs, a startup in Oslo, makes the Quillo chatbot for lawyers. The app was released in May.",
        "Zentrix Labs, a startup in Oslo, makes the Quillo chatbot for lawyers. The app launched on Monday.",
    ],
)
def test_launch_anaphor_subject_takes_the_product_named_before(extractor, text: str):
    found = events_of(extract(extractor, text), "Launch")
    assert any("Quillo" in names and e.status == "Announced" for names, e in found)


def test_launch_anaphor_without_product_before_is_no_launch(extractor):
    text = "Zentrix Labs, a startup in Oslo, hired forty engineers. The app was released in May."
    assert events_of(extract(extractor, text), "Launch") == []


def test_launch_company_called_name_is_that_company(extractor):
    text = (
        "Zentrix Labs sells robots to farms. Last year the new company called Brava Works emerged "
        "from stealth mode."
    )
    found = events_of(extract(extractor, text), "Launch")
    assert [names for names, _ in found] == [{"Brava Works"}]


def test_launch_naming_participle_on_a_campaign_is_no_launch(extractor):
    text = "Ravi Mehta and others have launched a campaign called Quiet Machines to urge lawmakers to act."
    assert events_of(extract(extractor, text), "Launch") == []


@pytest.mark.parametrize(
    "text",
    [
        "Zentrix Labs makes robots. Since its release in March, the Quillo chatbot has won many users.",
        "Zentrix Labs makes robots. After its debut in March, the Quillo chatbot was adopted by banks.",
    ],
)
def test_launch_fronted_its_refers_forward_to_the_product(extractor, text: str):
    found = events_of(extract(extractor, text), "Launch")
    assert any("Quillo" in names for names, _ in found)


def test_launch_fronted_its_of_a_company_is_no_launch(extractor):
    text = "Zentrix Labs makes robots. Since its launch in 2019, the company has hired forty engineers."
    assert events_of(extract(extractor, text), "Launch") == []
