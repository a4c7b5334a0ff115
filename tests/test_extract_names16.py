"""Round 16 name edges: a sentence's full stop glued to a name ending in a capital (kg.extract.tokenizing)."""

from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.model import Document


def _tokens(extractor: Extractor, text: str) -> list[str]:
    return [t.text for t in extractor.pipeline.nlp.tokenizer(text)]


def _entities(extractor: Extractor, text: str) -> dict[str, str]:
    e = extractor.extract(Document(id="d", title="", text=text, published="2023-05-02"))
    return {m.name: m.kind for m in e.entities}


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("Velmora showed its new vision model, QX-4V. However, it lags.", "QX-4V"),
        ("The air force flew the Torv F-35A. Then it landed.", "F-35A"),
        ("Brindle trained Nolo-7X. The weights are open.", "Nolo-7X"),
    ],
)
def test_extract_names16_glued_stop_is_split(extractor: Extractor, text: str, split: str) -> None:
    tokens = _tokens(extractor, text)
    assert split in tokens and tokens[tokens.index(split) + 1] == "."


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Troops of the U.S. Army met Brellix Inc. They talked.", ["U.S.", "Inc."]),
        ("The note was signed by J. Tarrow of Quindle Corp. It was short.", ["J.", "Corp."]),
        ("Quorvel released Zandor 70B. It runs on one card.", ["70B."]),
    ],
)
def test_extract_names16_abbreviations_keep_their_stop(
    extractor: Extractor, text: str, kept: list[str]
) -> None:
    tokens = _tokens(extractor, text)
    assert all(k in tokens for k in kept)


def test_extract_names16_name_does_not_run_into_next_sentence(extractor: Extractor) -> None:
    names = _entities(extractor, "Velmora showed its new vision model, QX-4V. However, the model still lags.")
    assert not any("However" in n for n in names)
    assert not any(n.endswith(".") for n in names)


@pytest.mark.parametrize(
    "text",
    [
        "The Orvella fund backs Black, Latino, and female founders across the state.",
        "An audit found that 90% of the people the tool flagged were Black and Latinx.",
        "Trindle hosts a meetup for Queer and Asian engineers every month.",
        "The Brevo grant goes to Black and Latino students in the county.",
    ],
)
def test_extract_names16_identity_adjective_is_no_entity(extractor: Extractor, text: str) -> None:
    names = _entities(extractor, text)
    assert not {"Black", "Latino", "Latinx", "Queer", "Asian"} & set(names)


def test_extract_names16_identity_word_inside_a_name_is_kept(extractor: Extractor) -> None:
    names = _entities(extractor, "Analysts at Quorvel Labs met the team of Black Tusk Ventures on Monday.")
    assert names.get("Black Tusk Ventures") == "Organization"
