"""kg.extract.gates: the sentences a pattern can match in, from the page's literal search."""

from __future__ import annotations

import re
from pathlib import Path

from kg.extract import gates
from kg.extract.pipeline import _REPLACE
from kg.extract.reviews import _GIVEN_NAME, _NAME, _SAR_CONTEXT
from kg.extract.text import scanned, sentences

TEXT = ("The Board met.\nChild M was discussed.\nThe old LSCB was replaced by the partnership.\n"
        "Nothing else.\nA review commissioned by the safeguarding adults board was noted.")


def test_holding_names_the_sentences_with_a_literal_and_no_others():
    sents = sentences(TEXT)
    starts = [s.start for s in sents]
    # "adults" starts with "adult", one of the words a case name starts with: let through, then scanned
    assert [sents[i].text for i in gates.holding(gates.places(_NAME, TEXT), sents, starts)] == [
        "Child M was discussed.", "A review commissioned by the safeguarding adults board was noted."]
    assert [sents[i].text for i in gates.holding(gates.places(_REPLACE, TEXT), sents, starts)] == [
        "The old LSCB was replaced by the partnership."]
    assert gates.may_match(gates.places(_SAR_CONTEXT, TEXT), sents[-1].start, sents[-1].end)
    assert not gates.may_match(gates.places(_SAR_CONTEXT, TEXT), sents[0].start, sents[0].end)


def test_unknown_literals_let_every_sentence_through():
    sents = sentences(TEXT)
    plain = re.compile(r"\w+")  # no literal every match holds
    assert gates.places(plain, TEXT) is None
    assert gates.holding(None, sents, [s.start for s in sents]) == list(range(len(sents)))
    assert gates.may_match(None, 0, 1)


def test_no_sentence_with_a_match_is_left_out():
    """Every sentence where the pattern matches is among those the gate lets through."""
    texts = [TEXT] + [p.read_text(encoding="utf-8")
                      for p in sorted(Path(__file__).parent.joinpath("texts").glob("*.txt"))]
    matched = 0
    for raw in texts:
        text = scanned(raw)
        sents = sentences(text)
        starts = [s.start for s in sents]
        for pattern in (_NAME, _GIVEN_NAME, _SAR_CONTEXT, _REPLACE):
            kept = set(gates.holding(gates.places(pattern, text), sents, starts))
            for i, s in enumerate(sents):
                if pattern.search(s.text):
                    matched += 1
                    assert i in kept, (pattern.pattern[:30], s.text)
    assert matched >= 5


def test_field_colon_gate_keeps_every_field_line():
    from kg.extract.meeting import _REPORT_TO, _field_colon

    heads = ["Report to: Cabinet\nDate: 3 May 2023", "Meeting :\tHealth Scrutiny Committee", "DECISION MAKER: Cabinet",
             "Time: 10.00am Venue: Town Hall", "Item 4: Minutes", "no colon here", "Committee \u00a0: Audit Panel",
             "Report to:Cabinet", "Meeting of:\n", "TO: the Board - 4 May"]
    for head in heads:
        found = list(_REPORT_TO.finditer(head))
        assert _field_colon(head) or not found, head
    assert _field_colon("Report to: Cabinet") and not _field_colon("Time: 10.00am Venue: Town Hall")
