"""Time in the graph: document dates, tenures of posts, and the named queries by year.

Built from the seed minutes plus tests/texts/timeline: three areas, 2019 to 2023, and a
change of chair in Harrowdene (Anne Whitfield, called former in February 2022, then
Robert Ashdown).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, XSD

from kg.build import build
from kg.model import Facts, Meeting, Report
from kg.ns import SG, TIME
from kg.query import run_query
from kg.rdf import _period_end_year, document_date, role_iri, time_graph
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent
TIMELINE = ROOT / "tests" / "texts" / "timeline"
SEEDS = ROOT / "data" / "minutes"
HARROWDENE = "Harrowdene Safeguarding Children Partnership"


def build_timeline_store(folder: Path) -> Path:
    """The seeds plus the timeline texts, built into ``folder`` (shared with the report tests)."""
    report = build([SEEDS, TIMELINE], folder, view=False)
    assert report.documents == 2 + len(list(TIMELINE.glob("*.txt"))) and not report.errors
    return folder


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    folder = build_timeline_store(tmp_path_factory.mktemp("time") / "build")
    with GraphStore.open(folder, read_only=True) as s:
        yield s


def chairs_in(store: GraphStore, year: int, board: str | None = None) -> set[tuple[str, str]]:
    rows = run_query(store, "chairs-in-year", {"year": str(year)}).records()
    assert all(r["year"] == str(year) for r in rows)
    return {(r["board"], r["name"]) for r in rows if board is None or r["board"] == board}


def test_who_chaired_the_oxfordshire_board_in_2021(store: GraphStore) -> None:
    assert ("Oxfordshire Safeguarding Children Board", "Derek Benson") in chairs_in(store, 2021)
    assert not any(board.startswith("Oxfordshire") for board, _ in chairs_in(store, 2020))


@pytest.mark.parametrize("year, names", [
    (2018, set()),
    (2019, {"Anne Whitfield"}),
    (2020, {"Anne Whitfield"}),
    (2021, {"Anne Whitfield"}),
    (2022, {"Anne Whitfield", "Robert Ashdown"}),  # she stepped down in January 2022
    (2023, {"Robert Ashdown"}),
    (2024, set()),
])
def test_a_change_of_chair_answers_the_right_chair_each_year(store: GraphStore, year: int, names: set[str]) -> None:
    assert {n for _, n in chairs_in(store, year, HARROWDENE)} == names


def test_another_area_in_the_same_years(store: GraphStore) -> None:
    fenmoor = "Fenmoor Safeguarding Adults Board"
    assert chairs_in(store, 2020, fenmoor) == chairs_in(store, 2021, fenmoor) == {(fenmoor, "Priya Raman")}
    assert chairs_in(store, 2022, fenmoor) == set()


def test_without_a_year_every_year_of_every_tenure(store: GraphStore) -> None:
    rows = run_query(store, "chairs-in-year").records()
    anne = sorted(r["year"] for r in rows if r["name"] == "Anne Whitfield")
    assert anne == ["2019", "2020", "2021", "2022"]
    first = next(r for r in rows if r["name"] == "Anne Whitfield")
    assert (first["from"], first["to"], first["ended"]) == ("2019-03-14", "2022-02-08", "ended")
    robert = next(r for r in rows if r["name"] == "Robert Ashdown")
    assert (robert["from"], robert["to"], robert["ended"]) == ("2022-02-08", "2023-03-15", "")


def test_documents_have_a_date_and_a_year(store: GraphStore) -> None:
    rows = {r["id"]: r for r in store.query(
        "SELECT ?id ?date ?type ?year WHERE { ?d dcterms:identifier ?id ; dcterms:date ?date ; sg:year ?year"
        " BIND(DATATYPE(?date) AS ?type) }", prefixes={"dcterms": str(DCTERMS), "sg": str(SG)}).records()}
    assert rows["harrowdene_2019_cabinet"]["date"] == "2019-03-14"
    assert rows["harrowdene_2019_cabinet"]["type"] == str(XSD.date)
    assert rows["harrowdene_2019_cabinet"]["year"] == "2019"
    # no meeting date: the end of the report period it names (2021/22)
    assert (rows["ashgrove_2022_report"]["date"], rows["ashgrove_2022_report"]["type"]) == ("2022", str(XSD.gYear))
    assert rows["000_2f5f690fc7a77907"]["date"] == "2021-12-21"
    assert len(rows) == 2 + len(list(TIMELINE.glob("*.txt")))


def test_themes_and_reviews_by_year(store: GraphStore) -> None:
    themes = run_query(store, "themes-by-year", {"year": "2023"}).records()
    assert {r["theme"] for r in themes} >= {"child-exploitation"}
    assert all(r["year"] == "2023" for r in themes)
    exploitation = next(r for r in themes if r["theme"] == "child-exploitation")
    assert exploitation["documents"] == "1" and HARROWDENE in exploitation["boards"]
    reviews = run_query(store, "reviews-by-year", {"year": "2020"}).records()
    assert ("Safeguarding Adults Review: Adult B", "safeguarding-adults-review", "Fenmoor Safeguarding Adults Board",
            "fenmoor_2020_adults") in [(r["review"], r["kind"], r["board"], r["document"]) for r in reviews]
    assert {r["year"] for r in reviews} == {"2020"} and {r["document"] for r in reviews} == {"fenmoor_2020_adults"}


# --- units -----------------------------------------------------------------------------------

@pytest.mark.parametrize("period, year", [("2020/21", 2021), ("2019-2020", 2020), ("2022", 2022),
                                          ("April 2018 to March 2019", 2019), ("1999/00", 2000), ("none", None)])
def test_report_period_end_year(period: str, year: int | None) -> None:
    assert _period_end_year(period) == year


def test_document_date_prefers_the_meeting() -> None:
    both = Facts("d", Meeting(date="2021-05-04"), reports=(Report("o1", "2019/20"),))
    assert document_date(both) == Literal("2021-05-04", datatype=XSD.date)
    periods = Facts("d", Meeting(date="not a date"), reports=(Report("o1", "2019/20"), Report("o2", "2020/21")))
    assert document_date(periods) == Literal("2021", datatype=XSD.gYear)
    assert document_date(Facts("d")) is None


@pytest.mark.parametrize("title, role", [
    ("former Independent Chair of the Kestrel Safeguarding Children Partnership", "independent-chair"),
    ("new Independent Chair of the KSCB", "independent-chair"),
    ("Interim Independent Chair", "independent-chair"),
    ("Independent Chair, Fenmoor Safeguarding Adults Board", "independent-chair"),
    ("outgoing Chairman", "chair"),
    ("Director of Children's Services", "director-of-childrens-services"),
    ("ex officio member", "ex-officio-member"),
])
def test_time_words_do_not_make_another_post(title: str, role: str) -> None:
    assert role_iri(title)[1] == role


def _doc_graph(doc: str, when: str, membership: str, title: str) -> Graph:
    g = Graph()
    d = URIRef(f"https://x.org/doc/{doc}")
    m = URIRef(f"https://x.org/membership/{membership}")
    g.add((d, RDF.type, FOAF.Document))
    g.add((d, DCTERMS.date, Literal(when, datatype=XSD.date)))
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, SG.title, Literal(title)))
    return g


def test_a_tenure_only_ever_called_former_has_an_end_and_no_beginning() -> None:
    g = time_graph([_doc_graph("a", "2020-01-05", "p/b/chair", "former Chair"),
                    _doc_graph("b", "2019-01-05", "q/b/chair", "Chair"),
                    _doc_graph("c", "2021-06-01", "q/b/chair", "Chair")], "https://x.org/").to_graph()
    former = URIRef("https://x.org/membership/p/b/chair/tenure")
    assert g.value(former, TIME.hasBeginning) is None
    assert g.value(g.value(former, TIME.hasEnd), TIME.inXSDDate) == Literal("2020-01-05", datatype=XSD.date)
    assert g.value(former, SG.ended) == Literal(True)
    current = URIRef("https://x.org/membership/q/b/chair/tenure")
    assert str(g.value(g.value(current, TIME.hasBeginning), TIME.inXSDDate)) == "2019-01-05"
    assert str(g.value(g.value(current, TIME.hasEnd), TIME.inXSDDate)) == "2021-06-01"
    assert g.value(current, SG.ended) is None
    # deterministic: the same documents in another order give the same triples
    again = time_graph([_doc_graph("c", "2021-06-01", "q/b/chair", "Chair"),
                        _doc_graph("a", "2020-01-05", "p/b/chair", "former Chair"),
                        _doc_graph("b", "2019-01-05", "q/b/chair", "Chair")], "https://x.org/").to_graph()
    assert sorted(g) == sorted(again)
