"""Parameters are bound, never pasted: hostile values match literally and change nothing; unknown
queries, missing or bad parameters and syntax errors give clear QueryErrors; output formats."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner

from kg.errors import QueryError, StoreError
from kg.query import (
    bind,
    bind_rows,
    load_query,
    parse_header,
    prepare,
    run_query,
    to_csv,
    to_json_results,
    where_position,
)
from kg.store import load_file, open_store, open_store_read_only, replace_graphs, store_quad_count
from tests.fixtures.sparql.servers import FIXTURE

HOSTILE = [
    'OpenAI" } ; DROP ALL #',
    '"',
    "}",
    ";",
    "DROP ALL",
    "OpenAI\n} UNION { ?product ?p ?o }",
    "# comment marker",
    "OpenAI #",
    "\\",
    '"""',
    "' OR '1'='1",
    "OpenAI\" || true || \"",
    ') } } INSERT DATA { <urn:x> <urn:y> "z" } #',
    "\r\n;\t{",
]


@pytest.fixture(scope="module")
def known():
    return load_file(FIXTURE)


@pytest.fixture()
def disk_store(tmp_path):
    ds = rdflib.Dataset()
    ds.parse(FIXTURE, format="trig")
    store = open_store(tmp_path / "store")
    replace_graphs(store, ds)
    return store


def write_query(tmp_path, text: str, name: str = "q.rq"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- hostile values ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE)
def test_query_params_hostile_values_match_nothing_and_change_nothing(disk_store, value):
    before = store_quad_count(disk_store)
    for name, param in [("products-by-company", "company"), ("search-entities", "text"),
                        ("who-works-where", "company"), ("evidence-for-fact", "subject")]:
        result = run_query(disk_store, name, {param: value})
        assert result.rows == [], f"{name} matched {value!r}"
    assert store_quad_count(disk_store) == before


@pytest.mark.parametrize("value", HOSTILE)
def test_query_params_hostile_values_are_matched_literally(known, value):
    # An organization whose name *is* the hostile text: the query finds exactly it and its product.
    store = ox.Store()
    store.extend(known.quads_for_pattern(None, None, None, None))
    org, product = URIRef("https://w3id.org/aikg/id/org/odd"), URIRef("https://w3id.org/aikg/id/product/thing")
    g = rdflib.Graph(identifier=URIRef("https://w3id.org/aikg/id/graph/odd"))
    g.add((org, rdflib.RDFS.label, Literal(value)))
    g.add((org, rdflib.RDF.type, URIRef("https://w3id.org/aikg/ontology#Company")))
    g.add((product, rdflib.RDFS.label, Literal("Thing")))
    g.add((product, rdflib.RDF.type, URIRef("https://w3id.org/aikg/ontology#Application")))
    g.add((product, URIRef("https://w3id.org/aikg/ontology#developedBy"), org))
    replace_graphs(store, [g])
    rows = run_query(store, "products-by-company", {"company": value}).rows
    assert [str(r[0]) for r in rows] == ["Thing"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_query_params_any_text_comes_back_unchanged(text):
    spec = parse_header("echo", FIXTURE, "# param: value (literal) — any text\nSELECT ?value WHERE { }\n")
    _, bound = prepare(spec, {"value": text})
    rows = run_query(ox.Store(), spec, {"value": text}).rows
    assert [str(r[0]) for r in rows] == [text], bound


def test_query_params_bound_terms_are_n3_values_in_the_outer_group():
    text = ("# WHERE { in a comment\n"
            "SELECT ?x WHERE { ?x <urn:p> \"WHERE {\" . { SELECT ?y WHERE { ?y ?q ?r } } }")
    bound = bind(text, {"name": Literal('a"b'), "iri": URIRef("urn:z")})
    assert 'SELECT ?x WHERE { VALUES (?iri ?name) { (<urn:z> "a\\"b") }  ?x <urn:p>' in bound
    assert bound.count("VALUES") == 1


@pytest.mark.parametrize(("text", "marker"), [
    ("SELECT * { ?s ?p ?o }", "{"),
    ("ASK { ?s ?p ?o }", "{"),
    ("PREFIX ex: <http://ex/WHERE/>\nSELECT ?s WHERE { ?s ex:p 'WHERE {' }", "WHERE {"),
    ("SELECT ?s FROM <urn:g> WHERE\n{ ?s ?p ?o }", "WHERE\n{"),
])
def test_query_params_values_go_after_the_outermost_where(text, marker):
    at = where_position(text)
    assert text[at - 1] == "{"
    assert text.rfind(marker, 0, at) == at - len(marker)


def test_query_params_bind_rows_writes_undef_and_rejects_bad_names():
    text = bind_rows("SELECT * WHERE { }", ["a", "b"], [[Literal(1), None], [None, URIRef("urn:x")]])
    integer = "<http://www.w3.org/2001/XMLSchema#integer>"
    assert f'VALUES (?a ?b) {{ ("1"^^{integer} UNDEF) (UNDEF <urn:x>) }}' in text
    with pytest.raises(QueryError):
        bind_rows("SELECT * WHERE { }", ["a b"], [[Literal(1)]])


# --- entity parameters ----------------------------------------------------------------------------


def test_query_params_entity_names_become_iris_in_values(known):
    from kg.store import LocalSource

    _, text = prepare("products-by-company", {"company": "OPEN ai"}, LocalSource(known))
    assert "VALUES (?company) { (<https://w3id.org/aikg/id/org/openai>) }" in text
    _, none = prepare("products-by-company", {"company": "Nobody"}, LocalSource(known))
    assert "VALUES (?company) {  }" in none


def test_query_params_entity_name_shared_by_two_entities_binds_both(known):
    store = ox.Store()
    store.extend(known.quads_for_pattern(None, None, None, None))
    twin = Graph(identifier=URIRef("https://w3id.org/aikg/id/graph/twin"))
    org = URIRef("https://w3id.org/aikg/id/org/openai-foundation")
    twin.add((org, rdflib.RDFS.label, Literal("OpenAI Foundation")))
    twin.add((org, rdflib.SKOS.altLabel, Literal("OpenAI")))
    product = URIRef("https://w3id.org/aikg/id/product/grants")
    twin.add((product, rdflib.RDFS.label, Literal("Grants")))
    twin.add((product, rdflib.RDF.type, URIRef("https://w3id.org/aikg/ontology#Service")))
    twin.add((product, URIRef("https://w3id.org/aikg/ontology#developedBy"), org))
    replace_graphs(store, [twin])
    rows = run_query(store, "products-by-company", {"company": "openai"}).rows
    assert [str(r[0]) for r in rows] == ["ChatGPT", "GPT-5", "Grants", "Sora"]


def test_query_params_empty_optional_entity_means_any(known):
    everyone = run_query(known, "who-works-where", {}).rows
    assert run_query(known, "who-works-where", {"company": ""}).rows == everyone
    one = run_query(known, "who-works-where", {"company": "Microsoft"}).rows
    assert one and set(one) < set(everyone)


def test_query_params_required_entity_cannot_be_empty(known):
    with pytest.raises(QueryError, match="parameter company \\(entity\\) is empty"):
        run_query(known, "products-by-company", {"company": ""})


def test_query_params_entity_needs_a_graph_to_resolve():
    with pytest.raises(QueryError, match="a graph is needed"):
        prepare("products-by-company", {"company": "OpenAI"})


# --- clear errors ---------------------------------------------------------------------------------


def test_query_params_unknown_query_suggests_close_names():
    with pytest.raises(QueryError, match=r"unknown query 'product-by-company'.*products-by-company"):
        load_query("product-by-company")


def test_query_params_missing_parameter_is_named(known):
    with pytest.raises(QueryError, match=r"missing parameter company \(entity\).*--param company="):
        run_query(known, "products-by-company", {})


def test_query_params_unknown_parameter_lists_the_declared_ones(known):
    with pytest.raises(QueryError, match=r"unknown parameter compny \(this query takes: company\)"):
        run_query(known, "products-by-company", {"compny": "OpenAI"})


@pytest.mark.parametrize(("name", "params", "pattern"), [
    ("events-by-type", {"from": "2025-13-01"}, r"parameter from \(date\): '2025-13-01'"),
    ("co-mentioned", {"entity": "OpenAI", "min": "two"}, r"parameter min \(integer\)"),
    ("deals-by-amount", {"min": "1e9x"}, r"parameter min \(decimal\): '1e9x' is not a decimal number"),
])
def test_query_params_bad_values_name_the_parameter(known, name, params, pattern):
    with pytest.raises(QueryError, match=pattern):
        run_query(known, name, params)


def test_query_params_syntax_error_names_file_line_and_column(tmp_path, known):
    path = write_query(tmp_path, "# question: broken?\nPREFIX kg: <https://w3id.org/aikg/ontology#>\n"
                                 "SELECT ?x WHERE {\n  ?x kg:title ?t .\n  OPTIONL { ?x ?p ?o }\n}\n")
    with pytest.raises(QueryError, match=rf"{path}:5:11: SPARQL syntax error: expected OPTIONAL"):
        run_query(known, path, {})


def test_query_params_declared_but_unused_parameter_is_reported(tmp_path, known):
    path = write_query(tmp_path, "# param: company (literal) — a name\nSELECT ?x WHERE { ?x ?p ?o }\n")
    with pytest.raises(QueryError, match="declares parameter company but never uses"):
        run_query(known, path, {"company": "x"})


def test_query_params_bad_declaration_is_reported(tmp_path):
    path = write_query(tmp_path, "# param: company (text) — a name\nSELECT ?company WHERE { }\n")
    with pytest.raises(QueryError, match=r":1: unknown parameter type 'text'"):
        load_query(path)


@pytest.mark.parametrize(("ptype", "value", "expected"), [
    ("iri", "kgr:org/openai", URIRef("https://w3id.org/aikg/id/org/openai")),
    ("iri", "<https://w3id.org/aikg/id/org/openai>", URIRef("https://w3id.org/aikg/id/org/openai")),
    ("date", "2025-03-01", Literal("2025-03-01", datatype=rdflib.XSD.date)),
    ("integer", " 7 ", Literal(7)),
    ("boolean", "yes", Literal(True)),
])
def test_query_params_typed_values_become_terms(ptype, value, expected):
    spec = parse_header("t", FIXTURE, f"# param: v ({ptype}) — x\nSELECT ?v WHERE {{ }}\n")
    rows = run_query(ox.Store(), spec, {"v": value}).rows
    assert rows == [(expected,)]


def test_query_params_iri_with_spaces_is_refused():
    spec = parse_header("t", FIXTURE, "# param: v (iri) — x\nSELECT ?v WHERE { }\n")
    with pytest.raises(QueryError, match="not an absolute IRI"):
        run_query(ox.Store(), spec, {"v": "http://a b> } DROP ALL"})


# --- sources and formats --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["trig", "nquads", "json-ld"])
def test_query_params_data_files_answer_like_the_store(tmp_path, known, fmt):
    ds = rdflib.Dataset()
    ds.parse(FIXTURE, format="trig")
    suffix = {"trig": ".trig", "nquads": ".nq", "json-ld": ".jsonld"}[fmt]
    path = tmp_path / f"graph{suffix}"
    ds.serialize(path, format=fmt)
    want = run_query(known, "company-timeline", {"company": "OpenAI"}).rows
    assert run_query(path, "company-timeline", {"company": "OpenAI"}).rows == want


def test_query_params_build_folder_prefers_the_store(tmp_path, known):
    out = tmp_path / "exports"
    (out / ".kg").mkdir(parents=True)
    shutil.copy(FIXTURE, out / "graph.trig")
    from_file = run_query(out, "products-by-company", {"company": "OpenAI"}).rows
    ds = rdflib.Dataset()
    ds.parse(FIXTURE, format="trig")
    store = open_store(out / ".kg" / "store")
    replace_graphs(store, ds)
    del store
    assert run_query(out, "products-by-company", {"company": "OpenAI"}).rows == from_file
    open_store_read_only(out / ".kg" / "store")  # the query left it readable


def test_query_params_missing_data_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="run `kg build` first"):
        run_query(tmp_path / "nowhere", "products-by-company", {"company": "x"})


def test_query_params_csv_tsv_and_json_formats_round_trip(known):
    result = run_query(known, "deals-by-amount", {"currency": "usd"})
    rows = list(csv.reader(io.StringIO(to_csv(result))))
    assert rows[0] == result.vars and len(rows) == len(result) + 1
    assert rows[1][0] == "Amazon invests in Anthropic"
    tsv = to_csv(result, "\t").splitlines()
    assert tsv[0].split("\t")[0] == "?label"
    assert tsv[1].split("\t")[2] == '"4000000000"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    data = json.loads(to_json_results(result))
    assert data["head"]["vars"] == result.vars
    assert data["results"]["bindings"][0]["event"]["type"] == "uri"


# --- the command line ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def app():
    from kg.cli import get_app

    return get_app()


def test_query_cli_lists_every_query(runner, app):
    from kg.query import list_queries

    result = runner.invoke(app, ["query", "--list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for spec in list_queries():
        assert spec.name in result.output


def test_query_cli_runs_a_query_as_a_table_and_as_json(runner, app):
    args = ["query", "products-by-company", "--param", "company=openai", "--data", str(FIXTURE)]
    table = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert "GPT-5" in table.output and "kgr:product/sora" in table.output
    as_json = runner.invoke(app, [*args, "--format", "json"])
    assert as_json.exit_code == 0
    labels = [b["productLabel"]["value"] for b in json.loads(as_json.stdout)["results"]["bindings"]]
    assert labels == ["ChatGPT", "GPT-5", "Sora"]


@pytest.mark.parametrize(("args", "message"), [
    (["query", "products-by-compny"], "did you mean products-by-company"),
    (["query", "products-by-company"], "missing parameter company"),
    (["query", "products-by-company", "-p", "company"], "write it as name=value"),
    (["query", "products-by-company", "-p", "company=x", "--format", "xml"], "--format 'xml'"),
])
def test_query_cli_errors_exit_2_with_a_message(runner, app, args, message):
    result = runner.invoke(app, [*args, "--data", str(FIXTURE)], env={"COLUMNS": "300"})
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
