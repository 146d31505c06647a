"""Named queries, prefixes, safe parameters, refusals and result formats.

Runs on the hand-written sample graph of tests/test_store.py, stored in tmp_path.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import urllib.parse
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.paths import QUERIES_DIR
from kg.query import (STANDARD_PREFIXES, QueryParameterError, QueryRefused, QuerySyntaxError,
                      UnknownQuery, format_result, list_named_queries, run_query)
from kg.store import GraphStore, QueryResult, QueryTimeout
from test_store import NSCP_LABEL, WSAB_LABEL, import_cli_module, make_sample_store

NAMED = ["annual-reports", "boards", "chairs", "chairs-in-year", "partners", "people-on-several-boards", "reviews",
         "reviews-by-year", "theme-evidence", "themes-by-partnership", "themes-by-year", "themes-of"]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_sample_store(tmp_path_factory.mktemp("query") / "build")


@pytest.fixture
def store(store_dir: Path) -> Iterator[GraphStore]:
    with GraphStore.open(store_dir, read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def query_cmd():  # type: ignore[no-untyped-def]
    return import_cli_module("store_cmds").query_cmd


def rows(result: QueryResult) -> list[tuple[str | None, ...]]:
    return [tuple(r.values()) for r in result.records()]


# --- named queries ---------------------------------------------------------------------------

def test_named_queries_are_listed_with_descriptions() -> None:
    listed = dict(list_named_queries())
    assert sorted(listed) == NAMED
    assert listed["chairs"].startswith("Who chairs which board")
    for name in NAMED:
        text = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
        assert text.startswith("# "), name
        assert "ORDER BY" in text, name
        # parameters are bound terms, never text filters; chairs-in-year's one FILTER keeps
        # the years inside a tenure (a range, which no binding can express)
        assert text.upper().count("FILTER") == (name == "chairs-in-year"), name


def test_chairs(store: GraphStore) -> None:
    result = run_query(store, "chairs")
    assert result.variables == ("name", "board", "title", "document")
    assert rows(result) == [("Alex Marlow", NSCP_LABEL, "Independent Chair", "min-001"),
                            ("Alex Marlow", WSAB_LABEL, "Chair", "min-002")]


def test_partners(store: GraphStore) -> None:
    assert rows(run_query(store, "partners")) == [
        (NSCP_LABEL, "Health", "true", None),
        (NSCP_LABEL, "Police", "true", "Northshire Constabulary"),
        (WSAB_LABEL, "Local authority", "true", None)]


def test_themes_by_partnership(store: GraphStore) -> None:
    assert rows(run_query(store, "themes-by-partnership")) == [
        (NSCP_LABEL, "Neglect", "2"), (NSCP_LABEL, "Domestic abuse", "1"),
        (WSAB_LABEL, "Mental health", "1"), (WSAB_LABEL, "Neglect", "1")]


def test_people_on_several_boards(store: GraphStore) -> None:
    assert rows(run_query(store, "people-on-several-boards")) == [
        ("Alex Marlow", "2", NSCP_LABEL), ("Alex Marlow", "2", WSAB_LABEL)]


def test_reviews(store: GraphStore) -> None:
    result = run_query(store, "reviews")
    assert result.variables == ("review", "kind", "case", "board", "document", "themes")
    assert rows(result) == [("Serious Case Review: Child Q", "serious-case-review", "Child Q",
                             NSCP_LABEL, "min-001", "Domestic abuse, Neglect")]


def test_theme_evidence_all_and_one_theme(store: GraphStore) -> None:
    every = run_query(store, "theme-evidence")
    assert every.column("theme") == ["domestic-abuse", "mental-health", "neglect", "neglect"]
    neglect = run_query(store, "theme-evidence", {"theme": "neglect"})
    assert rows(neglect) == [
        ("neglect", "Neglect", "min-001", "Neglect remains the most common reason for a child protection plan."),
        ("neglect", "Neglect", "min-002", "Both boards discussed self-neglect and neglect of children.")]


def test_boards(store: GraphStore) -> None:
    assert rows(run_query(store, "boards")) == [
        (NSCP_LABEL, "safeguarding-children", "NSCP; Northshire LSCB", "2"),
        (WSAB_LABEL, "safeguarding-adults", "WSAB", "1")]


def test_themes_of_one_board(store: GraphStore) -> None:
    assert rows(run_query(store, "themes-of", {"board": WSAB_LABEL})) == [
        (WSAB_LABEL, "Mental health", "1"), (WSAB_LABEL, "Neglect", "1")]


def test_query_from_a_file_path(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("# people\nSELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n } ORDER BY ?n\n")
    assert run_query(store, str(path)).column("n") == ["Alex Marlow", "Priya Ostrander"]
    with pytest.raises(UnknownQuery, match="see `kg query --list`"):
        run_query(store, "no-such-query")
    with pytest.raises(UnknownQuery, match="no such query file"):
        run_query(store, str(tmp_path / "missing.rq"))


# --- prefixes and parameters ------------------------------------------------------------------

def test_standard_prefixes_need_no_declaration(store: GraphStore) -> None:
    result = run_query(store, "SELECT ?name ?board WHERE { ?p org:headOf ?b ; foaf:name ?name . "
                              "?b rdfs:label ?board } ORDER BY ?board")
    assert rows(result) == [("Alex Marlow", NSCP_LABEL), ("Alex Marlow", WSAB_LABEL)]
    assert set(STANDARD_PREFIXES) >= {"sg", "sgt", "sgs", "sgr", "org", "foaf", "skos", "prov",
                                      "dcterms", "oa", "rdf", "rdfs", "owl", "xsd"}


def test_a_declared_prefix_wins(store: GraphStore) -> None:
    result = run_query(store, "PREFIX foaf: <http://example.org/not-foaf/>\n"
                              "SELECT ?n WHERE { ?p foaf:name ?n }")
    assert result.rows == ()


def test_parameter_with_quote_and_brace_is_a_plain_string(store: GraphStore) -> None:
    text = "SELECT ?title WHERE { ?m sg:title ?title }"
    hit = run_query(store, text, {"title": "Director of Children's Services"})
    assert hit.column("title") == ["Director of Children's Services"]
    for evil in ['x" } ?s ?p ?o . { "', "x' } UNION { ?m ?p ?title } #", 'a"b}c']:
        assert run_query(store, text, {"title": evil}).rows == ()
        assert run_query(store, "themes-of", {"board": evil}).rows == ()


def test_iri_parameter(store: GraphStore) -> None:
    text = "SELECT ?who ?name WHERE { ?who foaf:name ?name } ORDER BY ?name"
    result = run_query(store, text, {"who": "<https://w3id.org/safeguarding-kg/id/person/priya-ostrander>"})
    assert result.column("name") == ["Priya Ostrander"]
    # without angle brackets the same text is only a string, so nothing matches
    assert run_query(store, text, {"who": "https://w3id.org/safeguarding-kg/id/person/priya-ostrander"}).rows == ()
    with pytest.raises(QueryParameterError, match="not a valid IRI"):
        run_query(store, text, {"who": "<not an iri>"})


def test_parameter_must_be_a_query_variable(store: GraphStore) -> None:
    with pytest.raises(QueryParameterError, match=r"no variable \?colour"):
        run_query(store, "chairs", {"colour": "blue"})
    with pytest.raises(QueryParameterError, match=r"must SELECT \?p"):
        run_query(store, "SELECT ?n WHERE { ?p foaf:name ?n }", {"p": "x"})


# --- errors and refusals --------------------------------------------------------------------------

def test_syntax_error_has_line_and_column_of_the_users_text(store: GraphStore) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        run_query(store, "SELECT ?x\nWHERE {\n  ?x foaf:name\n}")
    assert (info.value.line, info.value.column) == (4, 1)
    assert str(info.value).startswith("line 4, column 1: ")
    with pytest.raises(QuerySyntaxError) as info:
        run_query(store, "SELECT * WHERE {\n  ?s ex:p ?o }")
    assert (info.value.line, info.value.column) == (2, 6)
    assert "unknown prefix 'ex:'" in str(info.value)


def test_update_is_refused(store: GraphStore) -> None:
    for text in ("INSERT DATA { <http://a> <http://b> <http://c> }",
                 "PREFIX ex: <http://example.org/>\n# a comment\ndelete where { ?s ?p ?o }",
                 "DROP ALL", "LOAD <http://example.org/x.ttl>"):
        with pytest.raises(QueryRefused, match="kg query is read-only"):
            run_query(store, text)
    assert len(store) > 0


def test_service_is_refused_unless_allowed(store: GraphStore) -> None:
    with pytest.raises(QueryRefused, match=r"SERVICE <http://elsewhere.example/sparql> is refused"):
        run_query(store, "SELECT * WHERE { SERVICE <http://elsewhere.example/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryRefused, match="SERVICE"):
        run_query(store, "SELECT * WHERE { ?s ?p ?o . service silent <http://x.example/> { ?s ?p ?o } }")
    # the word inside a string, an IRI or a comment is not a SERVICE clause
    ok = run_query(store, "# SERVICE\nSELECT ?s WHERE { ?s <http://x/SERVICE> \"SERVICE\" }")
    assert ok.rows == ()


def test_timeout(tmp_path: Path) -> None:
    store = GraphStore.in_memory()
    store.ox.extend(ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                            ox.Literal(str(i)), ox.NamedNode("http://example.org/g")) for i in range(2000))
    slow = "SELECT ?x ?y WHERE { ?a ?p ?x . ?b ?p ?y FILTER(?x < ?y) }"  # streams: stops when cancelled
    with pytest.raises(QueryTimeout, match="longer than 0.05 s"):
        run_query(store, slow, timeout=0.05)
    assert run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=30).column("n") == ["2000"]


# --- formats -------------------------------------------------------------------------------------

def _sample_result(store: GraphStore) -> QueryResult:
    return run_query(store, 'SELECT ?b ?label ?n ?none WHERE { ?b a sg:SafeguardingAdultsBoard ; rdfs:label ?label . '
                            'BIND(42 AS ?n) OPTIONAL { ?b sg:nothing ?none } }')


def test_table_format(store: GraphStore) -> None:
    text = format_result(run_query(store, "chairs"), "table")
    lines = text.splitlines()
    assert lines[0].split() == ["name", "board", "title", "document"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].startswith("Alex Marlow  " + NSCP_LABEL)
    assert lines[-1] == "(2 rows)"
    assert lines[0].index("board") == lines[2].index(NSCP_LABEL) == lines[3].index(WSAB_LABEL)
    assert lines[0].index("title") == lines[2].index("Independent Chair") == lines[3].index("Chair  ")
    classes = format_result(run_query(store, "SELECT ?c WHERE { ?b rdfs:label ?l ; a ?c } ORDER BY ?c LIMIT 2"))
    assert "org:Organization" in classes and "<http" not in classes
    one = format_result(_sample_result(store))
    assert one.splitlines()[-1] == "(1 row)"
    assert "kg:org/westmere-safeguarding-adults-board" in one  # instance IRIs shortened like classes


def test_csv_format(store: GraphStore) -> None:
    text = format_result(_sample_result(store), "csv")
    assert text.endswith("\r\n")
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed == [["b", "label", "n", "none"],
                      ["https://w3id.org/safeguarding-kg/id/org/westmere-safeguarding-adults-board",
                       WSAB_LABEL, "42", ""]]
    quoted = format_result(run_query(store, "theme-evidence", {"theme": "mental-health"}), "csv")
    assert '"Mental health support for adults ""in crisis"" was reviewed."' in quoted


def _round_trip(text: str, fmt: ox.QueryResultsFormat) -> list[dict[str, object]]:
    parsed = ox.parse_query_results(text.encode("utf-8"), format=fmt)
    names = [v.value for v in parsed.variables]
    return [{n: s[n] for n in names} for s in parsed]


@pytest.mark.parametrize("fmt", ["tsv", "json", "xml"])
def test_machine_formats_parse_back_to_the_same_terms(store: GraphStore, fmt: str) -> None:
    oxfmt = {"tsv": ox.QueryResultsFormat.TSV, "json": ox.QueryResultsFormat.JSON,
             "xml": ox.QueryResultsFormat.XML}[fmt]
    for result in (_sample_result(store), run_query(store, "theme-evidence")):
        expected = [dict(zip(result.variables, row)) for row in result.rows]
        assert _round_trip(format_result(result, fmt), oxfmt) == expected


def test_format_shapes(store: GraphStore) -> None:
    result = _sample_result(store)
    tsv = format_result(result, "tsv").splitlines()
    assert tsv[0] == "?b\t?label\t?n\t?none"
    assert tsv[1].split("\t")[2] == "42"  # Turtle's short form, as SPARQL TSV allows
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"] == ["b", "label", "n", "none"]
    binding = doc["results"]["bindings"][0]
    assert binding["label"] == {"type": "literal", "value": WSAB_LABEL}
    assert binding["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert "none" not in binding
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(format_result(result, "xml"))
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["b", "label", "n", "none"]
    assert root.find("r:results/r:result/r:binding[@name='b']/r:uri", ns) is not None


def test_ask_and_construct(store: GraphStore) -> None:
    ask = run_query(store, "ASK { ?p a sg:ChairPost }")
    assert ask.kind == "ask" and ask.boolean is True
    assert format_result(ask, "table") == "true"
    assert json.loads(format_result(ask, "json")) == {"head": {}, "boolean": True}
    assert "<boolean>true</boolean>" in format_result(ask, "xml")
    built = run_query(store, "CONSTRUCT { ?p org:headOf ?b } WHERE { ?p org:headOf ?b }")
    assert built.kind == "construct" and len(built.triples) == 2
    turtle = format_result(built, "table")
    assert turtle.startswith("@prefix org: <http://www.w3.org/ns/org#> .")
    parsed = {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)}
    assert parsed == set(built.triples)


# --- the command -----------------------------------------------------------------------------------

def test_cli_named_query_and_param(query_cmd, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    out = CliRunner().invoke(query_cmd, ["theme-evidence", "--param", "theme=neglect", "--format", "csv",
                                         "--store", str(store_dir)])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines()[0] == "theme,label,document,evidence"
    assert len(out.stdout.splitlines()) == 3


def test_cli_param_cannot_inject(query_cmd, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    out = CliRunner().invoke(query_cmd, ["themes-of", "--param", 'board=x" } ?s ?p ?o . { "',
                                         "--store", str(store_dir)])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines()[-1] == "(0 rows)"


def test_cli_syntax_error_exits_2(query_cmd, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    out = CliRunner().invoke(query_cmd, ["SELECT ?x\nWHERE {\n  ?x foaf:name\n}", "--store", str(store_dir)])
    assert out.exit_code == 2
    assert out.stderr.startswith("Error: line 4, column 1: ")
    assert out.stdout == ""


def test_cli_refusals_and_missing_store(query_cmd, store_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    update = runner.invoke(query_cmd, ["DELETE WHERE { ?s ?p ?o }", "--store", str(store_dir)])
    assert update.exit_code == 2 and "kg query is read-only" in update.stderr
    service = runner.invoke(query_cmd, ["SELECT * { SERVICE <http://h.example/> { ?s ?p ?o } }",
                                        "--store", str(store_dir)])
    assert service.exit_code == 2 and "--allow-service" in service.stderr
    missing = runner.invoke(query_cmd, ["chairs", "--store", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert missing.stderr.strip() == f"Error: no store at {tmp_path / 'nope'}/: run `kg build` first"
    bad_param = runner.invoke(query_cmd, ["chairs", "--param", "novalue", "--store", str(store_dir)])
    assert bad_param.exit_code == 2


def test_cli_list_and_help(query_cmd) -> None:  # type: ignore[no-untyped-def]
    out = CliRunner().invoke(query_cmd, ["--list"])
    assert out.exit_code == 0
    assert [line.split()[0] for line in out.stdout.splitlines()] == NAMED
    help_text = CliRunner().invoke(query_cmd, ["--help"]).stdout
    assert "Example:" in help_text and "--allow-service" in help_text


# --- a remote endpoint (parameters as a VALUES block) ----------------------------------------------

class _Endpoint(BaseHTTPRequestHandler):
    """A minimal SPARQL protocol server over an in-memory copy of the sample store."""

    store: ox.Store
    seen: list[str] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        length = int(self.headers["Content-Length"])
        query = urllib.parse.parse_qs(self.rfile.read(length).decode())["query"][0]
        self.seen.append(query)
        answer = self.store.query(query, use_default_graph_as_union=True)
        if isinstance(answer, ox.QueryTriples):
            body, media = ox.serialize(answer, format=ox.RdfFormat.N_TRIPLES), "application/n-triples"
        else:
            body, media = answer.serialize(format=ox.QueryResultsFormat.JSON), "application/sparql-results+json"
        self.send_response(200)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint(store: GraphStore) -> Iterator[str]:
    copy = ox.Store()
    copy.extend(store.quads())
    handler = type("Handler", (_Endpoint,), {"store": copy, "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("name,params", [("chairs", {}), ("boards", {}), ("theme-evidence", {"theme": "neglect"}),
                                         ("themes-of", {"board": NSCP_LABEL})])
def test_endpoint_gives_the_same_rows_as_the_store(store: GraphStore, endpoint: str, name: str,
                                                   params: dict[str, str]) -> None:
    assert run_query(endpoint, name, params).records() == run_query(store, name, params).records()


def test_endpoint_checks_syntax_locally_and_escapes_values(store: GraphStore, endpoint: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        run_query(endpoint, "SELECT ?x\nWHERE {\n  ?x foaf:name\n}")
    assert info.value.line == 4
    evil = 'x" } ?s ?p ?o . { "'
    assert run_query(endpoint, "themes-of", {"board": evil}).rows == ()
    built = run_query(endpoint, "CONSTRUCT { ?p org:headOf ?b } WHERE { ?p org:headOf ?b }")
    assert len(built.triples) == 2
