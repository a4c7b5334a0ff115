"""worksFor and developedBy of round 11 (whole extractor, real model), on sentences written for
these tests: a product between a job title and the employer ("A, VP of Zephyra at Zorb"); a news
outlet is never a developer; founders ("A co-founded Zorb", "before starting the startup Zorb",
"..., co-founder A said") with their role; a plural unit word the tagger made a verb ("Zorb devices
chief A")."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples

PERSON = "Dana Whitfield"
ORG = "Vantor Systems"


def _rels(extractor, text: str, predicate: str) -> dict[tuple[str, str, str], object]:  # noqa: ANN001
    return {k: v for k, v in triples(extract(extractor, text)).items() if k[1] == predicate}


def test_extract_relations11_product_inside_title(extractor):
    text = (
        "Vantor Systems released Zephyra, a chatbot, last year. "
        "Dana Whitfield, VP of Zephyra at Vantor Systems, said the tool ships in May."
    )
    got = _rels(extractor, text, "worksFor")
    rec = got[(PERSON, "worksFor", ORG)]
    assert rec.role == "VP of Zephyra"
    assert (PERSON, "worksFor", "Zephyra") not in got


@pytest.mark.parametrize(
    "text",
    [
        "VentureBeat covered the launch. In the VentureBeat Zephyra chatbot test, the tool did well.",
        "Wired tested it. Wired's Zephyra review praised the app.",
    ],
)
def test_extract_relations11_media_is_no_developer(extractor, text):
    x = extract(extractor, text)
    media = {e.key for e in x.entities if e.cls == "MediaOrganization"}
    assert media  # the outlet is read as one
    assert not [r for r in x.relations if r.predicate == "developedBy" and r.object in media]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Vantor Systems sells chips to carmakers. Dana Whitfield co-founded Vantor Systems in 2019.",
         "co-founder"),
        ("Vantor Systems sells chips to carmakers. Dana Whitfield cofounded Vantor Systems in 2019.",
         "co-founder"),
        ("Dana Whitfield, who co-founded the startup Vantor Systems, said the tool is ready.", "co-founder"),
        ("Dana Whitfield worked at Qorvin Labs before starting the startup Vantor Systems.", "founder"),
        ("Vantor Systems, a startup founded by Dana Whitfield, raised money.", "founder"),
        ("Vantor Systems raised $5 million, co-founder Dana Whitfield said.", "co-founder"),
        ("Vantor Systems raised $5 million last week, and co-founder Dana Whitfield said hiring will follow.",
         "co-founder"),
    ],
)
def test_extract_relations11_founder_role(extractor, text, role):
    rec = _rels(extractor, text, "worksFor")[(PERSON, "worksFor", ORG)]
    assert rec.role == role
    assert rec.former is False


def test_extract_relations11_trailing_title_needs_executive(extractor):
    text = "Vantor Systems opened an office in Lyon, and analyst Dana Whitfield said it was overdue."
    assert (PERSON, "worksFor", ORG) not in _rels(extractor, text, "worksFor")


def test_extract_relations11_verb_tagged_unit_word(extractor):
    text = "Vantor Systems devices chief Dana Whitfield said sales rose."
    rec = _rels(extractor, text, "worksFor")[(PERSON, "worksFor", ORG)]
    assert (rec.rule, rec.role) == ("kg.rel.worksFor.unit-title.v1", "devices chief")


@pytest.mark.parametrize(
    "text",
    [
        "Vantor Systems hires chief Dana Whitfield.",
        "Vantor Systems names chief Dana Whitfield to lead sales.",
    ],
)
def test_extract_relations11_hiring_verb_is_no_unit(extractor, text):
    got = _rels(extractor, text, "worksFor")
    assert not any(v.rule == "kg.rel.worksFor.unit-title.v1" for v in got.values())
