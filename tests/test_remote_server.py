"""Against a real oxigraph server: the library gives the same rows as the embedded store, pushing is
idempotent and never leaves a half-written document graph, and `kg serve` serves the built graph."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import rdflib
from rdflib import RDFS, Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.errors import EndpointError
from kg.query import compact, run_query
from kg.remote import Endpoint, free_port, push
from kg.store import load_file, open_store, replace_graphs
from tests.fixtures.sparql.servers import FIXTURE, FaultServer, Reply, dump_quads, oxigraph
from tests.test_query_library import cases

pytestmark = pytest.mark.slow
G = "https://w3id.org/aikg/id/graph/"


@pytest.fixture(scope="module")
def dataset() -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(FIXTURE, format="trig")
    return ds


@pytest.fixture(scope="module")
def loaded(dataset):
    """A server holding the known graph, pushed with the Graph Store Protocol."""
    with oxigraph() as (_, endpoint):
        push(endpoint, dataset)
        yield endpoint


@pytest.fixture()
def empty():
    with oxigraph() as (_, endpoint):
        yield endpoint


@pytest.mark.parametrize(("name", "params", "want_vars", "want_rows"), cases(),
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(cases())])
def test_remote_server_library_queries_match_the_embedded_store(loaded, name, params, want_vars, want_rows):
    result = run_query(loaded, name, params)
    assert result.vars == want_vars
    assert [[compact(t) for t in row] for row in result.rows] == want_rows


def test_remote_server_and_store_agree_on_raw_terms(loaded):
    local = load_file(FIXTURE)
    for name, params in [("deals-by-amount", {}), ("company-timeline", {"company": "OpenAI"}),
                         ("who-works-where", {})]:
        assert run_query(loaded, name, params).rows == run_query(local, name, params).rows


@pytest.mark.parametrize("graph_store", [True, False], ids=["graph-store-put", "sparql-update"])
def test_remote_server_pushing_twice_leaves_identical_contents(empty, dataset, graph_store):
    endpoint = empty if graph_store else Endpoint(empty.query_url, empty.update_url)
    first = push(endpoint, dataset)
    once = dump_quads(empty, default=True)
    second = push(endpoint, dataset)
    assert dump_quads(empty, default=True) == once
    assert first.graphs == second.graphs == 5
    assert len(dump_quads(empty)) == len(list(dataset.quads()))
    union = {q[1:] for q in once if q[0] != "DEFAULT"}
    assert {q[1:] for q in once if q[0] == "DEFAULT"} == union  # the default graph is their union


def test_remote_server_push_replaces_a_changed_graph_and_can_prune(empty):
    a = Graph(identifier=URIRef(G + "a"))
    a.add((URIRef("urn:x"), RDFS.label, Literal("old")))
    b = Graph(identifier=URIRef(G + "b"))
    b.add((URIRef("urn:y"), RDFS.label, Literal("gone soon")))
    push(empty, [a, b])
    a2 = Graph(identifier=URIRef(G + "a"))
    a2.add((URIRef("urn:x"), RDFS.label, Literal("new")))
    report = push(empty, [a2], prune_prefix=G)
    assert report.removed == [G + "b"]
    assert [q[3] for q in dump_quads(empty, default=True)] == ['"new"', '"new"']


def test_remote_server_push_store_skips_quarantine(empty, tmp_path, dataset):
    store = open_store(tmp_path / "s")
    held = Graph(identifier=URIRef(G + "quarantine"))
    held.add((URIRef("urn:bad"), RDFS.label, Literal("held")))
    replace_graphs(store, dataset)
    replace_graphs(store, [held])
    report = push(empty, store)
    assert report.graphs == 5
    assert not any(q[0] == f"<{G}quarantine>" for q in dump_quads(empty))


def test_remote_server_failed_push_leaves_no_half_written_graph(empty, dataset):
    """The 3rd upload fails for good: graphs before it are new, the rest keep their old contents."""
    old = Graph(identifier=URIRef(G + "x"))
    names = sorted(str(g.identifier) for g in dataset.graphs() if len(g))
    for name in names:  # an older version of every graph: one stale triple each
        old = Graph(identifier=URIRef(name))
        old.add((URIRef("urn:stale"), RDFS.label, Literal(name)))
        push(empty, [old])
    base = empty.query_url.rsplit("/", 1)[0]

    def plan(n, seen):
        return Reply(500, b"disk full") if n >= 3 else Reply(forward=True)

    with FaultServer(plan, upstream=base) as proxy:
        endpoint = proxy.endpoint(graph_store=True, retries=2, backoff=0.01)
        with pytest.raises(EndpointError, match=r"upload of graph .* failed after 3 attempts: HTTP 500"):
            push(endpoint, dataset)
    state = {}
    for g, *_ in dump_quads(empty):
        state.setdefault(g, 0)
        state[g] += 1
    for i, name in enumerate(names):
        expected = len(dataset.graph(URIRef(name))) if i < 2 else 1
        assert state[f"<{name}>"] == expected, name


def test_remote_server_timed_out_update_retried_gives_the_same_state(empty, dataset):
    """A slow first answer makes the client retry an update the server already applied: same result."""
    base = empty.query_url.rsplit("/", 1)[0]

    def plan(n, seen):
        return Reply(forward=True, delay=1.0 if n == 1 else 0.0)

    with FaultServer(plan, upstream=base) as proxy:
        endpoint = Endpoint(f"{proxy.url}/query", f"{proxy.url}/update", timeout=0.5, backoff=0.01)
        push(endpoint, dataset)
        assert len(proxy.seen) == 5 + 1 + 1  # one update per graph, the retry, the union refresh
    assert dump_quads(empty) == sorted(tuple(t.n3() for t in (q[3], q[0], q[1], q[2]))
                                       for q in dataset.quads())


def test_remote_server_without_union_default_graph_is_explained(empty, dataset):
    push(empty, dataset, union=False)
    with pytest.raises(EndpointError, match="default graph, which the library queries read, is empty"):
        run_query(empty, "products-by-company", {"company": "OpenAI"})


def test_remote_server_with_oxigraph_union_flag_and_no_union_push(dataset):
    with oxigraph(union=True) as (_, endpoint):
        push(endpoint, dataset, union=False)
        rows = run_query(endpoint, "products-by-company", {"company": "OpenAI"}).rows
    assert [str(r[0]) for r in rows] == ["ChatGPT", "GPT-5", "Sora"]


def test_remote_server_cli_push_then_query(empty, tmp_path):
    from kg.cli import get_app

    runner = CliRunner()
    app = get_app()
    out = tmp_path / "exports"
    out.mkdir()
    (out / "graph.trig").write_bytes(FIXTURE.read_bytes())
    args = ["push", "--endpoint", empty.query_url, "--data", str(out)]  # updates go to .../update
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "pushed 5 graphs" in first.output
    state = dump_quads(empty, default=True)
    again = runner.invoke(app, [*args, "--graph-store", empty.graph_store_url])
    assert again.exit_code == 0, again.output
    assert dump_quads(empty, default=True) == state
    result = runner.invoke(app, ["query", "corroborated-events", "--endpoint", empty.query_url, "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["results"]["bindings"]
    assert [r["label"]["value"] for r in rows] == ["OpenAI discontinues Sora"]


def test_remote_server_cli_endpoint_down_exits_3(monkeypatch):
    from kg.cli import get_app

    slept: list[float] = []
    monkeypatch.setattr("kg.remote.time.sleep", slept.append)
    result = CliRunner().invoke(get_app(), ["query", "corroborated-events", "--endpoint",
                                            f"http://127.0.0.1:{free_port()}/query"],
                                env={"COLUMNS": "300"})
    assert result.exit_code == 3
    assert "cannot connect" in result.output
    assert slept == [0.5, 1.0, 2.0, 4.0]


def _ignore_sigint() -> None:  # what a non-interactive shell does to a job it starts with '&'
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize(("stop", "background"), [(signal.SIGINT, False), (signal.SIGINT, True),
                                                   (signal.SIGTERM, True)],
                         ids=["ctrl-c", "sigint-in-background", "sigterm"])
def test_remote_server_kg_serve_answers_until_interrupted(tmp_path, stop, background):
    out = tmp_path / "exports"
    out.mkdir()
    (out / "graph.trig").write_bytes(FIXTURE.read_bytes())
    port = free_port()
    kg = Path(sys.executable).parent / "kg"
    proc = subprocess.Popen([str(kg), "serve", "--data", str(out), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "COLUMNS": "200"},
                            preexec_fn=_ignore_sigint if background else None)
    try:
        deadline = time.monotonic() + 30
        line = ""
        while "SPARQL query endpoint" not in line:
            line = proc.stdout.readline()
            assert line or proc.poll() is None, "kg serve stopped early"
            assert time.monotonic() < deadline, "kg serve did not start"
        url = f"http://127.0.0.1:{port}/query"
        assert url in line
        while "Ctrl-C" not in line:
            line = proc.stdout.readline()
            assert line, "kg serve stopped early"
        rows = run_query(url, "products-by-company", {"company": "OpenAI"}).rows
        assert [str(r[0]) for r in rows] == ["ChatGPT", "GPT-5", "Sora"]
        proc.send_signal(stop)
        proc.wait(15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    rest = proc.stdout.read() if proc.stdout else ""
    assert proc.returncode == 0, rest
    with pytest.raises(EndpointError):
        Endpoint(url, retries=0).select("ASK { }")
