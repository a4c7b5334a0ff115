"""Personnel and legal events read as another type or not at all: "A replaced B as CEO" (A's
appointment and B's departure), "B stepped down in May" (the particle verb, not "step in" through the
"in May" phrase), and "the FTC is investigating Y" (a legal action by a government body). Word lists
under `succession` in kg/data/triggers.json."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.extract import syntax
from kg.extract.argbase import Args, _body_orgs
from kg.extract.dealargs import sold_to
from kg.extract.patterns import TRIGGERS, Trigger, TriggerLexicon, _read_json, inflect, lexicon
from kg.extract.sentences import doc_text
from kg.extract.table import EntityTable, SpanRef
from kg.extract.triggers import Hit
from kg.model import ORG, PERSON, PLACE

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.extract.context import DocContext

_TITLE_DEPS = ("oprd", "attr", "xcomp", "npadvmod", "appos")
_STATE_DEPS = frozenset({"oprd", "acomp", "ccomp"})


@lru_cache(maxsize=1)
def _options() -> dict[str, Any]:
    """`succession` of kg/data/triggers.json, read once per process."""
    data = _read_json(TRIGGERS).get("succession", {})
    return {
        "replacing": frozenset(data.get("replacing_verbs", ())),
        "investigating": frozenset(data.get("investigating_verbs", ())),
        "investigators": frozenset(data.get("investigator_classes", ())),
        "investigator_nouns": frozenset(data.get("investigator_nouns", ())),
        "settling": frozenset(data.get("settling_verbs", ())),
        "settled": frozenset(data.get("settled_nouns", ())),
        "deal_nouns": frozenset(data.get("settling_deal_nouns", ())),
        "positions": frozenset(data.get("position_nouns", ())),
        "ruling": frozenset(data.get("ruling_verbs", ())),
        "courts": frozenset(data.get("court_nouns", ())),
        "suits": frozenset(data.get("suit_nouns", ())),
        "selling": frozenset(data.get("selling_verbs", ())),
    }


# --- particle verbs ---------------------------------------------------------------------------------


def _real_particle(tok: Token, particle: str) -> Token | None:
    """The particle as a particle: a `prt`/`advmod` child, or the next word; not a preposition with
    its own object ("stepped down ... in May": "in" heads "May")."""
    for c in tok.children:
        if c.lower_ == particle and (c.dep_ in ("prt", "advmod") or c.i == tok.i + 1):
            return c
    return None


def _leaves_in_state(tok: Token) -> bool:
    """ "left it open to accusations", "leaving workers unsure": a departure verb with a predicate
    complement makes its object end up in a state; nobody leaves anything."""
    return any(c.dep_ in _STATE_DEPS for c in tok.children)


def _settles(noun: Token) -> bool:
    """ "an agreement ... to settle the lawsuit", "The deal settles a suit": a deal that is a settlement."""
    settling = _options()["settling"]
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in settling:
        return True
    return any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in settling for c in noun.children)


def repair_hits(hits: list[Hit], lex: TriggerLexicon) -> list[Hit]:
    """A particle verb matched through a preposition that has an object of its own ("stepped down as
    CEO in May" read as "step in") gives way to the same verb's trigger with a real particle ("step
    down"), which the longer span had hidden; "left X open" is no departure."""
    out: list[Hit] = []
    for h in hits:
        trig = h.trigger
        if trig.type == "Departure" and trig.pos == "verb" and _leaves_in_state(h.tok):
            continue
        if trig.family == "deal" and trig.pos == "noun" and _settles(h.tok):
            continue  # the settlement's LegalAction (settlement_events) carries its parties
        if trig.pos != "verb" or not trig.particle or _real_particle(h.tok, trig.particle) is not None:
            out.append(h)
            continue
        better = None
        for other in lex.triggers.values():
            same_verb = other.pos == "verb" and other.words[0] == trig.words[0]
            if same_verb and other.particle and other is not trig:
                p = _real_particle(h.tok, other.particle)
                if p is not None:
                    better = Hit(tok=h.tok, trigger=other, start=h.tok.i, end=p.i + 1)
                    break
        out.append(better or h)
    return out


def is_position_noun(tok: Token) -> bool:
    """ "role", "post", "position": a post a person leaves or takes (`position_nouns`)."""
    return tok.lemma_.lower() in _options()["positions"]


def position_org(tok: Token, trig: Trigger, a: Args, table: EntityTable) -> None:
    """ "A resigned from his position at the robot maker", "left her role with Y": the organization of
    the post a person leaves (or takes) when the verb itself names none; "stepped down from the Y
    board", "joined the board of Y" (a `body_nouns` word naming one organization)."""
    if trig.family != "personnel" or trig.pos != "verb" or a.get("organization"):
        return
    positions = _options()["positions"]
    posts = syntax.prep_objects(tok, ["from", "in", "to"]) + syntax.object_tokens(tok)
    posts = [p for p in posts if p.lemma_.lower() in positions]
    for post in posts:
        orgs = _named(table, syntax.prep_objects(post, ["at", "with", "of"]), (ORG,))
        if orgs:
            a.add("organization", orgs[:1])
            return
    # "stepped down from the OpenAI board", "joined the board of Y": the board's organization
    bodies = syntax.prep_objects(tok, ["from", "to", "on"]) + syntax.object_tokens(tok)
    for body in bodies:
        if body.lower_ in lexicon("body_nouns"):
            orgs = [r for r in _body_orgs(table, body) if not r.anaphor]
            if len(orgs) == 1:
                a.add("organization", orgs)
                return


# --- replacements -------------------------------------------------------------------------------------


def _trigger(lex: TriggerLexicon, etype: str, lemma: str) -> Trigger | None:
    """A plain verb trigger of `etype` named after `lemma` (no title or amount needed)."""
    for t in lex.triggers.values():
        if t.type == etype and t.pos == "verb":
            key = f"succession.{etype}"
            return replace(t, words=(lemma,), particle="", needs_title=False, needs_amount=False, key=key)
    return None


def _hit(tok: Token, lex: TriggerLexicon, etype: str, a: Args) -> list[tuple[Hit, Args]]:
    """One event of `etype` on the verb itself with arguments `a`; none when the lexicon has no verb
    trigger of that type."""
    trig = _trigger(lex, etype, tok.lemma_)
    return [] if trig is None else [(Hit(tok=tok, trigger=trig, start=tok.i, end=tok.i + 1), a)]


def _named(table: EntityTable, toks: list[Token], kinds: tuple[str, ...]) -> list[SpanRef]:
    out: list[SpanRef] = []
    for t in toks:
        for h in (t, *t.conjuncts):
            ref = table.at_token(h.i)
            if ref is not None and ref.kind in kinds and ref.key not in {r.key for r in out}:
                out.append(ref)
    return out


def _title(tok: Token) -> Token | None:
    """The job title of "as CEO (of Y)" on the verb, or on the verb it is coordinated with
    ("stepped down as CEO ... and was replaced by A")."""
    titles = lexicon("core_titles")
    # the parse may hang "as CEO" on the verb, the verb it is coordinated with, or a name
    heads = [tok, *([tok.head] if tok.dep_ == "conj" or _appointing_participle(tok) else [])]
    heads += syntax.agent_tokens(tok) + syntax.object_tokens(tok)
    for verb in heads:
        for c in verb.children:
            as_phrase = c.dep_ == "prep" and c.lower_ == "as"
            cands = [p for p in c.children if p.dep_ == "pobj"] if as_phrase else []
            if c.dep_ in _TITLE_DEPS:
                cands.append(c)
            for cand in cands:
                sub = [t for t in cand.subtree if t.lower_ in titles]
                if sub:
                    return min(sub, key=lambda t: (len(list(t.ancestors)), -t.i))
    return None


def _sides(tok: Token, table: EntityTable) -> tuple[list[SpanRef], list[SpanRef]]:
    """(who comes in, who leaves) for replace/succeed, active or passive."""
    if syntax.is_passive(tok):
        leaving = syntax.patient_tokens(tok)
        if not leaving and tok.dep_ == "conj":
            leaving = syntax.subject_tokens(tok.head)
        return _named(table, syntax.agent_tokens(tok), (PERSON,)), _named(table, leaving, (PERSON,))
    coming = syntax.subject_tokens(tok)
    if not coming and tok.dep_ == "conj":
        coming = syntax.subject_tokens(tok.head)
    gone = _named(table, syntax.object_tokens(tok), (PERSON,))
    if _appointing_participle(tok):  # "Y named A (as) CEO, replacing B": A is the main verb's object
        named = _named(table, syntax.object_tokens(tok.head), (PERSON,))
        if named:
            return named, gone
    return _named(table, coming, (PERSON,)), gone


def _appointing_participle(tok: Token) -> bool:
    """ "replacing B" hung as a participle clause on a verb with a named object and no subject of its
    own ("Y named A as CEO, replacing B")."""
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and tok.head.pos_ == "VERB"
        and bool(syntax.object_tokens(tok.head))
    )


def _replacements(tok: Token, table: EntityTable, lex: TriggerLexicon) -> list[tuple[Hit, Args]]:
    """ "A replaced/succeeded B as CEO (of Y)", "B was replaced by A as CEO", "B stepped down as CEO
    and was replaced by A": A's Appointment and B's Departure, with the title's organization."""
    coming, leaving = _sides(tok, table)
    title = _title(tok)
    if len(coming) != 1 or len(leaving) != 1 or title is None or coming[0].key == leaving[0].key:
        return []
    if coming[0].anaphor and leaving[0].anaphor:
        return []
    orgs = [r for r in syntax.title_org(table, title, (ORG,)) if not r.anaphor] or syntax.title_org(
        table, title, (ORG,)
    )
    if not orgs and _appointing_participle(tok):  # "Y named A as CEO, replacing B": Y's post
        main = tok.head
        orgs = _named(table, syntax.subject_tokens(main) + syntax.object_tokens(main), (ORG,))[:1]
    out: list[tuple[Hit, Args]] = []
    for etype, person in (("Appointment", coming[0]), ("Departure", leaving[0])):
        a = Args(title=title)
        a.add("person", [person])
        a.add("organization", orgs)
        out.extend(_hit(tok, lex, etype, a))
    return out


# --- settlements ---------------------------------------------------------------------------------------

_CLIMB_DEPS = frozenset({"xcomp", "advcl", "acl", "relcl", "dobj", "conj"})


def _settlement(tok: Token, table: EntityTable, lex: TriggerLexicon) -> list[tuple[Hit, Args]]:
    """ "X settled with Y", "X and Y settled the dispute", "X reached an agreement with Y to settle the
    lawsuit", "X agreed to pay Y $5M to settle the claims", "The deal between X and Y settles a suit":
    a LegalAction between the named sides of the settling clause and the words it hangs on (at least
    two); the object, if any, must be a dispute noun ("settled on a name" is none)."""
    opts = _options()
    objects = syntax.object_tokens(tok)
    if objects and not any(o.lemma_.lower() in opts["settled"] for o in objects):
        return []
    withs = syntax.prep_objects(tok, ["with"])
    if not objects and not withs:
        return []
    if _named(table, syntax.prep_objects(tok, ["in", "into"]), (PLACE,)):
        return []  # "settled in Austin": moved house
    toks = syntax.subject_tokens(tok) + withs
    for o in objects:  # "settle charges brought by the FTC", "resolve claims filed by Y"
        toks += [t for c in o.children if c.dep_ == "acl" for t in syntax.agent_tokens(c)]
    g, steps = tok, 0
    while g.dep_ in _CLIMB_DEPS and g.head is not g and steps < 3:
        g, steps = g.head, steps + 1
        if g.pos_ in ("VERB", "AUX"):
            toks += syntax.subject_tokens(g) + syntax.object_tokens(g) + syntax.prep_objects(g, ["with"])
            toks += [c for c in g.children if c.dep_ == "dative"]
        else:
            toks += syntax.prep_objects(g, ["with", "between"])
    for t in list(toks):
        if t.lemma_.lower() in opts["deal_nouns"]:  # "the deal between X and Y settles ..."
            toks += syntax.prep_objects(t, ["with", "between"])
    parties = _named(table, toks, (ORG, PERSON))
    if len(parties) < 2 or all(r.anaphor for r in parties):
        return []
    a = Args()
    a.add("plaintiff", parties[1:])
    a.add("defendant", parties[:1])
    return _hit(tok, lex, "LegalAction", a)


# --- rulings ------------------------------------------------------------------------------------------


def _ruling(tok: Token, table: EntityTable, lex: TriggerLexicon) -> list[tuple[Hit, Args]]:
    """ "A judge ruled against X in Y's lawsuit", "the court sided with Y in its case against X": a
    court's ruling is a LegalAction between the side it rules against and the suit's other side."""
    opts = _options()
    if not any(t.lemma_.lower() in opts["courts"] for t in syntax.subject_tokens(tok)):
        return []
    against = _named(table, syntax.prep_objects(tok, ["against"]), (ORG, PERSON))
    favoured = _named(table, syntax.prep_objects(tok, ["with"]), (ORG, PERSON))
    for favor in syntax.prep_objects(tok, ["in"]):
        if favor.lower_ in ("favor", "favour"):
            favoured += _named(table, syntax.prep_objects(favor, ["of"]), (ORG, PERSON))
    if not against and not favoured:
        return []
    for suit in tok.subtree:
        if suit.lemma_.lower() in opts["suits"] and suit.pos_ == "NOUN":
            favoured += [r for r in syntax.possessors(table, suit, (ORG, PERSON)) if not r.anaphor]
            favoured += _named(table, syntax.prep_objects(suit, ["by"]), (ORG, PERSON))
            filed = [suit, *(c for c in suit.children if c.dep_ == "acl")]  # "a suit brought against X"
            for f in filed:
                against += _named(table, syntax.prep_objects(f, ["against"]), (ORG, PERSON))
    a = Args()
    a.add("defendant", against)
    a.add("plaintiff", favoured)
    return _hit(tok, lex, "LegalAction", a)


# --- investigations -------------------------------------------------------------------------------------


def _investigation(tok: Token, table: EntityTable, lex: TriggerLexicon) -> list[tuple[Hit, Args]]:
    """ "The FTC is investigating Y", "Y is being probed by the SEC", "regulators are investigating
    Y": a government body (or a regulator noun) looking into a named organization or person."""
    opts = _options()
    passive = syntax.is_passive(tok)
    by = syntax.agent_tokens(tok) if passive else syntax.subject_tokens(tok)
    about = syntax.patient_tokens(tok) if passive else syntax.object_tokens(tok)
    defendants = [r for r in _named(table, about, (ORG, PERSON)) if r.cls not in opts["investigators"]]
    if not defendants:
        return []
    investigators = [r for r in _named(table, by, (ORG,)) if r.cls in opts["investigators"]]
    if not investigators and not any(t.lower_ in opts["investigator_nouns"] for t in by):
        return []
    a = Args()
    a.add("plaintiff", investigators)
    a.add("defendant", defendants)
    return _hit(tok, lex, "LegalAction", a)


# --- sales parsed with a dative "to" ---------------------------------------------------------------------


def _sold_dative(tok: Token, table: EntityTable, lex: TriggerLexicon) -> list[tuple[Hit, Args]]:
    """ "Z sold X to Y" where the parse makes "to" a dative (the trigger's `when` wants a preposition):
    Y's acquisition of X, read as `dealargs.sold_to` reads it."""
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        return []  # the trigger itself fires
    if not any(c.dep_ == "dative" and c.lower_ == "to" for c in tok.children):
        return []
    a = sold_to(tok, table)
    return _hit(tok, lex, "Acquisition", a) if a.get("agent") else []


@lru_cache(maxsize=1)
def _verb_pattern() -> re.Pattern[str]:
    opts = _options()
    irregular = _read_json(TRIGGERS).get("irregular", {})
    forms: set[str] = set()
    verbs = opts["replacing"] | opts["investigating"] | opts["settling"] | opts["ruling"] | opts["selling"]
    for verb in verbs:
        forms |= inflect(verb, irregular)
    alternatives = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")\b", re.I)


def succession_events(
    sdoc: Doc, table: EntityTable, ctx: DocContext, lex: TriggerLexicon
) -> list[tuple[Hit, Args]]:
    """Extra (hit, participants) pairs for the event step, from body sentences only; the verbs are
    found with one regular expression over the text, so documents without them cost nothing."""
    opts = _options()
    if not any(opts[k] for k in ("replacing", "investigating", "settling", "ruling", "selling")):
        return []
    out: list[tuple[Hit, Args]] = []
    for m in _verb_pattern().finditer(doc_text(sdoc)):
        span = sdoc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        if not tok.tag_.startswith("VB"):
            continue
        lemma = tok.lemma_.lower()
        if lemma in opts["replacing"]:
            found = _replacements(tok, table, lex)
        elif lemma in opts["investigating"]:
            found = _investigation(tok, table, lex)
        elif lemma in opts["settling"]:
            found = _settlement(tok, table, lex)
        elif lemma in opts["ruling"]:
            found = _ruling(tok, table, lex)
        elif lemma in opts["selling"]:
            found = _sold_dative(tok, table, lex)
        else:
            continue
        if found and ctx.in_body(tok.sent):
            out.extend(found)
    return out
