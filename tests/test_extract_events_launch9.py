"""Launch recall, round 9 (whole extractor, real model, sentences written for these tests with invented
names): a pronoun launched in a fronted "since it was released" clause is the main clause's product; a
launch participle on "the chatbot" the parser hangs away from the name before it launches that name; a
person who launches does so for the organization the text says employs them."""

from __future__ import annotations

import pytest

from tests.extract_helpers import events_of, extract, roles_of

OPENER = "Zentrix AI makes software for banks. "


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Since it launched last spring, Quorra 2 has signed up banks.", {"Quorra 2"}),
        (
            "In the five months since it was launched, the Quorra Studio app has drawn ten million users.",
            {"Quorra Studio"},
        ),
        # a fronted clause whose pronoun launches something else keeps its own maker
        ("Since it launched Quorra 2 last spring, Zentrix AI has signed up banks.",
         {"Zentrix AI", "Quorra 2"}),
    ],
)
def test_launch_fronted_pronoun_is_the_main_subject(extractor, text: str, who: set[str]):
    found = events_of(extract(extractor, OPENER + text), "Launch")
    assert [names for names, _ in found] == [who]


def test_launch_fronted_pronoun_takes_no_organization_for_it(extractor):
    x = extract(extractor, OPENER + "Since it launched last spring, Quorra 2 has signed up banks.")
    assert not [r for r in x.relations if r.rule == "kg.rel.developedBy.launch.v1"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Brindle Labs unveiled a rival to ChatGPT, the popular chatbot released by OpenAI in March.",
            [{"OpenAI", "ChatGPT"}],
        ),
        (
            "During the keynote, Kurtz praised Quorra 2 and Plinko 3, two new models released by Zentrix AI "
            "in June.",
            [{"Zentrix AI", "Plinko 3"}, {"Zentrix AI", "Quorra 2"}],
        ),
    ],
)
def test_launch_participle_after_a_comma_launches_the_name_before(extractor, text: str, who: list[set[str]]):
    found = events_of(extract(extractor, OPENER + text), "Launch")
    assert sorted([names for names, _ in found], key=sorted) == sorted(who, key=sorted)


def test_launch_participle_after_a_comma_needs_a_product_noun(extractor):
    text = "Brindle Labs hired a partner of ChatGPT, the consultancy hired by OpenAI in March."
    assert events_of(extract(extractor, OPENER + text), "Launch") == []


def test_launch_by_a_person_is_the_employers(extractor):
    text = "Dana Whitfield, the chief executive of Zentrix AI, unveiled the Quorra Studio app on Monday."
    x = extract(extractor, OPENER + text)
    found = roles_of(x, "Launch")
    assert [roles for roles, _ in found] == [{"agent": {"Zentrix AI"}, "product": {"Quorra Studio"}}]
    names = {e.key: e.name for e in x.entities}
    assert ("Quorra Studio", "Zentrix AI") in {
        (names[r.subject], names[r.object]) for r in x.relations if r.predicate == "developedBy"
    }


def test_launch_by_a_person_without_employer_guesses_none(extractor):
    text = "Dana Whitfield unveiled the Quorra Studio app on Monday."
    found = roles_of(extract(extractor, "Quorra Studio is a tool for banks. " + text), "Launch")
    assert all("agent" not in roles for roles, _ in found)


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Microsoft spurred Google to roll out its chatbot, Bard, weeks later.", {"Google"}),
        ("The pressure prompted Zentrix AI to release Quorra 2 early.", {"Zentrix AI"}),
        # the infinitive's object is no organization: the subject launches
        ("Zentrix AI used the new funding to launch Quorra 2 in June.", {"Zentrix AI"}),
    ],
)
def test_launch_infinitive_under_an_object_is_the_objects(extractor, text: str, agent: set[str]):
    found = roles_of(extract(extractor, OPENER + text), "Launch")
    assert [roles.get("agent") for roles, _ in found] == [agent]
