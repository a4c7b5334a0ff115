"""Launches of round 14: an organization launching an unnamed thing (agent-only Launch), and a launch
with no agent in its sentence taking the maker the product's name gives."""

from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.model import Document


def _launches(ex: Extractor, text: str) -> list[tuple[str, str, set[str]]]:
    """(status, agent names, product names) of the Launch events found in the text."""
    out = ex.extract(Document(id="t", title="", text=text))
    names = {e.key: e.name for e in out.entities}
    found = []
    for ev in out.events:
        if ev.type == "Launch":
            agents = ",".join(sorted(names[k] for r, k in ev.participants if r == "agent"))
            products = {names[k] for r, k in ev.participants if r == "product"}
            found.append((ev.status, agents, products))
    return found


@pytest.mark.parametrize(
    "text",
    [
        "The streaming startup Velmora launched its own ad-supported tier last year.",
        "The startup Velmora today unveiled a cross-platform virtual hub for shoppers.",
        "The startup Velmora has debuted a new sleep coach inside its wristband app.",
        "The startup Velmora rolled out a gating mechanism for downloads last week.",
        "The startup Velmora introduced a simple, chatty search box in the spring.",
    ],
)
def test_unnamedlaunches_agent_only_launch(extractor: Extractor, text: str) -> None:
    assert ("Announced", "Velmora", set()) in _launches(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # things that are no product: an inquiry, a bill, a partnership, a fund, a campaign
        "The startup Velmora launched an investigation into the data leak.",
        "The startup Velmora introduced a bill of its own design to the council.",
        "The startup Velmora launched a partnership with local schools.",
        "The startup Velmora launched a new fund for young founders.",
        # a thing the text names is not unnamed: the entity step's business
        "The startup Velmora today launched what it calls the first “home cloud box,” a small rack system.",
        # a count noun looks elsewhere
        "The startup Velmora launched a category of games for older players.",
        # a planned launch of an unnamed thing is no event
        "The startup Velmora will launch its own ad-supported tier next year.",
    ],
)
def test_unnamedlaunches_no_launch(extractor: Extractor, text: str) -> None:
    assert _launches(extractor, text) == []


def test_launchmakers_agentless_launch_takes_maker_from_name(extractor: Extractor) -> None:
    text = (
        "The startup Velmora has grown fast this year. "
        "Announced at the spring summit, Velmora Voice is trained on short clips of speech."
    )
    assert ("Announced", "Velmora", {"Velmora Voice"}) in _launches(extractor, text)


def test_launchmakers_no_maker_without_one_in_text(extractor: Extractor) -> None:
    text = "Announced at the spring summit, Velmora Voice is trained on short clips of speech."
    assert all(agents == "" for _, agents, _ in _launches(extractor, text))


@pytest.mark.parametrize(
    ("opening", "maker"),
    [
        # one organization makes the document's products: the unattributed launch is its own
        ("The startup Velmora unveiled Quill Draft and Nimbus Echo on Monday.", "Velmora"),
        # two makers with one product each: no main maker, no guess
        ("The startup Velmora unveiled Quill Draft on Monday, and Brisko Labs unveiled Nimbus Echo.", ""),
    ],
)
def test_launchmakers_main_maker_of_unattributed_launch(
    extractor: Extractor, opening: str, maker: str
) -> None:
    text = opening + " Announced at the same event, the Tarn Tuner API is trained on short clips."
    launched = {(agents, p) for _, agents, products in _launches(extractor, text) for p in products}
    assert (maker, "Tarn Tuner API") in launched
