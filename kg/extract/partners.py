"""Which sectors are partners of which board or partnership.

Two readings of the same evidence. The rules (the first pass, and the whole answer when
no model is shipped): a sentence with a partner cue ("statutory partners", "made up of",
"lead agencies"...) makes every agency or sector it names (``data/rules/sectors.json``) a
partner of the board it names, or of the document's main board when it names none; in a
board's own minutes, every sector in its attendance lists (``kg.extract.layout``) is one.
The model (``data/models/partners.json``): every (board, sector) pair with a sector named
near the board, in a list, or in the board's own document is a candidate, described
mention by mention (cues, nearby words, distance, layout, host board...), and kept when
the mean of its mentions' probabilities reaches the model's threshold.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass
from heapq import merge
from itertools import pairwise

from kg.extract import scan
from kg.extract.layout import Region, attendance_regions, records
from kg.extract.linear import LinearModel, bin_of
from kg.extract.orgs import OrgCluster, acronym_matches, council_body, fold_words, is_group_of
from kg.extract.rules import Rules, derived
from kg.extract.text import Sentence, sentence_start
from kg.ns import BOARD_KINDS, PARTNERSHIP_KINDS

_ROLE_OF = re.compile(r"\b(?:Consultant|Director|Head|Manager|Officer|Lead|Member|Adviser|Advisor|Nurse|Commissioner)"
                      r"\s+(?:in|of|for)\s+(?:the\s+)?$")
# a national inspectorate's name ("Her Majesty's Inspectorate of Constabulary and Fire and Rescue Services",
# "HMICFRS", "Office for Standards in Education"): the sector words in it name no partner
_NATIONAL_OF = re.compile(r"\b(?:Inspectorate|Inspectors?|Standards)\s+(?:of|in|for)\s+(?:[\w'’&]+\s+){0,5}$")
_INSPECTORATE = re.compile(r"HMI[A-Z]")
_AFTER_STATUTORY = re.compile(r"(?i)\b(?:however|many more|as well as|other organisations|wider|also involved)\b")


def _cue_sentences(sentences: tuple[Sentence, ...], rules: Rules, text: str | None = None) -> dict[int, list[str]]:
    """Sentence index -> its partner cues (lower case), from one pass over the whole text
    (or, without the text, over each sentence)."""
    out: dict[int, list[str]] = {}
    if text is None:
        for i, s in enumerate(sentences):
            found = [m.group() for m in cue_matches(s.text, rules)]
            if found:
                out[i] = found
        return out
    starts = [s.start for s in sentences]
    for m in cue_matches(text, rules):
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.end() <= sentences[i].end:
            out.setdefault(i, []).append(m.group())
    return out


# a board (named, or "the Board") as the subject of a membership verb: "The Westshire Safeguarding
# Adults Board includes the police, health and the council", "the Partnership, which brings together
# ...". "includes" alone is no cue ("the report includes data from the police"): its subject must be
# the board itself, so the verb is looked for only right after a board's name or reference
_MEMBER_VERB = re.compile(r"(?:\s*,\s*which|\s*,\s*that|\s+which|\s+that)?\s+"
                          r"(?:(?:also|now|currently|therefore|already|still|jointly)\s+)?"
                          r"(?:includes|included|include|comprises|comprised|comprise|involves|involved|involve"
                          r"|brings\s+together|brought\s+together|bring\s+together|draws\s+together"
                          r"|drew\s+together|unites|united"
                          # "brings the council, the police and health together": the verb split by its object
                          r"|(?:brings|brought|bring|draws|drew)(?=\s[^.;:\n]{1,200}?\btogether\b))\b")
BOARD_VERB_CUE = "board-member-verb"
_VERB_STEMS = ("includ", "compris", "involv", "together", "unite")  # one is on any page where _MEMBER_VERB matches


def _with_board_verbs(cues: dict[int, list[str]], sentences: tuple[Sentence, ...], text: str | None,
                      ends: list[int]) -> dict[int, list[str]]:
    """``cues`` plus ``BOARD_VERB_CUE`` for each sentence where a board's name or reference
    (``ends``: where each ends in ``text``) is followed by a membership verb (``_MEMBER_VERB``):
    the sentence states who the board is made of, as a cue phrase would."""
    if text is None or not ends:
        return cues
    starts = [s.start for s in sentences]
    out = cues
    for end in sorted(set(ends)):
        m = _MEMBER_VERB.match(text, end)
        if m is None:
            continue
        i = bisect_right(starts, end) - 1
        if i < 0 or m.end() > sentences[i].end:
            continue
        if out is cues:
            out = {k: list(v) for k, v in cues.items()}
        have = out.setdefault(i, [])
        if BOARD_VERB_CUE not in have:
            have.append(BOARD_VERB_CUE)
    return out


# a board named after a preposition is no verb's subject: "the work of the Board, which included
# reviewing...", "priorities for the Board include..."
_OBJECT_OF = re.compile(r"(?i)\b(?:of|for|to|with|by|from|in|on|at|about|into|within|across)\s+"
                        r"(?:the\s+|our\s+|this\s+)?$")


def _board_ends(text: str, clusters: list[OrgCluster], references: list[tuple[int, int, str]] | None) -> list[int]:
    """Where each partnership's name or reference ("the Board", "our Partnership") ends, when
    it can be a subject (no preposition right before it)."""
    if not any(w in text for w in _VERB_STEMS):
        return []  # no membership verb on the page (most pages): nothing to look for after each name
    spans = [(m.start, m.end) for c in clusters if c.kind in PARTNERSHIP_KINDS for m in c.mentions]
    for at, ci, how in references or ():
        if how == "alias" or clusters[ci].kind not in PARTNERSHIP_KINDS:
            continue
        m = _REFERENCE.match(text, at) or _A_MEMBER.match(text, at)
        if m is not None:
            spans.append((at, m.end()))
    return [e for s, e in spans if _MEMBER_VERB.match(text, e) and not _OBJECT_OF.search(text, max(0, s - 20), s)]


# a board as the object of a funding (or leading) verb, its funders the subject: "the police, the council
# and the ICB jointly fund the Eastvale Partnership", "the police, health and the council lead the ...",
# "the council, the constabulary and the ICB contribute to the Northfold Partnership's budget": the
# agencies' commitment to the board, which the annotation counts as membership (as "funded jointly by ..."
# or "equal funding from ..." after the board). "contribute to" only with the board's budget or costs
# after the name ("contribute to the Partnership's work" is anybody's)
_FUNDS_BEFORE = re.compile(r"(?i)\b(?:(?:jointly|equally|together|all|both)\s+)?(?:(?:co-)?fund(?:s|ed)?|lead|leads|"
                           r"(contribute|contributes|contributed)\s+(?:to|towards))\s+(?:the\s+)?$")
_BUDGET_AFTER = re.compile(r"(?i)(?:['’]s)?\s+(?:budget|costs|funding|pooled\s+budget)\b")
BOARD_FUND_CUE = "board-funded"


def _funded_starts(text: str, clusters: list[OrgCluster], references: list[tuple[int, int, str]] | None) -> list[int]:
    """Where a partnership's name or reference ("the Partnership") starts as the object of a
    funding or leading verb (``_FUNDS_BEFORE``; for "contribute to", its budget named after it)."""
    if "fund" not in text and "ontribut" not in text and "lead" not in text:
        return []  # none of the verbs on the page (most pages)
    spans = [(m.start, m.end) for c in clusters if c.kind in PARTNERSHIP_KINDS for m in c.mentions]
    for at, ci, how in references or ():
        if how != "alias" and clusters[ci].kind in PARTNERSHIP_KINDS:
            m = _REFERENCE.match(text, at)
            if m is not None:
                spans.append((at, m.end()))
    out = []
    for s, e in spans:
        window = text[max(0, s - 40):s]
        if window.isascii():  # (ASCII: str.lower() is what IGNORECASE reads)
            low = window.lower()
            if "fund" not in low and "lead" not in low and "contribut" not in low:
                continue  # one of the verbs is in every match: most names have none before them
        m = _FUNDS_BEFORE.search(text, max(0, s - 40), s)
        if m is not None and (m.group(1) is None or _BUDGET_AFTER.match(text, e)):
            out.append(s)
    return out


# a board as the object of attending or sitting: "senior officers from the council, the police and the NHS
# attend the Midshire Safeguarding Adults Board", "the ICB's chief nurse sits on the Partnership"
_ATTENDS_BEFORE = re.compile(r"(?i)\b(?:attend|attends|attended|sit\s+on|sits\s+on|sat\s+on|serve\s+on|serves\s+on"
                             r"|served\s+on)\s+(?:the\s+)?$")
BOARD_ATTENDED_CUE = "board-attended"


def _attended_starts(text: str, clusters: list[OrgCluster], references: list[tuple[int, int, str]] | None) -> list[int]:
    """Where a partnership's name or reference starts as the object of attending or sitting on
    (``_ATTENDS_BEFORE``)."""
    if "ttend" not in text and " on " not in text:
        return []
    spans = [m.start for c in clusters if c.kind in PARTNERSHIP_KINDS for m in c.mentions]
    for at, ci, how in references or ():
        if how != "alias" and clusters[ci].kind in PARTNERSHIP_KINDS and _REFERENCE.match(text, at) is not None:
            spans.append(at)
    return [s for s in spans if _attends_before(text, s)]


def _attends_before(text: str, s: int) -> bool:
    """``_ATTENDS_BEFORE.search(text, max(0, s - 24), s)``, searched only where the window holds
    "attend" or "on" in some case (each match holds one; ASCII windows, where str.lower() is what
    IGNORECASE reads): most names have neither right before them."""
    window = text[max(0, s - 24):s]
    if window.isascii():
        low = window.lower()
        if "attend" not in low and "on" not in low:
            return False
    return _ATTENDS_BEFORE.search(text, max(0, s - 24), s) is not None


def _with_cue_at(cues: dict[int, list[str]], sentences: tuple[Sentence, ...], at: list[int],
                 name: str) -> dict[int, list[str]]:
    """``cues`` plus the cue ``name`` for each sentence holding one of the positions ``at``."""
    if not at:
        return cues
    starts = [s.start for s in sentences]
    out = {k: list(v) for k, v in cues.items()}
    for pos in sorted(set(at)):
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < sentences[i].end and name not in out.setdefault(i, []):
            out[i].append(name)
    return out


# the board's partners named in apposition: "the Board's partners, the council, the police and the ICB,
# had agreed...", "its three partners (the council, ...)", "our statutory partners: ..."; the partners
# the words name are listed right after them (a comma, a colon, a bracket or a dash), whatever the
# sentence says of them (a question, a thanks)
_APPOSITION = re.compile(r"(?i)\b(?:its|our|their|(?:board|partnership|boards|partnerships)['’]s?)\s+"
                         r"(?:(?:three|four|statutory|safeguarding|key|lead|core|main|strategic|member|partner)\s+){0,2}"
                         r"(?:partners|members|agencies|organisations)[^\S\n]*(?:,|:|\(|[–—]|-\s)")
APPOSITION_CUE = "partners-named"
# a title line that is all a list's name: "Our partners", "Board members", "The Partnership's members:"
_LIST_TITLE = re.compile(r"(?im)^[^\S\n]*(?:our|the\s+board['’]s|the\s+partnership['’]s|board|partnership)[^\S\n]+"
                         r"(?:(?:statutory|safeguarding|key|core|member|partner)[^\S\n]+)?"
                         r"(?:partners|members|agencies|organisations)[^\S\n]*:?[^\S\n]*$")
_LIST_TITLE_AFTER = re.compile(r"(?im)\n" + _LIST_TITLE.pattern[len(r"(?im)^"):])
"""_LIST_TITLE after the line break its "^" follows (as _ITEM_HEAD): re jumps from line break to
line break, where "^" first was tried at every character of the page."""
LIST_TITLE_CUE = "partners-title"


def _list_title_starts(text: str) -> list[int]:
    """``[m.start() for m in _LIST_TITLE.finditer(text)]``: the first line's match, then each later
    line's from the line break before it. Why exact: a match starts at the page's start or after a
    line break, and what follows "^" reads nothing before its start; a match ends before a line break
    (its last characters are no line break), so the next one's line break lies at or past its end,
    where the search goes on, as ``finditer`` does."""
    first = _LIST_TITLE.match(text)
    out = [0] if first is not None else []
    out += [m.start() + 1 for m in _LIST_TITLE_AFTER.finditer(text, first.end() if first is not None else 0)]
    return out


def _with_shape_cues(cues: dict[int, list[str]], sentences: tuple[Sentence, ...],
                     text: str | None) -> dict[int, list[str]]:
    """``cues`` plus the cues of shape rather than phrase: the board's partners named in apposition
    (``_APPOSITION``) and a list's title line (``_LIST_TITLE``)."""
    if text is None or ("artner" not in text and "ember" not in text and "gencies" not in text
                        and "rganisations" not in text):
        return cues
    # (found from their literals by the scan engine, and from the line breaks: the same matches, without
    # trying each at every character)
    cues = _with_cue_at(cues, sentences, [m.start() for m in scan.finditer(_APPOSITION, text)], APPOSITION_CUE)
    return _with_cue_at(cues, sentences, _list_title_starts(text), LIST_TITLE_CUE)


# a board the text says is gone: "the old LSCB", "the former Board", "replaced the Safeguarding Children
# Board", "the LSCB was replaced": the sentence that names it beside its successor ("the Partnership was
# convened with the police and the NHS when the old LSCB was replaced") states the successor's members
_FORMER_BEFORE = re.compile(r"(?i)\b(?:old|former|previous|predecessor|outgoing|legacy|replac(?:e|ed|es|ing)"
                            # "Transition from the Easterby LSCB", "which succeeded the X LSCB"
                            r"|transition(?:s|ed|ing)?[^\S\n]+(?:away[^\S\n]+)?from|succeed(?:s|ed|ing))"
                            r"[^\S\n]+(?:the[^\S\n]+)?$")
# an adverb inside the verb: "would therefore be replaced", "has now been abolished", "was formally dissolved"
_ADV = r"(?:\s+(?:therefore|now|then|soon|formally|effectively|already|thus|also|subsequently|eventually))?"
_FORMER_AFTER = re.compile(r"(?i)[^\S\n]*(?:\([^()\n]{0,30}\)[^\S\n]*)?"
                           r"(?:(?:was|were|(?:has|have|had)" + _ADV + r"\s+been"
                           r"|(?:will|would)" + _ADV + r"\s+be|(?:is|are)" + _ADV + r"\s+being)" + _ADV
                           + r"\s+(?:replaced|abolished|disbanded|dissolved|superseded|stood\s+down)\b"
                           r"|(?:will\s+|would\s+|has\s+|had\s+)?(?:change|changed|changes)\s+its\s+name\b"
                           r"|(?:ceased|will\s+cease)\b)")


# "The X LSCB would be replaced, from 29 June 2019, by new multi-agency arrangements led jointly by A, B
# and C": what follows "replaced ... by" in the sentence is the successor's
_REPLACED_BY_BEFORE = re.compile(r"\breplac(?:ed|ing)\b[^.;]{0,60}?\bby\b")
_NEW_ARRANGEMENTS = re.compile(r"safeguarding partner|relevant agenc|equal duty|duty to co-?operate")


def former_boards(text: str, clusters: list[OrgCluster]) -> frozenset[int]:
    """The boards (cluster indexes) that one of their mentions calls gone (``_FORMER_BEFORE``,
    ``_FORMER_AFTER``)."""
    if "eplace" not in text and "old" not in text and "ormer" not in text and "revious" not in text \
            and "bolish" not in text and "isband" not in text and "issolv" not in text and "uperse" not in text \
            and "egacy" not in text and "redecessor" not in text and "utgoing" not in text and "stood" not in text \
            and "its name" not in text and "cease" not in text and "ransition" not in text and "ucceed" not in text:
        return frozenset()
    out = set()
    for ci, c in enumerate(clusters):
        if c.kind not in PARTNERSHIP_KINDS:
            continue
        for m in c.mentions:
            if _FORMER_BEFORE.search(text, max(0, m.start - 24), m.start) or _FORMER_AFTER.match(text, m.end):
                out.add(ci)
                break
    return frozenset(out)


def _successor(clusters: list[OrgCluster], ci: int, former: frozenset[int]) -> int:
    """Board ``ci``, or, when the text calls it gone, the one board of its kind it does not (the
    "new arrangements" that replaced it: "The Board will change its name to the Partnership")."""
    if ci not in former:
        return ci
    others = [k for k, c in enumerate(clusters) if k not in former and c.kind == clusters[ci].kind]
    return others[0] if len(others) == 1 else ci


@dataclass(frozen=True)
class PartnerFact:
    board: int  # org cluster index
    sector: str
    statutory: bool | None
    agency: int | None  # index into the agency list
    start: int
    end: int
    by: str = "rule:partner-cues"
    confidence: float = 0.72  # the cue rules' precision on the development set's new documents


_PARENS = re.compile(r"\((?:[^()]|\([^()]*\))*\)")
_CHAIR_OF = re.compile(r"\bChair(?:man|person)?\s+of\s+(?:the\s+)?$")


def _ends_in(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` ends in whitespace after one of ``words``: what a match of ``_ROLE_OF``
    or ``_CHAIR_OF`` (each ends "(in|of|for)\\s+(the\\s+)?$") needs, checked at the end of the
    text before the pattern is searched across all of it (most texts fail it)."""
    return text[-1:].isspace() and text.rstrip().endswith(words)


_OF_WORDS = ("in", "of", "for", "the")  # the last words a _ROLE_OF match can have
# a post's title running on in capitalised words past its first sector word, up to the mention
# ("Cabinet Member for Adult Social Care, Health and Housing", "Executive Director of Health,
# Housing and Adult Social Care"): the later sector words are the post's too
_POST_WORDS = ("Consultant", "Director", "Head", "Manager", "Officer", "Lead", "Member", "Adviser", "Advisor",
               "Nurse", "Commissioner")
_ROLE_TITLE = re.compile(r"\b(?:" + "|".join(_POST_WORDS) + r")\s+(?:in|of|for)\s+(?:the\s+)?"
                         r"(?:[A-Z][\w'’-]*(?:\s*(,)|\s+(?:and|&))?\s+){1,5}$")
# any of them in a text: the same answer as ``any(w in text for w in _POST_WORDS)``, one search in C
# (re jumps to the capitals they start with) instead of a generator's step per word
_POST_WORD = re.compile("|".join(map(re.escape, _POST_WORDS)))
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")


def _in_post(head: str, phrase: bool = True, after: str | None = None) -> bool:
    """Whether the text before a sector mention ends inside a post's title: "Director of " right
    before it (``_ROLE_OF``), or, for a sector phrase, the title's capitalised words running on
    to it (``_ROLE_TITLE``, searched in the last 100 characters, and only when one of its post
    words is there). Not for a named agency, nor (given ``after``, the text after the phrase)
    for a phrase that starts a name after a comma ("Head of Safeguarding, NHS Westshire ICB"):
    that is the post holder's employer, the member agency of a list."""
    if _ends_in(head, _OF_WORDS) and _ROLE_OF.search(head):
        return True
    if not phrase:
        return False
    tail = head[-100:]
    if _POST_WORD.search(tail) is None:
        return False
    m = _ROLE_TITLE.search(tail)
    return m is not None and not (after is not None and m.group(1) and _NAME_GOES_ON.match(after))


_CHAIR_WORDS = ("of", "the")


def _national_of(text: str, lo: int, hi: int) -> bool:
    """``_NATIONAL_OF.search(text[lo:hi])``, searched only when the window holds one of the
    pattern's own words (an inspectorate's name is rare: most windows have neither)."""
    window = text[lo:hi]
    return ("Inspector" in window or "Standards" in window) and _NATIONAL_OF.search(window) is not None


def _group(m: re.Match) -> str:
    """The sector phrase's group that matched: the last group closed, as each alternative of
    the phrase patterns is one named group with none inside it (``kg.extract.rules``), where
    ``groupdict()`` built a dictionary of every phrase's group per match. Checked, for safety."""
    g = m.lastgroup
    if g is None or m.group(g) is None:
        return next(k for k, v in m.groupdict().items() if v is not None)
    return g


# a sentence that cannot end where the line does (the splitter cut it at a line break): it
# runs on into the next lines until one ends a sentence
_DANGLING = re.compile(r"(?i)(?:\b(?:of|are|is|include|includes|including|from|by|and|between|with|the)|,)\s*$")
_ENDED = re.compile(r"[.!?;]\s*$")


def _dangling(text: str) -> bool:
    """``_DANGLING.search(text)``, tried only near the end: a match ends where the text's
    trailing space starts and is at most nine characters long, so starting twelve before
    finds the same (a search of the whole sentence tried the pattern at every character)."""
    return _DANGLING.search(text, max(0, len(text.rstrip()) - 12)) is not None


def _list_line(text: str) -> bool:
    """A short line that ends no sentence: an item of the list a cue sentence ending in ":"
    opened ("Westshire schools" under "The Partnership's members are:"), though not in
    title case, so not a heading."""
    return len(text) <= 80 and "\n" not in text and not _ENDED.search(text) and not text.rstrip().endswith(":")


_THESE_ARE = re.compile(r"(?i)\b(?:these|they|which)\s+(?:are|include|comprise)\s*:\s*$")
_THESE_INCLUDE = re.compile(r"\s*(?:These|They)\s+(?:include|includes|are|comprise)\s+(?!not\b)")
_BULLET_BEFORE = re.compile(r"[^\S\n]*(?:[-–—•·*▪◦‣∙●○]|\(?[a-z0-9]{1,2}[.)])[^\S\n]+\Z")


def _bulleted(text: str, start: int) -> bool:
    """The sentence at ``start`` opens a bulleted line ("  - headteachers from the primary, secondary and
    special school phases, and Eastvale College"): an item of the list above, however long."""
    ls = text.rfind("\n", max(0, start - 12), start) + 1
    return (ls > 0 or start < 12) and _BULLET_BEFORE.match(text, ls, start) is not None


# a title naming another body ("Members of the Topic Group", "Panel membership"): its list is that body's
_OTHER_BODY = re.compile(r"(?i)\b(?:group|committee|sub-committee|panel|forum|cabinet|commission|network|team)s?\b")


def _opens_list(sentences: tuple[Sentence, ...], si: int) -> bool:
    """Whether heading ``si`` stands over a list: the next two sentences are short lines that
    end no sentence (list items; a heading over prose opens nothing)."""
    nxt = sentences[si + 1:si + 3]
    return len(nxt) == 2 and all(_list_line(s.text) for s in nxt)


_ATTENDANCE = re.compile(r"^\s*(?:Present|In attendance|Attendees|Attending|Members present|Apologies)\b", re.I)


class _Covers:
    """Whether any of a set of spans holds ``[s, e)``: ``any(a <= s and e <= b for a, b in
    spans)`` by one bisection (the spans sorted by start, with the greatest end so far), asked
    for every sector phrase of every cue sentence."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach: list[int] = []
        top = -1
        for _, b in spans:
            top = max(top, b)
            self.reach.append(top)

    def __call__(self, s: int, e: int) -> bool:
        k = bisect_right(self.starts, s) - 1
        return k >= 0 and self.reach[k] >= e


def _cue_at(sentence: str, cues: list[str]) -> int | None:
    """Where the first of a sentence's cue phrases stands in it (a plain search: cues are phrases)."""
    low = sentence.lower()
    found = [i for i in (low.find(c.lower()) for c in cues) if i >= 0]
    return min(found) if found else None


def rule_partners(sentences: tuple[Sentence, ...], clusters: list[OrgCluster], main: OrgCluster | None,
                  agencies: list, rules: Rules, own_meeting: bool = False,
                  text_cues: dict[int, list[str]] | None = None,
                  references: list[tuple[int, int, str]] | None = None,
                  text: str | None = None, posts: frozenset[int] = frozenset(),
                  former: frozenset[int] | None = None,
                  sections: list[tuple[int, int]] | None = None, host: int | None = None) -> list[PartnerFact]:
    """``posts``: where a sector word names a post held at another agency (a record's title,
    "Head of Education, Westshire County Council"): no partner there. ``own_meeting``: the
    document is the board's own minutes, so the agencies of the people present (or sending
    apologies) are its members. ``text_cues``: the cues of each
    sentence when the caller has found them already. ``references``: ``board_references``
    of the text; a sentence that names no board but refers to one ("the new partnership is
    made up of...") is about that board rather than the document's main board. ``text``: the
    page the sentences are cut from (their phrases are then found from its one word pass). ``former``:
    ``former_boards`` of the text when the caller has found them already; ``sections``: its
    ``section_headings``, likewise. ``host``: the board whose own minutes these are, when known."""
    ref_starts = [at for at, _, _ in references or ()]
    if sections is None:
        sections = section_headings(text, clusters) if text is not None else []
    if former is None:
        former = former_boards(text, clusters) if text is not None else frozenset()
    out: dict[tuple[int, str], PartnerFact] = {}
    board_spans = [(m.start, m.end, ci) for ci, c in enumerate(clusters) for m in c.mentions]
    in_board = _Covers([(s, e) for s, e, _ in board_spans])
    in_agency = _Covers([(a.start, a.end) for a in agencies])
    a_starts = [a.start for a in agencies]
    in_order = all(x <= y for x, y in pairwise(a_starts))  # then a sentence's agencies by bisection
    carried: tuple | None = None  # a cue sentence ending in ":" carries over its list's lines
    dangling = False  # ... or one cut off by a line break mid-sentence ("is made up of" / "Westshire Council,")
    if text_cues is None:
        text_cues = _with_board_verbs(_cue_sentences(sentences, rules), sentences, text,
                                      _board_ends(text, clusters, references) if text is not None else [])
        if text is not None:
            text_cues = _with_shape_cues(_with_cue_at(text_cues, sentences, _funded_starts(text, clusters, references),
                                                      BOARD_FUND_CUE), sentences, text)
            text_cues = _with_cue_at(text_cues, sentences, _attended_starts(text, clusters, references),
                                     BOARD_ATTENDED_CUE)
    after_colon = False  # the line right after a cue sentence ending in ":" is what it introduces
    for si, sent in enumerate(sentences):
        cue = text_cues.get(si) or (own_meeting and _ATTENDANCE.search(sent.text))
        if not cue and si and text_cues.get(si - 1) and (
                _THESE_ARE.search(sent.text) and len(sent.text) <= 60 or _THESE_INCLUDE.match(sent.text)):
            # (also "The partners have named the relevant agencies ... These include all schools, ...")
            # "... are made up of "responsible authorities" which have a duty to work together. For our area
            # these are:": the list the cue sentence before announced
            cue = text_cues[si - 1]
        colon_before, after_colon = after_colon, False
        # (an item with a cue of its own, "Eastvale Council, represented by ...", is still the list's item)
        if carried and (sent.heading or dangling or _list_line(sent.text) or colon_before
                        or (text is not None and _bulleted(text, sent.start) and len(sent.text) <= 250)) and (
                not cue or not _ENDED.search(sent.text)):
            cue, statutory_carried, boards_carried = carried
            dangling = dangling and not _ENDED.search(sent.text)
        else:
            statutory_carried = boards_carried = None
            carried = None
            dangling = False
        # a heading or a short title line holding a cue ("Partner agencies", "Board membership") opens
        # the list of short lines under it
        heading_list = bool(cue and boards_carried is None and (sent.heading or _list_line(sent.text))
                            and len(sent.text) <= 60 and not _dangling(sent.text) and _opens_list(sentences, si)
                            and not _OTHER_BODY.search(sent.text))
        if not cue or sent.heading and not heading_list and boards_carried is None and not _dangling(sent.text):
            continue  # a heading states no membership, unless it is a sentence cut off by a line break
        parens = [(m.start(), m.end()) for m in _PARENS.finditer(sent.text)]
        boards = sorted({ci for s, e, ci in board_spans
                         if sent.start <= s < sent.end and clusters[ci].kind in PARTNERSHIP_KINDS
                         and not (text is not None and _replaced_at(text, s, e))
                         and not any(a <= s - sent.start < b for a, b in parens)
                         and not (_ends_in(sent.text[:s - sent.start], _CHAIR_WORDS)
                                  and _CHAIR_OF.search(sent.text[:s - sent.start]))})
        if boards_carried is not None:
            boards = boards_carried
        if boards and references and boards_carried is None:
            # "the Board's member organisations - A, B and C - ..., and the Board was working with the X
            # Partnership": a reference before the cue, the boards named only after it
            lo, hi = bisect_left(ref_starts, sent.start), bisect_left(ref_starts, sent.end)
            first_named = min(s for s, _, ci in board_spans if sent.start <= s < sent.end and ci in boards)
            cue_at = _cue_at(sent.text, cue) if isinstance(cue, list) else None
            early = sorted({ci for at, ci, _ in references[lo:hi] if clusters[ci].kind in PARTNERSHIP_KINDS
                            and cue_at is not None and at < sent.start + cue_at < first_named})
            if early:
                boards = early
        if references and (not boards or boards_carried is None and former and set(boards) <= former):
            # (a sentence naming only a board it calls gone, beside "the Partnership": the successor's)
            lo, hi = bisect_left(ref_starts, sent.start), bisect_left(ref_starts, sent.end)
            refd = sorted({ci for _, ci, _ in references[lo:hi] if clusters[ci].kind in PARTNERSHIP_KINDS}
                          - (set(boards) if boards else set()))
            if not boards or refd and not set(refd) <= former:
                boards = refd
            k = si
            while k > 0 and sentences[k - 1].line == sent.line:
                k -= 1
            line_start = sentences[k].start
            if not boards and any(clusters[ci].kind not in PARTNERSHIP_KINDS and clusters[ci] is not main
                                  and (ci == host
                                       or any(line_start <= x.start < sent.start for x in clusters[ci].mentions))
                                  for _, ci, _ in references[lo:hi]):
                # "... she chaired the Eastvale DAPB. The Board's membership includes ...": the sentence means
                # the other kind of board its paragraph named before it, never the page's main one (the learned
                # pass weighs it); not "He reminded the Board that ..." at the meeting of a board named far above,
                # unless that board is the host of its own minutes (a domestic abuse board's notes naming the SAB)
                continue
        if not boards and boards_carried is None and any(
                sent.start <= s0 < sent.end and clusters[ci].kind not in PARTNERSHIP_KINDS and clusters[ci] is not main
                and clusters[ci].kind in BOARD_KINDS for s0, _, ci in board_spans):
            # "... the Eastvale YOS Management Board, which is chaired by ..., and whose members include ...": the
            # sentence's board is another kind's, never the page's main one (the learned pass weighs it)
            continue
        if not boards:
            sec = section_board(sections, sent.start)
            if sec is None:
                if main is None:
                    continue
                sec = clusters.index(main)
            boards = [_successor(clusters, sec, former)]
        statutory_at = rules.statutory_cues.search(sent.text) if statutory_carried is None else statutory_carried
        stop = (_AFTER_STATUTORY.search(sent.text, statutory_at.end())
                if statutory_at and statutory_carried is None else None)
        if heading_list:
            carried, dangling = (cue, statutory_at, boards), False
            continue  # the heading's own words are the list's title, not a member
        after_colon = sent.text.rstrip().endswith(":")
        if after_colon or _dangling(sent.text):
            carried = (cue, statutory_at, boards)
            dangling = not after_colon
        found: list[tuple[str, int, int | None]] = []
        lo, hi = ((bisect_left(a_starts, sent.start), bisect_left(a_starts, sent.end)) if in_order
                  else (0, len(agencies)))
        for ai in range(lo, hi):
            a = agencies[ai]
            if sent.start <= a.start < sent.end and not _national_of(sent.text, max(0, a.start - sent.start - 80),
                                                                     a.start - sent.start):
                found.append((a.sector, a.start - sent.start, ai))
        for m in _sentence_phrases(sent, text, rules):
            s_abs, e_abs = sent.start + m.start(), sent.start + m.end()
            if in_board(s_abs, e_abs) or in_agency(s_abs, e_abs):
                continue
            head = sent.text[:m.start()]
            if (_in_post(head, after=sent.text[m.end():m.end() + 3])
                    or _national_of(sent.text, max(0, m.start() - 80), m.start())):
                continue  # "Consultant in Public Health", "Director of Children's Services": a post, not a partner
            found.append((rules.sector_of_group[_group(m)], m.start(), None))
        for sector, pos, agency_i in found:
            if sent.start + pos in posts:
                continue
            statutory = (True if statutory_at and (stop is None or pos < stop.start()) else None)
            for b in boards:
                key = (b, sector)
                if key not in out or (statutory and not out[key].statutory):
                    out[key] = PartnerFact(b, sector, statutory, agency_i, sent.start, sent.end)
    return sorted(out.values(), key=lambda f: (f.board, f.start, f.sector))


# --- candidates and the learned decision -------------------------------------------


# capital first, then "no word character, & or - before it" (as orgs._ACRONYM): the same matches
# as a look-behind first, which the engine tried at every character
_ACRONYM = re.compile(r"[A-Z](?<![\w&-].)[A-Z&]{1,7}(?![\w&-])")


def _acronyms(text: str) -> list[re.Match]:
    """``list(_ACRONYM.finditer(text))``, read from orgs' acronyms of the page (one scan of its
    capitals for both, ``orgs.acronym_matches``). ``orgs._ACRONYM`` is this pattern but for
    allowing "&" before and after and a plural "s": its matches with no "s" and no "&" on either
    side are exactly these, at the same spans. Why exact: both take the whole run of capitals
    and "&" after the first capital (a shorter one is followed by a capital or "&", which both
    refuse, but for orgs' "&", dropped here); orgs' start needs less before it, so no match of
    this pattern is covered by an earlier one of orgs' (inside a match stands a capital, "&" or
    "s" before each character); tests/test_speed13.py compares them on every page."""
    return [m for m in acronym_matches(text)
            if not m.group(2) and text[m.start() - 1:m.start()] != "&" and text[m.end():m.end() + 1] != "&"]


@dataclass(frozen=True)
class SectorMention:
    """A sector named somewhere in the text: a phrase ("the police"), a named agency
    ("Westshire Constabulary") or an agency acronym by its generic ending ("...CCG", "...FRS")."""

    sector: str
    start: int
    end: int
    how: str  # "phrase", "agency" or "acronym"
    text: str
    agency: int | None = None


@dataclass(frozen=True)
class PartnerCandidate:
    """One (board, sector) pair the text might state, with everything that supports it."""

    board: int
    sector: str
    features: tuple[str, ...]  # the pair's own features (board kind, host, rule...)
    evidence: tuple[int, int]  # the best supporting sentence (or list line)
    agency: int | None
    statutory: bool | None
    rule: bool  # the cue rules would state it
    supports: tuple[tuple[str, ...], ...] = ()  # each supporting mention's own features (with the pair's)
    # where its sector is stated with others as a whole: sentences naming three or more sectors
    # (their index) and attendance lists (-1 - the list's start)
    listed_with: frozenset[int] = frozenset()
    support_at: tuple[int, ...] = ()  # where each of ``supports``' mentions stands (none: the rules' pair alone)


def sector_mentions(text: str, clusters: list[OrgCluster], agencies: list, rules: Rules) -> list[SectorMention]:
    """Every sector mention of the document, in text order: one pass of the sector phrases,
    the named agencies, and one pass over capitalised acronyms (their generic endings,
    ``acronym_endings`` in sectors.json, say the sector: "NHS ...CCG", "...FRS", "...CVS")."""
    board_spans = sorted((m.start, m.end) for c in clusters for m in c.mentions)
    b_starts = [a for a, _ in board_spans]
    agency_spans = [(a.start, a.end) for a in agencies]
    a_starts = [a for a, _ in agency_spans]

    def inside(spans, starts, s, e) -> bool:
        i = bisect_right(starts, s) - 1
        return i >= 0 and e <= spans[i][1]

    out = [SectorMention(a.sector, a.start, a.end, "agency", a.text, ai) for ai, a in enumerate(agencies)
           if not _national_of(text, max(0, a.start - 80), a.start)]
    for m in _phrase_matches(text, rules):
        s, e = m.start(), m.end()
        if inside(board_spans, b_starts, s, e) or inside(agency_spans, a_starts, s, e):
            continue
        if _national_of(text, max(0, s - 80), s):
            continue
        out.append(SectorMention(rules.sector_of_group[_group(m)], s, e, "phrase", m.group()))
    endings = rules.acronym_endings
    if endings:
        taken = {(x.start, x.end) for x in out}
        ends = tuple(e for e, _ in endings if not e.endswith("*"))
        begins = tuple(e[:-1] for e, _ in endings if e.endswith("*"))
        for m in _acronyms(text):
            word = m.group()
            if not (word.endswith(ends) or word.startswith(begins)):
                continue  # no ending nor beginning of the table: the loop below would find none
            s, e = m.start(), m.end()
            if (s, e) in taken or inside(board_spans, b_starts, s, e) or inside(agency_spans, a_starts, s, e):
                continue
            if _INSPECTORATE.match(word):
                continue  # HMICFRS, HMIP: an inspectorate, whatever its ending says
            for end_, sector in endings:
                hit = word.startswith(end_[:-1]) if end_.endswith("*") else word.endswith(end_)
                if hit and len(word) > len(end_.rstrip("*")):
                    out.append(SectorMention(sector, m.start(), m.end(), "acronym", word))
                    break
    out.sort(key=lambda x: (x.start, x.end))
    return out


_TOKEN = re.compile(r"\w+")


def _phrase_matches(text: str, rules: Rules) -> list[re.Match]:
    """The sector phrases' matches, like ``finditer`` but trying the big alternation only
    where a word that can start a phrase stands (one cheap word pass instead of trying
    hundreds of alternatives at every character)."""
    return _scan(text, rules)[0]


def cue_matches(text: str, rules: Rules) -> list[re.Match]:
    """The partner cues' matches, by the same first-word dispatch (and the same pass)."""
    return _scan(text, rules)[1]


_SCANS: dict[tuple[object, str], tuple[list[re.Match], list[re.Match], str | None, list[tuple[int, str]]]] = {}


def _scan(text: str, rules: Rules) -> tuple[list[re.Match], list[re.Match]]:
    """One pass over the words of ``text`` for both tables (sector phrases, partner cues);
    the last few texts' results are kept, as the rules and the candidates both ask."""
    found = _scanned(text, rules)
    return found[0], found[1]


def _identity(rules: Rules) -> object:
    """A token of ``rules`` itself (kept in it): a key that no later Rules shares, as its id could."""
    return object()


_FOLDED_APART = "\u0130\u0131\u017f\u212a"  # letters ``scan.folded`` maps to ASCII, which str.lower() does not


def _first_words(rules: Rules) -> dict[str, tuple[re.Pattern | None, re.Pattern | None]]:
    """Word -> (its sector phrases' pattern, its partner cues' pattern), filled as words are met
    (kept in ``rules``): one dict look-up in C per word of the pass, where the two tables'
    ``get`` are Python methods (they compile a group when first asked)."""
    return {}


def _scanned(text: str, rules: Rules) -> tuple[list[re.Match], list[re.Match], str | None, list[tuple[int, str]]]:
    """``_scan``'s two lists, with the lower-cased text when it lines up with ``text``
    (str.lower() kept every offset) and the words the pass tried (``scan.tokens``)."""
    key = (derived(rules, _identity), text)
    hit = _SCANS.get(key)
    if hit is not None:
        return hit
    sectors, cues = rules.sector_first_words or {}, rules.partner_cue_first or {}
    # the page's lower case as the literal search made it (``scan.folded``: the same string when
    # the page has none of the four letters it maps apart), so the search's answer is found by
    # identity instead of hashing and comparing a fresh copy of the page
    lower: str | None = scan.folded(text)
    if lower is None or not (text.isascii() or not any(c in text for c in _FOLDED_APART)):
        lower = text.lower()
    low = lower or ""
    if len(low) != len(text):  # a rare letter whose lower case is longer: offsets would drift
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        lower = None
    out_s: list[re.Match] = []
    out_c: list[re.Match] = []
    done_s = done_c = 0
    toks = scan.tokens(low, sectors, cues)  # the words that can start a phrase or a cue, in order
    first_words = derived(rules, _first_words)
    for at, w in toks:
        pats = first_words.get(w)
        if pats is None:
            pats = first_words[w] = (sectors.get(w), cues.get(w))
        if at >= done_s:
            pat = pats[0]
            if pat is not None:
                m = pat.match(text, at)
                if m:
                    done_s = m.end()
                    out_s.append(m)
        if at >= done_c:
            pat = pats[1]
            if pat is not None:
                m = pat.match(text, at)
                if m:
                    done_c = m.end()
                    out_c.append(m)
    if len(_SCANS) >= 8:
        _SCANS.clear()
    found = _SCANS[key] = (out_s, out_c, lower, toks)
    return found


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _sentence_phrases(sent: Sentence, text: str | None, rules: Rules) -> list[re.Match]:
    """``_phrase_matches(sent.text)`` (offsets in the sentence), from the page's own word pass
    instead of a literal search and a word pass of each sentence.

    Why the same: the words ``scan.tokens`` finds in the sentence are the page's words that
    lie wholly inside it, as long as no word character touches the sentence on either side
    (a word's bounds are judged by its neighbours: padding in the sentence, the page's
    characters in the page), and the page's lower case lines up with it; each is then
    matched in the sentence's own text, as before. Otherwise the sentence is scanned alone."""
    s0, s1 = sent.start, sent.end
    if text is None or text[s0:s1] != sent.text:
        return _phrase_matches(sent.text, rules)
    _, _, lower, toks = _scanned(text, rules)
    if lower is None or (s0 > 0 and _is_word(lower[s0 - 1])) or (s1 < len(lower) and _is_word(lower[s1])):
        return _phrase_matches(sent.text, rules)
    sectors, cues = rules.sector_first_words or {}, rules.partner_cue_first or {}
    first_words = derived(rules, _first_words)  # (as ``_scanned`` reads them)
    out: list[re.Match] = []
    done = 0
    stext = sent.text
    for k in range(bisect_left(toks, (s0, "")), len(toks)):
        at, w = toks[k]
        if at >= s1:
            break
        at -= s0
        if at >= done and at + len(w) <= s1 - s0:
            pats = first_words.get(w)
            if pats is None:
                pats = first_words[w] = (sectors.get(w), cues.get(w))
            pat = pats[0]
            if pat is not None:
                m = pat.match(stext, at)
                if m:
                    done = m.end()
                    out.append(m)
    return out


def host_board(clusters: list[OrgCluster], main: OrgCluster | None, meeting_body: str | None,
               own_meeting: bool, first_list: int | None = None, header: str = "") -> int | None:
    """The board whose own minutes these are: the board named in the header block above an
    attendance list that opens the document (``first_list``: where that list starts; the
    page's own title is the surest sign), else the one the meeting's body names (any kind
    of board, "YOT Management Board" too), else the main board when the pipeline says so. Never
    a board whose group the meeting is ("... Board Topic Group": its own members, not the board's)."""
    hosts = [ci for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS and not is_group_of(c, meeting_body)]
    if first_list is not None and first_list <= _HEADER and header:
        named = [ci for ci in hosts if clusters[ci].first < first_list]
        if named:
            return min(named, key=lambda ci: clusters[ci].first)
        # a header in capitals ("EASTVALE SAFER COMMUNITIES PARTNERSHIP MEETING HELD AT...") that the
        # board rules did not read as a name: the board whose name's words it holds
        words = set(fold_words(header))
        named = [ci for ci in hosts if len(set(fold_words(clusters[ci].name)) - _FILLER) >= 2
                 and set(fold_words(clusters[ci].name)) - _FILLER <= words]
        if named:
            return min(named, key=lambda ci: clusters[ci].first)
    if meeting_body:
        body = set(fold_words(meeting_body))
        named = [ci for ci in hosts if any(set(fold_words(n)) and set(fold_words(n)) <= body
                                           for n in clusters[ci].names)]
        if named:
            return min(named, key=lambda ci: clusters[ci].first)
    if own_meeting and main is not None:
        return clusters.index(main)
    return None


_FILLER = {"the", "of", "and", "for", "local", "s"}


# "a Board member" too: "X had become a Board member" is about the board last named, like "the Board"
# (two patterns, their matches merged in text order: the "a" alternative as one pattern left the
# shared scanner no literal to start from, and "a" stands before every few words; they never overlap)
_REFERENCE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Oo]ur|[Bb]oth|[Tt]hese|[Ee]ach)\s+"
                        r"(?:(?:new|local|strategic|statutory|multi-agency|safeguarding|two|three)\s+){0,3}"
                        r"((?:[Bb]oard|[Pp]artnership|[Ee]xecutive)(s?))\b")
# (the capital first, the start of the word checked behind it: re jumps to each "T"/"t", where "\b" tried every place)
_THE_TWO_WORDS = re.compile(r"[Tt](?<=\b[Tt])he\s+([A-Z][a-z]+)\s+(Board|Partnership)\b")
_ITS_MEMBERS = re.compile(r"\b[Ii]ts\s+(?:(?:core|statutory|full|wider|current|other)\s+)?(?:members(?:hip)?|partners"
                          r"|(?:partner|member)\s+(?:agencies|organisations|organizations)|responsible\s+authorities)\b")
_ITS_REACH = 300  # characters from the board's name to "Its members"
_A_MEMBER = re.compile(r"\b[Aa]\s+(Board|Partnership)()(?=\s+member)")  # groups as _REFERENCE's
_A_MEMBER_BACK = re.compile(r"\s+(?:draoB|pihsrentraP)\s+[Aa]")
"""``_A_MEMBER`` up to its look-ahead's spaces, read backwards (reversed) from a "member"."""


def _a_member_matches(text: str) -> list[re.Match]:
    """``list(_A_MEMBER.finditer(text))``, found from the page's "member"s. Why: the pattern opens
    with ``\b``, so re entered it at every character of the page (a few per cent of the regex
    engine's time on a page with a "member", most pages of minutes), for a match on few pages.

    Why exact: every match is followed by its spaces and a "member" (its look-ahead), and read
    backwards from that "member" its spaces, head word, spaces and "a" are matched by
    ``_A_MEMBER_BACK`` (each run of spaces whole both ways: a letter stands on either side), which
    gives where the match starts; ``_A_MEMBER.match`` there checks the rest (the ``\b``) and gives the
    match itself. Two matches never overlap (no "a" at a word's start inside one), so these are
    ``finditer``'s, and the "member"s, found in order, give them in order."""
    out: list[re.Match] = []
    i = text.find("member")
    if i < 0:
        return out
    back, size = scan.reversed_text(text), len(text)
    while i >= 0:
        b = _A_MEMBER_BACK.match(back, size - i)
        if b is not None:
            m = _A_MEMBER.match(text, size - b.end())
            if m is not None:
                out.append(m)
        i = text.find("member", i + 6)
    return out
_ALIAS = re.compile(r"\b([A-Z][A-Z&]{2,9})\s+(?:is|was)\s+(?:the|our)\s+")
_ALIAS_TAIL = re.compile(r"\s+(?:eht|ruo)\s+(?:si|saw)\s+[A-Z&]")
"""The end of an ``_ALIAS`` match read backwards ("[A-Z&] is the " reversed), matched on the
reversed page from a board name's start: only a match that ends where a name starts is used,
so a page where no name has it before is not scanned for ``_ALIAS`` at all. Why: ``_ALIAS``
opens with a capital, so re tries it at every capital of the page (the page's "the" or "our",
its literal gate, stands on every page), about 1% of a page's instructions for an alias met on
few pages. Each run of spaces is read whole both ways (a letter stands on either side), so the
backward match holds exactly where the forward pattern's tail ends at the name."""


def board_references(text: str, clusters: list[OrgCluster], main: OrgCluster | None,
                     boards: list[int], sections: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """(position, board, how) for what names a board without its name: "the Board", "our
    partnership", "the new Partnership" (the latest board before it with that head word,
    else the main board), "both partnerships" / "these boards" (every board with that head
    named in the 600 characters before), and an acronym the text defines as a board ("CYSUR
    is the Mid and West Wales ... Board": its every use). Generic: no name is listed."""
    spans = sorted((m.start, m.end, ci) for ci in boards for m in clusters[ci].mentions)
    if not spans:
        return []
    out: list[tuple[int, int, str]] = []
    heads = {ci: (fold_words(clusters[ci].name)[-1:] or [""])[0] for ci in boards}
    main_i = clusters.index(main) if main is not None else None
    span_starts = [s for s, _, _ in spans]
    by_end = sorted(spans, key=lambda x: (x[1], x[0]))
    seen: dict[str, list[tuple[int, int]]] = {}  # head -> (start, board) of names ended so far, in order
    seen_all: list[tuple[int, int]] = []  # the same, every head
    k = 0
    items: list[int] | None = None  # the page's agenda items, read at its first reference to the main board's head
    found = scan.finditer(_REFERENCE, text)
    a_member = _a_member_matches(text)
    if a_member:
        found = merge(found, a_member, key=lambda m: m.start())
    for m in found:  # one sweep: references and names in text order
        at = m.start()
        while k < len(by_end) and by_end[k][1] <= at:
            s0, _, ci = by_end[k]
            seen.setdefault(heads[ci], []).append((s0, ci))
            seen_all.append((s0, ci))
            k += 1
        i = bisect_right(span_starts, at) - 1
        if i >= 0 and at < spans[i][1]:
            continue  # part of a board's own name
        head = m.group(1).lower().rstrip("s")
        before = seen.get(head, [])
        each = not m.group(2) and m.group(0)[:4].lower() == "each"
        if m.group(2) or each:  # plural: the boards named just before, of that head if two are, else of any head
            # ("each board" too: every one of the boards named just before, when two are)
            both = m.group(0)[:4].lower() == "both"
            # first within the sentence that named the last of them ("... covers the X Partnership and
            # the Y Board. These boards are..."), so a board named further up (the meeting's own title)
            # is not taken for one of them because its head word matches
            cut = sentence_start(text, seen_all[-1][0]) if seen_all else at
            several = sorted(
                _named_before([x for x in before if x[0] >= cut], at, both)
                or _named_before([x for x in seen_all if x[0] >= cut], at, both)
                or _named_before(before, at, both) or _named_before(seen_all, at, both))
            if not several and m.group(2) and not each:
                # "The boards' work is funded jointly by ...", far below where the page named its two boards:
                # a page that names only two or three boards before it means them all
                distinct = sorted({ci for _, ci in seen_all})
                several = distinct if 2 <= len(distinct) <= 3 else []
            out += [(at, ci, "ref-plural") for ci in several]
            if each and not several and before:
                out.append((at, before[-1][1], "ref"))  # "each board" after one board: that board
        elif main_i is not None and heads.get(main_i) == head:
            if items is None:  # (``sections``: the caller's ``section_headings``, when it has them)
                items = _scope_starts(text, section_headings(text, clusters) if sections is None else sections)
            out.append((at, _item_board(items, spans, at, main_i, head, heads, text), "ref"))
        elif before:
            out.append((at, before[-1][1], "ref"))
    # "The Management Board's membership includes ...": the one board whose name ends in those two words (the
    # page's "Eastvale Youth Justice Management Board"), named short
    if "he " in text:
        tails: dict[tuple[str, ...], set[int]] = {}
        for ci in boards:
            words = fold_words(clusters[ci].name)
            if len(words) >= 3:
                tails.setdefault(tuple(words[-2:]), set()).add(ci)
        for m in scan.finditer(_THE_TWO_WORDS, text) if tails else ():
            i = bisect_right(span_starts, m.start(1)) - 1
            if i >= 0 and m.start(1) < spans[i][1]:
                continue  # part of a board's own name
            if m.group(1) == "Partnership":
                continue  # "the Partnership Board": a partnership's own board, whatever other board ends so
            owners = tails.get((m.group(1).lower(), m.group(2).lower()), set())
            if len(owners) == 1:
                out.append((m.start(), next(iter(owners)), "ref"))
    # "Its members include ...": the board the sentence before named last (a sentence's subject, mostly)
    ends = [e for _, e, _ in by_end]
    placed_kinds = {c.kind for c in clusters if c.place}
    for m in scan.finditer(_ITS_MEMBERS, text):  # (tried only where the page's literal search finds its words)
        k = bisect_right(ends, m.start()) - 1
        # (past a kind's generic name when the page names a body of that kind with its place: "The Partnership
        # is the statutory Community Safety Partnership for the borough. Its responsible authorities are ...")
        while k > 0 and m.start() - ends[k - 1] <= _ITS_REACH and not clusters[by_end[k][2]].place \
                and clusters[by_end[k][2]].kind in placed_kinds:
            k -= 1
        if k >= 0 and m.start() - ends[k] <= _ITS_REACH:
            out.append((m.start(), by_end[k][2], "ref"))
    starts = {s: ci for s, _, ci in spans}
    aliases: dict[str, int] = {}
    back, size = scan.reversed_text(text), len(text)
    tail = _ALIAS_TAIL.match
    found_aliases = scan.finditer(_ALIAS, text) if any(tail(back, size - s) for s in starts) else iter(())
    for m in found_aliases:  # the same matches, tried only where "the" or "our" stands
        named = starts.get(m.end())
        if named is not None:
            aliases.setdefault(m.group(1), named)
    if aliases:
        for use in _acronyms(text):
            named = aliases.get(use.group())
            if named is not None:
                out.append((use.start(), named, "alias"))
    return sorted(set(out))


def _named_before(named: list[tuple[int, int]], at: int, both: bool) -> list[int]:
    """The distinct boards of ``named`` (start, board; in text order) named in the 600
    characters before ``at``, latest first: the last two for "both", and only when at least
    two are there (a plural reference means more than one board)."""
    near: list[int] = []
    for s0, ci in reversed(named):
        if s0 < at - 600 or (both and len(near) == 2):
            break
        if ci not in near:
            near.append(ci)
    return near if len(near) >= 2 else []


# a funding verb may carry an adverb ("funded jointly by", "jointly fund the", "co-funded by"): the
# partners' commitment to the board in other words
_WEAK_CUE = scan.compile(r"(?i)\b(?:funding from|(?:co-)?funded (?:(?:jointly|equally) )?by|contributions? (?:from|to)"
                         r"|jointly (?:responsible|funded|fund|funds)|contribute (?:to|towards) the|"
                         r"established with|formed (?:by|with)|signator(?:y|ies)|funded equally|equal funding)\b")
_NEAR = tuple((d, f"d={d}", f"r={d}") for d in (0, 1, -1, 2, 3, -2, 4, 5))  # sentence offsets, nearest first
_ELSEWHERE = "list-of-host"  # a mention in the host's attendance list, for another board: a post held, not membership
_HEADER = 600  # an attendance list that starts this early opens the document: its header names the host


# what a mention's words around it say of the agency's role in the sentence (features, not rules:
# each shape is as often a member's as not, and the model weighs it)
# the agency is the subject of a report to the meeting ("Westshire Fire Service provided an update",
# "the police reported that..."): the verb within four words after it
_REPORTS = re.compile(r"(?:\s*\([^()]{0,20}\))?\s+(?:[\w'’&-]+\s+){0,4}?(?:had\s+|has\s+)?(?:provided|gave|presented"
                      r"|reported|introduced|updated|outlined|explained|confirmed|informed|highlighted)\b")
# the agency names whose report it is ("the report of the Director of ...", "a report from the council")
# (or gave a presentation, an update or a briefing: "received a presentation from the fire service")
_AUTHOR = re.compile(r"(?i)\b(?:reports?|presentations?|updates?|briefings?)\s+(?:of|from|by)\s+(?:the\s+)?"
                     r"(?:[\w'’&,-]+\s+){0,6}$")


def _author(text: str, lo: int, hi: int) -> bool:
    """``_AUTHOR.search(text, lo, hi)``, searched only where the window holds "report" in some
    case (most windows do not: the pattern tried at each of their characters is the cost)."""
    window = text[lo:hi].lower()
    return (("eport" in window or "resentation" in window or "pdate" in window or "riefing" in window)
            and _AUTHOR.search(text, lo, hi) is not None)


# an audience: the sectors named are whom an event or training reached ("staff from schools, GP surgeries
# and the police", "a conference for practitioners"), not the board's members
_AUDIENCE = scan.compile(r"(?i)\b(?:staff|practitioners|professionals|delegates|attendees|colleagues|workers)\s+"
                         r"(?:from|in|across|working in)\b|\b(?:conference|training|workshops?|seminars?|event|"
                         r"briefings?|courses?|webinars?)\b")
# a duty or framework stated in general ("local authorities must", "are required to", "duty to"),
# where the sectors named are anybody's, not the board's members
_DUTY = scan.compile(r"(?i)\b(?:must|duty|duties|required to|framework|legislation|guidance|act 20\d\d)\b")

_ADVERBS = frozenset({"jointly", "also", "now", "currently", "formally", "equally", "fully", "actively", "regularly",
                      "all", "both"})


def _cue_name(cue: str) -> str:
    """A cue's words as its feature's name, without the adverb the cue patterns let stand
    after the first word ("convened jointly with" is the cue "convened with")."""
    first, *rest = cue.lower().split()
    return " ".join([first] + [w for w in rest if w not in _ADVERBS])


# a numbered agenda item's heading: a short line "3. Carers strategy", "Item 12 - Annual report" that
# ends no sentence (a numbered paragraph, "3.2 The Board noted the report.", ends in a full stop)
# (written after the line break that starts the line, a literal the engine jumps to, where "^" in
# multi-line mode was tried at every character; the page's first line is matched on its own)
_ITEM_BODY = (r"[ \t]*(?:(?:Agenda[ \t]+)?Item[ \t]+)?\d{1,3}[.):]?(?:[ \t]+(?:[-–][ \t]+)?|"
              # the number alone on its line, the item's title on the next line but blank ones
              # ("16.\n\nEastvale Safeguarding Adults Board Annual Report")
              r"[ \t]*\n(?:[ \t]*\n){0,2}[ \t]*)[A-Z]"
              r"[^\n]{0,100}?[^.\n:;,][ \t]*$")
_ITEM_HEAD = re.compile(r"(?m)\n" + _ITEM_BODY)
_ITEM_FIRST = re.compile(r"(?m)" + _ITEM_BODY)
_HERE = frozenset({"d=0", "r=0"})  # a board named or referred to in the mention's own sentence


def section_headings(text: str, clusters: list[OrgCluster]) -> list[tuple[int, int]]:
    """(line start, board) for each line that is a board's full name and nothing else: the heading
    of that board's section on a page of several ("Eastvale Domestic Abuse Partnership Board" over
    "Members include the Council's housing service, ..."), in order; none when such lines name only
    one board."""
    out = []
    for ci, c in enumerate(clusters):
        if c.kind not in BOARD_KINDS:
            continue
        for x in c.mentions:
            if x.acronym or x.end - x.start < 12:
                continue
            ls = text.rfind("\n", 0, x.start) + 1
            le = text.find("\n", x.end)
            le = len(text) if le < 0 else le
            if _HEADING_LEAD.fullmatch(text, ls, x.start) and _HEADING_TAIL.fullmatch(text, x.end, le):
                out.append((ls, ci))
    # a page with one board's headings only (its title over the page) has no sections of boards
    return sorted(out) if len({ci for _, ci in out}) > 1 else []


_HEADING_LEAD = re.compile(r"[ \t]*(?:[Tt]he[ \t]+)?")
_HEADING_TAIL = re.compile(r"[ \t]*(?:\([A-Z]{2,8}\))?[ \t]*")


def section_board(sections: list[tuple[int, int]], pos: int) -> int | None:
    """The board whose section heading (``section_headings``) is the last before ``pos``, if any."""
    k = bisect_right(sections, (pos, len(sections) + 10**6)) - 1
    return sections[k][1] if k >= 0 else None


def _item_board(items: list[int], spans: list[tuple[int, int, int]], at: int, main_i: int, head: str,
                heads: dict[int, str], text: str) -> int:
    """What "the Board" at ``at`` means on a page of agenda items (or of boards' sections): the main
    board, unless the item it stands in never names the main board but names another board of that
    head word before it
    ("17. Domestic Abuse Partnership Board - Annual Update ... the Board's members included ..." on
    a page whose main board is the adults' board): the one named last before it in the item."""
    k = bisect_right(items, at) - 1
    # (before the page's first item, or on a page of none: the page so far is the stretch it stands in)
    lo, hi = (items[k], (items[k + 1] if k + 1 < len(items) else len(text))) if k >= 0 else (0, at)
    inside = [(s0, ci) for s0, _, ci in spans if lo <= s0 < hi]
    # (the main board named in the item only after it: "... she chaired the Eastvale DAPB. The Board's
    # membership includes ... It links to the Eastvale SAB": the board of that head word named before it)
    if any(ci == main_i and s0 < at for s0, ci in inside):
        return main_i
    named = [(s0, ci) for s0, ci in inside if s0 < at and heads.get(ci) == head]
    return max(named)[1] if named else main_i


def _scope_starts(text: str, sections: list[tuple[int, int]]) -> list[int]:
    """Where the page's numbered agenda items and its boards' sections (``section_headings``) start,
    in order: the stretches "the Board" and a list of sectors are read within."""
    return sorted(set(_item_starts(text)) | {at for at, _ in sections})


def _item_starts(text: str) -> list[int]:
    """Where each numbered agenda item's heading line starts (``_ITEM_BODY``), in order."""
    out = [0] if _ITEM_FIRST.match(text) else []
    out += [m.start() + 1 for m in _ITEM_HEAD.finditer(text)]
    return out


# a board named as the one replaced: "..., replacing the former Eastvale LSCB", "the Eastvale LSCB was replaced
# by ..." (the sentence's list is the new body's; a page's later "the Partnership" is not the old board either)
_REPLACED_BEFORE = re.compile(r"(?i)\b(?:replac(?:e|es|ed|ing)|abolish(?:ed|ing)?|succeed(?:s|ed|ing)?)\s+"
                              r"(?:the\s+|its\s+)?(?:former\s+|previous\s+|old\s+)?$|\b(?:former|previous)\s+$")
_REPLACED_AFTER = re.compile(r"(?i)\s*(?:\([^()]{1,12}\)\s*)?"
                             r"(?:was|were|has\s+been|had\s+been|will\s+be|is\s+to\s+be)\s+(?:\w+\s+)?(?:replaced|abolished|disbanded|superseded|dissolved)\b")


def _replaced_at(text: str, start: int, end: int) -> bool:
    """Whether the board's name at ``start``..``end`` is named as the former, replaced body. (Per
    mention, narrower than ``former_boards``, which marks a whole board any of whose mentions calls
    it gone: this one takes that mention out of the sentence's boards, that one hands a gone board's
    list to its successor; area CV and the invented corpus each need both.)"""
    if _LAST_REPLACING[0] is not text:  # asked for every board mention of a page: the page's answer kept
        _LAST_REPLACING[0], _LAST_REPLACING[1] = text, _may_call_replaced(text)
    if not _LAST_REPLACING[1]:
        return False
    return bool(_REPLACED_BEFORE.search(text, max(0, start - 40), start) or _REPLACED_AFTER.match(text, end))


_REPLACED_WORDS = ("replac", "abolish", "succeed", "former", "previous", "disband", "supersed", "dissolv")
"""One of these (in any case) is in every match of _REPLACED_BEFORE and _REPLACED_AFTER."""
_ODD_FOLDS = "\u0130\u0131\u017f\u212a"  # letters re's IGNORECASE takes for ASCII ones, which str.lower() does not
_LAST_REPLACING: list = [None, True]
"""The last page ``_replaced_at`` was asked about (held, so that ``is`` cannot see a new page at its
address) and whether it can call any board replaced."""


def _may_call_replaced(text: str) -> bool:
    """Whether a page holds one of _REPLACED_WORDS in some case (most pages do not: then none of its
    board names is looked at). A page with a letter that IGNORECASE folds to an ASCII one is searched."""
    if not text.isascii() and any(c in text for c in _ODD_FOLDS):
        return True
    low = text.lower()
    return any(w in low for w in _REPLACED_WORDS)


def partner_candidates(sentences: tuple[Sentence, ...], clusters: list[OrgCluster], main: OrgCluster | None,
                       agencies: list, rules: Rules, text: str, meeting_body: str | None = None,
                       own_meeting: bool = False) -> list[PartnerCandidate]:
    """Every (board, sector) pair where a sector is named in a sentence or attendance list
    near a board's name, or anywhere in the main board's document, described for the model."""
    boards = [ci for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS]
    if not boards or not sentences:
        return []
    starts = [s.start for s in sentences]

    def sent_of(pos: int) -> int:
        return max(0, bisect_right(starts, pos) - 1)

    boards_in: dict[int, set[int]] = {}
    live = [(m.start, ci) for ci in boards for m in clusters[ci].mentions if not _replaced_at(text, m.start, m.end)]
    for at, ci in live:
        boards_in.setdefault(sent_of(at), set()).add(ci)
    refs_in: dict[int, set[int]] = {}
    named_at: list[tuple[int, int]] = sorted(live)
    sections = section_headings(text, clusters)  # (once a page: references, rules and scopes read them)
    regions = attendance_regions(text)
    first_list = regions[0].start if regions else None
    host = host_board(clusters, main, meeting_body, own_meeting, first_list, text[:first_list or 0])
    main_i = clusters.index(main) if main is not None else None
    # in a board's own minutes with its attendance list, "The Board's membership now includes ..." is that
    # board's, though the page's main board be another (a domestic abuse board's notes naming the adults board)
    owner = clusters[host] if host is not None and regions and main_i != host else main
    refs = board_references(text, clusters, owner, boards, sections)
    for at, ci, _how in refs:
        refs_in.setdefault(sent_of(at), set()).add(ci)
        named_at.append((at, ci))
    named_at.sort()
    named_pos = [a for a, _ in named_at]

    def topic(pos: int) -> int | None:
        """The board named or referred to last before ``pos``: what the text is talking about."""
        k = bisect_right(named_pos, pos) - 1
        return named_at[k][1] if k >= 0 else None
    committee = council_body(meeting_body) and host is None
    # a host known by the meeting's body alone while the page is about another board (a Health and
    # Wellbeing Board receiving a partnership's annual report): it receives the report, and the
    # sectors the report names are the partnership's, not the receiving board's
    # (it is then no host: its features are a named board's, so the weights of a host known by the body
    # alone are learned from boards' own pages, where the members named are the host's)
    receiver = host if host is not None and not regions and main_i not in (None, host) else None
    if receiver is not None:
        host = None
    r_starts = [r.start for r in regions]
    recs = records(text, regions, lists_only=True)
    rec_starts = [r.start for r in recs]

    def region_of(pos: int) -> Region | None:
        i = bisect_right(r_starts, pos) - 1
        return regions[i] if i >= 0 and pos < regions[i].end else None

    def record_of(pos: int):
        i = bisect_right(rec_starts, pos) - 1
        return recs[i] if i >= 0 and pos < recs[i].end else None

    text_cues = _with_shape_cues(_with_cue_at(_with_board_verbs(_cue_sentences(sentences, rules, text), sentences, text,
                                                                _board_ends(text, clusters, refs)),
                                              sentences, _funded_starts(text, clusters, refs), BOARD_FUND_CUE),
                                 sentences, text)
    text_cues = _with_cue_at(text_cues, sentences, _attended_starts(text, clusters, refs), BOARD_ATTENDED_CUE)
    named_in: dict[int, list[int]] = {}  # board -> where its name stands, in order (for in_scope)
    for ci in boards:
        named_in[ci] = sorted(m.start for m in clusters[ci].mentions)
    if meeting_body is None and not regions:
        # a page that records no meeting (a partnership's web page in numbered sections): its sections are
        # about the board "the partnership" there stands for, whose name the section need not repeat
        for at, ci, _how in refs:
            insort(named_in[ci], at)
    items = _scope_starts(text, sections)  # most pages have neither agenda items nor sections

    def in_scope(ci: int, pos: int) -> bool:
        """Whether a list of sectors at ``pos`` can be stated of board ``ci`` as a whole (its
        pairs share the best one's probability, ``with_siblings``): always, unless the page
        is cut into numbered agenda items (or boards' sections) and ``pos`` stands in one whose heading and text
        never name the board (a later item's strategy "consulted schools, the police and the
        voluntary sector" says nothing of the board whose report was item 2). The host's
        items are all its own; "the Board" in another item may be the host, so only names count."""
        if ci == host or not items:
            return True
        k = bisect_right(items, pos) - 1
        if k < 0:
            return True
        lo, hi = items[k], (items[k + 1] if k + 1 < len(items) else len(text))
        at = named_in.get(ci, [])
        j = bisect_left(at, lo)
        return j < len(at) and at[j] < hi
    mentions = sector_mentions(text, clusters, agencies, rules)
    posts = _posts(mentions, recs)
    former = former_boards(text, clusters)
    rule_facts = {(f.board, f.sector): f
                  for f in rule_partners(sentences, clusters, main, agencies, rules, own_meeting, text_cues, refs,
                                         text, posts, former, sections,
                                         host=host if host is not None and regions and main_i != host else None)}
    support: dict[tuple[int, str], list[tuple[str, ...]]] = {}
    support_at: dict[tuple[int, str], list[int]] = {}  # where each supporting mention stands
    first_at: dict[tuple[int, str], tuple[int, int, int]] = {}
    agency_of: dict[tuple[int, str], int] = {}
    listed: dict[tuple[int, str], set[int]] = {}
    cue_cache: dict[int, tuple[str, ...]] = {}

    def cues(i: int) -> tuple[str, ...]:
        if i not in cue_cache:
            t = sentences[i].text
            found = ["cue=" + _cue_name(c) for c in text_cues.get(i, ())]
            if scan.search(rules.statutory_cues, t, within=(text, sentences[i].start)):
                found.append("statutory")
            cue_cache[i] = tuple(found[:8])
        return cue_cache[i]

    def new_arrangements(i: int) -> bool:
        """Whether sentence ``i``, or the one before it, holds a cue of the 2019 arrangements."""
        return any(_NEW_ARRANGEMENTS.search(x) for j in (i, i - 1) if j >= 0 for x in cues(j))

    weak_cache: dict[int, bool] = {}
    nsec_cache: dict[int, str] = {}

    def nsec(i: int) -> str:
        """How many sectors sentence ``i`` names, binned (a feature of each of its mentions)."""
        if i not in nsec_cache:
            nsec_cache[i] = f"nsec={bin_of(len(sectors_in[i]), (2, 3, 4, 6))}"
        return nsec_cache[i]

    def weak(i: int) -> bool:
        """Whether sentence ``i`` has a weak cue (asked for each of its mentions: once)."""
        if i not in weak_cache:
            # tried only where one of its phrases starts (the page's literal search): the case-blind
            # alternation was entered at every character of the sentence
            weak_cache[i] = scan.search(_WEAK_CUE, sentences[i].text, within=(text, sentences[i].start)) is not None
        return weak_cache[i]

    shape_cache: dict[int, tuple[str, ...]] = {}

    def shape(i: int) -> tuple[str, ...]:
        """What sentence ``i`` says in general words (a duty, an audience): once per sentence."""
        if i not in shape_cache:
            t, at = sentences[i].text, (text, sentences[i].start)  # searched where their words stand (scan)
            shape_cache[i] = ((("duty",) if scan.search(_DUTY, t, within=at) else ())
                              + (("audience",) if scan.search(_AUDIENCE, t, within=at) else ()))
        return shape_cache[i]

    sectors_in: dict[int, set[str]] = {}
    for sm in mentions:
        sectors_in.setdefault(sent_of(sm.start), set()).add(sm.sector)
    near_of: dict[int, dict[int, str]] = {}  # sentence -> its boards by how near (read only below)
    near_feats: dict[tuple[str, str, str], tuple[str, str, str]] = {}  # (how near, layout, how) -> its features
    for sm in mentions:
        i = sent_of(sm.start)
        sent = sentences[i]
        region = region_of(sm.start)
        rec = record_of(sm.start) if region else None
        near = near_of.get(i)  # board -> how near, nearest first: the sentence's, whatever the mention
        if near is None:
            near = near_of[i] = {}
            for d, named_d, ref_d in _NEAR:
                here = boards_in.get(i - d)
                if here:
                    for ci in sorted(here):
                        near.setdefault(ci, named_d)
                here = refs_in.get(i - d)
                if here:
                    for ci in sorted(here):
                        near.setdefault(ci, ref_d)
            last = topic(sent.start)
            if last is not None:
                near.setdefault(last, "d=topic")
            if main_i is not None:
                near.setdefault(main_i, "d=main")
            if host is not None:
                near.setdefault(host, "d=host")
        lay = ("list:" + region.kind) if region else ("heading" if sent.heading else "sentence")
        if sm.start in posts:
            continue  # "Head of Education, Westshire County Council": a post held at the agency the record names
        where = "agency-col" if rec and rec.agency_start <= sm.start < rec.end else ("record" if rec else "free")
        # (without ``after``: a comma always continues the title here, a soft sign the model weighs)
        post = _in_post(text[max(sent.start, sm.start - 100):sm.start], sm.how == "phrase")
        lo = max(sent.start, sm.start - 60)
        if not region and not cues(i) and (_biography_before(text, lo, sm.start) or _asked_before(text, lo, sm.start)
                                           or _PRESENTED_BY.search(text, max(sent.start, sm.start - 40), sm.start)):
            # a person's career ("an independent chair with a background in the probation service"), what a
            # question is about ("Members asked about the fire service's role") or who spoke to the meeting:
            # none says who sits on the board (unless the sentence also states membership: "asked whether
            # the Board's partners, the police and ...")
            continue
        role = ((("reports",) if _REPORTS.match(text, sm.end, sent.end) else ())
                + (("author",) if _author(text, max(sent.start, sm.start - 80), sm.start) else ())
                + shape(i))
        base = (f"lay={lay}", f"where={where}", f"how={sm.how}", _phrase_feature(sm),
                f"s={sm.sector}|lay={lay}", f"s={sm.sector}|how={sm.how}",
                nsec(i)) + (("post",) if post else ()) + cues(i) + (
                    ("prev-cue",) if i > 0 and text_cues.get(i - 1) else ()) + (
                    ("weak-cue",) if weak(i) else ()) + role
        nearest = next(iter(near.values()), None)
        named_here = boards_in.get(i, set())
        for ci, how_near in near.items():
            if region is not None and committee and how_near != "d=0":
                continue  # a council committee's attendance list says nothing of a board's membership
            if ci == receiver and (how_near not in _HERE or len(named_here) > (ci in named_here)):
                continue  # a receiving board: only what a sentence says of it by name (or "the Board") alone
            if items and region is None and how_near not in _HERE and not in_scope(ci, sent.start):
                continue  # a later agenda item that never names the board: another subject
            key = (ci, sm.sector)
            lst = support.setdefault(key, [])
            if len(lst) < 40:  # the features of a pair's first 40 mentions only: built only for those
                support_at.setdefault(key, []).append(sm.start)
                crossed = near_feats.get((how_near, lay, sm.how))
                if crossed is None:
                    crossed = near_feats[(how_near, lay, sm.how)] = (
                        how_near, f"{how_near}|lay={lay}", f"{how_near}|how={sm.how}")
                feats: tuple[str, ...] = base + crossed + (
                    ("host" if regions else "host-no-list",) if ci == host else ()) + (
                    ("main",) if ci == main_i else ()) + (
                    (_ELSEWHERE,) if region is not None and host is not None and ci != host else ()) + (
                    ("nearest",) if how_near == nearest else ()) + (
                    ("other-named",) if named_here and ci not in named_here and not named_here <= former else ())
                lst.append(feats)
            rank = (0 if how_near == "d=0" else 1 if region else 2, i, sm.start)
            if key not in first_at or rank < first_at[key]:
                first_at[key] = rank
            if region is None:
                if len(sectors_in[i]) >= 3 and in_scope(ci, sent.start):
                    listed.setdefault(key, set()).add(i)
            elif host is None or ci == host:  # an attendance list is stated as a whole too (its region,
                # as a negative key), though the host's list says nothing of another board ("list-of-host")
                listed.setdefault(key, set()).add(-1 - region.start)
            if sm.agency is not None:
                agency_of.setdefault(key, sm.agency)
    # "the three safeguarding partners", "relevant agencies": the 2017 Act's words for the arrangements
    # that replace an LSCB, said of its successor, never of the board the text calls gone (the sentence's
    # own cue, or the one before it that its list answers: "... placed a duty on three safeguarding
    # partners. For Eastvale these are the Council, the ICB and the police."): such mentions support the
    # successor instead
    moved_rules: set[tuple[int, str]] = set()
    for key in sorted(k for k in support if k[0] in former):
        succ = _successor(clusters, key[0], former)
        if succ == key[0]:
            continue
        spots = support_at.get(key, [])
        moved = [k for k in range(len(support[key])) if new_arrangements(sent_of(spots[k]))
                 or _REPLACED_BY_BEFORE.search(text, sentences[sent_of(spots[k])].start, spots[k])]
        if moved:
            to = (succ, key[1])
            for k in moved:
                support.setdefault(to, []).append(support[key][k])
                support_at.setdefault(to, []).append(spots[k])
                first_at.setdefault(to, first_at[key])
            support[key] = [f for k, f in enumerate(support[key]) if k not in moved]
            support_at[key] = [a for k, a in enumerate(spots) if k not in moved]
    for key, rf0 in list(rule_facts.items()):
        succ = _successor(clusters, key[0], former) if key[0] in former else key[0]
        if succ != key[0] and (new_arrangements(sent_of(rf0.start))
                               or _REPLACED_BY_BEFORE.search(text, rf0.start, rf0.end)):
            moved_rules.add(key)
            rule_facts.setdefault((succ, key[1]), PartnerFact(succ, rf0.sector, rf0.statutory, rf0.agency, rf0.start,
                                                              rf0.end, rf0.by, rf0.confidence))
    for key in rule_facts:
        support.setdefault(key, [])
    out = []
    for key in sorted(support):
        ci, sector = key
        sup = support[key]
        rf = rule_facts.get(key)
        own = {f"s={sector}", f"n={bin_of(len(sup), (1, 2, 3, 5, 8, 13))}", f"boards={bin_of(len(boards), (2, 3, 5))}"}
        if rf:
            own |= {"rule", f"rule|s={sector}"}
        if ci == host:
            # a host known by the meeting's body alone (a Health and Wellbeing Board receiving
            # a partnership's report) is not a host known by its own attendance list
            own |= {"is-host", f"is-host|s={sector}", "host-lists" if regions else "host-no-list"}
        if ci == main_i:
            own.add("is-main")
        if ci in former:
            own.add("former")
            if rf is not None and key in moved_rules:
                rf = None
                own -= {"rule", f"rule|s={sector}"}
            if not sup and rf is None:
                continue
        if host is not None:
            own.add("doc-own-minutes")
        pair = tuple(sorted(own))
        if rf:
            ev = (rf.start, rf.end)
        else:
            _, i, pos = first_at[key]
            s = sentences[i]
            ev = (s.start, s.end) if s.end - s.start <= 600 else _line_around(text, pos, s.start, s.end)
        out.append(PartnerCandidate(ci, sector, pair, ev, rf.agency if rf else agency_of.get(key),
                                    rf.statutory if rf else None, rf is not None,
                                    tuple(pair + f for f in sup) or (pair,), frozenset(listed.get(key, ())),
                                    tuple(support_at.get(key, ()))))
    return out


def _posts(mentions: list[SectorMention], recs: list) -> frozenset[int]:
    """Where sector mentions stand in a record's title while its agency column names a sector
    itself ("Housing Needs Manager, Westshire ICB"): the agencies of members are the board's
    partners (the annotation's rule for attendance lists), a title's sector word is a post."""
    starts = [sm.start for sm in mentions]
    out = set()
    for rec in recs:
        if rec.agency_start >= rec.end:
            continue
        k = bisect_left(starts, rec.agency_start)
        if not (k < len(mentions) and mentions[k].start < rec.end):
            continue  # the agency column names no sector: the title is all there is
        council = any(mentions[i].sector == "local-authority"
                      for i in range(k, bisect_left(starts, rec.end)))
        for j in range(bisect_left(starts, rec.start), k):
            if council and mentions[j].sector == "housing":
                continue  # "Head of Housing Options, Eastvale Borough Council": the council's housing service
            out.add(mentions[j].start)
    return frozenset(out)


def _phrase_feature(sm: SectorMention) -> str:
    """What the mention says, in generic words only: a sector phrase as written ("the police",
    "ccg"), a named agency by its last word ("constabulary", "trust": its place words would let
    the model learn areas rather than phrasings), an acronym by its kind alone."""
    if sm.how == "phrase":
        return "p=" + " ".join(sm.text.lower().split())
    if sm.how == "agency":
        return "p=..." + (sm.text.lower().split() or [""])[-1]
    return "p=acronym"


_ASKED = re.compile(r"\b(?:asked|queried|questioned|enquired|wondered|sought\s+assurance)\b(?:[^\S\n]+[\w’']+){0,3}?"
                    r"[^\S\n]+(?:about|whether|if|how|why|what|when|on)\b")


_BIOGRAPHY = re.compile(r"\b(?:background|career|experience|years|grounding)\s+(?:\w+\s+){0,3}?(?:in|with|at)\s+"
                        r"(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}\Z|\b(?:formerly|previously|former)\s+(?:of|with|at|in)\s+"
                        r"(?:the\s+)?\Z|\b(?:retired|former)\s+(?:\w+\s+){0,2}\Z")


def _biography_before(text: str, lo: int, hi: int) -> bool:
    """"a chair with a background in the probation service", "formerly of the police", "a retired
    police officer": the sector is a person's career, which says nothing of who sits on the board."""
    window = text[lo:hi]
    if "ground" not in window and "career" not in window and "experience" not in window and "years" not in window \
            and "former" not in window and "previous" not in window and "retired" not in window:
        return False
    return _BIOGRAPHY.search(window) is not None


# "received a presentation from the fire service", "a verbal update from the police": who spoke to the
# meeting, which says nothing of who sits on the board (unless the sentence states membership)
_PRESENTED_BY = re.compile(r"(?i)\b(?:presentations?|updates?|briefings?)\s+(?:from|by)\s+(?:the\s+)?$")


def _asked_before(text: str, lo: int, hi: int) -> bool:
    """"Members asked about the fire service's role", "queried whether the police attended": the
    sector is what a question is about, which says nothing of who sits on the board (read in the
    60 characters before the mention; its words gate the pattern)."""
    window = text[lo:hi]
    if "ask" not in window and "quer" not in window and "quest" not in window and "enquir" not in window \
            and "wonder" not in window and "assurance" not in window:
        return False
    return _ASKED.search(window) is not None


def _line_around(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """At most 300 characters of a flattened list around ``pos``, as evidence."""
    return max(lo, pos - 150), min(hi, pos + 150)


def _with_attendance(found: list[PartnerFact], text: str, clusters: list[OrgCluster], main: OrgCluster | None,
                     agencies: list, rules: Rules, meeting_body: str | None, own_meeting: bool) -> list[PartnerFact]:
    """The rules' reading of a board's own minutes: every sector named in an attendance list
    (present, members, apologies, a P/A/DNA table) is a partner of the host board."""
    regions = attendance_regions(text)
    if not regions:
        return found
    host = host_board(clusters, main, meeting_body, own_meeting, regions[0].start, text[:regions[0].start])
    if host is None:
        return found
    have = {(f.board, f.sector) for f in found}
    r_starts = [r.start for r in regions]
    out = list(found)
    mentions = sector_mentions(text, clusters, agencies, rules)
    posts = _posts(mentions, records(text, regions, lists_only=True))
    for sm in mentions:
        i = bisect_right(r_starts, sm.start) - 1
        if i < 0 or sm.start >= regions[i].end or (host, sm.sector) in have or sm.start in posts:
            continue
        if _in_post(text[max(regions[i].start, sm.start - 100):sm.start], sm.how == "phrase", text[sm.end:sm.end + 3]):
            continue
        have.add((host, sm.sector))
        lo, hi = _line_around(text, sm.start, regions[i].start, regions[i].end)
        out.append(PartnerFact(host, sm.sector, None, sm.agency, lo, hi, "rule:attendance", 0.8))
    return sorted(out, key=lambda f: (f.board, f.start, f.sector))


def candidate_probability(model: LinearModel, c: PartnerCandidate) -> float:
    """The mean of the model's probabilities over the pair's supporting mentions: the model
    is fitted on mentions (each labelled with its pair's gold), since one stray mention
    should not outvote a membership list, nor one list drown in a document's other words.
    (Measured by area-grouped CV on the development set: mean 0.67 F1, max 0.65, one
    example per pair with the union of the mentions' features 0.62.)"""
    kept = [f for f in c.supports if _ELSEWHERE not in f]
    if not kept:
        return 0.0
    seen: dict[tuple[str, ...], float] = {}  # mentions described alike (a list's lines) are scored once

    def probability(f: tuple[str, ...]) -> float:
        p = seen.get(f)
        if p is None:
            p = seen[f] = model.probability(f)
        return p

    return sum(map(probability, kept)) / len(kept)  # sum() as before: the same float whatever its rounding


EXCLUSIVE_MARGIN = 0.05


def exclusive_probabilities(model: LinearModel, cands: list[PartnerCandidate],
                            margin: float = EXCLUSIVE_MARGIN) -> list[float]:
    """``candidate_probability`` of each candidate, over only the mentions it wins: a sector mention
    says who is a member of one board, the one the model finds likeliest for it, not of every board
    named near it ("the Board's members included the fire service", a paragraph after a CSP was
    named). A mention supports a second board within ``margin`` of its best, and always one its own
    sentence names or points to ("the Eastvale SAB and SCP are made up of", "both boards")."""
    probs: list[list[float]] = []
    best: dict[int, float] = {}  # per mention: the best of every board
    best_near: dict[int, float] = {}  # per mention: the best of the boards near it (not the page's defaults)
    memo: dict[tuple[str, ...], float] = {}
    for c in cands:
        ps = []
        for f in c.supports:
            p = memo.get(f)
            if p is None:
                p = memo[f] = model.probability(f)
            ps.append(p)
        probs.append(ps)
        for at, p, f in zip(c.support_at, ps, c.supports, strict=False):
            if _ELSEWHERE not in f:
                best[at] = max(p, best.get(at, -1.0))
                if not _DEFAULT_BOARD & set(f):
                    best_near[at] = max(p, best_near.get(at, -1.0))
    out = []
    for c, ps in zip(cands, probs, strict=True):
        if len(c.support_at) != len(c.supports):  # the rules' pair alone: no mention of its own
            kept = [p for p, f in zip(ps, c.supports, strict=True) if _ELSEWHERE not in f]
        else:
            # (a board near the mention competes only with the boards near it: the page's default, its
            # host or main board, is there for every mention and wins many by its prior alone)
            kept = [p for at, p, f in zip(c.support_at, ps, c.supports, strict=True)
                    if _ELSEWHERE not in f and (_HERE & (fs := set(f)) or p >= (
                        best[at] if _DEFAULT_BOARD & fs else best_near.get(at, best[at])) - margin)]
        out.append(sum(kept) / len(kept) if kept else 0.0)
    return out


_DEFAULT_BOARD = frozenset(("d=host", "d=main", "d=topic"))  # a board a mention gets for no nearness


_SIBLING_SHARE = 0.9


def with_siblings(cands: list[PartnerCandidate], probs: list[float], threshold: float) -> list[float]:
    """Each candidate's probability, raised to a tenth below its best kept sibling's: a pair
    of the same board whose sector is named in the same sentence among three or more
    sectors ("funded in equal shares by the police, the council and health"). A coordinated
    list of agencies is stated as a whole, while the model scores each sector on its own and
    the sectors named everywhere (the local authority) start low. Measured by area-grouped
    CV on the development set: the mean of the two 0.864, this 0.873 (round 5). Since round 7
    the pairs of one attendance list are siblings too (a list of members is stated as a whole:
    the council's line of a signatories' table beside the police's and the ICB's; CV 0.870 ->
    0.876)."""
    out = list(probs)
    kept: dict[tuple[int, int], float] = {}  # (board, sentence) -> best kept probability
    for c, p in zip(cands, probs, strict=True):
        if p >= threshold:
            for i in c.listed_with:
                kept[(c.board, i)] = max(p, kept.get((c.board, i), 0.0))
    for k, (c, p) in enumerate(zip(cands, probs, strict=True)):
        if p < threshold:
            sib = max((kept.get((c.board, i), 0.0) for i in c.listed_with), default=0.0)
            out[k] = max(p, _SIBLING_SHARE * sib)
    return out


def extract_partners(sentences: tuple[Sentence, ...], clusters: list[OrgCluster], main: OrgCluster | None,
                     agencies: list, rules: Rules, own_meeting: bool = False, text: str | None = None,
                     meeting_body: str | None = None, model: LinearModel | None = None,
                     joint: Sequence[int] = ()) -> list[PartnerFact]:
    """Partner facts: decided by the trained model over the generous candidates where one is
    shipped, else by the cue rules (plus, in a board's own minutes, its attendance lists).
    ``joint``: the boards of a joint meeting (``joint_boards``), whose attendance is each one's."""
    if model is None or text is None:
        boards = [ci for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS]
        refs = board_references(text, clusters, main, boards) if text is not None else None
        found = rule_partners(sentences, clusters, main, agencies, rules, own_meeting, references=refs, text=text)
        if text is None:
            return found
        out = _with_attendance(found, text, clusters, main, agencies, rules, meeting_body, own_meeting)
    else:
        out = []
        cands = partner_candidates(sentences, clusters, main, agencies, rules, text, meeting_body, own_meeting)
        for c, p in zip(cands, with_siblings(cands, exclusive_probabilities(model, cands), model.threshold),
                        strict=True):
            if p >= model.threshold:
                out.append(PartnerFact(c.board, c.sector, c.statutory, c.agency, c.evidence[0], c.evidence[1],
                                       f"model:{model.name}", p))
    if joint:
        out = _joint_shared(out, joint, text, clusters, main, meeting_body, own_meeting)
    return sorted(out, key=lambda f: (f.board, f.start, f.sector))


_JOINT = re.compile(r"(?i)\bjoint(?:[^\S\n]+[\w’'-]+){0,4}?[^\S\n]+meeting\b")


def joint_boards(text: str, clusters: list[OrgCluster]) -> list[int]:
    """The boards of a joint meeting ("Eastvale Safeguarding Adults Board and Eastvale Safeguarding
    Children Partnership / JOINT BOARD MEETING"): those its header names above the attendance list
    that opens the page, when the header says the meeting is joint; none otherwise."""
    regions = attendance_regions(text)
    if not regions or regions[0].start > _HEADER or not _JOINT.search(text, 0, regions[0].start):
        return []
    named = [ci for ci, c in enumerate(clusters) if c.kind in BOARD_KINDS and c.first < regions[0].start]
    return named if len(named) >= 2 else []


def _joint_shared(found: list[PartnerFact], joint: Sequence[int], text: str, clusters: list[OrgCluster],
                  main: OrgCluster | None, meeting_body: str | None, own_meeting: bool) -> list[PartnerFact]:
    """At a joint meeting of the boards ``joint``, the members listed present are all of theirs: the
    host's attendance partners given to the others too (ANNOTATION.md: a board's own minutes'
    attendance gives its partners; a joint meeting is each board's own)."""
    regions = attendance_regions(text)
    host = host_board(clusters, main, meeting_body, own_meeting, regions[0].start, text[:regions[0].start])
    if host not in joint:
        return found
    have = {(f.board, f.sector) for f in found}
    out = list(found)
    for f in found:
        if f.board != host or not any(r.start <= f.start < r.end for r in regions):
            continue
        for ci in joint:
            if (ci, f.sector) not in have:
                have.add((ci, f.sector))
                out.append(PartnerFact(ci, f.sector, f.statutory, f.agency, f.start, f.end, f.by, f.confidence))
    return out
