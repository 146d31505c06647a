"""A one-file rebuild of a store someone draws (it has a view cache, STORE/netx-cache.json)
leaves the cache current: a forked child folds it from the kg.ttl the build keeps with
its new version while the build writes its other outputs (kg.build._CacheFold). The
cache must carry the stamp `kg viz` computes for the new store, hold the bytes a fresh
fold writes, be served to `kg viz`, and a failing child must neither fail the build nor
leave a half-written cache. The build does not wait for the fold; a reader waits for
the fold lock (kg.lock) instead.

The corpus is tests/texts/incremental/ (invented minutes); the threshold of documents is
lowered so that three documents count as a big build, and the triples-per-document rule
set so that no rebuild would fold the graph itself."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.build
import kg.netx
from kg.build import build
from kg.lock import FOLD_LOCK_NAME, fold_lock, wait_for_fold
from kg.netx import CACHE_NAME, _cache_stamp, _write_cache, to_networkx
from kg.store import GraphStore

TEXTS = Path(__file__).resolve().parent / "texts" / "incremental"
FIRST = ("ashcombe_children", "brackenford_adults", "coldharbour_community")


@pytest.fixture
def drawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A big store (built, its cache written by the full build), then a rebuild rule that
    would never fold the graph for the documents it extracted."""
    monkeypatch.setattr(kg.build, "VIEW_MAX_DOCUMENTS", 2)
    inputs = tmp_path / "minutes"
    inputs.mkdir()
    for name in FIRST:
        shutil.copy(TEXTS / f"{name}.txt", inputs)
    store_dir = tmp_path / "store"
    build([inputs], store_dir)
    wait_for_fold(store_dir)
    assert (store_dir / CACHE_NAME).is_file()
    monkeypatch.setattr(kg.build, "VIEW_CACHE_TRIPLES_PER_DOCUMENT", 0)
    return inputs, store_dir


def _change_one(inputs: Path) -> None:
    path = inputs / "brackenford_adults.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Tobias Wren", "Ambrose Quill"), encoding="utf-8")


def _slow_fold(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """The fold a build leaves running made to take ``seconds`` longer (the forked
    process inherits the patch), so that it surely still runs when the test looks."""
    import time

    real = kg.netx.cache_from_export

    def slow(location: object, turtle: bytes, content: str) -> bool:
        time.sleep(seconds)
        return real(location, turtle, content)  # type: ignore[arg-type]

    monkeypatch.setattr(kg.netx, "cache_from_export", slow)


def _view_without_folding(store_dir: Path, out: Path, monkeypatch: pytest.MonkeyPatch, why: str) -> str:
    """`kg viz` of the store, failing with ``why`` if it folds the graph itself rather than
    reading the cache: the page it wrote."""
    def no_fold(graph: object) -> object:
        raise AssertionError(why)

    monkeypatch.setattr(kg.netx, "_to_networkx", no_fold)
    from kg.cli.viz_cmds import viz_cmd
    res = CliRunner().invoke(viz_cmd, ["--store", str(store_dir), "-o", str(out)])
    assert res.exit_code == 0, res.output
    return out.read_text(encoding="utf-8")


def _fresh_fold(store_dir: Path, out: Path) -> tuple[str, bytes]:
    """The store's cache stamp as `kg viz` computes it, and the bytes a fresh fold of the
    store writes under that stamp."""
    with GraphStore.open(store_dir, read_only=True) as store:
        stamp = _cache_stamp(store)
        assert stamp is not None
        assert _write_cache(out, stamp, to_networkx(store, cache=False))
    return stamp, out.read_bytes()


def test_one_file_rebuild_leaves_the_cache_current(drawn: tuple[Path, Path], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, store_dir = drawn
    forked: list[int] = []
    real_start = kg.build._CacheFold.start

    def start(self: kg.build._CacheFold, *args: object) -> None:
        real_start(self, *args)  # type: ignore[arg-type]
        if self.pid is not None:
            forked.append(self.pid)

    monkeypatch.setattr(kg.build._CacheFold, "start", start)
    stale = (store_dir / CACHE_NAME).read_bytes()
    _change_one(inputs)
    report = build([inputs], store_dir)
    assert report.extracted == 1
    assert len(forked) == 1, "the cache was not folded in a child"
    for pid in forked:  # reaped by the build (the folder is its child's: nobody's zombie)
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
    wait_for_fold(store_dir)
    cache = (store_dir / CACHE_NAME).read_bytes()
    assert cache != stale
    stamp, fresh = _fresh_fold(store_dir, tmp_path / "fresh.json")
    assert stamp.encode() in cache[:200]
    assert cache == fresh  # byte for byte what a fresh fold of the new store writes
    assert not list(store_dir.glob(f".{CACHE_NAME}.*.tmp"))

    # `kg viz` is served from it: the store is not folded again
    page = _view_without_folding(store_dir, tmp_path / "view.html", monkeypatch, "kg viz folded the graph again")
    assert "Ambrose Quill" in page and "Tobias Wren" not in page


def test_unchanged_rebuild_keeps_the_cache_file(drawn: tuple[Path, Path]) -> None:
    inputs, store_dir = drawn
    before = (store_dir / CACHE_NAME).stat()
    build([inputs], store_dir)
    after = (store_dir / CACHE_NAME).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_failing_child_fails_nothing(drawn: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, store_dir = drawn
    stale = (store_dir / CACHE_NAME).read_bytes()

    def broken(location: object, turtle: bytes, content: str) -> bool:
        raise RuntimeError("the fold failed")

    monkeypatch.setattr(kg.netx, "cache_from_export", broken)
    _change_one(inputs)
    report = build([inputs], store_dir)
    assert report.extracted == 1
    wait_for_fold(store_dir)
    assert (store_dir / CACHE_NAME).read_bytes() == stale  # left as it was: stale, never served
    with GraphStore.open(store_dir, read_only=True) as store:
        assert stale[:200].find((_cache_stamp(store) or "").encode()) == -1
    assert not list(store_dir.glob(f".{CACHE_NAME}.*.tmp"))


def test_past_the_triple_limit_nothing_is_folded(drawn: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    inputs, store_dir = drawn
    monkeypatch.setattr(kg.build, "VIEW_CACHE_MAX_TRIPLES", 10)
    forked: list[object] = []
    real_start = kg.build._CacheFold.start
    monkeypatch.setattr(kg.build._CacheFold, "start",
                        lambda self, *a: (real_start(self, *a), forked.append(self.pid) if self.pid else None))
    stale = (store_dir / CACHE_NAME).read_bytes()
    _change_one(inputs)
    build([inputs], store_dir)
    assert forked == [] and (store_dir / CACHE_NAME).read_bytes() == stale


def test_cache_file_name_is_the_readers() -> None:
    assert kg.build.CACHE_FILE == CACHE_NAME


def test_a_reader_waits_for_a_running_fold(tmp_path: Path) -> None:
    """While a fold holds the lock, wait_for_fold waits (here until its timeout) and says
    so; once the holder is gone it returns at once, saying none ran; without a lock file
    (no build ever folded here) there is nothing to wait for."""
    assert wait_for_fold(tmp_path) is False
    fd = fold_lock(tmp_path)
    assert fd is not None and (tmp_path / FOLD_LOCK_NAME).is_file()
    try:
        assert wait_for_fold(tmp_path, timeout=0.2) is True
    finally:
        os.close(fd)
    assert wait_for_fold(tmp_path, timeout=0.2) is False


def test_a_fold_that_never_ends_does_not_hang_the_next(tmp_path: Path) -> None:
    """The next build's fold waits for an older one's lock, but not for ever: past its
    timeout it gives up (no fold), and once the lock is free it takes it."""
    held = fold_lock(tmp_path)
    assert held is not None
    try:
        assert fold_lock(tmp_path, timeout=0.2) is None
    finally:
        os.close(held)
    again = fold_lock(tmp_path, timeout=0.2)
    assert again is not None
    os.close(again)


def test_kg_viz_waits_for_the_fold_the_build_left(drawn: tuple[Path, Path], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A view started while the build's fold runs reads the fold's cache: it does not
    fold the store itself. The fold is slowed down so that it is surely still running."""
    inputs, store_dir = drawn
    _slow_fold(monkeypatch, 1.0)
    _change_one(inputs)
    build([inputs], store_dir)
    page = _view_without_folding(store_dir, tmp_path / "view.html", monkeypatch,
                                 "kg viz folded the graph beside the build's fold")
    assert "Ambrose Quill" in page


def test_the_fold_holds_none_of_the_builds_descriptors(drawn: tuple[Path, Path],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The fold left running keeps no descriptor the build had open but its own (a pipe
    the build's caller reads, `kg build | tee log`, ends when the build does): here a
    pipe's write end, open in the building process, is closed, and its read end sees the
    end at once although the fold still runs (slowed to three seconds)."""
    import select

    inputs, store_dir = drawn
    _slow_fold(monkeypatch, 3.0)
    r, w = os.pipe()
    try:
        _change_one(inputs)
        build([inputs], store_dir)
        os.close(w)
        w = -1
        readable, _, _ = select.select([r], [], [], 1.5)
        assert readable and os.read(r, 1) == b"", "the fold held the pipe open"
        assert wait_for_fold(store_dir, timeout=0.1) is True  # (the fold was still running)
    finally:
        os.close(r)
        if w >= 0:
            os.close(w)
        wait_for_fold(store_dir)
