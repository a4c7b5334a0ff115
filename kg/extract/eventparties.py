"""Who a deal's sides are when the sentence leaves them to context: "it" raising money right after the
sentence that names the company, the clauses whose subject may stand in for a missing side, and a
named person acting in the trigger's clause (so that no organization is guessed for the deal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.argbase import Args, governing_verb
from kg.extract.patterns import Trigger, trigger_lexicon
from kg.extract.table import EntityTable
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token


def raised_it(tok: Token, trig: Trigger, a: Args, table: EntityTable, second: str) -> bool:
    """ "Q builds feature stores. Today, it announced that it has raised $5.7M": a pronoun (or "the
    company") that raised money stands for the only organization the sentence before mentions, when
    it is the only party. A funding noun counts only as the object of a verb of receiving ("it closed a
    $9M round", "it emerged from stealth with $5M in funding"; not "it opened a round")."""
    if trig.type != "Investment" or not trig.needs_amount:
        return False
    if trig.pos != "verb":
        gov = governing_verb(tok)
        takes = trigger_lexicon().light_verbs.get("deal", {}).get("recipient", ())
        if gov is None or not (gov.lemma_ in takes or gov.lower_ in takes):
            return False
    if any(refs for role, refs in a.roles.items() if role != second):
        return False
    refs = a.get(second)
    if len(refs) != 1 or refs[0].kind != ORG or tok.sent.start == 0:
        return False
    prev = tok.doc[tok.sent.start - 1].sent
    orgs = [r for r in table.in_range(prev.start, prev.end) if r.kind == ORG]
    if {r.key for r in orgs} != {refs[0].key}:
        return False
    # named there, or only referred to ("the company's technology") when it is what the text is about
    return any(not r.anaphor for r in orgs) or table.salient(ORG) == refs[0].key


def governing_clauses(tok: Token) -> set[int]:
    """The trigger's ancestors up to the nearest one with a subject of its own: "While A has been busy
    taking over X, B has been ..." (the subject of an outer clause does not take over X)."""
    out: set[int] = set()
    for anc in tok.ancestors:
        out.add(anc.i)
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children):
            break
    return out


def person_subject(table: EntityTable, tok: Token) -> bool:
    """Whether the nearest clause subject over the trigger is a named person ("While A has been busy
    taking over X"): the deal's actor is stated, so no organization is guessed for it."""
    for anc in (tok, *tok.ancestors):
        subj = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
        if subj:
            ref = table.at_token(subj[0].i)
            return ref is not None and ref.kind == PERSON and not ref.anaphor
    return False
