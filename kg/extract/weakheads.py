"""A weak product noun in apposition made strong by what the clause says about it.

"Platform", "service", "site" after a name vote only weakly for a product (`W_WEAK`): "Zorvex, a
data platform" is as often the company that runs it. Two things about the noun settle it:

- a participle of making on the noun: "Plinko, the platform created by Vantor", "TrailHub, a
  service built for hikers" (`made_product_verbs` of kg/data/name_spans.json);
- an owner of the noun: "Plinko, Vantor's platform", "Plinko, its gaming service".

Then the name is the product, with the weight of a plain apposition (`W_APPOS`, cue `appos-made`).

A name that is itself the passive subject of such a verb with its maker after "by" ("Zellit was
developed by researchers at ...", "Quorbit was created by two engineers") is a product too (cue
`made-subject`, weight `W_HEAD`); only `_SUBJECT_VERBS`: companies are owned, run and launched by
people as well.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules, name_span_words
from kg.model import PRODUCT


def _appositions(doc: Doc, start: int, end: int) -> list[Token]:
    root = doc[start:end].root
    nouns = [c for c in root.children if c.dep_ == "appos" and not (start <= c.i < end)]
    if root.dep_ == "appos" and not (start <= root.head.i < end):
        nouns.append(root.head)
    return [n for n in nouns if n.pos_ == "NOUN"]


def _made_or_owned(noun: Token, made: frozenset[str]) -> bool:
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod")]
    if any(c.dep_ == "poss" for m in [noun, *mods] for c in m.children):
        return True  # "Vantor's platform", "its service", "Vantor's payments platform" (poss on "payments")
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in made:
            return True  # "the platform created by Vantor"
    return False


_SUBJECT_VERBS = ("create", "develop", "design", "build")


def _made_subject(doc: Doc, start: int, end: int) -> bool:
    """'Zellit was developed by researchers': the name is the passive subject of a making verb + agent."""
    root = doc[start:end].root
    verb = root.head
    if root.dep_ != "nsubjpass" or verb.tag_ != "VBN" or verb.lemma_.lower() not in _SUBJECT_VERBS:
        return False
    return any(c.dep_ == "agent" and c.lower_ == "by" for c in verb.children)


_RUN_TAGS = ("DET", "ADJ", "NOUN", "PROPN", "PART", "PRON")


def _surface_head(doc: Doc, end: int, weak: frozenset[str], made: frozenset[str]) -> str | None:
    """The parser missed the apposition ("games on Plinko, the platform created by Vantor" read as an
    object of the main verb): a comma, a short noun phrase ending in a weak noun, then a participle of
    making or an owner inside the phrase."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    for k in range(end + 1, min(end + 6, len(doc))):
        tok = doc[k]
        if tok.lower_ in weak:
            owned = any(t.tag_ == "POS" or t.lower_ in ("its", "their") for t in doc[end + 1 : k])
            nxt = doc[k + 1] if k + 1 < len(doc) else None
            made_after = nxt is not None and nxt.tag_ == "VBN" and nxt.lemma_.lower() in made
            return tok.lower_ if owned or made_after else None
        if tok.pos_ not in _RUN_TAGS:
            return None
    return None


def made_product_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """The product vote of a name whose weak apposition noun is made or owned by someone."""
    weak = rules.weak_product_heads
    made = name_span_words("made_product_verbs")
    if _made_subject(doc, start, end):
        return [ev.Vote(PRODUCT, "Product", ev.W_HEAD, "made-subject")]
    for noun in _appositions(doc, start, end):
        word = noun.lower_ if noun.lower_ in weak else noun.lemma_.lower()
        if word not in weak or word not in rules.product_heads:
            continue
        if _made_or_owned(noun, made):
            return [ev.Vote(PRODUCT, rules.product_heads[word], ev.W_APPOS, "appos-made")]
    head = _surface_head(doc, end, weak, made)
    if head is not None and head in rules.product_heads:
        return [ev.Vote(PRODUCT, rules.product_heads[head], ev.W_APPOS, "appos-made")]
    return []
