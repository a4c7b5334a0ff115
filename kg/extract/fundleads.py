"""Who leads a funding round is an investor: "a $9M round led by ZRV", "the financing was co-led by KLX".

Funds often go by a short all-capital name the model leaves unlabelled ("led by ZRV") or labels
without any cue to type it, so the name is lost. The agent ("by") of a lead verb (`lead_verbs`:
lead, co-lead, spearhead, back) whose clause is about a funding noun (`funding_nouns`: round,
funding, financing, investment ...; both lists in `role_cues`) is an Investor organization (cue
`funding-lead`, weight 5): the verb's passive subject or the noun it describes ("a round led by
...") is that funding noun.
Names coordinated with the agent ("led by ZRV and Quell Partners") get the same vote. People lead
rounds too: investorpeople.py drops the vote on a given-name, person-shaped mention.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import evidence as ev
from kg.model import ORG


def _funding_noun(tok: Token, nouns: frozenset[str]) -> bool:
    return tok.lemma_.lower() in nouns or tok.lower_ in nouns


def _about_funding(verb: Token, nouns: frozenset[str]) -> bool:
    """'the round was led by': a funding noun as passive subject, or the noun the participle describes."""
    if verb.dep_ == "acl" and _funding_noun(verb.head, nouns):
        return True  # "a $9M round led by ZRV"
    return any(c.dep_ == "nsubjpass" and _funding_noun(c, nouns) for c in verb.children)


def lead_votes(doc: Doc, start: int, end: int) -> list[ev.Vote]:
    """An Investor vote for the agent of a funding round's lead verb."""
    tok = doc[start:end].root
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "by" or prep.dep_ not in ("agent", "prep"):
        return []
    verb = prep.head
    if verb.lemma_.lower() not in ev.role_words().lead_verbs or verb.tag_ != "VBN":
        return []
    if not _about_funding(verb, ev.role_words().funding_nouns):
        return []
    return [ev.Vote(ORG, "Investor", ev.W_HEAD, "funding-lead")]
