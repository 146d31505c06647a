"""Remote stores: `kg push` (Graph Store Protocol PUT per named graph) and `kg query
--endpoint`, against a real Oxigraph server started here on 127.0.0.1.

The server is the ``oxigraph`` binary from PyPI (``oxigraph>=0.5,<0.6``); these tests
skip, saying so, only when it is not installed. It runs with --union-default-graph, the
setting that gives remote queries the same default graph as `kg query` on the store.
"""

from __future__ import annotations

import http.client
import subprocess
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli.serve_cmds import push_cmd
from kg.iri import DEFAULT_BASE
from kg.query import list_named_queries, run_query
from kg.remote import PushError, UnknownGraph, graph_url, push
from kg.serve import OxigraphMissing, find_oxigraph, free_port
from kg.store import GraphStore

TEXTS = Path(__file__).resolve().parent / "texts" / "incremental"
PARAMS = {"themes-of": {"board": "<https://w3id.org/safeguarding-kg/id/org/ashcombe-safeguarding-children-partnership>"},
          "theme-evidence": {"theme": "neglect"}}


def oxigraph_binary() -> str:
    try:
        return find_oxigraph()
    except OxigraphMissing:
        pytest.skip("the oxigraph server binary is not installed (pip install 'oxigraph>=0.5,<0.6')")


def start_oxigraph(location: Path, *extra: str, union: bool = True) -> tuple[subprocess.Popen[bytes], str]:
    """`oxigraph serve` on a free loopback port, once it answers; (process, base URL).
    ``union``: the default graph is the union of the named graphs (else the server's own)."""
    binary = oxigraph_binary()
    flags = ["--union-default-graph"] if union else []
    for _ in range(3):  # the port can be taken between free_port() and the server's bind
        port = free_port()
        proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                                 *flags, *extra],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            try:
                conn.request("GET", "/query?query=ASK%7B%7D")
                if conn.getresponse().status == 200:
                    return proc, f"http://127.0.0.1:{port}"
            except OSError:
                time.sleep(0.05)
            finally:
                conn.close()
        stop(proc)
    pytest.fail("the oxigraph server did not start on 127.0.0.1")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stderr is not None:
        proc.stderr.close()


@pytest.fixture
def remote(tmp_path: Path) -> Iterator[str]:
    """An empty, writable Oxigraph server; its base URL (``/store``, ``/query`` below it)."""
    proc, url = start_oxigraph(tmp_path / "remote-db")
    try:
        yield url
    finally:
        stop(proc)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from the four invented minutes of tests/texts/incremental."""
    store_dir = tmp_path_factory.mktemp("push") / "build"
    build([TEXTS], store_dir, view=False)
    return store_dir


def remote_graph(url: str, graph_iri: str) -> set[str]:
    """The remote graph's triples as N-Triples lines (GET from the Graph Store)."""
    conn = http.client.HTTPConnection(urllib.parse.urlsplit(url).netloc, timeout=10)
    try:
        conn.request("GET", "/store?" + urllib.parse.urlencode({"graph": graph_iri}),
                     headers={"Accept": "application/n-triples"})
        response = conn.getresponse()
        body = response.read()
        if response.status == 404:
            return set()
        assert response.status == 200, body
    finally:
        conn.close()
    return {str(t) for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)}


def local_graph(store: GraphStore, graph_iri: str) -> set[str]:
    return {str(ox.Triple(q.subject, q.predicate, q.object))
            for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))}


def test_graph_url_quotes_the_iri_and_keeps_an_existing_query_string() -> None:
    assert graph_url("http://h/store", "https://x/id/graph/a b") == "http://h/store?graph=https%3A%2F%2Fx%2Fid%2Fgraph%2Fa+b"
    assert graph_url("http://h/ds/data?x=1", "urn:g") == "http://h/ds/data?x=1&graph=urn%3Ag"
    assert graph_url("http://h/store", None) == "http://h/store?default"


def test_push_writes_every_named_graph_as_it_is(built: Path, remote: str) -> None:
    with GraphStore.open(built, read_only=True) as store:
        report = push(store, remote + "/store")
        names = store.graph_names()
        assert [g.iri for g in report.graphs] == names
        assert {g.status for g in report.graphs} == {201}  # all new on the remote
        assert report.triples == len(store) == sum(len(local_graph(store, n)) for n in names)
        for name in names:
            assert remote_graph(remote, name) == local_graph(store, name), name
    assert len(names) == 7  # four documents, entities, ontology, time
    assert f"pushed 7 graph(s), {report.triples} triples" in report.summary()


def test_pushing_again_replaces_graphs_without_leftovers(built: Path, remote: str, tmp_path: Path) -> None:
    doc = DEFAULT_BASE + "graph/ashcombe_cabinet"
    with GraphStore.open(built, read_only=True) as store:
        push(store, remote + "/store", fmt="turtle")
        quads = sorted(store.ox.quads_for_pattern(None, None, None, ox.NamedNode(doc)), key=str)
    smaller = GraphStore.in_memory()
    smaller.ox.extend(quads[:5])
    kept = local_graph(smaller, doc)
    assert len(kept) == 5 < len(quads)
    again = push(smaller, remote + "/store")
    assert [(g.iri, g.triples, g.status) for g in again.graphs] == [(doc, 5, 204)]  # replaced, not added to
    assert remote_graph(remote, doc) == kept
    assert remote_graph(remote, DEFAULT_BASE + "graph/entities")  # graphs not pushed are left alone


def test_kg_query_endpoint_answers_as_the_store_does(built: Path, remote: str) -> None:
    with GraphStore.open(built, read_only=True) as store:
        push(store, remote + "/store")
        for name, _ in list_named_queries():
            params = PARAMS.get(name)
            local = run_query(store, name, params).records()
            assert run_query(remote + "/query", name, params).records() == local, name
        two_hop = ("SELECT ?board ?theme WHERE { ?m sg:about ?b ; sg:theme ?t . ?b rdfs:label ?board . "
                   "BIND(STRAFTER(STR(?t), STR(sgt:)) AS ?theme) } ORDER BY ?board ?theme")
        rows = run_query(remote + "/query", two_hop).records()
        assert rows == run_query(store, two_hop).records()
    assert {"board": "Ashcombe Safeguarding Children Partnership", "theme": "neglect"} in rows


def test_push_only_the_graphs_asked_for(built: Path, remote: str) -> None:
    wanted = DEFAULT_BASE + "graph/brackenford_adults"
    with GraphStore.open(built, read_only=True) as store:
        report = push(store, remote + "/store", [wanted])
    assert [g.iri for g in report.graphs] == [wanted]
    assert remote_graph(remote, DEFAULT_BASE + "graph/ashcombe_children") == set()


def test_an_unknown_graph_stops_the_push_before_anything_is_written(built: Path, remote: str) -> None:
    with GraphStore.open(built, read_only=True) as store:
        with pytest.raises(UnknownGraph, match=r"no named graph <urn:nope> in .*build/"):
            push(store, remote + "/store", [DEFAULT_BASE + "graph/entities", "urn:nope"])
    assert remote_graph(remote, DEFAULT_BASE + "graph/entities") == set()


def test_kg_push_command(built: Path, remote: str) -> None:
    result = CliRunner().invoke(push_cmd, ["--endpoint", remote + "/store", "--store", str(built)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("pushed 7 graph(s), ") and "(7 created, 0 replaced)" in result.output
    assert "Example:" in push_cmd.help
    # the example pushes to a writable store, not kg serve's read-only port, and says
    # how to make `kg query --endpoint` see the pushed named graphs
    assert "--union-default-graph" in push_cmd.help and "7879/store" in push_cmd.help
    assert "7878/store" not in push_cmd.help


def test_kg_push_to_nothing_listening_is_one_line_and_exit_2(built: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    result = CliRunner().invoke(push_cmd, ["--endpoint", url, "--store", str(built)])
    assert result.exit_code == 2  # nothing was written: nothing could be done
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: Graph Store {url}: PUT of <{DEFAULT_BASE}graph/")
    assert "0 of 7 graph(s) were written before it" in lines[0] and "refused" in lines[0].lower()


def test_a_refused_put_names_the_status(built: Path, tmp_path: Path) -> None:
    with GraphStore.open(built, read_only=True) as store:
        with pytest.raises(PushError, match="not an http"):
            push(store, "file:///tmp/x")
    proc, base = start_oxigraph(tmp_path / "other")
    try:
        with GraphStore.open(built, read_only=True) as store:
            with pytest.raises(PushError, match=r"HTTP 404"):
                push(store, base + "/no-such-route")
    finally:
        stop(proc)
