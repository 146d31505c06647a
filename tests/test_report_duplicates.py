"""scripts/report_duplicates.py finds a person split in two, and is quiet when resolution is right."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
TEXTS = {
    "eastmoor-1": ("Eastmoor Borough Council\n\nMeeting: 01/02/2024 - Cabinet (Item 3)\n\n"
                   "Jane Holloway, Independent Chair of the Eastmoor Safeguarding Children Partnership, "
                   "presented the report.\n"),
    "eastmoor-2": ("Eastmoor Borough Council\n\nMeeting: 04/03/2024 - Scrutiny Committee (Item 5)\n\n"
                   "Ms J Holloway said that neglect remained the partnership's priority.\n"),
}


def _build(tmp_path: Path, curation: str) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in TEXTS.items():
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    cur = tmp_path / "curation.toml"
    cur.write_text(curation, encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(main, ["build", str(docs), "--store", str(store), "--curation", str(cur), "--no-view"])
    assert result.exit_code == 0, result.output
    return store


def _report(store: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "report_duplicates.py"), "--store", str(store)],
                          capture_output=True, text=True)


def test_quiet_when_one_person(tmp_path):
    out = _report(_build(tmp_path, ""))
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip().endswith("0 possible duplicate(s)")


def test_reports_a_person_split_in_two(tmp_path):
    out = _report(_build(tmp_path, '[[different]]\nnames = ["Jane Holloway", "J Holloway"]\n'))
    assert out.returncode == 1
    assert "person?  Jane Holloway" in out.stdout or "person?  J Holloway" in out.stdout
    assert out.stdout.strip().endswith("1 possible duplicate(s)")
