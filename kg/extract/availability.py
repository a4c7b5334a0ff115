"""Launches stated through availability: "X became available in 2019", "Y made X available to
everyone", "X is now generally available". The adjective is no trigger word of the lexicon (its
uses are mostly states: "the data is available on GitHub"), so it is found here, per occurrence of
the word, and only where the text says the availability began (`availability` in triggers.json).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.extract import syntax
from kg.extract.argbase import ANY, Args, _of_kind, _places, _preps, _refs
from kg.extract.patterns import TRIGGERS, Trigger, _read_json
from kg.extract.sentences import doc_text
from kg.extract.table import EntityTable
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

AVAILABLE_KEY = "launch.available"
# "available" as the complement of the verb ("became available") or of the made object
_COMPLEMENT_DEPS = frozenset({"acomp", "ccomp", "oprd", "xcomp", "advcl"})


@lru_cache(maxsize=1)
def _options() -> dict[str, Any]:
    data = _read_json(TRIGGERS).get("availability", {})
    return {
        "words": frozenset(data.get("words", ())),
        "onset_verbs": frozenset(data.get("onset_verbs", ())),
        "causing_verbs": frozenset(data.get("causing_verbs", ())),
        "copulas": frozenset(data.get("copulas", ())),
        "onset_adverbs": frozenset(data.get("onset_adverbs", ())),
        "part_nouns": frozenset(data.get("part_nouns", ())),
    }


@lru_cache(maxsize=1)
def trigger() -> Trigger:
    """The Launch trigger the hits carry (a product-family verb trigger, intransitive)."""
    return Trigger(
        type="Launch", family="product", pos="verb", words=("available",), head=0, intransitive=True,
        key=AVAILABLE_KEY,
    )


def available_tokens(sdoc: Doc) -> list[tuple[Token, Token]]:
    """(verb, adjective) pairs where availability begins: a change verb ("become"), a causing verb
    with an object ("made X available"), or a copula with an onset adverb ("is now available",
    "generally available today"). Found per occurrence of the words in the text."""
    opts = _options()
    if not opts["words"]:
        return []
    out: list[tuple[Token, Token]] = []
    pattern = r"\b(" + "|".join(re.escape(w) for w in sorted(opts["words"])) + r")\b"
    for m in re.finditer(pattern, doc_text(sdoc), re.IGNORECASE):
        span = sdoc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue
        adj = span[0]
        verb = adj.head
        if adj.dep_ not in _COMPLEMENT_DEPS or verb is adj or not verb.tag_.startswith("VB"):
            continue
        lemma = verb.lemma_.lower()
        if (
            lemma in opts["onset_verbs"]
            or (lemma in opts["causing_verbs"] and _made_object(verb, adj))
            or (lemma in opts["copulas"] and _onset_adverb(verb, adj))
        ):
            out.append((verb, adj))
    return out


def _made_object(verb: Token, adj: Token) -> list[Token]:
    """What "made ... available" makes available: the adjective's subject (the small model reads
    "made X available" as a clause) or the verb's direct object."""
    objs = [c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass")]
    objs += [c for c in verb.children if c.dep_ == "dobj"]
    if not objs and syntax.is_passive(verb):  # "X was made available"
        objs = syntax.patient_tokens(verb)
    return objs


def _onset_adverb(verb: Token, adj: Token) -> bool:
    words = _options()["onset_adverbs"]
    return any(c.lower_ in words for c in (*adj.children, *verb.children))


def arguments(verb: Token, table: EntityTable) -> Args:
    """Product and agent of an availability launch: the subject (or the made object) names the
    product; the agent is the subject of a causing verb, else the product phrase's possessor or its
    "from"/"by" organization ("The X chatbot from Y became available")."""
    a = Args()
    adj = next((c for c in verb.children if c.lower_ in _options()["words"]), None)
    if verb.lemma_.lower() in _options()["causing_verbs"] and adj is not None:
        things = _made_object(verb, adj)
        if not syntax.is_passive(verb):
            a.add("agent", _of_kind(_refs(table, syntax.subject_tokens(verb), ANY), ORG))
    else:
        things = syntax.subject_tokens(verb)
    # "This iPad feature is now available": a part of the named product, not the product
    things = [t for t in things if t.lower_ not in _options()["part_nouns"]]
    a.add("product", _of_kind(_refs(table, things, ANY, deep=True), PRODUCT))
    for t in things:
        a.add("agent", syntax.possessors(table, t, (ORG,)))
        a.add("agent", _of_kind(_preps(table, t, ["from", "by"], ANY, deep=False), ORG))
    a.add("place", _places(table, [verb, *things]))
    return a
