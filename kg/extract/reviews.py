"""Case reviews: their kinds (serious case review, rapid review, SAR, DHR...) and case names.

Kinds come from their names and acronyms; a case name ("Child M", "Family A", "the case of
Jacob") takes the kind named in its own sentence, else the nearest kind named before it
(a heading "Published Serious Case Reviews" over a list of reports), else the only kind in
the document, else "case-review".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from kg.extract.text import Sentence

_KINDS = [
    ("serious-case-review", r"serious\s+case(?:\s+reviews?|\s*/)|\bSCRs?\b"),
    ("child-safeguarding-practice-review", r"(?:local\s+)?(?:child\s+)?safeguarding\s+practice\s+rev(?:iews?)?\b|\bL?CSPRs?\b|local\s+practice\s+reviews?"),
    ("rapid-review", r"rapid\s+reviews?"),
    ("safeguarding-adults-review", r"safeguarding\s+adults?['’]?\s+reviews?|\bSARs?\b"),
    ("domestic-homicide-review", r"domestic\s+homicide\s+reviews?|\bDHRs?\b|domestic\s+abuse\s+related\s+death\s+reviews?"),
    ("thematic-review", r"thematic\s+(?:partnership\s+)?reviews?|reviews?\s+(?:in)?to\s+the\s+(?:impact|learning|themes?)\s+of\s+(?:SCRs|serious\s+case\s+reviews|reviews|cases)"),
    # zero-width checks ordered cheapest first ((?=case), \b before the look-behinds): same
    # matches, but not eight look-behinds tried at every character of the text
    ("case-review", r"(?=case)(?<!serious )(?<!serious\xa0)case\s+reviews?|learning\s+reviews?|multi-agency\s+reviews?|case\s+review\s+(?:&|and)\s+governance|\b(?<!serious )(?<!case )(?<!practice )(?<!adults )(?<!adult )(?<!thematic )(?<!rapid )(?<!homicide )reviews\b"),
]
_KIND_RE = [(k, re.compile(p, re.I if k not in () else 0)) for k, p in _KINDS]
_NAME = re.compile(r"\b((?:Child|Baby|Family|Adult|Young Person|Sibling|Children)\s+[A-Z]{1,2}\d?)(?![\w])|the case of ([A-Z][a-z]+)\b")
_NOT_A_REVIEW = re.compile(r"\s*(?:Panel|Regulations|and Relevant Agency|Act\b|Guidance)")
_SAR_CONTEXT = re.compile(r"(?i)\breview\b[^.]{0,80}\b(?:commissioned|undertaken|conducted)\s+by\s+the\s+(?:\w+\s+)?(?:adults?\s+safeguarding|safeguarding\s+adults?)\s+board|"
                          r"\b(?:SAB|safeguarding adults board)\b[^.]{0,60}\bcommissioned\b[^.]{0,40}\breview\b")


@dataclass(frozen=True)
class ReviewFact:
    kind: str
    name: str | None
    start: int
    end: int


def extract_reviews(sentences: tuple[Sentence, ...], text: str, person_names: set[str]) -> list[ReviewFact]:
    kind_hits: list[tuple[int, str, Sentence]] = []
    if not re.search(r"(?i)review|\b(?:SCR|L?CSPR|SAR|DHR)s?\b", text):
        return []
    starts = [s.start for s in sentences]
    for kind, pat in _KIND_RE:  # once over the whole text, then placed in its sentence
        for m in pat.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or m.end() > sentences[i].end:
                continue
            sent = sentences[i]
            if kind == "case-review" and m.group().lower() == "reviews" and not re.search(
                    r"(?i)safeguard|case|learning|lessons|famil|child|key messages|experience", sent.text):
                continue
            if _NOT_A_REVIEW.match(text, m.end()):
                continue
            kind_hits.append((m.start(), kind, sent))
    for sent in sentences:
        if "review" in sent.text.lower() and _SAR_CONTEXT.search(sent.text):
            kind_hits.append((sent.start, "safeguarding-adults-review", sent))
    kind_hits.sort(key=lambda h: h[0])
    out: dict[tuple[str, str | None], ReviewFact] = {}
    for pos, kind, sent in kind_hits:
        out.setdefault((kind, None), ReviewFact(kind, None, sent.start, sent.end))
    explicit = [k for _, k, _ in kind_hits if k != "case-review"]
    # Looked up per case name by position, not by scanning every hit (linear on long lists).
    named = [(p, k, s) for p, k, s in kind_hits if k != "case-review"]
    named_pos = [p for p, _, _ in named]
    first_in: dict[int, str] = {}
    for _, k, s in named:
        first_in.setdefault(id(s), k)
    for sent in sentences:
        for m in _NAME.finditer(sent.text):
            name = m.group(1) or m.group(2)
            if name in person_names:
                continue
            pos = sent.start + m.start()
            i = bisect_left(named_pos, pos)  # named[:i] before pos, named[i:] at or after it
            if id(sent) in first_in:
                kind = first_in[id(sent)]
            elif i > 0:
                kind = named[i - 1][1]
            elif len(set(explicit)) == 1:
                kind = explicit[0]
            elif i < len(named):
                kind = named[i][1]
            else:
                kind = "case-review"
            out.setdefault((kind, name), ReviewFact(kind, name, sent.start, sent.end))
    return sorted(out.values(), key=lambda r: (r.start, r.kind, r.name or ""))
