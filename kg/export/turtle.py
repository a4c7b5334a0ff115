"""Turtle (the union of the named graphs) and TriG (one block per named graph), sorted and stable."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from rdflib import RDF, Graph

from kg.export._common import (
    TURTLE_PREFIXES,
    Triple,
    named_graphs,
    sorted_triples,
    union_triples,
    write_atomic,
)
from kg.export.terms import Prefixes

_TYPE = RDF.type


def turtle_blocks(triples: Iterable[Triple], names: Prefixes, indent: str = "") -> Iterator[str]:
    """One block per subject, predicates and objects sorted, rdf:type first as `a`."""
    for subject, group in groupby(sorted_triples(triples), key=lambda t: t[0]):
        parts: list[str] = []
        for predicate, objs in groupby(group, key=lambda t: t[1]):
            pred = "a" if predicate == _TYPE else names.term(predicate)
            values = [names.term(o) for _, _, o in objs]
            sep = f" ,\n{indent}        "
            parts.append(f"{pred} {sep.join(values)}")
        body = f" ;\n{indent}    ".join(parts)
        yield f"{indent}{names.term(subject)} {body} .\n\n"


def turtle_chunks(graph: Graph) -> Iterator[str]:
    names = Prefixes(TURTLE_PREFIXES)
    yield names.header()
    yield "\n"
    yield from turtle_blocks(union_triples(graph), names)


def trig_chunks(graph: Graph) -> Iterator[str]:
    names = Prefixes(TURTLE_PREFIXES)
    yield names.header()
    yield "\n"
    for name, g in named_graphs(graph):
        triples = g.triples((None, None, None))
        if name is None:
            yield from turtle_blocks(triples, names)
            continue
        yield f"{names.term(name)} {{\n"
        yield from turtle_blocks(triples, names, indent="    ")
        yield "}\n\n"


def write_turtle(graph: Graph, path: str | Path) -> Path:
    """The union of all named graphs except quarantine, as Turtle."""
    return write_atomic(path, turtle_chunks(graph))


def write_trig(graph: Graph, path: str | Path) -> Path:
    """Every named graph (documents, derived, links, quarantine) as TriG, graphs sorted by name."""
    return write_atomic(path, trig_chunks(graph))
