"""Events, third round: dates and amounts from the trigger's own clause, "working with X to ...",
investor lists the parse breaks, "released the code for X", "whose startup, X", relative clauses on
a coordination, and hedge cues that govern another clause. Sentences written for these tests,
through the whole extractor (the session `extractor` fixture of tests/conftest.py)."""

from __future__ import annotations

import pytest

from kg.model import Document, EventRecord, Extraction

PUBLISHED = "2024-02-08"  # a Thursday


def extract(extractor, text: str, published: str | None = PUBLISHED) -> Extraction:  # noqa: ANN001
    return extractor.extract(Document(id="t", title="", text=text, published=published))


def roles(x: Extraction, ev: EventRecord) -> set[tuple[str, str]]:
    names = {e.key: e.name for e in x.entities}
    return {(role, names[k]) for role, k in ev.participants}


def only(x: Extraction, etype: str) -> EventRecord:
    hits = [e for e in x.events if e.type == etype]
    assert len(hits) == 1, [(e.type, roles(x, e)) for e in x.events]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "published", "etype", "date"),
    [
        # a date in a relative clause or a clause beside the trigger is not the event's
        (
            "Anthropic, which was founded in 2019, released Claude, a model that beat the rivals of 2021.",
            PUBLISHED,
            "Launch",
            None,
        ),
        (
            "Google released Bard, a chatbot that was named one of the best tools of 2021.",
            None,
            "Launch",
            None,
        ),
        # a date around the trigger's clause counts ("In May, X said it launched Y")
        ("In May, Google said that it had launched Bard in Europe.", PUBLISHED, "Launch", "2023-05"),
        # the fronted year and the month of the trigger's clause combine
        (
            "Over the course of 2023, Google shipped many tools, starting in March with the release of Bard.",
            None,
            "Launch",
            "2023-03",
        ),
    ],
)
def test_events_date_comes_from_the_triggers_clause(
    extractor,
    text: str,
    published: str | None,
    etype: str,
    date: str | None,  # noqa: ANN001
) -> None:
    assert only(extract(extractor, text, published), etype).date == date


def test_events_amount_of_another_clause_is_not_the_partnerships(extractor) -> None:  # noqa: ANN001
    x = extract(
        extractor,
        "OpenAI is seeking $10 billion in new money from Microsoft, which has "
        "partnered with the lab for years.",
    )
    ev = only(x, "Partnership")
    assert roles(x, ev) == {("agent", "Microsoft"), ("partner", "OpenAI")}
    assert ev.amount is None


def test_events_relative_clause_on_a_coordination_takes_the_nearest_name(extractor) -> None:  # noqa: ANN001
    x = extract(
        extractor, "Few firms can match Anthropic or Google, which has released its own chatbot called Bard."
    )
    assert roles(x, only(x, "Launch")) == {("agent", "Google"), ("product", "Bard")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Google is working with Anthropic to build safer chatbots.",
            {("agent", "Google"), ("partner", "Anthropic")},
        ),
        (
            "In May, Nvidia announced that it is working with Anthropic to bring models to factories.",
            {("agent", "Nvidia"), ("partner", "Anthropic")},
        ),
        (
            "Apple is working with Nvidia on new chips for its laptops.",
            {("agent", "Apple"), ("partner", "Nvidia")},
        ),
    ],
)
def test_events_working_with_for_a_purpose_is_a_partnership(
    extractor,
    text: str,
    expected: set[tuple[str, str]],  # noqa: ANN001
) -> None:
    x = extract(extractor, text)
    assert roles(x, only(x, "Partnership")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Amazon is among the many vendors working with Anthropic.",
        "Many engineers working with OpenAI to test models later left Google.",
        "Google is working with Anthropic.",
    ],
)
def test_events_working_with_alone_is_no_partnership(extractor, text: str) -> None:  # noqa: ANN001
    assert not [e for e in extract(extractor, text).events if e.type == "Partnership"]


@pytest.mark.parametrize(
    "text",
    [
        "Anthropic raised $20 million in a round co-led by Google and Salesforce Ventures.",
        "Anthropic raised $20 million from investors that include Google and Salesforce Ventures.",
    ],
)
def test_events_investor_lists_the_parse_breaks(extractor, text: str) -> None:  # noqa: ANN001
    x = extract(extractor, text)
    ev = only(x, "Investment")
    assert roles(x, ev) == {
        ("recipient", "Anthropic"),
        ("investor", "Google"),
        ("investor", "Salesforce Ventures"),
    }
    assert ev.amount is not None and ev.amount.value == 20_000_000


def test_events_investors_skip_appositions_and_modifiers(extractor) -> None:  # noqa: ANN001
    x = extract(
        extractor,
        "Anthropic received a strategic investment from Salesforce Ventures, the venture arm of Salesforce.",
    )
    assert roles(x, only(x, "Investment")) == {
        ("recipient", "Anthropic"),
        ("investor", "Salesforce Ventures"),
    }


def test_events_released_the_code_for_a_product(extractor) -> None:  # noqa: ANN001
    x = extract(extractor, "Meta released the code for Llama on Tuesday.")
    ev = only(x, "Launch")
    assert roles(x, ev) == {("agent", "Meta"), ("product", "Llama")}
    assert ev.date == "2024-02-06"


def test_events_whose_startup_received_backing(extractor) -> None:  # noqa: ANN001
    x = extract(
        extractor,
        "These firms sell safety services to platforms, says Sam Altman, a former Google "
        "engineer whose startup, Anthropic, recently received backing from accelerator Y Combinator.",
    )
    assert roles(x, only(x, "Investment")) == {("recipient", "Anthropic"), ("investor", "Y Combinator")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Apple, considering the market, launched Siri on Tuesday.", "Announced"),
        ("Considering the market, Apple launched Siri on Tuesday.", "Announced"),
        ("Google plans to expand Bard, which it launched last year.", "Announced"),
        ("Google plans to launch Bard next week.", "Planned"),
        ("Apple is considering an acquisition of Anthropic.", "Rumoured"),
    ],
)
def test_events_status_cue_must_govern_the_trigger(extractor, text: str, status: str) -> None:  # noqa: ANN001
    x = extract(extractor, text)
    assert x.events, text
    assert {e.status for e in x.events} == {status}


@pytest.mark.parametrize(
    ("text", "etype", "amount", "date"),
    [
        ("Microsoft signed a deal with OpenAI. The deal is worth $10 billion.", "Deal", 10e9, None),
        (
            "Google acquired DeepMind in 2014. The acquisition cost $500 million.",
            "Acquisition",
            500e6,
            "2014",
        ),
        (
            "Nvidia announced a partnership with Google. The partnership was signed on Monday.",
            "Partnership",
            None,
            "2024-02-05",
        ),
        # a hedged back-reference adds nothing
        ("Microsoft signed a deal with OpenAI. The deal could be worth $10 billion.", "Deal", None, None),
    ],
)
def test_events_the_deal_refers_back_to_the_latest_deal(
    extractor,
    text: str,
    etype: str,
    amount: float | None,
    date: str | None,  # noqa: ANN001
) -> None:
    ev = only(extract(extractor, text), etype)
    assert (ev.amount.value if ev.amount else None, ev.date) == (amount, date)


def test_events_the_deal_refers_back_only_to_a_plain_deal(extractor) -> None:  # noqa: ANN001
    x = extract(extractor, "Google reportedly agreed to buy Anthropic. The deal is worth $3 billion.")
    ev = only(x, "Acquisition")
    assert ev.status == "Rumoured" and ev.amount is None


def test_events_it_is_not_an_organization_listed_in_a_phrase(extractor) -> None:  # noqa: ANN001
    x = extract(
        extractor,
        "Paris-based Mistral, a startup founded by researchers from Google and Meta, today opened a new "
        "office. It also announced $40 million in a series A round of funding, led by Sequoia Capital.",
    )
    assert roles(x, only(x, "Investment")) == {("recipient", "Mistral AI"), ("investor", "Sequoia Capital")}


def test_events_the_company_is_not_an_organization_listed_in_a_phrase(extractor) -> None:  # noqa: ANN001
    x = extract(
        extractor,
        "Anthropic has grown fast since it was founded. Its first model, Claude, was trained on web pages "
        "and books from Google and Meta. The company has also launched a coding tool called Claude Code.",
    )
    assert roles(x, only(x, "Launch")) == {("agent", "Anthropic"), ("product", "Claude Code")}


@pytest.mark.parametrize(
    "text",
    [
        "A trio of writers have filed a lawsuit against OpenAI and Meta. The writers — Sarah Silverman, "
        "Mona Awad, and Paul Tremblay — allege that the firms copied their books.",
        "A group of writers sued OpenAI and Meta on Tuesday. The writers, Sarah Silverman, Mona Awad and "
        "Paul Tremblay, say the firms used their books.",
    ],
)
def test_events_a_group_of_plaintiffs_named_in_the_next_sentence(extractor, text: str) -> None:  # noqa: ANN001
    x = extract(extractor, text)
    plaintiffs = {name for role, name in roles(x, only(x, "LegalAction")) if role == "plaintiff"}
    assert plaintiffs == {"Sarah Silverman", "Mona Awad", "Paul Tremblay"}


def test_events_a_group_of_plaintiffs_stays_unnamed_without_an_apposition(extractor) -> None:  # noqa: ANN001
    x = extract(
        extractor,
        "A group of writers sued OpenAI and Meta on Tuesday. Sarah Silverman said the case was important.",
    )
    assert not {role for role, _ in roles(x, only(x, "LegalAction"))} & {"plaintiff"}


def test_events_deal_to_acquire_keeps_the_nouns_amount_and_date(extractor) -> None:  # noqa: ANN001
    x = extract(
        extractor,
        "Google's $5.4 billion deal to acquire Anthropic, announced today, will help its cloud unit.",
    )
    ev = only(x, "Acquisition")
    assert ev.amount is not None and ev.amount.value == 5.4e9
    assert ev.date == PUBLISHED


def test_events_plan_about_how_a_partnership_works_is_no_plan(extractor) -> None:  # noqa: ANN001
    x = extract(
        extractor, "OpenAI's CEO will describe how Microsoft is working with OpenAI to build new chips."
    )
    assert only(x, "Partnership").status == "Announced"
