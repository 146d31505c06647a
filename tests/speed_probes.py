"""What the speed tests compare faster forms on: every page of the texts under tests/texts and
data/minutes (as extraction reads them), and random texts made of a pattern's pieces (one definition
for the speed rounds' test files)."""

from __future__ import annotations

import random
from pathlib import Path

from kg.extract.text import scanned

ROOT = Path(__file__).resolve().parent.parent
PAGES = [scanned(p.read_text(encoding="utf-8")) for d in ("tests/texts", "data/minutes")
         for p in sorted((ROOT / d).rglob("*.txt"))]


def random_texts(pieces: list[str], n: int, seed: int, most: int = 30) -> list[str]:
    """``n`` texts of up to ``most`` pieces each, drawn with a fixed seed (the same texts every run)."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, most))) for _ in range(n)]
