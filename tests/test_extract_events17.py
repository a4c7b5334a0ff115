"""Events, round 17 (whole extractor, real model, sentences written for these tests with invented
names): a launch verb's object headed by a noun the entity step does not count as a product noun
("technology", "architecture", "capabilities": `named_objects` of kg/data/launch_objects.json) launches
the product named right before it (namedheads.named_head_products)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import extract, roles_of

_MAKER = "Brellix Labs, the maker of the Zorvo app, "


@pytest.mark.parametrize(
    "rest",
    [
        "is launching its new Zorvo technology at its developer conference.",
        "unveiled the Zorvo architecture on Monday.",
        "introduced its Zorvo capabilities on Monday.",
    ],
)
def test_extract_events17_named_head_object_is_launched(extractor, rest) -> None:
    found = roles_of(extract(extractor, _MAKER + rest), "Launch")
    assert found, "no launch found"
    assert found[0][0].get("product") == {"Zorvo"}
    assert found[0][0].get("agent") == {"Brellix Labs"}


@pytest.mark.parametrize(
    "rest",
    [
        # not a head the list names: no launch read from the name before it
        "is launching its new Zorvo gizmo at its developer conference.",
        # the name is no modifier of the head: something built on Zorvo, or for it, is not Zorvo
        "launched a Zorvo-based technology on Monday.",
        "launched a technology for Zorvo on Monday.",
    ],
)
def test_extract_events17_named_head_needs_the_name_on_the_head(extractor, rest) -> None:
    found = roles_of(extract(extractor, _MAKER + rest), "Launch")
    products = set().union(*(r.get("product", set()) for r, _ in found))
    assert "Zorvo" not in products


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Brellix Labs said its staff had voted to end the strike, and that it had reached an agreement "
         "with Quorva Systems, the trade group for big studios.", "Deal"),
        ("Tarvex Inc. also has a partnership with Quorva Systems, the holding company behind several "
         "chains, to test its fryer robot.", "Partnership"),
        ("A week later Tarvex Inc. signed a deal with Quorva Systems, the chip company.", "Deal"),
    ],
)
def test_extract_events17_deal_with_appositive_company_noun_keeps_both_sides(extractor, text, kind) -> None:
    """ "a deal with X, the <company noun>": the apposition describes X; read as an anaphor of the other
    side, it made that side a partner too, so the deal lost its agent (dealargs._appositive_anaphors_out)."""
    found = roles_of(extract(extractor, text), kind)
    assert found, f"no {kind} found"
    roles = found[0][0]
    assert roles.get("partner") == {"Quorva Systems"}
    assert len(roles.get("agent", set())) == 1
    assert roles["agent"] != {"Quorva Systems"}


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("In addition to Zorvo, Brellix Labs has plans to launch two other new products: Tarvix and Quellmo.",
         {"Tarvix", "Quellmo"}),
        ("Brellix Labs launched two new apps: Tarvix, Quellmo and Zorvo.", {"Tarvix", "Quellmo", "Zorvo"}),
    ],
)
def test_extract_events17_list_in_apposition_to_plural_object_is_launched(extractor, text, products) -> None:
    """ "launched two new apps: A, B and C": every name of the list, not only the first
    (launchlists.appositive_list)."""
    found = roles_of(extract(extractor, text), "Launch")
    launched = set().union(*(r.get("product", set()) for r, _ in found))
    assert products <= launched
    assert all(r.get("agent") == {"Brellix Labs"} for r, _ in found if r.get("product"))
