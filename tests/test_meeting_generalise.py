"""The meeting a page records, on layouts and phrasings written for these tests (issue 9's misses).

Every text is invented (Westshire, Eastvale, Midshire, Northfold, people who do not exist). Each
shape is checked with the rules alone and with the shipped rankers, which must agree on it: the
rankers were fitted on other pages, so these probe how the meeting extraction holds on pages it
has never read. The files are under tests/texts/generalise/meeting/; short variants are inline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.meeting import body_candidates, date_candidates, rule_meeting
from kg.extract.pipeline import extract
from kg.extract.rules import rules
from kg.model import Document

TEXTS = Path(__file__).parent / "texts" / "generalise" / "meeting"
MODES = pytest.mark.parametrize("models", [{}, None], ids=["rules", "shipped-models"])


def meeting(text: str, models):
    m = extract(Document("t", text), models).meeting
    return m.council, m.body, m.date, m.item


# (file, council, body, date): what the page says its meeting is
PROBES = [
    # the page header's date, not "minutes of the meeting held on 2 February" (the previous meeting)
    ("header_over_previous", None, "Westshire Children's Panel", "2025-03-04"),
    # a title broken across two lines after "AND"
    ("title_split", None, "EASTVALE ADULTS, HEALTH AND WELLBEING SCRUTINY COMMITTEE", "2023-11-08"),
    # a date glued to its time ("4th May, 201710.00am"); "the next meeting ... 6 July" is no rival
    ("glued_time", None, "MIDSHIRE COMMUNITY SAFETY PARTNERSHIP", "2017-05-04"),
    # a body named only as "The Board received... The Board noted..."; "was informed that the
    # Partnership had agreed" is reported speech, no resolution of the Partnership's
    ("generic_board", None, "Board", None),
    ("resolution", None, "Executive Board", None),  # "RESOLVED: That Executive Board agree"
    ("cover_sheet", None, "Westshire Cabinet", "2024-03-12"),  # "Report to:" / "Date of meeting:"
    # a body without a head word, named where the report is put to it
    ("addressed_scrutiny", None, "Eastvale Children and Young People Scrutiny", None),
    # a board's own minutes: its members present under its acronym; "Date: / 14th June 2022" table cells
    ("own_minutes_acronym", "Midshire Council", "Midshire Safeguarding Children Partnership", "2022-06-14"),
    # an attendance record's date columns are no meeting date; initials are no part of a council's name;
    # "the WSCP Business Manager" is a job, not a body
    ("attendance_dates", "Westshire Council", None, None),
    # a web page: dates of publication, of an update, of arrangements coming into effect
    ("web_page_dates", None, None, None),
]


@MODES
@pytest.mark.parametrize("name, council, body, date", PROBES, ids=[p[0] for p in PROBES])
def test_probe_pages(name, council, body, date, models):
    text = (TEXTS / f"{name}.txt").read_text(encoding="utf-8")
    assert meeting(text, models) == (council, body, date, None)


VARIANTS = [
    ("Westshire Health and Wellbeing Board – Wednesday, 10th January, 2024 2.00 pm\n\nVenue: Room 1\n\n"
     "Minutes of the last meeting of the Health and Wellbeing Board, held on 8 November 2023, were agreed.\n\n"
     "The Board noted the Westshire Safeguarding Adults Board annual report.\n",
     "Westshire Health and Wellbeing Board", "2024-01-10"),
    ("Minutes of the Northfold Children's Services\nScrutiny Panel meeting held on 3 May 2023\n\n"
     "Present: Councillor Jo Park (Chair)\n\nThe Panel received the annual report of the Northfold "
     "Safeguarding Children Partnership.\n",
     "Northfold Children's Services Scrutiny Panel", "2023-05-03"),
    ("EASTVALE CORPORATE PARENTING PANEL\nThursday 19thAugust2021 at 2pm, Civic Centre\n\n"
     "Present: Councillor Ben Ray (Chair)\n\nThe Panel noted the report on children in care.\n",
     "EASTVALE CORPORATE PARENTING PANEL", "2021-08-19"),
    ("Eastvale Safeguarding Children Partnership annual report\n\nThe report was introduced by the Director.\n\n"
     "RESOLVED (1) That the Cabinet notes the annual report.\n", "Cabinet", None),
    ("Midshire Safeguarding Adults Board annual report\n\nSummary of the report.\n\n"
     "Recommendation: That the Health and Wellbeing Board endorses the strategic plan.\n",
     "Health and Wellbeing Board", None),
    ("Northfold Safeguarding Partnership update\n\nThe Director gave an update on the partnership's work.\n\n"
     "It was RESOLVED that the Scrutiny Panel note the update.\n", "Scrutiny Panel", None),
    ("| Report to | Northfold Cabinet |\n| Date | 7 March 2023 |\n"
     "| Subject | Northfold Safeguarding Children Partnership annual report |\n\nPurpose: to present the report.\n",
     "Northfold Cabinet", "2023-03-07"),
    ("Committee: Westshire Health Scrutiny Committee\nDate: 7 March 2023\n"
     "Title: Westshire Safeguarding Adults Board annual report\n\nThe Committee is asked to note the report.\n",
     "Westshire Health Scrutiny Committee", "2023-03-07"),
    ("NORTHFOLD DISTRICT COUNCIL\n\nReport To: Overview and Scrutiny Committee 9 October 2023\n\n"
     "From: Chief Executive\n\nSubject: NORTHFOLD SAFEGUARDING ADULTS BOARD ANNUAL REPORT\n\n"
     "1.1 The Board has published its annual report.\n",
     "Overview and Scrutiny Committee", "2023-10-09"),
    ("Agenda item\n\nEastvale Safeguarding Children Partnership annual report\n\nMinutes:\n\nKim Shore, Independent "
     "Chair of the Eastvale Safeguarding Children Partnership, briefed the panel on the report and advised the "
     "panel of the priorities for the year.\n", "Panel", None),
    # a decision record's maker followed by its council
    ("Decision record\n\nDecision maker: Cabinet Member for Children and Families, Northfold Borough Council\n"
     "Date of decision: 14 January 2023\n\nSubject: Northfold Safeguarding Children Partnership Annual Report\n",
     "Cabinet Member for Children and Families", "2023-01-14"),
    # a heading with no weekday, the council before the body
    ("Westshire Council - Health and Wellbeing Board - 12 March 2024\n\nThe Board noted the annual report "
     "of the Westshire Safeguarding Adults Board.\n", "Health and Wellbeing Board", "2024-03-12"),
]


@MODES
@pytest.mark.parametrize("text, body, date", VARIANTS, ids=[f"v{i}" for i in range(len(VARIANTS))])
def test_variants_of_the_shapes(text, body, date, models):
    assert meeting(text, models)[1:3] == (body, date)


NEGATIVES = [
    # a job title with a body's word is no body
    "Eastvale Safeguarding Children Partnership\n\nThe Executive Director noted the partnership's priorities. "
    "The Executive Director noted the audit findings.\n",
    # a web page headed by a board, with only the page's own update date under it
    "Northfold Safeguarding Adults Board\n\nPage updated 3 March 2022\n\n"
    "The board brings partners together to protect adults at risk.\n",
]


@MODES
@pytest.mark.parametrize("text", NEGATIVES, ids=["job-title", "page-updated"])
def test_no_meeting_from_jobs_or_a_pages_own_dates(text, models):
    assert meeting(text, models)[1:3] == (None, None)


def test_reported_speech_is_no_resolution():
    text = ("Agenda item\n\nWestshire Safeguarding Adults Board annual report\n\nMinutes:\n\nMembers were told that "
            "the Westshire Safeguarding Adults Board had agreed its strategy.\n")
    r = rule_meeting(text, ["Westshire Safeguarding Adults Board"], rules())
    assert r.body_by != "resolved"
    assert "resolved" not in {s for c in body_candidates(text, ["Westshire Safeguarding Adults Board"],
                                                         "Westshire Safeguarding Adults Board", r) for s in c.sources}


def test_what_a_body_does_is_a_feature_of_its_candidate():
    text = (TEXTS / "generic_board.txt").read_text(encoding="utf-8")
    board = [c for c in body_candidates(text, [], None) if c.text == "Board"][0]
    assert "acts=<4" in board.page  # received, noted, was informed: three acts
    spoken_to = "Minutes:\n\nAnn Lee briefed the panel and advised the panel of the plan.\n"
    panel = [c for c in body_candidates(spoken_to, [], None) if c.text == "Panel"][0]
    assert "addressed=<4" in panel.page


def test_dates_side_by_side_are_a_tables_columns():
    text = (TEXTS / "attendance_dates.txt").read_text(encoding="utf-8")
    cands = date_candidates(text)
    assert [c.iso for c in cands] == ["2021-02-03", "2021-04-07", "2021-06-02", "2021-08-04"]
    assert all("line_dates=>=2" in c.features for c in cands)


def test_a_pages_publication_date_is_cued_as_such():
    text = (TEXTS / "web_page_dates.txt").read_text(encoding="utf-8")
    cands = {c.iso: c.features for c in date_candidates(text)}
    assert "cue_b=published" in cands["2020-05-18"]
    assert "cue_b=published" in cands["2019-09-29"]
