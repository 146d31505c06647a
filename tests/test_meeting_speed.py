"""The meeting extractor's fast paths give the answers of the plain code they replaced: each
is checked here against that code (kept in this file as the reference) on random texts made
of the pieces the patterns look for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import meeting

_COUNCIL_PIECES = ["Council", "Councillor", "County Council", "Borough of", "City of", "London Borough of",
                   "Royal Borough of", "Eastvale", "Northshire", "Westmere", "Kingston", "and", "upon", "Thames",
                   "Full", "Town", "The", "the", "AB", "Metropolitan Borough", "District", "O'Neill-Smith",
                   "Hull-", " ", " ", "  ", "\n", ", ", ". ", "-", "’", "x", "é"]
_council_texts = st.lists(st.sampled_from(_COUNCIL_PIECES), max_size=120).map("".join)


def _council_matches_reference(text: str) -> list[re.Match]:
    """The code ``meeting._council_matches`` replaced: every needle's whole window scanned, all
    matches kept (the first window's at each start), then sorted."""
    found: dict[int, re.Match] = {}
    for needle in ("Council", "Borough of", "City of"):
        i = text.find(needle)
        while i >= 0:
            for m in meeting._COUNCIL.finditer(text, max(0, i - 120), min(len(text), i + len(needle) + 80)):
                if m.start() <= i < m.end():
                    found.setdefault(m.start(), m)
            i = text.find(needle, i + len(needle))
    return [found[k] for k in sorted(found)]


def _spans(ms) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in ms]


@settings(max_examples=400, deadline=None)
@given(_council_texts)
def test_council_matches_are_the_windows_matches_in_order(text):
    assert _spans(meeting._council_matches(text)) == _spans(_council_matches_reference(text))


def test_council_matches_lazy_order_on_crowded_needles():
    # needles closer than the look-back, a long name before a later needle, and a name that only a
    # later needle's window gives whole: the lazy walk must wait for them before answering
    text = ("The Royal Borough of Kingston upon Thames Council met. " * 3
            + "x" * 130 + "Eastvale and Northshire County Council, City of Westmere Council " + "y" * 200
            + "London Borough of Hull-Hull-Hull-Hull Council")
    assert _spans(meeting._council_matches(text)) == _spans(_council_matches_reference(text))
    assert _spans(meeting._council_matches(text))[0][1] == "Royal Borough of Kingston upon Thames"


# The patterns as they were written before being arranged for the engine (same matches wanted).
_COUNCIL_PLAIN = re.compile(r"\b(?:London Borough of|Royal Borough of|City of)\s+[A-Z][\w’'-]{1,40}"
                            r"(?:\s+(?:and|upon)\s+[A-Z][\w’'-]{1,40}|\s+[A-Z][\w’'-]{1,40})?|"
                            r"\b(?:[A-Z][\w’'-]{1,40}\s+(?:and\s+|upon\s+)?){1,3}"
                            r"(?:County Borough |Metropolitan Borough |County |City |Borough |District )?Council\b")
_TITLE_NAME_PLAIN = re.compile(r"(?<![\w’'&-])(?:[A-Z][\w’'&,-]*\s+"
                               r"(?:(?:[A-Z][\w’'&,-]*|and|&|of|for|the|in|on|upon)\s+){0,8}?)?"
                               + meeting._HEAD_TC
                               + r"(?:\s+" + meeting._HEAD_TC + r")*(?![\w-])" + meeting._NOT_AFTER_HEAD
                               + r"|(?<![\w-])(?:(?:[A-Z][A-Z’'&,-]*|AND|OF|FOR|THE|&)\s+){0,9}?" + meeting._HEAD_UC
                               + r"(?:\s+" + meeting._HEAD_UC + r")*(?![\w-])")
_TITLE_PIECES = ["Eastvale", "EASTVALE", "Safeguarding", "SAFEGUARDING", "Children", "Adults’", "Board", "BOARD",
                 "Partnership", "PARTNERSHIP", "Committee", "Sub-Committee", "SUB-COMMITTEE", "Cabinet", "Panel",
                 "Group", "Executive", "Trust", "Forum", "Members", "Officer", "Room", "and", "AND", "&", "of", "OF",
                 "the", "THE", "Health", "Well-being", "Minutes", "Meeting", "O'Neill", "’", "'", "-", ",", "(", ")",
                 ":", " ", " ", "  ", "\n", "\t", "x", "é", "1"]
_title_texts = st.lists(st.sampled_from(_TITLE_PIECES), max_size=60).map("".join)


def _all(pattern: re.Pattern, text: str, window: tuple[int, int]) -> list:
    a, b = window
    return (_spans(pattern.finditer(text)) + _spans(pattern.finditer(text, a, b))
            + [(m and (m.span(), m.group())) for p in range(len(text) + 1) for m in [pattern.match(text, p)]])


@settings(max_examples=300, deadline=None)
@given(_council_texts, st.integers(0, 300), st.integers(0, 300))
def test_council_pattern_matches_as_written_plainly(text, a, b):
    window = (min(a, b), max(a, b))
    assert _all(meeting._COUNCIL, text, window) == _all(_COUNCIL_PLAIN, text, window)


@settings(max_examples=300, deadline=None)
@given(_title_texts, st.integers(0, 200), st.integers(0, 200))
def test_title_name_pattern_matches_as_written_plainly(text, a, b):
    window = (min(a, b), max(a, b))
    assert _all(meeting._TITLE_NAME, text, window) == _all(_TITLE_NAME_PLAIN, text, window)


@settings(max_examples=300, deadline=None)
@given(_title_texts)
def test_title_names_stop_after_the_last_head_word_with_the_same_matches(line):
    assert _spans(meeting._title_names(line)) == _spans(_TITLE_NAME_PLAIN.finditer(line))


_ANY_DATE_PLAIN = re.compile(r"(?<![\d/.])(\d{1,2})(?:\s*(?:st|nd|rd|th|ST|ND|RD|TH)?\s*"
                             r"(?:of\s+)?(?i:" + meeting._MON + r")\.?,?\s*((?:19|20)\d{2})"
                             r"|[/.-](\d{1,2})[/.-]((?:19|20)\d{2}|\d{2})(?![\d/]))")
_DATE_PIECES = ["1", "12", "123", "٣", "2019", "1999", "20", "/", ".", "-", " ", "  ", "\n", "th", "ST", "of", "May",
                "mAY", "June", "Sept", "Sep", "x", "é", ",", "am", "’", "²"]
_date_texts = st.lists(st.sampled_from(_DATE_PIECES), max_size=60).map("".join)


def _groups(pattern: re.Pattern, text: str, window: tuple[int, int]) -> list:
    a, b = window
    return ([(m.span(), m.groups()) for m in pattern.finditer(text)]
            + [(m.span(), m.groups()) for m in pattern.finditer(text, a, b)]
            + [(m and (m.span(), m.groups())) for p in range(len(text) + 1) for m in [pattern.match(text, p)]])


@settings(max_examples=400, deadline=None)
@given(_date_texts, st.integers(0, 200), st.integers(0, 200))
def test_any_date_pattern_matches_as_written_plainly(text, a, b):
    window = (min(a, b), max(a, b))
    assert _groups(meeting._ANY_DATE, text, window) == _groups(_ANY_DATE_PLAIN, text, window)
