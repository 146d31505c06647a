"""`kg validate`: check the built graph against the project's SHACL shapes."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import main
from kg.cli.options import store_option


class InputError(click.ClickException):
    """A missing or unreadable input file: exit 2, one "Error: ..." line on stderr."""

    exit_code = 2


_QUAD_FORMATS = {"trig", "nquads", "trix"}


def _load(path: Path, hint: str = ""):
    """Parse an RDF file by its extension (Turtle when unknown); quads become a Dataset."""
    from rdflib import Dataset, Graph
    from rdflib.util import guess_format

    if not path.is_file():
        raise InputError(f"{path} not found{hint}")
    if path.suffix.lower() in _OFFLINE_SUFFIXES or guess_format(str(path)) is None:
        return _load_offline(path)
    fmt = guess_format(str(path)) or "turtle"
    try:
        if fmt in _QUAD_FORMATS:
            return Dataset().parse(path, format=fmt)
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InputError(f"{path} is not readable as {fmt} RDF: {first}") from exc


# Read by kg.store's parser, which refuses remote JSON-LD contexts and XML entities
# (kg.rdfguard): a file from anywhere must not make `kg validate` fetch or read anything.
_OFFLINE_SUFFIXES = {".ttl", ".turtle", ".nt", ".nq", ".jsonld", ".json", ".trig", ".rdf", ".owl", ".xml"}


def _load_offline(path: Path):
    from kg.errors import KgError
    from kg.store import GraphStore

    fmt = None if path.suffix.lower() in _OFFLINE_SUFFIXES else "turtle"
    try:
        with GraphStore.in_memory() as store:
            store.load_file(path, format=fmt)
            return store.union_graph()
    except KgError as exc:
        raise InputError(str(exc)) from None


@main.command("validate")
@store_option
@click.option("--file", "file_path", type=click.Path(dir_okay=False), default=None,
              help="Validate this RDF file (Turtle, TriG, N-Triples, JSON-LD...) instead of the store.")
def validate_cmd(store_dir: str, file_path: str | None) -> None:
    """Check the graph against the project's SHACL shapes.

    Reads the store that `kg build` writes, or any RDF file given with --file, and
    prints one line per problem: the node, the property and what is wrong. Exits 0 when
    the graph conforms, 1 when it does not, 2 when the file is missing or unreadable.

    Example:

    \b
        kg validate --store build
        kg validate --file exported/kg.trig
    """
    from kg.errors import KgError
    from kg.store import GraphStore
    from kg.validate import format_report, validate

    if file_path is not None:
        graph = _load(Path(file_path))
    else:
        try:
            with GraphStore.open(store_dir, read_only=True) as store:
                graph = store.union_graph()
        except KgError as e:
            raise InputError(str(e)) from None
    report = validate(graph)
    click.echo(format_report(report))
    if not report.conforms:
        raise click.exceptions.Exit(1)
