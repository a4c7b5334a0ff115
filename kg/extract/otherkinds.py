"""'Vantel and other chat apps', 'Quillby or another note-taking tool': a name coordinated with
"other"/"another" + a kind noun is one of that kind.

The noun after "(an)other" is the kind both items share, so it types the name before it like an
example noun does (evidence._noun_votes: product and organization head nouns, weak product heads such
as "platforms" give a weak vote; people, places and works none). Cue `other-kind`, weight 5. Only the
item right before ", and/or (an)other" is read, and only where the parser hangs the kind noun (at
most five words on) on the name as its conjunct, so "Zentrik's Vantel and other apps" types Vantel,
not Zentrik.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules

_OTHER = ("other", "another")
_CONJUNCTIONS = ("and", "or")


def other_kind_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """The votes of "<name> and other <kind noun>" for one mention."""
    j = end + 1 if end < len(doc) and doc[end].text == "," else end
    if j + 2 >= len(doc) or doc[j].lower_ not in _CONJUNCTIONS or doc[j + 1].lower_ not in _OTHER:
        return []
    tok = doc[start:end].root
    for conj in tok.rights:
        if conj.dep_ == "conj" and conj.pos_ == "NOUN" and j + 1 < conj.i <= j + 6:
            return ev.noun_kind_votes(conj, rules, ev.W_HEAD, "other-kind")
    return []
