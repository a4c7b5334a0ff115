"""Sides of a legal action the parse hangs in the wrong place: "a lawsuit around AI art against Y"
and "a lawsuit around AI art filed against Y" put "against" inside a phrase of the suit noun."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.argbase import PARTIES, _preps
from kg.extract.table import EntityTable, SpanRef

if TYPE_CHECKING:
    from spacy.tokens import Token

_INNER_PREPS = ("around", "over", "about", "on", "for", "with", "under", "of", "in")


def nested_against(table: EntityTable, noun: Token) -> list[SpanRef]:
    """The defendants of an "against" phrase on the object of a phrase of the suit noun, or on a
    participle there (up to three phrases deep); the nearest layer that names one wins."""
    layer = [noun]
    for _ in range(3):
        layer = [p for t in layer for p in syntax.prep_objects(t, _INNER_PREPS)] + [
            c for t in layer for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"  # "art filed"
        ]
        refs = [r for t in layer for r in _preps(table, t, ["against"], PARTIES, deep=False)]
        if refs or not layer:
            return refs
    return []
