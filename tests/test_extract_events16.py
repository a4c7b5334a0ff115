"""Events, round 16 (whole extractor, real model, sentences written for these tests with invented
names): a launch by a team, researchers or engineers "at"/"from" an organization is that organization's
launch (launchers.staff_makers); a deal "with" a descriptor the parse reads as a verb ("an agreement
with robotics startup X") still names X as the other side (dealargs._with_misparsed)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import extract, roles_of


@pytest.mark.parametrize(
    ("text", "makers"),
    [
        ("A team at Vantor University released Quillify, a tool that blurs faces in photos.",
         {"Vantor University"}),
        ("Researchers from Vantor University and Brellix Labs launched the Quill Ledger on Monday.",
         {"Vantor University", "Brellix Labs"}),
        ("Last spring, engineers at Brellix Labs unveiled Quillify, an app for sorting receipts.",
         {"Brellix Labs"}),
    ],
)
def test_extract_events16_staff_at_an_organization_launch_for_it(extractor, text, makers) -> None:
    found = roles_of(extract(extractor, text), "Launch")
    assert found, "no launch found"
    assert found[0][0].get("agent") == makers


@pytest.mark.parametrize(
    "text",
    [
        # the staff noun is not the launch verb's subject: no maker is read from "at"
        "Brellix Labs hired a team at Vantor University, and Quorva Systems released Quillify last week.",
        # a person, not an organization, after "from": no organization agent
        "A team from Dana Whitlow's lab released Quillify, a tool that blurs faces in photos.",
    ],
)
def test_extract_events16_staff_rule_needs_the_subject_and_an_organization(extractor, text) -> None:
    found = roles_of(extract(extractor, text), "Launch")
    agents = set().union(*(r.get("agent", set()) for r, _ in found))
    assert "Vantor University" not in agents
    assert not any("Whitlow" in a for a in agents)


@pytest.mark.parametrize(
    "descriptor", ["quantum computing startup", "robotics startup", "Canadian chip firm"]
)
def test_extract_events16_deal_with_descriptor_names_the_partner(extractor, descriptor) -> None:
    text = (
        f"Mining giant Tarvex Holdings said it has reached an agreement with {descriptor} Quorva Systems "
        "to market and resell Quorva Systems sensors in Chile."
    )
    found = roles_of(extract(extractor, text), "Deal") + roles_of(extract(extractor, text), "Partnership")
    parties = [set().union(*r.values()) for r, _ in found]
    assert {"Tarvex Holdings", "Quorva Systems"} in parties
