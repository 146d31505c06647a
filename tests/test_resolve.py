"""Resolution across documents, and the curation file that forces or forbids merges."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.batch import extract_paths
from kg.resolve import Curation, resolve

TEXTS = Path(__file__).parent / "texts" / "resolve"


@pytest.fixture(scope="module")
def facts():
    result = extract_paths([TEXTS])
    assert not result.errors
    return result.facts


def _people(resolution):
    return {e.label: e for e in resolution.entities.values() if e.type == "person"}


def test_one_board_across_documents_and_name_variants(facts):
    r = resolve(facts)
    boards = [e for e in r.entities.values() if e.kind == "safeguarding-children"]
    assert len(boards) == 1
    (board,) = boards
    assert board.key == "org/riverford-safeguarding-children-partnership"
    assert board.label == "Riverford Safeguarding Children Partnership"
    assert {"RSCP", "Riverford Safeguarding Children's Partnership"} <= set(board.aliases)
    assert board.documents == ("a_cabinet", "b_scrutiny")


def test_people_merge_by_full_name_and_by_surname_within_an_area(facts):
    people = _people(resolve(facts))
    pryce = people["Alan Pryce"]
    assert pryce.documents == ("a_cabinet", "b_scrutiny", "c_other_area")
    shah = people["Priya Shah"]
    assert shah.documents == ("a_cabinet", "b_scrutiny")  # "Cllr Shah" in b: same area, one Shah
    assert "Cllr Shah" in shah.aliases
    # "Councillor Shah" in another area is not Priya Shah
    other = [e for e in people.values() if e.label == "Shah"]
    assert [e.documents for e in other] == [("c_other_area",)]
    # two people sharing a surname stay apart
    assert people["Mark Ellison"].documents == ("a_cabinet",)
    assert people["Tom Ellison"].documents == ("b_scrutiny",)


def test_iris_are_stable_and_readable(facts):
    r1, r2 = resolve(facts), resolve(list(reversed(facts)))
    assert sorted(r1.entities) == sorted(r2.entities)
    assert "person/alan-pryce" in r1.entities


def test_curation_split_and_merge(facts, tmp_path):
    path = tmp_path / "curation.toml"
    path.write_text(
        '# the Alan Pryce of Lakeshire is another man\n'
        '[[split]]\nname = "Alan Pryce"\ndocuments = ["c_other_area"]\n\n'
        '# one woman, two spellings\n'
        '[[same]]\nnames = ["Sandra Whyte", "Sandra White"]\n', encoding="utf-8")
    people = _people(resolve(facts, Curation.load(path)))
    pryces = sorted(e.documents for e in resolve(facts, Curation.load(path)).entities.values()
                    if e.type == "person" and e.label == "Alan Pryce")
    assert pryces == [("a_cabinet", "b_scrutiny"), ("c_other_area",)]
    sandra = [e for e in people.values() if "Sandra" in e.label]
    assert len(sandra) == 1 and sandra[0].documents == ("b_scrutiny", "c_other_area")
    # without curation they are two people
    assert len([e for e in _people(resolve(facts)).values() if "Sandra" in e.label]) == 2


def test_curation_different_keeps_variants_apart(facts, tmp_path):
    path = tmp_path / "curation.toml"
    path.write_text('[[different]]\nnames = ["Priya Shah", "Cllr Shah"]\n', encoding="utf-8")
    people = _people(resolve(facts, Curation.load(path)))
    assert people["Priya Shah"].documents == ("a_cabinet",)


def test_bad_curation_file_is_named(tmp_path):
    from kg.errors import KgError
    path = tmp_path / "curation.toml"
    path.write_text("[[same]\nnames = [", encoding="utf-8")
    with pytest.raises(KgError) as e:
        Curation.load(path)
    assert str(path) in str(e.value) and "TOML" in str(e.value)


# --- issue 10: reviews across documents, agencies of an area, copies of a document ------------

from dataclasses import replace  # noqa: E402

from kg.model import Facts, Meeting, Organisation, Person, Review  # noqa: E402


def _doc(doc: str, council: str, board: str, agency: str, case: str | None = "Child M") -> Facts:
    return Facts(
        document=doc, meeting=Meeting(council, "Cabinet"),
        organisations=(Organisation("o1", board, "safeguarding-children"),
                       Organisation("o2", agency, "agency", "health"),
                       Organisation("o3", "Thames Valley Police", "agency", "police")),
        people=(Person("p1", "Jo Marsh"), Person("p2", "Marsh")),
        reviews=(Review("serious-case-review", case, "o1"),
                 Review("case-review", None, "o1", generic=True)))


def test_reviews_are_one_node_per_area_kind_and_case() -> None:
    r = resolve([_doc("a", "Westmere Council", "Westmere Safeguarding Children Partnership", "the CCG"),
                 _doc("b", "Westmere Council", "Westmere Safeguarding Children Partnership", "the CCG"),
                 _doc("c", "Eastvale Council", "Eastvale Safeguarding Children Partnership", "the CCG")])
    assert r.review("a", 0) == r.review("b", 0) == "review/westmere/serious-case-review/child-m"
    assert r.review("c", 0) == "review/eastvale/serious-case-review/child-m"
    assert r.review("a", 1) is None  # "the case reviews": the activity, no review


def test_agencies_by_sector_words_belong_to_their_area_named_ones_do_not() -> None:
    r = resolve([_doc("a", "Westmere Council", "Westmere Safeguarding Children Partnership",
                      "Clinical Commissioning Group"),
                 _doc("c", "Eastvale Council", "Eastvale Safeguarding Children Partnership",
                      "Clinical Commissioning Group")])
    assert r.key("a", "o2") == "org/westmere-clinical-commissioning-group"
    assert r.key("c", "o2") == "org/eastvale-clinical-commissioning-group"
    assert r.entities["org/westmere-clinical-commissioning-group"].label == "Clinical Commissioning Group (Westmere)"
    assert r.key("a", "o3") == r.key("c", "o3") == "org/thames-valley-police"


def test_a_copy_of_a_document_adds_no_node() -> None:
    lone = replace(_doc("x", None, "Safeguarding Children Partnership", "Clinical Commissioning Group", None),
                   meeting=Meeting())
    once = resolve([lone])
    twice = resolve([lone, replace(lone, document="x_copy")])
    assert sorted(once.entities) == sorted(twice.entities)
    assert set(twice.reviews.values()) == set(once.reviews.values())
    assert twice.key("x", "o1") == twice.key("x_copy", "o1")
