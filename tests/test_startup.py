"""What makes a process's start-up cheaper (kg.extract.rules' patterns compiled when first
asked for, kg.extract.scan's reading of patterns) gives the same answers as before."""

from __future__ import annotations

import re

import pytest

from kg.extract import scan
from kg.extract.rules import rules


def test_phrases_by_first_word_compile_when_asked_and_match_as_the_sources_say():
    table = rules().sector_first_words
    assert table is not None and len(table) > 50
    word = next(iter(table))
    assert table.get("not-a-first-word") is None
    assert table.get("not-a-first-word", 7) == 7
    with pytest.raises(KeyError):
        table["not-a-first-word"]
    first = table[word]
    assert isinstance(first, re.Pattern)
    assert table.get(word) is first  # compiled once
    assert set(table) == set(dict(table.items()))
    police = table["police"]
    assert police.match("Police and Crime Commissioner").group() == "Police and Crime Commissioner"


def test_whole_alternations_are_there_when_asked():
    r = rules()
    assert r.sector_phrases.search("the Police and Crime Commissioner").group() == "Police and Crime Commissioner"
    assert r.sector_phrases is r.sector_phrases
    assert r.partner_cues.search("statutory safeguarding partners") is not None


@pytest.mark.parametrize("alternatives, expected", [
    (["abc", "abcd", "abx", "abxy", "zzz"], ("abc", "abx", "zzz")),
    (["safeguarding", "safe", "safety", "sa"], ("safe",)),
    (["lewes", "lewisham", "lew"], ("lew",)),
])
def test_prefixes_keeps_the_shortest_of_literals_starting_alike(alternatives, expected):
    pattern = re.compile("(?:" + "|".join(alternatives) + ")")
    assert scan.prefixes(pattern) == (expected if all(len(a) >= scan.MIN_PREFIX for a in alternatives) else ())
