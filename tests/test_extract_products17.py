"""Product names, round 17: generic words after a known company, bracketed acronyms in appositions,
"one of" a kind noun.

Sentences written for these tests; the product names are invented, or a known company (from the
gazetteer: Shopify, Apple, Cloudflare, Redis, Nvidia) with a generic word after it. The `extractor`
fixture loads the model once per session.
"""

from __future__ import annotations

import pytest

from kg.model import ORG, PERSON, PRODUCT
from tests.extract_helpers import relation_triples, table_kinds


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shops moved their billing to the Shopify Enterprise suite this spring.", "Shopify Enterprise"),
        ("Guests can unlock doors through the Apple Home app on a phone.", "Apple Home"),
        ("Admins set rules in the Cloudflare One platform each week.", "Cloudflare One"),
    ],
)
def test_products17_known_company_generic_word_head(extractor, text: str, name: str) -> None:
    assert table_kinds(extractor, text).get(name) == PRODUCT


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the product noun modifies another noun: no name ends there
        ("Redis hired staff for the Redis Enterprise platform team.", "Redis Enterprise"),
        # no product noun after the words
        ("Shops praised the Shopify Enterprise customers list.", "Shopify Enterprise"),
        # an all-capital category word
        ("Nvidia opened the Nvidia AI platform to partners.", "Nvidia AI"),
    ],
)
def test_products17_generic_word_not_name(extractor, text: str, absent: str) -> None:
    assert absent not in table_kinds(extractor, text)


def test_products17_generic_word_head_maker(extractor) -> None:
    text = "Redis said it would extend the Redis Enterprise platform with search."
    assert ("Redis Enterprise", "developedBy", "Redis") in relation_triples(extractor, text)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Interpreters rely on Lintaro, a computer-aided translation (CAT) tool, for glossaries.", "Lintaro",
         PRODUCT),
        ("Schools adopted Pembrit, an open-source learning management (LMS) app, in 2022.", "Pembrit",
         PRODUCT),
        # a relative clause before the bracket: the company is what the apposition says
        ("Teachers liked Quorilo, a company that sells (LMS) tools, in 2022.", "Quorilo", ORG),
    ],
)
def test_products17_bracket_acronym_apposition(extractor, text: str, name: str, kind: str) -> None:
    assert table_kinds(extractor, text).get(name) == kind


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("One of Velmar's flagship products is Quodra, which tests code.", "Quodra", PRODUCT),
        ("One of the note apps on the list is Tarnify, which syncs files.", "Tarnify", PRODUCT),
        ("Quodra is one of many examples of note apps that failed.", "Quodra", PRODUCT),
        ("Brindle Works is one of the largest companies in the region.", "Brindle Works", ORG),
        # people are "one of the founders", never a product
        ("Mira Holt is one of the founders of Velmar.", "Mira Holt", PERSON),
    ],
)
def test_products17_one_of_kind_noun(extractor, text: str, name: str, kind: str) -> None:
    assert table_kinds(extractor, text).get(name) == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff said Quodra is one of the note apps they tried.", PRODUCT),
        # a negated copula types nothing
        ("Staff said Quodra is not one of the note apps they tried.", None),
    ],
)
def test_products17_one_of_negated_no_product(extractor, text: str, expected: str | None) -> None:
    assert table_kinds(extractor, text).get("Quodra") == expected


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # the parser misses the apposition after an owned product noun
        ("Velmar is making its AI tool for coding, Quill Helper, free for all users.", "Quill Helper",
         PRODUCT),
        ("Velmar is making its coding tool, Quill Helper, free for all users.", "Quill Helper", PRODUCT),
    ],
)
def test_products17_head_first_apposition(extractor, text: str, name: str, kind: str) -> None:
    assert table_kinds(extractor, text).get(name) == kind


def test_products17_head_first_not_behind(extractor) -> None:
    # "the company behind the chatbot, X": X is the company
    text = "The boss of the company behind the chatbot, Velmar, said a million people signed up."
    assert table_kinds(extractor, text).get("Velmar") != PRODUCT


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # "one of" in apposition after the name
        ("Users love Tarnify, one of the first note apps to sync offline, for its speed.", "Tarnify",
         PRODUCT),
        ("Buyers called Brindle Works, one of the largest shipping companies, on Monday.", "Brindle Works",
         ORG),
        ("Staff met Ann Lee, one of the founders of Velmar, in May.", "Ann Lee", PERSON),
    ],
)
def test_products17_one_of_apposition(extractor, text: str, name: str, kind: str) -> None:
    assert table_kinds(extractor, text).get(name) == kind
