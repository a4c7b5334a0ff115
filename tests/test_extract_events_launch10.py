"""Launch recall, round 10 (whole extractor, real model, sentences written for these tests with invented
names): a launch of a new version, update or preview of a named product launches that product, also
where the name is a modifier deep inside the "of" phrase ("its X communications product")."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract

OPENER = "Zentrix Networks makes software for banks. "


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Zentrix Networks has launched an AI-enhanced version of its Plimsoll communications product.",
            {"Zentrix Networks", "Plimsoll"},
        ),
        (
            "Zentrix Networks released a preview of its Plimsoll design platform to developers.",
            {"Zentrix Networks", "Plimsoll"},
        ),
        (
            "Zentrix Networks released the next generation of its Quorra Studio editing software.",
            {"Zentrix Networks", "Quorra Studio"},
        ),
    ],
)
def test_launch10_version_of_product_launches_the_product(extractor, text: str, who: set[str]):
    found = events_of(extract(extractor, OPENER + text), "Launch")
    assert [names for names, _ in found] == [who]


@pytest.mark.parametrize(
    "text",
    [
        # a product the new tool is built on is not what is launched
        "Zentrix Networks launched a Plimsoll-powered tool for lawyers.",
        # "a successor to X" is a new product, not X
        "Zentrix Networks unveiled a successor to its Plimsoll communications product.",
        # updates to the applications that run on a product are no launch of that product
        ("The Quorra Rollouts controller, which it sells to banks, enables companies to introduce updates to "
         "Kubernetes applications incrementally."),
    ],
)
def test_launch10_other_objects_do_not_launch_the_named_product(extractor, text: str):
    found = events_of(extract(extractor, OPENER + text), "Launch")
    assert all(not names & {"Plimsoll", "Kubernetes"} for names, _ in found)


def test_launch10_release_object_named_in_front_is_the_product_not_what_it_is_for(extractor):
    # "the X beta for A and B": X is released; A and B are what it is for
    text = "Zentrix Networks released the Plimsoll 2 beta for Windows and Quorra Studio."
    found = events_of(extract(extractor, OPENER + text + " Quorra Studio is a popular editor."), "Launch")
    assert [names for names, _ in found] == [{"Zentrix Networks", "Plimsoll 2"}]
