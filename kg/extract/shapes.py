"""Name shapes that decide an entity's reading whatever the model says.

- A product code: a capitalised family word, a hyphen and a lettered number ("Cortex-M85",
  "Ethos-U55", "Nimbus-X7") names a chip, core or device, not a company the model may take it for.
- A job title alone: a capitalised run made only of title words ("Executive Vice President",
  "Senior Director") set off after a person's name is the person's title, never an entity.
- A name right after an organization noun ("the agritech company Origo Data") is no person, even
  where it stands in apposition to a title noun ("their first partner ...: the company Origo Data").
- A sub-brand: "<product> <Word>" (a product the document names, then a capitalised word) is a
  product of that line, not a person ("Zentro Python", "Quill Nova").

The title vocabulary is the words of `person_titles` (entity_rules.json) plus `title_modifiers`,
`title_starts` and `title_heads` of kg/data/name_spans.json, read once per process at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from kg.extract.evidence import Vote
from kg.extract.names import CONNECTORS
from kg.extract.resources import EntityRules, name_span_words

_PRODUCT_CODE = re.compile(r"^[A-Z][a-z]{2,}-[A-Z]{1,2}\d{1,4}[A-Z]?$")


def product_code(word: str) -> bool:
    """'Cortex-M85', 'Ethos-U55': a family word and a lettered model number joined by a hyphen."""
    return bool(_PRODUCT_CODE.match(word))


def code_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Widen a name cut at the hyphen of a product code: "X7" or "Nimbus" in "Nimbus-X7"."""
    if (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
        and product_code(doc[start - 2].text + "-" + doc[start].text)
    ):
        start -= 2
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and product_code(doc[end - 1].text + "-" + doc[end + 1].text)
    ):
        end += 2
    return start, end


@lru_cache(maxsize=4)
def _vocabulary(person_titles: frozenset[str]) -> frozenset[str]:
    words = {w for title in person_titles for w in title.split()}
    return frozenset(words | name_span_words("title_modifiers") | name_span_words("title_starts")
                     | name_span_words("title_heads"))


def title_opening(word: str) -> bool:
    """'Senior', 'Executive', 'Head': a word that opens a job title (the data, without EntityRules)."""
    word = word.casefold()
    return word in name_span_words("title_modifiers") or word in name_span_words("title_starts")


def title_vocabulary(rules: EntityRules) -> frozenset[str]:
    """Every word a job title is made of: the words of `person_titles` and the title modifiers."""
    return _vocabulary(rules.person_titles)


def title_only(words: list[str], rules: EntityRules) -> bool:
    """'Executive Vice President', 'Senior Director of Strategy': a title with no name in it."""
    vocab = title_vocabulary(rules)
    content = [w.casefold() for w in words if w.casefold() not in CONNECTORS and w not in ("&", ",")]
    return len(content) >= 2 and all(w in vocab for w in content)


def nearest_description_wins(votes: list[Vote]) -> list[Vote]:
    """'their first partner ...: the agritech company Origo Data': the organization noun right before
    a name describes it more closely than a title noun it stands in apposition to, so the title's
    person vote goes."""
    if any(v.cue == "org-noun-before" for v in votes):
        return [v for v in votes if v.cue != "appos-title"]
    return votes


def suffixed_run(doc: Doc, i: int, suffixes: dict[str, str]) -> bool:
    """A capitalised run from token i that ends, within four words, in a product-name suffix
    ("Model Studio" in "Cerebras AI Model Studio"): its words belong to the name even where the text
    also writes them in lower case ("a model")."""
    folded = {k.casefold() for k in suffixes}
    for k in range(i, min(i + 4, len(doc))):
        tok = doc[k]
        if not (tok.is_alpha and (tok.is_title or tok.is_upper) and not tok.is_sent_start):
            return False
        if tok.lower_ in folded:
            return True
    return False


def inner_acronym(doc: Doc, i: int) -> bool:
    """An all-capital word of two to four letters inside a product name after a known name, with a
    capitalised word after it: "Cerebras AI Model Studio", "Zentro ML Cloud Suite". Whether the run
    is a product (a product-name suffix at its end) is decided by the caller."""
    tok = doc[i]
    if not (tok.is_alpha and tok.is_upper and 2 <= len(tok.text) <= 4) or i + 1 >= len(doc):
        return False
    nxt = doc[i + 1]
    return nxt.is_alpha and nxt.is_title and nxt.pos_ == "PROPN" and not nxt.is_sent_start
