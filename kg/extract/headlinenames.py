"""Names only the headline gives: "Zentrik acquires Quillbyte for $40 million" over a feed item's
two-line summary that never repeats "Quillbyte".

Names seen only outside the body are normally dropped (headlines of other stories, furniture). The
document's own title is different: it states the article's main fact. A group whose mentions all
sit in the prepended title is decided as if those mentions were body text, so the same votes and
thresholds apply. Two guards keep it to real headline facts:

- in a title set in Title Case ("Zentrik Unveils Pallio For Banks") the model's name labels are
  unreliable: only names the gazetteer knows (and does not list as ambiguous) are taken;
- such a name has no mention in Document.text, so `pipeline.entity_records` keeps it only when a
  fact (a headline event) uses it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.layout import BODY, TITLE, is_headline_line

if TYPE_CHECKING:
    from kg.extract.grouping import Group, Grouping


def title_only_ok(finder: Grouping, g: Group) -> bool:
    """Decide a group seen only in a sentence-case title as if it were seen in the body."""
    title = finder.ctx.title
    if not finder.ctx.body_offset or not g.cands or any(c.zone != TITLE for c in g.cands):
        return False
    if is_headline_line(title) and (g.gaz is None or g.gaz.ambiguous):
        return False  # Title Case: only names the gazetteer knows for sure
    trial = replace(g, cands=[replace(c, zone=BODY) for c in g.cands])
    if not finder.decide(trial):
        return False
    g.kind, g.cls, g.name, g.gaz = trial.kind, trial.cls, trial.name, trial.gaz
    g.confidence, g.source, g.family = trial.confidence, trial.source, trial.family
    return True
