"""Which nodes a view shows: the focus (found by name or alias, any case), its
neighbourhood for each kind of view, and, past ``max_nodes``, what folds into what."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from kg.viz.model import KINDS, FocusError
from kg.vocab import EdgeLabel, NodeType

#: Organisations and hubs: what a big view keeps longest and lays out first.
ANCHOR_TYPES = {NodeType.BOARD, NodeType.COUNCIL, NodeType.THEME, NodeType.SECTOR, NodeType.AGENCY,
                NodeType.NATIONAL_BODY, NodeType.ORGANISATION, NodeType.COMMITTEE}
#: What folds away first when a view has too many nodes (tier by tier).
_FOLD_TIERS = ((NodeType.STATISTIC, NodeType.DOCUMENT, NodeType.MEETING), (NodeType.REVIEW, NodeType.COMMITTEE))
#: What a view of all boards shows around each board.
_BOARD_NEIGHBOURS = (NodeType.PERSON, NodeType.SECTOR, NodeType.AGENCY, NodeType.THEME, NodeType.REVIEW,
                     NodeType.COUNCIL, NodeType.NATIONAL_BODY, NodeType.BOARD)
FOCUS_TYPES = {"overview": (NodeType.BOARD, NodeType.PERSON, NodeType.THEME), "board": (NodeType.BOARD,),
               "theme": (NodeType.THEME,), "person": (NodeType.PERSON,), "compare": (NodeType.BOARD, NodeType.THEME)}


def find_node(G: nx.MultiDiGraph, text: str,
              types: Iterable[str] = (NodeType.BOARD, NodeType.PERSON, NodeType.THEME)) -> str:
    """The node whose label or alias is `text` (case-insensitive); else the only node whose
    label or alias contains it; else FocusError naming the closest matches."""
    types = tuple(types)
    q = " ".join(text.split()).casefold()
    cands = [(k, d) for k, d in G.nodes(data=True) if d.get("type") in types]
    names = lambda d: [d.get("label", "")] + list(d.get("aliases", []))  # noqa: E731
    exact = sorted(k for k, d in cands if any(q == n.casefold() for n in names(d)))
    if exact:
        return exact[0]
    partial = sorted(k for k, d in cands if any(q and q in n.casefold() for n in names(d)))
    if len(partial) == 1:
        return partial[0]
    by_folded = {n.casefold(): n for _, d in cands for n in names(d)}
    near = [by_folded[c] for c in difflib.get_close_matches(q, list(by_folded), n=6, cutoff=0.5)]
    near += [G.nodes[k]["label"] for k in partial]
    close = tuple(dict.fromkeys(near))[:8]
    what = " or ".join(t.lower() for t in types)
    hint = f"; close matches: {', '.join(close)}" if close else ""
    raise FocusError(f"no {what} called {text!r}{hint}", close)


def _neighbours(G: nx.MultiDiGraph, k: str, labels: set[str] | None = None) -> set[str]:
    out = set()
    for _, v, lab in G.out_edges(k, keys=True):
        if labels is None or lab in labels:
            out.add(v)
    for u, _, lab in G.in_edges(k, keys=True):
        if labels is None or lab in labels:
            out.add(u)
    return out


def select(G: nx.MultiDiGraph, kind: str, focus: str | None) -> set[str]:
    """The node keys a kind of view shows (radius 1-2 around the focus, where given)."""
    of = lambda *ts: {k for k, d in G.nodes(data=True) if d["type"] in ts}  # noqa: E731
    if kind == "overview":
        return set(G.nodes)
    if kind == "board":
        if focus is None:
            keep = of(NodeType.BOARD)
            for b in list(keep):
                keep |= {v for v in _neighbours(G, b) if G.nodes[v]["type"] in
                         _BOARD_NEIGHBOURS}
            return keep
        n1 = _neighbours(G, focus) | {focus}
        keep = set(n1)
        for v in n1:
            t = G.nodes[v]["type"]
            if t == NodeType.PERSON:
                keep |= _neighbours(G, v, {EdgeLabel.CHAIRS, EdgeLabel.HOLDS_POST_IN})
            elif t == NodeType.AGENCY:
                keep |= _neighbours(G, v, {EdgeLabel.IN_SECTOR})
            elif t in (NodeType.REVIEW, NodeType.BOARD):
                keep |= _neighbours(G, v, {EdgeLabel.CONDUCTED_BY, EdgeLabel.REPLACED_BY})
            elif t == NodeType.DOCUMENT:
                keep |= {u for u in _neighbours(G, v, {EdgeLabel.IN, EdgeLabel.RECORDS})}
        return keep
    if kind == "theme":
        if focus is None:
            keep = of(NodeType.THEME)
            for t in list(keep):
                keep |= {v for v in _neighbours(G, t, {EdgeLabel.DISCUSSES}) if G.nodes[v]["type"] == NodeType.BOARD}
            return keep
        keep = _neighbours(G, focus) | {focus}
        for v in list(keep):
            if G.nodes[v]["type"] == NodeType.DOCUMENT:
                keep |= {u for u in _neighbours(G, v, {EdgeLabel.IN}) if G.nodes[u]["type"] == NodeType.REVIEW}
        return keep
    if kind == "person":
        if focus is None:
            keep = of(NodeType.PERSON)
            for p in list(keep):
                keep |= _neighbours(G, p, {EdgeLabel.CHAIRS, EdgeLabel.HOLDS_POST_IN})
            return keep
        keep = _neighbours(G, focus) | {focus}
        for v in list(keep):  # what a board the person sits on was replaced by / replaced
            if G.nodes[v]["type"] == NodeType.BOARD:
                keep |= _neighbours(G, v, {EdgeLabel.REPLACED_BY})
        return keep
    raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")


class Index:
    """Types, labels and undirected neighbour sets, read once from the graph: the view
    steps ask these questions per node, and networkx's views are slow to ask 20,000 times."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.type = {k: d.get("type", "") for k, d in G.nodes(data=True)}
        self.label = {k: d.get("label", str(k)) for k, d in G.nodes(data=True)}
        nbrs: dict[str, set[str]] = {k: set() for k in G}
        degree: dict[str, int] = dict.fromkeys(G, 0)
        # off the adjacency dicts (G._succ: node -> neighbour -> key -> attributes, what
        # G.edges() walks, one generator step per edge): 0.5 -> 0.1 s at 20,000 nodes
        for u, out in G._succ.items():
            if not out:
                continue
            near = nbrs[u]
            for v, keys in out.items():
                n = len(keys)
                degree[u] += n
                degree[v] += n
                if u != v:
                    near.add(v)
                    nbrs[v].add(u)
        self.nbrs, self.degree = nbrs, degree


def aggregate(ix: Index, keys: set[str], max_nodes: int) -> tuple[set[str], dict[str, dict[str, int]], list[str]]:
    """Fold documents/statistics/meetings (then reviews/committees) into the boards and
    themes they concern, counting them there; past that keep the best-connected nodes."""
    folded: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    notes: list[str] = []
    total = len(keys)
    owner_types = (NodeType.BOARD, NodeType.THEME)
    for tier in _FOLD_TIERS:
        if len(keys) <= max_nodes:
            break
        gone = {k for k in keys if ix.type[k] in tier}
        if not gone:
            continue
        keys = keys - gone
        owning = {k for k in keys if ix.type[k] in owner_types}  # (sets intersected in C below)
        for k in sorted(gone):
            owners = ix.nbrs[k] & owning
            if not owners:  # a statistic: through its document
                for w in ix.nbrs[k]:
                    owners |= ix.nbrs[w] & owning
            for o in owners:
                folded[o][ix.type[k]] += 1
        counts: dict[str, int] = defaultdict(int)
        for k in gone:
            counts[ix.type[k]] += 1
        what = ", ".join(f"{n} {t.lower()}{'s' if n != 1 else ''}" for t, n in sorted(counts.items()))
        notes.append(f"Aggregated: {what} folded into their boards and themes (counts shown on them).")
    if len(keys) > max_nodes:
        def rank(k: str) -> int:
            return 0 if ix.type[k] in ANCHOR_TYPES else 1 if ix.type[k] == NodeType.PERSON else 2
        ranked = sorted(keys, key=lambda k: (rank(k), -ix.degree[k], ix.label[k], k))
        keys = set(ranked[:max_nodes])
        notes.append(f"Showing the {max_nodes} best-connected of {total} nodes (max_nodes={max_nodes}).")
    return keys, {k: dict(v) for k, v in folded.items()}, notes
