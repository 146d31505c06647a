#!/usr/bin/env python3
"""The faster scans of kg.extract.scan against re's own finditer, on the bench corpus.

For every compiled pattern of the extraction modules and rules, over the same documents
as scripts/bench_extract.py (cut from data/minutes and tests/texts): CPU time of
``pattern.finditer(text)`` and of ``scan.finditer(pattern, text)``, checking that both
give the same matches, and the ratio, per pattern (the slowest ten) and in total.

Then the per-sentence loops (a pattern asked about every sentence of a page): re's ``search``
on each sentence, ``scan.search`` on each with ``within=(page, start)``, and
``gates.holding`` (one walk over the page's places) followed by ``scan.search`` on the
sentences it keeps only; the same sentences found each way.

Usage: python scripts/bench_scan.py [--docs 500]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_extract import corpus  # noqa: E402

from kg.extract import (  # noqa: E402
    gates,
    layout,
    meeting,
    orgs,
    partners,
    people,
    pipeline,
    reviews,
    roles,
    scan,
    stats,
    themes,
)
from kg.extract.rules import rules  # noqa: E402
from kg.extract.text import sentences, tame_long_runs  # noqa: E402


def patterns(every: bool) -> list[tuple[str, re.Pattern]]:
    """The patterns the pipeline runs over whole pages through kg.extract.scan; with ``every``,
    every compiled pattern of the modules (most of which run on a sentence or a window)."""
    r = rules()
    out = [(f"rules.{k}", p) for k, p in r.board_heads + r.board_lower + r.board_place_led + r.agency_patterns]
    out += [(f"reviews.{k}", p) for k, p in reviews._KIND_RE]
    out += [("pipeline._COMMITTEE", pipeline._COMMITTEE), ("pipeline._REPORT", pipeline._REPORT),
            ("partners._REFERENCE", partners._REFERENCE), ("meeting._RESOLVED", meeting._RESOLVED),
            ("meeting._GENERIC", meeting._GENERIC), ("roles._INITIALS_CHAIR", roles._INITIALS_CHAIR),
            ("layout._OPEN", layout._OPEN)]
    if every:
        for mod in (layout, meeting, orgs, partners, people, pipeline, reviews, roles, stats, themes):
            name = mod.__name__.rsplit(".", 1)[-1]
            out += [(f"{name}.{k}", v) for k, v in vars(mod).items() if isinstance(v, re.Pattern)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--every", action="store_true", help="every compiled pattern, not only the whole-page scans")
    args = ap.parse_args()
    texts = [tame_long_runs(t) for t in corpus([ROOT / "data" / "minutes", ROOT / "tests" / "texts"], args.docs)]
    rows = []
    for name, p in patterns(args.every):
        scan.scanner(p)
        for t in texts[:5]:
            list(scan.finditer(p, t))  # the shared literal search built with every pattern's literals
        rows.append((name, p))
    for t in texts:  # the literal search is once per page, shared: timed on its own below
        scan.hits(scan.folded(t) or "")
    total_re = total_scan = 0.0
    table = []
    for name, p in rows:
        t0 = time.process_time()
        want = [[m.span() for m in p.finditer(t)] for t in texts]
        t1 = time.process_time()
        got = [[m.span() for m in scan.finditer(p, t)] for t in texts]
        t2 = time.process_time()
        assert got == want, name
        total_re += t1 - t0
        total_scan += t2 - t1
        table.append((t1 - t0, t2 - t1, name))
    t0 = time.process_time()
    for t in texts:
        scan._hits.__wrapped__(scan.folded(t) or "")
    search = time.process_time() - t0
    n = len(texts)
    print(f"corpus: {n} documents; {len(rows)} patterns; same matches: yes")
    print(f"{'pattern':40s} {'re us/doc':>10s} {'scan us/doc':>12s} {'ratio':>7s}")
    for a, b, name in sorted(table, reverse=True)[:10]:
        print(f"{name[:40]:40s} {a / n * 1e6:10.1f} {b / n * 1e6:12.1f} {a / max(b, 1e-9):6.1f}x")
    print(f"all patterns over whole pages: re {total_re / n * 1e6:.0f} us/doc, scan {total_scan / n * 1e6:.0f} us/doc "
          f"+ the shared literal search {search / n * 1e6:.0f} us/doc (x{total_re / (total_scan + search):.1f})")
    per_sentence(texts)


def per_sentence(texts: list[str]) -> None:
    """The per-sentence loops of the extractor, three ways (see the module's docstring)."""
    pages = [(t, sentences(t)) for t in texts]
    r = rules()
    loops = [("pipeline._REPLACE", pipeline._REPLACE), ("reviews._NAME", reviews._NAME),
             ("reviews._SAR_CONTEXT", reviews._SAR_CONTEXT), ("rules.statutory_cues", r.statutory_cues),
             ("stats._NUMBER", stats._NUMBER)]
    print(f"{'per sentence':28s} {'re us/doc':>10s} {'scan us/doc':>12s} {'gates.holding us/doc':>22s}")
    n = len(texts)
    for name, p in loops:
        t0 = time.process_time()
        want = [[i for i, s in enumerate(ss) if p.search(s.text)] for _, ss in pages]
        t1 = time.process_time()
        each = [[i for i, s in enumerate(ss) if scan.search(p, s.text, within=(t, s.start))] for t, ss in pages]
        t2 = time.process_time()
        kept = [[i for i in gates.holding(gates.places(p, t), ss, [s.start for s in ss])
                 if scan.search(p, ss[i].text, within=(t, ss[i].start))] for t, ss in pages]
        t3 = time.process_time()
        assert want == each == kept, name
        print(f"{name:28s} {(t1 - t0) / n * 1e6:10.1f} {(t2 - t1) / n * 1e6:12.1f} {(t3 - t2) / n * 1e6:22.1f}"
              f"  (x{(t1 - t0) / max(t3 - t2, 1e-9):.1f} against re)")


if __name__ == "__main__":
    main()
