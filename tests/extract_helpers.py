"""Helpers shared by the extraction rule tests: run the whole extractor on a written text and read back
entity kinds, events and their participants by name. The `extractor` fixture (tests/conftest.py) loads
the spaCy model once per session; its type lives in kg.extract, so the helpers leave it unannotated."""

from __future__ import annotations

from kg.extract.pipeline import entity_records
from kg.model import Document, EntityRecord, EventRecord, Extraction

PUBLISHED = "2023-06-15"


def extract(extractor, text: str, published: str | None = PUBLISHED) -> Extraction:  # noqa: ANN001
    return extractor.extract(Document(id="t", title="", text=text, published=published))


def entity_classes(extractor, text: str) -> dict[str, tuple[str, str]]:  # noqa: ANN001
    """Name -> (kind, class) of every entity found in `text`."""
    return {e.name: (e.kind, e.cls) for e in extract(extractor, text).entities}


def mentioned_kinds(extractor, text: str) -> dict[str, str]:  # noqa: ANN001
    """Name -> kind of every entity `text` mentions (an undated document; gazetteer-implied entities
    without a mention, such as a known developer, left out)."""
    x = extractor.extract(Document(id="t", title="", text=text))
    return {e.name: e.kind for e in x.entities if e.mentions}


def relation_triples(extractor, text: str) -> set[tuple[str, str, str]]:  # noqa: ANN001
    """The relations found in `text` as (subject name, predicate, object name)."""
    x = extract(extractor, text)
    names = {e.key: e.name for e in x.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in x.relations}


# A plain first sentence, so that the sentence under test is body text and not the article's lead line.
OPENER = "The report came out on Monday. "


def body_entity_classes(extractor, text: str) -> dict[str, tuple[str, str]]:  # noqa: ANN001
    """`entity_classes` of `text` after the plain OPENER sentence."""
    return entity_classes(extractor, OPENER + text)


def body_relation_triples(extractor, text: str) -> set[tuple[str, str, str]]:  # noqa: ANN001
    """`relation_triples` of `text` after the plain OPENER sentence."""
    return relation_triples(extractor, OPENER + text)


def table_kinds(extractor, text: str) -> dict[str, str]:  # noqa: ANN001
    """Name -> kind of the entities the entity step decides, before relations and events are read."""
    _, _, table = extractor.pipeline.analyse(Document(id="t", title="", text=text))
    records: list[EntityRecord] = entity_records(table, [], [])
    return {e.name: e.kind for e in records}


def events_of(x: Extraction, etype: str) -> list[tuple[set[str], EventRecord]]:
    """The events of one type, each with the names of all its participants."""
    names = {e.key: e.name for e in x.entities}
    return [({names[k] for _, k in e.participants}, e) for e in x.events if e.type == etype]


def roles_of(x: Extraction, etype: str) -> list[tuple[dict[str, set[str]], EventRecord]]:
    """The events of one type, each with its participants' names by role."""
    names = {e.key: e.name for e in x.entities}
    out = []
    for e in x.events:
        if e.type != etype:
            continue
        roles: dict[str, set[str]] = {}
        for role, key in e.participants:
            roles.setdefault(role, set()).add(names[key])
        out.append((roles, e))
    return out


def rival_pairs(extractor, text: str) -> dict[frozenset[str], str]:  # noqa: ANN001
    """The competesWith pairs found in `text` (by name, either order) and the rule that found each."""
    x = extract(extractor, text)
    names = {e.key: e.name for e in x.entities}
    return {
        frozenset((names[r.subject], names[r.object])): r.rule
        for r in x.relations
        if r.predicate == "competesWith"
    }


def assert_kinds(found: dict[str, str], present: dict[str, str], absent: list[str]) -> None:
    """Each name of `present` was found with its kind; no name of `absent` was found."""
    for name, kind in present.items():
        assert found.get(name) == kind, (name, found)
    for name in absent:
        assert name not in found, (name, found)
