"""Entity precision, round 3: tails glued onto a name (people-group plurals, caption labels), plural
possessives, web addresses, fan plurals of a brand, generic tech acronyms, product words that end no
person's name, and the last "A and B" item of a comma list of names.

Every sentence is written for these tests, with invented names. The `extractor` fixture
(tests/conftest.py) loads the model once per session.
"""

from __future__ import annotations

import pytest

from kg.extract import tails
from kg.model import ORG, PERSON, PRODUCT
from tests.extract_helpers import assert_kinds
from tests.test_extract_entities_spans import entity_kinds


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a plural possessive ends the name before it
        ("Moss Harbor Ventures’ Partner, Dana Whitfield, praised the startup Plimo.",
         {"Moss Harbor Ventures": ORG, "Dana Whitfield": PERSON}, ["Moss Harbor Ventures’ Partner"]),
        # ... unless the next word makes the possessive part of a name
        ("Teko Ocal is a founding member of the Karsan Workers’ Party, a group banned by Plimo.",
         {"Karsan Workers’ Party": ORG}, ["Party", "Karsan"]),
        # a people-group plural or a caption label glued after a known name
        ("In a blog post, Google VPs shared thoughts on the plan.", {"Google": ORG}, ["Google VPs"]),
        ("Credit: Screenshot / Google Credit: Screenshot / Google Users on X said so.", {"Google": ORG},
         ["Google Credit", "Google Users", "Screenshot"]),
        # web addresses and the fans of a brand are never entities
        ("Watch the clip pic.twitter.com/Ab3dE9xYz Essentially, the Plimo app is new, said Dana Whitfield.",
         {"Dana Whitfield": PERSON}, ["pic.twitter.com/Ab3dE9xYz Essentially", "pic.twitter.com/Ab3dE9xYz"]),
        ("Many YouTubers and Redditors liked the new app, said Dana Whitfield of Plimo.",
         {"Dana Whitfield": PERSON}, ["YouTubers", "Redditors"]),
        # generic technical acronyms
        ("The Zorvo CLI tool and an IDE plugin help DeFi apps, said Dana Whitfield of Plimo.",
         {"Dana Whitfield": PERSON}, ["CLI", "IDE", "DeFi"]),
        # an operating-system word ends no person's name
        ("Dusky Linux developer Berilo raised $20 million. Berilo was founded by Hal Morrow.",
         {"Dusky Linux": PRODUCT, "Hal Morrow": PERSON}, []),
        # the last pair of a comma list of names is two names
        ("The round drew Kestrel Ventures, Oakline Capital, Marrow Innovation and Tidewater Ventures.",
         {"Marrow Innovation": ORG, "Tidewater Ventures": ORG}, ["Marrow Innovation and Tidewater Ventures"]),
        # ... while a name with "and" inside stays whole
        ("Regulators such as the FTC, Securities and Exchange Commission and others watched Plimo.",
         {"Securities and Exchange Commission": ORG}, ["Exchange Commission", "Securities"]),
    ],
)
def test_extract_entities_precision3_names(
    extractor, text: str, present: dict[str, str], absent: list[str]  # noqa: ANN001
) -> None:
    assert_kinds(entity_kinds(extractor, text), present, absent)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("pic.twitter.com/Ab3dE9xYz", True),
        ("https://example.org/page", True),
        ("Monday.com", False),
        ("People.ai", False),
        ("A/B", False),
    ],
)
def test_extract_entities_precision3_web_path(word: str, expected: bool) -> None:
    assert tails.web_path(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("YouTubers", True), ("Redditors", True), ("TikTokers", True), ("Programmers", False), ("Youth", False)],
)
def test_extract_entities_precision3_fan_plural(word: str, expected: bool) -> None:
    known = {"youtube", "reddit", "tiktok"}
    assert tails.fan_plural(word, known) is expected
