"""Figures the minutes report ("training delivered to over 15,000 practitioners", "75% of...").

A figure is a number with the noun phrase it counts ("15,000 practitioners", "children
missing from education (65)"); years, dates, times, item and phone numbers are left out.
``measure`` is the verb or noun that says what was counted, taken from the words next to
the number -- its own clause, the nearest one of the usual words -- or none at all rather
than a guess from elsewhere in the sentence ("60% of expenditure goes on staffing, the
rest on training" is expenditure, not training).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract import scan
from kg.extract.text import Sentence

_NUMBER = re.compile(r"(?<![\w/.£-])(?P<cur>£\s?)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<k>k\b)?"
                     r"(?:\s?(?P<pct>%|per\s?cent\b))?"
                     r"(?P<tail>(?:\s+(?:of\s+)?(?:the\s+)?[a-zA-Z’'-]+){0,3})")
_NUMBER_START = re.compile(r"[^\x00-/:-\xa2\xa4-\u065f](?<=[\d£])")
"""What ``_NUMBER``'s matches start with (its optional "£", else its first digit): ``[\\d£]``
written as ``text.DIGIT`` is, a class re jumps to, then the look-behind for what lies past ASCII."""
_NUMBERED = re.compile(r"(?:item|tel|page|paragraph|section|chapter|no\.?|ref|regulation|appendix|minute|article)"
                       r"\s*:?\s*$")
_MONTH_BEFORE = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+$")
_TAIL_WORD = re.compile(r"[a-zA-Z’'-]+")
_MEASURES = ["trained", "training", "referrals", "re-referrals", "contacts", "concerns", "enquiries", "reviews",
             "cases", "missing", "exploitation", "child protection plan", "looked after", "in care", "placements",
             "notifications", "audits", "expenditure", "budget", "funding", "attended", "investigated", "open to",
             "published"]
_MEASURE_RE = re.compile(r"(?i)\b(?:" + "|".join(re.escape(m) for m in sorted(_MEASURES, key=len, reverse=True))
                         + r")\b")
# Where a clause ends: the measure of a number never comes from across one of these.
# (written first character first: the class of the five alternatives' first characters, then each alternative's
# rest behind a look-behind for its character; re jumps between candidates instead of trying the five
# alternatives at every character; the same matches as ";|:|,\s+(?:and|...)\b|\s+(?:and|...)\s+(?=...)|\.\s")
_CLAUSE = re.compile(r"[;:,.\s](?:(?<=[;:])|(?<=,)\s+(?:and|but|while|whereas|which|with)\b"
                     r"|(?<=\s)\s*(?:and|but|while|whereas)\s+(?=(?:£\s?)?\d)|(?<=\.)\s)")
# "children missing from education (65)": the noun phrase before a number in brackets
_BRACKETED = re.compile(r"((?:[A-Za-z’'-]+\s+){0,6}?[A-Za-z’'-]+)\s*\(\s*$")
_COUNTERS = {"number", "numbers", "total", "amount", "count", "figure"}
_SKIP_TAIL = re.compile(r"^\s*(?:pm|am|hours?|minutes?|mins|days?|weeks?|months?|years?|KB|MB|pdf"
                        r"|January|February|March|April|May|June|July|August|September|October|November|December)\b",
                        re.I)
_MODIFIERS = {"local", "responding", "new", "more", "additional", "further", "open", "active", "young", "different",
              "separate", "individual", "multi-agency", "frontline", "front-line", "other", "key", "total"}
_UNIT_STOP = {"the", "of", "a", "an", "and", "to", "in", "on", "for", "with", "was", "were", "had", "has", "is", "are",
              "by", "from", "that", "which"}


@dataclass(frozen=True)
class StatFact:
    # int for a whole number (its JSON says 15000, not 15000.0): spelled out, since the mypyc
    # build stores a field typed float as a C double and would turn the int into a float
    value: int | float
    unit: str | None
    measure: str | None
    start: int  # the sentence
    end: int
    at: int = -1  # the number itself


def extract_statistics(sentences: tuple[Sentence, ...]) -> list[StatFact]:
    out = []
    for sent in sentences:
        if sent.heading or not _NUMBER_START.search(sent.text):
            continue  # every figure starts with a digit or "£": most sentences have neither (one C scan)
        for m in scan.finditer(_NUMBER, sent.text):  # behind a look-ahead for a digit or £
            raw = m.group("num").replace(",", "")
            value = float(raw)
            if m.group("k"):
                value *= 1000
            if (not m.group("pct") and not m.group("cur") and (1900 <= value <= 2100 and "." not in raw)
                    and not m.group("k")):
                continue
            tail = m.group("tail") or ""
            if _SKIP_TAIL.match(tail):
                continue
            bracketed = None
            if sent.text[m.end("num"):m.end("num") + 1] == ")" and not m.group("pct") and not m.group("cur"):
                bracketed = _BRACKETED.search(sent.text[max(0, m.start() - _REACH):m.start()])
                tail = ""
            before = sent.text[max(0, m.start() - 12):m.start()].lower()
            if _NUMBERED.search(before):
                continue
            if _MONTH_BEFORE.search(before):
                continue  # "November 14": a date
            if value < 2 and not m.group("pct") and not m.group("cur"):
                continue
            unit: str | None
            if m.group("pct"):
                unit = "percent"
            elif m.group("cur"):
                unit = "GBP"
            else:
                words = _TAIL_WORD.findall(tail)
                while words and words[0].lower() in _UNIT_STOP | {"over", "around", "about"}:
                    words.pop(0)
                unit_words = []
                for w in words:
                    if w.lower() in _UNIT_STOP:
                        break
                    unit_words.append(w)
                while len(unit_words) > 1 and unit_words[0].lower() in _MODIFIERS:
                    unit_words.pop(0)
                unit = unit_words[0] if unit_words else None
                if bracketed is not None:
                    unit = _head_noun(bracketed.group(1))
                if unit is None or unit[:1].isupper():
                    continue  # "2 Article", "9 Board Membership": a page or item number in a list of contents
            measure = _measure(sent.text, m.start(), m.end())
            out.append(StatFact(value if value != int(value) else int(value), unit, measure, sent.start, sent.end,
                                sent.start + m.start()))
    return out


def _head_noun(phrase: str) -> str | None:
    """"the number of children missing from education" -> "children"."""
    words = phrase.split()
    while words and (words[0].lower() in _UNIT_STOP or words[0].lower() in _COUNTERS):
        words.pop(0)
    return words[0] if words and words[0].lower() not in _UNIT_STOP else None


_WORD = re.compile(r"\S+")
_REACH = 160
"""Characters looked at on each side of a number for its clause and its eight words: far
more than eight words take, and a bound, so that a sentence of thousands of figures costs
time in proportion to them rather than to their square."""


def _measure(text: str, start: int, end: int) -> str | None:
    """The usual measure word nearest the number inside the number's own clause, and at most
    eight words from it."""
    a = max(0, start - _REACH)
    z = min(len(text), end + _REACH)
    near = text[a:z].casefold()
    if not any(w in near for w in _MEASURES) or not scan.search(_MEASURE_RE, text, a, z):
        return None  # no measure word anywhere in reach (a substring test first, cheaper than the regex)
    lo = max((c.end() for c in _CLAUSE.finditer(text, a, start)), default=a)
    stop = _CLAUSE.search(text, end, z)
    hi = stop.start() if stop else z
    near_lo = [w.start() for w in _WORD.finditer(text, lo, start)]
    lo = near_lo[-8] if len(near_lo) >= 8 else lo
    near_hi = [w.end() for w in _WORD.finditer(text, end, hi)]
    hi = near_hi[7] if len(near_hi) > 8 else hi
    best = None
    for m in scan.finditer(_MEASURE_RE, text, lo, hi):
        d = start - m.end() if m.end() <= start else m.start() - end
        if best is None or d < best[0]:
            best = (d, m.group().lower())
    return best[1] if best else None
