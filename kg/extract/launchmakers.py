"""Makers of launched products the launch sentence does not name: a launch with a product and no agent
("Announced at the summit, Zentrix Voice is ...") takes the product's developer when the document says
it. Besides the stated and gazetteer developers (events.py), the product's name says it: a name opening
with its maker's name ("Zentrix Voice" -> Zentrix, `relfallbacks.name_relations`), or with the whole
name of another product whose developer is known ("Quilla Speech" beside "Quilla", Zentrix's product).
Last, in an announcement article where one organization makes most of the products (two or more, twice
as many as any other maker), a product whose maker nothing states is that organization's
(`main_maker`: "a preview release of the Quill Tuner API" in an article on Zentrix's new tools).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from kg.extract import relfallbacks
from kg.model import ORG, PRODUCT, RelationRecord

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.context import DocContext
    from kg.extract.table import EntityTable


def add_name_developers(
    sdoc: Doc, table: EntityTable, ctx: DocContext, rels: list[RelationRecord], developer: dict[str, str]
) -> None:
    """Fill `developer` (product key -> organization key) from product names, never over a known one."""
    for r in relfallbacks.name_relations(sdoc, table, ctx, rels):
        developer.setdefault(r.subject, r.object)
    products = {k: d.name for k, d in table.entities.items() if d.kind == PRODUCT}
    orgs = {k for k, d in table.entities.items() if d.kind == ORG}
    for key, name in products.items():
        if key in developer:
            continue
        makers = {
            developer[other]
            for other, short in products.items()
            if other != key
            and other in developer
            and developer[other] in orgs
            and name.startswith(short + " ")
            and name[len(short) + 1 : len(short) + 2].isupper()
        }
        if len(makers) == 1:
            developer[key] = makers.pop()
    main = main_maker(developer, set(products), orgs)
    if main is not None:
        for key in products:
            developer.setdefault(key, main)


def main_maker(developer: dict[str, str], products: set[str], orgs: set[str]) -> str | None:
    """The organization that makes two or more of the document's products, twice as many as any
    other maker, else None."""
    counts = Counter(org for product, org in developer.items() if product in products and org in orgs)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0]
