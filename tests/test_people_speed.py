"""The faster forms of people's, roles' and boards' patterns find exactly what the plain forms find.

Each rewritten pattern (capital first with the look-behind after it, possessive repeats, a search cut
at its openings, a gate before a pattern) is compared with the form it replaced, on hand-made edge
cases and on every text under tests/texts and data/minutes (whole pages and each of their sentences).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract import orgs, people, roles
from kg.extract.rules import rules
from kg.extract.text import scanned, sentences

ROOT = Path(__file__).resolve().parent.parent
PAGES = [scanned(p.read_text(encoding="utf-8")) for d in ("tests/texts", "data/minutes")
         for p in sorted((ROOT / d).rglob("*.txt"))]
EDGES = ["Ann said", " Ann said", "xAnn said", ".Ann said", "-Ann said", "’Ann said", "Ann  saidé", "Ann said_x",
         "P. Mabey, Chair", "xP. Mabey, Chair", "AB", "xAB", "-AB", "_AB", "1AB", "ABs report", "ÀAB Board",
         "A" * 60 + " Board", "Ab Cd  Board", "Ab-Cd Partnership", "Ab Cd Ef Board", "x Ab Board", "Ab\nBoard",
         "Abc Boards", "éAb Board", "Ann Lee, Tom Bell and ", "xAnn Lee, ", "present", "x. Present:", "a\nApologies",
         "a.\nPresent", "a:\tmembers present", "Presently", ".\n\npresent", "ab. in  attendance", "",
         "Mc Ann Lee", "McAnn Lee", "MacDonald Lee", "Macdonald Lee", "Mcdonald Lee", "O’Neil Ray", "O'neil Ray",
         "D'Arcy Lee", "DArcy Lee", "O Ray Lee", "O. Ray Lee", "xO’Neil Ray", "M Lee", "Ann M. Lee", "Ann\nLee",
         "Ann Lee's", "Ann Lee-x", "Ann Lee-Ray", "’Ann Lee", "Àdam Lee", "Ann Lé", "P  A Lee"]
SENTENCES = [s.text for page in PAGES for s in sentences(page)]

# the plain forms the module patterns replaced
PLAIN = {
    (people, "_GIVEN_ALONE"): r"(?<![\w’'.-])([A-Z][a-z]{2,})[^\S\n]+([a-z]+)\b",
    (people, "_RUN_FAST"): people._RUN.pattern,
    (people, "_INITIAL_DOT"): r"(?<![\w.’'-])([A-Z])\.[^\S\n]?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=[^\S\n]*,)",
    (people, "_LISTED_BEFORE"): (r"(?<![\w’'-])([A-Z][a-z][\w’'-]*[^\S\n]+(?:Mc|Mac|O[’'])?[A-Z][a-z][\w’'-]*)"
                                 r"[^\S\n]*(?:,|[^\S\n]and|[^\S\n]&)[^\S\n]*"
                                 r"(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Professor)\.?[^\S\n]+)?\Z"),
    (orgs, "_ACRONYM"): r"(?<![\w-])([A-Z][A-Z&]{1,7})(s?)(?![\w-])",
    (orgs, "_PLACE_HEAD"): r"\b([A-Z][\w’'-]{0,40}(?:\s+[A-Z][\w’'-]{0,40})?)\s+(Board|Partnership)\b",
}


def _all(pattern: re.Pattern, text: str) -> list[tuple]:
    return [(m.span(), *(m.span(i) for i in range(1, pattern.groups + 1))) for m in pattern.finditer(text)]


@pytest.mark.parametrize("key", list(PLAIN), ids=[name for _, name in PLAIN])
def test_rewritten_patterns_match_as_before(key):
    module, name = key
    fast, plain = getattr(module, name), re.compile(PLAIN[key])
    assert fast.pattern != plain.pattern
    for text in EDGES + PAGES + SENTENCES:
        assert _all(fast, text) == _all(plain, text), text[:80]


def test_listed_before_searches_as_before():
    plain = re.compile(PLAIN[(people, "_LISTED_BEFORE")])
    for text in EDGES + PAGES[:40]:
        for end in range(0, len(text) + 1, 5):
            a, b = people._LISTED_BEFORE.search(text, max(0, end - 80), end), plain.search(text, max(0, end - 80), end)
            assert (a and (a.span(), a.span(1))) == (b and (b.span(), b.span(1)))


def test_attendance_start_as_the_whole_pattern():
    for text in EDGES + PAGES:
        for end in (3000, 40, len(text)):
            m = roles._ATTENDANCE.search(text, 0, end)
            assert roles._attendance_at(text, end) == (m.start() if m else None), text[:80]


def test_honorific_tail_gate_changes_nothing():
    r = rules()
    for text in ["Tom Bell and Mr ", "the Chair, Cllr.", "Dr.  ", "Amr ", "welcomed Mrs.\n", "Mr.. ", "no title "]:
        assert roles._without_honorific_tail(text, r) == roles._honorific_tail(r).sub("", text)
    assert roles._without_honorific_tail("the Chair, Cllr. ", r) == "the Chair, "
    for text in SENTENCES[:3000]:
        for cut in (len(text) // 2, len(text)):
            assert roles._without_honorific_tail(text[:cut], r) == roles._honorific_tail(r).sub("", text[:cut])


def test_spans_of_a_run():
    assert people._spans("Ann  Lee\tO’Neil", ["Ann", "Lee", "O’Neil"]) == [(0, 3), (5, 8), (9, 15)]


def test_word_answers_are_the_patterns():
    r = rules()
    for word in ["Director", "Directors", "Chair", "Ann", "Lee", "Board", "the", "Mr", "X"]:
        assert people._is_role_word(word, r) == bool(r.role_heads.fullmatch(word))
        assert people._is_name_token(word, r) == people._name_token(word, r)


def test_first_person_gate_finds_what_the_plain_one_finds():
    plain = re.compile(r"I['’]m|I\s+am|[Mm]y\s+name\s+is")
    for text in ["I'm Jo", "I am", "my name is", "My  name is", "Im", "I amx", "xI’m", "Mym name is", ""] + PAGES:
        a, b = people._FIRST_PERSON_CORE.search(text), plain.search(text)
        assert (a and a.span()) == (b and b.span()), text[:80]


def test_literal_gate_values():
    from kg.extract.scan import literal_gate
    assert literal_gate(re.compile(r"(?:[A-Z]\w+\s+){1,3}(?:Police(?:\s+Service)?|Constabulary)")) == (
        "Constabulary", "Police")
    assert literal_gate(re.compile(r"(?i)police")) is None  # case-blind: no gate in a given case
    assert literal_gate(re.compile(r"Fire\s+(?:and|&)\s+Rescue")) == ("Rescue",)
    assert literal_gate(re.compile(r"(?i:Safer)\s+Boards?")) == ("Board",)
    assert literal_gate(re.compile(r"(?:Youth)?\s+[A-Z]")) is None  # optional: not in every match
    assert literal_gate(re.compile(r"\bNHS\b")) == ("NHS",)  # zero-width checks keep letters adjacent


def test_agency_gates_only_skip_pages_without_matches():
    r = rules()
    for (_, pat), gate in zip(r.agency_patterns, orgs._agency_gates(r), strict=True):
        assert gate, pat.pattern  # every shipped agency pattern has one
        for text in PAGES:
            if not any(w in text for w in gate):
                assert pat.search(text) is None


def test_page_gates_of_find_people_find_what_their_plain_forms_find():
    """The honorific words grouped by their first letter, the first-person openings searched apart,
    and the initial-dot core read from its full stops: the same places as the plain patterns."""
    r = rules()
    plain_words = re.compile("|".join(re.escape(h) for h in r.honorifics))
    edges = ["Mr.Mrs. Ms Mx Cllrs. Cllr. Councillors Co-opted Members", "Detective Chief Inspector Dr", ".A. Bc",
             "A.Bc", "x. Ab", "A. B. Cd", "A.\u00a0Bc", ".", "", "I'm", "I  am", "my name is", "xMy name is"]
    for text in edges + PAGES + SENTENCES[:2000]:
        assert people._honorific_words_at(text, r) == ([m.start() for m in plain_words.finditer(text)],
                                                       [m.end() for m in plain_words.finditer(text)]), text[:80]
        assert people._initial_dot_cores(text) == [m.span() for m in people._INITIAL_DOT_CORE.finditer(text)], \
            text[:80]
        assert people._first_person_page(text) == (people._FIRST_PERSON_CORE.search(text) is not None), text[:80]
