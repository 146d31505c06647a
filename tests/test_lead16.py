"""Shapes the lead found in session 16 (issue 9: three new blind rounds, written without sight of the
extractor). Each probe fails without its fix; the negatives guard what must not change."""

from __future__ import annotations

from fact_probes import chairs_of
from test_partners import _partners

from kg.extract.pipeline import extract
from kg.model import Document


def _meeting(text: str) -> tuple[str | None, str | None]:
    m = extract(Document("t", text)).meeting
    return m.body, m.date


# --- meeting: pages that hold no meeting (guards: the rankers now also learn from the invented corpora),
# and a resolution naming a body with "and" ---

def test_a_news_item_about_a_new_chair_holds_no_meeting() -> None:
    text = ("News\n\nNew Independent Chair for the Ashgrove Safeguarding Adults Board\n\n"
            "Posted on 12 May 2024 by Ashgrove Safeguarding Adults Board\n\n"
            "The Ashgrove Safeguarding Adults Board is pleased to announce that Tamsin Orrell has been appointed as "
            "its Independent Chair. Tamsin has worked in adult social care for many years. The Board thanked "
            "its outgoing chair for six years of service. The Board will publish its strategic plan in the "
            "summer, and the Board's annual report will go to the Health and Wellbeing Board in the autumn.\n")
    assert _meeting(text) == (None, None)


def test_an_annual_reports_contents_page_holds_no_meeting() -> None:
    text = ("Ashgrove Safeguarding Children Partnership Annual Report 2022-23\n\nContents\n"
            "1. Foreword from the Independent Scrutineer ........ 3\n2. About the partnership ........ 4\n"
            "3. Our priorities ........ 6\n\nForeword\n\nThis report sets out what the partnership has done. "
            "The partnership reports to the Health and Wellbeing Board each year. The Board met four times. "
            "The Board agreed three priorities: neglect, exploitation and early help.\n")
    assert _meeting(text)[0] is None


def test_a_recommendation_to_a_body_whose_name_holds_and_names_the_body() -> None:
    text = ("Ashgrove Safeguarding Adults Board annual report\n\nSummary of the report.\n\n"
            "Recommendation: That the Health and Wellbeing Board notes the report.\n")
    assert _meeting(text)[0] == "Health and Wellbeing Board"


def test_minutes_still_name_their_meeting() -> None:
    text = ("Ashgrove Cabinet\n\nMinutes of the meeting held on 9 October 2024\n\nPresent: Councillors "
            "Ravi Okafor (Chair), Lena Hurst\n\nThe Cabinet received the annual report of the Ashgrove "
            "Safeguarding Children Partnership. The Cabinet noted the report.\n")
    assert _meeting(text) == ("Ashgrove Cabinet", "2024-10-09")


# --- chairs ---

def _minutes(heading: str, kind: str = "Minutes") -> str:
    """A board's or committee's own minutes up to the attendance: its heading and the meeting line."""
    return f"{heading}\n{kind} of the meeting held on 5 March 2024\n\n"


_OWN = ("ASHGROVE SAFEGUARDING CHILDREN PARTNERSHIP\nMinutes of the Partnership meeting held on 5 March 2024\n\n"
        "Present:\n")


def test_a_co_chair_mark_after_a_long_title_column_is_the_boards_chair() -> None:
    text = _OWN + ("Delia Marchetti | Director of Children's Services (Co-Chair) | Ashgrove Council | Present\n"
                   "Det Supt Owain Pryce | Head of Public Protection and Safeguarding (Co-Chair) | Ashgrove Police "
                   "| Present\nGeeta Lall | Designated Nurse | Ashgrove ICB | Present\n\n"
                   "1. Welcome\nThe Co-Chairs welcomed members.\n")
    assert chairs_of(text) == {("Delia Marchetti", "ASHGROVE SAFEGUARDING CHILDREN PARTNERSHIP"),
                               ("Owain Pryce", "ASHGROVE SAFEGUARDING CHILDREN PARTNERSHIP")}


def test_a_sub_groups_bracketed_chair_is_no_boards_chair() -> None:
    text = _OWN + ("Delia Marchetti, Independent Chair\nGeeta Lall, Designated Nurse\n\n"
                   "4. Sub-group reports\nExploitation and Missing Sub-Group (Chair: Det Insp Fergus Lyle, "
                   "Ashgrove Police): 31 children were discussed at the panel this quarter.\n")
    assert chairs_of(text) == {("Delia Marchetti", "ASHGROVE SAFEGUARDING CHILDREN PARTNERSHIP")}


def test_the_chair_of_a_youth_council_is_no_boards_chair() -> None:
    text = (_minutes("SAFER ASHGROVE PARTNERSHIP BOARD") + "Present:\n"
            "Cllr Ravi Okafor - Chair, Safer Ashgrove Partnership Board\n"
            "Priya Castell - Chair, Ashgrove Youth Council (item 4)\n\n"
            "4. Youth survey\nPriya Castell presented the survey.\n")
    assert chairs_of(text) == {("Ravi Okafor", "Safer Ashgrove Partnership Board")}


def test_a_deputy_chair_who_was_in_the_chair_chaired_the_board() -> None:
    text = (_minutes("ASHGROVE SAFEGUARDING ADULTS BOARD") + "Present:\n"
            "Dr Hal Morven, Deputy Chair, ASAB\nGeeta Lall, Designated Nurse\n\nApologies: Professor Ines Vale "
            "(Independent Chair)\n\n1. Welcome\nIn the absence of Professor Vale, Dr Hal Morven (Deputy Chair) "
            "was in the Chair.\n")
    assert ("Hal Morven", "ASHGROVE SAFEGUARDING ADULTS BOARD") in chairs_of(text)


def test_a_council_scrutiny_officer_is_no_scrutineer() -> None:
    text = (_minutes("Ashgrove Council\nAdults Scrutiny Panel") +
            "ALSO PRESENT: Rhoda Fenn (Independent Chair, Ashgrove Safeguarding Adults Board); Milo Dace "
            "(Head of Adult Safeguarding); Tobias Wray (Senior Scrutiny Officer).\n\n"
            "The Panel received the annual report of the Ashgrove Safeguarding Adults Board.\n")
    assert chairs_of(text) == {("Rhoda Fenn", "Ashgrove Safeguarding Adults Board")}


def test_it_is_chaired_by_after_a_sentence_naming_no_board_is_the_pages_board() -> None:
    text = ("Ashgrove Safeguarding Partnership\n\nAbout > Our structure\n\nThe Ashgrove Safeguarding Partnership "
            "(ASP) is an all-age partnership. Since 2021 it has carried out the work of the children's "
            "arrangements and the former Ashgrove Safeguarding Adults Board.\n\nPartnership Board\n\n"
            "The Partnership Board is the senior decision-making body. It is chaired by the Independent Chair, "
            "Selma Grint, and meets quarterly.\n")
    assert chairs_of(text) == {("Selma Grint", "Ashgrove Safeguarding Partnership")}


def test_she_chairs_after_a_sentence_opened_by_her_name() -> None:
    text = ("The Ashgrove Safeguarding Children Partnership has appointed Lorna Vickery as its Independent Chair. "
            "Lorna succeeds Basil Otway, who has chaired the partnership since 2019.\n\n"
            "Lorna is a social worker with long experience in children's services. She currently chairs the "
            "Dunmere Safeguarding Adults Board, a role she will keep.\n")
    assert chairs_of(text) == {("Lorna Vickery", "Ashgrove Safeguarding Children Partnership"),
                               ("Basil Otway", "Ashgrove Safeguarding Children Partnership"),
                               ("Lorna Vickery", "Dunmere Safeguarding Adults Board")}


def test_she_after_a_sentence_naming_two_people_is_nobodys() -> None:
    text = ("The Ashgrove Safeguarding Children Partnership met on 4 May.\n\n"
            "Lorna Vickery thanked Basil Otway for his report. She currently chairs the Dunmere Safeguarding "
            "Adults Board.\n")
    assert ("Basil Otway", "Dunmere Safeguarding Adults Board") not in chairs_of(text)
    assert ("Lorna Vickery", "Dunmere Safeguarding Adults Board") not in chairs_of(text)


# --- a joint meeting of two boards: the members present are both boards' ---

_JOINT = ("Ashgrove Safeguarding Adults Board and Ashgrove Safeguarding Children Partnership\n"
          "JOINT BOARD MEETING - NOTES\nDate: Tuesday 4th June 2024\n\nPresent:\n"
          "Dr Lionel Brack (LB) - Independent Chair, Ashgrove Safeguarding Adults Board\n"
          "Hester Quayle (HQ) - Independent Scrutineer, Ashgrove Safeguarding Children Partnership\n"
          "Wendy Fairlie (WF) - Director of Adult Services, Ashgrove Borough Council\n"
          "DCI Rory Hale (RH) - Head of Safeguarding, Ashgrove Police\n"
          "Sunil Dev (SD) - Chief Nurse, Ashgrove Integrated Care Board\n"
          "Carys Moon (CM) - Area Manager, Ashgrove Fire and Rescue Service\n\n"
          "Item 1 Welcome\nLB and HQ welcomed members to the first joint meeting of the two boards.\n")


def _partner_pairs(text: str) -> set[tuple[str, str]]:
    return {(board, sector) for board, sectors in _partners(text).items() for sector in sectors}


def test_a_joint_meetings_attendance_makes_partners_of_both_boards() -> None:
    pairs = _partner_pairs(_JOINT)
    for board in ("Ashgrove Safeguarding Adults Board", "Ashgrove Safeguarding Children Partnership"):
        assert {(board, s) for s in ("local-authority", "police", "health", "fire-and-rescue")} <= pairs


def test_a_joint_meetings_body_is_one_of_its_boards() -> None:
    assert _meeting(_JOINT) in (("Ashgrove Safeguarding Adults Board", "2024-06-04"),
                                ("Ashgrove Safeguarding Children Partnership", "2024-06-04"))


def test_a_board_meeting_that_is_not_joint_gives_its_attendance_to_its_own_board_only() -> None:
    text = _JOINT.replace("JOINT BOARD MEETING", "BOARD MEETING").replace(
        "the first joint meeting of the two boards", "the meeting")
    pairs = _partner_pairs(text)
    assert not any(board == "Ashgrove Safeguarding Children Partnership" and s == "fire-and-rescue"
                   for board, s in pairs)


def test_chaired_in_the_interim_by_a_post_then_the_name() -> None:
    text = ("The Ashgrove Local Safeguarding Children Board met six times in 2018-19. Its Independent Chair "
            "stepped down in March 2019; the Board was chaired in the interim by the Director of Children's "
            "Services, Yara Iqra.")
    assert ("Yara Iqra", "Ashgrove Local Safeguarding Children Board") in chairs_of(text)


def test_agreed_to_be_the_first_chair_after_the_persons_own_post() -> None:
    text = ("The Ashgrove Safeguarding Children Board (ASCB) will be chaired by a senior officer. Following "
            "discussion with partners, Dr Meirion Vose, Executive Director of Nursing at Ashgrove Health Board, "
            "has agreed to be the first Chair of the ASCB.")
    assert chairs_of(text) == {("Meirion Vose", "Ashgrove Safeguarding Children Board")}


def test_who_had_chaired_the_partnership_is_the_partnership_the_sentence_named() -> None:
    text = ("The Cabinet received the annual report of the Ashgrove Local Safeguarding Children Board. The "
            "Leader reported that Councillor Hal Penrose had been elected Chairman of the Ashgrove Community "
            "Safety Partnership, and thanked Councillor Whitby, who had chaired the Partnership for two years.")
    assert chairs_of(text) == {("Hal Penrose", "Ashgrove Community Safety Partnership"),
                               ("Whitby", "Ashgrove Community Safety Partnership")}


def test_a_vice_chairman_who_had_chaired_the_board_chaired_it() -> None:
    text = ("The Cabinet received the annual report of the Ashgrove Local Safeguarding Children Board (ALSCB). "
            "He thanked Detective Superintendent Ivo Crane, the Vice-Chairman of the ALSCB, who had chaired "
            "the Board between May and August 2010.")
    assert ("Ivo Crane", "Ashgrove Local Safeguarding Children Board") in chairs_of(text)


# --- from the rounds written last (r25-r27), fixed after their first sight ---

def test_a_co_chair_in_a_rows_last_cell() -> None:
    text = (_minutes("ASHGROVE DOMESTIC ABUSE PARTNERSHIP BOARD", "Notes") + "Present:\n"
            "Cllr Tilda Marsh | Cabinet Member for Communities, Ashgrove City Council | Co-Chair\n"
            "Mira Fenn | Head of Community Safety, Ashgrove City Council |\n\n1. Welcome\nThe Co-Chair welcomed "
            "members.\n")
    assert ("Tilda Marsh", "ASHGROVE DOMESTIC ABUSE PARTNERSHIP BOARD") in chairs_of(text)


def test_a_co_chair_mark_before_the_persons_other_post() -> None:
    text = ("Ashgrove Health and Wellbeing Board\nMinutes of the meeting held on 25 September 2019\n\n"
            "Present: Councillor Ada Hale (Co-Chair, in the Chair), Dr Ravi Oduya (Co-Chair, Clinical Chair, NHS "
            "Ashgrove Clinical Commissioning Group), Shona Pell (Director of Adult Social Services)\n\n"
            "1. Minutes\nThe minutes were agreed.\n")
    assert chairs_of(text) == {("Ada Hale", "Ashgrove Health and Wellbeing Board"),
                               ("Ravi Oduya", "Ashgrove Health and Wellbeing Board")}


def test_the_vice_chair_named_between_commas_chaired_the_meeting() -> None:
    text = (_minutes("ASHGROVE SAFEGUARDING ADULTS BOARD") + "Present: Sian "
            "Kerr (Vice-Chair), Anil Mistry, Deb Fane\n\n1. Welcome\nIn the absence of the Independent Chair, the "
            "Vice-Chair, Sian Kerr, chaired the meeting. Apologies were noted.\n")
    assert ("Sian Kerr", "ASHGROVE SAFEGUARDING ADULTS BOARD") in chairs_of(text)


def test_taken_over_the_chair_from_makes_the_one_before_a_former_chair() -> None:
    text = ("The Cabinet received the annual report of the Ashgrove Safeguarding Children Partnership. Detective "
            "Superintendent Gil Lowe, the Chair of the Ashgrove Safeguarding Children Partnership, said that he "
            "had taken over the chair from Matt Gorran in April 2021.")
    assert chairs_of(text) == {("Gil Lowe", "Ashgrove Safeguarding Children Partnership"),
                               ("Matt Gorran", "Ashgrove Safeguarding Children Partnership")}
