"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint (Oxigraph's server behind a small
front) with the store's views beside it, on 127.0.0.1 only.

Skips, saying so, only when the ``oxigraph`` binary (PyPI ``oxigraph>=0.5,<0.6``) is not
installed.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli.serve_cmds import serve_cmd
from kg.errors import NoStore
from kg.iri import DEFAULT_BASE
from kg.query import list_named_queries, run_query
from kg.remote import PushError, push
from kg.serve import OxigraphMissing, ReadOnlyEndpoint, ServeConfig, ServeError, find_oxigraph, free_port
from kg.store import GraphStore

TEXTS = Path(__file__).resolve().parent / "texts" / "incremental"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
PARAMS = {"themes-of": {"board": "<https://w3id.org/safeguarding-kg/id/org/ashcombe-safeguarding-children-partnership>"},
          "theme-evidence": {"theme": "neglect"}}


@pytest.fixture(scope="module")
def binary() -> str:
    try:
        return find_oxigraph()
    except OxigraphMissing:
        pytest.skip("the oxigraph server binary is not installed (pip install 'oxigraph>=0.5,<0.6')")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store (with graph.html) built from the four invented minutes of tests/texts/incremental."""
    store_dir = tmp_path_factory.mktemp("serve") / "build"
    build([TEXTS], store_dir, view=True)
    return store_dir


@pytest.fixture(scope="module")
def served(built: Path, binary: str) -> Iterator[ReadOnlyEndpoint]:
    with ReadOnlyEndpoint(ServeConfig(built, port=0)) as endpoint:
        yield endpoint


def request(url: str, method: str = "GET", body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.netloc, timeout=30)
    try:
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), body=body,
                     headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def count_over_http(endpoint: ReadOnlyEndpoint) -> int:
    status, _, body = request(endpoint.query_url + "?" + urllib.parse.urlencode({"query": COUNT}),
                              headers={"Accept": "application/sparql-results+json"})
    assert status == 200
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_it_listens_on_loopback_by_default(served: ReadOnlyEndpoint) -> None:
    assert served.url.startswith("http://127.0.0.1:") and served.url.endswith("/")
    assert served.query_url == served.url + "query"


def test_the_protocol_get_and_post_forms_give_the_union_of_the_graphs(served: ReadOnlyEndpoint,
                                                                       built: Path) -> None:
    with GraphStore.open(built, read_only=True) as store:
        expected = int(run_query(store, COUNT).column("n")[0])
    assert count_over_http(served) == expected > 1000
    status, headers, body = request(served.query_url, "POST", urllib.parse.urlencode({"query": COUNT}).encode(),
                                    {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    assert status == 200 and headers["content-type"].startswith("text/csv")
    assert body.decode().split() == ["n", str(expected)]
    status, _, body = request(served.url + "sparql", "POST", COUNT.encode(),
                              {"Content-Type": "application/sparql-query",
                               "Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == str(expected)


def test_kg_query_endpoint_gives_the_same_answers_as_the_store(served: ReadOnlyEndpoint, built: Path) -> None:
    with GraphStore.open(built, read_only=True) as store:  # a second reader beside the server
        for name, _ in list_named_queries():
            params = PARAMS.get(name)
            assert run_query(served.query_url, name, params).records() == \
                run_query(store, name, params).records(), name
    chairs = run_query(served.query_url, "chairs").column("name")
    assert chairs == ["Nadia Frost", "Rosalind Vane", "Rosalind Vane", "Tobias Wren"]


def test_updates_and_writes_are_refused(served: ReadOnlyEndpoint) -> None:
    before = count_over_http(served)
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    status, _, body = request(served.query_url, "POST", urllib.parse.urlencode({"update": update}).encode(), form)
    assert (status, body) == (403, b"kg serve is read-only: SPARQL updates are refused\n")
    assert request(served.query_url, "POST", update.encode(), {"Content-Type": "application/sparql-update"})[0] == 403
    assert request(served.url + "update", "POST", urllib.parse.urlencode({"update": update}).encode(), form)[0] == 405
    status, headers, _ = request(served.url + "store?default", "PUT", b"<urn:a> <urn:b> <urn:c> .",
                                 {"Content-Type": "application/n-triples"})
    assert status == 405 and headers["allow"] == "GET, HEAD, POST"
    assert request(served.url + "store?default", "DELETE")[0] == 405
    assert request(served.url + "store?default", "POST", b"<urn:a> <urn:b> <urn:c> .",
                   {"Content-Type": "application/n-triples"})[0] == 405
    assert count_over_http(served) == before


def test_push_to_the_read_only_endpoint_fails_with_the_status(served: ReadOnlyEndpoint, built: Path) -> None:
    with GraphStore.open(built, read_only=True) as store:
        with pytest.raises(PushError, match=r"HTTP 405 Method Not Allowed: kg serve is read-only") as refused:
            push(store, served.url + "store")
    # the refusal says what to do instead, and it is not "use kg push" (which was used)
    assert "oxigraph serve --location" in str(refused.value) and "--union-default-graph" in str(refused.value)


def test_one_graph_can_be_read_with_the_graph_store_protocol(served: ReadOnlyEndpoint) -> None:
    graph = DEFAULT_BASE + "graph/coldharbour_community"
    status, headers, body = request(served.url + "store?" + urllib.parse.urlencode({"graph": graph}),
                                    headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["content-type"].startswith("application/n-triples")
    assert b"Coldharbour Community Safety Partnership" in body


def test_the_views_are_served_beside_the_endpoint(served: ReadOnlyEndpoint, built: Path) -> None:
    status, headers, body = request(served.url + "view")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert body == (built / "graph.html").read_bytes()
    status, headers, body = request(served.url + "view/kg.ttl")
    assert status == 200 and body == (built / "kg.ttl").read_bytes()
    assert request(served.url + "view/graph.html", "HEAD")[0] == 200
    for bad in ("view/..%2Foxigraph%2FCURRENT", "view/manifest.lock", "view/.hidden.html", "view/nothing.html",
                "elsewhere"):
        status, _, body = request(served.url + bad)
        assert status == 404, bad
        assert body.endswith(b"\n") and body.count(b"\n") == 1
    assert request(served.url)[0] == 200  # Oxigraph's query page
    assert request(served.url + "yasgui.min.js")[0] == 200


def test_twenty_concurrent_clients_get_the_same_answer(served: ReadOnlyEndpoint) -> None:
    query = "SELECT ?name WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?name } ORDER BY ?name"
    url = served.query_url + "?" + urllib.parse.urlencode({"query": query})
    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(lambda _: request(url, headers={"Accept": "text/csv"}), range(100)))
    assert {status for status, _, _ in answers} == {200}
    assert len({body for _, _, body in answers}) == 1 and b"Rosalind Vane" in answers[0][2]


def test_close_stops_the_oxigraph_process(built: Path, binary: str) -> None:
    endpoint = ReadOnlyEndpoint(ServeConfig(built, port=0)).start()
    pid, url = endpoint.pid, endpoint.url
    assert pid is not None and Path(f"/proc/{pid}").exists() or sys.platform != "linux"
    endpoint.close()
    endpoint.close()  # idempotent
    with pytest.raises(OSError):
        request(url)
    if sys.platform == "linux":
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]


def test_missing_store_binary_and_busy_port_are_one_line_errors(built: Path, binary: str, tmp_path: Path) -> None:
    with pytest.raises(NoStore, match=r"no store at .*/nothing/: run `kg build` first"):
        ReadOnlyEndpoint(ServeConfig(tmp_path / "nothing", port=0)).start()
    with pytest.raises(OxigraphMissing, match=r"/no/such/oxigraph is not an executable file.*pip install"):
        ReadOnlyEndpoint(ServeConfig(built, port=0, oxigraph="/no/such/oxigraph")).start()
    with ReadOnlyEndpoint(ServeConfig(built, port=0)) as first:
        port = int(first.url.rsplit(":", 1)[1].strip("/"))
        with pytest.raises(ServeError, match=rf"127.0.0.1:{port}: cannot listen there .*choose another --port"):
            ReadOnlyEndpoint(ServeConfig(built, port=port)).start()
        busy = CliRunner().invoke(serve_cmd, ["--store", str(built), "--port", str(port)])
        assert busy.exit_code == 2, busy.output  # nothing could be done (README)
        assert "cannot listen there" in busy.output
    result = CliRunner().invoke(serve_cmd, ["--store", str(tmp_path / "nothing"), "--port", "0"])
    assert result.exit_code == 2 and result.output.strip().count("\n") == 0
    assert result.output.startswith("Error: no store at ")
    assert "Example:" in serve_cmd.help


def _children(pid: int) -> set[int]:
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the server's child process")
def test_the_kg_serve_command_runs_until_sigterm_and_takes_oxigraph_down(built: Path, binary: str) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", "import kg.cli.serve_cmds; from kg.cli import main; main()",
                             "serve", "--store", str(built), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        line = proc.stdout.readline()
        assert line.startswith(f"kg serve: {built}/ read-only at http://127.0.0.1:{port}/"), line + proc.stderr.read()
        assert "/query" in line and "/view" in line
        children = _children(proc.pid)
        assert len(children) == 1
        status, _, body = request(f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": COUNT}),
                                  headers={"Accept": "text/csv"})
        assert status == 200 and int(body.split()[1]) > 1000
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
        assert "kg serve: stopped" in proc.stderr.read()
        time.sleep(0.1)
        assert all(not Path(f"/proc/{c}").exists() for c in children)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def test_the_endpoint_follows_a_rebuild(tmp_path: Path, binary: str) -> None:
    """kg build switches STORE/oxigraph to a new database version; the endpoint moves to it."""
    inputs = tmp_path / "minutes"
    inputs.mkdir()
    for name in ("ashcombe_children", "brackenford_adults"):
        (inputs / f"{name}.txt").write_bytes((TEXTS / f"{name}.txt").read_bytes())
    store_dir = tmp_path / "build"
    build([inputs], store_dir, view=False)
    documents = "SELECT (COUNT(?d) AS ?n) WHERE { ?d a foaf:Document }"
    with ReadOnlyEndpoint(ServeConfig(store_dir, port=0)) as endpoint:
        endpoint.GRACE_SECONDS = 0.5
        first_pid = endpoint.pid
        assert run_query(endpoint.query_url, documents).column("n") == ["2"]
        (inputs / "coldharbour_community.txt").write_bytes((TEXTS / "coldharbour_community.txt").read_bytes())
        build([inputs], store_dir, view=False)
        deadline = time.monotonic() + 20
        while endpoint.reloads == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert endpoint.reloads == 1 and endpoint.pid != first_pid
        assert run_query(endpoint.query_url, documents).column("n") == ["3"]
        while Path(f"/proc/{first_pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        if sys.platform == "linux":  # the old version's server is stopped after the grace time
            assert not Path(f"/proc/{first_pid}").exists() or \
                Path(f"/proc/{first_pid}/stat").read_text().split()[2] == "Z"


def test_the_endpoint_follows_kg_load(tmp_path: Path, binary: str) -> None:
    """kg load also writes a new database version (never the live one): no restart needed."""
    from kg.cli.store_cmds import load_cmd

    inputs = tmp_path / "minutes"
    inputs.mkdir()
    (inputs / "ashcombe_children.txt").write_bytes((TEXTS / "ashcombe_children.txt").read_bytes())
    store_dir = tmp_path / "build"
    build([inputs], store_dir, view=False)
    extra = tmp_path / "extra.ttl"
    extra.write_text('<urn:x:report> <http://www.w3.org/2000/01/rdf-schema#label> "Loaded later" .\n')
    ask = "SELECT ?label WHERE { <urn:x:report> rdfs:label ?label }"
    with ReadOnlyEndpoint(ServeConfig(store_dir, port=0)) as endpoint:
        endpoint.GRACE_SECONDS = 0.5
        assert run_query(endpoint.query_url, ask).column("label") == []
        result = CliRunner().invoke(load_cmd, [str(extra), "--store", str(store_dir)])
        assert result.exit_code == 0, result.output
        deadline = time.monotonic() + 20
        while endpoint.reloads == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert endpoint.reloads == 1
        assert run_query(endpoint.query_url, ask).column("label") == ["Loaded later"]
