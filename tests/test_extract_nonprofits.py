"""A nonprofit, charity or trade group named after its head noun is a NonProfit organization
(`org_heads` in kg/data/entity_rules.json). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import body_entity_classes


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The nonprofit Quellmore Cause said the rules were weak.", "Quellmore Cause"),
        ("Separately, the charity Brightwell Trust backed the plan.", "Brightwell Trust"),
        ("The trade group Vantor Alliance filed a complaint on Monday.", "Vantor Alliance"),
        ("Funding came from the nonprofit Orla Works and two banks.", "Orla Works"),  # a given name first
    ],
)
def test_nonprofits_head_noun_gives_the_class(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert body_entity_classes(extractor, text)[name] == ("Organization", "NonProfit")
