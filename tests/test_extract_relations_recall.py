"""Relation phrasings added for recall on unseen articles (whole extractor, real model): roles written
after the name, "X of Y", founders in a relative clause, rivals phrased as "one of the competitors of",
"an X competitor", "X's competitors include", "takes on", "competition from"; active "X built Y"
(with a partner: "X is working with Y to develop Z"); a product named after its maker."""

from __future__ import annotations

import pytest

from tests.test_extract_relations_text import extract, triples


@pytest.mark.parametrize(
    ("text", "triple", "rule", "role"),
    [
        (
            '"It works," Priya Natarajan, cofounder, president and chief scientist at Anthropic, told us.',
            ("Priya Natarajan", "worksFor", "Anthropic"),
            "kg.rel.worksFor.title-after.v1",
            "cofounder, president and chief scientist",
        ),
        (
            '"We are ready," said Priya Natarajan, Head of Innovation at Cohere in the release.',
            ("Priya Natarajan", "worksFor", "Cohere"),
            "kg.rel.worksFor.title-after.v1",
            "Head of Innovation",
        ),
        (
            '"We are ready," said Google senior director of product management Priya Natarajan on a call.',
            ("Priya Natarajan", "worksFor", "Google"),
            "kg.rel.worksFor.title.v1",
            "senior director of product management",
        ),
        (
            "Priya Natarajan, an Anthropic vice president, said the model was ready for customers.",
            ("Priya Natarajan", "worksFor", "Anthropic"),
            "kg.rel.worksFor.appositive.v1",
            "vice president",
        ),
        (
            "Priya Natarajan of Anthropic said the model was ready for customers in the spring.",
            ("Priya Natarajan", "worksFor", "Anthropic"),
            "kg.rel.worksFor.of.v1",
            None,
        ),
        (
            "Priya Natarajan, who leads product at Anthropic, said the model was ready for customers.",
            ("Priya Natarajan", "worksFor", "Anthropic"),
            "kg.rel.worksFor.leads.v1",
            None,
        ),
    ],
)
def test_extract_relations_recall_roles(extractor, text, triple, rule, role):
    found = triples(extract(extractor, text))
    assert triple in found, sorted(found)
    assert found[triple].rule == rule
    assert found[triple].role == role


@pytest.mark.parametrize(
    ("text", "triple", "rule"),
    [
        (
            '"It is a good sign," said Priya Natarajan, a professor at Stanford University, who '
            "cofounded Anthropic with two colleagues.",
            ("Priya Natarajan", "worksFor", "Anthropic"),
            "kg.rel.worksFor.founded.v1",
        ),
        (
            "Dario Amodei and Jack Clark, who founded Anthropic in 2021, used to work elsewhere.",
            ("Dario Amodei", "worksFor", "Anthropic"),
            "kg.rel.worksFor.founded.v1",
        ),
        (
            "Anthropic, one of the biggest competitors of OpenAI, has started selling its apps.",
            ("Anthropic", "competesWith", "OpenAI"),
            "kg.rel.competesWith.one-of.v1",
        ),
        (
            "Anthropic, an OpenAI competitor, raised more money from its backers this week.",
            ("Anthropic", "competesWith", "OpenAI"),
            "kg.rel.competesWith.appositive-compound.v1",
        ),
        (
            "OpenAI's competitors include Anthropic and Cohere, according to the analysts.",
            ("Cohere", "competesWith", "OpenAI"),
            "kg.rel.competesWith.include.v1",
        ),
        (
            "Rivals of OpenAI such as Anthropic and Cohere have released their own apps this year.",
            ("Anthropic", "competesWith", "OpenAI"),
            "kg.rel.competesWith.like.v1",
        ),
        (
            "Anthropic is taking on OpenAI with a new model for office workers.",
            ("Anthropic", "competesWith", "OpenAI"),
            "kg.rel.competesWith.take-on.v1",
        ),
        (
            "OpenAI faces competition from Anthropic and Google in the enterprise market.",
            ("Google", "competesWith", "OpenAI"),
            "kg.rel.competesWith.competition-from.v1",
        ),
        (
            "Cohere built Command, a model for enterprise search that runs on private clouds.",
            ("Command", "developedBy", "Cohere"),
            "kg.rel.developedBy.verb.v1",
        ),
        (
            "Anthropic is working with Google in a partnership to develop a coding tool called StarCoder.",
            ("StarCoder", "developedBy", "Google"),
            "kg.rel.developedBy.verb.v1",
        ),
    ],
)
def test_extract_relations_recall_phrasings(extractor, text, triple, rule):
    found = triples(extract(extractor, text))
    key = triple if triple in found else (triple[2], triple[1], triple[0])
    assert key in found, sorted(found)
    assert found[key].rule == rule


def test_extract_relations_recall_partner_and_subject_both_develop(extractor):
    text = "Anthropic is working with Google in a partnership to develop a coding tool called StarCoder."
    found = triples(extract(extractor, text))
    assert ("StarCoder", "developedBy", "Anthropic") in found, sorted(found)


def test_extract_relations_recall_product_named_after_its_maker(extractor):
    text = (
        "Mistral sells access to its models through a website. "
        "Developers say they like Mistral Studio, a new platform, because it is cheap."
    )
    found = triples(extract(extractor, text))
    assert ("Mistral Studio", "developedBy", "Mistral AI") in found, sorted(found)
    assert found[("Mistral Studio", "developedBy", "Mistral AI")].rule == "kg.rel.developedBy.name.v1"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a product named through a compound is used, not built
        (
            "Expedia built a ChatGPT app for travellers who plan their holidays on the phone.",
            ("ChatGPT", "developedBy", "Expedia"),
        ),
        # a singular "which" clause after a list refers to the nearest name only
        (
            "Artists sued Stability AI and Midjourney, and DeviantArt, which recently created its own "
            "image generator, DreamUp.",
            ("DreamUp", "developedBy", "Midjourney"),
        ),
        # the organization is not named alone: one name, not a maker and its product
        (
            "Critics say Stability AI wants to dominate the field of open image models for years.",
            ("AI", "developedBy", "Stability"),
        ),
    ],
)
def test_extract_relations_recall_no_false_relation(extractor, text, absent):
    found = triples(extract(extractor, text))
    assert absent not in found, sorted(found)
