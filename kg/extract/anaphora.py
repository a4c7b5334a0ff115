"""Anaphora good enough for rules: 'the company', 'the ChatGPT maker', 'its', 'he'/'she'.

Each resolved anaphor becomes a SpanRef with anaphor=True pointing at an entity of the table, so
relation and event rules can attach facts stated about "the startup" to the startup.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from kg.extract.context import DocContext
from kg.extract.maincompany import MainCompany
from kg.extract.patterns import lexicon
from kg.extract.resources import EntityRules
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON, PRODUCT

# Verbs whose subject "it" is usually a dummy ("it seems", "it is likely that").
_SUBJECTS = ("nsubj", "nsubjpass")
_DUMMY_IT_HEADS = {"be", "seem", "appear", "remain", "become", "look", "sound", "feel", "take", "matter"}


def _sentence_starts(doc: Doc) -> list[int]:
    return [s.start for s in doc.sents]


def _window_start(starts: list[int], i: int, window: int) -> int:
    """First token of the sentence `window` sentences before the one holding token i."""
    idx = bisect_right(starts, i) - 1
    return starts[max(0, idx - window)] if starts else 0


def _maker_target(doc: Doc, table: EntityTable, noun: Token) -> str | None:
    """'the ChatGPT maker': the known developer of the product named before 'maker'."""
    if noun.i == 0:
        return None
    ref = table.at_token(noun.i - 1)
    if ref is None or ref.kind != PRODUCT or ref.anaphor:
        return None
    return table.known_developer.get(ref.key)


def add_anaphora(doc: Doc, table: EntityTable, ctx: DocContext, rules: EntityRules) -> int:
    """Add anaphor SpanRefs to `table`; returns how many were added."""
    starts = _sentence_starts(doc)
    added: list[SpanRef] = []
    words = rules.anaphora_org_nouns | rules.anaphora_org_pronouns | rules.anaphora_person_pronouns
    main = MainCompany(table, ctx.title, rules.anaphora_generic_nouns)
    for tok in doc:
        low = tok.lower_
        if low not in words or not ctx.in_body(tok) or table.at_token(tok.i) is not None:
            continue
        lo = _window_start(starts, tok.i, rules.anaphora_window)
        if low in rules.anaphora_org_nouns and tok.pos_ == "NOUN" and tok.i > 0:
            ref = _org_noun(doc, table, tok, lo, rules, starts, main)
        elif low in rules.anaphora_org_pronouns and tok.pos_ == "PRON" or tok.tag_ == "PRP$" and low == "its":
            ref = _it(doc, table, tok, lo)
        elif low in rules.anaphora_person_pronouns and tok.pos_ == "PRON":
            ref = _person(table, tok, lo)
        else:
            ref = None
        if ref is not None:
            added.append(ref)
    for ref in added:
        table.add_span(ref)
    return len(added)


def _org_noun(
    doc: Doc,
    table: EntityTable,
    noun: Token,
    lo: int,
    rules: EntityRules,
    starts: list[int],
    main: MainCompany,
) -> SpanRef | None:
    """'the company', 'the startup', 'the search giant', 'the ChatGPT maker'."""
    det = doc[noun.i - 1]
    first = noun.i - 1
    while first > 0 and first > noun.i - 4 and doc[first].lower_ not in ("the", "this"):
        first -= 1
    if doc[first].lower_ not in ("the", "this"):
        long_start = _long_phrase_start(doc, noun)  # "the Sunnyvale, California-based company"
        if long_start is None:
            return None
        first = long_start
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if nxt is not None and table.at_token(nxt.i) is not None:
        return None  # "the startup Perplexity": a name follows, no anaphor
    if noun.dep_ == "compound":
        return None  # "the company's" is fine, "the company website" is not about the company itself
    if any(c.dep_ == "acl" and c.lower_ in lexicon("naming_verbs") for c in noun.children):
        return None  # "the company called X": named right there, not the organization named before
    if noun.lower_ in rules.maker_heads and det.lower_ not in ("the", "this"):
        key = _maker_target(doc, table, noun)
        if key is None:
            return None
        ent = table.entities[key]
        return SpanRef(key, first, noun.i + 1, ent.kind, ent.cls, anaphor=True)
    named = _named_after_noun(doc, table, noun, first, starts)
    if named is not None:
        return SpanRef(named.key, first, noun.i + 1, named.kind, named.cls, anaphor=True)
    ante = _org_before(doc, table, noun, first, lo)
    if ante is None:
        return None
    ante = _prefer_subject(doc, table, ante, lo, first)
    ante = _prefer_main_subject(doc, table, ante, noun)
    ante = main.prefer(doc, ante, noun, lo, first)
    return SpanRef(ante.key, first, noun.i + 1, ante.kind, ante.cls, anaphor=True)


MEDIA_CLASS = "MediaOrganization"
MEDIA_NOUNS = frozenset(
    {"company", "group", "organization", "organisation", "business", "outlet", "publisher", "it", "its"}
)
NAMED_NOUN_REACH = 8  # sentences searched back for an entity whose own name ends in the noun ("the lab")


def _usable(doc: Doc, ref: SpanRef, noun: Token) -> bool:
    """A media organization (often the publisher: "told VentureBeat", "a VentureBeat report") is an
    antecedent only of a noun a newspaper can be and only where the text makes it a subject."""
    if ref.cls != MEDIA_CLASS:
        return True
    return noun.lower_ in MEDIA_NOUNS and doc[ref.start : ref.end].root.dep_ in _SUBJECTS


def _org_before(doc: Doc, table: EntityTable, noun: Token, first: int, lo: int) -> SpanRef | None:
    """The nearest organization before the phrase that the noun can refer to."""
    i = first
    while True:
        ante = table.before(i, (ORG,), limit=first - lo)
        if ante is None or _usable(doc, ante, noun):
            return ante
        i = ante.start


def _named_after_noun(
    doc: Doc, table: EntityTable, noun: Token, first: int, starts: list[int]
) -> SpanRef | None:
    """ "the lab" after "Acme opened its Robotics Lab ...": the latest organization named within a few
    sentences whose own name ends in the noun ("Lab", "Labs") wins over a nearer organization."""
    word = noun.lower_
    if word in ("company", "group", "business", "organization", "organisation"):
        return None  # too many names end so ("... Group") for the word to pick one out
    lo = _window_start(starts, noun.i, NAMED_NOUN_REACH)
    for ref in reversed(table.in_range(lo, first)):
        if ref.kind != ORG or ref.anaphor:
            continue
        last = doc[ref.end - 1].lower_
        if last == word or last == word + "s" or last.rstrip("s") == word:
            return ref
    return None


_CLAUSE_LINKS = ("advcl", "xcomp", "ccomp", "conj")


def _prefer_main_subject(doc: Doc, table: EntityTable, ante: SpanRef, noun: Token) -> SpanRef:
    """ "Bigco will invest in Smallco, as the giant seeks to ...": an anaphor that is the subject of
    an adverbial clause ("as", "while" ...; never a relative clause) means the subject organization of
    the clause it hangs on, not an object named in between."""
    if (
        noun.dep_ not in _SUBJECTS
        or noun.head.dep_ != "advcl"
        or doc[ante.start : ante.end].root.dep_ in _SUBJECTS
    ):
        return ante
    sent = noun.sent
    if ante.start < sent.start:
        return ante
    cur = noun.head
    while cur.dep_ in _CLAUSE_LINKS and cur.head is not cur:
        cur = cur.head
        for c in cur.children:
            if c.dep_ in _SUBJECTS and c.i < noun.i:
                ref = table.at_token(c.i)
                if ref is not None and ref.kind == ORG and not ref.anaphor and _usable(doc, ref, noun):
                    return ref
    return ante


def _long_phrase_start(doc: Doc, noun: Token) -> int | None:
    """The "the" opening a longer noun phrase whose modifiers hold a place and "-based" ("the Santa
    Clara, California-based company"); None for any other phrase."""
    edge = noun.left_edge.i
    if doc[edge].lower_ not in ("the", "this"):
        edge = _article_before_place(doc, edge, noun.i)
    if noun.i - edge > 8 or doc[edge].lower_ not in ("the", "this"):
        return None
    words = {t.lower_ for t in doc[edge + 1 : noun.i]}
    if "based" not in words and "headquartered" not in words:
        return None
    return edge


_PLACE_PUNCT = frozenset({",", "-", "."})


def _article_before_place(doc: Doc, edge: int, noun_i: int) -> int:
    """ "The Mountain View, California-based company": the parse may cut the city off as a phrase of its
    own; the article before it (only proper nouns and commas between) opens the anaphor's phrase."""
    j = edge - 1
    while j >= max(0, noun_i - 8) and (doc[j].pos_ == "PROPN" or doc[j].text in _PLACE_PUNCT):
        if doc[j].is_sent_start and doc[j].pos_ == "PROPN":
            return edge
        j -= 1
    return j if j >= 0 and j < edge - 1 else edge


def _prefer_subject(doc: Doc, table: EntityTable, ante: SpanRef, lo: int, i: int) -> SpanRef:
    """The nearest organization, unless it sits in a prepositional phrase ("data from Acme") while
    an earlier clause of the window has an organization as its subject: the text goes on about that
    one ("Quillbase trained it on data from Acme. The company said ..." -> Quillbase)."""
    if doc[ante.start : ante.end].root.dep_ not in ("pobj", "attr"):  # "data from Acme", "... is Acme"
        return ante
    if _employer_of_clause_person(doc, table, ante, i):
        return ante
    for ref in reversed(table.in_range(lo, i)):
        if ref.kind == ORG and not ref.anaphor and doc[ref.start : ref.end].root.dep_ in _SUBJECTS:
            return ref
    return ante


def _employer_of_clause_person(doc: Doc, table: EntityTable, ante: SpanRef, i: int) -> bool:
    """ "For Acme CEO Dana Reyes, who co-founded the company ...": an anaphor in a clause whose subject
    is a person means the organization named inside that person's own phrase (their employer), even
    where the parse hangs the phrase on a preposition."""
    verb = doc[i]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subj = verb.head
    if subj is None:
        return False
    person = table.at_token(subj.i)
    if person is None or person.kind != "Person" or person.anaphor:
        return False
    root = doc[ante.start : ante.end].root
    # the organization opens the person's phrase ("Acme CEO Dana Reyes"; the parse may cut it off)
    return subj.left_edge.i - 1 <= root.i < person.start and ante.end == subj.left_edge.i or (
        subj.left_edge.i <= root.i < person.start
    )


def _it(doc: Doc, table: EntityTable, tok: Token, lo: int) -> SpanRef | None:
    """'it'/'its' when the nearest preceding named entity is an organization."""
    if tok.lower_ == "it" and (tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_ in _DUMMY_IT_HEADS):
        return None
    ante = table.before(tok.i, (ORG, PRODUCT, PERSON), limit=tok.i - lo)
    while ante is not None and not _usable(doc, ante, tok):  # "told VentureBeat": not what "it" is
        ante = table.before(ante.start, (ORG, PRODUCT, PERSON), limit=tok.i - lo)
    if ante is None or ante.kind != ORG:
        return None
    ante = _prefer_subject(doc, table, ante, lo, tok.i)
    return SpanRef(ante.key, tok.i, tok.i + 1, ante.kind, ante.cls, anaphor=True)


def _person(table: EntityTable, tok: Token, lo: int) -> SpanRef | None:
    ante = table.before(tok.i, (PERSON,), limit=tok.i - lo)
    if ante is None:
        return None
    return SpanRef(ante.key, tok.i, tok.i + 1, ante.kind, ante.cls, anaphor=True)


PRODUCT_ANAPHOR_SENTENCES = 3


def product_antecedent(
    table: EntityTable, noun: Token, window: int = PRODUCT_ANAPHOR_SENTENCES
) -> SpanRef | None:
    """The named product that "the project/service/app/tool/platform" (or "this ...") refers back to:
    the latest product named in the noun's sentence before it or in the `window` sentences before,
    as a SpanRef(anaphor=True) over the noun phrase. None when the noun is not such a definite
    phrase ("a tool", "its tools"), when a name follows or sits inside the phrase ("the Sora app",
    "the app Sora"), when the noun only modifies another ("the app store"), or when no product was
    named. The table is not changed: callers (events) use it where they need a product."""
    if noun.lower_ not in lexicon("product_anaphor_nouns") or noun.pos_ != "NOUN" or noun.dep_ == "compound":
        return None
    doc = noun.doc
    dets = [c for c in noun.children if c.dep_ in ("det", "poss")]
    if len(dets) != 1 or dets[0].lower_ not in ("the", "this", "that"):
        return None
    first = dets[0].i
    if table.in_range(first, noun.i + 1) or (noun.i + 1 < len(doc) and table.at_token(noun.i + 1)):
        return None
    if any(c.dep_ in ("appos", "acl") for c in noun.children):
        return None  # "the tool, called X" / "the app, X": named right there
    starts = _sentence_starts(doc)
    lo = _window_start(starts, noun.i, window)
    ante = table.before(first, (PRODUCT,), limit=first - lo)
    if ante is None:
        return None
    return SpanRef(ante.key, first, noun.i + 1, ante.kind, ante.cls, anaphor=True)
