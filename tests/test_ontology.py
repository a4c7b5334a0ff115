"""The ontology and shapes files: they parse, declare what the code uses, and align safely."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH

from kg.model import ORG, PERSON, PLACE, PRODUCT
from kg.namespace import ENTITY_CLASSES, EVENT_TYPES, KG, KG_NS, ROLES, STATUSES

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
CORE = (ORG, PERSON, PRODUCT, PLACE)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY / "kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")


def local(term: object) -> str:
    return re.split(r"[#/]", str(term).rstrip("/#"))[-1]


def closure(g: Graph, cls: URIRef) -> set[str]:
    """Local names of a class and all its superclasses: how score.py reads types."""
    parents: dict[URIRef, set[URIRef]] = defaultdict(set)
    for c, p in g.subject_objects(RDFS.subClassOf):
        parents[c].add(p)  # type: ignore[index, arg-type]
    seen, todo = set(), [cls]
    while todo:
        c = todo.pop()
        if c not in seen:
            seen.add(c)
            todo.extend(parents.get(c, ()))
    return {local(c) for c in seen}


def declared(g: Graph) -> set[str]:
    return {str(s)[len(KG_NS):] for s in g.subjects() if str(s).startswith(KG_NS)}


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_ontology_files_parse_in_rdflib_and_pyoxigraph(name: str) -> None:
    path = ONTOLOGY / name
    g = Graph().parse(path, format="turtle")
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(g) > 100
    assert len(quads) == len(g)


def test_ontology_header_has_version_label_and_comment(onto: Graph) -> None:
    header = URIRef("https://w3id.org/aikg/ontology")
    assert (header, RDF.type, OWL.Ontology) in onto
    for prop in (OWL.versionIRI, RDFS.label, RDFS.comment):
        assert onto.value(header, prop) is not None, prop


def test_ontology_declares_exactly_the_namespace_terms(onto: Graph) -> None:
    in_code = set(KG.__annotations__)
    in_file = declared(onto)
    assert in_code - in_file == set(), "terms in kg/namespace.py missing from ontology/kg.ttl"
    assert in_file - in_code == set(), "terms in ontology/kg.ttl missing from kg/namespace.py"


def test_ontology_every_term_has_label_and_comment(onto: Graph) -> None:
    for name in sorted(declared(onto)):
        term = URIRef(KG_NS + name)
        assert onto.value(term, RDFS.label) is not None, f"{name} has no rdfs:label"
        assert onto.value(term, RDFS.comment) is not None, f"{name} has no rdfs:comment"


@pytest.mark.parametrize("cls,kind", sorted(ENTITY_CLASSES.items()))
def test_ontology_entity_class_reaches_only_its_core_type(onto: Graph, cls: str, kind: str) -> None:
    names = closure(onto, URIRef(KG_NS + cls))
    assert "Entity" in names
    assert "Event" not in names
    reached = {c for c in CORE if c in names}
    # A product family is known through its versions and is deliberately not a Product.
    assert reached == (set() if cls == "ProductFamily" else {kind})


@pytest.mark.parametrize("cls", ["Document", "Evidence", "RelationEvidence", "EventEvidence",
                                 "MonetaryAmount", "Status"])
def test_ontology_non_entity_classes_look_like_no_core_type(onto: Graph, cls: str) -> None:
    names = closure(onto, URIRef(KG_NS + cls))
    assert not names & {*CORE, "Event"}


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_ontology_event_classes_are_events(onto: Graph, event_type: str) -> None:
    names = closure(onto, URIRef(KG_NS + event_type))
    assert "Event" in names
    assert not names & set(CORE)


SCHEMA = "https://schema.org/"
ORG_NS = "http://www.w3.org/ns/org#"
PROV_NS = "http://www.w3.org/ns/prov#"


@pytest.mark.parametrize("sub,prop,sup", [
    ("Organization", RDFS.subClassOf, SCHEMA + "Organization"),
    ("Organization", RDFS.subClassOf, ORG_NS + "Organization"),
    ("Person", RDFS.subClassOf, SCHEMA + "Person"),
    ("Product", RDFS.subClassOf, SCHEMA + "Product"),
    ("Place", RDFS.subClassOf, SCHEMA + "Place"),
    ("Event", RDFS.subClassOf, SCHEMA + "Event"),
    ("MonetaryAmount", RDFS.subClassOf, SCHEMA + "MonetaryAmount"),
    ("Evidence", RDFS.subClassOf, PROV_NS + "Entity"),
    ("RelationEvidence", RDFS.subClassOf, str(RDF.Statement)),
    ("Investment", RDFS.subClassOf, KG_NS + "Deal"),
    ("worksFor", RDFS.subPropertyOf, SCHEMA + "worksFor"),
    ("worksFor", RDFS.subPropertyOf, ORG_NS + "memberOf"),
    ("fromDocument", RDFS.subPropertyOf, PROV_NS + "hadPrimarySource"),
])
def test_ontology_alignment(onto: Graph, sub: str, prop: URIRef, sup: str) -> None:
    assert (URIRef(KG_NS + sub), prop, URIRef(sup)) in onto


@pytest.mark.parametrize("role", ROLES)
def test_ontology_roles_are_participant_subproperties(onto: Graph, role: str) -> None:
    assert (URIRef(KG_NS + role), RDFS.subPropertyOf, KG.participant) in onto
    assert (URIRef(KG_NS + role), RDF.type, OWL.ObjectProperty) in onto


@pytest.mark.parametrize("status", STATUSES)
def test_ontology_status_individuals(onto: Graph, status: str) -> None:
    term = URIRef(KG_NS + status)
    assert (term, RDF.type, OWL.NamedIndividual) in onto
    assert (term, RDF.type, KG.Status) in onto


def test_ontology_competes_with_is_symmetric(onto: Graph) -> None:
    assert (KG.competesWith, RDF.type, OWL.SymmetricProperty) in onto


def test_ontology_shapes_use_only_declared_terms(onto: Graph, shapes: Graph) -> None:
    names = declared(onto)
    used = {str(o)[len(KG_NS):] for o in shapes.objects() if str(o).startswith(KG_NS)}
    assert used, "the shapes should refer to kg: terms"
    assert used - names == set()
    targets = {local(o) for o in shapes.objects(None, SH.targetClass)}
    assert {"Entity", "Event", "Document", "Evidence", "MonetaryAmount"} <= targets
