"""Feature names in quotes: its "Ask the Archive" feature, the new 'Drafts' tools, a "Story Mode" mode.

A product's feature is often named in quotes between an owner or article and a feature noun. The
older rule (`Candidates.quoted_names`) takes quoted runs of capitalised words before a singular product
noun; this one also takes a name in sentence case ("Ask about this file") and plural or mode nouns,
with the nouns of `quoted_feature_heads` in kg/data/name_spans.json. Interface labels ("the 'Undo'
button", a 'Trending' section) are no names: buttons, tabs and sections are not in the list.

The quote must follow a determiner, a possessive or a lower-case modifier ("its newly launched"), so a
quotation that merely ends before a noun ("... said 'We Win' tools ...") is left alone. The loop runs
over the quote tokens of the doc only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.names import is_capitalised, is_never_entity
from kg.extract.resources import name_span_words
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kg.extract.candidates import Cand, Candidates

MAX_WORDS = 5
_OPEN = frozenset({"‘", "“", '"', "'"})
_CLOSE = frozenset({"’", "”", '"', "'"})
_LEAD_TAGS = frozenset({"DT", "PRP$", "POS", "JJ", "VBN", "RB"})
_LEAD_WORDS = frozenset({"new", "its", "their", "our", "the", "a", "an", "called", "dubbed"})


def _named_lead(lead: Token) -> bool:
    """An article, possessive or lower-case modifier before the quote ("its newly launched 'X'")."""
    return lead.lower_ in _LEAD_WORDS or lead.tag_ == "POS" or (lead.tag_ in _LEAD_TAGS and lead.is_lower)


def _name_words(span: Span, tiers: frozenset[str] | set[str]) -> bool:
    """A name, not a quoted remark or a description: no pronoun first and a noun or proper noun inside
    ("I believe"); one word a noun, not an adjective or a tier ("Creative" mode, "Pro" features); words
    in lower case only in a phrase with a function word ("About this image"), not a noun phrase that
    describes ("AI pair programmer" tool)."""
    if span[0].pos_ == "PRON" or not any(t.pos_ in ("NOUN", "PROPN") for t in span):
        return False
    if len(span) == 1:
        return span[0].pos_ in ("NOUN", "PROPN") and span[0].text not in tiers
    if any(t.is_lower for t in span):
        return any(t.pos_ in ("ADP", "DET", "VERB", "AUX", "PART", "CCONJ") for t in span)
    return True


def quoted_feature(cands: Candidates, start: int, end: int) -> bool:
    """doc[start:end] is a whole quoted run after an article, possessive or modifier and before a
    `quoted_feature_heads` noun, shaped like a name (see `_name_words`)."""
    doc = cands.doc
    if start < 2 or end >= len(doc) or doc[start - 1].text not in _OPEN or doc[end].text not in _CLOSE:
        return False
    if end - start > MAX_WORDS or not _named_lead(doc[start - 2]):
        return False
    if not _name_words(doc[start:end], cands.rules.version_tiers):
        return False
    run = ev.noun_run_after(doc, end + 1)
    return bool(run) and run[-1].lower_ in name_span_words("quoted_feature_heads")


def feature_votes(cands: Candidates, c: Cand) -> list[ev.Vote]:
    """The feature vote for a candidate the model labelled that is exactly such a quoted run (its
    "Smart Reply" feature read as a work of art); a name in sentence case then passes the filter of
    capitalised words, as in `feature_names`."""
    if any(v.cue == "quoted-feature" for v in c.votes) or not quoted_feature(cands, c.start, c.end):
        return []
    c.lower_name = c.lower_name or any(t.is_lower for t in cands.doc[c.start : c.end])  # "Build with X"
    return [ev.Vote(PRODUCT, "Application", ev.W_HEAD, "quoted-feature")]


def feature_names(cands: Candidates, covered: list[bool]) -> list[Cand]:
    """Quoted feature names before a `quoted_feature_heads` noun that no other step took."""
    doc = cands.doc
    out: list[Cand] = []
    quotes = [t.i for t in doc if t.text in _OPEN]
    for q in quotes:
        if q == 0 or q + 2 >= len(doc):
            continue
        k = q + 1
        if not (is_capitalised(doc[k].text) and doc[k].is_alpha):
            continue
        while k < len(doc) and k - q <= MAX_WORDS and doc[k].text not in _CLOSE:
            if not (doc[k].is_alpha or doc[k].text == "-") or doc[k].is_sent_start and k > q + 1:
                break
            k += 1
        if k == q + 1 or k >= len(doc) or doc[k].text not in _CLOSE:
            continue
        if any(covered[q + 1 : k]) or is_never_entity(doc[q + 1 : k].text, cands.rules):
            continue
        if not quoted_feature(cands, q + 1, k):
            continue
        cand = cands.make(q + 1, k, "", None, [ev.Vote(PRODUCT, "Application", ev.W_HEAD, "quoted-feature")])
        if cand is None or cand.end != k:
            continue
        # a name in sentence case ("Ask about this file") passes the capitalised-words filter: the
        # quotes and the feature noun vouch for it
        cand.lower_name = any(t.is_lower for t in doc[q + 1 : k])
        out.append(cand)
        for m in range(q + 1, k):
            covered[m] = True
    return out
