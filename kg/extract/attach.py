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

"The Board" in a board's own minutes is that board (the meeting's body), even when the page
names another board more often. A mention of a kind that belongs to one kind of board (a
safeguarding adults review is an adults board's, a child safeguarding practice review a
children's) prefers a board of that kind at each level: "The Board received a Safeguarding
Adults Review" after a sentence about the children's partnership is the adults board's.

Only safeguarding boards and other multi-agency boards count; agencies and committees do
not. The result is a cluster index (the pipeline turns it into the board's local id).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from kg.extract.orgs import OrgCluster, own_board
from kg.extract.text import Sentence
from kg.ns import BOARD_KINDS

# Written first letter first, the word boundary behind it and each word's rest behind a look-behind for its
# letter ("\b(?:[Tt]he|[Ii]ts|[Tt]his|[Oo]ur)\s+...", tests/test_speed10.py): re jumps from letter to letter
# instead of trying the boundary and four words at every character of the sentence.
_GENERIC_REF = re.compile(r"[TtIiOo](?<=\b[TtIiOo])(?:(?<=[Tt])(?:he|his)|(?<=[Ii])ts|(?<=[Oo])ur)\s+"
                          r"(?:(?:[Pp]artnership|[Ss]afeguarding)\s+)?"
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
                 main: OrgCluster | None, meeting_body: str | None = None) -> None:
        self.text, self.sentences = text, sentences
        self.main = clusters.index(main) if main is not None and main in clusters else None
        own = own_board(clusters, meeting_body)
        if own is not None:  # "The Board" in a board's own minutes: the meeting's board
            self.main = own
        self.kinds = [c.kind for c in clusters]
        named = [_Named(m.start, m.end, ci) for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS
                 for m in c.mentions]
        named.sort(key=lambda n: (n.start, n.board))
        self.named = named
        self.starts = [n.start for n in named]
        self.breaks = [m.start() for m in _BLANK.finditer(text)]
        self.sent_starts = [s.start for s in sentences]
        self.heading_starts = [s.start for s in sentences if s.heading]
        self.headings = [s for s in sentences if s.heading]
        self._known: dict[tuple[int, int, int | None, str | None], tuple[int | None, str]] = {}

    def _within(self, start: int, end: int) -> list[_Named]:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [n for n in self.named[lo:hi] if n.end <= end]

    def _sentence(self, start: int) -> Sentence | None:
        i = bisect_right(self.sent_starts, start) - 1
        return self.sentences[i] if i >= 0 and start < self.sentences[i].end else None

    def board(self, start: int, end: int, at: int | None = None,
              kind: str | None = None) -> tuple[int | None, str]:
        """The board a mention in the span ``start..end`` (a sentence) is about, and the
        level that decided ("sentence", "paragraph", "section", "document" or "none").
        ``at`` is the mention's own offset when known (a review's name, a number); ``kind``
        the kind of board the mention belongs to when it says (a review's), preferred where
        a level names boards of several kinds.
        (Kept per span: a sentence's themes and figures ask for the same span again.)"""
        key = (start, end, at, kind)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._board(start, end, at, kind)
        return found

    def _of_kind(self, named: list[_Named], kind: str | None) -> list[_Named]:
        """The boards of ``kind`` among ``named`` when there are any, else all of them."""
        if kind is None:
            return named
        fitting = [n for n in named if self.kinds[n.board] == kind]
        return fitting or named

    def _board(self, start: int, end: int, at: int | None, kind: str | None) -> tuple[int | None, str]:
        sent = self._sentence(start)
        s0, s1 = (sent.start, sent.end) if sent is not None else (start, end)
        s0, s1 = min(s0, start), max(s1, end)
        inside = self._within(s0, s1)
        if inside and kind is not None and self.main is not None and self.kinds[self.main] == kind \
                and not any(self.kinds[n.board] == kind for n in inside):
            return self.main, "sentence"  # "the children's partnership ... and the board received a SAR"
        inside = self._of_kind(inside, kind)
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
        if before and kind is not None and not any(self.kinds[n.board] == kind for n in before) \
                and self.main is not None and self.kinds[self.main] == kind:
            return self.main, "document"  # an adults review after talk of the children's board: the adults board
        before = self._of_kind(before, kind)
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
