"""Product names mined from a built corpus (kg/extract/mining.py, `kg mine`) and their loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import get_app
from kg.extract.mining import gazetteer_lines, load_mining_rules, mine_products
from kg.extract.resources import (
    MINED_PATH,
    DataFileError,
    GazEntry,
    Gazetteer,
    _add_mined,
    _load_gazetteer,
    load_resources,
)
from kg.model import DocumentInfo, EntityRecord, Evidence, Extraction, RelationRecord
from kg.pipeline import STATE_DIR, ExtractionCache

runner = CliRunner()


def gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    gaz.entries["zentrik"] = GazEntry(id="zentrik", name="Zentrik", kind="Organization", cls="Company")
    gaz.entries["quill"] = GazEntry(id="quill", name="Quill Desk", kind="Product", cls="Application")
    return gaz


def doc(
    n: int, *ents: tuple[str, str, float, str], maker: str | None = None, version_of: str | None = None
) -> Extraction:
    """One document's extraction: entities as (name, kind, confidence, source)."""
    info = DocumentInfo(
        id=f"d{n}",
        title="t",
        url=f"https://news.example/{n}",
        published=None,
        publisher=None,
        source_path="x.jsonl",
        item=f"line {n}",
        format="jsonl",
        content_hash=f"{n:064x}",
    )
    records = tuple(
        EntityRecord(
            key=f"k{i}",
            name=name,
            kind=kind,
            cls="Application" if kind == "Product" else "Company",
            confidence=conf,
            source=src,
            version_of=version_of if i == 0 else None,
        )
        for i, (name, kind, conf, src) in enumerate(ents)
    )
    rels: tuple[RelationRecord, ...] = ()
    if maker is not None:
        records += (
            EntityRecord(key="m", name=maker, kind="Organization", cls="Company", source="gazetteer"),
        )
        rels = (
            RelationRecord(
                subject="k0",
                predicate="developedBy",
                object="m",
                evidence=Evidence(f"d{n}", "s", 0, 1),
                confidence=0.85,
                rule="r",
            ),
        )
    return Extraction(doc=info, entities=records, relations=rels)


def names(extractions: list[Extraction]) -> list[str]:
    return [m.name for m in mine_products(extractions, gazetteer())]


def test_mining_keeps_a_name_two_documents_call_a_product() -> None:
    docs = [
        doc(1, ("Velo Studio", "Product", 0.85, "pattern")),
        doc(2, ("Velo Studio", "Product", 0.75, "ner")),
    ]
    assert names(docs) == ["Velo Studio"]


@pytest.mark.parametrize(
    ("docs", "why"),
    [
        ([doc(1, ("Velo Studio", "Product", 0.85, "pattern"))], "one document only"),
        (
            [doc(1, ("Velo Studio", "Product", 0.6, "ner")), doc(2, ("Velo Studio", "Product", 0.6, "ner"))],
            "weak typing only",
        ),
        (
            [
                doc(i, ("Velo Studio", "Product" if i < 3 else "Organization", 0.85, "pattern"))
                for i in range(1, 6)
            ],
            "an organization in three of five documents",
        ),
        ([doc(i, ("Quill Desk", "Product", 0.85, "pattern")) for i in (1, 2)], "already in the gazetteer"),
        ([doc(i, ("Pages", "Product", 0.85, "pattern")) for i in (1, 2)], "a plain title-case word"),
        ([doc(i, ("SMS", "Product", 0.85, "pattern")) for i in (1, 2)], "a short acronym"),
        ([doc(i, ("Zentrik Photograph", "Product", 0.85, "pattern")) for i in (1, 2)], "a picture credit"),
        ([doc(i, ("Microsoft Ignite", "Product", 0.85, "pattern")) for i in (1, 2)], "listed in not_names"),
        (
            [doc(i, ("Velo 3", "Product", 0.85, "pattern"), version_of="velo") for i in (1, 2)],
            "a version the version step ties to its family",
        ),
    ],
)
def test_mining_leaves_out(docs: list[Extraction], why: str) -> None:
    assert names(docs) == [], why


def test_mining_keeps_a_developer_documents_agree_on() -> None:
    docs = [doc(i, ("Velo Studio", "Product", 0.85, "pattern"), maker="Zentrik") for i in (1, 2)]
    assert [m.developer for m in mine_products(docs, gazetteer())] == ["zentrik"]
    one = [
        doc(1, ("Velo Studio", "Product", 0.85, "pattern"), maker="Zentrik"),
        doc(2, ("Velo Studio", "Product", 0.85, "pattern")),
    ]
    assert [m.developer for m in mine_products(one, gazetteer())] == [None]


def test_mining_lines_are_gazetteer_entries_with_unique_ids(tmp_path: Path) -> None:
    docs = [
        doc(i, ("Velo-X", "Product", 0.85, "pattern"), ("Velo X", "Product", 0.85, "pattern")) for i in (1, 2)
    ]
    lines = gazetteer_lines(mine_products(docs, gazetteer()))
    path = tmp_path / "mined.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = _load_gazetteer(path)
    assert sorted(e.name for e in loaded.entries.values()) == ["Velo X", "Velo-X"]
    assert len(loaded.entries) == 2 and all(e.kind == "Product" for e in loaded.entries.values())


def test_mined_names_never_override_the_gazetteer(tmp_path: Path) -> None:
    path = tmp_path / "mined.jsonl"
    path.write_text(
        json.dumps({"id": "mined-quill-desk", "name": "Quill Desk", "kind": "Product", "cls": "AIModel"})
        + "\n"
        + json.dumps(
            {
                "id": "mined-velo",
                "name": "Velo Studio",
                "kind": "Product",
                "cls": "Application",
                "developer": "zentrik",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    gaz = _add_mined(gazetteer(), path)
    assert gaz.entries["quill"].cls == "Application" and "mined-quill-desk" not in gaz.entries
    assert gaz.entries["mined-velo"].developer == "zentrik"


def test_a_mined_name_with_an_unknown_developer_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "mined.jsonl"
    path.write_text(
        json.dumps({"id": "mined-velo", "name": "Velo Studio", "kind": "Product", "developer": "nobody"})
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="mined.jsonl.*unknown developer 'nobody'"):
        _add_mined(gazetteer(), path)


def test_the_shipped_mined_names_load_beside_the_gazetteer() -> None:
    if not MINED_PATH.exists():
        pytest.skip("no kg/data/gazetteer_mined.jsonl in this tree")
    full = load_resources().gazetteer
    hand = load_resources(mined=None).gazetteer
    mined = [e for e in full.entries.values() if e.id not in hand.entries]
    assert len(mined) > 100
    assert all(e.kind == "Product" and e.id.startswith("mined-") for e in mined)
    rules = load_mining_rules()
    assert not {e.name.casefold() for e in mined} & rules.not_names


def test_cli_mine_reads_a_build_and_leaves_out_excluded_articles(tmp_path: Path) -> None:
    build = tmp_path / "build"
    cache = ExtractionCache(build / STATE_DIR / "extractions")
    for i in (1, 2, 3):
        cache.put(
            doc(
                i,
                ("Velo Studio", "Product", 0.85, "pattern"),
                ("Arko Lens", "Product", 0.85, "pattern")
                if i > 1
                else ("Other", "Organization", 0.85, "pattern"),
            ),
            "v",
        )
    out = tmp_path / "mined.jsonl"
    result = runner.invoke(get_app(), ["mine", str(build), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 product names from 3 documents" in result.output
    assert [json.loads(line)["name"] for line in out.read_text().splitlines()] == ["Arko Lens", "Velo Studio"]
    held = tmp_path / "held.jsonl"
    held.write_text(json.dumps({"url": "https://news.example/3", "text": "..."}) + "\n", encoding="utf-8")
    result = runner.invoke(get_app(), ["mine", str(build), "--out", str(out), "--exclude", str(held)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["name"] for line in out.read_text().splitlines()] == ["Velo Studio"]


def test_cli_mine_without_a_build_names_the_folder(tmp_path: Path) -> None:
    result = runner.invoke(get_app(), ["mine", str(tmp_path / "nothing")])
    assert result.exit_code != 0
    assert "nothing: no extraction cache here" in result.output
