"""`kg build`: the graph from documents, into the persistent store and its outputs."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click._termui_impl import ProgressBar

from kg.cli.exits import Command, NeedsAttention, NothingDone
from kg.cli.extract_cmds import EXIT_CODES, curation_option, jobs_option, report_errors
from kg.cli.options import base_option, budget_option, say_on_stderr, store_option, wait_option


class _Bar:
    """A progress bar on a terminal; silent in pipes and CI (stderr not a tty)."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.bar: ProgressBar[int] | None = None
        self.stage: str | None = None

    def __call__(self, stage: str, n: int, total: int) -> None:
        if not self.enabled or total == 0:
            return
        if stage != self.stage:
            self.close()
            self.stage = stage
            self.bar = click.progressbar(length=total, label=f"{stage:<8}", file=sys.stderr)
            self.bar.__enter__()
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@click.command("build", cls=Command, epilog=EXIT_CODES)
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

    Folders are read recursively for documents; the project's own rule, model and
    configuration files (data/rules, data/models, *.json, *.toml...) are not documents
    and are left out, and so are hidden files; each left-out file is named on stderr.

    Example:

    \b
        kg build data/minutes --store build
    """
    from kg.batch import default_jobs
    from kg.build import build

    bar = _Bar()
    try:
        report = build(paths, store_dir, base=base, curation=curation, jobs=jobs or default_jobs(),
                       progress=bar, view=False if no_view else None, wait=wait, notify=say_on_stderr,
                       budget=budget)
    finally:
        bar.close()
    report_errors(report.errors, report.skipped)
    click.echo(report.summary())
    if report.documents == 0:
        raise NothingDone  # the summary says so
    if report.errors:
        raise NeedsAttention


COMMANDS = (build_cmd,)
