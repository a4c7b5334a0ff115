"""'One of Zentrik's flagship products is Velmo', 'Velmo is one of the best note apps': a name
equated with "one of" a kind noun is of that kind.

Read from the parse: the mention's root is the attribute of a copula whose subject is "one", or the
subject of a copula whose attribute is "one", or has "one" in apposition after it ("Quodra, one of
the best note apps, ..."); the object of "one of" is the kind noun (through
"examples of", "kinds of", "a breed of" ... to the noun they count). The noun types the name like an
example noun does (`evidence.noun_kind_votes`: product and organization head nouns, weak product heads
such as "platforms" a weak vote, people, places and works none). Cue `one-of-kind`, weight 5. A
negated copula ("is not one of") types nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules

_COPULAS = frozenset({"be"})
_COUNTING = frozenset({"example", "kind", "type", "breed", "family", "set", "list", "range", "generation"})


def _kind_noun(one: Token) -> Token | None:
    """The noun of "one of (the examples of) <noun>"."""
    noun = one
    for _ in range(3):
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [c for c in preps[0].children if c.dep_ == "pobj"] if preps else []
        if not objs or objs[0].pos_ != "NOUN":
            return None
        noun = objs[0]
        if noun.lemma_.lower() not in _COUNTING:
            return noun
    return None


def one_of_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """The vote of "<name> is one of <kind noun>" / "one of <kind noun> is <name>" for one mention."""
    root = doc[start:end].root
    apposed = [c for c in root.children if c.dep_ == "appos" and c.lower_ == "one" and c.i >= end]
    if apposed:  # "Quodra, one of the best note apps, ..."
        noun = _kind_noun(apposed[0])
        if noun is None or noun.tag_ != "NNS":
            return []
        return ev.noun_kind_votes(noun, rules, ev.W_HEAD, "one-of-kind")
    verb = root.head
    if verb.lemma_.lower() not in _COPULAS or root.dep_ not in ("attr", "nsubj") or verb.i == root.i:
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    other = "nsubj" if root.dep_ == "attr" else "attr"
    ones = [c for c in verb.children if c.dep_ == other and c.lower_ == "one"]
    if not ones:
        return []
    noun = _kind_noun(ones[0])
    if noun is None or noun.tag_ != "NNS":
        return []
    return ev.noun_kind_votes(noun, rules, ev.W_HEAD, "one-of-kind")
