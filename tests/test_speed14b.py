"""Round 14b's faster forms find exactly what the forms they replaced find.

Each fast path is compared with its plain form on every page of the texts under tests/texts and
data/minutes and on thousands of random texts made of its pieces (invented names and places).
"""

from __future__ import annotations

import re

from speed_probes import PAGES, random_texts

from kg.extract import orgs, partners, people, roles

# -- people._reversed_matches: surname-first names from the characters a match must follow ------------------

_REVERSED_PIECES = ["Ashdown, Peregrine", "HOLLOWAY Janet", "O'NEILL, Mary J", "Bell, Tom", " ", "  ", "\n", "\t",
                    "|", ";", ":", ",", " - ", "(", "Chair", "x", "Lee", " Ann", "."]


def test_reversed_names_from_marks() -> None:
    texts = PAGES + random_texts(_REVERSED_PIECES, 4000, seed=14)
    found = 0
    for t in texts:
        want = [(m.span(), m.groups()) for m in people._REVERSED.finditer(t)]
        assert [(m.span(), m.groups()) for m in people._reversed_matches(t)] == want, t[:80]
        found += len(want)
    assert found > 500  # the random texts hold many


# -- partners._list_title_starts: a list's title line from the line breaks ----------------------------------

_TITLE_PIECES = ["Our partners", "Board members", "The Partnership's members:", "the\nboard's agencies", "\n",
                 " ", "  ", ":", "our statutory partners", "x", "Partnership organisations", "\t", "The Board"]


def test_list_titles_from_line_breaks() -> None:
    texts = PAGES + random_texts(_TITLE_PIECES, 4000, seed=15)
    found = 0
    for t in texts:
        want = [m.start() for m in partners._LIST_TITLE.finditer(t)]
        assert partners._list_title_starts(t) == want, t[:80]
        found += len(want)
    assert found > 500


# -- orgs._IS_THE_PARTNERSHIP and roles._COMMITTEE_WORD: capital first, the look-arounds behind it ---------

_IS_THE_PLAIN = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>[A-Z][\w’'-]*(?:[^\S\n]+(?:[A-Z][\w’'-]*|and|&|of)){1,4})[^\S\n]+is[^\S\n]+the"
    r"[^\S\n]+(?P<what>(?:(?:multi-agency|statutory|local|area['’]s|borough['’]s|county['’]s|city['’]s|joint"
    r"|safeguarding|children['’]s|adults['’]?|community\s+safety|crime\s+reduction)[^\S\n]+){1,4})partnership\b",
    re.M)
_IS_THE_PIECES = ["Safer Glenmoor Together is the multi-agency partnership", "Keep Ravensby Safe is the statutory "
                  "local partnership", "Glenmoor and Ravensby is the joint safeguarding partnership", ". ", "!\n",
                  "\n", " ", "x", "?\t", "A", "\u00a0"]


def test_is_the_partnership_capital_first() -> None:
    texts = PAGES + random_texts(_IS_THE_PIECES, 4000, seed=16, most=8)
    found = 0
    for t in texts:
        want = [(m.span(), m.groupdict()) for m in _IS_THE_PLAIN.finditer(t)]
        assert [(m.span(), m.groupdict()) for m in orgs._IS_THE_PARTNERSHIP.finditer(t)] == want, t[:80]
        found += len(want)
    assert found > 200


# ("Cabinet Member for ..." is a councillor's post, no cabinet speaking: session 21)
_COMMITTEE_PLAIN = re.compile(r"\b(?:Committee|Cabinet(?![^\S\n]+(?:Member|Lead)\b)|Panel|Scrutiny|Council\s+meeting)\b"
                              r"(?!\s+Room)")
_COMMITTEE_PIECES = ["Committee", "Cabinet", "Panel", "Scrutiny", "Council", " meeting", " Room", "Sub", "-", " ",
                     "\n", "s", "CPS", "Panels", "x", " Member", " Lead", " Members"]


def test_committee_word_capital_first() -> None:
    texts = PAGES + random_texts(_COMMITTEE_PIECES, 4000, seed=17)
    held = 0
    for t in texts:
        want = _COMMITTEE_PLAIN.search(t)
        got = roles._COMMITTEE_WORD.search(t)
        assert (got.span() if got else None) == (want.span() if want else None), t[:80]
        assert roles._committee_word(t) == (want is not None), t[:80]
        held += want is not None
    assert 200 < held < len(texts) - 200  # both answers occur


# -- partners: the replaced-board words gate a page, the verbs gate a name's window --------------------------

def test_replaced_gate_follows_the_words() -> None:
    page = "The Glenmoor LSCB was replaced by the Glenmoor Safeguarding Partnership."
    assert partners._replaced_at(page, page.index("Glenmoor"), page.index(" was"))
    quiet = "The Glenmoor LSCB met on Tuesday and agreed its plan."
    assert not partners._may_call_replaced(quiet)
    assert not partners._replaced_at(quiet, quiet.index("Glenmoor"), quiet.index(" met"))
    # a letter that IGNORECASE reads as an ASCII one: the page is searched, never skipped
    assert partners._may_call_replaced("the \u017fuperseded board")
    assert partners._may_call_replaced("The Glenmoor LSCB WAS REPLACED")


def test_funding_and_attending_gates_keep_matches() -> None:
    for t in random_texts(["the police ", "jointly fund ", "lead ", "contribute to ", "attend ", "sits on ",
                           "FUND ", "Leads ", "ON ", "the ", "x", "\n"], 3000, seed=18, most=12):
        s = len(t)
        want = partners._ATTENDS_BEFORE.search(t, max(0, s - 24), s) is not None
        assert partners._attends_before(t, s) == want, t


# -- themes: a cue's prefixes gate it (a page holding none of them has no match of it) -----------------------

def test_theme_prefix_gates_hold_on_pages() -> None:
    from kg.extract import scan, themes
    from kg.extract.rules import rules

    r = rules()
    index = themes._index(r)
    gated = [(rk, sets[0]) for rk, sets in index.gates.items()
             if sets[0] == frozenset(scan.prefixes(r.themes[rk[0]].cues[rk[1]].pattern))]
    assert len(gated) > 50  # most cues a page's words wake hold phrases longer than their needle
    skipped = 0
    for page in PAGES + random_texts(["views of children", "children's views", "feedback from pupils", " ",
                                      "Views Of Children", "views", "of", "children", "\n"], 300, seed=19):
        low = page.lower()
        if len(low) != len(page):
            continue
        found = scan.hits(low)
        for (ri, k), first in gated:
            if found.keys().isdisjoint(first):
                skipped += 1
                assert r.themes[ri].cues[k].pattern.search(page) is None, (first, page[:80])
    assert skipped > 1000


# -- orgs: a board pattern's literal sets gate it -------------------------------------------------------------

def test_board_gates_hold_on_pages() -> None:
    from kg.extract import scan
    from kg.extract.rules import rules

    r = rules()
    rows = [row for table in orgs._board_gates(r) for row in table]
    assert len(rows) == len(r.board_place_led) + len(r.board_heads) + len(r.board_lower)
    skipped = 0
    pieces = ["Glenmoor Safeguarding Adults Board", "Safer Ravensby Partnership", "safeguarding", " adults board",
              "Community Safety Partnership", " ", "\n", "SAFEGUARDING "]
    for page in PAGES + random_texts(pieces, 300, seed=20):
        low = scan.folded(page)
        if low is None:
            continue
        found = scan.hits(low)
        for _, pat, sets in rows:
            if any(found.keys().isdisjoint(s) for s in sets):
                skipped += 1
                assert pat.search(page) is None, (pat.pattern[:60], page[:80])
    assert skipped > 1000
