"""Names that are both a company and its product: which one a document means.

"GitHub" is a company and the service it runs; "Debian" a project and the distribution people install.
A known company flagged with a product reading in the gazetteer (`"product": "<class>"`), or a name
only the model calls an organization, is read as the product when the document uses it as one and
never shows it acting: "a message on Discord", "default installations of Debian and Ubuntu", "tools such
as Weaviate", "connect to sources such as MySQL", coordinated with a product ("a GitHub or Docker Hub
repository"). Any sign of the company acting keeps the organization: the subject of an acting verb
("Discord announced"), a possessive ("GitHub's CEO"), a title or an organization noun ("Datadog CEO ...",
"the startup Datadog"). The cue words live in `product_readings` of kg/data/entity_rules.json.
A gazetteer company with a product class is weighed by appreadings.py (uses against acts).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from kg.extract import evidence as ev
from kg.extract.appreadings import app_reading
from kg.extract.layout import BODY
from kg.extract.resources import RULES_PATH, EntityRules, word_section
from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from kg.extract.grouping import Group, Grouping

_EXAMPLE_PREPS = ("including", "like")


@dataclass(frozen=True)
class ReadingWords:
    """The `product_readings` lists of kg/data/entity_rules.json (casefolded; verbs and nouns as lemmas)."""

    use_prepositions: frozenset[str]  # "on Discord", "via Slack", "atop Airtable": whatever governs them
    use_verb_prepositions: frozenset[str]  # "connect to MySQL", "integrate with Jira": only after use_verbs
    use_verbs: frozenset[str]
    not_use_governors: frozenset[str]  # "comment on X", "bet on X", "invest in X": no use
    use_nouns_of: frozenset[str]  # "installations of Debian", "a version of Ubuntu"
    use_compounds: frozenset[str]  # "a Zoom call", "an Instagram post"
    acting_verbs: frozenset[str]  # "Discord announced ...": the company acts
    org_example_nouns: frozenset[str]  # "customers including X": X is a company
    company_verbs: frozenset[str]  # "analytic database Kinetica announced ...": only a company does so
    part_nouns: frozenset[str]  # "Instagram's feed", "Reddit comments": a known app's parts (appreadings.py)
    dual_use_verbs: frozenset[str]  # "ditch Slack": a known app used (appreadings.py)
    voice_verbs: frozenset[str]  # "Discord said": only the company speaks (appreadings.py)
    descriptor_cues: frozenset[str]  # product cues that describe what a company sells as well


@cache
def reading_words(path: Path = RULES_PATH) -> ReadingWords:
    """Read once per process, at run time (never at import)."""
    return word_section(path, "product_readings", ReadingWords)


def _item_head(tok: Token) -> Token:
    """The first item of the list `tok` belongs to ("Ubuntu, Debian and Fedora" -> Ubuntu)."""
    while tok.dep_ in ("conj", "appos") and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _exemplified(tok: Token) -> Token | None:
    """'sources such as X', 'tools including X': the noun `tok` (a list head) is an example of."""
    if tok.dep_ != "pobj":
        return None
    prep = tok.head
    such_as = prep.lower_ == "as" and prep.i > 0 and tok.doc[prep.i - 1].lower_ == "such"
    if not (such_as or prep.lower_ in _EXAMPLE_PREPS):
        return None
    noun = prep.head
    if such_as and noun.lower_ == "such":
        noun = noun.head
    return noun if noun.pos_ == "NOUN" and noun.i < prep.i else None


def _used_through(tok: Token, words: ReadingWords) -> str | None:
    """The cue when `tok` is the object of a preposition of use: 'on X', 'connect to X', 'copies of X'."""
    if tok.dep_ != "pobj":
        return None
    prep = tok.head
    word = prep.lower_
    gov = prep.head
    if word == "of" and gov.lower_ == "top" and gov.head.dep_ == "prep" and gov.head.lower_ == "on":
        return "use-prep"  # "on top of X"
    if word == "of":
        return "use-of" if gov.pos_ == "NOUN" and gov.lemma_.lower() in words.use_nouns_of else None
    if gov.lemma_.lower() in words.not_use_governors:
        return None
    if word in words.use_prepositions and (
        gov.pos_ in ("VERB", "AUX", "ADJ") or gov.lemma_.lower() in words.use_compounds
    ):
        return "use-prep"  # "runs on X", "available via X", "a message on X"; not "writings on X"
    if word in words.use_verb_prepositions and gov.lemma_.lower() in words.use_verbs:
        return "use-prep"
    return None


def product_use_cues(doc: Doc, start: int, end: int, words: ReadingWords) -> list[str]:
    """How one mention is used as a product (empty when it is not)."""
    cues: list[str] = []
    tok = doc[start:end].root
    head = _item_head(tok)
    used = _used_through(head, words)
    if used:
        cues.append(used)
    noun = _exemplified(head)
    if noun is not None:
        noun_used = _used_through(_item_head(noun), words)
        if noun_used:
            cues.append("use-example")  # "connect to external sources such as X"
    before = doc[max(0, start - 3) : start].text.casefold().replace("-", " ")
    if before.endswith("open source") or before.endswith("open source "):
        cues.append("open-source")  # "the open-source LangChain technology": a project's code
    if (
        end < len(doc)
        and doc[end].is_lower
        and doc[end].pos_ == "NOUN"
        and doc[end].lemma_.lower() in words.use_compounds
        and tok.head.i == end
    ):
        cues.append("use-compound")  # "in a Zoom interview"
    return cues


def acting_cues(doc: Doc, start: int, end: int, words: ReadingWords, rules: EntityRules) -> list[str]:
    """Signs of the company itself: subject of an acting verb, possessor, owner of a title or owned by
    a company ("X chief Ann Lee", "the parent company of X")."""
    tok = doc[start:end].root
    cues: list[str] = []
    head = _item_head(tok)
    if head.dep_ == "nsubj" and head.head.lemma_.lower() in words.acting_verbs:
        cues.append("acting-subject")
    if end < len(doc) and doc[end].tag_ == "POS":
        cues.append("possessor")
    if end + 1 < len(doc) and doc[end].lower_ in rules.person_titles and doc[end + 1].ent_type_ == "PERSON":
        cues.append("title-after")  # "Instagram chief Adam Mosseri"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in rules.org_heads:
        cues.append("owned-company")  # "Meta, parent company of Facebook and Instagram"
    noun = _exemplified(head)
    if noun is not None and noun.lemma_.lower() in words.org_example_nouns:
        cues.append("org-example")  # "customers including Acme and Zorvex"
    return cues


def _org_evidence(g: Group) -> bool:
    """A cue other than the model's label or a list says it is an organization."""
    return any(v.kind == ORG and v.cue not in ("ner", "gazetteer") for c in g.cands for v in c.votes)


def read_products(finder: Grouping, accepted: dict[str, Group]) -> None:
    """Retype as products the accepted organizations the document only uses as products."""
    words = reading_words()
    doc, rules = finder.doc, finder.rules
    kind_at: dict[int, str] = {}
    for g in accepted.values():
        for c in g.cands:
            kind_at[doc[c.start : c.end].root.i] = g.kind
    for g in accepted.values():
        if g.kind != ORG or _org_evidence(g):
            continue
        if g.gaz is not None and g.gaz.product is None:
            continue
        body = [c for c in g.cands if c.zone == BODY]
        uses: list[str] = []
        acting = False
        if g.gaz is not None:  # a known company and its app: "posts on Instagram"
            uses = app_reading(doc, body, words, rules, kind_at)
            body = [] if not uses else body
        for c in body if g.gaz is None else ():
            if acting_cues(doc, c.start, c.end, words, rules):
                acting = True
                break
            org_votes = [
                v
                for f in (ev.head_votes, ev.preceding_votes, ev.role_votes)
                for v in f(doc, c.start, c.end, rules)
                if v.kind == ORG
            ]
            if org_votes or any(v.kind == ORG for v in ev.exemplar_votes(doc, c.start, c.end, rules)):
                acting = True
                break
            cues = product_use_cues(doc, c.start, c.end, words)
            cues += [
                v.cue
                for v in ev.exemplar_votes(doc, c.start, c.end, rules)
                if v.kind == PRODUCT and v.weight >= ev.W_HEAD  # not "platforms like X": a weak noun
            ]
            root = doc[c.start : c.end].root
            if any(kind_at.get(t.i) == PRODUCT for t in root.conjuncts):
                cues.append("use-list")  # "a GitHub or Docker Hub repository"
            uses.extend(cues)
        if acting or not uses:
            continue
        cls = g.gaz.product if g.gaz is not None and g.gaz.product else "Application"
        g.kind, g.cls = PRODUCT, cls
        for c in body:
            c.votes.append(ev.Vote(PRODUCT, cls, ev.W_HEAD, "product-use"))
        for c in g.cands:
            kind_at[doc[c.start : c.end].root.i] = PRODUCT


def read_companies(finder: Grouping, accepted: dict[str, Group]) -> None:
    """'analytic database Kinetica announced an integration': a name typed a product only by a noun
    describing it (what the company sells) is the company when it is the subject of a company verb."""
    words = reading_words()
    doc = finder.doc
    for g in accepted.values():
        if g.kind != PRODUCT or g.gaz is not None or any(c.version for c in g.cands):
            continue
        cues = {v.cue for c in g.cands for v in c.votes if v.kind == PRODUCT}
        if not cues or not cues <= words.descriptor_cues:
            continue
        for c in g.cands:
            head = _item_head(doc[c.start : c.end].root)
            if c.zone == BODY and head.dep_ == "nsubj" and head.head.lemma_.lower() in words.company_verbs:
                g.kind, g.cls = ORG, "Company"
                g.name = finder.best_name(g, ORG)
                break
