"""Shapes the lead found reading whole invented documents in session 12 (issue 9: what held-out
areas write that the development set does not): a text table of members, names in apologies lists,
the chair named after the post ("The Chair of the Board was ..."), a successor "appointed in her
place", Welsh practice reviews named by reference, and a Community Safety Partnership's own name
beside its generic one. Each probe fails without its fix; the negatives guard what must not change."""

from __future__ import annotations

import pytest
from fact_probes import boards_of, chairs_of
from test_partners import _partners
from theme_probes import themes_of

from kg.extract.layout import attendance_regions, records
from kg.extract.pipeline import extract
from kg.model import Document


def _facts(text: str):
    return extract(Document(id="t", text=text, source="test"))


def _people(text: str) -> set[str]:
    return {p.name for p in _facts(text).people}


_PIPE_TABLE = """Westshire Safeguarding Adults Board
Minutes of the meeting held on Wednesday 14 May 2025 at 10.00am

Present:

| Name | Role | Organisation |
|---|---|---|
| Orla Brennagh | Independent Chair | Westshire Safeguarding Adults Board |
| Tavish Mulgrew | Director of Adult Social Care | Westshire Council |
| Ysolde Partington | Detective Superintendent | Westshire Police |

1. Welcome and introductions
The Chair welcomed members.
"""


def test_a_text_tables_rows_name_people_whatever_the_given_name() -> None:
    # "Tavish" and "Ysolde" are no known given names: the row of cells is the evidence
    assert {"Orla Brennagh", "Tavish Mulgrew", "Ysolde Partington"} <= _people(_PIPE_TABLE)
    assert "Name Role" not in " ".join(_people(_PIPE_TABLE))


def test_a_text_tables_row_splits_into_title_and_agency_cells() -> None:
    recs = {r.person: r for r in records(_PIPE_TABLE, attendance_regions(_PIPE_TABLE), lists_only=True)}
    row = recs["Tavish Mulgrew"]
    assert (row.title, row.agency) == ("Director of Adult Social Care", "Westshire Council")
    assert _PIPE_TABLE[row.agency_start:row.agency_start + len(row.agency)] == "Westshire Council"


def test_a_tab_separated_row_splits_into_cells_too() -> None:
    text = "Present:\nOlu Bankole\tChief Executive\tEastvale Council\nRhea Tandy\tDesignated Nurse\tEastvale ICB\n"
    recs = {r.person: r for r in records(text, attendance_regions(text), lists_only=True)}
    assert (recs["Rhea Tandy"].title, recs["Rhea Tandy"].agency) == ("Designated Nurse", "Eastvale ICB")


@pytest.mark.parametrize("text", [
    "Westshire Safeguarding Adults Board\nMinutes of the meeting held on 3 June 2025\n\n"
    "Present: Orla Brennagh (Independent Chair), Tavish Mulgrew (Westshire Council)\n"
    "Apologies: Bronagh Tilley (Westshire CVS), Caius Ferrandino (Probation Service)\n\n1. Welcome\n",
    "Westshire Safeguarding Adults Board\nMinutes of the meeting held on 3 June 2025\n\n"
    "Attendees:\nOrla Brennagh, Independent Chair\nTavish Mulgrew, Westshire Council\n"
    "Apologies:\nBronagh Tilley, Westshire CVS\nCaius Ferrandino, Probation Service\n\n1. Welcome\n",
], ids=["brackets-on-one-line", "comma-lines"])
def test_names_in_attendance_and_apologies_lists_are_people(text: str) -> None:
    assert {"Orla Brennagh", "Tavish Mulgrew", "Bronagh Tilley", "Caius Ferrandino"} <= _people(text)


def test_a_list_opener_does_not_make_a_bracketed_body_a_person() -> None:
    text = ("Apologies: Westshire Council (Children's Services), Probation Service (Westshire)\n\n"
            "1. Welcome\nThe Chair opened the meeting.\n")
    assert _people(text) == set()


_SAB = "The Westshire Safeguarding Adults Board met four times. "


@pytest.mark.parametrize("text,chair", [
    (_SAB + "The Chair of the Board was Ottoline Grayle.", "Ottoline Grayle"),
    (_SAB + "Its chair during the year was Ottoline Grayle, Director of Social Services.", "Ottoline Grayle"),
    (_SAB + "The Chair of the Westshire Safeguarding Adults Board was Ottoline Grayle.", "Ottoline Grayle"),
    ("The Westshire Safeguarding Board is the regional board. The Board is chaired on a rotating basis by the "
     "statutory partners. For 2023-24 the Chair was Superintendent Caradog Wynne-Price of Westshire Police.",
     "Caradog Wynne-Price"),
])
def test_the_post_then_the_name(text: str, chair: str) -> None:
    assert {p for p, _ in chairs_of(text)} == {chair}


@pytest.mark.parametrize("text", [
    _SAB + "The Vice Chair of the Board was Ottoline Grayle.",
    _SAB + "The Chair was Ottoline Grayle.",
    "Minutes of the Westshire Scrutiny Committee. The Chair was Councillor Ottoline Grayle. "
    "The committee noted the Westshire Safeguarding Adults Board annual report.",
], ids=["vice-chair", "a-bare-chair-never-said-the-boards", "the-committees-chair"])
def test_the_post_then_the_name_negatives(text: str) -> None:
    assert chairs_of(text) == set()


def test_a_successor_appointed_in_her_place_chairs_and_titles_end_at_the_board() -> None:
    text = ("Ngozi Okafor-Lind had stood down as Independent Scrutineer of the Westshire Safeguarding Children "
            "Partnership in December and Ruairi Vasquez had been appointed in her place.")
    f = _facts(text)
    people = {p.id: p.name for p in f.people}
    titles = {people[c.person]: c.title for c in f.chairs}
    assert titles == {
        "Ngozi Okafor-Lind": "Independent Scrutineer of the Westshire Safeguarding Children Partnership",
        "Ruairi Vasquez": "Independent Scrutineer of the Westshire Safeguarding Children Partnership",
    }


def test_its_is_no_part_of_a_title() -> None:
    f = _facts("The Westshire Safeguarding Adults Board is a statutory partnership. Its Independent Chair, "
               "Professor Wendell Ashcombe, has led the Board since April 2021.")
    assert [c.title for c in f.chairs] == ["Independent Chair"]


def test_welsh_practice_reviews_are_named_by_their_reference() -> None:
    f = _facts("During the year the Board published two Child Practice Reviews (CPR WSB 2/2022 and CPR WSB 4/2023) "
               "and one Adult Practice Review (APR WSB 1/2023).")
    assert {(r.kind, r.name) for r in f.reviews} == {
        ("case-review", "CPR WSB 2/2022"), ("case-review", "CPR WSB 4/2023"), ("case-review", "APR WSB 1/2023")}


def test_a_number_over_a_year_without_a_practice_review_is_no_review() -> None:
    f = _facts("The Board received the report of the Westshire Safeguarding Adults Board. Case reviews rose "
               "and the ratio was WSB 2/2022 in the table.")
    assert all(r.name is None for r in f.reviews)


def test_a_community_safety_partnerships_generic_name_is_the_same_body() -> None:
    boards = boards_of("The Safer Eastvale Partnership is the borough's Community Safety Partnership. It brings "
                       "together the Council, Eastvale Police and the Probation Service.")
    assert boards == {"Safer Eastvale Partnership": "community-safety"}


def test_two_named_boards_joined_by_is_stay_two() -> None:
    boards = boards_of("The Eastvale Safeguarding Children Partnership is the Eastvale Safeguarding Adults Board's "
                       "partner in the joint work.")
    assert set(boards) == {"Eastvale Safeguarding Children Partnership", "Eastvale Safeguarding Adults Board"}


@pytest.mark.parametrize("text", [
    "Dr Imogen Fairweather-Stokes has been appointed as the new Independent Chair of the Westshire Safeguarding "
    "Adults Board. She succeeds Jeremiah Kolawole, who has chaired the Board since 2018.",
    "The Westshire Safeguarding Adults Board thanked Jeremiah Kolawole, who chaired the Board for six years.",
], ids=["succeeds-x-who-has-chaired", "thanked-x-who-chaired"])
def test_a_former_chair_named_before_who_chaired(text: str) -> None:
    assert ("Jeremiah Kolawole", "Westshire Safeguarding Adults Board") in chairs_of(text)


def test_who_after_a_body_makes_no_person() -> None:
    assert _people("The Westshire Safeguarding Adults Board welcomed Westshire Council, who has joined as a "
                   "partner.") == set()


def test_initials_then_an_independent_scrutineer_in_an_attendance_list_chair() -> None:
    text = ("WESTSHIRE SAFEGUARDING CHILDREN PARTNERSHIP\nEXECUTIVE GROUP\nMinutes: 21 January 2025\n\nAttendance:\n"
            "Marisol Quenby (MQ) Independent Scrutineer (in the Chair)\n"
            "Lachlan Dovecote (LD) Director of Children's Services, Westshire Council\n\n1. Minutes and actions\n"
            "MQ welcomed members.\n")
    assert chairs_of(text) == {("Marisol Quenby", "WESTSHIRE SAFEGUARDING CHILDREN PARTNERSHIP")}


def test_post_dash_name_items_of_an_attendance_paragraph() -> None:
    text = ("Eastvale Safeguarding Adults Board - minutes of meeting on 12 June 2024\n\n"
            "Board members present: Independent Chair – Peregrine Ashdown; Director of Adult Social Services – "
            "Tamsin Rook; Detective Superintendent – Ibrahim Salako (Eastvale Police)\n\n1. Welcome\n")
    assert {"Peregrine Ashdown", "Tamsin Rook", "Ibrahim Salako"} <= _people(text)
    assert chairs_of(text) == {("Peregrine Ashdown", "Eastvale Safeguarding Adults Board")}


def test_a_decision_records_header_names_the_decision_maker_as_the_body() -> None:
    f = _facts("Decision record: Cabinet Member for Children and Families\nDate of decision: 14 October 2024\n\n"
               "Subject: Northfold Local Safeguarding Children Board Annual Report\n\n"
               "The Cabinet Member received the LSCB Annual Report 2023-24.\nDecision: To note the report.\n")
    assert (f.meeting.body, f.meeting.date) == ("Cabinet Member for Children and Families", "2024-10-14")


def test_a_decision_record_of_something_else_is_no_body() -> None:
    f = _facts("Decision record: Approval of the safeguarding training contract\nDate of decision: 14 October 2024\n")
    assert f.meeting.body != "Approval of the safeguarding training contract"


def _sectors(text: str) -> set[str]:
    return set().union(*_partners(text).values())


@pytest.mark.parametrize("text", [
    "1.1 The Westshire Safeguarding Children Partnership (WSCP) is led by the three safeguarding partners:\n"
    "Westshire Council, Westshire Police and NHS Westshire. The Independent Scrutineer is Hadley Pennington-Vos.",
    "The statutory partners of the Westshire Safeguarding Children Partnership are:\n"
    "Westshire Council, Westshire Police and NHS Westshire.",
], ids=["led-by-the-partners-colon", "statutory-partners-are-colon"])
def test_the_line_after_a_cue_ending_in_a_colon_is_its_list(text: str) -> None:
    assert _sectors(text) == {"local-authority", "police", "health"}


def test_only_the_first_line_after_the_colon_is_carried() -> None:
    text = ("The statutory partners of the Westshire Safeguarding Children Partnership are:\n"
            "Westshire Council, Westshire Police and NHS Westshire.\n"
            "Schools and the probation service were consulted on the report.")
    assert _sectors(text) == {"local-authority", "police", "health"}


@pytest.mark.parametrize("text,want,not_want", [
    ("PRESENT Councillor Mrs D E Ormsby - in the Chair (Westshire County Council) Councillor G Pettifer H Quarmby "
     "Westshire Probation Councillor K Dunn-Ellery T Sowerby (Also Eastvale) Councillor P Arbery Chesterfield "
     "Borough Council",
     {"G Pettifer", "H Quarmby", "K Dunn-Ellery", "T Sowerby", "P Arbery"},
     {"G Pettifer H Quarmby", "K Dunn-Ellery T Sowerby", "P Arbery Chesterfield"}),
    ("Apologies for Absence were received from Owen Lathbury, Helena Marsh-Ockley Simon Tregear and Rachel Pendry.",
     {"Helena Marsh-Ockley", "Simon Tregear", "Rachel Pendry"}, {"Helena Marsh-Ockley Simon Tregear"}),
], ids=["initialled-names-run-together", "a-second-full-name-after-a-surname"])
def test_names_run_together_by_a_flattened_table_are_cut_apart(text: str, want: set[str], not_want: set[str]) -> None:
    got = _people(text)
    assert want <= got and not (not_want & got)


@pytest.mark.parametrize("text,name", [
    ("Present: Mary Ann Smith (Chair)", "Mary Ann Smith"),
    ("Present: John A Smith (Chair)", "John A Smith"),
    ("Present: Councillor F W Ashdown (Chair)", "F W Ashdown"),
])
def test_a_middle_name_or_initials_are_no_second_person(text: str, name: str) -> None:
    assert name in _people(text)


@pytest.mark.parametrize("words", ["Civic Offices", "Eastvale Locality", "Northfold Primary", "Did Not Attend",
                                   "Barring Systems"])
def test_places_services_and_attendance_marks_are_no_names(words: str) -> None:
    text = f"Present:\nAnn Lee, Independent Chair\n{words}, Westshire Council\n\n1. Welcome\n"
    assert words not in _people(text)


def test_a_members_own_title_inside_a_councillors_list_does_not_end_it() -> None:
    text = ("Present: Councillor Pratley(Chairman), Councillors Gosnold(Vice-Chairman), Fairlie, "
            "Councillor Mrs Tollemache, Hesketh, Ibbotson, Quennell and Wyvern")
    assert {"Pratley", "Gosnold", "Fairlie", "Tollemache", "Hesketh", "Ibbotson", "Quennell", "Wyvern"} <= _people(text)


def test_case_names_in_a_sentence_that_says_only_reviews_take_the_kind_named_before() -> None:
    f = _facts("Safeguarding Adults Reviews\nThe Review Panel considered six referrals and commissioned two reviews, "
               "\"Harold\" and \"Ms P\". We also contributed to a Domestic Homicide Review led by the Safer Westshire "
               "Partnership.")
    assert {(r.kind, r.name) for r in f.reviews if r.name} == {
        ("safeguarding-adults-review", "Harold"), ("safeguarding-adults-review", "Ms P")}


def test_a_quoted_name_far_from_any_review_kind_is_no_case() -> None:
    filler = "The Board met and agreed its plan for the coming year. " * 12
    f = _facts("A Safeguarding Adults Review was published. A Domestic Homicide Review was completed. " + filler
               + "Members reviewed the leaflet \"Harold\" wrote for carers.")
    assert all(r.name is None for r in f.reviews)


@pytest.mark.parametrize("text,board", [
    ("The panel received a presentation on plans to abolish Eastvale Safeguarding Board and replace it with a new "
     "organisation Eastvale Safeguarding Together. The Head of Safeguarding advised the panel.",
     "Eastvale Safeguarding Together"),
    ("From September the LSCB will be replaced by a new partnership, known as Keeping Westshire Safe.",
     "Keeping Westshire Safe"),
])
def test_a_new_bodys_own_name_without_a_board_word(text: str, board: str) -> None:
    assert boards_of(text).get(board) == "safeguarding-children"


@pytest.mark.parametrize("text", [
    "The new arrangements, known as Working Together to Safeguard Children, came into force.",
    "The Board will be replaced by a new body called Westshire Council Safeguarding Services.",
])
def test_guidance_and_services_are_no_new_body(text: str) -> None:
    assert not (set(boards_of(text)) - {"Board"})


def _themes(text: str) -> set[str]:
    return themes_of(text, model=True)


def test_items_of_a_priorities_list_are_themes_though_they_look_like_headings() -> None:
    text = ("Westshire Safeguarding Adults Board annual report\n\nOur priorities\n1. Self-neglect and hoarding\n"
            "2. Transitions from children's to adults' services\n")
    assert {"neglect", "transition-to-adulthood"} <= _themes(text)


def test_a_contents_list_stays_headings() -> None:
    text = ("Westshire Safeguarding Adults Board annual report\n\nContents\n1. Self-neglect and hoarding\n"
            "2. Domestic Abuse\n")
    assert not ({"neglect", "domestic-abuse"} & _themes(text))


def test_a_partnership_said_to_be_its_places_community_safety_partnership_is_one_body_by_its_own_name() -> None:
    f = _facts("Safer Eastvale Partnership\nThe Safer Eastvale Partnership is Eastvale's community safety "
               "partnership. Its responsible authorities are Eastvale Borough Council, Westshire Police and the "
               "Probation Service.")
    boards = {o.name for o in f.organisations if o.kind == "community-safety"}
    assert boards == {"Safer Eastvale Partnership"}
    orgs = {o.id: o.name for o in f.organisations}
    assert {orgs[p.partnership] for p in f.partners} == {"Safer Eastvale Partnership"}


def test_a_sector_a_question_is_about_is_no_partner() -> None:
    text = ("HEALTH AND WELLBEING BOARD\nMinutes of the meeting held on 9 July 2024\n\n"
            "14. WESTSHIRE SAFEGUARDING ADULTS BOARD ANNUAL REPORT\nThe Independent Chair of the Westshire "
            "Safeguarding Adults Board presented the report. Board members asked about the fire service's role in "
            "home safety visits. Members asked whether the police attended every strategy meeting.\n"
            "RESOLVED: That the report be noted.\n")
    assert _sectors(text) == set()


def test_a_question_beside_a_membership_statement_keeps_it() -> None:
    text = ("The Westshire Safeguarding Adults Board met four times. The fire service and the police are members of "
            "the Board; members asked about their attendance.")
    assert _sectors(text) == {"fire-and-rescue", "police"}
