"""The ontology's terms as a closed namespace, and the rules that mint instance IRIs.

`KG` lists every term declared in ontology/kg.ttl (a test checks they agree); with `_fail = True` a
misspelt term raises AttributeError instead of minting a new IRI. The `*_iri` helpers build IRIs
exactly as docs/ARCHITECTURE.md says, so that every stage names the same thing the same way.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from kg.errors import KGError
from kg.model import ORG, PERSON, PLACE, PRODUCT, Amount

ONTOLOGY = "https://w3id.org/aikg/ontology"
KG_NS = "https://w3id.org/aikg/ontology#"
KGR_NS = "https://w3id.org/aikg/id/"

KGR = Namespace(KGR_NS)
SCHEMA = Namespace("https://schema.org/")


class KG(DefinedNamespace):
    """Terms of the kg ontology (https://w3id.org/aikg/ontology#)."""

    _NS = Namespace(KG_NS)
    _fail = True

    # Entities
    Entity: URIRef
    Organization: URIRef
    Company: URIRef
    Investor: URIRef
    MediaOrganization: URIRef
    ResearchLab: URIRef
    GovernmentBody: URIRef
    University: URIRef
    NonProfit: URIRef
    Person: URIRef
    Product: URIRef
    AIModel: URIRef
    Application: URIRef
    Hardware: URIRef
    Service: URIRef
    ProductFamily: URIRef
    Place: URIRef
    Country: URIRef
    Region: URIRef
    City: URIRef
    Facility: URIRef
    # Documents, events, amounts, evidence
    Document: URIRef
    Event: URIRef
    Launch: URIRef
    Discontinuation: URIRef
    Delay: URIRef
    Deal: URIRef
    Investment: URIRef
    Acquisition: URIRef
    Partnership: URIRef
    Appointment: URIRef
    Departure: URIRef
    Outage: URIRef
    LegalAction: URIRef
    Status: URIRef
    MonetaryAmount: URIRef
    Evidence: URIRef
    RelationEvidence: URIRef
    EventEvidence: URIRef
    # Status individuals
    Announced: URIRef
    Completed: URIRef
    Rumoured: URIRef
    Denied: URIRef
    Planned: URIRef
    Rejected: URIRef
    Cancelled: URIRef
    # Relations between entities
    developedBy: URIRef
    worksFor: URIRef
    competesWith: URIRef
    locatedIn: URIRef
    subsidiaryOf: URIRef
    versionOf: URIRef
    mentionedIn: URIRef
    publisher: URIRef
    # Event roles
    participant: URIRef
    agent: URIRef
    product: URIRef
    target: URIRef
    partner: URIRef
    investor: URIRef
    recipient: URIRef
    person: URIRef
    organization: URIRef
    plaintiff: URIRef
    defendant: URIRef
    place: URIRef
    # Event attributes
    date: URIRef
    amount: URIRef
    value: URIRef
    currency: URIRef
    isCeiling: URIRef
    status: URIRef
    role: URIRef
    former: URIRef
    # Provenance
    evidence: URIRef
    fromDocument: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    inTitle: URIRef
    confidence: URIRef
    corroborations: URIRef
    mentionCount: URIRef
    extractor: URIRef
    rule: URIRef
    trigger: URIRef
    quarantineReason: URIRef
    # Document metadata
    title: URIRef
    url: URIRef
    published: URIRef
    publisherName: URIRef
    format: URIRef
    contentHash: URIRef
    sourcePath: URIRef
    sourceItem: URIRef
    wordCount: URIRef


# Event roles, in the order labels and exports list them.
ROLES = (
    "agent", "product", "target", "partner", "investor", "recipient", "person", "organization",
    "plaintiff", "defendant", "place",
)
STATUSES = ("Announced", "Completed", "Rumoured", "Denied", "Planned", "Rejected", "Cancelled")
RELATIONS = ("developedBy", "worksFor", "competesWith", "locatedIn", "subsidiaryOf")
EVENT_TYPES = (
    "Event", "Launch", "Discontinuation", "Delay", "Deal", "Investment", "Acquisition", "Partnership",
    "Appointment", "Departure", "Outage", "LegalAction",
)
# Entity classes (local names) and the core kind each belongs to; ProductFamily is a Product kind in
# the records but not a kg:Product in the ontology.
ENTITY_CLASSES: dict[str, str] = {
    "Organization": ORG, "Company": ORG, "Investor": ORG, "MediaOrganization": ORG, "ResearchLab": ORG,
    "GovernmentBody": ORG, "University": ORG, "NonProfit": ORG,
    "Person": PERSON,
    "Product": PRODUCT, "AIModel": PRODUCT, "Application": PRODUCT, "Hardware": PRODUCT, "Service": PRODUCT,
    "ProductFamily": PRODUCT,
    "Place": PLACE, "Country": PLACE, "Region": PLACE, "City": PLACE, "Facility": PLACE,
}

# IRI path segment per entity kind; the class names of model.CORE_KINDS and the segments both work.
_KIND_SEGMENT = {ORG: "org", PERSON: "person", PRODUCT: "product", PLACE: "place"}
_SEGMENTS = {**{k.casefold(): v for k, v in _KIND_SEGMENT.items()}, **{v: v for v in _KIND_SEGMENT.values()}}

DERIVED_GRAPH = KGR_NS + "graph/derived"
QUARANTINE_GRAPH = KGR_NS + "graph/quarantine"
LINKS_GRAPH = KGR_NS + "graph/links"


class IRIError(KGError, ValueError):
    """An IRI cannot be built from the given parts (unknown entity kind, empty document id)."""


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def slug(name: str) -> str:
    """URL-safe slug of a name: NFKC, casefold, accents stripped, non-alphanumeric runs -> '-'.

    Letters of any script are kept (IRIs are Unicode); a name with no letters or digits at all
    falls back to 12 hex characters of a hash, so no two names share an empty slug.
    """
    s = unicodedata.normalize("NFKC", name).casefold()
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"[\W_]+", "-", s).strip("-")
    return s or _sha1(unicodedata.normalize("NFKC", name).casefold().strip())[:12]


def entity_iri(kind: str, name: str) -> str:
    """`kgr:{org|person|product|place}/{slug}` for an entity of `kind` (Organization ... or org ...)."""
    segment = _SEGMENTS.get(kind.casefold())
    if segment is None:
        raise IRIError(f"unknown entity kind {kind!r}; use one of {', '.join(_KIND_SEGMENT)}")
    return f"{KGR_NS}{segment}/{slug(name)}"


def _check_id(doc_id: str) -> str:
    if not doc_id or re.search(r"[\s<>\"{}|^`\\]", doc_id):
        raise IRIError(f"document id {doc_id!r} is empty or has characters not allowed in an IRI")
    return doc_id


def doc_iri(doc_id: str) -> str:
    """`kgr:doc/{doc_id}`."""
    return f"{KGR_NS}doc/{_check_id(doc_id)}"


def graph_iri(doc_id: str) -> str:
    """`kgr:graph/{doc_id}`: the named graph holding one document's facts."""
    return f"{KGR_NS}graph/{_check_id(doc_id)}"


def event_iri(event_type: str, participant_iris: Iterable[str]) -> str:
    """`kgr:event/{16 hex of sha1(type | sorted participant IRIs)}`: one node per real event."""
    parts = [event_type, *sorted(set(participant_iris))]
    return f"{KGR_NS}event/{_sha1('|'.join(parts))[:16]}"


def evidence_iri(doc_id: str, kind: str, start: int, end: int, key: str) -> str:
    """`kgr:evidence/{16 hex of sha1(doc_id | kind | start | end | key)}`.

    `kind` is "relation", "event" or "inferred", prefixed "title-" for a headline's evidence
    (its offsets count in the title); `key` names the fact (the relation triple, the event IRI).
    """
    return f"{KGR_NS}evidence/{_sha1('|'.join([doc_id, kind, str(start), str(end), key]))[:16]}"


def decimal_lexical(value: float | int | Decimal | str) -> str:
    """Canonical xsd:decimal lexical form: no exponent, no trailing zeros ("1000000000", "0.85")."""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if not d.is_finite():
        raise IRIError(f"{value!r} is not a finite decimal")
    text = format(d.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def amount_iri(amount: Amount) -> str:
    """`kgr:amount/{12 hex of sha1(value | currency | ceiling)}`."""
    ceiling = "true" if amount.ceiling else "false"
    key = "|".join([decimal_lexical(amount.value), amount.currency.strip().upper(), ceiling])
    return f"{KGR_NS}amount/{_sha1(key)[:12]}"
