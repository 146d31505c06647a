"""Scoring a folder of whole documents against its gold files, for the scored corpora of the tests
(tests/texts/invented, tests/texts/blind14, tests/texts/blind15): each keeps floors under the scores
reached, and a miss below one names the documents and facts that fell."""

from __future__ import annotations

from pathlib import Path

from kg.evaluate import evaluate
from kg.extract.pipeline import extract
from kg.model import Document


def assert_gold_for_each(texts: Path, gold: Path, count: int) -> None:
    """Every document has its gold file, and there are ``count`` of them."""
    assert sorted(p.stem for p in texts.glob("*.txt")) == sorted(p.stem for p in gold.glob("*.json"))
    assert len(list(texts.glob("*.txt"))) == count


def assert_above_floors(texts: Path, gold: Path, floors: dict[str, float], macro: float) -> None:
    """Each category's F1 at or above its floor, and the macro F1 at or above ``macro``."""
    facts = [extract(Document(id=p.stem, text=p.read_text(encoding="utf-8"), source=str(p)))
             for p in sorted(texts.glob("*.txt"))]
    scores = evaluate(gold, facts)
    low = {cat: round(scores.counts[cat].prf()[2], 3) for cat, floor in floors.items()
           if scores.counts[cat].prf()[2] < floor}
    assert not low, f"below the floor: {low}; misses: " + repr({
        doc: {cat: v for cat, v in notes.items() if cat in low and (v[0] or v[1])}
        for doc, notes in scores.misses.items()})
    assert scores.macro_f1 >= macro
