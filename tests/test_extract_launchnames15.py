"""Names in launch sentences, round 15: a name in the "of" phrase of one launch noun ("the launch of
Zed, a ... platform") is the launched product, linked by the launch step; launches in general
("releases of", a bare "launch of") and people are left alone."""

from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.model import Document


def _kinds(ex: Extractor, text: str) -> dict[str, str]:
    out = ex.extract(Document(id="t", title="", text=text))
    return {e.name: e.kind for e in out.entities}


def _launched(ex: Extractor, text: str) -> set[str]:
    out = ex.extract(Document(id="t", title="", text=text))
    names = {e.key: e.name for e in out.entities}
    return {
        names[k] for ev in out.events if ev.type == "Launch" for r, k in ev.participants if r == "product"
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Data firm Bravik today announced the launch of QuorraGPT, a secure generative AI platform.",
            "QuorraGPT",
        ),
        (
            "Storage maker Bravik celebrated the release of Tessel Vault, a backup service for clinics.",
            "Tessel Vault",
        ),
        (
            "With the launch of the Plexo Endpoints, the company hopes to win hospital buyers.",
            "Plexo Endpoints",
        ),
        ("Analysts praised the debut of Morrow Lens, an app that reads receipts aloud.", "Morrow Lens"),
        ("The company confirmed the rollout of Harlo Sync to every customer in Europe.", "Harlo Sync"),
    ],
)
def test_launchnouns_named_object_is_launched_product(extractor: Extractor, text: str, name: str) -> None:
    assert _kinds(extractor, text).get(name) == "Product"
    assert name in _launched(extractor, text)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a person introduced to a team is no product
        (
            "The board welcomed the introduction of Maria Quendel as chief operating officer.",
            "Maria Quendel",
            "Person",
        ),
        # a company suffix outweighs the launch noun
        (
            "The launch of Quorvant Labs drew a crowd of investors to the old mill.",
            "Quorvant Labs",
            "Organization",
        ),
    ],
)
def test_launchnouns_keeps_people_and_suffixed_companies(
    extractor: Extractor, text: str, name: str, kind: str
) -> None:
    assert _kinds(extractor, text).get(name) == kind


@pytest.mark.parametrize(
    "text",
    [
        # plural and bare launch nouns speak of launches in general
        "Frequent releases of Tandor keep the support staff busy all year.",
        "Launch of Tandor was the talk of the fair.",
    ],
)
def test_launchnouns_general_launches_give_no_vote(extractor: Extractor, text: str) -> None:
    from kg.extract import launchnouns

    sdoc, _ctx, _table = extractor.pipeline.analyse(Document(id="t", title="", text=text))
    k = next(t.i for t in sdoc if t.text == "Tandor")
    rules = extractor.pipeline.res.rules
    assert launchnouns.launch_noun_votes(sdoc, k, k + 1, rules) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bravik said the new tool sits under its Quilla Notes app launched back in 2019.", "Quilla Notes"),
        ("Teachers still rely on the Quilla Notes app released in 2019 for their lessons.", "Quilla Notes"),
    ],
)
def test_launchclauses_reduced_relative_launches_named_product(
    extractor: Extractor, text: str, name: str
) -> None:
    assert name in _launched(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The product launched in 2019 still sells well.",  # no name: no launch of a named product
        "Bravik said the plan launched last year has failed.",
    ],
)
def test_launchclauses_reduced_relative_without_name_no_product(extractor: Extractor, text: str) -> None:
    assert _launched(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "At its yearly fair, Splunk announced Splunk QX, a suite of assistants for security teams.",
            "Splunk QX",
        ),
        ("Dropbox today unveiled Dropbox ZQ, an app that tidies shared folders.", "Dropbox ZQ"),
    ],
)
def test_capslaunches_known_name_and_capital_word_is_product(
    extractor: Extractor, text: str, name: str
) -> None:
    assert _kinds(extractor, text).get(name) == "Product"
    assert name in _launched(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Splunk announced Splunk QX to help security teams.",  # no apposition says what it is
        "Splunk QX, a suite of assistants, was praised by Splunk users.",  # no launch word before it
    ],
)
def test_capslaunches_needs_launch_and_product_apposition(extractor: Extractor, text: str) -> None:
    assert "Splunk QX" not in _kinds(extractor, text)


def test_launchnouns_apposition_on_launch_noun_outweighs_repeated_model_labels(extractor: Extractor) -> None:
    text = (
        "Data firm Bravik today announced the launch of QuorraGPT, a secure generative AI platform. "
        "QuorraGPT runs on private servers. QuorraGPT keeps logs for a year. "
        "QuorraGPT costs less than rivals. "
        "QuorraGPT answers in nine languages. QuorraGPT ships with a plugin kit."
    )
    assert _kinds(extractor, text).get("QuorraGPT") == "Product"
