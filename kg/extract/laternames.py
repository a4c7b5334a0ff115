"""An unnamed launch that the article names a few sentences later: "Zentrix is launching a new tool
for artists. Called Quillmark, it ...", "Brellix opened an online store ... The Brellix Data Bazaar
was built ...", "These Orbs, as Qorvo calls them, ...", "Zentrix's new Quillmark uses ...".

A product is the launched thing when, in the three sentences after the launch, it is mentioned for the
first time in the document and a cue ties it to the launch: a naming word right before it ("Called X",
"a tool named X"), "X, as <agent> calls it/them", "<agent>'s new X" / "the new X", or a name that
opens with the agent's own name ("The Brellix Data Bazaar"). Exactly one such product is taken; two
or more ("One, called A ... The other, called B") or none leave the launch unnamed. A hedged launch
("will launch a tool") is not named this way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.model import ORG, PRODUCT

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kg.extract.table import EntityTable, SpanRef

_WINDOW = 3  # sentences after the launch sentence
_NAMING = frozenset({"call", "name", "dub", "brand"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "'ll"})
_MAYBE = frozenset({"perhaps", "possibly", "maybe", "reportedly"})
_PLANS = frozenset({"plan", "expect", "aim", "intend", "hope", "want", "prepare"})
_SKIP = frozenset({'"', "'", "“", "”", "‘", "’", ",", "-", "—", "–", "("})


def named_later(table: EntityTable, verb: Token, agents: list[SpanRef]) -> list[SpanRef] | None:
    """The one product the next sentences name as what `verb`'s organization launched, else None."""
    orgs = [a for a in agents if a.kind == ORG]  # "the company unveiled a machine": resolved
    if not orgs or _hedged(verb):
        return None
    doc = verb.doc
    sent = verb.sent
    if sent.end >= len(doc):
        return None
    seen = {r.key for r in table.in_range(0, sent.end)}
    agent_keys = {a.key for a in orgs}
    # "Brellix Inc." launches "the Brellix Data Bazaar": the agent's first word opens the name
    firsts = [table.entities[a.key].name.split()[:1] for a in orgs if a.key in table.entities]
    agent_names = {f[0].casefold() for f in firsts if f and len(f[0]) > 2}
    found: dict[str, SpanRef] = {}
    start = sent.end
    counted = 0
    while counted < _WINDOW and start < len(doc):
        nxt = doc[start].sent
        start = nxt.end
        if all(t.is_space for t in nxt):
            continue  # a paragraph break the parser made a sentence of
        counted += 1
        refs = table.in_range(nxt.start, nxt.end)
        # "Google also launched its own model, called Imagen": another maker's sentence, or a list
        alone = not any(r.kind == ORG and r.key not in agent_keys for r in refs) and len(
            {r.key for r in refs if r.kind == PRODUCT}) == 1
        for ref in refs:
            if ref.kind != PRODUCT or ref.anaphor or ref.key in seen or ref.key in agent_keys:
                continue
            if alone and _cued(doc, ref, agent_names):
                found.setdefault(ref.key, ref)
            seen.add(ref.key)  # a product mentioned first without a cue is not the launched thing
    return list(found.values()) if len(found) == 1 else None


def _hedged(verb: Token) -> bool:
    """ "will launch", "plans to launch", "may be pursuing X or perhaps launching Y": a launch that has
    not happened; "launched two features", "debuted four platforms": several things, not one name."""
    if any(c.dep_ == "dobj" and (c.tag_ in ("NNS", "NNPS") or any(n.dep_ == "nummod" for n in c.children))
           for c in verb.children):
        return True
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        if any((c.dep_ == "aux" and c.lower_ in _MODALS) or (c.dep_ == "advmod" and c.lower_ in _MAYBE)
               for c in v.children):
            return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PLANS


def _cued(doc: Doc, ref: SpanRef, agent_names: set[str]) -> bool:
    name = doc[ref.start : ref.end].text.casefold()
    if any(name.startswith(a + " ") for a in agent_names):
        return True  # "The Brellix Data Bazaar"
    before = [t for t in doc[max(0, ref.start - 3) : ref.start] if t.text not in _SKIP]
    if before and before[-1].lemma_.lower() in _NAMING:
        return True  # "Called Quillmark, it ...", "a tool dubbed Quillmark"
    if len(before) > 1 and before[-1].lower_ == "new" and before[-2].lower_ in ("the", "'s", "its"):
        return True  # "Zentrix's new Quillmark", "the new Quillmark"
    after = [t for t in doc[ref.end : min(len(doc), ref.end + 6)] if t.text not in _SKIP]
    # "These Orbs, as Qorvo calls them"
    return bool(after) and after[0].lower_ == "as" and any(t.lemma_.lower() == "call" for t in after[1:5])
