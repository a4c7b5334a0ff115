"""Relations no sentence states in words: a product named after its maker ("Acme Studio" ->
developedBy Acme), and the gazetteer's known developer or employer when both entities occur in the
document. Both are used only where the text states nothing else (weakest, last).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.resources import load_resources
from kg.extract.table import EntityTable
from kg.model import ORG, PRODUCT, RelationRecord

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from kg.extract.context import DocContext

GAZETTEER_CONFIDENCE = 0.5
NAME_CONFIDENCE = 0.7
NAME_RULE = "kg.rel.developedBy.name.v1"


def _first_body_sentence(sdoc: Doc, table: EntityTable, ctx: DocContext, key: str) -> Span | None:
    for ref in table.spans:
        if ref.key == key and not ref.anaphor:
            sent = sdoc[ref.start].sent
            if ctx.in_body(sent):
                return sent
    return None


def name_relations(
    sdoc: Doc, table: EntityTable, ctx: DocContext, found: list[RelationRecord]
) -> list[RelationRecord]:
    """A product named after its maker: "UserTesting AI", "Acme Studio" -> developedBy the organization
    whose whole name opens the product's name, when the text also names the organization alone and
    states no developer of the product. Evidence is the first body sentence naming the product."""
    stated = {r.subject for r in found if r.predicate == "developedBy"}
    orgs: list[tuple[str, str]] = []
    given = load_resources().rules.given_names
    for key, d in table.entities.items():
        if d.kind == ORG:
            # a given name is no maker's name ("Grace Hopper" is no product of a "Grace")
            orgs.extend((name, key) for name in {d.name, *d.aliases} if len(name) >= 2 and name not in given)
    if not orgs:
        return []
    product_starts = {r.start for r in table.spans if r.kind == PRODUCT and not r.anaphor}
    alone = {r.key for r in table.spans if r.kind == ORG and not r.anaphor and r.start not in product_starts}
    out = []
    for key, d in table.entities.items():
        if d.kind != PRODUCT or key in stated:
            continue
        makers = {
            org
            for name, org in orgs
            if org in alone
            and d.name.startswith(name + " ")
            and d.name[len(name) + 1 : len(name) + 2].isupper()
        }
        if len(makers) != 1:
            continue
        sent = _first_body_sentence(sdoc, table, ctx, key)
        if sent is None:
            continue
        out.append(
            RelationRecord(
                subject=key,
                predicate="developedBy",
                object=makers.pop(),
                evidence=ctx.evidence(sent),
                confidence=NAME_CONFIDENCE,
                rule=NAME_RULE,
            )
        )
    return out


def gazetteer_relations(
    sdoc: Doc, table: EntityTable, ctx: DocContext, found: list[RelationRecord]
) -> list[RelationRecord]:
    """What the gazetteer knows (EntityTable.known_developer / known_employer, filled by the entity
    step only when both entities occur in this document), for pairs the text states nothing about.
    Evidence is the first body sentence that mentions the product or person."""
    stated = {(r.subject, r.predicate) for r in found}
    out = []
    known: list[tuple[str, str, str, str | None]] = [
        (product, "developedBy", org, None) for product, org in table.known_developer.items()
    ]
    known += [(person, "worksFor", org, title) for person, (org, title) in table.known_employer.items()]
    for subject, predicate, obj, role in known:
        if (subject, predicate) in stated or subject == obj or obj not in table.entities:
            continue
        sent = _first_body_sentence(sdoc, table, ctx, subject)
        if sent is None:
            continue
        out.append(
            RelationRecord(
                subject=subject,
                predicate=predicate,
                object=obj,
                evidence=ctx.evidence(sent),
                confidence=GAZETTEER_CONFIDENCE,
                rule=f"kg.rel.{predicate}.gazetteer.v1",
                role=role,
            )
        )
    return out
