"""Shapes the lead found in session 21 (issue 9), from the blind rounds r109-r114 (scored once on the session-20
code, then read). Texts invented."""

from __future__ import annotations

from fact_probes import boards_of, chairs_of, partners_of, people_of

# --- chairs: a partnership's executive group is the partnership ---

_EXECUTIVE = ("Wexcombe Safeguarding Children Partnership\n\nExecutive Group\n\nNotes of meeting: Tuesday 9th May "
              "2023, 10am - 12pm, Room 4, Civic Centre\n\nAttendees: Imogen Thwaite, Director of Children's Services, "
              "Wexcombe Council (Co-Chair); Detective Chief Superintendent Omar Feld, Wexcombe Police (Co-Chair); "
              "Bettina Lowry, Chief Nurse, Wexcombe Integrated Care Board (Co-Chair); Tobias Marl, Partnership "
              "Business Manager\n\nApologies: none\n\n1. Notes of the previous meeting\n\nAgreed.\n\n2. Rapid "
              "Reviews\n\nOne Rapid Review was held since the last meeting.\n")


def test_the_co_chairs_marked_in_an_executive_groups_attendance_chair_the_partnership() -> None:
    board = "Wexcombe Safeguarding Children Partnership"
    assert chairs_of(_EXECUTIVE) == {("Imogen Thwaite", board), ("Omar Feld", board), ("Bettina Lowry", board)}


def test_a_sub_groups_heading_still_keeps_its_chair_from_the_partnership() -> None:
    text = _EXECUTIVE.replace("Executive Group", "Quality Assurance Sub-group")
    assert chairs_of(text) == set()


# --- chairs: signatures ---

_INTRODUCTION = ("Page 2: Lanthorpe Safeguarding Adults Board Annual Report 2022-23\n\nCHAIR'S INTRODUCTION"
                 "\n\nIt is my privilege to introduce the annual report of the Lanthorpe Safeguarding Adults Board "
                 "for 2022-23. The Board works alongside the Lanthorpe Safeguarding Children Partnership on "
                 "transitions.\n\nReferrals rose by 12% this year.\n\nMarisol Quayle\nChair\n\nPage 3: our "
                 "priorities\n")


def test_a_chairs_introduction_signed_chair_is_the_reports_boards() -> None:
    assert chairs_of(_INTRODUCTION) == {("Marisol Quayle", "Lanthorpe Safeguarding Adults Board")}


def test_a_signature_block_of_co_chairs_names_them_all() -> None:
    text = ("Wexcombe Safeguarding Adults Board (WSAB) Strategic Plan 2022-2025\n\nForeword\n\nWe are pleased to "
            "present the WSAB's plan for the next three years. It sets out how the Board's partners will work together "
            "to prevent abuse and neglect, to learn from Safeguarding Adults Reviews and to hear the voices of the "
            "people who use services, and what each partner has promised to do.\n\nFiona Ashdown, Director "
            "of Adult Social Services, Wexcombe County Council\nDr Kwame Ellery, Chief Nurse, NHS Wexcombe "
            "Integrated Care Board\nCo-Chairs, "
            "WSAB\n\nPage 3: our priorities\n")
    board = "Wexcombe Safeguarding Adults Board"
    assert chairs_of(text) == {("Fiona Ashdown", board), ("Kwame Ellery", board)}


def test_a_two_column_signature_of_co_chairs_names_both() -> None:
    text = ("Lanthorpe Domestic Abuse Partnership Board\n\nStrategy 2024-2027\n\nWe thank everyone who shaped this "
            "plan, and the survivors who spoke to us about what helped them and what did not, through the Lived "
            "Experience Forum and the independent advocacy services that support it across the county.\n\n"
            "Cllr Hermione Vasquez                  Superintendent Lionel Brandt\nCabinet Member for "
            "Communities           Lanthorpe Division, Eastvale Police\nCo-Chair                                  "
            "Co-Chair\n\nBoard membership\n")
    board = "Lanthorpe Domestic Abuse Partnership Board"
    assert chairs_of(text) == {("Hermione Vasquez", board), ("Lionel Brandt", board)}


# --- chairs: a joint meeting's table ---

_JOINT = ("Minutes - WRSCB / WRSAB Joint Board\n\nJoint meeting of the Wexcombe Regional Safeguarding Children Board "
          "(WRSCB) and the Wexcombe Regional Safeguarding Adults Board (WRSAB)\n\nDate: 14 July 2021, 10.00 - 12.30\n\n"
          "Present:\n\nName | Organisation | Role\nCeridwen Hale | Wexcombe County Council | Co-Chair, Director of "
          "Social Services\nSupt. Gareth Pryor | Wexcombe Police | Co-Chair\nMorwenna Jude | Wexcombe Health Board | "
          "Head of Safeguarding\nCllr Ivo Stannard | Wexcombe County Council | Chair, Children's Scrutiny "
          "Committee\n\nItem 1. Welcome\n\nThe Co-Chairs welcomed members.\n")


def test_the_co_chairs_of_a_joint_meetings_table_chair_both_boards() -> None:
    children, adults = "Wexcombe Regional Safeguarding Children Board", "Wexcombe Regional Safeguarding Adults Board"
    assert chairs_of(_JOINT) == {("Ceridwen Hale", children), ("Ceridwen Hale", adults),
                                 ("Gareth Pryor", children), ("Gareth Pryor", adults)}


# --- chairs: "the Board is chaired by" in a sentence naming partners ---

_DECISION = ("Decision - Domestic Abuse Strategy 2024-2027\n\nDecision Maker: Cabinet\n\nDate of decision: 05/02/2024"
             "\n\nDecision:\n\n1. Approves the Lanthorpe Domestic Abuse Strategy as recommended by the Lanthorpe "
             "Domestic Abuse Partnership Board.\n\n2. Notes that the strategy was developed with Lanthorpe Police, the "
             "Lanthorpe Integrated Care Board and Lanthorpe Homes, all of which are members of the Partnership Board, "
             "and that the Board is chaired by the Council's Director of Public Health, Dr Priya Vance.\n")


def test_partners_named_earlier_in_the_sentence_do_not_make_the_board_a_strangers() -> None:
    assert chairs_of(_DECISION) == {("Priya Vance", "Lanthorpe Domestic Abuse Partnership Board")}


def test_a_sub_group_of_the_partnership_chaired_by_is_the_groups_chair() -> None:
    text = ("Lanthorpe Community Safety Partnership Plan\n\nPriority 1: Domestic abuse\n\nWe will fund the advocacy "
            "service. The Domestic Abuse Delivery Group, a sub-group of the Partnership chaired by Nadia Corbet, "
            "Assistant Director for Communities, leads this work.\n")
    assert chairs_of(text) == set()


# --- partners: a board named short by its last two words ---

_SHORT_NAME = ("Agenda item\n\nYouth Justice Plan and Annual Report of the Wexcombe Safeguarding Children Partnership"
               "\n\nMinutes:\n\n5.1 The Committee considered two reports. The first, the Youth Justice Plan, was "
               "presented by Chief Superintendent Ada Moreno, who chairs the Wexcombe Youth Justice Management Board. "
               "The Management Board's membership includes children's social care, education, the police, the "
               "Probation Service and the Wexcombe Integrated Care Board.\n")


def test_the_management_boards_membership_is_the_youth_justice_boards() -> None:
    got = partners_of(_SHORT_NAME)
    board = "Wexcombe Youth Justice Management Board"
    assert {(board, s) for s in ("education", "police", "probation", "health")} <= got


# --- chairs: a second post after the first ---

def test_a_second_chairs_post_after_and_also_is_the_second_boards() -> None:
    text = ("The Panel welcomed Tobias Wrenfield, who is the Independent Chair of the Lanthorpe Safeguarding Adults "
            "Board and also the Independent Scrutineer for the Lanthorpe Safeguarding Children Partnership, and "
            "Carys Ebdon, Head of Safeguarding Partnerships.\n")
    assert chairs_of(text) == {("Tobias Wrenfield", "Lanthorpe Safeguarding Adults Board"),
                               ("Tobias Wrenfield", "Lanthorpe Safeguarding Children Partnership")}


def test_an_outgoing_chair_who_will_act_as_interim_chair_of_the_new_partnership_chairs_both() -> None:
    text = ("The Wexcombe Local Safeguarding Children Board (LSCB) will be replaced by the Wexcombe Safeguarding "
            "Children Partnership on 29 September 2019. Cabinet noted that Anselm Birtwhistle, the outgoing "
            "Independent Chair of the LSCB, would act as Interim Chair of the new Partnership until an independent "
            "scrutineer was recruited.\n")
    assert chairs_of(text) == {("Anselm Birtwhistle", "Wexcombe Local Safeguarding Children Board"),
                               ("Anselm Birtwhistle", "Wexcombe Safeguarding Children Partnership")}


# --- chairs: a "Chair:" field on the board's own page ---

_FIELD = ("Safer Wexcombe Partnership\n\nAbout us\n\nThe Safer Wexcombe Partnership (SWP) is the Community Safety "
          "Partnership for the borough of Wexcombe, set up under the Crime and Disorder Act 1998.\n\nMembership\n\n"
          "The responsible authorities on the SWP are:\n\nWexcombe Borough Council\nEastvale Police\nEastvale Fire "
          "and Rescue Service\nNHS Eastvale Integrated Care Board\nThe Probation Service\n\nThe Partnership Board "
          "also includes:\n\nWexcombe Youth Justice Service\nLanthorpe Housing Group\nWexcombe Council for "
          "Voluntary Service\n\n"
          "Chair:  Superintendent Oriel Castleton, Eastvale Police\nVice-Chair:  Councillor Amos Tregarthen, Cabinet "
          "Member for Safer Communities\n\nDomestic homicide reviews are published once the Home Office Quality "
          "Assurance Panel has approved them.\n")


def test_a_chair_field_under_the_boards_membership_is_its_chair() -> None:
    assert chairs_of(_FIELD) == {("Oriel Castleton", "Safer Wexcombe Partnership")}


def test_a_chair_field_under_a_groups_heading_is_the_groups() -> None:
    text = ("Sub-groups\n\nEducation reference group\n\nChair: Marit Oyelowo, Head Teacher, Lanthorpe Academy\n\n"
            "The group links schools with the Lanthorpe Safeguarding Children Partnership (LSCP).\n")
    assert chairs_of(text) == set()


# --- boards and people ---

def test_a_welsh_practice_reviews_reference_names_no_board() -> None:
    text = ("Minutes of the Lanthorpe Regional Safeguarding Children Board (LRSCB), 8 December 2021\n\nPresent: "
            "Carys Pugh (Chair), Dafydd Ellis (Lanthorpe Police)\n\n3. The Child Practice Review LRSCB 02/2020 has "
            "been completed and approved by the Review Sub-Group.\n")
    assert set(boards_of(text)) == {"Lanthorpe Regional Safeguarding Children Board"}


def test_a_posts_cell_over_a_partnership_board_is_no_part_of_its_name() -> None:
    text = ("Wexcombe Safeguarding Partnership Business Plan 2023-24\n\n1. OUR STRUCTURE\n\nExecutive (statutory "
            "partners)  |  Interim Independent Chair\nPartnership Board (all members)\nSub-groups:  Learning from "
            "Reviews  |  Training\n")
    assert not any("Chair" in name for name in boards_of(text))


def test_a_line_of_page_furniture_lends_no_words_to_the_board_below_it() -> None:
    text = ("Related: Safer Sleep week 2023 | ICON - Babies Cry, You Can Cope\n\nLanthorpe Safeguarding Children "
            "Partnership · Floor 3, Civic Centre, Lanthorpe\n")
    assert set(boards_of(text)) == {"Lanthorpe Safeguarding Children Partnership"}


def test_two_initialled_names_with_posts_after_an_attendance_label_are_people() -> None:
    text = ("Also in attendance: P Okafor (Office of the Police and Crime Commissioner), L Marchetti (Community Safety "
            "Officer)\n")
    assert {"P Okafor", "L Marchetti"} <= people_of(text)


def test_who_chairs_the_boards_case_review_group_chairs_the_group() -> None:
    text = ("The Lanthorpe Safeguarding Children Partnership (LSCP) published its review today. Ingram Soyinka, who "
            "chairs the LSCP Case Review Group, said the learning was about seeing the whole family.\n")
    assert chairs_of(text) == set()


# --- not a post: the next clause's subject; names a month gives ---

def test_a_title_opening_the_next_clause_is_not_the_name_befores() -> None:
    text = ("Minutes of the Eastvale Health and Wellbeing Board, 11 July 2019\n\nPRESENT: Councillor Ruth Okello (in "
            "the Chair)\n\nALSO PRESENT: Tamsin Wray (Independent Chair, Eastvale Safeguarding Adults Board)\n\n5. The "
            "Board received the annual report of the Eastvale Safeguarding Adults Board. In response to a question "
            "from Councillor Marek Oduya, the Independent Chair confirmed that the statutory partners had each "
            "increased their contribution.\n")
    assert ("Marek Oduya", "Eastvale Safeguarding Adults Board") not in chairs_of(text)
    assert ("Tamsin Wray", "Eastvale Safeguarding Adults Board") in chairs_of(text)


def test_whose_chair_councillor_names_the_bodys_chair() -> None:
    text = ("Publication will be coordinated with the Wexcombe Children's Trust, whose chair, Councillor Idris "
            "Fairlie, has been briefed.\n")
    assert chairs_of(text) == {("Idris Fairlie", "Wexcombe Children's Trust")}


def test_a_month_after_councillor_is_a_given_name() -> None:
    text = "Apologies were received from Councillor June Hartwell and Councillor April Soames.\n"
    assert {"June Hartwell", "April Soames"} <= people_of(text)
