"""worksFor fixes of round 6 (whole extractor, real model), on sentences written for these tests: an
organization's title in apposition ("A, the former Zorb CEO turned investor"), a long title after a
copula ("A is the cofounder and executive VP of products at Zorb") and a second title joined to the
first ("A, chief executive of Zorb and co-founder of Qwell")."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples


@pytest.mark.parametrize(
    ("text", "person", "org", "role", "former"),
    [
        (
            "\u201cThis will change everything,\u201d said Nat Orlen, the former Brellix CEO turned "
            "investor, sitting onstage for a talk.",
            "Nat Orlen", "Brellix", "CEO", True,
        ),
        (
            "Seen here: Ben Ellwood, Marlin senior partner and global leader of alliances for Tidewell.",
            "Ben Ellwood", "Marlin", "senior partner", False,
        ),
        (
            "Tomas Orlen, a Google product manager, said the launch went well.",
            "Tomas Orlen", "Google", "product manager", False,
        ),
    ],
)
def test_extract_relations_people6_org_title_apposition(extractor, text, person, org, role, former):
    got = triples(extract(extractor, text))
    rec = got[(person, "worksFor", org)]
    assert rec.role == role
    assert rec.former is former


def test_extract_relations_people6_org_title_apposition_needs_person_before(extractor):
    got = triples(extract(extractor, "The Brellix CEO turned investor said the deal was done."))
    assert not [t for t in got if t[1] == "worksFor"]


@pytest.mark.parametrize(
    ("text", "person", "org", "role"),
    [
        (
            "Dana Whitcombe is the cofounder and executive VP of products at Brellix , a vendor of "
            "data tools.",
            "Dana Whitcombe", "Brellix", "cofounder and executive VP of products",
        ),
        (
            "Mira Sandoval was also the senior director of cloud platforms at Quorvex Labs.",
            "Mira Sandoval", "Quorvex Labs", "senior director of cloud platforms",
        ),
    ],
)
def test_extract_relations_people6_copula_long_title(extractor, text, person, org, role):
    got = triples(extract(extractor, text))
    assert got[(person, "worksFor", org)].role == role


def test_extract_relations_people6_copula_without_title_is_no_job(extractor):
    got = triples(extract(extractor, "Dana Whitcombe is a loyal customer at Brellix, she said."))
    assert ("Dana Whitcombe", "worksFor", "Brellix") not in got


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Gina Marlow, chief executive of Quorvex Labs and co-founder of Zentrim Labs, spoke first.",
            "Zentrim Labs",
        ),
        (
            "\u201cWe are glad,\u201d says Gina Marlow, Executive Vice President of Sales & Alliances "
            "at VentureBeat, and Co-founder of Zentrim Labs.",
            "Zentrim Labs",
        ),
    ],
)
def test_extract_relations_people6_second_title(extractor, text, second):
    got = triples(extract(extractor, text))
    assert got[("Gina Marlow", "worksFor", second)].rule == "kg.rel.worksFor.second-title.v1"
    assert [t for t in got if t[0] == "Gina Marlow" and t[1] == "worksFor" and t[2] != second]


def test_extract_relations_people6_second_title_needs_title(extractor):
    text = "Gina Marlow, chief executive of Quorvex Labs, and Tom Reyes of Zentrim Labs spoke first."
    got = triples(extract(extractor, text))
    assert ("Gina Marlow", "worksFor", "Zentrim Labs") not in got
