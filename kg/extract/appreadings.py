"""A known company that is also its app: which one each document means.

The gazetteer flags companies whose name is also the app or service they run (`"product": "<class>"`
on an Organization entry: Instagram, Discord, Slack). Such a name is read as the product when the
document talks about the app more than about the company: "posts on Instagram", "Reddit comments",
"Telegram's API", "apps like Slack", "the video platform YouTube", "ditch Discord". The company stays
where the document says what the company does: the subject of a company verb ("Slack hired ...",
"Discord raised ..."), a title ("Slack CEO Ann Lee"), a possessed person or body ("Telegram's
founder"), an organization noun ("the software company Slack"), "customers including Zoom". Other
acting verbs ("Instagram is working on labels", "YouTube added a feature") fit an app as well as a
company: they only count against the uses. `readings.read_products` asks this module for the groups
with a gazetteer product class; names only the model calls organizations keep the stricter reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kg.extract import evidence as ev
from kg.extract.resources import EntityRules
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from kg.extract.candidates import Cand
    from kg.extract.readings import ReadingWords


# prepositions that tie an app to a part of it ("integrations with X", "a plugin for X", "features in X")
_PART_PREPOSITIONS = frozenset({"with", "for", "in", "inside", "within"})


def _chain(tok: Token) -> list[Token]:
    """`tok` and the items it is listed after ("Facebook, Instagram" -> [Instagram, Facebook]), up to
    the first one that is no list item; the last element is the list's head."""
    chain = [tok]
    while tok.dep_ in ("conj", "appos") and tok.head.i < tok.i and len(chain) < 12:
        tok = tok.head
        chain.append(tok)
    return chain


def _uses(doc: Doc, c: Cand, words: ReadingWords, rules: EntityRules, base: list[str]) -> list[str]:
    """The app-reading cues of one mention beyond `readings.product_use_cues` (`base`)."""
    uses = list(base)
    tok = doc[c.start : c.end].root
    chain = _chain(tok)
    head = chain[-1]
    if head.pos_ == "NOUN" and len(chain) > 1 and head.lower_ in rules.product_heads:
        uses.append("use-appos")  # "its flagship products: Facebook, Instagram and WhatsApp"
        head = chain[-2]
    gov = head.head
    if head.dep_ == "pobj" and gov.lower_ in words.use_prepositions:
        owner = gov.head
        if owner.lemma_.lower() not in words.not_use_governors and owner.pos_ in ("NOUN", "PROPN"):
            uses.append("use-prep")  # "communities on Reddit", "words on Facebook and Instagram"
    part = gov.head.pos_ == "NOUN" and gov.head.lemma_.lower() in words.part_nouns
    if head.dep_ == "pobj" and gov.lower_ in _PART_PREPOSITIONS and part:
        uses.append("use-part")  # "integrations with HubSpot", "plugins for Figma"
    brought = gov.lower_ in ("to", "into") and gov.head.lemma_.lower() in words.dual_use_verbs
    if head.dep_ == "pobj" and brought:
        uses.append("use-verb")  # "bring creators to Instagram", "bringing its cloud into Slack"
    compound_nouns = words.use_compounds | words.part_nouns
    if (
        head.dep_ in ("compound", "nmod", "amod")
        and gov.i > head.i
        and gov.pos_ == "NOUN"
        and gov.lemma_.lower() in compound_nouns
        and "use-compound" not in uses
    ):
        uses.append("use-compound")  # "Twitter and Instagram mentions", "Reddit comments"
    if head.dep_ == "dobj" and gov.lemma_.lower() in words.dual_use_verbs:
        uses.append("use-verb")  # "ditch Slack", "download TikTok"
    possessed = tok.dep_ == "poss" and tok.head.lemma_.lower() in words.part_nouns
    if c.end < len(doc) and doc[c.end].tag_ == "POS" and possessed:
        uses.append("use-part")  # "Instagram's feed", "Telegram's API"
    for f in (ev.exemplar_votes, ev.preceding_votes):
        if any(v.kind == PRODUCT for v in f(doc, c.start, c.end, rules)):
            uses.append("use-noun")  # "platforms like YouTube", "the social network TikTok"
    return uses


def _staff_at(at: Token, rules: EntityRules) -> bool:
    """'SVP of product at X', 'engineers at X': the "at" phrase hangs off a title (or its "of" phrase)."""
    tok = at.head
    for _ in range(3):
        if tok.lower_ in rules.person_titles or tok.lemma_.lower() in rules.person_titles:
            return True
        if tok.dep_ != "pobj" or tok.head.lower_ != "of":
            return False
        tok = tok.head.head
    return False


# verbs of a relative clause on the name that only a company does ("X, which built its own model")
_RELATIVE_ACTS = frozenset(
    {"create", "develop", "build", "launch", "release", "unveil", "introduce", "acquire"}
)
_RELATIVE_SUBJECTS = ("which", "that", "who")


def _relative_act(tok: Token, words: ReadingWords) -> bool:
    """'X, which recently created its own art generator': the relative clause's subject is the name."""
    acts = _RELATIVE_ACTS | words.company_verbs
    for rel in tok.children:
        if rel.dep_ != "relcl" or rel.lemma_.lower() not in acts:
            continue
        if any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE_SUBJECTS for c in rel.children):
            return True
    return False


def _vetoes(
    doc: Doc, c: Cand, words: ReadingWords, rules: EntityRules, acting: list[str]
) -> tuple[bool, int]:
    """(the company is shown acting, count of weak acts) for one mention; `acting` are the cues of
    `readings.acting_cues`."""
    tok = doc[c.start : c.end].root
    head = _chain(tok)[-1]
    if c.end < len(doc) and doc[c.end].lower_ in rules.person_titles:
        return True, 0  # "the Slack SVP", "Discord CEO Ann Lee"
    if head.dep_ == "pobj" and head.head.lower_ == "at" and _staff_at(head.head, rules):
        return True, 0  # "SVP of product at Slack", "engineers at Discord"
    if head.dep_ == "pobj" and head.head.lower_ == "against":
        return True, 0  # "a lawsuit against Acme and DeviantArt", "a case against Discord"
    if _relative_act(tok, words):
        return True, 0  # "DeviantArt, which recently created its own generator"
    weak = 0
    for cue in acting:
        if cue == "acting-subject":
            if head.head.lemma_.lower() in words.company_verbs | words.voice_verbs:
                return True, 0
            weak += 1
        elif cue == "possessor":
            if not (tok.dep_ == "poss" and tok.head.lemma_.lower() in words.part_nouns):
                return True, 0
        elif cue != "org-example":
            return True, 0
    return False, weak


def app_reading(
    doc: Doc,
    body: list[Cand],
    words: ReadingWords,
    rules: EntityRules,
    kind_at: dict[int, str],
) -> list[str]:
    """The uses that make a known company-and-app the app in this document (empty: the company).

    `kind_at` maps list heads already typed to their kind (a product beside it in a list)."""
    from kg.extract.readings import acting_cues, product_use_cues

    uses: list[str] = []
    weak = 0
    for c in body:
        root = doc[c.start : c.end].root
        listed_product = any(kind_at.get(t.i) == PRODUCT for t in root.conjuncts)
        acting = acting_cues(doc, c.start, c.end, words, rules)
        if "org-example" in acting and not listed_product:
            return []  # "customers including Zoom and Acme"; not "rivals include Google Docs and Slack"
        veto, n = _vetoes(doc, c, words, rules, acting)
        if veto:
            return []
        weak += n
        mention = _uses(doc, c, words, rules, product_use_cues(doc, c.start, c.end, words))
        if listed_product:
            mention.append("use-list")
        if not mention:
            org = [
                v
                for f in (ev.head_votes, ev.preceding_votes, ev.role_votes, ev.exemplar_votes)
                for v in f(doc, c.start, c.end, rules)
                if v.kind == ORG
            ]
            if org:
                return []  # "the software company Slack", "Slack CEO ..."
        uses.extend(dict.fromkeys(mention))  # one cue of a kind per mention
    return uses if len(uses) > weak else []
