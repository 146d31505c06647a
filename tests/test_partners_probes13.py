"""Partners, round 13: membership said in shapes outside the cue phrases.

1. The board's partners named in apposition: "asked whether the Board's partners, the council, the
   police and the integrated care board, had agreed the budget" (a question that states who the
   partners are), "its three partners - X, Y and Z - share ...".
2. A list under a title line that is only the list's name: "Our partners", "Board members".
3. Cue phrases of other families: "a partnership of three organisations: ...", "agencies with a seat
   at the table include ...", "the Board already brings the council, the police and health together".
4. A board the text calls gone ("when the old LSCB was replaced"), named in a sentence that states
   its successor's members ("The Partnership was convened with the police and the NHS"): the members
   are the successor's; the same for a list of the organisations "jointly responsible for the new
   arrangements" on the page of a board that "will change its name to" the partnership.
5. A board's own minutes whose title line (the board's name) stands over a line "Executive Group
   meeting, 3 April 2025": the name is the board's (the line below names no post or group of it).
6. Negatives: a presentation from an agency, a police operation, a school inspection, a health
   visitor's caseload, "Members asked about the fire service".
Texts are invented for these tests (Westshire, Eastvale, Midshire, Southmere, Kingsbridge...); each
asserts the exact partner facts of the shipped model: {board name: sectors}."""

from __future__ import annotations

import pytest
from test_partners import _partners

MSCP = "Midshire Safeguarding Children Partnership"
SSCP = "Southmere Safeguarding Children Partnership"
KSCP = "Kingsbridge Safeguarding Children Partnership"
ESAB = "Eastmoor Safeguarding Adults Board"
BSCP = "Brackenfield Safeguarding Children Partnership"
ASAB = "Ashcombe Safeguarding Adults Board"
NSAB = "Northfold Safeguarding Adults Board"
WSAB = "Westvale Safeguarding Adults Board"

SCRUTINY = (
    "Midshire Borough Council\nChildren and Young People Scrutiny Committee\n"
    "Minutes of the meeting held on 9 September 2025\n\n"
    f"5. {MSCP} - Annual Report\n\n"
    "The Independent Scrutineer, Rosalind Tarrant, presented the report. The Partnership was convened with "
    "the police and the NHS in 2019 when the old LSCB was replaced.\n\n"
    "A Member asked whether the Partnership's partners, the council, the police and the integrated care board, "
    "had agreed the budget for next year. The Scrutineer confirmed that they had.\n\n"
    "Members asked about the police operation in the town centre and about a school inspection at Midshire "
    "Academy. A Member queried the number of families on a health visitor's caseload.\n\n"
    "RESOLVED: That the report be noted.\n")

PROBES: list[tuple[str, str, dict[str, set[str]]]] = [
    # --- 1. partners in apposition -------------------------------------------------------------------
    ("question-names-the-boards-partners",
     f"Cabinet\n\nThe {MSCP} annual report was presented. A Member asked whether the Partnership's partners, "
     "the council, the police and the integrated care board, had agreed the budget. Officers confirmed it.\n",
     {MSCP: {"local-authority", "police", "health"}}),
    ("its-three-partners-between-dashes",
     f"{ESAB} Annual Report 2024/25\n\nIntroduction\n\nThe Board's three partners – Eastmoor Council, Eastmoor "
     "Police and the NHS – share responsibility for its budget. Its wider membership takes in the probation "
     "service and the voluntary sector.\n",
     {ESAB: {"local-authority", "police", "health", "probation", "voluntary-sector"}}),
    # --- 2. a list under its title line ----------------------------------------------------------------
    ("our-partners-title-over-a-list",
     f"{KSCP}\n\nOur partners\n\nKingsbridge Borough Council\nKingsbridge and District Police\n"
     "NHS Kingsbridge Integrated Care Board\n\nContact us\n\nEmail the business unit.\n",
     {KSCP: {"local-authority", "police", "health"}}),
    # --- 3. other cue families --------------------------------------------------------------------------
    ("we-are-a-partnership-of-three-organisations",
     f"{SSCP}\nAnnual Report 2024-2025\n\nWho we are\n\nWe are a partnership of three organisations: "
     "Southmere City Council, Southmere and Riverside Police and NHS Southmere Integrated Care Board. Together "
     "they decide how local agencies work to keep children safe.\n",
     {SSCP: {"local-authority", "police", "health"}}),
    ("agencies-with-a-seat-at-the-table",
     f"Report to Cabinet\nBrackenfield Council\n17 November 2025\n\n{BSCP}: annual report\n\n"
     "The Partnership is led jointly by the council, the police and the ICB. Agencies with a seat at the table "
     "include the probation service, the youth justice service and the further education colleges.\n",
     {BSCP: {"local-authority", "police", "health", "probation", "youth-justice", "education"}}),
    ("brings-the-agencies-together-split-verb",
     f"{ASAB}\n\nBoard news, spring 2025\n\nThis year the probation service and the fire and rescue service joined "
     "us as members. The Board already brings the council, the police and the health service together.\n",
     {ASAB: {"local-authority", "police", "health", "probation", "fire-and-rescue"}}),
    # --- 4. a board called gone ---------------------------------------------------------------------------
    ("old-lscb-replaced-members-are-the-successors", SCRUTINY,
     {MSCP: {"local-authority", "police", "health"}}),
    ("board-changes-its-name-list-is-the-successors",
     "Westshire Safeguarding Children Board\n\nThere are now three organisations in Westshire who are jointly "
     "responsible for the new arrangements:\n\n• Westshire County Council\n\n• Westshire Constabulary\n\n"
     "• NHS Westshire ICB\n\nThe Westshire Safeguarding Children Board will change its name to the Westshire "
     "Safeguarding Children Partnership.\n",
     {"Westshire Safeguarding Children Partnership": {"local-authority", "police", "health"}}),
    # --- 5. a board's own minutes: its name on its own line over "Executive Group meeting" ---------------
    ("own-minutes-title-line-over-executive-group-line",
     "Westshire Safeguarding Children Partnership\nExecutive Group meeting, 3 April 2025\n\n"
     "Board Member                                   P   A   DNA\n"
     "Anselm Greaves (AG) - Independent Scrutineer   X\n"
     "Clara Fenwick (CF) - Director of Children's Services, Westshire County Council   X\n"
     "Dominic Hale (DH) - Chief Superintendent, Westshire Police    X\n"
     "Fergus Knight (FK) - Head of Service, Westshire Youth Justice Service      X\n\n"
     "1. Minutes of the last meeting\nAgreed as a correct record.\n\n2. School inspection outcomes\n"
     "A school inspection had rated a local academy Good. A health visitor's caseload had risen.\n",
     {"Westshire Safeguarding Children Partnership": {"local-authority", "police", "youth-justice"}}),
    # --- 6. negatives ------------------------------------------------------------------------------------
    ("neg-presentation-from-an-agency",
     f"{ESAB} Annual Report 2024/25\n\nThe council, the police and the NHS are the Board's statutory partners.\n\n"
     "During the year the Board received a presentation from the fire service on its home safety visits.\n",
     {ESAB: {"local-authority", "police", "health"}}),
    ("neg-asked-about-the-fire-service",
     f"Northfold County Council\nCabinet\nTuesday 14 October 2025\n\nItem 7: {NSAB} Annual Report\n\n"
     "Lead partners from Northfold County Council, the Constabulary and the ICB attended every development "
     "session during the year. Members asked about the fire service and its home safety visits.\n",
     {NSAB: {"local-authority", "police", "health"}}),
    ("web-page-lead-role-key-partners-statutory-brackets",
     f"About us | {WSAB}\n\nThe {WSAB} (WSAB) is a statutory partnership. The constabulary plays a lead role in "
     "several sub-groups; the CCG are key partners and chair the Quality Assurance sub-group.\n\nStatutory "
     "partners (the council, the police and the integrated care board) share responsibility for the Board's "
     "work. Representatives from probation, schools and the voluntary sector sit on the board too.\n",
     {WSAB: {"police", "health", "local-authority", "probation", "education", "voluntary-sector"}}),
]

NOT_MET: set[str] = set()


@pytest.mark.parametrize(("name", "text", "want"),
                         [pytest.param(*p, marks=pytest.mark.xfail(strict=True)) if p[0] in NOT_MET else p
                          for p in PROBES], ids=[p[0] for p in PROBES])
def test_partner_probe13(name: str, text: str, want: dict[str, set[str]]) -> None:
    assert _partners(text) == want
