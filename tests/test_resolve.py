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
