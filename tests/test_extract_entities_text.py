"""Entity step helpers that need no spaCy model: names, page layout, offsets, data files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract.context import DocContext, OffsetError
from kg.extract.layout import (
    BODY,
    COMMENTS,
    HEADLINE,
    LABEL,
    TITLE,
    Layout,
    is_headline_line,
    title_case_runs,
)
from kg.extract.names import (
    clean_name,
    is_handle,
    is_version_token,
    looks_like_person_name,
    name_key,
    split_glued_version,
)
from kg.extract.resources import DataFileError, _case_variants, _load_gazetteer, load_resources
from kg.model import ORG, PERSON, PRODUCT, Document


@pytest.fixture(scope="module")
def rules():
    return load_resources().rules


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("OpenAI's", "OpenAI"),
        ("OpenAI’s", "OpenAI"),
        ("The Verge", "Verge"),
        ("“Nimbus”,", "Nimbus"),
        ("• Acme Labs", "Acme Labs"),
        ("  Fidji\nSimo ", "Fidji Simo"),
    ],
)
def test_names_clean_name_strips_possessive_article_and_punctuation(raw, clean):
    assert clean_name(raw) == clean


def test_names_clean_name_keeps_article_when_asked():
    assert clean_name("The Walt Disney Company", keep_the=True) == "The Walt Disney Company"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("OpenAI", "openai"),
        ("Sean O’Kane", "Sean O'Kane"),
        ("The Wall Street Journal", "wall street journal"),
    ],
)
def test_names_name_key_joins_case_quote_and_article_variants(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    "handle",
    [
        "Falcon_Officialvip",
        "GateUser-b026c8cc",
        "MasterChuTheOldDemonMasterChuvip",
        "discoveryvip",
        "#OpenAIShutsDown",
    ],
)
def test_names_is_handle_rejects_commenter_handles(rules, handle):
    assert is_handle(handle, rules)


@pytest.mark.parametrize("name", ["OpenAI", "ByteDance", "TechCrunch", "xAI", "Kirsten Korosec", "G42"])
def test_names_is_handle_keeps_brand_names(rules, name):
    assert not is_handle(name, rules)


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("GPT-4o", ("GPT", "4o")),
        ("Qwen2.5", ("Qwen", "2.5")),
        ("Llama-2", ("Llama", "2")),
        ("GPT4", ("GPT", "4")),
    ],
)
def test_names_split_glued_version_finds_family_and_version(word, split):
    assert split_glued_version(word) == split


@pytest.mark.parametrize("word", ["G42", "Log4j", "FP8", "M2", "COVID-2019", "Windows"])
def test_names_split_glued_version_leaves_names_alone(word):
    assert split_glued_version(word) is None


@pytest.mark.parametrize(
    ("token", "is_version"), [("2.0", True), ("4o", True), ("70B", True), ("2024", False)]
)
def test_names_version_token_excludes_years(token, is_version):
    assert is_version_token(token) is is_version


@pytest.mark.parametrize(
    ("words", "ok"),
    [
        ("Sean O'Kane", True),
        ("Fei-Fei Li", True),
        ("Ursula von der Leyen", True),
        ("IBM Watson", False),
        ("Sora", False),
        ("Seedance 2.0", False),
    ],
)
def test_names_looks_like_person_name(words, ok):
    assert looks_like_person_name(words.split()) is ok


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        ("Quillmate Unveils A New Assistant For Small Law Firms", True),
        ("Acme Dynamics Data Center Project Faces Delays Following Talks", True),
        ("Quillmate said on Monday that it would open an office in Porto next year.", False),
    ],
)
def test_layout_is_headline_line(line, headline):
    assert is_headline_line(line) is headline


def test_layout_title_case_run_found_inside_prose():
    line = "the tool works well. Business Why The Quiet Merger Of Two Labs Matters Now Jane Roe says more"
    runs = title_case_runs(line)
    assert len(runs) == 1
    assert line[runs[0][0] : runs[0][1]].startswith("Business Why")


def test_layout_title_case_run_ignores_comma_lists():
    assert (
        title_case_runs("Rivals include Google, Meta, Amazon, Apple, Microsoft, Nvidia and Intel today.")
        == []
    )


@pytest.mark.parametrize(
    ("line", "runs"),
    [
        # people with titles, the sentence going on in lower case: prose, not a glued headline
        ("Borex Chief Executive Dana Pell and Quillmate Chief Executive Ravi Okafor met regulators.", 0),
        ("Korvel Labs Co-Founder and CTO Ilsa Varn said the chip ships in May.", 0),
        ("Norvik AI CEO Tomas Brek and Plinko CTO Ada Vale, have signed the letter.", 0),
        # a list of speakers with titles, capitals going on: furniture
        ("Dana Pell Chief Executive Officer, Borex Ravi Okafor Senior Vice President, Quillmate Labs", 1),
        # a glued headline with a question mark keeps its run
        ("Who Is Borex's New Interim CEO? Dana Pell And Ravi Okafor explain the move", 1),
    ],
)
def test_layout_title_case_run_people_with_titles_in_prose(line, runs):
    assert len(title_case_runs(line)) == runs


def test_layout_zones_title_label_headline_body_comments():
    text = "\n".join(
        [
            "Quillmate Raises Money For Legal Assistant",  # title (prepended)
            "",
            "Industry News",
            "Quillmate Unveils A New Assistant For Small Law Firms",
            "Quillmate said on Monday that it would open an office in Porto next year.",
            "Comment",
            "Sunbeam_Tradervip",
            "· 2h ago",
            "Nice one",
            "Reply0",
        ]
    )
    body_offset = text.index("Industry")
    layout = Layout.of(
        text, body_offset, load_resources().rules.comment_start, load_resources().rules.comment_lines
    )
    assert layout.zone(0) == TITLE
    assert layout.zone(text.index("Industry")) == LABEL
    assert layout.zone(text.index("Quillmate Unveils")) == HEADLINE
    assert layout.zone(text.index("Quillmate said")) == BODY
    assert layout.zone(text.index("Sunbeam")) == COMMENTS


def test_context_offsets_map_to_document_text_when_title_is_prepended():
    doc = Document(id="d1", title="A headline", text="First sentence. Second one here.")
    ctx = DocContext.from_document(doc)
    assert ctx.processed_text == "A headline\n\nFirst sentence. Second one here."

    class Span:  # stands in for a spaCy Span over the processed text
        def __init__(self, start: int, end: int) -> None:
            self.start_char, self.end_char, self.text = start, end, ctx.processed_text[start:end]

    start = ctx.processed_text.index("Second")
    ev = ctx.evidence(Span(start, len(ctx.processed_text)))
    assert (ev.start, ev.end) == (16, 32)
    assert doc.text[ev.start : ev.end] == ev.sentence == "Second one here."
    assert not ev.in_title
    with pytest.raises(OffsetError):
        ctx.text_span(Span(0, 10))
    # the headline's evidence counts in the title, whitespace at the edges removed
    title_ev = ctx.evidence(Span(0, 12))
    assert title_ev.in_title and (title_ev.start, title_ev.end) == (0, 10)
    assert doc.title[title_ev.start : title_ev.end] == title_ev.sentence == "A headline"
    assert title_ev.place < ev.place  # the title reads first


def test_context_title_not_prepended_when_body_repeats_it():
    doc = Document(id="d2", title="Nimbus Ships", text="Nimbus Ships\n\nThe model is out.")
    ctx = DocContext.from_document(doc)
    assert ctx.body_offset == 0 and ctx.processed_text == doc.text


def test_resources_gazetteer_entries_are_consistent():
    gaz = load_resources().gazetteer
    assert len(gaz.entries) >= 300
    for entry in gaz.entries.values():
        for ref in (entry.developer, entry.org, entry.parent):
            assert ref is None or ref in gaz.entries, (entry.id, ref)
    by_name = gaz.by_name()
    assert by_name["open ai"].name == "OpenAI"
    assert by_name["wsj"].name == "The Wall Street Journal"
    assert by_name["disney"].name == "The Walt Disney Company"
    assert by_name["meta platforms"].kind == ORG
    assert by_name["sora"].kind == PRODUCT and by_name["sora"].developer == "openai"
    assert by_name["sam altman"].kind == PERSON and by_name["sam altman"].org == "openai"


def test_resources_case_variants_only_for_camel_case_words():
    assert "Techcrunch" in _case_variants("TechCrunch")
    assert _case_variants("Notion") == ["Notion"]
    assert _case_variants("Wall Street Journal") == ["Wall Street Journal"]


def test_resources_bad_gazetteer_line_names_file_and_line(tmp_path: Path):
    path = tmp_path / "gaz.jsonl"
    path.write_text(json.dumps({"id": "a", "name": "A", "kind": "Organization"}) + "\n{not json\n")
    with pytest.raises(DataFileError, match=r"gaz\.jsonl:2"):
        _load_gazetteer(path)
