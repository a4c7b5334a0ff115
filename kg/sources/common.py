"""Shared helpers for the readers: document ids, dates, publishers from hosts, titles from text."""

from __future__ import annotations

import email.utils
import hashlib
import html
import json
import re
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from kg.model import Document

TITLE_MAX = 120
_HASH_CHUNK = 1 << 20
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Only what collapse_spaces must change: a run of spaces, or any space other than a plain one.
_ODD_SPACES = re.compile(
    r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # C0 controls but tab and line breaks, and DEL
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0e-\x1f\x7f]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")


def doc_id(url: str | None, title: str, text: str) -> str:
    """`u` + 16 hex of sha1(url) when there is a URL, else `h` + 16 hex of sha1(title + newline + text)."""
    if url:
        return "u" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    digest = hashlib.sha1(f"{title}\n".encode())
    for start in range(0, len(text), _HASH_CHUNK):  # in pieces: a huge text is not copied whole
        digest.update(text[start : start + _HASH_CHUNK].encode("utf-8", errors="surrogatepass"))
    return "h" + digest.hexdigest()[:16]


def make_document(
    *,
    title: str,
    text: str,
    source_path: str,
    fmt: str,
    url: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    item: str | None = None,
) -> Document:
    url = clean_url(url)
    title = clean_inline(title) or derive_title(text)
    return Document(
        id=doc_id(url, title, text),
        title=title,
        text=text,
        url=url,
        published=published,
        publisher=clean_inline(publisher) or None,
        source_path=source_path,
        item=item,
        format=fmt,
    )


def unescape(value: str) -> str:
    """Decode HTML entities, twice when a feed escaped them twice (`&amp;#8217;`)."""
    for _ in range(2):
        if "&" not in value:
            break
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    return value


def clean_inline(value: Any) -> str:
    """A one-line field (title, publisher): entities decoded, tags and extra whitespace removed."""
    if not isinstance(value, str):
        return ""
    value = unescape(value)
    if "<" in value:
        value = re.sub(r"<[^>]{0,500}>", " ", value)
    value = _INVISIBLE.sub("", value)
    return _SPACES.sub(" ", value.replace("\n", " ").replace("\r", " ")).strip()


def collapse_spaces(line: str) -> str:
    """One line with invisible characters removed and runs of (any kind of) space made one space."""
    if not line.isascii():  # cheap checks first: this runs on every line of every document
        return _ODD_SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()
    if not line.isprintable():  # a control character (a stray backspace, a NUL from a broken export)
        line = _CONTROLS.sub("", line)
    if "  " in line or "\t" in line:
        line = _ODD_SPACES.sub(" ", line)
    return line.strip()


def clean_url(url: Any) -> str | None:
    if not isinstance(url, str):
        return None
    url = unescape(url.strip())
    if not re.match(r"^https?://[^\s/]+", url, re.IGNORECASE) or any(c.isspace() for c in url):
        return None
    return url


def first_sentence(text: str) -> str:
    head = text.lstrip()[:2000].split("\n", 1)[0]
    parts = _SENTENCE_END.split(head, maxsplit=1)
    return parts[0].strip()


def shorten(value: str, limit: int = TITLE_MAX) -> str:
    if len(value) <= limit:
        return value
    cut = value[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return cut + "…"


def derive_title(text: str) -> str:
    """A title for a document that has none: its first sentence, shortened."""
    return shorten(first_sentence(text))


def iso_date(value: Any) -> str | None:
    """An ISO date `YYYY-MM-DD` from an ISO string, an RFC 822 date, or free text; None if unknown.

    The date is the one written in the source (its own time zone), not converted to UTC.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value / 1000 if value > 1e11 else value).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > 80:
        return None
    match = _ISO_DATE.match(value)
    if match:
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    parsed = email.utils.parsedate_tz(value)
    if parsed and parsed[0] > 1900:
        return _valid(parsed[0], parsed[1], parsed[2])
    if not re.search(r"\d{4}", value):
        return None  # a weekday or a relative date says nothing without a year
    return _dateparser(value)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _dateparser(value: str) -> str | None:
    import dateparser  # slow to import: only when a date is not ISO or RFC 822

    try:
        parsed = dateparser.parse(
            value,
            languages=["en"],
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
        )
    except Exception:  # dateparser raises assorted errors on odd input; an unknown date is not fatal
        return None
    return parsed.date().isoformat() if parsed else None


@lru_cache(maxsize=1)
def _publishers() -> dict[str, str]:
    raw = resources.files("kg").joinpath("data", "publishers.json").read_text(encoding="utf-8")
    hosts: dict[str, str] = json.loads(raw)["hosts"]
    return {host.lower(): name for host, name in hosts.items()}


_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"}


def publisher_from_url(url: str | None) -> str | None:
    """A readable publisher name for a URL's host: a known name, else the site's label capitalised."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host:
        return None
    known = _publishers()
    labels = host.split(".")
    for i in range(len(labels) - 1):
        name = known.get(".".join(labels[i:]))
        if name:
            return name
    if labels[0] in ("www", "m", "amp", "blog", "news", "feeds", "rss") and len(labels) > 2:
        labels = labels[1:]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        site = labels[-3]
    elif len(labels) >= 2:
        site = labels[-2]
    else:
        site = labels[0]
    if not site or site.replace("-", "").isdigit():
        return None
    return site[:1].upper() + site[1:]
