"""A name followed by a company title and a person's name is the company, whatever its last word says.

"Zentrik Data Cloud CEO Ann Lee said ...": "Cloud", "Platform" or "Studio" closing a name of three
words reads as a product (`product-suffix`, weight 8), which outweighs the clause cue that types the
name an organization (`title-after`, weight 5), so no worksFor can form. Products have no CEOs or
founders: where one mention of a name stands right before a `company_titles` word (CEO, founder,
cofounder, CTO ...) that a person's name follows, the product-suffix votes of every mention of that
name drop to weak and the clause decides. Titles that products also have ("lead", "head") do not count.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from kg.extract import evidence as ev
from kg.extract.names import name_key
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from kg.extract.candidates import Cand

_SOFTENED = frozenset({"product-suffix"})


def _company_title_after(doc: Doc, c: Cand, titles: frozenset[str]) -> bool:
    """The mention stands before a company title and a person's name ("X CEO and cofounder Ann Lee")."""
    if c.end + 1 >= len(doc) or doc[c.end].lower_ not in titles or doc[c.end].is_sent_start:
        return False
    if not any(v.kind == ORG and v.cue == "title-after" for v in c.votes):
        return False
    return any(t.ent_type_ == "PERSON" for t in doc[c.end + 1 : min(len(doc), c.end + 5)])


def soften_titled_suffixes(doc: Doc, cands: Iterable[Cand]) -> None:
    """Weaken the product-suffix votes of names a company title after them calls an organization."""
    cands = list(cands)
    titles = frozenset(t.casefold() for t in ev.role_words().company_titles)
    keys = {name_key(c.surface) for c in cands if c.gaz is None and _company_title_after(doc, c, titles)}
    if not keys:
        return
    for c in cands:
        if c.gaz is not None or name_key(c.surface) not in keys:
            continue
        c.votes = [
            ev.Vote(v.kind, v.cls, ev.W_WEAK, v.cue) if v.kind == PRODUCT and v.cue in _SOFTENED else v
            for v in c.votes
        ]
