"""'Zentrik's AI tool for coding, Quell Helper, is free': a name set off by commas right after an owned
or definite product noun is that product, where the parser missed the apposition.

The small model often reads "its coding tool, Quell Helper, ..." as two clauses and hangs no `appos`
arc between the noun and the name, so `evidence.appos_votes` says nothing and the model's person or
organization label wins. Read from the surface instead: a comma right before the mention, before it a
singular strong product head noun (`product_heads` without the weak ones such as "platform", which
`weakheads` reads), optionally followed by "for <noun>"; before the noun at most five lower-case
describing words or capitalised acronyms back to "the", a possessive pronoun or a possessive "'s";
after the mention a comma, a full stop, a semicolon or a bracket. Not after "behind" ("the company
behind the chatbot, Zentrik, said"), nor a name of two or more words opening with a given name
("the new assistant, Ann Lee": a person). Cue `head-first`, weight 6 (an apposition's).
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules
from kg.model import PRODUCT

_OPENERS = frozenset({"the", "its", "their", "his", "her", "our", "your"})
_CLOSERS = frozenset({",", ".", ";", "("})
_MAX_WORDS = 5


def head_first_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """The vote of "<owner's> <product noun>, <name>," for one mention."""
    if start < 3 or doc[start - 1].text != "," or (end < len(doc) and doc[end].text not in _CLOSERS):
        return []
    k = start - 2
    if k >= 2 and doc[k - 1].lower_ == "for" and doc[k].is_lower and doc[k].pos_ == "NOUN":
        k -= 2  # "its AI tool for coding, X"
    noun = doc[k]
    word = noun.lower_ if noun.lower_ in rules.product_heads else noun.lemma_.lower()
    if noun.tag_ != "NN" or not noun.is_lower or word not in rules.product_heads:
        return []
    if word in rules.weak_product_heads or word in rules.person_titles:
        return []
    if end - start >= 2 and doc[start].text in rules.given_names:
        return []  # "the new assistant, Ann Lee": a person's job too
    if noun.dep_ == "appos" or any(c.dep_ == "appos" for c in noun.children):
        return []  # the parser found an apposition: evidence.appos_votes reads it
    j = k - 1
    while j >= 0 and k - j <= _MAX_WORDS:
        tok = doc[j]
        if tok.lower_ in _OPENERS or tok.tag_ == "POS":
            if j > 0 and doc[j - 1].lower_ == "behind":
                return []
            return [ev.Vote(PRODUCT, rules.product_heads[word], ev.W_APPOS, "head-first")]
        if not (tok.is_lower or tok.text == "-" or (tok.is_upper and tok.is_alpha)):
            return []
        j -= 1
    return []
