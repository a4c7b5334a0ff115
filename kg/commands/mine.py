"""`kg mine`: product names learnt from a built corpus, written as gazetteer lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from kg.commands._common import err, handle_errors, out
from kg.errors import SourceError


def register(app: typer.Typer) -> None:
    app.command("mine")(mine)


@handle_errors
def mine(
    builds: Annotated[list[Path], typer.Argument(help="Folders written by `kg build`.")],
    output: Annotated[Path, typer.Option("--out", "-o", help="Gazetteer lines to write.")] = Path(
        "gazetteer_mined.jsonl"
    ),
    min_docs: Annotated[int, typer.Option("--min-docs", min=1, help="Documents that must agree.")] = 2,
    exclude: Annotated[
        list[Path] | None,
        typer.Option("--exclude", help="JSON Lines articles whose urls are left out (an evaluation set)."),
    ] = None,
) -> None:
    """Mine product names that several documents of a built corpus support (kg/data/gazetteer_mined.jsonl)."""
    from kg.extract.mining import gazetteer_lines, mine_products
    from kg.extract.resources import load_resources
    from kg.pipeline import STATE_DIR, ExtractionCache

    extractions = []
    for build in builds:
        cache = build / STATE_DIR / "extractions"
        if not cache.is_dir():
            raise SourceError(f"{build}: no extraction cache here; run `kg build ... --out {build}` first")
        extractions += ExtractionCache(cache).all()
    skipped = _urls(exclude or [])
    extractions = [ex for ex in extractions if ex.doc.url not in skipped]
    # The hand-made gazetteer alone: names mined before are mined again, not taken as known.
    res = load_resources(mined=None)
    lines = gazetteer_lines(mine_products(extractions, res.gazetteer, min_docs=min_docs, rules=res.rules))
    try:
        output.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    except OSError as exc:
        raise SourceError(f"{output}: cannot write: {exc.strerror}") from exc
    out.print(f"kg mine: {len(lines)} product names from {len(extractions)} documents -> {output}")
    if not extractions:
        err.print("warning: no extractions were found; the file is empty")


def _urls(paths: list[Path]) -> set[str]:
    """The `url` of every record in JSON Lines files; a bad line names its file and line."""
    urls = set()
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise SourceError(f"{path}: cannot read: {exc.strerror}") from exc
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                urls.add(str(json.loads(line)["url"]))
            except (ValueError, KeyError, TypeError) as exc:
                raise SourceError(f"{path}:{n}: not a JSON record with a url ({exc})") from exc
    return urls
