"""Every command explains itself with an example; snapshots are escaped; builds are reproducible."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    assert result.output.splitlines()[0].startswith(f"Usage: main {name}") or f" {name}" in result.output.splitlines()[0]


def test_readme_lists_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"`kg {name}" in readme, name


def test_unknown_store_is_one_line_and_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["query", "chairs", "--store", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"Error: no store at {tmp_path / 'nowhere'}/: run `kg build` first"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = tmp_path_factory.mktemp("store")
    result = CliRunner().invoke(main, ["build", str(ROOT / "data" / "minutes"), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store


def test_two_builds_give_byte_identical_turtle(built, tmp_path):
    other = tmp_path / "again"
    result = CliRunner().invoke(main, ["build", str(ROOT / "data" / "minutes"), "--store", str(other)])
    assert result.exit_code == 0, result.output
    assert (built / "kg.ttl").read_bytes() == (other / "kg.ttl").read_bytes()
    exported = CliRunner().invoke(main, ["export", "--store", str(other)])
    assert exported.stdout_bytes == (built / "kg.ttl").read_bytes()
    # `kg export` may serve the copy of kg.ttl kept with the store: compare with the store itself too
    with GraphStore.open(other, read_only=True) as store:
        assert store.export("turtle", kept=False) == (built / "kg.ttl").read_bytes()


def test_svg_snapshot_of_a_board(built, tmp_path):
    out = tmp_path / "oscb.svg"
    result = CliRunner().invoke(main, ["viz", "--store", str(built), "--focus", "OSCB", "--format", "svg", "-o", str(out)])
    assert result.exit_code == 0, result.output
    svg = ElementTree.parse(out).getroot()
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "Board: Oxfordshire Safeguarding Children Board" in texts
    assert "Derek Benson" in texts


def test_svg_escapes_document_text(tmp_path):
    from kg.snapshot import render_svg
    from kg.viz import View
    hostile = '<script>alert(1)</script> & "quotes"'
    view = View(title=hostile, kind="overview",
                nodes=({"id": 0, "x": 0, "y": 0, "label": hostile, "short": hostile, "shape": "star",
                        "color": "#c00", "size": 10, "font": 14},),
                edges=(), legend=({"type": "Theme", "shape": "star", "color": "#c00", "count": 1},))
    out = render_svg(view, tmp_path / "x.svg")
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text
    root = ElementTree.parse(out).getroot()
    assert [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")][:2] == [hostile, hostile]
