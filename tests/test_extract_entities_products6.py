"""Product typing, round 6: names a clause makes a product although the model calls them organizations.

Sentences written for these tests (invented names). A naming verb whose passive subject is a product noun
("the new product is called X", "the framework is named X") types X; the model's organization label,
however often it repeats, does not outvote such a clause cue when nothing else makes X an organization
(but a name under "a/an" is a kind of thing, and "launched X" alone is no such cue: startups launch
too); facility labels ("the X Pin") give way to a naming verb; "X Cloud" beside the organization X is
X's product when a clause uses it as one; "X Service Mesh" beside the product X is a product of that
line. The `extractor` fixture loads the model once per session.
"""

from __future__ import annotations

import pytest

from kg.model import ORG, PLACE, PRODUCT
from tests.extract_helpers import table_kinds


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a passive naming verb takes the noun of its subject
        (
            "Brightpath said its headset needs new software. The framework is named Lumen Kit, and it "
            "ships in the fall.",
            "Lumen Kit",
            PRODUCT,
        ),
        ("The startup is called Brisko, and it sells sensors to farms.", "Brisko", ORG),
        # a person appointed with "named" is no product
        ("The new chief is named Dana Frey.", "Dana Frey", "Person"),
    ],
)
def test_products6_passive_naming_subject(extractor, text: str, name: str, kind: str) -> None:
    assert table_kinds(extractor, text).get(name) == kind


def test_products6_article_after_naming_verb_needs_a_noun(extractor) -> None:
    found = table_kinds(extractor, "The device is called the Lumo Pin. Orin Vale said the Lumo Pin sold out.")
    assert found.get("Lumo Pin") == PRODUCT
    # "is called the X" with no noun nor "it" to type it says nothing ("the Scorpion" is a golf hole)
    hole = table_kinds(extractor, "One of the holes on the course is called the Scorpion.")
    assert hole.get("Scorpion") != PRODUCT


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # one naming clause, then mentions the model labels as an organization
        (
            "Velmora has built a new tool for factory robots. The new product is called Quarry Edgeline. "
            "Quarry Edgeline lets engineers deploy vision models without code. Engineers at Tarnwell Motors "
            "said Quarry Edgeline cut their setup time in half. Quarry Edgeline runs on small devices.",
            "Quarry Edgeline",
            PRODUCT,
        ),
        # "a/an X": the acronym is a kind of game, not the name of one
        (
            "Nordvik opened an office in Oslo. Nordvik is an open-world MMO. Players love the MMO, and "
            "Nordvik sold the MMO to Carrow Games.",
            "MMO",
            None,
        ),
    ],
)
def test_products6_clause_cue_outweighs_org_label(extractor, text: str, name: str, kind: str | None) -> None:
    assert table_kinds(extractor, text).get(name) == kind


def test_products6_company_suffix_word_after_an_organization(extractor) -> None:
    text = (
        "Tarsa, a robotics startup founded in 2021, said on Monday it will launch Tarsa Cloud in March. "
        "Tarsa Cloud is a managed data platform for warehouses. Customers of Tarsa Cloud get hourly reports."
    )
    found = table_kinds(extractor, text)
    assert found.get("Tarsa Cloud") == PRODUCT
    assert found.get("Tarsa") == ORG


def test_products6_longer_name_of_a_product_line(extractor) -> None:
    text = (
        "Mirelle is an open-source tracing tool for clusters. Demand for Mirelle grew fast, and Halden "
        "Systems now sells Mirelle Flow Guard to banks. Mirelle Flow Guard watches traffic."
    )
    found = table_kinds(extractor, text)
    assert found.get("Mirelle") == PRODUCT
    assert found.get("Mirelle Flow Guard") == PRODUCT
    assert found.get("Halden Systems") == ORG


def test_products6_facility_label_gives_way_to_naming(extractor) -> None:
    text = (
        "Orin Vale tried the new gadget this week. It's called the Kelso Ai Pin. Vale said the Kelso Ai Pin "
        "felt warm. Later the Kelso Ai Pin crashed twice, and the Kelso Ai Pin needed a reset."
    )
    assert table_kinds(extractor, text).get("Kelso Ai Pin") not in (PLACE, None)
