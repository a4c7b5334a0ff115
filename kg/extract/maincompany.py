"""The article's main company as the referent of a generic "the company" that would otherwise fall on
an organization the window only names in passing.

"Zentrik launched Pallio ... It rivals Quorvex's Brimo. Dana Reyes, co-founder of the company, said ...":
the nearest organization (Quorvex) is only the possessor of a rival product, no clause in the window
has an organization as its subject, and the article names Zentrik far more often: "the company" is
Zentrik. Only generic nouns (`anaphora.generic_org_nouns` in entity_rules.json: "company", "startup",
"firm" ...) are read so; "the search giant" or "the chipmaker" describe one organization and keep the
nearest.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG

_SUBJECTS = ("nsubj", "nsubjpass")
MIN_MAIN_MENTIONS = 3  # the main company is named at least this often ...
DOMINANCE = 2  # ... and at least this many times as often as the passing antecedent


_SENTENCE_ENDS = frozenset({".", "!", "?", "\u201d", '"', "\u2019", "'"})


def _closed_before(doc: Doc, start: int) -> bool:
    """The anaphor's sentence follows a finished one (not a parse cut inside a sentence)."""
    if start == 0:
        return False
    prev = doc[start - 1]
    return prev.text in _SENTENCE_ENDS or "\n" in prev.text or prev.is_space


def _acting_or_employer(doc: Doc, ante: SpanRef) -> bool:
    """The antecedent acts (a clause subject) or employs someone ("lead engineer at Acme"): not named
    in passing."""
    root = doc[ante.start : ante.end].root
    return root.dep_ in _SUBJECTS or root.dep_ == "pobj" and root.head.lower_ == "at"


class MainCompany:
    """Named organization mentions counted once per document (anaphors are added after this reads)."""

    def __init__(self, table: EntityTable, title: str, generic_nouns: frozenset[str]) -> None:
        self._table = table
        self._generic = generic_nouns
        self._title = title.lower()
        self._counts: Counter[str] | None = None
        self._first: dict[str, int] = {}

    def _count(self) -> Counter[str]:
        if self._counts is None:
            counts: Counter[str] = Counter()
            for ref in self._table.spans:
                if ref.kind == ORG and not ref.anaphor:
                    counts[ref.key] += 1
                    self._first.setdefault(ref.key, ref.start)
            self._counts = counts
        return self._counts

    def _in_title(self, key: str) -> bool:
        ent = self._table.entities[key]
        names = (n.lower() for n in (ent.name, *ent.aliases) if len(n) > 1)
        return any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", self._title) for n in names)

    def main(self, before: int) -> str | None:
        """The most named organization, if named before token `before`."""
        counts = self._count()
        if not counts:
            return None
        key = min(counts, key=lambda k: (-counts[k], self._first[k]))
        return key if self._first[key] < before else None

    def prefer(self, doc: Doc, ante: SpanRef, noun: Token, lo: int, first: int) -> SpanRef:
        """`ante`, or the main company's latest named mention when `ante` is only named in passing in an
        earlier sentence and the main company is the one the title names."""
        if (
            noun.lower_ not in self._generic
            or first != noun.i - 1
            or doc[first].lower_ != "the"
            or ante.start >= noun.sent.start
            or not _closed_before(doc, noun.sent.start)
            or _acting_or_employer(doc, ante)
        ):
            return ante
        for ref in self._table.in_range(lo, first):
            if ref.kind == ORG and not ref.anaphor and doc[ref.start : ref.end].root.dep_ in _SUBJECTS:
                return ante  # an organization acts in the window: the nearest-organization reading stands
        key = self.main(first)
        counts = self._count()
        if key is None or key == ante.key or not self._in_title(key):
            return ante
        if counts[key] < MIN_MAIN_MENTIONS or counts[key] < DOMINANCE * counts[ante.key]:
            return ante
        latest = self._table.before(first, (ORG,), limit=first)
        while latest is not None and latest.key != key:
            latest = self._table.before(latest.start, (ORG,), limit=latest.start)
        return latest if latest is not None else ante
