"""Heading labels that only look like transcript speaker labels: "Breakthrough:", "Update:",
"Analysis:" at the start of a line. A speaker label names a person, so a one-word label before a colon
at a line start is a name only when it looks like one: a known given name, or a word the text also uses
as a name away from line starts (a surname: "Reyes: We ..." after "Dana Reyes"). A label of two or more
words is left to the usual votes ("Dana Reyes:"), and so is anything the gazetteer knows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import evidence as ev

if TYPE_CHECKING:
    from kg.extract.candidates import Candidates


def heading_label(cands: Candidates, start: int, end: int) -> bool:
    """Whether the unknown one-word span [start, end) is a heading label before a colon ("Update:"),
    not a speaker's name: no given name, and the word never stands elsewhere in the text (outside a
    label) nor does the model read it as a person anywhere but in the label."""
    doc, rules = cands.doc, cands.rules
    if end - start != 1 or ev.speaker_vote(doc, start, end, rules) is None:
        return False
    word = doc[start].text
    if word in rules.given_names or not word.isalpha() or not word[:1].isupper():
        return False
    if word.lower() in cands.lower_words:
        return True  # "Update: ..." beside "an update": a common word
    for k in cands.cap_index.get(word, ()):
        if k == start:
            continue
        if ev.speaker_vote(doc, k, k + 1, rules) is not None:
            continue  # another label line of the same word ("Update: ...", twice)
        named = doc[k].ent_type_ == "PERSON" or (k > 0 and doc[k - 1].text[:1].isupper())
        if not doc[k].is_sent_start or named:
            return False  # "Reyes said ...", "Dana Reyes": the word is a name elsewhere
    return True
