"""worksFor from a job title after "as" (`as-title`, 0.75): "Dana Reyes, who attended the summit as
president of global affairs at Brellix Labs, said ...", "As the CEO of Brellix Labs, Dana Reyes
wants ...", "a researcher who serves as the director of the nonprofit Quillo Institute".

The title is the object of an "as" that hangs on a verb; the organization is the title's own
(`syntax.title_org`: "of/at X", "X's", "X CEO"), the person the verb's subject (through "who" and
coordination) or a "he"/"she" subject resolved in the sentence. Verbs of hiring, leaving and naming are
the event step's (an appointment or departure carries its own status: "plans to name X as CEO" is no
job yet, "fired as CEO" a past one), and so are verbs whose object is the person ("mentioned Y as").
"served/worked as" in the past tense is a past job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.patterns import code_rule, lexicon
from kg.extract.relbase import Candidate
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


AS_TITLE = code_rule("kg.rel.worksFor.as-title.v1", "worksFor", 0.75, (PERSON,), (ORG,))
# verbs whose "as" phrase is an appointment or departure (the event step reads those, with status) or
# whose object, not subject, takes the title
_EVENT_VERBS = frozenset({
    "appoint", "name", "hire", "tap", "promote", "elect", "choose", "select", "pick", "install", "recruit",
    "bring", "add", "welcome", "announce", "confirm", "designate", "nominate", "reinstate", "restore",
    "return", "rejoin", "join", "succeed", "replace", "fire", "oust", "remove", "dismiss", "sack", "axe",
    "depose", "boot", "push", "force", "step", "resign", "leave", "quit", "depart", "retire", "exit",
    "relinquish", "conclude", "end", "vacate", "mention", "describe", "list", "identify", "cite", "see",
    "regard", "know", "credit", "introduce", "present", "position", "bill", "tout", "cast",
})
_PAST_TENURE = frozenset({"serve", "work", "act", "spend"})
_POST_NOUNS = frozenset({"role", "term", "tenure", "stint", "time", "position", "capacity", "job", "post",
                         "work", "days", "years"})
MAX_UNIT = 6
_PAST_WORDS = frozenset({"previous", "prior", "earlier", "past", "old", "first"})
_POSS = frozenset({"'s", "\u2019s"})
_UNIT_GLUE = frozenset({"of", "and", "at", "for"})
_PAST_POSTS = frozenset({"tenure", "stint", "time", "days", "years"})


def as_titles(sdoc: Doc, sent: Span, table: EntityTable) -> list[Candidate]:
    """Candidates for "<person> <verb> ... as <title> of/at <organization>" in one sentence."""
    out: list[Candidate] = []
    for tok in sent:
        if tok.lower_ != "as" or tok.dep_ != "prep":
            continue
        found = _read(sdoc, table, tok)
        if found is None:
            continue
        people, org, role, former = found
        out.extend(
            Candidate(subject=p, object=org, pattern=AS_TITLE, sent=sent, role=role, former=former)
            for p in people
        )
    return out


def _read(sdoc: Doc, table: EntityTable, as_tok: Token) -> tuple[list[SpanRef], SpanRef, str, bool] | None:
    title = next((c for c in as_tok.children if c.dep_ == "pobj"), None)
    if title is None or title.lower_ not in lexicon("core_titles") or table.at_token(title.i) is not None:
        return None
    head = as_tok.head
    former = syntax.former_modifier(title)
    if head.pos_ in ("NOUN", "PROPN"):
        owned = _owned_post(table, head)
        if owned is not None:
            people, past = owned
            former = former or past
        else:
            verb = _verb_of(head)
            if verb is None:
                return None
            people = _verb_people(table, verb)
    elif head.pos_ in ("VERB", "AUX"):
        verb = head
        if verb.lemma_.lower() in _EVENT_VERBS or _person_object(table, verb, as_tok):
            return None  # "brought on A as an adviser": the object takes the title
        people = _verb_people(table, verb)
        former = former or (verb.lemma_.lower() in _PAST_TENURE and verb.tag_ == "VBD")
    else:
        return None
    if not people:
        return None
    orgs = [r for r in syntax.title_org(table, title, (ORG,)) if not r.anaphor]
    if not orgs:
        orgs = _org_after(sdoc, table, title)
    if len(orgs) != 1:
        return None
    return people, orgs[0], syntax.title_text(table, title), former


def _org_after(sdoc: Doc, table: EntityTable, title: Token) -> list[SpanRef]:
    """Where the parse hangs the "at" phrase on the verb: "as head of policy at X" read from the words
    (lower-case words and "of"/"and" after the title, then "at"/"for" and the organization)."""
    end = title.sent.end
    i = title.i + 1
    while i < end and i - title.i <= MAX_UNIT and (sdoc[i].lower_ in _UNIT_GLUE or sdoc[i].text.islower()):
        if sdoc[i].lower_ in ("at", "for") and i > title.i + 1:
            ref = table.at_token(i + 1) if i + 1 < end else None
            if ref is not None and ref.kind == PERSON and ref.end + 1 < end and sdoc[ref.end].lower_ in _POSS:
                ref = table.at_token(ref.end + 1)  # "at Ann Lee's Brellix": the person's company
                i = ref.start - 1 if ref is not None else i
            if ref is not None and ref.kind == ORG and ref.start == i + 1 and not ref.anaphor:
                return [ref]
            return []
        if not sdoc[i].is_alpha and sdoc[i].text != "-":
            return []
        i += 1
    return []


def _verb_of(noun: Token) -> Token | None:
    """The verb whose object the noun carrying "as" is: "attended the summit as president of X"."""
    verb = None
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _EVENT_VERBS:
        return None
    return verb


def _owned_post(table: EntityTable, noun: Token) -> tuple[list[SpanRef], bool] | None:
    """ "his role as CEO of X", "Ann Lee's time as president of X": the possessor holds the post
    (a past one for "time", "tenure", "stint"); None when the noun is no post noun with a person
    possessor, or when a verb of leaving or hiring governs it ("conclude his term as")."""
    if noun.lemma_.lower() not in _POST_NOUNS:
        return None
    gov = noun.head
    if noun.dep_ in ("dobj", "pobj") and gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in _EVENT_VERBS:
        return None
    for c in noun.children:
        if c.dep_ != "poss":
            continue
        if c.lower_ in syntax.PERSON_PRONOUNS:
            ref = syntax.resolve_pronoun(table, c, (PERSON,))
        else:
            ref = table.at_token(c.i)
        if ref is not None and ref.kind == PERSON:
            past = noun.lemma_.lower() in _PAST_POSTS or any(
                a.lower_ in lexicon("former_words") or a.lower_ in _PAST_WORDS for a in noun.lefts
            )
            return [ref], past
    return None


def _person_object(table: EntityTable, verb: Token, as_tok: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "dobj" and c.i < as_tok.i:
            ref = table.at_token(c.i)
            if c.lower_ in syntax.PERSON_PRONOUNS or (ref is not None and ref.kind == PERSON):
                return True
    return False


def _verb_people(table: EntityTable, verb: Token) -> list[SpanRef]:
    """The person subjects of the verb: named, through "who" or "he"/"she" in the same sentence."""
    refs: list[SpanRef] = []
    for s in syntax.subject_tokens(verb):
        if s.lower_ in syntax.PERSON_PRONOUNS:
            ref = syntax.resolve_pronoun(table, s, (PERSON,))
            refs.extend([ref] if ref is not None else [])
        else:
            refs.extend(syntax.denote(table, s, (PERSON,), conj=True))
    if not refs:
        first = verb.head if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") else verb
        for t in syntax.who_antecedents(first):  # "A, a professor who ... and now serves as ..."
            refs.extend(syntax.denote(table, t, (PERSON,), conj=True))
    return [r for r in refs if r.kind == PERSON]
