"""`kg viz` and `kg stats`: pictures and counts of the built graph."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.exits import Command
from kg.cli.options import store_option

FORMATS = ("html", "svg", "graphml", "gexf")


@click.command("viz", cls=Command)
@click.option("--focus", metavar="LABEL", help="A board, person or theme (name or alias, any case).")
@click.option("--kind", type=click.Choice(["overview", "board", "theme", "person", "compare"]),
              default="overview", show_default=True,
              help="overview; board (needs --focus for one board); theme; person; "
                   "compare (boards x themes, edge weight = number of documents).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File to write [default: STORE/graph.FORMAT].")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True)
@click.option("--max-nodes", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Past this many nodes the view folds documents and statistics into boards and themes.")
@store_option
def viz_cmd(focus: str | None, kind: str, output: str | None, fmt: str, max_nodes: int, store_dir: str) -> None:
    """Write an interactive, offline HTML view of the graph (or GraphML/GEXF).

    The page has a search box (names and aliases), filters by type, theme, board,
    council and year, and a side panel with each fact's evidence sentence and source.

    Example:

    \b
        kg viz                                  # build/graph.html, the whole graph
        kg viz --focus "NSCP" -o nscp.html      # one board's neighbourhood
        kg viz --kind compare                   # boards x themes
        kg viz --format graphml                 # build/graph.graphml for Gephi etc.
    """
    from kg.netx import cache_written_behind, collector_paused

    # The whole command with the cyclic collector paused: once the graph is read (a
    # million containers, no cycles) every later allocation of the view made the
    # collector scan them all again, 0.4 s of a 20,000-node view's CPU
    # (scripts/bench_viz_store.py); the process ends right after. A cache made anew is
    # written by a forked process while the view is drawn.
    with collector_paused(), cache_written_behind():
        _viz(focus, kind, output, fmt, max_nodes, store_dir)


def _viz(focus: str | None, kind: str, output: str | None, fmt: str, max_nodes: int, store_dir: str) -> None:
    import networkx as nx

    from kg.netx import flat_copy, to_networkx
    from kg.store import GraphStore
    from kg.viz import FocusError, build_view, render_html

    with GraphStore.open(store_dir, read_only=True) as store:
        G = to_networkx(store)  # served from STORE/netx-cache.json while the store is unchanged
    try:
        view = build_view(G, focus=focus, kind=kind, max_nodes=max_nodes)
    except FocusError as exc:
        raise click.BadParameter(str(exc), param_hint="--focus") from None
    out = Path(output) if output else Path(store_dir) / f"graph.{fmt}"
    if fmt == "html":
        render_html(view, out)
    elif fmt == "svg":
        from kg.snapshot import render_svg
        render_svg(view, out)
    else:
        keys = [n["key"] for n in view.nodes] if (focus or kind != "overview") else list(G.nodes)
        H = flat_copy(G.subgraph(keys))
        out.parent.mkdir(parents=True, exist_ok=True)
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(H, out)
    # Edges as `kg stats` counts them (one per fact); parallel facts between the same two
    # nodes ("chairs" and "holds post in") share one drawn line.
    facts = sum(len(e["facts"]) for e in view.edges)
    lines = f" drawn as {len(view.edges)} lines" if facts != len(view.edges) else ""
    click.echo(f"wrote {out} ({len(view.nodes)} nodes, {facts} edges{lines})")
    for note in view.notes:
        click.echo(note)


@click.command("stats", cls=Command)
@click.option("--top", type=click.IntRange(min=1), default=5, show_default=True,
              help="How many of the best-connected boards, people and themes to list.")
@store_option
def stats_cmd(top: int, store_dir: str) -> None:
    """Count what the graph holds, per class and per type, and rank the best-connected
    boards, people and themes.

    Example:

    \b
        kg stats --store build --top 10
    """
    from kg.netx import TripleIndex, format_stats, stats, to_networkx
    from kg.store import GraphStore

    with GraphStore.open(store_dir, read_only=True) as store:
        G = to_networkx(store)  # served from STORE/netx-cache.json while the store is unchanged
        counts = TripleIndex.counts_of(store)
    click.echo(format_stats(stats(counts, top=top, G=G)))


COMMANDS = (viz_cmd, stats_cmd)
