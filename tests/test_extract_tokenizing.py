"""Tokens the tokenizer keeps whole: "I/O" and "A/B" (kg/extract/tokenizing.py). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from kg.model import Document


def _sentences(extractor, text: str) -> list[str]:  # noqa: ANN001
    sdoc, _, _ = extractor.pipeline.analyse(Document(id="t", title="", text=text))
    return [s.text for s in sdoc.sents]


@pytest.mark.parametrize("word", ["I/O", "A/B"])
def test_tokenizing_slash_word_is_one_token(extractor, word: str) -> None:  # noqa: ANN001
    sdoc, _, _ = extractor.pipeline.analyse(Document(id="t", title="", text=f"They met at the {word} event."))
    assert word in [t.text for t in sdoc]


def test_tokenizing_conference_name_does_not_cut_the_sentence(extractor) -> None:  # noqa: ANN001
    text = "The big news at Zentrik I/O today is the launch of the company's Quill model, and more."
    assert _sentences(extractor, text) == [text]


def test_tokenizing_final_stop_after_a_whole_token_ends_the_sentence(extractor) -> None:  # noqa: ANN001
    assert _sentences(extractor, "The keynote came at I/O. Then the demos began.") == [
        "The keynote came at I/O.",
        "Then the demos began.",
    ]


def test_tokenizing_other_slash_pairs_are_still_split(extractor) -> None:  # noqa: ANN001
    sdoc, _, _ = extractor.pipeline.analyse(Document(id="t", title="", text="It speaks TCP/IP and more."))
    assert "TCP/IP" not in [t.text for t in sdoc]
