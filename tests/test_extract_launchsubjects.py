"""The subject of an active launch verb with a product object is an organization, where the model
reads a place or a nationality (kg/extract/launchsubjects.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract_helpers import OPENER, body_entity_classes, events_of, extract


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In 2021, Climeworks launched Orca, the first plant of its kind.", "Climeworks"),
        ("Today Zentrik launched Quillo 2, its new large language model.", "Zentrik"),
        ("In 2021, Icertis launched a vertical contract solution for partners.", "Icertis"),
    ],
)
def test_launchsubjects_subject_is_an_organization(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert body_entity_classes(extractor, text)[name][0] == "Organization"


def test_launchsubjects_the_launch_has_its_maker(extractor) -> None:  # noqa: ANN001
    x = extract(extractor, OPENER + "In 2021, Climeworks launched Orca, the first plant of its kind.")
    assert [names for names, _ in events_of(x, "Launch")] == [{"Climeworks", "Orca"}]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Singapore launched a national AI strategy in 2019.", "Singapore", "Place"),  # no product noun
        ("Dana Whitfield launched a podcast about chips last year.", "Dana Whitfield", "Person"),
    ],
)
def test_launchsubjects_leaves_places_and_people(extractor, text: str, name: str, kind: str) -> None:  # noqa: ANN001
    assert body_entity_classes(extractor, text)[name][0] == kind
