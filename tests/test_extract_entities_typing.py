"""Entity typing on sentences written for these tests (invented names), with the real spaCy model.

What a clause says about a name (it raised money, a title sits at it, a list verb names it) outweighs
the model's label repeated on every mention; short and glued forms of an organization's name are no
people; a list of firms retypes the one member the model took for a person. The `extractor` fixture
(tests/conftest.py) loads the model once per session.
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import entity_records
from kg.model import ORG, PERSON, PLACE, PRODUCT, Document, EntityRecord


def kinds(extractor, text: str) -> dict[str, str]:
    _, _, table = extractor.pipeline.analyse(Document(id="t", title="", text=text))
    records: list[EntityRecord] = entity_records(table, [], [])
    return {e.name: e.kind for e in records}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # the subject of a funding verb with an amount or a funding noun
        ("Brelio recently raised $70 million in a Series B round led by two funds.", "Brelio", ORG),
        ("Zorvex, which today announced it had secured $40 million, makes testing tools.", "Zorvex", ORG),
        # a title at the name
        ("Tamsin Ode, head of growth at Velbrook, said the tool is ready.", "Velbrook", ORG),
        # a copula with an organization noun
        ("Another competing security provider is Quarnix, with its own cloud service.", "Quarnix", ORG),
        # the objects of a list verb whose subject is an organization noun
        ("Competitors in the testing market include Ostrum, Trellicom and Vantrix.", "Trellicom", ORG),
        ("Competitors in the testing market include Ostrum, Trellicom and Vantrix.", "Vantrix", ORG),
        # the buyer of "sold to"
        ("Signal Forge, a company that sold to Quillby for $775 million, makes sensors.", "Quillby", ORG),
        # a company title between the name and a person
        ("Velquor CEO and cofounder Dana Whitby said Velquor will hire. It sells apps.", "Velquor", ORG),
        # product heads: a superchip, a programming language
        ("Halvex unveiled its new superchip, Hopwell, on Monday.", "Hopwell", PRODUCT),
        ("The team built the Mojo programming language for developers.", "Mojo", PRODUCT),
    ],
)
def test_entities_typing_clause_roles(extractor, text, name, kind):
    found = kinds(extractor, text)
    assert found.get(name) == kind, found


def test_entities_typing_title_after_a_place_stays_a_place(extractor):
    # "UK author", "New York City mayor": people's titles after a place say nothing about a company.
    text = "The book was written by UK author Tobias Wren. New York City mayor Ella Dunn agreed."
    found = kinds(extractor, text)
    assert found.get("UK", PLACE) == PLACE
    assert found.get("New York City", PLACE) == PLACE


def test_entities_typing_person_title_is_not_an_apposition_without_a_comma(extractor):
    found = kinds(extractor, "Velquor CEO Dana Whitby said the Velquor team will double in size.")
    assert found.get("Velquor") != PERSON
    assert found.get("Dana Whitby") == PERSON


def test_entities_typing_based_place_is_not_a_list_member(extractor):
    found = kinds(extractor, "The Redwood City, California-based Zorvex said it raised $9 million.")
    assert found.get("Redwood City", PLACE) == PLACE
    assert found.get("Zorvex") == ORG


def test_entities_typing_short_form_of_a_firm_is_no_person(extractor):
    text = (
        "The study comes from research firm Korvel Partners. Korvel estimates that sales will double. "
        "Korvel expects growth in 2024, and Korvel says prices will fall."
    )
    found = kinds(extractor, text)
    assert found.get("Korvel Partners") == ORG
    assert found.get("Korvel") != PERSON


def test_entities_typing_word_glued_to_a_firm_is_no_person(extractor):
    text = (
        "Ana Ruiz, head of sales at Brantec, spoke on Monday. "
        "“Joining Brantec will let us grow faster,” said Ana Ruiz. Brantec employs 40 people."
    )
    found = kinds(extractor, text)
    assert found.get("Brantec") == ORG
    assert "Joining Brantec" not in found


def test_entities_typing_people_with_employers_keep_their_kind(extractor):
    text = "Speakers: Priya Mandal, Microsoft, and Oren Kalif, Nvidia, talked about data centers."
    found = kinds(extractor, text)
    assert found.get("Oren Kalif", PERSON) == PERSON
    assert found.get("Priya Mandal", PERSON) == PERSON


@pytest.mark.parametrize("union", ["European Union", "African Union"])
def test_entities_typing_union_of_nations_is_a_place(extractor, union):
    found = kinds(extractor, f"Officials of the {union} met the ministers of Kenya in Paris on Tuesday.")
    assert found.get(union, PLACE) == PLACE


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a name an organization owns, with a product noun before or after it
        ("Zentrik said its Lumen offering now reaches banks in four states.", "Lumen", PRODUCT),
        ("Staff at Hapco use Hapco's internal forum Chatwall every day.", "Chatwall", PRODUCT),
        ("Grelbo Cloud's machine learning platform Vertana hosts the models of banks.", "Vertana", PRODUCT),
        ("Redline said its other initiative, Project Dawn, is growing fast.", "Project Dawn", PRODUCT),
        # a product prefix
        ("Engineers at the lab worked on Project Kestrel for two years.", "Project Kestrel", PRODUCT),
        # a describing noun phrase before the name decides, the longest phrase first
        ("The deal was signed with payments processor Tilvo last year.", "Tilvo", ORG),
        ("The firm partnered with property developer Rowe Hartwell on the tower.", "Rowe Hartwell", ORG),
        # a company title of a one-word name, and "said it has secured" with an amount
        ("Ada Lindqvist, CEO of Zentrik, spoke at the fair on Monday.", "Zentrik", ORG),
        ("Tovana today said it has secured $9 million in seed funding.", "Tovana", ORG),
    ],
)
def test_entities_typing_owner_and_describing_nouns(extractor, text, name, kind):
    found = kinds(extractor, text)
    assert found.get(name) == kind, found


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # people owned by a firm stay people; places' things are not products
        ("Then Hapco's chief executive Mara Quinlan resigned after a vote.", "Mara Quinlan", PERSON),
        ("Officials said France's Mistral will expand. Mistral said so.", "France", PLACE),
        # "X of Y" titles of places stay places
        ("The mayor of Chicago said the city would help.", "Chicago", PLACE),
    ],
)
def test_entities_typing_owned_names_that_are_no_products(extractor, text, name, kind):
    found = kinds(extractor, text)
    assert found.get(name, kind) == kind, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The writers took the case to a US District Court in the spring.", "US District Court"),
        ("The guild said their Negotiating Committee met the studios twice.", "Negotiating Committee"),
        ("The lawyers posted details on their Quibcases site last week.", "Quibcases"),
        ("Attackers used a DDoS campaign against the chatbot service.", "DDoS"),
    ],
)
def test_entities_typing_generic_bodies_are_no_entities(extractor, text, name):
    assert name not in kinds(extractor, text)
