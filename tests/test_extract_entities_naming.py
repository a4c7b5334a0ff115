"""Entity recall from naming, launch, possession and example cues (sentences written for these tests)."""

from __future__ import annotations

import pytest

from kg.model import ORG, PRODUCT, Document


def _kinds(extractor, text: str) -> dict[str, str]:  # noqa: ANN001 - the fixture's type lives in kg.extract
    ex = extractor.extract(Document(id="t", title="", text=text))
    return {e.name: e.kind for e in ex.entities}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a naming verb: the noun it modifies types the name
        ("Velmora Systems shipped a coding model called Quillfox to its customers.", "Quillfox", PRODUCT),
        ("The startup also sells a tool, dubbed Brindle Lens, that reads invoices.", "Brindle Lens", PRODUCT),
        # the object of a launch verb
        ("Last spring Tarnwell unveiled Glimmerdeck, and analysts liked it.", "Glimmerdeck", PRODUCT),
        # a capitalised name owned by a company and described as new or proprietary
        ("Using the company's proprietary Orbit Ledger, the features save time.", "Orbit Ledger", PRODUCT),
        # a name that ends in GPT before a product noun is a product, not a technical term
        ("The vendor announced the Harbor GPT products for retailers in June.", "Harbor GPT", PRODUCT),
    ],
)
def test_extract_entities_naming_finds_products(extractor, text: str, name: str, kind: str) -> None:  # noqa: ANN001
    found = _kinds(extractor, text)
    assert found.get(name) == kind, found


def test_extract_entities_naming_quoted_feature(extractor) -> None:  # noqa: ANN001
    text = "Slackwise has also added its newly launched ‘Tallies’ feature for project managers."
    assert _kinds(extractor, text).get("Tallies") == PRODUCT


def test_extract_entities_naming_person_after_named_is_no_product(extractor) -> None:  # noqa: ANN001
    text = "Corvane Robotics named Daniel Okafor its chief executive on Monday, the board said."
    found = _kinds(extractor, text)
    assert found.get("Daniel Okafor") not in (PRODUCT, ORG), found


def test_extract_entities_naming_own_alone_is_no_cue(extractor) -> None:  # noqa: ANN001
    text = "The cluster is five times larger than our own Milky Way, the researchers said."
    assert _kinds(extractor, text).get("Milky Way") != PRODUCT


def test_extract_entities_naming_place_before_based_company(extractor) -> None:  # noqa: ANN001
    text = "Funding for the San Jose, California-based company now totals $80 million, Orvella said."
    found = _kinds(extractor, text)
    assert found.get("San Jose") != ORG, found


def test_extract_entities_naming_examples_take_the_noun(extractor) -> None:  # noqa: ANN001
    text = "There are several vector databases, including Pondrite, that store embeddings for search."
    found = _kinds(extractor, text)
    assert found.get("Pondrite") == PRODUCT, found


def test_extract_entities_naming_company_read_as_nationality(extractor) -> None:  # noqa: ANN001
    # the small model may read a one-word company as a nationality; the apposition says otherwise
    text = "Glean, a company that builds workplace search, announced new features on Tuesday."
    assert _kinds(extractor, text).get("Glean") == ORG


def test_extract_entities_naming_lists_come_from_the_rules_path(tmp_path) -> None:  # noqa: ANN001
    import json

    from kg.extract.resources import GAZETTEER_PATH, RULES_PATH, load_resources

    raw = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    raw["naming"]["verbs"] = ["baptised"]
    raw["launch_verbs"] = ["hatch"]
    raw["product_adjectives"] = ["shiny"]
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    rules = load_resources(GAZETTEER_PATH, path).rules
    assert rules.naming_verbs == {"baptised"}
    assert rules.launch_verbs == {"hatch"}
    assert rules.product_adjectives == {"shiny"}
    assert "called" in load_resources().rules.naming_verbs
