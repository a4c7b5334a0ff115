"""worksFor recall of round 8 (whole extractor, real model), on sentences written for these tests:
a bare executive title closing a reported sentence ("..., CEO Dana Reyes said"), describing words
between a title and its organization ("CEO of medical imaging startup Quorvix Labs"), a bare title in
apposition without "the", a past job that leaves the current one open, a fronted founders list
before "the City, State-based X", and a name the parser's sentence break cuts in two."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples


def _works_for(extractor, text: str) -> dict[tuple[str, str, str], object]:  # noqa: ANN001
    return {k: v for k, v in triples(extract(extractor, text)).items() if k[1] == "worksFor"}


@pytest.mark.parametrize(
    ("text", "person", "org", "role"),
    [
        (
            "Zorblin Labs builds tools for banks. Zorblin Labs has opened an office in Lyon, cofounder "
            "and CTO Tom Brek told reporters.",
            "Tom Brek", "Zorblin Labs", "cofounder and CTO",
        ),
        (
            "Security vendor Zorblin Labs sells a platform. The company offers better visibility than "
            "other vendors, CEO Dana Reyes said.",
            "Dana Reyes", "Zorblin Labs", "CEO",
        ),
    ],
)
def test_extract_relations8_trailing_title(extractor, text, person, org, role):
    got = _works_for(extractor, text)
    rec = got[(person, "worksFor", org)]
    assert rec.role == role
    assert rec.rule == "kg.rel.worksFor.trailing-title.v1"


@pytest.mark.parametrize(
    "text",
    [
        # a quotation speaks for "we", not for an organization subject
        'Zorblin Labs sells chips. "We grew fast," CEO Dana Reyes said.',
        # an analyst is nobody's employee by a bare title
        "Zorblin Labs sold more chips this year, analyst Dana Reyes said.",
    ],
)
def test_extract_relations8_trailing_title_needs_executive_outside_quotes(extractor, text):
    got = _works_for(extractor, text)
    assert not [k for k in got if k[0] == "Dana Reyes"]


@pytest.mark.parametrize(
    ("text", "person", "org", "role"),
    [
        (
            "Tara Velo, co-founder and CEO of medical imaging startup Quorvix Labs, told reporters.",
            "Tara Velo", "Quorvix Labs", "co-founder and CEO",
        ),
        (
            "Jon Pell, founding director at policy think tank the Brightline Institute, said so.",
            "Jon Pell", "Brightline Institute", "founding director",
        ),
    ],
)
def test_extract_relations8_described_employer(extractor, text, person, org, role):
    rec = _works_for(extractor, text)[(person, "worksFor", org)]
    assert rec.role == role


def test_extract_relations8_described_employer_needs_named_organization(extractor):
    got = _works_for(extractor, "Jon Pell, director of sales at the firm, praised Quorvix Labs on Monday.")
    assert ("Jon Pell", "worksFor", "Quorvix Labs") not in got


def test_extract_relations8_bare_appositive_title_gives_subject_company(extractor):
    text = (
        "Zorblin Labs sells chips. Zorblin Labs grew fast this year. Zorblin Labs hired new staff. "
        "Sales rose sharply, said Dana Reyes, chief financial officer, in a call."
    )
    rec = _works_for(extractor, text)[("Dana Reyes", "worksFor", "Zorblin Labs")]
    assert rec.role == "chief financial officer"


def test_extract_relations8_past_job_leaves_current_open(extractor):
    text = (
        "Back in 2017, engineers Tom Brek and Ilsa Varn were working at a startup called Quorvix. "
        "Zorblin Labs now sells its tools to banks. Zorblin Labs raised money this year. "
        "Zorblin Labs plans to hire. \u201cWe sold it to teams at Quorvix,\u201d CEO Tom Brek said."
    )
    got = _works_for(extractor, text)
    assert got[("Tom Brek", "worksFor", "Quorvix")].former is True
    assert got[("Tom Brek", "worksFor", "Zorblin Labs")].former is False


@pytest.mark.parametrize(
    ("text", "former"),
    [
        ("Back then, Tom Brek was working at Quorvix Labs on chips.", True),
        ("Tom Brek has worked at Quorvix Labs for a decade.", False),
    ],
)
def test_extract_relations8_tenure_tense(extractor, text, former):
    assert _works_for(extractor, text)[("Tom Brek", "worksFor", "Quorvix Labs")].former is former


def test_extract_relations8_founders_before_based_organization(extractor):
    text = (
        "Founded in 2011 by Tomas Brek, Ilsa Varn, and Oren Pell, the Austin, Texas-based Quorvix "
        "says it is different."
    )
    got = _works_for(extractor, text)
    assert got[("Tomas Brek", "worksFor", "Quorvix")].role == "founder"
    assert ("Oren Pell", "worksFor", "Quorvix") in got
    assert not [k for k in got if k[2] in ("Ilsa Varn", "Oren Pell")]  # list members are no employers


def test_extract_relations8_sentence_break_inside_name(extractor):
    text = (
        "Dana Reyes, managing director of the AI Now Institute and an author of the paper, says the new "
        "rules are welcome."
    )
    rec = _works_for(extractor, text)[("Dana Reyes", "worksFor", "AI Now Institute")]
    assert rec.role == "managing director"


@pytest.mark.parametrize(
    ("text", "product", "org"),
    [
        ("Built by Zorblin Labs, the Quillo app helps nurses plan shifts.", "Quillo", "Zorblin Labs"),
        ("Developed by OpenAI, ChatGPT is a chatbot that answers in plain words.", "ChatGPT", "OpenAI"),
    ],
)
def test_extract_relations8_fronted_participle(extractor, text, product, org):
    rec = triples(extract(extractor, text))[(product, "developedBy", org)]
    assert rec.rule == "kg.rel.developedBy.fronted-participle.v1"


def test_extract_relations8_fronted_participle_needs_making_verb(extractor):
    got = triples(extract(extractor, "Backed by Zorblin Labs, the Quillo app helps nurses plan shifts."))
    assert ("Quillo", "developedBy", "Zorblin Labs") not in got
