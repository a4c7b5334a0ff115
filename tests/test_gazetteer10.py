"""Gazetteer entries added in round 10 (kg/data/gazetteer.jsonl): the next names of the corpus that kg
missed or mistyped (regulators, a sales-software company the model read as a product, consoles and
headsets) and newer companies and products (robot makers, chip startups, GPU clouds, coding tools).
Left out on purpose: names that cut a person's name or a longer product name (a company sharing a common
surname, laptop brands followed by model codes) and acronyms with an everyday tech meaning ("CDC").
Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import body_entity_classes, body_relation_triples


@pytest.mark.parametrize(
    ("text", "name", "kind", "cls"),
    [
        ("Next month the FAA will review the drone rules.", "FAA", "Organization", "GovernmentBody"),
        ("Sales teams at many firms use Gong, which listens to their calls.", "Gong", "Organization",
         "Company"),
        ("Hospitals buy their records software from Epic Systems.", "Epic Systems", "Organization",
         "Company"),
        ("Robots from Unitree were on show in the hall.", "Unitree", "Organization", "Company"),
        ("Chip startups such as Rivos and d-Matrix raised funds.", "d-Matrix", "Organization", "Company"),
        ("The drug-discovery group Isomorphic Labs signed two deals.", "Isomorphic Labs", "Organization",
         "ResearchLab"),
        ("Several founders now build their apps with Bolt.new instead.", "Bolt.new", "Product",
         "Application"),
        ("Users can log in with Windows Hello on their laptops.", "Windows Hello", "Product", "Application"),
    ],
)
def test_gazetteer10_name_found_and_typed(extractor, text: str, name: str, kind: str, cls: str) -> None:  # noqa: ANN001
    assert body_entity_classes(extractor, text).get(name) == (kind, cls)


@pytest.mark.parametrize(
    ("text", "product", "developer"),
    [
        ("Meta trimmed the price of the Quest Pro headset.", "Quest Pro", "Meta"),
        ("Sony said buyers snapped up the PlayStation VR2 in its first week.", "PlayStation VR2", "Sony"),
        ("Tesla showed the Cybercab to a small crowd.", "Cybercab", "Tesla"),
        ("Google DeepMind trained Gemini Robotics on hours of robot footage.", "Gemini Robotics",
         "Google DeepMind"),
    ],
)
def test_gazetteer10_product_has_its_developer(extractor, text: str, product: str, developer: str) -> None:  # noqa: ANN001
    assert body_entity_classes(extractor, text).get(product, ("", ""))[0] == "Product"
    assert (product, "developedBy", developer) in body_relation_triples(extractor, text)


def test_gazetteer10_agency_acronym_listed_without_cutting_a_longer_name(extractor) -> None:  # noqa: ANN001
    # only the acronym is listed: "US Food and Drug Administration" keeps its country prefix
    text = "The US Food and Drug Administration met twice. Later the FDA cleared the device."
    found = body_entity_classes(extractor, text)
    assert found.get("FDA") == ("Organization", "GovernmentBody")
    assert found.get("US Food and Drug Administration", ("", ""))[0] == "Organization"
    assert "Food and Drug Administration" not in found


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Researchers at the firm said Symantec had seen the worm too.", "Symantec", "Organization"),
        ("Scans by Qualys found the flaw on many hosts.", "Qualys", "Organization"),
        ("Engineers describe their servers in Terraform files.", "Terraform", "Product"),
        ("The old AlexNet network started the boom.", "AlexNet", "Product"),
        ("Speech startups such as Deepgram and AssemblyAI grew fast.", "AssemblyAI", "Organization"),
        ("Hobbyists now run open models on laptops with Ollama.", "Ollama", "Product"),
        ("The committee heard from the ACLU about police cameras.", "American Civil Liberties Union",
         "Organization"),
    ],
)
def test_gazetteer10_corpus_name_found_with_core_type(extractor, text: str, name: str, kind: str) -> None:  # noqa: ANN001
    assert body_entity_classes(extractor, text).get(name, ("", ""))[0] == kind


@pytest.mark.parametrize(
    ("text", "product", "developer"),
    [
        ("Nvidia began selling Jetson Thor to robot makers.", "Jetson Thor", "Nvidia"),
        ("Amazon Web Services rented out Trainium2 chips to a lab.", "Trainium2", "Amazon Web Services"),
        ("Qualcomm put the Snapdragon X Elite in thin laptops.", "Snapdragon X Elite", "Qualcomm"),
        ("Meta previewed Movie Gen for short clips.", "Movie Gen", "Meta"),
        ("OpenAI shipped Codex CLI for terminal users.", "Codex CLI", "OpenAI"),
        ("Databricks keeps improving MLflow for experiment tracking.", "MLflow", "Databricks"),
    ],
)
def test_gazetteer10_newer_product_has_its_developer(  # noqa: ANN001
    extractor, text: str, product: str, developer: str
) -> None:
    assert body_entity_classes(extractor, text).get(product, ("", ""))[0] == "Product"
    assert (product, "developedBy", developer) in body_relation_triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Outside the lab, astronomers still honour Vera Rubin for her work on galaxies.", "Vera Rubin"),
    ],
)
def test_gazetteer10_ambiguous_chip_name_not_forced_on_a_person(extractor, text: str, person: str) -> None:  # noqa: ANN001
    assert body_entity_classes(extractor, text).get(person, ("", ""))[0] != "Product"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "CDC" is change data capture in data-engineering prose: only the agency's full name is listed
        ("The pipeline copies rows with CDC into the warehouse every minute.",
         "Centers for Disease Control and Prevention"),
        # a surname shared with a company stays inside the person's name
        ("The piece was written by Noa Edelman, a staff writer.", "Edelman"),
        # "Typeface" stays off the list, so a new Typeface product keeps its own name
        ("A layer called the Typeface Graph sits on top of the models.", "Typeface"),
    ],
)
def test_gazetteer10_left_out_names_make_no_false_entity(extractor, text: str, absent: str) -> None:  # noqa: ANN001
    assert absent not in body_entity_classes(extractor, text)
