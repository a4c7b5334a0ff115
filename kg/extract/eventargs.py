"""Participants of an event, read from the dependency parse around its trigger.

One reader per argument family (see "types" in kg/data/triggers.json):
product (Launch, Discontinuation, Delay), deal (Deal, Acquisition, Investment, Partnership),
personnel (Appointment, Departure), outage, legal (LegalAction). Verbal triggers take their
subject, object, passive agent and prepositional phrases; nominal triggers take their possessor,
compounds and "of"/"with"/"between"/"by"/"in" phrases, and the subject of a light verb
("X signed a deal with Y", "X faces delays").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.extract import (
    availability,
    laternames,
    launchclauses,
    launchers,
    launchlists,
    launchnames,
    launchobjects,
    opensource,
    syntax,
    unnamedlaunches,
)
from kg.extract.anaphora import product_antecedent
from kg.extract.apposed import apposed_people
from kg.extract.argbase import (
    ANY,
    PARTIES,
    Args,
    _body_orgs,
    _compounds,
    _object_refs,
    _of_kind,
    _org_like,
    _places,
    _preps,
    _refs,
    _subject_refs,
    _subtree_refs,
    governing_verb,
    light_verb,
)
from kg.extract.dealargs import _deal
from kg.extract.legalphrases import nested_against
from kg.extract.patterns import Trigger, TriggerLexicon, lexicon
from kg.extract.resources import load_resources
from kg.extract.succession import is_position_noun
from kg.extract.table import EntityTable, SpanRef
from kg.extract.triggers import object_words, trigger_options
from kg.model import ORG, PERSON, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token


def arguments(tok: Token, trig: Trigger, table: EntityTable, lex: TriggerLexicon) -> Args:
    if trig.key == availability.AVAILABLE_KEY:  # "X became available": its own reading
        return availability.arguments(tok, table)
    readers: dict[str, Callable[[Token, Trigger, EntityTable, TriggerLexicon], Args]] = {
        "product": _product,
        "deal": _deal,
        "personnel": _personnel,
        "outage": _outage,
        "legal": _legal,
    }
    args = readers[trig.family](tok, trig, table, lex)
    args.generic = args.generic and trig.key != opensource.OPEN_SOURCE_KEY  # "open-sourced the code": none
    return args


# --- product events: Launch, Discontinuation, Delay --------------------------------------------


def _released_for(tok: Token, objs: list[Token], trig: Trigger, table: EntityTable) -> list[Token]:
    """ "released the code for X", "published the weights of X", "a preview of X": an object of
    `release_objects` (triggers.json) stands for the product named after it (launches only), or for
    the product named in front of it ("the X beta for iOS and Y": X is released, not what it is for)."""
    if trig.type != "Launch":
        return []
    words = trigger_options()["release_objects"]
    out: list[Token] = []
    for o in objs:
        mods = [t for t in o.subtree if (t.i < o.i and t.dep_ in ("compound", "amod")) or t == o]
        front = [t for t in o.subtree if t.i < o.i and t.dep_ in ("compound", "amod", "nmod")]
        named = [t for t in front if (r := table.at_token(t.i)) is not None and r.kind == PRODUCT]
        if named and (o.lower_ in words or o.lemma_ in words):
            out.append(named[-1])
            continue
        phrase = " ".join(t.lower_ for t in mods)
        if o.lower_ in words or o.lemma_ in words or phrase in words:
            out += syntax.prep_objects(o, ["for", "of", "behind"]) + syntax.prep_objects(tok, ["for"])
    return out


def _product(tok: Token, trig: Trigger, table: EntityTable, lex: TriggerLexicon) -> Args:
    a = Args()
    np_toks: list[Token] = [tok]
    if trig.pos == "verb":
        if tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
            _launched_modifier(a, tok, trig, table)
            np_toks.append(tok.head)
        elif syntax.is_passive(tok):
            pats = syntax.patient_tokens(tok)
            # "Since it was released in May, X has ...": the pronoun refers forward to X
            front = launchers.fronted_pronoun(table, tok) if trig.type == "Launch" else []
            a.add("product", front or _of_kind(_refs(table, pats, ANY, deep=True), PRODUCT))
            if not a.get("product") and trig.type == "Launch":  # "X, the chatbot released by Y"; "the X tech"
                a.add("product", launchobjects.passive_products(table, tok))
            if not a.get("product") and trig.type == "Launch":  # "for X, released last April, and Y"
                launchclauses.missed_products(a, table, tok, [])
            a.add("agent", _of_kind(_refs(table, syntax.agent_tokens(tok), ANY), ORG))
            if trig.type == "Launch" and a.get("product") and not a.get("agent"):  # "its app, X, released"
                a.add("agent", launchclauses.named_owners(table, pats))
            if not a.get("product") and (trig.type in ANAPHOR_TYPES or trig.type == "Launch"):
                # "the service was discontinued", "the app was released in May"
                a.add("product", _referred_products(table, pats))
            np_toks += pats
        else:
            subj = _subject_refs(a, table, tok, ANY)
            # "Since it launched last spring, X has ...": the pronoun is the product X, no maker
            front = launchers.fronted_pronoun(table, tok) if trig.type == "Launch" else []
            controller = launchers.object_controller(table, tok) if trig.type == "Launch" else []
            subj = [] if front else controller or subj  # "spurred Y to roll out X": Y launches
            if trig.type == "Launch" and not front:  # "A released X, while B shipped Y and C rolled out Z"
                subj = launchclauses.conjunct_subject(table, tok) or subj
            objs = syntax.object_tokens(tok)
            if trig.objects:  # "is adding three AI features" with "features" misread as a verb
                objs += [o for o in object_words(tok, trig) if o not in objs]
            if len(trig.words) > 2:  # "pull the plug on X", "took the wraps off (of) X"
                objs += syntax.prep_objects(tok, ["on", "off"])
                objs += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "off"
                         for o in syntax.prep_objects(c, ["of"])]
                # "took the wraps off its device: the X Pin", the name parsed as the apposition of "wraps"
                objs += [a for c in tok.children if c.dep_ == "dobj" and c.lower_ in trig.words
                         for a in c.children if a.dep_ == "appos"]
            objs += _released_for(tok, objs, trig, table)
            if objs:
                obj_refs = _refs(table, objs, (PRODUCT,), deep=True)
            else:
                obj_refs = [] if trig.intransitive else _object_refs(a, table, tok, (PRODUCT,))
            a.add("agent", _of_kind(subj, ORG))
            if trig.type == "Launch" and not a.get("agent") and not front:  # "a team at Y released X"
                a.add("agent", launchers.staff_makers(table, tok))
            if trig.type == "Launch" and not a.get("agent"):  # "A, Y's chief executive, unveiled X"
                a.add(launchers.PERSON_ROLE, launchers.person_launchers(subj))
            a.add("product", _of_kind(obj_refs, PRODUCT))
            if trig.type == "Launch" and not a.get("product"):  # "launched a new version of its X app"
                a.add("product", launchobjects.object_products(table, objs))
            if trig.type == "Launch" and not a.get("product"):  # "rolled out Zed, a model", "Launched in ..."
                launchclauses.missed_products(a, table, tok, objs)
            if trig.type == "Launch" and not a.get("product"):  # "new tools, including A and B"
                a.add("product", launchlists.listed_products(table, tok, objs))
            if trig.type == "Launch" and a.get("product"):  # "unveiled A alongside the new B"
                a.add("product", launchlists.companion_products(table, tok))
            a.generic = trig.type == "Launch" and not a.get("product") and generic_product(objs)
            if trig.type == "Launch" and not a.generic and not a.get("product"):  # "launched its own ad tier"
                a.generic = unnamedlaunches.unnamed_object(tok, objs)
            if a.generic and any(o.dep_ == "appos" and _names_something(o) for o in objs):
                a.generic = False  # the device is named, only not as an entity: no maker-only launch
            if a.generic:  # "X launched a new tool. The tool, called Y, ...": the product is named next
                named = _named_in_next(table, objs)
                if named is None:  # "... Called Y, it ...", "Y, as X calls it": named a little later
                    named = laternames.named_later(table, tok, a.get("agent"))
                if named is not None:
                    a.add("product", named)
                    a.generic = False
            if not objs and trig.intransitive:  # "Sora launched", "the service shut down"
                a.add("product", front or _of_kind(subj, PRODUCT))
            if not a.get("product") and trig.type == "Launch":
                # "unveiled the largest supercomputer, named X": the naming verb names the object
                a.add("product", launchnames.named_by_acl(table, tok, objs))
                if not objs and trig.intransitive:  # "The project ... launched officially on Monday"
                    a.add("product", _referred_products(table, syntax.subject_tokens(tok)))
                # "X emerged from stealth": the company itself is what is launched
                a.generic = a.generic or (launchnames.maker_only(trig) and not a.get("product"))
            if not a.get("agent"):
                for o in objs:
                    a.add("agent", syntax.possessors(table, o, (ORG,)))
            np_toks += objs
            if not a.get("product") and trig.type in ANAPHOR_TYPES:
                # "shuttered the project": the product named just before
                said = objs or ([] if not trig.intransitive else syntax.subject_tokens(tok))
                a.add("product", _referred_products(table, said))
        a.add("agent", _of_kind(_preps(table, tok, ["by"], ANY, deep=False), ORG))
    else:
        if trig.type == "Launch" and launchclauses.habitual_plural(tok):  # "as usual for Zed launches"
            return a
        fronted = launchnames.fronted_owner(table, tok) if trig.type == "Launch" else []
        a.add("product", fronted)  # "Since its debut last year, X has ...": X, not the "its" of before
        owners = [] if fronted else syntax.possessors(table, tok, (ORG, PRODUCT))
        for ref in owners + _compounds(table, tok, (ORG, PRODUCT)):
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
        if trig.type == "Launch" and not a.get("product"):
            # "the general availability of vector search in its X database": the feature goes into X
            for inner in [i for p in pobjs for i in syntax.prep_objects(p, ["in"])]:
                a.add("product", _of_kind(syntax.denote(table, inner, ANY, deep=True), PRODUCT))
        a.add("agent", _of_kind(_preps(table, tok, ["by", "from"], ANY, deep=False), ORG))
        if not a.get("agent"):  # "X announced the launch of Y": the light verb's subject acts
            light = light_verb(tok, "product", lex)
            if light is not None:
                _, subjects = light
                had = bool(a.roles)
                for s in subjects:
                    refs = syntax.denote(table, s, ANY, conj=True) + _compounds(table, s, (ORG, PRODUCT))
                    # "X's spinoff, Y, announced the launch": the apposition acts, not its owner
                    a.add("agent", _of_kind(refs, ORG) or syntax.possessors(table, s, (ORG,)))
                    if not had:
                        a.add("product", _of_kind(refs, PRODUCT))
                    np_toks.append(s)
                a.light = bool(a.get("agent")) or (not had and bool(a.roles))
        if not a.get("agent"):
            a.add("agent", _with_launcher(table, tok))
        # "announced the release of a multilingual model": the maker launched something unnamed
        a.generic = trig.type == "Launch" and not a.get("product") and generic_product(pobjs)
    a.add("place", _places(table, np_toks))
    return a


def _launched_modifier(a: Args, tok: Token, trig: Trigger, table: EntityTable) -> None:
    """ "X's just-launched monitoring solution", "its newly released coding tools", "the recently
    released Y models": a launch participle before a noun launches what the noun names (else an
    unnamed product of `generic_products`), by the noun's possessor (launches only)."""
    if trig.type != "Launch":
        return
    noun = tok.head
    a.add("agent", syntax.possessors(table, noun, (ORG,)))
    a.add("product", _of_kind(syntax.denote(table, noun, ANY, deep=True), PRODUCT))
    if a.get("product") and not a.get("agent"):  # "the recently released X from Y"
        a.add("agent", launchers.from_maker(table, noun, a.get("product")))
    nouns = trigger_options()["generic_products"]
    # the possessor is a name, but the words from the participle to the noun must not be one
    # ("its newly launched 'Lists' features": a quoted or capitalised word is a name the entity step missed)
    named = any(
        (t.text[:1].isupper() and t.text.casefold() not in _generic_names()) or t.is_quote
        for t in tok.doc[tok.i + 1 : noun.i]
    )
    a.generic = bool(a.get("agent")) and not a.get("product") and not named and (
        noun.lower_ in nouns or noun.lemma_ in nouns
    )


def _generic_names() -> frozenset[str]:
    return load_resources().rules.never_entities


def _with_launcher(table: EntityTable, tok: Token) -> list[SpanRef]:
    """ "X expanded its portfolio with the launch of Y", "X responded with the release of Y": a launch
    noun in a "with" phrase after its verb is the verb subject's launch (a fronted "With the launch of
    Y, X ..." is not: the subject often reacts to someone else's product)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "with" or prep.dep_ != "prep":
        return []
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i > prep.i:
        return []
    refs: list[SpanRef] = []
    for s in syntax.subject_tokens(verb):
        refs += _of_kind(syntax.denote(table, s, ANY), ORG)
    return refs


def generic_product(objs: list[Token]) -> bool:
    """Whether one of the phrases is an unnamed product that the text individuates: "a new coding
    model", "its commercial platform", "three AI features", "a set of AI capabilities" (head nouns:
    `generic_products` of triggers.json; the count nouns of `generic_counts` are looked through).
    A bare plural with only noun modifiers ("launch SaaS products") is a kind of thing, no launch."""
    opts = trigger_options()
    nouns, counts = opts["generic_products"], opts["generic_counts"]
    for o in [t for obj in objs for t in (obj, *obj.conjuncts)]:
        head = o
        if o.lower_ in counts:
            inner = syntax.prep_objects(o, ["of"])
            if not inner:
                continue
            head = inner[0]
        if head.lower_ not in nouns and head.lemma_ not in nouns:
            head = _noun_in_phrase(o, nouns) or head  # "a new risk scoring and reporting platform"
        if head.lower_ not in nouns and head.lemma_ not in nouns:
            continue
        first = o.head if o.dep_ == "conj" else o  # "a new risk and productivity platform"
        left = o.doc[first.left_edge.i : o.i]  # "three ... AI features" with "three" on "AI"
        deps = {c.dep_ for c in (*o.children, *first.children, *left)}
        plural = o.tag_ == "NNS" or (o.lower_.endswith("s") and o.lower_[:-1] in nouns)  # "features" as VBZ
        if plural and head is o and not deps & {"det", "poss", "nummod", "amod"}:
            continue
        if not plural and not deps & {"det", "poss", "nummod"}:  # "one new feature"
            continue
        if _financing(o):
            continue  # "announcing a $30 million extension": money with a scale word is no product
        if _names_something(o):
            continue  # "its new Dolly model": a named product the entity step missed, not an unnamed one
        return True
    return False


SCALE_WORDS = frozenset({"million", "billion", "trillion", "m", "bn", "b", "mn"})


def _financing(obj: Token) -> bool:
    """Whether the phrase carries a sum with a scale word ("a $30 million extension"), the mark of a
    financing (a price, "a $99 device", has none)."""
    toks = list(obj.subtree)
    return any(t.tag_ == "$" for t in toks) and any(t.lower_ in SCALE_WORDS for t in toks)


ANAPHOR_TYPES = frozenset({"Discontinuation", "Delay"})


def _referred_products(table: EntityTable, toks: list[Token]) -> list[SpanRef]:
    """The products "the project"/"the service" stand for (`anaphora.product_antecedent`)."""
    # "the service they ran", "the project office": a described or modified noun is no anaphor
    toks = [t for t in toks if not any(c.dep_ in ("relcl", "prep") for c in t.children)]
    return [r for t in toks if (r := product_antecedent(table, t)) is not None]


def _named_in_next(table: EntityTable, objs: list[Token]) -> list[SpanRef] | None:
    """ "X has launched a new tool ... The tool, called Y, ...": the unnamed product named at the
    opening of the next sentence by "the <same noun>, called/named/dubbed Y" or "the <noun>, Y,". The
    product found there (a list, maybe empty when the name is no product entity), else None when the
    next sentence does not name it."""
    nouns = trigger_options()["generic_products"]
    heads = {(_noun_in_phrase(o, nouns) or o).lemma_ for obj in objs for o in (obj, *obj.conjuncts)}
    doc = objs[0].doc if objs else None
    if doc is None or objs[0].sent.end >= len(doc):
        return None
    nxt = doc[objs[0].sent.end].sent
    naming = lexicon("naming_verbs")
    for t in nxt[:4]:
        if t.lemma_ not in heads or t.lemma_ not in nouns:
            continue
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children):
            continue
        names = [g for c in t.children if c.dep_ == "acl" and c.lower_ in naming for g in c.children
                 if g.dep_ in ("oprd", "attr", "dobj", "xcomp")]
        names += [c for c in t.children if c.dep_ == "appos"]
        if names:
            return _of_kind(_refs(table, names, (PRODUCT,)), PRODUCT)
    return None


def _names_something(obj: Token) -> bool:
    """Whether an object phrase holds a name: a capitalised proper noun that is no generic acronym
    ("AI", "LLM"), or a naming verb ("a model called ..."). A name in a clause or a phrase about
    what the product does or serves ("a tool designed to detect text from ChatGPT", "a plugin for
    Slack") is not the product's own; an "of" phrase ("a new version of Zed") is."""
    generic = load_resources().rules.never_entities  # casefolded
    phrase = list(obj.subtree)
    if len(phrase) > 20:  # a long phrase: its modifiers and the words right after the head
        phrase = list(obj.doc[max(obj.left_edge.i, obj.i - 8) : min(obj.right_edge.i, obj.i + 5) + 1])
    aside = {
        t.i
        for c in obj.children
        if c.i > obj.i and (c.dep_ in ("acl", "relcl") or (c.dep_ == "prep" and c.lower_ != "of"))
        for t in c.subtree
    }
    for t in phrase:
        if t.lemma_ in ("call", "name", "dub", "brand"):
            return True
        named = t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.casefold() not in generic
        if named and t.i not in aside:
            return True
    return False


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


def _title_holders(table: EntityTable, verb: Token) -> list[SpanRef]:
    """ "Y named A CEO", "Y appointed A chief technology officer": the parser makes the title the
    object and the person a modifier before it; the person named inside the object's phrase before
    its first title word."""
    titles = lexicon("core_titles") | lexicon("occupation_nouns")
    out: list[SpanRef] = []
    for o in verb.children:
        if o.dep_ not in ("dobj", "oprd") or o.lower_ not in titles:
            continue
        first = next((t for t in o.subtree if t.lower_ in titles or t.dep_ == "amod"), o)
        refs = table.in_range(o.left_edge.i, first.i)
        out += [r for r in refs if r.kind == PERSON and not r.anaphor]
    return out


def _personnel(tok: Token, trig: Trigger, table: EntityTable, lex: TriggerLexicon) -> Args:
    a = Args()
    org_preps = ["from", "at"]
    if trig.pos == "verb":
        a.title = _title_near(tok)
        if trig.subject == "person":
            if any(c.dep_ == "prt" and c.lower_ not in trig.words for c in tok.children):
                return Args()  # "left off", "joined in": another verb than the trigger
            a.add("person", _of_kind(_subject_refs(a, table, tok, ANY), PERSON))
            if not a.get("person"):  # "A, a researcher who left Y": the noun's name
                a.add("person", apposed_people(table, syntax.subject_tokens(tok)))
            objs = syntax.object_tokens(tok)
            if trig.objects:  # "X parted ways with Y" / "Y parted ways with X": both sides on "with"
                withs = [w for t in (tok, *objs) for w in syntax.prep_objects(t, ["with"])]
                sides = _subject_refs(a, table, tok, ANY) + _refs(table, withs, ANY)
                a.add("person", _of_kind(sides, PERSON))
                a.add("organization", _of_kind(sides, ORG))
                objs = [o for o in objs if o.lower_ not in trig.objects]
            a.add("organization", _of_kind(_refs(table, objs, ANY), ORG))
            for o in objs:
                a.add("organization", syntax.possessors(table, o, (ORG,)))
            a.add("organization", _of_kind(_preps(table, tok, org_preps, ANY, deep=False), ORG))
            other = [
                o
                for o in objs
                if not (
                    _org_like(o)
                    or o.lower_ in lexicon("title_words")
                    or o.lower_ in ("board", *trig.words)
                    or is_position_noun(o)  # "quit her role with Y": succession.position_org
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
            if not a.get("person"):
                a.add("person", _title_holders(table, tok))
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
        if not a.get("defendant"):  # "a lawsuit around AI art against Y": "against" on an inner object
            a.add("defendant", nested_against(table, tok))
        if not a.get("defendant"):  # "a probe into Y's business practices": a named owner, never "its"
            for t in syntax.prep_objects(tok, ["against", "into"]):
                a.add("defendant", [r for r in syntax.possessors(table, t, PARTIES) if not r.anaphor])
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
    if not a.get("defendant"):
        verb = tok if trig.pos == "verb" else governing_verb(tok)
        have = set(a.keys())
        for at in {t.i: t for t in (verb, tok) if t is not None}.values():  # "a lawsuit claiming ..."
            a.add("defendant", [r for r in _alleged(table, at) if r.key not in have])
    return a


ALLEGING_VERBS = frozenset({"allege", "claim", "accuse", "charge", "contend", "argue", "assert"})


def _alleged(table: EntityTable, verb: Token) -> list[SpanRef]:
    """The defendant stated in the claim beside a suit: "X filed a suit, alleging that Y trained ...",
    "X sued, claiming Y copied ..." (the subject of the claim's clause), "X sued, accusing Y of ..."
    (the participle's object), "a lawsuit claiming its images were misused by Y" (a passive claim's
    agent; the participle may hang on the suit noun)."""
    out: list[SpanRef] = []
    for c in verb.children:
        if c.dep_ not in ("advcl", "acl") or c.tag_ != "VBG" or c.lemma_ not in ALLEGING_VERBS:
            continue
        objs = [o for o in c.children if o.dep_ == "dobj"]
        clauses = [o for o in c.children if o.dep_ == "ccomp"]
        # "claiming its images were misused by Y": a passive claim names the defendant as its agent
        subjects = list(objs)
        for cl in clauses:
            agents = syntax.agent_tokens(cl) if syntax.is_passive(cl) else []
            subjects += agents or [s for s in cl.children if s.dep_ in ("nsubj", "nsubjpass")]
        out += [r for r in _refs(table, subjects, PARTIES) if not r.anaphor]
    return out


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


def _noun_in_phrase(o: Token, nouns: frozenset[str]) -> Token | None:
    """A product noun inside the noun phrase of `o`, before any prepositional phrase or clause on it
    (the small model often makes the first noun of a long coordinated phrase its head)."""
    for t in o.doc[o.left_edge.i : o.right_edge.i + 1]:
        if t.dep_ in ("prep", "relcl", "acl", "appos") or t.text in (",", ";", "(", "—"):
            break
        if t.tag_.startswith("NN") and (t.lower_ in nouns or t.lemma_ in nouns):
            return t
    return None
