"""RSS 2.0 / RSS 1.0 and Atom feeds via feedparser: each entry is one document."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from kg.model import Document, Skipped
from kg.sources.common import clean_inline, clean_url, iso_date, make_document, publisher_from_url
from kg.sources.furniture import clean_text
from kg.sources.htmltext import finish_document, fragment_to_text, looks_like_html


def _parse(data: bytes) -> Any:
    import feedparser

    # A stream, never a string: feedparser treats a string that looks like a URL or a path as one to open.
    return feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)


def _body(entry: Any) -> str:
    """content:encoded / Atom content (HTML preferred over plain) before the summary."""
    contents = entry.get("content") or []
    for wanted in ("text/html", "application/xhtml+xml", None):
        for part in contents:
            if (wanted is None or part.get("type") == wanted) and (part.get("value") or "").strip():
                return str(part["value"])
    return str(entry.get("summary") or entry.get("description") or "")


def _date(entry: Any) -> str | None:
    # The raw string keeps the publisher's own calendar day; the *_parsed fields are in UTC.
    # dict.get reads the entry's own keys, without feedparser's deprecated updated->published mapping.
    for key in ("published", "updated", "created", "dc_date"):
        found = iso_date(dict.get(entry, key))
        if found:
            return found
    for key in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, key)
        if parsed:
            return f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
    return None


def read_feed(data: bytes, source_path: str) -> Iterator[Document | Skipped]:
    parsed = _parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            yield Skipped(source_path, f"malformed feed: {parsed.get('bozo_exception')}")
        else:
            yield Skipped(source_path, "feed has no entries")
        return
    version = str(parsed.get("version") or "")
    fmt = "atom" if version.startswith("atom") else "rss"
    feed = parsed.get("feed") or {}
    feed_title = clean_inline(feed.get("title")) or None
    for n, entry in enumerate(entries, start=1):
        item = f"entry {n}"
        body = _body(entry)
        text = fragment_to_text(body) if looks_like_html(body) or "&" in body else body
        url = clean_url(entry.get("link")) or clean_url(entry.get("id"))
        title = clean_inline(entry.get("title"))
        source = entry.get("source") or {}
        publisher = clean_inline(source.get("title")) or feed_title or publisher_from_url(url)
        if not text.strip():
            if title:  # a headline-only item ("OpenAI buys Windsurf"): its title is its news
                yield make_document(title=title, text="", source_path=source_path, fmt=fmt, url=url,
                                    published=_date(entry), publisher=publisher, item=item)
            else:
                yield Skipped(source_path, "feed entry has neither title nor text", item)
            continue
        yield finish_document(clean_text(text), title, source_path, fmt, url=url, published=_date(entry),
                              publisher=publisher, item=item)
