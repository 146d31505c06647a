"""Shapes the lead found in session 15 (issue 9: nine new blind rounds, written without sight of the
extractor). Each probe fails without its fix; the negatives guard what must not change."""

from __future__ import annotations

from fact_probes import boards_of, chairs_of, people_of
from test_partners import _partners

from kg.extract.pipeline import extract
from kg.model import Document

_THREE_BOARDS = ("Wrenfield Safeguarding Partnerships\n\n"
                 "The Wrenfield Safeguarding Adults Board (WSAB) is the statutory board for adults. Its members are "
                 "the council, the police and the ICB.\n\n"
                 "The Wrenfield Safeguarding Children Partnership (WSCP) is led by the three safeguarding partners. ")


def test_a_scrutineer_whose_sentence_names_no_board_is_the_childrens_partnerships() -> None:
    # the page's main board is the adults' board; independent scrutineers belong to the 2019 partnerships
    text = _THREE_BOARDS + "Independent scrutiny is provided by Mr Oswin Tallis."
    assert chairs_of(text) == {("Oswin Tallis", "Wrenfield Safeguarding Children Partnership")}


def test_a_scrutineer_goes_to_the_new_partnership_not_the_replaced_board() -> None:
    text = ("The Committee received the final report of the Wrenfield Local Safeguarding Children Board, which "
            "was replaced by the Wrenfield Safeguarding Children Partnership in September 2019. Mr Alder said "
            "the partners had appointed an independent scrutineer, Dr Maren Holt, who would report next spring.")
    assert chairs_of(text) == {("Maren Holt", "Wrenfield Safeguarding Children Partnership")}


def test_an_independent_chair_with_no_partnership_on_the_page_stays_the_main_boards() -> None:
    text = ("The Wrenfield Safeguarding Adults Board met on 4 May. Independent scrutiny is provided by "
            "Mr Oswin Tallis.")
    assert chairs_of(text) == {("Oswin Tallis", "Wrenfield Safeguarding Adults Board")}


def test_a_group_chaired_by_someone_is_the_groups_chair_not_the_boards() -> None:
    text = ("The Cabinet received the Wrenfield Safeguarding Children Partnership annual report. Schools were "
            "represented on the Partnership's education reference group, chaired by Headteacher Susan Moorcroft.")
    assert chairs_of(text) == set()


def test_the_board_chaired_by_someone_still_counts() -> None:
    text = ("The Cabinet received the Wrenfield Safeguarding Children Partnership annual report. The Partnership, "
            "chaired by Ilse Moorcroft, met six times.")
    assert chairs_of(text) == {("Ilse Moorcroft", "Wrenfield Safeguarding Children Partnership")}


_CABINET = ("Wrenfield Borough Council\nCabinet\nMinutes of the meeting held on 14 March 2024\n\n"
            "Present: Councillors Daria Pell, Conrad Iver and Nell Ashby\n\n")


def test_in_the_chair_at_a_cabinet_meeting_is_no_boards_chair() -> None:
    text = _CABINET + ("1. Announcements\nThe Leader, Councillor Daria Pell, who was in the Chair, announced "
                       "that its apprenticeship scheme had won an award.\n\n"
                       "2. Wrenfield Safeguarding Children Partnership Annual Report\nThe Cabinet noted the "
                       "report of the Wrenfield Safeguarding Children Partnership.")
    assert chairs_of(text) == set()


def test_the_committee_chair_welcoming_a_boards_co_chairs_is_not_one_of_them() -> None:
    text = ("Wrenfield Children's Services Scrutiny Panel\nMinutes of the meeting held on 8 July 2024\n\n"
            "4. Annual report\nThe Chair, Councillor Daria Pell, welcomed the co-chairs of the Wrenfield "
            "Safeguarding Children Partnership (WSCP), Mr Conrad Iver and Ms Nell Ashby.")
    assert ("Daria Pell", "Wrenfield Safeguarding Children Partnership") not in chairs_of(text)


def test_the_chair_at_a_boards_own_meeting_is_still_its_chair() -> None:
    text = ("Wrenfield Safeguarding Adults Board\nMinutes of the meeting held on 8 July 2024\n\n"
            "Present: Daria Pell (Independent Chair), Conrad Iver (Police)\n\n"
            "1. Welcome\nThe Chair, Daria Pell, welcomed members.")
    assert chairs_of(text) == {("Daria Pell", "Wrenfield Safeguarding Adults Board")}


def test_whose_independent_chair_then_the_name_is_the_board_before_whose() -> None:
    text = ("The Wrenfield Safeguarding Children Partnership works with the Wrenfield Safeguarding Adults Board, "
            "whose Independent Chair Ruth Ingle also sits on the partnership's executive.")
    assert chairs_of(text) == {("Ruth Ingle", "Wrenfield Safeguarding Adults Board")}


def test_it_opening_a_sentence_is_the_board_the_sentence_before_named() -> None:
    text = _THREE_BOARDS + ("Its independent scrutineer is Dr Maren Holt.\n\nSafer Wrenfield Partnership\n\n"
                            "Safer Wrenfield Partnership is the Community Safety Partnership for the borough. It "
                            "is co-chaired by Superintendent Ilse Moorcroft and Conrad Iver.")
    chairs = chairs_of(text)
    assert ("Ilse Moorcroft", "Safer Wrenfield Partnership") in chairs
    assert ("Conrad Iver", "Safer Wrenfield Partnership") in chairs
    assert not any(board == "Wrenfield Safeguarding Adults Board" for _, board in chairs)


def test_a_venue_and_an_association_are_no_people() -> None:
    text = ("Venue: Room 2, Wrenfield Town Hall, Victoria Square, Wrenfield.\n\n"
            "Present:\nConrad Iver - Chair, Wrenfield Neighbourhood Watch Association\n"
            "Nell Ashby - Clinical Director, Wrenfield Place, NHS Brightwater ICB\n")
    people = people_of(text)
    assert "Victoria Square" not in people
    assert "Wrenfield Neighbourhood" not in people
    assert "Wrenfield Place" not in people
    assert {"Conrad Iver", "Nell Ashby"} <= people


def test_an_acronym_defined_in_brackets_is_the_defining_boards_only() -> None:
    # "FSP" fits "Safer Fenwick Partnership" with a letter out of order; the page defines it for the other
    text = ("Councillor Ruth Ingle declared a grant from the Safer Fenwick Partnership.\n\n"
            "Mr Conrad Iver, Interim Independent Chair of the Fenwick Safeguarding Partnership (FSP), presented "
            "the report. The FSP had published one practice review.")
    aliases = {o.name: o.aliases for o in extract(Document("t", text)).organisations}
    assert aliases["Fenwick Safeguarding Partnership"] == ("FSP",)
    assert aliases["Safer Fenwick Partnership"] == ()


def test_a_boards_acronym_and_a_bare_head_is_that_boards_meeting_not_another_board() -> None:
    text = ("RSCP Partnership Board minutes 16 January 2025\n\n"
            "Wrenfield Safeguarding Children Partnership (RSCP)\n\n"
            "Present: Ruth Ingle, Independent Chair, RSCP (Chair); Conrad Iver, Wrenfield Police\n")
    assert set(boards_of(text)) == {"Wrenfield Safeguarding Children Partnership"}


_SCRUTINY = ("Wrenfield County Council\nHealth and Adult Social Care Scrutiny Committee - Wednesday 6 March 2024\n\n"
             "15.\n\nWrenfield Safeguarding Adults Board Annual Report\n\n"
             "Mr Conrad Iver, Independent Chair of the Wrenfield Safeguarding Adults Board, presented the report. "
             "The Board had three statutory members: the County Council, Wrenfield Constabulary and the ICB.\n\n"
             "16.\n\nDomestic Abuse Partnership Board - Annual Update\n\n"
             "Councillor Ruth Ingle said the Wrenfield Domestic Abuse Partnership Board had been set up in 2021.\n\n"
             "The Board's members included the district councils, Wrenfield Constabulary, the Probation Service and "
             "three domestic abuse charities.\n")


def test_the_board_in_an_agenda_item_about_another_board_is_that_board() -> None:
    partners = _partners(_SCRUTINY)
    assert {"probation", "voluntary-sector", "police"} <= partners["Wrenfield Domestic Abuse Partnership Board"]
    assert "probation" not in partners["Wrenfield Safeguarding Adults Board"]
    assert {"local-authority", "police", "health"} <= partners["Wrenfield Safeguarding Adults Board"]


_SECTIONS = ("Our Boards\n\nWrenfield has three boards: the Wrenfield Safeguarding Adults Board (WSAB), the Wrenfield "
             "Safeguarding Children Partnership (WSCP) and the Wrenfield Domestic Abuse Partnership Board.\n\n"
             "Wrenfield Safeguarding Adults Board\nThe WSAB is led by its Independent Chair. Its statutory members "
             "are Wrenfield Council, the ICB and Wrenfield Police.\n\n"
             "Wrenfield Safeguarding Children Partnership\nThe WSCP is led by the three safeguarding partners. "
             "Relevant agencies include schools and colleges, the Youth Justice Service and Cafcass.\n\n"
             "Wrenfield Domestic Abuse Partnership Board\nThe Board reports to the Health and Wellbeing Board. "
             "Members include the Council's housing service, the ICB, police and domestic abuse charities.\n")


def test_a_list_under_a_boards_section_heading_is_that_boards() -> None:
    partners = _partners(_SECTIONS)
    assert "housing" in partners["Wrenfield Domestic Abuse Partnership Board"]
    assert {"education", "youth-justice"} <= partners["Wrenfield Safeguarding Children Partnership"]
    assert not {"housing", "education", "youth-justice"} & partners["Wrenfield Safeguarding Adults Board"]


def test_a_web_page_that_names_the_health_and_wellbeing_board_records_no_meeting() -> None:
    meeting = extract(Document("t", _SECTIONS)).meeting
    assert meeting.body is None


_OWN = ("Wrenfield Safeguarding Children Partnership\nExecutive meeting notes, 9 May 2024\n\nPresent:\n")


def test_chair_for_this_meeting_in_a_boards_own_attendance_list_is_its_chair() -> None:
    text = _OWN + ("Dr Ruth Ingle - Chief Nurse, Wrenfield ICB (Chair for this meeting)\n"
                   "Conrad Iver - Detective Superintendent, Wrenfield Police\n")
    assert chairs_of(text) == {("Ruth Ingle", "Wrenfield Safeguarding Children Partnership")}


def test_the_chair_of_an_association_in_a_boards_attendance_list_is_not_the_boards() -> None:
    text = _OWN + ("Dr Ruth Ingle - Chief Nurse, Wrenfield ICB (Chair)\n"
                   "Conrad Iver - Chair, Wrenfield Tenants Association\n")
    assert chairs_of(text) == {("Ruth Ingle", "Wrenfield Safeguarding Children Partnership")}


def test_meetings_chaired_by_the_vice_chair_make_the_vice_chair_their_chair() -> None:
    text = ("The Wrenfield Safeguarding Children Board's Independent Chair post became vacant in May. Until it is "
            "filled, the Board's meetings are chaired by the Vice-Chair, Dr Ruth Ingle, a consultant paediatrician.")
    assert chairs_of(text) == {("Ruth Ingle", "Wrenfield Safeguarding Children Board")}


def _themes(text: str) -> set[str]:
    return {t.theme for t in extract(Document("t", text)).themes}


def test_a_theme_cue_wrapped_over_two_lines_is_still_read() -> None:
    # a page hard-wrapped at one width, a list item's second line indented under its first: the cue's words
    # stand across the break and the indent (joined back into one sentence, several spaces between them)
    text = ("Our priorities for 2024-2027 were agreed by the three safeguarding partners after a workshop in\n"
            "the spring with practitioners, and each priority has a lead from one of the partner agencies who\n"
            "reports progress to every meeting of the partnership. Our priorities for the coming years are:\n\n"
            "  1. Transition - young people with care and support needs who move from children's to adult\n"
            "     services experience a planned handover, and no young person is left without support at 18.\n")
    assert "transition-to-adulthood" in _themes(text)


def test_moving_into_adulthood_is_transition() -> None:
    text = ("A joint workstream with the children's partnership is looking at young people with care and support "
            "needs moving into adulthood, so that there is no gap in support.")
    assert "transition-to-adulthood" in _themes(text)


def test_a_housing_company_named_x_homes_is_the_housing_sector() -> None:
    text = ("The Wrenfield Safeguarding Adults Board's members are Wrenfield Council, Wrenfield Police, the ICB, "
            "Wrenfield Fire and Rescue Service and Wrenfield Homes.")
    assert "housing" in _partners(text)["Wrenfield Safeguarding Adults Board"]


def test_care_homes_are_no_housing_company() -> None:
    text = ("The Wrenfield Safeguarding Adults Board's members are Wrenfield Council, Wrenfield Police and the ICB. "
            "The Board reviewed concerns about Nursing Homes and Care Homes in the borough.")
    assert "housing" not in _partners(text)["Wrenfield Safeguarding Adults Board"]


def test_a_councils_head_of_housing_in_a_boards_attendance_gives_housing() -> None:
    text = ("Wrenfield Safeguarding Adults Board\nMinutes of the meeting held on 4 March 2024\n\nPresent:\n"
            "Ruth Ingle (RI) - Independent Chair\n"
            "Conrad Iver (CI) - Head of Housing Options, Wrenfield Borough Council\n"
            "Nell Ashby (NA) - Detective Inspector, Wrenfield Police\n")
    assert {"housing", "local-authority", "police"} <= _partners(text)["Wrenfield Safeguarding Adults Board"]


def test_co_chaired_by_the_partners_then_a_list_makes_each_a_chair() -> None:
    text = ("The Cabinet received the Wrenfield Safeguarding Partnership annual report. The Partnership was "
            "co-chaired by the three statutory safeguarding partners: Ruth Ingle (Executive Director of Children, "
            "Families and Adults, Wrenfield Council), Detective Chief Superintendent Conrad Iver (Wrenfield Police) "
            "and Nell Ashby (Chief Nurse, NHS Wrenfield Integrated Care Board).")
    assert chairs_of(text) == {(name, "Wrenfield Safeguarding Partnership")
                               for name in ("Ruth Ingle", "Conrad Iver", "Nell Ashby")}


def test_which_is_the_community_safety_partnership_is_no_second_board() -> None:
    text = ("The Wrenfield Safeguarding Adults Board worked with the Safer Wrenfield Partnership, which is the "
            "Community Safety Partnership for the borough, on a domestic homicide review.")
    assert set(boards_of(text)) == {"Wrenfield Safeguarding Adults Board", "Safer Wrenfield Partnership"}


def test_an_attendance_table_headed_attendance_initials_agency_gives_the_boards_partners() -> None:
    text = ("Wrenfield Safeguarding People Partnership\nStrategic Board - Minutes\n\nDate: 17 October 2024\n\n"
            "Meeting Attendance   Initials   Agency   18.4.24   11.7.24\n"
            "Chair   RI   Independent   Y   Y\n"
            "LA   CI   Wrenfield Council - Director of Children's Services   Y   Y\n"
            "Police   NA   Wrenfield Police   Y   A\n"
            "Education   TP   Secondary Heads Association   Y   N\n\n"
            "1. Welcome and apologies\nRI welcomed members.\n")
    for models in ({}, None):  # the rules alone read the table as the board's attendance, and the shipped models
        assert {"local-authority", "police"} <= _partners(text, models)["Wrenfield Safeguarding People Partnership"]


def test_a_co_chair_in_a_boards_own_attendance_list_is_its_chair() -> None:
    text = ("SAFER WRENFIELD PARTNERSHIP\nStrategic Board - Minutes\nDate: Wednesday 17 May 2023\n\nPresent:\n"
            "Cllr Ruth Ingle - Co-Chair, Cabinet Member for Communities, Wrenfield District Council\n"
            "Supt Conrad Iver - Co-Chair, District Commander, Wrenfield Police\n"
            "Nell Ashby - Head of Community Services, Wrenfield District Council\n")
    assert {name for name, _ in chairs_of(text)} == {"Ruth Ingle", "Conrad Iver"}


def test_chaired_on_an_interim_basis_by() -> None:
    text = ("The Wrenfield Safeguarding Adults Board's Independent Chair left in the autumn. Since then the Board "
            "has been chaired on an interim basis by Ruth Ingle, Director of Adult Services.")
    assert chairs_of(text) == {("Ruth Ingle", "Wrenfield Safeguarding Adults Board")}


def test_the_childrens_board_co_chaired_by_is_the_pages_childrens_board() -> None:
    text = ("The Committee received the reports of the Wrenfield Regional Safeguarding Children Board and the "
            "Wrenfield Regional Safeguarding Adults Board. She explained that the Children's Board was co-chaired "
            "by Ruth Ingle, Director of Social Services, and Detective Chief Superintendent Conrad Iver.")
    assert chairs_of(text) == {("Ruth Ingle", "Wrenfield Regional Safeguarding Children Board"),
                               ("Conrad Iver", "Wrenfield Regional Safeguarding Children Board")}


def test_a_marking_line_in_capitals_is_no_word_of_the_boards_name() -> None:
    text = (" " * 60 + "OFFICIAL\nWrenfield Domestic Abuse Local Partnership Board\nMinutes\n\n"
            "Date: Wednesday 9 March 2022\n\nAttendees\n"
            "Cllr Ruth Ingle       Co-Chair; Cabinet Member for Housing, Wrenfield City Council\n"
            "Det Supt Conrad Iver       Co-Chair; Head of Public Protection, Wrenfield Police\n"
            "Nell Ashby              Head of Housing Options, Wrenfield City Council\n")
    assert set(boards_of(text)) == {"Wrenfield Domestic Abuse Local Partnership Board"}
    assert chairs_of(text) == {("Ruth Ingle", "Wrenfield Domestic Abuse Local Partnership Board"),
                               ("Conrad Iver", "Wrenfield Domestic Abuse Local Partnership Board")}


def test_the_former_boards_independent_chair_is_the_replaced_boards() -> None:
    # (the page is the new partnership's: it names the WSCP throughout, the old board once, far above)
    filler = "The WSCP partners met monthly through the year to agree the detail of its arrangements. " * 40
    text = ("1. To note the arrangements which replace the Wrenfield Local Safeguarding Children Board (WLSCB) "
            "with the Wrenfield Safeguarding Children Partnership (WSCP) from 29 September 2019.\n\n" + filler
            + "\n\nThe former Board's Independent Chair, Conrad Iver, stepped down in March 2019 after five years.")
    assert chairs_of(text) == {("Conrad Iver", "Wrenfield Local Safeguarding Children Board")}
