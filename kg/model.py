"""Records that flow between the stages: sources -> extract -> resolve -> graph.

Every record is a small frozen dataclass so that stages can be tested without a
spaCy model and so that extractions can be cached and shipped between machines
as JSON (see `to_json` / `from_json`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

# Core entity kinds used in IRIs and in the ontology's top classes.
ORG, PERSON, PRODUCT, PLACE = "Organization", "Person", "Product", "Place"
CORE_KINDS = (ORG, PERSON, PRODUCT, PLACE)


@dataclass(frozen=True)
class Document:
    """One news article as read from a source file."""

    id: str  # stable: derived from the URL, else from a hash of title + text
    title: str
    text: str  # main text, page furniture removed; offsets in Evidence refer to it
    url: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" (or datetime) as given by the source
    publisher: str | None = None
    source_path: str = ""  # file the document came from
    item: str | None = None  # position inside the file (line number, feed entry, array index)
    format: str = "text"  # text | html | wordpress | jsonl | json | rss | atom

    @property
    def content_hash(self) -> str:
        import hashlib

        payload = "\x1f".join(
            [self.id, self.title, self.text, self.url or "", self.published or "", self.publisher or ""]
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def info(self) -> DocumentInfo:
        return DocumentInfo(
            id=self.id,
            title=self.title,
            url=self.url,
            published=self.published,
            publisher=self.publisher,
            source_path=self.source_path,
            item=self.item,
            format=self.format,
            content_hash=self.content_hash,
            words=len(self.text.split()),
        )


@dataclass(frozen=True)
class DocumentInfo:
    """A document's metadata without its text: what later stages keep."""

    id: str
    title: str
    url: str | None
    published: str | None
    publisher: str | None
    source_path: str
    item: str | None
    format: str
    content_hash: str
    words: int = 0


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read, with the reason; reported, never silent."""

    path: str
    reason: str
    item: str | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.item}" if self.item else self.path
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: the sentence and its character offsets in Document.text.

    A fact read from the headline has `in_title` set; its offsets then count in Document.title.
    """

    doc_id: str
    sentence: str
    start: int
    end: int
    in_title: bool = False

    @property
    def place(self) -> tuple[bool, int]:
        """Reading order within the document: the title first, then the text by offset."""
        return (not self.in_title, self.start)


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in a document."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class EntityRecord:
    """An entity as extracted from one document (before cross-document resolution).

    `key` is unique within the document and is what relations and events refer to.
    `kind` is one of CORE_KINDS; `cls` the most specific ontology class local name
    (Company, Investor, MediaOrganization, ResearchLab, Person, AIModel, Application,
    Product, Place ...).
    """

    key: str
    name: str  # the best (longest, fullest) surface form in the document
    kind: str
    cls: str
    mentions: tuple[Mention, ...] = ()
    aliases: tuple[str, ...] = ()  # other surface forms seen in this document
    version_of: str | None = None  # key of the product family entity, for "Seedance 2.0"
    confidence: float = 0.8
    source: str = "ner"  # gazetteer | ner | pattern | publisher


@dataclass(frozen=True)
class RelationRecord:
    """A binary relation between two entities of the same document."""

    subject: str  # EntityRecord.key
    predicate: str  # developedBy | worksFor | competesWith | locatedIn | subsidiaryOf
    object: str  # EntityRecord.key
    evidence: Evidence
    confidence: float
    rule: str  # versioned rule name, e.g. "kg.rel.developedBy.possessive.v1"
    role: str | None = None  # job title for worksFor
    former: bool = False  # "who spent 27 years at Apple"


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str  # ISO 4217
    ceiling: bool = False  # "up to $4 billion"


@dataclass(frozen=True)
class EventRecord:
    """An event stated in one document."""

    type: str  # Launch | Discontinuation | Delay | Deal | Investment | Acquisition | Partnership
    #             | Appointment | Departure | Outage | LegalAction
    participants: tuple[tuple[str, str], ...]  # (role, EntityRecord.key); roles: agent, product,
    #             target, partner, investor, recipient, person, organization, plaintiff, defendant, place
    evidence: Evidence
    confidence: float
    rule: str
    trigger: str = ""
    date: str | None = None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY", as precise as the text says
    amount: Amount | None = None
    status: str = "Announced"  # Announced | Completed | Rumoured | Denied | Planned | Rejected | Cancelled
    role: str | None = None  # job title for appointments and departures


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    doc: DocumentInfo
    entities: tuple[EntityRecord, ...] = ()
    relations: tuple[RelationRecord, ...] = ()
    events: tuple[EventRecord, ...] = ()
    extractor: str = ""  # extractor version, e.g. "kg.extract/1 en_core_web_sm-3.8.0"

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Extraction:
        def ev(d: dict[str, Any]) -> Evidence:
            return Evidence(**d)

        ents = tuple(
            EntityRecord(
                **{
                    **e,
                    "mentions": tuple(Mention(**m) for m in e["mentions"]),
                    "aliases": tuple(e["aliases"]),
                }
            )
            for e in data["entities"]
        )
        rels = tuple(RelationRecord(**{**r, "evidence": ev(r["evidence"])}) for r in data["relations"])
        evts = tuple(
            EventRecord(
                **{
                    **e,
                    "participants": tuple((p[0], p[1]) for p in e["participants"]),
                    "evidence": ev(e["evidence"]),
                    "amount": Amount(**e["amount"]) if e.get("amount") else None,
                }
            )
            for e in data["events"]
        )
        return cls(
            doc=DocumentInfo(**data["doc"]),
            entities=ents,
            relations=rels,
            events=evts,
            extractor=data.get("extractor", ""),
        )


# --- after resolution -------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """A canonical, cross-document entity."""

    iri: str
    name: str
    kind: str
    cls: str
    aliases: tuple[str, ...] = ()
    version_of: str | None = None  # IRI of the product family
    family: bool = False  # a product family that is only known through its versions


@dataclass(frozen=True)
class Relation:
    subject: str  # entity IRI
    predicate: str
    object: str  # entity IRI
    evidence: Evidence
    confidence: float
    rule: str
    role: str | None = None
    former: bool = False


@dataclass(frozen=True)
class Event:
    iri: str  # shared by every document that reports the same event
    type: str
    participants: tuple[tuple[str, str], ...]  # (role, entity IRI)
    evidence: Evidence
    confidence: float
    rule: str
    trigger: str = ""
    date: str | None = None
    amount: Amount | None = None
    status: str = "Announced"
    role: str | None = None


@dataclass(frozen=True)
class ResolvedDocument:
    """One document's facts with canonical IRIs: what the graph stage turns into a named graph."""

    doc: DocumentInfo
    entities: tuple[str, ...]  # IRIs of the entities mentioned in this document
    relations: tuple[Relation, ...]
    events: tuple[Event, ...]
    extractor: str
    mention_counts: dict[str, int] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Resolution:
    """The output of resolution: canonical entities plus each document's resolved facts."""

    entities: dict[str, Entity]  # IRI -> Entity
    documents: tuple[ResolvedDocument, ...]
    # Relations that follow from others across documents (a family's developer also made each
    # version); they belong to no single document and go to the derived graph.
    inferred: tuple[Relation, ...] = ()
