"""`kg query`, `kg load`, `kg export`: thin commands over kg.query and kg.store.

Errors print as one ``Error: ...`` line. Exit codes: 2 for a query that cannot be run
as given (syntax, refused, unknown name, bad --param) or a store another command is
writing, 1 for everything else (no store, unreadable file, timeout).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import main
from kg.cli.options import base_option, say_on_stderr, store_option, wait_option
from kg.errors import KgError, NoStore, StoreBusy
from kg.query import (RESULT_FORMATS, QueryParameterError, QueryRefused, QuerySyntaxError,
                      UnknownQuery, format_result, list_named_queries, run_query)
from kg.store import EXPORT_FORMATS, LOAD_FORMAT_NAMES, GraphStore, write_atomic

_USAGE_ERRORS = (QuerySyntaxError, QueryRefused, QueryParameterError, UnknownQuery, NoStore, StoreBusy)


class KgFailure(click.ClickException):
    """A KgError shown as ``Error: <its one line>`` with the exit code we chose."""

    def __init__(self, error: KgError | str, exit_code: int = 1) -> None:
        super().__init__(str(error))
        self.exit_code = exit_code


def _fail(error: KgError) -> KgFailure:
    return KgFailure(error, 2 if isinstance(error, _USAGE_ERRORS) else 1)


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        params[name.strip()] = value
    return params


@main.command("query")
@click.argument("query", required=False)
@store_option
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True,
              help="table (for reading), csv/tsv/json/xml (SPARQL 1.1 results formats).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (a string; <...> for an IRI). Repeatable.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="S",
              help="Give up after S seconds.")
@click.option("--list", "list_only", is_flag=True, help="List the named queries and exit.")
@click.option("--allow-service", is_flag=True,
              help="Allow SERVICE clauses (they make the query call other hosts).")
@click.option("--endpoint", default=None, metavar="URL",
              help="Ask this SPARQL endpoint instead of the store.")
def query_cmd(query: str | None, store_dir: str, fmt: str, params: tuple[str, ...],
              timeout: float | None, list_only: bool, allow_service: bool, endpoint: str | None) -> None:
    """Run a SPARQL query on the graph (read-only).

    QUERY is the name of a named query (see --list), a .rq file, or SPARQL text; the
    standard prefixes (sg:, org:, foaf:, skos:, rdfs: ...) need no declaration. The
    default graph is the union of all the graphs. Use - to read the query from stdin.

    Example:

    \b
        kg query --list
        kg query chairs
        kg query theme-evidence --param theme=neglect --format csv
        kg query 'SELECT ?name WHERE { ?p org:headOf ?b ; foaf:name ?name }'
    """
    if list_only:
        named = list_named_queries()
        width = max((len(n) for n, _ in named), default=0)
        for name, description in named:
            click.echo(f"{name.ljust(width)}  {description}".rstrip())
        return
    if query is None:
        raise click.UsageError("give a QUERY: a named query (see --list), a .rq file or SPARQL text")
    if query == "-":
        query = sys.stdin.read()
    bindings = _parse_params(params)
    try:
        if endpoint:
            result = run_query(endpoint, query, bindings, timeout, allow_service=allow_service)
        else:
            with GraphStore.open(store_dir, read_only=True) as store:
                result = run_query(store, query, bindings, timeout, allow_service=allow_service)
    except KgError as exc:
        raise _fail(exc) from None
    text = format_result(result, fmt)
    click.echo(text, nl=not text.endswith("\n"))


@main.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@store_option
@base_option
@click.option("--format", "fmt", type=click.Choice(LOAD_FORMAT_NAMES), default=None,
              help="RDF syntax of every FILE (default: guessed from each extension).")
@click.option("--graph", "graph_iri", default=None, metavar="IRI",
              help="Named graph for the triples (default: {base}graph/loaded/{file stem}).")
@wait_option
def load_cmd(files: tuple[str, ...], store_dir: str, base: str, fmt: str | None,
             graph_iri: str | None, wait: float) -> None:
    """Add RDF files (Turtle, N-Triples, N-Quads, JSON-LD, TriG, RDF/XML) to the store.

    TriG and N-Quads keep their named graphs; other files go to a named graph of their
    own. A file that does not parse adds nothing and is reported; the others still
    load (exit 1 if any failed). Files are parsed offline: JSON-LD contexts must be
    inline (a remote or file: @context is refused) and XML entities are not expanded.
    While another build or load is writing the store, this waits (--wait) or exits 2.

    Example:

    \b
        kg load extra/agencies.ttl extra/reviews.trig --store build
    """
    failed = False
    try:
        with GraphStore.writing(store_dir, wait=wait, notify=say_on_stderr) as store:
            for name in files:
                try:
                    loaded = store.load_file(Path(name), format=fmt, graph_iri=graph_iri, base=base)
                except KgError as exc:
                    click.echo(f"Error: {exc}", err=True)
                    failed = True
                    continue
                graphs = ", ".join(f"<{g}>" for g in loaded.graphs) or "no graph"
                click.echo(f"{name}: {loaded.added} triples added ({loaded.statements} read) to {graphs}")
    except KgError as exc:
        raise _fail(exc) from None
    if failed:
        raise click.exceptions.Exit(1)


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle", show_default=True,
              help="turtle/nt/jsonld: all graphs merged; trig: named graphs kept.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to this file (atomically) instead of stdout.")
@store_option
def export_cmd(fmt: str, output: str | None, store_dir: str) -> None:
    """Write the whole graph in one RDF syntax, byte-identical for the same content.

    Example:

    \b
        kg export --format trig -o build/kg.trig
        kg export --format nt | grep headOf
    """
    try:
        with GraphStore.open(store_dir, read_only=True) as store:
            data = store.export(fmt)
    except KgError as exc:
        raise _fail(exc) from None
    if output is None:
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return
    try:
        write_atomic(output, data)
    except OSError as exc:
        raise KgFailure(f"{output}: cannot be written ({exc.strerror or exc}); check the folder exists "
                        "and is writable") from None
    click.echo(f"wrote {len(data)} bytes of {fmt} to {output}", err=True)
