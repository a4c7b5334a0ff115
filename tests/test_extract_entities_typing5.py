"""Entity typing, round 5: names that are a company and a product, brands, short forms.

Sentences written for these tests (invented names, or well-known gazetteer names used in sentences of
our own). A known company flagged with a product reading ("GitHub", "Discord", "Zoom", "Slack") is the
product where the document uses it as one and never shows it acting; names only the model calls
organizations are products in the same uses ("default installations of X", "sources such as X", "the
open-source X framework"); a company described by its product ("vector database X") is the company when
it announces something; "Cisco X" beside X is X; "X Flow Metrics" beside the company X is X's product;
"the Journal" after "The Wall Street Journal" is that newspaper. The `extractor` fixture loads the model
once per session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.readings import reading_words
from kg.extract.resources import DataFileError, _load_gazetteer
from kg.model import ORG, PRODUCT
from tests.extract_helpers import table_kinds


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a preposition of use after a verb
        ("Gamers chat on Discord every night after school.", "Discord", PRODUCT),
        # a noun of use after the name
        ("Support engineers answer customers in a shared Slack channel every morning.", "Slack", PRODUCT),
        ("The founders pitched investors over a Zoom call last spring.", "Zoom", PRODUCT),
        # the same names acting stay companies
        ("Discord announced a new subscription tier for its servers.", "Discord", ORG),
        ("Zoom CEO Marla Penn said the call volume doubled last year.", "Zoom", ORG),
        # one acting mention is enough, whatever the other mentions say
        ("Slack said it will add search to every plan. Teams share updates on Slack.", "Slack", ORG),
    ],
)
def test_typing5_known_company_read_as_product(extractor, text: str, name: str, kind: str) -> None:
    assert table_kinds(extractor, text).get(name) == kind


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # installations of an operating system
        (
            "The bug grants root access on default installations of Zorbix Server and Kalvane Desktop.",
            ["Zorbix Server", "Kalvane Desktop"],
        ),
        # examples of a noun used through a verb of use
        (
            "With Plovik, analysts connect to external sources such as Parlodb, Quibbase and Zentrastore.",
            ["Parlodb", "Quibbase", "Zentrastore"],
        ),
        # open-source code
        ("Its agents are built on the open-source Trevlin framework, which many startups use.", ["Trevlin"]),
    ],
)
def test_typing5_used_names_are_products(extractor, text: str, names: list[str]) -> None:
    found = table_kinds(extractor, text)
    assert {n: found.get(n) for n in names} == {n: PRODUCT for n in names}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Recently, vector database Quorvane announced a partnership with two regional banks.", ORG),
        ("The vector database Quorvane stores embeddings for search.", PRODUCT),
    ],
)
def test_typing5_described_company_acting(extractor, text: str, kind: str) -> None:
    assert table_kinds(extractor, text).get("Quorvane") == kind


def test_typing5_parent_prefixed_brand_is_one_entity(extractor) -> None:
    found = table_kinds(
        extractor,
        "Cisco acquired Brightlane Labs' rival Zentara last year. Zentara CEO Omar Fike said Cisco "
        "Zentara will hire.",
    )
    assert found.get("Zentara") == ORG
    assert "Cisco Zentara" not in found


def test_typing5_company_name_plus_product_words(extractor) -> None:
    found = table_kinds(
        extractor,
        "Zentara, a startup based in Austin, sells monitors to banks. Its new Zentara Flow Metrics tool "
        "tracks latency across branch offices. Flow Metrics will ship in May.",
    )
    assert found.get("Zentara") == ORG
    assert found.get("Zentara Flow Metrics") == PRODUCT
    assert "Flow Metrics" not in found


def test_typing5_the_last_word_of_a_newspaper(extractor) -> None:
    found = table_kinds(
        extractor,
        "The Wall Street Journal reported the talks on Monday. The deal was worth $2 billion, the Journal "
        "reported.",
    )
    assert found.get("The Wall Street Journal") == ORG
    assert "Journal" not in found


def test_typing5_gazetteer_reads_product_class(tmp_path: Path) -> None:
    path = tmp_path / "gaz.jsonl"
    path.write_text(
        '{"id": "hubco", "name": "Hubco", "kind": "Organization", "cls": "Company", "product": "Service"}\n'
        '{"id": "plain", "name": "Plainco", "kind": "Organization", "cls": "Company"}\n',
        encoding="utf-8",
    )
    gaz = _load_gazetteer(path)
    assert (gaz.entries["hubco"].product, gaz.entries["plain"].product) == ("Service", None)


def test_typing5_reading_words_load_and_fail(tmp_path: Path) -> None:
    words = reading_words()
    assert "on" in words.use_prepositions and "announce" in words.acting_verbs
    assert "repository" not in words.use_compounds  # the seeds' gold: "a GitHub repository" is the company's
    bad = tmp_path / "rules.json"
    bad.write_text('{"product_readings": {"use_prepositions": 3}}', encoding="utf-8")
    with pytest.raises(DataFileError, match="product_readings"):
        reading_words(bad)
