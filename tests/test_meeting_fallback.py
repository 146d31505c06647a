"""The meeting's body when the trained ranker doubts every candidate: a header rule's answer
stands (it is right 45 times in 48 on the development set); the body the text merely addresses
does not. Texts written for these tests."""

from __future__ import annotations

from kg.extract.linear import LinearModel
from kg.extract.meeting import extract_meeting, rule_meeting
from kg.extract.rules import rules

DOUBTFUL = {"meeting-body": LinearModel("meeting-body", {}, -5.0, 0.45)}  # every candidate below its threshold

HEADED = ("Minutes of the meeting of the Greyford Health Scrutiny Committee held at the Civic Centre on "
          "Tuesday 4th March 2025\n\nPresent: Councillor Ann Hale (Chair), Councillor Tom Rees\n")
ADDRESSED = ("Agenda item\n\nAnnual report\n\nThe Committee considered the report. "
             "The Committee asked for an update in June.\n")


def test_a_header_rules_body_stands_when_the_ranker_doubts() -> None:
    rule = rule_meeting(HEADED, [], rules())
    assert rule.body == "Greyford Health Scrutiny Committee" and rule.body_by == "minutes-held"
    m = extract_meeting(HEADED, None, [], rules(), DOUBTFUL)
    assert m.body == "Greyford Health Scrutiny Committee"
    assert m.body_evidence is not None and m.body_evidence.by == "rule:minutes-held"


def test_an_addressed_body_does_not_stand_against_the_ranker() -> None:
    assert rule_meeting(ADDRESSED, [], rules()).body == "Committee"
    assert extract_meeting(ADDRESSED, None, [], rules(), DOUBTFUL).body is None
    assert extract_meeting(ADDRESSED, None, [], rules(), {}).body == "Committee"  # the rules alone keep it


def test_a_header_name_beats_a_bare_word() -> None:
    """The annotation's rule: the bare word ("Board") only when the page names the body no other way."""
    likes_bare = {"meeting-body": LinearModel("meeting-body", {"generic": 10.0}, -3.0, 0.45)}
    text = HEADED + "The Board agreed the plan. The Board noted the report.\n"
    assert extract_meeting(text, None, [], rules(), likes_bare).body == "Greyford Health Scrutiny Committee"
    assert extract_meeting(ADDRESSED, None, [], rules(), likes_bare).body == "Committee"  # no header: the ranker's word
