"""Investments stated as a standing relation rather than a round: "X is backed by Y", "X, a startup
backed by Y", "Y, an investor in X", "A was an early investor in X", "A, one of the first investors in X",
"investors in X include A and B". Both sides must be named organizations (a person may be the backer,
though not of an investment firm: "A, an investor in Y Ventures" is a partner there; never a product,
place or amount: "backed by $13M in
seed funding", "backed by the Google product ecosystem", "backed by 25 countries" give nothing). The
sentences are found with one regular expression over the text, so documents without these words
cost nothing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.argbase import Args
from kg.extract.patterns import TriggerLexicon
from kg.extract.sentences import doc_text
from kg.extract.succession import _hit
from kg.extract.table import EntityTable, SpanRef
from kg.extract.triggers import Hit
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.extract.context import DocContext

_WORDS = re.compile(r"\b(?:backed|investors?)\b", re.I)


def backer_events(
    sdoc: Doc, table: EntityTable, ctx: DocContext, lex: TriggerLexicon
) -> list[tuple[Hit, Args]]:
    """(hit, participants) pairs for the event step: investor and recipient, from body sentences."""
    out: list[tuple[Hit, Args]] = []
    for m in _WORDS.finditer(doc_text(sdoc)):
        span = sdoc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or not ctx.in_body(span[0].sent):
            continue
        tok = span[0]
        if tok.lower_ == "backed" and tok.tag_ == "VBN":  # a person may back a company ("backed by A")
            investors = _orgs(table, syntax.agent_tokens(tok), (ORG, PERSON))
            recipients = _orgs(table, syntax.patient_tokens(tok))
        elif tok.lemma_.lower() == "investor" and tok.pos_ == "NOUN":
            recipients = _orgs(table, syntax.prep_objects(tok, ["in"]))
            investors = _orgs(table, _investor_side(tok), (ORG, PERSON)) if recipients else []
            if recipients and not investors and tok.dep_ == "attr" and tok.head.lemma_ == "be":
                # "Heading line Musk was an early investor in X": the subject misparsed, the name before
                before = syntax.mention_before(table, tok.head, gap=0)
                investors = [before] if before is not None and before.kind in (ORG, PERSON) else []
            if any(r.cls == "Investor" for r in recipients):  # "A, an investor in Y Ventures": a partner
                investors = [r for r in investors if r.kind != PERSON]
        else:
            continue
        keys = {r.key for r in recipients}
        investors = [r for r in investors if r.key not in keys]
        if not investors or len(recipients) != 1:
            continue
        a = Args()
        a.add("investor", investors)
        a.add("recipient", recipients)
        out.extend(_hit(tok, lex, "Investment", a))
    return out


def _investor_side(noun: Token) -> list[Token]:
    """Who "an investor in X" is: the name it is in apposition to ("Y, an investor in X"), the subject
    of a copula ("Y is an investor in X"), or the objects of "include" ("investors in X include A and
    B"); "one of the (first) investors in X" stands where "one" does."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        noun = noun.head.head
    if noun.dep_ == "appos":
        return [noun.head]
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return [c for c in noun.head.children if c.dep_ == "nsubj"]
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "include":
        return [c for c in noun.head.children if c.dep_ in ("dobj", "attr")]
    return []


def _orgs(table: EntityTable, toks: list[Token], kinds: tuple[str, ...] = (ORG,)) -> list[SpanRef]:
    """Named organizations (with conjuncts) of the tokens; a noun in apposition to a name stands for
    it ("Nexla, a startup backed by Y"); a pronoun or "the company" counts only when resolved."""
    out: list[SpanRef] = []
    for t in toks:
        refs = syntax.denote(table, t, kinds, conj=True)
        if not refs and t.dep_ == "appos" and t.pos_ == "NOUN":
            refs = syntax.denote(table, t.head, kinds, conj=True)
        out += [r for r in refs if r.kind in kinds and r.key not in {x.key for x in out}]
    return out
