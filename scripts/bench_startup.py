#!/usr/bin/env python3
"""The extractor's one-time cost in a fresh process, in CPU seconds (best of ``--runs`` fresh
processes, so other work on the machine inflates it least):

- import: ``import kg.extract.pipeline``;
- prepare: ``kg.extract.pipeline.prepare()`` (rules, models, theme cue index, the scanners of
  an invented warm-up page), what a batch runs once before forking its workers;
- first pages: the first ``--pages`` real pages after it (they still make the scanners the
  warm-up page did not reach), against the same pages extracted again (the steady cost), so
  the difference is what start-up still leaves to the first documents.

A one-file ``kg build`` or ``kg extract`` pays import + prepare + its page. Pages are cut
from the given files (default: data/minutes and tests/texts) in 2,000-character pieces.

Usage: python scripts/bench_startup.py [--runs 5] [--pages 8] [PATH ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
from pathlib import Path
c0 = time.process_time()
import kg.extract.pipeline as p
from kg.model import Document
c1 = time.process_time()
p.prepare()
c2 = time.process_time()
files = [f for a in sys.argv[2:] for f in (sorted(Path(a).rglob("*.txt")) if Path(a).is_dir() else [Path(a)])]
texts = []
for f in files:
    s = f.read_text(encoding="utf-8", errors="replace")
    texts += [s[i:i + 2000] for i in range(0, max(1, len(s) - 2000), 2000)]
texts = texts[:int(sys.argv[1])]
c3 = time.process_time()
for i, t in enumerate(texts):
    p.extract(Document(f"d{i}", t))
c4 = time.process_time()
for i, t in enumerate(texts):
    p.extract(Document(f"e{i}", t + " "))  # a new text object: no per-text cache answers
c5 = time.process_time()
print(json.dumps({"import": c1 - c0, "prepare": c2 - c1, "first": c4 - c3, "again": c5 - c4, "pages": len(texts)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("paths", nargs="*", type=Path, default=[ROOT / "data" / "minutes", ROOT / "tests" / "texts"])
    a = ap.parse_args()
    runs = []
    for _ in range(a.runs):
        out = subprocess.run([sys.executable, "-c", _CHILD, str(a.pages), *map(str, a.paths)],
                             capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best = {k: min(r[k] for r in runs) for k in ("import", "prepare", "first", "again")}
    n = runs[0]["pages"]
    print(f"CPU seconds, best of {a.runs} fresh processes ({n} pages):")
    print(f"  import kg.extract.pipeline   {best['import']:.3f}")
    print(f"  prepare()                    {best['prepare']:.3f}")
    print(f"  first {n} pages after it      {best['first']:.3f}")
    print(f"  the same pages again         {best['again']:.3f}")
    print(f"  start-up left to the pages   {best['first'] - best['again']:.3f}")
    print(f"  prepare + what it leaves     {best['prepare'] + best['first'] - best['again']:.3f}")


if __name__ == "__main__":
    main()
