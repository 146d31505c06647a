#!/usr/bin/env python3
"""How the extractor holds on hard-wrapped text: a corpus re-wrapped at a fixed width, scored
with and without ``kg.extract.text.unwrap``.

Every line of each document longer than WIDTH characters is wrapped at WIDTH (on spaces, as a
PDF's text layer or a plain-text email cuts lines); the copies and the gold annotations go to a
temporary folder (deleted afterwards: no text is written into the project). Each copy is
extracted twice, with the unwrap step (as shipped) and without it (the extractor before it), and
with the rules alone and with the shipped models; the facts are scored by the given scorer
(``score.py GOLD_DIR FACTS.jsonl --json``), or by ``kg.evaluate`` when none is given. Width 0 is
the corpus as it is. Prints F1 per category and the CPU time of each extraction.

Example:
    .venv/bin/python scripts/wrap_probe.py ../shared/corpus/dev --scorer ../shared/eval/score.py --width 0 80 100
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kg.extract.pipeline as pipeline  # noqa: E402
from kg.evaluate import CATEGORIES, evaluate  # noqa: E402
from kg.extract.training import load_corpus  # noqa: E402
from kg.model import Document  # noqa: E402


def wrap(text: str, width: int) -> str:
    """Each line longer than ``width`` cut on spaces into lines of at most ``width`` (a word
    longer than the width stays whole); shorter lines and blank lines as they are."""
    if not width:
        return text
    out = []
    for line in text.split("\n"):
        if len(line) > width:
            out += textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [line]
        else:
            out.append(line)
    return "\n".join(out)


def write_copy(corpus: Path, gold: Path, width: int, into: Path) -> None:
    """The wrapped copy of every document that has gold, as NAME.txt, with gold/ beside it."""
    (into / "gold").mkdir(parents=True)
    for doc, _ in load_corpus(corpus, gold):
        (into / f"{doc.id}.txt").write_text(wrap(doc.text, width), encoding="utf-8")
        shutil.copy(gold / f"{doc.id}.json", into / "gold" / f"{doc.id}.json")


def score(gold: Path, facts: list, scorer: Path | None, work: Path) -> dict[str, float]:
    """F1 per category (and "macro") of ``facts`` against ``gold``."""
    if scorer is None:
        s = evaluate(gold, facts)
        out = {c: s.counts[c].prf()[2] for c in CATEGORIES}
        out["macro"] = s.macro_f1
        return out
    path = work / "facts.jsonl"
    path.write_text("".join(json.dumps(f.to_json(), ensure_ascii=False) + "\n" for f in facts), encoding="utf-8")
    got = json.loads(subprocess.run([sys.executable, str(scorer), str(gold), str(path), "--json"],
                                    check=True, capture_output=True, text=True).stdout)
    out = {c: v["f1"] for c, v in got["categories"].items()}
    out["macro"] = got["macro_f1"]
    return out


def run(docs: list[Document], models: dict | None, unwrap_on: bool) -> tuple[list, float]:
    """Facts of every document and the CPU seconds they took; ``unwrap_on=False`` extracts as
    the pipeline did before the unwrap step (the step replaced by the identity)."""
    keep: Callable[[str], str] = pipeline.unwrap
    if not unwrap_on:
        pipeline.unwrap = lambda text: text  # type: ignore[assignment]
    try:
        t0 = time.process_time()
        facts = [pipeline.extract(d, models) for d in docs]
        return facts, time.process_time() - t0
    finally:
        pipeline.unwrap = keep  # type: ignore[assignment]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--gold", type=Path)
    ap.add_argument("--scorer", type=Path, help="score.py (GOLD_DIR FACTS.jsonl --json); default kg.evaluate")
    ap.add_argument("--width", type=int, nargs="+", default=[80], help="wrap widths; 0 = the corpus as it is")
    ap.add_argument("--rules-only", action="store_true", help="only the rules alone (faster)")
    args = ap.parse_args()
    gold = args.gold or args.corpus / "gold"
    variants = [("rules", {})] + ([] if args.rules_only else [("models", None)])
    for width in args.width:
        with tempfile.TemporaryDirectory(prefix="wrap_probe_") as tmp:
            work = Path(tmp)
            write_copy(args.corpus, gold, width, work / "corpus")
            docs = [doc for doc, _ in load_corpus(work / "corpus", work / "corpus" / "gold")]
            columns, cpu = [], []
            for name, models in variants:
                for on in (False, True):
                    facts, seconds = run(docs, models, on)
                    columns.append((f"{name} {'unwrap' if on else 'as before'}",
                                    score(work / "corpus" / "gold", facts, args.scorer, work)))
                    cpu.append(seconds)
        print(f"\nwidth {width or 'as is'} ({len(docs)} documents): F1")
        print("| category | " + " | ".join(c for c, _ in columns) + " |")
        print("| --- |" + " --- |" * len(columns))
        for cat in [*CATEGORIES, "macro"]:
            print(f"| {cat} | " + " | ".join(f"{s[cat]:.3f}" for _, s in columns) + " |")
        print("| CPU s | " + " | ".join(f"{c:.2f}" for c in cpu) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
