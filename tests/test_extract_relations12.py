"""worksFor of round 12 (whole extractor, real model), on sentences written for these tests: a job
title after "as" ("A attended the summit as president of global affairs at Zorb", "As the CEO of
Zorb, A ...", "in her previous role as a researcher at Zorb"), and what stays the event step's
("fired as CEO", "hired A as CEO")."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples

AS_RULE = "kg.rel.worksFor.as-title.v1"


def _works(extractor, text: str) -> dict[tuple[str, str, str], object]:  # noqa: ANN001
    return {k: v for k, v in triples(extract(extractor, text)).items() if k[1] == "worksFor"}


@pytest.mark.parametrize(
    ("text", "person", "org", "role", "former"),
    [
        (
            "Dana Whitfield attended the summit as president of global affairs at Brellix Labs.",
            "Dana Whitfield", "Brellix Labs", "president of global affairs", False,
        ),
        (
            "Omar Tull, who spoke at the panel as head of policy at Brellix Labs, urged caution.",
            "Omar Tull", "Brellix Labs", "head of policy", False,
        ),
        (
            "As the CEO of Brellix Labs, Dana Whitfield wants a calmer approach to security.",
            "Dana Whitfield", "Brellix Labs", "CEO", False,
        ),
        (
            "Dana Whitfield, a chemist who now serves as the director of the nonprofit Quillo Institute, "
            "joined the board.",
            "Dana Whitfield", "Quillo Institute", "director", False,
        ),
        (
            "In her role as CEO of Brellix Labs, Dana Whitfield met the board.",
            "Dana Whitfield", "Brellix Labs", "CEO", False,
        ),
        (
            "Dana Whitfield, policy lead at Quillo Systems, studied the topic in her previous role as a "
            "researcher at Brellix Labs.",
            "Dana Whitfield", "Brellix Labs", "researcher", True,
        ),
    ],
)
def test_extract_relations12_as_title(extractor, text, person, org, role, former):
    got = _works(extractor, text)
    rec = got[(person, "worksFor", org)]
    assert rec.rule == AS_RULE
    assert rec.role == role
    assert rec.former is former


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # appointments and departures carry their own status: the event step's, not this rule's
        ("Dana Whitfield stepped down as CEO of Brellix Labs on Monday.", "Dana Whitfield", "Brellix Labs"),
        (
            "Quillo Systems plans to name Dana Whitfield as CEO of Brellix Labs.",
            "Dana Whitfield", "Brellix Labs",
        ),
        # the object, not the subject, takes the title
        ("Omar Tull hired Dana Whitfield as CTO of Brellix Labs.", "Omar Tull", "Brellix Labs"),
        # a place is no employer
        ("Dana Whitfield spoke at the forum as president of France.", "Dana Whitfield", "France"),
    ],
)
def test_extract_relations12_as_title_not_read(extractor, text, person, org):
    rec = _works(extractor, text).get((person, "worksFor", org))
    assert rec is None or rec.rule != AS_RULE


@pytest.mark.parametrize(
    ("title", "kept"),
    [("President", False), ("then-president", False), ("CEO", True), ("cofounder", True)],
)
def test_extract_relations12_bare_president_is_no_subject_title(extractor, title, kept):
    text = (
        "Brellix Labs hosted the forum in May. Brellix Labs sold the tickets. Brellix Labs paid for lunch. "
        f"Later {title} Dana Whitfield dropped by."
    )
    rec = _works(extractor, text).get(("Dana Whitfield", "worksFor", "Brellix Labs"))
    assert (rec is not None) is kept


@pytest.mark.parametrize(
    ("text", "former"),
    [
        ("The award went to Dana Whitfield, founder of Brellix Labs and Quillo Systems.", False),
        ("We spoke to Dana Whitfield, the CEO of Brellix Labs and Quillo Systems, about chips.", False),
        ("Dana Whitfield, a former executive at Brellix Labs and Quillo Systems, joined the board.", True),
    ],
)
def test_extract_relations12_coordinated_employers(extractor, text, former):
    got = _works(extractor, text)
    first = got[("Dana Whitfield", "worksFor", "Brellix Labs")]
    second = got[("Dana Whitfield", "worksFor", "Quillo Systems")]
    assert second.rule == "kg.rel.worksFor.coordinated-employer.v1"
    assert second.role == first.role
    assert second.former is former


@pytest.mark.parametrize(
    ("text", "person", "org"),
    [
        # a list of people, each with an employer
        ("We met Omar Tull, CEO of Brellix Labs, and Quillo Systems founder Dana Whitfield.",
         "Dana Whitfield", "Brellix Labs"),
        ("Omar Tull, CEO of Brellix Labs and Dana Whitfield of Quillo Systems spoke.",
         "Omar Tull", "Quillo Systems"),
    ],
)
def test_extract_relations12_coordinated_employers_not_across_people(extractor, text, person, org):
    assert (person, "worksFor", org) not in _works(extractor, text)


def test_extract_relations12_competitors_include_products(extractor):
    """ "X's competitors include A and B" where A and B are products: a company competes with
    products too."""
    text = "Rivals of Zorbly Labs include Google Workspace and Microsoft 365."
    got = triples(extract(extractor, text))
    for rival in ("Google Workspace", "Microsoft 365"):
        assert got[("Zorbly Labs", "competesWith", rival)].rule == "kg.rel.competesWith.include.v1"


@pytest.mark.parametrize(
    "text",
    [
        "Cofounded by Dana Whitfield (CEO) and Omar Tull (CTO) in 2016, Quillo Systems offers a chat app.",
        "Founded by Dana Whitfield and Omar Tull in 2016, Quillo Systems offers a chat platform for teams.",
    ],
)
def test_extract_relations12_fronted_founders_date_after_list(extractor, text):
    got = _works(extractor, text)
    for person in ("Dana Whitfield", "Omar Tull"):
        rec = got[(person, "worksFor", "Quillo Systems")]
        assert rec.rule == "kg.rel.worksFor.founded-list.v1"
        assert rec.role == "founder"


def test_extract_relations12_fronted_founders_not_other_clause(extractor):
    text = "Founded by Dana Whitfield in 2016 and backed by Brellix Labs, Quillo Systems sells a chat app."
    assert ("Dana Whitfield", "worksFor", "Brellix Labs") not in _works(extractor, text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Quillo Systems is new. Founded by Dana Whitfield and Omar Tull, the company said it raised money.",
         True),
        # a pronoun after an aside is not read
        ("Quillo Systems is new. Founded in 2016 by Dana Whitfield, then a student at Brellix Labs, it grew.",
         False),
    ],
)
def test_extract_relations12_fronted_founders_the_company(extractor, text, found):
    rec = _works(extractor, text).get(("Dana Whitfield", "worksFor", "Quillo Systems"))
    assert (rec is not None and rec.rule == "kg.rel.worksFor.founded-list.v1") is found


def test_extract_relations12_who_clause_of_second_person_only(extractor):
    """ "A, who ..., and B, who worked at Y": B's clause is B's alone; "A and B, who founded Y" is both."""
    text = (
        "The panel included Dana Whitfield, who teaches at Brellix University, and Omar Tull, "
        "who worked at Quillo Systems."
    )
    got = _works(extractor, text)
    assert ("Omar Tull", "worksFor", "Quillo Systems") in got
    assert ("Dana Whitfield", "worksFor", "Quillo Systems") not in got
    both = _works(extractor, "Dana Whitfield and Omar Tull, who founded Quillo Systems, spoke on Monday.")
    for person in ("Dana Whitfield", "Omar Tull"):
        assert (person, "worksFor", "Quillo Systems") in both


def test_extract_relations12_second_title_after_unit_of_possessor(extractor):
    text = (
        "Dana Whitfield, a former member of Brellix Labs’s safety team and cofounder and executive "
        "director of the Quillo Institute think tank, worries about it."
    )
    got = _works(extractor, text)
    rec = got[("Dana Whitfield", "worksFor", "Quillo Institute")]
    assert rec.rule == "kg.rel.worksFor.second-title.v1"
    assert rec.role == "cofounder and executive director"
    assert rec.former is False
    assert got[("Dana Whitfield", "worksFor", "Brellix Labs")].former is True
