"""kg/graph.py: a hand-made Resolution becomes the RDF shape of docs/ARCHITECTURE.md."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.graph import (
    build_dataset,
    clean,
    date_literal,
    decimal_literal,
    derived_graph,
    document_graph,
    event_label,
    published_literal,
)
from kg.model import ORG, PLACE, PRODUCT, Entity, Relation, Resolution
from kg.namespace import DERIVED_GRAPH, KG, KG_NS, doc_iri, entity_iri, graph_iri
from tests.fixtures.graph import sample as S

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return build_dataset(S.sample_resolution())


def named(ds: Dataset, doc_id: str) -> Graph:
    return ds.graph(URIRef(graph_iri(doc_id)))


def test_graph_build_one_named_graph_per_document_plus_derived(ds: Dataset) -> None:
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {graph_iri(S.DOC_A), graph_iri(S.DOC_B), DERIVED_GRAPH}


def test_graph_build_emits_only_ontology_terms(ds: Dataset) -> None:
    declared = {str(s) for s in Graph().parse(ONTOLOGY).subjects() if str(s).startswith(KG_NS)}
    used = set()
    for s, p, o in ds.triples((None, None, None)):
        used.update(str(t) for t in (p, o) if isinstance(t, URIRef) and str(t).startswith(KG_NS))
        assert not isinstance(s, BNode) and not isinstance(o, BNode), "no blank nodes anywhere"
    assert used, "the sample uses kg: terms"
    assert used - declared == set()


@pytest.mark.parametrize("iri,cls", [
    (S.ACME, KG.Company), (S.PRESS, KG.MediaOrganization), (S.NIMBUS, KG.ResearchLab), (S.DANA, KG.Person),
    (S.PIXIE, KG.Application), (S.CIRRUS2, KG.AIModel), (S.CIRRUS, KG.ProductFamily), (S.KENYA, KG.Country),
])
def test_graph_build_entities_typed_with_most_specific_class(ds: Dataset, iri: str, cls: URIRef) -> None:
    assert set(ds.objects(URIRef(iri), RDF.type)) == {cls}


def test_graph_build_entity_labels_aliases_and_mentions(ds: Dataset) -> None:
    acme = URIRef(S.ACME)
    assert list(ds.objects(acme, RDFS.label)) == [Literal("Acme AI")]
    assert set(ds.objects(acme, SKOS.altLabel)) == {Literal("Acme")}
    assert set(ds.objects(acme, KG.mentionedIn)) == {URIRef(doc_iri(S.DOC_A)), URIRef(doc_iri(S.DOC_B))}
    # each document's graph describes the entity on its own
    for doc_id in (S.DOC_A, S.DOC_B):
        assert (acme, RDFS.label, Literal("Acme AI")) in named(ds, doc_id)


def test_graph_build_unknown_class_falls_back_to_kind() -> None:
    res = S.sample_resolution()
    odd = dataclasses.replace(res.entities[S.ACME], cls="Spaceship")
    g = document_graph(res.documents[0], {**res.entities, S.ACME: odd})
    assert set(g.objects(URIRef(S.ACME), RDF.type)) == {KG.Organization}


def test_graph_build_product_family_and_version(ds: Dataset) -> None:
    assert (URIRef(S.CIRRUS2), KG.versionOf, URIRef(S.CIRRUS)) in ds
    assert (URIRef(S.CIRRUS), RDFS.label, Literal("Cirrus")) in named(ds, S.DOC_B)


def test_graph_build_document_metadata(ds: Dataset) -> None:
    a, b = URIRef(doc_iri(S.DOC_A)), URIRef(doc_iri(S.DOC_B))
    g = named(ds, S.DOC_A)
    assert (a, RDF.type, KG.Document) in g
    assert g.value(a, KG.url) == Literal("https://news.example.com/acme-pixie", datatype=XSD.anyURI)
    assert g.value(a, KG.published) == Literal("2026-03-29", datatype=XSD.date)
    assert g.value(a, KG.publisher) == URIRef(S.PRESS)  # the publisher entity, when resolved
    assert g.value(a, KG.contentHash) == Literal("a" * 64)
    assert g.value(a, KG.extractor) == Literal(S.EXTRACTOR)
    assert g.value(a, KG.format) == Literal("wordpress")
    gb = named(ds, S.DOC_B)
    assert gb.value(b, KG.publisherName) == Literal("Some Blog")  # no entity of that name
    assert gb.value(b, KG.publisher) is None
    assert gb.value(b, KG.published).datatype == XSD.dateTime
    assert gb.value(b, KG.title) == Literal("Week in review")  # the BEL character is gone


def test_graph_build_relation_with_evidence(ds: Dataset) -> None:
    g = named(ds, S.DOC_A)
    assert (URIRef(S.DANA), KG.worksFor, URIRef(S.ACME)) in g
    ev = next(g.subjects(RDF.predicate, KG.worksFor))
    assert set(g.objects(ev, RDF.type)) == {KG.RelationEvidence, RDF.Statement}
    assert g.value(ev, RDF.subject) == URIRef(S.DANA) and g.value(ev, RDF.object) == URIRef(S.ACME)
    assert g.value(ev, KG.role) == Literal("chief of applications")
    assert g.value(ev, KG.former) == Literal(False)
    assert g.value(ev, KG.fromDocument) == URIRef(doc_iri(S.DOC_A))
    start, end = g.value(ev, KG.startOffset).toPython(), g.value(ev, KG.endOffset).toPython()
    assert S.TEXT_A[start:end] == str(g.value(ev, KG.sentence))
    # role and former belong to worksFor only
    dev = next(g.subjects(RDF.predicate, KG.developedBy))
    assert g.value(dev, KG.role) is None and g.value(dev, KG.former) is None


@pytest.mark.parametrize("event,value,datatype", [
    (S.SHUTDOWN, "2026-03", XSD.gYearMonth),
    (S.DEAL, "2025", XSD.gYear),
    (S.HIRE, "2025-05-08", XSD.date),
])
def test_graph_build_event_date_typed_by_precision(ds: Dataset, event: str, value: str,
                                                  datatype: URIRef) -> None:
    assert Literal(value, datatype=datatype) in set(named(ds, S.DOC_A).objects(URIRef(event), KG.date))


def test_graph_build_event_roles_label_status_and_evidence(ds: Dataset) -> None:
    g, e = named(ds, S.DOC_A), URIRef(S.SHUTDOWN)
    assert (e, RDF.type, KG.Discontinuation) in g
    assert g.value(e, RDFS.label) == Literal("Acme AI discontinues Pixie")
    assert g.value(e, KG.agent) == URIRef(S.ACME) and g.value(e, KG.product) == URIRef(S.PIXIE)
    assert g.value(e, KG.status) == KG.Announced
    ev = g.value(e, KG.evidence)
    assert (ev, RDF.type, KG.EventEvidence) in g
    assert g.value(ev, KG.trigger) == Literal("switch off")
    assert g.value(ev, KG.rule) == Literal("kg.event.discontinuation.verb.v1")
    assert g.value(ev, KG.confidence) == Literal("0.8", datatype=XSD.decimal)


def test_graph_build_hedged_status_on_event_and_evidence(ds: Dataset) -> None:
    g, e = named(ds, S.DOC_B), URIRef(S.DELAY)
    assert g.value(e, KG.status) == KG.Rumoured
    assert g.value(g.value(e, KG.evidence), KG.status) == KG.Rumoured


def test_graph_build_amount_with_ceiling(ds: Dataset) -> None:
    g = named(ds, S.DOC_B)
    amount = g.value(URIRef(S.STAKE), KG.amount)
    assert (amount, RDF.type, KG.MonetaryAmount) in g
    assert g.value(amount, KG.value) == Literal("4000000000", datatype=XSD.decimal)
    assert g.value(amount, KG.currency) == Literal("USD")
    assert g.value(amount, KG.isCeiling) == Literal(True)
    assert g.value(URIRef(S.STAKE), KG.status) == KG.Planned


def test_graph_build_shared_event_one_date_per_document(ds: Dataset) -> None:
    e = URIRef(S.SHUTDOWN)
    for doc_id, date in ((S.DOC_A, "2026-03"), (S.DOC_B, "2026-03-24")):
        assert [str(d) for d in named(ds, doc_id).objects(e, KG.date)] == [date]
    assert len(set(ds.objects(e, KG.evidence))) == 2


def test_graph_build_derived_counts(ds: Dataset) -> None:
    g = ds.graph(URIRef(DERIVED_GRAPH))
    e = URIRef(S.SHUTDOWN)
    assert g.value(e, KG.corroborations) == Literal(2)
    # noisy-or of 0.8 and 0.7
    assert g.value(e, KG.confidence) == Literal("0.94", datatype=XSD.decimal)
    assert g.value(URIRef(S.DELAY), KG.corroborations) == Literal(1)
    assert g.value(URIRef(S.ACME), KG.mentionCount) == Literal(2)
    assert g.value(URIRef(S.KENYA), KG.mentionCount) == Literal(1)


def test_graph_build_aggregate_confidence_is_capped() -> None:
    res = S.sample_resolution()
    docs = []
    for i in range(4):  # four confident reports of the same launch
        rd = res.documents[0]
        events = tuple(dataclasses.replace(e, confidence=0.95) for e in rd.events)
        docs.append(dataclasses.replace(rd, doc=dataclasses.replace(rd.doc, id=f"u{i:016x}"), events=events))
    g = derived_graph(Resolution(entities=res.entities, documents=tuple(docs)))
    assert g.value(URIRef(S.SHUTDOWN), KG.confidence) == Literal("0.99", datatype=XSD.decimal)
    assert g.value(URIRef(S.SHUTDOWN), KG.corroborations) == Literal(4)


def test_graph_build_inferred_relations_go_to_derived_graph() -> None:
    res = S.sample_resolution()
    rel = Relation(S.CIRRUS2, "developedBy", S.BOREALIS, S.span(S.DOC_B, S.TEXT_B, 1), 0.7,
                   "kg.resolve/1.family-developer")
    ds = build_dataset(dataclasses.replace(res, inferred=(rel,), documents=(res.documents[0],)))
    derived = ds.graph(URIRef(DERIVED_GRAPH))
    assert (URIRef(S.CIRRUS2), KG.developedBy, URIRef(S.BOREALIS)) in derived
    ev = next(derived.subjects(RDF.predicate, KG.developedBy))
    assert derived.value(ev, KG.rule) == Literal("kg.resolve/1.family-developer")


def test_graph_build_document_graph_matches_dataset(ds: Dataset) -> None:
    res = S.sample_resolution()
    alone = document_graph(res.documents[0], res.entities)
    assert str(alone.identifier) == graph_iri(S.DOC_A)
    assert isomorphic(alone, named(ds, S.DOC_A))


def test_graph_build_independent_of_input_order(ds: Dataset) -> None:
    res = S.sample_resolution()
    shuffled = Resolution(
        entities=dict(reversed(list(res.entities.items()))),
        documents=tuple(reversed([
            dataclasses.replace(rd, events=rd.events[::-1], relations=rd.relations[::-1])
            for rd in res.documents
        ])),
    )
    other = build_dataset(shuffled)
    for g in ds.graphs():
        assert set(other.graph(g.identifier)) == set(g)


def test_graph_build_rounds_confidence_to_three_places() -> None:
    res = S.sample_resolution()
    rd = res.documents[0]
    rel = dataclasses.replace(rd.relations[0], confidence=0.85555)
    g = document_graph(dataclasses.replace(rd, relations=(rel,)), res.entities)
    assert set(g.objects(None, KG.confidence)) >= {Literal("0.856", datatype=XSD.decimal)}


def test_graph_build_same_sentence_twice_keeps_most_confident() -> None:
    res = S.sample_resolution()
    rd = res.documents[0]
    weak = dataclasses.replace(rd.relations[0], confidence=0.5, rule="kg.rel.developedBy.cooc.v1")
    g = document_graph(dataclasses.replace(rd, relations=(weak, rd.relations[0])), res.entities)
    ev = next(g.subjects(RDF.predicate, KG.developedBy))
    assert list(g.objects(ev, KG.confidence)) == [Literal("0.85", datatype=XSD.decimal)]


def test_graph_build_event_label_follows_most_confident_report() -> None:
    res = S.sample_resolution()
    rd = res.documents[0]
    deal = next(e for e in rd.events if e.iri == S.DEAL)
    swapped = dataclasses.replace(deal, type="Acquisition", confidence=0.5,
                                  participants=(("agent", S.STUDIO), ("target", S.ACME)),
                                  evidence=dataclasses.replace(deal.evidence, start=0))
    first = dataclasses.replace(deal, type="Acquisition",
                                participants=(("agent", S.ACME), ("target", S.STUDIO)))
    g = document_graph(dataclasses.replace(rd, events=(swapped, first)), res.entities)
    assert g.value(URIRef(S.DEAL), RDFS.label) == Literal("Acme AI acquires Studio Nine")


def test_graph_build_publisher_found_by_alias() -> None:
    res = S.sample_resolution()
    press = dataclasses.replace(res.entities[S.PRESS], aliases=("The Daily Circuit",))
    rd = res.documents[0]
    rd = dataclasses.replace(rd, doc=dataclasses.replace(rd.doc, publisher="the daily  circuit"))
    g = document_graph(rd, {**res.entities, S.PRESS: press})
    assert g.value(URIRef(doc_iri(S.DOC_A)), KG.publisher) == URIRef(S.PRESS)
    assert (URIRef(S.PRESS), KG.mentionedIn, URIRef(doc_iri(S.DOC_A))) in g


@pytest.mark.parametrize("event_type,participants,label", [
    ("Launch", [("agent", "A"), ("product", "P")], "Org A launches Prod P"),
    ("Launch", [("agent", "A"), ("agent", "B"), ("product", "P")], "Org A and Org B launch Prod P"),
    ("Launch", [("product", "P")], "Launch of Prod P"),
    ("Investment", [("investor", "A"), ("recipient", "B")], "Org A invests in Org B"),
    ("Investment", [("investor", "A"), ("investor", "B"), ("recipient", "P")],
     "Org A and Org B invest in Prod P"),
    ("Acquisition", [("agent", "A"), ("target", "B")], "Org A acquires Org B"),
    # an entity keeps one role, so roles that cannot be told apart give a neutral label
    ("Acquisition", [("agent", "A"), ("target", "B"), ("agent", "B"), ("target", "A")],
     "Acquisition involving Org A and Org B"),
    ("Partnership", [("agent", "A"), ("partner", "B"), ("agent", "B")],
     "Partnership between Org A and Org B"),
    ("Partnership", [("agent", "A")], "Partnership involving Org A"),
    ("Deal", [("partner", "A"), ("partner", "B"), ("partner", "P")], "Deal between Org A, Org B and Prod P"),
    ("Appointment", [("organization", "A"), ("person", "B")], "Org A appoints Org B"),
    ("Outage", [("product", "P"), ("agent", "A")], "Outage affecting Org A and Prod P"),
    ("Delay", [("agent", "A"), ("place", "K")], "Delay by Org A in Kenya"),
    ("LegalAction", [("plaintiff", "A"), ("defendant", "B")], "Org A takes legal action against Org B"),
    ("Event", [("agent", "A")], "Event involving Org A"),
    ("Delay", [], "Delay"),
])
def test_graph_build_event_label(event_type: str, participants: list[tuple[str, str]], label: str) -> None:
    iris = {"A": entity_iri(ORG, "Org A"), "B": entity_iri(ORG, "Org B"), "P": entity_iri(PRODUCT, "Prod P"),
            "K": entity_iri(PLACE, "Kenya")}
    ents = {iris["K"]: Entity(iris["K"], "Kenya", PLACE, "Country"),
            iris["A"]: Entity(iris["A"], "Org A", ORG, "Company"),
            iris["B"]: Entity(iris["B"], "Org B", ORG, "Company"),
            iris["P"]: Entity(iris["P"], "Prod P", PRODUCT, "Product")}
    assert event_label(event_type, [(r, iris[k]) for r, k in participants], ents) == label


@pytest.mark.parametrize("value,expected", [
    ("2026-03-29", Literal("2026-03-29", datatype=XSD.date)),
    ("2026-03", Literal("2026-03", datatype=XSD.gYearMonth)),
    ("2026", Literal("2026", datatype=XSD.gYear)),
    ("2026-03-29T10:00:00", Literal("2026-03-29", datatype=XSD.date)),
])
def test_graph_build_date_literal(value: str, expected: Literal) -> None:
    assert date_literal(value) == expected


def test_graph_build_malformed_date_stays_visible() -> None:
    lit = date_literal("next spring")
    assert lit.datatype == XSD.date and lit.ill_typed  # validation reports it


@pytest.mark.parametrize("value,expected", [
    ("2026-03-29", Literal("2026-03-29", datatype=XSD.date)),
    ("2026-03-29T08:15:00Z", Literal("2026-03-29T08:15:00+00:00", datatype=XSD.dateTime)),
    ("2026-03-29 08:15:00", Literal("2026-03-29T08:15:00", datatype=XSD.dateTime)),
    ("March 29", None),
])
def test_graph_build_published_literal(value: str, expected: Literal | None) -> None:
    assert published_literal(value) == expected


@pytest.mark.parametrize("value,places,lexical", [(0.85555, 3, "0.856"), (0.1 + 0.2, 3, "0.3"), (1.0, 3, "1"),
                                                  (1e9, None, "1000000000"), (float("nan"), 3, "NaN")])
def test_graph_build_decimal_literal(value: float, places: int | None, lexical: str) -> None:
    lit = decimal_literal(value, places)
    assert str(lit) == lexical and lit.datatype == XSD.decimal


@pytest.mark.parametrize("text,expected", [
    ("a\x00b\x07c", "abc"), ("line\nnext\ttab", "line\nnext\ttab"), ("crlf\r\n", "crlf\n"),
    ("ünï 字 😀", "ünï 字 😀"), ("x\ud800y", "xy"),
])
def test_graph_build_clean_text(text: str, expected: str) -> None:
    assert clean(text) == expected
