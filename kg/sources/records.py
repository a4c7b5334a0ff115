"""JSON sources: JSON Lines (streamed line by line), JSON arrays or objects of records, and
WordPress REST post objects (a single post or a list of them)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kg.model import Document, Skipped
from kg.sources.common import clean_inline, clean_url, iso_date, publisher_from_url
from kg.sources.decode import BinaryContent, decode
from kg.sources.furniture import clean_text
from kg.sources.htmltext import finish_document, fragment_to_text, looks_like_html

_TEXT_KEYS = ("text", "content", "body", "article", "full_text", "fulltext", "article_text", "maintext",
              "description", "summary")
_TITLE_KEYS = ("title", "headline", "name")
_DATE_KEYS = ("date", "published", "published_at", "publishedAt", "pubDate", "datePublished",
              "date_published", "publish_date", "created_at", "time", "timestamp", "date_gmt")
_URL_KEYS = ("url", "link", "href", "source_url", "canonical_url", "permalink")
_PUBLISHER_KEYS = ("source", "publisher", "site", "site_name", "sitename", "publication", "outlet", "domain")
_CONTAINER_KEYS = ("articles", "items", "records", "documents", "docs", "posts", "entries", "results", "data",
                   "news", "stories")


class RecordError(ValueError):
    """A record that cannot become a document; the message is the Skipped reason."""


def json_error(exc: BaseException) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
    if isinstance(exc, RecursionError):
        return "malformed JSON: nested too deeply to read"
    return f"malformed JSON: {exc}"


def is_wordpress(obj: Any) -> bool:
    return isinstance(obj, dict) and any(
        isinstance(obj.get(k), dict) and "rendered" in obj[k] for k in ("content", "title")
    )


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _rendered(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("rendered") or value.get("raw") or ""
    return value if isinstance(value, str) else ""


def _text_of(value: Any) -> str:
    """A record's text field: a string (HTML converted), or a list of paragraph strings."""
    if isinstance(value, dict):
        value = _rendered(value) or value.get("text") or ""
    if isinstance(value, list):
        value = "\n\n".join(v for v in value if isinstance(v, str))
    if not isinstance(value, str):
        return ""
    return fragment_to_text(value) if looks_like_html(value) else value


def _publisher(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("id")
    return clean_inline(value) or None


def wordpress_document(post: dict[str, Any], source_path: str, item: str | None) -> Document | Skipped:
    """A WordPress REST post: title.rendered, content.rendered (the excerpt only if content is empty,
    since it normally repeats the content's start), date, link, and Yoast/OpenGraph fields if present."""
    raw_yoast = post.get("yoast_head_json")
    yoast: dict[str, Any] = raw_yoast if isinstance(raw_yoast, dict) else {}
    markup = _rendered(post.get("content")) or _rendered(post.get("excerpt"))
    cleaned = clean_text(fragment_to_text(markup))
    url = clean_url(post.get("link")) or clean_url(yoast.get("og_url")) or clean_url(yoast.get("canonical"))
    guid = post.get("guid")
    url = url or clean_url(_rendered(guid) if isinstance(guid, dict) else guid)
    title = clean_inline(_rendered(post.get("title"))) or clean_inline(
        yoast.get("og_title") or yoast.get("title"))
    published = iso_date(post.get("date")) or iso_date(yoast.get("article_published_time")) or iso_date(
        post.get("date_gmt"))
    publisher = clean_inline(yoast.get("og_site_name")) or publisher_from_url(url)
    return finish_document(cleaned, title, source_path, "wordpress", url=url, published=published,
                           publisher=publisher, item=item)


def record_document(rec: dict[str, Any], source_path: str, fmt: str, item: str | None) -> Document | Skipped:
    """A generic news record: title, text (or content/body), optional date, url, source/publisher."""
    if is_wordpress(rec):
        return wordpress_document(rec, source_path, item)
    text = _text_of(_first(rec, _TEXT_KEYS))
    if not text.strip():
        keys = ", ".join(sorted(rec)[:8]) or "none"
        return Skipped(source_path, f"record has no text (expected a 'text', 'content' or 'body' field; "
                                    f"keys: {keys})", item)
    cleaned = clean_text(text)
    url = clean_url(_first(rec, _URL_KEYS))
    title = clean_inline(_first(rec, _TITLE_KEYS))
    published = next((d for d in (iso_date(rec.get(k)) for k in _DATE_KEYS) if d), None)
    publisher = _publisher(_first(rec, _PUBLISHER_KEYS)) or cleaned.publisher or publisher_from_url(url)
    return finish_document(cleaned, title, source_path, fmt, url=url, published=published,
                           publisher=publisher, item=item)


def _records(value: Any) -> tuple[list[Any], bool] | None:
    """The records a parsed JSON value holds, and whether they are wrapped in a container."""
    if isinstance(value, list):
        return value, True
    if isinstance(value, dict):
        if is_wordpress(value) or _first(value, _TEXT_KEYS) is not None:
            return [value], False
        for key in _CONTAINER_KEYS:
            if isinstance(value.get(key), list):
                return value[key], True
        lists = [v for v in value.values() if isinstance(v, list) and any(isinstance(x, dict) for x in v)]
        if len(lists) == 1:
            return lists[0], True
    return None


def read_json(text: str, source_path: str) -> Iterator[Document | Skipped]:
    """A JSON document holding one record, a list of records, or an object with a list of records."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield Skipped(source_path, json_error(exc))
        return
    del text
    found = _records(value)
    if found is None or not any(isinstance(r, dict) for r in found[0]):
        yield Skipped(source_path, "JSON holds no news records (expected objects with a title and a 'text', "
                                   "'content' or 'body' field, or WordPress posts)")
        return
    records, listed = found
    wordpress = any(is_wordpress(r) for r in records)
    for n, rec in enumerate(records, start=1):
        item = f"item {n}" if listed else None
        if not isinstance(rec, dict):
            yield Skipped(source_path, f"item is a JSON {type(rec).__name__}, not an object", item)
        elif wordpress and is_wordpress(rec):
            yield wordpress_document(rec, source_path, item)
        else:
            yield record_document(rec, source_path, "json", item)


def read_jsonl(path: Path, source_path: str, encoding: str) -> Iterator[Document | Skipped]:
    """JSON Lines, streamed: one record per line; a bad line is skipped alone."""
    with path.open("rb") as handle:
        yield from _jsonl_lines(handle, source_path, encoding)


def _jsonl_lines(handle: BinaryIO, source_path: str, encoding: str) -> Iterator[Document | Skipped]:
    for number, raw in enumerate(handle, start=1):
        if not raw.strip():
            continue
        item = f"line {number}"
        try:
            line = decode(raw, encoding)
            value = json.loads(line)
        except BinaryContent as exc:
            yield Skipped(source_path, str(exc), item)
            continue
        except (ValueError, RecursionError) as exc:
            yield Skipped(source_path, json_error(exc).replace("at line 1, column", "at column"), item)
            continue
        if not isinstance(value, dict):
            yield Skipped(source_path, f"line holds a JSON {type(value).__name__}, not an object", item)
            continue
        yield record_document(value, source_path, "jsonl", item)
