"""Entity name spans, round 2: scores, trademark marks, declared term acronyms, category labels, awards,
editions for an audience, institutions named in generic words, owned product names, and one entity for
a full name and its short forms within a document.

Every sentence is written for these tests, with invented names. The `extractor` fixture
(tests/conftest.py) loads the model once per session.
"""

from __future__ import annotations

import pytest

from kg.extract.aliases import is_short_form, plural_variant
from kg.model import ORG, PERSON, PRODUCT
from tests.test_extract_entities_spans import entity_kinds


@pytest.mark.parametrize(
    ("text", "name", "kind", "not_names"),
    [
        # a match score and a trademark mark after a name are no part of it
        ("In the final, Zorn beat champion Ada Kimble 4-1 before a big crowd.", "Ada Kimble", PERSON,
         ["Ada Kimble 4-1", "Ada Kimble 4"]),
        ("Halvex sells its Quorra Care Hub TM platform to clinics in Ohio.", "Quorra Care Hub", None,
         ["Quorra Care Hub TM"]),
        # an edition of a product for an audience keeps its tail
        ("Velbrook released Zelmo for Teams, its enterprise offering, on Monday.", "Zelmo for Teams", PRODUCT,
         ["Teams", "Zelmo"]),
        # generic words that name an institution after "the" and lower-case modifiers
        ("The rules are weak, said Dana Holt, president of the independent nonprofit Center for Digital "
         "Ethics.", "Center for Digital Ethics", ORG, []),
        # a name owned by somebody and followed by a product noun
        ("Corvana's existing Skyline Zones solution covers most offices.", "Skyline Zones", PRODUCT, []),
        ("The update adds its Snip Tool for screenshots and short clips.", "Snip Tool", PRODUCT, []),
        ("Brexo's Red Queen chess machine beat the champion last week.", "Red Queen", PRODUCT, []),
    ],
)
def test_extract_entities_spans2_name_edges(
    extractor, text: str, name: str, kind: str | None, not_names: list[str]  # noqa: ANN001
) -> None:
    found = entity_kinds(extractor, text)
    assert name in found, found
    if kind is not None:
        assert found[name] == kind, found
    for bad in not_names:
        assert bad not in found, found


@pytest.mark.parametrize(
    ("text", "not_names"),
    [
        # an acronym a text declares for a lower-case phrase is a term
        ("Many buyers now turn to explainable AI (also called XAI) models for audits.", ["XAI"]),
        ("Teams deploy retrieval augmented generation (RAG) pipelines to ground answers.", ["RAG"]),
        # an acronym and its expansion before a category noun label a kind of company or method
        ("Kalvo, a Data Quality Ops (DQOps) company, raised $4 million this spring.",
         ["Data Quality Ops", "DQOps"]),
        ("Methods like SHAP (SHapley Additive exPlanations) values help explain a model.",
         ["SHAP", "SHapley Additive exPlanations"]),
        # awards and conferences
        ("The 2022 Fields Medal went to a Ukrainian mathematician.", ["Fields Medal", "Fields"]),
        ("Orvana showed its new tools at OpenAI DevDay in November.", ["OpenAI DevDay"]),
        ("Announced at Zentrik Ignite 2023, Quorra Voice reads scripts aloud.", ["Zentrik Ignite"]),
        ("During Orvana Connect 2024 the company showed a headset.", ["Orvana Connect"]),
        ("Orvana demoed its chip at Nvidia GTC last spring.", ["Nvidia GTC"]),
    ],
)
def test_extract_entities_spans2_not_names(extractor, text: str, not_names: list[str]) -> None:  # noqa: ANN001
    found = entity_kinds(extractor, text)
    for bad in not_names:
        assert bad not in found, found


def test_extract_entities_spans2_named_company_acronym_stays(extractor) -> None:  # noqa: ANN001
    # a capitalised name before its acronym is a name, whatever lower-case word precedes it
    found = entity_kinds(extractor,
                         "The sports agency Crestline Artists Agency (CAA) signed a deal with Halvex.")
    assert "Crestline Artists Agency" in found, found


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        ("Lorn Health (Lorn) said it raised $5 million. Lorn plans to hire forty engineers.", "Lorn Health",
         "Lorn"),
        ("Brakka Security raised $6 million from Tovel Partners. Brakka says its focus is APIs, and "
         "Brakka will hire.", "Brakka Security", "Brakka"),
        ("The U.S. Air Force signed a deal with Kelvra. The Air Force will test the drones.",
         "U.S. Air Force", "Air Force"),
    ],
)
def test_extract_entities_spans2_short_forms_join(
    extractor, text: str, name: str, short: str  # noqa: ANN001
) -> None:
    found = entity_kinds(extractor, text)
    assert found.get(name) == ORG, found
    assert short not in found, found


def test_extract_entities_spans2_short_name_before_long_stays_apart(extractor) -> None:  # noqa: ANN001
    # the firm named first, then its investment arm: two organizations
    text = (
        "Quellon builds robots for farms. Last year Quellon Capital, its venture arm, backed four startups."
    )
    found = entity_kinds(extractor, text)
    assert found.get("Quellon Capital") == ORG, found
    assert found.get("Quellon") == ORG, found


@pytest.mark.parametrize(
    ("a", "b", "short", "plural"),
    [
        ("Lorn", "Lorn Health", True, False),
        ("Health", "Lorn Health", False, False),
        ("Co-Innovation Lab", "Co-Innovation Labs", False, True),
        ("Data Lab", "Data Labs", False, True),
        ("Nova", "Novas", False, False),  # one word: too weak to merge
    ],
)
def test_extract_entities_spans2_alias_shapes(a: str, b: str, short: bool, plural: bool) -> None:
    assert is_short_form(a, b) is short
    assert plural_variant(a, b) is plural


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # the first word of a rank is no part of the name before it
        ("The chip is named after pioneer and US Navy Rear Admiral Tessa Vorn, who wrote early compilers.",
         ["Tessa Vorn"], ["US Navy Rear"]),
        # the spelled-out words of an acronym are no name
        ("ZEPH (which is an acronym for Zonal Expert Planning Helper) was released in July by Kelvra Labs.",
         ["Kelvra Labs"], ["Zonal Expert Planning Helper"]),
        # names listed in prose with a bracketed acronym are no glued headline
        ("The round was co-led by Big Fund Associates (BFA) and Cortex Ventures, with others joining.",
         ["Big Fund Associates", "Cortex Ventures"], []),
    ],
)
def test_extract_entities_spans2_prose_names(
    extractor, text: str, present: list[str], absent: list[str]  # noqa: ANN001
) -> None:
    found = entity_kinds(extractor, text)
    for name in present:
        assert name in found, found
    for bad in absent:
        assert bad not in found, found


@pytest.mark.parametrize(
    ("line", "runs"),
    [
        # inside a sentence, after a lower-case word: names in prose, however many
        ("It was co-led by Big Fund Associates (BFA) and Cortex Ventures Group, with others.", 0),
        ("He advised the White House Office of Science and Technology Policy on chips.", 0),
        # after a sentence end: a headline glued into the text
        ("The deal closed. Why Big Tech Keeps Buying Chip Startups Before They Grow Up Jane Roe Business", 1),
    ],
)
def test_extract_entities_spans2_layout_runs_in_prose(line: str, runs: int) -> None:
    from kg.extract.layout import title_case_runs

    assert len(title_case_runs(line)) == runs
