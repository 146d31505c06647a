"""Chairs and partners in layouts on councils never seen (issue 9, round 9, helper acc-layout).

Every text is invented for the test (Westshire, Eastvale, Midshire, Northfold...): one probe per
shape of the held-out misses and close variants (other word orders, titles, line breaks, tables,
capitals), and negative probes. Each asserts the exact facts of the shipped models:
chairs as {(person, board)}, partners as {board: sectors}.
"""

from __future__ import annotations

import pytest
from test_partners import _partners

from kg.extract.pipeline import extract
from kg.model import Document

ESAB = "Eastvale Safeguarding Adults Board"
ESCP = "Eastvale Safeguarding Children Partnership"
WSCP = "Westshire Safeguarding Children Partnership"
MHWB = "Midshire Health and Wellbeing Board"


def _chairs(text: str) -> set[tuple[str, str]]:
    f = extract(Document(id="t", text=text, source="test"))
    people = {p.id: p.name for p in f.people}
    orgs = {o.id: o.name for o in f.organisations}
    return {(people[c.person], orgs[c.organisation]) for c in f.chairs}


_SCRUTINY = "Adults Scrutiny Committee\nMinutes of the meeting held on 3 May 2024\n\n"
_OWN = f"{ESAB}\nMinutes of the meeting held on 3 May 2024\n\n"

CHAIRS: list[tuple[str, str, set[tuple[str, str]]]] = [
    # --- witnesses and attendance lines naming the post and its board ------------------------
    ("witnesses-comma-full-name",
     _SCRUTINY + f"Witnesses: Ann Lee, Independent Chair of the {ESAB}\n\n1. Apologies\nNone.\n",
     {("Ann Lee", ESAB)}),
    ("witnesses-next-line-en-dash",
     _SCRUTINY + f"Witnesses:\nAnn Lee – Independent Chair, {ESAB}\nTom Rees – Director of Adult Services\n\n"
                 "1. Apologies\nNone.\n",
     {("Ann Lee", ESAB)}),
    ("witnesses-capitals-heading",
     _SCRUTINY + "WITNESSES: Dr Ann Lee - Independent Chair of the Eastvale SAB\n\n1. Apologies\nNone.\n",
     {("Ann Lee", "Eastvale SAB")}),
    ("in-attendance-brackets",
     _SCRUTINY + f"In attendance: Ann Lee (Independent Chair of the {ESCP})\n\n1. Apologies\nNone.\n",
     {("Ann Lee", ESCP)}),
    # --- "Cllr Name Agency (Chair)" in a board's own minutes ---------------------------------
    ("cllr-agency-bracket-chair",
     f"{MHWB}\nMinutes of the meeting held on 3 May 2024\n\nPresent:\nCllr Ben Ray Midshire Council (Chair)\n"
     "Dr Sue Hall NHS Midshire ICB\nTom Rees Director of Public Health\n\n1. Welcome\nAll were welcomed.\n",
     {("Ben Ray", MHWB)}),
    ("councillor-comma-agency-bracket-chair",
     f"{MHWB}\nMinutes of the meeting held on 3 May 2024\n\nPresent: Councillor Ben Ray, Midshire Council "
     "(Chair); Dr Sue Hall, NHS Midshire ICB; Tom Rees, Director of Public Health\n\n1. Welcome\nAll were welcomed.\n",
     {("Ben Ray", MHWB)}),
    ("chair-bracket-before-agency",
     f"{MHWB}\nMinutes of the meeting held on 3 May 2024\n\nPresent:\nCllr Ben Ray (Chair) Midshire Council\n"
     "Dr Sue Hall NHS Midshire ICB\n\n1. Welcome\nAll were welcomed.\n",
     {("Ben Ray", MHWB)}),
    ("pipe-table-chair-cell",
     _OWN + "Present:\n| Name | Role | Organisation |\n| Ann Lee | Independent Chair | Eastvale SAB |\n"
            "| Tom Rees | Superintendent | Eastvale Police |\n\n1. Welcome\nAll were welcomed.\n",
     {("Ann Lee", ESAB)}),
    ("chairman-bracket",
     _OWN + "Present:\nBen Ray (Chairman)\nSue Hall, Eastvale Police\n\n1. Welcome\nAll were welcomed.\n",
     {("Ben Ray", ESAB)}),
    # --- time words before the title --------------------------------------------------------
    ("outgoing-comma-name",
     f"{ESAB} annual report 2023/24\n\nThe outgoing Independent Chair, Ann Lee, was thanked for her work.\n",
     {("Ann Lee", ESAB)}),
    ("interim-name-no-comma",
     f"{ESAB} annual report 2023/24\n\nThe interim Independent Chair Ann Lee presented the report.\n",
     {("Ann Lee", ESAB)}),
    ("current-of-board-then-name",
     _SCRUTINY + f"The current Independent Chair of the {ESAB}, Ann Lee, presented the annual report.\n",
     {("Ann Lee", ESAB)}),
    ("name-former-chair-of",
     _SCRUTINY + f"Ann Lee, former Independent Chair of the {ESCP}, gave evidence.\n",
     {("Ann Lee", ESCP)}),
    ("new-chair-capitals",
     _SCRUTINY + f"Members welcomed Ann Lee, the new Independent Chair of the {ESAB}.\n",
     {("Ann Lee", ESAB)}),
    # --- "X was the Independent Chair of Y" and its tenses ----------------------------------
    ("was-the-independent-chair-of",
     _SCRUTINY + f"Ann Lee was the Independent Chair of the {ESAB} until March.\n",
     {("Ann Lee", ESAB)}),
    ("has-been-chair-since",
     _SCRUTINY + f"Ann Lee has been the Independent Chair of the {ESCP} since 2019.\n",
     {("Ann Lee", ESCP)}),
    ("took-over-as-chair",
     _SCRUTINY + f"Ann Lee took over as Independent Chair of the {ESAB} in April.\n",
     {("Ann Lee", ESAB)}),
    # --- thanked for chairing -----------------------------------------------------------------
    ("thanked-for-chairing-full-name",
     _SCRUTINY + f"The Committee thanked Ann Lee for chairing the {ESAB} for six years.\n",
     {("Ann Lee", ESAB)}),
    ("thanked-for-her-work-chairing",
     _SCRUTINY + f"Members thanked Ms Ann Lee for her work in chairing the {ESCP}.\n",
     {("Ann Lee", ESCP)}),
    # --- first person ------------------------------------------------------------------------
    ("im-first-name-your-chair",
     f"{ESCP}\n\nWelcome\n\nHello, I'm Jo, your Independent Chair. This report sets out our year.\n",
     {("Jo", ESCP)}),
    ("my-name-is-and-i-am",
     f"{ESAB} annual report 2023/24\n\nMy name is Jo Bloggs and I am the Independent Chair of the Board.\n",
     {("Jo Bloggs", ESAB)}),
    ("signature-block-lines",
     f"{ESAB} annual report 2023/24\n\nForeword\n\nThis year the Board has focused on self-neglect.\n\n"
     "Jo Bloggs\nIndependent Chair\n\nContents\n",
     {("Jo Bloggs", ESAB)}),
    ("signature-block-capitals",
     f"{ESCP} annual report 2023/24\n\nForeword\n\nThis year we focused on neglect.\n\n"
     "JO BLOGGS\nINDEPENDENT CHAIR\n\nContents\n",
     {("JO BLOGGS", ESCP)}),
    # --- two boards joined by "and" ---------------------------------------------------------
    ("chair-of-both-the-a-and-the-b",
     _SCRUTINY + f"Ann Lee, Independent Chair of both the {ESAB} and the {ESCP}, attended.\n",
     {("Ann Lee", ESAB), ("Ann Lee", ESCP)}),
    ("chair-of-acronyms-and",
     _SCRUTINY + "Ann Lee, Independent Chair of the Eastvale SAB and SCP, attended.\n",
     {("Ann Lee", "Eastvale SAB"), ("Ann Lee", "Eastvale SCP")}),
    # --- names in capitals -------------------------------------------------------------------
    ("surname-in-capitals",
     _SCRUTINY + f"Witnesses: Ann LEE, Independent Chair of the {ESAB}\n\n1. Apologies\nNone.\n",
     {("Ann LEE", ESAB)}),
    ("whole-name-capitals-dash",
     _OWN + "Present:\nANN LEE - INDEPENDENT CHAIR\nTOM REES - EASTVALE POLICE\n\n1. Welcome\nAll were welcomed.\n",
     {("ANN LEE", ESAB)}),
    # --- name and title in separate columns or lines ----------------------------------------
    ("tab-columns-name-role",
     _OWN + "Present:\nName\tRole\tOrganisation\nAnn Lee\tIndependent Chair\t\nTom Rees\tSuperintendent\t"
            "Eastvale Police\n\n1. Welcome\nAll were welcomed.\n",
     {("Ann Lee", ESAB)}),
    ("name-line-then-title-line",
     _OWN + "Present:\nAnn Lee\nIndependent Chair\nTom Rees\nEastvale Police\n\n1. Welcome\nAll were welcomed.\n",
     {("Ann Lee", ESAB)}),
    # --- round 9, second batch: the chair's cell ending a row, columns, first person -------------
    ("pipe-row-chair-cell-last",
     f"{MHWB}\nMinutes of the meeting held on 3 May 2024\n\nPresent:\n| Cllr Ben Ray | Midshire Council | Chair |\n"
     "| Dr Sue Hall | NHS Midshire ICB | |\n\n1. Welcome\nAll were welcomed.\n",
     {("Ben Ray", MHWB)}),
    ("tab-row-chair-cell-last",
     f"{MHWB}\nMinutes of the meeting held on 3 May 2024\n\nPresent:\nCllr Ben Ray\tMidshire Council\tChair\n"
     "Dr Sue Hall\tNHS Midshire ICB\n\n1. Welcome\nAll were welcomed.\n",
     {("Ben Ray", MHWB)}),
    ("agency-bracket-dash-chair",
     f"{MHWB}\nMinutes of the meeting held on 3 May 2024\n\nPresent:\nBen Ray (Midshire Council) – Chair\n"
     "Sue Hall (NHS Midshire ICB)\n\n1. Welcome\nAll were welcomed.\n",
     {("Ben Ray", MHWB)}),
    ("chair-mark-in-capitals",
     _OWN + "Present:\nAnn Lee (CHAIR)\nTom Rees, Eastvale Police\n\n1. Welcome\nAll were welcomed.\n",
     {("Ann Lee", ESAB)}),
    ("column-title-then-two-boards",
     _SCRUTINY + f"Witnesses: Ann Lee, Independent Chair, {ESCP} and {ESAB}\n\n1. Apologies\nNone.\n",
     {("Ann Lee", ESCP), ("Ann Lee", ESAB)}),
    ("first-person-and-i-chair",
     f"{ESAB} annual report 2023/24\n\nI am Jo Bloggs and I chair the {ESAB}.\n",
     {("Jo Bloggs", ESAB)}),
    ("first-person-given-name-have-chaired",
     f"{ESAB} annual report 2023/24\n\nI'm Jo, and I have chaired the Board since 2020.\n",
     {("Jo", ESAB)}),
    ("then-independent-chair-comma",
     f"{ESAB} annual report 2023/24\n\nThe Board thanked the then Independent Chair, Ann Lee, for her work.\n",
     {("Ann Lee", ESAB)}),
    ("acting-chair-opened",
     _OWN + "Present: Ann Lee, Tom Rees\n\n1. Welcome\nActing Chair Ann Lee opened the meeting.\n",
     {("Ann Lee", ESAB)}),
    ("until-was-chair-no-article",
     _SCRUTINY + f"Until March, Ann Lee was Independent Chair of the {ESAB}.\n",
     {("Ann Lee", ESAB)}),
    ("thanked-cllr-for-chairing-hwb",
     _SCRUTINY + f"The Committee thanked Cllr Ben Lane for chairing the {MHWB}.\n",
     {("Ben Lane", MHWB)}),
    ("bracketed-name-after-post",
     _SCRUTINY + f"The report was presented by the Independent Chair of the {ESAB} (Ann Lee).\n",
     {("Ann Lee", ESAB)}),
    ("row-vice-chair-and-subgroup-chair-cells",
     f"{MHWB}\nMinutes of the meeting held on 3 May 2024\n\nPresent:\nBen Ray (Midshire Council) – Vice Chair\n"
     "Sue Hall | NHS Midshire ICB | Sub-group Chair\n\n1. Welcome\nAll were welcomed.\n",
     set()),
    ("committee-row-chair-cell",
     _SCRUTINY + f"Present:\nCllr Ben Ray | Midshire Council | Chair\n\n1. Welcome\nThe {ESAB} report was noted.\n",
     set()),
    # --- a table flattened column by column: the names, then the titles, the chair's first ----
    ("name-column-then-title-column",
     _OWN + "PRESENT: Ann Lee Tom Rees Sue Hall Jo Bloggs Ben Ray 1. Independent Chair Head of Adult Care "
            "Superintendent Designated Nurse Service Manager\n\n2. Minutes\nAgreed.\n",
     {("Ann Lee", ESAB)}),
    ("name-column-chair-not-first-title",
     _OWN + "PRESENT: Ann Lee Tom Rees Sue Hall Jo Bloggs Ben Ray 1. Head of Adult Care Independent Chair "
            "Superintendent Designated Nurse Service Manager\n\n2. Minutes\nAgreed.\n",
     set()),
    # --- round 9, third batch ---------------------------------------------------------------
    ("current-independent-chair-is-name",
     f"{ESAB} annual report 2023/24\n\nThe current Independent Chair is Ann Lee.\n",
     {("Ann Lee", ESAB)}),
    ("was-thanked-for-chairing",
     _SCRUTINY + "Mr Lane was thanked for chairing the Westshire LSCB.\n",
     {("Lane", "Westshire LSCB")}),
    ("honorific-name-in-capitals-chair-mark",
     _OWN + "Present:\nMrs ANN LEE (Chair)\nTom Rees, Eastvale Police\n\n1. Welcome\nAll were welcomed.\n",
     {("ANN LEE", ESAB)}),
    ("row-in-capitals-chair-cell",
     _OWN + "Present:\n| CLLR BEN RAY | MIDSHIRE COUNCIL | CHAIR |\n| SUE HALL | NHS MIDSHIRE ICB | |\n\n"
            "1. Welcome\nAll were welcomed.\n",
     {("BEN RAY", ESAB)}),
    ("bare-chair-is-name-no-board",
     f"{ESAB} annual report 2023/24\n\nThe Chair is Ann Lee.\n",
     set()),
    ("was-thanked-for-chairing-the-meeting",
     _SCRUTINY + "Mr Lane was thanked for chairing the meeting.\n",
     set()),
    # --- negatives ---------------------------------------------------------------------------
    ("former-is-not-for",
     f"{ESAB} annual report 2023/24\n\nAnn Lee, formerly Chair of Eastvale Housing Association, joined the Board.\n",
     set()),
    ("chair-of-a-subgroup-in-a-list",
     _OWN + "Present:\nAnn Lee (AL) - Chair of the Learning Sub-group, Eastvale Council\n"
            "Tom Rees (TR) - Eastvale Police\n\n1. Welcome\nAll were welcomed.\n",
     set()),
    ("thanked-for-chairing-the-meeting",
     _OWN + "Present: Ann Lee, Tom Rees\n\n9. Close\nMembers thanked Tom Rees for chairing the meeting.\n",
     set()),
    ("headings-in-capitals-no-names",
     f"{ESAB} annual report 2023/24\n\nGRACE PERIOD - CHAIR'S NOTE\nMAY MEETING\nThe Board met. Ann SAB was noted.\n",
     set()),
    ("unknown-group-in-the-brackets-last-column",
     f"{ESAB} annual report 2023/24. The Board met four times.\n"
     "Ann Lee (Independent Chair, Eastvale Joint Commissioning Group) spoke.\n",
     set()),
    ("unknown-body-line-under-the-title-line",
     f"{ESAB} annual report 2023/24. The Board met four times.\n\n"
     "Ann Lee\nIndependent Chair, Eastvale Fostering Panel\n",
     set()),
    ("unknown-panel-in-capitals",
     f"{ESAB} annual report 2023/24. The Board met four times.\n"
     "ANN LEE, INDEPENDENT CHAIR OF THE EASTVALE FOSTERING PANEL\n",
     set()),
    ("unknown-panel-and-the-board",
     _SCRUTINY + f"Ann Lee, Independent Chair of the Eastvale Fostering Panel, spoke. The {ESAB} met in May.\n",
     set()),
]


# shapes not met yet (said in docs/extraction-partners.md): xfail(strict), so a fix shows up as a failure to remove.
# "chair-of-acronyms-and": "the Eastvale SAB and SCP" names the second board "SCP" without its place (the board
# names are kg/extract/orgs.py's, not this helper's file)
NOT_MET: set[str] = {"chair-of-acronyms-and"}


def _marked(probes: list) -> list:
    return [pytest.param(*p, marks=pytest.mark.xfail(strict=True)) if p[0] in NOT_MET else p for p in probes]


@pytest.mark.parametrize(("name", "text", "want"), _marked(CHAIRS), ids=[c[0] for c in CHAIRS])
def test_chair_probe(name: str, text: str, want: set[tuple[str, str]]) -> None:
    assert _chairs(text) == want


NSAB = "Northfold Safeguarding Adults Board"

PARTNERS: list[tuple[str, str, dict[str, set[str]]]] = [
    # --- a board's table of members ---------------------------------------------------------
    ("board-member-pad-names-agencies",
     f"{NSAB}\nMeeting of 12 February 2025\n\nBoard Member P A DNA\nAnn Lee, Independent Chair P\n"
     "Tom Rees, Northfold Police P\nSue Hall, NHS Northfold ICB A\nJo Bloggs, Northfold Council P\n\n"
     "1. Minutes of the last meeting\nAgreed.\n",
     {NSAB: {"police", "health", "local-authority"}}),
    ("board-member-pad-pipes",
     f"{NSAB}\nMeeting of 12 February 2025\n\n| Board Member | Organisation | P | A | DNA |\n"
     "| Ann Lee | Independent Chair | x | | |\n| Tom Rees | Northfold Police | x | | |\n"
     "| Sue Hall | NHS Northfold ICB | | x | |\n| Jo Bloggs | Northfold Fire and Rescue Service | x | | |\n\n"
     "1. Minutes of the last meeting\nAgreed.\n",
     {NSAB: {"police", "health", "fire-and-rescue"}}),
    ("name-agency-tab-marks",
     f"{NSAB}\nMeeting of 12 February 2025\n\nName\tAgency\tP\tA\nTom Rees\tNorthfold Police\tP\t\n"
     "Sue Hall\tNorthfold Probation Service\t\tA\nJo Bloggs\tNorthfold Borough Council\tP\t\n\n"
     "1. Welcome\nAll were welcomed.\n",
     {NSAB: {"police", "probation", "local-authority"}}),
    # --- "Name (INITIALS) - Title, Agency" lines with no heading ----------------------------
    ("initials-lines-three-no-heading",
     f"{ESAB}\nMeeting of 2 March 2024\n\nAnn Lee (AL) - Independent Chair\n"
     "Tom Rees (TR) - Detective Inspector, Eastvale Police\nSue Hall (SH) - Head of Service, Eastvale Council\n\n"
     "1. Welcome\nThe chair opened the meeting.\n",
     {ESAB: {"police", "local-authority"}}),
    ("dash-lines-agency-first",
     f"{ESAB}\nMeeting of 2 March 2024\n\nAnn Lee - Independent Chair\nTom Rees - Eastvale Police\n"
     "Sue Hall - Eastvale Council\nJo Bloggs - NHS Eastvale ICB\nRay Dunn - Eastvale Probation Service\n\n"
     "1. Welcome\nThe chair opened the meeting.\n",
     {ESAB: {"police", "local-authority", "health", "probation"}}),
    # --- "Both partnerships..." applies to each board named before ------------------------
    ("both-boards-comprise",
     "Cabinet\n\nThe report covers the Westshire Safeguarding Children Partnership and the Westshire "
     "Safeguarding Adults Board. Both boards comprise the council, the police and the ICB.\n",
     {WSCP: {"local-authority", "police", "health"},
      "Westshire Safeguarding Adults Board": {"local-authority", "police", "health"}}),
    ("the-two-partnerships-include",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership and the Westshire Safeguarding Adults Board "
     "reported. The two partnerships include the council, Westshire Police and the NHS.\n",
     {WSCP: {"local-authority", "police", "health"},
      "Westshire Safeguarding Adults Board": {"local-authority", "police", "health"}}),
    # --- membership in words ----------------------------------------------------------------
    ("lead-partners-from-attended-capitals",
     "Cabinet\n\nThe Eastvale Safeguarding Adults Board held its annual conference. Lead partners from "
     "Eastvale Borough Council, the Constabulary and the ICB attended.\n",
     {ESAB: {"local-authority", "police", "health"}}),
    ("convened-jointly-with",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership is convened jointly with Westshire Police and "
     "the NHS.\n",
     {WSCP: {"police", "health"}}),
    ("place-on-the-partnership",
     "Cabinet\n\nThe Westshire Safeguarding Children Partnership reviewed its structure. Education was given a "
     "place on the Partnership in 2023.\n",
     {WSCP: {"education"}}),
    ("key-partners-are",
     "Scrutiny Committee\n\nThe Eastvale Safeguarding Adults Board met four times. The police and the ICB are "
     "key partners of the Board.\n",
     {ESAB: {"police", "health"}}),
    ("plays-a-lead-role",
     "Scrutiny Committee\n\nThe Eastvale Safeguarding Adults Board met four times. The probation service plays "
     "a lead role in two of its sub-groups.\n",
     {ESAB: {"probation"}}),
    # --- round 9, second batch: more list layouts, membership words, several boards -----------
    ("board-member-pad-flattened-line",
     f"{NSAB}\nMeeting of 12 February 2025\n\nBoard Member P A DNA Ann Lee Independent Chair P Tom Rees Northfold "
     "Police P Sue Hall NHS Northfold ICB A Jo Bloggs Northfold Council P\n\n1. Minutes of the last meeting\nAgreed.\n",
     {NSAB: {"police", "health", "local-authority"}}),
    ("apologies-initials-lines",
     f"{NSAB}\nMeeting of 12 February 2025\n\nApologies:\nTom Rees (TR) - Superintendent, Northfold Police\n"
     "Sue Hall (SH) - Designated Nurse, NHS Northfold ICB\n\n1. Minutes of the last meeting\nAgreed.\n",
     {NSAB: {"police", "health"}}),
    ("initials-comma-lines-no-heading",
     f"{NSAB}\nMeeting of 12 February 2025\n\nAnn Lee (AL), Independent Chair\nTom Rees (TR), Superintendent, "
     "Northfold Police\nSue Hall (SH), Designated Nurse, NHS Northfold ICB\n\n1. Minutes of the last meeting\n"
     "Agreed.\n",
     {NSAB: {"police", "health"}}),
    ("initials-title-dash-agency-no-heading",
     f"{NSAB}\nMeeting of 12 February 2025\n\nAnn Lee (AL) Independent Chair\nTom Rees (TR) Superintendent – "
     "Northfold Police\nSue Hall (SH) Designated Nurse – NHS Northfold ICB\n\n1. Minutes of the last meeting\n"
     "Agreed.\n",
     {NSAB: {"police", "health"}}),
    ("present-name-line-agency-line",
     f"{NSAB}\nMeeting of 12 February 2025\n\nPresent:\nTom Rees\nNorthfold Police\nSue Hall\nNHS Northfold ICB\n"
     "Jo Bloggs\nNorthfold Probation Service\n\n1. Minutes of the last meeting\nAgreed.\n",
     {NSAB: {"police", "health", "probation"}}),
    ("markdown-table-name-organisation-attendance",
     f"{NSAB}\nMeeting of 12 February 2025\n\n| Name | Organisation | Attendance |\n|---|---|---|\n"
     "| Tom Rees | Northfold Police | Present |\n| Sue Hall | NHS Northfold ICB | Apologies |\n"
     "| Jo Bloggs | Northfold Fire and Rescue Service | Present |\n\n1. Minutes of the last meeting\nAgreed.\n",
     {NSAB: {"police", "health", "fire-and-rescue"}}),
    ("active-partner-and-also-members",
     f"Cabinet\n\nThe {ESAB} met four times. The fire service is an active partner on the Board and probation are "
     "also members.\n",
     {ESAB: {"fire-and-rescue", "probation"}}),
    ("now-a-full-member",
     f"Cabinet\n\nThe {ESAB} has changed. The ICB is now a full member of the Board.\n",
     {ESAB: {"health"}}),
    ("both-the-a-and-the-b-made-up-of",
     f"Cabinet\n\nBoth the {WSCP} and the Westshire Safeguarding Adults Board are made up of the council, the police "
     "and the ICB.\n",
     {WSCP: {"local-authority", "police", "health"},
      "Westshire Safeguarding Adults Board": {"local-authority", "police", "health"}}),
    ("each-board-includes",
     f"Cabinet\n\nThe {WSCP} and the Westshire Safeguarding Adults Board reported. Each board includes the council, "
     "Westshire Police and the NHS.\n",
     {WSCP: {"local-authority", "police", "health"},
      "Westshire Safeguarding Adults Board": {"local-authority", "police", "health"}}),
    ("a-persons-post-is-no-member-agency",
     f"Cabinet\n\nCllr Ann Lee, Cabinet Member for Health, is a member of the {ESAB}.\n",
     {}),
    ("a-directors-post-is-no-member-agency",
     f"Cabinet\n\nAnn Lee, Director of Housing, became a member of the {ESAB}.\n",
     {}),
    # --- negatives --------------------------------------------------------------------------
    ("a-committees-own-attendance",
     "Adults Scrutiny Committee\nMinutes of the meeting held on 3 May 2024\n\nPresent: Cllr Ann Lee (Chair), "
     "Cllr Tom Rees\nIn attendance: Sue Hall, Eastvale Police; Jo Bloggs, NHS Eastvale ICB\n\n"
     f"1. Annual report\nThe {ESAB} annual report was noted.\n",
     {}),
    ("a-committees-initials-lines-no-heading",
     "Adults Scrutiny Committee\nMinutes of the meeting held on 3 May 2024\n\nAnn Lee (AL) - Chair\n"
     "Tom Rees (TR) - Superintendent, Eastvale Police\nSue Hall (SH) - Designated Nurse, NHS Eastvale ICB\n\n"
     f"1. {ESAB} annual report\nThe report was noted.\n",
     {}),
    ("police-figures-to-the-board",
     "Cabinet\n\nThe police reported crime figures to the Eastvale Safeguarding Adults Board in May.\n",
     {}),
]


@pytest.mark.parametrize(("name", "text", "want"), _marked(PARTNERS), ids=[p[0] for p in PARTNERS])
def test_partner_probe(name: str, text: str, want: dict[str, set[str]]) -> None:
    assert _partners(text) == want
