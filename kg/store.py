"""The embedded pyoxigraph store, and the one interface it shares with remote SPARQL endpoints.

rdflib stays the API for building graphs; this module moves them into pyoxigraph, which answers the
query library far faster. Every document keeps its own named graph, and queries read the union of
the named graphs as their default graph (`use_default_graph_as_union`).

Replacing graphs: when none of a batch's graphs is in the store yet, the batch goes in with
`Store.load` of N-Quads (one transaction); when some are, it goes in with one SPARQL Update
`DROP SILENT GRAPH <g> ; ... INSERT DATA { GRAPH <g> { ... } ... }`, which oxigraph also applies in
one transaction, so a changed document's graph is replaced, never duplicated or left half-written.
Measured on 100k quads in 500 graphs: rdflib -> N-Quads text 0.8 s, `load` 1.9 s, the same quads as
`INSERT DATA` 2.9 s, rdflib terms -> pyoxigraph `Quad` objects + `extend` about the same as `load`
but with more Python work; hence `load` for new graphs and the update only where a graph is replaced.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.namespace import LINKS_GRAPH, QUARANTINE_GRAPH

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
BATCH_QUADS = 50_000  # quads per transaction when replacing graphs

# File suffix -> pyoxigraph format, for data files given to `kg query --data`.
DATA_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
}

Term = URIRef | Literal | BNode


@dataclass(frozen=True)
class QueryResult:
    """The answer to a SELECT (or ASK: one row with `?ask`): variable names and rows of rdflib terms."""

    vars: list[str]
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.vars, row, strict=True)) for row in self.rows]


class SparqlSource(Protocol):
    """What `kg.query` needs from a place that holds a graph: the embedded store or an endpoint."""

    def select(self, query: str) -> QueryResult: ...

    def describe(self) -> str: ...


# --- terms -----------------------------------------------------------------------------------


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot store the RDF term {term!r}")


def from_ox(term: object) -> Term | None:
    """A pyoxigraph term as an rdflib term; xsd:string literals become plain literals."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt in (XSD_STRING, RDF_LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=dt)
    raise StoreError(f"unsupported RDF term in a result: {term!r}")


# --- opening -----------------------------------------------------------------------------------


def open_store(path: str | Path) -> ox.Store:
    """Open (creating it if needed) the on-disk store at `path` for reading and writing."""
    p = Path(path)
    try:
        p.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(p))
    except OSError as exc:
        raise StoreError(f"{p}: cannot open the store ({exc}); is another kg process using it?") from exc


def open_store_read_only(path: str | Path) -> ox.Store:
    """Open an existing on-disk store for queries only."""
    p = Path(path)
    if not (p / "CURRENT").is_file():
        raise StoreError(f"{p}: no store here; run `kg build ... --out` first or pass --data FILE")
    try:
        return ox.Store.read_only(str(p))
    except OSError as exc:
        raise StoreError(f"{p}: cannot open the store read-only ({exc})") from exc


def load_file(path: str | Path, store: ox.Store | None = None) -> ox.Store:
    """Load an RDF file (ttl, trig, jsonld, nt, nq) into `store` (default: a new in-memory store).

    Triples of triple-only formats go into a named graph named after the file, so that the union
    default graph sees them like any document graph.
    """
    p = Path(path)
    fmt = DATA_FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise StoreError(f"{p}: unknown RDF format; use one of {', '.join(sorted(DATA_FORMATS))}")
    if not p.is_file():
        raise StoreError(f"{p}: no such file")
    target = store if store is not None else ox.Store()
    to_graph = None if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD) else \
        ox.NamedNode(p.resolve().as_uri())
    try:
        target.load(path=str(p), format=fmt, to_graph=to_graph)
    except SyntaxError as exc:
        raise StoreError(f"{p}: not valid {fmt.name}: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise StoreError(f"{p}: cannot load: {exc}") from exc
    return target


# --- writing -----------------------------------------------------------------------------------

GraphName = str | None  # None is the default graph
GraphsInput = rdflib.Dataset | rdflib.ConjunctiveGraph | Mapping[str, Graph] | Iterable[Graph]


def _name_key(pair: tuple[GraphName, Graph]) -> str:
    return pair[0] or ""


def named_graphs(data: GraphsInput) -> list[tuple[GraphName, Graph]]:
    """(graph IRI, graph) pairs of a Dataset, a mapping IRI -> Graph or graphs with identifiers.

    A Dataset's empty default graph is left out; a non-empty one is named None.
    """
    if isinstance(data, rdflib.ConjunctiveGraph):  # Dataset is a ConjunctiveGraph
        pairs: list[tuple[GraphName, Graph]] = []
        for g in data.contexts():
            name = None if g.identifier == DATASET_DEFAULT_GRAPH_ID else str(g.identifier)
            if name is None and len(g) == 0:
                continue
            pairs.append((name, g))
        return sorted(pairs, key=_name_key)
    if isinstance(data, Mapping):
        return sorted(((str(k), v) for k, v in data.items()), key=_name_key)
    out = []
    for g in data:
        if not isinstance(g.identifier, URIRef):
            raise StoreError(f"graph {g.identifier!r} has no IRI; every stored graph must be named")
        out.append((str(g.identifier), g))
    return sorted(out, key=_name_key)


def _ntriples(g: Graph) -> str:
    try:
        text = g.serialize(format="nt", encoding="utf-8")
    except Exception as exc:  # rdflib raises a bare Exception for an IRI it cannot write
        raise StoreError(f"graph <{g.identifier}> cannot be written as N-Triples: {exc}") from exc
    return text.decode("utf-8") if isinstance(text, bytes) else str(text)


def _graph_ref(name: GraphName) -> str:
    return "DEFAULT" if name is None else f"GRAPH {URIRef(name).n3()}"


Pairs = list[tuple[GraphName, Graph]]


def _batches(pairs: Sequence[tuple[GraphName, Graph]], budget: int) -> Iterator[Pairs]:
    batch: list[tuple[GraphName, Graph]] = []
    size = 0
    for pair in pairs:
        n = len(pair[1])
        if batch and size + n > budget:
            yield batch
            batch, size = [], 0
        batch.append(pair)
        size += n
    if batch:
        yield batch


def replace_graphs(
    store: ox.Store,
    data: GraphsInput,
    *,
    keep_only: bool = False,
    keep: Iterable[str] = (LINKS_GRAPH,),
    batch_quads: int = BATCH_QUADS,
) -> int:
    """Replace each named graph of `data` in `store` with its new content; returns how many were written.

    With `keep_only`, named graphs in the store that `data` does not hold are removed too (documents
    gone from the corpus), except those in `keep` (the Wikidata links, which `kg link` writes).
    """
    pairs = named_graphs(data)
    existing = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    has_default = bool(next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None))
    try:
        for batch in _batches(pairs, batch_quads):
            fresh = all((name not in existing) if name is not None else not has_default for name, _ in batch)
            if fresh:
                _load_batch(store, batch)
            else:
                _update_batch(store, batch)
        if keep_only:
            wanted = {name for name, _ in pairs if name is not None} | set(keep)
            remove_graphs(store, sorted(existing - wanted))
        store.flush()  # so that read-only openers and backups see the new state at once
    except (OSError, SyntaxError, ValueError) as exc:
        raise StoreError(f"cannot write to the store: {exc}") from exc
    return len(pairs)


def _load_batch(store: ox.Store, batch: list[tuple[GraphName, Graph]]) -> None:
    lines: list[str] = []
    for name, g in batch:
        suffix = "" if name is None else f" {URIRef(name).n3()}"
        for line in _ntriples(g).splitlines():
            if line.endswith(" ."):
                lines.append(f"{line[:-2]}{suffix} .")
    if lines:
        store.load("\n".join(lines) + "\n", format=ox.RdfFormat.N_QUADS)


def _update_batch(store: ox.Store, batch: list[tuple[GraphName, Graph]]) -> None:
    drops = [f"DROP SILENT {_graph_ref(name)} ;" for name, _ in batch]
    blocks = []
    for name, g in batch:
        body = _ntriples(g)
        blocks.append(body if name is None else f"{_graph_ref(name)} {{\n{body}}}\n")
    store.update("\n".join(drops) + "\nINSERT DATA {\n" + "".join(blocks) + "}")


def remove_graphs(store: ox.Store, graph_iris: Iterable[str]) -> int:
    """Remove named graphs (their quads and their names); returns how many there were."""
    n = 0
    for iri in graph_iris:
        node = ox.NamedNode(str(iri))
        if store.contains_named_graph(node):
            store.remove_graph(node)
            n += 1
    if n:
        store.flush()
    return n


def store_quad_count(store: ox.Store) -> int:
    """Number of quads in the store, over all graphs."""
    return len(store)


def graph_names(store: ox.Store) -> list[str]:
    """IRIs of the store's named graphs, sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def server_location(data: str | Path, target: str | Path) -> Path:
    """A store at `target` for a SPARQL server: a copy of the built store of `data` (a `kg build`
    folder), else `data`'s graph file loaded; without the quarantine graph, so that the server's
    union default graph holds what the embedded store's queries see."""
    target = Path(target)
    kind, path = find_data(data)
    if kind == "store":
        copy_store(path, target)
        store = open_store(target)
    else:
        store = open_store(target)
        load_file(path, store)
    remove_graphs(store, [QUARANTINE_GRAPH])
    store.flush()
    del store  # release the lock before the server opens the folder
    return target


def copy_store(source: str | Path, target: str | Path) -> None:
    """A consistent copy of an on-disk store (hard links where the file system allows)."""
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    try:
        try:
            origin = ox.Store(str(source))  # read-write sees everything written, flushed or not
        except OSError:  # another process holds it: a read-only copy sees what it has flushed
            origin = open_store_read_only(source)
        origin.backup(str(target))
    except OSError as exc:
        raise StoreError(f"{source}: cannot copy the store to {target}: {exc}") from exc


# --- querying ----------------------------------------------------------------------------------


def select_store(store: ox.Store, query: str, *, union: bool = True) -> QueryResult:
    """Run a SELECT or ASK query on a pyoxigraph store; syntax errors become QueryError.

    With `union`, the default graph is the union of the named graphs except the quarantine graph:
    facts that failed validation stay out of the answers.
    """
    held = ox.NamedNode(QUARANTINE_GRAPH)
    options: dict[str, object] = {}
    if union and store.contains_named_graph(held):
        options["default_graph"] = [g for g in store.named_graphs() if g != held]
    elif union:
        options["use_default_graph_as_union"] = True
    try:
        answer = store.query(query, **options)  # type: ignore[arg-type]
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"the query failed: {exc}") from exc
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(["ask"], [(Literal(bool(answer)),)])
    if isinstance(answer, ox.QuerySolutions):
        names = [v.value for v in answer.variables]
        rows = [tuple(from_ox(sol[name]) for name in names) for sol in answer]
        return QueryResult(names, rows)
    raise QueryError("only SELECT and ASK queries are supported here (CONSTRUCT/DESCRIBE give triples)")


class LocalSource:
    """An embedded pyoxigraph store (on disk or in memory) behind the SparqlSource interface."""

    def __init__(self, store: ox.Store, where: str = "in-memory store") -> None:
        self.store = store
        self.where = where

    def select(self, query: str) -> QueryResult:
        return select_store(self.store, query)

    def describe(self) -> str:
        return self.where


GRAPH_FILES = ("graph.trig", "graph.nq", "graph.jsonld", "graph.ttl")


def find_data(data: str | Path) -> tuple[str, Path]:
    """("store", path) or ("file", path) for `--data`: a `kg build` folder (its store, else its graph
    file) or an RDF file."""
    p = Path(data)
    if p.is_dir():
        store_dir = p / ".kg" / "store"
        if (store_dir / "CURRENT").is_file():
            return "store", store_dir
        for name in GRAPH_FILES:
            if (p / name).is_file():
                return "file", p / name
        raise StoreError(f"{p}: neither a store (.kg/store) nor graph.trig here; run `kg build` first")
    if p.is_file():
        return "file", p
    raise StoreError(f"{p}: no such file or folder; run `kg build` first or pass --data")


def open_data(data: str | Path) -> LocalSource:
    """The graph behind `--data`, ready for queries (a file is loaded into an in-memory store)."""
    kind, path = find_data(data)
    if kind == "store":
        return LocalSource(open_store_read_only(path), f"store {path}")
    return LocalSource(load_file(path), str(path))
