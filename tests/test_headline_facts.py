"""Facts told in the headline: feed items whose summary never restates the title's news.

The fixture `sources/headlines.rss` holds five invented briefs: three whose only fact is in the
title (an acquisition with its price, a shutdown, a question), one whose summary restates the
title, and one whose title names a company but states no fact.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Literal

from kg.extract.context import DocContext
from kg.extract.headlinecase import sentence_case
from kg.model import Document, Extraction
from kg.namespace import KG, evidence_iri
from kg.pipeline import build
from kg.sources import read_file
from kg.validate import validate

FEED = Path(__file__).parent / "fixtures" / "sources" / "headlines.rss"


@pytest.fixture(scope="module")
def briefs(extractor) -> dict[str, Extraction]:  # noqa: ANN001 - the session fixture
    docs = [d for d in read_file(str(FEED)) if isinstance(d, Document)]
    assert len(docs) == 5
    return {d.title: extractor.extract(d) for d in docs}


def _events(x: Extraction) -> list[tuple[str, set[tuple[str, str]], str]]:
    return [(e.type, set(e.participants), e.status) for e in x.events]


def test_headline_only_acquisition_with_price(briefs: dict[str, Extraction]) -> None:
    title = "OpenAI buys Windsurf for $3 billion"
    x = briefs[title]
    parts = {("agent", "org:openai"), ("target", "product:windsurf")}
    assert _events(x) == [("Acquisition", parts, "Announced")]
    ev = x.events[0]
    assert ev.amount is not None and (ev.amount.value, ev.amount.currency) == (3e9, "USD")
    e = ev.evidence
    assert e.in_title and e.sentence == title and (e.start, e.end) == (0, len(title))
    assert ev.confidence == 0.75  # a verbal trigger (0.85) read from the headline (-0.1)
    # the names only the title gives exist for the fact, with no mention in the text
    names = {r.key: r for r in x.entities}
    assert names["product:windsurf"].mentions == () and names["org:openai"].mentions == ()


def test_headline_only_shutdown(briefs: dict[str, Extraction]) -> None:
    x = briefs["Google shuts down its Tables app"]
    parts = {("agent", "org:google"), ("product", "product:tables")}
    assert _events(x) == [("Discontinuation", parts, "Announced")]
    assert x.events[0].evidence.in_title


def test_question_headline_is_no_plain_event(briefs: dict[str, Extraction]) -> None:
    x = briefs["Will Apple buy Perplexity?"]
    assert _events(x) == [("Acquisition", {("agent", "org:apple"), ("target", "org:perplexity")}, "Rumoured")]


def test_headline_restated_by_the_text_is_one_event_with_the_texts_evidence(
    briefs: dict[str, Extraction],
) -> None:
    x = briefs["Nvidia invests $500 million in Mistral"]
    assert _events(x) == [
        ("Investment", {("investor", "org:nvidia"), ("recipient", "org:mistral-ai")}, "Announced")
    ]
    e = x.events[0].evidence
    assert not e.in_title and e.sentence.startswith("Mistral said on Friday")


def test_title_only_name_without_a_fact_is_dropped(briefs: dict[str, Extraction]) -> None:
    x = briefs["A slow week for Brimwell Dynamics and the chip sector"]
    assert not x.events
    assert not any("brimwell" in r.key for r in x.entities)


def test_title_case_headline_takes_only_known_names(extractor) -> None:  # noqa: ANN001
    # In Title Case the model's name labels are unreliable: an unknown name is not taken from it,
    # a name the gazetteer knows is.
    doc = Document(id="t1", title="Zentrik Unveils Pallio For Banks", text="The company gave no details.")
    assert not any(r.key.endswith(("zentrik", "pallio")) for r in extractor.extract(doc).entities)
    known = Document(id="t2", title="Microsoft Acquires Activision Blizzard", text="Regulators took a year.")
    (event,) = extractor.extract(known).events
    assert event.type == "Acquisition" and event.evidence.in_title
    assert set(event.participants) == {("agent", "org:microsoft"), ("target", "org:activision-blizzard")}


def test_title_case_headline_is_parsed_in_sentence_case() -> None:
    known = {"microsoft": 1, "activision blizzard": 1, "openai": 1, "sora": 1}
    title = "Microsoft Acquires Activision Blizzard"
    assert sentence_case(title, known) == "Microsoft acquires Activision Blizzard"
    # known names keep their case, a possessive included; so do acronyms, codes and the first word
    assert sentence_case("Why OpenAI's Sora Needs GPU Time", known) == "Why OpenAI's Sora needs GPU time"
    assert sentence_case("Zentrik Unveils Pallio For Banks", known) == "Zentrik unveils pallio for banks"
    # a sentence-case title is left as it is
    assert sentence_case("Zentrik unveils Pallio for banks", known) == "Zentrik unveils Pallio for banks"
    assert len(sentence_case(title, known)) == len(title)


def test_headline_event_with_only_its_actor_is_dropped(extractor) -> None:  # noqa: ANN001
    # "Stadia" is unknown, so the recased headline reads "Google shuts down stadia": no product
    doc = Document(id="t5", title="Google Shuts Down Stadia", text="Players get refunds.")
    assert extractor.extract(doc).events == ()


def test_headline_name_parsed_as_an_adverbial_noun_is_the_object(extractor) -> None:  # noqa: ANN001
    # the small model reads "Sora" in "OpenAI launches Sora" (no full stop) as an adverbial noun
    doc = Document(id="t6", title="OpenAI launches Sora", text="It makes short videos from prompts.")
    (event,) = extractor.extract(doc).events
    assert (event.type, set(event.participants)) == (
        "Launch", {("agent", "org:openai"), ("product", "product:sora")}
    )


def test_delayed_launch_headline_is_a_delay_not_a_launch(extractor) -> None:  # noqa: ANN001
    title = "Meta's Llama 3 launch delayed to summer"
    doc = Document(id="t3", title=title, text="The company gave no reason.")
    assert [e.type for e in extractor.extract(doc).events] == ["Delay"]


def test_entity_table_keeps_title_mentions_out_of_the_body_spans(extractor) -> None:  # noqa: ANN001
    doc = Document(id="t4", title="OpenAI buys Windsurf", text="OpenAI confirmed the purchase on Tuesday.")
    sdoc, ctx, table = extractor.pipeline.analyse(doc)
    assert isinstance(ctx, DocContext) and ctx.body_offset > 0
    title_refs = table.in_range(0, table.title_end)
    assert {r.key for r in title_refs} == {"org:openai", "product:windsurf"}
    assert all(r.start >= table.title_end for r in table.spans)  # body rules see the body only
    assert table.at_token(title_refs[0].start) == title_refs[0]


def test_graph_marks_headline_evidence_and_conforms(tmp_path: Path) -> None:
    build([str(FEED)], tmp_path, workers=1, html=False, store=False)
    ds = Dataset(default_union=True)
    ds.parse(tmp_path / "graph.trig", format="trig")
    titled = set(ds.subjects(KG.inTitle, Literal(True)))
    events = {e for e in titled if (e, RDF.type, KG.EventEvidence) in ds}
    assert {str(ds.value(e, KG.sentence)) for e in events} == {
        "OpenAI buys Windsurf for $3 billion",
        "Google shuts down its Tables app",
        "Will Apple buy Perplexity?",
    }
    for e in titled:
        doc_id = str(ds.value(e, KG.fromDocument)).rsplit("/", 1)[-1]
        start, end = int(ds.value(e, KG.startOffset)), int(ds.value(e, KG.endOffset))
        assert (start, end) == (0, len(str(ds.value(e, KG.sentence))))
        if e in events:
            (event,) = ds.subjects(KG.evidence, e)
            assert str(e) == evidence_iri(doc_id, "title-event", start, end, str(event))
        else:  # a relation the headline states, or one its event states
            s, p, o = (ds.value(e, x) for x in (RDF.subject, RDF.predicate, RDF.object))
            key = f"{s}|{str(p).rsplit('#', 1)[-1]}|{o}"
            assert str(e) == evidence_iri(doc_id, "title-relation", start, end, key)
    assert validate(ds).conforms


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Nvidia takes on AMD in the race for data-centre chips", ("org:nvidia", "competesWith", "org:amd")),
        ("Anthropic's Claude gets a memory feature", ("product:claude", "developedBy", "org:anthropic")),
    ],
)
def test_headline_states_a_relation(extractor, title: str, expected: tuple[str, str, str]) -> None:  # noqa: ANN001
    doc = Document(id="t7", title=title, text="Analysts expect more of the same next year.")
    (rel,) = extractor.extract(doc).relations
    assert (rel.subject, rel.predicate, rel.object) == expected
    assert rel.evidence.in_title and rel.evidence.sentence == title
    assert rel.confidence <= 0.75  # a pattern's confidence (0.8 or 0.85) less the headline's 0.1


BARE_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire Headlines</title><link>https://wire.example/</link>
<description>Headlines only</description>
<item><title>OpenAI buys Windsurf for $3 billion</title><link>https://wire.example/1</link>
<pubDate>Tue, 06 May 2025 14:00:00 +0000</pubDate></item>
<item><link>https://wire.example/2</link></item>
</channel></rss>
"""


def test_headline_only_feed_item_is_a_document_with_its_fact(extractor, tmp_path: Path) -> None:  # noqa: ANN001
    # a feed of headlines alone (no description): each titled item is read for its headline
    path = tmp_path / "headlines-only.rss"
    path.write_text(BARE_FEED, encoding="utf-8")
    first, second = read_file(str(path))
    assert isinstance(first, Document) and first.text == "" and first.published == "2025-05-06"
    assert not isinstance(second, Document) and "neither title nor text" in second.reason
    (event,) = extractor.extract(first).events
    assert event.type == "Acquisition" and event.evidence.in_title
