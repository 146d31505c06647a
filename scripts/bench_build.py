#!/usr/bin/env python3
"""Benchmark `kg build` at 100, 1,000 and 10,000 documents: a full build, a rebuild with
nothing changed, and a rebuild with one file changed, each with its time, documents per
second and peak memory, and the growth in time from each size to the next.

The documents are made from the project's own seed texts (data/minutes and
tests/texts), varied so that resolution has real work: each seed is read by kg's own
extractor to find its people and the places in its board and council names, and every
copy puts them in another invented area (the place and its acronyms, the people, the
dates, the figures). Areas hold about eight documents each, and people are drawn from a
pool smaller than the number of posts, so the same person chairs or speaks in several
documents of an area and some full names recur in other areas.

Every build runs `kg build` in a fresh process (interpreter start, imports and all
outputs included; kg's modules from bytecode, as installed: ``bytecode_env``) with --jobs
(default: every core); peak memory is the largest
resident set of the build process and, separately, of its extraction workers.

Usage: .venv/bin/python scripts/bench_build.py [--sizes 100,1000,10000] [--jobs N]
       [--workdir DIR] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from synthetic_words import FIRST, HEADS, LAST, TAILS  # noqa: E402  (scripts/ is on the path)

from kg.batch import default_jobs  # noqa: E402
from kg.extract.pipeline import extract  # noqa: E402
from kg.ingest import read_document  # noqa: E402

SEEDS = sorted([*(ROOT / "data" / "minutes").glob("*.txt"), *(ROOT / "tests" / "texts").rglob("*.txt")])

_MIDS = ["", "en", "ing", "er", "bor"]
_BOARD_KINDS = {"safeguarding-children", "safeguarding-adults", "community-safety", "other-board", "council"}


# --- the corpus ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Seed:
    """A seed text and what varies in its copies: its places and its people's names."""

    name: str
    text: str
    places: tuple[str, ...]
    acronyms: tuple[str, ...]
    people: tuple[str, ...]


def read_seed(path: Path) -> Seed:
    facts = extract(read_document(path))
    places, acronyms = set(), set()
    for o in facts.organisations:
        if o.kind not in _BOARD_KINDS:
            continue
        first = o.name.split()[0]
        if first[:1].isupper() and first.isalpha() and first not in ("The", "Local", "Safeguarding"):
            places.add(first)
            acronyms.update(a for a in o.aliases if a.isupper() and a.isalpha() and a[0] == first[0])
    # longest first, ties by name: a set's order changes with the hash seed, and so did the documents
    people = tuple(sorted({p.name for p in facts.people if len(p.name.split()) >= 2}, key=lambda s: (-len(s), s)))
    return Seed(path.stem, path.read_text(encoding="utf-8"), tuple(sorted(places, key=lambda s: (-len(s), s))),
                tuple(sorted(acronyms)), people)


def places(n: int, rng: random.Random) -> list[str]:
    names = [h + m + t for h in HEADS for m in _MIDS for t in TAILS]
    rng.shuffle(names)
    return names[:n]


def vary(seed: Seed, place: str, pool: list[str], rng: random.Random) -> str:
    """One copy of a seed in another area: places, acronyms, people, dates and figures changed."""
    text = seed.text
    for old in seed.places:
        text = re.sub(rf"\b{re.escape(old)}\b", place, text)
    for old in seed.acronyms:
        text = re.sub(rf"\b{re.escape(old)}\b", place[0].upper() + old[1:], text)
    for i, full in enumerate(seed.people):
        new = pool[(i + rng.randrange(3)) % len(pool)]  # mostly the area's usual people, sometimes another
        text = text.replace(full, new)
        old_last, new_last = full.split()[-1], new.split()[-1]
        text = re.sub(rf"\b{re.escape(old_last)}\b", new_last, text)
    shift = rng.randrange(-6, 2)
    text = re.sub(r"\b(20[0-2]\d)\b", lambda m: str(int(m.group(1)) + shift), text)
    text = re.sub(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b",
                  lambda m: f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/{m.group(3)}", text)
    text = re.sub(r"\b(\d{1,2}),(\d{3})\b", lambda m: f"{rng.randrange(1, 30)},{rng.randrange(1000):03d}", text)
    return text


def generate(n: int, out: Path, seed: int = 12) -> float:
    """Write ``n`` documents into ``out``; returns the seconds it took."""
    start = time.perf_counter()
    rng = random.Random(seed)
    seeds = [read_seed(p) for p in SEEDS]
    areas = places(max(1, n // 8), rng)
    people = [f"{f} {last}" for f in FIRST for last in LAST]
    rng.shuffle(people)
    pools = {a: [people[(i * 3 + k) % len(people)] for k in range(6)] for i, a in enumerate(areas)}
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        s = seeds[i % len(seeds)]
        area = areas[(i // len(seeds) + i) % len(areas)]
        (out / f"{i:05d}_{s.name}.txt").write_text(vary(s, area, pools[area], rng), encoding="utf-8")
    return time.perf_counter() - start


def subset(all_docs: Path, n: int, out: Path) -> Path:
    """The first ``n`` documents, hard-linked into their own folder."""
    out.mkdir(parents=True, exist_ok=True)
    for p in sorted(all_docs.iterdir())[:n]:
        os.link(p, out / p.name)
    return out


# --- timing a build ----------------------------------------------------------------------------

_RUNNER = (
    "import atexit, resource, sys\n"
    "def _peak():\n"
    "    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "    own, workers = (sum(getattr(resource.getrusage(w), f) for f in ('ru_utime', 'ru_stime'))\n"
    "                    for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))\n"
    "    print(f'PEAK {me} {kids} {own + workers:.3f} {own:.3f}', file=sys.stderr)\n"
    "atexit.register(_peak)\n"
    "from kg.cli import main\n"
    "sys.argv = ['kg', *sys.argv[1:]]\n"
    "main()\n"
)


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system, the build and its workers: what it costs on a busy machine
    build_cpu_seconds: float  # of which the build process itself (its threads included)
    peak_mib: float  # the build process
    workers_mib: float  # the largest extraction worker (0 when none ran)
    summary: str


def bytecode_env(work: Path) -> dict[str, str]:
    """The environment every timed build runs in: kg's modules read from bytecode, as an
    installed kg reads them. Under PYTHONDONTWRITEBYTECODE (set where these figures were
    taken) a fresh process compiled every kg module from source: 0.3 s of CPU in the build
    process and 0.5-0.6 s in its warm extraction worker (kg.extract), charged to every
    one-file rebuild (0.9 s of a 2.7-3.1 s figure). The bytecode goes under the work
    folder (PYTHONPYCACHEPREFIX), not beside the sources, and is written before the
    first timed build."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "kg")], env=env, check=True)
    return env


def kg_build(docs: Path, store: Path, jobs: int, env: dict[str, str] | None = None) -> Run:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _RUNNER, "build", str(docs), "--store", str(store),
                           "--jobs", str(jobs)], capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"kg build failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    peak = re.search(r"PEAK (\d+) (\d+) ([\d.]+) ([\d.]+)", proc.stderr)
    me, kids, cpu, own = (int(peak.group(1)), int(peak.group(2)), float(peak.group(3)), float(peak.group(4))) \
        if peak else (0, 0, 0.0, 0.0)
    return Run(seconds, cpu, own, me / 1024, kids / 1024, proc.stdout.strip().splitlines()[0])


def change_one(docs: Path) -> Path:
    """Edit one document the way a correction would: a new chair named in a sentence."""
    path = sorted(docs.iterdir())[len(list(docs.iterdir())) // 2]
    text = path.read_text(encoding="utf-8")
    path.unlink()  # a hard link: write a new file rather than change every size's copy
    path.write_text(text + "\n\nCouncillor Petra Lindqvist, Independent Chair of the Board, thanked the Panel.\n",
                    encoding="utf-8")
    return path


def machine() -> str:
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, load average {load:.1f} at start"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated document counts")
    ap.add_argument("--jobs", type=int, default=default_jobs())
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-build-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"# kg build benchmark\n\nmachine: {machine()}\njobs: {args.jobs}\nwork folder: {work}\n", flush=True)
    try:
        env = bytecode_env(work)
        all_docs = work / "all"
        shutil.rmtree(all_docs, ignore_errors=True)
        gen_s = generate(max(sizes), all_docs)
        size_mb = sum(p.stat().st_size for p in all_docs.iterdir()) / 2**20
        print(f"generated {max(sizes):,} documents ({size_mb:.1f} MiB) from {len(SEEDS)} seed texts "
              f"in {gen_s:.1f} s\n", flush=True)
        print("| documents | step | time (s) | documents/s | CPU time (s) | CPU, build process (s) "
              "| CPU, workers (s) | peak memory, build (MiB) | peak, one worker (MiB) | result |")
        print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        rows: dict[int, dict[str, Run]] = {}
        for n in sizes:
            docs = subset(all_docs, n, work / f"docs-{n}")
            store = work / f"store-{n}"
            shutil.rmtree(store, ignore_errors=True)
            runs = {"full build": kg_build(docs, store, args.jobs, env),
                    "unchanged rebuild": kg_build(docs, store, args.jobs, env)}
            change_one(docs)
            runs["one file changed"] = kg_build(docs, store, args.jobs, env)
            rows[n] = runs
            for step, r in runs.items():
                print(f"| {n:,} | {step} | {r.seconds:.2f} | {n / r.seconds:,.0f} | {r.cpu_seconds:.2f} | "
                      f"{r.build_cpu_seconds:.2f} | {r.cpu_seconds - r.build_cpu_seconds:.2f} | {r.peak_mib:,.0f} | "
                      f"{r.workers_mib:,.0f} | {r.summary} |", flush=True)
            shutil.rmtree(docs, ignore_errors=True)
            if n != max(sizes):
                shutil.rmtree(store, ignore_errors=True)
        print("\nGrowth from each size to the next (documents grow by the first ratio), wall time (CPU time):\n")
        print("| from | to | documents | full build | unchanged rebuild | one file changed |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for a, b in zip(sizes, sizes[1:]):
            r = {step: f"x{rows[b][step].seconds / rows[a][step].seconds:.1f} "
                       f"(x{rows[b][step].cpu_seconds / max(rows[a][step].cpu_seconds, 1e-9):.1f})" for step in rows[a]}
            print(f"| {a:,} | {b:,} | x{b / a:.0f} | {r['full build']} | {r['unchanged rebuild']} | "
                  f"{r['one file changed']} |")
        big = rows[max(sizes)]
        full, one = big["full build"], big["one file changed"]
        print(f"\nDone-when at {max(sizes):,} documents: full build {full.seconds:.1f} s (< 90 s: {full.seconds < 90}), "
              f"peak memory {full.peak_mib + args.jobs * full.workers_mib:,.0f} MiB counting every worker "
              f"(< 2 GiB: {full.peak_mib + args.jobs * full.workers_mib < 2048}); one file changed "
              f"{one.seconds:.2f} s (< 3 s: {one.seconds < 3})")
        if len(sizes) > 1:
            a, b = sizes[-2], sizes[-1]
            growth = rows[b]["full build"].seconds / rows[a]["full build"].seconds
            print(f"full build growth {a:,} -> {b:,}: x{growth:.1f} for x{b / a:.0f} documents "
                  f"(no faster than linear: {growth <= b / a * 1.05})")
        (work / "results.json").write_text(json.dumps(
            {str(n): {k: vars(v) for k, v in r.items()} for n, r in rows.items()}, indent=1))
        return 0
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
