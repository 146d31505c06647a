"""Shapes the lead found in session 14 (issue 9: what held-out areas write that the development set
does not). Each probe fails without its fix; the negatives guard what must not change."""

from __future__ import annotations

from fact_probes import boards_of, chairs_of
from test_partners import _partners

from kg.extract.pipeline import extract
from kg.model import Document


def _safeguarding_boards(text: str) -> set[str]:
    return {name for name, kind in boards_of(text).items() if kind.startswith("safeguarding")}

_TWO_BOARDS = ("The Cabinet received the annual reports of the Farrowdale Safeguarding Children Partnership "
               "and the Farrowdale Safeguarding Adults Board. ")


def test_the_adults_board_in_lower_case_is_the_pages_adults_board() -> None:
    text = _TWO_BOARDS + ("Helen Marsh, who has been the independent chair of the adults' board since 2021, "
                          "presented its report.")
    assert chairs_of(text) == {("Helen Marsh", "Farrowdale Safeguarding Adults Board")}


def test_the_childrens_partnership_in_lower_case_is_the_pages_childrens_board() -> None:
    text = ("The Cabinet received the annual reports of the Farrowdale Safeguarding Adults Board and the "
            "Farrowdale Safeguarding Children Partnership. Dr Peter Quaile, independent scrutineer of the "
            "children's partnership, said neglect was its priority.")
    assert chairs_of(text) == {("Peter Quaile", "Farrowdale Safeguarding Children Partnership")}


def test_an_audience_the_page_has_no_board_for_falls_back_as_before() -> None:
    # no adults' board on the page: the post stays the page's own board's, as "independent chair" did
    text = ("The Cabinet received the annual report of the Farrowdale Safeguarding Children Partnership. "
            "Helen Marsh, independent chair of the adults' board, presented it.")
    assert chairs_of(text) <= {("Helen Marsh", "Farrowdale Safeguarding Children Partnership")}


def test_the_neighbouring_board_is_still_the_board_the_post_names() -> None:
    text = ("The Chair of the neighbouring Halton Safeguarding Children Partnership, Mr Lionel Tobias, "
            "attended.")
    assert chairs_of(text) == {("Lionel Tobias", "Halton Safeguarding Children Partnership")}


_HANDOVER = ("The Cabinet received the last annual report of the Halton Safeguarding Children Board, introduced "
             "by its Independent Chair, Gillian Marsh. Mr Tom Rees explained that from September the Board would "
             "be replaced by the Halton Safeguarding Partnership, led jointly by the council, the police and the "
             "CCG, with Ms Marsh continuing as independent scrutineer.")


def test_a_chair_who_continues_as_the_new_boards_scrutineer_chairs_both() -> None:
    # the rules make her the old board's chair; the learned pass adds the new one, named in the sentence
    assert chairs_of(_HANDOVER) == {("Gillian Marsh", "Halton Safeguarding Children Board"),
                                    ("Gillian Marsh", "Halton Safeguarding Partnership")}


def test_another_boards_chair_presenting_to_the_meeting_does_not_chair_the_meeting_body() -> None:
    text = ("Minutes of the Halton Health and Wellbeing Board, 3 May 2024\n\n"
            "The Health and Wellbeing Board received the Halton Safeguarding Adults Board annual report, which "
            "was presented by Henrietta Gale, Independent Chair, Halton Safeguarding Adults Board.")
    assert chairs_of(text) == {("Henrietta Gale", "Halton Safeguarding Adults Board")}


_PARTNERS_PAGE = """Halton Safeguarding Children Partnership

Since September 2019 children in Halton have been safeguarded under the arrangements published by the three
safeguarding partners. Together they make up the Halton Safeguarding Children Partnership (HSCP).

The safeguarding partners are:
- Halton Borough Council (HBC), represented by the Chief Executive and the Director of Children's Services
- NHS Cheshire and Merseyside Integrated Care Board (ICB), represented by the Chief Nursing Officer
- Cheshire Constabulary, represented by the Assistant Chief Constable for Protective Services

They are jointly and equally responsible for the arrangements.
"""


def test_a_list_whose_items_hold_a_cue_of_their_own_goes_on_after_the_first() -> None:
    # each item says "represented by": the list that "The safeguarding partners are:" opened still holds them
    assert _partners(_PARTNERS_PAGE) == {"Halton Safeguarding Children Partnership":
                                         {"local-authority", "health", "police"}}


def test_a_given_name_alone_is_the_person_the_page_named_in_full() -> None:
    text = ("Halton Safeguarding Children Partnership\n\nMeet our chair: Rev. Canon Adaeze Cullimore\n\n"
            "Adaeze became the Independent Chair and Scrutineer of the Partnership in May 2023. She was a "
            "senior social worker for twenty years.")
    assert chairs_of(text) == {("Adaeze Cullimore", "Halton Safeguarding Children Partnership")}


def test_a_given_name_two_people_share_is_nobodys() -> None:
    text = ("Halton Safeguarding Children Partnership\n\nPresent: Adaeze Cullimore, Adaeze Pryor\n\n"
            "Adaeze became the Independent Chair of the Partnership in May 2023.")
    assert chairs_of(text) == set()


def test_the_partnership_is_the_pages_own_partnership_when_another_was_named_since() -> None:
    text = ("Halton Safeguarding Partnership annual report\n\n"
            "The Halton Safeguarding Partnership covers children and adults. Joint work with the Halton "
            "Community Safety Partnership led to a learning event on domestic homicide reviews.\n\n"
            "The Partnership's members include the fire service, the Probation Service and Halton College.")
    # (the learned pass may still give the CSP named just before them too: the model weighs its distance)
    assert {"fire-and-rescue", "probation", "education"} <= _partners(text).get("Halton Safeguarding Partnership",
                                                                               set())


def test_a_places_own_of_before_a_place_the_gazetteer_lacks_is_part_of_the_name() -> None:
    for heading, name in (("ISLE OF SENNAN SAFEGUARDING BOARD", "ISLE OF SENNAN SAFEGUARDING BOARD"),
                          ("Vale of Sennan Safeguarding Board", "Vale of Sennan Safeguarding Board")):
        f = extract(Document("t", heading + "\n\nNotes of the Board meeting held on 30 January 2024.\n"))
        assert [o.name for o in f.organisations if o.kind == "safeguarding-children"] == [name]


def test_a_sector_mention_makes_a_member_of_the_board_it_is_likeliest_for_not_of_every_board_near_it() -> None:
    text = ("Minute 12: Halton Safeguarding Adults Board Annual Report\n\n"
            "12.1 The Interim Chair introduced the report. The Board and the Halton Community Safety Partnership "
            "had held a joint learning event on two domestic homicide reviews.\n\n"
            "12.2 The Board had asked the mental health trust to report on waiting times.\n\n"
            "12.3 Councillor Reyes asked who sat on the Board. The Chair said that in addition to the three "
            "statutory partners - the Council, the ICB and Cheshire Police - the Board's members included the "
            "fire and rescue service, the Probation Service and the housing associations.")
    got = _partners(text)
    assert {"fire-and-rescue", "probation", "housing", "police"} <= got["Halton Safeguarding Adults Board"]
    assert "Halton Community Safety Partnership" not in got


def test_a_post_then_who_holds_it_currently() -> None:
    text = ("To approve the extension of the contract for the Independent Chair and Scrutineer of the Halton "
            "Safeguarding Children Partnership (HSCP), currently held by Mr Desmond Okafor-Lane, for two years.")
    assert chairs_of(text) == {("Desmond Okafor-Lane", "Halton Safeguarding Children Partnership")}


def test_my_predecessor_chaired_the_board_the_pages_chair_chairs() -> None:
    text = ("Foreword from our Independent Chair\n\n"
            "This is my first annual report since I took up the role of Independent Chair of the Halton "
            "Safeguarding Children Partnership in May 2022, and I want to begin by thanking my predecessor, "
            "Judith Aldersey-Clarke, who steered the Partnership through the pandemic.\n\n"
            "Dr Abigail Fenchurch\nIndependent Chair and Scrutineer of the Halton Safeguarding Children Partnership\n")
    assert chairs_of(text) == {("Abigail Fenchurch", "Halton Safeguarding Children Partnership"),
                               ("Judith Aldersey-Clarke", "Halton Safeguarding Children Partnership")}


def test_her_predecessor_chaired_what_the_chair_named_before_chairs() -> None:
    text = ("Ann Lee, Independent Chair of the Halton Safeguarding Adults Board, presented the report. Members "
            "thanked her predecessor, Tom Bell, for his work.")
    assert chairs_of(text) == {("Ann Lee", "Halton Safeguarding Adults Board"),
                               ("Tom Bell", "Halton Safeguarding Adults Board")}


def test_a_minutes_line_with_a_time_written_with_full_stops_dates_the_meeting() -> None:
    for when in ("at 7.00 p.m. in the Elgar Room, Sudbeck Council Offices", "at 7.00 pm in the Elgar Room"):
        text = ("Sudbeck District Council\nOverview and Scrutiny Panel (Communities)\n\n"
                f"Minutes of a meeting held on 9 July 2019 {when}\n\nPresent: Cllr R. Penhale (Chairman)\n")
        assert extract(Document("t", text)).meeting.date == "2019-07-09"


def test_a_period_reported_on_is_no_meeting_date() -> None:
    text = ("Halton Safeguarding Adults Board\nAnnual Report 1 April 2021 - 31 March 2022\n\n"
            "Introduction from the Independent Chair\n\nWelcome to the annual report of the Board.\n")
    assert extract(Document("t", text)).meeting.date is None
    held = "Minutes of the meeting held on 3 March 2022 - 10.00 am\n\nPresent: Ann Lee (Chair)\n"
    assert extract(Document("t", "Halton Safeguarding Adults Board\n" + held)).meeting.date == "2022-03-03"


def test_a_board_for_all_ages_is_not_the_childrens_board_it_replaces() -> None:
    text = ("The Tregarwen Safeguarding Board (TSB) is the regional safeguarding board for children and adults. "
            "Since April 2022 the former Tregarwen Regional Safeguarding Children Board and Tregarwen Regional "
            "Safeguarding Adults Board have operated as one joint board.")
    assert _safeguarding_boards(text) == {"Tregarwen Safeguarding Board",
                                          "Tregarwen Regional Safeguarding Children Board",
                                          "Tregarwen Regional Safeguarding Adults Board"}


def test_a_short_name_without_the_adults_board_beside_it_is_still_the_childrens_board() -> None:
    text = ("The Halton Safeguarding Children Board met in March. The Halton Safeguarding Board agreed its "
            "priorities.")
    assert _safeguarding_boards(text) == {"Halton Safeguarding Children Board"}


def test_the_new_arrangements_partners_are_the_successors_not_the_lscbs() -> None:
    text = ("Purpose: To agree new local arrangements for safeguarding children, which will replace the Halton "
            "Local Safeguarding Children Board from 1 July 2019.\n\n"
            "The Children and Social Work Act 2017 removed the requirement for local authorities to have an LSCB "
            "and placed a joint and equal duty on three safeguarding partners. For Halton these are the Borough "
            "Council, Halton Clinical Commissioning Group and Cheshire Constabulary.\n\n"
            "Under the proposals the Halton Safeguarding Children Partnership (HSCP) would be led by an executive "
            "of the three partners.")
    got = _partners(text)
    assert got.get("Halton Local Safeguarding Children Board", set()) == set()
    assert {"local-authority", "health", "police"} <= got["Halton Safeguarding Children Partnership"]


def test_a_priests_title_is_an_honorific_and_its_full_stop_ends_no_sentence() -> None:
    f = extract(Document("t", "Co-opted: Fr. T. Garrity (Catholic Diocese), Ms J. Oduya (Parent Governor).\n"
                              "Father Tom Rees said the plan was agreed. The father of the child was not told."))
    assert {(p.name, p.honorific) for p in f.people} == {("T Garrity", "Fr"), ("J Oduya", "Ms"),
                                                          ("Tom Rees", "Father")}


def test_the_old_boards_chair_does_not_chair_the_board_that_replaces_it() -> None:
    text = ("The Wyndle Local Safeguarding Children Board (WLSCB), which had been chaired by Dr Malcolm Oates since "
            "2014, would be replaced by the Wyndle Safeguarding Children Partnership (WSCP).")
    assert chairs_of(text) == {("Malcolm Oates", "Wyndle Local Safeguarding Children Board")}


def test_its_members_are_the_members_of_the_board_named_just_before() -> None:
    text = ("The Safer Halton Partnership leads on community safety. The existing Halton Domestic Abuse Partnership "
            "Board, chaired by Assistant Chief Constable Verity Hallam, has been confirmed as the local partnership "
            "board. Its members include Halton Borough Council, Cheshire Police, the Probation Service and Halton "
            "Homes.")
    got = _partners(text)
    assert {"local-authority", "police", "probation"} <= got["Halton Domestic Abuse Partnership Board"]


def test_both_boards_are_chaired_by_one_person() -> None:
    text = ("The Panel considered the annual reports of the Halton Local Safeguarding Children Board and the Halton "
            "Safeguarding Adults Board for 2011/12. Both Boards are chaired by Nigel Farrant, who was welcomed to "
            "his first meeting of the Panel.")
    assert chairs_of(text) == {("Nigel Farrant", "Halton Local Safeguarding Children Board"),
                               ("Nigel Farrant", "Halton Safeguarding Adults Board")}


def test_our_independent_scrutineer_is_the_pages_boards() -> None:
    text = ("Halton Safeguarding Children Partnership\n\nThe partnership works with schools and the police.\n\n"
            "Our independent scrutineer is Winifred Kemble-Hart. Winifred is a former director of nursing.")
    assert chairs_of(text) == {("Winifred Kemble-Hart", "Halton Safeguarding Children Partnership")}


def test_new_arrangements_that_replace_an_lscb_are_the_successors_even_named_only_after() -> None:
    text = ("The Committee received the annual report of the Halton Safeguarding Children Board (HSCB). "
            "Mr Rees reminded members that the HSCB would therefore be replaced, from 29 June 2019, by new "
            "multi-agency arrangements led jointly by the Borough Council, Halton Clinical Commissioning Group "
            "and Cheshire Constabulary. The draft arrangements proposed that the new body be called the Halton "
            "Children's Safeguarding Partnership.")
    got = _partners(text)
    assert {"local-authority", "health", "police"} <= got.get("Halton Children's Safeguarding Partnership", set())
    assert got.get("Halton Safeguarding Children Board", set()) == set()


def test_a_given_name_that_is_a_common_word_is_no_mention_alone() -> None:
    f = extract(Document("t", "Present: Frank Gale (Chair), Will Ashby\n\nFrank discussions were held about the "
                              "budget. Will the Board agree the plan? It was agreed."))
    assert {p.name: set(p.aliases) for p in f.people} == {"Frank Gale": set(), "Will Ashby": set()}
