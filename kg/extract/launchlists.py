"""Launches of several unnamed products whose names follow as a list: "announced a host of new AI
products, including A and B", "rolled out new features such as A and B", "launched three new tools: A,
B and C". The launch verb's object is a product noun (`generic_products` of triggers.json, looked
through a count noun: "a host of", "a set of"), and the names come in an "including"/"such as" phrase
on the object or the verb, or after a colon that closes the object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.table import EntityTable, SpanRef
from kg.extract.triggers import trigger_options
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

# the words that open a list of examples of the object ("such" is read with its "as")
_EXAMPLE_WORDS = frozenset({"including", "include", "includes", "as"})


def _product_noun(obj: Token) -> bool:
    """Whether the object is a product noun, directly or through a count noun's "of" phrase."""
    nouns = trigger_options()["generic_products"]
    heads = [obj] + syntax.prep_objects(obj, ["of"])
    return any(h.lower_ in nouns or h.lemma_ in nouns for h in heads)


def _opens_examples(tok: Token) -> bool:
    """ "including X", "such as X" (not a plain "as": "as its assistant")."""
    if tok.dep_ != "prep" or tok.lower_ not in _EXAMPLE_WORDS:
        return False
    if tok.lower_ == "as":
        return tok.i > 0 and tok.doc[tok.i - 1].lower_ == "such"
    return True


def _products_in(table: EntityTable, start: int, end: int) -> list[SpanRef]:
    """The named product mentions inside the token range [start, end)."""
    return [r for r in table.spans if r.kind == PRODUCT and not r.anaphor and start <= r.start < r.end <= end]


def listed_products(table: EntityTable, verb: Token, objs: list[Token]) -> list[SpanRef]:
    """The named products listed as examples of a launch verb's unnamed product object ("unveiled new
    tools, including A and B"): every product mention inside the "including"/"such as" phrase on the
    object or on the verb after it, or after a colon that ends the object phrase."""
    objs = [o for o in objs if o.i > verb.i and _product_noun(o)]
    if not objs:
        return []
    out: list[SpanRef] = []
    for obj in objs:
        heads = [obj] + syntax.prep_objects(obj, ["of"])
        preps = [c for h in heads for c in h.children if _opens_examples(c)]
        preps += [c for c in verb.children if c.i > obj.i and _opens_examples(c)]
        for p in preps:
            out += _products_in(table, p.i + 1, p.right_edge.i + 1)
        after = obj.right_edge.i + 1
        if not preps and after < len(obj.doc) and obj.doc[after].text == ":":
            out += _products_in(table, after + 1, obj.sent.end)
    seen: set[tuple[int, int]] = set()
    uniq: list[SpanRef] = []
    for r in out:
        if (r.start, r.end) not in seen:
            seen.add((r.start, r.end))
            uniq.append(r)
    return uniq


def companion_products(table: EntityTable, verb: Token) -> list[SpanRef]:
    """ "unveiled A alongside the new B", "released A along with the first version of B": a launch
    verb that already launches a product launches the products of its "alongside"/"along with"
    phrase too (organizations and places there are partners or sites, not launched), and so the
    later names of a list in apposition to its plural object (`appositive_list`)."""
    out: list[SpanRef] = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "alongside":
            phrase = c
        elif c.dep_ == "advmod" and c.lower_ == "along":
            with_ = [w for w in c.children if w.dep_ == "prep" and w.lower_ == "with"]
            if not with_:
                continue
            phrase = with_[0]
        else:
            continue
        out += _products_in(table, phrase.i + 1, phrase.right_edge.i + 1)
    return out + appositive_list(table, verb)


def appositive_list(table: EntityTable, verb: Token) -> list[SpanRef]:
    """ "launched two new apps: A, B and C", "plans to launch two other products, A and B": the parse
    hangs the first name on the plural product object as an apposition and the others on that name as
    its conjuncts, which `syntax.denote` does not follow; the conjuncts' product mentions."""
    nouns = trigger_options()["generic_products"]
    out: list[SpanRef] = []
    for obj in syntax.object_tokens(verb):
        if obj.tag_ != "NNS" or (obj.lower_ not in nouns and obj.lemma_ not in nouns):
            continue
        for first in (c for c in obj.children if c.dep_ == "appos"):
            ref = table.at_token(first.i)
            if ref is None or ref.kind != PRODUCT or ref.anaphor:
                continue
            for c in first.conjuncts:
                other = table.at_token(c.i)
                if other is not None and other.kind == PRODUCT and not other.anaphor and other not in out:
                    out.append(other)
    return out
