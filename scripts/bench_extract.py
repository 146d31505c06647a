#!/usr/bin/env python3
"""Extraction speed and memory, against spaCy's en_core_web_sm where it is installed.

Builds a corpus of at least 2,000 documents of about 2,000 characters by cutting the
project's own texts (data/minutes and tests/texts, or the files given) into pieces, each
round of pieces cut from copies moved to another invented area (scripts/bench_build.py's
``vary``: places, acronyms, people, dates and figures), so that no two documents are the same
text: the extractor keeps small caches keyed by text, and a corpus that repeats its 33
pieces measured those caches (``--repeat`` measures it that way, for comparison). Then it
measures in one run:

- documents per second of `kg.extract.pipeline.extract` on one core (texts in memory);
- the same through ingest from files (what `kg extract` does), on one core;
- the speed-up of extracting with 2 processes;
- peak memory (tracemalloc) of the one-core extraction;
- spaCy `en_core_web_sm` (`nlp.pipe`) on the same texts, if installed, as a ratio;
- the hostile-growth table (issue 14): each repetitive shape of scripts/hostile_shapes.py
  (list items after a membership cue, case names, name parts...) at 1x, 2x, 4x and 8x of
  ``--hostile-base`` characters (8x = 2 MB by default), read from a UTF-8 file and
  extracted, with the ratios to 1x (linear growth: about 2, 4, 8), and the 8x file again
  in UTF-16 and UTF-32.

Usage: python scripts/bench_extract.py [--docs 2000] [--hostile-only] [--hostile-base N] [PATH ...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.batch import extract_paths  # noqa: E402
from kg.extract.pipeline import extract  # noqa: E402
from kg.ingest import read_document  # noqa: E402
from kg.model import Document  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from hostile_shapes import SHAPES, shape  # noqa: E402


def corpus(paths: list[Path], n: int, size: int = 2000, repeat: bool = False) -> list[str]:
    """``n`` pieces of about ``size`` characters: distinct (each round cut from copies of
    the texts moved to another area), or with ``repeat`` the same pieces over and over."""
    files = [f for p in paths for f in (sorted(p.rglob("*.txt")) if p.is_dir() else [p])]
    if not files:
        sys.exit("no text found to build a corpus from")

    def cut(texts: list[str]) -> list[str]:
        stream = "\n\n".join(texts)
        return [stream[i:i + size] for i in range(0, max(1, len(stream) - size), size // 3)]

    if repeat:
        pieces = cut([read_document(f).text for f in files])
        return [pieces[i % len(pieces)] for i in range(n)]
    import random

    from bench_build import places, read_seed, vary
    from synthetic_words import FIRST, LAST

    rng = random.Random(12)
    seeds = [read_seed(f) for f in files]
    people = [f"{f} {last}" for f in FIRST for last in LAST]
    rng.shuffle(people)
    out: list[str] = []
    for k, area in enumerate(places(n, rng)):  # at most n rounds: every round gives a piece or more
        if len(out) >= n:
            break
        pool = [people[(k * 3 + j) % len(people)] for j in range(6)]
        out += cut([vary(s, area, pool, rng) for s in seeds])
    return out[:n]


def rate(texts: list[str], clock=time.perf_counter) -> float:
    """Documents per second by ``clock``: wall time, or time.process_time for the CPU
    this process used (what a core gives when the machine is shared)."""
    return rates(texts, clock)[0]


def rates(texts: list[str], clock=time.perf_counter) -> tuple[float, float]:
    """Documents per second by ``clock`` and per CPU second, from one run."""
    from kg.extract.text import sentences
    t, c = clock(), time.process_time()
    for i, text in enumerate(texts):
        sentences.cache_clear()
        extract(Document(f"d{i}", text))
    return len(texts) / (clock() - t), len(texts) / (time.process_time() - c)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[ROOT / "data" / "minutes", ROOT / "tests" / "texts"])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", action="store_true",
                    help="the old corpus: the same pieces repeated (flatters caches keyed by text)")
    ap.add_argument("--hostile-only", action="store_true", help="only the hostile-growth table")
    ap.add_argument("--core-only", action="store_true",
                    help="only the one-core figures (to alternate the compiled and plain forms quickly)")
    ap.add_argument("--hostile-base", type=int, default=262_144, help="characters at 1x (default 256 K: 8x = 2 MB)")
    ap.add_argument("--shapes", default=",".join(SHAPES), help="hostile shapes to time, comma-separated")
    args = ap.parse_args()
    if args.hostile_only:
        hostile_growth(args.hostile_base, [s for s in args.shapes.split(",") if s])
        return
    texts = corpus(args.paths, args.docs, repeat=args.repeat)
    mean_chars = statistics.mean(len(t) for t in texts)
    print(f"corpus: {len(texts)} documents ({len(set(texts))} distinct), {mean_chars:.0f} characters on average")
    from kg.extract import compiled
    from kg.extract import people as _people

    print(f"extractor: {'compiled (mypyc)' if compiled() else 'plain Python'} ({Path(str(_people.__file__)).name}; "
          "`make build` compiles, KG_COMPILE=0 runs the .py)")

    extract(Document("warm", texts[0]))  # load rules once
    both = [rates(texts) for _ in range(3)]
    runs = [w for w, _ in both]
    one_core = statistics.median(runs)
    cpu = max(c for _, c in both)  # the least disturbed of the three runs (neighbours cost CPU time too)
    tracemalloc.start()
    rate(texts[:500])
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    import resource
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"kg extract, in memory, 1 core : {one_core:8.0f} documents/s (median of 3; runs {', '.join(f'{r:.0f}' for r in runs)})")
    print(f"  the same, per CPU second     : {cpu:8.0f} documents/s (best of the 3; runs "
          f"{', '.join(f'{c:.0f}' for _, c in both)}; a core to itself, the wall figure shares it)")
    print(f"peak memory (tracemalloc)     : {peak:8.1f} MB allocated at once over 500 documents; "
          f"process peak RSS {rss:.0f} MB")
    if args.core_only:
        return

    with tempfile.TemporaryDirectory() as tmp:
        for i, t in enumerate(texts):
            Path(tmp, f"doc{i:05d}.txt").write_text(t, encoding="utf-8")
        t0 = time.perf_counter()
        r1 = extract_paths([tmp], jobs=1)
        files_1 = len(r1.facts) / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        r2 = extract_paths([tmp], jobs=2)
        files_2 = len(r2.facts) / (time.perf_counter() - t0)
        assert [f.to_json() for f in r1.facts] == [f.to_json() for f in r2.facts], "jobs changed the output"
    print(f"ingest + extract, 1 process   : {files_1:8.0f} documents/s")
    print(f"ingest + extract, 2 processes : {files_2:8.0f} documents/s  (speed-up x{files_2 / files_1:.2f})")

    try:
        import spacy
        nlp = spacy.load("en_core_web_sm")
    except Exception as e:  # not installed: say so, do not fail
        print(f"spaCy en_core_web_sm           : not installed here ({type(e).__name__}); no ratio")
        return
    sample = texts[:300]
    t0 = time.perf_counter()
    for _ in nlp.pipe(sample, batch_size=50):
        pass
    spacy_rate = len(sample) / (time.perf_counter() - t0)
    print(f"spaCy en_core_web_sm, 1 core  : {spacy_rate:8.0f} documents/s (300 documents)")
    print(f"ratio kg / spaCy              : x{one_core / spacy_rate:.1f}")


def _timed_file(text: str, encoding: str) -> float:
    """CPU seconds to read (decode) a file and extract it, as `kg extract` does per document.
    CPU time, not wall time: on a shared machine the wall clock measures the neighbours too
    (the 60 s budget of `kg build` is wall time, so it has that margin)."""
    from kg.extract.text import sentences
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "hostile.txt")
        path.write_bytes(text.encode(encoding))
        sentences.cache_clear()
        t = time.process_time()
        extract(read_document(path))
        return time.process_time() - t


def hostile_growth(base: int, shapes: list[str] = list(SHAPES)) -> None:
    """Time per repetitive shape at 1x..8x: linear growth means ratios of about 2, 4, 8."""
    extract(Document("warm", shape("list-items", 3000)))
    print(f"\nhostile-growth table: 1x = {base:,} characters (8x = {8 * base / 2**20:.1f} M), read from a file "
          "and extracted, one process, CPU seconds")
    print("| shape | 1x s | 2x s | 4x s | 8x s | 2x/1x | 4x/1x | 8x/1x | 8x UTF-16 s | 8x UTF-32 s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    worst = 0.0
    for name in shapes:
        times = [_timed_file(shape(name, base * k), "utf-8") for k in (1, 2, 4, 8)]
        big = shape(name, base * 8)
        wide = [_timed_file(big, enc) for enc in ("utf-16", "utf-32")]
        worst = max(worst, *times, *wide)
        ratios = [t / times[0] for t in times[1:]]
        print(f"| {name} | " + " | ".join(f"{t:.2f}" for t in times) + " | "
              + " | ".join(f"{r:.1f}" for r in ratios) + " | " + " | ".join(f"{t:.2f}" for t in wide) + " |", flush=True)
    print(f"slowest document: {worst:.1f} s of CPU")


if __name__ == "__main__":
    main()
