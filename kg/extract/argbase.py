"""What every event-argument reader shares: the `Args` record and helpers that read entities off the
parse (subjects, objects, compounds, prepositional phrases, light verbs)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.patterns import TriggerLexicon, lexicon
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON, PLACE, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

ANY = (ORG, PRODUCT, PERSON)
PARTIES = (ORG, PERSON)


@dataclass
class Args:
    """Participants found for one trigger, by role, plus what the roles were found through."""

    roles: dict[str, list[SpanRef]] = field(default_factory=dict)
    unfilled: set[str] = field(default_factory=set)  # roles stated by a phrase that names no entity
    title: Token | None = None
    light: bool = False  # some participant came from a light verb's subject
    window: bool = False  # some participant came from the words next to the trigger, not the parse
    generic: bool = False  # a launch's object is an unnamed product ("launched a new coding model")
    acting: bool = False  # an investor is the subject of the deal verb ("X will invest $5m in ...")

    def add(self, role: str, refs: Iterable[SpanRef]) -> None:
        for ref in refs:
            if ref.key not in self.keys():
                self.roles.setdefault(role, []).append(ref)

    def get(self, role: str) -> list[SpanRef]:
        return self.roles.get(role, [])

    def keys(self) -> set[str]:
        return {r.key for refs in self.roles.values() for r in refs}

    def all(self) -> list[tuple[str, SpanRef]]:
        return [(role, r) for role, refs in self.roles.items() for r in refs]

    @property
    def anaphoric(self) -> bool:
        return any(r.anaphor for _, r in self.all())


# --- shared helpers ----------------------------------------------------------------------------


def _subject_refs(a: Args, table: EntityTable, verb: Token, kinds: tuple[str, ...]) -> list[SpanRef]:
    """Entities of the verb's subject; when the parse finds no subject at all, the entity written
    right before the verb ("Anthropic partnered with X" misparsed as a noun phrase)."""
    before = lambda: syntax.mention_before(table, verb)  # noqa: E731 - sought only when needed
    return _side_refs(a, table, syntax.subject_tokens(verb), before, kinds)


def _object_refs(a: Args, table: EntityTable, verb: Token, kinds: tuple[str, ...]) -> list[SpanRef]:
    """Entities of the verb's object; when the parse finds none, the first entity in the noun phrase
    right after the verb ("acquired the robotics startup Covariant" misparsed)."""
    after = lambda: syntax.mention_after(table, verb)  # noqa: E731 - sought only when needed
    return _side_refs(a, table, syntax.object_tokens(verb), after, kinds)


def _side_refs(
    a: Args,
    table: EntityTable,
    toks: list[Token],
    neighbour: Callable[[], SpanRef | None],
    kinds: tuple[str, ...],
) -> list[SpanRef]:
    """The entities of the parsed tokens, else the neighbouring mention (sought only then; it marks
    the window fallback)."""
    if toks:
        return _refs(table, toks, kinds)
    ref = neighbour()
    if ref is not None and ref.kind in kinds:
        a.window = True
        return [ref]
    return []


def _refs(
    table: EntityTable, toks: Iterable[Token], kinds: tuple[str, ...], deep: bool = False
) -> list[SpanRef]:
    out: list[SpanRef] = []
    for t in toks:
        out.extend(syntax.denote(table, t, kinds, conj=True, deep=deep))
    return out


def _of_kind(refs: Iterable[SpanRef], *kinds: str) -> list[SpanRef]:
    return [r for r in refs if r.kind in kinds]


_MODIFIER_DEPS = frozenset(
    {"compound", "nmod", "amod", "npadvmod", "cc", "conj", "punct", "nummod", "quantmod"}
)


def _compounds(table: EntityTable, noun: Token, kinds: tuple[str, ...]) -> list[SpanRef]:
    """Entities named inside a noun phrase right before its head: "the Microsoft-G42 partnership",
    "the Nvidia and Siemens partnership". The run stops at a possessive "'s" (a possessor is not a
    modifier) and at anything that is not a modifier of the head."""
    doc = noun.doc
    i = noun.i - 1
    while i >= noun.sent.start:
        t = doc[i]
        if t.tag_ == "POS" or t.dep_ not in _MODIFIER_DEPS or not _is_under(t, noun):
            break
        i -= 1
    out: list[SpanRef] = []
    for ref in table.in_range(i + 1, noun.i):
        if ref.kind in kinds and ref.key not in {r.key for r in out}:
            out.append(ref)
    return out


def _is_under(tok: Token, head: Token) -> bool:
    return any(a.i == head.i for a in tok.ancestors)


def _preps(
    table: EntityTable, tok: Token, preps: Iterable[str], kinds: tuple[str, ...], deep: bool = True
) -> list[SpanRef]:
    return _refs(table, syntax.prep_objects(tok, preps), kinds, deep=deep)


def phrase_objects(tok: Token, preps: list[str]) -> list[Token]:
    """`syntax.prep_objects`, and the object of a noun the small model read as a gerund: "partnering
    with publishing giant X" with "publishing" as a clause and X its object."""
    out = syntax.prep_objects(tok, preps)
    for p in list(out):
        if p.dep_ == "pcomp" and p.tag_ in ("NN", "NNS", "VBG"):
            out += [c for c in p.children if c.dep_ == "dobj" and c.tag_ in ("NNP", "NNPS")]
    return out


def _subtree_refs(table: EntityTable, toks: Iterable[Token], kinds: tuple[str, ...]) -> list[SpanRef]:
    """Every entity (and possessive pronoun) inside the phrases: "access to its Anthropic integration"."""
    out: list[SpanRef] = []
    for top in toks:
        for t in top.subtree:
            ref = table.at_token(t.i)
            if ref is None and t.lower_ in syntax.ORG_PRONOUNS and t.dep_ == "poss":
                ref = syntax.resolve_pronoun(table, t, kinds)
            if ref is not None and ref.kind in kinds and ref.key not in {r.key for r in out}:
                out.append(ref)
    return out


# "made three rounds of investments in X", "a series of deals": the counted noun stands in for the
# trigger as the light verb's object.
COUNT_NOUNS = frozenset({"round", "rounds", "series", "number", "couple", "string", "wave", "pair", "set"})


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun trigger is the object of: "signed [a deal]", "participated in [the funding]",
    "made three rounds of [investments]"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in COUNT_NOUNS:
        tok = tok.head.head  # "rounds of investments"
    elif tok.dep_ == "appos" and tok.head.lower_ == "series" and tok.i > tok.head.i:
        tok = tok.head  # "announced a series A funding round": the parse makes "A" a determiner
    if tok.dep_ in ("dobj", "attr", "nsubjpass", "oprd") or misread_noun(tok):
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.dep_ == "prep":
        verb = tok.head.head  # "participated in the funding", "raised $5m in a round"
        if verb.tag_ == "CD" and verb.dep_ in ("dobj", "attr"):
            verb = verb.head  # "secured $6 million in seed funding": the phrase hangs on the amount
        elif verb.tag_ == "CD" and _debut_with(verb):
            verb = verb.head.head  # "emerged from stealth with $10 million in seed funding"
    elif _debut_with(tok):
        verb = tok.head.head  # "came out of stealth with $11 million series A funding"
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.i == tok.i:
        return None
    return verb


MONEY_ROLES = ("investor", "recipient")

# "emerged from stealth with $10 million in funding": a company that appears with money raised it
DEBUT_VERBS = frozenset({"emerge", "exit", "debut", "come"})


def _debut_with(tok: Token) -> bool:
    """`tok` is the object of "with" on a debut verb ("come" only as "come out")."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "with" or tok.head.dep_ != "prep":
        return False
    verb = tok.head.head
    if verb.lemma_ not in DEBUT_VERBS or verb.pos_ != "VERB":
        return False
    return verb.lemma_ != "come" or any(c.lower_ == "out" for c in verb.children)


def misread_noun(tok: Token) -> bool:
    """A noun the small model tagged an adverb next to its verb: "completed a $64 million series B
    funding round" with "round" as RB (an adverb takes no determiner and no noun compound)."""
    return (
        tok.dep_ in ("advmod", "npadvmod")
        and not tok.tag_.startswith("NN")
        and any(
            (c.dep_ == "det" and c.lower_ in ("a", "an", "the", "its", "their"))
            or (c.dep_ == "compound" and c.tag_.startswith("NN"))
            for c in tok.children
        )
    )


def light_verb(tok: Token, family: str, lex: TriggerLexicon) -> tuple[str, list[Token]] | None:
    """For a noun trigger that is the object of a light verb ("signed a deal", "faces delays",
    "announced the shutdown", "participated in the round"), the role of the verb's subject and the
    subject tokens. Only deal nouns take a light verb through "in" or a counted noun."""
    verb = governing_verb(tok)
    direct = verb is not None and verb.i == tok.head.i
    if verb is None or (family != "deal" and not direct):
        return None
    money = lex.light_verbs.get("deal", {})
    if (
        not direct
        and tok.head.lower_ == "in"
        and not any(verb.lower_ in money.get(r, ()) or verb.lemma_ in money.get(r, ()) for r in MONEY_ROLES)
    ):
        return None  # "working with X in a partnership" is no light verb: see _deal
    role = lex.light_role(family, verb.lower_, verb.lemma_)
    if role is None:
        return None
    if tok.dep_ == "nsubjpass" and direct:
        return role, syntax.agent_tokens(verb)
    return role, syntax.subject_tokens(verb)


def _places(table: EntityTable, toks: Iterable[Token]) -> list[SpanRef]:
    out: list[SpanRef] = []
    for t in toks:
        out.extend(
            _of_kind(_refs(table, syntax.prep_objects(t, ["in", "across", "throughout"]), (PLACE,)), PLACE)
        )
    return out


def _org_like(tok: Token) -> bool:
    """ "the company", "it": a phrase that stands for an organization the text named elsewhere (not a
    name the entity step missed: "engineering house dbt Labs")."""
    if tok.tag_ in ("NNP", "NNPS"):
        return False
    return tok.lower_ in lexicon("org_nouns") or tok.lower_ in syntax.ORG_PRONOUNS


def _body_orgs(table: EntityTable, body: Token) -> list[SpanRef]:
    """The organization of a board, shareholders, management: "the board of X", "X's shareholders",
    "the X board"."""
    return (
        _refs(table, syntax.prep_objects(body, ["of"]), (ORG,))
        + syntax.possessors(table, body, (ORG,))
        + _compounds(table, body, (ORG,))
    )


def reported_it(table: EntityTable, tok: Token, key: str | None = None) -> SpanRef | None:
    """ "Cyara announced that it has received $350m": "it" as the subject of a clause reported by a
    verb whose subject is named stands for that name (an organization, or a place the entity step
    took a company for), whatever the entity step resolved "it" to (`key`); a person's "it" is left
    alone."""
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = tok.head
    if clause.dep_ != "ccomp" or clause.head is clause:
        return None
    for s in syntax.subject_tokens(clause.head):
        named = [r for r in table.in_range(s.left_edge.i, s.i + 1) if not r.anaphor and r.end == s.i + 1]
        if len(named) == 1 and named[0].kind in (ORG, PLACE) and named[0].key != key:
            return named[0]
    return None
