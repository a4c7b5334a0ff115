"""Entity name spans: where a name starts and ends, joined and split names, gazetteer identity.

Every sentence is written for these tests, with invented names (and Nvidia's real product lines).
"""

from __future__ import annotations

import pytest

from kg.extract.names import clean_name
from kg.extract.resources import load_resources
from kg.model import ORG, PRODUCT, Document


def entity_kinds(extractor, text: str) -> dict[str, str]:  # noqa: ANN001 - the fixture's type lives in kg.extract
    """Name -> kind of every entity the extractor finds in `text` (shared by the entity test modules)."""
    ex = extractor.extract(Document(id="t", title="", text=text))
    return {e.name: e.kind for e in ex.entities}


@pytest.mark.parametrize(
    ("text", "names", "glued"),
    [
        (
            "The seed round for the startup was led by Blue Harbor Capital and Quillon Partners, "
            "with money from several angels.",
            ["Blue Harbor Capital", "Quillon Partners"],
            "Blue Harbor Capital and Quillon Partners",
        ),
        (
            "The round was co-led by Hexa and Morimo this spring. Morimo is a fund based in Oslo, "
            "while Hexa mostly backs robotics firms.",
            ["Hexa", "Morimo"],
            "Hexa and Morimo",
        ),
    ],
)
def test_extract_entities_spans_split_coordinated_names(
    extractor, text: str, names: list[str], glued: str  # noqa: ANN001
) -> None:
    found = entity_kinds(extractor, text)
    for name in names:
        assert found.get(name) == ORG, found
    assert glued not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The new rules were written by the US Food and Drug Administration after a long review.",
         "US Food and Drug Administration"),
        ("The complaint was filed with the Securities and Exchange Commission on Tuesday.",
         "Securities and Exchange Commission"),
    ],
)
def test_extract_entities_spans_keep_names_with_inner_and(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert entity_kinds(extractor, text).get(name) == ORG


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a possessive before an office-like head belongs to the name
        ("The complaint went to the Data Ombudsman’s Office last week, the lawyers said.",
         "Data Ombudsman’s Office"),
        # an Irish surname apostrophe before the name the model found
        ("Other backers include Haystack and O’Malley Brightwater Ventures, the filing shows.",
         "O’Malley Brightwater Ventures"),
        # a capitalised word hyphenated onto a known company's name
        ("Meanwhile, semiconductor manufacturers Orvex, Applied Materials and Hitachi High-Tech are adding "
         "the new parts to their inspection systems.", "Hitachi High-Tech"),
        # a job title and "of" before the organization are not part of its name
        ("“We are thrilled,” said Lena Okafor, CEO and Co-Founder of Brisko Labs, in a statement.",
         "Brisko Labs"),
        # a person title word ("lead") opening an investor's name is kept
        ("The startup's round was led by Lead Harbor Capital, with help from angels.", "Lead Harbor Capital"),
    ],
)
def test_extract_entities_spans_name_edges(extractor, text: str, name: str) -> None:  # noqa: ANN001
    found = entity_kinds(extractor, text)
    assert found.get(name) == ORG, found


def test_extract_entities_spans_title_not_in_org(extractor) -> None:  # noqa: ANN001
    text = "“We are thrilled,” said Lena Okafor, CEO and Co-Founder of Brisko Labs, in a statement."
    assert not any("Founder" in name for name in entity_kinds(extractor, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Similar moves came when engineering firm plx Labs agreed to acquire Tessellate, a data startup.",
         "plx Labs"),
        ("Other investors include Haystack, 4-bit Capital and several angels, the company said.",
         "4-bit Capital"),
        ("The three founders previously cofounded the payments company 37 Inc.", "37 Inc."),
    ],
)
def test_extract_entities_spans_lower_or_digit_initial_names(extractor, text: str, name: str) -> None:  # noqa: ANN001
    assert entity_kinds(extractor, text).get(name) == ORG


@pytest.mark.parametrize(
    "text",
    [
        "The startup raised $40 Capital markets were calm.",
        "Budgets for 2021 Inc. filings were due in March, the regulator said.",
    ],
)
def test_extract_entities_spans_no_money_or_year_names(extractor, text: str) -> None:  # noqa: ANN001
    found = entity_kinds(extractor, text)
    assert not any(name[0].isdigit() for name in found), found


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "In the quarter, the chip designer said it launched its GeForce RTX 3050 desktop card, and it "
            "also launched its GeForce RTX 3080 Ti and RTX 3070 Ti laptop chips for gamers.",
            ["GeForce RTX 3050", "GeForce RTX 3080 Ti", "RTX 3070 Ti"],
        ),
        (
            "It said that a social media company is building its research supercomputer with Nvidia DGX "
            "A100 systems, which many labs buy.",
            ["Nvidia DGX A100"],
        ),
    ],
)
def test_extract_entities_spans_model_numbers(extractor, text: str, names: list[str]) -> None:  # noqa: ANN001
    found = entity_kinds(extractor, text)
    for name in names:
        assert found.get(name) == PRODUCT, found
    assert "Ti" not in found and "RTX" not in found


@pytest.mark.parametrize(
    "text",
    [
        "The vendor is certified under ISO 27001 and showed its wares at CES 2023, a trade show.",
        "Lawmakers in the state passed HB 633 after a long debate in the spring.",
    ],
)
def test_extract_entities_spans_no_model_number_for_standards(extractor, text: str) -> None:  # noqa: ANN001
    found = entity_kinds(extractor, text)
    assert not any(k == PRODUCT for k in found.values()), found


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("NVLink-C2C.", "NVLink-C2C"),
        ("Tessellate.", "Tessellate"),
        ("Acme Inc.", "Acme Inc."),
        ("Brisk Corp.", "Brisk Corp."),
        ("U.S.", "U.S."),
    ],
)
def test_extract_entities_spans_clean_name_final_stop(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


def test_extract_entities_spans_gazetteer_chips_are_distinct() -> None:
    gaz = load_resources().gazetteer.by_name()
    ids = {gaz[n.casefold()].id for n in ("H100", "H200", "A100", "B200", "GB200")}
    assert len(ids) == 5


def test_extract_entities_spans_facebook_is_meta(extractor) -> None:  # noqa: ANN001
    text = "Facebook said on Monday that its parent Meta would open a new lab in Paris next year."
    found = entity_kinds(extractor, text)
    assert found.get("Meta") == ORG
    assert "Facebook" not in found


def test_extract_entities_spans_short_form_joins_known_company(extractor) -> None:  # noqa: ANN001
    text = (
        "Zentrix makes chatbots for banks, and Character AI makes them for fans. Will chatbot makers "
        "like Zentrix and Character grow? Character’s CEO said yes in an interview last week."
    )
    found = entity_kinds(extractor, text)
    assert found.get("Zentrix") == ORG and found.get("Character.AI") == ORG, found
    assert "Character" not in found and "Zentrix and Character" not in found
