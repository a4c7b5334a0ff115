"""'Velmo, a computer-aided design (CAD) tool': an apposition whose head noun follows a bracketed
acronym types the name like a plain apposition does.

The parser hangs such a phrase on the word before the bracket ("design"), so `evidence.appos_votes`
never sees the head noun ("tool"). Read from the surface instead: the mention, a comma, "a/an/the",
at most eight lower-case describing words (no finite verb, no punctuation but hyphens), a bracketed
acronym (one token opening with a capital), then one or more lower-case nouns; the last of them is the
head and types the name through `evidence.noun_kind_votes` (product and organization head nouns, weak
product heads such as "platform" a weak vote, people and works none). Cue `bracket-appos`, weight 6.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules

_DETERMINERS = frozenset({"a", "an", "the"})
_FINITE = frozenset({"VBD", "VBP", "VBZ", "MD"})
_MAX_WORDS = 8
_MAX_ACRONYM = 8


def bracket_appos_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """The vote of ", a <describing words> (ACR) <noun>" right after one mention."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in _DETERMINERS:
        return []
    i = end + 2
    while i < len(doc) and doc[i].text != "(":
        tok = doc[i]
        if i - end > _MAX_WORDS + 1 or tok.tag_ in _FINITE or tok.is_sent_start:
            return []
        if not (tok.is_lower or tok.text == "-"):
            return []
        i += 1
    if i == end + 2 or i + 3 >= len(doc):
        return []  # no describing word before the bracket: "X, the (now defunct) lab"
    acronym, close = doc[i + 1], doc[i + 2]
    if close.text != ")" or not acronym.text[:1].isupper() or len(acronym.text) > _MAX_ACRONYM:
        return []
    j = i + 3
    while j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].is_lower:
        j += 1
    if j == i + 3:
        return []
    noun = doc[j - 1]
    if noun.dep_ == "appos" and start <= noun.head.i < end:
        return []  # the parser found the apposition: evidence.appos_votes reads it
    return ev.noun_kind_votes(noun, rules, ev.W_APPOS, "bracket-appos")
