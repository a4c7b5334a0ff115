"""Event trigger words in a parsed document (kg/data/triggers.json), with the lexicon's conditions
checked and the uses that are no event of their own removed: light verbs ("announced the
shutdown"), launches inside delays ("postponed the rollout of X"), deal nouns whose infinitive
names the deal ("an agreement to acquire X").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.extract import availability, opensource, syntax
from kg.extract.amounts import find_amounts
from kg.extract.argbase import misread_noun, phrase_objects
from kg.extract.patterns import (
    TRIGGERS,
    Trigger,
    TriggerLexicon,
    _read_json,
    lexicon,
    matchers_for,
    trigger_lexicon,
)
from kg.extract.table import EntityTable
from kg.model import ORG, Amount

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Money next to these words is not what a deal is worth ("at a $29bn valuation", "$975m in revenue").
VALUATION_WORDS = ("valuation", "valued", "revenue", "sales", "market cap", "worth of", "profit", "income")


@dataclass(frozen=True)
class Hit:
    """One trigger occurrence: the token the event hangs on and the matched words."""

    tok: Token
    trigger: Trigger
    start: int  # token span of the matched words
    end: int
    backref: bool = False  # "the round": a funding noun without an amount that refers to an earlier one


def find_triggers(sdoc: Doc, table: EntityTable, lex: TriggerLexicon | None = None) -> list[Hit]:
    """Trigger occurrences that pass their lexicon conditions, light-verb uses and nested launches
    removed, in text order. (`table` is the document's entity table, for rules that need it.)"""
    lex = lex or trigger_lexicon()
    matcher = matchers_for(sdoc.vocab).triggers
    best: dict[tuple[int, str], Hit] = {}
    for match_id, start, end in matcher(sdoc):
        trig = lex.triggers[sdoc.vocab.strings[match_id]]
        tok = sdoc[start + trig.head]
        if trig.words[0] == "series" and tok.dep_ == "det" and sdoc[start].tag_.startswith("NN"):
            tok = sdoc[start]  # "closed a $28M series A last week": the parse makes "A" a determiner
        backref = False
        if (
            not _conditions_hold(tok, trig, sdoc, start)
            or not _purpose_holds(tok, trig, table)
            or not _named_object_holds(tok, trig)
        ):
            if not _refers_back(tok, trig, sdoc, start):
                continue
            backref = True
        if trig.particle:
            end = max(end, _particle_end(tok, trig.particle))
        h = Hit(tok=tok, trigger=trig, start=start, end=end, backref=backref)
        key = (tok.i, trig.type)
        old = best.get(key)
        if old is None or (end - start) > (old.end - old.start):
            best[key] = h
    for verb, adj in availability.available_tokens(sdoc):  # "X became available", "made X available"
        key = (verb.i, "Launch")
        if key not in best:
            best[key] = Hit(tok=verb, trigger=availability.trigger(), start=adj.i, end=adj.i + 1)
    for verb, first in opensource.open_source_verbs(sdoc):  # "Y has open-sourced its X model"
        hit = Hit(tok=verb, trigger=opensource.trigger(), start=first, end=verb.i + 1)
        best.setdefault((verb.i, "Launch"), hit)
    # "licensing agreement" (Partnership) over "agreement" (Deal): the longer phrase at one head wins
    hits = [h for h in best.values() if not any(_longer(o, h) for o in best.values())]
    hits.sort(key=lambda h: (h.tok.i, h.trigger.type))
    heads = {h.tok.i: h for h in hits}
    nouns = {h.tok.i for h in hits if h.trigger.pos == "noun"}
    return [h for h in hits if not _suppressed(h, heads, nouns, lex)]


def _longer(o: Hit, h: Hit) -> bool:
    """Whether `o` is a longer phrase around the same head as `h`."""
    return (
        o is not h
        and o.tok.i == h.tok.i
        and o.start <= h.start
        and h.end <= o.end
        and (o.end - o.start) > (h.end - h.start)
    )


def _particle_end(tok: Token, particle: str) -> int:
    for c in tok.children:
        if c.lower_ == particle and c.dep_ in ("prt", "advmod", "prep"):
            return c.i + 1
    return tok.i + 2


def _conditions_hold(tok: Token, trig: Trigger, sdoc: Doc, start: int) -> bool:
    if not tok.tag_.startswith("VB" if trig.pos == "verb" else "NN") and not (
        trig.pos == "noun" and len(trig.words) > 1 and misread_noun(tok)
    ):
        return False  # "the launch" is no verb trigger, "they launch" no noun trigger
    series = _series_round(sdoc[start], trig)
    if trig.pos == "noun" and (tok.dep_ == "compound" or (tok.tag_ in ("NNP", "NNPS") and not series)):
        return False  # "launch event", "funding" in "funding round", "the Thwaites Glacier Collaboration"
    first = sdoc[start]
    if (
        first.i != first.sent.start
        and first.text[:1].isupper()
        and not first.text.isupper()
        and not series
    ):
        return False  # a capitalised trigger inside a sentence sits in a headline run or a name
    if start > 0 and sdoc[start - 1].lower_ in trig.not_after:
        return False  # "press release"
    if trig.particle:
        has = any(c.lower_ == trig.particle and c.dep_ in ("prt", "advmod", "prep") for c in tok.children)
        nxt = sdoc[tok.i + 1].lower_ if tok.i + 1 < len(sdoc) else ""
        if not has and nxt != trig.particle:
            return False
    if trig.objects and not object_words(tok, trig):
        return False  # "restored access"
    amount_ok = not (trig.needs_amount or trig.when_amount) or bool(deal_amounts(tok.sent.text))
    if not amount_ok and not (_led_round(tok, trig) or _leads_new_round(tok, trig)):
        return False
    if trig.when_heads or trig.when_preps:
        head_ok = tok.head is not tok and tok.head.lemma_ in trig.when_heads
        prep_ok = any(c.dep_ == "prep" and c.lower_ in trig.when_preps for c in tok.children)
        if not (head_ok or prep_ok or _verb_prep(tok, trig)):
            return False
    return True


VERB_PREPS = frozenset({"into", "against"})


def _verb_prep(tok: Token, trig: Trigger) -> bool:
    """ "opened a probe into Y", "brought a complaint against Y": the parser hangs the noun's
    "into"/"against" phrase on the verb whose object the noun is; the phrase must name someone
    or own it ("opened a probe into the outage" is no legal action)."""
    if tok.dep_ != "dobj" or tok.head.pos_ != "VERB":
        return False
    wanted = VERB_PREPS & set(trig.when_preps)
    preps = [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in wanted and c.i > tok.i]
    objs = [p for c in preps for p in c.children if p.dep_ == "pobj"]
    owners = [o for p in objs for o in p.children if o.dep_ == "poss"]  # "into Y's practices"
    return any(t.pos_ == "PROPN" for t in objs + owners)


def _series_round(first: Token, trig: Trigger) -> bool:
    """ "a $40 million Series B": a lettered round is written with capitals inside a sentence."""
    return len(trig.words) == 2 and trig.words[0] == "series" and len(first.doc[first.i + 1].text) == 1


def object_words(tok: Token, trig: Trigger) -> list[Token]:
    """The verb's objects among the entry's `objects`: "restored access", "is adding three AI
    features" (a plural the small model took for a verb of a complement clause counts too)."""
    return [
        c
        for c in tok.children
        if (c.lower_ in trig.objects or c.lemma_ in trig.objects)
        and (c.dep_ == "dobj" or (c.dep_ in ("ccomp", "dep") and c.i > tok.i and c.lower_.endswith("s")))
    ]


@lru_cache(maxsize=1)
def trigger_options() -> dict[str, Any]:
    """Options of kg/data/triggers.json that the compiled lexicon does not carry: the keys of the
    entries marked `purpose`, `named_object` and `maker_only`; `release_objects`, `backref_verbs`,
    `group_nouns`, `generic_products`, `generic_counts` and `unnamed_kinds` (and `eager_words`:
    "Excited to introduce X" is a launch, not a plan; `update_heads`: "a new version of X";
    `staff_nouns`: "a team at Y launched X")."""
    data = _read_json(TRIGGERS)
    purpose = frozenset(
        f"trg{i}." for i, entry in enumerate(data.get("triggers", [])) if entry.get("purpose", False)
    )
    named_object = frozenset(
        f"trg{i}." for i, entry in enumerate(data.get("triggers", [])) if entry.get("named_object", False)
    )
    maker_only = frozenset(
        f"trg{i}." for i, entry in enumerate(data.get("triggers", [])) if entry.get("maker_only", False)
    )
    return {
        "purpose": purpose,
        "named_object": named_object,
        "maker_only": maker_only,
        "release_objects": frozenset(data.get("release_objects", ())),
        "backref_verbs": frozenset(data.get("backref_verbs", ())),
        "group_nouns": frozenset(data.get("group_nouns", ())),
        "generic_products": frozenset(data.get("generic_products", ())),
        "generic_counts": frozenset(data.get("generic_counts", ())),
        "unnamed_kinds": frozenset(data.get("unnamed_kinds", ())),
        "eager_words": frozenset(data.get("eager_words", ())),
        "update_heads": frozenset(data.get("update_heads", ())),
        "staff_nouns": frozenset(data.get("staff_nouns", ())),
    }


PURPOSE_PREPS = ("on",)


def _purpose_holds(tok: Token, trig: Trigger, table: EntityTable) -> bool:
    """A `purpose` verb ("work with") is a partnership only when it has an infinitive of purpose or an
    "on" phrase ("X is working with Y to build Z", "... with Y on chips"), an organization after "with"
    and a subject ("vendors working with Y" is no event)."""
    if trig.pos != "verb" or not any(trig.key.startswith(k) for k in trigger_options()["purpose"]):
        return True
    purpose = any(
        (c.dep_ in ("advcl", "xcomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
        or (c.dep_ == "prep" and c.lower_ in PURPOSE_PREPS)
        for c in tok.children
    )
    partners = [r for p in phrase_objects(tok, ["with"]) for r in syntax.denote(table, p, (ORG,))]
    return purpose and bool(partners) and bool(syntax.subject_tokens(tok))


def _named_object_holds(tok: Token, trig: Trigger) -> bool:
    """A `named_object` verb ("build", "create") is a launch only in the past tense with an object
    that a naming verb names: "X built a bot called Y", "X has created a model dubbed Y" (not "X is
    building tools", "X created a unit called Y" is left to the participant reader, which takes
    products only)."""
    if trig.pos != "verb" or not any(trig.key.startswith(k) for k in trigger_options()["named_object"]):
        return True
    if tok.tag_ not in ("VBD", "VBN") or any(c.dep_ == "auxpass" for c in tok.children):
        return False
    naming = lexicon("naming_verbs")
    return any(
        c.dep_ == "acl" and c.lower_ in naming
        for o in syntax.object_tokens(tok)
        for t in (o, *o.conjuncts)
        for c in t.children
    )


LED_WORDS = frozenset({"led", "co-led", "coled"})


def _led_round(tok: Token, trig: Trigger) -> bool:
    """A funding noun without an amount that names its recipient and its lead investors: "X's series
    A round was led by Y and Z" (the possessor may hang on "series", which the small model splits off
    as a second subject)."""
    if not (trig.needs_amount and trig.pos == "noun") or tok.dep_ != "nsubjpass":
        return False
    verb = tok.head
    if verb.lower_ not in LED_WORDS or not any(c.dep_ == "agent" for c in verb.children):
        return False
    phrase = [tok, *(s for s in verb.children if s.dep_ == "nsubjpass" and s.i < tok.i)]
    return any(c.dep_ == "poss" for t in phrase for c in t.children)


LEAD_VERBS = frozenset({"lead", "co-lead", "colead"})
NEW_ROUND_DETERMINERS = frozenset({"a", "an", "its", "their"})


def _leads_new_round(tok: Token, trig: Trigger) -> bool:
    """ "In 2020, Y led a seed round with Z": a funding noun without an amount, introduced by "a"/"its",
    as the object of an active "led"/"co-led" whose subject is written (the investors; the recipient
    is read by the participant step, or taken from the previous sentence)."""
    if not (trig.needs_amount and trig.pos == "noun") or tok.dep_ != "dobj" or tok.tag_ != "NN":
        return False
    verb = tok.head
    if verb.lemma_ not in LEAD_VERBS or verb.tag_ not in ("VBD", "VBZ", "VBN"):
        return False
    if any(c.dep_ in ("auxpass", "neg") for c in verb.children):
        return False
    first = tok.left_edge  # "a seed round": the article may hang on "seed"
    return first.lower_ in NEW_ROUND_DETERMINERS and bool(syntax.subject_tokens(verb))


BACKREF_DETERMINERS = frozenset({"the", "this", "that"})


def _refers_back(tok: Token, trig: Trigger, sdoc: Doc, start: int) -> bool:
    """ "Icon Ventures led the new round": a funding noun that needs an amount, has none, and is
    introduced by "the"/"this"/"that" refers to a round the document reported earlier."""
    noun = tok.tag_ == "NN" or (len(trig.words) > 1 and _misread_head(tok))  # "funding round" read as RB
    if not (trig.needs_amount and trig.pos == "noun" and noun and tok.dep_ != "compound"):
        return False
    if deal_amounts(tok.sent.text):
        return False  # money in the sentence that is not this round's (a total, a valuation)
    det = [c for c in tok.children if c.dep_ == "det"]
    refers = bool(det) and det[0].lower_ in BACKREF_DETERMINERS
    return (refers or _owned_current_round(tok)) and _conditions_hold_but_amount(tok, trig, sdoc, start)


def _misread_head(tok: Token) -> bool:
    """The head of a multi-word funding noun tagged an adverb: next to its verb ("closed a funding
    round") or as the object of a preposition ("participated in X's latest funding round")."""
    if misread_noun(tok):
        return True
    return (
        tok.tag_ == "RB"
        and tok.dep_ in ("pobj", "dobj")
        and any(c.dep_ == "compound" and c.tag_.startswith("NN") for c in tok.children)
    )


# "participated in X's latest funding round": a possessed round is the current one only with these
# modifiers (or none); "its previous round", "its 2020 round" are other rounds
CURRENT_ROUND_WORDS = frozenset(
    {"latest", "new", "newest", "recent", "current", "most", "funding", "financing"}
)


def _owned_current_round(tok: Token) -> bool:
    """ "A and B participated in X's latest funding round": a funding noun with a possessor and no
    other modifier than `CURRENT_ROUND_WORDS` refers to the round reported earlier (its investors join
    it in `events._link_back`, and only when the recipient is the possessor)."""
    if not any(c.dep_ == "poss" for c in tok.children):
        return False
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "npadvmod")]
    return all(m.lower_ in CURRENT_ROUND_WORDS and not m.like_num for m in mods)


def _conditions_hold_but_amount(tok: Token, trig: Trigger, sdoc: Doc, start: int) -> bool:
    first = sdoc[start]
    noun = tok.tag_.startswith("NN") or (len(trig.words) > 1 and _misread_head(tok))
    if not noun or tok.tag_ in ("NNP", "NNPS"):
        return False
    return not (first.i != first.sent.start and first.text[:1].isupper())


def _suppressed(h: Hit, heads: dict[int, Hit], nouns: set[int], lex: TriggerLexicon) -> bool:
    tok = h.tok
    if h.trigger.pos == "verb" and lex.is_light(tok.lower_, tok.lemma_):
        objs = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
        if objs and objs[0].i in nouns:  # "announced the shutdown", "closed a funding round"
            return True
    if h.trigger.family == "deal" and h.trigger.pos == "noun":
        # "an agreement (disclosed today) to acquire X": the verb says which deal; the parse often
        # attaches the infinitive elsewhere, so look a few words ahead
        for j in range(tok.i + 1, min(tok.i + 7, tok.sent.end)):
            other = heads.get(j)
            if (
                other is not None
                and other.trigger.family == "deal"
                and other.trigger.pos == "verb"
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in other.tok.children)
            ):
                return True
    if h.trigger.type == "Launch":  # "postponement in the rollout of X", "delayed the launch of X"
        cur = tok
        for _ in range(4):
            if cur.head is cur:
                break
            cur = cur.head
            other = heads.get(cur.i)
            if other is not None and other.trigger.type in _HALTS:
                return True
        for child in tok.children:  # headline style: "Llama 3 launch delayed to summer"
            other = heads.get(child.i)
            if child.dep_ in ("acl", "amod") and other is not None and other.trigger.type in _HALTS:
                return True
    return False


_HALTS = ("Delay", "Discontinuation")


def deal_amounts(text: str) -> list[tuple[int, int, Amount]]:
    """Money amounts of a sentence, without valuations, revenues, profits and running totals
    ("brings its total funding to date to $105 million", "$78m raised so far")."""
    out = []
    for start, end, amount in find_amounts(text):
        before = text[max(0, start - 25) : start].lower()
        after = " ".join(text[end : end + 30].lower().split()[:3])
        # "$320M at a valuation of $1B": the money before "at a valuation" is what was raised
        after_val = not after.startswith(("at a ", "at an ")) and any(w in after for w in VALUATION_WORDS)
        if any(w in before for w in VALUATION_WORDS) or after_val:
            continue
        if _running_total(text, start, end):
            continue
        out.append((start, end, amount))
    return out


TOTAL_BEFORE = ("total", "to date", "so far", "cumulative", "in all", "altogether", "overall")
TOTAL_AFTER = ("to date", "so far", "in total", "in all", "altogether", "overall")


def _running_total(text: str, start: int, end: int) -> bool:
    """Whether the amount is a sum of earlier money rather than one deal's: a total word in the
    amount's clause before it (back to the last comma, semicolon or dash, at most 80 characters),
    or "to date" / "so far" right after it."""
    before = text[max(0, start - 80) : start]
    for stop in (",", ";", " - ", "\u2014", "\u2013"):
        cut = before.rfind(stop)
        if cut >= 0:
            before = before[cut + 1 :]
    low = f" {before.lower()} "
    if (
        any(f" {w} " in low or f" {w}," in low for w in TOTAL_BEFORE)
        or " totaling" in low
        or " totalling" in low
    ):
        return True
    after = " ".join(text[end : end + 20].lower().split()[:3])
    return any(after.startswith(w) for w in TOTAL_AFTER)
