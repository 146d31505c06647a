"""Shapes the lead found in session 18 (issue 9), from the fresh blind rounds r37-r48 (each group of three
scored before any fix). 47 of them fail on the session's start code; the others guard what must not change."""

from __future__ import annotations

from fact_probes import boards_of, chairs_of, page_themes_of, partners_of, people_of, reviews_of

from kg.extract.pipeline import extract
from kg.model import Document

_PANEL = "Brookhampton Borough Council\nCommunities Scrutiny Panel - Tuesday, 4th June, 2024 6.30 pm\n\n"


# --- chairs ---

def test_reported_speech_she_chaired_is_the_speakers_chair() -> None:
    text = (_PANEL + "4. Domestic abuse update\nDetective Superintendent Orla Quist, Head of Public Protection, "
            "Brookhampton Police, attended. Detective Superintendent Quist explained that she chaired the "
            "Brookhampton Domestic Abuse Partnership Board, which met quarterly.\n")
    assert chairs_of(text) == {("Orla Quist", "Brookhampton Domestic Abuse Partnership Board")}


def test_he_confirmed_that_he_chaired_a_management_board() -> None:
    text = (_PANEL + "5. Youth justice\nTobias Renn, Director of Children's Services, introduced the plan. "
            "Councillor Aske asked about the Youth Justice Management Board. Mr Renn confirmed that he chaired the "
            "Youth Justice Management Board and that knife crime was its first priority.\n")
    assert chairs_of(text) == {("Tobias Renn", "Youth Justice Management Board")}


def test_reported_speech_without_a_chair_verb_makes_no_chair() -> None:
    text = (_PANEL + "5. Youth justice\nMr Tobias Renn explained that he attended the Youth Justice Management "
            "Board and that knife crime was its first priority.\n")
    assert chairs_of(text) == set()


def test_a_cabinet_members_bracket_may_add_a_chair() -> None:
    text = (_PANEL + "ALSO PRESENT: Councillor Ines Marwood (Cabinet Member for Communities and Chair of the "
            "Brookhampton Domestic Abuse Local Partnership Board); Inspector Gus Fenn (Vice-Chair of the Board)\n\n"
            "6. Annual report\nCouncillor Marwood introduced the report.\n")
    assert chairs_of(text) == {("Ines Marwood", "Brookhampton Domestic Abuse Local Partnership Board")}


def test_the_committees_chairman_welcoming_a_boards_chair_is_no_board_chair() -> None:
    text = ("Brookhampton and Lydford Joint Health Overview and Scrutiny Committee - Tuesday, 8th October, 2019\n\n"
            "27 Safeguarding Adults Board Annual Report\n\nThe Chairman, Councillor Peter Oakes, welcomed Professor "
            "Ruth Amadi, Independent Chair of the Brookhampton Safeguarding Adults Board (BSAB), and Li Wen, the Board "
            "Manager, to the meeting.\n")
    assert chairs_of(text) == {("Ruth Amadi", "Brookhampton Safeguarding Adults Board")}


def test_it_after_a_panel_subject_is_the_panel_not_the_pages_board() -> None:
    text = ("Brookhampton Channel Panel: annual note to the Brookhampton Safeguarding Children Partnership\n\n"
            "1. Governance\n1.1 The Channel Panel is a multi-agency panel chaired by the local authority. It is "
            "chaired by Nell Graves, Head of Community Safety, Brookhampton Borough Council.\n1.2 Cases involving "
            "children are reported to the Brookhampton Safeguarding Children Partnership.\n")
    assert chairs_of(text) == set()


def test_it_after_a_board_subject_is_still_that_board() -> None:
    text = ("Who we are\n\nThe Brookhampton Safeguarding Adults Board is a statutory board. It is chaired by Nell "
            "Graves, its Independent Chair.\n")
    assert chairs_of(text) == {("Nell Graves", "Brookhampton Safeguarding Adults Board")}


def test_a_sub_groups_chair_in_a_table_cell_named_by_the_boards_acronym_is_no_board_chair() -> None:
    text = ("BSAB Executive Group - Notes\nBrookhampton Safeguarding Adults Board\n\nMeeting date: 05/09/2023\n\n"
            "Initials | Name | Role\nNA | Nia Alder | Independent Chair, BSAB (Chair)\n"
            "RO | Rafe Ord | Chair, BSAB Safeguarding Adults Review Sub-Group; Head of Safeguarding, Lydford NHS "
            "Trust\n\n1. Welcome\nNA welcomed members.\n")
    chairs = chairs_of(text)
    assert ("Nia Alder", "Brookhampton Safeguarding Adults Board") in chairs
    assert not any(who == "Rafe Ord" for who, _ in chairs)


def test_whose_chair_after_a_committee_is_that_committees() -> None:
    text = ("BROOKHAMPTON COUNCIL\n\nReport to:      Brookhampton Health and Wellbeing Board\nDate of meeting:  7 "
            "March 2024\nSubject:        Brookhampton Safeguarding Adults Board Annual Report\n\n3. Background\n3.1 "
            "The report was also considered by the Adult Social Care Scrutiny Committee on 15 February 2024, whose "
            "Chair, Councillor Omar Feld, asked for an update on self-neglect.\n")
    assert chairs_of(text) == set()


def test_taking_over_from_makes_the_one_before_a_chair_too() -> None:
    text = ("Brookhampton Safeguarding Children Partnership\nRecord of executive decisions - 7 April 2025\n\n"
            "Decision 1 - Chair for 2025/26\nThe chair rotates each April. The Executive confirmed Dr Ama Bello "
            "(ICB) as Chair of the Brookhampton Safeguarding Children Partnership for 2025/26, taking over from "
            "Jonah Pike.\n")
    assert chairs_of(text) == {("Ama Bello", "Brookhampton Safeguarding Children Partnership"),
                               ("Jonah Pike", "Brookhampton Safeguarding Children Partnership")}


def test_the_boards_co_chairs_after_a_comma_are_both_chairs() -> None:
    text = (_PANEL + "7. Adults board\nThe report was presented by the Board's co-chairs, Kit Lund (Independent "
            "Co-Chair) and Dr Sola Ike, Chief Nurse of NHS Brookhampton ICB, who had jointly chaired the "
            "Brookhampton Safeguarding Adults Board since 2022.\nThe Chair, Councillor Ida Penn, thanked the "
            "co-chairs for their report.\n")
    assert chairs_of(text) == {("Kit Lund", "Brookhampton Safeguarding Adults Board"),
                               ("Sola Ike", "Brookhampton Safeguarding Adults Board")}


# --- boards, people, partners, reviews ---

def test_a_bracketed_generic_description_is_no_second_board() -> None:
    text = ("The Group links with the Safer Brookhampton Partnership (the borough's community safety partnership) on "
            "county lines.\n")
    assert set(boards_of(text)) == {"Safer Brookhampton Partnership"}


def test_a_notes_heading_over_a_boards_name_is_no_part_of_it() -> None:
    text = "BSAB Executive Group - Notes\nBrookhampton Safeguarding Adults Board\n\nMeeting date: 05/09/2023\n"
    assert "Brookhampton Safeguarding Adults Board" in boards_of(text)
    assert not any(name.startswith("Notes") for name in boards_of(text))


def test_named_programmes_and_services_are_no_people() -> None:
    text = (_PANEL + "Two risks are rated red: the backlog of Deprivation of Liberty Safeguards applications and "
            "staffing. Ms Lund said that a joint Transitions Protocol had been agreed. The Council holds White Ribbon "
            "Accreditation.\nPresent: Jo Penn (Kestrel Advocacy); Sam Ord (Missing Persons Co-ordinator)\n")
    assert not people_of(text) & {"Liberty Safeguards", "Transitions Protocol", "White Ribbon Accreditation",
                                  "Kestrel Advocacy", "Missing Persons"}


def test_the_boards_membership_after_a_board_named_in_the_sentence_before_is_that_boards() -> None:
    text = ("Brookhampton Police and Crime Panel - Thursday, 14th March, 2019\n\n6. Domestic abuse\nDetective "
            "Superintendent Orla Quist explained that she chaired the Brookhampton Domestic Abuse Partnership Board. "
            "The Board's membership includes the county council, Brookhampton Constabulary and the Probation "
            "Service. It reports to the Brookhampton Safeguarding Adults Board and links to the Brookhampton "
            "Safeguarding Adults Board's sub-groups.\n")
    partners = partners_of(text)
    assert ("Brookhampton Domestic Abuse Partnership Board", "police") in partners
    assert not any(board == "Brookhampton Safeguarding Adults Board" for board, _ in partners)


def test_a_quoted_review_of_two_people_is_one_review() -> None:
    text = ("4.2 SAR \"Ms D and Ms F\": a joint review concerning two sisters who were exploited by a man who "
            "befriended them.\n")
    assert reviews_of(text) == {("safeguarding-adults-review", "Ms D and Ms F")}


def test_initials_who_chaired_the_partnership_name_a_former_chair() -> None:
    text = ("BROOKHAMPTON SAFEGUARDING CHILDREN PARTNERSHIP\nExecutive - Minutes of the meeting held on 5 March "
            "2025\n\nPresent:\nIvo Marr (IM) - Head of Public Protection, Brookhampton Police (Chair)\nDr Zara Quill "
            "(ZQ) - Chief Nursing Officer, NHS Brookhampton ICB\n\n1. Welcome\nIM thanked ZQ, who chaired the "
            "Partnership in 2023/24, for her work.\n")
    assert chairs_of(text) == {("Ivo Marr", "BROOKHAMPTON SAFEGUARDING CHILDREN PARTNERSHIP"),
                               ("Zara Quill", "BROOKHAMPTON SAFEGUARDING CHILDREN PARTNERSHIP")}


def test_whose_members_include_after_another_kind_of_board_is_never_the_main_boards_list() -> None:
    text = ("Brookhampton Police and Crime Panel - Thursday, 14th March, 2019\n\n5. Brookhampton Safeguarding Adults "
            "Board\nThe Panel noted the Brookhampton Safeguarding Adults Board's annual report. The Brookhampton "
            "Safeguarding Adults Board will report again in June.\n\n6. Grants\nMr Ray Lowe explained that the "
            "allocation had been agreed with the Brookhampton Youth Offending Service Management Board, which is "
            "chaired by Ms Nita Cole, and whose members include children's social care, Brookhampton Constabulary "
            "and the Probation Service.\n")
    assert not any(board == "Brookhampton Safeguarding Adults Board" for board, _ in partners_of(text))


def test_a_pupil_referral_unit_or_the_national_referral_mechanism_is_no_front_door() -> None:
    text = ("Brookhampton Safeguarding Children Partnership\n\nThe Partnership funded mentors in the pupil referral "
            "unit. One young person had been referred to the National Referral Mechanism.\n")
    assert "front-door" not in page_themes_of(text)


def test_initials_then_co_chair_and_another_post_is_a_co_chair() -> None:
    text = ("Brookhampton Safeguarding Partnership (all-age)\nPartnership Board Minutes\n\nDate: 22nd May 2024\n\n"
            "Present:\nIlse Brandt (IB) Co-Chair and Director of People, Brookhampton Council\nYuri Dahl (YD) Deputy "
            "Chief Nurse, NHS Brookhampton ICB\n\n1. Welcome\nIB welcomed all.\n")
    assert chairs_of(text) == {("Ilse Brandt", "Brookhampton Safeguarding Partnership")}


def test_the_chair_of_both_boards_is_the_pages_childrens_and_adults_boards_chair() -> None:
    text = ("Brookhampton Regional Safeguarding Boards\n\nThe Brookhampton Regional Safeguarding Children Board and "
            "the Brookhampton Regional Safeguarding Adults Board work together. Their statutory partners are:\n- the "
            "six local authorities\n- Brookhampton Police\n- Brookhampton University Health Board\n- the National "
            "Probation Service\n\nOther bodies also attend, including the Brookhampton Area Planning Board and the "
            "Brookhampton Health and Wellbeing Board, as advisers to both Boards.\n\nLeadership\n\nThe "
            "Boards share a Chair. The current Chair of both Boards is Eira Vaughan, Director of Social Services.\n")
    assert chairs_of(text) == {("Eira Vaughan", "Brookhampton Regional Safeguarding Children Board"),
                               ("Eira Vaughan", "Brookhampton Regional Safeguarding Adults Board")}


def test_remaining_as_chair_in_lower_case_is_a_chair() -> None:
    text = ("Brookhampton news\n\nMilo Thorne will remain as chair of the Brookhampton Safeguarding Adults Board, a "
            "separate role, until the end of the year.\n")
    assert chairs_of(text) == {("Milo Thorne", "Brookhampton Safeguarding Adults Board")}


def test_report_of_the_interim_independent_chair_names_the_chair() -> None:
    text = ("Adult Social Care Scrutiny Sub-Committee\nMonday 20 November 2023\n\nMinute 36: Brookhampton "
            "Safeguarding Adults Board Annual Report 2022/23 - Report of the Interim Independent Chair, Mr Ravi "
            "Dune\n\n36.1 Mr Dune introduced the annual report of the Brookhampton Safeguarding Adults Board.\n")
    assert chairs_of(text) == {("Ravi Dune", "Brookhampton Safeguarding Adults Board")}


def test_a_boards_acronym_in_brackets_between_the_post_and_the_name() -> None:
    text = ("Brookhampton Council\nCabinet\n\nLinda Carr presented the annual report on behalf of the Independent "
            "Chair of the Brookhampton Safeguarding Children Board (BSCB), Fleur Dainty, who was unable to attend.\n")
    assert chairs_of(text) == {("Fleur Dainty", "Brookhampton Safeguarding Children Board")}


def test_a_post_in_apposition_to_the_name_before_is_not_the_next_names() -> None:
    text = ("Brookhampton Council\nCabinet\n\nThe Chair welcomed Dr Hana Roe, Independent Scrutineer of the "
            "Brookhampton Safeguarding Children Partnership (BSCP), Gil Tarrant, Director of Children's Services, "
            "and Bea Lowe, Designated Nurse.\n")
    assert chairs_of(text) == {("Hana Roe", "Brookhampton Safeguarding Children Partnership")}


# --- from r40-r42 (scored first on the code after the r37-r39 fixes) ---

def test_a_news_page_without_meeting_words_has_no_meeting_body() -> None:
    f = extract(Document(id="t", text=(
        "Skip to main content\n\nBrookhampton Safeguarding Children Partnership\n\nHome | About us | Professionals "
        "| Contact\n\nAbout the Partnership\n\nThe Brookhampton Safeguarding Children Partnership (BSCP) brings "
        "together the organisations that work with children across the borough of Brookhampton.\n\nWho are the "
        "safeguarding partners?\n\nIn Brookhampton these are:\n  • Brookhampton Borough Council\n  • NHS "
        "Brookhampton ICB\n  • Brookhampton Constabulary\n"), source="test"))
    assert (f.meeting.body, f.meeting.date) == (None, None)


def test_a_signature_with_a_blank_line_between_name_and_post_and_a_closing_quote() -> None:
    text = ("Brookhampton Council\nSocial Services Scrutiny Committee\n\nThe foreword read in part:\n\"This has been a "
            "year like no other. I thank all of our partner agencies.\nIvo Thrale\n\nIndependent Chair, Brookhampton "
            "Regional Safeguarding Board\"\n\nMembers noted the report.\n")
    assert chairs_of(text) == {("Ivo Thrale", "Brookhampton Regional Safeguarding Board")}


def test_which_is_chaired_by_after_a_committee_is_the_committees_chair() -> None:
    text = ("Brookhampton Safeguarding Children Partnership annual report\n\nThe Partnership reports annually to the "
            "Brookhampton Health and Wellbeing Board and to the Council's Children's Scrutiny Committee, which is "
            "chaired by Councillor Ned Pask.\n")
    assert chairs_of(text) == set()


def test_this_years_co_chairs_were_a_b_and_c() -> None:
    text = ("Foreword\n\nWelcome to the annual report of the Brookhampton Safeguarding Children "
            "Partnership (BSCP). The "
            "Partnership is co-chaired by the three statutory safeguarding partners on a rotating basis, and this "
            "year the Co-Chairs were Tom Hale, Director of Children's Services, Chief Superintendent Ola Ruiz of "
            "Brookhampton Police, and Dr Kit Amos, Chief Nurse of NHS Brookhampton ICB.\n")
    assert chairs_of(text) == {(n, "Brookhampton Safeguarding Children Partnership")
                               for n in ("Tom Hale", "Ola Ruiz", "Kit Amos")}


def test_the_boards_are_chaired_by_one_person_on_a_regional_page() -> None:
    text = ("Brookhampton Safeguarding Boards\n\nThe Brookhampton Safeguarding Children Board and the Brookhampton "
            "Safeguarding Adults Board work together.\n\nWho chairs the Boards?\n\nThe Boards are chaired by Mair "
            "Pugh, Director of Social Services at Brookhampton County Council.\n")
    assert chairs_of(text) == {("Mair Pugh", "Brookhampton Safeguarding Children Board"),
                               ("Mair Pugh", "Brookhampton Safeguarding Adults Board")}


def test_a_committee_chair_welcoming_a_boards_people_is_no_board_chair() -> None:
    text = ("Agenda item\n\nBrookhampton Safeguarding Children Partnership - Annual Report 2022/23\n\nMinutes:\n\nThe "
            "Chair, Councillor Rex Dole, welcomed Dr Uma Sell, the Partnership's Independent Scrutineer, and Kay Lusk, "
            "Director of Children's Services, to the meeting.\n")
    assert chairs_of(text) == {("Uma Sell", "Brookhampton Safeguarding Children Partnership")}


def test_co_chaired_by_a_list_parted_by_semicolons_and_continued_in_the_role_of() -> None:
    text = ("Children's Services Select Committee\n\nThe Committee was reminded that since 2022 the Brookhampton "
            "Safeguarding Children Partnership had been co-chaired by the three statutory safeguarding partners: Laura "
            "Finch, Director of Children's Services for Brookhampton Council; Detective Chief Superintendent Rob Kane "
            "of Brookhampton Police; and Sia Moss, Chief Nurse of NHS Brookhampton ICB. Dr Ian Fell continued in the "
            "role of Independent Scrutineer.\n")
    assert chairs_of(text) == {(n, "Brookhampton Safeguarding Children Partnership")
                               for n in ("Laura Finch", "Rob Kane", "Sia Moss", "Ian Fell")}


def test_a_co_chair_in_an_agency_cell_before_an_attendance_cell() -> None:
    text = ("BROOKHAMPTON DOMESTIC ABUSE PARTNERSHIP BOARD\nMinutes of the meeting held on 18 May "
            "2023\n\n| Name | Role "
            "| Attendance |\n|---|---|---|\n| Supt Ria Lind | Brookhampton Police – Co-Chair | Present |\n| Jon Pike | "
            "Domestic Abuse Manager, Brookhampton Council | Present |\n\n1. Welcome\n")
    assert chairs_of(text) == {("Ria Lind", "BROOKHAMPTON DOMESTIC ABUSE PARTNERSHIP BOARD")}


def test_a_boards_membership_table_on_its_own_page_marks_its_chair() -> None:
    text = ("Brookhampton Safeguarding Adults Board\n\nCurrent members (updated March 2024)\n\nName | Organisation | "
            "Role on the Board\nMaud Ellis | Independent | Independent Chair\nKwame Ames | Brookhampton Police | "
            "Vice-Chair; Detective Superintendent\n")
    assert chairs_of(text) == {("Maud Ellis", "Brookhampton Safeguarding Adults Board")}


# --- from r43-r45 (scored first on the code after the r40-r42 fixes) ---

def test_a_generic_subtitle_under_a_csps_own_name_is_no_second_board() -> None:
    text = ("SAFER BROOKHAMPTON PARTNERSHIP\n\nCommunity Safety Partnership Board\n\nMinutes of meeting held on "
            "Thursday 9th March 2017\n\nPresent:\nInsp. Raj Kohli (RK) Brookhampton Police (Vice-Chair, in the Chair)"
            "\nCleo Dunn (CD) Head of Community Safety, Brookhampton District Council\n\nApologies:\nCllr Hattie Bloom "
            "(HB) Portfolio Holder for Communities, Chair\n\n1. Welcome\nRK welcomed members.\n")
    assert set(boards_of(text)) == {"SAFER BROOKHAMPTON PARTNERSHIP"}
    assert chairs_of(text) == {("Raj Kohli", "SAFER BROOKHAMPTON PARTNERSHIP"),
                               ("Hattie Bloom", "SAFER BROOKHAMPTON PARTNERSHIP")}


def test_co_chaired_by_names_with_their_posts_and_no_and_between_the_first_two() -> None:
    text = ("Brookhampton Council\nCabinet\n\nShe explained that the Brookhampton Safeguarding People Partnership was "
            "co-chaired by Rosa Thorne, Director of Children's and Adults' Services, Chief Superintendent Mal Dawes of "
            "Brookhampton Police and Dr Ngozi Ezeh, Chief Nurse of the ICB, on a rotating basis.\n")
    assert chairs_of(text) == {(n, "Brookhampton Safeguarding People Partnership")
                               for n in ("Rosa Thorne", "Mal Dawes", "Ngozi Ezeh")}


def test_a_sub_group_of_the_board_chaired_by_someone_is_the_groups_chair() -> None:
    text = ("Safer Brookhampton Partnership Board\nMinutes of the meeting held on 25 June 2019\n\nThe report had been "
            "considered by the Exploitation Sub-group of the Brookhampton Safeguarding Children Partnership, chaired "
            "by Detective Inspector Leo Barr.\n")
    assert not any(who == "Leo Barr" for who, _ in chairs_of(text))


def test_the_joint_board_is_the_board_named_last_not_the_pages_main_board() -> None:
    text = ("Brookhampton Safeguarding Children Board and Brookhampton Safeguarding Adults Board\n\nThe Brookhampton "
            "Safeguarding Children Board sets the priorities for children. The two Boards meet jointly as the "
            "Brookhampton Regional Safeguarding Board. The joint Board is co-chaired by Nia Pryce, Director of Social "
            "Services, and Superintendent Owen Hale of Brookhampton Police.\n")
    assert chairs_of(text) == {("Nia Pryce", "Brookhampton Regional Safeguarding Board"),
                               ("Owen Hale", "Brookhampton Regional Safeguarding Board")}


def test_who_had_chaired_the_management_board_is_the_board_that_name_ends() -> None:
    text = (_PANEL + "The Panel received the annual report of the Brookhampton Youth Justice Management Board. The "
            "report was introduced by Chief Superintendent Ava Brent, who had chaired the Management Board since "
            "January 2023.\n")
    assert chairs_of(text) == {("Ava Brent", "Brookhampton Youth Justice Management Board")}


def test_it_is_chaired_by_after_a_sentence_whose_subject_is_a_board() -> None:
    text = (_PANEL + "The Brookhampton Domestic Abuse Partnership Board was established in May 2021 and reports to "
            "the Safer Brookhampton Partnership, the borough's community safety partnership. It is chaired by "
            "Detective Superintendent Gus Lowe of Brookhampton Police.\n")
    assert chairs_of(text) == {("Gus Lowe", "Brookhampton Domestic Abuse Partnership Board")}


def test_the_co_chairs_for_a_year_had_been_a_and_b() -> None:
    text = ("Overview and Scrutiny\n\nShe explained that the Board was co-chaired by two directors, and that the "
            "co-chairs for 2020-21 had been Huw Bevan and Dr Ama Ndiaye. The Brookhampton Regional Safeguarding "
            "Board met quarterly.\n")
    assert chairs_of(text) == {("Huw Bevan", "Brookhampton Regional Safeguarding Board"),
                               ("Ama Ndiaye", "Brookhampton Regional Safeguarding Board")}


def test_an_interim_chair_of_an_agency_and_a_predecessor_who_before_that_chaired_the_lscb() -> None:
    text = ("News\n\nFatima Rahman has been appointed Independent Chair of the Brookhampton Safeguarding Children "
            "Partnership. Fatima succeeds Desmond Achter, who has been Independent Chair of the Brookhampton "
            "Safeguarding Children Partnership since 2019, and before that chaired the Brookhampton Local "
            "Safeguarding Children Board for three years. Since Desmond stepped down, Chief Superintendent Gary Lyle "
            "of Brookhampton Police has acted as interim chair of the partnership.\n")
    assert chairs_of(text) == {("Fatima Rahman", "Brookhampton Safeguarding Children Partnership"),
                               ("Desmond Achter", "Brookhampton Safeguarding Children Partnership"),
                               ("Desmond Achter", "Brookhampton Local Safeguarding Children Board"),
                               ("Gary Lyle", "Brookhampton Safeguarding Children Partnership")}


# --- from r46-r48 (scored first on the code after the r43-r45 fixes) ---

def test_a_vawg_board_and_its_chair_in_apposition() -> None:
    text = (_PANEL + "Hana Voss, Head of Community Safety and chair of the Brookhampton VAWG Strategic "
            "Board, presented "
            "the draft strategy.\n")
    assert chairs_of(text) == {("Hana Voss", "Brookhampton VAWG Strategic Board")}


def test_a_signatures_third_line_gives_the_co_chair() -> None:
    text = ("Foreword\n\nWe are pleased to present our plan.\n\nNadia Ferris\nExecutive Director of "
            "Children's Services, "
            "Brookhampton Council\nCo-Chair, Brookhampton Safeguarding Children Partnership\n\nSimon Trew\nChief "
            "Nursing Officer, NHS Brookhampton ICB\nCo-Chair, Brookhampton Safeguarding Children Partnership\n")
    assert chairs_of(text) == {("Nadia Ferris", "Brookhampton Safeguarding Children Partnership"),
                               ("Simon Trew", "Brookhampton Safeguarding Children Partnership")}


def test_the_boards_are_chaired_by_on_a_page_naming_a_national_board_too() -> None:
    text = ("About us\n\nThe Brookhampton Regional Safeguarding Children Board and the Brookhampton Regional "
            "Safeguarding Adults Board meet jointly. The National Independent Safeguarding Board advises them.\n\n"
            "Who chairs the boards?\n\nThe boards are chaired by Cari Ellis, Director of Social "
            "Services, who took over "
            "the chair from Gareth Prys of Brookhampton County Council in April 2024.\n")
    assert chairs_of(text) == {(n, b) for n in ("Cari Ellis", "Gareth Prys")
                               for b in ("Brookhampton Regional Safeguarding Children Board",
                                         "Brookhampton Regional Safeguarding Adults Board")}


def test_she_took_over_the_role_in_a_year_from_her_predecessor() -> None:
    text = ("Governance\n\nThe partners have appointed Ida Kell as Independent Scrutineer of the Brookhampton "
            "Safeguarding Children Partnership. She took over the role in April 2023 from Rafe Oke, who had been the "
            "last Independent Chair of the Brookhampton Local Safeguarding Children Board.\n")
    assert chairs_of(text) == {("Ida Kell", "Brookhampton Safeguarding Children Partnership"),
                               ("Rafe Oke", "Brookhampton Safeguarding Children Partnership"),
                               ("Rafe Oke", "Brookhampton Local Safeguarding Children Board")}


def test_a_successor_whose_sentence_before_opens_with_a_title_and_no_replaced_board_for_the_predecessor() -> None:
    text = ("News\n\nProfessor Hana Vale will take up the role on 1 May 2025. She succeeds Gil Oda, who "
            "has chaired the "
            "Brookhampton Safeguarding Children Partnership since it replaced the Brookhampton Safeguarding Children "
            "Board in 2019.\n")
    assert chairs_of(text) == {("Hana Vale", "Brookhampton Safeguarding Children Partnership"),
                               ("Gil Oda", "Brookhampton Safeguarding Children Partnership")}


def test_which_he_chaired_after_a_board_is_the_sentences_one_person() -> None:
    text = (_PANEL + "Councillor Amar Gill asked about the role of the Corporate Parenting Board, which he chaired, in "
            "relation to children in care.\n")
    assert chairs_of(text) == {("Amar Gill", "Corporate Parenting Board")}


def test_who_had_chaired_the_lscb_and_is_now_the_scrutineer_of_the_partnership() -> None:
    text = ("Health and Wellbeing Board\n\nThe Board considered the final annual report of the Brookhampton Local "
            "Safeguarding Children Board, which was presented by Dr Isla Trent, who had chaired the LSCB until its "
            "replacement and is now the Independent Scrutineer of the Brookhampton Safeguarding Children "
            "Partnership.\n")
    assert chairs_of(text) == {("Isla Trent", "Brookhampton Local Safeguarding Children Board"),
                               ("Isla Trent", "Brookhampton Safeguarding Children Partnership")}


def test_its_independent_chair_after_a_sentence_a_board_opens_and_a_council_body_chaired_by() -> None:
    text = ("Partnership boards\n\nThe Brookhampton Safeguarding Children Partnership is led by three partners.\n\nThe "
            "Brookhampton Safeguarding Adults Board is the statutory adults board. Its Independent Chair is Col "
            "Marks.\n\nThe council's Overview and Scrutiny Management Board, chaired by Councillor Wes Raza, receives "
            "annual reports from the Brookhampton Safeguarding Children Partnership and the Brookhampton "
            "Safeguarding Adults Board.\n")
    assert chairs_of(text) == {("Col Marks", "Brookhampton Safeguarding Adults Board")}


# --- from r49-r51 (scored first on the end-of-session code; these three shapes fixed after) ---

def test_a_councillors_list_after_a_colon_lists_them_all() -> None:
    text = ("Full Council\n\nPresent:\nCouncillors: J Abbot, R Banner, C Dunnet, K Mbeki-Lane, S Norcot\n\n1. "
            "Apologies\nNone.\n")
    assert {"J Abbot", "R Banner", "C Dunnet", "K Mbeki-Lane", "S Norcot"} <= people_of(text)


def test_these_include_after_a_sentence_naming_the_relevant_agencies() -> None:
    text = ("Brookhampton Safeguarding Children Partnership\n\nRelevant agencies\n\nThe partners have named the "
            "relevant agencies that must co-operate with the arrangements. These include all schools and colleges in "
            "the borough, Brookhampton Community Voluntary Service, the Probation Service and the Youth Justice "
            "Service.\n")
    assert {s for _, s in partners_of(text)} >= {"education", "voluntary-sector", "probation", "youth-justice"}


def test_a_front_door_or_a_charitys_name_is_no_person() -> None:
    text = (_PANEL + "Present | Jas Bhogal | Sahara Sisters (by and for service) | Service Manager\nThe Front Door "
            "received 4,000 contacts; a Participant Observer attended.\n")
    assert not people_of(text) & {"Front Door", "Sahara Sisters", "Participant Observer"}
