"""Typing evidence for a candidate name from its context in the parsed sentence.

Each function looks at one kind of cue and returns votes `(kind, cls, weight, cue)`:
head nouns after the name ("Zephyr video model", "the ChatGPT maker"), appositions
("X, the Paris-based startup"), titles ("CEO X", "X, chief executive"), possessives
("X's new model" -> X is an organization), legal suffixes ("Foo Labs") and versions.
Weights are documented in kg/extract/README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from kg.extract.names import is_version_token, split_glued_version
from kg.extract.resources import RULES_PATH, EntityRules, word_section
from kg.extract.sentences import doc_text
from kg.model import ORG, PERSON, PLACE, PRODUCT

# Weights of the cues (see README: "Entity typing").
W_VERSION = 10.0
W_SUFFIX = 8.0
W_APPOS = 6.0
W_TITLE = 6.0
W_HEAD = 5.0
W_POSSESSIVE = 4.0
W_SPEAKER = 3.0
W_WEAK = 2.0  # "platform X": a product, or the company that runs it

_POSSESSIVE_TAGS = {"POS"}
_NOUNISH = {"NOUN", "PROPN", "ADJ", "NUM"}


@dataclass(frozen=True)
class Vote:
    kind: str
    cls: str
    weight: float
    cue: str


def _lookup(words: list[str], table: dict[str, str] | frozenset[str]) -> str | None:
    """The longest trailing phrase of `words` found in `table` (multi-word heads first)."""
    for n in (3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            if phrase in table:
                return phrase
    return None


def noun_run_after(doc: Doc, end: int, allow_names: bool = False, limit: int = 7) -> list[Token]:
    """Lower-case modifiers and nouns after a name, up to the head noun ("AI video generation model")."""
    run: list[Token] = []
    j = end
    while j < len(doc) and j - end < limit:
        tok = doc[j]
        if tok.is_space or "\n" in tok.text:
            break
        hyphen = tok.text in ("-", "–") and j + 1 < len(doc) and not doc[j + 1].is_space
        after_hyphen = bool(run) and run[-1].text in ("-", "–")
        lowerish = (
            tok.is_lower or tok.text in ("AI", "AR", "VR", "3D", "2D") or (allow_names and tok.is_title)
        )
        if hyphen or (lowerish and (tok.pos_ in _NOUNISH or after_hyphen)):
            run.append(tok)
            j += 1
            continue
        break
    # The head is the last noun of the run; trailing adjectives or hyphens are not.
    while run and run[-1].pos_ not in ("NOUN", "PROPN"):
        run.pop()
    return run


def head_votes(doc: Doc, start: int, end: int, rules: EntityRules, label: str = "") -> list[Vote]:
    """What the noun after the name says it is: 'Zephyr model' (product), 'Foo startup' (org)."""
    if end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].lower_ in rules.place_hyphen_words:
        # "UAE-based firm": a place; but "PyTorch-based tools" are not, so the model must agree.
        return [Vote(PLACE, "Place", W_HEAD, "place-based")] if label in ("GPE", "LOC", "FAC") else []
    run = noun_run_after(doc, end)
    if not run:
        return []
    words = [t.lower_ for t in run]
    lemmas = [t.lemma_.lower() for t in run]
    if _lookup(words, rules.maker_heads) and len(run) <= 2:
        return [Vote(PRODUCT, "Product", W_HEAD, "maker-head")]  # "the ChatGPT maker": X is a product
    for seq in (words, lemmas):
        hit = _lookup(seq, rules.product_heads)
        if hit:
            weight = W_WEAK if hit in rules.weak_product_heads else W_HEAD
            return [Vote(PRODUCT, rules.product_heads[hit], weight, "product-head")]
        hit = _lookup(seq, rules.org_heads)
        if hit:
            return [Vote(ORG, rules.org_heads[hit], W_HEAD, "org-head")]
    if _lookup(words, rules.person_titles) and len(run) <= 3:
        return [Vote(ORG, "Organization", W_HEAD, "title-after")]  # "OpenAI CEO ..."
    return []


def preceding_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[Vote]:
    """Nouns right before the name: 'CEO Sam Altman', 'the startup Perplexity', 'the chatbot Zephyr'."""
    if start == 0:
        return []
    words: list[str] = []
    j = start - 1
    while j >= 0 and start - j <= 3:
        tok = doc[j]
        if tok.is_space or not (tok.is_lower or tok.is_upper or tok.is_title) or tok.is_punct:
            break
        words.insert(0, tok.lower_)
        j -= 1
    if not words:
        return []
    title = _lookup(words, rules.person_titles)
    # The longest phrase decides: "payments processor Tilt" is a company, "processor" alone hardware;
    # "property developer Rowe Hart" a company, "developer" alone a person's title.
    org = _lookup(words, rules.org_heads) if doc[start - 1].is_lower else None
    if title and not (org and len(org) > len(title)):
        return [Vote(PERSON, "Person", W_TITLE, "title-before")]
    if doc[start - 1].is_lower:
        product = _lookup(words, rules.product_heads)
        if org and (not product or len(org) > len(product)) and org not in rules.maker_heads:
            return [Vote(ORG, rules.org_heads[org], W_HEAD, "org-noun-before")]
        if product and not org:
            weight = W_WEAK if product in rules.weak_product_heads else W_HEAD
            return [Vote(PRODUCT, rules.product_heads[product], weight, "product-noun-before")]
    return []


def appos_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[Vote]:
    """Appositions: 'Sora, OpenAI's video model', 'Mistral, the Paris-based startup', 'X, chief executive'."""
    span = doc[start:end]
    root = span.root
    nouns = [c for c in root.children if c.dep_ == "appos" and not (start <= c.i < end)]
    if root.dep_ == "appos" and not (start <= root.head.i < end):
        nouns.append(root.head)
    votes: list[Vote] = []
    place = doc[start].ent_type_ in ("GPE", "LOC")
    for noun in nouns:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if place and any(t.lower_ in rules.place_hyphen_words for t in noun.subtree if t.i < noun.i):
            continue  # "the San Mateo, California-based company": the place of the company
        if noun.i >= end and any(t.tag_ in ("WP", "WDT") for t in doc[end : noun.i]):
            continue  # "Ann Lee, who leads Zentrik, a research lab": the lab is Zentrik, not Ann Lee
        left = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and t.is_lower]
        words = [t.lower_ for t in left] + [noun.lower_]
        lemmas = [t.lower_ for t in left] + [noun.lemma_.lower()]
        lo, hi = (end, noun.i) if noun.i >= end else (noun.i + 1, start)
        set_off = any(t.is_punct for t in doc[lo:hi])  # "Ann Lee, CEO"; not "Zorvex CEO Ann Lee"
        for seq in (words, lemmas):
            if _lookup(seq, rules.person_titles):
                if set_off:
                    votes.append(Vote(PERSON, "Person", W_APPOS, "appos-title"))
                break
            hit = _lookup(seq, rules.product_heads)
            if hit:
                weight = W_WEAK if hit in rules.weak_product_heads else W_APPOS
                votes.append(Vote(PRODUCT, rules.product_heads[hit], weight, "appos-product"))
                break
            hit = _lookup(seq, rules.org_heads)
            if hit and hit not in rules.maker_heads:
                votes.append(Vote(ORG, rules.org_heads[hit], W_APPOS, "appos-org"))
                break
    return votes


def possessive_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[Vote]:
    """'X's new video model', 'X's chief executive': X is an organization."""
    if end >= len(doc) or doc[end].tag_ not in _POSSESSIVE_TAGS:
        return []
    run = noun_run_after(doc, end + 1, allow_names=True)
    if not run:
        return []
    words = [t.lower_ for t in run]
    lemmas = [t.lemma_.lower() for t in run]
    for seq in (words, lemmas):
        if _lookup(seq, rules.product_heads) or _lookup(seq, rules.person_titles):
            return [Vote(ORG, "Organization", W_POSSESSIVE, "possessive")]
    return []


def suffix_vote(
    words: list[str],
    rules: EntityRules,
    common: frozenset[str] | set[str] = frozenset(),
    product_stem: bool = False,
) -> Vote | None:
    """'Notion Labs', 'Acme Corp.', 'Foo Capital', 'University of Bar': organizations by their form;
    'Balbix Security Cloud', 'Grace CPU Superchip' (three words or more, or two after a known product:
    `product_stem`): products by theirs.

    The rest of the name must be a name: "Dynamic AI" (when "dynamic" is a word of the text, or
    a generic word) is no company.
    """
    if len(words) < 2:
        return None
    folded = [w.casefold() for w in words]
    product_cls = rules.product_name_suffixes.get(folded[-1])
    if product_cls is not None and (len(words) >= 3 or product_stem):
        stem = [w for w in words[:-1] if w.casefold() not in ("of", "and", "&", "the")]
        if stem and not all(w.lower() in common or w.casefold() in rules.generic_words for w in stem):
            return Vote(PRODUCT, product_cls, W_SUFFIX, "product-suffix")
    for n in (2, 1):
        if len(folded) > n:
            tail = " ".join(folded[-n:])
            if tail in rules.org_suffixes:
                stem = [w for w in words[:-n] if w.casefold() not in ("of", "and", "&", "the")]
                if stem and all(w.lower() in common or w.casefold() in rules.generic_words for w in stem):
                    return None
                return Vote(ORG, rules.org_suffixes[tail], W_SUFFIX, "suffix")
    for n in (2, 1):
        head = " ".join(folded[:n])
        if len(folded) > n and head in rules.org_prefixes:
            return Vote(ORG, rules.org_prefixes[head], W_SUFFIX, "prefix")
    return None


def speaker_vote(doc: Doc, start: int, end: int, rules: EntityRules) -> Vote | None:
    """'Anthony: It's important ...' at the start of a line: a transcript's speaker label."""
    if end - start > rules.speaker_label_max_tokens or end >= len(doc) or doc[end].text != ":":
        return None
    at_line_start = start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
    if not at_line_start and doc[start].idx > 0:
        prev = doc_text(doc)[max(0, doc[start].idx - 2) : doc[start].idx]
        at_line_start = "\n" in prev
    return Vote(PERSON, "Person", W_SPEAKER, "speaker-label") if at_line_start else None


def version_after(doc: Doc, end: int, rules: EntityRules) -> int:
    """Token index after a version that follows a name: 'Seedance 2.0', 'Llama 2 70B', 'Gemini 2.5 Pro'."""
    j = end
    if j < len(doc) and doc[j].text == "-" and j + 1 < len(doc) and is_version_token(doc[j + 1].text):
        j += 1
    k = j
    while k < len(doc) and is_version_token(doc[k].text) and not doc[k - 1].is_space:
        if k + 1 < len(doc) and doc[k + 1].lower_ in ("%", "percent", "hours", "days", "years", "times"):
            return end
        k += 1
    if k == j:
        return end
    while k < len(doc) and doc[k].text in rules.version_tiers:
        k += 1
    return k


def trailing_version(doc: Doc, start: int, end: int) -> int:
    """Index where a version at the end of a span begins ('Claude Haiku 4.5' -> index of '4.5'), or end."""
    j = end
    while j - 1 > start and is_version_token(doc[j - 1].text):
        j -= 1
    return j


def glued_version(word: str) -> tuple[str, str] | None:
    return split_glued_version(word)


_OPEN_QUOTES = {'"', "“", "‘", "'"}


def _noun_votes(noun: Token, rules: EntityRules, weight: float, cue: str) -> list[Vote] | None:
    """What a common noun says a name is: [] for people, places and works; None when it says nothing."""
    left = [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod") and t.is_lower]
    words, lemmas = left + [noun.lower_], left + [noun.lemma_.lower()]
    skip = rules.naming_skip_nouns
    if noun.lower_ in skip or noun.lemma_.lower() in skip:
        return []
    for seq in (words, lemmas):
        if _lookup(seq, rules.person_titles):
            return []
        hit = _lookup(seq, rules.product_heads)
        if hit:
            w = W_WEAK if hit in rules.weak_product_heads else weight
            return [Vote(PRODUCT, rules.product_heads[hit], w, cue)]
        hit = _lookup(seq, rules.org_heads)
        if hit and hit not in rules.maker_heads:
            return [Vote(ORG, rules.org_heads[hit], weight, cue)]
    return None


def noun_kind_votes(noun: Token, rules: EntityRules, weight: float, cue: str) -> list[Vote]:
    """What a common noun says a name beside it is ("Vantel and other chat apps"); [] when nothing."""
    return _noun_votes(noun, rules, weight, cue) or []


def naming_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[Vote]:
    """'a model called Zephyr', 'the tool, dubbed Foo', 'the features it calls Foo AI': a given name."""
    j = start - 1
    while j >= 0 and doc[j].text in _OPEN_QUOTES:
        j -= 1
    article = j > 0 and doc[j].lower_ == "the" and doc[j - 1].lower_ in rules.naming_verbs
    if article:
        j -= 1  # "the device is called the Lumo Pin"
    if j > 0 and doc[j].lower_ in ("it", "them", "this") and doc[j - 1].lower_ in rules.naming_verbs:
        j -= 1  # "calls it Foo"
    if j > 0 and doc[j].lower_ == "as" and doc[j - 1].lower_ in _AS_NAMING:
        j -= 1  # "a solution known as Foo", "rebranded as Foo": only with a noun to type it
    if j < 0 or doc[j].lower_ not in rules.naming_verbs | _AS_NAMING or doc[start].text in rules.given_names:
        return []
    verb = doc[j]
    noun: Token | None = None
    if verb.dep_ in ("acl", "relcl", "amod", "advcl") and verb.head.i < verb.i and verb.head.pos_ == "NOUN":
        noun = verb.head
    elif verb.i >= 2 and doc[verb.i - 1].text == "," and doc[verb.i - 2].pos_ == "NOUN":
        noun = doc[verb.i - 2]  # "The tool, called Foo": a participle set off by a comma
    else:
        noun = _passive_subject(verb)  # "its framework is named Foo": the subject names the thing
    if noun is not None:
        said = _noun_votes(noun, rules, W_APPOS, "naming")
        if said is not None:
            return said
    if verb.lower_ in rules.naming_need_noun or verb.lower_ in _AS_NAMING:
        return []  # "named" also appoints people ("named Jane Roe its CEO")
    if article and not (end - start >= 2 and _subject_is_it(verb)):
        return []  # "one of the holes is called the Scorpion"; "It's called the Lumo Ai Pin" names a thing
    return [Vote(PRODUCT, "Product", W_HEAD, "naming")]


# Naming verbs that take "as" ("known as", "rebranded as"): they type a name only through a noun.
_AS_NAMING = frozenset({"known", "rebranded", "renamed", "rebadged", "rechristened", "relaunched"})


def _passive_subject(verb: Token) -> Token | None:
    """The common noun a passive naming verb names ("the headset is called X", "the tool was rebuilt
    and rebranded as X"), if any."""
    if verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ == "VERB":
        verb = verb.head
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subj if subj is not None and subj.pos_ == "NOUN" else None


def _subject_is_it(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it" for c in verb.children)


def launch_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[Vote]:
    """'Acme unveiled Zephyr', 'Foo Studio was released in May': the object of a launch verb."""
    if doc[start].text in rules.given_names:
        return []
    tok = doc[start:end].root
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    if tok.dep_ not in ("dobj", "nsubjpass"):
        return []
    verb = tok.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in rules.launch_verbs:
        return []
    if lemma == "roll" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return []
    return [Vote(PRODUCT, "Product", W_HEAD, "launch-object")]


def possessed_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[Vote]:
    """"the company's proprietary Work Graph", "its new Zephyr": a new thing somebody owns is a product."""
    adjectives = rules.product_adjectives
    j = start - 1
    while j >= 0 and start - j <= 3 and doc[j].lower_ in adjectives:
        j -= 1
    said = {t.lower_ for t in doc[j + 1 : start]}
    if not said - {"own"} or j < 0 or doc[start].text in rules.given_names:
        return []  # "our own Milky Way": "own" alone says nothing new
    if doc[j].tag_ == "POS" or doc[j].lower_ in ("its", "their", "our"):
        return [Vote(PRODUCT, "Product", W_HEAD, "possessed-new")]
    return []


def exemplar_votes(doc: Doc, start: int, end: int, rules: EntityRules) -> list[Vote]:
    """'vector databases, including Pinecone and Milvus', 'rivals like Foo': examples of a noun."""
    tok = doc[start:end].root
    while tok.dep_ in ("conj", "appos") and tok.head.i < tok.i:
        tok = tok.head
    if tok.dep_ != "pobj":
        return []
    prep = tok.head
    such_as = prep.lower_ == "as" and prep.i > 0 and doc[prep.i - 1].lower_ == "such"
    if not (prep.lower_ in ("including", "like") or such_as):
        return []
    noun = prep.head
    if such_as and noun.lower_ == "such":
        noun = noun.head
    if noun.lower_ in ("number", "variety", "range", "host", "handful", "set", "list", "series"):
        # "a number of vector databases, including Foo": the examples are of the noun after "of"
        of = [p for c in noun.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        noun = of[0] if of else noun
    if noun.pos_ != "NOUN" or noun.i > prep.i:
        return []
    return _noun_votes(noun, rules, W_HEAD, "exemplar") or []


# --- the roles a name plays in its clause ---------------------------------------------------------


_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ean|ian)$")  # "European", "African", "Eurasian"


@dataclass(frozen=True)
class RoleWords:
    """The `role_cues` word lists of kg/data/entity_rules.json (lemmas, casefolded)."""

    funding_verbs: frozenset[str]
    funding_nouns: frozenset[str]
    sale_verbs: frozenset[str]  # "sold to X": X bought
    buy_verbs: frozenset[str]  # "acquired by X": X bought
    list_verbs: frozenset[str]  # "competitors include X, Y and Z"
    lead_verbs: frozenset[str]  # "a round led by ZRV": the agent is an investor (fundleads.py)
    demonym_place_suffixes: frozenset[str]  # "European Union", "African Union": places
    company_titles: frozenset[str]  # "Zorvex CEO Ann Lee"; not "UK author", "New York City mayor"
    work_titles: frozenset[str]  # "author of X", "host of X": X is a work, not an employer
    possessed_product_heads: frozenset[str]  # "its Lumen offering", "Foo's internal forum Chatwall"
    product_prefixes: frozenset[str]  # "Project Dawn"
    generic_body_heads: frozenset[str]  # "a US District Court", "their Negotiating Committee": no entity
    site_words: frozenset[str]  # "their Foocases site": no entity


@cache
def role_words(path: Path = RULES_PATH) -> RoleWords:
    """Read once per process, at run time (never at import)."""
    return word_section(path, "role_cues", RoleWords)


def _money_in(verb: Token, words: RoleWords) -> bool:
    """The clause of `verb` names an amount or a funding noun ("raised $70M", "closed a seed round")."""
    for t in verb.subtree:
        if t.ent_type_ == "MONEY" or t.text in ("$", "€", "£") or t.lemma_.lower() in words.funding_nouns:
            return True
    return False


def _funding_clause(verb: Token, words: RoleWords, nested: bool = True) -> bool:
    """'raised $70M', or (`nested`) 'announced it secured $40M': the funding verb one clause down."""
    if verb.lemma_.lower() in words.funding_verbs and _money_in(verb, words):
        return True
    return nested and any(
        c.dep_ in ("ccomp", "xcomp")
        and c.lemma_.lower() in words.funding_verbs
        and any(s.dep_ == "nsubj" and s.lower_ in ("it", "they") for s in c.children)
        and _money_in(c, words)
        for c in verb.children
    )


def _title_noun(noun: Token, rules: EntityRules) -> bool:
    left = [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod") and not t.is_title]
    titles = rules.person_titles
    return bool(_lookup(left + [noun.lower_], titles) or _lookup([noun.lemma_.lower()], titles))


def role_votes(doc: Doc, start: int, end: int, rules: EntityRules, label: str = "") -> list[Vote]:
    """What the clause says a name is, from the role it plays ("X raised $70M", "CEO at X",
    "the provider is X", "sold to X", "competitors include X and Y", "X CEO Jane Roe")."""
    words = role_words()
    tok = doc[start:end].root
    votes: list[Vote] = []
    union = end - start == 2 and doc[end - 1].lower_ in words.demonym_place_suffixes
    if union and _DEMONYM.match(doc[start].text):
        votes.append(Vote(PLACE, "Place", W_SUFFIX, "place-suffix"))  # a union of nations, as the gold has it
    # "Zorvex CEO and cofounder Ann Lee": a title between the name and a person's name
    if end + 1 < len(doc) and doc[end].lower_ in words.company_titles:
        after = doc[end + 1 : min(len(doc), end + 5)]
        if any(t.ent_type_ == "PERSON" for t in after) and not doc[end].is_sent_start:
            votes.append(Vote(ORG, "Organization", W_HEAD, "title-after"))
    head = tok
    while head.dep_ in ("conj", "appos") and head.head.i < head.i:
        head = head.head
    verb = head.head
    # One clause down only where the model does not read a place: "The Redwood City, California-based
    # Zorvex said it raised ..." parses the place as the subject.
    # A one-word name followed by no place punctuation is no such place ("Tovana said it has secured $9M").
    lone = end - start == 1 and (end >= len(doc) or doc[end].text not in (",", "-", "–"))
    if head.dep_ == "nsubj" and _funding_clause(verb, words, nested=label not in ("GPE", "LOC") or lone):
        votes.append(Vote(ORG, "Company", W_HEAD, "funding-subject"))  # "Brelio raised $70M"
    rel = [c for c in tok.children if c.dep_ == "relcl" and c.i > tok.i]
    if rel and any(s.lower_ in ("which", "that") for s in rel[0].children) and _funding_clause(rel[0], words):
        votes.append(Vote(ORG, "Company", W_HEAD, "funding-subject"))  # "Zorvex, which raised $40M"
    item = tok
    while item.dep_ == "conj" and item.head.i < item.i:
        item = item.head
    before = start - 2 if start >= 2 and doc[start - 1].lower_ == "the" else start - 1
    if item.dep_ == "pobj" and before == item.head.i:
        prep, gov = item.head, item.head.head
        of_ok = label not in ("GPE", "LOC", "NORP", "WORK_OF_ART", "EVENT", "LAW") or (
            # "CEO of Zentrik": a company title is of a company, whatever the model reads
            label in ("GPE", "LOC") and gov.lower_ in words.company_titles and end - start == 1
        )
        of_ok = of_ok and gov.lower_ not in words.work_titles
        at_title = prep.lower_ == "at" or (prep.lower_ == "of" and of_ok)
        titled = gov.pos_ == "NOUN" or gov.lower_ in words.company_titles
        if at_title and titled and _title_noun(gov, rules):
            votes.append(Vote(ORG, "Organization", W_HEAD, "title-at"))  # "head of growth at X"
    if head.dep_ == "pobj":
        prep = verb
        gov = prep.head
        if prep.lower_ == "to" and gov.lemma_.lower() in words.sale_verbs:
            votes.append(Vote(ORG, "Company", W_HEAD, "buyer"))  # "a startup that sold to X"
        if prep.dep_ == "agent" and gov.lemma_.lower() in words.buy_verbs:
            votes.append(Vote(ORG, "Company", W_HEAD, "buyer"))  # "was acquired by X"
    if verb.lemma_.lower() == "be" and head.dep_ in ("attr", "nsubj"):
        other = "nsubj" if head.dep_ == "attr" else "attr"
        nouns = [c for c in verb.children if c.dep_ == other and c.pos_ == "NOUN"]
        said = _noun_votes(nouns[0], rules, W_HEAD, "copula") if nouns else None
        votes.extend(said or [])  # "Another security provider is X", "X is a chatbot"
    if head.dep_ == "dobj" and verb.lemma_.lower() in words.list_verbs:
        subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        said = _noun_votes(subj[0], rules, W_HEAD, "exemplar") if subj else None
        votes.extend(said or [])  # "competitors in the market include X, Y and Z"
    votes.extend(owned_votes(doc, start, end, rules, label, words))
    first = doc[start]
    prefixed = first.is_title and first.lower_ in words.product_prefixes
    if end - start >= 2 and prefixed and doc[start + 1].is_title:
        votes.append(Vote(PRODUCT, "Product", W_SUFFIX, "product-prefix"))  # "Project Dawn"
    return votes


_OWNER_PRONOUNS = ("its", "their")
_NOT_OWNERS = ("PERSON", "GPE", "LOC", "NORP")
_OWN_LABELS = ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW")  # a bare owned name keeps these readings


def owned_votes(
    doc: Doc, start: int, end: int, rules: EntityRules, label: str, words: RoleWords
) -> list[Vote]:
    """A name an organization owns is a product: "its Lumen offering", "the company's Forge bot",
    "Foo's internal forum Chatwall", "deepset's Haystack". Not people ("Acme's Jane Roe"), not the things
    of places or persons ("France's Mistral", "his book X")."""
    if start == 0 or label in ("PERSON", "NORP") or doc[start].text in rules.given_names:
        return []
    heads = words.possessed_product_heads
    j = start - 1
    mods: list[Token] = []
    while j >= 0 and start - j <= 4 and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ", "VERB", "PUNCT"):
        if doc[j].is_punct and doc[j].text not in ("-", "–"):
            break
        mods.insert(0, doc[j])
        j -= 1
    if j < 0:
        return []
    owner = doc[j]
    if owner.tag_ != "POS" and owner.lower_ not in _OWNER_PRONOUNS:
        return []
    if mods:
        noun = [t.lower_ for t in mods if t.text not in ("-", "–")]
        if noun and (_lookup(noun, rules.product_heads) or noun[-1] in heads):
            return [Vote(PRODUCT, "Product", W_HEAD, "owned-noun")]  # "its other initiative, Project X"
        if any(t.pos_ == "NOUN" for t in mods):
            return []  # "its chief executive Jane Roe", "the company's co-founder X"
    if owner.tag_ == "POS" and (j == 0 or doc[j - 1].ent_type_ in _NOT_OWNERS):
        return []  # "Musk's Neuralink", "France's Mistral": a person's or a place's firm, as often as not
    run = noun_run_after(doc, end)
    if run:
        after = [t.lower_ for t in run]
        if _lookup(after, rules.product_heads) or after[-1] in heads:
            return [Vote(PRODUCT, "Product", W_HEAD, "owned-head")]  # "its Lumen AI offering"
        return []
    last = end >= len(doc) or doc[end].tag_ != "POS"
    if owner.tag_ == "POS" and label not in _OWN_LABELS and last:
        # "deepset's Haystack"; not "France's Louvre Museum" (the model's ORG reading stands)
        return [Vote(PRODUCT, "Product", W_POSSESSIVE, "owned-name")]
    return []
