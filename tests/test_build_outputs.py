"""What `kg build` writes besides the store, on rebuilds: kg.ttl patched in place of a
full export must be byte for byte the full export, and outputs whose inputs did not
change are not written again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.build import build
from kg.store import GraphStore

TEXTS = Path(__file__).resolve().parent / "texts" / "incremental"
FIRST = ("ashcombe_children", "brackenford_adults", "coldharbour_community")


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    inputs = tmp_path / "minutes"
    inputs.mkdir()
    for name in FIRST:
        shutil.copy(TEXTS / f"{name}.txt", inputs)
    store_dir = tmp_path / "build"
    build([inputs], store_dir, view=False)
    return inputs, store_dir


def full_export(store_dir: Path) -> bytes:
    with GraphStore.open(store_dir, read_only=True) as store:
        return store.export("turtle", kept=False)  # read from the store, not the copy of kg.ttl kept with it


def outputs(store_dir: Path) -> dict:
    return json.loads((store_dir / "manifest.json").read_text(encoding="utf-8"))["outputs"]


def test_a_first_build_writes_the_full_export(built) -> None:
    _, store_dir = built
    assert (store_dir / "kg.ttl").read_bytes() == full_export(store_dir)


@pytest.mark.parametrize("change", ["edit", "add", "remove"])
def test_a_patched_kg_ttl_is_the_full_export(built, change: str) -> None:
    inputs, store_dir = built
    before = (store_dir / "kg.ttl").read_bytes()
    if change == "edit":
        path = inputs / "brackenford_adults.txt"
        path.write_text(path.read_text(encoding="utf-8").replace("Mr Tobias Wren", "Dr Miriam Holt"),
                        encoding="utf-8")
    elif change == "add":
        shutil.copy(TEXTS / "ashcombe_cabinet.txt", inputs)
    else:
        (inputs / "coldharbour_community.txt").unlink()
    report = build([inputs], store_dir, view=False)
    assert report.graphs_written + report.graphs_removed >= 1
    after = (store_dir / "kg.ttl").read_bytes()
    assert after != before
    assert after == full_export(store_dir)
    fresh = store_dir.parent / "fresh"
    made = build([inputs], fresh, view=False)  # graphs updated in place (entities: entity by entity) = made anew
    assert (fresh / "kg.ttl").read_bytes() == after
    # the rest of an incremental build is a fresh build's too: every named graph (the
    # tenures, updated triple by triple, included), the triple count, the other outputs
    assert report.triples == made.triples
    with GraphStore.open(store_dir, read_only=True) as a, GraphStore.open(fresh, read_only=True) as b:
        assert a.export("trig") == b.export("trig")
    for name in ("facts.jsonl", "entities.jsonl"):
        assert (store_dir / name).read_bytes() == (fresh / name).read_bytes()


def test_an_unchanged_rebuild_rewrites_no_output(built) -> None:
    inputs, store_dir = built
    stamps = {p.name: p.stat().st_mtime_ns for p in store_dir.iterdir() if p.suffix in (".ttl", ".jsonl")}
    build([inputs], store_dir, view=False)
    assert {p.name: p.stat().st_mtime_ns for p in store_dir.iterdir() if p.suffix in (".ttl", ".jsonl")} == stamps


def test_kg_load_between_builds_makes_the_next_build_export_in_full(built, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli.store_cmds import load_cmd

    inputs, store_dir = built
    extra = tmp_path / "extra.ttl"
    extra.write_text('<urn:x:a> <http://www.w3.org/2000/01/rdf-schema#label> "Loaded" .\n')
    assert CliRunner().invoke(load_cmd, [str(extra), "--store", str(store_dir)]).exit_code == 0
    shutil.copy(TEXTS / "ashcombe_cabinet.txt", inputs)
    build([inputs], store_dir, view=False)
    text = (store_dir / "kg.ttl").read_bytes()
    assert b'"Loaded"' in text and text == full_export(store_dir)


@pytest.mark.parametrize("damage", ["garbage", "missing"])
def test_a_damaged_or_missing_cache_index_is_made_again(built, damage: str) -> None:
    """cache/index.sqlite (facts, resolution records and tenure statements per document)
    is only a cache: garbage in it or no file at all gives the same store and outputs."""
    inputs, store_dir = built
    index = store_dir / "cache" / "index.sqlite"
    assert index.is_file()
    if damage == "garbage":
        index.write_bytes(b"not a database" * 100)
    else:
        index.unlink()
    path = inputs / "brackenford_adults.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Mr Tobias Wren", "Dr Miriam Holt"), encoding="utf-8")
    report = build([inputs], store_dir, view=False)
    assert report.extracted == 1 and index.is_file()
    fresh = store_dir.parent / "fresh"
    made = build([inputs], fresh, view=False)
    assert report.triples == made.triples
    for name in ("kg.ttl", "facts.jsonl", "entities.jsonl"):
        assert (store_dir / name).read_bytes() == (fresh / name).read_bytes()
