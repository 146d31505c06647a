"""A rebuild that leaves kg.ttl as it was keeps it with the new database version by the
stamp of the version before (kg.store.kept_stamp), not by hashing it again: the stamp
must say exactly what hashing would, and must not be taken from another file."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from kg import store as store_mod
from kg.build import build
from kg.store import EXPORT_SNAPSHOT, EXPORT_STAMP, GraphStore, kept_stamp, live_database

TEXTS = Path(__file__).resolve().parent / "texts" / "incremental"


def _built(tmp_path: Path) -> tuple[Path, Path]:
    inputs = tmp_path / "minutes"
    inputs.mkdir()
    for name in ("ashcombe_children", "brackenford_adults"):
        shutil.copy(TEXTS / f"{name}.txt", inputs)
    store_dir = tmp_path / "build"
    build([inputs], store_dir, view=False)
    return inputs, store_dir


def test_an_unchanged_rebuild_keeps_kg_ttl_by_the_stamp_before(tmp_path: Path, monkeypatch) -> None:
    inputs, store_dir = _built(tmp_path)
    kg_ttl = store_dir / "kg.ttl"
    data = kg_ttl.read_bytes()
    before = live_database(store_dir)
    hashed: list[int] = []
    real = store_mod._digest
    monkeypatch.setattr(store_mod, "_digest", lambda d: hashed.append(len(d)) or real(d))
    build([inputs], store_dir, view=False)
    now = live_database(store_dir)
    assert now != before
    assert len(data) not in hashed  # kg.ttl was not hashed again
    stamp = json.loads((now / EXPORT_STAMP).read_bytes())
    assert (stamp["bytes"], stamp["sha256"], stamp["blank"]) == (
        len(data), hashlib.sha256(data).hexdigest(), b"_:" in data)
    assert os.path.samefile(now / EXPORT_SNAPSHOT, kg_ttl)
    assert not list(now.glob(".*.link"))  # linking onto the same file left no temporary link
    monkeypatch.undo()
    with GraphStore.open(store_dir, read_only=True) as store:
        assert store.kept_export() == data == store.export("turtle", kept=False)


def test_the_stamp_before_is_not_taken_for_another_file(tmp_path: Path) -> None:
    _, store_dir = _built(tmp_path)
    version = live_database(store_dir)
    kg_ttl = store_dir / "kg.ttl"
    stamp = kept_stamp(version, kg_ttl)
    assert stamp is not None and stamp.size == kg_ttl.stat().st_size
    copy = tmp_path / "copy.ttl"
    shutil.copy(kg_ttl, copy)  # the same bytes, another file: not vouched for
    assert kept_stamp(version, copy) is None
    (version / EXPORT_STAMP).write_text("{}", encoding="utf-8")
    assert kept_stamp(version, kg_ttl) is None


def test_a_patched_kg_ttl_is_stamped_as_hashing_would(tmp_path: Path) -> None:
    inputs, store_dir = _built(tmp_path)
    build([inputs], store_dir, view=False)  # unchanged: kg.ttl kept by the stamp before
    changed = inputs / "ashcombe_children.txt"
    changed.write_text(changed.read_text(encoding="utf-8")
                       + "\n\nCouncillor Petra Lindqvist, Independent Chair of the Board, thanked the Panel.\n",
                       encoding="utf-8")
    build([inputs], store_dir, view=False)  # kg.ttl patched, "_:" known from the stamp before
    data = (store_dir / "kg.ttl").read_bytes()
    now = live_database(store_dir)
    stamp = json.loads((now / EXPORT_STAMP).read_bytes())
    assert (stamp["bytes"], stamp["sha256"], stamp["blank"]) == (
        len(data), hashlib.sha256(data).hexdigest(), b"_:" in data)
    with GraphStore.open(store_dir, read_only=True) as store:
        assert store.kept_export() == data == store.export("turtle", kept=False)
