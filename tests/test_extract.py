"""Extraction on the seed minutes (data/minutes) and on texts written for these tests.

The seed expectations below are what a careful reader finds in the two seed documents;
the score must stay at the level the issue asks for (macro F1 >= 0.9).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import evaluate
from kg.extract.pipeline import extract
from kg.ingest import read_document
from kg.paths import DATA_DIR

TEXTS = Path(__file__).parent / "texts"
OXON = "000_2f5f690fc7a77907"
BUCKS = "004_82ef1e4893fc77f8"

SEED_GOLD = {
    OXON: {
        "meeting": {"body": "Cabinet", "date": "2021-12-21"},
        "boards": [{"names": ["Oxfordshire Safeguarding Children Board", "OSCB"], "kind": "safeguarding-children"}],
        "people": [{"names": ["Lara Patel"]}, {"names": ["Liz Brighouse"]}, {"names": ["Derek Benson"]},
                   {"names": ["Tan Lee"]}, {"names": ["Kevin Gordon"]}, {"names": ["Calum Miller"]}],
        "chairs": [["Derek Benson", "Oxfordshire Safeguarding Children Board"]],
        "partners": [["Oxfordshire Safeguarding Children Board", s] for s in
                     ("police", "health", "local-authority", "voluntary-sector", "fire-and-rescue", "probation", "education")],
        "themes": ["neglect", "child-exploitation", "education", "mental-health", "workforce-training", "covid-19",
                   "front-door", "domestic-abuse", "children-in-care", "early-help", "quality-assurance"],
        "reviews": [{"kind": "case-review", "name": "Jacob"}],
    },
    BUCKS: {
        "meeting": {"body": "Select Committee", "date": None},
        "boards": [
            {"names": ["Buckinghamshire Safeguarding Children Partnership", "Children Partnership"], "kind": "safeguarding-children"},
            {"names": ["Children Safeguarding Board"], "kind": "safeguarding-children"},
            {"names": ["Adults Board", "Adult Safeguarding Board"], "kind": "safeguarding-adults"},
            {"names": ["Community Safety Board"], "kind": "community-safety"},
            {"names": ["Domestic Abuse Board"], "kind": "other-board"},
        ],
        "people": [{"names": ["Francis Habgood"]}, {"names": ["Simon James"]}, {"names": ["Leslie Ray"]},
                   {"names": ["Richard Nash"]}],
        "chairs": [["Francis Habgood", "Buckinghamshire Safeguarding Children Partnership"],
                   ["Francis Habgood", "Adults Board"]],
        "partners": [["Buckinghamshire Safeguarding Children Partnership", s] for s in ("local-authority", "police", "health")],
        "themes": ["contextual-safeguarding", "think-family", "child-exploitation", "transition-to-adulthood",
                   "workforce-training", "covid-19", "funding", "education", "domestic-abuse", "neglect",
                   "babies-and-infants", "cross-border", "youth-violence", "quality-assurance"],
        "reviews": [{"kind": "thematic-review", "name": None}, {"kind": "case-review", "name": None},
                    {"kind": "safeguarding-adults-review", "name": None}],
    },
}


@pytest.fixture(scope="module")
def seed_facts():
    return {p.stem: extract(read_document(p)) for p in sorted((DATA_DIR / "minutes").glob("*.txt"))}


def test_seed_scores(seed_facts, tmp_path):
    import json
    for doc, gold in SEED_GOLD.items():
        (tmp_path / f"{doc}.json").write_text(json.dumps({"document": doc, **gold}), encoding="utf-8")
    scores = evaluate(tmp_path, seed_facts.values())
    assert scores.macro_f1 >= 0.9, scores.table()
    for cat in ("boards", "people", "chairs", "partners"):
        assert scores.counts[cat].prf()[2] >= 0.9, (cat, scores.misses)


def test_seed_chairs_are_named_with_their_boards(seed_facts):
    oxon = seed_facts[OXON]
    names = {p.id: p.name for p in oxon.people}
    orgs = {o.id: o for o in oxon.organisations}
    assert [(names[c.person], orgs[c.organisation].name) for c in oxon.chairs] == [
        ("Derek Benson", "Oxfordshire Safeguarding Children Board")]
    assert "OSCB" in orgs[oxon.chairs[0].organisation].aliases
    bucks = seed_facts[BUCKS]
    names = {p.id: p.name for p in bucks.people}
    orgs = {o.id: o for o in bucks.organisations}
    chaired = {(names[c.person], orgs[c.organisation].kind) for c in bucks.chairs}
    assert chaired == {("Francis Habgood", "safeguarding-children"), ("Francis Habgood", "safeguarding-adults")}


def test_meeting_and_evidence_offsets(seed_facts):
    oxon = seed_facts[OXON]
    assert oxon.meeting.date == "2021-12-21"
    assert oxon.meeting.body == "Cabinet"
    assert oxon.meeting.item == "132"
    text = read_document(DATA_DIR / "minutes" / f"{OXON}.txt").text
    for theme in oxon.themes:
        ev = theme.evidence
        assert text[ev.start:ev.end] == ev.text
    neglect = next(t for t in oxon.themes if t.theme == "neglect")
    assert "neglect" in neglect.evidence.text.lower()


def test_statistic_with_its_sentence(seed_facts):
    stats = {(s.value, s.unit) for s in seed_facts[OXON].statistics}
    assert (15000, "practitioners") in stats
    assert (75, "percent") in stats


def _facts(name: str):
    return extract(read_document(TEXTS / name))


def test_adults_board_text_not_seen_before():
    f = _facts("northshire_adults.txt")
    orgs = {o.id: o for o in f.organisations}
    people = {p.id: p for p in f.people}
    board = next(o for o in f.organisations if o.kind == "safeguarding-adults")
    assert board.name == "Northshire Safeguarding Adults Board"
    assert board.aliases == ("NSAB",)
    assert people[f.chairs[0].person].name == "Aisha Rahman"
    assert people[f.chairs[0].person].honorific == "Dr"
    assert orgs[f.chairs[0].organisation] is board
    assert {(p.sector, p.statutory) for p in f.partners} == {("local-authority", True), ("police", True), ("health", True)}
    assert {"neglect", "domestic-abuse", "workforce-training", "covid-19", "front-door"} <= {t.theme for t in f.themes}
    assert {(r.kind, r.name) for r in f.reviews} == {("safeguarding-adults-review", None), ("safeguarding-adults-review", "Adult F")}
    assert f.meeting.date == "2023-03-14" and f.meeting.body == "Adult Social Care Scrutiny Panel" and f.meeting.item == "7"
    assert (2300, "practitioners") in {(s.value, s.unit) for s in f.statistics}


def test_partnership_replacing_board_and_scrutineer():
    f = _facts("westmere_children.txt")
    orgs = {o.id: o for o in f.organisations}
    people = {p.id: p for p in f.people}
    kinds = sorted((o.name, o.kind) for o in f.organisations if o.kind == "safeguarding-children")
    assert kinds == [("Westmere Local Safeguarding Children Board", "safeguarding-children"),
                     ("Westmere Safeguarding Children Partnership", "safeguarding-children")]
    (chair,) = f.chairs
    assert people[chair.person].name == "P Okonkwo"
    assert orgs[chair.organisation].name == "Westmere Safeguarding Children Partnership"
    (change,) = f.changes
    assert orgs[change.old].name.endswith("Board") and orgs[change.new].name.endswith("Partnership")
    assert f.meeting.date == "2024-10-08"
    assert f.meeting.body == "Children and Young People Overview and Scrutiny Committee"
    assert {(r.kind, r.name) for r in f.reviews} >= {("child-safeguarding-practice-review", "Child T"), ("rapid-review", None)}
    themes = {t.theme for t in f.themes}
    assert {"child-exploitation", "education", "children-in-care"} <= themes
    assert "missing-children" not in themes  # "children missing education" is about education


@pytest.mark.parametrize("text, theme, present", [
    ("A lot of work was done to ensure that vulnerable children were in school.", "education", True),
    ("There was an increase in anxiety particularly in young people.", "mental-health", True),
    ("Papers:\nNeglect Strategy Report\nAnnual Report\nBudget Report\n", "neglect", False),
    ("It is a statutory duty to review where abuse or neglect of a child is suspected.", "neglect", False),
    ("The Board agreed a new neglect strategy and the Graded Care Profile toolkit.", "neglect", True),
])
def test_themes_by_meaning(text, theme, present):
    from kg.model import Document
    themes = {t.theme for t in extract(Document("t", text)).themes}
    assert (theme in themes) is present


def test_people_are_not_case_names_or_places():
    from kg.model import Document
    text = ("The Committee discussed the review of Child Q. Kent Police attended. "
            "Jane Holloway, Head of Service, said that Five Acre Wood School had responded.")
    f = extract(Document("t", text))
    assert [p.name for p in f.people] == ["Jane Holloway"]
    assert ("child-safeguarding-practice-review", "Child Q") not in {(r.kind, r.name) for r in f.reviews}
    assert ("case-review", "Child Q") in {(r.kind, r.name) for r in f.reviews}


def test_annual_report_period_and_board(seed_facts):
    oxon = seed_facts[OXON]
    orgs = {o.id: o.name for o in oxon.organisations}
    assert [(orgs[r.organisation], r.period) for r in oxon.reports] == [
        ("Oxfordshire Safeguarding Children Board", "2020/21")]
    bucks = seed_facts[BUCKS]
    assert [r.period for r in bucks.reports] == ["2020/21"]  # written "2020/2021" in the text


def test_full_minutes_header_chaired_by_and_lower_case_posts():
    f = _facts("eastvale_full_minutes.txt")
    assert (f.meeting.council, f.meeting.body, f.meeting.date) == (
        "Eastvale County Council", "Health and Social Care Scrutiny Committee", "2019-03-07")
    people = {p.id: p for p in f.people}
    orgs = {o.id: o for o in f.organisations}
    assert [(people[c.person].name, orgs[c.organisation].name) for c in f.chairs] == [
        ("Margaret O'Donnell", "Eastvale Safeguarding Adults Partnership Board")]
    assert orgs[f.chairs[0].organisation].aliases == ("ESAPB",)
    # the committee's chairman is not a board chair
    assert "R Patel" in {p.name for p in f.people}
    assert ("council's head of adult safeguarding" in {r.title for r in f.roles})
    assert {p.sector for p in f.partners} == {"local-authority", "police", "health", "fire-and-rescue", "voluntary-sector"}
    assert [r.period for r in f.reports] == ["2017/18"]


@pytest.mark.parametrize("text, board, kind, chaired", [
    ("The Cwm Taf Morgannwg Safeguarding Board (CTMSB) report was presented by its Chair, Jane Hughes.",
     "Cwm Taf Morgannwg Safeguarding Board", "safeguarding-children", "Jane Hughes"),
    ("Dr Sarah Lowe, Independent Chair of the Northmoor Safeguarding Adults Executive Board, said more.",
     "Northmoor Safeguarding Adults Executive Board", "safeguarding-adults", "Sarah Lowe"),
    ("The Surrey Safeguarding Children and Young People Partnership is chaired by Tom Reid.",
     "Surrey Safeguarding Children and Young People Partnership", "safeguarding-children", "Tom Reid"),
])
def test_board_name_variants_and_their_chairs(text, board, kind, chaired):
    from kg.model import Document
    f = extract(Document("t", text))
    orgs = {o.id: o for o in f.organisations}
    people = {p.id: p.name for p in f.people}
    assert (orgs[f.chairs[0].organisation].name, orgs[f.chairs[0].organisation].kind) == (board, kind)
    assert people[f.chairs[0].person] == chaired


@pytest.mark.parametrize("text, chaired, board", [
    ("The Independent Chair of the LSCB, Mr John Smith, presented the annual report of the Bexford Local "
     "Safeguarding Children Board (LSCB).", "John Smith", "Bexford Local Safeguarding Children Board"),
    ("Professor Jenny Pearce OBE, Independent Chair of the Harbourside Safeguarding Children Partnership, spoke.",
     "Jenny Pearce", "Harbourside Safeguarding Children Partnership"),
    ("Jane Doe has chaired the Harbourside Safeguarding Adults Board since 2019.", "Jane Doe",
     "Harbourside Safeguarding Adults Board"),
    ("The Harbourside Safeguarding Adults Board (HSAB) Chair, Sue Brown, attended.", "Sue Brown",
     "Harbourside Safeguarding Adults Board"),
    ("Tom Hart, who chairs the Harbourside Safeguarding Adults Board, attended.", "Tom Hart",
     "Harbourside Safeguarding Adults Board"),
])
def test_chair_phrasings(text, chaired, board):
    from kg.model import Document
    f = extract(Document("t", text))
    orgs = {o.id: o.name for o in f.organisations}
    people = {p.id: p.name for p in f.people}
    assert [(people[c.person], orgs[c.organisation]) for c in f.chairs] == [(chaired, board)]


@pytest.mark.parametrize("text", [
    "Councillor Amy Ross, Vice-Chair of the Harbourside Safeguarding Adults Board, attended.",
    "Councillor Amy Ross was elected Chair of the meeting. The Harbourside Safeguarding Adults Board report was noted.",
    "Amy Ross, Chair of the Harbourside Safeguarding Adults Board's Quality Sub-group, presented.",
])
def test_not_board_chairs(text):
    from kg.model import Document
    assert extract(Document("t", text)).chairs == ()


def test_statutory_members_named_agencies_and_place_word_boundaries():
    from kg.model import Document
    text = ("The Chair of the Rotherfield Safeguarding Adults Board, Professor Keith Marsh, introduced the report. "
            "He noted that the Board's statutory members were the local authority, the Integrated Care Board and "
            "South Yorkshire Police.")
    f = extract(Document("t", text))
    orgs = {o.id: o for o in f.organisations}
    assert {(orgs[p.partnership].name, p.sector, p.statutory) for p in f.partners} == {
        ("Rotherfield Safeguarding Adults Board", s, True) for s in ("local-authority", "health", "police")}
    assert {(o.name, o.sector) for o in f.organisations if o.kind == "agency"} == {
        ("Integrated Care Board", "health"), ("South Yorkshire Police", "police")}
    assert f.meeting.council is None  # "Rother" inside "Rotherfield" is not the council of Rother


def test_agency_list_with_acronyms_and_hyphen_asides():
    from kg.model import Document
    text = ("The three safeguarding partners - Hillbrook Council, Hillbrook and District ICB and Westshire Police - "
            "had agreed priorities for the Hillbrook Safeguarding Children Partnership. Devon and Cornwall Police attended.")
    f = extract(Document("t", text))
    assert {o.name for o in f.organisations if o.kind == "agency"} == {"Westshire Police", "Devon and Cornwall Police"}
    assert {p.sector for p in f.partners} == {"local-authority", "health", "police"}


def test_a_boards_own_minutes_attendance_names_its_partners():
    from kg.model import Document
    text = ("Minutes of the meeting of the Eastshire Safeguarding Children Partnership Executive held on "
            "Wednesday 10 January 2024\n\nPresent: Jane Reed (Independent Chair), Detective Chief Superintendent "
            "Mark Owen (Eastshire Police), Claire Dunn (Director of Children's Services, Eastshire County Council), "
            "Dr Ravi Patel (Designated Doctor, NHS Eastshire ICB).\n")
    f = extract(Document("t", text))
    assert f.meeting.date == "2024-01-10"
    assert [p.name for p in f.people] == ["Jane Reed", "Mark Owen", "Claire Dunn", "Ravi Patel"]
    assert {p.sector for p in f.partners} == {"police", "local-authority", "health"}
    # the same attendance list in a council committee's minutes says nothing about membership
    other = extract(Document("u", text.replace("Minutes of the meeting of the Eastshire Safeguarding Children "
                                               "Partnership Executive", "Minutes of the meeting of the Cabinet")
                             + "The Eastshire Safeguarding Children Partnership report was noted.\n"))
    assert other.partners == ()
