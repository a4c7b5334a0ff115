"""kg.sources: every input format, furniture removal, bad input, paths, the real seeds, the sample corpus."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.model import Document, Skipped
from kg.sources import FORMATS, read_sources, sniff
from kg.sources.common import doc_id, iso_date, publisher_from_url
from kg.sources.furniture import clean_text, is_furniture, normalise_line, rules

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "sources"
CORPUS = REPO / "corpus"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
WORDPRESS_SEED = "004_7a9fb579214adaa1.txt"

needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"the real seed articles are not here ({SEEDS}); they live in ../shared"
)


def read(*paths: str | Path) -> list[Document | Skipped]:
    return list(read_sources([str(p) for p in paths]))


def docs(*paths: str | Path) -> list[Document]:
    return [d for d in read(*paths) if isinstance(d, Document)]


def skipped(*paths: str | Path) -> list[Skipped]:
    return [d for d in read(*paths) if isinstance(d, Skipped)]


def sha(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:16]


# --- one test per format ---------------------------------------------------------------------------

FORMAT_CASES = [
    # file, item, format, title, published, url, publisher, a phrase of the text
    ("scraped.txt", None, "text", "Orbital Labs Opens Its Translation Model to Developers", "2024-06-04",
     None, "Wire Digest", "ending a waitlist that had run since February"),
    ("page.html", None, "html", "Harbor & Pine buys a chip design start-up", "2024-02-20",
     "https://circuitweekly.example/news/harbor-pine-buys-chip-startup", "Circuit Weekly",
     "designs low-power chips"),
    ("wordpress.txt", None, "wordpress",
     "Fernbrook Robotics raises $30 million – and plans a Montréal office", "2024-05-16",
     "https://ledgerline.example/2024/05/16/fernbrook-robotics-raises-30-million/", "Ledgerline",
     "new office in Montréal"),
    ("wordpress_list.json", "item 2", "wordpress", "A second post", "2024-05-17",
     "https://ledgerline.example/2024/05/17/second-post/", "Ledgerline News", "robots and maps"),
    ("records.jsonl", "line 1", "jsonl", "Quillmate adds offline mode", "2024-03-05",
     "https://notesnews.example/quillmate-offline", "Notes News", "without a network connection"),
    ("records.jsonl", "line 6", "jsonl", "Brightvane cuts prices", "2024-03-08", None, "Data Wire",
     "by half on Friday"),
    ("records.jsonl", "line 7", "jsonl", "Tern Systems & partners", None, "https://ternwatch.example/partners",
     "Ternwatch", "two universities.\n\nThe work starts"),
    ("records.json", "item 1", "json", "Copperleaf opens a lab in Nairobi", "2024-04-02",
     "https://labwire.example/copperleaf-nairobi", "Lab Wire", "research lab in Nairobi"),
    ("records.json", "item 3", "json", "Glasswing ships a smaller model", None, None, None, "compact model"),
    ("feed.rss", "entry 1", "rss", "Pinecrest & Vale settle their patent dispute", "2024-04-15",
     "https://signalnoise.example/pinecrest-vale-settle", "Signal & Noise Daily", "speech recognition"),
    ("feed.rss", "entry 2", "rss", "Mosslight hires a new research chief", "2024-04-16",
     "https://signalnoise.example/mosslight-research-chief", "Signal & Noise Daily", "Ada Brenner"),
    ("feed.atom", "entry 1", "atom", "Redwing & Co. publishes its safety report", "2024-05-01",
     "https://labnotes.example/redwing-safety-report", "Lab Notes", "tests the model passed"),
    ("feed.atom", "entry 2", "atom", "Harrowgate joins an AI alliance", "2024-05-02",
     "https://labnotes.example/harrowgate-alliance", "Lab Notes", "AI evaluation"),
]


@pytest.mark.parametrize(
    ("name", "item", "fmt", "title", "published", "url", "publisher", "phrase"), FORMAT_CASES
)
def test_sources_reads_each_format(
    name: str, item: str | None, fmt: str, title: str, published: str | None, url: str | None,
    publisher: str | None, phrase: str,
) -> None:
    found = [d for d in docs(FIXTURES / name) if d.item == item]
    assert len(found) == 1, [d.item for d in docs(FIXTURES / name)]
    doc = found[0]
    got = (doc.format, doc.title, doc.published, doc.url, doc.publisher)
    assert got == (fmt, title, published, url, publisher)
    assert phrase in doc.text
    assert doc.source_path == str(FIXTURES / name)
    expected_id = "u" + sha(url) if url else "h" + sha(f"{doc.title}\n{doc.text}")
    assert doc.id == expected_id == doc_id(url, doc.title, doc.text)


def test_sources_decodes_entities_in_titles_and_text() -> None:
    every = docs(FIXTURES)
    for doc in every:
        assert not re.search(r"&(amp|#\d+|[a-z]+);", doc.title + doc.text), (doc.source_path, doc.item)
    text = next(d for d in every if d.format == "text").text
    assert "R&D spending" in text


def test_sources_html_drops_navigation_share_and_footer() -> None:
    (doc,) = docs(FIXTURES / "page.html")
    for furniture in ("Home", "About", "Share on", "Privacy", "All rights reserved"):
        assert furniture not in doc.text
    assert doc.text.count("\n\n") == 2  # three paragraphs, the h1 title not repeated
    assert not doc.text.startswith(doc.title)


def test_sources_small_html_page_keeps_text_without_navigation(tmp_path: Path) -> None:
    path = tmp_path / "tiny.html"
    path.write_text(
        "<html><head><title>Tiny &amp; short</title></head><body class='has-ads'><nav>Home About</nav>"
        "<p>Quarrystone hired a new finance chief.</p><footer>All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    (doc,) = docs(path)
    assert (doc.title, doc.format) == ("Tiny & short", "html")
    assert doc.text == "Quarrystone hired a new finance chief."


def test_sources_single_json_record(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": "One record", "content": "<p>Solo text about R&amp;D.</p>",
                                "url": "https://solo.example/a"}), encoding="utf-8")
    (doc,) = docs(path)
    assert (doc.format, doc.item, doc.text, doc.publisher) == ("json", None, "Solo text about R&D.", "Solo")


def test_sources_wordpress_excerpt_not_counted_twice() -> None:
    (doc,) = docs(FIXTURES / "wordpress.txt")
    assert doc.text.count("closed a funding round") == 1
    assert "Loading the player" not in doc.text
    assert "Ledgerline event" not in doc.text and "Boston, MA" not in doc.text
    assert doc.text.endswith("tripled over the past year.")


def test_sources_wordpress_without_content_uses_excerpt(tmp_path: Path) -> None:
    post = {"title": {"rendered": "Only an excerpt"}, "content": {"rendered": ""},
            "excerpt": {"rendered": "<p>Wrenfield bought a small maps company.</p>"},
            "link": "https://wrenfield.example/p/1", "date": "2024-01-09T10:00:00"}
    path = tmp_path / "post.txt"
    path.write_text(json.dumps(post), encoding="utf-8")
    (doc,) = docs(path)
    assert doc.format == "wordpress" and doc.publisher == "Wrenfield"
    assert doc.text == "Wrenfield bought a small maps company."


def test_sources_scraped_text_drops_furniture_keeps_teasers() -> None:
    (doc,) = docs(FIXTURES / "scraped.txt")
    for furniture in ("Back to List", "Industry News", "Key Takeaways", "Related News", "post-image",
                      "Contains AI-generated", "third-party content", "Reward", "Repost", "Pin", "Comment",
                      "quietfox", "LongHandleNameHere", "Reply", "3h ago", "Nice write-up", "Source:",
                      "Posted on", "Orbital LabsLanguage"):
        assert furniture not in doc.text, furniture
    paragraphs = doc.text.split("\n\n")
    # the repeated headline is gone, the related-story headline is its own sentence before its teaser
    assert doc.title not in doc.text
    teaser = paragraphs.index("Kestrel AI Raises Seed Funding for Robot Planning Software.")
    assert paragraphs[teaser + 1].startswith("Kestrel AI, a start-up in Oslo")
    assert "Access to the API is open to everyone." in paragraphs


def test_sources_repairs_hashtag_spliced_into_first_word() -> None:
    (doc,) = docs(FIXTURES / "spliced.txt")
    assert doc.text.startswith("On Monday, Orbital Labs opened")
    assert "#" not in doc.text


def test_sources_jsonl_skips_only_bad_lines() -> None:
    items = read(FIXTURES / "records.jsonl")
    assert [(type(i).__name__, i.item) for i in items] == [
        ("Document", "line 1"), ("Skipped", "line 2"), ("Skipped", "line 3"), ("Skipped", "line 4"),
        ("Document", "line 6"), ("Document", "line 7"),
    ]
    reasons = {i.item: i.reason for i in items if isinstance(i, Skipped)}
    assert reasons["line 2"].startswith("malformed JSON at column")
    assert "not an object" in reasons["line 3"]
    assert "no text" in reasons["line 4"]


def test_sources_json_record_with_blank_text_is_skipped() -> None:
    (skip,) = skipped(FIXTURES / "records.json")
    assert (skip.item, skip.path) == ("item 2", str(FIXTURES / "records.json"))
    assert "no text" in skip.reason


def test_sources_control_characters_are_removed_from_text_and_title(tmp_path: Path) -> None:
    rec = {"title": "Quillon\x07 raises money",
           "text": "Quillon\x08 Health raised $9\x00 million.\x1b\tToday."}
    path = tmp_path / "ctl.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (doc,) = list(read_sources([path]))
    assert isinstance(doc, Document)
    assert (doc.title, doc.text) == ("Quillon raises money", "Quillon Health raised $9 million. Today.")


def test_sources_hard_wrapped_text_is_rejoined(tmp_path: Path) -> None:
    body = (
        "Thornbury Analytics said on Friday that it had agreed to buy a small company\n"
        "that builds dashboards for hospitals, its second purchase of the year and a\n"
        "sign that the firm wants to grow beyond its original market in retail data\n"
        "and into health care, where demand for forecasting tools is rising fast.\n"
    )
    path = tmp_path / "wrapped.txt"
    path.write_text("Thornbury Analytics Buys a Dashboard Maker\n\n" + body + "\n" + body, encoding="utf-8")
    (doc,) = docs(path)
    assert doc.title == "Thornbury Analytics Buys a Dashboard Maker"
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 2 and "\n" not in paragraphs[0]
    assert "small company that builds" in paragraphs[0]


def test_sources_title_falls_back_to_shortened_first_sentence(tmp_path: Path) -> None:
    sentence = ("Alderbank, the lender that has spent two years building its own language models for "
                "customer service and fraud checks, said on Wednesday it would stop the project.")
    path = tmp_path / "lead.txt"
    path.write_text(sentence + " It gave no reason.\nThe staff will move to other teams.\n", encoding="utf-8")
    (doc,) = docs(path)
    assert doc.title.endswith("…") and len(doc.title) <= 120
    assert sentence.startswith(doc.title[:-1])
    assert doc.text.startswith(sentence)  # the lead paragraph is text, not only a title


# --- furniture rules -------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Reward", "Repost", "Share", "Pin", "12", "1.2K", "Add a comment", "Comments", "Back to List",
    "Back to top",
    "Related News", "Key Takeaways", "Frequently Asked Questions", "In-Depth Analysis:", "post-image",
    "Contains AI-generated content", "#SomeTag #Another", "Industry NewsSoraAI VideoOpenAI", "Industry News",
    "We use cookies to give you the best experience on our site.", "Accept all cookies", "Advertisement",
    "Share on LinkedIn", "Facebook | Twitter | LinkedIn", "View OriginalReply0", "Read more »",
    "This page may contain third-party content, which is provided for information only and is not advice.",
    "See Disclaimer for details.", "The post Some headline appeared first on Some Site.",
    "Image credit: Some Agency", "Loading the player…",
])
def test_sources_furniture_lines_are_recognised(line: str) -> None:
    r = rules()
    assert is_furniture(normalise_line(line, r), r)


@pytest.mark.parametrize("line", [
    "TechCrunch AI", "OpenAI Launches ChatGPT Enterprise For ByteDance Rivals", "Microsoft and OpenAI",
    "Corporate Strategy vs. Industry Pullback",
    "Question: Does the shutdown mean the technology is failing?",
    "Google said it would stop using third-party cookies in Chrome, a change that advertisers have dreaded.",
    "The company will share more details about the deal next month.",
    "Share prices of chip makers rose 4% after the announcement on Tuesday.",
    "Anthropic Unveils Claude for Financial Services: A New Framework for Banks",
])
def test_sources_content_lines_are_not_furniture(line: str) -> None:
    r = rules()
    assert not is_furniture(normalise_line(line, r), r)


def test_sources_comment_block_dropped_with_its_handle() -> None:
    text = "A real paragraph about a launch.\n\nComments\nsome_handle99\n· 2d ago\nFirst!\nLove it\nReply4\n"
    assert clean_text(text).paragraphs == ["A real paragraph about a launch."]


# Datelines written for this test (invented companies).
@pytest.mark.parametrize(("first_line", "published"), [
    ("AUSTIN–(BUSINESS WIRE)–March 31, 2022– Quillon Health today announced a $9 million round.",
     "2022-03-31"),
    ("PORTLAND, Ore.–(BUSINESS WIRE)–August 2, 2023– Brisko Labs, a robotics startup, launched Zed.",
     "2023-08-02"),
    ("NEW YORK, Jan. 5, 2024 /PRNewswire/ -- Harlow Capital closed its third fund.", "2024-01-05"),
    ("GENEVA, Switzerland — (GLOBE NEWSWIRE) — Sept 9, 2021 — Tessory SA named a new chief executive.",
     "2021-09-09"),
    ("On the morning of Thursday, June 30, 2022, two buses pulled up to a hotel.", None),
    ("Dallas-based Quillon Health said on March 31, 2022 that it raised money.", None),
])
def test_sources_press_release_dateline_gives_the_published_date(first_line: str,
                                                                 published: str | None) -> None:
    text = f"{first_line}\n\nThe rest of the release follows here."
    cleaned = clean_text(text)
    assert cleaned.published == published
    assert cleaned.paragraphs[0] == first_line, "the dateline stays in the text"


def test_sources_dateline_does_not_override_the_records_own_date(tmp_path: Path) -> None:
    rec = {"title": "Funding news", "date": "2022-04-02",
           "text": "AUSTIN–(BUSINESS WIRE)–March 31, 2022– Quillon Health today announced a round."}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (doc,) = list(read_sources([path]))
    assert isinstance(doc, Document) and doc.published == "2022-04-02"
    del rec["date"]
    path.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (doc,) = list(read_sources([path]))
    assert isinstance(doc, Document) and doc.published == "2022-03-31"



@pytest.mark.parametrize(("value", "expected"), [
    ("2026-03-29T16:30:00", "2026-03-29"),
    ("2024-05-01T23:30:00-07:00", "2024-05-01"),  # the publisher's own day, not converted to UTC
    ("Mon, 15 Apr 2024 23:30:00 -0700", "2024-04-15"),
    ("March 5, 2024", "2024-03-05"),
    ("5 March 2024", "2024-03-05"),
    ("2024-02-30", None),
    ("last Tuesday", None),
    ("", None),
    (None, None),
    ("not a date at all 2024 really", None),
])
def test_sources_iso_date(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("https://techingeek.com/index.php/2026/03/29/x/", "Techingeek"),
    ("https://www.theverge.com/2023/1/1/x", "The Verge"),
    ("https://news.bbc.co.uk/x", "BBC"),
    ("https://blog.example.co.uk/x", "Example"),
    ("https://127.0.0.1/x", None),
    (None, None),
])
def test_sources_publisher_from_url(url: str | None, expected: str | None) -> None:
    assert publisher_from_url(url) == expected


@pytest.mark.parametrize(("head", "family"), [
    ("<!DOCTYPE html><html>", "html"),
    ('<?xml version="1.0"?><rss version="2.0">', "feed"),
    ('<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    ('  {"title": "x"}', "json"),
    ('[\n  {"title": "x"}', "json"),
    ("[Update] OpenAI changed its plans", "text"),
    ("Plain words about <b>bold</b> things", "text"),
])
def test_sources_sniff(head: str, family: str) -> None:
    assert sniff(head) == family


# --- bad input ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty file"),
    (b"   \n\t\n  ", "only whitespace"),
    (b"\x00\x01\x02binary\x00stuff" * 20, "NUL bytes"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (bytes(range(1, 32)) * 40, "control characters"),
    (b'{"title": "x", "text": ', "malformed JSON at line 1, column 24"),
    (b'[\n {"title": "a",\n  "text": "b"\n ', "malformed JSON at line 4"),
    (b"[" * 100_000, "malformed JSON"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</ti', "malformed feed"),
    (b'<?xml version="1.0"?><catalog><book>x</book></catalog>', "no entries"),
    (b'{"generated": "today", "count": 3}', "holds no news records"),
])
def test_sources_unreadable_input_is_skipped_with_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    (skip,) = read(path)
    assert isinstance(skip, Skipped)
    assert reason in skip.reason
    assert skip.path == str(path)


@pytest.mark.parametrize(("data", "phrase"), [
    ("Caf\u00e9 owners in Z\u00fcrich tried the new assistant \u2013 and liked it.\n".encode("cp1252"),
     "Café owners in Zürich tried the new assistant – and liked it."),
    ("Na\u00efve forecasts were replaced by a model.\n".encode("utf-16"), "Naïve forecasts were replaced"),
    ("Stra\u00dfe und Gr\u00fc\u00dfe aus der Redaktion.\n".encode("utf-8-sig"), "Straße und Grüße"),
    (b"Bad byte \xff inside mostly good text about a merger of two firms.\n", "inside mostly good text"),
])
def test_sources_decodes_other_encodings(tmp_path: Path, data: bytes, phrase: str) -> None:
    path = tmp_path / "encoded.txt"
    path.write_bytes(data)
    (doc,) = docs(path)
    assert phrase in doc.text


def test_sources_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = ('<html><head><meta charset="iso-8859-1"><title>Se\u00f1al</title></head>'
            "<body><article><p>La empresa espa\u00f1ola cerr\u00f3 una ronda de financiaci\u00f3n el martes, "
            "seg\u00fan fuentes del sector, para crecer en Am\u00e9rica Latina.</p></article></body></html>")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("latin-1"))
    (doc,) = docs(path)
    assert doc.title == "Señal" and "española cerró" in doc.text


# --- paths -------------------------------------------------------------------------------------------

def test_sources_missing_path_raises_source_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(SourceError, match=re.escape(str(missing))):
        read_sources([missing])
    with pytest.raises(SourceError, match="matches no files"):
        read_sources([str(tmp_path / "*.nothing")])


def test_sources_folders_are_recursive_sorted_and_skip_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".cache").mkdir()
    for rel in ("b/two.txt", "a.txt", ".hidden.txt", ".cache/three.txt", "README.md"):
        (tmp_path / rel).write_text(f"Text from {rel} about a firm that raised money.\n", encoding="utf-8")
    paths = [d.source_path for d in docs(tmp_path)]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]
    # named explicitly, a README or a hidden file is read
    assert len(docs(tmp_path / "README.md", tmp_path / ".hidden.txt")) == 2


def test_sources_globs_and_duplicates(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for rel in ("one.txt", "sub/two.txt", "sub/three.json"):
        (tmp_path / rel).write_text(f"Text of {rel} about a new model release.\n", encoding="utf-8")
    assert [Path(d.source_path).name for d in docs(tmp_path / "*.txt")] == ["one.txt"]
    recursive = docs(str(tmp_path / "**" / "*.txt"))
    assert sorted(Path(d.source_path).name for d in recursive) == ["one.txt", "two.txt"]
    # the same file reached twice (folder and explicit path) is read once
    assert len(docs(tmp_path, tmp_path / "one.txt")) == 3


def test_sources_streams_lazily(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("First words of a story about chips.\n", encoding="utf-8")
    iterator = read_sources([path])
    path.unlink()  # nothing was read yet: the file is opened only when iterated
    (item,) = list(iterator)
    assert isinstance(item, Skipped) and str(path) == item.path


# --- the real seeds ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_docs() -> dict[str, Document]:
    found: dict[str, Document] = {}
    for item in read_sources([SEEDS]):
        assert isinstance(item, Document), str(item)
        assert Path(item.source_path).name not in found
        found[Path(item.source_path).name] = item
    return found


@needs_seeds
def test_sources_seeds_one_document_each(seed_docs: dict[str, Document]) -> None:
    assert sorted(seed_docs) == sorted(p.name for p in SEEDS.iterdir() if not p.name.startswith("."))
    assert all(d.text.strip() and d.title for d in seed_docs.values())


@needs_seeds
def test_sources_seed_wordpress_sniffed(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs[WORDPRESS_SEED]
    raw = json.loads((SEEDS / WORDPRESS_SEED).read_text(encoding="utf-8"))
    assert (doc.format, doc.published, doc.url) == ("wordpress", "2026-03-29", raw["link"])
    assert doc.id == "u" + sha(raw["link"])
    assert "&#8217;" not in doc.title and "’" in doc.title
    assert "Loading the player" not in doc.text
    first = doc.text.split("\n\n")[0]
    assert doc.text.count(first) == 1  # the excerpt repeats the content: counted once


@needs_seeds
def test_sources_seeds_have_no_commenters_or_buttons(seed_docs: dict[str, Document]) -> None:
    for name, doc in seed_docs.items():
        lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
        for line in lines:
            assert not re.fullmatch(r"\S+vip\.?", line), (name, line)
            assert not re.fullmatch(r"(Reward|Repost|Share|Pin|Comment|Add a comment)\.?", line), (name, line)
            assert not re.search(r"Reply\d", line), (name, line)
            assert not re.search(r"\d+h ago", line), (name, line)
        for furniture in ("post-image", "This page may contain third-party content", "Back to List",
                          "Related News", "Key Takeaways", "Contains AI-generated content", "Industry News"):
            assert furniture not in doc.text, (name, furniture)


@needs_seeds
def test_sources_seed_teasers_survive(seed_docs: dict[str, Document]) -> None:
    everything = "\n\n".join(d.text for d in seed_docs.values())
    for phrase in ("Claude for Financial Services", "Kenya", "G42", "Claude Haiku 4.5", "Notion",
                   "super app"):
        assert phrase in everything, phrase
    # a teaser headline ends as its own sentence, not glued to the teaser that follows it
    for doc in seed_docs.values():
        for paragraph in doc.text.split("\n\n"):
            assert re.search(r"[.!?…:;][\"'”’)\]]*$", paragraph), paragraph[-80:]


@needs_seeds
def test_sources_seed_hashtag_splice_repaired(seed_docs: dict[str, Document]) -> None:
    starts = [d.text[:40] for d in seed_docs.values()]
    assert not any(re.match(r"[A-Za-z]{1,2}#", s) for s in starts), starts
    assert any(s.startswith("In a surprising development") for s in starts), starts


@needs_seeds
def test_sources_seed_source_line_becomes_publisher(seed_docs: dict[str, Document]) -> None:
    with_source = [d for d in seed_docs.values() if d.publisher == "TechCrunch AI"]
    assert with_source and all("Source:" not in d.text for d in with_source)


# --- the sample corpus -------------------------------------------------------------------------------

def test_sources_sample_corpus_reads_cleanly() -> None:
    files = sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name != "README.md")
    items = read(*files)
    assert [str(i) for i in items if isinstance(i, Skipped)] == []
    assert len(items) >= 12
    formats = Counter(d.format for d in items if isinstance(d, Document))
    assert set(formats) == set(FORMATS), formats
    for doc in items:
        assert isinstance(doc, Document)
        assert 150 <= len(doc.text.split()) <= 400, (doc.source_path, doc.item, len(doc.text.split()))
    assert len({d.id for d in items if isinstance(d, Document)}) == len(items)
    # the folder read gives the same documents: its README is not read as news
    assert [d.id for d in docs(CORPUS)] == [d.id for d in items if isinstance(d, Document)]


def test_sources_sample_corpus_readme_lists_every_file() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for path in CORPUS.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, path.name
