"""Launches of an unnamed thing by a named organization: "Zentrix launched its own ad-supported tier",
"Qorvo today unveiled a cross-platform virtual hub", "Brellix is launching its new sensing technology".

The launch verb's object is a common noun that is no product noun of `generic_products` (those are
`eventargs.generic_product`'s) and no non-product thing (`non_product_heads` under `unnamed_launches`
in kg/data/launch_objects.json, and `unnamed_kinds` of triggers.json: a campaign, an investigation, a
bill, a fund). The object must be individuated by "a/an", a possessive or "the new/first/latest", and
carry no name. The result is a Launch with the agent only (`Args.generic`); the caller keeps it only
when the verb's subject is an organization, and a hedged one is dropped like any unnamed launch.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.extract.resources import LAUNCH_OBJECTS_PATH, load_resources, word_section
from kg.extract.triggers import trigger_options

if TYPE_CHECKING:
    from spacy.tokens import Token

_OWNERS = frozenset({"its", "their", "our", "his", "her"})
_ARTICLES = frozenset({"a", "an"})
_NAMING = frozenset({"call", "name", "dub", "brand"})
_THE_WORDS = frozenset({"new", "first", "latest"})  # "the new X": "the X" alone refers back


@dataclass(frozen=True)
class UnnamedWords:
    verbs: frozenset[str]
    non_product_heads: frozenset[str]


@cache
def unnamed_words() -> UnnamedWords:
    """The `unnamed_launches` section of kg/data/launch_objects.json, read once per process."""
    return word_section(LAUNCH_OBJECTS_PATH, "unnamed_launches", UnnamedWords)


@cache
def _skipped_heads() -> frozenset[str]:
    """Heads that are no unnamed launched thing: non-product things, and product and count nouns that
    `generic_product` handles ("a beta version of X" names X; "a category of games" looks elsewhere)."""
    opts = trigger_options()
    return frozenset(unnamed_words().non_product_heads | opts["unnamed_kinds"] | opts["generic_products"]
                     | opts["generic_counts"])


def unnamed_object(verb: Token, objs: list[Token]) -> bool:
    """Whether the active launch verb's object is an unnamed thing its subject launches."""
    words = unnamed_words()
    if verb.lemma_.lower() not in words.verbs:
        return False
    rolled = any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    if verb.lemma_.lower() == "roll" and not rolled:
        return False
    # "launched what it calls the first 'cloud computer', a rack system": a thing the text names
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.lemma_ in _NAMING for c in verb.children):
        return False
    return any(_unnamed_thing(o) for o in objs[:1])


def _unnamed_thing(o: Token) -> bool:
    if o.pos_ != "NOUN" or o.dep_ not in ("dobj", "conj", "appos"):
        return False
    lemma, low = o.lemma_.lower(), o.lower_
    if {lemma, low} & _skipped_heads():
        return False
    left = list(o.doc[o.left_edge.i : o.i])
    if not _individuated(o, left):
        return False
    generic = load_resources().rules.never_entities
    # a capitalised or quoted word before the head is a name the entity step missed, not an unnamed thing
    right = list(o.doc[o.i + 1 : min(o.right_edge.i, o.i + 6) + 1])  # "a beta of Quill Studio"
    for t in left + right:
        if t.is_quote or (t.pos_ == "PROPN" and t.text.casefold() not in generic):
            return False
        if t.i < o.i and (t.tag_ == "$" or (t.like_num and t.i > o.left_edge.i)):
            return False  # "a $30 million round", "a 2 percent cut"
    # "a tier called X", "a hub named X": a named thing, not an unnamed one
    return not any(c.dep_ in ("acl", "appos") and c.lemma_ in _NAMING for c in o.children)


def _individuated(o: Token, left: list[Token]) -> bool:
    dets = [c for c in o.children if c.dep_ in ("det", "poss")]
    if not dets:
        return False
    d = dets[0]
    if d.dep_ == "poss" or d.lower_ in _OWNERS:
        return True
    if d.lower_ in _ARTICLES:
        return True
    return d.lower_ == "the" and any(t.lower_ in _THE_WORDS for t in left)
