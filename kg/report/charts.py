"""Charts drawn by matplotlib (its SVG backend), made safe to inline under a strict CSP.

matplotlib writes CSS in ``style="..."`` attributes and a ``<style>`` element, which a
Content-Security-Policy without 'unsafe-inline' styles refuses. Every declaration it
writes is an SVG presentation property (fill, stroke, font-size, text-anchor...), so we
move them into presentation attributes, which CSP does not govern, and drop the
``<style>`` element (its two defaults become attributes of the root). Text is escaped by
matplotlib itself; math parsing is off so a "$" in a name is just a dollar sign. Ids are
prefixed per chart so that several charts can share a page.
"""

from __future__ import annotations

import io
import re
from html import escape

__all__ = ["line_chart", "svg_for_csp"]

_STYLE_ATTR = re.compile(r'\sstyle="([^"]*)"')
_ID = re.compile(r'\bid="([^"]+)"')


def _attrs(css: str) -> str:
    out = []
    for decl in css.split(";"):
        name, _, value = decl.partition(":")
        name, value = name.strip(), value.strip()
        if re.fullmatch(r"[a-z-]+", name) and value:
            if name == "font":  # "font: 10px 'DejaVu Sans'" -> size and family
                size, _, family = value.partition(" ")
                out += [f'font-size="{escape(size)}"', f'font-family="{escape(family)}"']
            else:
                out.append(f'{name}="{escape(value)}"')
    return (" " + " ".join(out)) if out else ""


def svg_for_csp(svg: str, prefix: str, label: str) -> str:
    """matplotlib's SVG document -> an inline <svg> element with no CSS at all."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    svg = _STYLE_ATTR.sub(lambda m: _attrs(m.group(1)), svg)
    ids = set(_ID.findall(svg))
    svg = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    for i in sorted(ids, key=len, reverse=True):
        svg = svg.replace(f'href="#{i}"', f'href="#{prefix}-{i}"').replace(f"url(#{i})", f"url(#{prefix}-{i})")
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"',
                 lambda m: f'<svg {m.group(1)}class="chart" role="img" aria-label="{escape(label)}" '
                           'stroke-linejoin="round" stroke-linecap="butt"', svg, count=1)
    return svg.strip()


def line_chart(series: dict[str, dict[int, int]], years: list[int], title: str, prefix: str,
               ylabel: str = "documents") -> str:
    """One line per series over ``years``, as an inline-safe SVG string."""
    import matplotlib

    matplotlib.use("svg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": prefix, "text.parse_math": False}):
        fig = Figure(figsize=(9, 4.2))
        ax = fig.add_subplot()
        for name, values in series.items():
            ax.plot(years, [values.get(y, 0) for y in years], marker="o", linewidth=1.6, label=name)
        ax.set_xticks(years)
        ax.set_xticklabels([str(y) for y in years], rotation=45 if len(years) > 12 else 0)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        locator = ax.yaxis.get_major_locator()
        if isinstance(locator, MaxNLocator):  # the default AutoLocator is one
            locator.set_params(integer=True)
        ax.grid(axis="y", alpha=0.3)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        if series:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=9)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    return svg_for_csp(buf.getvalue(), prefix, title)
