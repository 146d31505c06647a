"""Round 11b's faster forms find exactly what the forms they replaced find.

Each fast path is compared with the plain pattern on every sentence of the texts under
tests/texts and data/minutes and on random texts made of its pieces (odd spacing, words inside
words, hyphens and apostrophes, post and body words).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from kg.extract import themes
from kg.extract.rules import rules
from kg.extract.text import scanned, sentences

ROOT = Path(__file__).resolve().parent.parent
PAGES = [scanned(p.read_text(encoding="utf-8")) for d in ("tests/texts", "data/minutes")
         for p in sorted((ROOT / d).rglob("*.txt"))]
SENTENCES = [s.text for page in PAGES for s in sentences(page)]

_VETO_PIECES = ["Head", "Director", "Manager", "of", "for", "and", "the", "to", " ", "  ", "\n", ",", " -", " –",
                "Board", "Westshire", "McLeod", "Co-Director", "Sub-Committee", "SubPanel", "Panel", "Report",
                "Safeguarding", "Adults", "x", "'", "’", "&", "/", "Lead", "Team", "Eastvale", "in", "A", "B", "2026"]


def test_every_veto_alternative_opens_with_the_capitalised_words() -> None:
    """``veto_spans`` skips starts by this shared head: an alternative without it would need the plain scan."""
    vetoes = json.loads((ROOT / "data/rules/themes.json").read_text(encoding="utf-8"))["veto"]
    assert vetoes and all(v.startswith(themes._VETO_HEAD) for v in vetoes)
    assert all(v[len(themes._VETO_HEAD):].startswith((")*", "(?:(?:and|&|of|the|for|in)\\s+)?)+")) for v in vetoes)


def test_possessive_veto_reads_every_head_word_possessively() -> None:
    veto = rules().theme_veto
    fast = themes._possessive(veto)
    assert veto.pattern.count(themes._WORD_SPACE) == 3 and fast.pattern.count("*+\\s++") == 3
    assert themes._possessive(veto) is fast


def test_veto_spans_are_the_patterns_matches_on_every_sentence() -> None:
    veto = rules().theme_veto
    fast = themes._possessive(veto)
    found = 0
    for text in SENTENCES:
        want = [m.span() for m in veto.finditer(text)]
        assert themes.veto_spans(veto, text) == want, text
        assert themes.veto_spans(fast, text) == want, text
        assert [m.span() for m in fast.finditer(text)] == want, text
        found += len(want)
    assert found > 50  # the texts hold vetoed names: the comparison is not empty


def test_veto_spans_on_random_texts() -> None:
    veto = rules().theme_veto
    fast = themes._possessive(veto)
    rnd = random.Random(11)
    found = 0
    for _ in range(20000):
        text = "".join(rnd.choice(_VETO_PIECES) + rnd.choice(["", " ", " ", "  "]) for _ in range(rnd.randint(1, 14)))
        want = [m.span() for m in veto.finditer(text)]
        assert themes.veto_spans(veto, text) == want, text
        assert themes.veto_spans(fast, text) == want, text
        assert [m.span() for m in fast.finditer(text)] == want, text
        found += bool(want)
    assert found > 1000


def test_vetoed_sentence_of_a_page_is_the_sentences_veto() -> None:
    veto = rules().theme_veto
    for page in PAGES[:40]:
        for s in sentences(page):
            assert themes._vetoed(veto, s.text, page, s.start) == [m.span() for m in veto.finditer(s.text)]


def _list_item_plain(text: str, a: int, b: int) -> bool:
    """``themes._list_item`` as it was written before its count of separators was three counts."""
    if sum(text.count(c) for c in ",;•") < 2:
        return False
    left = 0
    for m in themes._SEP.finditer(text, max(0, a - 60), a):
        left = m.end()
    if left == 0:
        return False
    right = themes._SEP.search(text, b)
    stop = right.start() if right else len(text.rstrip(" ."))
    return stop >= b and len(text[left:stop].split()) <= 4


def test_list_item_and_duty_as_before() -> None:
    rnd = random.Random(5)
    pieces = ["neglect", "early help", ",", ";", "•", " and ", " including ", "the", "Board", " ", ".", "x"]
    texts = SENTENCES[:3000] + ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 20))) for _ in range(3000)]
    for text in texts:
        for a in range(0, len(text), max(1, len(text) // 5)):
            b = min(len(text), a + 7)
            assert themes._list_item(text, a, b) == _list_item_plain(text, a, b), text
    for page in PAGES[:60]:
        sents = sentences(page)
        leads = themes._duty_leads(sents, page.lower())
        for i, s in enumerate(sents):
            assert themes._duty(sents, i, leads, s.text.lower()) == themes._duty(sents, i, leads)


def test_roles_gates_hold_every_match() -> None:
    """Each gate of ``roles._titles_near`` holds wherever its pattern matches after a name."""
    from kg.extract import roles
    rnd = random.Random(7)
    pieces = [" ", "  ", "\n", "\t", "(", ")", "(AL)", "(Chair)", ",", " - ", "–", "—", "|", ":", "Chair", "Chairman",
              "Scrutineer", "Independent", "the", "an", "LSCB", "was", "has been", "appointed", "to", "new", "chair",
              "post", "Eastvale", "Ann", "x"]
    afters = [page[i:i + 300] for page in PAGES[:80] for i in range(0, len(page), 37)]
    afters += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(20000)]
    gates = [(roles._APPOINTED_TO, lambda a: "appointed" in a),
             (roles._TABLE_CHAIR, lambda a: "Chair" in a or "Scrutineer" in a),
             (roles._INITIALS_BEFORE_MARK, lambda a: a.lstrip()[:1] == "("),
             (roles._INITIALS_THEN_CHAIR, lambda a: a.lstrip()[:1] == "("),
             (roles._COLUMN_SEP, lambda a: a.lstrip()[:1] != "" and a.lstrip()[:1] in "-–—|:"),
             (roles._OPEN_BRACKET, lambda a: a.lstrip()[:1] == "("),
             (roles._COMMA, lambda a: a.lstrip()[:1] == ",")]
    hits = 0
    for after in afters:
        for pattern, gate in gates:
            if pattern.match(after):
                hits += 1
                assert gate(after), (pattern.pattern, after)
    assert hits > 1000
