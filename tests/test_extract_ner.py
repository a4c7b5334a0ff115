"""kg_named_ner: the recognizer runs only on sentences that can name something, with the same entities."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from kg.extract.candidates import CANDIDATE_LABELS
from kg.extract.ner import COMPONENT, MODEL, may_name, named_runs
from kg.extract.pipeline import Pipeline

# The entity labels the extraction reads: its candidates, and NORP in its given-name checks.
READ_LABELS = (CANDIDATE_LABELS - {""}) | {"NORP"}
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ai-tech-news-2023" / "articles.jsonl"

TEXT = (
    "Brightloop Labs raised $40 million from Norrland Ventures on Monday. "
    "It said the money would pay for more engineers next year. "
    "The company plans to double its staff. "
    "Marta Lindqvist, its chief executive, said demand had grown. "
    "However, the startup did not say how much revenue it made. "
    "Analysts expect the deal to close in the spring. "
    "the tool will ship to customers in three weeks."
)


@pytest.fixture(scope="module")
def pipelines(extractor):  # noqa: ANN001, ANN201 - the session extractor: its pipeline is the named-only one
    return extractor.pipeline, Pipeline(named_only=False)


def test_ner_pipeline_swaps_the_recognizer_for_the_named_sentence_component(pipelines):
    named, full = pipelines
    assert COMPONENT in named.nlp.pipe_names and MODEL not in named.nlp.pipe_names
    assert named.nlp.pipe_names.index(COMPONENT) == full.nlp.pipe_names.index("ner")
    assert MODEL in named.nlp.disabled


def test_ner_sentences_without_capitals_past_an_opening_stop_word_are_skipped(pipelines):
    nlp = pipelines[0].nlp
    with nlp.select_pipes(disable=[COMPONENT]):  # the Doc as the component receives it
        doc = nlp(TEXT)
    flags = {s.text.split()[0]: may_name(s) for s in doc.sents}
    assert flags["Brightloop"] and flags["Marta"] and flags["Analysts"]
    assert not flags["It"] and not flags["The"] and not flags["However,"] and not flags["the"]


def test_ner_runs_join_consecutive_named_sentences(pipelines):
    nlp = pipelines[0].nlp
    with nlp.select_pipes(disable=[COMPONENT]):
        doc = nlp(TEXT)
    sents = list(doc.sents)
    runs = named_runs(doc)
    assert runs[0] == (sents[0].start, sents[0].end)
    assert (sents[3].start, sents[3].end) in runs
    assert all(s.start >= runs[-1][0] or s.end <= runs[-1][0] for s in sents)


def test_ner_named_only_gives_the_same_entities_and_outside_tokens(pipelines):
    named, full = pipelines
    a, b = named.nlp(TEXT), full.nlp(TEXT)
    assert [(e.text, e.label_) for e in a.ents if e.label_ in READ_LABELS] == [
        (e.text, e.label_) for e in b.ents if e.label_ in READ_LABELS
    ]
    assert ("Brightloop Labs", "ORG") in [(e.text, e.label_) for e in a.ents]
    skipped = [s for s in a.sents if not may_name(s)]
    assert skipped and all(t.ent_iob_ == "O" for s in skipped for t in s)


def test_ner_gazetteer_entities_survive_the_named_sentence_recognizer(pipelines):
    named, _ = pipelines
    doc = named.nlp("OpenAI launched a new model on Tuesday. it was trained by openai engineers.")
    assert any(e.text == "OpenAI" for e in doc.ents)


def test_ner_named_only_matches_the_full_recognizer_on_real_articles(pipelines):
    if not CORPUS.is_file():
        pytest.skip(f"{CORPUS} not found: ../shared is absent")
    named, full = pipelines
    with CORPUS.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in islice(fh, 12)]
    same = total = 0
    for a, b in zip(named.nlp.pipe(texts, batch_size=4), full.nlp.pipe(texts, batch_size=4), strict=True):
        got = {(e.start, e.end, e.label_) for e in a.ents if e.label_ in READ_LABELS}
        want = {(e.start, e.end, e.label_) for e in b.ents if e.label_ in READ_LABELS}
        # Nothing new; what is lost can only be in a skipped sentence (lower-case words the model
        # mislabels: "koalas" as PERSON), a few in a thousand.
        assert got <= want
        same, total = same + len(got), total + len(want)
    assert total > 300 and same / total >= 0.99
