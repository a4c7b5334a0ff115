"""People in a list of investors or partners are people: "investors include Ann Lee of Brellix
Ventures and Raj Patel of Zentrik Capital".

The objects of a list verb take the kind of its subject noun (`exemplar`, weight 5: "investors
include X, Y and Z" makes them organizations), which outweighs a given name (3) and the model's
PERSON label (2). Angel investors and the partners of funds are named in such lists too: a mention
the model reads as a person, opening with a known given name and shaped like a person's name (a
`given-name` vote), followed by "of"/"at"/"from" and a capitalised word (the person's firm) or by a
comma, "and" or the sentence end, loses its organization `exemplar` vote.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from kg.extract.candidates import Cand

_AFFILIATION = ("of", "at", "from")
_LIST_GO_ON = (",", "and", ".", ";")


def _person_in_list(doc: Doc, c: Cand) -> bool:
    if c.label != "PERSON" or not any(v.kind == PERSON and v.cue == "given-name" for v in c.votes):
        return False
    if c.end >= len(doc):
        return True
    nxt = doc[c.end]
    if nxt.lower_ in _AFFILIATION:
        return c.end + 1 < len(doc) and doc[c.end + 1].is_title
    return nxt.lower_ in _LIST_GO_ON


def drop_list_votes_on_people(doc: Doc, cands: Iterable[Cand]) -> None:
    """Remove the organization `exemplar` vote of person-read, given-name mentions in a list (in place)."""
    for c in cands:
        if c.gaz is None and _person_in_list(doc, c):
            c.votes = [v for v in c.votes if not (v.kind == ORG and v.cue == "exemplar")]
