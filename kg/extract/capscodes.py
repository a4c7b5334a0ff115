"""A known product followed by one capital letter or a short all-capital code: "Copilot X", "Copilot CLI".

The gazetteer ruler matches the known product ("Copilot") and the glued-name rule stops at capitals,
so "Copilot X" counted as the known "GitHub Copilot" and the edition was lost. A known (not
ambiguous) product in the body followed, across a space, by one all-capital word of one to four
letters is a product of its own (cue `caps-code`): "Zentra X", "Zentra CLI", "Zentra SE", "Zentra ML".
Its maker is the known product's maker (the candidate's `family_gaz`), except for an ambiguous entry
(a common word such as "Copilot", used by several makers): there the text's own relations decide.

Not a category or other word that only describes the product (`caps_codes.not_codes` in
kg/data/entity_rules.json: "AI", "LLM", "GPU", "VR", "OS", "API" ...), not a job title ("Zentra CEO"),
not the words "A"/"I", and not where a capitalised word or a number follows (a headline run or a
model number other rules read) or the code is glued to more ("X-ray", "R&D").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.layout import BODY
from kg.extract.resources import RULES_PATH, GazEntry, word_section
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.candidates import Cand, Candidates

CUE = "caps-code"


@dataclass(frozen=True)
class CapsCodeWords:
    """The `caps_codes` word lists of kg/data/entity_rules.json (casefolded)."""

    not_codes: frozenset[str]  # "Zentra AI", "Zentra LLM": a category word, no edition


@cache
def caps_code_words(path: Path = RULES_PATH) -> CapsCodeWords:
    return word_section(path, "caps_codes", CapsCodeWords)


def code_end(cands: Candidates, start: int, end: int, gaz: GazEntry) -> int:
    """End of '<known product> <CODE>', or `end` when no code follows."""
    doc, rules = cands.doc, cands.rules
    if gaz.kind != PRODUCT or cands.zone(start) != BODY or end >= len(doc):
        return end
    if gaz.ambiguous and not doc[end - 1].text[:1].isupper():
        return end  # an ambiguous entry only as a capitalised name
    tok = doc[end]
    stop = tok.text.endswith(".") and _ends_sentence(doc, end)
    word = tok.text[:-1] if stop else tok.text  # "X." took the sentence's full stop
    if (
        not doc[end - 1].whitespace_
        or not (word.isalpha() and word.isupper() and 1 <= len(word) <= 4)
        or tok.is_sent_start
        or tok.ent_id_
        or word in ("A", "I")
        or (stop and len(word) == 1 and not _new_sentence(cands, end + 1))  # "Claude E. Shannon"
        or word.casefold() in caps_code_words().not_codes
        or word.casefold() in rules.person_titles
    ):
        return end
    if start > 0 and doc[start - 1].is_alpha and doc[start - 1].is_upper and len(doc[start - 1]) > 1:
        return end  # "NEW COPILOT X": shouted capitals
    if end + 1 < len(doc) and not stop:
        nxt = doc[end + 1]
        if (not tok.whitespace_ and nxt.text in ("-", "/", "&")) or nxt.like_num:
            return end  # "X-ray", "R&D", "SE 2": other shapes
        if nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start:
            return end  # a run of capitalised words: a headline or a longer name
    return end + 1


def _ends_sentence(doc: Doc, i: int) -> bool:
    """The token ends its sentence: the doc's or a line's end, or a capitalised word follows (the
    tokenizer keeps the stop on "X." and the parser may not start a sentence after it)."""
    return i + 1 >= len(doc) or doc[i + 1].is_sent_start or doc[i + 1].is_space or doc[i + 1].is_title


def _new_sentence(cands: Candidates, i: int) -> bool:
    """After a one-letter code with a stop: the next word opens a sentence (the end, a line break, a
    parser's sentence start, a stop word or a word the text writes in lower case), not a surname."""
    doc = cands.doc
    if i >= len(doc) or doc[i].is_space or doc[i].is_sent_start:
        return True
    return doc[i].is_stop or doc[i].lower_ in cands.lower_words


def caps_code_name(cands: Candidates, start: int, end: int, gaz: GazEntry) -> Cand | None:
    """The product '<known product> <CODE>' as a candidate whose maker is the known product's, or None."""
    j = code_end(cands, start, end, gaz)
    if j == end:
        return None
    cand = cands.make(start, j, "", None, [ev.Vote(PRODUCT, gaz.cls, ev.W_VERSION, CUE)])
    if cand is None:
        return None
    cand.surface = cand.surface.removesuffix(".")  # "Copilot X." at a sentence's end
    if not gaz.ambiguous:
        cand.family_gaz = gaz  # an ambiguous entry's maker is too loose a guess ("Copilot")
    return cand
