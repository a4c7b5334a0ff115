"""A known entity's one-word short alias as the last word of a longer capitalised name: "Ansible
Lightspeed" (a product) is no mention of "Lightspeed Venture Partners", "Project Lightspeed" no mention of
the fund. Such a match goes through the same test as an ambiguous known name (`Candidates.
name_before_common_word`): an unknown capitalised proper noun right before it makes one longer name of
its own, and so does the word before it at a sentence's start where the text named those two words
before; anything else ("backed by Lightspeed", "Lightspeed led the round") keeps the known entity."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

    from kg.extract.candidates import Cand, Candidates
    from kg.extract.resources import GazEntry


def bare_alias(ent: Span, gaz: GazEntry) -> bool:
    """The one-word match `ent` is a short alias of the longer known name of `gaz`, not the name."""
    return (
        len(ent) == 1
        and len(gaz.name.split()) > 1
        and ent.text.casefold() != gaz.name.casefold()
        and any(ent.text.casefold() == a.casefold() for a in gaz.aliases)
    )


def longer_name(cands: Candidates, ent: Span, gaz: GazEntry, found: list[Cand]) -> Cand | None:
    """The longer name a known match closes ("Condor Galaxy", "Ansible Lightspeed"), else None. At a
    sentence's start a short alias joins the word before it where an earlier name of the text is those
    two words ("Ansible Lightspeed writes ..." after "launched Ansible Lightspeed")."""
    longer = cands.name_before_common_word(ent.start, ent.end, found)
    if longer is not None or gaz.ambiguous or ent.start == 0:
        return longer
    doc = cands.doc
    two = doc[ent.start - 1 : ent.end].text
    taken = bool(found) and found[-1].end > ent.start - 1
    if not taken and any(c.gaz is None and c.surface == two for c in found):
        return cands.make(ent.start - 1, ent.end, "", None, [])
    return None
