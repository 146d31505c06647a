"""The scan of stretches (kg.extract.scan.runs_gate): a pattern whose matches hold only
some characters is scanned only in the stretches of them that hold a required literal,
and still finds exactly what its own finditer / search finds, in long windows too."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_text_speed import _spans

from kg.extract import pipeline, scan
from kg.extract.rules import rules

_PIECES = ["Audit", "Governance", "Committee", "Committees", "Sub-Committee", "Cabinet", "Panel", "Commission",
           "Police", "Constabulary", "Thames", "Valley", "NHS", "Trust", "Foundation", "Health", "Fire",
           "Rescue", "Youth", "Justice", "Service", "and", "&", "of", "for", "in", "the", "met", "said",
           "2021", "O’Neil", "x-ray", "é", "İ", " ", " ", " ", "  ", "\n", ", ", ". ", "(", ")", "-", ":", ";"]
# long windows (the stretches are scanned only from RUNS_WINDOW characters on)
long_texts = st.lists(st.sampled_from(_PIECES), min_size=150, max_size=400).map("".join)

SYNTHETIC = [
    re.compile(r"(?:[A-Z][\w’'&-]{0,40}\s+(?:(?:and|&|of|for|in)\s+)?){0,7}(?:Committee|Panel)(?!\w|-\w)"),
    re.compile(r"(?<![\w-])(?:[A-Z]\w*\s+){1,3}(?:Trust|Service)\b"),
    re.compile(r"(?i)(?:[a-z]+\s+){0,2}police"),
    re.compile(r"[A-Z]\w+\s+(?:Committee|Panel)(?=\s[a-z]{2})"),
]


def _gated() -> list[re.Pattern]:
    out = [pipeline._COMMITTEE, *SYNTHETIC, *(p for _, p in rules().agency_patterns)]
    return [p for p in out if scan.scanner(p)._runs is not None]


GATED = _gated()


def test_the_committee_and_agency_patterns_are_scanned_by_stretches():
    assert pipeline._COMMITTEE in GATED
    assert all(p in GATED for p in SYNTHETIC)
    outside, look = scan.runs_gate(SYNTHETIC[0])
    assert look == 3  # "(?!\w|-\w)" reads two characters past a place, at most
    assert outside.search("Audit and Governance Committee met") is None
    assert outside.search("Committee.").start() == 9


@pytest.mark.parametrize("pattern", [
    r"(?:[A-Z]\w+\s+)+Committee.",  # any character
    r"(?:[A-Z]\w+\s+)+Committee$",  # an end anchor reads whether more follows
    r"(?:[A-Z]\w+\s+)+(?i:committee)",  # a change of case inside
    r"(?:[A-Z]\w+\s+)+Committee(?=\s*\n)",  # a look-ahead of no bounded width
    r"[^,]+Committee",  # a negated class
])
def test_a_pattern_that_does_not_say_what_it_holds_has_no_stretches(pattern):
    assert scan.runs_gate(re.compile(pattern)) is None


@settings(max_examples=120, deadline=None)
@given(long_texts, st.integers(0, 3000), st.integers(0, 3000))
def test_stretches_find_what_the_pattern_finds(text, a, b):
    pos, endpos = min(a, b), max(a, b)
    for p in GATED:
        assert _spans(scan.finditer(p, text)) == _spans(p.finditer(text)), p.pattern
        assert _spans(scan.finditer(p, text, pos, endpos)) == _spans(p.finditer(text, pos, endpos)), p.pattern
        got, want = scan.search(p, text, pos, endpos), p.search(text, pos, endpos)
        assert (got and got.span()) == (want and want.span()), p.pattern


def test_stretches_on_a_page_of_minutes():
    page = ("The Audit and Governance Committee met on 5 May. It heard from Thames Valley Police and the "
            "Oxford Health NHS Foundation Trust, and asked the Health and Wellbeing Board: the Schools Forum "
            "and Children's Services Scrutiny Panel (a sub-panel of the Cabinet) will report.\n" * 3)
    for p in GATED:
        assert _spans(scan.finditer(p, page)) == _spans(p.finditer(page)), p.pattern
    assert [m.group() for m in scan.finditer(pipeline._COMMITTEE, page)][:3] == [
        "The Audit and Governance Committee", "Schools Forum and Children's Services Scrutiny Panel", "Cabinet"]
