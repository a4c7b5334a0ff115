"""Round 17 names: companies named by a common English word (kg.extract.commonnames)."""

from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.model import Document


def _extract(extractor: Extractor, text: str) -> tuple[dict[str, tuple[str, str]], set[tuple[str, str, str]]]:
    e = extractor.extract(Document(id="d", title="", text=text, published="2023-05-02"))
    names = {m.key: m.name for m in e.entities}
    rels = {(names.get(r.subject, ""), r.predicate, names.get(r.object, "")) for r in e.relations}
    return {m.name: (m.kind, m.cls) for m in e.entities}, rels


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("This week the startup Gathering is opening a beta of its image filter.", "Gathering"),
        ("Investors have backed the firm Rested since its first year in Lyon.", "Rested"),
        ("Folded, a provider of payroll services, hired forty engineers this spring.", "Folded"),
        ("Analysts say Hollowed, a provider of storage services, will grow fast.", "Hollowed"),
        ("Dana Rell is founder and CEO of swarm robotics company Tethered AI.", "Tethered AI"),
    ],
)
def test_extract_names17_common_word_company_with_cue(extractor: Extractor, text: str, name: str) -> None:
    names, _ = _extract(extractor, text)
    assert names.get(name, ("", ""))[0] == "Organization"


def test_extract_names17_common_word_company_title_gives_employer(extractor: Extractor) -> None:
    text = (
        "The startup Gathering is opening a beta of its image filter. According to Gathering cofounder "
        "Mira Tolland, the filter blocks most scrapers. Gathering's report lists the worst offenders."
    )
    names, rels = _extract(extractor, text)
    assert names.get("Gathering", ("", ""))[0] == "Organization"
    assert ("Mira Tolland", "worksFor", "Gathering") in rels


@pytest.mark.parametrize(
    "text",
    [
        "Former CEO Dana Prell left the board last year.",
        "He said Acting CEO Dana Prell would stay on.",
        "Meanwhile, a startup in Oslo raised money for its robots.",
        "Next, a company from Ghent showed a new drone.",
        "The report was Published by the agency in May.",
        "She became the guild's first Black president, Dana Oyelaran, in March.",
        "Photograph: Dana Oyelaran for the guild, taken in March.",
        "A big company Small company list was printed in the annex.",
    ],
)
def test_extract_names17_common_words_without_cue_are_no_names(extractor: Extractor, text: str) -> None:
    names, _ = _extract(extractor, text)
    words = {"Former", "Acting", "Meanwhile", "Next", "Published", "Black", "Photograph", "Small"}
    assert not words & set(names)


@pytest.mark.parametrize(
    ("text", "longer"),
    [
        ("Brellix launched Ansible Lightspeed for its customers. Ansible Lightspeed writes playbooks.",
         "Ansible Lightspeed"),
        ("Engineers on Project Lightspeed built the game in a year.", "Project Lightspeed"),
    ],
)
def test_extract_names17_short_alias_closing_a_longer_name_is_not_the_known_entity(
    extractor: Extractor, text: str, longer: str
) -> None:
    names, _ = _extract(extractor, text)
    assert longer in names
    assert "Lightspeed Venture Partners" not in names


def test_extract_names17_short_alias_alone_is_still_the_known_entity(extractor: Extractor) -> None:
    text = "The round was led by Lightspeed and Accel. Lightspeed also backed Orvane."
    names, _ = _extract(extractor, text)
    assert names.get("Lightspeed Venture Partners", ("", ""))[0] == "Organization"


@pytest.mark.parametrize(
    ("text", "name", "absent"),
    [
        ("The firm also sells Ivanti Neurons for UEM to hospitals.", "Ivanti Neurons for UEM", None),
        ("Ivanti showed Ivanti Neurons for IIoT to plant managers.", "Ivanti Neurons for IIoT", None),
        ("Nvidia built DGX for AI labs across the country.", "DGX", "DGX for AI"),
        ("OpenAI tuned GPT-4 for ChatGPT users last spring.", "GPT-4", "GPT-4 for ChatGPT"),
    ],
)
def test_extract_names17_known_product_for_acronym_is_one_edition(
    extractor: Extractor, text: str, name: str, absent: str | None
) -> None:
    names, _ = _extract(extractor, text)
    assert names.get(name, ("", ""))[0] == "Product"
    assert absent is None or absent not in names


def test_extract_names17_cohere_for_ai_is_one_lab(extractor: Extractor) -> None:
    names, rels = _extract(extractor, "Dana Vell, who leads Cohere for AI, a research lab, spoke on Monday.")
    assert names.get("Cohere for AI") == ("Organization", "ResearchLab")
    assert "Cohere" not in names
    assert ("Dana Vell", "worksFor", "Cohere for AI") in rels
