"""The `kg` command line: a thin layer over the library that turns KGError into messages and exit codes.

Exit codes: 0 success; 1 the graph does not conform to the shapes (validate); 2 bad input or usage
(unreadable paths, unknown query, missing parameter); 3 a SPARQL endpoint failed; 4 partial success
(`kg build` skipped some inputs but built the rest).
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from kg.errors import KGError

app = typer.Typer(
    name="kg",
    help="Turn AI-industry news into an RDF knowledge graph, then query, explore and export it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)


def _register() -> None:
    # Each area keeps its commands beside the code it drives; importing registers them.
    from kg.commands import build, explore, mine, sparql

    for module in (build, explore, mine, sparql):
        module.register(app)


def main(argv: list[str] | None = None) -> None:
    _register()
    try:
        app(args=argv, standalone_mode=True)
    except KGError as exc:  # commands translate their own errors; this is the last resort
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(exc.exit_code)


def get_app() -> typer.Typer:
    """The fully registered app, for CliRunner in tests."""
    if not app.registered_commands:
        _register()
    return app
