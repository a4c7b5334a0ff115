"""Endpoint faults against a misbehaving HTTP server on 127.0.0.1: retries with backoff (honouring
Retry-After), clear EndpointErrors when giving up, credentials from the environment only."""

from __future__ import annotations

import base64
import json
import urllib.parse

import pytest
import rdflib

from kg.errors import EndpointError, QueryError
from kg.remote import Endpoint, free_port, parse_json_results, retry_after_seconds
from tests.fixtures.sparql.servers import ASK_TRUE, EMPTY_SELECT, FaultServer, Reply

SELECT_ONE = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
    {"x": {"type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}).encode()


def no_sleep(waits: list[float]):
    return waits.append


def fault(*replies: Reply, then: Reply | None = None):
    """A plan answering the n-th request with replies[n-1], and `then` afterwards."""
    def plan(n: int, seen) -> Reply:
        if n <= len(replies):
            return replies[n - 1]
        return then or Reply(200, SELECT_ONE, {"Content-Type": "application/sparql-results+json"})
    return plan


def test_remote_connection_refused_retries_with_backoff_then_gives_up():
    slept: list[float] = []
    url = f"http://127.0.0.1:{free_port()}/query"
    endpoint = Endpoint(url, retries=3, backoff=0.25, sleep=no_sleep(slept))
    with pytest.raises(EndpointError, match=r"failed after 4 attempts: cannot connect .*server running"):
        endpoint.select("SELECT * WHERE { ?s ?p ?o }")
    assert slept == [0.25, 0.5, 1.0]


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_remote_server_errors_are_retried_until_the_answer_comes(status):
    slept: list[float] = []
    with FaultServer(fault(Reply(status, b"busy"), Reply(status, b"busy"))) as server:
        result = server.endpoint(backoff=0.1, sleep=no_sleep(slept)).select("SELECT ?x WHERE { }")
    assert [str(r[0]) for r in result.rows] == ["1"]
    assert slept == [0.1, 0.2]
    assert len(server.seen) == 3


def test_remote_429_honours_retry_after():
    slept: list[float] = []
    with FaultServer(fault(Reply(429, b"slow down", {"Retry-After": "3"}))) as server:
        server.endpoint(backoff=0.1, sleep=no_sleep(slept)).select("SELECT ?x WHERE { }")
    assert slept == [3.0]


def test_remote_retry_after_beyond_the_limit_gives_up_at_once():
    slept: list[float] = []
    with FaultServer(fault(Reply(429, b"", {"Retry-After": "3600"}))) as server:
        endpoint = server.endpoint(max_wait=30, sleep=no_sleep(slept))
        with pytest.raises(EndpointError, match="asks to retry after 3600 s"):
            endpoint.select("SELECT ?x WHERE { }")
    assert slept == []
    assert len(server.seen) == 1


def test_remote_always_failing_server_gives_a_clear_error():
    slept: list[float] = []
    with FaultServer(fault(then=Reply(503, b"maintenance"))) as server:
        endpoint = server.endpoint(retries=2, backoff=0.01, sleep=no_sleep(slept))
        with pytest.raises(EndpointError, match=r"query at .* after 3 attempts: HTTP 503: maintenance"):
            endpoint.select("SELECT ?x WHERE { }")
    assert len(server.seen) == 3


def test_remote_timeout_is_retried_then_reported():
    with FaultServer(fault(then=Reply(200, SELECT_ONE, delay=1.5))) as server:
        endpoint = server.endpoint(timeout=0.4, retries=1, backoff=0.01)
        with pytest.raises(EndpointError, match="no answer within the timeout"):
            endpoint.select("SELECT ?x WHERE { }")
    assert len(server.seen) == 2


def test_remote_slow_answer_within_the_timeout_is_fine():
    with FaultServer(fault(then=Reply(200, SELECT_ONE, delay=0.3))) as server:
        result = server.endpoint(timeout=5, retries=0).select("SELECT ?x WHERE { }")
    assert len(result.rows) == 1


def test_remote_bad_request_is_a_query_error_not_retried():
    with FaultServer(fault(then=Reply(400, b"Parse error at line 1"))) as server, \
            pytest.raises(QueryError, match="Parse error at line 1"):
        server.endpoint(backoff=0.01).select("SELECT ?x WHERE { }")
    assert len(server.seen) == 1


@pytest.mark.parametrize("status", [401, 403])
def test_remote_refused_access_names_the_environment_variables(status):
    with FaultServer(fault(then=Reply(status, b"no"))) as server, \
            pytest.raises(EndpointError, match="KG_ENDPOINT_USER"):
        server.endpoint(backoff=0.01, env={}).select("SELECT ?x WHERE { }")


@pytest.mark.parametrize(("env", "expected"), [
    ({"KG_ENDPOINT_TOKEN": "s3cret"}, "Bearer s3cret"),
    ({"KG_ENDPOINT_USER": "ann", "KG_ENDPOINT_PASSWORD": "pw"},
     "Basic " + base64.b64encode(b"ann:pw").decode()),
    ({}, None),
])
def test_remote_credentials_come_from_the_environment(env, expected):
    with FaultServer(fault()) as server:
        server.endpoint(env=env).select("SELECT ?x WHERE { }")
    assert server.seen[0].headers.get("Authorization") == expected
    assert server.seen[0].headers["User-Agent"].startswith("kg/")


def test_remote_queries_are_posted_as_sparql_protocol_forms():
    with FaultServer(fault(then=Reply(200, EMPTY_SELECT))) as server:
        server.endpoint().select('SELECT ?x WHERE { VALUES ?x { "a&b=c" } }')
    seen = server.seen[0]
    assert seen.method == "POST" and seen.path == "/query"
    form = urllib.parse.parse_qs(seen.body.decode())
    assert form["query"] == ['SELECT ?x WHERE { VALUES ?x { "a&b=c" } }']


def test_remote_updates_and_graph_uploads_go_to_their_own_urls():
    with FaultServer(fault(then=Reply(204, b""))) as server:
        endpoint = server.endpoint(graph_store=True)
        endpoint.update("DROP SILENT GRAPH <urn:g>")
        endpoint.put_graph("https://w3id.org/aikg/id/graph/u1", b"<urn:a> <urn:b> <urn:c> .\n")
    update, put = server.seen
    assert update.path == "/update" and "update=DROP" in update.body.decode()
    assert put.method == "PUT" and put.headers["Content-Type"] == "application/n-triples"
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(put.path).query)["graph"] == [
        "https://w3id.org/aikg/id/graph/u1"]


def test_remote_endpoint_urls_must_be_http():
    with pytest.raises(EndpointError, match="must start with http"):
        Endpoint("ftp://example.org/sparql")


def test_remote_ask_and_select_results_parse_to_rdflib_terms():
    assert parse_json_results(json.loads(ASK_TRUE)).rows == [(rdflib.Literal(True),)]
    binding = {"a": {"type": "uri", "value": "urn:x"},
               "b": {"type": "literal", "value": "hi", "xml:lang": "en"}}
    result = parse_json_results({"head": {"vars": ["a", "b", "c"]}, "results": {"bindings": [binding]}})
    assert result.rows == [(rdflib.URIRef("urn:x"), rdflib.Literal("hi", lang="en"), None)]


@pytest.mark.parametrize(("header", "expected"), [
    ("120", 120.0),
    ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # a date in the past: retry now
    ("soon", None),
    (None, None),
])
def test_remote_retry_after_header_forms(header, expected):
    assert retry_after_seconds(header) == expected


@pytest.mark.parametrize(("query_url", "update_url", "expected"), [
    ("http://h:7878/query", None, "http://h:7878/update"),
    ("http://h/ds/query?x=1", None, "http://h/ds/update?x=1"),
    ("http://h/sparql", None, "http://h/sparql"),
    ("http://h/query", "http://h/statements", "http://h/statements"),
])
def test_remote_updates_go_to_the_conventional_url(query_url, update_url, expected):
    assert Endpoint(query_url, update_url).updates_at == expected
