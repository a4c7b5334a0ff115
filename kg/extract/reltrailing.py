"""worksFor from a bare executive title that closes a reported sentence: "Zorblin has opened an
office in Lyon, CEO Dana Reyes said." / "..., cofounder and CTO Tom Brek told reporters." The title
names no organization; the employer is the one organization that is the subject of the reported
clause before the comma (named, or "the company" / "it" resolved by the entity step).

The rule reads the words, not the parse, for the title and the reporting verb (the small model often
hangs "CEO X" on the place before the comma as a conjunct), and the parse only for the clause subject.
Nothing inside or after a quotation counts ("'We grew fast,' CEO X said": the quote speaks for "we").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.patterns import code_rule, lexicon
from kg.extract.relbase import Candidate
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from kg.extract.context import DocContext


TRAILING_TITLE = code_rule("kg.rel.worksFor.trailing-title.v1", "worksFor", 0.7, (PERSON,), (ORG,))
# the last word of a title that only the company's own leaders carry ("..., analyst X said" is not one)
_EXECUTIVES = frozenset({"ceo", "cto", "coo", "cfo", "cio", "ciso", "cpo", "cmo", "president", "founder",
                         "cofounder", "co-founder", "chairman", "chairwoman"})
_TITLE_GLUE = frozenset({"and", "&", "-", "co"})
_REPORTING = frozenset({"said", "says", "told", "tells", "added", "adds", "explained", "explains", "noted",
                        "notes", "wrote", "writes", "stated", "states"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})
_MAIN_CLAUSE = frozenset({"ROOT", "ccomp", "conj", "parataxis"})


def trailing_titles(sdoc: Doc, table: EntityTable, ctx: DocContext, sents: list[Span]) -> list[Candidate]:
    """Candidates for "<clause about ORG>, <executive title> <Person> said" in the given sentences."""
    out: list[Candidate] = []
    for sent in sents:
        if not ctx.in_body(sent):
            continue
        for ref in table.in_range(sent.start, sent.end):
            if ref.kind != PERSON or ref.anaphor:
                continue
            found = _title_before(sdoc, ref, sent)
            if found is None:
                continue
            comma, words = found
            org = _clause_company(sdoc, table, sent, comma)
            if org is None:
                continue
            role = words.text
            out.append(Candidate(subject=ref, object=org, pattern=TRAILING_TITLE, sent=sent, role=role))
    return out


def _is_executive(words: Span) -> bool:
    last = words[-1].lower_
    if last in _EXECUTIVES:
        return True
    return last in ("executive", "officer") and any(t.lower_ == "chief" for t in words)


def _title_before(sdoc: Doc, ref: SpanRef, sent: Span) -> tuple[int, Span] | None:
    """The comma and the bare title of ", CEO X said": title words only between a comma and the name,
    a reporting verb right after the name. None when the words do not read so."""
    after = ref.end
    if after >= sent.end or sdoc[after].lower_ not in _REPORTING:
        return None
    titles = lexicon("title_words")
    i = ref.start - 1
    while i > sent.start and (sdoc[i].lower_ in titles or sdoc[i].lower_ in _TITLE_GLUE):
        if sdoc[i].lower_ in ("of", "at", "for"):
            return None
        i -= 1
    words = sdoc[i + 1 : ref.start]
    if words and words[0].lower_ == "and" and sdoc[i].text == ",":
        words = words[1:]  # "Zorb raised $5 million, and CEO X said ..."
    if not words or _glue_first(words) or sdoc[i].text != "," or not _is_executive(words):
        return None
    if any(t.text in _QUOTES for t in sdoc[sent.start : i]):
        return None
    return i, words


def _glue_first(words: Span) -> bool:
    """Whether the title opens with a glue word; "co" of a split "co-founder" is the title's start."""
    if words[0].lower_ == "co" and len(words) > 1 and words[1].text == "-":
        return False
    return words[0].lower_ in _TITLE_GLUE


def _clause_company(sdoc: Doc, table: EntityTable, sent: Span, comma: int) -> SpanRef | None:
    """The one organization that is the subject of a main clause before the comma."""
    found: dict[str, SpanRef] = {}
    for tok in sdoc[sent.start : comma]:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ not in _MAIN_CLAUSE:
            continue
        if not tok.head.i < comma:
            continue
        for ref in syntax.denote(table, tok, (ORG,)):
            if ref.kind == ORG:
                found.setdefault(ref.key, ref)
    if len(found) != 1:
        return None
    return next(iter(found.values()))
