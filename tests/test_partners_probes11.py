"""Partners on councils never seen, round 11: close variants of issue 9's partner shapes that
earlier rounds left open (attendance tables flattened to text by PDF extraction, officers
"attending" for their agencies, a board "bringing together" agencies in another body's papers,
contributions to a board's budget), and negative probes (sector words in sentences about
something else). Texts are written for these tests with invented places and people (Westshire,
Eastvale, Midshire, Northfold); each asserts the exact partner facts of the shipped model:
{board name: sectors}."""

from __future__ import annotations

import pytest
from test_partners import _partners

WSCP = "Westshire Safeguarding Children Partnership"
ESAB = "Eastvale Safeguarding Adults Board"
MSAB = "Midshire Safeguarding Adults Board"
NSCP = "Northfold Safeguarding Children Partnership"

PROBES: list[tuple[str, str, dict[str, set[str]]]] = [
    # --- attendance tables flattened by text extraction --------------------------------------
    ("table-one-cell-a-line",
     f"{MSAB}\nMinutes of the meeting held on 4 April 2025\n\nPresent:\nName\nOrganisation\nAnn Lee\n"
     "Independent Chair\nTom Rees\nMidshire Council\nSara Khan\nMidshire Police\nJo Bell\nNHS Midshire ICB\n\n"
     "1. Apologies\nNone.\n",
     {MSAB: {"local-authority", "police", "health"}}),
    ("table-cells-run-together-on-one-line",
     f"{ESAB}\nMinutes, 8 July 2025\n\nPresent: Ann Lee Independent Chair Tom Rees Eastvale Council "
     "Sara Khan Eastvale Police Jo Bell NHS Eastvale ICB\n\n1. Welcome\nThe Chair opened the meeting.\n",
     {ESAB: {"local-authority", "police", "health"}}),
    ("table-tabs-name-agency",
     f"{NSCP}\nNotes of the meeting on 2 May 2025\n\nAttendees:\nAnn Lee\tNorthfold Council\n"
     "Tom Rees\tNorthfold Police\nSara Khan\tNHS Northfold ICB\nJo Bell\tNorthfold Probation Service\n\n"
     "1. Minutes of the last meeting\nAgreed.\n",
     {NSCP: {"local-authority", "police", "health", "probation"}}),
    ("table-broken-agency-line",
     f"{WSCP}\nMinutes of the meeting held on 6 June 2025\n\nPresent:\nAnn Lee - Director of Children's Services,\n"
     "Westshire Council\nTom Rees - Detective Chief Inspector,\nWestshire Police\nSara Khan - Designated Nurse,\n"
     "NHS Westshire ICB\n\n1. Apologies\nNone.\n",
     {WSCP: {"local-authority", "police", "health"}}),
    # --- officers attending for their agencies -------------------------------------------------
    ("lead-officers-attended-meetings",
     f"Cabinet\n\nThe {NSCP} met five times. Lead officers from Northfold Council, Northfold Police and the ICB "
     "attended its meetings.\n",
     {NSCP: {"local-authority", "police", "health"}}),
    ("senior-officers-from-attend-the-board",
     f"Cabinet\n\nSenior officers from the council, the police and the NHS attend the {MSAB}.\n",
     {MSAB: {"local-authority", "police", "health"}}),
    # --- "brings together" and a board's budget --------------------------------------------------
    ("brings-together-under-scrutiny",
     f"Scrutiny Committee\n\nThe {WSCP} brings together Westshire Council, Westshire Police and the NHS "
     "Westshire ICB.\n",
     {WSCP: {"local-authority", "police", "health"}}),
    ("contribute-to-the-budget-named-agencies",
     f"Cabinet\n\nEastvale Council, Eastvale Police and the ICB contribute to the {ESAB} budget.\n",
     {ESAB: {"local-authority", "police", "health"}}),
    ("budget-contributions-from",
     f"Cabinet\n\nThe {NSCP} budget is met by contributions from Northfold Council, Northfold Police and the "
     "NHS Northfold ICB.\n",
     {NSCP: {"local-authority", "police", "health"}}),
    # --- negatives: sector words in unrelated sentences ---------------------------------------
    ("negative-police-presence-at-an-event",
     f"Cabinet\n\nThe {MSAB} annual report was noted. The police attended the summer fair in the park.\n",
     {}),
    ("negative-health-of-residents",
     f"Cabinet\n\nThe {ESAB} report was received. Members asked about the mental health of older residents "
     "and about housing costs.\n",
     {}),
    ("negative-school-holidays",
     f"Cabinet\n\nThe {WSCP} plan was approved. The next meeting falls in the school holidays.\n",
     {}),
    ("negative-council-tax-budget",
     f"Cabinet\n\nThe {NSCP} report was noted. The council budget for next year was set and council tax rose "
     "by two per cent.\n",
     {}),
    ("negative-director-of-public-health-presented",
     f"Cabinet\n\nThe Director of Public Health presented the {MSAB} annual report.\n",
     {}),
    # --- more layouts and wordings (lists under a title line, agencies on consecutive lines) ---------
    ("semicolon-membership",
     f"Cabinet\n\nThe {MSAB} report was noted.\nMembership: Midshire Council; Midshire Police; NHS "
     "Midshire ICB; Midshire Fire and Rescue Service.\n",
     {MSAB: {"local-authority", "police", "health", "fire-and-rescue"}}),
    ("following-agencies-bullets",
     f"{NSCP}\nMinutes of the meeting held on 3 March 2025\n\nRepresentatives of the following "
     "agencies attended:\n• Northfold Council\n• Northfold Police\n• NHS Northfold ICB\n\n1. "
     "Apologies\nNone.\n",
     {NSCP: {"local-authority", "police", "health"}}),
    ("partnership-of",
     f"Cabinet\n\nThe {WSCP} is a partnership of Westshire Council, Westshire Police and the NHS "
     "Westshire ICB.\n",
     {WSCP: {"local-authority", "police", "health"}}),
    ("statutory-partners-in-parens",
     f"Cabinet\n\nThe {ESAB}'s statutory partners (the council, the police and the ICB) agreed the "
     "plan.\n",
     {ESAB: {"local-authority", "police", "health"}}),
    ("equal-partners-first",
     f"Cabinet\n\nHealth, the police and the local authority are equal partners in the {NSCP}.\n",
     {NSCP: {"local-authority", "police", "health"}}),
    ("includes-agencies",
     f"Cabinet\n\nThe {MSAB} includes the council, the police, the ICB and the probation service.\n",
     {MSAB: {"local-authority", "police", "health", "probation"}}),
    ("partner-agencies-heading-lines",
     f"Cabinet\n\nThe {WSCP} annual report was presented.\nPartner agencies\nWestshire Council\n"
     "Westshire Police\nNHS Westshire ICB\n\nThe report was noted.\n",
     {WSCP: {"local-authority", "police", "health"}}),
    ("name-agency-glued",
     f"{ESAB}\nMinutes, 8 July 2025\n\nPresent:\nAnn LeeEastvale Council\nTom ReesEastvale Police\nJo "
     "BellNHS Eastvale ICB\n\n1. Welcome\nThe Chair opened the meeting.\n",
     {ESAB: {"local-authority", "police", "health"}}),
    ("pipes-role-org",
     f"{NSCP}\nMinutes of the meeting held on 2 May 2025\n\n| Name | Role | Organisation |\n| Ann Lee "
     "| Independent Chair | |\n| Tom Rees | Director of Children's Services | Northfold Council |\n| "
     "Sara Khan | Detective Superintendent | Northfold Police |\n| Jo Bell | Designated Nurse | NHS "
     "Northfold ICB |\n\n1. Apologies\nNone.\n",
     {NSCP: {"local-authority", "police", "health"}}),
    ("neg-referrals-from-police",
     f"Cabinet\n\nThe {WSCP} report shows referrals from the police rose by ten per cent and "
     "referrals from schools fell.\n",
     {}),
    ("neg-police-and-crime-plan",
     f"Cabinet\n\nThe {MSAB} priorities align with the Police and Crime Plan and the NHS Long Term "
     "Plan.\n",
     {}),
    ("neg-ofsted-rated",
     f"Cabinet\n\nThe {NSCP} noted that the council's children's services were rated good by Ofsted.\n",
     {}),
    ("neg-hospital-discharge",
     f"Cabinet\n\nThe {ESAB} review found that hospital discharge and the GP's records were poor.\n",
     {}),
    ("neg-nhs-england-guidance",
     f"Cabinet\n\nThe {MSAB} updated its policy in line with NHS England guidance and Home Office "
     "guidance.\n",
     {}),
    ("neg-schools-closed",
     f"Cabinet\n\nThe {WSCP} annual report was noted. Schools closed early because of the snow and "
     "the police closed two roads.\n",
     {}),
    ("neg-members-of-a-panel-title",
     f"Cabinet\n\nThe {ESAB} annual report was noted.\nMembers of the Review Panel\nEastvale Council\n"
     "Eastvale Police\nNHS Eastvale ICB\n\nThe panel met twice.\n",
     {}),
]

# shapes not met yet (said in docs/extraction-partners.md): xfail(strict), so a fix shows up as a failure to remove
# "neg-members-of-a-panel-title": the rules give nothing (a title naming another body opens no list), but the
# model keeps the ICB's line for the board named just before (a named ICB near a board scores high alone; on main too)
NOT_MET: set[str] = {"neg-members-of-a-panel-title"}


@pytest.mark.parametrize(("name", "text", "want"),
                         [pytest.param(*p, marks=pytest.mark.xfail(strict=True)) if p[0] in NOT_MET else p
                          for p in PROBES], ids=[p[0] for p in PROBES])
def test_partner_probe11(name: str, text: str, want: dict[str, set[str]]) -> None:
    assert _partners(text) == want
