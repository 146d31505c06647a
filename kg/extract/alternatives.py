"""Every match of each of several patterns over one page, found together.

The kinds of review (seven patterns) are each run over the whole page, each through
``kg.extract.scan``: tried at the places where one of its literals stands. Most of those places
are shared and most fail ("review" in prose), so each pattern paid a call, a plan and an
attempt per place.

Here the patterns are joined into one alternation, each alternative in a named group, and
that is tried once at each place where one of their literals stands (the joined pattern's own
literals: the union of theirs). Where it fails, none of the patterns matches there. Where it
succeeds, its ``lastgroup`` names the first pattern that matches there (none before it does),
and the patterns after that one are asked in turn: every pattern that matches at the place,
with no attempt of the others. Each pattern's matches are then read left to right, each taken
where the last one taken ended (``finditer``'s rule: the leftmost match from where the last
ended). One alternation per group of patterns is compiled (re compiles in Python: an
alternation of the patterns after each one, tried instead of asking them in turn, cost more at
start-up, about 400 M instructions for the board heads, than it saved on a hundred pages). The
board heads (thirty patterns, ten of them opening with "Safeguarding") stay with ``scan``:
asking the patterns after the first in turn where one matches cost more than it saved there.

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

    __slots__ = ("patterns", "_joined", "_prefix")

    def __init__(self, patterns: Sequence[re.Pattern]) -> None:
        self.patterns = tuple(patterns)
        self._joined: re.Pattern | None = None  # the alternation of all of them, or None: one by one
        self._prefix = "_a"
        flags = {p.flags for p in self.patterns}
        if len(flags) != 1:
            return
        try:
            joined = re.compile("|".join(f"(?P<{self._prefix}{j}>{p.pattern})" for j, p in enumerate(self.patterns)),
                                flags.pop())
        except re.error:  # a global flag inside a pattern, a group name used twice
            return
        if scan.scanner(joined).starts_with:  # else no places to try it at
            self._joined = joined

    def matches(self, text: str) -> list[list[re.Match]]:
        """For each pattern, in order, ``list(pattern.finditer(text))``."""
        places = scan.scanner(self._joined).places(text) if self._joined is not None else None
        if places is None:
            return [list(scan.finditer(p, text)) for p in self.patterns]
        patterns, n, cut = self.patterns, len(self.patterns), len(self._prefix)
        at: list[list[re.Match]] = [[] for _ in range(n)]  # per pattern: its matches at the places, in order
        joined = self._joined.match  # type: ignore[union-attr]
        last = -1
        for p in places:
            if p == last:
                continue  # two literals starting at one place ("child", "children")
            last = p
            m = joined(text, p)
            if m is None:
                continue  # no pattern matches here: the common case, one attempt for all of them
            first = int(m.lastgroup[cut:])  # type: ignore[index]  # the first pattern that matches here
            at[first].append(patterns[first].match(text, p))  # type: ignore[arg-type]  # (its own groups)
            for j in range(first + 1, n):  # the patterns after it, each asked (the first: none before it)
                mj = patterns[j].match(text, p)
                if mj is not None:
                    at[j].append(mj)
        out: list[list[re.Match]] = []
        for found in at:
            kept: list[re.Match] = []
            pos = 0
            for m in found:
                p = m.start()
                if p < pos:
                    continue  # inside the match taken before
                kept.append(m)
                pos = m.end() if m.end() > p else p + 1
            out.append(kept)
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
