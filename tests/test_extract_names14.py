"""Round 14 name finding: a spelled-out name with its acronym before a product noun ("its Clinical
Device Management (CDM) solution", kg/extract/acronymnames.py) and a glued family-version word closed
by version tiers ("Zeta-4 Turbo", kg/extract/versiontiers.py)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import mentioned_kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Brellix said its Fleet Device Tracking (FDT) solution is used by four hospitals.",
            "Fleet Device Tracking",
        ),
        (
            "Zentrik announced the Accounts Receivable Matching (ARM) offering on Monday.",
            "Accounts Receivable Matching",
        ),
        (
            "Lastly, the Staff Skills and Growth (SSG) solution will collect skills data for managers.",
            "Staff Skills and Growth",
        ),
        (
            "The deal extends the company's Quorvo Data Management Cloud (QDMC) platform.",
            "Quorvo Data Management Cloud",
        ),
        ("Apps now connect through the Open Mesh Description (OMD) framework.", "Open Mesh Description"),
    ],
)
def test_extract_names14_declared_acronym_before_product_noun_is_a_product(
    extractor,
    text: str,
    name: str,  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == "Product", found


def test_extract_names14_declared_acronym_joins_its_product(extractor) -> None:  # noqa: ANN001
    text = (
        "Brellix said its Fleet Device Tracking (FDT) solution is ready. Hospitals say FDT cut repair "
        "times by half."
    )
    found = mentioned_kinds(extractor, text)
    assert found.get("Fleet Device Tracking") == "Product", found
    assert "FDT" not in found, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a category: an indefinite article, a plural noun, or words the text also writes in lower case
        ("Buyers want an Extended Threat Response (ETR) solution this year.", "Extended Threat Response"),
        (
            "Predictive analytics are common in Unified Device Control (UDC) platforms today.",
            "Unified Device Control",
        ),
        (
            "Plexa said its Unified Device Control (UDC) platform is ready, as unified device control "
            "spreads.",
            "Unified Device Control",
        ),
        # the acronym does not spell the words, or the noun is no product
        ("Vexo Labs said its Fleet Device Tracking (FXQ) solution is ready.", "Fleet Device Tracking"),
        ("The city's Senior Rent Relief (SRR) program helps older tenants.", "Senior Rent Relief"),
    ],
)
def test_extract_names14_declared_acronym_category_is_no_product(
    extractor,
    text: str,
    name: str,  # noqa: ANN001
) -> None:
    assert mentioned_kinds(extractor, text).get(name) != "Product"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The chief listed new offerings, including the release of Zeta-4 Turbo.", "Zeta-4 Turbo"),
        ("Vexo Labs said teams can now try Quill-3.5 Instruct in its console.", "Quill-3.5 Instruct"),
    ],
)
def test_extract_names14_glued_version_with_tier_is_a_product(
    extractor,
    text: str,
    name: str,  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == "Product", found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dana Cole-2 Pro won the race on Sunday.", "Cole-2 Pro"),
        ("The Covid-19 Base camp reopened in May.", "Covid-19 Base"),
    ],
)
def test_extract_names14_glued_version_without_tier_end_stays_out(
    extractor,
    text: str,
    name: str,  # noqa: ANN001
) -> None:
    assert mentioned_kinds(extractor, text).get(name) != "Product"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The chief listed new offerings, including the release of Zeta-4 Turbo and Assistant API.",
            "Assistant API",
        ),
        (
            "Many firms build on the Kelvo API today, and Plexa says it is cheaper than Kelvo API.",
            "Kelvo API",
        ),
        ("Vexo Labs also shipped the TF Quantization API for smaller models.", "TF Quantization API"),
    ],
)
def test_extract_names14_name_before_api_is_a_product(extractor, text: str, name: str) -> None:  # noqa: ANN001
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == "Product", found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Data sits behind a SQL or NoSQL API at Vexo Labs.", "NoSQL API"),
        ("Brellix pulls data from the core REST API of Vexo Labs.", "REST API"),
        ("Vexo Labs runs on Kelvo API Gateway services.", "Kelvo API"),
        ("Vexo Labs rotated the Kelvo API key after the breach.", "Kelvo API"),
        ("Users can call a Status API from any messaging app.", "Status API"),
        ("Brellix pulls records over the Rest API of Vexo Labs.", "Rest API"),
    ],
)
def test_extract_names14_api_kind_or_modifier_is_no_product(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert mentioned_kinds(extractor, text).get(name) != "Product"


def test_extract_names14_tier_word_opening_a_description_stays_out(extractor) -> None:  # noqa: ANN001
    found = mentioned_kinds(extractor, "Vexo Labs builds on the Quill-3 Large Language Model from Brellix.")
    assert "Quill-3 Large" not in found, found


def test_extract_names14_known_name_before_api_is_kept(extractor) -> None:  # noqa: ANN001
    # Anthropic: a known name whose API the mined product names (kg/data/gazetteer_mined.jsonl) lack.
    alone = mentioned_kinds(extractor, "Brellix builds its bots on the Anthropic API.")
    assert alone.get("Anthropic") == "Organization" and "Anthropic API" not in alone, alone
    both = mentioned_kinds(extractor, "Anthropic cut prices. Brellix builds its bots on the Anthropic API.")
    assert both.get("Anthropic API") == "Product" and both.get("Anthropic") == "Organization", both
