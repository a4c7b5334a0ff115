"""Short names of products named in full earlier (kg/extract/knowntails.py), and acronyms of a name's
last words (aliases.spells_tail)."""

from __future__ import annotations

import pytest

from kg.extract.aliases import spells_tail
from tests.extract_helpers import extract


def _mentions(extractor, text: str) -> dict[str, list[str]]:  # noqa: ANN001
    return {e.name: [m.text for m in e.mentions] for e in extract(extractor, text).entities}


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("ATP", "Defender Advanced Threat Protection", True),
        ("SMG", "Orvane Secure Mail Gateway", True),
        ("SMG", "Secure Mail Gateway", False),  # the whole name: is_acronym_of's case, not a tail
        ("AT", "Defender Advanced Threat Protection", False),  # not the last words
        ("atp", "Defender Advanced Threat Protection", False),
        ("TP", "Defender Advanced threat protection", False),  # lower-case words spell nothing
    ],
)
def test_knowntails_spells_tail(acronym: str, name: str, expected: bool) -> None:
    assert spells_tail(acronym, name) is expected


def test_knowntails_bracketed_acronym_of_the_last_words_joins_the_product(extractor) -> None:  # noqa: ANN001
    found = _mentions(
        extractor,
        "In 2019 Zentrik launched its Orvane Secure Mail Gateway (SMG) enterprise email service. "
        "Since then SMG has grown to 400 customers.",
    )
    assert found["Orvane Secure Mail Gateway"].count("SMG") == 2
    assert "SMG" not in found


def test_knowntails_ambiguous_known_short_name_joins_the_longer_product(extractor) -> None:  # noqa: ANN001
    found = _mentions(
        extractor,
        "GitHub said GitHub Copilot now writes unit tests. A million developers use Copilot daily, "
        "the company said.",
    )
    assert "Copilot" in found["GitHub Copilot"]
    assert "Copilot" not in found


def test_knowntails_short_name_keeps_its_entity_where_named_otherwise(extractor) -> None:  # noqa: ANN001
    found = _mentions(
        extractor,
        "GitHub said GitHub Copilot now writes unit tests. Microsoft Copilot, a separate assistant, "
        "answers questions in Windows. Copilot is free for students.",
    )
    assert "Copilot" not in found["GitHub Copilot"]


def test_knowntails_unknown_short_name_before_the_full_name_joins_it(extractor) -> None:  # noqa: ANN001
    found = _mentions(
        extractor,
        "The report came out on Monday. The next release adds support for the Apache Iceberg and Hudi "
        "table formats. Three open table formats lead the field: Delta Lake, Apache Iceberg and Apache Hudi.",
    )
    assert "Hudi" not in found
    assert "Hudi" in found["Apache Hudi"]
