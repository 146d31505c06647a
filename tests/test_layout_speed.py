"""The attendance regions' faster searches find exactly what the plain ones find.

``_openings`` against ``_OPEN.finditer``, and the spaced-dash gate in front of
``_with_record_runs`` against the runs themselves, on hand-made edge cases and on every text
under tests/texts and data/minutes.
"""

from __future__ import annotations

from pathlib import Path

from kg.extract import layout
from kg.extract.text import scanned

ROOT = Path(__file__).resolve().parent.parent
PAGES = [scanned(p.read_text(encoding="utf-8")) for d in ("tests/texts", "data/minutes")
         for p in sorted((ROOT / d).rglob("*.txt"))]
ROWS = "".join(f"Ann Lee{i} - Chair, Eastvale Council\n" for i in range(5))
EDGES = ["Present:", "xPresent:", "-Present: a", "Apologies for absence: Ann", "PRESENT\nAnn", "In  attendance:",
         "Also\n present - x", "Members P A", "Board Members:", "P = Present", "Name | Role | Agency", "Name\n\nAgency",
         "Present:Present:", "Attendees Attendees:", "", "P", "a Members: b Members: c", ROWS,
         ROWS.replace(" - ", "\t-\t"), ROWS.replace(" - ", " – "), ROWS.replace(" - ", " —\t"),
         ROWS.replace(" - ", "- "), "Ann\nLee - Chair, Eastvale SAB\n" * 4, "Present:\n" + ROWS,
         # a run of four whose lines are two initialled ones and two dashed ones
         "Ann Lee (AL)   Independent Chair\nBen Ray (BR)   Head of Service\nCy Dunn - Eastvale Police\n"
         "Di Hart - Eastvale Council\n"]


def test_openings_are_the_pattern_matches():
    assert layout._OPENING is not None  # the fast form is in use
    for text in EDGES + PAGES:
        assert [m.span() for m in layout._openings(text)] == [m.span() for m in layout._OPEN.finditer(text)], text[:80]


def test_dash_gate_passes_every_page_with_a_run():
    assert layout._DASH_GATE
    runs = 0
    for text in EDGES + PAGES:
        found = layout._with_record_runs(text, [])
        runs += bool(found)
        initialled = layout._initials_lines(text)
        if not layout._dashes_at_least(text, layout._RUN - len(initialled)) and len(initialled) < layout._RUN_INITIALS:
            assert found == [], text[:80]
    assert runs >= 4  # the rows above, with spaces, tabs and either dash


def test_regions_as_before(monkeypatch):
    """The regions with the gate and the fast openings: those of the plain scan and runs."""
    fast = []
    for text in EDGES + PAGES:
        layout._attendance_regions.cache_clear()
        fast.append(layout.attendance_regions(text))
    monkeypatch.setattr(layout, "_openings", lambda text: list(layout._OPEN.finditer(text)))
    monkeypatch.setattr(layout, "_dashes_at_least", lambda text, n: True)
    for text, got in zip(EDGES + PAGES, fast, strict=True):
        layout._attendance_regions.cache_clear()
        assert layout.attendance_regions(text) == got, text[:80]
    layout._attendance_regions.cache_clear()
    assert any(fast)


def test_initialled_lines_split_by_commas_open_a_list_though_the_page_has_no_spaced_dash():
    """The spaced-dash gate must not hide a run of initialled lines whose columns are split by
    commas: three of them are a list on their own."""
    text = ("Westshire Safeguarding Adults Board\nMinutes of 3 May 2024\n\n"
            "Ann Lee (AL), Independent Chair\nBen Ray (BR), Head of Adult Social Care, Westshire Council\n"
            "Cy Dunn (CD), Detective Superintendent, Westshire Police\n\n1. Welcome\nThe Chair welcomed members.\n")
    assert not layout._dashes_at_least(text, layout._RUN)
    start = text.index("Ann Lee")
    end = text.index("\n\n1.")
    assert [(r.kind, r.start, r.end) for r in layout.attendance_regions(text)] == [("attendance", start, end)]


def test_two_initialled_lines_and_two_dashed_ones_are_a_list():
    """The gate counts a run's initialled lines with its dashed ones: two and two make a run of four."""
    text = EDGES[-1]
    layout._attendance_regions.cache_clear()
    assert [(r.kind, r.start) for r in layout.attendance_regions(text)] == [("attendance", 0)]
