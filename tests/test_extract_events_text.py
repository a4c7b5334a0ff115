"""Events on sentences written for these tests, through the whole extractor (real spaCy model,
loaded once per session by the `extractor` fixture of tests/conftest.py)."""

from __future__ import annotations

import pytest

from kg.model import Document, EventRecord, Extraction

PUBLISHED = "2024-02-08"  # a Thursday
HEDGED = {"Rumoured", "Denied", "Planned", "Rejected", "Cancelled"}


def extract(extractor, text: str) -> Extraction:
    return extractor.extract(Document(id="t", title="", text=text, published=PUBLISHED))


def named(x: Extraction, ev: EventRecord) -> set[str]:
    names = {e.key: e.name for e in x.entities}
    return {names[k] for _, k in ev.participants}


def find(x: Extraction, etype: str, who: set[str]) -> EventRecord:
    hits = [e for e in x.events if e.type == etype and who <= named(x, e)]
    assert hits, [(e.type, named(x, e)) for e in x.events]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "etype", "who"),
    [
        (
            "After a long beta, Google launched its Gemini assistant on Tuesday for all users in Europe.",
            "Launch",
            {"Google", "Gemini"},
        ),
        (
            "Google shut down its Bard chatbot last year and moved its users to a new app.",
            "Discontinuation",
            {"Google", "Bard"},
        ),
        (
            "Meta delayed the release of its Llama model because of safety concerns raised by its own staff.",
            "Delay",
            {"Meta", "Llama"},
        ),
        (
            "Amazon acquired the warehouse robotics startup Covariant for $400 million, according to people "
            "close to the deal.",
            "Acquisition",
            {"Amazon", "Covariant"},
        ),
        (
            "Anthropic partnered with Amazon to train its next models on custom chips.",
            "Partnership",
            {"Anthropic", "Amazon"},
        ),
        (
            "Reddit signed a licensing deal with Google worth about $60 million a year.",
            "Partnership",
            {"Reddit", "Google"},
        ),
        (
            "Stripe appointed Nadia Brennan as chief operating officer after a long search.",
            "Appointment",
            {"Nadia Brennan", "Stripe"},
        ),
        (
            "Elena Marsh joined Anthropic as head of policy in March after six years at Google.",
            "Appointment",
            {"Elena Marsh", "Anthropic"},
        ),
        (
            "Kevin Marsh stepped down as CEO of Stability AI after two difficult years at the company.",
            "Departure",
            {"Kevin Marsh", "Stability AI"},
        ),
        (
            "ChatGPT went down for several hours on Monday, frustrating millions of paying users.",
            "Outage",
            {"ChatGPT"},
        ),
        (
            "Slack restored access to its messaging service after a three-hour outage that hit many users.",
            "Outage",
            {"Slack"},
        ),
        (
            "The New York Times sued OpenAI and Microsoft over the use of its articles for training.",
            "LegalAction",
            {"The New York Times", "OpenAI", "Microsoft"},
        ),
    ],
)
def test_extract_events_text_plain_events(extractor, text, etype, who):
    x = extract(extractor, text)
    ev = find(x, etype, who)
    assert ev.status not in HEDGED
    assert ev.evidence.sentence == text
    assert 0.1 <= ev.confidence <= 0.95


@pytest.mark.parametrize(
    ("text", "etype", "who", "status"),
    [
        (
            "Meta denied reports that it plans to buy Snap, calling the story pure speculation.",
            "Acquisition",
            {"Meta", "Snap"},
            {"Denied"},
        ),
        (
            "Apple is in talks to acquire Perplexity, the search startup, according to a report.",
            "Acquisition",
            {"Apple", "Perplexity"},
            {"Rumoured"},
        ),
        (
            "Analysts wonder whether Apple could ever afford to buy Disney outright.",
            "Acquisition",
            {"Apple"},
            HEDGED,
        ),
        (
            "OpenAI did not launch GPT-5 this week, despite weeks of rumours among developers.",
            "Launch",
            {"OpenAI"},
            {"Denied"},
        ),
        (
            "Microsoft said on Monday that it will invest $10 billion in OpenAI over several years.",
            "Investment",
            {"Microsoft", "OpenAI"},
            {"Planned"},
        ),
        (
            "The board of HubSpot rejected a takeover offer from Google last month, people familiar with "
            "the talks said.",
            "Acquisition",
            {"Google", "HubSpot"},
            {"Rejected"},
        ),
        (
            "The planned merger between Adobe and Figma was called off after regulators raised concerns.",
            "Acquisition",
            {"Adobe", "Figma"},
            {"Cancelled"},
        ),
        (
            "Sources say Amazon is considering a bid for the chip designer Arm as part of a wider push.",
            "Acquisition",
            {"Amazon", "Arm"},
            {"Rumoured"},
        ),
        (
            "If Apple buys Disney, the combined company would dominate streaming for a decade.",
            "Acquisition",
            {"Apple"},
            HEDGED,
        ),
    ],
)
def test_extract_events_text_hedged_deals_are_never_plain(extractor, text, etype, who, status):
    x = extract(extractor, text)
    for ev in x.events:
        if ev.type == etype:
            assert ev.status in status, (ev.type, ev.status)
    find(x, etype, who)


@pytest.mark.parametrize(
    ("text", "etype", "attr", "value"),
    [
        (
            "After a long beta, Google launched its Gemini assistant on Tuesday for all users in Europe.",
            "Launch",
            "date",
            "2024-02-06",
        ),
        (
            "ChatGPT went down for several hours on Monday, frustrating millions of paying users.",
            "Outage",
            "date",
            "2024-02-05",
        ),
        (
            "Perplexity raised $250 million in a funding round led by Andreessen Horowitz last month.",
            "Investment",
            "amount",
            250e6,
        ),
        (
            "Nvidia invested $50 million in the French startup Mistral AI during its latest funding round.",
            "Investment",
            "amount",
            50e6,
        ),
        (
            "The European Commission fined Google €2.4 billion for favouring its own shopping service.",
            "LegalAction",
            "amount",
            2.4e9,
        ),
    ],
)
def test_extract_events_text_dates_and_amounts(extractor, text, etype, attr, value):
    x = extract(extractor, text)
    ev = next(e for e in x.events if e.type == etype)
    if attr == "date":
        assert ev.date == value
    else:
        assert ev.amount is not None and ev.amount.value == pytest.approx(value)


def test_extract_events_text_investment_roles(extractor):
    x = extract(
        extractor, "Perplexity raised $250 million in a funding round led by Andreessen Horowitz last month."
    )
    names = {e.key: e.name for e in x.entities}
    ev = next(e for e in x.events if e.type == "Investment")
    roles = {(role, names[k]) for role, k in ev.participants}
    assert roles == {("recipient", "Perplexity"), ("investor", "Andreessen Horowitz")}


@pytest.mark.parametrize(
    "text",
    [
        "The startup raised money from several investors over the summer.",  # nobody named
        "Our team will launch a newsletter soon, the editors told readers.",  # no entity
        "Google has invested heavily in data centers and in research over the past decade.",  # no recipient
        "Many companies announced partnerships with universities during the conference.",  # nobody named
    ],
)
def test_extract_events_text_no_event_without_named_parties(extractor, text):
    assert extract(extractor, text).events == ()


def test_extract_events_text_one_event_per_product_report(extractor):
    text = (
        "OpenAI said on Monday that it is discontinuing its Sora app. The shutdown of Sora "
        "surprised many users who had paid for the service."
    )
    x = extract(extractor, text)
    discontinued = [e for e in x.events if e.type == "Discontinuation"]
    assert len(discontinued) == 2  # one per sentence: both report the same event
    assert all(named(x, e) == {"OpenAI", "Sora"} for e in discontinued)
    assert not [e for e in x.events if e.type == "Launch"]
