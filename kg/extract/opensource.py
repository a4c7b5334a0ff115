"""Launches stated as open-sourcing: "Y has open-sourced its X model", "Y open-sourced X in 2021".
The tokenizer splits the verb into "open", "-", "sourced", which no trigger phrase of the lexicon can
match (only a phrase's first word is inflected), so the verb is found here, per occurrence, where the
parse reads "sourced"/"sourcing" as a verb. Only a named product counts: "open-sourced the code" makes
no maker-only launch.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract.patterns import Trigger
from kg.extract.sentences import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

OPEN_SOURCE_KEY = "launch.open-source"
_VERB = re.compile(r"\bopen[- ]?(sourced|sourcing|sources)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def trigger() -> Trigger:
    """The Launch trigger the hits carry (a product-family verb trigger, transitive)."""
    return Trigger(
        type="Launch", family="product", pos="verb", words=("open-source",), head=0, key=OPEN_SOURCE_KEY
    )


def open_source_verbs(sdoc: Doc) -> list[tuple[Token, int]]:
    """(verb, start token) of each "open-sourced"/"open sourcing" the parse reads as a verb with a
    direct object or a passive subject of its own."""
    out: list[tuple[Token, int]] = []
    for m in _VERB.finditer(doc_text(sdoc)):
        span = sdoc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        verb = span[-1]
        if not verb.tag_.startswith("VB") or verb.lower_ not in (m.group(1).lower(),):
            continue
        if not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
            continue
        out.append((verb, span.start))
    return out
