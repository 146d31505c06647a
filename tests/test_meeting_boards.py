"""The meeting a page records (rules and the trained rankers) and board names beyond the core heads.

Every text here is written for these tests (invented places and people, real local authority
names only where the rule is about known places).
"""

from __future__ import annotations

import json

import pytest

from kg.extract.linear import LinearModel, default_models
from kg.extract.meeting import body_candidates, date_candidates, extract_meeting, rule_meeting
from kg.extract.pipeline import extract
from kg.extract.rules import rules
from kg.model import Document, Facts

HEADER_OVER_PREVIOUS = (
    "Greyford Children's Panel - Tuesday 4th March 2025 10.00 am\n\n"
    "Present: Councillor Ann Hale (Chair), Councillor Tom Rees\n\n"
    "1. Minutes\nThe minutes of the meeting held on 2 February 2025 were agreed as a correct record.\n"
    "2. Greyford Safeguarding Children Partnership annual report\nThe Panel noted the report.\n")

TITLE_THEN_GLUED_DATE = (
    "GREYFORD COMMUNITY SAFETY PARTNERSHIP\n\n"
    "4th May, 201710.00am, Room 2, Civic Offices\n\n"
    "Present: Ann Hale (Chair), Tom Rees (Greyford Police)\n\n"
    "The Partnership received the quarterly performance report. The next meeting is on 6 July 2017.\n")


@pytest.mark.parametrize("models", [{}, None], ids=["rules", "shipped-models"])
def test_header_date_wins_over_the_previous_meeting(models):
    f = extract(Document("t", HEADER_OVER_PREVIOUS), models)
    assert f.meeting.date == "2025-03-04"
    assert f.meeting.body == "Children's Panel" or f.meeting.body.endswith("Children's Panel")


@pytest.mark.parametrize("models", [{}, None], ids=["rules", "shipped-models"])
def test_title_line_and_a_date_glued_to_a_time(models):
    f = extract(Document("t", TITLE_THEN_GLUED_DATE), models)
    assert f.meeting.body == "GREYFORD COMMUNITY SAFETY PARTNERSHIP"
    assert f.meeting.date == "2017-05-04"


def test_rule_evidence_and_model_evidence_are_credited():
    ruled = extract(Document("t", TITLE_THEN_GLUED_DATE), {})
    assert ruled.meeting.body_evidence.by == "rule:title-line"
    assert ruled.meeting.date_evidence.by == "rule:title-line"
    assert "201710.00am" in ruled.meeting.date_evidence.text
    learned = extract(Document("t", TITLE_THEN_GLUED_DATE))
    assert learned.meeting.date_evidence.by == "model:meeting-date"
    assert 0.4 <= learned.meeting.date_evidence.confidence <= 1.0
    back = Facts.from_json(json.loads(json.dumps(learned.to_json())))
    assert back.meeting == learned.meeting


def test_an_agenda_items_page_is_not_headed_by_its_body():
    text = ("Agenda item\n\nGreyford Safeguarding Adults Board - Annual Report 2023-24\n\nMinutes:\n\n"
            "The Committee considered the annual report of the Greyford Safeguarding Adults Board. "
            "The Committee noted the report.\n")
    r = rule_meeting(text, ["Greyford Safeguarding Adults Board"], rules())
    assert (r.body, r.body_by) == ("Committee", "addressed")


def test_a_web_page_headed_by_a_board_names_no_meeting():
    text = ("Greyford Safeguarding Children Partnership\n\nAbout us\n\n"
            "The partnership brings together the council, the police and health to keep children safe.\n")
    r = rule_meeting(text, ["Greyford Safeguarding Children Partnership"], rules())
    assert r.body_by != "title-line"
    assert r.date is None


def test_candidates_hold_the_answer_and_the_previous_meeting_is_marked():
    cands = date_candidates(HEADER_OVER_PREVIOUS)
    assert [c.iso for c in cands] == ["2025-03-04", "2025-02-02"]
    assert {"weekday", "time", "first_line"} <= set(cands[0].features)
    assert "cue_b=held" in cands[1].features
    bodies = [c.text for c in body_candidates(HEADER_OVER_PREVIOUS, [], None)]
    assert "Greyford Children's Panel" in bodies and "Panel" in bodies


def test_a_ranker_takes_the_most_likely_candidate_above_its_threshold():
    likes_headers = LinearModel("meeting-date", {"first_line": 3.0, "cue_b=held": -3.0}, -1.0, 0.5)
    f = extract(Document("t", HEADER_OVER_PREVIOUS), {"meeting-date": likes_headers})
    assert f.meeting.date == "2025-03-04"
    assert f.meeting.date_evidence.confidence == pytest.approx(0.881, abs=0.001)
    doubts_all = LinearModel("meeting-date", {}, -3.0, 0.5)
    assert extract(Document("t", HEADER_OVER_PREVIOUS), {"meeting-date": doubts_all}).meeting.date is None


@pytest.mark.parametrize("models", [{}, None], ids=["rules", "shipped-models"])
def test_a_held_line_broken_in_two_keeps_its_body_and_date(models):
    text = ("MINUTES OF THE MEETING OF THE GREYFORD ADULTS AND HEALTH\nSCRUTINY PANEL HELD ON 3 OCTOBER 2023\n\n"
            "Present: Councillor Ann Hale (Chair)\n\nThe Panel received the annual report of the board.\n")
    m = extract(Document("t", text), models).meeting
    assert (m.body, m.date) == ("GREYFORD ADULTS AND HEALTH SCRUTINY PANEL", "2023-10-03")


def test_minutes_from_a_meeting_head_the_page():
    text = ("Minutes from GSCP Board Meeting: 9th May 2024\n\nPresent: Ann Hale (Chair), Tom Rees\n\n"
            "The minutes of the meeting held on 8 February 2024 were agreed.\n")
    r = rule_meeting(text, [], rules())
    assert (r.body, r.body_by, r.date) == ("GSCP Board", "title-line", "2024-05-09")


def test_a_resolution_names_the_body_when_no_header_does():
    text = ("Greyford Safeguarding Children Partnership annual report\n\n"
            "The report set out the work of the partnership in 2023/24.\n\n"
            "RESOLVED: That Executive Board agree to note the contents of the annual report.\n")
    r = rule_meeting(text, ["Greyford Safeguarding Children Partnership"], rules())
    assert (r.body, r.body_by) == ("Executive Board", "resolved")
    assert extract(Document("t", text)).meeting.body == "Executive Board"


def test_a_report_cover_line_is_not_part_of_the_body():
    text = "REPORT TO THE CABINET\n\n12 March 2024\n\nPurpose of the report\nTo present the annual report.\n"
    assert extract(Document("t", text), {}).meeting.body == "CABINET"


@pytest.mark.parametrize("models", [{}, None], ids=["rules", "shipped-models"])
def test_a_meeting_of_line_and_a_cover_sheet_field_name_the_body(models):
    text = ("Meeting of Children and Young People Scrutiny Panel, Tuesday, 4th March, 2025 10.00 am (Item 5.)\n\n"
            "Greyford Safeguarding Children Partnership Annual Report\n\nMinutes:\nThe Panel received the report.\n")
    m = extract(Document("t", text), models).meeting
    assert (m.body, m.date) == ("Children and Young People Scrutiny Panel", "2025-03-04")
    cover = ("Agenda item - Greyford Safeguarding Adults Board Annual Report 2022/23\n\n"
             "Meeting: Adults and Health Select Committee\nDate: 14 December 2023\n\n"
             "The Committee considered the report. The Committee noted the report.\n")
    m = extract(Document("t", cover), models).meeting
    assert (m.body, m.date) == ("Adults and Health Select Committee", "2023-12-14")


def test_shipped_meeting_models_load():
    ms = default_models()
    assert {"meeting-date", "meeting-body"} <= set(ms)
    assert ms["meeting-date"].weights and ms["meeting-body"].weights


def test_meeting_without_models_is_the_rules_answer():
    m = extract_meeting(TITLE_THEN_GLUED_DATE, None, [], rules(), {})
    assert (m.body, m.date) == ("GREYFORD COMMUNITY SAFETY PARTNERSHIP", "2017-05-04")


def _boards(text: str) -> dict[str, str]:
    f = extract(Document("t", text), {})
    return {o.name: o.kind for o in f.organisations if o.kind not in ("agency", "council", "committee")}


@pytest.mark.parametrize("text, name, kind", [
    ("The Greyford Safeguarding Children Executive met in June.", "Greyford Safeguarding Children Executive",
     "safeguarding-children"),
    ("The Greyford Safeguarding People Partnership covers children and adults.",
     "Greyford Safeguarding People Partnership", "safeguarding-children"),
    ("The Greyford Adults and Children's Safeguarding Board agreed its plan.",
     "Greyford Adults and Children's Safeguarding Board", "safeguarding-children"),
    ("The Greyford YOT Management Board reviewed reoffending.", "Greyford YOT Management Board", "other-board"),
    ("The Greyford Domestic Abuse Forum meets quarterly.", "Greyford Domestic Abuse Forum", "other-board"),
    ("The Greyford Safer and Stronger Communities Board met.", "Greyford Safer and Stronger Communities Board",
     "community-safety"),
    ("The Cumbria and Lancashire Safeguarding Adults Board published its plan.",
     "Cumbria and Lancashire Safeguarding Adults Board", "safeguarding-adults"),
    ("The report went to the HWB in March.", "HWB", "other-board"),
])
def test_board_heads_beyond_the_core(text, name, kind):
    assert _boards(text).get(name) == kind


@pytest.mark.parametrize("text", [
    "Jo Lane, Safeguarding Adults Board Business Manager, presented the audit.",
    "The Act sets out the role of the Safeguarding Adults Boards in each area.",
    "The report of the Police, Health and Rutland Safeguarding Adults Board was noted.",
])
def test_no_board_from_titles_plurals_or_agency_lists(text):
    names = _boards(text)
    assert not any(n.startswith(("Police", "Safeguarding Adults Board Business", "Adults Board")) for n in names)
    if "Boards" in text:
        assert names == {}
    if "Business Manager" in text:
        assert names == {}


# Round 4 (issue 9): board names beyond the heads, coordinated places and pairs, and no company.
@pytest.mark.parametrize("text, name, kind", [
    ("The Greyford Early Help Partnership Board met.", "Greyford Early Help Partnership Board", "other-board"),
    ("The Greyford Reducing Reoffending Partnership Board met.", "Greyford Reducing Reoffending Partnership Board",
     "other-board"),
    ("The Safeguarding Leaders Group agreed the priorities.", "Safeguarding Leaders Group", "safeguarding-children"),
    ("The Greyford Safeguarding Adults Partnership met.", "Greyford Safeguarding Adults Partnership",
     "safeguarding-adults"),
    ("The Greyford Multi-Agency Safeguarding Partnership met.", "Greyford Multi-Agency Safeguarding Partnership",
     "safeguarding-children"),
    ("The Greyford Health and wellbeing board agreed.", "Greyford Health and wellbeing board", "other-board"),
    ("The Leicestershire and Rutland SAB met.", "Leicestershire and Rutland SAB", "safeguarding-adults"),
    ("The Greyford Safeguarding Children and Safeguarding Adults Boards met jointly.",
     "Greyford Safeguarding Adults Board", "safeguarding-adults"),
    ("The Greyford Safeguarding Children and Safeguarding Adults Boards met jointly.",
     "Greyford Safeguarding Children Board", "safeguarding-children"),
])
def test_round4_board_names(text, name, kind):
    assert _boards(text).get(name) == kind


@pytest.mark.parametrize("text", [
    "Safeguarding Board Solutions Ltd provided the training.",
    "Training came from Safeguarding Partnership Services Limited.",
    "Jo Lane, Safeguarding Board Business Manager, presented the audit.",
    "The Annual Report of the Safeguarding Children Partnership Board Solutions CIC was noted.",
    "The Safeguarding Children and Adults Boards in every area must publish a plan.",
])
def test_round4_no_board_from_companies_job_titles_or_the_kind(text):
    assert _boards(text) == {}


@pytest.mark.parametrize("models", [{}, None], ids=["rules", "shipped-models"])
def test_an_agenda_heading_beats_the_previous_minutes_put_for_approval(models):
    text = ("Agenda and draft minutes\n\nHealth and Well Being Board - Thursday, 6th March, 2025 10.00 am\n\n"
            "Venue: Room 4, Civic Centre, Greyford\n\n1.\n\nMinutes\n\nThe Minutes of the Health and Wellbeing "
            "Board meeting of 9th January 2025 are attached for approval.\n\nMinutes:\n\nThat the "
            "minutes be approved as a correct record.\n")
    r = rule_meeting(text, [], rules())
    assert (r.body, r.date, r.body_by) == ("Health and Well Being Board", "2025-03-06", "agenda-title")
    m = extract(Document("t", text), models).meeting
    assert (m.body, m.date) == ("Health and Well Being Board", "2025-03-06")


def test_minutes_of_a_named_meeting_held_on():
    text = ("GREYFORD COUNCIL ADULT SERVICES\nMINUTES OF THE GREYFORD ADULT SAFEGUARDING BOARD MEETING HELD ON "
            "TUESDAY 13 MAY 2014 PRESENT: Ann Hale, Tom Rees\n\n2. MINUTES OF THE MEETING HELD ON 25 MARCH 2014 "
            "Approved as a true record.\n")
    r = rule_meeting(text, [], rules())
    assert (r.body, r.date, r.body_by) == ("GREYFORD ADULT SAFEGUARDING BOARD", "2014-05-13", "minutes-held")
    # "minutes of the meeting held on" alone names no body
    assert rule_meeting("Minutes of the meeting held on 3 May 2019.\n", [], rules()).body is None


def test_a_committee_officer_or_room_is_no_body():
    text = ("Venue: Committee Room 6, Civic Offices\nContact: Ann Hale (Committee Officer), 01234 567890\n"
            "Minutes: The Board considered the report.\n")
    names = {c.text for c in body_candidates(text, [], None, rule_meeting(text, [], rules()))}
    assert "Committee" not in names and "Board" in names


def test_a_ratified_date_is_a_documents_date():
    text = "Greyford Partnership Agreement 2016 - ratified 28.04.16\n\nObjectives of the Board\n"
    (c,) = date_candidates(text)
    assert "cue_b=published" in c.features


def test_a_page_update_date_is_a_documents_date():
    text = "Greyford Safeguarding Children Board\n\nSerious Case Reviews\n\nPage Update 26/01/2017\n\nWhat are they?\n"
    (c,) = date_candidates(text)
    assert "cue_b=published" in c.features


def test_the_executive_director_is_no_body():
    text = ("Report of the Executive Director, Children and Learning.\n\nThe Greyford Safeguarding Children "
            "Partnership replaced the Board in 2019. The Executive Director presented the report.\n")
    names = {c.text for c in body_candidates(text, [], None, rule_meeting(text, [], rules()))}
    assert not any("Executive" in n for n in names)


@pytest.mark.parametrize("models", [{}, None], ids=["rules", "shipped-models"])
def test_an_agenda_heading_names_a_body_without_a_head_word(models):
    text = ("Agenda and minutes\n\nHealth and Wellbeing Together - Wednesday, 10th January, 2024 1.30 pm\n\n"
            "Venue: Training Room - Civic Centre, Greyford\n\nApologies for absence were received from Ann Hale.\n\n"
            "Minutes of the previous meeting - 18 October 2023\n\nThat the minutes of the last meeting, held on 18 "
            "October 2023, be confirmed. The Greyford Health and Wellbeing Board strategy was noted; for the Board to "
            "receive the annual report of the Greyford Safeguarding Board.\n")
    m = extract(Document("t", text), models).meeting
    assert (m.body, m.date) == ("Health and Wellbeing Together", "2024-01-10")


def test_a_board_heading_its_minutes_by_acronym_is_that_board():
    text = ("Minutes of the\n\nGSCB Full Board Meeting\n\n6 December 2023\n\nVenue: the town hall\n\n"
            "Greyford Safeguarding Children Board Wednesday 6 December 2023 - Attendance List\n\n"
            "Ann Hale Independent Chair, GSCB Y (Chair)\n\nThe Board agreed the business plan.\n")
    m = extract(Document("t", text), {}).meeting
    assert (m.body, m.date) == ("Greyford Safeguarding Children Board", "2023-12-06")
    # an acronym that spells out no board on the page stays as written
    other = "Minutes of the\n\nGSCB Full Board Meeting\n\n6 December 2023\n\nThe Board agreed the plan.\n"
    assert extract(Document("t", other), {}).meeting.body == "GSCB Full Board"
