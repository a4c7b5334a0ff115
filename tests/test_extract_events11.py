"""Events, round 11 (whole extractor, real model, sentences written for these tests with invented
names): "Y named A CEO" (the title as the verb's object, the person a modifier before it) is an
appointment; "opened a probe into Y" with "into" hung on the verb names Y the defendant; a launch
coordinated under "will", or the bare complement of "will help Y ...", is Planned; "a suit to stop
the acquisition of Y by X" makes X the acquisition's agent, not the plaintiff."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract, roles_of

LEAD = "Brellix Labs makes delivery robots. "


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Brellix Labs named Omar Fenwick CEO on Monday.",
        LEAD + "Brellix Labs has named Omar Fenwick its new chief executive.",
        LEAD + "Brellix Labs hired Omar Fenwick as chief technology officer.",
        LEAD + "Brellix Labs promoted Omar Fenwick to chief operating officer.",
        LEAD + "Omar Fenwick was named CEO of Brellix Labs in May.",
        LEAD + "Omar Fenwick joins Brellix Labs as chief product officer.",
    ],
)
def test_extract_events11_appointment_phrasings(extractor, text) -> None:
    x = extract(extractor, text)
    found = events_of(x, "Appointment")
    assert [p for p, _ in found] == [{"Omar Fenwick", "Brellix Labs"}]
    assert found[0][1].status == "Announced"


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Omar Fenwick will take over as CEO of Brellix Labs in June.",
        LEAD + "Brellix Labs will name Omar Fenwick CEO next month.",
        LEAD + "Brellix Labs plans to name Omar Fenwick its CEO.",
    ],
)
def test_extract_events11_future_appointment_is_planned(extractor, text) -> None:
    found = events_of(extract(extractor, text), "Appointment")
    assert [(p, e.status) for p, e in found] == [({"Omar Fenwick", "Brellix Labs"}, "Planned")]


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "The Federal Trade Commission opened a probe into Brellix Labs on Monday.",
        LEAD + "The Federal Trade Commission launched an investigation into Brellix Labs.",
    ],
)
def test_extract_events11_probe_into_on_the_verb_names_the_defendant(extractor, text) -> None:
    roles = [r for r, _ in roles_of(extract(extractor, text), "LegalAction")]
    assert roles == [{"plaintiff": {"Federal Trade Commission"}, "defendant": {"Brellix Labs"}}]


def test_extract_events11_probe_into_an_incident_is_no_legal_action(extractor) -> None:
    x = extract(extractor, LEAD + "Brellix Labs opened a probe into the outage on Monday.")
    assert not events_of(x, "LegalAction")


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "The new funding will help Brellix Labs expand its team and launch Zorbo Pilot next year.",
        LEAD + "Brellix Labs will hire dozens of engineers over the coming months and launch Zorbo Pilot.",
        LEAD + "The money will help Brellix Labs grow in Europe and release Zorbo Pilot.",
    ],
)
def test_extract_events11_launch_sharing_a_future_modal_is_planned(extractor, text) -> None:
    found = events_of(extract(extractor, text), "Launch")
    assert [(p, e.status) for p, e in found] == [({"Brellix Labs", "Zorbo Pilot"}, "Planned")]


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "Brellix Labs hired engineers and launched Zorbo Pilot.",
        LEAD + "The tool helped Brellix Labs grow and launch Zorbo Pilot.",
    ],
)
def test_extract_events11_launch_without_a_future_modal_stays_announced(extractor, text) -> None:
    found = events_of(extract(extractor, text), "Launch")
    assert [(p, e.status) for p, e in found] == [({"Brellix Labs", "Zorbo Pilot"}, "Announced")]


def test_extract_events11_blocked_acquisition_agent_is_the_by_phrase(extractor) -> None:
    text = (
        LEAD + "Nuvola Inc. sells chips. Velmor Corp filed a lawsuit to stop the acquisition of "
        "Nuvola Inc. by Brellix Labs."
    )
    x = extract(extractor, text)
    deals = [r for r, _ in roles_of(x, "Acquisition")]
    assert deals == [{"target": {"Nuvola Inc."}, "agent": {"Brellix Labs"}}]
    legal = [r for r, _ in roles_of(x, "LegalAction")]
    assert legal == [{"plaintiff": {"Velmor Corp"}, "defendant": {"Nuvola Inc.", "Brellix Labs"}}]


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "The Federal Trade Commission began a probe into Brellix Labs' business practices last week.",
        LEAD + "The Federal Trade Commission opened an investigation into Brellix Labs's data practices.",
    ],
)
def test_extract_events11_probe_into_a_named_owners_practices(extractor, text) -> None:
    roles = [r for r, _ in roles_of(extract(extractor, text), "LegalAction")]
    assert roles == [{"plaintiff": {"Federal Trade Commission"}, "defendant": {"Brellix Labs"}}]


def test_extract_events11_probe_into_its_own_practices_names_no_defendant(extractor) -> None:
    x = extract(extractor, LEAD + "Brellix Labs opened a probe into its own data practices.")
    assert all("defendant" not in r for r, _ in roles_of(x, "LegalAction"))
