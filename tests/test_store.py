"""The embedded store: graphs replaced (never duplicated), removed, kept; one transaction per batch;
terms converted both ways; quarantine kept out of query answers; copies for a server."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from rdflib import RDFS, XSD, Graph, Literal, URIRef

from kg.errors import StoreError
from kg.namespace import LINKS_GRAPH, QUARANTINE_GRAPH
from kg.store import (
    from_ox,
    graph_names,
    load_file,
    named_graphs,
    open_store,
    open_store_read_only,
    remove_graphs,
    replace_graphs,
    select_store,
    server_location,
    store_quad_count,
    to_dataset,
    to_ox,
)
from tests.fixtures.sparql.servers import FIXTURE

G = "https://w3id.org/aikg/id/graph/"
E = "https://w3id.org/aikg/id/org/"


def graph(name: str, *labels: str) -> Graph:
    g = Graph(identifier=URIRef(G + name))
    for label in labels:
        g.add((URIRef(E + label.lower()), RDFS.label, Literal(label)))
    return g


def labels(store: ox.Store, name: str) -> list[str]:
    quads = store.quads_for_pattern(None, None, None, ox.NamedNode(G + name))
    return sorted(q.object.value for q in quads)


@pytest.fixture()
def store(tmp_path):
    return open_store(tmp_path / "store")


@pytest.fixture(scope="module")
def fixture_dataset() -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(FIXTURE, format="trig")
    return ds


def test_store_replace_graphs_loads_a_whole_dataset(store, fixture_dataset):
    n = replace_graphs(store, fixture_dataset)
    assert n == 5
    assert store_quad_count(store) == len(list(fixture_dataset.quads()))
    assert graph_names(store) == sorted(str(g.identifier) for g in fixture_dataset.graphs() if len(g))


@pytest.mark.parametrize("batch_quads", [1, 3, 50_000])
def test_store_replacing_a_changed_graph_does_not_duplicate_it(store, batch_quads):
    replace_graphs(store, [graph("a", "OpenAI", "Anthropic"), graph("b", "Apple")], batch_quads=batch_quads)
    replace_graphs(store, [graph("a", "OpenAI", "Mistral")], batch_quads=batch_quads)
    replace_graphs(store, [graph("a", "OpenAI", "Mistral")], batch_quads=batch_quads)
    assert labels(store, "a") == ["Mistral", "OpenAI"]
    assert labels(store, "b") == ["Apple"]
    assert store_quad_count(store) == 3


def test_store_replace_accepts_a_mapping_and_an_emptied_graph(store):
    replace_graphs(store, {G + "a": graph("a", "OpenAI")})
    replace_graphs(store, {G + "a": Graph()})
    assert labels(store, "a") == []


def test_store_keep_only_drops_vanished_graphs_but_keeps_links(store):
    links = Graph(identifier=URIRef(LINKS_GRAPH))
    links.add((URIRef(E + "openai"), rdflib.OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q1")))
    replace_graphs(store, [graph("a", "OpenAI"), graph("b", "Apple"), links])
    replace_graphs(store, [graph("b", "Apple")], keep_only=True)
    assert graph_names(store) == sorted([G + "b", LINKS_GRAPH])


@pytest.mark.parametrize("bad_iri", ["relative", "http://not a valid iri"])
def test_store_a_batch_with_a_bad_iri_writes_nothing(store, bad_iri):
    replace_graphs(store, [graph("a", "OpenAI", "Anthropic")])
    bad = Graph(identifier=URIRef(G + "bad"))
    bad.add((URIRef(bad_iri), RDFS.label, Literal("x")))
    with pytest.raises(StoreError, match="cannot store the data"):
        replace_graphs(store, [graph("a", "Replaced"), bad])
    assert labels(store, "a") == ["Anthropic", "OpenAI"]
    assert G + "bad" not in graph_names(store)


def test_store_remove_graphs_counts_what_was_there(store):
    replace_graphs(store, [graph("a", "OpenAI"), graph("b", "Apple")])
    assert remove_graphs(store, [G + "a", G + "missing"]) == 1
    assert graph_names(store) == [G + "b"]


def test_store_named_graphs_refuses_unnamed_graphs():
    with pytest.raises(StoreError, match="has no IRI"):
        named_graphs([Graph()])


@pytest.mark.parametrize("term", [
    URIRef("https://w3id.org/aikg/id/org/openai"),
    Literal("plain"),
    Literal("Bonjour", lang="fr"),
    Literal("2025-03", datatype=XSD.gYearMonth),
    Literal("0.85", datatype=XSD.decimal),
    Literal(True),
])
def test_store_terms_convert_both_ways(term):
    assert from_ox(to_ox(term)) == term


def test_store_queries_leave_the_quarantine_graph_out(store):
    held = Graph(identifier=URIRef(QUARANTINE_GRAPH))
    held.add((URIRef(E + "held"), RDFS.label, Literal("Held back")))
    replace_graphs(store, [graph("a", "OpenAI"), held])
    q = "SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l"
    assert [str(r[0]) for r in select_store(store, q).rows] == ["OpenAI"]
    remove_graphs(store, [QUARANTINE_GRAPH])
    assert [str(r[0]) for r in select_store(store, q).rows] == ["OpenAI"]


def default_triples(store: ox.Store) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object))
            for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def union_of_named(store: ox.Store) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in store
            if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name.value != QUARANTINE_GRAPH}


def test_store_default_graph_stays_the_union_as_a_set(store, fixture_dataset):
    replace_graphs(store, fixture_dataset)
    assert default_triples(store) == union_of_named(store)
    label = (f"<{E}openai>", "<http://www.w3.org/2000/01/rdf-schema#label>", '"OpenAI"')
    assert label in default_triples(store)  # stated by four documents, held once
    q = 'SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "OpenAI" }'
    assert len(select_store(store, q).rows) == 1
    # Replace one document with a smaller version and drop another: the union follows.
    doc = next(g for g in fixture_dataset.graphs() if str(g.identifier).endswith("uc289a2970375f605"))
    smaller = Graph(identifier=doc.identifier)
    for t in list(doc)[:5]:
        smaller.add(t)
    replace_graphs(store, [smaller])
    assert default_triples(store) == union_of_named(store)
    remove_graphs(store, [G + "u2d65679f481154ca"])
    assert default_triples(store) == union_of_named(store)
    held = Graph(identifier=URIRef(QUARANTINE_GRAPH))
    held.add((URIRef(E + "held"), RDFS.label, Literal("Held back")))
    replace_graphs(store, [held])
    assert default_triples(store) == union_of_named(store)


def test_store_unchanged_graphs_are_not_written_again(store, fixture_dataset):
    assert replace_graphs(store, fixture_dataset) == 5
    assert replace_graphs(store, fixture_dataset) == 0
    assert replace_graphs(store, [graph("a", "OpenAI")]) == 1
    assert replace_graphs(store, [graph("a", "OpenAI")]) == 0
    assert replace_graphs(store, [graph("a", "OpenAI", "Apple")]) == 1


def test_store_dataset_default_graph_content_is_refused(store):
    ds = rdflib.Dataset()
    ds.add((URIRef(E + "x"), RDFS.label, Literal("x")))
    with pytest.raises(StoreError, match="default graph"):
        replace_graphs(store, ds)


def test_store_ask_queries_give_one_boolean_row(store):
    replace_graphs(store, [graph("a", "OpenAI")])
    assert select_store(store, "ASK { ?s ?p ?o }").rows == [(Literal(True),)]


def test_store_read_only_of_a_missing_store_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="run `kg build"):
        open_store_read_only(tmp_path / "none")


def test_store_second_writer_gets_a_clear_error(tmp_path):
    first = open_store(tmp_path / "s")
    with pytest.raises(StoreError, match="another kg process"):
        open_store(tmp_path / "s")
    del first


@pytest.mark.parametrize(("name", "content", "message"), [
    ("graph.xyz", "", "unknown RDF format"),
    ("graph.ttl", "<a> <b> .", "not valid"),
    ("missing.trig", None, "no such file"),
])
def test_store_load_file_errors_name_the_file(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(StoreError, match=message):
        load_file(path)


def test_store_triples_of_a_turtle_file_go_to_a_named_graph(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text('<urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n')
    store = load_file(path)
    assert graph_names(store) == [path.resolve().as_uri()]
    assert len(select_store(store, "SELECT * WHERE { ?s ?p ?o }").rows) == 1


def test_store_server_location_copies_the_store_without_quarantine(tmp_path, fixture_dataset):
    out = tmp_path / "exports"
    built = open_store(out / ".kg" / "store")
    held = Graph(identifier=URIRef(QUARANTINE_GRAPH))
    held.add((URIRef(E + "held"), RDFS.label, Literal("Held back")))
    replace_graphs(built, fixture_dataset)
    replace_graphs(built, [held])
    total = store_quad_count(built)
    del built
    target = server_location(out, tmp_path / "serve")
    copy = open_store_read_only(target)
    assert store_quad_count(copy) == total - 1
    assert default_triples(copy) == union_of_named(copy)
    assert QUARANTINE_GRAPH not in graph_names(copy)
    assert store_quad_count(open_store_read_only(out / ".kg" / "store")) == total  # the original is untouched


def test_store_server_location_loads_a_graph_file(tmp_path):
    target = server_location(FIXTURE, tmp_path / "serve")
    assert store_quad_count(open_store_read_only(target)) == store_quad_count(load_file(FIXTURE))


def test_store_to_dataset_gives_the_named_graphs_once(store, fixture_dataset):
    replace_graphs(store, fixture_dataset)
    ds = to_dataset(store)
    assert sorted(str(g.identifier) for g in ds.graphs() if len(g)) == graph_names(store)
    assert len(list(ds.quads())) == store_quad_count(store)
    assert rdflib.compare.isomorphic(ds.graph(URIRef(G + "derived")),
                                     fixture_dataset.graph(URIRef(G + "derived")))
