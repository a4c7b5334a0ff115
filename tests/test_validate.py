"""kg/validate.py: the built graph conforms to the shapes; bad facts are quarantined, not lost."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef

from kg.graph import build_dataset, document_graph
from kg.model import Resolution
from kg.namespace import KG, QUARANTINE_GRAPH, graph_iri
from kg.validate import ShapesError, quarantine, validate
from tests.fixtures.graph import sample as S


def sample() -> Dataset:
    return build_dataset(S.sample_resolution())


def doc_a(ds: Dataset) -> Graph:
    return ds.graph(URIRef(graph_iri(S.DOC_A)))


def test_validate_sample_conforms() -> None:
    result = validate(sample())
    assert result.conforms, result.report_text
    assert result.focus_nodes == {}


def test_validate_single_document_graph_conforms() -> None:
    res = S.sample_resolution()
    assert validate(document_graph(res.documents[1], res.entities)).conforms


def two_labels(ds: Dataset) -> URIRef:
    doc_a(ds).add((URIRef(S.ACME), RDFS.label, Literal("Acme Two")))
    return URIRef(S.ACME)


def no_participants(ds: Dataset) -> URIRef:
    g, e = doc_a(ds), URIRef(S.HIRE)
    for p in (KG.person, KG.organization):
        g.remove((e, p, None))
    return e


def bad_confidence(ds: Dataset) -> URIRef:
    g = doc_a(ds)
    ev = g.value(URIRef(S.DEAL), KG.evidence)
    g.set((ev, KG.confidence, Literal("1.7", datatype=XSD.decimal)))
    return ev  # type: ignore[return-value]


def bad_currency(ds: Dataset) -> URIRef:
    g = doc_a(ds)
    amount = g.value(URIRef(S.DEAL), KG.amount)
    g.set((amount, KG.currency, Literal("dollars")))
    return amount  # type: ignore[return-value]


def bad_date(ds: Dataset) -> URIRef:
    g = doc_a(ds)
    g.set((URIRef(S.HIRE), KG.date, Literal("sometime", datatype=XSD.date)))
    return URIRef(S.HIRE)


def offsets_reversed(ds: Dataset) -> URIRef:
    g = doc_a(ds)
    ev = next(g.subjects(RDF.predicate, KG.worksFor))
    g.set((ev, KG.startOffset, Literal(999)))
    return ev  # type: ignore[return-value]


def bad_developer(ds: Dataset) -> URIRef:
    # a product "developed by" a place
    doc_a(ds).add((URIRef(S.PIXIE), KG.developedBy, URIRef(S.KENYA)))
    return URIRef(S.PIXIE)


@pytest.mark.parametrize("corrupt,reason", [
    (two_labels, "exactly one non-empty string rdfs:label"),
    (no_participants, "at least one participant"),
    (bad_confidence, "confidence between 0 and 1"),
    (bad_currency, "three-letter ISO 4217"),
    (bad_date, "xsd:date, xsd:gYearMonth or xsd:gYear"),
    (offsets_reversed, "not after kg:endOffset"),
    (bad_developer, "kg:developedBy must point to a kg:Organization"),
])
def test_validate_quarantines_bad_fact_with_reason(corrupt: Callable[[Dataset], URIRef], reason: str) -> None:
    ds = sample()
    bad = corrupt(ds)
    before = validate(ds)
    assert not before.conforms
    assert any(reason in m for m in before.focus_nodes[bad])

    ds, held = quarantine(ds)
    assert str(held.identifier) == QUARANTINE_GRAPH
    assert any(reason in str(r) for r in held.objects(bad, KG.quarantineReason))
    after = validate(ds)
    assert after.conforms, after.report_text
    main = [g for g in ds.graphs() if str(g.identifier) != QUARANTINE_GRAPH]
    assert not any((bad, None, None) in g for g in main), "the bad node left the main graphs"
    # the rest stays: the other document's facts are untouched
    other = ds.graph(URIRef(graph_iri(S.DOC_B)))
    assert (URIRef(S.NIMBUS), KG.locatedIn, URIRef(S.KENYA)) in other
    assert (URIRef(S.STAKE), RDF.type, KG.Investment) in other


def test_validate_quarantine_moves_hanging_evidence_and_cascades() -> None:
    ds = sample()
    e = no_participants(ds)
    evidence = doc_a(ds).value(e, KG.evidence)
    ds, held = quarantine(ds)
    assert (evidence, RDF.type, KG.EventEvidence) in held  # moved with its event
    assert (e, RDF.type, KG.Appointment) in held
    assert (URIRef(S.DANA), KG.worksFor, URIRef(S.ACME)) in doc_a(ds)  # unrelated relation stays


def test_validate_quarantine_holds_relation_with_its_evidence() -> None:
    ds = sample()
    ev = offsets_reversed(ds)
    ds, held = quarantine(ds)
    assert (URIRef(S.DANA), KG.worksFor, URIRef(S.ACME)) in held
    assert (URIRef(S.DANA), KG.worksFor, URIRef(S.ACME)) not in doc_a(ds)
    assert (ev, RDF.subject, URIRef(S.DANA)) in held


def test_validate_quarantine_of_conforming_graph_changes_nothing() -> None:
    ds = sample()
    n = len(ds)
    ds, held = quarantine(ds)
    assert len(held) == 0 and len(ds) == n


def test_validate_unknown_relation_from_records_is_quarantined() -> None:
    res = S.sample_resolution()
    rd = res.documents[0]
    odd = dataclasses.replace(rd.relations[0], predicate="inventedBy")
    only = dataclasses.replace(rd, relations=(odd,))
    ds = build_dataset(Resolution(entities=res.entities, documents=(only,)))
    ds, held = quarantine(ds)
    assert validate(ds).conforms
    assert any("among the kg relations" in str(r) for r in held.objects(None, KG.quarantineReason))


def test_validate_missing_shapes_file(tmp_path: Path) -> None:
    with pytest.raises(ShapesError, match="no such file"):
        validate(sample(), tmp_path / "missing.ttl")


def test_validate_broken_shapes_file(tmp_path: Path) -> None:
    bad = tmp_path / "shapes.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(ShapesError, match="cannot parse"):
        validate(sample(), bad)
