"""Positions computed in Python, so a page opens still and interactive at once instead of
running a physics simulation in the browser (pyvis's default took minutes to settle
thousands of nodes). Deterministic: the same graph gives the same picture."""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.viz.model import _DEFAULT_STYLE, _ORDER, SMALL_LABEL_TYPES, STYLE
from kg.viz.select import ANCHOR_TYPES, Index
from kg.vocab import NodeType

_HUB_TYPES = {NodeType.THEME, NodeType.SECTOR}
_SPRING_MAX = 150   # up to this many nodes: one spring layout of everything
_ANCHOR_MAX = 400   # anchors laid out by spring (numpy's dense path stays under 500)


def _spring(U: nx.Graph, seed: int = 7, iterations: int = 200) -> dict[Any, tuple[float, float]]:
    if U.number_of_nodes() == 1:
        return {next(iter(U)): (0.0, 0.0)}
    pos = nx.spring_layout(U, seed=seed, iterations=iterations, k=1.6 / math.sqrt(U.number_of_nodes()))
    return {k: (float(p[0]), float(p[1])) for k, p in pos.items()}


def _spread(ix: Index, pos: dict[str, tuple[float, float]], rounds: int = 300) -> dict[str, tuple[float, float]]:
    """Push apart nodes whose label boxes overlap, so that a small view reads without
    zooming: spring layouts place nodes well but ignore how wide their labels are."""
    import numpy as np

    keys = list(pos)
    P = np.array([pos[k] for k in keys], dtype=float)
    size = np.array([STYLE.get(ix.type[k], _DEFAULT_STYLE)[2] for k in keys], dtype=float)
    font = np.array([12.0 if ix.type[k] in SMALL_LABEL_TYPES else 16.0 for k in keys])
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


def layout(G: nx.MultiDiGraph, keys: Iterable[str], ix: Index | None = None) -> dict[str, tuple[float, float]]:
    """Pixel positions, deterministic for the same graph.

    Small views: one spring layout (fixed seed), then label overlaps pushed apart. Bigger
    ones: "anchors and satellites": boards, councils, themes and other organisations are
    laid out by spring; every other node joins its nearest anchor (multi-source BFS) and
    sits on a sunflower spiral around it, nearest neighbours innermost. That is linear
    past the anchors' layout, and it reads as clusters around boards and themes rather
    than a hairball.
    """
    ix = ix or Index(G)
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
    anchors = sorted((k for k in keys if ix.type[k] in ANCHOR_TYPES), key=lambda k: (-deg[k], k))[:_ANCHOR_MAX]
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
    # each pair of clusters once, in the order first met (the same graph as an add_edge per
    # link, 15,000 of them at 20,000 nodes, with the same adjacency order)
    A.add_edges_from(dict.fromkeys((parent[k], parent[v]) for k in keys for v in nbrs[k] if parent[k] != parent[v]))
    # The biggest connected group of clusters gets a spring layout in the middle; the
    # small, separate ones are packed on a grid beside it (spring would scatter them on a ring).
    comps = sorted(nx.connected_components(A), key=lambda c: (-sum(len(members[a]) + 1 for a in c), min(c)))
    main = sorted(comps[0], key=lambda a: (-deg[a], a))[:_ANCHOR_MAX] if comps else []
    step = 26.0
    radius = {a: 45.0 + step * math.sqrt(len(members[a]) + 1) for a in roots}
    scale = step * 1.7 * math.sqrt(sum(len(members[a]) + 1 for a in main)) + 200.0
    # The main group as a graph of its own, its nodes in A's order: A.subgraph(main) lists
    # them in the order of a set of strings when it holds under half of A's nodes, which
    # changes with the hash seed, and spring_layout's start depends on the node order.
    inside = set(main)
    M = nx.Graph()
    M.add_nodes_from(a for a in A if a in inside)
    M.add_edges_from((u, v) for u, v in A.edges(M.nodes) if u in inside and v in inside)
    pos = {a: (x * scale, y * scale) for a, (x, y) in _spring(M, iterations=60).items()}
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
