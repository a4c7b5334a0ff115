"""Faults during `kg build`: nothing lost, nothing half-written, nothing bad let through.

- A build killed with SIGKILL at any point leaves every export either its old or its new complete
  version, a store that opens, and a cache and manifest that a rerun completes from: the rerun's
  exports are byte-identical to a clean build's. The kill points are exact (a driver pauses the
  real `kg build` at a chosen step and the test kills it there) plus two kills of the plain `kg`
  console script, one after a seeded random delay and one as soon as the first export changes.
- Bad inputs (binary, empty, malformed JSON, a bad JSON Lines line) are skipped with their file and
  reason, the rest is built, and the exit code is 4.
- A fact that breaks the shapes goes to quarantine; `kg validate` reports it and exits 0.
"""

from __future__ import annotations

import importlib
import json
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from typer.testing import CliRunner

from kg.cli import get_app
from kg.errors import StoreError
from kg.model import EventRecord, Evidence, Extraction
from kg.namespace import KG, QUARANTINE_GRAPH
from kg.pipeline import build

EXPORTS = ("graph.ttl", "graph.trig", "graph.jsonld", "graph.html")
KG_SCRIPT = Path(sys.executable).with_name("kg")
WAIT_SECONDS = 180.0  # for a paused build to reach its kill point on a slow, busy CI machine

# Short news items written for these tests (invented companies and people).
OLD_DOCS = {
    "northwind.txt": (
        "Northwind Robotics raises $40 million from Sequoia Capital\n\n"
        "Northwind Robotics, a San Francisco startup, said on Monday that it raised $40 million in a "
        "round led by Sequoia Capital. Chief executive Maria Lopez said the money will pay for more "
        "engineers.\n"
    ),
    "sonnet.txt": (
        "Anthropic releases Claude Sonnet 5\n\n"
        "Anthropic released Claude Sonnet 5 on Tuesday, its newest large language model. The company "
        "said Claude Sonnet 5 is faster than earlier versions and competes with OpenAI's GPT-5.\n"
    ),
    "voxly.txt": (
        "Google acquires a small speech startup\n\n"
        "Google has acquired Voxly, a London speech recognition company, for an undisclosed sum. Voxly "
        "founder Tom Baker will join Google DeepMind as a research director.\n"
    ),
}
NEW_DOCS = {
    "harbor.txt": (
        "Harbor AI partners with Microsoft on chips\n\n"
        "Harbor AI announced a partnership with Microsoft on Wednesday to design inference chips for "
        "Azure data centres. Harbor AI chief executive Lena Park called it the largest deal in the "
        "company's history.\n"
    ),
    "quill.txt": (
        "Quill Labs shuts down its writing app\n\n"
        "Quill Labs is discontinuing its Quill Writer app at the end of March, the Berlin company said. "
        "Co-founder Jonas Weber said the team will focus on its enterprise product instead.\n"
    ),
}

# Runs `kg` (kg.cli.main) and pauses it for good at one step, after writing the marker file, so
# that the test can kill it exactly there. Points: "extract:N" after the N-th extraction is cached;
# "replace:NAME" just before a finished temporary file is renamed to NAME; "store:N" before the
# N-th write transaction of the embedded store (one named graph per transaction).
DRIVER = r"""
import os, sys, time
from pathlib import Path

point, marker, argv = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
kind, _, arg = point.partition(":")


def pause():
    marker.write_text(point, encoding="utf-8")
    while True:
        time.sleep(60)


if kind == "extract":
    import kg.pipeline

    put, done = kg.pipeline.ExtractionCache.put, [0]

    def counting_put(self, extraction, version):
        put(self, extraction, version)
        done[0] += 1
        if done[0] == int(arg):
            pause()

    kg.pipeline.ExtractionCache.put = counting_put
elif kind == "replace":
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if os.path.basename(os.fspath(dst)) == arg:
            pause()
        return real_replace(src, dst, *args, **kwargs)

    os.replace = replace
elif kind == "store":
    import kg.store

    kg.store.replace_graphs.__kwdefaults__["batch_quads"] = 1
    calls = [0]
    for name in ("_load_batch", "_update_batch"):
        def wrapped(*args, _real=getattr(kg.store, name), **kwargs):
            calls[0] += 1
            if calls[0] == int(arg):
                pause()
            return _real(*args, **kwargs)

        setattr(kg.store, name, wrapped)

from kg.cli import main

main(argv)
"""


def write_docs(folder: Path, docs: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# kg/viz.py's layout depends on the interpreter's string hash seed (node order of a networkx
# subgraph), so graph.html made in another process differs in its node coordinates only; the
# comparison leaves them out until that is fixed (test_incremental checks html across processes).
_COORDS = re.compile(rb'"([xy])":-?[0-9.e+-]+')


def export_bytes(out: Path) -> dict[str, bytes]:
    found = {name: (out / name).read_bytes() for name in EXPORTS if (out / name).exists()}
    if "graph.html" in found:
        found["graph.html"] = _COORDS.sub(rb'"\1":0', found["graph.html"])
    return found


def manifest_docs(out: Path) -> list[Any] | None:
    """The documents the manifest says the exports were built from (None when there is no manifest)."""
    path = out / ".kg" / "manifest.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["fingerprint"][1:]


def store_quads(out: Path) -> set[str]:
    store = ox.Store(str(out / ".kg" / "store"))  # opens only if a killed writer left it consistent
    # The store keeps a materialised union in its default graph; the named graphs are the data.
    quads = {str(q) for q in store if not isinstance(q.graph_name, ox.DefaultGraph)}
    del store
    return quads


def trig_quads(path: Path) -> set[str]:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TRIG)
    return {str(q) for q in store}


def leftovers(out: Path) -> list[str]:
    """Temporary files of the exports, the manifest or the cache (the store's own files aside)."""
    found = []
    for path in out.rglob("*"):
        rel = path.relative_to(out)
        if rel.parts[:2] == (".kg", "store") or not path.is_file():
            continue
        if path.name.startswith((".graph.", ".manifest.json.")) or path.name.endswith(".tmp"):
            found.append(str(rel))
    return sorted(found)


@dataclass(frozen=True)
class Refs:
    """Two complete builds: `old` (OLD_DOCS) and `new` (OLD_DOCS + NEW_DOCS, one more folder)."""

    old_inputs: list[str]
    new_inputs: list[str]
    old_dir: Path
    old: dict[str, bytes]
    new: dict[str, bytes]
    old_manifest: list[Any]
    new_manifest: list[Any]


@pytest.fixture(scope="module")
def refs(tmp_path_factory: pytest.TempPathFactory, extractor: object) -> Refs:
    root = tmp_path_factory.mktemp("crash")
    old_inputs = [str(write_docs(root / "in-old", OLD_DOCS))]
    new_inputs = old_inputs + [str(write_docs(root / "in-new", NEW_DOCS))]
    for inputs, name in ((old_inputs, "ref-old"), (new_inputs, "ref-new")):
        report = build(inputs, root / name, workers=1, html=True, store=True)
        assert not report.skipped and report.events > 0 and report.relations > 0, report
    old, new = export_bytes(root / "ref-old"), export_bytes(root / "ref-new")
    assert set(old) == set(new) == set(EXPORTS)
    for name in EXPORTS:
        assert old[name] != new[name], f"{name}: the two versions must differ for the test to mean anything"
    for ref in ("ref-old", "ref-new"):  # the known versions are themselves complete RDF
        rdflib.Graph().parse(root / ref / "graph.ttl", format="turtle")
        rdflib.Dataset().parse(root / ref / "graph.trig", format="trig")
        rdflib.Dataset().parse(root / ref / "graph.jsonld", format="json-ld")
    old_manifest, new_manifest = manifest_docs(root / "ref-old"), manifest_docs(root / "ref-new")
    assert old_manifest is not None and new_manifest is not None
    return Refs(old_inputs, new_inputs, root / "ref-old", old, new, old_manifest, new_manifest)


def kill_at(point: str, argv: list[str], work: Path, while_paused: Callable[[], None] | None = None) -> None:
    """Run `kg ARGV` through the driver until it reaches `point`, call `while_paused`, then SIGKILL it."""
    marker, log = work.parent / f"{work.name}.reached", work.parent / f"{work.name}.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen([sys.executable, "-c", DRIVER, point, str(marker), *argv],
                                stdout=sink, stderr=subprocess.STDOUT, cwd=work.parent)
    try:
        deadline = time.monotonic() + WAIT_SECONDS
        while not marker.exists():
            if proc.poll() is not None:
                pytest.fail(f"kg exited ({proc.returncode}) before reaching {point}:\n"
                            + log.read_text(encoding="utf-8", errors="replace")[-3000:])
            if time.monotonic() > deadline:
                pytest.fail(f"kg did not reach {point} within {WAIT_SECONDS:.0f} s")
            time.sleep(0.02)
        if while_paused is not None:
            while_paused()
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the build must die by the kill, not finish"


def cache_entries(work: Path) -> int:
    return sum(1 for _ in (work / ".kg" / "extractions").glob("??/*.json"))


def kill_script(argv: list[str], work: Path, when: str, seed: int) -> int | None:
    """Run the plain `kg` console script and SIGKILL it: a seeded random delay after its first
    extraction is cached ("delay"), or as soon as an export of `work` starts to change ("export").
    Returns its exit code if it finished first (None when killed)."""
    watched = work / "graph.ttl"
    inode, cached = watched.stat().st_ino, cache_entries(work)
    delay = random.Random(seed).uniform(0.0, 0.8)  # extraction to manifest takes about that long here
    extracting: float | None = None
    log = work.parent / f"{work.name}.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen([str(KG_SCRIPT), *argv], stdout=sink, stderr=subprocess.STDOUT,
                                cwd=work.parent)
    start = time.monotonic()
    try:
        while proc.poll() is None:
            now = time.monotonic()
            if now - start > WAIT_SECONDS:
                pytest.fail(f"kg build did not finish within {WAIT_SECONDS:.0f} s")
            if when == "delay" and extracting is None and cache_entries(work) > cached:
                extracting = now
            if extracting is not None and now - extracting >= delay:
                break
            if when == "export" and (watched.stat().st_ino != inode
                                     or any(p.name.startswith(".graph.") for p in work.iterdir())):
                break
            time.sleep(0.002 if when == "export" else 0.02)
    finally:
        finished = proc.poll()
        if finished is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    return finished


def assert_whole(work: Path, refs: Refs) -> dict[str, str]:
    """Every export is the old or the new complete file; a manifest never claims what is not there."""
    versions: dict[str, str] = {}
    current = export_bytes(work)
    for name in EXPORTS:
        data = current[name]  # the old build had all four: none may go missing
        if data == refs.old[name]:
            versions[name] = "old"
        elif data == refs.new[name]:
            versions[name] = "new"
        else:
            pytest.fail(f"{name} is neither the old nor the new complete version ({len(data)} bytes)")
    claimed = manifest_docs(work)
    if claimed == refs.old_manifest:
        assert set(versions.values()) == {"old"}, f"the manifest claims the old build but {versions}"
    elif claimed == refs.new_manifest:
        assert set(versions.values()) == {"new"}, f"the manifest claims the new build but {versions}"
    else:
        assert claimed is None, "the manifest claims neither known build"
    store_quads(work)  # the store a killed build leaves behind still opens
    return versions


def assert_rerun(work: Path, inputs: list[str], expected: dict[str, bytes], extracted: int) -> None:
    """A rerun completes what the kill interrupted, from the cache, and equals a clean build."""
    report = build(inputs, work, workers=1, html=True, store=True)
    assert report.extracted == extracted, f"re-extracted {report.extracted}, expected {extracted}"
    assert export_bytes(work) == expected
    assert leftovers(work) == []
    assert store_quads(work) == trig_quads(work / "graph.trig")
    again = build(inputs, work, workers=1, html=True, store=True)
    assert again.unchanged and again.extracted == 0


def fresh_copy(refs: Refs, work: Path) -> Path:
    shutil.copytree(refs.old_dir, work)
    return work


# point, the versions of (ttl, trig, jsonld, html) it leaves, rerun with "old" or "new", extractions
# the rerun still needs (the old build cached OLD_DOCS; the new input adds two documents).
KILL_POINTS = [
    ("extract:1", "old old old old", "new", 1),
    ("replace:graph.ttl", "old old old old", "new", 0),
    ("replace:graph.trig", "new old old old", "old", 0),  # rerun with the old input: all old again
    ("replace:graph.html", "new new new old", "new", 0),
    ("store:2", "new new new new", "new", 0),
    ("replace:manifest.json", "new new new new", "new", 0),
]


@pytest.mark.slow
@pytest.mark.parametrize("point,left,rerun,extracted", KILL_POINTS, ids=[p[0] for p in KILL_POINTS])
def test_faults_kill_at_each_step_leaves_whole_files_and_a_rerun_completes(
    refs: Refs, tmp_path: Path, point: str, left: str, rerun: str, extracted: int
) -> None:
    store_module = importlib.import_module("kg.store")
    writers = ("_load_batch", "_update_batch")
    if point.startswith("store:") and not all(hasattr(store_module, n) for n in writers):
        pytest.skip("kg.store no longer has the batch writers the driver pauses in")
    work = fresh_copy(refs, tmp_path / "out")

    def second_build() -> None:  # while one build writes into a folder, another is turned away
        with pytest.raises(StoreError, match="another kg build"):
            build(refs.new_inputs, work, workers=1, html=True, store=True)

    kill_at(point, ["build", *refs.new_inputs, "--out", str(work), "-j", "1", "--quiet"], work,
            second_build if point.startswith("extract:") else None)
    versions = assert_whole(work, refs)
    assert " ".join(versions[n] for n in EXPORTS) == left
    if point.startswith("replace:graph."):
        assert leftovers(work), "the kill point is after the temporary file is complete"
    inputs, expected = (refs.new_inputs, refs.new) if rerun == "new" else (refs.old_inputs, refs.old)
    assert_rerun(work, inputs, expected, extracted)


@pytest.mark.slow
@pytest.mark.skipif(not KG_SCRIPT.exists(), reason="no `kg` console script beside the interpreter")
@pytest.mark.parametrize("when,seed", [("delay", 7), ("export", 0)])
def test_faults_kill_of_the_kg_script_at_a_random_moment(
    refs: Refs, tmp_path: Path, when: str, seed: int
) -> None:
    work = fresh_copy(refs, tmp_path / "out")
    finished = kill_script(["build", *refs.new_inputs, "--out", str(work), "-j", "1", "--quiet"],
                           work, when, seed)
    assert finished in (None, 0)
    versions = assert_whole(work, refs)
    if finished == 0:
        assert set(versions.values()) == {"new"}
    assert_rerun(work, refs.new_inputs, refs.new, len(OLD_DOCS) + len(NEW_DOCS) - cache_entries(work))


# --- partial success ----------------------------------------------------------------------------

runner = CliRunner()

GOOD_TEXTS = {
    "good-1.txt": OLD_DOCS["northwind.txt"],
    "good-2.txt": OLD_DOCS["voxly.txt"],
}
GOOD_LINES = [
    {"title": "Lumen Health buys a scheduling startup", "url": "https://news.example/lumen",
     "text": "Lumen Health acquired Calendra, a scheduling software company based in Toronto, for "
             "$12 million. Calendra chief executive Priya Nair will stay on."},
    {"title": "Orbit Cloud opens an office in Nairobi", "url": "https://news.example/orbit",
     "text": "Orbit Cloud opened an engineering office in Nairobi on Thursday. The company said it "
             "plans to hire fifty people there this year."},
]


def bad_inputs(folder: Path) -> dict[str, str]:
    """Good files plus bad ones; returns file name -> a word its skip reason must contain."""
    write_docs(folder, GOOD_TEXTS)
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.json").write_text('{"title": "Half a record", "text": "It stops', encoding="utf-8")
    lines = [json.dumps(GOOD_LINES[0]), '{"title": "cut off", "text": ', json.dumps(GOOD_LINES[1])]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"blob.bin": "binary", "empty.txt": "empty", "broken.json": "json", "mixed.jsonl:line 2": "json"}


def documents_in(trig: Path) -> set[str]:
    ds = rdflib.Dataset()
    ds.parse(trig, format="trig")
    return {str(s) for s, _, _, _ in ds.quads((None, rdflib.RDF.type, KG.Document, None))}


def test_faults_bad_inputs_are_skipped_with_reasons_and_the_rest_is_built(
    tmp_path: Path, extractor: object
) -> None:
    expected = bad_inputs(tmp_path / "in")
    out = tmp_path / "out"
    argv = ["build", str(tmp_path / "in"), "--out", str(out), "--no-html", "--quiet"]
    result = runner.invoke(get_app(), argv)
    assert result.exit_code == 4, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == len(expected), result.stderr
    for where, word in expected.items():
        line = next((x for x in skipped if f"{tmp_path / 'in' / where}:" in x), None)
        assert line is not None, f"{where} is not reported: {result.stderr}"
        assert word in line.lower(), line
    assert "blob.bin" not in result.stdout, "the reasons go to stderr, the summary to stdout"
    assert len(documents_in(out / "graph.trig")) == len(GOOD_TEXTS) + len(GOOD_LINES)


# --- the validation gate ------------------------------------------------------------------------


class BadConfidence:
    """The real extractor, except that each document also reports an event with confidence 1.7."""

    def __init__(self, real: Any) -> None:
        self.real, self.version = real, real.version + " +bad-confidence"

    def extract_many(self, docs: Iterable[Any], batch_size: int = 32,
                     n_process: int = 1) -> Iterator[Extraction]:
        for ex in self.real.extract_many(docs, batch_size=batch_size, n_process=n_process):
            orgs = [e.key for e in ex.entities if e.kind == "Organization"]
            first = ex.entities[0].mentions[0]
            bad = EventRecord(
                type="Investment", participants=(("investor", orgs[-1]), ("recipient", orgs[0])),
                evidence=Evidence(ex.doc.id, "A sentence that never was.", first.start, first.end),
                confidence=1.7, rule="test.impossible.confidence.v1", trigger="invested")
            yield replace(ex, events=(*ex.events, bad))


def test_faults_a_fact_breaking_the_shapes_is_quarantined_and_validate_passes(
    tmp_path: Path, extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.extract

    monkeypatch.setattr(kg.extract, "load_extractor", lambda model=None: BadConfidence(extractor))
    inputs = write_docs(tmp_path / "in", {"voxly.txt": OLD_DOCS["voxly.txt"]})
    out = tmp_path / "out"
    report = build([str(inputs)], out, workers=1, html=False, store=False)
    assert report.quarantined >= 1

    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    held = ds.graph(rdflib.URIRef(QUARANTINE_GRAPH))
    main = rdflib.Graph()
    for g in ds.graphs():
        if g.identifier != held.identifier:
            main += g
    bad = rdflib.Literal("1.7", datatype=rdflib.XSD.decimal)
    assert (None, KG.confidence, bad) in held and (None, KG.confidence, bad) not in main
    held_nodes = set(held.subjects(KG.quarantineReason, None))
    assert held_nodes, "every held node says why"
    assert len(set(main.subjects(rdflib.RDF.type, KG.Document))) == 1, "the document itself stays"
    assert not any(isinstance(n, rdflib.URIRef) and (n, None, None) in main
                   for n in held_nodes), "nothing of a held node stays in the main graph"

    result = runner.invoke(get_app(), ["validate", "--data", str(out)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout
    for node in held_nodes:
        assert f"quarantined {node}" in result.stdout
