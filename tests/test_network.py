"""kg.network on the hand-written explore fixture: projection, metrics, lookup, paths, timelines, GraphML."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import rdflib

from kg import network
from kg.errors import KGError
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "explore" / "graph.trig"
KGR = "https://w3id.org/aikg/id/"
NIMBUS = KGR + "org/nimbus-labs"
CORVID = KGR + "org/corvid-ai"


@pytest.fixture(scope="module")
def dataset() -> rdflib.Dataset:
    ds = rdflib.Dataset(default_union=True)
    ds.parse(FIXTURE, format="trig")
    return ds


@pytest.fixture(scope="module")
def G(dataset: rdflib.Dataset) -> nx.MultiDiGraph:
    return network.to_networkx(dataset)


def test_network_projection_has_entities_and_events_but_not_quarantine(G: nx.MultiDiGraph) -> None:
    kinds = [d["kind"] for _, d in G.nodes(data=True)]
    assert kinds.count("Event") == 6
    assert len(kinds) - kinds.count("Event") == 15
    assert KGR + "org/quarantined-co" not in G
    assert not any(d["kind"] == "Document" for _, d in G.nodes(data=True))
    assert G.number_of_edges() == 24


def test_network_node_attributes_carry_label_aliases_counts_and_evidence(G: nx.MultiDiGraph) -> None:
    nimbus = G.nodes[NIMBUS]
    assert (nimbus["label"], nimbus["cls"], nimbus["kind"]) == ("Nimbus Labs", "Company", "Organization")
    assert nimbus["aliases"] == ["Nimbus"]
    assert nimbus["mentions"] == 4  # kg:mentionCount from the derived graph
    assert len(nimbus["sources"]) == 4
    top = nimbus["evidence"][0]
    assert top["sentence"] == "Dana Okafor joins Nimbus Labs as chief scientist."
    assert top["url"] == "https://news.example.com/2026/03/nimbus-chief-scientist"
    assert top["title"] == "Nimbus Labs names a new chief scientist"


def test_network_event_attributes_have_date_status_amount(G: nx.MultiDiGraph) -> None:
    acquisition = next(v for v, d in G.nodes(data=True) if d["cls"] == "Acquisition")
    data = G.nodes[acquisition]
    assert data["date"] == "2026-02"
    assert data["status"] == "Announced"
    assert data["amount"] == "up to 1,200,000,000 USD"
    assert data["mentions"] == 2  # kg:corroborations
    assert {s["published"] for s in data["sources"]} == {"2026-02-03", "2026-03-10"}
    roles = {(k, G.nodes[v]["label"]) for _, v, k in G.out_edges(acquisition, keys=True)}
    assert roles == {("agent", "Corvid AI"), ("target", "Pixelforge")}


def test_network_relation_edges_keep_role_former_and_evidence(G: nx.MultiDiGraph) -> None:
    dana = KGR + "person/dana-okafor"
    current = G.get_edge_data(dana, NIMBUS)["worksFor"]
    former = G.get_edge_data(dana, CORVID)["worksFor"]
    assert current["role"] == "chief scientist" and current["former"] is False
    assert former["former"] is True
    assert current["label"] == "works for"
    assert current["evidence"][0]["sentence"] == "Dana Okafor joins Nimbus Labs as chief scientist."
    atlas2 = KGR + "product/atlas-2"
    assert "versionOf" in G.get_edge_data(atlas2, KGR + "product/atlas")


def test_network_metrics_rank_nimbus_labs_first(G: nx.MultiDiGraph) -> None:
    m = network.metrics(G)
    for measure in ("degree", "pagerank", "betweenness"):
        assert network.top(m[measure], 1)[0][0] == NIMBUS, measure
    assert m["degree"][NIMBUS] == 8
    assert network.top(m["degree"], 2)[1][0] == CORVID
    assert m["by_kind"] == {"Event": 6, "Organization": 6, "Person": 3, "Place": 2, "Product": 4}
    assert m["by_predicate"]["worksFor"] == 4
    assert abs(sum(m["pagerank"].values()) - 1.0) < 1e-6
    assert m["betweenness_sampled"] is False


def test_network_communities_are_stable_and_group_the_clusters(G: nx.MultiDiGraph) -> None:
    found = network.metrics(G, betweenness=False)["communities"]
    assert len(found) == 6
    assert found == network.communities(network.simple_graph(G))
    assert [KGR + "org/example-news"] in found  # a publisher with no relation stands alone
    pixelforge = next(c for c in found if KGR + "org/pixelforge" in c)
    assert {KGR + "place/berlin", KGR + "product/forge-studio"} <= set(pixelforge)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nimbus Labs", NIMBUS),
        ("nimbus labs", NIMBUS),
        ("NIMBUS", NIMBUS),  # an alias
        ("atlas 2", KGR + "product/atlas-2"),
        ("sf", KGR + "place/san-francisco"),
        ("Corvid-AI", CORVID),  # same slug
        (NIMBUS, NIMBUS),
        ("<script>alert(1)</script>", KGR + "person/script-alert-1-script"),
    ],
)
def test_network_find_node_by_label_alias_or_iri(G: nx.MultiDiGraph, name: str, expected: str) -> None:
    assert network.find_node(G, name) == expected


def test_network_find_node_unknown_lists_close_matches(G: nx.MultiDiGraph) -> None:
    with pytest.raises(network.EntityNotFound) as info:
        network.find_node(G, "Nimbus Lab")
    assert "Nimbus Labs" in str(info.value)
    assert isinstance(info.value, KGError) and info.value.exit_code == 2
    with pytest.raises(network.EntityNotFound, match="close matches: Helix Ventures$"):
        network.find_node(G, "Helix")
    with pytest.raises(network.EntityNotFound):  # events are found only when asked for
        network.find_node(G, "Corvid AI acquires Pixelforge")
    assert G.nodes[network.find_node(G, "Corvid AI acquires Pixelforge", events=True)]["cls"] == "Acquisition"


def test_network_path_goes_through_an_event_with_evidence(G: nx.MultiDiGraph) -> None:
    hops = network.path(G, "Helix Ventures", "lee marsh")
    assert [(h.source_label, h.predicate, h.forward, h.target_label) for h in hops] == [
        ("Helix Ventures", "investor", False, "Helix Ventures invests in Nimbus Labs"),
        ("Helix Ventures invests in Nimbus Labs", "recipient", True, "Nimbus Labs"),
        ("Nimbus Labs", "competesWith", False, "Corvid AI"),
        ("Corvid AI", "worksFor", False, "Lee Marsh"),
    ]
    assert hops[3].evidence[0]["url"] == "https://tech.example.org/corvid-buys-pixelforge"
    assert "Lee Marsh" in hops[3].evidence[0]["sentence"]


def test_network_path_between_unconnected_entities_raises(G: nx.MultiDiGraph) -> None:
    with pytest.raises(network.NoPath, match="not connected"):
        network.path(G, "Nimbus Labs", "Example News")
    assert network.path(G, "Nimbus Labs", "nimbus") == []


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        ("Nimbus Labs", [("2025-11", "Investment"), ("2026-01-14", "Launch"), ("2026-03-09", "Appointment")]),
        ("Corvid AI", [("2026-02", "Acquisition"), ("2026-03-30", "LegalAction"), (None, "Departure")]),
        ("Dana Okafor", [("2026-03-09", "Appointment"), (None, "Departure")]),
        ("Berlin", []),
    ],
)
def test_network_timeline_orders_events_by_date_undated_last(G: nx.MultiDiGraph, entity: str,
                                                             expected: list[tuple[str | None, str]]) -> None:
    entries = network.timeline(G, entity)
    assert [(e.date, e.type) for e in entries] == expected


def test_network_timeline_from_dataset_matches_and_has_sources(dataset: rdflib.Dataset,
                                                               G: nx.MultiDiGraph) -> None:
    from_ds = network.timeline(dataset, "corvid")
    assert from_ds == network.timeline(G, "corvid")
    assert from_ds[0].roles == ("agent",)
    assert {s["url"] for s in from_ds[0].sources} == {"https://tech.example.org/corvid-buys-pixelforge",
                                                      "https://news.example.com/2026/03/nimbus-chief-scientist"}


def test_network_graphml_reads_back_with_scalar_attributes(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    target = network.to_graphml(G, tmp_path / "sub" / "graph.graphml")
    back = nx.read_graphml(target, force_multigraph=True)
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == G.number_of_edges()
    nimbus = back.nodes[NIMBUS]
    assert nimbus["label"] == "Nimbus Labs" and nimbus["aliases"] == "Nimbus"
    assert nimbus["degree"] == 8 and nimbus["pagerank"] > 0.1 and "community" in nimbus
    assert "https://news.example.com/2026/01/nimbus-atlas-2" in nimbus["sources_urls"].split()
    for _, data in back.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in data.values())
    assert not list(tmp_path.joinpath("sub").glob(".graph.graphml.*"))  # no temporary file left
    assert target.read_bytes() == network.to_graphml(G, tmp_path / "again.graphml").read_bytes()


def test_network_plain_graph_without_quarantine_gives_the_same_nodes(dataset: rdflib.Dataset,
                                                                     G: nx.MultiDiGraph) -> None:
    plain = rdflib.Graph()
    for s, p, o, ctx in dataset.quads((None, None, None, None)):
        if not str(ctx).endswith("/graph/quarantine"):
            plain.add((s, p, o))
    assert sorted(network.to_networkx(plain).nodes) == sorted(G.nodes)


def test_network_rejects_what_is_not_rdf() -> None:
    with pytest.raises(network.NetworkError, match="rdflib Graph"):
        network.to_networkx({"not": "a graph"})  # type: ignore[arg-type]


def test_network_reads_the_graph_stage_output() -> None:
    """The projection agrees with what kg.graph actually writes (the contract in docs/ARCHITECTURE.md)."""
    from kg.graph import build_dataset
    from tests.fixtures.graph.sample import sample_resolution

    G = network.to_networkx(build_dataset(sample_resolution()))
    events = {d["cls"]: d for _, d in G.nodes(data=True) if d["kind"] == "Event"}
    assert events and all(d["evidence"] and d["sources"] for d in events.values())
    assert all(G.out_degree(v) >= 1 for v, d in G.nodes(data=True) if d["kind"] == "Event")
    works = [d for _, _, k, d in G.edges(keys=True, data=True) if k == "worksFor"]
    assert works and all(d["evidence"] for d in works)
