"""Partners on councils never seen, round 10: issue 9's partner shapes and close variants
again (membership said in words no cue list holds, the agency's role in the sentence), written
for these tests with invented places and people (Westshire, Eastvale, Midshire, Northfold), and
negative probes for what an agency does in a sentence without being a member: presenting a
report, writing one, being its subject, an audience, a duty stated in general. Each asserts the
exact partner facts of the shipped model: {board name: sectors}."""

from __future__ import annotations

import pytest
from test_partners import _partners

WSCP = "Westshire Safeguarding Children Partnership"
ESAB = "Eastvale Safeguarding Adults Board"
MSAB = "Midshire Safeguarding Adults Board"
NSCP = "Northfold Safeguarding Children Partnership"

PROBES: list[tuple[str, str, dict[str, set[str]]]] = [
    # --- membership in words ---------------------------------------------------------------
    ("lead-officers-attended-every-meeting",
     f"Cabinet\n\nThe {NSCP} met six times. Lead officers from Northfold Council, the constabulary and the ICB "
     "attended every meeting of the Partnership.\n",
     {NSCP: {"local-authority", "police", "health"}}),
    ("convened-jointly-by",
     f"Cabinet\n\nThe {MSAB} is convened jointly with the council, the police and the NHS.\n",
     {MSAB: {"local-authority", "police", "health"}}),
    ("given-a-seat-on-the-board",
     f"Cabinet\n\nThe {ESAB} published its plan. Eastvale Fire and Rescue Service was given a seat on the Board "
     "this year.\n",
     {ESAB: {"fire-and-rescue"}}),
    ("plays-a-lead-role-key-partners",
     f"Scrutiny Committee\n\nThe {WSCP} reported. The constabulary plays a lead role in several of its "
     "sub-groups; the ICB and the council are key partners.\n",
     {WSCP: {"police", "health", "local-authority"}}),
    ("are-members-of-the-board-now",
     f"Cabinet\n\nThe {ESAB} has grown. The probation service and two housing associations are now members of "
     "the Board.\n",
     {ESAB: {"probation", "housing"}}),
    ("are-also-members",
     f"Cabinet\n\nThe {MSAB} met in June. The fire service is an active partner and the probation service are "
     "also members.\n",
     {MSAB: {"fire-and-rescue", "probation"}}),
    ("partners-in-the-partnership-are",
     f"Cabinet\n\nThe partners in the {WSCP} are Westshire Council, Westshire Police and the NHS Westshire "
     "Integrated Care Board.\n",
     {WSCP: {"local-authority", "police", "health"}}),
    ("brings-together-voluntary",
     f"Health and Wellbeing Board\n\nThe {ESAB} brings together the council, the police, the NHS and the "
     "voluntary sector.\n",
     {ESAB: {"local-authority", "police", "health", "voluntary-sector"}}),
    ("membership-includes-schools",
     f"Cabinet\n\nMembership of the {NSCP} includes Northfold Council, Northfold Police, the ICB and "
     "representatives of local schools.\n",
     {NSCP: {"local-authority", "police", "health", "education"}}),
    ("both-partnerships-made-up-of-variant",
     "Cabinet\n\nThe report covers the Eastvale Safeguarding Adults Board and the Eastvale Safeguarding Children "
     "Partnership. Both partnerships are made up of Eastvale Council, the police and the NHS.\n",
     {ESAB: {"local-authority", "police", "health"},
      "Eastvale Safeguarding Children Partnership": {"local-authority", "police", "health"}}),
    # --- the board benefits from their commitment: funding verbs with an adverb --------------
    ("jointly-fund-the-partnership",
     "Cabinet\n\nThe police, the council and the ICB jointly fund the Eastvale Safeguarding Children Partnership.\n",
     {"Eastvale Safeguarding Children Partnership": {"police", "local-authority", "health"}}),
    ("funded-jointly-by",
     f"Cabinet\n\nThe {WSCP} is funded jointly by Westshire Council, Westshire Police and the ICB.\n",
     {WSCP: {"police", "local-authority", "health"}}),
    ("contribute-to-the-budget",
     f"Cabinet\n\nThe council, the constabulary and the ICB contribute to the {NSCP} budget.\n",
     {NSCP: {"police", "local-authority", "health"}}),
    # --- a board's own minutes: the agencies of the members present -------------------------
    ("present-name-title-agency-brackets",
     "Midshire Safeguarding Adults Board\nMinutes of the meeting held on 3 March 2025\n\nPresent:\n"
     "Ann Lee, Independent Chair\nTom Rees, Head of Adult Social Care (Midshire Council)\n"
     "Sara Khan, Detective Superintendent (Midshire Police)\nJo Bell, Deputy Chief Nurse (NHS Midshire ICB)\n\n"
     "1. Apologies\nNone.\n",
     {MSAB: {"local-authority", "police", "health"}}),
    ("attendance-table-board-member-columns",
     "Eastvale Safeguarding Adults Board\nMinutes, 12 May 2025\n\n"
     "| Name | Organisation | P | A | DNA |\n| --- | --- | --- | --- | --- |\n"
     "| Ann Lee | Eastvale Council | P | | |\n| Tom Rees | Eastvale Police | P | | |\n"
     "| Jo Bell | Eastvale Fire and Rescue Service | | A | |\n\n1. Minutes of the last meeting\nAgreed.\n",
     {ESAB: {"local-authority", "police", "fire-and-rescue"}}),
    # --- negatives: the agency's role in the sentence is not membership --------------------
    ("presenter-head-of-education",
     f"Cabinet\n\nAnn Lee, Head of Education, presented the {WSCP} annual report.\n",
     {}),
    ("report-of-the-director-of-housing",
     f"Cabinet\n\nThe Leader introduced the report of the Executive Director of Adult Social Care, Health and "
     f"Housing presenting the {ESAB} annual report.\n",
     {}),
    ("conference-audience",
     f"Cabinet\n\nThe {MSAB} ran a conference for 200 staff from schools, GP surgeries and the police.\n",
     {}),
    ("inspection-of-the-police",
     f"Cabinet\n\nThe {NSCP} noted the Inspectorate of Constabulary's report on Northfold Police.\n",
     {}),
    ("cabinet-member-for-health-is-a-member",
     f"Cabinet\n\nCllr Ann Lee, Cabinet Member for Adult Social Care and Health, is a member of the {ESAB}.\n",
     {}),
    ("portfolio-holder-for-health-and-housing",
     f"Cabinet\n\nCllr Ben Ray, Cabinet Member for Adult Social Care, Health and Housing, is a member of the {MSAB}.\n",
     {}),
    ("report-of-director-children-education-and-skills",
     f"Cabinet\n\nThe report of the Director of Children's Services, Education and Skills on the {WSCP} was "
     "noted.\n",
     {}),
    ("present-title-and-agency-after-comma",
     "Northfold Safeguarding Children Partnership\nMinutes of the meeting held on 9 June 2025\n\nPresent:\n"
     "Ann Lee, Head of Safeguarding, NHS Northfold ICB\nTom Rees, Director of Education and Skills, Northfold "
     "Council\nSara Khan, Chief Inspector, Northfold Police\nJo Bell, Head of Service, Northfold Probation "
     "Service\n\n1. Apologies\nNone.\n",
     {NSCP: {"health", "local-authority", "police", "probation"}}),
    ("victim-support-from-services",
     f"Cabinet\n\nThe {WSCP} review considers the support the child received from the council, the police and "
     "health services.\n",
     {}),
]

# shapes not met yet (said in docs/extraction-partners.md): xfail(strict), so a fix shows up as a failure to remove.
# ("lead-officers-attended-every-meeting" met in round 11: attending a board's every / its meetings is a cue);
# "brings-together-voluntary": the page's own body (a
# Health and Wellbeing Board receiving the report) is given the named board's partners too (a cue "brings
# together" made the statement a rule's, but lowered CV partners 0.879 -> 0.867: dropped)
# "contribute-to-the-budget": the council (a phrase named in nearly every document, so low alone) stays below the
# threshold, 0.9 of its kept siblings' 0.54 (met at main's threshold 0.45: the cost of 0.5, docs say why)
# "jointly-fund-the-partnership": the same council below the threshold since the session-11 refit (police
# 0.55, the council 0.28, lifted to 0.49 by its sibling: the refit after attendance lists stopped at an
# item's heading moved the pair 0.02)
# all three met in round 12: a receiving board gets only what a sentence says of it by name; the board as
# the object of "jointly fund" / "contribute to ... budget" is a cue (tests/test_partners_probes12.py)
NOT_MET: set[str] = set()


@pytest.mark.parametrize(("name", "text", "want"),
                         [pytest.param(*p, marks=pytest.mark.xfail(strict=True)) if p[0] in NOT_MET else p
                          for p in PROBES], ids=[p[0] for p in PROBES])
def test_partner_probe10(name: str, text: str, want: dict[str, set[str]]) -> None:
    assert _partners(text) == want
