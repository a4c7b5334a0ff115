"""Products named inside the noun a shutdown or delay verb acts on.

"Zentrix's Koru 5 rollout was delayed", "Brellix shut down the Plova Cloud servers": the verb's object
(or passive subject) is a common noun ("rollout", "servers", "update") and the product is the named
modifier right before it. The product reader takes only a named object, so it finds none; this step
adds the modifier product and, as agent, the organization owning the noun ("Zentrix's").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import syntax
from kg.extract.argbase import Args, _compounds, _of_kind
from kg.extract.eventargs import generic_product
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

    from kg.extract.patterns import Trigger
    from kg.extract.table import EntityTable

HALT_TYPES = frozenset({"Discontinuation", "Delay"})
_OWNERS = frozenset({"its", "their"})


def modifier_products(tok: Token, trig: Trigger, args: Args, table: EntityTable) -> None:
    """Fill the product (and a missing agent) of a shutdown or delay verb from its noun's modifiers."""
    if trig.type not in HALT_TYPES or trig.pos != "verb" or args.get("product"):
        return
    nouns = syntax.patient_tokens(tok) if syntax.is_passive(tok) else syntax.object_tokens(tok)
    for noun in nouns:
        if noun.pos_ != "NOUN":
            continue  # a named object is the product reader's
        products = _compounds(table, noun, (PRODUCT,))
        if not products:
            continue
        args.add("product", products)
        if not args.get("agent"):
            args.add("agent", _of_kind(syntax.possessors(table, noun, (ORG,)), ORG))
    described_product(tok, trig, args, table)
    owned_unnamed(tok, trig, args)


def owned_unnamed(tok: Token, trig: Trigger, args: Args) -> None:
    """ "Zentrix shut down its consumer search product": a shutdown of an unnamed product its agent
    owns ("its"/"their" + a `generic_products` head) is the agent's Discontinuation (`args.generic`);
    "shut down the instruments" or "a website" names no owner and gives none."""
    if trig.type != "Discontinuation" or trig.pos != "verb" or args.get("product") or syntax.is_passive(tok):
        return
    if not _of_kind(args.get("agent"), ORG):
        return
    owned = [
        o
        for o in syntax.object_tokens(tok)
        if any(c.dep_ == "poss" and c.lower_ in _OWNERS for c in o.children)
    ]
    if owned and generic_product(owned):
        args.generic = True


_WINDOW = 8  # tokens after the verb (and its particle) searched for the named product
_FILLER_POS = frozenset({"DET", "ADJ", "NOUN", "PRON"})


def described_product(tok: Token, trig: Trigger, args: Args, table: EntityTable) -> None:
    """ "shut down its cloud gaming service Stadia": the parse often hangs the name off a noun it
    misreads, so the product is the first product named after the verb when only lower-case
    describing words (determiners, possessives, adjectives, nouns) stand between (`args.window`)."""
    if trig.type not in HALT_TYPES or trig.pos != "verb" or args.get("product") or syntax.is_passive(tok):
        return
    doc = tok.doc
    i = tok.i + 1
    while i < tok.sent.end and doc[i].dep_ == "prt":
        i += 1
    stop = min(tok.sent.end, i + _WINDOW)
    refs = [r for r in table.in_range(i, stop) if not (r.anaphor and doc[r.start].pos_ == "PRON")]
    if not refs or refs[0].kind != PRODUCT or refs[0].anaphor:
        return
    first = refs[0]
    between = doc[i : first.start]
    if not between or not all(t.pos_ in _FILLER_POS and t.is_lower for t in between):
        return
    if between[-1].pos_ != "NOUN":
        return  # "its new Stadia": a named object the reader already had a chance at
    args.add("product", [first])
    args.window = True
