"""Launch recall, round 7 (whole extractor, real model, sentences written for these tests with invented
names): software as an unnamed launched product ("launched a public beta of its design software",
"released its new accounting software"), while software as a kind of thing ("sells software") is no
launch."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Brindlefox Labs, a startup run by two former designers, has launched a public beta of its "
            "AI-powered photo editing software.",
            {"Brindlefox Labs"},
        ),
        ("Tarnwick Labs released its new accounting software on Monday.", {"Tarnwick Labs"}),
        ("Tarnwick Labs launched a beta of its Lumo Desk software.", {"Tarnwick Labs", "Lumo Desk"}),
    ],
)
def test_launch_software_is_a_launched_product(extractor, text: str, who: set[str]):
    found = events_of(extract(extractor, text), "Launch")
    assert [(names, e.status) for names, e in found] == [(who, "Announced")]


@pytest.mark.parametrize(
    "text",
    [
        "Tarnwick Labs sells software to banks in Ohio.",
        "Tarnwick Labs plans to release new software for hospitals.",
    ],
)
def test_launch_software_as_a_kind_is_no_plain_launch(extractor, text: str):
    found = events_of(extract(extractor, text), "Launch")
    assert all(e.status != "Announced" for _, e in found)
