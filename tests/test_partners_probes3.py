"""Partners on councils never seen, round 7: more variants of issue 9's partner shapes,
written for these tests with invented places and people (other verbs of membership, other
list layouts, agencies shared by several boards, a list stated as a whole), and negative
probes. Each asserts the exact partner facts of the shipped model: {board name: sectors}."""

from __future__ import annotations

import pytest
from test_partners import _partners

SCP = "Westshire Safeguarding Children Partnership"
SAB = "Eastvale Safeguarding Adults Board"
CSP = "Midshire Community Safety Partnership"

PROBES: list[tuple[str, str, dict[str, set[str]]]] = [
    # --- membership in words -------------------------------------------------------------
    ("are-represented-on",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership published its plan. Westshire Council, "
     "Westshire Police and the Westshire ICB are represented on the Partnership.\n",
     {SCP: {"local-authority", "police", "health"}}),
    ("membership-comprises-dashes",
     "Cabinet\n\nThe Eastvale Safeguarding Adults Board met in July. Its membership comprises the three "
     "statutory partners - Eastvale Council, Eastvale Constabulary and NHS Eastvale ICB - together with "
     "the probation service.\n",
     {SAB: {"local-authority", "police", "health", "probation"}}),
    ("includes-representatives-from",
     "Scrutiny Committee\n\nThe Northfold Safeguarding Adults Board includes representatives from the fire "
     "service and housing providers.\n",
     {"Northfold Safeguarding Adults Board": {"fire-and-rescue", "housing"}}),
    ("statutory-partners-of-the-board",
     "Cabinet\n\nThe Eastvale Safeguarding Adults Board has a new chair. Eastvale Council, the police and the "
     "ICB are the statutory partners of the Board.\n",
     {SAB: {"local-authority", "police", "health"}}),
    ("each-board-is-made-up-of",
     "Health and Wellbeing Board\n\nThe report covers the Northfold Safeguarding Children Partnership and the "
     "Northfold Safeguarding Adults Board. These boards are made up of the council, the police and the NHS.\n",
     {"Northfold Safeguarding Children Partnership": {"local-authority", "police", "health"},
      "Northfold Safeguarding Adults Board": {"local-authority", "police", "health"}}),
    ("membership-heading-semicolons",
     "Cabinet\n\nMidshire Community Safety Partnership\n\nMembership of the Partnership: Midshire Council; "
     "Midshire Police; Midshire Fire and Rescue Service; the Probation Service.\n",
     {CSP: {"local-authority", "police", "fire-and-rescue", "probation"}}),
    # --- a board's own minutes -----------------------------------------------------------
    ("attendees-semicolon-line",
     "Westshire Safeguarding Children Partnership\nMinutes of the meeting held on 3 May 2024\n\n"
     "Attendees: Jo Hart, Westshire Council; Sam Lee, Westshire Police; Ali Khan, NHS Westshire ICB; "
     "Pat Green, Westshire Fire and Rescue Service\n\n1. Welcome and introductions\nThe chair welcomed "
     "everyone.\n",
     {SCP: {"local-authority", "police", "health", "fire-and-rescue"}}),
    ("initials-dash-title-agency-en-dash",
     "Eastvale Safeguarding Adults Board\nMinutes of the meeting held on 9 October 2023\n\nPresent:\n"
     "Amy Cole (AC) – Detective Superintendent, Eastvale Police\n"
     "Bill Dunn (BD) – Director of Adult Services, Eastvale Borough Council\n"
     "Cara Ellis (CE) – Designated Nurse, NHS Eastvale ICB\n"
     "Dev Fox (DF) – Head of Service, Eastvale Probation Service\n\n"
     "1. Apologies\nNone were received.\n",
     {SAB: {"police", "local-authority", "health", "probation"}}),
    ("agency-column-table-p-a",
     "Northfold Safeguarding Adults Board\nMeeting of 12 February 2025\n\nBoard Member P A DNA\n"
     "Northfold City Council P\nNorthfold Police P\nNHS Northfold ICB A\nNorthfold Fire and Rescue Service P\n"
     "Northfold Housing Association DNA\n\n1. Minutes of the last meeting\nAgreed.\n",
     {"Northfold Safeguarding Adults Board": {"local-authority", "police", "health", "fire-and-rescue",
                                               "housing"}}),
    # --- negatives: sectors named, no membership ------------------------------------------
    ("thanked-for-response",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership annual report was noted. Members thanked "
     "the fire crews for their work during the floods in February.\n",
     {}),
    ("job-title-at-the-council",
     "Cabinet\n\nThe report of the Director of Housing and Adult Social Care was presented. It described "
     "the Eastvale Safeguarding Adults Board's work on self-neglect.\n",
     {}),
    # --- round 7, second batch ------------------------------------------------------------
    ("partners-are-list",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership met in June. The Partnership's partners are "
     "Westshire Council, Westshire Police, the ICB and the county's schools.\n",
     {SCP: {"local-authority", "police", "health", "education"}}),
    ("both-represented-at",
     "Scrutiny Committee\n\nThe Eastvale Safeguarding Adults Board met four times. The police and health "
     "were both represented at every meeting of the Board.\n",
     {SAB: {"police", "health"}}),
    ("welcomed-a-new-member-from",
     "Cabinet\n\nThe Eastvale Safeguarding Adults Board welcomed a new member from the Probation Service "
     "this year.\n",
     {SAB: {"probation"}}),
    ("joined-as-fourth-partner",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership has changed. Education joined the "
     "Partnership as a fourth safeguarding partner in 2022.\n",
     {SCP: {"education"}}),
    ("as-one-of-the-partners",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership set its priorities. The ICB, as one of the "
     "three safeguarding partners, leads on health.\n",
     {SCP: {"health"}}),
    ("dash-lines-no-heading",
     "Northfold Safeguarding Adults Board\nMeeting of 2 March 2024\n\n"
     "Lara Moss (LM) - Independent Chair\nOmar Nash (ON) - Superintendent, Northfold Police\n"
     "Pia Quinn (PQ) - Head of Adult Social Care, Northfold Council\nRuth Sale (RS) - Safeguarding Lead, "
     "Northfold NHS Foundation Trust\n\n1. Welcome\nThe chair opened the meeting.\n",
     {"Northfold Safeguarding Adults Board": {"police", "local-authority", "health"}}),
    ("tab-table",
     "Westshire Safeguarding Children Partnership\nMinutes of 1 April 2024\n\nName\tOrganisation\tAttendance\n"
     "Tom Vale\tWestshire Council\tPresent\nUma West\tWestshire Constabulary\tPresent\n"
     "Vic Yale\tWestshire ICB\tApologies\n\n1. Welcome\nAll were welcomed.\n",
     {SCP: {"local-authority", "police", "health"}}),
    ("asked-schools-to-review",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership asked head teachers to review their "
     "attendance policies after the audit.\n",
     {}),
    ("crime-figures-from-police",
     "Overview and Scrutiny Committee\n\nThe Midshire Community Safety Partnership report showed that police "
     "figures for burglary fell by ten per cent.\n",
     {}),
    # --- round 7, third batch -------------------------------------------------------------
    ("representatives-of-attended",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership held a development session in May. "
     "Representatives of the council, the constabulary and the clinical commissioning group attended.\n",
     {SCP: {"local-authority", "police", "health"}}),
    ("established-in-partnership-with",
     "Cabinet\n\nThe Eastvale Safeguarding Adults Board was established in partnership with the police, the "
     "probation service and the NHS.\n",
     {SAB: {"police", "probation", "health"}}),
    ("bulleted-members-are",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership\n\nThe Partnership's members are:\n"
     "- Westshire Council\n- Westshire Police\n- NHS Westshire ICB\n- Westshire schools\n\n"
     "The report was noted.\n",
     {SCP: {"local-authority", "police", "health", "education"}}),
    ("leaders-of-the-three-partners",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership is led by the three safeguarding partners: "
     "the Chief Executive of Westshire Council, the Chief Constable of Westshire Police and the Chief "
     "Executive of NHS Westshire ICB.\n",
     {SCP: {"local-authority", "police", "health"}}),
    ("regional-board-include",
     "Cabinet\n\nMembers of the Westshire Regional Safeguarding Board include the four local authorities, "
     "Westshire Police, the health board and the probation service.\n",
     {"Westshire Regional Safeguarding Board": {"local-authority", "police", "health", "probation"}}),
    ("apposition-brings-together",
     "Cabinet\n\nThe Westshire Community Safety Partnership, which brings together the council, the police, "
     "the fire service, probation and health, agreed its plan.\n",
     {"Westshire Community Safety Partnership": {"local-authority", "police", "fire-and-rescue", "probation",
                                                  "health"}}),
    ("organisation-first-pipe-table",
     "Eastvale Safeguarding Adults Board\nMinutes of 5 June 2024\n\nOrganisation | Representative | Present\n"
     "Eastvale Council | Kim Lowe | Yes\nEastvale Police | Lee Marsh | Yes\nNHS Eastvale ICB | Mo Nunn | No\n\n"
     "1. Welcome\nAll were welcomed.\n",
     {SAB: {"local-authority", "police", "health"}}),
    ("review-criticised",
     "Cabinet\n\nThe Eastvale Safeguarding Adults Board's review of the case criticised the police and the "
     "council for missed chances to help the victim.\n",
     {}),
    ("training-delivered-to-staff",
     "Cabinet\n\nTraining was delivered by the Westshire Safeguarding Children Partnership to 300 staff from "
     "schools, GP practices and the police.\n",
     {}),
    # --- round 7, fourth batch: agencies that form the board, a police post by its rank ---
    ("have-formed-the",
     "Cabinet\n\nIn Westshire the council, the constabulary and the ICB, with the county's schools, have formed "
     "the Westshire Safeguarding Children Partnership.\n",
     {SCP: {"local-authority", "police", "health", "education"}}),
    ("together-form-the",
     "Scrutiny Committee\n\nEastvale Council, Eastvale Police and NHS Eastvale ICB together form the Eastvale "
     "Safeguarding Adults Board.\n",
     {SAB: {"local-authority", "police", "health"}}),
    ("area-commander-in-a-list",
     "Northfold Safeguarding Adults Board\nMinutes of the meeting held on 4 March 2024\n\nPresent:\n"
     "Sue Tate, Local Area Commander\nVal Hume, Head of Adult Social Care, Northfold Council\n\n"
     "1. Welcome\nThe chair opened the meeting.\n",
     {"Northfold Safeguarding Adults Board": {"police", "local-authority"}}),
]

# shapes not met yet (said in docs/extraction-partners.md): xfail(strict), so a fix shows up as a failure to remove.
# "training-delivered-to-staff" (a training's audience) is met since round 10 (the partner model's threshold
# chosen by area-grouped CV, 0.45 -> 0.5, with the mention's role features)
# "- Westshire schools" three items under "The Partnership's members are:" on a Cabinet page: the rules find it, the
# ranker's probability fell from 0.625 to 0.462 when session 19's retraining (a Welsh brand read as its board's
# name on one development page) moved the weight of a reference four sentences back; giving the ranker the list's
# carried cue as a feature brings it back (0.548) but costs area CV partners 0.004, so it is left unmet
NOT_MET: set[str] = {"bulleted-members-are"}


@pytest.mark.parametrize(("name", "text", "want"),
                         [pytest.param(*p, marks=pytest.mark.xfail(strict=True)) if p[0] in NOT_MET else p
                          for p in PROBES], ids=[p[0] for p in PROBES])
def test_partner_probe(name: str, text: str, want: dict[str, set[str]]) -> None:
    assert _partners(text) == want
