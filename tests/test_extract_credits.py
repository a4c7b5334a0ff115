"""Picture credits are page furniture: neither the photographer nor the agency a credit names is an
entity, even an agency the gazetteer knows; the agency's mentions in the article's sentences count
(kg/extract/credits.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.credits import credit_agency
from tests.extract_helpers import body_entity_classes


@pytest.mark.parametrize(
    "text",
    [
        "Photograph: Dana Reyes/Getty Images. The startup raised money.",
        "Photo by Dana Reyes/Getty Images. The startup raised money.",
        "Credit: Getty Images. The startup raised money.",
        "Illustration: Lee Park/Getty Images. The startup raised money.",
    ],
)
def test_credits_agency_of_a_picture_credit_is_no_entity(extractor, text: str) -> None:  # noqa: ANN001
    found = body_entity_classes(extractor, text)
    assert "Getty Images" not in found
    assert "Dana Reyes" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Scrapers copy pictures from stock libraries like Getty Images and from artists' own sites.",
        "Getty Images sued the image generator's maker in London last year.",
    ],
)
def test_credits_agency_in_the_article_is_an_organization(extractor, text: str) -> None:  # noqa: ANN001
    assert body_entity_classes(extractor, text)["Getty Images"] == ("Organization", "Company")


def test_credits_agency_named_in_a_credit_and_the_text_is_one_organization(extractor) -> None:  # noqa: ANN001
    found = body_entity_classes(
        extractor, "Credit: Getty Images. Getty Images said it would license its archive to the lab."
    )
    assert found["Getty Images"][0] == "Organization"


def test_credits_credit_agency_needs_a_caption_label(extractor) -> None:  # noqa: ANN001
    doc = extractor.pipeline.nlp("Lawyers at Credit Suisse: Ann Lee/Getty Images said no.")
    start = next(t.i for t in doc if t.text == "Getty")
    assert not credit_agency(doc, start)
    doc = extractor.pipeline.nlp("Photo: Ann Lee/Getty Images")
    assert credit_agency(doc, next(t.i for t in doc if t.text == "Getty"))
