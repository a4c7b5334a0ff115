"""worksFor of round 13 (whole extractor, real model), on sentences written for these tests: a job title
in apposition that opens after "the"/"a"/"former" words ("the project management director of ... at
Zorb"), or that follows a short description joined by "and" ("an expert on robots and director of
research at Zorb"), and an employer written "at the Zorb Institute (ZI)"."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples

LONG_RULE = "kg.rel.worksFor.long-title.v1"


def _works(extractor, text: str) -> dict[tuple[str, str, str], object]:  # noqa: ANN001
    return {k: v for k, v in triples(extract(extractor, text)).items() if k[1] == "worksFor"}


@pytest.mark.parametrize(
    ("text", "person", "org", "role"),
    [
        (
            "Dana Kole, an expert on robotics and director of research at the Vantor Institute, said the "
            "plan is weak.",
            "Dana Kole", "Vantor Institute", "director of research",
        ),
        (
            "According to Sam Tarrow, the project management director of platform security at Zentrik "
            "and president of the Lumo Alliance, the plan works.",
            "Sam Tarrow", "Zentrik", "project management director of platform security",
        ),
        (
            "Ines Vald, a longtime critic of cloud pricing and chief economist at Brellix, "
            "said prices will fall.",
            "Ines Vald", "Brellix", "chief economist",
        ),
    ],
)
def test_extract_relations13_title_after_lead_or_description(extractor, text, person, org, role):
    rec = _works(extractor, text)[(person, "worksFor", org)]
    assert rec.rule == LONG_RULE
    assert rec.role == role
    assert rec.former is False


def test_extract_relations13_second_title_after_long_title(extractor):
    text = (
        "According to Sam Tarrow, the project management director of platform security at Zentrik "
        "and president of the Lumo Alliance, the plan works."
    )
    assert ("Sam Tarrow", "worksFor", "Lumo Alliance") in _works(extractor, text)


def test_extract_relations13_former_lead_word_kept(extractor):
    text = "Omar Tull, the former project management director of sales at Quillo Systems, said so."
    rec = _works(extractor, text)[("Omar Tull", "worksFor", "Quillo Systems")]
    assert rec.former is True


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # a description holding another name is no title of the person's
        (
            "Dana Kole, a longtime critic of Zentrik and director of research at the Vantor Institute, "
            "spoke.",
            "Dana Kole", "Zentrik",
        ),
        # a description with a verb in it stops the reading
        (
            "Ines Vald, an analyst who covers chips and writes reports at Brellix, said so.",
            "Ines Vald", "Brellix",
        ),
        # no title after "and": a description alone names no employer
        (
            "Ines Vald, a critic of the plan and fan of open models at Brellix, said so.",
            "Ines Vald", "Brellix",
        ),
    ],
)
def test_extract_relations13_description_not_read(extractor, text, person, org):
    rec = _works(extractor, text).get((person, "worksFor", org))
    assert rec is None or rec.rule != LONG_RULE


@pytest.mark.parametrize(
    ("text", "org", "role"),
    [
        ("Nina Staub, a former prosecutor and now CEO of security startup Cybera, said so.", "Cybera", "CEO"),
        (
            "Nina Staub, a veteran trader and the founder of payments firm Quorvix, spoke.",
            "Quorvix", "founder",
        ),
    ],
)
def test_extract_relations13_described_employer_after_description(extractor, text, org, role):
    rec = _works(extractor, text)[("Nina Staub", "worksFor", org)]
    assert rec.rule == "kg.rel.worksFor.described-employer.v1"
    assert rec.role == role
    assert rec.former is False  # "former" belongs to the description, not to the title
