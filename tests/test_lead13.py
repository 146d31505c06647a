"""Shapes the lead found in session 13 by scoring a set of whole invented documents written before
the extractor was run on them (issue 9: what held-out areas write that the development set does
not): a chair named after the post in apposition ("chaired by the council's Director of Housing,
Ann Lee"), a chair by a participle after a clause ("..., chairing both the X and the Y"), "The Board"
on a page whose safeguarding board is named only further down, a table's tab-separated cells
(a post before "(Chair)", a title that stops at the cell's edge) and "the boards'" far below where
both boards were named. Each probe fails without its fix; the negatives guard what must not change."""

from __future__ import annotations

import pytest
from fact_probes import chairs_of
from test_partners import _partners
from theme_probes import themes_of

from kg.extract.pipeline import extract
from kg.model import Document


def _facts(text: str):
    return extract(Document(id="t", text=text, source="test"))


def _roles(text: str) -> set[tuple[str, str, str | None]]:
    f = _facts(text)
    people = {p.id: p.name for p in f.people}
    orgs = {o.id: o.name for o in f.organisations}
    return {(people[r.person], r.title, orgs.get(r.organisation) if r.organisation else None) for r in f.roles}


_DAPB = ("The Panel received a report on the work of the Eastvale Domestic Abuse Partnership Board. "
         "The Board is chaired by the council's Director of Housing, Peregrine Ashdown, and its members "
         "include the police and the probation service. The Board agreed a joint training offer with the "
         "Eastvale Safeguarding Adults Board.")


def test_chaired_by_a_post_then_the_name_in_apposition() -> None:
    assert chairs_of("The Westshire Safeguarding Adults Board is chaired by the Chief Executive of Westshire "
                     "Council, Marta Quill.") == {("Marta Quill", "Westshire Safeguarding Adults Board")}


def test_the_board_is_the_one_named_before_when_the_main_board_comes_only_later() -> None:
    # the page's only safeguarding board is named after the sentence: "The Board" is the one before it
    assert chairs_of(_DAPB) == {("Peregrine Ashdown", "Eastvale Domestic Abuse Partnership Board")}


def test_chaired_by_a_post_alone_names_no_one() -> None:
    text = ("The Eastvale Safeguarding Adults Board was chaired by the Director of Adult Services, and Tom Rees "
            "presented the report.")
    assert chairs_of(text) == set()


def test_chaired_by_words_that_are_no_post_name_no_chair() -> None:
    text = "The Eastvale Safeguarding Adults Board was chaired by rotation last year, Tom Rees said."
    assert chairs_of(text) == set()


def test_a_participle_after_the_clause_that_begins_at_the_person() -> None:
    text = ("Dr Rhea Tandy, a former director of nursing, will take up the role on 1 April, chairing both the "
            "Eastvale Safeguarding Children Partnership and the Eastvale Safeguarding Adults Board.")
    assert chairs_of(text) == {("Rhea Tandy", "Eastvale Safeguarding Children Partnership"),
                               ("Rhea Tandy", "Eastvale Safeguarding Adults Board")}


def test_is_now_chairing_after_an_apposition() -> None:
    text = ("Olu Bankole, who joined from the probation service, is now chairing the Northshire Safeguarding "
            "Adults Board.")
    assert chairs_of(text) == {("Olu Bankole", "Northshire Safeguarding Adults Board")}


def test_a_participle_of_another_person_is_not_the_subjects() -> None:
    text = ("Dr Rhea Tandy, the Director of Public Health, thanked Tom Rees, chairing the Eastvale Safeguarding "
            "Adults Board for the last time.")
    assert ("Rhea Tandy", "Eastvale Safeguarding Adults Board") not in chairs_of(text)


_TAB_MINUTES = ("EASTVALE SAFEGUARDING CHILDREN PARTNERSHIP\nExecutive Group\n\n"
                "Minutes of the meeting held on 5 March 2025\n\nPresent\n"
                "Rhea Tandy\tIndependent Scrutineer (Chair)\tESCP\n"
                "Olu Bankole\tDirector of Children's Services\tEastvale Council\n\n"
                "1. Welcome\nThe Chair welcomed members.\n")


def test_a_post_before_chair_in_brackets_in_a_tab_row_is_the_persons_post() -> None:
    # the scrutineer of the partnership chairs it (ANNOTATION), though the group's meeting is no board's own
    assert chairs_of(_TAB_MINUTES) == {("Rhea Tandy", "EASTVALE SAFEGUARDING CHILDREN PARTNERSHIP")}


def test_a_title_stops_at_a_tab_and_the_council_is_the_last_cell() -> None:
    f = _facts(_TAB_MINUTES)
    assert ("Olu Bankole", "Director of Children's Services", None) in _roles(_TAB_MINUTES)
    assert f.meeting.council == "Eastvale Council"


def test_the_boards_far_below_both_names_means_both() -> None:
    text = ("New independent chair for Eastvale's safeguarding boards\n\n"
            "Dr Rhea Tandy will chair both the Eastvale Safeguarding Children Partnership and the Eastvale "
            "Safeguarding Adults Board from April. " + "She has worked in the NHS for thirty years. " * 3
            + "She said that her first priority would be to listen to families.\n\n"
            + "Photographs of the launch event are available on request. " * 12
            + "\n\nThe boards' work is funded jointly by Eastvale City Council, the police and NHS Eastvale "
            "Integrated Care Board.\n")
    found = _partners(text)
    for board in ("Eastvale Safeguarding Children Partnership", "Eastvale Safeguarding Adults Board"):
        assert {"local-authority", "police", "health"} <= found.get(board, set()), board


def test_a_list_beside_the_replaced_board_is_the_new_bodys() -> None:
    text = ("About the Eastvale Safeguarding Partnership\n\n"
            "The Eastvale Safeguarding Partnership (ESP) brings together the organisations that work with "
            "children in Eastvale. Since September 2019 the three safeguarding partners - Eastvale Borough "
            "Council, Eastvale Police and NHS Eastvale Integrated Care Board - have shared equal responsibility "
            "for the arrangements, replacing the former Eastvale Local Safeguarding Children Board.\n")
    found = _partners(text)
    assert {"local-authority", "police", "health"} <= found.get("Eastvale Safeguarding Partnership", set())
    assert not found.get("Eastvale Local Safeguarding Children Board")


def test_children_who_go_missing_in_other_words() -> None:
    text = ("The review concerned a fifteen-year-old who had been reported missing eleven times before she was "
            "harmed. Its findings on how agencies respond when a child goes missing repeatedly, and on return "
            "interviews, are set out below.")
    assert "missing-children" in themes_of(text, True) & themes_of(text, False)


def test_missing_from_education_is_not_a_missing_child() -> None:
    text = "Too many children go missing from education after a school move."
    assert "missing-children" not in themes_of(text, True) | themes_of(text, False)


def test_cross_border_placements_by_authorities_named_by_country() -> None:
    text = "Concern was raised about the number of children placed in the region by English local authorities."
    assert "cross-border" in themes_of(text, True) & themes_of(text, False)


def test_a_parents_drinking_is_substance_misuse_and_drinking_water_is_not() -> None:
    text = "The review found that agencies had not shared information about his drinking."
    assert "substance-misuse" in themes_of(text, True) & themes_of(text, False)
    assert "substance-misuse" not in themes_of("The home had no drinking water for two days.", False)


def test_children_exploited_outside_the_home() -> None:
    text = "The audit looked at eight cases of children exploited outside the home by adults they met online."
    assert "contextual-safeguarding" in themes_of(text, True) & themes_of(text, False)


def test_the_chair_a_new_chair_succeeds_is_a_former_chair() -> None:
    text = ("Dr Rhea Tandy will take up the role on 1 April, chairing both the Eastvale Safeguarding Children "
            "Partnership and the Eastvale Safeguarding Adults Board. She succeeds Tobias Wren, who steps down after "
            "six years in the post.")
    assert {("Tobias Wren", "Eastvale Safeguarding Children Partnership"),
            ("Tobias Wren", "Eastvale Safeguarding Adults Board")} <= chairs_of(text)


def test_one_who_replaces_someone_in_another_post_makes_no_chair() -> None:
    text = ("Dr Rhea Tandy, the Independent Chair of the Eastvale Safeguarding Adults Board, welcomed members. "
            "The new Director of Adult Services, Olu Bankole, replaces Marta Quill, who has retired.")
    assert chairs_of(text) == {("Rhea Tandy", "Eastvale Safeguarding Adults Board")}


def _review_kinds(text: str) -> set[str]:
    return {r.kind for r in _facts(text).reviews}


def test_learning_from_reviews_on_a_page_that_names_its_reviews_kind_adds_no_generic_review() -> None:
    text = ("The Board published one Safeguarding Adults Review during the year. Its priorities are self-neglect, "
            "exploitation of adults with care and support needs, and learning from reviews.")
    assert _review_kinds(text) == {"safeguarding-adults-review"}


def test_learning_from_reviews_alone_is_still_the_generic_activity() -> None:
    assert _review_kinds("The Board's priorities are neglect and learning from reviews.") == {"case-review"}


def test_a_board_that_has_an_independent_chair_named_after_it() -> None:
    text = ("Welcome to the website of the Eastvale Safeguarding Children Partnership (ESCP) and the Eastvale "
            "Safeguarding Adults Board (ESAB). The ESCP is led jointly by the three safeguarding partners. "
            "The ESAB has an independent chair, Dr Rhea Tandy, who was appointed in 2022.")
    assert chairs_of(text) == {("Rhea Tandy", "Eastvale Safeguarding Adults Board")}


def test_a_board_that_has_a_new_business_manager_has_no_chair() -> None:
    assert chairs_of("The Eastvale Safeguarding Adults Board has a new business manager, Olu Bankole.") == set()


def test_the_successor_of_a_chair_who_stood_down() -> None:
    text = ("He thanked Mr Tobias Wren, who had stepped down as Independent Chair of the Eastvale Local "
            "Safeguarding Children Board in May, and welcomed his successor, Ms Marta Quill.")
    assert chairs_of(text) == {("Tobias Wren", "Eastvale Local Safeguarding Children Board"),
                               ("Marta Quill", "Eastvale Local Safeguarding Children Board")}


def test_the_successor_of_someone_who_chairs_nothing_chairs_nothing() -> None:
    text = ("The Independent Chair of the Eastvale Safeguarding Adults Board, Rhea Tandy, thanked Tobias Wren, the "
            "retiring business manager, and welcomed his successor, Marta Quill.")
    assert chairs_of(text) == {("Rhea Tandy", "Eastvale Safeguarding Adults Board")}


def _meeting(text: str) -> tuple[str | None, str | None]:
    m = _facts(text).meeting
    return m.body, m.date


def test_minutes_under_the_committees_name_is_the_pages_kind_not_its_body() -> None:
    text = ("Children and Young People Select Committee\n\nMinutes – Wednesday 9 October 2019\n\n"
            "Members present: Councillor Ann Lee (Chair).\n\n7. NEW SAFEGUARDING ARRANGEMENTS\n\n"
            "The Committee noted the report.\n")
    assert _meeting(text) == ("Children and Young People Select Committee", "2019-10-09")


def test_a_heading_in_capitals_with_its_date_in_capitals() -> None:
    text = "COUNCIL MEETING – 14 JULY 2016\n\nQUESTIONS FROM MEMBERS\n\nQuestion 4 from Councillor Ann Lee.\n"
    assert _meeting(text) == ("Council Meeting", "2016-07-14")


_ADULTS_MINUTES = ("Westshire Safeguarding Adults Board\n\nPresent:\n"
                   "Mel Ostrowski (MO) - Chief Executive, Eastvale Carers' Centre\n"
                   "Ruth Kenwright (RK) - Board Manager\n\n"
                   "Apologies: Gordon Pike (Head of Housing Needs, Eastvale Council); "
                   "Alison Marr (Probation Service)\n\n"
                   "1. Welcome\nThe Chair welcomed everyone.\n")


def test_a_department_after_a_post_and_an_organisations_possessive_name_are_no_people() -> None:
    assert {p.name for p in _facts(_ADULTS_MINUTES).people} == {
        "Mel Ostrowski", "Ruth Kenwright", "Gordon Pike", "Alison Marr"}


def test_a_carers_centre_is_the_voluntary_sector() -> None:
    assert "voluntary-sector" in _partners(_ADULTS_MINUTES).get("Westshire Safeguarding Adults Board", set())


def test_the_boards_member_organisations_before_another_board_named_later_in_the_sentence() -> None:
    text = ("The Committee considered the annual report of the Eastvale Safeguarding Adults Board (ESAB). "
            "Rhea Tandy said that the Board's member organisations - the County Council, Eastvale Police and the "
            "ICB - had all completed the self-assessment audit, and that the Board was working with the Eastvale "
            "Safeguarding Children Partnership on young people moving into adult services.")
    found = _partners(text)
    assert {"local-authority", "police", "health"} <= found.get("Eastvale Safeguarding Adults Board", set())


def test_an_adults_page_that_never_names_a_child_has_no_childrens_themes() -> None:
    text = ("Eastvale Safeguarding Adults Board. The SAR sub-group considered a referral about a woman with learning "
            "disabilities who had died in a residential placement out of the area. It met the criteria for a "
            "Safeguarding Adults Review.")
    found = themes_of(text, True) | themes_of(text, False)
    assert not found & {"disability-send", "children-in-care"}


def test_the_same_words_on_a_childrens_page_keep_their_themes() -> None:
    text = ("Eastvale Safeguarding Children Partnership. The review concerned a child with learning disabilities "
            "who had moved residential placement three times while in care.")
    assert {"disability-send", "children-in-care"} <= themes_of(text, True) | themes_of(text, False)


@pytest.mark.parametrize(("text", "theme"), [
    ("We audited how well agencies respond to children who go missing from home.", "quality-assurance"),
    ("Both reviews concerned children who were not brought to health appointments.", "neglect"),
    ("The review concerned a nine-month-old who suffered serious injuries.", "babies-and-infants"),
    ("Its plan had four priorities, among them serious violence and drug-related harm.", "substance-misuse"),
    ("The Virtual School kept nine in ten children in their school after a placement move.", "education"),
    ("Moving schools when they moved placement was the thing they found hardest.", "education"),
    ("Sixty-one children in care were living more than 20 miles from the borough.", "cross-border"),
    ("The three partners fund the Eastvale Safeguarding Children Partnership in agreed shares.", "funding"),
    ("His father had a history of controlling behaviour towards previous partners.", "domestic-abuse"),
    ("Think about the father: professionals spoke to him only once.", "think-family"),
    ("She had stopped attending school months before she was harmed.", "education"),
    ("Members asked how the partnership would hear from young people.", "voice-of-the-child"),
    ("He had been excluded from two schools and had spent long periods out of education.", "education"),
    ("The Chair asked whether children were being heard by the partnership.", "voice-of-the-child"),
    ("His own views were seldom recorded by any agency.", "voice-of-the-child"),
    ("He died after being stabbed near his home.", "youth-violence"),
    ("Residents asked how to report concerns about drug dealing.", "substance-misuse"),
    ("The scrutineer looks at how well the partners are working together.", "quality-assurance"),
])
def test_concerns_in_other_words(text: str, theme: str) -> None:
    """Concerns in words no cue held before this session (each round's, in its order)."""
    assert theme in themes_of(text, True) & themes_of(text, False)


@pytest.mark.parametrize(("text", "theme"), [
    ("The accounts were audited by the council's external auditors.", "quality-assurance"),
    ("The office is a ten-minute walk from the station.", "babies-and-infants"),
])
def test_the_same_words_in_other_senses(text: str, theme: str) -> None:
    assert theme not in themes_of(text, True) | themes_of(text, False)


def test_jointly_chaired_by_two_posts_each_with_its_holder() -> None:
    text = ("The Eastvale Regional Safeguarding Board is jointly chaired by the Director of Social Services of "
            "Westvale Council, Mrs Rhea Tandy, and the Chief Superintendent for the region, Mr Tobias Wren.")
    assert chairs_of(text) == {("Rhea Tandy", "Eastvale Regional Safeguarding Board"),
                               ("Tobias Wren", "Eastvale Regional Safeguarding Board")}


def test_a_chairs_own_page_in_the_first_person() -> None:
    text = ("Our independent chair\n\nWelcome from Professor Rhea Tandy\n\nI was appointed as Independent Chair of "
            "the Eastvale Safeguarding Adults Partnership Board in the autumn of 2023, having chaired boards "
            "elsewhere.\n\nOur Board brings together the council, the police and the NHS.\n")
    assert chairs_of(text) == {("Rhea Tandy", "Eastvale Safeguarding Adults Partnership Board")}


def test_a_first_person_page_naming_several_people_says_no_more() -> None:
    text = ("Welcome from Professor Rhea Tandy\n\nI was appointed as Independent Chair of the Eastvale Safeguarding "
            "Adults Board in 2023. I thank Tobias Wren, our business manager, and Marta Quill.\n")
    assert chairs_of(text) == set()


def test_a_brand_named_partnership_with_the_generic_name_in_apposition_is_one_body() -> None:
    text = ("Olu Bankole introduced the draft plan of the Safer Eastvale Partnership, the statutory Community Safety "
            "Partnership for the borough, which is chaired by the council's Chief Executive, Marta Quill.")
    assert chairs_of(text) == {("Marta Quill", "Safer Eastvale Partnership")}


def test_a_welsh_practice_review_reference_led_by_the_boards_acronym() -> None:
    text = "The Board published one Child Practice Review (ERSB CPR 2/2023) during the year."
    assert ("case-review", "ERSB CPR 2/2023") in {(r.kind, r.name) for r in _facts(text).reviews}


def test_a_decision_takers_post_after_the_holder() -> None:
    text = ("Cabinet Member Decision Notice\n\nDecision taker: Councillor Marta Quill, Cabinet Member for Children, "
            "Young People and Education\nDate of decision: 29 August 2024\n\nSummary\nThe partners fund the "
            "Eastvale Safeguarding Children Partnership.\n")
    assert _meeting(text) == ("Cabinet Member for Children, Young People and Education", "2024-08-29")


def test_the_council_before_its_body_on_a_decisions_page() -> None:
    text = ("Record of decision\n\nEastvale Borough Council – Executive\n\nMeeting date: Wednesday, 18 September 2019"
            "\n\nItem 9: Eastvale Safeguarding Children Board Annual Report\n\nThe Executive received the report.\n")
    assert _meeting(text) == ("Executive", "2019-09-18")


def test_a_panels_name_under_its_date_and_attendance() -> None:
    text = ("Thursday 10 October 2024\n\nPresent: Cllr Marta Quill (Chair), Cllr Olu Bankole\n\n"
            "Also in attendance: Rhea Tandy (Independent Chair, Eastvale Safeguarding Adults Board)\n\n"
            "Health and Adult Social Care Scrutiny Panel\n\n14. Eastvale Safeguarding Adults Board Annual Report\n\n"
            "Rhea Tandy presented the report.\n")
    assert _meeting(text) == ("Health and Adult Social Care Scrutiny Panel", "2024-10-10")


def test_a_name_never_spans_a_tables_cells() -> None:
    text = ("MINUTES OF THE EASTVALE SAFEGUARDING CHILDREN PARTNERSHIP BOARD\n\nMembers\nPresent\tOrganisation\n"
            "Rhea Tandy (Independent Scrutineer)\t\nOlu Bankole\tEastvale Borough Council\n\n1. Apologies\nNone.\n")
    assert "Present\tOrganisation" not in {p.name for p in _facts(text).people}


def test_a_chairs_career_is_no_partner() -> None:
    text = ("The Eastvale Safeguarding Adults Board is made up of Eastvale County Council, Eastvale Constabulary and "
            "the ICB. Since April 2021 the Board has been chaired by Ms Rhea Tandy, an independent chair with a "
            "background in the probation service.")
    found = _partners(text).get("Eastvale Safeguarding Adults Board", set())
    assert {"local-authority", "police", "health"} <= found and "probation" not in found


def test_partners_that_share_the_lead() -> None:
    text = ("Olu Bankole explained that the LSCB had been replaced by the Eastvale Safeguarding Children Partnership, "
            "in which the council, the police and the clinical commissioning group share the lead.")
    assert {"local-authority", "police", "health"} <= _partners(text).get(
        "Eastvale Safeguarding Children Partnership", set())



def test_the_boards_chair_in_a_section_on_the_second_board() -> None:
    text = ("2. Eastvale Safeguarding Children Partnership\nThe Partnership's Independent Scrutineer, Mr Olu Bankole, "
            "reported on the year.\n\n3. Eastvale Safeguarding Adults Board\nThe Board's Independent Chair, Ms Marta "
            "Quill, stepped down in December. The Board's new Independent Chair is Mr Tobias Wren.\n")
    assert chairs_of(text) == {("Olu Bankole", "Eastvale Safeguarding Children Partnership"),
                               ("Marta Quill", "Eastvale Safeguarding Adults Board"),
                               ("Tobias Wren", "Eastvale Safeguarding Adults Board")}


def test_the_boards_independent_chair_in_lower_case_on_a_page_with_no_safeguarding_board() -> None:
    text = ("The Committee received a report on the work of the Eastvale Domestic Abuse Local Partnership Board. "
            "The Board's independent chair, Rhea Tandy, attended.")
    assert chairs_of(text) == {("Rhea Tandy", "Eastvale Domestic Abuse Local Partnership Board")}


def test_supported_by_an_independent_scrutineer() -> None:
    text = ("The Executive Group of the Eastvale Safeguarding Partnership is supported by an independent scrutineer, "
            "Marcus Tillotson, whose role is to provide assurance.")
    assert chairs_of(text) == {("Marcus Tillotson", "Eastvale Safeguarding Partnership")}


def test_the_chair_of_the_boards_own_meeting_with_the_council_after_the_post() -> None:
    text = ("Eastvale Community Safety Partnership\n\nMinutes of the Partnership Board, 12 March 2025\n\n"
            "Present: Cllr Yusuf Malik (Chair, Eastvale District Council), Insp. Carl Bellingham (Eastvale Police), "
            "Emma Kirkby (Probation Service)\n\n1. Serious Violence Duty\nThe Board approved the assessment.\n")
    assert chairs_of(text) == {("Yusuf Malik", "Eastvale Community Safety Partnership")}


def test_private_fostering_is_not_children_in_care() -> None:
    text = "Councillor Ann Lee asked about private fostering; there were six known arrangements."
    found = themes_of(text, True) | themes_of(text, False)
    assert "private-fostering" in found and "children-in-care" not in found


def test_an_adults_page_in_capitals_is_still_an_adults_page() -> None:
    text = ("EASTVALE SAFEGUARDING ADULTS PARTNERSHIP BOARD - ANNUAL REPORT\n\nThe Board commissioned a Safeguarding "
            "Adults Review into the death of a man with autism who died in hospital.")
    assert "disability-send" not in themes_of(text, True) | themes_of(text, False)



def test_a_portfolio_holders_post_field() -> None:
    text = ("Portfolio Holder Decision\n\nPortfolio Holder: Councillor Marta Quill, Portfolio Holder for Adult Care "
            "and Wellbeing\n\nSubject: Renewal of the memorandum of the Eastvale Safeguarding Adults Board\n")
    assert _meeting(text)[0] == "Portfolio Holder for Adult Care and Wellbeing"


def test_police_ranks_abbreviated_before_a_name() -> None:
    text = ("Children's Trust Board\n\nMinutes – 15 May 2019\n\nPresent: Cllr A. Whitlow (Chair), Supt D. Kerr "
            "(Police), Det Supt Ian Morrow (Eastvale Police)\n\n4. Update\nThe Board noted the update.\n")
    assert {"D Kerr", "Ian Morrow"} <= {p.name for p in _facts(text).people}


def test_a_cover_sheets_bare_to_field() -> None:
    text = ("Item 7\n\nReport of the Independent Chair of the Eastvale Safeguarding Children Board\n\n"
            "To: Corporate Parenting and Scrutiny Panel, 24 January 2017\n\nAuthor: Olu Bankole, Independent Chair\n\n"
            "1. The Board is required to publish an annual report.\n")
    assert _meeting(text) == ("Corporate Parenting and Scrutiny Panel", "2017-01-24")


def test_a_to_field_without_a_body_names_none() -> None:
    text = "To: all members of staff\nFrom: the Business Manager\n\nThe Eastvale Safeguarding Adults Board met.\n"
    assert _meeting(text)[0] is None


def test_the_independent_scrutiny_carried_out_by_a_person() -> None:
    text = ("The Eastvale Safeguarding Partnership brings together the partners. Independent scrutiny of the "
            "arrangements is carried out by Dr Ayesha Rahman.")
    assert chairs_of(text) == {("Ayesha Rahman", "Eastvale Safeguarding Partnership")}


def test_independently_scrutinised_by_names_the_board_before_it() -> None:
    assert chairs_of("The Eastvale Safeguarding Adults Board is independently scrutinised by Tom Rees.") == {
        ("Tom Rees", "Eastvale Safeguarding Adults Board")}


def test_scrutinised_accounts_and_another_bodys_scrutiny_make_no_chair() -> None:
    text = ("The Eastvale Safeguarding Partnership met. The accounts were independently scrutinised by the auditors, "
            "and Tom Rees said the Forum was scrutinised by Ann Lee.")
    assert chairs_of(text) == set()
