"""Organization and person names, round 6: picture credits ("Dana Reyes/Getty Images") name a
photographer, not a person the article is about.

Every sentence is written for these tests, with invented names. The `extractor` fixture
(tests/conftest.py) loads the model once per session; the credit helper is tested on hand-built Docs.
"""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from kg.extract.credits import photo_credit
from kg.model import PERSON
from tests.test_extract_entities_spans import entity_kinds

_NLP = English()


def _doc(text: str) -> Doc:
    return _NLP.make_doc(text)


@pytest.mark.parametrize(
    ("text", "start", "end", "label", "expected"),
    [
        ("Photo: Dana Reyes/Getty Images", 2, 4, "PERSON", True),
        ("Marta Okonjo Vell/Corvane News The", 0, 3, "PERSON", True),
        # spaced slashes, an organization read by the model, a single word: no credit
        ("Dana Reyes / Getty Images", 0, 2, "PERSON", False),
        ("Zentro Platforms/Quillbook", 0, 2, "ORG", False),
        ("Reyes/Getty Images", 0, 1, "PERSON", False),
        # the slash at the end of the text, or a lower-case word after it
        ("Dana Reyes/", 0, 2, "PERSON", False),
        ("Dana Reyes/and more", 0, 2, "PERSON", False),
    ],
)
def test_credits_photo_credit_shape(text: str, start: int, end: int, label: str, expected: bool) -> None:
    doc = _doc(text)
    assert photo_credit(doc, start, end, label) is expected


@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        (
            "Dana Reyes/Getty Images The startup Brelvik Robotics said on Monday it had hired Mara "
            "Quillon as its chief scientist, a role she starts in May.",
            ["Dana Reyes"],
            {"Brelvik Robotics": "Organization", "Mara Quillon": "Person"},
        ),
        (
            "Orrin Castell/Zephyra News The chip designer Talvane Systems said its new accelerator "
            "ships next year, according to its chief executive, Ilse Morrow.",
            ["Orrin Castell"],
            {"Talvane Systems": "Organization", "Ilse Morrow": "Person"},
        ),
        # a known outlet after the slash: the credit is no list item of it either
        (
            "Maren Oddny/CNET The startup Brelvik Robotics said on Monday it had hired Mara Quillon as "
            "its chief scientist.",
            ["Maren Oddny"],
            {"CNET": "Organization", "Brelvik Robotics": "Organization"},
        ),
    ],
)
def test_extract_entities_photo_credit_is_no_person(
    extractor, text: str, dropped: list[str], kept: dict[str, str]  # noqa: ANN001
) -> None:
    kinds = entity_kinds(extractor, text)
    for name in dropped:
        assert name not in kinds
    for name, kind in kept.items():
        assert kinds.get(name) == kind


def test_extract_entities_credited_photographer_named_in_body_is_kept(extractor) -> None:  # noqa: ANN001
    """The credit alone vouches for nothing; a photographer the article talks about is still a person."""
    text = (
        "Dana Reyes/Getty Images The photographer Dana Reyes said she spent a year documenting the "
        "data centers that Brelvik Robotics runs in the desert."
    )
    kinds = entity_kinds(extractor, text)
    assert kinds.get("Dana Reyes") == PERSON
