"""A known name and one all-capital word, launched and described as a product: "announced Zentrik AI,
a suite of assistants", "the launch of Zentrik GPT, an app for ...". `Candidates.glued_known_name`
stops a known name's run at an all-capital word (an acronym after a name is mostly a term: "Zentrik
AI research"), so such a product was read as the known company alone. Here the run is one product
name when three things agree: a launch word right before it (`launch_verbs` or "announce", or "the
launch of": `launch_of_nouns`), a comma right after it, and an apposition there that calls the whole
name a product (`evidence.appos_votes`). The apposition and the launch then outvote an organization
suffix such as "AI".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract import evidence as ev
from kg.extract import launchnouns
from kg.model import PRODUCT

if TYPE_CHECKING:
    from kg.extract.candidates import Candidates

_ANNOUNCE = "announce"


def launched_caps_end(cands: Candidates, start: int, end: int) -> int:
    """The end past the capital word when the known name [start, end) and that word are one launched
    product ("announced Zentrik AI, a suite ..."), else `end`."""
    doc, rules = cands.doc, cands.rules
    if start == 0 or end + 1 >= len(doc) or not doc[end - 1].whitespace_:
        return end
    tok = doc[end]
    if not (tok.is_alpha and tok.is_upper and 2 <= len(tok.text) <= 5) or tok.is_sent_start or tok.ent_id_:
        return end
    if doc[end + 1].text != "," or not _launched_before(cands, start):
        return end
    votes = ev.appos_votes(doc, start, end + 1, rules)
    if not any(v.kind == PRODUCT for v in votes):
        return end
    return end + 1


def _launched_before(cands: Candidates, start: int) -> bool:
    """Whether a launch verb ("unveiled", "announced") or "the launch of" stands right before the name."""
    before = cands.doc[start - 1]
    if before.pos_ == "VERB":
        lemma = before.lemma_.lower()
        return lemma in cands.rules.launch_verbs or lemma == _ANNOUNCE
    if before.lower_ == "of" and start >= 2:
        return launchnouns.one_launch(cands.doc[start - 2])
    return False
