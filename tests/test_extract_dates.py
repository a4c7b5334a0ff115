"""Dates: explicit ones at the text's precision, relative ones against the publication date only."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.extract.dates import find_dates, parse_published

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "ai-tech-news-2023" / "articles.jsonl"

PUB = "2026-03-26"  # a Thursday


def only(text: str, published: str | None = PUB) -> tuple[str, str]:
    """The one date of `text` as (surface, iso)."""
    found = find_dates(text, published)
    assert len(found) == 1, found
    start, end, iso = found[0]
    return text[start:end], iso


@pytest.mark.parametrize(
    ("text", "surface", "iso"),
    [
        ("The deal closed on March 29, 2026, in Paris.", "March 29, 2026", "2026-03-29"),
        ("It shipped on 29 March 2026 to testers.", "29 March 2026", "2026-03-29"),
        ("The filing is dated 2026-03-29 in the registry.", "2026-03-29", "2026-03-29"),
        ("The post went up at 2026-03-29T10:00:00Z exactly.", "2026-03-29", "2026-03-29"),
        ("It went live in March 2026 for everyone.", "March 2026", "2026-03"),
        ("The law changed in June of 2021 after a vote.", "June of 2021", "2021-06"),
        ("They signed the pact in 2024.", "2024", "2024"),
        ("It builds on a 2024 partnership between the firms.", "2024", "2024"),
        ("Revenue doubled in Q3 2025 thanks to cloud demand.", "Q3 2025", "2025"),
        ("Results for the third quarter of 2025 were strong.", "the third quarter of 2025", "2025"),
        ("Spending rose in fiscal 2024 across the group.", "fiscal 2024", "2024"),
        ("The rollout should end by mid-2024 at the latest.", "mid-2024", "2024"),
        ("The summit runs October 13-15, 2026 in Lisbon.", "October 13-15, 2026", "2026-10-13"),
        ("The fair is on 13-15 October 2026 in Lisbon.", "13-15 October 2026", "2026-10-13"),
        ("On Tuesday, March 3, 2026, the app launched.", "Tuesday, March 3, 2026", "2026-03-03"),
        ("It was founded on the 5th of June 2019 by two friends.", "5th of June 2019", "2019-06-05"),
        ("The update came out on Sept. 9, 2025 for all users.", "Sept. 9, 2025", "2025-09-09"),
        ("The memo was dated 12/25/2025 by the clerk.", "12/25/2025", "2025-12-25"),
        ("The memo was dated 25/12/2025 by the clerk.", "25/12/2025", "2025-12-25"),
        ("The memo was dated 03/04/2026 by the clerk.", "03/04/2026", "2026"),
        ("From 2023-24 the unit grew fast.", "2023-24", "2023"),
    ],
)
def test_dates_explicit(text: str, surface: str, iso: str) -> None:
    assert only(text) == (surface, iso)
    # Explicit dates need no publication date.
    assert only(text, None) == (surface, iso)


@pytest.mark.parametrize(
    ("text", "surface", "iso"),
    [
        ("The company said today that it will hire.", "today", "2026-03-26"),
        ("The firm confirmed the news yesterday.", "yesterday", "2026-03-25"),
        ("The board meets tomorrow to vote.", "tomorrow", "2026-03-27"),
        ("The startup unveiled its model this week.", "this week", "2026-03"),
        ("The startup unveiled its model earlier this week.", "earlier this week", "2026-03"),
        ("The startup unveiled its model last week.", "last week", "2026-03"),
        ("The firm announced the cut on Tuesday.", "on Tuesday", "2026-03-24"),
        ("Tuesday's update fixed the bug.", "Tuesday", "2026-03-24"),
        ("The company spoke on Thursday about the plan.", "on Thursday", "2026-03-26"),
        ("The firm shut the service last Thursday.", "last Thursday", "2026-03-19"),
        ("The firm will open the service next Friday.", "next Friday", "2026-03-27"),
        ("The app will launch on Monday.", "on Monday", "2026-03-30"),
        ("Prices rose last month across the board.", "last month", "2026-02"),
        ("Prices rose this month across the board.", "this month", "2026-03"),
        ("Prices rose earlier this month across the board.", "earlier this month", "2026-03"),
        ("The unit lost money last year.", "last year", "2025"),
        ("The unit lost money late last year.", "late last year", "2025"),
        ("The unit expects a profit this year.", "this year", "2026"),
        ("The unit expects a profit next year.", "next year", "2027"),
        ("It released the tool in March to partners.", "March", "2026-03"),
        ("It released the tool in May to partners.", "May", "2025-05"),
        ("It will release the tool in May to partners.", "May", "2026-05"),
        ("It released the tool last March to partners.", "March", "2025-03"),
        ("It released the tool in June last year.", "June last year", "2025-06"),
        ("It released the tool in April this year.", "April this year", "2026-04"),
        ("The firm held the event on Mar. 2 downtown.", "Mar. 2", "2026-03-02"),
        ("The firm held the event on Dec. 2 downtown.", "Dec. 2", "2025-12-02"),
        ("The firm is scheduled to hold the event on Dec. 2 downtown.", "Dec. 2", "2026-12-02"),
        ("The project began six months ago.", "six months ago", "2025-09"),
        ("The project began two weeks ago.", "two weeks ago", "2026-03"),
        ("The project began 3 days ago.", "3 days ago", "2026-03-23"),
        ("The project began a year ago.", "a year ago", "2025"),
        ("Most staff left over the weekend.", "over the weekend", "2026-03"),
    ],
)
def test_dates_relative(text: str, surface: str, iso: str) -> None:
    assert only(text) == (surface, iso)


@pytest.mark.parametrize(
    "text",
    [
        "The startup unveiled its model this week.",
        "The firm confirmed the news yesterday.",
        "The firm announced the cut on Tuesday.",
        "It released the tool in March to partners.",
        "The project began six months ago.",
        "The firm held the event on Mar. 2 downtown.",
        "Prices rose last month across the board.",
    ],
)
def test_dates_relative_need_publication_date(text: str) -> None:
    assert find_dates(text, None) == []


@pytest.mark.parametrize(
    "text",
    [
        "Meta released Llama 2 last spring and fans cheered.",
        "The price was $2024 before tax.",
        "The new version is 4.5 and the old was 2.0.",
        "GPT-4 beat its rivals on every test.",
        "Support is available 24/7 for buyers.",
        "Breaks of 10-15 minutes are allowed.",
        "The 2020s will be the decade of robots.",
        "The firm had 2000 employees at its peak.",
        "The model supports 2048 tokens of context.",
        "It still runs Windows 2000 on old machines.",
        "They counted more than 2000 servers.",
        "You may want to check the march of progress.",
        "May I ask a question about the plan?",
        "Jan Leike joined the team.",
        "Cyber Monday sales beat all records.",
        "Monday.com shares rose sharply.",
        "This Week in AI is a newsletter.",
        "USA Today ran the story first.",
        "The chip has a 1,999 MHz clock.",
        "The firm grew 2024% over a decade.",
        "Call 2025-555 for support.",
        "The build number is 2024.1 and it is stable.",
        "The past year was hard for the team.",
        "The script dates back 2,500 years ago to the bronze age.",
        "Writing began 5000 years ago in the region.",
    ],
)
def test_dates_not_dates(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_dates_several_in_order_without_overlap() -> None:
    text = "Founded in 2019, the lab launched its model on May 4, 2023 and raised money last year."
    assert [iso for _, _, iso in find_dates(text, PUB)] == ["2019", "2023-05-04", "2025"]


def test_dates_range_of_years_gives_each_end() -> None:
    text = "Sales grew from 2019 to 2021 in every region."
    assert [iso for _, _, iso in find_dates(text, None)] == ["2019", "2021"]


def test_dates_invalid_day_is_dropped() -> None:
    assert find_dates("The memo of February 30, 2026 is fake.", None) == []


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2026-03-29", "2026-03-29"),
        ("2026-03-29T16:30:00", "2026-03-29"),
        ("2026-03-29T16:30:00+02:00", "2026-03-29"),
        ("Sun, 29 Mar 2026 16:30:00 GMT", "2026-03-29"),
        (None, None),
        ("", None),
        ("not a date", None),
    ],
)
def test_dates_parse_published(published: str | None, expected: str | None) -> None:
    parsed = parse_published(published)
    assert (parsed.isoformat() if parsed else None) == expected


def test_dates_relative_with_datetime_published() -> None:
    assert find_dates("It happened yesterday.", "2026-03-01T09:00:00Z")[0][2] == "2026-02-28"


def test_dates_corpus_no_crash_and_valid_iso() -> None:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    with CORPUS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(100), fh, strict=False)]
    total = 0
    for row in rows:
        text = row["text"] or ""
        last_end = -1
        for start, end, iso in find_dates(text, row.get("date") or "2023-06-15"):
            total += 1
            assert start >= last_end and end > start
            assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", iso)
            assert 1900 <= int(iso[:4]) <= 2040
            last_end = end
    assert total > 100


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a fronted phrase states the year of the sentence; a month without a year takes it
        ("Over the course of 2022, Nimbus shipped many tools, starting in June with Quill.", None,
         [("2022", "2022"), ("June", "2022-06")]),
        ("In 2021, Nimbus opened a lab in April.", "2026-03-26", [("2021", "2021"), ("April", "2021-04")]),
        # no fronted year, or two years: the month keeps the publication-date rule (or is dropped)
        ("Nimbus, founded in 2019, opened a lab in April.", None, [("2019", "2019")]),
        ("In 2020 and 2021, Nimbus opened labs in April.", None, [("2020", "2020"), ("2021", "2021")]),
        ("In April, Nimbus updated its 2021 model.", "2026-03-26", [("April", "2025-04"), ("2021", "2021")]),
    ],
)
def test_dates_month_takes_the_year_the_sentence_states(
    text: str, published: str | None, expected: list[tuple[str, str]]
) -> None:
    assert [(text[s:e], iso) for s, e, iso in find_dates(text, published)] == expected
