"""worksFor from an organization's possessive job title with a complement, set before the person's
name between commas: "Zorb's VP of healthcare, Dana Reyes, said ..." / "Zorb's head of global
partnerships, Dana Reyes". The small model often reads "VP" as an apposition of the organization and
hangs the name on the complement, and the surface title pattern (relations.json, title.v1) stops at
the first word that is no title word ("healthcare").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.patterns import code_rule, lexicon
from kg.extract.relbase import Candidate
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

POSSESSIVE_TITLE = code_rule("kg.rel.worksFor.possessive-title.v1", "worksFor", 0.75, (PERSON,), (ORG,))
_POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
_GLUE = frozenset({"of", "for", "and", "&", "-"})
_AFTER = frozenset({",", ".", ";", "said", "says", "told", "wrote", "explained", "noted", "added"})
# how many words a title with its complement may have ("senior VP of cloud and AI products")
REACH = 9


def possessive_titles(sdoc: Doc, sent: Span, table: EntityTable) -> list[Candidate]:
    """ "<Org>'s <title> [of/for <lower-case words>], <Person>[,|.|said]": the title opens right
    after the possessive with a core title within its first three words; the run holds only title
    words, lower-case words and glue, and must take a complement ("of"/"for") or a word that is no
    title word (the plain "Zorb's chief scientist, A" is title.v1's). Any other capitalised word, a
    verb, a determiner or another entity stops it."""
    out = []
    titles, core = lexicon("title_words"), lexicon("core_titles")
    for org in table.in_range(sent.start, sent.end):
        if org.kind != ORG or org.end >= sent.end - 3 or sdoc[org.end].text not in _POSSESSIVE:
            continue
        start = org.end + 1
        head = [t.lower_ for t in sdoc[start : min(start + 3, sent.end)]]
        if not any(w in core for w in head):
            continue
        plain = True
        for j in range(start, min(start + REACH, sent.end - 1)):
            tok = sdoc[j]
            if tok.text == ",":
                if j > start and not plain:
                    person = table.at_token(j + 1) if j + 1 < sent.end else None
                    if person is not None and _closes(sdoc, person, j + 1, sent.end):
                        role = sdoc[start:j].text
                        former = any(t.lower_ in lexicon("former_words") for t in sdoc[start:j])
                        out.append(Candidate(subject=person, object=org, pattern=POSSESSIVE_TITLE, sent=sent,
                                             role=role, former=former))
                break
            if table.at_token(j) is not None or not (tok.is_alpha or tok.text in _GLUE):
                break
            if tok.pos_ in ("VERB", "AUX", "DET", "PRON") and tok.lower_ not in titles:
                break
            if tok.text[:1].isupper() and tok.lower_ not in titles:
                break
            if tok.lower_ in ("of", "for") or tok.lower_ not in titles:
                plain = False
    return out


def _closes(sdoc: Doc, ref: SpanRef, start: int, end: int) -> bool:
    """Whether the named person opens at `start` and is followed by a comma, a full stop or a
    speech verb (the apposition ends with the name)."""
    if ref.kind != PERSON or ref.anaphor or ref.start != start:
        return False
    return ref.end >= end or sdoc[ref.end].lower_ in _AFTER
