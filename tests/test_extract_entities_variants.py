"""Spelling variants of one name inside a document, and known names inside longer names (sentences
written for these tests)."""

from __future__ import annotations

import pytest

from kg.extract.names import is_spelling_variant
from kg.model import Document


def _entities(extractor, text: str) -> dict[str, tuple[str, set[str]]]:  # noqa: ANN001
    ex = extractor.extract(Document(id="t", title="", text=text))
    return {e.name: (e.kind, set(e.aliases)) for e in ex.entities if e.mentions}


@pytest.mark.parametrize(
    ("a", "b", "swap_digits", "same"),
    [
        ("DALLE-2", "DALL-E 2", False, True),  # hyphen and space only
        ("Llama 2", "Llama-2", False, True),
        ("AI12 Labs", "AI21 Labs", True, True),  # a transposed pair of digits, not a version
        ("AI12 Labs", "AI21 Labs", False, False),
        ("Pheonix", "Phoenix", False, True),
        ("Cereabras", "Cerebras", False, True),  # one letter too many in a long word
        ("GPT-4", "GPT-3", True, False),  # numbers differ: different versions
        ("H100", "H200", True, False),
        ("Grok", "Groq", False, False),  # short names: one letter is a different name
        ("Jane Roe", "Jane Rose", False, False),
        ("Transformer", "Transformers", False, False),  # a plural is no typo
        ("Meta", "Beta", False, False),
        ("Jurassic-1", "Jurassic-X", False, False),
    ],
)
def test_extract_entities_variants_string_rule(a: str, b: str, swap_digits: bool, same: bool) -> None:
    assert is_spelling_variant(a, b, swap_digits) is same
    assert is_spelling_variant(b, a, swap_digits) is same


def test_extract_entities_variants_typo_joins_the_company(extractor) -> None:  # noqa: ANN001
    text = (
        "Quorvane Labs said on Monday it raised $20 million. Quorvane Labs plans to hire engineers. "
        "The round makes Qourvane Labs one of the best-funded startups in Lisbon."
    )
    found = _entities(extractor, text)
    assert "Qourvane Labs" not in found, found
    assert "Qourvane Labs" in found["Quorvane Labs"][1]


def test_extract_entities_variants_hyphenation_joins_versions_but_not_numbers(extractor) -> None:  # noqa: ANN001
    text = (
        "OpenAI released DALL-E 2 in April. Critics said DALLE-2 copied artists. "
        "OpenAI later released GPT-4, after GPT-3 had been a hit."
    )
    found = _entities(extractor, text)
    assert "DALLE-2" not in found and "DALLE-2" in found["DALL-E 2"][1], found
    assert "GPT-4" in found and "GPT-3" in found


def test_extract_entities_variants_surname_with_a_slip(extractor) -> None:  # noqa: ANN001
    text = (
        "Zephyrine Robotics hired Maria Castellano as chief executive. Castellnao previously ran a bank, "
        "and Castellano said she was thrilled."
    )
    found = _entities(extractor, text)
    assert "Castellnao" in found["Maria Castellano"][1], found


def test_extract_entities_variants_name_before_a_common_known_word(extractor) -> None:  # noqa: ANN001
    text = (
        "Velkor and Mistwell unveiled a new AI supercomputer, named Corvid Galaxy. The first machine, "
        "Corvid Galaxy 1 (CG-1), has 4 exaFLOPs. CG-1 sits in Denver."
    )
    found = _entities(extractor, text)
    assert "Corvid" not in found and "Galaxy 1" not in found, found
    assert found["Corvid Galaxy"][0] == "Product", found
    assert "CG-1" in found["Corvid Galaxy 1"][1], found


def test_extract_entities_variants_brand_word_the_tagger_misreads(extractor) -> None:  # noqa: ANN001
    text = "Quillmate builds on the open-source SpindleDB persistent key-value store for fast lookups."
    assert _entities(extractor, text).get("SpindleDB", ("",))[0] == "Product"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brevant said its Harbor Security Cloud now scans code for leaks.", "Harbor Security Cloud"),
        ("Clients run the Orlan Data Management Platform on site.", "Orlan Data Management Platform"),
        ("Nvidia made DGX Cloud available to more cloud customers on Tuesday.", "DGX Cloud"),
        ("The service runs on Oracle Cloud Infrastructure in three regions.", "Oracle Cloud Infrastructure"),
    ],
)
def test_extract_entities_variants_product_name_suffix(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert _entities(extractor, text).get(name, ("",))[0] == "Product"


def test_extract_entities_variants_known_org_and_cloud_stays_the_org(extractor) -> None:  # noqa: ANN001
    found = _entities(extractor, "Oracle Cloud is growing fast, Oracle said on Monday.")
    assert "Oracle Cloud" not in found and "Oracle" in found, found
