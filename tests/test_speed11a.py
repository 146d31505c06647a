"""Round 11's faster forms (themes, scan engine) find exactly what the forms they replaced find.

Each new gate or fast path is compared with the plain form on every text under tests/texts and
data/minutes (whole pages and each of their sentences) and on random texts made of its pieces.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kg.extract import scan, themes
from kg.extract.rules import rules
from kg.extract.text import scanned, sentences

ROOT = Path(__file__).resolve().parent.parent
PAGES = [scanned(p.read_text(encoding="utf-8")) for d in ("tests/texts", "data/minutes")
         for p in sorted((ROOT / d).rglob("*.txt"))]
SENTENCES = [s.text for page in PAGES for s in sentences(page)]


def _cue_patterns() -> list[re.Pattern]:
    r = rules()
    return [c.pattern for rule in r.themes for c in rule.cues]


def _pieces(pattern: re.Pattern) -> list[str]:
    """Words and literals of a pattern, to build random texts that match it now and then."""
    words = re.findall(r"[A-Za-z]+", pattern.pattern)
    return [*words, *(w.upper() for w in words[:3]), *(w.title() for w in words[:3]), " ", " ", "-", ",", "’s",
            "x", "\n", "ſ", "ı", "İ"]


@pytest.mark.parametrize("source", [
    r"(?:self[- ]neglect\w*)", r"(?:run|runs|ran) drugs", r"(?-i:\bCSE\b)", r"a(?:bc|de)?fgh(?:ij|kl)+",
    r"(?:children|young people)(?:['’]s)? (?:own )?(?:views|voices?)", r"x(?=abc)abcdef", r"\bfoo\b bar",
])
def test_required_all_on_hand_made_patterns(source):
    pattern = re.compile(source, re.I)
    sets = scan.required_all(pattern)
    assert sets
    rng = random.Random(1)
    pieces = _pieces(pattern) + ["abc", "de", "fgh", "ij", "kl", "foo", "bar", "children", "young people"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for m in pattern.finditer(text):
            low = scan.folded(m.group()) or m.group().lower()
            assert all(any(w in low for w in s) for s in sets), (source, text)


def test_required_all_reads_the_sets_a_match_holds():
    assert scan.required_all(re.compile(r"(?:self[- ]neglect\w*)", re.I)) == (("self",), ("neglect",))
    assert scan.required_all(re.compile(r"(?:cycled|walked) (?:drugs|guns)", re.I)) == (
        ("cycled", "walked"), ("drugs", "guns"))
    # re's parser takes the common "r" out of "ran|runs": what is left ("an", "uns") is too short to ask
    assert scan.required_all(re.compile(r"(?:ran|runs) (?:drugs|guns)", re.I)) == (("drugs", "guns"),)
    assert scan.required_all(re.compile(r"(?:ab)?x", re.I)) == ()  # nothing of 3 letters is needed


def test_every_cue_match_holds_a_literal_of_each_set():
    """On every page, sentence and random text of a cue's own words, each match of each theme cue
    contains one literal of each of its sets (so the page gate never drops a cue that matches)."""
    rng = random.Random(11)
    for pattern in _cue_patterns():
        sets = scan.required_all(pattern)
        if not sets:
            continue
        pieces = _pieces(pattern)
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(150)]
        for text in PAGES + texts:
            for m in pattern.finditer(text):
                low = m.group().lower().replace("ſ", "s").replace("ı", "i").replace("\u0130", "i")
                assert all(any(w in low for w in s) for s in sets), (pattern.pattern, m.group())


def _odd(text: str) -> str:
    """The page with the odd letters re matches to "s" and "i" put in some words."""
    return text.replace("self", "ſelf").replace("is", "ıs").replace("In ", "\u0130n ")


def test_theme_candidates_gated_as_ungated():
    """The page gate (``_active``'s ``gated``) gives the candidates of the plain walk over every
    cue whose needle is on the page, on every page, cut pages, and pages with odd letters."""
    r = rules()
    plain = themes._active

    def ungated(index, found, gated=True):
        return plain(index, found, False)

    rng = random.Random(5)
    texts = PAGES + [_odd(p) for p in PAGES]
    for p in PAGES:
        a = rng.randrange(len(p))
        texts.append(p[a:a + rng.randint(50, 800)])
    for text in texts:
        sents = sentences(text)
        got = themes.theme_candidates(sents, r, text)
        themes._active = ungated
        try:
            want = themes.theme_candidates(sents, r, text)
        finally:
            themes._active = plain
        assert got == want, text[:80]


def _pieces_texts(pieces: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(n)]


def test_grid_marks_mark_first_as_the_look_behind_first():
    plain = re.compile(r"(?<!\S)[YNAD](?:\s+[YNAD]){2}(?!\S)")
    texts = SENTENCES + _pieces_texts(["Y", "N", "A", "D", " ", "  ", "\n", "x", "Yes", "\t", "é"], 4000, 3)
    for text in texts:
        assert themes._GRID_MARKS.findall(text) == plain.findall(text), text
        for pos in range(0, len(text), 3):
            assert [m.span() for m in themes._GRID_MARKS.finditer(text, pos)] == \
                [m.span() for m in plain.finditer(text, pos)], (text, pos)


def test_contents_gate_keeps_every_contents_line():
    """``_contents`` with its gate (a number after a space) answers as the two patterns alone do."""

    def plain(sents, i):
        text = sents[i].text
        if len(themes._PAGE_ENTRY.findall(text)) >= 3:
            return True
        return bool(themes._PAGE_END.search(text)) and any(
            0 <= j < len(sents) and themes._PAGE_END.search(sents[j].text) for j in (i - 1, i + 1))

    pages = PAGES + ["\n".join(_pieces_texts(["Audit", " ", "\t", "12", "4", "Review", ")", "\n", "9", "x"], 30, s))
                     for s in range(60)]
    for page in pages:
        sents = sentences(page)
        for i in range(len(sents)):
            assert themes._contents(sents, i) == plain(sents, i), sents[i].text


@pytest.mark.parametrize("source, flags, starts", [
    (r"(?<![\w-])(?:(?-i:QA))(?![\w-])", re.I, {"Q"}),
    (r"(?:(?-i:AB)|cd)x", re.I, {"A", "c", "C"}),
    (r"(?:(?i:ab)|CD)x", 0, {"a", "A", "C"}),
    (r"\b(?:(?-i:Ze)|(?-i:y))", re.I, {"Z", "y"}),
])
def test_first_characters_of_case_sensitive_groups(source, flags, starts):
    """A "(?-i:...)" group in a case-blind pattern starts only with its letters as written, and its
    Found searches for them case-sensitively: the same matches as the pattern, on texts of all cases."""
    pattern = re.compile(source, flags)
    assert scan._guard_chars(pattern) == frozenset(starts)
    found = scan.Found.of(pattern)
    assert found is not None
    pieces = ["QA", "qa", "Qa", "qA", "AB", "ab", "cd", "CD", "x", "X", "Ze", "ze", "y", "Y", " ", "-", "é"]
    for text in _pieces_texts(pieces, 3000, 8) + SENTENCES[:2000]:
        assert [m.span() for m in found.finditer(text)] == [m.span() for m in pattern.finditer(text)], text
        for pos in range(0, len(text), 5):
            want = pattern.search(text, pos)
            got = found.search(text, pos)
            assert (got.span() if got else None) == (want.span() if want else None), (text, pos)
