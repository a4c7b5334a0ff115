"""Launch recall, round 12 (whole extractor, real model, sentences written for these tests with invented
names): launch clauses the parse cuts short (`kg/extract/launchclauses.py`): a coordinated clause whose
subject the parse hangs on the clause before, a product name dropped before its apposition (on a
hand-built parse), a bare launch participle set off by a comma, a bare plural launch noun; open-sourcing
(`opensource.py`) and a passive infinitive in a clause of its own (`futureframe.py`)."""

from __future__ import annotations

import pytest

from kg.extract import launchclauses
from kg.model import ORG, PRODUCT
from tests.extract_helpers import events_of, extract
from tests.test_extract_events_helpers import build

OPENER = "Veltrix Labs, Brellix Inc. and Minto Systems sell software to banks. "


def test_launch12_coordinated_clause_takes_its_own_subject(extractor):
    text = OPENER + (
        "Veltrix Labs released Quanta 3, while Brellix Inc. introduced Pallo 2 "
        "and Minto Systems rolled out Kasa."
    )
    found = [names for names, _ in events_of(extract(extractor, text), "Launch")]
    assert {"Minto Systems", "Kasa"} in found
    assert {"Veltrix Labs", "Kasa"} not in found


def test_launch12_coordinated_verb_without_a_new_subject_keeps_the_first(extractor):
    text = OPENER + "Veltrix Labs hired forty engineers and released Quanta 3 in May."
    found = [names for names, _ in events_of(extract(extractor, text), "Launch")]
    assert found == [{"Veltrix Labs", "Quanta 3"}]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Meanwhile, Brellix Inc. has shipped a set of tools and Veltrix Labs has rolled out Quanta, "
            "a compact open model that is cheap to run.",
            {"Veltrix Labs", "Quanta"},
        ),
        (
            "Veltrix Labs has released Quanta, a small coding model for laptops.",
            {"Veltrix Labs", "Quanta"},
        ),
    ],
)
def test_launch12_name_before_apposition_is_launched(extractor, text: str, who: set[str]):
    found = [names for names, _ in events_of(extract(extractor, OPENER + text), "Launch")]
    assert who in found


@pytest.mark.parametrize(
    ("text", "who", "date"),
    [
        (
            "Launched in 2018, Veltrix Labs' main product, Quanta Core, is a graph database.",
            {"Veltrix Labs", "Quanta Core"},
            "2018",
        ),
        (
            "The update builds on Veltrix Labs' years of work with its Quanta platform, launched in 2019.",
            {"Veltrix Labs", "Quanta"},
            "2019",
        ),
    ],
)
def test_launch12_bare_participle_launches_the_named_product(extractor, text: str, who: set[str], date: str):
    found = events_of(extract(extractor, OPENER + text), "Launch")
    assert [(names, e.date) for names, e in found] == [(who, date)]


@pytest.mark.parametrize(
    "text",
    [
        # a participle with its own auxiliary is no bare launch ("to be released")
        "Veltrix Labs said its Quanta platform, to be released in 2026, will cost less.",
        # a participle after a noun that names no product launches nothing
        "The guidelines of Veltrix Labs, released in January, say little about Quanta.",
    ],
)
def test_launch12_participle_with_a_clause_or_no_product_is_no_launch(extractor, text: str):
    found = events_of(extract(extractor, OPENER + text), "Launch")
    assert all(e.status != "Announced" for _, e in found)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Veltrix Labs has open-sourced its Quanta 3 model.", {"Veltrix Labs", "Quanta 3"}),
        (
            "Veltrix Labs has recently open-sourced its model Quanta 2, but it has yet to ship apps.",
            {"Veltrix Labs", "Quanta 2"},
        ),
    ],
)
def test_launch12_open_sourcing_a_named_product_launches_it(extractor, text: str, who: set[str]):
    found = [names for names, _ in events_of(extract(extractor, OPENER + text), "Launch")]
    assert found == [who]


def test_launch12_open_sourcing_unnamed_code_is_no_launch(extractor):
    text = OPENER + "Veltrix Labs also open-sourced the code and the model that powers the system."
    assert events_of(extract(extractor, text), "Launch") == []


def test_launch12_passive_infinitive_launch_is_planned(extractor):
    text = OPENER + "Veltrix Labs said its Quanta platform, to be released in 2026, will cost less."
    found = events_of(extract(extractor, text), "Launch")
    assert [e.status for _, e in found] == ["Planned"]


def test_launch12_bare_plural_launch_noun_is_no_event(extractor):
    text = (
        "Veltrix Labs makes the Pallo phone. The rollout of the Pallo 15 this week went well. "
        "As usual for Pallo launches, the event spent an hour on the camera."
    )
    found = [names for names, _ in events_of(extract(extractor, text), "Launch")]
    assert found == [{"Veltrix Labs", "Pallo 15"}] or found == [{"Pallo 15"}]


def test_launch12_plural_launch_noun_with_of_phrase_launches_each(extractor):
    text = OPENER + "The launches of Quanta 3 and Pallo 2 drew crowds."
    found = [names for names, _ in events_of(extract(extractor, text), "Launch")]
    launched = sorted(n for names in found for n in names if n in {"Quanta 3", "Pallo 2"})
    assert launched == ["Pallo 2", "Quanta 3"]


# "Veltrix Labs has rolled out Pallo, a compact model." with "Pallo" misread as an adverb and the
# apposition's noun as the object (the parse the small model gives some such sentences)
ADVERB_NAME = """
Veltrix PROPN NNP compound 1
Labs PROPN NNPS nsubj 3
has AUX VBZ aux 3
rolled VERB VBN ROOT 3 roll
out ADP RP prt 3
Pallo ADV RB advmod 3
, PUNCT , punct 3
a DET DT det 9
compact ADJ JJ amod 9
model NOUN NN dobj 3
. PUNCT . punct 3
"""


@pytest.mark.parametrize(
    ("entities", "expected"),
    [
        ([(0, 2, ORG, "Veltrix Labs"), (5, 6, PRODUCT, "Pallo")], ["Pallo"]),
        # an organization before the comma is no launched product
        ([(0, 2, ORG, "Veltrix Labs"), (5, 6, ORG, "Pallo")], []),
    ],
)
def test_launch12_name_dropped_before_apposition_object(entities, expected: list[str]):
    b = build(ADVERB_NAME, entities)
    verb = b.doc[3]
    found = launchclauses.named_before_appositive(b.table, verb, [b.doc[9]])
    assert [b.name(r.key) for r in found] == expected


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # the participle hangs on a noun written earlier: the product right before the comma is launched
        (
            "Then came diffusion models, which were a big win for Quanta 2, released last April, "
            "and its open rivals.",
            {"Quanta 2"},
        ),
        # the named owner of the product's noun phrase is its maker
        (
            "Veltrix Labs sells apps. Veltrix Labs' chatbot, Pallo, released in May, is popular.",
            {"Veltrix Labs", "Pallo"},
        ),
    ],
)
def test_launch12_trailing_participle_after_a_name(extractor, text: str, who: set[str]):
    found = [names for names, _ in events_of(extract(extractor, text), "Launch")]
    assert who in found
