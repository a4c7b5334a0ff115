"""The query library: every .rq parses, declares what it uses, and returns the expected rows on the
hand-written known graph; the known graph itself follows docs/ARCHITECTURE.md."""

from __future__ import annotations

import hashlib
import json
import shlex
from collections import defaultdict
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, BNode, Literal, URIRef

from kg.model import Amount
from kg.namespace import KG_NS, KGR_NS, amount_iri, event_iri, evidence_iri
from kg.query import check_syntax, compact, list_queries, load_query, queries_dir, run_query, variables
from kg.store import load_file
from tests.fixtures.sparql.servers import FIXTURE

QUERIES = list_queries()
NAMES = [q.name for q in QUERIES]
EXPECTED = queries_dir() / "expected"
EVENT_TYPES = ("Launch", "Discontinuation", "Delay", "Deal", "Investment", "Acquisition", "Partnership",
               "Appointment", "Departure", "Outage", "LegalAction")
ROLES = ("agent", "product", "target", "partner", "investor", "recipient", "person", "organization",
         "plaintiff", "defendant", "place")
KG = rdflib.Namespace(KG_NS)


@pytest.fixture(scope="module")
def known():
    return load_file(FIXTURE)


@pytest.fixture(scope="module")
def dataset() -> rdflib.Dataset:
    ds = rdflib.Dataset(default_union=True)
    ds.parse(FIXTURE, format="trig")
    return ds


def example_params(example: str) -> tuple[str, dict[str, str]]:
    args = shlex.split(example)
    params = {}
    for i, arg in enumerate(args):
        if arg in ("--param", "-p"):
            name, _, value = args[i + 1].partition("=")
            params[name] = value
    return args[2], params


def cases() -> list[tuple[str, dict[str, str], list[str], list[list[str]]]]:
    out = []
    for path in sorted(EXPECTED.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append((data["query"], case["params"], case["vars"], case["rows"]))
    return out


def test_query_library_has_at_least_fifteen_queries():
    assert len(QUERIES) >= 15


@pytest.mark.parametrize("name", NAMES)
def test_query_library_header_declares_question_params_and_example(name):
    spec = load_query(name)
    check_syntax(spec)  # raises QueryError with file:line:column when the SPARQL is invalid
    assert spec.question.endswith("?"), "the header's question should be a question"
    assert spec.examples, "the header needs an example call"
    for example in spec.examples:
        called, params = example_params(example)
        assert called == name
        assert set(params) <= {p.name for p in spec.params}
        assert {p.name for p in spec.params if p.required} <= set(params)
    used = variables(spec.text)
    for p in spec.params:
        assert p.doc, f"parameter {p.name} is not described"
        assert p.name in used, f"?{p.name} is declared but not used"


@pytest.mark.parametrize("name", NAMES)
def test_query_library_every_query_has_expected_rows(name):
    data = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    assert data["query"] == name
    assert data["cases"]
    assert any(case["rows"] for case in data["cases"]), "at least one case should return rows"


@pytest.mark.parametrize(("name", "params", "want_vars", "want_rows"), cases(),
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(cases())])
def test_query_library_returns_expected_rows_on_known_graph(known, name, params, want_vars, want_rows):
    result = run_query(known, name, params)
    assert result.vars == want_vars
    assert [[compact(t) for t in row] for row in result.rows] == want_rows


def test_query_library_entity_names_match_any_case_and_alias(known):
    by_label = run_query(known, "products-by-company", {"company": "OpenAI"}).rows
    assert by_label
    assert run_query(known, "products-by-company", {"company": "oPeNaI"}).rows == by_label
    assert run_query(known, "products-by-company", {"company": "Open AI"}).rows == by_label
    assert run_query(known, "products-by-company", {"company": "OpenAI Inc"}).rows == []


def test_query_library_documents_by_publisher_matches_an_alias_of_the_publisher():
    import pyoxigraph as ox

    store = load_file(FIXTURE)
    alias = (ox.NamedNode(KGR_NS + "org/techwire"), ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"),
             ox.Literal("Tech Wire Daily"))
    # as kg's store keeps it: in a named graph and in the default graph, the union of the named graphs
    for graph in (ox.NamedNode(KGR_NS + "graph/publisher-aliases"), ox.DefaultGraph()):
        store.add(ox.Quad(*alias, graph))
    by_name = run_query(store, "documents-by-publisher", {"publisher": "TechWire"}).rows
    assert len(by_name) == 2
    assert run_query(store, "documents-by-publisher", {"publisher": "tech wire DAILY"}).rows == by_name
    assert run_query(store, "documents-by-publisher", {"publisher": "Tech Wire"}).rows == []
    assert len(run_query(store, "documents-by-publisher", {}).rows) == 4


def test_query_library_union_counts_each_document_once(known):
    # OpenAI is described in all four document graphs; counts must not multiply with them.
    rows = run_query(known, "corroborated-events", {"min": "1"}).records()
    sora = next(r for r in rows if str(r["label"]) == "OpenAI discontinues Sora")
    assert int(sora["reports"]) == 2
    assert all(int(r["reports"]) >= 1 for r in rows)
    totals = run_query(known, "investment-totals-by-investor", {}).records()
    assert {str(r["investorLabel"]): int(r["total"]) for r in totals} == {"Amazon": 4_000_000_000,
                                                                          "Google": 2_000_000_000}


# --- the known graph follows the architecture ------------------------------------------------------


def test_query_fixture_has_no_blank_nodes(dataset):
    assert not any(isinstance(t, BNode) for q in dataset.quads() for t in q[:3])


def test_query_fixture_documents_and_graphs_are_named_from_urls(dataset):
    docs = list(dataset.subjects(RDF.type, KG.Document))
    assert len(docs) == 4
    for doc in docs:
        url = str(dataset.value(doc, KG.url))
        doc_id = "u" + hashlib.sha1(url.encode()).hexdigest()[:16]
        assert str(doc) == f"{KGR_NS}doc/{doc_id}"
        graph = dataset.graph(URIRef(f"{KGR_NS}graph/{doc_id}"))
        assert (doc, RDF.type, KG.Document) in graph


def test_query_fixture_event_evidence_and_amount_iris_are_hashed_as_specified(dataset):
    events = {e for t in EVENT_TYPES for e in dataset.subjects(RDF.type, KG[t])}
    assert {t for t in EVENT_TYPES if any(dataset.subjects(RDF.type, KG[t]))} == set(EVENT_TYPES)
    for event in events:
        (etype,) = [str(o)[len(KG_NS):] for o in dataset.objects(event, RDF.type)]
        parts = [str(o) for role in ROLES for o in dataset.objects(event, KG[role])]
        assert str(event) == event_iri(etype, parts)
        for ev in dataset.objects(event, KG.evidence):
            doc_id = str(dataset.value(ev, KG.fromDocument)).rsplit("/", 1)[-1]
            start, end = int(dataset.value(ev, KG.startOffset)), int(dataset.value(ev, KG.endOffset))
            assert end - start == len(str(dataset.value(ev, KG.sentence)))
            assert str(ev) == evidence_iri(doc_id, "event", start, end, str(event))
        for amount in dataset.objects(event, KG.amount):
            value = dataset.value(amount, KG.value).toPython()
            a = Amount(float(value), str(dataset.value(amount, KG.currency)),
                       bool(dataset.value(amount, KG.isCeiling).toPython()))
            assert str(amount) == amount_iri(a)
    for ev in dataset.subjects(RDF.type, KG.RelationEvidence):
        s, p, o = (dataset.value(ev, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        doc_id = str(dataset.value(ev, KG.fromDocument)).rsplit("/", 1)[-1]
        start, end = int(dataset.value(ev, KG.startOffset)), int(dataset.value(ev, KG.endOffset))
        key = f"{s}|{str(p)[len(KG_NS):]}|{o}"
        assert str(ev) == evidence_iri(doc_id, "relation", start, end, key)
        assert (s, p, o) in dataset


def test_query_fixture_has_rumoured_and_denied_deals_and_a_twice_reported_event(dataset):
    statuses = {str(o)[len(KG_NS):] for o in dataset.objects(None, KG.status)}
    assert {"Rumoured", "Denied", "Announced", "Completed", "Planned"} <= statuses
    reports = defaultdict(set)
    for event, _, doc in dataset.triples((None, KG.mentionedIn, None)):
        if (event, RDF.type, KG.Document) not in dataset and str(event).startswith(f"{KGR_NS}event/"):
            reports[event].add(doc)
    assert sorted(len(d) for d in reports.values())[-1] == 2
    derived = dataset.graph(URIRef(f"{KGR_NS}graph/derived"))
    for event, docs in reports.items():
        assert derived.value(event, KG.corroborations) == Literal(len(docs))


def test_query_fixture_loads_in_pyoxigraph_with_the_same_quads(dataset, known):
    from kg.store import store_quad_count

    assert store_quad_count(known) == len(list(dataset.quads()))


def test_query_library_list_skips_internal_queries():
    assert all(Path(q.path).parent == queries_dir() for q in QUERIES)
    assert "entities" not in NAMES and "wikidata-candidates" not in NAMES
