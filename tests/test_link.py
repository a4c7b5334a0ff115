"""Wikidata linking against a local oxigraph server holding a small Wikidata-shaped graph: owl:sameAs
only for unambiguous, type-compatible matches (and developer-checked products), cached, offline-safe."""

from __future__ import annotations

import gc
import json

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import OWL, Graph, URIRef
from typer.testing import CliRunner

from kg.link import Candidate, Target, choose, link, user_agent
from kg.namespace import LINKS_GRAPH
from kg.remote import Endpoint, free_port
from kg.store import open_store, open_store_read_only, replace_graphs
from tests.fixtures.sparql.servers import FIXTURE, oxigraph

KGR = "https://w3id.org/aikg/id/"
WD = "http://www.wikidata.org/entity/"

# Invented items in Wikidata's shape (labels and aliases @en, P31 class, P279 superclass, P178 developer).
WIKIDATA_TTL = """
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
wd:Q900100 rdfs:label "artificial intelligence company"@en ; wdt:P279 wd:Q4830453 .
wd:Q900001 rdfs:label "OpenAI"@en ; wdt:P31 wd:Q900100 .
wd:Q900002 rdfs:label "Anthropic"@en ; skos:altLabel "Anthropic PBC"@en ; wdt:P31 wd:Q4830453 .
wd:Q900003 rdfs:label "Apple"@en ; wdt:P31 wd:Q4830453 .
wd:Q900004 rdfs:label "Apple"@en ; wdt:P31 wd:Q900200 .
wd:Q900200 rdfs:label "fruit"@en .
wd:Q900005 rdfs:label "Google"@en ; wdt:P31 wd:Q4830453 .
wd:Q900006 rdfs:label "Google"@en ; wdt:P31 wd:Q43229 .
wd:Q900007 rdfs:label "Sora"@en ; wdt:P31 wd:Q7397 ; wdt:P178 wd:Q900001 .
wd:Q900008 rdfs:label "Sora"@en ; wdt:P31 wd:Q5 .
wd:Q900300 rdfs:label "virtual assistant"@en ; wdt:P279 wd:Q7397 .
wd:Q900009 rdfs:label "Siri"@en ; wdt:P31 wd:Q900300 ; wdt:P178 wd:Q900010 .
wd:Q900010 rdfs:label "Siri Incorporated"@en ; wdt:P31 wd:Q4830453 .
wd:Q900011 rdfs:label "Mira Murati"@en ; wdt:P31 wd:Q5 .
wd:Q900012 rdfs:label "San Francisco"@en ; wdt:P31 wd:Q515 .
wd:Q900013 rdfs:label "Inflection"@en ; skos:altLabel "Inflection AI"@en ; wdt:P31 wd:Q4830453 .
wd:Q900014 rdfs:label "Microsoft Corporation"@en ; skos:altLabel "MSFT"@en ; wdt:P31 wd:Q4830453 .
wd:Q900015 rdfs:label "TechWire"@fr ; wdt:P31 wd:Q4830453 .
wd:Q900016 rdfs:label "GPT-5"@en ; wdt:P31 wd:Q7397 ; wdt:P178 wd:Q900001 .
"""

EXPECTED = {
    "org/openai": "Q900001", "org/anthropic": "Q900002", "org/apple": "Q900003", "product/sora": "Q900007",
    "product/gpt-5": "Q900016", "person/mira-murati": "Q900011", "place/san-francisco": "Q900012",
    "org/inflection-ai": "Q900013", "org/microsoft": "Q900014",
}


@pytest.fixture(scope="module")
def wikidata():
    with oxigraph() as (_, endpoint):
        g = Graph()
        g.parse(data=WIKIDATA_TTL, format="turtle")
        endpoint.update("INSERT DATA {\n" + g.serialize(format="nt") + "}")  # default graph, as Wikidata
        yield endpoint


def built(tmp_path):
    """A folder as `kg build` leaves it: the store and graph.trig."""
    out = tmp_path / "exports"
    ds = rdflib.Dataset()
    ds.parse(FIXTURE, format="trig")
    store = open_store(out / ".kg" / "store")
    replace_graphs(store, ds)
    del store
    gc.collect()
    (out / "graph.trig").write_bytes(FIXTURE.read_bytes())
    return out


def links_in_store(out) -> dict[str, str]:
    store = open_store_read_only(out / ".kg" / "store")
    quads = store.quads_for_pattern(None, None, None, ox.NamedNode(LINKS_GRAPH))
    return {q.subject.value[len(KGR):]: q.object.value[len(WD):] for q in quads}


@pytest.mark.slow
def test_link_adds_same_as_only_for_unambiguous_compatible_items(tmp_path, wikidata):
    out = built(tmp_path)
    report = link(out, Endpoint(wikidata.query_url), batch_size=7)
    assert report.offline is None
    assert {k[len(KGR):]: v[len(WD):] for k, v in report.links.items()} == EXPECTED
    assert report.ambiguous == {f"{KGR}org/google": [f"{WD}Q900005", f"{WD}Q900006"]}
    assert links_in_store(out) == EXPECTED
    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    exported = ds.graph(URIRef(LINKS_GRAPH))
    assert (URIRef(f"{KGR}org/openai"), OWL.sameAs, URIRef(f"{WD}Q900001")) in exported
    assert len(exported) == len(EXPECTED)
    assert len(ds.graph(URIRef(f"{KGR}graph/derived"))) > 0  # the rest of the export is still there
    links_ttl = Graph().parse(out / "links.ttl")
    assert len(links_ttl) == len(EXPECTED)


@pytest.mark.slow
def test_link_second_run_uses_the_cache_even_offline(tmp_path, wikidata):
    out = built(tmp_path)
    first = link(out, Endpoint(wikidata.query_url))
    assert first.names_asked > 0
    cache = json.loads((out / ".kg" / "wikidata-cache.json").read_text())
    assert cache["endpoints"][wikidata.query_url]["Amazon"] == []  # misses are cached too
    # Same endpoint key, but nothing listens any more: every name is cached, so no request is made.
    again = link(out, _dead(wikidata.query_url))
    assert again.offline is None
    assert again.names_asked == 0 and again.names_cached == first.names_asked
    assert again.links == first.links


def _dead(url: str) -> Endpoint:
    endpoint = Endpoint(f"http://127.0.0.1:{free_port()}/sparql", retries=0)
    endpoint.describe = lambda: url  # type: ignore[method-assign]  # same cache key as the live one
    return endpoint


def test_link_offline_writes_nothing_and_says_so(tmp_path):
    out = built(tmp_path)
    report = link(out, Endpoint(f"http://127.0.0.1:{free_port()}/sparql", retries=0))
    assert report.offline and "cannot connect" in report.offline
    assert report.links == {} and report.written == []
    assert links_in_store(out) == {}
    assert not (out / "links.ttl").exists()


def test_link_cli_offline_exits_0_with_a_message(tmp_path):
    from kg.cli import get_app

    out = built(tmp_path)
    result = CliRunner().invoke(get_app(), ["link", "--data", str(out), "--endpoint",
                                            f"http://127.0.0.1:{free_port()}/sparql"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "offline" in result.output and "No links were written" in result.output


ACME = Target("o", "org", "Acme")
TOOL = Target("p", "product", "Tool", (), ("Acme",))


@pytest.mark.parametrize(("target", "candidates", "expected"), [
    (ACME, {"Acme": [Candidate("Q1", "org")]}, ("Q1", [])),
    (ACME, {"Acme": [Candidate("Q1", "person")]}, (None, [])),
    (ACME, {"Acme": [Candidate("Q1", "org"), Candidate("Q2", "org")]}, (None, ["Q1", "Q2"])),
    (Target("o", "org", "Acme", ("ACME Corp",)), {"ACME Corp": [Candidate("Q3", "org")]}, ("Q3", [])),
    (Target("o", "org", "Acme", ("A",)), {"Acme": [Candidate("Q1", "org")], "A": [Candidate("Q9", "org")]},
     ("Q1", [])),
    (TOOL, {"Tool": [Candidate("Q5", "product", ("acme",))]}, ("Q5", [])),
    (TOOL, {"Tool": [Candidate("Q5", "product", ("Other",))]}, (None, [])),
    (Target("p", "product", "Tool"), {"Tool": [Candidate("Q5", "product", ("Acme",))]}, (None, [])),
])
def test_link_choose(target, candidates, expected):
    assert choose(target, candidates) == expected


def test_link_user_agent_names_the_tool_and_a_contact(monkeypatch):
    monkeypatch.delenv("KG_CONTACT", raising=False)
    assert user_agent().startswith("kg/") and "SPARQLWrapper/" in user_agent()
    monkeypatch.setenv("KG_CONTACT", "ops@example.org")
    assert "ops@example.org" in user_agent()
