"""worksFor from a job title set between commas, with no "at"/"of" before the employer: "..., said
Dana Reyes, senior VP analyst, Zorb Research." / "Tom Brek, founder, CEO and chairman, Vantor Labs,
told reporters." (the style of quote credits and speaker lists). The organization must open right
after the title's last comma and close the apposition.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.patterns import code_rule, lexicon
from kg.extract.relbase import Candidate
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

COMMA_TITLE = code_rule("kg.rel.worksFor.comma-title.v1", "worksFor", 0.7, (PERSON,), (ORG,))
REACH = 14
# core titles that name no job at the organization that follows ("an investor, Zorb" is no employee)
_NOT_JOBS = frozenset({"investor", "member", "adviser", "advisor", "consultant", "employees", "engineers",
                       "founders", "cofounders", "co-founders", "researchers", "scientists", "executives"})
_GLUE = frozenset({"of", "and", "&", "-", "for"})
_AFTER = frozenset({",", ".", ";", ":", ")", "said", "says", "told", "wrote", "writes", "in", "during",
                    "explained", "noted", "added"})


def comma_titles(sdoc: Doc, sent: Span, table: EntityTable) -> list[Candidate]:
    """ "A, <title>, <Org>": see the module docstring."""
    out = []
    for ref in table.in_range(sent.start, sent.end):
        if ref.kind != PERSON or ref.anaphor or ref.end >= sent.end - 2 or sdoc[ref.end].text != ",":
            continue
        found = _title_then_org(sdoc, table, ref.end + 1, sent.end)
        if found is None:
            continue
        org, cut = found
        words = sdoc[ref.end + 1 : cut]
        former = any(t.lower_ in lexicon("former_words") for t in words)
        out.append(
            Candidate(subject=ref, object=org, pattern=COMMA_TITLE, sent=sent, role=words.text.strip(),
                      former=former)
        )
    return out


def _title_then_org(sdoc: Doc, table: EntityTable, start: int, end: int) -> tuple[SpanRef, int] | None:
    """The organization right after the comma that closes a title run starting at `start`, and the
    token of that comma. The run holds only title words, lower-case words and glue ("of", "and");
    a verb, an entity, an article or any other capitalised word stops it."""
    titles = lexicon("title_words")
    core = lexicon("core_titles")
    head = [t.lower_ for t in sdoc[start : min(start + 3, end)]]
    if not any(w in core and w not in _NOT_JOBS for w in head):
        return None
    for j in range(start, min(start + REACH, end - 1)):
        tok = sdoc[j]
        if tok.text == "," and j > start and sdoc[j - 1].text != ",":
            org = table.at_token(j + 1)
            if org is None:
                continue  # "founder, CEO and chairman, Zorb": the title goes on
            if org.kind != ORG or org.anaphor or org.start != j + 1:
                return None
            if org.end < end and sdoc[org.end].lower_ not in _AFTER:
                return None
            last = sdoc[j - 1].lower_
            return (org, j) if last in titles or last in core else None
        if table.at_token(j) is not None or tok.lower_ in ("a", "an", "the", "at", "with"):
            return None
        if tok.pos_ in ("VERB", "AUX") and tok.lower_ not in titles and tok.tag_ != "VBG":
            return None
        if not (tok.is_alpha or tok.text in _GLUE) or (tok.text[:1].isupper() and tok.lower_ not in titles):
            return None
    return None
