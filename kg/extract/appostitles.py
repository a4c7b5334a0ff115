"""A person's title set off after the name, where the parser hung the apposition elsewhere.

"Investors included Brellix Partners, Quell Capital and Ravi Tanner, a board member of Zentrik": the
parser attaches "a board member" to the head of the list, so the last item keeps only the list noun's
organization vote. On the surface, a model-PERSON mention followed by a comma, an article and a few
lower-case words closing in a person's title (`person_titles`) and then "of"/"at" is titled
(`appos-title`, as the parsed apposition gives). Titles organizations also hold ("partner",
"member", "investor", "developer", "lead" ...) count only inside a longer title ("board member").
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules
from kg.model import PERSON

_SHARED = frozenset({"partner", "member", "investor", "developer", "designer", "lead", "leader", "host",
                     "executive", "head", "official", "employee", "engineer", "editor", "author"})
_ARTICLES = frozenset({"a", "an", "the"})
_AFTER = ("of", "at")


def title_votes(
    doc: Doc, start: int, end: int, rules: EntityRules, label: str, votes: list[ev.Vote]
) -> list[ev.Vote]:
    """An `appos-title` vote for "Ravi Tanner, a board member of Zentrik" the parse missed."""
    if label != "PERSON" or any(v.cue == "appos-title" for v in votes):
        return []
    if end + 3 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in _ARTICLES:
        return []
    words: list[str] = []
    j = end + 2
    while j < len(doc) and j - end <= 6 and doc[j].is_lower and doc[j].is_alpha and doc[j].text not in _AFTER:
        words.append(doc[j].lower_)
        j += 1
    if not words or j >= len(doc) or doc[j].lower_ not in _AFTER:
        return []
    hit = next((p for n in (3, 2, 1) if (p := " ".join(words[-n:])) in rules.person_titles), None)
    if hit is None or hit in _SHARED:
        return []
    return [ev.Vote(PERSON, "Person", ev.W_APPOS, "appos-title")]
