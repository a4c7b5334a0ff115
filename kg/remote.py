"""Remote SPARQL endpoints: queries and updates through SPARQLWrapper, graph uploads through the Graph
Store Protocol, with timeouts and bounded retries.

Credentials come from the environment only (KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD for HTTP basic
auth, or KG_ENDPOINT_TOKEN for a bearer token), never from the command line where other users of the
machine could read them. A 429 or 5xx answer, a refused connection or a timeout is retried with
exponential backoff (honouring Retry-After) a bounded number of times, then raises EndpointError.

Pushing is idempotent and never leaves a half-written document graph: each named graph goes in one
request that replaces it (a Graph Store Protocol PUT, or one SPARQL Update `DROP SILENT GRAPH <g> ;
INSERT DATA { GRAPH <g> { ... } }`), which the server applies as a whole or not at all.
"""

from __future__ import annotations

import email.utils
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pyoxigraph as ox
import SPARQLWrapper as sw
from rdflib import BNode, Literal, URIRef

from kg import __version__ as kg_version
from kg.errors import EndpointError, QueryError
from kg.namespace import QUARANTINE_GRAPH
from kg.store import (
    XSD_STRING,
    GraphsInput,
    QueryResult,
    Term,
    graph_names,
    named_graphs,
    refresh_union_update,
)

T = TypeVar("T")

USER_AGENT = (f"kg/{kg_version} (https://w3id.org/aikg/; kg knowledge graph tool) "
              f"SPARQLWrapper/{sw.__version__}")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class _Retryable(Exception):
    """A failure worth trying again, with the server's Retry-After in seconds when it gave one."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass
class Endpoint:
    """A SPARQL service: its query URL, and where it takes updates and Graph Store uploads."""

    query_url: str
    update_url: str | None = None
    graph_store_url: str | None = None
    timeout: float = 30.0
    retries: int = 4
    backoff: float = 0.5  # first wait; doubles after each failure
    max_wait: float = 60.0  # the longest single wait, even when Retry-After asks for more
    user_agent: str = USER_AGENT
    env: Mapping[str, str] = field(default_factory=lambda: os.environ, repr=False)
    sleep: Callable[[float], None] = field(default=lambda seconds: time.sleep(seconds), repr=False)
    waits: list[float] = field(default_factory=list, repr=False)  # what we slept, for reports and tests

    def __post_init__(self) -> None:
        for url in (self.query_url, self.update_url, self.graph_store_url):
            if url is not None and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise EndpointError(f"{url}: an endpoint URL must start with http:// or https://")

    def describe(self) -> str:
        return self.query_url

    @property
    def updates_at(self) -> str:
        """Where updates go: update_url, else the query URL with a final /query made /update (the
        convention of oxigraph and Fuseki), else the query URL itself (Virtuoso, Blazegraph)."""
        if self.update_url:
            return self.update_url
        parts = urllib.parse.urlsplit(self.query_url)
        if parts.path.endswith("/query"):
            return urllib.parse.urlunsplit(parts._replace(path=parts.path[: -len("query")] + "update"))
        return self.query_url

    # --- HTTP plumbing -------------------------------------------------------------------------

    def _auth_headers(self) -> dict[str, str]:
        token = self.env.get("KG_ENDPOINT_TOKEN")
        if token:
            return {"Authorization": f"Bearer {token}"}
        user, password = self.env.get("KG_ENDPOINT_USER"), self.env.get("KG_ENDPOINT_PASSWORD")
        if user and password is not None:
            import base64

            pair = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
            return {"Authorization": f"Basic {pair}"}
        return {}

    def _wrapper(self, url: str) -> sw.SPARQLWrapper:
        client = sw.SPARQLWrapper(url, updateEndpoint=self.updates_at, agent=self.user_agent)
        client.setMethod(sw.POST)
        client.timeout = self.timeout  # type: ignore[assignment]  # setTimeout() makes it an int
        client.setReturnFormat(sw.JSON)
        for name, value in self._auth_headers().items():
            client.addCustomHttpHeader(name, value)
        return client

    def _call(self, what: str, url: str, action: Callable[[], T]) -> T:
        """Run `action`, retrying transient failures; translate every failure into a KGError."""
        delay = self.backoff
        attempt = 0
        while True:
            try:
                return _classify(url, action)
            except _Retryable as exc:
                if attempt >= self.retries:
                    tries = f"{attempt + 1} attempt{'s' if attempt else ''}"
                    raise EndpointError(f"{what} at {url} failed after {tries}: {exc}") from None
                wait = delay if exc.retry_after is None else exc.retry_after
                if wait > self.max_wait:
                    raise EndpointError(
                        f"{what} at {url}: the server asks to retry after {wait:.0f} s "
                        f"(more than {self.max_wait:.0f} s); try again later") from None
                self.waits.append(wait)
                self.sleep(wait)
                delay *= 2
                attempt += 1

    # --- operations ----------------------------------------------------------------------------

    def select(self, query: str) -> QueryResult:
        """Run a SELECT or ASK query and return its rows as rdflib terms."""
        client = self._wrapper(self.query_url)
        client.setQuery(query)

        def run() -> bytes:
            res = client.query()
            return bytes(res.response.read())

        body = self._call("query", self.query_url, run)
        try:
            data = json.loads(body.decode("utf-8"))
        except ValueError as exc:
            raise EndpointError(f"{self.query_url}: the answer is not SPARQL JSON results ({exc})") from exc
        return parse_json_results(data)

    def update(self, text: str) -> None:
        """Run a SPARQL Update (at `updates_at`)."""
        url = self.updates_at
        client = self._wrapper(url)
        client.setQuery(text)
        client.setRequestMethod(sw.URLENCODED)

        def run() -> None:
            client.query().response.read()

        self._call("update", url, run)

    def put_graph(self, graph_iri: str, ntriples: bytes) -> None:
        """Replace one named graph with a Graph Store Protocol PUT (indirect graph identification)."""
        if not self.graph_store_url:
            raise EndpointError("no Graph Store Protocol URL given (--graph-store)")
        sep = "&" if "?" in self.graph_store_url else "?"
        url = f"{self.graph_store_url}{sep}{urllib.parse.urlencode({'graph': graph_iri})}"

        def run() -> None:
            req = urllib.request.Request(url, data=ntriples, method="PUT")
            req.add_header("Content-Type", "application/n-triples")
            req.add_header("User-Agent", self.user_agent)
            for name, value in self._auth_headers().items():
                req.add_header(name, value)
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                resp.read()

        self._call(f"upload of graph <{graph_iri}>", self.graph_store_url, run)

    def ask_union_default(self) -> bool | None:
        """Whether the default graph holds data: True; False when only named graphs do; None: no data."""
        in_default = self.select("ASK { ?s ?p ?o }").rows[0][0]
        if bool(in_default and in_default.toPython()):
            return True
        in_named = self.select("ASK { GRAPH ?g { ?s ?p ?o } }").rows[0][0]
        return False if (in_named is not None and in_named.toPython()) else None


def _status_error(url: str, code: int, body: bytes, headers: Any) -> Exception:
    text = body.decode("utf-8", "replace").strip()[:300]
    if code in RETRY_STATUS:
        after = retry_after_seconds(headers.get("Retry-After") if headers is not None else None)
        return _Retryable(f"HTTP {code}" + (f": {text}" if text else ""), after)
    if code == 400:
        return QueryError(f"{url} rejected the request (HTTP 400): {text}")
    if code in (401, 403):
        return EndpointError(f"{url} refused access (HTTP {code}); set KG_ENDPOINT_USER and "
                             "KG_ENDPOINT_PASSWORD, or KG_ENDPOINT_TOKEN")
    if code == 404:
        return EndpointError(f"{url}: not found (HTTP 404); check the endpoint URL")
    return EndpointError(f"{url} answered HTTP {code}: {text}")


def _classify(url: str, action: Callable[[], T]) -> T:
    """Run one attempt and turn each way it can fail into _Retryable, QueryError or EndpointError."""
    try:
        return action()
    except urllib.error.HTTPError as exc:
        raise _status_error(url, exc.code, exc.read() or b"", exc.headers) from None
    except sw.SPARQLExceptions.EndPointInternalError as exc:
        raise _Retryable(f"HTTP 500: {str(exc).strip()[:300]}") from None
    except sw.SPARQLExceptions.QueryBadFormed as exc:
        raise QueryError(f"{url} rejected the query as malformed: {str(exc).strip()[:300]}") from None
    except sw.SPARQLExceptions.Unauthorized:
        raise _status_error(url, 401, b"", None) from None
    except sw.SPARQLExceptions.EndPointNotFound:
        raise _status_error(url, 404, b"", None) from None
    except sw.SPARQLExceptions.URITooLong as exc:
        raise EndpointError(f"{url}: request too long (HTTP 414): {exc}") from None
    except TimeoutError:
        raise _Retryable("no answer within the timeout") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise _Retryable("no answer within the timeout") from None
        raise _Retryable(f"cannot connect ({reason}); is the server running?") from None
    except (ConnectionError, OSError) as exc:  # reset or refused mid-request
        raise _Retryable(f"connection failed ({exc})") from None


def _term(binding: Mapping[str, str]) -> Term:
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        lang = binding.get("xml:lang")
        if lang:
            return Literal(value, lang=lang)
        dt = binding.get("datatype")
        return Literal(value, datatype=dt) if dt and dt != XSD_STRING else Literal(value)
    raise EndpointError(f"unknown term type {kind!r} in SPARQL JSON results")


def parse_json_results(data: Mapping[str, Any]) -> QueryResult:
    """SPARQL 1.1 JSON results (SELECT or ASK) as a QueryResult of rdflib terms."""
    if "boolean" in data:
        return QueryResult(["ask"], [(Literal(bool(data["boolean"])),)])
    try:
        names = list(data["head"]["vars"])
        bindings = data["results"]["bindings"]
    except (KeyError, TypeError) as exc:
        raise EndpointError(f"malformed SPARQL JSON results (missing {exc})") from exc
    rows = [tuple(_term(b[n]) if n in b else None for n in names) for b in bindings]
    return QueryResult(names, rows)


# --- pushing -----------------------------------------------------------------------------------


@dataclass
class PushReport:
    graphs: int = 0
    triples: int = 0
    removed: list[str] = field(default_factory=list)
    method: str = ""
    union: bool = False  # whether the server's default graph was refreshed


def graph_payloads(data: GraphsInput | ox.Store,
                   skip: Iterable[str] = (QUARANTINE_GRAPH,)) -> Iterator[tuple[str, bytes, int]]:
    """(graph IRI, N-Triples bytes, triple count) for each named graph of a store or rdflib data."""
    skipped = set(skip)
    if isinstance(data, ox.Store):
        for name in graph_names(data):
            if name not in skipped:
                body = data.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name)) or b""
                yield name, body, body.count(b"\n")
        return
    for graph_name, g in named_graphs(data):
        if graph_name is not None and graph_name not in skipped:
            yield graph_name, g.serialize(format="nt", encoding="utf-8"), len(g)


def push(endpoint: Endpoint, data: GraphsInput | ox.Store, *, prune_prefix: str | None = None,
         skip: Iterable[str] = (QUARANTINE_GRAPH,), keep: Iterable[str] = (), union: bool = True,
         progress: Callable[[int, str], None] | None = None) -> PushReport:
    """Upload every named graph of `data` (but those in `skip`: quarantined facts stay home), each
    replacing the server's graph of the same name, one request per graph.

    With `prune_prefix`, named graphs on the server whose IRI starts with it and that `data` does not
    hold are dropped (documents gone from the corpus), except those in `keep`. With `union`, one last
    update makes the server's default graph the union of its named graphs, which the library
    queries read (as in the embedded store); leave it off for a server whose default graph already
    is that union (Fuseki's unionDefaultGraph). If the push fails half-way, every document graph is
    either old or new, and the default graph is refreshed by the next successful push.
    """
    report = PushReport(method="graph store PUT" if endpoint.graph_store_url else "SPARQL update")
    pushed: set[str] = set()
    for name, body, count in graph_payloads(data, skip):
        node = URIRef(name).n3()
        if endpoint.graph_store_url:
            endpoint.put_graph(name, body)
        else:
            text = body.decode("utf-8")
            endpoint.update(f"DROP SILENT GRAPH {node} ;\nINSERT DATA {{ GRAPH {node} {{\n{text}}} }}")
        pushed.add(name)
        report.graphs += 1
        report.triples += count
        if progress:
            progress(report.graphs, name)
    if prune_prefix:
        held = pushed | set(keep)
        found = endpoint.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        for row in found.rows:
            g_iri = str(row[0])
            if g_iri.startswith(prune_prefix) and g_iri not in held:
                endpoint.update(f"DROP SILENT GRAPH {URIRef(g_iri).n3()}")
                report.removed.append(g_iri)
    if union:
        endpoint.update(refresh_union_update())
        report.union = True
    return report


# --- a local oxigraph server -------------------------------------------------------------------


def oxigraph_binary() -> str:
    """The `oxigraph` server program: beside this Python (the venv), else on PATH."""
    import shutil
    import sys
    from pathlib import Path

    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise EndpointError("the oxigraph server is not installed; pip install 'oxigraph>=0.4,<0.6'")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def start_oxigraph(location: str | os.PathLike[str] | None, host: str = "127.0.0.1", port: int = 7878, *,
                   read_only: bool = False, union: bool = False, timeout: float = 20.0,
                   quiet: bool = True) -> tuple[Any, Endpoint]:
    """Start `oxigraph serve` on `location` (None: in memory) and wait until it answers.

    `union` starts it with --union-default-graph; the stores `kg` writes need not, since their
    default graph already holds the union (as a set, where oxigraph's flag gives a bag).

    Returns the process (subprocess.Popen) and an Endpoint with its query, update and store URLs.
    """
    import subprocess

    cmd = [oxigraph_binary(), "serve-read-only" if read_only else "serve", "--bind", f"{host}:{port}"]
    if location is not None:
        cmd += ["--location", str(location)]
    if union:
        cmd.append("--union-default-graph")
    out = subprocess.DEVNULL if quiet else None
    proc = subprocess.Popen(cmd, stdout=out, stderr=out)
    base = f"http://{host}:{port}"
    endpoint = Endpoint(f"{base}/query", None if read_only else f"{base}/update",
                        None if read_only else f"{base}/store", timeout=timeout)
    try:
        _wait_until_up(proc, cmd, base, port, timeout)
    except BaseException:  # an error or Ctrl-C while waiting: leave no server behind
        stop_process(proc)
        raise
    return proc, endpoint


def _wait_until_up(proc: Any, cmd: list[str], base: str, port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise EndpointError(f"the oxigraph server stopped at once (exit code {proc.returncode}): "
                                f"{' '.join(cmd)}; is port {port} taken?")
        try:
            with urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1) as resp:
                resp.read()
            return
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                raise EndpointError(
                    f"the oxigraph server at {base} did not answer within {timeout:.0f} s") from None
            time.sleep(0.05)


def stop_process(proc: Any, grace: float = 5.0) -> None:
    """Stop a server started by start_oxigraph: terminate, then kill if it lingers."""
    import subprocess

    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(grace)
