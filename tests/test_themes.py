"""Themes: cues weighed by where they stand, words with a second meaning, the same concern
said in other words. Texts written for these tests; each case is checked with the rules
alone (no model) so a retrained model cannot hide a broken rule."""

from __future__ import annotations

import pytest

from kg.extract.rules import rules
from kg.extract.text import sentences
from kg.extract.themes import _titled_list, extract_themes, theme_candidates


def _themes(text: str) -> set[str]:
    return {t.theme for t in extract_themes(sentences(text), rules(), text)}


def _candidate(text: str, theme: str):
    return next((c for c in theme_candidates(sentences(text), rules(), text) if c.theme == theme), None)


@pytest.mark.parametrize("text", [
    "Papers received: Neglect Strategy Update, Budget Monitoring Report, Annual Report and Audit Plan.",
    "The Board noted the Neglect Strategy, the Exploitation Protocol, the Missing Children Procedure "
    "and the Audit Plan.",
])
def test_a_list_of_titles_is_a_titled_list(text: str) -> None:
    assert _titled_list(text)


@pytest.mark.parametrize("text", [
    "In March 2023, we held our first Safeguarding Conference, opened by the Chief Social Worker, Ann Lee.",
    "On Tuesday, the Independent Chair met the Director of Public Health, and they agreed the plan.",
])
def test_capitals_scattered_in_a_sentence_are_no_list(text: str) -> None:
    assert _titled_list(text) == []


def test_a_conference_in_running_text_counts_in_full() -> None:
    text = "In March 2023, we held our first Safeguarding Conference, opened by the Chief Social Worker, Ann Lee."
    c = _candidate(text, "workforce-training")
    assert c is not None and c.strong == 1 and c.strong_halved == 0


@pytest.mark.parametrize("text, present", [
    ("The new structure includes someone independent challenging its work.", True),
    ("The local authorities were scrutinising each other as well as the partnership.", True),
    ("The existing QA board has been strengthened.", True),
    ("The Qa'ida text was not discussed.", False),
])
def test_scrutiny_of_the_partnership_in_other_words(text: str, present: bool) -> None:
    assert ("quality-assurance" in _themes(text)) is present


@pytest.mark.parametrize("text, present", [
    ("Venue: Training Room 2, Civic Centre, High Street.", False),
    ("The meeting was held in the Conference Suite.", False),
    ("Multi-agency training on neglect was delivered to 400 practitioners.", True),
])
def test_a_room_is_not_training(text: str, present: bool) -> None:
    assert ("workforce-training" in _themes(text)) is present


@pytest.mark.parametrize("text, theme, present", [
    # words with a second meaning
    ("Actions To Prevent Recurrence were agreed after the incident.", "radicalisation", False),
    ("Prevent recurrence by checking the records twice.", "radicalisation", False),
    ("Prevent referrals rose this year and the Prevent duty was discussed.", "radicalisation", True),
    ("The case was referred to the review panel for a decision.", "front-door", False),
    ("Referrals to the Case Review Panel were considered.", "front-door", False),
    ("Referrals to the MASH rose by a fifth this year.", "front-door", True),
    ("The plan covers crime prevention in the town centre.", "early-help", False),
    ("The annual report assesses the effectiveness of local safeguarding arrangements.", "quality-assurance", False),
    ("The Board audited 40 cases and reviewed its performance data.", "quality-assurance", True),
    # the same concern in other words
    ("Feedback from children shaped the priorities of the partnership.", "voice-of-the-child", True),
    ("Young people told us that they wanted to be heard.", "voice-of-the-child", True),
    ("Several cases crossed the county boundary, and plans were shared.", "cross-border", True),
    ("The regional arrangements were set up under the Act.", "cross-border", False),
    # round 4: more of the same concerns in other words, and more second meanings
    ("Children's feedback shaped the partnership's priorities this year.", "voice-of-the-child", True),
    ("The priorities were set from what young people said in a survey of 400 pupils.", "voice-of-the-child", True),
    ("Practitioners recorded the child's wishes and feelings at every visit.", "voice-of-the-child", True),
    ("The views of partners were sought on the new arrangements.", "voice-of-the-child", False),
    ("Children placed in other local authority areas were visited less often.", "cross-border", True),
    ("The family moved between three local authority areas in two years.", "cross-border", True),
    ("The two cases crossed county borders before the referral.", "cross-border", True),
    ("Crime and disorder prevention remains a priority of the community safety partnership.", "early-help", False),
    ("The fire service leads on fire prevention visits to older residents.", "early-help", False),
    ("The Prevention of Terrorism team briefed the board.", "early-help", False),
    ("Prevention and early support for families remain the first priority.", "early-help", True),
    ("Partners had invested significant funds in the partnership this year.", "funding", True),
    # second meanings, round 4
    ("Reports of psychological abuse and financial abuse both rose.", "mental-health", False),
    ("Psychological support for young people waiting for CAMHS was extended.", "mental-health", True),
    ("Greyford Infant School hosted the event.", "babies-and-infants", False),
    ("Useful contacts are listed at the end of this page.", "front-door", False),
    ("Children spend more time online than before.", "funding", False),
    ("Spending on placements rose by a tenth.", "funding", True),
    ("The data protection officer answered questions from members.", "quality-assurance", False),
    ("The police gangs matrix lists young people at risk.", "quality-assurance", False),
    ("Poverty and social exclusion affect families across the town.", "education", False),
    ("Fixed-term exclusions from secondary schools rose.", "education", True),
    ("Student placements in the team were offered to three social work students.", "children-in-care", False),
    ("Follow us on social media for news of our events.", "online-safety", False),
    ("Children told us about bullying on social media.", "online-safety", True),
    ("The partnership held a workshop on transitions for young people at risk.", "transition-to-adulthood", True),
    ("The Children's Hub is now staffed by police and health partners.", "front-door", True),
    ("The new building is staffed by police and health partners.", "front-door", False),
    # round 5: statutory formulas and names of other kinds of prevention
    ("The Board is a statutory partnership to safeguard adults at risk of abuse, neglect or exploitation.",
     "child-exploitation", False),
    ("Exploitation of young people by gangs rose in the town centre.", "child-exploitation", True),
    ("Self-harm prevention and suicide prevention protocols were in place.", "early-help", False),
    ("The knife crime prevention programme was extended.", "early-help", False),
    ("The partnership's focus on prevention reduced referrals.", "early-help", True),
])
def test_second_meanings_and_other_words(text: str, theme: str, present: bool) -> None:
    assert (theme in _themes(text)) is present


def test_a_table_of_contents_line_counts_as_a_heading() -> None:
    text = "Contents\nIntroduction 2\nAudit, Scrutiny and Review 10\nFunding and budget 14\nAppendices 20\n"
    c = _candidate(text, "funding")
    assert c is not None and c.strong == 0 and c.strong_halved == 2
    assert "funding" not in _themes(text)


def test_a_cue_inside_a_titled_review_or_programme_weighs_half() -> None:
    text = "The Northfold Learning Disabilities Mortality Review pilot has moved to full implementation."
    c = _candidate(text, "disability-send")
    assert c is not None and c.strong == 0 and c.strong_halved >= 1
    assert "disability-send" not in _themes(text)
    assert "disability-send" in _themes("Children with learning disabilities waited longer for an assessment.")


def test_a_cue_inside_a_service_or_job_title_weighs_half() -> None:
    text = "LK Safeguarding & Quality Assurance Service Y Y A. JR YOT/Early Intervention Y Y."
    c = _candidate(text, "quality-assurance")
    assert c is not None and c.strong == 0 and c.strong_halved >= 1
    assert "early-help" not in _themes("Ann Lee, Early Intervention Manager, sent apologies.")
    assert "early-help" in _themes("Early intervention reduced the number of children who needed a plan.")


# round 6 (branch themes): registers and statutory formulas
@pytest.mark.parametrize("text, theme, present", [
    ("The Chair presented the annual report on the effectiveness of safeguarding children in Eastvale.",
     "quality-assurance", False),
    ("Boards publish reports on the effectiveness of local safeguarding each year.", "quality-assurance", False),
    ("The audit tested the effectiveness of safeguarding supervision in the ward.", "quality-assurance", True),
])
def test_the_annual_report_formula_is_no_quality_assurance(text: str, theme: str, present: bool) -> None:
    assert (theme in _themes(text)) is present


def test_a_row_of_an_attendance_grid_weighs_as_a_heading() -> None:
    grid = "KB Early Intervention Hub Y Y A N D Y\nRM Fire and Rescue A A Y Y Y Y\n"
    c = _candidate(grid, "early-help")
    assert c is not None and c.strong == 0 and c.strong_halved == 1
    assert "early-help" not in _themes(grid)
    # single capitals in running text are no grid
    text = "Early intervention reduced plans in wards A and B, and in Y and N too."
    c = _candidate(text, "early-help")
    assert c is not None and c.strong == 1


@pytest.mark.parametrize("text, present", [
    # "effectiveness" and "oversight" alone are the general English of any report: weak cues
    ("Members asked about the effectiveness of the new rota.", False),
    ("The committee keeps oversight of the budget for the leisure centre.", False),
    # with company, or beside a strong cue, the theme stands
    ("The audit of 30 cases tested the effectiveness of supervision.", True),
    ("Governance, oversight and the effectiveness of the plan were challenged.", True),
])
def test_effectiveness_and_oversight_need_company(text: str, present: bool) -> None:
    assert ("quality-assurance" in _themes(text)) is present


# round 7 (branch acc-themes): issue 9's theme misses said in other words and with second
# meanings, each with close variants; names invented. Checked with the rules alone and with the
# shipped model, so neither a broken cue nor a retrained model can hide the other.
_ISSUE9 = [
    # the child's voice in other words
    ("Feedback from children in Westshire shaped the priorities for the coming year.", "voice-of-the-child", True),
    ("The priorities were shaped by what children and young people in Eastvale told the partnership.",
     "voice-of-the-child", True),
    ("Pupils' feedback was used to redesign the Northfold online safety campaign.", "voice-of-the-child", True),
    ("Children said they wanted to be heard by the Midshire partnership.", "voice-of-the-child", True),
    ("The Board heard the voices of care leavers at its June meeting.", "voice-of-the-child", True),
    ("Feedback from partners shaped the priorities for the coming year.", "voice-of-the-child", False),
    # cross-border in other words
    ("Cases that crossed the county boundary were discussed with Midshire.", "cross-border", True),
    ("Cases crossing borders between Eastvale and Westshire were reviewed jointly.", "cross-border", True),
    ("Young people placed by other authorities in Northfold were visited.", "cross-border", True),
    ("The county boundary review by the electoral commission was noted.", "cross-border", False),
    # "prevent" that is not Prevent
    ("Actions were agreed to prevent recurrence of the incident in Westshire.", "radicalisation", False),
    ("Steps To Prevent Recurrence were listed in the Eastvale action plan.", "radicalisation", False),
    ("Prevention of recurrence was the aim of the Westshire action plan.", "radicalisation", False),
    ("Prevent further harm by sharing records promptly.", "radicalisation", False),
    ("The Prevent co-ordinator for Midshire briefed the board on referrals to Channel.", "radicalisation", True),
    # a referral to a review panel is not the front door
    ("Members agreed to refer to the Case Review Panel any case meeting the criteria.", "front-door", False),
    ("A referral to the Rapid Review panel was made within five days.", "front-door", False),
    ("The case was referred for a Safeguarding Adults Review by the Northfold board.", "front-door", False),
    ("Threshold decisions at the Eastvale MASH were audited.", "front-door", True),
    # prevention of crime, fire, falls is not early help; help got early is
    ("Crime prevention advice was given to shop owners in Northfold.", "early-help", False),
    ("Prevention of crime in the town centre is led by the police.", "early-help", False),
    ("Falls prevention work with older people continued.", "early-help", False),
    ("Jo Lane, Head of Early Help, sent apologies.", "early-help", False),
    ("Families in Midshire need to get help early, before problems escalate.", "early-help", True),
    # the annual report's statutory wording is no QA finding; "the Board was assured" is
    ("The report sets out how the partnership assesses the effectiveness of local arrangements.",
     "quality-assurance", False),
    ("The partners are required to assess the effectiveness of local arrangements each year.",
     "quality-assurance", False),
    ("The Board was assured that the backlog of audits in Eastvale had been cleared.", "quality-assurance", True),
    ("The Northfold board could be assured that links had been strengthened.", "quality-assurance", True),
    ("Members were assured that the new checks were working.", "quality-assurance", True),
    ("Rest assured that we will reply to every letter.", "quality-assurance", False),
    ("Ann Berry, Group Manager, Safeguarding and Quality Assurance, presented the report.",
     "quality-assurance", False),
    # more of the same concern in other words
    ("The group covers domestic and sexual abuse across Westshire.", "domestic-abuse", True),
    ("The group covers domestic and “honour” based abuse in Eastvale.", "harmful-practices", True),
    ("The review looks at the transition period from children’s to adult services in Midshire.",
     "transition-to-adulthood", True),
    ("Young people moving into adult services need a named worker.", "transition-to-adulthood", True),
    ("The forum develops the skills of front-line practitioners in Northfold.", "workforce-training", True),
]


@pytest.mark.parametrize("text, theme, present", _ISSUE9)
def test_issue9_other_words_and_second_meanings_rules(text: str, theme: str, present: bool) -> None:
    assert (theme in _themes(text)) is present


@pytest.mark.parametrize("text, theme, present", _ISSUE9)
def test_issue9_other_words_and_second_meanings_model(text: str, theme: str, present: bool) -> None:
    from kg.extract.linear import load_models

    model = load_models()["themes"]
    got = {t.theme: t for t in extract_themes(sentences(text), rules(), text, model)}
    assert (theme in got) is present
    if present:  # the evidence is the probe's one sentence, and the model's name is on it
        assert (got[theme].start, got[theme].end) == (0, len(text.rstrip(".")) + text.endswith(".") * 1)
        assert got[theme].by.startswith("model:")


_DUTIES = ("The Eastvale Safeguarding Children Board is a statutory body.\n"
           "Statute is clear about what our core functions are. These include:\n"
           "• the action to take where there are worries about a child's safety, including thresholds;\n"
           "• training of persons who work with children;\n"
           "• the safety and welfare of children who are privately fostered;\n")


def test_a_list_of_statutory_functions_is_no_discussion() -> None:
    for theme in ("front-door", "workforce-training", "private-fostering"):
        c = _candidate(_DUTIES, theme)
        assert c is not None and c.strong == 0 and c.strong_halved >= 1, theme
    assert _themes(_DUTIES) & {"front-door", "workforce-training", "private-fostering"} == set()
    done = "In Westshire, 300 practitioners attended multi-agency training on neglect this year."
    assert "workforce-training" in _themes(_DUTIES + done)


@pytest.mark.parametrize("text, present", [
    ("SCRs should also be undertaken when a child dies by suspected suicide in Northfold.", False),
    ("The duty also applies in cases of suicide where abuse may have been a cause.", False),
    ("Suicide among young men in Midshire rose, and the board asked for a suicide prevention plan.", True),
])
def test_a_duty_in_the_words_of_guidance_weighs_as_a_heading(text: str, present: bool) -> None:
    assert ("mental-health" in _themes(text)) is present


@pytest.mark.parametrize("text, expected", [
    # a sentence hard-wrapped over three lines
    ("The Westshire Safeguarding Children Partnership met on 3 May.\nFeedback from children and young\n"
     "people shaped the priorities of the\npartnership for the coming year.\n", {"voice-of-the-child"}),
    # a table's cells
    ("| Item | Update |\n| --- | --- |\n| Priorities | Feedback from children shaped the priorities |\n"
     "| Cross-border | Cases that crossed the county boundary were reviewed with Eastvale |\n",
     {"cross-border", "voice-of-the-child"}),
    # three second meanings as list items: no theme at all
    ("Actions:\n- to prevent recurrence, the Northfold team will check records twice\n"
     "- refer to the review panel where criteria are met\n- crime prevention leaflets to be sent to shops\n", set()),
    ("The Midshire Safeguarding Adults Board Annual Report 2023/24 assesses the effectiveness of local "
     "arrangements to safeguard adults.\n", set()),
    ("The Board was assured by the audit of 40 cases that practice had improved.\n", {"quality-assurance"}),
])
def test_issue9_layouts_give_exactly_these_themes(text: str, expected: set[str]) -> None:
    from kg.extract.linear import load_models

    assert _themes(text) == expected
    assert {t.theme for t in extract_themes(sentences(text), rules(), text, load_models()["themes"])} == expected


@pytest.mark.parametrize("text, theme, present", [
    # more words with a second meaning, of the same classes as issue 9's (names invented)
    ("The minutes neglected to record the apologies of Cllr Lee of Westshire.", "neglect", False),
    ("Children neglected to the point of harm were found in Eastvale.", "neglect", True),
    ("The case met the threshold for a Rapid Review and the Eastvale panel agreed.", "front-door", False),
    ("The panel agreed that the threshold for a Safeguarding Adults Review was met.", "front-door", False),
    ("The MASH applies the threshold for children's social care.", "front-door", True),
    ("Transitional arrangements were agreed for the move from the LSCB to the new Midshire partnership.",
     "transition-to-adulthood", False),
    ("Transitional planning for the new IT system in Northfold was discussed.", "transition-to-adulthood", False),
    ("Transitional planning for care leavers turning 18 was reviewed.", "transition-to-adulthood", True),
    ("It is assured that the budget will be set in March.", "quality-assurance", False),
    ("The audit committee of Westshire Council received the internal audit of the accounts.",
     "quality-assurance", False),
    ("An internal audit of 30 case files in Eastvale found gaps in supervision.", "quality-assurance", True),
])
def test_more_second_meanings(text: str, theme: str, present: bool) -> None:
    from kg.extract.linear import load_models

    assert (theme in _themes(text)) is present
    got = {t.theme for t in extract_themes(sentences(text), rules(), text, load_models()["themes"])}
    assert (theme in got) is present
