"""Event rules on hand-built parses (no statistical model): participants, roles, date, amount,
status, suppression of nested triggers and the one-sided-deal fallback."""

from __future__ import annotations

import pytest

from kg.extract.events import event_relations, find_events
from kg.model import ORG, PERSON, PRODUCT, EventRecord
from tests.test_extract_events_helpers import Built, build


def events(b: Built) -> list[EventRecord]:
    return find_events(b.doc, b.table, b.ctx)


def parts(b: Built, ev: EventRecord) -> set[tuple[str, str]]:
    return {(role, b.name(key)) for role, key in ev.participants}


def test_extract_events_partnership_between_two_companies_with_year():
    # "The partnership between Microsoft and G42 began in 2024."
    parse = """
    The DET DT det 1
    partnership NOUN NN nsubj 6
    between ADP IN prep 1
    Microsoft PROPN NNP pobj 2
    and CCONJ CC cc 3
    G42 PROPN NNP conj 3
    began VERB VBD ROOT 6 begin
    in ADP IN prep 6
    2024 NUM CD pobj 7
    . PUNCT . punct 6
    """
    b = build(parse, [(3, 4, ORG, "Microsoft"), (5, 6, ORG, "G42")])
    [ev] = events(b)
    assert ev.type == "Partnership"
    assert {name for _, name in parts(b, ev)} == {"Microsoft", "G42"}
    assert ev.date == "2024"
    assert ev.rule == "kg.event.partnership.noun.v1"
    assert ev.trigger == "partnership"


def test_extract_events_negated_launch_is_not_plain():
    # "OpenAI did not launch Sora."
    parse = """
    OpenAI PROPN NNP nsubj 3
    did AUX VBD aux 3 do
    not PART RB neg 3
    launch VERB VB ROOT 3
    Sora PROPN NNP dobj 3
    . PUNCT . punct 3
    """
    b = build(parse, [(0, 1, ORG, "OpenAI"), (4, 5, PRODUCT, "Sora")])
    [ev] = events(b)
    assert (ev.type, parts(b, ev)) == ("Launch", {("agent", "OpenAI"), ("product", "Sora")})
    assert ev.status == "Denied"
    assert ev.confidence <= 0.65


def test_extract_events_delayed_launch_is_one_delay():
    # "Meta delayed the launch of Llama."
    parse = """
    Meta PROPN NNP nsubj 1
    delayed VERB VBD ROOT 1 delay
    the DET DT det 3
    launch NOUN NN dobj 1
    of ADP IN prep 3
    Llama PROPN NNP pobj 4
    . PUNCT . punct 1
    """
    b = build(parse, [(0, 1, ORG, "Meta"), (5, 6, PRODUCT, "Llama")])
    evs = events(b)
    assert [(e.type, parts(b, e)) for e in evs] == [("Delay", {("agent", "Meta"), ("product", "Llama")})]


TWO_SENTENCES = """
OpenAI PROPN NNP poss 3
's PART POS case 0
Sora PROPN NNP compound 3
app NOUN NN nsubj 4
is AUX VBZ ROOT 4 be
popular ADJ JJ acomp 4
. PUNCT . punct 4
The DET DT det 8
shutdown NOUN NN nsubj 11
of ADP IN prep 8
Sora PROPN NNP pobj 9
surprised VERB VBD ROOT 11 surprise
users NOUN NNS dobj 11
. PUNCT . punct 11
"""


def test_extract_events_product_event_takes_the_stated_developer():
    b = build(TWO_SENTENCES, [(0, 1, ORG, "OpenAI"), (2, 3, PRODUCT, "Sora"), (10, 11, PRODUCT, "Sora")])
    [ev] = events(b)
    assert ev.type == "Discontinuation"
    assert parts(b, ev) == {("agent", "OpenAI"), ("product", "Sora")}
    assert ev.rule == "kg.event.discontinuation.noun-developer.v1"
    assert ev.evidence.sentence == "The shutdown of Sora surprised users."
    assert b.ctx.text[ev.evidence.start : ev.evidence.end] == ev.evidence.sentence


# "OpenAI praised the move. OpenAI grew. The arrangement with Disney was worth $1 billion."
ONE_SIDED_DEAL = """
OpenAI PROPN NNP nsubj 1
praised VERB VBD ROOT 1 praise
the DET DT det 3
move NOUN NN dobj 1
. PUNCT . punct 1
OpenAI PROPN NNP nsubj 6
grew VERB VBD ROOT 6 grow
. PUNCT . punct 6
The DET DT det 9
arrangement NOUN NN nsubj 12
with ADP IN prep 9
Disney PROPN NNP pobj 10
was AUX VBD ROOT 12 be
worth ADJ JJ acomp 12
$ SYM $ quantmod 16
1 NUM CD compound 16
billion NUM CD npadvmod 13
. PUNCT . punct 12
"""
ONE_SIDED_ENTITIES = [(0, 1, ORG, "OpenAI"), (5, 6, ORG, "OpenAI"), (11, 12, ORG, "Disney")]


def test_extract_events_one_sided_deal_takes_the_salient_company():
    b = build(ONE_SIDED_DEAL, ONE_SIDED_ENTITIES)
    [ev] = events(b)
    assert ev.type == "Partnership"
    assert {name for _, name in parts(b, ev)} == {"OpenAI", "Disney"}
    assert ev.amount is not None and ev.amount.value == 1e9 and ev.amount.currency == "USD"
    assert ev.rule.endswith("-neighbour.v1")
    assert ev.confidence < 0.75


def test_extract_events_one_sided_deal_needs_a_company_named_twice():
    b = build(ONE_SIDED_DEAL, [ONE_SIDED_ENTITIES[0], ONE_SIDED_ENTITIES[2]])  # OpenAI named once
    assert events(b) == []


def test_extract_events_passive_acquisition_without_buyer_is_not_guessed():
    # "Progress praised the team. Kinvey was acquired in 2017."
    parse = """
    Progress PROPN NNP nsubj 1
    praised VERB VBD ROOT 1 praise
    the DET DT det 3
    team NOUN NN dobj 1
    . PUNCT . punct 1
    Kinvey PROPN NNP nsubjpass 7
    was AUX VBD auxpass 7 be
    acquired VERB VBN ROOT 7 acquire
    in ADP IN prep 7
    2017 NUM CD pobj 8
    . PUNCT . punct 7
    """
    b = build(parse, [(0, 1, ORG, "Progress"), (5, 6, ORG, "Kinvey")])
    assert events(b) == []


@pytest.mark.parametrize(
    ("parse", "expected"),
    [
        # "Stripe named Ana Ruiz chief executive."
        (
            """
            Stripe PROPN NNP nsubj 1
            named VERB VBD ROOT 1 name
            Ana PROPN NNP compound 3
            Ruiz PROPN NNP dobj 1
            chief ADJ JJ amod 5
            executive NOUN NN oprd 1
            . PUNCT . punct 1
            """,
            [("Appointment", "chief executive")],
        ),
        # "Stripe named its assistant Ava." (no title: a name, not an appointment)
        (
            """
            Stripe PROPN NNP nsubj 1
            named VERB VBD ROOT 1 name
            its PRON PRP$ poss 3
            assistant NOUN NN dobj 1
            Ava PROPN NNP oprd 1
            . PUNCT . punct 1
            """,
            [],
        ),
    ],
)
def test_extract_events_naming_needs_a_job_title(parse, expected):
    ents = [(0, 1, ORG, "Stripe")]
    ents.append((2, 4, PERSON, "Ana Ruiz") if "Ruiz" in parse else (4, 5, PERSON, "Ava"))
    b = build(parse, ents)
    assert [(e.type, e.role) for e in events(b)] == expected


def test_extract_events_light_verb_subject_with_possessor():
    # "Microsoft's data center faces delays."
    parse = """
    Microsoft PROPN NNP poss 3
    's PART POS case 0
    data NOUN NN compound 3
    center NOUN NN nsubj 4
    faces VERB VBZ ROOT 4 face
    delays NOUN NNS dobj 4 delay
    . PUNCT . punct 4
    """
    b = build(parse, [(0, 1, ORG, "Microsoft")])
    [ev] = events(b)
    assert (ev.type, parts(b, ev)) == ("Delay", {("agent", "Microsoft")})


def test_extract_events_talks_to_acquire_is_rumoured():
    # "Apple is in talks to acquire Perplexity."
    parse = """
    Apple PROPN NNP nsubj 1
    is AUX VBZ ROOT 1 be
    in ADP IN prep 1
    talks NOUN NNS pobj 2 talk
    to PART TO aux 5
    acquire VERB VB acl 3
    Perplexity PROPN NNP dobj 5
    . PUNCT . punct 1
    """
    b = build(parse, [(0, 1, ORG, "Apple"), (6, 7, ORG, "Perplexity")])
    [ev] = events(b)
    assert parts(b, ev) == {("agent", "Apple"), ("target", "Perplexity")}
    assert ev.status == "Rumoured"


def test_extract_events_capitalised_trigger_inside_a_sentence_is_a_headline():
    # "Read OpenAI Launches Sora For Everyone."
    parse = """
    Read VERB VB ROOT 0
    OpenAI PROPN NNP nsubj 2
    Launches VERB VBZ ccomp 0 launch
    Sora PROPN NNP dobj 2
    For ADP IN prep 2
    Everyone PRON NN pobj 4
    . PUNCT . punct 0
    """
    b = build(parse, [(1, 2, ORG, "OpenAI"), (3, 4, PRODUCT, "Sora")])
    assert events(b) == []


def test_extract_events_launch_and_appointment_state_relations():
    # "Google launched Gemini. Stripe named Ana Ruiz chief executive."
    parse = """
    Google PROPN NNP nsubj 1
    launched VERB VBD ROOT 1 launch
    Gemini PROPN NNP dobj 1
    . PUNCT . punct 1
    Stripe PROPN NNP nsubj 5
    named VERB VBD ROOT 5 name
    Ana PROPN NNP compound 7
    Ruiz PROPN NNP dobj 5
    chief ADJ JJ amod 9
    executive NOUN NN oprd 5
    . PUNCT . punct 5
    """
    b = build(
        parse,
        [(0, 1, ORG, "Google"), (2, 3, PRODUCT, "Gemini"), (4, 5, ORG, "Stripe"), (6, 8, PERSON, "Ana Ruiz")],
    )
    rels = {
        (b.name(r.subject), r.predicate, b.name(r.object), r.role, r.rule)
        for r in event_relations(b.doc, b.table, b.ctx)
    }
    assert rels == {
        ("Gemini", "developedBy", "Google", None, "kg.rel.developedBy.launch.v1"),
        ("Ana Ruiz", "worksFor", "Stripe", "chief executive", "kg.rel.worksFor.appointment.v1"),
    }


def test_extract_events_relative_date_needs_a_publication_date():
    # "OpenAI shut down Sora this week."
    parse = """
    OpenAI PROPN NNP nsubj 1
    shut VERB VBD ROOT 1
    down ADP RP prt 1
    Sora PROPN NNP dobj 1
    this DET DT det 5
    week NOUN NN npadvmod 1
    . PUNCT . punct 1
    """
    ents = [(0, 1, ORG, "OpenAI"), (3, 4, PRODUCT, "Sora")]
    [dated] = events(build(parse, ents, published="2026-03-29"))
    [undated] = events(build(parse, ents, published=None))
    assert dated.date is not None and dated.date.startswith("2026-03")
    assert undated.date is None
    assert dated.trigger == "shut down"
