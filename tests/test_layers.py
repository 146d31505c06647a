"""The README's module map is the code's: every module under kg/ is listed there, and
every import between them points down the list (a module imports only what is listed
above it), lazy imports inside functions included.

The map is read from the README itself, so moving a line there is how a new dependency
is agreed to, and a module added without a line fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KG = ROOT / "kg"


def module_map() -> list[str]:
    """The units of the README's map, top first: "model", "ingest", "viz"..."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## How it works", 1)[1].split("```", 2)[1]
    return [m.group(1) for m in re.finditer(r"^kg/(\w+)(?:\.py|/)\s", block, re.M)]


def units() -> set[str]:
    """kg's top-level modules and subpackages."""
    mods = {p.stem for p in KG.glob("*.py") if p.stem != "__init__"}
    return mods | {p.name for p in KG.iterdir() if (p / "__init__.py").is_file()}


def unit_of(path: Path) -> str:
    rel = path.relative_to(KG)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def kg_imports(path: Path, known: set[str]) -> list[tuple[str, int]]:
    """(unit imported, line) for every absolute import of kg's modules in ``path``."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [f"kg.{a.name}" for a in node.names] if node.module == "kg" else [node.module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "kg" and len(parts) > 1 and parts[1] in known:
                out.append((parts[1], node.lineno))
    return out


def test_the_map_is_read() -> None:
    order = module_map()
    assert order[:2] == ["model", "errors"] and order[-1] == "cli", order
    assert len(order) == len(set(order)), "a module is listed twice"


def test_every_module_is_in_the_map() -> None:
    order = module_map()
    assert sorted(units() - set(order)) == [], "modules missing from README's module map"
    assert sorted(set(order) - units()) == [], "README's module map lists modules that do not exist"


def test_imports_point_down_the_map() -> None:
    order = module_map()
    rank = {u: i for i, u in enumerate(order)}
    known = units()
    upward = []
    for path in sorted(KG.rglob("*.py")):
        if path == KG / "__init__.py":
            continue
        me = unit_of(path)
        for other, line in kg_imports(path, known):
            if other != me and other in rank and me in rank and rank[other] >= rank[me]:
                upward.append(f"{path.relative_to(ROOT)}:{line} imports kg.{other}")
    assert upward == [], "imports that point up README's module map:\n" + "\n".join(upward)


@pytest.mark.parametrize("source, expected", [
    ("import kg.store\n", ["store"]),
    ("from kg.extract.text import Sentence\n", ["extract"]),
    ("from kg import paths, errors\n", ["paths", "errors"]),
    ("def f():\n    from kg.viz import build_view\n", ["viz"]),
    ("from .text import x\nimport json\nfrom kg import __version__\n", []),
])
def test_imports_are_found(tmp_path: Path, source: str, expected: list[str]) -> None:
    f = tmp_path / "m.py"
    f.write_text(source, encoding="utf-8")
    assert [u for u, _ in kg_imports(f, {"store", "extract", "paths", "errors", "viz"})] == expected


def _module_level_names(tree: ast.Module) -> list[tuple[str, int]]:
    """(name, line) of each plain module-level assignment, in order."""
    out = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
            if isinstance(node, ast.AnnAssign) and node.value is not None else []
        out += [(t.id, node.lineno) for t in targets if isinstance(t, ast.Name)]
    return out


@pytest.mark.parametrize("path", sorted(KG.rglob("*.py")), ids=lambda p: str(p.relative_to(KG)))
def test_no_module_assigns_one_name_twice(path: Path) -> None:
    """A pattern defined twice under one name silently replaces the first for every use (roles once had two
    ``_BOTH_BOARDS``: the titles' check read the other one's pattern). Each module-level name is bound once."""
    seen: dict[str, int] = {}
    twice = []
    for name, line in _module_level_names(ast.parse(path.read_text(encoding="utf-8"))):
        if name in seen and name != "__all__":
            twice.append(f"{name} (lines {seen[name]} and {line})")
        seen.setdefault(name, line)
    assert not twice, f"{path.relative_to(ROOT)} binds {', '.join(twice)}"
