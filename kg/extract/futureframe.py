"""A bare verb that shares a future modal written further back: "Y will hire engineers over the
coming months and launch X" (a second verb coordinated under "will"), "the money will help Y expand
its team and launch X" (the bare complement of an enabling verb, `enabling_verbs` under `side_cases`
in kg/data/triggers.json). The hedge cues of kg/data/hedges.json only look a few words back, so such
a launch would read as done; the parse carries the modal to it and the event is Planned."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract.patterns import TRIGGERS, _read_json

if TYPE_CHECKING:
    from spacy.tokens import Token

FUTURE_MODALS = frozenset({"will", "shall", "'ll", "’ll"})
_OWN_CLAUSE = frozenset({"aux", "auxpass", "nsubj", "nsubjpass", "mark"})


@lru_cache(maxsize=1)
def _enabling_verbs() -> frozenset[str]:
    return frozenset(_read_json(TRIGGERS).get("side_cases", {}).get("enabling_verbs", ()))


def _has_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children)


def shares_future(tok: Token) -> bool:
    """True when the base-form verb `tok` reaches a verb with a future modal through coordination
    (without a subject or auxiliary of its own) or through the bare complement of an enabling verb."""
    if tok.pos_ != "VERB" or tok.tag_ != "VB":
        return False
    cur = tok
    for _ in range(4):
        head = cur.head
        if head is cur or head.pos_ not in ("VERB", "AUX"):
            return False
        if cur.dep_ == "conj" and cur.tag_ == "VB" and not any(c.dep_ in _OWN_CLAUSE for c in cur.children):
            pass  # "will hire ... and launch X": the second verb shares the first one's modal
        elif cur.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in _enabling_verbs():
            pass  # "will help Y launch X"
        else:
            return False
        if _has_modal(head):
            return True
        cur = head
    return False
