"""Coordinated lists share a type: "investors Acme Capital, Four Birches and K9 Global".

After the vote, a list whose typed members (gazetteer entries or names with a structural cue) all
agree on Organization or Product passes that kind to its other members: names the model missed,
names dropped as weak (a single statistical mention) and names typed only by the model's label
("Joyent" tagged a place in a list of companies). The parse's coordination (`Token.conjuncts`, plus
appositions the small model uses for list items) gives the members; no per-token loop over the doc.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kg.extract import evidence as ev
from kg.extract.layout import BODY
from kg.extract.listitems import accept_item, add_list_items
from kg.extract.names import is_capitalised, is_never_entity
from kg.model import ORG, PERSON, PLACE, PRODUCT

if TYPE_CHECKING:
    from kg.extract.grouping import Group, Grouping

LIST_KINDS = (ORG, PRODUCT)
CONF_LIST = 0.7


def members(root: Token) -> list[Token]:
    """The heads of the items coordinated with `root` (itself included)."""
    found = {root.i: root}
    todo = [root]
    while todo:
        tok = todo.pop()
        near = list(tok.conjuncts)
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            near.append(tok.head)
        near.extend(c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN")
        for t in near:
            if t.i not in found and len(found) < 12:
                found[t.i] = t
                todo.append(t)
    return sorted(found.values(), key=lambda t: t.i)


def item_span(tok: Token) -> tuple[int, int]:
    """The name an item's head ends: its run of capitalised proper-noun modifiers ("K9 Global")."""
    start = tok.i
    for left in reversed(list(tok.lefts)):
        if left.i == start - 1 and left.dep_ in ("compound", "nummod", "nmod") and is_capitalised(left.text):
            start = left.i
        else:
            break
    return start, tok.i + 1


def type_lists(finder: Grouping, groups: dict[str, Group], accepted: dict[str, Group]) -> None:
    """Give untyped, weak or missing list members the kind their typed neighbours agree on."""
    from kg.extract.candidates import CONF_WEAK, DEFAULT_CLASS

    doc = finder.doc
    owner: dict[int, str] = {}
    for gkey, g in groups.items():
        for c in g.cands:
            for i in range(c.start, c.end):
                owner.setdefault(i, gkey)
    for gkey, g in accepted.items():
        for c in g.cands:
            for i in range(c.start, c.end):
                owner[i] = gkey
    seen_roots: set[int] = set()
    for g in list(accepted.values()):
        if g.kind not in LIST_KINDS:
            continue
        for c in g.body:
            root = doc[c.start : c.end].root
            if root.i in seen_roots:
                continue
            items = members(root)
            seen_roots.update(t.i for t in items)
            if len(items) < 2:
                continue
            typed: dict[str, str] = {}  # group key -> kind
            loose: list[tuple[Token, str | None]] = []
            for t in items:
                key = owner.get(t.i)
                m = accepted.get(key) if key else None
                if m is not None and (m.gaz is not None or _structural(m) >= ev.W_HEAD):
                    typed[m.key] = m.kind
                else:
                    loose.append((t, key))
            kinds = set(typed.values())
            if len(kinds) != 1 or not loose:
                continue
            kind = kinds.pop()
            if kind not in LIST_KINDS:
                continue
            # "Ann Lee, Acme, and Raj Patel, Zorvex": people with their employers, not a list of firms
            people = sum(1 for _, k in loose if k in accepted and accepted[k].kind == PERSON)
            for t, key in loose:
                if (
                    len(typed) < 2
                    and key is not None
                    and _person_read(groups[key])
                    and not _no_person_word(groups[key], groups, finder)
                ):
                    continue  # one typed neighbour does not overrule the model's person reading
                m = accepted.get(key) if key else None
                if m is not None and m.kind == PLACE and _place_of_item(t, finder):
                    continue  # "the Redwood City, California-based Zorvex": where the item is based
                if m is not None:
                    if m.kind in (PLACE, kind) or m.gaz is not None:
                        if m.kind == PLACE and not any(v.cue != "ner" for x in m.cands for v in x.votes):
                            m.kind, m.cls = kind, DEFAULT_CLASS[kind]
                        continue
                    if m.kind in LIST_KINDS and _structural(m) < ev.W_HEAD:
                        m.kind, m.cls = kind, DEFAULT_CLASS[kind]
                    elif m.kind == PERSON and len(typed) >= 2 and people == 1 and _model_only_person(m):
                        # "GV, Zorvex Angel, Greylock": the model's person reading of a firm between firms
                        m.kind, m.cls = kind, DEFAULT_CLASS[kind]
                        m.name = finder.best_name(m, kind)
                    continue  # people named by their form or a title keep their kind
                if key is not None and key in groups:
                    m = groups[key]
                    if m.gaz is not None or not m.body:
                        continue
                    m.kind, m.cls = kind, _best_cls(m, kind) or DEFAULT_CLASS[kind]
                    m.name = finder.best_name(m, kind)
                    m.confidence, m.source = CONF_WEAK, "pattern"
                    accepted[key] = m
                    continue
                start, end = item_span(t)
                if t.pos_ != "PROPN" or not is_capitalised(t.text) or finder.zone(start) != BODY:
                    continue
                if any(i in owner for i in range(start, end)):
                    continue
                if is_never_entity(doc[start:end].text, finder.rules):
                    continue
                accept_item(finder, groups, accepted, owner, (start, end), kind,
                            partial(_best_cls_c, kind=kind))
    add_list_items(finder, groups, accepted, owner)  # "such as Quelldb, Varnio, Plexdb": surface lists


def _best_cls_c(c: object, kind: str) -> str | None:
    votes = [v for v in getattr(c, "votes", []) if v.kind == kind and v.cue != "ner"]
    return max(votes, key=lambda v: v.weight).cls if votes else None


def _best_cls(g: Group, kind: str) -> str | None:
    for c in g.cands:
        cls = _best_cls_c(c, kind)
        if cls is not None:
            return cls
    return None


def _structural(g: Group) -> float:
    return max(c.structural(g.kind) for c in g.cands)


def _person_read(g: Group) -> bool:
    return any(v.kind == PERSON for c in g.cands for v in c.votes)


def _place_of_item(t: Token, finder: Grouping) -> bool:
    """A place followed, within a few words, by "-based" / "-headquartered": it locates a list item."""
    words = finder.rules.place_hyphen_words
    return any(x.lower_ in words for x in t.doc[t.i + 1 : t.i + 6])


def _no_person_word(g: Group, groups: dict[str, Group], finder: Grouping) -> bool:
    """'Dropbox and Box': one word the model alone reads as a person, no given name and no part of a
    longer person-shaped name of the document ("Altman" beside "Sam Altman"), is no person."""
    words = (g.name or g.cands[0].surface).split()
    if len(words) != 1 or words[0] in finder.rules.given_names or not _model_only_person(g):
        return False
    doc = finder.doc
    if any(c.start > 0 and doc[c.start - 1].pos_ == "PROPN" for c in g.cands):
        return False  # "Operator Collective": the end of a longer name the model cut
    for other in groups.values():
        if other is g:
            continue
        for c in other.cands:
            parts = c.surface.split()
            if len(parts) >= 2 and words[0] in (parts[0], parts[-1]):
                return False
    return True


def _model_only_person(g: Group) -> bool:
    """Read as a person by the model's label alone: no given name, title, speaker label or surname reuse."""
    return all(v.cue == "ner" for c in g.cands for v in c.votes if v.kind == PERSON)


def closes_name_list(doc: Doc, start: int, k: int, end: int) -> bool:
    """'Kestrel Ventures, Oakline Capital, Marrow Innovation and Tidewater Ventures': a span "A B and C D"
    that closes a comma list of names (a comma and a capitalised word before it) is two list items when
    both sides have two or more capitalised words ("Food and Drug Administration" keeps one side short).
    """
    left, right = doc[start:k], doc[k + 1 : end]
    if len(left) < 2 or len(right) < 2 or start < 2:
        return False
    if not all(is_capitalised(t.text) for t in (*left, *right)):
        return False
    return doc[start - 1].text == "," and is_capitalised(doc[start - 2].text)
