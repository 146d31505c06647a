"""Extraction over many files: ingest each, extract its facts, never stop for a bad one.

Work is spread over processes when ``jobs`` > 1 (extraction is pure Python and CPU-bound,
so threads would not help); results come back in input order either way, so the output
is the same whatever the number of jobs.

Every document has a time budget (``budget`` seconds, DEFAULT_BUDGET unless told): each
is extracted in a worker process, and a worker still busy when its document's time is up
is killed and replaced; that document is reported as skipped (ExtractionTimeout, naming
the file) and the batch goes on. Why processes and not a timer in one process: a regular
expression running in C cannot be interrupted by a signal, and a thread cannot be killed.
Extraction is meant to be linear (docs/benchmarks-extract.md, hostile-growth table); the
budget is the guarantee for whatever text still finds a slow path.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from kg.errors import ExtractionTimeout, InputError
from kg.ingest import Listing, iter_documents, list_inputs, read_document
from kg.model import Document, Facts

Finish = Callable[[str, Facts], Any]
"""What a caller wants of each document's facts, worked out where they were extracted
(``iter_facts``'s ``finish``): a module-level function (a worker of the budget-less pool
is sent it), taking the file's path and its facts. Why: the build turned every document's
facts into JSON, a resolution record and a cache file in its own process, 23 s of its CPU
beside the workers at 10,000 documents; a worker sends back those results instead of the
facts, as strings, which also cost less to pickle than the facts' objects."""


@dataclass(frozen=True)
class BatchResult:
    facts: tuple[Facts, ...]
    errors: tuple[InputError, ...]
    skipped: tuple[Path, ...]  # hidden or unsupported files found inside folders


def _extract(document: Document) -> Facts:
    """kg.extract.pipeline.extract, imported on first use: importing the extractors
    (and compiling their rules) was a third of a rebuild that extracts nothing."""
    from kg.extract.pipeline import extract

    return extract(document)


def _extract_file(path: str, finish: Finish | None = None) -> Any:
    """The facts of one file (or ``finish(path, facts)``, worked out here: in a worker
    when there are workers), or the InputError that stopped it."""
    try:
        facts = _extract(read_document(Path(path)))
        return facts if finish is None else finish(path, facts)
    except InputError as error:
        return error
    except Exception as error:  # noqa: BLE001  (a bug must not stop the batch: name the file and the error)
        return InputError(Path(path), detail=f"unexpected {type(error).__name__}: {error}; please report this")


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


DEFAULT_BUDGET = 60.0
"""Seconds one document may take to extract before it is skipped (--budget)."""


def iter_facts(listing: Listing, jobs: int = 1, budget: float | None = DEFAULT_BUDGET,
               finish: Finish | None = None, warm: list[Worker] | None = None,
               meanwhile: Callable[[], None] | None = None) -> Iterator[Any]:
    """Facts or errors, one per input, in input order. ``budget``: seconds per document
    (None: no limit, and with one job everything runs in this process). ``finish``: each
    document's ``finish(path, facts)`` in place of its facts (see ``Finish``). ``warm``:
    workers from ``warm_worker`` (same ``finish``), used first, and stopped either way.
    ``meanwhile``: called once, when the first result is asked for, after the workers
    were given their first documents (work of the caller's that does not need the
    results: it runs while a warm worker finishes its start-up)."""
    if budget is not None:
        yield from _budgeted(listing, max(1, jobs), budget, finish, warm, meanwhile)
        return
    if meanwhile is not None:
        meanwhile()
    for w in warm or ():
        w.stop(kill=True)
    if jobs <= 1:
        for item in iter_documents(listing):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                facts = _extract(item)
                yield facts if finish is None else finish(str(item.source or item.id), facts)
            except Exception as error:  # noqa: BLE001  (a bug must not stop the batch)
                yield InputError(Path(item.source or item.id),
                                 detail=f"unexpected {type(error).__name__}: {error}; please report this")
        return
    order = _in_order(listing)
    paths = [x for x in order if isinstance(x, str)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        work = _extract_file if finish is None else partial(_extract_file, finish=finish)
        results = iter(pool.map(work, paths, chunksize=max(1, len(paths) // (jobs * 8) or 1)))
        for x in order:
            yield x if isinstance(x, InputError) else next(results)


def _in_order(listing: Listing) -> list[str | InputError]:
    """Paths and listing errors in input order (duplicate ids are decided by list_inputs)."""
    return [item if isinstance(item, InputError) else str(item) for item in listing.items]


def _die_with_parent() -> None:
    """Linux: have the kernel kill this worker when the process that started it dies
    (``kill -9`` of a build must not leave workers holding its pipes and files)."""
    try:
        import ctypes
        import signal
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _load_extractor() -> None:
    """Import the extractor and build what its documents share (``prepare``: rules, models,
    every scanner a page reaches; about 0.3 s of CPU): once in a process that forks
    workers, so no worker's first document pays it against its budget."""
    from kg.extract.pipeline import prepare

    prepare()


def _import_extractor() -> None:
    """Import the extractor, nothing more: what a warm worker does before saying it is
    ready. Not ``prepare`` (rules, models and an invented page extracted to build every
    scanner a page reaches): that pays off in a process that forks many workers, but a
    process that extracts for itself builds on its first document what that document
    needs, and the invented page on top of it was 0.1-0.2 s of CPU on the critical path of
    a one-file rebuild (the build process waits for this worker; scripts/bench_build.py).
    The facts do not depend on what was built before."""
    import kg.extract.pipeline  # noqa: F401


def _serve(conn: Connection, parent_end: Connection, finish: Finish | None = None, warm: bool = False) -> None:
    """A worker: paths in, Facts or InputError out, until told to stop or orphaned.
    ``warm``: import the extractor first, then say so (see ``warm_worker``)."""
    parent_end.close()  # else our own copy of the parent's end keeps recv() from seeing EOF
    _die_with_parent()
    if warm:
        _import_extractor()
        conn.send(True)
    parent = os.getppid()
    while True:
        try:
            if not conn.poll(1.0):
                if os.getppid() != parent:  # the parent died (where PDEATHSIG is not available)
                    return
                continue
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        conn.send(_extract_file(path, finish))


class Worker:
    """An extraction process fed one path at a time through a pipe (see _serve)."""

    def __init__(self, ctx, finish: Finish | None = None, warm: bool = False) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, self.conn, finish, warm), daemon=True,
                                name="kg-extract")
        self.proc.start()
        child.close()
        self.slot: int | None = None
        self.deadline = 0.0
        self.warming = warm  # its "ready" not yet read

    def give(self, slot: int, path: str, budget: float) -> None:
        """Send it a path. A worker still warming gets it at once (it reads it once ready),
        and its budget starts when its "ready" arrives (``ready``), as for any worker; the
        caller is not held up meanwhile."""
        self.slot = slot
        self.deadline = math.inf if self.warming else time.monotonic() + budget
        try:
            self.conn.send(path)
        except OSError:
            pass  # it died: the wait in _budgeted sees it and reports the document

    def ready(self, budget: float) -> None:
        """Its "ready" was read: the budget of the document it holds starts now."""
        self.warming = False
        self.deadline = time.monotonic() + budget

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def _context():
    # fork: the parent has already imported the extractor, so a new worker is ready at once
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def warm_worker(finish: Finish | None = None) -> Worker | None:
    """An extraction worker started before the inputs are listed (fork only, else None),
    for ``iter_facts(..., warm=...)`` with the same ``finish``: it imports the extractor
    (``_import_extractor``) on the other core while this process lists and checks the
    inputs, so a rebuild where one file changed does not wait for that after.
    Unused (nothing changed), it is killed: it holds nothing but its own copies."""
    ctx = _context()
    return Worker(ctx, finish, warm=True) if ctx.get_start_method() == "fork" else None


def _budgeted(listing: Listing, jobs: int, budget: float, finish: Finish | None = None,
              warm: list[Worker] | None = None, meanwhile: Callable[[], None] | None = None) -> Iterator[Any]:
    order = _in_order(listing)
    todo = [(i, x) for i, x in enumerate(order) if isinstance(x, str)]
    done: dict[int, Facts | InputError] = {i: x for i, x in enumerate(order) if isinstance(x, InputError)}
    ctx = _context()
    wanted = min(jobs, len(todo))
    started = list(warm or ())
    for w in started[wanted:]:
        w.stop(kill=True)
    workers = started[:wanted]
    if len(workers) < wanted and ctx.get_start_method() == "fork":
        _load_extractor()  # once here, inherited by every worker forked (and by each replacement)
    workers += [Worker(ctx, finish) for _ in range(wanted - len(workers))]
    queue = iter(todo)
    pending = len(todo)
    emitted = 0
    try:
        for w in workers:
            nxt = next(queue, None)
            if nxt is not None:
                w.give(nxt[0], nxt[1], budget)
        if meanwhile is not None:
            meanwhile()
        while pending or emitted < len(order):
            while emitted in done:
                yield done.pop(emitted)
                emitted += 1
            busy = [w for w in workers if w.slot is not None]
            if not busy:
                continue
            now = time.monotonic()
            first = min(w.deadline for w in busy)
            ready = wait([w.conn for w in busy], timeout=None if first == math.inf else max(0.0, first - now))
            for k, w in enumerate(workers):
                if w.slot is None:
                    continue
                slot, path = w.slot, order[w.slot]
                if w.conn in ready:
                    try:
                        if w.warming:
                            w.conn.recv()  # its "ready": the document's budget starts
                            w.ready(budget)
                            continue
                        done[slot] = w.conn.recv()
                    except (EOFError, OSError):  # the worker died (warming, out of memory, a crash in C code)
                        code = w.proc.exitcode
                        done[slot] = InputError(Path(str(path)), detail=f"the extraction process ended "
                                                f"unexpectedly (exit code {code}); please report this")
                        w.stop(kill=True)
                        w = workers[k] = Worker(ctx, finish)
                elif time.monotonic() >= w.deadline:
                    done[slot] = ExtractionTimeout(Path(str(path)), seconds=budget)
                    w.stop(kill=True)
                    w = workers[k] = Worker(ctx, finish)
                else:
                    continue
                w.slot = None
                pending -= 1
                nxt = next(queue, None)
                if nxt is not None:
                    w.give(nxt[0], nxt[1], budget)
    finally:
        for w in workers:
            w.stop(kill=w.slot is not None)


def extract_paths(paths: Iterable[Path | str], jobs: int = 1,
                  progress: Callable[[int, int], None] | None = None,
                  budget: float | None = DEFAULT_BUDGET) -> BatchResult:
    """Extract every readable document under ``paths``; collect the rest as errors."""
    listing = list_inputs(paths)
    facts: list[Facts] = []
    errors: list[InputError] = []
    total = len(listing.items)
    for n, item in enumerate(iter_facts(listing, jobs, budget), 1):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            facts.append(item)
        if progress:
            progress(n, total)
    return BatchResult(tuple(facts), tuple(errors), listing.skipped)
