"""HTML -> text: whole pages through trafilatura (main text and metadata), fragments through lxml.

Fragments (WordPress `content.rendered`, feed items, HTML inside JSON records) become paragraphs
separated by blank lines; scripts, styles, media, captions, players, share and call-to-action boxes
are dropped (the tag and class lists are in kg/data/furniture.json).
"""

from __future__ import annotations

import re
from typing import Any

from kg.model import Document, Skipped
from kg.sources.common import (
    clean_inline,
    clean_url,
    collapse_spaces,
    iso_date,
    make_document,
    publisher_from_url,
)
from kg.sources.furniture import Cleaned, clean_text, drop_repeats_of, finish, rules

_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
    "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "br", "hr", "figure",
    "address", "center", "details", "summary", "body", "html", "caption",
})
_CELL = frozenset({"td", "th"})
_CONTAINERS = frozenset({"html", "body", "main", "article"})
_TAG_HINT = re.compile(
    r"<(?:p|br|div|span|a|em|strong|b|i|h[1-6]|ul|ol|li|img|blockquote|figure)\b[^>]*>", re.IGNORECASE
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TITLE_SITE = re.compile(r"^\s+[|\-–—:·•»]\s+(\S.{0,60})$")
_SITE_TITLE = re.compile(r"^(\S.{0,60}?)\s+[|\-–—:·•»]\s+$")
_SITE_WORDS = 5
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.date", "parsely-pub-date",
    "sailthru.date", "article.published", "og:published_time",
)


def looks_like_html(text: str) -> bool:
    """Whether a text field holds markup rather than plain text."""
    return "<" in text and _TAG_HINT.search(text[:20000]) is not None


def _parse(markup: str) -> Any:
    import lxml.html

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    data = markup.encode("utf-8", errors="replace")
    return lxml.html.document_fromstring(data, parser=parser)


def _local(tag: Any) -> str | None:
    if not isinstance(tag, str):
        return None  # comments, processing instructions, entities
    return tag.rsplit("}", 1)[-1].lower()


def _dropped(el: Any, tag: str) -> bool:
    r = rules()
    if tag in r.html_drop_tags:
        return True
    attrs = el.attrib
    if "hidden" in attrs or _HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    if tag in _CONTAINERS:
        return False  # a page-wide class such as "has-ads" on <body> says nothing about the text
    tokens = (attrs.get("class", "") + " " + attrs.get("id", "")).split()
    return any(r.html_drop_class.search(token) for token in tokens)


def tree_to_text(root: Any) -> str:
    """An lxml tree as paragraphs separated by blank lines (iterative: deep nesting is safe)."""
    paragraphs: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        if parts:
            line = collapse_spaces(" ".join("".join(parts).split()))
            if line:
                paragraphs.append(line)
            parts.clear()

    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = _local(el.tag)
        if closing:
            if tag in _BLOCK:
                flush()
            elif tag in _CELL:
                parts.append(" ")
            if el.tail:
                parts.append(el.tail)
            continue
        if tag is None or _dropped(el, tag):
            if el.tail:
                parts.append(el.tail)
            continue
        if tag in _BLOCK:
            flush()
        if el.text:
            parts.append(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    flush()
    return "\n\n".join(paragraphs)


def fragment_to_text(markup: str) -> str:
    """HTML markup (a fragment or a page) -> paragraphs separated by blank lines, entities decoded."""
    if not markup.strip():
        return ""
    try:
        root = _parse(markup)
    except Exception:  # lxml refuses some inputs outright (e.g. only a comment): keep the raw text
        return re.sub(r"<[^>]{0,2000}>", " ", markup)
    return tree_to_text(root)


def _meta(root: Any) -> dict[str, str]:
    """Page metadata from <meta>, <link rel=canonical>, <time> and <title>, first value wins."""
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = el.get("content")
        if key and value and key not in found:
            found[key] = value
    for el in root.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            found.setdefault("canonical", el.get("href"))
    for el in root.iter("time"):
        if el.get("datetime"):
            found.setdefault("time", el.get("datetime"))
            break
    for el in root.iter("title"):
        found.setdefault("title", el.text_content())
        break
    for el in root.iter("h1"):
        found.setdefault("h1", el.text_content())
        break
    return found


def _prune(root: Any) -> None:
    """Remove navigation, footers, scripts, share boxes and the like before extraction."""
    doomed = [el for el in root.iter() if (tag := _local(el.tag)) and _dropped(el, tag)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the element's tail text in place


def _trafilatura(root: Any) -> Any:
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            root,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura has many parsers underneath; any failure means "use the fallback"
        return None


def read_html(markup: str, source_path: str) -> Document | Skipped:
    """A whole HTML page: trafilatura's main text, else the page's visible text without furniture."""
    try:
        root = _parse(markup)
    except Exception as exc:
        return Skipped(source_path, f"cannot parse HTML: {exc}")
    meta = _meta(root)
    _prune(root)
    extracted = _trafilatura(root)
    body = getattr(extracted, "text", None) or ""
    if body.strip():
        cleaned = clean_text(body.replace("\n", "\n\n"))
    else:
        for el in root.iter("body"):
            root = el
            break
        cleaned = clean_text(tree_to_text(root))
    title = clean_inline(
        meta.get("og:title") or meta.get("twitter:title") or getattr(extracted, "title", None)
        or meta.get("title") or meta.get("h1")
    )
    url = clean_url(meta.get("og:url")) or clean_url(meta.get("canonical")) or clean_url(
        getattr(extracted, "url", None)) or cleaned.url
    published = next((d for d in (iso_date(meta.get(k)) for k in _PUBLISHED_META) if d), None)
    published = published or iso_date(meta.get("time")) or iso_date(getattr(extracted, "date", None))
    publisher = (
        clean_inline(meta.get("og:site_name") or meta.get("application-name"))
        or _site_from_title(clean_inline(meta.get("title")), title)
        or _site_name(clean_inline(getattr(extracted, "sitename", None)))
        or cleaned.publisher
        or publisher_from_url(url)
    )
    return finish_document(cleaned, title, source_path, "html", url=url,
                           published=published or cleaned.published, publisher=publisher)


def _site_from_title(page_title: str, headline: str) -> str | None:
    """The site's name from a <title> that adds it to the headline ("Headline | Site", "Site - Headline")."""
    if not headline or len(page_title) <= len(headline):
        return None
    if page_title.startswith(headline):
        rest = page_title[len(headline):]
        match = _TITLE_SITE.match(rest)
        return _site_name(match[1]) if match else None
    if page_title.endswith(headline):
        rest = page_title[: -len(headline)]
        match = _SITE_TITLE.match(rest)
        return _site_name(match[1]) if match else None
    return None


def _site_name(name: str | None) -> str | None:
    """A site name, not a headline: trafilatura's guess sometimes picks a linked story's title."""
    if not name or len(name.split()) > _SITE_WORDS or name.rstrip().endswith((".", "?", "!")):
        return None
    return name


def finish_document(
    cleaned: Cleaned,
    title: str,
    source_path: str,
    fmt: str,
    *,
    url: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    item: str | None = None,
    title_in_text: bool = False,
) -> Document | Skipped:
    """Turn cleaned paragraphs and known fields into a Document (or a Skipped when no text is left).

    Copies of a separate title at the top of the text are dropped, unless the title was taken from
    the text itself (`title_in_text`) or nothing else would be left.
    """
    paragraphs = cleaned.paragraphs
    if title and not title_in_text:
        paragraphs = drop_repeats_of(paragraphs, title) or paragraphs
    cleaned.paragraphs = []
    text = finish(paragraphs)
    del paragraphs
    if not text.strip():
        return Skipped(source_path, "no text left after removing markup and page furniture", item)
    return make_document(
        title=title,
        text=text,
        source_path=source_path,
        fmt=fmt,
        url=url or cleaned.url,
        published=published or cleaned.published,
        publisher=publisher or cleaned.publisher,
        item=item,
    )
