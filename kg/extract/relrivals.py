"""competesWith rules written in code: copular competitor sentences ("X's main competitor is Y",
"Another key competitor is Z"), and whose rivals a rival noun names (`rival_owners`, also read by the
rival patterns of relations.json).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.patterns import code_rule
from kg.extract.relbase import Candidate
from kg.extract.sentences import doc_text
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.extract.context import DocContext


COPULA_COMPETITOR = code_rule("kg.rel.competesWith.copula.v1", "competesWith", 0.8, (ORG,), (ORG,),
                              type="dep")
COPULA_COMPETITOR_CARRIED = code_rule("kg.rel.competesWith.copula-another.v1", "competesWith", 0.7,
                                      (ORG,), (ORG,), type="dep")
_COMPETITOR_RE = re.compile(r"\b(?:competitors?|rivals?|challengers?)\b", re.IGNORECASE)
CARRY_SENTENCES = 4  # "Another key competitor is Z" takes the owner of a competitor sentence this close


def copular_competitors(sdoc: Doc, table: EntityTable, ctx: DocContext) -> list[Candidate]:
    """ "X's main competitor is Y", "One of X's main competitors (in the market) is Y", "Two of the
    company's rivals are A and B"; "Another key competitor is Z" carries X over from the latest such
    sentence a few sentences before. Sentences are found by a regular expression on the text, so the
    rule costs nothing on articles without the words."""
    out: list[Candidate] = []
    carry: tuple[SpanRef, int] | None = None  # the last owner and the index of its sentence's start
    named: set[str] = set()  # the competitors that sentence named
    for m in _COMPETITOR_RE.finditer(doc_text(sdoc)):
        span = sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or len(span) != 1:
            continue
        noun = span[0]
        sent = noun.sent
        cop = _competitor_copula(noun)
        if cop is None or not ctx.in_body(sent):
            continue
        objects = [
            r for c in cop.children if c.dep_ == "attr" and c.i > noun.i for r in _complement(table, c)
        ]
        if not objects:
            continue
        owners = [r for r in rival_owners(table, noun, (ORG,)) if r.key not in {o.key for o in objects}]
        if carry is not None and any(r.anaphor and r.key in named for r in owners):
            owners = [carry[0]]  # "... is Vexo. Two of the company's rivals are ...": not Vexo's
        pat = COPULA_COMPETITOR
        if not owners and carry is not None and _another(noun):
            owner, at = carry
            if sum(1 for t in sdoc[at : sent.start] if t.is_sent_start) <= CARRY_SENTENCES:
                owners, pat = [owner], COPULA_COMPETITOR_CARRIED
        if not owners:
            continue
        carry = (owners[0], sent.start)
        named = {o.key for o in objects}
        out.extend(Candidate(subject=s, object=o, pattern=pat, sent=sent) for s in owners for o in objects)
    return out


def _complement(table: EntityTable, attr: Token) -> list[SpanRef]:
    """The organizations a copula's complement names; "the security provider, Zeta": the apposition
    only, not a name among the describing words ("Apple MDM provider")."""
    if table.at_token(attr.i) is None:
        appos = [
            r for c in attr.children if c.dep_ == "appos" for r in syntax.denote(table, c, (ORG,), conj=True)
        ]
        if appos:
            return appos
    return syntax.denote(table, attr, (ORG,), conj=True)


def _competitor_copula(noun: Token) -> Token | None:
    """The "be" whose subject phrase is the competitor noun ("X's main competitor is") or "one/two/
    some of" it ("One of X's competitors is"); None otherwise, or when the copula is negated."""
    subj = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "nsubj":
        subj = noun.head.head
        if subj.pos_ != "NUM" and subj.lower_ not in ("some", "many", "several", "few"):
            return None
    if subj.dep_ != "nsubj" or subj.head.lemma_ != "be":
        return None
    cop = subj.head
    if any(c.dep_ == "neg" for c in cop.children):
        return None
    return cop


def _another(noun: Token) -> bool:
    """ "Another key competitor", "Other competitors", "A further rival"."""
    return any(c.lower_ in ("another", "other", "further", "additional") for c in noun.children)


def rival_owners(table: EntityTable, tok: Token, kinds: tuple[str, ...]) -> list[SpanRef]:
    """Whose rivals a rival noun names: "OpenAI's rivals", "OpenAI rivals", "rivals of/to OpenAI"."""
    refs = syntax.possessors(table, tok, kinds)
    for c in tok.children:
        if c.dep_ in ("compound", "nmod"):
            refs += syntax.denote(table, c, kinds)
        elif c.dep_ == "prep" and c.lower_ in ("of", "to") and c.i > tok.i:
            refs += [
                r for p in c.children if p.dep_ == "pobj" for r in syntax.denote(table, p, kinds, conj=True)
            ]
    return refs
