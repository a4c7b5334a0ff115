"""Binary relations between the entities of one document: developedBy, worksFor, competesWith,
locatedIn, subsidiaryOf.

Three sources, each recorded under its own versioned rule name:
- the patterns of kg/data/patterns/relations.json (dependency and surface patterns, read here), and
  a few rules written in code for what a pattern cannot say (relpeople.py, relrivals.py);
- events found by kg.extract.events ("OpenAI launched Sora" -> Sora developedBy OpenAI;
  "Simo was named CEO of Instacart" -> Simo worksFor Instacart);
- a product named after its maker, and the gazetteer's known developer of a product or employer of
  a person, when both occur in the document and the text states nothing about them (weakest;
  relfallbacks.py).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from kg.extract import (
    relanaphor,
    relas,
    relcomma,
    relcoordorgs,
    reldescribed,
    relfallbacks,
    relfounders,
    relpeople,
    relpossessive,
    relrivals,
    relsubject,
    reltitles,
    reltrailing,
    rivalclauses,
    rivalnames,
    syntax,
)
from kg.extract.context import HEADLINE_PENALTY
from kg.extract.patterns import RelationPattern, Slot, lexicon, matchers_for, relation_patterns
from kg.extract.relbase import Candidate
from kg.extract.resources import GazEntry, load_resources
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PRODUCT, RelationRecord

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kg.extract.context import DocContext

_CACHE_KEY = "kg.extract.relations"
PUNCT_GAP_OK = frozenset({"-", "'s", "\u2019s"})
GAP_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
GAZETTEER_CHECKED_RULES = frozenset({"kg.rel.developedBy.possessive.v1"})
# Weak place readings ("Bexa's Watchnet", "the Bexa startup X"): only with a place the model is sure of.
CALLED_RULES = frozenset({"kg.rel.developedBy.has-called.v1", "kg.rel.developedBy.has-known-as.v1"})
LIKENESS_WORDS = frozenset({"similar", "comparable", "same", "equivalent", "rival", "competing"})
SURE_PLACE_RULES = frozenset({"kg.rel.locatedIn.possessive.v1", "kg.rel.locatedIn.compound.v1"})
PLACE_LABELS = frozenset({"GPE", "LOC"})


def find_relations(sdoc: Doc, table: EntityTable, ctx: DocContext) -> list[RelationRecord]:
    """Every relation the document states, one record per (subject, predicate, object, sentence)."""
    from kg.extract import events  # events reads pattern_relations: import here, not at module level

    found = list(pattern_relations(sdoc, table, ctx))
    found.extend(events.event_relations(sdoc, table, ctx))
    found.extend(relfallbacks.name_relations(sdoc, table, ctx, found))
    found.extend(relfallbacks.gazetteer_relations(sdoc, table, ctx, found))
    return _dedupe([r for r in found if not _media_developer(table, r)])


MEDIA_CLASS = "MediaOrganization"


def _media_developer(table: EntityTable, rec: RelationRecord) -> bool:
    """A news outlet is never a product's developer: "the VentureBeat Zephyra test", "Wired's Zephyra
    review" name who wrote about the product, not who made it."""
    if rec.predicate != "developedBy":
        return False
    draft = table.entities.get(rec.object)
    return draft is not None and draft.cls == MEDIA_CLASS


def pattern_relations(sdoc: Doc, table: EntityTable, ctx: DocContext) -> list[RelationRecord]:
    """Relations from the data-file patterns only (cached on the Doc for the event step)."""
    cache = sdoc.user_data.setdefault(_CACHE_KEY, {})
    hit = cache.get(id(table))
    if hit is not None and hit[0] is table:
        return list(hit[1])
    cands: list[Candidate] = []
    m = matchers_for(sdoc.vocab)
    by_key = {p.key: p for p in relation_patterns()}
    sents = _candidate_sentences(sdoc, table, ctx)
    if sents:
        # Match the whole Doc once, not each sentence: matching a Span copies the Doc's arrays. A
        # dependency match lies in one sentence (arcs never leave it); a surface match must too.
        sent_of = _sentence_index(sdoc, sents)
        dep_hits: dict[int, list[tuple[int, list[int]]]] = {}
        for match_id, token_ids in m.dep(sdoc):
            at = sent_of[token_ids[0]]
            if at >= 0:
                dep_hits.setdefault(at, []).append((match_id, token_ids))
        surface_hits: dict[int, list[tuple[int, int, int]]] = {}
        for match_id, start, end in m.surface(sdoc):
            at = sent_of[start]
            if at >= 0 and sent_of[end - 1] == at:
                surface_hits.setdefault(at, []).append((match_id, start, end))
        for at in range(len(sents)):
            for match_id, token_ids in dep_hits.get(at, ()):
                pat = by_key[sdoc.vocab.strings[match_id]]
                anchors = {node["RIGHT_ID"]: sdoc[i] for node, i in zip(pat.pattern, token_ids, strict=True)}
                cands.extend(_from_dep(pat, anchors, table))
            for match_id, start, end in surface_hits.get(at, ()):
                pat = by_key[sdoc.vocab.strings[match_id]]
                cands.extend(_from_surface(pat, sdoc, start, end, table))
            cands.extend(relpeople.long_titles(sdoc, sents[at], table))
            cands.extend(relpeople.fronted_founders(sdoc, sents[at], table))
            cands.extend(relpeople.reported_titles(sdoc, sents[at], table))
            cands.extend(relcomma.comma_titles(sdoc, sents[at], table))
            cands.extend(reltitles.org_title_appositions(sdoc, sents[at], table))
            cands.extend(reltitles.copular_titles(sdoc, sents[at], table))
            cands.extend(reldescribed.described_employers(sdoc, sents[at], table))
            cands.extend(relpossessive.possessive_titles(sdoc, sents[at], table))
            cands.extend(reltitles.unit_titles(sdoc, sents[at], table))
            cands.extend(relfounders.split_cofounded(sdoc, sents[at], table))
            cands.extend(relas.as_titles(sdoc, sents[at], table))
        cands.extend(reltitles.second_titles(sdoc, table, cands))
        cands.extend(reltitles.coordinated_titles(sdoc, table, cands))
        cands.extend(relcoordorgs.coordinated_employers(sdoc, table, cands))
    cands.extend(relrivals.copular_competitors(sdoc, table, ctx))
    cands.extend(rivalnames.named_rivals(sdoc, table, ctx))
    cands.extend(rivalclauses.contest_clauses(sdoc, table, ctx))
    cands.extend(reltrailing.trailing_titles(sdoc, table, ctx, sents))
    # a past job stated elsewhere ("previously worked at P") leaves the current one open
    employed = {c.subject.key for c in cands if c.pattern.predicate == "worksFor" and not c.former}
    cands.extend(relsubject.subject_titles(sdoc, table, ctx, employed))
    records = []
    for c in cands:
        if c.subject.key == c.object.key:
            continue
        checked = relanaphor.recheck(table, c)
        if checked is None:
            continue
        c = checked
        if c.pattern.rule in SURE_PLACE_RULES and not _sure_place(sdoc, table, c.object.key):
            continue
        records.append(
            RelationRecord(
                subject=c.subject.key,
                predicate=c.pattern.predicate,
                object=c.object.key,
                evidence=ctx.evidence(c.sent),
                confidence=round(_confidence(c) - (HEADLINE_PENALTY if ctx.in_title(c.sent) else 0.0), 2),
                rule=c.pattern.rule,
                role=c.role or None,
                former=c.former,
            )
        )
    records = _dedupe([r for r in records if not _against_gazetteer(table, r)])
    cache[id(table)] = (table, tuple(records))
    return records


def _sure_place(sdoc: Doc, table: EntityTable, key: str) -> bool:
    """Whether the model reads every named mention of the entity as a place (GPE/LOC) and never as
    anything else: "France's Mistral", not "Bexa's Watchnet" where Bexa is also read as a person."""
    labels = {
        t.i: t.ent_type_ for r in table.spans if r.key == key and not r.anaphor for t in sdoc[r.start : r.end]
    }
    return bool(labels) and all(label in PLACE_LABELS for label in labels.values())


def _gazetteer_entry(table: EntityTable, key: str) -> GazEntry | None:
    draft = table.entities.get(key)
    if draft is None:
        return None
    return load_resources().gazetteer.by_name().get(draft.name.casefold())


def _against_gazetteer(table: EntityTable, rec: RelationRecord) -> bool:
    """A possessive developer the text seems to give a well-known product that the gazetteer knows
    was made by another organization ("companies that do not have their own ChatGPT"): a figure of
    speech, dropped. The known developer's parent and subsidiaries still count ("Google DeepMind's
    Gemini"). Verbs are not checked: partners do build products together."""
    if rec.rule not in GAZETTEER_CHECKED_RULES:
        return False
    product = _gazetteer_entry(table, rec.subject)
    if product is None or product.kind != PRODUCT or not product.developer:
        return False
    gaz = load_resources().gazetteer
    maker = gaz.get(product.developer)
    org = _gazetteer_entry(table, rec.object)
    if maker is None:
        return False
    if org is None:
        return True
    family = {maker.id, maker.parent} - {None}
    return org.id not in family and (org.parent is None or org.parent not in family)


def _candidate_sentences(sdoc: Doc, table: EntityTable, ctx: DocContext) -> list[Span]:
    """Sentences (the headline's too) that can hold a relation: two entity mentions, or one and a
    pronoun. Matching only these keeps the rule step cheap on long articles."""
    out = []
    for sent in sdoc.sents:
        n = len(table.in_range(sent.start, sent.end))
        cut = table.at_token(sent.end - 1)
        if cut is not None and cut.start >= sent.start and cut.end > sent.end:
            n += 1  # a name the parser's sentence break cut in two ("... of the AI | Now Institute")
        if n >= 2 or (n == 1 and any(t.lower_ in syntax.SINGULAR_PRONOUNS for t in sent)):
            out.append(sent)
    return out


def _sentence_index(sdoc: Doc, sents: list[Span]) -> list[int]:
    """For each token, the position of its sentence in `sents`, or -1 outside them."""
    index = [-1] * len(sdoc)
    for at, sent in enumerate(sents):
        index[sent.start : sent.end] = [at] * (sent.end - sent.start)
    return index


def _confidence(c: Candidate) -> float:
    conf = c.pattern.confidence
    if c.subject.anaphor or c.object.anaphor:
        conf -= 0.05  # the entity was reached through "it", "the company", ...
    return round(max(0.1, min(conf, 0.95)), 2)


def _longer_role(kept: RelationRecord, other: RelationRecord | None) -> RelationRecord:
    """The kept record with the other rule's fuller reading of the same title ("VP" -> "VP of Zephyra",
    "VP" -> "cofounder and executive VP of products"): the other role holds every word of the kept one."""
    if other is None or not kept.role or not other.role or len(other.role) <= len(kept.role):
        return kept
    if not set(kept.role.lower().split()) <= set(other.role.lower().split()):
        return kept
    return dataclasses.replace(kept, role=other.role)


def _dedupe(records: list[RelationRecord]) -> list[RelationRecord]:
    best: dict[tuple[str, str, str, tuple[bool, int]], RelationRecord] = {}
    for r in records:
        s, o = r.subject, r.object
        if r.predicate == "competesWith" and o < s:
            s, o = o, s
        key = (s, r.predicate, o, r.evidence.place)
        old = best.get(key)
        if old is None or (r.confidence, bool(r.role)) > (old.confidence, bool(old.role)):
            best[key] = _longer_role(r, old)
        else:
            best[key] = _longer_role(old, r)
    return sorted(best.values(), key=lambda r: (r.evidence.place, r.predicate, r.subject, r.object))


# --- dependency patterns -----------------------------------------------------------------------


def _slot_refs(slot: Slot, anchors: dict[str, Token], table: EntityTable, exclude: set[str]) -> list[SpanRef]:
    tok = anchors[slot.anchor]
    kinds = slot.kinds
    refs: list[SpanRef] = []
    if slot.how == "denote":
        refs = syntax.denote(table, tok, kinds, conj=slot.conj)
    elif slot.how == "described":
        for t in syntax.described(tok):
            refs.extend(syntax.denote(table, t, kinds, conj=slot.conj))
    elif slot.how == "title_org":
        refs = syntax.title_org(table, tok, kinds)
    elif slot.how == "agent":
        subjects = syntax.subject_tokens(tok)
        refs = _subject_refs(table, tok, subjects, kinds)
        if not any(r.kind in kinds for r in refs):
            # "X, a professor at Stanford, who cofounded Y": "who" reaches past the apposition
            refs = [r for t in syntax.who_antecedents(tok) for r in syntax.denote(table, t, kinds, conj=True)]
        if not refs and not subjects:
            # the parse gives no subject at all ("Quadric competes against ..." read as a noun phrase):
            # the name written right before the verb
            near = syntax.mention_before(table, tok)
            refs = [near] if near is not None else []
    elif slot.how == "agents_with":
        refs = _subject_refs(table, tok, syntax.subject_tokens(tok), kinds)
        if refs:  # "X is working with Y to develop Z", "X teamed up with Y to build Z": both
            refs += [r for t in syntax.partners_of(tok) for r in syntax.denote(table, t, kinds, conj=True)]
    elif slot.how == "antecedent":
        refs = syntax.relative_antecedents(table, tok, kinds)
    elif slot.how == "named":
        refs = syntax.named(table, tok, kinds, conj=slot.conj)
    elif slot.how == "owner":
        refs = relrivals.rival_owners(table, tok, kinds)
    elif slot.how == "patient":
        pats = syntax.patient_tokens(tok)
        if not pats and tok.dep_ in ("acomp", "attr"):
            pats = syntax.subject_tokens(tok.head)
        for t in pats:
            refs.extend(syntax.denote(table, t, kinds, conj=True))
    elif slot.how == "phrase":
        refs = _phrase_refs(table, tok, kinds)
    elif slot.how == "whose_owner":
        refs = _whose_owner(table, tok, kinds)
    elif slot.how in ("preceding", "owner_or_preceding"):
        if slot.how == "owner_or_preceding":
            refs = relrivals.rival_owners(table, tok, kinds) or _clause_subject(table, tok, kinds)
        if not refs:
            near = _preceding(table, tok, kinds, exclude)
            refs = [near] if near is not None else []
    return [r for r in refs if r.kind in kinds]


def _subject_refs(
    table: EntityTable, verb: Token, subjects: list[Token], kinds: tuple[str, ...]
) -> list[SpanRef]:
    """The entities of a verb's subjects; for a relative clause on a list ("the startups A and B,
    which created X") only the nearest name (see syntax.relative_antecedents)."""
    rel_subject = any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in syntax.RELATIVE_PRONOUNS for c in verb.children
    )
    if verb.dep_ == "relcl" and rel_subject and subjects == [verb.head]:
        return syntax.relative_antecedents(table, verb.head, kinds)
    return [r for t in subjects for r in syntax.denote(table, t, kinds, conj=True)]


def _clause_subject(table: EntityTable, tok: Token, kinds: tuple[str, ...]) -> list[SpanRef]:
    """Whose rivals an unowned rival noun names: the subject of the clause that holds it ("..., as the
    giant tries to keep pace with rivals including A and B" -> the giant), when that subject is an
    entity written before the noun; [] when the clause has none (the caller then takes the nearest
    organization before)."""
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            subjects = [t for t in syntax.subject_tokens(cur) if t.i < tok.i]
            return [r for t in subjects for r in syntax.denote(table, t, kinds)]
    return []


def _phrase_refs(table: EntityTable, tok: Token, kinds: tuple[str, ...]) -> list[SpanRef]:
    """The organization a unit noun belongs to or is: "OpenAI, led by X" -> OpenAI; "the Google
    Brain research team led by X" -> Google Brain (an entity among the words before the head noun).
    Only heads that stand for an organization or a team count (`led_heads`), never a funding
    round ("a round led by X")."""
    ref = table.at_token(tok.i)
    if ref is not None:
        return [ref] if ref.kind in kinds and not ref.anaphor else []
    if tok.lower_ not in lexicon("led_heads"):
        return []
    out: list[SpanRef] = []
    for r in table.in_range(tok.left_edge.i, tok.i):
        head = tok.doc[r.end - 1]
        if r.kind in kinds and not r.anaphor and head.dep_ in ("compound", "nmod") and head.head.i <= tok.i:
            out.append(r)
    return out[-1:]


def _whose_owner(table: EntityTable, noun: Token, kinds: tuple[str, ...]) -> list[SpanRef]:
    """The person a "whose <noun>" phrase belongs to: "X, an engineer whose startup, Y, ..." -> X."""
    cur = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and cur.dep_ == "relcl":
        cur = cur.head
    for _ in range(2):
        refs = [r for r in syntax.denote(table, cur, kinds) if not r.anaphor]
        if refs:
            return refs
        if cur.dep_ != "appos":
            break
        cur = cur.head
    return []


def _preceding(table: EntityTable, tok: Token, kinds: tuple[str, ...], exclude: set[str]) -> SpanRef | None:
    sent = tok.sent
    for ref in reversed(table.in_range(sent.start, tok.i)):
        if ref.kind in kinds and ref.key not in exclude and not ref.anaphor:
            return ref
    return None


def _from_dep(pat: RelationPattern, anchors: dict[str, Token], table: EntityTable) -> list[Candidate]:
    objects = _slot_refs(pat.object, anchors, table, set())
    if not objects:
        return []
    subjects = _slot_refs(pat.subject, anchors, table, {o.key for o in objects})
    if not subjects:
        return []
    if pat.adjacent:  # "Cerebras CS-2": the organization's name runs straight into the product's
        pairs = [(s, o) for s in subjects for o in objects if o.end == s.start and _named_alone(table, o.key)]
        subjects = [s for s, _ in pairs]
        objects = [o for _, o in pairs]
        if not pairs:
            return []
    if pat.rule in CALLED_RULES and any(c.lower_ in LIKENESS_WORDS for c in anchors["noun"].children):
        return []  # "offers a similar service called X": a comparable offering, often someone else's
    sent = anchors[pat.subject.anchor].sent
    role: str | None = None
    former = False
    if pat.role and pat.role in anchors:
        title = anchors[pat.role]
        if title.lower_ not in lexicon("occupation_nouns") | lexicon("plural_titles"):
            return []
        role = syntax.title_text(table, title)
    elif pat.rule in relfounders.FOUNDED_RULES and "verb" in anchors:
        role = relfounders.founder_role(anchors["verb"])
    if pat.former == "title" and pat.role in anchors:
        former = syntax.former_modifier(anchors[pat.role])
    elif pat.former == "tense":
        verb = anchors[pat.subject.anchor]
        former = _past_tenure(verb)
    if pat.adjacent:
        return [
            Candidate(subject=s, object=o, pattern=pat, sent=sent)
            for s, o in zip(subjects, objects, strict=True)
        ]
    if pat.predicate == "locatedIn":  # "a Paris, Texas-based firm": the city before the state too
        objects += [c for o in objects if (c := _city_before(table, sent.doc, sent, o)) is not None]
    return [
        Candidate(subject=s, object=o, pattern=pat, sent=sent, role=role, former=former)
        for s in subjects
        for o in objects
    ]


def _named_alone(table: EntityTable, key: str) -> bool:
    """Whether the text names the organization somewhere without a product name right after it, so
    that "Cerebras CS-2" is the company plus its product, not one name cut in two ("Condor Galaxy")."""
    starts = {r.start for r in table.spans if r.kind == PRODUCT}
    return any(r.key == key and not r.anaphor and r.end not in starts for r in table.spans)


def _past_tenure(verb: Token) -> bool:
    """ "spent 27 years at Apple", "previously worked at Google", "was working at X" -> former; "works
    at", "has worked at" -> current."""
    if any(c.lower_ in ("previously", "formerly", "once", "earlier") for c in verb.children):
        return True
    aux = [c for c in verb.children if c.dep_ == "aux"]
    if any(c.tag_ == "VBD" for c in aux):
        return True  # "were working at Applatix", "had worked at"
    if any(c.lemma_ == "have" for c in aux):
        return False
    return verb.tag_ == "VBD"


# --- surface patterns --------------------------------------------------------------------------


def _side(table: EntityTable, sdoc: Doc, sent: Span, start: int, end: int, slot: Slot) -> SpanRef | None:
    """The entity next to a connector [start, end), at most slot.gap tokens away."""
    step = -1 if slot.side == "left" else 1
    i = start - 1 if slot.side == "left" else end
    skipped = 0
    while sent.start <= i < sent.end:
        ref = table.at_token(i)
        if ref is not None:
            edge = ref.end - 1 if slot.side == "left" else ref.start
            if ref.anaphor and slot.side == "right" and ref.start < start:
                edge = i  # "the Toronto-based startup": the connector sits inside the phrase that refers back
            return ref if edge == i and ref.kind in slot.kinds else None
        tok = sdoc[i]
        if skipped >= slot.gap:
            return None
        if slot.gap_words:
            if tok.lower_ not in slot.gap_words:
                return None
        elif (
            tok.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM")
            and tok.lower_ not in PUNCT_GAP_OK
            and not (tok.tag_ in ("VBG", "VBN") and tok.dep_ in GAP_MODIFIER_DEPS)
        ):
            return None  # a participle may sit in the phrase: "UAE-based technology holding group G42"
        skipped += 1
        i += step
    return None


def _trim(table: EntityTable, start: int, end: int) -> tuple[int, int]:
    """Drop connector tokens that belong to an entity ("Stability AI CEO" -> "CEO")."""

    def named(i: int) -> bool:
        ref = table.at_token(i)
        return ref is not None and not ref.anaphor  # "the Paris-based startup" refers back: keep "based"

    while start < end and named(start):
        start += 1
    while end > start and named(end - 1):
        end -= 1
    return start, end


def _from_surface(
    pat: RelationPattern, sdoc: Doc, start: int, end: int, table: EntityTable
) -> list[Candidate]:
    start, end = _trim(table, start, end)
    if start >= end:
        return []
    sent = sdoc[start].sent
    role: str | None = None
    if pat.role == "connector":
        words = [t.lower_ for t in sdoc[start:end]]
        while words and words[0] in ("of", "and", "&", "-"):
            words.pop(0)
            start += 1
        while words and words[-1] in ("of", "and", "&", "-", ","):
            words.pop()
            end -= 1
        if not words or not any(w in lexicon("core_titles") for w in words):
            return []
        role = sdoc[start:end].text
    subj = _side(table, sdoc, sent, start, end, pat.subject)
    obj = _side(table, sdoc, sent, start, end, pat.object)
    if subj is None or obj is None:
        return []
    if pat.predicate == "worksFor" and pat.object.side == "right":
        obj = _outer_org(table, sdoc, sent, obj)
    former = False
    if pat.former == "before_connector":  # "Jane Roe, a former VP at X"
        prev = [sdoc[i].lower_ for i in range(max(sent.start, start - 2), start)]
        former = any(w in lexicon("former_words") for w in prev)
    elif pat.former == "before_left":
        left = obj if pat.object.side == "left" else subj
        prev = [sdoc[i].lower_ for i in range(max(sent.start, left.start - 2), left.start)]
        former = any(w in lexicon("former_words") for w in prev)
    out = [Candidate(subject=subj, object=obj, pattern=pat, sent=sent, role=role, former=former)]
    last = sdoc[end - 1]
    plural = last.tag_ in ("NNS", "NNPS") or last.lower_ in lexicon("plural_titles")
    if role is not None and plural and pat.subject.side == "right":
        # "the company's cofounders A and B": a plural title takes the whole list of names
        root = sdoc[subj.start : subj.end].root
        for other in syntax.denote(table, root, pat.subject.kinds, conj=True):
            if other.key != subj.key and not other.anaphor:
                out.append(
                    Candidate(subject=other, object=obj, pattern=pat, sent=sent, role=role, former=former)
                )
    if pat.predicate == "locatedIn" and pat.object.side == "left":
        city = _city_before(table, sdoc, sent, obj)  # "Sunnyvale, California-based": the city too
        if city is not None:
            out.append(Candidate(subject=subj, object=city, pattern=pat, sent=sent))
    return out


def _outer_org(table: EntityTable, sdoc: Doc, sent: Span, org: SpanRef) -> SpanRef:
    """ "head of the Media Trust Program at the Partnership on AI": the organization after "at" that
    the named unit belongs to is the employer."""
    i = org.end
    if i + 1 >= sent.end or sdoc[i].lower_ != "at":
        return org
    i += 1 + (sdoc[i + 1].lower_ == "the")
    outer = table.at_token(i) if i < sent.end else None
    if outer is None or outer.start != i or outer.kind != ORG or outer.anaphor:
        return org
    return outer


def _city_before(table: EntityTable, sdoc: Doc, sent: Span, place: SpanRef) -> SpanRef | None:
    """The place written right before "<place>," ("Redwood City, Calif.", "Paris, France")."""
    comma = place.start - 1
    if comma <= sent.start or sdoc[comma].text != ",":
        return None
    ref = table.at_token(comma - 1)
    if ref is None or ref.kind != place.kind or ref.anaphor or ref.end != comma:
        return None
    return ref
