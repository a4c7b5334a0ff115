"""competesWith from a rival noun that names one side and is attached to the other (round 6,
kg/extract/rivalnames.py), companies and products alike; whole extractor, real model, on sentences
written for these tests with invented names."""

from __future__ import annotations

import pytest

from tests.extract_helpers import rival_pairs as rivals

RULE = "kg.rel.competesWith.named-rival.v1"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # the rival named by apposition, the rivalled one a possessor or a name before the noun
        ("Regulators have called Kestrel Systems' main rival, Borvane Labs, a risky vendor.",
         ("Kestrel Systems", "Borvane Labs")),
        ("Lumio Labs is also integrating with a Meta competitor — Amazon.", ("Meta", "Amazon")),
        # the rivalled one a "to" phrase; a naming verb the parse hangs on it
        ("Pallio, a competitor to the Zentrix chatbot, is free for students.", ("Pallio", "Zentrix")),
        # products described by the rival noun
        ("The Pallio app is an open-source alternative to the Zentrix app.", ("Pallio", "Zentrix")),
        ("Pallio launched the Quorabot app in May. Dana Reyes talked about Quorabot, an alternative to "
         "ChatGPT that answers questions.", ("Quorabot", "ChatGPT")),
        # a missed apposition after a quoted name
        ("Pallio launched the Quorabot app in May. Dana Reyes has discussed her work on "
         "\u201c Quorabot ,\u201d an alternative to ChatGPT that answers questions.",
         ("Quorabot", "ChatGPT")),
    ],
)
def test_extract_relations_rivals6_rival_noun_pairs_named_sides(extractor, text, pair):
    got = rivals(extractor, text)
    assert frozenset(pair) in got, got


def test_extract_relations_rivals6_rivalled_phrase_wins_over_the_maker(extractor):
    got = rivals(extractor, "Vexora released its Zentrix competitor, the Pallio chatbot, to testers.")
    assert frozenset(("Zentrix", "Pallio")) in got
    assert frozenset(("Vexora", "Pallio")) not in got


@pytest.mark.parametrize(
    "text",
    [
        # the same maker's own line is no rival
        "Google's latest phone, the budget alternative to its flagship Pixel 8, will cost $449.",
        # a negated copula
        "The Pallio app is not an alternative to the Zentrix app.",
        # nobody named on the rival side
        "Kestrel Systems worries that rivals of Borvane Labs will copy the design.",
    ],
)
def test_extract_relations_rivals6_no_rival_pair(extractor, text):
    got = rivals(extractor, text)
    assert not [k for k, rule in got.items() if rule == RULE], got
