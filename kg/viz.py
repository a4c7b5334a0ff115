"""networkx -> one self-contained, offline HTML explorer (vis-network inlined, no request leaves the page).

The layout is computed here, not in the browser, so that large graphs open at once and every build
of the same graph gives the same file. Data goes into the page as JSON inside a non-executable
`<script type="application/json">` block and is put into the DOM with textContent only.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import rdflib

from kg.errors import KGError
from kg.export import write_atomic
from kg.network import EVENT, SEED, communities, find_node, pagerank, simple_graph, to_networkx

VIS_JS = ("templates", "lib", "vis-9.1.2", "vis-network.min.js")  # shipped inside the pyvis package
MAX_NODES = 1500  # above this, the page opens on an overview of the most central nodes
OVERVIEW_NODES = 300
SHOW_MORE_STEP = 500
EMBED_LIMIT = 6000  # nodes written into the page at all; the rest is reachable with --focus
SPRING_LIMIT = 400  # graphs (and communities) up to this size get a force-directed layout

KIND_STYLE: dict[str, dict[str, str]] = {
    "Organization": {"label": "Organization", "color": "#4e79a7", "border": "#33527a", "shape": "dot"},
    "Person": {"label": "Person", "color": "#f28e2b", "border": "#b5641b", "shape": "triangle"},
    "Product": {"label": "Product", "color": "#59a14f", "border": "#3b7034", "shape": "square"},
    "Place": {"label": "Place", "color": "#b07aa1", "border": "#7d5272", "shape": "hexagon"},
    EVENT: {"label": "Event", "color": "#e15759", "border": "#a33a3c", "shape": "diamond"},
}
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


class VizError(KGError):
    """The explorer page cannot be made (missing vis-network asset, bad focus or sizes)."""


# --- assets ---------------------------------------------------------------------------------


@cache
def _asset(name: str) -> str:
    return resources.files("kg").joinpath("data", "viz", name).read_text(encoding="utf-8")


@cache
def _vis_js() -> str:
    try:
        text = resources.files("pyvis").joinpath(*VIS_JS).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise VizError(f"vis-network not found in the pyvis package ({'/'.join(VIS_JS)}): {exc}; "
                       "reinstall with `pip install pyvis`") from exc
    if "@license" not in text[:2000] or "</script" in text.lower():
        raise VizError("the vis-network file in pyvis is not the expected standalone build")
    return text


def _sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(scripts: Iterable[str]) -> str:
    """A policy that lets only the page's own inline scripts run and forbids every network request."""
    hashes = " ".join(_sha256(s) for s in scripts)
    return ("default-src 'none'; " f"script-src {hashes}; " "style-src 'unsafe-inline'; img-src data:; "
            "font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
            "worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'")


def json_for_script(payload: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>', '&' or line separators left raw."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def safe_url(url: object) -> str | None:
    """The URL if it is http(s), else None: javascript:, data:, vbscript: and relative URLs never link."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if re.match(r"https?://[^\s/?#]+", url, re.IGNORECASE) and not re.search(r"[\x00-\x1f\s]", url):
        return url
    return None


# --- layout ---------------------------------------------------------------------------------


def canonical(H: nx.Graph) -> nx.Graph:
    """The same graph with nodes and edges inserted in sorted order.

    Layout and community detection iterate in insertion order, which follows the RDF graph's
    hash-seeded order; a canonical order makes the page byte-identical across processes.
    """
    out = nx.Graph()
    out.add_nodes_from(sorted(((v, H.nodes[v]) for v in H), key=lambda item: str(item[0])))
    edges = sorted(((*sorted((u, v), key=str), d) for u, v, d in H.edges(data=True)),
                   key=lambda e: (str(e[0]), str(e[1])))
    out.add_edges_from(edges)
    return out


def _spring(H: nx.Graph, radius: float) -> dict[Any, tuple[float, float]]:
    n = len(H)
    if n == 1:
        return {next(iter(H)): (0.0, 0.0)}
    H = canonical(H)
    pos = nx.spring_layout(H, seed=SEED, iterations=60 if n > 150 else 100, weight=None)
    return {v: (float(x) * radius, float(y) * radius) for v, (x, y) in pos.items()}


def _spiral(nodes: list[Any], radius: float) -> dict[Any, tuple[float, float]]:
    # Sunflower spiral, first nodes (the hubs) in the middle: readable and O(n) for huge clusters.
    golden = math.pi * (3 - math.sqrt(5))
    n = max(len(nodes), 1)
    return {v: (radius * math.sqrt((i + 0.5) / n) * math.cos(i * golden),
                radius * math.sqrt((i + 0.5) / n) * math.sin(i * golden)) for i, v in enumerate(nodes)}


def _radius(n: int) -> float:
    return 95.0 * math.sqrt(n) if n > 1 else 0.0


PACK_EXACT = 40  # the largest parts are packed disc by disc; the many small ones go on a spiral


def _pack(radii: list[float]) -> list[tuple[float, float]]:
    """Centres for discs of the given radii (largest first), packed around the origin without overlap.

    The largest parts are placed one by one on rings around the ones already placed; the rest
    (usually many small components) go on a sunflower spiral outside them, which is linear in
    their number: exact packing of thousands of discs was quadratic and stalled large pages.
    """
    import numpy as np

    placed = np.zeros((0, 3))
    centres: list[tuple[float, float]] = []
    distance = 0.0
    for r in radii[:PACK_EXACT]:
        pad = r * 1.08 + 45.0
        found = None
        d = max(0.0, distance - 2 * pad)
        while found is None:
            steps = max(1, int(2 * math.pi * d / pad)) if d else 1
            angles = np.arange(steps) * (2 * math.pi / steps)
            cand = np.stack([d * np.cos(angles), d * np.sin(angles)], axis=1)
            if len(placed):
                gap = np.hypot(cand[:, None, 0] - placed[None, :, 0], cand[:, None, 1] - placed[None, :, 1])
                ok = (gap >= placed[None, :, 2] + pad).all(axis=1)
            else:
                ok = np.ones(len(cand), dtype=bool)
            if ok.any():
                found = cand[int(np.argmax(ok))]
            else:
                d += pad * 0.5
        distance = d
        centres.append((float(found[0]), float(found[1])))
        placed = np.vstack([placed, [found[0], found[1], pad]])
    rest = radii[PACK_EXACT:]
    if rest:
        outer = max((math.hypot(x, y) + p for x, y, p in placed), default=0.0)
        cell = 2 * (max(rest) * 1.08 + 45.0)
        golden = math.pi * (3 - math.sqrt(5))
        for k in range(len(rest)):
            dist = outer + cell * (0.6 + math.sqrt(k + 1))
            centres.append((dist * math.cos(k * golden), dist * math.sin(k * golden)))
    return centres


def layout(H: nx.Graph, rank: dict[Any, int] | None = None, depth: int = 0) -> dict[Any, tuple[float, float]]:
    """Positions for every node, computed part by part so that large graphs stay fast and readable:
    each connected component (and, in a large component, each community) is laid out on its own, and
    the parts are packed side by side, largest in the middle."""
    if len(H) == 0:
        return {}
    rank = rank or {v: i for i, v in enumerate(sorted(H, key=lambda v: (-H.degree(v), str(v))))}
    if depth == 0:
        parts = [sorted(c, key=str) for c in nx.connected_components(H)]
    elif depth < 4:
        parts = [sorted(c, key=str) for c in nx.community.louvain_communities(
            H, weight="weight", seed=SEED, resolution=1.0 + depth)]
    else:
        parts = [list(H)]
    if len(parts) == 1 and depth > 0:
        if len(H) <= SPRING_LIMIT:
            return _spring(H, _radius(len(H)))
        if depth >= 4:  # cannot be split further: hubs in the middle, the rest spiralling out
            return _spiral(sorted(H, key=lambda v: rank[v]), _radius(len(H)))
    parts.sort(key=lambda c: (-len(c), min(rank[v] for v in c)))
    placed = []
    for part in parts:
        sub = H.subgraph(part)
        if len(part) <= SPRING_LIMIT:
            placed.append(_spring(sub, _radius(len(part))))
        else:
            placed.append(layout(sub, rank, depth + 1))
    if len(placed) == 1:
        return placed[0]
    radii = [max((math.hypot(x, y) for x, y in pos.values()), default=0.0) for pos in placed]
    result: dict[Any, tuple[float, float]] = {}
    for (cx, cy), pos in zip(_pack(radii), placed, strict=True):
        for v, (x, y) in pos.items():
            result[v] = (x + cx, y + cy)
    return result


# --- page data ------------------------------------------------------------------------------


def _interval(date: str | None) -> tuple[str | None, str | None]:
    """`2026-03` -> (`2026-03-01`, `2026-03-31`): the days a date of any precision may mean."""
    if not date:
        return None, None
    day = date[:10]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return day, day
    if re.fullmatch(r"\d{4}-\d{2}", day):
        return day + "-01", day + "-31"
    if re.fullmatch(r"\d{4}", day):
        return day + "-01-01", day + "-12-31"
    return None, None


def _records(records: Iterable[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    out = []
    for r in list(records)[:limit]:
        out.append({"sentence": r["sentence"][:600], "title": r["title"][:300], "url": safe_url(r.get("url")),
                    "published": r.get("published")})
    return out


def _sources(records: Iterable[dict[str, Any]], limit: int = 8) -> list[dict[str, Any]]:
    return [{"title": r["title"][:300], "url": safe_url(r.get("url")), "published": r.get("published")}
            for r in list(records)[:limit]]


def _subgraph(G: nx.MultiDiGraph, focus: str | None, hops: int) -> tuple[nx.MultiDiGraph, str | None]:
    if hops < 0:
        raise VizError(f"--hops must be 0 or more, got {hops}")
    if focus is None:
        return G, None
    centre = find_node(G, focus, events=True)
    keep = nx.single_source_shortest_path_length(simple_graph(G), centre, cutoff=hops)
    return G.subgraph(sorted(keep)).copy(), centre


def page_data(G: nx.MultiDiGraph, *, focus: str | None = None, hops: int = 2, max_nodes: int = MAX_NODES,
              embed_limit: int = EMBED_LIMIT) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data (sorted, rounded: deterministic)."""
    if max_nodes < 1 or embed_limit < 1:
        raise VizError("max_nodes and embed_limit must be positive")
    total = G.number_of_nodes()
    G, centre = _subgraph(G, focus, hops)
    H = canonical(simple_graph(G))
    pr = pagerank(H)
    order = sorted(G.nodes, key=lambda v: (-pr.get(v, 0.0), v))
    truncated = len(order) > embed_limit
    if truncated:
        keep = set(order[:embed_limit])
        if centre is not None:
            keep.add(centre)
        order = [v for v in order if v in keep]
        G, H = G.subgraph(keep).copy(), canonical(H.subgraph(keep))
    rank = {v: i for i, v in enumerate(order)}
    groups = communities(H)
    community_of = {v: i for i, members in enumerate(groups) for v in members}
    pos = layout(H, rank=rank)
    overview = len(order) > max_nodes
    overview_size = min(OVERVIEW_NODES, max_nodes) if overview else 0
    # The overview gets its own layout: the top nodes placed in the full layout would be scattered dots.
    overview_pos = layout(H.subgraph(order[:overview_size]), rank=rank) if overview else {}
    ids = {v: i for i, v in enumerate(sorted(G.nodes))}
    top_pr = max(pr.values(), default=1.0) or 1.0

    nodes = []
    for v in sorted(G.nodes):
        d = G.nodes[v]
        weight = math.sqrt(pr.get(v, 0.0) / top_pr)
        d0, d1 = _interval(d.get("date"))
        event = d["kind"] == EVENT
        record: dict[str, Any] = {
            "i": ids[v], "iri": v, "label": d["label"][:200], "kind": d["kind"], "cls": d["cls"],
            "aliases": [a[:200] for a in d.get("aliases", [])[:12]], "mentions": d.get("mentions", 0),
            "rank": rank[v], "c": community_of[v], "pr": round(pr.get(v, 0.0), 6),
            "x": round(pos[v][0], 1), "y": round(pos[v][1], 1),
            "size": round((6 if event else 8) + (14 if event else 26) * weight, 1),
            "font": round((11 + 3 * weight) if event else (12 + 10 * weight), 1),
            "ev": _records(d.get("evidence", []), 3), "src": _sources(d.get("sources", [])),
        }
        for key in ("date", "status", "amount", "role"):
            if d.get(key):
                record[key] = str(d[key])[:200]
        if d0:
            record["d0"], record["d1"] = d0, d1
        if v in overview_pos:
            record["ox"], record["oy"] = round(overview_pos[v][0], 1), round(overview_pos[v][1], 1)
        nodes.append(record)

    edges = []
    for u, v, _key, d in sorted(G.edges(keys=True, data=True), key=lambda e: (ids[e[0]], ids[e[1]], e[2])):
        edge: dict[str, Any] = {"from": ids[u], "to": ids[v], "p": d["predicate"], "l": d["label"],
                                "k": d["kind"]}
        if d["kind"] != "role":  # role edges show their event's evidence
            edge["ev"] = _records(d.get("evidence", []), 3)
        if d.get("role"):
            edge["role"] = str(d["role"])[:200]
        if d.get("former"):
            edge["former"] = True
        edges.append(edge)

    classes: dict[str, dict[str, Any]] = {}
    for v in G.nodes:
        info = classes.setdefault(G.nodes[v]["cls"], {"kind": G.nodes[v]["kind"], "count": 0})
        info["count"] += 1
    days = sorted(x for n in nodes for x in (n.get("d0"), n.get("d1")) if x)
    summary = [{"id": i, "size": len(members),
                "top": [G.nodes[v]["label"][:60] for v in sorted(members, key=lambda v: rank[v])[:3]]}
               for i, members in enumerate(groups[:15]) if len(members) > 1]
    meta = {
        "kinds": KIND_STYLE, "classes": dict(sorted(classes.items())),
        "overview": overview_size, "step": SHOW_MORE_STEP,
        "communities": summary, "date_min": days[0] if days else None, "date_max": days[-1] if days else None,
        "focus": ids[centre] if centre is not None else None, "truncated": truncated or focus is not None,
        "total_nodes": total,
    }
    return {"meta": meta, "nodes": nodes, "edges": edges}


# --- the page -------------------------------------------------------------------------------


def build_html(data: dict[str, Any], title: str = "kg · knowledge graph explorer") -> str:
    """The page for page_data(): template + CSS + vis-network + app script, with a hash-based CSP."""
    vis_js, app_js = _vis_js(), _asset("app.js")
    parts = {
        "CSP": html.escape(csp([vis_js, app_js]), quote=True),
        "TITLE": html.escape(title, quote=True),
        "STYLE": _asset("style.css").replace("</", "<\\/"),
        "DATA": json_for_script(data),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass over the template, so text inside a substituted part is never substituted again.
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: parts[m.group(1)], _asset("template.html"))


def render_html(source: nx.MultiDiGraph | rdflib.Graph, path: Path | str, focus: str | None = None,
                hops: int = 2, max_nodes: int = MAX_NODES, embed_limit: int = EMBED_LIMIT) -> Path:
    """Write the explorer for a graph (networkx or RDF) to `path`, atomically; returns the path."""
    G = source if isinstance(source, nx.MultiDiGraph) else to_networkx(source)
    data = page_data(G, focus=focus, hops=hops, max_nodes=max_nodes, embed_limit=embed_limit)
    title = "kg · knowledge graph explorer"
    if data["meta"]["focus"] is not None:
        centre = next(n for n in data["nodes"] if n["i"] == data["meta"]["focus"])
        title = f"kg · {centre['label']} and {hops} hop{'s' if hops != 1 else ''} around it"
    text = build_html(data, title)
    target = Path(path)
    write_atomic(target, [text])
    return target
