"""Money amounts in news text: "$6.5bn", "1.3 billion euros", "half a billion dollars", "up to $4 billion".

Pure Python (no spaCy): the rule steps call `find_amounts` on plain strings. The lexicon
(symbols, ISO codes, currency names, scale words, spelled numbers, ceiling cues) lives in
kg/data/currencies.json and is read on first use.

Conventions (also in kg/extract/README.md, section Numbers):
- value is a float in units of the currency (1e9 for "a billion dollars"); currency is ISO 4217;
  "$" alone is USD, "¥" alone is JPY (write "CN¥", "RMB" or "yuan" for CNY).
- "up to" / "as much as" (the data file's ceiling_cues) make an upper bound: ceiling=True and the
  cue is part of the span. Lower bounds ("more than", "over", "at least") are not marked: the
  amount is the stated figure with ceiling=False.
- A range ("$1bn-$2bn", "$1-2 billion", "$1 billion to $2 billion") yields one amount: its upper
  end, with ceiling=True, since the true figure is at most that.
- Only figures count: "multibillion-dollar", "billions of dollars" and "a billion-dollar company"
  are not amounts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from kg.model import Amount

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_RANGE_SEP = r"\s?(?:-|–|—)\s?|\s+to\s+"


@dataclass(frozen=True)
class _Lexicon:
    symbols: dict[str, str]
    codes: dict[str, str]
    names: dict[str, str]  # lower-cased name -> ISO code
    needs_scale: frozenset[str]
    scales: dict[str, float]  # exact-case single letters, lower-case words
    number_words: dict[str, float]
    pattern: re.Pattern[str]
    change: re.Pattern[str]  # "grew from" just before an "X to Y": a change, not a range


def _alt(items: list[str]) -> str:
    """A regex alternation that tries longer items first."""
    return "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(resources.files("kg").joinpath("data", "currencies.json").read_text(encoding="utf-8"))
    symbols: dict[str, str] = raw["symbols"]
    codes: dict[str, str] = raw["codes"]
    names = {k.lower(): v for k, v in raw["names"].items()}
    attached = set(raw["attached_only"])
    scales = {(k if k in attached else k.lower()): float(v) for k, v in raw["scales"].items()}
    words = {k.lower(): float(v) for k, v in raw["number_words"].items()}

    sym = _alt(list(symbols))
    code = _alt(list(codes))
    word_scales = f"(?i:{_alt([s for s in scales if s not in attached])})"
    letter_scales = _alt(sorted(attached))
    # A scale word may follow the number after a space or hyphen ("$10-million"); a lone letter
    # must touch it ("$5m", "$10B") because "$5 m" is rarely money shorthand.
    scale = rf"(?:(?:\s|-)?(?:{word_scales})|(?:{letter_scales}))(?![\w])"
    name = f"(?i:{_alt(list(raw['names']))})"
    big = f"(?i:{_alt(['thousand', 'million', 'billion', 'trillion'])})"
    cue = f"(?P<cue>(?i:{_alt(raw['ceiling_cues'])})\\s+)?"
    start = r"(?<![\w.$€£¥₹₩\\`{/])"

    prefix = (
        rf"(?P<p_sym>{sym}|(?:{code})(?=\s?\d))\s?(?P<p_num>{_NUM})(?P<p_scale>{scale})?"
        rf"(?:(?P<p_sep>{_RANGE_SEP})(?:{sym}|(?:{code})\s)?\s?(?P<p_num2>{_NUM})(?P<p_scale2>{scale})?)?"
        rf"(?:\s+(?P<p_tail>{name}|{code})\b)?"
    )
    suffix = (
        rf"(?P<s_num>{_NUM})(?:(?P<s_sep>{_RANGE_SEP})(?P<s_num2>{_NUM}))?"
        rf"(?P<s_scale>{scale})?\s+(?P<s_cur>{name}|{code})\b"
    )
    number = f"(?i:{_alt(list(raw['number_words']))})"
    spelled = rf"(?P<w_num>{number})[\s-]+(?P<w_scale>{big})\s+(?P<w_cur>{name})\b"
    pattern = re.compile(rf"{cue}{start}(?:{prefix}|{suffix}|\b{spelled})")
    change = re.compile(rf"(?i)\b(?:{_alt(raw['change_words'])})\b(?:\s+\S+){{0,6}}?\s+from\s+$")
    needs_scale = frozenset(n.lower() for n in raw["needs_scale"])
    return _Lexicon(symbols, codes, names, needs_scale, scales, words, pattern, change)


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _times(value: float, scale: float | None) -> float:
    """value * scale without binary noise: 67.4 billion is 67400000000.0, not ...0.00001."""
    return float(Decimal(repr(value)) * Decimal(repr(scale or 1.0)))


def _scale(lex: _Lexicon, text: str | None) -> float | None:
    if not text:
        return None
    key = text.strip(" -")
    return lex.scales.get(key) or lex.scales.get(key.lower())


def _currency(lex: _Lexicon, text: str) -> str:
    key = " ".join(text.split())
    return lex.symbols.get(key) or lex.codes.get(key) or lex.names.get(key.lower()) or lex.codes[key.upper()]


def _is_change(lex: _Lexicon, m: re.Match[str], sep: str | None) -> bool:
    """Whether "X to Y" is a change ("grew from $1bn to $2bn") rather than a range."""
    if sep is None or "to" not in sep:
        return False
    return lex.change.search(m.string, max(0, m.start() - 80), m.start()) is not None


def _from_match(lex: _Lexicon, m: re.Match[str]) -> tuple[int, Amount] | None:
    """The amount a match denotes and where it ends, or None when it is not money after all."""
    ceiling = m.group("cue") is not None
    if m.group("p_sym") is not None:
        value = _number(m.group("p_num"))
        scale = _scale(lex, m.group("p_scale"))
        end = m.end("p_scale") if scale else m.end("p_num")
        if m.group("p_num2") is not None and not _is_change(lex, m, m.group("p_sep")):
            scale2 = _scale(lex, m.group("p_scale2"))
            # "$5 million to 10 employees": a bare second number after a scaled first one is no range.
            if scale2 or not scale:
                value, scale, ceiling = _number(m.group("p_num2")), scale2 or scale, True
                end = m.end("p_scale2") if scale2 else m.end("p_num2")
        if m.group("p_tail") is not None and m.start("p_tail") >= end:
            tail = m.group("p_tail").lower()
            if tail not in lex.needs_scale or scale:
                end = m.end("p_tail")
        return end, Amount(_times(value, scale), _currency(lex, m.group("p_sym")), ceiling)
    if m.group("s_num") is not None:
        scale = _scale(lex, m.group("s_scale"))
        cur = m.group("s_cur")
        if not scale and " ".join(cur.lower().split()) in lex.needs_scale:
            return None
        value = _number(m.group("s_num"))
        if m.group("s_num2") is not None:
            if _is_change(lex, m, m.group("s_sep")):
                return m.end("s_num"), Amount(_times(value, scale), _currency(lex, cur), ceiling)
            value, ceiling = _number(m.group("s_num2")), True
        return m.end(), Amount(_times(value, scale), _currency(lex, cur), ceiling)
    value = lex.number_words[" ".join(m.group("w_num").lower().split())]
    scale = _scale(lex, m.group("w_scale")) or 1.0
    return m.end(), Amount(_times(value, scale), _currency(lex, m.group("w_cur")), ceiling)


def find_amounts(text: str) -> list[tuple[int, int, Amount]]:
    """Every money amount in `text` as (start, end, Amount), in text order, spans not overlapping."""
    lex = _lexicon()
    found: list[tuple[int, int, Amount]] = []
    pos = 0
    while True:
        m = lex.pattern.search(text, pos)
        if m is None:
            return found
        parsed = _from_match(lex, m)
        if parsed is None:
            # Not money (e.g. "200 pounds" of weight): retry from the next character.
            pos = m.start() + 1
            continue
        end, amount = parsed
        found.append((m.start(), end, amount))
        pos = end


def parse_amount(text: str) -> Amount | None:
    """The first money amount in `text` ("$6.5bn", "a billion dollars"), or None."""
    found = find_amounts(text)
    return found[0][2] if found else None
