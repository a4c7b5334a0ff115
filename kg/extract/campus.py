"""A place right after an organization and "at" is where the organization is, not an employer.

"a professor at the University of Nevada at Elko": the parser hangs the second "at" on the title
too, so the role step votes "Elko" an organization ("title-at") and a worksFor follows. A place name
(the model's GPE/LOC) whose "at" follows an organization's name (a proper noun the model labels ORG
or FAC) is the campus or site of that organization: its "title-at" vote is dropped, and the place
stays a place.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc

if TYPE_CHECKING:
    from kg.extract.candidates import Cand

_PLACE_LABELS = ("GPE", "LOC")


def drop_campus_votes(doc: Doc, cands: Iterable[Cand]) -> None:
    """Remove the title-at vote of "<organization> at <place>" places (in place)."""
    for c in cands:
        if c.label not in _PLACE_LABELS or c.start < 2 or doc[c.start - 1].lower_ != "at":
            continue
        before = doc[c.start - 2]
        if before.pos_ == "PROPN" and before.ent_type_ in ("ORG", "FAC"):
            c.votes = [v for v in c.votes if v.cue != "title-at"]
