"""Events, round 13 (whole extractor, real model, sentences written for these tests with invented
names): a shutdown or delay verb acting on a common noun whose named modifier is the product
("Brellix Labs' Quorva 3 rollout was delayed": Delay of Quorva 3 by Brellix Labs); "sunsetting" and
"sunsetted" as forms of "sunset"."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract, roles_of

LEAD = "Brellix Labs makes the Quorva 3 app for drivers. "


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        (LEAD + "Brellix Labs' Quorva 3 update was delayed to next year.", "Delay"),
        (LEAD + "The company delayed the Quorva 3 rollout after a safety review.", "Delay"),
        (LEAD + "Brellix Labs' Quorva 3 servers were shut down in March.", "Discontinuation"),
    ],
)
def test_extract_events13_product_named_before_the_halted_noun(extractor, text, etype) -> None:
    found = roles_of(extract(extractor, text), etype)
    assert found, f"no {etype} event"
    roles, _ = found[0]
    assert roles.get("product") == {"Quorva 3"}
    assert roles.get("agent") == {"Brellix Labs"}


def test_extract_events13_halted_noun_without_a_product_gives_no_event(extractor) -> None:
    text = LEAD + "Brellix Labs' hiring plans were delayed to next year."
    assert events_of(extract(extractor, text), "Delay") == []


@pytest.mark.parametrize("verb", ["is sunsetting", "sunsetted"])
def test_extract_events13_sunset_inflections_are_discontinuations(extractor, verb) -> None:
    text = LEAD + f"Brellix Labs {verb} the Quorva 3 app in June."
    found = events_of(extract(extractor, text), "Discontinuation")
    assert [p for p, _ in found] == [{"Brellix Labs", "Quorva 3"}]


@pytest.mark.parametrize(
    "sentence",
    [
        # the parse hangs the name off "gaming", read as a clause: only the window finds it
        "Cloud robotics did not have its best month as Brellix Labs decided to shut down its cloud gaming "
        "service Quorva 3 by June.",
        "Last year Brellix Labs discontinued the navigation app Quorva 3 after weak sales.",
    ],
)
def test_extract_events13_product_named_after_describing_words(extractor, sentence) -> None:
    found = roles_of(extract(extractor, LEAD + sentence), "Discontinuation")
    assert [(r.get("agent"), r.get("product")) for r, _ in found] == [({"Brellix Labs"}, {"Quorva 3"})]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Brellix Labs shut down its AI tutoring service last year.", [{"Brellix Labs"}]),
        ("Brellix Labs shut down its offices in Lisbon last year.", []),
        ("Brellix Labs shut down the website last year.", []),
        ("Brellix Labs will shut down its AI tutoring service next year.", []),
    ],
)
def test_extract_events13_unnamed_owned_product_shutdown(extractor, sentence, expected) -> None:
    found = events_of(extract(extractor, LEAD + sentence), "Discontinuation")
    assert [p for p, _ in found] == expected
