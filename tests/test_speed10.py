"""Round 10's faster forms find exactly what the forms they replaced find.

Each rewritten pattern or gate is compared with the plain form, on hand-made edge cases and on
every text under tests/texts and data/minutes (whole pages and each of their sentences).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from kg.extract import people
from kg.extract.rules import rules
from kg.extract.text import scanned, sentences

ROOT = Path(__file__).resolve().parent.parent
PAGES = [scanned(p.read_text(encoding="utf-8")) for d in ("tests/texts", "data/minutes")
         for p in sorted((ROOT / d).rglob("*.txt"))]
SENTENCES = [s.text for page in PAGES for s in sentences(page)]


def _all(pattern: re.Pattern, text: str, pos: int = 0) -> list[tuple]:
    return [(m.span(), *(m.span(i) for i in range(1, pattern.groups + 1))) for m in pattern.finditer(text, pos)]


def _honorific_edges() -> list[str]:
    r = rules()
    pieces = [*r.honorifics, " ", "-", "x", "\n", ".", "Lee", "é", "_", "Co-", "’"]
    rng = random.Random(10)
    return ["Mr.Mrs. Ms Mx Cllrs. Cllr. Councillors Co-opted Members", "xMr Lee", "-Dr Lee", "Dr.x", "Dr_",
            "Detective Chief Inspector Lee", "DrDr", "Mrs", "Mr", "M", "", "\nMr", "é Mr", "Ms-Lee"] + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(3000)]


def test_honorific_pattern_finds_what_the_plain_alternation_finds():
    r = rules()
    fast, plain = people._honorific_pattern(r), people._plain_honorific_pattern(r)
    assert fast.pattern != plain.pattern
    for text in _honorific_edges() + PAGES + SENTENCES:
        assert _all(fast, text) == _all(plain, text), text[:80]
        assert fast.sub("", text) == plain.sub("", text), text[:80]
    for text in _honorific_edges()[:500]:
        for pos in range(len(text) + 1):
            assert _all(fast, text, pos) == _all(plain, text, pos), (text, pos)
            assert (fast.match(text, pos) or re.match("", "")).span() == \
                (plain.match(text, pos) or re.match("", "")).span(), (text, pos)


GIVEN_EDGES = ["Ann said", " Ann said", "xAnn said", ".Ann said", "-Ann said", "’Ann said", "Ann  saidé", "Ann said_x",
               "Ann\tsaid", "Ann\nsaid", "AnnLee said", "Ann Lee said", "Ann Bob said", "Ann", "Ann ", "ANN said",
               "A B, C D and E F", "R Bream, A Crowther and P Dunne", "R Bream, A McCrowther & P O’Dunne.",
               "RB Bream, AC Crowther, PD Dunne", "R  Broad ,A Crowther,P Dunne", "R Bream, A Crowther"]


def test_caps_name_finds_what_its_plain_form_finds():
    plain = re.compile(r"([A-Z](?<![\w’'-].)(?:[a-z]+|[A-Z]+))[^\S\n]+((?:Mc|MC|Mac|O’|O')?[A-Z]{2,}(?:-[A-Z]{2,})?)"
                       r"(?![\w’'-])")
    rng = random.Random(11)
    pieces = ["Ann", "ANN", "LEE", "Mc", "MC", "Mac", "O’", "O'", "-", " ", "\n", "x", "AB", "A", "’", "LEE-RAY"]
    edges = GIVEN_EDGES + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 7))) for _ in range(5000)]
    for text in edges + PAGES + SENTENCES:
        for pos in (0, 1, 3):
            assert _all(people._CAPS_NAME, text, pos) == _all(plain, text, pos), text[:80]


def test_sentence_gates_of_find_people_skip_only_sentences_without_matches():
    """A sentence with no known given name before a lower-case word (on the page) has no match of
    _GIVEN_ALONE that find_people keeps; a sentence of one line has its list of initialled names at
    its start or nowhere."""
    r = rules()
    rng = random.Random(12)
    names = sorted(r.first_names)[:50] + ["Ann", "Jo"]
    pieces = [*names, " ", "said", ",", " and ", "A ", "B ", "Mc", "O’", ".", "\n", "x", "Lee", "\t"]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    pages = GIVEN_EDGES + made + PAGES
    for page in pages:
        given_at = people._given_alone_places(page, r)
        cuts = sorted({0, len(page), *(s.start for s in sentences(page)), *(s.end for s in sentences(page)),
                       *(rng.randrange(len(page) + 1) for _ in range(4))})
        for a in cuts:
            for b in cuts:
                if b <= a:
                    continue
                st = page[a:b]
                kept = [g for g in people._GIVEN_ALONE.finditer(st) if g.group(1) in r.first_names]
                if kept:
                    assert any(a <= x < b for x in given_at), (page, a, b)
                if "\n" not in st:  # a line's list of initialled names: at the sentence's start only
                    m = people._INITIALS_LINE.match(st)
                    assert [x.span() for x in people._INITIALS_LINE.finditer(st)] == ([m.span()] if m else [])


def _word_texts(seed: int, n: int) -> list[str]:
    """Random runs of capitalised words, connectors, heads and separators: the shapes the
    possessive repeats meet (long words, spaces and newlines, apostrophes, a head glued on)."""
    rng = random.Random(seed)
    pieces = ["Health", "and", "Wellbeing", "Board", "Committee", "Sub-Committee", "Cabinet", "Panel", "Commission",
              "Council", "That", "that", "the", "The", "agrees", "noted", " ", "  ", "\n", "\n\n", ",", ".", "&", "of",
              "Children’s", "O'Neil", "A" * 45, "Ann", "-", "Committees", "BOARD", "COMMITTEE", "AND", "in", "for",
              "Group", "Forum", "members", "Executive", "Partnership", "upon", "Scrutiny"]
    return ["".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(1, 16)))
            for _ in range(n)]


def test_possessive_committee_and_resolution_patterns_match_as_before():
    from kg.extract import meeting, pipeline

    plain_committee = re.compile(r"(?:[A-Z][\w’'&-]{0,40}\s+(?:(?:and|&|of|for|in)\s+)?){0,7}"
                                 r"(?:Sub-Committee|Committee|Commission|Cabinet|Panel)\b")
    # the plain form: the same pattern with the word's letters and the spaces after it greedy again
    plain_resolved = re.compile(meeting._RESOLVED.pattern.replace("*+", "*").replace("\\s++", "\\s+"))
    assert pipeline._COMMITTEE.pattern != plain_committee.pattern
    assert meeting._RESOLVED.pattern != plain_resolved.pattern
    for text in _word_texts(13, 4000) + PAGES + SENTENCES:
        assert _all(pipeline._COMMITTEE, text) == _all(plain_committee, text), text[:80]
        assert _all(meeting._RESOLVED, text) == _all(plain_resolved, text), text[:80]
    for text in _word_texts(14, 300):
        for pos in range(len(text)):
            assert _all(pipeline._COMMITTEE, text, pos) == _all(plain_committee, text, pos), (text, pos)


def test_found_finds_what_the_pattern_finds():
    """``scan.Found`` (a class of first characters, the pattern in a look-ahead) on the pipeline's
    patterns that get one: the same matches and first match as the pattern, whole and in windows,
    on every page and sentence and on texts with the letters IGNORECASE folds."""
    from kg.extract import meeting, orgs, partners, reviews, roles, scan, stats, themes
    from kg.extract import pipeline as pl

    r = rules()
    patterns = [p for _, p in r.board_heads + r.board_lower + r.board_place_led + r.agency_patterns]
    patterns += [c.pattern for rule in r.themes for c in rule.cues]
    for mod in (meeting, orgs, partners, people, pl, reviews, roles, stats, themes):
        patterns += [v for v in vars(mod).values() if isinstance(v, re.Pattern)]
    found = [(p, f) for p in patterns if (f := scan.Found.of(p)) is not None]
    assert len(found) >= 5
    odd = ["\u0130T", "\u0131t", "\u017f", "\u212a", "qa QA Qa", "ABC is the x", "é", "Lead, of A", ""]
    rng = random.Random(15)
    for text in odd + PAGES + SENTENCES[:3000]:
        cuts = [(0, len(text))] + [tuple(sorted((rng.randrange(len(text) + 1), rng.randrange(len(text) + 1))))
                                   for _ in range(2)]
        for p, f in found:
            for a, b in cuts:
                assert _all_in(f.finditer(text, a, b)) == _all_in(p.finditer(text, a, b)), (p.pattern, text[:60])
                got, want = f.search(text, a, b), p.search(text, a, b)
                assert (got and got.span()) == (want and want.span()), (p.pattern, text[:60])


def _all_in(it) -> list[tuple]:
    return [(m.span(), m.groups()) for m in it]


def test_generic_board_reference_pattern_matches_as_before():
    from kg.extract import attach

    plain = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]his|[Oo]ur)\s+(?:(?:[Pp]artnership|[Ss]afeguarding)\s+)?"
                       r"(?:Board|Partnership|board|partnership)\b(?!\s+(?:[A-Z]|of\b))")
    rng = random.Random(16)
    pieces = ["The", "the", "This", "this", "Its", "its", "Our", "our", "THE", "xthe", "_the", "Other", "Tthe",
              " ", "  ", "\n", "Board", "board", "Partnership", "partnership", "Safeguarding", "of", "Ann", "é"]
    made = ["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 8))) for _ in range(4000)]
    for text in made + PAGES + SENTENCES:
        for pos in (0, 1, 4):
            assert _all(attach._GENERIC_REF, text, pos) == _all(plain, text, pos), text[:80]


def test_weekday_gate_changes_nothing():
    from kg.extract import meeting

    for text in ["Tuesday ", "TUESDAY, the ", "tuesday", "Monday,\t", "Sunday the ", "day", "Today ", "", "x"] + [
            s[-40:] for s in SENTENCES[:3000]]:
        if "day" not in text.lower():
            assert meeting._WEEKDAY_BEFORE.search(text[-14:]) is None
            assert meeting._WEEKDAY_BEFORE.fullmatch(text.strip() + " ") is None


def test_numbered_row_pattern_matches_as_before():
    plain = re.compile(r"(?:^|(?<=\s))\d{1,3}\.?[^\S\n]+([A-Z][a-z]+)[^\S\n]+"
                       r"((?:Mc|Mac|O[’'])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=[^\S\n]+[A-Z]|[^\S\n]*(?:\n|$))")
    rng = random.Random(17)
    pieces = ["1", "12", "123", "1234", "٣", "x1", " ", "\n", ".", "Ann", "Lee", "McLee", "O’Neil", "Lee-Ray", "\t",
              "Probation", "a"]
    made = ["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 9))) for _ in range(5000)]
    for text in made + PAGES + SENTENCES:
        for pos in (0, 1, 3):
            assert _all(people._NUMBERED_ROW, text, pos) == _all(plain, text, pos), text[:80]
        assert (people._NUMBERED_ROW.match("0 " + text) or re.match("", "")).span() == \
            (plain.match("0 " + text) or re.match("", "")).span()


def test_clause_pattern_matches_as_before():
    from kg.extract import stats

    plain = re.compile(r";|:|,\s+(?:and|but|while|whereas|which|with)\b"
                       r"|\s+(?:and|but|while|whereas)\s+(?=(?:£\s?)?\d)|\.\s")
    rng = random.Random(18)
    pieces = [";", ":", ",", ".", " ", "  ", "\n", "\t", "and", "but", "while", "whereas", "which", "with", "£", "£ ",
              "12", "x", "andx", "é", "\u00a0"]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(6000)]
    for text in made + PAGES + SENTENCES:
        for pos in (0, 1, 5):
            assert _all(stats._CLAUSE, text, pos) == _all(plain, text, pos), text[:80]
            got, want = stats._CLAUSE.search(text, pos), plain.search(text, pos)
            assert (got and got.span()) == (want and want.span())
