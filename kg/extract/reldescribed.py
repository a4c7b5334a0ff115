"""worksFor where describing words stand between a job title and the organization: "Tara Velo,
co-founder and CEO of medical imaging startup Quorvix Labs, said" / "Jon Pell, founding director at
policy think tank the Brightline Institute". The small model hangs the name on the describing noun
(or on nothing), so the rule reads the words: a person, a comma (or "is"/"was"), an optional
article or "former", a run of title words holding a core title, "of"/"at"/"for", at most five
lower-case describing words ending in an organization noun, an optional "the", and the
organization, which must close the phrase (a comma, a full stop, "and", a reporting verb ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.patterns import code_rule, lexicon
from kg.extract.relbase import Candidate
from kg.extract.relpeople import title_start
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


DESCRIBED_EMPLOYER = code_rule("kg.rel.worksFor.described-employer.v1", "worksFor", 0.75, (PERSON,), (ORG,))
_LEAD = frozenset({"the", "a", "an", "former", "ex", "ex-", "now", "current"})
_FORMER = frozenset({"former", "ex", "ex-"})
_GLUE = frozenset({"and", "&"})
_LINKS = frozenset({",", "is", "was"})  # "A, CEO of ..." / "A is the CEO of ..."
_PREPS = frozenset({"of", "at", "for"})
# describing nouns besides lexicon("org_nouns") that name a kind of organization
_MORE_HEADS = frozenset({"platform", "consultancy", "tank", "foundation", "center", "centre", "school",
                         "network", "collective", "coalition", "alliance", "society", "association",
                         "bank", "incubator", "accelerator", "agency", "insurer", "lender", "retailer",
                         "manufacturer", "chipmaker", "automaker", "marketplace", "consortium"})
_CLOSERS = frozenset({",", ".", "and", ";", ":", "who", "which", "in", "said", "says", "told", "added",
                      ")", "(", "\u2014", "\u2013", "-"})
MAX_TITLE = 10
MAX_DESCRIBING = 5


def described_employers(sdoc: Doc, sent: Span, table: EntityTable) -> list[Candidate]:
    """Candidates for "Person, <title> of/at <describing words> ORG" in one sentence."""
    out = []
    for ref in table.in_range(sent.start, sent.end):
        if ref.kind != PERSON or ref.anaphor or ref.end >= sent.end or sdoc[ref.end].lower_ not in _LINKS:
            continue
        found = _read(sdoc, table, ref, sent.end)
        if found is None:
            continue
        org, role, former = found
        former = former or sdoc[ref.end].lower_ == "was"
        out.append(
            Candidate(
                subject=ref, object=org, pattern=DESCRIBED_EMPLOYER, sent=sent, role=role, former=former
            )
        )
    return out


def _read(sdoc: Doc, table: EntityTable, person: SpanRef, end: int) -> tuple[SpanRef, str, bool] | None:
    titles, core = lexicon("title_words"), lexicon("core_titles")
    i = person.end + 1
    former = False
    while i < end and i < person.end + 3 and sdoc[i].lower_ in _LEAD:
        former = former or sdoc[i].lower_ in _FORMER
        i += 1
    start = i
    if start >= end or sdoc[start].lower_ not in titles:
        # "A, a former prosecutor and now CEO of security startup Zorb": the title after a description
        # (whose "former" is not the title's)
        start = title_start(sdoc, person.end + 1, end) or end
        former = False
        if start >= end or sdoc[start].lower_ not in titles:
            return None
    for p in range(start + 1, min(start + MAX_TITLE, end)):
        tok = sdoc[p]
        if tok.lower_ in _PREPS:
            words = sdoc[start:p]
            if any(t.lower_ in core for t in words):
                org = _described_org(sdoc, table, p + 1, end)
                if org is not None:
                    return org, words.text, former
        if tok.lower_ not in titles and tok.lower_ not in _GLUE:
            return None
    return None


def _is_describing(word: str, text: str) -> bool:
    """A lower-case describing word ("medical", "think", "tech-focused") or a short acronym ("AI",
    "SaaS")."""
    if not (word.isalpha() or "-" in word):
        return False
    if text.islower() or text == "-":
        return True
    # "AI", "SaaS": short acronyms, never a capitalised word ("Kandoo")
    return len(text) <= 5 and text[0].isupper() and any(c.isupper() for c in text[1:])


def _described_org(sdoc: Doc, table: EntityTable, i: int, end: int) -> SpanRef | None:
    """The organization after "[the] <describing words ending in an organization noun> [the]"."""
    if i < end and sdoc[i].lower_ in ("the", "a", "an"):
        i += 1
    heads = lexicon("org_nouns") | _MORE_HEADS
    j = i
    while j < end and j - i < MAX_DESCRIBING and table.at_token(j) is None:
        tok = sdoc[j]
        if not _is_describing(tok.lower_, tok.text) or tok.pos_ in ("AUX", "ADP", "DET", "PRON", "CCONJ"):
            if tok.lower_ == "the" and j > i:
                break
            return None
        j += 1
    if j == i or sdoc[j - 1].lower_ not in heads:
        return None
    if j < end and sdoc[j].lower_ == "the":
        j += 1
    org = table.at_token(j) if j < end else None
    if org is None or org.kind != ORG or org.anaphor or org.start != j:
        return None
    if org.end < end and sdoc[org.end].lower_ not in _CLOSERS:
        return None
    return org
