"""Figures the minutes report ("training delivered to over 15,000 practitioners", "75% of...").

A figure is a number with the noun phrase it counts; years, dates, times, item and phone
numbers are left out. ``measure`` is the verb or noun that says what was counted, when the
sentence has one of the usual ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.text import Sentence

_NUMBER = re.compile(r"(?<![\w/.£-])(?P<cur>£\s?)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<k>k\b)?(?:\s?(?P<pct>%|per\s?cent\b))?"
                     r"(?P<tail>(?:\s+(?:of\s+)?(?:the\s+)?[a-zA-Z’'-]+){0,3})")
_MEASURES = ["trained", "training", "referrals", "re-referrals", "contacts", "concerns", "enquiries", "reviews", "cases",
             "missing", "exploitation", "child protection plan", "looked after", "in care", "placements", "notifications",
             "audits", "expenditure", "budget", "funding", "attended", "responding", "investigated", "open to"]
_SKIP_TAIL = re.compile(r"^\s*(?:pm|am|hours?|minutes?|mins|days?|weeks?|months?|years?|KB|MB|pdf|January|February|March|April|May|June|July|August|September|October|November|December)\b", re.I)
_MODIFIERS = {"local", "responding", "new", "more", "additional", "further", "open", "active", "young", "different",
              "separate", "individual", "multi-agency", "frontline", "front-line", "other", "key", "total"}
_UNIT_STOP = {"the", "of", "a", "an", "and", "to", "in", "on", "for", "with", "was", "were", "had", "has", "is", "are", "by", "from", "that", "which"}


@dataclass(frozen=True)
class StatFact:
    value: float
    unit: str | None
    measure: str | None
    start: int
    end: int


def extract_statistics(sentences: tuple[Sentence, ...]) -> list[StatFact]:
    out = []
    for sent in sentences:
        if sent.heading:
            continue
        measure: str | None | bool = False  # found once per sentence, not once per figure (linear time)
        for m in _NUMBER.finditer(sent.text):
            raw = m.group("num").replace(",", "")
            value = float(raw)
            if m.group("k"):
                value *= 1000
            if not m.group("pct") and not m.group("cur") and (1900 <= value <= 2100 and "." not in raw) and not m.group("k"):
                continue
            tail = m.group("tail") or ""
            if _SKIP_TAIL.match(tail):
                continue
            before = sent.text[max(0, m.start() - 12):m.start()].lower()
            if re.search(r"(?:item|tel|page|paragraph|section|chapter|no\.?|ref|regulation|appendix|minute)\s*:?\s*$", before):
                continue
            if value < 2 and not m.group("pct") and not m.group("cur"):
                continue
            if m.group("pct"):
                unit = "percent"
            elif m.group("cur"):
                unit = "GBP"
            else:
                words = [w for w in re.findall(r"[a-zA-Z’'-]+", tail)]
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
                if unit is None:
                    continue
            if measure is False:
                low = sent.text.lower()
                measure = next((ms for ms in _MEASURES if ms in low), None)
            out.append(StatFact(value if value != int(value) else int(value), unit, measure, sent.start, sent.end))
    return out
