"""A capitalised one-word name inside a noun phrase before a product noun: "the Zephyra chatbot", "its
Quillo app", "the Brenvo platform". The small model often tags an invented word there as an adjective
(and labels it a nationality), so no step proposes it, or labels it a person. Such a word, after a
determiner or possessive and right before a `modifier_product_heads` noun (word lists in
`name_spans.json`), is a product candidate (cue `modifier-head`) and never a person: not where the text
also writes the word in lower case, nor a nationality (`demonyms`), nor a name the gazetteer knows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.layout import BODY
from kg.extract.names import is_never_entity
from kg.extract.resources import EntityRules, name_span_words
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.candidates import Cand, Candidates


def modifier_slot(doc: Doc, start: int, end: int, rules: EntityRules) -> str | None:
    """The product class when the one-token span [start, end) stands between a determiner (or a
    possessive "'s") and a product head noun ("the Zephyra chatbot"), else None."""
    if end - start != 1 or start == 0 or end >= len(doc):
        return None
    tok, before, head = doc[start], doc[start - 1], doc[end]
    if not (
        tok.is_alpha
        and tok.text[:1].isupper()
        and not tok.is_upper
        and not tok.is_sent_start
        and head.is_lower
        and head.lower_ in name_span_words("modifier_product_heads")
        and (before.lower_ in name_span_words("modifier_lead_ins") or before.tag_ == "POS")
        and tok.lower_ not in name_span_words("demonyms")
        and tok.text not in rules.given_names
        and tok.text not in rules.version_tiers  # "the Pro model": a tier of the phone named before
        and not is_never_entity(tok.text, rules)
    ):
        return None
    return rules.product_heads.get(head.lower_, "Product")


def not_person(cands: Candidates, start: int, end: int) -> bool:
    """'the Cortex platform' labelled a person by the model: a product's slot, no person's."""
    return (
        modifier_slot(cands.doc, start, end, cands.rules) is not None
        and cands.doc[start].text not in cands.lower_words
    )


def modifier_names(cands: Candidates, covered: list[bool]) -> list[Cand]:
    """Body words the tagger read as adjectives or nationalities in a product's slot ("the Zephyra
    chatbot"): product candidates of their own (proper nouns there already get a head vote)."""
    doc, rules, out = cands.doc, cands.rules, []
    heads = name_span_words("modifier_product_heads")
    for i in range(1, len(doc) - 1):
        tok = doc[i]
        if covered[i] or doc[i + 1].lower_ not in heads or tok.ent_id_:
            continue
        if tok.pos_ == "PROPN" and tok.ent_type_ != "NORP":
            continue  # context_names reads a proper noun by its head noun
        if tok.ent_type_ not in ("", "NORP", "ORG", "PRODUCT") or tok.lower_ in cands.lower_words:
            continue
        cls = modifier_slot(doc, i, i + 1, rules)
        if cls is None or cands.zone(i) != BODY:
            continue
        cand = cands.make(i, i + 1, "", None, [ev.Vote(PRODUCT, cls, ev.W_HEAD, "modifier-head")])
        if cand is not None:
            out.append(cand)
    return out
