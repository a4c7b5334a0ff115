"""competesWith from clauses of contest that the verb patterns of relations.json miss:

- two named sides as the coordinated subject of a contest verb with no other side named: "Zentrik
  and Quorvex are racing to ...", "A and B compete for ...", "A and B vie with each other";
- the two named sides of a contest noun with "between": "the race between A and B", "the rivalry
  between A and B" (not a legal or court battle);
- a contest participle on a name: "Zentrik's Pallio, competing against Quorvex's Brimo";
- the names a copula or "include" gives the unnamed rivals a contest clause describes: "Vendors
  competing with Zentrik are Quorvex and Pallora", "Firms that compete with Zentrik include Quorvex";
- a contest verb after an adjective of readiness: "Zentrik is willing/able/poised to compete with Quorvex";
- every name of a rival list: "Zentrik, like its rivals Quorvex and Pallora, ..." (the surface pattern
  of relations.json takes the first name only);
- "CEO of Zentrik, which competes with Quorvex": "which" never stands for a person, so where the parse
  hangs the relative clause on the person, the company written right before ", which" is the side.

Sentences are found by a regular expression on the text, so the rule costs nothing on articles without
the words. Both sides are organizations or both products.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import relrivals, syntax
from kg.extract.patterns import RelationPattern, code_rule
from kg.extract.relbase import Candidate
from kg.extract.sentences import doc_text
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.extract.context import DocContext
    from kg.extract.table import EntityTable, SpanRef


KINDS = (ORG, PRODUCT)
COORDINATED = code_rule("kg.rel.competesWith.coordinated.v1", "competesWith", 0.75, KINDS, KINDS, type="dep")
BETWEEN = code_rule("kg.rel.competesWith.between.v1", "competesWith", 0.75, KINDS, KINDS, type="dep")
PARTICIPLE = code_rule("kg.rel.competesWith.participle.v1", "competesWith", 0.75, KINDS, KINDS, type="dep")
LISTED = code_rule("kg.rel.competesWith.listed.v1", "competesWith", 0.75, KINDS, KINDS, type="dep")
RIVAL_LIST = code_rule("kg.rel.competesWith.rival-list.v1", "competesWith", 0.75, KINDS, KINDS, type="dep")
READY = code_rule("kg.rel.competesWith.ready-to.v1", "competesWith", 0.75, KINDS, KINDS, type="dep")
WHICH = code_rule("kg.rel.competesWith.which-comma.v1", "competesWith", 0.75, KINDS, KINDS, type="dep")

_RE = re.compile(
    r"\b(?:compet(?:e|es|ed|ing|ition)|vie[sd]?|vying|rac(?:e|es|ed|ing)|battl(?:e|es|ed|ing)"
    r"|rival(?:s|ed|led|ry)?|competitors|challengers|showdown|duel)\b",
    re.IGNORECASE,
)
_VERBS = ("compete", "vie", "race", "battle")
_RIVAL_VERBS = ("rival", "rivals", "rivaled", "rivalled")
_RIVAL_PLURALS = ("rivals", "competitors", "challengers")
_NOUNS = ("race", "competition", "rivalry", "battle", "showdown", "duel")
_NOT_CONTEST = ("legal", "court", "patent", "copyright", "custody", "proxy", "antitrust", "trademark")
_EACH_OTHER = ("each", "one", "another", "other")


def contest_clauses(sdoc: Doc, table: EntityTable, ctx: DocContext) -> list[Candidate]:
    """One candidate per pair of sides a contest clause names (see the module doc)."""
    out: list[Candidate] = []
    for m in _RE.finditer(doc_text(sdoc)):
        span = sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or len(span) != 1 or not ctx.in_body(span[0].sent):
            continue
        tok = span[0]
        if tok.pos_ == "VERB" and _negated(tok):
            continue
        found: list[tuple[list[tuple[SpanRef, SpanRef]], RelationPattern]] = []
        if tok.pos_ == "VERB" and tok.lemma_ in _VERBS:
            found = [
                (_ready(table, tok), READY),
                (_coordinated(table, tok), COORDINATED),
                (_participle(table, tok), PARTICIPLE),
                (_which(table, tok), WHICH),
                (_listed(table, tok), LISTED),
            ]
        elif tok.pos_ == "VERB" and tok.lower_ in _RIVAL_VERBS:
            found = [(_which(table, tok), WHICH)]
        elif tok.pos_ == "NOUN" and tok.lemma_ in _NOUNS:
            found = [(_between(table, tok), BETWEEN)]
        elif tok.pos_ == "NOUN" and tok.lower_ in _RIVAL_PLURALS:
            found = [(_rival_list(table, tok), RIVAL_LIST)]
        for pairs, pat in found:
            out.extend(Candidate(subject=s, object=o, pattern=pat, sent=tok.sent) for s, o in pairs)
    return out


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _same_kind(refs: list[SpanRef]) -> list[SpanRef]:
    """Named sides only, one of each entity, all of one kind (a company and a product are no pair)."""
    seen: dict[str, SpanRef] = {}
    for r in refs:
        if not r.anaphor and r.kind in KINDS:
            seen.setdefault(r.key, r)
    named = list(seen.values())
    return named if len({r.kind for r in named}) == 1 else []


def _pairs(refs: list[SpanRef]) -> list[tuple[SpanRef, SpanRef]]:
    sides = _same_kind(refs)
    return [(a, b) for i, a in enumerate(sides) for b in sides[i + 1 :]]


def _others(table: EntityTable, verb: Token) -> list[SpanRef] | None:
    """The sides a "with/against" phrase or object names; None where it names "each other" or no one."""
    refs: list[SpanRef] = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "against"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ not in _EACH_OTHER:
                    refs += syntax.denote(table, p, KINDS, conj=True)
        elif c.dep_ == "dobj" and c.lower_ not in _EACH_OTHER:
            refs += syntax.denote(table, c, KINDS, conj=True)
    return refs or None


def _has_other_side(verb: Token) -> bool:
    """A "with/against" phrase that is not "each other": the verb patterns pair the subject with it."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("with", "against")
        and not any(p.dep_ == "pobj" and p.lower_ in _EACH_OTHER for p in c.children)
        for c in verb.children
    )


def _coordinated(table: EntityTable, verb: Token) -> list[tuple[SpanRef, SpanRef]]:
    """ "A and B are racing to ...": the coordinated subject, when no other side is named."""
    if verb.dep_ in ("acl", "relcl") or _has_other_side(verb):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.conjuncts]
    if verb.dep_ == "xcomp" and not subjects:  # "A and B continue to compete"
        subjects = [c for c in _raised(verb).children if c.dep_ == "nsubj" and c.conjuncts]
    refs = [r for s in subjects for r in syntax.denote(table, s, KINDS, conj=True)]
    if any(r.anaphor for r in refs):
        return []
    return _pairs(refs)


def _participle(table: EntityTable, verb: Token) -> list[tuple[SpanRef, SpanRef]]:
    """ "Zentrik's Pallio competing against Quorvex's Brimo": the name the participle hangs on."""
    if verb.tag_ != "VBG" or verb.head.i > verb.i or any(c.dep_ == "nsubj" for c in verb.children):
        return []
    if verb.dep_ == "acl":
        heads = [r for r in syntax.denote(table, verb.head, KINDS) if not r.anaphor]
    elif verb.dep_ == "advcl":  # "it was Zentrik's Pallio competing against ...": the name right before
        near = syntax.mention_before(table, verb, gap=0)
        heads = [near] if near is not None else []
    else:
        return []
    if len(heads) != 1:
        return []
    head = heads[0]
    others = [r for r in _others(table, verb) or [] if r.kind == head.kind and r.key != head.key]
    return [(head, o) for o in _same_kind(others)]


def _which(table: EntityTable, verb: Token) -> list[tuple[SpanRef, SpanRef]]:
    """ "CEO of Zentrik, which competes with Quorvex": the parse hung "which" on the person."""
    if verb.dep_ != "relcl":
        return []
    rel = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "which"), None)
    if rel is None or syntax.denote(table, verb.head, KINDS):
        return []
    doc = verb.doc
    if rel.i < 2 or doc[rel.i - 1].text != ",":
        return []
    side = table.at_token(rel.i - 2)
    if side is None or side.anaphor or side.kind not in KINDS or side.end != rel.i - 1:
        return []
    others = [r for r in _others(table, verb) or [] if r.kind == side.kind and r.key != side.key]
    return [(side, o) for o in _same_kind(others)]


def _between(table: EntityTable, noun: Token) -> list[tuple[SpanRef, SpanRef]]:
    """ "the race between A and B" (not "a legal battle between A and B")."""
    if any(c.lower_ in _NOT_CONTEST for c in noun.children):
        return []
    refs = [
        r
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "between"
        for p in c.children
        if p.dep_ == "pobj"
        for r in syntax.denote(table, p, KINDS, conj=True)
    ]
    return _pairs(refs)


def _listed(table: EntityTable, verb: Token) -> list[tuple[SpanRef, SpanRef]]:
    """ "Other vendors competing with Zentrik are Quorvex and Pallora": the contest clause describes an
    unnamed subject whose copula or "include" names the sides."""
    if verb.dep_ not in ("acl", "relcl") or verb.head.i > verb.i:
        return []
    relative = any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in verb.children)
    if verb.dep_ == "relcl" and not relative:
        return []
    noun = verb.head
    if noun.dep_ != "nsubj" or noun.pos_ != "NOUN" or table.at_token(noun.i) is not None:
        return []
    main = noun.head
    if main.lemma_ not in ("be", "include") or _negated(main):
        return []
    sides = [
        r for c in main.children if c.dep_ in ("attr", "dobj") and c.i > verb.i
        for r in syntax.denote(table, c, KINDS, conj=True)
    ]
    others = _others(table, verb) or []
    kinds = {r.kind for r in others}
    return [(s, o) for s in _same_kind([r for r in sides if r.kind in kinds]) for o in _same_kind(others)
            if s.key != o.key and s.kind == o.kind]


def _raised(verb: Token) -> Token:
    """The clause an infinitive belongs to: "Zentrik is able to compete" -> "is" (through the adjective)."""
    head = verb.head
    return head.head if head.dep_ == "acomp" else head


def _ready(table: EntityTable, verb: Token) -> list[tuple[SpanRef, SpanRef]]:
    """ "Zentrik is willing to compete with Quorvex": the subject of the copula the adjective completes."""
    if verb.dep_ != "xcomp" or verb.head.dep_ != "acomp" or _negated(verb.head.head):
        return []
    subjects = [
        r for c in verb.head.head.children if c.dep_ == "nsubj"
        for r in syntax.denote(table, c, KINDS, conj=True) if not r.anaphor
    ]
    others = _others(table, verb) or []
    return [
        (s, o)
        for s in _same_kind(subjects)
        for o in _same_kind(others)
        if s.kind == o.kind and s.key != o.key
    ]


def _rival_list(table: EntityTable, noun: Token) -> list[tuple[SpanRef, SpanRef]]:
    """ "Zentrik, like its rivals Quorvex and Pallora, ...": every name of the list right after the noun."""
    first = table.at_token(noun.i + 1) if noun.i + 1 < noun.sent.end else None
    if first is None or first.anaphor or first.start != noun.i + 1:
        return []
    doc = noun.doc
    head = next((t for t in doc[first.start : first.end] if not first.start <= t.head.i < first.end), None)
    if head is None:
        return []
    rivals = [r for r in syntax.denote(table, head, KINDS, conj=True) if not r.anaphor]
    owners = [r for r in relrivals.rival_owners(table, noun, KINDS) if r.kind in KINDS]
    return [(o, r) for o in owners for r in _same_kind(rivals) if o.kind == r.kind and o.key != r.key]
