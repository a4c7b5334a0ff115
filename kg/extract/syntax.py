"""Reading the dependency parse for the rule steps: which entities a noun phrase names, who the
subject of a verb is, which organization a job title belongs to.

Every function takes spaCy tokens plus the document's EntityTable and returns table spans
(SpanRef), so relation and event rules never deal with entity boundaries themselves. The clause
readers that need no entities (subject, object, agent, prepositions: token -> tokens) live in
clauses.py and are importable from here too, as the rule modules have always called them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.clauses import RELATIVE_PRONOUNS as RELATIVE_PRONOUNS
from kg.extract.clauses import SINGULAR_AUX as SINGULAR_AUX
from kg.extract.clauses import SUBJECT_DEPS as SUBJECT_DEPS
from kg.extract.clauses import SUBORDINATORS as SUBORDINATORS
from kg.extract.clauses import agent_tokens as agent_tokens
from kg.extract.clauses import described as described
from kg.extract.clauses import is_passive as is_passive
from kg.extract.clauses import object_tokens as object_tokens
from kg.extract.clauses import partners_of as partners_of
from kg.extract.clauses import patient_tokens as patient_tokens
from kg.extract.clauses import plural_verb, singular_verb
from kg.extract.clauses import prep_objects as prep_objects
from kg.extract.clauses import subject_tokens as subject_tokens
from kg.extract.clauses import who_antecedents as who_antecedents
from kg.extract.patterns import lexicon
from kg.extract.table import EntityTable, SpanRef
from kg.model import ORG, PERSON, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Token

ORG_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "itself"})
# Pronouns this module resolves itself when the entity step left them alone; "they" is left out:
# too often people ("users", "researchers").
SINGULAR_PRONOUNS = frozenset(
    {"it", "its", "itself", "he", "she", "him", "her", "his", "hers", "himself", "herself"}
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
NAMING_DEPS = ("oprd", "dobj", "attr", "appos", "xcomp", "npadvmod")
# How far back (in tokens) a pronoun may look for the entity it stands for.
PRONOUN_REACH = 60


def mention(table: EntityTable, tok: Token) -> SpanRef | None:
    return table.at_token(tok.i)


def resolve_pronoun(table: EntityTable, tok: Token, kinds: tuple[str, ...]) -> SpanRef | None:
    """The entity a pronoun stands for: the table's anaphor span if the entity step made one, else,
    within the same sentence, the subject of a clause the pronoun sits in ("OpenAI said it would
    shut down its app" -> OpenAI), else the nearest earlier named entity. "it"/"its" stand for a thing
    or an organization, "he"/"she" for a person; when the entity found is not of a kind the caller
    wants, or the clause subject is itself an unresolved pronoun, the pronoun stays unresolved."""
    ref = table.at_token(tok.i)
    if ref is not None:
        return ref if ref.kind in kinds else None
    low = tok.lower_
    if low == "their":
        return _their(table, tok, kinds)
    if low not in SINGULAR_PRONOUNS:
        return None
    candidates = (ORG, PRODUCT) if low in ORG_PRONOUNS else (PERSON,)
    sent_start = tok.sent.start
    found: SpanRef | None = None
    for anc in tok.ancestors:
        subjects = [
            c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and c.i != tok.i
        ]
        if not subjects:
            continue
        subj = subjects[0]
        sref = table.at_token(subj.i)
        if sref is not None and sref.kind in candidates and subj.i >= sent_start:
            found = sref
            break
        if sref is None and subj.lower_ in ORG_PRONOUNS | PERSON_PRONOUNS:
            # a chain of pronouns: "OpenAI said it will close its app" -> OpenAI; "It said it was
            # partnering ... on the release of its model" with no name before: unknown
            found = resolve_pronoun(table, subj, candidates)
            if found is None:
                return None
            break
    if found is None:
        reach = min(PRONOUN_REACH, tok.i - sent_start - 1)  # same sentence only: further is the entity step's
        found = table.before(tok.i, candidates, limit=reach) if reach > 0 else None
    if found is None or found.kind not in kinds:
        return None
    # marked as anaphoric: the entity is reached through a pronoun, not named here
    return replace(found, anaphor=True)


_PEOPLE_WORDS = frozenset({"they", "we", "you", "i"})


def _their(table: EntityTable, tok: Token, kinds: tuple[str, ...]) -> SpanRef | None:
    """ "Google offers X, which powers their AutoML product" -> Google: "their" stands for an
    organization only when it is the subject of a clause the pronoun sits in, and no plural noun
    subject comes first ("Acme lets users connect their apps": the users')."""
    if ORG not in kinds:
        return None
    for anc in tok.ancestors:
        subjects = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
        if not subjects:
            continue
        sref = table.at_token(subjects[0].i)
        if sref is not None:
            return replace(sref, anaphor=True) if sref.kind == ORG and not sref.anaphor else None
        if subjects[0].tag_ in ("NNS", "NNPS") or subjects[0].lower_ in PERSON_PRONOUNS | _PEOPLE_WORDS:
            return None
    return None


_MODIFIER_DEPS = frozenset({"compound", "nmod", "npadvmod", "amod", "poss"})


def _named_child(child: Token) -> bool:
    return child.dep_ in ("compound", "nmod", "appos", "npadvmod", "amod") or (
        child.dep_ == "acl" and child.lower_ in lexicon("naming_verbs")
    )


def denote(
    table: EntityTable,
    tok: Token,
    kinds: tuple[str, ...] = (ORG, PRODUCT, PERSON),
    conj: bool = False,
    deep: bool = False,
    _seen: set[int] | None = None,
) -> list[SpanRef]:
    """The entities a noun phrase headed by `tok` names.

    "OpenAI" -> OpenAI; "its Sora app" (head "app") -> Sora; "the model, GPT-4" -> GPT-4;
    "a repository titled 'X'" -> X; with conj=True, "Google and Meta" -> both. With deep=True an
    event noun's object is followed too ("the rollout of its Seedance model" -> Seedance).
    Possessors ("its" in "its Sora app") are not named by the phrase: see `possessors`.
    """
    seen = _seen if _seen is not None else set()
    if tok.i in seen:
        return []
    seen.add(tok.i)
    out: list[SpanRef] = []
    ref = table.at_token(tok.i)
    if ref is not None and ref.anaphor and (tok.lower_ == "it" or tok.pos_ == "NOUN"):
        ref = _it_listed_in_phrase(table, tok, ref)
    if ref is not None:
        if ref.kind in kinds:
            out.append(ref)
    elif tok.lower_ in ORG_PRONOUNS | PERSON_PRONOUNS:
        pron = resolve_pronoun(table, tok, kinds)
        if pron is not None:
            out.append(pron)
    elif tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
        ante = tok.head.head
        if ante.conjuncts and singular_verb(tok.head):  # "OpenAI or Google, which has ...": the nearest one
            ante = max((t for t in (ante, *ante.conjuncts) if t.i < tok.i), key=lambda t: t.i, default=ante)
        out.extend(denote(table, ante, kinds, _seen=seen))
    else:
        generic = tok.lower_ in lexicon("product_nouns") or tok.lower_ in lexicon("org_nouns")
        rivalled = tok.lower_ in lexicon("rivalled_heads")
        generic = generic or rivalled
        for child in tok.children:
            if child.dep_ == "appos" and _own_possessor(child):
                continue  # "Zorblab's Quill app, Plexa's Tunesmith app": a list read as an apposition
            if rivalled and child.dep_ in _MODIFIER_DEPS:
                continue  # "a Quill competitor called Zed": Quill is the rivalled one, not what is named
            if child.dep_ == "appos" or (generic and _named_child(child)):
                if child.dep_ == "acl":  # "a model called X"
                    for named in child.children:
                        if named.dep_ in NAMING_DEPS:
                            out.extend(denote(table, named, kinds, _seen=seen))
                        elif named.dep_ == "prep" and named.lower_ == "as":
                            for pobj in named.children:
                                out.extend(denote(table, pobj, kinds, _seen=seen))
                else:
                    out.extend(denote(table, child, kinds, _seen=seen))
        if generic and not out and tok.dep_ == "appos":  # "Sora, a video model from OpenAI"
            out.extend(denote(table, tok.head, kinds, _seen=seen))
        if not out and tok.lower_ in _VERSION_HEADS:
            out.extend(_version_named(table, tok, kinds, seen))
        if not out and tok.pos_ in ("NOUN", "PROPN") and _examples_are_named(tok, generic):
            # "integrators like Mindtree and NTT Data"
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("like", "including", "as"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            out.extend(denote(table, pobj, kinds, conj=True, _seen=seen))
        if deep and not out:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "in", "for", "on"):
                    for pobj in child.children:
                        # "the shutdown of X"; "a delay in the rollout of X" (only into event nouns)
                        if pobj.dep_ == "pobj" and (
                            child.lower_ == "of" or pobj.lower_ in lexicon("deep_nouns")
                        ):
                            out.extend(denote(table, pobj, kinds, conj=True, deep=True, _seen=seen))
                elif child.dep_ in ("poss", "compound") and not out and tok.lower_ in lexicon("deep_nouns"):
                    # "the Pixel 6 launch"; not "a free Chrome extension"
                    out.extend(r for r in denote(table, child, kinds, _seen=seen) if r.kind == PRODUCT)
    if conj and ref is not None:
        for c in tok.children:
            # "A, B and C are suing": a list of names parsed as an apposition plus conjuncts
            other = table.at_token(c.i)
            if c.dep_ == "appos" and other is not None and other.kind == ref.kind and c.i > tok.i:
                out.extend(denote(table, c, kinds, conj=True, _seen=seen))
    if conj:
        for c in tok.conjuncts:
            # "OpenAI's DALL-E and Stability's Stable Diffusion": a conjunct with its own possessor is
            # not in the first one's phrase
            if c.i > tok.i and not any(g.dep_ == "poss" for g in c.children) and not _others_of(tok, c):
                out.extend(denote(table, c, kinds, deep=deep, _seen=seen))
    return _unique(out)


def _own_possessor(tok: Token) -> bool:
    """Whether a phrase has a named possessor of its own ("Plexa's Tunesmith app"; not "its")."""
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)


_OTHERS = frozenset({"others", "other", "more", "many"})


def _others_of(tok: Token, conj: Token) -> bool:
    """ "Plexa's Make-A-Clip and others like X": the others are not Plexa's."""
    return conj.lower_ in _OTHERS and any(c.dep_ == "poss" for c in tok.children)


def _examples_are_named(tok: Token, generic: bool) -> bool:
    """Whether "<tok> like/including/such as X" names X through tok: not when "and others" sits
    between ("Bexa's Tune Maker and others like X": the examples are the others', not Bexa's), nor
    after a singular non-generic noun with a possessor ("Bexa's Video like X")."""
    if any(c.dep_ == "conj" and c.lower_ in _OTHERS for c in tok.children):
        return False
    if any(c.dep_ == "poss" for c in tok.children):
        return generic or tok.tag_ in ("NNS", "NNPS")
    return True


def possessors(table: EntityTable, tok: Token, kinds: tuple[str, ...] = (ORG,)) -> list[SpanRef]:
    """The possessor of a noun phrase: "OpenAI's model" / "its model" -> OpenAI."""
    out: list[SpanRef] = []
    for child in tok.children:
        if child.dep_ == "poss":
            if child.lower_ in ORG_PRONOUNS | PERSON_PRONOUNS:
                ref = resolve_pronoun(table, child, kinds)
                if ref is not None:
                    out.append(ref)
            else:
                out.extend(denote(table, child, kinds, conj=True))
    return _unique(out)


def _unique(refs: Iterable[SpanRef]) -> list[SpanRef]:
    seen: set[str] = set()
    out = []
    for r in refs:
        if r.key not in seen:
            seen.add(r.key)
            out.append(r)
    return out


def _it_listed_in_phrase(table: EntityTable, tok: Token, ref: SpanRef) -> SpanRef:
    """ "Oxide, a startup founded by experts from Joyent and Dell, launched X. It also raised ...":
    when "it" or "the company" was resolved to an organization listed inside a prepositional phrase
    (a conjunct of its object, which the entity step's check does not see; anaphora may chain on it),
    the latest named organization that is a clause subject in the previous sentences is meant."""
    doc = tok.doc
    lo = tok.sent.start
    for _ in range(6):
        if lo == 0:
            break
        lo = doc[lo - 1].sent.start
    named = [r for r in table.in_range(lo, tok.i) if not r.anaphor]
    mine = [r for r in named if r.key == ref.key]
    if not mine:
        return ref
    root = doc[mine[-1].start : mine[-1].end].root
    if root.dep_ != "conj":
        return ref
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ != "pobj":
        return ref
    for r in reversed(named):
        if r.kind == ORG and r.key != ref.key and doc[r.start : r.end].root.dep_ in ("nsubj", "nsubjpass"):
            return replace(r, start=tok.i, end=tok.i + 1, anaphor=True)
    return ref



# --- relative clauses and naming phrases ---------------------------------------------------


def relative_antecedents(table: EntityTable, head: Token, kinds: tuple[str, ...]) -> list[SpanRef]:
    """The entities a relative clause on `head` is about: "Acme, which makes X" -> Acme; on a list
    ("the startups A and B, which created X") only the nearest name unless the verb is plural
    ("A and B, which make X" -> both)."""
    refs = denote(table, head, kinds, conj=True)
    doc = head.doc
    for r in list(refs):  # "the startups A and B": the list sits in an apposition of the noun
        refs += denote(table, doc[r.start : r.end].root, kinds, conj=True)
    refs = _unique(refs)
    rel = next((c for c in head.children if c.dep_ == "relcl"), None)
    if len(refs) < 2 or rel is None or plural_verb(rel):
        return refs
    before = [r for r in refs if r.end <= rel.i]
    return [max(before, key=lambda r: r.start)] if before else refs[:1]


_VERSION_HEADS = frozenset(
    {"version", "variant", "fork", "clone", "flavor", "flavour", "edition", "iteration"}
)


def _version_named(table: EntityTable, tok: Token, kinds: tuple[str, ...], seen: set[int]) -> list[SpanRef]:
    """ "its own version of the engine, called Tessera": the parser hangs the naming phrase set off by
    a comma on the noun after "of"; it names the version, the head of the whole phrase."""
    out: list[SpanRef] = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            for acl in pobj.children:
                if acl.dep_ != "acl" or acl.lower_ not in lexicon("naming_verbs") or acl.i < 1:
                    continue
                if acl.doc[acl.i - 1].text != ",":
                    continue  # "a version of the engine called X" may name the engine
                for n in acl.children:
                    if n.dep_ in NAMING_DEPS:
                        out.extend(r for r in denote(table, n, kinds, _seen=seen) if not r.anaphor)
    return out


def named(table: EntityTable, tok: Token, kinds: tuple[str, ...], conj: bool = False) -> list[SpanRef]:
    """The entities an object names itself, by name or by a naming phrase ("Y", "a tool called Y",
    "the model, Y"), not through a compound ("built a ChatGPT app" names no product it built)."""
    out: list[SpanRef] = []
    for t in (tok, *(tok.conjuncts if conj else ())):
        if conj and t.i < tok.i:
            continue
        ref = table.at_token(t.i)
        if ref is not None:
            if ref.kind in kinds and not ref.anaphor:
                out.append(ref)
            continue
        for child in t.children:
            if child.dep_ == "appos":
                out.extend(r for r in denote(table, child, kinds) if not r.anaphor)
            elif child.dep_ == "acl" and child.lower_ in lexicon("naming_verbs"):
                for n in child.children:
                    if n.dep_ in NAMING_DEPS:
                        out.extend(r for r in denote(table, n, kinds) if not r.anaphor)
    return _unique(out)



# --- job titles -------------------------------------------------------------------------------


def title_org(table: EntityTable, title: Token, kinds: tuple[str, ...] = (ORG,)) -> list[SpanRef]:
    """The organization a job-title noun is attached to: "OpenAI's CEO", "CEO of OpenAI",
    "OpenAI CEO", "a researcher at Google", "CEO and co-founder of X"."""
    out: list[SpanRef] = []
    # a conjunct that is itself a name is the next item of a list, no second title: "Speakers were
    # Ann Lee, an investor, Acme Labs and Raj Patel" gives Ann Lee no job at Acme Labs
    heads = [title, *(c for c in title.conjuncts if table.at_token(c.i) is None)]
    doc = title.doc
    if title.i >= 2 and doc[title.i - 1].text == "-" and doc[title.i - 2].lower_ == "co":
        heads.append(doc[title.i - 2])  # "X's other co-founder" split in three: the possessor hangs on "co"
    for t in heads:
        for c in t.children:
            if c.dep_ == "poss":
                out.extend(possessors(table, t, kinds))
            elif c.dep_ in ("compound", "nmod", "amod"):
                # "OpenAI CEO"; the small model tags a name before a title as an adjective at times
                ref = table.at_token(c.i)
                if ref is not None and ref.kind in kinds and not ref.anaphor:
                    out.append(ref)
            elif c.dep_ == "prep" and c.lower_ in lexicon("work_preps"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        named = denote(table, p, kinds)
                        if not named and table.at_token(p.i) is None:
                            # "director of the Foo Institute think tank": the name before a descriptor
                            named = [
                                r
                                for q in p.children
                                if q.dep_ in ("compound", "nmod")
                                and (r := table.at_token(q.i)) is not None
                                and r.kind in kinds
                                and not r.anaphor
                                and r.end == p.i
                            ]
                        if not named and p.lower_ in lexicon("org_nouns") and p.i + 1 < len(p.doc):
                            # "an engineer at startup Hugging Face": the name right after a bare org noun
                            nxt = table.at_token(p.i + 1)
                            if nxt is not None and nxt.start == p.i + 1 and nxt.kind in kinds:
                                named = [] if nxt.anaphor else [nxt]
                        if c.lower_ == "of" and named and named[0].kind == ORG:
                            # "head of the Media Integrity Program at the Partnership on AI": the unit's
                            # organization is the employer
                            outer = [r for q in prep_objects(p, ("at",)) for r in denote(table, q, kinds)]
                            named = outer or named
                        out.extend(named)
                        if c.lower_ == "of" and table.at_token(p.i) is None:
                            # "director of machine learning at Cohere": the field, then the employer
                            for pp in p.children:
                                if pp.dep_ == "prep" and pp.lower_ in ("at", "for"):
                                    for q in pp.children:
                                        if q.dep_ == "pobj":
                                            out.extend(denote(table, q, kinds))
        if out:
            break
    owners = [r for c in heads[0].children if c.dep_ == "poss" for r in possessors(table, heads[0], kinds)]
    if owners and any(r.kind == ORG for r in owners):
        out = owners  # "Acme's VP of Zeta Transformation": the possessor employs, the "of" names a unit
    return _unique(out)


def title_text(table: EntityTable, title: Token) -> str:
    """A job title as written: "chief executive officer", "CEO of Applications" (an "of" phrase
    that names no entity is part of the title)."""
    skip = lexicon("former_words") | {"new", "current", "then", "now", "interim", "acting", "first"}
    left = title.i
    for c in sorted(title.lefts, key=lambda t: -t.i):
        if c.dep_ in ("compound", "amod", "nmod") and c.i == left - 1 and not table.at_token(c.i):
            if c.lower_ in skip or not c.is_alpha and c.text != "-":
                break
            left = c.left_edge.i if not any(table.at_token(t.i) for t in c.subtree) else c.i
    right = title.i + 1
    for c in title.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            sub = list(c.subtree)
            if len(sub) <= 4 and not any(table.at_token(t.i) for t in sub):
                right = sub[-1].i + 1
    return str(title.doc[left:right].text).strip(" ,-")


def former_modifier(title: Token) -> bool:
    return any(c.lower_ in lexicon("former_words") for c in title.lefts)


# --- surface fallbacks (when the parse gives no argument) -------------------------------------------

_WINDOW_STOP = frozenset(
    {",", ";", ":", "and", "or", "but", "while", "which", "that", "who", "(", ")", "—", "–"}
)


def mention_before(table: EntityTable, tok: Token, gap: int = 2) -> SpanRef | None:
    """A named entity ending right before a verb, with at most `gap` adverbs or auxiliaries between:
    "Google quietly launched", "Anthropic has partnered"."""
    i = tok.i - 1
    skipped = 0
    while i >= tok.sent.start:
        ref = table.at_token(i)
        if ref is not None:
            return ref if not ref.anaphor and ref.end == i + 1 else None
        t = tok.doc[i]
        if skipped >= gap or t.pos_ not in ("ADV", "AUX", "PART") or t.lower_ in _WINDOW_STOP:
            return None
        skipped += 1
        i -= 1
    return None


def mention_after(table: EntityTable, tok: Token, gap: int = 5) -> SpanRef | None:
    """The first named entity within `gap` words after a verb, inside one noun phrase: "acquired the
    robotics startup Covariant"."""
    i = tok.i + 1
    while i < min(tok.sent.end, tok.i + 1 + gap + 1):
        ref = table.at_token(i)
        if ref is not None:
            return ref if not ref.anaphor else None
        t = tok.doc[i]
        # "AI-powered" may sit in the phrase; so may a head noun the tagger took for a verb ("startup")
        noun = t.lower_ in lexicon("org_nouns") or t.lower_ in lexicon("product_nouns")
        finite = t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") and not noun
        if t.lower_ in _WINDOW_STOP or finite or t.pos_ in ("ADP", "SCONJ") or t.tag_ == "POS":
            return None
        i += 1
    return None
