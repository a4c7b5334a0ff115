"""Participants of deal events (Deal, Acquisition, Investment, Partnership): buyer and target,
investor and recipient, the two sides of a partnership, read from the parse around the trigger."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import legaldeals, syntax
from kg.extract.argbase import (
    ANY,
    PARTIES,
    Args,
    _body_orgs,
    _compounds,
    _object_refs,
    _of_kind,
    _org_like,
    _refs,
    _subject_refs,
    governing_verb,
    light_verb,
    phrase_objects,
    reported_it,
)
from kg.extract.patterns import Trigger, TriggerLexicon, lexicon
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON, PLACE, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

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
    refs = _appositive_anaphors_out(toks, _of_kind(_refs(table, toks, ANY), *kinds))
    if refs:
        a.add(role, refs)
    elif any(not _org_like(t) for t in toks):
        a.unfilled.add(role)


def _appositive_anaphors_out(toks: list[Token], refs: list[SpanRef]) -> list[SpanRef]:
    """ "with Quell Alliance, the trade group for studios": a company noun in apposition to a name of
    the same phrase describes that name; the anaphora step may have resolved it to another company
    (the deal's other side), which must not be a party here."""
    named = [r for r in refs if not r.anaphor]
    if not toks or not named or len(named) == len(refs):
        return refs
    doc = toks[0].doc
    out: list[SpanRef] = []
    for r in refs:
        if r.anaphor:
            head = doc[r.end - 1]
            while head.dep_ != "appos" and head.head.i != head.i and r.start <= head.head.i < r.end:
                head = head.head
            if head.dep_ == "appos" and any(n.start <= head.head.i < n.end for n in named):
                continue
        out.append(r)
    return out


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


LED_WORDS = ("led", "co-led", "coled")


def _led_by(tok: Token) -> list[Token]:
    """ "a round led by X" / "led by X" anywhere below the trigger; "X's round was led by Y" (the
    trigger as the passive subject of "led"); "a $5M round co-led by X" with "co-led" cut into words
    the parse hangs elsewhere (a "led" right after the trigger, only "co", "-" or "," between)."""
    out: list[Token] = []
    for t in tok.subtree:
        if t.lower_ in LED_WORDS and t.i != tok.i:
            out.extend(syntax.agent_tokens(t))
    if tok.dep_ == "nsubjpass" and tok.head.lower_ in LED_WORDS:
        out.extend(syntax.agent_tokens(tok.head))
    if not out:
        doc = tok.doc
        j = tok.i + 1
        while j < tok.sent.end and j <= tok.i + 3 and doc[j].lower_ in ("co", "-", ","):
            j += 1
        if j < tok.sent.end and doc[j].lower_ in LED_WORDS and not doc[j].is_ancestor(tok):
            out.extend(syntax.agent_tokens(doc[j]))
    return out


WITH_INVESTOR_VERBS = frozenset({"lead", "co-lead", "participate"})
WITH_INVESTOR_NOUNS = frozenset({"participation", "backing", "support"})


def _with_investors(tok: Token) -> list[Token]:
    """Investors in an absolute "with" phrase on a funding verb or noun: "raised $14M, with Y leading
    (participating, joining)", "with participation from Y" (the phrase names who put money in)."""
    out: list[Token] = []
    for w in syntax.prep_objects(tok, ["with"]):
        if w.tag_ == "VBG" and w.lemma_ in WITH_INVESTOR_VERBS:
            out += [c for c in w.children if c.dep_ == "nsubj"]
        elif w.lemma_ in WITH_INVESTOR_NOUNS:
            out += syntax.prep_objects(w, ["from", "by"])
    return out


def _which_of(table: EntityTable, subj: Token, kinds: tuple[str, ...]) -> list[SpanRef]:
    """ "A, B and C, the last of which has raised $5M": "the last/latter of which" is the list item
    written right before it, "the first/former of which" the first item of that list."""
    if subj.lower_ not in ("last", "latter", "first", "former"):
        return []
    if not any(p.lower_ in ("which", "whom") for p in syntax.prep_objects(subj, ["of"])):
        return []
    det = subj.left_edge
    if det.lower_ != "the":
        return []
    i = det.i - 1
    if i >= subj.sent.start and subj.doc[i].text in (",", "\u2014", "\u2013", "-"):
        i -= 1
    ref = table.at_token(i) if i >= subj.sent.start else None
    if ref is None or ref.kind not in kinds or ref.anaphor or ref.end != i + 1:
        return []
    if subj.lower_ in ("first", "former"):
        item = subj.doc[ref.end - 1]
        first = min((item, *item.conjuncts), key=lambda t: t.i)
        ref = table.at_token(first.i) or ref
    return [ref] if ref.kind in kinds else []


def _deal(tok: Token, trig: Trigger, table: EntityTable, lex: TriggerLexicon) -> Args:
    a = _deal_sides(tok, trig, table, lex)
    if trig.type == "Investment" and a.get("recipient"):
        _sources_not_recipients(a, tok, table)
    return a


def _sources_not_recipients(a: Args, tok: Token, table: EntityTable) -> None:
    """ "Emerging from stealth with $2.5M in funding from A, B and C, the company is ...", with "the
    company" taken for C: an organization the sentence names inside the money's "from"/"by"/"led by"
    phrase gave the money, so it is no recipient of it."""
    heads = [tok]
    gov = governing_verb(tok)
    if gov is not None:
        heads.append(gov)
    phrases = [p for h in heads for p in syntax.prep_objects(h, ["from", "by"]) + _led_by(h)]
    named = [r for p in phrases for r in table.in_range(p.left_edge.i, p.right_edge.i + 1)]
    sources = {r.key for r in named + _listed_after(table, tok) if not r.anaphor}
    wrong = [r for r in a.get("recipient") if r.key in sources]
    if wrong:
        a.roles["recipient"] = [r for r in a.get("recipient") if r.key not in sources]
        have = a.keys()
        a.add("investor", [r for r in wrong if r.key not in have])


def sold_to(tok: Token, table: EntityTable) -> Args:
    """ "X, a company that sold to Y for $775M", "X was sold to Y", "Z sold X to Y", "a startup, which
    he sold to Y": the organization after "to" bought the organization sold (the object, else the
    subject, else the passive subject). Both must be organizations the text names, so "sells chips to
    Y" and "sold to China" are no acquisitions; the seller is no party."""
    a = Args()
    buyers = _of_kind(_refs(table, syntax.prep_objects(tok, ["to"]), ANY), ORG)
    if not buyers:
        return a
    if syntax.is_passive(tok):
        sold = syntax.patient_tokens(tok)
    else:
        objs = syntax.object_tokens(tok)
        if objs and tok.dep_ == "relcl" and all(o.lower_ in ("which", "that") for o in objs):
            objs = [tok.head]  # "X, which he sold to Y"
        sold = objs or syntax.subject_tokens(tok)
    targets = [r for r in _of_kind(_refs(table, sold, ANY), ORG) if r.key not in {b.key for b in buyers}]
    if targets:
        a.add("agent", buyers)
        a.add("target", targets)
    return a


def _listed_after(table: EntityTable, tok: Token) -> list[SpanRef]:
    """The names listed right after "from"/"by" just after a funding noun ("funding from A, B, and C"),
    read from the words (the small model often hangs such a list on the amount or the clause)."""
    doc, end = tok.doc, tok.sent.end
    i = tok.i + 1
    if i < end and doc[i].lower_ in LED_WORDS:
        i += 1
    if i >= end or doc[i].lower_ not in ("from", "by"):
        return []
    out: list[SpanRef] = []
    i += 1
    while i < end:
        ref = table.at_token(i)
        if ref is not None and ref.kind in (ORG, PERSON) and not ref.anaphor and ref.start == i:
            out.append(ref)
            i = ref.end
        elif doc[i].lower_ in LIST_GLUE or doc[i].is_title or doc[i].like_num or doc[i].text == "-":
            i += 1  # a name the entity step missed ("8-Bit Capital") stays in the list
        else:
            break
    return out


def _deal_sides(tok: Token, trig: Trigger, table: EntityTable, lex: TriggerLexicon) -> Args:
    if trig.type == "Acquisition" and trig.words[0] == "sell" and trig.pos == "verb":
        return sold_to(tok, table)
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
                subj = _of_kind(_refs(table, subj_toks, ANY), *kinds) or _acting_places(table, subj_toks)
                subj = subj or [r for t in subj_toks if (r := reported_it(table, t)) is not None]
                subj = subj or [r for t in subj_toks for r in _which_of(table, t, kinds)]
                if not subj and any(not _org_like(t) for t in subj_toks):
                    a.unfilled.add(role)  # "folks will be able to buy X": a buyer, but no company
            else:
                subj = _of_kind(_subject_refs(a, table, tok, ANY), *kinds)
            if trig.type in ("Partnership", "Deal") and len(subj) > 1:  # "X and Y partnered"
                a.add(first, subj[:1])
                a.add(second, subj[1:])
            else:
                if role == "investor" and subj and subj_toks:  # "A, B and C invested $5M in X"
                    have = {x.key for x in subj}
                    subj = subj + [r for r in _listed_before(table, subj_toks) if r.key not in have]
                a.add(role, subj)
            a.acting = role == "investor" and bool(subj)
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
            sources = syntax.prep_objects(tok, ["from", "by"]) + _led_by(tok) + _with_investors(tok)
            _fill_investors(a, table, sources)
        elif trig.type != "Acquisition" or trig.words[0] == "merge":  # "partnered with X", "merged with X"
            # "joined forces with X": the phrase may hang on the verb's own object word
            inner = [o for o in syntax.object_tokens(tok) if o.lower_ in trig.words[1:]]
            preps = ["with", "to"]
            if trig.words[0] in ("license", "licence"):  # "licensed images from Y", "licensed X to Y"
                preps, inner = ["to", "from"], syntax.object_tokens(tok)
                if syntax.is_passive(tok):
                    a.unfilled.add(first)  # "X was licensed to Y": who licensed it is not guessed
            _fill(a, second, table, [p for h in (tok, *inner) for p in phrase_objects(h, preps)], k2)
        return a
    possessor = "recipient" if investment and trig.needs_amount else first  # "Anthropic's funding round"
    phrase = [tok]
    if tok.dep_ == "nsubjpass":  # "X's series A round was led by": "series" split off as a subject
        phrase += [s for s in tok.head.children if s.dep_ == "nsubjpass" and s.i < tok.i]
    owners = [c for t in phrase for c in t.children if c.dep_ == "poss"]
    _fill(a, possessor, table, owners, _party_kinds(trig, possessor))
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
        if not a.get(second):  # "an agreement with robotics startup X" with "startup" taken for a verb
            _with_misparsed(a, second, table, tok)
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
        if not a.get(first):  # "a suit to stop the acquisition of Y by X": "by X" hangs on "stop"
            _fill(a, first, table, legaldeals.blocked_by(tok), k1)
    if not a.get(first) and not investment and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
        # "In partnership with X, Y launched ...": the clause's subject is the other side
        verb = tok.head.head
        _fill(a, first, table, syntax.subject_tokens(verb), k1)
        if not a.get(first) and syntax.subject_tokens(verb) and tok.head.lower_ in ("in", "through", "under"):
            a.unfilled.add(first)  # "Acme's brand launched a hub in partnership with Y": no guessed side
        if not a.get(second) and tok.head.lower_ in ("in", "through", "under"):
            # "X is working with Y in a partnership": the partner hangs on the governing verb
            _fill(a, second, table, syntax.prep_objects(verb, ["with"]), k2)
    elif not a.get(first) and not investment and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        obj = tok.head.head  # "X launched a hub in partnership with Y": the phrase hangs on the object
        if obj.dep_ == "dobj" and obj.head.pos_ == "VERB" and syntax.subject_tokens(obj.head):
            _fill(a, first, table, syntax.subject_tokens(obj.head), k1)
            if not a.get(first):
                a.unfilled.add(first)  # the subject names no organization: no side guessed
    light = light_verb(tok, "deal", lex)
    gov = governing_verb(tok)
    if light is not None and gov is not None and not investment:
        _fill(a, second, table, syntax.prep_objects(gov, ["with"]), k2)  # "signed a deal with X"
    if light is not None and gov is not None and investment and not a.get("investor"):
        # "received backing from X": the source hangs on the verb
        _fill(a, "investor", table, syntax.prep_objects(gov, ["from"]), (ORG, PERSON))
    if investment and gov is not None and gov.lemma_ in ("lead", "co-lead"):
        # "Y led a seed round with Z": the investor named after "with" joins the lead
        with_toks = syntax.prep_objects(tok, ["with"]) + syntax.prep_objects(gov, ["with"])
        a.add("investor", _of_kind(_refs(table, with_toks, ANY), ORG))
    if investment and gov is not None:
        _fill_investors(a, table, _with_investors(gov))  # "raised $5M in a round, with Y leading"
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
        if not refs and role in ("investor", "recipient", first):  # "The UK will commit £100m in funding"
            refs = _acting_places(table, light[1])
        if not refs:  # "Cyara announced that it received $5m", Cyara taken for a place and "it" for nothing
            refs = [r for t in light[1] if (r := reported_it(table, t)) is not None]
        if refs and role == "investor":
            refs = refs + [r for r in _listed_before(table, light[1]) if r.key not in {x.key for x in refs}]
        if refs and role == "investor" and trig.needs_amount:
            # "A and B joined its new round": "its" is the round's owner, never the joining investors
            joiners = {r.key for r in refs}
            a.roles["recipient"] = [r for r in a.get("recipient") if not (r.anaphor and r.key in joiners)]
        if refs and not any(r.key in a.keys() for r in refs):  # noqa: SIM118
            a.add(role, refs)
            a.light = True
            a.acting = role == "investor"
        elif not refs and any(not _org_like(t) for t in light[1]) and not a.get(role):
            a.unfilled.add(role)  # "3DGS secured a deal with X": the signer is named, just not an entity
    return a


def _acting_places(table: EntityTable, subjects: list[Token]) -> list[SpanRef]:
    """Places that act as a deal's party: the subject of the deal verb itself ("The UK will invest
    £100m", "France signed a deal with X"), never a place inside a phrase ("invested in France")."""
    return [r for r in _refs(table, subjects, (PLACE,)) if r.kind == PLACE and not r.anaphor]


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


LIST_GLUE = frozenset({",", "and", "&"})


def _listed_before(table: EntityTable, subjects: list[Token]) -> list[SpanRef]:
    """ "A, B and C participated in ...": the organizations of a subject list the small model parsed
    as a chain of modifiers (only names, commas and "and" between its first word and the subject)."""
    out: list[SpanRef] = []
    for subj in subjects:
        i = subj.left_edge.i
        found: list[SpanRef] = []
        while i <= subj.i:
            ref = table.at_token(i)
            if ref is not None and ref.kind == ORG and not ref.anaphor:
                found.append(ref)
                i = max(ref.end, i + 1)
            elif subj.doc[i].lower_ in LIST_GLUE:
                i += 1
            else:
                found = []
                break
        out += found
    return out


def _with_misparsed(a: Args, role: str, table: EntityTable, tok: Token) -> None:
    """A "with" phrase whose descriptor the parse misreads ("a deal with AI startup X", "startup" read
    as a verb that takes X): the organization written within six words after "with", where only
    descriptor words stand between (no preposition, conjunction, pronoun or punctuation) and the
    parsed object names no entity."""
    doc = tok.doc
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "with":
            continue
        if any(g.dep_ == "pobj" and syntax.denote(table, g, ANY) for g in c.children):
            return
        after = syntax.mention_after(table, c, gap=6)
        if after is None or after.kind != ORG:
            return
        between = doc[c.i + 1 : after.start]
        words = [t for t in between if t.lower_ not in ("a", "an", "the")]
        if all(t.is_alpha and t.tag_ not in _NOT_DESCRIPTOR for t in words):
            a.add(role, [after])
            a.window = True
        return


# tags that end a descriptor before a name: prepositions, conjunctions, pronouns, wh-words, "to"
_NOT_DESCRIPTOR = frozenset({"IN", "CC", "PRP", "PRP$", "WDT", "WP", "TO", "DT", "MD"})
