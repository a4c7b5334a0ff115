"""Scale benchmark of `kg build`: extraction speed against plain spaCy, memory, rebuilds, graph-side
cost per document and SPARQL latency, printed in one run. benchmarks/README.md explains each figure.

    python benchmarks/bench.py                  # the whole corpus (make bench)
    python benchmarks/bench.py --limit 200      # a quick run on the first 200 articles

Every measured step runs in a child process (this script again: `_child TASK SPEC`), so its memory is
its own and each rebuild starts cold, as `kg build` does. All steps import one snapshot of kg/ (with
ontology/ and queries/) copied into the scratch folder, so edits to the working tree during a run
neither change what is measured nor invalidate the extraction cache between steps.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import importlib
import importlib.metadata
import json
import math
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "ai-tech-news-2023" / "articles.jsonl"
SNAPSHOT = ("kg", "ontology", "queries")
GRAPH_STAGES = ("resolve", "graph", "validate", "export", "html", "store")
DEFAULT_SIZES = (100, 500, 1000)
NEW_DOCS = 10
MARKER = ".kg-bench"  # marks a scratch folder this script made, so it never clears anyone else's
SAMPLE_SECONDS = 0.2
GIB = 1024**3

say = functools.partial(print, flush=True)


# --- the children: what runs in a measured process -------------------------------------------
def plain_spacy(corpus: str, model: str | None, workers: int, batch_size: int) -> dict[str, Any]:
    """Plain spaCy (its full default pipeline) over the texts `kg build` gives its model."""
    import spacy

    from kg.extract.context import DocContext
    from kg.extract.pipeline import _pick_model
    from kg.model import Skipped
    from kg.sources import read_sources

    name = _pick_model(model)
    nlp = spacy.load(name)
    counts = {"documents": 0, "words": 0}

    def texts() -> Iterator[str]:
        seen: set[str] = set()
        for item in read_sources([corpus]):
            if isinstance(item, Skipped) or item.id in seen:  # kg skips these too
                continue
            seen.add(item.id)
            counts["documents"] += 1
            counts["words"] += len(item.text.split())  # as DocumentInfo.words counts them
            yield DocContext.from_document(item).processed_text[: nlp.max_length]

    start = time.perf_counter()
    for _ in nlp.pipe(texts(), batch_size=batch_size, n_process=workers):
        pass
    return {**counts, "seconds": time.perf_counter() - start, "model": name,
            "model_version": nlp.meta.get("version", "?"), "pipes": nlp.pipe_names}


def kg_builds(runs: list[dict[str, str]], model: str | None, workers: int, batch_size: int) -> dict[str, Any]:
    """`kg.pipeline.build` of each run ({"corpus", "out"}, optionally "cache" and "remove") in turn."""
    from kg.pipeline import build

    reports = []
    for run in runs:
        out = Path(run["out"])
        if run.get("cache"):  # share a finished build's extractions, so the model does not run again
            (out / ".kg").mkdir(parents=True, exist_ok=True)
            (out / ".kg" / "extractions").symlink_to(Path(run["cache"]).resolve(), target_is_directory=True)
        report = build([run["corpus"]], out, model=model, workers=workers, batch_size=batch_size)
        record = dataclasses.asdict(report)
        record["skipped"] = len(report.skipped)
        reports.append(record)
        if run.get("remove"):
            shutil.rmtree(out)
    return {"reports": reports}


def child_main(task: str, spec: str) -> int:
    if task == "sparql":  # benchmarks/bench_sparql.py prints its own table
        import bench_sparql  # type: ignore[import-not-found]  # beside this file, on sys.path[0]

        return int(bench_sparql.main(json.loads(spec)) or 0)
    tasks: dict[str, Callable[..., dict[str, Any]]] = {"spacy": plain_spacy, "build": kg_builds}
    result = tasks[task](**json.loads(spec))
    result["maxrss_self"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result["maxrss_children"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(json.dumps(result))
    return 0


# --- the parent: run children and watch their memory ---------------------------------------
@dataclass
class ChildRun:
    result: dict[str, Any]
    wall: float
    peak_pss: int  # bytes, summed over the process tree, sampled
    peak_rss: int
    pss_by_time: list[tuple[float, int]]  # (seconds since start, PSS) of every sample

    def peak_pss_by_quarter(self) -> list[int]:
        """The peak PSS of each quarter of the run's time: whether memory keeps growing."""
        peaks = [0] * 4
        for t, pss in self.pss_by_time:
            q = min(3, int(4 * t / self.wall))
            peaks[q] = max(peaks[q], pss)
        return peaks

    @property
    def max_process_rss(self) -> int:
        """The largest single process of the tree (exact: the kernel's high-water mark)."""
        return max(self.result["maxrss_self"], self.result["maxrss_children"])

    @property
    def report(self) -> dict[str, Any]:
        return self.result["reports"][0]


def tree_memory(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in bytes summed over `pid` and its descendants; processes that just ended count 0."""
    pss = rss = 0
    stack = [pid]
    while stack:
        proc = Path("/proc") / str(stack.pop())
        try:
            for line in (proc / "smaps_rollup").read_text().splitlines():
                key, _, value = line.partition(":")
                if key == "Pss":
                    pss += int(value.split()[0]) * 1024
                elif key == "Rss":
                    rss += int(value.split()[0]) * 1024
            for children in proc.glob("task/*/children"):
                stack.extend(int(c) for c in children.read_text().split())
        except (OSError, ValueError):
            continue
    return pss, rss


def child_command(task: str, spec: Any) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "_child", task, json.dumps(spec)]


def run_child(env: dict[str, str], task: str, label: str, **spec: Any) -> ChildRun:
    """Run `task` in a child process, sampling the memory of its process tree until it ends."""
    tty = sys.stderr.isatty()
    peak_pss = peak_rss = 0
    samples: list[tuple[float, int]] = []
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as errors:
        proc = subprocess.Popen(child_command(task, spec), stdout=subprocess.PIPE, stderr=errors, text=True,
                                env=env)
        while proc.poll() is None:
            pss, rss = tree_memory(proc.pid)
            peak_pss, peak_rss = max(peak_pss, pss), max(peak_rss, rss)
            samples.append((time.perf_counter() - start, pss))
            if tty:
                print(f"\r  {label}: {time.perf_counter() - start:6.0f} s, {pss / GIB:5.2f} GiB ",
                      end="", file=sys.stderr, flush=True)
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - start
        if tty:
            print("\r" + " " * 60 + "\r", end="", file=sys.stderr, flush=True)
        stdout = proc.stdout.read() if proc.stdout else ""
        if proc.returncode != 0:
            errors.seek(0)
            tail = "".join(errors.readlines()[-25:])
            raise SystemExit(f"{label} failed (exit {proc.returncode}):\n{tail}")
    return ChildRun(json.loads(stdout.strip().splitlines()[-1]), wall, peak_pss, peak_rss, samples)


# --- files ----------------------------------------------------------------------------------------
def records(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", errors="surrogateescape") as fh:
        yield from (line for line in fh if line.strip())


def write_head(source: Path, target: Path, n: int) -> Path:
    """The first `n` records (non-blank lines) of a JSON Lines file, streamed into `target`."""
    with target.open("w", encoding="utf-8", errors="surrogateescape") as fh:
        for i, line in enumerate(records(source)):
            if i == n:
                break
            fh.write(line if line.endswith("\n") else line + "\n")
    return target


def corpus_words(corpus: Path) -> int:
    """Words of every document of the corpus, counted as in step 1 (read, never held)."""
    from kg.model import Skipped
    from kg.sources import read_sources

    seen: set[str] = set()
    words = 0
    for item in read_sources([corpus]):
        if not isinstance(item, Skipped) and item.id not in seen:
            seen.add(item.id)
            words += len(item.text.split())
    return words


def scratch(out: Path | None) -> tuple[Path, bool]:
    """The scratch folder, emptied; a temporary one (removed at the end) when none is given."""
    if out is None:
        return Path(tempfile.mkdtemp(prefix="kg-bench-")), True
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SystemExit(f"{out}: not empty and not a kg-bench scratch folder; give a new or empty --out")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).touch()
    return out, False


def snapshot(out: Path) -> Path:
    """Copy kg/, ontology/ and queries/ into `out/src` and import kg from there from now on."""
    src = out / "src"
    for name in SNAPSHOT:
        shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(src))
    return src


# --- printing -------------------------------------------------------------------------------------
def machine_lines(model: str) -> list[str]:
    cpu = next((line.partition(":")[2].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    meminfo = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
    mem = int(meminfo["MemTotal"].split()[0]) * 1024

    def version(dist: str) -> str:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            return "?"

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return [
        f"cpu: {cpu}; {os.cpu_count()} cores, {len(os.sched_getaffinity(0))} available; load {load}",
        f"memory: {mem / GIB:.1f} GiB; Python {platform.python_version()}; "
        f"spaCy {version('spacy')}; model {model} {version(model)}",
    ]


def gib(n: int) -> str:
    return f"{n / GIB:.2f} GiB"


def graph_seconds(rep: dict[str, Any]) -> float:
    return sum(rep["stage_seconds"].get(s, 0.0) for s in GRAPH_STAGES)


def stage_table(reports: list[dict[str, Any]]) -> list[str]:
    cols = " ".join(f"{s:>8}" for s in GRAPH_STAGES)
    lines = [f"  {'docs':>6} {'nodes':>6} {'triples':>8} {cols} {'ms/doc':>8} {'total s':>8}",
             f"  {'':22} (milliseconds per document, each stage)"]
    for rep in reports:
        docs = max(rep["documents"], 1)
        cells = " ".join(f"{rep['stage_seconds'].get(s, 0.0) * 1000 / docs:8.1f}" for s in GRAPH_STAGES)
        total = graph_seconds(rep)
        lines.append(f"  {docs:>6} {graph_nodes(rep):>6} {rep['triples']:>8} {cells} "
                     f"{total * 1000 / docs:8.1f} {total:8.1f}")
        if rep["extracted"]:
            lines.append(f"  ({rep['extracted']} documents went through the model: the cache missed)")
    return lines


# --- the estimate of a full run --------------------------------------------------------------------
def graph_nodes(rep: dict[str, Any]) -> int:
    """Entities and events: the nodes of the network graph.html lays out."""
    return int(sum(rep["entities_by_type"].values()) + rep["events"])


@dataclass
class PowerLaw:
    """seconds = y * (x / x0) ** exponent, fitted by least squares on logarithms (exponent at least 1)."""

    x0: float = 1.0
    y: float = 0.0
    exponent: float = 1.0

    @classmethod
    def fit(cls, points: list[tuple[float, float]]) -> PowerLaw:
        points = [(x, y) for x, y in points if x > 0 and y > 0]
        if not points:
            return cls()
        logs = [(math.log(x), math.log(y)) for x, y in points]
        mx, my = (sum(v) / len(logs) for v in zip(*logs, strict=True))
        spread = sum((x - mx) ** 2 for x, _ in logs)
        slope = sum((x - mx) * (y - my) for x, y in logs) / spread if spread else 1.0
        x0, y = points[-1]
        return cls(x0, y, max(1.0, slope))

    def at(self, x: float) -> float:
        return self.y * (x / self.x0) ** self.exponent


@dataclass
class Scaling:
    """How each kind of work grows from this run's n documents to the whole corpus."""

    n: int
    total: int
    node_cap: int | None = None  # graph.html lays out at most this many nodes (kg.viz.EMBED_LIMIT)
    words_ratio: float = 1.0  # words of the whole corpus / words of this run's base documents
    other: PowerLaw = dataclasses.field(default_factory=PowerLaw)  # graph side but html, ~ documents
    html: PowerLaw = dataclasses.field(default_factory=PowerLaw)  # html, ~ graph nodes
    nodes_per_doc: float = 0.0

    def linear(self, seconds: float) -> float:
        return seconds * self.total / self.n

    def by_words(self, seconds: float) -> float:
        """Extraction work, which grows with words (articles further in a corpus may be longer)."""
        return seconds * self.words_ratio

    def graph(self, docs: int) -> float:
        """Graph-side seconds at `docs` documents; nodes grow at most linearly, up to the page's cap."""
        nodes = self.nodes_per_doc * docs
        if self.node_cap:
            nodes = min(nodes, self.node_cap)
        return self.other.at(docs) + self.html.at(nodes)

    def fit(self, reports: list[dict[str, Any]]) -> None:
        self.other = PowerLaw.fit([(r["documents"], graph_seconds(r) - r["stage_seconds"].get("html", 0.0))
                                   for r in reports])
        self.html = PowerLaw.fit([(graph_nodes(r), r["stage_seconds"].get("html", 0.0)) for r in reports])
        last = reports[-1]
        self.nodes_per_doc = graph_nodes(last) / max(last["documents"], 1)


# --- the benchmark -----------------------------------------------------------------------------
@dataclass
class Bench:
    args: argparse.Namespace
    out: Path
    env: dict[str, str]
    n: int
    total: int
    # (phase, its duration on the whole corpus), computed at the end when the scaling is known
    estimate: list[tuple[str, Callable[[], float]]] = dataclasses.field(default_factory=list)

    @property
    def build_dir(self) -> Path:
        return self.out / "build"

    def child(self, task: str, label: str, **spec: Any) -> ChildRun:
        common = {"model": self.args.model, "workers": self.args.workers, "batch_size": self.args.batch_size}
        return run_child(self.env, task, label, **common, **spec)

    def build(self, label: str, corpus: Path) -> ChildRun:
        return self.child("build", label, runs=[{"corpus": str(corpus), "out": str(self.build_dir)}])

    def head(self, n: int, name: str) -> Path:
        return write_head(self.args.corpus, self.out / f"corpus-{name}.jsonl", n)


def extraction_and_memory(b: Bench, scale: Scaling, base: Path) -> ChildRun:
    say(f"\n1. extraction speed on the same {b.n - NEW_DOCS} documents (words = len(text.split()))")
    spacy_run = b.child("spacy", "plain spaCy", corpus=str(base))
    sp = spacy_run.result
    sp_rate = sp["words"] / sp["seconds"]
    say(f"  plain spaCy {sp['model']} {sp['model_version']} ({', '.join(sp['pipes'])}):")
    say(f"    {sp_rate:8,.0f} words/s  ({sp['words']:,} words, {sp['documents']} docs "
        f"in {sp['seconds']:.1f} s)")
    first = b.build("kg build", base)
    rep = first.report
    kg_rate = rep["words_extracted"] / rep["extract_seconds"]
    say("  kg build extraction (BuildReport.words_extracted / extract_seconds):")
    say(f"    {kg_rate:8,.0f} words/s  ({rep['words_extracted']:,} words, {rep['extracted']} docs "
        f"in {rep['extract_seconds']:.1f} s)")
    say(f"  ratio kg build / plain spaCy: {kg_rate / sp_rate:.2f}")
    stages = ", ".join(f"{k} {v:.1f}" for k, v in rep["stage_seconds"].items())
    say(f"  full build: {rep['seconds']:.1f} s (stages, s: {stages}); {rep['triples']:,} triples")

    say("\n2. peak memory of the kg build (goal: under 2 GiB on the whole corpus)")
    say(f"  process tree (sampled every {SAMPLE_SECONDS} s): {gib(first.peak_pss)} PSS, "
        f"{gib(first.peak_rss)} RSS summed (pages shared with forked workers counted in each)")
    quarters = ", ".join(gib(q) for q in first.peak_pss_by_quarter())
    say(f"  peak PSS in each quarter of the build's time: {quarters}")
    say(f"  largest single process (ru_maxrss): {gib(first.result['maxrss_self'])} the build process, "
        f"{gib(first.result['maxrss_children'])} a spaCy worker")
    quarters = ", ".join(gib(q) for q in spacy_run.peak_pss_by_quarter())
    say(f"  plain spaCy, for comparison: {gib(spacy_run.peak_pss)} PSS (by quarter: {quarters}), "
        f"largest process {gib(spacy_run.max_process_rss)}")
    extract = rep["stage_seconds"].get("read+extract", rep["extract_seconds"])
    if scale.n < scale.total:
        scale.words_ratio = corpus_words(b.args.corpus) / max(sp["words"], 1)
    b.estimate.append(("plain spaCy", lambda: spacy_run.wall - sp["seconds"] + scale.by_words(sp["seconds"])))
    b.estimate.append(("full build", lambda: first.wall - rep["seconds"] + scale.by_words(extract)
                       + scale.graph(scale.total)))
    return first


def rebuilds(b: Bench, scale: Scaling, first: ChildRun, base: Path, full: Path) -> None:
    say("\n3. rebuilds into the same folder")
    again = b.build("unchanged rebuild", base)
    rep, rep2 = first.report, again.report
    share = 100 * rep2["seconds"] / rep["seconds"]
    say(f"  unchanged: {rep2['seconds']:.2f} s = {share:.1f}% of the full build "
        f"(goal < 5%: {'ok' if share < 5 else 'over'}); {again.wall:.1f} s with interpreter start-up")
    stages = ", ".join(f"{k} {v:.2f}" for k, v in rep2["stage_seconds"].items())
    say(f"    unchanged={rep2['unchanged']}, {rep2['extracted']} extracted, {rep2['cached']} cached; "
        f"stages, s: {stages or '-'}")
    more = b.build(f"{NEW_DOCS} new documents", full)
    rep3 = more.report
    verdict = "ok" if rep3["extracted"] == NEW_DOCS else f"expected {NEW_DOCS}"
    share = 100 * rep3["seconds"] / rep["seconds"]
    say(f"  {NEW_DOCS} new documents: {rep3['seconds']:.1f} s = {share:.0f}% of the full build; "
        f"extracted {rep3['extracted']} ({verdict}), cached {rep3['cached']}")
    say(f"    extraction {rep3['extract_seconds']:.1f} s, graph side {graph_seconds(rep3):.1f} s; "
        f"peak {gib(more.peak_pss)} PSS")
    b.estimate.append(("unchanged", lambda: again.wall - rep2["seconds"] + scale.linear(rep2["seconds"])))
    b.estimate.append((f"{NEW_DOCS} new", lambda: more.wall - graph_seconds(rep3) + scale.graph(scale.total)))


def graph_side(b: Bench, scale: Scaling) -> None:
    wanted = [int(s) for s in b.args.sizes.split(",") if s.strip()]
    sizes = [s for s in wanted if s < b.n] + [b.n]
    if len(sizes) < 3:
        sizes = sorted({max(1, b.n // 4), max(1, b.n // 2), b.n})
    say(f"\n4. graph-side cost per document (extractions from the cache of step 1; sizes {sizes})")
    cache = str(b.build_dir / ".kg" / "extractions")
    runs = [{"corpus": str(b.head(s, str(s))), "out": str(b.out / f"size-{s}"), "cache": cache,
             "remove": "yes"} for s in sizes]
    run = b.child("build", "graph side", runs=runs)
    reports = run.result["reports"]
    for line in stage_table(reports):
        say(line)
    say(f"  peak memory of these builds (one process, the model loaded): {gib(run.peak_pss)} PSS")
    scale.fit(reports)
    say(f"  growth (least squares over the table): html as nodes ** {scale.html.exponent:.2f}, "
        f"the other stages as documents ** {scale.other.exponent:.2f}")
    full_sizes = [s for s in wanted if s < scale.total] + [scale.total]
    start_up = run.wall - sum(r["seconds"] for r in reports)
    reading = sum(r["stage_seconds"].get("read+extract", 0.0) for r in reports)  # cache reads
    b.estimate.append(("graph side", lambda: start_up + reading * sum(full_sizes) / sum(sizes)
                       + sum(scale.graph(s) for s in full_sizes)))


def sparql(b: Bench, scale: Scaling) -> None:
    limit = b.args.sparql_timeout
    say(f"\n5. SPARQL latency on the built store: benchmarks/bench_sparql.py (stopped after {limit:.0f} s)")
    argv = ["--data", str(b.build_dir), "--repeat", str(b.args.repeat)]
    env = {**b.env, "PYTHONUNBUFFERED": "1"}  # keep every finished line when it is stopped
    start = time.perf_counter()
    finished = False
    with tempfile.TemporaryFile("w+") as errors:
        # Its own process group: bench_sparql.py forks a process per rdflib query, and a stopped run
        # must not leave one behind (an rdflib query can grow to several GiB).
        child = subprocess.Popen(child_command("sparql", argv), env=env, stderr=errors,
                                 start_new_session=True)
        try:
            returncode = child.wait(timeout=limit)
            finished = returncode == 0
            if not finished:
                say(f"  bench_sparql.py failed (exit {returncode})")
        except subprocess.TimeoutExpired:
            say(f"  stopped after {limit:.0f} s: the queries not listed did not finish "
                "(raise --sparql-timeout or lower --repeat)")
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        errors.seek(0)
        for line in error_lines(errors.read()):
            say(f"  stderr: {line}")
    wall = time.perf_counter() - start
    # Unknown when it did not finish: counted as its time limit.
    b.estimate.append(("SPARQL", lambda: min(scale.linear(wall), limit) if finished else limit))


def error_lines(text: str) -> list[str]:
    """The exception lines of the tracebacks in `text` (the whole text when it holds none), shortened."""
    lines = [line for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if not line.startswith((" ", "Traceback", "Process "))]
    return [line[:160] for line in (errors or lines)[-20:]]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_child"]:
        return child_main(argv[1], argv[2])

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help="a JSON Lines corpus")
    parser.add_argument("--limit", type=int, help="take the first N articles (default: all)")
    parser.add_argument("--workers", type=int, help="extraction processes (default: the cores available)")
    parser.add_argument("--out", type=Path, help="scratch folder (default: a temporary one, removed after)")
    parser.add_argument("--batch-size", type=int, default=8, help="documents per spaCy batch")
    parser.add_argument("--model", help="spaCy model (default: the one kg.extract picks)")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="subset sizes for the graph-side table (the whole selection is added)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per SPARQL query (median)")
    parser.add_argument("--sparql-timeout", type=float, default=3600, help="seconds for the SPARQL step")
    args = parser.parse_args(argv)

    total = sum(1 for _ in records(args.corpus))
    n = min(args.limit or total, total)
    if n < 2 * NEW_DOCS:
        raise SystemExit(f"--limit must be at least {2 * NEW_DOCS}")
    out, temporary = scratch(args.out)
    began = time.perf_counter()
    try:
        src = snapshot(out)
        from kg.extract.pipeline import _pick_model  # the model `kg build` would load
        from kg.pipeline import code_fingerprint, default_workers

        args.workers = args.workers or default_workers()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}
        b = Bench(args, out, env, n, total)
        say("kg scale benchmark")
        for line in machine_lines(_pick_model(args.model)):
            say(f"  {line}")
        say(f"  code: kg {code_fingerprint()} (snapshot in {src}); scratch {out}")
        say(f"  corpus: {args.corpus} ({total} records): the first {n}, built as {n - NEW_DOCS} then "
            f"{NEW_DOCS} new; {args.workers} workers, batch {args.batch_size}")
        base, full = b.head(n - NEW_DOCS, "base"), b.head(n, "full")
        scale = Scaling(n, total, getattr(importlib.import_module("kg.viz"), "EMBED_LIMIT", None))
        first = extraction_and_memory(b, scale, base)
        rebuilds(b, scale, first, base, full)
        graph_side(b, scale)
        sparql(b, scale)
        say(f"\nthis run: {(time.perf_counter() - began) / 60:.1f} min")
        if n < total:
            parts = [(name, seconds()) for name, seconds in b.estimate]
            detail = ", ".join(f"{name} {s / 60:.0f}" for name, s in parts)
            say(f"estimated full run on {total} records: ~{sum(s for _, s in parts) / 60:.0f} min "
                f"(min: {detail})")
            say(f"  extraction scaled by words (x{scale.words_ratio:.1f}); the graph side by the growth of "
                f"step 4, nodes growing linearly up to graph.html's cap of {scale.node_cap or '?'}; "
                "rough: from small sizes, on the current load")
    finally:
        if temporary:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
