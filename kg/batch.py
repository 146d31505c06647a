"""Extraction over many files: ingest each, extract its facts, never stop for a bad one.

Work is spread over processes when ``jobs`` > 1 (extraction is pure Python and CPU-bound,
so threads would not help); results come back in input order either way, so the output
is the same whatever the number of jobs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.extract.pipeline import extract
from kg.ingest import Listing, iter_documents, list_inputs, read_document
from kg.model import Facts


@dataclass(frozen=True)
class BatchResult:
    facts: tuple[Facts, ...]
    errors: tuple[InputError, ...]
    skipped: tuple[Path, ...]  # hidden or unsupported files found inside folders


def _extract_file(path: str) -> Facts | InputError:
    try:
        return extract(read_document(Path(path)))
    except InputError as error:
        return error
    except Exception as error:  # a bug must not stop the batch: name the file and the error
        return InputError(Path(path), detail=f"unexpected {type(error).__name__}: {error}; please report this")


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def iter_facts(listing: Listing, jobs: int = 1) -> Iterator[Facts | InputError]:
    """Facts or errors, one per input, in input order."""
    if jobs <= 1:
        for item in iter_documents(listing):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield extract(item)
            except Exception as error:  # a bug must not stop the batch
                yield InputError(Path(item.source or item.id),
                                 detail=f"unexpected {type(error).__name__}: {error}; please report this")
        return
    # Listing errors (duplicate ids included) are decided by list_inputs, in order.
    order = [item if isinstance(item, InputError) else str(item) for item in listing.items]
    paths = [x for x in order if isinstance(x, str)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = iter(pool.map(_extract_file, paths, chunksize=max(1, len(paths) // (jobs * 8) or 1)))
        for x in order:
            yield x if isinstance(x, InputError) else next(results)


def extract_paths(paths: Iterable[Path | str], jobs: int = 1,
                  progress: Callable[[int, int], None] | None = None) -> BatchResult:
    """Extract every readable document under ``paths``; collect the rest as errors."""
    listing = list_inputs(paths)
    facts, errors = [], []
    total = len(listing.items)
    for n, item in enumerate(iter_facts(listing, jobs), 1):
        (errors if isinstance(item, InputError) else facts).append(item)
        if progress:
            progress(n, total)
    return BatchResult(tuple(facts), tuple(errors), listing.skipped)
