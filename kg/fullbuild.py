"""A build into an empty store: every document graph made at once, as text, off the main process.

A full build of 10,000 documents makes 1.7 million triples. Made the incremental way
(kg.build's loop: rdflib terms, then pyoxigraph quads one Python object each, then the
store's bulk loader, then kg.ttl by dumping the store again), that was most of the
build's time after extraction, all of it in one process while the other core idled.
Here, when the store starts empty:

- the document graphs are made in worker processes (``jobs``; spawned, so a worker
  holds the entities and its own documents only, not a copy of the build process), each
  as N-Triples text (kg.ntriples) with what the build keeps of it (hash, the resolution's
  answers it read, its dated memberships);
- the main process hands the text to the store's bulk loader on a thread (pyoxigraph
  parses it in Rust and releases the GIL) and spools the triples, in the form the store
  keeps them, to a temporary file: nothing is held for all documents at once but the
  small records;
- kg.ttl is written from the spooled lines (sorted, without duplicates) by pyoxigraph's
  Turtle writer, the same writer and the same order as ``GraphStore.export("turtle")``,
  instead of reading 1.7 million terms back out of RocksDB.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import hashlib
import heapq
import itertools
import json
import mmap
import multiprocessing
import os
import queue
import shutil
import tempfile
import threading
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import URIRef

from kg.model import Entity, Facts, Resolution
from kg.ntriples import nt_term, stored_term
from kg.rdf import document_triples, entities_triples, tenure_statements

__all__ = ["Task", "Helpers", "MadeGraph", "make_graphs", "load_graph", "BulkLoad", "Spool", "GraphPool", "TurtleMade",
           "TurtleJob",
           "POOL_MIN_DOCUMENTS"]

POOL_MIN_DOCUMENTS = 400
"""Fewer documents than this are made in the build process: starting two spawned workers
(an interpreter and kg.rdf's imports each) costs about 1 s of CPU, what some 300
documents' graphs cost (a full build of 100 documents: 4.8 s of CPU with workers, 2.9 s
without, docs/benchmarks-build.md)."""

_BATCH_BYTES = 64 << 20
"""N-Quads handed to one bulk load. Each call writes its own sorted files, which RocksDB
then merges: the 496 MB of a 10,000-document build loaded in calls of 32 MB took 34 s of
CPU, of 64 MB 30 s (of 128 MB 30 s, one call 29 s but 1.8 GB resident); a call holds some
three times its batch while it loads (docs/benchmarks-build.md)."""


@dataclass(frozen=True)
class Task:
    """One document graph to make: the document, its graph's IRI, its facts (their
    facts.jsonl line) and the resolution's answers for its local ids and reviews."""

    document: str
    graph: str
    facts: str
    members: tuple[tuple[str, str], ...]
    reviews: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Helpers:
    """What kg.build records while a graph is made (passed by reference: this module
    does not import kg.build). ``recording(resolution)`` notes the answers read
    (``.ids``, ``.keys``) and raises ``unrecordable`` for what it cannot track;
    ``said_json`` writes a graph's dated memberships as the build keeps them."""

    recording: Callable[[Resolution], Any]
    unrecordable: type[Exception]
    said_json: Callable[[dict], str]


@dataclass(frozen=True)
class MadeGraph:
    """What the build keeps of a document graph made here (it is already in the store)."""

    name: str
    hash: str  # kg.build._quads_hash of its quads
    deps: dict | None  # the resolution's answers it read (None: not trackable)
    said: str  # its dated memberships, as kg.build._said_json writes them


_Chunk = tuple[list[MadeGraph], bytes, bytes]  # made graphs, their N-Quads, their triples as stored (sorted)

_state: dict[str, Any] = {}


def _init(entities: dict[str, Entity], base: str, helpers: Helpers, worker: bool = False) -> None:
    if worker:
        _die_with_parent()
    _state.update(entities=entities, base=base, helpers=helpers)


def _die_with_parent() -> None:
    """Linux: have the kernel kill this worker when the build dies (``kill -9`` of a build
    must not leave workers behind: a spawned worker waits on a queue that other workers
    keep open, so it would never see the build go)."""
    from kg.batch import _die_with_parent as die

    die()


def _make_one(task: Task, nquads: list[str], stored: list[str]) -> MadeGraph:
    entities, base, helpers = _state["entities"], _state["base"], _state["helpers"]
    doc = task.document
    resolution = Resolution(entities, {(doc, i): k for i, k in task.members},
                            {(doc, i): k for i, k in task.reviews})
    facts = Facts.from_json(json.loads(task.facts))
    recording = helpers.recording(resolution)
    deps: dict | None
    try:
        triples = document_triples(facts, recording, base)
        deps = {"ids": sorted(recording.ids), "keys": sorted(recording.keys)}
    except helpers.unrecordable:  # asked what cannot be tracked: always remade (kg.build._GraphSource)
        triples = document_triples(facts, resolution, base)
        deps = None
    digest = hashlib.sha256("\n".join(sorted(set(_text(triples, task.graph, nquads, stored)))).encode("utf-8"))
    return MadeGraph(task.graph, digest.hexdigest(), deps, helpers.said_json(tenure_statements(triples)))


def _text(triples: Iterable[tuple], name: str, nquads: list[str], stored: list[str]) -> list[str]:
    """Triples of graph ``name`` as N-Quads (added to ``nquads``) and as N-Triples lines in
    the form the store keeps them (added to ``stored``); returns their N-Triples lines as
    written (kg.build._line's form, for the graph's hash)."""
    graph = f" <{name}> .\n"
    lines = []
    for s, p, o in triples:
        # (type() is: the writers' IRIs are plain URIRefs; anything else goes the long way)
        head = f"<{s}> <{p}> " if type(s) is URIRef and type(p) is URIRef else f"{nt_term(s)} {nt_term(p)} "
        if type(o) is URIRef:
            obj = kept = f"<{o}>"
        else:
            obj = nt_term(o)
            kept = stored_term(o, obj)
        lines.append(f"{head}{obj} .")
        nquads.append(f"{head}{obj}{graph}")
        stored.append(f"{head}{kept} .\n")
    return lines


def load_graph(store: ox.Store, spool: Spool, triples: Iterable[tuple], name: str) -> list[str]:
    """Bulk-load one more graph (the entities, the tenures) made in this process into
    ``store`` as text, and spool its lines; returns its lines as the store keeps them
    (without their newlines)."""
    nquads: list[str] = []
    stored: list[str] = []
    _text(triples, name, nquads, stored)
    if nquads:
        store.bulk_load("".join(nquads).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return _spooled(spool, stored)


def _spooled(spool: Spool, stored: list[str]) -> list[str]:
    kept = sorted(set(stored))
    spool.add("".join(kept).encode("utf-8"))
    return [line[:-1] for line in kept]


_waiting: list[Any] = []  # a started worker's queue, on which its state arrives (GraphPool)


def _wait_for_state(states: Any) -> None:
    _die_with_parent()
    _waiting.append(states)


def _warm() -> None:
    """Nothing: a task that makes ProcessPoolExecutor start a worker (which imports this
    module, kg.rdf and rdflib) while the build is still extracting."""


@dataclass(frozen=True)
class _EntitiesPart:
    """Some entities' part of the entities graph (every triple of which has its entity as
    subject, kg.rdf.entities_triples): made by the graph workers beside the documents'
    graphs rather than by the build process after them (3 s of its CPU at 10,000)."""

    keys: tuple[str, ...]
    graph: str


_ENTITIES_PART = 2000
"""Entities per _EntitiesPart."""


def _make(work: list[Task] | _EntitiesPart) -> _Chunk:
    if not _state and _waiting:  # a worker started before resolution: its state, once
        entities, base, helpers = _waiting[0].get()
        _init(entities, base, helpers)
    if isinstance(work, _EntitiesPart):
        return _make_entities(work)
    return _make_chunk(work)


def _make_entities(part: _EntitiesPart) -> _Chunk:
    entities, base = _state["entities"], _state["base"]
    triples = entities_triples(Resolution({k: entities[k] for k in part.keys}, {}), base)
    nquads: list[str] = []
    stored: list[str] = []
    _text(triples, part.graph, nquads, stored)
    return [], "".join(nquads).encode("utf-8"), "".join(sorted(set(stored))).encode("utf-8")


def _make_chunk(tasks: list[Task]) -> _Chunk:
    nquads: list[str] = []
    stored: list[str] = []
    made = [_make_one(t, nquads, stored) for t in tasks]
    return made, "".join(nquads).encode("utf-8"), "".join(sorted(set(stored))).encode("utf-8")


class _Loader(threading.Thread):
    """Hands N-Quads to the store's bulk loader, one batch at a time, beside the main
    thread (pyoxigraph releases the GIL while it loads). At most two batches wait."""

    def __init__(self, store: ox.Store) -> None:
        super().__init__(name="kg-bulk-load", daemon=True)
        self.store: ox.Store | None = store
        self.todo: queue.Queue[bytes | None] = queue.Queue(maxsize=2)
        self.error: BaseException | None = None

    def run(self) -> None:
        while (data := self.todo.get()) is not None:
            if self.error is None and self.store is not None:
                try:
                    self.store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
                except BaseException as error:  # noqa: BLE001  (raised again in the main thread)
                    self.error = error


class BulkLoad:
    """N-Quads bulk-loaded into a store on a thread, in batches of ``_BATCH_BYTES``, until
    ``finish``. Owned by the caller of ``make_graphs`` rather than by it, so that what
    the build makes after the document graphs (their fingerprints, the tenures graph,
    ``graph``) runs while the loader is still busy with the last batches (some seconds of
    one core at 10,000 documents, beside idle graph workers), not after it."""

    def __init__(self, store: ox.Store) -> None:
        self._loader = _Loader(store)
        self._loader.start()
        self._pending: list[bytes] = []
        self._size = 0
        self._done = False

    def add(self, nquads: bytes) -> None:
        """Some N-Quads, loaded once a batch is full (or at ``finish``)."""
        self._pending.append(nquads)
        self._size += len(nquads)
        if self._size >= _BATCH_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._loader.todo.put(b"".join(self._pending))
            self._pending, self._size = [], 0

    def graph(self, spool: Spool, triples: Iterable[tuple], name: str) -> list[str]:
        """``load_graph`` through this loader (loaded by ``finish`` at the latest)."""
        nquads: list[str] = []
        stored: list[str] = []
        _text(triples, name, nquads, stored)
        if nquads:
            self.add("".join(nquads).encode("utf-8"))
        return _spooled(spool, stored)

    def finish(self) -> None:
        """Everything added is in the store (or the loader's error is raised)."""
        if not self._done:
            self._flush()
        self.close()
        if self._loader.error is not None:
            raise self._loader.error

    def close(self) -> None:
        """The thread stopped (what was queued is loaded first); idempotent, raises nothing."""
        if not self._done:
            self._done = True
            self._loader.todo.put(None)
            self._loader.join()
            # the store let go: RocksDB closes when its last reference goes, and a close
            # after the build's end would change the files a kept export's stamp names
            self._loader.store = None


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for t in tasks:
        chunk.append(t)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class GraphPool:
    """The graph workers, started before extraction, when the build process is still small.

    Why: a spawned worker is forked before it runs a new interpreter, and ``ru_maxrss``
    (what the bench reads, per child) counts for that instant every page of the process
    it was forked from: started after resolution at 10,000 documents, each worker "peaked"
    at 384 MiB while it held 80. Started early, the workers also import kg.rdf while the
    others extract. What they need from resolution (the entities) is sent later through a
    queue, once to each worker."""

    def __init__(self, jobs: int) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.jobs = jobs
        self.states = ctx.Queue()  # (put by a feeder thread: a worker reads its state only when its first chunk comes)
        self.pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_wait_for_state, initargs=(self.states,))
        for _ in range(jobs):  # (a spawning pool starts a worker per task while none is idle)
            self.pool.submit(_warm)

    def start(self, entities: dict[str, Entity], base: str, helpers: Helpers) -> None:
        for _ in range(self.jobs):
            self.states.put((entities, base, helpers))

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.states.cancel_join_thread()  # states no worker took (it got no chunk) are dropped
        self.states.close()


def _results(tasks: Iterable[Task], count: int, entities: dict[str, Entity], base: str, helpers: Helpers,
             jobs: int, early: GraphPool | None = None, entities_graph: str | None = None) -> Iterator[_Chunk]:
    """Chunks made in order (the entities graph's parts first, if ``entities_graph``
    names it): in worker processes, or here for few documents or one job. At most a few
    chunks are ahead of the caller, so a slow store does not pile up made graphs in
    memory. If the pool breaks, the chunks not yet given are made here."""
    keys = sorted(entities) if entities_graph is not None else []
    parts = [_EntitiesPart(tuple(keys[i:i + _ENTITIES_PART]), entities_graph or "")
             for i in range(0, len(keys), _ENTITIES_PART)]
    if jobs <= 1 or count < POOL_MIN_DOCUMENTS:
        _init(entities, base, helpers)
        here: Iterator[list[Task] | _EntitiesPart] = itertools.chain(parts, _chunks(tasks, 16))
        try:
            yield from map(_make, here)
        finally:
            _state.clear()
        return
    size = max(4, min(32, count // (jobs * 16)))
    ctx = multiprocessing.get_context("spawn")  # a fork would copy the build process (and count it per worker)
    source: Iterator[list[Task] | _EntitiesPart] = itertools.chain(parts, _chunks(tasks, size))
    ahead: deque[tuple[list[Task] | _EntitiesPart, Future[_Chunk]]] = deque()
    unsent: list[Task] | _EntitiesPart | None = None
    if early is not None:
        early.start(entities, base, helpers)
    try:
        # (the early pool is left running: it writes kg.ttl next, GraphPool.close ends it)
        pool = early.pool if early is not None else \
            ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init, initargs=(entities, base, helpers, True))
        with pool if early is None else contextlib.nullcontext(pool):
            for chunk in source:
                unsent = chunk  # (a pool broken when it is submitted raises here: it is made below)
                ahead.append((chunk, pool.submit(_make, chunk)))
                unsent = None
                if len(ahead) >= jobs * 3:
                    result = ahead[0][1].result()
                    ahead.popleft()
                    yield result
            while ahead:
                result = ahead[0][1].result()
                ahead.popleft()
                yield result
    except BrokenProcessPool:
        # a worker could not start or died (e.g. a calling script without a __main__ guard,
        # which a spawned worker imports again): what is left is made here, in order
        _init(entities, base, helpers)
        try:
            for chunk in [c for c, _ in ahead] + ([unsent] if unsent is not None else []):
                yield _make(chunk)
            for chunk in source:
                yield _make(chunk)
        finally:
            _state.clear()


def make_graphs(load: BulkLoad, tasks: Iterable[Task], count: int, entities: dict[str, Entity], base: str,
                helpers: Helpers, jobs: int, spool: Spool,
                progress: Callable[[int], None] | None = None, early: GraphPool | None = None,
                entities_graph: str | None = None) -> Iterator[MadeGraph]:
    """Make the ``count`` document graphs of ``tasks`` (and, if ``entities_graph`` names
    it, the entities graph) and hand them to ``load`` (whose store must hold none of
    them: nothing is removed); write their triples, in the form the store keeps them,
    to ``spool``. Yields what the build keeps of each document graph, in order; the
    store holds every graph once ``load.finish()`` has returned."""
    done = 0
    for made, nquads, stored in _results(tasks, count, entities, base, helpers, jobs, early, entities_graph):
        spool.add(stored)
        load.add(nquads)
        for m in made:
            done += 1
            yield m
            if progress is not None:
                progress(done)


class Spool:
    """The triples of the graphs made, as the store keeps them, in a temporary file: one
    run of sorted lines per chunk of documents. kg.ttl is written from a merge of the runs
    (``turtle``): held whole in memory, 1.7 million lines were about 560 MiB more at the
    build's peak; merged, what is held is a line per run."""

    def __init__(self) -> None:
        fd, self.path = tempfile.mkstemp(prefix="kg-spool-")  # named: a graph worker may merge it (``start_turtle``)
        self.file: IO[bytes] = os.fdopen(fd, "w+b")
        self._gone = weakref.finalize(self, _remove, self.path)  # deleted, even by a build that fails
        self.runs: list[tuple[int, int]] = []  # (start, end) in the file
        self.size = 0

    def add(self, lines: bytes) -> None:
        """A run: N-Triples lines, sorted, no duplicates (each ends with b"\\n")."""
        if lines:
            self.file.write(lines)
            self.runs.append((self.size, self.size + len(lines)))
            self.size += len(lines)

    def close(self) -> None:
        self.file.close()
        self._gone()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def turtle(self, more: Iterable[bytes]) -> tuple[bytes, int]:
        """kg.ttl of a store that holds the spooled lines and ``more`` (N-Triples text, as
        the store dumps it), and its number of distinct triples: ``GraphStore.export("turtle")``'s
        bytes (sorted lines, pyoxigraph's Turtle writer, our prefixes), without reading the
        store back. No blank nodes here (every node of the build has an IRI)."""
        self._finish(more)
        return _merged_turtle(self.path, self.runs)

    def _finish(self, more: Iterable[bytes]) -> None:
        for text in more:
            self.add(b"".join(sorted({line + b"\n" for line in text.split(b"\n") if line})))
        self.file.flush()

    def start_turtle(self, more: Iterable[bytes], target: Path, pool: GraphPool | None) -> TurtleJob:
        """``turtle`` written to ``target`` (flushed to disk) by the graph workers of
        ``pool`` while the build writes its other outputs (here, when the job's result
        is asked, without a pool or when the pool is broken). Why: merging 1.7 million
        lines and writing 115 MB of Turtle was some 7 s of the serial end of a
        10,000-document build, beside an idle core. With a pool, two workers write it
        in two halves cut between subjects (``_split``); the spool must stay open until
        the job is done."""
        self._finish(more)
        parts = _split(self.path, self.runs) if pool is not None else [list(self.runs)]
        return TurtleJob(pool, self.path, parts, str(target))


def _split(path: str, runs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The runs cut in two at one subject near the middle of the lines (the median of
    each run's middle line): every line of a subject falls on one side, and the Turtle
    of the two sides, the second without its prefixes, is the Turtle of the whole
    (pyoxigraph's writer starts each subject afresh). One part if a side is empty."""
    size = os.path.getsize(path)
    if not runs or not size:
        return [list(runs)]
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as view:
        middles = []
        for a, b in runs:
            start = view.rfind(b"\n", a, (a + b) // 2) + 1 or a
            middles.append(view[start:view.find(b"\n", start, b) + 1])
        middle = sorted(middles)[len(middles) // 2]
        key = middle[:middle.index(b" ") + 1]  # its subject and the space after it
        cuts = [_cut(view, a, b, key) for a, b in runs]
    low = [(a, c) for (a, _), c in zip(runs, cuts, strict=True) if c > a]
    high = [(c, b) for (_, b), c in zip(runs, cuts, strict=True) if b > c]
    return [low, high] if low and high else [list(runs)]


def _cut(view: mmap.mmap, start: int, end: int, key: bytes) -> int:
    """The start of the first line of run [start, end) not below ``key``, by bisection."""
    lo, hi = start, end
    while lo < hi:
        mid = (lo + hi) // 2
        at = view.rfind(b"\n", start, mid) + 1 or start
        stop = view.find(b"\n", at, end) + 1
        if view[at:stop] < key:
            lo = stop
        else:
            hi = at
    return lo


class TurtleJob:
    """kg.ttl being written (``Spool.start_turtle``): each part by a graph worker when
    there is a pool, into ``target`` and the files after it; put together by ``result``."""

    def __init__(self, pool: GraphPool | None, path: str, parts: list[list[tuple[int, int]]], target: str) -> None:
        self.path, self.parts = path, parts
        self.targets = [target] + [f"{target[:-4] if target.endswith('.tmp') else target}.{i}.tmp"
                                   for i in range(1, len(parts))]
        self.futures: list[Future[TurtleMade] | None] = [None] * len(parts)
        if pool is not None:
            for i, runs in enumerate(parts):
                try:
                    self.futures[i] = pool.pool.submit(_write_turtle, path, runs, self.targets[i])
                except (BrokenProcessPool, RuntimeError):  # (RuntimeError: shut down)
                    self.futures[i] = None

    def _part(self, i: int) -> TurtleMade:
        future = self.futures[i]
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:
                self.futures[i] = None
        return _write_turtle(self.path, self.parts[i], self.targets[i])

    def result(self) -> TurtleMade:
        """What was written, once it is (any part its worker could not write is written
        here); the parts after the first are appended to the target, without their
        prefixes, and removed."""
        made = [self._part(i) for i in range(len(self.parts))]
        with open(self.targets[0], "r+b") as out:
            if len(made) > 1:
                out.seek(0, os.SEEK_END)
                for part in self.targets[1:]:
                    with open(part, "rb") as f:
                        while (line := f.readline()).startswith(b"@prefix "):
                            pass
                        out.write(line)
                        shutil.copyfileobj(f, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
                self.remove_parts()
            size = os.fstat(out.fileno()).st_size
            digest, blank = hashlib.sha256(), False
            if size:
                with mmap.mmap(out.fileno(), 0, access=mmap.ACCESS_READ) as data:
                    digest.update(data)
                    blank = data.find(b"_:") != -1
        return TurtleMade(sum(m.triples for m in made), size, digest.hexdigest(), blank)

    def wait(self) -> None:
        """Until no worker reads the spool nor writes a part (whatever its outcome); the
        parts after the first are removed."""
        concurrent.futures.wait([f for f in self.futures if f is not None])
        self.remove_parts()

    def remove_parts(self) -> None:
        for part in self.targets[1:]:
            Path(part).unlink(missing_ok=True)


def _remove(path: str) -> None:
    Path(path).unlink(missing_ok=True)


@dataclass(frozen=True)
class TurtleMade:
    """kg.ttl as written: its distinct triples, its size, SHA-256, and whether "_:"
    occurs in it (what kg.store keeps in an export's stamp)."""

    triples: int
    size: int
    sha256: str
    blank: bool


def _write_turtle(path: str, runs: list[tuple[int, int]], target: str) -> TurtleMade:
    """The Turtle of ``runs`` streamed to ``target`` (and synced): what a worker holds is
    a block of lines and the writer's buffers, not the file. Only its triples are
    counted here (TurtleJob.result reads the whole file once it is put together)."""
    from kg.ns import PREFIXES

    with tempfile.TemporaryFile() as merged:
        count = _merge(path, runs, merged)
        merged.seek(0)
        with open(target, "wb") as out:
            ox.serialize(ox.parse(merged, format=ox.RdfFormat.N_TRIPLES), out, format=ox.RdfFormat.TURTLE,
                         prefixes=PREFIXES)
            out.flush()
            os.fsync(out.fileno())
    return TurtleMade(count, 0, "", False)


def _merged_turtle(path: str, runs: list[tuple[int, int]]) -> tuple[bytes, int]:
    """The Turtle of the spooled runs of file ``path``, and its number of distinct triples."""
    from kg.ns import PREFIXES

    with tempfile.TemporaryFile() as merged:
        count = _merge(path, runs, merged)
        merged.seek(0)
        turtle = ox.serialize(ox.parse(merged, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                              prefixes=PREFIXES) or b""
    return turtle, count


def _merge(path: str, runs: list[tuple[int, int]], merged: IO[bytes]) -> int:
    """The lines of the runs of file ``path`` written to ``merged`` in order, each once;
    returns how many. The runs are read by ``os.pread`` a block at a time, not mapped:
    the pages of a mapped file count in the process's resident size, and a worker that
    merged a 10,000-document spool "peaked" at 364 MiB."""
    count = 0
    with open(path, "rb") as spooled:
        fd = spooled.fileno()
        last = None
        block: list[bytes] = []
        for line in heapq.merge(*(_lines(fd, a, b) for a, b in runs)):
            if line != last:  # a triple in several graphs is one triple of the union
                block.append(line)
                last = line
                if len(block) >= 65536:
                    count += len(block)
                    merged.write(b"".join(block))
                    block = []
        count += len(block)
        merged.write(b"".join(block))
    return count


_READ = 1 << 15
"""Bytes read from one run at a time (a spool has some 1,000 runs at 10,000 documents)."""


def _lines(fd: int, start: int, end: int) -> Iterator[bytes]:
    """The lines of one run, each with its b"\\n" (binary lines end at b"\\n" only:
    U+2028 is data)."""
    rest = b""
    while start < end:
        data = os.pread(fd, min(_READ, end - start), start)
        if not data:
            break
        start += len(data)
        lines = (rest + data).split(b"\n")
        rest = lines.pop()
        for line in lines:
            yield line + b"\n"
    if rest:
        yield rest
