"""The entity table of one document: which tokens refer to which entity.

Entity finding (entities.py) fills it; relation and event rules (relations.py, events.py) read it.
It stores token indices only, never spaCy objects, so rules can be tested on hand-made tables.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from kg.model import Mention


@dataclass(frozen=True)
class SpanRef:
    """One mention of an entity, located by token indices in the spaCy Doc."""

    key: str  # EntityRecord.key of the entity it refers to
    start: int  # first token index
    end: int  # token index after the last token
    kind: str  # Organization | Person | Product | Place
    cls: str  # most specific class local name
    anaphor: bool = False  # "the company", "he", "the ChatGPT maker": resolved, not named


@dataclass
class EntityDraft:
    """An entity while a document is being read; becomes a kg.model.EntityRecord."""

    key: str
    name: str
    kind: str
    cls: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    version_of: str | None = None
    confidence: float = 0.8
    source: str = "ner"


class EntityTable:
    """Entities of one document and the token spans that mention them."""

    def __init__(self) -> None:
        self.entities: dict[str, EntityDraft] = {}
        # What the gazetteer knows about this document's entities, for rules to fall back on:
        # product key -> developer org key; person key -> (employer org key, job title or None).
        # Only filled when both entities are mentioned in the document.
        self.known_developer: dict[str, str] = {}
        self.known_employer: dict[str, tuple[str, str | None]] = {}
        self._spans: list[SpanRef] = []
        self._starts: list[int] = []
        self._dirty = False
        # Tokens before this index are the prepended title: its mentions serve the headline's
        # facts (`at_token`, `in_range`), but `spans`, `before` and `salient` read the body only.
        self.title_end = 0

    # --- filling ------------------------------------------------------------------
    def add_entity(self, draft: EntityDraft) -> EntityDraft:
        existing = self.entities.get(draft.key)
        if existing is None:
            self.entities[draft.key] = draft
            return draft
        existing.aliases |= draft.aliases
        existing.mentions.extend(draft.mentions)
        return existing

    def add_span(self, ref: SpanRef) -> None:
        self._spans.append(ref)
        self._dirty = True

    def _sorted(self) -> list[SpanRef]:
        if self._dirty:
            self._spans.sort(key=lambda s: (s.start, s.end))
            self._starts = [s.start for s in self._spans]
            self._dirty = False
        return self._spans

    # --- reading ------------------------------------------------------------------
    @property
    def spans(self) -> list[SpanRef]:
        """The body's mentions, in reading order (the title's sort first and are left out)."""
        spans = self._sorted()
        return spans[bisect_left(self._starts, self.title_end) :]

    def at_token(self, i: int) -> SpanRef | None:
        """The mention covering token i, if any."""
        spans = self._sorted()
        pos = bisect_right(self._starts, i) - 1
        while pos >= 0:
            ref = spans[pos]
            if ref.start <= i < ref.end:
                return ref
            if ref.end <= i and i - ref.start > 12:
                break
            pos -= 1
        return None

    def in_range(self, start: int, end: int) -> list[SpanRef]:
        """Mentions entirely inside tokens [start, end)."""
        spans = self._sorted()
        lo = bisect_right(self._starts, start - 1)
        out = []
        for ref in spans[lo:]:
            if ref.start >= end:
                break
            if ref.end <= end:
                out.append(ref)
        return out

    def before(self, i: int, kinds: tuple[str, ...], limit: int = 400) -> SpanRef | None:
        """The nearest named mention of one of `kinds` that ends before token i (for anaphora)."""
        spans = self._sorted()
        pos = bisect_right(self._starts, i) - 1
        while pos >= 0:
            ref = spans[pos]
            if i - ref.end > limit or ref.start < self.title_end:
                return None
            if ref.end <= i and ref.kind in kinds and not ref.anaphor:
                return ref
            pos -= 1
        return None

    def salient(self, kind: str, exclude: tuple[str, ...] = ()) -> str | None:
        """The most mentioned entity of a kind (ties broken by first mention)."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for ref in self.spans:
            if ref.kind == kind and ref.key not in exclude:
                counts[ref.key] += 1
                first.setdefault(ref.key, ref.start)
        if not counts:
            return None
        return min(counts, key=lambda k: (-counts[k], first[k]))
