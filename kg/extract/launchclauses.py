"""Launch clauses the parse cuts short: a coordinated clause whose subject the parse hangs on the
clause before ("A released X, while B shipped Y and C rolled out Z"), a product name the parse drops
before its apposition ("rolled out Zed, a new coding model"), and a bare launch participle set off by
a comma ("Launched in 2019, Acme's main product, Zed, is ..."; "its Zed platform, launched in 2019").
A bare plural launch noun ("as usual for Zed launches") is launches in general: no event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.argbase import ANY, Args, _of_kind
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

# adverbs that say the clause goes on with the same subject ("bought B Corp. then launched X")
_SEQUENCE_WORDS = frozenset({"then", "later", "subsequently", "also", "and", "or"})
# words that may sit between a launch verb and the name it launches ("rolled out its new Zed, a ...")
_OBJECT_LEAD_DEPS = frozenset({"prt", "det", "poss", "amod", "advmod", "npadvmod"})
# a participle with any of these has a clause of its own, not a bare "launched in 2019"
_OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "mark"})


def conjunct_subject(table: EntityTable, verb: Token) -> list[SpanRef]:
    """ "A released X, while B introduced Y and C rolled out Z" parsed with "C" inside the object
    list of "introduced" and "rolled" coordinated under "released" with no subject: a coordinated
    launch verb with no subject of its own whose word right before is the end of a named
    organization has that organization as its subject (the clause before has its own)."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    i = verb.i - 1
    while i > verb.sent.start and verb.doc[i].dep_ == "aux":  # "C has rolled out Z"
        i -= 1
    prev = verb.doc[i]
    if prev.lower_ in _SEQUENCE_WORDS or prev.is_punct:
        return []
    ref = table.at_token(i)
    if ref is None or ref.anaphor or ref.end != i + 1 or ref.kind != ORG:
        return []
    if ref.start <= verb.head.i < ref.end or any(t.dep_ == "nsubj" for t in verb.doc[ref.start : ref.end]):
        return []  # the name is the subject of the clause before: the parse is right
    return [ref]


def missed_products(a: Args, table: EntityTable, verb: Token, objs: list[Token]) -> None:
    """Fill a launch's product (and, for a bare participle, its maker) where the verb's slots name
    none: a name the parse dropped before its apposition, else a bare participle's product."""
    a.add("product", named_before_appositive(table, verb, objs))
    if a.get("product") or objs:
        return
    bare, makers = participle_products(table, verb)
    a.add("product", bare)
    if bare and not a.get("agent"):
        a.add("agent", makers)


def named_before_appositive(table: EntityTable, verb: Token, objs: list[Token]) -> list[SpanRef]:
    """ "B has rolled out Zed, a compact open model" parsed with "Zed" as an adverb and the
    apposition's noun as the object: a product mention between the verb and a comma that opens the
    object phrase is what is launched."""
    out: list[SpanRef] = []
    for obj in objs:
        first = obj.left_edge
        if first.i - 2 <= verb.i or verb.doc[first.i - 1].text != ",":
            continue
        ref = table.at_token(first.i - 2)
        if ref is None or ref.anaphor or ref.kind != PRODUCT or ref.end != first.i - 1 or ref.start <= verb.i:
            continue
        if all(verb.doc[k].dep_ in _OBJECT_LEAD_DEPS for k in range(verb.i + 1, ref.start)):
            out.append(ref)
    return out


def participle_products(table: EntityTable, verb: Token) -> tuple[list[SpanRef], list[SpanRef]]:
    """A bare launch participle set off by a comma, with no clause of its own (products, makers):
    fronted ("Launched in 2019, Acme's main product, Zed, is ...") it launches the products the main
    clause's subject names; trailing (", launched in 2019") the product named right before the comma,
    or the product a noun right before it names ("its Zed app launched in 2019").
    The makers are the possessors of that noun phrase."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl", "conj"):
        return [], []
    if any(c.dep_ in _OWN_CLAUSE_DEPS for c in verb.children):
        return [], []
    doc = verb.doc
    nouns: list[Token] = []
    if verb.i == verb.sent.start and verb.dep_ == "advcl" and verb.head.i > verb.i:
        nouns = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif verb.i - 2 >= verb.sent.start and doc[verb.i - 1].text == ",":
        before = doc[verb.i - 2]
        ref = table.at_token(before.i)
        if ref is not None and not ref.anaphor and ref.kind == PRODUCT and ref.end == verb.i - 1:
            root = doc[ref.end - 1]  # "its own solution, Zed, released in May": the solution's owner
            owners = [root, root.head] if root.dep_ == "appos" else [root]
            return [ref], named_owners(table, owners)
        if before.pos_ in ("NOUN", "PROPN"):
            nouns = [before]
    elif verb.i - 1 > verb.sent.start and doc[verb.i - 1].pos_ in ("NOUN", "PROPN"):
        nouns = [doc[verb.i - 1]]  # "its Zed Notes app launched back in 2019": a reduced relative, no comma
    products: list[SpanRef] = []
    makers: list[SpanRef] = []
    for n in nouns:
        found = _of_kind(syntax.denote(table, n, ANY, deep=True), PRODUCT)
        if found:
            products += found
            makers += syntax.possessors(table, n, (ORG,))
    return products, makers


def habitual_plural(noun: Token) -> bool:
    """ "As usual for Zed launches, ...", "newer Acme releases": a plural launch noun with neither a
    determiner, a number nor an "of"/"for" phrase speaks of launches in general, not of one launch
    ("the launches of A and B" are two)."""
    if noun.tag_ != "NNS":
        return False
    return not any(
        c.dep_ in ("det", "nummod") or (c.dep_ == "prep" and c.lower_ in ("of", "for")) for c in noun.children
    )


def named_owners(table: EntityTable, nouns: list[Token]) -> list[SpanRef]:
    """The organizations named as possessors of the nouns ("Acme's chatbot"); a possessive pronoun
    ("its chatbot, which was launched in May") is left to the stated developer, since "its" in such
    a clause often refers past the nearest name."""
    out: list[SpanRef] = []
    for n in nouns:
        if not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in n.children):
            out += syntax.possessors(table, n, (ORG,))
    return out
