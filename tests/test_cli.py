"""The command line through typer's CliRunner: help texts, the README, build/stats/validate/export/eval."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from kg.cli import get_app
from tests.conftest import GOLD, ROOT, need_shared

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(get_app(), list(args))
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


def command_names() -> list[str]:
    app = get_app()
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


def test_cli_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = command_names()
    assert {"build", "stats", "validate", "export", "query", "viz", "eval"} <= set(names)
    for name in names:
        code, text = run(name, "--help")
        assert code == 0, text
        assert len(text.strip().splitlines()) > 3, f"kg {name} --help says too little"
        assert re.search(rf"\bkg {re.escape(name)}\b", readme), f"`kg {name}` is not in the README"


def test_cli_build_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    code, text = run("build", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert code == 2
    assert "nope" in text


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built")
    code, text = run("build", str(ROOT / "corpus"), "--out", str(out), "--quiet")
    assert code == 0, text
    return out


@pytest.mark.slow
def test_cli_build_writes_every_export(built: Path) -> None:
    for name in ("graph.ttl", "graph.trig", "graph.jsonld", "graph.html"):
        assert (built / name).stat().st_size > 1000, name
    g = rdflib.Graph().parse(built / "graph.ttl", format="turtle")
    assert len(g) > 200


@pytest.mark.slow
def test_cli_build_is_byte_identical_when_rebuilt_from_scratch(built: Path, tmp_path: Path) -> None:
    code, text = run("build", str(ROOT / "corpus"), "--out", str(tmp_path), "--quiet")
    assert code == 0, text
    for name in ("graph.ttl", "graph.trig", "graph.jsonld", "graph.html"):
        assert (built / name).read_bytes() == (tmp_path / name).read_bytes(), name


@pytest.mark.slow
def test_cli_unchanged_rebuild_does_nothing(built: Path) -> None:
    before = (built / "graph.ttl").stat().st_mtime_ns
    code, text = run("build", str(ROOT / "corpus"), "--out", str(built))
    assert code == 0, text
    assert "nothing changed" in text
    assert (built / "graph.ttl").stat().st_mtime_ns == before


@pytest.mark.slow
def test_cli_stats_counts_documents(built: Path) -> None:
    code, text = run("stats", "--data", str(built), "--json")
    assert code == 0, text
    summary = json.loads(text)
    assert summary["documents"] >= 12
    assert summary["classes"].get("Company", 0) > 3


@pytest.mark.slow
def test_cli_validate_conforms(built: Path) -> None:
    code, text = run("validate", "--data", str(built))
    assert code == 0, text
    assert "conforms" in text


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["nt", "nq", "jsonld"])
def test_cli_export_formats_parse(built: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"g.{fmt}"
    code, text = run("export", "--format", fmt, "--data", str(built), "--out", str(target))
    assert code == 0, text
    ds = rdflib.Dataset()
    ds.parse(target, format={"nt": "nt", "nq": "nquads", "jsonld": "json-ld"}[fmt])
    assert len(ds) > 200


def test_cli_export_unknown_format(tmp_path: Path) -> None:
    (tmp_path / "graph.trig").write_text("", encoding="utf-8")
    code, text = run("export", "--format", "xls", "--data", str(tmp_path), "--out", str(tmp_path / "x"))
    assert code == 2
    assert "unknown format" in text


def test_cli_stats_without_a_build_says_what_to_do(tmp_path: Path) -> None:
    code, text = run("stats", "--data", str(tmp_path))
    assert code == 2
    assert "kg build" in text


@pytest.mark.slow
def test_cli_eval_scores_the_seeds(tmp_path: Path) -> None:
    gold = need_shared(GOLD)
    code, text = run("build", str(gold.parent.parent / "corpus" / "seeds"), "--out", str(tmp_path), "--quiet")
    assert code == 0, text
    code, text = run("eval", str(gold), str(tmp_path))
    assert code == 0, text
    assert re.search(r"entities F1 \d\.\d\d relations F1 \d\.\d\d events F1 \d\.\d\d", text)
