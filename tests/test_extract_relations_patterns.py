"""The rule data files: they load, compile with spaCy, use versioned rule names, and a malformed
file is reported with its path and the item at fault."""

from __future__ import annotations

import json
import re

import pytest

from kg.extract import patterns
from kg.extract.patterns import PatternError, inflect, relation_patterns, trigger_lexicon
from tests.test_extract_events_helpers import VOCAB

RELATION_PREDICATES = {"developedBy", "worksFor", "competesWith", "locatedIn", "subsidiaryOf"}
EVENT_TYPES = {
    "Launch",
    "Discontinuation",
    "Delay",
    "Deal",
    "Acquisition",
    "Investment",
    "Partnership",
    "Appointment",
    "Departure",
    "Outage",
    "LegalAction",
}


def test_extract_relations_patterns_all_compile():
    m = patterns.matchers_for(VOCAB)
    assert len(m.dep) + len(m.surface) == len(relation_patterns())
    assert len(m.triggers) == len(trigger_lexicon().triggers)
    assert patterns.matchers_for(VOCAB) is m  # compiled once per vocabulary


@pytest.mark.parametrize("pat", relation_patterns(), ids=lambda p: f"{p.rule}-{p.key}")
def test_extract_relations_patterns_versioned_rule_names(pat):
    assert pat.predicate in RELATION_PREDICATES
    assert re.fullmatch(rf"kg\.rel\.{pat.predicate}\.[a-z-]+\.v\d+", pat.rule)
    assert 0.0 < pat.confidence <= 0.95


def test_extract_relations_patterns_triggers_cover_every_event_type():
    lex = trigger_lexicon()
    assert {t.type for t in lex.triggers.values()} == EVENT_TYPES
    assert set(lex.parents) == EVENT_TYPES
    assert lex.parents["Partnership"] == "Deal"


@pytest.mark.parametrize(
    ("verb", "form"),
    [
        ("launch", "launched"),
        ("launch", "launches"),
        ("acquire", "acquiring"),
        ("acquire", "acquired"),
        ("ally", "allied"),
        ("partner", "partnering"),
        ("postpone", "postpones"),
    ],
)
def test_extract_relations_patterns_regular_inflections(verb, form):
    assert form in inflect(verb)


@pytest.mark.parametrize(("verb", "form"), [("buy", "bought"), ("shut", "shutting"), ("take", "took")])
def test_extract_relations_patterns_irregular_forms_from_the_lexicon(verb, form):
    assert form not in inflect(verb)
    assert form in trigger_lexicon().verb_forms[verb]


@pytest.mark.parametrize(
    ("phrase", "particle"), [("shut down", "down"), ("roll out", "out"), ("step down", "down")]
)
def test_extract_relations_patterns_particles(phrase, particle):
    found = [t for t in trigger_lexicon().triggers.values() if t.text == phrase and t.pos == "verb"]
    assert found and found[0].particle == particle


def test_extract_relations_patterns_bad_json_names_file_and_line(tmp_path):
    bad = tmp_path / "relations.json"
    bad.write_text('{"patterns": [\n  {"rule": }\n]}', encoding="utf-8")
    with pytest.raises(PatternError, match=rf"{re.escape(str(bad))}:2"):
        patterns._read_json(bad)


def test_extract_relations_patterns_missing_file(tmp_path):
    with pytest.raises(PatternError, match="missing"):
        patterns._read_json(tmp_path / "nope.json")


@pytest.mark.parametrize(
    ("slot", "kind", "message"),
    [
        ({"anchor": "x"}, "dep", "kinds"),
        ({"kinds": ["Product"], "how": "guess", "anchor": "x"}, "dep", "unknown slot"),
        ({"kinds": ["Product"]}, "dep", "anchor"),
        ({"kinds": ["Product"], "side": "up"}, "surface", "side"),
    ],
)
def test_extract_relations_patterns_bad_slots(slot, kind, message):
    with pytest.raises(PatternError, match=message):
        patterns._slot(slot, "relations.json: pattern #0", kind)


def test_extract_relations_patterns_unknown_word_list():
    with pytest.raises(PatternError, match=r"\$no_such_list"):
        patterns._expand({"LOWER": {"IN": "$no_such_list"}}, "relations.json: pattern #0")


def test_extract_relations_patterns_word_lists_are_lowercase():
    raw = json.loads(patterns.LEXICONS.read_text(encoding="utf-8"))
    for name, words in raw.items():
        if name != "about":
            assert all(w == w.lower() for w in words), name
