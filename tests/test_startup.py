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


def _rules_patterns() -> list[re.Pattern]:
    r = rules()
    out = [p for _, p in r.board_heads + r.board_lower + r.board_place_led + r.agency_patterns]
    out += [r.statutory_cues, r.role_heads, r.chair_title, r.not_chair, r.theme_veto, r.place_pattern]
    out += [c.pattern for t in r.themes for c in t.cues] + [t.not_ for t in r.themes if t.not_ is not None]
    return out


def test_compile_makes_the_pattern_re_makes():
    """Equal patterns (``re.Pattern.__eq__`` compares the source, the flags and the compiled
    program), with the same groups, for every pattern of the rules and a few odd ones."""
    sources = [(p.pattern, p.flags) for p in _rules_patterns()]
    sources += [(r"(?P<a>x)(?P<b>y)?|(z)", 0), (r"(?x) a b  # comment", 0), ("(?i)ſafe", 0), ("abc", re.I)]
    for source, flags in sources:
        ours, theirs = scan.compile(source, flags), re.compile(source, flags)
        assert ours == theirs
        assert (ours.flags, ours.groups, ours.groupindex) == (theirs.flags, theirs.groups, theirs.groupindex)
    with pytest.raises(re.error):
        scan.compile("(unclosed")


def test_a_kept_parse_reads_as_a_fresh_one():
    """The parse ``compile`` keeps (after the program was made from it) gives the Scanner the
    same reading as a fresh parse of the pattern."""
    def reading(p: re.Pattern) -> tuple:
        g = scan.guarded(p)
        return (scan.prefixes.__wrapped__(p), scan.required(p), scan.literal_gate(p), g and g.pattern,
                scan.skipper(p), scan.runs_gate.__wrapped__(p))

    for p in _rules_patterns()[:80] + [rules().place_pattern]:
        fresh = re.compile(p.pattern, p.flags)
        scan._parsed.cache_clear()
        ours = scan.compile(p.pattern, p.flags)
        first = reading(ours)  # from the kept parse
        scan._parsed.cache_clear()
        assert first == reading(fresh)
