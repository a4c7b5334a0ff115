"""Launch readings that name what is launched away from the verb's object: a naming participle
("unveiled the largest supercomputer, named X") and launches of the company itself ("X emerged from
stealth": entries marked `maker_only` in kg/data/triggers.json).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.argbase import ANY, _of_kind
from kg.extract.patterns import Trigger, lexicon
from kg.extract.table import EntityTable, SpanRef
from kg.extract.triggers import trigger_options
from kg.model import PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

# the slots a naming verb gives its name: "named X" (oprd), "called X" (attr/oprd), "dubbed X" (dobj)
_NAME_DEPS = frozenset({"oprd", "attr", "dobj", "xcomp"})


def named_by_acl(table: EntityTable, verb: Token, objs: list[Token]) -> list[SpanRef]:
    """The products a naming participle on a launch object names, whatever the object's head noun
    ("the world's largest supercomputer for training, named X"; "a robot for farms called X", with
    the participle hung on the noun of the phrase after the object). `syntax.denote` follows such
    participles only after product head nouns of its lexicon. The small model often hangs
    ", called X" after the object on the verb itself: such a participle counts too."""
    if not objs:
        return []
    kinds = trigger_options()["unnamed_kinds"]
    if any(o.lower_ in kinds or o.lemma_ in kinds for o in objs):
        return []  # "launched a campaign called X": a named campaign, no product
    naming = lexicon("naming_verbs")
    participles: list[Token] = []
    last = max(o.right_edge.i for o in objs)
    for adv in verb.children:
        after_object = adv.i > last and verb.doc[adv.i - 1].text == ","
        if adv.dep_ == "advcl" and adv.tag_ in ("VBN", "VBD") and adv.lower_ in naming and after_object:
            participles.append(adv)
    # one prepositional level is looked through ("a new robot for farms called X")
    nouns = [*objs, *(p for o in objs for p in syntax.prep_objects(o, ["for", "with", "in"]))]
    participles += [
        c for n in nouns for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lower_ in naming
    ]
    out: list[SpanRef] = []
    for part in participles:
        for name in part.children:
            if name.dep_ in _NAME_DEPS:
                out += _of_kind(syntax.denote(table, name, ANY, conj=True), PRODUCT)
    return out


def maker_only(trig: Trigger) -> bool:
    """Whether the trigger launches its subject's company itself ("emerged from stealth")."""
    return any(trig.key.startswith(k) for k in trigger_options()["maker_only"])


_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})


def fronted_owner(table: EntityTable, noun: Token) -> list[SpanRef]:
    """ "Since its debut last year, X has ...": a launch noun owned by "its" in a phrase fronted
    before the clause's subject refers forward to that subject; the products it names (empty when the
    subject is no product: a company's "launch" there is its founding, left alone)."""
    if not any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in noun.children):
        return []
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = prep.head
    said = syntax.subject_tokens(verb) + [c for c in verb.children if c.dep_ == "nsubjpass"]
    subjects = [s for s in said if s.i > prep.i]
    if not subjects or prep.i > verb.i:
        return []
    out: list[SpanRef] = []
    for s in subjects:
        out += _of_kind(syntax.denote(table, s, ANY, conj=True), PRODUCT)
    return out
