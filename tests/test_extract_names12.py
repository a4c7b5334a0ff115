"""Round 12 name finding: a capitalised name the model leaves unlabelled between list items of one
kind ("vendors, including Domo, Quorbix and SiSense") is an item of that kind (kg/extract/listitems.py)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import mentioned_kinds


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Leaders in synthetic data include Mostly AI, AI.Vantor, Sky Engine, and Datagen.",
            "AI.Vantor",
            "Organization",
        ),
        (
            "Users can connect to external sources such as MySQL, Plexbase, PostgreSQL, MongoDB and more.",
            "Plexbase",
            "Product",
        ),
    ],
)
def test_extract_names12_unlabelled_list_item_takes_its_neighbours_kind(
    extractor, text: str, name: str, kind: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == kind, found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a common capitalised word between products needs a proper-noun or brand shape
        ("Users can connect to sources such as MySQL, Data, PostgreSQL and more.", "Data"),
        # a capitalised adverb after a list is no item
        ("The stack runs on MySQL, PostgreSQL, Redis, and Then it scales.", "Then"),
    ],
)
def test_extract_names12_list_items_need_a_name_shape_and_named_neighbours(
    extractor, text: str, absent: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert absent not in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Its “Ask about this file” feature is launching this summer.", "Ask about this file"),
        ("Zentrik has ventured into project tracking with its newly launched ‘Drafts’ features.", "Drafts"),
        # the model reads these as works of art: the quotes and the feature noun still make a product
        ("The “Build with Vantor” feature helps users start quickly.", "Build with Vantor"),
        ("Vantor's “Smart Reply” feature lets users answer fast.", "Smart Reply"),
    ],
)
def test_extract_names12_quoted_feature_name_is_a_product(extractor, text: str, name: str) -> None:  # noqa: ANN001
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == "Product", found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Users tap the “Helpful” button under reviews.", "Helpful"),  # an interface label
        ("The “Balanced” mode is slower than the “Creative” mode in the chatbot.", "Creative"),  # adjectives
        ("The cheaper laptop is for anyone who wants a few of the “Pro” features.", "Pro"),  # a tier
        ("Vantor released Zentry, its “AI writing partner” tool, to the public.", "AI writing partner"),
        ("The update adds an “I believe” mode to the chatbot.", "I believe"),  # a remark
    ],
)
def test_extract_names12_quoted_labels_and_descriptions_are_no_features(
    extractor, text: str, absent: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert absent not in found, found
