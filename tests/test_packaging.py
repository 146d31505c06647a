"""kg as a package: a wheel built from the checkout, installed into a fresh virtual
environment outside it, builds, queries, draws and exports the seeds from there.

The wheel is installed with --no-deps into a new venv that sees this environment's
site-packages through a .pth line (a .pth-added folder's own .pth files are not run, so
the checkout's editable install stays out of it): the dependencies are the ones the
tests already use, and only kg itself comes from the wheel. Everything runs in a
temporary folder, so nothing can be found relative to the checkout.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_setup_cfg_lists_every_package() -> None:
    """setup.cfg names its packages (it maps data folders into kg), so a new subpackage
    must be added there or a wheel would silently lack it."""
    from setuptools import find_packages

    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    listed = set(cfg["options"]["packages"].split())
    found = set(find_packages(str(ROOT), include=["kg", "kg.*"]))
    assert found <= listed, f"add to setup.cfg [options] packages: {sorted(found - listed)}"
    mapped = dict(line.split(" = ") for line in cfg["options"]["package_dir"].strip().splitlines())
    assert mapped == {"kg._data": "data", "kg._ontology": "ontology", "kg._queries": "queries"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (outside the checkout) with the wheel of this checkout in it."""
    tmp = tmp_path_factory.mktemp("wheel")
    # A copy of what a source distribution holds: setuptools builds in the source tree
    # (build/, *.egg-info), and build/ is where `make run` puts the store.
    src = tmp / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "minutes")
    for name in ("kg", "data", "ontology", "queries"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("setup.cfg", "setup.py", "pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, src / name)
    dist = tmp / "dist"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)],
                           capture_output=True, text=True, timeout=600)
    if build.returncode != 0 and "Could not find a version that satisfies" in build.stderr:
        pytest.skip("no package index to fetch the build backend (setuptools) from")
    assert build.returncode == 0, build.stderr
    wheels = list(dist.glob("kg-*.whl"))
    assert len(wheels) == 1
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        text=True).strip())
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                              str(wheels[0])], capture_output=True, text=True, timeout=600)
    if install.returncode != 0 and "no such option: --python" in install.stderr:  # pragma: no cover - old pip
        install = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site),
                                  str(wheels[0])], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    return env_dir


def _run(env_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KG_BASE")}
    return subprocess.run([str(env_dir / "bin" / "kg"), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_the_wheel_works_outside_the_checkout(installed: Path, tmp_path: Path) -> None:
    work = tmp_path / "elsewhere"
    work.mkdir()
    seeds = work / "minutes"
    seeds.mkdir()
    for f in (ROOT / "data" / "minutes").iterdir():
        (seeds / f.name).write_bytes(f.read_bytes())

    where = subprocess.run([str(installed / "bin" / "python"), "-c",
                            "import kg, kg.paths as p; print(kg.__file__); print(p.RULES_DIR)"],
                           cwd=work, capture_output=True, text=True, check=True).stdout.split()
    assert all(str(installed) in w for w in where), where  # the wheel's kg and data, not the checkout's

    built = _run(installed, work, "build", "minutes", "--store", "out")
    assert built.returncode == 0, built.stderr
    assert "built 2 document(s)" in built.stdout
    assert (work / "out" / "graph.html").is_file()

    chairs = _run(installed, work, "query", "chairs", "--store", "out", "--format", "json")
    assert chairs.returncode == 0, chairs.stderr
    rows = json.loads(chairs.stdout)["results"]["bindings"]
    assert {(r["name"]["value"], r["board"]["value"]) for r in rows} >= {
        ("Derek Benson", "Oxfordshire Safeguarding Children Board"),
        ("Francis Habgood", "Buckinghamshire Safeguarding Children Partnership")}

    view = _run(installed, work, "viz", "--store", "out", "--focus", "OSCB", "-o", "oscb.html")
    assert view.returncode == 0, view.stderr
    page = (work / "oscb.html").read_text(encoding="utf-8")
    assert "vis-network" in page and "Oxfordshire Safeguarding Children Board" in page
    assert "Content-Security-Policy" in page

    export = _run(installed, work, "export", "--store", "out", "--format", "nt")
    assert export.returncode == 0, export.stderr
    assert '"Derek Benson"' in export.stdout
    assert "http://www.w3.org/ns/org#headOf" in export.stdout

    listed = _run(installed, work, "query", "--list")
    assert "chairs" in listed.stdout and "themes-of" in listed.stdout


def test_bench_viz_needs_no_pytest(tmp_path: Path) -> None:
    """scripts/bench_viz.py runs after a plain `make run` (plus its bench extra): its
    browser step imports the headless-browser driver (tests/chromium.py), not a test
    module, so not pytest. Run with pytest made unimportable and no browser to find."""
    page = tmp_path / "page.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    code = ("import runpy, sys; sys.modules['pytest'] = None; "
            "ns = runpy.run_path('scripts/bench_viz.py'); "
            f"print(ns['time_in_chromium'](__import__('pathlib').Path({str(page)!r}), 'true'))")
    env = {**os.environ, "KG_CHROMIUM": "", "PATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "'skipped': 'no chromium'" in result.stdout
