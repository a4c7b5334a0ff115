"""The statistical NER, run only on the sentences that can hold a name.

The small model's entity recognizer is the costliest component of en_core_web_sm (it has its own
token-to-vector layer): about half of the model's time on news text. A sentence with no capital
letter past an opening stop word ("It said the deal would close next year.") names nothing the
extraction uses: ORG, PERSON, PRODUCT, GPE and the other kinds kg reads are written with capitals.
About a fifth of news text is such sentences. The component `kg_named_ner` takes the place of `ner`:
it cuts each Doc into runs of consecutive sentences that may name something, runs the model's own
recognizer on those runs (as Docs of their own, batched), and writes the entities back. Gazetteer
entities set before it are kept, as the recognizer keeps them. Tokens of skipped sentences are
outside any entity, as the recognizer would mark them. Each run is given a few tokens of context on
both sides, so that the recognizer sees every token of a run as it would in the whole Doc.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span

COMPONENT = "kg_named_ner"
MODEL = "kg_ner_model"  # the model's `ner`, renamed and disabled: only this component calls it
# Tokens of context on each side of a run: the recognizer's own token-to-vector layer reads four
# tokens each way (window 1, depth 4 in en_core_web_sm), and its state reads the tokens just before.
CONTEXT = 6


def may_name(sent: Span) -> bool:
    """Whether a sentence can hold a name: an entity already set (gazetteer), or a capital letter in
    any token but an opening stop word ("The", "It", "However")."""
    opening = True
    for tok in sent:
        if tok.ent_iob in (1, 3):  # I or B: the gazetteer ruler marked it (2 = O, 0 = not set)
            return True
        if tok.is_space or tok.is_punct:
            continue
        capital = not tok.text.islower() and any(c.isupper() for c in tok.text)
        if capital and not (opening and tok.is_stop):
            return True
        opening = False
    return False


def named_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges (start, end) of consecutive sentences that may name something."""
    runs: list[tuple[int, int]] = []
    for sent in doc.sents:
        if not may_name(sent):
            continue
        if runs and runs[-1][1] == sent.start:
            runs[-1] = (runs[-1][0], sent.end)
        else:
            runs.append((sent.start, sent.end))
    return runs


class NamedSentenceNER:
    """Runs `ner` on the named runs of each Doc; see the module docstring."""

    def __init__(self, ner: object) -> None:
        self.ner = ner

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc], batch_size=1)))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 8) -> Iterator[Doc]:
        it = iter(docs)
        while batch := list(islice(it, batch_size)):
            self._recognise(batch)
            yield from batch

    def _recognise(self, batch: list[Doc]) -> None:
        # Each run goes to the recognizer with CONTEXT tokens on both sides, so that every token of
        # the run gets the features it gets in the whole Doc; entities starting in the context are
        # dropped (they belong to a skipped sentence, or to the neighbouring run).
        pieces: list[tuple[Doc, int, int, int, Doc]] = []
        for doc in batch:
            for start, end in named_runs(doc):
                lo, hi = max(0, start - CONTEXT), min(len(doc), end + CONTEXT)
                pieces.append((doc, lo, start - lo, end - lo, doc[lo:hi].as_doc()))
        found: dict[int, list[Span]] = {id(doc): list(doc.ents) for doc in batch}
        subdocs = [piece[-1] for piece in pieces]
        preset = [{(e.start, e.end) for e in sub.ents} for sub in subdocs]
        recognised = self.ner.pipe(subdocs, batch_size=max(1, len(subdocs)))  # type: ignore[attr-defined]
        for (doc, lo, first, last, _), done, kept in zip(pieces, recognised, preset, strict=True):
            for ent in done.ents:
                # preset (gazetteer) spans are already in `found`
                if first <= ent.start < last and (ent.start, ent.end) not in kept:
                    found[id(doc)].append(Span(doc, lo + ent.start, lo + ent.end, label=ent.label))
        for doc in batch:
            doc.set_ents(found[id(doc)], default="outside")


@Language.factory(COMPONENT)
def make_named_ner(nlp: Language, name: str) -> NamedSentenceNER:
    """The component; the pipeline must hold the model's recognizer, disabled, as `kg_ner_model`."""
    return NamedSentenceNER(nlp.get_pipe(MODEL))
