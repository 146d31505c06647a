"""Themes a document discusses, each with the sentence that shows it.

A theme is assigned from cue phrases (``data/rules/themes.json``) weighed by where they
stand: a strong cue in a sentence of running text is enough; a cue inside a heading or
inside the name of a committee, board or report ("Performance Scrutiny Committee",
"Case Review & Governance Annual Report") only counts half, so a theme named only in a
list of paper titles is not "discussed"; weak cues need company.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
    runs = [(m.start(), m.end()) for m in _TITLED.finditer(text) if len(m.group().split()) >= 2]
    if len(runs) < 3 or text.count(",") < 2:
        return []
    items = [(a, b) for a, b in runs if _ITEM_BEFORE.search(text, max(0, a - 12), a) and _ITEM_AFTER.match(text, b)]
    return runs if len(items) >= 2 else []


_PAGE_END = re.compile(r"[A-Za-z)]\s+\d{1,3}$")
_PAGE_ENTRY = re.compile(r"[A-Za-z)]\s+\d{1,3}\s+(?=[A-Z])")


def _contents(sentences: tuple[Sentence, ...], i: int) -> bool:
    """A line of a table of contents ("Audit, Scrutiny and Review 10"): it ends in a page
    number, as does a line next to it, or it runs several "Title 4 Title 9" entries together.
    A theme named there is a chapter title, not a discussion of it."""
    text = sentences[i].text
    if len(_PAGE_ENTRY.findall(text)) >= 3:
        return True
    return bool(_PAGE_END.search(text)) and any(
        0 <= j < len(sentences) and _PAGE_END.search(sentences[j].text) for j in (i - 1, i + 1))


# a row of an attendance grid: a name or a service, then a column of marks per meeting
# ("Safeguarding Service  Y Y Y  A A D"); a cue there names who attended, not what was discussed
_GRID_MARKS = re.compile(r"(?<!\S)[YNAD](?:\s+[YNAD]){2}(?!\S)")


def _attendance_grid(text: str) -> bool:
    """Two runs of three attendance marks (Y / N / A / D) in one line: a register, read as a heading."""
    return len(_GRID_MARKS.findall(text)) >= 2


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

    @property
    def score(self) -> float:
        return sum(self.per_sentence.values())

    def best(self) -> int:
        return max(self.per_sentence, key=lambda k: (self.per_sentence[k], -k))


def theme_candidates(sentences: tuple[Sentence, ...], rules: Rules, text: str) -> list[ThemeCandidate]:
    """Every theme with at least one cue, weighed. Each cue pattern runs once over the whole
    text (not once per sentence: that was most of the extractor's time); matches are then
    placed in their sentence by offset."""
    if not sentences:
        return []
    starts = [s.start for s in sentences]
    halved: dict[int, list[tuple[int, int]]] = {}
    headed: dict[int, bool] = {}

    def heading(i: int) -> bool:
        if i not in headed:
            headed[i] = sentences[i].heading or _contents(sentences, i) or _attendance_grid(sentences[i].text)
        return headed[i]

    def sentence_of(m: re.Match) -> int | None:
        i = bisect_right(starts, m.start()) - 1
        return i if i >= 0 and m.end() <= sentences[i].end else None

    def halving(i: int) -> list[tuple[int, int]]:
        if i not in halved:
            s = sentences[i]
            halved[i] = [(s.start + a, s.start + b) for a, b in
                         [(m.start(), m.end()) for m in rules.theme_veto.finditer(s.text)] + _titled_list(s.text)]
        return halved[i]

    lower = text.lower()
    _needles(rules)
    found = scan.hits(lower)  # where every cue's needle occurs: one pass, not one search per cue
    out = []
    for rule in rules.themes:
        per_sentence: dict[int, float] = {}
        strong_at: dict[int, float] = {}
        weak_seen: set[str] = set()
        weak_spans: list[tuple[int, int]] = []
        cues: list[str] = []
        cancelled: dict[int, list[tuple[int, int]]] = {}  # per sentence: a "not" phrase never spans two
        n_strong = n_halved = 0
        for cue in rule.cues:
            if cue.needle and cue.needle not in found:
                continue
            for m in _matches(cue, text, found if len(lower) == len(text) else None, sentences, starts):
                i = sentence_of(m)
                if i is None:
                    continue
                if rule.not_ is not None and i not in cancelled:
                    cancelled[i] = [(x.start(), x.end()) for x in
                                    rule.not_.finditer(text, sentences[i].start, sentences[i].end)]
                if any(a <= m.start() and m.end() <= b for a, b in cancelled.get(i, ())):
                    continue
                inside = any(a <= m.start() and m.end() <= b for a, b in halving(i))
                if len(cues) < 50:
                    cues.append(m.group().lower())
                if cue.strong:
                    weight = 0.5 if (inside or heading(i)) else 1.0
                    n_strong += weight == 1.0
                    n_halved += weight < 1.0
                    strong_at[i] = max(strong_at.get(i, 0.0), weight)
                else:
                    word = m.group().lower()
                    if word in weak_seen or inside or any(a < m.end() and m.start() < b for a, b in weak_spans):
                        continue  # one weak cue per stretch of text, however many patterns fit it
                    weak_seen.add(word)
                    weak_spans.append((m.start(), m.end()))
                    per_sentence[i] = per_sentence.get(i, 0.0) + (0.2 if heading(i) else 0.4)
        for i, w in strong_at.items():
            per_sentence[i] = per_sentence.get(i, 0.0) + w
        if per_sentence:
            out.append(ThemeCandidate(rule.theme, per_sentence, n_strong, n_halved, len(weak_seen), tuple(cues)))
    return out


def theme_features(c: ThemeCandidate) -> list[str]:
    """What the model weighs: the rules' score and counts in bins, per theme and overall,
    and the cue words that matched. (Words of the surrounding sentences were tried and
    lowered the area-grouped cross-validated F1: with a few hundred documents they fit
    the areas seen, not the phrasing of others.)"""
    t = c.theme
    feats = [f"t={t}", f"score={bin_of(c.score)}", f"t={t}|score={bin_of(c.score)}",
             f"strong={bin_of(c.strong, (1, 2, 3, 5, 8))}", f"t={t}|strong={bin_of(c.strong, (1, 2, 3, 5))}",
             f"halved={bin_of(c.strong_halved, (1, 2, 4))}", f"weak={bin_of(c.weak, (1, 2, 3))}",
             f"sentences={bin_of(len(c.per_sentence), (1, 2, 3, 5, 8))}"]
    return feats + [f"cue={w}" for w in c.cues]


def extract_themes(sentences: tuple[Sentence, ...], rules: Rules, text: str,
                   model: LinearModel | None = None) -> list[ThemeFact]:
    """Themes with their best sentence. The rules' weighed cues propose; where a trained
    model is shipped it vetoes a proposal it finds unlikely (below ``_VETO``) and adds a
    theme the rules missed only when it is confident (its threshold). Area-grouped
    cross-validation chose this over letting the model decide alone: the veto removes
    boilerplate and passing mentions, while a lone clear sentence still counts."""
    out = []
    for c in theme_candidates(sentences, rules, text):
        i = c.best()
        start, end = sentences[i].start, sentences[i].end
        if model is None:
            if c.score >= _THRESHOLD:
                out.append(ThemeFact(c.theme, start, end, round(c.score, 2)))
            continue
        p = model.probability(theme_features(c))
        if p >= model.threshold or (c.score >= _THRESHOLD and p >= _VETO):
            out.append(ThemeFact(c.theme, start, end, round(c.score, 2), f"model:{model.name}", p))
    return out


def _needles(rules: Rules) -> tuple[str, ...]:
    """The cues' needles, registered once with the shared literal search."""
    key = id(rules.themes)
    if _NEEDLES.get(key) is None:
        _NEEDLES[key] = tuple(c.needle for rule in rules.themes for c in rule.cues if c.needle)
        scan.register(_NEEDLES[key])
    return _NEEDLES[key]


_NEEDLES: dict[int, tuple[str, ...]] = {}


def _matches(cue, text: str, found: dict[str, list[int]] | None, sentences: tuple[Sentence, ...],
             starts: list[int]):
    """A cue's matches, looking only in the sentences that contain its needle (a match
    never spans two sentences, and most sentences contain no needle at all). ``found``:
    where each needle occurs in the lower-cased text (offsets, in order), or None when
    lower-casing changed the text's length (rare letters: the offsets would not fit)."""
    if not cue.needle or found is None:
        # no single needle ("QA", "£5", alternatives): the shared scanner still tries the pattern
        # only where its prefixes stand (or behind a look-ahead for its first characters)
        yield from scan.finditer(cue.pattern, text)
        return
    done = -1
    at_needle = _starts_with_needle(cue) and text.isascii()  # then every match starts at a needle
    pos = 0
    for at in found.get(cue.needle, ()):
        i = bisect_right(starts, at) - 1
        if at_needle:  # the pattern tried at the needle's places only: the same matches as finditer
            if i >= 0 and at >= pos and at < sentences[i].end:
                m = cue.pattern.match(text, at, sentences[i].end)
                if m:
                    pos = m.end()
                    yield m
            continue
        if i > done and i >= 0:
            done = i
            yield from cue.pattern.finditer(text, sentences[i].start, sentences[i].end)


_STARTS: dict[int, bool] = {}


def _starts_with_needle(cue) -> bool:
    """Every match of the cue begins with its needle (case aside): read from the pattern."""
    key = id(cue.pattern)
    if key not in _STARTS:
        _STARTS[key] = scan.prefixes(cue.pattern) == (cue.needle,)
    return _STARTS[key]
