"""Who a deal's sides are when the sentence leaves them to context: "it" raising money right after the
sentence that names the company, the clauses whose subject may stand in for a missing side, and a
named person acting in the trigger's clause (so that no organization is guessed for the deal); the
person a "who" clause that files a suit describes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.argbase import Args, governing_verb, light_verb
from kg.extract.clauses import who_antecedents
from kg.extract.legaldeals import blocked_deal
from kg.extract.patterns import Trigger, trigger_lexicon
from kg.extract.sidecases import among_suing, filed_by, own_suit, reduced_passive, settled_with, struck_with
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token


def raised_it(tok: Token, trig: Trigger, a: Args, table: EntityTable, second: str) -> bool:
    """ "Q builds feature stores. Today, it announced that it has raised $5.7M": a pronoun (or "the
    company") that raised money stands for the only organization the sentence before mentions, when
    it is the only party. A funding noun counts only as the object of a verb of receiving ("it closed a
    $9M round", "it emerged from stealth with $5M in funding"; not "it opened a round")."""
    if trig.type != "Investment" or not trig.needs_amount:
        return False
    if trig.pos != "verb":
        gov = governing_verb(tok)
        takes = trigger_lexicon().light_verbs.get("deal", {}).get("recipient", ())
        if gov is None or not (gov.lemma_ in takes or gov.lower_ in takes):
            return False
    if any(refs for role, refs in a.roles.items() if role != second):
        return False
    refs = a.get(second)
    if len(refs) != 1 or refs[0].kind != ORG or tok.sent.start == 0:
        return False
    prev = tok.doc[tok.sent.start - 1].sent
    orgs = [r for r in table.in_range(prev.start, prev.end) if r.kind == ORG]
    if {r.key for r in orgs} != {refs[0].key}:
        return False
    # named there, or only referred to ("the company's technology") when it is what the text is about
    return any(not r.anaphor for r in orgs) or table.salient(ORG) == refs[0].key


def governing_clauses(tok: Token) -> set[int]:
    """The trigger's ancestors up to the nearest one with a subject of its own: "While A has been busy
    taking over X, B has been ..." (the subject of an outer clause does not take over X)."""
    out: set[int] = set()
    for anc in tok.ancestors:
        out.add(anc.i)
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children):
            break
    return out


def person_subject(table: EntityTable, tok: Token) -> bool:
    """Whether the nearest clause subject over the trigger is a named person ("While A has been busy
    taking over X"): the deal's actor is stated, so no organization is guessed for it."""
    for anc in (tok, *tok.ancestors):
        subj = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
        if subj:
            ref = table.at_token(subj[0].i)
            return ref is not None and ref.kind == PERSON and not ref.anaphor
    return False


def who_party(tok: Token, trig: Trigger, a: Args, table: EntityTable) -> None:
    """Sides of a legal action the trigger's own phrases leave out. "says A, a designer and lawyer who
    brought the lawsuit against Y": the subject of a "who" clause hung on a noun in apposition to a
    named person or organization is that name (the parse gives the noun, which names nothing). "A law
    firm filed a lawsuit against Y": the "against" phrase hangs on the filing verb, not on the noun."""
    if trig.type != "LegalAction":
        return
    _filed_against(tok, trig, a, table)
    if trig.pos == "verb" and not syntax.is_passive(tok):  # "the FTC fined Y $5M": Y is the dative
        taken = a.keys()
        named = [r for c in tok.children if c.dep_ == "dative" for r in _named_by(table, c)]
        a.add("defendant", [r for r in named if r.kind in (ORG, PERSON) and r.key not in taken])
    if trig.pos == "noun":
        struck_with(tok, a, table)  # "Y was hit with a lawsuit by Z"
        own_suit(tok, a, table)  # "A filed her lawsuit"
        filed_by(tok, a, table)  # "a lawsuit brought by Z"
        settled_with(tok, trig, a, table)  # "X's settlement with the regulator"
    among_suing(tok, trig, a, table)  # "A and B are among the authors suing Y"
    blocked_deal(tok, trig, a, table)  # "the FTC sued to block X's acquisition of Y"
    if trig.pos == "verb":
        verb: Token | None = tok
    else:
        light = light_verb(tok, "legal", trigger_lexicon())
        verb = governing_verb(tok) if light is not None and light[0] == "plaintiff" else None
    if verb is None or syntax.is_passive(verb):
        return
    if not a.get("plaintiff"):
        have = a.keys()
        refs = [
            r
            for t in who_antecedents(verb)
            if (r := table.at_token(t.i)) is not None and r.kind in (ORG, PERSON) and not r.anaphor
        ]
        a.add("plaintiff", [r for r in refs if r.key not in have])
    if trig.pos == "noun" and not a.get("defendant") and (a.get("plaintiff") or not _definite_subject(verb)):
        taken = a.keys()
        # "opened a probe into Y": the noun's "into" phrase hung on the verb, as "against" often is
        targets = syntax.prep_objects(verb, ["against", "into"] if tok.dep_ == "dobj" else ["against"])
        named = [r for t in targets for r in _named_by(table, t)]
        if not named:  # "began a probe into Y's practices": a named owner, never "its"
            named = [r for t in targets for r in syntax.possessors(table, t, (ORG, PERSON)) if not r.anaphor]
        a.add("defendant", [r for r in named if r.kind in (ORG, PERSON) and r.key not in taken])


def _definite_subject(verb: Token) -> bool:
    """ "the US justice department filed ...": a definite subject is a particular party the entity step
    did not name, so a suit with only its defendant would misstate who is in it."""
    return any(c.dep_ == "det" and c.lower_ == "the" for s in syntax.subject_tokens(verb) for c in s.children)


def _named_by(table: EntityTable, phrase: Token) -> list[SpanRef]:
    """The entities a noun phrase names: its head (and the compounds before it), coordinated heads and
    appositions; never an owner ("Amazon's subsidiary, Ring" names Ring)."""
    out: list[SpanRef] = []
    heads = [phrase, *phrase.conjuncts]
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "appos"]
    for h in heads:
        ref = table.at_token(h.i)
        if ref is None:  # "GitHub Inc.": the name stops before the legal form
            ref = next((r for r in table.in_range(h.left_edge.i, h.i) if r.end == h.i), None)
        if ref is not None and not ref.anaphor and ref.key not in {r.key for r in out}:
            out.append(ref)
    return out


def named_person(tok: Token, trig: Trigger, a: Args, table: EntityTable) -> None:
    """ "Moor announced his departure": a personnel noun whose only person is a possessive pronoun
    takes the named subject of the verb that governs it when the pronoun stands for that person."""
    reduced_passive(tok, trig, a, table)  # "A fired as CEO of Y"
    persons = a.get("person")
    if trig.pos != "noun" or not persons or not all(p.anaphor for p in persons):
        return
    gov = governing_verb(tok)
    if gov is None:
        return
    subjects = [r for t in syntax.subject_tokens(gov) if (r := table.at_token(t.i)) is not None]
    named = {r.key: r for r in subjects if r.kind == PERSON and not r.anaphor}
    a.roles["person"] = [named.get(p.key, p) for p in persons]


def pronoun_person(tok: Token, trig: Trigger, a: Args, table: EntityTable, employer: dict[str, str]) -> None:
    """ "Ruffin left no note, and Acme did not comment on his departure": a personnel noun whose only
    person is a possessive pronoun standing for the one person the same sentence names is that
    person's event. The organization must be stated, not guessed: the noun's own phrase, else the
    organization that is the subject of a clause over the trigger ("Acme did not comment on ..."),
    else the person's stated employer; with none, the pronoun is left as it is (no event)."""
    persons = a.get("person")
    if trig.pos != "noun" or not persons or not all(p.anaphor for p in persons):
        return
    sent = tok.sent
    named: dict[str, SpanRef] = {}
    for r in table.in_range(sent.start, sent.end):
        if r.kind == PERSON and not r.anaphor:
            named.setdefault(r.key, r)
    if len(named) != 1 or {p.key for p in persons} != set(named):
        return  # nobody named, or two people the pronoun could stand for
    if not a.get("organization"):  # "his exit from the company" states it
        org = _subject_org(table, tok) or _employer_ref(table, persons[0].key, employer)
        if org is None:
            return
        a.roles["organization"] = [org]
    a.roles["person"] = [named[p.key] for p in persons]


def _subject_org(table: EntityTable, tok: Token) -> SpanRef | None:
    """The named organization that is the subject of the nearest clause over the trigger."""
    for anc in tok.ancestors:
        subjects = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            ref = table.at_token(subjects[0].i)
            return ref if ref is not None and ref.kind == ORG and not ref.anaphor else None
    return None


def _employer_ref(table: EntityTable, person: str, employer: dict[str, str]) -> SpanRef | None:
    org = employer.get(person)
    return next((r for r in table.spans if r.key == org and not r.anaphor), None) if org else None


FILING_VERBS = frozenset({"file", "bring", "lodge", "launch", "submit"})


def _filed_against(tok: Token, trig: Trigger, a: Args, table: EntityTable) -> None:
    """ "A class action was filed last year against Y by Z": a suit noun that is the passive subject of
    a filing verb takes its defendants from "against" and its plaintiffs from "by" on that verb."""
    if trig.pos != "noun" or tok.dep_ != "nsubjpass" or tok.head.lemma_ not in FILING_VERBS:
        return
    verb = tok.head
    for role, phrases in (
        ("defendant", syntax.prep_objects(verb, ["against"])),
        ("plaintiff", syntax.agent_tokens(verb)),
    ):
        if not a.get(role):
            taken = a.keys()
            named = [r for t in phrases for r in _named_by(table, t)]
            a.add(role, [r for r in named if r.kind in (ORG, PERSON) and r.key not in taken])
