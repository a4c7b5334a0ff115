"""JSON-LD: the union of the named graphs (quarantine left out) as one @graph with a compact @context."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.export._common import sorted_triples, union_triples, write_atomic
from kg.graph import PREFIXES

# JSON-LD compact IRIs may hold '/', so kgr: alone covers every instance IRI.
CONTEXT: dict[str, str] = dict(sorted(PREFIXES.items()))


class _Compactor:
    def __init__(self, context: dict[str, str]) -> None:
        self._by_length = sorted(context.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    def iri(self, term: Node) -> str:
        if isinstance(term, BNode):
            return f"_:{term}"
        text = str(term)
        for prefix, ns in self._by_length:
            if text.startswith(ns) and not text[len(ns):].startswith("//"):
                return f"{prefix}:{text[len(ns):]}"
        return text

    def value(self, term: Node) -> Any:
        if isinstance(term, Literal):
            if term.language:
                return {"@value": str(term), "@language": term.language}
            if term.datatype is None or term.datatype == XSD.string:
                return str(term)
            return {"@value": str(term), "@type": self.iri(term.datatype)}
        return {"@id": self.iri(term)}


def jsonld_document(graph: Graph) -> dict[str, Any]:
    comp = _Compactor(CONTEXT)
    nodes: list[dict[str, Any]] = []
    for subject, group in groupby(sorted_triples(union_triples(graph)), key=lambda t: t[0]):
        node: dict[str, Any] = {"@id": comp.iri(subject)}
        props: dict[str, list[Any]] = {}
        for predicate, objs in groupby(group, key=lambda t: t[1]):
            objects = [o for _, _, o in objs]
            if predicate == RDF.type and all(isinstance(o, URIRef | BNode) for o in objects):
                types = [comp.iri(o) for o in objects]
                node["@type"] = types[0] if len(types) == 1 else types
                continue
            props[comp.iri(predicate)] = [comp.value(o) for o in objects]
        for key in sorted(props):
            vals = props[key]
            node[key] = vals[0] if len(vals) == 1 else vals
        nodes.append(node)
    return {"@context": CONTEXT, "@graph": nodes}


def jsonld_chunks(graph: Graph) -> Iterator[str]:
    yield json.dumps(jsonld_document(graph), ensure_ascii=False, indent=1)
    yield "\n"


def write_jsonld(graph: Graph, path: str | Path) -> Path:
    return write_atomic(path, jsonld_chunks(graph))
