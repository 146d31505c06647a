#!/usr/bin/env python3
"""Benchmark `kg viz` from a persistent store: the networkx graph read from the store by
one SPARQL SELECT per predicate (kg.netx.TripleIndex), read from the Turtle export the
writer kept with the store version, served from the cache next to the store
(STORE/netx-cache.json, kept while the store is unchanged), and the old way, the whole
store copied into an rdflib Graph first; and `kg viz` as a user runs it (a fresh process:
start, imports, store opened, graph read, view built and written) without the cache, right
after a `kg load` into the drawn store (which refreshes the cache), with the cache, and the
first `kg viz` after `kg load` of the whole graph into a new store (the load draws it), and
the first `kg viz` after what `kg build` does past 500 documents (kg.netx.cache_graph in
a fresh process, as the build's last step: its cost is what the build pays for it).

With ``--built N``, the case of a store made by `kg build` of N generated documents
(scripts/bench_build.py's corpus; past 500 documents the build leaves graph.html to
`kg viz`): the store drawn once (its cache written), then ``--runs`` times one file
changed, the one-file `kg build` (wall and CPU, its children included; the fold of the
view cache it leaves running is not its child), the first `kg viz` started at once (it
waits for the rest of that fold) and, after another one-file rebuild, one started once
the fold has ended. ``--workdir`` keeps the corpus and the store for
another run (e.g. of other code, by PYTHONPATH: both commands run as fresh processes).

The graphs are scripts/bench_viz.py's synthetic ones (boards, people, themes, documents
with evidence, of the project's shape), stored as one named graph.

Usage: .venv/bin/python scripts/bench_viz_store.py [--sizes 5000,20000] [--runs 3] [--no-rdflib]
       [--built 3000 [--workdir DIR]]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_viz import synthetic_graph  # noqa: E402

from kg.netx import CACHE_NAME, to_networkx  # noqa: E402
from kg.store import GraphStore  # noqa: E402

BIN = Path(sys.executable).parent
KG = [str(BIN / "kg")] if (BIN / "kg").is_file() else [sys.executable, "-m", "kg.cli"]


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, Any, float]:
    """Median wall time, the last result, and median CPU time (this process: on a shared
    machine the wall time also counts other jobs' turns)."""
    times, cpu, out = [], [], None
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(times), out, statistics.median(cpu)


def viz_process(work: Path, runs: int, keep_cache: bool) -> tuple[float, float, str]:
    """Median wall and CPU time (user + system of the child) of `kg viz` as a fresh
    process, and what it printed; without ``keep_cache`` the cache is removed before each
    run (the first view after a build)."""
    times, cpu, said = [], [], ""
    for _ in range(runs):
        if not keep_cache:
            (work / CACHE_NAME).unlink(missing_ok=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.run([*KG, "viz", "--store", str(work), "-o", str(work / "view.html")],
                              capture_output=True, text=True)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode != 0:
            raise SystemExit(proc.stderr)
        said = proc.stdout.strip().splitlines()[0]
    return statistics.median(times), statistics.median(cpu), said


def load_process(work: Path, path: Path) -> tuple[float, float]:
    """Wall and CPU time of `kg load` of ``path`` into the store (a fresh process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run([*KG, "load", str(path), "--store", str(work)], capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def cache_graph_process(work: Path) -> tuple[float, float]:
    """Wall and CPU time of kg.netx.cache_graph(store) in a fresh process, as the end of a
    `kg build` past VIEW_MAX_DOCUMENTS runs it (networkx imported there too)."""
    code = ("import sys\nfrom kg.store import GraphStore\nfrom kg.netx import cache_graph\n"
            "with GraphStore.open(sys.argv[1], read_only=True) as s:\n    assert cache_graph(s)\n")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, str(work)], capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _change_chair(docs: Path, run: int) -> None:
    """One document edited so that its graph changes on every run (bench_build's
    change_one adds the same sentence each time: after the first, the graphs are the same,
    and a rebuild has no new graph to fold): another chair, named by the run's number."""
    from synthetic_words import FIRST, LAST

    path = sorted(docs.iterdir())[len(list(docs.iterdir())) // 2]
    text = path.read_text(encoding="utf-8").split("\n\nCouncillor ")[0]
    path.unlink()  # a hard link: write a new file rather than change every size's copy
    name = f"{FIRST[run % len(FIRST)]} {LAST[(run * 7 + os.getpid()) % len(LAST)]}"
    path.write_text(text + f"\n\nCouncillor {name}, Independent Chair of the Board, thanked the Panel.\n",
                    encoding="utf-8")


def built_case(n: int, runs: int, work: Path) -> None:
    """The one-file `kg build` of an n-document store that someone draws, and the first
    `kg viz` after it: a table row per run."""
    import bench_build as B

    env = B.bytecode_env(work)
    docs, store = work / f"docs-{n}", work / f"store-{n}"
    if not docs.is_dir():
        all_docs = work / "all"
        if not all_docs.is_dir():
            B.generate(n, all_docs)
        B.subset(all_docs, n, docs)
    if not (store / "manifest.json").is_file():
        B.kg_build(docs, store, 2, env)
    viz_process(store, 1, keep_cache=True)  # drawn once: the store has a cache
    print(f"\n`kg build` of one changed file into a drawn {n:,}-document store, then the first `kg viz` "
          "started at once (it waits for what is left of the fold the build left running, "
          "kg.build._CacheFold) and one started after the fold ended:\n")
    print("| run | one-file `kg build` (s) | its CPU (s) | of which the build process (s) "
          "| `kg viz` at once (s) | its CPU (s) | `kg viz` after the fold (s) | its CPU (s) | load average |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    from kg.lock import wait_for_fold

    for i in range(1, runs + 1):
        _change_chair(docs, i)
        built = B.kg_build(docs, store, 2, env)  # (the fold's own CPU is not counted: it is nobody's child)
        t_now, c_now, _ = viz_process(store, 1, keep_cache=True)
        _change_chair(docs, i + runs)
        B.kg_build(docs, store, 2, env)
        wait_for_fold(store)
        t_after, c_after, _ = viz_process(store, 1, keep_cache=True)
        print(f"| {i} | {built.seconds:.2f} | {built.cpu_seconds:.2f} | {built.build_cpu_seconds:.2f} "
              f"| {t_now:.2f} | {c_now:.2f} | {t_after:.2f} | {c_after:.2f} | {os.getloadavg()[0]:.1f} |", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="5000,20000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-rdflib", action="store_true", help="skip the copy through rdflib (19 s at 20,000 nodes)")
    ap.add_argument("--built", type=int, default=0, help="documents of the `kg build` case (0: not run)")
    ap.add_argument("--workdir", type=Path, default=None, help="the `kg build` case's corpus and store, kept")
    args = ap.parse_args()
    if args.built:
        work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-vizbuilt-"))
        work.mkdir(parents=True, exist_ok=True)
        try:
            built_case(args.built, args.runs, work)
        finally:
            if args.workdir is None:
                shutil.rmtree(work, ignore_errors=True)
        if not args.sizes:
            return 0
    print("| nodes | triples | to_networkx, SPARQL (s) | its CPU (s) | from the kept export (s) | its CPU (s) "
          "| cached (s) | its CPU (s) | via rdflib copy (s) | `kg viz`, no cache (s) "
          "| `kg load` of one triple, cache refreshed (s) | `kg viz` after it (s) | `kg viz`, cached (s) "
          "| `kg load` of the graph into a new store (s) | first `kg viz` after it (s) "
          "| the build's cache_graph (s) | first `kg viz` after it (s) | load average |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
          "| ---: | ---: | ---: | ---: | ---: |")
    for n in (int(s) for s in args.sizes.split(",") if s):
        work = Path(tempfile.mkdtemp(prefix=f"kg-bench-vizstore-{n}-"))
        cache = work / CACHE_NAME
        try:
            rdf = synthetic_graph(n)
            source = work / "synthetic.nt"
            rdf.serialize(source, format="nt", encoding="utf-8")
            with GraphStore.writing(work / "store") as store:  # as kg load does: the version keeps its export
                store.load_file(source, graph_iri="https://w3id.org/safeguarding-kg/id/graph/synthetic")
            work, cache = work / "store", work / "store" / CACHE_NAME
            with GraphStore.open(work, read_only=True) as store:
                assert store.kept_export() is not None
                t_kept, G, cpu_kept = timed(lambda: to_networkx(store, cache=False), args.runs)
                store.kept_export = lambda: None  # type: ignore[method-assign]  (this object only: the SELECTs)
                t_sparql, S, cpu_sparql = timed(lambda: to_networkx(store, cache=False), args.runs)
            with GraphStore.open(work, read_only=True) as store:
                to_networkx(store)
                assert cache.is_file()
                t_cached, C, cpu_cached = timed(lambda: to_networkx(store), args.runs)
                t_rdflib, H = (timed(lambda: to_networkx(store.union_graph()), 1)[:2] if not args.no_rdflib
                               else (float("nan"), G))
            assert G.number_of_nodes() == H.number_of_nodes() == n, (G.number_of_nodes(), H.number_of_nodes(), n)
            assert G.number_of_edges() == H.number_of_edges()
            for other in (C, S):
                assert list(other.nodes(data=True)) == list(G.nodes(data=True))
                assert list(other.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))

            # the case: `kg load` of the whole graph into a new store, then the first `kg viz`
            fresh = work.parent / "fresh"
            t_fresh, c_fresh = load_process(fresh, source)
            t_first, c_first, _ = viz_process(fresh, 1, keep_cache=True)
            t_cold, c_cold, _ = viz_process(work, args.runs, keep_cache=False)
            # the case of a big `kg build`: its last step writes the cache, then the first kg viz
            (work / CACHE_NAME).unlink(missing_ok=True)
            t_built, c_built = cache_graph_process(work)
            t_first_built, c_first_built, _ = viz_process(work, 1, keep_cache=True)
            # a drawn store (the cache written by the last kg viz) changed by kg load
            extra = work.parent / "extra.nt"
            extra.write_text("<https://w3id.org/safeguarding-kg/id/org/bench-extra> "
                             "<http://www.w3.org/2000/01/rdf-schema#label> \"Bench extra\" .\n", encoding="utf-8")
            t_load, c_load = load_process(work, extra)
            t_after, c_after, _ = viz_process(work, 1, keep_cache=True)
            t_warm, c_warm, said = viz_process(work, args.runs, keep_cache=True)
            print(f"| {n:,} | {len(rdf):,} | {t_sparql:.2f} | {cpu_sparql:.2f} | {t_kept:.2f} | {cpu_kept:.2f} "
                  f"| {t_cached:.2f} | {cpu_cached:.2f} | {t_rdflib:.2f} | {t_cold:.2f} ({c_cold:.2f} CPU) "
                  f"| {t_load:.2f} ({c_load:.2f} CPU) | {t_after:.2f} ({c_after:.2f} CPU) "
                  f"| {t_warm:.2f} ({c_warm:.2f} CPU; {said}) | {t_fresh:.2f} ({c_fresh:.2f} CPU) "
                  f"| {t_first:.2f} ({c_first:.2f} CPU) | {t_built:.2f} ({c_built:.2f} CPU) "
                  f"| {t_first_built:.2f} ({c_first_built:.2f} CPU) | {os.getloadavg()[0]:.1f} |", flush=True)
        finally:
            shutil.rmtree(work.parent if work.name == "store" else work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
