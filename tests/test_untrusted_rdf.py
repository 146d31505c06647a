"""Untrusted RDF never makes kg open a socket or read another file.

A listener on 127.0.0.1 records every connection, and a FIFO records every attempt to
open it for reading (a writer polls it without blocking: the open succeeds only while
someone is reading). Hostile JSON-LD (remote, ``file:`` and imported contexts), RDF/XML
(external, parameter and nested entities) and Turtle/TriG (``@base``/``@prefix`` to the
listener) go through ``kg load`` and ``kg validate --file``: each is refused with a
message naming the file, or loaded as plain names, and the listener and the FIFO see
nothing. A control test shows the listener does catch a parser that fetches (rdflib's
own JSON-LD loader), so silence means something.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kg.errors import RdfFileError
from kg.rdfguard import check_rdfxml
from kg.store import GraphStore

KG = str(Path(sys.executable).with_name("kg"))


class Listener:
    """Counts TCP connections to 127.0.0.1:port and opens of a FIFO for reading."""

    def __init__(self, folder: Path) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self.fifo = folder / "secret.fifo"
        os.mkfifo(self.fifo)
        self.connections: list[bytes] = []
        self.reads = 0
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._accept, daemon=True),
                        threading.Thread(target=self._watch_fifo, daemon=True)]
        for t in self.threads:
            t.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            conn.settimeout(1)
            try:
                self.connections.append(conn.recv(2000))
            except OSError:
                self.connections.append(b"")
            conn.close()

    def _watch_fifo(self) -> None:
        while not self.stop.is_set():
            try:
                fd = os.open(self.fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as exc:
                if exc.errno != errno.ENXIO:  # ENXIO: nobody is reading, as it should be
                    raise
                time.sleep(0.002)
                continue
            self.reads += 1
            os.write(fd, b'{"@context": {}}')
            os.close(fd)
            time.sleep(0.05)

    def close(self) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(2)
        self.sock.close()

    def quiet(self) -> bool:
        time.sleep(0.1)  # let a late connection arrive
        return not self.connections and self.reads == 0


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[Listener]:
    listening = Listener(tmp_path)
    yield listening
    listening.close()


RDF_XML_HEAD = '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ {decl} ]>\n'
RDF_XML_BODY = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.org/">'
                '<rdf:Description rdf:about="http://ex.org/s"><ex:p>{use}</ex:p></rdf:Description></rdf:RDF>\n')


def hostile_files(folder: Path, url: str, fifo: Path) -> dict[str, tuple[str, str | None]]:
    """name -> (content, words the refusal must contain; None = loads as plain names)."""
    file_url = fifo.resolve().as_uri()
    node = {"@id": "http://ex.org/s", "name": "x"}
    return {
        "remote.jsonld": (json.dumps({"@context": f"{url}/context.jsonld", **node}), "@context refers to"),
        "file.jsonld": (json.dumps({"@context": file_url, **node}), "@context refers to"),
        "list.jsonld": (json.dumps({"@context": [{"ex": "http://ex.org/"}, f"{url}/c"], **node}), "refers to"),
        "nested.jsonld": (json.dumps({"@graph": [{"@context": f"{url}/deep", **node}]}), "refers to"),
        "import.jsonld": (json.dumps({"@context": {"@version": 1.1, "@import": f"{url}/i"}, **node}), "imports"),
        "scoped.jsonld": (json.dumps({"@context": {"@version": 1.1, "knows": {"@id": "http://ex.org/k",
                                                                            "@context": file_url}}, **node}),
                          "refers to"),
        "external.rdf": (RDF_XML_HEAD.format(decl=f'<!ENTITY e SYSTEM "{url}/e">')
                         + RDF_XML_BODY.format(use="&e;"), "external XML entity 'e'"),
        "external-file.rdf": (RDF_XML_HEAD.format(decl=f'<!ENTITY f SYSTEM "{file_url}">')
                              + RDF_XML_BODY.format(use="&f;"), "external XML entity 'f'"),
        "public.rdf": (RDF_XML_HEAD.format(decl=f'<!ENTITY p PUBLIC "-//X//Y" "{url}/p">')
                       + RDF_XML_BODY.format(use="&p;"), "external XML entity 'p'"),
        "parameter.rdf": (RDF_XML_HEAD.format(decl=f'<!ENTITY % pe SYSTEM "{url}/pe"> %pe;')
                          + RDF_XML_BODY.format(use="x"), "entity 'pe'"),
        "laughs.rdf": (RDF_XML_HEAD.format(decl='<!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">')
                       + RDF_XML_BODY.format(use="&b;"), "defined by other entities"),
        "base.ttl": (f"@base <{url}/> .\n@prefix ex: <{url}/ns#> .\n<s> ex:p <{file_url}> .\n", None),
        "base.trig": (f"@base <{url}/> .\nGRAPH <g> {{ <s> <p> <o> }}\n", None),
        "base.jsonld": (json.dumps({"@context": {"@base": f"{url}/", "@vocab": f"{url}/v#"},
                                    "@id": "s", "name": "x"}), None),
        "entities.rdf": (RDF_XML_HEAD.format(decl=f'<!ENTITY ex "{url}/ns#">')
                         + RDF_XML_BODY.format(use="&ex;"), None),
    }


def test_hostile_rdf_is_refused_or_loaded_offline(tmp_path: Path, listener: Listener) -> None:
    files = hostile_files(tmp_path, listener.url, listener.fifo)
    store = tmp_path / "store"
    for name, (content, refusal) in files.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        for command in (["load", str(path), "--store", str(store)], ["validate", "--file", str(path)]):
            result = subprocess.run([KG, *command], capture_output=True, text=True, timeout=60)
            if refusal is None:
                assert result.returncode in (0, 1) and "Error" not in result.stderr, (name, result.stderr)
            else:
                assert result.returncode in (1, 2), (name, command, result.stderr)
                assert str(path) in result.stderr and refusal in result.stderr, (name, result.stderr)
                assert "Traceback" not in result.stderr
            assert listener.quiet(), (name, command, listener.connections, listener.reads)
    # what loaded is there, with the listener's addresses as plain names
    query = subprocess.run([KG, "query", f"ASK {{ <{listener.url}/s> ?p ?o }}", "--store", str(store),
                            "--format", "csv"], capture_output=True, text=True, timeout=60)
    assert query.stdout.split()[-1] == "true"


def test_the_listener_catches_a_parser_that_fetches(tmp_path: Path, listener: Listener) -> None:
    """Control: rdflib alone fetches a remote JSON-LD context, and the listener sees it."""
    import rdflib

    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps({"@context": f"{listener.url}/c", "@id": "http://ex.org/s", "name": "x"}))
    with pytest.raises(Exception):
        rdflib.Graph().parse(path, format="json-ld")
    deadline = time.monotonic() + 5
    while not listener.connections and time.monotonic() < deadline:
        time.sleep(0.02)
    assert listener.connections and listener.connections[0].startswith(b"GET /c")
    # and the FIFO catches a reader of the file
    assert listener.fifo.read_text() == '{"@context": {}}' and listener.reads == 1


def test_internal_entities_within_bounds_load(tmp_path: Path) -> None:
    path = tmp_path / "owl.rdf"
    path.write_text(RDF_XML_HEAD.format(decl='<!ENTITY ex "http://ex.org/ns#"> <!ENTITY amp2 "a &amp; b">')
                    + RDF_XML_BODY.format(use="&ex;thing &amp2;"), encoding="utf-8")
    with GraphStore.in_memory() as store:
        loaded = store.load_file(path)
        assert loaded.added == 1
        assert store.query("SELECT ?o WHERE { ?s ?p ?o }").column("o") == ["http://ex.org/ns#thing a & b"]


def test_entity_expansion_is_bounded(tmp_path: Path) -> None:
    value = "x" * 100_000
    path = tmp_path / "quadratic.rdf"
    path.write_text(RDF_XML_HEAD.format(decl=f'<!ENTITY big "{value}">')
                    + RDF_XML_BODY.format(use="&big;" * 200), encoding="utf-8")
    with pytest.raises(RdfFileError, match="would expand to over 16 MB"):
        check_rdfxml(path)


_TOKENS = st.sampled_from([
    '<!ENTITY e SYSTEM "{url}/e">', '<!ENTITY  e   PUBLIC "x" "{url}/e">', '<!ENTITY % p SYSTEM "{url}/p"> %p;',
    '<!ENTITY n "&m;">', "<!ENTITY m 'plain'>", '<!ELEMENT a ANY>', '<!ATTLIST a b CDATA "{url}">', " ", "\n",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(decls=st.lists(_TOKENS, max_size=6), use=st.sampled_from(["&e;", "&n;", "&m;", "x", "&p;"]),
       context=st.one_of(st.just("{url}/c"), st.just("file:///etc/hostname"), st.just({"ex": "http://ex.org/"}),
                         st.lists(st.sampled_from(["{url}/c", {"@import": "{url}/i"}, {}]), max_size=3)))
def test_generated_rdf_never_reaches_out(tmp_path: Path, listener: Listener, decls, use, context) -> None:
    """In-process loads of generated JSON-LD and RDF/XML: refused or loaded, never fetched."""
    url = listener.url
    rdfxml = tmp_path / "g.rdf"
    rdfxml.write_text(RDF_XML_HEAD.format(decl=" ".join(decls).replace("{url}", url))
                      + RDF_XML_BODY.format(use=use), encoding="utf-8")
    jsonld = tmp_path / "g.jsonld"
    jsonld.write_text(json.dumps({"@context": context, "@id": "http://ex.org/s", "name": "x"})
                      .replace("{url}", url), encoding="utf-8")
    for path in (rdfxml, jsonld):
        with GraphStore.in_memory() as store:
            try:
                store.load_file(path)
            except RdfFileError as exc:
                assert str(path) in str(exc)
    assert not listener.connections


@pytest.mark.parametrize("depth, loads", [(200, True), (201, False), (5000, False)])
def test_deep_jsonld_is_refused_before_the_parser_overflows(tmp_path: Path, depth: int, loads: bool) -> None:
    """pyoxigraph's JSON-LD parser recurses: a file nested thousands deep crashed the
    process (found by scripts/fuzz.py). It is refused by name instead."""
    path = tmp_path / "deep.jsonld"
    path.write_text('{"@context": {"ex": "http://ex.org/"}, "@id": "ex:s", "ex:d": '
                    + '{"ex:d": ' * (depth - 1) + '"x"' + "}" * (depth - 1) + "}", encoding="utf-8")
    with GraphStore.in_memory() as store:
        if loads:
            assert store.load_file(path).statements == depth
        else:
            with pytest.raises(RdfFileError, match="nests objects or arrays over 200 deep"):
                store.load_file(path)
