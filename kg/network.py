"""RDF -> networkx: the graph of entities and events, its metrics, paths, timelines and GraphML.

Entities and events are nodes; relations between entities and the roles that tie an event to its
participants are edges. Each node and edge carries the evidence (sentence, document title and URL)
that supports it, so that every answer can be traced back to the articles. Quarantined facts
(`kgr:graph/quarantine`) are left out.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import rdflib
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import KGError
from kg.export import write_atomic
from kg.namespace import ENTITY_CLASSES, EVENT_TYPES, KG_NS, QUARANTINE_GRAPH, RELATIONS, ROLES, slug

EVENT = "Event"
SEED = 42
TOP_EVIDENCE = 5  # evidence sentences kept per node or edge
TOP_SOURCES = 20  # source documents kept per node
BETWEENNESS_EXACT_LIMIT = 2000  # above this many nodes, betweenness is estimated from samples
BETWEENNESS_SAMPLES = 500

_ENTITY_PREDICATES = (*RELATIONS, "versionOf")
_CORE = {"Organization", "Person", "Product", "Place", EVENT}
Index = dict[Any, dict[str, set[Any]]]  # subject -> predicate local name -> objects


class NetworkError(KGError):
    """A question about the network cannot be answered as asked."""


class EntityNotFound(NetworkError):
    """No entity has the given name or alias."""


class NoPath(NetworkError):
    """The two entities are not connected."""

    exit_code = 1


@dataclass(frozen=True)
class Hop:
    """One step of a path: `source` and `target` are node IDs in walking order."""

    source: str
    target: str
    source_label: str
    target_label: str
    predicate: str  # relation local name or event role
    label: str  # human-readable predicate
    forward: bool  # True when the RDF statement points from source to target
    evidence: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class TimelineEntry:
    event: str
    date: str | None
    type: str
    label: str
    status: str | None
    roles: tuple[str, ...]  # the entity's roles in the event
    amount: str | None
    sources: tuple[dict[str, Any], ...]
    evidence: tuple[dict[str, Any], ...]


# --- RDF -> networkx -------------------------------------------------------------------


def _local(term: object) -> str:
    text = str(term)
    return text[len(KG_NS):] if text.startswith(KG_NS) else text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _quads(source: rdflib.Graph) -> Iterator[tuple[Any, Any, Any]]:
    """Every triple of every graph except the quarantine graph."""
    if not hasattr(source, "quads"):  # a plain Graph: one graph, no quarantine to leave out
        yield from source.triples((None, None, None))
        return
    for s, p, o, ctx in source.quads((None, None, None, None)):
        ident = getattr(ctx, "identifier", ctx)
        if ident is not None and str(ident) == QUARANTINE_GRAPH:
            continue
        yield s, p, o


def _index(source: rdflib.Graph) -> Index:
    """subject -> predicate key -> objects; predicates in the kg namespace by local name."""
    index: Index = defaultdict(lambda: defaultdict(set))
    names = {RDF.type: "type", RDFS.label: "label", SKOS.altLabel: "altLabel",
             RDF.subject: "subject", RDF.predicate: "predicate", RDF.object: "object"}
    for s, p, o in _quads(source):
        key = names.get(p)
        if key is None:
            if not str(p).startswith(KG_NS):
                continue
            key = str(p)[len(KG_NS):]
        index[s][key].add(o)
    return index


def predicate_label(name: str) -> str:
    """`developedBy` -> `developed by`."""
    return "".join(" " + c.lower() if c.isupper() else c for c in name).strip()


def _first(values: Iterable[Any]) -> str | None:
    items = sorted(str(v) for v in values)
    return items[0] if items else None


def _best_date(values: Iterable[Any]) -> str | None:
    # Several sources may date an event differently: prefer the most precise, then the earliest.
    dates = sorted({str(v) for v in values}, key=lambda d: (-len(d), d))
    return dates[0] if dates else None


def _amount_text(index: Index, node: Any) -> str | None:
    parts = []
    for amount in sorted(index[node].get("amount", ()), key=str):
        props = index.get(amount, {})
        value, currency = _first(props.get("value", ())), _first(props.get("currency", ()))
        if value is None:
            continue
        ceiling = any(str(v).lower() == "true" for v in props.get("isCeiling", ()))
        try:
            shown = f"{float(value):,.0f}"
        except ValueError:
            shown = value
        parts.append(f"{'up to ' if ceiling else ''}{shown} {currency or ''}".strip())
    return "; ".join(parts) or None


class _Docs:
    """Document metadata by document IRI."""

    def __init__(self, index: Index) -> None:
        self.meta: dict[Any, dict[str, Any]] = {}
        for node, props in index.items():
            if rdflib.URIRef(KG_NS + "Document") in props.get("type", ()):
                self.meta[node] = {
                    "doc": str(node),
                    "title": _first(props.get("title", ())) or str(node),
                    "url": _first(props.get("url", ())),
                    "published": _first(props.get("published", ())),
                }

    def get(self, node: Any) -> dict[str, Any]:
        return self.meta.get(node, {"doc": str(node), "title": str(node), "url": None, "published": None})

    def sources(self, docs: Iterable[Any]) -> list[dict[str, Any]]:
        found = [self.get(d) for d in set(docs)]
        found.sort(key=lambda m: (m["published"] or "", m["doc"]), reverse=True)
        return found[:TOP_SOURCES]


def _evidence(index: Index, docs: _Docs, nodes: Iterable[Any]) -> list[dict[str, Any]]:
    """Evidence records, strongest and newest first, one per (sentence, document)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for ev in nodes:
        props = index.get(ev, {})
        sentence = _first(props.get("sentence", ()))
        if not sentence:
            continue
        doc = docs.get(next(iter(sorted(props.get("fromDocument", ()), key=str)), ev))
        conf = max((float(c) for c in props.get("confidence", ())), default=0.0)
        record = {**doc, "sentence": sentence, "confidence": round(conf, 3)}
        key = (sentence, doc["doc"])
        if key not in found or found[key]["confidence"] < conf:
            found[key] = record
    ranked = sorted(found.values(),
                    key=lambda r: (-r["confidence"], _neg(r["published"]), r["sentence"], r["doc"]))
    return ranked[:TOP_EVIDENCE]


def _neg(text: str | None) -> tuple[int, ...]:
    # Sort newer dates first inside an ascending sort key.
    return tuple(-ord(c) for c in (text or ""))


def _specific(types: Iterable[Any], allowed: Iterable[str]) -> str | None:
    names = {_local(t) for t in types if str(t).startswith(KG_NS)} & set(allowed)
    specific = sorted(names - _CORE)
    if specific:
        return specific[0]
    return sorted(names)[0] if names else None


def to_networkx(source: rdflib.Graph) -> nx.MultiDiGraph:
    """Project a built graph (a Dataset or a plain Graph) onto a MultiDiGraph of entities and events."""
    if not isinstance(source, rdflib.Graph):
        raise NetworkError(f"expected an rdflib Graph or Dataset, got {type(source).__name__}")
    index = _index(source)
    docs = _Docs(index)
    rel_evidence: dict[tuple[Any, str, Any], list[Any]] = defaultdict(list)
    for node, props in index.items():
        if props.get("subject") and props.get("predicate") and props.get("object"):
            for s in props["subject"]:
                for p in props["predicate"]:
                    for o in props["object"]:
                        rel_evidence[(s, _local(p), o)].append(node)

    G = nx.MultiDiGraph()
    for node in sorted(index, key=str):
        props = index[node]
        types = props.get("type", ())
        cls = _specific(types, ENTITY_CLASSES)
        if cls is not None:
            mentioned = props.get("mentionedIn", set())
            counts = [int(c) for c in props.get("mentionCount", ())]
            G.add_node(
                str(node), kind=ENTITY_CLASSES[cls], cls=cls,
                label=_first(props.get("label", ())) or _local(node),
                aliases=sorted({str(a) for a in props.get("altLabel", ())}),
                mentions=max(counts) if counts else len(mentioned),
                sources=docs.sources(mentioned), evidence=[],
            )
            continue
        cls = _specific(types, EVENT_TYPES)
        if cls is None:
            continue
        mentioned = set(props.get("mentionedIn", ()))
        for ev in props.get("evidence", ()):
            mentioned |= index.get(ev, {}).get("fromDocument", set())
        corroborations = [int(c) for c in props.get("corroborations", ())]
        statuses = sorted(_local(s) for s in props.get("status", ()))
        G.add_node(
            str(node), kind=EVENT, cls=cls,
            label=_first(props.get("label", ())) or cls,
            aliases=[], mentions=max(corroborations) if corroborations else len(mentioned),
            date=_best_date(props.get("date", ())),
            dates=sorted({str(d) for d in props.get("date", ())}),
            status=statuses[0] if statuses else None, statuses=statuses,
            amount=_amount_text(index, node), role=_first(props.get("role", ())),
            sources=docs.sources(mentioned),
            evidence=_evidence(index, docs, props.get("evidence", ())),
        )

    for node in list(G.nodes):
        props = index[rdflib.URIRef(node)]
        if G.nodes[node]["kind"] == EVENT:
            evidence = G.nodes[node]["evidence"]
            linked: set[str] = set()
            # kg:participant (the super-property) is used for roles outside the ontology's list.
            for role in (*ROLES, "participant"):
                for target in sorted(props.get(role, ()), key=str):
                    if role == "participant" and str(target) in linked:
                        continue
                    linked.add(str(target))
                    if str(target) in G and G.nodes[str(target)]["kind"] != EVENT:
                        G.add_edge(node, str(target), key=role, predicate=role, label=role, kind="role",
                                   evidence=evidence)
            continue
        for pred in _ENTITY_PREDICATES:
            for target in sorted(props.get(pred, ()), key=str):
                if str(target) not in G or str(target) == node:
                    continue
                ev_nodes = rel_evidence.get((rdflib.URIRef(node), pred, target), [])
                attrs: dict[str, Any] = {"predicate": pred, "label": predicate_label(pred),
                                         "kind": "relation", "evidence": _evidence(index, docs, ev_nodes)}
                roles = sorted({str(r) for e in ev_nodes for r in index[e].get("role", ())})
                if roles:
                    attrs["role"] = "; ".join(roles)
                formers = {str(f).lower() == "true" for e in ev_nodes for f in index[e].get("former", ())}
                if formers:
                    attrs["former"] = all(formers)
                G.add_edge(node, str(target), key=pred, **attrs)

    # An entity's own evidence: the sentences of the relations it takes part in.
    for node in G.nodes:
        if G.nodes[node]["kind"] != EVENT:
            records = [r for _, _, d in G.edges(node, data=True) if d["kind"] == "relation"
                       for r in d["evidence"]]
            records += [r for _, _, d in G.in_edges(node, data=True) for r in d["evidence"]]
            G.nodes[node]["evidence"] = _top_unique(records)
    return G


def _top_unique(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for r in sorted(records, key=lambda r: (-r["confidence"], _neg(r["published"]), r["sentence"], r["doc"])):
        seen.setdefault((r["sentence"], r["doc"]), r)
    return list(seen.values())[:TOP_EVIDENCE]


# --- metrics ---------------------------------------------------------------------------


def simple_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple view; `weight` counts the parallel edges between two nodes."""
    H = nx.Graph()
    H.add_nodes_from(G.nodes)
    for u, v in G.edges():
        if u == v:
            continue
        if H.has_edge(u, v):
            H[u][v]["weight"] += 1
        else:
            H.add_edge(u, v, weight=1)
    return H


def pagerank(H: nx.Graph, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 200) -> dict[str, float]:
    """Weighted PageRank by power iteration (networkx's own needs scipy, which kg does not depend on)."""
    nodes = list(H.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    strength = {u: sum(d.get("weight", 1) for d in H[u].values()) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if strength[u] == 0) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u in nodes:
            if strength[u]:
                share = alpha * rank[u] / strength[u]
                for v, d in H[u].items():
                    new[v] += share * d.get("weight", 1)
        delta = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if delta < n * tol:
            break
    return rank


def communities(H: nx.Graph) -> list[list[str]]:
    """Louvain communities (fixed seed), largest first, each sorted."""
    found = nx.community.louvain_communities(H, weight="weight", seed=SEED) if len(H) else []
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def metrics(G: nx.MultiDiGraph, *, betweenness: bool = True) -> dict[str, Any]:
    """Degree, PageRank, betweenness, Louvain communities and counts by kind and class."""
    H = simple_graph(G)
    result: dict[str, Any] = {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "by_kind": _counts(d["kind"] for _, d in G.nodes(data=True)),
        "by_class": _counts(d["cls"] for _, d in G.nodes(data=True)),
        "by_predicate": _counts(d["predicate"] for _, _, d in G.edges(data=True)),
        "degree": dict(H.degree()),
        "pagerank": pagerank(H),
        "communities": communities(H),
    }
    if betweenness:
        k = BETWEENNESS_SAMPLES if len(H) > BETWEENNESS_EXACT_LIMIT else None
        result["betweenness"] = nx.betweenness_centrality(H, k=k, seed=SEED)
        result["betweenness_sampled"] = k is not None
    return result


def _counts(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for v in values:
        counts[v] += 1
    return dict(sorted(counts.items()))


def top(scores: dict[str, float], n: int = 10, among: Iterable[str] | None = None) -> list[tuple[str, float]]:
    """The n highest scores (ties by node ID), optionally among some nodes only."""
    keep = set(among) if among is not None else None
    items = [(k, v) for k, v in scores.items() if keep is None or k in keep]
    return sorted(items, key=lambda kv: (-kv[1], kv[0]))[:n]


# --- lookup, paths, timelines --------------------------------------------------------------


def find_node(G: nx.MultiDiGraph, name: str, *, events: bool = False) -> str:
    """The node whose IRI, label or alias is `name` (case-insensitive).

    Raises EntityNotFound, naming the close matches, when there is none.
    """
    if name in G:
        return name
    wanted = name.casefold().strip()
    exact: list[str] = []
    loose: list[str] = []
    names: dict[str, str] = {}
    for node, data in G.nodes(data=True):
        if data["kind"] == EVENT and not events:
            continue
        forms = [data["label"], *data.get("aliases", ())]
        for form in forms:
            names.setdefault(form.casefold(), data["label"])
        if wanted in (f.casefold() for f in forms):
            exact.append(node)
        elif slug(name) in (slug(f) for f in forms):
            loose.append(node)
    hits = exact or loose
    if hits:
        # The same name may denote several things (a company and its product): take the best known.
        return sorted(hits, key=lambda n: (-G.nodes[n]["mentions"], -G.degree(n), n))[0]
    close = difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.6)
    close += [k for k in sorted(names) if wanted and wanted in k and k not in close][: 5 - len(close)]
    hint = f"; close matches: {', '.join(sorted({names[c] for c in close}))}" if close else ""
    what = "entity or event" if events else "entity"
    raise EntityNotFound(f"no {what} named {name!r} in the graph{hint}")


def _hop(G: nx.MultiDiGraph, u: str, v: str) -> Hop:
    options = [(True, d) for d in G.get_edge_data(u, v, default={}).values()]
    options += [(False, d) for d in G.get_edge_data(v, u, default={}).values()]
    forward, data = sorted(options, key=lambda o: (-len(o[1]["evidence"]), o[1]["predicate"], not o[0]))[0]
    return Hop(source=u, target=v, source_label=G.nodes[u]["label"], target_label=G.nodes[v]["label"],
               predicate=data["predicate"], label=data["label"], forward=forward,
               evidence=tuple(data["evidence"]))


def path(G: nx.MultiDiGraph, a: str, b: str) -> list[Hop]:
    """How two entities are connected: the shortest path over the undirected view, hop by hop."""
    source, target = find_node(G, a), find_node(G, b)
    H = simple_graph(G)
    try:
        nodes = nx.shortest_path(H, source, target)
    except nx.NetworkXNoPath:
        names = f"{G.nodes[source]['label']!r} and {G.nodes[target]['label']!r}"
        raise NoPath(f"{names} are not connected") from None
    return [_hop(G, u, v) for u, v in zip(nodes, nodes[1:], strict=False)]


def timeline(source: nx.MultiDiGraph | rdflib.Graph, entity: str) -> list[TimelineEntry]:
    """The entity's events in date order (undated last), each with its sources."""
    G = source if isinstance(source, nx.MultiDiGraph) else to_networkx(source)
    node = find_node(G, entity)
    roles: dict[str, list[str]] = defaultdict(list)
    for event, _, data in G.in_edges(node, data=True):
        if G.nodes[event]["kind"] == EVENT:
            roles[event].append(data["predicate"])
    entries = []
    for event, event_roles in roles.items():
        d = G.nodes[event]
        entries.append(TimelineEntry(
            event=event, date=d.get("date"), type=d["cls"], label=d["label"], status=d.get("status"),
            roles=tuple(sorted(event_roles)), amount=d.get("amount"), sources=tuple(d["sources"]),
            evidence=tuple(d["evidence"]),
        ))

    def key(e: TimelineEntry) -> tuple[bool, str, str, str]:
        reported = min((s["published"] or "" for s in e.sources), default="")
        return (e.date is None, e.date or reported, e.label, e.event)

    return sorted(entries, key=key)


# --- GraphML ------------------------------------------------------------------------------


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    """GraphML holds scalars only: lists become ' | '-joined text, evidence its sentences and URLs."""
    flat: dict[str, Any] = {}
    for key, value in sorted(attrs.items()):
        if value is None:
            continue
        if key in ("evidence", "sources"):
            if key == "evidence":
                flat["evidence"] = " | ".join(r["sentence"] for r in value)
            flat[f"{key}_urls"] = " ".join(sorted({r["url"] for r in value if r.get("url")}))
            flat[f"{key}_titles"] = " | ".join(sorted({r["title"] for r in value}))
        elif isinstance(value, list | tuple):
            flat[key] = " | ".join(str(v) for v in value)
        elif isinstance(value, bool | int | float | str):
            flat[key] = value
        else:
            flat[key] = str(value)
    return flat


def to_graphml(G: nx.MultiDiGraph, target: Path | str, *, with_metrics: bool = True) -> Path:
    """Write G as GraphML for Gephi or Cytoscape (atomically); adds degree, PageRank and community."""
    target = Path(target)
    out = nx.MultiDiGraph()
    extra: dict[str, dict[str, Any]] = defaultdict(dict)
    if with_metrics and len(G):
        H = simple_graph(G)
        for node, value in pagerank(H).items():
            extra[node]["pagerank"] = round(value, 8)
        for node, value in H.degree():
            extra[node]["degree"] = int(value)
        for i, members in enumerate(communities(H)):
            for node in members:
                extra[node]["community"] = i
    for node, data in G.nodes(data=True):
        out.add_node(node, **_flat({**data, **extra[node]}))
    for u, v, key, data in G.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **_flat(data))
    lines = nx.generate_graphml(out, encoding="utf-8", prettyprint=True)
    write_atomic(target, (line + "\n" for line in lines))
    return target
