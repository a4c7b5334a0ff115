"""A subject that is a common noun in apposition to a name: "A, a veteran researcher who recently left
Y, warned ..." (the parse makes "researcher" the subject of "left"; the person is A). Used by the
personnel reader when the verb's subject names nobody."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.table import EntityTable, SpanRef
from kg.model import PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token


def apposed_people(table: EntityTable, subjects: list[Token]) -> list[SpanRef]:
    """The named person a subject noun is in apposition to: the noun must name nothing itself, be a
    common noun, and hang as an apposition on a token that names one person (not through a pronoun)."""
    out: list[SpanRef] = []
    for s in subjects:
        if s.dep_ != "appos" or s.pos_ != "NOUN" or table.at_token(s.i) is not None:
            continue
        named = [r for r in syntax.denote(table, s.head, (PERSON,)) if not r.anaphor]
        if len(named) == 1:
            out += named
    return out
