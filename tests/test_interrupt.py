"""A build killed part-way by a real signal leaves the previous build whole.

kg/build.py promises that a build never changes what readers see until it is done: it
writes a copy of the database and switches a symbolic link at the end, and writes each
output to a temporary file renamed over the old one. These tests hold it to that with
real processes: build a small corpus, start `kg build` of a larger one (the small one
plus a few hundred renamed copies), wait until it is demonstrably under way (new cache
files, or the new database version on disk), and SIGKILL or SIGINT it. Then the previous
outputs must be byte-identical, `kg query` must answer with the previous rows, `kg
validate` must pass, and the next build must complete with the new documents. A last
test runs `kg query` again and again in another process during a build: every answer is
the old count or the new one, never an error, never a number in between.

Nothing here asserts a duration: the waits poll for states, with generous time-outs
that only stop a broken test from hanging.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

KG = str(Path(sys.executable).with_name("kg"))
ROBUST = Path(__file__).resolve().parent / "texts" / "robust"
ORIGINALS = ("larkmoor_children", "fernley_adults")
COPIES = 60  # of each original: ~120 documents, a build of a few seconds on one core
OUTPUTS = ("kg.ttl", "facts.jsonl", "entities.jsonl", "graph.html")
CHAIR_POSTS = "SELECT (COUNT(?post) AS ?n) WHERE { ?post a sg:ChairPost }"
PATIENCE = 120  # seconds before a wait gives up (a broken test, not a slow machine)


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KG, *args], capture_output=True, text=True, timeout=PATIENCE)


def chair_posts(store: Path) -> subprocess.CompletedProcess[str]:
    return kg("query", CHAIR_POSTS, "--store", str(store), "--format", "csv")


def count_of(result: subprocess.CompletedProcess[str]) -> int:
    header, value = result.stdout.split()
    assert header == "n"
    return int(value)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store built from the two original minutes (with every output, view included)."""
    small = tmp_path / "small"
    small.mkdir()
    for doc in ORIGINALS:
        shutil.copy(ROBUST / f"{doc}.txt", small)
    store = tmp_path / "store"
    result = kg("build", str(small), "--store", str(store), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    return store


@pytest.fixture
def big(tmp_path: Path) -> Path:
    """The originals plus COPIES renamed copies of each: new documents, same kind of text."""
    folder = tmp_path / "big"
    folder.mkdir()
    for doc in ORIGINALS:
        text = (ROBUST / f"{doc}.txt").read_bytes()
        (folder / f"{doc}.txt").write_bytes(text)
        for n in range(COPIES):
            (folder / f"{doc}_copy{n:03}.txt").write_bytes(text)
    return folder


def live_version(store: Path) -> str:
    return os.readlink(store / "oxigraph")


def new_version_started(store: Path) -> bool:
    """The build has reached its store phase: a database version beside the live one."""
    live = live_version(store)
    return any(p.name != live for p in store.glob("oxigraph.*"))


def cache_files(store: Path) -> int:
    return len(list((store / "cache").glob("*.json")))


def wait_until(condition: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
    """Poll until ``condition`` holds while ``process`` still runs (a build that ends
    first would make the test prove nothing, so that fails)."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert process.poll() is None, "the build finished before it could be interrupted: make the corpus bigger"
        assert time.monotonic() < deadline, "the build never reached the state to interrupt"
        time.sleep(0.01)


def snapshot(store: Path) -> dict[str, bytes]:
    return {name: (store / name).read_bytes() for name in OUTPUTS}


@pytest.mark.parametrize("sig, phase", [
    (signal.SIGKILL, "store"),    # the new database version is being written
    (signal.SIGKILL, "extract"),  # facts are being cached
    (signal.SIGINT, "store"),     # Ctrl-C: the exception path of the version switch
])
def test_an_interrupted_build_leaves_the_previous_build_whole(store: Path, big: Path, sig: signal.Signals,
                                                             phase: str) -> None:
    before = snapshot(store)
    rows_before = kg("query", "chairs", "--store", str(store), "--format", "csv")
    assert rows_before.returncode == 0 and count_of(chair_posts(store)) == 2
    live_before = live_version(store)

    pristine = store.with_name("pristine")
    shutil.copytree(store, pristine, symlinks=True)
    for _attempt in range(5):
        build = subprocess.Popen([KG, "build", str(big), "--store", str(store), "--jobs", "1"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        cached = cache_files(store)
        if phase == "store":
            wait_until(lambda: new_version_started(store), build)
        else:
            wait_until(lambda: cache_files(store) >= cached + 10, build)
        # Freeze the build, then check it has not switched versions yet: a signal sent
        # to a running build could land after the switch (about one run in thirty),
        # and then this run would test a finished build. Stopped, it cannot move on.
        build.send_signal(signal.SIGSTOP)
        if build.poll() is None and live_version(store) == live_before:
            break
        build.kill()
        build.communicate(timeout=PATIENCE)
        shutil.rmtree(store)
        shutil.copytree(pristine, store, symlinks=True)
    else:
        pytest.fail("the build always switched versions before it could be stopped: make the corpus bigger")
    build.send_signal(sig)
    build.send_signal(signal.SIGCONT)
    _, stderr = build.communicate(timeout=PATIENCE)
    if sig == signal.SIGKILL:
        assert build.returncode == -signal.SIGKILL
    else:  # click turns Ctrl-C into "Aborted!" and exit code 1
        assert build.returncode == 1 and stderr.decode().strip().endswith("Aborted!"), stderr

    assert snapshot(store) == before
    assert live_version(store) == live_before
    rows_after = kg("query", "chairs", "--store", str(store), "--format", "csv")
    assert (rows_after.returncode, rows_after.stdout) == (0, rows_before.stdout)
    validated = kg("validate", "--store", str(store))
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert validated.stdout.startswith("Conforms:")

    rebuilt = kg("build", str(big), "--store", str(store), "--jobs", "1")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stdout.startswith(f"built {2 * (COPIES + 1)} document(s) into {store}/")
    assert count_of(chair_posts(store)) == 2 * (COPIES + 1)
    assert all(snapshot(store)[name] != before[name] for name in OUTPUTS)
    # what the interrupted build left behind is gone: the live database and the one
    # before it (a reader may still hold it) remain, and no half-written file
    assert sorted(p.name for p in store.glob("oxigraph.*")) == sorted({live_version(store), live_before})
    assert sorted(p.name for p in [*store.glob(".*"), *(store / "cache").glob(".*")]) == []


def test_queries_during_a_build_see_the_old_graph_or_the_new_one(store: Path, big: Path) -> None:
    old, new = 2, 2 * (COPIES + 1)
    assert count_of(chair_posts(store)) == old
    build = subprocess.Popen([KG, "build", str(big), "--store", str(store), "--jobs", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    answers: list[tuple[int, str, str]] = []
    during = 0
    while build.poll() is None:
        result = chair_posts(store)
        answers.append((result.returncode, result.stdout, result.stderr))
        during += build.poll() is None
    _, stderr = build.communicate(timeout=PATIENCE)
    assert build.returncode == 0, stderr
    answers.append((lambda r: (r.returncode, r.stdout, r.stderr))(chair_posts(store)))

    assert during >= 3, "too few queries ran during the build to show anything"
    assert [a for a in answers if a[0] != 0 or a[2]] == []
    counts = [int(stdout.split()[1]) for _, stdout, _ in answers]
    assert set(counts) <= {old, new}
    assert counts == sorted(counts)  # once the new graph is seen, the old one never comes back
    assert counts[-1] == new
