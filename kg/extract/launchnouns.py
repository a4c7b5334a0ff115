"""A name in the "of" phrase of one launch noun is what is launched: "announced the launch of Zedra, a
secure chat platform", "with the release of Quill Notes", "its debut of Vantor Relay". The small model
often labels such an invented name an organization or a person, and hangs the apposition that says
what it is ("a ... platform") on the launch noun instead of on the name, so no apposition vote reaches
it: such an apposition with a product noun counts for the name (cue `appos-product`). The noun
(`launch_of_nouns` in `name_spans.json`) must be singular and made one launch by a determiner or
possessive (`launch_of_determiners`, or "Acme's"): "releases of" and a bare "launch of" speak of
launches in general. Cue `launch-noun-of`, weight of a head noun; a gazetteer name keeps its entry
(known names get no votes) and a name opening with a given name is left to the person reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules, name_span_words
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def launch_noun_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[ev.Vote]:
    """A product vote for the name [start, end) when it is the object of "of" after one launch noun."""
    if doc[start].text in rules.given_names:
        return []
    tok = doc[start:end].root
    while tok.dep_ == "conj" and tok.head.i < tok.i:  # "the launch of Zed and Quill"
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return []
    noun = tok.head.head
    if noun.i >= tok.head.i or not one_launch(noun):
        return []
    votes = [ev.Vote(PRODUCT, "Product", ev.W_HEAD, "launch-noun-of")]
    for appos in noun.children:  # "the launch of X, a secure platform" with the apposition on "launch"
        cls = rules.product_heads.get(appos.lower_) or rules.product_heads.get(appos.lemma_.lower())
        if appos.dep_ == "appos" and appos.i > tok.i and cls is not None:
            votes.append(ev.Vote(PRODUCT, cls, ev.W_APPOS, "appos-product"))
    return votes


def one_launch(noun: Token) -> bool:
    """Whether the noun is a single launch: a singular launch noun with a determiner or possessive."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.lower_ not in name_span_words("launch_of_nouns"):
        return False
    lead_ins = name_span_words("launch_of_determiners")
    for c in noun.children:
        if c.i > noun.i:
            continue
        if c.dep_ in ("det", "poss", "amod") and c.lower_ in lead_ins:
            return True  # "the launch of", "its first release of"
        if c.dep_ == "poss" and c.pos_ == "PROPN":
            return True  # "Acme's debut of"
    return False
