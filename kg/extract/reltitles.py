"""worksFor from job titles the small model often parses wrongly, read from the words:

- an organization's title in apposition after a person: "Dana Reyes, the former Zorb CEO turned
  investor, ..." / "Dana Reyes, Zorb senior partner and global lead of ..., said";
- a title after a copula: "Dana Reyes is the cofounder and executive VP of products at Zorb";
- a second title joined to the first: "Dana Reyes, CEO of Zorb, and co-founder of Qwell Labs";
- organizations coordinated before one title: "Zorb and Qwell CEO Dana Reyes" (both employers);
- a unit word between the organization and the title: "Zorb devices chief Dana Reyes", "Zorb's cloud
  VP Dana Reyes", "the company's new CEO Dana Reyes" (a resolved anaphor with its possessive).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.patterns import code_rule, lexicon
from kg.extract.relbase import Candidate
from kg.extract.relpeople import title_run_employer
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


ORG_TITLE = code_rule("kg.rel.worksFor.org-title-appositive.v1", "worksFor", 0.8, (PERSON,), (ORG,))
COPULA_TITLE = code_rule("kg.rel.worksFor.copula-title.v1", "worksFor", 0.75, (PERSON,), (ORG,))
SECOND_TITLE = code_rule("kg.rel.worksFor.second-title.v1", "worksFor", 0.75, (PERSON,), (ORG,))
UNIT_TITLE = code_rule("kg.rel.worksFor.unit-title.v1", "worksFor", 0.75, (PERSON,), (ORG,))
COORDINATED_TITLE = code_rule("kg.rel.worksFor.coordinated-title.v1", "worksFor", 0.75, (PERSON,), (ORG,))

# words that may stand between "Person," and the organization of "the former Zorb CEO"
_LEAD = frozenset({"the", "a", "an", "then", "now", "current", "former", "ex", "ex-", "onetime", "one-time"})
_FORMER = frozenset({"former", "ex", "ex-", "onetime", "one-time", "then"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
_COPULAS = frozenset({"is", "was"})
_SECOND_LEAD = frozenset({"now", "also", "a", "an", "the", "currently"})
MAX_UNIT_WORDS = 4
_COPULA_FILLER = frozenset({"also", "now", "currently", "still", "the", "a", "an", "former", "ex"})


def _title_run(doc: Doc, start: int, end: int) -> int:
    """The end of the run of title words from `start`, cut after its last core title ("senior
    partner and global ..." -> "senior partner"); `start` when it holds none."""
    titles, core = lexicon("title_words"), lexicon("core_titles")
    j = start
    last = start
    while j < end and doc[j].lower_ in titles:
        if doc[j].lower_ in core:
            last = j + 1
        j += 1
    return last


def _has_core(doc: Doc, start: int, end: int) -> bool:
    core = lexicon("core_titles")
    return any(doc[k].lower_ in core for k in range(start, end))


def org_title_appositions(sdoc: Doc, sent: Span, table: EntityTable) -> list[Candidate]:
    """ "A, the former Zorb CEO turned investor": a person, a comma, at most three of the/a/former,
    an organization and a run of title words holding a core title, not followed by a possessive
    ("A, the Zorb CEO's rival" says nothing about A)."""
    out = []
    for ref in table.in_range(sent.start, sent.end):
        if ref.kind != PERSON or ref.anaphor or ref.end >= sent.end or sdoc[ref.end].text != ",":
            continue
        i = ref.end + 1
        lead: list[str] = []
        while i < sent.end and sdoc[i].lower_ in _LEAD and len(lead) < 3:
            lead.append(sdoc[i].lower_)
            i += 1
        org = table.at_token(i) if i < sent.end else None
        if org is None or org.kind != ORG or org.anaphor or org.start != i:
            continue
        end = _title_run(sdoc, org.end, sent.end)
        if end == org.end:
            continue
        if end < sent.end and (sdoc[end].text in _POSSESSIVE or table.at_token(end) is not None):
            continue
        role = sdoc[org.end : end].text
        former = any(w in _FORMER for w in lead)
        out.append(Candidate(subject=ref, object=org, pattern=ORG_TITLE, sent=sent, role=role, former=former))
    return out


def copular_titles(sdoc: Doc, sent: Span, table: EntityTable) -> list[Candidate]:
    """ "A is the cofounder and executive VP of products at Zorb": a person, "is"/"was", then a long
    job title closed by "at"/"with" and the organization (read as relpeople.long_title_employer
    reads an apposition)."""
    out = []
    for ref in table.in_range(sent.start, sent.end):
        if ref.kind != PERSON or ref.anaphor or ref.end >= sent.end or sdoc[ref.end].lower_ not in _COPULAS:
            continue
        start = ref.end + 1
        former = False
        while start < sent.end and sdoc[start].lower_ in _COPULA_FILLER:
            former = former or sdoc[start].lower_ in _FORMER
            start += 1
        found = title_run_employer(table, sdoc, start, sent.end)
        if found is None:
            continue
        org, end = found
        cut = next((t.i for t in sdoc[start:end] if t.text == ","), end)
        role = sdoc[start:cut].text.strip() or None
        out.append(
            Candidate(subject=ref, object=org, pattern=COPULA_TITLE, sent=sent, role=role, former=former)
        )
    return out


def second_titles(sdoc: Doc, table: EntityTable, cands: list[Candidate]) -> list[Candidate]:
    """ "A, CEO of Zorb, and co-founder of Qwell": after an employer some rule found for A, "and" (a
    comma before it allowed), a title holding a core title, "of"/"at" and a second organization."""
    out = []
    for c in cands:
        if c.pattern.predicate != "worksFor" or c.subject.kind != PERSON or c.object.anaphor:
            continue
        if c.subject.end > c.object.start:
            continue  # only a title that follows the person: "A, CEO of Zorb, and ..."
        i = c.object.end
        end = c.sent.end
        if i < end and sdoc[i].lower_ in _POSSESSIVE:
            # "A, a former member of Zorb's safety team and cofounder of Qwell": the unit's words
            k = i + 1
            while k < end and k - i <= MAX_UNIT_WORDS and sdoc[k].is_alpha and sdoc[k].is_lower and (
                sdoc[k].lower_ != "and"
            ):
                k += 1
            i = k if k > i + 1 else i
        if i < end and sdoc[i].text == ",":
            i += 1
        if i >= end or sdoc[i].lower_ != "and":
            continue
        found = _title_then_org(sdoc, table, i + 1, end, c)
        if found is not None:
            out.append(found)
    return out


def _title_then_org(sdoc: Doc, table: EntityTable, start: int, end: int, c: Candidate) -> Candidate | None:
    titles = lexicon("title_words")
    while start < end and sdoc[start].lower_ in _SECOND_LEAD:
        start += 1  # "and now director of Qwell", "and a partner at Qwell"
    j = start
    while j < end and sdoc[j].lower_ in titles and sdoc[j].lower_ not in ("of", "and"):
        j += 1
        if j + 1 < end and sdoc[j].lower_ == "and" and sdoc[j + 1].lower_ in titles:
            j += 1  # "cofounder and executive director of Qwell"
    if j == start or j >= end or not _has_core(sdoc, start, j) or sdoc[j].lower_ not in ("of", "at"):
        return None
    k = j + 1 + (j + 1 < end and sdoc[j + 1].lower_ == "the")
    org = table.at_token(k) if k < end else None
    if org is None or org.kind != ORG or org.anaphor or org.start != k or org.key == c.object.key:
        return None
    role = sdoc[start:j].text
    return Candidate(subject=c.subject, object=org, pattern=SECOND_TITLE, sent=c.sent, role=role)


def coordinated_titles(sdoc: Doc, table: EntityTable, cands: list[Candidate]) -> list[Candidate]:
    """ "Zorb and Qwell CEO A" / "Zorb, Qwell and Bexa founder A": after an "<Org> <title> <Person>"
    some rule found, every organization joined to that one by "and"/"&"/commas right before it
    employs the person too (a person in the list stops it: "Ann Lee and Zorb CEO A" says nothing)."""
    titles = lexicon("title_words")
    out: list[Candidate] = []
    for c in cands:
        org, person = c.object, c.subject
        if c.pattern.predicate != "worksFor" or org.kind != ORG or org.anaphor or org.end > person.start:
            continue
        if org.end == person.start or not all(t.lower_ in titles for t in sdoc[org.end : person.start]):
            continue
        i = org.start - 1
        if i <= c.sent.start or sdoc[i].lower_ not in ("and", "&"):
            continue  # the organization next to the title must be the list's last, after "and"
        joined: list[SpanRef] = []
        while i > c.sent.start and sdoc[i].lower_ in ("and", "&", ","):
            if sdoc[i].lower_ == "and" and sdoc[i - 1].text == ",":
                i -= 1  # the serial comma of "A, B, and C"
            prev = table.at_token(i - 1)
            if prev is None or prev.end != i:
                break  # "On Monday, Zorb and Qwell CEO A": the list opens after the comma
            if prev.kind != ORG or prev.anaphor:
                joined = []  # the list holds something else ("signed by Ann Lee, Zorb and Qwell CEO A")
                break
            if prev.start > c.sent.start and sdoc[prev.start - 1].lower_ in ("of", "at", "for"):
                joined = []  # "A, CEO of Zorb, and Qwell founder B": Zorb closes A's apposition
                break
            joined.append(prev)
            i = prev.start - 1
        out.extend(
            Candidate(subject=person, object=o, pattern=COORDINATED_TITLE, sent=c.sent, role=c.role,
                      former=c.former)
            for o in joined
        )
    return out


def unit_titles(sdoc: Doc, sent: Span, table: EntityTable) -> list[Candidate]:
    """ "Zorb devices chief A" / "Zorb's cloud VP A": an organization (its possessive allowed), one or
    two lower-case nouns or adjectives that are no title words (a rival or company noun stops it:
    "the Zorb rival CEO A"), a run of title words holding a core title, then the person's name."""
    titles = lexicon("title_words")
    stop = lexicon("rival_nouns") | lexicon("org_nouns") | lexicon("former_words")
    out: list[Candidate] = []
    for org in table.in_range(sent.start, sent.end):
        owned = org.end < sent.end and sdoc[org.end].text in _POSSESSIVE
        if org.kind != ORG or org.anaphor and not owned:
            continue  # "the company's new CEO A" reads the anaphor; a bare "the company" before a title not
        i = org.end + owned
        unit = i
        while i < min(unit + 2, sent.end) and _unit_word(sdoc[i], titles, stop) and table.at_token(i) is None:
            i += 1
        if i == unit:
            continue
        end = i
        while end < sent.end and sdoc[end].lower_ in titles and sdoc[end].lower_ not in ("of", "and"):
            end += 1
        person = table.at_token(end) if end < sent.end else None
        if end == i or person is None or person.kind != PERSON or person.anaphor or person.start != end:
            continue
        if not _has_core(sdoc, i, end):
            continue
        prev = sdoc[org.start - 1].lower_ if org.start > sent.start else ""
        out.append(Candidate(subject=person, object=org, pattern=UNIT_TITLE, sent=sent,
                             role=sdoc[unit:end].text, former=prev in _FORMER))
    return out


# a plural unit word the tagger made a verb ("Zorb devices chief A") still modifies the title noun
_VERB_UNIT_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# hiring verbs the tagger may read as plural nouns: "Zorb names chief A" holds no unit
_HIRING_VERBS = frozenset({"names", "hires", "appoints", "taps", "promotes", "picks", "adds", "welcomes",
                           "elevates", "recruits", "nominates", "selects", "poaches", "loses"})


def _unit_word(tok: Token, titles: frozenset[str], stop: frozenset[str]) -> bool:
    if not tok.is_alpha or not tok.is_lower or tok.lower_ in titles or tok.lower_ in stop | _HIRING_VERBS:
        return False
    if tok.pos_ in ("NOUN", "ADJ"):
        return True
    # "Zorb devices chief A", not "Zorb hires chief A" (the verb heads the clause and its object)
    return tok.tag_ == "VBZ" and tok.lower_.endswith("s") and tok.dep_ in _VERB_UNIT_DEPS
