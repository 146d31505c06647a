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
