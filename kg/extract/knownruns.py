"""An ambiguous known name opening a longer name: "Galaxy S22 Ultra", "Claude Shannon".

The gazetteer ruler matches an ambiguous entry ("Galaxy", "Claude": common words or given names) and
the model then leaves the words after it unlabelled, so the longer name was lost and the known entity
counted instead. A model code after a known product ("Galaxy S22", optionally a tier: "Ultra") makes
the product's own model; one or two unknown capitalised proper nouns make a longer name that its own
cues type (a reused surname makes "Claude Shannon" a person; without a cue it is no entity).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract import spans, tails
from kg.extract.layout import BODY, COMMENTS, TITLE
from kg.extract.names import is_capitalised, is_never_entity
from kg.extract.resources import EntityRules, GazEntry, name_span_words
from kg.extract.sentences import doc_text
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.candidates import Cand, Candidates

_CODE = re.compile(r"^[A-Z]{1,2}\d{1,3}[a-z]?$")  # "S22", "A54", "X1", "Z5"
# Model labels a word that goes on a known name may carry (none, or a name's).
NAME_LABELS = ("", "ORG", "PRODUCT", "PERSON", "WORK_OF_ART", "FAC")


def _plain_word(cands: Candidates, j: int) -> bool:
    """An unknown capitalised proper noun inside a name: no title, tier, common or never-entity word."""
    tok, rules = cands.doc[j], cands.rules
    return (
        tok.pos_ == "PROPN"
        and tok.is_alpha
        and is_capitalised(tok.text)
        and not tok.is_upper
        and tok.lower_ not in rules.person_titles
        and tok.text not in rules.version_tiers
        and tok.lower_ not in cands.lower_words
        and not is_never_entity(tok.text, rules)
    )


def name_after_known(cands: Candidates, start: int, end: int, gaz: GazEntry) -> Cand | None:
    """The longer name an ambiguous known name opens in the body, or None."""
    doc, rules = cands.doc, cands.rules
    if not gaz.ambiguous or gaz.kind not in (ORG, PRODUCT) or cands.zone(start) in (TITLE, COMMENTS):
        return None
    plain_ok = cands.zone(start) == BODY  # a model code is a name even in a glued headline run
    j, coded = end, False
    while j < len(doc) and j - end < 2:
        tok = doc[j]
        if tok.ent_id_ or tok.is_sent_start or tok.ent_type_ not in NAME_LABELS or not doc[j - 1].whitespace_:
            break
        if gaz.kind == PRODUCT and j == end and _CODE.match(tok.text):
            coded = True
        elif not plain_ok or not _plain_word(cands, j):
            break
        elif j + 1 < len(doc) and doc[j + 1].text == ":":
            break  # "Target Photograph: ...": a caption label before its colon
        j += 1
    if coded:
        while j < len(doc) and doc[j].text in rules.version_tiers and doc[j - 1].whitespace_:
            j += 1  # "Galaxy S22 Ultra"
    j = tails.tail_cut(doc, start, j)  # "Target Photograph: ...": a caption label
    if j == end or (j < len(doc) and doc[j].is_title and not doc[j].is_sent_start and not coded):
        return None  # nothing glued, or a headline run ("Galaxy Phones Get ...")
    if spans.event_name([t.text for t in doc[start:j]]):
        return None
    votes = [ev.Vote(PRODUCT, gaz.cls, ev.W_VERSION, "model-code")] if coded else []
    return cands.make(start, j, "", None, votes)


_BRAND_CODE = re.compile(r"^[A-Z][A-Za-z]*\d+[A-Za-z]*$")  # "Pure1", "Zen4", "M365"


def code_before_known(cands: Candidates, start: int, end: int, gaz: GazEntry) -> Cand | None:
    """'Pure1 Meta': a capitalised brand code (letters and digits, no known name) right before a known
    name opens a longer name, a product, not the known entity."""
    doc, rules = cands.doc, cands.rules
    if start == 0 or gaz.kind not in (ORG, PRODUCT) or cands.zone(start) in (TITLE, COMMENTS):
        return None
    tok = doc[start - 1]
    if (
        not tok.whitespace_
        or not _BRAND_CODE.match(tok.text)
        or tok.ent_id_
        or tok.ent_type_ not in ("", "ORG", "PRODUCT")
        or is_never_entity(tok.text, rules)
        or (start - 1) in cands.gaz_tokens
        or (start >= 2 and doc[start - 2].is_title and not doc[start - 1].is_sent_start)
    ):
        return None  # "Q3 Meta", or a longer run of capitals (a headline)
    if end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
        return None
    vote = ev.Vote(PRODUCT, "Application", ev.W_POSSESSIVE, "code-prefix")
    return cands.make(start - 1, end, "", None, [vote])


def name_word(tok: Token, rules: EntityRules) -> bool:
    """A capitalised proper-noun word that may go on a name: no job title and no given name (the
    checks the rules that widen a known name share; each adds its own)."""
    return (
        tok.pos_ == "PROPN"
        and tok.is_alpha
        and is_capitalised(tok.text)
        and tok.lower_ not in rules.person_titles
        and tok.text not in rules.given_names
    )


def repeated_run_end(cands: Candidates, start: int, end: int) -> int:
    """'Nvidia Drive' ... 'Nvidia Drive': a known name followed by capitalised words the text also
    writes in lower case ("drive") is cut before them, unless the body writes the same capitalised run
    at least twice: then the run is a name of its own. Returns the end of the longest repeated run of
    up to three such words, else `end`."""
    doc, rules = cands.doc, cands.rules
    j = end
    while j < len(doc) and j - end < 3:
        tok = doc[j]
        if not (
            name_word(tok, rules)
            and not tok.is_upper
            and not tok.is_sent_start
            and not tok.ent_id_
            and tok.ent_type_ in NAME_LABELS
            and doc[j - 1].whitespace_
            and tok.text not in rules.version_tiers
            and not is_never_entity(tok.text, rules)
        ):
            break
        j += 1
    text = doc_text(doc)
    for k in range(j, end, -1):
        if k < len(doc) and (doc[k].is_upper or is_capitalised(doc[k].text)) and doc[k].is_alpha:
            continue  # "CNET Generative AI": the run goes on, it is no name of its own
        phrase = text[doc[start].idx : doc[k - 1].idx + len(doc[k - 1].text)]
        pat = re.compile(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])")
        if sum(1 for m in pat.finditer(text) if cands.layout.zone(m.start()) == BODY) >= 2:
            return k
    return end


def caps_tier_end(cands: Candidates, start: int, end: int) -> int:
    """'Metaphysic PRO', 'Zentrik MAX': a known name followed by an all-capital version tier
    (`version_tiers` written in capitals) is one product name; returns the end past the tier, else `end`.
    Not where the text writes the run before an event noun anywhere ("the Zentrik MAX conference": an
    event), nor in a run of capitals (a shouted headline) or before a capitalised word."""
    doc, rules = cands.doc, cands.rules
    if end >= len(doc) or not doc[end - 1].whitespace_:
        return end
    tok = doc[end]
    tiers = {t.upper() for t in rules.version_tiers}
    if not (tok.is_alpha and tok.is_upper and len(tok.text) >= 2 and tok.text in tiers) or tok.is_sent_start:
        return end
    shouted = start > 0 and doc[start - 1].is_alpha and doc[start - 1].is_upper and len(doc[start - 1]) > 1
    if shouted or (end + 1 < len(doc) and doc[end + 1].is_alpha and doc[end + 1].text[:1].isupper()):
        return end
    events = name_span_words("event_nouns_after")
    phrase = doc[start : end + 1].text
    pat = re.compile(r"(?<![\w-])" + re.escape(phrase) + r"\s+(\w+)")
    if any(m.group(1).casefold() in events for m in pat.finditer(doc_text(doc))):
        return end
    return end + 1


_RUN_OPENERS = frozenset({"the", "its", "their", "our", "his", "her", "your"})


def generic_head_run_end(cands: Candidates, start: int, end: int, gaz: GazEntry) -> int:
    """'the Zentrik Enterprise platform', 'its Zentrik One app': a known company after "the" or a
    possessive, one or two capitalised words (generic ones such as "Enterprise", "Business", "One"
    included) and a singular product head noun (`product_heads`, weak ones too) is one product name:
    returns the end past the words, else `end`. Not a job title, a given name, a version tier (see
    `caps_tier_end`), an organization suffix ("the Zentrik Research platform"), another known name or
    an all-capital word ("the Zentrik AI platform": a category); not where a noun follows the head
    ("the Zentrik One app team")."""
    doc, rules = cands.doc, cands.rules
    if gaz.kind != ORG or start == 0 or doc[start - 1].lower_ not in _RUN_OPENERS:
        return end
    j = end
    while j < len(doc) and j - end < 2:
        tok = doc[j]
        if not (
            (name_word(tok, rules) or tok.text == "One")  # "the Zentrik One suite": read as a number
            and not tok.is_upper
            and not tok.is_sent_start
            and not tok.ent_id_
            and (tok.ent_type_ in NAME_LABELS or tok.text == "One")
            and doc[j - 1].whitespace_
            and tok.text not in rules.version_tiers
            and tok.lower_ not in rules.org_suffixes
        ):
            break
        j += 1
    if j == end or j + 1 >= len(doc):
        return end
    head, after = doc[j], doc[j + 1]
    if not (head.is_lower and head.tag_ == "NN" and head.lower_ in rules.product_heads):
        return end
    if after.pos_ in ("NOUN", "PROPN") or after.text == "-":
        return end
    return j


def generic_head_name(cands: Candidates, start: int, end: int) -> bool:
    """The name is a known company + words + product head found by `generic_head_run_end`: its last
    word may be a generic one ("the Zentrik Enterprise platform") and still end a name."""
    doc = cands.doc
    ent_id = doc[start].ent_id_
    if not ent_id:
        return False
    gaz = cands.res.gazetteer.get(ent_id)
    known_end = start
    while known_end < end and doc[known_end].ent_id_ == ent_id:
        known_end += 1
    if gaz is None or gaz.ambiguous or known_end == end:
        return False
    return generic_head_run_end(cands, start, known_end, gaz) == end
