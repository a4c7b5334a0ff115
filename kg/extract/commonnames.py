"""Companies named by a common English word: "the startup Spawning", "Translated, a provider of
translation services", "Fathom cofounder Ann Lee". The tagger reads such a capitalised word as a verb,
an adjective or a common noun, so no step proposes it (`context_names` only reads proper nouns).

A capitalised body word that the tagger does not call a proper noun becomes a candidate where one strong
clue at that mention types it an organization: an organization noun right before it ("the startup X",
cue `org-noun-before`), an apposition with an organization noun right after its comma ("X, a provider
of ...", `appos-org`) or a founder's or chief's title (`common_name_titles`) and a capitalised name right
after it ("X cofounder Ann Lee", `title-after`). A sentence's first word only counts through the
apposition (an opening participle or adjective is capitalised anyway); the word's other mentions
("Translated's estimates") then join it through grouping. An organization suffix right after the word
belongs to the name ("the company Unanimous AI").

Never a person title ("Acting CEO"), a word the model labels (a nationality, a date), a demonym or an
identity word ("first Black president"), a word of `common_name_not_words` ("Former", "Next"), an
all-capital word, a word inside a capitalised run (a heading), a word before a lower-case noun it
modifies ("company Small business") unless the noun is such a title; after an organization noun, never
a word the text also writes in lower case ("a security startup Safety and security are ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.evidence import W_HEAD
from kg.extract.layout import BODY
from kg.extract.names import is_never_entity
from kg.extract.resources import name_span_words
from kg.model import ORG

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.extract.candidates import Cand, Candidates

_POS = frozenset({"VERB", "ADJ", "NOUN"})
_CUES = frozenset({"org-noun-before", "appos-org", "title-after"})
_OPENING_CUES = frozenset({"appos-org"})


def _capital_word(text: str) -> bool:
    return text.isalpha() and text[:1].isupper() and not text.isupper() and text[1:].islower()


def _plain_word(cands: Candidates, i: int) -> bool:
    """Token i is a capitalised common word no other step reads: not labelled, not a title or a list word."""
    tok, rules = cands.doc[i], cands.rules
    return (
        tok.pos_ in _POS
        and not tok.ent_id_
        and not tok.ent_type_
        and _capital_word(tok.text)
        and tok.lower_ not in rules.person_titles
        and tok.lower_ not in name_span_words("common_name_not_words")
        and tok.lower_ not in name_span_words("demonyms")
        and tok.lower_ not in name_span_words("identity_words")
        and not is_never_entity(tok.text, rules)
    )


def _allowed_cues(cands: Candidates, doc: Doc, i: int, end: int) -> frozenset[str]:
    """The cues that may vouch for the name [i, end) at this mention."""
    allowed = _OPENING_CUES if cands.opens_sentence(i) else _CUES
    after = doc[end]
    titled = end + 1 < len(doc) and _capital_word(doc[end + 1].text)
    if after.lower_ not in name_span_words("common_name_titles") or not titled:
        allowed = allowed - {"title-after"}  # "Democratic senator", "German computer scientist"
    if doc[i].lower_ in cands.lower_words:
        allowed = allowed - {"org-noun-before"}  # "a security startup Safety and security are ..."
    if after.text != ",":
        allowed = allowed - {"appos-org"}  # "X, a provider of ...": the comma right after the word
    if after.is_lower and after.pos_ == "NOUN":
        allowed = allowed & {"title-after"}  # "big company Small company": a modifier of the noun
    return allowed


def common_word_names(cands: Candidates, covered: list[bool]) -> list[Cand]:
    """Candidates for capitalised common words that an organization cue types at their mention."""
    doc, out = cands.doc, []
    for i in range(len(doc) - 1):
        if covered[i] or not _plain_word(cands, i) or cands.zone(i) != BODY:
            continue
        if i > 0 and not cands.opens_sentence(i) and _capital_word(doc[i - 1].text):
            continue  # inside a capitalised run: a heading or a longer name
        end = i + 1
        if doc[end].text.casefold() in cands.rules.org_suffixes and end + 1 < len(doc):
            end += 1  # "swarm intelligence company Unanimous AI"
        elif _capital_word(doc[end].text):
            continue
        allowed = _allowed_cues(cands, doc, i, end)
        if not allowed:
            continue
        cand = cands.make(i, end, "", None, [])
        vouched = cand is not None and any(
            v.kind == ORG and v.weight >= W_HEAD and v.cue in allowed for v in cand.votes
        )
        if cand is not None and vouched:
            out.append(cand)
            for k in range(i, end):
                covered[k] = True
    return out
