"""Incremental builds: a rebuild touches only the named graphs whose documents changed.

The corpus is four short, invented minutes in tests/texts/incremental/ (fictional
councils: Ashcombe, Brackenford, Coldharbour). Three are built first; then one is added,
one removed, one changed, and each rebuild is checked against the BuildReport
(extracted, reused, graphs_written, graphs_removed) and against the N-Triples of every
named graph before and after. Times are printed for reading, never asserted.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from kg.build import BuildReport, build
from kg.iri import DEFAULT_BASE
from kg.store import GraphStore

TEXTS = Path(__file__).resolve().parent / "texts" / "incremental"
FIRST = ("ashcombe_children", "brackenford_adults", "coldharbour_community")
ADDED = "ashcombe_cabinet"
ENTITIES = DEFAULT_BASE + "graph/entities"
ONTOLOGY = DEFAULT_BASE + "graph/ontology"
TIME = DEFAULT_BASE + "graph/time"  # tenures, drawn from all documents


def graph(doc_id: str) -> str:
    return f"{DEFAULT_BASE}graph/{doc_id}"


def snapshot(store_dir: Path) -> dict[str, list[str]]:
    """Every named graph's N-Triples lines, sorted: equal lists mean an unchanged graph."""
    import pyoxigraph as ox

    with GraphStore.open(store_dir, read_only=True) as store:
        out: dict[str, list[str]] = {}
        for name in store.graph_names():
            triples = [ox.Triple(q.subject, q.predicate, q.object)
                       for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(name))]
            out[name] = sorted(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8").splitlines())
        return out


def timed_build(inputs: Path, store_dir: Path) -> tuple[BuildReport, float]:
    start = time.perf_counter()
    report = build([inputs], store_dir, view=False)
    return report, time.perf_counter() - start


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder holding the first three documents (a copy, so tests may change it)."""
    inputs = tmp_path / "minutes"
    inputs.mkdir()
    for name in FIRST:
        shutil.copy(TEXTS / f"{name}.txt", inputs)
    return inputs


@pytest.fixture
def built(corpus: Path, tmp_path: Path) -> tuple[Path, Path, dict[str, list[str]], float]:
    """The three documents built once: (inputs, store, snapshot, seconds)."""
    store_dir = tmp_path / "build"
    report, seconds = timed_build(corpus, store_dir)
    assert (report.documents, report.extracted, report.reused) == (3, 3, 0)
    assert report.graphs_written == 6 and report.graphs_removed == 0  # 3 documents + entities + ontology + time
    return corpus, store_dir, snapshot(store_dir), seconds


def test_the_first_build_holds_one_graph_per_document(built) -> None:
    _, _, before, _ = built
    assert sorted(before) == sorted([graph(d) for d in FIRST] + [ENTITIES, ONTOLOGY, TIME])
    assert all(before[graph(d)] for d in FIRST)


def test_rebuilding_unchanged_documents_writes_nothing(built) -> None:
    inputs, store_dir, before, _ = built
    report, _ = timed_build(inputs, store_dir)
    assert (report.extracted, report.reused, report.graphs_written, report.graphs_removed) == (0, 3, 0, 0)
    assert snapshot(store_dir) == before


def test_adding_a_document_writes_only_its_graph_and_the_entities(built, capsys) -> None:
    inputs, store_dir, before, full_seconds = built
    shutil.copy(TEXTS / f"{ADDED}.txt", inputs)
    report, seconds = timed_build(inputs, store_dir)
    after = snapshot(store_dir)

    entities_changed = after[ENTITIES] != before[ENTITIES]
    assert (report.documents, report.extracted, report.reused) == (4, 1, 3)
    assert report.graphs_written == 1 + entities_changed + (after[TIME] != before[TIME])
    assert report.graphs_removed == 0
    for doc in FIRST:
        assert after[graph(doc)] == before[graph(doc)], f"{doc}'s graph changed"
    assert after[ONTOLOGY] == before[ONTOLOGY]
    assert set(after) - set(before) == {graph(ADDED)}
    # the new document names the same chair as ashcombe_children: one person node, not two
    assert any("/person/rosalind-vane> <http://www.w3.org/ns/org#holds>" in t for t in after[graph(ADDED)])
    with capsys.disabled():
        print(f"\n[incremental] full build of 3 documents {full_seconds:.2f} s; adding a 4th "
              f"{seconds:.2f} s ({report.graphs_written} graph(s) written, entities changed: {entities_changed})")


def test_removing_a_document_removes_its_graph_and_its_facts(built) -> None:
    inputs, store_dir, before, _ = built
    (inputs / "coldharbour_community.txt").unlink()
    report, _ = timed_build(inputs, store_dir)
    after = snapshot(store_dir)

    assert (report.documents, report.extracted, report.reused, report.graphs_removed) == (2, 0, 2, 1)
    assert report.graphs_written == (after[ENTITIES] != before[ENTITIES]) + (after[TIME] != before[TIME])
    assert graph("coldharbour_community") not in after
    for doc in ("ashcombe_children", "brackenford_adults"):
        assert after[graph(doc)] == before[graph(doc)]
    everything = "\n".join(line for lines in after.values() for line in lines)
    assert "/doc/coldharbour_community" not in everything  # no document, meeting or evidence node left
    assert "Coldharbour Community Safety Partnership" not in everything
    facts = (store_dir / "facts.jsonl").read_text(encoding="utf-8")
    assert '"document": "coldharbour_community"' not in facts and facts.count("\n") == 2
    assert not (store_dir / "cache" / "coldharbour_community.json").exists()


def test_changing_a_document_replaces_its_graph(built) -> None:
    inputs, store_dir, before, _ = built
    path = inputs / "brackenford_adults.txt"
    path.write_text(path.read_text(encoding="utf-8")
                    .replace("Mr Tobias Wren", "Dr Miriam Holt")
                    .replace("Mental health and substance misuse", "Modern slavery and radicalisation"),
                    encoding="utf-8")
    report, _ = timed_build(inputs, store_dir)
    after = snapshot(store_dir)

    assert (report.extracted, report.reused, report.graphs_removed) == (1, 2, 0)
    assert report.graphs_written == 1 + (after[ENTITIES] != before[ENTITIES]) + (after[TIME] != before[TIME])
    changed = "\n".join(after[graph("brackenford_adults")])
    assert after[graph("brackenford_adults")] != before[graph("brackenford_adults")]
    assert "/person/miriam-holt>" in changed and "/person/tobias-wren>" not in changed
    assert "<https://w3id.org/safeguarding-kg/theme/radicalisation>" in changed
    assert "<https://w3id.org/safeguarding-kg/theme/substance-misuse>" not in changed
    for doc in ("ashcombe_children", "coldharbour_community"):
        assert after[graph(doc)] == before[graph(doc)]
    with GraphStore.open(store_dir, read_only=True) as store:
        chairs = store.query("PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                             "SELECT ?name WHERE { ?p org:headOf ?b ; foaf:name ?name } ORDER BY ?name")
    # Frost is "Cabinet Member for Communities and Chair of the Coldharbour Community Safety Partnership"
    assert chairs.column("name") == ["Miriam Holt", "Nadia Frost", "Rosalind Vane"]


def test_a_written_store_is_flushed_on_close(tmp_path: Path) -> None:
    """Readers open the store read-only, which replays any unflushed write-ahead log on
    every open (over a second for a 50 MB log): closing a written store must flush it."""
    data = tmp_path / "many.nt"
    data.write_text("".join(f'<urn:s{i}> <urn:p> "value {i}" .\n' for i in range(20_000)), encoding="utf-8")
    with GraphStore.open(tmp_path / "store") as store:
        assert store.load_file(data).added == 20_000
    # after a flush RocksDB starts a new, empty log (the old one is obsolete, deleted later)
    newest = max((tmp_path / "store" / "oxigraph").glob("*.log"), key=lambda p: int(p.stem))
    assert newest.stat().st_size < 4096, f"{newest.stat().st_size} bytes of write-ahead log left to replay"
    with GraphStore.open(tmp_path / "store", read_only=True) as store:
        assert len(store) == 20_000


def test_a_manifest_left_from_the_version_before_is_not_trusted(built, tmp_path: Path) -> None:
    """A build killed after switching the store but before writing manifest.json leaves the
    manifest of the version before. Building the first inputs again must then give what a
    fresh build gives, not keep the killed build's graph because the old fingerprint matches."""
    inputs, store_dir, before, _ = built
    first_manifest = (store_dir / "manifest.json").read_bytes()
    path = inputs / "brackenford_adults.txt"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("Mr Tobias Wren", "Dr Miriam Holt"), encoding="utf-8")
    timed_build(inputs, store_dir)
    assert snapshot(store_dir)[graph("brackenford_adults")] != before[graph("brackenford_adults")]
    (store_dir / "manifest.json").write_bytes(first_manifest)  # as if killed before the manifest was written
    path.write_text(original, encoding="utf-8")
    report, _ = timed_build(inputs, store_dir)
    assert snapshot(store_dir) == before
    assert report.graphs_written >= 1
    assert "/person/miriam-holt>" not in (store_dir / "kg.ttl").read_text(encoding="utf-8")
