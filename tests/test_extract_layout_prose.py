"""Prose full of names is no headline: a short sentence with a lower-case verb and a full stop, a
speaker and their affiliation after "says", a sentence opening "Founded by A (CEO) and B (CTO)"."""

from __future__ import annotations

import pytest

from kg.extract.layout import is_headline_line, title_case_runs
from kg.model import Document


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Zentrik acquired Quillbyte Systems in 2022.", False),
        ("Quillo was founded by Dana Whitlock and Omar Fenwick in 2019.", False),
        ("Zentrik Acquires Quillbyte Systems", True),  # title case
        ("Zentrik acquires Quillbyte Systems", True),  # sentence case, no full stop
        ("Zentrik Acquires Quillbyte Systems.", True),  # every content word capitalised
    ],
)
def test_extract_layout_sentence_with_lower_case_verb_is_no_headline(line: str, headline: bool) -> None:
    assert is_headline_line(line) is headline


@pytest.mark.parametrize(
    "line",
    [
        "Schools rush to embrace chatbots, says Professor Andrew Pell of the Centre for Digital Trust at "
        "the University of Leeds.",
        "The tools matter, according to Professor Andrew Pell of the Centre for Digital Trust at the "
        "University of Leeds.",
        "Founded by Dana Marie Whitlock (CEO) and Omar Fenwick (CTO) in 2019, Quillo offers an email app.",
    ],
)
def test_extract_layout_speaker_and_founders_are_no_glued_headline(line: str) -> None:
    assert title_case_runs(line) == []


def test_extract_layout_glued_headline_after_a_sentence_still_found() -> None:
    line = (
        "The market moved, said Childs. Business What Acme Board Firing Means for the Future of Quillo "
        "Steven Levy Business was next."
    )
    runs = [line[a:b] for a, b in title_case_runs(line)]
    assert runs and runs[0].startswith("Business What Acme")


def _extract(extractor, text: str):  # noqa: ANN001, ANN202
    ex = extractor.extract(Document(id="t", title="", text=text, published="2023-05-02"))
    names = {e.key: e.name for e in ex.entities}
    return ex, names


def test_extract_layout_short_deal_sentence_gives_both_parties(extractor) -> None:  # noqa: ANN001
    text = "Analysts expect more deals.\n\nZentrik acquired Quillbyte Systems in 2022.\n\nMore follows."
    ex, names = _extract(extractor, text)
    assert "Quillbyte Systems" in names.values()
    deals = [
        {names.get(k) for _, k in v.participants} for v in ex.events if v.type == "Acquisition"
    ]
    assert any({"Zentrik", "Quillbyte Systems"} <= parts for parts in deals), deals


def test_extract_layout_founders_and_speaker_are_people(extractor) -> None:  # noqa: ANN001
    text = (
        "Founded by Dana Marie Whitlock (CEO) and Omar Fenwick (CTO) in 2019, Quillo offers an email app.\n\n"
        "Schools rush to embrace chatbots, says Professor Andrew Pell of the Centre for Digital Trust at "
        "the University of Leeds."
    )
    ex, _ = _extract(extractor, text)
    people = {e.name for e in ex.entities if e.kind == "Person"}
    assert {"Dana Marie Whitlock", "Omar Fenwick", "Andrew Pell"} <= people, people
