"""Gazetteer entries added in round 9 (kg/data/gazetteer.jsonl): models and labs of 2024-2025, the
people who run the new labs, and the next most frequent names of the corpus. Sentences written for
these tests.

- a model name the version rule cannot build ("GPT-4o mini", "Claude 3.5 Sonnet", "Qwen3", "Kimi K2",
  "MiniMax-M1", "DeepSeek-V3.1", "Gemini Pro") is one product with its developer, not a family plus a
  stray word;
- versions the rule builds from a known family ("Claude Opus 4.1", "Gemini 2.5 Flash", "Llama 4 Scout",
  "GPT-5") keep their family's developer;
- Runway's "Gen-2" and "Gen-4" are products of their own, not aliases of "Gen-3";
- "BCG X" is the unit of Boston Consulting Group, so its staff work for BCG X;
- founders and chiefs of new labs link to their lab when both are named.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import body_entity_classes, body_relation_triples


@pytest.mark.parametrize(
    ("text", "product", "developer"),
    [
        ("OpenAI is busy. Students mostly use GPT-4o mini for homework help.", "GPT-4o mini", "OpenAI"),
        ("Anthropic is busy. Coders still prefer Claude 3.5 Sonnet for refactoring.", "Claude 3.5 Sonnet",
         "Anthropic"),
        ("Alibaba is busy. Several banks now test Qwen3 in their call centres.", "Qwen3", "Alibaba"),
        ("Moonshot AI is busy. Engineers praised Kimi K2 for its tool use.", "Kimi K2", "Moonshot AI"),
        ("MiniMax is busy. The reviewers found MiniMax-M1 cheap to run.", "MiniMax-M1", "MiniMax"),
        ("DeepSeek is busy. Traders talked about DeepSeek-V3.1 all week.", "DeepSeek-V3.1", "DeepSeek"),
        ("Google is busy. Gemini Pro answered most of the quiz correctly.", "Gemini Pro", "Google"),
        ("Google is busy. Designers made posters with Nano Banana Pro.", "Nano Banana Pro", "Google"),
    ],
)
def test_gazetteer9_model_name_is_one_product_with_developer(  # noqa: ANN001
    extractor, text: str, product: str, developer: str
) -> None:
    found = body_entity_classes(extractor, text)
    assert found.get(product, ("", ""))[0] == "Product", found
    assert (product, "developedBy", developer) in body_relation_triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "stray"),
    [
        ("Anthropic is busy. Coders still prefer Claude 3.5 Sonnet for refactoring.", "Claude 3.5"),
        ("Google is busy. Gemini Pro answered most of the quiz correctly.", "Pro"),
        ("Moonshot AI is busy. Engineers praised Kimi K2 for its tool use.", "K2"),
        ("MiniMax is busy. The reviewers found MiniMax-M1 cheap to run.", "M1"),
    ],
)
def test_gazetteer9_model_name_leaves_no_stray_piece(extractor, text: str, stray: str) -> None:  # noqa: ANN001
    assert stray not in body_entity_classes(extractor, text)


@pytest.mark.parametrize(
    ("text", "product", "developer"),
    [
        ("Anthropic is busy. Lawyers drafted contracts with Claude Opus 4.1 last month.", "Claude Opus 4.1",
         "Anthropic"),
        ("Google is busy. The chatbot runs on Gemini 2.5 Flash by default.", "Gemini 2.5 Flash", "Google"),
        ("Meta is busy. Hobbyists run Llama 4 Scout on two graphics cards.", "Llama 4 Scout", "Meta"),
        ("OpenAI is busy. Teachers compared GPT-5 with its older models.", "GPT-5", "OpenAI"),
    ],
)
def test_gazetteer9_version_of_known_family_keeps_developer(  # noqa: ANN001
    extractor, text: str, product: str, developer: str
) -> None:
    assert body_entity_classes(extractor, text).get(product, ("", ""))[0] == "Product"
    assert (product, "developedBy", developer) in body_relation_triples(extractor, text)


def test_gazetteer9_runway_generations_stay_apart(extractor) -> None:  # noqa: ANN001
    text = "Runway released Gen-4 a year after Gen-3. Critics said Gen-4 looked sharper."
    found = body_entity_classes(extractor, text)
    assert found.get("Gen-4", ("", ""))[0] == "Product"
    assert found.get("Gen-3", ("", ""))[0] == "Product"


def test_gazetteer9_bcg_x_is_the_employer(extractor) -> None:  # noqa: ANN001
    text = "Dana Holt, a managing director at BCG X, said the project took a year."
    assert body_entity_classes(extractor, text).get("BCG X") == ("Organization", "Company")
    assert ("Dana Holt", "worksFor", "BCG X") in body_relation_triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        ("Reflection AI is hiring. Misha Laskin spoke at the dinner about open models.", "Misha Laskin",
         "Reflection AI"),
        ("Moonshot AI is hiring. Yang Zhilin gave a rare interview about training costs.", "Yang Zhilin",
         "Moonshot AI"),
        ("Mercor is hiring. Brendan Foody told the crowd about expert contractors.", "Brendan Foody",
         "Mercor"),
    ],
)
def test_gazetteer9_lab_chief_links_to_lab(extractor, text: str, person: str, org: str) -> None:  # noqa: ANN001
    assert (person, "worksFor", org) in body_relation_triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Analysts at Rapid7 spotted the flaw before anyone else.", "Rapid7", "Organization"),
        ("The vector store can sit on top of PostgreSQL or a cloud service.", "PostgreSQL", "Product"),
        ("Collectors sold the pictures on OpenSea during the boom.", "OpenSea", "Organization"),
        ("Researchers at Tenable published the bug report on Tuesday.", "Tenable", "Organization"),
    ],
)
def test_gazetteer9_frequent_corpus_name_is_typed(extractor, text: str, name: str, kind: str) -> None:  # noqa: ANN001
    assert body_entity_classes(extractor, text).get(name, ("", ""))[0] == kind


@pytest.mark.parametrize("model", ["o3-mini", "o1-preview", "o1-mini"])
def test_gazetteer9_small_reasoning_model_keeps_its_own_name(extractor, model: str) -> None:  # noqa: ANN001
    text = f"OpenAI is busy. Students use {model} for their math homework."
    found = body_entity_classes(extractor, text)
    assert found.get(model, ("", ""))[0] == "Product"
    assert (model, "developedBy", "OpenAI") in body_relation_triples(extractor, text)
    assert "o3" not in found and "o1" not in found
