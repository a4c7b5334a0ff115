"""Event status from hedge and negation cues in the trigger's clause (kg/data/hedges.json)."""

from __future__ import annotations

import pytest

from kg.extract.status import STATUSES, TriggerOffsetError, clause_bounds, status_of


def status(sentence: str, trigger: str, event_type: str = "Acquisition") -> str:
    """status_of for the first occurrence of `trigger` in `sentence` (the last one when marked ^)."""
    if trigger.startswith("^"):
        trigger = trigger[1:]
        start = sentence.rindex(trigger)
    else:
        start = sentence.index(trigger)
    return status_of(sentence, start, start + len(trigger), event_type)


@pytest.mark.parametrize(
    ("sentence", "trigger", "event_type", "expected"),
    [
        # plain statements stay Announced
        ("Nimbus acquired Quartzly for $50m.", "acquired", "Acquisition", "Announced"),
        ("Nimbus launched Quill, a note-taking app, on Monday.", "launched", "Launch", "Announced"),
        ("Nimbus said it was shutting down Quill.", "shutting down", "Discontinuation", "Announced"),
        ("Nimbus scrapped Quill after weak sales.", "scrapped", "Discontinuation", "Announced"),
        ("Nimbus postponed the rollout of Quill.", "postponed", "Delay", "Announced"),
        ("Nimbus and Orbit signed a deal to share chips.", "deal", "Deal", "Announced"),
        ("Nimbus has agreed to acquire Quartzly.", "acquire", "Acquisition", "Announced"),
        ("Nimbus declined to comment on the acquisition.", "acquisition", "Acquisition", "Announced"),
        ("Nimbus launched Quill, the company said.", "launched", "Launch", "Announced"),
        ("Nimbus named Ada Park chief executive.", "named", "Appointment", "Announced"),
        ("Orbit sued Nimbus, which allegedly copied its code.", "sued", "LegalAction", "Announced"),
        ("Orbit sued Nimbus; Nimbus denied the claims.", "sued", "LegalAction", "Announced"),
        # scope: hedges in another clause or an aside do not count
        (
            "Nimbus, which reportedly has 100 staff, acquired Quartzly.",
            "acquired",
            "Acquisition",
            "Announced",
        ),
        ("Nimbus launched Quill, which could reshape note-taking.", "launched", "Launch", "Announced"),
        ("Although critics say it may flop, Nimbus launched Quill.", "launched", "Launch", "Announced"),
        ("Nimbus launched Quill, and rumours say it will buy Orbit.", "launched", "Launch", "Announced"),
        ("Nimbus launched Quill but may drop it next year.", "launched", "Launch", "Announced"),
        ("Nimbus (which might sell itself) launched Quill.", "launched", "Launch", "Announced"),
        ("In May, Nimbus launched Quill.", "launched", "Launch", "Announced"),
        ("Nimbus and Orbit are not only partners but rivals.", "partners", "Partnership", "Announced"),
        ("It was not the first time Nimbus had acquired a rival.", "acquired", "Acquisition", "Announced"),
        (
            "The money will help the startup hire more engineers after its acquisition of Quartzly.",
            "acquisition",
            "Acquisition",
            "Announced",
        ),
        (
            "The grant will pay for staff, since the startup launched Quill in 2021.",
            "launched",
            "Launch",
            "Announced",
        ),
        (
            "At the Acme Explore conference, Nimbus announced the launch of Quill.",
            "launch",
            "Launch",
            "Announced",
        ),
        (
            "This looks planned, especially considering Nimbus's acquisition of Quartzly.",
            "acquisition",
            "Acquisition",
            "Announced",
        ),
        # Rumoured
        ("If it can't launch on Monday, the team will try again.", "launch", "Launch", "Rumoured"),
        ("Nimbus did not confirm or deny that it acquired Quartzly.", "acquired", "Acquisition", "Rumoured"),
        ("Nimbus neither confirmed nor denied a deal with Orbit.", "deal", "Deal", "Rumoured"),
        ("The sale of the unit has not been confirmed by Nimbus.", "sale", "Deal", "Rumoured"),
        ("Nimbus is reportedly in talks to acquire Quartzly.", "acquire", "Acquisition", "Rumoured"),
        ("Nimbus reportedly acquired Quartzly last month.", "acquired", "Acquisition", "Rumoured"),
        (
            "Nimbus is in advanced talks to buy Quartzly, people familiar with the matter said.",
            "buy",
            "Acquisition",
            "Rumoured",
        ),
        (
            "Nimbus plans to buy Quartzly, according to people familiar with the plans.",
            "buy",
            "Acquisition",
            "Rumoured",
        ),
        ("Nimbus is said to be weighing a bid for Quartzly.", "bid", "Deal", "Rumoured"),
        ("Nimbus is considering an acquisition of Quartzly.", "acquisition", "Acquisition", "Rumoured"),
        ("Nimbus is exploring a sale of its chip unit.", "sale", "Deal", "Rumoured"),
        ("Nimbus could acquire Quartzly this year.", "acquire", "Acquisition", "Rumoured"),
        ("Nimbus might launch Quill in Europe.", "launch", "Launch", "Rumoured"),
        ("Nimbus may invest in Orbit.", "invest", "Investment", "Rumoured"),
        ("The potential deal would value Quartzly at $1bn.", "deal", "Deal", "Rumoured"),
        ("The reported shutdown of Quill surprised users.", "shutdown", "Discontinuation", "Rumoured"),
        ("The possible merger worries regulators.", "merger", "Deal", "Rumoured"),
        ("Rumours that Nimbus will buy Quartzly lifted its shares.", "buy", "Acquisition", "Rumoured"),
        ("Nimbus is rumoured to be acquiring Quartzly.", "acquiring", "Acquisition", "Rumoured"),
        ("Sources say Nimbus is nearing a deal with Orbit.", "deal", "Deal", "Rumoured"),
        ("Nimbus launched Quill, the report said.", "launched", "Launch", "Rumoured"),
        ("Bloomberg reported that Nimbus acquired Quartzly.", "acquired", "Acquisition", "Rumoured"),
        ("If Nimbus acquires Quartzly, prices will rise.", "acquires", "Acquisition", "Rumoured"),
        ("It is unclear whether Nimbus will launch Quill.", "launch", "Launch", "Rumoured"),
        ("Nimbus is looking to raise $50m from investors.", "raise", "Investment", "Rumoured"),
        ("Nimbus has held talks about a partnership with Orbit.", "partnership", "Partnership", "Rumoured"),
        # Denied
        ("Nimbus denied reports that it would acquire Quartzly.", "acquire", "Acquisition", "Denied"),
        ("Nimbus denied that it was in talks to buy Quartzly.", "buy", "Acquisition", "Denied"),
        ("Nimbus dismissed reports of a merger with Orbit.", "merger", "Deal", "Denied"),
        ("Nimbus has no plans to acquire Quartzly.", "acquire", "Acquisition", "Denied"),
        ("Nimbus did not acquire Quartzly.", "acquire", "Acquisition", "Denied"),
        ("Nimbus didn't launch Quill in Europe.", "launch", "Launch", "Denied"),
        ("Nimbus won't launch Quill this year.", "launch", "Launch", "Denied"),
        ("Nimbus never launched Quill.", "launched", "Launch", "Denied"),
        ("Nimbus is not in talks to buy Quartzly, a spokesperson said.", "buy", "Acquisition", "Denied"),
        ("Nimbus rejected reports that it will buy Quartzly.", "buy", "Acquisition", "Denied"),
        ("Reports that Nimbus would buy Quartzly are false, the firm said.", "buy", "Acquisition", "Denied"),
        ("No deal was reached between Nimbus and Orbit.", "deal", "Deal", "Denied"),
        # Planned
        ("Nimbus plans to launch Quill next month.", "launch", "Launch", "Planned"),
        ("Nimbus will launch Quill in June.", "launch", "Launch", "Planned"),
        ("Nimbus will soon expedite the launch of Quill.", "launch", "Launch", "Planned"),
        ("Nimbus'll launch Quill in June.", "launch", "Launch", "Planned"),
        ("Nimbus is set to acquire Quartzly.", "acquire", "Acquisition", "Planned"),
        ("Nimbus intends to invest $2bn in Orbit.", "invest", "Investment", "Planned"),
        ("Nimbus aims to launch Quill before summer.", "launch", "Launch", "Planned"),
        ("Nimbus is expected to announce a partnership with Orbit.", "partnership", "Partnership", "Planned"),
        ("Nimbus is preparing to launch Quill.", "launch", "Launch", "Planned"),
        ("Nimbus announced plans to acquire Quartzly.", "acquire", "Acquisition", "Planned"),
        ("The planned acquisition of Quartzly needs approval.", "acquisition", "Acquisition", "Planned"),
        (
            "The acquisition is expected to close in the third quarter.",
            "acquisition",
            "Acquisition",
            "Planned",
        ),
        ("If approved, the deal will close next year.", "deal", "Deal", "Planned"),
        ("The merger, subject to regulatory approval, creates a giant.", "merger", "Deal", "Planned"),
        ("Nimbus has yet to launch Quill in Asia.", "launch", "Launch", "Planned"),
        ("Nimbus offered to buy Quartzly for $2bn.", "buy", "Acquisition", "Planned"),
        ("Nimbus tried to acquire Quartzly last year.", "acquire", "Acquisition", "Planned"),
        ("Nimbus has proposed to merge with Orbit.", "merge", "Deal", "Planned"),
        ("Nimbus said it would shut down Quill.", "shut down", "Discontinuation", "Planned"),
        # Rejected
        ("Quartzly rejected Nimbus's $5bn takeover offer.", "offer", "Deal", "Rejected"),
        ("Quartzly turned down an offer from Nimbus.", "offer", "Deal", "Rejected"),
        ("Quartzly rebuffed a bid from Nimbus.", "bid", "Deal", "Rejected"),
        ("Quartzly declined Nimbus's generous offer.", "offer", "Deal", "Rejected"),
        ("Shareholders voted against the merger with Orbit.", "merger", "Deal", "Rejected"),
        ("A judge rejected the lawsuit against Nimbus.", "lawsuit", "LegalAction", "Rejected"),
        # Cancelled
        ("Nimbus called off its planned acquisition of Quartzly.", "acquisition", "Acquisition", "Cancelled"),
        ("Nimbus scrapped the launch of Quill.", "launch", "Launch", "Cancelled"),
        ("Nimbus abandoned its bid for Quartzly.", "bid", "Deal", "Cancelled"),
        ("The deal between Nimbus and Orbit fell through.", "deal", "Deal", "Cancelled"),
        ("Nimbus terminated its partnership with Orbit.", "partnership", "Partnership", "Cancelled"),
        ("Regulators blocked the merger of Nimbus and Orbit.", "merger", "Deal", "Cancelled"),
        ("Nimbus walked away from the deal with Orbit.", "deal", "Deal", "Cancelled"),
        # Completed
        ("Nimbus has completed its acquisition of Quartzly.", "acquisition", "Acquisition", "Completed"),
        ("Nimbus has acquired Quartzly.", "acquired", "Acquisition", "Completed"),
        ("Nimbus closed the deal with Orbit on Friday.", "deal", "Deal", "Completed"),
        ("Nimbus finalized its investment in Orbit.", "investment", "Investment", "Completed"),
        ("The acquisition of Quartzly was completed in May.", "acquisition", "Acquisition", "Completed"),
        ("Nimbus launched Quill in a closed beta.", "launched", "Launch", "Announced"),
        ("Nimbus will complete the acquisition of Quartzly.", "acquisition", "Acquisition", "Planned"),
    ],
)
def test_status_cases(sentence: str, trigger: str, event_type: str, expected: str) -> None:
    assert status(sentence, trigger, event_type) == expected


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # the same hedge word applies to one trigger and not to the other
        ("Nimbus acquired Quartzly, and it may buy Orbit too.", "acquired", "Announced"),
        ("Nimbus acquired Quartzly, and it may buy Orbit too.", "buy", "Rumoured"),
        ("Nimbus will buy Orbit; it bought Quartzly in May.", "bought", "Announced"),
        ("Nimbus will buy Orbit; it bought Quartzly in May.", "buy", "Planned"),
        ("Nimbus bought Quartzly after Orbit reportedly rejected a bid.", "bought", "Announced"),
        ("Nimbus bought Quartzly after Orbit reportedly rejected a bid.", "^bid", "Rejected"),
    ],
)
def test_status_two_triggers_one_sentence(sentence: str, trigger: str, expected: str) -> None:
    assert status(sentence, trigger) == expected


@pytest.mark.parametrize(
    ("sentence", "trigger", "event_type", "expected"),
    [
        # "considering" as a preposition is no talk cue; as a verb it is
        ("Nimbus, considering the demand, launched Quill on Monday.", "launched", "Launch", "Announced"),
        ("Considering the demand, Nimbus launched Quill.", "launched", "Launch", "Announced"),
        ("Nimbus launched Quill, considering that rivals were near.", "launched", "Launch", "Announced"),
        ("Nimbus is considering buying Quartzly.", "buying", "Acquisition", "Rumoured"),
        ("Nimbus has been considering an acquisition of Quartzly.", "acquisition", "Acquisition", "Rumoured"),
        # a plan or modal about another verb, whose object holds the trigger's own clause
        ("Nimbus plans to spend the money it raised on new hires.", "raised", "Investment", "Announced"),
        ("Nimbus plans to expand the service it has launched in Oslo.", "launched", "Launch", "Announced"),
        ("Nimbus will back startups that Orbit invested in.", "invested", "Investment", "Announced"),
        ("Nimbus hopes to hire the people who built and launched Quill.", "launched", "Launch", "Announced"),
        # ... while a plan on the trigger itself stays
        ("Nimbus plans to buy a stake in Quartzly.", "stake", "Investment", "Planned"),
        ("Nimbus is in talks to acquire the startup that makes Quill.", "acquire", "Acquisition", "Rumoured"),
        ("Rumours that Nimbus will buy Quartzly lifted its shares.", "buy", "Acquisition", "Rumoured"),
        ("Analysts reported that it acquired Quartzly.", "acquired", "Acquisition", "Rumoured"),
    ],
)
def test_status_cue_must_govern_the_trigger(
    sentence: str, trigger: str, event_type: str, expected: str
) -> None:
    assert status(sentence, trigger, event_type) == expected


def test_status_values_are_known() -> None:
    assert status("Nimbus acquired Quartzly.", "acquired") in STATUSES


def test_status_clause_excludes_asides() -> None:
    sentence = "Nimbus, which reportedly has 100 staff, acquired Quartzly."
    start = sentence.index("acquired")
    text, lo, hi = clause_bounds(sentence, start, start + len("acquired"))
    assert "reportedly" not in text[lo:hi]
    assert "acquired Quartzly" in text[lo:hi]


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 2), (0, 999)])
def test_status_rejects_bad_offsets(start: int, end: int) -> None:
    with pytest.raises(TriggerOffsetError):
        status_of("Nimbus acquired Quartzly.", start, end, "Acquisition")


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # a yes-no question asks whether it happens: the headline form "Will X buy Y?"
        ("Will Nimbus buy Quartzly?", "buy", "Rumoured"),
        ("Could Orbit acquire Quartzly this year?", "acquire", "Rumoured"),
        ("Analysts ask: will Nimbus buy Quartzly?", "buy", "Rumoured"),
        ("Is Nimbus about to buy Quartzly? Not yet.", "buy", "Rumoured"),
        # the opener must open the clause, and the clause must end at the question mark
        ("Why did Nimbus buy Quartzly?", "buy", "Announced"),
        ("Nimbus bought Quartzly. Will Orbit follow?", "bought", "Announced"),
        ("Will Nimbus buy Quartzly, and at what price?", "buy", "Planned"),
    ],
)
def test_status_yes_no_question_is_rumoured(sentence: str, trigger: str, expected: str) -> None:
    assert status(sentence, trigger) == expected
