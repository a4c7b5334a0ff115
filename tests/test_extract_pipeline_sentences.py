"""Sentence boundaries: every line break starts a sentence, so a prepended title never swallows the
article's opening sentence (rules skip title sentences). Sample texts are written for these tests."""

from __future__ import annotations

import pytest

from kg.model import Document


def sentences(extractor, title: str, text: str) -> list[str]:
    sdoc, ctx, _ = extractor.pipeline.analyse(Document(id="t", title=title, text=text))
    return [s.text.strip() for s in sdoc.sents if s.text.strip()]


def test_pipeline_title_and_opening_sentence_are_separate_sentences(extractor):
    title = "Quillbase raises $12M for warehouse robots"
    text = "Quillbase, a Porto startup, raised $12 million from Birchwood VC on Monday. It will hire."
    sents = sentences(extractor, title, text)
    assert sents[0] == title
    assert sents[1].startswith("Quillbase, a Porto startup")


def test_pipeline_opening_sentence_is_in_the_body(extractor):
    text = "Quillbase launched Tern, its new robot, today."
    doc = Document(id="t", title="Quillbase launches Tern", text=text)
    sdoc, ctx, _ = extractor.pipeline.analyse(doc)
    body = [s for s in sdoc.sents if ctx.in_body(s)]
    assert body and ctx.evidence(body[0]).sentence == doc.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Related stories\nHalcyon Robotics hired a new chief executive.", 2),
        ("Halcyon Robotics hired a new chief\nexecutive from a rival on Friday.", 1),  # a hard-wrapped line
        ("Halcyon Robotics hired a new chief executive.\n\nThe board agreed.", 2),
    ],
)
def test_pipeline_line_breaks_start_sentences_unless_the_line_is_wrapped(extractor, text, expected):
    assert len(sentences(extractor, "", text)) == expected


def test_pipeline_line_break_component_runs_before_the_parser(extractor):
    names = extractor.pipeline.nlp.pipe_names
    assert names.index("kg_line_breaks") < names.index("parser")
