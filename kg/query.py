"""The query library: `queries/*.rq` by name, with declared and bound parameters, run locally or remotely.

A query file starts with a comment header that `kg query` reads:

    # question: Which products does a company develop?
    # param: company (entity) — the company's name or an alias, any case; e.g. OpenAI
    # param: min (integer, default 2) — the fewest documents; e.g. 3
    # example: kg query products-by-company --param company=OpenAI

Parameters are bound, never formatted into the text: each value becomes an RDF term (rdflib), and one
`VALUES (?company ?min) { (<...openai> 2) }` block, written with the terms' own N3 syntax, goes first
in the query's outermost WHERE group, found by a scanner that skips comments, strings and IRIs. The
same bound text runs on the embedded store, an in-memory copy of a file and a remote endpoint, so all
three answer alike. (pyoxigraph's `substitutions=` would do for the embedded store, but it refuses
variables that are not in the SELECT projection, which rules out aggregate queries.) A parameter is
visible to the FILTERs of the outermost group, not inside sub-SELECTs: library queries are written so.

An `entity` parameter takes a name: the entities whose label or alias equals it in any case are
found first (queries/lookup/entity-by-name.rq, the name bound as a literal) and the VALUES block
gets one row per entity, so the query joins on IRIs and the store's indexes do the work; an empty
optional entity parameter is UNDEF, which matches anything.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.store import QueryResult, SparqlSource, Term, open_data

PARAM_TYPES = ("entity", "literal", "iri", "date", "integer", "decimal", "boolean")
PREFIXES = {
    "kg": "https://w3id.org/aikg/ontology#",
    "kgr": "https://w3id.org/aikg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "wd": "http://www.wikidata.org/entity/",
}

_PARAM = re.compile(
    r"^#\s*param:\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"\(\s*(?P<type>\w+)\s*(?:,\s*default\s*(?P<default>\"(?:[^\"\\]|\\.)*\"|[^)\s]*)\s*)?\)"
    r"\s*(?:—|--|-|:)?\s*(?P<doc>.*)$"
)
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_KEY = re.compile(r"^#\s*(?P<key>question|example):\s*(?P<value>.*)$", re.IGNORECASE)
_SYNTAX_AT = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.DOTALL)
_SCAN = re.compile(
    r"(?P<comment>#[^\n]*)"
    r"|(?P<string>\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r"|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')"
    r"|(?P<iri><[^<>\"{}|^`\\\x00-\x20]*>)"
    r"|(?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)"
    r"|(?P<open>\{)|(?P<close>\})"
    r"|(?P<word>[A-Za-z0-9_:][\w:.\-]*)"
    r"|(?P<other>.)",
    re.DOTALL,
)


@dataclass(frozen=True)
class Param:
    """One declared parameter: the variable it binds, its type, default (None: required) and meaning."""

    name: str
    type: str
    default: str | None
    doc: str

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class QuerySpec:
    """A query file with what its header declares."""

    name: str
    path: Path
    text: str
    question: str = ""
    params: tuple[Param, ...] = ()
    examples: tuple[str, ...] = field(default=())

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


# --- finding and reading queries ----------------------------------------------------------------


def queries_dir() -> Path:
    """The query library folder: KG_QUERIES_DIR, else the repository's queries/."""
    override = os.environ.get("KG_QUERIES_DIR")
    return Path(override) if override else Path(__file__).resolve().parent.parent / "queries"


def parse_header(name: str, path: Path, text: str) -> QuerySpec:
    """Read the comment header (up to the first line that is not a comment) into a QuerySpec."""
    question: list[str] = []
    params: list[Param] = []
    examples: list[str] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        if re.match(r"^#\s*param:", line):
            m = _PARAM.match(line)
            if not m:
                raise QueryError(f"{path}:{n}: cannot read the parameter declaration; write it as '# param: "
                                 f"name ({'|'.join(PARAM_TYPES)}[, default X]) — meaning'")
            ptype = m["type"].lower()
            if ptype not in PARAM_TYPES:
                raise QueryError(f"{path}:{n}: unknown parameter type {m['type']!r}; use one of "
                                 f"{', '.join(PARAM_TYPES)}")
            default = m["default"]
            if default is not None and default.startswith('"'):
                default = json.loads(default)
            params.append(Param(m["name"], ptype, default, m["doc"].strip()))
            continue
        k = _KEY.match(line)
        if k:
            (question if k["key"].lower() == "question" else examples).append(k["value"].strip())
    return QuerySpec(name, path, text, " ".join(question), tuple(params), tuple(examples))


def list_queries(folder: Path | None = None) -> list[QuerySpec]:
    """Every query of the library, by name."""
    folder = folder or queries_dir()
    return [load_query(p) for p in sorted(folder.glob("*.rq"))]


def load_query(name_or_path: str | Path, folder: Path | None = None) -> QuerySpec:
    """A library query by name ("products-by-company") or any .rq file by path."""
    folder = folder or queries_dir()
    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" or candidate.is_file() or os.sep in str(name_or_path):
        path = candidate
        name = candidate.stem
    else:
        name = str(name_or_path)
        path = folder / f"{name}.rq"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        known = sorted(p.stem for p in folder.glob("*.rq"))
        close = difflib.get_close_matches(str(name), known, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `kg query --list` shows them all"
        raise QueryError(f"unknown query {str(name_or_path)!r}{hint}") from None
    except OSError as exc:
        raise QueryError(f"{path}: cannot read the query ({exc.strerror})") from exc
    return parse_header(name, path, text)


# --- binding parameters -------------------------------------------------------------------------


def _expand(value: str) -> str:
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return value


def to_term(param: Param, value: str | Node, where: str = "") -> Term:
    """A parameter value as an RDF term of the declared type; a bad value names the parameter."""
    if isinstance(value, URIRef | Literal | BNode):
        return value
    text = str(value)
    bad = f"{where}parameter {param.name} ({param.type})"
    try:
        if param.type in ("literal", "entity"):
            return Literal(text)
        if param.type == "iri":
            iri = _expand(text.strip())
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]+", iri):
                raise ValueError("not an absolute IRI")
            return URIRef(iri)
        if param.type == "date":
            return Literal(date.fromisoformat(text.strip()).isoformat(), datatype=XSD.date)
        if param.type == "integer":
            return Literal(int(text.strip()))
        if param.type == "decimal":
            return Literal(Decimal(text.strip()), datatype=XSD.decimal)
        if param.type == "boolean":
            flag = text.strip().lower()
            if flag not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError("use true or false")
            return Literal(flag in ("true", "1", "yes"))
    except InvalidOperation:
        raise QueryError(f"{bad}: {text!r} is not a decimal number") from None
    except ValueError as exc:
        raise QueryError(f"{bad}: {text!r} is not valid ({exc})") from None
    raise QueryError(f"{bad}: unknown type")


def resolve_params(spec: QuerySpec, given: Mapping[str, str | Node] | None) -> dict[str, Term]:
    """Every declared parameter as a term: given values, else defaults; unknown or missing ones fail."""
    given = dict(given or {})
    unknown = sorted(set(given) - {p.name for p in spec.params})
    if unknown:
        declared = ", ".join(p.name for p in spec.params) or "none"
        raise QueryError(f"{spec.name}: unknown parameter {', '.join(unknown)} "
                         f"(this query takes: {declared})")
    terms: dict[str, Term] = {}
    for p in spec.params:
        if p.name in given:
            terms[p.name] = to_term(p, given[p.name], f"{spec.name}: ")
        elif p.default is not None:
            terms[p.name] = to_term(p, p.default, f"{spec.name}: default of ")
        else:
            raise QueryError(f"{spec.name}: missing parameter {p.name} ({p.type}): {p.doc}; "
                             f"pass it as --param {p.name}=VALUE")
    return terms


def _scan(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, token, start, depth) for each significant token; comments are dropped."""
    out = []
    depth = 0
    for m in _SCAN.finditer(text):
        kind = m.lastgroup or "other"
        if kind == "comment" or (kind == "other" and m.group().isspace()):
            continue
        if kind == "close":
            depth -= 1
        out.append((kind, m.group(), m.start(), depth))
        if kind == "open":
            depth += 1
    return out


def variables(text: str) -> set[str]:
    """Names of the variables the query text mentions (outside comments, strings and IRIs)."""
    return {tok[1:] for kind, tok, _, _ in _scan(text) if kind == "var"}


def where_position(text: str) -> int:
    """Offset just after the `{` that opens the query's outermost WHERE group."""
    tokens = _scan(text)
    for i, (kind, tok, _, depth) in enumerate(tokens):
        if kind == "word" and depth == 0 and tok.upper() == "WHERE":
            for kind2, _, start2, _ in tokens[i + 1:]:
                if kind2 == "open":
                    return start2 + 1
                break
    for kind, _, start, depth in tokens:  # SELECT * { ... } and ASK { ... } have no WHERE keyword
        if kind == "open" and depth == 0:
            return start + 1
    raise QueryError("cannot find the query's WHERE { ... } group to bind parameters in")


def bind_rows(text: str, names: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> str:
    """The query text with a VALUES block of `rows` for the variables `names`, first in the outermost
    WHERE group. Each term is written in its own N3 syntax (rdflib escapes quotes, backslashes and
    line breaks), so no value can end its literal or IRI early; None is UNDEF."""
    for name in names:
        if not _VARNAME.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
    cells = [" ".join("UNDEF" if t is None else t.n3() for t in row) for row in rows]
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ {' '.join(f'({c})' for c in cells)} }} "
    at = where_position(text)
    return text[:at] + block + text[at:]


def bind(text: str, terms: Mapping[str, Term]) -> str:
    """The query text with one VALUES row binding `terms`, first in the outermost WHERE group."""
    if not terms:
        return text
    names = sorted(terms)
    return bind_rows(text, names, [[terms[n] for n in names]])


@lru_cache(maxsize=256)
def _syntax_problem(text: str) -> str | None:
    try:
        ox.Store().query(text)
    except SyntaxError as exc:
        return str(exc)
    except (RuntimeError, OSError):
        return None
    return None


def check_syntax(spec: QuerySpec) -> None:
    """Raise QueryError naming the file, line and column when the query is not valid SPARQL."""
    problem = _syntax_problem(spec.text)
    if problem is None:
        return
    m = _SYNTAX_AT.search(problem)
    if m:
        raise QueryError(f"{spec.path}:{m[1]}:{m[2]}: SPARQL syntax error: {m[3].strip()}")
    raise QueryError(f"{spec.path}: SPARQL syntax error: {problem}")


Rows = list[list[Term | None]]


def entity_iris(source: SparqlSource, name: Term) -> list[URIRef]:
    """The entities whose label or alias is `name` in any case (queries/lookup/entity-by-name.rq)."""
    spec = load_query(queries_dir() / "lookup" / "entity-by-name.rq")
    result = source.select(bind(spec.text, {"name": name}))
    return sorted({t for row in result.rows for t in row if isinstance(t, URIRef)})


def value_rows(spec: QuerySpec, terms: Mapping[str, Term],
               source: SparqlSource | None) -> tuple[list[str], Rows]:
    """The VALUES rows for `terms`: one row, except that an entity parameter stands for every entity
    of that name (one row each, none when no entity has it) and an empty one for any (UNDEF)."""
    names = sorted(terms)
    rows: Rows = [[]]
    for name in names:
        param = spec.param(name)
        choices: list[Term | None] = [terms[name]]
        if param is not None and param.type == "entity":
            if not str(terms[name]):
                if param.required:
                    raise QueryError(f"{spec.name}: parameter {name} (entity) is empty; give a name")
                choices = [None]
            elif source is None:
                raise QueryError(f"{spec.name}: parameter {name} names an entity; "
                                 "a graph is needed to find it")
            else:
                choices = list(entity_iris(source, terms[name]))
        rows = [row + [choice] for row in rows for choice in choices]
    return names, rows


def prepare(query: str | Path | QuerySpec, params: Mapping[str, str | Node] | None = None,
            source: SparqlSource | None = None) -> tuple[QuerySpec, str]:
    """The spec and the bound text, checked: syntax, declared parameters present in the query.

    Entity parameters are looked up in `source` first (see value_rows)."""
    spec = query if isinstance(query, QuerySpec) else load_query(query)
    check_syntax(spec)
    terms = resolve_params(spec, params)
    missing = sorted(set(terms) - variables(spec.text))
    if missing:
        raise QueryError(f"{spec.path}: declares parameter {', '.join(missing)} but never uses "
                         f"?{missing[0]} in the query")
    if not terms:
        return spec, spec.text
    names, rows = value_rows(spec, terms, source)
    return spec, bind_rows(spec.text, names, rows)


# --- running ------------------------------------------------------------------------------------


def as_source(source: SparqlSource | ox.Store | str | Path) -> SparqlSource:
    """A SparqlSource for a store, an endpoint URL, a `kg build` folder or an RDF file."""
    from kg.remote import Endpoint
    from kg.store import LocalSource

    if isinstance(source, ox.Store):
        return LocalSource(source)
    if isinstance(source, str) and re.match(r"https?://", source):
        return Endpoint(source)
    if isinstance(source, str | Path):
        return open_data(source)
    return source


def run_query(
    source: SparqlSource | ox.Store | str | Path,
    query: str | Path | QuerySpec,
    params: Mapping[str, str | Node] | None = None,
) -> QueryResult:
    """Run a library query (name, path or spec) with bound parameters on a store, file or endpoint."""
    from kg.errors import EndpointError
    from kg.remote import Endpoint

    src = as_source(source)
    spec, text = prepare(query, params, src)
    try:
        result = src.select(text)
    except QueryError as exc:
        raise QueryError(f"{spec.path}: {exc}") from exc
    if not result.rows and isinstance(src, Endpoint) and src.ask_union_default() is False:
        raise EndpointError(
            f"{src.query_url} keeps the data in named graphs, but its default graph, which the library "
            "queries read, is empty: `kg push` fills it with their union (or configure the server's "
            "default graph as the union: Fuseki tdb2:unionDefaultGraph, oxigraph --union-default-graph)")
    return result


# --- showing results ----------------------------------------------------------------------------


def compact(term: Term | None) -> str:
    """A short readable form: kg:/kgr: prefixed IRIs, literals by their text, unbound as ''."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        s = str(term)
        for prefix in ("kgr", "kg", "wd"):
            ns = PREFIXES[prefix]
            if s.startswith(ns):
                return f"{prefix}:{s[len(ns):]}"
        return s
    return str(term)


def to_json_results(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON."""
    def cell(t: Term) -> dict[str, str]:
        if isinstance(t, URIRef):
            return {"type": "uri", "value": str(t)}
        if isinstance(t, BNode):
            return {"type": "bnode", "value": str(t)}
        out = {"type": "literal", "value": str(t)}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype is not None:
            out["datatype"] = str(t.datatype)
        return out

    bindings = [{v: cell(t) for v, t in zip(result.vars, row, strict=True) if t is not None}
                for row in result.rows]
    return json.dumps({"head": {"vars": result.vars}, "results": {"bindings": bindings}}, ensure_ascii=False,
                      indent=1)


def to_csv(result: QueryResult, delimiter: str = ",") -> str:
    """SPARQL 1.1 CSV results (plain values); with a tab, SPARQL TSV (terms in N-Triples syntax)."""
    buf = io.StringIO()
    if delimiter == "\t":
        buf.write("\t".join("?" + v for v in result.vars) + "\n")
        for row in result.rows:
            buf.write("\t".join("" if t is None else t.n3() for t in row) + "\n")
        return buf.getvalue()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if t is None else str(t) for t in row])
    return buf.getvalue()
