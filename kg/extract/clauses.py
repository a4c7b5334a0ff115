"""Reading a clause from the dependency parse: the subject, object, passive agent and patient of a
verb, the objects of its prepositions, the noun a title noun describes. Tokens in, tokens out: which
entities those tokens name is syntax.py's business.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.extract.patterns import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
# Subordinators the small model often parses as prepositions, making the clause's subject their
# object: "as [its data center] faces delays".
SUBORDINATORS = frozenset({"as", "while", "after", "before", "since", "because", "until", "when", "once"})
SUBJECT_DEPS = ("nsubj", "csubj")


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "amod")
        and not any(c.dep_ == "aux" for c in verb.children)
    )


SINGULAR_AUX = frozenset({"has", "is", "was", "does", "'s", "’s"})


def plural_verb(verb: Token) -> bool:
    """Whether a verb agrees with a plural subject only ("which have built", "that make")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if aux:
        return any(c.lower_ in ("have", "are", "were", "do") for c in aux)
    return verb.tag_ == "VBP"


def singular_verb(verb: Token) -> bool:
    """Whether a verb agrees with a singular subject ("which has released", "which makes")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBZ" or any(c.lower_ in SINGULAR_AUX for c in aux)


def subject_tokens(verb: Token) -> list[Token]:
    """The grammatical (active) subject of a verb, climbing through control, coordination and
    relative clauses: "OpenAI decided to shut down X" -> OpenAI for "shut"; "OpenAI's decision to
    close X" -> OpenAI; "G42, which aimed to ..." -> G42."""
    cur = verb
    for _ in range(4):
        subs = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        if subs:
            out = []
            for s in subs:
                if s.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
                    if cur.head.conjuncts and singular_verb(cur):
                        out.append(s)  # "OpenAI or Google, which has released": the nearest one only
                        continue
                    ante = cur.head
                    if s.lower_ == "who" or plural_verb(cur):
                        while ante.dep_ == "conj" and ante.head is not ante and ante.head.i < ante.i:
                            if any(c.dep_ == "relcl" and c is not cur for c in ante.head.children):
                                break  # "A, who led X, and B, who ...": A has a clause of its own
                            ante = ante.head  # "A and B, who founded X": the whole coordination
                    out.extend(_among_those(ante) or [ante])
                else:
                    out.append(s)
            return out
        misparsed = _misparsed_subject(cur)
        if misparsed is not None:
            return [misparsed]
        if cur.dep_ == "xcomp" and cur.head.lower_ in lexicon("object_control_verbs"):
            # object control: "asked Microsoft to build X" -> Microsoft
            controller = [c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i]
            if controller:
                return controller
        if (
            cur.dep_ in ("xcomp", "conj", "advcl")
            and cur.head.pos_ in ("VERB", "AUX")
            and cur.head is not cur
        ):
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            if cur.dep_ == "advcl" and not infinitive and cur.tag_ != "VBG":
                return []  # "..., citing X" shares the main subject; a finite clause does not
            cur = cur.head
            continue
        if cur.dep_ in ("acl", "relcl") and cur.head is not cur:
            head = cur.head
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                poss = [c for c in head.children if c.dep_ == "poss"]  # "OpenAI's decision to close X"
                if poss:
                    return poss
                if head.dep_ in ("dobj", "attr"):  # "Google struck a deal to buy X" -> subject of "struck"
                    cur = head.head
                    continue
                if head.dep_ == "pobj" and head.head.head.pos_ in ("VERB", "AUX"):  # "X is in talks to buy Y"
                    cur = head.head.head
                    continue
                return []
            if cur.dep_ == "acl" and cur.tag_ in ("VBD", "VBZ", "VBP"):
                return [head]  # a finite verb is no reduced relative: "Anthropic partnered with X" misparsed
            if cur.tag_ == "VBG":  # "companies investing in X"
                return [head]
            return []
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":  # "by acquiring X" -> the main clause
            cur = cur.head.head
            continue
        return []
    return []


def who_antecedents(verb: Token) -> list[Token]:
    """The person a "who" clause describes when the parse hangs it on a noun inside an apposition:
    "X, a professor at Stanford, who cofounded Y" -> X (the caller checks the kind)."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return []
    cur = verb.head
    for _ in range(4):
        if cur.dep_ == "appos":
            return [cur.head]
        if cur.head is cur or cur.dep_ not in ("pobj", "prep", "compound", "conj"):
            return []
        cur = cur.head
    return []


def partners_of(verb: Token) -> list[Token]:
    """Who a verb's action is shared with: "X is working with Y to develop Z", "X formed a partnership
    with Y to build Z" -> Y (the "with" objects of a joint verb or noun the verb hangs from)."""
    out: list[Token] = []
    cur = verb
    for _ in range(4):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.lemma_.lower() in lexicon("joint_words"):
            out = prep_objects(cur, ["with"])
            if out:
                return out
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("xcomp", "advcl", "conj"):
            break
    return out


def _among_those(head: Token) -> list[Token]:
    """ "A and B are among those who sued X", "A is one of the firms that ..." -> A and B: the
    relative clause describes a group the copula's subject belongs to."""
    if head.dep_ != "pobj" or head.head.lower_ not in ("among", "of"):
        return []
    verb = head.head.head
    if head.head.lower_ == "of" and verb.lower_ == "one":  # "A is one of those who ..."
        verb = verb.head
    if verb.lemma_ not in ("be", "remain"):
        return []
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS]


def _misparsed_subject(verb: Token) -> Token | None:
    """ "... as its data center faces delays" parsed as prep(as) -> pobj(center) + advcl(faces)."""
    if verb.dep_ != "advcl":
        return None
    for sib in verb.head.children:
        if sib.dep_ == "prep" and sib.lower_ in SUBORDINATORS and sib.i < verb.i:
            for pobj in sib.children:
                if pobj.dep_ == "pobj" and pobj.right_edge.i == verb.i - 1:
                    return pobj
    return None


def agent_tokens(verb: Token) -> list[Token]:
    """The "by" agent of a passive verb ("acquired by Microsoft" -> Microsoft)."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and is_passive(verb)):
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return out


def patient_tokens(verb: Token) -> list[Token]:
    """What a passive verb is about: its passive subject, or the noun a participle modifies."""
    out = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not out and verb.dep_ in ("acl", "amod", "relcl") and verb.tag_ == "VBN":
        out = [verb.head]
    if not out and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        out = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    return [verb.head if t.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else t for t in out]


def object_tokens(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
    if not out:  # "shut it down" keeps dobj; "rolled out to users X" is rare: take prep-less objects only
        for c in verb.children:
            if c.dep_ == "dative":
                out.append(c)
    if not out:  # headline parse: "OpenAI launches Sora" reads the name as an adverbial noun
        out = [
            c
            for c in verb.children
            if c.dep_ == "npadvmod" and c.i > verb.i and c.pos_ == "PROPN" and c.ent_type_ not in _TIME_LABELS
        ]
    return out


_TIME_LABELS = frozenset({"DATE", "TIME"})  # "launched Monday"


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the token's prepositions: prep_objects(v, ["with"]) for "partnered with X"."""
    wanted = set(preps)
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in wanted:
            out.extend(p for p in c.children if p.dep_ in ("pobj", "pcomp"))
            # "between X and Y" is one pobj with a conjunct: callers pass conj=True
    return out


def described(tok: Token) -> list[Token]:
    """The noun a descriptive noun describes: the head of an appositive ("Simo, OpenAI's CEO"),
    the subject of a copula ("Simo is the CEO of X"), the subject of "serves as CEO", and through a
    coordination of titles ("CEO and co-founder of X")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        if cur.dep_ == "appos":
            return [cur.head]
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lower_ == "one":
            cur = cur.head.head  # "X, one of the biggest rivals of Y", "X is one of the founders of Y"
            continue
        if cur.dep_ == "attr" and cur.head.lemma_ in ("be", "become", "remain"):
            return [c for c in cur.head.children if c.dep_ in SUBJECT_DEPS]
        if cur.dep_ == "pobj" and cur.head.lower_ == "as" and cur.head.head.pos_ in ("VERB", "AUX"):
            verb = cur.head.head
            if verb.lemma_ in ("serve", "work", "act", "join", "remain", "continue", "stay", "return"):
                return subject_tokens(verb)
        return []
    return []
