"""The status of an event from hedge and negation cues around its trigger: Rumoured, Denied, Planned ...

Pure Python (no spaCy). The cue phrases, their scope and the clause heuristics live in
kg/data/hedges.json (its "about" field documents the format). In short: only cues inside the
trigger's clause count; the clause is approximated by cutting the sentence at punctuation and
conjunctions and blanking asides such as ", which reportedly has 100 staff,".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.errors import KGError


class CueDataError(KGError):
    """kg/data/hedges.json names a status the model does not know."""


class TriggerOffsetError(KGError, ValueError):
    """The trigger offsets passed to status_of do not lie inside the sentence."""


STATUSES = ("Announced", "Completed", "Rumoured", "Denied", "Planned", "Rejected", "Cancelled")
DEFAULT_STATUS = "Announced"

_WORD = r"[\w'’-]+"


@dataclass(frozen=True)
class _Rule:
    status: str
    pattern: re.Pattern[str]
    scope: str  # before | after | clause
    window: int | None
    unless_next: re.Pattern[str] | None
    unless_prev: re.Pattern[str] | None
    final: bool
    types: frozenset[str] | None
    not_types: frozenset[str]
    own_clause: bool = False
    question: bool = False  # counts only opening a clause that ends at "?"

    def applies_to(self, event_type: str) -> bool:
        return (self.types is None or event_type in self.types) and event_type not in self.not_types


@dataclass(frozen=True)
class _Hedges:
    priority: tuple[str, ...]
    breaks: re.Pattern[str]
    subordinators: re.Pattern[str]
    asides: tuple[re.Pattern[str], ...]
    rules: tuple[_Rule, ...]
    own_clause: re.Pattern[str] | None = None


def _phrase(cue: str | dict[str, str]) -> str:
    """A cue as regex source: a phrase ('*' = up to three words) or {"re": ...}."""
    if isinstance(cue, dict):
        return cue["re"]
    parts: list[str] = []
    for word in cue.split():
        if word == "*":
            parts.append(rf"(?:{_WORD}\s+){{0,3}}")
        else:
            parts.append(re.escape(word) + r"\s+")
    return "".join(parts).removesuffix(r"\s+")


def _unless(words: list[str] | None) -> re.Pattern[str] | None:
    """Words right after a cue that cancel it."""
    return re.compile(rf"(?i)\s+(?:{'|'.join(_phrase(w) for w in words)})\b") if words else None


def _unless_prev(words: list[str] | None) -> re.Pattern[str] | None:
    """Words right before a cue that cancel it (searched in the text before the cue)."""
    return re.compile(rf"(?i)\b(?:{'|'.join(_phrase(w) for w in words)})\s+$") if words else None


@lru_cache(maxsize=1)
def _hedges() -> _Hedges:
    raw = json.loads(resources.files("kg").joinpath("data", "hedges.json").read_text(encoding="utf-8"))
    unknown = [r["status"] for r in raw["rules"] if r["status"] not in STATUSES]
    if unknown:
        raise CueDataError(f"kg/data/hedges.json: unknown status {unknown}; use one of {STATUSES}")
    rules = []
    for r in raw["rules"]:
        cues = sorted((_phrase(c) for c in r["cues"]), key=len, reverse=True)
        unless = r.get("unless_next")
        rules.append(
            _Rule(
                status=r["status"],
                pattern=re.compile(rf"(?i)(?<![\w'’-])(?:{'|'.join(cues)})(?![\w-])"),
                scope=r["scope"],
                window=r.get("window"),
                unless_next=_unless(unless),
                unless_prev=_unless_prev(r.get("unless_prev")),
                final=bool(r.get("final", False)),
                types=frozenset(r["types"]) if "types" in r else None,
                not_types=frozenset(r.get("not_types", ())),
                own_clause=bool(r.get("own_clause", False)),
                question=bool(r.get("question", False)),
            )
        )
    return _Hedges(
        priority=tuple(raw["priority"]),
        breaks=re.compile("|".join(raw["clause_breaks"]), re.IGNORECASE),
        subordinators=re.compile(rf"(?i)\b(?:{'|'.join(_phrase(s) for s in raw['subordinators'])})\b"),
        asides=tuple(re.compile(a, re.IGNORECASE) for a in raw["asides"]),
        rules=tuple(rules),
        own_clause=re.compile("|".join(raw["own_clause"]), re.IGNORECASE) if raw.get("own_clause") else None,
    )


def _blank_asides(sentence: str, start: int, end: int, hedges: _Hedges) -> tuple[str, int, int]:
    """The sentence with asides replaced by spaces, and the bounds of the aside holding the trigger.

    When the trigger lies inside an aside, that aside is the whole clause (its bounds are returned);
    otherwise the bounds are the whole sentence.
    """
    chars = list(sentence)
    lo, hi = 0, len(sentence)
    for pattern in hedges.asides:
        for m in pattern.finditer(sentence):
            if m.start() <= start and end <= m.end():
                lo, hi = max(lo, m.start()), min(hi, m.end())
            elif m.end() <= start or m.start() >= end:
                chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(chars), lo, hi


def clause_bounds(sentence: str, start: int, end: int) -> tuple[str, int, int]:
    """(blanked sentence, clause start, clause end) for the trigger at sentence[start:end]."""
    hedges = _hedges()
    text, lo, hi = _blank_asides(sentence, start, end, hedges)
    cuts = [(m.start(), m.end()) for m in hedges.breaks.finditer(text, lo, hi)]
    # A subordinate clause ("Although ..., X launched Y") ends at its next comma.
    for m in hedges.subordinators.finditer(text, lo, hi):
        comma = text.find(",", m.end(), hi)
        if comma != -1:
            cuts.append((comma, comma + 1))
    for c_start, c_end in cuts:
        if c_end <= start:
            # A conjunction that opens the clause is kept: "but may acquire" must see "may".
            lo = max(lo, c_start)
        elif c_start >= end:
            hi = min(hi, c_start)
    return text, lo, hi


def _words_between(text: str, a: int, b: int) -> int:
    return len(re.findall(_WORD, text[a:b])) if b > a else 0


def _is_name(text: str, start: int) -> bool:
    """A capitalised cue inside a sentence is part of a name ("VMware Explore"), not a hedge."""
    if not text[start].isupper():
        return False
    before = text[:start].rstrip(" \t\"'“‘(")
    return bool(before) and before[-1] not in ".!?:;\n"


def _asks(text: str, lo: int, hi: int, cue_start: int) -> bool:
    """The cue opens the clause ("Will X buy Y?") and the clause ends at a question mark."""
    return not text[lo:cue_start].strip(" \t\"'“‘:") and text[hi : hi + 1] == "?"


def _governs_other_clause(rule: _Rule, hedges: _Hedges, text: str, cue_end: int, trigger_start: int) -> bool:
    """A plan or talk cue before the trigger with a clause of the trigger's own in between ("plans to
    spend the money it raised"): the cue is about the other verb, not the event."""
    if not rule.own_clause or rule.scope != "before":
        return False
    if hedges.own_clause is None or cue_end > trigger_start:
        return False
    return hedges.own_clause.search(text[cue_end:trigger_start]) is not None


def cues_of(
    sentence: str, trigger_start: int, trigger_end: int, event_type: str
) -> list[tuple[str, str, bool]]:
    """Every (status, cue text, final) that applies to the trigger, for debugging and tests."""
    text, lo, hi = clause_bounds(sentence, trigger_start, trigger_end)
    found: list[tuple[str, str, bool]] = []
    hedges = _hedges()
    for rule in hedges.rules:
        if not rule.applies_to(event_type):
            continue
        for m in rule.pattern.finditer(text, lo, hi):
            if rule.scope == "before" and m.end() > trigger_start:
                continue
            if rule.scope == "after" and m.start() < trigger_end:
                continue
            if rule.window is not None:
                gap = (
                    _words_between(text, m.end(), trigger_start)
                    if m.end() <= trigger_start
                    else _words_between(text, trigger_end, m.start())
                )
                if gap > rule.window:
                    continue
            if rule.unless_next is not None and rule.unless_next.match(text, m.end()):
                continue
            prev = rule.unless_prev
            if prev is not None and prev.search(text, max(0, m.start() - 40), m.start()):
                continue
            # a question cue opens its clause ("Will X buy Y?"); any other capitalised cue is a name
            asks = _asks(text, lo, hi, m.start()) if rule.question else not _is_name(text, m.start())
            if not asks:
                continue
            if _governs_other_clause(rule, hedges, text, m.end(), trigger_start):
                continue
            found.append((rule.status, m.group(0), rule.final))
    return found


def status_of(sentence: str, trigger_start: int, trigger_end: int, event_type: str) -> str:
    """The status of the event whose trigger is sentence[trigger_start:trigger_end].

    Announced unless a cue of kg/data/hedges.json applies in the trigger's clause. A conditional
    ("if", "whether": the file's `final` rules) makes it Rumoured whatever else applies; otherwise
    the first status in the file's priority order wins (Denied > Cancelled > Rejected > Rumoured >
    Planned > Completed).
    """
    if not 0 <= trigger_start <= trigger_end <= len(sentence):
        raise TriggerOffsetError(
            f"trigger offsets {trigger_start}:{trigger_end} lie outside a sentence of {len(sentence)} chars"
        )
    cues = cues_of(sentence, trigger_start, trigger_end, event_type)
    finals = [status for status, _cue, final in cues if final]
    if finals:
        return finals[0]
    statuses = {status for status, _cue, _final in cues}
    for status in _hedges().priority:
        if status in statuses:
            return status
    return DEFAULT_STATUS
