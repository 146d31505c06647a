"""Round 12r's faster forms find exactly what the forms they replaced find.

Each fast path is compared with its plain form on every sentence (or page) of the texts under
tests/texts and data/minutes and on thousands of random texts made of its pieces.
"""

from __future__ import annotations

import random
import re

from speed_probes import PAGES, random_texts

from kg.extract import people, text
from kg.extract.text import sentences

# -- text._may_hold_long_run: a plain space found by str.find before the regex search ----------------------

_PLAIN_SPACE = re.compile(r"\s")


def _may_hold_long_run_plain(t: str) -> bool:
    step = text.LONGEST_RUN // 2
    return any(_PLAIN_SPACE.search(t, m, m + step + 1) is None for m in range(0, len(t) - step, step))


def test_long_run_gate_on_pages_andrandom_texts() -> None:
    rnd = random.Random(5)
    pages = list(PAGES)
    for _ in range(3000):
        n = rnd.randint(0, 900)
        pages.append("".join(rnd.choice("ab \n\t\u00a0\u2003x.") if rnd.random() < 0.02 else "a" for _ in range(n)))
    held = 0
    for page in pages:
        want = _may_hold_long_run_plain(page)
        assert text._may_hold_long_run(page) == want, page[:80]
        held += want
    assert held > 100  # both answers occur


# -- people: the numbered-row gate (a digit near the sentence; a row number alone before it) ---------------

_DIGIT_PLAIN = re.compile(r"\d")


def _gates_plain(page: str) -> list[tuple[bool, bool]]:
    out = []
    for sent in sentences(page):
        near = _DIGIT_PLAIN.search(page, max(0, sent.start - 8), sent.end)
        numbered = people._ROW_NUMBER.search(page, max(0, sent.start - 8), sent.start) if near else None
        inside = near and (near.start() >= sent.start or _DIGIT_PLAIN.search(page, sent.start, sent.end))
        go = bool(numbered or inside)
        out.append((bool(numbered), go))
    return out


def _gates_fast(page: str) -> list[tuple[bool, bool]]:
    out = []
    next_digit = people._NextDigit(page)
    for sent in sentences(page):
        lo = max(0, sent.start - 8)
        d = next_digit.at(lo)
        numbered = d < sent.end and people._row_number_before(page, lo, sent.start)
        go = bool(numbered or (d < sent.end and (d >= sent.start or next_digit.at(sent.start) < sent.end)))
        out.append((bool(numbered), go))
    return out


_ROW_PIECES = ["1", "12", "123", "1234", "٣", ".", ". ", " ", "  ", "\t", "\n", "\n\n", "Ann", "Lee", "Ann Lee",
               "Westshire", "item", "x", ", ", "The Board met. ", "2026", "\u00a0", "(a) "]


def test_numbered_row_gate_on_every_sentence() -> None:
    rows = 0
    for page in PAGES:
        want = _gates_plain(page)
        assert _gates_fast(page) == want, page[:80]
        rows += sum(n for n, _ in want)
    assert rows > 10


def test_numbered_row_gate_onrandom_texts() -> None:
    rows = 0
    for page in random_texts(_ROW_PIECES, 6000, 12):
        want = _gates_plain(page)
        assert _gates_fast(page) == want, page
        rows += sum(n for n, _ in want)
    assert rows > 100


def test_row_number_before_on_every_window() -> None:
    for page in random_texts(_ROW_PIECES, 1500, 13, 12):
        for end in range(len(page) + 1):
            for lo in range(max(0, end - 10), end + 1):
                want = people._ROW_NUMBER.search(page, lo, end) is not None
                assert people._row_number_before(page, lo, end) == want, (page, lo, end)


# -- people._no_possessive, orgs._def_after, themes._POST_START, orgs._ends_paragraph ---------------------

SENTENCES = [s.text for page in PAGES for s in sentences(page)]


def test_no_possessive_is_the_patterns_sub() -> None:
    pieces = ["Ann", "Lee", "'", "’", "s", "S", "\n", " ", "x", "'s", "’s", "s'"]
    words = [w for page in PAGES for w in page.split()] + random_texts(pieces, 5000, 21, 6)
    changed = 0
    for w in words:
        want = people._POSSESSIVE.sub("", w)
        assert people._no_possessive(w) == want, w
        changed += want != w
    assert changed > 50


def test_def_after_is_the_patterns_match_at_every_place() -> None:
    from kg.extract import orgs

    pieces = ["(", ")", "( ", " )", "the ", "The ", "SAB", "LSCB", "A&E", "x", " ", "\n", "\t", "  ", "Board", "ab"]
    pages = [p for p in PAGES if "(" in p][:40] + random_texts(pieces, 2000, 22, 12)
    pages.append("Board" + " " * 60 + "(SAB)")  # a "(" far past the name: left to the pattern
    found = 0
    for page in pages:
        for pos in range(len(page) + 1):
            want = orgs._DEF_AFTER.match(page, pos)
            got = orgs._def_after(page, pos)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (page, pos)
            found += want is not None
    assert found > 100


def test_post_start_finds_a_title_where_the_plain_form_does() -> None:
    from kg.extract import themes

    pieces = ["Manager", "Director", "Head", "Lead", "Officer", "Co-ordinator", "Coordinator", "Adviser", "Advisor",
              "Principal", "Specialist", "Commissioner", "Nurse", "Consultant", "Co", "-", "x", " ", "'", "’", "_",
              "3", "M", "Mis", "Leader", "the", "é"]
    found = 0
    for t in SENTENCES + random_texts(pieces, 20000, 23, 8):
        want = themes._POST_START_PLAIN.search(t) is not None
        assert (themes._POST_START.search(t) is not None) == want, t
        found += want
    assert found > 1000


def test_ends_paragraph_gate() -> None:
    from kg.extract import orgs

    pieces = [" ", "\n", "\t", "\u00a0", "x", "\r", "  "]
    for gap in random_texts(pieces, 5000, 24, 8):
        text = "Venue: Civic Centre" + gap + "Westshire Board"
        want = bool(orgs._PARAGRAPH_BREAK.search(gap)) and 19 - (text.rfind("\n", 0, 19) + 1) < orgs._FULL_LINE
        assert orgs._ends_paragraph(text, 19, gap) == want, gap


def test_initials_need_a_bracket() -> None:
    """The run loop asks ``_INITIALS`` only of a sentence with a "(": every match holds one."""
    assert people._INITIALS.pattern.startswith("[^\\S\\n]*\\(")  # spaces, then the bracket: no match without it
    assert all(people._INITIALS.match(t) is None for t in random_texts([" ", "A", "b", "C", ")"], 2000, 25, 8))


def test_gap_token_is_gap_then_token() -> None:
    pieces = [" ", "\n", "\t", "Ann", "Lee.", ",", ";", ":", "(", ")", "/", "x", "’s", "\u00a0"]
    pages = PAGES[:30] + random_texts(pieces, 3000, 26, 10)
    for page in pages:
        for cur in range(len(page) + 1):
            gap = people._GAP.match(page, cur)
            tm = people._RAW_TOKEN.match(page, gap.end() if gap else cur)
            got = people._GAP_TOKEN.match(page, cur)
            assert (got and (got.group(1), got.end())) == (tm and (tm.group(), tm.end())), (page, cur)


def test_sentence_opening_gates() -> None:
    """A sentence the two-character gates turn away has no match of the pattern behind them."""
    pieces = ["A", "B", "Ann", "Lee", "LeeChair", "McLeod", "O’Neil", " ", "  ", "\t", "a", ",", "and", "R", "RB",
              "(AL)", "Ann-Marie", ".", "É", "R Bream, ", "A Crowther", " and ", "P Dunne"]
    rnd = random.Random(28)
    lists = [rnd.choice(["", " ", "a ", "Ann "]) + rnd.choice([", ", " and ", " & ", ","]).join(
        rnd.choice(["R Bream", "A Crowther", "P Dunne", "RB Lee", "R B Lee", "R Bream (Chair)", "r Lee", "Ann Lee"])
        for _ in range(rnd.randint(1, 5))) + rnd.choice(["", ".", " x", " "]) for _ in range(5000)]
    glued_rows = [rnd.choice(["Ann", "ann", "A", "Jo", "É"]) + rnd.choice([" ", "  ", "", "\t"])
                  + rnd.choice(["Lee", "McLeod", "Mc", "O’Neil", "Lee-Ray", "LEE"])
                  + rnd.choice(["Chair", "Ch", " Chair", "HEAD"])
                  for _ in range(3000)]
    texts = SENTENCES + [t.strip() for t in random_texts(pieces, 20000, 27, 10) + lists + glued_rows]
    glued = initials = 0
    for st in texts:
        if not ("A" <= st[:1] <= "Z" and "a" <= st[1:2] <= "z"):
            assert people._GLUED.match(st) is None, st
        glued += people._GLUED.match(st) is not None
        if "\n" not in st and not people._initial_opens(st):
            assert people._INITIALS_LINE.match(st) is None, st
        initials += people._INITIALS_LINE.match(st) is not None
    assert glued > 20 and initials > 20


# -- people._RUN_FAST: optional groups as branches with an empty choice, hyphened parts possessive ----------

_RUN_PIECES = ["Ann", "Lee", "Mc", "Mac", "McLeod", "MacDonald", "Macdonald", "O’", "O'", "D'", "D’", "Neil", "O", "D",
               "M", "A", "B", " ", "  ", "\t", "\n", "-", "-Ray", "-x", "'s", "’s", "’S", "'", "s", ".", "é", "à", "x",
               "_", "1", "Àdam", "Lé", "Smith", "ÿ", "c", "ac", "Board"]


def _spans(pattern: re.Pattern, t: str) -> list[tuple]:
    return [(m.span(), *(m.span(i) for i in range(1, pattern.groups + 1))) for m in pattern.finditer(t)]


def test_run_fast_matches_the_plain_run_on_sentences_andrandom_texts() -> None:
    found = 0
    for t in SENTENCES + random_texts(_RUN_PIECES, 30000, 31, 14):
        want = _spans(people._RUN, t)
        assert _spans(people._RUN_FAST, t) == want, t
        found += len(want)
    assert found > 300


_CAPS_NAME_PLAIN = re.compile(r"([A-Z](?<![\w’'-].)(?:[a-z]++|[A-Z]++))[^\S\n]++((?:Mc|MC|Mac|O’|O')?[A-Z]{2,}+"
                              r"(?:-[A-Z]{2,}+)?)(?![\w’'-])")


def test_caps_name_matches_its_plain_form() -> None:
    pieces = ["Ann", "ANN", "LEE", "Lee", "Mc", "MC", "Mac", "O’", "O'", "-", "-RAY", "-Ray", " ", "  ", "\t", "\n",
              "x", "SAB", "É", "’", "'", "A", "B", "Mrs "]
    found = 0
    for t in PAGES + SENTENCES + random_texts(pieces, 30000, 32, 10):
        for at in range(0, len(t), 97) if len(t) > 200 else range(len(t) + 1):
            want = _CAPS_NAME_PLAIN.search(t, at)
            got = people._CAPS_NAME.search(t, at)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (t[:80], at)
            found += want is not None
    assert found > 1000


# -- meeting: a line-start pattern searched from its line breaks ------------------------------------------


def test_line_search_is_the_patterns_search() -> None:
    from kg.extract import meeting

    pieces = ["Report to:", "REPORT TO |", "Meeting:", "Committee :", "the ", "Cabinet", "Westshire Board", "\n", " ",
              "\t", "|", "Present", "present:", "Members present", "In attendance", "attendees", "x", "12/03/2026",
              " - ", "Monday 3 March 2026", "\n\n"]
    found = 0
    pairs = ((meeting._FIELD_LINE, meeting._FIELD_LINE_BREAK), (meeting._PRESENT, meeting._PRESENT_BREAK))
    for pattern, after in pairs:
        for t in PAGES[:60] + random_texts(pieces, 3000, 41, 12):
            for pos in range(0, len(t) + 1, max(1, len(t) // 25)):
                for end in (len(t), len(t) - 3, pos + 40):
                    want = pattern.search(t, pos, end)
                    got = meeting._line_search(pattern, after, t, pos, end)
                    assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (t, pos)
                    found += want is not None
    assert found > 1000


def test_stop_end_is_the_sentence_end_on_lines_without_other_marks() -> None:
    pieces = [".", "..", ". ", " ", "  ", "\t", "’", "”", '"', "'", ")", "]", "A", "a", "1", "“", "‘", "(", "•", "·",
              "Westshire", "e.g.", "x"]
    lines = [line for page in PAGES for line in page.split("\n")] + random_texts(pieces, 20000, 42, 12)
    found = 0
    for line in lines:
        if "?" in line or "!" in line:
            continue
        want = [m.span() for m in text._SENT_END.finditer(line)]
        assert [m.span() for m in text._STOP_END.finditer(line)] == want, line
        found += len(want)
    assert found > 1000


def test_attendance_after_a_stop_or_colon_is_the_leftmost_of_two_searches() -> None:
    from kg.extract import roles

    pieces = [".", ":", ". ", ": ", ".\n", " ", "\n", "Present", "present", "Attendees", "Apologies for absence", "x",
              "Board members", "in  attendance", "Westshire", "\t"]
    found = 0
    for t in PAGES + random_texts(pieces, 20000, 43, 10):
        for end in (len(t), len(t) // 2):
            want = roles._ATTENDANCE_AFTER_STOP.search(t, 0, end)
            got = [m.start() for m in (roles._ATTENDANCE_AFTER_FULL_STOP.search(t, 0, end),
                                       roles._ATTENDANCE_AFTER_COLON.search(t, 0, end)) if m is not None]
            assert (min(got) if got else None) == (want.start() if want else None), t[:80]
            found += want is not None
        want_at = roles._ATTENDANCE.search(t)
        assert roles._attendance_at(t, len(t)) == (want_at.start() if want_at else None), t[:80]
    assert found > 1000
