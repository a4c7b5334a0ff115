"""Edges of entity names: what is glued onto a name or mistaken for one.

Match scores and trademark marks after a name ("Ada Kim 4-1", "Digital Home TM"), acronyms a text
declares for a common term ("explainable AI (also called XAI)"), an acronym and its expansion used as
a category label ("a Data Quality Ops (DQOps) company"), awards, shows and conferences ("Fields Medal",
"DevDay"). The word lists live in kg/data/name_spans.json, read once per process at run time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from kg.extract.aliases import is_acronym_of
from kg.extract.names import CONNECTORS
from kg.extract.resources import name_span_words

_SCORE = re.compile(r"^\d{1,2}[-–]\d{1,2}$")  # "4-1": a match score
_TRADEMARKS = frozenset({"TM", "™", "®"})
_ALSO_CALLED = frozenset({"also", "called", "known", "as", "or", "aka", "short", "for", ","})


@dataclass(frozen=True)
class SpanRules:
    category_nouns: frozenset[str]
    event_words: frozenset[str]
    audience_words: frozenset[str]
    org_modifiers: frozenset[str]
    institution_heads: frozenset[str]
    owned_product_heads: frozenset[str]
    title_starts: frozenset[str]
    title_heads: frozenset[str]
    acronym_lead_ins: frozenset[str]


@lru_cache(maxsize=1)
def span_rules() -> SpanRules:
    return SpanRules(**{k: name_span_words(k) for k in SpanRules.__dataclass_fields__})


def score_cut(doc: Doc, start: int, end: int) -> int:
    """End of the name without a match score or a trademark mark after it ("Ada Kim 4-1" -> "Ada Kim"),
    nor the first word of a rank after it ("US Navy Rear Admiral ..." -> "US Navy")."""
    rules = span_rules()
    if (
        end - start >= 2
        and end < len(doc)
        and doc[end - 1].lower_ in rules.title_starts
        and doc[end].lower_ in rules.title_heads
    ):
        return end - 1
    if end - start >= 2 and doc[end - 1].text in _TRADEMARKS:
        return end - 1
    if end - start >= 2 and _SCORE.match(doc[end - 1].text):
        return end - 1  # "4-1" as one token
    if (
        end - start >= 4
        and doc[end - 1].is_digit
        and doc[end - 2].text in ("-", "–")
        and doc[end - 3].is_digit
        and len(doc[end - 1].text) <= 2
        and len(doc[end - 3].text) <= 2
        and not doc[end - 3].whitespace_
        and not doc[end - 2].whitespace_
        and doc[end - 4].is_alpha
        and doc[end - 4].whitespace_
    ):
        return end - 3
    return end


def term_acronym(doc: Doc, start: int, end: int) -> bool:
    """'explainable AI (also called XAI)', 'large language models (LLMs)': an acronym the text declares
    for a lower-case phrase is a term, not a name (its letters run through the phrase in order,
    starting in the phrase's first word)."""
    k = start - 1
    while k > 0 and doc[k].lower_ in _ALSO_CALLED:
        k -= 1
    if k < 2 or doc[k].text != "(" or end - start != 1 or end >= len(doc) or doc[end].text != ")":
        return False
    acronym = doc[start].text.removesuffix("s")
    if not (2 <= len(acronym) <= 6 and sum(ch.isupper() for ch in acronym) >= 2):
        return False
    letters = acronym.casefold()
    for first in range(k - 2, max(k - 6, -1), -1):
        words = [t.text for t in doc[first:k] if t.text != "-"]  # "service-level agreements (SLAs)"
        if not all(w.isalpha() and (w.islower() or w.isupper()) for w in words) or not doc[first].is_lower:
            continue  # a lower-case phrase ("explainable AI"), not a name ("agency Creative Artists Agency")
        if letters[0] not in words[0].casefold():
            continue
        text, pos = "".join(words).casefold(), 0
        for ch in letters:
            pos = text.find(ch, pos) + 1
            if pos == 0:
                break
        else:
            return True
    return False


def category_label(doc: Doc, start: int, end: int) -> bool:
    """'a Data Quality Ops (DQOps) company', 'SHAP (SHapley Additive exPlanations) values': an acronym
    and its expansion before a category noun label a kind of thing; neither is a name."""
    nouns = span_rules().category_nouns
    surface = doc[start:end].text
    if end + 3 < len(doc) and doc[end].text == "(":
        close = next((k for k in range(end + 2, min(len(doc), end + 8)) if doc[k].text == ")"), None)
        if close is not None and close + 1 < len(doc) and doc[close + 1].lower_ in nouns:
            inner = doc[end + 1 : close].text
            return acronym_pair(inner, surface) or acronym_pair(surface, inner)
    bracketed = start > 1 and end + 1 < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"
    if bracketed and doc[end + 1].lower_ in nouns:
        prev = [t.text for t in doc[max(0, start - 8) : start - 1]]
        for i in range(len(prev) - 1, -1, -1):
            if not (prev[i][:1].isupper() or prev[i].casefold() in CONNECTORS):
                break
            if acronym_pair(surface, " ".join(prev[i:])):
                return True
    return False


def acronym_pair(acronym: str, name: str) -> bool:
    """An acronym of the name, by initials or by its capitals ('DQOps' for 'Data Quality Ops')."""
    short = acronym.removesuffix("s")
    if is_acronym_of(short, name):
        return True
    capitals = "".join(ch for ch in short if ch.isupper())
    words = [w for w in name.split() if w[:1].isalpha()]
    if len(capitals) < 2 or len(words) < 2:
        return False
    initials = "".join(w[0] for w in words if w.casefold() not in CONNECTORS).upper()
    inner_caps = "".join(ch for ch in name if ch.isupper())
    return capitals in (initials, inner_caps) or short.upper() == inner_caps


def event_name(words: list[str]) -> bool:
    """'Fields Medal', 'OpenAI DevDay', 'Turing Award': an award, show or conference."""
    return bool(words) and words[-1].casefold() in span_rules().event_words


def audience_edition(doc: Doc, end: int) -> int:
    """End of 'Zed for Teams' after the name 'Zed' (an edition for an audience word), else `end`."""
    if end + 1 >= len(doc) or doc[end].lower_ != "for":
        return end
    word = doc[end + 1]
    if not (word.is_title and word.lower_ in span_rules().audience_words):
        return end
    if end + 2 < len(doc) and doc[end + 2].is_title and not doc[end + 2].is_sent_start:
        return end  # a run of capitals: a headline or a longer name
    return end + 2


def institution_name(doc: Doc, start: int, end: int, label: str) -> bool:
    """'the independent nonprofit Center for Digital Ethics': generic words that name an institution
    ('<head> for/of/on ...', four words or more, after 'the' and its lower-case modifiers, mid-sentence,
    tagged an organization by the model)."""
    words = [t.lower_ for t in doc[start:end]]
    if label != "ORG" or len(words) < 4 or words[0] not in span_rules().institution_heads:
        return False
    if words[1] not in ("for", "of", "on") or doc[start].is_sent_start:
        return False
    k = start - 1
    while k >= 0 and doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN") and start - k <= 3:
        k -= 1
    return k >= 0 and doc[k].lower_ == "the"


def possessed_product(doc: Doc, start: int, end: int, heads: frozenset[str] | dict[str, str]) -> bool:
    """'Foo's existing Skyline Zones solution', 'its Snip Tool for screenshots', 'Bolt's Red Queen chess
    machine': a capitalised name owned by somebody ('X's', 'its', 'their', 'our', and up to two
    lower-case modifiers) and ending in, or followed by, a product noun (after up to two lower-case
    nouns) names a product."""
    j = start - 1
    while j >= 0 and start - j <= 2 and doc[j].is_lower and doc[j].pos_ in ("ADJ", "VERB", "NOUN"):
        j -= 1
    if j < 0 or not (doc[j].tag_ == "POS" or doc[j].lower_ in ("its", "their", "our")):
        return False
    if end - start == 1 and doc[start].is_upper:
        return False  # "its DLP offerings", "the network's DNS service": a technical acronym
    if doc[end - 1].lower_ in heads and end - start >= 2:
        return True
    k = end
    while k < len(doc) and k - end < 3 and doc[k].is_lower and doc[k].pos_ == "NOUN":
        if doc[k].lower_ in heads:
            return True
        k += 1
    return False


def acronym_expansion(doc: Doc, start: int) -> bool:
    """'an acronym for BigScience Large Open-science ...', 'which stands for ...': the spelled-out
    words of an acronym are no name of their own."""
    lead_ins = span_rules().acronym_lead_ins
    return start >= 2 and doc[start - 1].lower_ == "for" and doc[start - 2].lower_ in lead_ins
