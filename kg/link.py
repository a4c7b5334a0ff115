"""Link entities to Wikidata: owl:sameAs to the item when exactly one compatible item carries the name.

Names are looked up on a SPARQL endpoint (default: the Wikidata Query Service) in batches, one
VALUES block of English names per request, and every answer, empty ones included, is cached in
`<out>/.kg/wikidata-cache.json`, so a second run asks only about new names. An item is compatible
when its class (P31, or a superclass through P279) is of the entity's kind (business or organization
for an organization, human for a person, software or product for a product, a geographic location
for a place) and, for a product, when one of its developers (P178) has the name of an organization
the graph says develops the product. The entity's label is tried first, then its aliases; a name
that fits several items links nothing. The links go to the named graph kgr:graph/links of the
store and of the exports, and to links.ttl, from which a later `kg build` into the folder merges
them into the exports it writes again. When the endpoint cannot be reached nothing is written: the
report says so.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import OWL, Graph, Literal, URIRef

from kg.errors import EndpointError, StoreError
from kg.namespace import KGR_NS, LINKS_GRAPH
from kg.query import bind_rows, load_query, queries_dir
from kg.remote import USER_AGENT, Endpoint
from kg.store import QueryResult, SparqlSource, open_data, open_store, replace_graphs

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
CACHE_FILE = Path(".kg") / "wikidata-cache.json"
CACHE_VERSION = 1
KINDS = ("org", "person", "product", "place")


@dataclass(frozen=True)
class Target:
    """One entity of the graph as the linker sees it."""

    iri: str
    kind: str
    label: str
    aliases: tuple[str, ...] = ()
    developers: tuple[str, ...] = ()  # names of the organizations that develop a product


@dataclass(frozen=True)
class Candidate:
    item: str
    kind: str
    developers: tuple[str, ...] = ()


@dataclass
class LinkReport:
    entities: int = 0
    names_asked: int = 0
    names_cached: int = 0
    links: dict[str, str] = field(default_factory=dict)  # entity IRI -> Wikidata item IRI
    ambiguous: dict[str, list[str]] = field(default_factory=dict)
    offline: str | None = None  # why the endpoint could not be used
    written: list[str] = field(default_factory=list)


def user_agent() -> str:
    """Wikidata's policy asks for a descriptive User-Agent with a way to reach the operator."""
    contact = os.environ.get("KG_CONTACT")
    return USER_AGENT.replace("kg knowledge graph tool", contact) if contact else USER_AGENT


def _kind(iri: str) -> str | None:
    if not iri.startswith(KGR_NS):
        return None
    segment = iri[len(KGR_NS):].split("/", 1)[0]
    return segment if segment in KINDS else None


def targets(source: SparqlSource) -> list[Target]:
    """Entities of the graph with their names and, for products, their developers' names."""
    text = load_query(queries_dir() / "link" / "entities.rq").text
    result = source.select(text)
    labels: dict[str, str] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    devs: dict[str, set[str]] = defaultdict(set)
    for rec in result.records():
        iri = str(rec["entity"])
        labels.setdefault(iri, str(rec["label"]))
        if rec.get("alias") is not None:
            aliases[iri].add(str(rec["alias"]))
        if rec.get("developerName") is not None:
            devs[iri].add(str(rec["developerName"]))
    out = []
    for iri in sorted(labels):
        kind = _kind(iri)
        if kind is None:
            continue
        out.append(Target(iri, kind, labels[iri], tuple(sorted(aliases[iri] - {labels[iri]})),
                          tuple(sorted(devs[iri]))))
    return out


# --- the cache ----------------------------------------------------------------------------------


class Cache:
    """Endpoint URL -> name -> candidates, on disk as JSON."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, dict[str, list[dict[str, Any]]]] = {}
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(raw, dict) and raw.get("version") == CACHE_VERSION:
                self.data = raw.get("endpoints", {})
        except (OSError, ValueError):
            pass  # no cache yet, or an unreadable one: start afresh

    def get(self, endpoint: str, name: str) -> list[Candidate] | None:
        hits = self.data.get(endpoint, {}).get(name)
        if hits is None:
            return None
        return [Candidate(h["item"], h["kind"], tuple(h.get("developers", ()))) for h in hits]

    def put(self, endpoint: str, name: str, candidates: Iterable[Candidate]) -> None:
        self.data.setdefault(endpoint, {})[name] = [
            {"item": c.item, "kind": c.kind, "developers": list(c.developers)} for c in candidates
        ]

    def save(self) -> None:
        from kg.pipeline import atomic_write_text

        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, json.dumps({"version": CACHE_VERSION, "endpoints": self.data},
                                                ensure_ascii=False, sort_keys=True, indent=1))


# --- looking up ---------------------------------------------------------------------------------


def parse_candidates(result: QueryResult) -> dict[str, list[Candidate]]:
    """Rows of wikidata-candidates.rq grouped by name, one Candidate per (item, kind)."""
    found: dict[str, dict[tuple[str, str], set[str]]] = defaultdict(lambda: defaultdict(set))
    for rec in result.records():
        name, item, kind = rec.get("name"), rec.get("item"), rec.get("kind")
        if name is None or item is None or kind is None:
            continue
        devs = found[str(name)][(str(item), str(kind))]
        if rec.get("developerName") is not None:
            devs.add(str(rec["developerName"]))
    return {name: [Candidate(i, k, tuple(sorted(d))) for (i, k), d in sorted(items.items())]
            for name, items in found.items()}


Found = dict[str, list[Candidate]]


def lookup(endpoint: SparqlSource, names: Sequence[str], batch_size: int = 40,
           on_batch: Callable[[Found], None] | None = None) -> Found:
    """Candidates for each name, asking the endpoint `batch_size` names at a time."""
    text = load_query(queries_dir() / "link" / "wikidata-candidates.rq").text
    out: dict[str, list[Candidate]] = {}
    for i in range(0, len(names), batch_size):
        batch = names[i:i + batch_size]
        query = bind_rows(text, ["name"], [[Literal(n, lang="en")] for n in batch])
        found = parse_candidates(endpoint.select(query))
        answer = {n: found.get(n, []) for n in batch}
        out.update(answer)
        if on_batch:
            on_batch(answer)
    return out


def choose(target: Target, candidates: dict[str, list[Candidate]]) -> tuple[str | None, list[str]]:
    """The one compatible item for `target` (label first, then aliases), and the items in doubt."""
    wanted_devs = {d.casefold() for d in target.developers}

    def fits(c: Candidate) -> bool:
        if c.kind != target.kind:
            return False
        if target.kind == "product":
            return bool(wanted_devs & {d.casefold() for d in c.developers})
        return True

    doubt: list[str] = []
    for names in ([target.label], list(target.aliases)):
        items = sorted({c.item for n in names for c in candidates.get(n, []) if fits(c)})
        if len(items) == 1:
            return items[0], []
        if len(items) > 1:
            doubt = items
            break
    return None, doubt


def links_graph(links: dict[str, str]) -> Graph:
    g = Graph(identifier=URIRef(LINKS_GRAPH))
    for entity, item in sorted(links.items()):
        g.add((URIRef(entity), OWL.sameAs, URIRef(item)))
    return g


def link(out_dir: str | Path, endpoint: SparqlSource | str | None = None, *, batch_size: int = 40,
         refresh: bool = False) -> LinkReport:
    """Link the entities of the graph in `out_dir` to Wikidata; see the module docstring."""
    out = Path(out_dir)
    store_dir = out / ".kg" / "store"
    if endpoint is None or isinstance(endpoint, str):
        endpoint = Endpoint(endpoint or WIKIDATA_SPARQL, timeout=60, retries=2, user_agent=user_agent())
    key = endpoint.describe()

    report = LinkReport()
    found = targets(open_data(out))  # read-only; the store is opened for writing only at the end
    report.entities = len(found)
    cache = Cache(out / CACHE_FILE)
    names = sorted({n for t in found for n in (t.label, *t.aliases)})
    known: dict[str, list[Candidate]] = {}
    ask: list[str] = []
    for n in names:
        hit = None if refresh else cache.get(key, n)
        if hit is None:
            ask.append(n)
        else:
            known[n] = hit
    report.names_cached = len(known)

    def keep(answer: dict[str, list[Candidate]]) -> None:
        for n, cands in answer.items():
            cache.put(key, n, cands)

    try:
        known.update(lookup(endpoint, ask, batch_size, on_batch=keep))
        report.names_asked = len(ask)
    except EndpointError as exc:
        report.offline = str(exc)
    finally:
        if ask:
            cache.save()
    if report.offline:
        return report

    for t in found:
        item, doubt = choose(t, known)
        if item:
            report.links[t.iri] = item
        elif doubt:
            report.ambiguous[t.iri] = doubt
    graph = links_graph(report.links)
    if (store_dir / "CURRENT").is_file():
        store = open_store(store_dir)
        replace_graphs(store, [graph])
        del store  # release the lock now, not when the garbage collector gets to it
        report.written.append(str(store_dir))
    report.written.extend(str(p) for p in write_link_exports(out, graph))
    return report


def saved_links(out_dir: str | Path) -> Graph | None:
    """The links `kg link` saved in `out_dir/links.ttl`, as the links graph; None when there are none.

    `kg build` merges them into the exports it writes, as the store keeps its links graph, so a
    rebuild does not drop them. A file that cannot be read raises StoreError naming it."""
    path = Path(out_dir) / "links.ttl"
    if not path.is_file():
        return None
    graph = Graph(identifier=URIRef(LINKS_GRAPH))
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser-specific types
        raise StoreError(f"{path}: cannot read the saved Wikidata links: {exc}; run `kg link` again "
                         f"or delete the file") from exc
    return graph


def write_link_exports(out: Path, graph: Graph) -> list[Path]:
    """links.ttl, plus the links graph merged into the exports `kg build` wrote (graph.trig ...)."""
    from kg.export import write_exports, write_turtle

    written = [write_turtle(graph, out / "links.ttl")]
    formats = tuple(f for f in ("ttl", "trig", "jsonld") if (out / f"graph.{f}").is_file())
    source = next((out / f"graph.{f}" for f in ("trig", "jsonld", "ttl") if f in formats), None)
    if source is None or source.suffix == ".ttl":  # a Turtle file has lost the named graphs
        return written
    from kg.summary import load_dataset

    try:
        ds = load_dataset(source)
    except StoreError:
        return written
    ds.remove_graph(ds.graph(URIRef(LINKS_GRAPH)))
    ctx = ds.graph(URIRef(LINKS_GRAPH))
    ctx.addN((s, p, o, ctx) for s, p, o in graph)
    written.extend(write_exports(ds, out, formats=formats).values())
    return written
