"""Report records -> a folder of static pages and CSV files.

Pages are Jinja templates (files in ``kg/report/templates``, read through
importlib.resources so an installed wheel works) with autoescaping on: every name and
sentence from the documents is text, never markup. Each page inlines the same stylesheet
and script and carries a Content-Security-Policy that allows exactly those two (by
SHA-256 hash) and nothing else: no request of any kind, no other script, no inline
style attribute (charts use SVG presentation attributes, heatmap shades are classes).

The site is written into a temporary folder beside the target and swapped in at the
end, so a failed run leaves the previous report whole, and pages of boards that are no
longer in the graph do not linger. A non-empty folder that is not a kg report is never
replaced.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.errors import ReportFolderError
from kg.report.charts import line_chart
from kg.report.data import KIND_LABELS, Board, ReportData
from kg.report.tables import (
    Table,
    board_themes_table,
    chairs_table,
    compare_table,
    index_table,
    meetings_table,
    partners_table,
    reviews_table,
    sectors_matrix,
    themes_matrix,
    themes_years_table,
    to_csv,
)

__all__ = ["SiteSummary", "write_site", "MARKER"]

MARKER = ".kg-report"  # a folder holding this file was written by `kg report`
NAV = (("index.html", "Boards"), ("boards-themes.html", "Boards × themes"),
       ("boards-sectors.html", "Boards × partners"), ("themes-years.html", "Themes over years"))
CHART_THEMES = 8


@dataclass(frozen=True)
class SiteSummary:
    folder: Path
    pages: int
    csv_files: int
    boards: int
    documents: int
    compare: Path | None = None


def _asset(name: str) -> str:
    return resources.files("kg.report").joinpath("templates", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _environment(data: ReportData):  # -> jinja2.Environment
    from jinja2 import Environment, FunctionLoader, StrictUndefined

    env = Environment(loader=FunctionLoader(_asset), autoescape=True, keep_trailing_newline=True,
                      undefined=StrictUndefined, trim_blocks=False)
    env.filters["sector_label"] = lambda s: data.sectors.get(s, s)
    return env


class _Site:
    def __init__(self, data: ReportData, folder: Path, compare: list[Board]) -> None:
        self.data, self.folder, self.compare = data, folder, compare
        self.env = _environment(data)
        self.css, self.js = _asset("report.css"), _asset("report.js")
        self.csp = ("default-src 'none'; script-src " + _sha256(self.js) + "; style-src " + _sha256(self.css)
                    + "; img-src data:; base-uri 'none'; form-action 'none'")
        nav = list(NAV) + ([("compare.html", "Comparison")] if compare else [])
        dated = [d for d in data.documents.values() if d.year is not None]
        years = data.years
        self.common = {
            "csp": self.csp, "css": self.css, "js": self.js, "nav": nav, "data": data,
            "coverage": (f"{len(data.boards)} boards and partnerships · {len(data.documents)} documents "
                         f"({len(dated)} dated" + (f", {years[0]}–{years[-1]}" if years else "") + ")"),
        }
        self.pages = self.csvs = 0

    def _write(self, rel: str, text: str) -> None:
        path = self.folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        if rel.endswith(".html"):
            self.pages += 1
        elif rel.endswith(".csv"):
            self.csvs += 1

    def page(self, rel: str, template: str, title: str, **values: object) -> None:
        root = "../" * rel.count("/")
        html = self.env.get_template(template).render(**self.common, title=title, root=root, here=rel, **values)
        self._write(rel, html)

    def csv(self, rel: str, table: Table) -> None:
        self._write(rel, to_csv(table))

    # pages

    def index(self) -> None:
        t = index_table(self.data)
        kinds = [(k, KIND_LABELS.get(k, k)) for k in KIND_LABELS if any(b.kind == k for b in self.data.boards)]
        self.page("index.html", "index.html", "Boards and partnerships", t=t, kinds=kinds)
        self.csv("index.csv", t)

    def matrices(self) -> None:
        d = self.data
        t = themes_matrix(d)
        self.page("boards-themes.html", "matrix.html", t.title, t=t, csv="boards-themes.csv", chart=None,
                  intro="Darker cells: more documents. A cell links to the board's sentences on that theme.")
        self.csv("boards-themes.csv", t)
        t = sectors_matrix(d)
        self.page("boards-sectors.html", "matrix.html", t.title, t=t, csv="boards-sectors.csv", chart=None, intro="")
        self.csv("boards-sectors.csv", t)
        t = themes_years_table(d)
        self.page("themes-years.html", "matrix.html", t.title, t=t, csv="themes-years.csv", chart=self._chart(),
                  intro=f"The {CHART_THEMES} themes discussed in most dated documents, year by year; "
                        "the table below has them all.")
        self.csv("themes-years.csv", t)

    def _chart(self) -> str | None:
        d = self.data
        if not d.theme_years:
            return None
        totals: dict[str, int] = defaultdict(int)
        for (t, _), n in d.theme_years.items():
            totals[t] += n
        top = sorted(totals, key=lambda t: (-totals[t], t))[:CHART_THEMES]
        series = {d.themes.get(t, t): {y: n for (tt, y), n in d.theme_years.items() if tt == t} for t in top}
        return line_chart(series, d.years, "Documents discussing each theme, by year", "themes-years")

    def board(self, b: Board) -> None:
        d = self.data
        tables = {"chairs": chairs_table(b, d), "partners": partners_table(b, d), "themes": board_themes_table(b, d),
                  "reviews": reviews_table(b, d), "meetings": meetings_table(b, d)}
        uses: dict[str, list] = defaultdict(list)
        for u in b.themes:
            uses[u.theme].append(u)
        themes = [(t, sorted(uses[t], key=lambda u: (u.year or 0, u.doc))) for t in b.theme_counts]
        law = str(d.statutory.get(b.kind, {}).get("law", ""))
        self.page(b.page, "board.html", b.label, b=b, tables=tables, themes=themes, law=law)
        for key, t in tables.items():
            self.csv(f"board/{b.slug}-{key}.csv", t)

    def documents(self) -> None:
        d = self.data
        boards_of: dict[str, list[Board]] = defaultdict(list)
        facts: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for b in d.boards:
            for doc_iri in b.documents:
                boards_of[doc_iri].append(b)
            for c in b.chairs:
                for e in c.evidence:
                    facts[e.doc].append((f"{c.title}: {c.name} ({b.label})", e.text))
            for p in b.partners:
                for e in p.evidence:
                    facts[e.doc].append((f"Partner ({p.label}) of {b.label}", e.text))
            for u in b.themes:
                for s in u.evidence:
                    facts[u.doc].append((f"Theme {d.themes.get(u.theme, u.theme)} ({b.label})", s))
            for r in b.reviews:
                for s in r.evidence:
                    facts[r.doc].append((f"{r.label} ({b.label})", s))
        for doc in d.documents.values():
            unique = list(dict.fromkeys(facts.get(doc.iri, [])))  # first of each, in order
            self.page(doc.page, "doc.html", doc.title or doc.id, d=doc, boards=boards_of.get(doc.iri, []),
                      facts=unique, source_href=_source_href(doc.source))

    def comparison(self) -> None:
        t = compare_table(self.compare, self.data)
        self.page("compare.html", "compare.html", "Comparison", t=t, csv="compare.csv", boards=self.compare)
        self.csv("compare.csv", t)


def _source_href(source: str | None) -> str | None:
    """A file: link to the source document when it is on this machine."""
    if not source:
        return None
    path = Path(source)
    try:
        return path.resolve().as_uri() if path.is_file() else None
    except (OSError, ValueError):
        return None


def _swap_in(tmp: Path, folder: Path) -> None:
    old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
    if folder.exists():
        folder.rename(old)
    tmp.rename(folder)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def write_site(data: ReportData, folder: str | Path, compare: list[Board] | None = None) -> SiteSummary:
    """Write the whole report into ``folder`` (replacing a previous report there)."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or (any(folder.iterdir()) and not (folder / MARKER).exists())):
        raise ReportFolderError(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.with_name(f".{folder.name}.tmp-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        site = _Site(data, tmp, compare or [])
        site.index()
        site.matrices()
        for b in data.boards:
            site.board(b)
        site.documents()
        if compare:
            site.comparison()
        (tmp / MARKER).write_text("written by kg report; the whole folder is replaced on the next run\n",
                                  encoding="utf-8")
        _swap_in(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return SiteSummary(folder, site.pages, site.csvs, len(data.boards), len(data.documents),
                       folder / "compare.html" if compare else None)
