"""Round 16 relation rules on articles written for these tests (invented names), through the whole
extractor (the session `extractor` fixture of tests/conftest.py)."""

from __future__ import annotations

import pytest

from kg.model import Document, Extraction


def extract(extractor, title: str, text: str) -> Extraction:
    return extractor.extract(Document(id="t", title=title, text=text))


def works_for(x: Extraction) -> set[tuple[str, str]]:
    names = {e.key: e.name for e in x.entities}
    return {(names[r.subject], names[r.object]) for r in x.relations if r.predicate == "worksFor"}


MAIN_BODY = (
    "Zentrik Labs unveiled Pallio, an assistant that reads charts and short clips. "
    "Zentrik Labs says Pallio will reach paying customers in March. "
    "Zentrik Labs trained the assistant on licensed data. "
    "Early testers praised the speed of the new tool. "
    "The assistant is meant as a direct answer to Quorvex Inc.'s Brimo, which got a voice mode last week. "
    "“We built it in five months,” Dana Reyes, the chief scientist and co-founder of the company, "
    "wrote online."
)


@pytest.mark.parametrize(
    ("title", "pair", "expected"),
    [
        # the title names the article's company: "the company" is it, not the rival named in passing
        ("Zentrik Labs launches Pallio", ("Dana Reyes", "Zentrik Labs"), True),
        ("Zentrik Labs launches Pallio", ("Dana Reyes", "Quorvex Inc."), False),
        # no title naming it: the nearest organization reading stands
        ("A new assistant reads charts", ("Dana Reyes", "Zentrik Labs"), False),
    ],
)
def test_maincompany_the_company_resolves_to_title_company(extractor, title, pair, expected) -> None:
    assert (pair in works_for(extract(extractor, title, MAIN_BODY))) is expected


def test_maincompany_acting_organization_in_window_keeps_nearest(extractor) -> None:
    text = (
        "Zentrik Labs unveiled Pallio, an assistant that reads charts. "
        "Zentrik Labs says Pallio will ship in March. Zentrik Labs trained it on licensed data. "
        "Quorvex Inc. answered with a voice mode for its own assistant last week. "
        "Dana Reyes, the chief scientist and co-founder of the company, wrote online that it took months."
    )
    found = works_for(extract(extractor, "Zentrik Labs launches Pallio", text))
    assert ("Dana Reyes", "Zentrik Labs") not in found


@pytest.mark.parametrize(
    ("text", "pair", "expected"),
    [
        (
            "Velbrook Inc. sells graph databases. The release is the first under the direction of the "
            "company's new CEO Marta Quill, who is bringing a fresh focus on users.",
            ("Marta Quill", "Velbrook Inc."),
            True,
        ),
        (
            "Velbrook Inc. sells graph databases. The startup's interim CEO Marta Quill, who joined in May, "
            "spoke at the launch.",
            ("Marta Quill", "Velbrook Inc."),
            True,
        ),
        # a bare anaphor before a title holds no possessive: no employer read from it
        (
            "Velbrook Inc. sells graph databases. Analysts who cover the company say CEO Marta Quill, who "
            "joined in May, will speak.",
            ("Marta Quill", "Velbrook Inc."),
            False,
        ),
    ],
)
def test_reltitles_anaphor_possessive_unit_title(extractor, text, pair, expected) -> None:
    assert (pair in works_for(extract(extractor, "", text))) is expected


def test_maincompany_employer_at_keeps_nearest(extractor) -> None:
    """An organization that employs someone in the window ("lead engineer at Quorvex") is not named in
    passing: "the company" after it stays that organization."""
    text = (
        "Zentrik Labs unveiled Pallio, an assistant that reads charts. "
        "Zentrik Labs says Pallio will ship in March. Zentrik Labs trained it on licensed data. "
        "Early testers praised the speed of the new tool. "
        "Pat Doe is a lead engineer at Quorvex Inc. and tried it early. "
        "Dana Reyes, the chief scientist and co-founder of the company, said the tests went well."
    )
    found = works_for(extract(extractor, "Zentrik Labs launches Pallio", text))
    assert ("Dana Reyes", "Zentrik Labs") not in found
