"""Second held-out evaluation: 12 more articles, the test set until extractor 4 and a dev set since
(tests/fixtures/heldout4 is the test set now).

Drawn reproducibly (tests/fixtures/heldout2/articles.json says how) from ../shared/corpus/ai-tech-news-2023,
excluding the first held-out set; the fixtures hold only ids and gold (names and facts, no article text).
The helpers are those of tests/test_heldout.py; only the paths, the draw and the floors differ.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests import test_heldout as first
from tests.conftest import ROOT

HELDOUT2 = ROOT / "tests" / "fixtures" / "heldout2"
COMBINED = HELDOUT2 / "heldout2.gold.json"

# Measured on the combined gold when it was made (see tests/fixtures/heldout2/README.md), minus a margin.
# The lower of two measurements: commit 72efb54 gave entities P 0.84 R 0.72, relations P 0.81 R 0.40
# (43 predicted), events P 0.75 R 0.32 (16 predicted), 3 negative hits, 0 traps; the working tree of the
# same day scored higher. With extractor 3 (rules improved on the first held-out set only): entities
# P 0.88 R 0.78, relations P 0.89 R 0.47, events P 0.94 R 0.44, 1 negative hit, 0 traps. With
# extractor 4 (recall work on sets 1 and 3; this set measured, and its one trap, a launch in an
# infinitive of purpose, fixed as a class): entities P 0.89 R 0.82, relations P 0.89 R 0.55, events
# P 0.76 R 0.52 (25 predicted; launches with the maker only, new in 4, cost precision here while they
# gained on sets 1 and 3), 1 negative hit, 0 traps. Extractor 8, with this set as a dev set: entities
# P 0.94 R 0.87, relations P 0.97 R 0.74, events P 0.88 R 0.72 (26 predicted), 1 negative hit, 0 traps.
# Precision margins are wider where one fact moves it a lot.
FLOORS = {
    "entities": {"precision": 0.89, "recall": 0.82, "f1": 0.85},
    "relations": {"precision": 0.90, "recall": 0.69, "f1": 0.79},
    "events": {"precision": 0.78, "recall": 0.67, "f1": 0.72},
}
MAX_NEGATIVE_HITS = 4
MAX_TRAP_HITS = 0


def manifest() -> dict[str, Any]:
    return first.manifest(HELDOUT2)


def article_golds() -> dict[str, dict[str, Any]]:
    return first.article_golds(HELDOUT2)


# --- the gold itself (fast, needs nothing from ../shared) ------------------------------------------

def test_heldout2_manifest_lists_twelve_new_articles_with_gold() -> None:
    ids = [a["id"] for a in manifest()["articles"]]
    assert len(set(ids)) == 12
    assert not set(ids) & {a["id"] for a in first.manifest()["articles"]}, "overlaps the first held-out set"
    for a in manifest()["articles"]:
        assert (HELDOUT2 / a["gold"]).is_file(), a


@pytest.mark.parametrize("path", sorted((HELDOUT2 / "gold").glob("*.json")), ids=lambda p: p.stem)
def test_heldout2_gold_is_well_formed(path: Path) -> None:
    first.test_heldout_gold_is_well_formed(path)


def test_heldout2_combined_gold_is_the_merge_of_the_articles() -> None:
    stored = json.loads(COMBINED.read_text(encoding="utf-8"))
    assert stored == first.merge_gold(article_golds(), stored["about"])


# --- the articles (need ../shared) -------------------------------------------------------------

def test_heldout2_selection_is_reproducible() -> None:
    drawn = first.drawn_with_source_cap(HELDOUT2, {a["id"] for a in first.manifest()["articles"]})
    assert [r["id"] for r in drawn] == [a["id"] for a in manifest()["articles"]]


def write_articles(path: Path) -> list[dict[str, Any]]:
    """Write the held-out articles, in manifest order, as JSON Lines; return their records."""
    return first.write_articles(path, HELDOUT2)


@pytest.fixture(scope="module")
def heldout2_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, list[dict[str, Any]]]:
    return first.build_set(tmp_path_factory.mktemp("heldout2"), HELDOUT2)


@pytest.mark.slow
def test_heldout2_scores_stay_above_floors(heldout2_build: tuple[Any, list[dict[str, Any]]]) -> None:
    first.check_floors(heldout2_build, HELDOUT2, COMBINED, FLOORS, MAX_NEGATIVE_HITS, MAX_TRAP_HITS)
