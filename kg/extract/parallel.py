"""Extraction on several processes: each worker runs the whole extraction, spaCy and rules alike.

spaCy's own `nlp.pipe(n_process=N)` parses in the workers but sends every parsed Doc back to the
parent, which deserialises it and then runs kg's rules alone: the parent becomes a third busy
process on a two-core machine, and the Docs cross the process boundary twice. Here a worker
receives a batch of Documents and returns their Extractions (small records), so the rules run in
parallel and no Doc is ever copied between processes.

The parent loads the model before the workers are forked, so they share its pages. At most two
batches per worker are in flight: documents stream from the reader, never all held at once.
A worker that dies (killed, out of memory) ends the run with an ExtractError, never a hang; a
worker whose build process is killed exits on its own.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TYPE_CHECKING

from kg.errors import ExtractError
from kg.model import Document, Extraction

if TYPE_CHECKING:
    from kg.extract.pipeline import Pipeline

IN_FLIGHT_PER_WORKER = 2

# The pipeline the forked workers inherit: set in the parent just before the pool starts.
_WORKER_PIPELINE: Pipeline | None = None


def _exit_with_parent(parent: int) -> None:
    """In a worker: exit as soon as the build process is gone (killed builds leave no workers behind)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def _extract_batch(batch: list[Document], version: str) -> list[Extraction]:
    pipeline = _WORKER_PIPELINE
    if pipeline is None:  # pragma: no cover - only if the pool was not forked from a loaded parent
        raise ExtractError("extraction worker started without a loaded pipeline")
    return list(pipeline.extract_many(batch, version, batch_size=len(batch)))


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(islice(it, size)):
        yield batch


def extract_parallel(
    pipeline: Pipeline, docs: Iterable[Document], version: str, batch_size: int, n_process: int
) -> Iterator[Extraction]:
    """Extractions of `docs` in input order, computed by `n_process` forked workers."""
    global _WORKER_PIPELINE
    if "fork" not in multiprocessing.get_all_start_methods():
        # Without fork each worker would load the model again: one process is then the better choice.
        yield from pipeline.extract_many(docs, version, batch_size=batch_size)
        return
    _WORKER_PIPELINE = pipeline
    # What the parent holds when the workers fork (the model, the cached extractions of an
    # incremental build) stays shared only while nobody writes to its pages; the workers' garbage
    # collector would, by touching every object's header. Frozen objects are never scanned.
    gc.collect()
    gc.freeze()
    limit = max(1, n_process) * IN_FLIGHT_PER_WORKER
    pending: deque[Future[list[Extraction]]] = deque()
    try:
        with ProcessPoolExecutor(
            n_process,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_exit_with_parent,
            initargs=(os.getpid(),),
        ) as pool:
            try:
                for batch in _batches(docs, batch_size):
                    pending.append(pool.submit(_extract_batch, batch, version))
                    while len(pending) >= limit:
                        yield from pending.popleft().result()
                while pending:
                    yield from pending.popleft().result()
            finally:
                for fut in pending:
                    fut.cancel()
    except BrokenProcessPool as exc:
        raise ExtractError(
            "an extraction worker stopped unexpectedly (killed, or out of memory?); "
            "try a smaller --batch-size or fewer --workers"
        ) from exc
    finally:
        _WORKER_PIPELINE = None
        gc.unfreeze()
