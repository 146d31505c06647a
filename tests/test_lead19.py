"""Shapes the lead found in session 19 (issue 9), from the blind rounds r49-r84 (each group of three scored
before any fix). 45 of the 53 fail on the session's start code (45db208); the others guard what must not change."""

from __future__ import annotations

from fact_probes import boards_of, chairs_of, meeting_of, partners_of, people_of, reviews_of

from kg.extract.pipeline import extract
from kg.model import Document

_BULLETIN = ("Posted by the Partnership Team on 3 June 2024\n\n\nPartnership Board Summary – May 2024\n\n"
             "The Lanthorpe and Wexcombe Safeguarding Children Partnership (LWSCP) last met on 21 May 2024. Minutes "
             "of the meeting held on 19 February 2024 were approved.\n\nNeglect: the partners signed off the "
             "neglect strategy.\n\nThe next meeting is on 17 September 2024.\n")


# --- meeting ---

def test_a_bulletins_board_that_last_met_on_a_day_is_the_meeting() -> None:
    assert meeting_of(_BULLETIN) == ("Lanthorpe and Wexcombe Safeguarding Children Partnership", "2024-05-21")


def test_a_bulletins_acronym_that_met_on_a_day_is_the_meeting() -> None:
    text = ("General news\n\nThe LWSAB last met on 26 April 2017.  The minutes of 3 March 2017 were approved.\n\n"
            "The Lanthorpe and Wexcombe Safeguarding Adults Board (LWSAB) heard about self-neglect.\n")
    body, date = meeting_of(text)
    assert date == "2017-04-26"
    assert body in ("LWSAB", "Lanthorpe and Wexcombe Safeguarding Adults Board")


def test_a_board_whose_minutes_from_when_it_met_are_noted_is_no_meeting() -> None:
    text = ("Lanthorpe Borough Council\nCabinet - Monday, 9th March, 2015\n\n5. Minutes of other bodies\n"
            "The minutes of the Lanthorpe Safeguarding Children Board which met on 20 February 2015 were noted.\n")
    assert meeting_of(text) == ("Cabinet", "2015-03-09")


# --- boards ---

def test_a_partnership_executive_is_its_own_board() -> None:
    text = ("Lanthorpe Children and Young People's Partnership Executive\nNotes of the meeting held on 8 November "
            "2011\n\nPresent: Cllr Hal Jessup (Chair), Ann Mistry (Director of Children's Services)\n\n"
            "1. The Executive agreed the plan.\n")
    assert "Lanthorpe Children and Young People's Partnership Executive" in boards_of(text)
    assert chairs_of(text) == {("Hal Jessup", "Lanthorpe Children and Young People's Partnership Executive")}


def test_a_partnerships_executive_director_is_no_board() -> None:
    text = ("Lanthorpe Children and Young People's Partnership: annual report\n\nAnn Mistry, the Lanthorpe "
            "Children and Young People's Partnership Executive Director, presented the plan.\n")
    assert "Lanthorpe Children and Young People's Partnership" in boards_of(text)
    assert not any(n.endswith("Executive Director") or n.endswith("Executive") for n in boards_of(text))


# --- chairs ---

def test_an_attendance_column_before_the_name_keeps_the_chairs_cell() -> None:
    text = ("Lanthorpe Domestic Abuse Local Partnership Board\n\nMinutes of meeting held on Thursday 19 October "
            "2023\n\nAttendance | Name | Organisation | Role\n---|---|---|---\nPresent | Supt Alec Marsh | Lanthorpe "
            "Constabulary | Co-Chair\nPresent | Ifeoma Nwosu | Lanthorpe County Council | Director of Communities, "
            "Co-Chair\nApologies | Gary Pell | Lanthorpe County Council | Domestic Abuse Lead\n\n1. Welcome\n")
    assert chairs_of(text) == {("Alec Marsh", "Lanthorpe Domestic Abuse Local Partnership Board"),
                               ("Ifeoma Nwosu", "Lanthorpe Domestic Abuse Local Partnership Board")}


def test_in_the_chair_after_the_members_post_in_brackets() -> None:
    text = ("LANTHORPE SAFEGUARDING ADULTS BOARD\n\nMINUTES of a meeting of the Lanthorpe Safeguarding Adults Board "
            "held at County Hall on Thursday 9 July 2020\n\nPRESENT: Councillor Mary Oyelade (Cabinet Member for "
            "Adult Social Care) - in the Chair; Councillor Ian Thwaite (Cabinet Member for Children); Simon Dela "
            "(Accountable Officer, Lanthorpe CCG)\n\n1. APOLOGIES\n")
    assert chairs_of(text) == {("Mary Oyelade", "Lanthorpe Safeguarding Adults Board")}


def test_who_will_chair_the_board_is_the_meetings_board_not_a_partnership_named_later() -> None:
    text = ("LANTHORPE YOUTH JUSTICE MANAGEMENT BOARD\n\n22nd June 2018\n\nPresent:\n\nAndrew Kilby Director of "
            "Children's Services, Lanthorpe Council (Chair)\nPatrick Mull Chair of the Safer Lanthorpe Partnership\n"
            "Debra Nyo Head of Youth Justice\n\n6. AOB\n\nThe Chair noted that Andrew Kilby will be leaving the "
            "authority in September; Debra Nyo will chair the Board on an interim basis.\n")
    assert chairs_of(text) == {("Andrew Kilby", "LANTHORPE YOUTH JUSTICE MANAGEMENT BOARD"),
                               ("Patrick Mull", "Safer Lanthorpe Partnership"),
                               ("Debra Nyo", "LANTHORPE YOUTH JUSTICE MANAGEMENT BOARD")}


def test_a_local_criminal_justice_board_is_a_board() -> None:
    text = ("Lanthorpe Police and Crime Panel - 9 March 2023\n\n5. Domestic abuse\nThe Lanthorpe Local Criminal "
            "Justice Board, chaired by the Commissioner Julia Ash, has made court delays its priority.\n")
    assert boards_of(text).get("Lanthorpe Local Criminal Justice Board") == "other-board"
    assert chairs_of(text) == {("Julia Ash", "Lanthorpe Local Criminal Justice Board")}


# --- reviews ---

def test_a_quoted_case_after_relating_to_is_the_reviews_name() -> None:
    text = ("Lanthorpe Safeguarding Children Partnership\n\nIn 2020 a Serious Case Review relating to \"Baby Jay\" "
            "had been published.\n")
    assert reviews_of(text) == {("serious-case-review", "Baby Jay")}


def test_a_case_known_in_the_report_as_a_first_name() -> None:
    text = ("Lanthorpe Safeguarding Children Partnership\n\nThe partnership published a Local Child Safeguarding "
            "Practice Review following the death of a baby, known in the report as Ellis, in 2023.\n")
    assert reviews_of(text) == {("child-safeguarding-practice-review", "Ellis")}


def test_an_interim_chairs_bracket_closing_a_glued_attendance_line() -> None:
    text = ("LANTHORPE YOUTH JUSTICE PARTNERSHIP BOARD\n\n27thJanuary2022\n\nPresent:\n\nLionel DlaminiSuperintendent, "
            "Lanthorpe Police (Interim Chair)\n\nHarriet CoyleHead of Youth Justice Service\n")
    assert chairs_of(text) == {("Lionel Dlamini", "LANTHORPE YOUTH JUSTICE PARTNERSHIP BOARD")}


def test_reported_speech_after_a_post_in_apposition() -> None:
    text = ("Lanthorpe Police and Crime Panel\n\n5. Domestic abuse\n\nThe Deputy Commissioner, Bethan Oake, explained "
            "that she chaired the Lanthorpe Domestic Abuse Local Partnership Board, set up in 2021.\n")
    assert chairs_of(text) == {("Bethan Oake", "Lanthorpe Domestic Abuse Local Partnership Board")}


# --- people ---

def test_a_glued_name_after_an_honorific_is_the_whole_name() -> None:
    text = ("LANTHORPE YOUTH JUSTICE PARTNERSHIP BOARD\n\nPresent:\n\nDr Yetunde BakareConsultant Clinical "
            "Psychologist, CAMHS, Lanthorpe NHS Trust\n\nCllr Amir RahimiLead Member for Children and Families\n\n"
            "Harriet CoyleHead of Youth Justice Service\n")
    assert people_of(text) == {"Yetunde Bakare", "Amir Rahimi", "Harriet Coyle"}


# --- boards ---

def test_an_undefined_acronyms_partnership_board_is_that_partnership() -> None:
    text = ("Lanthorpe Safeguarding Children Partnership\n\nHome > News > Key messages - March 2024\n\nThe LSCP "
            "Partnership Board met on 14 March 2024. The partners agreed the neglect strategy.\n")
    assert boards_of(text) == {"Lanthorpe Safeguarding Children Partnership": "safeguarding-children"}
    assert meeting_of(text) == ("Lanthorpe Safeguarding Children Partnership", "2024-03-14")


def test_chaired_since_a_month_by() -> None:
    text = ("Lanthorpe District Council\nCouncil - 22 February 2012\n\nCouncillor Rudd replied that the Lanthorpe "
            "Community Safety Partnership had been chaired since May 2011 by Chief Inspector Yusuf Karim, the district "
            "commander, with Councillor Rudd as vice-chair.\n")
    assert chairs_of(text) == {("Yusuf Karim", "Lanthorpe Community Safety Partnership")}


def test_the_two_co_chairs_of_a_partnership_in_lower_case() -> None:
    text = ("Lanthorpe Council\nScrutiny Committee - 5 December 2023\n\nThe report was presented by the two co-chairs "
            "of the LSPP, Margaret Osei (Director of Children's and Adults' Services, Lanthorpe Council) and Detective "
            "Chief Superintendent Rhys Pember (Lanthorpe Constabulary), together with Anna Hart, Director of Nursing."
            "\n\nThe Lanthorpe Safeguarding People Partnership (LSPP) replaced the two boards.\n")
    assert chairs_of(text) == {("Margaret Osei", "Lanthorpe Safeguarding People Partnership"),
                               ("Rhys Pember", "Lanthorpe Safeguarding People Partnership")}


def test_a_co_chairs_field_with_a_note_and_semicolons() -> None:
    text = ("Lanthorpe Safeguarding Children Partnership Board\nMinutes of the meeting held on 6 February 2024\n\n"
            "Co-chairs (the safeguarding partners' delegates): Catriona Lowe (Director of Children's Services, "
            "Lanthorpe Council); Detective Chief Superintendent Marcus Oyen (Head of Public Protection, Lanthorpe "
            "Constabulary); Dr Hannah Veld (Chief Nurse, NHS Lanthorpe ICB)\n\n1. Welcome\n")
    board = "Lanthorpe Safeguarding Children Partnership Board"
    assert chairs_of(text) == {("Catriona Lowe", board), ("Marcus Oyen", board), ("Hannah Veld", board)}


def test_a_co_chairs_field_stops_at_the_next_field() -> None:
    text = ("Lanthorpe Safeguarding Children Partnership Board\nMinutes of the meeting held on 6 February 2024\n\n"
            "Co-chairs: Catriona Lowe (Director, Lanthorpe Council); Vice-Chair: Marcus Oyen (Head of Public "
            "Protection)\n\n1. Welcome\n")
    assert chairs_of(text) == {("Catriona Lowe", "Lanthorpe Safeguarding Children Partnership Board")}


# --- layout: columns parted by runs of spaces ---

_COLUMNS = ("Lanthorpe Domestic Abuse Local Partnership Board\nNotes of meeting – Tuesday 23 January 2024, 13:00\n\n"
            "Attendees\nName                      Organisation                                        Role\n"
            "Dr Naomi Achter           Lanthorpe Vale Council                              Director of Public Health "
            "(Interim Chair)\nCllr Rosa Whitt           Lanthorpe Vale Council                              Chair, "
            "Lanthorpe Community Safety Partnership\n\n1. Welcome\n")


def test_a_column_gap_ends_a_name_read_after_an_honorific() -> None:
    assert {"Naomi Achter", "Rosa Whitt"} <= people_of(_COLUMNS)


def test_a_column_gap_ends_the_agency_and_council_before_it() -> None:
    f = extract(Document(id="t", text=_COLUMNS, source="test"))
    assert all("   " not in o.name for o in f.organisations)
    assert f.meeting is not None and f.meeting.council == "Lanthorpe Vale Council"


def test_notes_of_meeting_is_the_document_not_the_body() -> None:
    assert meeting_of(_COLUMNS) == ("Lanthorpe Domestic Abuse Local Partnership Board", "2024-01-23")


def test_a_chairs_mark_closing_a_wide_row() -> None:
    assert chairs_of(_COLUMNS) == {("Naomi Achter", "Lanthorpe Domestic Abuse Local Partnership Board"),
                                   ("Rosa Whitt", "Lanthorpe Community Safety Partnership")}


# --- partners ---

def test_relevant_agencies_in_a_numbered_section_that_names_the_partnership_generically() -> None:
    text = ("Lanthorpe Borough Council\n\nLocal safeguarding arrangements\n\n1. What has changed\n\nUntil 2019 the "
            "Lanthorpe Safeguarding Children Board co-ordinated the work. It was replaced by the Lanthorpe Children's "
            "Safeguarding Partnership (LCSP).\n\n2. Who is responsible\n\nThe law names three safeguarding partners:"
            "\n\n- the local authority (Lanthorpe Borough Council)\n- the Integrated Care Board (NHS Lanthorpe ICB)\n"
            "- the police (Lanthorpe Police)\n\nThe partners have also named relevant agencies who must co-operate with "
            "the arrangements. In Lanthorpe these include schools, the Probation Service, Lanthorpe Fire and Rescue "
            "Service and voluntary organisations.\n\nThe day-to-day work of the partnership is supported by a small "
            "Business Unit.\n\n3. Independent scrutiny\n\nThe partners have appointed an Independent Scrutineer.\n")
    got = {s for b, s in partners_of(text) if b == "Lanthorpe Children's Safeguarding Partnership"}
    assert {"probation", "fire-and-rescue", "education"} <= got


def test_had_chaired_the_board_in_a_wellbeing_boards_minutes_is_the_reports_board() -> None:
    text = ("Lanthorpe Council\nHealth and Wellbeing Board - 9 October 2019\n\n6. Safeguarding Adults Board annual "
            "report\nThe Board received the annual report of the Lanthorpe Safeguarding Adults Board, presented by Dr "
            "Ife Chukwu, who had been appointed Independent Chair of the LSAB in April 2019. Dr Chukwu explained that the "
            "report covered the final year in which her predecessor, Keith Vardon, had chaired the Board.\n")
    assert ("Keith Vardon", "Lanthorpe Safeguarding Adults Board") in chairs_of(text)
    assert all(b == "Lanthorpe Safeguarding Adults Board" for _, b in chairs_of(text))


def test_a_flattened_rows_chair_cell_before_its_attendance_mark() -> None:
    text = ("LANTHORPE SAFEGUARDING CHILDREN PARTNERSHIP\nMinutes of the meeting held on 3 March 2022\n\nMember P A D "
            "Ravi Menon (RM) – Detective Chief Superintendent, Head of Public Protection, Lanthorpe Constabulary – Chair "
            "P Judith Okwu (JO) – Director of Children's Services, Lanthorpe Council P Sinead Galvin (SG) – Chief "
            "Nurse A\n")
    assert chairs_of(text) == {("Ravi Menon", "LANTHORPE SAFEGUARDING CHILDREN PARTNERSHIP")}


def test_the_two_co_chairs_of_a_partnership_with_its_acronym() -> None:
    text = ("Lanthorpe District Council\nCommunities Committee - 10 March 2024\n\nThe Committee welcomed the two "
            "co-chairs of the Safer Lanthorpe Partnership (SLP), Superintendent Rebecca Tann of Lanthorpe Police and "
            "Victor Castel, Director of Communities at Lanthorpe District Council, who presented the annual update.\n")
    assert chairs_of(text) == {("Rebecca Tann", "Safer Lanthorpe Partnership"),
                               ("Victor Castel", "Safer Lanthorpe Partnership")}


def test_its_opening_a_sentence_is_the_board_the_sentence_before_opens_with() -> None:
    text = ("Lanthorpe Council\nCabinet - 25 June 2019\n\nThe Lanthorpe Local Safeguarding Children Board will be "
            "replaced by the Lanthorpe Safeguarding Children Partnership (LSCP).\n\nThe Lanthorpe Safeguarding Adults "
            "Board would continue as a separate statutory board but would share a business unit with the LSCP. Its "
            "Independent Chair, Gordon Pryce, had been consulted on the proposals.\n")
    assert chairs_of(text) == {("Gordon Pryce", "Lanthorpe Safeguarding Adults Board")}


def test_the_independent_chair_of_a_review_panel_chairs_no_board() -> None:
    text = ("Lanthorpe Community Safety Partnership\nMinutes of the meeting held on 3 March 2012\n\nThe Partnership "
            "received the overview report of its first Domestic Homicide Review. Frances Okoro, the independent chair "
            "of the review panel, presented the findings.\n")
    assert chairs_of(text) == set()


def test_a_subgroup_chaired_by_in_brackets_chairs_no_board() -> None:
    text = ("Lanthorpe Safeguarding Adults Board\n\nThe Board is supported by three subgroups: Safeguarding Adults "
            "Review subgroup (chaired by Dr Nadia Faro, Designated Professional), Performance and Quality subgroup, "
            "and Learning and Development subgroup.\n")
    assert chairs_of(text) == set()


def test_key_messages_from_a_boards_meeting_held_on_a_day() -> None:
    text = ("Board Briefing - March 2012 | Lanthorpe LSCB\n\nHome > About the Board > Board Briefings\n\nKey messages "
            "from the Lanthorpe Local Safeguarding Children Board meeting held on 14 March 2012\n\nThe Board approved "
            "the executive summary of the Serious Case Review into the death of Baby L.\n")
    assert meeting_of(text) == ("Lanthorpe Local Safeguarding Children Board", "2012-03-14")


def test_the_minutes_of_a_boards_meeting_held_on_a_day_at_a_committee_are_not_the_meeting() -> None:
    text = ("Lanthorpe Borough Council\nCabinet - Monday, 9th March, 2015\n\n5. Minutes of other bodies\nThe minutes "
            "of the Lanthorpe Safeguarding Children Board meeting held on 20 February 2015 were noted.\n")
    assert meeting_of(text) == ("Cabinet", "2015-03-09")


def test_the_community_safety_partnership_is_the_one_named_partnership_of_its_kind() -> None:
    text = ("Lanthorpe District Council\nCrime and Disorder Committee\n\n5. Community safety\nThe Committee met as the "
            "Council's designated Crime and Disorder Committee to receive the annual update of the Community Safety "
            "Partnership. The co-chairs of the Safer Lanthorpe Partnership presented the report.\n")
    assert boards_of(text) == {"Safer Lanthorpe Partnership": "community-safety"}


def test_the_partnerships_co_chairs_are_the_partnership_named_before_not_the_meetings_board() -> None:
    text = ("Lanthorpe Council\nHealth and Wellbeing Board - 8 March 2022\n\n6. Safeguarding children\nThe Board "
            "received the annual report of the Lanthorpe Children Safeguarding Partnership (LCSP), which is led "
            "jointly by the three safeguarding partners. The report was presented by the partnership's co-chairs, "
            "Detective Chief Superintendent Amanda Kirk (Lanthorpe Police) and Owen Pryce (Director of Children's "
            "Services).\n")
    assert chairs_of(text) == {("Amanda Kirk", "Lanthorpe Children Safeguarding Partnership"),
                               ("Owen Pryce", "Lanthorpe Children Safeguarding Partnership")}


def test_an_interim_chairs_cell_going_on_to_her_agency_and_post() -> None:
    text = ("Agenda and minutes\nLanthorpe Domestic Abuse Local Partnership Board - Thursday, 20th October, 2022 "
            "10.00 am\n\n1. Welcome Minutes: Attendance: Bridget Hallo (Interim Chair, Lanthorpe Borough Council – "
            "Director of Communities); Detective Chief Inspector Samir Hadd (Lanthorpe Police)\n")
    assert chairs_of(text) == {("Bridget Hallo", "Lanthorpe Domestic Abuse Local Partnership Board")}


def test_two_people_who_jointly_chair_the_partnership() -> None:
    text = ("Lanthorpe Council\nCrime and Disorder Committee - 4 March 2019\n\nThe Committee received the annual report "
            "of the Safer Lanthorpe Community Safety Partnership (CSP). The report was presented by Superintendent "
            "Olu Adebayo, Local Policing Area Commander, and Caroline Hather, Chief Executive, who jointly chair the "
            "Partnership, supported by Kieran Moss.\n")
    assert chairs_of(text) == {("Olu Adebayo", "Safer Lanthorpe Community Safety Partnership"),
                               ("Caroline Hather", "Safer Lanthorpe Community Safety Partnership")}


def test_a_homicide_reviews_independent_chair_chairs_no_board() -> None:
    text = ("LANTHORPE COMMUNITY SAFETY PARTNERSHIP\nMEETING HELD ON TUESDAY 14TH NOVEMBER, 2017\n\nPRESENT: "
            "Councillor Okon (in the Chair), Ruth Callow\n\n35. DOMESTIC HOMICIDE REVIEW\nThe Partnership received "
            "the final report of the Domestic Homicide Review, presented by Yusuf Demi, the Independent Chair and "
            "author of the review. Mr. Demi explained the findings.\n")
    assert chairs_of(text) == {("Okon", "LANTHORPE COMMUNITY SAFETY PARTNERSHIP")}


def test_she_currently_chairs_after_a_sentence_she_opens() -> None:
    text = ("Lanthorpe news\n\nNew Independent Chair appointed to Lanthorpe Safeguarding Adults Board\n\nProfessor "
            "Ifeoma Castel is a registered social worker. She was until recently a non-executive director of "
            "Lanthorpe NHS Foundation Trust, and she currently chairs the Lanthorpe Domestic Abuse Partnership Board, "
            "a role she will continue.\n")
    assert chairs_of(text) == {("Ifeoma Castel", "Lanthorpe Domestic Abuse Partnership Board")}


def test_a_pronoun_with_two_people_before_it_gives_no_chair() -> None:
    text = ("Lanthorpe news\n\nProfessor Ifeoma Castel met Dr Tom Rees. She currently chairs the Lanthorpe Domestic "
            "Abuse Partnership Board.\n")
    assert chairs_of(text) == set()


def test_she_has_also_been_independent_chair_of_another_board() -> None:
    text = ("The Lanthorpe Safeguarding Adults Board (LSAB) has appointed Margaret Adey as its new Independent Chair. "
            "She will take up the role on 1 September 2024.\n\nMargaret Adey brings long experience in adult social "
            "care. She was most recently a director in a large council. She has also been Independent Chair of the "
            "Wexford Vale Safeguarding Adults Board since 2021.\n")
    assert chairs_of(text) == {("Margaret Adey", "Lanthorpe Safeguarding Adults Board"),
                               ("Margaret Adey", "Wexford Vale Safeguarding Adults Board")}


def test_co_chaired_by_its_partners_then_a_table_of_them() -> None:
    text = ("Lanthorpe Safeguarding Partnership\n\nLeadership\n\nThe LSP does not have an independent chair. Instead, "
            "the Partnership is co-chaired by its three statutory partners:\n\nName  |  Title  |  Organisation\n"
            "Charlotte Ferr  |  Chief Executive  |  Lanthorpe Borough Council\nDr Mohammed Iqba  |  Chief Medical "
            "Officer  |  NHS Lanthorpe ICB\nAssistant Chief Constable Graham Foulk  |  Assistant Chief Constable  |  "
            "Lanthorpe Police\n\nThe co-chairs take turns to chair meetings.\n")
    board = "Lanthorpe Safeguarding Partnership"
    assert chairs_of(text) == {("Charlotte Ferr", board), ("Mohammed Iqba", board), ("Graham Foulk", board)}


def test_co_chair_cells_after_a_rows_initials() -> None:
    text = ("Lanthorpe Safeguarding Children Partnership\nExecutive Group notes, 14 September 2021\n\nPresent:\n(HO) "
            "Helen Okon, Director of Children's Services, Lanthorpe Borough Council – Co-Chair (chairing)\n(MR) Martin "
            "Rawcl, Detective Chief Superintendent, Lanthorpe Police – Co-Chair\n(PD) Priya Desa, Chief Nurse, NHS "
            "Lanthorpe ICB – Co-Chair\n(GH) Grace Hill, Business Manager\n\n1. Welcome\n")
    board = "Lanthorpe Safeguarding Children Partnership"
    assert chairs_of(text) == {("Helen Okon", board), ("Martin Rawcl", board), ("Priya Desa", board)}


def test_a_flattened_rows_two_word_chair_post() -> None:
    text = ("LANTHORPE SAFEGUARDING ADULTS BOARD\nMinutes of the meeting held on 17th January 2019\n\nBoard Member P A D "
            "Gillian Marchet (GM) – Interim Independent Chair P Dr Kwame Asan (KA) – Director of Adult Social Care, "
            "Lanthorpe Council P\n")
    assert chairs_of(text) == {("Gillian Marchet", "LANTHORPE SAFEGUARDING ADULTS BOARD")}


def test_another_board_after_a_comma_in_a_list_is_no_apposition() -> None:
    text = ("Lanthorpe Safeguarding People Partnership\n\nThe Partnership has formal links with the Lanthorpe Youth "
            "Justice Management Board, the Corporate Parenting Board and the Health and Wellbeing Board. Cllr Sunita "
            "Bhard, Lead Member for Children, who chairs the Corporate Parenting Board, attends as an observer.\n")
    assert "Corporate Parenting Board" in boards_of(text)
    assert chairs_of(text) == {("Sunita Bhard", "Corporate Parenting Board")}


def test_a_welsh_brand_defined_as_a_board_names_it_wherever_it_is_used() -> None:
    text = ("What is DIOGEL?\n\n- DIOGEL is the Lanthorpe and Coast Regional Safeguarding Children Board.\n- DIOGEL "
            "is the Welsh word for safe.\n\nWho leads the Boards?\n\nDIOGEL is co-chaired by Catrin Llewel, Director "
            "of Social Services for Lanthorpe County Council, and Superintendent Daniel Ose of Lanthorpe Police.\n")
    board = "Lanthorpe and Coast Regional Safeguarding Children Board"
    f = extract(Document(id="t", text=text, source="test"))
    assert any(o.name == board and "DIOGEL" in o.aliases for o in f.organisations)
    assert chairs_of(text) == {("Catrin Llewel", board), ("Daniel Ose", board)}


def test_an_initialism_before_is_the_stays_an_acronym_of_its_own() -> None:
    text = ("The LSCB is the Lanthorpe Safeguarding Children Board. The LSCB is chaired by Ann Leigh.\n")
    assert chairs_of(text) == {("Ann Leigh", "Lanthorpe Safeguarding Children Board")}


def test_the_boards_membership_in_a_boards_own_notes_is_that_boards() -> None:
    text = ("Lanthorpe Domestic Abuse Local Partnership Board – Notes of meeting\n\nDate: 12/07/2023\n\nCo-Chairs: "
            "Councillor Priscilla Odu (Cabinet Member) and Detective Chief Superintendent Ravi Chand (Lanthorpe Police)"
            "\n\nAttendees: Gemma Lock (Domestic Abuse Lead, Lanthorpe County Council); Tom Aldr (Housing Options, "
            "Lanthorpe District Council)\n\n1. Welcome\nThe Board's membership now includes the councils, police, "
            "health, probation, fire and rescue and specialist domestic abuse services. The Lanthorpe Safeguarding "
            "Adults Board will receive the strategy.\n")
    got = partners_of(text)
    assert ("Lanthorpe Domestic Abuse Local Partnership Board", "probation") in got
    assert not any(b == "Lanthorpe Safeguarding Adults Board" for b, _ in got)


def test_a_members_tables_chair_column_between_runs_of_spaces() -> None:
    text = ("Lanthorpe Regional Safeguarding Adults Board\n\nBoard Membership\n\nThe Lanthorpe Regional Safeguarding "
            "Adults Board covers two councils. Members are senior officers.\n\nName                          Role on "
            "the Board                 Organisation\nAlun Gwilym                   Chair                             "
            "Lanthorpe County Council\nSioned Parry                  Vice Chair                        Lanthorpe "
            "Health Board\nGethin Morys                  Member                            Lanthorpe Police\n")
    assert chairs_of(text) == {("Alun Gwilym", "Lanthorpe Regional Safeguarding Adults Board")}


def test_a_signatures_cabinet_member_line_is_no_committee_swallowing_the_name() -> None:
    text = ("As co-chairs of the partnership we thank all of the partners.\n\nDeborah Fernley\nCabinet Member for "
            "Communities, Lanthorpe Borough Council\nCo-Chair, Safer Lanthorpe Partnership\n")
    assert people_of(text) == {"Deborah Fernley"}
    assert chairs_of(text) == {("Deborah Fernley", "Safer Lanthorpe Partnership")}


def test_the_first_cells_under_a_name_header_are_people() -> None:
    text = ("Lanthorpe Safeguarding Adults Board\n\nBoard membership\n\nName | Role on the Board | Organisation\n\n"
            "Beatrix Lomaxe | Independent Chair | Independent\nYusuf Karim | Vice Chair | Lanthorpe Council\n"
            "Detective Superintendent Callum Reade | Member | Lanthorpe Police\n\nThe Board meets four times a year.\n")
    assert people_of(text) == {"Beatrix Lomaxe", "Yusuf Karim", "Callum Reade"}
    assert chairs_of(text) == {("Beatrix Lomaxe", "Lanthorpe Safeguarding Adults Board")}


def test_the_partnership_board_co_chaired_by_delegates_listed_after_currently() -> None:
    text = ("Lanthorpe Safeguarding Partnership\n\nThe Lanthorpe Safeguarding Partnership replaced the Lanthorpe "
            "Safeguarding Adults Board and the Lanthorpe Safeguarding Children Board.\n\nLeadership\n\nThe lead "
            "partners are Lanthorpe Council, Lanthorpe Police and NHS Lanthorpe Integrated Care Board. The Partnership "
            "Board is co-chaired by two of the lead safeguarding partners' delegates, currently:\n\nGraham Thistle - "
            "Executive Director of People, Lanthorpe Council (Co-Chair)\nPriya Ragha - Director of Nursing, NHS "
            "Lanthorpe Integrated Care Board (Co-Chair)\n\nThe Board meets quarterly.\n")
    assert {("Graham Thistle", "Lanthorpe Safeguarding Partnership"),
            ("Priya Ragha", "Lanthorpe Safeguarding Partnership")} <= chairs_of(text)
    assert not any(b != "Lanthorpe Safeguarding Partnership" for _, b in chairs_of(text))


def test_the_board_opening_a_sentence_is_the_board_the_sentence_before_opens_with() -> None:
    text = ("Safer Lanthorpe Partnership\n\nThe Lanthorpe Domestic Abuse Partnership Board oversees the borough's "
            "domestic abuse strategy. The Board is chaired by the Director of Public Health, Dr Hamid Rost, and "
            "reports to the SLP.\n")
    assert chairs_of(text) == {("Hamid Rost", "Lanthorpe Domestic Abuse Partnership Board")}


def test_the_boards_chair_after_a_board_the_sentence_named() -> None:
    text = ("Lanthorpe Health and Wellbeing Board - 9 October 2018\n\nThe Lanthorpe Local Safeguarding Children Board "
            "annual report was noted.\n\nKirsty Malo, Business Manager of the Lanthorpe Safeguarding Adults Board, "
            "presented the annual report on behalf of the Board's Independent Chair, Dr Gwen Alco, who had sent her "
            "apologies.\n")
    assert chairs_of(text) == {("Gwen Alco", "Lanthorpe Safeguarding Adults Board")}
