"""Hard-wrapped text layers (issue 9): ``unwrap`` joins a line cut at the page's width to the
next, and only such a line, so sentences that span a wrap are read whole.

Every text here is written for the test (invented places and people), never taken from
the development corpus.
"""

from __future__ import annotations

import textwrap

from kg.extract.pipeline import extract
from kg.extract.text import sentences, unwrap, wrap_width
from kg.model import Document

PROSE = ("The Board received the annual report of the Northmoor Safeguarding Adults Board and noted "
         "that the number of concerns raised by partner agencies had risen again this year, mostly "
         "from the care homes in the south of the county and from the hospital trust. Members asked "
         "how the learning from the two reviews published in the spring would reach front line staff "
         "working in domiciliary care, and the manager agreed to bring a short paper to the next "
         "meeting of the group together with the figures for the first quarter of the coming year.")


def _wrapped(text: str, width: int = 72) -> str:
    return "\n".join(textwrap.wrap(text, width))


def test_a_wrapped_paragraph_is_one_line_again_at_the_same_offsets() -> None:
    text = "Minutes of the meeting\n\n" + _wrapped(PROSE) + "\n\n" + _wrapped(PROSE, 72)
    out = unwrap(text)
    assert len(out) == len(text)
    changed = [text[i] for i, (a, b) in enumerate(zip(text, out, strict=True)) if a != b]
    assert changed == ["\n"] * (text.count("\n") - 4)  # every break inside the two paragraphs, nothing else
    paragraphs = [p for p in out.split("\n") if p.strip()]
    assert paragraphs == ["Minutes of the meeting", PROSE, PROSE]
    assert 60 <= wrap_width([len(line) for line in text.split("\n")]) <= 72


def test_lists_tables_records_headings_and_short_lines_keep_their_breaks() -> None:
    wrapped = _wrapped(PROSE)
    keep = "\n".join([  # each row as long as the page's lines, none ending a sentence
        "Present: Ann Lee - Independent Chair, Northmoor Safeguarding Adults",
        "Tom Green - Detective Chief Inspector, Northmoor Police and Community",
        "1. Welcome and introductions from the chair of the board and partners",
        "2. Minutes of the last meeting and the actions arising and forward plan",
        "• The quality assurance framework for the partnership and subgroups",
        "• The training offer for the multi-agency workforce across the county",
        "(a) the learning and improvement framework of the partnership and the",
        "Agency\tName\tAttended the meeting of the partnership board and the",
        "Police\tTom Green\tYes",
        "Northmoor Safeguarding Adults Board Annual Report and Strategic Plan",
        "Quarterly Performance Report",
        "Short line",
        "Another short line",
    ])
    text = wrapped + "\n\n" + keep + "\n\n" + wrapped
    out = unwrap(text)
    assert len(out) == len(text)
    assert out.split("\n\n")[1] == keep  # not one break of the lists joined
    assert out.split("\n\n")[0] == PROSE  # while the prose around them is


def test_a_sentence_that_ends_at_the_width_keeps_its_break() -> None:
    lines = _wrapped(PROSE).split("\n")
    text = "\n".join(lines[:2] + ["The meeting closed at the end of the agenda with the thanks of the chair."]
                     + ["Next meeting: the date to be confirmed by the business manager in due course"] + lines)
    out = unwrap(text)
    assert "the thanks of the chair.\nNext meeting" in out


def test_text_without_a_wrap_width_is_unchanged() -> None:
    text = PROSE + "\n" + PROSE[:200] + "\nShort heading\n" + PROSE[50:] + "\n- an item\n"
    assert unwrap(text) is text
    assert unwrap("") == ""
    assert unwrap("one line only") == "one line only"
    short = "\n".join(["Agenda", "Apologies", "Minutes", "Any other business"] * 10)
    assert unwrap(short) == short


def test_sentences_span_a_wrap() -> None:
    text = _wrapped(PROSE)
    spans = [(s.start, s.end) for s in sentences(unwrap(text))]
    assert [text[a:b].replace("\n", " ") for a, b in spans] == [
        PROSE[:PROSE.index("Members")].rstrip(), PROSE[PROSE.index("Members"):]]


def test_a_chair_wrapped_mid_title_is_found_end_to_end() -> None:
    board = "Northmoor Safeguarding Children Partnership"
    sentence = (f"The committee welcomed the report presented by Jane Doe, who has been the Independent "
                f"Chair of the {board} since April, and thanked the partnership for its work.")
    text = "\n\n".join(["Children and Young People Scrutiny Committee", _wrapped(PROSE, 76),
                        _wrapped(sentence, 76), _wrapped(PROSE, 76)])
    assert "Independent\nChair" in text or "Chair of the\n" in text or "the\nIndependent" in text
    facts = extract(Document(id="t", text=text, source="test"), {})
    people = {p.id: p.name for p in facts.people}
    orgs = {o.id: o.name for o in facts.organisations}
    assert {(people[c.person], orgs[c.organisation]) for c in facts.chairs} == {("Jane Doe", board)}
    chair = facts.chairs[0]
    assert text[chair.evidence.start:chair.evidence.end] == chair.evidence.text  # offsets into the document
    assert "\n" in chair.evidence.text  # the evidence spans the wrap, quoted as the document has it


def test_an_initial_at_the_line_end_and_a_record_wrapped_onto_the_next_line_join() -> None:
    text = "\n".join(_wrapped(PROSE).split("\n") + [
        "The report was introduced by the Independent Chair of the Board and by K.",
        "Wragg, Service Manager for safeguarding adults in the north of the county",
        "Ann Lee - Independent Chair of the Northmoor Safeguarding Adults Board and",
        "the Northmoor Safeguarding Children Partnership",
        "Tom Green - Detective Chief Inspector, Northmoor Police",
    ] + _wrapped(PROSE).split("\n"))
    lines = unwrap(text).split("\n")
    assert "The report was introduced by the Independent Chair of the Board and by K. Wragg, Service Manager" \
        " for safeguarding adults in the north of the county" in lines
    assert ("Ann Lee - Independent Chair of the Northmoor Safeguarding Adults Board and the Northmoor Safeguarding"
            " Children Partnership") in lines
    assert "Tom Green - Detective Chief Inspector, Northmoor Police" in lines
