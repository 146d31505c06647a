"""The export kept with each store version (kg.store: kg-export.ttl and its stamp).

`kg load` and `kg build` leave `export("turtle")` inside the database version they make,
so `kg export` need not read every stored term back out of RocksDB. What must hold: the
bytes served are always those of an export read from the store itself, whatever wrote
the store since; a version that changed, a copy made by a later writer, a damaged or
unstamped file, is never served.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import main
from kg.netx import _cache_stamp
from kg.store import EXPORT_SNAPSHOT, EXPORT_STAMP, GraphStore, live_database

FORMATS = ("turtle", "nt", "jsonld")
TEXTS = Path(__file__).resolve().parent / "texts" / "incremental"

FIRST = """@prefix ex: <http://example.org/> .
ex:board ex:label "Northshire Board"@en ; ex:members 12 ; ex:share 0.940 ; ex:chair ex:alex .
ex:alex ex:name "Alex Marlow" .
"""
SECOND = """@prefix ex: <http://example.org/> .
ex:alex ex:name "Alex Marlow" ; ex:role "Independent Chair" .
ex:priya ex:name "Priya Ostrander" .
"""
BLANK = """@prefix ex: <http://example.org/> .
ex:board ex:evidence [ ex:text "minutes, item 4" ; ex:start 10 ] .
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _load(store_dir: Path, *files: Path) -> None:
    with GraphStore.writing(store_dir) as store:
        for f in files:
            store.load_file(f)


def _expected(*files: Path) -> dict[str, bytes]:
    """The exports of the same files loaded into a store in memory (which keeps nothing)."""
    memory = GraphStore.in_memory()
    for f in files:
        memory.load_file(f)
    return {fmt: memory.export(fmt) for fmt in FORMATS}


def _exports(store_dir: Path) -> dict[str, bytes]:
    with GraphStore.open(store_dir, read_only=True) as store:
        return {fmt: store.export(fmt) for fmt in FORMATS}


def _kept(store_dir: Path) -> bytes | None:
    with GraphStore.open(store_dir, read_only=True) as store:
        return store.kept_export()


def test_a_load_keeps_the_export_read_from_the_store(tmp_path: Path) -> None:
    first = _write(tmp_path, "first.ttl", FIRST)
    _load(tmp_path / "s", first)
    kept = _kept(tmp_path / "s")
    assert kept is not None and b'"Northshire Board"@en' in kept
    with GraphStore.open(tmp_path / "s", read_only=True) as store:
        from_store = {fmt: store.export(fmt, kept=False) for fmt in FORMATS}
    assert _exports(tmp_path / "s") == from_store == _expected(first)
    assert from_store["turtle"] == kept
    assert b" 0.94 " in kept  # the store's own form of 0.940, as an export read from it gives


@pytest.mark.parametrize("second_text", [SECOND, BLANK], ids=["patched", "remade-with-blank-nodes"])
def test_a_load_into_an_existing_store_is_never_served_the_old_export(tmp_path: Path, second_text: str) -> None:
    first, second = _write(tmp_path, "first.ttl", FIRST), _write(tmp_path, "second.ttl", second_text)
    _load(tmp_path / "s", first)
    before = _exports(tmp_path / "s")
    _load(tmp_path / "s", second)
    after = _exports(tmp_path / "s")
    assert _kept(tmp_path / "s") is not None  # worked out from the first version's and what was added
    assert after == _expected(first, second)
    assert after["turtle"] != before["turtle"]
    with GraphStore.open(tmp_path / "s", read_only=True) as store:
        assert {fmt: store.export(fmt, kept=False) for fmt in FORMATS} == after


def test_the_cli_after_load_into_an_existing_store(tmp_path: Path) -> None:
    first, second = _write(tmp_path, "first.ttl", FIRST), _write(tmp_path, "second.ttl", SECOND)
    runner = CliRunner()
    store = str(tmp_path / "s")
    assert runner.invoke(main, ["load", str(first), "--store", store]).exit_code == 0
    old = runner.invoke(main, ["export", "--store", store]).stdout_bytes
    assert runner.invoke(main, ["load", str(second), "--store", store]).exit_code == 0
    new = runner.invoke(main, ["export", "--store", store])
    assert new.exit_code == 0
    assert new.stdout_bytes != old and b"Priya Ostrander" in new.stdout_bytes
    assert new.stdout_bytes == _expected(first, second)["turtle"]


def test_a_copy_written_otherwise_keeps_no_export(tmp_path: Path) -> None:
    """A writer that uses the store itself (as kg build does) leaves no kept export in its
    version (the build keeps kg.ttl afterwards); the old version's is not carried over."""
    first = _write(tmp_path, "first.ttl", FIRST)
    _load(tmp_path / "s", first)
    with GraphStore.writing(tmp_path / "s") as store:
        store.ox.update("INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/x> "
                        "<http://example.org/p> \"added by SPARQL\" } }")
    db = live_database(tmp_path / "s")
    assert not (db / EXPORT_STAMP).exists() and not (db / EXPORT_SNAPSHOT).exists()
    assert _kept(tmp_path / "s") is None
    assert b'"added by SPARQL"' in _exports(tmp_path / "s")["turtle"]


def test_a_version_changed_in_place_is_not_served_its_export(tmp_path: Path) -> None:
    first = _write(tmp_path, "first.ttl", FIRST)
    _load(tmp_path / "s", first)
    kept = _kept(tmp_path / "s")
    assert kept is not None
    with GraphStore.open(tmp_path / "s") as store:  # read-write, in the live version itself
        store.ox.update('INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/x> '
                        '<http://example.org/p> "written in place" } }')
    assert _kept(tmp_path / "s") is None
    turtle = _exports(tmp_path / "s")["turtle"]
    assert turtle != kept and b'"written in place"' in turtle


@pytest.mark.parametrize("damage", ["bytes", "no-stamp", "other-code"])
def test_a_damaged_or_unstamped_kept_export_is_not_served(tmp_path: Path, damage: str) -> None:
    first = _write(tmp_path, "first.ttl", FIRST)
    _load(tmp_path / "s", first)
    db = live_database(tmp_path / "s")
    good = (db / EXPORT_SNAPSHOT).read_bytes()
    if damage == "bytes":  # same size, one byte changed
        (db / EXPORT_SNAPSHOT).write_bytes(good.replace(b"Northshire", b"Southshire"))
    elif damage == "no-stamp":  # a writer killed between the export and its stamp
        (db / EXPORT_STAMP).unlink()
    else:
        stamp = json.loads((db / EXPORT_STAMP).read_text())
        (db / EXPORT_STAMP).write_text(json.dumps({**stamp, "code": "0" * 64}))
    assert _kept(tmp_path / "s") is None
    assert _exports(tmp_path / "s") == _expected(first)


def test_the_netx_cache_stamp_is_the_content_kept_or_else_the_files(tmp_path: Path) -> None:
    first, second = _write(tmp_path, "first.ttl", FIRST), _write(tmp_path, "second.ttl", SECOND)
    _load(tmp_path / "s", first)
    with GraphStore.open(tmp_path / "s", read_only=True) as store:
        one = _cache_stamp(store)
    _load(tmp_path / "s")  # a new version holding the same triples: the same stamp
    with GraphStore.open(tmp_path / "s", read_only=True) as store:
        assert _cache_stamp(store) == one is not None
    _load(tmp_path / "s", second)
    db = live_database(tmp_path / "s")
    with GraphStore.open(tmp_path / "s", read_only=True) as store:
        assert _cache_stamp(store) not in (one, None)
        (db / EXPORT_STAMP).unlink()  # no kept export: the database's files, ours left out
        files = _cache_stamp(store)
        (db / "kg-other").write_text("not the database's")
        assert _cache_stamp(store) == files is not None


def test_a_build_keeps_kg_ttl_with_its_version_and_a_load_after_it_is_seen(tmp_path: Path) -> None:
    inputs = tmp_path / "minutes"
    inputs.mkdir()
    for name in ("ashcombe_children", "brackenford_adults"):
        shutil.copy(TEXTS / f"{name}.txt", inputs)
    store_dir = tmp_path / "build"
    build([inputs], store_dir, view=False)
    kg_ttl = (store_dir / "kg.ttl").read_bytes()
    assert _kept(store_dir) == kg_ttl
    with GraphStore.open(store_dir, read_only=True) as store:
        assert store.export("turtle", kept=False) == kg_ttl
    # an unchanged rebuild makes a new version and does not rewrite kg.ttl: still kept
    version = live_database(store_dir)
    build([inputs], store_dir, view=False)
    assert live_database(store_dir) != version
    assert _kept(store_dir) == kg_ttl
    # a load after the build: its version's export has the loaded triples, kg.ttl does not
    extra = _write(tmp_path, "extra.ttl", SECOND)
    _load(store_dir, extra)
    exported = _exports(store_dir)
    assert b"Priya Ostrander" in exported["turtle"] and b"Priya Ostrander" not in kg_ttl
    with GraphStore.open(store_dir, read_only=True) as store:
        assert {fmt: store.export(fmt, kept=False) for fmt in FORMATS} == exported


def _same_graph(a, b) -> bool:
    return (list(a.nodes(data=True)) == list(b.nodes(data=True))
            and list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True)))


def test_the_view_graph_read_from_the_kept_export_is_the_one_read_by_sparql(tmp_path: Path) -> None:
    from kg.netx import TripleIndex, to_networkx

    inputs = tmp_path / "minutes"
    inputs.mkdir()
    for name in ("ashcombe_children", "brackenford_adults", "coldharbour_community"):
        shutil.copy(TEXTS / f"{name}.txt", inputs)
    build([inputs], tmp_path / "build", view=False)
    with GraphStore.open(tmp_path / "build", read_only=True) as store:
        kept = store.kept_export()
        assert kept is not None and TripleIndex.from_turtle(kept) is not None
        from_kept = to_networkx(store, cache=False)
        store.kept_export = lambda: None  # type: ignore[method-assign]  (this store only: the SELECTs)
        by_sparql = to_networkx(store, cache=False)
    assert from_kept.number_of_nodes() > 20
    assert _same_graph(from_kept, by_sparql)


def test_a_kept_export_with_blank_nodes_is_not_read_for_the_view() -> None:
    from kg.netx import TripleIndex

    RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

    assert TripleIndex.from_turtle(b'<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "a" .\n') \
        is not None
    # a blank node in a triple the view reads: its label there is the export's, not the store's
    assert TripleIndex.from_turtle(b'<http://example.org/a> <http://www.w3.org/ns/org#member> _:b .\n') is None
    assert TripleIndex.from_turtle(b'_:b <http://www.w3.org/2000/01/rdf-schema#label> "b" .\n') is None
    # one the view never reads is left out with the rest of those triples
    index = TripleIndex.from_turtle(b'<http://example.org/a> <http://example.org/p> _:b .\n'
                                    b'<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "a" .\n')
    assert index is not None and index.size == 1 and index.value("http://example.org/a", RDFS_LABEL) == "a"


def test_kg_load_keeps_the_view_cache_fresh(tmp_path: Path) -> None:
    from kg.netx import CACHE_NAME, _cache_stamp, to_networkx

    first = _write(tmp_path, "first.ttl", FIRST)
    runner = CliRunner()
    store = str(tmp_path / "s")
    assert runner.invoke(main, ["load", str(first), "--store", store, "--no-view-cache"]).exit_code == 0
    assert not (tmp_path / "s" / CACHE_NAME).exists()  # asked not to: the load does not pay for it
    assert runner.invoke(main, ["load", str(first), "--store", store]).exit_code == 0
    old = (tmp_path / "s" / CACHE_NAME).read_bytes()  # by default the load draws the store's graph
    with GraphStore.open(store, read_only=True) as opened:
        assert json.loads(old)["stamp"] == _cache_stamp(opened)
        assert b'"Priya Ostrander"' not in old
    person = _write(tmp_path, "person.ttl", "<https://w3id.org/safeguarding-kg/id/person/priya-ostrander> a "
                    "<http://xmlns.com/foaf/0.1/Person> ; <http://xmlns.com/foaf/0.1/name> \"Priya Ostrander\" .\n")
    assert runner.invoke(main, ["load", str(person), "--store", store]).exit_code == 0
    cache = (tmp_path / "s" / CACHE_NAME).read_bytes()
    assert cache != old and b"Priya Ostrander" in cache
    with GraphStore.open(store, read_only=True) as opened:
        assert json.loads(cache)["stamp"] == _cache_stamp(opened)  # served as it is by the next kg viz
        assert _same_graph(to_networkx(opened), to_networkx(opened, cache=False))


def test_many_graphs_export_as_few(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past kg.store._FEW_GRAPHS named graphs the export reads one N-Quads dump instead of
    one dump per graph: the same bytes (a triple in several graphs and in the default
    graph once, a literal holding "_:" that is no blank node)."""
    import kg.store

    store = GraphStore.in_memory()
    for i in range(5):
        text = FIRST + f'<http://example.org/n{i}> <http://example.org/p> "_:{i}" .\n'
        store.load_file(_write(tmp_path, f"g{i}.ttl", text))
    store.ox.update('INSERT DATA { <http://example.org/board> <http://example.org/chair> <http://example.org/alex> }')
    few = {fmt: store.export(fmt) for fmt in FORMATS}
    monkeypatch.setattr(kg.store, "_FEW_GRAPHS", 0)
    assert {fmt: store.export(fmt) for fmt in FORMATS} == few
    assert few["nt"].count(b"<http://example.org/chair>") == 1 and few["nt"].count(b'"_:') == 5
