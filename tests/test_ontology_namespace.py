"""kg/namespace.py: the closed KG namespace and the IRI rules of docs/ARCHITECTURE.md."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.model import ORG, PERSON, PLACE, PRODUCT, Amount
from kg.namespace import (
    KG,
    KGR_NS,
    IRIError,
    amount_iri,
    decimal_lexical,
    doc_iri,
    entity_iri,
    event_iri,
    evidence_iri,
    graph_iri,
    slug,
)


def test_ontology_namespace_is_closed() -> None:
    assert str(KG.developedBy) == "https://w3id.org/aikg/ontology#developedBy"
    with pytest.raises(AttributeError):
        _ = KG.developedby  # a misspelt term must not mint a new IRI


@pytest.mark.parametrize("name,expected", [
    ("OpenAI", "openai"),
    ("Claude Haiku 4.5", "claude-haiku-4-5"),
    ("Seedance 2.0", "seedance-2-0"),
    ("  The  Walt Disney Company ", "the-walt-disney-company"),
    ("Zoë Ångström", "zoe-angstrom"),
    ("ＡＩ　Ｌａｂ", "ai-lab"),  # full-width forms fold under NFKC
    ("Straße", "strasse"),  # casefold, not lower
    ("Run:ai", "run-ai"),
    ("01.AI", "01-ai"),
    ("__x__", "x"),
    ("字节跳动", "字节跳动"),  # letters of any script are kept
])
def test_ontology_namespace_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


@pytest.mark.parametrize("name", ["", "!!!", " - ", "\u200b"])
def test_ontology_namespace_empty_slug_falls_back_to_hash(name: str) -> None:
    s = slug(name)
    assert re.fullmatch(r"[0-9a-f]{12}", s)
    assert s == hashlib.sha1(unicodedata.normalize("NFKC", name).casefold().strip().encode()).hexdigest()[:12]


@given(st.text())
def test_ontology_namespace_slug_is_safe_and_stable(name: str) -> None:
    s = slug(name)
    assert s and not s.startswith("-") and not s.endswith("-")
    assert re.fullmatch(r"[\w-]+", s) and "_" not in s
    assert slug(name) == s


@pytest.mark.parametrize("kind,segment", [
    (ORG, "org"), (PERSON, "person"), (PRODUCT, "product"), (PLACE, "place"),
    ("org", "org"), ("organization", "org"),
])
def test_ontology_namespace_entity_iri(kind: str, segment: str) -> None:
    assert entity_iri(kind, "Open AI") == f"{KGR_NS}{segment}/open-ai"


def test_ontology_namespace_entity_iri_rejects_unknown_kind() -> None:
    with pytest.raises(IRIError, match="unknown entity kind 'Gadget'"):
        entity_iri("Gadget", "X")


def test_ontology_namespace_event_iri_ignores_order_and_repeats() -> None:
    a, b = entity_iri(ORG, "OpenAI"), entity_iri(PRODUCT, "Sora")
    iri = event_iri("Discontinuation", [a, b])
    assert iri == event_iri("Discontinuation", [b, a, b])
    digest = hashlib.sha1("|".join(["Discontinuation", *sorted([a, b])]).encode()).hexdigest()[:16]
    assert iri == f"{KGR_NS}event/{digest}"
    assert iri != event_iri("Launch", [a, b])


def test_ontology_namespace_document_and_graph_iris() -> None:
    assert doc_iri("u0123456789abcdef") == KGR_NS + "doc/u0123456789abcdef"
    assert graph_iri("u0123456789abcdef") == KGR_NS + "graph/u0123456789abcdef"
    with pytest.raises(IRIError):
        doc_iri("has space")
    with pytest.raises(IRIError):
        graph_iri("")


def test_ontology_namespace_evidence_iri() -> None:
    iri = evidence_iri("u1", "relation", 3, 40, "s|p|o")
    assert iri == KGR_NS + "evidence/" + hashlib.sha1(b"u1|relation|3|40|s|p|o").hexdigest()[:16]
    assert iri != evidence_iri("u1", "relation", 3, 41, "s|p|o")


@pytest.mark.parametrize("a,b,same", [
    (Amount(1e9, "USD"), Amount(1_000_000_000, "usd"), True),
    (Amount(1e9, "USD"), Amount(1e9, "USD", ceiling=True), False),
    (Amount(1e9, "USD"), Amount(1e9, "EUR"), False),
])
def test_ontology_namespace_amount_iri(a: Amount, b: Amount, same: bool) -> None:
    assert (amount_iri(a) == amount_iri(b)) is same
    assert re.fullmatch(KGR_NS + r"amount/[0-9a-f]{12}", amount_iri(a))


@pytest.mark.parametrize("value,lexical", [
    (1e9, "1000000000"), (0.85, "0.85"), (1.0, "1"), (2.50, "2.5"), (0.0, "0"), (-0.0, "0"),
    (6.5e9, "6500000000"), (2.5e-7, "0.00000025"),
])
def test_ontology_namespace_decimal_lexical(value: float, lexical: str) -> None:
    assert decimal_lexical(value) == lexical
