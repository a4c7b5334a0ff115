"""Round 9 name spans: names that took the sentence's full stop, and an ambiguous known name that opens
a longer name ("Galaxy S22 Ultra", a person whose given name is a known product)."""

from __future__ import annotations

import pytest

from kg.extract.names import is_version_token
from kg.model import Document


def _entities(extractor, text: str) -> dict[str, str]:  # noqa: ANN001 - the type lives in kg.extract
    ext = extractor.extract(Document(id="n9", title="Notes from the week", text=text, published="2023-05-02"))
    return {e.name: e.kind for e in ext.entities}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7B.", True), ("70B.", True), ("4o", True), ("2.5", True), ("Inc.", False), ("U.S.", False), ("2023", False)],  # noqa: E501
)
def test_names_version_token_with_glued_stop(text: str, expected: bool) -> None:
    assert is_version_token(text) is expected


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a known hyphenated name whose last word took the full stop ("J." is one token)
        ("Last spring the lab EleutherAI released GPT-J. It runs on one card.", "GPT-J", "Product"),
        # a size version glued to the full stop ("70B." is one token)
        ("In spring the startup Quorvel released Zandor 70B. It runs on one card.", "Zandor 70B", "Product"),
    ],
)
def test_extract_names_glued_full_stop(extractor, text: str, name: str, kind: str) -> None:  # noqa: ANN001
    assert _entities(extractor, text).get(name) == kind


def test_extract_names_initial_is_not_a_glued_name(extractor) -> None:  # noqa: ANN001
    names = _entities(extractor, "The panel was led by Morven J. Talbrook of Quorvel Labs. It met twice.")
    assert "J" not in names and all(not n.endswith(".") or n.endswith("Labs.") for n in names)


@pytest.mark.parametrize(
    ("text", "name", "kind", "lost"),
    [
        (
            "Samsung held an event in Seoul this week. The company showed the Galaxy S31 Ultra to reporters.",
            "Galaxy S31 Ultra",
            "Product",
            "Galaxy",
        ),
        (
            "The exhibit honours Claude Branwell, who wrote on signals. Branwell later built a maze robot.",
            "Claude Branwell",
            "Person",
            "Claude",
        ),
    ],
)
def test_extract_names_ambiguous_known_name_opens_longer_name(
    extractor, text: str, name: str, kind: str, lost: str  # noqa: ANN001
) -> None:
    names = _entities(extractor, text)
    assert names.get(name) == kind
    assert lost not in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a known name followed by a lower-case word or a job title stays the known entity
        ("Reporters in Seoul tried the phones. The Galaxy phones sold well there.", "Galaxy"),
        ("The studio uses many tools. Its staff like Claude for drafting memos.", "Claude"),
    ],
)
def test_extract_names_ambiguous_known_name_alone_kept(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert name in _entities(extractor, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the model labels "Brimble" alone; the run closes on a category acronym
        ("Analysts followed the security market closely. Quorvel launched Brimble Sentry XDR last week.", "Brimble Sentry XDR"),  # noqa: E501
        ("Banks use many tools for logs. Quorvel sells the Zorva Cloud SIEM to them.", "Zorva Cloud SIEM"),
    ],
)
def test_extract_names_category_acronym_closes_product(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert _entities(extractor, text).get(name) == "Product"


def test_extract_names_category_acronym_as_modifier_not_widened(extractor) -> None:  # noqa: ANN001
    text = "Banks use many tools for logs. Quorvel sells the Zorva CRM platform to them."
    names = _entities(extractor, text)
    assert "Zorva CRM" not in names


def test_extract_names_brand_code_before_known_name(extractor) -> None:  # noqa: ANN001
    text = "Storage buyers met in Austin this week. The vendor said Vexa9 Meta now predicts load for admins."
    names = _entities(extractor, text)
    assert names.get("Vexa9 Meta") == "Product"
    assert "Meta" not in names
