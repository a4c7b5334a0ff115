"""Product names mined from a corpus kg has already built: a second gazetteer learnt from the text.

A product is often named once in an article with nothing around it that says what it is ("... with
Quillmind and Zeta Studio"), while other articles of the same corpus say it plainly ("Zentrik launched
Quillmind", "the Zeta Studio app"). Mining collects, over all extractions of a build, the names kg typed a
Product with pattern or model support (confidence 0.75 or more, gazetteer hits aside) in at least
`min_docs` documents, and typed something else in at most a third of the documents that name it. Names
the gazetteer already knows, names of one or two characters and names without a capital letter or a
digit are left out. A developer is kept when at least `min_docs` documents agree on it, it is most of
what they say, and the developer is a gazetteer organization.

The result is written as gazetteer lines (`kg mine`, kg/extract/README.md says how the shipped
kg/data/gazetteer_mined.jsonl was made); `resources.load_resources` reads that file after the hand-made
gazetteer, whose entries always win. A one-word name in plain title case ("Pages", "Scope", but also
"Quill") is left out: it is as often the common word, and one document's context decides it better.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.extract.resources import DATA_DIR, DataFileError, EntityRules, Gazetteer
from kg.model import Extraction

MINING_PATH = DATA_DIR / "mining.json"
PRODUCT = "Product"
STRONG = 0.75
GAZETTEER_SOURCE = "gazetteer"


@dataclass(frozen=True)
class MinedName:
    """A product name seen often enough across a corpus, with its class and maker."""

    name: str
    cls: str
    docs: int
    developer: str | None = None  # gazetteer id of the organization most documents name as its maker

    def entry(self) -> dict[str, object]:
        """The gazetteer line for this name (kg/data/gazetteer.jsonl's format)."""
        out: dict[str, object] = {"id": "mined-" + _slug(self.name), "name": self.name, "kind": PRODUCT,
                                  "cls": self.cls, "mined_docs": self.docs}
        if self.developer:
            out["developer"] = self.developer
        return out


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def _fold(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").casefold().split())


@dataclass(frozen=True)
class MiningRules:
    """kg/data/mining.json."""

    not_name_words: frozenset[str]
    max_plain_acronym: int
    not_names: frozenset[str] = frozenset()


def load_mining_rules(path: Path = MINING_PATH) -> MiningRules:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        words = frozenset(w.casefold() for w in raw["not_name_words"])
        names = frozenset(_fold(n) for n in raw.get("not_names", []))
        return MiningRules(words, int(raw["max_plain_acronym"]), names)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataFileError(f"{path}: bad mining rules ({exc})") from exc


def _shaped(name: str, rules: EntityRules | None, mining: MiningRules) -> bool:
    """A name worth a gazetteer line: not a plain title-case word ("Pages", "Scope"), which is as
    often the common word, nor a short acronym; nothing the entity rules call generic, furniture or
    never an entity."""
    if len(name) < 3 or not re.search(r"[A-Z0-9]", name) or re.fullmatch(r"[A-Z][a-z]+", name):
        return False
    if re.fullmatch(r"[A-Z]+", name) and len(name) <= mining.max_plain_acronym:
        return False
    folded = name.casefold()
    if _fold(name) in mining.not_names:
        return False
    words = re.findall(r"\w+", folded)
    if any(w in mining.not_name_words for w in words):
        return False
    return rules is None or (folded not in rules.never_entities and folded not in rules.generic_words
                             and not any(w in rules.furniture for w in words))


def mine_products(extractions: Iterable[Extraction], gazetteer: Gazetteer, min_docs: int = 2,
                  rules: EntityRules | None = None) -> list[MinedName]:
    """Product names with enough support across `extractions`, sorted by name."""
    known = {_fold(n) for entry in gazetteer.entries.values() for n in entry.names}
    orgs = [entry for entry in gazetteer.entries.values() if entry.kind == "Organization"]
    gaz_ids = {entry.id for entry in orgs}
    org_ids = {_fold(n): entry.id for entry in orgs for n in entry.names}
    kinds: dict[str, Counter[str]] = defaultdict(Counter)  # folded name -> kind -> documents
    strong: Counter[str] = Counter()
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    spelling: dict[str, Counter[str]] = defaultdict(Counter)
    makers: dict[str, Counter[str]] = defaultdict(Counter)
    versions: set[str] = set()  # names the version step ties to a family: that step handles them
    mining = load_mining_rules()
    for ex in extractions:
        seen: dict[str, tuple[str, bool]] = {}
        names = {}
        for ent in ex.entities:
            names[ent.key] = ent.name
            key = _fold(ent.name)
            is_strong = ent.kind == PRODUCT and ent.confidence >= STRONG and ent.source != GAZETTEER_SOURCE
            kind, was_strong = seen.get(key, (ent.kind, False))
            seen[key] = (kind, was_strong or is_strong)
            spelling[key][ent.name] += 1
            if ent.version_of is not None:
                versions.add(key)
            if ent.kind == PRODUCT:
                classes[key][ent.cls] += 1
        for key, (kind, is_strong) in seen.items():
            kinds[key][kind] += 1
            strong[key] += is_strong
        for rel in ex.relations:
            if rel.predicate == "developedBy" and rel.subject in names and rel.object in names:
                org = org_ids.get(_fold(names[rel.object]))
                if org in gaz_ids:
                    makers[_fold(names[rel.subject])][org] += 1
    out = []
    for key, n_strong in strong.items():
        total = sum(kinds[key].values())
        other = total - kinds[key][PRODUCT]
        if n_strong < min_docs or key in known or key in versions or 3 * other > total:
            continue
        name = spelling[key].most_common(1)[0][0]
        if not _shaped(name, rules, mining):
            continue
        developer = None
        if makers[key]:
            org, n = makers[key].most_common(1)[0]
            if n >= min_docs and 2 * n > sum(makers[key].values()):
                developer = org
        out.append(MinedName(name, classes[key].most_common(1)[0][0], kinds[key][PRODUCT], developer))
    return sorted(out, key=lambda m: m.name.casefold())


def gazetteer_lines(mined: Iterable[MinedName]) -> list[str]:
    """One JSON line per mined name, ids made unique."""
    lines, ids = [], set()
    for m in mined:
        entry = m.entry()
        base = str(entry["id"])
        n = 2
        while entry["id"] in ids:
            entry["id"] = f"{base}-{n}"
            n += 1
        ids.add(str(entry["id"]))
        lines.append(json.dumps(entry, ensure_ascii=False))
    return lines
