"""The graph asserts only what the text says (issue 10): the audit of tests/graph_audit.py
passes on the built seed minutes and on texts written for it, and fails when one wrong edge
is put into a store that passed."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from graph_audit import BASE, NORTHFOLD, SEEDS, audit
from kg.build import build
from kg.ns import SG
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("audit") / "seeds"
    build([ROOT / "data" / "minutes"], out, view=False)
    return out


@pytest.fixture(scope="module")
def northfold_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("audit") / "northfold"
    build([ROOT / "tests" / "texts" / "audit"], out, view=False)
    return out


def test_seed_graph_passes_the_audit(seed_store: Path) -> None:
    with GraphStore.open(seed_store, read_only=True) as store:
        assert audit(store, SEEDS) == []


def test_written_text_passes_the_audit(northfold_store: Path) -> None:
    with GraphStore.open(northfold_store, read_only=True) as store:
        assert audit(store, NORTHFOLD) == []


def test_audit_fails_on_one_wrong_edge(seed_store: Path, tmp_path: Path) -> None:
    """The wrong edge of the issue ("the Domestic Abuse Board discusses babies and infants")
    put back into a copy of the seed store is found, and nothing else is."""
    import shutil
    copy = tmp_path / "seeds"
    shutil.copytree(seed_store, copy, symlinks=True)
    mention = URIRef(BASE + "mention/004_82ef1e4893fc77f8/babies-and-infants")
    wrong = Graph()
    wrong.add((mention, SG.about, URIRef(BASE + "org/buckinghamshire-domestic-abuse-board")))
    with GraphStore.writing(copy) as store:
        store.replace_graph(BASE + "graph/wrong-edge", wrong)
    with GraphStore.open(copy, read_only=True) as store:
        problems = audit(store, SEEDS)
    assert len(problems) == 3  # no theme on that board; not babies; not two boards for one mention
    assert all(p.startswith("present: ") for p in problems)
    assert any("babies-and-infants" in p and "domestic-abuse-board" in p for p in problems)


def test_themes_by_partnership_credits_only_boards_that_discuss_them(seed_store: Path) -> None:
    from kg.query import run_query
    with GraphStore.open(seed_store, read_only=True) as store:
        boards = {r["board"] for r in run_query(store, "themes-by-partnership").records()}
    assert boards == {"Buckinghamshire Safeguarding Children Partnership", "Oxfordshire Safeguarding Children Board"}


def _counts(store_dir: Path) -> dict[str, int]:
    classes = {"review": "sg:CaseReview", "person": "foaf:Person", "board": "sg:Board", "agency": "sg:Agency"}
    out = {}
    with GraphStore.open(store_dir, read_only=True) as store:
        for name, cls in classes.items():
            q = ("PREFIX sg: <https://w3id.org/safeguarding-kg/ontology#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                 "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                 f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a ?c . ?c rdfs:subClassOf* {cls} }}")
            out[name] = int(store.query(q).records()[0]["n"])
    return out


def test_a_corpus_copied_twice_over_has_the_same_nodes(seed_store: Path, tmp_path: Path) -> None:
    """Every file again under a second name: no review, person, board or agency is added."""
    import shutil
    twice = tmp_path / "twice"
    twice.mkdir()
    for src in [*sorted((ROOT / "data" / "minutes").glob("*.txt")), ROOT / "tests" / "texts" / "audit" / "northfold_partnership.txt"]:
        shutil.copy(src, twice / src.name)
        shutil.copy(src, twice / f"copy_{src.name}")
    once_dir, twice_dir = tmp_path / "once_store", tmp_path / "twice_store"
    once = tmp_path / "once"
    once.mkdir()
    for src in twice.glob("copy_*"):
        shutil.copy(src, once / src.name)
    build([once], once_dir, view=False)
    build([twice], twice_dir, view=False)
    single, double = _counts(once_dir), _counts(twice_dir)
    assert single == double
    assert single["review"] == 5 and single["agency"] == 3  # Jacob, thematic, SAR (Bucks), Child T, SAR (Northfold)
