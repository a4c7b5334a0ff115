"""First-person deal parties inside a quotation: in "“We formed our partnership with Y,” said A, X's
chief executive" the "we"/"our" that forms, signs or owns the deal is the speaker's organization: the
employer the text states for a quoted person, or the organization that is the subject of the saying
verb ("X said: “we have acquired Y”"). Only the sentence holding the quotation is read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.argbase import Args, governing_verb
from kg.extract.patterns import Trigger
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FIRST_PERSON = frozenset({"we", "our", "us"})
SAY_LEMMAS = frozenset({"say", "tell", "add", "explain", "note", "write", "state", "comment", "remark"})
QUOTES = frozenset({"“", "”", '"', "‘", "’"})


def _subject_role(trig: Trigger) -> str:
    """The role the subject or possessor of a deal trigger plays ("we raised", "our partnership")."""
    if trig.type == "Acquisition":
        return "agent"
    if trig.type == "Investment":
        return "recipient" if trig.needs_amount else "investor"
    return "agent"


def _first_person_slot(tok: Token, trig: Trigger) -> bool:
    """Whether "we"/"our" is the trigger's own subject or possessor, or the subject of the verb that
    governs a deal noun ("we signed a deal", "our partnership", "we partnered with Y")."""
    slots = [c for c in tok.children if c.dep_ in ("nsubj", "poss")]
    if trig.pos == "noun":
        gov = governing_verb(tok)
        if gov is not None and gov.i == tok.head.i:
            slots += [c for c in gov.children if c.dep_ == "nsubj"]
    return any(s.lower_ in FIRST_PERSON for s in slots)


def _quoted(sent: Span, tok: Token) -> bool:
    """Whether the sentence carries a quotation and the trigger lies in it: an odd number of quote
    marks before the trigger, or one quote mark after it and none before ("... Y,” said A")."""
    before = sum(1 for t in sent if t.i < tok.i and t.text in QUOTES and t.text not in ("’",))
    after = sum(1 for t in sent if t.i > tok.i and t.text in QUOTES and t.text not in ("’",))
    return before % 2 == 1 or (before == 0 and after % 2 == 1)


def speaker_org(
    table: EntityTable, tok: Token, employer: dict[str, str], ref_for: dict[str, SpanRef]
) -> SpanRef | None:
    """The organization of the person (or the organization itself) that says the quoted sentence."""
    sent = tok.sent
    for verb in sent:
        if verb.lemma_ not in SAY_LEMMAS or verb.pos_ not in ("VERB", "AUX"):
            continue
        for subj in (c for c in verb.children if c.dep_ == "nsubj" and not c.is_ancestor(tok)):
            ref = syntax.mention(table, subj)
            if ref is None or ref.anaphor:
                continue
            if ref.kind == ORG:
                return ref
            if ref.kind == PERSON and ref.key in employer:
                return ref_for.get(employer[ref.key])
    return None


def fill_speaker(
    tok: Token, trig: Trigger, a: Args, table: EntityTable, employer: dict[str, str]
) -> None:
    """Add the speaker's organization as the side a quoted "we"/"our" takes, when that side names no
    entity of its own and the organization is not already the other side."""
    role = _subject_role(trig)
    if a.get(role) or not _first_person_slot(tok, trig) or not _quoted(tok.sent, tok):
        return
    firsts: dict[str, SpanRef] = {}
    for ref in table.spans:
        if not ref.anaphor:
            firsts.setdefault(ref.key, ref)
    org = speaker_org(table, tok, employer, firsts)
    taken = a.keys()
    if org is None or org.kind != ORG or org.key in taken:
        return
    a.add(role, [org])
    a.unfilled.discard(role)
