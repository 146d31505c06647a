"""A build past kg.build.VIEW_MAX_DOCUMENTS leaves graph.html to `kg viz` but writes the
graph the view starts from (STORE/netx-cache.json), so the first `kg viz` of a big store
is served from it; the cache written must be the store's graph, rewritten when a file
changes, kept when nothing did, and never written past kg.build.VIEW_CACHE_MAX_TRIPLES.

The corpus is tests/texts/incremental/ (invented minutes); the threshold of documents is
lowered so that three documents count as a big build."""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import kg.build
from kg.build import build
from kg.lock import wait_for_fold
from kg.netx import CACHE_NAME, _cache_stamp, _read_cache, to_networkx
from kg.store import GraphStore

TEXTS = Path(__file__).resolve().parent / "texts" / "incremental"
FIRST = ("ashcombe_children", "brackenford_adults", "coldharbour_community")


def _as_lists(G: nx.MultiDiGraph) -> tuple[list, list, list]:
    return (list(G.nodes(data=True)), list(G.edges(keys=True, data=True)),
            list(G.in_edges(keys=True, data=True)))


def _labels(G: nx.MultiDiGraph) -> set[str]:
    return {d["label"] for _, d in G.nodes(data=True)}


def _cached(store_dir: Path) -> nx.MultiDiGraph | None:
    """The graph in the cache file if its stamp is the store's as it is now, else None
    (once the fold the build left running, if any, has ended)."""
    wait_for_fold(store_dir)
    with GraphStore.open(store_dir, read_only=True) as store:
        return _read_cache(store_dir / CACHE_NAME, _cache_stamp(store))


def _folded(store_dir: Path) -> nx.MultiDiGraph:
    with GraphStore.open(store_dir, read_only=True) as store:
        return to_networkx(store, cache=False)


@pytest.fixture
def big(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setattr(kg.build, "VIEW_MAX_DOCUMENTS", 2)
    inputs = tmp_path / "minutes"
    inputs.mkdir()
    for name in FIRST:
        shutil.copy(TEXTS / f"{name}.txt", inputs)
    return inputs, tmp_path / "store"


def test_big_build_writes_the_cache_and_a_changed_file_shows_in_it(big: tuple[Path, Path],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, store_dir = big
    # a one-file rebuild counts as worth folding the graph for (three documents' triples)
    monkeypatch.setattr(kg.build, "VIEW_CACHE_TRIPLES_PER_DOCUMENT", 10**9)
    report = build([inputs], store_dir)
    assert any("graph.html not written" in n for n in report.notes)
    assert not (store_dir / "graph.html").exists()
    cached = _cached(store_dir)
    assert cached is not None, "the build wrote no current cache"
    assert _as_lists(cached) == _as_lists(_folded(store_dir))
    assert "Tobias Wren" in _labels(cached)

    # nothing changed: the cache is the same file (not folded and written again)
    before = (store_dir / CACHE_NAME).stat()
    build([inputs], store_dir)
    after = (store_dir / CACHE_NAME).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert _cached(store_dir) is not None

    # one file changed: the cache is rewritten, and kg viz draws the new person
    text = (inputs / "brackenford_adults.txt").read_text(encoding="utf-8")
    (inputs / "brackenford_adults.txt").write_text(text.replace("Tobias Wren", "Ambrose Quill"), encoding="utf-8")
    build([inputs], store_dir)
    cached = _cached(store_dir)
    assert cached is not None
    assert "Ambrose Quill" in _labels(cached) and "Tobias Wren" not in _labels(cached)
    assert _as_lists(cached) == _as_lists(_folded(store_dir))
    from kg.cli.viz_cmds import viz_cmd
    out = store_dir / "view.html"
    res = CliRunner().invoke(viz_cmd, ["--store", str(store_dir), "-o", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert "Ambrose Quill" in page and "Tobias Wren" not in page


def test_no_cache_past_the_triple_limit(big: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, store_dir = big
    monkeypatch.setattr(kg.build, "VIEW_CACHE_MAX_TRIPLES", 10)
    build([inputs], store_dir)
    assert not (store_dir / CACHE_NAME).exists()


def test_no_view_build_writes_no_cache(big: tuple[Path, Path]) -> None:
    inputs, store_dir = big
    build([inputs], store_dir, view=False)  # asked for no view: the build does not pay for its graph
    assert not (store_dir / CACHE_NAME).exists()


def test_a_rebuild_of_few_files_leaves_the_cache_to_kg_viz(big: tuple[Path, Path],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A rebuild that extracted fewer documents than the graph's triples per document does
    not fold the graph of a store nobody draws (no cache file: it would cost more than the
    rebuild); the first `kg viz` makes the cache. (With a cache there, the rebuild folds it
    on the other core: tests/test_viz_cache_rebuild.py.)"""
    inputs, store_dir = big
    build([inputs], store_dir)
    assert _cached(store_dir) is not None
    (store_dir / CACHE_NAME).unlink()
    monkeypatch.setattr(kg.build, "VIEW_CACHE_TRIPLES_PER_DOCUMENT", 0)  # no rebuild is worth it
    text = (inputs / "brackenford_adults.txt").read_text(encoding="utf-8")
    (inputs / "brackenford_adults.txt").write_text(text.replace("Tobias Wren", "Ambrose Quill"), encoding="utf-8")
    build([inputs], store_dir)
    assert not (store_dir / CACHE_NAME).exists()
    from kg.cli.viz_cmds import viz_cmd
    out = store_dir / "view.html"
    res = CliRunner().invoke(viz_cmd, ["--store", str(store_dir), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "Ambrose Quill" in out.read_text(encoding="utf-8")
    cached = _cached(store_dir)
    assert cached is not None and "Ambrose Quill" in _labels(cached)
