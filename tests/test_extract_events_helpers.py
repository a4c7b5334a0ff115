"""Hand-built spaCy Docs and entity tables for single-rule tests of relations and events.

A sentence is written one token per line: `word POS TAG dep head` (head = index of the head token,
the root points at itself), so a test states the exact parse a rule must handle and does not
depend on what the statistical model happens to predict. Entities are given as
(first token, end token, kind, name). The tests at the bottom check the builder itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.context import DocContext
from kg.extract.table import EntityDraft, EntityTable, SpanRef
from kg.model import ORG, PERSON, PLACE, PRODUCT

VOCAB = spacy.blank("en").vocab  # English lexical attributes (LOWER ...); matchers compile once for it
KIND_CLASS = {ORG: "Company", PERSON: "Person", PRODUCT: "AIModel", PLACE: "Place"}
NO_SPACE_BEFORE = {"'s", "\u2019s", ".", ",", "-", "n't", ";", ":"}


@dataclass
class Built:
    doc: Doc
    table: EntityTable
    ctx: DocContext

    def name(self, key: str) -> str:
        return self.table.entities[key].name


def build(parse: str, entities: list[tuple[int, int, str, str]], published: str | None = None) -> Built:
    """A Doc from a one-token-per-line parse plus the entity table for it."""
    rows = [line.split() for line in parse.strip().splitlines() if line.strip()]
    words = [r[0] for r in rows]
    spaces = [
        i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE and words[i] not in ("-", "$")
        for i in range(len(words))
    ]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        lemmas=[r[5] if len(r) > 5 else r[0].lower() for r in rows],
    )
    table = EntityTable()
    for start, end, kind, name in entities:
        key = f"{kind.lower()}:{name.lower().replace(' ', '-')}"
        table.add_entity(EntityDraft(key=key, name=name, kind=kind, cls=KIND_CLASS[kind]))
        table.add_span(SpanRef(key, start, end, kind, KIND_CLASS[kind]))
    ctx = DocContext(doc_id="t", published=published, title="", text=doc.text)
    return Built(doc=doc, table=table, ctx=ctx)


# "OpenAI's Sora app is popular."
POSSESSIVE = """
OpenAI PROPN NNP poss 3
's PART POS case 0
Sora PROPN NNP compound 3
app NOUN NN nsubj 4
is AUX VBZ ROOT 4 be
popular ADJ JJ acomp 4
. PUNCT . punct 4
"""


def test_extract_events_helpers_build_keeps_the_parse():
    b = build(POSSESSIVE, [(0, 1, ORG, "OpenAI"), (2, 3, PRODUCT, "Sora")])
    assert b.doc.text == "OpenAI's Sora app is popular."
    assert [t.dep_ for t in b.doc] == ["poss", "case", "compound", "nsubj", "ROOT", "acomp", "punct"]
    assert b.doc[0].head.text == "app"
    assert len(list(b.doc.sents)) == 1


def test_extract_events_helpers_table_finds_mentions_by_token():
    b = build(POSSESSIVE, [(0, 1, ORG, "OpenAI"), (2, 3, PRODUCT, "Sora")])
    ref = b.table.at_token(2)
    assert ref is not None and ref.kind == PRODUCT
    assert b.table.at_token(3) is None


@pytest.mark.parametrize("bad", ["OpenAI PROPN NNP poss", "x"])
def test_extract_events_helpers_reject_malformed_rows(bad):
    with pytest.raises((IndexError, ValueError)):
        build(bad, [])
