"""Options shared by several commands, as decorators (one definition, one default)."""

from __future__ import annotations

import os

import click

from kg.iri import DEFAULT_BASE

store_option = click.option(
    "--store", "store_dir", default="build", show_default=True,
    type=click.Path(file_okay=False), help="Folder of the persistent store and its outputs.")

base_option = click.option(
    "--base", default=lambda: os.environ.get("KG_BASE", DEFAULT_BASE), show_default=DEFAULT_BASE,
    help="Base IRI for instances (or set KG_BASE).")

wait_option = click.option(
    "--wait", "wait", type=click.FloatRange(min=0), default=0, show_default=True, metavar="SECONDS",
    help="If another kg command is writing the store, wait up to SECONDS for it "
         "(default: refuse at once, exit 2). Readers never wait.")


def say_on_stderr(message: str) -> None:
    """For the library's notices (who holds the store lock...): stderr, one line."""
    click.echo(message, err=True)


def _budget(value: float) -> float | None:
    return None if value == 0 else value


budget_option = click.option(
    "--budget", type=click.FloatRange(min=0), default=60, show_default=True, metavar="SECONDS",
    callback=lambda ctx, param, value: _budget(value),
    help="Time one document may take to extract; a slower one is skipped (named on stderr) "
         "and the others go on. 0: no limit.")
