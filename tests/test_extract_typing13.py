"""Round 13 typing: "capabilities" is a product noun like "features", so names listed after "new
capabilities such as" are products (kg/data/entity_rules.json `product_heads`), while a list of lower-case
skills after the same words gives no entity."""

from __future__ import annotations

import pytest

from tests.extract_helpers import mentioned_kinds


@pytest.mark.parametrize(
    "text",
    [
        "Zentrik added new capabilities such as Flow Guard and Signal Mesh to its platform.",
        "The update brings capabilities including Flow Guard and Signal Mesh to every customer.",
    ],
)
def test_extract_typing13_names_listed_as_capabilities_are_products(
    extractor, text: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get("Flow Guard") == "Product", found
    assert found.get("Signal Mesh") == "Product", found


def test_extract_typing13_skills_listed_as_capabilities_are_no_entities(extractor) -> None:  # noqa: ANN001
    text = "Zentrik says its models gained capabilities like planning, memory and code review."
    found = mentioned_kinds(extractor, text)
    assert set(found) <= {"Zentrik"}, found
