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
import importlib.util
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
        source = str(_HERE / (fullname.rsplit(".", 1)[1] + ".py"))
        return importlib.util.spec_from_file_location(fullname, source)  # the plain source loader, with __file__


def _stale_or_off() -> set[str]:
    """The compiled modules to import as .py: all of them when ``KG_COMPILE=0``, or when any
    has no digest or a source differs from it (the build writes the digests only once it has
    succeeded); none otherwise, or when nothing is compiled."""
    names = {so.name.split(".", 1)[0] for so in _HERE.glob("*.so")} - {"_native__mypyc"}
    if not names:
        return set()
    plain = {f"{__name__}.{name}" for name in names}
    if os.environ.get("KG_COMPILE") == "0":
        return plain
    try:
        lines = (_HERE / "_native.sha256").read_text().splitlines()
    except OSError:
        return plain
    digests = {Path(path).stem: digest for digest, path in (line.split(None, 1) for line in lines if line.strip())}
    for name in names:
        try:
            if hashlib.sha256((_HERE / f"{name}.py").read_bytes()).hexdigest() != digests.get(name):
                return plain
        except OSError:
            return plain
    return set()


def compiled() -> bool:
    """Whether the extractor's modules run compiled (what scripts/bench_extract.py reports)."""
    from kg.extract import people

    return not people.__file__.endswith(".py") if people.__file__ else False


_plain = _stale_or_off()
if _plain:
    sys.meta_path.insert(0, _SourceFirst(_plain))
