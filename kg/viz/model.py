"""What a view is, as plain data, and the one error a view can raise; plus how each type
of node looks (colour, vis-network shape, size, legend glyph), shared by the HTML page
and the SVG snapshot."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.vocab import NodeType

KINDS = ("overview", "board", "theme", "person", "compare")

#: type -> (colour, vis-network shape, size, legend glyph); order is the legend's order.
STYLE: dict[str, tuple[str, str, int, str]] = {
    NodeType.BOARD: ("#1f5fa8", "hexagon", 24, "\u2b22"),
    NodeType.COUNCIL: ("#7b4f2c", "square", 18, "\u25a0"),
    NodeType.COMMITTEE: ("#b08968", "square", 11, "\u25a0"),
    NodeType.AGENCY: ("#2e8b57", "triangle", 13, "\u25b2"),
    NodeType.NATIONAL_BODY: ("#66a86a", "triangle", 15, "\u25b2"),
    NodeType.ORGANISATION: ("#8a8a8a", "triangle", 11, "\u25b2"),
    NodeType.PERSON: ("#e07b00", "dot", 11, "\u25cf"),
    NodeType.THEME: ("#c0392b", "star", 19, "\u2605"),
    NodeType.SECTOR: ("#7d5ba6", "diamond", 11, "\u25c6"),
    NodeType.REVIEW: ("#d0489b", "triangleDown", 12, "\u25bc"),
    NodeType.DOCUMENT: ("#3a9fb5", "square", 7, "\u25a0"),
    NodeType.MEETING: ("#8fb3d9", "dot", 6, "\u25cf"),
    NodeType.STATISTIC: ("#9a9a9a", "dot", 5, "\u25cf"),
}
_DEFAULT_STYLE = ("#555555", "dot", 8, "\u25cf")
_ORDER = {t: i for i, t in enumerate(STYLE)}
#: Types whose labels are drawn small (many of them, less important).
SMALL_LABEL_TYPES = {NodeType.DOCUMENT, NodeType.MEETING, NodeType.STATISTIC, NodeType.COMMITTEE}


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
