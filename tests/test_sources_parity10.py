"""Format parity: one short article served as a JSON Lines record, an HTML page, a WordPress REST post,
an RSS item, an Atom entry and plain scraped text gives the same title, text, date and publisher, and
the same entities and events. All text here is invented."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.model import Document
from kg.sources import read_sources
from kg.sources.furniture import clean_text

TITLE = "Varnholt Robotics unveils Tessel 2 warehouse model"
SITE = "Circuit Ledger"
URL = "https://circuitledger.example/2024/05/varnholt-tessel-2"
PARAGRAPHS = [
    "Varnholt Robotics on Tuesday unveiled Tessel 2, a planning model for warehouse robots.",
    "The company said Tessel 2 cuts picking errors by a third compared with its first release.",
    "Mirela Oduya, chief executive of Varnholt Robotics, said customers in Rotterdam tested it first.",
]
OTHER_HEADLINES = ["Quorvane raises money for chip design tools", "Why Belsworth Bank Bet on Cloud Ledgers"]


def _body_html() -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)


def _jsonl() -> str:
    record = {"title": TITLE, "text": "\n\n".join(PARAGRAPHS), "url": URL, "source": SITE,
              "date": "2024-05-14"}
    return json.dumps(record) + "\n" + json.dumps({"title": "x", "text": "Filler line."}) + "\n"


def _page() -> str:
    related = "".join(f'<li><a href="/r{n}">{html.escape(h)}</a></li>' for n, h in enumerate(OTHER_HEADLINES))
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE} | {SITE}</title>
<meta property="article:published_time" content="2024-05-14T08:00:00+00:00"></head><body>
<div><a href="/">Home</a> <a href="/robots">Robots</a> <a href="/events">Events</a></div>
<div><article><h1>{TITLE}</h1><p>By <a href="/a/1">Tobin Arkle</a> | May 14, 2024</p>
<p><a href="https://share.example/t">Share on Twitter</a></p>{_body_html()}
<p><em>Sign up for our newsletter to get the latest robotics news in your inbox.</em></p>
<h2>Related articles</h2><ul>{related}</ul></article></div>
<div><p>We use cookies to improve your experience on our site.</p></div>
<div><p>&copy; 2024 {SITE}. All rights reserved.</p><a href="/privacy">Privacy Policy</a></div>
</body></html>"""


def _wordpress() -> str:
    return json.dumps({
        "id": 7, "date": "2024-05-14T08:00:00", "link": URL, "author": 3,
        "title": {"rendered": html.escape(TITLE)},
        "content": {"rendered": _body_html() + '<div class="sharedaddy"><h3>Share this:</h3></div>'},
        "yoast_head_json": {"og_site_name": SITE, "og_title": TITLE},
    })


def _rss() -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{SITE}</title><link>https://circuitledger.example/</link>
<item><title>{TITLE}</title><link>{URL}</link><pubDate>Tue, 14 May 2024 08:00:00 +0000</pubDate>
<dc:creator>Tobin Arkle</dc:creator><description>{html.escape(PARAGRAPHS[0])}</description>
<content:encoded><![CDATA[{_body_html()}]]></content:encoded></item></channel></rss>"""


def _atom() -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{SITE}</title><id>urn:cl</id><updated>2024-05-14T08:00:00Z</updated>
<entry><title>{TITLE}</title><link href="{URL}"/><id>{URL}</id><published>2024-05-14T08:00:00Z</published>
<updated>2024-05-14T08:00:00Z</updated><author><name>Tobin Arkle</name></author>
<content type="html">{html.escape(_body_html())}</content></entry></feed>"""


def _scraped() -> str:
    lines = [SITE, "Menu", "Robots", "Events", TITLE, "By Tobin Arkle | May 14, 2024", "4 min read", "Share",
             "", *(p + "\n" for p in PARAGRAPHS), "Tags: robotics, warehouses", "Sign up for our newsletter",
             "Related articles", *OTHER_HEADLINES, f"Copyright © 2024 {SITE}. All Rights Reserved.",
             "Privacy Policy", "Terms of Service"]
    return "\n".join(lines) + "\n"


FORMS: dict[str, tuple[str, Callable[[], str]]] = {
    "jsonl": ("a.jsonl", _jsonl), "html": ("a.html", _page), "wordpress": ("a.txt", _wordpress),
    "rss": ("a.xml", _rss), "atom": ("a.xml", _atom), "text": ("a.txt", _scraped),
}


def _read(tmp_path: Path, form: str) -> Document:
    name, render = FORMS[form]
    path = tmp_path / name
    path.write_text(render(), encoding="utf-8")
    doc = next(iter(read_sources([str(path)])))
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize("form", ["html", "wordpress", "rss", "atom", "text"])
def test_sources_parity10_same_document_in_every_form(tmp_path: Path, form: str) -> None:
    (tmp_path / "base").mkdir()
    base = _read(tmp_path / "base", "jsonl")
    doc = _read(tmp_path, form)
    assert doc.title == base.title == TITLE
    assert doc.text == base.text
    assert doc.published == base.published == "2024-05-14"
    assert doc.publisher == base.publisher == SITE


@pytest.mark.parametrize(("lines", "title"), [
    (["Home", "Gadgets", "Events", "Ostwick Labs opens a second lab in Lyon", "Ostwick Labs opened it."],
     "Ostwick Labs opens a second lab in Lyon"),
    # a short headline with no longer line after it stays the title
    (["Ostwick Expands", "Ostwick Labs opened a second lab in Lyon on Friday."], "Ostwick Expands"),
])
def test_sources_parity10_menu_words_are_not_the_title(tmp_path: Path, lines: list[str], title: str) -> None:
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = next(iter(read_sources([str(path)])))
    assert isinstance(doc, Document)
    assert doc.title == title
    assert not any(word in doc.text.split("\n\n") for word in ("Gadgets.", "Events."))


@pytest.mark.parametrize(("line", "publisher"), [
    ("© 2024 Circuit Ledger. All rights reserved.", "Circuit Ledger"),
    ("Copyright © 2021-2024 Harbor Wire", "Harbor Wire"),
    ("(c) 2023 Byte Street, Inc.", "Byte Street, Inc"),
])
def test_sources_parity10_copyright_line_names_publisher(line: str, publisher: str) -> None:
    cleaned = clean_text(f"Ostwick Labs opened a lab.\n\n{line}\n")
    assert cleaned.paragraphs == ["Ostwick Labs opened a lab."]
    assert cleaned.publisher == publisher


@pytest.mark.parametrize("line", [
    "Copyright law in the bloc is changing fast.",
    "Copyright © and trademark disputes are rising, the report said.",
])
def test_sources_parity10_copyright_sentence_stays_text(line: str) -> None:
    cleaned = clean_text(f"Ostwick Labs opened a lab.\n\n{line}\n")
    assert cleaned.paragraphs[-1] == line and cleaned.publisher is None


@pytest.mark.parametrize("tail", [
    "Related articles\nQuorvane raises money for chip design tools\nWhy Belsworth Bet on Cloud Ledgers\n",
    "Read more:\n\nQuorvane raises money for chip design tools\n\n© 2024 Circuit Ledger\n",
])
def test_sources_parity10_bare_related_headlines_dropped(tail: str) -> None:
    cleaned = clean_text("Ostwick Labs opened a lab in Lyon.\n\n" + tail)
    assert cleaned.paragraphs == ["Ostwick Labs opened a lab in Lyon."]


def test_sources_parity10_related_headline_over_teaser_kept() -> None:
    cleaned = clean_text("Ostwick Labs opened a lab.\n\nRelated articles\n\n"
                         "Quorvane Raises Money for Chips\n\n"
                         "Quorvane, a chip tools start-up, raised money from two funds.\n")
    assert cleaned.paragraphs[1:] == ["Quorvane Raises Money for Chips",
                                      "Quorvane, a chip tools start-up, raised money from two funds."]


@pytest.mark.parametrize("line", ["4 min read", "Reading time: 6 minutes", "Tags: robotics, warehouses",
                                  "Filed under: Robots, Funding"])
def test_sources_parity10_reading_time_and_tag_lines_dropped(line: str) -> None:
    assert clean_text(f"Ostwick Labs opened a lab.\n{line}\n").paragraphs == ["Ostwick Labs opened a lab."]


def test_sources_parity10_site_name_from_page_title(tmp_path: Path) -> None:
    page = (f"<html><head><title>{TITLE} - {SITE}</title></head><body><article><h1>{TITLE}</h1>"
            f"{_body_html()}<ul><li><a href='/x'>{OTHER_HEADLINES[1]}</a></li></ul></article></body></html>")
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    doc = next(iter(read_sources([str(path)])))
    assert isinstance(doc, Document)
    assert doc.publisher == SITE


@pytest.mark.slow
def test_sources_parity10_same_extraction_in_every_form(tmp_path: Path, extractor) -> None:  # noqa: ANN001
    def facts(doc: Document) -> tuple[set[tuple[str, str]], set[tuple[str, tuple[str, ...]]]]:
        ex = extractor.extract(doc)
        names = {e.key: e.name for e in ex.entities}
        entities = {(e.name, e.kind) for e in ex.entities}
        events = {(ev.type, tuple(sorted(names.get(p, p) for _, p in ev.participants))) for ev in ex.events}
        return entities, events

    base = facts(_read(tmp_path, "jsonl"))
    assert {"Varnholt Robotics", "Tessel 2", "Mirela Oduya"} <= {name for name, _ in base[0]}
    assert "Launch" in {kind for kind, _ in base[1]}
    for form in ("html", "wordpress", "rss", "atom", "text"):
        folder = tmp_path / form
        folder.mkdir()
        assert facts(_read(folder, form)) == base, form
