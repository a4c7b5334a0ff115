"""Gazetteer entries added in round 12 (kg/data/gazetteer.jsonl): AI labs, chips, models, regulators and
people of 2024-2026 news that the statistical model misses or mistypes, and the next names of the corpus
tail. Sentences written for these tests.

- an unfamiliar start-up or chipmaker named as an object ("a new assistant from Qodo") is an
  organization, not a place or nothing;
- a chip or platform name that looks like a place or a company ("Panther Lake", "Xeon", "Core Ultra")
  is a product with its developer;
- a regulator or court the model leaves untyped ("Bundeskartellamt", "Delaware Court of Chancery") is a
  government body; "U.S. AI Safety Institute" is not the UK one;
- a school of a university ("Harvard Business School") keeps its own name, not the university's.
Left out on purpose: names that cut a longer name or a person's name ("Rubin" cut "Vera Rubin
Observatory" and "Rick Rubin"; "Willow" cut "Willow Tanaka"; "Ascend" dropped "Ascend 910C"; "Epyc" cut
"4th Gen Epyc"; "Capital One" cut "Capital One Software"; "Thales", "OneLogin" and "FireEye" cut their
product names; "Biren" cut a person's given name), and "Comet" (also a machine-learning company).
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import body_entity_classes, body_relation_triples


@pytest.mark.parametrize(
    ("text", "name", "kind", "cls"),
    [
        ("Developers can now try a new assistant from Qodo at no cost.", "Qodo", "Organization", "Company"),
        ("Buyers compared the accelerator with parts from Moore Threads and others.", "Moore Threads",
         "Organization", "Company"),
        ("The grant went to a lab run by Kyutai in a quiet part of town.", "Kyutai", "Organization",
         "ResearchLab"),
        ("Engineers left a job at Netskope to start something new.", "Netskope", "Organization", "Company"),
        ("Dashboards from New Relic showed the outage in minutes.", "New Relic", "Organization", "Company"),
        ("The drone maker teamed up with Helsing on the flight software.", "Helsing", "Organization",
         "Company"),
        ("The Bundeskartellamt said it would look at the cloud contracts.", "Bundeskartellamt",
         "Organization", "GovernmentBody"),
        ("Lawyers filed the complaint in the Delaware Court of Chancery last week.",
         "Delaware Court of Chancery", "Organization", "GovernmentBody"),
        ("The U.S. AI Safety Institute tested the model before release.", "U.S. AI Safety Institute",
         "Organization", "GovernmentBody"),
        ("A professor at Harvard Business School wrote the case study.", "Harvard Business School",
         "Organization", "University"),
        ("Shoppers can pay with Face ID at the counter.", "Face ID", "Product", "Application"),
        ("The laptops run on Panther Lake chips from the spring.", "Panther Lake", "Product", "Hardware"),
        ("Customers ordered thousands of Xeon units last quarter.", "Xeon", "Product", "Hardware"),
    ],
)
def test_gazetteer12_name_found_and_typed(extractor, text: str, name: str, kind: str, cls: str) -> None:  # noqa: ANN001
    assert body_entity_classes(extractor, text).get(name) == (kind, cls)


def test_gazetteer12_us_institute_is_not_the_uk_one(extractor) -> None:  # noqa: ANN001
    found = body_entity_classes(extractor, "The U.S. AI Safety Institute tested the model before release.")
    assert "UK AI Safety Institute" not in found


@pytest.mark.parametrize(
    ("text", "product", "developer"),
    [
        ("AMD said the MI300X sold out for the quarter.", "MI300X", "AMD"),
        ("Intel showed laptops with Core Ultra chips to reporters.", "Core Ultra", "Intel"),
        ("ByteDance said OmniHuman can animate a photo from one clip of audio.", "OmniHuman", "ByteDance"),
        ("Researchers at Google DeepMind said AlphaProof solved four of the problems.", "AlphaProof",
         "Google DeepMind"),
        ("xAI said Grokipedia now has more pages than last month.", "Grokipedia", "xAI"),
    ],
)
def test_gazetteer12_product_has_its_developer(  # noqa: ANN001
    extractor, text: str, product: str, developer: str
) -> None:
    found = body_entity_classes(extractor, text)
    assert found.get(product, ("", ""))[0] == "Product"
    assert found.get(developer, ("", ""))[0] == "Organization"
    assert (product, "developedBy", developer) in body_relation_triples(extractor, text)


def test_gazetteer12_known_executive_works_for_the_company(extractor) -> None:  # noqa: ANN001
    text = "Colette Kress said Nvidia expects sales to rise again next quarter."
    assert ("Colette Kress", "worksFor", "Nvidia") in body_relation_triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "kept", "kind"),
    [
        # left out: a surname shared with a chip platform stays inside the person's name
        ("The producer Rick Rubin talked about music for an hour.", "Rick Rubin", "Person"),
        ("Telescope images from the Vera Rubin Observatory were shown on Monday.", "Vera Rubin Observatory",
         "Organization"),
        ("Willow Tanaka joined the startup as head of design.", "Willow Tanaka", "Person"),
        # a longer product name of a left-out company is not cut at the company
        ("Clients moved to Capital One Software for cost reports.", "Capital One Software", "Organization"),
        # the chip family's generation stays one name
        ("The cluster runs on AMD 4th Gen Epyc processors.", "4th Gen Epyc", "Product"),
    ],
)
def test_gazetteer12_left_out_names_do_not_cut_longer_names(  # noqa: ANN001
    extractor, text: str, kept: str, kind: str
) -> None:
    assert body_entity_classes(extractor, text).get(kept, ("", ""))[0] == kind
