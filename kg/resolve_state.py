"""Resolution kept between builds, so that a changed document regroups only what it touches.

``kg.resolve.resolve_records`` groups every mention of every document on each call: at
10,000 documents, reading the 10,000 records back and grouping them was 2.5 s of a
one-file rebuild. Without curation, each group is made from the mentions of one
*bucket* only (an organisation's group key, a person's surname: ``kg.resolve.org_bucket``,
``person_bucket``), and its IRI tail depends only on the groups that share its first
choice of tail (``kg.resolve.unique_tail``). So this module keeps, in SQLite (the build's
``cache/index.sqlite``):

- ``rs_slice``   per bucket and document, that document's mentions of the bucket (a
                 DocumentRecord cut down to them, with its string answers);
- ``rs_group``   per group, its bucket, first tail, first document, final tail, entity;
- ``rs_member``  (document, local id) -> group; ``rs_review`` (document, index) -> key;
- ``rs_doc``     per document, which record it was made from (``ident``), its reviews,
                 and a digest of every answer resolution gives about it (``answers``).

``ResolveState.update`` compares the documents given with ``rs_doc`` (not with any
note of what the last build did, so a build killed half-way leaves nothing wrong),
regroups the buckets of the changed and removed documents' mentions from their slices,
settles the tails of the groups that share a first tail with a regrouped one, and
re-derives the reviews and answer digests of the documents whose answers moved. The
Resolution it returns reads the tables when asked (a document's ids, an entity), so
nothing is loaded for the 9,999 documents a one-file change does not touch. It equals
``resolve_records`` over all records (tests/test_resolve_state.py): the same grouping
and tail code runs over the buckets' mentions.

With curation (``data/curation.toml`` may join any two names) buckets do not hold; the
build then resolves every record and this state is dropped.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.model import Entity, Resolution
from kg.resolve import (
    DocumentRecord,
    _Group,
    group_entity,
    group_records,
    org_bucket,
    person_bucket,
    record_version,
    review_keys,
    unique_tail,
)

EntityDigest = Callable[[Entity], str]

_TABLES = ("rs_meta", "rs_doc", "rs_slice", "rs_group", "rs_member", "rs_review")

_FULL_SHARE = 0.25
"""Past this share of documents changed, regroup everything (one pass) rather than by bucket."""


@lru_cache(maxsize=1)
def state_version() -> str:
    """This module's code and kg.resolve's (``record_version``): state from other code is stale."""
    return f"{record_version()} {hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]}"


state_version()  # read with the code this process runs: a file changed while it runs is not taken for it


def _slices(r: DocumentRecord) -> dict[str, DocumentRecord]:
    """A record cut into one record per bucket its mentions fall in."""
    orgs: dict[str, list[tuple]] = {}
    people: dict[str, list[tuple]] = {}
    for o in r.orgs:
        orgs.setdefault(org_bucket(o[5]), []).append(o)
    for p in r.people:
        people.setdefault(person_bucket(p[1]), []).append(p)
    out = {}
    for bucket in sorted({*orgs, *people}):
        os_, ps = tuple(orgs.get(bucket, ())), tuple(people.get(bucket, ()))
        names = {n for o in os_ for n in (o[3], *o[4])} | {n for p in ps for n in (p[1], *p[2])}
        if r.council:
            names.add(r.council)
        ordered = sorted(names)
        # the answers regrouping reads (not "norm": only curation asks it, and with
        # curation this state is not used)
        memo = {kind: {n: answers[n] for n in ordered if n in answers} for kind, answers in r.memo.items()
                if kind not in ("display", "norm")}
        memo["display"] = dict(r.memo.get("display", {}))
        out[bucket] = DocumentRecord(r.document, r.print, r.council, r.areas, os_, ps, (), memo)
    return out


def _record_json(r: DocumentRecord) -> str:
    return json.dumps(r.to_json(), ensure_ascii=False, separators=(",", ":"))


def slice_rows(r: DocumentRecord) -> tuple[tuple[str, str], ...]:
    """A record's slices as the state keeps them (bucket, JSON): worked out from the record
    alone, so an extraction worker makes them with the record, and a first build does
    not make 10,000 documents' of them in the build process (some 1.5 s of its CPU,
    serial, at 10,000 documents)."""
    return tuple((b, _record_json(s)) for b, s in _slices(r).items())


def entity_json(e: Entity) -> dict:
    """An entity as a line of entities.jsonl has it."""
    return {"key": e.key, "type": e.type, "label": e.label, "aliases": list(e.aliases), "kind": e.kind,
            "sector": e.sector, "honorific": e.honorific, "documents": list(e.documents)}


def _entity_json(e: Entity) -> str:
    """Kept as its entities.jsonl line: the file is then the lines in key order."""
    return json.dumps(entity_json(e), ensure_ascii=False)


def _entity_from(text: str) -> Entity:
    o = json.loads(text)
    return Entity(o["key"], o["type"], o["label"], tuple(o["aliases"]), o["kind"], o["sector"], o["honorific"],
                  tuple(o["documents"]))


def _answers(members: Iterable[tuple[str, str]], reviews: Iterable[tuple[int, str]]) -> str:
    """A digest of everything resolution answers about one document."""
    text = repr((sorted(members), sorted(reviews)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class ResolveState:
    """The grouped resolution of the last build, in ``db`` (see the module's docstring).

    ``digest`` is what the caller wants kept per entity (kg.build: a digest of what the
    entities graph says of it); ``token`` names that function's code, so a digest from
    other code is never served."""

    def __init__(self, db: sqlite3.Connection, digest: EntityDigest, token: str = "") -> None:
        self.db, self.digest = db, digest
        self.version = f"{state_version()} {token}"

    # --- keeping it up to date -------------------------------------------------------------

    def _ready(self) -> bool:
        db = self.db
        db.executescript(
            "CREATE TABLE IF NOT EXISTS rs_meta (k TEXT PRIMARY KEY, v TEXT);"
            "CREATE TABLE IF NOT EXISTS rs_doc (doc TEXT PRIMARY KEY, ident TEXT, print TEXT, reviews TEXT,"
            " answers TEXT);"
            "CREATE TABLE IF NOT EXISTS rs_slice (bucket TEXT, doc TEXT, data TEXT, PRIMARY KEY (bucket, doc));"
            "CREATE INDEX IF NOT EXISTS rs_slice_doc ON rs_slice (doc);"
            "CREATE TABLE IF NOT EXISTS rs_group (gkey TEXT PRIMARY KEY, bucket TEXT, base TEXT, first TEXT,"
            " tail TEXT, entity TEXT, digest TEXT);"
            "CREATE INDEX IF NOT EXISTS rs_group_bucket ON rs_group (bucket);"
            "CREATE INDEX IF NOT EXISTS rs_group_base ON rs_group (base);"
            "CREATE INDEX IF NOT EXISTS rs_group_tail ON rs_group (tail);"
            "CREATE TABLE IF NOT EXISTS rs_member (doc TEXT, id TEXT, gkey TEXT, PRIMARY KEY (doc, id));"
            "CREATE INDEX IF NOT EXISTS rs_member_gkey ON rs_member (gkey);"
            "CREATE TABLE IF NOT EXISTS rs_review (doc TEXT, idx INTEGER, key TEXT, PRIMARY KEY (doc, idx));")
        row = db.execute("SELECT v FROM rs_meta WHERE k = 'version'").fetchone()
        return row is not None and row[0] == self.version

    def clear(self) -> None:
        """Forget the state (curation in use: the next build without it starts again)."""
        with self.db:
            for table in _TABLES:
                self.db.execute(f"DROP TABLE IF EXISTS {table}")

    def update(self, idents: Mapping[str, str], record: Callable[[str], DocumentRecord],
               records: Callable[[], dict[str, DocumentRecord]] | None = None,
               slices: Mapping[str, tuple[tuple[str, str], ...]] | None = None) -> Resolution:
        """Bring the state in line with the documents ``idents`` (document -> what its
        record was made from: same ident, same record) and return their resolution.
        ``record(doc)`` gives one document's record; ``records()`` all of them at once
        (used when everything is regrouped); ``slices`` some documents' ``slice_rows``
        of those records, already made."""
        with self.db:
            ready = self._ready()
            kept = dict(self.db.execute("SELECT doc, ident FROM rs_doc")) if ready else {}
            changed = sorted(d for d, i in idents.items() if kept.get(d) != i)
            gone = sorted(set(kept) - set(idents))
            if not ready or len(changed) + len(gone) > max(1, _FULL_SHARE * len(idents)):
                everything = records() if records is not None else {d: record(d) for d in idents}
                return self._rebuild(idents, [everything[d] for d in sorted(idents)], slices or {})
            if changed or gone:
                self._regroup(idents, {d: record(d) for d in changed}, gone)
        return self.resolution()

    def _rebuild(self, idents: Mapping[str, str], recs: list[DocumentRecord],
                 slices: Mapping[str, tuple[tuple[str, str], ...]]) -> Resolution:
        """Everything regrouped (first build, other code, many changes): the state written
        from a fresh resolution, which is returned as it is (no reading back)."""
        db = self.db
        for table in _TABLES[1:]:
            db.execute(f"DELETE FROM {table}")
        db.execute("REPLACE INTO rs_meta VALUES ('version', ?)", (self.version,))
        # kg.resolve._to_resolution, noting each group's first tail as it goes (the same
        # shared steps: group_entity, unique_tail; tests/test_resolve_state.py compares)
        groups = group_records(recs)
        entities: dict[str, Entity] = {}
        owner: dict[tuple[str, str], str] = {}
        taken: dict[str, tuple] = {}
        rows: list[tuple] = []
        members: list[tuple[str, str, str]] = []
        for key in sorted(groups, key=repr):
            g = groups[key]
            if not g.members:
                continue
            entity = group_entity(g)
            first = min(d for d, _ in g.members)
            tail = unique_tail(entity.key, key, first, taken)
            final = entity if tail == entity.key else replace(entity, key=tail)
            entities[tail] = final
            for m in g.members:
                owner[m] = tail
            gkey = repr(key)
            rows.append((gkey, _group_bucket(g), entity.key, first, tail, _entity_json(final), self.digest(final)))
            members.extend((d, i, gkey) for d, i in g.members)
        res = Resolution(entities, owner)
        res.reviews.update(review_keys(recs, res))
        db.executemany("INSERT INTO rs_group VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT OR REPLACE INTO rs_member VALUES (?, ?, ?)", members)
        db.executemany("INSERT INTO rs_review VALUES (?, ?, ?)", [(d, i, k) for (d, i), k in res.reviews.items()])
        db.executemany("INSERT INTO rs_slice VALUES (?, ?, ?)",
                       [(b, r.document, data) for r in recs
                        for b, data in (slices[r.document] if r.document in slices else slice_rows(r))])
        by_doc, rev_doc = res.per_document()
        db.executemany("INSERT INTO rs_doc VALUES (?, ?, ?, ?, ?)",
                       [(r.document, idents[r.document], r.print, json.dumps(r.reviews, ensure_ascii=False),
                         _answers(by_doc.get(r.document, ()), rev_doc.get(r.document, ()))) for r in recs])
        return res

    def _regroup(self, idents: Mapping[str, str], recs: dict[str, DocumentRecord], gone: list[str]) -> None:
        db = self.db
        touched_docs = [*recs, *gone]
        buckets: set[str] = set()
        for part in _chunks(touched_docs):
            buckets.update(b for (b,) in db.execute(
                f"SELECT bucket FROM rs_slice WHERE doc IN ({_marks(part)})", part))
        new_slices = {d: _slices(r) for d, r in recs.items()}
        for slices in new_slices.values():
            buckets.update(slices)
        for part in _chunks(touched_docs):
            db.execute(f"DELETE FROM rs_slice WHERE doc IN ({_marks(part)})", part)
        db.executemany("INSERT INTO rs_slice VALUES (?, ?, ?)",
                       [(b, d, _record_json(s)) for d, slices in new_slices.items() for b, s in slices.items()])
        # the buckets' mentions, regrouped by the code of resolve_records
        cut: list[DocumentRecord] = []
        wanted = sorted(buckets)
        for part in _chunks(wanted):
            cut.extend(DocumentRecord.from_json(json.loads(data)) for (data,) in db.execute(
                f"SELECT data FROM rs_slice WHERE bucket IN ({_marks(part)})", part))
        groups = {repr(k): g for k, g in group_records(cut).items() if g.members}
        # what those buckets held before
        old: dict[str, tuple[str, str]] = {}  # gkey -> (base, tail)
        for part in _chunks(wanted):
            for gkey, base, tail in db.execute(
                    f"SELECT gkey, base, tail FROM rs_group WHERE bucket IN ({_marks(part)})", part):
                old[gkey] = (base, tail)
        before: dict[tuple[str, str], str] = {}  # (doc, id) -> tail, for the members of those groups
        for part in _chunks(sorted(old)):
            for d, i, gkey in db.execute(f"SELECT doc, id, gkey FROM rs_member WHERE gkey IN ({_marks(part)})",
                                         part):
                before[(d, i)] = old[gkey][1]
            db.execute(f"DELETE FROM rs_member WHERE gkey IN ({_marks(part)})", part)
            db.execute(f"DELETE FROM rs_group WHERE gkey IN ({_marks(part)})", part)
        entities = {gkey: group_entity(g) for gkey, g in groups.items()}
        db.executemany("INSERT INTO rs_group VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [(gkey, _group_bucket(g), entities[gkey].key, min(d for d, _ in g.members), None,
                         _entity_json(entities[gkey]), None) for gkey, g in groups.items()])
        db.executemany("INSERT OR REPLACE INTO rs_member VALUES (?, ?, ?)",
                       [(d, i, gkey) for gkey, g in groups.items() for d, i in g.members])
        # tails: settled again among every group that shares a first tail with one regrouped
        bases = sorted({b for b, _ in old.values()} | {e.key for e in entities.values()})
        moved: list[str] = []  # groups kept whose tail changed
        for base in bases:
            taken: dict[str, tuple] = {}
            rows = sorted(db.execute("SELECT gkey, first, tail, entity FROM rs_group WHERE base = ?", (base,)))
            for gkey, first, tail, entity in rows:
                new_tail = unique_tail(base, (gkey,), first, taken)
                if new_tail != tail:
                    e = replace(_entity_from(entity), key=new_tail)
                    db.execute("UPDATE rs_group SET tail = ?, entity = ?, digest = ? WHERE gkey = ?",
                               (new_tail, _entity_json(e), self.digest(e), gkey))
                    if gkey not in groups:
                        moved.append(gkey)
        # which documents' answers moved: members of regrouped groups, and of groups renamed
        after: dict[tuple[str, str], str] = {}
        for part in _chunks(sorted(groups) + moved):
            for d, i, tail in db.execute(
                    "SELECT m.doc, m.id, g.tail FROM rs_member m JOIN rs_group g ON m.gkey = g.gkey "
                    f"WHERE m.gkey IN ({_marks(part)})", part):
                after[(d, i)] = tail
        for part in _chunks(moved):  # their old tails (their rows were updated above)
            for d, i in db.execute(f"SELECT doc, id FROM rs_member WHERE gkey IN ({_marks(part)})", part):
                before[(d, i)] = "?moved"
        docs = {d for (d, i) in set(before) | set(after) if before.get((d, i)) != after.get((d, i))}
        docs = (docs | set(recs)) - set(gone)
        for part in _chunks(gone):
            for table in ("rs_doc", "rs_review", "rs_member"):
                db.execute(f"DELETE FROM {table} WHERE doc IN ({_marks(part)})", part)
        self._settle_docs(idents, recs, sorted(docs))

    def _settle_docs(self, idents: Mapping[str, str], recs: dict[str, DocumentRecord], docs: list[str]) -> None:
        """Reviews and answer digests of ``docs`` (their records, or what rs_doc keeps of them)."""
        db = self.db
        kept: dict[str, tuple[str, str]] = {}
        for part in _chunks([d for d in docs if d not in recs]):
            for d, print_, reviews in db.execute(
                    f"SELECT doc, print, reviews FROM rs_doc WHERE doc IN ({_marks(part)})", part):
                kept[d] = (print_, reviews)
        light = []
        for d in docs:
            if d in recs:
                r = recs[d]
                light.append(DocumentRecord(d, r.print, None, (), (), (), r.reviews))
            elif d in kept:
                light.append(DocumentRecord(d, kept[d][0], None, (), (), (),
                                            tuple(tuple(x) for x in json.loads(kept[d][1]))))
        res = self.resolution()
        reviews = review_keys(light, res)
        for part in _chunks(docs):
            db.execute(f"DELETE FROM rs_review WHERE doc IN ({_marks(part)})", part)
        db.executemany("INSERT INTO rs_review VALUES (?, ?, ?)", [(d, i, k) for (d, i), k in reviews.items()])
        rows = []
        for r in light:
            members = res.members.doc(r.document)  # type: ignore[attr-defined]
            answers = _answers(members.items(), [(i, k) for (d, i), k in reviews.items() if d == r.document])
            rows.append((r.document, idents[r.document], r.print, json.dumps(r.reviews, ensure_ascii=False), answers))
        db.executemany("REPLACE INTO rs_doc VALUES (?, ?, ?, ?, ?)", rows)

    # --- reading it -----------------------------------------------------------------------------

    def resolution(self) -> Resolution:
        """The resolution the state holds, read from the tables as it is asked."""
        return Resolution(_Entities(self.db), _members(self.db), _reviews(self.db))  # type: ignore[arg-type]

    def digests(self) -> dict[str, str]:
        """Entity key -> the ``digest`` of it kept."""
        return dict(self.db.execute("SELECT tail, digest FROM rs_group"))

    def entities_jsonl(self) -> bytes:
        """entities.jsonl: every entity's line, in key order (SQLite's BINARY order of
        UTF-8 text is Python's order of the strings)."""
        return "".join(line + "\n" for (line,) in self.db.execute("SELECT entity FROM rs_group ORDER BY tail")
                       ).encode("utf-8")

    def answers(self) -> dict[str, str]:
        """Document -> a digest of every answer resolution gives about it (its local
        ids' entity keys, its reviews' keys): same digest, same answers."""
        return dict(self.db.execute("SELECT doc, answers FROM rs_doc"))


def _group_bucket(g: _Group) -> str:
    if g.type == "person":
        return person_bucket(g.names[0][0]) if not g.primary else person_bucket(g.primary[0])
    return org_bucket(g.key)


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(part: list[Any]) -> str:
    return ",".join("?" * len(part))


class _PerDocument(Mapping):
    """(document, local key) -> value from a state table, read one document at a time:
    a graph asks for one document's members or reviews, never for the whole table."""

    def __init__(self, db: sqlite3.Connection, one_doc: str, table: str, local: str) -> None:
        self.db, self._one_doc, self._table, self._local = db, one_doc, table, local
        self._docs: dict[str, dict] = {}

    def doc(self, document: str) -> dict:
        if document not in self._docs:
            self._docs[document] = dict(self.db.execute(self._one_doc, (document,)))
        return self._docs[document]

    def __getitem__(self, key: tuple[str, Any]) -> str:
        return self.doc(key[0])[key[1]]

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        return iter(list(self.db.execute(f"SELECT doc, {self._local} FROM {self._table} ORDER BY doc, {self._local}")))

    def __len__(self) -> int:
        return self.db.execute(f"SELECT count(*) FROM {self._table}").fetchone()[0]


def _members(db: sqlite3.Connection) -> _PerDocument:
    """(document, local id) -> entity key."""
    return _PerDocument(db, "SELECT m.id, g.tail FROM rs_member m JOIN rs_group g ON m.gkey = g.gkey WHERE m.doc = ?",
                        "rs_member", "id")


def _reviews(db: sqlite3.Connection) -> _PerDocument:
    """(document, index) -> review key."""
    return _PerDocument(db, "SELECT idx, key FROM rs_review WHERE doc = ?", "rs_review", "idx")


class _Entities(Mapping):
    """Entity key -> Entity, read when asked."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._seen: dict[str, Entity | None] = {}

    def __getitem__(self, key: str) -> Entity:
        if key not in self._seen:
            row = self.db.execute("SELECT entity FROM rs_group WHERE tail = ?", (key,)).fetchone()
            self._seen[key] = _entity_from(row[0]) if row is not None else None
        found = self._seen[key]
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter([k for (k,) in self.db.execute("SELECT tail FROM rs_group ORDER BY tail")])

    def __len__(self) -> int:
        return self.db.execute("SELECT count(*) FROM rs_group").fetchone()[0]

    def items(self):
        """Every entity, in key order, in one read."""
        return [(k, _entity_from(e)) for k, e in self.db.execute("SELECT tail, entity FROM rs_group ORDER BY tail")]
