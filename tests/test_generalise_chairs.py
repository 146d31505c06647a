"""Chairs, boards and attachment on shapes of councils never seen (issue 9, helper acc-chairs).

Every text is invented for the test (Midshire, Eastvale, Westshire, Northfold...), never
taken from the development corpus. Each test asserts the exact facts expected.
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.model import Document

SAB = "Midshire Safeguarding Adults Board"
SCP = "Midshire Safeguarding Children Partnership"


def _facts(text: str):
    f = extract(Document(id="t", text=text, source="test"), {})
    people = {p.id: p.name for p in f.people}
    orgs = {o.id: o for o in f.organisations}
    chairs = {(people[c.person], orgs[c.organisation].name) for c in f.chairs}
    boards = {o.name: o for o in f.organisations if o.kind != "agency"}
    return f, people, orgs, chairs, boards


_MINUTES = (f"{SAB}\nMinutes of the meeting held on 3 May 2024\nPresent:\n"
            "Ann Lee (AL) - Independent Chair\n"
            "Sam Brown (SB) - Deputy Chief Nurse, Midshire Integrated Care Board\n"
            "Tom Rees (TR) - Detective Superintendent, Midshire Police\n"
            "1. Welcome\n"
            f"SB gave an update on the {SCP} audit. SB agreed to circulate the paper.\n")


def test_a_persons_initials_in_brackets_are_never_a_boards_alias():
    _, people, _, chairs, boards = _facts(_MINUTES)
    assert boards[SAB].aliases == ()
    assert boards[SCP].aliases == ()
    assert {"Ann Lee", "Sam Brown", "Tom Rees"} <= set(people.values())
    assert chairs == {("Ann Lee", SAB)}


@pytest.mark.parametrize("line", [
    "Dr Sam Brown (SB) Deputy Chief Nurse, Midshire Integrated Care Board",  # an honorific before the name
    "S Brown (SB) - Deputy Chief Nurse",  # an initial
    "Sam Brown-Smith (SBS) - Deputy Chief Nurse",  # a double-barrelled surname
    "Samantha Jane Brown (SJB) - Deputy Chief Nurse",  # a middle name
])
def test_initials_after_a_name_in_other_forms_are_no_alias(line):
    initials = line[line.index("(") + 1:line.index(")")]
    text = (f"{SAB}\nPresent:\nAnn Lee (AL) - Independent Chair\n{line}\n1. Welcome\n"
            f"{initials} gave an update on the {SCP} audit.\n")
    _, _, _, _, boards = _facts(text)
    assert boards[SAB].aliases == ()
    assert boards[SCP].aliases == ()


def test_a_boards_acronym_defined_in_brackets_is_still_its_alias():
    _, _, _, _, boards = _facts("The Westshire Safeguarding Board (SB) met. The SB agreed its plan.")
    assert boards["Westshire Safeguarding Board"].aliases == ("SB",)


def _review_board(f, orgs, kind):
    return [orgs[r.organisation].name for r in f.reviews if r.kind == kind]


@pytest.mark.parametrize("review", [
    "The Board received a Safeguarding Adults Review on self-neglect.",
    "A Safeguarding Adults Review on self-neglect was received.",
    "the board received a Safeguarding Adults Review on self-neglect.",
])
def test_an_adults_review_in_an_adults_boards_minutes_is_that_boards(review):
    text = (f"{SAB}\nMinutes of the meeting held on 3 May 2024\nPresent: Ann Lee (Chair), Tom Rees\n"
            f"1. Partnership updates\nTom Rees reported that the {SCP} had published its annual report. "
            f"The {SCP} met twice. {review}\n")
    f, _, orgs, _, _ = _facts(text)
    assert _review_board(f, orgs, "safeguarding-adults-review") == [SAB]
    # the theme of the review's sentence goes with it
    assert [(t.theme, orgs[t.organisation].name) for t in f.themes if t.theme == "neglect"] == [("neglect", SAB)]


def test_the_board_at_a_sentences_start_is_the_meetings_board():
    text = (f"{SAB}\nMinutes of the meeting held on 3 May 2024\nPresent: Ann Lee (Chair), Tom Rees\n"
            f"Tom Rees reported that the {SCP} had met. The {SCP} agreed its plan. The {SCP} thanked members.\n"
            "The Board received a report on self-neglect.\n")
    f, _, orgs, _, _ = _facts(text)
    assert [(t.theme, orgs[t.organisation].name) for t in f.themes] == [("neglect", SAB)]


def test_each_review_goes_to_the_board_of_its_kind_and_keeps_its_own_case_name():
    text = (f"{SCP} annual report 2023/24\nThe {SCP} published two reviews. The {SCP} works with the {SAB}.\n"
            f"The {SAB} is chaired by Jo Bloggs. The Safeguarding Adults Review into Adult C was published and "
            "a Child Safeguarding Practice Review into Child D was started.\n")
    f, _, orgs, _, _ = _facts(text)
    named = {(r.kind, r.name, orgs[r.organisation].name) for r in f.reviews if r.name}
    assert named == {("safeguarding-adults-review", "Adult C", SAB),
                     ("child-safeguarding-practice-review", "Child D", SCP)}


ESCP = "Eastvale Safeguarding Children Partnership"
ESAB = "Eastvale Safeguarding Adults Board"
_TWO = {("Ann Lee", "Midshire Safeguarding Children Board"), ("Ann Lee", "Midshire Safeguarding Adults Board")}


@pytest.mark.parametrize("text, chairs", [
    # an acronym board after "the" keeps the area before it, known to no list of places
    ("Witnesses: Ann Lee - Independent Chair of the Eastvale SCP", {("Ann Lee", "Eastvale SCP")}),
    ("Witnesses: Dr Ann Lee - Independent Chair of the Northfold LSCB and Tom Rees - Director",
     {("Ann Lee", "Northfold LSCB")}),
    ("Tom Green, who is Independent Chair of the Westshire LSCB, spoke.", {("Tom Green", "Westshire LSCB")}),
    ("Members thanked Mr Lane for chairing the Westshire LSCB over six years.", {("Lane", "Westshire LSCB")}),
    # a time word and a post naming its board, the name straight after it with no comma
    (f"The former Independent Chair of the {ESAB} Jane Doe presented.", {("Jane Doe", ESAB)}),
    # the post in lower case, naming its board, before the name
    (f"The previous chair of the {ESAB}, Jane Doe, retired.", {("Jane Doe", ESAB)}),
    (f"Thanks went to Jane Doe, our former Independent Chair of the {ESAB}.", {("Jane Doe", ESAB)}),
    # two boards named by one phrase after "chairs the"
    ("Ann Lee chairs the Midshire Safeguarding Children and Adults Boards.", _TWO),
    ("Ann Lee is the Independent Chair of the Midshire Safeguarding Children and Safeguarding Adults Boards.", _TWO),
    ("The Independent Chair of the Midshire Safeguarding Children and Safeguarding Adults Boards, Ann Lee, spoke.",
     _TWO),
    # first person
    (f"Welcome to the {ESCP}.\nI am Jo Bloggs, the Independent Chair of the Partnership.", {("Jo Bloggs", ESCP)}),
    (f"{ESAB}\nI’m Jo Bloggs, Independent Chair of the Board.", {("Jo Bloggs", ESAB)}),
    # a chair of a body outside the built-in heads is that body's, never the page's main board's
    (f"The {ESCP} met.\nBen Ray, Independent Chair of the Eastvale Continuous Improvement Board, spoke.",
     {("Ben Ray", "Eastvale Continuous Improvement Board")}),
])
def test_chair_shapes_of_unseen_councils(text, chairs):
    assert _facts(text)[3] == chairs


@pytest.mark.parametrize("text", [
    f"The {ESCP} met.\nBen Ray, Independent Chair of the Eastvale Carers Network, spoke.",
    f"The {ESCP} met.\nBen Ray was the Independent Chair of the Eastvale Fostering Panel.",
    f"The {ESCP} met.\nBen Ray, former Chair of Eastvale Housing Association, spoke.",
    f"The {ESCP} met.\nBen Ray chaired the Eastvale Practice Review Group.",
    f"The {ESCP} met.\nThe Chair thanked Ben Ray for his report.",
    f"The {ESCP} met.\nBen Ray, Vice Chair of the {ESCP}, spoke.",
    f"The {ESCP} met.\nThe Panel thanked Mr Lane for chairing the meeting.",
    f"The {ESCP} met. Ben Ray, formerly of Eastvale Police and now Chair of the Eastvale Fire Authority, spoke.",
    f"The previous chair of the Eastvale Carers Network, Jane Doe, retired. The {ESCP} met.",
    # a person before an acronym is no place of it
    "Present: Tom Rees LSCB Business Manager, Ann Lee",
])
def test_no_chair_of_a_board_from_other_bodies_and_posts(text):
    _, _, _, chairs, boards = _facts(text)
    assert chairs == set()
    assert not any("Tom Rees" in b for b in boards)


_COMMITTEE = ("Adults and Health Scrutiny Committee\nMinutes of the meeting held on 3 May 2024\n"
              "Present: Councillors Hardy (Chair), Moss and Pike\n")


@pytest.mark.parametrize("text, chairs", [
    (_COMMITTEE + f"The Committee welcomed Ann Lee, who had recently been appointed Independent Chair of the {ESAB}.",
     {("Ann Lee", ESAB)}),
    (_COMMITTEE + f"It was noted that Ann Lee would be stepping down as Independent Chair of the {ESAB}.",
     {("Ann Lee", ESAB)}),
    # an unlisted area opening a layout's cell before a board's acronym
    (_COMMITTEE + "In attendance: Ann Lee (Independent Chair, Eastvale SAB), Tom Rees (Business Manager)",
     {("Ann Lee", "Eastvale SAB")}),
    (_COMMITTEE + "In attendance:\nAnn Lee - Eastvale SAB Independent Chair\nTom Rees - SAB Business Manager",
     {("Ann Lee", "Eastvale SAB")}),
])
def test_chairs_in_a_committees_minutes(text, chairs):
    assert _facts(text)[3] == chairs


@pytest.mark.parametrize("text, boards", [
    ("The Westshire, Eastvale and Northfold Safeguarding Children Partnership met.",
     ["Westshire, Eastvale and Northfold Safeguarding Children Partnership"]),
    ("The Eastvale and Northfold Safeguarding Adults Board met.", ["Eastvale and Northfold Safeguarding Adults Board"]),
    # a list of places only after "the": a name before a comma is no place
    ("Present: Ann Lee, Eastvale and Northfold Safeguarding Adults Board; Tom Rees",
     ["Eastvale and Northfold Safeguarding Adults Board"]),
    # "board" in lower case after a capitalised name
    ("The Eastvale Safeguarding Adults board met.", ["Eastvale Safeguarding Adults board"]),
    ("The Eastvale Safeguarding Children board met.", ["Eastvale Safeguarding Children board"]),
    # known acronyms used without a definition
    ("The report goes to the HWB in June.", ["HWB"]),
    ("The report went to the Eastvale SAPB in June.", ["Eastvale SAPB"]),
    ("Eastvale HWB agreed the strategy.", ["Eastvale HWB"]),
    # a line's first word before a two-letter acronym is no place ("Introductions and Apologies AB")
    ("Eastvale Adults Board (AB)\n1. Introductions and Apologies AB welcomed members.", ["Eastvale Adults Board"]),
])
def test_board_names_of_unseen_councils(text, boards):
    f = _facts(text)[0]
    assert sorted(o.name for o in f.organisations if o.kind != "agency") == boards


@pytest.mark.parametrize("text", [
    "Ann Lee, Safeguarding Board Business Manager, presented.",
    "Ann Lee, Eastvale Safeguarding Adults Board Business Manager, presented.",
    "Training was delivered by Safeguarding Board Solutions Ltd.",
    "Training was delivered by Eastvale Safeguarding Partnership Ltd.",
    "A Safeguarding Adults board is a statutory body.",
    "The school's board of governors met.",
    "Ann Lee, Health and Wellbeing Board Coordinator, attended.",
])
def test_no_board_from_a_job_title_a_company_or_a_kind_of_body(text):
    f = _facts(text)[0]
    assert [o.name for o in f.organisations if o.kind not in ("agency", "council", "committee")] == []


_REPORT = f"{ESAB} annual report 2023/24. The Board met four times.\n"
_OWN_MINUTES = f"{ESAB}\nMinutes of the meeting held on 3 May 2024\nPresent: Ann Lee (Chair), Tom Rees, Jo Bloggs\n"


@pytest.mark.parametrize("text, chairs", [
    # a body we do not know, named in the sentence or the next column: never the page's main board
    (_REPORT + "Tom Rees - Independent Chair, Westshire MAPPA Strategic Management Board", set()),
    (_REPORT + "Tom Rees - Independent Chair of the Eastvale Practice Review Group", set()),
    (_REPORT + "Tom Rees (Independent Chair, Northfold Adoption Panel) spoke.", set()),
    (_REPORT + "The Independent Chair of the Northfold Fostering Panel, Tom Rees, spoke.", set()),
    (_REPORT + "Tom Rees was appointed Independent Chair of the Eastvale Suicide Prevention Alliance.", set()),
    (_REPORT + "Tom Rees has chaired the Westshire Reducing Reoffending Group since 2019.", set()),
    (_REPORT + "Tom Rees, Independent Chair of the Westshire ICB Quality Board, spoke.", set()),
    # a known board of another place is that board's
    (_REPORT + "Tom Rees, Independent Chair of the Westshire SAB, spoke.", {("Tom Rees", "Westshire SAB")}),
    # other bodies' chairs in a board's own minutes leave its chair alone
    (_OWN_MINUTES + "Tom Rees, Chair of the Eastvale Fostering Panel, gave an update.", {("Ann Lee", ESAB)}),
    (_OWN_MINUTES + "Jo Bloggs (Chair of the Learning and Development Subgroup) gave an update.", {("Ann Lee", ESAB)}),
])
def test_an_unknown_body_never_makes_a_chair_of_the_main_board(text, chairs):
    assert _facts(text)[3] == chairs


@pytest.mark.parametrize("text, chairs", [
    # an Independent Convenor counts as the chair (ANNOTATION); a sub-group's convenor does not
    (f"Ann Lee, Independent Convenor of the {ESCP}, presented the report.", {("Ann Lee", ESCP)}),
    (f"The {ESCP} report.\nAnn Lee, Convenor of the Eastvale Early Help sub-group, spoke.", set()),
])
def test_a_convenor_is_a_chair(text, chairs):
    assert _facts(text)[3] == chairs


@pytest.mark.parametrize("text, chairs", [
    # "Independent Chair of" and then nothing a rule reads: whose chair, the page does not say
    (f"{ESCP} annual report.\nThe Chair welcomed Ann Lee, Independent Chair of\n\n", set()),
    (f"{ESCP} annual report.\nThe Chair welcomed Ann Lee, Independent Chair of the carers network.", set()),
    # the page's own body in lower case is still the page's board
    (f"{ESCP} annual report.\nThe Chair welcomed Ann Lee, Independent Chair of the local safeguarding partnership.",
     {("Ann Lee", ESCP)}),
])
def test_a_post_of_a_body_the_page_does_not_name(text, chairs):
    assert _facts(text)[3] == chairs


@pytest.mark.parametrize("text, chairs", [
    (f"The {ESCP} annual report was presented by Ann Lee, who chairs it.", {("Ann Lee", ESCP)}),
    # "it" is the group named after the board, not the board
    (f"The {ESCP}'s audit group met; Ann Lee, who chairs it, reported.", set()),
])
def test_who_chairs_it(text, chairs):
    assert _facts(text)[3] == chairs


def test_a_flattened_table_row_with_the_boards_acronym_before_the_chairs_title():
    text = ("EASTVALE LOCAL SAFEGUARDING CHILDREN BOARD (ELSCB)\n1. Attendance, Apologies & Governance ELSCB Members "
            "Title Representing Apols Dan Piper (DP) LSCB Independent Chair ELSCB LSCB Chair Northfold Pam Bell (PB) "
            "Business Manager ELSCB\n2. Minutes\nDP welcomed members.")
    f, _, _, chairs, boards = _facts(text)
    # "LSCB" is the page's "ELSCB" without its place's letter: one board, named by the heading in capitals
    name = "EASTVALE LOCAL SAFEGUARDING CHILDREN BOARD"
    assert boards[name].aliases == ("ELSCB", "LSCB")
    assert chairs == {("Dan Piper", name)}



@pytest.mark.parametrize("sentence, title", [
    ("The independent scrutineer, Dr Helen Crane, has reviewed the arrangements.", "independent scrutineer"),
    ("The former independent chair, Helen Crane, was thanked.", "former independent chair"),
    ("The report was presented by Helen Crane, the partnership's Independent Scrutineer.", "Independent Scrutineer"),
    ("Helen Crane, the board's independent chair, presented the report.", "independent chair"),
])
def test_an_independent_post_in_lower_case_or_after_the_boards_possessive(sentence, title):
    f, people, orgs, chairs, _ = _facts(f"{SCP}\n\n{sentence}\n")
    assert chairs == {("Helen Crane", SCP)}
    assert [c.title for c in f.chairs] == [title]


def test_a_bare_the_chair_before_a_councillor_is_no_boards_chair():
    # a committee's chair: only an independent post, or the board's own possessive, is the board's
    _, _, _, chairs, _ = _facts(f"{SCP} annual report\n\nThe chair, Cllr Ann Ray, opened the meeting.\n")
    assert chairs == set()
