"""A numbered release of a known family is its own product, never an alias of the family
(kg/data/gazetteer.jsonl). "PaLM 2" had been listed as an alias of "PaLM", so "Google launched PaLM 2"
gave a launch of PaLM and no PaLM 2 node. Sentences written for these tests."""

from __future__ import annotations

import json
import re

import pytest

from kg.extract.resources import GAZETTEER_PATH
from tests.extract_helpers import body_entity_classes, body_relation_triples

# Known short forms that carry a digit without being a release of the entry.
_NOT_RELEASES = {"a16z", "ai2", "c2pa", "ps5"}


def test_gazetteer_versions_no_alias_is_the_name_plus_a_release_number() -> None:
    offenders = []
    for line in GAZETTEER_PATH.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        for alias in entry.get("aliases", []):
            if alias.casefold() in _NOT_RELEASES:
                continue
            if re.fullmatch(re.escape(entry["name"]) + r"[\s-]?\d+(\.\d+)?", alias, re.IGNORECASE):
                offenders.append((entry["id"], alias))
    assert offenders == []


@pytest.mark.parametrize(
    "text",
    [
        "Google launched PaLM 2 on Wednesday, its biggest model yet.",
        "Analysts said PaLM 2 now powers the chatbot.",
    ],
)
def test_gazetteer_versions_a_release_is_its_own_product(extractor, text: str) -> None:  # noqa: ANN001
    found = body_entity_classes(extractor, text)
    assert found["PaLM 2"] == ("Product", "AIModel")


def test_gazetteer_versions_a_release_keeps_the_family_developer(extractor) -> None:  # noqa: ANN001
    triples = body_relation_triples(extractor, "Google said PaLM 2 now answers questions in forty languages.")
    assert ("PaLM 2", "developedBy", "Google") in triples
