"""N-Triples (the union, quarantine left out) and N-Quads (every graph), one sorted line per statement."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rdflib import Graph

from kg.export._common import named_graphs, sorted_triples, union_triples, write_atomic
from kg.export.terms import nt


def ntriples_chunks(graph: Graph) -> Iterator[str]:
    for s, p, o in sorted_triples(union_triples(graph)):
        yield f"{nt(s)} {nt(p)} {nt(o)} .\n"


def nquads_chunks(graph: Graph) -> Iterator[str]:
    for name, g in named_graphs(graph):
        suffix = f" {nt(name)} .\n" if name is not None else " .\n"
        for s, p, o in sorted_triples(g.triples((None, None, None))):
            yield f"{nt(s)} {nt(p)} {nt(o)}{suffix}"


def write_ntriples(graph: Graph, path: str | Path) -> Path:
    return write_atomic(path, ntriples_chunks(graph))


def write_nquads(graph: Graph, path: str | Path) -> Path:
    return write_atomic(path, nquads_chunks(graph))
