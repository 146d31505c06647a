"""Round 10's second speed branch (spd10b) finds exactly what the forms it replaced find.

Each rewritten pattern, gate or cache is compared with the plain form on every text under
tests/texts and data/minutes (whole pages, their attendance lists and random windows).
"""

from __future__ import annotations

import random
from pathlib import Path

from kg.extract import layout
from kg.extract.text import scanned

ROOT = Path(__file__).resolve().parent.parent
PAGES = [scanned(p.read_text(encoding="utf-8")) for d in ("tests/texts", "data/minutes")
         for p in sorted((ROOT / d).rglob("*.txt"))]


def _all(found, text: str, pos: int = 0, end: int | None = None) -> list[tuple]:
    end = len(text) if end is None else end
    return [(m.span(), m.group("person"), m.group("init")) for m in found.finditer(text, pos, end)]


def test_initials_records_found_from_capitals_are_the_plain_patterns():
    fast, plain = layout._REC_INITIALS_FOUND, layout._REC_INITIALS
    assert fast is not plain
    rng = random.Random(20)
    edges = ["Ann Lee (AL) - Chair", "Dr Ann Lee(AL)", "Cllr. A Lee (A) Tom Ray (TR)", "x(AB)", "(AB) Ann",
             "Mrs  Ann   Lee   (AnL)", "ann Lee (AL)", "É Lee (EL)", "Ann Lee (al)", ""]
    for text in edges + PAGES:
        assert _all(fast, text) == _all(plain, text), text[:80]
        for _ in range(5):
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            assert _all(fast, text, a, b) == _all(plain, text, a, b), (text[:80], a, b)
        for r in layout.attendance_regions(text):
            assert _all(fast, text, r.start, r.end) == _all(plain, text, r.start, r.end)


def _records_plain(text: str, lists_only: bool) -> list[layout.Record]:
    """``records`` computed afresh (the cache's function itself, uncached)."""
    regions = tuple(layout.attendance_regions(text))
    return list(layout._records.__wrapped__(text, regions, lists_only))


def test_records_kept_are_the_records_worked_out_afresh():
    for text in PAGES:
        for lists_only in (True, False):
            first = layout.records(text, layout.attendance_regions(text), lists_only=lists_only)
            again = layout.records(text, layout.attendance_regions(text), lists_only=lists_only)
            assert first == again == _records_plain(text, lists_only)
            first.append(first[0] if first else None)  # a caller's list is its own
            assert layout.records(text, lists_only=lists_only) == again


def _scanned_plain(text: str, r) -> tuple[list[tuple], list[tuple]]:
    """The partner scan's word pass as it was: each word's group asked of the two tables."""
    from kg.extract import scan
    sectors, cues = r.sector_first_words or {}, r.partner_cue_first or {}
    out_s: list[tuple] = []
    out_c: list[tuple] = []
    done_s = done_c = 0
    for at, w in scan.tokens(text.lower(), sectors, cues):
        for table, out, done in ((sectors, out_s, done_s), (cues, out_c, done_c)):
            pat = table.get(w) if at >= done else None
            m = pat.match(text, at) if pat is not None else None
            if m:
                out.append((m.span(), m.group()))
                if table is sectors:
                    done_s = m.end()
                else:
                    done_c = m.end()
    return out_s, out_c


def test_partner_word_pass_finds_what_the_tables_find():
    from kg.extract import partners
    from kg.extract.rules import rules
    r = rules()
    for text in PAGES:
        partners._SCANS.clear()
        got = partners._scanned(text, r)
        assert ([(m.span(), m.group()) for m in got[0]], [(m.span(), m.group()) for m in got[1]]) == \
            _scanned_plain(text, r)


def test_weak_cue_searched_at_its_phrases_is_the_plain_search():
    import re

    from kg.extract import partners, scan
    from kg.extract.text import sentences
    plain = re.compile(partners._WEAK_CUE.pattern, partners._WEAK_CUE.flags)
    edges = ["It was funded jointly by the council", "FUNDED BY the ICB", "co-funded by", "jointly funds",
             "the signatories", "SIGNATORY", "contribution  to", "formed with", "unformed by", "ſignatory", "x"]
    for text in edges + PAGES:
        for s in sentences(text):
            got = scan.search(partners._WEAK_CUE, s.text, within=(text, s.start))
            want = plain.search(s.text)
            assert (got.span() if got else None) == (want.span() if want else None), s.text[:80]


def test_post_word_search_is_the_any_of_the_words():
    from kg.extract import partners
    rng = random.Random(21)
    edges = ["Director", "Directo", "the Head of", "LeadMember", "head", "Advisor ", "Nurse", "x" * 100, ""]
    windows = [page[a:a + 100] for page in PAGES for a in (rng.randint(0, max(0, len(page) - 1)) for _ in range(20))]
    for text in edges + windows:
        assert (partners._POST_WORD.search(text) is not None) == any(w in text for w in partners._POST_WORDS), text


def test_place_words_read_from_the_reversed_window_are_the_windows_words_from_its_end():
    from kg.extract import orgs
    rng = random.Random(22)
    pieces = ["Westshire", " ", "\n", "and", "&", "’s", "'", "-", ",", "St", "é", "_", "x", "Board"]
    texts = PAGES + ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(2000)]
    for text in texts:
        for start in {0, len(text) // 3, len(text) // 2, len(text)}:
            window = text[max(0, start - 80):start]
            size = len(window)
            backwards = [(size - m.end(), size - m.start()) for m in orgs._PLACE_WORD.finditer(window[::-1])]
            assert backwards == [m.span() for m in reversed(list(orgs._PLACE_WORD.finditer(window)))], window
