"""worksFor rules written in code, for what the patterns of relations.json cannot say: a long job
title in apposition ("A, executive director of research, drug discovery, at Acme") and a fronted
list of founders ("Founded in 2021 by A, B and C, Qwell ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.patterns import code_rule, lexicon
from kg.extract.relbase import Candidate
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON, PLACE, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


LONG_TITLE = code_rule("kg.rel.worksFor.long-title.v1", "worksFor", 0.75, (PERSON,), (ORG,))


def long_titles(sdoc: Doc, sent: Span, table: EntityTable) -> list[Candidate]:
    """ "A, executive director of research, drug discovery, at Acme": see long_title_employer."""
    out = []
    for ref in table.in_range(sent.start, sent.end):
        if ref.kind != PERSON or ref.anaphor:
            continue
        found = long_title_employer(table, sdoc, ref)
        if found is None:
            continue
        org, start, end = found
        words = sdoc[start:end]
        cut = next((t.i for t in words if t.text == ","), end)
        role = sdoc[start:cut].text.strip() or None
        lead = sdoc[ref.end + 1 : start]
        # the lead words ("the former ...") are the title's, a description's are not ("a longtime critic
        # of X and director of Y")
        title_words = [*lead, *sdoc[start:cut]] if all(t.lower_ in _TITLE_LEAD for t in lead) else [
            *sdoc[start:cut]
        ]
        former = any(t.lower_ in lexicon("former_words") or t.lower_ == "formerly" for t in title_words)
        out.append(
            Candidate(subject=ref, object=org, pattern=LONG_TITLE, sent=sent, role=role, former=former)
        )
    return out


_LONG_TITLE_STOP = frozenset({";", "(", ")", '"', "\u201c", "\u201d", "\u2014", "\u2013", ":"})
_LONG_TITLE_END = frozenset({",", ".", "in", "said", "says", "told", "and", "("})
LONG_TITLE_REACH = 25


def long_title_employer(table: EntityTable, doc: Doc, person: SpanRef) -> tuple[SpanRef, int, int] | None:
    """ "A, executive director of research, drug discovery, at Acme, said": the organization after
    "at" that closes a long job title in apposition to a person (the title may hold commas and unit
    names). Returns the organization and the title's token span [start, end), or None. The title
    must open with a title word within its first three words; a verb, another named entity, brackets
    or quotes before "at" stop the reading, and the organization must close the apposition."""
    sent_end = doc[person.start].sent.end
    i = person.end
    if i >= sent_end or doc[i].text != ",":
        return None
    start = title_start(doc, i + 1, sent_end)
    found = None if start is None else title_run_employer(table, doc, start, sent_end)
    return None if found is None or start is None else (found[0], start, found[1])


_TITLE_LEAD = frozenset({"the", "a", "an", "former", "ex", "ex-", "then", "now", "current", "longtime"})
DESCRIPTOR_REACH = 6
_AFTER_AND = frozenset({"a", "an", "the", "now", "also", "currently"})


def title_start(doc: Doc, start: int, sent_end: int) -> int | None:
    """Where the job title of an apposition opening at `start` begins: after leading "the"/"a"/
    "former" words, with a core title within its first three words ("the project management director
    of ..."); or the title coordinated after a short description ("an expert on robots and director
    of research at Acme": "director"). None when no title opens the apposition."""
    core = lexicon("core_titles")
    i = start
    while i < sent_end and doc[i].lower_ in _TITLE_LEAD and i - start < 3:
        i += 1
    if any(t.lower_ in core for t in doc[i : min(i + 3, sent_end)]):
        return i
    if i == start or i >= sent_end or doc[i].pos_ not in ("NOUN", "ADJ"):
        return None  # a description opens with "a"/"the" and a noun: "an expert on ..."
    for k in range(i + 1, min(i + DESCRIPTOR_REACH, sent_end - 1)):
        tok = doc[k]
        if tok.text in _LONG_TITLE_STOP or tok.text == "," or tok.pos_ in ("VERB", "AUX", "PROPN"):
            return None
        if tok.lower_ == "and":
            m = k + 1
            while m < sent_end and m - k <= 2 and doc[m].lower_ in _AFTER_AND:
                m += 1  # "and now CEO of", "and the director of"
            return m if any(t.lower_ in core for t in doc[m : min(m + 2, sent_end)]) else None
    return None


def title_run_employer(table: EntityTable, doc: Doc, start: int, sent_end: int) -> tuple[SpanRef, int] | None:
    """The organization after "at"/"with" that closes a job title starting at token `start` (a title
    word within its first three words; no verb, other entity, bracket or quote before "at"), and the
    token where the title ends; None when the words do not read so."""
    if not any(t.lower_ in lexicon("core_titles") for t in doc[start : min(start + 3, sent_end)]):
        return None
    titles = lexicon("title_words")
    j = start - 1
    while j + 1 < min(start + LONG_TITLE_REACH, sent_end - 1):
        j += 1
        tok = doc[j]
        if tok.lower_ in ("at", "with") and j > start:
            k = j + 1 + (j + 2 < sent_end and doc[j + 1].lower_ == "the")
            org = table.at_token(k)
            if org is None or org.kind != ORG or org.anaphor or org.start != k:
                return None
            after = doc[org.end] if org.end < sent_end else None
            if after is not None and after.lower_ not in _LONG_TITLE_END:
                return None
            return org, j
        ref = table.at_token(j)
        if ref is not None and ref.start == j and _unit_product(doc, ref, start):
            j = ref.end - 1  # "VP of Zephyra at Acme": the product the person heads, no stop
            continue
        if ref is not None or tok.text in _LONG_TITLE_STOP:
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.lower_ not in titles and tok.tag_ != "VBG":
            return None
    return None


def _unit_product(doc: Doc, ref: SpanRef, start: int) -> bool:
    """A named product right after the title's "of"/"for" ("VP of Zephyra at Acme"): the unit the
    person heads, not the employer and no stop of the title."""
    return ref.kind == PRODUCT and not ref.anaphor and ref.start > start and doc[ref.start - 1].lower_ in (
        "of", "for")


FOUNDED_LIST = code_rule("kg.rel.worksFor.founded-list.v1", "worksFor", 0.8, (PERSON,), (ORG,))
_FOUNDED_WORDS = frozenset({"founded", "co-founded", "cofounded", "started", "launched", "established"})
_LIST_FILLER = frozenset({",", "and", "&", "in", "back", "early", "late", "mid", "the"})
_DATE_LEAD = frozenset({"in", "back", "early", "late", "mid"})
_FOUNDED_LEAD = frozenset({"the", "team", "at", "behind", "company", "startup", "firm"})  # ", the team at X"


def fronted_founders(sdoc: Doc, sent: Span, table: EntityTable) -> list[Candidate]:
    """ "Founded in 2021 by A (former VP at P), B (...) and C, Qwell ...": every person of the list
    (brackets skipped) founded the organization named right after it. The small model's parse of
    such lists is unreliable, so the rule reads the words: only names, brackets, commas, "and" and a
    date may sit between "by" and the organization, which must be named (not "it")."""
    words = sent[:4]
    first = next((t for t in words if t.lower_ in _FOUNDED_WORDS), None)
    if first is None or any(
        t.is_alpha and t.lower_ not in ("originally", "first") for t in words if t.i < first.i
    ):
        return []
    by = next((t for t in sent[first.i - sent.start : first.i - sent.start + 8] if t.lower_ == "by"), None)
    if by is None:
        return []
    people: list[SpanRef] = []
    depth = 0
    i = by.i + 1
    while i < sent.end:
        tok = sdoc[i]
        if tok.text in ("(", "["):
            depth += 1
        elif tok.text in (")", "]"):
            depth -= 1
        elif depth == 0:
            ref = table.at_token(i)
            if ref is not None and ref.anaphor and not (people and ref.kind == ORG and tok.lower_ == "the"):
                ref = None  # "Founded by A and B, the company ...": the entity step's referent, never "it"
            if ref is not None and ref.start == i:
                if ref.kind == PERSON or (ref.kind == ORG and _list_goes_on(sdoc, table, ref, sent.end)):
                    if ref.kind == PERSON:  # a member the model typed an organization is no employer
                        people.append(ref)
                    i = ref.end
                    continue
                if ref.kind == PLACE and people:  # "..., the Redwood City, California-based X"
                    i = ref.end
                    continue
                lead = sdoc[people[-1].end : i] if people else sdoc[i:i]
                if lead and lead[0].text in ("(", "["):  # the last person's bracket: "C (...), X"
                    lead = lead[next((t.i - lead.start + 1 for t in lead if t.text in (")", "]")), 0) :]
                while lead and _date_word(lead[0]):
                    lead = lead[1:]  # "Founded by A and B in 2016, X": the date after the list
                if (
                    ref.kind == ORG
                    and lead
                    and lead[0].text == ","
                    and all(t.lower_ in _FOUNDED_LEAD or _place_word(table, t) for t in lead[1:])
                ):
                    return [
                        Candidate(subject=p, object=ref, pattern=FOUNDED_LIST, sent=sent, role="founder")
                        for p in people
                    ]
                return []
            if (
                tok.lower_ not in _LIST_FILLER | _FOUNDED_LEAD | _BASED_WORDS
                and not tok.like_num
                and tok.ent_type_ != "DATE"
            ):
                return []
        i += 1
    return []


_BASED_WORDS = frozenset({"-", "based", "headquartered"})


def _date_word(tok: Token) -> bool:
    return tok.lower_ in _DATE_LEAD or tok.like_num or tok.ent_type_ == "DATE" or tok.text == "-"


def _place_word(table: EntityTable, tok: Token) -> bool:
    """A word of "the Redwood City, California-based" before the founded organization."""
    ref = table.at_token(tok.i)
    return (ref is not None and ref.kind == PLACE) or tok.lower_ in _BASED_WORDS or tok.text == ","


def _list_goes_on(sdoc: Doc, table: EntityTable, ref: SpanRef, end: int) -> bool:
    """Whether a comma or "and" after the name leads to a person: the name is a member of the list."""
    i = ref.end
    while i < end and sdoc[i].lower_ in (",", "and", "&"):
        i += 1
    nxt = table.at_token(i) if i > ref.end and i < end else None
    return nxt is not None and nxt.kind == PERSON and nxt.start == i


REPORTED_TITLE = code_rule("kg.rel.worksFor.reported-title.v1", "worksFor", 0.7, (PERSON,), (ORG,))
_REPORTING = frozenset({"said", "says", "according", "explained", "noted", "added"})
_QUOTES = frozenset({'"', "\u201c", "\u201d"})
_TITLE_GLUE = frozenset({"and", "company"})
# the last word of a title that only the company's own leaders carry ("said analyst X" is no employee)
_EXECUTIVES = frozenset({"ceo", "cto", "coo", "cfo", "cio", "ciso", "cpo", "cmo", "president", "founder",
                         "cofounder", "co-founder", "chairman", "chairwoman", "chair", "officer"})


def reported_titles(sdoc: Doc, sent: Span, table: EntityTable) -> list[Candidate]:
    """ "Zorb has opened an office in Lyon, said CEO Dana Reyes" / "..., according to cofounder and CEO
    Dana Reyes": a bare title after a reporting verb names a job at the organization that is the
    subject of the sentence's main clause (named or "the company"), never one inside a quotation."""
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    refs = [(c, table.at_token(c.i)) for c in subjects]  # the parse may give "The Paris, France-based
    found = [(c, r) for c, r in refs if r is not None and r.kind == ORG]  # company" two subjects
    if len(found) != 1:
        return []
    subj, org = found[0]
    if sum(t.text in _QUOTES for t in sdoc[sent.start : subj.i]) % 2:
        return []
    out = []
    for ref in table.in_range(subj.i + 1, sent.end):
        if ref.kind != PERSON or ref.anaphor:
            continue
        i = ref.start - 1
        while i > subj.i and (sdoc[i].lower_ in lexicon("title_words") or sdoc[i].lower_ in _TITLE_GLUE):
            i -= 1
        words = sdoc[i + 1 : ref.start]
        if not words or words[-1].lower_ not in _EXECUTIVES:
            continue
        verb = sdoc[i - 1] if sdoc[i].lower_ == "to" and i > sent.start else sdoc[i]
        if verb.lower_ not in _REPORTING:
            continue
        after = sdoc[ref.end] if ref.end < sent.end else None
        if after is not None and after.lower_ in ("of", "at", "from", "for"):
            continue  # "said CEO Dana Reyes of Zorb": the other rules read that employer
        role = " ".join(t.text for t in words if t.lower_ != "company") or None
        out.append(Candidate(subject=ref, object=org, pattern=REPORTED_TITLE, sent=sent, role=role))
    return out
