"""Launch participants the verb's own slots miss: a product named before a fronted "since it was
launched" clause's main subject, a product in apposition to a misparsed "the chatbot released by Y",
and a person launching for the organization that employs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.argbase import ANY, Args, _of_kind
from kg.extract.table import EntityTable, SpanRef
from kg.extract.triggers import trigger_options
from kg.model import ORG, PERSON, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

# subordinators of a fronted clause about the main subject's own launch ("Since it was released, X ...")
_FRONTED_MARKS = frozenset({"since", "when", "after", "once"})
_PRONOUNS = frozenset({"it", "they"})

PERSON_ROLE = "launcher"  # the Args role of a person who launches (read by `employer_agents`)


def fronted_pronoun(table: EntityTable, verb: Token) -> list[SpanRef]:
    """ "Since it was released in May, X has ...", "In the months since it launched, X drew ...": a
    launch verb with a pronoun subject in a clause fronted before the sentence's main clause refers
    forward to that clause's subject; the products it names (empty when the subject is no product)."""
    if not any(c.dep_ == "mark" and c.lower_ in _FRONTED_MARKS for c in verb.children):
        return []
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _PRONOUNS for c in verb.children):
        return []
    root = verb.sent.root
    if root.i < verb.i or root.pos_ not in ("VERB", "AUX"):
        return []
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i]
    out: list[SpanRef] = []
    for s in subjects:
        out += _of_kind(syntax.denote(table, s, ANY, conj=True), PRODUCT)
    return out


def appositive_product(table: EntityTable, verb: Token) -> list[SpanRef]:
    """ "a rival to X, the popular chatbot released by Y", "A and B, two new products announced at
    ...": a launch participle on an unnamed product noun (`generic_products`) whose phrase opens with a
    determiner or number right after a comma, where the parse hangs the phrase on the verb instead of
    the name before it, launches the product mentioned right before the comma (a plural noun: every
    product of the list "A, B and C" that ends there)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return []
    noun = verb.head
    nouns = trigger_options()["generic_products"]
    if noun.lower_ not in nouns and noun.lemma_ not in nouns:
        return []
    first = noun.left_edge
    if first.dep_ not in ("det", "nummod") or first.i < 2 or verb.doc[first.i - 1].text != ",":
        return []
    ends = {r.end: r for r in table.spans if r.kind == PRODUCT and not r.anaphor}
    out: list[SpanRef] = []
    end = first.i - 1  # the comma: a product mention must end right before it
    while end in ends:
        ref = ends[end]
        out.append(ref)
        if noun.tag_ != "NNS":
            break
        k = ref.start - 1  # "A, B and C": step back over the list's separators
        while k >= 0 and verb.doc[k].lower_ in (",", "and", "&"):
            k -= 1
        if k == ref.start - 1:
            break
        end = k + 1
    return out


def person_launchers(refs: list[SpanRef]) -> list[SpanRef]:
    """The named persons among a launch verb's subjects ("A, the chief executive of Y, unveiled X")."""
    return [r for r in refs if r.kind == PERSON and not r.anaphor]


def employer_agents(a: Args, table: EntityTable, employer: dict[str, str]) -> list[SpanRef]:
    """The organizations that employ the persons who launched (the text's own worksFor first,
    then the gazetteer's): the launch is their company's."""
    out: list[SpanRef] = []
    for p in a.get(PERSON_ROLE):
        org = employer.get(p.key)
        if org is None:
            continue
        for ref in table.spans:
            if ref.key == org and ref.kind == ORG:
                out.append(ref)
                break
    return out


def object_controller(table: EntityTable, verb: Token) -> list[SpanRef]:
    """ "The success spurred Y to roll out X", "prompted Y to launch X": a launch infinitive under a
    verb whose direct object, written before it, is an organization has that organization as its
    subject (object control), not the governing verb's subject."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    head = verb.head
    if head.pos_ != "VERB":
        return []
    out: list[SpanRef] = []
    for c in head.children:
        if c.dep_ == "dobj" and c.i < verb.i:
            out += _of_kind(syntax.denote(table, c, ANY), ORG)
    return out


def from_maker(table: EntityTable, noun: Token, products: list[SpanRef]) -> list[SpanRef]:
    """ "the recently released X from Y": the organizations of a "from" phrase on a product that a
    launch participle modifies made it (also where the parse hangs the "from" written right after the
    product's name on the clause's verb)."""
    doc = noun.doc
    froms = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"]
    froms += [doc[r.end] for r in products if r.end < len(doc) and doc[r.end].lower_ == "from"]
    out: list[SpanRef] = []
    for f in froms:
        for p in f.children:
            if p.dep_ == "pobj":
                out += _of_kind(syntax.denote(table, p, ANY, conj=True), ORG)
    return out


def staff_makers(table: EntityTable, verb: Token) -> list[SpanRef]:
    """ "A team at Y released X", "researchers from Y and Z launched X": a launch verb whose subject is
    a staff noun (`staff_nouns` in triggers.json) with an "at"/"from" phrase is the launch of the
    organizations that phrase names (not of a person: "engineers at Y's lab" keeps Y only)."""
    staff = trigger_options()["staff_nouns"]
    out: list[SpanRef] = []
    for s in syntax.subject_tokens(verb):
        if s.lower_ not in staff or s.tag_ not in ("NN", "NNS"):
            continue
        for p in s.children:
            if p.dep_ == "prep" and p.lower_ in ("at", "from"):
                for o in p.children:
                    if o.dep_ == "pobj":
                        out += _of_kind(syntax.denote(table, o, ANY, conj=True), ORG)
    return out
