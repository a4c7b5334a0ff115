"""worksFor for every organization of a coordinated employer (`coordinated-employer`, 0.75): "Dana
Reyes, founder of Brellix Labs and Quillo Systems", "a former executive at Brellix and Quillo": the
title rules read the first organization only; the second shares the title, the role and the tense.

Read from the words after a candidate the other rules made: its organization comes after the person
(and right after "of"/"at"/"for", an article allowed), then "and"/"&" (no comma: "A, CEO of Brellix,
and B" is a list of people) and a second organization that closes the phrase (a comma, a full stop,
a reporting verb ...), so "CEO of Brellix and Quillo's partner" or a name run on gives nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.patterns import code_rule
from kg.extract.relbase import Candidate
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc


COORDINATED_EMPLOYER = code_rule(
    "kg.rel.worksFor.coordinated-employer.v1", "worksFor", 0.75, (PERSON,), (ORG,)
)
_PREPS = frozenset({"of", "at", "for"})
_ARTICLES = frozenset({"the"})
_AND = frozenset({"and", "&"})
_CLOSERS = frozenset({",", ".", ";", ":", ")", "who", "which", "said", "says", "told", "added", "explained",
                      "noted", "\u2014", "\u2013", "in", "since"})


def coordinated_employers(sdoc: Doc, table: EntityTable, cands: list[Candidate]) -> list[Candidate]:
    """Second organizations of coordinated employers, one candidate each."""
    out: list[Candidate] = []
    seen: set[tuple[str, str, int]] = set()
    for c in cands:
        if c.pattern.predicate != "worksFor" or c.object.anaphor or c.object.start < c.subject.end:
            continue
        second = _second_org(sdoc, table, c)
        if second is None or second.key in (c.object.key, c.subject.key):
            continue
        key = (c.subject.key, second.key, c.sent.start)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Candidate(subject=c.subject, object=second, pattern=COORDINATED_EMPLOYER, sent=c.sent,
                      role=c.role, former=c.former)
        )
    return out


def _second_org(sdoc: Doc, table: EntityTable, c: Candidate) -> SpanRef | None:
    org, end = c.object, c.sent.end
    before = org.start - 1
    if before > c.sent.start and sdoc[before].lower_ in _ARTICLES:
        before -= 1
    if before <= c.sent.start or sdoc[before].lower_ not in _PREPS:
        return None
    i = org.end
    if i + 1 >= end or sdoc[i].lower_ not in _AND:
        return None
    j = i + 1 + (sdoc[i + 1].lower_ in _ARTICLES)
    second = table.at_token(j) if j < end else None
    if second is None or second.start != j or second.kind != ORG or second.anaphor:
        return None
    if second.end < end and sdoc[second.end].lower_ not in _CLOSERS:
        return None
    return second
