#!/usr/bin/env python3
"""Benchmark `kg viz` from a persistent store: the networkx graph read from the store by
one SPARQL SELECT (kg.netx.TripleIndex) against the old way, the whole store copied
into an rdflib Graph first; and `kg viz` as a user runs it (a fresh process: start,
imports, store opened, graph read, view built and written).

The graphs are scripts/bench_viz.py's synthetic ones (boards, people, themes, documents
with evidence, of the project's shape), stored as one named graph.

Usage: .venv/bin/python scripts/bench_viz_store.py [--sizes 5000,20000] [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_viz import synthetic_graph  # noqa: E402

from kg.netx import to_networkx  # noqa: E402
from kg.store import GraphStore  # noqa: E402

BIN = Path(sys.executable).parent
KG = [str(BIN / "kg")] if (BIN / "kg").is_file() else [sys.executable, "-m", "kg.cli"]


def timed(fn, runs: int) -> tuple[float, object, float]:
    """Median wall time, the last result, and median CPU time (this process: on a shared
    machine the wall time also counts other jobs' turns)."""
    times, cpu, out = [], [], None
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return statistics.median(times), out, statistics.median(cpu)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="5000,20000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print("| nodes | triples | to_networkx, SPARQL (s) | its CPU (s) | to_networkx, via rdflib copy (s) | ratio "
          "| `kg viz` process (s) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in (int(s) for s in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix=f"kg-bench-vizstore-{n}-"))
        try:
            rdf = synthetic_graph(n)
            with GraphStore.writing(work) as store:
                store.replace_graph("https://w3id.org/safeguarding-kg/id/graph/synthetic", rdf)
            with GraphStore.open(work, read_only=True) as store:
                t_sparql, G, cpu_sparql = timed(lambda: to_networkx(store), args.runs)
                t_rdflib, H, _ = timed(lambda: to_networkx(store.union_graph()), 1)
            assert G.number_of_nodes() == H.number_of_nodes() == n, (G.number_of_nodes(), H.number_of_nodes(), n)
            assert G.number_of_edges() == H.number_of_edges()
            cli = []
            for _ in range(args.runs):
                t = time.perf_counter()
                proc = subprocess.run([*KG, "viz", "--store", str(work), "-o", str(work / "view.html")],
                                      capture_output=True, text=True)
                cli.append(time.perf_counter() - t)
                if proc.returncode != 0:
                    raise SystemExit(proc.stderr)
            t_cli = statistics.median(cli)
            print(f"| {n:,} | {len(rdf):,} | {t_sparql:.2f} | {cpu_sparql:.2f} | {t_rdflib:.2f} "
                  f"| {t_rdflib / t_sparql:.1f}x "
                  f"| {t_cli:.2f} ({proc.stdout.strip()}) |", flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
