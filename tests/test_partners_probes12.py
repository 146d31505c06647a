"""Partners, round 12: a receiving board and funding in other words.

1. A board known only as the meeting's body (a Health and Wellbeing Board whose minutes receive a
   partnership's annual report) while the page is about another board: the sectors the report
   names are the partnership's. The receiving board gets only what a sentence says of it by name
   or as "the Board"; in its own minutes (an attendance list) its members stay its partners.
2. Funding in other words, the board the object: "the police, the council and the ICB jointly fund
   the X", "... contribute to the X budget", "... lead the X"; "contribute to the X's work" is no
   funding.
Texts are invented for these tests (Westshire, Eastvale, Midshire, Northfold); each asserts the
exact partner facts of the shipped model: {board name: sectors}."""

from __future__ import annotations

import pytest
from test_partners import _partners

WSAB = "Westshire Safeguarding Adults Board"
ESCP = "Eastvale Safeguarding Children Partnership"
MSAB = "Midshire Safeguarding Adults Board"
NSCP = "Northfold Safeguarding Children Partnership"
HWB = "Health and Wellbeing Board"
WHWB = "Westshire Health and Wellbeing Board"

PROBES: list[tuple[str, str, dict[str, set[str]]]] = [
    # --- a receiving board: the report's sectors are the reporting board's -----------------------
    ("hwb-heading-board-brings-together",
     f"Health and Wellbeing Board\n\nThe {MSAB} brings together the council, the police, the NHS and the "
     "voluntary sector.\n",
     {MSAB: {"local-authority", "police", "health", "voluntary-sector"}}),
    ("hwb-decision-maker-report-bullets",
     f"Decision details\n\n{NSCP} Annual Report\n\nDecision Maker: Health and Wellbeing Board\n\n"
     "Decisions:\n\n4.1 The Partnership's business manager introduced the report, including:\n\n"
     "- the rise in calls to the police about domestic abuse;\n- pressures on mental health services;\n"
     "- the work of the Northfold district council's early help teams.\n\n4.2 The Chair thanked officers.\n",
     {}),
    ("hwb-agenda-item-led-by-three-partners",
     f"Agenda item\n\n{ESCP} annual report\n\nThe Health and Wellbeing Board does not approve this report; it "
     "is presented for information.\n\nMinutes:\n\n12.1 The Independent Chair presented the report. The "
     f"{ESCP} was noted as being led by three statutory partners: the police, health and the local "
     "authority.\n",
     {ESCP: {"police", "health", "local-authority"}}),
    ("hwb-receives-made-up-of-next-sentence",
     f"Health and Wellbeing Board - 4 March 2025\n\n7. {WSAB} annual report\n\nAnn Lee presented the "
     "annual report of the Westshire Safeguarding Adults Board. Its members are Westshire Council, "
     "Westshire Police and the NHS Westshire ICB.\n",
     {WSAB: {"local-authority", "police", "health"}}),
    ("hwb-own-membership-by-reference",
     "Health and Wellbeing Board\n\nThe Board brings together the council, the NHS, the police and the "
     "voluntary sector to improve health across Westshire.\n",
     {HWB: {"local-authority", "health", "police", "voluntary-sector"}}),
    ("hwb-own-minutes-attendance-list",
     f"{WHWB}\nMinutes of the meeting held on 4 March 2025\n\nPresent:\nCllr Ann Lee (Chair), Westshire "
     "Council\nTom Rees, NHS Westshire ICB\nSara Khan, Westshire Police\n\n"
     f"5. {WSAB} annual report\nThe report was noted.\n",
     {WHWB: {"local-authority", "health", "police"}}),
    ("hwb-present-line-then-another-boards-item",
     "Health and Wellbeing Board - 4 March 2025\n\nPresent: Councillor Ann Lee (Chair), Tom Rees (NHS Westshire "
     "ICB), Sara Khan (Westshire Police), Jo Bell (Westshire Council)\n\n"
     f"5. {WSAB} annual report\nThe annual report of the {WSAB} was noted.\n",
     {HWB: {"local-authority", "health", "police"}}),
    ("hwb-named-beside-the-partnership",
     f"Health and Wellbeing Board\n\nThe Health and Wellbeing Board noted that the police, health and the council "
     f"lead the {ESCP}.\n",
     {ESCP: {"police", "health", "local-authority"}}),
    # --- funding, the board the object --------------------------------------------------------------
    ("jointly-fund-the-board-variant",
     f"Cabinet\n\nWestshire Council, Westshire Police and the ICB jointly fund the {WSAB}.\n",
     {WSAB: {"local-authority", "police", "health"}}),
    ("contribute-towards-the-partnerships-costs",
     f"Scrutiny Committee\n\nThe council, the police and the ICB contribute towards the {ESCP}'s costs in "
     "equal shares.\n",
     {ESCP: {"local-authority", "police", "health"}}),
    ("the-partnership-is-funded-by-reference",
     f"Cabinet\n\nThe {NSCP} published its plan. The police, the council and health fund the Partnership "
     "in equal shares.\n",
     {NSCP: {"local-authority", "police", "health"}}),
    # --- negatives -------------------------------------------------------------------------------------
    ("neg-contribute-to-the-partnerships-work",
     f"Cabinet\n\nThe {MSAB} annual report was noted. Officers said the report would contribute to the "
     "council's planning.\n",
     {}),
]

NOT_MET: set[str] = set()


@pytest.mark.parametrize(("name", "text", "want"),
                         [pytest.param(*p, marks=pytest.mark.xfail(strict=True)) if p[0] in NOT_MET else p
                          for p in PROBES], ids=[p[0] for p in PROBES])
def test_partner_probe12(name: str, text: str, want: dict[str, set[str]]) -> None:
    assert _partners(text) == want
