"""Latency of the query library: the embedded pyoxigraph store against an rdflib in-memory Dataset.

Runs every library query with the parameters of its header example on both, a few times each, and
prints the median latency, the ratio rdflib / store, and whether both return the same number of rows.

    python benchmarks/bench_sparql.py --data exports            # a `kg build` folder (uses its store)
    python benchmarks/bench_sparql.py --data graph.trig --repeat 5
"""

from __future__ import annotations

import argparse
import multiprocessing
import shlex
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import rdflib

from kg.query import list_queries, prepare
from kg.store import (
    LocalSource,
    find_data,
    graph_names,
    load_file,
    open_store_read_only,
    select_store,
    store_quad_count,
)


def example_params(example: str) -> dict[str, str]:
    args = shlex.split(example)
    return {a.partition("=")[0]: a.partition("=")[2] for i, a in enumerate(args[1:], 1)
            if args[i - 1] in ("--param", "-p")}


class EngineFailure(Exception):
    """The engine raised an error on a query (rdflib lacks a feature), as opposed to running out of time."""


def _child(run: Callable[[], int], repeat: int, queue: Any) -> None:
    try:
        queue.put(("ok", timed(run, repeat)))
    except Exception as exc:  # noqa: BLE001 - any engine error is reported by the parent
        queue.put(("error", f"{type(exc).__name__}: {exc}"))


def timed_in_child(run: Callable[[], int], repeat: int, limit: float) -> tuple[float, int] | None:
    """`timed` in a forked process (which shares the loaded graph) stopped after `limit` seconds:
    rdflib cannot be interrupted otherwise, and some queries take it minutes. None is a timeout; an
    error raised by the engine is an `EngineFailure`, never counted as a timeout."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(run, repeat, queue))
    proc.start()
    proc.join(limit)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None
    try:
        status, value = queue.get(timeout=5)
    except Exception as exc:  # noqa: BLE001 - the child died without a word
        raise EngineFailure(f"the query process exited with code {proc.exitcode}") from exc
    if status == "error":
        raise EngineFailure(value)
    return value


def timed(run: Callable[[], int], repeat: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - t)
    return statistics.median(times), rows


def rdflib_dataset(store: LocalSource) -> rdflib.Dataset:
    """The store's named graphs (quarantine aside) in an rdflib Dataset whose default graph is their
    union (rdflib's union is a set, like the store's materialised one)."""
    import pyoxigraph as ox

    from kg.namespace import QUARANTINE_GRAPH

    ds = rdflib.Dataset(default_union=True)
    for name in graph_names(store.store):
        if name != QUARANTINE_GRAPH:
            data = store.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name))
            ds.graph(rdflib.URIRef(name)).parse(data=data, format="nt")
    return ds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("exports"), help="kg build folder or graph file")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query and engine (median)")
    parser.add_argument("--only", nargs="*", default=None, help="query names to run")
    parser.add_argument("--rdflib-limit", type=float, default=120.0,
                        help="seconds before an rdflib query is given up (reported as a timeout)")
    args = parser.parse_args(argv)

    kind, path = find_data(args.data)
    t = time.perf_counter()
    store = LocalSource(open_store_read_only(path) if kind == "store" else load_file(path), str(path))
    t_store = time.perf_counter() - t
    t = time.perf_counter()
    ds = rdflib_dataset(store)
    t_rdflib = time.perf_counter() - t
    print(f"data: {path} ({store_quad_count(store.store)} quads); store ready in {t_store:.2f} s, "
          f"rdflib Dataset loaded in {t_rdflib:.2f} s")
    print(f"{'query':34} {'store ms':>10} {'rdflib ms':>10} {'ratio':>7}  rows (store / rdflib)")
    ratios = []
    for spec in list_queries():
        if args.only and spec.name not in args.only:
            continue
        params = example_params(spec.examples[0]) if spec.examples else {}
        _, text = prepare(spec, params, store)  # entity names resolved once, on the store
        s_time, s_rows = timed(lambda text=text: len(select_store(store.store, text).rows), args.repeat)
        try:
            got = timed_in_child(lambda text=text: len(list(ds.query(text))), args.repeat, args.rdflib_limit)
        except EngineFailure as exc:  # rdflib lacks a feature: report it, keep going
            print(f"{spec.name:34} {s_time * 1000:10.1f} {'failed':>10} {'':>7}  {s_rows} / - "
                  f"(rdflib: {str(exc)[:90]})", flush=True)
            continue
        if got is None:
            print(f"{spec.name:34} {s_time * 1000:10.1f} {'timeout':>10} {'':>7}  {s_rows} / - "
                  f"(rdflib over {args.rdflib_limit:.0f} s)", flush=True)
            continue
        r_time, r_rows = got
        ratio = r_time / s_time if s_time > 0 else float("inf")
        ratios.append(ratio)
        same = "" if s_rows == r_rows else "  (row counts differ)"
        print(f"{spec.name:34} {s_time * 1000:10.1f} {r_time * 1000:10.1f} {ratio:7.1f}  "
              f"{s_rows} / {r_rows}{same}", flush=True)
    if ratios:
        print(f"median ratio rdflib / store: {statistics.median(ratios):.1f}x over {len(ratios)} queries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
