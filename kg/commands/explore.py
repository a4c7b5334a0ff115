"""Commands that explore a built graph: viz (the HTML explorer), analyze, path and timeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from kg.commands._common import handle_errors, out
from kg.errors import StoreError

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

# Looked for, in this order, inside a --data folder: named graphs first, so that quarantine is known.
GRAPH_FILES = ("graph.trig", "graph.nq", "graph.ttl", "graph.jsonld", "graph.nt")
STORE = Path(".kg") / "store"  # where `kg build` keeps the embedded store, used when no file is there

DataOpt = Annotated[
    Path,
    typer.Option("--data", "-d", help="Folder written by `kg build`, or one graph file (.trig .ttl .nq …)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]


def register(app: typer.Typer) -> None:
    app.command("viz")(viz)
    app.command("analyze")(analyze)
    app.command("path")(path)
    app.command("timeline")(timeline)


def load(data: Path) -> rdflib.Dataset:
    """The built graph at `data` (a folder from `kg build` or one graph file)."""
    from kg.summary import load_dataset

    if data.is_dir():
        found = next((data / name for name in GRAPH_FILES if (data / name).is_file()), None)
        if found is None:
            if (data / STORE / "CURRENT").is_file():
                return _from_store(data / STORE)
            names = " or ".join(GRAPH_FILES)
            raise StoreError(f"{data}: no {names} or store here; run `kg build ... --out {data}` first")
        data = found
    elif not data.exists():
        raise StoreError(f"{data}: no such file or folder; run `kg build` first or pass --data")
    return load_dataset(data)


def _from_store(path: Path) -> rdflib.Dataset:
    """The embedded store's named graphs as an rdflib Dataset (quarantine stays apart; the store's
    default graph, a materialised copy of the union, is not read twice)."""
    from kg.store import open_store_read_only, to_dataset

    return to_dataset(open_store_read_only(path))


def _network(data: Path) -> nx.MultiDiGraph:
    from kg.network import to_networkx

    return to_networkx(load(data))


@handle_errors
def viz(
    data: DataOpt = Path("exports"),
    target: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path(
        "exports/graph.html"
    ),
    focus: Annotated[
        str | None, typer.Option(help="Show only this entity (name or alias) and its neighbourhood.")
    ] = None,
    hops: Annotated[int, typer.Option(help="With --focus: how many links away from it to show.")] = 2,
    max_nodes: Annotated[
        int, typer.Option(help="Above this many nodes, open on an overview of the most central.")
    ] = 1500,
) -> None:
    """Write an interactive, self-contained HTML view of the graph (works offline, no network requests).

    Colour and shape by type, size by PageRank; search, type and date filters; click a node for its
    evidence sentences and links to the source articles.
    """
    from kg.viz import render_html

    written = render_html(_network(data), target, focus=focus, hops=hops, max_nodes=max_nodes)
    out.print(f"wrote {written} ({written.stat().st_size:,} bytes)", markup=False)


def _label(G: nx.MultiDiGraph, node: str) -> str:
    return str(G.nodes[node]["label"])


@handle_errors
def analyze(
    data: DataOpt = Path("exports"),
    top_n: Annotated[int, typer.Option("--top", "-n", help="How many entities to list per measure.")] = 10,
    graphml: Annotated[
        Path | None, typer.Option(help="Also write the network as GraphML (Gephi, Cytoscape).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Network measures of the graph: the most connected and central entities, and its communities.

    Degree counts distinct neighbours; PageRank and betweenness run over the undirected view (betweenness
    is estimated from samples above 2,000 nodes); communities are Louvain's with a fixed seed.
    """
    from kg.network import EVENT, metrics, to_graphml, top

    G = _network(data)
    m = metrics(G)
    entities = [v for v, d in G.nodes(data=True) if d["kind"] != EVENT]
    ranked = {name: top(m[name], top_n, among=entities) for name in ("degree", "pagerank", "betweenness")}
    if graphml is not None:
        to_graphml(G, graphml)
    if as_json:
        result: dict[str, Any] = {
            "nodes": m["nodes"], "edges": m["edges"], "by_kind": m["by_kind"], "by_class": m["by_class"],
            "by_predicate": m["by_predicate"], "betweenness_sampled": m["betweenness_sampled"],
            "communities": len(m["communities"]),
            "top": {name: [{"iri": v, "label": _label(G, v), "score": round(s, 6)} for v, s in rows]
                    for name, rows in ranked.items()},
            "largest_communities": [{"size": len(c), "members": [_label(G, v) for v in _by_rank(c, m)[:8]]}
                                    for c in m["communities"][:top_n]],
        }
        out.print_json(json.dumps(result))
        return
    out.print(f"{m['nodes']:,} nodes, {m['edges']:,} edges, {len(m['communities']):,} communities")
    counts = Table(title="nodes by kind", show_header=False, box=None)
    for kind, n in m["by_kind"].items():
        counts.add_row(kind, f"{n:,}")
    out.print(counts)
    for name, title in (("degree", "most connected (distinct neighbours)"), ("pagerank", "PageRank"),
                        ("betweenness", "betweenness" + (" (sampled)" if m["betweenness_sampled"] else ""))):
        table = Table(title=title, box=None)
        table.add_column("entity")
        table.add_column("type")
        table.add_column("score", justify="right")
        for v, score in ranked[name]:
            shown = f"{score:,.0f}" if name == "degree" else f"{score:.4f}"
            table.add_row(Text(_label(G, v)), G.nodes[v]["cls"], shown)
        out.print(table)
    table = Table(title="largest communities", box=None)
    table.add_column("size", justify="right")
    table.add_column("most central members")
    for members in m["communities"][:top_n]:
        table.add_row(f"{len(members):,}", Text(", ".join(_label(G, v) for v in _by_rank(members, m)[:6])))
    out.print(table)
    if graphml is not None:
        out.print(f"wrote {graphml}", markup=False)


def _by_rank(members: list[str], m: dict[str, Any]) -> list[str]:
    return sorted(members, key=lambda v: (-m["pagerank"].get(v, 0.0), v))


def _source_line(record: dict[str, Any]) -> str:
    parts = [record.get("title") or record.get("doc") or ""]
    if record.get("published"):
        parts.append(str(record["published"]))
    if record.get("url"):
        parts.append(str(record["url"]))
    return " · ".join(parts)


@handle_errors
def path(
    source: Annotated[str, typer.Argument(help="First entity (name, alias or IRI).")],
    target: Annotated[str, typer.Argument(help="Second entity (name, alias or IRI).")],
    data: DataOpt = Path("exports"),
    as_json: JsonOpt = False,
) -> None:
    """How two entities are connected: the shortest chain of relations and events between them.

    Each step shows the relation or event role, the sentence that states it and its source article.
    Exit code 1 when they are not connected, 2 when a name is not in the graph.
    """
    from kg.network import path as find_path

    G = _network(data)
    hops = find_path(G, source, target)
    if as_json:
        out.print_json(json.dumps([
            {"from": h.source, "from_label": h.source_label, "to": h.target, "to_label": h.target_label,
             "predicate": h.predicate, "forward": h.forward, "evidence": list(h.evidence)} for h in hops
        ]))
        return
    if not hops:
        out.print("the same entity: no steps")
        return
    steps = f"{len(hops)} step{'s' if len(hops) > 1 else ''}"
    out.print(f"{hops[0].source_label} -> {hops[-1].target_label}: {steps}", markup=False)
    for i, hop in enumerate(hops, 1):
        arrow = f"--{hop.label}-->" if hop.forward else f"<--{hop.label}--"
        out.print(f"{i}. {hop.source_label} {arrow} {hop.target_label}", markup=False)
        for record in hop.evidence[:2]:
            out.print(f"     \"{record['sentence']}\"", markup=False)
            out.print(f"       {_source_line(record)}", markup=False)


@handle_errors
def timeline(
    entity: Annotated[str, typer.Argument(help="Entity name, alias or IRI.")],
    data: DataOpt = Path("exports"),
    as_json: JsonOpt = False,
) -> None:
    """The events an entity takes part in, in date order (undated events last), with their sources."""
    from kg.network import find_node
    from kg.network import timeline as build_timeline

    G = _network(data)
    node = find_node(G, entity)
    entries = build_timeline(G, node)
    if as_json:
        out.print_json(json.dumps([{"event": e.event, "date": e.date, "type": e.type, "label": e.label,
                                    "status": e.status, "roles": list(e.roles), "amount": e.amount,
                                    "sources": list(e.sources)} for e in entries]))
        return
    if not entries:
        out.print(f"no events involve {_label(G, node)}", markup=False)
        return
    count = f"{len(entries)} event{'s' if len(entries) != 1 else ''}"
    out.print(f"timeline of {_label(G, node)}: {count}", markup=False)
    for e in entries:
        facts = ", ".join(x for x in (e.status, f"as {', '.join(e.roles)}" if e.roles else "", e.amount) if x)
        out.print(f"{(e.date or 'undated'):<11} {e.type:<15} {e.label}  ({facts})", markup=False)
        for source in e.sources[:3]:
            out.print(f"{'':<11} - {_source_line(source)}", markup=False)
