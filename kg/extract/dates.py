"""Dates in news text, explicit ("March 29, 2026", "Q3 2025") or relative to the publication date.

Pure Python (no spaCy). `find_dates(text, published)` returns (start, end, iso) spans where iso
keeps the precision the text gives: "YYYY-MM-DD", "YYYY-MM" or "YYYY". Relative expressions
("yesterday", "last month", "on Tuesday", "six months ago") are resolved against `published`
and dropped when it is None; the result never depends on today's date. Word lists live in
kg/data/dates.json. The resolution rules (kg/extract/README.md, section Numbers), in short:
- a week cannot be written as an xsd date, so "this week" / "last week" give the month;
- a date without a year ("Mar. 29", "in March", "on Tuesday") takes the most recent such date on
  or before publication, or the next one on or after it when a future cue ("will", "plans",
  "scheduled") comes earlier in the same sentence; "last"/"next" force strictly before/after;
- quarters, halves, seasons and fiscal years give the year only;
- ranges ("October 13-15, 2026", "2023-24") give their start; decades ("the 2020s") give nothing.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache
from importlib import resources

Candidate = tuple[int, int, str]

_YEAR = r"(?:19[89]\d|20[0-3]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DASH = r"\s?[-–—]\s?"


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    number_words: dict[str, int]
    future: re.Pattern[str]
    year_cues: frozenset[str]
    year_not_after: frozenset[str]
    year_not_before: frozenset[str]
    not_before_weekday: frozenset[str]
    not_before_relative: frozenset[str]
    stated_year: re.Pattern[str]
    patterns: tuple[tuple[re.Pattern[str], str], ...]  # (regex, handler name), tried in order


def _alt(items: list[str] | set[str]) -> str:
    return "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(resources.files("kg").joinpath("data", "dates.json").read_text(encoding="utf-8"))
    months: dict[str, int] = raw["months"]
    full = [m for m in months if len(m) > 4 or m in ("May", "June", "July")]
    abbrev = [m for m in months if m not in full]
    month = rf"(?P<month>{_alt(full)}|(?:{_alt(abbrev)})\.?)(?![\w])"
    weekday = rf"(?:(?:{_alt(list(raw['weekdays']))}),?\s+)?"
    year = rf"(?P<year>{_YEAR})(?![\d,.]\d|\w)"
    day_range = rf"(?:{_DASH}(?:{_alt(full)}\s+)?{_DAY})?"
    cues = f"(?P<cue>(?i:{_alt(raw['month_cues'])}))"
    words = f"(?<![\\d,.])(?P<n>{_alt(list(raw['number_words']))}|\\d{{1,3}})"
    rel_qual = r"(?:(?:earlier|later|late|early|mid)[\s-]+)?"
    patterns = (
        (rf"(?<![\w.\-/])(?P<year>{_YEAR})-(?P<mm>0[1-9]|1[0-2])-(?P<dd>[0-3]\d)(?![\d])", "iso"),
        (rf"(?<![\w.\-/])(?P<year>{_YEAR})/(?P<mm>0[1-9]|1[0-2])/(?P<dd>[0-3]\d)(?![\d/])", "iso"),
        (rf"(?<![\w.\-/])(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<year>{_YEAR})(?![\d/])", "numeric"),
        (
            rf"\b{weekday}{month}\s+(?P<day>{_DAY}){day_range}(?:,?\s+{year})?(?![\d:]|\s?(?:am|pm|a\.m)\b)",
            "month_day",
        ),
        (rf"\b{weekday}(?P<day>{_DAY}){day_range}(?:\s+of)?\s+{month}(?:,?\s+{year})?", "day_month"),
        (
            rf"\b{weekday}{month}(?:\s+(?P<day>{_DAY}))?(?:,?\s+|\s+of\s+)(?P<which>last|this|next)\s+year\b",
            "month_rel_year",
        ),
        (rf"\b{month},?\s+(?:of\s+)?{year}", "month_year"),
        (rf"\b{cues}\s+{month}(?!\s*\d)", "month_only"),
        (
            rf"\b(?:(?P<q>Q[1-4]|H[12])\s*|(?i:the\s+)?(?:first|second|third|fourth|final|last)\s+"
            rf"(?:quarter|half)\s+of\s+|(?i:fiscal\s+(?:year\s+)?|FY\s?))(?P<year>{_YEAR})\b",
            "year_label",
        ),
        (rf"\b(?i:mid|early|late|end|start)-(?P<year>{_YEAR})(?![\w%]|[.,:/]\d|[-–]\d)", "year_label"),
        (
            rf"(?<![\w$€£¥₹.,/:#'’+-])(?P<year>{_YEAR})(?:{_DASH}(?P<year2>{_YEAR}|\d\d))?(?![\w%]|[.,:/]\d|[-–]\d|\+)",
            "year",
        ),
        (
            r"\b(?i:today|tonight|this\s+morning|this\s+afternoon|this\s+evening|earlier\s+today|"
            r"later\s+today|last\s+night)\b",
            "today",
        ),
        (r"\b(?i:yesterday)\b", "yesterday"),
        (r"\b(?i:tomorrow)\b", "tomorrow"),
        (
            rf"\b{rel_qual}(?P<which>(?i:this|last|next|past))\s+(?P<unit>(?i:week|weekend|month|year))\b",
            "relunit",
        ),
        (r"\b(?i:over\s+the\s+weekend)\b", "weekend"),
        (
            rf"\b(?i:(?P<n>{_alt(list(raw['number_words']))}|a|\d{{1,2}})\s+years?\s+(?P<dir>later|earlier|before)|"
            r"the\s+(?P<rel>following|next|previous|prior|same)\s+year|(?:later|earlier)\s+(?P<that>that)\s+year|"
            r"that\s+same\s+year)\b",
            "year_after",
        ),
        (rf"\b{words}\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b", "ago"),
        (
            rf"\b(?:(?P<which>(?i:last|this|next|on|on\s+last|this\s+past|past))\s+)?"
            rf"(?P<wd>{_alt(list(raw['weekdays']))})(?!\.\w|\w)",
            "weekday",
        ),
    )
    return _Lexicon(
        months=months,
        weekdays=raw["weekdays"],
        number_words={k.lower(): int(v) for k, v in raw["number_words"].items()},
        future=re.compile(rf"(?<![\w'’])(?:{_alt(raw['future_cues'])})(?!\w)"),
        year_cues=frozenset(c.lower() for c in raw["year_cues"]),
        year_not_after=frozenset(c.lower() for c in raw["year_not_after"]),
        year_not_before=frozenset(c.lower() for c in raw["year_not_before"]),
        not_before_weekday=frozenset(c.lower() for c in raw["not_before_weekday"]),
        not_before_relative=frozenset(c.lower() for c in raw["not_before_relative"]),
        stated_year=re.compile(
            rf"\s*(?:(?i:[a-z]+)\s+)?(?i:{_alt(raw.get('stated_year_cues', []) or ['in'])})\s+"
            rf"(?P<year>{_YEAR})(?![\w%]|[.,:/]\d|[-–]\d)"
        ),
        patterns=tuple((re.compile(p), name) for p, name in patterns),
    )


def parse_published(published: str | None) -> date | None:
    """The publication day from an ISO date/datetime string (other formats through dateparser)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        pass
    try:  # RSS / e-mail style: "Sun, 29 Mar 2026 16:30:00 GMT"
        return parsedate_to_datetime(published).date()
    except (TypeError, ValueError, IndexError):
        pass
    if not any(ch.isdigit() for ch in published):
        return None
    import dateparser  # slow to import: only for the rare publication date in another format

    parsed = dateparser.parse(published, settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if parsed else None


# --- helpers ----------------------------------------------------------------------------


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _month_num(lex: _Lexicon, name: str) -> int:
    return lex.months[name.rstrip(".")]


def _day_num(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _sentence_before(text: str, start: int) -> str:
    cut = max(text.rfind(c, 0, start) for c in ".!?\n")
    return text[cut + 1 : start]


def _future(lex: _Lexicon, text: str, start: int) -> bool:
    return lex.future.search(_sentence_before(text, start)) is not None


def _word_before(text: str, start: int, n: int = 1) -> str:
    words = re.findall(r"[\w.'’-]+", text[max(0, start - 40) : start])
    return " ".join(words[-n:]).lower()


def _word_after(text: str, end: int) -> str:
    m = re.match(r"\s+([\w.]+)", text[end : end + 40])
    return m.group(1).lower().rstrip(".") if m else ""


def _infer_year(pub: date, m: int, d: int | None, direction: str) -> int:
    """The year of a month (and day) written without one. direction: past | future | before | after."""
    key = (m, d or 0)
    now = (pub.month, pub.day if d else 0)
    if direction == "before":
        return pub.year if key < now else pub.year - 1
    if direction == "after":
        return pub.year if key > now else pub.year + 1
    if direction == "future":
        return pub.year if key >= now else pub.year + 1
    return pub.year if key <= now else pub.year - 1


def _direction(lex: _Lexicon, text: str, start: int, which: str | None) -> str:
    which = (which or "").lower().split()[-1] if which else ""
    if which in ("last", "past"):
        return "before"
    if which == "next":
        return "after"
    return "future" if _future(lex, text, start) else "past"


def _add_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


# --- handlers: (match, text, published, lexicon) -> iso or None --------------------------

Handler = Callable[[re.Match[str], str, date | None, _Lexicon], str | None]


def _h_iso(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    return _iso(int(m["year"]), int(m["mm"]), int(m["dd"]))


def _h_numeric(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["year"])
    if a > 12 and 1 <= b <= 12:
        return _iso(y, b, a)
    if b > 12 and 1 <= a <= 12:
        return _iso(y, a, b)
    if a == b and 1 <= a <= 12:
        return _iso(y, a, a)
    # 03/04/2026 may be March 4 or 3 April: only the year is certain.
    return _iso(y) if 1 <= a <= 12 and 1 <= b <= 12 else None


def _h_month_day(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    month, day = _month_num(lex, m["month"]), _day_num(m["day"])
    if m["year"]:
        return _iso(int(m["year"]), month, day)
    if pub is None:
        return None
    year = _infer_year(pub, month, day, _direction(lex, text, m.start(), None))
    return _iso(year, month, day)


def _h_month_year(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    return _iso(int(m["year"]), _month_num(lex, m["month"]))


def _h_month_rel_year(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    if pub is None:
        return None
    year = pub.year + {"last": -1, "this": 0, "next": 1}[m["which"]]
    return _iso(year, _month_num(lex, m["month"]), _day_num(m["day"]) if m["day"] else None)


def _stated_year(text: str, month_start: int, lex: _Lexicon) -> int | None:
    """The year a fronted phrase states for the whole sentence ("Over the course of 2023, ... in
    March"), when the sentence names no other year; else None."""
    m = lex.stated_year.match(text)
    if m is None or m.end() > month_start or not text[m.end() :].lstrip().startswith(","):
        return None
    years = {int(y) for y in re.findall(rf"(?<![\w$€£¥.,/-])({_YEAR})(?![\w%]|[.,:/]\d)", text)}
    return int(m["year"]) if years == {int(m["year"])} else None


def _h_month_only(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    month = _month_num(lex, m["month"])
    stated = _stated_year(text, m.start("month"), lex)
    if stated is not None:
        return _iso(stated, month)
    if pub is None:
        return None
    cue = m["cue"].lower().split()[-1]
    return _iso(_infer_year(pub, month, None, _direction(lex, text, m.start(), cue)), month)


def _h_year_label(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    return _iso(int(m["year"]))


def _h_year(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    before = _word_before(text, m.start())
    before2 = _word_before(text, m.start(), 2)
    after = _word_after(text, m.end())
    if before in lex.year_not_after or before2 in lex.year_not_after or after in lex.year_not_before:
        return None
    if m["year2"] and len(m["year2"]) == 2 and int(m["year2"]) != (int(m["year"]) + 1) % 100:
        return None
    tail = text[m.end() : m.end() + 1]
    if before in lex.year_cues or before.rstrip("-") in lex.year_cues or not tail or tail in ",.;:)!?'’]\"”":
        return _iso(int(m["year"]))
    return None


def _h_today(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    if pub is None or _word_before(text, m.start()) in lex.not_before_relative:
        return None
    return pub.isoformat()


def _h_yesterday(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    return (pub - timedelta(days=1)).isoformat() if pub else None


def _h_tomorrow(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    return (pub + timedelta(days=1)).isoformat() if pub else None


def _h_relunit(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    words = m.group(0).split()
    if pub is None or any(w[0].isupper() for w in words[1:]):  # "This Week in AI" is a title
        return None
    which, unit = m["which"].lower(), m["unit"].lower()
    step = {"this": 0, "past": -1, "last": -1, "next": 1}[which]
    if which == "past" and unit != "weekend":
        return None  # "the past year" is a span of time, not a date
    if unit in ("week", "weekend"):
        d = pub + timedelta(days=7 * step)
        return _iso(d.year, d.month)
    if unit == "month":
        return _iso(*_add_months(pub, step))
    return _iso(pub.year + step)


def _h_weekend(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    return _iso(pub.year, pub.month) if pub else None


def _h_ago(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    if pub is None:
        return None
    raw = " ".join(m["n"].lower().split())
    n = int(raw) if raw.isdigit() else lex.number_words[raw]
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        return (pub - timedelta(days=n)).isoformat()
    if unit == "week":
        d = pub - timedelta(days=7 * n)
        return _iso(d.year, d.month)
    if unit == "month":
        return _iso(*_add_months(pub, -n))
    return _iso(pub.year - n) if pub.year - n >= 1900 else None


def _h_weekday(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    if pub is None:
        return None
    before = _word_before(text, m.start("wd"))
    if before in lex.not_before_weekday or _word_before(text, m.start("wd"), 2) in lex.not_before_weekday:
        return None
    target = lex.weekdays[m["wd"]]
    direction = _direction(lex, text, m.start(), m["which"])
    if direction in ("past", "before"):
        delta = (pub.weekday() - target) % 7 or (7 if direction == "before" else 0)
        return (pub - timedelta(days=delta)).isoformat()
    delta = (target - pub.weekday()) % 7 or (7 if direction == "after" else 0)
    return (pub + timedelta(days=delta)).isoformat()


def _h_year_after(m: re.Match[str], text: str, pub: date | None, lex: _Lexicon) -> str | None:
    """ "... in 2008, and was bought one year later", "the following year", "later that year": a year
    counted from the last year the text names before it (nothing when it names none)."""
    years = re.findall(rf"(?<![\w$€£¥.,/-])({_YEAR})(?![\w%]|[.,:/]\d)", text[: m.start()])
    if not years:
        return None
    if m["n"]:
        raw = m["n"].lower()
        n = 1 if raw == "a" else int(raw) if raw.isdigit() else lex.number_words.get(raw, 0)
        step = n if m["dir"].lower() == "later" else -n
    else:
        step = {"following": 1, "next": 1, "previous": -1, "prior": -1}.get((m["rel"] or "").lower(), 0)
    return _iso(int(years[-1]) + step) if abs(step) <= 50 else None


_HANDLERS: dict[str, Handler] = {
    "iso": _h_iso,
    "numeric": _h_numeric,
    "month_day": _h_month_day,
    "day_month": _h_month_day,
    "month_year": _h_month_year,
    "month_rel_year": _h_month_rel_year,
    "month_only": _h_month_only,
    "year_label": _h_year_label,
    "year": _h_year,
    "today": _h_today,
    "yesterday": _h_yesterday,
    "tomorrow": _h_tomorrow,
    "relunit": _h_relunit,
    "weekend": _h_weekend,
    "year_after": _h_year_after,
    "ago": _h_ago,
    "weekday": _h_weekday,
}


def _candidates(text: str, pub: date | None, lex: _Lexicon) -> Iterator[tuple[int, int, int, str]]:
    for order, (pattern, name) in enumerate(lex.patterns):
        for m in pattern.finditer(text):
            iso = _HANDLERS[name](m, text, pub, lex)
            if iso is not None:
                # "in March": the span is the month name, the cue only decides the year.
                start = m.start("month") if name == "month_only" else m.start()
                yield start, m.end(), order, iso


def find_dates(text: str, published: str | None) -> list[tuple[int, int, str]]:
    """Every date in `text` as (start, end, iso), in text order, spans not overlapping.

    Longer spans win over shorter ones they overlap ("March 29, 2026" over "2026"); at equal
    length the more explicit pattern wins.
    """
    lex = _lexicon()
    pub = parse_published(published)
    found = sorted(_candidates(text, pub, lex), key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    kept: list[Candidate] = []
    for start, end, _order, iso in found:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, iso))
    return sorted(kept)
