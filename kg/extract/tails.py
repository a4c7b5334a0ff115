"""Words glued onto a name that are no part of it, and word shapes that are never names.

- A plural noun for the people around an organization ("Zentro Users", "Acme VPs") ends no name: the
  tail is cut and the organization stays.
- A caption label before its colon ("Credit: Screenshot / Zentro Credit: ...") ends no name either.
- A plural possessive with an apostrophe token ("Moss Harbor Ventures’ Partner") splits a span in two.
- Web addresses with a path ("pic.twitter.com/Ab3dE9") and fan or user plurals of a known brand
  ("YouTubers", "Redditors") are never entities.

The word lists live in kg/data/name_spans.json (`group_tails`, `caption_labels`, `fan_endings`), read
once per process at run time.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from kg.extract.resources import name_span_words

_WEB_PATH = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+/\S*$")  # "pic.twitter.com/Ab3dE9"
_APOSTROPHES = frozenset({"'", "’"})


@dataclass(frozen=True)
class TailRules:
    group_tails: frozenset[str]
    caption_labels: frozenset[str]
    fan_endings: tuple[str, ...]
    possessive_name_heads: frozenset[str]


@lru_cache(maxsize=1)
def tail_rules() -> TailRules:
    return TailRules(
        group_tails=name_span_words("group_tails"),
        caption_labels=name_span_words("caption_labels"),
        fan_endings=tuple(sorted(name_span_words("fan_endings"), key=len)),
        possessive_name_heads=name_span_words("possessive_name_heads"),
    )


def tail_cut(doc: Doc, start: int, end: int) -> int:
    """End of the name without a people-group plural or a caption label after it."""
    if end - start < 2:
        return end
    rules, last = tail_rules(), doc[end - 1]
    if any(t.lower_ in ("of", "for", "and", "&") for t in doc[start:end]):
        return end  # "Institution of Civil Engineers": the plural belongs to the name
    if last.lower_ in rules.group_tails and last.text[:1].isupper():
        return end - 1  # "Zentro Users shared ...", "Acme VPs said ..."
    if last.lower_ in rules.caption_labels and end < len(doc) and doc[end].text == ":":
        return end - 1  # "... / Zentro Credit: Screenshot"
    return end


def plural_possessive(doc: Doc, i: int) -> bool:
    """Token i is the apostrophe of a plural possessive: "Ventures’ Partner", "the Smiths' firm"; not
    inside a name such as "Karsan Workers’ Party" (`possessive_name_heads`)."""
    tok = doc[i]
    return (
        tok.text in _APOSTROPHES
        and i > 0
        and doc[i - 1].text[-1:].lower() == "s"
        and not doc[i - 1].whitespace_
        and bool(tok.whitespace_)
        and i + 1 < len(doc)
        and doc[i + 1].text[:1].isupper()
        and doc[i + 1].lower_ not in tail_rules().possessive_name_heads
    )


def web_path(word: str) -> bool:
    """'pic.twitter.com/Ab3dE9', 'example.org/page': an address, never a name."""
    return bool(_WEB_PATH.match(word))


def fan_plural(word: str, known: Container[str]) -> bool:
    """'YouTubers', 'Redditors', 'TikTokers': the users of a known brand, not an entity."""
    low = word.casefold()
    for ending in tail_rules().fan_endings:
        stem = low[: -len(ending)] if low.endswith(ending) else ""
        if len(stem) >= 4 and (stem in known or stem + "e" in known):
            return True
    return False
