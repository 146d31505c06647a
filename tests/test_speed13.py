"""Round 13's faster forms find exactly what the forms they replaced find.

Each gate is compared with the plain pattern on every page of the texts under tests/texts and
data/minutes and on thousands of random texts made of the pattern's pieces.
"""

from __future__ import annotations

import re

from speed_probes import PAGES, random_texts

from kg.extract import orgs, partners, scan

# -- partners: an alias ("CYSUR is the ...") looked for only where its tail ends at a name ---------------

_TAIL_FORWARD = re.compile(r"[A-Z&]\s+(?:is|was)\s+(?:the|our)\s+\Z")


def test_alias_tail_holds_wherever_an_alias_match_ends() -> None:
    """``_ALIAS_TAIL`` on the reversed text matches at the end of every ``_ALIAS`` match (so a page
    where it holds before no name start has no match ending at one); and it holds nowhere else
    than where some ``_ALIAS`` match (from the text's start) could end."""
    pieces = ["ABC", "A&B", "EWSCP", "X", "&", " ", "  ", "\n", "\t", "\u00a0", "is", "was", "the", "our",
              "Board", "s", "a", ".", "-", "The", "IS", "is the ", "was our "]
    texts = PAGES + random_texts(pieces, 20000, 13)
    ends = 0
    for t in texts:
        back, size = scan.reversed_text(t), len(t)
        for m in partners._ALIAS.finditer(t):
            assert partners._ALIAS_TAIL.match(back, size - m.end()), (t, m)
            ends += 1
        for s in range(len(t) + 1):
            if partners._ALIAS_TAIL.match(back, size - s):
                assert _TAIL_FORWARD.search(t, 0, s), (t, s)
    assert ends > 200


def test_reversed_text_is_the_text_backwards() -> None:
    for t in ["", "a", "abc", PAGES[0]]:
        assert scan.reversed_text(t) == t[::-1]


# -- partners' acronyms read from orgs' (one scan of the page's capitals) --------------------------------

def test_partners_acronyms_are_its_patterns_matches() -> None:
    pieces = ["ABC", "A", "B", "&", "s", "S", "AB&C", "ABCDEFGHIJ", " ", "-", "a", "(", ")", "\n", "é", "É",
              "ABCs", "LSCB", "1"]
    texts = PAGES + random_texts(pieces, 20000, 14)
    some = 0
    for t in texts:
        want = [(m.span(), m.group()) for m in partners._ACRONYM.finditer(t)]
        assert [(m.span(), m.group()) for m in partners._acronyms(t)] == want, t
        some += len(want)
    assert some > 1000


def test_acronym_matches_kept_for_the_last_text_only() -> None:
    a, b = "The LSCB and the SAB.", "The LSCB met the SAB."
    assert [m.group() for m in orgs.acronym_matches(a)] == ["LSCB", "SAB"]
    assert orgs.acronym_matches(a) is orgs.acronym_matches(a)
    assert [m.span() for m in orgs.acronym_matches(b)] == [m.span() for m in orgs._ACRONYM.finditer(b)]


# -- pipeline: committee names scanned in windows around their head words ------------------------------

def test_committee_windows_find_the_patterns_matches() -> None:
    from kg.extract import pipeline
    pieces = ["Committee", "Sub-Committee", "Commission", "Cabinet", "Panel", "Panels", "committee", "Scrutiny",
              "Adults", "Health", "and", "of", "for", "in", "&", "x", "A", "Aa-Bb", "O’Neil", " ", "  ", "\n", ".",
              ",", "-", "The", "Eastvale", "SubCommittee", "a" * 45, "B" + "c" * 44]
    texts = PAGES + random_texts(pieces, 20000, 15, most=40)
    some = 0
    for t in texts:
        want = [(m.span(), m.groups()) for m in pipeline._COMMITTEE.finditer(t)]
        assert [(m.span(), m.groups()) for m in pipeline._committee_matches(t)] == want, t
        some += len(want)
    assert some > 5000


# -- partners: "a Board member" found from the page's "member"s -------------------------------------------

def test_a_member_from_members_is_finditer() -> None:
    pieces = ["a", "A", "ba", " ", "  ", "\n", "\t", "Board", "Partnership", "board", "member", "members", "-",
              "Boards", ".", "an", "a Board", " member", "A  Partnership", "\nmember"]
    texts = PAGES + random_texts(pieces, 20000, 16)
    some = 0
    for t in texts:
        want = [(m.span(), m.groups()) for m in partners._A_MEMBER.finditer(t)]
        assert [(m.span(), m.groups()) for m in partners._a_member_matches(t)] == want, t
        some += len(want)
    assert some > 500


# -- orgs: partnership boards scanned in windows around "Board" ------------------------------------------

def test_partnership_board_windows_find_the_patterns_matches() -> None:
    pieces = ["Partnership", "Improvement", "Board", "Boards", "board", "Early", "Help", "Children’s", "and", "&",
              "for", "of", "x", "A", "Aa-Bb", " ", "  ", "\n", ".", ",", "-", "The", "Eastvale", "xBoard",
              "a" * 45, "Partnership Board", "Improvement  Board"]
    texts = PAGES + random_texts(pieces, 20000, 17, most=40)
    some = 0
    for t in texts:
        want = [(m.span(), m.groups()) for m in orgs._PARTNERSHIP_BOARD.finditer(t)]
        assert [(m.span(), m.groups()) for m in orgs._partnership_board_matches(t)] == want, t
        some += len(want)
    assert some > 300
