"""Where on a page a pattern can match at all, from the page's shared literal search.

``kg.extract.scan`` tries a pattern only where its literals stand, but every call still
costs a generator, a look-up and a slice check; a pass that asks once per sentence pays
that for every sentence of the page, most of which hold none of the pattern's words.
``places`` reads, once per page, the offsets of the literals that every match of the
pattern starts with (``scan.prefixes``) or contains (``scan.required``), from the same
literal search the scanners share; ``may_match`` then says in a bisection whether a
stretch of the page holds one. Exact, not a heuristic: a match needs one of those
literals inside it (the invariant ``tests/test_text_speed.py`` checks for the scanners),
so a stretch without one has no match, and a stretch with one is scanned as before.

``holding`` is the one per-sentence gate (``scan.sentences_with``, a second copy that also
kept every sentence under 8 characters, is gone: on the bench pages it took 5.4/8.8/8.6 us a
page for the pipeline's replacements, reviews' case names and the statutory cues where
``holding`` takes 2.4/7.3/4.9, and kept more sentences to scan).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from kg.extract import scan
from kg.extract.text import Sentence


def places(pattern: re.Pattern, page: str) -> list[int] | None:
    """Sorted offsets in ``page`` where one of the literals of ``pattern``'s matches starts,
    or None when that is not known (no literal found for the pattern, or lower case
    changes the page's length): then every stretch may match. The pattern's scanner's own
    places (``scan.Scanner.places``): the same literals, read once, and the same page cache."""
    return scan.scanner(pattern).places(page)


def may_match(found: list[int] | None, start: int, end: int) -> bool:
    """Whether ``page[start:end]`` holds the start of one of the literals (``places``):
    False means no match of the pattern lies inside that stretch."""
    if found is None:
        return True
    i = bisect_left(found, start)
    return i < len(found) and found[i] < end


def holding(found: list[int] | None, sentences: Sequence[Sentence], starts: list[int]) -> list[int]:
    """The indices, in order, of the sentences (``starts``: their starts) holding the start of
    one of the literals (``places``); every sentence when that is not known. A pass over the
    few places instead of a test per sentence of the page."""
    if found is None:
        return list(range(len(sentences)))
    out: list[int] = []
    last = -1
    for p in found:
        i = bisect_right(starts, p) - 1
        if i > last and p < sentences[i].end:
            out.append(i)
            last = i
    return out
