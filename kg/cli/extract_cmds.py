"""`kg extract`, `kg eval`, `kg entities`: facts out of documents, and how good they are."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from kg.cli.exits import Command, NeedsAttention, NothingDone
from kg.cli.options import budget_option, store_option
from kg.errors import InputError

EXIT_CODES = """\b
Exit codes: 0 every input was read; 1 some inputs were skipped (each is named
on stderr, the others are still processed); 2 nothing could be done (bad
arguments, no readable input)."""


def report_errors(errors: Iterable[object], skipped: Iterable[object] = ()) -> None:
    """One line per bad input on stderr, then the files left out of folders, by name;
    stdout stays clean for the data."""
    for e in errors:
        click.echo(f"skipped: {e}", err=True)
    skipped = list(skipped)
    if skipped:
        click.echo(f"note: {len(skipped)} file(s) inside folders were left out (hidden, not a document, "
                   "or a type kg does not read):", err=True)
        for s in skipped:
            click.echo(f"  {s}", err=True)


def curation_option(f: Callable[..., Any]) -> Callable[..., Any]:
    from kg.paths import DATA_DIR
    return click.option("--curation", type=click.Path(dir_okay=False, path_type=Path),
                        default=DATA_DIR / "curation.toml", show_default="data/curation.toml",
                        help="Merges to force or forbid (TOML; see data/curation.toml).")(f)


jobs_option = click.option("--jobs", "-j", type=click.IntRange(1), default=None,
                           help="Processes to extract with (default: all cores).")


@click.command("extract", cls=Command, epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the JSON Lines here (atomically) instead of stdout.")
@jobs_option
@budget_option
def extract_cmd(paths: tuple[Path, ...], output: Path | None, jobs: int | None, budget: float | None) -> None:
    """Print the facts of each document as JSON Lines (one object per document).

    PATHS are files (.txt, .html, .pdf, .docx, .md) or folders, read recursively.
    The format is the facts contract: meeting, organisations, people, roles, chairs,
    partners, themes, reviews and statistics, each with the sentence it came from.

    Example:

    \b
        kg extract data/minutes > facts.jsonl
    """
    from kg.batch import default_jobs, extract_paths

    result = extract_paths(paths, jobs=jobs or default_jobs(), budget=budget)
    lines = "".join(json.dumps(f.to_json(), ensure_ascii=False, sort_keys=False) + "\n" for f in result.facts)
    if output:
        from kg.fsutil import write_atomic
        write_atomic(output, lines.encode("utf-8"))
    else:
        sys.stdout.write(lines)
    report_errors(result.errors, result.skipped)
    # The summary goes to stderr with the errors: stdout is the JSON Lines
    click.echo(f"extracted {len(result.facts)} document(s)"
               + (f"; skipped {len(result.errors)} file(s) that could not be read (named above)"
                  if result.errors else ""), err=True)
    if not result.facts:
        raise NothingDone  # the summary says so
    if result.errors:
        raise NeedsAttention


@click.command("eval", cls=Command)
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--explain", is_flag=True, help="Also list each document's extra and missed facts.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@jobs_option
def eval_cmd(gold_dir: Path, paths: tuple[Path, ...], explain: bool, as_json: bool, jobs: int | None) -> None:
    """Score extraction against gold annotations: precision, recall, F1 per category.

    GOLD_DIR holds one ID.json per document (the dev set's gold format); PATHS are the
    documents themselves, or a facts .jsonl file made by `kg extract`.

    Example:

    \b
        kg eval my-gold/ my-minutes/ --explain
    """
    from kg.batch import default_jobs, extract_paths
    from kg.evaluate import evaluate

    preds: list = []
    docs: list[Path] = []
    for p in paths:
        if p.suffix == ".jsonl" and p.is_file():
            preds.extend(json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
        else:
            docs.append(p)
    errors: tuple[InputError, ...] = ()
    if docs:
        result = extract_paths(docs, jobs=jobs or default_jobs())
        preds.extend(result.facts)
        errors = result.errors
    scores = evaluate(gold_dir, preds)
    if as_json:
        click.echo(json.dumps(scores.to_json()))
    else:
        if explain:
            for doc, notes in scores.misses.items():
                click.echo(f"{doc}:")
                for cat, (extra, missed) in notes.items():
                    click.echo(f"  {cat}: extra {extra} missed {missed}")
        click.echo(scores.table())
    report_errors(errors)
    if errors:
        raise NeedsAttention


@click.command("entities", cls=Command)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("--type", "kind", type=click.Choice(["all", "person", "organisation"]), default="all",
              show_default=True, help="Which entities to list.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per entity.")
@curation_option
def entities_cmd(paths: tuple[Path, ...], store_dir: str, kind: str, as_json: bool, curation: Path) -> None:
    """List the resolved people and organisations, their name variants and documents.

    With PATHS, extracts and resolves those documents now; without, lists the entities of
    the last `kg build` in the store. Use it to audit merges, then force or forbid them in
    data/curation.toml and build again.

    Example:

    \b
        kg entities --type person
    """
    from kg.build import entity_json
    from kg.model import Entity
    from kg.resolve import Curation, resolve

    if paths:
        from kg.batch import extract_paths
        result = extract_paths(paths)
        report_errors(result.errors, result.skipped)
        entities = list(resolve(result.facts, Curation.load(curation)).entities.values())
    else:
        path = Path(store_dir) / "entities.jsonl"
        if not path.exists():
            raise NothingDone(f"{path} not found: run `kg build` first, or give documents to read")
        entities = [Entity(**{**e, "aliases": tuple(e["aliases"]), "documents": tuple(e["documents"])})
                    for e in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if e]
    entities = [e for e in entities if kind == "all" or e.type == kind]
    entities.sort(key=lambda e: (e.type, e.label.lower(), e.key))
    for e in entities:
        if as_json:
            click.echo(json.dumps(entity_json(e), ensure_ascii=False))
        else:
            extra = f" [{e.kind}]" if e.kind else ""
            click.echo(f"{e.label}{extra}  <{e.key}>")
            if e.aliases:
                click.echo(f"    also: {'; '.join(e.aliases)}")
            click.echo(f"    in: {', '.join(e.documents)}")


COMMANDS = (extract_cmd, eval_cmd, entities_cmd)
