"""A developer reached through a pronoun or "the company" is re-read in its own sentence:

- the pronoun sits in a clause whose subject is another organization ("Zorbix Corp folded the Kaskel
  Labs engine into its Luma service": "its" is Zorbix Corp's, whatever the nearest name is): that
  subject is the developer;
- that subject is a proper noun no entity covers, or the referent comes from an earlier sentence while
  the pronoun's own sentence names another organization before it ("According to Lumio AI, its Ray
  2.0 model ..."): the developer is doubtful and the candidate is dropped.

A referent named (or called "the company") in the same sentence before the pronoun keeps it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.model import ORG

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.relbase import Candidate
    from kg.extract.table import EntityTable, SpanRef


def recheck(table: EntityTable, c: Candidate) -> Candidate | None:
    """The candidate as it stands, with the clause subject as its developer, or None (dropped)."""
    if c.pattern.predicate != "developedBy" or not c.object.anaphor:
        return c
    pron = c.object
    subj = _clause_subject(c.sent.doc[pron.start], c.sent.start)
    if subj is not None:
        ref = table.at_token(subj.i)
        if ref is None:
            return None if subj.pos_ == "PROPN" else c
        if ref.kind == ORG and ref.key != pron.key:
            if ref.anaphor or ref.key == c.subject.key:
                return None
            moved: SpanRef = replace(ref, anaphor=True)  # reached through the pronoun: weaker
            return replace(c, object=moved)
    before = table.in_range(c.sent.start, pron.start)
    if any(r.key == pron.key for r in before):  # "The company said its ...": the chain stays in the sentence
        return c
    return None if any(r.kind == ORG and not r.anaphor for r in before) else c


def _clause_subject(tok: Token, sent_start: int) -> Token | None:
    """The subject of the nearest clause above `tok`, outside the phrase that holds `tok`."""
    for anc in tok.ancestors:
        subjects = [
            s for s in anc.children
            if s.dep_ in ("nsubj", "nsubjpass") and not s.left_edge.i <= tok.i <= s.right_edge.i
        ]
        if subjects:
            return subjects[0] if subjects[0].i >= sent_start else None
    return None
