"""The embedded pyoxigraph store, and the one interface it shares with remote SPARQL endpoints.

rdflib stays the API for building graphs; this module moves them into pyoxigraph, which answers the
query library far faster. Every document keeps its own named graph, and the store's default graph
is kept equal to the union of the named graphs except the quarantine graph: queries read it. The
union is materialised, not pyoxigraph's `use_default_graph_as_union`, because that union is a bag
(a triple stated by 300 documents is matched 300 times), which multiplies rows and makes joins on
widely repeated triples (an entity's label and type) explode: co-mentioned over 8 copies of the
test graph took 124 ms as a bag and grew fivefold per doubling; a `default_graph=[...]` list of
graphs is a set but was slower still. A materialised union costs a second copy of each triple.

Replacing graphs: a graph already stored with the same triples is skipped. When none of a batch's
graphs is in the store yet, the batch goes in with `Store.load` of N-Quads (one transaction); when
some are, with one SPARQL Update `DROP SILENT GRAPH <g> ; ... INSERT DATA { GRAPH <g> { ... } ... }`,
also one transaction, so a changed document's graph is replaced, never duplicated or half-written.
Both add the triples to the default graph in the same transaction; after a replacement or removal,
one update drops from the default graph what no named graph holds any more.
Measured on 100k quads in 500 graphs: rdflib -> N-Quads text 0.8 s, `load` 1.9 s, the same quads as
`INSERT DATA` 2.9 s, rdflib terms -> pyoxigraph `Quad` objects + `extend` about the same as `load`
but with more Python work; hence `load` for new graphs and the update only where a graph is replaced.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

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
OUTSIDE_UNION = (QUARANTINE_GRAPH,)  # named graphs whose triples stay out of the default graph

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

    Triples of triple-only formats go into a named graph named after the file, and the default
    graph becomes the union of the named graphs, as in a store `kg build` wrote.
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
        rebuild_union(target)
    except SyntaxError as exc:
        raise StoreError(f"{p}: not valid {fmt.name}: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise StoreError(f"{p}: cannot load: {exc}") from exc
    return target


# --- writing -----------------------------------------------------------------------------------

GraphsInput = rdflib.Dataset | rdflib.ConjunctiveGraph | Mapping[str, Graph] | Iterable[Graph]


def _name_key(pair: tuple[str, Graph]) -> str:
    return pair[0]


def named_graphs(data: GraphsInput) -> list[tuple[str, Graph]]:
    """(graph IRI, graph) pairs of a Dataset, a mapping IRI -> Graph or graphs with identifiers.

    A Dataset's default graph must be empty: the store keeps its own default graph for the union.
    """
    if isinstance(data, rdflib.ConjunctiveGraph):  # Dataset is a ConjunctiveGraph
        pairs: list[tuple[str, Graph]] = []
        for g in data.graphs() if isinstance(data, rdflib.Dataset) else data.contexts():
            if g.identifier == DATASET_DEFAULT_GRAPH_ID:
                if len(g):
                    raise StoreError(f"{len(g)} triples are in the dataset's default graph; the store "
                                     "keeps its default graph for the union: put them in a named graph")
                continue
            pairs.append((str(g.identifier), g))
        return sorted(pairs, key=_name_key)
    if isinstance(data, Mapping):
        return sorted(((str(k), v) for k, v in data.items()), key=_name_key)
    out = []
    for g in data:
        if not isinstance(g.identifier, URIRef):
            raise StoreError(f"graph {g.identifier!r} has no IRI; every stored graph must be named")
        out.append((str(g.identifier), g))
    return sorted(out, key=_name_key)


OxTriple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal]


def graph_triples(data: GraphsInput) -> dict[str, list[OxTriple]]:
    """Graph IRI -> its triples as pyoxigraph terms (ValueError for a term pyoxigraph refuses).

    A Dataset is read in one pass over its quads (rdflib is several times slower reading graph by
    graph); each distinct term is converted once."""
    cache: dict[Node, Any] = {}

    def ox_term(term: Node) -> Any:
        hit = cache.get(term)
        if hit is None:
            hit = cache[term] = to_ox(term)
        return hit

    out: dict[str, list[OxTriple]] = {}
    if isinstance(data, rdflib.ConjunctiveGraph):
        named_graphs(data)  # refuses triples in the dataset's default graph
        for g in data.graphs() if isinstance(data, rdflib.Dataset) else data.contexts():
            if g.identifier != DATASET_DEFAULT_GRAPH_ID:
                out.setdefault(str(g.identifier), [])
        for s, p, o, ctx in data.quads((None, None, None, None)):
            name = str(ctx.identifier if isinstance(ctx, Graph) else ctx)
            if name != str(DATASET_DEFAULT_GRAPH_ID):
                out[name].append((ox_term(s), ox_term(p), ox_term(o)))
        return out
    for name, g in named_graphs(data):
        out[name] = [(ox_term(s), ox_term(p), ox_term(o)) for s, p, o in g]
    return out


def _batches(graphs: dict[str, list[OxTriple]], names: Sequence[str], budget: int) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for name in names:
        n = len(graphs[name])
        if batch and size + n > budget:
            yield batch
            batch, size = [], 0
        batch.append(name)
        size += n
    if batch:
        yield batch


def _unchanged(store: ox.Store, name: str, triples: list[OxTriple]) -> bool:
    """Whether the store's graph `name` holds exactly `triples` (then it need not be written)."""
    node = ox.NamedNode(name)
    stored = {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, node)}
    return len(stored) == len(set(triples)) and stored == set(triples)


def replace_graphs(
    store: ox.Store,
    data: GraphsInput,
    *,
    keep_only: bool = False,
    keep: Iterable[str] = (LINKS_GRAPH,),
    batch_quads: int = BATCH_QUADS,
) -> int:
    """Replace each named graph of `data` in `store` with its new content; returns how many were written.

    A graph whose content is already in the store is left alone, so a rebuild after a few changed
    documents rewrites only their graphs. With `keep_only`, named graphs in the store that `data`
    does not hold are removed too (documents gone from the corpus), except those in `keep` (the
    Wikidata links, which `kg link` writes). The store's default graph stays the union (a set) of
    the named graphs but the quarantine graph (see the module docstring).
    """
    try:
        graphs = graph_triples(data)
    except ValueError as exc:  # pyoxigraph refuses a malformed IRI or language tag
        raise StoreError(f"cannot store the data: {exc}") from exc
    existing = set(graph_names(store))
    todo = [name for name in sorted(graphs)
            if name not in existing or not _unchanged(store, name, graphs[name])]
    try:
        for batch in _batches(graphs, todo, batch_quads):
            if any(name in existing for name in batch):
                _update_batch(store, graphs, batch)
            else:
                _load_batch(store, graphs, batch)
        stale = any(name in existing for name in todo)
        if keep_only:
            wanted = set(graphs) | set(keep)
            stale = remove_graphs(store, sorted(existing - wanted), prune=False) > 0 or stale
        if stale:
            prune_union(store)
        elif existing and not _has_default(store):
            rebuild_union(store)  # a store written before the union was kept
        store.flush()  # so that read-only openers and backups see the new state at once
    except (OSError, SyntaxError, ValueError) as exc:
        raise StoreError(f"cannot write to the store: {exc}") from exc
    return len(todo)


def _in_union(name: str) -> bool:
    return name not in OUTSIDE_UNION


def _load_batch(store: ox.Store, graphs: dict[str, list[OxTriple]], batch: list[str]) -> None:
    """New graphs: one atomic `extend` with each triple in its graph and in the default graph."""
    default = ox.DefaultGraph()
    quads: list[ox.Quad] = []
    for name in batch:
        node = ox.NamedNode(name)
        union = _in_union(name)
        for s, p, o in graphs[name]:
            quads.append(ox.Quad(s, p, o, node))
            if union:
                quads.append(ox.Quad(s, p, o, default))
    store.extend(quads)


def _update_batch(store: ox.Store, graphs: dict[str, list[OxTriple]], batch: list[str]) -> None:
    """Graphs some of which exist: one SPARQL Update that drops and rewrites them all."""
    drops = [f"DROP SILENT GRAPH {ox.NamedNode(name)} ;" for name in batch]
    blocks = []
    for name in batch:
        body = "".join(f"{s} {p} {o} .\n" for s, p, o in graphs[name])  # pyoxigraph terms print as N-Triples
        blocks.append(f"GRAPH {ox.NamedNode(name)} {{\n{body}}}\n")
        if _in_union(name):
            blocks.append(body)
    store.update("\n".join(drops) + "\nINSERT DATA {\n" + "".join(blocks) + "}")


def _outside_union_filter() -> str:
    return ", ".join(URIRef(g).n3() for g in OUTSIDE_UNION)


def refresh_union_update() -> str:
    """One SPARQL Update that makes a dataset's default graph the union of its named graphs but
    quarantine: drop what no such graph holds, add what is missing (for a remote server)."""
    outside = _outside_union_filter()
    return ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(?g NOT IN ({outside})) }} }} ;\n"
            f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({outside})) }}")


def prune_union(store: ox.Store) -> None:
    """Drop from the default graph the triples that no named graph in the union holds any more."""
    store.update("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } "
                 f"FILTER(?g NOT IN ({_outside_union_filter()})) }} }}")


def rebuild_union(store: ox.Store) -> None:
    """Make the default graph the union of the named graphs but the quarantine graph, in one update."""
    store.update("DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } "
                 f"FILTER(?g NOT IN ({_outside_union_filter()})) }}")


def _has_default(store: ox.Store) -> bool:
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None


def remove_graphs(store: ox.Store, graph_iris: Iterable[str], *, prune: bool = True) -> int:
    """Remove named graphs (their quads and their names), and their triples from the union; returns how
    many there were."""
    n = 0
    for iri in graph_iris:
        node = ox.NamedNode(str(iri))
        if store.contains_named_graph(node):
            store.remove_graph(node)
            n += 1
    if n and prune:
        prune_union(store)
    if n:
        store.flush()
    return n


def store_quad_count(store: ox.Store) -> int:
    """Number of quads in the named graphs (the union's copy in the default graph is not counted)."""
    return len(store) - sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def to_dataset(store: ox.Store) -> rdflib.Dataset:
    """The store's named graphs as an rdflib Dataset (default graph = their union, as rdflib computes it);
    the store's own default graph, a copy of that union, is not read twice."""
    ds = rdflib.Dataset(default_union=True)
    for name in graph_names(store):
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
        ds.graph(URIRef(name)).parse(data=data, format="nt")
    return ds


def graph_names(store: ox.Store) -> list[str]:
    """IRIs of the store's named graphs, sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def server_location(data: str | Path, target: str | Path) -> Path:
    """A store at `target` for a SPARQL server: a copy of the built store of `data` (a `kg build`
    folder), else `data`'s graph file loaded; with the union in its default graph and without the
    quarantine graph, so that the server answers as the embedded store does."""
    target = Path(target)
    kind, path = find_data(data)
    if kind == "store":
        copy_store(path, target)
        store = open_store(target)
        if not _has_default(store):
            rebuild_union(store)
    else:
        store = open_store(target)
        load_file(path, store)
    remove_graphs(store, [QUARANTINE_GRAPH], prune=False)  # its triples are not in the union anyway
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

    The default graph is the store's, which holds the union of the named graphs but quarantine.
    A store without one (written by something else) is read as pyoxigraph's union of every named
    graph instead, when `union` allows.
    """
    options: dict[str, object] = {}
    if union and not _has_default(store):
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
