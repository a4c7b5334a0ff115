"""The entity step's data files, read at run time: the gazetteer and the entity rules.

`kg/data/gazetteer.jsonl` holds one known entity per line; `kg/data/entity_rules.json` the word lists
(furniture, never-entities, suffixes, head nouns, titles) that entity typing relies on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from kg.errors import KGError
from kg.model import ORG, PERSON, PLACE, PRODUCT

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
GAZETTEER_PATH = DATA_DIR / "gazetteer.jsonl"
# Product names mined from a built corpus by `kg mine` (kg/extract/mining.py); read after the gazetteer.
MINED_PATH = DATA_DIR / "gazetteer_mined.jsonl"
# Word lists about launched objects (objecttypes.py, unnamedlaunches.py), one section each.
LAUNCH_OBJECTS_PATH = DATA_DIR / "launch_objects.json"
RULES_PATH = DATA_DIR / "entity_rules.json"

KIND_LABEL = {ORG: "ORG", PERSON: "PERSON", PRODUCT: "PRODUCT", PLACE: "GPE"}


class DataFileError(KGError):
    """A data file of the extraction package is missing or malformed."""


@dataclass(frozen=True)
class GazEntry:
    """One known entity: canonical name, class, aliases and what is known about it."""

    id: str
    name: str
    kind: str
    cls: str
    aliases: tuple[str, ...] = ()
    developer: str | None = None  # gazetteer id of the developing organization (products)
    org: str | None = None  # gazetteer id of the employer (people)
    title: str | None = None  # job title (people)
    parent: str | None = None  # gazetteer id of the parent organization
    ambiguous: bool = False  # the name is also a common word or first name: needs support in the text
    product: str | None = None  # an organization whose name also names its product: that product's class
    family_only: bool = False  # known only as the family of versions ("GPT" of "GPT-4"), never alone

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Gazetteer:
    entries: dict[str, GazEntry] = field(default_factory=dict)
    _by_name: dict[str, GazEntry] | None = field(default=None, repr=False, compare=False)
    _families: dict[str, GazEntry] | None = field(default=None, repr=False, compare=False)

    def get(self, entry_id: str) -> GazEntry | None:
        return self.entries.get(entry_id)

    def by_name(self) -> dict[str, GazEntry]:
        """Casefolded name or alias -> entry (first entry wins); built once."""
        if self._by_name is None:
            out: dict[str, GazEntry] = {}
            for entry in self.entries.values():
                if entry.family_only:
                    continue
                for name in entry.names:
                    out.setdefault(name.casefold(), entry)
            self._by_name = out
        return self._by_name

    def family(self, name: str) -> GazEntry | None:
        """The entry a version's family name is ("Claude" of "Claude 3", "GPT" of "GPT-4o"), including
        the entries known only as families."""
        if self._families is None:
            self._families = {
                n.casefold(): e for e in self.entries.values() if e.family_only for n in e.names
            }
        return self.by_name().get(name.casefold()) or self._families.get(name.casefold())

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """Phrase patterns for spaCy's EntityRuler: every name, alias and their case variants."""
        patterns = []
        for entry in self.entries.values():
            if entry.family_only:
                continue  # "Sales GPT", "GPT for Word": the bare family name is no entity
            seen: set[str] = set()
            for name in entry.names:
                for variant in _case_variants(name):
                    if variant not in seen:
                        seen.add(variant)
                        patterns.append({"label": KIND_LABEL[entry.kind], "pattern": variant, "id": entry.id})
        return patterns


def _case_variants(name: str) -> list[str]:
    """A name as written plus the case variants news text uses for it ("TechCrunch" -> "Techcrunch").

    Only single camel-case words get variants: they are distinctive in any case, whereas a variant
    of a plain word ("Notion" -> "NOTION") would add nothing but noise.
    """
    out = [name]
    if " " not in name and re.search(r"[a-z][A-Z]", name) and name[:1].isupper():
        out.append(name[0] + name[1:].lower())
        if len(name) > 3:
            out.append(name.upper())
    return out


def _load_gazetteer(path: Path) -> Gazetteer:
    gaz = Gazetteer()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read the gazetteer ({exc})") from exc
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            raw = json.loads(line)
            entry = GazEntry(
                id=raw["id"],
                name=raw["name"],
                kind=raw["kind"],
                cls=raw.get("cls", raw["kind"]),
                aliases=tuple(raw.get("aliases", ())),
                developer=raw.get("developer"),
                org=raw.get("org"),
                title=raw.get("title"),
                parent=raw.get("parent"),
                ambiguous=bool(raw.get("ambiguous", False)),
                product=raw.get("product"),
                family_only=bool(raw.get("family_only", False)),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise DataFileError(
                f"{path}:{lineno}: bad gazetteer entry ({exc}); see kg/extract/README.md"
            ) from exc
        if entry.kind not in KIND_LABEL:
            raise DataFileError(
                f"{path}:{lineno}: kind must be one of {sorted(KIND_LABEL)}, not {entry.kind!r}"
            )
        if entry.id in gaz.entries:
            raise DataFileError(f"{path}:{lineno}: duplicate id {entry.id!r}")
        gaz.entries[entry.id] = entry
    return gaz


def _fold(words: list[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


@dataclass(frozen=True)
class EntityRules:
    """The word lists of kg/data/entity_rules.json, casefolded for lookup."""

    never_entities: frozenset[str]
    never_acronyms: frozenset[str]  # the entries written in capitals ("SIM"): "Sim" is another word
    furniture: frozenset[str]
    generic_words: frozenset[str]
    handle_patterns: tuple[re.Pattern[str], ...]
    camel_hump_limit: int
    org_suffixes: dict[str, str]  # casefolded suffix (may be several words) -> class
    org_prefixes: dict[str, str]
    org_heads: dict[str, str]  # head noun -> class
    product_heads: dict[str, str]
    maker_heads: frozenset[str]
    person_titles: frozenset[str]
    honorifics: frozenset[str]
    person_verbs: frozenset[str]
    version_tiers: frozenset[str]
    version_exclude_families: frozenset[str]
    version_families_allowed: frozenset[str]
    anaphora_org_nouns: frozenset[str]
    anaphora_org_pronouns: frozenset[str]
    anaphora_person_pronouns: frozenset[str]
    anaphora_generic_nouns: frozenset[str]  # "the company", not "the search giant": maincompany.py
    anaphora_window: int
    product_for_words: frozenset[str]
    speaker_label_max_tokens: int
    comment_start: tuple[re.Pattern[str], ...]
    place_hyphen_words: frozenset[str]
    place_suffixes: frozenset[str]
    given_names: frozenset[str]
    comment_lines: tuple[re.Pattern[str], ...]
    not_person_last_words: frozenset[str] = frozenset()  # "Law Firm", "Tech Global": no person ends so
    document_words: frozenset[str] = frozenset()  # "Paper", "Report", "Act": a document, not an organization
    weak_product_heads: frozenset[str] = frozenset()  # "platform": a product or the company running it
    naming_verbs: frozenset[str] = frozenset()  # "a model called Zephyr", "dubbed Foo"
    naming_need_noun: frozenset[str] = frozenset()  # "named" votes only with a noun ("a tool named Foo")
    naming_skip_nouns: frozenset[str] = frozenset()  # "a town called Foo": no vote
    launch_verbs: frozenset[str] = frozenset()  # lemmas: the object of "unveiled" is a product
    deal_with_words: frozenset[str] = frozenset()  # "a partnership with X": X is a party (dealparties.py)
    deal_buy_verbs: frozenset[str] = frozenset()  # "X acquired Y": X is a party
    product_adjectives: frozenset[str] = frozenset()  # "its new Zephyr", "the company's proprietary X"
    product_final_words: frozenset[str] = frozenset()  # "Marketing GPT": a never-entity word ending a product
    product_name_suffixes: dict[str, str] = field(default_factory=dict)  # "Security Cloud" -> class


def _by_class(table: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for cls, words in table.items():
        for w in words:
            out.setdefault(w.casefold(), cls)
    return out


def _load_rules(path: Path) -> EntityRules:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        ana = raw["anaphora"]
        naming = raw.get("naming", {})
        return EntityRules(
            never_entities=_fold(raw["never_entities"]),
            never_acronyms=_fold([w for w in raw["never_entities"] if w.isupper()]),
            furniture=_fold(raw["furniture"]),
            generic_words=_fold(raw["generic_words"]),
            handle_patterns=tuple(re.compile(p) for p in raw["handle_patterns"]),
            camel_hump_limit=int(raw["camel_hump_limit"]),
            org_suffixes=_by_class(raw["org_suffixes"]),
            org_prefixes=_by_class(raw["org_prefixes"]),
            org_heads=_by_class(raw["org_heads"]),
            product_heads=_by_class(raw["product_heads"]),
            maker_heads=_fold(raw["maker_heads"]),
            person_titles=_fold(raw["person_titles"]),
            honorifics=_fold(raw["honorifics"]),
            person_verbs=_fold(raw["person_verbs"]),
            version_tiers=frozenset(raw["version_tiers"]),
            version_exclude_families=_fold(raw["version_exclude_families"]),
            version_families_allowed=_fold(raw["version_families_allowed"]),
            anaphora_org_nouns=_fold(ana["org_nouns"]),
            anaphora_org_pronouns=_fold(ana["org_pronouns"]),
            anaphora_person_pronouns=_fold(ana["person_pronouns"]),
            anaphora_generic_nouns=_fold(ana["generic_org_nouns"]),
            anaphora_window=int(ana["sentence_window"]),
            product_for_words=_fold(raw["product_for_words"]),
            speaker_label_max_tokens=int(raw["speaker_label_max_tokens"]),
            place_hyphen_words=_fold(raw["place_hyphen_words"]),
            place_suffixes=_fold(raw["place_suffixes"]),
            given_names=frozenset(raw["given_names"]),
            comment_start=tuple(re.compile(p) for p in raw["comment_start_patterns"]),
            comment_lines=tuple(re.compile(p) for p in raw["comment_line_patterns"]),
            not_person_last_words=_fold(raw.get("not_person_last_words", [])),
            document_words=_fold(raw.get("document_words", [])),
            weak_product_heads=_fold(raw.get("weak_product_heads", [])),
            naming_verbs=_fold(naming.get("verbs", [])),
            naming_need_noun=_fold(naming.get("need_noun", [])),
            naming_skip_nouns=_fold(naming.get("skip_nouns", [])),
            launch_verbs=_fold(raw.get("launch_verbs", [])),
            deal_with_words=_fold(raw.get("deal_parties", {}).get("with_words", [])),
            deal_buy_verbs=_fold(raw.get("deal_parties", {}).get("buy_verbs", [])),
            product_adjectives=_fold(raw.get("product_adjectives", [])),
            product_final_words=_fold(raw.get("product_final_words", [])),
            product_name_suffixes=_by_class(
                {k: v for k, v in raw.get("product_name_suffixes", {}).items() if not k.startswith("_")}
            ),
        )
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read the entity rules ({exc})") from exc
    except (ValueError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise DataFileError(f"{path}: malformed entity rules ({exc}); see kg/extract/README.md") from exc


@dataclass(frozen=True)
class Resources:
    gazetteer: Gazetteer
    rules: EntityRules


def _add_mined(gaz: Gazetteer, path: Path) -> Gazetteer:
    """The mined names the gazetteer does not know yet: a hand-made entry always wins."""
    if not path.exists():
        return gaz
    known = {n.casefold() for entry in gaz.entries.values() for n in entry.names}
    for entry in _load_gazetteer(path).entries.values():
        if entry.id in gaz.entries or any(n.casefold() in known for n in entry.names):
            continue
        if entry.developer is not None and entry.developer not in gaz.entries:
            raise DataFileError(f"{path}: {entry.id!r} names an unknown developer {entry.developer!r}")
        gaz.entries[entry.id] = entry
        known.update(n.casefold() for n in entry.names)
    return gaz


@cache
def load_resources(gazetteer: Path = GAZETTEER_PATH, rules: Path = RULES_PATH,
                   mined: Path | None = MINED_PATH) -> Resources:
    """The data files, read once per process; `mined` None leaves the mined names out."""
    gaz = _load_gazetteer(gazetteer)
    if mined is not None:
        gaz = _add_mined(gaz, mined)
    return Resources(gazetteer=gaz, rules=_load_rules(rules))


NAME_SPANS_PATH = DATA_DIR / "name_spans.json"


@cache
def _name_span_lists() -> dict[str, frozenset[str]]:
    try:
        raw = json.loads(NAME_SPANS_PATH.read_text(encoding="utf-8"))
        return {key: frozenset(w.casefold() for w in value["words"])
                for key, value in raw.items() if not key.startswith("_")}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(f"{NAME_SPANS_PATH}: bad name-span rules ({exc})") from exc


def name_span_words(key: str) -> frozenset[str]:
    """One lower-cased word list of kg/data/name_spans.json (spans.py, tails.py, shapes.py); the file
    is read once per process."""
    lists = _name_span_lists()
    if key not in lists:
        raise DataFileError(f"{NAME_SPANS_PATH}: no list {key!r}")
    return lists[key]


W = TypeVar("W")


def word_section(path: Path, section: str, cls: type[W]) -> W:
    """One section of a rules file as a dataclass of case-folded word sets, one field per list.

    A missing list is empty; a malformed file or section raises DataFileError naming both."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8")).get(section, {})
        fields = cls.__dataclass_fields__  # type: ignore[attr-defined]
        return cls(**{f: frozenset(w.casefold() for w in raw.get(f, ())) for f in fields})
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise DataFileError(f"{path}: malformed {section} ({exc}); see kg/extract/README.md") from exc
