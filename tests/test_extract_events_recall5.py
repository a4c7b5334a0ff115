"""Event recall, round 5 (whole extractor, real model, sentences written for these tests with invented
names): "general availability" as a launch noun, "took the wraps off" as a launch verb, a launch
participle before a possessed noun ("X's just-launched solution"), a feature made available "in" a named
product, and "disclosed $N in funding" as a raise."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Nubo, a cloud company, keeps growing. Today, Nubo announced the general availability of a new "
            "threat detection service in its security suite.",
            {"Nubo"},
        ),
        (
            "Lumex, a data platform vendor, is growing. Lumex is announcing the general availability of "
            "vector search in its flagship Lumex Vault cloud database.",
            {"Lumex", "Lumex Vault"},
        ),
        (
            "Humbrel, a hardware startup, showed a demo. On Thursday, Humbrel finally took the wraps off its "
            "first device: the Zappo Pin.",
            {"Humbrel", "Zappo Pin"},
        ),
        (
            "Humbrel, a hardware startup, showed a demo. On Thursday, Humbrel took the wraps off of Zappo "
            "Pin, its first device.",
            {"Humbrel", "Zappo Pin"},
        ),
        (
            "Humbrel, a hardware startup, showed a demo. On Thursday, Humbrel finally took the wraps off its "
            "first device.",
            {"Humbrel"},
        ),
        (
            "Tovo, a web firm, grew. Tovo has entered the planning space with its newly launched tools.",
            {"Tovo"},
        ),
        (
            "Several vendors compete here. These include Kappa's monitoring integration and Israel-based "
            "Zonta Labs' just-launched generative AI monitoring solution.",
            {"Zonta Labs"},
        ),
        (
            "Brillo, a networking firm, grew. Engineers praised Brillo's recently released coding tools.",
            {"Brillo"},
        ),
    ],
)
def test_extract_events_recall5_launch_phrasings(extractor, text: str, who: set[str]) -> None:
    launches = events_of(extract(extractor, text), "Launch")
    assert [names for names, _ in launches] == [who]


@pytest.mark.parametrize(
    "text",
    [
        # no launch participle: a plain modifier
        "Brillo, a networking firm, grew. Engineers praised Brillo's popular coding tools.",
        # a quoted name between the participle and the noun: a named product the entity step missed
        "Tovo, a web firm, grew. Tovo entered the planning space with its newly launched 'Boards' features.",
        # the participle's noun is no product
        "Brillo, a networking firm, grew. Engineers read Brillo's recently released earnings report.",
        # "availability" alone is no launch noun
        "Nubo, a cloud company, keeps growing. Nubo said the availability of chips is poor.",
    ],
)
def test_extract_events_recall5_launch_needs_the_phrase(extractor, text: str) -> None:
    assert events_of(extract(extractor, text), "Launch") == []


def test_extract_events_recall5_disclosed_funding_is_a_raise(extractor) -> None:
    x = extract(
        extractor,
        "Zentrix, a data company, released its first model. Zentrix disclosed $10.5 million in funding.",
    )
    investments = events_of(x, "Investment")
    assert [names for names, _ in investments] == [{"Zentrix"}]
    amount = investments[0][1].amount
    assert amount is not None and amount.value == 10_500_000


def test_extract_events_recall5_undisclosed_amount_is_no_raise(extractor) -> None:
    x = extract(
        extractor,
        "Zentrix, a data company, released its first model. Zentrix has not disclosed how much it raised.",
    )
    assert events_of(x, "Investment") == []
