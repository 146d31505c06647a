"""The optional mypyc build (setup.py, ``make build``): the compiled extractor gives the same
facts as the plain one, and a compiled build is never used once a source has changed since.

The facts test runs only where a compiled build is present (``make build``: CI and a fresh
checkout run the plain form); the guard's tests run everywhere, on a folder of stand-ins.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kg.extract as ke

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "texts"

_FACTS = """
import json, sys
from pathlib import Path
from kg.batch import extract_paths
from kg.extract import compiled
print(json.dumps({"compiled": compiled(),
                  "facts": [f.to_json() for f in extract_paths([Path(sys.argv[1])]).facts]}))
"""


def _facts(env_compile: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "KG_COMPILE"}
    if env_compile is not None:
        env["KG_COMPILE"] = env_compile
    out = subprocess.run([sys.executable, "-c", _FACTS, str(TEXTS)], capture_output=True, text=True,
                         env=env, timeout=600, check=True)
    return json.loads(out.stdout)


@pytest.mark.skipif(not ke.compiled(), reason="no compiled build here (`make build` makes one)")
def test_compiled_and_plain_give_the_same_facts() -> None:
    compiled, plain = _facts(None), _facts("0")
    assert compiled["compiled"] is True and plain["compiled"] is False
    assert len(plain["facts"]) > 10
    assert json.dumps(compiled["facts"]) == json.dumps(plain["facts"])


def _folder(tmp: Path, sources: dict[str, str], built: dict[str, str] | None) -> Path:
    """A stand-in for kg/extract: sources, a .so per source, and the digests ``built``
    records (None: no digest file, as during a build or after a failed one)."""
    for name, text in sources.items():
        (tmp / f"{name}.py").write_text(text)
        (tmp / f"{name}.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    (tmp / "_native__mypyc.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    if built is not None:
        (tmp / "_native.sha256").write_text("".join(
            f"{hashlib.sha256(t.encode()).hexdigest()}  kg/extract/{n}.py\n" for n, t in built.items()))
    return tmp


def test_fresh_build_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = {"people": "a = 1\n", "themes": "b = 2\n"}
    monkeypatch.setattr(ke, "_HERE", _folder(tmp_path, src, src))
    monkeypatch.delenv("KG_COMPILE", raising=False)
    assert ke._stale_or_off() == set()


def test_one_edited_source_makes_every_module_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ke, "_HERE", _folder(tmp_path, {"people": "a = 1\n", "themes": "b = 3\n"},
                                             {"people": "a = 1\n", "themes": "b = 2\n"}))
    monkeypatch.delenv("KG_COMPILE", raising=False)
    assert ke._stale_or_off() == {"kg.extract.people", "kg.extract.themes"}


def test_no_digests_or_switch_off_means_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = {"people": "a = 1\n"}
    folder = _folder(tmp_path, src, None)
    monkeypatch.setattr(ke, "_HERE", folder)
    monkeypatch.delenv("KG_COMPILE", raising=False)
    assert ke._stale_or_off() == {"kg.extract.people"}
    _folder(tmp_path, src, src)
    assert ke._stale_or_off() == set()
    monkeypatch.setenv("KG_COMPILE", "0")
    assert ke._stale_or_off() == {"kg.extract.people"}


def test_nothing_compiled_means_nothing_redirected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "people.py").write_text("a = 1\n")
    monkeypatch.setattr(ke, "_HERE", tmp_path)
    monkeypatch.setenv("KG_COMPILE", "0")
    assert ke._stale_or_off() == set()


def test_the_source_finder_loads_the_py(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "people.py").write_text("a = 1\n")
    monkeypatch.setattr(ke, "_HERE", tmp_path)
    spec = ke._SourceFirst({"kg.extract.people"}).find_spec("kg.extract.people")
    assert spec is not None and spec.origin == str(tmp_path / "people.py")
    assert ke._SourceFirst({"kg.extract.people"}).find_spec("kg.extract.themes") is None
