"""The sentence splitter's and the run tamer's fast paths give what the plain forms give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import text as T

_PLAIN_LONG_RUN = re.compile(rf"\S{{{T.LONGEST_RUN + 1},}}")


def _plain_tame(s: str) -> str:
    return _PLAIN_LONG_RUN.sub(lambda m: m.group()[:T.LONGEST_RUN] + "\x00" * (len(m.group()) - T.LONGEST_RUN), s)


# runs of non-space characters of any length around the limit, between spaces of several kinds
runs = st.lists(st.tuples(st.integers(0, 420), st.sampled_from([" ", "\n", "\t", "\xa0", "\u2003", "  "])),
                max_size=12).map(lambda parts: "".join("x" * n + sep for n, sep in parts))


@settings(max_examples=400, deadline=None)
@given(runs, st.integers(0, 3))
def test_the_gate_lets_every_long_run_through(text, cut):
    text = text[cut:]
    assert T.tame_long_runs(text) == _plain_tame(text)
    if _PLAIN_LONG_RUN.search(text):
        assert T._may_hold_long_run(text)


def test_a_run_of_exactly_the_limit_is_kept_and_one_more_is_tamed():
    for at in range(0, 160, 7):
        keep = " " * at + "y" * T.LONGEST_RUN + " end"
        assert T.tame_long_runs(keep) == keep
        long = " " * at + "y" * (T.LONGEST_RUN + 1) + " end"
        assert T.tame_long_runs(long) == " " * at + "y" * T.LONGEST_RUN + "\x00 end"


# --- the sentence splitter against its plain form (the one before its fast paths) -----------

_PLAIN_SENT_END = re.compile(r"[.!?]+[’”\"')\]]*\s+(?=[A-Z0-9“\"‘'(•·])")


def _plain_sentences(text: str) -> list[tuple[str, int, int, int, bool]]:
    out: list[T.Sentence] = []

    def split_line(line: str, base: int, line_no: int) -> None:
        m = T._BULLET.match(line)
        start = m.end() if m and m.end() < len(line) else 0
        for end_m in _PLAIN_SENT_END.finditer(line, start):
            cut = end_m.start()
            prev = T._PREV_WORD.search(line[max(start, cut - 40):cut])
            word = prev.group(1).lower() if prev else ""
            if word in T._ABBREV or (len(word) == 1 and word.isalpha()):
                continue
            T._emit(line, start, end_m.end(), base, line_no, out)
            start = end_m.end()
        T._emit(line, start, len(line), base, line_no, out)

    pos = 0
    for line_no, line in enumerate(text.split("\n")):
        if line.strip():
            split_line(line, pos, line_no)
        pos += len(line) + 1
    return [(s.text, s.start, s.end, s.line, _plain_heading(s.text)) for s in out]


def _plain_heading(text: str) -> bool:
    if text[-1:] in ".:;?!,":
        return False
    words = text.split()
    if not words:
        return True
    if text.rstrip().endswith((".", ":", ";", "?", "!", ",")) or len(words) > 14:
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    joiners = ("and", "of", "the", "for", "to", "&", "in", "a")
    capitalised = sum(1 for w in alpha if w[:1].isupper() or w.lower() in joiners)
    return not alpha or capitalised / len(alpha) >= 0.6


_SENTENCE_PIECES = ["The", "board", "Mr", "Cllr.", "e.g.", "i.e.", "etc.", "K.", "J. Smith", "St.", "No.", "approx.",
                    ". ", "! ", "? ", "?! ", "...", ".) ", '." ', "’ ", "” ", " ", "  ", "\t", "\n", "\n\n", "\u2003",
                    "\xa0", "•", "·", "- ", "– ", "* ", "o ", "(a) ", "iv) ", "1. ", "2.3 ", "(12) ", "12", "(", "“",
                    "‘", "'", "x", "é", "É", "İ", "Δ", "_", "a_b.", "Q1.", "AND", "and", "of", "Annual Report",
                    "Safeguarding Board", "x" * 40, "word " * 8, "Up To Date", ",", ";", ":"]
sentence_texts = st.lists(st.sampled_from(_SENTENCE_PIECES), max_size=80).map("".join)


@settings(max_examples=600, deadline=None)
@given(sentence_texts)
def test_the_sentence_splitter_gives_what_its_plain_form_gives(text):
    got = [(s.text, s.start, s.end, s.line, s.heading) for s in T.sentences.__wrapped__(text)]
    assert got == _plain_sentences(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_the_splitter_on_any_characters(text):
    got = [(s.text, s.start, s.end, s.line, s.heading) for s in T.sentences.__wrapped__(text)]
    assert got == _plain_sentences(text)


@given(sentence_texts, st.integers(0, 60))
def test_the_word_before_a_sentence_end_is_the_patterns(text, back):
    cut = len(text)
    lo = max(0, cut - back)
    prev = T._PREV_WORD.search(text[lo:cut])
    assert T._prev_word(text, lo, cut) == (prev.group(1).lower() if prev else "")


def test_no_capital_starts_a_bullet_and_word_characters_are_res():
    """The two facts the splitter's fast paths rest on, for every code point."""
    word = re.compile(r"\w")
    for c in map(chr, range(0x110000)):
        if 0xD800 <= ord(c) < 0xE000:
            continue
        assert bool(word.match(c)) == (c.isalnum() or c == "_"), hex(ord(c))
        if c.isupper():
            assert T._BULLET.match(c + "x").end() == 0, hex(ord(c))  # type: ignore[union-attr]


@given(st.text(alphabet=st.sampled_from("ab ’‘“”–—\xa0'\"-é\n"), max_size=40) | st.text(max_size=40))
def test_fold_is_the_seven_replacements(text):
    plain = (text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
             .replace("\u2013", "-").replace("\u2014", "-").replace("\u00a0", " "))
    assert T.fold(text) == plain


def test_digit_is_backslash_d():
    """``DIGIT`` matches what ``\\d`` matches, every character of Unicode tried (its class needs every
    decimal digit past ASCII to stand at or after U+0660), and opens a pattern with a class."""
    plain, fast = re.compile(r"\d"), re.compile(T.DIGIT)
    chars = "".join(map(chr, range(0x110000))).replace("\ud800", "")  # (no lone surrogates needed)
    assert [m.start() for m in fast.finditer(chars)] == [m.start() for m in plain.finditer(chars)]
    assert all(not chr(c).isdecimal() for c in range(0x80, 0x660))


def test_digit_gates_of_people_and_figures_are_their_plain_classes():
    from kg.extract import people, stats

    chars = "".join(map(chr, range(0x110000))).replace("\ud800", "")
    for fast, plain in ((people._DIGIT, r"\d"), (stats._NUMBER_START, r"[\d£]")):
        assert [m.span() for m in fast.finditer(chars)] == [m.span() for m in re.finditer(plain, chars)]
