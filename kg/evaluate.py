"""Score a built graph against hand-made gold annotations (entities, relations, events).

The gold file lists required and optional entities (name, type, aliases), relations and events,
plus negatives (strings that must never become entities, events that must not stand as plain
facts). Matching is by normalised label and by class local name through rdfs:subClassOf, so any
graph that follows the ontology can be scored. Precision counts every Organization, Person and
Product node; recall counts the required items.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import rdflib
from rdflib import RDF, RDFS, Literal
from rdflib.namespace import SKOS, XSD

ENTITY_TYPES = ("Organization", "Person", "Product", "Place")
SCORED_TYPES = ("Organization", "Person", "Product")
RELATIONS = ("developedBy", "worksFor", "competesWith", "locatedIn")
SYMMETRIC = {"competesWith"}
HEDGED = {"Rumoured", "Rumored", "Denied", "Hypothetical", "Planned", "Proposed", "Rejected", "Cancelled",
          "Canceled"}
DATE_TYPES = {XSD.date, XSD.gYearMonth, XSD.gYear, XSD.dateTime}
_SCHEMA = ("https://schema.org/", "http://schema.org/")
LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel,
          *(rdflib.URIRef(ns + p) for ns in _SCHEMA for p in ("name", "alternateName")))


def local(term: Any) -> str:
    return re.split(r"[#/]", str(term).rstrip("/#"))[-1]


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").casefold().strip()
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"^the\s+", "", s)
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


@dataclass
class PartScore:
    precision: float
    recall: float
    predicted: int
    missing: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass
class Score:
    entities: PartScore
    relations: PartScore
    events: PartScore
    negative_hits: list[str]
    trap_hits: list[str]
    attributes: tuple[int, int]  # (correct, total) for gold event dates and amounts

    def line(self) -> str:
        return (f"entities F1 {self.entities.f1:.2f} relations F1 {self.relations.f1:.2f} "
                f"events F1 {self.events.f1:.2f} negatives {len(self.negative_hits)} "
                f"traps {len(self.trap_hits)}")


def _closure(g: rdflib.Graph) -> Callable[[Any], set[str]]:
    parents: dict[Any, set[Any]] = defaultdict(set)
    for c, p in g.subject_objects(RDFS.subClassOf):
        parents[c].add(p)
    memo: dict[Any, set[str]] = {}

    def up(c: Any, seen: frozenset[Any] = frozenset()) -> set[str]:
        if c not in memo:
            names = {local(c)}
            for p in parents.get(c, ()):
                if p not in seen:
                    names |= up(p, seen | {c})
            memo[c] = names
        return memo[c]

    return up


def _labels(g: rdflib.Graph, node: Any) -> set[str]:
    return {str(o) for p in LABELS for o in g.objects(node, p) if isinstance(o, Literal)}


def score(gold: dict[str, Any], g: rdflib.Graph) -> Score:
    """Score graph `g` (with the ontology's subClassOf triples in it) against `gold`."""
    index: dict[str, tuple[str, str, bool]] = {}
    for is_required, key in ((True, "required"), (False, "optional")):
        for e in gold["entities"][key]:
            for alias in [e["name"], *e.get("aliases", [])]:
                index.setdefault(norm(alias), (e["name"], e["type"], is_required))
    negatives = {norm(n) for n in gold["entities"].get("negatives", [])}
    up = _closure(g)

    ents: dict[Any, tuple[str, set[str]]] = {}
    events: dict[Any, set[str]] = {}
    for s, c in g.subject_objects(RDF.type):
        names = up(c)
        if "Event" in names:
            events.setdefault(s, set()).update(names)
        else:
            core = next((t for t in ENTITY_TYPES if t in names), None)
            if core and s not in ents:
                ents[s] = (core, _labels(g, s))

    def match(names: set[str]) -> tuple[str, str, bool] | None:
        return next((index[norm(n)] for n in sorted(names) if norm(n) in index), None)

    canon: dict[Any, str] = {}
    fps: list[str] = []
    neg_hits: list[str] = []
    found: set[str] = set()
    seen: set[str] = set()
    scored = 0
    for node, (core, names) in ents.items():
        hit = match(names)
        if any(norm(n) in negatives for n in names):
            neg_hits.append(sorted(names)[0] if names else str(node))
        if hit:
            canon[node] = hit[0]
        if core not in SCORED_TYPES:
            continue
        scored += 1
        if hit and hit[1] == core:
            if hit[0] in seen:
                fps.append(f"duplicate of {hit[0]}: {sorted(names)}")
                continue
            seen.add(hit[0])
            if hit[2]:
                found.add(hit[0])
        else:
            why = f"typed {core}, gold says {hit[1]}" if hit else "not in gold"
            fps.append(f"{sorted(names)[0] if names else node} ({why})")
    required = [e["name"] for e in gold["entities"]["required"]]
    entities = PartScore((scored - len(fps)) / scored if scored else 0.0, len(found) / len(required), scored,
                         sorted(set(required) - found), sorted(fps))

    def rkey(a: str, p: str, b: str) -> tuple[str, str, str]:
        return (min(a, b), p, max(a, b)) if p in SYMMETRIC else (a, p, b)

    predicted: set[tuple[str, str, str]] = set()
    rel_fps: list[str] = []
    for s, p, o in g:
        name = local(p)
        if name not in RELATIONS or s not in ents or o not in ents:
            continue
        a, b = canon.get(s), canon.get(o)
        if a is None or b is None:
            left, right = sorted(_labels(g, s))[:1], sorted(_labels(g, o))[:1]
            rel_fps.append(f"{left} {name} {right} (entity not in gold)")
            continue
        predicted.add(rkey(a, name, b))
    def rels(key: str) -> set[tuple[str, str, str]]:
        return {rkey(r["subject"], r["predicate"], r["object"]) for r in gold["relations"][key]}

    req_rel = rels("required")
    ok_rel = req_rel | rels("optional")
    rel_fps += [f"{a} {p} {b} (not in gold)" for a, p, b in sorted(predicted - ok_rel)]
    n_rel = len(predicted) + sum("entity not in gold" in x for x in rel_fps)
    relations = PartScore((n_rel - len(rel_fps)) / n_rel if n_rel else 0.0,
                          len(predicted & req_rel) / len(req_rel) if req_rel else 1.0, n_rel,
                          sorted(f"{a} {p} {b}" for a, p, b in req_rel - predicted), sorted(rel_fps))

    pred = []
    for node, classes in events.items():
        parts: set[str] = set()
        dates: set[str] = set()
        amounts: set[str] = set()
        status: set[str] = set()
        for p, o in g.predicate_objects(node):
            if o in ents:
                parts.add(canon.get(o) or f"?{sorted(_labels(g, o))[:1]}")
            elif isinstance(o, Literal) and (local(p) == "date" or o.datatype in DATE_TYPES):
                dates.add(str(o))
            if local(p) == "status":
                status.add(local(o))
            if local(p) == "amount":
                values = [o] if isinstance(o, Literal) else [
                    v for v in g.objects(o, None) if isinstance(v, Literal)]
                amounts.update(str(v) for v in values)
        pred.append((classes, parts, dates, amounts, status))

    def ev_match(ge: dict[str, Any], pe: tuple) -> bool:
        return ge["type"] in pe[0] and set(ge["participants"]) <= pe[1]

    req_ev, opt_ev = gold["events"]["required"], gold["events"]["optional"]
    found_ev, ok, total, missing = 0, 0, 0, []
    for ge in req_ev:
        hits = [pe for pe in pred if ev_match(ge, pe)]
        if not hits:
            missing.append(f"{ge['type']} {ge['participants']}")
            continue
        found_ev += 1
        if "date" in ge:
            total += 1
            ok += any(d.startswith(ge["date"]) for pe in hits for d in pe[2])
        if "amount" in ge:
            total += 1
            want = float(ge["amount"]["value"])
            ok += any(_close(a, want) for pe in hits for a in pe[3])
    ev_fps = [pe for pe in pred if not any(ev_match(ge, pe) for ge in req_ev + opt_ev)]
    traps = [f"{ge['type']} {ge['participants']}" for ge in gold["events"].get("negatives", [])
             if any(ev_match(ge, pe) and not (pe[4] & HEDGED) for pe in pred)]
    events_score = PartScore((len(pred) - len(ev_fps)) / len(pred) if pred else 0.0,
                             found_ev / len(req_ev) if req_ev else 1.0, len(pred), missing,
                             sorted(f"{sorted(c & {'Launch', 'Discontinuation', 'Delay', 'Deal', 'Investment', 'Acquisition', 'Partnership', 'Appointment', 'Departure', 'Outage', 'LegalAction'})} {sorted(p)}" for c, p, *_ in ev_fps))  # noqa: E501
    return Score(entities, relations, events_score, sorted(neg_hits), traps, (ok, total))


def _close(text: str, want: float) -> bool:
    try:
        return abs(float(text) - want) < 1e-6 * want
    except ValueError:
        return False
