"""The faster scans (kg.extract.scan) never change an answer: on random texts and windows,
a Scanner finds exactly the matches of the pattern's own finditer / search."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import gates, meeting, orgs, partners, people, pipeline, reviews, roles, scan, stats, themes
from kg.extract.rules import rules

# Pieces that the patterns are made of (so random texts hit them), odd letters that
# IGNORECASE matches to ASCII ones, and separators.
_PIECES = ["Safeguarding", "safeguarding", "Children", "Adults", "Board", "Partnership", "Local", "Regional",
           "review", "Reviews", "Serious Case Review", "SCR", "SAR", "DHR", "CSPR", "Child M", "Family A",
           "the case of Jacob", "Operation Hawk", "Chair", "chairman", "Independent", "Police", "Constabulary",
           "NHS", "Trust", "Fire and Rescue", "Youth Offending Service", "Council", "Committee", "Cabinet",
           "Monday", "2021", "Mr", "Smith", "the", "our", "Its", "known as", "replaced", "annual report",
           "\u0130", "\u0131", "\u017f", "\u212a", "SAFEGUARDING", "ſafeguarding", "reviewſ", "İt",
           " ", " ", "  ", "\n", ", ", ". ", "(", ")", "-", "’", "'", ":", "x", "é"]
texts = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


def _patterns() -> list[re.Pattern]:
    r = rules()
    out = [p for _, p in r.board_heads + r.board_lower + r.board_place_led + r.agency_patterns]
    out += [r.partner_cues, r.statutory_cues, r.role_heads, r.chair_title, r.not_chair, r.theme_veto]
    out += [p for _, p in reviews._KIND_RE]
    for mod in (meeting, orgs, partners, people, pipeline, reviews, roles, stats, themes):
        out += [v for v in vars(mod).values() if isinstance(v, re.Pattern)]
    out += [c.pattern for rule in r.themes for c in rule.cues][:80]
    return out


PATTERNS = _patterns()


def _spans(it) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in it]


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(0, 400), st.integers(0, 400))
def test_scanner_finds_what_the_pattern_finds(text, a, b):
    pos, endpos = min(a, b), max(a, b)
    for p in PATTERNS:
        assert _spans(scan.finditer(p, text)) == _spans(p.finditer(text)), p.pattern
        assert _spans(scan.finditer(p, text, pos, endpos)) == _spans(p.finditer(text, pos, endpos)), p.pattern
        got, want = scan.search(p, text, pos), p.search(text, pos)
        assert (got and got.span()) == (want and want.span()), p.pattern


@pytest.mark.parametrize("pattern,expected", [
    (r"(?:Local\s+|Regional\s+)?Safeguarding\s+Board", ("local", "regional", "safeguarding")),
    (r"(?i)\bserious\s+case|\bSCRs?\b", ("scr", "serious")),
    (r"[Ff]ire\s+and", ("fire",)),
    (r"the (?:new|old) board", ("the new board", "the old board")),
    (r"(?:[A-Z]\w+\s+){1,3}Police", ()),  # a match may start with any capital
    (r"x?", ()),  # may be empty
    (r"ab|abcdef", ()),  # too short to be worth a search
])
def test_prefixes(pattern, expected):
    assert scan.prefixes(re.compile(pattern)) == expected


@pytest.mark.parametrize("pattern,expected", [
    (r"(?:[A-Z]\w+\s+){1,3}(?:Police|Constabulary)", ("constabulary", "police")),
    (r"(?:[A-Z]\w+\s+){1,3}Fire\s+(?:and|&)\s+Rescue", ("rescue",)),
    (r"\w+", ()),
])
def test_required(pattern, expected):
    assert scan.required(re.compile(pattern)) == expected


@settings(max_examples=100, deadline=None)
@given(texts)
def test_literal_hits_are_every_occurrence(text):
    scan.register(["safeguarding", "review", "the"])
    low = scan.folded(text)
    if low is None:
        return
    found = scan.hits(low)
    for n in ("safeguarding", "review", "the"):
        assert found.get(n, []) == [i for i in range(len(low)) if low.startswith(n, i)]


def test_literals_registered_after_a_search_are_found_before_and_after_settle():
    """A literal registered after the main search was made (a scanner made during a page) is
    found by the second, small search; folded into the main one by ``settle``, the answer is
    the same: every occurrence of every literal, old and new."""
    text = "the quokka met the numbat; a quokka and a wombat. The numbat left."
    low = scan.folded(text)
    scan.register(["the", "quokka"])
    scan.hits(low)  # the main search made (or extended) with these
    scan.settle()
    scan.register(["numbat", "wombat"])  # after it: only in the second search
    expected = {n: [i for i in range(len(low)) if low.startswith(n, i)]
                for n in ("the", "quokka", "numbat", "wombat")}
    before = scan.hits(low)
    assert {n: before.get(n) for n in expected} == expected
    assert scan._RECENT[1] == 2  # (the two new literals were read from the second search)
    scan.settle()
    after = scan.hits(low)
    assert {n: after.get(n) for n in expected} == expected
    assert scan._RECENT == [None, 0]


def test_odd_letters_are_folded():
    """IGNORECASE matches these four letters to ASCII ones: the literal search must see them."""
    p = re.compile(r"(?i)\bsafeguarding\s+board")
    text = "The ſafeguarding Board and the SAFEGUARDİNG board."
    assert _spans(scan.finditer(p, text)) == _spans(p.finditer(text))
    assert len(list(scan.finditer(p, text))) == 2


_TABLE = {"safeguarding": 1, "the": 1, "police": 1, "nhs": 1, "review": 1, "children": 1, "x": 1}


@settings(max_examples=150, deadline=None)
@given(texts)
def test_tokens_are_the_words_of_the_table(text):
    low = text.lower()
    want = [(t.start(), t.group()) for t in re.finditer(r"\w+", low) if t.group() in _TABLE]
    assert scan.tokens(low, _TABLE) == want


@settings(max_examples=100, deadline=None)
@given(texts, st.integers(0, 300), st.integers(0, 300))
def test_a_sentence_looked_up_in_its_page(text, a, b):
    """``within=(page, offset)``: the page's literal search serves the sentence cut from it."""
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    piece = text[lo:hi]
    for p in PATTERNS:
        assert _spans(scan.finditer(p, piece, within=(text, lo))) == _spans(p.finditer(piece)), p.pattern
        got, want = scan.search(p, piece, within=(text, lo)), p.search(piece)
        assert (got and got.span()) == (want and want.span()), p.pattern


_THEME_PIECES = ["domestic abuse", "Domestic Abuse", "mental health", "exploitation", "child sexual exploitation",
                 "neglect", "Neglect Strategy", "Prevent", "SEND", "QA", "county lines", "self-harm", "the", "and",
                 "Board", ", ", ". ", "\n", " ", "  ", "(", ")", "-", "’"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_THEME_PIECES), max_size=50).map("".join))
def test_theme_cues_tried_at_their_needles_only(text):
    """A cue whose matches all start with its needle is tried only there: the same candidates."""
    import dataclasses

    from kg.extract.text import sentences

    sents = sentences(text)
    fast = themes.theme_candidates(sents, rules(), text)
    index = themes._index(rules())
    key = id(rules().themes)
    try:  # the same index with every cue searched sentence by sentence
        themes._INDEX[key] = dataclasses.replace(index, at_needle=tuple(
            tuple(False for _ in flags) for flags in index.at_needle))
        plain = themes.theme_candidates(sents, rules(), text)
    finally:
        themes._INDEX[key] = index
    assert fast == plain


_SKIPPED = [re.compile(p) for p in (
    r"(?<![\w/.£-])(?P<cur>£\s?)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?P<pct>\s?%)?",
    r"(?i)(?<![\w-])(?:£\s?\d)(?![\w-])",
    r"(?i)(?<![\w-])(?:(?-i:QA))(?![\w-])",
    r"(?a)(?<![\d/.])(\d{1,2})\s*(?:st|nd|th)?\s*(?:May|June)",
    r"(?m)(?:^|(?<=[.:] ))(?:£|\d)\d*",  # ^ where the scan starts later than pos
    r"(?x) (?<!\w) (?: q \s+ a | £ \d )",
)]
_DIGITS = st.lists(st.sampled_from(["£", "£ ", "1", "12", "٣", "3,000", "2.5", "%", "QA", "qa", "Qa", "May", "june",
                                    "st", " ", "\n", ". ", ": ", "-", "/", "x", "é", "\u0130", "\u212a"]),
                   max_size=50).map("".join)


def test_skippers_are_made_only_where_they_are_exact() -> None:
    assert all(scan.skipper(p) is not None for p in _SKIPPED)
    assert scan.skipper(re.compile(r"(?i)(?<!x)(?:é|ab)c")) is None  # IGNORECASE of a non-ASCII letter
    assert scan.skipper(re.compile(r"(?<![\w-])[A-Z][a-z]+ Board")) is None  # capitals: nothing to skip


@settings(max_examples=300, deadline=None)
@given(_DIGITS, st.integers(-3, 120), st.integers(0, 120))
def test_a_skipped_scan_finds_what_the_pattern_finds(text, a, b):
    pos, endpos = min(a, b), max(a, b)
    for p in _SKIPPED:
        assert _spans(scan.finditer(p, text)) == _spans(p.finditer(text)), p.pattern
        assert _spans(scan.finditer(p, text, pos, endpos)) == _spans(p.finditer(text, pos, endpos)), p.pattern
        got, want = scan.search(p, text, pos, endpos), p.search(text, pos, endpos)
        assert (got and got.span()) == (want and want.span()), p.pattern


_PROSE = st.lists(st.sampled_from(["Mr. ", "A. ", "word ", "Board", ". ", "? ", ", ", "; ", "\n", " ", "  ", "\t",
                                   "\u00a0", "\u2003", "1. ", "• ", "End.", "Heading Here", "x" * 700]),
                  max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(_PROSE)
def test_sentences_are_stripped_slices_of_the_text(text):
    from kg.extract.text import MAX_SENTENCE, sentences
    sents = sentences(text)
    assert all(text[s.start:s.end] == s.text == s.text.strip() != "" for s in sents)
    assert all(len(s.text) <= MAX_SENTENCE for s in sents)
    assert [s.start for s in sents] == sorted(s.start for s in sents)
    assert all(not s.heading for s in sents if s.text[-1] in ".:;?!,")


@settings(max_examples=100, deadline=None)
@given(st.one_of(texts, _DIGITS))
def test_sentences_skipped_hold_no_match(text):
    from kg.extract.text import sentences
    sents = sentences(text)
    for p in PATTERNS[:60] + _SKIPPED:
        kept = set(gates.holding(gates.places(p, text), sents, [s.start for s in sents]))
        for i, s in enumerate(sents):
            if i not in kept:
                assert p.search(s.text) is None, (p.pattern, s.text)
                assert scan.search(p, s.text, within=(text, s.start)) is None


def test_holding_keeps_those_with_a_literal() -> None:
    from kg.extract.text import sentences
    page = "The board met today to agree things. A serious case review was published last week. Ok.\nNothing else here at all."
    sents = sentences(page)
    p = re.compile(r"(?i)serious\s+case\s+review")
    assert gates.holding(gates.places(p, page), sents, [s.start for s in sents]) == [1]  # the review's sentence
