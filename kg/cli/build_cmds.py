"""`kg build`: the graph from documents, into the persistent store and its outputs."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import main
from kg.cli.extract_cmds import EXIT_CODES, curation_option, jobs_option, report_errors
from kg.cli.options import base_option, budget_option, say_on_stderr, store_option, wait_option
from kg.errors import KgError, StoreBusy


class _Bar:
    """A progress bar on a terminal; silent in pipes and CI (stderr not a tty)."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.bar = None
        self.stage = None

    def __call__(self, stage: str, n: int, total: int) -> None:
        if not self.enabled or total == 0:
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = click.progressbar(length=total, label=f"{stage:<8}", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@main.command("build", epilog=EXIT_CODES)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@base_option
@curation_option
@jobs_option
@click.option("--no-view", is_flag=True, help="Skip writing graph.html (faster for big corpora).")
@wait_option
@budget_option
def build_cmd(paths: tuple[Path, ...], store_dir: str, base: str, curation: Path, jobs: int | None,
              no_view: bool, wait: float, budget: float | None) -> None:
    """Build (or update) the knowledge graph from documents.

    Extracts every document under PATHS (files or folders), resolves people and boards
    across them, and writes the persistent store plus kg.ttl (Turtle), graph.html (an
    offline view), facts.jsonl and entities.jsonl into the store folder. Building again
    re-reads only changed files and rewrites only changed graphs; documents no longer
    given are removed from the graph. One command writes a store at a time: while
    another build or load is writing it, this one waits (--wait) or exits 2.

    Example:

        kg build data/minutes --store build
    """
    from kg.batch import default_jobs
    from kg.build import build

    bar = _Bar()
    try:
        report = build(paths, store_dir, base=base, curation=curation, jobs=jobs or default_jobs(),
                       progress=bar, view=not no_view, wait=wait, notify=say_on_stderr,
                       budget=budget)
    except KgError as e:
        bar.close()
        error = click.ClickException(str(e))
        if isinstance(e, StoreBusy):
            error.exit_code = 2  # nothing was done: the store is another command's for now
        raise error
    bar.close()
    report_errors(report.errors, report.skipped)
    click.echo(report.summary())
    if report.documents == 0:
        sys.exit(2)
    sys.exit(1 if report.errors else 0)
