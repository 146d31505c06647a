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
Brighouse", "Ms J Gethin") joins the one full name it fits among documents of the same
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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

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
    def load(path: Path | None) -> "Curation":
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
            split=tuple((norm(s["name"]), frozenset(s.get("documents", []))) for s in data.get("split", []) if "name" in s),
        )


@lru_cache(maxsize=1 << 16)  # asked again per alias and per curation rule: most of resolve's time at 1,000 documents
def _norm_name(name: str) -> str:
    """Lower-case words without honorifics: "Cllr Shah" and "Shah" are one name."""
    words = fold_words(name)
    titles = {h.lower().rstrip(".") for h in rules().honorifics}
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return " ".join(words)


def _place_of(name: str) -> str | None:
    """The place in front of a board's head words ("West Sussex" in "West Sussex Safeguarding
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
                   "foundation", "trust", "trusts", "healthcare", "health", "hospital", "hospitals", "police", "service",
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
    return {_place_of(o.name) for o in facts.organisations if o.kind in BOARD_KINDS} - {None}


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
    return fold_words(name)


def resolve(all_facts: Iterable[Facts], curation: Curation | None = None) -> Resolution:
    """Group every organisation and person of every document into entities."""
    curation = curation or Curation()
    facts_list = sorted(all_facts, key=lambda f: f.document)
    groups: dict[tuple, _Group] = {}

    def same_key(name: str, default: tuple) -> tuple:
        n = _norm_name(name)
        for i, s in enumerate(curation.same):
            if n in s:
                return ("same", i)
        return default

    prints = {f.document: _fingerprint(f) for f in facts_list}
    # Organisations
    for f in facts_list:
        place = _doc_place(f)
        for o in f.organisations:
            key = _org_key(o, f, place, prints[f.document])
            for alias in (o.name, *o.aliases):
                key = same_key(alias, key) if same_key(alias, key)[0] == "same" else key
            g = groups.setdefault(key, _Group(key, "organisation", kind=o.kind, sector=o.sector))
            if o.kind == "committee" and f.meeting.council:
                g.context = f.meeting.council
            g.names.append((o.name, f.document))
            g.names.extend((a, f.document) for a in o.aliases)
            g.members.append((f.document, o.id))

    # People: full names first, then short forms join a full name of the same area.
    full: dict[str, list[_Group]] = defaultdict(list)  # surname -> groups
    short: list[tuple[Facts, object, set[str]]] = []
    for f in facts_list:
        areas = _doc_places(f)
        for p in f.people:
            parts = _person_parts(p.name)
            split_here = any(n == _norm_name(p.name) and f.document in docs for n, docs in curation.split)
            if len(parts) >= 2 and len(parts[0]) > 1:
                key = ("person", " ".join(parts), "split", f.document) if split_here else ("person", " ".join(parts))
                key = same_key(p.name, key)
                g = groups.get(key)
                if g is None:
                    g = groups[key] = _Group(key, "person", honorific=p.honorific)
                    full[parts[-1]].append(g)
                g.names.append((p.name, f.document))
                g.primary.append(p.name)
                g.names.extend((a, f.document) for a in p.aliases)
                g.members.append((f.document, p.id))
                g.honorific = g.honorific or p.honorific
                g.places |= areas
            else:
                short.append((f, p, areas))
    for f, p, areas in short:
        parts = _person_parts(p.name)
        surname = parts[-1] if parts else ""
        initial = parts[0] if len(parts) >= 2 else None
        candidates = [g for g in full.get(surname, [])
                      if areas & g.places and (initial is None or g.key[1].startswith(initial))]
        blocked = any(_norm_name(p.name) in d and any(_norm_name(n) in d for n, _ in c.names)
                      for d in curation.different for c in candidates)
        split_here = any(n == _norm_name(p.name) and f.document in docs for n, docs in curation.split)
        if len(candidates) == 1 and not blocked and not split_here:
            g = candidates[0]
        else:
            key = ("person", " ".join(parts), "area", min(areas) if areas else prints[f.document])
            key = same_key(p.name, key)
            g = groups.setdefault(key, _Group(key, "person", honorific=p.honorific))
        g.names.append((p.name, f.document))
        g.primary.append(p.name)
        g.names.extend((a, f.document) for a in p.aliases)
        g.members.append((f.document, p.id))

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

    res = _to_resolution(groups)
    res.reviews.update(_review_keys(facts_list, res, prints))
    return res


def _review_keys(facts_list: list[Facts], res: Resolution, prints: dict[str, str]) -> dict[tuple[str, int], str]:
    """(document, index) -> "review/{area}/{kind}/{case}" for every review that is one review
    (not a plural mention of the activity). The area is the commissioning board's place, else
    the document's, else the document's own fingerprint."""
    out = {}
    for f in facts_list:
        doc_place = _doc_place(f)
        for i, r in enumerate(f.reviews):
            if r.generic:
                continue
            board = next((o for o in f.organisations if o.id == r.organisation), None)
            place = (_place_of(board.name) if board is not None else None) or doc_place
            if place is None and board is not None and res.key(f.document, board.id):
                place = res.key(f.document, board.id).partition("/")[2]
            area = slug(place) if place else prints[f.document]
            out[(f.document, i)] = f"review/{area}/{slug(r.kind)}/{slug(r.name) if r.name else 'unnamed'}"
    return out


def _label(g: _Group) -> tuple[str, tuple[str, ...]]:
    """The fullest name used; a board named without its place gets the place added
    ("Adults Board (Buckinghamshire)") so that labels stay unambiguous across areas."""
    names = [n for n, _ in g.names if n]
    if g.type == "person":
        best = max(g.primary or names, key=lambda n: (len(n.split()), sum(len(t) > 1 for t in n.split()), len(n), n))
    else:
        placed = g.key[0] in ("board", "agency") and len(g.key) > 2 and g.key[1] not in ("doc", None)
        best = max(names, key=lambda n: (not n.isupper(), placed and _place_of(n) is not None, len(fold_words(n)),
                                         n.count(" "), -len(n), n))
        if placed and not set(g.key[1].split()) <= set(fold_words(best)):
            best = f"{best} ({_display_place(g.key[1])})"
        elif g.context and not set(fold_words(g.context)) & set(fold_words(best)) - {"council", "county", "city", "borough"}:
            best = f"{best} ({g.context})"
    aliases = sorted({n for n in names if n != best})
    return best, tuple(aliases)


def _display_place(place: str) -> str:
    known = rules().places.get(place)
    return known[0] if known else " ".join(w.capitalize() if w not in ("and", "of", "upon") else w for w in place.split())


def _iri_tail(g: _Group, label: str) -> str:
    if g.type == "person":
        return "person/" + slug(label)
    k = g.key
    if k[0] == "board" and k[1] != "doc":
        if g.kind in ("safeguarding-children", "safeguarding-adults"):
            words = {"safeguarding-children": f"safeguarding children {k[3]}", "safeguarding-adults": "safeguarding adults board"}
            return "org/" + slug(f"{k[1]} {words[g.kind]}")
        return "org/" + slug(" ".join((k[1], *k[3])))
    if k[0] == "committee":
        return "org/" + slug(f"{k[1]} {k[2]}")
    if k[0] == "agency" and len(k) == 3:  # an agency of an area, named by its sector words
        return "org/" + slug(f"{k[1]} {k[2]}")
    return "org/" + slug(label)


def _to_resolution(groups: dict[tuple, _Group]) -> Resolution:
    entities: dict[str, Entity] = {}
    members: dict[tuple[str, str], str] = {}
    taken: dict[str, tuple] = {}
    for key in sorted(groups, key=repr):
        g = groups[key]
        if not g.members:
            continue
        label, aliases = _label(g)
        tail = _iri_tail(g, label)
        if tail in taken and taken[tail] != key:
            first_doc = sorted(d for d, _ in g.members)[0]
            tail = f"{tail}--{slug(first_doc)}"
            n = 2
            while tail in taken:
                tail = f"{tail}-{n}"
                n += 1
        taken[tail] = key
        docs = tuple(sorted({d for d, _ in g.members}))
        entities[tail] = Entity(tail, g.type, label, aliases, g.kind if g.type == "organisation" else None,
                                g.sector, g.honorific, docs)
        for m in g.members:
            members[m] = tail
    return Resolution(entities, members)


def board_area(label: str) -> str | None:
    """The place a board serves as its name spells it ("West Sussex" in "West Sussex
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
