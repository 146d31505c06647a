#!/usr/bin/env python3
"""Area-grouped cross-validation of the extractor: the figure that predicts unseen areas.

Documents are grouped by area (the council column of the corpus's SOURCES.tsv); each
fold's models are fitted on the other areas only and score the fold's documents, so no
document is scored by a model that saw its area. Also prints the score with the shipped
models (fitted on everything) and with the rules alone, for comparison.

Example:
    .venv/bin/pip install -e '.[train]'
    .venv/bin/python scripts/cv.py ../shared/corpus/dev --folds 5
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import CATEGORIES, Scores, evaluate  # noqa: E402
from kg.extract.pipeline import extract  # noqa: E402
from kg.extract.training import COMPONENTS, fit_components, invented_pairs, load_corpus  # noqa: E402


def areas(corpus: Path) -> dict[str, str]:
    """Document id -> area (its council), from SOURCES.tsv; a document not listed is its own area."""
    path = corpus / "SOURCES.tsv"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as f:
        return {row["document"]: row["council"] for row in csv.DictReader(f, delimiter="\t")}


def comparison(cv: Scores, shipped: Scores, rules_only: Scores) -> str:
    """F1 per category for the three, as the Markdown table the README carries."""
    lines = ["| category | cross-validated (by area) | shipped models (in-sample) | rules alone |",
             "| --- | --- | --- | --- |"]
    for cat in CATEGORIES:
        lines.append(f"| {cat} | " + " | ".join(f"{s.counts[cat].prf()[2]:.3f}" for s in (cv, shipped, rules_only))
                     + " |")
    lines.append("| **macro F1** | " + " | ".join(f"**{s.macro_f1:.3f}**" for s in (cv, shipped, rules_only)) + " |")
    return "\n".join(lines)


def per_theme(gold: Path, preds: list) -> str:
    """P/R/F1 of each theme over the corpus, worst F1 first (themes are document-level sets)."""
    import json

    from kg.evaluate import Count

    counts: dict[str, Count] = {}
    got = {p.document: {t.theme for t in p.themes} for p in preds}
    for path in sorted(gold.glob("*.json")):
        want = set(json.loads(path.read_text(encoding="utf-8")).get("themes") or ())
        have = got.get(path.stem, set())
        for t in want | have:
            c = counts.setdefault(t, Count())
            c.tp += t in want and t in have
            c.fp += t in have and t not in want
            c.fn += t in want and t not in have
    lines = [f"{'theme':<34} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for t, c in sorted(counts.items(), key=lambda kv: (kv[1].prf()[2], kv[0])):
        p, r, f = c.prf()
        lines.append(f"{t:<34} {p:>6.3f} {r:>6.3f} {f:>6.3f} {c.tp:>4} {c.fp:>4} {c.fn:>4}")
    return "\n".join(lines)


def _pair_counts(model, labelled) -> tuple[int, int, int]:
    """tp, fp, fn of the partner pairs a fitted model keeps among labelled candidates, as the
    extractor decides them (mean of the probabilities of the mentions each wins, then list siblings): the
    scorer's partners figure without the rest of the pipeline (equal on the dev set at 0.45)."""
    from kg.extract.partners import exclusive_probabilities, with_siblings

    tp = fp = fn = 0
    for cands, n_gold in labelled:
        cs = [c for c, _ in cands]
        probs = with_siblings(cs, exclusive_probabilities(model, cs), model.threshold)
        kept = [label for (_, label), p in zip(cands, probs, strict=True) if p >= model.threshold]
        tp += sum(kept)
        fp += len(kept) - sum(kept)
        fn += n_gold - sum(kept)
    return tp, fp, fn


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def tune_partners(pairs: list, groups: list[str], folds: int, cs: list[float], thresholds: list[float],
                  drop: tuple[str, ...] = ()) -> str:
    """The partner model's regularisation (C) and threshold judged by area-grouped CV, not in
    sample: each setting's CV and in-sample F1, then a nested CV (each outer fold's setting
    chosen by an inner area-grouped CV on its training areas only), the honest figure.
    ``drop``: feature name prefixes left out of the fit (a family's worth, judged by the CV)."""
    from dataclasses import replace

    from sklearn.model_selection import GroupKFold

    from kg.extract.training import COMPONENTS, fit, partner_pairs

    base = next(c for c in COMPONENTS if c.name == "partners")
    labelled = [partner_pairs(doc, gold) for doc, gold in pairs]
    examples = [[([x for x in f if not x.startswith(drop)] if drop else list(f), label)
                 for c, label in cands for f in c.supports] for cands, _ in labelled]

    def cv_counts(idx: list[int], c: float, t: float, k: int) -> tuple[int, int, int]:
        comp = replace(base, c=c, threshold=t)
        total = [0, 0, 0]
        for train, test in GroupKFold(n_splits=k).split(idx, groups=[groups[i] for i in idx]):
            model = fit(comp, [e for j in train for e in examples[idx[j]]])
            for n, v in enumerate(_pair_counts(model, [labelled[idx[j]] for j in test])):
                total[n] += v
        return total[0], total[1], total[2]

    every = list(range(len(pairs)))
    lines = [f"partner model, area-grouped {folds}-fold CV (pairs) per setting; shipped: C={base.c}, "
             f"threshold={base.threshold}", "| C | threshold | CV P | CV R | CV F1 | in-sample F1 |",
             "| --- | --- | --- | --- | --- | --- |"]
    for c in cs:
        for t in thresholds:
            p, r, f = _f1(*cv_counts(every, c, t, folds))
            ins = _f1(*_pair_counts(fit(replace(base, c=c, threshold=t), [e for ex in examples for e in ex]),
                                    labelled))[2]
            lines.append(f"| {c} | {t} | {p:.3f} | {r:.3f} | {f:.3f} | {ins:.3f} |")
    if folds < 3:
        return "\n".join(lines)  # too few groups for an inner CV
    total, chosen = [0, 0, 0], []
    for train, test in GroupKFold(n_splits=folds).split(every, groups=groups):
        tr = [int(i) for i in train]
        best = max((_f1(*cv_counts(tr, c, t, folds - 1))[2], -c, -t) for c in cs for t in thresholds)
        c, t = -best[1], -best[2]
        chosen.append(f"C={c} t={t}")
        model = fit(replace(base, c=c, threshold=t), [e for i in tr for e in examples[i]])
        for n, v in enumerate(_pair_counts(model, [labelled[int(i)] for i in test])):
            total[n] += v
    p, r, f = _f1(*total)
    lines.append(f"nested (setting chosen inside each outer fold): P {p:.3f} R {r:.3f} F1 {f:.3f}; "
                 f"chosen: {', '.join(chosen)}")
    return "\n".join(lines)


def learning_curve(pairs: list, groups: list[str], fractions: list[float], repeats: int, c: float | None = None,
                   drop: tuple[str, ...] = ()) -> str:
    """The partner model fitted on a share of the areas and scored (pairs, as the extractor
    decides them) on the areas left out, over ``repeats`` random splits of the areas per share
    (seeded: the same table every run): whether more annotated areas would still help. If F1
    still climbs steeply from 60 % to 80 % of the areas, more data is the lever."""
    import random
    from dataclasses import replace
    from statistics import mean, pstdev

    from kg.extract.training import COMPONENTS, fit, partner_pairs

    base = next(comp for comp in COMPONENTS if comp.name == "partners")
    if c is not None:
        base = replace(base, c=c)
    labelled = [partner_pairs(doc, gold) for doc, gold in pairs]
    examples = [[([x for x in f if not x.startswith(drop)] if drop else list(f), label)
                 for cand, label in cands for f in cand.supports] for cands, _ in labelled]
    names = sorted(set(groups))
    lines = [f"partner model learning curve: fitted on a share of the {len(names)} areas, scored on the rest "
             f"({repeats} seeded splits each; C={base.c}, threshold={base.threshold})",
             "| areas fitted | documents fitted (mean) | P | R | F1 mean | F1 sd | F1 min | F1 max |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for share in fractions:
        f1s, ps, rs, sizes = [], [], [], []
        for k in range(repeats):
            rng = random.Random(f"{share}/{k}")
            chosen = set(rng.sample(names, round(share * len(names))))
            train = [i for i, g in enumerate(groups) if g in chosen]
            test = [i for i, g in enumerate(groups) if g not in chosen]
            model = fit(base, [e for i in train for e in examples[i]])
            p, r, f = _f1(*_pair_counts(model, [labelled[i] for i in test]))
            f1s.append(f)
            ps.append(p)
            rs.append(r)
            sizes.append(len(train))
        lines.append(f"| {share:.0%} | {mean(sizes):.0f} | {mean(ps):.3f} | {mean(rs):.3f} | {mean(f1s):.3f} | "
                     f"{pstdev(f1s):.3f} | {min(f1s):.3f} | {max(f1s):.3f} |")
    return "\n".join(lines)


_OLD = 36  # the first documents of SOURCES.tsv: the original development set (17 areas)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--gold", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--explain", action="store_true", help="print each document's misses (cross-validated)")
    ap.add_argument("--predictions", type=Path, metavar="JSONL",
                    help="write the cross-validated facts here (one document a line, as `kg extract -o`), "
                         "for the scorer's --explain: /work/shared/eval/score.py GOLD JSONL --explain")
    ap.add_argument("--per-theme", action="store_true",
                    help="print P/R/F1 per theme (cross-validated): the themes category is 28 decisions, not one")
    ap.add_argument("--tune-partners", action="store_true",
                    help="only the partner model: CV and in-sample F1 for a grid of C and threshold, and a nested CV")
    ap.add_argument("--grid-c", default="0.3,0.6,1.0", help="C values for --tune-partners")
    ap.add_argument("--grid-threshold", default="0.45,0.5,0.55", help="thresholds for --tune-partners")
    ap.add_argument("--split", choices=("area", "era"), default="area",
                    help="--tune-partners' groups: the area (default), or the era (the first 36 documents of "
                         "SOURCES.tsv against the newer ones: each half fitted on the other, a harsher test of "
                         "what carries across layouts and years)")
    ap.add_argument("--drop", default="", help="--tune-partners, --learning-curve: comma-separated feature prefixes "
                                               "left out of the fit")
    ap.add_argument("--learning-curve", action="store_true",
                    help="only the partner model: fitted on 20/40/60/80%% of the areas (repeated seeded splits), "
                         "scored on the rest: does F1 still climb with more areas?")
    ap.add_argument("--repeats", type=int, default=10, help="--learning-curve: random splits per share")
    ap.add_argument("--c", type=float, help="--learning-curve: the partner model's C (default: the shipped one)")
    ap.add_argument("--no-invented", action="store_true",
                    help="fit the meeting rankers on the corpus's training folds alone, not also on the project's "
                         "invented corpora (as scripts/train.py does unless told --no-invented)")
    args = ap.parse_args()
    from sklearn.model_selection import GroupKFold

    gold = args.gold or args.corpus / "gold"
    pairs = load_corpus(args.corpus, gold)
    area = areas(args.corpus)
    groups = [area.get(doc.id, doc.id) for doc, _ in pairs]
    if args.learning_curve:
        print(learning_curve(pairs, groups, [0.2, 0.4, 0.6, 0.8], args.repeats, args.c,
                             tuple(x for x in args.drop.split(",") if x)))
        return 0
    if args.tune_partners:
        folds = args.folds
        if args.split == "era":
            order = {doc: k for k, doc in enumerate(area)}
            groups = ["old" if order.get(doc.id, len(order)) < _OLD else "new" for doc, _ in pairs]
            folds = 2
        print(tune_partners(pairs, groups, folds, [float(x) for x in args.grid_c.split(",")],
                            [float(x) for x in args.grid_threshold.split(",")],
                            tuple(x for x in args.drop.split(",") if x)))
        return 0
    t0 = time.perf_counter()
    preds = []
    invented = [] if args.no_invented else invented_pairs(ROOT)
    for train, test in GroupKFold(n_splits=args.folds).split(pairs, groups=groups):
        models = fit_components([pairs[i] for i in train], invented)
        preds += [extract(pairs[i][0], models) for i in test]
    cv = evaluate(gold, preds)
    if args.predictions:
        import json

        lines = sorted(json.dumps(p.to_json(), ensure_ascii=False) for p in preds)
        args.predictions.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"area-grouped {args.folds}-fold cross-validation ({len(pairs)} documents, "
          f"{len(set(groups))} areas, {time.perf_counter() - t0:.1f} s); models: "
          f"{', '.join(c.name for c in COMPONENTS)}")
    print(cv.table())
    shipped = evaluate(gold, [extract(doc) for doc, _ in pairs])
    rules_only = evaluate(gold, [extract(doc, {}) for doc, _ in pairs])
    print(f"\nmacro F1: cross-validated {cv.macro_f1:.3f} | shipped models (fitted on all) "
          f"{shipped.macro_f1:.3f} | rules alone {rules_only.macro_f1:.3f}")
    print("\n" + comparison(cv, shipped, rules_only))
    if args.per_theme:
        print("\n" + per_theme(gold, preds))
    if args.explain:
        for doc, notes in sorted(cv.misses.items()):
            for cat, (extra, missed) in notes.items():
                print(f"{doc} {cat}: extra {extra} missed {missed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
