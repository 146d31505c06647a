"""The meeting a document records: council, body, date and item number.

Only dates the page gives *as the meeting's* count ("Meeting: 21/12/2021 - Cabinet (Item
132)", an agenda heading "... - Monday 13 June 2022 7.00 pm", "Date of decision: ..."):
minutes are full of other dates. The body comes from those headers, else from how the text
addresses it ("For the Select Committee to receive...", "The Committee considered...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain

from kg.extract import gates, scan
from kg.extract.linear import LinearModel, bin_of, word_features
from kg.extract.orgs import _places_in, acronym_fits
from kg.extract.rules import Rules
from kg.extract.text import DIGIT, after_column_gap, fold
from kg.model import Evidence, Meeting

_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                           "september", "october", "november", "december"], 1)}
_DMY = r"(\d{1,2})/(\d{1,2})/(\d{4})"
_LONG = (r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
         r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Z][a-z]+),?\s+(\d{4})")
_HEADER = re.compile(r"Meeting:\s*" + _DMY + r"\s*[-–]\s*(.+?)\s*(?:\((?:Item|item)\s+([\w.()]+)\))?\s*$", re.M)
_MAKER_POST = r"(?:the\s+)?(?:Cabinet|Executive|Leader|Portfolio|Lead\s+Member|Deputy|Mayor)\b"  # a decider's post
# (one literal opening, "Decision", for re to jump to: a pattern opening with two words is tried at every
# character of the page's head)
_DECISION_MAKER = re.compile(r"Decision(?:[ -][Mm]aker:|[ -][Tt]aker:| (?:[Tt]aken|[Mm]ade) [Bb]y:| [Rr]ecord\s*:"
                             r"(?=\s*" + _MAKER_POST + r"))\s*"
                             # the holder before the post: "Decision taker: Councillor Ann Lee, Cabinet Member for ..."
                             r"(?:(?:Councillor|Cllr\.?)\s[^,\n]{2,40},\s*(?=" + _MAKER_POST + r"))?"
                             r"(.+?)(?:,\s*[^,\n]*\bCouncil|(?:,|\s[-–]|\s*\()\s*"
                             r"(?:Councillor|Cllr\.?)\s[^\n]*)?\s*$", re.M)
"""'Decision maker: Cabinet Member for Children, Northfold Borough Council': the body without its council
(also "Decision-maker:", "Decision taker:", "Decision taken by:", "Decision made by:", and "Decision record:"
before a post);
'Decision maker: Cabinet Member for Children, Councillor Ann Lee': the post without its holder (the
person is a person of the page, the meeting's body is the post)."""
# "Portfolio Holder: Councillor Ann Lee, Portfolio Holder for Adult Care": a decision page's post field, the
# post (not its holder) the meeting's body, as after "Decision maker:"
_POST = r"(?:Portfolio[ \t]+Holder|Cabinet[ \t]+Member|Executive[ \t]+Member|Lead[ \t]+Member)"
_POST_FIELD = re.compile(r"^[ \t]*" + _POST + r"[ \t]*:[ \t]*(?:(?:Councillor|Cllr\.?)[ \t][^,\n]{2,40},[ \t]*)?"
                         r"(" + _POST + r"[ \t]+for[ \t]+[^\n]{3,90}?)[ \t]*$", re.M)
_DATE_LINE = re.compile(r"(?:Date of (?:[Dd]ecision|[Mm]eeting)|Decision [Dd]ate|Meeting [Dd]ate|Date"
                        r"|DATE OF (?:DECISION|MEETING)|DECISION DATE|MEETING DATE|DATE)"
                        r"\s*(?::\s*(?:[/|]\s*)?|\|\s*)(?:" + _DMY.replace("/", "[/.-]") + "|" + _LONG + ")", re.M)
# (a date field's number may be written 12/03/2025, 12.03.2025 or 12-03-2025)
_AGENDA_TITLE = re.compile(r"^(.+?)\s+[-–]\s+"
                           r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(\d{1,2})(?:st|nd|rd|th)?\s+"
                           r"([A-Z][a-z]+),?\s+(\d{4})", re.M)
# the same groups with no weekday, tried on the page's first line only: "Westshire Council - Health
# and Wellbeing Board - 12 March 2024" (no word the literal search could gate a page-wide search by)
_DOCUMENT_WORD = re.compile(r"(?i)(?:(?:draft|confirmed|approved|signed|public)\s+)?(?:minutes|agenda|notes|decisions?"
                            r"|action\s+notes|decision\s+notice|record\s+of\s+decisions?)"
                            # "Notes of meeting - Tuesday 23 January 2024", "Minutes of the Board Meeting - ..."
                            r"(?:\s+(?:of|from)\s+(?:the\s+|a\s+)?(?:(?:board|partnership|group|full)\s+)?meeting)?")
_HEADING_TITLE = re.compile(r"(.+?)\s+[-–]\s+(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+|[A-Z]{3,9}),?\s+(\d{4})")
_HELD = re.compile(r"(?i)(?:\bminutes\s+of\s+(?:the\s+|a\s+)?|(?m:^)[ \t]*)"  # (or a title line's own "Meeting of")
                   r"(?:(?:ordinary|special|extraordinary|annual|virtual|remote)\s+)?"
                   r"meeting\s+of\s+(?:the\s+)?((?:[^\n]|\n(?!\s*\n)){3,120}?)\s+held\b"  # a name may wrap
                   r"(?:(?!\n\n).){0,120}?\bon\s+" + _LONG)
# "MINUTES OF THE EASTVALE ADULT PARTNERSHIP SAFEGUARDING BOARD MEETING HELD ON TUESDAY 13 MAY 2014",
# "Minutes of the Cabinet meeting held on 3 May 2019": the name before "meeting held"
_HELD_NAMED = re.compile(r"(?i)\bminutes\s+of\s+(?:the\s+|a\s+)?(?!meeting\b)"
                         r"((?:[^\n]|\n(?!\s*\n)){3,120}?)\s+(?:meeting\s+)?held\s+"
                         # "held in Committee Room 2, County Hall, Westshire on Monday 13 October 2025"
                         r"(?:(?:at|in)\s+(?:(?!\n\s*\n)[^.;]){0,100}?\s)?on\s+" + _LONG)
_MINUTES_OF = re.compile(r"(?i)minutes\s+of\b")
# (a heading line of its own: the line opens with it and ends with the date, a time or a place; not "To
# approve the minutes of the meeting held on ...", nor an agenda's "Minutes of the meeting held on ... PDF")
_MEETING_HELD_ON = re.compile(r"(?im)^[ \t]*(?:minutes|notes)\s+of\s+(?:the\s+|a\s+)?(?:(?:ordinary|special"
                              r"|extraordinary|annual|virtual|remote|board|formal|public)\s+)?meeting\s+held\s+"
                              r"(?:(?:at|in|via)\s+[^.\n]{0,100}?\s)?on\s+" + _LONG
                              # (a full stop inside a time or before a word in lower case ends no sentence:
                              # "at 7.00 p.m. in the Elgar Room")
                              + r"(?:[ \t,]+(?:at|from|in|via)\b(?:(?!pdf)(?:[^\n.]|\.(?=\d|[ap]?m\b|[ \t]+[a-z])))"
                              r"{0,80})?[ \t.]*$")
# a summons or notice of the meeting ("You are summoned to attend a meeting of the CABINET to be held in
# the Council Chamber on Tuesday 18 November 2025", "NOTICE IS HEREBY GIVEN that a meeting of the X will
# be held at ... on 3 May 2025"): its body and its date, over a letter's own "Date:" above it
_SUMMONS = re.compile(r"(?i)\b(?:summoned\s+to\s+attend|(?:notice|notification)\s+is\s+(?:hereby\s+)?given\s+that)"
                      r"\s+(?:an?\s+|the\s+)?(?:(?:ordinary|special|extraordinary|annual)\s+)?meeting\s+of\s+(?:the\s+)?"
                      r"((?:[^\n]|\n(?!\s*\n)){3,100}?)\s+(?:(?:is\s+)?to\s+be|will\s+be|shall\s+be)\s+held\b"
                      r"(?:(?!\n\n)[^.]){0,120}?\bon\s+" + _LONG.replace("([A-Z][a-z]+)", "((?-i:[A-Z][a-z]+))"))
# "The minutes of the Board held on 29 January are attached for approval": the previous meeting's minutes,
# put to this one; their body is this meeting's, their date is not
_FOR_APPROVAL = re.compile(r"(?i)[^.\n]{0,40}?\b(?:(?:are|is|were|was|be)\s+(?:\w+\s+)?(?:attached|appended|submitted|"
                           r"approved|agreed|confirmed|signed)|for\s+(?:approval|confirmation|signature))\b")


def _held_named(head: str, page: str | None = None) -> re.Match | None:
    """``_HELD_NAMED``'s first match, tried only where "minutes of" stands (the pattern's long lazy
    name is otherwise tried from every word of the page's head). ``page``: the page ``head``
    starts, whose shared literal search then finds "minutes" (no case-blind scan of the head)."""
    if "held" not in head.lower():
        return None
    for mo in scan.finditer(_MINUTES_OF, head, within=(page, 0) if page is not None else None):
        m = _HELD_NAMED.match(head, mo.start())
        if m:
            return m
    return None


# "Report to: Cabinet", or the same as a table row ("| Report to | Northfold Cabinet |")
_FIELD_LINE = re.compile(r"(?im)^[ \t|]*(?:(?:report\s+to|meeting|committee|meeting\s+of)[ \t]*[:|][ \t]*(?:the\s+)?"
                         # "Report to the Health and Wellbeing Board – 12 March 2025": a heading, no colon
                         r"|report\s+to[ \t]+the\s+"
                         # a cover sheet's bare "To: Corporate Parenting Panel, 24 January 2017" (a body's head word)
                         r"|to[ \t]*:[ \t]*(?:the\s+)?"
                         r"(?=[^\n]{0,70}\b(?:committee|panel|cabinet|board|commission|executive)\b))"
                         r"([^\n|]{3,80}?)[ \t,–-]*(?:[ \t]" + _DMY + "|[ \t]" + _LONG
                         # a second field on the line ("Report to: Cabinet  Date of meeting: 22 July 2025")
                         + r"|[ \t]{2,}(?:date|time|venue|meeting\s+date)\b[^\n]*"
                         # ... or a capitalised field with its colon, a flattened page's header on one line
                         # ("Meeting: Eastvale SAB Date: Tuesday 23rd February 2021 Location: ...")
                         + r"|[ \t]+(?-i:Date|Time|Venue|Location|Meeting\s+date)[ \t]*:[^\n]*)?[ \t|]*$")
_DMY_ITEM_LINE = re.compile(r"^\s*" + _DMY + r"\s+[-–]\s+\S", re.M)


def _after_line_break(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` (opening "(?im)^") with its "^" written as the line break before it: a literal
    first, which re finds by a search for one character, where "^" first is tried at every place."""
    assert pattern.pattern.startswith("(?im)^")
    return re.compile("(?im)\n" + pattern.pattern[len("(?im)^"):], pattern.flags)


def _line_search(pattern: re.Pattern, after_break: re.Pattern, text: str, pos: int = 0,
                 endpos: int | None = None) -> re.Match | None:
    """``pattern.search(text, pos, endpos)`` for a pattern that opens at a line's start ("(?m)^"),
    ``after_break`` being ``_after_line_break(pattern)``: the leftmost match starts at ``pos`` when a
    line starts there, else one past the first line break where ``after_break`` matches (it holds
    the same pattern after the break); the pattern's own ``match`` there gives the same match."""
    end = len(text) if endpos is None or endpos > len(text) else endpos
    if pos == 0 or text[pos - 1:pos] == "\n":
        m = pattern.match(text, pos, end)
        if m is not None:
            return m
    n = after_break.search(text, pos, end)
    return pattern.match(text, n.start() + 1, end) if n is not None else None


_FIELD_LINE_BREAK = _after_line_break(_FIELD_LINE)
# a field's value wrapped onto the next line, set under it in the value's column ("REPORT TO:   HEALTH AND
# WELLBEING" over "             BOARD"): one to four words, no field of its own (no colon)
_WRAPPED_VALUE = re.compile(r"\n([ \t]{4,})([A-Za-z][\w’'&,-]*(?:[ \t]+[\w’'&,-]+){0,3})[ \t|]*(?=\n|$)")


def _wrapped_field(text: str, start: int, end: int) -> str | None:
    """The value of a cover sheet's field that starts at ``start`` and ends its line at ``end``, read on
    into the next line when that line is indented to the value's own column (a two-column layout wraps a
    long name so): else None. Only a value that ends its line is read on."""
    stop = text.find("\n", end)
    if stop < 0 or text[end:stop].strip(" \t|"):
        return None
    m = _WRAPPED_VALUE.match(text, stop)
    if m is None:
        return None
    column = start - (text.rfind("\n", 0, start) + 1)
    if len(m.group(1).expandtabs(8)) != column or ":" in m.group(2):
        return None
    return text[start:end].rstrip(" \t|") + " " + m.group(2)
_BODY_WORDS = (r"(?:Sub-Committee|Select Committee|Scrutiny Committee|Committee"
               r"|Scrutiny Commission|Commission|Cabinet|Scrutiny Panel|Panel|Scrutiny Board)")
_ADDRESS = [
    re.compile(r"\b(?:For|for|enable)\s+(?:Members\s+of\s+)?the\s+((?:[A-Z][\w’'&-]*\s+|and\s+|&\s+){0,8}?(?:[A-Z][\w’'-]*))\s+to\s+(?:receive|consider|note|pre-scrutinise|scrutinise|review|comment|agree|approve)"),
    re.compile(r"\b(?:The|the|this|This)\s+((?:[A-Z][\w’'&-]*\s+){0,6}?" + _BODY_WORDS + r")(?:['’]s)?\b"
               r"(?!\s+(?:Member|Lead|Portfolio|Office|Advisory|Members'|Report|Papers|Briefing|Agenda))"),
    re.compile(r"\b(?:the|this)\s+(committee)\b"),
]
# what every match of ``_ADDRESS[1]`` and of ``_ADDRESS[2]`` holds, in its case: one of the body words
# (each of _BODY_WORDS' alternatives holds one of these), and "committee"; a page with none of them is
# not scanned (the scanners' literals, "the", "this", stand on every page)
_ADDRESS_NEEDLES = (("Committee", "Commission", "Cabinet", "Panel", "Scrutiny Board"), ("committee",))
_NOT_BODY = re.compile(r"National|Review Panel|Practice Review|Government|Parliament|Ofsted|House of|Home Office|"
                       r"Quality Commission|Commissioning Group|Foundation Trust|NHS|Police|Constabulary")


def _iso(d: int, m: int, y: int) -> str | None:
    if 1 <= d <= 31 and 1 <= m <= 12 and 1990 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _long_date(d: str, month: str, y: str) -> str | None:
    m = _MONTHS.get(month.lower())
    return _iso(int(d), m, int(y)) if m else None


_SPACES = re.compile(r"\s+")
_LEAD_THE = re.compile(r"^(?:the|The|this|This)\s+")
_LINE = re.compile(r"[^\n]+")


_ACRONYM_AFTER = re.compile(r"\s*\([A-Z]{2,8}\)$")  # "Westshire Safeguarding Adults Board (WSAB)": its acronym


def _clean_body(body: str) -> str | None:
    body = _SPACES.sub(" ", body).strip(" -–,.:")
    body = _LEAD_THE.sub("", body)
    body = _ACRONYM_AFTER.sub("", body) if body.endswith(")") else body
    if not body or _NOT_BODY.search(body):
        return None
    return body


_MEETING_WORD = re.compile(r"(?i)\b(?:minutes?|meetings?|agenda|present|apologies|resolved|resolutions?|recommended"
                           r"|recommendations?|report\s+to"
                           r"|decisions?|attendees|attendance|chairman|items?)\b")


def extract_meeting(text: str, title: str | None, board_names: list[str], rules: Rules,
                    models: Mapping[str, LinearModel] | None = None, main_name: str | None = None) -> Meeting:
    """The meeting: the rules' header patterns first; with trained models (``meeting-date``,
    ``meeting-body``) every date and body candidate of the page is ranked instead, the rules'
    answer being one of the features (and the fallback when no model is shipped)."""
    rule = rule_meeting(text, board_names, rules)
    models = models or {}
    date_model, body_model = models.get("meeting-date"), models.get("meeting-body")
    date, body = rule.date, rule.body
    date_ev = body_ev = None
    if rule.date is not None and date_model is None:
        date_ev = _evidence(text, rule.date_at, f"rule:{rule.date_by}", _RULE_DATE_PRECISION)
    if rule.body is not None and body_model is None:
        body_ev = _evidence(text, rule.body_at, f"rule:{rule.body_by}", _RULE_BODY_PRECISION)
    if date_model is not None:
        cands = date_candidates(text, rule.date)
        best = _best(date_model, [date_features(c) for c in cands])
        date, date_ev = None, None
        if best is not None:
            c, p = cands[best[0]], best[1]
            date, date_ev = c.iso, _evidence(text, c.start, "model:meeting-date", p)
    if body_model is not None:
        bcands = body_candidates(text, board_names, main_name, rule)
        best = _best(body_model, [body_features(c) for c in bcands])
        body, body_ev = None, None
        header = rule.body is not None and rule.body_by not in _RULE_SOURCE
        # the page's own heading ("Meeting: 21/12/2021 - Cabinet", "Health and Wellbeing Together - Wednesday,
        # 10th January, 2018") names its body outright, even one without a head word the ranker knows
        heading = rule.body is not None and rule.body_by in ("meeting-line", "agenda-title")
        if best is not None and not heading and not (header and len(bcands[best[0]].text.split()) == 1):
            bc, bp = bcands[best[0]], best[1]
            body, body_ev = bc.text[0].upper() + bc.text[1:], _evidence(text, bc.start, "model:meeting-body", bp)
        elif header:
            # a header rule's body (a "Meeting:" line, "minutes of the meeting of X held", a title line) is right
            # 45 times in 48 on the development set: neither the ranker's doubt nor its preference for a bare
            # word ("Board", which the annotation keeps for pages that name the body no other way) overrules it
            body, body_ev = rule.body, _evidence(text, rule.body_at, f"rule:{rule.body_by}", _RULE_BODY_PRECISION)
    if body is not None and date is None and body_ev is not None and body_ev.by == "model:meeting-body" \
            and _MEETING_WORD.search(text) is None:
        # a page that names no meeting, agenda, minutes, attendance, item or decision and gives no date is no
        # meeting's record (an "About the Partnership" page, a news item): its headings name no meeting body
        # (every body the development gold gives stands on a page holding one of these words)
        body, body_ev = None, None
    if body is not None:
        body = _spelled_out(body, board_names)
    return Meeting(council=rule.council, body=body, date=date, item=rule.item,
                   body_evidence=body_ev, date_evidence=date_ev)


def joint_body(meeting: Meeting, text: str, name: str, at: int) -> Meeting:
    """A joint meeting's body when the ranker named none of its boards ("JOINT BOARD" under "Eastvale
    Safeguarding Adults Board and Eastvale Safeguarding Children Partnership"): the first board the
    header names (``name``, named at ``at``), whose own meeting it is with the others."""
    return replace(meeting, body=name, body_evidence=_evidence(text, at, "rule:joint-meeting", _RULE_BODY_PRECISION))


_ACRONYM_BODY = re.compile(r"([A-Z]{3,8})(?:\s+(?:Full|Main|FULL|MAIN))?"
                           r"(?:\s+(?:Board|BOARD|Partnership|PARTNERSHIP))?")


def _spelled_out(body: str, board_names: list[str]) -> str:
    """"NSCB Full Board" heading a board's own minutes is that board: its name as the page spells it
    out ("Westshire Safeguarding Children Board"), so the meeting and the board are one body. The
    acronym must fit one board only (as ``kg.extract.orgs`` fits them: "SLSCB" for "Stockton-on-Tees Local
    Safeguarding Children Board")."""
    m = _ACRONYM_BODY.fullmatch(body)
    if m is None:
        return body
    named = [n for n in board_names if acronym_fits(m.group(1), n)]
    mixed = [n for n in named if not n.isupper()]  # the page's own spelling before a heading in capitals
    named = mixed or named
    return named[0] if len(named) == 1 else body


# Precision of the header rules on the development set (meeting category, rules alone).
_RULE_DATE_PRECISION = 0.9
_RULE_BODY_PRECISION = 0.85


def _evidence(text: str, pos: int, by: str, confidence: float) -> Evidence:
    """The line holding the date or body, credited to the rule or model that chose it."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    if end - start > 300:
        start, end = max(start, pos - 150), min(end, pos + 150)
    return Evidence(text[start:end], start, end).credited(by, confidence)


def _best(model: LinearModel, feats: list[list[str]]) -> tuple[int, float] | None:
    """The candidate the model ranks first, if it is likely enough to be the meeting's."""
    if not feats:
        return None
    probs = [model.probability(f) for f in feats]
    i = max(range(len(probs)), key=lambda k: (probs[k], -k))
    return (i, probs[i]) if probs[i] >= model.threshold else None


@dataclass(frozen=True)
class RuleMeeting:
    council: str | None
    body: str | None
    date: str | None
    item: str | None
    body_at: int
    date_at: int
    body_by: str = ""  # which header rule found it
    date_by: str = ""


_DASHED = re.compile(r"\s+[-–]\s+")


def _agenda_title(text: str, head: str) -> re.Match | None:
    """``_AGENDA_TITLE`` in the first 600 characters, looked for only when a word each match holds
    ("...day") stands there (the page's literal search): the pattern is tried at every line start.
    Else ``_HEADING_TITLE`` on the first line with text (a heading with no weekday)."""
    if gates.may_match(gates.places(_AGENDA_TITLE, text), 0, 600):
        m = _AGENDA_TITLE.search(head[:600])
        if m is not None:
            return m
    start = len(head) - len(head.lstrip())
    end = head.find("\n", start)
    return _HEADING_TITLE.match(head, start, len(head) if end < 0 else end)


def rule_meeting(text: str, board_names: list[str], rules: Rules) -> RuleMeeting:
    date = body = item = None
    date_at = body_at = 0
    body_by = date_by = ""
    head = text[:3000]
    m = _HEADER.search(head)
    if m:
        date = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        body = _clean_body(m.group(4))
        item = m.group(5)
        date_at = body_at = m.start()
        body_by = date_by = "meeting-line"
    held = scan.search(_HELD, head, within=(text, 0))  # the page's literal search: tried at its cues only
    named = _held_named(head, text)
    if named is not None and _tidy(named.group(1)) and (held is None or named.start() < held.start()):
        held = named
    if held and m is None:
        # "Health and Well Being Board - Thursday, 2nd November, 2023" heading the page names this meeting;
        # a "minutes of the meeting of X held on" below it is the previous one's, put to it for approval
        top = _agenda_title(text, head)
        if top is not None and top.start() < held.start():
            held = None
    if held:
        if body is None:
            body, body_at, body_by = _clean_body(held.group(1)), held.start(), "minutes-held"
        if date is None and not _FOR_APPROVAL.match(head, held.end()):
            date = _long_date(held.group(2), held.group(3), held.group(4))
            date_at, date_by = held.start(), "minutes-held"
    if not held and m is None and ("ummon" in head or "OTICE" in head.upper()):
        summons = _SUMMONS.search(head)
        if summons is not None:
            body, body_at, body_by = _clean_body(summons.group(1)), summons.start(), "summons"
            date = _long_date(summons.group(2), summons.group(3), summons.group(4))
            date_at, date_by = summons.start(), "summons"
    if date is None and m is None and not held:
        # "Minutes of meeting held on 5 March 2025" under the body's title: the date (the body is the title's)
        mh = _MEETING_HELD_ON.search(head, 0, 1500) if "eld" in head[:1500] else None
        if mh is not None and not _FOR_APPROVAL.match(head, mh.end()) \
                and not _DATE_CUES["last"].search(head, max(0, mh.start() - 30), mh.start() + 30):
            date = _long_date(mh.group(1), mh.group(2), mh.group(3))
            date_at, date_by = mh.start(), "minutes-held"
    if body is not None and body_by == "minutes-held" and " " not in body.strip():
        # "The minutes of the Panel held on 2 October were agreed" under a "Health Scrutiny Panel" title:
        # the title's fuller name of the same head word
        title = _title_line_body(text)
        if title is not None and title[0].split()[-1].lower() == body.strip().lower():
            body, body_at, body_by = title[0], title[1], "title-line"
    if body is None and date is None and (" met on " in head or " meeting held on " in head):
        # a board's bulletin: "The Eastvale Safeguarding Adults Board last met on 21 May 2024.", "Key messages from
        # the Eastvale LSCB meeting held on 14 March 2012" name the meeting it reports on; the subject must be one of
        # the page's boards ("the minutes of the Board which met on" and "will next meet on" name other meetings)
        for mo in chain(_MET_ON.finditer(head), _FROM_MEETING.finditer(head)):
            subject = _clean_body(mo.group(1))
            if subject is not None and (subject in board_names or subject.isupper()
                                        and any(acronym_fits(subject, n) for n in board_names)):
                body, body_at, body_by = subject, mo.start(1), "met-on"
                date, date_at, date_by = _long_date(mo.group(2), mo.group(3), mo.group(4)), mo.start(1), "met-on"
                break
    if body is None:
        dm = _DECISION_MAKER.search(head)
        if dm:
            body, body_at, body_by = _clean_body(dm.group(1)), dm.start(), "decision-maker"
    if body is None and ("Member" in head or "Holder" in head):
        pf = _POST_FIELD.search(head)
        if pf:
            body, body_at, body_by = _clean_body(pf.group(1)), pf.start(), "decision-maker"
    if body is None:
        fl = _line_search(_FIELD_LINE, _FIELD_LINE_BREAK, head) \
            if gates.may_match(gates.places(_FIELD_LINE, text), 0, len(head)) else None
        if fl:  # a cover sheet's "Meeting: Adults and Health Select Committee" or "Report to: Cabinet"
            wrapped = _wrapped_field(head, fl.start(1), fl.end(1))
            body, body_at, body_by = _tidy(wrapped or fl.group(1)), fl.start(1), "field"
            g = fl.groups()
            if date is None and body is not None and (g[1] or g[4]):  # "Report To: Scrutiny Committee 17 January 2019"
                date = _iso(int(g[1]), int(g[2]), int(g[3])) if g[1] else _long_date(g[4], g[5], g[6])
                date_at, date_by = fl.start(1), "field"
    if date is None:
        dl = scan.search(_DATE_LINE, head, within=(text, 0))
        if dl:
            g = dl.groups()
            date = _iso(int(g[0]), int(g[1]), int(g[2])) if g[0] else _long_date(g[3], g[4], g[5])
            date_at, date_by = dl.start(), "date-line"
    if date is None or body is None:
        at = _agenda_title(text, head)
        if at:
            if date is None:
                date, date_at, date_by = _long_date(at.group(2), at.group(3), at.group(4)), at.start(), "agenda-title"
            parts = [p for p in _DASHED.split(at.group(1)) if p.strip()]
            if body is None and parts and not _DOCUMENT_WORD.fullmatch(parts[-1].strip()):
                # ("Minutes - Wednesday 9 October 2019" under the committee's name: the page's kind, no body)
                body, body_at, body_by = _clean_body(parts[-1]), at.start(), "agenda-title"
                if body is not None and body.isupper():  # a heading in capitals: "COUNCIL MEETING - 14 JULY 2016"
                    body = _title_case(body)
    if date is None:
        dl = _DMY_ITEM_LINE.search(head[:600])
        if dl:
            date, date_at, date_by = _iso(int(dl.group(1)), int(dl.group(2)), int(dl.group(3))), dl.start(), "item-line"
    if body is None:
        title = _title_line_body(text)
        if title is not None:
            body, body_at, body_by = title[0], title[1], "title-line"
            if date is None:  # the date that follows the title ("19thAugust2014", "ON THURSDAY 6TH MARCH, 2014")
                for dm in _ANY_DATE.finditer(text, body_at, body_at + 300):
                    if not _DATE_CUES["last"].search(text[max(0, dm.start() - 40):dm.start()]):
                        date, date_at, date_by = _candidate_iso(dm), dm.start(), "title-line"
                        break
    if body is not None and body_by == "title-line":
        body = _wrapped_board(text, body, body_at, board_names)
    if body is None:
        # "RESOLVED: That Executive Board agree ...": the body that resolves is the meeting's
        resolutions = _resolutions(text)
        res = resolutions[0] if resolutions else None
        if res:
            body, body_at, body_by = _tidy(res.group(1)), res.start(1), "resolved"
    if body is None and not _council_body_named(text):
        # a board's own minutes: those present are its members ("Present: (AB) Amy Bell, MSCP Independent Chair")
        present = _present(text)
        if present is not None:
            own = [n for n in board_names if _in_attendance(text, present, n)]
            if own:
                body, body_at, body_by = own[0], present.start(), "attendance"
    if body is None:
        body, body_at, body_by = _addressed_body(text, board_names)
    return RuleMeeting(_council(text, rules), body, date, item, body_at, date_at,
                       body_by if body else "", date_by if date else "")


_TITLE_LEAD = re.compile(r"(?i)^\s*(?:(?:view|draft|confirmed|unconfirmed|public"
                         r"|(?:minutes|notes|record)\s+(?:of|from)(?:\s+the)?(?:\s+meeting\s+of"
                         r"(?:\s+the)?)?|meeting\s+of(?:\s+the)?)\s+)*"
                         # the council before its body: "Eastvale Borough Council - Executive"
                         r"(?-i:(?:[A-Z][\w’'-]*\s+){1,3}(?:(?:Borough|County|City|District|Metropolitan)\s+)?Council"
                         r"\s*[-–:|]\s*)?")
_TITLE_BARE = re.compile(r"\s*(?:\([A-Z]{2,8}\)\s*)?$")
_MEETING_NEAR = re.compile(r"(?i)\b(?:minutes|meeting|(?<!to )present|apologies|attendance|attendees)\b|"
                           r"\bdate:\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|"
                           r"\b\d{1,2}(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s*\d{4}")
_TITLE_REST = re.compile(r"(?i)\s*(?:\([A-Z]{2,8}\)\s*)?(?:[-–:|,]\s*)?(?:(?:meeting|minutes|notes|decision|agenda)\b|"
                         r"(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d{1,2}(?:st|nd|rd|th)?\s*[A-Za-z]+\s*\d{4}|"
                         r"\d{1,2}/\d{1,2}/\d{2,4}))")


# a board's name in capitalised words (its acronym in brackets after it), and a day "(Tuesday) 21(st) May 2024"
_NAME_WORDS = (r"([A-Z][\w’'&-]*(?:[ \t]+(?:and[ \t]+|&[ \t]+|of[ \t]+|for[ \t]+)?[A-Z][\w’'&-]*){0,9})"
               r"(?:[ \t]*\([A-Z]{2,8}\))?")
_ON_DAY = r"[ \t]+on[ \t]+(?:[A-Z][a-z]+day,?[ \t]+)?(\d{1,2})(?:st|nd|rd|th)?[ \t]+([A-Z][a-z]+),?[ \t]+(\d{4})"
_MET_ON = re.compile(r"(?:^|(?<=\n)|(?<=[.:;][ \t])|(?<=[.:;][ \t]{2}))[ \t]*(?:The[ \t]+)?" + _NAME_WORDS
                     + r"[ \t]+(?:last[ \t]+|most[ \t]+recently[ \t]+)?met" + _ON_DAY)
_FROM_MEETING = re.compile(r"\b(?:[Ff]rom|[Aa]t)[ \t]+the[ \t]+" + _NAME_WORDS + r"[ \t]+meeting[ \t]+held" + _ON_DAY)

_ITEM_LINE = re.compile(r"\s*(?i:agenda\s+item|item)\s*")


def _title_line_body(text: str) -> tuple[str, int] | None:
    """A page headed by a body's name: "Children & Young People Select Committee Minutes",
    "Cabinet Meeting: 29 July 2013", "SEFTON SAFER COMMUNITIES PARTNERSHIP MEETING HELD ...",
    "Norfolk Children's Trust Board" over "Minutes of the Meeting held on"; the name opens one
    of the first lines and what follows it is a meeting word, a date or nothing."""
    lines = [m for m in _LINE.finditer(text[:600]) if m.group().strip()][:4]
    heads = gates.places(_TITLE_NAME, text)  # a body's name holds a head word ("Committee", "Board"...)
    for k, ln in enumerate(lines):
        if _ITEM_LINE.fullmatch(ln.group()):
            return None  # an agenda item's page: the next line is the item's title, not the body
        line, end = ln.group(), ln.end()
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is not None and nxt.start() == end + 1 and _WRAPS.search(line):
            # a title broken after "AND", "of" or a comma ("EASTVALE ADULTS, HEALTH AND\nWELLBEING SCRUTINY
            # COMMITTEE") goes on on the next line: one line, the same length (the break read as a space)
            line, end = line + " " + nxt.group(), nxt.end()
        lead = _TITLE_LEAD.match(line)
        at = lead.end() if lead else 0
        name = _TITLE_NAME.match(line, at) if gates.may_match(heads, ln.start(), end) else None
        if not name:
            continue
        # the name alone on its line heads a web page as often as minutes: a meeting word or date must follow
        # (or stand before it: "Thursday 10 October 2024 / Present: ... / Also in attendance: ..." over the
        # panel's name), and no document's kind beside it ("Newsletter – Spring 2025", "Terms of Reference" above)
        if not _TITLE_REST.match(line, name.end()) and not (
                _TITLE_BARE.match(line, name.end()) and (_meeting_near(text, end)
                                                         or k > 0 and _meeting_near(text, 0, ln.start()))
                and not (nxt is not None and _DOC_KIND_LINE.match(nxt.group()))
                and not (k > 0 and _DOC_KIND_LINE.match(lines[k - 1].group()))):
            continue
        body = _tidy(name.group())
        if (body and nxt is not None and nxt.start() == end + 1 and _TITLE_BARE.match(line, name.end())
                and _HEAD_ONLY.fullmatch(nxt.group().strip())):
            # "Westshire Children's Trust" over "Board": the name's own head word, wrapped to a line of its own
            body = body + " " + nxt.group().strip()
        if body and len(body.split()) <= 10:
            return body, ln.start() + name.start()
    return None


# a line naming the kind of document a page is (not minutes): "Newsletter – Spring 2025", "Terms of Reference"
# (an item's title, "Annual Report of the ...", may follow a committee's name: those words are not here)
_DOC_KIND_LINE = re.compile(r"(?i)\s*(?:newsletter|news|bulletin|briefing\s+note|terms\s+of\s+reference|leaflet"
                            r"|factsheet|press\s+release|forward\s+plan|job\s+description)\b")
_WRAPS = re.compile(r"(?i)(?:\b(?:and|of|for|the|&)|,)\s*$")
_WRAPPED_ABOVE = re.compile(r"[A-Z][\w’'&-]*,?(?:\s+(?:[A-Z][\w’'&-]*,?|and|of|for|the|AND|OF|FOR|THE|&))*")
_COUNCIL_END = re.compile(r"(?i)\b(?:council|borough|county|city|district|authority)$")


def _wrapped_board(text: str, body: str, at: int, board_names: list[str]) -> str:
    """A heading whose board name is broken before its head word ("Eastvale Safeguarding Adults" over
    "Board", then "Minutes of the meeting held on"): the title line holds the bare head word only;
    when the line just above it, read on into that word, is a board the page names, the body is that
    board (a name the page's boards confirm, not any line that happens to stand above)."""
    if " " in body or at < 2 or text[at - 1] != "\n":
        return body
    above = text[text.rfind("\n", 0, at - 1) + 1:at - 1].strip()
    if not above:
        return body
    joined = _SPACES.sub(" ", above + " " + body).lower()
    for name in board_names:
        if _SPACES.sub(" ", name).lower() == joined:
            return name
    # a committee's name, which no board list holds: the line above is the same kind of heading (every
    # word capitalised, or all in capitals like the head word) and no council's own name
    caps = body.isupper()
    if (_WRAPPED_ABOVE.fullmatch(above) and above.isupper() == caps and len(above.split()) <= 9
            and not _COUNCIL_END.search(above)):
        return above + " " + body
    return body
_PUBLISHED_BEFORE = re.compile(r"(?i)\b(?:published|publication|updated|posted|issued|created|effect)\b[^\n]{0,20}$")


def _meeting_near(text: str, end: int, stop: int | None = None) -> bool:
    """A meeting word, or a date that is not a page's own ("Date of publication: 18th May 2020"), in the
    120 characters after a title line (or in ``text[end:stop]``)."""
    for m in _MEETING_NEAR.finditer(text, end, end + 120 if stop is None else stop):
        if m.group()[0].isalpha() or not _PUBLISHED_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            return True
    return False


_BODY_END = re.compile(_BODY_WORDS + r"$|Scrutiny$|Executive$")
_HWB = re.compile(r"\bHealth and Well-?being Board\b")


def _addressed_body(text: str, board_names: list[str]) -> tuple[str | None, int, str]:
    """The body the text addresses; the most specific form of the most frequent head word; and
    how: "addressed", or "mentioned" for a Health and Wellbeing Board the page only names (a web
    page's "the Board reports to the Health and Wellbeing Board" holds no meeting)."""
    for pat in _ADDRESS[:1]:
        m = scan.search(pat, text)  # tried only where its first words stand, not at every character
        if m and _BODY_END.search(m.group(1)):
            body = _clean_body(m.group(1))
            if body:
                return body, m.start(1), "addressed"
    found: list[str] = []
    at: dict[str, int] = {}
    for pat, needles in zip(_ADDRESS[1:], _ADDRESS_NEEDLES, strict=True):
        if not any(map(text.__contains__, needles)):
            continue  # none of the words (in their case) each of its matches holds: nothing to scan
        for m in scan.finditer(pat, text):
            body = _clean_body(m.group(1))
            if body and not any(body in b for b in board_names):
                found.append(body)
                at.setdefault(body, m.start(1))
    if found:
        heads: dict[str, int] = {}
        for b in found:
            head_word = b.split()[-1].lower()
            heads[head_word] = heads.get(head_word, 0) + 1
        top = max(heads, key=lambda h: (heads[h], -min(i for i, b in enumerate(found) if b.split()[-1].lower() == h)))
        forms = [b for b in found if b.split()[-1].lower() == top]
        specific = [b for b in forms if len(b.split()) > 1]
        body = specific[0] if specific and forms.count(forms[0]) <= len(specific) else forms[0]
        return body[0].upper() + body[1:], at[body], "addressed"
    # "The Board received a report ... The Board noted ...": a bare word the page has deliberate twice or more
    acting: dict[str, list[int]] = {}
    for m in _generic_mentions(text):
        if (_ACT_AFTER.match(text, m.end(1), m.end(1) + 60)
                or _addressed(text, m.start(1))):  # "briefed the panel"
            acting.setdefault(m.group(1).capitalize(), []).append(m.start(1))
    hwb = _HWB.search(text) if "Health and Well" in text else None  # (re tries "\b" at every character)
    if acting:
        word = max(acting, key=lambda w: (len(acting[w]), -acting[w][0]))
        if len(acting[word]) >= 2:
            if word == "Board" and hwb:  # the one board a council convenes, named on the page
                return "Health and Wellbeing Board", hwb.start(), "addressed"
            return word, acting[word][0], "addressed"
    if hwb:
        return "Health and Wellbeing Board", hwb.start(), "mentioned"
    return None, 0, ""


# Words are bounded ({0,40}): an unbounded run before a required space backtracks over
# the whole of a long hyphenated word at each of its capitals (quadratic on "O'Mac-Mac-...").
# Written for the engine (the same matches as "\b(?:London Borough of|Royal Borough of|City of)\s+NAME...|
# \b(?:[A-Z][\w’'-]{1,40}\s+(?:and\s+|upon\s+)?){1,3}(?:County ...)?Council\b", tests/test_meeting_speed.py):
# every match starts with a capital, so the capital comes first and the word boundary is checked
# behind it (the engine then skips to each capital instead of trying both branches at every
# character), and a word's letters and the spaces after it are never given back (possessive:
# what follows each is a space, a capital or "Council", which no letter or space given back
# could start), so a failed name is dropped at once instead of a letter at a time: less than
# half the instructions.
_COUNCIL = re.compile(r"[A-Z](?<=\b[A-Z])(?:(?:(?<=L)ondon Borough of|(?<=R)oyal Borough of|(?<=C)ity of)"
                      r"\s+[A-Z][\w’'-]{1,40}(?:\s+(?:and|upon)\s+[A-Z][\w’'-]{1,40}|\s+[A-Z][\w’'-]{1,40})?|"
                      r"[\w’'-]{1,40}+\s++(?:and\s++|upon\s++)?(?:[A-Z][\w’'-]{1,40}+\s++(?:and\s++|upon\s++)?){0,2}"
                      r"(?:County Borough |Metropolitan Borough |County |City |Borough |District )?Council\b)")


_COUNCIL_CAPS = re.compile(r"^\s*((?:[A-Z][A-Z’'-]+\s+(?:AND\s+|UPON\s+)?){1,3}"
                           r"(?:COUNTY BOROUGH |METROPOLITAN BOROUGH |COUNTY |CITY |BOROUGH |DISTRICT )?"
                           r"COUNCIL)\s*$", re.M)


def _title_case(text: str) -> str:
    return " ".join(w.lower() if w in ("AND", "UPON", "OF") else w.capitalize() for w in text.split())


_COUNCIL_NEEDLES = ("Council", "Borough of", "City of")
_COUNCIL_BACK = 120  # how far before its needle a match is looked for (and so may start)


def _council_matches(text: str) -> Iterator[re.Match]:
    """``_COUNCIL``'s matches, found only around its needles ("Council", "Borough of", "City of"):
    the same names in the same order, without running the pattern over every capitalised word.

    A match is one holding a needle, found by scanning from ``_COUNCIL_BACK`` characters before
    it to 80 after; of two windows giving a match at one start, the earlier needle of the tuple
    (then the earlier place) gives it. Lazily, in order of start, so that ``_council`` (which
    takes the first name it accepts, mostly the first) leaves the rest of the page unscanned.
    Why the order is exact: needles are taken in order of place; a window of a needle at ``i``
    gives starts >= ``i - _COUNCIL_BACK`` and ``<= i``, so once the next needle lies more than
    ``_COUNCIL_BACK`` past a start, no window left can give that start or an earlier one, and
    every window that could give it (holding its match's needle) has been scanned.
    A window is scanned only up to the first match ending past its needle: the matches after
    it start at or after that end, so none of them can hold the needle."""
    n = len(text)
    places: list[tuple[int, int]] = []  # (offset, rank of the needle)
    for rank, needle in enumerate(_COUNCIL_NEEDLES):
        i = text.find(needle)
        while i >= 0:
            places.append((i, rank))
            i = text.find(needle, i + len(needle))
    places.sort()
    found: dict[int, tuple[int, int, re.Match]] = {}  # start -> (needle rank, needle offset, match)
    for i, rank in places:
        while found and (s := min(found)) + _COUNCIL_BACK < i:
            yield found.pop(s)[2]
        for m in _COUNCIL.finditer(text, max(0, i - _COUNCIL_BACK), min(n, i + len(_COUNCIL_NEEDLES[rank]) + 80)):
            if m.end() > i:
                if m.start() <= i:
                    had = found.get(m.start())
                    if had is None or (rank, i) < had[:2]:
                        found[m.start()] = (rank, i, m)
                break
    for s in sorted(found):
        yield found[s][2]


def _places(text: str, rules: Rules, page: str | None = None) -> list[re.Match]:
    """``rules.place_pattern``'s matches, tried only where a place name's first word stands (the
    shared literal search of ``page``, of which ``text`` is the start): the same matches as
    ``finditer``, a few attempts of a long alternation instead of one per capital."""
    if page:
        return _places_in(text, page, 0, rules)  # (the same, tried only where a capital opens a place's word)
    return list(scan.finditer(rules.place_pattern, text, shortest=2))


_LEAD_THE_ONLY = re.compile(r"^(?:The|the)\s+")
# a member's initials before their agency in an attendance table ("AB Westshire Council Y Y A")
_INITIALS = re.compile(r"^(?:[A-Z]{1,3}(?:/[A-Z]{1,3})?\s+)+(?=[A-Z][a-z])")


def _council(text: str, rules: Rules) -> str | None:
    # a name in capitals needs "COUNCIL": most pages have none, and the pattern is tried at every line start
    caps = _COUNCIL_CAPS.search(text[:2000]) if "COUNCIL" in text[:2000] else None
    if caps:
        return _title_case(caps.group(1))
    for m in _council_matches(text):
        name = _INITIALS.sub("", _LEAD_THE_ONLY.sub("", m.group()).strip())
        name = after_column_gap(name)  # a table's cell edge: "Children's Services<TAB>Eastvale Council"
        words = name.split()
        if words[0] in ("Full", "Town", "Parish", "Lead", "Members", "District", "County") or len(words) < 2:
            continue
        if name.endswith("Council") and words[0] in rules.not_place:
            continue
        if len(words) > 3 and words[0] in rules.first_names and fold(words[0]).lower() not in rules.places \
                and fold(" ".join(words[:2])).lower() not in rules.places:
            # "Cllr Ben Ray Eastvale Borough Council (Chair)": an attendance line's name before the council
            name = " ".join(words[2:])
        return name
    for m in _places(text[:1500], rules, text):
        before = _PERSON_BEFORE.search(text, max(0, m.start() - 24), m.start())
        if before and (before.group(1) or before.group(2) in rules.first_names):
            continue  # "Dr Harrow", "Simon Harrow": a surname that is also a place's name
        council = rules.places.get(m.group().lower(), ("", ""))[1]
        if council:
            return council
    return None


# an honorific or an initial right before a place's name, or a capitalised word (a given name?)
_PERSON_BEFORE = re.compile(r"\b((?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Prof)\.?\s+(?:[A-Z][a-z]+\s+)?"
                            r"|(?<![\w.])[A-Z]\.?\s+)\Z|\b([A-Z][a-z]+)[^\S\n]+\Z")


# --- candidates for the trained rankers (the same code at run time and in training) ---

_MON = (r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])")
# Generous on purpose: "19thAugust2014", "4th May, 201710.00am", "21 st April 2016", "17 Mar 2022", "6TH MARCH, 2014".
# (the first digit as ``text.DIGIT``, the look-behind after it: "(?<![\d/.])(\d{1,2})" written so that re
# jumps from digit to digit; the same matches and groups, tests/test_meeting_speed.py; and a look-ahead for
# the months' first letters before their case-blind alternatives, which a number before any other word
# entered one by one)
_ANY_DATE = re.compile(r"(" + DIGIT + r"(?<![\d/.].)\d?)(?:\s*(?:st|nd|rd|th|ST|ND|RD|TH)?\s*"
                       r"(?:of\s+)?(?i:(?=[adfjmnos])" + _MON + r")\.?,?\s*((?:19|20)\d{2})"
                       r"|[/.-](\d{1,2})[/.-]((?:19|20)\d{2}|\d{2})(?![\d/]))")
_MONTH3 = {k[:3]: v for k, v in _MONTHS.items()}
_WEEKDAY_BEFORE = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*(?:the\s+)?$")
_TIME_AFTER = re.compile(r"(?i)^[\s,–-]{0,4}(?:at\s+|from\s+|commencing\s+(?:at\s+)?)"
                         r"?\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m|p\.?m|noon)"
                         r"|^[\s,–-]{0,4}(?:at\s+|from\s+)?\d{1,2}[.:]\d{2}")
_DATE_CUES = {
    "held": re.compile(r"(?i)\bheld\b"),
    "last": re.compile(r"(?i)\b(?:last|previous|prior|earlier)\b"),
    "next": re.compile(r"(?i)\b(?:next|future|forthcoming|until|deadline|by)\b"),
    # a document's own dates ("Partnership Agreement - ratified 28.04.16"), not a meeting's
    "published": re.compile(r"(?i)\b(?:published|publication|created|updated|posted|issued|printed|dispatched"
                            r"|despatched|ratified|adopted|version|effective|effect|update|uploaded)\b"),
    "meeting": re.compile(r"(?i)\bmeeting\b"),
    "minutes": re.compile(r"(?i)\bminutes\b"),
    "date": re.compile(r"(?i)\bdate\b"),
    "decision": re.compile(r"(?i)\bdecision\b"),
    "report": re.compile(r"(?i)\breport\b"),
}
# Each cue with the words one of which its every match holds (``scan.required``; none known: always
# tried), so that a cue none of whose words stands before a date is not searched for twice.
_DATE_CUE_TESTS = tuple((pat, scan.required(pat), f"cue_b={cue}", f"cue_w={cue}") for cue, pat in _DATE_CUES.items())
# the letters IGNORECASE matches to ASCII ones that lower() does not map (as kg.extract.scan folds them)
_ODD_CASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_ODD_LETTERS = "\u0130\u0131\u017f\u212a"
_DATE_SPAN = 5000
_TIME_WORDS = re.compile(r"(?i)[\d.:\s,apm–-]|to|noon")


@dataclass(frozen=True)
class DateCandidate:
    iso: str
    start: int
    end: int
    index: int  # order among the page's dates
    features: tuple[str, ...]


_RANGE_AFTER = re.compile(r"\s*(?:[-–—]|to\b|until\b)\s*\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}\b")
_RANGE_BEFORE = re.compile(r"\d{4}\s*(?:[-–—]|to)\s*$")


def _candidate_iso(m: re.Match) -> str | None:
    d, month, y, mm, yy = m.groups()
    if month:
        return _iso(int(d), _MONTH3[month[:3].lower()], int(y))
    year = int(yy)
    return _iso(int(d), int(mm), year + 2000 if year < 100 else year)


def date_candidates(text: str, rule_date: str | None = None) -> list[DateCandidate]:
    """Every date near the top of the page, each described for the ``meeting-date`` model."""
    head = text[:_DATE_SPAN]
    found = [(m, iso) for m in _ANY_DATE.finditer(head) if (iso := _candidate_iso(m))]  # from digit to digit
    if not found:
        return []
    isos = [iso for _, iso in found]
    counts: dict[str, int] = {}
    for iso in isos:
        counts[iso] = counts.get(iso, 0) + 1
    years = sorted({iso[:4] for iso in isos})
    latest, earliest = max(isos), min(isos)
    first_line_end = head.find("\n") if "\n" in head else len(head)
    page = page_features(text, None)
    per_line: dict[int, int] = {}  # dates on each line, by the line's start
    starts = [head.rfind("\n", 0, m.start()) + 1 for m, _ in found]
    for k in starts:
        per_line[k] = per_line.get(k, 0) + 1
    out = []
    seen: set[str] = set()
    for i, (m, iso) in enumerate(found):
        ls = starts[i]
        le = head.find("\n", m.end())
        le = len(head) if le < 0 else le
        before, after = head[ls:m.start()], head[m.end():le]
        wide_before = head[max(0, m.start() - 80):m.start()]
        f = ["bias", f"pos={bin_of(m.start(), (80, 250, 600, 1500, 3000))}", f"idx={min(i, 5)}",
             f"line={bin_of(head.count(chr(10), 0, m.start()), (1, 2, 4, 8, 16, 40))}",
             f"fmt={'long' if m.group(2) else 'num'}", f"count={min(counts[iso], 3)}"]
        if iso not in seen:  # (the first of its date on the page)
            f.append("first_of_iso")
            seen.add(iso)
        # (every match holds "day" in some case: a line without it is not scanned, nine times in ten)
        day = "day" in before.lower()
        if day and _WEEKDAY_BEFORE.search(before[-14:]):
            f.append("weekday")
        if _TIME_AFTER.search(after):
            f.append("time")
        if _RANGE_AFTER.match(after) or _RANGE_BEFORE.search(before[-12:]):
            continue  # "1 April 2021 - 31 March 2022": a period reported on, never the day a meeting met
        if not before.strip() or (day and _WEEKDAY_BEFORE.fullmatch(before.strip() + " ")):
            f.append("linestart")
        # (the cheap half first: the rest of the line stripped of time words is worked out only for a
        # date opening its line or after a weekday; both halves are pure, so the answer is the same)
        if (not before.strip() or "weekday" in f) and not _TIME_WORDS.sub("", after).strip():
            f.append("line_only")
        if m.start() < first_line_end:
            f.append("first_line")
        # dates side by side on one line are a table's columns (an attendance record), none the meeting's
        f.append(f"line_dates={bin_of(per_line[ls] - 1, (1, 2))}")
        if iso == latest:
            f.append("latest")
        if iso == earliest:
            f.append("earliest")
        if iso[:4] == years[-1]:
            f.append("latest_year")
        if rule_date is not None:
            f.append("rule_agrees" if iso == rule_date else "rule_other")
        wide_low = (wide_before if wide_before.isascii() else wide_before.translate(_ODD_CASE)).lower()
        for pat, needles, cue_b, cue_w in _DATE_CUE_TESTS:
            if needles and not any(map(wide_low.__contains__, needles)):  # (no generator frame per word)
                continue  # none of the cue's words in the 80 characters (before[-60:] is their end)
            if pat.search(before[-60:]):
                f.append(cue_b)
            elif pat.search(wide_before):
                f.append(cue_w)
        f += page
        f += word_features(" ".join(before.split()[-3:]), "b", bigrams=False)
        f += word_features(" ".join(after.split()[:2]), "a", bigrams=False)
        out.append(DateCandidate(iso, m.start(), m.end(), i, tuple(f)))
    return out


def date_features(c: DateCandidate) -> list[str]:
    return list(c.features)


_BODY_HEAD = (r"(?:Sub-Committee|Committee|Commission|Cabinet|Panel|Board|Partnership|Forum|Group|Trust|Executive"
              r"|Assembly|Council)")
_BODY_HEAD_ANY = r"(?i:sub-committee|committee|commission|cabinet|panel|board|partnership|forum|group|trust|executive)"
_HEAD_WORDS = ("Sub-Committee", "Committee", "Commission", "Cabinet", "Panel", "Board", "Partnership", "Forum", "Group",
               "Trust", "Executive")
_HEAD_TC = "(?:" + "|".join(_HEAD_WORDS) + ")"
_HEAD_UC = "(?:" + "|".join(w.upper() for w in _HEAD_WORDS) + ")"
# a line of one or two head words only ("Board"): the end of a title wrapped onto its own line
_HEAD_ONLY = re.compile(_HEAD_TC + r"(?:\s+" + _HEAD_TC + r")?|" + _HEAD_UC + r"(?:\s+" + _HEAD_UC + r")?")
# a room, a document or a job ("Contact: Ann Lee (Committee Officer)", "Board Manager") is no body
_NOT_AFTER_HEAD = (r"(?!\s+(?i:members?|lead|portfolio|room|office|papers|briefing|chamber|suite|agenda"
                   r"|officers?|clerk|administrator|services|secretary|manager|co-?ordinator|support|directors?)\b"
                   # a post after one or two words of its own ("Board Business Manager", "Partnership Support
                   # Officer", "Board Development Officer")
                   r"|(?:\s+[A-Z][\w-]*){1,2}\s+(?i:managers?|officers?|co-?ordinators?|administrators?|advisers?"
                   r"|advisors?|assistants?|analysts?|secretary)\b)")
# A title-case name ("Children & Young People Select Committee") or an all-capitals one ("SEFTON SAFER
# COMMUNITIES PARTNERSHIP"); a lower-case head ("committee documents") names nothing.
# (Both alternatives start where no word character or hyphen goes before, the first where no
# apostrophe or "&" either, and at a capital or "&": tested in that order, once, at each
# character, before either alternative is tried, not a look-behind for each: about 40% fewer
# instructions. The same matches as before, tests/test_meeting_speed.py.)
# (A word's letters and the spaces after it possessive: what follows the letters is a space and what
# follows the spaces a word, so nothing they give back could serve; a capitalised word not followed
# by a head then fails at once instead of giving its letters back one at a time.)
_TITLE_NAME = re.compile(r"(?<![\w-])(?=[A-Z&])(?:(?<![’'&])(?:[A-Z][\w’'&,-]*+\s++"
                         r"(?:(?:[A-Z][\w’'&,-]*+|and|&|of|for|the|in|on|upon)\s++){0,8}?)?"
                         + _HEAD_TC
                         + r"(?:\s+" + _HEAD_TC + r")*(?![\w-])" + _NOT_AFTER_HEAD
                         + r"|(?:(?:[A-Z][A-Z’'&,-]*+|AND|OF|FOR|THE|&)\s++){0,9}?" + _HEAD_UC
                         + r"(?:\s+" + _HEAD_UC + r")*(?![\w-]))")
# (The first letter before the word-boundary check lets the engine skip to each "t": twice as fast.)
_GENERIC = re.compile(r"[Tt](?<=\b[Tt])(?:he|his|HE)\s+([Bb]oard|[Cc]ommittee|[Pp]anel|"
                      r"[Cc]ommission|[Cc]abinet|[Pp]artnership|"
                      r"[Ee]xecutive|[Ff]orum|[Gg]roup|BOARD|COMMITTEE|PANEL|PARTNERSHIP)\b"
                      r"(?!\s+(?i:directors?|officers?|members?|manager|room)\b"  # "the Executive Director" is a job
                      # as is "the Partnership Support Officer", "the Board Business Manager"
                      r"|(?:\s+[A-Z][\w-]*){1,2}\s+(?i:managers?|officers?|co-?ordinators?|administrators?|advisers?"
                      r"|advisors?|assistants?|analysts?|secretary)\b)")
_RESOLVED = re.compile(r"[Tt](?<=\b[Tt])hat\s+(?:the\s+)?((?:[A-Z][\w’'&-]*+\s++(?:(?:and|of|for|&)\s++)?){0,5}?"
                       + _BODY_HEAD + r")\s+"
                       r"(?:agrees?|notes?|approves?|endorses?|receives?|considers?|recommends?|supports?|be|is|are|"
                       r"was|were|had|has|noted|agreed|approved|endorsed|received|considered)\b")
# what makes "That X agree" a resolution, not reported speech ("was informed that the Partnership had agreed")
_RESOLUTION_CUE = re.compile(r"(?i)\b(?:resolved|agreed|recommend(?:ed|ations?|s)?|decisions?|decided)\b"
                             r"[^\w\n]{0,6}(?:\n[^\w\n]*)?(?:(?:\(?[a-z0-9]{1,3}[.)]|that)[^\w\n]{0,4})?$")


@lru_cache(maxsize=4)  # asked by the header rules (the first) and the body candidates (all) of one page
def _resolutions(text: str) -> tuple[re.Match, ...]:
    """``_RESOLVED``'s matches that a resolution word heads ("RESOLVED: That Executive Board agree",
    "Recommendation (1) That the Cabinet notes"). Found once a page: the header rules used to
    scan the page for the first and the body candidates again for all (match objects are
    immutable, so sharing them changes nothing)."""
    return tuple(m for m in scan.finditer(_RESOLVED, text)
                 if _RESOLUTION_CUE.search(text, max(0, m.start() - 40), m.start()))


@lru_cache(maxsize=4)  # asked by the body candidates and, on pages no header names, the addressed body
def _generic_mentions(text: str) -> tuple[re.Match, ...]:
    """``_GENERIC``'s matches ("the Board", "The Committee"), found once a page."""
    return tuple(scan.finditer(_GENERIC, text))


_REPORT_TO = re.compile(r"(?i)(?=[rtmdc])\b(?:report\s+to|to|meeting|decision\s+maker"
                        r"|committee|meeting\s+of)\s*:\s*(?:the\s+)?"
                        r"(.{3,80}?)\s*(?:\n|$|\b(?:Date|Time|Venue|Location|Place|Held|Subject|From)\b|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}|[-–]\s)")
_TITLE_JUNK = re.compile(r"(?i)^(?:(?:report\s+to|draft|public|confirmed|unconfirmed|approved|agenda|and|minutes|notes|"
                         r"of|the|a|an|"
                         r"meeting|view|record|decision|details|that|page|from|to|for|on|at|with|by)\s+)+|\s*\([^)]*\)|\s+(?:meeting|minutes|agenda|notes|"
                         r"decision)\b.*$")
_BODY_SCAN = 1500
_FIELD_ENDS = ("to", "of", "meeting", "maker", "committee")  # what ``_REPORT_TO``'s field names end with


def _field_colon(head: str) -> bool:
    """Whether a colon of ``head`` follows (past spaces) a word ``_REPORT_TO``'s field names end
    with: every match of it holds one, and most heads have none, where the case-blind pattern
    is tried at every character of the head."""
    c = head.find(":")
    while c >= 0:
        j = c
        while j > 0 and head[j - 1].isspace():
            j -= 1
        if head[max(0, j - 9):j].translate(_ODD_CASE).lower().endswith(_FIELD_ENDS):
            return True
        c = head.find(":", c + 1)
    return False


# each of _REPORT_TO's field names written backwards (the same flags): read on the reversed head from a
# colon's field end, each gives where a match with that field name and that colon would start
_FIELDS_REVERSED = tuple(re.compile(f, re.I) for f in (r"ot", r"ot\s+troper", r"gniteem", r"rekam\s+noisiced",
                                                      r"eettimmoc", r"fo\s+gniteem"))


_FIELD_LAST_LETTERS = "oOfFgGrReE"  # what the field names end with, in either case (none has an odd case form)


def _report_to_fields(head: str) -> list[re.Match]:
    r"""``list(_REPORT_TO.finditer(head))``, the pattern matched only where a match can start, not
    tried (case-blind, so at every character) over the whole head.

    Why it is exact: a match is a field name, spaces, then a colon; the field name ends with a letter,
    so it ends where the run of spaces before its colon begins (``\s*`` takes them all, and the colon
    must follow). So a match starts where one of the field names, read backwards from that end, begins
    (``_FIELDS_REVERSED``; "report to" and "to" may both). Trying those places in order, each from the
    end of the last match on, is what ``finditer`` does: no other place can start a match."""
    n = len(head)
    rev: str | None = None
    starts: set[int] = set()
    c = head.find(":")
    while c >= 0:
        j = c
        while j > 0 and head[j - 1].isspace():
            j -= 1
        if j > 0 and head[j - 1] in _FIELD_LAST_LETTERS:
            if rev is None:
                rev = head[::-1]
            for back in _FIELDS_REVERSED:
                m = back.match(rev, n - j)
                if m is not None:
                    starts.add(j - (m.end() - (n - j)))
        c = head.find(":", c + 1)
    out: list[re.Match] = []
    pos = 0
    for p in sorted(starts):
        if p < pos:
            continue
        m = _REPORT_TO.match(head, p)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


_HEAD_FORMS = tuple(w for h in _HEAD_WORDS if h != "Sub-Committee" for w in (h, h.upper()))  # (in "Committee")


def _title_names(line: str) -> Iterator[re.Match]:
    """``_TITLE_NAME.finditer(line)``, without the search past the last head word. Every match
    ends with a head word as written ("Board", "BOARD": the pattern's only case-blind part is a
    look-ahead after it), so once a match ends past the start of the line's last one, no other
    follows: the search on, from capital to capital through the rest of the line ("- Minutes
    of the Meeting held on Monday ..."), tried up to nine words from each, finds nothing; a
    line holding no head word is not searched at all."""
    last = max(map(line.rfind, _HEAD_FORMS))
    if last < 0:
        return
    for m in _TITLE_NAME.finditer(line):
        yield m
        if m.end() > last:
            return


@dataclass
class BodyCandidate:
    text: str
    start: int
    sources: set[str]
    page: tuple[str, ...] = ()  # the page's features and the candidate's place among the others


_NAME_WORD = re.compile(r"[\w&'’-]+")
_FOLD_WORD = {"childrens": "children", "adult": "adults", "&": "and", "chairman": "chair", "wellbeing": "well-being"}


@lru_cache(maxsize=4096)  # asked again for the same names by every candidate and feature
def body_words(text: str) -> frozenset[str]:
    """A body name as a set of folded words ("Children's" = "Childrens" = "Children", "&" = "and"),
    so two spellings of one name meet (and training labels match the scorer's notion of a name)."""
    out = set()
    for w in _NAME_WORD.findall(text.lower().replace("’", "'")):
        w = w.strip("'")
        if w.endswith("'s"):
            w = w[:-2]
        w = _FOLD_WORD.get(w, w)
        if w and w != "the":
            out.add(w)
    return frozenset(out)


def _body_key(text: str) -> tuple[str, ...]:
    return tuple(sorted(body_words(text)))


_LEAD_THE_CAPS = re.compile(r"^(?:[Tt]he|[Tt]his|THE)\s+")
_HEAD_END = re.compile(_BODY_HEAD_ANY + r"$")


@lru_cache(maxsize=4096)
def _tidy(text: str) -> str | None:
    text = _SPACES.sub(" ", text).strip(" -–,.:;|")
    prev = None
    while prev != text:
        prev, text = text, _TITLE_JUNK.sub("", text).strip(" -–,.:;|")
    text = _LEAD_THE_CAPS.sub("", text)
    # (a match of _HEAD_END ends the text: looked for only in its last 14 characters, the longest
    # head word and a newline, not from every character)
    if not text or len(text) > 100 or not _HEAD_END.search(text, max(0, len(text) - 14)) or _NOT_BODY.search(text):
        return None
    return text


_BOARD_SOURCES = frozenset(("board_head", "main_board"))
# the ranker's source for the rules' body, by how the rules found it (a header rule's otherwise)
_RULE_SOURCE = {"addressed": "rule_addressed", "mentioned": "rule_mentioned"}
_LOOSE_SOURCES = _BOARD_SOURCES | {"rule", "rule_header", *_RULE_SOURCE.values()}


def _tidy_board(name: str) -> str | None:
    """A board's name as a body candidate: no head word needed, but no agency or national body."""
    name = _SPACES.sub(" ", name).strip(" -–,.:;|")
    return name if name and len(name) <= 100 and not _NOT_BODY.search(name) else None


def page_features(text: str, rule_date: str | None) -> list[str]:
    """What kind of page this is: minutes and agendas have a body; web pages and reports mostly not."""
    f = list(_page_cues(text))
    if rule_date:
        f.append("page=rule_date")
    return f


@lru_cache(maxsize=4)
def _page_cues(text: str) -> tuple[str, ...]:
    """``page_features`` but the rule's date: asked by both rankers of one page, found once.
    A cue is one of its words in the top 3,000 characters, lower-cased; read from the page's
    shared literal search when that answers the same (``_head_hits``), else searched for."""
    hits = _head_hits(text)
    if hits is None:
        head = text[:_HEAD].lower()
        found = tuple(k for k, needles in _PAGE_CUES.items() if any(map(head.__contains__, needles)))
    else:
        found = tuple(k for k, needles in _PAGE_CUES.items() if any(
            (at := hits.get(n)) is not None and at[0] + len(n) <= _HEAD for n in needles))
    if "present" in found and not _has_word(text[:_HEAD].lower(), _PRESENT_NEEDLES):
        found = tuple(k for k in found if k != "present")  # "represents", "presentation" are no attendance
    return tuple(f"page={k}" for k in found)


_HEAD = 3000  # the top of the page the page cues and the attendance heading are looked for in


def _head_hits(text: str) -> dict[str, list[int]] | None:
    """The page's shared literal search (``scan.hits``: where each registered literal starts in
    the page lower-cased), when it answers exactly what searching ``text[:_HEAD].lower()``
    would; None otherwise. Exact because: the literals are lower-case ASCII; the search reads
    the whole page lower-cased, and lower-casing maps a character to one character at the same
    offset whatever follows it, but for the letters ``scan.folded`` maps first (dotted and
    dotless I, long S, the Kelvin sign), which a head holding one is not read for; other
    letters whose lower case depends on what follows (a final sigma) lower to no ASCII letter.
    So a literal stands in the lowered head iff the search found it starting at ``p`` with
    ``p + len(literal) <= _HEAD``, and its offset is the one in ``text``. (The search is made
    once a page for every scanner; searching the head again for each word cost 30 us a page.)"""
    head = text[:_HEAD]
    if not head.isascii() and any(c in head for c in _ODD_LETTERS):
        return None
    low = scan.folded(text)
    return None if low is None else scan.hits(low)


def _has_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` stands in ``text`` as a whole word ("present", not "represents")."""
    for w in words:
        i = text.find(w)
        while i >= 0:
            j = i + len(w)
            if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
                return True
            i = text.find(w, j)
    return False


_PAGE_CUES = {
    "minutes": ("minutes",),
    "apologies": ("apologies",),
    "present": ("present", "attendance", "attendees"),
    "agenda": ("agenda",),
    "meeting": ("meeting",),
    "resolved": ("resolved", "recommendation", "decision"),
    "report_to": ("report to", "cover sheet"),
    "web": ("cookies", "click here", "website", "read more", "find out more", "download"),
}


def body_candidates(text: str, board_names: list[str], main_name: str | None,
                    rule: RuleMeeting | None = None) -> list[BodyCandidate]:
    """Names that could be the meeting's body: the rules' answer, title lines, board names,
    resolutions, cover-sheet fields, and the bare word the page addresses ("the Board")."""
    by_key: dict[tuple[str, ...], BodyCandidate] = {}
    page = tuple(page_features(text, rule.date if rule else None))

    def add(name: str | None, start: int, source: str) -> None:
        # a board the page names, or the body a header rule read, is a body whatever its last word ("CSCB",
        # "Children and Young People Scrutiny")
        name = (_tidy(name) or _tidy_board(name) if source in _LOOSE_SOURCES else _tidy(name)) if name else None
        if not name:
            return
        key = _body_key(name)
        c = by_key.get(key)
        if c is None:
            by_key[key] = BodyCandidate(name, start, {source}, page)
        else:
            c.sources.add(source)
            c.start = min(c.start, start)

    if rule and rule.body:
        add(rule.body, rule.body_at, "rule")
        add(rule.body, rule.body_at, _RULE_SOURCE.get(rule.body_by, "rule_header"))
    head = text[:_BODY_SCAN]
    lines = [(m.start(), m.group()) for m in _LINE.finditer(head[:800]) if m.group().strip()][:8]
    heads = gates.places(_TITLE_NAME, text)  # a body's name holds a head word: lines without one are skipped
    for n, (ls, line) in enumerate(lines):
        if not gates.may_match(heads, ls, ls + min(len(line), 200)):
            continue
        for m in _title_names(line[:200]):
            add(m.group(), ls + m.start(), f"line{min(n, 3)}")
    for m in (_report_to_fields(head) if _field_colon(head) else ()):
        add(_wrapped_field(head, m.start(1), m.end(1)) or m.group(1), m.start(1), "field")
    for m in _resolutions(text):
        add(m.group(1), m.start(1), "resolved")
    for name in board_names:
        pos = text.find(name, 0, _BODY_SCAN + len(name))  # the top of the page only, not all of it per board
        if 0 <= pos < _BODY_SCAN:
            add(name, pos, "board_head")
    if main_name:
        add(main_name, max(text.find(main_name), 0), "main_board")
    generic: dict[str, list[int]] = {}
    for m in _generic_mentions(text):
        generic.setdefault(m.group(1).lower(), []).append(m.start(1))
    top = max((len(v) for v in generic.values()), default=0)
    for word, where in generic.items():
        add(word.capitalize(), where[0], "generic_top" if len(where) == top else "generic")
        c = by_key.get(_body_key(word))
        if c is not None:
            c.sources.add(f"generic_n={bin_of(len(where), (2, 4, 8, 16))}")
    out = sorted(by_key.values(), key=lambda c: c.start)
    titled = [c for c in out if len(c.text.split()) > 1 and c.sources & {"line0", "line1", "field", "rule"}]
    board_heads = {n.split()[-1].lower() for n in board_names if n.split()}
    # a board's own minutes name no council body; a committee's page on a board's report does
    council_page = "council" if _council_body_named(text) else "plain"
    present = _present(text) if any(c.sources & _BOARD_SOURCES for c in out) else None
    roles = [_acts(text, c.text, generic.get(c.text.lower()) if len(c.text.split()) == 1 else None) for c in out]
    for i, c in enumerate(out):
        rel = [f"order={min(i, 3)}"]
        acts, addressed = roles[i]
        rel += [f"acts={bin_of(acts, (1, 2, 4))}", f"addressed={bin_of(addressed, (1, 2, 4))}"]
        if len(c.text.split()) == 1 and c.text.lower() in generic and c.text.lower() in board_heads:
            rel.append("generic_of_board")  # "the Board" may be the board the page reports on, not its audience
        if c.sources & _BOARD_SOURCES:
            rel.append(f"board_on_{council_page}_page")
            if present is not None and _in_attendance(text, present, c.text):
                rel.append("board_of_those_present")  # "Present: (AB) Amy Bell, MSCP Independent Chair"
        if len(c.text.split()) == 1:
            head = c.text.lower()
            if any(t.text.split()[-1].lower() == head for t in titled):
                rel.append("generic_named")
            elif titled:
                rel.append("generic_other_title")
        c.page = c.page + tuple(rel)
    return out


# What a meeting's body does in its minutes ("The Board noted", "The Committee was informed", "the panel
# agreed") and what is done to it ("advised the panel", "questions from the board"): the page's role
# for a name, whatever the name; a board the page only reports on is seldom either.
_ACT_AFTER = re.compile(r"(?i)\s+(?:(?:was|were|had|has|have|then|also|further|formally|unanimously)\s+){0,2}"
                        r"(?:not(?:ed|es?)|consider(?:ed|s)?|receiv(?:ed|es?)|agree[ds]?|resolved?|approv(?:ed|es?)"
                        r"|endorsed?|welcomed?|discussed?|asked|questioned|queried|requested|thanked|heard|met"
                        r"|gave|informed|advised|told|updated|briefed|provided|reminded|assured|supported"
                        r"|acknowledged|commented|sought|expressed|recommended|accepted|reviewed|to\s+(?:note|receive"
                        r"|consider|agree|approve|review|discuss|scrutinise))\b")
_ADDRESSING = frozenset("advised briefed informed updated told asked reminded assured thanked".split())
_ADDRESSING_TWO = frozenset(("presented to", "reported to", "explained to", "outlined to", "questions from",
                             "members of", "agreed by", "noted by", "considered by", "endorsed by", "approved by"))


def _addressed(text: str, at: int) -> bool:
    """Whether the words before ``at`` (past a "the") address a body: "briefed the panel", "questions
    from the board". (Two word look-ups, not a pattern tried per mention.)"""
    words = text[max(0, at - 30):at].lower().split()
    if words and words[-1] == "the":
        words.pop()
    return bool(words) and (words[-1] in _ADDRESSING or " ".join(words[-2:]) in _ADDRESSING_TWO)


_ACT_LOOKS = 30  # mentions of one name looked at


def _acts(text: str, name: str, where: list[int] | None) -> tuple[int, int]:
    """How often the page has ``name`` act as a meeting, and be addressed as one; ``where``: its
    mentions when already found (the generic words), else its first mentions in the text."""
    if where is None:
        where, i = [], text.find(name)
        while i >= 0 and len(where) < _ACT_LOOKS:
            where.append(i)
            i = text.find(name, i + len(name))
    acts = addressed = 0
    n, act = len(name), _ACT_AFTER.match
    for p in where[:_ACT_LOOKS]:
        if act(text, p + n, p + n + 60):
            acts += 1
        # ``_addressed`` inline: a call per mention cost as much as its two look-ups
        words = text[max(0, p - 30):p].lower().split()
        if words and words[-1] == "the":
            words.pop()
        if words and (words[-1] in _ADDRESSING or " ".join(words[-2:]) in _ADDRESSING_TWO):
            addressed += 1
    return acts, addressed


_PRESENT = re.compile(r"(?im)^[ \t|]*(?:members\s+)?(?:present|in\s+attendance|attendees|attendance)\b")
_PRESENT_BREAK = _after_line_break(_PRESENT)
_PRESENT_NEEDLES = ("present", "attendance", "attendees")
scan.register(n for needles in _PAGE_CUES.values() for n in needles)  # read by _head_hits from the page's search
scan.register(_PRESENT_NEEDLES)


@lru_cache(maxsize=4)  # asked by the header rules and the body candidates of one page
def _present(text: str) -> re.Match | None:
    """The attendance list's heading in the top of the page, looked for only where its words stand
    (from the line of the first of them; their first places read from ``_head_hits`` when it can)."""
    hits = _head_hits(text)
    if hits is None:
        head = text[:_HEAD].lower()
        starts = [head.rfind("\n", 0, i) + 1 for w in _PRESENT_NEEDLES if (i := head.find(w)) >= 0]
    else:
        starts = [text.rfind("\n", 0, at[0]) + 1 for w in _PRESENT_NEEDLES
                  if (at := hits.get(w)) is not None and at[0] + len(w) <= _HEAD]
    return _line_search(_PRESENT, _PRESENT_BREAK, text, min(starts), _HEAD) if starts else None
_CAPS_TOKEN = re.compile(r"\b[A-Z]{3,8}\b")
_ATTENDANCE_SPAN = 800


def _in_attendance(text: str, present: re.Match, name: str) -> bool:
    """Whether the attendance list under "Present" gives a board, by name or acronym, as its members'
    affiliation: the page is then that board's own minutes."""
    block = text[present.end():present.end() + _ATTENDANCE_SPAN]
    if name in block:
        return True
    if name.isupper():
        return False  # (no acronym is tried for a name in capitals)
    return any(acronym_fits(t, name) for t in _caps_tokens(block) if t != name)


@lru_cache(maxsize=4)  # one attendance list a page, asked for each board the page names
def _caps_tokens(block: str) -> frozenset[str]:
    """The words in capitals of an attendance list (acronyms it may give boards by): a set, so the
    order they are tried in changes nothing (``acronym_fits`` is pure, ``any`` a yes or no)."""
    return frozenset(_CAPS_TOKEN.findall(block))


_COUNCIL_WORDS = ("Cabinet", "Scrutiny", "Select Committee")


@lru_cache(maxsize=4)  # asked by the header rules and the body candidates of one page
def _council_body_named(text: str) -> bool:
    """Whether the top of the page names a council body (a board's own minutes do not)."""
    return any(text.find(w, 0, 3000) >= 0 for w in _COUNCIL_WORDS)
_OWN_WORD = re.compile(r"[\w’'&-]+")


def body_features(c: BodyCandidate) -> list[str]:
    """The ``meeting-body`` model's features of a candidate, in a fixed order (the model sums
    their weights over the set of them, whose order follows the list's)."""
    head, tail = _name_features(c.text)
    f = ["bias", *head, f"pos={bin_of(c.start, (80, 300, 800, 1500, 5000))}"]
    f += [f"src={s}" for s in sorted(c.sources)]
    f += [f"src_n={min(len(c.sources), 4)}", *c.page]
    f += tail
    return f


@lru_cache(maxsize=4096)  # the same few names ("Board", "Cabinet", a board's name) on page after page
def _name_features(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The features of a body candidate that depend on its name only: those before its place
    (head word, word count) and those after its page's (capitals, bare word, kind words, the
    count of other words), each part in ``body_features``' order; pure, so kept by name."""
    words = text.split()
    tail = []
    if text.isupper():
        tail.append("caps")
    if len(words) == 1:
        tail.append("generic")
    own = [w.lower() for w in _OWN_WORD.findall(text)]
    tail += [f"c={w}" for w in own if w in _BODY_VOCAB]
    others = sum(w not in _BODY_VOCAB for w in own)
    tail.append(f"c_other={min(others, 3)}")  # place and proper names: counted, never learned one by one
    return (f"head={words[-1].lower()}", f"nw={min(len(words), 6)}"), tuple(tail)


# Words that describe what a body is (its kind), as opposed to whose it is; only these are features.
_BODY_VOCAB = frozenset("""safeguarding adults adult children children's childrens young people scrutiny overview select
health wellbeing well-being community communities safety safer partnership board committee sub-committee cabinet panel
commission forum group trust executive local strategic management joint corporate parenting policy and of for the
council education care social services housing domestic abuse violence youth offending justice area child protection
city county borough district leadership improvement performance resources audit governance public standards
review learning families family schools""".split())
