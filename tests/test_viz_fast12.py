"""Session 10 (viz12): the cache written by a forked process inside
``cache_written_behind()`` is the cache written in line, and the views are the same
bytes whatever the hash seed (the layout's main group used to follow a set's order)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_netx import _as_lists, _write_store, sample_graph

from kg.netx import CACHE_NAME, cache_written_behind, to_networkx
from kg.store import GraphStore


def test_cache_written_behind_is_the_cache_written_in_line(tmp_path: Path) -> None:
    inline, behind = tmp_path / "inline", tmp_path / "behind"
    for folder in (inline, behind):
        _write_store(folder, sample_graph())
    with GraphStore.open(inline, read_only=True) as store:
        first = to_networkx(store)
    with cache_written_behind():
        with GraphStore.open(behind, read_only=True) as store:
            second = to_networkx(store)
        assert _as_lists(second) == _as_lists(first)
    # waited for on leaving the block: the file is there, and the same bytes (the stamps
    # differ by the store's folder: compared without them)
    a = (inline / CACHE_NAME).read_bytes()
    b = (behind / CACHE_NAME).read_bytes()
    assert a.split(b'"nodes"', 1)[1] == b.split(b'"nodes"', 1)[1]
    with GraphStore.open(behind, read_only=True) as store:
        assert _as_lists(to_networkx(store)) == _as_lists(first)  # served from the file


def test_outside_the_block_the_cache_is_written_in_line(tmp_path: Path) -> None:
    _write_store(tmp_path, sample_graph())
    with GraphStore.open(tmp_path, read_only=True) as store:
        to_networkx(store)
        assert (tmp_path / CACHE_NAME).is_file()


_PAGE = """
import hashlib, sys
sys.path.insert(0, sys.argv[1])
from bench_viz import synthetic_graph
from kg.netx import to_networkx
from kg.store import GraphStore
from kg.viz import build_view, render_html
folder = sys.argv[2]
if sys.argv[3] == "make":
    synthetic_graph(1500).serialize(folder + "/g.nt", format="nt", encoding="utf-8")
    with GraphStore.writing(folder + "/store") as store:
        store.load_file(folder + "/g.nt", graph_iri="https://w3id.org/safeguarding-kg/id/graph/synthetic")
with GraphStore.open(folder + "/store", read_only=True) as store:
    G = to_networkx(store, cache=False)
out = []
for kind in ("overview", "board", "theme", "person"):
    render_html(build_view(G, kind=kind), folder + "/v.html")
    out.append(hashlib.sha256(open(folder + "/v.html", "rb").read()).hexdigest())
print(" ".join(out))
"""


def test_views_are_the_same_bytes_whatever_the_hash_seed(tmp_path: Path) -> None:
    """A guard: the person view of a 1,500-node store made by scripts/bench_viz_store.py
    differed between seeds 0 and 1 before (A.subgraph in kg.viz.layout)."""
    scripts = Path(__file__).resolve().parent.parent / "scripts"
    seen = set()
    for seed in ("0", "1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", _PAGE, str(scripts), str(tmp_path), "make" if seed == "0" else ""],
                              env=env, capture_output=True, text=True, check=True, cwd=tmp_path)
        seen.add(proc.stdout.strip())
    assert len(seen) == 1, seen
