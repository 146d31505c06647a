"""An optional compiled build of the extractor's hot modules (mypyc); plain Python otherwise.

Everything else about the package is declared in setup.cfg; this file only adds C extensions.
Two thirds of a page's extraction time is the interpreter and object churn, not the regex
engine, and mypyc (mypy's compiler: typed Python to a C extension) removes much of that without
changing what is extracted (docs/benchmarks-extract.md, "Session 12, spd12m").

Opt-in: ``KG_COMPILE=1 pip install -e .`` or ``make build``. Without it the package is pure
Python, as before. An extension module is imported before its .py, so a compiled build would
silently keep running the old code of a .py edited after it: the build writes a digest of every
source it compiled (kg/extract/_native.sha256) and ``kg.extract`` imports the plain .py files
instead whenever one of them differs (see kg/extract/__init__.py).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from setuptools import setup

# The modules compiled, as one group (calls between them are direct C calls). Not compiled:
# rules.py (functools.cached_property and caches kept in an instance's __dict__, which mypyc
# classes lack), and training.py and pipeline.py (little time of their own).
COMPILED = [
    "alternatives", "attach", "gates", "layout", "linear", "meeting", "orgs", "partners",
    "people", "reviews", "roles", "scan", "stats", "text", "themes",
]
HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "kg" / "extract" / "_native.sha256"


def _extensions() -> list:
    if os.environ.get("KG_COMPILE", "0") != "1":
        return []
    from mypyc.build import mypycify  # a build requirement (pyproject.toml)

    os.chdir(HERE)  # mypyc names the modules from these relative paths
    paths = [f"kg/extract/{m}.py" for m in COMPILED]
    MANIFEST.write_text("".join(f"{hashlib.sha256((HERE / p).read_bytes()).hexdigest()}  {p}\n" for p in paths))
    return mypycify(paths, group_name="kg.extract._native", opt_level="3")


setup(ext_modules=_extensions())
