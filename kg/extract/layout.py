"""The layouts minutes are made of, recognised before any sentence rule runs.

A board's own minutes open with a header block (the body, the date, the place) and an
attendance list: "Present:", "Members:", "Apologies:", a table of board members with
P / A / DNA columns, or one line per person as "Name (INITIALS) - Title, Agency",
"Name - Title, Agency" or "Name Title, Agency". Text extraction often flattens those
tables into one long line, so a list is found as a *region* (from its opening word to the
first agenda item) and cut into *records* (person, title, agency) by the shapes above.

Partners use the regions (the agencies of those present are the board's members) and the
records (an agency in a record's agency column); the people and chairs rules can use
``person_records`` for "Name - Title" lines. Everything here is a handful of linear
regular-expression passes over the text: no pattern can backtrack across a whole line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.extract import scan

# Words that open an attendance list. Common words ("Members", "Present") only with a
# colon or alone on their line, so prose ("Members noted that...") never opens a list.
_OPEN = re.compile(
    r"(?:(?<![\w-])(?:Present|PRESENT|Attendees|ATTENDEES|Attendance|ATTENDANCE|In\s+[Aa]ttendance|IN\s+ATTENDANCE"
    r"|Also\s+(?:[Pp]resent|in\s+attendance)|Members(?:\s+[Pp]resent)?|MEMBERS(?:\s+PRESENT)?|Board\s+[Mm]embers"
    r"|Apologies(?:\s+for\s+[Aa]bsence)?|APOLOGIES(?:\s+FOR\s+ABSENCE)?|Guests|Officers(?:\s+[Pp]resent)?|Attending"
    r"|Invited|Observers?)\s*(?::|-\s|–|(?=\s*\n)))"
    r"|(?<![\w-])(?:Board\s+)?Members?\s+P\s+A\b"  # a P / A / DNA table header
    r"|(?<![\w-])P\s*=\s*Present\b"
    # a table's column headers: "Name Organisation/Agency", "Members Title Representing", "Name Role Agency",
    # "Attendance Initials Agency"
    # (cells apart by spaces, tabs or a markdown table's pipes)
    r"|(?<![\w-])(?:Name|NAME|Members?|MEMBERS?|Attendees?|Attendance)[ \t]*\|?\s*"
    r"(?:Initials?[ \t]*\|?\s*)?"  # "Meeting Attendance   Initials   Agency"
    r"(?:(?:Job\s+)?(?:Title|Role|Position|Designation)[ \t]*\|?\s*)?"
    r"(?:Organi[sz]ations?|Agency|Agencies|Representing|Service)(?:\s*/\s*Agency)?(?![\w-])")
_CLOSE = re.compile(
    r"(?m)^[ \t]*(?:Item\s+)?(?:1|One)[.):]?[ \t]+[A-Z]"  # the first agenda item on its own line
    r"|(?<![\w.])(?:Item\s+1|1\.|1\))[ \t]+(?:Welcome|Introductions?|Apologies|Minutes|Declarations?|Notes|Chair)"
    r"|(?<![\w-])(?:Welcome\s+and\s+[Ii]ntroductions|WELCOME\s+AND\s+INTRODUCTIONS)")
_MAX_REGION = 4000  # an attendance list longer than this is not a list any more
_GAP = 400  # lists this close together are one region ("Present: ... Apologies: ...")
_MIN_LIST = 40  # a blank line this soon after the opening word is inside the list

_NAME = (r"(?:(?:Cllr\.?|Councillor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Prof\.?|Sir|Dame|Rev\.?)\s+)?"
         r"[A-Z][\w’'.-]{0,30}(?:\s+[A-Z][\w’'.-]{0,30}){0,3}")
# "Name (AB) - Title, Agency": the initials make it certain
_REC_INITIALS = re.compile(rf"(?P<person>{_NAME})\s*\((?P<init>[A-Z][A-Za-z’'-]{{0,3}})\)\s*[-–—:,]?\s*")
# a name's particles and a capital with an accent ("Jan van der Berg", "Ioan ap Gwyn", "Seán Ó Ceallaigh")
NAME_PARTICLES = frozenset({"de", "da", "di", "du", "la", "le", "van", "von", "der", "den", "ten", "ap", "ab", "bin",
                            "al", "el", "Ó", "Ní", "Nic", "Mac", "Ua"})
_NAME_PARTICLED = (r"(?:(?:Cllr\.?|Councillor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Prof\.?|Sir|Dame|Rev\.?)\s+)?"
                   r"[A-ZÀ-ÖØ-Þ][\w’'.-]{0,30}(?:[ \t]+(?:(?:de|da|di|du|la|le|van|von|der|den|ten|ap|ab|bin|al|el"
                   r"|Ó|Ní|Nic|Ua)[ \t]+){0,2}[A-ZÀ-ÖØ-Þ][\w’'.-]{0,30}){0,3}")
# "Name - Title, Agency" at the start of a line
_REC_DASH = re.compile(rf"(?m)^[ \t•·*-]*(?P<person>{_NAME_PARTICLED})[ \t]+[-–—][ \t]+(?P<rest>[^\n]{{3,200}})$")
# "Neil SmithChief Executive, Agency": a name glued to its title by a flattened table
_REC_GLUED = re.compile(r"(?m)^[ \t•·*-]*(?P<person>[A-Z][a-z’'-]+\s+(?:Mc|Mac|O’|O')?[A-Z][a-z’'-]+?)(?=[A-Z][a-z])"
                        r"(?P<rest>[^\n]{3,200})$")
# "Name, Title, Agency" at the start of a line: a list's rows written as prose, the comma after
# two to four capitalised words the name's end (inside lists only; a line ending in a full stop
# is a sentence: "Ann Lee, Director of Public Health, confirmed that ...")
_REC_COMMA = re.compile(r"(?m)^[ \t•·*-]*(?P<person>(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
                        r"[A-Z][a-z’'-]+(?:[ \t]+[A-Z][a-z’'.-]*){1,3}),[ \t]+(?P<rest>[A-Z][^\n]{1,150}[^\n.])$")
# "Name Title, Agency" at the start of a line: two capitalised words then a title head
_REC_PLAIN = re.compile(r"(?m)^[ \t•·*|-]*(?P<person>(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms)\.?[ \t]+)?[A-Z][a-z’'-]+[ \t]+"
                        r"(?:Mc|Mac|O’|O')?[A-Z][a-z’'-]+)[ \t|]+(?P<rest>(?:[A-Z][\w’'&-]*[ \t]+){0,4}?"
                        r"(?:Director|Manager|Chair|Head|Officer|Lead|Chief|Superintendent|Inspector|Nurse|Doctor"
                        r"|Commissioner|Councillor|Member|Executive|Consultant|Coordinator|Co-ordinator|Adviser"
                        r"|Advisor|Principal|Headteacher|Representative|Governor|Safeguarding|Scrutineer|Convenor)\b[^\n]{0,200})$")


@dataclass(frozen=True)
class Region:
    """An attendance or membership list: ``start``..``end`` in the document's text."""

    kind: str  # "attendance" (present, members, tables) or "apologies"
    start: int
    end: int


@dataclass(frozen=True)
class Record:
    """One person's line of an attendance list or a "Name - Title, Agency" line."""

    shape: str  # "initials", "dash", "comma", "glued" or "plain": which layout recognised it
    person: str
    title: str
    agency: str
    start: int
    end: int
    agency_start: int  # where the agency text starts (== end when there is none)
    in_list: bool  # inside an attendance region


def attendance_regions(text: str) -> list[Region]:
    """Attendance and membership lists, each from its opening word to the first agenda
    item (or at most ``_MAX_REGION`` characters); lists close together are joined.
    Worked out once for the last few texts (people and partners, twice, ask for the same
    page's); each caller gets its own list."""
    return list(_attendance_regions(text))


@lru_cache(maxsize=16)
def _attendance_regions(text: str) -> tuple[Region, ...]:
    out: list[Region] = []
    for m in _openings(text):
        if out and m.start() < out[-1].end:
            continue
        close = _CLOSE.search(text, m.end() + 1, min(len(text), m.end() + _MAX_REGION))
        end = close.start() if close else min(len(text), m.end() + _MAX_REGION)
        if not close:
            # no agenda item found: stop at the first blank-line gap followed by prose, or by a
            # heading line and then prose ("2. Westshire Safeguarding Adults Board Annual Report"
            # over the item's minutes: no list line is a paragraph)
            para = text.find("\n\n", m.end() + _MIN_LIST, end)
            while para != -1:
                lines = text[para + 2:para + 402].split("\n")[:2]
                if any(len(nxt) > 150 and nxt.count(". ") >= 1 for nxt in lines):
                    end = para
                    break
                para = text.find("\n\n", para + 2, end)
        kind = "apologies" if m.group().lower().startswith("apolog") else "attendance"
        if out and m.start() - out[-1].end <= _GAP and end - out[-1].start <= 2 * _MAX_REGION:
            prev = out.pop()
            out.append(Region(prev.kind if prev.kind == "attendance" else kind, prev.start, max(prev.end, end)))
        else:
            out.append(Region(kind, m.start(), end))
    # (the runs of "Name - Agency" lines need _RUN of them: most pages have too few spaced dashes;
    # a run of initialled lines needs _RUN_INITIALS of them, whatever separates their columns)
    initialled = _initials_lines(text)
    # (a run counts its dashed and its initialled lines together: with three initialled lines a single dashed
    # one may complete a run of four)
    if _dashes_at_least(text, _RUN - len(initialled)) or len(initialled) >= _RUN_INITIALS:
        return tuple(_with_record_runs(text, out, initialled))
    return tuple(out)


_OPENING = scan.Found.of(_OPEN)
"""``_OPEN``'s matches found from the characters they can start with (``scan.Found``: re jumps
from candidate to candidate in C where the guarded form enters its look-ahead at every character
of the page; less than half the instructions). None when those characters cannot be read."""


def _openings(text: str) -> list[re.Match]:
    """``_OPEN.finditer(text)``'s matches."""
    return list(_OPENING.finditer(text) if _OPENING is not None else scan.finditer(_OPEN, text))


_SPACED_DASH = re.compile(r"[ \t][-–—][ \t]")
_DASH_GATE = r"[ \t]+[-–—][ \t]+" in _REC_DASH.pattern
"""Whether every match of ``_REC_DASH`` holds a dash with a space or tab on each side (its form
when this gate was written; if it changes, the gate is off and every page is scanned)."""


def _dashes_at_least(text: str, n: int) -> bool:
    """Whether ``text`` may hold ``n`` matches of ``_REC_DASH``: each holds a spaced dash
    (``_DASH_GATE``) and ends its line, so two never share one, and fewer than ``n`` spaced
    dashes (counted in C: ``str.count`` when the text has no tab, a dash between spaces then)
    mean fewer than ``n`` matches, and ``_with_record_runs`` finds no run of ``_RUN`` lines:
    two thirds of pages, whose scan by ``_REC_DASH`` (a third of a million instructions a
    page, tried at every line) is saved."""
    if not _DASH_GATE:
        return True
    if "\t" in text:
        return len(_SPACED_DASH.findall(text)) >= n
    return text.count(" - ") + text.count(" – ") + text.count(" — ") >= n


_RUN = 4  # this many "Name - Agency" lines in a row are a list even without a "Present:" above them
_RUN_INITIALS = 3  # ... or this many "Name (AB) - Title, Agency" lines: the initials make each line certain


def _with_record_runs(text: str, regions: list[Region],
                      initial_lines: list[tuple[int, int, bool]] | None = None) -> list[Region]:
    """Regions plus the lists that open with no heading: a run of at least ``_RUN``
    consecutive "Name - Title, Agency" lines, or of ``_RUN_INITIALS`` with the person's
    initials in brackets ("Name (AB) - Title", agency or not), blank lines between them
    allowed, as a board's minutes often list those present straight under the title."""
    if initial_lines is None:
        initial_lines = _initials_lines(text)
    lines = sorted([(m.start(), m.end(), False) for m in _REC_DASH.finditer(text)] + initial_lines)
    runs: list[tuple[int, int]] = []
    first = last = -1
    count = initialled = 0
    for a, b, init in lines:
        if count and a >= last and not text[last:a].strip():
            last, count, initialled = b, count + 1, initialled + init
            continue
        if count >= _RUN or initialled >= _RUN_INITIALS:
            runs.append((first, last))
        first, last, count, initialled = a, b, 1, int(init)
    if count >= _RUN or initialled >= _RUN_INITIALS:
        runs.append((first, last))
    if not runs:
        return regions
    starts = [r.start for r in regions]
    added = []
    for a, b in runs:
        b = min(b, a + _MAX_REGION)  # as long as a list can be, like the lists found by their heading
        i = bisect_right(starts, a) - 1
        if (i >= 0 and a < regions[i].end) or (i + 1 < len(regions) and regions[i + 1].start < b):
            continue  # inside or across a list already found
        added.append(Region("attendance", a, b))
    return sorted(regions + added, key=lambda r: r.start)


_INITIALS_MARK = re.compile(r"\(([A-Z][A-Za-z’'-]{0,3})\)")
_LINE_NAME = re.compile(rf"[ \t•·*-]*(?P<person>{_NAME})[ \t]*")


def _initials_lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, True) of each line that opens with a name and its initials in brackets
    ("Ann Lee (AL) - Independent Chair"): found from the brackets (rare) back to the line's
    start, not by a pattern tried at every line."""
    out: list[tuple[int, int, bool]] = []
    done = -1
    for m in _INITIALS_MARK.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        if ls <= done:
            continue  # a second bracket on a line already taken
        nm = _LINE_NAME.fullmatch(text, ls, m.start())
        if nm and _person_by_initials(nm.group("person"), m.group(1)):
            le = text.find("\n", m.end())
            done = ls
            out.append((ls, len(text) if le < 0 else le, True))
    return out


_NOT_AGENCY = re.compile(r"(?i)(?:(?:vice|deputy)[- ]?)?chair(?:man|person)?$|(?:in\s+the\s+)?chair$|minutes?$|clerk$"
                         r"|observer$|deputis\w*|deputiz\w*|items?\b|for\s+items?\b|part\b")


_BRACKET_END = re.compile(r"\(([^()]{2,80})\)\s*$")


def _split_rest(rest: str) -> tuple[str, str, int]:
    """"Title, Agency" -> (title, agency, offset of agency in rest); a bracketed last part
    ("Chief Supt (Police)") or a last comma part is the agency."""
    rest = rest.rstrip(" \t.;|")
    sep = "|" if "|" in rest else "\t" if "\t" in rest else ""
    if sep:  # a table's row: "Title | Agency" (a text table) or "Title<TAB>Agency" (an HTML table)
        cut = rest.rfind(sep)
        agency = rest[cut + 1:].strip()
        title = rest[:rest.find(sep)].strip()
        return title, agency, rest.index(agency, cut) if agency else len(rest)
    cut = rest.rfind(",")
    if cut > 0:
        agency = rest[cut + 1:].strip()
        return rest[:cut].strip(), agency, rest.index(agency, cut) if agency else len(rest)
    br = _BRACKET_END.search(rest)
    if br and not _NOT_AGENCY.match(br.group(1).strip()):
        return rest[:br.start()].strip(), br.group(1).strip(), br.start(1)
    return rest.strip(), "", len(rest)


_DASH_TITLE = re.compile(r"\b(?:Chair|Director|Manager|Officer|Lead|Head)\b")


_ATTENDANCE_MARKS = re.compile(r"(?:\s+(?:[PAR]|DNA|D/R|Y|N|✓|x))+\s*$")


def records(text: str, regions: Sequence[Region] | None = None, lists_only: bool = False) -> list[Record]:
    """Every person record, in text order: inside attendance regions all four shapes,
    elsewhere only the certain ones ("Name (AB) - ..." and "Name - Title, Agency" lines).
    ``lists_only``: look inside the regions only (what partners need; cheaper).

    Worked out once for the last few (text, regions) pairs: people and partners (twice) ask
    for the same page's lists-only records in turn. Each caller gets its own list (the records
    are frozen)."""
    regions = attendance_regions(text) if regions is None else regions
    return list(_records(text, tuple(regions), lists_only))


# each "Name (AB)" record's start found from a capital letter (every match starts with one), not
# tried at every character of the lists: ``scan.Found``, the same matches as ``_REC_INITIALS``
_REC_INITIALS_FOUND = scan.Found.of(_REC_INITIALS) or _REC_INITIALS


@lru_cache(maxsize=8)
def _records(text: str, regions: tuple[Region, ...], lists_only: bool) -> tuple[Record, ...]:
    """``records``' answer (see there), kept by its arguments."""
    starts = [r.start for r in regions]

    def in_list(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < regions[i].end

    found: dict[int, Record] = {}
    spans: list[tuple[int, int]] = []  # the initials records' spans, in order
    # initials: each record runs to the next record's start (flattened tables) or line end
    hits = []
    spans_to_read = [(r.start, r.end) for r in regions] if lists_only else [(0, len(text))]
    for m in (m for a, b in spans_to_read for m in _REC_INITIALS_FOUND.finditer(text, a, b)):
        named = _person_by_initials(m.group("person"), m.group("init"))
        if named:
            hits.append((m.end("person") - len(named), m.end(), named))
    for k, (s, e, person) in enumerate(hits):
        stop = hits[k + 1][0] if k + 1 < len(hits) else len(text)
        nl = text.find("\n", e, stop)
        stop = min(stop, nl if nl != -1 else stop, e + 200)
        rest = text[e:stop]
        rest = _ATTENDANCE_MARKS.sub("", rest)  # attendance columns
        title, agency, at = _split_rest(rest)
        found[s] = Record("initials", person, title, agency, s, e + len(rest.rstrip()), e + at, in_list(s))
        spans.append((s, e + len(rest)))
    span_starts = [a for a, _ in spans]
    for shape, pat in (("dash", _REC_DASH), ("comma", _REC_COMMA), ("glued", _REC_GLUED), ("plain", _REC_PLAIN)):
        for m in (m for a, b in spans_to_read for m in pat.finditer(text, a, b)):
            s = m.start("person")
            i = bisect_right(span_starts, s) - 1
            if s in found or (i >= 0 and s < spans[i][1]):
                continue
            listed = in_list(s)
            if shape != "dash" and not listed:
                continue
            rest = m.group("rest")
            title, agency, at = _split_rest(rest)
            if shape == "dash" and not listed and not agency and not _DASH_TITLE.search(title):
                continue
            found[s] = Record(shape, m.group("person"), title, agency, s, m.end("rest"), m.start("rest") + at, listed)
    return tuple(found[k] for k in sorted(found))


_BODY_WORD = re.compile(r"\b(?:Board|Partnership|Council|Group|Committee|Service|Trust|Team|Panel|Authority|Network"
                        r"|Forum|Unit)\b")


def _person_by_initials(run: str, initials: str) -> str | None:
    """The person's name in a run of capitalised words before "(AB)": as many last words
    as the initials have capitals, the first of them starting with the first initial
    ("Chair P Alys Northcott (AN)" -> "Alys Northcott"); None for a body's acronym."""
    n = max(2, sum(1 for ch in initials if ch.isupper()))
    ws = run.split()
    name = ws[-n:] if len(ws) >= n else ws
    while name and name[0][:1] != initials[:1]:
        name = name[1:]
    if not name or _BODY_WORD.search(" ".join(name)):
        return None
    return " ".join(name) if len(name) >= 2 or (name and len(initials) <= 3) else None


def person_records(text: str) -> list[tuple[str, str, str, int, int]]:
    """(person, title, agency, start, end) of every record: the people and chairs rules'
    view of attendance lists ("Ann Lee (AL) - Independent Chair, Eastvale SCP")."""
    return [(r.person, r.title, r.agency, r.start, r.end) for r in records(text)]
