"""worksFor and developedBy of round 10 (whole extractor, real model), on sentences written for
these tests: an organization's possessive title with a complement before the person's name ("Zorb's
VP of healthcare, A, said"); a person who leads a unit of an organization ("A, who leads Zorb's
research team", "A runs the AI lab at Zorb"); organizations coordinated before one title ("Zorb and
Qwell CEO A"); a unit word before a title ("Zorb cloud VP A"); a product that is an organization's
product noun after a copula ("Zephyra is Zorb's newest chatbot")."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples


def _rels(extractor, text: str, predicate: str) -> dict[tuple[str, str, str], object]:  # noqa: ANN001
    return {k: v for k, v in triples(extract(extractor, text)).items() if k[1] == predicate}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Vantor Systems’ VP of healthcare, Dana Whitfield, said the model is ready.", "VP of healthcare"),
        (
            "“Demand is strong,” Vantor Systems’ VP of trust and safety, Dana Whitfield, told reporters.",
            "VP of trust and safety",
        ),
    ],
)
def test_extract_relations10_possessive_title_with_complement(extractor, text, role):
    got = _rels(extractor, text, "worksFor")
    rec = got[("Dana Whitfield", "worksFor", "Vantor Systems")]
    assert rec.role == role


@pytest.mark.parametrize(
    "text",
    [
        # a determiner inside the run: the title is no apposition of the organization's
        "Vantor Systems’ decision to hire a head of sales, Dana Whitfield, surprised the market.",
        # the name does not close the apposition
        "Vantor Systems’ VP of healthcare, Dana Whitfield and two analysts met on Monday.",
    ],
)
def test_extract_relations10_possessive_title_needs_closed_apposition(extractor, text):
    got = _rels(extractor, text, "worksFor")
    rules = {v.rule for k, v in got.items() if k[0] == "Dana Whitfield"}
    assert "kg.rel.worksFor.possessive-title.v1" not in rules


@pytest.mark.parametrize(
    ("text", "former"),
    [
        ("Dana Whitfield, who leads Vantor Systems' research team, said the model is ready.", False),
        ("Dana Whitfield, who runs the AI lab at Vantor Systems, said the model is ready.", False),
        ("Dana Whitfield, who heads the research group at Vantor Systems, said the model is ready.", False),
        ("Dana Whitfield previously ran the cloud division of Vantor Systems.", True),
    ],
)
def test_extract_relations10_leads_unit(extractor, text, former):
    got = _rels(extractor, text, "worksFor")
    rec = got[("Dana Whitfield", "worksFor", "Vantor Systems")]
    assert rec.rule == "kg.rel.worksFor.leads-unit.v1"
    assert rec.former is former


def test_extract_relations10_leads_unit_needs_person_leader(extractor):
    text = "Brisko Labs runs the data team at Vantor Systems under a contract signed in May."
    got = _rels(extractor, text, "worksFor")
    assert not any(v.rule == "kg.rel.worksFor.leads-unit.v1" for v in got.values())


@pytest.mark.parametrize(
    ("text", "employers"),
    [
        ("On Monday, Brisko Labs and Vantor Systems CEO Dana Whitfield spoke to reporters.",
         {"Brisko Labs", "Vantor Systems"}),
        ("On Monday, Brisko Labs, Kelda Group, and Vantor Systems CEO Dana Whitfield spoke to reporters.",
         {"Brisko Labs", "Kelda Group", "Vantor Systems"}),
        # a person in the list: the list is of signers, not of employers
        ("The letter was signed by Omar Haddad, Brisko Labs and Vantor Systems founder Dana Whitfield.",
         {"Vantor Systems"}),
        ("The letter was signed by Omar Haddad and Vantor Systems founder Dana Whitfield.",
         {"Vantor Systems"}),
    ],
)
def test_extract_relations10_coordinated_employers(extractor, text, employers):
    got = _rels(extractor, text, "worksFor")
    assert {k[2] for k in got if k[0] == "Dana Whitfield"} == employers
    assert ("Omar Haddad", "worksFor", "Vantor Systems") not in got


@pytest.mark.parametrize(
    ("text", "role", "former"),
    [
        ("Vantor Systems’ cloud VP Dana Whitfield said the model is ready.", "cloud VP", False),
        ("Former Vantor Systems hardware head Dana Whitfield joined Brisko Labs.", "hardware head", True),
    ],
)
def test_extract_relations10_unit_word_before_title(extractor, text, role, former):
    rec = _rels(extractor, text, "worksFor")[("Dana Whitfield", "worksFor", "Vantor Systems")]
    assert (rec.role, rec.former) == (role, former)


def test_extract_relations10_unit_word_not_a_rival(extractor):
    got = _rels(extractor, "The Vantor Systems rival CEO Dana Whitfield said prices would fall.", "worksFor")
    assert ("Dana Whitfield", "worksFor", "Vantor Systems") not in got


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Zephyra is Vantor Systems' newest chatbot, and it is free.", True),
        ("Zephyra is not Vantor Systems' only chatbot.", False),  # no product named: no relation
    ],
)
def test_extract_relations10_copula_possessive_maker(extractor, text, found):
    got = _rels(extractor, text, "developedBy")
    rec = got.get(("Zephyra", "developedBy", "Vantor Systems"))
    assert (rec is not None and rec.rule == "kg.rel.developedBy.copula-possessive.v1") is found
