"""Launches of a new version of a named product: "launched an AI-enhanced version of its X
communications product", "rolled out an update to X", "released a preview of its X platform". The
object's head is a word of `update_heads` (kg/data/triggers.json) and the product is named in its
"of"/"to"/"for" phrase, also where the name is a modifier deep inside that phrase (the small model
hangs "X" on "communications", not on "product", so `syntax.denote` does not reach it).
`object_products` adds a name before a `named_heads` noun ("its X technology", namedheads.py), and
`passive_products` does both for a passive launch's subject ("the X technology is being introduced").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import launchers, namedheads, syntax
from kg.extract.argbase import ANY, _of_kind
from kg.extract.table import EntityTable, SpanRef
from kg.extract.triggers import trigger_options
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

_PREPS = ("of", "to", "for")


def object_products(table: EntityTable, objs: list[Token]) -> list[SpanRef]:
    """The products a launch verb's objects name where `syntax.denote` finds none: a new version of a
    named product, else a name before a `named_heads` noun ("its new Zorvo technology")."""
    return updated_products(table, objs) or namedheads.named_head_products(table, objs)


def passive_products(table: EntityTable, verb: Token) -> list[SpanRef]:
    """The products a passive launch verb's subject names where `syntax.denote` finds none: a name in
    apposition the parse hung on the verb ("X, the chatbot released by Y"), else a new version or a
    `named_heads` phrase ("the X technology is being introduced")."""
    return launchers.appositive_product(table, verb) or object_products(table, syntax.patient_tokens(verb))


def updated_products(table: EntityTable, objs: list[Token]) -> list[SpanRef]:
    """The products whose new version, update or preview the launch verb's objects are."""
    heads = trigger_options()["update_heads"]
    out: list[SpanRef] = []
    for o in [t for obj in objs for t in (obj, *obj.conjuncts)]:
        if o.lower_ not in heads and o.lemma_ not in heads:
            continue
        for pobj in syntax.prep_objects(o, list(_PREPS)):
            if _kind_of_thing(table, pobj):
                continue
            refs = _of_kind(syntax.denote(table, pobj, ANY, conj=True, deep=True), PRODUCT)
            owned = any(c.dep_ == "poss" for c in pobj.children)
            if not refs and owned:  # "its X communications product": a name among the phrase's modifiers
                refs = _of_kind(table.in_range(pobj.left_edge.i, pobj.i), PRODUCT)  # not "X applications"
            out += [r for r in refs if r not in out]
    return out


def _kind_of_thing(table: EntityTable, pobj: Token) -> bool:
    """ "updates to X applications": a bare plural that is no name itself is a kind of thing, not X."""
    bare = not any(c.dep_ in ("det", "poss") for c in pobj.children)
    return pobj.tag_ == "NNS" and bare and table.at_token(pobj.i) is None
