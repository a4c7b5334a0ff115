"""developedBy and worksFor of round 9 (whole extractor, real model), on sentences written for these
tests: a job title between commas before its employer ("A, senior VP analyst, Zorb"), a pronoun's
developer from an earlier sentence when the pronoun's own sentence names another organization, and a
naming phrase the parser hangs on the noun after "version of"."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples


def _rels(extractor, text: str, predicate: str) -> dict[tuple[str, str, str], object]:  # noqa: ANN001
    return {k: v for k, v in triples(extract(extractor, text)).items() if k[1] == predicate}


@pytest.mark.parametrize(
    ("text", "person", "org", "role"),
    [
        (
            '"Prices will fall," said Dana Reyes, distinguished VP analyst, Gartner, during a keynote.',
            "Dana Reyes", "Gartner", "distinguished VP analyst",
        ),
        (
            "Dana Reyes, senior director of product, Vantor Labs, said the tool is ready.",
            "Dana Reyes", "Vantor Labs", "senior director of product",
        ),
        (
            "Tom Brek, founder, CEO and chairman, Vantor Labs, told reporters the news.",
            "Tom Brek", "Vantor Labs", "founder, CEO and chairman",
        ),
    ],
)
def test_extract_relations9_comma_title(extractor, text, person, org, role):
    got = _rels(extractor, text, "worksFor")
    rec = got[(person, "worksFor", org)]
    assert rec.role == role
    assert rec.rule == "kg.rel.worksFor.comma-title.v1"


@pytest.mark.parametrize(
    "text",
    [
        # an investor is nobody's employee by the title
        "Speakers were Dana Reyes, an investor, Vantor Labs and Tom Brek.",
        # the organization does not close the apposition
        "Dana Reyes, chief executive, Vantor Labs' rival, praised the deal.",
    ],
)
def test_extract_relations9_comma_title_needs_a_job_closed_by_the_org(extractor, text):
    got = _rels(extractor, text, "worksFor")
    assert ("Dana Reyes", "worksFor", "Vantor Labs") not in got


def test_extract_relations9_pronoun_developer_not_across_another_org(extractor):
    text = (
        "Dreamly Labs released a video model last year. According to Lumio AI, its Ray 2.0 model is "
        "faster."
    )
    got = _rels(extractor, text, "developedBy")
    assert ("Ray 2.0", "developedBy", "Dreamly Labs") not in got


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # the referent named in the same sentence keeps the relation
        ("Dreamly Labs released a video model last year. Lumio AI now says its Ray 2.0 model is faster.",
         "Lumio AI"),
        # "the company" before the pronoun keeps the chain in the sentence
        ("Dreamly Labs makes video tools. The company said its Ray 2.0 model is faster than Lumio AI's.",
         "Dreamly Labs"),
    ],
)
def test_extract_relations9_pronoun_developer_kept(extractor, text, org):
    got = _rels(extractor, text, "developedBy")
    assert ("Ray 2.0", "developedBy", org) in got


def test_extract_relations9_version_called(extractor):
    text = (
        "Zorblin Labs trains language models. Vantor, a rival, has since built its own version of the "
        "engine, called Tessera."
    )
    got = _rels(extractor, text, "developedBy")
    assert ("Tessera", "developedBy", "Vantor") in got
    assert ("Tessera", "developedBy", "Zorblin Labs") not in got


def test_extract_relations9_pronoun_developer_is_the_clause_subject(extractor):
    text = (
        "Zorbix Corp bought Kaskel Labs in March. Zorbix Corp folded the Kaskel Labs engine into its "
        "Luma service."
    )
    got = _rels(extractor, text, "developedBy")
    assert ("Luma", "developedBy", "Zorbix Corp") in got
    assert ("Luma", "developedBy", "Kaskel Labs") not in got
