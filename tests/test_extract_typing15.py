"""Round 15 typing: an unknown name standing alone after an organization's possessive is the
organization's product ("Brevik's Talo"), unless the document shows it acting or it is a person's name
(kg/extract/ownersigns.py, cue `possessed-name`); a name coordinated with "(an)other" + a kind noun is one
of that kind ("Quillby and other AI writing tools", kg/extract/otherkinds.py, cue `other-kind`)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import mentioned_kinds


@pytest.mark.parametrize(
    ("text", "product", "owner"),
    [
        ("Teams can plug scanners (such as Brevik's TALO and Quint Systems' Ferrow) into the pipeline.",
         "Ferrow", "Quint Systems"),
        ("Analysts say Dorvex Labs' KINTO is faster than the older tools.", "KINTO", "Dorvex Labs"),
    ],
)
def test_extract_typing15_possessed_name_is_product(
    extractor, text: str, product: str, owner: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(product) == "Product", found
    assert found.get(owner) == "Organization", found


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # The owned name acts on its own in the document: a subsidiary, the model's label stands.
        ("Brevik's Ferrow signed a deal with Quint Systems. Ferrow said it hired 40 engineers. "
         "Ferrow raised $5 million in March.", "Ferrow", "Organization"),
        # The owned name acts in its clause: an arm of the owner, not a product.
        ("Vexor announced a $21 million round co-led by Denso's NSITA and Brevik, with participation "
         "from Pear VC.", "NSITA", "Organization"),
        # A one-word name the model reads as a person is no product: "Vantrel's Dorsey" is its staff.
        ("Reporters quoted Vantrel's Dorsey on the merger.", "Dorsey", "Person"),
        # A person after the possessive stays a person.
        ("Quint Systems' Dana Whitlow said the scanners were ready.", "Dana Whitlow", "Person"),
    ],
)
def test_extract_typing15_possessed_name_keeps_other_readings(
    extractor, text: str, name: str, kind: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name, kind) == kind, found
    assert found.get(name) != "Product", found


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Lawyers now use Quillby and other AI writing tools every day.", "Quillby", "Product"),
        ("Zentrik's Vantel and other chat apps were blocked at the border.", "Vantel", "Product"),
        ("Investors backed Zentrik and other AI startups this year.", "Zentrik", "Organization"),
    ],
)
def test_extract_typing15_other_kind_types_the_name(
    extractor, text: str, name: str, kind: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == kind, found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Morvane is releasing a pair of new Keras tools: KerasVox for audio work, and KerasDoc for "
         "document work.", ("KerasVox", "KerasDoc")),
        ("Velora sells two main products: Tarvis Cloud and Quillo.", ("Tarvis Cloud", "Quillo")),
    ],
)
def test_extract_typing15_colon_list_after_counted_product_noun(
    extractor, text: str, names: tuple[str, ...]  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert all(found.get(name) == "Product" for name in names), found


def test_extract_typing15_heading_colon_types_nothing(extractor) -> None:  # noqa: ANN001
    found = mentioned_kinds(extractor, "Editing tools: Dana Whitlow says users can now trim clips.")
    assert found.get("Dana Whitlow") == "Person", found
