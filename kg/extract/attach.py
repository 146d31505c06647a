"""Which board a theme, review or statistic mention is about.

A document often names several boards (a children's partnership report that mentions the
adults board, the community safety board, the old LSCB). Crediting every theme of the
document to all of them states what the text does not say, so each mention is attached
to ONE board, the nearest that names one:

1. its sentence: a board named in the sentence; with several, the one nearest the mention
   (when its position is known), else the document's main board if it is among them
   ("this partnership board", "the Board" name the main board), else the first named;
2. its paragraph (lines up to the nearest blank line): the board named last before the
   sentence (a board named only after it has not yet become the topic);
3. its section: a board named in the nearest heading line above it;
4. else the document's main board, or none when the document names no board.

Only safeguarding boards and other multi-agency boards count; agencies and committees do
not. The result is a cluster index (the pipeline turns it into the board's local id).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from kg.extract.orgs import OrgCluster
from kg.extract.text import Sentence
from kg.ns import BOARD_KINDS

_GENERIC_REF = re.compile(r"\b(?:the|its|this|our)\s+(?:(?:partnership|safeguarding)\s+)?"
                          r"(?:Board|Partnership|board|partnership)\b(?!\s+(?:[A-Z]|of\b))")
_BLANK = re.compile(r"\n[ \t\u00a0]*\n")


@dataclass(frozen=True)
class _Named:
    start: int
    end: int
    board: int  # cluster index


class Attacher:
    """Board mentions of one document, indexed by offset, to attach mentions quickly."""

    def __init__(self, text: str, sentences: tuple[Sentence, ...], clusters: list[OrgCluster],
                 main: OrgCluster | None) -> None:
        self.text, self.sentences = text, sentences
        self.main = clusters.index(main) if main is not None and main in clusters else None
        named = [_Named(m.start, m.end, ci) for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS
                 for m in c.mentions]
        named.sort(key=lambda n: (n.start, n.board))
        self.named = named
        self.starts = [n.start for n in named]
        self.breaks = [m.start() for m in _BLANK.finditer(text)]
        self.sent_starts = [s.start for s in sentences]
        self.heading_starts = [s.start for s in sentences if s.heading]
        self.headings = [s for s in sentences if s.heading]
        self._known: dict[tuple[int, int, int | None], tuple[int | None, str]] = {}

    def _within(self, start: int, end: int) -> list[_Named]:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [n for n in self.named[lo:hi] if n.end <= end]

    def _sentence(self, start: int) -> Sentence | None:
        i = bisect_right(self.sent_starts, start) - 1
        return self.sentences[i] if i >= 0 and start < self.sentences[i].end else None

    def board(self, start: int, end: int, at: int | None = None) -> tuple[int | None, str]:
        """The board a mention in the span ``start..end`` (a sentence) is about, and the
        level that decided ("sentence", "paragraph", "section", "document" or "none").
        ``at`` is the mention's own offset when known (a review's name, a number).
        (Kept per span: a sentence's themes and figures ask for the same span again.)"""
        key = (start, end, at)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._board(start, end, at)
        return found

    def _board(self, start: int, end: int, at: int | None) -> tuple[int | None, str]:
        sent = self._sentence(start)
        s0, s1 = (sent.start, sent.end) if sent is not None else (start, end)
        s0, s1 = min(s0, start), max(s1, end)
        inside = self._within(s0, s1)
        generic = self.main is not None and bool(_GENERIC_REF.search(self.text, s0, s1))
        if inside:
            boards = {n.board for n in inside}
            if len(boards) == 1 and not (generic and self.main not in boards and at is None):
                return inside[0].board, "sentence"
            if at is not None:
                near = min(inside, key=lambda n: (min(abs(n.start - at), abs(n.end - at)), n.start))
                return near.board, "sentence"
            if generic or self.main in boards:
                return self.main, "sentence"
            return inside[0].board, "sentence"
        if generic:
            return self.main, "sentence"
        p0 = self.breaks[bisect_left(self.breaks, s0) - 1] if bisect_left(self.breaks, s0) > 0 else 0
        before = self._within(p0, s0)
        if before:
            return before[-1].board, "paragraph"
        h = bisect_right(self.heading_starts, s0) - 1
        if h >= 0 and self.headings[h].start < s0:
            head = self.headings[h]
            in_head = self._within(head.start, head.end)
            if in_head:
                return in_head[0].board, "section"
        if self.main is not None:
            return self.main, "document"
        return None, "none"
