"""competesWith (round 15, rivalclauses.py): contest clauses the verb patterns miss; whole extractor,
real model, on sentences written for these tests with invented names."""

from __future__ import annotations

import pytest

from tests.extract_helpers import rival_pairs as rivals

ZQ = ("Zentrik Labs", "Quorvex Inc.")


@pytest.mark.parametrize(
    ("text", "pairs", "rule"),
    [
        ("Zentrik Labs and Quorvex Inc. are racing to build faster chips.",
         [("Zentrik Labs", "Quorvex Inc.")], "kg.rel.competesWith.coordinated.v1"),
        ("The race between Zentrik Labs and Quorvex Inc. has heated up.",
         [("Zentrik Labs", "Quorvex Inc.")], "kg.rel.competesWith.between.v1"),
        ("“It is early,” said Tom Berg, chief executive of Zentrik Labs , which competes with Quorvex Inc. "
         "in the storage space.",
         [("Zentrik Labs", "Quorvex Inc.")], "kg.rel.competesWith.which-comma.v1"),
        ("Other vendors competing with Zentrik Labs in the storage space are Quorvex Inc. and Pallora Corp.",
         [("Zentrik Labs", "Quorvex Inc."), ("Zentrik Labs", "Pallora Corp.")],
         "kg.rel.competesWith.listed.v1"),
        ("Firms that compete with Zentrik Labs include Quorvex Inc. and Pallora Corp.",
         [("Zentrik Labs", "Quorvex Inc."), ("Zentrik Labs", "Pallora Corp.")],
         "kg.rel.competesWith.listed.v1"),
        ("It shows that Zentrik Labs is willing to compete with rivals Quorvex Inc., Pallora Corp. and "
         "Brimo Ltd. in chips.",
         [ZQ, ("Zentrik Labs", "Pallora Corp."), ("Zentrik Labs", "Brimo Ltd.")],
         "kg.rel.competesWith.ready-to.v1"),
        ("Zentrik Labs, like its rivals Quorvex Inc. and Pallora Corp., sells chips.",
         [("Zentrik Labs", "Pallora Corp.")], "kg.rel.competesWith.rival-list.v1"),
    ],
)
def test_extract_rivals15_contest_clauses(
    extractor, text: str, pairs: list[tuple[str, str]], rule: str  # noqa: ANN001
) -> None:
    found = rivals(extractor, text)
    for pair in pairs:
        assert found.get(frozenset(pair)) == rule, (pair, found)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # a court fight is no market contest
        ("The legal battle between Zentrik Labs and Quorvex Inc. has heated up.", ZQ),
        # a negated contest
        ("Zentrik Labs and Quorvex Inc. are not competing in chips.", ZQ),
        ("Zentrik Labs is not able to compete with Quorvex Inc. in chips.", ZQ),
        # two firms that compete with a third are not said to be rivals of each other
        ("Zentrik Labs and Quorvex Inc. compete with Pallora Corp. in chips.", ZQ),
        # partners, not rivals
        ("Companies working with Zentrik Labs include Quorvex Inc. and Pallora Corp.", ZQ),
        ("The partnership between Zentrik Labs and Quorvex Inc. has grown.", ZQ),
    ],
)
def test_extract_rivals15_not_rivals(extractor, text: str, pair: tuple[str, str]) -> None:  # noqa: ANN001
    assert frozenset(pair) not in rivals(extractor, text)


def test_extract_rivals15_third_side_kept(extractor) -> None:  # noqa: ANN001
    """ "A and B compete with C": the verb pattern still pairs each subject with C."""
    found = rivals(extractor, "Zentrik Labs and Quorvex Inc. compete with Pallora Corp. in chips.")
    assert set(found) == {
        frozenset(("Zentrik Labs", "Pallora Corp.")),
        frozenset(("Quorvex Inc.", "Pallora Corp.")),
    }

