"""Extraction on several processes (kg.extract.parallel): same results as one process, streamed,
and no hang or stray worker when a process dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from kg.errors import ExtractError
from kg.extract.parallel import extract_parallel
from kg.model import Document, Extraction

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "Quillmate, the Lisbon-based startup, raised $12 million in March. Quillmate will hire in Porto.",
    "OpenAI said on Tuesday that the Sora app would close. Sora had been popular with creators.",
    "Brightloop Labs hired Marta Lindqvist as chief executive. Lindqvist starts in June.",
    "Nordwave acquired Tessellate AI for $300 million, its chief executive Ilse Brandt said.",
    "Google's Gemini 2.5 Pro competes with Anthropic's Claude Opus 4 in coding tasks.",
]


def _docs(n: int) -> list[Document]:
    return [Document(id=f"d{i}", title="", text=TEXTS[i % len(TEXTS)] + f" Item {i}.") for i in range(n)]


def test_parallel_extraction_equals_one_process(extractor):
    docs = _docs(11)
    one = list(extractor.extract_many(docs, batch_size=3, n_process=1))
    two = list(extractor.extract_many(docs, batch_size=3, n_process=2))
    assert [e.doc.id for e in two] == [d.id for d in docs]
    assert two == one
    assert any(e.events for e in two) and any(e.relations for e in two)


class _FakePipeline:
    """Stands in for kg.extract.pipeline.Pipeline: no model, a marker document kills the worker."""

    def __init__(self) -> None:
        self.read: list[str] = []

    def extract_many(
        self, docs: Iterable[Document], version: str, batch_size: int = 8
    ) -> Iterator[Extraction]:
        for doc in docs:
            if doc.id == "die":
                os._exit(3)
            yield Extraction(doc=doc.info(), extractor=version)


def _stream(docs: list[Document], seen: list[str]) -> Iterator[Document]:
    for doc in docs:
        seen.append(doc.id)
        yield doc


def test_parallel_extraction_streams_with_bounded_batches_in_flight():
    docs = [Document(id=f"d{i}", title="", text="x") for i in range(200)]
    seen: list[str] = []
    stream = extract_parallel(_FakePipeline(), _stream(docs, seen), "v1", batch_size=4, n_process=2)  # type: ignore[arg-type]
    first = next(stream)
    assert first.doc.id == "d0"
    assert len(seen) <= 4 * 2 * 2, "documents must not be read far ahead of the workers"
    assert [e.doc.id for e in [first, *stream]] == [d.id for d in docs]


def test_parallel_extraction_worker_death_is_an_error_not_a_hang():
    docs = [Document(id=i, title="", text="x") for i in ("a", "b", "die", "c")]
    start = time.monotonic()
    with pytest.raises(ExtractError, match="worker stopped unexpectedly"):
        list(extract_parallel(_FakePipeline(), docs, "v1", batch_size=1, n_process=2))  # type: ignore[arg-type]
    assert time.monotonic() - start < 60


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_parallel_extraction_workers_exit_when_the_build_is_killed(tmp_path: Path):
    pids = tmp_path / "pids"
    script = textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from kg.extract.parallel import extract_parallel
        from kg.model import Document, Extraction

        class Slow:
            def extract_many(self, docs, version, batch_size=8):
                with open({str(pids)!r}, "a") as fh:
                    fh.write(f"{{os.getpid()}}\\n")
                time.sleep(120)
                yield from ()

        docs = [Document(id=str(i), title="", text="x") for i in range(8)]
        list(extract_parallel(Slow(), docs, "v1", batch_size=1, n_process=2))
    """)
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not pids.exists() or len(pids.read_text().split()) < 2):
            time.sleep(0.1)
        workers = [int(p) for p in pids.read_text().split()]
        assert len(workers) >= 2
    finally:
        proc.kill()
        proc.wait()

    def alive(pid: int) -> bool:
        try:
            state = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return False
        return "\nState:\tZ" not in state  # a zombie has exited; only reaping is left

    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(alive(p) for p in workers):
        time.sleep(0.2)
    assert not [p for p in workers if alive(p)], "workers outlived the killed build"
