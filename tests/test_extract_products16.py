"""Product names built on known names, round 16: a known product followed by a capital code.

Sentences written for these tests. The known products come from the gazetteer (Azure, BigQuery,
Copilot, Apple Watch); the codes after them are invented. A known product followed by one capital
letter or a short all-capital word is a product of its own ("Copilot QX", "Azure QDX"), with the known
product's maker; a category word ("AI", "LLM", "OS"), a job title, a headline run of capitals, a number
after the code or a given name's initial ("Claude E. Shannon") is not. The `extractor` fixture loads
the model once per session.
"""

from __future__ import annotations

import pytest

from kg.model import PRODUCT
from tests.extract_helpers import relation_triples, table_kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Operators moved the billing jobs to Azure QDX over the winter.", "Azure QDX"),
        ("Analysts score churn with BigQuery ZM inside the warehouse.", "BigQuery ZM"),
        ("Developers can now try Copilot QX in the terminal.", "Copilot QX"),
        # the code took the sentence's full stop
        ("The keynote ended with a look at Copilot Z. It ships to reviewers first.", "Copilot Z"),
        ("Rumours say the next model may be called the Apple Watch Q for its tenth year.", "Apple Watch Q"),
    ],
)
def test_products16_known_product_caps_code(extractor, text: str, name: str) -> None:
    assert table_kinds(extractor, text).get(name) == PRODUCT


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a category word after the product describes it
        ("Users asked the Copilot AI assistant about the weather.", "Copilot AI"),
        ("Phones get three more Android OS upgrades this year.", "Android OS"),
        # a job title, a number after the code, a run of capitals
        ("The Azure CTO spoke at the meetup in Lisbon.", "Azure CTO"),
        ("Buyers still like the iPhone SE 2016 for its small size.", "iPhone SE"),
        ("Readers met Copilot X Research Lead Dana Holm at the booth.", "Copilot X"),
        # a given name and an initial is a person
        ("The paper of Claude E. Shannon shaped the field of information theory.", "Claude E"),
    ],
)
def test_products16_caps_code_not_edition(extractor, text: str, absent: str) -> None:
    assert absent not in table_kinds(extractor, text)


def test_products16_caps_code_maker_from_known_product(extractor) -> None:
    text = (
        "Microsoft said on Tuesday that Azure QDX is open to all customers. Teams that tried Azure QDX "
        "reported faster jobs."
    )
    assert ("Azure QDX", "developedBy", "Microsoft") in relation_triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # "known as" / "rebranded as" after a product noun: the name takes the noun's type
        ("Dentists use an assistant known as Velan Scribe for their notes.", "Velan Scribe", PRODUCT),
        ("The sync tool was rebuilt last year and rebranded as Tidewell.", "Tidewell", PRODUCT),
        # no noun to type it: a company that rebrands stays what its own cues say
        ("Orvanta Labs rebranded as Pellix Labs in March.", "Pellix Labs", "Organization"),
        # a person "known as" is no product
        ("The painter known as Mira Holt opened a studio in Leeds.", "Mira Holt", "Person"),
    ],
)
def test_products16_as_naming_takes_noun_type(extractor, text: str, name: str, kind: str) -> None:
    assert table_kinds(extractor, text).get(name) == kind
