"""What a launch verb's named object is: a product, unless the clause makes it an organization.

Two readings the general cues miss:

- A launched name right before a product noun: "Brontide launched the Velo Quill training engine",
  "Nexaro rolls out Harbor Forge service", "Sorvo announced its Z7 III camera" ("announce" counts
  here: the noun says a thing is launched; word lists in kg/data/launch_objects.json). The parse
  makes the noun the verb's object and the name its modifier, so `evidence.launch_votes` does not
  see it, and a weak head noun ("service", "platform") alone does not outvote the model's
  organization label. Cue `launch-head`, weight 5; not when the launcher has the same name
  ("Brellix launched the Brellix platform").
- A launched name opening with a given name ("Brontide debuted the Isaac Vela Orin, its latest
  robot computer"; "Qantor introduced Tessa AI as its security assistant"): `evidence.launch_votes`
  gives no vote to a name that opens with a given name (people are "introduced" too). Companies
  launch, unveil or debut no people, so the launch counts (cue `launch-object`) after those verbs;
  after "introduce", "release" and "showcase" only where the clause shows a thing (an article or
  possessive before the name, a company or product word or an acronym at its end, a product noun
  after it, a product apposition or "as its <product noun>"). The person reading of every mention
  of the name (given name, reused surname, the model's label) is then dropped, unless a title or
  speaker label makes one of them a person.

A place suffix or place label on a launched object ("Nexaro launched Nexaro Bridge to ...") is no
place either: places are not launched, so those votes are dropped on that mention.

An organization suffix still wins with no product cue but the launch ("Acme launched Zed Labs, a
venture studio"): the launch vote (5) is below the suffix (8), as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kg.extract import evidence as ev
from kg.extract.names import name_key
from kg.extract.resources import LAUNCH_OBJECTS_PATH, word_section
from kg.model import PERSON, PLACE, PRODUCT

if TYPE_CHECKING:
    from kg.extract.candidates import Cand
    from kg.extract.resources import EntityRules

_OBJECT_DEPS = ("dobj", "nsubjpass")
_MODIFIER_DEPS = ("compound", "amod", "nmod")
_THING_DETERMINERS = frozenset({"the", "its", "their", "our", "his", "her", "new"})
_PERSON_CUES = frozenset({"title-before", "appos-title", "speaker-label"})
_PERSON_READINGS = frozenset({"given-name", "surname-reuse", "ner"})
_PLACE_READINGS = frozenset({"place-suffix", "ner"})
_PEOPLE_VERBS = frozenset({"introduce", "release", "showcase"})  # also take people: "released Jane Roe"


@dataclass(frozen=True)
class LaunchWords:
    launched_heads: frozenset[str]
    head_verbs: frozenset[str]


@cache
def launch_words() -> LaunchWords:
    """kg/data/launch_objects.json, read once per process at run time."""
    return word_section(LAUNCH_OBJECTS_PATH, "launch_objects", LaunchWords)


def _launch_verb(tok: Token, rules: EntityRules, extra: frozenset[str] = frozenset()) -> Token | None:
    """The launch verb (or an `extra` verb) whose object (or passive subject) `tok` is, if any."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    if tok.dep_ not in _OBJECT_DEPS:
        return None
    verb = tok.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or (lemma not in rules.launch_verbs and lemma not in extra):
        return None
    if lemma == "roll" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return None
    return verb


def _product_head(tok: Token, rules: EntityRules) -> bool:
    """A product noun, weak ones included ("engine", "service", "platform"), or a launched-thing noun
    of `launched_heads` ("wearable", "offering")."""
    if tok.pos_ != "NOUN":
        return False
    words = (tok.lower_, tok.lemma_.lower())
    heads, launched = rules.product_heads, launch_words().launched_heads
    return any(w in heads or w in launched for w in words)


def _between_ok(doc: Doc, end: int, head: int) -> bool:
    """Only lower-case modifiers, or a bracketed acronym, between the name and its head noun."""
    depth = 0
    for t in doc[end:head]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif not (t.is_lower or t.is_punct or depth > 0):
            return False
    return depth == 0


def launched_head_object(doc: Doc, start: int, end: int, rules: EntityRules) -> bool:
    """'launched the Velo Quill training engine': the name modifies a launched product noun."""
    root = doc[start:end].root
    if root.dep_ not in _MODIFIER_DEPS:
        return False
    head = root.head
    if head.i < end or not _product_head(head, rules):
        return False
    if not _between_ok(doc, end, head.i):
        return False  # not "Zed Labs Quill engine"
    verb = _launch_verb(head, rules, launch_words().head_verbs)
    return verb is not None and not _launcher_named(verb, doc[start:end].text)


def _launcher_named(verb: Token, name: str) -> bool:
    """'Brellix launched the Brellix platform': the company's own name before the noun is the company."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ in ("nsubj", "agent") and name in doc[c.left_edge.i : c.right_edge.i + 1].text:
            return True
    return False


def _as_product(root: Token, rules: EntityRules) -> bool:
    """'introduced Tessa AI as its security assistant': an "as" phrase with a product noun."""
    verb = root.head
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "as" or prep.i < root.i:
            continue
        if any(_product_head(p, rules) for p in prep.children if p.dep_ == "pobj"):
            return True
    return False


def launched_thing(doc: Doc, start: int, end: int, rules: EntityRules) -> bool:
    """A launched name whose clause shows a thing, not a person (see the module doc)."""
    root = doc[start:end].root
    verb = _launch_verb(root, rules)
    if verb is None:
        return False
    if verb.lemma_.lower() not in _PEOPLE_VERBS:
        return True  # "The company launched Arthur Shield": companies do not launch people
    before = doc[start - 1].lower_ if start > 0 else ""
    if before in _THING_DETERMINERS or _no_person_end(doc[start:end].text.split(), rules):
        return True
    if end < len(doc) and _product_head(doc[end], rules):
        return True
    if any(v.kind == PRODUCT for v in ev.appos_votes(doc, start, end, rules)):
        return True
    return _as_product(root, rules)


def _no_person_end(words: list[str], rules: EntityRules) -> bool:
    """'Charlotte AI', 'Clara MGX': no person's name ends in a company or product word or an acronym."""
    if len(words) < 2:
        return False
    last = words[-1]
    low = last.casefold()
    return (
        low in rules.org_suffixes
        or low in rules.product_heads
        or low in rules.not_person_last_words
        or (last.isupper() and len(last) >= 2)
    )


def object_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """Launch votes `evidence.launch_votes` leaves out: a launched product noun's modifier, and a
    launched thing whose name opens with a given name."""
    if launched_head_object(doc, start, end, rules):
        return [ev.Vote(PRODUCT, "Product", ev.W_HEAD, "launch-head")]
    if doc[start].text in rules.given_names and launched_thing(doc, start, end, rules):
        return [ev.Vote(PRODUCT, "Product", ev.W_HEAD, "launch-object")]
    return []


def retype_launched_objects(doc: Doc, cands: Iterable[Cand], rules: EntityRules) -> None:
    """Before grouping: launched things are no people and no places (see the module doc)."""
    cands = list(cands)
    things: set[str] = set()
    for c in cands:
        if c.gaz is not None:
            continue
        launched = any(v.cue in ("launch-object", "launch-head") for v in c.votes)
        if launched and any(v.kind == PLACE for v in c.votes):
            c.votes = [v for v in c.votes if not (v.kind == PLACE and v.cue in _PLACE_READINGS)]
        if launched and doc[c.start].text in rules.given_names and launched_thing(doc, c.start, c.end, rules):
            things.add(name_key(c.surface))
    if not things:
        return
    same = [c for c in cands if c.gaz is None and name_key(c.surface) in things]
    if any(v.cue in _PERSON_CUES for c in same for v in c.votes):
        return  # "CEO Tessa Vale" elsewhere: a person after all
    for c in same:
        c.votes = [v for v in c.votes if not (v.kind == PERSON and v.cue in _PERSON_READINGS)]
