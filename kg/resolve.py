"""Local ids -> canonical entities, within and across documents, with stable IRIs.

A board is identified by what makes it one body in the world: its place, its kind and,
for children's safeguarding, its era (the pre-2019 Local Safeguarding Children *Board*
or the *Partnership* that replaced it). So "Buckinghamshire Safeguarding Children
Partnership" and "Buckinghamshire Children's Safeguarding Partnership Board" are one node,
and "OSCB" is the Oxfordshire board wherever it appears. A board named only generically
("the LSCB") takes its place from the document's council or other boards; without one it
stays a node of its own document. Other bodies are keyed by place and name: an agency
named only by its sector words ("the Clinical Commissioning Group", "the Police") is the
one of the area the document is about ("Clinical Commissioning Group (Buckinghamshire)"),
a named one ("Thames Valley Police") is itself wherever it appears, and national bodies
("National Probation Service", Ofsted) stay national.

A case review is identified by (area, kind, case name): "Child M", a serious case review
of Eastmoor, is one node however many documents discuss it; an unnamed review is the one
of its kind in that area. A plural mention ("the case reviews") is the activity, not a
review, and gets no node.

"Of its own document" means of its own text: identical documents under two file names
are one document for identity (a fingerprint of their facts), so copying a corpus twice
over adds no node.

A person is identified by their full name; a surname-only or initialled form ("Councillor
Brighouse", "Ms J Penhallow") joins the one full name it fits among documents of the same
area, never across areas, and two people who share a surname stay apart.

``data/curation.toml`` lets a user force (``[[same]]``) or forbid (``[[different]]``,
``[[split]]``) a merge; IRIs derive from the keys, not from the order of the input.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, TypeVar

from kg.extract.orgs import fold_words
from kg.extract.rules import rules
from kg.iri import slug
from kg.model import Entity, Facts, Resolution
from kg.ns import BOARD_KINDS

_KIND_WORDS = {"safeguarding-children": "safeguarding children", "safeguarding-adults": "safeguarding adults board",
               "community-safety": "community safety"}
_HEAD_WORDS = {"local", "safeguarding", "children", "child", "adults", "board", "boards", "partnership", "partnerships",
               "multi", "agency", "regional", "s", "the", "and", "of"}


@dataclass(frozen=True)
class Curation:
    """What a user has decided about merges (``data/curation.toml``)."""

    same: tuple[frozenset[str], ...] = ()
    different: tuple[frozenset[str], ...] = ()
    split: tuple[tuple[str, frozenset[str]], ...] = ()  # (name, documents whose mention is someone else)

    @staticmethod
    def load(path: Path | None) -> Curation:
        if path is None or not path.exists():
            return Curation()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            from kg.errors import KgError
            raise KgError(path, detail=f"not valid TOML ({e}); fix the file or remove it") from e
        norm = _norm_name
        return Curation(
            same=tuple(frozenset(norm(n) for n in s.get("names", [])) for s in data.get("same", [])),
            different=tuple(frozenset(norm(n) for n in s.get("names", [])) for s in data.get("different", [])),
            split=tuple((norm(s["name"]), frozenset(s.get("documents", [])))
                        for s in data.get("split", []) if "name" in s),
        )


_MEMO: dict[str, dict] = {"norm": {}, "words": {}, "place": {}, "display": {}}
"""Answers of the string functions below, by function and argument. Each document's
record (``DocumentRecord.memo``) carries the answers for its own names, and resolving
from records puts them back here first: resolving 10,000 cached documents then runs
no regular expression at all (``_place_of`` alone was half of resolve's time)."""


_R = TypeVar("_R")


def _memoised(kind: str) -> Callable[[Callable[[str], _R]], Callable[[str], _R]]:
    def wrap(fn: Callable[[str], _R]) -> Callable[[str], _R]:
        memo = _MEMO[kind]

        @wraps(fn)
        def cached(arg: str) -> _R:
            try:
                return memo[arg]
            except KeyError:
                value = memo[arg] = fn(arg)
                return value
        return cached
    return wrap


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(h.lower().rstrip(".") for h in rules().honorifics)


@_memoised("norm")
def _norm_name(name: str) -> str:
    """Lower-case words without honorifics: "Cllr Shah" and "Shah" are one name."""
    words = fold_words(name)
    titles = _titles()
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return " ".join(words)


@_memoised("words")
def _words(name: str) -> tuple[str, ...]:
    """fold_words, remembered (and carried in document records)."""
    return tuple(fold_words(name))


@_memoised("place")
def _place_of(name: str) -> str | None:
    """The place in front of a board's head words ("East Midshire" in "West Sussex Safeguarding
    Children Board"), or None for a generic name or an acronym."""
    r = rules()
    starts = [m.start() for _, pat in r.board_heads + r.board_lower for m in [pat.search(name)] if m]
    for _, pat in r.board_place_led:
        m = pat.search(name)
        if m:
            return " ".join(fold_words(m.group("place")))
    if not starts:
        return None
    lead = re.sub(r"['’]s\s*$", "", name[:min(starts)]).strip()
    words = [w for w in lead.split() if w not in r.not_place and not re.fullmatch(r"[A-Z]{2,}s?", w)]
    return " ".join(fold_words(" ".join(words))) or None


def _era(name: str, kind: str) -> str:
    words = fold_words(name)
    if kind != "safeguarding-children":
        return ""
    if "partnership" in words or "partnerships" in words:
        return "partnership"
    if "board" in words or "boards" in words:
        return "board"
    if re.search(r"(?:SCP|LSCP|SCMP|SP)s?$", name):
        return "partnership"
    return "board"


def _council_place(council: str | None) -> str | None:
    """"Eastmoor Borough Council" -> "eastmoor"; a known authority by the gazetteer."""
    if not council:
        return None
    m = rules().place_pattern.search(council)
    if m:
        return " ".join(fold_words(m.group()))
    bare = re.sub(r"\b(?:London Borough of|Royal Borough of|City of|Metropolitan|County Borough|County|City|Borough|"
                  r"District|Council|Corporation|The)\b", " ", council)
    return " ".join(fold_words(bare)) or None


# Words of agency names that say only what kind of agency it is, not which one.
_AGENCY_GENERIC = {"clinical", "commissioning", "group", "groups", "integrated", "care", "board", "system", "nhs",
                   "foundation", "trust", "trusts", "healthcare", "health", "hospital", "hospitals", "police",
                   "service",
                   "services", "force", "constabulary", "probation", "community", "rehabilitation", "company", "fire",
                   "and", "rescue", "authority", "youth", "offending", "justice", "team", "the", "local", "s"}


def _fingerprint(facts: Facts) -> str:
    """What a document says, without its file name: two copies of one text share it."""
    obj = facts.to_json()
    for k in ("document", "source", "title"):
        obj.pop(k, None)
    return "d" + hashlib.sha1(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]


def _generic_agency(name: str) -> bool:
    """True for an agency named only by its sector words ("Clinical Commissioning Group")."""
    words = fold_words(name)
    national = words[:1] == ["national"] or "probation" in words  # the Probation Service is one national service
    return bool(words) and not national and all(w in _AGENCY_GENERIC for w in words)


def _board_places(facts: Facts) -> set[str]:
    return {p for o in facts.organisations if o.kind in BOARD_KINDS and (p := _place_of(o.name)) is not None}


def _doc_places(facts: Facts) -> set[str]:
    """Every area a document names: its council's and its placed boards'."""
    council = _council_place(facts.meeting.council)
    return _board_places(facts) | ({council} if council else set())


def _doc_place(facts: Facts) -> str | None:
    """The one area a document is about: its placed boards' if they agree, else its council's."""
    places = _board_places(facts)
    return places.pop() if len(places) == 1 else _council_place(facts.meeting.council)


@dataclass
class _Group:
    key: tuple
    type: str
    names: list[tuple[str, str]] = field(default_factory=list)  # (name, document)
    primary: list[str] = field(default_factory=list)  # the names documents give as the name (not aliases)
    kind: str | None = None
    sector: str | None = None
    honorific: str | None = None
    members: list[tuple[str, str]] = field(default_factory=list)  # (document, local id)
    context: str | None = None  # the council a committee belongs to, as written
    places: set[str] = field(default_factory=set)  # areas whose documents name this person


def _org_key(o, facts: Facts, doc_place: str | None, print_: str) -> tuple:
    if o.kind in BOARD_KINDS:
        place = _place_of(o.name) or next((p for p in (_place_of(a) for a in o.aliases) if p), None) or doc_place
        rest = tuple(w for w in fold_words(o.name) if w not in (place or "").split() and w not in {"the", "s", "local"})
        if place is None:
            return ("board", "doc", print_, o.kind, _era(o.name, o.kind), rest)
        plural = bool(re.search(r"(?:Boards|Partnerships|[A-Z]s)$", o.name))
        if o.kind in ("safeguarding-children", "safeguarding-adults"):
            return ("board", place, o.kind, _era(o.name, o.kind) + ("s" if plural else ""))
        return ("board", place, o.kind, rest)
    if o.kind == "committee":
        return ("committee", _norm_name(facts.meeting.council or print_), _norm_name(o.name))
    if o.kind == "agency" and _generic_agency(o.name):
        return ("agency", doc_place, _norm_name(o.name)) if doc_place else ("agency", "doc", print_, _norm_name(o.name))
    return (o.kind, _norm_name(o.name))


def _person_parts(name: str) -> list[str]:
    return list(_words(name))


def _tuples(value: Any) -> Any:
    """JSON lists back into the tuples they were (group keys nest them)."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


@dataclass(frozen=True)
class DocumentRecord:
    """What resolution reads of one document, worked out from its facts alone.

    Everything here depends on the document only (and on the rules and this module's
    code, see ``RECORD_VERSION``), so a build keeps each document's record beside its
    cached facts and resolves from records: an unchanged document is neither parsed nor
    worked over again, and only the grouping across documents (dictionary look-ups) runs
    over all of them. ``resolve`` makes the records from facts and groups them by the
    same code, so the two ways give the same resolution by construction.
    """

    document: str
    print: str  # the fingerprint of what it says (two copies of one text share it)
    council: str | None
    areas: tuple[str, ...]  # every area it names, sorted
    orgs: tuple[tuple, ...]  # (id, kind, sector, name, aliases, group key)
    people: tuple[tuple, ...]  # (id, name, aliases, honorific)
    reviews: tuple[tuple, ...]  # (index, kind, case name, place, commissioning board's id)
    memo: dict[str, dict] = field(default_factory=dict, compare=False)  # answers of _MEMO's functions for its names

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "print": self.print, "council": self.council,
                "areas": list(self.areas), "orgs": self.orgs, "people": self.people,
                "reviews": self.reviews, "memo": self.memo}

    @staticmethod
    def from_json(obj: dict[str, Any]) -> DocumentRecord:
        return DocumentRecord(obj["document"], obj["print"], obj["council"], tuple(obj["areas"]),
                              tuple((*o[:4], tuple(o[4]), _tuples(o[5])) for o in obj["orgs"]),
                              tuple((p[0], p[1], tuple(p[2]), p[3]) for p in obj["people"]),
                              tuple(tuple(r) for r in obj["reviews"]), obj["memo"])


@lru_cache(maxsize=1)
def record_version() -> str:
    """Hash of this module's code: records made by other code are stale."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def document_record(f: Facts) -> DocumentRecord:
    """The record of one document (see DocumentRecord), with the string functions'
    answers for its names, so that grouping records needs no rule."""
    print_ = _fingerprint(f)
    place = _doc_place(f)
    orgs = tuple((o.id, o.kind, o.sector, o.name, tuple(o.aliases), _org_key(o, f, place, print_))
                 for o in f.organisations)
    reviews = []
    for i, r in enumerate(f.reviews):
        if r.generic:
            continue
        board = next((o for o in f.organisations if o.id == r.organisation), None)
        where = (_place_of(board.name) if board is not None else None) or place
        reviews.append((i, r.kind, r.name, where, board.id if board is not None else None))
    council = [f.meeting.council] if f.meeting.council else []
    names = [n for o in f.organisations for n in (o.name, *o.aliases)] + council
    people = [n for p in f.people for n in (p.name, *p.aliases)]
    places = sorted({k[1] for *_, k in orgs
                     if k[0] in ("board", "agency") and len(k) > 2 and k[1] not in ("doc", None)})
    memo: dict[str, dict] = {"norm": {n: _norm_name(n) for n in sorted({*names, *people})},
            "words": {n: _words(n) for n in sorted({*names, *(p.name for p in f.people)})},
            "place": {n: _place_of(n) for n in sorted(set(names))},
            "display": {p: _display_place(p) for p in places}}
    return DocumentRecord(f.document, print_, f.meeting.council, tuple(sorted(_doc_places(f))), orgs,
                          tuple((p.id, p.name, tuple(p.aliases), p.honorific) for p in f.people), tuple(reviews), memo)


def resolve(all_facts: Iterable[Facts], curation: Curation | None = None) -> Resolution:
    """Group every organisation and person of every document into entities."""
    return resolve_records([document_record(f) for f in all_facts], curation)


def resolve_records(records: Iterable[DocumentRecord], curation: Curation | None = None) -> Resolution:
    """``resolve`` from the documents' records (kept between builds by kg.build)."""
    recs = sorted(records, key=lambda r: r.document)
    res = _to_resolution(group_records(recs, curation))
    res.reviews.update(review_keys(recs, res))
    return res


def group_records(records: Iterable[DocumentRecord], curation: Curation | None = None) -> dict[tuple, _Group]:
    """Every organisation and person mention of the records, grouped by entity (before
    labels and IRIs). Without curation, a group is made from the mentions of one
    *bucket* only (``bucket_of``): the records' mentions of other buckets do not change
    it, so kg.resolve_state regroups only the buckets a changed document touches."""
    curation = curation or Curation()
    recs = sorted(records, key=lambda r: r.document)
    for r in recs:
        for kind, answers in r.memo.items():
            _MEMO[kind].update(answers)
    groups: dict[tuple, _Group] = {}

    def same_key(name: str, default: tuple) -> tuple:
        if not curation.same:
            return default
        n = _norm_name(name)
        for i, s in enumerate(curation.same):
            if n in s:
                return ("same", i)
        return default

    def split_here(name: str, document: str) -> bool:
        return any(n == _norm_name(name) and document in docs for n, docs in curation.split)

    # Organisations
    for r in recs:
        for oid, kind, sector, name, aliases, key in r.orgs:
            for alias in (name, *aliases):
                key = same_key(alias, key) if same_key(alias, key)[0] == "same" else key
            g = groups.setdefault(key, _Group(key, "organisation", kind=kind, sector=sector))
            if kind == "committee" and r.council:
                g.context = r.council
            g.names.append((name, r.document))
            g.names.extend((a, r.document) for a in aliases)
            g.members.append((r.document, oid))

    # People: full names first, then short forms join a full name of the same area.
    full: dict[str, list[_Group]] = defaultdict(list)  # surname -> groups
    short: list[tuple[DocumentRecord, tuple, set[str]]] = []
    for r in recs:
        areas = set(r.areas)
        for p in r.people:
            pid, name, aliases, honorific = p
            parts = _person_parts(name)
            if len(parts) >= 2 and len(parts[0]) > 1:
                key = ("person", " ".join(parts), "split", r.document) if split_here(name, r.document) \
                    else ("person", " ".join(parts))
                key = same_key(name, key)
                found = groups.get(key)
                if found is None:
                    found = groups[key] = _Group(key, "person", honorific=honorific)
                    full[parts[-1]].append(found)
                g = found
                g.names.append((name, r.document))
                g.primary.append(name)
                g.names.extend((a, r.document) for a in aliases)
                g.members.append((r.document, pid))
                g.honorific = g.honorific or honorific
                g.places |= areas
            else:
                short.append((r, p, areas))
    for r, (pid, name, aliases, honorific), areas in short:
        parts = _person_parts(name)
        surname = parts[-1] if parts else ""
        initial = parts[0] if len(parts) >= 2 else None
        candidates = [g for g in full.get(surname, [])
                      if areas & g.places and (initial is None or g.key[1].startswith(initial))]
        blocked = any(_norm_name(name) in d and any(_norm_name(n) in d for n, _ in c.names)
                      for d in curation.different for c in candidates)
        if len(candidates) == 1 and not blocked and not split_here(name, r.document):
            g = candidates[0]
        else:
            key = ("person", " ".join(parts), "area", min(areas) if areas else r.print)
            key = same_key(name, key)
            g = groups.setdefault(key, _Group(key, "person", honorific=honorific))
        g.names.append((name, r.document))
        g.primary.append(name)
        g.names.extend((a, r.document) for a in aliases)
        g.members.append((r.document, pid))

    # Forbidden merges: a group holding names that the user says are different people is split by name.
    for d in curation.different:
        for key, g in list(groups.items()):
            hit = {n for n, _ in g.names if _norm_name(n) in d}
            if len({_norm_name(n) for n in hit}) < 2:
                continue
            for n in sorted({_norm_name(x) for x in hit})[1:]:
                docs = {doc for name, doc in g.names if _norm_name(name) == n}
                moved = [(doc, lid) for doc, lid in g.members if doc in docs]
                new = _Group(key + ("different", n), g.type, kind=g.kind, sector=g.sector, honorific=g.honorific)
                new.names = [(name, doc) for name, doc in g.names if doc in docs]
                new.members = moved
                g.names = [(name, doc) for name, doc in g.names if doc not in docs]
                g.members = [m for m in g.members if m not in moved]
                groups[new.key] = new
    return groups


def org_bucket(key: tuple) -> str:
    """The bucket of an organisation mention: its group key (see ``group_records``)."""
    return "o" + repr(key)


def person_bucket(name: str) -> str:
    """The bucket of a person mention: its surname. Full names group by full name, and a
    short form joins a full name of its own surname only, so every group of people is
    made from the mentions of one surname."""
    parts = _person_parts(name)
    return "p" + (parts[-1] if parts else "")


def review_keys(recs: list[DocumentRecord], res: Any) -> dict[tuple[str, int], str]:
    """(document, index) -> "review/{area}/{kind}/{case}" for every review that is one review
    (not a plural mention of the activity). The area is the commissioning board's place, else
    the document's, else the board's resolved place, else the document's own fingerprint."""
    out = {}
    for r in recs:
        for i, kind, name, place, board in r.reviews:
            board_key = res.key(r.document, board) if place is None else None
            if board_key:
                place = board_key.partition("/")[2]
            area = slug(place) if place else r.print
            out[(r.document, i)] = f"review/{area}/{slug(kind)}/{slug(name) if name else 'unnamed'}"
    return out


def _label(g: _Group) -> tuple[str, tuple[str, ...]]:
    """The fullest name used; a board named without its place gets the place added
    ("Adults Board (Buckinghamshire)") so that labels stay unambiguous across areas."""
    names = [n for n, _ in g.names if n]
    if g.type == "person":
        best = max(set(g.primary or names),
                   key=lambda n: (len(n.split()), sum(len(t) > 1 for t in n.split()), len(n), n))
    else:
        placed = g.key[0] in ("board", "agency") and len(g.key) > 2 and g.key[1] not in ("doc", None)
        best = max(set(names), key=lambda n: (not n.isupper(), placed and _place_of(n) is not None, len(_words(n)),
                                         n.count(" "), -len(n), n))
        if placed and not set(g.key[1].split()) <= set(_words(best)):
            best = f"{best} ({_display_place(g.key[1])})"
        elif g.context and not set(_words(g.context)) & set(_words(best)) - {"council", "county", "city", "borough"}:
            best = f"{best} ({g.context})"
    aliases = sorted({n for n in names if n != best})
    return best, tuple(aliases)


@_memoised("display")
def _display_place(place: str) -> str:
    known = rules().places.get(place)
    if known:
        return known[0]
    return " ".join(w.capitalize() if w not in ("and", "of", "upon") else w for w in place.split())


def _iri_tail(g: _Group, label: str) -> str:
    if g.type == "person":
        return "person/" + slug(label)
    k = g.key
    if k[0] == "board" and k[1] != "doc":
        if g.kind in ("safeguarding-children", "safeguarding-adults"):
            words = {"safeguarding-children": f"safeguarding children {k[3]}",
                     "safeguarding-adults": "safeguarding adults board"}
            return "org/" + slug(f"{k[1]} {words[g.kind]}")
        return "org/" + slug(" ".join((k[1], *k[3])))
    if k[0] == "committee":
        return "org/" + slug(f"{k[1]} {k[2]}")
    if k[0] == "agency" and len(k) == 3:  # an agency of an area, named by its sector words
        return "org/" + slug(f"{k[1]} {k[2]}")
    return "org/" + slug(label)


def group_entity(g: _Group) -> Entity:
    """The entity of a group, keyed by its IRI tail before ``unique_tail`` (which only
    groups sharing that tail can change)."""
    label, aliases = _label(g)
    docs = tuple(sorted({d for d, _ in g.members}))
    return Entity(_iri_tail(g, label), g.type, label, aliases, g.kind if g.type == "organisation" else None,
                  g.sector, g.honorific, docs)


def unique_tail(tail: str, key: tuple, first_doc: str, taken: dict[str, tuple]) -> str:
    """The IRI tail of group ``key`` given the tails ``taken`` by groups before it (in
    ``repr(key)`` order): a second group with the same tail gets its first document's
    name added. Tails from ``_iri_tail`` never hold "--" (slug), so only groups with the
    same tail can meet here: their order among themselves is all that matters."""
    if tail in taken and taken[tail] != key:
        tail = f"{tail}--{slug(first_doc)}"
        n = 2
        while tail in taken:
            tail = f"{tail}-{n}"
            n += 1
    taken[tail] = key
    return tail


def _to_resolution(groups: dict[tuple, _Group]) -> Resolution:
    entities: dict[str, Entity] = {}
    members: dict[tuple[str, str], str] = {}
    taken: dict[str, tuple] = {}
    for key in sorted(groups, key=repr):
        g = groups[key]
        if not g.members:
            continue
        entity = group_entity(g)
        tail = unique_tail(entity.key, key, min(d for d, _ in g.members), taken)
        entities[tail] = replace(entity, key=tail)
        for m in g.members:
            members[m] = tail
    return Resolution(entities, members)


def board_area(label: str) -> str | None:
    """The place a board serves as its name spells it ("East Midshire" in "West Sussex
    Safeguarding Children Board"), or None for a generic name or an acronym."""
    place = _place_of(label)
    if not place:  # "Adult Safeguarding Board (Buckinghamshire)": a known authority anywhere in it
        m = rules().place_pattern.search(label)
        return m.group() if m else None
    words = label.split()
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            text = re.sub(r"['’]s$", "", " ".join(words[i:j]))
            if " ".join(fold_words(text)) == place:
                return text
    return place.title()
