"""Gazetteer entries added in round 8 (kg/data/gazetteer.jsonl): well-known AI-industry organizations,
media outlets, government bodies, universities, investors, products and people, chosen by how often
the corpus names them. Sentences written for these tests.

- a known name is found and typed by its entry (class included);
- a product's `developer` and a person's `org`/`title` become relations when both entities occur
  and the text states nothing else (`kg.rel.*.gazetteer.v1`);
- "GPT" is a `family_only` entry: it gives "GPT-3.5" and "GPT-4o" their family and developer, but the
  bare word is never matched, so "Sales GPT" or "GPT for Word" is no OpenAI model; a GPT-named model
  of another lab ("GPT-J") keeps its own developer;
- ambiguous entries (common words, names inside person names) need a proper-noun use in the body
  and leave the longer person name alone ("Tom Cruise" is no robotaxi company).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.extract_helpers import extract

GAZETTEER = Path(__file__).resolve().parents[1] / "kg" / "data" / "gazetteer.jsonl"


def _entities(extractor, text: str) -> dict[str, tuple[str, str]]:  # noqa: ANN001
    return {e.name: (e.kind, e.cls) for e in extract(extractor, text).entities}


def _relations(extractor, text: str) -> set[tuple[str, str, str, str]]:  # noqa: ANN001
    x = extract(extractor, text)
    names = {e.key: e.name for e in x.entities}
    return {(names[r.subject], r.predicate, names[r.object], r.rule) for r in x.relations}


@pytest.mark.parametrize(
    ("text", "name", "kind", "cls"),
    [
        ("Analysts at Darktrace flagged the intrusion last week.", "Darktrace", "Organization", "Company"),
        ("The story first ran in The New Yorker on Monday.", "The New Yorker", "Organization",
         "MediaOrganization"),
        ("Reporters at Rest of World followed the delivery riders for a month.", "Rest of World",
         "Organization", "MediaOrganization"),
        ("The FBI warned hospitals about the new ransomware strain.", "Federal Bureau of Investigation",
         "Organization", "GovernmentBody"),
        ("A team from Imperial College London built the robot arm.", "Imperial College London",
         "Organization", "University"),
        ("Battery Ventures led the seed round of the robotics startup.", "Battery Ventures",
         "Organization", "Investor"),
        ("Developers can fine-tune Code Llama on a single laptop.", "Code Llama", "Product", "AIModel"),
        ("Hobbyists run GPT-J on one graphics card at home.", "GPT-J", "Product", "AIModel"),
        ("The new rules were drafted by the US Department of Energy last spring.",
         "Department of Energy", "Organization", "GovernmentBody"),
    ],
)
def test_gazetteer8_known_name_is_typed(extractor, text: str, name: str, kind: str, cls: str) -> None:  # noqa: ANN001
    assert _entities(extractor, text).get(name) == (kind, cls)


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Meta is a big company. Researchers praised Code Llama for its accuracy.",
         ("Code Llama", "developedBy", "Meta")),
        ("Meta has a research lab. Scientists found that Galactica made up citations.",
         ("Galactica", "developedBy", "Meta")),
        ("Microsoft has a new lab. Analysts said Phi-3 runs well on phones.",
         ("Phi-3", "developedBy", "Microsoft")),
        ("CrowdStrike shares rose on Tuesday. George Kurtz spoke at the conference about breaches.",
         ("George Kurtz", "worksFor", "CrowdStrike")),
    ],
)
def test_gazetteer8_known_developer_and_employer_link(  # noqa: ANN001
    extractor, text: str, relation: tuple[str, str, str]  # noqa: ANN001
) -> None:
    found = {r[:3]: r[3] for r in _relations(extractor, text)}
    assert relation in found, found
    assert found[relation].endswith(".gazetteer.v1")


def test_gazetteer8_gpt_named_model_keeps_its_own_developer(extractor) -> None:  # noqa: ANN001
    rels = {r[:3] for r in _relations(extractor, "OpenAI and EleutherAI both publish models. "
                                                 "Hobbyists run GPT-J on one card.")}
    assert ("GPT-J", "developedBy", "EleutherAI") in rels
    assert ("GPT-J", "developedBy", "OpenAI") not in rels


@pytest.mark.parametrize("version", ["GPT-3.5", "GPT-4o", "GPT-4"])
def test_gazetteer8_family_only_entry_gives_versions_their_developer(extractor, version: str) -> None:  # noqa: ANN001
    text = f"OpenAI publishes several models. The free tier runs on {version} for now."
    x = extract(extractor, text)
    names = {e.key: e.name for e in x.entities}
    assert version in names.values()
    assert (version, "developedBy", "OpenAI") in {
        (names[r.subject], r.predicate, names[r.object]) for r in x.relations
    }


def test_gazetteer8_family_only_entry_is_no_ruler_pattern() -> None:
    from kg.extract.resources import load_resources

    gaz = load_resources().gazetteer
    assert "GPT" not in {p["pattern"] for p in gaz.ruler_patterns()}
    assert "gpt" not in gaz.by_name()
    family = gaz.family("GPT")
    assert family is not None and family.developer == "openai"


@pytest.mark.parametrize(
    "text",
    [
        "OpenAI has many partners; one of them is looking at bringing GPT for Word to its office suite.",
        "OpenAI was not involved: analysts can ask Tableau GPT questions, and Slack GPT writes summaries.",
        "OpenAI was not involved: the retailer said that its staff test Sales GPT every week.",
    ],
)
def test_gazetteer8_gpt_inside_other_names_is_not_openai(extractor, text: str) -> None:  # noqa: ANN001
    x = extract(extractor, text)
    assert "OpenAI" in {e.name for e in x.entities}
    assert "GPT" not in {e.name for e in x.entities}
    names = {e.key: e.name for e in x.entities}
    assert not any(names[r.object] == "OpenAI" for r in x.relations)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Cruise paused its robotaxi service in San Francisco after a crash.",
         {"Cruise": "Organization"}, []),
        ("Tom Cruise starred in the film, which opened on Friday.", {"Tom Cruise": "Person"}, ["Cruise"]),
        ("Meta said Threads reached 100 million users in five days.", {"Threads": "Product"}, []),
        ("Threads of the old plot come together at the end of the novel.", {}, ["Threads"]),
    ],
)
def test_gazetteer8_ambiguous_name_needs_context(extractor, text: str, present: dict[str, str],  # noqa: ANN001
                                                 absent: list[str]) -> None:
    found = {name: kind for name, (kind, _) in _entities(extractor, text).items()}
    for name, kind in present.items():
        assert found.get(name) == kind, (name, found)
    for name in absent:
        assert name not in found, (name, found)


def test_gazetteer8_entries_are_consistent() -> None:
    lines = GAZETTEER.read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines if line.strip()]
    ids = {e["id"] for e in entries}
    assert len(ids) == len(entries)
    owner: dict[str, str] = {}
    for e in entries:
        for key in ("developer", "org", "parent"):
            assert e.get(key) is None or e[key] in ids, (e["id"], key, e.get(key))
        for name in (e["name"], *e.get("aliases", [])):
            first = owner.setdefault(name.casefold(), e["id"])
            assert first == e["id"], (name, e["id"], first)
