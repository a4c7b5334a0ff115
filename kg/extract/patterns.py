"""Load the relation patterns and the event trigger lexicon from kg/data and compile them into spaCy matchers.

The data files are read on first use (never at import time) and compiled once per spaCy vocabulary.
A malformed file raises PatternError naming the file and the item at fault.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KGError

if TYPE_CHECKING:
    from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
    from spacy.vocab import Vocab

DATA = Path(__file__).resolve().parents[1] / "data"
LEXICONS = DATA / "patterns" / "lexicons.json"
RELATIONS = DATA / "patterns" / "relations.json"
TRIGGERS = DATA / "triggers.json"

FAMILIES = ("product", "deal", "personnel", "outage", "legal")
SLOT_HOWS = (
    "denote",
    "described",
    "preceding",
    "owner_or_preceding",
    "title_org",
    "agent",
    "patient",
    "phrase",
    "whose_owner",
    "owner",
    "named",
    "agents_with",
    "antecedent",
)


class PatternError(KGError):
    """A pattern or trigger data file is missing or malformed."""


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PatternError(f"{path}: data file missing (reinstall kg)") from None
    except json.JSONDecodeError as exc:
        raise PatternError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise PatternError(f"{path}: expected a JSON object at the top level")
    return data


# --- word lists ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def lexicons() -> dict[str, frozenset[str]]:
    """Named word lists shared by relation patterns and event rules (lower-case)."""
    data = _read_json(LEXICONS)
    out: dict[str, frozenset[str]] = {}
    for name, words in data.items():
        if name == "about":
            continue
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise PatternError(f"{LEXICONS}: '{name}' must be a list of strings")
        out[name] = frozenset(w.lower() for w in words)
    return out


def lexicon(name: str) -> frozenset[str]:
    try:
        return lexicons()[name]
    except KeyError:
        raise PatternError(f"{LEXICONS}: no word list named '{name}'") from None


def _expand(value: Any, where: str) -> Any:
    """Replace "$name" references to word lists inside a spaCy pattern by the lists themselves."""
    if isinstance(value, str) and value.startswith("$"):
        words: set[str] = set()
        for name in value.split("|"):  # "$a|$b": the union of two lists
            try:
                words |= lexicons()[name.strip().lstrip("$")]
            except KeyError:
                raise PatternError(f"{where}: unknown word list {name}") from None
        return sorted(words)
    if isinstance(value, dict):
        return {k: _expand(v, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, where) for v in value]
    return value


# --- relation patterns ---------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """Where one argument of a relation pattern comes from."""

    kinds: tuple[str, ...]
    anchor: str = ""  # dep patterns: the node name
    side: str = ""  # surface patterns: "left" | "right" of the connector
    how: str = "denote"
    conj: bool = False  # also take the conjuncts ("Google and Meta")
    gap: int = 0  # surface: how many tokens may separate the entity from the connector
    gap_words: frozenset[str] = frozenset()  # surface: if given, the only words allowed in the gap


@dataclass(frozen=True)
class RelationPattern:
    rule: str
    predicate: str
    type: str  # dep | surface
    confidence: float
    subject: Slot
    object: Slot
    pattern: list[Any]
    role: str = ""  # dep: anchor of a job title; surface: "connector"
    former: str = ""  # "before_left" | "title" | "tense"
    adjacent: bool = False  # dep: the subject entity must start right after the object entity ends
    key: str = ""  # matcher label


def code_rule(rule: str, predicate: str, confidence: float, subject: tuple[str, ...], obj: tuple[str, ...],
              type: str = "surface") -> RelationPattern:
    """The pattern record of a rule written in code (relpeople.py, relrivals.py): no matcher pattern,
    only its name, predicate, confidence and the entity kinds of its two sides."""
    return RelationPattern(rule=rule, predicate=predicate, type=type, confidence=confidence,
                           subject=Slot(kinds=subject), object=Slot(kinds=obj), pattern=[])


def _slot(raw: Any, where: str, kind: str) -> Slot:
    if not isinstance(raw, dict) or "kinds" not in raw:
        raise PatternError(f"{where}: slot must be an object with 'kinds'")
    how = raw.get("how", "denote")
    if how not in SLOT_HOWS:
        raise PatternError(f"{where}: unknown slot 'how' {how!r} (one of {', '.join(SLOT_HOWS)})")
    if kind == "dep" and not raw.get("anchor"):
        raise PatternError(f"{where}: dep slot needs an 'anchor'")
    if kind == "surface" and raw.get("side") not in ("left", "right"):
        raise PatternError(f"{where}: surface slot needs 'side': left or right")
    return Slot(
        kinds=tuple(raw["kinds"]),
        anchor=raw.get("anchor", ""),
        side=raw.get("side", ""),
        how=how,
        conj=bool(raw.get("conj", False)),
        gap=int(raw.get("gap", 0)),
        gap_words=frozenset(raw.get("gap_words", ())),
    )


@lru_cache(maxsize=1)
def relation_patterns() -> tuple[RelationPattern, ...]:
    data = _read_json(RELATIONS)
    out = []
    for i, raw in enumerate(data.get("patterns", [])):
        where = f"{RELATIONS}: pattern #{i} ({raw.get('rule', '?')})"
        try:
            kind = raw["type"]
            if kind not in ("dep", "surface"):
                raise PatternError(f"{where}: type must be 'dep' or 'surface'")
            pat = RelationPattern(
                rule=raw["rule"],
                predicate=raw["predicate"],
                type=kind,
                confidence=float(raw["confidence"]),
                subject=_slot(raw["subject"], where, kind),
                object=_slot(raw["object"], where, kind),
                pattern=_expand(raw["pattern"], where),
                role=raw.get("role", ""),
                former=raw.get("former", ""),
                adjacent=bool(raw.get("adjacent", False)),
                key=f"rel{i}",
            )
        except KeyError as exc:
            raise PatternError(f"{where}: missing field {exc}") from None
        if kind == "dep":
            ids = {node.get("RIGHT_ID") for node in pat.pattern}
            for slot in (pat.subject, pat.object):
                if slot.anchor not in ids:
                    raise PatternError(f"{where}: anchor '{slot.anchor}' is not a node of the pattern")
        out.append(pat)
    return tuple(out)


# --- event triggers ------------------------------------------------------------------------


@dataclass(frozen=True)
class Trigger:
    """One trigger word or phrase with the options of its lexicon entry."""

    type: str
    family: str
    pos: str  # "verb" | "noun"
    words: tuple[str, ...]  # as written in the lexicon, e.g. ("roll", "out") or ("funding", "round")
    head: int  # index in `words` of the word the event hangs on (verb: 0, noun: last)
    particle: str = ""  # verb particle that may be separated from the verb ("shut it down")
    needs_amount: bool = False
    needs_title: bool = False
    subject: str = ""  # personnel: "person" | "organization"
    objects: frozenset[str] = frozenset()  # required direct objects (restore -> access)
    when_heads: frozenset[str] = frozenset()
    when_preps: frozenset[str] = frozenset()
    when_amount: bool = False
    not_after: frozenset[str] = frozenset()
    intransitive: bool = False  # a product subject undergoes the event ("Sora launched")
    key: str = ""

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def has_condition(self) -> bool:
        return bool(self.when_heads or self.when_preps or self.when_amount)


@dataclass(frozen=True)
class TriggerLexicon:
    triggers: dict[str, Trigger]  # matcher label -> trigger
    parents: dict[str, str]  # event type -> superclass
    light_verbs: dict[str, dict[str, frozenset[str]]]  # family -> role -> verb forms and lemmas
    verb_forms: dict[str, frozenset[str]] = field(default_factory=dict)  # lemma -> forms
    governing: dict[str, str] = field(default_factory=dict)  # "plans to" -> Planned, "talks to" -> Rumoured

    def light_role(self, family: str, verb_lower: str, verb_lemma: str) -> str | None:
        """The role a light verb's subject takes for a noun trigger of `family` ("signed a deal")."""
        for role, forms in self.light_verbs.get(family, {}).items():
            if verb_lower in forms or verb_lemma in forms:
                return role
        return None

    def is_light(self, verb_lower: str, verb_lemma: str) -> bool:
        return any(self.light_role(f, verb_lower, verb_lemma) for f in self.light_verbs)


_PARTICLES = {"out", "down", "up", "back", "off", "over", "in", "away", "aside", "go"}


def inflect(verb: str, irregular: dict[str, list[str]] | None = None) -> frozenset[str]:
    """Regular English inflections of a verb plus the lexicon's irregular forms."""
    v = verb.lower()
    forms = {v}
    if v.endswith("e"):
        forms |= {v + "s", v + "d", v[:-1] + "ing"}
    elif v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        forms |= {v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
    elif v.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {v + "es", v + "ed", v + "ing"}
    else:
        forms |= {v + "s", v + "ed", v + "ing"}
    forms |= set((irregular or {}).get(v, ()))
    return frozenset(forms)


@lru_cache(maxsize=1)
def trigger_lexicon() -> TriggerLexicon:
    data = _read_json(TRIGGERS)
    types = data.get("types", {})
    irregular = {k: list(v) for k, v in data.get("irregular", {}).items()}
    triggers: dict[str, Trigger] = {}
    verb_forms: dict[str, frozenset[str]] = {}
    for i, entry in enumerate(data.get("triggers", [])):
        where = f"{TRIGGERS}: trigger entry #{i}"
        etype = entry.get("type")
        if etype not in types:
            raise PatternError(f"{where}: type {etype!r} is not declared in 'types'")
        family = types[etype].get("family")
        if family not in FAMILIES:
            raise PatternError(f"{where}: family {family!r} unknown (one of {', '.join(FAMILIES)})")
        when = entry.get("when", {})
        objects = entry.get("objects", {})
        for pos in ("verb", "noun"):
            for j, phrase in enumerate(entry.get(pos + "s", [])):
                words = tuple(phrase.lower().split())
                if not words:
                    raise PatternError(f"{where}: empty {pos} #{j}")
                cond = when.get(phrase, {})
                particle = words[1] if pos == "verb" and len(words) == 2 and words[1] in _PARTICLES else ""
                if pos == "verb":
                    verb_forms[words[0]] = inflect(words[0], irregular)
                key = f"trg{i}.{pos}{j}"
                triggers[key] = Trigger(
                    type=etype,
                    family=family,
                    pos=pos,
                    words=words,
                    head=0 if pos == "verb" else len(words) - 1,
                    particle=particle,
                    needs_amount=bool(entry.get("needs_amount", False)),
                    needs_title=bool(entry.get("needs_title", False)),
                    subject=entry.get("subject", ""),
                    objects=frozenset(objects.get(phrase, ())),
                    when_heads=frozenset(cond.get("heads", ())),
                    when_preps=frozenset(cond.get("preps", ())),
                    when_amount=bool(cond.get("amount", False)),
                    not_after=frozenset(entry.get("not_after", ())),
                    intransitive=phrase in entry.get("intransitive", ()),
                    key=key,
                )
    light: dict[str, dict[str, frozenset[str]]] = {}
    for fam, roles in data.get("light_verbs", {}).items():
        light[fam] = {}
        for role, verbs in roles.items():
            forms: set[str] = set()
            for v in verbs:
                forms |= inflect(v, irregular)
            light[fam][role] = frozenset(forms)
    parents = {t: spec.get("parent", "Event") for t, spec in types.items()}
    governing: dict[str, str] = {}
    for status, words in data.get("governing_words", {}).items():
        for w in words:
            for form in inflect(w, irregular):
                governing.setdefault(form, status)
    return TriggerLexicon(
        triggers=triggers, parents=parents, light_verbs=light, verb_forms=verb_forms, governing=governing
    )


def trigger_phrases(trigger: Trigger, verb_forms: frozenset[str]) -> list[tuple[str, ...]]:
    """The word sequences of one trigger for a PhraseMatcher on lower-case text: every inflection of
    a verb (plus its fixed words; a particle is checked on the parse, as it may follow the object),
    or the noun phrase as written. Part of speech is checked after matching."""
    if trigger.pos == "verb":
        rest = () if trigger.particle else trigger.words[1:]
        return [(form, *rest) for form in sorted(verb_forms)]
    return [trigger.words]


# --- compiled matchers ----------------------------------------------------------------------


@dataclass
class Matchers:
    dep: DependencyMatcher
    surface: Matcher
    triggers: PhraseMatcher


_COMPILED: dict[int, tuple[Vocab, Matchers]] = {}


def matchers_for(vocab: Vocab) -> Matchers:
    """The relation and trigger matchers compiled for a spaCy vocabulary (cached per vocabulary)."""
    cached = _COMPILED.get(id(vocab))
    if cached is not None and cached[0] is vocab:
        return cached[1]
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Doc

    from kg.extract.fastpipes import dependency_matcher

    dep = dependency_matcher(vocab)  # spaCy's DependencyMatcher, same matches, faster
    surface = Matcher(vocab)
    for pat in relation_patterns():
        try:
            if pat.type == "dep":
                dep.add(pat.key, [pat.pattern])
            else:
                surface.add(pat.key, [pat.pattern], greedy="LONGEST")
        except (ValueError, KeyError) as exc:
            raise PatternError(f"{RELATIONS}: pattern {pat.rule}: spaCy rejects it: {exc}") from None
    lex = trigger_lexicon()
    # a PhraseMatcher is a hash lookup per token: far cheaper than token patterns with long word lists
    trig = PhraseMatcher(vocab, attr="LOWER")
    for key, trigger in lex.triggers.items():
        forms = lex.verb_forms.get(trigger.words[0], frozenset({trigger.words[0]}))
        trig.add(key, [Doc(vocab, words=list(words)) for words in trigger_phrases(trigger, forms)])
    compiled = Matchers(dep=dep, surface=surface, triggers=trig)
    _COMPILED[id(vocab)] = (vocab, compiled)
    return compiled
