"""worksFor and developedBy of round 14 (whole extractor, real model), on sentences written for these
tests with invented names: abbreviated titles after a possessive ("Zorbix's SVP of product"), a bare
"company" before a title ("company spokesperson X"), "who leads/runs <organization>" and "who heads up
<work> for <organization>", plural titles in apposition to coordinated people ("A and B, graduate
students at Zorbix"), and "a <maker> <product noun> called <name>"."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples

LEAD = "Zorbix Labs opened a new lab in Ohio. Zorbix Labs said the lab will hire 40 people. "


def _rels(extractor, text: str, predicate: str) -> dict[tuple[str, str, str], object]:  # noqa: ANN001
    return {k: v for k, v in triples(extract(extractor, text)).items() if k[1] == predicate}


@pytest.mark.parametrize(
    ("text", "person", "org", "role"),
    [
        ("Tomas Brell, Zorbix's SVP of product, said the tool is ready.",
         "Tomas Brell", "Zorbix", "SVP of product"),
        ("Hand assembly is slow, says Tomas Brell, Zorbix's VP of manufacturing.",
         "Tomas Brell", "Zorbix", "VP of manufacturing"),
        ("Dana Reyes, Zorbix's CVP for Business Applications, told reporters.",
         "Dana Reyes", "Zorbix", "CVP"),
        (LEAD + "Ann Lee, the company's SVP of product experience, said it works.",
         "Ann Lee", "Zorbix Labs", "SVP of product experience"),
    ],
)
def test_extract_relations14_abbreviated_title_after_possessive(extractor, text, person, org, role):
    rec = _rels(extractor, text, "worksFor")[(person, "worksFor", org)]
    assert rec.role == role  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (LEAD + "Zorbix Labs will pay for it, company spokesperson Ann Lee said.", "Ann Lee", "spokesperson"),
        (LEAD + "“We are growing,” Bo Chen, company cofounder and CEO, said in a statement.",
         "Bo Chen", "cofounder and CEO"),
    ],
)
def test_extract_relations14_company_before_title(extractor, text, person, role):
    rec = _rels(extractor, text, "worksFor")[(person, "worksFor", "Zorbix Labs")]
    assert rec.role == role  # type: ignore[attr-defined]


def test_extract_relations14_described_company_title_is_not_subject(extractor):
    rels = _rels(extractor, LEAD + "Its parent company CEO Ann Lee said so.", "worksFor")
    assert ("Ann Lee", "worksFor", "Zorbix Labs") not in rels


@pytest.mark.parametrize(
    ("text", "person", "org", "former"),
    [
        ("“It works,” says Ann Lee, who runs Ohio-based Zorbix Holdings and chairs the Quill Foundation.",
         "Ann Lee", "Zorbix Holdings", False),
        ("Ann Lee, who leads Zorbix Labs, said it.", "Ann Lee", "Zorbix Labs", False),
        ("Ann Lee, who led Zorbix Labs until 2020, said it.", "Ann Lee", "Zorbix Labs", True),
        ("“It works,” says Ann Lee, who heads up product design for Zorbix.", "Ann Lee", "Zorbix", False),
        ("“It works,” says Ann Lee, who leads AI development at Zorbix and is based in Ohio.",
         "Ann Lee", "Zorbix", False),
    ],
)
def test_extract_relations14_leads_organization(extractor, text, person, org, former):
    rec = _rels(extractor, text, "worksFor")[(person, "worksFor", org)]
    assert rec.former is former  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "people", "org"),
    [
        ("Ann Lee and Bo Chen, graduate students at MIT, wrote the paper.",
         ("Ann Lee", "Bo Chen"), "Massachusetts Institute of Technology"),
        ("Ann Lee and Bo Chen, both researchers at Zorbix Labs, wrote it.",
         ("Ann Lee", "Bo Chen"), "Zorbix Labs"),
        ("Ann Lee, a doctoral student at Stanford University, wrote the paper.",
         ("Ann Lee",), "Stanford University"),
    ],
)
def test_extract_relations14_plural_title_apposition(extractor, text, people, org):
    rels = _rels(extractor, text, "worksFor")
    for person in people:
        assert (person, "worksFor", org) in rels


@pytest.mark.parametrize(
    ("text", "product", "org"),
    [
        ("Zorbix Labs opened an office. Users can now try a Zorbix Labs tool called Quillmind.",
         "Quillmind", "Zorbix Labs"),
        ("Zorbix Labs opened an office. Its search uses a new Zorbix Labs system called Quillmind.",
         "Quillmind", "Zorbix Labs"),
    ],
)
def test_extract_relations14_maker_noun_called(extractor, text, product, org):
    assert (product, "developedBy", org) in _rels(extractor, text, "developedBy")


def test_extract_relations14_agent_called_is_no_product(extractor):
    text = "She worked for a new boss: a Zorbix Labs agent named Wilfred Tamm."
    rels = _rels(extractor, text, "developedBy")
    assert not any(k[0] == "Wilfred Tamm" for k in rels)


def test_extract_relations14_possessor_employs_not_the_unit(extractor):
    text = (
        "Zorbix opened new stores in Ohio. Zorbix said sales grew. "
        "Tom Hardy, Zorbix’s VP of Technology Transformation and R&D, will speak."
    )
    rels = _rels(extractor, text, "worksFor")
    assert ("Tom Hardy", "worksFor", "Zorbix") in rels
    assert [k for k in rels if k[0] == "Tom Hardy"] == [("Tom Hardy", "worksFor", "Zorbix")]
