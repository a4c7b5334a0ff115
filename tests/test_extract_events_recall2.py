"""Event recall, second round (issue #3): rounds named by a possessor and led by investors, rounds whose
recipient is the subject of the sentence, "co-led by" split by the parse, "the last of which", partners
behind a misread gerund, "join efforts", launches in a "with" phrase, launches announced by an
apposition, "built a bot called X", use-of-proceeds infinitives, money before "at a valuation".
Whole extractor and real model; every sentence is written for these tests with invented names."""

from __future__ import annotations

import pytest

from tests.test_extract_events_recall import events_of, extract


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Bravik Labs's series A round was led by Stonefield Capital and Orca Partners, with "
            "participation from several angels.",
            {"Bravik Labs", "Stonefield Capital", "Orca Partners"},
        ),
        (
            "Today, Ternal Labs announced a $21 million series B funding round co-led by Harlow Ventures and "
            "Pendle Capital.",
            {"Ternal Labs", "Harlow Ventures", "Pendle Capital"},
        ),
        (
            "Today, Zentrix Labs launched a new risk platform for security teams with $32 million in "
            "funding, with $26 million provided as part of a series A round led by Birchwood Capital.",
            {"Zentrix Labs", "Birchwood Capital"},
        ),
        (
            "Quell Labs competes against companies including Mavrik, Tessal and Orbyn, the last of which has "
            "raised over $320 million.",
            {"Orbyn"},
        ),
    ],
)
def test_extract_events_recall2_investment_rounds(extractor, text: str, who: set[str]) -> None:
    found = events_of(extract(extractor, text), "Investment")
    assert any(who <= names for names, _ in found), found


def test_extract_events_recall2_round_amount_in_describing_clause(extractor) -> None:
    text = (
        "Today, Zentrix Labs launched a new risk platform for security teams with $32 million in funding, "
        "with $26 million provided as part of a series A round led by Birchwood Capital."
    )
    found = events_of(extract(extractor, text), "Investment")
    assert [e.amount.value for _, e in found if e.amount] == [26_000_000]


def test_extract_events_recall2_money_before_valuation(extractor) -> None:
    text = (
        "Quell Labs competes against companies including Mavrik, Tessal and Orbyn, the last of which has "
        "raised over $320 million at a valuation reportedly exceeding $1 billion."
    )
    found = events_of(extract(extractor, text), "Investment")
    assert [e.amount.value for _, e in found if e.amount] == [320_000_000]


@pytest.mark.parametrize(
    "text",
    [
        "Bravik Labs's series A round was seen as a bellwether.",  # no lead investor, no amount: no event
        "Quell Labs beat Mavrik, Tessal and Orbyn, the last of which was founded in 2019.",
    ],
)
def test_extract_events_recall2_no_round_without_lead_or_money(extractor, text: str) -> None:
    assert events_of(extract(extractor, text), "Investment") == []


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Nintendo is partnering with publishing giant Tencent to release the Switch.",
            {"Nintendo", "Tencent"},
        ),
        (
            "Koala Labs announced its intent to join efforts with Draxa, another Vesta-owned company.",
            {"Koala Labs", "Draxa"},
        ),
    ],
)
def test_extract_events_recall2_partnerships(extractor, text: str, who: set[str]) -> None:
    found = events_of(extract(extractor, text), "Partnership")
    assert any(who <= names for names, _ in found), found


def test_extract_events_recall2_intent_is_planned(extractor) -> None:
    text = "Koala Labs announced its intent to join efforts with Draxa, another Vesta-owned company."
    found = events_of(extract(extractor, text), "Partnership")
    assert found and all(e.status == "Planned" for _, e in found)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Trellis Labs, a vendor of testing tools, today expanded its product portfolio with the "
            "launch of Zedlens, open-source software.",
            {"Trellis Labs", "Zedlens"},
        ),
        (
            "Bravik Labs' insurance spinoff, Bravik Assurance Inc., this week announced the launch of "
            "Guardly Shield, its new warranty product.",
            {"Bravik Assurance Inc.", "Guardly Shield"},
        ),
        (
            "Velora Labs, a startup founded by former researchers, built a bot called Brindle that talks to "
            "users.",
            {"Velora Labs", "Brindle"},
        ),
    ],
)
def test_extract_events_recall2_launch_makers(extractor, text: str, who: set[str]) -> None:
    found = events_of(extract(extractor, text), "Launch")
    assert any(names == who for names, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        # the apposition acts, so its owner is no maker
        "Bravik Labs' insurance spinoff, Bravik Assurance Inc., this week announced the launch of Guardly "
        "Shield, its new warranty product.",
    ],
)
def test_extract_events_recall2_owner_is_not_maker(extractor, text: str) -> None:
    found = events_of(extract(extractor, text), "Launch")
    assert found and all("Bravik Labs" not in names for names, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Velora Labs is building a bot called Brindle for its users.",  # not yet built
        "With the launch of Brindle by Velora Labs, Quorra Systems cut its prices.",  # fronted: Quorra reacts
    ],
)
def test_extract_events_recall2_no_wrong_launch_maker(extractor, text: str) -> None:
    for names, e in events_of(extract(extractor, text), "Launch"):
        assert "Quorra Systems" not in names
        assert e.rule != "kg.event.launch.verb.v1" or "building" not in e.trigger


@pytest.mark.parametrize(
    "text",
    [
        "The company maintains that its investment will enable Quoral Labs, which reportedly has five "
        "customers, to release a new version of its chip platform; improve its kit; and roll out new "
        "products for phones.",
        "Today, Velora Labs released the code for an open-source large language model (LLM) called brindle "
        "— named after a famous horse, the fastest of its era — that companies can use to build chatbots.",
    ],
)
def test_extract_events_recall2_no_maker_only_launch(extractor, text: str) -> None:
    """A use-of-proceeds list is no launch yet; a named (if lower-case) product is no unnamed one."""
    assert [e for e in extract(extractor, text).events if e.type == "Launch"] == []


def test_extract_events_recall2_infinitive_list_is_planned(extractor) -> None:
    text = "Acme Labs said it will hire engineers and launch Zedra, its coding assistant."
    found = events_of(extract(extractor, text), "Launch")
    assert found and all(e.status == "Planned" for _, e in found)
    past = "Acme Labs hired engineers and launched Zedra, its coding assistant."
    done = events_of(extract(extractor, past), "Launch")
    assert done and all(e.status == "Announced" for _, e in done)


# --- round 2: classes from the audit of fresh articles -------------------------------------------


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (  # one round told in two halves: the recipient's verb and the investors' "with ... leading"
            "Tovalink Labs has secured $14 million in seed funding, with Harlow Ventures leading the round.",
            {"Tovalink Labs", "Harlow Ventures"},
        ),
        (
            "Tovalink Labs announced it raised $9 million in a seed round, with Harlow Ventures and "
            "Pemberton Capital participating.",
            {"Tovalink Labs", "Harlow Ventures", "Pemberton Capital"},
        ),
        (
            "Tovalink Labs raised $20 million, with participation from Harlow Ventures.",
            {"Tovalink Labs", "Harlow Ventures"},
        ),
        (  # a round that names only investors belongs to the subject of the sentence before
            "Quantiva Labs builds search software for retailers. In 2020, Harlow Ventures led a seed round "
            "with Pemberton Capital.",
            {"Quantiva Labs", "Harlow Ventures", "Pemberton Capital"},
        ),
    ],
)
def test_extract_events_recall2_round_halves_and_previous_subject(
    extractor, text: str, who: set[str]
) -> None:
    found = events_of(extract(extractor, text), "Investment")
    assert len(found) == 1 and who <= found[0][0], found


def test_extract_events_recall2_halves_keep_amount(extractor) -> None:
    text = "Tovalink Labs has secured $14 million in seed funding, with Harlow Ventures leading the round."
    ((_, ev),) = events_of(extract(extractor, text), "Investment")
    assert ev.amount is not None and ev.amount.value == 14_000_000


@pytest.mark.parametrize(
    "text",
    [
        # two companies in the sentence before: whose round it is stays open
        "Quantiva Labs and Brivo Labs build software. Harlow Ventures led a seed round.",
        # the lead investor is the subject before: no recipient to take
        "Harlow Ventures is a fund. Harlow Ventures led a seed round.",
        # "joining" in a with-phrase is no investment
        "Tovalink Labs raised $20 million, with Harlow Ventures joining as an adviser.",
    ],
)
def test_extract_events_recall2_no_guessed_recipient(extractor, text: str) -> None:
    found = events_of(extract(extractor, text), "Investment")
    assert all("Harlow Ventures" not in names or len(names) == 1 for names, _ in found), found
    if "adviser" in text:
        assert all("Harlow Ventures" not in names for names, _ in found), found
    else:
        assert found == [], found


@pytest.mark.parametrize(
    ("text", "plaintiff", "defendant"),
    [
        (
            "Picture Corp also filed a suit, alleging that Zentro AI trained its model on many images.",
            "Picture Corp",
            "Zentro AI",
        ),
        ("Harlan Media sued on Monday, claiming Zentro AI copied its archive.", "Harlan Media", "Zentro AI"),
    ],
)
def test_extract_events_recall2_defendant_in_allegation(
    extractor, text: str, plaintiff: str, defendant: str
) -> None:
    x = extract(extractor, text)
    names = {e.key: e.name for e in x.entities}
    suits = [{(role, names[k]) for role, k in e.participants} for e in x.events if e.type == "LegalAction"]
    assert suits == [{("plaintiff", plaintiff), ("defendant", defendant)}], suits


def test_extract_events_recall2_allegation_does_not_replace_object(extractor) -> None:
    x = extract(extractor, "Harlan Media sued Delta Labs on Monday, claiming Zentro AI copied its archive.")
    names = {e.key: e.name for e in x.entities}
    defendants = [names[k] for e in x.events for role, k in e.participants if role == "defendant"]
    assert defendants == ["Delta Labs"]


def test_extract_events_recall2_counsel_is_no_plaintiff(extractor) -> None:
    x = extract(
        extractor, "Attorney Dana Whitlock has also begun suits against tech firms on behalf of coders."
    )
    assert [e for e in x.events if e.type == "LegalAction"] == []


@pytest.mark.parametrize(
    ("text", "product"),
    [
        (
            "Orbis Labs has launched a new tool to watermark images. The tool, called MarkSafe, hides a "
            "signal in the pixels.",
            "MarkSafe",
        ),
        ("Orbis Labs unveiled a chatbot for lawyers. The chatbot, named Lexi, answers questions.", "Lexi"),
    ],
)
def test_extract_events_recall2_launch_named_next_sentence(extractor, text: str, product: str) -> None:
    found = events_of(extract(extractor, text), "Launch")
    assert [names for names, _ in found] == [{"Orbis Labs", product}]


def test_extract_events_recall2_unnamed_launch_stays_without_name(extractor) -> None:
    found = events_of(extract(extractor, "Orbis Labs released a new model. The model is fast."), "Launch")
    assert [names for names, _ in found] == [{"Orbis Labs"}]


@pytest.mark.parametrize(
    "text",
    [
        "Orbix Corp launched Snapbox in 2021. Last month it shuttered the project.",
        "Orbix Corp launched Snapbox in 2021. In May the service was discontinued.",
    ],
)
def test_extract_events_recall2_discontinued_by_anaphor(extractor, text: str) -> None:
    found = events_of(extract(extractor, text), "Discontinuation")
    assert [names for names, _ in found] == [{"Orbix Corp", "Snapbox"}]


@pytest.mark.parametrize(
    "text",
    [
        "Orbix Corp launched Snapbox in 2021. Rivals shut down the service they ran.",
        "Orbix Corp launched Snapbox in 2021. The company later closed the project office.",
    ],
)
def test_extract_events_recall2_no_anaphor_discontinuation(extractor, text: str) -> None:
    assert events_of(extract(extractor, text), "Discontinuation") == []
