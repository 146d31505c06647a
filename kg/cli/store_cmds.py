"""`kg query`, `kg load`, `kg export`: thin commands over kg.query and kg.store.

Errors print as one ``Error: ...`` line, with the exit code kg.cli.exits gives them.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click

from kg.cli.exits import Command, NeedsAttention, NothingDone
from kg.cli.options import base_option, say_on_stderr, store_option, wait_option
from kg.errors import KgError
from kg.query import RESULT_FORMATS, format_result, list_named_queries, run_query, unknown_terms
from kg.store import EXPORT_FORMATS, LOAD_FORMAT_NAMES, GraphStore, write_atomic


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--param")
        params[name.strip()] = value
    return params


@click.command("query", cls=Command)
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
              help="Ask this SPARQL endpoint instead of the store. Its default graph must be "
                   "the union of its graphs (kg serve's is; Oxigraph: serve --union-default-graph).")
def query_cmd(query: str | None, store_dir: str, fmt: str, params: tuple[str, ...],
              timeout: float | None, list_only: bool, allow_service: bool, endpoint: str | None) -> None:
    """Run a SPARQL query on the graph (read-only).

    QUERY is the name of a named query (see --list), a .rq file, or SPARQL text; the
    standard prefixes (sg:, org:, foaf:, skos:, rdfs: ...) need no declaration. The
    default graph is the union of all the graphs. Use - to read the query from stdin.
    CONSTRUCT and DESCRIBE print Turtle (table), N-Triples (csv/tsv), JSON-LD (json)
    or RDF/XML (xml). A --param for a theme, board or person matches its label or an
    alias in any case (theme=Neglect, board=OSCB).

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
    columns = shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else None
    if endpoint:
        result = run_query(endpoint, query, bindings, timeout, allow_service=allow_service)
    else:
        with GraphStore.open(store_dir, read_only=True) as store:
            result = run_query(store, query, bindings, timeout, allow_service=allow_service)
    for note in unknown_terms(query):
        click.echo(f"note: {note}", err=True)
    text = format_result(result, fmt, width=columns)
    click.echo(text, nl=not text.endswith("\n"))


@click.command("load", cls=Command)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@store_option
@base_option
@click.option("--format", "fmt", type=click.Choice(LOAD_FORMAT_NAMES), default=None,
              help="RDF syntax of every FILE (default: guessed from each extension).")
@click.option("--graph", "graph_iri", default=None, metavar="IRI",
              help="Named graph for the triples (default: {base}graph/loaded/{file stem}).")
@click.option("--view-cache/--no-view-cache", default=True, show_default=True,
              help="Bring the graph kg viz and kg stats draw (STORE/netx-cache.json) up to date "
                   "after the load, so the first view is served from it (seconds at 20,000 nodes).")
@wait_option
def load_cmd(files: tuple[str, ...], store_dir: str, base: str, fmt: str | None,
             graph_iri: str | None, view_cache: bool, wait: float) -> None:
    """Add RDF files (Turtle, N-Triples, N-Quads, JSON-LD, TriG, RDF/XML) to the store.

    TriG and N-Quads keep their named graphs; other files go to a named graph of their
    own. A file that does not parse adds nothing and is reported; the others still
    load (exit 1 if some failed, 2 if all did). Files are parsed offline: JSON-LD
    contexts must be inline (a remote or file: @context is refused) and XML entities
    are not expanded. While another build or load is writing the store, this waits
    (--wait) or exits 2.

    Example:

    \b
        kg load extra/agencies.ttl extra/reviews.trig --store build
        kg load national.nq --store shared --no-view-cache   # a bulk load nobody will draw
    """
    failed = 0
    with GraphStore.writing(store_dir, wait=wait, notify=say_on_stderr) as store:
        for name in files:
            try:
                loaded = store.load_file(Path(name), format=fmt, graph_iri=graph_iri, base=base)
            except KgError as exc:
                click.echo(f"Error: {exc}", err=True)
                failed += 1
                continue
            graphs = ", ".join(f"<{g}>" for g in loaded.graphs) or "no graph"
            click.echo(f"{name}: {loaded.added} triples added ({loaded.statements} read) to {graphs}")
    if failed == len(files):
        raise NothingDone(f"no file could be loaded (named above); {store_dir}/ is unchanged")
    if view_cache or (Path(store_dir) / "netx-cache.json").is_file():  # kg.netx.CACHE_NAME
        from kg.netx import refresh_cache  # (networkx imported only then: 0.3 s)

        refresh_cache(store_dir, create=True)
    if failed:
        raise NeedsAttention


@click.command("export", cls=Command)
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
    with GraphStore.open(store_dir, read_only=True) as store:
        data = store.export(fmt)
    if output is None:
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return
    try:
        write_atomic(output, data)
    except OSError as exc:
        raise NothingDone(f"{output}: cannot be written ({exc.strerror or exc}); check the folder exists "
                        "and is writable") from None
    click.echo(f"wrote {len(data)} bytes of {fmt} to {output}", err=True)


COMMANDS = (query_cmd, load_cmd, export_cmd)
