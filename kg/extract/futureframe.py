"""A bare verb that shares a future modal written further back: "Y will hire engineers over the
coming months and launch X" (a second verb coordinated under "will"), "the money will help Y expand
its team and launch X" (the bare complement of an enabling verb, `enabling_verbs` under `side_cases`
in kg/data/triggers.json). The hedge cues of kg/data/hedges.json only look a few words back, so such
a launch would read as done; the parse carries the modal to it and the event is Planned. So is a
passive infinitive in a clause of its own ("its X platform, to be released in 2026, ...")."""

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


# "the first model to be released": a past fact about an ordinal, no plan
_ORDINALS = frozenset({"first", "last", "latest", "only", "next"})


def _passive_infinitive(tok: Token) -> bool:
    """ "its X platform, to be released in 2026, ...": a passive infinitive set in a clause of its own
    (not the complement of a verb, whose own hedge decides) is still to come."""
    if tok.tag_ != "VBN" or tok.dep_ not in ("ccomp", "advcl", "acl"):
        return False
    kids = {(c.dep_, c.lower_) for c in tok.children}
    if ("aux", "to") not in kids or ("auxpass", "be") not in kids:
        return False
    head = tok.head
    return not (tok.dep_ == "acl" and any(c.lower_ in _ORDINALS for c in head.subtree if c.i < head.i))


def shares_future(tok: Token) -> bool:
    """True when the base-form verb `tok` reaches a verb with a future modal through coordination
    (without a subject or auxiliary of its own) or through the bare complement of an enabling verb."""
    if _passive_infinitive(tok):
        return True
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
