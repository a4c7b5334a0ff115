"""Deterministic, atomic writers: Turtle, TriG, JSON-LD, N-Triples and N-Quads.

The same graph always gives the same bytes (statements sorted, a fixed set of prefixes, no
timestamps), and a file is replaced only once its new version is complete on disk.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.export._common import ExportError, write_atomic
from kg.export.jsonld import write_jsonld
from kg.export.ntriples import write_nquads, write_ntriples
from kg.export.turtle import write_trig, write_turtle

WRITERS = {
    "ttl": write_turtle,
    "trig": write_trig,
    "jsonld": write_jsonld,
    "nt": write_ntriples,
    "nq": write_nquads,
}

__all__ = [
    "WRITERS", "ExportError", "write_atomic", "write_exports", "write_jsonld", "write_nquads",
    "write_ntriples", "write_trig", "write_turtle",
]


def write_exports(graph: Graph, out_dir: str | Path, formats: tuple[str, ...] = ("ttl", "trig", "jsonld"),
                  stem: str = "graph") -> dict[str, Path]:
    """Write `{stem}.{format}` in `out_dir` for each format; returns format -> path."""
    unknown = [f for f in formats if f not in WRITERS]
    if unknown:
        raise ExportError(f"unknown export format(s) {', '.join(unknown)}; choose from {', '.join(WRITERS)}")
    folder = Path(out_dir)
    return {fmt: WRITERS[fmt](graph, folder / f"{stem}.{fmt}") for fmt in formats}
