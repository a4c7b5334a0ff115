"""Launch objects whose head noun is no product noun of the entity step, though the name before it is a
product: "is launching its new Zorvo technology", "unveiled the Quell architecture", "introduced its
Brisk capabilities". `syntax.denote` only looks inside a phrase headed by a product noun, so the launch
got no product. Here a launch verb's object headed by a `named_heads` word (kg/data/launch_objects.json,
section "named_objects") launches the product mention that ends right before the head, where the
phrase is owned or determined ("its", "the", "a") so it names one thing, not a kind ("Zorvo-based
technology" is no launch of Zorvo: the mention must end on a compound of the head).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.extract.resources import LAUNCH_OBJECTS_PATH, word_section
from kg.extract.table import EntityTable, SpanRef
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

_NAME_DEPS = frozenset({"compound", "nmod", "amod"})
_LEAD_DEPS = frozenset({"det", "poss"})


@dataclass(frozen=True)
class NamedHeads:
    heads: frozenset[str]


@cache
def named_heads() -> NamedHeads:
    """The "named_objects" section of kg/data/launch_objects.json, read once per process."""
    return word_section(LAUNCH_OBJECTS_PATH, "named_objects", NamedHeads)


def named_head_products(table: EntityTable, objs: list[Token]) -> list[SpanRef]:
    """The products named right before a `named_heads` object of a launch verb (and its conjuncts)."""
    heads = named_heads().heads
    out: list[SpanRef] = []
    for o in [t for obj in objs for t in (obj, *obj.conjuncts)]:
        if o.lower_ not in heads and o.lemma_ not in heads:
            continue
        ref = _name_before(table, o)
        if ref is not None and ref not in out:
            out.append(ref)
    return out


def _name_before(table: EntityTable, head: Token) -> SpanRef | None:
    """The product mention that ends right before `head` on one of its name modifiers, in a phrase
    opened by a determiner or possessive."""
    if head.i == 0 or not any(c.dep_ in _LEAD_DEPS and c.i < head.i for c in head.children):
        return None
    ref = table.at_token(head.i - 1)
    if ref is None or ref.kind != PRODUCT or ref.anaphor or ref.end != head.i:
        return None
    names_head = any(
        c.dep_ in _NAME_DEPS and ref.start <= c.i < ref.end for c in head.children
    ) or head.doc[head.i - 1].head.i == head.i
    return ref if names_head else None
