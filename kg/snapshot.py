"""A view as a static SVG picture, for reports and slides.

It draws the same view data the HTML page shows (positions, colours, shapes, labels,
legend) with nothing but the standard library, so a snapshot needs no browser. All text
is XML-escaped: labels from documents are shown, never interpreted.
"""

from __future__ import annotations

import math
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from kg.fsutil import write_atomic
from kg.viz import View

_PAD = 60
_LEGEND_W = 190


def _shape(shape: str, x: float, y: float, r: float, colour: str) -> str:
    fill = f'fill={quoteattr(colour)} stroke="#333" stroke-width="0.6"'
    if shape in ("square", "box"):
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {fill}/>'
    sides = {"diamond": 4, "triangle": 3, "triangleDown": 3, "hexagon": 6, "star": 10}.get(shape)
    if sides is None:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {fill}/>'
    points = []
    for i in range(sides):
        a = 2 * math.pi * i / sides + {"triangle": -math.pi / 2, "triangleDown": math.pi / 2, "star": -math.pi / 2,
                                        "diamond": 0.0, "hexagon": 0.0}[shape]
        rr = r * (0.45 if shape == "star" and i % 2 else 1.0)
        points.append(f"{x + rr * math.cos(a):.1f},{y + rr * math.sin(a):.1f}")
    return f'<polygon points="{" ".join(points)}" {fill}/>'


def render_svg(view: View, path: str | Path, labels: bool = True) -> Path:
    """Write the view as one SVG file (atomically); returns its path."""
    nodes = {n["id"]: n for n in view.nodes}
    xs = [n["x"] for n in view.nodes] or [0.0]
    ys = [n["y"] for n in view.nodes] or [0.0]
    x0, y0 = min(xs) - _PAD, min(ys) - _PAD
    w, h = max(xs) - min(xs) + 2 * _PAD, max(ys) - min(ys) + 2 * _PAD + 40
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0 - _LEGEND_W:.0f} {y0 - 40:.0f} '
           f'{w + _LEGEND_W:.0f} {h:.0f}" font-family="sans-serif">',
           f'<rect x="{x0 - _LEGEND_W:.0f}" y="{y0 - 40:.0f}" width="{w + _LEGEND_W:.0f}" '
           f'height="{h:.0f}" fill="white"/>',
           f'<text x="{x0 - _LEGEND_W + 10:.0f}" y="{y0 - 15:.0f}" font-size="20" font-weight="bold">'
           f'{escape(view.title)}</text>']
    for e in view.edges:
        a, b = nodes.get(e["from"]), nodes.get(e["to"])
        if a is None or b is None:
            continue
        out.append(f'<line x1="{a["x"]:.1f}" y1="{a["y"]:.1f}" x2="{b["x"]:.1f}" y2="{b["y"]:.1f}" '
                   f'stroke="#9aa5b1" stroke-width="1"/>')
    for n in view.nodes:
        r = max(4.0, float(n.get("size", 10)) * 0.8)
        out.append(_shape(n.get("shape", "dot"), n["x"], n["y"], r, n.get("color", "#888")))
        if labels:
            out.append(f'<text x="{n["x"]:.1f}" y="{n["y"] + r + 12:.1f}" font-size="{int(n.get("font", 14)) - 2}" '
                       f'text-anchor="middle" fill="#222">{escape(n.get("short", n.get("label", "")))}</text>')
    lx, ly = x0 - _LEGEND_W + 12, y0 + 10
    for i, item in enumerate(view.legend):
        y = ly + 24 * i
        out.append(_shape(item["shape"], lx + 8, y, 7, item["color"]))
        out.append(f'<text x="{lx + 24}" y="{y + 5}" font-size="13">'
                   f'{escape(item["type"])} ({item.get("count", 0)})</text>')
    for i, note in enumerate(view.notes):
        out.append(f'<text x="{x0:.0f}" y="{y0 - 40 + h - 10 - 16 * i:.0f}" font-size="12" fill="#555">'
                   f'{escape(note)}</text>')
    out.append("</svg>\n")
    path = Path(path)
    write_atomic(path, "\n".join(out).encode("utf-8"))
    return path
