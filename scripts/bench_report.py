#!/usr/bin/env python3
"""How long `kg report` takes on a built store, and how long each page takes to open in
headless Chromium; against the obvious alternative, the network view `kg viz` of the
same store (what a reader had before the report).

    .venv/bin/kg build /path/to/corpus --store /tmp/devstore
    .venv/bin/python scripts/bench_report.py /tmp/devstore [--runs 3] [--screenshots docs/]

Prints a Markdown report (docs/benchmarks-report.md holds the latest). Page timings are
from navigation to the page's own script being ready (`window.kgReport.ready`), every
page of the site, one browser, pages opened one after the other. With --screenshots DIR
it also saves the index and the profile with the most documents as PNG (take them from a
store of the project's own test texts: the development corpus's text stays out of the
repository).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the DevTools driver of the browser tests (tests/chromium.py)


def kg(*args: str) -> tuple[float, float]:
    """Wall and CPU seconds of one `kg` process (CPU: user + system of the child)."""
    exe = Path(sys.executable).with_name("kg")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(exe), *args], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def open_timed(browser, path: Path, ready: str) -> float:
    browser.events.clear()
    start = time.perf_counter()
    browser.send("Page.navigate", url=path.as_uri())
    browser.wait_until(ready, timeout=60)
    return time.perf_counter() - start


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--screenshots", type=Path, help="folder for index.png and profile.png")
    args = ap.parse_args()
    from chromium import Chromium, find_chromium

    work = Path(tempfile.mkdtemp(prefix="kg-bench-report-"))
    site = work / "site"
    runs = [kg("report", "--store", str(args.store), "-o", str(site)) for _ in range(args.runs)]
    viz_runs = [kg("viz", "--store", str(args.store), "-o", str(work / "graph.html")) for _ in range(args.runs)]
    pages = {"index and matrices": sorted(site.glob("*.html")), "board profiles": sorted((site / "board").glob("*.html")),
             "document pages": sorted((site / "doc").glob("*.html"))}
    csvs = sum(1 for _ in site.rglob("*.csv"))
    exe = find_chromium()
    if exe is None:
        print("no chromium: apt-get install chromium", file=sys.stderr)
        return 2
    browser = Chromium(exe, width=1400, height=900)
    try:
        open_timed(browser, site / "index.html", "window.kgReport && window.kgReport.ready")  # warm the browser
        times = {k: [open_timed(browser, p, "window.kgReport && window.kgReport.ready") for p in v]
                 for k, v in pages.items()}
        viz_open = [open_timed(browser, work / "graph.html", "window.kgReady") for _ in range(args.runs)]
        if args.screenshots:
            args.screenshots.mkdir(parents=True, exist_ok=True)
            open_timed(browser, site / "index.html", "window.kgReport && window.kgReport.ready")
            (args.screenshots / "report-index.png").write_bytes(browser.screenshot())
            # the profile with the most chairs over time (a change of chair), then the longest
            profile = max(pages["board profiles"], key=lambda p: (
                p.with_name(p.stem + "-chairs.csv").read_text(encoding="utf-8").count("\n"), p.stat().st_size))
            open_timed(browser, profile, "window.kgReport && window.kgReport.ready")
            (args.screenshots / "report-profile.png").write_bytes(browser.screenshot())
    finally:
        browser.close()

    wall = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    all_pages = [t for v in times.values() for t in v]
    size = max(p.stat().st_size for v in pages.values() for p in v)
    print(f"# `kg report` benchmark\n\nstore: {args.store} · machine: {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} (other work shares the cores: wall time is CPU time plus waiting)\n")
    print(f"- `kg report` (new process, whole site: {sum(len(v) for v in pages.values())} pages, {csvs} CSV files), "
          f"median of {args.runs}: **{wall:.2f} s** wall, {cpu:.2f} s CPU (runs: "
          + ", ".join(f"{w:.2f}" for w, _ in runs) + ")")
    print(f"- `kg viz` of the same store (the network view), median of {args.runs}: "
          f"{statistics.median(w for w, _ in viz_runs):.2f} s wall, {statistics.median(c for _, c in viz_runs):.2f} s CPU")
    print(f"- largest page: {size / 1024:.0f} KiB\n")
    print("| pages | n | median open (s) | p95 (s) | max (s) |\n| --- | --- | --- | --- | --- |")
    for k, v in times.items():
        if v:
            print(f"| {k} | {len(v)} | {statistics.median(v):.3f} | {pct(v, 0.95):.3f} | {max(v):.3f} |")
    print(f"| **every page** | {len(all_pages)} | {statistics.median(all_pages):.3f} | {pct(all_pages, 0.95):.3f} | "
          f"**{max(all_pages):.3f}** |")
    print(f"| `kg viz` network view (alternative) | {len(viz_open)} | {statistics.median(viz_open):.3f} | "
          f"{pct(viz_open, 0.95):.3f} | {max(viz_open):.3f} |")
    print(f"\nslowest report page opens in {max(all_pages):.2f} s; the network view in "
          f"{statistics.median(viz_open):.2f} s (median), ×{statistics.median(viz_open) / statistics.median(all_pages):.0f} "
          "a median report page")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
