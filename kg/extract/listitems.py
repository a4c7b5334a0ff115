"""Names the model missed between list neighbours: "sources such as Quelldb, Varnio, Plexdb and more".

The parse often drops a lone capitalised word in a comma list (it becomes an adverbial, or a conjunct
of nothing), and the model labels its neighbours but not the word itself. `lists.type_lists` reads
the parse's coordination; this step reads the surface: an unowned capitalised run of one to three
words that stands between list separators is an item of the kind its neighbours agree on when

- the items on both sides are accepted names of that kind ("Domo, Xantiv and SiSense"), or
- it closes a list ("... and Xantiv") whose two items before it are names of that kind, or
- it opens a list after "including"/"such as"/"like"/"include" and the two items after it are.

Only organizations and products spread; people lists are left to their own cues. The loop runs per
accepted mention (a few hundred per article), never per token of the doc.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from kg.extract.layout import BODY
from kg.extract.names import is_capitalised, is_never_entity
from kg.extract.terms import not_a_name
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from collections.abc import Callable

    from kg.extract.candidates import Cand
    from kg.extract.grouping import Group, Grouping

LIST_KINDS = (ORG, PRODUCT)
MAX_ITEM = 3
_SEPARATORS = (",", "and", "or", "&")
_OPENERS = ("including", "include", "includes", "like", "as")
_ITEM_POS = ("PROPN", "NOUN", "X")


def _skip_separators(doc: Doc, i: int) -> tuple[int, bool]:
    """Index after ", " / " and " / ", and " from `i`; whether any separator was there and how it ended."""
    j = i
    if j < len(doc) and doc[j].text == ",":
        j += 1
    if j < len(doc) and doc[j].lower_ in ("and", "or", "&"):
        j += 1
    return j, j > i


def _item_end(doc: Doc, start: int) -> int:
    """End of a capitalised run of at most MAX_ITEM words from `start` (start itself when none)."""
    j = start
    while j < len(doc) and j - start < MAX_ITEM:
        tok = doc[j]
        if tok.is_punct or not is_capitalised(tok.text) or tok.pos_ not in _ITEM_POS:
            break
        if tok.i > start and tok.is_sent_start:
            break
        j += 1
    return j


def _closes(doc: Doc, end: int) -> bool:
    """The run ends an item: a separator, a stop, a closing bracket or "and more"."""
    return end >= len(doc) or doc[end].text in (",", ".", ";", ")", ":") or doc[end].lower_ in _SEPARATORS


def add_list_items(
    finder: Grouping, groups: dict[str, Group], accepted: dict[str, Group], owner: dict[int, str]
) -> None:
    """Make a weak candidate of each unowned list item whose neighbours agree on a kind (see module doc)."""
    doc = finder.doc
    starts: dict[int, tuple[int, str]] = {}  # mention start -> (end, kind)
    ends: dict[int, tuple[int, str]] = {}  # mention end -> (start, kind)
    for g in accepted.values():
        if g.kind not in LIST_KINDS:
            continue
        for c in g.cands:
            if c.zone == BODY:
                starts[c.start] = (c.end, g.kind)
                ends[c.end] = (c.start, g.kind)
    found: list[tuple[int, int, str]] = []
    for m_start, (m_end, kind) in sorted(starts.items()):
        k, sep = _skip_separators(doc, m_end)
        if not sep or k >= len(doc) or k in owner:
            continue
        e = _item_end(doc, k)
        if e == k or not _closes(doc, e):
            continue
        if _right_agrees(doc, e, starts, kind) or _closes_list(doc, m_start, k, e, ends, kind):
            found.append((k, e, kind))
    for start, (_end, kind) in sorted(starts.items()):
        opened = _opened_item(doc, start, owner)
        if opened is not None and _two_after(doc, starts, kind, start):
            found.append((opened, start - 1, kind))
    for start, end, kind in found:
        end = _trim(doc, start, end)
        if end <= start or any(i in owner for i in range(start, end)) or not _item_ok(finder, start, end):
            continue
        accept_item(finder, groups, accepted, owner, (start, end), kind)


def accept_item(
    finder: Grouping,
    groups: dict[str, Group],
    accepted: dict[str, Group],
    owner: dict[int, str],
    span: tuple[int, int],
    kind: str,
    cls_of: Callable[[Cand], str | None] | None = None,
) -> None:
    """Accept the list item at `span` as a new weak entity of `kind` (class from `cls_of`, else the
    kind's default) unless it is no name, a version or an entity already; its tokens become owned."""
    from kg.extract.candidates import CONF_WEAK, DEFAULT_CLASS
    from kg.extract.grouping import Group

    start, end = span
    cand = finder.make(start, end, "", None, [])
    if cand is None or finder.bad_name(cand) or cand.version is not None:
        return
    cand.key = finder.group_key(cand)
    if cand.key in groups:
        return
    cls = (cls_of(cand) if cls_of else None) or DEFAULT_CLASS[kind]
    new = Group(cand.key, [cand], kind=kind, cls=cls)
    new.name = finder.best_name(new, kind)
    new.confidence, new.source = CONF_WEAK, "pattern"
    groups[cand.key] = accepted[cand.key] = new
    for i in range(start, end):
        owner[i] = cand.key


def _trim(doc: Doc, start: int, end: int) -> int:
    while end > start and doc[end - 1].text in (",", "and", "or"):
        end -= 1
    return end


def _right_agrees(doc: Doc, e: int, starts: dict[int, tuple[int, str]], kind: str) -> bool:
    """The next item after the run's separator is an accepted name of `kind`."""
    j, sep = _skip_separators(doc, e)
    return sep and starts.get(j, (0, ""))[1] == kind


def _closes_list(doc: Doc, m_start: int, k: int, e: int, ends: dict[int, tuple[int, str]], kind: str) -> bool:
    """'A, B and X': the run follows "and" and the item before B (behind a comma) is of `kind` too."""
    if doc[k - 1].lower_ not in ("and", "or") or (e < len(doc) and doc[e].lower_ in _SEPARATORS[1:]):
        return False
    before = m_start - 1
    if before < 1 or doc[before].text != ",":
        return False
    return ends.get(before, (0, ""))[1] == kind


def _opened_item(doc: Doc, start: int, owner: dict[int, str]) -> int | None:
    """'including X, A and B': the start of the unowned run X before the accepted mention at `start`."""
    j = start - 1
    if j < 2 or doc[j].text != ",":
        return None
    k = j
    while k > 0 and j - k < MAX_ITEM and doc[k - 1].i not in owner and is_capitalised(doc[k - 1].text):
        if doc[k - 1].pos_ not in _ITEM_POS or doc[k - 1].is_punct:
            break
        k -= 1
    if k == j or k < 1:
        return None
    opener = doc[k - 1]
    if opener.lower_ not in _OPENERS:
        return None
    if opener.lower_ == "as" and (k < 2 or doc[k - 2].lower_ != "such"):
        return None
    return k


def _two_after(doc: Doc, starts: dict[int, tuple[int, str]], kind: str, first: int) -> bool:
    """The two items after the opened run are accepted names of `kind` ("X, A and B")."""
    a = starts.get(first)
    if a is None or a[1] != kind:
        return False
    j, sep = _skip_separators(doc, a[0])
    return sep and starts.get(j, (0, ""))[1] == kind


def _item_ok(finder: Grouping, start: int, end: int) -> bool:
    """A name's shape: body text, not a term, a heading word, a given name or a sentence opener."""
    doc, rules = finder.doc, finder.rules
    span = doc[start:end]
    surface = span.text
    if finder.zone(start) != BODY or doc[start].is_sent_start:
        return False
    if is_never_entity(surface, rules) or not_a_name(doc, start, end, surface):
        return False
    if end - start == 1 and surface in rules.given_names:
        return False
    if not any(t.pos_ == "PROPN" or any(c.isupper() for c in t.text[1:]) for t in span):
        return False  # "Rest", "Data": a capitalised common noun needs a proper-noun or brand word
    return surface.casefold() not in rules.generic_words
