"""When a word used alone elsewhere counts as a reused surname.

"Lior Gavish" ... "Gavish said": people go by their surnames, so a last word used alone votes Person.
A capitalised word right before that occurrence (not a title or an honorific: "CEO Gavish", "Dr.
Gavish") makes it part of another name, not a surname alone: "Velmor Shield" beside "Argo Shield" names
two products sharing a word, and gives no Person vote.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.resources import EntityRules


def stands_alone(doc: Doc, i: int, rules: EntityRules) -> bool:
    """Token i is a surname on its own, not the last word of another capitalised name."""
    if i == 0:
        return True
    prev = doc[i - 1]
    if not (prev.is_title and prev.is_alpha) or prev.is_sent_start and prev.lower_ in ("the", "a", "an"):
        return True
    word = prev.lower_
    return word in rules.person_titles or word in rules.honorifics or prev.text in rules.honorifics
