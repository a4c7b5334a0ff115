"""The other side of a deal: "a partnership with Celona", "partnered with Quorvex", "Zentrik acquired
Quillbyte".

The small model often reads a one-word company it does not know as a place (or labels nothing), and
then the deal has no party. The object of "with" after a partnership word (`deal_parties.with_words`
in entity_rules.json: "partner", "partnership", "collaboration", "alliance", "team" up ...) and the
subject of an active acquisition verb (`deal_parties.buy_verbs`) with a named object are
organizations (cue `deal-party`, weight 5): enough to outweigh the model's place label (2), never
a gazetteer place (100). Left alone: the model's person reading ("partnered with Ann Lee"), given
names, a person's surname used alone ("partnered with Suh" after "Chan Suh"), and a name after a
noun that says what it is ("collaborated with the musician Prince").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.evidence import W_HEAD, Vote
from kg.extract.resources import EntityRules
from kg.model import ORG

_READINGS = ("GPE", "LOC", "NORP", "")  # the model's labels this cue may overrule
# What may stand right before the name (besides a sentence start): the preposition, a list's joints
# or a fronted phrase's comma.
_RIGHT_BEFORE = frozenset({"with", "and", ",", "&"})


def _with_party(tok: Token, rules: EntityRules) -> bool:
    """ "partnership with X", "partnered with X", "teamed up with X" (and "with A and B")."""
    while tok.dep_ == "conj":
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "with":
        return False
    word = prep.head
    return word.lemma_.lower() in rules.deal_with_words or word.lower_ in rules.deal_with_words


def _buyer(tok: Token, rules: EntityRules) -> bool:
    """ "X acquired Y": the subject of an active acquisition verb with a named object."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.deal_buy_verbs:
        return False
    return any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children)


def _surname(doc: Doc, start: int, end: int) -> bool:
    """ "partnered with Suh" after "Chan Suh": a person's surname used alone."""
    words = [t.text for t in doc[start:end]]
    return any(
        e.label_ == "PERSON" and len(e) > len(words) and [t.text for t in e[-len(words) :]] == words
        for e in doc.ents
    )


def party_votes(doc: Doc, start: int, end: int, rules: EntityRules, label: str) -> list[Vote]:
    """An organization vote for a deal's party that the model read as a place or did not label."""
    if label not in _READINGS or doc[start].text in rules.given_names:
        return []
    prev = doc[start - 1] if start > 0 else None
    if not (doc[start].is_sent_start or prev is None or prev.is_space or prev.lower_ in _RIGHT_BEFORE):
        return []  # "with the musician Prince": a noun before the name says what it is
    tok = doc[start:end].root
    if (_with_party(tok, rules) or _buyer(tok, rules)) and not _surname(doc, start, end):
        return [Vote(ORG, "Company", W_HEAD, "deal-party")]
    return []
