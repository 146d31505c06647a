"""kg.validate and `kg validate`: good graphs conform, broken ones name the broken node."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg.cli.graph_cmds import validate_cmd
from kg.model import Chair, Evidence, Facts, Organisation, Person, Resolution, Theme
from kg.ns import FOAF, OA, ORG, PROV, RDF, SG, XSD, DCTERMS
from kg.rdf import build_dataset, document_graph, entities_graph
from kg.validate import Result, ValidationReport, format_report, validate

BASE = "https://example.org/kg/"
SENTENCE = "Priya Nair chairs the Fenland Safeguarding Adults Board."
EV = Evidence(SENTENCE, 200, 200 + len(SENTENCE))

FACTS = Facts(
    document="fen_scrutiny",
    organisations=(Organisation("o1", "Fenland Safeguarding Adults Board", "safeguarding-adults"),),
    people=(Person("p1", "Priya Nair"),),
    chairs=(Chair("p1", "o1", "Chair", EV),),
    themes=(Theme("domestic-abuse", EV),),
)

POST = URIRef(BASE + "post/fenland-safeguarding-adults-board/chair")
MENTION = URIRef(BASE + "mention/fen_scrutiny/domestic-abuse")
SELECTOR = URIRef(BASE + f"doc/fen_scrutiny/char/{EV.start}-{EV.end}/selector")


def good_graph() -> Graph:
    g = document_graph(FACTS, Resolution({}, {}), BASE)
    g += entities_graph(Resolution({}, {}), BASE)
    return g


def focus_paths(report: ValidationReport) -> set[tuple[str, str | None]]:
    return {(r.focus, r.path) for r in report.results}


def test_correct_graph_conforms() -> None:
    report = validate(good_graph())
    assert report.conforms is True
    assert report.results == ()
    assert report.nodes > 5
    assert format_report(report) == f"Conforms: {report.nodes} nodes checked, no problems"


def test_dataset_is_checked_as_a_union() -> None:
    # labels live in the entities graph, facts in the document graph: seen together
    ds = build_dataset([FACTS], Resolution({}, {}), BASE)
    assert validate(ds).conforms is True


def test_chair_post_without_holder_and_mention_without_provenance() -> None:
    g = good_graph()
    g.remove((POST, ORG.heldBy, None))
    g.remove((MENTION, PROV.wasDerivedFrom, None))
    report = validate(g)
    assert report.conforms is False
    assert focus_paths(report) == {(str(POST), "org:heldBy"),
                                   (str(MENTION), "prov:wasDerivedFrom")}
    by_focus = {r.focus: r for r in report.results}
    assert "Nobody holds this chair post" in by_focus[str(POST)].message
    assert "no evidence" in by_focus[str(MENTION)].message
    assert all(r.severity == "Violation" for r in report.results)
    text = format_report(report)
    assert text.splitlines()[0].startswith("Does not conform:")
    assert f"<{POST}> org:heldBy: Nobody holds this chair post" in text
    assert len(text.splitlines()) == 3


def test_bad_selector_foreign_theme_two_names_and_bad_date() -> None:
    g = good_graph()
    g.remove((SELECTOR, OA.start, None))
    g.add((SELECTOR, OA.start, Literal(EV.end + 5)))  # starts after it ends
    g.set((MENTION, SG.theme, URIRef("https://example.org/themes/knitting")))
    person = URIRef(BASE + "person/priya-nair")
    g.add((person, FOAF.name, Literal("P. Nair")))
    g.add((person, DCTERMS.date, Literal("2021-13-45", datatype=XSD.date)))
    report = validate(g)
    assert not report.conforms
    found = focus_paths(report)
    assert (str(SELECTOR), "oa:start") in found
    assert (str(MENTION), "sg:theme") in found
    assert (str(person), "foaf:name") in found
    assert (str(person), "dcterms:date") in found
    theme = next(r for r in report.results if r.path == "sg:theme")
    assert theme.value == "https://example.org/themes/knitting"


def test_post_in_missing_and_membership_without_person() -> None:
    g = good_graph()
    g.remove((POST, ORG.postIn, None))
    membership = next(g.subjects(RDF.type, ORG.Membership))
    g.remove((membership, ORG.member, None))
    found = focus_paths(validate(g))
    assert (str(POST), "org:postIn") in found
    assert (str(membership), "org:member") in found


def test_format_report_lists_every_problem() -> None:
    report = ValidationReport(False, (
        Result("https://x/a", "org:heldBy", "Nobody holds it.", "Violation"),
        Result("https://x/b", None, "Odd.", "Warning", '"v"'),
    ), nodes=2)
    assert format_report(report).splitlines() == [
        "Does not conform: 2 nodes checked, 2 problem(s), 1 violation(s)",
        "Violation: <https://x/a> org:heldBy: Nobody holds it.",
        'Warning: <https://x/b>: Odd. (value: "v")',
    ]


# --- the command ------------------------------------------------------------------------

@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_cli_conforms_exit_0(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "good.ttl"
    good_graph().serialize(path, format="turtle")
    result = runner.invoke(validate_cmd, ["--file", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Conforms: ")
    assert "no problems" in result.output


def test_cli_store_reads_the_store(runner: CliRunner, tmp_path: Path) -> None:
    from kg.store import GraphStore
    with GraphStore.open(tmp_path) as store:
        store.replace_graph(BASE + "graph/doc-1", good_graph())
    result = runner.invoke(validate_cmd, ["--store", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Conforms:")


def test_cli_trig_file_is_read_as_dataset(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "kg.trig"
    build_dataset([FACTS], Resolution({}, {}), BASE).serialize(path, format="trig")
    result = runner.invoke(validate_cmd, ["--file", str(path)])
    assert result.exit_code == 0, result.output


def test_cli_broken_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    g = good_graph()
    g.remove((POST, ORG.heldBy, None))
    path = tmp_path / "broken.ttl"
    g.serialize(path, format="turtle")
    result = runner.invoke(validate_cmd, ["--file", str(path)])
    assert result.exit_code == 1
    assert "Does not conform" in result.output
    assert f"<{POST}> org:heldBy" in result.output


def test_cli_missing_store_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    store = tmp_path / "build"
    result = runner.invoke(validate_cmd, ["--store", str(store)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: no store at {store}/: run `kg build` first"
    assert result.stdout == ""


def test_cli_missing_or_unparseable_file_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(validate_cmd, ["--file", str(tmp_path / "nope.ttl")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is <not turtle", encoding="utf-8")
    result = runner.invoke(validate_cmd, ["--file", str(bad)])
    assert result.exit_code == 2
    # read by kg.store's offline parser (kg.rdfguard), so the message is the catalogue's RdfFileError
    assert result.stderr.startswith(f"Error: {bad}: not readable as turtle (")
    assert len(result.stderr.strip().splitlines()) == 1
    # where the parser stopped: the line and the columns
    assert "line 1" in result.stderr and "columns 1 and 5" in result.stderr


def test_cli_help_has_example(runner: CliRunner) -> None:
    result = runner.invoke(validate_cmd, ["--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert "kg validate --store build" in result.output


def test_mention_with_two_boards_review_without_kind_and_two_chair_memberships() -> None:
    """The shapes of issue 10: a theme mention has one board at most, a review has a kind,
    a chair holds one membership per board."""
    g = good_graph()
    board = URIRef(BASE + "org/fenland-safeguarding-adults-board")
    other = URIRef(BASE + "org/fenland-community-safety-partnership")
    g.add((other, RDF.type, SG.CommunitySafetyPartnership))
    g.add((other, RDF.type, ORG.Organization))
    g.add((other, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Fenland CSP")))
    g.add((MENTION, SG.about, board))
    assert validate(g).conforms is True  # one board: fine
    g.add((MENTION, SG.about, other))
    review = URIRef(BASE + "review/fenland/case-review/unnamed")
    g.add((review, RDF.type, SG.CaseReview))
    g.add((review, PROV.wasDerivedFrom, URIRef(BASE + f"doc/fen_scrutiny/char/{EV.start}-{EV.end}")))
    person = URIRef(BASE + "person/priya-nair")
    second = URIRef(BASE + "membership/priya-nair/fenland-safeguarding-adults-board/independent-chair")
    g.add((second, RDF.type, ORG.Membership))
    g.add((second, ORG.member, person))
    g.add((second, ORG.organization, board))
    g.add((second, ORG.role, URIRef("https://w3id.org/safeguarding-kg/role/independent-chair")))
    g.add((second, PROV.wasDerivedFrom, URIRef(BASE + f"doc/fen_scrutiny/char/{EV.start}-{EV.end}")))
    report = validate(g)
    assert report.conforms is False
    by_focus = {(r.focus, r.path): r.message for r in report.results}
    assert "more than one board" in by_focus[(str(MENTION), "sg:about")]
    assert "exactly one kind" in by_focus[(str(review), "sg:reviewKind")]
    assert any(f == str(person) and "two chair memberships" in m for (f, _), m in by_focus.items())
    assert len(report.results) == 3
