"""Sides of personnel and legal events that the parse puts in the wrong place: a headline's reduced
passive ("A fired as CEO of Y": the parse makes A the firer), a suit a named party files under its own
possessive pronoun ("A filed her lawsuit"), and a suit someone is hit or slapped with ("Y was hit with
a lawsuit by Z", "Z hit Y with a lawsuit")."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.extract import syntax
from kg.extract.argbase import Args, governing_verb, light_verb
from kg.extract.patterns import TRIGGERS, Trigger, _read_json, trigger_lexicon
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

_PARTIES = (ORG, PERSON)
_OWNERS = frozenset({"the", "its", "their", "our", "his", "her", "this", "that"})


@lru_cache(maxsize=1)
def _options() -> dict[str, Any]:
    """`side_cases` of kg/data/triggers.json, read once per process."""
    data = _read_json(TRIGGERS).get("side_cases", {})
    return {
        "striking": frozenset(data.get("striking_verbs", ())),
        "filing": frozenset(data.get("filing_verbs", ())),
        "paying": frozenset(data.get("paying_verbs", ())),
        "joining": frozenset(data.get("joining_verbs", ())),
        "leaving": frozenset(data.get("leaving_verbs", ())),
        "presupposing": {k: frozenset(v) for k, v in data.get("presupposing_verbs", {}).items()},
    }


def _named(table: EntityTable, toks: list[Token]) -> list[SpanRef]:
    out: list[SpanRef] = []
    for t in toks:
        for h in (t, *t.conjuncts):
            ref = table.at_token(h.i)
            if ref is not None and ref.kind in _PARTIES and ref.key not in {r.key for r in out}:
                out.append(ref)
    return out


def reduced_passive(tok: Token, trig: Trigger, a: Args, table: EntityTable) -> None:
    """ "A fired as CEO of Y", "A ousted from Y": a verb whose subject is the organization (fire,
    oust, dismiss) with a named person as subject, no object and an "as"/"from" phrase is a headline's
    passive without its auxiliary; the person is the one who leaves, the organization comes from the
    title or the "from" phrase."""
    if trig.pos != "verb" or trig.subject != "organization" or trig.type != "Departure":
        return
    if a.get("person") or syntax.object_tokens(tok) or syntax.is_passive(tok):
        return
    if not any(c.dep_ == "prep" and c.lower_ in ("as", "from") for c in tok.children):
        return
    subjects = _named(table, syntax.subject_tokens(tok))
    if len(subjects) != 1 or subjects[0].kind != PERSON or subjects[0].anaphor:
        return
    a.roles.pop("organization", None)
    a.add("person", subjects)
    froms = [r for r in _named(table, syntax.prep_objects(tok, ["from"])) if r.kind == ORG]
    a.add("organization", froms)
    if a.title is not None and not a.get("organization"):
        a.add("organization", syntax.title_org(table, a.title, (ORG,)))


def own_suit(tok: Token, a: Args, table: EntityTable) -> None:
    """ "A filed her lawsuit": a possessive pronoun on a suit noun that stands for the named subject of
    the filing verb is that name (the noun's reader keeps the pronoun, and the light verb's subject,
    the same entity, is then not added again)."""
    plaintiffs = a.get("plaintiff")
    if not plaintiffs or not all(p.anaphor for p in plaintiffs):
        return
    light = light_verb(tok, "legal", trigger_lexicon())
    gov = governing_verb(tok)
    if light is None or light[0] != "plaintiff" or gov is None:
        return
    named = {r.key: r for r in _named(table, syntax.subject_tokens(gov)) if not r.anaphor}
    a.roles["plaintiff"] = [named.get(p.key, p) for p in plaintiffs]


def struck_with(tok: Token, a: Args, table: EntityTable) -> None:
    """ "Y was hit with a lawsuit by Z" (defendant: the passive subject; plaintiff: the "by" agent)
    and "Z slapped Y with a lawsuit" (plaintiff: the subject; defendant: the object)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "with" or prep.dep_ != "prep":
        return
    verb = prep.head
    if verb.lemma_ not in _options()["striking"] or verb.pos_ not in ("VERB", "AUX"):
        return
    if syntax.is_passive(verb):
        defendants = _named(table, syntax.patient_tokens(verb))
        plaintiffs = _named(table, syntax.agent_tokens(verb))
    else:
        plaintiffs = _named(table, syntax.subject_tokens(verb))
        defendants = _named(table, syntax.object_tokens(verb))
    taken = a.keys()
    if not a.get("defendant"):
        a.add("defendant", [r for r in defendants if r.key not in taken])
    taken = a.keys()
    if not a.get("plaintiff"):
        a.add("plaintiff", [r for r in plaintiffs if r.key not in taken])


def filed_by(tok: Token, a: Args, table: EntityTable) -> None:
    """ "a lawsuit brought by Z (against Y)", "the suit that Z filed": a filing participle on the suit
    noun gives the defendant through its "against" phrase, and the plaintiff through its "by" agent (a
    filing relative clause: its subject) only when the suit has its defendant: "the lawsuit launched by
    <a law firm>" alone often names the counsel, not the party."""
    for c in tok.children:
        if c.lemma_ not in _options()["filing"]:
            continue
        if c.dep_ == "relcl" and c.tag_ in ("VBD", "VBZ", "VBP", "VBN") and not syntax.is_passive(c):
            agents = [s for s in syntax.subject_tokens(c) if s.lower_ not in ("that", "which", "who")]
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            agents = syntax.agent_tokens(c)
        else:
            continue
        if not a.get("defendant"):
            taken = a.keys()
            against = _named(table, syntax.prep_objects(c, ["against"]))
            a.add("defendant", [r for r in against if r.key not in taken])
        if a.get("defendant") and not a.get("plaintiff"):
            taken = a.keys()
            a.add("plaintiff", [r for r in _named(table, agents) if r.key not in taken])


def presupposed(tok: Token, trig: Trigger, gov: Token) -> bool:
    """Whether an event noun is the object of a verb that takes it as already under way
    (`presupposing_verbs`: "agreed to pay $5M to settle a lawsuit", "plans to fight the lawsuit",
    "plans to expand its partnership with Y"), so no hedge of the verb's clause is the event's status.
    A deal must be owned or definite ("its partnership"); "no lawsuit" stays what it is."""
    verbs = _options()["presupposing"].get(trig.type)
    if not verbs or tok.head.i != gov.i or tok.dep_ != "dobj" or gov.lemma_ not in verbs:
        return False
    dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "poss")}
    if dets & {"no", "any"}:
        return False
    owned = any(c.dep_ == "poss" for c in tok.children)
    return trig.type == "LegalAction" or owned or bool(dets & _OWNERS)


def among_suing(tok: Token, trig: Trigger, a: Args, table: EntityTable) -> None:
    """ "A, B and C are among 17 authors suing Y" / "A is one of the artists suing Y": a suing
    participle on a group noun the copula's subject belongs to has that subject as its plaintiffs."""
    if trig.pos != "verb" or a.get("plaintiff") or tok.dep_ != "acl":
        return
    group = tok.head
    if group.tag_ != "NNS" or table.at_token(group.i) is not None:
        return
    if group.dep_ != "pobj" or group.head.lower_ not in ("among", "of"):
        return
    verb = group.head.head
    if group.head.lower_ == "of" and verb.lower_ == "one":
        verb = verb.head
    if verb.lemma_ not in ("be", "remain"):
        return
    taken = a.keys()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # every name of the subject's phrase: the small model chains a list of names in many ways
    named = [r for s in subjects for r in table.in_range(s.left_edge.i, s.right_edge.i + 1)]
    a.add("plaintiff", [r for r in named if r.kind in _PARTIES and not r.anaphor and r.key not in taken])


def joined_employers(drafts: list[tuple[Token, str, Args]], employer: dict[str, str]) -> None:
    """ "A, who joined Y in 2019, resigned on Friday": a plain appointment of a named person to a named
    organization, written before every departure of that person, gives the employer the departure
    takes when it names none (a stated worksFor still comes first). "A left to join Y" gives nothing:
    the joining comes after the leaving."""
    joins: dict[str, list[tuple[int, str]]] = {}
    leaves: dict[str, int] = {}
    for tok, etype, a in drafts:
        persons = [p for p in a.get("person") if not p.anaphor]
        if len(persons) != 1:
            continue
        key = persons[0].key
        if etype == "Departure":
            leaves[key] = min(leaves.get(key, tok.i), tok.i)
            continue
        orgs = [o for o in a.get("organization") if not o.anaphor]
        hedged = tok.dep_ == "xcomp" or any(
            c.dep_ in ("aux", "neg") and c.lower_ in ("will", "would", "to", "not", "n't", "may", "could")
            for c in tok.children
        )
        if etype == "Appointment" and len(orgs) == 1 and not hedged:
            joins.setdefault(key, []).append((tok.i, orgs[0].key))
    for key, first_leave in leaves.items():
        before = [j for j in joins.get(key, []) if j[0] < first_leave]
        if before and len(before) == len(joins[key]):
            employer.setdefault(key, max(before)[1])


def settled_with(tok: Token, trig: Trigger, a: Args, table: EntityTable) -> None:
    """ "X's $5M settlement with the regulator", "a settlement agreement with X", "X agreed to a
    settlement with Y": the party after "with" is the other side, and the one who settles (possessor,
    subject of "agree to") is the defendant, not a plaintiff. A settlement needs both sides named."""
    if trig.pos != "noun" or "settlement" not in trig.words:
        return
    owners = syntax.possessors(table, tok, _PARTIES)
    if owners and not a.get("defendant"):
        keys = {r.key for r in owners}
        a.roles["plaintiff"] = [r for r in a.get("plaintiff") if r.key not in keys]
        a.roles["defendant"] = owners
    if not a.get("defendant") and tok.head.lower_ == "to" and tok.head.head.lemma_ in ("agree", "come"):
        a.add("defendant", [r for r in _named(table, syntax.subject_tokens(tok.head.head)) if not r.anaphor])
    taken = a.keys()
    others = [r for r in _named(table, syntax.prep_objects(tok, ["with"])) if r.key not in taken]
    if others:
        a.add("defendant" if a.get("plaintiff") else "plaintiff", others)
    if not (a.get("plaintiff") and a.get("defendant")):
        a.roles.clear()  # "as part of the settlement with X, Y will ...": one side is too little to tell


@lru_cache(maxsize=1)
def _deal_verbs() -> frozenset[str]:
    lex = trigger_lexicon()
    return frozenset(t.words[0] for t in lex.triggers.values() if t.family == "deal" and t.pos == "verb")


def paid_for(tok: Token) -> bool:
    """ "X paid $2bn to buy Y": an infinitive of purpose under a paying verb in the past tense is done,
    not planned ("will pay $2bn to buy Y" stays Planned). Likewise "A left / is leaving Y to join Z":
    the move is as real as the departure (`joining_verbs` under `leaving_verbs`), unless a modal
    governs it ("will leave Y to join Z")."""
    head = tok.head
    opts = _options()
    if tok.lemma_ in opts["joining"] and head.lemma_ in opts["leaving"]:
        return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    if head.lemma_ not in _options()["paying"] or head.tag_ not in ("VBD", "VBN"):
        return False
    if tok.lemma_ not in _deal_verbs():
        return False  # "paid $5M to launch a campaign": the money is spent, the purpose may be ahead
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
