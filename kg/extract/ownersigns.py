"""Clause signs that type a name by what it owns or what it is the maker's name for.

- "Kestrin's CEO Ona Pardee", "Kestrin's co-founder and CEO Ona Pardee": the possessor of a company
  title held by a named person is an organization (cue `possessive-title`). A product has no CEO; the
  plain possessive vote (evidence.possessive_votes) only reads a title that ends the noun run, so a
  title followed by the holder's name gave no vote at all.
- "Quorva GPUs", "Brixel CPU": a name whose syntactic head is an all-capital hardware word written as an
  acronym (a Hardware word of `product_heads` written in capitals) is a chip line (cue `acronym-head`);
  the head-noun vote only reads lower-case nouns.

Both run per mention, on a few tokens after it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules
from kg.model import ORG, PRODUCT

_POSSESSIVES = ("'s", "’s", "'", "’")
_TITLE_LINKS = ("and", "&", ",", "-")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]?[A-Z]{1,3}s?$")  # GPU, GPUs, CPU, SoC, SoCs, FPGA
_MAX_TITLE_TOKENS = 6


def _person_at(doc: Doc, i: int, rules: EntityRules) -> bool:
    """A person's name opens at token i: the model's PERSON label or a known given name."""
    if i >= len(doc) or not doc[i].is_title:
        return False
    return doc[i].ent_type_ == "PERSON" or doc[i].text in rules.given_names


def possessive_title_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """'Kestrin's CEO Ona Pardee': company titles between a possessive and a person's name."""
    if end + 2 >= len(doc) or doc[end].text not in _POSSESSIVES:
        return []
    titles = ev.role_words().company_titles
    j, seen = end + 1, False
    while j < len(doc) and j - end <= _MAX_TITLE_TOKENS:
        word = doc[j].lower_
        if word in titles:
            seen = True
        elif not (seen and word in _TITLE_LINKS):
            break
        j += 1
    if seen and _person_at(doc, j, rules):
        return [ev.Vote(ORG, "Organization", ev.W_HEAD, "possessive-title")]
    return []


def acronym_head_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """'demand for Quorva GPUs': the name modifies an all-capital hardware acronym."""
    if end >= len(doc):
        return []
    nxt = doc[end]
    if not _ACRONYM.match(nxt.text) or rules.product_heads.get(nxt.lower_) != "Hardware":
        return []
    if doc[start:end].root.head.i != nxt.i:
        return []
    return [ev.Vote(PRODUCT, "Hardware", ev.W_HEAD, "acronym-head")]


def owner_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """The votes of this module for one mention."""
    return possessive_title_votes(doc, start, end, rules) + acronym_head_votes(doc, start, end, rules)
