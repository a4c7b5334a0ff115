"""A product name closing on an all-capital category: "Falcon Insight XDR", "Zorva Cloud SIEM".

The model often labels such a name in pieces ("Falcon" as an organization, "XDR" alone), or labels
the whole run an organization or a person. A capitalised run after a name the model found, closed by
a category acronym (`category_acronym_tails` in name_spans.json) and not used as a modifier ("the
Zorva CRM platform"), is one product name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.knownruns import NAME_LABELS, name_word
from kg.extract.names import is_never_entity
from kg.extract.resources import name_span_words
from kg.model import PRODUCT

if TYPE_CHECKING:
    from kg.extract.candidates import Candidates



def _category(text: str) -> bool:
    return text.isupper() and text.casefold() in name_span_words("category_acronym_tails")


def _closes(cands: Candidates, k: int) -> bool:
    """Token k is a category acronym that ends the name: no lower-case noun it modifies after it."""
    doc = cands.doc
    if not _category(doc[k].text) or doc[k].ent_id_:
        return False
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return nxt is None or not (nxt.is_lower and nxt.pos_ in ("NOUN", "PROPN")) and not nxt.is_title


def category_run(cands: Candidates, start: int, end: int) -> tuple[int, list[ev.Vote]]:
    """The end of the product name a name opens and its vote, or (end, [])."""
    doc, rules = cands.doc, cands.rules
    if doc[start].lower_ in cands.lower_words:
        return end, []  # "Our Baton SDK": a common word opens the span
    if end - start >= 2 and _closes(cands, end - 1) and not _category(doc[start].text):
        return end, [ev.Vote(PRODUCT, "Application", ev.W_SUFFIX, "category-acronym")]
    j = end
    while j < len(doc) and j - end < 3 and doc[j - 1].whitespace_:
        tok = doc[j]
        if tok.ent_id_ or tok.is_sent_start or tok.ent_type_ not in NAME_LABELS:
            break
        if _closes(cands, j):
            return j + 1, [ev.Vote(PRODUCT, "Application", ev.W_SUFFIX, "category-acronym")]
        if not (
            name_word(tok, rules)
            and not tok.is_upper
            and tok.lower_ not in cands.lower_words
            and not is_never_entity(tok.text, rules)
        ):
            break
        j += 1
    return end, []
