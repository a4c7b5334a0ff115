"""Interfaces named as products: "the Quorvo Search API", "including Zeta-4 Turbo and Assistant API",
"than Kelvo API".

The model labels "API" alone (an organization) or cuts it off the name ("TF Quantization" + "API"), and
a known company before it ("OpenAI API") stays the company. A known name inside is part of the product
only where the text names it elsewhere too, so the known entity is never lost. One to three capitalised
words right before "API", when no capitalised word or lower-case noun continues it ("API Gateway", "API
key"), are one product. Not a kind of interface: never after "a/an" ("a SQL or NoSQL API", "an Elastic
API"), nor a protocol or format (`api_protocol_words`: "REST API", "Rest API"), nor a determiner or
heading adjective (`api_not_names`: "The API", "Public API").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.resources import name_span_words
from kg.extract.sentences import doc_text
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.candidates import Cand, Candidates

_API = re.compile(r"(?<=[A-Za-z0-9] )API\b")
_MAX_WORDS = 3
CUE = "api-name"


def _name_word(text: str) -> bool:
    return text[:1].isupper() and text.replace("-", "").replace(".", "").isalnum()


def _indefinite(doc: Doc, start: int) -> bool:
    """'a Status API', 'a SQL or NoSQL API', 'an Elastic or MongoDB API': a kind of interface."""
    k = start - 1
    if k >= 1 and doc[k].lower_ in ("or", "and") and _name_word(doc[k - 1].text):
        k -= 2
    while k >= 0 and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k -= 1
    return k >= 0 and doc[k].lower_ in ("a", "an")


def api_spans(cands: Candidates, found: list[Cand]) -> list[tuple[int, int]]:
    """(start, end) of each product named '<Name> API' in the document."""
    doc = cands.doc
    starts = {c.start for c in found}
    protocols, not_names = name_span_words("api_protocol_words"), name_span_words("api_not_names")
    out: list[tuple[int, int]] = []
    for m in _API.finditer(doc_text(doc)):
        api = doc.char_span(m.start(), m.end())
        if api is None or len(api) != 1 or api.start == 0:
            continue
        k = api.start
        if k + 1 < len(doc) and (
            _name_word(doc[k + 1].text) or (doc[k + 1].is_lower and doc[k + 1].pos_ in ("NOUN", "PROPN"))
        ):
            continue  # "Amazon API Gateway", "the OpenAI API key"
        start = k
        while start > 0 and k - start < _MAX_WORDS and _name_word(doc[start - 1].text):
            start -= 1
            if doc[start].is_sent_start:
                break
        if start == k or (doc[start].is_sent_start and start not in starts):
            continue  # no name, or a capitalised sentence opening no step took for a name
        words = [t.text for t in doc[start:k]]
        if words[0].casefold() in not_names or (len(words) == 1 and words[0].casefold() in protocols):
            continue
        if _indefinite(doc, start):
            continue
        out.append((start, k + 1))
    return out


def with_api_names(cands: Candidates, found: list[Cand]) -> list[Cand]:
    """The candidates with each '<Name> API' product in place of the names found inside it."""
    for start, end in api_spans(cands, found):
        inside = [c for c in found if c.start < end and c.end > start]
        if any(c.start < start or c.end > end for c in inside):
            continue
        known = {c.gaz.id for c in inside if c.gaz is not None}
        if known and not any(c.gaz is not None and c.gaz.id in known for c in found if c not in inside):
            continue  # "the Claude API" where Claude is named nowhere else: keep the known name
        cand = cands.make(start, end, "", None, [])
        if cand is None or (cand.start, cand.end) != (start, end):
            continue
        cand.votes = [v for v in cand.votes if v.kind == PRODUCT]
        cand.votes.append(ev.Vote(PRODUCT, "Application", ev.W_VERSION, CUE))
        found = [c for c in found if c not in inside] + [cand]
    return found
