"""Commands that talk SPARQL: query (the query library), push (to an endpoint), serve (a local server)
and link (owl:sameAs to Wikidata)."""

from __future__ import annotations

import signal
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from kg.commands._common import err, handle_errors, out
from kg.errors import QueryError

DataOpt = Annotated[Path, typer.Option("--data", "-d", help="Folder from `kg build`, or a graph file.")]
FORMATS = ("table", "csv", "tsv", "json")


def register(app: typer.Typer) -> None:
    app.command("query")(query)
    app.command("push")(push)
    app.command("serve")(serve)
    app.command("link")(link)


def parse_params(items: list[str] | None) -> dict[str, str]:
    """`name=value` pairs; the value is taken as given (quotes, '=' and all)."""
    params: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {item!r}: write it as name=value")
        params[name.strip()] = value
    return params


def _list_queries() -> None:
    from kg.query import list_queries

    table = Table(title="kg query library", show_lines=False)
    table.add_column("query", no_wrap=True)
    table.add_column("question")
    table.add_column("parameters")
    for spec in list_queries():
        params = ", ".join(p.name if p.required else f"[{p.name}]" for p in spec.params)
        table.add_row(Text(spec.name), Text(spec.question), Text(params))
    out.print(table)
    out.print(Text("Parameters in [brackets] are optional; `kg query NAME --help-query` shows one query.",
                   style="dim"))


def _describe(name: str) -> None:
    from kg.query import load_query

    spec = load_query(name)
    out.print(Text(f"{spec.name}: {spec.question}"))
    for p in spec.params:
        default = "required" if p.required else f"default {p.default!r}"
        out.print(Text(f"  --param {p.name}=…  ({p.type}, {default}) {p.doc}"))
    for ex in spec.examples:
        out.print(Text(f"  example: {ex}"))


@handle_errors
def query(
    name: Annotated[str | None, typer.Argument(help="A library query (see --list) or a .rq file.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="name=value; repeatable.")] = None,
    data: DataOpt = Path("exports"),
    endpoint: Annotated[str | None, typer.Option("--endpoint", "-e", help="A SPARQL endpoint URL.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    list_all: Annotated[bool, typer.Option("--list", help="List the library's queries.")] = False,
    help_query: Annotated[bool, typer.Option("--help-query", help="Show the query's parameters.")] = False,
) -> None:
    """Answer an analyst question with a query of the library (or any .rq file) on the built graph.

    Parameters are bound as RDF terms, never pasted into the query text. Names of entities match
    labels and aliases in any case: `kg query products-by-company --param company=openai`.
    Credentials for --endpoint come from KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD or KG_ENDPOINT_TOKEN.
    """
    from kg.query import compact, run_query, to_csv, to_json_results

    if list_all:
        _list_queries()
        return
    if name is None:
        raise QueryError("name a query (see `kg query --list`) or give a .rq file")
    if help_query:
        _describe(name)
        return
    if fmt not in FORMATS:
        raise QueryError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    source: str | Path = endpoint if endpoint else data
    result = run_query(source, name, parse_params(param))
    if fmt == "csv":
        sys.stdout.write(to_csv(result))
    elif fmt == "tsv":
        sys.stdout.write(to_csv(result, "\t"))
    elif fmt == "json":
        sys.stdout.write(to_json_results(result) + "\n")
    else:
        table = Table(show_lines=False)
        for var in result.vars:
            table.add_column(var, overflow="fold")
        for row in result.rows:
            table.add_row(*(Text(compact(t)) for t in row))
        out.print(table)
        err.print(f"[dim]{len(result)} row{'s' if len(result) != 1 else ''}[/]")


@handle_errors
def push(
    endpoint: Annotated[str, typer.Option("--endpoint", "-e", help="The server's SPARQL query URL.")],
    update_endpoint: Annotated[str | None, typer.Option("--update-endpoint", help="Its SPARQL Update URL.")]
    = None,
    graph_store: Annotated[str | None, typer.Option("--graph-store", help="Its Graph Store Protocol URL.")]
    = None,
    data: DataOpt = Path("exports"),
    prune: Annotated[bool, typer.Option("--prune", help="Drop server graphs no longer in the data.")] = False,
    union: Annotated[bool, typer.Option("--union/--no-union",
                                        help="Refresh the server's default graph as the union.")] = True,
) -> None:
    """Upload the graph to a SPARQL server, one named graph per document, replacing what it held.

    Each graph goes in one request (a Graph Store PUT with --graph-store, else a SPARQL Update
    DROP + INSERT DATA), so pushing twice leaves the same contents and a failure never leaves a
    half-written document graph. The quarantine graph stays home. A last update makes the server's
    default graph the union of the document graphs, which the library queries read; use --no-union
    for a server whose default graph already is that union. Credentials come from
    KG_ENDPOINT_USER/KG_ENDPOINT_PASSWORD or KG_ENDPOINT_TOKEN, never from the command line.
    """
    from kg.namespace import KGR_NS, LINKS_GRAPH
    from kg.remote import Endpoint
    from kg.remote import push as run_push
    from kg.store import find_data, load_file, open_store_read_only

    kind, path = find_data(data)
    store = open_store_read_only(path) if kind == "store" else load_file(path)
    target = Endpoint(endpoint, update_endpoint, graph_store)
    with err.status("pushing graphs") as status:
        report = run_push(target, store, prune_prefix=f"{KGR_NS}graph/" if prune else None,
                          keep=(LINKS_GRAPH,), union=union,
                          progress=lambda n, g: status.update(f"pushed {n} graphs ({g.rsplit('/', 1)[-1]})"))
    out.print(f"pushed {report.graphs} graphs, {report.triples} triples to {endpoint} ({report.method})")
    if report.removed:
        out.print(f"dropped {len(report.removed)} graphs that are no longer in {data}")


@handle_errors
def serve(
    data: DataOpt = Path("exports"),
    port: Annotated[int, typer.Option("--port", help="TCP port to listen on.")] = 7878,
    host: Annotated[str, typer.Option("--host", help="Address to bind; 0.0.0.0 exposes it to the network.")]
    = "127.0.0.1",
    read_only: Annotated[bool, typer.Option("--read-only/--writable", help="Refuse updates.")] = True,
) -> None:
    """Serve the built graph over SPARQL with the oxigraph server, until Ctrl-C.

    The server runs on a copy of the store (without the quarantine graph) whose default graph is the
    union of the document graphs, so `kg query --endpoint URL` answers as `kg query` does.
    """
    # Ctrl-C and `kill` both stop the server cleanly, also when kg was started in the background by a
    # script (which leaves SIGINT ignored) or killed with SIGTERM (which would orphan the server).
    previous = {signum: signal.signal(signum, _interrupt) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        _serve(data, host, port, read_only)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _serve(data: Path, host: str, port: int, read_only: bool) -> None:
    from kg.remote import start_oxigraph, stop_process
    from kg.store import server_location

    with tempfile.TemporaryDirectory(prefix="kg-serve-") as tmp:
        location = server_location(data, Path(tmp) / "store")
        proc, endpoint = start_oxigraph(location, host, port, read_only=read_only, quiet=True)
        try:  # from here on, Ctrl-C or SIGTERM (whenever it comes) stops the server and ends cleanly
            out.print(f"SPARQL query endpoint: [bold]{endpoint.query_url}[/]")
            if not read_only:
                out.print(f"SPARQL update endpoint: {endpoint.update_url}")
                out.print(f"graph store endpoint: {endpoint.graph_store_url}")
            out.print(f"try: kg query --list; kg query products-by-company --param company=OpenAI "
                      f"--endpoint {endpoint.query_url}")
            out.print("[dim]Ctrl-C stops the server.[/]")
            proc.wait()
        except KeyboardInterrupt:
            out.print("stopping")
        finally:
            stop_process(proc)
        if proc.returncode not in (0, -2, -15, None):
            err.print(f"[yellow]the server exited with code {proc.returncode}[/]")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@handle_errors
def link(
    data: DataOpt = Path("exports"),
    endpoint: Annotated[str | None, typer.Option("--endpoint", "-e", help="Wikidata-shaped SPARQL endpoint.")]
    = None,
    batch_size: Annotated[int, typer.Option("--batch", help="Names per request.")] = 40,
    refresh: Annotated[bool, typer.Option("--refresh", help="Ignore the cache and ask again.")] = False,
) -> None:
    """Link entities to Wikidata items (owl:sameAs) when exactly one item of a compatible kind fits.

    Answers are cached in <data>/.kg/wikidata-cache.json. Without a network connection nothing is
    changed and the command says so (exit code 0).
    """
    from kg.link import WIKIDATA_SPARQL
    from kg.link import link as run_link

    with err.status(f"asking {endpoint or WIKIDATA_SPARQL}"):
        report = run_link(data, endpoint, batch_size=batch_size, refresh=refresh)
    if report.offline:
        out.print(f"[yellow]offline:[/] {report.offline}")
        out.print("No links were written; run `kg link` again when the endpoint can be reached.")
        return
    out.print(f"{report.entities} entities; {report.names_asked} names asked, "
              f"{report.names_cached} from the cache")
    out.print(f"linked {len(report.links)} entities to Wikidata; "
              f"{len(report.ambiguous)} ambiguous, left unlinked")
    for where in report.written:
        out.print(Text(f"  wrote {where}"))
