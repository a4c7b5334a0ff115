"""Launch recall, round 6 (whole extractor, real model, sentences written for these tests with invented
names): availability that begins ("became available", "made X available", "is now generally
available"), "Excited to introduce X" as a launch rather than a plan, "one new feature" as an unnamed
product, and money with a scale word as no product ("announcing a $30 million extension")."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract


@pytest.mark.parametrize(
    ("text", "who", "date"),
    [
        ("Nortek made its Vela chatbot available to everyone in Canada.", {"Nortek", "Vela"}, None),
        ("The Vela chatbot from Nortek became available in 2019.", {"Nortek", "Vela"}, "2019"),
        ("Nortek's Vela assistant is now generally available.", {"Nortek", "Vela"}, None),
    ],
)
def test_availability_launch_when_availability_begins(extractor, text: str, who: set[str], date: str | None):
    found = events_of(extract(extractor, text), "Launch")
    assert [(names, e.status, e.date) for names, e in found] == [(who, "Announced", date)]
    assert found[0][1].rule == "kg.event.launch.available.v1"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Nortek's Vela assistant will become available next year.", "Planned"),
        ("Google hasn't made LaMDA available to outsiders.", "Denied"),
    ],
)
def test_availability_launch_hedged_keeps_its_status(extractor, text: str, status: str):
    assert [e.status for _, e in events_of(extract(extractor, text), "Launch")] == [status]


@pytest.mark.parametrize(
    "text",
    [
        "Its models are only available on Azure and on other Microsoft products.",
        "Nortek said the Vela assistant is available in four languages.",
        "Pricing for Vela Pro is now available on the Nortek website.",
        "Quick Sketch: this Vela feature is now available on Nortek tablets.",
    ],
)
def test_availability_state_is_no_launch(extractor, text: str):
    assert events_of(extract(extractor, text), "Launch") == []


def test_launch_eager_infinitive_is_announced(extractor):
    text = "Zentrix shared a post on Monday. Excited to introduce Quillbot Pro, our new writing assistant."
    found = events_of(extract(extractor, text), "Launch")
    assert [(e.status, "Quillbot Pro" in names) for names, e in found] == [("Announced", True)]


def test_launch_purpose_infinitive_stays_planned(extractor):
    text = "Zentrix is partnering with Orvo Labs to release Quillbot Pro."
    assert {e.status for _, e in events_of(extract(extractor, text), "Launch")} <= {"Planned"}


def test_launch_one_new_feature_is_unnamed_product(extractor):
    text = "Google today debuted one new AI-powered feature for its customers."
    assert [(names, e.status) for names, e in events_of(extract(extractor, text), "Launch")] == [
        ({"Google"}, "Announced")
    ]


def test_launch_financing_extension_is_no_product(extractor):
    text = "Halvor Labs, a data startup, is announcing a $30 million extension of its series A round."
    x = extract(extractor, text)
    assert events_of(x, "Launch") == []
    assert [e.type for e in x.events] == ["Investment"]
