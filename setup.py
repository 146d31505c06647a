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
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The modules compiled, as one group (calls between them are direct C calls). Not compiled:
# rules.py (functools.cached_property and caches kept in an instance's __dict__, which mypyc
# classes lack), and training.py and pipeline.py (little time of their own).
COMPILED = [
    "alternatives", "attach", "gates", "layout", "linear", "meeting", "orgs", "partners",
    "people", "reviews", "roles", "scan", "stats", "text", "themes",
]
HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "kg" / "extract" / "_native.sha256"


PATHS = [f"kg/extract/{m}.py" for m in COMPILED]
COMPILE = os.environ.get("KG_COMPILE", "0") == "1"


class BuildExt(build_ext):
    """build_ext that records the digests of the sources once the extensions are built (taken
    before compiling: a source edited during the build then counts as changed)."""

    def run(self) -> None:
        digests = "".join(f"{hashlib.sha256((HERE / p).read_bytes()).hexdigest()}  {p}\n" for p in PATHS)
        MANIFEST.unlink(missing_ok=True)  # extensions without digests are not used (kg/extract/__init__.py)
        super().run()
        if self.extensions:
            MANIFEST.write_text(digests)


def _extensions() -> list:
    if not COMPILE:
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:  # pip first asks for the build requirements (setup_requires below) without it
        print("setup.py: KG_COMPILE=1 but mypy is not installed here: plain Python", file=sys.stderr)
        return []

    os.chdir(HERE)  # mypyc names the modules from these relative paths
    # the C sources go under build/mypyc (build/ also holds `make run`'s store)
    return mypycify(PATHS, group_name="kg.extract._native", opt_level="3", target_dir="build/mypyc")


setup(
    ext_modules=_extensions(),
    cmdclass={"build_ext": BuildExt},
    # mypy (mypyc) only when compiling: setuptools' PEP 517 backend asks setup.py for these
    # extra build requirements, so a plain install does not fetch mypy into its build env.
    # The same minor release as the lint extra (setup.cfg): the type rules the sources pass.
    setup_requires=["mypy>=2.4.1,<2.5"] if COMPILE else [],
)
