"""Names announced as new: "the new Column Weave organizes sections", "a new Relay Vault promises ...".

Announcement articles name a product or feature once, right after "the/a new", and then describe it;
the name is often a pair of common capitalised words the small model reads as an organization or a
person, or leaves unlabelled. A run of two to four capitalised words after a determiner
(`new_name_lead_ins`) and "new" is a product (cue `new-name`, weight of a head noun), unless:

- it is followed by a lower-case noun: that noun types the run (head votes: "the new Acme Labs team");
- it opens with a given name ("the new Steve Parks"), a title, a day, a month or "Series"
  (`new_name_not_first`), or closes with a word for a law, programme, body or round (`new_name_not_last`);
- it is a place or a date by the model's label, or a title made only of title words;
- it takes "of" or closes with a capitalised plural ("the new AI Cloud Wars").

"its new X" / "Acme's new X" is `evidence.possessed_votes`; this step reads the determiner cases only.
Word lists live in `kg/data/name_spans.json`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules, name_span_words
from kg.extract.shapes import title_only
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NOT_LABELS = frozenset({"GPE", "LOC", "DATE", "TIME", "EVENT", "LAW", "NORP", "MONEY", "CARDINAL"})


def _capitalised(text: str) -> bool:
    return text[:1].isupper() or (text[:1].isdigit() and any(ch.isupper() for ch in text))


def new_name_votes(doc: Doc, start: int, end: int, rules: EntityRules, label: str) -> list[ev.Vote]:
    """A product vote for the run [start, end) when it reads "<the/a> new <Run>" and nothing else
    types it (see the module docstring)."""
    if start < 2 or not 2 <= end - start <= 4 or label in _NOT_LABELS:
        return []
    if doc[start - 1].lower_ != "new" or doc[start - 1].text != "new":
        return []
    if doc[start - 2].lower_ not in name_span_words("new_name_lead_ins"):
        return []
    tokens = doc[start:end]
    words = [t.text for t in tokens]
    if not all(_capitalised(w) for w in words):
        return []  # "Battery State of Health": a measure or a body, seldom a product, takes "of"
    if tokens[-1].tag_ in ("NNS", "NNPS") and tokens[-1].is_title and tokens[-1].lower_.endswith("s"):
        return []  # "the new AI Cloud Wars": a plural common word closes a phrase, not a product name
    if words[0] in rules.given_names or title_only(words, rules):
        return []
    if words[0].casefold() in name_span_words("new_name_not_first"):
        return []
    if words[-1].casefold() in name_span_words("new_name_not_last"):
        return []
    if end < len(doc):
        nxt = doc[end]
        if nxt.is_lower and nxt.pos_ in ("NOUN", "PROPN"):
            return []  # "the new Acme Cloud features": the noun after types the run
    return [ev.Vote(PRODUCT, "Product", ev.W_HEAD, "new-name")]


def new_run_start(doc: Doc, start: int, end: int) -> int:
    """Where a name the model cut after its first words starts: "the new Relay Vault" labelled
    "Vault" alone starts at "Relay". Unlabelled capitalised words back to "<the/a> new" (four words
    at most in all) join the name; else `start` unchanged."""
    i = start
    while i > 0 and end - i < 4:
        tok = doc[i - 1]
        if not (tok.is_alpha and tok.text[:1].isupper() and not tok.ent_type_ and not tok.is_sent_start):
            break
        i -= 1
    if i == start or i < 2 or doc[i - 1].text != "new":
        return start
    if doc[i - 2].lower_ not in name_span_words("new_name_lead_ins"):
        return start
    return i
