"""A version in a name against what the clause says the name is.

A number after an unknown capitalised word reads as a product version ("Zephyra 3" is a model), and
that vote (`W_VERSION`) outweighs every clause cue. But companies carry numbers too: "a TV
production company, Quarto 77, founded by ...", "the startup Nova 9 raised ...". When the same
mention carries an organization cue from its clause (an apposition, a copula, an organization noun
before it, a title after it, "head of X at", a buyer, a funding subject) and no product cue of its
own besides the version, the version is only the name's shape: its vote drops to `W_WEAK`, and
the clause decides. A version of a family the gazetteer knows ("Llama 3") is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from kg.extract.candidates import Cand

# Organization cues read from the mention's own clause (not the model's label, not a possessive:
# "Zephyra 3's answers" is a product's too).
CLAUSE_ORG_CUES = frozenset(
    {"appos-org", "copula", "org-noun-before", "title-after", "title-at", "buyer", "funding-subject"}
)


def soften_versions(cands: Iterable[Cand]) -> None:
    """Drop the shape-only version vote of mentions a clause calls an organization (in place)."""
    for c in cands:
        if c.version is None or c.family_gaz is not None or c.gaz is not None:
            continue
        org_cue = any(v.kind == ORG and v.cue in CLAUSE_ORG_CUES and v.weight >= ev.W_HEAD for v in c.votes)
        if not org_cue:
            continue
        product_cue = any(
            v.kind == PRODUCT and v.cue not in ("version", "ner") and v.weight >= ev.W_HEAD for v in c.votes
        )
        if product_cue:
            continue
        c.votes = [
            ev.Vote(v.kind, v.cls, ev.W_WEAK, v.cue) if v.cue == "version" and v.kind == PRODUCT else v
            for v in c.votes
        ]
