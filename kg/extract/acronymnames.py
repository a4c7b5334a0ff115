"""A spelled-out name, its acronym in parentheses and a product noun: "its Clinical Device Management
(CDM) solution", "the Accounts Payable Operations (APO) offering".

The model labels such a run an organization ("Management", "Operations" are company suffixes) or cuts
it ("Growth and Development" without "Employee", read as a job title). The acronym declares the run a
name, and the singular product noun after it (`declared_acronym_heads` in name_spans.json) says what it
names. A category is written the same way, so the phrase must open with a definite article or a
possessive (`declared_acronym_lead_ins`, "X's"), never "a"/"an" nor a plural noun ("Unified Endpoint
Management (UEM) platforms"), and the text must not write the words in lower case elsewhere ("unified
endpoint management").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.names import CONNECTORS
from kg.extract.resources import name_span_words
from kg.extract.sentences import doc_text
from kg.extract.spans import acronym_pair
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.candidates import Cand, Candidates

_DECLARED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)[ \t]+([a-z]+)\b")
_MAX_WORDS = 7
CUE = "acronym-head"


def _name_word(text: str) -> bool:
    return text[:1].isupper() and text.replace("-", "").isalpha()


def _run_start(doc: Doc, open_: int, acronym: str) -> int | None:
    """Start of the shortest capitalised run before token `open_` that the acronym spells, else None."""
    k = open_ - 1
    while k >= 0 and open_ - k <= _MAX_WORDS:
        word = doc[k].text
        if not (_name_word(word) or (word.casefold() in CONNECTORS and k < open_ - 1)):
            return None
        if _name_word(word) and open_ - k >= 2 and acronym_pair(acronym, doc[k:open_].text):
            return k
        if doc[k].is_sent_start:
            return None
        k -= 1
    return None


def _opens_phrase(doc: Doc, start: int) -> bool:
    """A definite article or a possessive opens the phrase, with up to two lower-case modifiers and
    one or two capitalised brand words between ('its new ...', 'the Acme ...')."""
    lead_ins = name_span_words("declared_acronym_lead_ins")
    k, brand = start - 1, 0
    while k >= 0 and brand < 2 and _name_word(doc[k].text) and not doc[k].is_sent_start:
        k, brand = k - 1, brand + 1
    mods = 0
    while k >= 0 and mods < 2 and doc[k].is_lower and doc[k].pos_ in ("ADJ", "VERB") and not brand:
        k, mods = k - 1, mods + 1
    return k >= 0 and (doc[k].lower_ in lead_ins or doc[k].tag_ == "POS")


def declared_spans(cands: Candidates) -> list[tuple[int, int, str]]:
    """(start, end, product class) of each declared product name in the document."""
    doc, text = cands.doc, doc_text(cands.doc)
    heads = name_span_words("declared_acronym_heads")
    out: list[tuple[int, int, str]] = []
    for m in _DECLARED.finditer(text):
        head = m.group(2)
        if head not in heads or sum(ch.isupper() for ch in m.group(1)) < 2:
            continue
        inner = doc.char_span(m.start(), m.end(1) + 1)
        if inner is None or len(inner) != 3:
            continue
        start = _run_start(doc, inner.start, m.group(1))
        if start is None or not _opens_phrase(doc, start):
            continue
        name = doc[start : inner.start].text
        if name.lower() in text:
            continue  # the text writes the words in lower case too: a category term
        out.append((start, inner.start, cands.rules.product_heads.get(head, "Application")))
    return out


def with_declared(cands: Candidates, found: list[Cand]) -> list[Cand]:
    """The candidates with each declared product name in place of the pieces found inside it (a known
    name the acronym spells too is part of the product: "its Red Hat Enterprise Linux (RHEL) product")."""
    spans = declared_spans(cands)
    if not spans:
        return found
    for start, end, cls in spans:
        inside = [c for c in found if c.start < end and c.end > start]
        if any(c.end > end or c.start < start - 2 or (c.gaz is not None and c.start < start) for c in inside):
            continue  # a known brand before the spelled words stays itself
        start = min([start] + [c.start for c in inside])  # "the Acme Data Hub (DH) tool": the brand too
        cand = cands.make(start, end, "", None, [])
        if cand is None or (cand.start, cand.end) != (start, end):
            continue
        cand.votes = [v for v in cand.votes if v.kind == PRODUCT]  # "Management": no company suffix here
        cand.votes.append(ev.Vote(PRODUCT, cls, ev.W_VERSION, CUE))
        found = [c for c in found if c not in inside] + [cand]
    return found
