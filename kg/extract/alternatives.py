"""Every match of each of several patterns over one page, found together.

Board heads (about thirty patterns) and the kinds of review (seven) are each run over the
whole page, each through ``kg.extract.scan``: tried at the places where one of its literals
stands. Most of those places are shared ("safeguarding" opens ten board heads) and most fail
(the word in lower case, in prose), so each pattern paid a call, a plan and an attempt per
place: about 90 attempts a page for eight matches.

Here the patterns are joined into one alternation, each alternative in a named group, and
that is tried once at each place where one of their literals stands (the joined pattern's own
literals: the union of theirs). Where it fails, none of the patterns matches there. Where it
succeeds, its ``lastgroup`` names the first pattern that matches there; the alternation of the
patterns after that one says which next, and so on: every pattern that matches at the place,
with no attempt of the others. Each pattern's matches are then those places read left to
right, each taken where the last one taken ended (``finditer``'s rule: the leftmost match
from where the last ended), and matched by the pattern itself (its own groups).

Why it is exact: an alternation tries its alternatives in order at a place and fails only
when each of them fails there (each alternative is the pattern as written, with the same
flags, reading the same text around the place); a pattern's match starts with one of its
literals (``scan.prefixes``), so the joined pattern's places hold every place where any of
them matches. ``tests/test_alternatives.py`` compares the result with each pattern's own
``finditer`` on every text of the project. Patterns that cannot be joined (different flags,
a literal-less pattern, a page the literal search cannot read) go through ``scan`` one by one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract import scan


class Alternatives:
    """Patterns whose every match ``matches`` returns, pattern by pattern."""

    __slots__ = ("patterns", "_tails", "_prefix", "_flags")

    def __init__(self, patterns: Sequence[re.Pattern]) -> None:
        self.patterns = tuple(patterns)
        # _tails[k]: the alternation of patterns[k:], compiled when first needed (re compiles in
        # Python: the thirty of the board heads cost more at start-up than the pages they serve)
        self._tails: list[re.Pattern | None] = []
        self._prefix = "_a"
        self._flags = 0
        flags = {p.flags for p in self.patterns}
        if len(flags) != 1:
            return
        self._flags = flags.pop()
        try:
            first = self._compile(0)
        except re.error:  # a global flag inside a pattern, a group name used twice (then in every tail)
            return
        if not scan.scanner(first).starts_with:
            return  # a pattern with no literal to start from: no places to try the alternation at
        self._tails = [first] + [None] * (len(self.patterns) - 1)

    def _compile(self, k: int) -> re.Pattern:
        return re.compile("|".join(f"(?P<{self._prefix}{j}>{p.pattern})"
                                   for j, p in enumerate(self.patterns) if j >= k), self._flags)

    def _tail(self, k: int) -> re.Pattern:
        tail = self._tails[k]
        if tail is None:
            tail = self._tails[k] = self._compile(k)
        return tail

    def matches(self, text: str) -> list[list[re.Match]]:
        """For each pattern, in order, ``list(pattern.finditer(text))``."""
        places = scan.scanner(self._tail(0)).places(text) if self._tails else None
        if places is None:
            return [list(scan.finditer(p, text)) for p in self.patterns]
        n = len(self.patterns)
        at: list[list[int]] = [[] for _ in range(n)]  # per pattern: the places where it matches
        tail, cut = self._tail, len(self._prefix)
        last = -1
        for p in places:
            if p == last:
                continue  # two literals starting at one place ("child", "children")
            last = p
            k = 0
            while k < n:
                m = tail(k).match(text, p)
                if m is None:
                    break
                j = int(m.lastgroup[cut:])  # type: ignore[index]  # the first of patterns[k:] that matches
                at[j].append(p)
                k = j + 1
        out: list[list[re.Match]] = []
        for pattern, starts in zip(self.patterns, at, strict=True):
            found: list[re.Match] = []
            pos = 0
            for p in starts:
                if p < pos:
                    continue  # inside the match taken before
                m = pattern.match(text, p)
                assert m is not None  # it matched there in the alternation
                found.append(m)
                pos = m.end() if m.end() > p else p + 1
            out.append(found)
        return out


_MADE: dict[tuple[int, ...], Alternatives] = {}


def alternatives(patterns: Sequence[re.Pattern]) -> Alternatives:
    """The ``Alternatives`` of ``patterns`` (made once, kept by the patterns' ids; it holds
    the patterns, so an id is not reused while kept)."""
    key = tuple(map(id, patterns))
    got = _MADE.get(key)
    if got is None or any(a is not b for a, b in zip(got.patterns, patterns, strict=True)):
        got = _MADE[key] = Alternatives(patterns)
    return got
