"""The command line does what the README says: exit codes, counts that agree between
commands, names and aliases in parameters, hints, help text laid out as written.

Built once from the seed minutes (data/minutes); each test asserts values a user sees.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.cli.exits import NeedsAttention, NothingDone, exit_code
from kg.errors import KgError, NoStore, StoreError

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "minutes"
KG = str(Path(sys.executable).with_name("kg"))


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KG, *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("contract") / "build"
    result = kg("build", str(SEEDS), "--store", str(out), "--no-view")
    assert result.returncode == 0, result.stderr
    return out


# -- exit codes ----------------------------------------------------------------------------

def test_the_exit_code_table() -> None:
    assert exit_code(NeedsAttention()) == 1
    assert exit_code(NothingDone("x")) == 2
    assert exit_code(NoStore("build")) == 2 and exit_code(StoreError("build")) == 2
    assert exit_code(ValueError("a bug")) is None  # not ours: a traceback, not a code


def test_load_of_a_missing_file_exits_2_and_a_partial_load_1(store: Path, tmp_path: Path) -> None:
    missing = kg("load", str(tmp_path / "MISSING.ttl"), "--store", str(store))
    assert missing.returncode == 2, missing.stderr
    assert "MISSING.ttl" in missing.stderr and "no file could be loaded" in missing.stderr
    good = tmp_path / "extra.ttl"
    good.write_text("<urn:kg:a> <urn:kg:b> <urn:kg:c> .\n", encoding="utf-8")
    partial = kg("load", str(good), str(tmp_path / "MISSING.ttl"), "--store", str(store))
    assert partial.returncode == 1, partial.stderr
    assert "extra.ttl: 1 triples added" in partial.stdout


def test_eval_with_no_gold_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "gold"
    empty.mkdir()
    result = kg("eval", str(empty), str(SEEDS))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "no gold files" in result.stderr


# -- counts agree ----------------------------------------------------------------------------

def test_build_stats_and_viz_counts_agree(tmp_path: Path) -> None:
    out = tmp_path / "build"
    built = kg("build", str(SEEDS), "--store", str(out))
    triples_built = int(re.search(r"; (\d+) triples\)", built.stdout).group(1))
    stats = kg("stats", "--store", str(out))
    m = re.match(r"(\d+) triples; graph view: (\d+) nodes, (\d+) edges", stats.stdout)
    assert m, stats.stdout
    assert triples_built == int(m.group(1))  # distinct triples, both
    viz = kg("viz", "--store", str(out), "-o", str(tmp_path / "all.html"))
    shown = re.search(r"\((\d+) nodes, (\d+) edges", viz.stdout)
    assert shown, viz.stdout
    assert (shown.group(1), shown.group(2)) == (m.group(2), m.group(3))


# -- inputs ---------------------------------------------------------------------------------

def test_build_of_the_data_folder_reads_only_documents(tmp_path: Path) -> None:
    result = kg("build", str(ROOT / "data"), "--store", str(tmp_path / "b"), "--no-view")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("built 2 document(s)")  # the two seed minutes, not the rule files
    facts = [json.loads(line) for line in (tmp_path / "b" / "facts.jsonl").read_text().splitlines()]
    assert sorted(f["document"] for f in facts) == sorted(p.stem for p in SEEDS.iterdir())
    # and what was left out is named, one per line
    assert re.search(r"^  .*data/rules$", result.stderr, re.M), result.stderr
    assert re.search(r"^  .*data/curation\.toml$", result.stderr, re.M), result.stderr


def test_left_out_files_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "minutes.txt").write_text("The Safeguarding Children Partnership met.", encoding="utf-8")
    (folder / ".draft.txt").write_text("hidden", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = kg("extract", str(folder))
    assert "note: 2 file(s) inside folders were left out" in result.stderr
    assert f"  {folder / '.draft.txt'}" in result.stderr.splitlines()
    assert f"  {folder / 'photo.jpg'}" in result.stderr.splitlines()


def test_duplicate_ids_are_refused_in_one_place(tmp_path: Path) -> None:
    from kg.errors import DuplicateId
    from kg.ingest import list_inputs

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "minutes.txt").write_text("one", encoding="utf-8")
    (tmp_path / "b" / "minutes.html").write_text("<p>two</p>", encoding="utf-8")
    items = list_inputs([tmp_path]).items
    assert items[0] == tmp_path / "a" / "minutes.txt"
    assert isinstance(items[1], DuplicateId) and "minutes" in str(items[1])


# -- queries ----------------------------------------------------------------------------------

def test_construct_as_json_is_json_ld(store: Path) -> None:
    result = kg("query", "CONSTRUCT { ?p org:headOf ?b } WHERE { ?p org:headOf ?b }", "--store", str(store),
                "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    heads = {(n["@id"].rsplit("/", 1)[1], h["@id"].rsplit("/", 1)[1])
             for n in doc for h in n.get("http://www.w3.org/ns/org#headOf", [])}
    assert ("derek-benson", "oxfordshire-safeguarding-children-board") in heads


def test_parameters_match_any_case_and_aliases(store: Path) -> None:
    exact = kg("query", "theme-evidence", "--param", "theme=neglect", "--store", str(store), "--format", "csv")
    cased = kg("query", "theme-evidence", "--param", "theme=Neglect", "--store", str(store), "--format", "csv")
    assert cased.returncode == 0 and cased.stdout == exact.stdout and exact.stdout.count("\n") >= 2
    by_alias = kg("query", "themes-of", "--param", "board=OSCB", "--store", str(store), "--format", "csv")
    assert by_alias.returncode == 0, by_alias.stderr
    rows = by_alias.stdout.splitlines()[1:]
    assert rows and all(r.startswith("Oxfordshire Safeguarding Children Board,") for r in rows)
    nothing = kg("query", "themes-of", "--param", "board=No Such Board", "--store", str(store), "--format", "csv")
    assert nothing.stdout.strip() == "board,theme,documents"


def test_an_unknown_ontology_term_gets_a_hint(store: Path) -> None:
    result = kg("query", "SELECT ?n WHERE { ?p foaf:nmae ?n }", "--store", str(store))
    assert result.returncode == 0
    assert "(0 rows)" in result.stdout
    assert "note: foaf:nmae is not a term of http://xmlns.com/foaf/0.1/" in result.stderr
    assert "did you mean foaf:name" in result.stderr
    fine = kg("query", "SELECT ?n WHERE { ?p foaf:name ?n }", "--store", str(store))
    assert fine.stderr == ""


def test_tables_fit_the_width_and_shorten_instances(store: Path) -> None:
    from kg.query import format_result, run_query
    from kg.store import GraphStore

    with GraphStore.open(store, read_only=True) as s:
        result = run_query(s, "chairs")
        wide = format_result(result, "table")
        narrow = format_result(result, "table", width=80)
        people = format_result(run_query(s, "SELECT ?p WHERE { ?p org:headOf ?b } ORDER BY ?p"), "table")
    assert max(map(len, wide.splitlines())) > 80
    assert max(map(len, narrow.splitlines())) <= 80
    assert "\u2026" in narrow and "Francis Habgood" in narrow
    assert "kg:person/derek-benson" in people and "<https://" not in people


# -- help -------------------------------------------------------------------------------------

def _commands() -> list[click.Command]:
    return list(main.commands.values())


@pytest.mark.parametrize("command", _commands(), ids=lambda c: c.name)
def test_help_examples_keep_their_lines(command: click.Command) -> None:
    """click reflows a paragraph unless it follows a \\b line: every example must."""
    doc = command.help or ""
    example = doc.split("Example:", 1)[1]
    wanted = [line.strip() for line in example.splitlines() if line.strip() and line.strip() != "\b"]
    shown = CliRunner().invoke(main, [command.name or "", "--help"], terminal_width=200).output
    lines = [line.strip() for line in shown.split("Example:", 1)[1].splitlines()]
    for line in wanted:
        assert line in lines, f"{command.name}: {line!r} was reflowed"


def test_commands_do_not_import_main() -> None:
    for module in (ROOT / "kg" / "cli").glob("*_cmds.py"):
        assert "from kg.cli import main" not in module.read_text(encoding="utf-8"), module.name


def test_every_kg_error_is_mapped() -> None:
    assert all(exit_code(cls.__new__(cls)) == 2 for cls in KgError.__subclasses__() if cls.reason != "push")


def test_a_copy_of_the_rules_folder_is_not_read_either(tmp_path: Path) -> None:
    """An installed kg reads its own rules; a checkout's data/rules beside it is still
    recognised as rule data (a folder named like kg's, holding one of its files)."""
    from kg.ingest import list_inputs

    data = tmp_path / "data"
    (data / "rules").mkdir(parents=True)
    (data / "rules" / "first_names.txt").write_text("Alice\nBob\n", encoding="utf-8")
    (data / "minutes.txt").write_text("The Board met.", encoding="utf-8")
    (data / "elsewhere").mkdir()
    (data / "elsewhere" / "notes.txt").write_text("The Board met again.", encoding="utf-8")
    listing = list_inputs([data])
    assert listing.items == (data / "elsewhere" / "notes.txt", data / "minutes.txt")
    assert data / "rules" in listing.skipped
