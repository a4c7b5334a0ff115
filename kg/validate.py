"""SHACL validation of a built graph, and the quarantine gate that holds non-conforming facts apart.

Validation runs over the union of a dataset's named graphs (except the quarantine graph) with the
ontology's axioms mixed in, so sh:targetClass and sh:class see subclasses, and without RDFS
inference, which the shapes do not need and which would triple the work on large graphs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import KGError
from kg.namespace import KG, QUARANTINE_GRAPH
from kg.ontology import ontology_dir

Triple = tuple[Node, Node, Node]

MAX_ROUNDS = 8  # quarantine cascades (evidence -> event -> ...) settle in two or three rounds


class ShapesError(KGError):
    """The shapes or ontology file is missing or not valid Turtle."""


@dataclass(frozen=True)
class ValidationResult:
    """What SHACL said: conformance, the report (graph and text) and each failing node's messages."""

    conforms: bool
    report_graph: Graph
    report_text: str
    focus_nodes: dict[URIRef, tuple[str, ...]] = field(default_factory=dict)


def _parse(path: Path) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise ShapesError(f"{path}: no such file") from exc
    except Exception as exc:  # rdflib raises parser-specific types
        raise ShapesError(f"{path}: cannot parse as Turtle: {exc}") from exc


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> Graph:
    return _parse(Path(path))


def load_turtle(path: str | Path) -> Graph:
    """A Turtle file as a Graph, cached until the file changes."""
    p = Path(path)
    try:
        mtime = p.stat().st_mtime
    except OSError as exc:
        raise ShapesError(f"{p}: no such file") from exc
    return _load(str(p.resolve()), mtime)


def _union(data: Graph, ontology: Graph) -> Graph:
    """One plain graph: every named graph but quarantine, plus the ontology's axioms."""
    merged = Graph()
    if isinstance(data, ConjunctiveGraph):  # Dataset is a ConjunctiveGraph
        skip = URIRef(QUARANTINE_GRAPH)
        for ctx in data.graphs() if isinstance(data, Dataset) else data.contexts():
            if ctx.identifier != skip:
                merged += ctx
    else:
        merged += data
    merged += ontology
    return merged


def _shapes_and_ontology(shapes_path: str | Path | None,
                         ontology_path: str | Path | None) -> tuple[Graph, Graph]:
    shapes = load_turtle(shapes_path if shapes_path is not None else ontology_dir() / "shapes.ttl")
    ontology = load_turtle(ontology_path if ontology_path is not None else ontology_dir() / "kg.ttl")
    return shapes, ontology


def _run(data: Graph, shapes: Graph, focus: set[URIRef] | None = None) -> ValidationResult:
    from pyshacl import validate as shacl_validate

    conforms, report, text = shacl_validate(
        data, shacl_graph=shapes, inference="none", advanced=False, abort_on_first=False,
        allow_warnings=True, allow_infos=True, focus_nodes=sorted(focus) if focus else None,
    )
    messages: dict[URIRef, set[str]] = defaultdict(set)
    for result in report.subjects(RDF.type, SH.ValidationResult):
        node = report.value(result, SH.focusNode)
        if isinstance(node, URIRef):
            msgs = [str(m) for m in report.objects(result, SH.resultMessage)]
            shape = report.value(result, SH.sourceShape)
            messages[node].update(msgs or [f"does not conform to {shape}"])
    focus_nodes = {node: tuple(sorted(msgs)) for node, msgs in sorted(messages.items())}
    return ValidationResult(bool(conforms), report, str(text), focus_nodes)


def validate(graph_or_dataset: Graph, shapes_path: str | Path | None = None,
             ontology_path: str | Path | None = None) -> ValidationResult:
    """Validate a Graph or Dataset against ontology/shapes.ttl (or `shapes_path`)."""
    shapes, ontology = _shapes_and_ontology(shapes_path, ontology_path)
    return _run(_union(graph_or_dataset, ontology), shapes)


def _hanging(union: Graph, node: URIRef, moving: set[URIRef]) -> set[URIRef]:
    """Evidence and amount nodes that hang only off `node` (or off other nodes being moved)."""
    out: set[URIRef] = set()
    for p in (KG.evidence, KG.amount):
        for cand in union.objects(node, p):
            holders = set(union.subjects(KG.evidence, cand)) | set(union.subjects(KG.amount, cand))
            if isinstance(cand, URIRef) and holders <= moving:
                out.add(cand)
    for p in (RDF.subject, RDF.object):  # evidence for a relation the node takes part in
        out.update(s for s in union.subjects(p, node) if isinstance(s, URIRef))
    return out


def _move(graphs: list[Graph], held: Graph, nodes: set[URIRef], focus: set[URIRef]) -> set[Triple]:
    """Move every triple about `nodes` and every reference to a focus node into `held`."""
    moved: set[Triple] = set()
    for g in graphs:
        triples: set[Triple] = set()
        for n in nodes:
            triples.update(g.triples((n, None, None)))
        for n in focus:
            triples.update(g.triples((None, None, n)))
        # A relation is held with its evidence when no other evidence in the graph still states it.
        for n in nodes:
            if (n, RDF.type, KG.RelationEvidence) in g:
                s, p, o = g.value(n, RDF.subject), g.value(n, RDF.predicate), g.value(n, RDF.object)
                if s is not None and p is not None and o is not None:
                    others = {e for e in g.subjects(RDF.subject, s) if e not in nodes
                              and (e, RDF.predicate, p) in g and (e, RDF.object, o) in g}
                    if not others:
                        triples.add((s, p, o))
        for t in triples:
            g.remove(t)
            held.add(t)
        moved |= triples
    return moved


def quarantine(ds: Dataset, shapes_path: str | Path | None = None) -> tuple[Dataset, Graph]:
    """Move non-conforming facts into kgr:graph/quarantine so the rest conforms; returns (ds, quarantine).

    Each failing focus node is moved with everything said about it, the references to it, and the
    evidence and amount nodes hanging only off it; it gets one kg:quarantineReason per SHACL
    message. Moving a node can leave another without what it needs (an event whose only evidence
    was held), so the nodes that referred to moved ones are validated again, until nothing fails.
    The dataset is changed in place.
    """
    shapes, ontology = _shapes_and_ontology(shapes_path, None)
    held = ds.graph(URIRef(QUARANTINE_GRAPH))
    graphs = [g for g in ds.graphs() if g.identifier != held.identifier]
    union = _union(ds, ontology)
    recheck: set[URIRef] | None = None  # None: every node
    for _ in range(MAX_ROUNDS):
        result = _run(union, shapes, recheck)
        if result.conforms:
            break
        focus = set(result.focus_nodes)
        nodes = set(focus)
        for node in sorted(focus):
            nodes |= _hanging(union, node, focus)
        moved = _move(graphs, held, nodes, focus)
        for node, msgs in result.focus_nodes.items():
            for msg in msgs:
                held.add((node, KG.quarantineReason, Literal(msg)))
        for t in moved:
            if not any(t in g for g in graphs):
                union.remove(t)
        recheck = {s for s, _, _ in moved if isinstance(s, URIRef) and s not in nodes}
        if not moved or not recheck:
            break
    return ds, held
