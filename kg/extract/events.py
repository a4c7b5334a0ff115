"""Events stated in one document: launches, shutdowns, delays, deals, appointments, outages, lawsuits.

A trigger word from kg/data/triggers.json (kg.extract.triggers) becomes an event when the
parse around it names at least one participant entity (kg.extract.eventargs). Participants are
then normalised so that reports of the same event agree (a product event's agent is the product's
developer when the text does not name one; a deal that names one party takes a second one from
the sentence, its neighbours or the document's salient organization). Date, amount and status
come from kg.extract.dates / amounts / status on the trigger's sentence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kg.extract import closures, dealargs, eventargs, haltedparts, launchers, launchmakers, relations
from kg.extract.argbase import Args, governing_verb, reported_it
from kg.extract.availability import AVAILABLE_KEY
from kg.extract.backers import backer_events
from kg.extract.context import HEADLINE_PENALTY
from kg.extract.dates import find_dates
from kg.extract.eventparties import (
    governing_clauses,
    named_person,
    person_subject,
    pronoun_person,
    raised_it,
    who_party,
)
from kg.extract.futureframe import shares_future
from kg.extract.patterns import trigger_lexicon
from kg.extract.sidecases import joined_employers, paid_for, presupposed
from kg.extract.speakers import fill_speaker
from kg.extract.status import status_of
from kg.extract.succession import position_org, repair_hits, succession_events
from kg.extract.syntax import title_text
from kg.extract.table import EntityTable, SpanRef
from kg.extract.triggers import Hit, deal_amounts, find_triggers, trigger_options
from kg.model import ORG, EventRecord, RelationRecord

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.extract.context import DocContext

_CACHE_KEY = "kg.extract.events"
HEDGED = frozenset({"Rumoured", "Denied", "Planned", "Rejected", "Cancelled"})
BASE_CONFIDENCE = {"verb": 0.85, "noun": 0.75}
FALLBACK_PENALTY = {
    "": 0.0,
    "developer": 0.05,
    "employer": 0.05,
    "sentence": 0.1,
    "previous": 0.15,
    "neighbour": 0.15,
    "salient": 0.2,
}
HEDGE_PENALTY = 0.2
ANAPHOR_PENALTY = 0.05
WINDOW_PENALTY = 0.1  # a participant read from the neighbouring words because the parse gave none
# Media organizations report deals; they are not a fallback party to them.
NOT_A_PARTY = frozenset({"MediaOrganization"})
SALIENT_MIN_MENTIONS = 2


@dataclass
class _Draft:
    hit: Hit
    args: Args
    participants: list[tuple[str, SpanRef]]
    fallback: str = ""
    explicit_agent: bool = False
    role: str | None = None


@dataclass(frozen=True)
class _Found:
    record: EventRecord
    explicit_agent: bool
    fallback: str


def find_events(sdoc: Doc, table: EntityTable, ctx: DocContext) -> list[EventRecord]:
    """Every event the document's body states, in text order."""
    return [f.record for f in _analyse(sdoc, table, ctx)]


def event_relations(sdoc: Doc, table: EntityTable, ctx: DocContext) -> list[RelationRecord]:
    """Relations that events state: "X launched Y" -> Y developedBy X; an appointment or departure
    -> worksFor (former for a departure)."""
    out = []
    for f in _analyse(sdoc, table, ctx):
        ev = f.record
        roles: dict[str, list[str]] = defaultdict(list)
        for role, key in ev.participants:
            roles[role].append(key)
        conf = round(max(0.1, min(ev.confidence, 0.8) - (0.1 if f.fallback else 0.0)), 2)
        if ev.type == "Launch" and f.explicit_agent:
            for product in roles["product"]:
                for agent in roles["agent"]:
                    out.append(
                        RelationRecord(
                            subject=product,
                            predicate="developedBy",
                            object=agent,
                            evidence=ev.evidence,
                            confidence=conf,
                            rule="kg.rel.developedBy.launch.v1",
                        )
                    )
        if ev.type in ("Appointment", "Departure") and ev.status not in HEDGED:
            for person in roles["person"]:
                for org in roles["organization"]:
                    out.append(
                        RelationRecord(
                            subject=person,
                            predicate="worksFor",
                            object=org,
                            evidence=ev.evidence,
                            confidence=conf,
                            rule=f"kg.rel.worksFor.{ev.type.lower()}.v1",
                            role=ev.role,
                            former=ev.type == "Departure",
                        )
                    )
    return out


# --- the pass over one document -----------------------------------------------------------------


def _analyse(sdoc: Doc, table: EntityTable, ctx: DocContext) -> list[_Found]:
    cache = sdoc.user_data.setdefault(_CACHE_KEY, {})
    hit = cache.get(id(table))
    if hit is not None and hit[0] is table:
        return list(hit[1])
    lex = trigger_lexicon()
    rels = relations.pattern_relations(sdoc, table, ctx)
    developer: dict[str, str] = {}
    employer: dict[str, str] = {}
    for r in sorted(rels, key=lambda r: -r.confidence):
        if r.predicate == "developedBy":
            developer.setdefault(r.subject, r.object)
        elif r.predicate == "worksFor" and not r.former:
            employer.setdefault(r.subject, r.object)
    for product, org in table.known_developer.items():  # what the gazetteer knows comes last
        developer.setdefault(product, org)
    for person, (org, _title) in table.known_employer.items():
        employer.setdefault(person, org)

    drafts: list[_Draft] = []
    for h in repair_hits(find_triggers(sdoc, table, lex), lex):
        if closures.resisting(h.tok, h.trigger):  # "pushed back on"
            continue
        args = eventargs.arguments(h.tok, h.trigger, table, lex)
        closures.self_closure(h.tok, h.trigger, args, table)  # "X shut down in 2020"
        haltedparts.modifier_products(h.tok, h.trigger, args, table)  # "X's Y rollout was delayed"
        for refs in args.roles.values():
            for i, ref in enumerate(refs):
                if ref.anaphor:
                    refs[i] = reported_it(table, sdoc[ref.start], ref.key) or ref
        drafts.append(_Draft(hit=h, args=args, participants=[]))
    drafts += [_Draft(hit=h, args=a, participants=[]) for h, a in succession_events(sdoc, table, ctx, lex)]
    drafts += [_Draft(hit=h, args=a, participants=[]) for h, a in backer_events(sdoc, table, ctx, lex)]
    for d in drafts:  # a launch that names its maker tells us the developer
        if d.hit.trigger.type == "Launch":
            for p in d.args.get("product"):
                for a in d.args.get("agent"):
                    developer.setdefault(p.key, a.key)
    launchmakers.add_name_developers(sdoc, table, ctx, rels, developer)  # "Zentrix Voice": Zentrix's

    joined_employers([(d.hit.tok, d.hit.trigger.type, d.args) for d in drafts], employer)
    ready: list[_Draft] = []
    for d in drafts:
        if not d.hit.backref:
            ready.extend(_normalise(d, table, developer, employer))
    found = _join_halves(_records(sdoc, table, ctx, ready))
    found = _link_back(found, [d for d in drafts if d.hit.backref], ctx)
    found = _deal_backrefs(found, drafts, ctx)
    found = _absorb_headline(found)
    cache[id(table)] = (table, tuple(found))
    return found


# --- participants -------------------------------------------------------------------------------


def _normalise(
    d: _Draft, table: EntityTable, developer: dict[str, str], employer: dict[str, str]
) -> list[_Draft]:
    """Apply the family's participant rules; one draft per product for product events."""
    trig = d.hit.trigger
    a = d.args
    if trig.family == "product":
        products = a.get("product")
        agents = [r for r in a.get("agent") if r.kind == ORG]
        if not agents and trig.type == "Launch":  # "A, Y's chief executive, unveiled X": Y launched X
            agents = launchers.employer_agents(a, table, employer)
        places = a.get("place")
        if trig.type in ("Launch", "Discontinuation") and not products and not (a.generic and agents):
            return []  # a launch needs its product, named or individuated ("a new coding model")
        if not products and not agents:
            return []
        out = []
        choices: list[SpanRef | None] = list(products) or [None]
        for p in choices:
            parts: list[tuple[str, SpanRef]] = [("agent", r) for r in agents]
            fallback = ""
            if p is not None:
                parts.append(("product", p))
                if not agents and p.key in developer:
                    dev = _ref_for(table, developer[p.key])
                    if dev is not None:
                        parts.insert(0, ("agent", dev))
                        fallback = "developer"
            parts += [("place", r) for r in places]
            out.append(replace(d, participants=parts, fallback=fallback, explicit_agent=bool(agents)))
        return out
    if trig.family == "deal":
        fill_speaker(d.hit.tok, trig, a, table, employer)  # a quoted "we" is the speaker's company
        return _normalise_deal(d, table)
    if trig.family == "personnel":
        position_org(d.hit.tok, trig, a, table)  # "resigned from his position at Y"
        named_person(d.hit.tok, trig, a, table)  # "X announced his departure": the person is X
        pronoun_person(d.hit.tok, trig, a, table, employer)  # "X ..., and Y did not comment on his exit"
        return _normalise_personnel(d, table, employer)
    who_party(d.hit.tok, trig, a, table)  # "A, a lawyer who sued Y": the plaintiff is A
    parts = a.all()
    if not any(not r.anaphor or _named_nearby(table, r, d.hit.tok) for _, r in parts):
        return []  # only pronouns, unless the sentence names the entity first ("X ...: it faces a suit")
    return [replace(d, participants=parts)]


def _ref_for(table: EntityTable, key: str) -> SpanRef | None:
    """A SpanRef standing for entity `key` (its first mention)."""
    for ref in table.spans:
        if ref.key == key:
            return ref
    draft = table.entities.get(key)
    if draft is None:
        return None
    return SpanRef(key=key, start=0, end=0, kind=draft.kind, cls=draft.cls)


def _normalise_deal(d: _Draft, table: EntityTable) -> list[_Draft]:
    """Both sides of a deal. A side the text leaves out ("the arrangement with Disney") is filled by
    `_other_party`; a side stated by a phrase that is not an entity ("invest in AI research") or a
    deal with several unnamed counterparts ("partnerships") is not guessed."""
    trig = d.hit.trigger
    a = d.args
    first, second = dealargs._deal_roles(trig)
    parts = a.all()  # a place here acts as a party ("The UK will invest £100m"): see dealargs
    only_pronouns = all(r.anaphor and not _named_nearby(table, r, d.hit.tok) for _, r in parts)
    if not parts or (only_pronouns and not raised_it(d.hit.tok, d.hit.trigger, a, table, second)):
        return []  # nothing named, or only pronouns: too weak for a deal
    has_first, has_second = bool(a.get(first)), bool(a.get(second))
    if trig.type == "Investment" and has_second and trig.needs_amount:
        return [replace(d, participants=parts)]  # "X raised $N": the investors may stay unnamed
    if has_first and has_second:
        return [replace(d, participants=parts)]
    if trig.type == "Investment" and has_first and a.acting and deal_amounts(d.hit.tok.sent.text):
        # "The UK will invest £100m in a taskforce", "X committed $1bn to AI research": an investor
        # that acts, with money, is an investment even when the recipient is no entity
        return [replace(d, participants=parts)]
    missing = second if has_first else first
    if trig.type == "Investment" and trig.needs_amount and trig.pos == "noun" and missing == second:
        # "X launched a platform with $32M in funding, $26M of it a series A round led by Y": a round
        # with named investors goes to the organization that is the subject of a clause around it
        if missing in a.unfilled:
            return []
        other, fallback = _clause_subject(table, d.hit.tok, {r.key for _, r in parts})
        if other is None:
            other, fallback = _previous_subject(table, d.hit.tok, {r.key for _, r in parts})
        if other is None:
            return []
        return [replace(d, participants=[*parts, (missing, other)], fallback=fallback)]
    if missing == second:
        # "the deal with Disney" leaves out the article's company; "X reached an agreement" names no
        # counterpart: only the first side is ever filled in
        return []
    if trig.type == "Investment":
        return []  # "X has invested heavily", "$5m in EU funding": who got or gave it is not said
    if missing in a.unfilled or d.hit.tok.tag_ == "NNS" or person_subject(table, d.hit.tok):
        return []
    other, fallback = _other_party(table, d.hit.tok, {r.key for _, r in parts})
    if other is None:
        return []
    return [replace(d, participants=[*parts, (missing, other)], fallback=fallback)]


def _named_nearby(table: EntityTable, ref: SpanRef, tok: Token) -> bool:
    """Whether a pronoun's entity is also named in the trigger's sentence before the pronoun:
    "X announced it has completed a $64M round"."""
    sent = tok.sent  # a pronoun resolved in the sentence points at the name itself: its end counts
    return any(r.key == ref.key and not r.anaphor for r in table.in_range(sent.start, ref.end))


def _window(tok: Token) -> tuple[int, int]:
    """Token range of the trigger's sentence and its two neighbours."""
    sent = tok.sent
    doc = tok.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    end = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    return start, end


def _ok_party(ref: SpanRef, used: set[str]) -> bool:
    return ref.kind == ORG and ref.key not in used and ref.cls not in NOT_A_PARTY and not ref.anaphor


def _clause_subject(table: EntityTable, tok: Token, used: set[str]) -> tuple[SpanRef | None, str]:
    """The organization that is the subject of a clause the trigger sits in (not inside that
    subject), nearest to the trigger; fallback label "sentence"."""
    sent = tok.sent
    ancestors = governing_clauses(tok)

    def governs(ref: SpanRef) -> bool:
        head = tok.doc[ref.end - 1]
        inside = any(t.i == tok.i for t in head.subtree)
        return head.dep_ in ("nsubj", "nsubjpass") and head.head.i in ancestors and not inside

    subjects = [r for r in table.in_range(sent.start, sent.end) if _ok_party(r, used) and governs(r)]
    if subjects:
        return min(subjects, key=lambda r: abs(r.start - tok.i)), "sentence"
    return None, ""


def _previous_subject(table: EntityTable, tok: Token, used: set[str]) -> tuple[SpanRef | None, str]:
    """ "Q builds search tools for shops. In 2020, Y led a seed round with Z.": a round that names only
    its investors is for the organization that is the main-clause subject of the sentence right before
    (named, not an investor firm, not a party already); fallback label "previous"."""
    sent = tok.sent
    if sent.start == 0:
        return None, ""
    prev = tok.doc[sent.start - 1].sent
    subjects = [
        r
        for r in table.in_range(prev.start, prev.end)
        if _ok_party(r, used)
        and r.cls not in ("Investor",)
        and tok.doc[r.end - 1].dep_ == "nsubj"
        and tok.doc[r.end - 1].head.dep_ == "ROOT"
        and not any(c.dep_ == "conj" for c in tok.doc[r.end - 1].children)
    ]
    if len({r.key for r in subjects}) != 1:
        return None, ""
    return subjects[0], "previous"


def _other_party(table: EntityTable, tok: Token, used: set[str]) -> tuple[SpanRef | None, str]:
    """The organization a one-sided deal or appointment is with: the subject of a clause of the same
    sentence ("Block.one had allowed ... after the departure of X"), else the document's salient
    organization (the one it is about), labelled "neighbour" when the sentence or its neighbours
    mention it and "salient" when they do not."""
    found = _clause_subject(table, tok, used)
    if found[0] is not None:
        return found
    salient = table.salient(ORG, exclude=tuple(used))
    ref = _ref_for(table, salient) if salient else None
    if ref is None or ref.cls in NOT_A_PARTY:
        return None, ""
    if sum(1 for r in table.spans if r.key == ref.key and not r.anaphor) < SALIENT_MIN_MENTIONS:
        return None, ""  # an organization named once is not what the document is about
    lo, hi = _window(tok)
    if any(r.key == ref.key for r in table.in_range(lo, hi)):
        return ref, "neighbour"
    return ref, "salient"


def _normalise_personnel(d: _Draft, table: EntityTable, employer: dict[str, str]) -> list[_Draft]:
    trig = d.hit.trigger
    a = d.args
    persons = [p for p in a.get("person") if not p.anaphor] or a.get("person")
    if not persons or (trig.needs_title and a.title is None):
        return []
    if all(p.anaphor for p in persons) and not any(not o.anaphor for o in a.get("organization")):
        return []  # "he joined the company": nobody named
    role = title_text(table, a.title) if a.title is not None else None
    orgs = a.get("organization")
    fallback = ""
    if not orgs:
        org: SpanRef | None = None
        if persons[0].key in employer:
            org, fallback = _ref_for(table, employer[persons[0].key]), "employer"
        else:
            org, fallback = _other_party(table, d.hit.tok, {p.key for p in persons})
            if fallback == "salient":  # nothing near the sentence: too weak for a personnel event
                org = None
        if org is None:
            return []
        orgs = [org]
    parts = [("person", p) for p in persons] + [("organization", o) for o in orgs]
    return [replace(d, participants=parts, fallback=fallback, role=role)]


# --- records: evidence, date, amount, status, confidence ------------------------------------------


def _records(sdoc: Doc, table: EntityTable, ctx: DocContext, drafts: list[_Draft]) -> list[_Found]:
    by_sent: dict[int, list[_Draft]] = defaultdict(list)
    for d in drafts:
        by_sent[d.hit.tok.sent.start].append(d)
    found: list[_Found] = []
    for start in sorted(by_sent):
        group = by_sent[start]
        sent = group[0].hit.tok.sent
        found.extend(_sentence_records(sent, table, ctx, group))
    return _drop_subsumed(found)


def _sentence_records(sent: Span, table: EntityTable, ctx: DocContext, group: list[_Draft]) -> list[_Found]:
    text = sent.text
    base = sent.start_char

    def span_of(d: _Draft) -> tuple[int, int]:
        doc = sent.doc
        return doc[d.hit.start].idx - base, doc[d.hit.end - 1].idx + len(doc[d.hit.end - 1]) - base

    mentions = [
        (sent.doc[r.start].idx - base, sent.doc[r.end - 1].idx + len(sent.doc[r.end - 1]) - base)
        for r in table.in_range(sent.start, sent.end)
    ]
    dates = [
        (s, e, v)
        for s, e, v in find_dates(text, ctx.published)
        if not any(ms < e and s < me for ms, me in mentions)
        and not text[:s].rstrip().lower().endswith(("since", "from", "until", "through"))
    ]  # "invested three times since 2019": a range's bound is not the event's date
    amounts = deal_amounts(text)
    spans = [span_of(d) for d in group]

    clauses = [_clause_of(d.hit.tok) for d in group]
    where = {id(x): _clause_at(sent, base + x[0], base + x[1]) for x in [*dates, *amounts]}

    def in_scope(item: tuple, j: int) -> bool:  # type: ignore[type-arg]
        """A date or amount belongs to the trigger's own clause or to a clause around it ("In May, X
        said it launched Y"), never to a relative or other clause beside it ("X, founded in 2019,
        launched"); a trigger in a relative clause takes only its own ("Bard, which was launched in
        the US, will roll out on Thursday")."""
        head, mine = where.get(id(item)), clauses[j]
        if head is None or head == mine:
            return True
        trig = group[j].hit.tok
        if head.dep_ == "acl" and head.head in (trig, trig.head):
            return True  # "the acquisition, announced today", "a $5bn deal to acquire X, announced today"
        if mine.dep_ == "acl" and item[0] <= mine.head.idx - base < item[1]:
            return True  # "$26M provided as part of a round led by X": the clause describes the money
        return mine.dep_ not in ("relcl", "acl") and head.is_ancestor(mine)

    def nearest(items: list, idx: int, eligible: list[int]):  # type: ignore[type-arg]
        """The item closest to draft idx among those whose closest draft (of `eligible`) is idx."""
        best = None
        for item in items:
            ok = [j for j in eligible if in_scope(item, j)]
            if not ok:
                continue
            dist = {j: min(abs(item[0] - spans[j][1]), abs(spans[j][0] - item[1])) for j in ok}
            owner = min(dist, key=lambda j: (dist[j], j))
            # the trigger's own clause first ("founded X in 2018, after launching Y in 2012")
            rank = (where.get(id(item)) not in (None, clauses[idx]), dist.get(idx, 0))
            if owner == idx and (best is None or rank < best[0]):
                best = (rank, item)
        return best[1] if best else None

    all_idx = list(range(len(group)))
    # money belongs to deals and to fines ("fined Google EUR 2.4 billion")
    deal_idx = [i for i, d in enumerate(group) if d.hit.trigger.family in ("deal", "legal")]
    out = []
    for i, d in enumerate(group):
        trig = d.hit.trigger
        s0, s1 = span_of(d)
        status = status_of(text, s0, s1, trig.type)
        gov = governing_verb(d.hit.tok) if trig.pos == "noun" else None
        real = gov is not None and presupposed(d.hit.tok, trig, gov)
        if real:
            status = "Announced"  # "plans to fight the lawsuit": the hedge is the fight's, the suit is real
        elif status == "Announced" and gov is not None:
            # "The UK will commit £100m in funding": the light verb's hedge is the noun's
            g0 = gov.idx - base
            verb_status = status_of(text, g0, g0 + len(gov.text), trig.type)
            status = verb_status if verb_status in HEDGED else _parse_status(gov)
        if status == "Announced" and not real:
            status = _parse_status(d.hit.tok)
        if status == "Announced" and trig.pos == "verb" and shares_future(d.hit.tok):
            status = "Planned"  # "will help Y expand and launch X": futureframe.py
        date_item = nearest(dates, i, all_idx)
        amount_item = nearest(amounts, i, deal_idx) if i in deal_idx else None
        pos = trig.pos
        conf = BASE_CONFIDENCE[pos] - FALLBACK_PENALTY.get(d.fallback, 0.1)
        if d.args.anaphoric or any(r.anaphor for _, r in d.participants):
            conf -= ANAPHOR_PENALTY
        if d.args.window:
            conf -= WINDOW_PENALTY
        if status in HEDGED:
            conf -= HEDGE_PENALTY
        if ctx.in_title(sent):
            conf -= HEADLINE_PENALTY
        label = "available" if trig.key == AVAILABLE_KEY else pos
        how = "-".join(x for x in (label, "window" if d.args.window else "", d.fallback) if x)
        rule = f"kg.event.{trig.type.lower()}.{how}.v1"
        parts = tuple(dict.fromkeys((role, r.key) for role, r in d.participants))
        record = EventRecord(
            type=trig.type,
            participants=parts,
            evidence=ctx.evidence(sent),
            confidence=round(max(0.1, min(conf, 0.95)), 2),
            rule=rule,
            trigger=sent.doc[d.hit.start : d.hit.end].text,
            date=date_item[2] if date_item else None,
            amount=amount_item[2] if amount_item else None,
            status=status,
            role=d.role,
        )
        named = any(r == "product" for r, _ in d.participants)
        closing = closures.CLOSING in d.args.unfilled  # an organization closing itself is no product
        if d.args.generic and status in HEDGED and not named and not closing:
            continue  # "will launch new tools": an unnamed product that does not exist yet is no event
        out.append(_Found(record=record, explicit_agent=d.explicit_agent, fallback=d.fallback))
    return out


_CLAUSE_DEPS = frozenset(
    {"ROOT", "relcl", "advcl", "ccomp", "acl", "csubj", "parataxis", "conj", "appos", "pcomp"}
)


def _clause_of(tok: Token) -> Token:
    """The head of the clause holding tok: the nearest verb (tok included) that opens a clause of its
    own (root, relative, adverbial, complement, participle or coordinated verb; not an infinitive on a
    noun)."""
    cur = tok
    for _ in range(40):
        # "Google's $5bn deal to acquire X": an infinitive on a noun is in the noun's clause
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        opens = cur.dep_ in _CLAUSE_DEPS and (cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT")
        if opens and not (cur.dep_ in ("acl", "relcl") and to):
            return cur
        if cur.head is cur:
            return cur
        cur = cur.head
    return cur


def _clause_at(sent: Span, start: int, end: int) -> Token | None:
    """The clause head of the text at sent.doc character offsets start:end (None if no token)."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    return _clause_of(span.root) if span is not None and len(span) else None


def _parse_status(tok: Token) -> str:
    """What the parse adds to the hedge cues: a negated trigger verb ("did not launch") is Denied;
    a trigger governed by a plan ("promised to invest", "his proposal to buy X") or an infinitive of
    purpose ("raised $5 million to launch X") is Planned; one in an "if" clause is Rumoured
    (hypothetical)."""
    if any(c.dep_ == "neg" for c in tok.children):
        return "Denied"
    listed = _infinitive_listed(tok)
    if listed is not None:
        return _parse_status(listed)
    if (
        tok.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
        and tok.head.lower_ not in trigger_options()["eager_words"]  # not "Excited to introduce X"
        and not paid_for(tok)  # "paid $2bn to buy Y" is done
    ):
        return "Planned"  # an infinitive of purpose: "is partnering with Y to release X"
    lex = trigger_lexicon()
    cur = tok
    for _ in range(3):
        head = cur.head
        if head is cur:
            break
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in cur.children):
            return "Rumoured"
        governed = lex.governing.get(head.lower_) or lex.governing.get(head.lemma_)
        if governed and cur.dep_ in ("xcomp", "acl", "relcl", "ccomp", "pobj", "dobj"):
            if any(c.dep_ == "neg" for c in head.children):
                return "Denied"  # "has no plans to", "did not agree to"
            return governed
        if cur.dep_ not in ("xcomp", "conj", "pobj", "prep", "dobj"):
            break
        cur = head
    return "Announced"


def _infinitive_listed(tok: Token) -> Token | None:
    """ "will enable X to release A; improve B; and roll out C": a bare infinitive without subject or
    auxiliary that the small model coordinates with a finite verb continues the "to" infinitive
    written before it in the sentence, whose status it shares."""
    cur = tok
    while cur.dep_ == "conj" and cur.tag_ == "VB" and cur.head is not cur:
        if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in cur.children):
            return None
        cur = cur.head
    if cur is tok or cur.tag_ == "VB":
        return None  # not coordinated, or coordinated with another bare infinitive
    for t in reversed(tok.doc[tok.sent.start : tok.i]):
        if t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return t
    return None


def _link_back(found: list[_Found], backrefs: list[_Draft], ctx: DocContext) -> list[_Found]:
    """ "Icon Ventures led the new round": the investors named for "the round" join the latest
    investment with a named recipient reported before it in the document (nothing is created when
    there is none)."""
    out = list(found)
    for d in backrefs:
        investors = [r for r in d.args.get("investor") if not r.anaphor]
        if not investors:
            continue
        # "X's latest round": only X's investment
        owners = {r.key for r in d.args.get("recipient") if not r.anaphor}
        here = ctx.evidence(d.hit.tok.sent).place
        earlier = [
            i
            for i, f in enumerate(out)
            if f.record.type == "Investment"
            and f.record.evidence.place < here
            and f.record.status not in HEDGED
            and any(role == "recipient" and (not owners or k in owners) for role, k in f.record.participants)
        ]
        if not earlier:
            continue
        i = max(earlier, key=lambda j: out[j].record.evidence.place)
        rec = out[i].record
        have = {k for _, k in rec.participants}
        extra = tuple(("investor", r.key) for r in investors if r.key not in have)
        if extra:
            out[i] = replace(out[i], record=replace(rec, participants=rec.participants + extra))
    return out


DEAL_TYPES = frozenset({"Deal", "Investment", "Acquisition", "Partnership"})
BACKREF_HEDGES = frozenset({"could", "may", "might", "would", "will", "should", "not", "n't", "never"})


def _deal_backrefs(found: list[_Found], drafts: list[_Draft], ctx: DocContext) -> list[_Found]:
    """ "The deal is worth $10 billion", "That acquisition closed in March": a deal noun with
    "the/that/this", no party of its own, as the subject of a verb of `backref_verbs`
    (triggers.json) refers to the latest earlier deal of the document of its type (any deal type for
    "the deal"); the sentence's one amount and one date fill what that event lacks. Nothing new is
    created."""
    verbs = trigger_options()["backref_verbs"]
    out = list(found)
    for d in drafts:
        h, tok = d.hit, d.hit.tok
        if h.backref or h.trigger.family != "deal" or h.trigger.pos != "noun" or d.args.roles:
            continue
        det = [c for c in tok.children if c.dep_ == "det"]
        if not det or det[0].lower_ not in ("the", "that", "this") or tok.tag_ != "NN":
            continue
        subject = tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in verbs
        if not subject or not ctx.in_body(tok.sent):
            continue
        rel = tok.idx - tok.sent.start_char
        hedged_verb = any(c.dep_ in ("aux", "neg") and c.lower_ in BACKREF_HEDGES for c in tok.head.children)
        if hedged_verb or status_of(tok.sent.text, rel, rel + len(tok), h.trigger.type) in HEDGED:
            continue  # "the deal could be worth $5 billion"
        here = ctx.evidence(tok.sent).place
        earlier = [
            i
            for i, f in enumerate(out)
            if f.record.type in DEAL_TYPES
            and f.record.evidence.place < here
            and f.record.status not in HEDGED
            and h.trigger.type in (f.record.type, "Deal")
        ]
        if not earlier:
            continue
        i = max(earlier, key=lambda j: out[j].record.evidence.place)
        rec = out[i].record
        text = tok.sent.text
        amounts = deal_amounts(text)
        dates = find_dates(text, ctx.published)
        amount = rec.amount if rec.amount is not None or len(amounts) != 1 else amounts[0][2]
        date = rec.date if rec.date is not None or len(dates) != 1 else dates[0][2]
        out[i] = replace(out[i], record=replace(rec, amount=amount, date=date))
    return out


def _join_halves(found: list[_Found]) -> list[_Found]:
    """ "X has secured $14M in seed funding, with Y leading the round": one sentence reports the round
    twice, once with its recipient (and maybe its lead) and once (a funding noun: "leading the round with
    participation from Z") with investors only; the two halves are one investment when the sentence
    has one event with a recipient, so the investors join it (which keeps its amount
    and date, taking what it lacks from the other). Only halves of the same status join."""
    out = list(found)
    for f in found:
        r = f.record
        roles = {role for role, _ in r.participants}
        if r.type != "Investment" or roles != {"investor"} or ".noun" not in r.rule:
            continue
        mates = [
            i
            for i, g in enumerate(out)
            if g.record.type == "Investment"
            and g.record.evidence.place == r.evidence.place
            and g.record.status == r.status
            and "recipient" in {role for role, _ in g.record.participants}
        ]
        if len(mates) != 1 or f not in out:
            continue
        i = mates[0]
        rec = out[i].record
        have = {k for _, k in rec.participants}
        extra = tuple(p for p in r.participants if p[1] not in have)
        merged = replace(
            rec, participants=rec.participants + extra, date=rec.date or r.date, amount=rec.amount or r.amount
        )
        out[i] = replace(out[i], record=merged)
        out.remove(f)
    return out


_ACTOR_ROLES = frozenset({"agent", "investor"})


def _absorb_headline(found: list[_Found]) -> list[_Found]:
    """The headline restating an event of the body ("Pinecone raises $100 million" over "Pinecone
    ... raised $100 million in a round led by Andreessen Horowitz") is that event: the title's
    report goes (the body's sentence is the better evidence) and what it knew that the body's report
    lacks (amount, date) goes to the body's. An event of the same type sharing a participant in the
    same role (its product, for a product's event) counts as the same. A headline event the body
    does not report stays, unless it has only its actor (no product, target, recipient ...)."""
    out = list(found)
    for f in found:
        r = f.record
        if not r.evidence.in_title:
            continue
        if all(role in _ACTOR_ROLES for role, _ in r.participants):
            out.remove(f)  # "Google shuts down stadia": a terse headline's object was not read
            continue
        parts = set(r.participants)
        products = {p for p in parts if p[0] == "product"}
        if products:  # "Nvidia reveals H100": another Nvidia launch is another event
            parts = products
        mates = [
            i
            for i, g in enumerate(out)
            if not g.record.evidence.in_title
            and g.record.type == r.type
            and parts & set(g.record.participants)
        ]
        if not mates:
            continue
        i = mates[0]
        rec = out[i].record
        out[i] = replace(out[i], record=replace(rec, amount=rec.amount or r.amount, date=rec.date or r.date))
        out.remove(f)
    return out


def _drop_subsumed(found: list[_Found]) -> list[_Found]:
    """`_dominated` then: what a dropped report of the same sentence knew (date, amount) goes to the
    report that is kept ("raised $165m in funding in 2019": the verb's event keeps the noun's date)."""
    keep, dropped = _dominated(found)
    out = []
    for f in keep:
        r = f.record
        for g in dropped:
            same = g.record.type == r.type and g.record.evidence.place == r.evidence.place
            if same and {k for _, k in g.record.participants} <= {k for _, k in r.participants}:
                r = replace(r, date=r.date or g.record.date, amount=r.amount or g.record.amount)
        out.append(replace(f, record=r) if r is not f.record else f)
    return out


def _dominated(found: list[_Found]) -> tuple[list[_Found], list[_Found]]:
    """One event per real event and sentence: of two events of the same type whose participants are
    a subset of the other's (same sentence, or same document for non-product events), keep the
    larger; of identical ones in one sentence, the more confident."""
    keep: list[_Found] = []
    dropped: list[_Found] = []
    for f in found:
        r = f.record
        mine = {k for role, k in r.participants if role != "place"}
        dominated = False
        for g in found:
            if g is f or g.record.type != r.type:
                continue
            theirs = {k for role, k in g.record.participants if role != "place"}
            same_sent = g.record.evidence.place == r.evidence.place
            product_event = any(role == "product" for role, _ in r.participants)
            if not (same_sent or not product_event):
                continue
            if same_sent and r.amount and g.record.amount and r.amount.value != g.record.amount.value:
                continue  # "After raising $200M in 2021, X closed a $248M round": two rounds
            stronger = (g.record.confidence, -found.index(g)) > (r.confidence, -found.index(f))
            if mine < theirs or (mine == theirs and same_sent and stronger):
                dominated = True
                break
        (dropped if dominated else keep).append(f)
    return keep, dropped
