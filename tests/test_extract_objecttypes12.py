"""Typing of launched things, round 12 (`kg/extract/objecttypes.py`; whole extractor, real model,
sentences written for these tests with invented names): a name before a launched product noun, a
launched name that opens with a given name, and a launched name with a place suffix are products;
organizations launched with nothing but an organization suffix stay organizations, and people
introduced in a role stay people."""

from __future__ import annotations

import pytest

from tests.extract_helpers import entity_classes, events_of, extract


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brontide launched the Velo Quill deep learning training engine on Monday.", "Velo Quill"),
        ("Vorlen launches Quill Foundry service for hospitals with new tools.", "Quill Foundry"),
        ("Last year Marzetti unveiled the Halvorsen Kite wearable, which tracks sleep.", "Halvorsen Kite"),
        ("Zentrik is launching its Zentrik Access Trust (ZAT) security service.", "Zentrik Access Trust"),
        ("In November, Sorvo announced its Z7 III camera, a $5,999 body for sports shooters.", "Z7 III"),
    ],
)
def test_objecttypes_name_before_launched_product_noun_is_product(extractor, text, name):
    found = entity_classes(extractor, text)
    assert found.get(name, ("",))[0] == "Product"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Last week, Brontide also debuted the Isaac Nova Orin, its latest computing and sensing "
            "architecture. Isaac Nova Orin ships in May. Developers can buy Isaac Nova Orin now.",
            "Isaac Nova Orin",
        ),
        (
            "The company launched Walter Gate earlier this year to watch model traffic. Walter Gate "
            "blocks harmful prompts.",
            "Walter Gate",
        ),
        ("Qantor recently introduced Nora AI as its generative AI security assistant.", "Nora AI"),
        ("Qantor, known for its research, recently introduced Nora AI as its security analyst.", "Nora AI"),
    ],
)
def test_objecttypes_launched_thing_opening_with_given_name_is_product(extractor, text, name):
    x = extract(extractor, text)
    kinds = {e.name: e.kind for e in x.entities}
    assert kinds.get(name) == "Product"
    assert any(name in names for names, _ in events_of(x, "Launch"))


def test_objecttypes_launched_name_with_place_suffix_is_product(extractor):
    found = entity_classes(extractor, "Nexaro has launched Nexaro Bridge to link identity providers.")
    assert found.get("Nexaro Bridge", ("",))[0] == "Product"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Acme launched Zed Labs, a venture studio for robotics founders.", "Zed Labs", "Organization"),
        ("Acme unveiled Marlow Capital, a $100 million fund for startups.", "Marlow Capital", "Organization"),
        ("Acme introduced Jane Porter as its new chief executive.", "Jane Porter", "Person"),
        ("Acme introduced Jane Labs, a venture studio for founders.", "Jane Labs", "Organization"),
        ("Acme released Maya Porter from her contract in May.", "Maya Porter", "Person"),
        ("Acme introduced Jane Porter to investors. Porter joined from Brellix.", "Jane Porter", "Person"),
        ("Brontide announced the Marlow Capital fund for seed startups.", "Marlow Capital", "Organization"),
    ],
)
def test_objecttypes_launch_keeps_organizations_and_people(extractor, text, name, kind):
    assert entity_classes(extractor, text).get(name, ("",))[0] == kind
