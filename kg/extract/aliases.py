"""Names a text declares equal ("Long Name (LN)", "NewCo (formerly OldCo)") or writes two ways
("DALLE-2" / "DALL-E 2", a typo "AI12 Labs" beside "AI21 Labs").

Run after the vote: the parenthesised name joins the entity before the bracket, so "the IMF" later
in the text and "Facebook" in a "(formerly Facebook)" note are mentions (and aliases) of the same
entity instead of duplicates. Only accepted entities start a merge; a look at the tokens right
after each of their body mentions, no scan of the whole document.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extract.layout import BODY
from kg.extract.names import CONNECTORS, is_spelling_variant
from kg.model import ORG

if TYPE_CHECKING:
    from kg.extract.candidates import Cand
    from kg.extract.grouping import Group, Grouping

RENAME_WORDS = frozenset({"formerly", "previously", "once", "then", "now", "née", "ex"})
_RENAME_FILLERS = frozenset({"known", "as", "called", "named", ":"})


def is_acronym_of(acronym: str, name: str) -> bool:
    """'IMF' for 'International Monetary Fund', 'NIST' for 'National Institute of Standards and
    Technology' (connectors may or may not give a letter); 'CG-1' for 'Condor Galaxy 1' (the same
    number after the initials)."""
    numbered = re.fullmatch(r"([A-Z&]{2,8})-?(\d+)", acronym)
    if numbered is not None and re.search(rf"[\s-]{numbered.group(2)}$", name):
        return is_acronym_of(numbered.group(1), re.sub(r"[\s-]*\d+$", "", name))
    if not (2 <= len(acronym) <= 8 and acronym.replace("&", "").isalpha() and acronym.isupper()):
        return False
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if len(words) < 2:
        return False
    full = "".join(w[0].upper() for w in words)
    core = "".join(w[0].upper() for w in words if w.casefold() not in CONNECTORS)
    return acronym.replace("&", "") in (full, core)


def spells_tail(acronym: str, name: str) -> bool:
    """'ATP' for 'Defender Advanced Threat Protection': the acronym spells two or more of the name's
    last words, one letter each, and the name has a word before them (a brand that gives no letter)."""
    words = name.split()
    n = len(acronym)
    if not (2 <= n < len(words)) or not acronym.isalpha() or not acronym.isupper():
        return False
    tail = words[-n:]
    return all(w[:1].isupper() for w in tail) and is_acronym_of(acronym, " ".join(tail))


def is_short_form(short: str, name: str) -> bool:
    """'Lorn' for 'Lorn Health': the first word(s) of a longer name, declared as its short form."""
    a, b = short.split(), name.split()
    return 0 < len(a) < len(b) and [w.casefold() for w in b[: len(a)]] == [w.casefold() for w in a]


def plural_variant(a: str, b: str) -> bool:
    """'Co-Innovation Lab' / 'Co-Innovation Labs': a name of two or more words and its plural."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wa) != len(wb) or wa[:-1] != wb[:-1]:
        return False
    x, y = sorted((wa[-1], wb[-1]), key=len)
    return y == x + "s" and len(x) >= 3


def _spelled(acronym: str, c: Cand) -> bool:
    """The acronym spells the name, or the name's own words before a brand ('the Quorvo Flow Hub
    (FH) tool': the cue of acronymnames.py, which checked the letters)."""
    return (
        is_acronym_of(acronym, c.surface)
        or spells_tail(acronym, c.surface)
        or any(v.cue == "acronym-head" for v in c.votes)
    )


def merge_declared_aliases(
    finder: Grouping, groups: dict[str, Group], accepted: dict[str, Group]
) -> None:
    """Merge the entity named in brackets after a mention into that mention's entity."""
    from kg.extract.candidates import Cand

    doc = finder.doc
    by_start: dict[int, Cand] = {}
    owner: dict[int, str] = {}
    for gkey, group in groups.items():
        for c in group.cands:
            by_start[c.start] = c
            owner[c.start] = gkey
    for key in list(accepted):
        found = accepted.get(key)
        if found is None:
            continue
        g = found
        for c in list(g.cands):
            if c.zone != BODY or c.end + 2 >= len(doc) or doc[c.end].text != "(":
                continue
            j = c.end + 1
            renamed = doc[j].lower_ in RENAME_WORDS
            if renamed:
                j += 1
                while j < len(doc) and doc[j].lower_ in _RENAME_FILLERS:
                    j += 1
            inner = by_start.get(j)
            if inner is not None and inner.end < len(doc) and doc[inner.end].text in (")", ",", ";"):
                other_key = owner[j]
                if other_key == key:
                    continue
                declared = _spelled(inner.surface, c) or is_short_form(inner.surface, c.surface)
                if renamed or declared:
                    merge_groups(g, groups.get(other_key), accepted, other_key)
                continue
            tok = doc[j]
            if (
                not renamed
                and j + 1 < len(doc)
                and doc[j + 1].text == ")"
                and _spelled(tok.text, c)
            ):
                # An acronym the model did not propose: a mention now, and later uses are found by
                # the propagation step.
                g.cands.append(Cand(j, j + 1, tok.text, c.zone, "", None, [], key=g.key))
                by_start[j] = g.cands[-1]
                owner[j] = key


def merge_groups(target: Group, other: Group | None, accepted: dict[str, Group], other_key: str) -> None:
    """Make `other`'s mentions `target`'s and drop `other` from the accepted entities."""
    if other is None or other is target:
        return
    for c in other.cands:
        c.key = target.key
    target.cands.extend(other.cands)
    accepted.pop(other_key, None)


def merge_spelling_variants(accepted: dict[str, Group]) -> None:
    """Join two accepted entities of one kind whose names are spelling variants of each other (see
    `names.is_spelling_variant`): never two gazetteer entities; a transposed digit only when neither
    is a version. The gazetteer entity, else the more often mentioned one, else the earlier, keeps
    its name; the other's mentions become its mentions (and its name an alias)."""
    order = sorted(accepted.items(), key=lambda kv: (kv[1].gaz is None, -len(kv[1].body), _first(kv[1])))
    for i, (key, g) in enumerate(order):
        if key not in accepted:
            continue
        names = _names(g)
        for other_key, other in order[i + 1 :]:
            if other_key not in accepted or other.kind != g.kind or (g.gaz and other.gaz):
                continue
            swap = not any(c.version for c in (*g.cands, *other.cands))
            if any(is_spelling_variant(a, b, swap) for a in names for b in _names(other)) or (
                g.kind == ORG and g.gaz is None and other.gaz is None and plural_variant(g.name, other.name)
            ):
                merge_groups(g, other, accepted, other_key)
    merge_brand_tails(accepted)


def merge_brand_tails(accepted: dict[str, Group]) -> None:
    """'Zentro Flow Insights' ... 'Flow Insights': a name of two or more words after the name of an
    organization of the document, used alone later, is the same product or unit. Only names the
    gazetteer does not know; the full name must come first."""
    orgs = {g.name.casefold() for g in accepted.values() if g.kind == ORG}
    by_name = {g.name.casefold(): (k, g) for k, g in accepted.items() if g.gaz is None}
    for key, g in list(accepted.items()):
        words = g.name.split()
        if key not in accepted or g.gaz is not None or len(words) < 3 or words[0].casefold() not in orgs:
            continue
        found = by_name.get(" ".join(words[1:]).casefold())
        if found is None or found[0] not in accepted or found[1] is g:
            continue
        other_key, other = found
        if other.kind == g.kind and _first(g) < _first(other):
            merge_groups(g, other, accepted, other_key)


def _names(g: Group) -> set[str]:
    return {g.name, *(g.gaz.names if g.gaz else ())}


def _first(g: Group) -> int:
    return min(c.start for c in g.cands)
