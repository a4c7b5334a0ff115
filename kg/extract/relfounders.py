"""worksFor with a founder's role, read where the founding verb's words are split or the patterns
have no title to read the role from:

- the role of a founding verb: "A cofounded Zorb" -> co-founder, "A founded/started Zorb" -> founder
  (`founder_role`, read by relations.py for the founded and founded-by patterns);
- "co-founded" that the tokenizer splits in three ("co", "-", "founded") so the parse hangs the
  subject on "co" and the organization on "founded" (`split_cofounded`: "A co-founded Zorb in 2019",
  "A, who co-founded the startup Zorb, said").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import clauses
from kg.extract.patterns import code_rule, lexicon
from kg.extract.relbase import Candidate
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPLIT_COFOUNDED = code_rule("kg.rel.worksFor.founded.v1", "worksFor", 0.8, (PERSON,), (ORG,))
FOUNDED_RULES = frozenset({"kg.rel.worksFor.founded.v1", "kg.rel.worksFor.founded-by.v1"})
_FOUND_FORMS = frozenset({"found", "founded", "founds", "founding"})
_OBJECT_LEAD = frozenset({"the", "a", "an", "its", "his", "her", "their"})


def founder_role(verb: Token) -> str:
    """ "co-founder" for cofound/co-found (also split: "co", "-", "founded"), else "founder"."""
    if verb.lower_.startswith("co"):
        return "co-founder"
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "co":
        return "co-founder"
    return "founder"


def split_cofounded(sdoc: Doc, sent: Span, table: EntityTable) -> list[Candidate]:
    """ "A co-founded Zorb" tokenized "co - founded": the person subject of "co" (or of "founded"),
    the organization right after "founded" (an article and organization nouns may stand between)."""
    out: list[Candidate] = []
    for tok in sent:
        if tok.lower_ != "co" or tok.i + 2 >= sent.end or sdoc[tok.i + 1].text != "-":
            continue
        verb = sdoc[tok.i + 2]
        if verb.lower_ not in _FOUND_FORMS:
            continue
        org = _org_after(sdoc, table, verb.i + 1, sent.end)
        if org is None:
            continue
        people = _people(table, clauses.subject_tokens(tok) or clauses.subject_tokens(verb))
        out.extend(
            Candidate(subject=p, object=org, pattern=SPLIT_COFOUNDED, sent=sent, role="co-founder")
            for p in people
        )
    return out


def _org_after(sdoc: Doc, table: EntityTable, start: int, end: int) -> SpanRef | None:
    org_nouns = lexicon("org_nouns")
    i = start
    while i < min(start + 3, end) and (sdoc[i].lower_ in _OBJECT_LEAD or sdoc[i].lower_ in org_nouns):
        i += 1
    ref = table.at_token(i) if i < end else None
    if ref is None or ref.kind != ORG or ref.anaphor or ref.start != i:
        return None
    return ref


def _people(table: EntityTable, toks: list[Token]) -> list[SpanRef]:
    out = []
    for t in toks:
        ref = table.at_token(t.i)
        if ref is not None and ref.kind == PERSON and not ref.anaphor:
            out.append(ref)
    return out
