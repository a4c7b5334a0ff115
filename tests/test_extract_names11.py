"""Round 11 name finding: invented product names the tagger reads as adjectives ("the Zephyra chatbot"),
heading labels that are no speakers ("Update: ..."), all-capital tier words after a known name."""

from __future__ import annotations

import pytest

from tests.extract_helpers import mentioned_kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Zephyra chatbot from Vantor Systems is free to use.", "Zephyra"),
        ("Vantor Systems, which makes the Zephyra chatbot, raised $5M.", "Zephyra"),
        ("Users can try the Quillo assistant in their browser.", "Quillo"),
    ],
)
def test_extract_names11_capitalised_word_before_product_noun_is_a_product(
    extractor, text: str, name: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == "Product", found


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese app is popular with students in Shanghai.",
        "Critics say the American model of regulation is too loose.",
    ],
)
def test_extract_names11_nationality_before_product_noun_is_no_product(extractor, text: str) -> None:  # noqa: ANN001
    found = mentioned_kinds(extractor, text)
    assert not any(n in ("Chinese", "American") for n in found), found


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft moved more security checks into the Defender platform so customers can hunt threats.",
        "Attack surface checks now run on the Cortex platform for every customer.",
    ],
)
def test_extract_names11_word_in_product_slot_is_no_person(extractor, text: str) -> None:  # noqa: ANN001
    found = mentioned_kinds(extractor, text)
    assert "Person" not in found.values(), found


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Breakthrough: Vantor Systems unveiled a robot arm on Tuesday.", "Breakthrough"),
        ("Analysis: Vantor Systems has built a small robot arm for kitchens.", "Analysis"),
    ],
)
def test_extract_names11_heading_label_is_no_speaker(extractor, text: str, label: str) -> None:  # noqa: ANN001
    found = mentioned_kinds(extractor, text)
    assert label not in found and found.get("Vantor Systems") == "Organization", found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anthony: It is important to build robots that help.", "Anthony"),
        ("Dana Pruitt runs research at Kelmora.\nPruitt: We build robots that fold laundry.", "Dana Pruitt"),
    ],
)
def test_extract_names11_name_shaped_speaker_label_stays_a_person(
    extractor, text: str, name: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == "Person", found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Subscribers to Anthropic MAX get faster answers, Anthropic said on Monday.", "Anthropic MAX"),
        ("The new Anthropic PRO plan costs more than the free one.", "Anthropic PRO"),
    ],
)
def test_extract_names11_known_name_with_capital_tier_is_one_product(
    extractor, text: str, name: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == "Product", found


def test_extract_names11_known_name_with_capital_tier_before_event_noun_is_no_product(extractor) -> None:  # noqa: ANN001
    text = (
        "Anthropic showed its tools at the Anthropic MAX conference, "
        "and crowds came to Anthropic MAX all week."
    )
    found = mentioned_kinds(extractor, text)
    assert "Anthropic MAX" not in found and found.get("Anthropic") == "Organization", found
