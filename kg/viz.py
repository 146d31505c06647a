"""Interactive HTML views of the graph: a pure view-building step, then a renderer.

`build_view` turns the networkx graph (kg.netx) into plain dicts of nodes, edges and a
legend, with positions computed here in Python, so a page opens interactive at once
instead of running a physics simulation in the browser (pyvis's default took minutes to
settle thousands of nodes). `render_html` writes one self-contained page: vis-network's
JS and CSS are inlined from the copy vendored in the installed pyvis package, the data is
embedded as escaped JSON, and every string from the data reaches the page only through
textContent / DOM APIs. A Content-Security-Policy (hashes of our two inline scripts, no
network sources) backs that up: a page built from hostile minutes can neither run
injected script nor load anything from the network.

pyvis is imported only here: for its vendored vis-network assets, and for the plain
`from_nx` + `write_html` baseline that the benchmark compares against.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
import math
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

KINDS = ("overview", "board", "theme", "person", "compare")

#: type -> (colour, vis-network shape, size, legend glyph); order is the legend's order.
STYLE: dict[str, tuple[str, str, int, str]] = {
    "Board": ("#1f5fa8", "hexagon", 24, "\u2b22"),
    "Council": ("#7b4f2c", "square", 18, "\u25a0"),
    "Committee": ("#b08968", "square", 11, "\u25a0"),
    "Agency": ("#2e8b57", "triangle", 13, "\u25b2"),
    "NationalBody": ("#66a86a", "triangle", 15, "\u25b2"),
    "Organisation": ("#8a8a8a", "triangle", 11, "\u25b2"),
    "Person": ("#e07b00", "dot", 11, "\u25cf"),
    "Theme": ("#c0392b", "star", 19, "\u2605"),
    "Sector": ("#7d5ba6", "diamond", 11, "\u25c6"),
    "Review": ("#d0489b", "triangleDown", 12, "\u25bc"),
    "Document": ("#3a9fb5", "square", 7, "\u25a0"),
    "Meeting": ("#8fb3d9", "dot", 6, "\u25cf"),
    "Statistic": ("#9a9a9a", "dot", 5, "\u25cf"),
}
_DEFAULT_STYLE = ("#555555", "dot", 8, "\u25cf")
_ORDER = {t: i for i, t in enumerate(STYLE)}
_ANCHOR_TYPES = {"Board", "Council", "Theme", "Sector", "Agency", "NationalBody", "Organisation", "Committee"}
_HUB_TYPES = {"Theme", "Sector"}
_SMALL_LABEL_TYPES = {"Document", "Meeting", "Statistic", "Committee"}
#: What folds away first when a view has too many nodes (tier by tier).
_FOLD_TIERS = (("Statistic", "Document", "Meeting"), ("Review", "Committee"))
_FOCUS_TYPES = {"overview": ("Board", "Person", "Theme"), "board": ("Board",),
                "theme": ("Theme",), "person": ("Person",), "compare": ("Board", "Theme")}
_SPRING_MAX = 150   # up to this many nodes: one spring layout of everything
_ANCHOR_MAX = 400   # anchors laid out by spring (numpy's dense path stays under 500)


class FocusError(ValueError):
    """No node answers to the focus text; `matches` holds the closest names."""

    def __init__(self, message: str, matches: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.matches = matches


@dataclass(frozen=True)
class View:
    """Everything a page shows, as plain data (JSON-ready), positions included."""

    title: str
    kind: str
    nodes: tuple[dict[str, Any], ...]
    edges: tuple[dict[str, Any], ...]
    legend: tuple[dict[str, Any], ...]
    notes: tuple[str, ...] = ()
    aggregated: bool = False
    focus: int | None = None  # id of the focus node, when there is one
    filters: dict[str, list[Any]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """What the page embeds, compacted: node "key" is left out ("iri" says the same),
        and each evidence item is [fact, text, source index, start, end] with the source
        paths listed once in "sources" (evidence is most of a big page's bytes)."""
        sources: dict[str, int] = {}

        def pack(evidence: list[dict[str, Any]]) -> list[list[Any]]:
            return [[ev.get("fact", ""), ev.get("text", ""),
                     sources.setdefault(ev.get("document", ""), len(sources)), ev.get("start"), ev.get("end")]
                    for ev in evidence]

        nodes = [{**{k: v for k, v in n.items() if k not in ("key", "evidence")}, "evidence": pack(n["evidence"])}
                 for n in self.nodes]
        edges = [{**e, "evidence": pack(e["evidence"])} for e in self.edges]
        return {"title": self.title, "kind": self.kind, "nodes": nodes, "edges": edges,
                "sources": list(sources), "legend": list(self.legend), "notes": list(self.notes),
                "aggregated": self.aggregated, "focus": self.focus, "filters": self.filters}


# -- focus -------------------------------------------------------------------------------

def find_node(G: nx.MultiDiGraph, text: str, types: Iterable[str] = ("Board", "Person", "Theme")) -> str:
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
    close = [by_folded[c] for c in difflib.get_close_matches(q, list(by_folded), n=6, cutoff=0.5)]
    close += [G.nodes[k]["label"] for k in partial]
    close = tuple(dict.fromkeys(close))[:8]
    what = " or ".join(t.lower() for t in types)
    hint = f"; close matches: {', '.join(close)}" if close else ""
    raise FocusError(f"no {what} called {text!r}{hint}", close)


# -- selection ---------------------------------------------------------------------------

def _neighbours(G: nx.MultiDiGraph, k: str, labels: set[str] | None = None) -> set[str]:
    out = set()
    for _, v, lab in G.out_edges(k, keys=True):
        if labels is None or lab in labels:
            out.add(v)
    for u, _, lab in G.in_edges(k, keys=True):
        if labels is None or lab in labels:
            out.add(u)
    return out


def _select(G: nx.MultiDiGraph, kind: str, focus: str | None) -> set[str]:
    """The node keys a kind of view shows (radius 1-2 around the focus, where given)."""
    of = lambda *ts: {k for k, d in G.nodes(data=True) if d["type"] in ts}  # noqa: E731
    if kind == "overview":
        return set(G.nodes)
    if kind == "board":
        if focus is None:
            keep = of("Board")
            for b in list(keep):
                keep |= {v for v in _neighbours(G, b) if G.nodes[v]["type"] in
                         ("Person", "Sector", "Agency", "Theme", "Review", "Council", "NationalBody", "Board")}
            return keep
        n1 = _neighbours(G, focus) | {focus}
        keep = set(n1)
        for v in n1:
            t = G.nodes[v]["type"]
            if t == "Person":
                keep |= _neighbours(G, v, {"chairs", "holds post in"})
            elif t == "Agency":
                keep |= _neighbours(G, v, {"in sector"})
            elif t in ("Review", "Board"):
                keep |= _neighbours(G, v, {"conducted by", "replaced by"})
            elif t == "Document":
                keep |= {u for u in _neighbours(G, v, {"in", "records"})}
        return keep
    if kind == "theme":
        if focus is None:
            keep = of("Theme")
            for t in list(keep):
                keep |= {v for v in _neighbours(G, t, {"discusses"}) if G.nodes[v]["type"] == "Board"}
            return keep
        keep = _neighbours(G, focus) | {focus}
        for v in list(keep):
            if G.nodes[v]["type"] == "Document":
                keep |= {u for u in _neighbours(G, v, {"in"}) if G.nodes[u]["type"] == "Review"}
        return keep
    if kind == "person":
        if focus is None:
            keep = of("Person")
            for p in list(keep):
                keep |= _neighbours(G, p, {"chairs", "holds post in"})
            return keep
        keep = _neighbours(G, focus) | {focus}
        for v in list(keep):  # what a board the person sits on was replaced by / replaced
            if G.nodes[v]["type"] == "Board":
                keep |= _neighbours(G, v, {"replaced by"})
        return keep
    raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")


# -- aggregation -------------------------------------------------------------------------

class _Index:
    """Types, labels and undirected neighbour sets, read once from the graph: the view
    steps ask these questions per node, and networkx's views are slow to ask 20,000 times."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.type = {k: d.get("type", "") for k, d in G.nodes(data=True)}
        self.label = {k: d.get("label", str(k)) for k, d in G.nodes(data=True)}
        self.nbrs: dict[str, set[str]] = {k: set() for k in G}
        self.degree: dict[str, int] = dict.fromkeys(G, 0)
        for u, v in G.edges():
            self.degree[u] += 1
            self.degree[v] += 1
            if u != v:
                self.nbrs[u].add(v)
                self.nbrs[v].add(u)


def _aggregate(ix: _Index, keys: set[str], max_nodes: int) -> tuple[set[str], dict[str, dict[str, int]], list[str]]:
    """Fold documents/statistics/meetings (then reviews/committees) into the boards and
    themes they concern, counting them there; past that keep the best-connected nodes."""
    folded: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    notes: list[str] = []
    total = len(keys)
    owner_types = ("Board", "Theme")
    for tier in _FOLD_TIERS:
        if len(keys) <= max_nodes:
            break
        gone = {k for k in keys if ix.type[k] in tier}
        if not gone:
            continue
        keys = keys - gone
        for k in sorted(gone):
            owners = {v for v in ix.nbrs[k] if v in keys and ix.type[v] in owner_types}
            if not owners:  # a statistic: through its document
                for w in ix.nbrs[k]:
                    owners |= {v for v in ix.nbrs[w] if v in keys and ix.type[v] in owner_types}
            for o in owners:
                folded[o][ix.type[k]] += 1
        counts: dict[str, int] = defaultdict(int)
        for k in gone:
            counts[ix.type[k]] += 1
        what = ", ".join(f"{n} {t.lower()}{'s' if n != 1 else ''}" for t, n in sorted(counts.items()))
        notes.append(f"Aggregated: {what} folded into their boards and themes (counts shown on them).")
    if len(keys) > max_nodes:
        tier = lambda k: 0 if ix.type[k] in _ANCHOR_TYPES else 1 if ix.type[k] == "Person" else 2  # noqa: E731
        ranked = sorted(keys, key=lambda k: (tier(k), -ix.degree[k], ix.label[k], k))
        keys = set(ranked[:max_nodes])
        notes.append(f"Showing the {max_nodes} best-connected of {total} nodes (max_nodes={max_nodes}).")
    return keys, {k: dict(v) for k, v in folded.items()}, notes


# -- layout ------------------------------------------------------------------------------

def _spring(U: nx.Graph, seed: int = 7, iterations: int = 200) -> dict[Any, tuple[float, float]]:
    if U.number_of_nodes() == 1:
        return {next(iter(U)): (0.0, 0.0)}
    pos = nx.spring_layout(U, seed=seed, iterations=iterations, k=1.6 / math.sqrt(U.number_of_nodes()))
    return {k: (float(p[0]), float(p[1])) for k, p in pos.items()}


def _spread(ix: _Index, pos: dict[str, tuple[float, float]], rounds: int = 300) -> dict[str, tuple[float, float]]:
    """Push apart nodes whose label boxes overlap, so that a small view reads without
    zooming: spring layouts place nodes well but ignore how wide their labels are."""
    import numpy as np

    keys = list(pos)
    P = np.array([pos[k] for k in keys], dtype=float)
    size = np.array([STYLE.get(ix.type[k], _DEFAULT_STYLE)[2] for k in keys], dtype=float)
    font = np.array([12.0 if ix.type[k] in _SMALL_LABEL_TYPES else 16.0 for k in keys])
    chars = np.array([min(len(ix.label[k]), 34) for k in keys], dtype=float)
    # vis-network draws a label under its node: the box runs from the node's top to the
    # label's bottom, so its centre sits below the node's.
    half_w = np.maximum(size, 0.5 * chars * font * 0.56) + 6.0
    below = 5.0 + font * 1.25
    half_h = size + below / 2 + 3.0
    shift = below / 2
    P[:, 1] += shift
    idx = np.arange(len(keys))
    tie = np.where(idx[:, None] < idx[None, :], -1.0, 1.0)  # coincident nodes part ways, not together
    for _ in range(rounds):
        dx = P[:, None, 0] - P[None, :, 0]
        dy = P[:, None, 1] - P[None, :, 1]
        ox = half_w[:, None] + half_w[None, :] - np.abs(dx)
        oy = half_h[:, None] + half_h[None, :] - np.abs(dy)
        np.fill_diagonal(ox, -1)
        hit = (ox > 0) & (oy > 0)
        if not hit.any():
            break
        # Resolve each overlap along its axis of least overlap, half each way.
        along_x = hit & (ox <= oy)
        along_y = hit & ~along_x
        sx = np.where(dx > 0, 1.0, np.where(dx < 0, -1.0, tie))
        sy = np.where(dy > 0, 1.0, np.where(dy < 0, -1.0, tie))
        P[:, 0] += 0.5 * np.where(along_x, ox * sx, 0).sum(axis=1) / np.maximum(1, along_x.sum(axis=1))
        P[:, 1] += 0.5 * np.where(along_y, oy * sy, 0).sum(axis=1) / np.maximum(1, along_y.sum(axis=1))
    P[:, 1] -= shift
    return {k: (float(P[i, 0]), float(P[i, 1])) for i, k in enumerate(keys)}


def layout(G: nx.MultiDiGraph, keys: Iterable[str], ix: _Index | None = None) -> dict[str, tuple[float, float]]:
    """Pixel positions, deterministic for the same graph.

    Small views: one spring layout (fixed seed), then label overlaps pushed apart. Bigger
    ones: "anchors and satellites": boards, councils, themes and other organisations are
    laid out by spring; every other node joins its nearest anchor (multi-source BFS) and
    sits on a sunflower spiral around it, nearest neighbours innermost. That is linear
    past the anchors' layout, and it reads as clusters around boards and themes rather
    than a hairball.
    """
    ix = ix or _Index(G)
    keys = sorted(keys)
    keyset = set(keys)
    n = len(keys)
    if n == 0:
        return {}
    nbrs = {k: sorted(v for v in ix.nbrs[k] if v in keyset) for k in keys}
    if n <= _SPRING_MAX:
        U = nx.Graph()
        U.add_nodes_from(keys)
        U.add_edges_from((k, v) for k in keys for v in nbrs[k] if k < v)
        scale = max(220.0, 75.0 * math.sqrt(n))  # compact: _spread opens room where labels need it
        raw = _spring(U)
        xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
        if max(ys) - min(ys) > max(xs) - min(xs):  # screens are landscape: turn it on its side
            raw = {k: (y, x) for k, (x, y) in raw.items()}
            xs, ys = ys, xs
        wide, tall = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        # Screens are wider than tall, but a long chain should not squash everything flat.
        sx, sy = (1.0, min(2.0, 0.75 * wide / tall)) if tall < 0.75 * wide else (min(2.0, tall / wide), 1.0)
        return _spread(ix, {k: (x * sx * scale, y * sy * scale) for k, (x, y) in raw.items()})

    deg = {k: len(nbrs[k]) for k in keys}
    anchors = sorted((k for k in keys if ix.type[k] in _ANCHOR_TYPES), key=lambda k: (-deg[k], k))[:_ANCHOR_MAX]
    parent: dict[str, str] = {}
    depth: dict[str, int] = {}

    def claim(roots: list[str]) -> None:
        queue = deque(r for r in roots if r not in parent)
        for r in queue:
            parent[r], depth[r] = r, 0
        while queue:
            u = queue.popleft()
            for v in nbrs[u]:
                if v not in parent:
                    parent[v], depth[v] = parent[u], depth[u] + 1
                    queue.append(v)

    # Boards and other organisations claim their documents, people and statistics first;
    # hubs (themes, sectors) that every board shares only claim what is left, or they
    # would swallow every document into one blob in the middle.
    claim([a for a in anchors if ix.type[a] not in _HUB_TYPES])
    claim([a for a in anchors if ix.type[a] in _HUB_TYPES])
    for k in sorted(keys, key=lambda k: (-deg[k], k)):  # components with no anchor: their best node
        if k not in parent:
            anchors.append(k)
            claim([k])
    members: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        if parent[k] != k:
            members[parent[k]].append(k)
    roots = [k for k in keys if parent[k] == k]
    A = nx.Graph()
    A.add_nodes_from(roots)
    for k in keys:
        for v in nbrs[k]:
            if parent[k] != parent[v]:
                A.add_edge(parent[k], parent[v])
    # The biggest connected group of clusters gets a spring layout in the middle; the
    # small, separate ones are packed on a grid beside it (spring would scatter them on a ring).
    comps = sorted(nx.connected_components(A), key=lambda c: (-sum(len(members[a]) + 1 for a in c), min(c)))
    main = sorted(comps[0], key=lambda a: (-deg[a], a))[:_ANCHOR_MAX] if comps else []
    step = 26.0
    radius = {a: 45.0 + step * math.sqrt(len(members[a]) + 1) for a in roots}
    scale = step * 1.7 * math.sqrt(sum(len(members[a]) + 1 for a in main)) + 200.0
    pos = {a: (x * scale, y * scale) for a, (x, y) in _spring(A.subgraph(main), iterations=60).items()}
    rest = sorted((a for a in roots if a not in pos), key=lambda a: (-len(members[a]), a))
    if rest:
        cell = 2 * max(radius[a] for a in rest) + 40.0
        side = max(1, math.ceil(math.sqrt(len(rest) * 0.6)))
        left = (max((x for x, _ in pos.values()), default=0.0) + max(radius.values()) + cell) if pos else 0.0
        top = min((y for _, y in pos.values()), default=0.0)
        for i, a in enumerate(rest):
            pos[a] = (left + (i % side) * cell, top + (i // side) * cell)
    golden = math.pi * (3 - math.sqrt(5))
    for a, ms in members.items():
        ax, ay = pos[a]
        ms.sort(key=lambda k: (depth[k], _ORDER.get(ix.type[k], 99), ix.label[k], k))
        for i, k in enumerate(ms):
            r = 45.0 + step * math.sqrt(i + 1)
            pos[k] = (ax + r * math.cos(i * golden), ay + r * math.sin(i * golden))
    return pos


# -- view building -----------------------------------------------------------------------

def _short(text: str, limit: int = 34) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _legend(types: Iterable[str], counts: dict[str, int]) -> tuple[dict[str, Any], ...]:
    out = []
    for t in sorted(set(types), key=lambda t: (_ORDER.get(t, 99), t)):
        colour, shape, size, glyph = STYLE.get(t, _DEFAULT_STYLE)
        out.append({"type": t, "color": colour, "shape": shape, "glyph": glyph, "count": counts.get(t, 0)})
    return tuple(out)


def _related(ix: _Index, k: str) -> tuple[list[str], list[str]]:
    """Labels of the themes and boards this node is about (itself, its neighbours; for a
    statistic, review or meeting, its document's), for the page's theme/board filters."""
    themes: set[str] = set()
    boards: set[str] = set()
    near = [k, *ix.nbrs[k]]
    if ix.type[k] in ("Statistic", "Review", "Meeting"):
        for v in ix.nbrs[k]:
            if ix.type[v] == "Document":
                near.extend(ix.nbrs[v])
    for v in near:
        t = ix.type[v]
        if t == "Theme":
            themes.add(ix.label[v])
        elif t == "Board":
            boards.add(ix.label[v])
    return sorted(themes), sorted(boards)


def _node_dict(G: nx.MultiDiGraph, ix: _Index, k: str, i: int, xy: tuple[float, float],
               folded: dict[str, int] | None) -> dict[str, Any]:
    d = G.nodes[k]
    colour, shape, size, _ = STYLE.get(d["type"], _DEFAULT_STYLE)
    short = _short(d["label"])
    themes, boards = _related(ix, k)
    if folded:
        short += " (" + ", ".join(f"+{n} {t.lower()}{'s' if n != 1 else ''}" for t, n in sorted(folded.items())) + ")"
    return {
        "id": i, "key": k, "label": d["label"], "short": short, "type": d["type"], "kind": d.get("kind", ""),
        "iri": d.get("iri", k), "aliases": d.get("aliases", []),
        "x": round(xy[0], 1), "y": round(xy[1], 1),
        "color": colour, "shape": shape,
        "size": size + (min(12, 3 * math.log2(1 + sum(folded.values()))) if folded else 0),
        "font": 12 if d["type"] in _SMALL_LABEL_TYPES else 16,
        # Shared with the graph's own lists, not copied: nothing here mutates them.
        "council": d.get("council", []), "year": d.get("year", []),
        "documents": d.get("documents", []), "evidence": d.get("evidence", []),
        "roles": d.get("roles", []), "themes": themes, "boards": boards,
        "folded": dict(folded or {}),
    }


def _edge_dicts(G: nx.MultiDiGraph, keys: set[str], ids: dict[str, int], counts: bool) -> list[dict[str, Any]]:
    """One edge per directed pair: parallel facts ("chairs" and "holds post in") share a
    line and a joined label rather than drawing on top of each other."""
    pairs: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for u, v, lab, d in G.edges(keys=True, data=True):
        if u in keys and v in keys and u != v:
            pairs[(u, v)].append((lab, d))
    out = []
    for (u, v) in sorted(pairs):
        facts = pairs[(u, v)]
        if len(facts) == 1:  # the common case, kept cheap: the graph's lists are shared, not copied
            label, d = facts[0]
            docs, evidence, names = d.get("documents", []), d.get("evidence", []), [label]
            title = str(d.get("title") or "")
        else:
            facts.sort(key=lambda f: f[0])
            docs = sorted({doc for _, d in facts for doc in d.get("documents", [])})
            evidence = [e for _, d in facts for e in d.get("evidence", [])]
            names = [lab for lab, _ in facts]
            label = " \u00b7 ".join(names)
            title = "; ".join(str(d["title"]) for _, d in facts if d.get("title"))
        n_docs = len(docs)
        if counts and n_docs > 1:
            label += f" ({n_docs} docs)"
        out.append({
            "id": len(out), "from": ids[u], "to": ids[v], "label": label, "facts": names,
            "weight": max(1, n_docs), "width": 1 + min(5.0, math.log2(max(1, n_docs))),
            "documents": docs, "evidence": evidence, "title": title,
        })
    return out


def _drop_shown_evidence(nodes: tuple[dict[str, Any], ...], edges: tuple[dict[str, Any], ...]) -> None:
    """A node keeps only the evidence its drawn edges do not already carry: the panel
    lists edge facts with their sentences, and the page need not hold each one twice."""
    shown: dict[int, set[tuple[Any, ...]]] = defaultdict(set)
    for e in edges:
        for ev in e["evidence"]:
            sig = (ev.get("document"), ev.get("start"), ev.get("end"))
            shown[e["from"]].add(sig)
            shown[e["to"]].add(sig)
    for n in nodes:
        if n["evidence"] and n["id"] in shown:
            seen = shown[n["id"]]
            n["evidence"] = [ev for ev in n["evidence"] if (ev.get("document"), ev.get("start"), ev.get("end")) not in seen]


def build_view(G: nx.MultiDiGraph, focus: str | None = None, kind: str = "overview",
               max_nodes: int = 2000) -> View:
    """Pure: choose nodes for `kind` (around `focus`, radius 1-2), aggregate past
    `max_nodes`, lay out, and return plain dicts. With a focus, "overview" becomes the
    focus's own kind (board, person or theme). Raises FocusError when the focus names
    nothing, ValueError for an unknown kind."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    focus_key = find_node(G, focus, _FOCUS_TYPES[kind]) if focus else None
    if focus_key is not None and kind == "overview":
        kind = {"Board": "board", "Person": "person", "Theme": "theme"}[G.nodes[focus_key]["type"]]
    ix = _Index(G)
    if kind == "compare":
        return _compare_view(G, ix, focus_key)
    keys = _select(G, kind, focus_key)
    notes: list[str] = []
    folded: dict[str, dict[str, int]] = {}
    aggregated = len(keys) > max_nodes
    if aggregated:
        keys, folded, notes = _aggregate(ix, keys, max_nodes)
        if focus_key is not None:
            keys.add(focus_key)
    if not keys:
        notes.append("Nothing to show: the graph has no nodes for this view.")
    pos = layout(G, keys, ix)
    order = sorted(keys, key=lambda k: (_ORDER.get(ix.type[k], 99), ix.label[k], k))
    ids = {k: i for i, k in enumerate(order)}
    nodes = tuple(_node_dict(G, ix, k, ids[k], pos[k], folded.get(k)) for k in order)
    edges = tuple(_edge_dicts(G, keys, ids, aggregated))
    _drop_shown_evidence(nodes, edges)
    counts: dict[str, int] = defaultdict(int)
    for n in nodes:
        counts[n["type"]] += 1
    focus_label = ix.label[focus_key] if focus_key else None
    title = {
        "overview": "Safeguarding partnerships: overview",
        "board": f"Board: {focus_label}" if focus_label else "Boards, their chairs, partners and themes",
        "theme": f"Theme: {focus_label} across partnerships" if focus_label else "Themes across partnerships",
        "person": f"Posts held by {focus_label}" if focus_label else "People and their posts across boards",
    }[kind]
    return View(title=title, kind=kind, nodes=nodes, edges=edges, legend=_legend(counts, counts),
                notes=tuple(notes), aggregated=aggregated,
                focus=ids[focus_key] if focus_key is not None else None, filters=_filters(nodes))


def _filters(nodes: Iterable[dict[str, Any]]) -> dict[str, list[Any]]:
    nodes = list(nodes)
    return {
        "type": sorted({n["type"] for n in nodes}, key=lambda t: (_ORDER.get(t, 99), t)),
        "theme": sorted({t for n in nodes for t in n["themes"]}),
        "board": sorted({b for n in nodes for b in n["boards"]}),
        "council": sorted({c for n in nodes for c in n["council"]}),
        "year": sorted({y for n in nodes for y in n["year"]}),
    }


def _compare_view(G: nx.MultiDiGraph, ix: _Index, focus: str | None) -> View:
    """Boards x themes, bipartite: an edge per board that discusses a theme, its weight the
    number of documents in which it does. Boards left, themes right, both by label."""
    pairs = [(u, v, d) for u, v, lab, d in G.edges(keys=True, data=True)
             if lab == "discusses" and G.nodes[u]["type"] == "Board" and G.nodes[v]["type"] == "Theme"]
    if focus is not None:
        pairs = [p for p in pairs if focus in (p[0], p[1])]
    boards = sorted({u for u, _, _ in pairs}, key=lambda k: (G.nodes[k]["label"], k))
    themes = sorted({v for _, v, _ in pairs}, key=lambda k: (G.nodes[k]["label"], k))
    gap = 90.0
    pos = {b: (0.0, i * gap - (len(boards) - 1) * gap / 2) for i, b in enumerate(boards)}
    pos |= {t: (700.0, i * gap - (len(themes) - 1) * gap / 2) for i, t in enumerate(themes)}
    order = boards + themes
    ids = {k: i for i, k in enumerate(order)}
    nodes = []
    for k in order:
        n = _node_dict(G, ix, k, ids[k], pos[k], None)
        n["short"] = _short(n["label"], 48)
        nodes.append(n)
    edges = []
    for u, v, d in sorted(pairs, key=lambda p: (ids[p[0]], ids[p[1]])):
        w = max(1, len(d.get("documents", [])))
        edges.append({"id": len(edges), "from": ids[u], "to": ids[v], "label": str(w), "facts": ["discusses"],
                      "weight": w, "width": 1 + 1.5 * math.log2(w) * 2, "documents": list(d.get("documents", [])),
                      "evidence": list(d.get("evidence", [])), "title": ""})
    counts = {"Board": len(boards), "Theme": len(themes)}
    notes = ["Edge labels and widths: the number of documents in which a board discusses a theme."]
    if not pairs:
        notes.append("No board discusses any theme in this graph.")
    label = G.nodes[focus]["label"] if focus else None
    return View(title=f"Partnerships by theme{': ' + label if label else ''}", kind="compare",
                nodes=tuple(nodes), edges=tuple(edges), legend=_legend(counts, counts), notes=tuple(notes),
                focus=ids.get(focus) if focus else None, filters=_filters(nodes))


# -- rendering ---------------------------------------------------------------------------

def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the copy vendored inside the installed pyvis."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "lib"
    folder = max(lib.glob("vis-*/"), key=lambda p: tuple(int(x) for x in p.name[4:].split(".")))
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    # Inlined text must not be able to close its element early.
    return js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT"), css.replace("</style", "<\\/style")


def embed_json(obj: Any) -> str:
    """JSON safe inside <script type="application/json">: no `<`, `>`, `&` or line
    separators survive literally, so no data can end the element or start markup."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(view: View, path: str | Path) -> Path:
    """Write the view as one offline HTML page; returns the path written."""
    from jinja2 import Environment

    js, css = _vis_assets()
    app = _APP_JS
    csp = ("default-src 'none'; script-src " + _csp_hash(js) + " " + _csp_hash(app)
           + "; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    env = Environment(autoescape=True, keep_trailing_newline=True)
    html = env.from_string(_PAGE).render(title=view.title, csp=csp, vis_js=js, vis_css=css, app_js=app,
                                         data=embed_json(view.to_json()))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def pyvis_baseline_html(G: nx.Graph, path: str | Path) -> Path:
    """The plain pyvis route (`from_nx` + `write_html`), kept only so that
    scripts/bench_viz.py can measure our renderer against it. Not used by `kg viz`."""
    from pyvis.network import Network

    net = Network(height="800px", width="100%", directed=True)
    H = nx.DiGraph()
    for k, d in G.nodes(data=True):
        H.add_node(k, label=str(d.get("label", k)), title=str(d.get("type", "")))
    for u, v in G.edges():
        H.add_edge(u, v)
    net.from_nx(H)
    path = Path(path)
    net.write_html(str(path), notebook=False)
    return path


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<link rel="icon" href="data:,">
<style>{{ vis_css | safe }}</style>
<style>
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:14px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;background:#fff}
body{display:grid;grid-template-rows:auto auto 1fr;grid-template-columns:220px 1fr 340px;height:100vh}
header{grid-column:1/4;display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:8px 12px;border-bottom:1px solid #ddd;background:#f7f8fa}
header h1{font-size:17px;margin:0 12px 0 0}
header label{font-size:12px;color:#555}
header select,header input{font:inherit;font-size:13px;padding:3px 5px;max-width:220px}
#kg-notes{grid-column:1/4}
#kg-notes p{margin:0;padding:6px 12px;background:#fff4ce;border-bottom:1px solid #e5c96b;font-weight:600}
#kg-legend{overflow:auto;padding:10px;border-right:1px solid #ddd;background:#fcfcfd}
#kg-legend h2,#kg-panel h2{font-size:14px;margin:4px 0 8px}
#kg-legend label{display:flex;align-items:center;gap:6px;padding:2px 0;cursor:pointer}
#kg-legend .glyph{font-size:18px;width:20px;text-align:center}
#kg-legend .count{color:#777;margin-left:auto}
#kg-graph{position:relative;min-height:0;min-width:0}
#kg-canvas{position:absolute;inset:0}
#kg-panel{overflow:auto;padding:10px 12px;border-left:1px solid #ddd;font-size:13px}
#kg-panel dl{margin:0 0 8px;display:grid;grid-template-columns:auto 1fr;gap:2px 8px}
#kg-panel dt{color:#666}
#kg-panel dd{margin:0;overflow-wrap:anywhere}
#kg-panel li{margin:0 0 8px}
#kg-panel blockquote{margin:3px 0;padding:2px 8px;border-left:3px solid #bbb;color:#333;font-style:italic}
#kg-panel .src{color:#666;font-size:12px;overflow-wrap:anywhere}
#kg-tip{position:absolute;display:none;pointer-events:none;max-width:320px;background:#fff;border:1px solid #999;border-radius:4px;padding:6px 8px;font-size:12px;box-shadow:0 2px 6px rgba(0,0,0,.2);z-index:5}
#kg-status{font-size:12px;color:#555;margin-left:auto}
</style>
</head>
<body>
<header>
<h1 id="kg-title"></h1>
<input id="kg-search" type="search" list="kg-names" placeholder="Find a name or alias" aria-label="Find a node" size="24">
<button id="kg-search-go" type="button">Find</button>
<datalist id="kg-names"></datalist>
<label>Theme <select id="kg-filter-theme" data-filter="themes"></select></label>
<label>Board <select id="kg-filter-board" data-filter="boards"></select></label>
<label>Council <select id="kg-filter-council" data-filter="council"></select></label>
<label>Year <select id="kg-filter-year" data-filter="year"></select></label>
<button id="kg-reset" type="button">Show all</button>
<span id="kg-status" role="status"></span>
</header>
<div id="kg-notes"></div>
<aside id="kg-legend"><h2>Legend (click to hide a type)</h2><div id="kg-legend-items"></div></aside>
<main id="kg-graph"><div id="kg-canvas"></div><div id="kg-tip"></div></main>
<aside id="kg-panel"><h2>Details</h2><p>Click a node or an edge to see its facts and the sentences they come from.</p></aside>
<script type="application/json" id="kg-data">{{ data | safe }}</script>
<script>{{ vis_js | safe }}</script>
<script>{{ app_js | safe }}</script>
</body>
</html>
"""

# The page's own code. Data reaches the DOM only via textContent / createElement /
# option.value; vis-network draws labels on a canvas. No innerHTML anywhere.
_APP_JS = r"""
(function () {
  "use strict";
  performance.mark("kg-start");
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  performance.mark("kg-parsed");
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  var byId = new Map(), adj = new Map(), edgeById = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); adj.set(n.id, []); });
  data.edges.forEach(function (e) { edgeById.set(e.id, e); adj.get(e.from).push(e); adj.get(e.to).push(e); });
  document.title = data.title;
  $("kg-title").textContent = data.title;
  data.notes.forEach(function (t) { $("kg-notes").appendChild(el("p", t)); });

  var big = data.nodes.length > 1500;
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return {id: n.id, label: n.short, x: n.x, y: n.y, shape: n.shape, size: n.size, hidden: false,
            color: {background: n.color, border: n.color, highlight: {background: "#ffd400", border: "#222"},
                    hover: {background: n.color, border: "#222"}},
            font: {size: n.font, color: "#222", strokeWidth: 3, strokeColor: "#ffffff"},
            borderWidth: n.id === data.focus ? 4 : 1};
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    // Thousands of edge labels cost seconds per frame and read as noise zoomed out; big
    // views keep them in the panel instead.
    return {id: e.id, from: e.from, to: e.to, label: big ? undefined : e.label, width: e.width, arrows: "to",
            color: {color: "#9aa3ad", highlight: "#333", hover: "#555", opacity: big ? 0.35 : 1},
            font: {size: 12, color: "#444", strokeWidth: 3, strokeColor: "#fff", align: "middle"}};
  }));
  var options = {
    physics: false,
    layout: {improvedLayout: false},
    interaction: {hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                  multiselect: false, navigationButtons: false, keyboard: false},
    edges: {smooth: false, selectionWidth: 2},
    nodes: {scaling: {label: {drawThreshold: 7}}}
  };
  performance.mark("kg-datasets");
  var network = new vis.Network($("kg-canvas"), {nodes: nodes, edges: edges}, options);
  performance.mark("kg-network");

  // Legend = the type filter.
  var typeOn = {};
  data.legend.forEach(function (l) {
    typeOn[l.type] = true;
    var lab = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.type = l.type;
    box.addEventListener("change", function () { typeOn[l.type] = box.checked; applyFilters(); });
    var g = el("span", l.glyph, "glyph"); g.style.color = l.color;
    lab.appendChild(box); lab.appendChild(g); lab.appendChild(el("span", l.type)); lab.appendChild(el("span", l.count, "count"));
    $("kg-legend-items").appendChild(lab);
  });

  var selects = ["theme", "board", "council", "year"].map(function (name) {
    var s = $("kg-filter-" + name);
    var all = el("option", "all"); all.value = ""; s.appendChild(all);
    (data.filters[name] || []).forEach(function (v) { var o = el("option", v); o.value = String(v); s.appendChild(o); });
    s.disabled = !(data.filters[name] || []).length;
    s.addEventListener("change", applyFilters);
    return s;
  });

  function passes(n) {
    if (!typeOn[n.type]) return false;
    for (var i = 0; i < selects.length; i++) {
      var v = selects[i].value;
      if (v === "") continue;
      var have = n[selects[i].dataset.filter] || [];
      if (!have.some(function (x) { return String(x) === v; })) return false;
    }
    return true;
  }
  function visibleCount() { return nodes.get({filter: function (n) { return !n.hidden; }}).length; }
  function status(extra) {
    $("kg-status").textContent = (extra ? extra + " \u2014 " : "") + "showing " + visibleCount() + " of " + data.nodes.length + " nodes";
  }
  function applyFilters() {
    var updates = [];
    data.nodes.forEach(function (n) {
      var hide = !passes(n);
      if (nodes.get(n.id).hidden !== hide) updates.push({id: n.id, hidden: hide});
    });
    if (updates.length) nodes.update(updates);
    status();
  }
  function resetFilters() {
    selects.forEach(function (s) { s.value = ""; });
    Array.prototype.forEach.call(document.querySelectorAll("#kg-legend input"), function (b) { b.checked = true; typeOn[b.dataset.type] = true; });
    applyFilters();
  }
  $("kg-reset").addEventListener("click", resetFilters);

  // Search by name or alias.
  var names = $("kg-names"), seen = new Set();
  data.nodes.slice().sort(function (a, b) { return a.label.localeCompare(b.label); }).forEach(function (n) {
    [n.label].concat(n.aliases).forEach(function (name) {
      if (seen.size < 5000 && !seen.has(name)) { seen.add(name); var o = el("option"); o.value = name; names.appendChild(o); }
    });
  });
  function fold(s) { return String(s).trim().replace(/\s+/g, " ").toLowerCase(); }
  function find(q) {
    q = fold(q);
    if (!q) return null;
    var tiers = [[], [], []];
    data.nodes.forEach(function (n) {
      var ns = [n.label].concat(n.aliases).map(fold);
      if (ns.indexOf(q) >= 0) tiers[0].push(n);
      else if (ns.some(function (x) { return x.indexOf(q) === 0; })) tiers[1].push(n);
      else if (ns.some(function (x) { return x.indexOf(q) >= 0; })) tiers[2].push(n);
    });
    for (var i = 0; i < 3; i++) if (tiers[i].length) return tiers[i][0];
    return null;
  }
  function focusNode(id) {
    if (nodes.get(id).hidden) resetFilters();
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: false});
    showNode(id);
  }
  function search() {
    var q = $("kg-search").value, n = find(q);
    if (!n) { status("no node matches \u201c" + q + "\u201d"); return null; }
    focusNode(n.id);
    status("found " + n.label);
    return n.id;
  }
  $("kg-search-go").addEventListener("click", search);
  $("kg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(); });

  // Details panel.
  function evidenceList(list) {
    var ul = el("ul");
    list.slice(0, 20).forEach(function (a) {
      var e = {fact: a[0], text: a[1], document: data.sources[a[2]], start: a[3], end: a[4]};
      var li = el("li");
      if (e.fact) li.appendChild(el("div", e.fact));
      li.appendChild(el("blockquote", e.text));
      var where = e.document + (e.start !== null && e.start !== undefined ? " (characters " + e.start + "\u2013" + e.end + ")" : "");
      li.appendChild(el("div", where, "src"));
      ul.appendChild(li);
    });
    if (list.length > 20) ul.appendChild(el("li", "\u2026 and " + (list.length - 20) + " more"));
    return ul;
  }
  function facts(dl, pairs) {
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null || p[1] === "" || (Array.isArray(p[1]) && !p[1].length)) return;
      dl.appendChild(el("dt", p[0]));
      dl.appendChild(el("dd", Array.isArray(p[1]) ? p[1].join(", ") : p[1]));
    });
  }
  function showNode(id) {
    var n = byId.get(id), panel = $("kg-panel");
    panel.replaceChildren(el("h2", n.label));
    var dl = el("dl");
    facts(dl, [["type", n.type], ["kind", n.kind], ["also called", n.aliases], ["roles", n.roles],
               ["council", n.council], ["years", n.year], ["documents", n.documents], ["IRI", n.iri]]);
    Object.keys(n.folded || {}).forEach(function (t) { facts(dl, [["folded " + t.toLowerCase() + "s", String(n.folded[t])]]); });
    panel.appendChild(dl);
    var mine = adj.get(id) || [];
    if (mine.length) {
      panel.appendChild(el("h2", "Facts"));
      var ul = el("ul");
      mine.slice(0, 60).forEach(function (e) {
        var other = byId.get(e.from === id ? e.to : e.from);
        var li = el("li", e.from === id ? "\u2192 " + e.label + ": " + other.label
                                        : "\u2190 " + other.label + ": " + e.label + " this");
        if (e.evidence.length) li.appendChild(evidenceList(e.evidence));
        ul.appendChild(li);
      });
      if (mine.length > 60) ul.appendChild(el("li", "\u2026 and " + (mine.length - 60) + " more"));
      panel.appendChild(ul);
    }
    if (n.evidence.length) { panel.appendChild(el("h2", "Evidence")); panel.appendChild(evidenceList(n.evidence)); }
  }
  function showEdge(id) {
    var e = edgeById.get(id), panel = $("kg-panel");
    panel.replaceChildren(el("h2", byId.get(e.from).label + " \u2192 " + e.label + " \u2192 " + byId.get(e.to).label));
    var dl = el("dl");
    facts(dl, [["facts", e.facts], ["title", e.title], ["documents", e.documents]]);
    panel.appendChild(dl);
    if (e.evidence.length) panel.appendChild(evidenceList(e.evidence));
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });

  // Tooltip (our own element, text only).
  var tip = $("kg-tip");
  network.on("hoverNode", function (p) {
    var n = byId.get(p.node);
    tip.replaceChildren(el("strong", n.label), el("div", n.type + (n.kind ? " (" + n.kind + ")" : "")));
    if (n.aliases.length) tip.appendChild(el("div", "also: " + n.aliases.join(", ")));
    if (n.evidence.length) tip.appendChild(el("div", "\u201c" + n.evidence[0][1] + "\u201d"));
    tip.style.left = (p.pointer.DOM.x + 14) + "px";
    tip.style.top = (p.pointer.DOM.y + 14) + "px";
    tip.style.display = "block";
  });
  network.on("blurNode", function () { tip.style.display = "none"; });
  network.on("dragStart", function () { tip.style.display = "none"; });

  // vis's fit() frames node centres and cuts off labels at the edges; once a frame has
  // measured the labels, frame their boxes instead (small views: boxes cost a pass).
  function fitAll() {
    var ids = nodes.getIds({filter: function (n) { return !n.hidden; }});
    if (!ids.length) return;
    if (ids.length > 1500) { network.fit({animation: false}); return; }
    var l = Infinity, r = -Infinity, t = Infinity, b = -Infinity;
    ids.forEach(function (id) {
      var bb = network.getBoundingBox(id);
      l = Math.min(l, bb.left); r = Math.max(r, bb.right); t = Math.min(t, bb.top); b = Math.max(b, bb.bottom);
    });
    var box = $("kg-canvas"), pad = 30;
    var scale = Math.min((box.clientWidth - 2 * pad) / Math.max(1, r - l), (box.clientHeight - 2 * pad) / Math.max(1, b - t));
    network.moveTo({position: {x: (l + r) / 2, y: (t + b) / 2}, scale: Math.min(scale, 1.6), animation: false});
  }
  network.fit({animation: false});
  if (data.focus !== null && data.focus !== undefined) { network.selectNodes([data.focus]); showNode(data.focus); }
  performance.mark("kg-ui");
  network.once("afterDrawing", function () {
    fitAll();
    performance.mark("kg-drawn");
    window.kgReady = true;
    document.body.setAttribute("data-ready", "1");
  });
  network.redraw();
  status();
  window.kg = {network: network, nodes: nodes, edges: edges, data: data, visibleCount: visibleCount, fitAll: fitAll,
               applyFilters: applyFilters, resetFilters: resetFilters, search: search, find: find};
})();
"""
