"""Round 17 relation rules on sentences written for these tests (invented names), through the whole
extractor (the session `extractor` fixture of tests/conftest.py): an organization noun in apposition
with "in/from <place>", "<owner>'s (flagship) product is <name>", "one of <owner>'s products is <name>"
and "<owner> offers <name> as a <product noun>"."""

from __future__ import annotations

import pytest

from kg.model import Document, Extraction


def extract(extractor, text: str) -> Extraction:
    return extractor.extract(Document(id="t", title="", text=text))


def pairs(x: Extraction, predicate: str) -> set[tuple[str, str]]:
    names = {e.key: e.name for e in x.entities}
    return {(names[r.subject], names[r.object]) for r in x.relations if r.predicate == predicate}


@pytest.mark.parametrize(
    ("text", "pair", "expected"),
    [
        ("Brellix Labs, a startup in Boston founded by former researchers at Quantiva, released a model.",
         ("Brellix Labs", "Boston"), True),
        ("Brellix Labs, an AI company from Berlin, raised $5 million.", ("Brellix Labs", "Berlin"), True),
        ("Brellix Labs is a robotics firm in Munich.", ("Brellix Labs", "Munich"), True),
        # a person in apposition is no organization; "from" + people is no place
        ("Dana Welk, a developer in Ohio, uses the Brellix Labs app.", ("Dana Welk", "Ohio"), False),
    ],
)
def test_rel17_noun_in_place_is_located(extractor, text, pair, expected) -> None:
    assert (pair in pairs(extract(extractor, text), "locatedIn")) is expected


def test_rel17_startup_from_people_has_no_place(extractor) -> None:
    x = extract(extractor, "Brellix Labs, a startup from former Quantiva engineers, raised money.")
    assert not pairs(x, "locatedIn")


@pytest.mark.parametrize(
    "text",
    [
        "Quantiva Labs' main product is Zelmo.",
        "Quantiva Labs is a startup. The company's core product is Zelmo.",
        "One of Quantiva Labs' flagship products is Zelmo.",
        "Quantiva Labs is a startup. One of its best-known tools is Zelmo, a planner.",
        "Nurses like the Zelmo app. Quantiva Labs offers Zelmo as a freemium product.",
        "Nurses like the Zelmo app. Quantiva Labs is a startup. "
        "The company sells Zelmo as a platform for clinics.",
    ],
)
def test_rel17_owner_product_copula_and_offer_is_developed_by(extractor, text) -> None:
    assert ("Zelmo", "Quantiva Labs") in pairs(extract(extractor, text), "developedBy")


def test_rel17_offer_without_product_noun_is_no_maker(extractor) -> None:
    # a reseller offering someone's model "as a managed service" is no maker claim
    x = extract(extractor, "Nurses like the Zelmo app. Quantiva Labs offers Zelmo as a managed service.")
    assert ("Zelmo", "Quantiva Labs") not in pairs(x, "developedBy")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quantiva Labs has acquired rival Brellix Systems.", True),
        ("Quantiva Labs has acquired AI-enabled rival Brellix Systems.", True),
        ("Quantiva Labs sued its rival Brellix Systems in May.", True),
        # acquirers and partners are no rivals unless the text says so
        ("Quantiva Labs has acquired Brellix Systems.", False),
        ("Quantiva Labs partnered with Brellix Systems.", False),
    ],
)
def test_rel17_rival_named_as_object_competes(extractor, text, expected) -> None:
    found = pairs(extract(extractor, text), "competesWith")
    assert (("Quantiva Labs", "Brellix Systems") in found) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quantiva Labs has a tool called Zelmo.", True),
        # a comparable offering is often someone else's product
        ("Quantiva Labs has a similar tool called Zelmo.", False),
    ],
)
def test_rel17_named_offering_called_is_developed_by(extractor, text, expected) -> None:
    assert (("Zelmo", "Quantiva Labs") in pairs(extract(extractor, text), "developedBy")) is expected
