"""`kg serve` and `kg push`: thin commands over kg.serve and kg.remote.

The library modules are imported inside the commands: kg.cli imports every command
module at start, and `kg query`'s cold start should not pay for a web server.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

import click

from kg.cli.exits import Command, NothingDone
from kg.cli.options import store_option


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@click.command("serve", cls=Command)
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback only by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="Port to listen on; 0 picks a free one (printed at start).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="S",
              help="Stop queries that run longer than S seconds.")
@click.option("--oxigraph", "oxigraph", default=None, metavar="PATH",
              help="The oxigraph binary (default: beside python, else on PATH).")
@click.option("--access-log", is_flag=True, help="Print one line per request on stderr.")
def serve_cmd(store_dir: str, host: str, port: int, timeout: float | None, oxigraph: str | None,
              access_log: bool) -> None:
    """Serve the store read-only: a SPARQL 1.1 endpoint and the graph view.

    Runs Oxigraph's server (serve-read-only) on a private loopback port behind a small
    front on --host:--port. /query (and /sparql) answers SPARQL 1.1 Protocol queries on
    the union of the graphs, as `kg query` does; /store reads one graph (Graph Store
    Protocol); /view is the store's graph.html and /view/NAME any view file in the
    store folder; / is Oxigraph's query page. Updates are refused. It follows `kg build`
    (within a second); restart it after `kg load`. Ctrl-C stops it.

    Example:

    \b
        kg serve --store build --port 7878
        curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 3' \\
             http://127.0.0.1:7878/query
        kg query chairs --endpoint http://127.0.0.1:7878/query
    """
    from pathlib import Path

    from kg.serve import ReadOnlyEndpoint, ServeConfig

    config = ServeConfig(Path(store_dir), host, port, oxigraph, timeout, access_log)
    endpoint = ReadOnlyEndpoint(config)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        endpoint.start()
        click.echo(f"kg serve: {store_dir}/ read-only at {endpoint.url} "
                   f"(SPARQL: {endpoint.url}query, view: {endpoint.url}view); Ctrl-C stops")
        sys.stdout.flush()
        endpoint.wait()
    except KeyboardInterrupt:
        click.echo("kg serve: stopped", err=True)
    finally:
        endpoint.close()
        signal.signal(signal.SIGTERM, previous)


@click.command("push", cls=Command)
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL of a store that accepts writes, e.g. Oxigraph's "
                   "http://127.0.0.1:7879/store (not `kg serve`, which is read-only).")
@store_option
@click.option("--graph", "graphs", multiple=True, metavar="IRI",
              help="Push only this named graph (repeatable; default: every graph).")
@click.option("--format", "fmt", type=click.Choice(["nt", "turtle"]), default="nt", show_default=True,
              help="Body syntax of each PUT.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              metavar="S", help="Give up on a PUT after S seconds.")
@click.option("--prune", is_flag=True,
              help="Also delete remote graphs (under the same .../graph/ folders) the store no longer holds.")
@click.option("--query-endpoint", metavar="URL",
              help="The server's SPARQL query URL, to list graphs for --prune and check the union default "
                   "graph [default: derived for Oxigraph /store, Virtuoso /sparql-graph-crud[-auth], Fuseki].")
@click.option("--user", metavar="NAME", help="HTTP digest or basic authentication (e.g. Virtuoso's "
              "/sparql-graph-crud-auth); the password comes from $KG_PUSH_PASSWORD or a prompt.")
def push_cmd(endpoint: str, store_dir: str, graphs: tuple[str, ...], fmt: str, timeout: float, prune: bool,
             query_endpoint: str | None, user: str | None) -> None:
    """Copy the store's named graphs to a remote store (one HTTP PUT per graph).

    Uses the SPARQL 1.1 Graph Store Protocol: each graph (one per document, plus the
    entities and ontology graphs) replaces the remote graph of the same IRI, so pushing
    again after a rebuild leaves the remote equal to the store. Graphs that exist only
    on the remote are left alone unless --prune. Exits 1 if it stopped after writing some
    graphs, 2 if it wrote none.

    The graphs arrive as named graphs. `kg query` asks the union of the named graphs;
    a SPARQL server's default graph is often only its unnamed graph, so after the push
    the server is asked whether its default graph shows the pushed graphs, and told how
    to set that if not (Oxigraph: --union-default-graph, as below). `kg serve` is
    read-only and refuses pushes.

    Example:

    \b
        oxigraph serve --location remote-db --bind 127.0.0.1:7879 --union-default-graph &
        kg push --endpoint http://127.0.0.1:7879/store --store build --prune
        kg query chairs --endpoint http://127.0.0.1:7879/query
        KG_PUSH_PASSWORD=dba kg push --user dba --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth
        kg query chairs --endpoint http://127.0.0.1:8890/sparql
    """
    import os

    from kg.remote import push
    from kg.store import GraphStore

    auth = None
    if user:
        password = os.environ.get("KG_PUSH_PASSWORD")
        if password is None:
            password = click.prompt(f"password for {user}", hide_input=True, err=True)
        auth = (user, password)
    with GraphStore.open(store_dir, read_only=True) as store:
        report = push(store, endpoint, graphs or None, fmt, timeout, prune=prune,
                      query_endpoint=query_endpoint, auth=auth)
    click.echo(report.summary())
    if not report.graphs:
        raise NothingDone(f"nothing was pushed: {store_dir}/ holds no named graph to send")


COMMANDS = (serve_cmd, push_cmd)
