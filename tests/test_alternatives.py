"""kg.extract.alternatives finds, pattern by pattern, exactly what each pattern's own finditer finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract import reviews
from kg.extract.alternatives import Alternatives, alternatives
from kg.extract.rules import rules
from kg.extract.text import scanned, sentences

ROOT = Path(__file__).resolve().parent.parent
PAGES = [scanned(p.read_text(encoding="utf-8")) for d in ("tests/texts", "data/minutes")
         for p in sorted((ROOT / d).rglob("*.txt"))]
EDGES = ["", "Safeguarding", "the safeguarding Safeguarding Adults Board", "Local Safeguarding Children Board (LSCB)",
         "Safeguarding Adults Boards and Safeguarding Children Partnership", "xSafeguarding Adults Board",
         "SAFEGUARDING ADULTS BOARD", "a serious case review, an SCR and a SAR; reviews",
         "İ ı ſ K safeguarding adults review",
         "Children’s Partnership Board", "Safer Eastvale Partnership", "the case reviews and rapid reviews"]
GROUPS = {
    "board_heads": [p for _, p in rules().board_heads],
    "board_place_led": [p for _, p in rules().board_place_led],
    "board_lower": [p for _, p in rules().board_lower],
    "review_kinds": [p for _, p in reviews._KIND_RE],
}


def _spans(ms: list[re.Match]) -> list[tuple]:
    return [(m.span(), m.groups()) for m in ms]


@pytest.mark.parametrize("group", list(GROUPS))
def test_same_matches_as_each_pattern(group):
    patterns = GROUPS[group]
    alt = alternatives(patterns)
    texts = PAGES + [s.text for page in PAGES for s in sentences(page)] + EDGES + [" ".join(EDGES)]
    for text in texts:
        got = alt.matches(text)
        assert [_spans(g) for g in got] == [_spans(list(p.finditer(text))) for p in patterns], text[:80]


def test_joined_for_the_groups_that_run_on_every_page():
    """The heads and the review kinds are joined (else the module would only add a pass)."""
    assert alternatives(GROUPS["board_heads"])._joined
    assert alternatives(GROUPS["review_kinds"])._joined


def test_patterns_that_cannot_be_joined_run_one_by_one():
    mixed = [re.compile("Board"), re.compile("board", re.I)]  # two sets of flags
    no_literal = [re.compile(r"\d+"), re.compile("Board")]
    for patterns in (mixed, no_literal):
        alt = Alternatives(patterns)
        assert not alt._joined
        text = "the Board, 12 boards, BOARD 7"
        assert [_spans(g) for g in alt.matches(text)] == [_spans(list(p.finditer(text))) for p in patterns]


def test_every_pattern_matching_at_one_place_is_found():
    patterns = [re.compile("Safeguarding Adults Board"), re.compile("Safeguarding Adults"), re.compile("Adults Board"),
                re.compile("Safeguarding")]
    text = "The Safeguarding Adults Board met; Safeguarding Adults Board again."
    assert [_spans(g) for g in Alternatives(patterns).matches(text)] == \
        [_spans(list(p.finditer(text))) for p in patterns]
