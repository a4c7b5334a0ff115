"""Page furniture removal: scraped text -> clean paragraphs plus the metadata found on the way.

The rules (buttons, comment threads, banners, generic section headings, tag strips, metadata lines)
live in kg/data/furniture.json; this module only knows how to apply them line by line, so the cost
is linear in the size of the text and a very long line is never fed to a pattern that could
backtrack over it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.sources.common import collapse_spaces, iso_date, unescape

_BULLET = re.compile(r"^(?:[•·▪◦‣∙●○■□➤►▶→*]|-(?=\s))\s*")
_HASHTAG_LINE = re.compile(r"^(?:#[^\s#]+\s*)+$")
_TRANSITION = re.compile(r"[a-z][A-Z]")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_BOILERPLATE_MAX = 2000
_TIMESTAMP_MAX = 40


@dataclass(frozen=True)
class Rules:
    """furniture.json compiled once per process."""

    max_line: int
    drop: re.Pattern[str]
    boilerplate: re.Pattern[str]
    headings: frozenset[str]
    labels: frozenset[str]
    label_prefix: re.Pattern[str]
    run_together_min: int
    run_together_max_words: int
    timestamp: re.Pattern[str]
    reply: re.Pattern[str]
    handle_max: int
    max_body_lines: int
    meta_anywhere: tuple[re.Pattern[str], ...]
    meta_top: tuple[re.Pattern[str], ...]
    top_lines: int
    datelines: tuple[re.Pattern[str], ...]
    splice: re.Pattern[str]
    html_drop_tags: frozenset[str]
    html_drop_class: re.Pattern[str]
    related_headings: frozenset[str]
    related_max_words: int


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw: dict[str, Any] = json.loads(
        resources.files("kg").joinpath("data", "furniture.json").read_text(encoding="utf-8")
    )
    drop = [p for group in raw["drop_lines"].values() for p in group]
    labels = raw["category_labels"]
    comments = raw["comments"]
    meta = raw["metadata"]
    # Only labels of several words may prefix a run-together strip: a one-word label glued to a
    # capitalised word is as often a name ("Tech" + "Crunch").
    multiword = sorted((x for x in labels["labels"] if " " in x), key=len, reverse=True)
    label_alternatives = "|".join(re.escape(x) for x in multiword)
    return Rules(
        max_line=int(raw["max_furniture_line"]),
        drop=_any(drop),
        boilerplate=_any(raw["boilerplate"]["patterns"]),
        headings=frozenset(p.casefold() for p in raw["section_headings"]["phrases"]),
        labels=frozenset(p.casefold() for p in labels["labels"]),
        label_prefix=re.compile(rf"^(?i:{label_alternatives})(?=[A-Z])"),
        run_together_min=int(labels["run_together_min"]),
        run_together_max_words=int(labels["run_together_max_words"]),
        timestamp=_any(comments["timestamp"]),
        reply=_any([comments["reply"]]),
        handle_max=int(comments["handle_max_length"]),
        max_body_lines=int(comments["max_body_lines"]),
        meta_anywhere=tuple(re.compile(p, re.IGNORECASE) for p in meta["anywhere"]),
        meta_top=tuple(re.compile(p, re.IGNORECASE) for p in meta["top"]),
        top_lines=int(meta["top_lines"]),
        datelines=tuple(re.compile(p) for p in meta.get("datelines", [])),
        splice=re.compile(raw["hashtag_splice"]["pattern"]),
        html_drop_tags=frozenset(raw["html"]["drop_tags"]),
        html_drop_class=re.compile(raw["html"]["drop_class"], re.IGNORECASE),
        related_headings=frozenset(p.casefold() for p in raw["related_lists"]["headings"]),
        related_max_words=int(raw["related_lists"]["max_words"]),
    )


@dataclass
class Cleaned:
    """Paragraphs of text with furniture removed, and metadata lines turned into fields."""

    paragraphs: list[str] = field(default_factory=list)
    publisher: str | None = None
    url: str | None = None
    published: str | None = None


def is_furniture(line: str, r: Rules | None = None) -> bool:
    """Whether one line (bullet, spacing and entities already normalised) is page furniture."""
    r = r or rules()
    if len(line) <= r.max_line:
        if r.drop.fullmatch(line) or _is_heading(line, r) or _is_tag_strip(line, r):
            return True
        if _HASHTAG_LINE.match(line):
            return True
    return len(line) <= _BOILERPLATE_MAX and r.boilerplate.fullmatch(line) is not None


def _is_heading(line: str, r: Rules) -> bool:
    return line.rstrip(":").strip().casefold() in r.headings


def _is_tag_strip(line: str, r: Rules) -> bool:
    if line.casefold() in r.labels:
        return True
    if _TERMINAL.search(line):
        return False
    words = line.split()
    if len(words) > r.run_together_max_words:
        return False
    if r.label_prefix.match(line):
        return True
    glued = [len(_TRANSITION.findall(w)) for w in words]
    return any(n >= 2 for n in glued) and sum(glued) >= r.run_together_min


def normalise_line(line: str, r: Rules) -> str:
    line = collapse_spaces(line)
    if "&" in line:
        line = unescape(line)
    if "#" in line:
        line = r.splice.sub(r"\1\2", line)
    return _BULLET.sub("", line, count=1)


def _looks_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped text (every line cut near a fixed width) joins lines inside a paragraph."""
    inner = wrapped = 0
    for i in range(len(lines) - 1):
        if lines[i] and lines[i + 1]:
            inner += 1
            if 40 <= len(lines[i]) <= 100 and not _TERMINAL.search(lines[i]):
                wrapped += 1
        if inner >= 400:
            break
    return inner >= 3 and wrapped >= 0.5 * inner


def _is_handle(line: str, r: Rules) -> bool:
    return 0 < len(line) <= r.handle_max and len(line.split()) <= 4 and not _TERMINAL.search(line)


def _metadata(line: str, patterns: tuple[re.Pattern[str], ...], out: Cleaned) -> bool:
    for pattern in patterns:
        match = pattern.fullmatch(line)
        if not match:
            continue
        groups = {k: v.strip() for k, v in match.groupdict().items() if v}
        if "date" in pattern.groupindex:
            found = iso_date(groups["date"]) if "date" in groups else None
            if "date" in groups and not found:
                continue  # not a date after all: the line is text
            out.published = out.published or found
        if groups.get("publisher") and not groups["publisher"].lower().startswith("http"):
            out.publisher = out.publisher or groups["publisher"]
        if groups.get("url"):
            out.url = out.url or groups["url"].rstrip(".,;)")
        return True
    return False


def clean_text(text: str) -> Cleaned:
    """Split text into paragraphs and drop furniture lines, keeping the order of everything else.

    Lines separated by blank lines, or standing on their own, are paragraphs; hard-wrapped text is
    re-joined. Repeated consecutive lines (a headline shown twice) are kept once.
    """
    return clean_lines(text.splitlines())


def clean_lines(raw: list[str]) -> Cleaned:
    """clean_text for text already split into lines; the list is emptied (memory for huge files)."""
    r = rules()
    out = Cleaned()
    lines = [normalise_line(line, r) for line in raw]
    raw.clear()
    wrapped = _looks_wrapped(lines)
    kept: list[str | None] = []  # None marks a paragraph break
    last_raw_kept = -2  # index in `lines` of the last kept line (a comment handle candidate)
    seen_text = 0
    related = False  # after a "Related" heading: headlines wait in `pending` for a teaser below them
    pending: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line:
            kept.append(None)
            i += 1
            continue
        short = len(line) <= r.max_line
        if short and _is_related_heading(line, r):
            related = True
            i += 1
            continue
        if short and seen_text < r.top_lines and _metadata(line, r.meta_top, out):
            i += 1
            continue
        if short and _metadata(line, r.meta_anywhere, out):
            i += 1
            continue
        if len(line) <= _TIMESTAMP_MAX and r.timestamp.fullmatch(line.lstrip("·•- ")):
            i = _skip_comment(lines, i, last_raw_kept, kept, r)
            continue
        if is_furniture(line, r):
            i += 1
            continue
        if related and short and _is_listed_headline(line, r):
            pending.append(line)
            i += 1
            continue
        if not seen_text and out.published is None:
            out.published = _dateline(line, r)
        if pending:  # headlines with a teaser under them: the teaser's own heading, kept
            for headline in pending:
                kept.extend((headline, None))
            pending.clear()
        related = False
        kept.append(line)
        last_raw_kept = i
        seen_text += 1
        i += 1
    # headlines still pending link to other stories without a teaser: not the article
    out.paragraphs = _paragraphs(kept, wrapped)
    return out


def _is_related_heading(line: str, r: Rules) -> bool:
    return line.rstrip(":").strip().casefold() in r.related_headings


def _is_listed_headline(line: str, r: Rules) -> bool:
    """A link to another story: headline-shaped (no closing punctuation, not a sentence's tail)."""
    return (
        not _TERMINAL.search(line)
        and not line[:1].islower()
        and len(line.split()) <= r.related_max_words
        and any(c.isalpha() for c in line)
    )


def _dateline(line: str, r: Rules) -> str | None:
    """The date of a press-release dateline opening the text ("DALLAS–(BUSINESS WIRE)–March 31, 2022–")."""
    for pattern in r.datelines:
        match = pattern.match(line)
        if match:
            return iso_date(match["date"])
    return None


def _skip_comment(lines: list[str], i: int, last_raw_kept: int, kept: list[str | None], r: Rules) -> int:
    """Drop a comment block anchored on the timestamp at `i`; return the index after it."""
    if last_raw_kept == i - 1 and kept and kept[-1] is not None and _is_handle(kept[-1], r):
        kept.pop()
    for j in range(i + 1, min(len(lines), i + 1 + r.max_body_lines)):
        if lines[j] and len(lines[j]) <= r.max_line and r.reply.fullmatch(lines[j]):
            return j + 1
        if lines[j] and len(lines[j]) <= _TIMESTAMP_MAX and r.timestamp.fullmatch(lines[j].lstrip("·•- ")):
            break  # the next comment starts without a reply line closing this one
    return i + 1


def _paragraphs(kept: list[str | None], wrapped: bool) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    previous = ""
    for line in kept:
        if line is None:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if line == previous:
            continue  # the same line twice in a row: a repeated headline or a doubled button
        previous = line
        if wrapped:
            current.append(line)
        else:
            paragraphs.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def drop_repeats_of(paragraphs: list[str], title: str, window: int = 3) -> list[str]:
    """Remove copies of the title among the first few paragraphs (pages repeat their headline)."""
    key = title.casefold().rstrip(".")
    head = [p for p in paragraphs[:window] if p.casefold().rstrip(".") != key]
    return head + paragraphs[window:]


def finish(paragraphs: list[str]) -> str:
    """Join paragraphs with blank lines; a paragraph without closing punctuation (a headline, a
    heading, a list item) gets a period so that sentence splitting does not glue it to the next."""
    return "\n\n".join(p if _TERMINAL.search(p[-12:]) else p + "." for p in paragraphs)
