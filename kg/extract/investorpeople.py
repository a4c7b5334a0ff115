"""An investor noun says nothing about whether the investor is a person: "angel investor Carl Bass".

"investor", "backer" and "angel" type the names after them (`org-noun-before`) or the items they list
(`exemplar`) as Investor organizations, and that vote (weight 5) outweighs a known given name (3)
and the model's PERSON label (2): "angel investors Lena Park, former chief executive of Brellix" and
"Zentrik backer Omar Vale" became funds. People invest too, so on a mention shaped like a person's
name that opens with a known given name (the `given-name` vote), the Investor-class noun votes are
dropped and the other cues decide. Funds keep their suffix votes ("Vale Ventures"), and names with
no given name ("Sequoia", "Greylock") keep the noun's vote.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from kg.extract.candidates import Cand

_NOUN_CUES = frozenset({"org-noun-before", "exemplar", "funding-lead"})  # fundleads.py: "led by"


def drop_investor_nouns_on_people(cands: Iterable[Cand]) -> None:
    """Remove Investor-class noun votes of given-name, person-shaped mentions (in place)."""
    for c in cands:
        if c.gaz is not None or c.label not in ("PERSON", ""):
            continue
        if not any(v.kind == PERSON and v.cue == "given-name" for v in c.votes):
            continue
        c.votes = [v for v in c.votes if not (v.kind == ORG and v.cls == "Investor" and v.cue in _NOUN_CUES)]
