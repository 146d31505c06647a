"""Sentences with character offsets: the unit that every fact's evidence points at.

Minutes are not tidy prose: headings, bullet points, "Meeting: 21/12/2021 - Cabinet"
lines and text cut mid-sentence. We split on line breaks first (a line is never part of
two facts' sentences), then inside a line on sentence punctuation, and keep offsets into
the original text so provenance can point at the exact characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {"mr", "mrs", "ms", "dr", "st", "no", "cllr", "prof", "rev", "e.g", "i.e", "etc", "vs", "approx", "inc",
           "ltd", "co", "dept", "govt", "supt", "insp", "sgt", "fr", "revd", "det", "capt",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_BULLET = re.compile(r"^[\s·•▪◦‣∙●○\-–—*o]*(?:\(?[ivxlcdm]+\)|\(?[a-z]\)|\d+(?:\.\d+)*\.?|\(?\d+\))?[\s·•▪◦‣∙●○\-–—*]*")
_PREV_WORD = re.compile(r"(\w[\w.]*)\Z")  # \Z, not $: "$" also matches before a last "\n"
_SENT_END = re.compile(r"[.!?][.!?]*[’”\"')\]]*\s+(?=[A-Z0-9“\"‘'(•·])")
"""A sentence end: full stops, question or exclamation marks, closing quotes, spaces, then what
starts a sentence. ``[.!?][.!?]*``, not ``[.!?]+``: the same matches, but a class first lets
``re`` jump between the marks in a tight loop instead of trying the pattern at every character."""
_STOP_END = re.compile(r"\." + _SENT_END.pattern[len("[.!?]"):])
"""``_SENT_END`` on a line with no "!" and no "?" (most lines): its first mark can only be a full
stop, and a literal first is what ``re`` finds fastest (a search for one character, where a class
costs a call per character, seven times the instructions)."""

# a bracket's words, no bracket inside (posts after names, "(Director, Eastvale Council)"): the people and chair
# passes blank or drop them
BRACKETED = re.compile(r"\([^()\n]*\)")
COLUMN_GAP = re.compile(r"[^\S\n]{3,}|\t")
"""A table's cell edge in text turned from a table: a tab, or a run of three spaces or more ("Ann Lee       Eastvale
Council      Director")."""


def after_column_gap(cell: str) -> str:
    """What follows the last cell edge (``COLUMN_GAP``) in ``cell``, or all of it: "Ann Lee<TAB>Eastvale Police" is
    a name's cell then the agency's."""
    if "\t" not in cell and "   " not in cell:
        return cell
    *_, last = COLUMN_GAP.finditer(cell)
    return cell[last.end():]


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, roughly: after the last full stop or line break before it
    (for readers with no sentence split at hand)."""
    stop = text.rfind(". ", 0, pos)
    return max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, pos) + 1)


DIGIT = r"[^\x00-/:-\u065f](?<=\d)"
"""``\\d`` written for a pattern that opens with it: a class of the ASCII digits and of every
character from U+0660 on (the first decimal digit past ASCII; Latin-1 has none), written negated
(everything but the characters below U+0660 that are no ASCII digit: a class of U+0660 to the
end of Unicode takes ``re`` 7 ms to compile, this one 0.5 ms), then the look-behind ``\\d`` for
the rest. A class that opens a pattern is what ``re`` jumps to in a tight loop, a range test a
character, where ``\\d`` costs a Unicode table look-up at every character (and a look-behind
before it stops the jump): the same matches, a third of the instructions on a page of figures
(tests/test_text_fast.py)."""


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


_CLOSING = frozenset(".:;?!,")
_JOIN_WORDS = frozenset(("and", "of", "the", "for", "to", "&", "in", "a"))


def _is_heading(text: str) -> bool:
    """A title or heading: unpunctuated, at most 14 words, and most of its words capitalised
    or joiners. ``text`` is stripped (every caller's is), so its last character decides the
    punctuation at once, and a split into 16 pieces at most says whether it has over 14 words
    (a long unpunctuated run is not split whole)."""
    if text[-1:] in _CLOSING:
        return False
    words = text.split(None, 15)
    if not words:
        return True
    if len(words) > 14 or text.rstrip().endswith((".", ":", ";", "?", "!", ",")):
        return False
    # one loop, no list: the words that start with a letter, and those of them capitalised or joiners
    # (a word of ``split`` is never empty: its first character is ``w[:1]``)
    alpha = capitalised = 0
    for w in words:
        c = w[0]
        if c.isalpha():
            alpha += 1
            if c.isupper() or w.lower() in _JOIN_WORDS:
                capitalised += 1
    if not alpha:
        return True
    return capitalised / alpha >= 0.6


def _prev_word(line: str, lo: int, cut: int) -> str:
    """What ``_PREV_WORD.search(line[lo:cut])`` finds (lower-cased), or "": the word before a
    sentence end, from the maximal run of word characters and full stops that ends at ``cut``,
    less its leading full stops (the pattern's match starts at a word character). Read back
    from ``cut``, a few characters, where the pattern was tried at each of up to 40 places.
    A word character is what re's ``\\w`` is for text: ``isalnum()`` or "_"."""
    j = cut
    while j > lo and (line[j - 1].isalnum() or line[j - 1] in "._"):
        j -= 1
    while j < cut and line[j] == ".":
        j += 1
    return line[j:cut].lower()


def _split_line(line: str, base: int, line_no: int, out: list[Sentence]) -> None:
    """Split one line at sentence ends, skipping abbreviations and initials.

    A line that starts with a capital has no bullet (``_BULLET`` can take no capital), so
    the bullet pattern is not run on it; a piece that needs no cut (all but the rarest)
    becomes its sentence here, without a call to ``_emit``."""
    if line[0].isupper():
        start = 0
    else:
        m = _BULLET.match(line)
        start = m.end() if m and m.end() < len(line) else 0
    # (a sentence end opens with ".", "!" or "?": a line with none of them, a heading or a table's row, is
    # not scanned; three searches in C, where the pattern's class is tested at every character)
    ends = (_SENT_END.finditer(line, start) if "?" in line or "!" in line
            else _STOP_END.finditer(line, start) if "." in line else ())
    for end_m in ends:
        cut = end_m.start()
        word = _prev_word(line, max(start, cut - 40), cut)  # bounded: a long run stays linear
        if word in _ABBREV or (len(word) == 1 and word.isalpha()):
            continue
        piece_end = end_m.end()
        piece = line[start:piece_end]
        text = piece.strip()
        if not text or len(text) > MAX_SENTENCE:
            _emit(line, start, piece_end, base, line_no, out)
        else:
            s = start if not piece[0].isspace() else start + len(piece) - len(piece.lstrip())
            out.append(Sentence(text, base + s, base + s + len(text), line_no, _is_heading(text)))
        start = piece_end
    _emit(line, start, len(line), base, line_no, out)


MAX_SENTENCE = 3000
"""Characters in one sentence at most. A longer run (a list of thousands of items with no
full stop, a pasted table) is cut at a comma, semicolon or space before the limit, so
that work per sentence, which extractors may do per item, stays bounded and extraction
stays linear in the size of the text. Minutes' sentences are far shorter."""
_CUT = re.compile(r"[,;]\s|\s")
_PUNCT_CUT = re.compile(r"[,;]\s")


def _emit(line: str, s: int, e: int, base: int, line_no: int, out: list[Sentence]) -> None:
    piece = line[s:e]
    text = piece.strip()  # the same characters as ``isspace``, stripped in C
    if len(text) <= MAX_SENTENCE:  # the common case: one sentence, no cut
        if text:
            s += len(piece) - len(piece.lstrip())
            out.append(Sentence(text, base + s, base + s + len(text), line_no, _is_heading(text)))
        return
    s += len(piece) - len(piece.lstrip())
    e = s + len(text)
    while e - s > MAX_SENTENCE:
        window = line[s + MAX_SENTENCE // 2:s + MAX_SENTENCE]
        cuts = [m.end() for m in _CUT.finditer(window)]
        punct = [m.end() for m in _PUNCT_CUT.finditer(window)]
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
        if line and not line.isspace():  # (what ``line.strip()`` says, without a copy of the line)
            _split_line(line, pos, line_no, out)
        pos += len(line) + 1
    return tuple(out)


LONGEST_RUN = 300
"""Characters of one unbroken run (no whitespace) that extractors look at (a long URL fits)."""
_LONG_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")
_FILL = "\x00"  # not a space (sentence ends stay put), not a word character (no name goes on)


_SPACE = re.compile(r"\s")


def _may_hold_long_run(text: str) -> bool:
    """Whether ``text`` can hold a run of more than LONGEST_RUN non-space characters, from a
    look at every (LONGEST_RUN // 2)-th character instead of a scan of all of them (``_LONG_RUN``
    tries its count at every character: 40 us a page, nearly all of it on pages without one).
    Exact as a gate: such a run ``[a, b)`` holds the first multiple ``m`` of the step at or after
    ``a`` (``m < a + step``) and everything up to ``m + step`` (``m + step < a + 2 * step < b``), so
    some ``text[m:m + step + 1]`` has no whitespace."""
    step = LONGEST_RUN // 2
    space = _SPACE.search
    find = text.find
    for m in range(0, len(text) - step, step):
        # a plain space in the window answers at once (``find`` is a memchr in C, no match object);
        # only a window without one is searched for the other whitespace
        if find(" ", m, m + step + 1) < 0 and space(text, m, m + step + 1) is None:
            return True
    return False


def tame_long_runs(text: str) -> str:
    """``text`` with each run of more than LONGEST_RUN non-space characters filled with NUL
    after its first LONGEST_RUN (same length, so offsets hold). Why: patterns for names start
    at every capital and read up to a bounded word, so inside "O'Mac-Mac-Mac-..." each of
    them re-reads the run at every capital, for as long as the run goes; no name, title or
    board is hundreds of characters without a space. Only what extractors scan is tamed;
    evidence quotes the document's own text."""
    if len(text) <= LONGEST_RUN or not _may_hold_long_run(text) or not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda m: m.group()[:LONGEST_RUN] + _FILL * (len(m.group()) - LONGEST_RUN), text)


def fold(text: str) -> str:
    """Typographic quotes and dashes to ASCII, for matching only (never for output). An ASCII
    text (``isascii`` reads a flag the string keeps) has none of them: it is returned as it is,
    as the seven replacements would return it, without reading it seven times."""
    if text.isascii():
        return text
    return (text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
            .replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " "))


WRAP_MIN_WIDTH = 40
"""Narrowest line width taken for a page's wrap width (a narrow column still holds a sentence's words)."""
WRAP_MAX_WIDTH = 400
"""Widest: no page is set wider; longer lines are paragraphs on one line (and the width search
stays bounded however long a line is)."""
_NO_JOIN_END = (".", ":", ";", "!", "?", ".)", ".\"", ".”", ".'", ".’", "?\"", "?”", "!\"", "!”")
_RECORD_HEAD = r"(?:[A-Z][\w’'.-]*[ \t]+){1,4}[-–—][ \t]"
_ROW_HEAD = re.compile(r"[ \t]*(?:[·•▪◦‣∙●○\-–—*>|]|o[ \t]|\(?\d{1,3}(?:\.\d+)*[.)][ \t]|\d{1,3}(?:\.\d+)+[ \t]"
                       r"|\(?\d{1,3}\)"
                       r"|\(?[a-z]\)|\(?[ivx]{1,4}\)|" + _RECORD_HEAD + ")")
"""What opens a row of a list rather than the rest of a sentence: a bullet, a number or letter
("1.", "(a)", "iv)"), a table's "|", or "Name - Title" (attendance records). Anchored at the line's start and
bounded (at most 80 characters read), so each line costs the same whatever its length."""
# a signature's post line under the names ("Co-Chairs, Eastvale SAB", "Independent Chair"): never a sentence's rest
# (the whole line: "Independent\nChair, Eastvale SCB); Tom Rees ..." is a bracket wrapped mid-sentence)
_POST_LINE = re.compile(r"(?:Co-|Joint[ \t]+|Independent[ \t]+|Interim[ \t]+)?Chairs?(?:man|person)?"
                        r"(?:,[^\n.;:()]{1,60})?[ \t]*$")


_JOINERS = frozenset(("and", "of", "the", "for", "to", "&", "in", "a", "an", "on", "at", "with", "by"))


def _title_case(line: str) -> bool:
    """Nearly every word but the joiners capitalised: a title or heading, which a line of
    prose naming a board or two is not."""
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in _JOINERS]
    return bool(words) and 5 * sum(1 for w in words if w[:1].isupper()) >= 4 * len(words)


def _initial_end(line: str) -> bool:
    """The line's last full stop closes an initial or an abbreviation ("K.", "Cllr."), as in
    ``_split_line``: the sentence goes on."""
    word = line[line.rfind(" ") + 1:-1].lower() if line.endswith(".") else ""
    return (len(word) == 1 and word.isalpha()) or word in _ABBREV


def _gap_end(line: str) -> int:
    """Where a line's text starts after its bullet or number and the gap after it ("29.1     ")."""
    m = _BULLET.match(line, 0, min(len(line), 40))
    return m.end() if m else 0


_ROW_DASH = re.compile(r"[^\s-][^\n]{0,50}?[^\S\n][-–—][^\S\n]+[A-Z]")


def _rows_alike(line: str, nxt: str) -> bool:
    """Two rows of a list in one shape, a name, a spaced dash, then a capital ("Ann Lee - Eastvale
    Council" over "Tom Rees - Westshire Police"): rows, not a sentence wrapped."""
    return _ROW_DASH.match(line) is not None and _ROW_DASH.match(nxt) is not None


def _heading_over(line: str, nxt: str, full: int) -> bool:
    """A title-case line over a short title-case line that ends no sentence: a heading in two
    lines, or a heading over a subheading ("... Strategic Plan" / "Annual Report"), left as
    lines; a board's name wrapped in prose goes on with a full stop or lowercase words."""
    return (len(nxt) < full and nxt[:1].isupper() and not nxt.endswith((*_NO_JOIN_END, ","))
            and "," not in nxt and "," not in line and ". " not in nxt  # names listed go on with commas
            and _title_case(nxt) and _title_case(line))


def wrap_width(ends: Sequence[int]) -> int:
    """The page's full line width, or 0 when the lines show none; ``ends`` is each line's
    length without its trailing spaces.

    A hard-wrapped text layer (a PDF cut at a fixed width, a plain-text email at 72 or 80
    columns) has many lines that end near one length, and hardly any longer: the lines of a
    paragraph run to the width and only its last line stops short. Text whose paragraphs are
    each one line has no such cluster (paragraph lengths spread out), nor does a page of short
    lines (headings, lists), which stay under ``WRAP_MIN_WIDTH`` or make too few of their long
    lines. The width is the length W whose band [W - W/6, W] holds the most lines, counted
    with one histogram and its running sums (linear in the number of lines)."""
    lengths = [n if n <= WRAP_MAX_WIDTH else WRAP_MAX_WIDTH + 1 for n in ends if n]
    top = max(lengths, default=0)
    if len(lengths) < 4 or top < WRAP_MIN_WIDTH:
        return 0
    hist = [0] * (top + 2)
    for n in lengths:
        hist[n] += 1
    below = [0, *accumulate(hist)]  # below[n]: lines shorter than n
    best, best_band = 0, 0
    for w in sorted({n for n in lengths if WRAP_MIN_WIDTH <= n <= WRAP_MAX_WIDTH}):  # the lengths there are
        band = below[w + 1] - below[w - w // 6]
        longer = len(lengths) - below[w + 1]
        long_lines = len(lengths) - below[w // 2]  # lines of at least half the width
        # many of the long lines sit in the band (the others end paragraphs), hardly any runs past it
        if band > best_band and band >= 4 and 5 * band >= 2 * long_lines and 10 * longer <= band:
            best, best_band = w, band
    return best


def unwrap(text: str) -> str:
    """``text`` with each newline that only wraps a line (the line runs to the page's full
    width, does not end a sentence, and the next line goes on with words, not a new row)
    replaced by a space: the same length, so every offset holds (like ``tame_long_runs``).

    Why: ``sentences`` never crosses a line break, so in a hard-wrapped text layer every
    sentence that spans two lines is cut in two, and a chair, a partner or a theme written
    across the break is lost. The decision is the page's layout only: its wrap width
    (``wrap_width``), where a line stops and how the next one starts. Lists, tables (tabs,
    runs of spaces), attendance records, title-case headings and short lines keep their breaks.
    One pass over the lines; only a line that reaches the width is read, and only at its ends."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    ends = list(map(len, map(str.rstrip, lines)))
    # a table's row (columns apart: a tab or a run of spaces after its bullet) is set by its cells, not
    # wrapped at the page's width: two long rows under a page of prose would widen the width past its
    # lines ("Learning Group        Chair: Ann Lee, Head of Safeguarding, NHS Eastvale ICB")
    width = wrap_width([0 if n >= WRAP_MIN_WIDTH and ("\t" in line[:n] or "   " in line[_gap_end(line):n]) else n
                        for line, n in zip(lines, ends, strict=True)])
    if not width:
        return text
    full = width - width // 6  # a line at least this long reaches the width
    fits = width - width // 10  # the next line's first word would not have fit on this line
    start = width * 2 // 3  # shorter lines are not looked at (a long first word cuts a line short)
    joins = []
    for i in range(len(lines) - 1):
        if ends[i] < start or not ends[i + 1]:
            continue  # the common case, decided on two numbers
        line, nxt = lines[i][:ends[i]], lines[i + 1]
        head = nxt[:ends[i + 1]].lstrip()
        if ((line.endswith(_NO_JOIN_END) and not _initial_end(line)) or len(nxt) - len(head) > 8  # indented
                or len(line) + 1 + len(head[:41].split(None, 1)[0]) <= fits  # its first word would have fit
                or _ROW_HEAD.match(nxt, 0, min(len(nxt), 80)) or _POST_LINE.match(head)
                or "\t" in line or "   " in line[_gap_end(line):]  # columns (after a bullet's gap)
                or "\t" in head[:width] or "   " in head[:width]
                or _heading_over(line, head, full) or _rows_alike(line, head)):
            continue
        joins.append(i)
    if not joins:
        return text
    out = []
    prev = 0
    for i in joins:
        out.append("\n".join(lines[prev:i + 1]))
        prev = i + 1
    out.append("\n".join(lines[prev:]))
    return " ".join(out)


def scanned(text: str) -> str:
    """What extractors read in place of a document's text: long runs tamed, wrapped lines
    joined, every offset the same as in ``text``. One function, so that training builds its
    examples from the same text extraction scores at run time."""
    return unwrap(tame_long_runs(text))
