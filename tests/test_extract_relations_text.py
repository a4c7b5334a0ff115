"""Relations on sentences written for these tests, through the whole extractor (real spaCy model,
loaded once per session by the `extractor` fixture of tests/conftest.py)."""

from __future__ import annotations

import pytest

from kg.model import Document, Extraction, RelationRecord


def extract(extractor, text: str) -> Extraction:
    return extractor.extract(Document(id="t", title="", text=text))


def triples(x: Extraction) -> dict[tuple[str, str, str], RelationRecord]:
    names = {e.key: e.name for e in x.entities}
    return {(names[r.subject], r.predicate, names[r.object]): r for r in x.relations}


@pytest.mark.parametrize(
    ("text", "triple", "rule"),
    [
        (
            "Researchers say Anthropic's Claude model now writes much of the code for banks.",
            ("Claude", "developedBy", "Anthropic"),
            "kg.rel.developedBy.possessive.v1",
        ),
        (
            "Users were told that the ChatGPT maker OpenAI cut its prices again this spring.",
            ("ChatGPT", "developedBy", "OpenAI"),
            "kg.rel.developedBy.maker.v1",
        ),
        (
            "Bard, a chatbot developed by Google, was renamed after only a year on the market.",
            ("Bard", "developedBy", "Google"),
            "kg.rel.developedBy.participle.v1",
        ),
        (
            "Paris-based Mistral AI raised new money from investors in both Europe and America.",
            ("Mistral AI", "locatedIn", "Paris"),
            "kg.rel.locatedIn.based.v1",
        ),
        (
            "DeepMind, a unit of Alphabet, published the paper on Monday with little fanfare.",
            ("Google DeepMind", "subsidiaryOf", "Alphabet"),
            "kg.rel.subsidiaryOf.appositive.v1",
        ),
        (
            "Microsoft-owned GitHub released a new coding tool for students and teachers.",
            ("GitHub", "subsidiaryOf", "Microsoft"),
            "kg.rel.subsidiaryOf.owned.v1",
        ),
        (
            "Nvidia competes with AMD in the data center market, where demand keeps growing.",
            ("Nvidia", "competesWith", "AMD"),
            "kg.rel.competesWith.verb.v1",
        ),
        (
            "In the same week, OpenAI rival Anthropic hired more engineers than ever before.",
            ("OpenAI", "competesWith", "Anthropic"),
            "kg.rel.competesWith.rival.v1",
        ),
        (
            "Lena Hartmann, the chief technology officer of Cohere, said the model is ready.",
            ("Lena Hartmann", "worksFor", "Cohere"),
            "kg.rel.worksFor.appositive.v1",
        ),
        (
            "Stripe appointed Nadia Brennan as chief operating officer after a long search.",
            ("Nadia Brennan", "worksFor", "Stripe"),
            "kg.rel.worksFor.appointment.v1",
        ),
    ],
)
def test_extract_relations_text_patterns(extractor, text, triple, rule):
    found = triples(extract(extractor, text))
    assert triple in found, sorted(found)
    rel = found[triple]
    assert rel.rule == rule
    assert rel.evidence.sentence == text


@pytest.mark.parametrize(
    ("text", "triple", "former", "role"),
    [
        (
            "Former Google engineer Raj Patel started a company in Berlin last spring.",
            ("Raj Patel", "worksFor", "Google"),
            True,
            "engineer",
        ),
        (
            "Dana Whitfield, who spent nine years at Microsoft, now runs a small startup.",
            ("Dana Whitfield", "worksFor", "Microsoft"),
            True,
            None,
        ),
        (
            "Kevin Marsh stepped down as CEO of Stability AI after two difficult years at the company.",
            ("Kevin Marsh", "worksFor", "Stability AI"),
            True,
            "CEO",
        ),
        (
            "Lena Hartmann, the chief technology officer of Cohere, said the model is ready.",
            ("Lena Hartmann", "worksFor", "Cohere"),
            False,
            "chief technology officer",
        ),
    ],
)
def test_extract_relations_text_roles_and_former(extractor, text, triple, former, role):
    rel = triples(extract(extractor, text))[triple]
    assert rel.former is former
    assert rel.role == role


def test_extract_relations_text_rivals_like_each_one(extractor):
    found = triples(
        extract(extractor, "Samsung faces rivals such as Apple and Xiaomi in almost every market.")
    )
    assert {("Samsung", "competesWith", "Apple"), ("Samsung", "competesWith", "Xiaomi")} <= set(found)


@pytest.mark.parametrize(
    "text",
    [
        "Google's Microsoft deal was criticised by several regulators in Brussels.",  # two companies
        "The Claude-powered features of the app were popular with many users.",  # powered by is not made by
        "Many engineers at the conference talked about new chips and cheaper models.",  # nobody named
    ],
)
def test_extract_relations_text_no_developer_without_a_development_pattern(extractor, text):
    assert [t for t in triples(extract(extractor, text)) if t[1] == "developedBy"] == []
