"""The record every relation rule proposes: two table spans, the pattern that joined them, the
sentence. `relations.pattern_relations` checks candidates and turns them into RelationRecords.

Kept apart from relations.py so that the rules written in code (relpeople.py, relrivals.py) can
build candidates without importing the module that calls them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

    from kg.extract.patterns import RelationPattern
    from kg.extract.table import SpanRef


@dataclass(frozen=True)
class Candidate:
    subject: SpanRef
    object: SpanRef
    pattern: RelationPattern
    sent: Span
    role: str | None = None
    former: bool = False
