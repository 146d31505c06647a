"""Round 10's faster forms find exactly what the forms they replaced find.

Each rewritten pattern or gate is compared with the plain form, on hand-made edge cases and on
every text under tests/texts and data/minutes (whole pages and each of their sentences).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from kg.extract import people
from kg.extract.rules import rules
from kg.extract.text import scanned, sentences

ROOT = Path(__file__).resolve().parent.parent
PAGES = [scanned(p.read_text(encoding="utf-8")) for d in ("tests/texts", "data/minutes")
         for p in sorted((ROOT / d).rglob("*.txt"))]
SENTENCES = [s.text for page in PAGES for s in sentences(page)]


def _all(pattern: re.Pattern, text: str, pos: int = 0) -> list[tuple]:
    return [(m.span(), *(m.span(i) for i in range(1, pattern.groups + 1))) for m in pattern.finditer(text, pos)]


def _honorific_edges() -> list[str]:
    r = rules()
    pieces = [*r.honorifics, " ", "-", "x", "\n", ".", "Lee", "é", "_", "Co-", "’"]
    rng = random.Random(10)
    return ["Mr.Mrs. Ms Mx Cllrs. Cllr. Councillors Co-opted Members", "xMr Lee", "-Dr Lee", "Dr.x", "Dr_",
            "Detective Chief Inspector Lee", "DrDr", "Mrs", "Mr", "M", "", "\nMr", "é Mr", "Ms-Lee"] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]


def test_honorific_pattern_finds_what_the_plain_alternation_finds():
    r = rules()
    fast, plain = people._honorific_pattern(r), people._plain_honorific_pattern(r)
    assert fast.pattern != plain.pattern
    for text in _honorific_edges() + PAGES + SENTENCES:
        assert _all(fast, text) == _all(plain, text), text[:80]
        assert fast.sub("", text) == plain.sub("", text), text[:80]
    for text in _honorific_edges()[:500]:
        for pos in range(len(text) + 1):
            assert _all(fast, text, pos) == _all(plain, text, pos), (text, pos)
            assert (fast.match(text, pos) or re.match("", "")).span() == \
                (plain.match(text, pos) or re.match("", "")).span(), (text, pos)
