"""Themes a document discusses, each with the sentence that shows it.

A theme is assigned from cue phrases (``data/rules/themes.json``) weighed by where they
stand: a strong cue in a sentence of running text is enough; a cue inside a heading or
inside the name of a committee, board or report ("Performance Scrutiny Committee",
"Case Review & Governance Annual Report") only counts half, so a theme named only in a
list of paper titles is not "discussed"; weak cues need company.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from kg.extract import scan
from kg.extract.linear import LinearModel, bin_of
from kg.extract.rules import Rules
from kg.extract.text import Sentence

_THRESHOLD = 1.0
_VETO = 0.35  # below this model probability a rule-proposed theme is dropped (chosen by area-grouped CV)
_TITLED = re.compile(r"(?:[A-Z][\w’'-]*\s+(?:(?:and|&|of|the|a|for|in)\s+)*)+[A-Z][\w’'-]*")
# a Title Case run is a list item when a separator stands before and after it ("..., Neglect Strategy, ...");
# "In November, we held our first Safeguarding Conference, opened by ..." is a sentence, not a list
_ITEM_BEFORE = re.compile(r"(?:^|[,;:•·\-–(]|\band|&)\s*(?:the\s+)?$")
_ITEM_AFTER = re.compile(r"\s*(?:$|[,;.:)•·]|and\b|&)")


def _titled_list(text: str) -> list[tuple[int, int]]:
    """Spans of Title Case runs when a sentence lists three or more of them as items (names of
    groups, papers); capitalised words scattered in a sentence (a month, a person, an event) are no list."""
    if text.count(",") < 2:  # no list without two commas: asked first, it spares the search of most sentences
        return []
    runs = [(m.start(), m.end()) for m in _TITLED.finditer(text) if len(m.group().split()) >= 2]
    if len(runs) < 3:
        return []
    items = [(a, b) for a, b in runs if _ITEM_BEFORE.search(text, max(0, a - 12), a) and _ITEM_AFTER.match(text, b)]
    return runs if len(items) >= 2 else []


# the veto's shared head: every alternative of ``rules.theme_veto`` opens with a run of these
# capitalised words (themes.json "veto"; tests/test_speed11c.py checks each one does)
_VETO_WORDS = re.compile(r"(?:[A-Z][\w&\u2019'-]*\s+)*")
_VETO_HEAD = "(?:[A-Z][\\w&\u2019'-]*\\s+"
_CAPITAL = re.compile(r"[A-Z]")


def veto_spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    r"""The spans of ``pattern.finditer(text)`` for the theme veto, with fewer attempts.

    re tries the veto at every capital of a sentence, and from each it backtracks over the
    run of capitalised words that follows it looking for a post or body word: a run of k
    words costs about k*k steps. Why skipping is exact: every alternative opens with a
    repeat of ``[A-Z][\w&'-]*\s+`` (``_VETO_WORDS``), so from a failed start s the pattern
    has already walked to every word start w that repeat reaches, and from w it could only
    go on as it went on from s (the first two alternatives' repeat has no minimum; the third
    needs one word, which s gave). So when s fails, every capital that opens a word (follows
    a space) up to where that repeat reaches from s fails too and is not tried; a capital
    inside a word ("McLeod", "Co-Director": a look-behind boundary may hold there) and every
    capital after a match are tried as re would try them."""
    out: list[tuple[int, int]] = []
    match, words = pattern.match, _VETO_WORDS.match
    pos = 0
    reach = -1
    for cap in _CAPITAL.finditer(text):
        c = cap.start()
        if c < pos or (c <= reach and text[c - 1].isspace()):
            continue
        m = match(text, c)
        if m is None:
            reach = words(text, c).end()  # type: ignore[union-attr]  # a repeat of none always matches
        else:
            out.append(m.span())
            pos = m.end() if m.end() > c else c + 1
    return out


def _vetoed(pattern: re.Pattern, sentence: str, page: str, at: int) -> list[tuple[int, int]]:
    """``veto_spans`` of a sentence of the page (``page[at:]``), asked only when the page's
    literal search holds one of the veto's words (as written) inside the sentence: no match
    can lack one, and most sentences a cue wakes have none."""
    places = scan.scanner(pattern).places(page)
    if places is not None:
        i = bisect_left(places, at)
        if i == len(places) or places[i] >= at + len(sentence):
            return []
    return veto_spans(_possessive(pattern), sentence)


_WORD_SPACE = "[\\w&\u2019'-]*\\s+"
_POSSESSIVE: dict[int, tuple[re.Pattern, re.Pattern]] = {}


def _possessive(pattern: re.Pattern) -> re.Pattern:
    r"""The veto with each capitalised word of its heads read possessively (``[\w&'-]*+\s++``
    for ``[\w&'-]*\s+``): the same matches, without the backtracking into each word.

    Why the same: what follows a word's letters there is a space, which the letters' class does
    not hold, so giving a letter back never lets the space match; and what follows the spaces
    (a capital, "and", "&", a post or body word) never starts with a space, so giving a space
    back never lets it match. Every successful path takes each such repeat whole, so the first
    one re finds is the same; only failing paths are cut. Kept by the pattern's id (with it)."""
    got = _POSSESSIVE.get(id(pattern))
    if got is None or got[0] is not pattern:
        fast = re.compile(pattern.pattern.replace(_WORD_SPACE, "[\\w&\u2019'-]*+\\s++"), pattern.flags)
        got = _POSSESSIVE[id(pattern)] = (pattern, fast)
    return got[1]


_PAGE_END = re.compile(r"[A-Za-z)]\s+\d{1,3}$")
_PAGE_ENTRY = re.compile(r"[A-Za-z)]\s+\d{1,3}\s+(?=[A-Z])")
_SPACE_DIGIT = re.compile(r"\s\d")  # (re jumps from space to space; the two above enter at every letter)


def _contents(sentences: tuple[Sentence, ...], i: int) -> bool:
    """A line of a table of contents ("Audit, Scrutiny and Review 10"): it ends in a page
    number, as does a line next to it, or it runs several "Title 4 Title 9" entries together.
    A theme named there is a chapter title, not a discussion of it."""
    text = sentences[i].text
    if _SPACE_DIGIT.search(text) is None:  # both patterns need a number after a space: four sentences in five have none
        return False
    if len(_PAGE_ENTRY.findall(text)) >= 3:
        return True
    return bool(_PAGE_END.search(text)) and any(
        0 <= j < len(sentences) and _PAGE_END.search(sentences[j].text) for j in (i - 1, i + 1))


# a row of an attendance grid: a name or a service, then a column of marks per meeting
# ("Safeguarding Service  Y Y Y  A A D"); a cue there names who attended, not what was discussed
# (the mark first, the look-behind past it: re jumps from mark letter to mark letter, where a look-behind
# first is entered at every character; "(?<!\S.)" after the mark is "(?<!\S)" before it)
_GRID_MARKS = re.compile(r"[YNAD](?<!\S.)(?:\s+[YNAD]){2}(?!\S)")


# a register line ("Attended: Member Jane Smith ... Early Help Manager ..."): it lists who came, with
# their posts, so a theme named there is a job, not a subject of the meeting; read as a heading
_REGISTER = re.compile(r"\b(?:Present|PRESENT|Attended|ATTENDED|In attendance|IN ATTENDANCE|Attendees|ATTENDEES)\s*:")


def _register(text: str) -> bool:
    """A line of the meeting's register (present, attended, in attendance)."""
    return ":" in text and _REGISTER.search(text) is not None


# a site's menu or a breadcrumb ("Home | About us | Sub-groups | Performance | Training"): four or
# more short items between bars or chevrons; and a glossary's entries ("MASH - Multi-Agency
# Safeguarding Hub; LADO - Local Authority Designated Officer"), an acronym then the words whose
# initials it is. Each names a page or a term, not what the document discusses: read as a heading.
# (A speaker's label before a line of minutes, "DCS: the strategy was agreed", spells no acronym.)
_MENU_BAR = re.compile(r"\s[|»›>]\s")
_GLOSS_ENTRY = re.compile(r"\b([A-Z][A-Za-z&]*[A-Z])s?(?:\s*(?:[-–—:=]|\t)|\s{2,})\s*((?:[A-Za-z][\w’'/-]*\s*){1,8})")


_GLOSS_JOINERS = frozenset(("of", "and", "the", "for", "&", "in", "to", "on", "at"))


def _spells(acronym: str, words: str) -> int:
    """How many of ``words`` (hyphenated parts apart) spell ``acronym``: its capitals are their
    initials, a joiner such as "of" skipped unless the acronym keeps it ("SPOA" and "Single Point
    of Access", "CSE" and "child sexual exploitation"); 0 when they do not."""
    letters = [c.lower() for c in acronym if c.isupper()]
    if len(letters) < 2:
        return 0
    k = 0
    parts = [w for w in re.split(r"[\s/-]+", words) if w]
    for n, w in enumerate(parts):
        if w[0].lower() == letters[k]:
            k += 1
            if k == len(letters):
                return n + 1
        elif w.lower() not in _GLOSS_JOINERS:
            return 0
    return 0


def _menu_or_glossary(text: str) -> bool:
    """A line of a menu or breadcrumb, or a glossary's entry (or entries)."""
    # (every match holds one of the four marks: a line with none, nearly every line, is not searched)
    if ("|" in text or ">" in text or "»" in text or "›" in text) and len(_MENU_BAR.findall(text)) >= 3:
        items = _MENU_BAR.split(text)
        return sum(len(x.split()) <= 3 for x in items) >= len(items) - 1
    if not any(c in text for c in "-–—:=\t") and "  " not in text:
        return False
    entries = [m for m in _GLOSS_ENTRY.finditer(text) if _spells(m.group(1), m.group(2))]
    if len(entries) >= 2:
        return True
    # one entry that is the whole line, its words no more than the acronym spells (and one over)
    if len(entries) != 1 or entries[0].start() != 0:
        return False
    rest = [w for w in re.split(r"[\s/-]+", text[entries[0].start(2):].rstrip(" .;")) if w]
    return len(rest) <= _spells(entries[0].group(1), entries[0].group(2)) + 1


# a contact line: a telephone number, an e-mail address or a postcode ("Useful contacts: Early Help
# Hub 01234 111222; MASH 01234 333444"); the services it names are where to call, not what the
# document discusses: read as a heading
_CONTACT = re.compile(r"(?<![\d.,])(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}\)?[\s-]?\d{3}[\s-]?\d{3,4}(?![\d.,]\d)"
                      r"|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b")
_EMAIL = re.compile(r"[\w.+-]@[\w-]+\.[a-z]")
_DIGIT = re.compile(r"\d")


def _contact(text: str) -> bool:
    """A line giving a telephone number, an e-mail address or a postcode."""
    # (both of _CONTACT's forms hold a digit: a line with none is tried no further, most lines)
    return (_DIGIT.search(text) is not None and _CONTACT.search(text) is not None) or (
        "@" in text and _EMAIL.search(text) is not None)


def _attendance_grid(text: str) -> bool:
    """Two runs of three attendance marks (Y / N / A / D) in one line: a register, read as a heading."""
    return len(_GRID_MARKS.findall(text)) >= 2


# What the words around a cue say of its sense, read by the model (never a veto by itself): a
# cue beside a job title ("Group Manager, Safeguarding and Quality Assurance", "Head of the front
# door service") names a post; a procedural line ("the minutes of the Corporate Parenting Panel
# were approved") names a body. Each is a class of wording, not a phrase of a document, so the
# model learns one weight per class from every theme at once. (Statutory wording was a third
# class; it is read by ``_duty`` below, which weighs such a sentence as a heading.)
_POST = re.compile(
    r"\b(?:Manager|Director|Head|Lead|Officer|Co-?ordinator|Adviser|Advisor|Principal|Specialist|"
    r"Commissioner|Nurse|Consultant)\b")
_PROCEDURE = re.compile(  # on lower-case text
    r"\b(?:minutes|agenda|apologies|true and (?:accurate|correct) record|(?:be|were|was) approved|"
    r"attend(?:ed|ees)|present:|declarations?|venue)\b")
_PROCEDURE_WORDS = ("minutes", "agenda", "apologies", "record", "approved", "attend", "present:", "declaration",
                    "venue")  # one of them is in every match: asked first, they spare most sentences the search


def _procedure(low: str) -> bool:
    """A procedural line (minutes approved, apologies, attendance, venue); ``low``: the sentence, lower case."""
    return any(w in low for w in _PROCEDURE_WORDS) and _PROCEDURE.search(low) is not None


# _POST without its closing "\b": a window of a sentence holds a title only where one of these
# starts in the sentence (the window's end may cut the word, so the window's own search decides)
_POST_START_PLAIN = re.compile(
    r"\b(?:Manager|Director|Head|Lead|Officer|Co-?ordinator|Adviser|Advisor|Principal|Specialist|"
    r"Commissioner|Nurse|Consultant)")
# the same words, the first letter first and the word's start checked behind it (as meeting's _GENERIC):
# re jumps from one of the ten capitals to the next, where "\b" first is tried at every character
# (only whether it finds one is asked; tests/test_speed12r.py)
_POST_START = re.compile(
    r"[MDHLOCAPSN](?<=\b[MDHLOCAPSN])(?:(?<=M)anager|(?<=D)irector|(?<=H)ead|(?<=L)ead|(?<=O)fficer"
    r"|(?<=C)o-?ordinator|(?<=A)dviser|(?<=A)dvisor|(?<=P)rincipal|(?<=S)pecialist|(?<=C)ommissioner"
    r"|(?<=N)urse|(?<=C)onsultant)")


def _near_post(text: str, a: int, b: int) -> bool:
    """A job title stands just before or after the cue at ``a:b`` (offsets in ``text``)."""
    return _POST.search(text, max(0, a - 45), min(len(text), b + 25)) is not None


# A cue that is one short item of an enumeration ("examples were early help, school audits and
# head teacher conferences", "priorities including: housing, speech and language, key performance")
# is named in passing, beside other things; a concern the board works on is the subject of its
# own clause. The item is the stretch between the separators around the cue; read by the model.
_SEP = re.compile(r"[,;:•·]|\s(?:and|or|&|including|includes|include|such as|e\.g\.)\s")


_ITEM_MARK = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[•·*▪–-])[ \t]*\Z")
_PRIORITY_TITLE = re.compile(r"(?i)\bpriorit(?:y|ies)\b|\bareas?\s+of\s+focus\b|\bkey\s+(?:concerns|risks|themes)\b")


def _marked(sentences: tuple[Sentence, ...], k: int, text: str) -> bool:
    """Whether sentence ``k`` opens its line after a list mark ("1.", "2)", "•", "-")."""
    start = sentences[k].start
    return _ITEM_MARK.match(text, text.rfind("\n", 0, start) + 1, start) is not None


def _priority_item(sentences: tuple[Sentence, ...], i: int, text: str) -> bool:
    """A short title-like line that is an item of a list under a title saying priorities ("Our
    priorities" over "1. Self-neglect and hoarding", "2. Transitions to adult services"): the
    board's stated concerns, not a heading over something else."""
    if not _marked(sentences, i, text):
        return False
    k = i - 1
    while k >= 0 and i - k <= 12 and _marked(sentences, k, text):
        k -= 1
    return k >= 0 and len(sentences[k].text) <= 120 and _PRIORITY_TITLE.search(sentences[k].text) is not None


def _list_item(text: str, a: int, b: int) -> bool:
    """The cue at ``a:b`` stands in an enumeration (two or more commas, semicolons or bullets in
    the sentence) as an item of at most four words, a separator before it and a separator (or the
    sentence's end) after it. A subject listed at the start ("Neglect, as the Board heard, ...")
    is no item: the sentence is about it."""
    if text.count(",") + text.count(";") + text.count("•") < 2:  # (three counts in C, no generator)
        return False
    left = 0
    for m in _SEP.finditer(text, max(0, a - 60), a):
        left = m.end()
    if left == 0:
        return False
    right = _SEP.search(text, b)
    stop = right.start() if right else len(text.rstrip(" ."))
    return stop >= b and len(text[left:stop].split()) <= 4


_CONTEXTS = ("procedure", "post", "item")  # the order of the flags counted per candidate


# A duty described, not a thing done: the words of statute or guidance ("SCRs should also be
# undertaken when...", "the duty also applies in cases of...", "Working Together requires the
# partners to..."), or an item of a list whose lead-in says it lists duties or functions
# ("Statute is clear about what our core functions are. These include:"). A theme named there
# is what such a board must do anywhere, not what this one discussed. Both on lower-case text.
_DUTY = re.compile(
    r"\b(?:must|shall|should)(?: also| only)? be (?:\w+ed|made|undertaken|done|held|kept|given|sent|written)\b"
    r"|\bthe (?:statutory )?dut(?:y|ies) (?:also )?appl(?:y|ies)\b"
    r"|\b(?:statute|legislation|regulations|working together|the act)\b[^.]{0,80}?"
    r"\b(?:requires?|required|must|shall|sets? out|states?)\b")
_DUTY_WORDS = ("must", "shall", "should", "dut", "statute", "legislation", "regulations", "working together",
               "the act")
_DUTY_LEAD = re.compile(r"\b(?:statute|(?:core|statutory) (?:functions|duties)|(?:functions|duties) (?:are|include)|"
                        r"regulations|legislation|working together)\b")
_LEAD_WORDS = ("statute", "functions", "duties", "regulations", "legislation", "working together")
# the sentence before a colon line announces duties only when it says what they are ("Statute is
# clear about what our core functions are. These include:"); a guidance merely named there ("The
# report set out how to comply with the Working Together guidance. Cabinet agreed to:") leads a
# list of local decisions, not of duties
_DUTY_BEFORE = re.compile(r"\b(?:(?:core|statutory) (?:functions|duties)|(?:functions|duties) (?:are|include)|"
                          r"(?:statute|legislation|regulations|working together)\b[^.]{0,80}?"
                          r"\b(?:requires?|required|sets? out|states?|is clear|must|shall))\b")


def _duty_leads(sentences: tuple[Sentence, ...], lower: str | None = None) -> list[int]:
    """Lines ending in a colon whose words (or the sentence's before) announce duties or functions.
    ``lower``: the page lower-cased; without one of the lead words in it no line is a lead-in
    (asked first, it spares most pages the walk over every sentence)."""
    if lower is not None and not any(w in lower for w in _LEAD_WORDS):
        return []
    out = []
    for j, s in enumerate(sentences):
        if s.text.rstrip().endswith(":"):
            for k in (j, j - 1):
                lead = sentences[k].text.lower() if k >= 0 else ""
                if any(w in lead for w in _LEAD_WORDS) and (_DUTY_LEAD if k == j else _DUTY_BEFORE).search(lead):
                    out.append(j)
                    break
    return out


def _duty(sentences: tuple[Sentence, ...], i: int, leads: list[int], low: str | None = None,
          text: str | None = None) -> bool:
    """Sentence ``i`` describes a duty: in statute's words, or as an item under a lead-in that
    announces duties or functions (``leads``, up to ten sentences back; a list in a list counts).
    ``low``: the sentence in lower case, when the caller has it. ``text``: the page, when the
    caller has it; then a list whose first item is no prose ("• the action to take ...;") ends at
    the first line that reads as prose of the page's own, no list mark before it, a capital first
    and a full stop last ("In Westshire, 300 practitioners attended ..." after the duties is news,
    not one more duty)."""
    if low is None:
        low = sentences[i].text.lower()
    if any(w in low for w in _DUTY_WORDS) and _DUTY.search(low):
        return True
    k = bisect_right(leads, i - 1)
    if not (k > 0 and leads[k - 1] >= i - 10):
        return False
    lead = leads[k - 1]
    if text is None or lead + 1 >= i or _prose_line(sentences, lead + 1, text):
        return True  # (the first item sets the list's shape: a list of prose items runs on)
    return not any(_prose_line(sentences, j, text) for j in range(lead + 2, i + 1))


_ROMAN_MARK = re.compile(r"[ \t]*\(?(?:[ivx]{1,4}|[a-h])\)[ \t]*\Z")


def _prose_line(sentences: tuple[Sentence, ...], j: int, text: str) -> bool:
    """Sentence ``j`` opens a line with no list mark ("•", "1.", "(ii)", "b)") before it, with a
    capital, and its line ends in a full stop: a sentence of prose, not an item of a list."""
    s = sentences[j]
    if j > 0 and sentences[j - 1].line == s.line:
        return False
    if not s.text[:1].isupper() or _marked(sentences, j, text):
        return False
    start = text.rfind("\n", 0, s.start) + 1
    if _ROMAN_MARK.match(text, start, s.start):
        return False
    end = text.find("\n", s.start)
    return text[s.start:end if end >= 0 else len(text)].rstrip().endswith(".")


# A line that schedules papers rather than discusses them: items for the next or a future meeting,
# a forward plan, dates of future meetings, papers to follow. A theme named there is a title on a
# list of papers to come ("Items for the next meeting: neglect strategy, domestic abuse update"),
# weighed as a heading. On lower-case text, behind a gate of its words.
_FORWARD = re.compile(
    r"\b(?:items?|papers?|reports?|topics?|presentations?)(?: \w+)? "
    r"(?:for|to be (?:considered|brought|taken|presented) (?:at|to)) "
    r"(?:the |a )?(?:next|future|forthcoming|following) (?:meetings?|board)"
    r"|\bforward (?:plan|agenda|work ?plan|work programme|programme)\b|\bfuture (?:agenda )?items\b"
    r"|\b(?:dates?|schedule) (?:of|for) (?:the )?(?:next|future|forthcoming) meetings?\b"
    r"|\b(?:papers?|reports?) to follow\b")
_FORWARD_WORDS = ("next", "future", "forward", "forthcoming", "following", "follow")


def _forward(low: str) -> bool:
    """A line scheduling papers for later meetings; ``low``: the sentence, lower case."""
    return any(w in low for w in _FORWARD_WORDS) and _FORWARD.search(low) is not None


@dataclass(frozen=True)
class ThemeFact:
    theme: str
    start: int
    end: int
    score: float
    by: str = "rule:theme-cues"
    confidence: float = 1.0


@dataclass(frozen=True)
class ThemeCandidate:
    """Every cue of one theme found in a document, weighed, before anything is decided.

    The rules decide from ``score`` alone; the trained model (``data/models/themes.json``)
    also sees how many cues matched, where, and which."""

    theme: str
    per_sentence: dict[int, float]
    strong: int  # strong cues in running text
    strong_halved: int  # strong cues in headings or titled lists
    weak: int
    cues: tuple[str, ...]  # the matched cue words, lower case
    contexts: tuple[int, ...] = (0, 0, 0)  # full-weight strong cues standing in each of _CONTEXTS
    plain: int = 0  # full-weight strong cues in none of them: a sentence about the theme itself
    running: float = 0.0  # the score its cues in running text make (headings, titles and the like left out)
    audience: str = "both"  # whom the page is about: "adults" when it never names a child (_audience)

    @property
    def score(self) -> float:
        return sum(self.per_sentence.values())

    def best(self) -> int:
        return max(self.per_sentence, key=lambda k: (self.per_sentence[k], -k))


def theme_candidates(sentences: tuple[Sentence, ...], rules: Rules, text: str) -> list[ThemeCandidate]:
    """Every theme with at least one cue, weighed. Each cue pattern runs once over the whole
    text (not once per sentence: that was most of the extractor's time); matches are then
    placed in their sentence by offset. Only the cues whose needle the page's shared literal
    search found are visited (a page holds the needles of a few dozen of the 400 cues)."""
    if not sentences:
        return []
    starts = [s.start for s in sentences]
    halved: dict[int, list[tuple[int, int]]] = {}
    headed: dict[int, bool] = {}
    worded: dict[int, bool] = {}  # per sentence: a procedural line
    titled: dict[int, bool] = {}  # per sentence: a title word starts in it (else no window near a cue holds one)
    leads: list[list[int]] = []  # the page's duty lead-ins, found when first needed
    lower = text.lower()
    audience = _audience(lower, text)
    lows: dict[int, str] = {}  # per sentence: its text in lower case, made once for the tests that read it

    def low_of(i: int) -> str:
        got = lows.get(i)
        if got is None:
            got = lows[i] = sentences[i].text.lower()
        return got

    def heading(i: int) -> bool:
        if i not in headed:
            if not leads:
                leads.append(_duty_leads(sentences, lower))  # once per page, when a cue first asks
            headed[i] = ((sentences[i].heading and not _priority_item(sentences, i, text))
                         or _contents(sentences, i) or _attendance_grid(sentences[i].text)
                         or _register(sentences[i].text) or _menu_or_glossary(sentences[i].text)
                         or _contact(sentences[i].text)
                         or _duty(sentences, i, leads[0], low_of(i), text) or _forward(low_of(i)))
        return headed[i]

    def halving(i: int) -> list[tuple[int, int]]:
        if i not in halved:
            s = sentences[i]
            halved[i] = [(s.start + a, s.start + b) for a, b in
                         _vetoed(rules.theme_veto, s.text, text, s.start)
                         + _titled_list(s.text)]
        return halved[i]

    index = _index(rules)
    found = scan.hits(lower)  # where every cue's needle occurs: one pass, not one search per cue
    places = found if len(lower) == len(text) else None
    ascii_ = text.isascii()
    out = []
    # the page's search is case-blind by str.lower, which misses what re's IGNORECASE matches to
    # "i" and "s" ("ı", "ſ", and "İ", lowered to two characters): the cues' other literals are not
    # asked on a page holding one (their needles are, as ever)
    odd = not ascii_ and any(c in text for c in "\u0130\u0131\u017f")
    for r, active in _active(index, found, not odd):
        rule = rules.themes[r]
        # the rule's matches first, in the cues' order: most rules a page wakes have none, and
        # then nothing of the weighing below is made
        hits = []
        for k in active:
            cue = rule.cues[k]
            got = _matches(cue, index.at_needle[r][k] and ascii_, text, places, sentences, starts)
            if got:
                hits.append((cue, got))
        if not hits:
            continue
        per_sentence: dict[int, float] = {}
        running = 0.0  # weak cues of running text; full-weight strong sentences are added below
        strong_at: dict[int, float] = {}
        weak_seen: set[str] = set()
        weak_spans: list[tuple[int, int]] = []
        cues: list[str] = []
        cancelled: dict[int, list[tuple[int, int]]] = {}  # per sentence: a "not" phrase never spans two
        n_strong = n_halved = n_plain = 0
        n_ctx = [0] * len(_CONTEXTS)
        for cue, got in hits:
            for i, m in got:
                a, b = m.span()
                if rule.not_ is not None:
                    if i not in cancelled:
                        cancelled[i] = [x.span() for x in
                                        scan.finditer(rule.not_, text, sentences[i].start, sentences[i].end)]
                    if any(x <= a and b <= y for x, y in cancelled[i]):
                        continue
                inside = any(x <= a and b <= y for x, y in halving(i))
                if len(cues) < 50:
                    cues.append(m.group().lower())
                if cue.strong:
                    weight = 0.5 if (inside or heading(i)) else 1.0
                    n_strong += weight == 1.0
                    n_halved += weight < 1.0
                    if weight == 1.0:
                        si = sentences[i]
                        if i not in worded:
                            worded[i] = _procedure(low_of(i))
                            titled[i] = _POST_START.search(si.text) is not None
                        procedure = worded[i]  # the flags in the order of _CONTEXTS
                        post = titled[i] and _near_post(si.text, a - si.start, b - si.start)
                        item = _list_item(si.text, a - si.start, b - si.start)
                        n_plain += not (procedure or post or item)
                        n_ctx[0] += procedure
                        n_ctx[1] += post
                        n_ctx[2] += item
                    strong_at[i] = max(strong_at.get(i, 0.0), weight)
                else:
                    word = m.group().lower()
                    if word in weak_seen or inside or any(x < b and a < y for x, y in weak_spans):
                        continue  # one weak cue per stretch of text, however many patterns fit it
                    weak_seen.add(word)
                    weak_spans.append((a, b))
                    titled_at = heading(i)
                    per_sentence[i] = per_sentence.get(i, 0.0) + (0.2 if titled_at else 0.4)
                    running += 0.0 if titled_at else 0.4
        for i, w in strong_at.items():
            per_sentence[i] = per_sentence.get(i, 0.0) + w
            running += w if w == 1.0 else 0.0
        if per_sentence:
            out.append(ThemeCandidate(rule.theme, per_sentence, n_strong, n_halved, len(weak_seen), tuple(cues),
                                      tuple(n_ctx), n_plain, running, audience))
    return out


# themes the vocabulary defines by children (CONTRACT.md: "disabled children, special educational needs",
# "looked-after children, care leavers, placements", "children missing from home or care", ...); on a page
# that names only adults their words mean something else (the development set's 25 adults-only pages
# hold none of them)
_CHILDRENS = frozenset({"children-in-care", "disability-send", "babies-and-infants", "private-fostering",
                        "education", "missing-children", "online-safety"})
_CHILD_WORDS = re.compile(r"\b(?:child|children|childhood|young\s+people|young\s+person|babies|baby|infants?|pupils"
                          r"|schools?|teenagers?|adolescents?|LSCB|SCP|SCB|CSPR|LCSPR|SCR)\b")
_ADULT_WORDS = re.compile(r"\b(?:adults?|care\s+act)\b")  # (on the lower-cased page)
_ADULT_ACRONYMS = re.compile(r"\b(?:SAB|SAR|SARs|SAPB)\b")


def _audience(lower_text: str, text: str) -> str:
    """Whom the page is about: "adults" when it names adults and never children (a
    Safeguarding Adults Board's minutes: "a residential placement", "learning disabilities" and
    "lived experience" there are not the children's themes of the same words), else "both"."""
    if "adult" not in lower_text and "care act" not in lower_text and "SA" not in text:
        return "both"
    if not (_ADULT_WORDS.search(lower_text) or _ADULT_ACRONYMS.search(text)):
        return "both"
    return "both" if _CHILD_WORDS.search(lower_text) or _CHILD_WORDS.search(text) else "adults"


def theme_features(c: ThemeCandidate) -> list[str]:
    """What the model weighs: the rules' score and counts in bins, per theme and overall,
    and the cue words that matched. (Words of the surrounding sentences were tried and
    lowered the area-grouped cross-validated F1: with a few hundred documents they fit
    the areas seen, not the phrasing of others.)"""
    t = c.theme
    score = bin_of(c.score)
    feats = [f"t={t}", f"score={score}", f"t={t}|score={score}",
             f"strong={bin_of(c.strong, (1, 2, 3, 5, 8))}", f"t={t}|strong={bin_of(c.strong, (1, 2, 3, 5))}",
             f"halved={bin_of(c.strong_halved, (1, 2, 4))}", f"weak={bin_of(c.weak, (1, 2, 3))}",
             f"sentences={bin_of(len(c.per_sentence), (1, 2, 3, 5, 8))}"]
    feats.append(f"plain={bin_of(c.plain, (1, 2, 3, 5))}")
    feats += [f"only={name}" for name, n in zip(_CONTEXTS, c.contexts, strict=True) if c.strong and n == c.strong]
    return feats + [f"cue={w}" for w in c.cues]


def prepare(rules: Rules) -> None:
    """Make the cue index (0.4 s: every cue's pattern read for its literals) now, not on the
    first page: made there, with the scanners that page needed, a process's first document
    took over a second and overran a 1 s ``--budget``. The cues' own scanners stay lazy
    (building all 600 costs another 0.6 s, more than a one-file rebuild's page needs).
    Called once before a batch forks its workers (kg.batch), so every worker inherits it."""
    _index(rules)


def extract_themes(sentences: tuple[Sentence, ...], rules: Rules, text: str,
                   model: LinearModel | None = None) -> list[ThemeFact]:
    """Themes with their best sentence. The rules' weighed cues propose; where a trained
    model is shipped it vetoes a proposal it finds unlikely (below ``_VETO``) and adds a
    theme the rules missed only when it is confident (its threshold). Area-grouped
    cross-validation chose this over letting the model decide alone: the veto removes
    boilerplate and passing mentions, while a lone clear sentence still counts."""
    out = []
    for c in theme_candidates(sentences, rules, text):
        if c.audience == "adults" and c.theme in _CHILDRENS:
            continue  # an adults' page that never names a child: "a residential placement", "learning disabilities"
        i = c.best()
        start, end = sentences[i].start, sentences[i].end
        score = c.score
        # the rules propose a theme only from running text: cues in headings, contents lines,
        # titles of groups and papers, a glossary's entries or a site's menu add to its score
        # (and to the model's evidence) but never make it alone
        proposed = score >= _THRESHOLD and c.running >= _THRESHOLD
        if model is None:
            if proposed:
                out.append(ThemeFact(c.theme, start, end, round(score, 2)))
            continue
        p = model.probability(theme_features(c))
        if p >= model.threshold or (proposed and p >= _VETO):
            out.append(ThemeFact(c.theme, start, end, round(score, 2), f"model:{model.name}", p))
    return out


@dataclass(frozen=True)
class _CueIndex:
    """The theme cues arranged for a page's literal search, made once per rule set."""

    themes: tuple  # the rules' ThemeRule tuple this index was made from (checked by identity)
    by_needle: dict[str, tuple[tuple[int, int], ...]]  # needle -> (rule, cue) positions that have it
    always: tuple[tuple[int, int], ...]  # cues with no single needle: tried on every page
    at_needle: tuple[tuple[bool, ...], ...]  # per rule, per cue: every match begins with its needle
    # (rule, cue) -> sets of literals a match holds one of each, besides its needle (scan.required_all)
    gates: dict[tuple[int, int], tuple[tuple[str, ...] | frozenset[str], ...]]


def _index(rules: Rules) -> _CueIndex:
    """The cue index of ``rules`` (kept; the needles are registered with the shared literal search)."""
    ix = _INDEX.get(id(rules.themes))
    if ix is None or ix.themes is not rules.themes:
        by_needle: dict[str, list[tuple[int, int]]] = {}
        always = []
        for r, rule in enumerate(rules.themes):
            for k, cue in enumerate(rule.cues):
                if cue.needle:
                    by_needle.setdefault(cue.needle, []).append((r, k))
                else:
                    always.append((r, k))
        gates: dict[tuple[int, int], tuple[tuple[str, ...] | frozenset[str], ...]] = {}
        scanned: list[str] = []
        for r, rule in enumerate(rules.themes):
            for k, cue in enumerate(rule.cues):
                # (a set holding the needle is met wherever the cue is visited; a set with a short
                # word, "the ", " of", is met in every sentence and costs a hit of the page's search
                # at each: both left out)
                sets: tuple[tuple[str, ...] | frozenset[str], ...] = tuple(
                    s for s in scan.required_all(cue.pattern)
                    if cue.needle not in s and min(len(w.strip()) for w in s) >= _GATE_SHORTEST)
                # and the literals every match starts with (the scanner's own, registered below), unless
                # the needle is one: "views of pupils", "feedback from children" ... for a cue the words
                # "views" and "children" wake, on a page that never joins them (a set: the page's
                # literals are looked up in it when they are fewer, as a cue may have hundreds)
                first = scan.prefixes(cue.pattern)
                if first and cue.needle not in first:
                    sets = (frozenset(first),) + sets
                if sets:
                    gates[r, k] = sets
                # the literals the cue's scanner will ask for (``scan.Scanner``), asked for now: a
                # scanner made on a later page (a cue the gate kept back until then) would make the
                # main literal search be made again (``scan.settle``), some 5 M instructions
                scanned += scan.prefixes(cue.pattern) or scan.required(cue.pattern)
        scan.register(tuple(c.needle for rule in rules.themes for c in rule.cues if c.needle))
        # (the prefix sets are the scanners' literals, registered in their order below with ``scanned``)
        scan.register(tuple(w for sets in gates.values() for s in sets if not isinstance(s, frozenset) for w in s))
        scan.register(scanned)
        ix = _INDEX[id(rules.themes)] = _CueIndex(
            rules.themes, {n: tuple(v) for n, v in by_needle.items()}, tuple(always),
            tuple(tuple(bool(c.needle) and scan.prefixes(c.pattern) == (c.needle,) for c in rule.cues)
                  for rule in rules.themes), gates)
    return ix


_INDEX: dict[int, _CueIndex] = {}
_GATE_SHORTEST = 5
"""Fewest letters of each literal of a cue's gate set (``_CueIndex.gates``)."""


def _active(index: _CueIndex, found: dict[str, list[int]], gated: bool = True) -> list[tuple[int, list[int]]]:
    """(rule, its cues to try, in the rules' order) for the cues whose needle is on the page,
    and those with none: the same cues, in the same order, as visiting all 400 and skipping
    the rest, so the same matches in the same order.

    ``gated``: also skip a cue when the page holds no literal of one of its other required sets
    (``_CueIndex.gates``: "self" for "self-neglect", found by "neglect"; the words after
    "children" in a cue with no single needle): such a cue has no match on the page, and half
    the cues a page's needles wake are of that kind. Exact only where the page's case-blind
    search sees every place the cue could match (no odd letters: see ``theme_candidates``)."""
    pairs = list(index.always)
    by_needle = index.by_needle
    for n in found.keys() & by_needle.keys():  # (in C: the page's literals against the needles)
        pairs += by_needle[n]
    if gated:  # (a plain loop: a generator per cue cost more than the gate saves)
        gates = index.gates
        none_of = found.keys().isdisjoint  # (in C: each literal of the set looked up in the page's)
        kept = []
        for p in pairs:
            sets = gates.get(p)
            if sets is not None:
                for s in sets:
                    if none_of(s):
                        break
                else:
                    kept.append(p)
            else:
                kept.append(p)
        pairs = kept
    pairs.sort()
    out: list[tuple[int, list[int]]] = []
    for r, k in pairs:
        if out and out[-1][0] == r:
            out[-1][1].append(k)
        else:
            out.append((r, [k]))
    return out


# A needle on more than this many places of a page ("children", "care") is in most of its
# sentences: one search of the whole page by the shared scanner then costs less than one per
# sentence, and finds the same matches (none spans two sentences: they are dropped either way)
_MANY = 4


def _matches(cue, at_needle: bool, text: str, found: dict[str, list[int]] | None,
             sentences: tuple[Sentence, ...], starts: list[int]) -> list[tuple[int, re.Match]]:
    """A cue's matches with their sentence, looking only in the sentences that contain its
    needle (a match never spans two sentences, and most sentences contain no needle at all).
    ``found``: where each needle occurs in the lower-cased text (offsets, in order), or None
    when lower-casing changed the text's length (rare letters: the offsets would not fit).
    ``at_needle``: every match starts at a needle (read from the pattern; ASCII text), so the
    pattern is tried at the needle's places only: the same matches as ``finditer``. Otherwise
    the sentence is searched by the shared scanner, which tries the pattern only where one of
    its own prefixes stands ("looked after" or "in care" for a cue found by "children")."""
    out: list[tuple[int, re.Match]] = []
    if not cue.needle or found is None or (not at_needle and len(found.get(cue.needle, ())) > _MANY):
        # no single needle ("QA", "£5", alternatives): the shared scanner still tries the pattern
        # only where its prefixes stand (or behind a look-ahead for its first characters)
        for m in scan.finditer(cue.pattern, text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.end() <= sentences[i].end:
                out.append((i, m))
        return out
    done = -1
    pos = 0
    for at in found.get(cue.needle, ()):
        i = bisect_right(starts, at) - 1
        if i < 0:
            continue
        if at_needle:
            end = sentences[i].end
            if at >= pos and at < end:
                m = cue.pattern.match(text, at, end)
                if m:
                    pos = m.end()
                    out.append((i, m))
        elif i > done:
            done = i
            out += [(i, m) for m in scan.finditer(cue.pattern, text, sentences[i].start, sentences[i].end)]
    return out
