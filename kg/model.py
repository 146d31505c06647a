"""Value objects that flow through the pipeline: ingest -> extract -> resolve -> rdf.

Everything here is a frozen dataclass with no behaviour beyond (de)serialisation, so
that every later stage can trust what it is handed and nothing imports back up the
chain. ``Facts.to_json`` is the contract format that ``kg extract`` prints
(see README, "Facts format"); ``Facts.from_json`` reads it back, so the graph can be
rebuilt from a facts file without re-reading the documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Document:
    """One input file as text.

    ``id`` is the file name without its extension (the contract's ``document``).
    ``pages`` holds the character offset at which each page starts (PDF only), so an
    evidence span can be turned into a page number.
    """

    id: str
    text: str
    source: str = ""
    media_type: str = "text/plain"
    title: str | None = None
    pages: tuple[int, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """1-based page number holding ``offset``, or None for unpaged documents."""
        if not self.pages:
            return None
        page = 1
        for i, start in enumerate(self.pages, 1):
            if start <= offset:
                page = i
            else:
                break
        return page


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact came from: its text and character offsets in the document."""

    text: str
    start: int
    end: int
    page: int | None = None
    by: str | None = None  # the rule or model that produced the fact ("rule:chair-apposition", "model:themes")
    confidence: float | None = None  # 0..1: a model's probability, or a rule's measured precision

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"evidence": self.text, "span": [self.start, self.end]}
        if self.page is not None:
            out["page"] = self.page
        if self.by is not None:
            out["by"] = self.by
        if self.confidence is not None:
            out["confidence"] = self.confidence
        return out

    def credited(self, by: str, confidence: float) -> Evidence:
        """The same sentence, credited to the rule or model that used it."""
        # built directly: dataclasses.replace reads the fields anew on every call (a hot path)
        return Evidence(self.text, self.start, self.end, self.page, by, round(confidence, 3))

    @staticmethod
    def from_json(obj: dict[str, Any]) -> Evidence | None:
        text, span = obj.get("evidence"), obj.get("span")
        if not isinstance(text, str) or not span:
            return None
        conf = obj.get("confidence")
        return Evidence(text, int(span[0]), int(span[1]), obj.get("page"), obj.get("by"),
                        float(conf) if conf is not None else None)


def _ev(obj: dict[str, Any], evidence: Evidence | None) -> dict[str, Any]:
    if evidence is not None:
        obj.update(evidence.to_json())
    return obj


@dataclass(frozen=True)
class Meeting:
    council: str | None = None
    body: str | None = None
    date: str | None = None  # ISO 8601 YYYY-MM-DD
    item: str | None = None
    body_evidence: Evidence | None = None  # the line that names the body, with the rule or model that chose it
    date_evidence: Evidence | None = None


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: str  # CONTRACT organisation kind
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    honorific: str | None = None
    aliases: tuple[str, ...] = ()
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Role:
    person: str
    title: str
    organisation: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Chair:
    person: str
    organisation: str
    title: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Partner:
    partnership: str
    sector: str
    statutory: bool | None = None
    agency: str | None = None  # id of a named agency organisation, when the text names one
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Theme:
    theme: str  # skos:notation of a concept in the theme scheme
    evidence: Evidence | None = None
    organisation: str | None = None  # the board its sentence (paragraph, section) is about


@dataclass(frozen=True)
class Review:
    kind: str
    name: str | None = None
    organisation: str | None = None  # the board that ran it, when known
    evidence: Evidence | None = None
    year: str | None = None  # the year the text gives for it ("2019")
    generic: bool = False  # a plural mention of the activity ("the case reviews"), not one review


@dataclass(frozen=True)
class Statistic:
    value: float
    unit: str | None = None
    measure: str | None = None
    evidence: Evidence | None = None
    organisation: str | None = None  # the board its sentence (paragraph, section) is about


@dataclass(frozen=True)
class Change:
    """A board replaced by another (an LSCB by a partnership): ``org:ChangeEvent``."""

    old: str
    new: str
    date: str | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Report:
    """A board's annual report for a period ("2020/21"), as the document names it."""

    organisation: str
    period: str
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Facts:
    """Everything extracted from one document; ids are local to it."""

    document: str
    meeting: Meeting = field(default_factory=Meeting)
    organisations: tuple[Organisation, ...] = ()
    people: tuple[Person, ...] = ()
    roles: tuple[Role, ...] = ()
    chairs: tuple[Chair, ...] = ()
    partners: tuple[Partner, ...] = ()
    themes: tuple[Theme, ...] = ()
    reviews: tuple[Review, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    changes: tuple[Change, ...] = ()
    reports: tuple[Report, ...] = ()
    source: str = ""
    title: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object (plus the extra keys it allows)."""
        m = self.meeting
        return {
            "document": self.document,
            "meeting": {"council": m.council, "body": m.body, "date": m.date, "item": m.item,
                        **{k: e.to_json() for k, e in (("body_evidence", m.body_evidence),
                                                        ("date_evidence", m.date_evidence)) if e is not None}},
            "organisations": [
                _ev({"id": o.id, "name": o.name, "kind": o.kind, "sector": o.sector,
                     "aliases": list(o.aliases)}, o.evidence)
                for o in self.organisations
            ],
            "people": [
                _ev({"id": p.id, "name": p.name, **({"honorific": p.honorific} if p.honorific else {}),
                     **({"aliases": list(p.aliases)} if p.aliases else {})}, p.evidence)
                for p in self.people
            ],
            "roles": [_ev({"person": r.person, "title": r.title, "organisation": r.organisation},
                          r.evidence) for r in self.roles],
            "chairs": [_ev({"person": c.person, "organisation": c.organisation,
                            **({"title": c.title} if c.title else {})}, c.evidence)
                       for c in self.chairs],
            "partners": [_ev({"partnership": p.partnership, "sector": p.sector, "statutory": p.statutory,
                              **({"agency": p.agency} if p.agency else {})}, p.evidence)
                         for p in self.partners],
            "themes": [_ev({"theme": t.theme, "organisation": t.organisation}, t.evidence) for t in self.themes],
            "reviews": [_ev({"kind": r.kind, "name": r.name, "organisation": r.organisation,
                             **({"year": r.year} if r.year else {}),
                             **({"generic": True} if r.generic else {})}, r.evidence)
                        for r in self.reviews],
            "statistics": [_ev({"value": s.value, "unit": s.unit, "measure": s.measure,
                                "organisation": s.organisation}, s.evidence)
                           for s in self.statistics],
            "changes": [_ev({"old": c.old, "new": c.new, "date": c.date}, c.evidence)
                        for c in self.changes],
            "reports": [_ev({"organisation": r.organisation, "period": r.period}, r.evidence)
                        for r in self.reports],
            "source": self.source,
            "title": self.title,
        }

    @staticmethod
    def from_json(obj: dict[str, Any]) -> Facts:
        """Read a contract object back; unknown keys are ignored, missing lists are empty."""
        m = obj.get("meeting") or {}
        ev = Evidence.from_json
        return Facts(
            document=str(obj["document"]),
            meeting=Meeting(m.get("council"), m.get("body"), m.get("date"), m.get("item"),
                            ev(m.get("body_evidence") or {}), ev(m.get("date_evidence") or {})),
            organisations=tuple(
                Organisation(o["id"], o["name"], o.get("kind") or "other", o.get("sector"),
                             tuple(o.get("aliases") or ()), ev(o))
                for o in obj.get("organisations") or ()),
            people=tuple(Person(p["id"], p["name"], p.get("honorific"), tuple(p.get("aliases") or ()), ev(p))
                         for p in obj.get("people") or ()),
            roles=tuple(Role(r["person"], r["title"], r.get("organisation"), ev(r))
                        for r in obj.get("roles") or ()),
            chairs=tuple(Chair(c["person"], c["organisation"], c.get("title"), ev(c))
                         for c in obj.get("chairs") or ()),
            partners=tuple(Partner(p["partnership"], p["sector"], p.get("statutory"), p.get("agency"), ev(p))
                           for p in obj.get("partners") or ()),
            themes=tuple(Theme(t["theme"], ev(t), t.get("organisation")) if isinstance(t, dict) else Theme(t)
                         for t in obj.get("themes") or ()),
            reviews=tuple(Review(r["kind"], r.get("name"), r.get("organisation"), ev(r), r.get("year"),
                                 bool(r.get("generic")))
                          for r in obj.get("reviews") or ()),
            statistics=tuple(Statistic(s["value"], s.get("unit"), s.get("measure"), ev(s), s.get("organisation"))
                             for s in obj.get("statistics") or ()),
            changes=tuple(Change(c["old"], c["new"], c.get("date"), ev(c))
                          for c in obj.get("changes") or ()),
            reports=tuple(Report(r["organisation"], r["period"], ev(r)) for r in obj.get("reports") or ()),
            source=obj.get("source") or "",
            title=obj.get("title"),
        )


# --- resolution: local ids -> canonical entities --------------------------------------

@dataclass(frozen=True)
class Entity:
    """One real-world person or organisation across all documents.

    ``key`` is the readable, stable tail of its IRI ("person/derek-benson",
    "org/oxfordshire-safeguarding-children-board"); ``label`` the fullest name seen;
    ``aliases`` every other form seen; ``documents`` where it was mentioned.
    """

    key: str
    type: str  # "person" or "organisation"
    label: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None  # organisation kind (CONTRACT)
    sector: str | None = None
    honorific: str | None = None
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """Which entity each local id of each document denotes."""

    entities: dict[str, Entity]
    members: dict[tuple[str, str], str]  # (document, local id) -> entity key
    reviews: dict[tuple[str, int], str] = field(default_factory=dict)  # (document, index) -> "review/..."

    def key(self, document: str, local_id: str | None) -> str | None:
        if local_id is None:
            return None
        return self.members.get((document, local_id))

    def review(self, document: str, index: int) -> str | None:
        """The key of the review that a document's ``index``-th review mention denotes."""
        return self.reviews.get((document, index))

    def per_document(self) -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[tuple[int, str]]]]:
        """Each document's (local id, key) and (review index, key) pairs, in the order of
        ``members`` and ``reviews``: what one document's graph needs of the resolution
        (the graph workers of a full build, the resolution state's per-document answers)."""
        members: dict[str, list[tuple[str, str]]] = {}
        for (doc, local), key in self.members.items():
            members.setdefault(doc, []).append((local, key))
        reviews: dict[str, list[tuple[int, str]]] = {}
        for (doc, index), key in self.reviews.items():
            reviews.setdefault(doc, []).append((index, key))
        return members, reviews
