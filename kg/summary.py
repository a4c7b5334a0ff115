"""Read a built graph back and summarise it (for `kg stats` and `kg validate`)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import rdflib

from kg.errors import StoreError
from kg.namespace import QUARANTINE_GRAPH

_FORMATS = {".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt",
            ".nq": "nquads"}


@cache
def internal_query(name: str) -> str:
    """The text of one of the library's own queries in kg/data/sparql/."""
    return resources.files("kg").joinpath("data", "sparql", f"{name}.rq").read_text(encoding="utf-8")


def load_dataset(path: Path) -> rdflib.Dataset:
    """Parse an exported graph file into a Dataset whose default graph is the union."""
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise StoreError(f"{path}: unknown graph format (use .ttl, .trig, .jsonld, .nt or .nq)")
    ds = rdflib.Dataset(default_union=True)
    try:
        if fmt in ("trig", "nquads", "json-ld"):
            ds.parse(path, format=fmt)
        else:
            ds.graph(rdflib.URIRef(path.resolve().as_uri())).parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise StoreError(f"{path}: cannot parse as {fmt}: {exc}") from exc
    return ds


def _local(term: Any) -> str:
    s = str(term)
    return s.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _counts(ds: rdflib.Dataset, name: str) -> dict[str, int]:
    rows: Any = ds.query(internal_query(name))
    return {_local(row[0]): int(row[1]) for row in rows}


def summarize(ds: rdflib.Dataset) -> dict[str, Any]:
    """Counts of documents, entities and events by class, relations by predicate, events by status."""
    classes = _counts(ds, "stats_classes")
    relations = _counts(ds, "stats_relations")
    status = _counts(ds, "stats_status")
    return {
        "documents": classes.get("Document", 0),
        "classes": dict(sorted(classes.items())),
        "relations": dict(sorted(relations.items())),
        "event status": dict(sorted(status.items())),
        "triples": len(ds),
    }


def quarantined_facts(ds: rdflib.Dataset) -> list[tuple[str, str]]:
    rows: Any = ds.query(internal_query("quarantine"),
                    initBindings={"quarantine": rdflib.URIRef(QUARANTINE_GRAPH)})
    return [(str(r[0]), str(r[1])) for r in rows]
