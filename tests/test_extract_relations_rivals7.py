"""competesWith (round 7): the competition verb between two products ("the Zed suite competes with
the Quill suite"); whole extractor, real model, on sentences written for these tests with invented
names."""

from __future__ import annotations

import pytest

from tests.extract_helpers import rival_pairs as rivals


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The Zorvex Plinth suite competes with the Kestrel Ledger suite of accounting apps.",
         ("Zorvex Plinth", "Kestrel Ledger")),
        ("Claude competes against ChatGPT for office users.", ("Claude", "ChatGPT")),
        ("Zorvex Labs said its Plinth assistant will compete with Kestrel Inc.'s Ledger bot.",
         ("Plinth", "Ledger")),
    ],
)
def test_extract_relations_rivals7_products_compete(extractor, text: str, pair: tuple[str, str]) -> None:
    assert rivals(extractor, text).get(frozenset(pair)) == "kg.rel.competesWith.verb.v1"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a product and a company: the product reading pairs two products only
        ("The Zorvex Plinth suite competes with Kestrel Inc. in accounting.",
         ("Zorvex Plinth", "Kestrel Inc.")),
        # the maker of a product is not its rival
        ("Zorvex Labs said its Plinth assistant will compete with Kestrel Inc.'s Ledger bot.",
         ("Plinth", "Zorvex Labs")),
    ],
)
def test_extract_relations_rivals7_products_not_paired(extractor, text: str, pair: tuple[str, str]) -> None:
    assert frozenset(pair) not in rivals(extractor, text)


def test_extract_relations_rivals7_companies_unchanged(extractor) -> None:
    """Two companies still pair through the company reading of the same verb."""
    found = rivals(extractor, "Zorvex Labs competes with Kestrel Inc. in analytics.")
    assert found == {frozenset(("Zorvex Labs", "Kestrel Inc.")): "kg.rel.competesWith.verb.v1"}
