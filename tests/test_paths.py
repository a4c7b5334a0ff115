"""Inputs never make `kg build` write outside its output folder, and a bad --out is a clear error.

Titles, URLs and file names that look like paths (`../../`, absolute paths, NUL bytes, very long
names), symlinks in the input folder pointing elsewhere and an export that is a symlink: after the
build, the only files created or changed anywhere in the test's tree are under --out.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner, Result

from kg.cli import get_app
from kg.model import Document, Extraction
from kg.namespace import KG

runner = CliRunner()

BODY = ("Harbor AI announced a partnership with Microsoft on Wednesday to design inference chips. "
        "Harbor AI chief executive Lena Park called it the largest deal in the company's history.")
HOSTILE_TITLES = [
    "../../../../escaped-title",
    "/etc/passwd",
    "..\\..\\windows\\system32",
    "nul\u0000byte title",
    "~/.ssh/authorized_keys",
    "long " + "x" * 5000,
]
HOSTILE_URLS = [
    "https://news.example/../../../../tmp/escaped-url",
    "https://news.example/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "https://news.example/a\u0000b",
    "file:///etc/passwd",
    "https://news.example/" + "y" * 5000,
    "/absolute/path/doc.txt",
]


def snapshot(root: Path, skip: Path) -> dict[str, str]:
    """Every file, folder and symlink under `root` but outside `skip`, with what it holds."""
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        if here == skip or skip in here.parents:
            dirs[:] = []
            continue
        for name in dirs + files:
            path = here / name
            rel = str(path.relative_to(root))
            if path.is_symlink():
                found[rel] = "link " + os.readlink(path)
            elif path.is_dir():
                found[rel] = "dir"
            else:
                found[rel] = "file " + hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def hostile_inputs(root: Path) -> int:
    """Write the hostile corpus under `root`; returns how many documents it holds."""
    inputs, outside = root / "in", root / "outside"
    inputs.mkdir()
    (outside / "folder").mkdir(parents=True)
    records = [{"title": t, "url": u, "text": f"{BODY} Story {n}.", "source": t}
               for n, (t, u) in enumerate(zip(HOSTILE_TITLES, HOSTILE_URLS, strict=True))]
    (inputs / "records.json").write_text(json.dumps(records), encoding="utf-8")
    (inputs / ("n" * 240 + ".txt")).write_text(f"A very long file name\n\n{BODY} Long.\n", encoding="utf-8")
    (inputs / "new\nline ..%2f name.txt").write_text(f"Odd file name\n\n{BODY} Odd.\n", encoding="utf-8")
    (outside / "secret.txt").write_text(f"Outside story\n\n{BODY} Outside.\n", encoding="utf-8")
    (outside / "folder" / "more.txt").write_text(f"Outside folder\n\n{BODY} More.\n", encoding="utf-8")
    (inputs / "link-to-file.txt").symlink_to(outside / "secret.txt")
    (inputs / "link-to-folder").symlink_to(outside / "folder", target_is_directory=True)
    (inputs / "link-to-nowhere.txt").symlink_to(root / "missing" / "gone.txt")
    return len(records) + 3  # the records, two odd file names and the linked file


def test_paths_hostile_inputs_write_only_under_out(tmp_path: Path, extractor: object,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    expected = hostile_inputs(tmp_path)
    cwd, tmp, out = tmp_path / "cwd", tmp_path / "tmp", tmp_path / "out"
    cwd.mkdir()
    tmp.mkdir()
    out.mkdir()
    victim = tmp_path / "outside" / "victim.ttl"
    victim.write_text("# not a graph; must stay as it is\n", encoding="utf-8")
    (out / "graph.ttl").symlink_to(victim)  # an export that is a symlink is replaced, not written through
    monkeypatch.chdir(cwd)  # a relative write would land here
    monkeypatch.setenv("TMPDIR", str(tmp))  # a temporary file left behind would land here
    monkeypatch.setattr("tempfile.tempdir", None)
    before = snapshot(tmp_path, out)

    result = runner.invoke(get_app(), ["build", str(tmp_path / "in"), "--out", str(out), "--quiet"])
    assert result.exit_code in (0, 4), result.output  # 4: the dangling link is skipped with a reason

    assert snapshot(tmp_path, out) == before, "the build wrote outside --out"
    assert not (out / "graph.ttl").is_symlink()
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    docs = {s for s, _, _, _ in ds.quads((None, rdflib.RDF.type, KG.Document, None))}
    assert len(docs) == len(set(g.subjects(rdflib.RDF.type, KG.Document))) == expected
    titles = {str(o) for o in g.objects(None, KG.title)}
    assert "../../../../escaped-title" in titles and "/etc/passwd" in titles  # kept as text, nothing more
    for path in out.rglob("*"):  # nothing under --out is named after a document either
        assert "escaped" not in path.name and "passwd" not in path.name


@pytest.mark.parametrize("where", ["file", "file/below"])
@pytest.mark.parametrize("command", ["build", "assemble"])
def test_paths_out_that_is_a_file_is_a_clear_error(tmp_path: Path, where: str, command: str) -> None:
    (tmp_path / "file").write_text("not a folder\n", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text(f"A headline\n\n{BODY}\n", encoding="utf-8")
    shard = tmp_path / "shard.jsonl"  # what `kg extract` writes, for a document with no facts
    info = Document(id="h0123456789abcdef", title="A headline", text=BODY, source_path=str(doc)).info()
    shard.write_text(json.dumps(Extraction(doc=info).to_json()) + "\n", encoding="utf-8")
    source = str(doc) if command == "build" else str(shard)
    result = runner.invoke(get_app(), [command, source, "--out", str(tmp_path / where), "--no-html"])
    assert_clear_error(result, str(tmp_path / "file"))
    assert (tmp_path / "file").read_text(encoding="utf-8") == "not a folder\n"


@pytest.mark.parametrize("where", ["folder", "file/below.jsonl"])
def test_paths_extract_out_that_is_a_folder_is_a_clear_error(tmp_path: Path, where: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("not a folder\n", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text(f"A headline\n\n{BODY}\n", encoding="utf-8")
    result = runner.invoke(get_app(), ["extract", str(doc), "--out", str(tmp_path / where), "-j", "1"])
    assert_clear_error(result, str(tmp_path / where.split("/")[0]))
    assert list((tmp_path / "folder").iterdir()) == []


def assert_clear_error(result: Result, mentions: str) -> None:
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit), "an error message, not a traceback"
    assert "Traceback" not in result.output
    assert mentions in result.output
