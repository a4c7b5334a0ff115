"""Launches of listed products (round 13): "new tools, including A and B", "such as", "A alongside B"."""

from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.model import Document


def _launched(ex: Extractor, text: str) -> set[tuple[str, str]]:
    """(agent, product) pairs of the Launch events found in the text."""
    out = ex.extract(Document(id="t", title="", text=text))
    names = {e.key: e.name for e in out.entities}
    pairs: set[tuple[str, str]] = set()
    for ev in out.events:
        if ev.type != "Launch":
            continue
        agents = [names[k] for r, k in ev.participants if r == "agent"]
        for r, k in ev.participants:
            if r == "product":
                pairs |= {(a, names[k]) for a in agents or [""]}
    return pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Velmora Labs announced a host of new AI products today, including its all-new Quill Draft 2.",
            {("Velmora Labs", "Quill Draft 2")},
        ),
        (
            "Velmora Labs rolled out several AI tools, including Quill Draft and Nimbus Echo.",
            {("Velmora Labs", "Quill Draft"), ("Velmora Labs", "Nimbus Echo")},
        ),
        (
            "Velmora Labs launched new features such as Quill Draft and Nimbus Echo.",
            {("Velmora Labs", "Quill Draft"), ("Velmora Labs", "Nimbus Echo")},
        ),
    ],
)
def test_launchlists_listed_products_launched(extractor: Extractor, text: str, expected: set) -> None:
    assert expected <= _launched(extractor, text)


def test_launchlists_companion_product_launched(extractor: Extractor) -> None:
    text = "Velmora Labs unveiled Quill Draft alongside the new Nimbus Echo app."
    assert {("Velmora Labs", "Quill Draft"), ("Velmora Labs", "Nimbus Echo")} <= _launched(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # a partner in the "alongside" phrase is no launched product
        "Velmora Labs unveiled Quill Draft alongside its partner Nimbus Corp.",
        # an "including" list of companies after a partnership noun launches nothing
        "Velmora Labs announced partnerships with several firms, including Quill Draft Inc.",
    ],
)
def test_launchlists_no_launch_of_non_products(extractor: Extractor, text: str) -> None:
    assert not {p for _, p in _launched(extractor, text)} - {"Quill Draft"}


@pytest.mark.parametrize(
    "text",
    [
        "Users moved to the newly launched Nimbus Echo 3 from Pelmo Labs.",
        "Velmora Labs has announced Quill Draft 2, which rivals the recently released Nimbus Echo 3"
        " from Pelmo Labs.",
    ],
)
def test_launchers_from_maker_is_agent(extractor: Extractor, text: str) -> None:
    assert ("Pelmo Labs", "Nimbus Echo 3") in _launched(extractor, text)
