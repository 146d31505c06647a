"""Themes a document discusses, each with the sentence that shows it.

A theme is assigned from cue phrases (``data/rules/themes.json``) weighed by where they
stand: a strong cue in a sentence of running text is enough; a cue inside a heading or
inside the name of a committee, board or report ("Performance Scrutiny Committee",
"Case Review & Governance Annual Report") only counts half, so a theme named only in a
list of paper titles is not "discussed"; weak cues need company.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.rules import Rules
from kg.extract.text import Sentence

_THRESHOLD = 1.0
_TITLED = re.compile(r"(?:[A-Z][\w’'-]*\s+(?:(?:and|&|of|the|a|for|in)\s+)*)+[A-Z][\w’'-]*")


def _titled_list(text: str) -> list[tuple[int, int]]:
    """Spans of Title Case items when a sentence lists three or more of them (names of groups, papers)."""
    runs = [(m.start(), m.end()) for m in _TITLED.finditer(text) if len(m.group().split()) >= 2]
    return runs if len(runs) >= 3 and text.count(",") >= 2 else []


@dataclass(frozen=True)
class ThemeFact:
    theme: str
    start: int
    end: int
    score: float


def extract_themes(sentences: tuple[Sentence, ...], rules: Rules) -> list[ThemeFact]:
    out = []
    for rule in rules.themes:
        score = 0.0
        best: tuple[float, Sentence] | None = None
        weak_seen: set[str] = set()
        for sent in sentences:
            vetoed = [(m.start(), m.end()) for m in rules.theme_veto.finditer(sent.text)]
            titled = _titled_list(sent.text)
            cancelled = [(m.start(), m.end()) for m in rule.not_.finditer(sent.text)] if rule.not_ else []
            s_score = 0.0
            for m in rule.strong.finditer(sent.text):
                if any(a <= m.start() and m.end() <= b for a, b in cancelled):
                    continue
                inside = any(a <= m.start() and m.end() <= b for a, b in vetoed + titled)
                w = 0.5 if (inside or sent.heading) else 1.0
                s_score = max(s_score, w)
            if rule.weak is not None:
                for m in rule.weak.finditer(sent.text):
                    cue = m.group().lower()
                    if cue in weak_seen or any(a <= m.start() and m.end() <= b for a, b in vetoed):
                        continue
                    weak_seen.add(cue)
                    s_score += 0.2 if sent.heading else 0.4
            if s_score:
                score += s_score
                if best is None or s_score > best[0]:
                    best = (s_score, sent)
        if score >= _THRESHOLD and best is not None:
            out.append(ThemeFact(rule.theme, best[1].start, best[1].end, round(score, 2)))
    return out
