"""Event recall on phrasings found missing on unseen articles (whole extractor, real model, sentences
written for these tests): launches of an unnamed but individuated product, places and one-sided
investors with money, rounds the model misparses, money hanging on the amount, "X said that it ...",
names the entity step missed, and dates counted from a year stated earlier in the sentence."""

from __future__ import annotations

import pytest

from kg.extract.dates import find_dates
from kg.model import Document, EventRecord, Extraction


def extract(extractor, text: str) -> Extraction:
    return extractor.extract(Document(id="t", title="", text=text, published="2023-06-15"))


def events_of(x: Extraction, etype: str) -> list[tuple[set[str], EventRecord]]:
    names = {e.key: e.name for e in x.entities}
    return [({names[k] for _, k in e.participants}, e) for e in x.events if e.type == etype]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Halvorsen Labs launched a new coding model on Tuesday.", {"Halvorsen Labs"}),
        (
            "Halvorsen Labs builds search tools. Today, the company announced the release of a multilingual "
            "text model.",
            {"Halvorsen Labs"},
        ),
        ("Halvorsen Labs is adding three generative AI features to its planner.", {"Halvorsen Labs"}),
        (
            "Quorra Systems today announced a new set of AI-based capabilities for planners.",
            {"Quorra Systems"},
        ),
        (
            "Today, Quorra Systems launched a new risk scoring and reporting platform for banks.",
            {"Quorra Systems"},
        ),
        # a name in what the product does or serves is not the product's name
        ("OpenAI unveiled a tool designed to spot text written by ChatGPT.", {"OpenAI"}),
        ("OpenAI unveiled a tool that spots text written by ChatGPT.", {"OpenAI"}),
    ],
)
def test_extract_events_launch_of_unnamed_product_keeps_the_maker(
    extractor, text: str, who: set[str]
) -> None:
    launches = events_of(extract(extractor, text), "Launch")
    assert [names for names, _ in launches] == [who]


@pytest.mark.parametrize(
    "text",
    [
        "Consultancies like Halvorsen Labs help customers launch SaaS products.",  # a kind of thing
        "Halvorsen Labs launched an inquiry into chip prices.",  # no product noun
        "Halvorsen Labs added that demand was strong.",  # "add" only with a product object
    ],
)
def test_extract_events_launch_needs_an_individuated_product(extractor, text: str) -> None:
    assert events_of(extract(extractor, text), "Launch") == []


@pytest.mark.parametrize(
    "text",
    [
        "Halvorsen Labs launched its new Brindlewick model on Tuesday.",
        "Halvorsen Labs released a chatbot called quillo to its customers.",
    ],
)
def test_extract_events_launch_of_a_named_product_is_never_maker_only(extractor, text: str) -> None:
    # The phrase names the product: when the entity step misses the name, a launch with only the
    # maker would be a wrong fact about an unnamed product.
    assert {"Halvorsen Labs"} not in [names for names, _ in events_of(extract(extractor, text), "Launch")]


def test_extract_events_unnamed_product_may_carry_a_generic_acronym(extractor) -> None:
    launches = events_of(extract(extractor, "Halvorsen Labs launched a new AI model on Tuesday."), "Launch")
    assert [names for names, _ in launches] == [{"Halvorsen Labs"}]


def test_extract_events_planned_unnamed_launch_is_no_event(extractor) -> None:
    assert (
        events_of(
            extract(extractor, "Halvorsen Labs will launch a new coding assistant next year."), "Launch"
        )
        == []
    )
    x = extract(extractor, "Halvorsen Labs will launch Quillbot Pro next year.")
    assert [e.status for _, e in events_of(x, "Launch")] == ["Planned"]  # a named product stays, hedged


@pytest.mark.parametrize(
    ("text", "who", "status"),
    [
        ("The UK will splash an initial £100m in funding to set up a new AI taskforce.", {"UK"}, "Planned"),
        ("Norway will invest $200 million in AI research.", {"Norway"}, "Planned"),
        ("Zentrix AI committed $50 million in funding to open research labs.", {"Zentrix AI"}, "Announced"),
    ],
)
def test_extract_events_acting_investor_with_money_needs_no_named_recipient(
    extractor, text: str, who: set[str], status: str
) -> None:
    investments = events_of(extract(extractor, text), "Investment")
    assert [(names, e.status) for names, e in investments] == [(who, status)]
    assert investments[0][1].amount is not None


@pytest.mark.parametrize(
    "text",
    [
        "Zentrix AI invested heavily in robotics.",  # no money
        "Startups in France received $5 million in EU funding.",  # nobody acts
    ],
)
def test_extract_events_one_sided_investment_needs_an_acting_investor_and_money(extractor, text: str) -> None:
    assert events_of(extract(extractor, text), "Investment") == []


@pytest.mark.parametrize(
    ("text", "who", "value"),
    [
        (
            "Today, Zentrix Labs announced it has completed a $64 million series B funding round, bringing "
            "the company's valuation to $664 million.",
            {"Zentrix Labs"},
            64e6,
        ),
        (
            "Impart Robotics has announced today it has secured $6 million in seed funding led by Northwind "
            "Capital.",
            {"Impart Robotics", "Northwind Capital"},
            6e6,
        ),
        (  # "it" is the reporting verb's named subject, here a place
            "Chile announced that it has received more than $350 million in funding from Northwind Capital.",
            {"Chile", "Northwind Capital"},
            350e6,
        ),
    ],
)
def test_extract_events_round_phrasings_find_the_recipient(
    extractor, text: str, who: set[str], value: float
) -> None:
    investments = events_of(extract(extractor, text), "Investment")
    assert [names for names, _ in investments] == [who]
    amount = investments[0][1].amount
    assert amount is not None and amount.value == value


def test_extract_events_missed_name_as_subject_is_no_salient_guess(extractor) -> None:
    text = (
        "Privora sells privacy software. Privora was bought by a rival last year. "
        "Similar signs were seen when engineering house qyx Labs agreed to acquire Transfold."
    )
    acquisitions = events_of(extract(extractor, text), "Acquisition")
    assert all("Privora" not in names or "Transfold" not in names for names, _ in acquisitions)


def test_extract_events_light_verb_hedge_reaches_the_noun(extractor) -> None:
    x = extract(extractor, "Zentrix AI did not secure $30 million in funding.")
    assert [e.status for _, e in events_of(x, "Investment")] == ["Denied"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Sun bought the database maker in 2008, and was bought by Oracle one year later.", "2009"),
        ("It launched in 2019 and the following year it raised money.", "2020"),
        ("The tool shipped in 2021; later that year it was retired.", "2021"),
        ("The firm was founded in 2015; two years later it was acquired.", "2017"),
        ("It opened in 2010 and closed a year earlier than planned.", "2009"),
    ],
)
def test_extract_dates_year_counted_from_an_earlier_year(text: str, iso: str) -> None:
    assert find_dates(text, None)[-1][2] == iso


def test_extract_dates_relative_year_without_anchor_is_no_date() -> None:
    assert find_dates("Two years later, it shut down.", "2023-06-15") == []


@pytest.mark.parametrize(
    ("text", "etype", "iso"),
    [
        (
            "Jane Roe and John Poe founded Zentrix AI in 2018, after launching Quillbot Pro in 2012.",
            "Launch",
            "2012",
        ),
        (
            "Zentrix AI, which most recently raised $165 million in funding in 2019, sells chat tools.",
            "Investment",
            "2019",
        ),
    ],
)
def test_extract_events_date_of_the_triggers_own_clause(extractor, text: str, etype: str, iso: str) -> None:
    assert [e.date for _, e in events_of(extract(extractor, text), etype)] == [iso]


@pytest.mark.parametrize(
    "text",
    [
        "Halvorsen Labs is partnering with Quorra Systems to release its Brindle app in Japan.",
        "Halvorsen Labs is partnering with Quorra Systems to launch Brindle, a new chatbot.",
    ],
)
def test_extract_events_launch_in_an_infinitive_of_purpose_is_planned(extractor, text: str) -> None:
    launches = [e for _, e in events_of(extract(extractor, text), "Launch")]
    assert launches and all(e.status == "Planned" for e in launches)


def test_extract_events_launch_after_began_to_is_not_planned(extractor) -> None:
    text = "Halvorsen Labs began to roll out its Brindle app on Monday."
    launches = [e for _, e in events_of(extract(extractor, text), "Launch")]
    assert launches and all(e.status != "Planned" for e in launches)
