"""Chairs and people in whole invented documents of genres the earlier probes did not read (issue 9,
round 13, helper acc13c): a council's news release on a new independent chair, a cabinet report with a
contact block, a board's minutes whose attendance table writes names surname first ("Ashdown,
Peregrine", "HOLLOWAY Janet"), a partnership's page naming its co-chairs with their posts, an annual
report's lower-case posts ("Our chair is ...", "the Board's independent chair Ann Lee"), a photograph's
caption mark, a chair "of the new" board, a bare "as chair" in lower case, police ranks abbreviated
("C/Supt", "Det Supt", "Insp", "DCC"), names with particles ("Jan van der Berg", "Seán Ó Ceallaigh") in
a list of "Name - Agency" rows (rows the line unwrapping must not join), a surname cut at a line's
hyphen. Negatives: a vice-chair, a committee's "our chair", a
second name that opens a new clause. Every name and place is invented; each probe asserts the exact
facts."""

from __future__ import annotations

import pytest
from fact_probes import chairs_of, people_of

from kg.extract.pipeline import extract
from kg.model import Document

ESAB = "Eastvale Safeguarding Adults Board"
WSAB = "Westshire Safeguarding Adults Board"
NSCP = "Northfold Safeguarding Children Partnership"


# --- whole documents ------------------------------------------------------------------------------

PRESS_RELEASE = f"""News release

New independent chair for the safeguarding adults board

Published: 14 March 2025

Eastvale Borough Council, NHS Eastvale Integrated Care Board and Westshire Police have announced that
Peregrine Ashdown has been appointed as the new Independent Chair of the {ESAB} and will take up the
post in May.

Mr Ashdown replaces Helen Marsh, who has chaired the board since 2019.

Councillor Ben Ray, Cabinet Member for Adult Social Care, said: "I would like to thank Helen for her
leadership and welcome Peregrine to the role."

Notes to editors
The {ESAB} (ESAB) is a statutory partnership under the Care Act 2014.
Media contact: Lucy Fenwick, Communications Officer
"""

REVERSED_MINUTES = f"""{WSAB}
Minutes of the meeting held on Thursday 6 June 2024 at County Hall

Present:
| Name | Organisation | Role |
| --- | --- | --- |
| Ashdown, Peregrine | Independent | Chair |
| Fenwick, Lucy | Westshire County Council | Director of Adult Social Services |
| Okafor, Miriam | Westshire ICB | Chief Nurse |
| Pryce, Gareth | Westshire Police | Detective Superintendent |

Apologies:
HOLLOWAY Janet (Westshire Fire and Rescue Service)
MARSH Helen (Healthwatch Westshire)

1. Welcome and introductions
The Chair welcomed everyone to the meeting.
"""

CO_CHAIRS_PAGE = f"""{NSCP}

Our leadership

The Partnership is jointly chaired by Rachel Tamsin, Director of Children's Services, and Chief
Superintendent Owen Bright of Northfold Police. Alan Pike is the Vice-Chair of the Partnership.

Meeting dates for 2024 are published below.
"""

ANNUAL_REPORT = f"""{ESAB}
Annual Report 2023/24

Introduction

Our chair is Ann Lee, a former director of adult social services. Tom Rees (pictured), Independent Chair
of the Westshire Safeguarding Adults Board, spoke at our conference.

The Board's independent scrutineer Sue Hall has written to every partner about the audit.
"""


def test_a_news_release_names_the_new_chair_and_the_one_she_replaces() -> None:
    assert chairs_of(PRESS_RELEASE) == {("Peregrine Ashdown", ESAB), ("Helen Marsh", ESAB)}
    assert people_of(PRESS_RELEASE) == {"Peregrine Ashdown", "Helen Marsh", "Ben Ray", "Lucy Fenwick"}


def test_names_written_surname_first_in_a_table_and_a_list() -> None:
    assert people_of(REVERSED_MINUTES) == {"Peregrine Ashdown", "Lucy Fenwick", "Miriam Okafor", "Gareth Pryce",
                                         "Janet Holloway", "Helen Marsh"}
    assert chairs_of(REVERSED_MINUTES) == {("Peregrine Ashdown", WSAB)}


def test_co_chairs_named_with_their_posts_and_ranks_not_the_vice_chair() -> None:
    assert chairs_of(CO_CHAIRS_PAGE) == {("Rachel Tamsin", NSCP), ("Owen Bright", NSCP)}


def test_lower_case_posts_and_a_caption_mark_in_an_annual_report() -> None:
    assert chairs_of(ANNUAL_REPORT) == {("Ann Lee", ESAB), ("Tom Rees", WSAB), ("Sue Hall", ESAB)}


# --- shapes, each in a short text -----------------------------------------------------------------

_REPORT = f"{ESAB}\n\nAnnual report 2023/24\n\n"
_SCRUTINY = "Adults Scrutiny Committee\nMinutes of the meeting held on 3 May 2024\n\n"

CHAIRS: list[tuple[str, str, set[tuple[str, str]]]] = [
    ("will-chair-the-new-board",
     _REPORT + f"Ann Lee will chair the new {ESAB} from April.", {("Ann Lee", ESAB)}),
    ("chaired-the-former-board",
     _REPORT + "Ann Lee chaired the former Eastvale Local Safeguarding Children Board until 2019.",
     {("Ann Lee", "Eastvale Local Safeguarding Children Board")}),
    ("co-chaired-by-name-post-and-name-post",
     f"{NSCP}\n\nThe Partnership is co-chaired by Rachel Tamsin, Director of Children's Services, and Owen "
     "Bright, Chief Superintendent.", {("Rachel Tamsin", NSCP), ("Owen Bright", NSCP)}),
    ("chaired-by-name-post-then-a-new-clause",
     f"{NSCP}\n\nThe Partnership is chaired by Rachel Tamsin, Director of Children's Services, and Owen "
     "Bright is the Business Manager.", {("Rachel Tamsin", NSCP)}),
    ("our-chair-is",
     _REPORT + "Our chair is Ann Lee, a former director of adult social services.", {("Ann Lee", ESAB)}),
    ("our-chair-is-in-a-committees-minutes",
     _SCRUTINY + f"Our chair is Cllr Ann Lee. The Committee noted the {ESAB} report.", set()),
    ("boards-independent-chair-without-a-comma",
     _REPORT + "The Board's independent chair Ann Lee has written to partners.", {("Ann Lee", ESAB)}),
    ("pictured-between-the-name-and-the-post",
     _REPORT + "Ann Lee (pictured), Independent Chair of the ESAB, said the year had been demanding.",
     {("Ann Lee", ESAB)}),
    ("stepped-down-as-chair-in-lower-case",
     _REPORT + "Jo Bloggs has stepped down as chair after six years.", {("Jo Bloggs", ESAB)}),
    ("acting-as-interim-chair",
     _REPORT + "Tom Rees is acting as interim chair until a new appointment is made.", {("Tom Rees", ESAB)}),
    ("acting-as-interim-chair-capitals",
     _REPORT + "Tom Rees is acting as Interim Chair until a new appointment is made.", {("Tom Rees", ESAB)}),
    ("elected-as-chair-in-a-committees-minutes",
     _SCRUTINY + f"Cllr Jo Bloggs was elected as chair. The Committee noted the {ESAB} report.", set()),
    ("stepped-down-as-chair-of-a-sub-group",
     _REPORT + "Jo Bloggs stepped down as chair of the Learning Sub-group.", set()),
    ("elected-as-vice-chair",
     _REPORT + "Jo Bloggs was elected as vice-chair.", set()),
    ("police-rank-abbreviated-before-the-chair",
     "Eastvale Community Safety Partnership\n\nDet Supt Raj Varma, Chair of the Eastvale Community Safety "
     "Partnership, presented the plan.", {("Raj Varma", "Eastvale Community Safety Partnership")}),
    ("co-chaired-by-name-post-council-and-rank-name",
     "Glanmor Regional Safeguarding Board\n\nAnnual Plan 2024-25\n\nThe Board is co-chaired by Dr Rhian Lewis, "
     "Director of Social Services, Glanmor County Borough Council, and Superintendent Huw Davies, Glanmor Police.",
     {("Rhian Lewis", "Glanmor Regional Safeguarding Board"), ("Huw Davies", "Glanmor Regional Safeguarding Board")}),
    ("bilingual-attendance-heading-chair-field",
     "Bwrdd Diogelu Rhanbarthol Glanmor\nGlanmor Regional Safeguarding Board\nCofnodion / Minutes\n"
     "12 Mawrth 2024 / 12 March 2024\n\n"
     "Presennol / Present:\nCadeirydd / Chair: Cllr Gwen Pryce (Glanmor Council)\nRhys Evans - Glanmor Police\n\n"
     "1. Croeso / Welcome\nThe Chair welcomed members.", {("Gwen Pryce", "Glanmor Regional Safeguarding Board")}),
    ("acronym-then-lower-case-chair-comma",
     "Eastvale Borough Council\nInspection of children's services\n\nThe LSCB chair, Ann Lee, provides strong "
     "challenge to partners.", {("Ann Lee", "LSCB")}),
    ("acronym-then-lower-case-chair-no-comma-and-an-agencys-chair",
     "Eastvale Safeguarding Children Partnership\nAnnual report\n\nThe ESCP chair Ann Lee provides strong "
     "challenge. The ICB chair, Tom Rees, agreed.", {("Ann Lee", "Eastvale Safeguarding Children Partnership")}),
    ("our-outgoing-chair-apposition",
     "Eastvale Safeguarding Children Partnership\n\nNewsletter, Spring 2024\n\nThank you to Ann Lee, our "
     "outgoing chair, for her leadership.", {("Ann Lee", "Eastvale Safeguarding Children Partnership")}),
    ("our-outgoing-chair-in-a-committees-minutes",
     _SCRUTINY + f"Thank you to Cllr Ann Lee, our outgoing chair, for her leadership of the Committee. The {ESAB} "
     "report was noted.", set()),
    ("took-over-the-chair-of-the-partnership",
     f"{NSCP}\n\nNewsletter, Spring 2024\n\nAnn Lee took over the chair of the Partnership in April.",
     {("Ann Lee", NSCP)}),
    ("took-over-the-chair-of-a-sub-group",
     f"{NSCP}\n\nNewsletter, Spring 2024\n\nAnn Lee took over the chair of the Learning Sub-group in April.", set()),
    ("welcomed-to-the-role-of-independent-chair",
     f"{NSCP}\n\nNewsletter, Spring 2024\n\nPartners have welcomed Ann Lee to the role of Independent Chair.",
     {("Ann Lee", NSCP)}),
    ("welcomed-to-the-role-of-chair-of-a-forum",
     f"{NSCP}\n\nNewsletter, Spring 2024\n\nPartners have welcomed Ann Lee to the role of Chair of the Eastvale "
     "Forum.", set()),
    ("has-an-independent-scrutineer-comma-name",
     "Joint targeted area inspection of Eastvale\n\nDear Ms Hall\n\nThe Eastvale Safeguarding Children Partnership "
     "has an independent scrutineer, Ann Lee, who provides effective challenge.\n\nYours sincerely\n\nTom Rees\nHMI",
     {("Ann Lee", "Eastvale Safeguarding Children Partnership")}),
    ("chairs-an-unknown-board-and-a-known-one",
     "Eastvale Police and Crime Panel\nMinutes of the meeting held on 5 March 2024\n\nPresent: Cllr Ben Ray (Chair)"
     # (a body no rule knows; the Local Criminal Justice Board is a board since session 19)
     "\n\nThe Panel noted that the Commissioner, Sue Hall, chairs the Eastvale Reducing Reoffending Forum and the "
     "Eastvale Community Safety Partnership.", {("Sue Hall", "Eastvale Community Safety Partnership")}),
    ("chairs-a-group-and-a-sub-group",
     f"{ESAB}\n\nAnn Lee chairs the Eastvale Learning Group and the Board's Performance Sub-group.", set()),
    ("welcome-to-our-new-independent-chair-heading",
     f"{NSCP}\n\nNewsletter, Spring 2024\n\nWelcome to our new Independent Chair!\nAnn Lee joined us in April from "
     "a neighbouring authority.", {("Ann Lee", NSCP)}),
    ("letter-to-the-independent-chair-heading",
     f"{NSCP}\n\nNewsletter, Spring 2024\n\nLetter to the Independent Chair\n\nDear Tom,\n\nAnn Lee wrote to the "
     "Partnership.", set()),
    ("vice-chair-is-no-chair",
     _REPORT + "The Board's vice-chair Tom Rees has written to partners.", set()),
]


@pytest.mark.parametrize(("name", "text", "want"), CHAIRS, ids=[c[0] for c in CHAIRS])
def test_chair_probe(name: str, text: str, want: set[tuple[str, str]]) -> None:
    assert chairs_of(text) == want


PEOPLE: list[tuple[str, str, set[str]]] = [
    ("reversed-with-comma-in-tab-cells",
     f"{WSAB}\nMinutes\n\nPresent:\nLee, Ann\tEastvale Council\tChair\nBell, Tom\tWestshire Police\tInspector\n",
     {"Ann Lee", "Tom Bell"}),
    ("surname-in-capitals-in-apologies",
     f"{WSAB}\nMinutes\n\nApologies:\nREES Tom (Westshire Police)\nO'NEILL Mary (Healthwatch)\n\n1. Welcome\n",
     {"Tom Rees", "Mary O'Neill"}),
    ("police-ranks-abbreviated",
     "Eastvale Community Safety Partnership\n\n3) Performance report C/Supt Zubin Farrow 4) Hate crime Insp Dev "
     "Okoro\n\nSupt. Olu Bankole and DCC Tamsin Vale attended. Sgt. Jo Pike spoke.",
     {"Zubin Farrow", "Dev Okoro", "Olu Bankole", "Tamsin Vale", "Jo Pike"}),
    ("names-with-particles-and-accents-in-a-dash-list",
     f"{WSAB}\nMinutes of the meeting held on 3 May 2024\n\nPresent:\nSiobhán Ní Bhriain - Head of Safeguarding\n"
     "Seán Ó Ceallaigh - Westshire Police\nIoan ap Gwyn - Glanmor Council\nJan van der Berg - Healthwatch\n"
     "Anne-Marie de la Cruz - Eastvale Council\n\n1. Welcome\n",
     {"Siobhán Ní Bhriain", "Seán Ó Ceallaigh", "Ioan ap Gwyn", "Jan van der Berg", "Anne-Marie de la Cruz"}),
    ("a-double-barrelled-surname-cut-by-the-lines-end",
     f"{WSAB}\nMinutes of the meeting held on 3 May 2024\n\nPresent:\nNell Fordham-\nPryor, Head of Safeguarding, "
     "Eastvale ICB\nRavi Chandran-Smith, Westshire Police\n", {"Nell Fordham-Pryor", "Ravi Chandran-Smith"}),
    ("a-hyphen-before-a-column-is-no-surname",
     f"{WSAB}\nMinutes of the meeting held on 3 May 2024\n\nPresent:\nAnn Lee-\nIndependent Chair\nTom Rees-\n"
     "Westshire Police\nSue Hall-\nNorthfold Council\n", {"Ann Lee", "Tom Rees", "Sue Hall"}),
    ("a-list-of-given-names-is-no-reversed-name",
     f"{WSAB}\nMinutes\n\nPresent:\n| Tom, Sue | Westshire Police |\n", set()),
    ("a-common-word-before-a-comma-is-no-surname",
     f"{WSAB}\nMinutes\n\nPresent:\n| Hall, Sue | Westshire Police |\n\n| Priority | Lead |\n| --- | --- |\n"
     "| Housing, Carol | Tom Rees |\n\nThe housing team reported.\n", {"Sue Hall", "Tom Rees"}),
    ("reversed-outside-a-list-or-table-is-left",
     "Lee, Ann\n\nThe report was noted.\n", set()),
]


@pytest.mark.parametrize(("name", "text", "want"), PEOPLE, ids=[c[0] for c in PEOPLE])
def test_people_probe(name: str, text: str, want: set[str]) -> None:
    assert people_of(text) == want


def _council(text: str) -> str | None:
    return extract(Document(id="t", text=text, source="test")).meeting.council


@pytest.mark.parametrize("text", [
    "Health Scrutiny Committee\nMinutes of the meeting held on 9 October 2024\n\nDr Simon Harrow presented the "
    "report.\n",
    "Health Scrutiny Committee\nMinutes of the meeting held on 9 October 2024\n\nApologies were received from "
    "Erin Harrow.\n",
])
def test_a_persons_surname_that_is_a_place_makes_no_council(text: str) -> None:
    assert _council(text) is None


def test_an_attendance_lines_name_is_no_part_of_the_council() -> None:
    text = ("Eastvale Community Safety Partnership\nMinutes of the meeting held on 4 April 2024\n\nAttendees\n"
            "Cllr Ben Ray Eastvale Borough Council (Chair)\nSarah Quill Westshire Police\n")
    assert _council(text) == "Eastvale Borough Council"
    assert chairs_of(text) == {("Ben Ray", "Eastvale Community Safety Partnership")}


def test_a_boards_name_in_capitals_is_its_name_before_a_headlines_lower_case() -> None:
    text = ("News release\n\nNew chair for Eastvale's safeguarding adults board\n\nPeregrine Ashdown has been "
            f"appointed as the new Independent Chair of the {ESAB} and will take up the post in May.\n")
    orgs = [o for o in extract(Document(id="t", text=text, source="test")).organisations if o.kind != "agency"]
    assert [o.name for o in orgs] == [ESAB]
    assert chairs_of(text) == {("Peregrine Ashdown", ESAB)}
