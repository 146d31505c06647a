#!/usr/bin/env python3
"""Fit the extractor's models from a gold-annotated corpus and write them to data/models/.

Example:
    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/train.py ../shared/corpus/dev

The same corpus gives byte-identical model files (fixed feature order, deterministic
solver, rounded weights): run it twice and ``git diff`` shows nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract.training import COMPONENTS, fit_components, invented_pairs, load_corpus  # noqa: E402
from kg.fsutil import write_atomic  # noqa: E402
from kg.paths import MODELS_DIR  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="folder of documents, with gold annotations in CORPUS/gold")
    ap.add_argument("--gold", type=Path, help="gold folder (default CORPUS/gold)")
    ap.add_argument("--out", type=Path, default=MODELS_DIR, help="where the model files go")
    ap.add_argument("--only", action="append", help="train only this component (repeatable)")
    ap.add_argument("--no-invented", action="store_true",
                    help="fit the meeting rankers on CORPUS alone, not also on the project's invented corpora "
                         "(tests/texts/invented, blind14, blind15)")
    args = ap.parse_args()
    pairs = load_corpus(args.corpus, args.gold or args.corpus / "gold")
    if not pairs:
        print(f"error: no documents with gold annotations under {args.corpus}", file=sys.stderr)
        return 2
    comps = [c for c in COMPONENTS if not args.only or c.name in args.only]
    invented = [] if args.no_invented else invented_pairs(ROOT)
    models = fit_components(pairs, invented, comps)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, model in models.items():
        path = args.out / f"{name}.json"
        write_atomic(path, model.to_json().encode("utf-8"))
        print(f"{name}: {len(model.weights)} weights from {model.meta.get('examples')} examples "
              f"({model.meta.get('positives')} positive) -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
