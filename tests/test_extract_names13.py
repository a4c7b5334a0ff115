"""Round 13 name finding: a product or feature named once right after "the/a new" ("a new Column Weave
organizes notes"), also where the model labelled only its last word (kg/extract/newnames.py); before
"lets/allows/gives <users>" and after an opening "With" before ", <users>" (kg/extract/enablers.py)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import mentioned_kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Vexo Labs shipped its notes app on Tuesday. A new Column Weave organizes sections into columns.",
            "Column Weave",
        ),
        (
            "Vexo Labs shipped its notes app on Tuesday. The new Relay Vault promises to centralize "
            "privacy controls.",
            "Relay Vault",
        ),
        (
            "Brightel updated its camera app. The new Motion Portrait is limited to 1080p but blurs "
            "the background.",
            "Motion Portrait",
        ),
    ],
)
def test_extract_names13_run_after_the_new_is_a_product(
    extractor, text: str, name: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == "Product", found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Regulators said the new AI Act will apply from May to every vendor.", "AI Act"),
        ("Vexo Labs closed a new Series B led by Harbor Lane Capital.", "Series B"),
        ("Analysts called it the new AI Cloud Wars. Vexo Labs disagreed.", "AI Cloud Wars"),
        (
            "Vexo Labs said the new Battery State of Health measure will help buyers.",
            "Battery State of Health",
        ),
    ],
)
def test_extract_names13_run_after_the_new_that_is_no_product_stays_out(
    extractor, text: str, name: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name) != "Product", found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vexo Labs updated its phone. It says Insight Orbit now lets users chart sales.", "Insight Orbit"),
        ("Vexo Labs shipped an update. Its Quill Studio allows developers to test prompts.", "Quill Studio"),
        ("Brellix shipped it. Harbor Pulse Cards gives analysts a sales summary.", "Harbor Pulse Cards"),
        ("Vexo Labs shipped it. The Public Ledger Viewer lets you trace payments.", "Public Ledger Viewer"),
    ],
)
def test_extract_names13_subject_that_lets_users_do_things_is_a_product(
    extractor, text: str, name: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == "Product", found


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Brellix said Dana Pruitt now lets users test the beta.", "Dana Pruitt", "Person"),
        ("Quorix Labs allows customers to pay later, the startup said.", "Quorix Labs", "Organization"),
    ],
)
def test_extract_names13_enabler_subject_keeps_people_and_companies(
    extractor, text: str, name: str, kind: str  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert found.get(name) == kind, found


def test_extract_names13_enabler_tail_of_a_longer_name_is_no_name_of_its_own(extractor) -> None:  # noqa: ANN001
    found = mentioned_kinds(extractor, "Brellix said the Zorvane Vector Store enables users to search notes.")
    assert "Vector Store" not in found, found


@pytest.mark.parametrize(
    ("text", "name", "product"),
    [
        ("Vexo Labs updated its phone. With Smart Tally, users can sum columns.", "Smart Tally", True),
        ("Vexo Labs updated its editor. With Quill Canvas, you can sketch a layout.", "Quill Canvas", True),
        ("Vexo Labs said so. With the Zedland AI Act, companies must label models.", "Zedland AI Act", False),
    ],
)
def test_extract_names13_opening_with_run_before_an_audience_is_a_product(
    extractor, text: str, name: str, product: bool  # noqa: ANN001
) -> None:
    found = mentioned_kinds(extractor, text)
    assert (found.get(name) == "Product") is product, found
