"""The fifth invented corpus: 90 whole documents written blind in sessions 16 and 17 by helpers who
neither ran nor read the extractor, each with a gold file made by the annotation guide's rules, in nine
rounds of ten: ab (council minutes and decision records among unrelated items), ac (boards' own minutes,
executive groups, domestic abuse boards, a Welsh board), ad (a national crawl's mix), ae (LSCB-era documents,
2009-2018), af (partnership governance pages, multi-area partnerships), ag (scrutiny minutes with long
discussion), ah (council committee records), ai (boards' own minutes and action notes), aj (web pages, report
excerpts and news). Boilerplate runs of ten words that real council pages share were reworded
(scripts/audit_dev_names.py finds nothing).

Each group of three rounds was scored before anyone read the extractor's output on it (macro F1 at first
sight: ab-ad 0.913 on session 16's start code, ae-ag 0.908 and ah-aj 0.910 on session 17's; per round and
what was fixed: docs/extraction-blind17.md). Like blind16, these documents are not among those the meeting
rankers are fitted on (kg.extract.training.INVENTED). The floors sit under the scores reached."""

from __future__ import annotations

from pathlib import Path

from corpus_scores import assert_above_floors, assert_gold_for_each

HERE = Path(__file__).parent
TEXTS = HERE / "texts" / "blind17"
GOLD = HERE / "gold" / "blind17"
FLOORS = {"boards": 0.95, "people": 0.96, "chairs": 0.90, "partners": 0.91, "themes": 0.87,
          "reviews": 0.94, "meeting": 0.92}


def test_every_blind_document_has_its_gold() -> None:
    assert_gold_for_each(TEXTS, GOLD, 90)


def test_the_blind_corpus_scores_above_its_floors() -> None:
    assert_above_floors(TEXTS, GOLD, FLOORS, 0.93)
