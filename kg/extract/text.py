"""Sentences with character offsets: the unit that every fact's evidence points at.

Minutes are not tidy prose: headings, bullet points, "Meeting: 21/12/2021 - Cabinet"
lines and text cut mid-sentence. We split on line breaks first (a line is never part of
two facts' sentences), then inside a line on sentence punctuation, and keep offsets into
the original text so provenance can point at the exact characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {"mr", "mrs", "ms", "dr", "st", "no", "cllr", "prof", "rev", "e.g", "i.e", "etc", "vs", "approx", "inc",
           "ltd", "co", "dept", "govt",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_BULLET = re.compile(r"^[\s·•▪◦‣∙●○\-–—*o]*(?:\(?[ivxlcdm]+\)|\(?[a-z]\)|\d+(?:\.\d+)*\.?|\(?\d+\))?[\s·•▪◦‣∙●○\-–—*]*")
_PREV_WORD = re.compile(r"(\w[\w.]*)$")
_SENT_END = re.compile(r"[.!?]+[’”\"')\]]*\s+(?=[A-Z0-9“\"‘'(•·])")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or heading) and where it sits in the document."""

    text: str
    start: int
    end: int
    line: int
    heading: bool  # a title or heading line: short and unpunctuated

    def __len__(self) -> int:
        return self.end - self.start


def _is_heading(text: str) -> bool:
    words = text.split()
    if not words:
        return True
    if text.rstrip().endswith((".", ":", ";", "?", "!", ",")):
        return False
    if len(words) > 14:
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    joiners = ("and", "of", "the", "for", "to", "&", "in", "a")
    capitalised = sum(1 for w in alpha if w[:1].isupper() or w.lower() in joiners)
    return not alpha or capitalised / len(alpha) >= 0.6


def _split_line(line: str, base: int, line_no: int, out: list[Sentence]) -> None:
    """Split one line at sentence ends, skipping abbreviations and initials."""
    m = _BULLET.match(line)
    pos = m.end() if m and m.end() < len(line) else 0
    start = pos
    for end_m in _SENT_END.finditer(line, pos):
        cut = end_m.start()
        prev = _PREV_WORD.search(line[max(start, cut - 40):cut])  # bounded: a long run stays linear
        word = prev.group(1).lower() if prev else ""
        if word in _ABBREV or (len(word) == 1 and word.isalpha()):
            continue
        piece_end = end_m.end()
        _emit(line, start, piece_end, base, line_no, out)
        start = piece_end
    _emit(line, start, len(line), base, line_no, out)


MAX_SENTENCE = 3000
"""Characters in one sentence at most. A longer run (a list of thousands of items with no
full stop, a pasted table) is cut at a comma, semicolon or space before the limit, so
that work per sentence, which extractors may do per item, stays bounded and extraction
stays linear in the size of the text. Minutes' sentences are far shorter."""
_CUT = re.compile(r"[,;]\s|\s")


def _emit(line: str, s: int, e: int, base: int, line_no: int, out: list[Sentence]) -> None:
    while s < e and line[s].isspace():
        s += 1
    while e > s and line[e - 1].isspace():
        e -= 1
    while e - s > MAX_SENTENCE:
        window = line[s + MAX_SENTENCE // 2:s + MAX_SENTENCE]
        cuts = [m.end() for m in _CUT.finditer(window)]
        punct = [m.end() for m in re.finditer(r"[,;]\s", window)]
        cut = s + MAX_SENTENCE // 2 + (punct[-1] if punct else cuts[-1] if cuts else len(window))
        _emit(line, s, cut, base, line_no, out)
        s = cut
        while s < e and line[s].isspace():
            s += 1
    if e > s:
        text = line[s:e]
        out.append(Sentence(text, base + s, base + e, line_no, _is_heading(text)))


@lru_cache(maxsize=64)
def sentences(text: str) -> tuple[Sentence, ...]:
    """All sentences of ``text`` in order, with offsets into ``text``."""
    out: list[Sentence] = []
    pos = 0
    for line_no, line in enumerate(text.split("\n")):
        if line.strip():
            _split_line(line, pos, line_no, out)
        pos += len(line) + 1
    return tuple(out)


LONGEST_RUN = 300
"""Characters of one unbroken run (no whitespace) that extractors look at (a long URL fits)."""
_LONG_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")
_FILL = "\x00"  # not a space (sentence ends stay put), not a word character (no name goes on)


def tame_long_runs(text: str) -> str:
    """``text`` with each run of more than LONGEST_RUN non-space characters filled with NUL
    after its first LONGEST_RUN (same length, so offsets hold). Why: patterns for names start
    at every capital and read up to a bounded word, so inside "O'Mac-Mac-Mac-..." each of
    them re-reads the run at every capital, for as long as the run goes; no name, title or
    board is hundreds of characters without a space. Only what extractors scan is tamed;
    evidence quotes the document's own text."""
    if len(text) <= LONGEST_RUN or not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda m: m.group()[:LONGEST_RUN] + _FILL * (len(m.group()) - LONGEST_RUN), text)


def fold(text: str) -> str:
    """Typographic quotes and dashes to ASCII, for matching only (never for output)."""
    return (text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
            .replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " "))
