"""Names that let people do things: "Relay Vault now lets users chart sales", "Quill Studio allows
developers to ...". Announcement articles describe a new product or feature by what it lets its users
do, often in the one sentence that names it. A capitalised run of two to four words right before an
`enabler_verbs` verb (an `enabler_adverbs` word may stand between) whose next word is an
`enabler_audiences` noun is a product (cue `enabler-subject`, weight of a head noun), unless a
capitalised word other than a determiner stands right before it ("Weaviate Vector Database": the tail
of a longer name). A single word is left alone (a company "lets customers" do things as often as a
product does), and an organization suffix ("Endor Labs allows companies ...") still outweighs the cue.
The same reading holds for a run after an opening "With" (and an optional "the/its new") before a comma
and an audience: "With Harbor Pulse, analysts can ..." (cue `with-audience`).
Word lists live in `kg/data/name_spans.json`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules, name_span_words
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NOT_LABELS = frozenset({"GPE", "LOC", "DATE", "TIME", "EVENT", "LAW", "NORP", "MONEY", "CARDINAL"})


def enabler_votes(doc: Doc, start: int, end: int, rules: EntityRules, label: str) -> list[ev.Vote]:
    """A product vote for the run [start, end) when an enabler verb and an audience follow it."""
    if not 2 <= end - start <= 4 or label in _NOT_LABELS:
        return []
    if doc[start].text in rules.given_names:
        return []
    before = doc[start - 1] if start > 0 else None
    lead_ins = name_span_words("modifier_lead_ins")
    if before is not None and before.text[:1].isupper() and before.lower_ not in lead_ins:
        return []  # "Weaviate Vector Database": the end of a longer name, not a name of its own
    k = end
    adverbs = name_span_words("enabler_adverbs")
    while k < len(doc) and k - end < 2 and doc[k].lower_ in adverbs:
        k += 1
    if k + 1 >= len(doc) or doc[k].text.casefold() not in name_span_words("enabler_verbs"):
        return []
    if doc[k + 1].lower_ not in name_span_words("enabler_audiences") or not doc[k + 1].is_lower:
        return []
    return [ev.Vote(PRODUCT, "Product", ev.W_HEAD, "enabler-subject")]


def with_votes(doc: Doc, start: int, end: int, rules: EntityRules, label: str) -> list[ev.Vote]:
    """"With Harbor Pulse, analysts can ...": a run of two to four words after an opening "with" (and an
    optional "the"/"its" + "new") and before a comma and an audience is what the audience uses (cue
    `with-audience`); not a law or programme word at its end (`new_name_not_last`)."""
    if not 2 <= end - start <= 4 or label in _NOT_LABELS or end + 1 >= len(doc):
        return []
    if doc[start].text in rules.given_names or doc[end].text != ",":
        return []
    if doc[end + 1].lower_ not in name_span_words("enabler_audiences") or not doc[end + 1].is_lower:
        return []
    if doc[end - 1].lower_ in name_span_words("new_name_not_last"):
        return []
    k = start - 1
    if k >= 0 and doc[k].lower_ == "new":
        k -= 1
    if k >= 0 and doc[k].lower_ in ("the", "its", "their"):
        k -= 1
    if k < 0 or doc[k].lower_ != "with" or not (k == 0 or doc[k].is_sent_start):
        return []
    return [ev.Vote(PRODUCT, "Product", ev.W_HEAD, "with-audience")]
