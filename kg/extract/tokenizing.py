"""Tokenizer rules: a sentence's full stop glued to a name ending in a capital.

spaCy's suffix rules split a final "." only after a digit or a lower-case letter, so "QX-4V." and
"F-35A." stay one token: the tagger and the recognizer then read a dotted abbreviation, the parser
keeps the next sentence's first word in the sentence and a name can run on ("QX-4V. However"). A word
with a letter first, a digit or a hyphen inside, a capital before the final stop and no other dot is a
name, not an abbreviation: the stop is split off. "U.S.", "Inc.", "Corp." and initials ("J.") keep
theirs; a size version ("70B.") is left to `names.is_version_token`.

Also kept whole: "I/O" and "A/B", which the infix rules cut at the slash; the parser then opened a
sentence at the "O" of "Google I/O" and the clause lost its subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# A name-shaped word opening with a letter (letters, digits, hyphens), a digit or hyphen inside, a capital
# right before the one final stop.
_GLUED = re.compile(r"^(?=[A-Za-z0-9-]*[0-9-])[A-Za-z][A-Za-z0-9-]*[A-Z]\.$")
_STOP = re.compile(r"\.$")

_WHOLE_TOKENS = ("I/O", "A/B")

SuffixSearch = Callable[[str], "re.Match[str] | None"]


def glued_stop_suffix(default: SuffixSearch) -> SuffixSearch:
    """A suffix search that splits the stop of "QX-4V." and otherwise defers to `default`."""

    def search(text: str) -> re.Match[str] | None:
        if len(text) > 2 and (_GLUED.match(text) or text[:-1] in _WHOLE_TOKENS):
            return _STOP.search(text)
        return default(text)

    return search


def install(nlp: Any) -> None:
    """Add the rules to a loaded pipeline's tokenizer."""
    for word in _WHOLE_TOKENS:
        nlp.tokenizer.add_special_case(word, [{"ORTH": word}])
    default = nlp.tokenizer.suffix_search
    if default is not None:
        nlp.tokenizer.suffix_search = glued_stop_suffix(default)
