"""The store, read by SPARQL, as plain frozen records the pages are made of.

Every number the report shows is derived here from the answers of the queries in
``kg/report/sparql/`` (files beside this module, so a reader can run them with
``kg query kg/report/sparql/boards.rq``), never from another source: the browser tests
check the pages against the same store with their own SPARQL.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources

from kg.iri import slug
from kg.ns import PREFIXES
from kg.store import GraphStore

__all__ = ["Evidence", "Doc", "ChairTerm", "PartnerSector", "ThemeUse", "ReviewInfo", "Board",
           "ReportData", "load_report_data", "KIND_LABELS", "statutory_sectors"]

KIND_LABELS = {
    "safeguarding-children": "Children's partnership / LSCB",
    "safeguarding-adults": "Safeguarding adults board",
    "community-safety": "Community safety partnership",
    "other-board": "Other multi-agency board",
}


def _sparql(name: str) -> str:
    return resources.files("kg.report").joinpath("sparql", f"{name}.rq").read_text(encoding="utf-8")


def statutory_sectors() -> dict[str, dict[str, object]]:
    """kind -> {"sectors": [...], "law": "..."}: the partners the law requires."""
    text = resources.files("kg.report").joinpath("statutory.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def _year(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


# --- records ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Evidence:
    """A sentence and the document (IRI) it is from."""

    doc: str
    text: str


@dataclass(frozen=True)
class Doc:
    iri: str
    id: str
    page: str  # path of its page inside the site, e.g. "doc/000-2f5f.html"
    title: str | None = None
    source: str | None = None
    date: str | None = None
    year: int | None = None
    meeting: str | None = None
    body: str | None = None
    council: str | None = None


@dataclass(frozen=True)
class ChairTerm:
    person: str
    name: str
    role: str
    title: str
    begin: str | None
    end: str | None
    ended: bool
    evidence: tuple[Evidence, ...] = ()

    @property
    def period(self) -> str:
        if not self.begin and not self.end:
            return "dates unknown"
        if not self.begin:
            return f"until {self.end}"
        return self.begin if self.begin == self.end and not self.ended else \
            f"{self.begin} – {self.end}" + ("" if self.ended else " (last stated)")


@dataclass(frozen=True)
class PartnerSector:
    sector: str
    label: str
    statutory: bool  # the text calls it statutory, or the law requires it of this kind
    agencies: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class ThemeUse:
    """One theme discussed about a board in one document."""

    theme: str
    label: str
    doc: str
    year: int | None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReviewInfo:
    iri: str
    label: str
    kind: str
    case: str | None
    doc: str
    year: int | None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Board:
    iri: str
    slug: str
    label: str
    kind: str
    area: str | None
    aliases: tuple[str, ...]
    chairs: tuple[ChairTerm, ...]
    partners: tuple[PartnerSector, ...]
    themes: tuple[ThemeUse, ...]
    reviews: tuple[ReviewInfo, ...]
    documents: tuple[str, ...]  # IRIs of the documents that name it
    years: tuple[int, ...]
    required: tuple[str, ...] = ()  # statutory sectors for its kind

    @property
    def page(self) -> str:
        return f"board/{self.slug}.html"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind or "board")

    @cached_property
    def current_chair(self) -> ChairTerm | None:
        """The chair whose tenure is not closed and was stated last (latest end, then
        latest start); None when every known chair is called former."""
        open_ = [c for c in self.chairs if not c.ended]
        if not open_:
            return None
        return max(open_, key=lambda c: (c.end or "", c.begin or "", c.name))

    @cached_property
    def sectors(self) -> dict[str, PartnerSector]:
        return {p.sector: p for p in self.partners}

    @property
    def missing(self) -> tuple[str, ...]:
        """Statutory sectors of its kind that no document names as its partner, when the
        documents do name some of its partners (a board whose partners no document
        describes has unknown partners, not missing ones)."""
        if not self.partners:
            return ()
        return tuple(s for s in self.required if s not in self.sectors)

    @property
    def partners_unknown(self) -> bool:
        return not self.partners and bool(self.required)

    @cached_property
    def theme_counts(self) -> dict[str, int]:
        """theme -> number of documents discussing it about this board, most first."""
        docs: dict[str, set[str]] = defaultdict(set)
        for t in self.themes:
            docs[t.theme].add(t.doc)
        return dict(sorted(((k, len(v)) for k, v in docs.items()), key=lambda kv: (-kv[1], kv[0])))

    @property
    def year_span(self) -> str:
        if not self.years:
            return ""
        return str(self.years[0]) if len(self.years) == 1 else f"{self.years[0]}–{self.years[-1]}"


@dataclass(frozen=True)
class ReportData:
    boards: tuple[Board, ...]
    documents: dict[str, Doc]
    themes: dict[str, str]  # id -> label, the scheme's order
    sectors: dict[str, str]
    theme_years: dict[tuple[str, int], int] = field(default_factory=dict)  # (theme, year) -> documents
    statutory: dict[str, dict[str, object]] = field(default_factory=dict)

    def board(self, iri: str) -> Board:
        return next(b for b in self.boards if b.iri == iri)

    @property
    def years(self) -> list[int]:
        return sorted({d.year for d in self.documents.values() if d.year is not None})


# --- loading ---------------------------------------------------------------------------------

class _Row(dict[str, "str | None"]):
    """One answer of a report query: ``row["x"]`` for a variable the query always binds (a
    str), ``row.get("x")`` for one it may leave unbound (OPTIONAL, BIND of an error): None."""

    query = ""

    def __getitem__(self, name: str) -> str:
        value = super().__getitem__(name)
        if value is None:  # the query's shape promises a value: a bug in the .rq file, not in the data
            raise LookupError(f"kg/report/sparql/{self.query}.rq left ?{name} unbound; use row.get({name!r})")
        return value


def _rows(store: GraphStore, name: str) -> list[_Row]:
    rows = [_Row(r) for r in store.query(_sparql(name), prefixes=PREFIXES).records()]
    for r in rows:
        r.query = name
    return rows


def _unique_slugs(iris: list[str], tail_of) -> dict[str, str]:
    """A file-name slug per IRI, unique within the site."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for iri in sorted(iris):
        base = slug(tail_of(iri)) or "x"
        s, n = base, 2
        while s in used:
            s, n = f"{base}-{n}", n + 1
        used.add(s)
        out[iri] = s
    return out


def _documents(store: GraphStore) -> dict[str, Doc]:
    rows = _rows(store, "documents")
    slugs = _unique_slugs([r["doc"] for r in rows], lambda i: i.rsplit("/", 1)[-1])
    docs: dict[str, Doc] = {}
    for r in rows:
        if r["doc"] in docs:  # a second meeting label or title: keep the first
            continue
        docs[r["doc"]] = Doc(r["doc"], r["id"] or r["doc"], f"doc/{slugs[r['doc']]}.html", r.get("title"),
                             r.get("source"), r.get("date"), _year(r.get("year")), r.get("meeting"), r.get("body"),
                             r.get("council"))
    return docs


def _chairs(store: GraphStore) -> dict[str, list[ChairTerm]]:
    evidence: dict[tuple[str, str, str], set[Evidence]] = defaultdict(set)
    for r in _rows(store, "chair-evidence"):
        evidence[(r["b"], r["person"], r["role"])].add(Evidence(r["doc"], r["evidence"]))
    out: dict[str, list[ChairTerm]] = defaultdict(list)
    for r in _rows(store, "chairs"):
        ev = tuple(sorted(evidence.get((r["b"], r["person"], r["role"]), ()), key=lambda e: (e.doc, e.text)))
        role = r.get("roleLabel") or "Chair"
        out[r["b"]].append(ChairTerm(r["person"], r["name"], role, r.get("title") or role, r.get("begin"),
                                     r.get("end"), r.get("ended") == "true", ev))
    for b in out:
        out[b].sort(key=lambda c: (c.begin or c.end or "", c.name))
    return out


def _partners(store: GraphStore, sector_labels: dict[str, str]) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in _rows(store, "partners"):
        p = out[r["b"]].setdefault(r["sector"], {"statutory": False, "agencies": set(), "evidence": set()})
        p["statutory"] = p["statutory"] or r.get("statutory") == "true"
        agency, doc, text = r.get("agency"), r.get("doc"), r.get("evidence")
        if agency:
            p["agencies"].add(agency)
        if text and doc:
            p["evidence"].add(Evidence(doc, text))
    return out


def load_report_data(store: GraphStore) -> ReportData:
    """Everything the report shows, from the store's SPARQL answers."""
    themes = {r["theme"]: r["label"] for r in _rows(store, "themes-scheme")}
    sectors = {r["sector"]: r["label"] for r in _rows(store, "sectors-scheme")}
    statutory = statutory_sectors()
    docs = _documents(store)
    chairs = _chairs(store)
    partners = _partners(store, sectors)

    theme_rows: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in sorted(_rows(store, "themes"), key=lambda r: (r["b"], r["theme"], r["doc"], int(r.get("start") or 0))):
        ev = theme_rows[r["b"]][(r["theme"], r["doc"])]
        text = r.get("evidence")
        if text and text not in ev:
            ev.append(text)
    reviews: dict[str, dict[str, dict]] = defaultdict(dict)
    for r in _rows(store, "reviews"):
        rv = reviews[r["b"]].setdefault(r["r"], {**r, "ev": set()})
        if r.get("evidence"):
            rv["ev"].add(r["evidence"])
    mentions: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, "mentions"):
        mentions[r["b"]].add(r["doc"])

    board_rows = _rows(store, "boards")
    slugs = _unique_slugs([r["b"] for r in board_rows], lambda i: i.rsplit("/", 1)[-1])
    boards = []
    for r in board_rows:
        b = r["b"]
        kind = r.get("kind") or "other-board"
        law = statutory.get(kind, {}).get("sectors", ())
        required = tuple(str(s) for s in law) if isinstance(law, (list, tuple)) else ()
        ps = tuple(PartnerSector(s, sectors.get(s, s), p["statutory"] or s in required,
                                 tuple(sorted(p["agencies"])),
                                 tuple(sorted(p["evidence"], key=lambda e: (e.doc, e.text))))
                   for s, p in sorted(partners.get(b, {}).items(), key=lambda kv: list(sectors).index(kv[0])
                                      if kv[0] in sectors else 99))
        ts = tuple(ThemeUse(t, themes.get(t, t), d, docs[d].year if d in docs else None, tuple(ev))
                   for (t, d), ev in sorted(theme_rows.get(b, {}).items()))
        rs = tuple(sorted((ReviewInfo(i, v["label"], v["kind"] or "case-review", v["caseName"], v["doc"],
                                      docs[v["doc"]].year if v["doc"] in docs else None, tuple(sorted(v["ev"])))
                           for i, v in reviews.get(b, {}).items()), key=lambda x: (x.year or 0, x.label, x.iri)))
        named = tuple(sorted(mentions.get(b, set()), key=lambda d: (docs[d].date or "" if d in docs else "", d)))
        years = tuple(sorted({y for d in named if d in docs and (y := docs[d].year) is not None}))
        aliases = tuple(sorted(set(filter(None, (r.get("aliases") or "").split("\u001f")))))
        boards.append(Board(b, slugs[b], r["label"], kind, r.get("area"), aliases, tuple(chairs.get(b, ())), ps, ts, rs,
                            named, years, required))
    theme_years = {(r["theme"], int(r["year"])): int(r["documents"]) for r in _rows(store, "themes-years")
                   if _year(r["year"]) is not None}
    boards.sort(key=lambda x: (x.label.casefold(), x.iri))
    return ReportData(tuple(boards), docs, themes, sectors, theme_years, statutory)
