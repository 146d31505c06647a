"""A build into an empty store (kg.fullbuild): document graphs made as N-Triples text,
in worker processes or not, must give what the graph-by-graph way gives, byte for byte:
the N-Triples of every term as pyoxigraph writes it, kg.ttl, the manifest (hashes,
fingerprints) and what the pack keeps for the tenures."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

import kg.build
import kg.fullbuild
from kg.build import build
from kg.ntriples import nt_line, nt_term, stored_term
from kg.rdf import to_quads
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted([*(ROOT / "data" / "minutes").glob("*.txt"), *(ROOT / "tests" / "texts").rglob("*.txt")])

TRICKY = ['plain', 'say "hi"', "back\\slash", "two\nlines\r\n", "tab\there", "bell\x07 nul\x00 del\x7f",
          "\x08\x0c\x1f", "é ß 😀 \u2028 \u0085 \u00a0", "", "'single'", "ends with \\"]


def _literals() -> list[Literal]:
    out = []
    for text in TRICKY:
        out += [Literal(text), Literal(text, lang="en"), Literal(text, lang="EN-GB"),
                Literal(text, datatype=XSD.token), Literal(text, datatype=XSD.string)]
    out += [Literal(True), Literal(False), Literal(2021), Literal(-7), Literal("0.940", datatype=XSD.decimal),
            Literal("15000", datatype=XSD.decimal), Literal("2021-05-01", datatype=XSD.date),
            Literal("2021", datatype=XSD.gYear)]
    return out


@pytest.mark.parametrize("literal", _literals(), ids=repr)
def test_nt_term_is_pyoxigraphs_own_form(literal: Literal) -> None:
    (quad,) = to_quads([(URIRef("http://example.org/s"), URIRef("http://example.org/p"), literal)],
                       "http://example.org/g")
    assert nt_term(literal) == str(quad.object)
    assert nt_line((URIRef("http://example.org/s"), URIRef("http://example.org/p"), literal)) == \
        f"{quad.subject} {quad.predicate} {quad.object} ."


@pytest.mark.parametrize("literal", _literals(), ids=repr)
def test_stored_term_is_what_the_store_gives_back(literal: Literal) -> None:
    (quad,) = to_quads([(URIRef("http://example.org/s"), URIRef("http://example.org/p"), literal)],
                       "http://example.org/g")
    store = ox.Store()
    store.add(quad)
    dumped = store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8")
    assert dumped == f"<http://example.org/s> <http://example.org/p> {stored_term(literal)} <http://example.org/g> .\n"
    # and the text parses back to the same term
    (parsed,) = ox.parse(f"<http://x/s> <http://x/p> {nt_term(literal)} .".encode(), format=ox.RdfFormat.N_TRIPLES)
    assert parsed.object == quad.object


def test_stored_term_canonical_decimal() -> None:
    assert stored_term(Literal("0.940", datatype=XSD.decimal)) == '"0.94"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    assert nt_term(Literal("0.940", datatype=XSD.decimal)) == '"0.940"^^<http://www.w3.org/2001/XMLSchema#decimal>'


def test_nt_term_iri_and_refusals() -> None:
    assert nt_term(URIRef("https://example.org/id/person/é")) == "<https://example.org/id/person/é>"
    with pytest.raises(TypeError):
        nt_term("not a term")


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    folder.mkdir()
    for path in SEEDS:  # one folder, names made unique (several test folders share stems)
        shutil.copy(path, folder / f"{path.parent.name}_{path.name}")
    return folder


def _outputs(store_dir: Path) -> dict:
    manifest = json.loads((store_dir / "manifest.json").read_text(encoding="utf-8"))
    with sqlite3.connect(store_dir / "cache" / "index.sqlite") as db:
        tenure = sorted(db.execute("SELECT graph, fp, said FROM tenure"))
        member = sorted(db.execute("SELECT m, graph FROM member"))
    return {"kg.ttl": (store_dir / "kg.ttl").read_bytes(),
            "facts": (store_dir / "facts.jsonl").read_bytes(),
            "entities": (store_dir / "entities.jsonl").read_bytes(),
            "graphs": manifest["graphs"], "fingerprints": manifest["fingerprints"],
            "triples": manifest["outputs"]["triples"], "tenure": tenure, "member": member}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    tmp = tmp_path_factory.mktemp("full")
    inputs = _inputs(tmp)
    out = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kg.fullbuild, "POOL_MIN_DOCUMENTS", 2)  # the worker pool even for these few documents
        for name, jobs, minimum in (("pool", 2, 1), ("here", 1, 1), ("graph by graph", 1, 10**9)):
            mp.setattr(kg.build, "FULL_BUILD_MIN_DOCUMENTS", minimum)
            store_dir = tmp / name.replace(" ", "-")
            report = build([inputs], store_dir, jobs=jobs, view=False)
            assert report.documents == len(SEEDS) and not report.errors
            out[name] = _outputs(store_dir)
            with GraphStore.open(store_dir, read_only=True) as store:
                out[name]["export"] = store.export("turtle", kept=False)  # read from the store itself
                out[name]["len"] = len(store)
            out[name]["dir"] = store_dir  # type: ignore[assignment]
    return out


def test_full_build_in_workers_equals_in_process_and_graph_by_graph(builds: dict[str, dict]) -> None:
    keys = ["kg.ttl", "facts", "entities", "graphs", "fingerprints", "triples", "tenure", "member", "export", "len"]
    for key in keys:
        assert builds["pool"][key] == builds["here"][key], key
        assert builds["pool"][key] == builds["graph by graph"][key], key
    assert builds["pool"]["triples"] > 1000


def test_full_build_kg_ttl_is_the_stores_export(builds: dict[str, dict]) -> None:
    for b in builds.values():
        assert b["kg.ttl"] == b["export"]


def test_rebuild_after_a_full_build(builds: dict[str, dict], tmp_path: Path) -> None:
    """What the full build keeps (hashes, fingerprints, tenures) serves the next build:
    nothing changed, nothing is written; one document changed, kg.ttl patched is the export."""
    store_dir = tmp_path / "store"
    shutil.copytree(builds["pool"]["dir"], store_dir, symlinks=True)
    inputs = _inputs(tmp_path)
    report = build([inputs], store_dir, view=False)
    assert (report.extracted, report.graphs_written, report.graphs_removed) == (0, 0, 0)
    path = sorted(inputs.iterdir())[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n\nCouncillor Petra Lindqvist, Independent Chair of the "
                    "Board, thanked the Panel.\n", encoding="utf-8")
    report = build([inputs], store_dir, view=False)
    assert report.extracted == 1 and report.graphs_written >= 1
    with GraphStore.open(store_dir, read_only=True) as store:
        assert (store_dir / "kg.ttl").read_bytes() == store.export("turtle", kept=False)


class _BrokenPool:
    """A pool whose workers die at once (as a spawned worker does when the calling script
    has no __main__ guard)."""

    def __init__(self, *args, **kwargs) -> None:
        self.submitted = 0

    def __enter__(self) -> _BrokenPool:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def shutdown(self, *args, **kwargs) -> None:
        return None

    def submit(self, fn, *args):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        self.submitted += 1
        future: Future = Future()
        future.set_exception(BrokenProcessPool("a worker died"))
        return future


def test_a_broken_pool_falls_back_to_the_build_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _inputs(tmp_path)
    build([inputs], tmp_path / "here", jobs=1, view=False)
    monkeypatch.setattr(kg.fullbuild, "POOL_MIN_DOCUMENTS", 2)
    monkeypatch.setattr(kg.fullbuild, "ProcessPoolExecutor", _BrokenPool)
    report = build([inputs], tmp_path / "broken", jobs=2, view=False)
    assert report.documents == len(SEEDS) and not report.errors
    assert _outputs(tmp_path / "broken") == _outputs(tmp_path / "here")


def test_graph_pool_takes_entities_larger_than_a_pipe_buffer(tmp_path: Path) -> None:
    """The entities reach workers started before resolution; a payload larger than a pipe's
    64 KB must not block the build before any worker reads it (it once did). The document
    graphs made with them are those made in the build process."""
    from kg.build import _Recording, _said_json, _Unrecordable
    from kg.fullbuild import BulkLoad, GraphPool, Helpers, Spool, Task, make_graphs
    from kg.model import Entity

    base = "https://example.org/id/"
    entities = {f"person/someone-{i}": Entity(f"person/someone-{i}", "person", f"Someone {i} " + "x" * 40)
                for i in range(5000)}
    facts = (ROOT / "tests" / "texts" / "westmere_children.txt")
    from kg.extract.pipeline import extract
    from kg.ingest import read_document

    text = json.dumps(extract(read_document(facts)).to_json(), ensure_ascii=False)
    tasks = [Task(f"doc{i}", f"{base}graph/doc{i}", text.replace('"westmere_children"', f'"doc{i}"', 1), (), ())
             for i in range(8)]
    helpers = Helpers(_Recording, _Unrecordable, _said_json)
    made = {}
    for jobs, early in ((2, True), (1, False)):
        pool = GraphPool(jobs) if early else None
        store = ox.Store()
        try:
            with Spool() as spool, pytest.MonkeyPatch.context() as mp:
                mp.setattr(kg.fullbuild, "POOL_MIN_DOCUMENTS", 2)
                load = BulkLoad(store)
                made[jobs] = [(m.hash, m.deps, m.said) for m in
                              make_graphs(load, tasks, len(tasks), entities, base, helpers, jobs, spool, early=pool)]
                load.finish()
        finally:
            if pool is not None:
                pool.close()
        assert len(store) > 100
    assert made[2] == made[1]
