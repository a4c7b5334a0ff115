"""kg.sources on hostile and huge input: never an exception, always documents or reasons; bounded memory."""

from __future__ import annotations

import json
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.model import Document, Skipped
from kg.sources import read_sources

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sources"
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_bytes(data: bytes, name: str = "input.txt") -> list[Document | Skipped]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_sources([path]))
        for item in items:
            assert isinstance(item, (Document, Skipped))
            if isinstance(item, Skipped):
                assert item.reason.strip() and item.path == str(path)
            else:
                # a document has text, or is a feed item read for its headline alone
                assert item.text.strip() or item.format in ("rss", "atom")
                assert item.title.strip() and item.id[0] in "uh" and len(item.id) == 17
        assert items, "every input yields at least one document or a reason"
        return items


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["title", "text", "content", "body", "date", "url", "source", "x"]), inner, max_size=5
    ),
    max_leaves=20,
)


@FUZZ
@given(st.binary(max_size=2000))
def test_sources_fuzz_random_bytes(data: bytes) -> None:
    read_bytes(data)


@FUZZ
@given(json_values, st.integers(min_value=0, max_value=400))
def test_sources_fuzz_json_whole_and_truncated(value: object, cut: int) -> None:
    text = json.dumps(value)
    read_bytes(text.encode())
    read_bytes(text[:cut].encode())


@FUZZ
@given(st.lists(json_values, min_size=2, max_size=6), st.integers(min_value=0, max_value=300))
def test_sources_fuzz_json_lines(values: list[object], cut: int) -> None:
    lines = "\n".join(json.dumps(v) for v in values)
    read_bytes(('{"title": "t", "text": "A record with text."}\n' + lines).encode())
    read_bytes(lines[:cut].encode())


html_pieces = st.sampled_from([
    "<html>", "</html>", "<head>", "<title>", "</title>", "<body>", "<p>", "</p>", "<div class='share'>",
    "</div>", "<script>", "</script>", "<!--", "-->", "<meta property='og:site_name' content='X'>", "&amp;",
    "&#8217;", "&bogus;", "<br/>", "<article>", "</article>", "<h1>", "<nav>", "<![CDATA[", "<?xml?>",
    "Words about a launch. ", "Another sentence of news. ", "\x00", "\u00e9", "<", ">", '"', "=",
])


@FUZZ
@given(st.lists(html_pieces, max_size=60))
def test_sources_fuzz_malformed_html(pieces: list[str]) -> None:
    read_bytes(("<!DOCTYPE html>" + "".join(pieces)).encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(st.sampled_from(["feed.rss", "feed.atom"]), st.integers(min_value=0, max_value=1200),
       st.binary(max_size=20))
def test_sources_fuzz_truncated_and_corrupted_feeds(name: str, cut: int, noise: bytes) -> None:
    data = (FIXTURES / name).read_bytes()
    read_bytes(data[:cut])
    read_bytes(data[:cut] + noise + data[cut:])


@FUZZ
@given(st.text(min_size=1, max_size=300), st.sampled_from(["cp1252", "utf-16", "utf-8-sig", "latin-1",
                                                            "utf-16-le", "utf-32", "shift_jis"]))
def test_sources_fuzz_encodings(text: str, encoding: str) -> None:
    items = read_bytes(text.encode(encoding, errors="ignore") or b" ")
    readable = "".join(c for c in text if c.isalnum())
    if encoding in ("utf-16", "utf-8-sig", "utf-32") and len(readable) > 20 and all(
        isinstance(i, Document) for i in items
    ):
        # compared letters and digits only: the reader may drop spaces, punctuation and control characters
        assert any(readable[:5] in "".join(c for c in i.text + i.title if c.isalnum())
                   for i in items if isinstance(i, Document))


@pytest.mark.parametrize("data", [
    b"[" * 100_000,
    b"[" * 100_000 + b"]" * 100_000,
    b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    b"<div>" * 100_000 + b"text",
    b'<?xml version="1.0"?><rss version="2.0"><channel>' + b"<item>" * 10_000,
    b"\x00" * 1000,
    b"\xff\xfe" + b"\x00\xd8" * 500,  # UTF-16 with lone surrogates
    b"",
    b"\n\n\n   \t",
    b"\xef\xbb\xbf",
])
def test_sources_pathological_input_never_raises(data: bytes) -> None:
    read_bytes(data)


# --- size and streaming --------------------------------------------------------------------------------

def _records(count: int) -> Iterator[str]:
    for i in range(count):
        yield json.dumps({"title": f"Company {i} ships an update",
                          "text": f"Company number {i} released a new version of its assistant on Monday.",
                          "date": "2024-01-02", "source": "Test Wire"}) + "\n"


def test_sources_jsonl_streams_100k_lines(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(_records(100_000))
    size = path.stat().st_size
    tracemalloc.start()
    try:
        items = read_sources([path])
        first = next(items)
        _, peak_first = tracemalloc.get_traced_memory()
        thousand = [next(items) for _ in range(999)]
        _, peak_thousand = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(first, Document) and first.item == "line 1"
    assert [d.item for d in thousand if isinstance(d, Document)] == [f"line {n}" for n in range(2, 1001)]
    # documents arrive before the file is parsed: memory nowhere near the file's size
    assert peak_first < size / 20 and peak_thousand < size / 20, (peak_first, peak_thousand, size)


def test_sources_single_5mb_line(tmp_path: Path) -> None:
    words = " ".join(f"Firm{i} raised money." for i in range(260_000))
    assert len(words) > 5_000_000
    lines = tmp_path / "long.jsonl"
    lines.write_text(json.dumps({"title": "A long one", "text": words}) + "\n"
                     + json.dumps({"title": "Short", "text": "A short record."}) + "\n", encoding="utf-8")
    long_doc, short_doc = read_sources([lines])
    assert isinstance(long_doc, Document) and len(long_doc.text) == len(words)
    assert isinstance(short_doc, Document) and short_doc.item == "line 2"
    text = tmp_path / "long.txt"
    text.write_text(words, encoding="utf-8")
    (doc,) = read_sources([text])
    assert isinstance(doc, Document) and doc.text.startswith("Firm0 raised money.")
    assert len(doc.text) == len(words)


def test_sources_50mb_document_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as handle:
        written, n = 0, 0
        while written < 50_000_000:
            paragraph = " ".join(
                f"Sentence {n}.{j} says Northwind agreed to buy a start-up for {j} million dollars."
                for j in range(20)
            ) + "\n\n"
            handle.write(paragraph)
            written += len(paragraph)
            n += 1
    size = path.stat().st_size
    start = time.perf_counter()
    tracemalloc.start()
    try:
        (doc,) = read_sources([path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(doc, Document)
    assert len(doc.text) >= size - 100  # kept whole, never truncated
    assert peak < 3.5 * size, f"peak {peak / size:.2f}x the file size"
    assert time.perf_counter() - start < 30
