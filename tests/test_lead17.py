"""Shapes the lead found in session 17 (issue 9), from the last session's blind rounds r25-r27 (seen) and
this session's fresh ones. Each probe fails without its fix; the negatives guard what must not change."""

from __future__ import annotations

from fact_probes import chairs_of, page_themes_of, people_of, reviews_of

from kg.extract.pipeline import extract
from kg.model import Document


def _minutes(heading: str) -> str:
    """A board's or committee's own minutes up to the attendance: its heading and the meeting line."""
    return f"{heading}\nMinutes of the meeting held on 5 March 2024\n\n"


# --- people ---

def test_a_name_with_letters_beyond_latin_1_is_whole() -> None:
    text = ("Ashgrove Council\nChildren's Scrutiny Panel\n\n6.1 The Panel, chaired by Councillor Piotr Wiśniewski, "
            "asked for an update on foster carer recruitment. Councillor Łucja Dąbrowska seconded.\n")
    assert {"Piotr Wiśniewski"} <= people_of(text)
    assert "Piotr" not in people_of(text)


def test_a_councillors_list_opening_with_a_courtesy_title_lists_them_all() -> None:
    text = ("Ashgrove Council\nCabinet\n\nPresent: Councillor Leo Ibbot (Leader) (in the Chair); Councillors Mrs S "
            "Adeyemi, P Corrigan, R Heseltine-Ward and J Truscott\n\n1. Apologies\nNone.\n")
    assert {"S Adeyemi", "P Corrigan", "R Heseltine-Ward", "J Truscott"} <= people_of(text)


def test_initialled_names_after_an_attendance_label_are_people() -> None:
    text = (_minutes("SAFER ASHGROVE PARTNERSHIP BOARD") +
            "Also in attendance: F Mullan (Partnership Manager), P Sandhu (Domestic Abuse Co-ordinator), "
            "J Whitlock (Minutes)\n\n1. Welcome\nThe Chair welcomed members.\n")
    assert {"F Mullan", "P Sandhu", "J Whitlock"} <= people_of(text)


# --- chairs ---

def test_a_co_chairs_field_names_both_chairs() -> None:
    text = (_minutes("ASHGROVE DOMESTIC ABUSE PARTNERSHIP BOARD") + "Present:\n"
            "Co-Chairs: Cllr Abi Wendt (Ashgrove District Council, Portfolio Holder for Communities) and Detective "
            "Chief Inspector Lars Fenn (Ashgrove Police)\nKath Odell – Community Safety Manager, Ashgrove "
            "District Council\n\n1. Welcome\nCllr Wendt opened the meeting.\n")
    assert chairs_of(text) == {("Abi Wendt", "ASHGROVE DOMESTIC ABUSE PARTNERSHIP BOARD"),
                               ("Lars Fenn", "ASHGROVE DOMESTIC ABUSE PARTNERSHIP BOARD")}


def test_a_rank_in_capitals_before_a_name_does_not_hide_the_rows_chair_cell() -> None:
    text = ("Ashgrove Domestic Abuse Local Partnership Board\nMeeting notes | 12 October 2023 | 13:30\n\nAttendees:\n"
            "Cllr Yara Chowdry | Cabinet Member for Communities, Ashgrove City Council | Co-Chair\n"
            "ACC Neil Hartley | Assistant Chief Constable, Ashgrove Police | Co-Chair\n"
            "Olena Kovac | Domestic Abuse Co-ordinator, Ashgrove City Council\n\n1. Welcome\n")
    assert ("Neil Hartley", "Ashgrove Domestic Abuse Local Partnership Board") in chairs_of(text)


def test_a_brand_in_brackets_is_the_board_wherever_the_page_uses_it() -> None:
    text = (_minutes("ASHGROVE SAFEGUARDING ADULTS BOARD") +
            "5. Joint protocol\nThe Chair noted that the Ashgrove Community Safety Partnership (Safer Ashgrove) had "
            "adopted the joint protocol. The Chair of Safer Ashgrove, Superintendent Gareth Lyle, will attend the "
            "September meeting.\n")
    assert ("Gareth Lyle", "Ashgrove Community Safety Partnership") in chairs_of(text)
    f = extract(Document("t", text))
    assert next(o.aliases for o in f.organisations if o.name == "Ashgrove Community Safety Partnership") == \
        ("Safer Ashgrove",)


def test_a_council_in_brackets_after_a_board_is_no_brand() -> None:
    text = ("The Ashgrove Community Safety Partnership (Ashgrove Council) met in May. Ashgrove Council hosted it.\n")
    f = extract(Document("t", text))
    assert all("Ashgrove Council" not in o.aliases for o in f.organisations)


def test_the_one_who_succeeds_a_chair_is_the_incoming_chair() -> None:
    text = ("News\n\nNew independent chair for Ashgrove's partnership\n\nA former chief constable has been appointed "
            "as the new Independent Chair of the Ashgrove Safeguarding Children Partnership.\n\n"
            "Rajni Sandhu, who retired from policing in 2022, will take up the role on 1 April. She succeeds "
            "Professor Colm Henny, who has chaired the partnership since 2019 and is stepping down in March.\n")
    assert chairs_of(text) == {("Colm Henny", "Ashgrove Safeguarding Children Partnership"),
                               ("Rajni Sandhu", "Ashgrove Safeguarding Children Partnership")}


def test_one_who_succeeds_a_chair_in_another_post_is_no_chair() -> None:
    text = ("The Ashgrove Safeguarding Children Partnership is chaired by Tom Bell, Director of Children's "
            "Services. Ann Lee succeeds Tom Bell as Director of Children's Services in May.\n")
    assert ("Ann Lee", "Ashgrove Safeguarding Children Partnership") not in chairs_of(text)


def test_a_successor_never_named_in_full_took_over_the_chair_of_the_board_the_sentence_named() -> None:
    text = ("Ashgrove Council\nChildren's Scrutiny Committee\n\n2. Detective Chief Superintendent Lowe explained "
            "that the Ashgrove Safeguarding Children Partnership was chaired in rotation by the three statutory "
            "partners, and that he had taken over the chair from Matthew Gorran, the Executive Director of "
            "Children's Services, in April 2021.\n")
    assert chairs_of(text) == {("Matthew Gorran", "Ashgrove Safeguarding Children Partnership")}


# --- from this session's fresh rounds r28-r30 (scored first on the start code: 0.908) ---

def test_a_known_given_name_as_a_surname_after_an_unknown_given_name_is_one_name() -> None:
    text = "The Ashgrove Domestic Abuse Board is chaired by Keisha Adeyemi, Director of Communities.\n"
    assert "Keisha Adeyemi" in people_of(text)
    assert chairs_of(text) == {("Keisha Adeyemi", "Ashgrove Domestic Abuse Board")}


def test_a_present_mark_before_a_name_still_cuts() -> None:
    assert "Ann Lee" in people_of("Present:\nP Ann Lee\nA Tom Rees\n")


def test_a_heading_listing_places_names_the_board_with_all_of_them() -> None:
    text = ("Ashgrove, Fellmouth and Kirkby Community Safety Partnership\n\nAbout the partnership\n\n"
            "The partnership has two co-chairs: Councillor Priya Venn, Cabinet Member for Communities at\n"
            "Ashgrove District Council, and Chief Superintendent Gareth Lloyd-Mensah, the area\n"
            "commander for the south of the county.\n")
    board = "Ashgrove, Fellmouth and Kirkby Community Safety Partnership"
    assert chairs_of(text) == {("Priya Venn", board), ("Gareth Lloyd-Mensah", board)}


def test_the_row_after_a_co_chairs_field_is_no_chair() -> None:
    text = (_minutes("ASHGROVE DOMESTIC ABUSE PARTNERSHIP BOARD") + "Present:\n"
            "Co-Chairs: Cllr Abi Wendt (Ashgrove District Council) and DCI Lars Fenn (Ashgrove Police)\n"
            "Kath Odell – Community Safety Manager, Ashgrove District Council\n"
            "Imran Saddiq – Designated Nurse Safeguarding Adults, NHS Ashgrove ICB\n\n1. Welcome\n")
    assert {p for p, _ in chairs_of(text)} == {"Abi Wendt", "Lars Fenn"}


def test_two_people_who_co_chair_a_board_both_chair_it() -> None:
    text = ("Ashgrove Council\nCommunity Scrutiny Panel\n\n5. Community safety\nInspector Lydia Marsh and Councillor "
            "Bernard Oyel, Portfolio Holder for Communities, who co-chair the Ashgrove Community Safety Partnership "
            "(ACSP), presented the update.\n")
    assert chairs_of(text) == {("Lydia Marsh", "Ashgrove Community Safety Partnership"),
                               ("Bernard Oyel", "Ashgrove Community Safety Partnership")}


def test_she_in_a_paragraph_naming_one_person_is_that_person() -> None:
    text = ("Ashgrove Council\nChildren's Scrutiny Sub-Committee\n\n4.1 Professor Nadia Fairley introduced the first "
            "annual report of the Ashgrove Safeguarding Children Partnership (ASCP), which had replaced the Ashgrove "
            "Local Safeguarding Children Board (ALSCB) in 2019. The report covered the transition year. She reminded "
            "members that the partners had equal responsibility. She had chaired the ALSCB from 2016 until it was "
            "dissolved.\n")
    assert ("Nadia Fairley", "Ashgrove Local Safeguarding Children Board") in chairs_of(text)


def test_she_in_a_paragraph_naming_two_people_is_nobody() -> None:
    text = ("Ashgrove Council\nChildren's Scrutiny Sub-Committee\n\n4.1 Professor Nadia Fairley and Tom Rees "
            "introduced the report of the Ashgrove Safeguarding Children Partnership (ASCP), which had replaced the "
            "Ashgrove Local Safeguarding Children Board (ALSCB) in 2019. The report covered the transition year. "
            "She had chaired the ALSCB from 2016 until it was dissolved.\n")
    assert not {p for p, b in chairs_of(text) if b == "Ashgrove Local Safeguarding Children Board"}


# --- partners ---

def _sectors(text: str) -> set[str]:
    f = extract(Document("t", text))
    return {p.sector for p in f.partners}


def test_a_long_bulleted_item_stays_in_the_members_list() -> None:
    text = ("Ashgrove Safeguarding People Partnership\n\nWider Partnership Board\n\n"
            "The Partnership Board meets three times a year and is open to all our partners. Members include:\n"
            "  - Riverlands Fire and Rescue Service\n  - the Probation Service (Ashgrove PDU)\n"
            "  - headteachers from the primary, secondary and special school phases, and Ashgrove College too\n"
            "  - Ashgrove Homes and the city's housing options service\n\nOur delivery groups\n\n"
            "Most of our work happens in delivery groups.\n")
    assert {"fire-and-rescue", "probation", "education", "housing"} <= _sectors(text)


def test_two_long_table_rows_do_not_widen_a_wrapped_pages_width() -> None:
    from kg.extract.text import unwrap
    prose = ("The safeguarding partners have named the following relevant agencies, which are under a duty to\n"
             "co-operate with our published arrangements, and the partners meet as an executive group four\n"
             "times a year to agree the priorities for the coming year and to check on progress made by the\n"
             "sub-groups, each of which reports to every meeting of the executive with its own plan of work.\n")
    rows = ("  Learning and Improvement Group                 Chair: Callum Ferris, Head of Safeguarding and Quality, "
            "NHS Ashgrove ICB\n  Quality Assurance and Performance Group        Chair: Hafsa Qureshi, Service Manager, "
            "Ashgrove District Council\n")
    assert "a duty to co-operate" in unwrap(prose + "\n" + rows)


# --- reviews ---

def test_a_quoted_name_right_after_a_review_kind_is_the_cases_name() -> None:
    assert ("domestic-homicide-review", "Mariela") in reviews_of(
        "Since 2017 the partnership has completed five DHRs. The most recent, DHR \"Mariela\", was published in May.\n")
    assert ("child-safeguarding-practice-review", "Jaydon") in reviews_of(
        "In 2023-24 we published the Local Child Safeguarding Practice Review \"Jaydon\".\n")
    assert ("child-safeguarding-practice-review", "Baby Ellis") in reviews_of(
        "The review into the death of \"Baby Ellis\", a four-month-old, was published as a Child Safeguarding "
        "Practice Review.\n")


def test_a_quoted_title_of_common_words_is_no_case() -> None:
    assert reviews_of("The Board published its review \"Working Together\" in May.\n") == set()


def test_the_first_and_the_second_go_through_the_reviews_named_before() -> None:
    got = reviews_of("Two Safeguarding Adults Reviews had been completed. The first, concerning \"Mr B\", a man in his "
                   "fifties, identified gaps. The second, \"Mr T\", concerned discharge from hospital.\n")
    assert {("safeguarding-adults-review", "Mr B"), ("safeguarding-adults-review", "Mr T")} <= got


def test_appointed_name_then_her_own_description_then_as_the_post() -> None:
    text = ("Ashgrove Council\nChildren's Scrutiny Panel\n\n5. The Chairman thanked Mr Fell for his work. Following an "
            "open recruitment process, the Board's partners had appointed Ms Adaeze Okon, currently an independent "
            "safeguarding consultant and formerly Assistant Director for children's social care in a neighbouring "
            "authority, as the new Independent Chair of the Ashgrove Local Safeguarding Children Board with effect "
            "from 1st January 2014.\n")
    assert ("Adaeze Okon", "Ashgrove Local Safeguarding Children Board") in chairs_of(text)


def test_each_board_of_a_sentence_that_gives_each_its_own_chair() -> None:
    text = ("Ashgrove Council\nScrutiny Committee\n\n5. Regional safeguarding boards\n"
            "The Mid Ashgrove Regional Safeguarding Children Board and the Mid Ashgrove Regional Safeguarding Adults "
            "Board presented their annual "
            "reports. The Director explained that the Boards were co-chaired on a rotating basis by the two Directors "
            "of Social Services; for 2021-22 the Children Board had been chaired by Aled Pryce, Director of Social "
            "Services at Ely Fawr, and the Adults Board by herself, Samira Hadi.\n")
    assert chairs_of(text) == {("Aled Pryce", "Mid Ashgrove Regional Safeguarding Children Board"),
                               ("Samira Hadi", "Mid Ashgrove Regional Safeguarding Adults Board")}


def test_these_are_after_a_cue_sentence_opens_its_list() -> None:
    text = ("Ashgrove Community Safety Partnership\n\nWho are the partners?\n\n"
            "Community Safety Partnerships are made up of \"responsible authorities\" which have a legal duty under "
            "the Crime and Disorder Act 1998 to work together. For our area these are:\n\n"
            "Ashgrove District Council\nAshgrove Police\nAshgrove Fire and Rescue Service\n"
            "The Probation Service (Ashgrove region)\n\nOther bodies\n\nWe also hold events.\n")
    assert {"local-authority", "police", "fire-and-rescue", "probation"} <= _sectors(text)


def test_a_transition_from_the_lscb_makes_it_the_former_board() -> None:
    text = ("Ashgrove Borough Council\n\nDecision details\n\nNew Local Safeguarding Arrangements for Children - "
            "Transition "
            "from the Ashgrove Local Safeguarding Children Board\n\nDecision Maker: Cabinet\n\nDecisions:\n\n"
            "The Cabinet Member reminded Cabinet that the Children and Social Work Act 2017 abolished Local "
            "Safeguarding "
            "Children Boards and placed a joint and equal duty on three safeguarding partners.\n\n"
            "In Ashgrove the three safeguarding partners would be Ashgrove Borough Council, represented by the Chief "
            "Executive; Ashgrove Police, represented by the Chief Constable; and NHS Ashgrove Clinical Commissioning "
            "Group. It was proposed that the new body be known as the Ashgrove Safeguarding Children "
            "Partnership (ASCP) "
            "and that it would operate in shadow form alongside the ALSCB.\n\n"
            "Relevant agencies named in the arrangements included all schools, Ashgrove Fire and Rescue Service and "
            "the National Probation Service.\n\nThe current Independent Chair of the ALSCB had agreed to "
            "remain in post "
            "until the Board was dissolved.\n")
    f = extract(Document("t", text))
    boards = {o.id: o.name for o in f.organisations}
    assert {boards[p.partnership] for p in f.partners} == {"Ashgrove Safeguarding Children Partnership"}


# --- boards ---

def test_a_children_and_young_peoples_board_and_a_health_and_wellbeing_partnership_are_boards() -> None:
    from fact_probes import boards_of
    got = boards_of("The Partnership Executive should not be confused with the Ashgrove Children and Young People's "
                    "Board, which reports to the Ashgrove Health and Wellbeing Partnership.\n")
    assert got.get("Ashgrove Children and Young People's Board") == "other-board"
    assert got.get("Ashgrove Health and Wellbeing Partnership") == "other-board"


# --- chairs from the fresh rounds r31-r33 (scored first: 0.910, start code 0.909) ---

def test_a_bracket_naming_the_board_after_a_title_is_its_chair() -> None:
    text = ("Ashgrove Council\nCommunities Scrutiny Committee\n\nMinutes of the meeting held on 5 September 2023\n\n"
            "Witnesses:\nCouncillor Yasmin Khan, Cabinet Member for Safer Communities (Co-Chair, Safer Ashgrove "
            "Partnership)\n\n6.1 The Committee received the annual report of the Safer Ashgrove Partnership.\n")
    assert chairs_of(text) == {("Yasmin Khan", "Safer Ashgrove Partnership")}


def test_an_interim_chair_before_a_semicolon_and_the_previous_chair_of_a_boards_own_minutes() -> None:
    text = (_minutes("ASHGROVE DOMESTIC ABUSE LOCAL PARTNERSHIP BOARD") +
            "Present: Sabine Thorgood (Interim Chair; Assistant Director, Community Safety, Ashgrove County Council); "
            "Gwen Ackroyd (Domestic Abuse Strategic Lead, ACC)\n\nApologies: Cllr Jennifer Odu (Cabinet Member for "
            "Adults)\n\n1. Welcome\nThe Interim Chair welcomed members. The previous chair, Cllr Odu, stepped down in "
            "November on taking up her Cabinet role.\n")
    board = "ASHGROVE DOMESTIC ABUSE LOCAL PARTNERSHIP BOARD"
    assert chairs_of(text) == {("Sabine Thorgood", board), ("Jennifer Odu", board)}


def test_the_meeting_chaired_by_the_vice_chair_with_a_police_rank() -> None:
    text = (_minutes("ASHGROVE LOCAL SAFEGUARDING CHILDREN BOARD") + "1. Welcome\nIn the absence of the Independent "
            "Chair, Claire Mbeke, the meeting was chaired by the Vice-Chair, Supt Rhys Trant. RT welcomed members.\n")
    assert ("Rhys Trant", "ASHGROVE LOCAL SAFEGUARDING CHILDREN BOARD") in chairs_of(text)


def test_will_act_as_interim_independent_chair() -> None:
    text = ("News\n\nThe Ashgrove Safeguarding People Partnership is pleased to announce that Deborah Ncube will act "
            "as Interim Independent Chair from 1 February 2025 while the partners recruit a permanent chair.\n")
    assert chairs_of(text) == {("Deborah Ncube", "Ashgrove Safeguarding People Partnership")}


def test_a_post_announced_before_its_holder_is_named_and_his_predecessors_board() -> None:
    text = ("News\n\nNew Independent Chair for Ashgrove's safeguarding boards\n\nA former senior police officer "
            "has been appointed as the new Independent Chair of both the Ashgrove Safeguarding Adults Board and the "
            "Ashgrove "
            "Safeguarding Children Partnership.\n\nMarcus Oyel, who retired as an Assistant Chief Constable in 2021, "
            "will take up the joint post on 1 May 2024. He has since worked as an independent reviewer.\n\n"
            "He succeeds Dr Ingrid Solv, who has been Independent Chair of the Ashgrove Safeguarding Adults Board "
            "since 2018.\n")
    assert chairs_of(text) == {("Marcus Oyel", "Ashgrove Safeguarding Adults Board"),
                               ("Marcus Oyel", "Ashgrove Safeguarding Children Partnership"),
                               ("Ingrid Solv", "Ashgrove Safeguarding Adults Board")}


def test_a_signed_line_over_the_chairs_post_and_a_date_column() -> None:
    text = (_minutes("ASHGROVE SAFEGUARDING ADULTS BOARD") + "Present: Ingrid Solb, Kwame Asanti (Director of Adult "
            "Services)\n\n1. Welcome\nThe Chair welcomed members.\n\nSigned: Ingrid Solb\n"
            "Chair                                                 Date: 10/01/2022\n")
    assert chairs_of(text) == {("Ingrid Solb", "ASHGROVE SAFEGUARDING ADULTS BOARD")}


def test_a_community_safety_partnerships_responsible_authorities_are_its_statutory_partners() -> None:
    text = ("Ashgrove Community Safety Partnership Annual Report 2022/23 | 4 About the Partnership Community Safety "
            "Partnerships were established by the Crime and Disorder Act 1998. The responsible authorities in Ashgrove "
            "are: • Ashgrove Borough Council • Ashgrove Police • Ashgrove Fire and Rescue Service • The Probation "
            "Service (Ashgrove PDU) The partnership meets quarterly.\n")
    f = extract(Document("t", text))
    got = {(p.sector, p.statutory) for p in f.partners}
    assert {("local-authority", True), ("police", True), ("fire-and-rescue", True), ("probation", True)} <= got


def test_a_flattened_report_pages_heading_words_are_no_place_of_its_board() -> None:
    from fact_probes import boards_of
    text = ("Ashgrove Community Safety Partnership Annual Report 2022/23 | 2 Contents 3 Foreword 4 About the "
            "Partnership\nAshgrove Community Safety Partnership Annual Report 2022/23 | 20 Contacts Ashgrove Community "
            "Safety Partnership, Town Hall, Ashgrove\nCabinet Member for Neighbourhoods and Community Safety Ashgrove "
            "Community Safety Partnership Annual Report\n")
    assert [b for b in boards_of(text) if "Community Safety Partnership" in b] == \
        ["Ashgrove Community Safety Partnership"]


def test_a_domestic_abuse_boards_own_page_is_about_that_board() -> None:
    text = ("Ashgrove City Council\nHome > Community safety > Domestic abuse > Ashgrove Domestic Abuse Partnership "
            "Board\n\nAshgrove Domestic Abuse Partnership Board\n\nThe Domestic Abuse Act 2021 placed a new duty on "
            "the "
            "council to assess the need for support in safe accommodation for victims of domestic abuse and their "
            "children. In Ashgrove the duty is carried out by the Ashgrove Domestic Abuse Partnership Board (ADAPB), "
            "whose views of people with lived experience are at the centre of its decisions.\n\n"
            "Members of the Board include:\n- Ashgrove City Council\n- Ashgrove Police\n- the Probation Service\n\n"
            "The Board reports to the Safer Ashgrove Partnership and works closely with the Ashgrove Safeguarding "
            "Children Partnership.\n")
    f = extract(Document("t", text))
    boards = {o.id: o.name for o in f.organisations}
    assert {boards[p.partnership] for p in f.partners} == {"Ashgrove Domestic Abuse Partnership Board"}


# --- themes ---

def test_a_referral_for_a_review_or_to_channel_is_no_front_door() -> None:
    text = ("Ashgrove Safeguarding Adults Board\nMinutes of the meeting held on 4 March 2024\n\n"
            "3. SAR Sub-group\nTwo referrals received in January were considered and did not meet the criteria for a "
            "Safeguarding Adults Review; a local learning review will follow.\n\n4. Prevent\nThe Prevent lead reported "
            "that 31 referrals were made to Channel during the year.\n")
    assert "front-door" not in page_themes_of(text)


def test_referrals_to_the_mash_are_still_the_front_door() -> None:
    text = ("Ashgrove Safeguarding Children Partnership\n\nThe Multi-Agency Safeguarding Hub received 4,210 referrals "
            "this year, and the threshold document was revised.\n")
    assert "front-door" in page_themes_of(text)


def test_its_responsible_authorities_are_the_partners_of_the_board_the_sentence_before_named() -> None:
    text = ("ASHGROVE CITY COUNCIL\n\nMinutes of the Meeting of the COUNCIL held on Thursday, 23 February 2023\n\n"
            "PRESENT: The Lord Mayor (Councillor Bev Anson) in the Chair; Councillors Akhtar, Bell, Moran and Sadiq."
            "\n\n83. SAFEGUARDING: ANNUAL REPORTS OF THE ASHGROVE SAFEGUARDING ADULTS BOARD AND THE SAFER ASHGROVE "
            "PARTNERSHIP\n\nCouncillor Tariq Sadiq moved the report.\n\nThe Ashgrove Safeguarding Adults Board (ASAB) "
            "had been led since April 2022 by an Interim Independent Chair, Dr Ros Achter. Councillor Sadiq said that "
            "the Board had received 1,904 safeguarding concerns. The Ashgrove Safeguarding Adults Board would report "
            "again in the autumn.\n\nThe Safer Ashgrove Partnership, the city's community safety partnership, is "
            "co-chaired by Chief Superintendent Lena Harg of Ashgrove Police and Councillor Pat Moran. Its responsible "
            "authorities are the City Council, Ashgrove Police, Ashgrove Fire and Rescue Service, the Probation "
            "Service and the Integrated Care Board.\n")
    f = extract(Document("t", text))
    boards = {o.id: o.name for o in f.organisations}
    got = {(boards[p.partnership], p.sector) for p in f.partners}
    assert ("Safer Ashgrove Partnership", "fire-and-rescue") in got
    assert ("Ashgrove Safeguarding Adults Board", "fire-and-rescue") not in got


# --- chairs from the last rounds r34-r36 (scored first: 0.923; start code 0.925) ---

def test_co_chaired_by_a_rank_wrapped_to_the_next_line_and_a_councillor() -> None:
    text = ("Ashgrove City Council\nMinutes of the meeting of the Council held on 23 February 2023\n\n"
            "83. Community safety\nThe Safer Ashgrove Partnership, the city's community safety partnership, is "
            "co-chaired by\nChief Superintendent Lena Harg of Ashgrove Police and Councillor Pat Moran. The "
            "partnership met four times.\n")
    assert chairs_of(text) == {("Lena Harg", "Safer Ashgrove Partnership"), ("Pat Moran", "Safer Ashgrove Partnership")}
    assert "Lena Harg" in people_of(text)


def test_a_co_chair_bracket_after_an_agency_column() -> None:
    text = (_minutes("ASHGROVE HEALTH AND WELLBEING BOARD") + "Present:\n"
            "Cllr Ann Leeds             Leader, Ashgrove Council (Co-Chair)\n"
            "Dr Matthew Elling       Place Director, Ashgrove, North Weald Integrated Care Board (Co-Chair)\n"
            "Ruth Odu                Director of Public Health\n\n1. Welcome\nThe Co-Chairs welcomed members.\n")
    assert chairs_of(text) == {("Ann Leeds", "ASHGROVE HEALTH AND WELLBEING BOARD"),
                               ("Matthew Elling", "ASHGROVE HEALTH AND WELLBEING BOARD")}


def test_the_last_independent_chair_of_a_board() -> None:
    text = ("Ashgrove Council\nChildren's Select Committee\n\n5. The Chairman recalled that Graham Whitman, the last "
            "Independent Chair of the\nAshgrove Local Safeguarding Children Board, had retired in 2015.\n")
    assert chairs_of(text) == {("Graham Whitman", "Ashgrove Local Safeguarding Children Board")}


def test_co_chairing_with_names_both_chairs_of_the_boards_own_meeting() -> None:
    text = (_minutes("ASHGROVE COMMUNITY SAFETY BOARD") + "1. Welcome\nAlun Bevin, co-chairing with Chief "
            "Superintendent Gwen Pritch, opened the meeting. Apologies noted.\n")
    assert chairs_of(text) == {("Alun Bevin", "ASHGROVE COMMUNITY SAFETY BOARD"),
                               ("Gwen Pritch", "ASHGROVE COMMUNITY SAFETY BOARD")}


def test_the_chair_of_both_boards_is() -> None:
    text = ("Ashgrove Regional Safeguarding Boards\n\nThe Ashgrove Regional Safeguarding Children Board and the "
            "Ashgrove Regional Safeguarding Adults Board work together. The Boards share a Chair, appointed from "
            "among the "
            "statutory partners. The current Chair of both Boards is Gwenllian Aubrey, Director of Social Services at "
            "Ashgrove County Borough Council.\n")
    assert chairs_of(text) == {("Gwenllian Aubrey", "Ashgrove Regional Safeguarding Children Board"),
                               ("Gwenllian Aubrey", "Ashgrove Regional Safeguarding Adults Board")}


def test_appointed_as_the_new_independent_scrutineer_names_an_unknown_given_name() -> None:
    text = ("News\n\nThe three statutory safeguarding partners in Holmbury have appointed Folasade Adey as the new "
            "Independent Scrutineer of the Holmbury Safeguarding Children Partnership (HSCP).\n")
    assert chairs_of(text) == {("Folasade Adey", "Holmbury Safeguarding Children Partnership")}


def test_our_independent_scrutineer_is_though_the_rules_found_another_chair() -> None:
    text = ("Ashgrove Safeguarding Children Partnership\n\nWho we are\n\nSince April 2023 the Partnership has been "
            "chaired by Chief Superintendent Owen Pritch of Ashgrove Police.\n\nOur independent scrutineer is Imogen "
            "Hals. Imogen reviews how well the three partners are working together.\n")
    assert chairs_of(text) == {("Owen Pritch", "Ashgrove Safeguarding Children Partnership"),
                               ("Imogen Hals", "Ashgrove Safeguarding Children Partnership")}
