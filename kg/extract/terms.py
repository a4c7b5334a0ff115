"""Capitalised words that are terms, headings or titles, not names.

A sentence adverb glued after a heading ("... vector databases Coincidentally, this week"), a common
word capitalised before a phrase the text writes in lower case ("Vector databases" beside "vector
databases"), an acronym naming a category ("CI tools", "CRM vendors"), a pair of versions written
with a slash ("GPT-3/4"), a conference named before its event noun ("the Acme Transform event"), and
a short title such as "GM" (general manager) inside a job title. Word lists: kg/data/name_spans.json.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract.resources import name_span_words
from kg.extract.sentences import doc_text

_SLASH_PAIR = re.compile(r"[A-Za-z0-9]/[A-Za-z0-9]")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def not_a_name(doc: Doc, start: int, end: int, surface: str) -> bool:
    """Any of the term shapes below (for names the gazetteer does not know)."""
    return (
        sentence_adverb(doc, start, end)
        or slash_pair(surface.split())
        or acronym_category(doc, start, end)
        or conference_name(doc, start, end)
        or standard_name(doc, start, end)
        or work_title(doc, start)
        or lower_phrase_attested(doc, start, end, surface)
        or lower_name_attested(doc, surface)
        or identity_word(doc, start, end)
    )


def identity_word(doc: Doc, start: int, end: int) -> bool:
    """'Black, Latino, and female founders', '99% Black and Latinx': capitalised identity adjectives
    (`identity_words`) alone or coordinated ("Black and Latino") describe people, not a name (not where
    the model reads a person: "Black" as a surname)."""
    if doc[start].ent_type_ == "PERSON":
        return False
    words = name_span_words("identity_words")
    return all(t.lower_ in words or t.lower_ in ("and", "&", ",") for t in doc[start:end]) and (
        doc[start].lower_ in words and doc[end - 1].lower_ in words
    )


def sentence_adverb(doc: Doc, start: int, end: int) -> bool:
    """'Coincidentally, this week ...': one '-ly' adverb before a comma, capitalised because it opens a
    clause (the parse may glue it to a heading before it)."""
    tok = doc[start]
    return (
        end - start == 1
        and tok.tag_ == "RB"
        and tok.lower_.endswith("ly")
        and end < len(doc)
        and doc[end].text == ","
    )


def lower_phrase_attested(doc: Doc, start: int, end: int, surface: str) -> bool:
    """'Vector databases' where the text also writes 'vector databases': a common word capitalised by
    a heading or a sentence start, followed by the noun it modifies elsewhere in lower case."""
    if end >= len(doc) or not surface[:1].isupper() or surface.isupper():
        return False
    nxt = doc[end]
    if not (nxt.is_lower and nxt.is_alpha and nxt.pos_ == "NOUN"):
        return False
    lowered = surface[:1].lower() + surface[1:]
    if not lowered.split()[0].isalpha() or not lowered.split()[0].islower():
        return False  # "DataStax", "iPhone": a brand's shape, never a common word
    return f"{lowered} {nxt.text}" in doc_text(doc)


def lower_name_attested(doc: Doc, surface: str) -> bool:
    """'Managed Detection and Response (MDR)' where the text also writes 'managed detection and
    response': a coordination of capitalised words ("A B and C") that the text itself writes in lower
    case is a term (its capitals are a heading's or a definition's). A name with an all-capital word
    ("Contact Center AI" beside "contact center AI offerings") or without "and" is left alone: product
    names are made of common words too."""
    words = surface.split()
    if len(words) < 3 or not all(w.isalpha() or w == "&" for w in words):
        return False
    if not any(w in ("and", "&") for w in words[1:-1]) or any(w.isupper() and len(w) > 1 for w in words):
        return False
    lowered = " ".join(w.lower() if w.istitle() else w for w in words)
    if lowered == surface or not lowered[:1].islower():
        return False
    return re.search(rf"(?<![\w-]){re.escape(lowered)}(?![\w-])", doc_text(doc)) is not None


def acronym_category(doc: Doc, start: int, end: int) -> bool:
    """'CI tools', 'CRM vendors': an all-capital acronym before a plural category noun names a kind of
    thing, not a product or a company."""
    if end - start != 1 or end >= len(doc):
        return False
    word = doc[start].text
    if not (word.isalpha() and word.isupper() and 2 <= len(word) <= 4):
        return False
    return doc[end].lower_ in name_span_words("category_plurals")


def slash_pair(words: list[str]) -> bool:
    """'GPT-3/4', 'Model X/Y': two names written as one with a slash are no single entity."""
    return any(_SLASH_PAIR.search(w) and "." not in w for w in words)


def conference_name(doc: Doc, start: int, end: int) -> bool:
    """'the recent Acme Transform event', 'our Acme Summit 2023 coverage', 'the Zedcon security
    conference': a name followed by an event noun (after an optional year, or one lower-case modifier
    for a name of one word) is a conference; so is a name with a year after "at" or "during"
    ("unveiled at Acme Ignite 2023")."""
    nouns = name_span_words("event_nouns_after")
    k = end
    if k < len(doc) and _YEAR.match(doc[k].text):
        if start > 0 and doc[start - 1].lower_ in _AT_EVENT:
            return True  # "announced at Acme Ignite 2023", "during Acme Connect 2024"
        k += 1
    if k >= len(doc):
        return False
    if end - start >= 2:
        return doc[k].is_lower and doc[k].lower_ in nouns
    return (
        k == end
        and k + 1 < len(doc)
        and doc[k].is_lower
        and doc[k].is_alpha
        and doc[k + 1].lower_ in nouns
        and doc[k + 1].lower_ in _CONFERENCES
    )


_CONFERENCES = frozenset({"conference", "summit", "expo", "hackathon"})  # "a security conference"
_AT_EVENT = frozenset({"at", "during"})


def work_title(doc: Doc, start: int) -> bool:
    """'a blog post titled The Bright Future Manifesto': the title of a work, not a name."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in name_span_words("work_title_verbs")


def title_abbreviation(doc: Doc, start: int, end: int, titles: frozenset[str] | set[str]) -> bool:
    """'cofounder and GM of Acme': a short all-capital word coordinated with a job title and followed
    by 'of'/'at' is a title (general manager), not the company the gazetteer knows by that name."""
    if end - start != 1 or start < 2 or end >= len(doc):
        return False
    word = doc[start].text
    if not (word.isupper() and len(word) <= 4):
        return False
    return (
        doc[end].lower_ in ("of", "at")
        and doc[start - 1].lower_ in ("and", "&", ",", "/")
        and doc[start - 2].lower_ in titles
    )


def swapped_pair(doc: Doc, start: int, k: int, end: int) -> bool:
    """'Acme and Zenit' where the text also writes 'Zenit and Acme': a coordination written in both
    orders joins two names, not the halves of one."""
    left, right = doc[start:k].text, doc[k + 1 : end].text
    if not (left[:1].isupper() and right[:1].isupper()):
        return False
    return f"{right} {doc[k].text} {left}" in doc_text(doc)


def final_stop_word(doc: Doc, i: int) -> bool:
    """'E.' in '... image generator DALL-E.': a word that took the sentence's full stop, last before a
    line break, the next sentence or the end of the text."""
    text = doc[i].text
    if not (text.endswith(".") and text[:-1].isalpha()):
        return False
    if i + 1 >= len(doc):
        return True
    nxt = doc[i + 1]
    return nxt.is_space or nxt.is_sent_start or nxt.text[:1].isupper()  # the parse may miss the break



def longer_named(doc: Doc, start: int, end: int, ent_texts: set[str]) -> int:
    """End of 'Astra DB' where the model labelled only 'Astra' here but 'Astra DB' elsewhere: a
    capitalised word outside any entity that makes a name the document labels in full."""
    if end >= len(doc) or end - start > 3:
        return end
    nxt = doc[end]
    if nxt.ent_type_ or not nxt.text[:1].isupper() or not nxt.is_alpha or not doc[end - 1].whitespace_:
        return end
    return end + 1 if doc[start : end + 1].text in ent_texts else end


def standard_name(doc: Doc, start: int, end: int) -> bool:
    """'the GPLv3 license', 'the Zorb protocol': a one-word name before a licence or standard noun
    names a licence or a specification, not a product or a company."""
    return end - start == 1 and end < len(doc) and doc[end].lower_ in name_span_words("standard_nouns")

