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
