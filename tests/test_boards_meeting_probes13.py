"""Boards, meeting and reviews on invented whole documents (issue 9, round 13): a cover sheet whose field
value wraps onto the next line in its own column, a summons or notice of the meeting below a letter's own
date, a job description (no meeting), a name that does not run on over a paragraph break, an acronym of
another kind's letters ("CSP" beside a Safeguarding Children Partnership), a body known locally by a brand
name, and a review's subject named by title and letter in quotes. Every text is invented (places and
people too); meeting probes are asked with the rules alone and with the shipped models."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.model import Document


def _boards(text: str) -> dict[str, list[str]]:
    f = extract(Document("t", text), {})
    return {o.name: [o.kind, *o.aliases] for o in f.organisations
            if o.kind not in ("agency", "council", "committee", "national-body")}


_MEETING: list[tuple[str, str, str | None, str | None]] = [
    # a two-column cover sheet: the value wraps under itself
    ("cover-sheet-value-wrapped", "                                          ITEM 8\n"
     "NORTHFOLD METROPOLITAN BOROUGH COUNCIL\n"
     "REPORT TO:        HEALTH AND WELLBEING\n                  BOARD\n"
     "DATE:             12 September 2025\nREPORT OF:        Director of Adult Services\n"
     "SUBJECT:          Northfold Safeguarding Adults Board Annual Report\n\n1. PURPOSE\n"
     "To present the SAB annual report.\n",
     "HEALTH AND WELLBEING BOARD", "2025-09-12"),
    ("cover-sheet-value-wrapped-mixed-case", "Westshire Council\n\n"
     "Report to:     Children and Young People\n               Scrutiny Committee\n"
     "Date:          4 March 2025\nAuthor:        Ann Lee, Safeguarding Partnership Manager\n\n"
     "Westshire Safeguarding Children Partnership annual report\n",
     "Children and Young People Scrutiny Committee", "2025-03-04"),
    # a summons under a letter's own date
    ("summons", "Date: 11 November 2025\nOur ref: DS/CAB/2025\n\nDear Councillor,\n\n"
     "You are summoned to attend a meeting of the CABINET to be held in the Council Chamber, Town Hall, "
     "Northfold on Tuesday 18 November 2025 at 10.00 am.\n\nAgenda\n"
     "7. Northfold Safeguarding Children Partnership Annual Report\n",
     "CABINET", "2025-11-18"),
    ("notice-is-hereby-given", "Issued: 2 June 2025\n\nNOTICE IS HEREBY GIVEN that a meeting of the "
     "Eastvale Health and Wellbeing Board will be held at the Civic Centre, Eastvale on Wednesday 11th June "
     "2025 at 2.00 pm.\n\nBusiness\n1. Eastvale Safeguarding Adults Board annual report\n",
     "Eastvale Health and Wellbeing Board", "2025-06-11"),
    # two fields on one line
    ("cover-sheet-two-fields-on-a-line", "Report to: Cabinet  Date of meeting: 22 July 2025\n"
     "Report of: Director of Children's Services\n"
     "Title: Westvale Safeguarding Children Partnership Annual Report 2024/25\n",
     "Cabinet", "2025-07-22"),
    # "held in <a room and a place> on <date>"
    ("minutes-held-in-a-room-on", "Westshire County Council\n\nMinutes of the Adults, Wellbeing and Health "
     "Overview and Scrutiny Committee held in Committee Room 2, County Hall, Westshire on Monday 13 October "
     "2025 at 9.30 am\n\nPresent:\nCouncillor R Hale in the Chair\n",
     "Adults, Wellbeing and Health Overview and Scrutiny Committee", "2025-10-13"),
    # the previous minutes name the body by its bare head word; the page's title by its whole name
    ("title-over-previous-minutes-bare-word", "Northfold Council\nHealth Scrutiny Panel\n"
     "Date: Thursday, 6 November 2025\nTime: 6.00 pm\nVenue: Room 1, Town Hall\n\nMinutes\n\n"
     "The minutes of the Panel held on 2 October 2025 were agreed.\n\n"
     "Northfold Safeguarding Adults Board Annual Report\nThe Panel received the annual report from the "
     "Independent Chair.\n",
     "Health Scrutiny Panel", "2025-11-06"),
    # a heading "Report to the X – <date>" below the agenda item's number (no colon)
    ("report-to-the-heading", "Agenda Item 7\nReport to the Health and Wellbeing Board – 12 March 2025\n"
     "Westshire Safeguarding Adults Board Annual Report\n",
     "Health and Wellbeing Board", "2025-03-12"),
    # a cover sheet as a table, its field names capitalised
    ("table-date-of-meeting-capitalised", "| Meeting | Children and Families Scrutiny Panel |\n"
     "| Date of Meeting | 12th March 2025 |\n| Report Title | Northfold Safeguarding Children Partnership "
     "Annual Report |\n| Lead Officer | Sam Cole |\n",
     "Children and Families Scrutiny Panel", "2025-03-12"),
    # a board's minutes with its acronym in brackets after its name
    ("minutes-of-board-with-acronym", "Minutes of the meeting of the Westshire Safeguarding Adults Board (WSAB) "
     "held virtually via Microsoft Teams on 12 March 2025\n\nAttendees: Ruth Pell (Independent Chair), "
     "Tom Ash (Westshire Council)\n",
     "Westshire Safeguarding Adults Board", "2025-03-12"),
    # "Minutes of meeting held on <date>" as a heading line under the body's title
    ("minutes-of-meeting-held-on-heading", "Eastvale Council\nScrutiny Committee (Children and Young People)\n"
     "Minutes of meeting held on 5 March 2025\n\nAttendance: Councillors Hale (Chair), Ray and Singh\n\n"
     "8. Safeguarding\nThe Committee received the annual report of the Eastvale Safeguarding Children "
     "Partnership.\n",
     "Committee", "2025-03-05"),
    # ... but not the previous minutes put to the meeting, nor an agenda's link to them
    ("previous-minutes-in-an-agenda", "Eastvale Council\nAgenda\n\n2. Minutes\nMembers are asked to agree "
     "that the Minutes of the meeting held on 5 February 2025 are accurate.\nMinutes of the meeting held on 5 February 2025 "
     "pdf icon PDF 81 KB\n",
     None, None),
    # a title line under "Minutes", a numeric date field after it
    ("title-under-minutes-numeric-date", "Minutes\nHealth and Adult Social Care Policy and Scrutiny Committee\n"
     "Date: 24/03/2025\nTime: 7pm\n\nItem 6 – Safeguarding Adults Board annual report\n"
     "The Committee welcomed Lin Hart, Independent Chair of the Westvale SAB.\n",
     "Health and Adult Social Care Policy and Scrutiny Committee", "2025-03-24"),
    # a newsletter and terms of reference under a board's name are no meetings
    ("newsletter", "Westvale Safeguarding Children Partnership\nNewsletter – Spring 2025\n\n"
     "The Partnership Executive met on 4 March 2025. The executive agreed the neglect strategy.\n"
     "Dates for your diary: Learning event, 20 May 2025.\n",
     None, None),
    ("terms-of-reference", "Terms of Reference\nNorthfold Safeguarding Adults Board\n"
     "Approved by the Board: 14 January 2025\nReview date: January 2026\n\n1. Purpose\n"
     "The Board will meet quarterly. The Board is chaired by an Independent Chair.\n",
     None, None),
    # a committee's name over an item titled "Annual Report ..." is still the meeting's body
    ("committee-over-annual-report-item", "Westvale Council\nCabinet\nAnnual Report of the Westvale Safeguarding "
     "Adults Board\n12 March 2025\n\nMinutes\nThe Cabinet noted the report.\n",
     "Cabinet", "2025-03-12"),
    # a job description is no meeting: "the board" and a post's words are no body
    ("job-description", "Job description\n\nPost: Safeguarding Board Business Manager\nGrade: PO5\n"
     "Reports to: Head of Safeguarding Partnerships, Eastvale Council\n\n"
     "The post holder will support the Independent Chair of the board and manage the Business Unit. "
     "The Safeguarding Adults Board Coordinator and the Partnership Support Officer report to the post "
     "holder.\n",
     None, None),
]


@pytest.mark.parametrize("name, text, body, date", _MEETING, ids=[p[0] for p in _MEETING])
@pytest.mark.parametrize("models", [{}, None], ids=["rules", "shipped-models"])
def test_meeting_probe(name: str, text: str, body: str | None, date: str | None, models) -> None:
    facts = extract(Document(name, text), models)
    assert (facts.meeting.body, facts.meeting.date) == (body, date)


def test_a_name_does_not_run_on_over_a_paragraph_break() -> None:
    text = ("Northfold Council - Cabinet - 15 October 2025 - Agenda Item 9\n\n"
            "Subject: Children's Services Improvement\n\n"
            "The Continuous Improvement Board has met monthly since the inspection.\n")
    assert _boards(text) == {"Continuous Improvement Board": ["other-board"]}


def test_an_article_inside_a_run_of_capitals_starts_the_name() -> None:
    text = "Report on Adult Social Care The Adult Social Care Improvement Board met in May."
    assert _boards(text) == {"Adult Social Care Improvement Board": ["other-board"]}


def test_an_acronym_of_another_kind_is_no_name_of_a_board_whose_name_says_its_kind() -> None:
    # "CSP" fits "... Children Partnership" only by a letter out of order; its letters say community safety
    text = ("Westvale Safeguarding Children Partnership\n\nIn 2024/25 the SCP completed four rapid reviews.\n"
            "The partnership has worked jointly with the Westvale CSP on exploitation.\n")
    assert _boards(text) == {"Westvale Safeguarding Children Partnership": ["safeguarding-children", "SCP"],
                             "Westvale CSP": ["community-safety"]}


def test_an_acronym_spelling_the_name_letter_for_letter_stays_its_name() -> None:
    text = ("The Eastvale Children's Safeguarding Partnership met in May. The CSP agreed its priorities.\n")
    assert _boards(text) == {"Eastvale Children's Safeguarding Partnership": ["safeguarding-children", "CSP"]}


def test_a_name_saying_no_kind_keeps_an_acronym_of_a_kind() -> None:
    # a "Safeguarding Board" says neither children nor adults: "ESAB" may be its own acronym
    text = "The Eastvale Safeguarding Board met. The ESAB annual report was received."
    assert _boards(text) == {"Eastvale Safeguarding Board": ["safeguarding-children", "ESAB"]}


@pytest.mark.parametrize("text", [
    "The Eastvale Community Safety Partnership is known locally as Be Safe Eastvale. Be Safe Eastvale has "
    "published its strategic assessment.",
    "The Eastvale Community Safety Partnership, locally known as 'Be Safe Eastvale', met in June.",
    "The Eastvale Community Safety Partnership, branded as Be Safe Eastvale, met in June.",
])
def test_a_body_known_locally_by_a_brand_takes_the_brand_as_a_name(text: str) -> None:
    assert _boards(text) == {"Eastvale Community Safety Partnership": ["community-safety", "Be Safe Eastvale"]}


@pytest.mark.parametrize("text", [
    "The Westshire Safeguarding Adults Board, known as the Board, met in June.",
    "The Westshire Safeguarding Adults Board, known as the Safeguarding Adults Board, met in June.",
    "The Westshire Safeguarding Adults Board is known as Westshire Council's board for adults.",
])
def test_no_brand_from_a_generic_name_or_a_council(text: str) -> None:
    names = _boards(text)
    assert names["Westshire Safeguarding Adults Board"][0] == "safeguarding-adults"
    assert not any("Council" in n or n in ("Board",) for v in names.values() for n in v[1:])


def _reviews(text: str) -> set[tuple[str, str | None]]:
    f = extract(Document("t", text), {})
    return {(r.kind, r.name) for r in f.reviews}


def test_a_subject_named_by_title_and_letter_in_quotes() -> None:
    text = ("Northshire and Westvale Safeguarding Adults Board\n\n"
            "During the year the board published one SAR, relating to 'Mr K', and began a second.\n")
    assert _reviews(text) == {("safeguarding-adults-review", "Mr K")}


def test_a_quoted_title_before_a_surname_is_a_person_not_a_case() -> None:
    text = "The SAR was presented by 'Mr K Bell', the reviewer.\n"
    assert ("safeguarding-adults-review", "Mr K") not in _reviews(text)


@pytest.mark.parametrize("text, want", [
    # brands built of a safety word and a place, no head word
    ("Since 2021 the Westvale Community Safety Partnership (CSP) has carried out three DHRs, one of them "
     "together with Be Safe Eastvale.",
     {"Westvale Community Safety Partnership": ["community-safety", "CSP"], "Be Safe Eastvale": ["community-safety"]}),
    ("This is the final report of the Safer Westvale Partnership as community safety will become part of the "
     "new Keeping Westvale Safe arrangements.",
     {"Safer Westvale Partnership": ["community-safety"], "Keeping Westvale Safe": ["safeguarding-children"]}),
    ("The SaferEV Partnership has developed a local process for this.", {"SaferEV Partnership": ["community-safety"]}),
    # a brand followed by its head word is the longer name, found as before
    ("Community Safety Partnership (Keeping Westvale Safe Partnership)\n\nThe Keeping Westvale Safe Partnership "
     "published its plan.",
     {"Keeping Westvale Safe Partnership": ["community-safety", "Community Safety Partnership"]}),
    # the statutory name of a community safety partnership
    ("The Eastvale Crime and Disorder Reduction Partnership (CDRP) met in June.",
     {"Eastvale Crime and Disorder Reduction Partnership": ["community-safety", "CDRP"]}),
    ("The South Westvale Community Safety Partnership is the area's CDRP. It met in June.",
     {"South Westvale Community Safety Partnership": ["community-safety", "CDRP"]}),
    ("The Eastvale Reducing Reoffending Board and the Westvale Youth Justice Partnership Board met.",
     {"Eastvale Reducing Reoffending Board": ["other-board"],
      "Westvale Youth Justice Partnership Board": ["other-board"]}),
])
def test_brands_and_statutory_names(text: str, want: dict[str, list[str]]) -> None:
    assert _boards(text) == want


@pytest.mark.parametrize("text", [
    "Keeping Children Safe in Education applies to all schools.",
    "The Keeping Eastvale Safe Strategy 2024 was agreed.",
    "Be Safe Online week ran in February. Keeping Safe sessions were held.",
    "The Be Safe Eastvale Campaign ran in May.",
])
def test_no_brand_from_guidance_campaigns_or_strategies(text: str) -> None:
    assert _boards(text) == {}


def test_a_crime_and_disorder_partnership_is_no_second_body_beside_two_others() -> None:
    # two community safety partnerships: which one the statutory name means is not said
    text = ("The Eastvale Community Safety Partnership and the Westvale Community Safety Partnership met. "
            "Each CDRP agreed its plan.")
    assert set(_boards(text)) >= {"Eastvale Community Safety Partnership", "Westvale Community Safety Partnership"}
    assert not any("CDRP" in v for v in _boards(text).values())


@pytest.mark.parametrize("text, want", [
    ("The review of Siblings A and B was published in November.", {("case-review", "Siblings A and B")}),
    ("Three reviews were commissioned by the Partnership following notifications to the national Panel.",
     {("case-review", None)}),
    ("Westvale Safeguarding Adults Board\n\nThe Board completed two reviews in the year.", {("case-review", None)}),
    # counted reviews of a topic of their own, and reviews counted but not done, are no case reviews
    ("Three reviews of the council's budget were published.", set()),
    ("Three reviews were planned by the finance team.", set()),
])
def test_reviews_counted_and_siblings_named(text: str, want: set[tuple[str, str | None]]) -> None:
    assert _reviews(text) == want


@pytest.mark.parametrize("text, want", [
    ("The Safeguarding Adults Board of Westvale and Eastvale met on 3 May.",
     {"Safeguarding Adults Board of Westvale and Eastvale": ["safeguarding-adults"]}),
    ("The chair of the Safeguarding Children Partnership of Westshire, Eastvale and Northfold reported.",
     {"Safeguarding Children Partnership of Westshire, Eastvale and Northfold": ["safeguarding-children"]}),
    # no area: trustees, a council, a possessive that goes on
    ("The Safeguarding Adults Board of Trustees met.", {"Safeguarding Adults Board": ["safeguarding-adults"]}),
    ("The terms of reference of the Safeguarding Adults Board of Eastvale Council were agreed.",
     {"Safeguarding Adults Board": ["safeguarding-adults"]}),
    ("The Independent Chair of the Safeguarding Adults Board of England's largest county spoke.",
     {"Safeguarding Adults Board": ["safeguarding-adults"]}),
])
def test_a_boards_area_after_of(text: str, want: dict[str, list[str]]) -> None:
    assert _boards(text) == want


def test_a_kinds_acronym_names_the_body_of_its_kind_where_two_spell_it() -> None:
    # "CSP" spells "Children's Safeguarding Partnership" and "Community Safety Partnership" alike
    text = ("Westshire Children's Safeguarding Partnership\nAnnual Report 2024-25\n\n"
            "The WCSP continued to develop its arrangements. The Partnership works with the Westshire Community "
            "Safety Partnership. We contributed to a Domestic Homicide Review commissioned by the CSP.\n")
    got = _boards(text)
    assert got["Westshire Children's Safeguarding Partnership"] == ["safeguarding-children", "WCSP"]
    assert got["Westshire Community Safety Partnership"] == ["community-safety", "CSP"]


@pytest.mark.parametrize("text, want", [
    ("Safer Eastvale Together is the multi-agency partnership that brings together the Eastvale Safeguarding "
     "Children Partnership and the Eastvale Safeguarding Adults Board.",
     {"Safer Eastvale Together": ["safeguarding-children"],
      "Eastvale Safeguarding Children Partnership": ["safeguarding-children"],
      "Eastvale Safeguarding Adults Board": ["safeguarding-adults"]}),
    ("Keeping Westvale Safer is the statutory community safety partnership for Westvale.",
     {"Keeping Westvale Safer": ["community-safety"]}),
    ("Northfold Together is the joint safeguarding partnership for children and adults.",
     {"Northfold Together": ["safeguarding-children"]}),
    # a board, a council, an article: no brand
    ("The Westvale Safeguarding Adults Board is the statutory partnership for adults. Eastvale Council is the "
     "local partnership lead. The Board is the multi-agency partnership.",
     {"Westvale Safeguarding Adults Board": ["safeguarding-adults"]}),
])
def test_a_name_the_page_says_is_the_partnership(text: str, want: dict[str, list[str]]) -> None:
    assert _boards(text) == want


def test_an_annual_reports_title_is_no_meeting_when_the_chair_is_pleased_to_present_it() -> None:
    text = ("Westshire Children's Safeguarding Partnership\nAnnual Report 2024-25\n\n"
            "Foreword from the Independent Chair\n\nI am pleased to present this year's report.\n")
    facts = extract(Document("t", text), None)
    assert (facts.meeting.body, facts.meeting.date) == (None, None)


@pytest.mark.parametrize("text, want", [
    ("A SAR was commissioned following the death of Mr D.", {("safeguarding-adults-review", "Mr D")}),
    ("A SAR was commissioned following the death of Mr D. It reported in May.",
     {("safeguarding-adults-review", "Mr D")}),
    ("The partnership completed a local learning review into the case of 'Sam' (aged 15).", {("case-review", "Sam")}),
    # an initial before a surname is a person's
    ("The SAR was written by Mr B. Jones, an independent reviewer.", {("safeguarding-adults-review", None)}),
])
def test_case_names_after_a_title_or_in_quotes(text: str, want: set[tuple[str, str | None]]) -> None:
    assert _reviews(text) == want


@pytest.mark.parametrize("text, want", [
    ("The Westvale Children and Young People's Safeguarding Partnership (WCYPSP) met.",
     {"Westvale Children and Young People's Safeguarding Partnership": ["safeguarding-children", "WCYPSP"]}),
    ("The Eastvale Safeguarding Partnership for Children and Adults (ESPCA) met.",
     {"Eastvale Safeguarding Partnership for Children and Adults": ["safeguarding-children", "ESPCA"]}),
    ("The Westvale Safeguarding Partnership for Adults met.",
     {"Westvale Safeguarding Partnership for Adults": ["safeguarding-adults"]}),
    ("The Safeguarding Adults Board for Adults at Risk met.",
     {"Safeguarding Adults Board for Adults at Risk": ["safeguarding-adults"]}),
])
def test_whom_a_board_is_for_is_part_of_its_name(text: str, want: dict[str, list[str]]) -> None:
    assert _boards(text) == want
