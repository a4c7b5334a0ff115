"""A glued family-version word followed by version tiers: "GPT-4 Turbo", "Zeta-3.5 Instruct".

`names.split_glued_version` reads a version glued to a one-word name ("GPT-4o"), and a trailing tier
extends a version already found ("Gemini 2.5 Pro"); a name that opens with the glued word and closes
with tiers (`version_tiers` in entity_rules.json) had neither, so without a launch verb it got no version
vote and the model's person label won ("including GPT-4 Turbo").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.names import split_glued_version

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.resources import EntityRules


def glued_with_tiers(doc: Doc, start: int, end: int, rules: EntityRules) -> tuple[str, str] | None:
    """(family, version with its tiers) of the span [start, end), or None."""
    if end - start < 2 or end - start > 3:
        return None
    glued = split_glued_version(doc[start].text)
    if glued is None or not doc[start].text[:1].isupper():
        return None
    if not all(t.text in rules.version_tiers for t in doc[start + 1 : end]):
        return None
    family, version = glued
    return family, " ".join([version] + [t.text for t in doc[start + 1 : end]])


def tiers_after(doc: Doc, end: int, rules: EntityRules) -> int:
    """End of up to two capitalised version tiers right after a glued version ("Quill-3.5" + "Instruct"),
    which the tagger may read as a verb or an adjective."""
    k = end
    while (
        k < len(doc)
        and k - end < 2
        and doc[k - 1].whitespace_
        and doc[k].text in rules.version_tiers
        and doc[k].text[:1].isupper()
        and not doc[k].is_sent_start
    ):
        k += 1
    if k > end and k < len(doc) and doc[k].is_title:
        return end  # "GPT-3 Large Language Model": the run goes on in capitals, a description
    return k
