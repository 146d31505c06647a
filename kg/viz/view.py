"""The view itself: the chosen nodes and edges as plain, JSON-ready dicts with their
positions, labels, filters and evidence (``build_view``). Pure: no files, no HTML."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.viz.layout import layout
from kg.viz.model import _DEFAULT_STYLE, _ORDER, KINDS, SMALL_LABEL_TYPES, STYLE, View
from kg.viz.select import FOCUS_TYPES, Index, aggregate, find_node, select
from kg.vocab import EdgeLabel, NodeType


def _short(text: str, limit: int = 34) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _legend(types: Iterable[str], counts: dict[str, int]) -> tuple[dict[str, Any], ...]:
    out = []
    for t in sorted(set(types), key=lambda t: (_ORDER.get(t, 99), t)):
        colour, shape, size, glyph = STYLE.get(t, _DEFAULT_STYLE)
        out.append({"type": t, "color": colour, "shape": shape, "glyph": glyph, "count": counts.get(t, 0)})
    return tuple(out)


def _related(ix: Index, k: str) -> tuple[list[str], list[str]]:
    """Labels of the themes and boards this node is about (itself, its neighbours; for a
    statistic, review or meeting, its document's), for the page's theme/board filters."""
    themes: set[str] = set()
    boards: set[str] = set()
    near = [k, *ix.nbrs[k]]
    if ix.type[k] in (NodeType.STATISTIC, NodeType.REVIEW, NodeType.MEETING):
        for v in ix.nbrs[k]:
            if ix.type[v] == NodeType.DOCUMENT:
                near.extend(ix.nbrs[v])
    for v in near:
        t = ix.type[v]
        if t == NodeType.THEME:
            themes.add(ix.label[v])
        elif t == NodeType.BOARD:
            boards.add(ix.label[v])
    return sorted(themes), sorted(boards)


def _node_dict(G: nx.MultiDiGraph, ix: Index, k: str, i: int, xy: tuple[float, float],
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
        "font": 12 if d["type"] in SMALL_LABEL_TYPES else 16,
        # Shared with the graph's own lists, not copied: nothing here mutates them.
        "council": d.get("council", []), "year": d.get("year", []),
        "documents": d.get("documents", []), "evidence": d.get("evidence", []),
        "roles": d.get("roles", []), "themes": themes, "boards": boards,
        "folded": dict(folded or {}),
    }


def _edge_dicts(G: nx.MultiDiGraph, keys: set[str], ids: dict[str, int], counts: bool) -> list[dict[str, Any]]:
    """One edge per directed pair: parallel facts ("chairs" and "holds post in") share a
    line and a joined label rather than drawing on top of each other."""
    pairs: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = {}
    # off the adjacency dicts, in G.edges()'s order, and only from drawn nodes: a big
    # graph's view draws 2,000 of 20,000 nodes, and 10,000 of 70,000 edges
    for u, after in G._succ.items():
        if u not in keys:
            continue
        for v, facts in after.items():
            if v in keys and u != v:
                pairs[(u, v)] = list(facts.items())
    out: list[dict[str, Any]] = []
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
            n["evidence"] = [ev for ev in n["evidence"]
                             if (ev.get("document"), ev.get("start"), ev.get("end")) not in seen]


def build_view(G: nx.MultiDiGraph, focus: str | None = None, kind: str = "overview",
               max_nodes: int = 2000) -> View:
    """Pure: choose nodes for `kind` (around `focus`, radius 1-2), aggregate past
    `max_nodes`, lay out, and return plain dicts. With a focus, "overview" becomes the
    focus's own kind (board, person or theme). Raises FocusError when the focus names
    nothing, ValueError for an unknown kind."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    focus_key = find_node(G, focus, FOCUS_TYPES[kind]) if focus else None
    if focus_key is not None and kind == "overview":
        kind = {NodeType.BOARD: "board", NodeType.PERSON: "person", NodeType.THEME: "theme"}[G.nodes[focus_key]["type"]]
    ix = Index(G)
    if kind == "compare":
        return _compare_view(G, ix, focus_key)
    keys = select(G, kind, focus_key)
    notes: list[str] = []
    folded: dict[str, dict[str, int]] = {}
    aggregated = len(keys) > max_nodes
    if aggregated:
        keys, folded, notes = aggregate(ix, keys, max_nodes)
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


def _compare_view(G: nx.MultiDiGraph, ix: Index, focus: str | None) -> View:
    """Boards x themes, bipartite: an edge per board that discusses a theme, its weight the
    number of documents in which it does. Boards left, themes right, both by label."""
    pairs = [(u, v, d) for u, v, lab, d in G.edges(keys=True, data=True)
             if lab == EdgeLabel.DISCUSSES and G.nodes[u]["type"] == NodeType.BOARD
             and G.nodes[v]["type"] == NodeType.THEME]
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
    edges: list[dict[str, Any]] = []
    for u, v, d in sorted(pairs, key=lambda p: (ids[p[0]], ids[p[1]])):
        w = max(1, len(d.get("documents", [])))
        edges.append({"id": len(edges), "from": ids[u], "to": ids[v], "label": str(w), "facts": [EdgeLabel.DISCUSSES],
                      "weight": w, "width": 1 + 1.5 * math.log2(w) * 2, "documents": list(d.get("documents", [])),
                      "evidence": list(d.get("evidence", [])), "title": ""})
    counts: dict[str, int] = {NodeType.BOARD: len(boards), NodeType.THEME: len(themes)}
    notes = ["Edge labels and widths: the number of documents in which a board discusses a theme."]
    if not pairs:
        notes.append("No board discusses any theme in this graph.")
    label = G.nodes[focus]["label"] if focus else None
    return View(title=f"Partnerships by theme{': ' + label if label else ''}", kind="compare",
                nodes=tuple(nodes), edges=tuple(edges), legend=_legend(counts, counts), notes=tuple(notes),
                focus=ids.get(focus) if focus else None, filters=_filters(nodes))
