"""Board name shapes and review phrasings (texts written for these tests, not corpus text)."""

from __future__ import annotations

from kg.extract.orgs import cluster_boards, find_board_mentions
from kg.extract.reviews import extract_reviews
from kg.extract.rules import rules
from kg.extract.text import sentences


def _boards(text: str) -> list[list[str]]:
    r = rules()
    return [c.names for c in cluster_boards(text, find_board_mentions(text, r), r)]


def _reviews(text: str) -> set[tuple[str, str | None]]:
    return {(f.kind, f.name) for f in extract_reviews(sentences(text), text, set())}


def test_known_place_before_a_place_led_head() -> None:
    assert _boards("The Halton Safer Communities Partnership agreed the plan.") == [
        ["Halton Safer Communities Partnership"]]


def test_unknown_words_before_a_place_led_head_are_not_its_place() -> None:
    assert _boards("Public Protection Safer Westvale Partnership met.") == [["Safer Westvale Partnership"]]


def test_one_community_safety_partnership_per_place() -> None:
    text = "Halton Safer Communities Partnership, also called Halton Community Safety Partnership in the plan."
    assert len(_boards(text)) == 1


def test_a_shorter_place_is_the_same_place() -> None:
    text = ("The Forest of Dean Safeguarding Adults Board met. "
            "The Forest Safeguarding Adults Board agreed its plan.")
    assert len(_boards(text)) == 1


def test_a_different_place_is_a_different_board() -> None:
    text = "The Halton Safeguarding Adults Board and the Wirral Safeguarding Adults Board met together."
    assert len(_boards(text)) == 2


def test_a_defined_plural_without_a_place_is_the_kind_of_body() -> None:
    assert _boards("Community Safety Partnerships (CSPs) commission these reviews.") == []


def test_the_defined_plural_names_the_local_bodies() -> None:
    text = "From April the Local Safeguarding Children Boards (LSCBs) would cease to exist."
    assert _boards(text) == [["Local Safeguarding Children Boards", "LSCBs"]]


def test_a_boards_strategy_names_the_board() -> None:
    assert _boards("We present the Wirral Community Safety Partnership Strategy for 2025.") == [
        ["Wirral Community Safety Partnership"]]


def test_a_job_title_still_names_no_board() -> None:
    assert _boards("Ann Fox, Safeguarding Adults Board Manager, presented.") == []


def test_a_short_line_above_a_blank_line_is_no_place_of_the_heading_below() -> None:
    text = "Minutes\n\nVenue: Town Hall Annexe\n\nGreyford Safeguarding Children Board\n\nPresent: Ann Lee."
    assert _boards(text) == [["Greyford Safeguarding Children Board"]]


def test_a_full_width_line_wraps_across_the_blank_lines_of_a_double_spaced_page() -> None:
    text = ("This plan sets out the priorities agreed across the agencies of the whole of Upper\n\n"
            "Westvale Safeguarding Children Board (UWSCB) for the first time.")
    assert _boards(text) == [["Upper Westvale Safeguarding Children Board", "UWSCB"]]


def test_mortality_and_welsh_practice_reviews_are_case_reviews() -> None:
    assert _reviews("The Learning Disabilities Mortality Review (LeDeR) programme goes on.") == {
        ("case-review", None)}
    assert _reviews("The regional board published an Adult Practice Review.") == {("case-review", None)}


def test_a_first_name_after_a_review_reference_is_its_case_name() -> None:
    assert _reviews("We published a Safeguarding Adults Review - SAR007 - Maria.") == {
        ("safeguarding-adults-review", "Maria")}


def test_the_individual_named_in_a_review_sentence() -> None:
    text = "The board heard of a safeguarding adult review where the individual, Peter, refused care."
    assert _reviews(text) == {("safeguarding-adults-review", "Peter")}


def test_a_capitalised_word_after_a_reference_is_no_name() -> None:
    assert _reviews("SCR 2 - Serious concerns were raised.") == {("serious-case-review", None)}


def test_a_first_name_without_a_review_kind_is_no_case() -> None:
    assert _reviews("The woman, Maria, spoke about learning reviews.") == {("case-review", None)}


def test_an_acronym_after_a_known_place_is_that_places_body() -> None:
    text = "The merger of the Wirral LSCB and the Halton LSCB was agreed. The LSCB met."
    assert sorted(_boards(text)) == [["Halton LSCB"], ["Wirral LSCB", "LSCB"]]


def test_an_acronym_after_the_place_of_a_named_body_joins_it() -> None:
    text = "The Halton Safeguarding Adults Board (SAB) met. Later the Halton SAB agreed its plan."
    assert _boards(text) == [["Halton Safeguarding Adults Board", "Halton SAB", "SAB"]]


def test_the_predecessor_committee_and_welsh_public_services_boards_are_boards() -> None:
    text = "The Halton LSCB replaced the Area Child Protection Committee. The Halton Public Services Board agreed."
    names = _boards(text)
    assert ["Area Child Protection Committee"] in names
    assert ["Halton Public Services Board"] in names


def test_a_review_into_many_cases_is_thematic() -> None:
    text = ("Northfold Police gave an overview of Operation Kestrel, "
            "which is a review into child sexual exploitation cases.")
    assert ("thematic-review", None) in _reviews(text)
    one = _reviews("The panel commissioned a review into the case of Child T.")
    assert ("thematic-review", None) not in one and ("case-review", "Child T") in one


def test_other_areas_words_for_a_review_kind() -> None:
    dvhr = _reviews("Item 9: Domestic Violence Homicide Reviews - an update from the Greyford team.")
    assert ("domestic-homicide-review", None) in dvhr
    serious_adult = _reviews("The Cabinet noted the statutory duties regarding serious adults reviews.")
    assert ("safeguarding-adults-review", None) in serious_adult
    both = _reviews("A thematic safeguarding adults review would be reported to the Board next year.")
    assert {("thematic-review", None), ("safeguarding-adults-review", None)} <= both
    assert ("thematic-review", None) in _reviews("The partnership began a thematic SCR on neglect.")
    # a plain review is not thematic
    assert ("thematic-review", None) not in _reviews("A safeguarding adults review would be reported next year.")


def test_serious_child_safeguarding_reviews_are_practice_reviews() -> None:
    text = "The partnership will deliver audits, serious child safeguarding reviews and training across both areas."
    found = _reviews(text)
    assert ("child-safeguarding-practice-review", None) in found
    assert ("case-review", None) not in found


def test_a_title_and_one_letter_names_an_adults_review() -> None:
    assert _reviews('The board completed three Safeguarding Adults Reviews, including "Mr B".') == {
        ("safeguarding-adults-review", None), ("safeguarding-adults-review", "Mr B")}
    assert _reviews("The Safeguarding Adults Review concerning Ms C was published.") == {
        ("safeguarding-adults-review", "Ms C")}
    # a person's initial and surname is no case name
    assert _reviews("The SAR report was presented by Mr J Smith.") == {("safeguarding-adults-review", None)}
    assert _reviews("Mr B. Jones presented the Safeguarding Adults Review.") == {("safeguarding-adults-review", None)}
