"""Unnamed launches named a few sentences later, round 17 (`kg/extract/laternames.py`; whole extractor,
real model, sentences written for these tests with invented names): "launched a new tool. Called X,
it ...", "the <agent> X" opening a later sentence, "<agent>'s new X"; never two names, never a hedged
launch, never a product mentioned before the launch or beyond three sentences."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract


def _launches(extractor, text: str) -> list[set[str]]:
    return [names for names, _ in events_of(extract(extractor, text), "Launch")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Zentrix Labs, a startup in Oslo, is today launching a new tool for painters. "
            "Called Quillmark, it spots scrapers.",
            {"Zentrix Labs", "Quillmark"},
        ),
        (
            "Brellix Inc., a data company in Lyon, is today launching an e-commerce portal where buyers "
            "purchase training data. The Brellix Data Bazaar was built by its own staff. It opens in May.",
            {"Brellix Inc.", "Brellix Data Bazaar"},
        ),
        (
            "Harlow Motors on Monday unveiled a machine for farms. "
            "Harlow Motors's new K9 tractor uses twelve cameras to steer.",
            {"Harlow Motors", "K9"},
        ),
    ],
)
def test_unnamed17_launch_takes_the_name_given_later(extractor, text: str, want: set[str]) -> None:
    found = _launches(extractor, text)
    assert want in found
    assert [f for f in found if f < want] == []  # one event, not an unnamed one beside it


def test_unnamed17_two_names_leave_the_launch_unnamed(extractor) -> None:
    text = (
        "Veltrix Labs rolled out two safety features for drivers. One, called Lumo Sight, projects maps "
        "on the windshield. The other, called Lumo Care, watches for tired drivers."
    )
    found = _launches(extractor, text)
    assert {"Veltrix Labs", "Lumo Sight"} not in found
    assert {"Veltrix Labs", "Lumo Care"} not in found


def test_unnamed17_hedged_launch_is_not_named_later(extractor) -> None:
    text = "Zentrix Labs will launch a new tool for painters next year. Called Quillmark, it spots scrapers."
    assert not any("Quillmark" in names for names in _launches(extractor, text))


def test_unnamed17_name_beyond_three_sentences_is_not_taken(extractor) -> None:
    text = (
        "Zentrix Labs, a startup in Oslo, is today launching a new tool for painters. Artists worry about "
        "scrapers. Many of them sell prints online. Some have left social media. Others sue. "
        "Called Quillmark, the first version spots scrapers."
    )
    assert not any("Quillmark" in names for names in _launches(extractor, text))


def test_unnamed17_paragraph_breaks_do_not_use_up_the_window(extractor) -> None:
    text = (
        "Data firm Brellix Inc. has also entered the market, today launching an e-commerce portal where "
        "buyers purchase training data.\n\n“Buyers kept asking,” said Ana Lotte.\n\n“So we asked how to "
        "make more.”\n\nThe Brellix Data Bazaar was built by its own staff."
    )
    assert {"Brellix Inc.", "Brellix Data Bazaar"} in _launches(extractor, text)
