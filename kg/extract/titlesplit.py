"""A company, its title and a person glued into one name: "former Corvane CMO Tessa Lund".

The small model sometimes labels "Corvane CMO Tessa Lund" as one organization, so the person is lost
and the company takes a person's name. Where a `company_titles` word (CEO, CMO, founder ...) stands
inside a model span, with one to three capitalised words before it and a person-shaped run after it
(two or three capitalised alphabetic words, the first a known given name; unlabelled capitalised words
the model left outside the span finish the name: "Brellix CMO Nadia" + "Orrin"), the span is two
names: the company and the person. The title itself stays context, so the clause cues ("X CMO ..." an
organization, "CMO Y" a person) type both sides.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import evidence as ev


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _person_shaped(doc: Doc, start: int, end: int, given_names: frozenset[str]) -> bool:
    words = doc[start:end]
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.is_title for t in words):
        return False
    return words[0].text in given_names


def split_at_title(doc: Doc, start: int, end: int, given_names: frozenset[str]) -> list[tuple[int, int]]:
    """The pieces of a span cut around an inner company title; the span whole when there is none."""
    titles = ev.role_words().company_titles
    for k in range(start + 1, end - 1):
        if doc[k].lower_ not in titles or k - start > 3:
            continue
        if not all(_capitalised(t.text) and not t.is_punct for t in doc[start:k]):
            return [(start, end)]
        stop = end
        while stop < len(doc) and stop - k <= 3 and doc[stop].is_title and not doc[stop].ent_type_:
            stop += 1  # "Brellix CMO Nadia" + "Orrin": the model cut the person's name short
        if _person_shaped(doc, k + 1, stop, given_names):
            return [(start, k), (k + 1, stop)]
        return [(start, end)]
    return [(start, end)]
