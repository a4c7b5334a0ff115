"""Deal parties the model reads as places (kg/extract/dealparties.py): whole extractor, real model,
sentences written for these tests with invented names."""

from __future__ import annotations

from tests.extract_helpers import entity_classes, events_of, extract


def test_dealparties_partner_after_with_is_an_organization(extractor) -> None:  # noqa: ANN001
    text = "The retailer Orvana partnered with Strivel to train staff in virtual reality."
    assert entity_classes(extractor, text)["Strivel"][0] == "Organization"
    partnerships = events_of(extract(extractor, text), "Partnership")
    assert [names for names, _ in partnerships] == [{"Orvana", "Strivel"}]


def test_dealparties_buyer_is_an_organization(extractor) -> None:  # noqa: ANN001
    found = entity_classes(extractor, "Zentrik acquired Quillbyte for $40 million on Monday.")
    assert found["Zentrik"][0] == "Organization"


def test_dealparties_people_and_described_names_are_left_alone(extractor) -> None:  # noqa: ANN001
    # a surname used alone, and a name after a noun that says what it is
    found = entity_classes(
        extractor,
        "He later partnered with Suh to found a marketing business. Chan Suh wrote the code. "
        "Van Jones once collaborated with the musician Prince on a school.",
    )
    assert found.get("Chan Suh", ("",))[0] == "Person"
    assert "Suh" not in found and "Prince" not in found
