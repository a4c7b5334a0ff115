"""A launched thing the text calls a product is no company because its last word is "Lab".

"Brellix launched Remote Test Lab, a tool for testing apps. Remote Test Lab runs in the browser.": the
tagger reads the first "Lab" as a common noun, so the launched mention is no candidate and only the
later one is, typed by its organization suffix alone (`suffix`, weight 8). Where nothing but that
suffix and the model's label calls the name an organization, the step reads every occurrence of the
name in the body: an apposition with a product noun ("X, a tool for ..."), or an owner and a product
noun ("its Zentrik Predictive Networks tool") make it a product, and so does a launch-verb object that
a second product cue (an apposition, even with a weak noun: "launched X, a platform"; a naming verb;
"its new X") backs up. A launch alone does not count: startups are "launched" too ("they launched
Quill Labs"). The occurrences are added as mentions of the retyped entity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract.candidates import Cand
from kg.extract.layout import BODY
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from kg.extract.grouping import Group, Grouping

_ORG_SHAPE_CUES = frozenset({"suffix", "ner"})  # what the name's shape and the model say, no clause
_APPOSITION = "appos-product"
_OWNED = frozenset({"possessed-head", "owned-head", "owned-noun"})  # "its X tool"
_BACKING = frozenset(
    {"appos-product", "naming", "possessed-new", "possessed-head", "owned-noun", "owned-head"}
)


def _occurrences(finder: Grouping, g: Group) -> list[tuple[int, int]]:
    """Body token spans spelling one of the group's forms that no mention of the group covers."""
    doc = finder.doc
    last = g.name.split()[-1:]
    forms = {tuple(t.text for t in doc[c.start : c.end]) for c in g.body if c.surface.split()[-1:] == last}
    covered = {c.start for c in g.cands}
    found: list[tuple[int, int]] = []
    firsts = {f[0] for f in forms if f}
    for tok in doc:
        if tok.text not in firsts or tok.i in covered:
            continue
        for form in forms:
            end = tok.i + len(form)
            if end <= len(doc) and tuple(t.text for t in doc[tok.i : end]) == form:
                if finder.zone(tok.i) == BODY:
                    found.append((tok.i, end))
                break
    return found


def retype_launched_suffixes(finder: Grouping, accepted: dict[str, Group]) -> None:
    """Organizations typed by a suffix only, which an apposition or a backed launch calls a product."""
    rules = finder.rules
    doc = finder.doc
    for g in accepted.values():
        if g.gaz is not None or g.kind != ORG:
            continue
        org_cues = {v.cue for c in g.cands for v in c.votes if v.kind == ORG}
        if "suffix" not in org_cues or not org_cues <= _ORG_SHAPE_CUES:
            continue
        # Only mentions spelled with the suffix: "its Mist technology" says nothing of "Mist Systems".
        last = g.name.split()[-1:]
        extra = _occurrences(finder, g)
        votes = [v for c in g.cands if c.surface.split()[-1:] == last for v in c.votes]
        for start, end in extra:
            votes.extend(ev.appos_votes(doc, start, end, rules))
            votes.extend(ev.launch_votes(doc, start, end, rules))
            votes.extend(ev.possessed_votes(doc, start, end, rules))
        strong = [v for v in votes if v.kind == PRODUCT and v.weight >= ev.W_HEAD]
        cues = {v.cue for v in strong}
        backing = {v.cue for v in votes if v.kind == PRODUCT} & _BACKING  # "X, a platform" (weak) too
        if not (_APPOSITION in cues or cues & _OWNED or ("launch-object" in cues and backing)):
            continue
        g.kind = PRODUCT
        best = max(strong, key=lambda v: (v.weight, v.cls != "Product"))
        g.cls = best.cls
        for start, end in extra:
            g.cands.append(Cand(start, end, doc[start:end].text, BODY, "", None, [], key=g.key))
