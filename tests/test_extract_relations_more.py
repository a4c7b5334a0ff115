"""More relation patterns on sentences written for these tests (whole extractor, real model):
job titles with a field, fellows, founders, "led by", "whose startup", "-based" phrases, company
names before product names, "created at"."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples


@pytest.mark.parametrize(
    ("text", "triple", "rule"),
    [
        (
            "Maria Lopez, director of machine learning at Cohere, said the model was ready.",
            ("Maria Lopez", "worksFor", "Cohere"),
            "kg.rel.worksFor.appositive.v1",
        ),
        (
            "Gabe Nichols, a research fellow at the Center for Democracy and Technology, disagreed.",
            ("Gabe Nichols", "worksFor", "Center for Democracy and Technology"),
            "kg.rel.worksFor.appositive.v1",
        ),
        (
            "Sam Altman cofounded OpenAI in 2015 with a handful of researchers.",
            ("Sam Altman", "worksFor", "OpenAI"),
            "kg.rel.worksFor.founded.v1",
        ),
        (
            "Mistral AI, a startup founded by Arthur Mensch, raised money in the spring.",
            ("Arthur Mensch", "worksFor", "Mistral AI"),
            "kg.rel.worksFor.founded-by.v1",
        ),
        (
            "The Google Brain research team in Toronto led by Geoffrey Hinton explored deep learning.",
            ("Geoffrey Hinton", "worksFor", "Google Brain"),
            "kg.rel.worksFor.led-by.v1",
        ),
        (
            "Talha Baig, a former Meta engineer whose startup, Sero AI, recently received money, spoke.",
            ("Talha Baig", "worksFor", "Sero AI"),
            "kg.rel.worksFor.whose.v1",
        ),
        (
            "The UAE-based technology holding group G42 opened an office.",
            ("G42", "locatedIn", "UAE"),
            "kg.rel.locatedIn.based.v1",
        ),
        (
            "The lab rents 64 Google TPU chips for training. Google sells time on them to startups.",
            ("TPU", "developedBy", "Google"),
            "kg.rel.developedBy.compound.v1",
        ),
    ],
)
def test_extract_relations_more_patterns(extractor, text, triple, rule):
    found = triples(extract(extractor, text))
    assert triple in found, sorted(found)
    assert found[triple].rule == rule


def test_extract_relations_more_based_phrase_that_refers_back(extractor):
    found = triples(extract(extractor, "Cohere makes models. The Toronto-based startup said it was popular."))
    rel = found[("Cohere", "locatedIn", "Toronto")]
    assert rel.rule == "kg.rel.locatedIn.based.v1"
    assert rel.confidence < 0.85  # reached through "the startup"


@pytest.mark.parametrize(
    "text",
    [
        "The $50 million round led by Jane Doe closed last week.",  # a round is not an employer
        "Acme announced a new model with Jane Doe, an outside adviser.",  # no founder verb
    ],
)
def test_extract_relations_more_no_employer_without_a_pattern(extractor, text):
    assert [t for t in triples(extract(extractor, text)) if t[1] == "worksFor"] == []


def test_extract_relations_more_split_name_is_no_company_product_pair(extractor):
    # "Condor" exists only inside the longer name: no company-before-product reading
    x = extract(extractor, "The Condor Galaxy 1 cluster went online in July.")
    assert [t for t in triples(x) if t[1] == "developedBy"] == []
