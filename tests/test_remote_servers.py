"""`kg push` and `kg query --endpoint` against two real servers started here on 127.0.0.1:
Oxigraph's (the ``oxigraph`` binary from PyPI) and OpenLink Virtuoso (Debian's
``virtuoso-opensource``, which `.ci/run` installs). A test skips, saying why, only when
its server's binary is not installed.

Virtuoso runs on a temporary database folder with its own ini; graphs are written
through its Graph Store endpoint ``/sparql-graph-crud-auth`` with HTTP digest
authentication as ``dba`` (the fresh database's administrator) and queried at
``/sparql``, whose default graph is the union of all graphs, as `kg query` expects.
"""

from __future__ import annotations

import http.client
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli.serve_cmds import push_cmd
from kg.iri import DEFAULT_BASE
from kg.query import list_named_queries, run_query
from kg.remote import push, query_url_for, remote_graphs
from kg.serve import free_port
from kg.store import GraphStore
from test_remote import start_oxigraph, stop

TEXTS = Path(__file__).resolve().parent / "texts" / "incremental"
PARAMS = {"themes-of": {"board": "Ashcombe Safeguarding Children Partnership"},
          "theme-evidence": {"theme": "neglect"}}
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
CheckpointInterval = 0
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@dataclass(frozen=True)
class Server:
    name: str
    store_url: str  # Graph Store Protocol
    query_url: str  # SPARQL query
    auth: tuple[str, str] | None = None


def start_virtuoso(folder: Path) -> tuple[subprocess.Popen[bytes], int]:
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("OpenLink Virtuoso is not installed (Debian: apt-get install virtuoso-opensource)")
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(db=folder, sql_port=sql_port, http_port=http_port))
    proc = subprocess.Popen([binary, "+configfile", str(folder / "virtuoso.ini"), "+foreground"], cwd=folder,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180  # a fresh database is created and checkpointed first
    while time.monotonic() < deadline and proc.poll() is None:
        conn = http.client.HTTPConnection("127.0.0.1", http_port, timeout=5)
        try:
            conn.request("GET", "/sparql?query=ASK%7B%7D")
            if conn.getresponse().status == 200:
                return proc, http_port
        except OSError:
            time.sleep(0.5)
        finally:
            conn.close()
    stop(proc)
    log = folder / "virtuoso.log"
    pytest.fail("Virtuoso did not start: " + (log.read_text(errors="replace")[-2000:] if log.is_file() else "no log"))


@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """An empty, writable server: Oxigraph (union default graph on) or Virtuoso."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "oxigraph":
        proc, url = start_oxigraph(folder / "db")
        yield Server("oxigraph", url + "/store", url + "/query")
    else:
        proc, port = start_virtuoso(folder / "db")
        url = f"http://127.0.0.1:{port}"
        yield Server("virtuoso", url + "/sparql-graph-crud-auth", url + "/sparql", ("dba", "dba"))
    stop(proc)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(inputs, store): the four invented minutes of tests/texts/incremental, built."""
    inputs = tmp_path_factory.mktemp("inputs")
    for path in TEXTS.glob("*.txt"):
        shutil.copy(path, inputs)
    store_dir = tmp_path_factory.mktemp("push") / "build"
    build([inputs], store_dir, view=False)
    return inputs, store_dir


def rows(result) -> list[dict[str, str | None]]:
    """A result's rows as plain values, with the three ways servers legally differ made
    equal: an xsd:boolean written 1/0 (Virtuoso) or true/false; GROUP_CONCAT over
    nothing given as "" (the SPARQL 1.1 answer, Virtuoso) or left unbound (Oxigraph);
    and the order of GROUP_CONCAT's parts, which SPARQL leaves to the server (our
    queries join them with "; ", so the parts are compared sorted)."""
    out = []
    for row in result.rows:
        record = {}
        for name, term in zip(result.variables, row):
            value = None if term is None else term.value
            if isinstance(term, ox.Literal) and term.datatype.value == XSD_BOOLEAN:
                value = {"1": "true", "0": "false"}.get(value, value)
            if value and "; " in value:
                value = "; ".join(sorted(value.split("; ")))
            record[name] = value or None
        out.append(record)
    return out


def test_the_query_url_of_known_graph_stores() -> None:
    assert query_url_for("http://h:7878/store") == "http://h:7878/query"
    assert query_url_for("http://h:8890/sparql-graph-crud-auth") == "http://h:8890/sparql"
    assert query_url_for("http://h:8890/sparql-graph-crud") == "http://h:8890/sparql"
    assert query_url_for("http://h:3030/ds/data") == "http://h:3030/ds/sparql"
    assert query_url_for("http://h/unknown") is None


def test_named_queries_on_the_server_give_the_rows_of_the_store(built, server: Server) -> None:
    _, store_dir = built
    with GraphStore.open(store_dir, read_only=True) as store:
        report = push(store, server.store_url, auth=server.auth)
        assert report.union_default_graph is True, report.summary()
        assert [g.iri for g in report.graphs] == store.graph_names()
        checked = 0
        for name, _ in list_named_queries():
            local = rows(run_query(store, name, PARAMS.get(name)))
            remote = rows(run_query(server.query_url, name, PARAMS.get(name)))
            # the same rows; their order only as far as ORDER BY decides it (ties are the server's)
            assert sorted(remote, key=repr) == sorted(local, key=repr), f"{server.name}: {name}"
            assert len(remote) == len(local)
            checked += bool(local)
    assert checked >= 6  # most named queries have rows on these minutes: the comparison is not of empties
    themes = rows(run_query(server.query_url, "themes-of", PARAMS["themes-of"]))
    assert themes and {r["board"] for r in themes} == {"Ashcombe Safeguarding Children Partnership"}


def test_push_prune_removes_graphs_of_documents_no_longer_built(built, server: Server, tmp_path: Path) -> None:
    inputs, store_dir = built
    gone = DEFAULT_BASE + "graph/coldharbour_community"
    smaller = tmp_path / "inputs"
    shutil.copytree(inputs, smaller)
    (smaller / "coldharbour_community.txt").unlink()
    small_store = tmp_path / "build"
    build([smaller], small_store, view=False)
    with GraphStore.open(store_dir, read_only=True) as store:
        push(store, server.store_url, auth=server.auth)
    assert gone in remote_graphs(server.query_url)
    before = set(remote_graphs(server.query_url))
    with GraphStore.open(small_store, read_only=True) as store:
        report = push(store, server.store_url, prune=True, auth=server.auth)
        names = set(store.graph_names())
    assert report.removed == (gone,)
    after = set(remote_graphs(server.query_url))
    assert gone not in after and names <= after
    assert after == before - {gone}  # graphs not under our folders (Virtuoso's own) are left alone
    assert "removed 1 remote graph(s) the store no longer holds" in report.summary()
    again = run_query(server.query_url, "SELECT ?d WHERE { ?d a foaf:Document }").column("d")
    assert sorted(again) == sorted(DEFAULT_BASE + "doc/" + p.stem for p in smaller.glob("*.txt"))


def test_kg_push_command_with_prune_and_a_password(built, server: Server, monkeypatch) -> None:
    _, store_dir = built
    args = ["--endpoint", server.store_url, "--store", str(store_dir), "--prune"]
    if server.auth:
        args += ["--user", server.auth[0]]
        monkeypatch.setenv("KG_PUSH_PASSWORD", server.auth[1])
    with GraphStore.open(store_dir, read_only=True) as store:
        graphs = len(store.graph_names())
    assert graphs >= 6  # a graph per document, the entities and the time graph
    result = CliRunner().invoke(push_cmd, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"pushed {graphs} graph(s), ")
    assert "default graph does not show" not in result.output


def test_a_server_without_the_union_default_graph_is_told_how(built, tmp_path: Path) -> None:
    _, store_dir = built
    proc, url = start_oxigraph(tmp_path / "plain", union=False)
    try:
        with GraphStore.open(store_dir, read_only=True) as store:
            report = push(store, url + "/store")
    finally:
        stop(proc)
    assert report.union_default_graph is False
    assert "oxigraph serve --union-default-graph" in report.summary()
