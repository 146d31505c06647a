"""Report records -> tables: the one shape both the HTML pages and the CSV files are made of.

A table is columns and rows of cells; a cell is text (or a number) with, at most, a link
inside the site, a CSS class (heatmap shade, gap mark) and a sort key. The pages render
these tables as they are and every table is also written as CSV, so what a reader sees
and what a spreadsheet gets cannot disagree.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

from kg.report.data import Board, ReportData

__all__ = ["Cell", "Table", "to_csv", "index_table", "themes_matrix", "sectors_matrix", "themes_years_table",
           "chairs_table", "partners_table", "board_themes_table", "reviews_table", "meetings_table",
           "compare_table", "SHADES"]

SHADES = 6  # heatmap classes h1..h6 (h0 = none)


@dataclass(frozen=True)
class Cell:
    text: str | int = ""
    href: str | None = None  # relative to the site root
    cls: str | None = None
    sort: str | int | None = None  # when the text does not sort right ("2019–2021")
    title: str | None = None  # tooltip

    @property
    def key(self) -> str | int:
        return self.sort if self.sort is not None else self.text


@dataclass(frozen=True)
class Table:
    key: str  # file name of its CSV without ".csv", unique within its page
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""
    row_attrs: tuple[dict[str, str], ...] = ()  # data-* attributes per row (filters)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value: str | int) -> str | int:
    """Text a spreadsheet would run as a formula ("=HYPERLINK(...)") is kept as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(table: Table) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(table.columns)
    for row in table.rows:
        w.writerow([_csv_value(c.text) for c in row])
    return buf.getvalue()


def _doc_cell(data: ReportData, doc: str) -> Cell:
    d = data.documents.get(doc)
    return Cell(d.id, d.page) if d else Cell(doc)


# --- the index -----------------------------------------------------------------------------

def index_table(data: ReportData) -> Table:
    rows, attrs = [], []
    for b in data.boards:
        chair = b.current_chair
        sectors = "; ".join(p.label for p in b.partners)
        missing = "; ".join(data.sectors.get(s, s) for s in b.missing)
        top = "; ".join(data.themes.get(t, t) for t in list(b.theme_counts)[:3])
        rows.append((
            Cell(b.label, b.page), Cell(b.area or ""), Cell(b.kind_label),
            Cell(chair.name if chair else ""), Cell((chair.begin or "") if chair else ""),
            Cell(sectors), Cell(missing, cls="gap") if missing else
            Cell("no partners stated", cls="unk") if b.partners_unknown else Cell(""),
            Cell(top), Cell(len(b.reviews)), Cell(len(b.documents)),
            Cell(b.year_span, sort=b.years[0] if b.years else 0), Cell(len(b.years)),
        ))
        attrs.append({"kind": b.kind, "gap": "1" if b.missing else "0"})
    return Table("index", "Boards and partnerships",
                 ("board", "area", "kind", "current chair", "chair since", "partner sectors",
                  "statutory partners missing", "top themes", "reviews", "documents", "years covered",
                  "years with documents"),
                 tuple(rows), row_attrs=tuple(attrs))


# --- matrices --------------------------------------------------------------------------------

def _shade(n: int, top: int) -> str:
    if n <= 0 or top <= 0:
        return "h0"
    return f"h{max(1, min(SHADES, round(SHADES * n / top)))}"


def themes_matrix(data: ReportData) -> Table:
    used = [t for t in data.themes if any(t in b.theme_counts for b in data.boards)]
    top = max((n for b in data.boards for n in b.theme_counts.values()), default=0)
    rows = []
    for b in data.boards:
        cells = [Cell(b.label, b.page)]
        for t in used:
            n = b.theme_counts.get(t, 0)
            cells.append(Cell(n or "", f"{b.page}#theme-{t}" if n else None, _shade(n, top), sort=n,
                              title=f"{b.label}: {data.themes[t]}, {n} document(s)" if n else None))
        rows.append(tuple(cells))
    return Table("boards-themes", "Boards × themes", ("board", *(data.themes[t] for t in used)), tuple(rows),
                 note="Each cell: the documents that discuss the theme about the board; click it for the sentences.")


def sectors_matrix(data: ReportData) -> Table:
    rows = []
    for b in data.boards:
        cells = [Cell(b.label, b.page)]
        for s, label in data.sectors.items():
            p = b.sectors.get(s)
            if p is not None:
                cells.append(Cell("statutory" if p.statutory else "partner", f"{b.page}#sector-{s}",
                                  "stat" if p.statutory else "yes"))
            elif s in b.missing:
                cells.append(Cell("MISSING", None, "gap", title=f"{label} is a statutory partner of a {b.kind_label}"))
            elif s in b.required:
                cells.append(Cell("?", None, "unk", title="no document names this board's partners"))
            else:
                cells.append(Cell(""))
        rows.append(tuple(cells))
    return Table("boards-sectors", "Boards × partner sectors", ("board", *data.sectors.values()), tuple(rows),
                 note="statutory: a partner the text calls statutory or the law requires of this kind of board; "
                      "MISSING: a statutory partner that no document names while they name other partners; "
                      "?: no document names any partner of the board.")


def themes_years_table(data: ReportData) -> Table:
    years = data.years
    totals: dict[str, int] = defaultdict(int)
    for (t, _), n in data.theme_years.items():
        totals[t] += n
    top = max(data.theme_years.values(), default=0)
    rows = []
    for t in sorted(totals, key=lambda t: (-totals[t], data.themes.get(t, t))):
        cells = [Cell(data.themes.get(t, t))]
        for y in years:
            n = data.theme_years.get((t, y), 0)
            cells.append(Cell(n or "", cls=_shade(n, top), sort=n))
        cells.append(Cell(totals[t]))
        rows.append(tuple(cells))
    return Table("themes-years", "Themes over years", ("theme", *(str(y) for y in years), "all years"), tuple(rows),
                 note="Each cell: the dated documents of that year that discuss the theme.")


# --- one board ---------------------------------------------------------------------------------

def chairs_table(b: Board, data: ReportData) -> Table:
    rows = tuple((Cell(c.name), Cell(c.title), Cell(c.begin or ""), Cell(c.end or ""),
                  Cell("ended" if c.ended else ("current" if c is b.current_chair else "")))
                 for c in b.chairs)
    return Table("chairs", "Chairs over time", ("name", "title", "from", "to", "status"), rows,
                 note="A tenure runs from the first to the last dated document that states it; "
                      "'ended': a later document calls the holder former.")


def partners_table(b: Board, data: ReportData) -> Table:
    rows = [(Cell(p.label), Cell("yes" if p.statutory else ""), Cell("; ".join(p.agencies)), Cell(len(p.evidence)))
            for p in b.partners]
    rows += [(Cell(data.sectors.get(s, s), cls="gap"), Cell("MISSING", cls="gap"), Cell(""), Cell(0))
             for s in b.missing]
    return Table("partners", "Partners by sector", ("sector", "statutory", "agencies", "sentences"), tuple(rows))


def board_themes_table(b: Board, data: ReportData) -> Table:
    years = sorted({t.year for t in b.themes if t.year is not None})
    counts: dict[tuple[str, int | None], set[str]] = defaultdict(set)
    for t in b.themes:
        counts[(t.theme, t.year)].add(t.doc)
    rows = []
    for theme, n in b.theme_counts.items():
        cells = [Cell(data.themes.get(theme, theme), f"{b.page}#theme-{theme}")]
        cells += [Cell(len(counts[(theme, y)]) or "", sort=len(counts[(theme, y)])) for y in years]
        cells += [Cell(len(counts[(theme, None)]) or "", sort=len(counts[(theme, None)])), Cell(n)]
        rows.append(tuple(cells))
    return Table("themes", "Themes by year", ("theme", *(str(y) for y in years), "undated", "documents"), tuple(rows))


def reviews_table(b: Board, data: ReportData) -> Table:
    rows = tuple((Cell(r.label), Cell(r.kind), Cell(r.case or ""), Cell(r.year or ""), _doc_cell(data, r.doc))
                 for r in b.reviews)
    return Table("reviews", "Case reviews", ("review", "kind", "case", "year", "document"), rows)


def meetings_table(b: Board, data: ReportData) -> Table:
    rows = []
    for d in b.documents:
        doc = data.documents.get(d)
        if doc is None:
            continue
        rows.append((Cell(doc.date or ""), Cell(doc.body or doc.meeting or ""), Cell(doc.council or ""),
                     Cell(doc.title or ""), Cell(doc.id, doc.page)))
    return Table("meetings", "Meetings and documents that discussed it", ("date", "meeting", "council", "title",
                                                                           "document"), tuple(rows))


# --- comparison ----------------------------------------------------------------------------------

def compare_table(boards: list[Board], data: ReportData) -> Table:
    def row(label: str, values: list[Cell]) -> tuple[Cell, ...]:
        return (Cell(label), *values)

    rows = [
        row("area", [Cell(b.area or "") for b in boards]),
        row("kind", [Cell(b.kind_label) for b in boards]),
        row("current chair", [Cell(f"{c.name} (since {c.begin})" if (c := b.current_chair) and c.begin
                                   else (c.name if c else "")) for b in boards]),
        row("chairs known", [Cell("; ".join(f"{c.name} {c.period}" for c in b.chairs)) for b in boards]),
        row("documents", [Cell(len(b.documents)) for b in boards]),
        row("years covered", [Cell(b.year_span) for b in boards]),
        row("reviews", [Cell(len(b.reviews)) for b in boards]),
    ]
    for s, label in data.sectors.items():
        if any(s in b.sectors or s in b.required for b in boards):
            rows.append(row(f"partner: {label}", [
                Cell("statutory" if b.sectors[s].statutory else "partner", f"{b.page}#sector-{s}",
                     "stat" if b.sectors[s].statutory else "yes") if s in b.sectors
                else Cell("MISSING", cls="gap") if s in b.missing else Cell("?", cls="unk") if s in b.required
                else Cell("") for b in boards]))
    top = max((n for b in boards for n in b.theme_counts.values()), default=0)
    for t, label in data.themes.items():
        if any(t in b.theme_counts for b in boards):
            rows.append(row(f"theme: {label}", [
                Cell(b.theme_counts.get(t, 0) or "", f"{b.page}#theme-{t}" if t in b.theme_counts else None,
                     _shade(b.theme_counts.get(t, 0), top)) for b in boards]))
    return Table("compare", "Side by side", ("", *(b.label for b in boards)), tuple(rows))
