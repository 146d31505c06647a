"""The extractor. Its hot modules may be compiled by mypyc (setup.py, ``KG_COMPILE=1``).

An extension module (.so) is imported before the .py beside it, so a compiled build would
silently keep running the old code of a source edited since. The build records the digest of
each source it compiled in ``_native.sha256``; if any differs now, every compiled module is
imported from its .py instead (all or none: compiled modules call each other directly in C, so
a single stale one would still run inside the others). ``KG_COMPILE=0`` in the environment
does the same on purpose (to compare the two forms in one checkout).
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

_HERE = Path(__file__).resolve().parent


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Finds the listed modules of this package as plain .py files, ignoring their .so."""

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.names:
            return None
        loader = importlib.machinery.SourceFileLoader(fullname, str(_HERE / (fullname.rsplit(".", 1)[1] + ".py")))
        return importlib.machinery.ModuleSpec(fullname, loader, origin=loader.path)


def _stale_or_off() -> set[str]:
    """The compiled modules to import as .py: all of them when any source changed since the
    build or ``KG_COMPILE=0``; none otherwise (or when nothing was compiled)."""
    try:
        lines = (_HERE / "_native.sha256").read_text().splitlines()
    except OSError:
        return set()
    built = [line.split(None, 1) for line in lines if line.strip()]
    names = {f"{__name__}.{Path(path).stem}" for _digest, path in built}
    if os.environ.get("KG_COMPILE") == "0":
        return names
    for digest, path in built:
        try:
            if hashlib.sha256((_HERE / Path(path).name).read_bytes()).hexdigest() != digest:
                return names
        except OSError:
            return names
    return set()


def compiled() -> bool:
    """Whether the extractor's modules run compiled (what scripts/bench_extract.py reports)."""
    from kg.extract import people

    return not people.__file__.endswith(".py") if people.__file__ else False


_plain = _stale_or_off()
if _plain:
    sys.meta_path.insert(0, _SourceFirst(_plain))
