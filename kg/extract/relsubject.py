"""worksFor from a bare executive title that names no organization, in an article about one company:
"Dana Reyes, the chief executive, announced ..." / "the features co-founder Dana Reyes showed off".
The employer is the document's subject company, and only when that is unambiguous: the organization
mentioned most, at least `DOMINANCE` times as often as any other, and the latest organization the
text names (or refers to) outside quotations in the sentence or the one before (or none there).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kg.extract.patterns import code_rule, lexicon
from kg.extract.relbase import Candidate
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.extract.context import DocContext


SUBJECT_TITLE = code_rule("kg.rel.worksFor.subject-title.v1", "worksFor", 0.7, (PERSON,), (ORG,))
MIN_MENTIONS = 3
DOMINANCE = 2
# the last word of a title only the company's own leaders carry ("the analyst X" is nobody's employee)
_EXECUTIVES = frozenset({"ceo", "cto", "coo", "cfo", "cio", "ciso", "cpo", "cmo", "president", "founder",
                         "cofounder", "co-founder", "chairman", "chairwoman"})
_TITLE_GLUE = frozenset({"and", "-", "co"})
# words that may stand right before a fronted bare title: "the ones co-founder X showed"
_BEFORE_TITLE_STOP = frozenset({"'s", "\u2019s", "of", "at", "for", "from", "by", "former", "ex", "a", "an"})


def subject_titles(sdoc: Doc, table: EntityTable, ctx: DocContext, done: set[str]) -> list[Candidate]:
    """Candidates for the people of a bare executive title (see the module docstring); `done` holds
    the people some other rule already gives an employer, who are skipped."""
    org = _subject_company(table)
    if org is None:
        return []
    out: list[Candidate] = []
    for ref in table.spans:
        if ref.kind != PERSON or ref.anaphor or ref.key in done:
            continue
        sent = sdoc[ref.start].sent
        if not ctx.in_body(sent):
            continue
        words = _appositive_title(sdoc, ref, sent) or _fronted_title(sdoc, table, ref, sent)
        if words is None:
            continue
        near = _latest_org(table, sdoc, sent, ref.start)
        if near is None:  # no organization named around the quote: the article's company speaks
            near = next((r for r in table.spans if r.key == org and not r.anaphor), None)
        if near is None or near.key != org:
            continue
        role = words.text
        out.append(Candidate(subject=ref, object=near, pattern=SUBJECT_TITLE, sent=sent, role=role))
        done.add(ref.key)
    return out


def _subject_company(table: EntityTable) -> str | None:
    counts = Counter(r.key for r in table.spans if r.kind == ORG)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]:
        return None
    return ranked[0][0]


def _is_executive(words: Span) -> bool:
    last = words[-1].lower_
    if last in _EXECUTIVES:
        return True
    # "chief executive", "chief financial officer"
    return last in ("executive", "officer") and len(words) > 1 and any(t.lower_ == "chief" for t in words)


def _is_company_word(tok: Token) -> bool:
    """The bare noun "company" right before a title ("company spokesperson X", "X, company
    cofounder and CEO,"): the title is the subject company's, whatever the title; never after a
    describing word ("its parent company CEO", "portfolio company founder X")."""
    doc = tok.doc
    if tok.lower_ != "company" or tok.i + 1 >= len(doc):
        return False
    if doc[tok.i + 1].lower_ not in lexicon("title_words"):
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return prev is None or prev.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "PRON") and prev.tag_ != "PRP$"


def _is_staff(words: Span) -> bool:
    """A title of someone the company employs: "spokesperson", "head of research"."""
    return any(t.lower_ in lexicon("core_titles") for t in words)


def _appositive_title(sdoc: Doc, ref: SpanRef, sent: Span) -> Span | None:
    """ "X, the chief executive, said" / "said X, chief financial officer, in a call": title words
    only (after an optional "the"), then a comma."""
    i = ref.end
    if i + 2 >= sent.end or sdoc[i].text != ",":
        return None
    first = i + 1 + (sdoc[i + 1].lower_ == "the")
    company = _is_company_word(sdoc[first])  # "X, company cofounder and CEO, said"
    first += company
    j = first
    titles = lexicon("title_words")
    while j < sent.end and (sdoc[j].lower_ in titles and sdoc[j].lower_ not in ("of", "at", "for")):
        j += 1
    if j == first or j >= sent.end or sdoc[j].text != ",":
        return None
    if first == i + 1 and j + 1 < sent.end and sdoc[j + 1].pos_ == "PROPN":
        return None  # "A, CEO, Zorblin B, CTO, Qwell": a list of names and employers, read elsewhere
    words = sdoc[first:j]
    return words if _is_executive(words) or company and _is_staff(words) else None


def _fronted_title(sdoc: Doc, table: EntityTable, ref: SpanRef, sent: Span) -> Span | None:
    """ "... co-founder X showed off": a bare executive title right before the name, with no
    organization, possessive or article before it."""
    titles = lexicon("title_words")
    i = ref.start - 1
    while i >= sent.start and (sdoc[i].lower_ in titles or sdoc[i].lower_ in _TITLE_GLUE):
        if sdoc[i].lower_ == "of" or (sdoc[i].is_title and i != sent.start):
            return None  # "Chief Executive X" in capitals is a headline or a name run
        i -= 1
    words = sdoc[i + 1 : ref.start]
    company = i >= sent.start and _is_company_word(sdoc[i])
    if not words or not (_is_executive(words) or company and _is_staff(words)):
        return None
    if [t.lower_ for t in words if t.text != "-"] == ["president"]:
        return None  # a bare "President X" / "then-president X" before a name is a head of state
    before: Token | None = sdoc[i] if i >= sent.start and not company else None
    if before is not None and before.lower_ == "company":
        return None  # "its parent company CEO X": a described company, not the subject one
    if before is not None and (
        before.lower_ in _BEFORE_TITLE_STOP or table.at_token(i) is not None or before.pos_ == "PROPN"
    ):
        return None  # "Acme co-founder X" and "a co-founder of ..." are read by other rules
    after = sdoc[ref.end] if ref.end < sent.end else None
    if after is not None and after.lower_ in ("of", "at", "from", "for", ","):
        return None  # "CEO X of Zorb" / "CEO X, who ..." is read by other rules
    return words


def _latest_org(table: EntityTable, sdoc: Doc, sent: Span, i: int) -> SpanRef | None:
    """The last organization mention (named or an anaphor) before token i, in the sentence or the one
    before it."""
    start = sent.start
    if start > 0:
        start = sdoc[start - 1].sent.start
    quoted = _quoted_tokens(sdoc, start, i)
    found = [r for r in table.in_range(start, i) if r.kind == ORG and r.start not in quoted]
    return found[-1] if found else None


_QUOTES = frozenset({'"', "\u201c", "\u201d"})


def _quoted_tokens(sdoc: Doc, start: int, end: int) -> set[int]:
    """Tokens inside quotation marks in [start, end): a name a speaker quotes is not the speaker's
    employer ("'... for developers at Intuit,' CTO X told ...")."""
    inside = False
    out: set[int] = set()
    for tok in sdoc[start:end]:
        if tok.text in _QUOTES:
            inside = tok.text != "\u201d" and (tok.text == "\u201c" or not inside)
            continue
        if inside:
            out.add(tok.i)
    return out
