"""Clause signs that type a name by what it owns or what it is the maker's name for.

- "Kestrin's CEO Ona Pardee", "Kestrin's co-founder and CEO Ona Pardee": the possessor of a company
  title held by a named person is an organization (cue `possessive-title`). A product has no CEO; the
  plain possessive vote (evidence.possessive_votes) only reads a title that ends the noun run, so a
  title followed by the holder's name gave no vote at all.
- "Quorva GPUs", "Brixel CPU": a name whose syntactic head is an all-capital hardware word written as an
  acronym (a Hardware word of `product_heads` written in capitals) is a chip line (cue `acronym-head`);
  the head-noun vote only reads lower-case nouns.
- "Brevik's Talo", "scanners such as Quint Systems' Ferrow": an unknown name standing alone after an
  organization's possessive (the model's ORG label on the possessor) is what the organization makes
  (cue `possessed-name`, weight 5; the owner's suffix serves where the model read a person); not a name
  the model calls a person ("Microsoft's Nadella") unless its shape is no person's (digits, all
  capitals, a capital inside), nor one opening with a given name or with a noun after it
  ("Brevik's Talo unit": the head-noun votes decide) or an organization word at its end ("Brevik's
  Design Office"), nor where the mention acts (subject of an acting
  verb, possessor, agent after "by" of a verb other than power/drive/run...: "a round co-led by Denso's
  Talo"). Other mentions' acts still count: grouping caps the model's ORG label only where the document
  never shows the name acting ("Ferrow said ..." keeps the company).

All run per mention, on a few tokens around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from kg.extract import evidence as ev
from kg.extract.readings import acting_cues, reading_words
from kg.extract.resources import RULES_PATH, EntityRules, word_section
from kg.model import ORG, PRODUCT

_POSSESSIVES = ("'s", "’s", "'", "’")
_TITLE_LINKS = ("and", "&", ",", "-")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]?[A-Z]{1,3}s?$")  # GPU, GPUs, CPU, SoC, SoCs, FPGA
_MAX_TITLE_TOKENS = 6
_CAPITAL_INSIDE = re.compile(r"^[a-z]+[A-Z]")  # "iPhone", "xFlow": a brand written with a lower-case start
_PRODUCT_AGENT_VERBS = frozenset({"power", "drive", "enable", "run", "support", "host", "serve"})
_BRAND_SHAPE = re.compile(r"\d|^[A-Z]{2,}$|[a-z][A-Z]")  # digits, all capitals, a capital inside


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


def possessed_name_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """'Brevik's Talo and Quint Systems' Ferrow': a bare name owned by an organization is its product."""
    if start < 2 or doc[start - 1].text not in _POSSESSIVES or doc[start - 1].tag_ != "POS":
        return []
    owner = doc[start - 2]
    if not (owner.is_title or owner.is_upper or owner.pos_ == "PROPN"):
        return []
    if owner.ent_type_ != "ORG" and rules.org_suffixes.get(owner.lower_) is None:
        return []  # "Dorvex Labs' Kintora": the suffix shows the owner where the model read a person
    first = doc[start]
    if first.ent_type_ in ("GPE", "LOC", "NORP") or first.text in rules.given_names:
        return []
    if first.ent_type_ == "PERSON" and (end - start > 1 or not _BRAND_SHAPE.search(first.text)):
        return []  # "Brevik's Ann Lee", "Microsoft's Nadella": a person ("Brevik's QuillX" is no name)
    if not all(t.is_title or t.is_upper or _CAPITAL_INSIDE.search(t.text) for t in doc[start:end]):
        return []
    if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN", "NUM"):
        return []  # "Brevik's Talo unit", "Brevik's Talo 2": other cues read the whole phrase
    last = doc[end - 1].lower_
    if last in rules.org_heads or last in rules.org_suffixes or last in owned_words().part_words:
        return []  # "Brevik's Design Office", "Brevik's Talo Labs": a part or arm of the owner
    if _acts(doc, start, end, rules):
        return []
    return [ev.Vote(PRODUCT, "Product", ev.W_HEAD, "possessed-name")]


@dataclass(frozen=True)
class OwnedWords:
    """The `owned_names` word lists of kg/data/entity_rules.json (casefolded)."""

    part_words: frozenset[str]  # "Brevik's Design Office": an arm of the owner


@cache
def owned_words(path: Path = RULES_PATH) -> OwnedWords:
    return word_section(path, "owned_names", OwnedWords)


def _acts(doc: Doc, start: int, end: int, rules: EntityRules) -> bool:
    """The owned name acts in its clause: a subsidiary ("a round co-led by Brevik's Talo", "Brevik's
    Talo hired ...", "Brevik's Talo and Quint's CEO"), not a product ("powered by Brevik's Talo")."""
    if acting_cues(doc, start, end, reading_words(), rules):
        return True
    tok = doc[start:end].root
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ != "by":
        return False
    verb = tok.head.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() not in _PRODUCT_AGENT_VERBS


def owner_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """The votes of this module for one mention."""
    return (
        possessive_title_votes(doc, start, end, rules)
        + acronym_head_votes(doc, start, end, rules)
        + possessed_name_votes(doc, start, end, rules)
    )
