"""Entity rules that make extraction hold on unseen articles: glued known names, lists sharing a
type, person votes, typing cues, versions, declared aliases, anaphora, non-entities.

Every sample sentence is written for these tests (made-up names next to well-known ones).
"""

from __future__ import annotations

import pytest

from kg.extract.aliases import is_acronym_of
from kg.extract.names import is_version_token, split_glued_version
from kg.extract.pipeline import entity_records
from kg.model import ORG, PERSON, PLACE, PRODUCT, Document, EntityRecord


def run(extractor, text: str) -> dict[str, EntityRecord]:
    _, _, table = extractor.pipeline.analyse(Document(id="t", title="", text=text))
    return {e.name: e for e in entity_records(table, [], [])}


def anaphora(extractor, text: str) -> list[tuple[str, str]]:
    sdoc, _, table = extractor.pipeline.analyse(Document(id="t", title="", text=text))
    return [(sdoc[r.start : r.end].text, r.key) for r in table.spans if r.anaphor]


# --- a known name glued to further proper nouns ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind", "absent"),
    [
        ("The round drew money from Intel Capital and two angels, the startup said.", "Intel Capital", ORG,
         "Intel"),
        ("Developers can try the new models in AI21 Studio, the company's playground.", "AI21 Studio",
         PRODUCT, "AI21 Labs"),
        ("Microsoft Teams gained a summary button, and Microsoft said more would follow.", "Microsoft Teams",
         PRODUCT, None),
    ],
)
def test_entities_known_name_glued_to_a_proper_noun_is_a_name_of_its_own(extractor, text, name, kind, absent):
    ents = run(extractor, text)
    assert name in ents and ents[name].kind == kind, sorted(ents)
    if absent:
        assert absent not in ents


def test_entities_known_name_keeps_itself_beside_its_arm(extractor):
    ents = run(extractor, "Intel said on Monday that Intel Capital would invest in three startups.")
    assert ents["Intel"].kind == ORG
    assert ents["Intel Capital"].cls == "Investor"


def test_entities_headline_run_is_not_a_glued_name(extractor):
    ents = run(extractor, "We covered it before.\n\nAnthropic Unveils Claude For Lawyers And Banks Today\n"
                          "Anthropic said the tool ships in May.")
    assert "Anthropic Unveils" not in ents


# --- lists share a type -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The round was led by Sequoia, with money from Greylock, Four Birches, K9 Global and Accel.",
         "Four Birches"),
        ("The round was led by Sequoia, with money from Greylock, Four Birches, K9 Global and Accel.",
         "K9 Global"),
        ("The artists sued Stability AI, Midjourney and the art platform Pixelvane, which sells prints.",
         "Pixelvane"),
    ],
)
def test_entities_list_members_take_the_type_of_their_typed_neighbours(extractor, text, name):
    ents = run(extractor, text)
    assert name in ents and ents[name].kind == ORG, sorted(ents)


# --- person votes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The suit was filed with the help of the Marta Quill Law Firm, which handles class actions.",
         "Marta Quill Law Firm"),
        ("The round was led by Birchwood VC with participation from two angels.", "Birchwood VC"),
    ],
)
def test_entities_organization_words_end_no_person_name(extractor, text, name):
    ents = run(extractor, text)
    assert name in ents and ents[name].kind == ORG, sorted(ents)


# --- typing cues ----------------------------------------------------------------------------------


def test_entities_web_address_names_are_companies(extractor):
    ents = run(extractor, "Quillbase.com, a rival of the startup, said Quillbase.com would ship agents.")
    assert ents["Quillbase.com"].kind == ORG


def test_entities_foo_ai_described_as_a_tool_is_a_product(extractor):
    ents = run(extractor, "Quillfort said its new tool, Quillfort AI, writes summaries. Quillfort AI is free")
    assert ents["Quillfort AI"].kind == PRODUCT


def test_entities_country_before_an_organization_noun_stays_a_place(extractor):
    ents = run(extractor, "Oxide works with a U.S. federal agency and two banks.")
    assert all(e.kind == PLACE for e in ents.values()), ents


# --- versions -------------------------------------------------------------------------------------


def test_entities_capitalised_word_after_a_version_is_part_of_the_name(extractor):
    ents = run(extractor, "It released Jurassic-1 Jumbo, an LLM, last year.")
    assert "Jurassic-1 Jumbo" in ents and "Jumbo" not in ents


def test_entities_model_numbers_and_their_plurals_are_one_product(extractor):
    ents = run(extractor, "The company sells CS-2 systems; ten CS-2s were installed.")
    products = [e for e in ents.values() if e.kind == PRODUCT]
    assert [p.name for p in products] == ["CS-2"]
    assert "CS" not in ents


@pytest.mark.parametrize(("token", "ok"), [("2", True), ("4.5", True), ("70B", True), ("1000", False),
                                           ("500", False), ("2024", False)])
def test_names_version_tokens_exclude_large_bare_numbers(token, ok):
    assert is_version_token(token) is ok


@pytest.mark.parametrize(("word", "split"), [("GPT-4o", ("GPT", "4o")), ("CS-2", None), ("G42", None)])
def test_names_two_capitals_and_a_number_are_a_model_number(word, split):
    assert split_glued_version(word) == split


def test_entities_rankings_are_not_names(extractor):
    assert "Fortune 1000" not in run(extractor, "Oxide targets Fortune 1000 companies with its rack.")


# --- declared aliases ------------------------------------------------------------------------------


def test_entities_acronym_in_brackets_is_an_alias(extractor):
    text = "The International Monetary Fund (IMF) warned on Tuesday. The IMF said growth would slow."
    ents = run(extractor, text)
    assert "IMF" not in ents
    assert "IMF" in ents["International Monetary Fund"].aliases


def test_entities_formerly_in_brackets_merges_the_old_name(extractor):
    ents = run(extractor, "Meta (formerly Facebook) opened a lab. Facebook users were told on Monday.")
    assert "Facebook" not in ents
    assert "Facebook" in ents["Meta"].aliases


@pytest.mark.parametrize(
    ("acronym", "name", "ok"),
    [("IMF", "International Monetary Fund", True), ("NIST", "National Institute of Standards and Technology",
     True), ("IMF", "Intel", False), ("ab", "Alpha Beta", False)],
)
def test_aliases_acronym_matches_initials(acronym, name, ok):
    assert is_acronym_of(acronym, name) is ok


# --- anaphora --------------------------------------------------------------------------------------


def test_anaphora_the_company_skips_an_organization_inside_a_prepositional_phrase(extractor):
    refs = anaphora(extractor, "Quillbase Labs trained its assistant on data licensed from Wikidata. "
                               "The company said the assistant ships in May.")
    assert ("The company", "org:quillbase-labs") in refs


def test_anaphora_nearest_subject_organization_is_kept(extractor):
    refs = anaphora(extractor, "Anthropic sued Quillbase Labs on Monday. The company said it would appeal.")
    assert ("The company", "org:quillbase-labs") in refs


# --- non-entities ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The government published its AI Regulation Paper in March, and the Human Insights Summit opened.",
        "Several MPs said the plan was rushed, and MPs will vote in June.",
        "Users test the prototype while UserTesting ML models flag the moments that matter.",
    ],
)
def test_entities_documents_events_and_modifiers_are_not_entities(extractor, text):
    ents = run(extractor, text)
    bad = {"AI Regulation Paper", "Human Insights Summit", "MPs", "UserTesting ML"}
    assert not bad & set(ents), sorted(ents)


def test_entities_capitalised_word_spelt_like_a_term_acronym_stays_in_the_name(extractor):
    # "SIM" is a term, "Sim" a word of a product name: the modifier rule above needs the capitals
    ents = run(extractor, "Zentrik debuted its Kestrel Sim platform for robot makers on Tuesday.")
    assert "Kestrel Sim" in ents and ents["Kestrel Sim"].kind == "Product", sorted(ents)
    ents = run(extractor, "Phones from Zentrik SIM cards reach rural users.")
    assert "Zentrik SIM" not in ents, sorted(ents)


def test_entities_byline_after_a_glued_question_headline_is_not_a_person(extractor):
    text = ("The startup said so, the founder says.\n\nBusiness Who Is Running Quillbase Now And What Comes "
            "Next For The Team? Marta Lindqvist The same is true of the robots that warehouses use.")
    ents = run(extractor, text)
    assert "Marta Lindqvist" not in ents


def test_entities_person_names_still_win_with_person_evidence(extractor):
    ents = run(extractor, "The company appointed Marta Lindqvist as chief executive on Friday.")
    assert ents["Marta Lindqvist"].kind == PERSON


def test_entities_single_opening_name_that_acts_is_kept(extractor):
    # One mention, opening its sentence, but the subject of a verb with an object or a phrase: a
    # company acting, not a heading fragment.
    text = "The console market is changing fast. Nintendo is partnering with Tencent to build a console."
    x = extractor.extract(Document(id="t", title="Console news", text=text))
    assert ("Nintendo", "Organization") in {(e.name, e.kind) for e in x.entities}
