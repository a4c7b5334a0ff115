"""The entity step on the five real seed articles: every required gold entity, no known trap.

Reads ../shared at test time (skipped when absent); nothing from the seeds is copied here.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from kg.extract.pipeline import entity_records
from kg.model import Document
from tests.conftest import GOLD, SEEDS, need_shared

SCORED = {"Organization", "Person", "Product"}


def norm(name: str) -> str:
    """The gold's matching key (as eval/score.py computes it)."""
    s = unicodedata.normalize("NFKC", name).replace("’", "'").casefold().strip()
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"^the\s+", "", s)
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


@pytest.fixture(scope="module")
def seed_entities(extractor):
    need_shared(SEEDS)
    from kg.sources import read_sources

    docs = [d for d in read_sources([SEEDS]) if isinstance(d, Document)]
    assert len(docs) == 5
    out = []
    for doc in docs:
        _, _, table = extractor.pipeline.analyse(doc)
        ents = entity_records(table, [], [])
        pub = extractor.pipeline.publisher_record(doc, ents)
        out.extend(ents + ([pub] if pub else []))
    return out


@pytest.fixture(scope="module")
def gold():
    return json.loads(need_shared(GOLD).read_text(encoding="utf-8"))


def test_entities_seeds_find_every_required_gold_entity_with_its_type(seed_entities, gold):
    found = {}
    for e in seed_entities:
        for n in (e.name, *e.aliases):
            found.setdefault(norm(n), set()).add(e.kind)
    missing = []
    for g in gold["entities"]["required"]:
        kinds = set().union(*(found.get(norm(n), set()) for n in [g["name"], *g.get("aliases", [])]))
        if g["type"] not in kinds:
            missing.append(f"{g['name']} ({g['type']})")
    assert not missing


def test_entities_seeds_produce_no_negative(seed_entities, gold):
    negatives = {norm(n) for n in gold["entities"]["negatives"]}
    hits = sorted({n for e in seed_entities for n in (e.name, *e.aliases) if norm(n) in negatives})
    assert not hits


def test_entities_seeds_scored_entities_are_all_in_the_gold(seed_entities, gold):
    known = {
        norm(n)
        for part in ("required", "optional")
        for g in gold["entities"][part]
        for n in [g["name"], *g.get("aliases", [])]
    }
    extra = sorted({e.name for e in seed_entities if e.kind in SCORED and norm(e.name) not in known})
    assert not extra
