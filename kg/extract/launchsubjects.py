"""The maker behind an active launch verb: "Climeworks launched Orca", "In 2021, Brellix unveiled a
contract analytics solution".

The small model often reads a one-word company it does not know as a place (or labels nothing), and
then the launch has no maker. The subject of an active launch verb (`launch_verbs`) whose object is
a name or a product noun (`product_heads`, `weak_product_heads`, "solution", "offering") is an
organization (cue `launch-subject`, weight 5): enough to outweigh the model's place label (2), never
a gazetteer place (100) nor a place suffix. Left alone: the model's person reading and given names
("Ana Ruiz launched a podcast"), places that launch policies ("Singapore launched a national AI
strategy": no product noun), passives and clauses with no object.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.evidence import W_HEAD, Vote, _lookup
from kg.extract.resources import EntityRules
from kg.model import ORG

_READINGS = ("GPE", "LOC", "NORP", "")  # the model's labels this cue may overrule
_OFFERINGS = frozenset({"solution", "solutions", "offering", "offerings"})  # "launched a CLM solution"


def _product_object(verb: Token, rules: EntityRules) -> bool:
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        if obj.pos_ == "PROPN":
            return True
        nouns = [t.lower_ for t in obj.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"] + [obj.lower_]
        if obj.pos_ == "NOUN" and (
            _lookup(nouns, rules.product_heads)
            or obj.lemma_.lower() in rules.weak_product_heads
            or obj.lower_ in _OFFERINGS
        ):
            return True
    return False


def subject_votes(doc: Doc, start: int, end: int, rules: EntityRules, label: str) -> list[Vote]:
    """An organization vote for the subject of "<name> launched <product>"."""
    if label not in _READINGS or doc[start].text in rules.given_names:
        return []
    tok = doc[start:end].root
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.launch_verbs:
        return []
    if not _product_object(verb, rules):
        return []
    return [Vote(ORG, "Company", W_HEAD, "launch-subject")]
