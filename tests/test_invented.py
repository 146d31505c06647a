"""The invented corpus: 60 whole documents the lead wrote in session 13, each with a gold file made by
the annotation guide's rules, in the genres and layouts held-out areas publish (cabinet, scrutiny and
council minutes, boards' own minutes with tab-separated or pipe tables, decision notices, partnership
web pages, news releases, forewords, Welsh regional boards, community safety and domestic abuse
partnerships, a Children's Trust Board, a newsletter, a review's summary).

They were written in six rounds of ten (b01-b10, b11-b20, c01-c10, d01-d10, e01-e10, f01-f10), each
before the extractor was run on it, so each round's first score is a held-out estimate (macro F1 0.901,
0.885, 0.880, 0.905, 0.898, 0.898; chairs 0.70, 0.90, 0.71, 0.70, 0.63, 0.73), and most of its misses
were then fixed by shape (tests/test_lead13.py; the last round's only once, at the end). Scored together
they guard those fixes and the phrasing they stand for: a change that loses one of them shows here, with
the document and the fact. The floors sit under the scores reached (macro 0.958, chairs 0.928, partners
0.920, themes 0.934; docs/extraction-chairs-themes.md, session 13), so a refit model's small moves pass
and a lost shape does not."""

from __future__ import annotations

from pathlib import Path

from corpus_scores import assert_above_floors, assert_gold_for_each

HERE = Path(__file__).parent
TEXTS = HERE / "texts" / "invented"
GOLD = HERE / "gold" / "invented"
FLOORS = {"boards": 0.95, "people": 0.95, "chairs": 0.90, "partners": 0.88, "themes": 0.90,
          "reviews": 0.94, "meeting": 0.94}


def test_every_invented_document_has_its_gold() -> None:
    assert_gold_for_each(TEXTS, GOLD, 60)


def test_the_invented_corpus_scores_above_its_floors() -> None:
    assert_above_floors(TEXTS, GOLD, FLOORS, 0.94)
