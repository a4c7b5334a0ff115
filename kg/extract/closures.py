"""Closures stated without an object: a named company or product that shuts down itself ("Zentro
shut down in 2020", "Quillo is winding down"), also where a pronoun in what it announced stands for
it ("Zentro and Quillo announced they will shut down": both). The closed organization is the event's
only party (no product is needed); a product subject is the product. Not for a passive ("was shut
down by the police"), an unnamed or resolved-anaphor subject ("the company shut down": the text may
mean another company), a question ("isn't saying why it shut down") or a verb with an object.

Also: "pushed back on / against the criticism" resists something, it delays nothing (`resisting`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.argbase import Args
from kg.extract.clauses import is_passive, object_tokens, subject_tokens
from kg.extract.patterns import Trigger
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

CLOSING = "closing-itself"  # marker in Args.unfilled: a planned self-closure is kept (events.py)
_PRONOUNS = frozenset({"it", "they"})
_REPORTING = frozenset({"announce", "say", "confirm", "reveal", "decide", "state", "declare"})
_QUESTION_WORDS = frozenset({"why", "whether", "if", "how", "when", "what"})
_RESISTING_PREPS = frozenset({"on", "against"})


def self_closure(tok: Token, trig: Trigger, a: Args, table: EntityTable) -> None:
    """Fill `a` for an intransitive Discontinuation verb whose subject is the thing closed."""
    if trig.type != "Discontinuation" or trig.pos != "verb" or not trig.intransitive:
        return
    if a.get("product") or is_passive(tok) or object_tokens(tok) or tok.dep_ == "amod":
        return
    subj = subject_tokens(tok)
    if len(subj) != 1:
        return
    refs = _named_subjects(table, subj[0]) if subj[0].lower_ not in _PRONOUNS else _announcers(subj[0], table)
    if not refs:
        return
    a.roles.pop("agent", None)  # the subject closes itself: it is the party, not an agent of a product
    a.add("product", [r for r in refs if r.kind == PRODUCT])
    orgs = [r for r in refs if r.kind == ORG]
    if orgs:
        a.add("agent", orgs)
        a.generic = True  # the organization itself closes: the event needs no product
        a.unfilled.add(CLOSING)


def _named_subjects(table: EntityTable, subj: Token) -> list[SpanRef]:
    refs = syntax.denote(table, subj, (ORG, PRODUCT), conj=True)
    return [r for r in refs if not r.anaphor]


def _announcers(pron: Token, table: EntityTable) -> list[SpanRef]:
    """"A (and B) announced (that) it/they will shut down": the subject of the reporting verb whose
    clausal complement holds the closing verb; "it" needs one name, "they" two or more."""
    verb = pron.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _REPORTING:
        return []
    if any(c.lower_ in _QUESTION_WORDS for c in verb.subtree if c.i < pron.i):
        return []
    reporter = verb.head
    subj = subject_tokens(reporter)
    if len(subj) != 1:
        return []
    refs = _named_subjects(table, subj[0])
    if not refs or (pron.lower_ == "it") != (len(refs) == 1):
        return []
    return refs


def resisting(tok: Token, trig: Trigger) -> bool:
    """A Delay "push back" that takes "on"/"against": resisting, no delay."""
    if trig.type != "Delay" or trig.pos != "verb" or tok.lemma_.lower() != "push":
        return False
    return any(c.dep_ == "prep" and c.lower_ in _RESISTING_PREPS for c in tok.children)
