"""Determinism and idempotency of `kg build`: the same input gives the same bytes, however it got there.

A build in another process, an incremental build (documents added, changed, moved or removed in an
existing output folder) and two extraction shards merged by `kg assemble` all give exports
byte-identical to one fresh build of the same input, and the embedded store holds exactly what the
exports hold. Only new or changed documents go through the model.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import get_app
from kg.namespace import KG
from kg.pipeline import BuildReport, build
from tests.conftest import ROOT

CORPUS = ROOT / "corpus"
RDF_EXPORTS = ("graph.ttl", "graph.trig", "graph.jsonld")
EXPORTS = (*RDF_EXPORTS, "graph.html")

# Written for these tests; invented companies and people.
EXTRA = {
    "tidewater.txt": (
        "Tidewater Energy signs a cloud deal with Amazon\n\n"
        "Tidewater Energy signed a five-year agreement with Amazon Web Services on Monday to move its "
        "grid forecasting models to the cloud. Tidewater chief technology officer Ana Silva led the talks.\n"
    ),
    "kestrel.txt": (
        "Kestrel AI launches a coding assistant\n\n"
        "Kestrel AI launched Kestrel Code, an assistant for software developers, on Thursday. The Paris "
        "startup said Kestrel Code competes with GitHub Copilot.\n"
    ),
    "meridian.txt": (
        "Meridian Bank invests in a fraud detection startup\n\n"
        "Meridian Bank invested $15 million in Sentinel Labs, a fraud detection company in Dublin. "
        "Sentinel Labs chief executive Owen Burke said the funds will double the research team.\n"
    ),
}

runner = CliRunner()


def corpus_files() -> list[str]:
    files = [str(p) for p in sorted(CORPUS.iterdir())
             if p.is_file() and not p.name.startswith((".", "README"))] if CORPUS.is_dir() else []
    if len(files) < 2:
        pytest.skip(f"{CORPUS} holds fewer than two sample files")
    return files


def write_docs(folder: Path, docs: dict[str, str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in sorted(docs)]


def exports(out: Path, names: tuple[str, ...] = EXPORTS) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in names}


def dataset(out: Path) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    return ds


def union(out: Path) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o, _ in dataset(out).quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def graph_names(out: Path) -> set[str]:
    return {str(g.identifier) for g in dataset(out).graphs() if len(g)}


def store_quads(out: Path) -> set[str]:
    store = ox.Store(str(out / ".kg" / "store"))
    # The store keeps a materialised union in its default graph; the named graphs are the data.
    quads = {str(q) for q in store if not isinstance(q.graph_name, ox.DefaultGraph)}
    del store
    return quads


def trig_quads(out: Path) -> set[str]:
    store = ox.Store()
    store.load(path=str(out / "graph.trig"), format=ox.RdfFormat.TRIG)
    return {str(q) for q in store}


def run_build(paths: list[str], out: Path, html: bool = True, store: bool = True) -> BuildReport:
    return build(paths, out, workers=1, html=html, store=store)


# --- the sample corpus, built three ways -----------------------------------------------------------


@dataclass(frozen=True)
class Builds:
    first: BuildReport  # the corpus alone, into `incremental`
    second: BuildReport  # then the corpus and EXTRA, into the same folder
    incremental: Path
    one_shot: Path  # the corpus and EXTRA, at once, into a fresh folder
    sharded: Path  # `kg extract` on two halves, then `kg assemble`


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory, extractor: object) -> Builds:
    root = tmp_path_factory.mktemp("incremental")
    files = corpus_files()
    extra = write_docs(root / "extra", EXTRA)
    first = run_build(files, root / "incremental")
    second = run_build(files + extra, root / "incremental")
    run_build(files + extra, root / "one-shot")
    half = len(files) // 2
    for n, part in enumerate((files[:half], files[half:] + extra), start=1):
        argv = ["extract", *part, "--out", str(root / f"shard{n}.jsonl"), "-j", "1"]
        result = runner.invoke(get_app(), argv)
        assert result.exit_code == 0, result.output
    result = runner.invoke(get_app(), ["assemble", str(root / "shard1.jsonl"), str(root / "shard2.jsonl"),
                                       "--out", str(root / "sharded")])
    assert result.exit_code == 0, result.output
    return Builds(first, second, root / "incremental", root / "one-shot", root / "sharded")


@pytest.mark.slow
def test_incremental_adding_three_documents_runs_the_model_on_those_three(builds: Builds) -> None:
    assert builds.first.extracted == builds.first.documents > 0
    assert builds.second.extracted == len(EXTRA)
    assert builds.second.cached == builds.first.documents
    assert builds.second.documents == builds.first.documents + len(EXTRA)
    assert not builds.second.unchanged


@pytest.mark.slow
def test_incremental_build_equals_a_one_shot_build(builds: Builds) -> None:
    assert isomorphic(union(builds.incremental), union(builds.one_shot))
    assert graph_names(builds.incremental) == graph_names(builds.one_shot)
    assert exports(builds.incremental) == exports(builds.one_shot)


@pytest.mark.slow
def test_incremental_two_shards_assemble_to_the_one_shot_graph(builds: Builds) -> None:
    assert isomorphic(union(builds.sharded), union(builds.one_shot))
    assert exports(builds.sharded) == exports(builds.one_shot)


@pytest.mark.slow
@pytest.mark.parametrize("which", ["incremental", "one_shot", "sharded"])
def test_incremental_store_holds_what_the_exports_hold(builds: Builds, which: str) -> None:
    out = getattr(builds, which)
    assert store_quads(out) == trig_quads(out)


# --- determinism across processes -------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_processes(tmp_path_factory: pytest.TempPathFactory, extractor: object) -> tuple[Path, Path]:
    """The same small input built in this process and in a `kg build` with another string hash seed."""
    root = tmp_path_factory.mktemp("processes")
    inputs = write_docs(root / "in", EXTRA)
    run_build(inputs, root / "here")
    env = {**os.environ, "PYTHONHASHSEED": "12345"}  # this process's seed is random
    main = "import sys; from kg.cli import main; main(sys.argv[1:])"  # `kg`, with this interpreter
    done = subprocess.run([sys.executable, "-c", main, "build", *inputs, "--out", str(root / "there"),
                           "-j", "1", "--quiet"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return root / "here", root / "there"


@pytest.mark.slow
def test_incremental_rdf_exports_are_byte_identical_across_processes(
    two_processes: tuple[Path, Path]
) -> None:
    here, there = two_processes
    assert exports(here, RDF_EXPORTS) == exports(there, RDF_EXPORTS)


@pytest.mark.slow
def test_incremental_html_is_byte_identical_across_processes(two_processes: tuple[Path, Path]) -> None:
    here, there = two_processes
    assert (here / "graph.html").read_bytes() == (there / "graph.html").read_bytes()


def test_incremental_unchanged_rebuild_rewrites_nothing(tmp_path: Path, extractor: object) -> None:
    inputs = write_docs(tmp_path / "in", EXTRA)
    out = tmp_path / "out"
    run_build(inputs, out)
    before = {name: (out / name).stat().st_mtime_ns for name in EXPORTS}
    again = run_build(inputs, out)
    assert again.unchanged and again.extracted == 0 and again.cached == len(EXTRA)
    assert {name: (out / name).stat().st_mtime_ns for name in EXPORTS} == before
    without_store = run_build(inputs, tmp_path / "bare", store=False)
    assert not (tmp_path / "bare" / ".kg" / "store").exists() and not without_store.unchanged
    with_store = run_build(inputs, tmp_path / "bare")  # same input, but now a store is wanted
    assert not with_store.unchanged and with_store.extracted == 0
    assert store_quads(tmp_path / "bare") == trig_quads(tmp_path / "bare")


# --- changed, moved and removed documents ----------------------------------------------------------

URL = "https://news.example/brightline"
V1 = ("Brightline Analytics raised $25 million from Accel on Monday. The Austin startup sells "
      "forecasting software to retailers.")
V2 = ("Oracle agreed to acquire Brightline Analytics for $300 million on Friday. Brightline chief "
      "executive Dana Reyes will join Oracle.")


def sentences_of(out: Path) -> set[str]:
    return {str(o) for _, _, o, _ in dataset(out).quads((None, KG.sentence, None, None))}


def test_incremental_changed_document_replaces_its_facts(tmp_path: Path, extractor: object) -> None:
    record = tmp_path / "in" / "brightline.json"
    record.parent.mkdir()
    others = write_docs(tmp_path / "others", {"kestrel.txt": EXTRA["kestrel.txt"]})
    inputs = [str(record), *others]
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    record.write_text(json.dumps({"title": "Brightline raises money", "url": URL, "text": V1}))
    run_build(inputs, out)
    old = {s for s in sentences_of(out) if s in V1}
    assert old, "the first version yields evidence, so that its disappearance means something"

    record.write_text(json.dumps({"title": "Oracle buys Brightline", "url": URL, "text": V2}))
    report = run_build(inputs, out)
    assert report.extracted == 1 and report.cached == 1
    assert not old & sentences_of(out), "the old version's evidence is gone"
    assert any(s in V2 for s in sentences_of(out))
    ds = dataset(out)
    assert len({s for s, _, _, _ in ds.quads((None, rdflib.RDF.type, KG.Document, None))}) == 2
    assert not {q for q in store_quads(out) if any(s in q for s in old)}, "and gone from the store too"
    assert store_quads(out) == trig_quads(out)
    run_build(inputs, fresh)
    assert exports(out) == exports(fresh)


def test_incremental_removed_document_loses_its_named_graph(tmp_path: Path, extractor: object) -> None:
    inputs = write_docs(tmp_path / "in", EXTRA)
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    run_build(inputs, out)
    before = graph_names(out)
    kept = [p for p in inputs if not p.endswith("meridian.txt")]
    report = run_build(kept, out)
    assert report.extracted == 0 and report.documents == len(kept)
    gone = before - graph_names(out)
    assert len([g for g in gone if "/graph/" in g]) == 1, gone
    assert not any("sentinel" in q.lower() for q in store_quads(out)), "its facts left the store too"
    assert store_quads(out) == trig_quads(out)
    run_build(kept, fresh)
    assert exports(out) == exports(fresh)


def test_incremental_rebuild_keeps_the_wikidata_links_in_store_and_exports(tmp_path: Path,
                                                                           extractor: object) -> None:
    from kg.link import links_graph, write_link_exports
    from kg.namespace import KGR_NS, LINKS_GRAPH
    from kg.store import open_store, replace_graphs

    inputs = write_docs(tmp_path / "in", {k: EXTRA[k] for k in ("kestrel.txt", "meridian.txt")})
    out = tmp_path / "out"
    run_build(inputs, out, html=False)
    # what `kg link` leaves behind: links in the store and in links.ttl, merged into the exports
    entity = next(str(s) for s in union(out).subjects(rdflib.RDF.type, None)
                  if str(s).startswith(KGR_NS + "org/"))
    links = links_graph({entity: "http://www.wikidata.org/entity/Q4242"})
    store = open_store(out / ".kg" / "store")
    replace_graphs(store, [links])
    del store
    write_link_exports(out, links)
    link = (rdflib.URIRef(entity), rdflib.OWL.sameAs, rdflib.URIRef("http://www.wikidata.org/entity/Q4242"))
    assert link in dataset(out).graph(rdflib.URIRef(LINKS_GRAPH))

    extra = write_docs(tmp_path / "more", {"tidewater.txt": EXTRA["tidewater.txt"]})
    report = run_build(inputs + extra, out, html=False)
    assert report.extracted == 1 and not report.unchanged
    assert link in dataset(out).graph(rdflib.URIRef(LINKS_GRAPH)), "the rebuilt exports kept the links"
    assert link in rdflib.Graph().parse(out / "graph.ttl")
    assert store_quads(out) == trig_quads(out), "store and exports agree, links included"


def test_incremental_records_moved_within_a_file_take_their_new_place(
    tmp_path: Path, extractor: object
) -> None:
    """A cached extraction gets this run's file and line, as a fresh build records them."""
    def line(name: str) -> str:
        title, _, text = EXTRA[name].partition("\n\n")
        return json.dumps({"title": title, "url": f"https://news.example/{name}", "text": text.strip()})

    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    feed.write_text(line("kestrel.txt") + "\n" + line("meridian.txt") + "\n", encoding="utf-8")
    run_build([str(feed)], out, html=False, store=False)
    feed.write_text("\n".join(line(n) for n in ("tidewater.txt", "kestrel.txt", "meridian.txt")) + "\n",
                    encoding="utf-8")  # a new record on top: the others move down a line
    report = run_build([str(feed)], out, html=False, store=False)
    assert report.extracted == 1 and report.cached == 2
    items = {str(o) for _, _, o, _ in dataset(out).quads((None, KG.sourceItem, None, None))}
    assert items == {"line 1", "line 2", "line 3"}
    run_build([str(feed)], fresh, html=False, store=False)
    assert exports(out, RDF_EXPORTS) == exports(fresh, RDF_EXPORTS)
