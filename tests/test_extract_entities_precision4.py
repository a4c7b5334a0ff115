"""Entity precision, round 4: hyphenated product codes ("Nimbus-X7") the model cuts or reads as a
company, a job title set off after a name ("Senior Vice President") read as a person or as a glued
headline that hides the company after it, a department after a title ("Director of Product
Marketing"), a title noun in apposition outvoting "the company X", and a product line's member
("Zentrik Python") read as a person.

Every sentence is written for these tests, with invented names. The `extractor` fixture
(tests/conftest.py) loads the model once per session.
"""

from __future__ import annotations

import pytest

from kg.extract import layout, shapes
from kg.extract.resources import load_resources
from kg.model import ORG, PERSON, PRODUCT
from tests.extract_helpers import assert_kinds
from tests.test_extract_entities_spans import entity_kinds


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Cortex-M85", True),
        ("Nimbus-X7", True),
        ("Vexo-U40s", False),  # a plural is no single code
        ("COVID-19", False),  # no lettered number
        ("Sentinel-1", False),  # a bare number is a version, left to the version rule
        ("F-35", False),  # a one-letter line: the older model-number rule
        ("Wi-Fi", False),
    ],
)
def test_extract_entities_precision4_product_code_shape(word: str, expected: bool) -> None:
    assert shapes.product_code(word) is expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Executive", "Vice", "President"], True),
        (["Senior", "Director"], True),
        (["Chief", "Operating", "Officer"], True),
        (["Senior", "Kestrel"], False),  # a name with a title word in it
        (["Vice", "President", "Dana", "Whitfield"], False),
        (["Partner"], False),  # a single word is left to the person_titles list
        (["Global", "Ventures"], False),
    ],
)
def test_extract_entities_precision4_title_only(words: list[str], expected: bool) -> None:
    rules = load_resources().rules
    assert shapes.title_only(words, rules) is expected


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a product code the model cuts at its hyphen is one product
        ("Quorvel today unveiled the Nimbus-X7, a processor for drones. The Nimbus-X7 runs twice as fast.",
         {"Nimbus-X7": PRODUCT}, ["X7", "Nimbus"]),
        ("The board uses a Nimbus-X7 core and a Vexo-U40 accelerator, according to Quorvel.",
         {"Nimbus-X7": PRODUCT, "Vexo-U40": PRODUCT}, ["Nimbus", "U40"]),
        # a title set off after a person's name is no person
        ("The work pleased us, says Dana Whitfield, Senior Vice President of Growth at Plimo Labs.",
         {"Dana Whitfield": PERSON, "Plimo Labs": ORG}, ["Senior Vice President"]),
        ("“We are thrilled,” said Omar Telling, Executive Vice President of Sales at Brisko Labs.",
         {"Omar Telling": PERSON}, ["Executive Vice President"]),
        # a title in apposition after a comma is prose, not a glued headline: the company stays
        ("Our users love it, says Ana Ruiz, Senior Vice President of Global Sales at Tovra Labs.",
         {"Ana Ruiz": PERSON, "Tovra Labs": ORG}, ["Senior Vice President"]),
        # an organization noun right before a name outweighs a title noun it is in apposition to
        ("Their first partner for grass data is based in Northern Ireland: the agritech company Elston "
         "Digital, which in turn works with groups that partner with farmers. The team used data "
         "collected by Elston Digital.", {"Elston Digital": ORG}, []),
        # department names after a title are no organizations
        ("Rita Ames, VP of Developer Relations at Zentro Labs, and Dave Lin, Director of Product "
         "Marketing at Zentro Labs, agreed.", {"Rita Ames": PERSON, "Dave Lin": PERSON, "Zentro Labs": ORG},
         ["Developer Relations", "Product Marketing"]),
        # a product line's member named after the product is a product, not a person
        ("Analysts can now write Snowberry Python code. The company said Snowberry Python lets teams run "
         "models inside Snowberry, its data product.",
         {"Snowberry Python": PRODUCT, "Snowberry": PRODUCT}, []),
        ("Creators can try Kovalo Ignite, a set of tools inside Kovalo, the design app from Pixalo. "
         "Kovalo Ignite costs $5.", {"Kovalo Ignite": PRODUCT, "Kovalo": PRODUCT}, []),
        # ... while a person whose given name is also a product's name stays a person
        ("Brisko Labs makes Maya, a budgeting app. Maya Lindqvist, who joined Brisko Labs in May, said "
         "the app grew fast.", {"Maya Lindqvist": PERSON, "Brisko Labs": ORG}, []),
    ],
)
def test_extract_entities_precision4_names(
    extractor, text: str, present: dict[str, str], absent: list[str]  # noqa: ANN001
) -> None:
    assert_kinds(entity_kinds(extractor, text), present, absent)


@pytest.mark.parametrize(
    ("line", "runs"),
    [
        # a job title in apposition after a comma is prose
        ("praised it, says Ana Ruiz, Senior Vice President of Global Sales at Tovra Labs, in a note", 0),
        ("said Omar Telling, Executive Vice President of Strategy & Partnerships at Brisko, on Monday", 0),
        # a glued teaser headline with a comma inside is still a run (the byline after it is no entity)
        ("Business Who Is Ada Kimble, Zentro’s New Interim CEO? Paul Marsh The same holds for tools", 1),
    ],
)
def test_extract_entities_precision4_title_after_comma_is_no_headline(line: str, runs: int) -> None:
    assert len(layout.title_case_runs(line)) == runs
