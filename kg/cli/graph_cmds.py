"""`kg validate`: check the built graph against the project's SHACL shapes."""

from __future__ import annotations

import click

from kg.cli.exits import Command, NeedsAttention
from kg.cli.options import store_option


@click.command("validate", cls=Command)
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
    from kg.store import GraphStore
    from kg.validate import format_report, load_rdf_file, validate

    if file_path is not None:
        graph = load_rdf_file(file_path)
    else:
        with GraphStore.open(store_dir, read_only=True) as store:
            graph = store.union_graph()
    report = validate(graph)
    click.echo(format_report(report))
    if not report.conforms:
        raise NeedsAttention


COMMANDS = (validate_cmd,)
