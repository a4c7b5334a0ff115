"""Entity typing, round 11: leftovers of round 10.

Sentences written for these tests, with invented names. A name before a company title and a person's
name is the company even where its last word reads as a product ("Zentrik Data Cloud CEO Ann Lee"); a
launched name the text calls a tool or platform is a product although it ends in "Lab" or "Networks";
people in a list of investors stay people. The `extractor` fixture loads the model once per session.
"""

from __future__ import annotations

import pytest

from kg.model import ORG, PERSON, PRODUCT
from tests.extract_helpers import extract, table_kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Revenue doubled last quarter, Zentrik Data Cloud CEO Ann Lee said. "
            "Zentrik Data Cloud sells storage to banks.",
            "Zentrik Data Cloud",
        ),
        (
            "Demand is strong, Morvane Health Platform cofounder and CEO Raj Patel told reporters.",
            "Morvane Health Platform",
        ),
    ],
)
def test_typing11_title_and_person_after_name_make_organization(extractor, text: str, name: str) -> None:
    assert table_kinds(extractor, text).get(name) == ORG


def test_typing11_title_after_name_gives_employer(extractor) -> None:
    x = extract(extractor, "Revenue doubled last quarter, Zentrik Data Cloud CEO Ann Lee said.")
    names = {e.key: e.name for e in x.entities}
    pairs = {(names[r.subject], names[r.object]) for r in x.relations if r.predicate == "worksFor"}
    assert ("Ann Lee", "Zentrik Data Cloud") in pairs


def test_typing11_product_suffix_without_person_stays_product(extractor) -> None:
    # No company title and person's name follow it: the product reading of "Platform" stands.
    text = (
        "Hospitals now use the Morvane Health Platform to book visits. "
        "The Morvane Health Platform is free."
    )
    assert table_kinds(extractor, text).get("Morvane Health Platform") == PRODUCT


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Brellix launched Remote Test Lab, a tool for testing apps. Remote Test Lab runs in the browser.",
            "Remote Test Lab",
        ),
        (
            "Quorvane launched Quorvane Secure Networks, a platform that watches traffic. "
            "Quorvane Secure Networks costs less than rivals.",
            "Quorvane Secure Networks",
        ),
        (
            "The company said its Quorvane Predictive Networks tool spots outages early. "
            "Quorvane Predictive Networks uses sensors.",
            "Quorvane Predictive Networks",
        ),
    ],
)
def test_typing11_product_cues_beat_organization_suffix(extractor, text: str, name: str) -> None:
    assert table_kinds(extractor, text).get(name) == PRODUCT


@pytest.mark.parametrize(
    "text",
    [
        "Two former engineers launched Quill Labs last year. Quill Labs raised money in May.",
        "Brellix launched Remote Test Lab on Monday. Remote Test Lab runs in the browser.",
    ],
)
def test_typing11_launch_alone_keeps_organization_suffix(extractor, text: str) -> None:
    kinds = table_kinds(extractor, text)
    name = "Quill Labs" if "Quill" in text else "Remote Test Lab"
    assert kinds.get(name) == ORG


@pytest.mark.parametrize(
    "text",
    [
        "Investors include Ann Lee of Brellix and Raj Patel of Zentrik Capital. The startup will hire.",
        "Backers include Ann Lee, Raj Patel and Zentrik Capital, the firm said.",
    ],
)
def test_typing11_people_in_investor_list_stay_people(extractor, text: str) -> None:
    kinds = table_kinds(extractor, text)
    assert kinds.get("Ann Lee") == PERSON
    assert kinds.get("Raj Patel") == PERSON
    assert kinds.get("Zentrik Capital") == ORG


def test_typing11_firms_in_investor_list_stay_organizations(extractor) -> None:
    text = "Investors include Zentrik Capital, Morvane Partners and Brellix Ventures, the startup said."
    kinds = table_kinds(extractor, text)
    assert all(kinds.get(n) == ORG for n in ("Zentrik Capital", "Morvane Partners", "Brellix Ventures"))


def test_typing11_short_form_product_cue_keeps_company(extractor) -> None:
    # "its Zorvane technology" types the short form, not the company named with its suffix.
    text = "Quellix bought Zorvane Systems in 2019. The company has extended its Zorvane technology to cars."
    assert table_kinds(extractor, text).get("Zorvane Systems") == ORG
