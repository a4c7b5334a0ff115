"""'Ivanti Neurons for UEM', 'Zentra Guard for IoT': a known product + "for" + one acronym-shaped word
(two or more capitals, at most six letters: "UEM", "IoT", "IIoT") is one edition of the product, as
"Claude for Financial Services" is (`Candidates.product_for`). Not a category or describing acronym
(`caps_codes.not_codes`: "for AI", "for PC", "for LLM"), nor a name the gazetteer knows ("GPT-4 for
ChatGPT" is the model used for a product), nor an acronym a capitalised word follows (a longer name)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.capscodes import caps_code_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.resources import GazEntry

_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,5}$")


def acronym_edition(doc: Doc, k: int, gaz_names: dict[str, GazEntry]) -> bool:
    """Token k, right after "<known product> for", is an acronym naming the edition's audience."""
    tok = doc[k]
    text = tok.text
    return (
        bool(_ACRONYM.match(text))
        and sum(ch.isupper() for ch in text) >= 2
        and text.casefold() not in caps_code_words().not_codes
        and text.casefold() not in gaz_names
        and not (k + 1 < len(doc) and doc[k + 1].text[:1].isupper())
    )
