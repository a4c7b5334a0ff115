"""`build()`: sources -> extract -> resolve -> graph -> validate -> exports and store.

Extractions are cached per document content hash under `<out>/.kg/extractions`, so a rebuild
runs the spaCy model only on new or changed documents, and an unchanged rebuild stops after
reading and hashing the inputs. Resolution and graph building always see every document, which
keeps entity IRIs identical to a one-shot build.

A build killed at any moment loses nothing: every file is written to a temporary name and renamed
into place, and `<out>/.kg/manifest.json` (what the unchanged-rebuild check trusts) is removed
before the first output changes and written again only after the exports and the store are
complete. One build at a time holds `<out>/.kg/lock`; it first removes the temporary files an
earlier, killed build left behind.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.errors import SourceError, StoreError
from kg.export import write_atomic
from kg.model import Document, Extraction, Resolution, Skipped

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: builds are not locked
    fcntl = None  # type: ignore[assignment]

STATE_DIR = ".kg"
EXPORT_FORMATS = ("ttl", "trig", "jsonld")
# What a build killed mid-write leaves: temporary files of the exports and the explorer (beside
# them), of the manifest (in .kg) and of cache entries (in .kg/extractions/xx); mkstemp adds 8 characters.
_STALE = re.compile(
    r"^\.(?:graph\.(?:ttl|trig|jsonld|html)|manifest\.json|[0-9a-f]{64}\.json)\.[a-z0-9_]{8}(?:\.tmp)?$"
)

Progress = Callable[[str, int, int], None]  # (stage, done, words)


@dataclass
class BuildReport:
    documents: int = 0
    extracted: int = 0  # documents that went through the model in this run
    cached: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    words_extracted: int = 0
    extract_seconds: float = 0.0
    seconds: float = 0.0
    entities_by_type: dict[str, int] = field(default_factory=dict)
    relations: int = 0
    events: int = 0
    quarantined: int = 0
    triples: int = 0
    unchanged: bool = False
    outputs: dict[str, str] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def partial(self) -> bool:
        return bool(self.skipped)


class ExtractionCache:
    """Extractions on disk, one JSON file per document content hash."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, content_hash: str) -> Path:
        return self.root / content_hash[:2] / f"{content_hash}.json"

    def get(self, content_hash: str, version: str | None) -> Extraction | None:
        path = self._path(content_hash)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or (version is not None and data.get("version") != version):
            return None
        try:
            return Extraction.from_json(data["extraction"])
        except (KeyError, TypeError):
            return None

    def all(self) -> list[Extraction]:
        """Every readable extraction in the cache, whatever extractor wrote it, in path order."""
        out = []
        for path in sorted(self.root.glob("*/*.json")):
            hit = self.get(path.stem, None)
            if hit is not None:
                out.append(hit)
        return out

    def put(self, extraction: Extraction, version: str) -> None:
        path = self._path(extraction.doc.content_hash)
        path.parent.mkdir(parents=True, exist_ok=True)
        record = {"version": version, "extraction": extraction.to_json()}
        atomic_write_text(path, json.dumps(record, ensure_ascii=False, sort_keys=True))


def code_fingerprint(*parts: str) -> str:
    """A hash of the package's code, data and ontology below `parts` (all of it when none given).

    It keys the extraction cache and the unchanged-rebuild check, so a change to a rule, a
    gazetteer entry or the ontology is never hidden behind results of the old code.
    """
    import hashlib

    root = Path(__file__).resolve().parent
    bases = [root / p for p in parts] if parts else [root, root.parent / "ontology"]
    digest = hashlib.sha1()
    for base in bases:
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            if path.suffix in {".py", ".json", ".jsonl", ".ttl", ".rq", ".js", ".css", ".html", ".txt"}:
                digest.update(str(path.relative_to(root.parent)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def atomic_write_text(path: Path, text: str) -> None:
    write_atomic(path, [text])


def collect(
    paths: Iterable[str | Path],
    cache: ExtractionCache,
    model: str | None,
    workers: int,
    report: BuildReport,
    progress: Progress | None = None,
    batch_size: int = 8,
) -> list[Extraction]:
    """Read every input and return one extraction per document, from the cache or the model."""
    from kg.extract import load_extractor
    from kg.sources import read_sources

    extractor = load_extractor(model)
    version = f"{extractor.version} code:{code_fingerprint('extract', 'data')}"
    extractions: list[Extraction] = []
    seen: dict[str, str] = {}

    def pending() -> Iterator[Document]:
        for item in read_sources(paths):
            if isinstance(item, Skipped):
                report.skipped.append(item)
                continue
            where = f"{item.source_path}:{item.item}" if item.item else item.source_path
            if item.id in seen:
                dup = Skipped(item.source_path, f"same document as {seen[item.id]}", item.item)
                report.skipped.append(dup)
                continue
            seen[item.id] = where
            report.documents += 1
            hit = cache.get(item.content_hash, version)
            if hit is not None:
                # The cache is keyed by content: where the document was read from this time (file,
                # line, format) is taken from this run, exactly as a fresh extraction records it.
                hit = dataclasses.replace(hit, doc=item.info())
                report.cached += 1
                extractions.append(hit)
                if progress:
                    progress("cached", report.documents, 0)
                continue
            yield item

    start = time.perf_counter()
    for ex in extractor.extract_many(pending(), batch_size=batch_size, n_process=workers):
        cache.put(ex, version)
        extractions.append(ex)
        report.extracted += 1
        report.words_extracted += ex.doc.words
        if progress:
            progress("extracted", report.documents, report.words_extracted)
    report.extract_seconds = time.perf_counter() - start
    return extractions


def build(
    paths: Iterable[str | Path],
    out_dir: str | Path = "exports",
    model: str | None = None,
    workers: int | None = None,
    html: bool = True,
    store: bool = True,
    progress: Progress | None = None,
    batch_size: int = 8,
) -> BuildReport:
    """Build the graph of `paths` into `out_dir`; see the module docstring."""
    t0 = time.perf_counter()
    paths = list(paths)
    if not paths:
        raise SourceError("no input paths given")
    out = Path(out_dir)
    report = BuildReport()
    workers = workers or default_workers()
    with exclusive(out) as state:
        cache = ExtractionCache(state / "extractions")
        extractions = collect(paths, cache, model, workers, report, progress, batch_size)
        report.stage_seconds["read+extract"] = time.perf_counter() - t0
        if not extractions:
            reasons = "; ".join(str(s) for s in report.skipped[:5])
            where = ", ".join(map(str, paths))
            raise SourceError(f"no readable documents in {where}" + (f" ({reasons})" if reasons else ""))
        return finish(extractions, out, html, store, report, t0)


@contextlib.contextmanager
def exclusive(out: Path) -> Iterator[Path]:
    """Hold `<out>/.kg/lock` while building into `out` and clear what a killed build left; yields `.kg`.

    Raises StoreError when `out` is not a folder that can be written, or another build holds it.
    """
    state = state_dir(out)
    try:
        handle = (state / "lock").open("ab")
    except OSError as exc:
        raise StoreError(f"{out}: cannot write in the output folder: {exc.strerror or exc}") from exc
    with handle:
        if fcntl is not None:
            try:
                # A POSIX record lock belongs to this process only: extraction workers forked while
                # it is held do not inherit it, so a killed build never leaves the folder locked.
                fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                raise StoreError(f"{out}: another kg build is writing to this folder; wait for it "
                                 "to finish") from exc
        remove_stale(out)
        yield state  # the lock goes with the handle, and with the process when it is killed


def state_dir(out: Path) -> Path:
    """`<out>/.kg`, created; a clear StoreError (not a traceback) when `out` is a file or unwritable."""
    if out.exists() and not out.is_dir():
        raise StoreError(f"{out}: is a file; the output (--out) must be a folder")
    state = out / STATE_DIR
    try:
        state.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{out}: cannot create the output folder: {exc.strerror or exc}") from exc
    return state


def remove_stale(out: Path) -> int:
    """Remove the temporary files a killed build left in `out`; returns how many.

    A cache folder that is a symlink may be shared with builds into other folders, which this
    build's lock does not cover: it is left alone.
    """
    state = out / STATE_DIR
    cache = state / "extractions"
    folders = [out, state, *([] if cache.is_symlink() else sorted(cache.glob("??")))]
    removed = 0
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if _STALE.match(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def finish(extractions: list[Extraction], out: Path, html: bool, store: bool, report: BuildReport,
           t0: float) -> BuildReport:
    """Resolve, build, validate and write: everything after extraction.

    The manifest is removed before the first output changes and written last, so it never vouches
    for outputs of another build (see the module docstring).
    """
    state = state_dir(out)
    manifest_path = state / "manifest.json"
    fingerprint = [[code_fingerprint(), str(html)]] + sorted(
        [ex.doc.id, ex.doc.content_hash, ex.extractor, ex.doc.source_path, ex.doc.item or "", ex.doc.format]
        for ex in extractions)
    previous = _read_json(manifest_path)
    wanted = _output_paths(out, html)
    store_ok = not store or (previous.get("store") is True and (state / "store" / "CURRENT").is_file())
    if previous.get("fingerprint") == fingerprint and store_ok and all(p.exists() for p in wanted.values()):
        report.unchanged = True
        report.outputs = {k: str(v) for k, v in wanted.items()}
        _fill_counts_from_manifest(report, previous)
        report.seconds = time.perf_counter() - t0
        return report

    resolution, dataset, quarantined = assemble(extractions, report)
    _forget(manifest_path)
    report.outputs = write_outputs(dataset, resolution, out, html, report)
    if store:
        t = time.perf_counter()
        from kg.store import open_store, replace_graphs

        st = open_store(state / "store")
        replace_graphs(st, dataset, keep_only=True)
        report.stage_seconds["store"] = time.perf_counter() - t
    report.quarantined = quarantined
    atomic_write_text(manifest_path, json.dumps({
        "fingerprint": fingerprint,
        "store": store,
        "summary": {"entities_by_type": report.entities_by_type, "relations": report.relations,
                    "events": report.events, "triples": report.triples, "quarantined": report.quarantined},
    }, sort_keys=True))
    report.seconds = time.perf_counter() - t0
    return report


def extract_shard(paths: Iterable[str | Path], target: str | Path, model: str | None = None,
                  workers: int | None = None, progress: Progress | None = None) -> BuildReport:
    """Extract `paths` into one JSON Lines file of extractions: a shard that `assemble_shards` merges.

    Shards can be extracted on different machines; the merge resolves entities over all of them,
    so the merged graph equals a one-shot build of the same documents.
    """
    t0 = time.perf_counter()
    target = Path(target)
    if target.is_dir():
        raise StoreError(f"{target}: is a folder; the shard (--out) must be a file")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{target.parent}: cannot create the shard's folder: {exc.strerror or exc}") from exc
    report = BuildReport()
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=f".{target.name}.") as tmp:
        cache = ExtractionCache(Path(tmp) / "cache")
        extractions = collect(list(paths), cache, model, workers or default_workers(), report, progress)
        lines = (json.dumps(ex.to_json(), ensure_ascii=False, sort_keys=True)
                 for ex in sorted(extractions, key=lambda e: e.doc.id))
        atomic_write_text(target, "".join(line + "\n" for line in lines))
    report.seconds = time.perf_counter() - t0
    return report


def read_shards(shards: Iterable[str | Path]) -> list[Extraction]:
    """Extractions from shard files written by `extract_shard`; a bad line names its file and line."""
    out: dict[str, Extraction] = {}
    for shard in shards:
        path = Path(shard)
        try:
            fh = path.open(encoding="utf-8")
        except OSError as exc:
            raise SourceError(f"{path}: cannot read shard: {exc.strerror}") from exc
        with fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    ex = Extraction.from_json(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    raise SourceError(f"{path}:{n}: not an extraction record ({exc})") from exc
                out.setdefault(ex.doc.id, ex)
    return [out[k] for k in sorted(out)]


def assemble_shards(shards: Iterable[str | Path], out_dir: str | Path = "exports", html: bool = True,
                    store: bool = True) -> BuildReport:
    """Merge extraction shards into one graph in `out_dir`, exactly as `build` would have."""
    t0 = time.perf_counter()
    extractions = read_shards(shards)
    if not extractions:
        raise SourceError("the shards hold no extractions")
    report = BuildReport(documents=len(extractions), cached=len(extractions))
    with exclusive(Path(out_dir)):
        return finish(extractions, Path(out_dir), html, store, report, t0)


def assemble(extractions: list[Extraction], report: BuildReport) -> tuple[Resolution, Dataset, int]:
    """Resolve, build the dataset, and move non-conforming facts to quarantine."""
    from kg.graph import build_dataset
    from kg.resolve import resolve
    from kg.validate import quarantine

    t = time.perf_counter()
    resolution = resolve(extractions)
    report.stage_seconds["resolve"] = time.perf_counter() - t
    t = time.perf_counter()
    dataset = build_dataset(resolution)
    report.stage_seconds["graph"] = time.perf_counter() - t
    t = time.perf_counter()
    dataset, quarantine_graph = quarantine(dataset)
    report.stage_seconds["validate"] = time.perf_counter() - t
    quarantined = len({s for s in quarantine_graph.subjects()})
    kinds = Counter(e.cls for e in resolution.entities.values())
    report.entities_by_type = dict(sorted(kinds.items()))
    report.relations = sum(len(d.relations) for d in resolution.documents)
    report.events = len({e.iri for d in resolution.documents for e in d.events})
    report.triples = len(dataset)
    return resolution, dataset, quarantined


def write_outputs(dataset: Dataset, resolution: Resolution, out: Path, html: bool,
                  report: BuildReport) -> dict[str, str]:
    from kg.export import write_exports
    from kg.link import saved_links

    t = time.perf_counter()
    links = saved_links(out)
    if links is not None:  # `kg link` ran on this folder before: its links stay in the exports
        context = dataset.graph(links.identifier)
        context.addN((s, p, o, context) for s, p, o in links)
    written = {k: str(v) for k, v in write_exports(dataset, out, formats=EXPORT_FORMATS).items()}
    report.stage_seconds["export"] = time.perf_counter() - t
    if html:
        from kg.viz import render_html

        t = time.perf_counter()
        target = out / "graph.html"
        render_html(dataset, target)
        written["html"] = str(target)
        report.stage_seconds["html"] = time.perf_counter() - t
    return written


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _output_paths(out: Path, html: bool) -> dict[str, Path]:
    paths = {fmt: out / f"graph.{fmt}" for fmt in EXPORT_FORMATS}
    if html:
        paths["html"] = out / "graph.html"
    return paths


def _forget(path: Path) -> None:
    """Remove `path` durably: a crash after this never brings the old file back."""
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _fill_counts_from_manifest(report: BuildReport, manifest: dict) -> None:
    summary = manifest.get("summary", {})
    report.entities_by_type = summary.get("entities_by_type", {})
    report.relations = summary.get("relations", 0)
    report.events = summary.get("events", 0)
    report.triples = summary.get("triples", 0)
    report.quarantined = summary.get("quarantined", 0)
