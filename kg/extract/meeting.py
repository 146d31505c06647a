"""The meeting a document records: council, body, date and item number.

Only dates the page gives *as the meeting's* count ("Meeting: 21/12/2021 - Cabinet (Item
132)", an agenda heading "... - Monday 13 June 2022 7.00 pm", "Date of decision: ..."):
minutes are full of other dates. The body comes from those headers, else from how the text
addresses it ("For the Select Committee to receive...", "The Committee considered...").
"""

from __future__ import annotations

import re

from kg.extract.rules import Rules
from kg.model import Meeting

_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                           "september", "october", "november", "december"], 1)}
_DMY = r"(\d{1,2})/(\d{1,2})/(\d{4})"
_LONG = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Z][a-z]+),?\s+(\d{4})"
_HEADER = re.compile(r"Meeting:\s*" + _DMY + r"\s*[-–]\s*(.+?)\s*(?:\((?:Item|item)\s+([\w.()]+)\))?\s*$", re.M)
_DECISION_MAKER = re.compile(r"Decision [Mm]aker:\s*(.+?)\s*$", re.M)
_DATE_LINE = re.compile(r"(?:Date of (?:decision|meeting)|Decision date|Meeting date|Date)\s*:\s*(?:" + _DMY + "|" + _LONG + ")", re.M)
_AGENDA_TITLE = re.compile(r"^(.+?)\s+[-–]\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+),?\s+(\d{4})", re.M)
_HELD = re.compile(r"(?i)\bminutes\s+of\s+(?:the\s+|a\s+)?(?:(?:ordinary|special|extraordinary|annual|virtual|remote)\s+)?"
                   r"meeting\s+of\s+(?:the\s+)?(.{3,120}?)\s+held\b(?:(?!\n\n).){0,120}?\bon\s+" + _LONG)
_DMY_ITEM_LINE = re.compile(r"^\s*" + _DMY + r"\s+[-–]\s+\S", re.M)
_BODY_WORDS = r"(?:Sub-Committee|Select Committee|Scrutiny Committee|Committee|Scrutiny Commission|Commission|Cabinet|Scrutiny Panel|Panel|Scrutiny Board)"
_NAMED_BODY = re.compile(r"(?:(?:[A-Z][\w’'&,-]*|and|&|of|for|the|in)\s+){0,8}?" + _BODY_WORDS + r"\b")
_ADDRESS = [
    re.compile(r"\b(?:For|for|enable)\s+(?:Members\s+of\s+)?the\s+((?:[A-Z][\w’'&-]*\s+|and\s+|&\s+){0,8}?(?:[A-Z][\w’'-]*))\s+to\s+(?:receive|consider|note|pre-scrutinise|scrutinise|review|comment|agree|approve)"),
    re.compile(r"\b(?:The|the|this|This)\s+((?:[A-Z][\w’'&-]*\s+){0,6}?" + _BODY_WORDS + r")(?:['’]s)?\b"
               r"(?!\s+(?:Member|Lead|Portfolio|Office|Advisory|Members'|Report|Papers|Briefing|Agenda))"),
    re.compile(r"\b(?:the|this)\s+(committee)\b"),
]
_NOT_BODY = re.compile(r"National|Review Panel|Practice Review|Government|Parliament|Ofsted|House of|Home Office")


def _iso(d: int, m: int, y: int) -> str | None:
    if 1 <= d <= 31 and 1 <= m <= 12 and 1990 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _long_date(d: str, month: str, y: str) -> str | None:
    m = _MONTHS.get(month.lower())
    return _iso(int(d), m, int(y)) if m else None


def _clean_body(body: str) -> str | None:
    body = re.sub(r"\s+", " ", body).strip(" -–,.:")
    body = re.sub(r"^(?:the|The|this|This)\s+", "", body)
    if not body or _NOT_BODY.search(body):
        return None
    return body


def extract_meeting(text: str, title: str | None, board_names: list[str], rules: Rules) -> Meeting:
    date = body = item = None
    head = text[:3000]
    m = _HEADER.search(head)
    if m:
        date = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        body = _clean_body(m.group(4))
        item = m.group(5)
    held = _HELD.search(head)
    if held:
        body = body or _clean_body(held.group(1))
        date = date or _long_date(held.group(2), held.group(3), held.group(4))
    if body is None:
        dm = _DECISION_MAKER.search(head)
        if dm:
            body = _clean_body(dm.group(1))
    if date is None:
        dl = _DATE_LINE.search(head)
        if dl:
            g = dl.groups()
            date = _iso(int(g[0]), int(g[1]), int(g[2])) if g[0] else _long_date(g[3], g[4], g[5])
    if date is None or body is None:
        at = _AGENDA_TITLE.search(head[:600])
        if at:
            date = date or _long_date(at.group(2), at.group(3), at.group(4))
            if body is None:
                parts = [p for p in re.split(r"\s+[-–]\s+", at.group(1)) if p.strip()]
                body = _clean_body(parts[-1]) if parts else None
    if date is None:
        dl = _DMY_ITEM_LINE.search(head[:600])
        if dl:
            date = _iso(int(dl.group(1)), int(dl.group(2)), int(dl.group(3)))
    if body is None:
        body = _addressed_body(text, board_names)
    return Meeting(council=_council(text, rules), body=body, date=date, item=item)


def _addressed_body(text: str, board_names: list[str]) -> str | None:
    """The body the text addresses; the most specific form of the most frequent head word."""
    for pat in _ADDRESS[:1]:
        m = pat.search(text)
        if m and re.search(_BODY_WORDS + r"$|Scrutiny$|Executive$", m.group(1)):
            body = _clean_body(m.group(1))
            if body:
                return body
    found: list[str] = []
    for pat in _ADDRESS[1:]:
        for m in pat.finditer(text):
            body = _clean_body(m.group(1))
            if body and not any(body in b for b in board_names):
                found.append(body)
    if found:
        heads: dict[str, int] = {}
        for b in found:
            head_word = b.split()[-1].lower()
            heads[head_word] = heads.get(head_word, 0) + 1
        top = max(heads, key=lambda h: (heads[h], -min(i for i, b in enumerate(found) if b.split()[-1].lower() == h)))
        forms = [b for b in found if b.split()[-1].lower() == top]
        specific = [b for b in forms if len(b.split()) > 1]
        body = specific[0] if specific and forms.count(forms[0]) <= len(specific) else forms[0]
        return body[0].upper() + body[1:]
    if re.search(r"\bHealth and Well-?being Board\b", text):
        return "Health and Wellbeing Board"
    return None


# Words are bounded ({0,40}): an unbounded run before a required space backtracks over
# the whole of a long hyphenated word at each of its capitals (quadratic on "O'Mac-Mac-...").
_COUNCIL = re.compile(r"\b(?:London Borough of|Royal Borough of|City of)\s+[A-Z][\w’'-]{1,40}(?:\s+(?:and|upon)\s+[A-Z][\w’'-]{1,40}|\s+[A-Z][\w’'-]{1,40})?|"
                      r"\b(?:[A-Z][\w’'-]{1,40}\s+(?:and\s+|upon\s+)?){1,3}(?:County Borough |Metropolitan Borough |County |City |Borough |District )?Council\b")


_COUNCIL_CAPS = re.compile(r"^\s*((?:[A-Z][A-Z’'-]+\s+(?:AND\s+|UPON\s+)?){1,3}(?:COUNTY BOROUGH |METROPOLITAN BOROUGH |COUNTY |CITY |BOROUGH |DISTRICT )?COUNCIL)\s*$", re.M)


def _title_case(text: str) -> str:
    return " ".join(w.lower() if w in ("AND", "UPON", "OF") else w.capitalize() for w in text.split())


def _council(text: str, rules: Rules) -> str | None:
    caps = _COUNCIL_CAPS.search(text[:2000])
    if caps:
        return _title_case(caps.group(1))
    for m in _COUNCIL.finditer(text):
        name = re.sub(r"^(?:The|the)\s+", "", m.group()).strip()
        words = name.split()
        if words[0] in ("Full", "Town", "Parish", "Lead", "Members", "District", "County") or len(words) < 2:
            continue
        if name.endswith("Council") and words[0] in rules.not_place:
            continue
        return name
    for m in rules.place_pattern.finditer(text[:1500]):
        council = rules.places.get(m.group().lower(), ("", ""))[1]
        if council:
            return council
    return None
