"""Shared test fixtures: where ../shared is, and a spaCy-backed extractor loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.json"


def need_shared(path: Path) -> Path:
    """Skip the calling test when a file from ../shared is missing (a user's clone has none)."""
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared (seed articles and gold) is only beside the team's clone")
    return path


@pytest.fixture(scope="session")
def extractor():  # noqa: ANN201 - the type lives in kg.extract
    from kg.extract import load_extractor

    return load_extractor()
