"""Where the ontology and shapes live: the repository's ontology/ folder."""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import StoreError


def ontology_dir() -> Path:
    """The folder holding kg.ttl and shapes.ttl (override with KG_ONTOLOGY_DIR)."""
    override = os.environ.get("KG_ONTOLOGY_DIR")
    candidates = [Path(override)] if override else []
    candidates.append(Path(__file__).resolve().parent.parent / "ontology")
    for path in candidates:
        if (path / "kg.ttl").is_file():
            return path
    raise StoreError("ontology files not found; set KG_ONTOLOGY_DIR to the folder that holds kg.ttl")
