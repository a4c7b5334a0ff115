"""A legal action aimed at a deal: "the FTC sued to block X's acquisition of Y", "a lawsuit to stop
the merger of X and Y", "regulators opened a probe into X's deal with Y". The deal noun names no
party itself, so the suit's defendants are the deal's sides (its owner, "of", "by", "with",
"between"). Word list `blocking_verbs` under `side_cases` in kg/data/triggers.json; the deal nouns are
the noun triggers of the deal family."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.argbase import Args, governing_verb
from kg.extract.patterns import TRIGGERS, Trigger, _read_json, trigger_lexicon
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

_PARTIES = (ORG, PERSON)
_CLAUSE_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl"})


@lru_cache(maxsize=1)
def _blocking_verbs() -> frozenset[str]:
    return frozenset(_read_json(TRIGGERS).get("side_cases", {}).get("blocking_verbs", ()))


@lru_cache(maxsize=1)
def _deal_nouns() -> frozenset[str]:
    lex = trigger_lexicon()
    return frozenset(
        t.words[-1] for t in lex.triggers.values() if t.family == "deal" and t.pos == "noun" and t.words
    )


def blocked_by(noun: Token) -> list[Token]:
    """ "to stop the acquisition of Y by X": the parser hangs "by X" on the blocking verb whose object
    the deal noun is; X is the deal's agent."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _blocking_verbs():
        return [t for t in syntax.prep_objects(noun.head, ["by"]) if t.i > noun.i]
    return []


def _deal_parties(noun: Token, table: EntityTable) -> list[SpanRef]:
    """The sides a deal noun names: "X's acquisition of Y", "the merger of X and Y", "the acquisition
    of Y by X", "X's deal with Y"."""
    toks = syntax.prep_objects(noun, ["of", "by", "with", "between"]) + blocked_by(noun)
    out: list[SpanRef] = [r for r in syntax.possessors(table, noun, _PARTIES) if not r.anaphor]
    for t in toks:
        for h in (t, *t.conjuncts):
            ref = table.at_token(h.i)
            if ref is not None and ref.kind in _PARTIES and not ref.anaphor:
                out.append(ref)
    seen: set[str] = set()
    return [r for r in out if not (r.key in seen or seen.add(r.key))]  # type: ignore[func-returns-value]


def _targets(tok: Token, trig: Trigger) -> list[Token]:
    """Deal nouns the legal action is aimed at: the object of a blocking verb in a clause on the
    trigger (or on the verb a legal noun hangs on), or the "into"/"of"/"over"/"against" object of a
    legal noun."""
    deals = _deal_nouns()
    heads = [tok]
    if trig.pos == "noun":
        gov = governing_verb(tok)
        if gov is not None:
            heads.append(gov)
    out: list[Token] = []
    for h in heads:
        for c in h.children:
            if c.dep_ in _CLAUSE_DEPS and c.lemma_.lower() in _blocking_verbs():
                out += [o for o in syntax.object_tokens(c) if o.lemma_.lower() in deals]
    if trig.pos == "noun":
        objs = syntax.prep_objects(tok, ["into", "of", "over", "against"])
        out += [o for o in objs if o.lemma_.lower() in deals]
    return out


def blocked_deal(tok: Token, trig: Trigger, a: Args, table: EntityTable) -> None:
    """Defendants of a legal action that has none of its own: the sides of the deal it targets."""
    if trig.type != "LegalAction" or a.get("defendant"):
        return
    taken = a.keys()
    for deal in _targets(tok, trig):
        parties = [r for r in _deal_parties(deal, table) if r.key not in taken]
        if parties:
            a.add("defendant", parties)
            return
