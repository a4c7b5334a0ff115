"""Read news as it is really found: files, folders and globs -> `Document`s, or `Skipped` records.

The format is sniffed from the content, never the file name: plain text, HTML pages, WordPress
REST posts, JSON Lines, JSON arrays/objects of records, RSS and Atom feeds. Page furniture is
removed from every text (rules in kg/data/furniture.json).

Behaviour worth knowing:
- `read_sources` checks every path before reading anything and raises `SourceError` for one that
  does not exist and matches nothing; after that it never raises for a bad input: an unreadable
  file, record, line or entry becomes a `Skipped(path, reason, item)` and reading goes on.
- Folders are read recursively in sorted order; hidden files and folders, and README files (a
  corpus's own description), are left out of folders and globs. A file named explicitly is read.
- Items are numbered from 1: "line 12" (JSON Lines), "item 3" (JSON arrays), "entry 2" (feeds).
- JSON Lines files are streamed one line at a time, so memory does not grow with the number of
  records. Other files are read whole: a document is never truncated, whatever its size, and a
  large one costs a few times its size in memory while it is cleaned.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.model import Document, Skipped
from kg.sources.common import derive_title
from kg.sources.decode import HEAD_BYTES, BinaryContent, check_binary, choose_encoding, decode
from kg.sources.feeds import read_feed
from kg.sources.furniture import clean_lines
from kg.sources.htmltext import finish_document, read_html
from kg.sources.paths import check_paths, iter_files
from kg.sources.records import read_json, read_jsonl

__all__ = ["FORMATS", "read_sources", "sniff"]

FORMATS = ("text", "html", "wordpress", "jsonl", "json", "rss", "atom")

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_HINT = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6]|section|main|span|a\s)[\s>/]",
    re.IGNORECASE,
)
_JSON_ARRAY = re.compile(r"\[\s*(?:[\[{\"\]]|-?\d|true\b|false\b|null\b|$)")
_HEADLINE_MAX = 150
_MENU_MAX = 12


def read_sources(paths: Iterable[str | Path]) -> Iterator[Document | Skipped]:
    """Documents (and Skipped records for unreadable inputs) from files, folders and glob patterns.

    Raises SourceError at once when a path does not exist and matches nothing.
    """
    checked = check_paths(paths)
    return _read_all(checked)


def _read_all(checked: list[tuple[str, list[str] | None]]) -> Iterator[Document | Skipped]:
    _quiet_third_party_loggers()
    for name in iter_files(checked):
        yield from read_file(name)


def read_file(name: str) -> Iterator[Document | Skipped]:
    """Every document in one file; never raises for bad content."""
    try:
        yield from _read_file(Path(name), name)
    except OSError as exc:
        yield Skipped(name, f"cannot read file: {exc.strerror or exc}")
    except (MemoryError, RecursionError) as exc:
        yield Skipped(name, f"file too large or too deeply nested to read ({type(exc).__name__})")
    except Exception as exc:  # last resort: a reader bug must not stop a whole build; it is reported
        yield Skipped(name, f"could not read ({type(exc).__name__}: {exc})")


def sniff(head: str) -> str:
    """The format family of a file from its first characters: html, feed, json or text."""
    start = head.lstrip()
    if start.startswith("<"):
        sample = start[:8192]
        if _FEED_ROOT.search(sample) and not re.search(r"<html[\s>]", sample, re.IGNORECASE):
            return "feed"
        if _HTML_HINT.search(sample) or not sample.startswith("<?xml"):
            return "html"
        return "feed"  # some other XML: the feed reader says it holds no entries
    if start.startswith("{") or _JSON_ARRAY.match(start):
        return "json"
    if re.search(r"<(?:!doctype\s+html|html)[\s>]", start[:2048], re.IGNORECASE):
        return "html"
    return "text"


def _read_file(path: Path, name: str) -> Iterator[Document | Skipped]:
    if not path.is_file():
        yield Skipped(name, "not a regular file")
        return
    if path.stat().st_size == 0:
        yield Skipped(name, "empty file")
        return
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    try:
        check_binary(head)
        encoding = choose_encoding(head)
        # A full head may end inside a multi-byte character: trim a few bytes before sniffing it.
        head_text = decode(head[: HEAD_BYTES - 4] if len(head) == HEAD_BYTES else head, encoding)
    except BinaryContent as exc:
        yield Skipped(name, str(exc))
        return
    if not head_text.strip() and len(head) < HEAD_BYTES:
        yield Skipped(name, "file holds only whitespace")
        return
    family = sniff(head_text)
    del head, head_text
    if family == "feed":
        yield from read_feed(path.read_bytes(), name)
    elif family == "json":
        if _is_json_lines(path):
            yield from read_jsonl(path, name, encoding)
        else:
            yield from read_json(_decoded(path, encoding), name)
    elif family == "html":
        yield read_html(_decoded(path, encoding), name)
    else:
        # Split while decoding, so that a huge file's text is not held whole next to its lines.
        yield _text_document(decode(path.read_bytes(), encoding).splitlines(), name)


def _decoded(path: Path, encoding: str) -> str:
    return decode(path.read_bytes(), encoding)


def _is_json_lines(path: Path) -> bool:
    """JSON Lines rather than one (pretty-printed) JSON value: the first line is a whole object on
    its own, or looks like one, and more lines follow."""
    lines: list[bytes] = []
    with path.open("rb") as handle:
        for raw in handle:
            stripped = raw.strip()
            if stripped:
                lines.append(stripped)
                if len(lines) == 2:
                    break
    if len(lines) < 2:
        return False
    first, second = lines
    try:
        if isinstance(json.loads(first), dict):
            return True
    except (ValueError, RecursionError):
        pass
    return first.startswith(b"{") and first.endswith(b"}") and second.startswith(b"{")


def looks_like_headline(line: str) -> bool:
    words = line.split()
    return (
        0 < len(line) <= _HEADLINE_MAX
        and len(words) <= 25
        and not line.endswith((".", ",", ";", ":"))
        and not line[:1].islower()
        and any(c.isalpha() for c in line)
    )


def read_text(text: str, source_path: str) -> Document | Skipped:
    """Plain text: the first line is the title when it looks like a headline, else the first sentence."""
    if not text.strip():
        return Skipped(source_path, "file holds only whitespace")
    return _text_document(text.splitlines(), source_path)


def _text_document(lines: list[str], source_path: str) -> Document | Skipped:
    cleaned = clean_lines(lines)
    paragraphs = cleaned.paragraphs
    if len(paragraphs) > 2 and cleaned.publisher and paragraphs[0].casefold() == cleaned.publisher.casefold():
        del paragraphs[0]  # the site's name above the headline (the masthead)
    menu = _menu_run(paragraphs)
    if menu:
        del paragraphs[:menu]
    if len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        return finish_document(cleaned, paragraphs.pop(0), source_path, "text")
    title = derive_title(paragraphs[0]) if paragraphs else ""
    return finish_document(cleaned, title, source_path, "text", title_in_text=True)


def _menu_run(paragraphs: list[str]) -> int:
    """How many opening lines are a site menu: single words or pairs ("Events", "Deep Dives") with no
    closing punctuation, right before a headline of four or more words. A headline of one or two
    words stays the title when no longer headline follows it."""
    for n, line in enumerate(paragraphs[:_MENU_MAX + 1]):
        words = len(line.split())
        if words > 2:
            return n if n and looks_like_headline(line) and words >= 4 and len(paragraphs) > n + 1 else 0
        if not looks_like_headline(line):
            return 0
    return 0


def _quiet_third_party_loggers() -> None:
    # trafilatura and htmldate log parse trouble at WARNING; with no handler configured Python would
    # print those to stderr. A NullHandler keeps the library silent while still letting an application
    # that configures logging see them.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())

