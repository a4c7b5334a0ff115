"""Resolution: per-document entity records -> canonical cross-document entities with stable IRIs.

The work is linear in the number of mentions: names are normalised to keys and joined with a
union-find over (name, alias) pairs; a person's lone surname or first name joins a full name only
when exactly one full name in the whole collection carries it. Every choice (canonical name,
class, kind) is a deterministic vote, so the result does not depend on the order of documents:
building shards separately and resolving their extractions together equals a one-shot build.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from kg.model import (
    ORG,
    PERSON,
    PLACE,
    PRODUCT,
    Amount,
    Entity,
    EntityRecord,
    Event,
    EventRecord,
    Extraction,
    Relation,
    RelationRecord,
    Resolution,
    ResolvedDocument,
)
from kg.namespace import entity_iri, event_iri

RESOLVER_RULE = "kg.resolve/1"

# Legal-form suffixes that do not change which organization a name refers to.
_ORG_SUFFIXES = {
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "ltd",
    "limited",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "nv",
    "bv",
    "holdings",
    "group",
}
# Generic heads that name what a product is rather than which one ("the Sora app").
_PRODUCT_HEADS = {"app", "application", "apps", "model", "models", "platform", "service", "tool", "chatbot"}

# Which kinds each relation accepts (subject kinds, object kinds).
_RELATION_KINDS: dict[str, tuple[set[str], set[str]]] = {
    "developedBy": ({PRODUCT}, {ORG}),
    "worksFor": ({PERSON}, {ORG}),
    "competesWith": ({ORG, PRODUCT}, {ORG, PRODUCT}),
    "locatedIn": ({ORG, PERSON, PLACE}, {PLACE}),
    "subsidiaryOf": ({ORG}, {ORG}),
}

# Event types whose identity is the product they are about (a launch of X is one event whoever
# reports it, with or without naming the developer).
_PRODUCT_EVENTS = {"Launch", "Discontinuation", "Delay"}
_DEAL_TYPES = {"Deal", "Investment", "Acquisition", "Partnership"}

_KIND_PRIORITY = {ORG: 0, PRODUCT: 1, PERSON: 2, PLACE: 3}
_SOURCE_WEIGHT = {"gazetteer": 100, "pattern": 3, "ner": 1, "publisher": 2}


def normalise(name: str, kind: str | None = None) -> str:
    """A matching key for a name: case, accents, possessives, a leading 'The', legal suffixes, a
    product's generic head and a version's ".0"."""
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("\u2018", "'")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.casefold().strip()
    s = re.sub(r"'s?$", "", s)
    s = re.sub(r"^the\s+", "", s)
    words = re.sub(r"[^\w]+", " ", s).split()
    if kind in (ORG, None):
        while len(words) > 1 and words[-1] in _ORG_SUFFIXES:
            words.pop()
    if kind == PRODUCT:
        while len(words) > 1 and words[-1] in _PRODUCT_HEADS:
            words.pop()
        if len(words) > 2 and words[-1] == "0" and words[-2].isdigit():
            words.pop()  # "Stable Diffusion 3.0" is "Stable Diffusion 3"
    return " ".join(words)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller key becomes the root, so the result is independent of order.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


@dataclass
class _Group:
    names: Counter[str] = field(default_factory=Counter)
    gazetteer_names: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    classes: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    versions_of: Counter[str] = field(default_factory=Counter)  # family group roots
    is_family_target: bool = False
    is_event_product: bool = False  # the product of an event in its own right ("launched Condor Galaxy")


def _vote(counter: Counter[str], order: dict[str, int] | None = None) -> str:
    order = order or {}
    return min(counter, key=lambda k: (-counter[k], order.get(k, 99), k))


def _record_weight(rec: EntityRecord) -> int:
    return _SOURCE_WEIGHT.get(rec.source, 1) * max(1, len(rec.mentions))


def _person_tokens(name: str) -> list[str]:
    return normalise(name, PERSON).split()


def resolve(extractions: Iterable[Extraction]) -> Resolution:
    """Resolve the entities of all extractions to canonical entities; map facts to IRIs."""
    exs = sorted(extractions, key=lambda e: e.doc.id)
    uf = _UnionFind()

    def node(rec_kind: str, key: str) -> str:
        # Places and the rest share one namespace of names; kinds are voted per group later.
        return ("P|" if rec_kind == PERSON else "N|") + key

    # 1. Union names and aliases; people join on full names only.
    single_person_names: set[str] = set()
    full_person_tokens: dict[str, set[str]] = defaultdict(set)  # token -> full-name nodes
    for ex in exs:
        for rec in ex.entities:
            names = [rec.name, *rec.aliases]
            if rec.kind == PERSON:
                fulls = [n for n in names if len(_person_tokens(n)) >= 2]
                singles = [n for n in names if len(_person_tokens(n)) == 1]
                anchor = fulls[0] if fulls else rec.name
                for n in fulls:
                    uf.union(node(PERSON, normalise(anchor, PERSON)), node(PERSON, normalise(n, PERSON)))
                for n in fulls:
                    toks = _person_tokens(n)
                    for t in (toks[0], toks[-1]):
                        full_person_tokens[t].add(node(PERSON, normalise(n, PERSON)))
                if not fulls:
                    single_person_names.update(normalise(n, PERSON) for n in singles)
                uf.find(node(PERSON, normalise(anchor, PERSON)))
            else:
                base = node(rec.kind, normalise(rec.name, rec.kind))
                for n in rec.aliases:
                    key = normalise(n, rec.kind)
                    if key:
                        uf.union(base, node(rec.kind, key))
                uf.find(base)
    for single in sorted(single_person_names):
        candidates = {uf.find(n) for n in full_person_tokens.get(single, ())}
        if len(candidates) == 1:
            uf.union(node(PERSON, single), next(iter(candidates)))
        elif not candidates and node(ORG, single) in uf.parent:
            # A lone capitalised word the model took for a person but other documents name as an
            # organization or product ("Sora"): one entity, whose kind the votes decide.
            uf.union(node(PERSON, single), node(ORG, single))

    # 2. Gather votes per group.
    groups: dict[str, _Group] = defaultdict(_Group)
    rec_root: dict[tuple[str, str], str] = {}  # (doc id, record key) -> group root
    for ex in exs:
        for rec in ex.entities:
            key = normalise(rec.name, rec.kind)
            if not key:
                continue
            root = uf.find(node(rec.kind, key))
            rec_root[(ex.doc.id, rec.key)] = root
            g = groups[root]
            w = _record_weight(rec)
            g.names[rec.name] += w
            if rec.source == "gazetteer":
                g.gazetteer_names[rec.name] += 1
            g.kinds[rec.kind] += w
            g.classes[rec.cls] += w
            g.aliases.update(rec.aliases)
            g.aliases.add(rec.name)
    for ex in exs:
        by_key = {r.key: r for r in ex.entities}
        for rec in ex.entities:
            if rec.version_of and rec.version_of in by_key:
                fam = rec_root.get((ex.doc.id, rec.version_of))
                mine = rec_root.get((ex.doc.id, rec.key))
                if fam and mine and fam != mine:
                    groups[mine].versions_of[fam] += 1
                    groups[fam].is_family_target = True
        for event in ex.events:
            for role, key in event.participants:
                product_root = rec_root.get((ex.doc.id, key))
                if role == "product" and product_root:
                    groups[product_root].is_event_product = True

    # 3. Canonical entities.
    entities: dict[str, Entity] = {}
    root_iri: dict[str, str] = {}
    for root in sorted(groups):
        g = groups[root]
        kind = _vote(g.kinds, _KIND_PRIORITY)
        name = _vote(g.gazetteer_names) if g.gazetteer_names else _canonical_name(g.names)
        # A specific class (Company, AIModel) said anywhere beats the generic kind said more often.
        classes = Counter({c: n for c, n in g.classes.items() if _class_fits(c, kind) and c != kind})
        cls = _vote(classes) if classes else kind
        # A family is only known through its versions; one launched or shut down in its own right is a
        # product that has versions ("Condor Galaxy" launched, then "Condor Galaxy 1").
        family = kind == PRODUCT and g.is_family_target and not g.is_event_product
        iri = entity_iri(kind, name)
        if iri in entities:  # two groups that slug alike are one entity
            root_iri[root] = iri
            prev = entities[iri]
            entities[iri] = Entity(
                iri=iri,
                name=prev.name,
                kind=prev.kind,
                cls=prev.cls,
                aliases=tuple(sorted(set(prev.aliases) | (g.aliases - {prev.name}))),
                family=prev.family and family,
            )
            continue
        root_iri[root] = iri
        aliases = tuple(sorted(a for a in g.aliases if a != name and a.strip()))
        entities[iri] = Entity(
            iri=iri,
            name=name,
            kind=kind,
            cls="ProductFamily" if family else cls,
            aliases=aliases,
            family=family,
        )
    for root in sorted(groups):
        g = groups[root]
        if g.versions_of:
            fam_root = _vote(g.versions_of)
            iri, fam_iri = root_iri[root], root_iri[fam_root]
            ent = entities[iri]
            if fam_iri != iri and entities[fam_iri].kind == PRODUCT and ent.kind == PRODUCT:
                entities[iri] = Entity(
                    iri=ent.iri,
                    name=ent.name,
                    kind=ent.kind,
                    cls=ent.cls if ent.cls != "ProductFamily" else "Product",
                    aliases=ent.aliases,
                    version_of=fam_iri,
                    family=ent.family,
                )

    # 4. Facts per document, with IRIs.
    docs: list[ResolvedDocument] = []
    for ex in exs:
        iri_of = {
            rec.key: root_iri[rec_root[(ex.doc.id, rec.key)]]
            for rec in ex.entities
            if (ex.doc.id, rec.key) in rec_root
        }
        mention_counts = Counter[str]()
        for rec in ex.entities:
            if rec.key in iri_of:
                mention_counts[iri_of[rec.key]] += max(1, len(rec.mentions))
        relations = _relations(ex.relations, iri_of, entities)
        events = _events(ex.events, iri_of, entities, relations)
        docs.append(
            ResolvedDocument(
                doc=ex.doc,
                entities=tuple(sorted(set(iri_of.values()))),
                relations=tuple(relations),
                events=tuple(events),
                extractor=ex.extractor,
                mention_counts=dict(sorted(mention_counts.items())),
            )
        )
    docs = _unify_event_participants(docs)
    docs = _join_partial_reports(docs)
    return Resolution(
        entities=dict(sorted(entities.items())),
        documents=tuple(docs),
        inferred=tuple(_family_developers(docs, entities)),
    )


def _canonical_name(names: Counter[str]) -> str:
    # Most weight first; then the fuller form; then a stable order.
    return min(names, key=lambda n: (-names[n], -len(n), n))


_CLASS_KIND = {
    "Organization": ORG,
    "Company": ORG,
    "Investor": ORG,
    "MediaOrganization": ORG,
    "ResearchLab": ORG,
    "GovernmentBody": ORG,
    "University": ORG,
    "Person": PERSON,
    "Product": PRODUCT,
    "AIModel": PRODUCT,
    "Application": PRODUCT,
    "Hardware": PRODUCT,
    "Service": PRODUCT,
    "ProductFamily": PRODUCT,
    "Place": PLACE,
}


def _class_fits(cls: str, kind: str) -> bool:
    return _CLASS_KIND.get(cls, kind) == kind and cls != "ProductFamily"


def _relations(
    records: Iterable[RelationRecord], iri_of: dict[str, str], entities: dict[str, Entity]
) -> list[Relation]:
    out: dict[tuple[str, str, str, bool, int, int], Relation] = {}
    for r in records:
        s, o = iri_of.get(r.subject), iri_of.get(r.object)
        if not s or not o or s == o:
            continue
        kinds = _RELATION_KINDS.get(r.predicate)
        if kinds and not (entities[s].kind in kinds[0] and entities[o].kind in kinds[1]):
            continue
        if r.predicate == "competesWith" and o < s:
            s, o = o, s
        key = (s, r.predicate, o, r.evidence.in_title, r.evidence.start, r.evidence.end)
        rel = Relation(
            subject=s,
            predicate=r.predicate,
            object=o,
            evidence=r.evidence,
            confidence=r.confidence,
            rule=r.rule,
            role=r.role,
            former=r.former,
        )
        if key not in out or out[key].confidence < rel.confidence:
            out[key] = rel
    return [out[k] for k in sorted(out)]


def _event_key(event_type: str, participants: Iterable[tuple[str, str]], entities: dict[str, Entity]) -> str:
    parts = sorted(set(participants))
    if event_type in _PRODUCT_EVENTS:
        products = [iri for role, iri in parts if entities[iri].kind == PRODUCT]
        if products:
            return event_iri(event_type, products)
    family = "Deal" if event_type in _DEAL_TYPES else event_type
    return event_iri(
        family, [iri for _, iri in parts if entities[iri].kind != PLACE] or [p[1] for p in parts]
    )


def _events(
    records: Iterable[EventRecord],
    iri_of: dict[str, str],
    entities: dict[str, Entity],
    relations: list[Relation],
) -> list[Event]:
    developer = {r.subject: r.object for r in relations if r.predicate == "developedBy"}
    out: dict[tuple[str, bool, int, int, str], Event] = {}
    for e in records:
        parts = sorted({(role, iri_of[k]) for role, k in e.participants if k in iri_of})
        if not parts:
            continue
        if e.type in _PRODUCT_EVENTS and not any(role == "agent" for role, _ in parts):
            for _, iri in parts:
                if entities[iri].kind == PRODUCT and iri in developer:
                    parts = sorted(set(parts) | {("agent", developer[iri])})
                    break
        iri = _event_key(e.type, parts, entities)
        ev = Event(
            iri=iri,
            type=e.type,
            participants=tuple(parts),
            evidence=e.evidence,
            confidence=e.confidence,
            rule=e.rule,
            trigger=e.trigger,
            date=e.date,
            amount=e.amount,
            status=e.status,
            role=e.role,
        )
        key = (iri, e.evidence.in_title, e.evidence.start, e.evidence.end, e.type)
        if key not in out or out[key].confidence < ev.confidence:
            out[key] = ev
    return [out[k] for k in sorted(out)]


def _unify_event_participants(docs: list[ResolvedDocument]) -> list[ResolvedDocument]:
    """Reports of one product event share participants: one names the developer, all get it."""
    agents: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for rd in docs:
        for ev in rd.events:
            if ev.type in _PRODUCT_EVENTS:
                agents[ev.iri].update(p for p in ev.participants if p[0] == "agent")
    out = []
    for rd in docs:
        events = []
        for ev in rd.events:
            extra = agents.get(ev.iri, set()) - set(ev.participants)
            if extra and not any(p[0] == "agent" for p in ev.participants):
                ev = replace(ev, participants=tuple(sorted(set(ev.participants) | extra)))
            events.append(ev)
        out.append(
            ResolvedDocument(
                doc=rd.doc,
                entities=rd.entities,
                relations=rd.relations,
                events=tuple(events),
                extractor=rd.extractor,
                mention_counts=rd.mention_counts,
            )
        )
    return out


def _amounts_agree(a: Amount | None, b: Amount | None) -> bool:
    """No amount on one side, or the same money (within 1%) in the same currency."""
    if a is None or b is None:
        return True
    return a.currency == b.currency and abs(a.value - b.value) <= 0.01 * max(abs(a.value), abs(b.value))


def _join_partial_reports(docs: list[ResolvedDocument]) -> list[ResolvedDocument]:
    """A deal or personnel event one source reports with fewer participants is the fuller report's
    event: "Pinecone raises $100 million" (a headline: the recipient only) and "Pinecone raised $100
    million in a round led by Andreessen Horowitz" become one node with both sources. A report joins
    the event whose participants strictly include its own, of the same type, with no other amount,
    when exactly one such fuller event (counting the largest only) exists; product events are keyed
    by their product already."""
    reports: dict[str, list[Event]] = defaultdict(list)
    for rd in docs:
        for ev in rd.events:
            if ev.type not in _PRODUCT_EVENTS:
                reports[ev.iri].append(ev)
    parts = {iri: frozenset(p for ev in evs for p in ev.participants) for iri, evs in reports.items()}
    kind = {iri: evs[0].type for iri, evs in reports.items()}
    amounts = {iri: [ev.amount for ev in evs if ev.amount is not None] for iri, evs in reports.items()}

    def fits(small: str, big: str) -> bool:
        return (
            kind[small] == kind[big]
            and parts[small] < parts[big]
            and all(_amounts_agree(a, b) for a in amounts[small] for b in amounts[big])
        )

    holding: dict[tuple[str, str], set[str]] = defaultdict(set)  # participant -> events naming it
    for iri, ps in parts.items():
        for p in ps:
            holding[p].add(iri)
    target: dict[str, str] = {}
    for iri in sorted(reports):
        candidates = set.intersection(*(holding[p] for p in parts[iri])) if parts[iri] else set()
        fuller = [other for other in sorted(candidates) if fits(iri, other)]
        largest = [f for f in fuller if not any(fits(f, g) for g in fuller)]
        if len(largest) == 1:
            target[iri] = largest[0]
    if not target:
        return docs
    def joined(rd: ResolvedDocument) -> ResolvedDocument:
        return replace(rd, events=tuple(replace(ev, iri=target.get(ev.iri, ev.iri)) for ev in rd.events))

    return [joined(rd) for rd in docs]


def _family_developers(docs: list[ResolvedDocument], entities: dict[str, Entity]) -> list[Relation]:
    """A product family's (or versioned product's) developer also developed each of its versions."""
    stated = {(r.subject, r.object) for rd in docs for r in rd.relations if r.predicate == "developedBy"}
    families = {e.version_of for e in entities.values() if e.version_of}
    by_family: dict[str, Relation] = {}
    for rd in docs:
        for r in rd.relations:
            if r.predicate == "developedBy" and r.subject in families:
                best = by_family.get(r.subject)
                if best is None or (r.confidence, r.evidence.doc_id) > (
                    best.confidence,
                    best.evidence.doc_id,
                ):
                    by_family[r.subject] = r
    out = []
    for ent in entities.values():
        fam = ent.version_of
        if fam and fam in by_family and (ent.iri, by_family[fam].object) not in stated:
            src = by_family[fam]
            out.append(
                Relation(
                    subject=ent.iri,
                    predicate="developedBy",
                    object=src.object,
                    evidence=src.evidence,
                    confidence=round(src.confidence * 0.9, 3),
                    rule=f"{RESOLVER_RULE}.family-developer",
                )
            )
    return sorted(out, key=lambda r: (r.subject, r.object))
