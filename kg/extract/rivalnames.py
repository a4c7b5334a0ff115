"""competesWith from a rival noun that names one side and is attached to the other, for companies and
products alike:

- the rival named by apposition or a naming verb: "Telegram's main rival, Meta", "a Meta competitor —
  Amazon", "its ChatGPT competitor, Bard", "a rival to ChatGPT called Bard";
- the rival the noun describes: "Bard, a competitor to ChatGPT", "Zed is an open-source alternative to
  Quill", "the search giant's rival to Alexa" (in apposition to the assistant it describes).

The rivalled side is the "to"/"of" phrase, else a name compounded with the noun ("a ChatGPT
competitor"), else the possessor ("Telegram's rival"): "Google's rival to ChatGPT, Bard" pairs Bard
with ChatGPT, not with its maker. Sentences are found by a regular expression on the text, so the rule
costs nothing on articles without the words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.patterns import code_rule, lexicon
from kg.extract.relbase import Candidate
from kg.extract.sentences import doc_text
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.extract.context import DocContext
    from kg.extract.table import EntityTable, SpanRef


KINDS = (ORG, PRODUCT)
NAMED_RIVAL = code_rule("kg.rel.competesWith.named-rival.v1", "competesWith", 0.8, KINDS, KINDS, type="dep")
_RIVAL_RE = re.compile(r"\b(?:competitors?|rivals?|challengers?|alternatives?)\b", re.IGNORECASE)
_OWNER_PREPS = ("to", "of")


def named_rivals(sdoc: Doc, table: EntityTable, ctx: DocContext) -> list[Candidate]:
    """One candidate per (rivalled, rival) pair that a rival noun states (see the module doc)."""
    out: list[Candidate] = []
    for m in _RIVAL_RE.finditer(doc_text(sdoc)):
        span = sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or len(span) != 1 or span[0].pos_ not in ("NOUN", "PROPN"):
            continue
        noun = span[0]
        if not ctx.in_body(noun.sent) or table.at_token(noun.i) is not None:
            continue
        rivalled = _rivalled(table, noun)
        if not rivalled:
            continue
        rivals = _named(table, noun) or _described(table, noun)
        keys = {r.key for r in rivalled}
        out.extend(
            Candidate(subject=s, object=o, pattern=NAMED_RIVAL, sent=noun.sent)
            for s in rivals
            if s.key not in keys
            for o in rivalled
        )
    return out


def _rivalled(table: EntityTable, noun: Token) -> list[SpanRef]:
    """Whose rival the noun is: the "to/of" phrase, else a compounded name, else the possessor."""
    refs = [
        r
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in _OWNER_PREPS and c.i > noun.i
        for p in c.children
        if p.dep_ == "pobj" and not _own_line(p)
        for r in syntax.denote(table, p, KINDS, conj=True)
    ]
    if not refs:  # "a Meta competitor": the tagger may read the name as an adjective
        refs = [
            r
            for c in noun.children
            if c.dep_ in ("compound", "nmod", "amod")
            for r in syntax.denote(table, c, KINDS)
        ]
    if not refs:
        refs = syntax.possessors(table, noun, KINDS)
    return [r for r in refs if not r.anaphor or r.kind == ORG]


def _own_line(tok: Token) -> bool:
    """ "the budget alternative to its flagship phone": a product of the same maker, no rival."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our", "his", "her") for c in tok.children)


def _named(table: EntityTable, noun: Token) -> list[SpanRef]:
    """The rivals the noun names itself: an apposition after it or a naming verb ("called X"), also
    when the parse hangs the naming verb on the rivalled name ("a rival to Zentrix, called Pallio")."""
    if any(c.i > noun.i and (c.dep_ == "appos" or _naming(c)) for c in noun.children):
        return [r for r in syntax.denote(table, noun, KINDS, conj=True) if not r.anaphor]
    return [
        r
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in _OWNER_PREPS
        for p in c.children
        if p.dep_ == "pobj"
        for v in p.children
        if _naming(v) and (table.at_token(p.i) is not None or v.nbor(-1).text == ",")
        for n in v.children
        if n.dep_ in syntax.NAMING_DEPS
        for r in syntax.denote(table, n, KINDS)
        if not r.anaphor
    ]


def _naming(tok: Token) -> bool:
    """A naming verb on a noun: "called", "named", "dubbed"."""
    return tok.dep_ == "acl" and tok.lower_ in lexicon("naming_verbs")


def _described(table: EntityTable, noun: Token) -> list[SpanRef]:
    """The entity the noun describes: "Bard, a competitor to ChatGPT"; "Zed is an alternative to Q"
    (never a negated copula: "Zed is not a rival to Q")."""
    if noun.dep_ == "attr" and any(c.dep_ == "neg" for c in noun.head.children):
        return []
    refs = [
        r for t in syntax.described(noun) if t.i != noun.i for r in syntax.denote(table, t, KINDS)
        if not r.anaphor
    ]
    if refs or noun.dep_ in ("attr", "appos"):
        return refs
    before = _comma_before(table, noun)
    return [before] if before is not None else []


def _comma_before(table: EntityTable, noun: Token) -> SpanRef | None:
    """ "“Zed,” an alternative to Quill": the parse missed the apposition; the name that ends right
    before the comma (and a closing quote) that opens the rival noun's phrase."""
    start, doc = noun.sent.start, noun.doc
    i = noun.left_edge.i - 1
    while i >= start and doc[i].is_quote:  # ',”' or '”,'
        i -= 1
    if i < start or doc[i].text != ",":
        return None
    i -= 1
    while i >= start and doc[i].is_quote:
        i -= 1
    ref = table.at_token(i) if i >= start else None
    if ref is None or ref.anaphor or ref.end != i + 1:
        return None
    return ref
