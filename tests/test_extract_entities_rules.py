"""Entity rules on sentences written for these tests, with the real spaCy model (loaded once).

The `extractor` fixture (tests/conftest.py) loads the model once per session. The entity step is
run on its own (no relation or event rules), so these tests fail only for entity reasons.
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import entity_records
from kg.model import ORG, PERSON, PLACE, PRODUCT, Document, EntityRecord


def records(extractor, doc: Document) -> list[EntityRecord]:
    _, _, table = extractor.pipeline.analyse(doc)
    ents = entity_records(table, [], [])
    pub = extractor.pipeline.publisher_record(doc, ents)
    return ents + ([pub] if pub else [])


def run(extractor, text: str, title: str = "", publisher: str | None = None) -> dict[str, EntityRecord]:
    doc = Document(id="t", title=title, text=text, publisher=publisher)
    return {e.name: e for e in records(extractor, doc)}


def anaphora(extractor, text: str) -> list[tuple[str, str]]:
    sdoc, _, table = extractor.pipeline.analyse(Document(id="t", title="", text=text))
    return [(sdoc[r.start : r.end].text, r.key) for r in table.spans if r.anaphor]


# --- type corrections from context --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Zephyra, its new video model, arrives next week, the company said.", "Zephyra", PRODUCT),
        ("The startup Quillcraft hired a new head of sales last month.", "Quillcraft", ORG),
        ("Quillmate, the Lisbon-based startup, raised money in March.", "Quillmate", ORG),
        ("Brightloop Labs signed a supply agreement with two hospitals.", "Brightloop Labs", ORG),
        ("Quanta Robotics Inc. opened a plant near the river.", "Quanta Robotics Inc.", ORG),
        ("The company appointed Marta Lindqvist as chief executive on Friday.", "Marta Lindqvist", PERSON),
    ],
)
def test_entities_context_types_unknown_names(extractor, text, name, kind):
    ents = run(extractor, text)
    assert name in ents, sorted(ents)
    assert ents[name].kind == kind


def test_entities_based_in_makes_a_place_not_an_organization(extractor):
    ents = run(extractor, "The UAE-based AI firm G42 will build a new data center.")
    assert ents["UAE"].kind == PLACE
    assert ents["G42"].kind == ORG


def test_entities_gazetteer_overrides_model_labels(extractor):
    # The small model calls these a person or a place; the gazetteer knows better.
    ents = run(extractor, "Sora was popular. OpenAI said Sora would close, and ByteDance kept Seedance.")
    assert ents["Sora"].kind == PRODUCT and ents["Sora"].cls == "AIModel"
    assert ents["OpenAI"].kind == ORG
    assert ents["ByteDance"].kind == ORG


# --- versions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("Nimbus 2.0", "Nimbus"),
        ("GPT-4o", "GPT"),
        ("Llama 2", "Llama"),
        ("Gemini 2.5 Pro", "Gemini"),
        ("Claude Haiku 4.5", "Claude Haiku"),
    ],
)
def test_entities_versions_are_products_of_a_family(extractor, name, family):
    text = "Nimbus 2.0 and GPT-4o and Llama 2 and Gemini 2.5 Pro launched, as did Claude Haiku 4.5."
    ents = run(extractor, text)
    assert ents[name].kind == PRODUCT
    fam = next(e for e in ents.values() if e.key == ents[name].version_of)
    assert fam.name == family and fam.kind == PRODUCT


def test_entities_version_alias_takes_the_family_name(extractor):
    ents = run(extractor, "Anthropic shipped Haiku 4.5 this week, and testers liked Haiku 4.5 a lot.")
    assert "Claude Haiku 4.5" in ents
    assert "Haiku 4.5" in ents["Claude Haiku 4.5"].aliases


# --- never entities, furniture, handles, headlines ----------------------------------------------


def test_entities_common_acronyms_are_never_entities(extractor):
    ents = run(
        extractor, "The AI boom continues, AGI is the goal, and GenAI labs plan an IPO for their LLM work."
    )
    assert not {"AI", "AGI", "GenAI", "IPO", "LLM"} & set(ents)


def test_entities_comment_section_and_handles_are_rejected(extractor):
    text = "\n".join(
        [
            "Quillmate said on Monday that it would open an office in Porto next year.",
            "Reward",
            "Repost",
            "Comment",
            "Add a comment",
            "Sunbeam_Tradervip",
            "· 2h ago",
            "Great read on Brightpath Capital and Tamsin Okafor!",
            "Reply0",
            "LunarWhaleKingOfTheNightvip",
            "· 5h ago",
            "To the moon",
            "Reply0",
        ]
    )
    names = set(run(extractor, text))
    assert not {"Reward", "Repost", "Comment", "Brightpath Capital", "Tamsin Okafor"} & names
    assert not any("vip" in n or "LunarWhale" in n for n in names)


def test_entities_headline_lines_need_the_body(extractor):
    text = (
        "Industry News\n"
        "Key Takeaways\n"
        "Acme Dynamics Data Center Project Faces Delays Following Talks\n"
        "Halcyon Robotics Unveils Home Assistant For Seniors\n"
        "Halcyon Robotics said on Monday that its home robot would ship in May."
    )
    names = set(run(extractor, text))
    assert "Halcyon Robotics" in names
    assert not any(n.startswith("Acme") or "Faces" in n or "Unveils" in n for n in names), names
    assert not {"Industry News", "Key Takeaways"} & names


def test_entities_glued_related_headlines_in_prose_need_the_body(extractor):
    text = (
        "Regulators asked for more time, says Dana Whitfield. Business What The Quiet Merger Of Two "
        "Labs Means For Investors Steven Levy Gear The Best Folding Bikes Of The Year Anna Berg "
        "Whitfield added that the review would finish soon."
    )
    names = set(run(extractor, text))
    assert "Dana Whitfield" in names
    assert not {"Steven Levy", "Anna Berg"} & names


# --- one entity per real entity ----------------------------------------------------------------


def test_entities_surname_and_first_name_join_the_full_name(extractor):
    ents = run(
        extractor,
        "Kirsten Korosec and Sean O’Kane hosted the show. Later, Korosec said the ruling mattered.\n"
        "Sean: I agree with that.",
    )
    people = [e for e in ents.values() if e.kind == PERSON]
    assert {e.name for e in people} == {"Kirsten Korosec", "Sean O’Kane"}
    assert "Korosec" in ents["Kirsten Korosec"].aliases
    assert "Sean" in ents["Sean O’Kane"].aliases


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        ("Open AI released a report, and Open AI staff presented it.", "OpenAI", "Open AI"),
        ("Meta Platforms reported results on Wednesday.", "Meta", "Meta Platforms"),
        ("The deal with Disney was large, the WSJ reported.", "The Walt Disney Company", "Disney"),
        ("The deal with Disney was large, the WSJ reported.", "The Wall Street Journal", "WSJ"),
        ("Microsoft Corp. raised its dividend.", "Microsoft", "Microsoft Corp."),
    ],
)
def test_entities_gazetteer_aliases_resolve_to_the_canonical_name(extractor, text, name, alias):
    ents = run(extractor, text)
    assert name in ents, sorted(ents)
    assert alias in ents[name].aliases


def test_entities_product_heads_and_possessives_join_the_bare_name(extractor):
    ents = run(
        extractor, "The Sora app was closed. Sora's users complained, and the Sora application vanished."
    )
    sora = [e for e in ents.values() if e.kind == PRODUCT]
    assert [e.name for e in sora] == ["Sora"]
    assert len(sora[0].mentions) == 3


def test_entities_mentions_are_offsets_into_document_text(extractor):
    text = "Quillmate, the Lisbon-based startup, raised money. Quillmate will hire in Porto."
    doc = Document(id="t", title="Quillmate Raises Money", text=text)
    quill = next(e for e in records(extractor, doc) if e.name == "Quillmate")
    assert len(quill.mentions) == 2
    for m in quill.mentions:
        assert text[m.start : m.end] == m.text == "Quillmate"


def test_entities_publisher_is_a_media_organization(extractor):
    ents = records(
        extractor, Document(id="t", title="", text="Nimbus 2.0 shipped today.", publisher="Quillwire")
    )
    pub = [e for e in ents if e.source == "publisher"]
    assert [(p.name, p.cls, p.mentions) for p in pub] == [("Quillwire", "MediaOrganization", ())]


def test_entities_publisher_named_in_text_is_not_added_twice(extractor):
    doc = Document(id="t", title="", text="TechCrunch reported the news.", publisher="TechCrunch")
    assert [e.name for e in records(extractor, doc)].count("TechCrunch") == 1


# --- anaphora ---------------------------------------------------------------------------------


def test_entities_anaphora_company_its_and_pronouns(extractor):
    refs = anaphora(
        extractor,
        "Quillmate, the Lisbon-based startup, raised money. Its chief executive Ana Duarte said the startup "
        "would hire. She expects growth.",
    )
    assert ("Its", "org:quillmate") in refs
    assert ("the startup", "org:quillmate") in refs
    assert ("She", "person:ana-duarte") in refs


def test_entities_anaphora_maker_of_a_known_product(extractor):
    refs = anaphora(
        extractor, "Google announced a new chip. Meanwhile, the ChatGPT maker said it would grow."
    )
    assert ("the ChatGPT maker", "org:openai") not in refs  # OpenAI is not mentioned: nothing to point at
    refs = anaphora(extractor, "OpenAI and Google competed. Later, the ChatGPT maker said it would grow.")
    assert ("the ChatGPT maker", "org:openai") in refs


def test_entities_known_developer_is_exposed_for_rules(extractor):
    _, _, table = extractor.pipeline.analyse(
        Document(id="t", title="", text="OpenAI said ChatGPT and Sora would get updates.")
    )
    assert table.known_developer["product:chatgpt"] == "org:openai"
    assert table.known_developer["product:sora"] == "org:openai"
