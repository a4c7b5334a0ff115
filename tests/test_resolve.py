"""Resolution units: records built by hand, no spaCy model."""

from __future__ import annotations

import pytest

from kg.model import (
    ORG,
    PERSON,
    PRODUCT,
    Amount,
    DocumentInfo,
    EntityRecord,
    EventRecord,
    Evidence,
    Extraction,
    Mention,
    RelationRecord,
)
from kg.resolve import normalise, resolve


def info(doc_id: str) -> DocumentInfo:
    return DocumentInfo(id=doc_id, title=doc_id, url=None, published=None, publisher=None,
                        source_path=f"{doc_id}.txt", item=None, format="text", content_hash=doc_id * 4)


def ent(key: str, name: str, kind: str, cls: str | None = None, aliases: tuple[str, ...] = (),
        source: str = "ner", version_of: str | None = None, mentions: int = 1) -> EntityRecord:
    return EntityRecord(key=key, name=name, kind=kind, cls=cls or kind,
                        mentions=tuple(Mention(name, i * 10, i * 10 + len(name)) for i in range(mentions)),
                        aliases=aliases, source=source, version_of=version_of)


def ev(doc_id: str, sentence: str = "A sentence.") -> Evidence:
    return Evidence(doc_id=doc_id, sentence=sentence, start=0, end=len(sentence))


def by_name(resolution, name):  # noqa: ANN001, ANN201
    hits = [e for e in resolution.entities.values() if e.name == name]
    assert len(hits) == 1, f"{name}: {[e.name for e in resolution.entities.values()]}"
    return hits[0]


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("OpenAI's", ORG, "openai"),
        ("OpenAI\u2019s", ORG, "openai"),
        ("The Walt Disney Company", ORG, "walt disney company"),
        ("Microsoft Corp.", ORG, "microsoft"),
        ("Alphabet Inc", ORG, "alphabet"),
        ("Sora app", PRODUCT, "sora"),
        ("the Sora application", PRODUCT, "sora"),
        ("Claude Haiku 4.5", PRODUCT, "claude haiku 4 5"),
        ("Stable Diffusion 3.0", PRODUCT, "stable diffusion 3"),
        ("Delta Lake 3.0 platform", PRODUCT, "delta lake 3"),
        ("Llama 2.05", PRODUCT, "llama 2 05"),
        ("Windows 10", PRODUCT, "windows 10"),
        ("Series 3.0", ORG, "series 3 0"),
        ("Société Générale", ORG, "societe generale"),
        ("Group", ORG, "group"),
    ],
)
def test_resolve_normalise(name: str, kind: str, expected: str) -> None:
    assert normalise(name, kind) == expected


def test_resolve_aliases_and_legal_suffixes_join_across_documents() -> None:
    a = Extraction(doc=info("a"), entities=(
        ent("disney", "The Walt Disney Company", ORG, "Company", aliases=("Disney",), source="gazetteer"),
        ent("msft", "Microsoft Corp.", ORG, "Company"),
    ))
    b = Extraction(doc=info("b"), entities=(ent("d", "Disney", ORG), ent("m", "Microsoft", ORG, mentions=3)))
    res = resolve([a, b])
    disney = by_name(res, "The Walt Disney Company")
    assert "Disney" in disney.aliases
    assert by_name(res, "Microsoft").cls == "Company"
    orgs = [e for e in res.entities.values() if e.kind == ORG]
    assert len(orgs) == 2
    assert all(disney.iri in d.entities for d in res.documents)


def test_resolve_a_version_written_with_point_zero_is_one_product() -> None:
    a = Extraction(doc=info("a"), entities=(
        ent("v3", "Stable Diffusion 3", PRODUCT, "AIModel"),
        ent("v30", "Stable Diffusion 3.0", PRODUCT, "AIModel"),
    ))
    b = Extraction(doc=info("b"), entities=(ent("v", "Stable Diffusion 3.5", PRODUCT, "AIModel"),))
    res = resolve([a, b])
    names = sorted(sorted({e.name, *e.aliases}) for e in res.entities.values())
    assert names == [["Stable Diffusion 3", "Stable Diffusion 3.0"], ["Stable Diffusion 3.5"]]


def test_resolve_surname_joins_the_only_full_name() -> None:
    a = Extraction(doc=info("a"), entities=(ent("p", "Sam Altman", PERSON),))
    b = Extraction(doc=info("b"), entities=(ent("p", "Altman", PERSON),))
    res = resolve([a, b])
    assert [e.name for e in res.entities.values()] == ["Sam Altman"]


def test_resolve_ambiguous_surname_stays_apart() -> None:
    a = Extraction(doc=info("a"),
                   entities=(ent("p1", "Dario Amodei", PERSON), ent("p2", "Daniela Amodei", PERSON)))
    b = Extraction(doc=info("b"), entities=(ent("p", "Amodei", PERSON),))
    res = resolve([a, b])
    assert sorted(e.name for e in res.entities.values()) == ["Amodei", "Daniela Amodei", "Dario Amodei"]


def test_resolve_version_points_to_family() -> None:
    a = Extraction(doc=info("a"), entities=(
        ent("s", "Seedance", PRODUCT, "AIModel"),
        ent("s2", "Seedance 2.0", PRODUCT, "AIModel", version_of="s"),
    ))
    res = resolve([a])
    family, version = by_name(res, "Seedance"), by_name(res, "Seedance 2.0")
    assert family.family and family.cls == "ProductFamily"
    assert version.version_of == family.iri and version.cls == "AIModel"


def test_resolve_family_launched_in_its_own_right_stays_a_product() -> None:
    a = Extraction(doc=info("a"), entities=(
        ent("o", "Korvel", ORG), ent("c", "Tessera Grid", PRODUCT, "Hardware"),
        ent("c1", "Tessera Grid 1", PRODUCT, "Hardware", version_of="c"),
    ), relations=(RelationRecord("c", "developedBy", "o", ev("a"), 0.8, "r"),), events=(
        EventRecord(type="Launch", participants=(("agent", "o"), ("product", "c")), evidence=ev("a"),
                    confidence=0.8, rule="r"),))
    res = resolve([a])
    grid, first = by_name(res, "Tessera Grid"), by_name(res, "Tessera Grid 1")
    assert not grid.family and grid.cls == "Hardware"
    assert first.version_of == grid.iri
    # its developer still carries over to the version
    assert [(res.entities[r.subject].name, res.entities[r.object].name) for r in res.inferred] == [
        ("Tessera Grid 1", "Korvel")]


def test_resolve_kind_vote_fixes_a_model_error_in_one_document() -> None:
    a = Extraction(doc=info("a"), entities=(ent("sora", "Sora", PRODUCT, "Application", source="gazetteer"),))
    b = Extraction(doc=info("b"), entities=(ent("sora", "Sora", PERSON),))
    res = resolve([a, b])
    assert [(e.name, e.kind) for e in res.entities.values()] == [("Sora", PRODUCT)]


def test_resolve_reports_of_one_event_share_a_node_and_the_developer() -> None:
    ents = (ent("o", "OpenAI", ORG), ent("s", "Sora", PRODUCT))
    a = Extraction(doc=info("a"), entities=ents, events=(
        EventRecord(type="Discontinuation", participants=(("agent", "o"), ("product", "s")), evidence=ev("a"),
                    confidence=0.8, rule="r"),))
    b = Extraction(doc=info("b"), entities=ents[1:], events=(
        EventRecord(type="Discontinuation", participants=(("product", "s"),), evidence=ev("b"),
                    confidence=0.7, rule="r"),))
    res = resolve([a, b])
    (ea,), (eb,) = (d.events for d in res.documents)
    assert ea.iri == eb.iri
    assert {iri for _, iri in eb.participants} == {by_name(res, "OpenAI").iri, by_name(res, "Sora").iri}


def test_resolve_drops_relations_of_the_wrong_kind_and_self_loops() -> None:
    a = Extraction(doc=info("a"), entities=(ent("o", "OpenAI", ORG), ent("s", "Sora", PRODUCT),
                                            ent("p", "Fidji Simo", PERSON)), relations=(
        RelationRecord("s", "developedBy", "o", ev("a"), 0.8, "r"),
        RelationRecord("o", "developedBy", "s", ev("a"), 0.8, "r"),  # reversed: an org is not developed
        RelationRecord("p", "worksFor", "p", ev("a"), 0.8, "r"),
        RelationRecord("p", "worksFor", "o", ev("a"), 0.8, "r", role="CEO of Applications"),
    ))
    res = resolve([a])
    got = {(res.entities[r.subject].name, r.predicate, res.entities[r.object].name, r.role)
           for r in res.documents[0].relations}
    assert got == {("Sora", "developedBy", "OpenAI", None),
                   ("Fidji Simo", "worksFor", "OpenAI", "CEO of Applications")}


def test_resolve_is_independent_of_document_order() -> None:
    docs = [
        Extraction(doc=info(d), entities=(ent("x", name, kind),))
        for d, name, kind in [("a", "Meta", ORG), ("b", "Meta Platforms", ORG), ("c", "Llama 2", PRODUCT),
                              ("d", "Mark Zuckerberg", PERSON), ("e", "Zuckerberg", PERSON)]
    ]
    assert resolve(docs) == resolve(list(reversed(docs)))


def test_resolve_family_developer_is_inferred_for_versions() -> None:
    a = Extraction(doc=info("a"), entities=(
        ent("b", "ByteDance", ORG), ent("s", "Seedance", PRODUCT),
        ent("s2", "Seedance 2.0", PRODUCT, version_of="s"),
    ), relations=(RelationRecord("s", "developedBy", "b", ev("a"), 0.8, "r"),))
    res = resolve([a])
    assert [(res.entities[r.subject].name, res.entities[r.object].name) for r in res.inferred] == [
        ("Seedance 2.0", "ByteDance")]


def _investment(doc_id: str, parts: tuple[tuple[str, str], ...], amount: float | None) -> Extraction:
    ents = (ent("p", "Pinecrest", ORG), ent("h", "Halvard Capital", ORG), ent("q", "Quill Ventures", ORG))
    used = {k for _, k in parts}
    money = Amount(amount, "USD") if amount is not None else None
    return Extraction(doc=info(doc_id), entities=tuple(e for e in ents if e.key in used), events=(
        EventRecord(type="Investment", participants=parts, evidence=ev(doc_id), confidence=0.8, rule="r",
                    amount=money),))


def test_resolve_partial_report_of_a_deal_joins_the_fuller_one() -> None:
    # a headline names the recipient only; another source names the round's lead too
    headline = _investment("a", (("recipient", "p"),), 100e6)
    full = _investment("b", (("recipient", "p"), ("investor", "h")), 100e6)
    res = resolve([headline, full])
    (ea,), (eb,) = (d.events for d in res.documents)
    assert ea.iri == eb.iri
    assert resolve([full, headline]) == res


def test_resolve_partial_report_stays_apart_when_amounts_differ_or_fuller_events_compete() -> None:
    other_round = resolve([_investment("a", (("recipient", "p"),), 40e6),
                           _investment("b", (("recipient", "p"), ("investor", "h")), 100e6)])
    (ea,), (eb,) = (d.events for d in other_round.documents)
    assert ea.iri != eb.iri
    # two different fuller rounds: which one the short report means is unknown
    ambiguous = resolve([_investment("a", (("recipient", "p"),), None),
                         _investment("b", (("recipient", "p"), ("investor", "h")), None),
                         _investment("c", (("recipient", "p"), ("investor", "q")), None)])
    iris = [d.events[0].iri for d in ambiguous.documents]
    assert len(set(iris)) == 3
