"""Names that took the sentence's full stop.

The tokenizer splits a final full stop after a digit or a lower-case letter, but not after a capital:
"GPT-J." and "Mistral 7B." end in one token "J." / "7B.", so the gazetteer ruler misses the known name
and a version looks like no version (`names.is_version_token` reads "7B." as "7B").
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.resources import GazEntry


def glued_stop(doc: Doc, i: int) -> bool:
    """Token i ends a sentence with the full stop glued on: "J." in "... released GPT-J. It ...".

    A capital or digit before the stop, no other dot in the word (not "U.S."), and a break, the next
    sentence or the end of the text after it."""
    text = doc[i].text
    if len(text) < 2 or not text.endswith(".") or "." in text[:-1]:
        return False
    if not (text[-2].isupper() or text[-2].isdigit()):
        return False
    if i + 1 >= len(doc):
        return True
    nxt = doc[i + 1]
    return nxt.is_space or nxt.is_sent_start or nxt.text[:1].isupper() or nxt.text[:1] in "\"“”'’)"


def known_before_stop(doc: Doc, start: int, end: int, gaz_names: dict[str, GazEntry]) -> GazEntry | None:
    """The gazetteer entry of "GPT-J" in a span "GPT-J." the ruler could not match (never an ambiguous
    one, never a one-letter word: "J." may be an initial)."""
    if end - start < 2 or not glued_stop(doc, end - 1):
        return None
    known = gaz_names.get(doc[start:end].text[:-1].casefold())
    return known if known is not None and not known.ambiguous else None
