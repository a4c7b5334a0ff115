"""A Title Case headline as the parser should see it: "OpenAI Launches Sora For Teams" is parsed as
"OpenAI launches Sora for teams".

In Title Case every word looks like a name to the small model: "Acquires" becomes a proper noun, so a
headline's verb is never a trigger. Only names the gazetteer knows are taken from such a title (see
headlinenames.py), so the parser may see every other capitalised word in lower case. The recased
title has the same length as the original, so offsets (and the evidence, which quotes the original
title) are unchanged. Kept as written: the first word, known names (any run of up to
`MAX_NAME_WORDS` words the gazetteer lists), words with capitals or digits inside ("OpenAI", "GPT-4",
"AI") and any word whose lower-case form has another length.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.extract.layout import is_headline_line

MAX_NAME_WORDS = 5
_WORD = re.compile(r"[^\s\"“”‘’'(),:;!?]+")


def sentence_case(title: str, known: Mapping[str, object]) -> str:
    """The title with its common capitalised words in lower case, when it is set in Title Case."""
    if not is_headline_line(title):
        return title
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(title)]
    keep = _known_runs(words, known)
    chars = list(title)
    for i, (start, end, word) in enumerate(words):
        if i == 0 or i in keep or not _plain_capital(word):
            continue
        lower = word.lower()
        if len(lower) == len(word):
            chars[start:end] = lower
    return "".join(chars)


def _plain_capital(word: str) -> bool:
    """ "Launches", "Down": one capital, then lower-case letters only ("Its" yes; "OpenAI", "GPT-4" no)."""
    core = word.rstrip(".")
    return len(core) > 1 and core[0].isupper() and core[1:].isalpha() and core[1:].islower()


def _known_runs(words: list[tuple[int, int, str]], known: Mapping[str, object]) -> set[int]:
    """Indexes of the words inside a run of up to MAX_NAME_WORDS words that is a known name."""
    keep: set[int] = set()
    for i in range(len(words)):
        for n in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            name = " ".join(w.removesuffix("'s").removesuffix("’s") for _, _, w in words[i : i + n])
            if name.casefold() in known:
                keep.update(range(i, i + n))
                break
    return keep
