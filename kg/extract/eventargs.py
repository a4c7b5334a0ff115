"""Participants of an event, read from the dependency parse around its trigger.

One reader per argument family (see "types" in kg/data/triggers.json):
product (Launch, Discontinuation, Delay), deal (Deal, Acquisition, Investment, Partnership),
personnel (Appointment, Departure), outage, legal (LegalAction). Verbal triggers take their
subject, object, passive agent and prepositional phrases; nominal triggers take their possessor,
compounds and "of"/"with"/"between"/"by"/"in" phrases, and the subject of a light verb
("X signed a deal with Y", "X faces delays").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.patterns import Trigger, TriggerLexicon, lexicon
from kg.extract.table import EntityTable, SpanRef
from kg.extract.triggers import trigger_options
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


def arguments(tok: Token, trig: Trigger, table: EntityTable, lex: TriggerLexicon) -> Args:
    readers: dict[str, Callable[[Token, Trigger, EntityTable, TriggerLexicon], Args]] = {
        "product": _product,
        "deal": _deal,
        "personnel": _personnel,
        "outage": _outage,
        "legal": _legal,
    }
    return readers[trig.family](tok, trig, table, lex)


# --- shared helpers ----------------------------------------------------------------------------


def _subject_refs(a: Args, table: EntityTable, verb: Token, kinds: tuple[str, ...]) -> list[SpanRef]:
    """Entities of the verb's subject; when the parse finds no subject at all, the entity written
    right before the verb ("Anthropic partnered with X" misparsed as a noun phrase)."""
    toks = syntax.subject_tokens(verb)
    if toks:
        return _refs(table, toks, kinds)
    ref = syntax.mention_before(table, verb)
    if ref is not None and ref.kind in kinds:
        a.window = True
        return [ref]
    return []


def _object_refs(a: Args, table: EntityTable, verb: Token, kinds: tuple[str, ...]) -> list[SpanRef]:
    """Entities of the verb's object; when the parse finds none, the first entity in the noun phrase
    right after the verb ("acquired the robotics startup Covariant" misparsed)."""
    toks = syntax.object_tokens(verb)
    if toks:
        return _refs(table, toks, kinds)
    ref = syntax.mention_after(table, verb)
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
    if tok.dep_ in ("dobj", "attr", "nsubjpass", "oprd"):
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.dep_ == "prep":
        verb = tok.head.head  # "participated in the funding", "raised $5m in a round"
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.i == tok.i:
        return None
    return verb


def light_verb(tok: Token, family: str, lex: TriggerLexicon) -> tuple[str, list[Token]] | None:
    """For a noun trigger that is the object of a light verb ("signed a deal", "faces delays",
    "announced the shutdown", "participated in the round"), the role of the verb's subject and the
    subject tokens. Only deal nouns take a light verb through "in" or a counted noun."""
    verb = governing_verb(tok)
    direct = verb is not None and verb.i == tok.head.i
    if verb is None or (family != "deal" and not direct):
        return None
    if (
        not direct
        and tok.head.lower_ == "in"
        and lex.light_role(family, verb.lower_, verb.lemma_) not in ("investor", "recipient")
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


# --- product events: Launch, Discontinuation, Delay --------------------------------------------


def _released_for(tok: Token, objs: list[Token], trig: Trigger) -> list[Token]:
    """ "released the code for X", "published the weights of X", "a preview of X": an object of
    `release_objects` (triggers.json) stands for the product named after it (launches only)."""
    if trig.type != "Launch":
        return []
    words = trigger_options()["release_objects"]
    out: list[Token] = []
    for o in objs:
        mods = [t for t in o.subtree if (t.i < o.i and t.dep_ in ("compound", "amod")) or t == o]
        phrase = " ".join(t.lower_ for t in mods)
        if o.lower_ in words or o.lemma_ in words or phrase in words:
            out += syntax.prep_objects(o, ["for", "of", "behind"]) + syntax.prep_objects(tok, ["for"])
    return out


def _product(tok: Token, trig: Trigger, table: EntityTable, lex: TriggerLexicon) -> Args:
    a = Args()
    np_toks: list[Token] = [tok]
    if trig.pos == "verb":
        if syntax.is_passive(tok):
            pats = syntax.patient_tokens(tok)
            a.add("product", _of_kind(_refs(table, pats, ANY, deep=True), PRODUCT))
            a.add("agent", _of_kind(_refs(table, syntax.agent_tokens(tok), ANY), ORG))
            np_toks += pats
        else:
            subj = _subject_refs(a, table, tok, ANY)
            objs = syntax.object_tokens(tok)
            if len(trig.words) > 2:  # "pull the plug on X"
                objs += syntax.prep_objects(tok, ["on"])
            objs += _released_for(tok, objs, trig)
            if objs:
                obj_refs = _refs(table, objs, (PRODUCT,), deep=True)
            else:
                obj_refs = [] if trig.intransitive else _object_refs(a, table, tok, (PRODUCT,))
            a.add("agent", _of_kind(subj, ORG))
            a.add("product", _of_kind(obj_refs, PRODUCT))
            if not objs and trig.intransitive:  # "Sora launched", "the service shut down"
                a.add("product", _of_kind(subj, PRODUCT))
            if not a.get("agent"):
                for o in objs:
                    a.add("agent", syntax.possessors(table, o, (ORG,)))
            np_toks += objs
        a.add("agent", _of_kind(_preps(table, tok, ["by"], ANY, deep=False), ORG))
    else:
        for ref in syntax.possessors(table, tok, (ORG, PRODUCT)) + _compounds(table, tok, (ORG, PRODUCT)):
            a.add("agent" if ref.kind == ORG else "product", [ref])
        # "the shutdown of X"; "a delay in the rollout of X" (other prepositions only into event nouns)
        pobjs = syntax.prep_objects(tok, ["of"])
        pobjs += [
            p
            for p in syntax.prep_objects(tok, ["in", "to", "for", "on"])
            if p.lower_ in lexicon("deep_nouns")
        ]
        for pobj in pobjs:
            a.add("product", _of_kind(syntax.denote(table, pobj, ANY, conj=True, deep=True), PRODUCT))
            a.add("agent", syntax.possessors(table, pobj, (ORG,)))
        a.add("agent", _of_kind(_preps(table, tok, ["by", "from"], ANY, deep=False), ORG))
        if not a.roles:
            light = light_verb(tok, "product", lex)
            if light is not None:
                _, subjects = light
                for s in subjects:
                    refs = syntax.denote(table, s, ANY, conj=True) + _compounds(table, s, (ORG, PRODUCT))
                    a.add("agent", _of_kind(refs, ORG) + syntax.possessors(table, s, (ORG,)))
                    a.add("product", _of_kind(refs, PRODUCT))
                    np_toks.append(s)
                a.light = bool(a.roles)
    a.add("place", _places(table, np_toks))
    return a


# --- deals: Deal, Acquisition, Investment, Partnership -----------------------------------------


def _deal_roles(trig: Trigger) -> tuple[str, str]:
    if trig.type == "Acquisition":
        return "agent", "target"
    if trig.type == "Investment":
        return "investor", "recipient"
    return "agent", "partner"


# Which entity kinds may fill each deal role: companies partner; people also buy and invest.
DEAL_KINDS: dict[str, tuple[str, ...]] = {
    "agent": (ORG, PERSON),
    "target": (ORG, PRODUCT),
    "investor": (ORG, PERSON),
    "recipient": (ORG,),
    "partner": (ORG,),
}


def _party_kinds(trig: Trigger, role: str) -> tuple[str, ...]:
    if trig.type in ("Partnership", "Deal"):
        return (ORG,)
    return DEAL_KINDS.get(role, (ORG,))


def _fill(a: Args, role: str, table: EntityTable, toks: list[Token], kinds: tuple[str, ...]) -> None:
    """Add the entities the phrases name to `role`; a phrase that names none (and is not "the
    company" or a pronoun standing for one) marks the role as stated-but-not-an-entity."""
    refs = _of_kind(_refs(table, toks, ANY), *kinds)
    if refs:
        a.add(role, refs)
    elif any(not _org_like(t) for t in toks):
        a.unfilled.add(role)


def _whose_nouns(subjects: list[Token]) -> list[Token]:
    """ "Baig, a former engineer whose startup, Sero AI, received ...": the "whose" noun phrases in
    apposition to a subject (and their own appositions), which the small model attaches to the person."""
    out: list[Token] = []
    for s in subjects:
        for c in s.children:
            if c.dep_ == "appos" and any(g.dep_ == "poss" and g.lower_ == "whose" for g in c.children):
                out += [c, *(g for g in c.children if g.dep_ == "appos")]
    return out


def _fill_investors(a: Args, table: EntityTable, toks: list[Token]) -> None:
    """Investors after "from", "by", "led by": the names the phrase denotes and every organization or
    person inside it, since the small model often breaks such lists ("co-led by A and B Ventures" with
    A as a modifier of Ventures, "from investors that include A and B")."""
    _fill(a, "investor", table, toks, (ORG, PERSON))
    have = set(a.keys())
    for t in toks:
        inside = table.in_range(t.left_edge.i, t.right_edge.i + 1)
        refs = [
            r
            for r in inside
            if r.kind in (ORG, PERSON) and not r.anaphor and r.key not in have and _listed_under(t, r)
        ]
        a.add("investor", refs)
        have |= {r.key for r in refs}


LIST_DEPS = frozenset({"conj", "nmod", "compound", "pobj", "dobj", "relcl", "prep", "cc"})


def _listed_under(top: Token, ref: SpanRef) -> bool:
    """Whether the mention hangs under `top` through list and phrase links only, not through an
    apposition or a modifier ("X, the venture arm of Y", "Ali Ghodsi-led Databricks")."""
    doc = top.doc
    tok = doc[ref.end - 1]
    while ref.start <= tok.head.i < ref.end and tok.head is not tok:
        tok = tok.head
    for _ in range(30):
        if tok == top:
            return True
        if tok.dep_ not in LIST_DEPS or tok.head is tok:
            return False
        tok = tok.head
    return False


def _org_like(tok: Token) -> bool:
    """ "the company", "it": a phrase that stands for an organization the text named elsewhere."""
    return tok.lower_ in lexicon("org_nouns") or tok.lower_ in syntax.ORG_PRONOUNS


def _body_orgs(table: EntityTable, body: Token) -> list[SpanRef]:
    """The organization of a board, shareholders, management: "the board of X", "X's shareholders",
    "the X board"."""
    return (
        _refs(table, syntax.prep_objects(body, ["of"]), (ORG,))
        + syntax.possessors(table, body, (ORG,))
        + _compounds(table, body, (ORG,))
    )


def _led_by(tok: Token) -> list[Token]:
    """ "a round led by X" / "led by X" anywhere below the trigger."""
    out: list[Token] = []
    for t in tok.subtree:
        if t.lower_ in ("led", "co-led") and t.i != tok.i:
            out.extend(syntax.agent_tokens(t))
    return out


def _deal(tok: Token, trig: Trigger, table: EntityTable, lex: TriggerLexicon) -> Args:
    a = Args()
    first, second = _deal_roles(trig)
    k1, k2 = _party_kinds(trig, first), _party_kinds(trig, second)
    investment = trig.type == "Investment"
    if trig.pos == "verb":
        if syntax.is_passive(tok):
            _fill(a, second, table, syntax.patient_tokens(tok), k2)
            _fill(a, first, table, syntax.agent_tokens(tok), k1)
            if not a.get(first):
                a.unfilled.add(first)  # "X was acquired in 2017": the writer leaves the buyer out
        else:
            role = "recipient" if investment and trig.needs_amount else first  # "X raised $N from Y"
            kinds = (ORG,) if role == "recipient" else k1
            subj_toks = syntax.subject_tokens(tok)
            if subj_toks:
                subj = _of_kind(_refs(table, subj_toks, ANY), *kinds)
                if not subj and any(not _org_like(t) for t in subj_toks):
                    a.unfilled.add(role)  # "folks will be able to buy X": a buyer, but no company
            else:
                subj = _of_kind(_subject_refs(a, table, tok, ANY), *kinds)
            if trig.type in ("Partnership", "Deal") and len(subj) > 1:  # "X and Y partnered"
                a.add(first, subj[:1])
                a.add(second, subj[1:])
            else:
                a.add(role, subj)
            if trig.type in ("Acquisition", "Partnership", "Deal"):
                if syntax.object_tokens(tok):
                    _fill(a, second, table, syntax.object_tokens(tok), k2)
                elif not syntax.prep_objects(tok, ["with", "to"]):
                    a.add(second, _of_kind(_object_refs(a, table, tok, ANY), *k2))
        if investment:
            # "invested $10bn in X": the phrase may hang on the amount
            heads = [tok, *(o for o in syntax.object_tokens(tok) if not table.at_token(o.i))]
            recipients = [p for h in heads for p in syntax.prep_objects(h, ["in", "into"])]
            _fill(a, "recipient", table, recipients, (ORG,))
            _fill_investors(a, table, syntax.prep_objects(tok, ["from", "by"]) + _led_by(tok))
        elif trig.type != "Acquisition" or trig.words[0] == "merge":  # "partnered with X", "merged with X"
            _fill(a, second, table, syntax.prep_objects(tok, ["with", "to"]), k2)
        return a
    possessor = "recipient" if investment and trig.needs_amount else first  # "Anthropic's funding round"
    _fill(a, possessor, table, [c for c in tok.children if c.dep_ == "poss"], _party_kinds(trig, possessor))
    comp = _compounds(table, tok, PARTIES)
    if investment:  # "a Microsoft investment", "EU funding": the compound is the money's source
        a.add("investor", _of_kind(comp, ORG, PERSON))
    elif trig.type == "Acquisition":
        # "the Microsoft-Activision deal": buyer then target; a lone "the Yahoo acquisition" may be either
        if len(comp) > 1:
            a.add(first, comp[:1])
            a.add(second, _of_kind(comp[1:], *k2))
    else:
        for ref in _of_kind(comp, *k1):
            a.add(first if not a.get(first) else second, [ref])
    if trig.type == "Acquisition":
        # "acquisition of X", "bid for X"
        _fill(a, second, table, syntax.prep_objects(tok, ["of", "for"]), k2)
        merging = _of_kind(_refs(table, syntax.prep_objects(tok, ["between"]), ANY), ORG)
        if len(merging) > 1:  # "the merger between Adobe and Figma"
            a.add(first, merging[:1])
            a.add(second, merging[1:])
    elif not investment:
        between = syntax.prep_objects(tok, ["between", "among", "of"])
        parties = _of_kind(_refs(table, between, ANY), *k1)
        for ref in parties:
            a.add(first if not a.get(first) else second, [ref])
        named = [t for b in between for t in (b, *b.conjuncts)]
        if len(named) > len(parties) and not all(_org_like(t) for t in named if not table.at_token(t.i)):
            a.unfilled.add(second)  # "between the U.S. Army and GPS": one side is not an entity
        _fill(a, second, table, syntax.prep_objects(tok, ["with"]), k2)
    if investment:
        _fill(a, "recipient", table, syntax.prep_objects(tok, ["in", "into", "for", "to"]), (ORG,))
        if not a.get("recipient"):  # "the $270 million funding of Cohere"
            a.add("recipient", _of_kind(_refs(table, syntax.prep_objects(tok, ["of"]), ANY), ORG))
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of" and not a.get("recipient"):
                    # "funding of Canadian AI startup Cohere" with "startup" taken for a verb
                    after = syntax.mention_after(table, c, gap=6)
                    if after is not None and after.kind == ORG:
                        a.add("recipient", [after])
                        a.window = True
        _fill_investors(a, table, syntax.prep_objects(tok, ["by", "from"]) + _led_by(tok))
    else:
        _fill(a, first, table, syntax.prep_objects(tok, ["by", "from"]), k1)
    if not a.get(first) and not investment and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
        # "In partnership with X, Y launched ...": the clause's subject is the other side
        verb = tok.head.head
        _fill(a, first, table, syntax.subject_tokens(verb), k1)
        if not a.get(second) and tok.head.lower_ in ("in", "through", "under"):
            # "X is working with Y in a partnership": the partner hangs on the governing verb
            _fill(a, second, table, syntax.prep_objects(verb, ["with"]), k2)
    light = light_verb(tok, "deal", lex)
    gov = governing_verb(tok)
    if light is not None and gov is not None and not investment:
        _fill(a, second, table, syntax.prep_objects(gov, ["with"]), k2)  # "signed a deal with X"
    if light is not None and gov is not None and investment and not a.get("investor"):
        # "received backing from X": the source hangs on the verb
        _fill(a, "investor", table, syntax.prep_objects(gov, ["from"]), (ORG, PERSON))
    if light is not None and gov is not None:
        role = _light_deal_role(trig, gov, lex)
        if role == "target" and a.get("target"):
            role = first  # "X accepted a bid for Y": the target is named, so X is the bidder
        refs = _of_kind(_refs(table, light[1], ANY), *_party_kinds(trig, role))
        if not refs:  # "The board of HubSpot rejected ...", "HubSpot's shareholders accepted ..."
            for body in light[1]:
                if body.lower_ in lexicon("body_nouns"):
                    refs += _of_kind(_body_orgs(table, body), *_party_kinds(trig, role))
        if not refs:  # "X, an engineer whose startup, Y, received backing": the parse makes X the subject
            refs = _of_kind(_refs(table, _whose_nouns(light[1]), ANY), *_party_kinds(trig, role))
        if refs and not any(r.key in a.keys() for r in refs):  # noqa: SIM118
            a.add(role, refs)
            a.light = True
        elif not refs and any(not _org_like(t) for t in light[1]) and not a.get(role):
            a.unfilled.add(role)  # "3DGS secured a deal with X": the signer is named, just not an entity
    return a


def _light_deal_role(trig: Trigger, verb: Token, lex: TriggerLexicon) -> str:
    roles = lex.light_verbs.get("deal", {})

    def has(role: str) -> bool:
        return verb.lower_ in roles.get(role, ()) or verb.lemma_ in roles.get(role, ())

    if trig.type == "Investment":
        if trig.needs_amount:
            return "recipient" if has("recipient") or not has("investor") else "investor"
        return "investor" if has("investor") or not has("recipient") else "recipient"
    if trig.type == "Acquisition" and has("target"):  # "X rejected a takeover offer"
        return "target"
    return _deal_roles(trig)[0]


# --- personnel: Appointment, Departure ---------------------------------------------------------


def _title_near(tok: Token) -> Token | None:
    """A job title attached to a personnel trigger: "named X CEO", "joined as president",
    "promoted to chief scientist", "took over as head of Y"."""
    titles = lexicon("core_titles") | lexicon("occupation_nouns")
    cands: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("oprd", "attr", "xcomp", "dobj", "npadvmod", "appos", "ccomp", "acomp"):
            cands.append(c)
        elif c.dep_ == "prep" and c.lower_ in ("as", "to"):
            cands.extend(p for p in c.children if p.dep_ == "pobj")
    for c in cands:
        sub = [t for t in c.subtree if t.lower_ in titles]
        if sub and len(list(c.subtree)) <= 10:
            # the head-most title word: "chief executive officer" -> officer
            return min(sub, key=lambda t: (len(list(t.ancestors)), -t.i))
    return None


def _personnel(tok: Token, trig: Trigger, table: EntityTable, lex: TriggerLexicon) -> Args:
    a = Args()
    org_preps = ["from", "at"]
    if trig.pos == "verb":
        a.title = _title_near(tok)
        if trig.subject == "person":
            if any(c.dep_ == "prt" and c.lower_ not in trig.words for c in tok.children):
                return Args()  # "left off", "joined in": another verb than the trigger
            a.add("person", _of_kind(_subject_refs(a, table, tok, ANY), PERSON))
            objs = syntax.object_tokens(tok)
            a.add("organization", _of_kind(_refs(table, objs, ANY), ORG))
            for o in objs:
                a.add("organization", syntax.possessors(table, o, (ORG,)))
            a.add("organization", _of_kind(_preps(table, tok, org_preps, ANY, deep=False), ORG))
            other = [
                o
                for o in objs
                if not (
                    _org_like(o) or o.lower_ in lexicon("title_words") or o.lower_ in ("board", *trig.words)
                )
            ]
            if other and not a.get("organization"):
                return Args()  # "left Atlanta", "joined the call": the object is no organization
        elif syntax.is_passive(tok):
            a.add("person", _of_kind(_refs(table, syntax.patient_tokens(tok), ANY), PERSON))
            a.add("organization", _of_kind(_refs(table, syntax.agent_tokens(tok), ANY), ORG))
            a.add("organization", _of_kind(_preps(table, tok, ["from", "at"], ANY, deep=False), ORG))
        else:
            subj = _subject_refs(a, table, tok, ANY)
            for body in syntax.subject_tokens(tok):  # "the then-Apple board pushed out X"
                if body.lower_ in lexicon("body_nouns"):
                    subj += _body_orgs(table, body)
            a.add("organization", _of_kind(subj, ORG))
            a.add("person", _of_kind(_object_refs(a, table, tok, ANY), PERSON))
            a.add("organization", _of_kind(_preps(table, tok, ["from", "at"], ANY, deep=False), ORG))
    else:
        for ref in syntax.possessors(table, tok, (ORG, PERSON)) + _compounds(table, tok, (ORG, PERSON)):
            a.add("person" if ref.kind == PERSON else "organization", [ref])
        for ref in _preps(table, tok, ["of"], ANY, deep=False):
            a.add(
                "person" if ref.kind == PERSON else "organization", [ref] if ref.kind in (PERSON, ORG) else []
            )
        a.add("organization", _of_kind(_preps(table, tok, ["from", "at", "with"], ANY, deep=False), ORG))
        for pobj in syntax.prep_objects(tok, ["as"]):
            a.title = pobj
        if not a.get("person"):
            light = light_verb(tok, "personnel", lex)
            if light is not None:
                a.add("person", _of_kind(_refs(table, light[1], ANY), PERSON))
                a.light = bool(a.get("person"))
    if a.title is not None and not a.get("organization"):
        a.add("organization", syntax.title_org(table, a.title, (ORG,)))
    return a


# --- outages -----------------------------------------------------------------------------------


def _outage(tok: Token, trig: Trigger, table: EntityTable, lex: TriggerLexicon) -> Args:
    a = Args()
    kinds = (ORG, PRODUCT)
    found: list[SpanRef] = []
    if trig.pos == "verb":
        subjects = syntax.subject_tokens(tok) or syntax.patient_tokens(tok)
        found += _refs(table, subjects, kinds)
        for s in subjects:
            found += syntax.possessors(table, s, (ORG,))
        if trig.objects:  # "restored access to its X integration"
            for o in syntax.object_tokens(tok):
                found += _subtree_refs(table, syntax.prep_objects(o, ["to", "for", "on"]), kinds)
    else:
        found += syntax.possessors(table, tok, kinds) + _compounds(table, tok, kinds)
        found += _subtree_refs(
            table, syntax.prep_objects(tok, ["of", "at", "to", "for", "on", "affecting", "in"]), kinds
        )
        for c in tok.children:  # "an outage affecting X"
            if c.dep_ == "acl" and c.lower_ in ("affecting", "hitting", "impacting", "disrupting"):
                found += _subtree_refs(table, syntax.object_tokens(c), kinds)
        if not found:
            light = light_verb(tok, "outage", lex)
            if light is not None:
                for s in light[1]:
                    found += syntax.denote(table, s, kinds, conj=True) + syntax.possessors(table, s, (ORG,))
                a.light = bool(found)
    for ref in found:
        a.add("organization" if ref.kind == ORG else "product", [ref])
    return a


# --- legal action ------------------------------------------------------------------------------


def _legal(tok: Token, trig: Trigger, table: EntityTable, lex: TriggerLexicon) -> Args:
    a = Args()
    light = None
    if trig.pos == "verb":
        if syntax.is_passive(tok):
            a.add("defendant", _refs(table, syntax.patient_tokens(tok), PARTIES))
            a.add("plaintiff", _refs(table, syntax.agent_tokens(tok), PARTIES))
        else:
            a.add("plaintiff", _subject_refs(a, table, tok, PARTIES))
            a.add("defendant", _object_refs(a, table, tok, PARTIES))
        a.add("defendant", _preps(table, tok, ["against"], PARTIES, deep=False))
    else:
        a.add("plaintiff", syntax.possessors(table, tok, PARTIES))
        a.add("defendant", _preps(table, tok, ["against", "into", "of", "over"], PARTIES, deep=False))
        a.add("plaintiff", _preps(table, tok, ["by", "from"], PARTIES, deep=False))
        light = light_verb(tok, "legal", lex)
        if light is not None:
            role, subjects = light
            refs = _refs(table, subjects, PARTIES)
            if refs and not any(r.key in a.keys() for r in refs):  # noqa: SIM118
                a.add(role, refs)
                a.light = True
    if not a.get("plaintiff"):
        subjects = syntax.subject_tokens(tok) if trig.pos == "verb" else (light[1] if light else [])
        a.add("plaintiff", _named_next(table, subjects))
    return a


def _named_next(table: EntityTable, subjects: list[Token]) -> list[SpanRef]:
    """ "A trio of artists sued X. The artists — A, B and C — allege ...": a plural subject that names
    nobody, named in an apposition to the same noun opening the next sentence (`group_nouns` of
    triggers.json: "trio of", "group of")."""
    groups = trigger_options()["group_nouns"]
    for s in subjects:
        noun = s
        if s.lower_ in groups:
            noun = next((p for p in syntax.prep_objects(s, ["of"]) if p.tag_ == "NNS"), s)
        if noun.tag_ != "NNS" or table.at_token(noun.i) is not None:
            continue
        doc = noun.doc
        if noun.sent.end >= len(doc):
            continue
        nxt = doc[noun.sent.end].sent
        for t in nxt[:3]:
            after = doc[t.i + 1] if t.i + 1 < nxt.end else None
            if t.lower_ != noun.lower_ or after is None or after.text not in (",", "—", "–", "-", "("):
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in t.children):
                continue
            end = t.head.i if t.head.i > t.i else nxt.end
            refs = [r for r in table.in_range(t.i + 1, end) if r.kind in (PERSON, ORG) and not r.anaphor]
            if refs:
                return refs
    return []
