"""Shapes the lead found in session 20 (issue 9), from the blind rounds r85-r96 (each group of three scored
before any fix). Texts invented; the places "Halton" and "Rutland" are real only because the gazetteer must know
one of the places a name joins."""

from __future__ import annotations

from fact_probes import boards_of, chairs_of, meeting_of, people_of

from kg.extract.pipeline import extract
from kg.model import Document

# --- chairs: a board's attendance table flattened column by column ---

_COLUMNS = ("MINUTES OF THE LANTHORPE LOCAL SAFEGUARDING CHILDREN BOARD MEETING 8th March 2016 9.30am Committee "
            "Room 2 Attended: Member Marguerite Olander Farida Rahimi Colm Whitacre Hester Blakemore Yusuf Okonjo "
            "Gwen Tallis Sanjeev Marwaha Initial MO FR CW HB YO GT SM Role Independent LSCB Chair Head of Children's "
            "Social Care, LBC Designated Nurse, Lanthorpe CCG Detective Chief Inspector, Lanthorpe Police Head of "
            "Education, LBC Lay Member Senior Probation Officer\n\n1. Welcome\n\nMO welcomed members.\n")


def test_the_first_name_of_a_column_table_is_the_chair_when_the_first_role_is_the_chairs() -> None:
    # the initials' column stands between the names and the roles, and the last name is one the people
    # pass may not take: the first role is still the first name's
    assert chairs_of(_COLUMNS) == {("Marguerite Olander", "LANTHORPE LOCAL SAFEGUARDING CHILDREN BOARD")}


def test_a_numbered_interim_chair_opens_the_roles_column() -> None:
    text = ("MINUTES OF THE WEXCOMBE SAFEGUARDING ADULTS BOARD MEETING HELD ON WEDNESDAY 16 OCTOBER 2013 PRESENT: "
            "Ravi Okafor Colette Amberley Hugh Penrose Jadwiga Nowicka Felicity Garbutt 1. Interim Chair Head of "
            "Adult Safeguarding, Wexcombe Council Head of Adult Social Care Safeguarding Lead, Wexcombe CCG "
            "Detective Inspector, Wexcombe Police (RO) (CA) (HP) (JN) (FG) 2. MINUTES Agreed.\n")
    assert chairs_of(text) == {("Ravi Okafor", "WEXCOMBE SAFEGUARDING ADULTS BOARD")}


def test_a_post_in_the_skipped_words_stops_the_column_reading() -> None:
    # a title between the last name and the chair's title: the columns are not lined up as assumed
    text = ("MINUTES OF THE WEXCOMBE SAFEGUARDING ADULTS BOARD MEETING HELD ON 16 OCTOBER 2013 PRESENT: "
            "Ravi Okafor Colette Amberley Hugh Penrose Jadwiga Nowicka Felicity Garbutt Director of Adult Services "
            "Chair of the Quality Sub-Group\n\n2. MINUTES Agreed.\n")
    assert ("Ravi Okafor", "WEXCOMBE SAFEGUARDING ADULTS BOARD") not in chairs_of(text)


# --- chairs: whose board a sentence's post belongs to ---

_TWO_BOARDS = ("Safeguarding in Lanthorpe\n\nThe Lanthorpe Safeguarding Children Partnership (LSCP) is led by the "
               "three statutory partners.\n\nThe Lanthorpe Safeguarding Adults Board (LSAB) is the statutory board "
               "set up under the Care Act 2014. The LSAB has two co-chairs: Helen Marrick, an independent co-chair, "
               "and Dr Samuel Oduya, Chief Nurse of NHS Lanthorpe Integrated Care Board. Its members include the "
               "council, the police and the NHS.\n\nThe LSCP and the LSAB publish annual reports.\n")


def test_a_sentences_subject_board_owns_an_independent_post_in_it() -> None:
    assert ("Helen Marrick", "Lanthorpe Safeguarding Adults Board") in chairs_of(_TWO_BOARDS)
    assert ("Helen Marrick", "Lanthorpe Safeguarding Children Partnership") not in chairs_of(_TWO_BOARDS)


def test_the_people_listed_after_has_two_co_chairs_are_its_co_chairs() -> None:
    assert chairs_of(_TWO_BOARDS) == {("Helen Marrick", "Lanthorpe Safeguarding Adults Board"),
                                      ("Samuel Oduya", "Lanthorpe Safeguarding Adults Board")}


_FLAT_LIST = ("Lanthorpe Safeguarding Children Partnership\n\nNotes of the Executive meeting, 12 March 2019\n\n"
              "Present: Ann Wetherby (AW) – Director of Children's Services, Lanthorpe Council; Supt Ian Crane "
              "(IC) – Lanthorpe Police\n\nIn attendance for specific items: Jacqueline Moyo (JM) – Independent "
              "Chair, Lanthorpe Safeguarding Adults Board (Item 5) Anselm Vogt (AV) – Independent Scrutineer "
              "designate (Item 4) Bryony Tennant (BT) – Online Safety Officer (Item 6)\n\n1. Welcome\n")


def test_a_board_in_an_earlier_row_of_a_flattened_list_owns_no_later_post() -> None:
    # (the rules and the learned pass alike: the board is in the row before's post)
    assert ("Anselm Vogt", "Lanthorpe Safeguarding Adults Board") not in chairs_of(_FLAT_LIST)
    assert ("Anselm Vogt", "Lanthorpe Safeguarding Children Partnership") in chairs_of(_FLAT_LIST)


def test_a_board_named_after_another_person_without_a_post_still_owns_the_post() -> None:
    text = ("Cabinet - 4 June 2019\n\n6. Lanthorpe Safeguarding Children Board annual report\n\nThe Cabinet received "
            "the final annual report of the Lanthorpe Safeguarding Children Board (LSCB), introduced by its "
            "Independent Chair, Gillian Thorne, and by the Director of Children's Services, Kevin Olawale.\n\n"
            "Mr Olawale explained that, from 29 September 2019, the Board would be replaced by the Lanthorpe "
            "Safeguarding Partnership, led jointly by the council, the police and the CCG, with Ms Thorne "
            "continuing as independent scrutineer.\n")
    assert ("Gillian Thorne", "Lanthorpe Safeguarding Partnership") in chairs_of(text)


def test_the_partnership_board_is_the_partnerships_own() -> None:
    text = ("Safer Wexcombe Partnership\n\nSafer Wexcombe is the community safety partnership for the borough. "
            "It brings together the council, Wexcombe Police and the probation service.\n\nWho chairs the "
            "Partnership?\n\nThe Partnership Board is chaired by Superintendent Joanne Whitlow, the district "
            "commander for Wexcombe Police. The vice-chair is Councillor Ravi Chandran.\n")
    assert chairs_of(text) == {("Joanne Whitlow", "Safer Wexcombe Partnership")}


def test_a_review_forums_board_is_still_no_chairs_board() -> None:
    # an unknown body before "Board" keeps the sentence's chair from the page's main board
    text = ("Lanthorpe Safeguarding Adults Board\n\nThe Lanthorpe Housing Forum Board is chaired by Ann Fettle.\n")
    assert ("Ann Fettle", "Lanthorpe Safeguarding Adults Board") not in chairs_of(text)


# --- boards: a place the gazetteer lacks, joined to one it knows ---

def test_an_unknown_place_joined_to_a_known_one_is_part_of_the_boards_name() -> None:
    text = ("Last month the Lanthorpe and Halton Safeguarding Adults Board met for the second time this year. I "
            "promised to write a summary after each meeting.\n\nTheo Marchant\nIndependent Chair, Lanthorpe and "
            "Halton Safeguarding Adults Board\n")
    assert "Lanthorpe and Halton Safeguarding Adults Board" in boards_of(text)
    assert "Halton Safeguarding Adults Board" not in boards_of(text)
    assert chairs_of(text) == {("Theo Marchant", "Lanthorpe and Halton Safeguarding Adults Board")}


def test_two_places_before_a_plural_head_are_two_boards() -> None:
    text = ("Cabinet\n\n7. Proposed merger of the Lanthorpe and Rutland Local Safeguarding Children Boards (LSCBs)\n\n"
            "The Cabinet agreed the merger of the two boards.\n")
    assert not any(n.startswith("Lanthorpe and Rutland") for n in boards_of(text))



# --- people and chairs: a members table's initials ---

_INITIALS_TABLE = ("Meeting: Lanthorpe Safeguarding Children Partnership Executive Group Date: Tuesday 23rd February "
                   "2021 Location: Microsoft Teams Attendees: Name Coralie Ambrose Dr Jubal Mensah Detective Chief "
                   "Superintendent Alaric Rooke Shabnam Quereshi Ffion Hawley Bartholomew Kaine Initials Organisation "
                   "CA DJM AR SQ FH BK Lanthorpe Council (Director of Children's Services) Lanthorpe CCG (Chief "
                   "Nurse) Lanthorpe Police LSCP Business Manager LSCP Independent Scrutineer Education "
                   "representative Apologies: Name Lionel Sprott Hattie Fairbank LS HF Item 1. Welcome, "
                   "Introductions and Apologies CA "
                   "chaired the meeting as the rotating chair for this quarter and welcomed FH, who has been appointed "
                   "as the Partnership's Independent Scrutineer in place of Lionel Sprott, who had been chair of the "
                   "former Lanthorpe LSCB until its replacement by the Lanthorpe Safeguarding Children Partnership "
                   "(LSCP) in September 2019. 2. Minutes Agreed. 9. AOB None. Date of next meeting: 25th May 2021\n")


def test_a_names_column_read_by_the_initials_column_gives_every_row_a_person() -> None:
    # given names no list holds, a doctor's "D" in the initials, a rank before the name
    people = people_of(_INITIALS_TABLE)
    assert {"Coralie Ambrose", "Jubal Mensah", "Alaric Rooke", "Shabnam Quereshi", "Ffion Hawley",
            "Bartholomew Kaine"} <= people


def test_a_person_written_by_their_initials_chairs_the_meeting() -> None:
    chairs = chairs_of(_INITIALS_TABLE)
    assert ("Coralie Ambrose", "Lanthorpe Safeguarding Children Partnership") in chairs
    assert ("Ffion Hawley", "Lanthorpe Safeguarding Children Partnership") in chairs
    assert ("Coralie Ambrose", "Lanthorpe LSCB") not in chairs  # (the former LSCB's chair is another person's post)


def test_an_executive_groups_page_is_its_partnerships_meeting() -> None:
    assert meeting_of(_INITIALS_TABLE) == ("Lanthorpe Safeguarding Children Partnership Executive Group", "2021-02-23")


def test_the_former_place_lscb_is_a_named_board_and_aob_is_none() -> None:
    boards = boards_of(_INITIALS_TABLE)
    assert "Lanthorpe LSCB" in boards
    assert not any(n == "AOB" for n in boards)


def test_initials_that_fit_two_people_are_no_ones() -> None:
    text = ("Lanthorpe Safeguarding Adults Board\n\nPresent: Ann Lowe (AL), Independent Chair; Alan Lister (AL), "
            "Lanthorpe Police; Tom Reid (TR), Lanthorpe Council\n\n1. AL chaired the meeting.\n")
    # (Ann Lowe's post in the list makes her the chair; "AL chaired" could be either, so gives Alan Lister nothing)
    assert chairs_of(text) == {("Ann Lowe", "Lanthorpe Safeguarding Adults Board")}


def test_a_table_cells_second_post_names_its_own_board() -> None:
    text = ("Minutes from LSCB Board Meeting: 14th March 2017 1 | Page WEXCOMBE LOCAL SAFEGUARDING CHILDREN BOARD "
            "(WSCB) 1. Attendance, Apologies & Governance WSCB Members Title Representing Apols Margery Ellery-Pike "
            "(MEP) LSCB Independent Chair WSCB Also Independent Chair, Lanthorpe LSCB Tobias Okoye (TO) Business "
            "Manager WSCB Priya Raman (PR) Lay Member Apols\n\n2. Minutes agreed.\n")
    chairs = chairs_of(text)
    assert ("Margery Ellery-Pike", "WEXCOMBE LOCAL SAFEGUARDING CHILDREN BOARD") in chairs
    assert ("Margery Ellery-Pike", "Lanthorpe LSCB") in chairs


def test_a_title_lines_meeting_of_x_held_on_names_the_meeting() -> None:
    text = ("Minutes\n\nMeeting of Wexcombe Health and Wellbeing Board held on Tuesday, 8th July 2025 at 2.00 pm in "
            "Committee Room 2\n\nPresent:\n\nCouncillor Yusuf Demir – Cabinet Member for Adult Social Care (in the "
            "Chair)\nRuth Nakamura – Director of Public Health\n\n1. Apologies\n")
    assert meeting_of(text) == ("Wexcombe Health and Wellbeing Board", "2025-07-08")
    assert chairs_of(text) == {("Yusuf Demir", "Wexcombe Health and Wellbeing Board")}


# --- people: rows that end with the person's initials ---

def test_rows_ending_with_their_initials_give_their_people() -> None:
    text = ("Lanthorpe Domestic Abuse Local Partnership Board\n\nMinutes of the Meeting held on 6 December 2023\n\n"
            "Attendees:\n\nName Organisation Initials\n\nLudmila Marchant Lanthorpe County Council, Director of "
            "Communities LM\n\nSimeon Ackroyd Lanthorpe County Council, Commissioning Lead SA\n\nInsp. Harriet Colby "
            "Lanthorpe Constabulary HC\n\nRoisin Galway Lanthorpe ICB, Named GP for Safeguarding RG\n\n1. Welcome\n\n"
            "SA presented the strategy.\n")
    assert {"Ludmila Marchant", "Simeon Ackroyd", "Harriet Colby", "Roisin Galway"} <= people_of(text)
    assert not any("Lanthorpe" in p for p in people_of(text))


def test_flattened_rows_with_bracketed_initials_give_their_people() -> None:
    text = ("Wexcombe Regional Safeguarding Board\n\nMinutes, 3 May 2018\n\nPresent: Gwilym Prosser Co-Chair, Head of "
            "Children's Services, Wexcombe County Council (GP) Rhodri Bevin Wales Community Rehabilitation Company "
            "(RB) Osian Talfryn National Probation Service Wales (OT) Aled Pugh-Jenkin Youth Offending Team Manager "
            "(APJ)\n\n1. Welcome\n")
    assert {"Gwilym Prosser", "Rhodri Bevin", "Osian Talfryn", "Aled Pugh-Jenkin"} <= people_of(text)


def test_a_list_after_is_co_chaired_by_the_three_leads_names_each_co_chair() -> None:
    text = ("Safeguarding children in Wexcombe\n\nThe Wexcombe Children's Safeguarding Partnership (WCSP) replaced the "
            "LSCB in 2019. The WCSP is co-chaired by the three lead representatives: Joanne Prentiss, Executive "
            "Director of Children's Services; Assistant Chief Constable Farhan Qadir; and Deborah Lyle-Mensa, "
            "Director of Nursing at the ICB. Independent scrutiny is provided by Alan Whitcomb.\n")
    assert chairs_of(text) == {(n, "Wexcombe Children's Safeguarding Partnership")
                               for n in ("Joanne Prentiss", "Farhan Qadir", "Deborah Lyle-Mensa", "Alan Whitcomb")}


def test_the_boards_are_chaired_by_is_the_children_and_adults_boards_under_a_regional_one() -> None:
    text = ("Wexcombe Valleys Regional Safeguarding Board\n\nThe Wexcombe Valleys Regional Safeguarding Board is made "
            "up of the Wexcombe Valleys Safeguarding Children Board and the Wexcombe Valleys Safeguarding Adults "
            "Board.\n\nThe Boards are chaired by Sian Llewellyn-Price, Director of Social Services for Wexcombe "
            "County Council. The Vice-Chair is Chief Superintendent Owain Bedd.\n")
    assert chairs_of(text) == {("Sian Llewellyn-Price", "Wexcombe Valleys Safeguarding Children Board"),
                               ("Sian Llewellyn-Price", "Wexcombe Valleys Safeguarding Adults Board")}


def test_an_acronyms_strategic_board_meeting_is_that_boards_own() -> None:
    text = ("Minutes of the\n\nLDAP Strategic Board Meeting\n\n8 June 2018\n\nLanthorpe Domestic Abuse Partnership "
            "(LDAP)\n\nPresent:\nRosa Achter – Co-Chair, Lanthorpe Borough Council\nTom Rees – Lanthorpe Police\n\n"
            "1. Welcome\n")
    assert ("Rosa Achter", "Lanthorpe Domestic Abuse Partnership") in chairs_of(text)


def test_two_people_then_lower_case_co_chairs_of_the_board_in_apposition() -> None:
    text = ("Overview and Scrutiny Committee - 3 March 2020\n\n6. Safer Wexcombe Partnership annual report\n\nChief "
            "Superintendent Aled Pritchett and Councillor Moira Glenn, co-chairs of the Safer Wexcombe Partnership "
            "(SWP), the borough's Community Safety Partnership, presented the annual report.\n")
    assert chairs_of(text) == {("Aled Pritchett", "Safer Wexcombe Partnership"),
                               ("Moira Glenn", "Safer Wexcombe Partnership")}


def test_independent_chair_of_both_boards_with_their_acronyms_chairs_both() -> None:
    text = ("Health and Wellbeing Board - 18 September 2019\n\nEleanor Whitcomb, who had been Independent Chair of "
            "both the Lanthorpe Safeguarding Children Board (LSCB) and the Lanthorpe Safeguarding Adults Board (LSAB) "
            "since 2016, presented the annual reports.\n")
    assert chairs_of(text) == {("Eleanor Whitcomb", "Lanthorpe Safeguarding Children Board"),
                               ("Eleanor Whitcomb", "Lanthorpe Safeguarding Adults Board")}


def test_the_person_a_board_is_co_chaired_with_co_chairs_it() -> None:
    text = ("Police and Crime Panel - 2 February 2023\n\nThe Commissioner presented the report. She explained that she "
            "co-chaired the Lanthorpe Domestic Abuse Local Partnership Board with Councillor Peter Vancey, the "
            "county council's Cabinet Member for Communities.\n")
    assert ("Peter Vancey", "Lanthorpe Domestic Abuse Local Partnership Board") in chairs_of(text)


def test_a_sub_groups_row_with_its_chair_field_is_no_boards_chair() -> None:
    text = ("Lanthorpe Safeguarding Adults Board\n\nBoard membership\n\nIndependent Chair: Priya Venkat\n\n"
            "Sub-groups\n\nSafeguarding Adults Review Sub-group | Chair: Harriet Lindgreen\nPerformance and Quality "
            "Sub-group | Chair: Martin Oseh\n")
    assert chairs_of(text) == {("Priya Venkat", "Lanthorpe Safeguarding Adults Board")}


def test_the_board_which_she_co_chairs_with_a_councillor() -> None:
    text = ("Police and Crime Panel - 2 February 2023\n\nThe Deputy Commissioner presented the report. She explained "
            "that the Lanthorpe Domestic Abuse Partnership Board, which she co-chairs with Councillor Tunde Adeyemi "
            "of Lanthorpe Borough Council, had agreed a refreshed strategy.\n")
    assert ("Tunde Adeyemi", "Lanthorpe Domestic Abuse Partnership Board") in chairs_of(text)


def test_a_names_column_after_name_opens_the_column_chair_reading() -> None:
    text = ("Meeting: Lanthorpe Safeguarding Adults Board Date: Tuesday 4th June 2024 Location: Civic Centre. "
            "Attendees: Name Bernhard Achter Shona Kilbey Delroy Matt Agnieszka Nowacka Stephen Rawl Initials "
            "Organisation BA SK DM AN SR Interim Independent Chair LSAB Business Manager Lanthorpe Council Adult "
            "Social Care Lanthorpe Police Item 1. Welcome\n")
    assert ("Bernhard Achter", "Lanthorpe Safeguarding Adults Board") in chairs_of(text)


def test_a_co_chairs_field_closed_by_and_ends_at_its_semicolon() -> None:
    text = ("Lanthorpe Regional Safeguarding Children Board\n\nMinutes, 9 March 2021\n\nPresent: Co-Chairs: Eleri "
            "Vaughan (Director of Social Services, Lanthorpe County Council) and Detective Chief Superintendent Owain "
            "Madog (Lanthorpe Police); Rhiannon Tudur (Head of Children's Services, Lanthorpe County Council); Aled "
            "Puw (Head of Children's Services, Wexcombe County Borough Council)\n\n1. Welcome\n")
    assert chairs_of(text) == {("Eleri Vaughan", "Lanthorpe Regional Safeguarding Children Board"),
                               ("Owain Madog", "Lanthorpe Regional Safeguarding Children Board")}


def test_a_semicolon_list_of_co_chairs_with_and_inside_its_brackets_goes_on() -> None:
    text = ("Lanthorpe and Wyke Safeguarding Children Partnership\n\nNotes, 4 May 2023\n\nCo-chairs: Catriona Lowe "
            "(Director of Children's Services, Lanthorpe and Wyke Council); Detective Chief Superintendent Marcus "
            "Oyen (Head of Public Protection, Lanthorpe Constabulary); Dr Hannah Veld (Chief Nursing Officer, NHS "
            "Lanthorpe ICB)\n\n1. Welcome\n")
    assert {n for n, _ in chairs_of(text)} >= {"Catriona Lowe", "Marcus Oyen", "Hannah Veld"}


def test_and_the_other_board_by_a_person_is_that_boards_chair() -> None:
    text = ("Wexcombe Vales Safeguarding Boards\n\nThe Wexcombe Vales Safeguarding Children Board (WVSCB) and the "
            "Wexcombe Vales Safeguarding Adults Board (WVSAB) meet quarterly. The WVSCB is currently chaired by Sian "
            "Llewellyn-Pryce, Director of Social Services at Wexcombe County Council, and the WVSAB by Chief "
            "Superintendent Tomas Nowick of Wexcombe Police.\n")
    assert chairs_of(text) == {("Sian Llewellyn-Pryce", "Wexcombe Vales Safeguarding Children Board"),
                               ("Tomas Nowick", "Wexcombe Vales Safeguarding Adults Board")}


def test_jointly_chaired_by_herself_and_a_councillor() -> None:
    text = ("Police and Crime Panel - 22 September 2017\n\nThe Commissioner said that the Lanthorpe Domestic Abuse "
            "Strategic Board had been established in April 2017, jointly chaired by herself and Councillor Owen "
            "Pritchet, Cabinet Member for Communities.\n")
    assert ("Owen Pritchet", "Lanthorpe Domestic Abuse Strategic Board") in chairs_of(text)


def test_the_partnership_is_chaired_by_means_the_partnership_its_paragraph_named() -> None:
    text = ("Keeping Lanthorpe safe\n\nThe Lanthorpe Safeguarding Children Partnership leads our work with children."
            "\n\nThe Wexcombe Community Safety Partnership brings together the council, the police and the fire "
            "service to tackle crime in the district. The partnership is chaired by the council's Cabinet Member "
            "for Communities, Councillor Derek Amank.\n")
    assert chairs_of(text) == {("Derek Amank", "Wexcombe Community Safety Partnership")}


def test_the_board_after_a_paragraph_on_the_boards_it_replaced_is_the_pages_own() -> None:
    text = ("Lanthorpe Regional Safeguarding Board annual report\n\nThe Lanthorpe Regional Safeguarding Board replaced "
            "the former Lanthorpe Safeguarding Children Board and the Lanthorpe Safeguarding Adults Board in 2017. "
            "The Board was co-chaired by Eleri Pryder, Director of Social Services, and Detective Chief "
            "Superintendent Owain March.\n")
    assert chairs_of(text) == {("Eleri Pryder", "Lanthorpe Regional Safeguarding Board"),
                               ("Owain March", "Lanthorpe Regional Safeguarding Board")}


def test_a_safer_brand_that_is_the_community_safety_partnership_names_it() -> None:
    text = ("Safer Lanthorpe and Thorne\n\nWho we are\n\nSafer Lanthorpe and Thorne is the Community Safety "
            "Partnership for the boroughs of Lanthorpe and Thorne.\n\nThe partnership is currently chaired by "
            "Superintendent Ravi Mistri, District Commander for Lanthorpe Police.\n")
    facts = extract(Document("t", text))
    [csp] = [o for o in facts.organisations if o.kind == "community-safety"]
    assert "Safer Lanthorpe and Thorne" in (csp.name, *csp.aliases)
    assert {(c.person, c.organisation) for c in facts.chairs} == {
        (next(p.id for p in facts.people if p.name == "Ravi Mistri"), csp.id)}
