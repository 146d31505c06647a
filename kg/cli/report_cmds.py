"""`kg report`: the graph as a static, offline website (and CSV) people read without SPARQL."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.exits import Command
from kg.cli.options import store_option


@click.command("report", cls=Command)
@click.argument("boards", nargs=-1, metavar="[BOARD]...")
@click.option("-o", "--output", type=click.Path(file_okay=False),
              help="Folder to write the site into [default: STORE/report]; a previous report there is replaced.")
@click.option("--compare", is_flag=True,
              help="Also write compare.html: the BOARDs (two or more names or other names, any case) side by side.")
@store_option
def report_cmd(boards: tuple[str, ...], output: str | None, compare: bool, store_dir: str) -> None:
    """Write a static, offline report site of the graph: an index of every board or
    partnership (current chair and since when, partner sectors and statutory gaps, top
    themes, reviews, documents, years covered), a profile page per board with the
    evidence sentences, boards x themes and boards x partner sectors matrices, themes
    over years as a chart, and a page per document. Every table is also a CSV file.
    The pages make no network request and show every name as text.

    Example:

    \b
        kg report -o site/                       # then open site/index.html
        kg report -o site/ --compare OSCB "Buckinghamshire Safeguarding Children Partnership"
    """
    from kg.report import build_report

    if compare and len(boards) < 2:
        raise click.UsageError("--compare needs two or more BOARD names, e.g. --compare OSCB NSCP")
    if boards and not compare:
        raise click.UsageError(f"unexpected BOARD {boards[0]!r}: give --compare to compare boards")
    out = Path(output) if output else Path(store_dir) / "report"
    summary = build_report(store_dir, out, boards)  # a KgError exits 2 (kg.cli.exits)
    click.echo(f"wrote {summary.folder}/ ({summary.pages} pages, {summary.csv_files} CSV files; "
               f"{summary.boards} boards, {summary.documents} documents)")
    click.echo(f"  index    {summary.folder / 'index.html'}")
    if summary.compare:
        click.echo(f"  compare  {summary.compare}")


COMMANDS = (report_cmd,)
