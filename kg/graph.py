"""Resolution -> RDF: one named graph per document (its facts with provenance) plus a derived graph.

The shape follows docs/ARCHITECTURE.md. No blank nodes are made, so the same resolution always
gives the same triples. Bad values (a confidence of 1.7, a malformed date, an unknown relation) are
written as they are, so that SHACL validation can report them and kg.validate.quarantine can hold
them; nothing is dropped here without a trace.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV

from kg.model import (
    ORG,
    PERSON,
    PLACE,
    PRODUCT,
    Amount,
    Entity,
    Event,
    Evidence,
    Relation,
    Resolution,
    ResolvedDocument,
)
from kg.namespace import (
    DERIVED_GRAPH,
    ENTITY_CLASSES,
    EVENT_TYPES,
    KG,
    KG_NS,
    KGR,
    RELATIONS,
    ROLES,
    SCHEMA,
    STATUSES,
    amount_iri,
    decimal_lexical,
    doc_iri,
    evidence_iri,
    graph_iri,
)

Triple = tuple[URIRef, URIRef, URIRef | Literal]

PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgr": str(KGR),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "prov": str(PROV),
    "schema": str(SCHEMA),
}
AGGREGATE_CAP = 0.99  # no number of reports makes an event certain

_KIND_CLASS = {ORG: "Organization", PERSON: "Person", PRODUCT: "Product", PLACE: "Place"}

# Event labels: the first template whose slots are all filled wins. A slot is a role, {all} (every
# participant but places) or {both} ({all} when it names two or more). [singular|plural] agrees
# with the number of names in the first slot.
_LABELS: dict[str, tuple[str, ...]] = {
    "Launch": ("{agent} [launches|launch] {product}", "{agent} [launches|launch] {target}",
               "Launch of {product}", "Launch by {agent}"),
    "Discontinuation": ("{agent} [discontinues|discontinue] {product}",
                        "{agent} [discontinues|discontinue] {target}", "Discontinuation of {product}",
                        "Discontinuation by {agent}"),
    "Delay": ("{agent} [delays|delay] {product}", "{agent} [delays|delay] {target}", "Delay of {product}",
              "Delay by {agent} in {place}", "Delay at {agent}"),
    "Investment": ("{investor} [invests|invest] in {recipient}", "{agent} [invests|invest] in {recipient}",
                   "{investor} [invests|invest] in {target}", "{agent} [invests|invest] in {target}",
                   "Investment in {recipient}", "Investment by {investor}", "Investment involving {all}"),
    "Acquisition": ("{agent} [acquires|acquire] {target}", "{agent} [acquires|acquire] {product}",
                    "Acquisition of {target}", "Acquisition involving {all}"),
    "Partnership": ("Partnership between {both}", "Partnership involving {all}"),
    "Deal": ("Deal between {both}", "Deal involving {all}"),
    "Appointment": ("{organization} [appoints|appoint] {person}", "{agent} [appoints|appoint] {person}",
                    "{person} [is|are] appointed", "Appointment at {organization}"),
    "Departure": ("{person} [leaves|leave] {organization}", "{person} [leaves|leave] {agent}",
                  "{person} [departs|depart]", "Departure from {organization}"),
    "Outage": ("Outage affecting {all}",),
    "LegalAction": ("{plaintiff} [takes|take] legal action against {defendant}",
                    "{agent} [sues|sue] {defendant}", "Legal action against {defendant}",
                    "Legal action by {plaintiff}", "Legal action involving {all}"),
}
_TYPE_WORDS = {"LegalAction": "Legal action"}

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text fit for a literal: control characters other than newline and tab, surrogates and
    non-characters removed; everything else (any script) kept."""
    return _CONTROL.sub("", text)


def _text(text: str) -> Literal:
    return Literal(clean(text))


def decimal_literal(value: float | Decimal, places: int | None = None) -> Literal:
    """An xsd:decimal in canonical form, optionally rounded half-up to `places` decimals.

    A value that is not a finite number becomes the ill-typed "NaN"^^xsd:decimal that validation
    reports, rather than disappearing.
    """
    try:
        d = Decimal(str(value))
        if places is not None and d.is_finite():
            d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        return Literal(decimal_lexical(d), datatype=XSD.decimal)
    except (InvalidOperation, ValueError):
        return Literal("NaN", datatype=XSD.decimal)


def date_literal(value: str) -> Literal:
    """An event date typed by its precision: YYYY-MM-DD xsd:date, YYYY-MM xsd:gYearMonth, YYYY xsd:gYear.

    A value of none of these shapes keeps xsd:date and so fails validation with a clear reason.
    """
    v = clean(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return Literal(v, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return Literal(v, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", v):
        return Literal(v, datatype=XSD.gYear)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ].*", v):
        return Literal(v[:10], datatype=XSD.date)
    return Literal(v, datatype=XSD.date)


def published_literal(value: str) -> Literal | None:
    """A document's publication date as xsd:date or xsd:dateTime; None when it is neither."""
    from datetime import date, datetime

    v = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            return Literal(date.fromisoformat(v).isoformat(), datatype=XSD.date)
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return None
    return Literal(dt.isoformat(), datatype=XSD.dateTime)


def _term(name: str) -> URIRef:
    """A kg: term for a name taken from the records: the declared term when there is one."""
    try:
        return URIRef(getattr(KG, name))
    except AttributeError:
        return _minted(name)


def _minted(name: str) -> URIRef:
    # An unknown name (an extractor's typo) still becomes a kg: IRI, so validation flags the fact.
    return URIRef(KG_NS + (re.sub(r"[^A-Za-z0-9_]", "", name) or "unknown"))


def entity_class(entity: Entity) -> URIRef:
    """The most specific declared class of an entity, falling back to its kind's class."""
    if entity.family:
        return KG.ProductFamily
    if ENTITY_CLASSES.get(entity.cls) == entity.kind:
        return _term(entity.cls)
    return _term(_KIND_CLASS.get(entity.kind, "Entity"))


def _event_class(event_type: str) -> URIRef:
    return _term(event_type) if event_type in EVENT_TYPES else KG.Event


def _role(role: str) -> URIRef:
    return _term(role) if role in ROLES else KG.participant


_AGREE = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def event_label(event_type: str, participants: Iterable[tuple[str, str]],
                entities: Mapping[str, Entity]) -> str:
    """A readable label from the type and the participants' names, e.g. "OpenAI discontinues Sora"."""
    # Each entity keeps one role, the first in ROLES order, however many reports gave it others.
    rank = {role: i for i, role in enumerate(ROLES)}
    role_of: dict[str, str] = {}
    for role, iri in sorted(set(participants), key=lambda p: (rank.get(p[0], len(rank)), p)):
        role_of.setdefault(iri, role)
    by_role: dict[str, set[str]] = defaultdict(set)
    everyone: set[str] = set()
    for iri, role in role_of.items():
        ent = entities.get(iri)
        name = clean(ent.name) if ent else iri.rsplit("/", 1)[-1]
        by_role[role].add(name)
        if role != "place":
            everyone.add(name)
    by_role["all"] = everyone
    if len(everyone) >= 2:
        by_role["both"] = everyone
    for template in _LABELS.get(event_type, ()):
        slots: dict[str, list[str]] = {}
        for slot in re.findall(r"{(\w+)}", template):
            names = sorted(by_role.get(slot, set()))
            if not names:
                break
            slots[slot] = names
        else:
            plural = len(next(iter(slots.values()), [])) > 1
            text = _AGREE.sub(r"\2" if plural else r"\1", template)
            return text.format(**{k: _join(v) for k, v in slots.items()})
    word = _TYPE_WORDS.get(event_type, event_type)
    return f"{word} involving {_join(sorted(everyone))}" if everyone else word


def _lead(events: Iterable[Event]) -> Event:
    # The report the label and a document's single date, amount and status come from.
    return min(events, key=lambda e: (-e.confidence, e.evidence.doc_id, e.evidence.place, e.type, e.rule))


def _label_of(events: list[Event], entities: Mapping[str, Entity]) -> str:
    # The lead report's roles decide; other reports only add entities it does not name, so two
    # reports that swap roles do not put both parties on both sides.
    lead = _lead(events)
    named = {iri for _, iri in lead.participants}
    extra = [(r, iri) for ev in events for r, iri in ev.participants if iri not in named]
    return event_label(lead.type, [*lead.participants, *extra], entities)


def event_labels(resolution: Resolution) -> dict[str, str]:
    """One label per event IRI over all documents, so every named graph labels an event alike."""
    by_iri: dict[str, list[Event]] = defaultdict(list)
    for rd in resolution.documents:
        for ev in rd.events:
            by_iri[ev.iri].append(ev)
    return {iri: _label_of(evs, resolution.entities) for iri, evs in by_iri.items()}


def publisher_index(entities: Mapping[str, Entity]) -> dict[str, str]:
    """Casefolded name or alias -> organization IRI, media organizations first."""
    index: dict[str, str] = {}
    orgs = sorted((e for e in entities.values() if e.kind == ORG),
                  key=lambda e: (e.cls != "MediaOrganization", e.iri))
    for ent in orgs:
        for name in (ent.name, *ent.aliases):
            index.setdefault(_key(name), ent.iri)
    return index


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _document_entities(rd: ResolvedDocument, entities: Mapping[str, Entity],
                       publisher: str | None) -> set[str]:
    """Every entity IRI the document's graph describes: mentioned, related, participating, families."""
    iris = set(rd.entities)
    iris.update(x for r in rd.relations for x in (r.subject, r.object))
    iris.update(iri for ev in rd.events for _, iri in ev.participants)
    if publisher:
        iris.add(publisher)
    families = {entities[i].version_of for i in iris if i in entities and entities[i].version_of}
    iris.update(f for f in families if f)
    return iris


def document_graph(
    rd: ResolvedDocument,
    entities: Mapping[str, Entity],
    *,
    labels: Mapping[str, str] | None = None,
    publishers: Mapping[str, str] | None = None,
) -> Graph:
    """The triples of one document's named graph (identifier kgr:graph/{doc_id}).

    `labels` (event IRI -> label) and `publishers` (see publisher_index) are computed once by
    build_dataset; on their own, they are derived from this document and `entities`.
    """
    triples = document_triples(rd, entities, labels=labels, publishers=publishers)
    return _as_graph(graph_iri(rd.doc.id), triples)


def document_triples(
    rd: ResolvedDocument,
    entities: Mapping[str, Entity],
    *,
    labels: Mapping[str, str] | None = None,
    publishers: Mapping[str, str] | None = None,
) -> list[Triple]:
    """The triples of document_graph, as a list (duplicates possible; a graph drops them)."""
    info = rd.doc
    out: list[Triple] = []
    doc = URIRef(doc_iri(info.id))
    add = out.append

    add((doc, RDF.type, KG.Document))
    add((doc, KG.title, _text(info.title)))
    if info.url:
        add((doc, KG.url, Literal(clean(info.url).strip(), datatype=XSD.anyURI)))
    if info.published and (pub := published_literal(info.published)) is not None:
        add((doc, KG.published, pub))
    add((doc, KG.format, _text(info.format)))
    add((doc, KG.contentHash, Literal(info.content_hash)))
    if info.source_path:
        add((doc, KG.sourcePath, _text(info.source_path)))
    if info.item:
        add((doc, KG.sourceItem, _text(str(info.item))))
    if info.words:
        add((doc, KG.wordCount, Literal(info.words)))
    if rd.extractor:
        add((doc, KG.extractor, _text(rd.extractor)))

    publisher = None
    if info.publisher:
        index = publishers if publishers is not None else publisher_index(entities)
        publisher = index.get(_key(info.publisher))
        if publisher:
            add((doc, KG.publisher, URIRef(publisher)))
        else:
            add((doc, KG.publisherName, _text(info.publisher)))

    for iri in sorted(_document_entities(rd, entities, publisher)):
        ent = entities.get(iri)
        if ent is not None:  # an IRI the resolver does not know stays untyped and fails validation
            _add_entity(out, ent, doc)

    for rel in _best(rd.relations, lambda r: _relation_evidence_iri(r, info.id)):
        _add_relation(out, rel, info.id, rd.extractor)

    by_iri: dict[str, list[Event]] = defaultdict(list)
    for ev in rd.events:
        by_iri[ev.iri].append(ev)
    for iri in sorted(by_iri):
        evs = by_iri[iri]
        label = labels.get(iri) if labels is not None else None
        if label is None:
            label = _label_of(evs, entities)
        _add_event(out, iri, evs, label, doc, info.id, rd.extractor)
    return out


def _as_graph(identifier: str, triples: list[Triple]) -> Graph:
    g = Graph(identifier=URIRef(identifier))
    g.addN((s, p, o, g) for s, p, o in triples)
    return g


def _add_entity(out: list[Triple], ent: Entity, doc: URIRef) -> None:
    node = URIRef(ent.iri)
    out.append((node, RDF.type, entity_class(ent)))
    out.append((node, RDFS.label, _text(ent.name)))
    for alias in ent.aliases:
        text = clean(alias).strip()
        if text and text != ent.name:
            out.append((node, SKOS.altLabel, Literal(text)))
    out.append((node, KG.mentionedIn, doc))
    if ent.version_of:
        out.append((node, KG.versionOf, URIRef(ent.version_of)))


def _best(facts: Iterable[Relation], key_of: Callable[[Relation], str]) -> list[Relation]:
    """One fact per evidence node: the most confident (then the first rule by name)."""
    best: dict[str, Relation] = {}
    for fact in facts:
        key = key_of(fact)
        cur = best.get(key)
        if cur is None or (-fact.confidence, fact.rule) < (-cur.confidence, cur.rule):
            best[key] = fact
    return [best[k] for k in sorted(best)]


def _evidence_kind(kind: str, ev: Evidence) -> str:
    """A headline's evidence counts its offsets in the title: its IRI says so ("title-event")."""
    return f"title-{kind}" if ev.in_title else kind


def _relation_evidence_iri(rel: Relation, doc_id: str, kind: str = "relation") -> str:
    ev = rel.evidence
    key = f"{rel.subject}|{rel.predicate}|{rel.object}"
    return evidence_iri(ev.doc_id or doc_id, _evidence_kind(kind, ev), ev.start, ev.end, key)


def _relation_predicate(name: str) -> URIRef:
    return _term(name) if name in RELATIONS else _minted(name)


def _add_relation(out: list[Triple], rel: Relation, doc_id: str, extractor: str,
                  kind: str = "relation") -> None:
    s, p, o = URIRef(rel.subject), _relation_predicate(rel.predicate), URIRef(rel.object)
    out.append((s, p, o))
    ev = URIRef(_relation_evidence_iri(rel, doc_id, kind))
    out.append((ev, RDF.type, KG.RelationEvidence))
    out.append((ev, RDF.type, RDF.Statement))
    out.append((ev, RDF.subject, s))
    out.append((ev, RDF.predicate, p))
    out.append((ev, RDF.object, o))
    _add_evidence(out, ev, rel.evidence, doc_id, rel.confidence, rel.rule, extractor)
    if rel.predicate == "worksFor":
        if rel.role:
            out.append((ev, KG.role, _text(rel.role)))
        out.append((ev, KG.former, Literal(bool(rel.former))))


def _add_evidence(out: list[Triple], node: URIRef, e: Evidence, doc_id: str, confidence: float, rule: str,
                  extractor: str) -> None:
    out.append((node, KG.sentence, _text(e.sentence)))
    out.append((node, KG.startOffset, Literal(int(e.start))))
    out.append((node, KG.endOffset, Literal(int(e.end))))
    if e.in_title:
        out.append((node, KG.inTitle, Literal(True)))
    out.append((node, KG.fromDocument, URIRef(doc_iri(e.doc_id or doc_id))))
    out.append((node, KG.confidence, decimal_literal(confidence, 3)))
    out.append((node, KG.rule, _text(rule)))
    if extractor:
        out.append((node, KG.extractor, _text(extractor)))


def _status(name: str) -> URIRef:
    return _term(name) if name in STATUSES else _minted(name)


def _add_amount(out: list[Triple], amount: Amount) -> URIRef:
    node = URIRef(amount_iri(amount))
    out.append((node, RDF.type, KG.MonetaryAmount))
    out.append((node, KG.value, decimal_literal(amount.value)))
    out.append((node, KG.currency, Literal(clean(amount.currency).strip().upper())))
    out.append((node, KG.isCeiling, Literal(bool(amount.ceiling))))
    return node


def _add_event(out: list[Triple], iri: str, evs: list[Event], label: str, doc: URIRef, doc_id: str,
               extractor: str) -> None:
    node = URIRef(iri)
    for t in sorted({_event_class(ev.type) for ev in evs}):
        out.append((node, RDF.type, t))
    out.append((node, RDFS.label, _text(label)))
    for role, part in sorted({p for ev in evs for p in ev.participants}):
        out.append((node, _role(role), URIRef(part)))
    # One date, amount, status and role per document: from its most confident report that has one.
    ranked = sorted(evs, key=lambda e: (-e.confidence, e.evidence.place, e.type, e.rule))
    dated = [e for e in ranked if e.date]
    if dated:
        out.append((node, KG.date, date_literal(dated[0].date or "")))
    priced = [e for e in ranked if e.amount is not None]
    if priced and priced[0].amount is not None:
        # A non-finite amount has no IRI; the event and its evidence remain.
        with contextlib.suppress(ValueError, ArithmeticError):
            out.append((node, KG.amount, _add_amount(out, priced[0].amount)))
    out.append((node, KG.status, _status(ranked[0].status)))
    titled = [e for e in ranked if e.role]
    if titled:
        out.append((node, KG.role, _text(titled[0].role or "")))
    out.append((node, KG.mentionedIn, doc))
    seen: set[str] = set()
    for ev in ranked:
        e = ev.evidence
        ev_iri = evidence_iri(e.doc_id or doc_id, _evidence_kind("event", e), e.start, e.end, iri)
        if ev_iri in seen:  # the same sentence read twice: keep the most confident reading
            continue
        seen.add(ev_iri)
        enode = URIRef(ev_iri)
        out.append((node, KG.evidence, enode))
        out.append((enode, RDF.type, KG.EventEvidence))
        _add_evidence(out, enode, e, doc_id, ev.confidence, ev.rule, extractor)
        if ev.trigger:
            out.append((enode, KG.trigger, _text(ev.trigger)))
        out.append((enode, KG.status, _status(ev.status)))


def derived_graph(resolution: Resolution) -> Graph:
    """Facts over all documents (named graph kgr:graph/derived).

    Per event: kg:corroborations (distinct documents reporting it) and kg:confidence (noisy-or of
    each document's best confidence, capped at 0.99). Per entity: kg:mentionCount (distinct
    documents describing it). Plus the resolver's inferred relations with their evidence.
    """
    return _as_graph(DERIVED_GRAPH, derived_triples(resolution))


def derived_triples(resolution: Resolution) -> list[Triple]:
    """The triples of derived_graph, as a list."""
    out: list[Triple] = []
    per_doc: dict[str, dict[str, float]] = defaultdict(dict)  # event IRI -> doc id -> best confidence
    mentions: dict[str, set[str]] = defaultdict(set)
    index = publisher_index(resolution.entities)
    for rd in resolution.documents:
        for ev in rd.events:
            conf = min(1.0, max(0.0, ev.confidence))
            per_doc[ev.iri][rd.doc.id] = max(conf, per_doc[ev.iri].get(rd.doc.id, 0.0))
        publisher = index.get(_key(rd.doc.publisher)) if rd.doc.publisher else None
        for iri in _document_entities(rd, resolution.entities, publisher):
            if iri in resolution.entities:
                mentions[iri].add(rd.doc.id)
    for iri in sorted(per_doc):
        confs = sorted(per_doc[iri].values())
        doubt = 1.0
        for c in confs:
            doubt *= 1.0 - c
        node = URIRef(iri)
        out.append((node, KG.corroborations, Literal(len(confs))))
        out.append((node, KG.confidence, decimal_literal(min(AGGREGATE_CAP, 1.0 - doubt), 3)))
    for iri in sorted(mentions):
        out.append((URIRef(iri), KG.mentionCount, Literal(len(mentions[iri]))))
    extractor_of = {rd.doc.id: rd.extractor for rd in resolution.documents}
    for rel in _best(resolution.inferred, lambda r: _relation_evidence_iri(r, "", "inferred")):
        doc_id = rel.evidence.doc_id
        _add_relation(out, rel, doc_id, extractor_of.get(doc_id, ""), kind="inferred")
    return out


def new_dataset() -> Dataset:
    """An empty Dataset whose default graph is the union, with the project's prefixes bound."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, replace=True)
    return ds


def build_dataset(resolution: Resolution) -> Dataset:
    """All documents' named graphs plus the derived graph, as one Dataset."""
    ds = new_dataset()
    labels = event_labels(resolution)
    publishers = publisher_index(resolution.entities)
    for rd in sorted(resolution.documents, key=lambda d: d.doc.id):
        triples = document_triples(rd, resolution.entities, labels=labels, publishers=publishers)
        ctx = ds.graph(URIRef(graph_iri(rd.doc.id)))
        ctx.addN((s, p, o, ctx) for s, p, o in triples)
    ctx = ds.graph(URIRef(DERIVED_GRAPH))
    ctx.addN((s, p, o, ctx) for s, p, o in derived_triples(resolution))
    return ds
