"""`kg report`: the store as a static, offline website people read without SPARQL.

store -> records by SPARQL (``data``) -> tables (``tables``) and charts (``charts``) ->
pages and CSV files from Jinja templates (``render``). The public API is
:func:`build_report` and :func:`find_boards`.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from kg.errors import UnknownBoard
from kg.report.data import Board, ReportData, load_report_data
from kg.report.render import SiteSummary, write_site
from kg.store import GraphStore

__all__ = ["build_report", "find_boards", "load_report_data", "write_site", "ReportData", "Board", "SiteSummary"]


def find_boards(data: ReportData, names: list[str] | tuple[str, ...],
                where: str = "kg report --compare") -> list[Board]:
    """The boards called ``names`` (label, other name or IRI slug, any case), in that order.

    A name that fits no board, or several, raises UnknownBoard naming the candidates,
    so a comparison never silently shows the wrong partnership."""
    out: list[Board] = []
    for name in names:
        want = " ".join(name.split()).casefold()
        hits = [b for b in data.boards if want == b.label.casefold() or want == b.slug
                or want in (a.casefold() for a in b.aliases)]
        if len(hits) > 1:
            raise UnknownBoard(where, detail=f"{name!r} names {len(hits)} boards ("
                               + "; ".join(b.label for b in hits[:6]) + "); give the full name")
        if not hits:
            close = difflib.get_close_matches(name, [b.label for b in data.boards], n=3, cutoff=0.5)
            hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else \
                "see the index page or `kg query boards` for the names"
            raise UnknownBoard(where, detail=f"no board is called {name!r}; {hint}")
        if hits[0] not in out:
            out.append(hits[0])
    return out


def build_report(store_dir: str | Path, folder: str | Path, compare: list[str] | tuple[str, ...] = ()) -> SiteSummary:
    """Read the store in ``store_dir`` and write the report site into ``folder``."""
    with GraphStore.open(store_dir, read_only=True) as store:
        data = load_report_data(store)
    boards = find_boards(data, compare) if compare else None
    return write_site(data, folder, boards)
