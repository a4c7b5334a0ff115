"""Shared pieces of the writers: which triples go out, in which order, and the atomic file write."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Node

from kg.errors import KGError
from kg.graph import PREFIXES
from kg.namespace import KGR_NS, QUARANTINE_GRAPH

Triple = tuple[Node, Node, Node]

# Prefixes for Turtle and TriG: the vocabularies, plus one per kind of instance, because a Turtle
# prefixed name cannot hold the '/' of kgr:org/openai.
TURTLE_PREFIXES: dict[str, str] = {
    **PREFIXES,
    "amount": KGR_NS + "amount/",
    "doc": KGR_NS + "doc/",
    "event": KGR_NS + "event/",
    "evidence": KGR_NS + "evidence/",
    "graph": KGR_NS + "graph/",
    "organization": KGR_NS + "org/",
    "person": KGR_NS + "person/",
    "place": KGR_NS + "place/",
    "product": KGR_NS + "product/",
}


class ExportError(KGError):
    """An export cannot be written: unknown format, or the target folder is not writable."""


def is_dataset(graph: Graph) -> bool:
    return isinstance(graph, ConjunctiveGraph)  # rdflib's Dataset is a ConjunctiveGraph


def named_graphs(graph: Graph) -> list[tuple[URIRef | None, Graph]]:
    """(name, graph) pairs sorted by name; None names the default graph, listed first."""
    if not is_dataset(graph):
        return [(None, graph)]
    out: list[tuple[URIRef | None, Graph]] = []
    parts = graph.graphs() if isinstance(graph, Dataset) else graph.contexts()  # type: ignore[attr-defined]
    for ctx in parts:
        ident = ctx.identifier
        if len(ctx) == 0:
            continue
        name = None if str(ident).startswith("urn:x-rdflib:default") else URIRef(ident)
        out.append((name, ctx))
    return sorted(out, key=lambda item: (item[0] is not None, str(item[0] or "")))


def union_triples(graph: Graph, include_quarantine: bool = False) -> set[Triple]:
    """Every triple of every named graph (held quarantine facts left out unless asked for)."""
    triples: set[Triple] = set()
    for name, g in named_graphs(graph):
        if name is not None and str(name) == QUARANTINE_GRAPH and not include_quarantine:
            continue
        triples.update(g.triples((None, None, None)))
    return triples


def term_key(term: Node) -> tuple[int, str, str, str]:
    """Sort key: IRIs, then blank nodes, then literals by lexical form, datatype and language."""
    if isinstance(term, URIRef):
        return (0, str(term), "", "")
    if isinstance(term, BNode):
        return (1, str(term), "", "")
    if isinstance(term, Literal):
        return (2, str(term), str(term.datatype or ""), term.language or "")
    return (3, str(term), "", "")


_TYPE = RDF.type


def triple_key(t: Triple) -> tuple[tuple[int, str, str, str], tuple[int, str], tuple[int, str, str, str]]:
    s, p, o = t
    return (term_key(s), (0 if p == _TYPE else 1, str(p)), term_key(o))


def sorted_triples(triples: Iterable[Triple]) -> list[Triple]:
    return sorted(triples, key=triple_key)


def write_atomic(path: str | Path, chunks: Iterable[str]) -> Path:
    """Write text chunks to `path` so that readers see the old file or the new one, never a mix.

    The text goes to a temporary file in the same folder, is flushed and fsynced, then renamed over
    the target; if anything fails the temporary file is removed and the old file stays whole.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write here: {exc}") from exc
    try:
        os.chmod(tmp, _file_mode(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise ExportError(f"{target}: write failed, the previous file is unchanged: {exc}") from exc
        raise
    _fsync_dir(target.parent)
    return target


def _file_mode(target: Path) -> int:
    """The replaced file's permissions, or what the umask gives a new file (mkstemp makes 0600)."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _fsync_dir(folder: Path) -> None:
    # Make the rename itself durable; not every platform lets a folder be opened.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
