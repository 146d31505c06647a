"""`kg build`: documents in, the persistent store and its outputs out, incrementally.

The store folder (``build/`` by default) holds:

- ``oxigraph/``       the persistent store: one named graph per document, plus the
                      entities graph (resolution across documents) and the ontology;
- ``cache/``          each document's facts with the hash of the file they came from and
                      of the extractor's rules, so an unchanged file is not read again;
                      ``cache/index.sqlite`` (``_Pack``) the same facts with each
                      document's resolution record and its graph's dated memberships;
- ``manifest.json``   the hash of every named graph written, so a graph whose triples did
                      not change is not rewritten; per graph, a fingerprint of what it was
                      made from (code, file, the resolution's answers), so a graph whose
                      inputs did not change is not even made again; per entity, a digest
                      (the entities graph is updated entity by entity); and what the
                      outputs were written from, so they are rewritten only when that changed;
- ``kg.ttl``, ``graph.html``, ``facts.jsonl``, ``entities.jsonl``: the outputs, each
                      written to a temporary file and renamed, never half-written.

A build is a sync: the store ends up holding exactly the documents given (plus what
``kg load`` added). A build that can read no document at all (a mistyped path) changes
nothing, rather than emptying the store.

A build never changes the store that readers see. It copies the current database
(``oxigraph`` is a symbolic link to ``oxigraph.N``; the copy is a RocksDB checkpoint,
hard links, so it is cheap), applies its changes to the copy, closes it, and then
switches the link atomically. A build killed at any point leaves the previous store and
outputs as they were; a ``kg query`` during a build answers from the old store or the new
one, never from a half-written one. Resolution is kept between
builds as grouped state (kg.resolve_state): a changed document regroups only the mentions
that share a group key or surname with its own, so adding a document that names a known
person links to that person's node without regrouping the others.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mmap
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef

from kg import fullbuild
from kg.batch import DEFAULT_BUDGET, Finish, Worker, iter_facts, warm_worker
from kg.errors import InputError
from kg.fsutil import place_atomic, write_atomic, write_atomic_parts
from kg.fullbuild import BulkLoad, GraphPool, Helpers, MadeGraph, Spool, Task, TurtleJob, make_graphs
from kg.ingest import Listing, list_inputs
from kg.iri import DEFAULT_BASE, normalise_base
from kg.lock import writer_lock
from kg.model import Entity, Facts, Resolution
from kg.paths import MODELS_DIR, RULES_DIR
from kg.rdf import (
    ONTOLOGY_FILE,
    document_triples,
    entities_graph_iri,
    entities_triples,
    graph_iri,
    iri,
    ontology_graph_iri,
    ontology_quads,
    tenure_statements,
    tenures,
    time_graph_iri,
)
from kg.resolve import Curation, DocumentRecord, document_record, record_version, resolve_records
from kg.resolve_state import ResolveState, entity_json, slice_rows
from kg.store import STORE_SUBDIR, GraphStore, TurtleStamp, kept_content, kept_stamp, live_database

Progress = Callable[[str, int, int], None]

FULL_BUILD_MIN_DOCUMENTS = 1
"""Into an empty store, from this many documents on the graphs are made by kg.fullbuild
(tests set it higher to compare with the graph-by-graph way)."""

VIEW_MAX_DOCUMENTS = 500
"""Above this many documents a build leaves graph.html to `kg viz` (see ``build``)."""
VIEW_CACHE_MAX_TRIPLES = 600_000
"""Up to this many triples a build that leaves graph.html to `kg viz` still writes the
graph the view starts from (STORE/netx-cache.json, kg.netx.cache_graph): about 2 s of CPU
at 320,000 triples (a 20,000-node graph), saved by the first `kg viz`; at 10,000 documents
(1.7M triples) it would cost more than a one-file rebuild may take (issue 12)."""
VIEW_CACHE_TRIPLES_PER_DOCUMENT = 1_000
"""A build writes that cache only when it extracted at least one document per this many
triples: folding the graph costs about 10 µs a triple and extracting a document about
10 ms, so the cache never costs more than the build's own extraction. A full build writes
it; a one-file rebuild of a 3,000-document store (400,000 triples) does not (it would have
cost 2 to 4 s more than the rebuild, measured), and leaves the cache stale for `kg viz`
to refresh -- unless the store has a cache already (someone draws it): then the rebuild
folds it in a forked child on the other core while it writes its other outputs
(``_CacheFold``), so the cache stays current at little cost to the rebuild's wall time."""


@dataclass(frozen=True)
class BuildReport:
    store: Path
    documents: int
    extracted: int
    reused: int
    graphs_written: int
    graphs_removed: int
    triples: int
    errors: tuple[InputError, ...] = ()
    skipped: tuple[Path, ...] = ()
    outputs: dict[str, Path] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        if self.documents == 0:
            lines = [f"built nothing: no document could be read; {self.store}/ was left as it was"]
        else:
            lines = [
                f"built {self.documents} document(s) into {self.store}/ "
                f"({self.extracted} extracted, {self.reused} unchanged; "
                f"{self.graphs_written} graph(s) written, {self.graphs_removed} removed; {self.triples} triples)",
            ]
        if self.errors:
            lines.append(f"skipped {len(self.errors)} file(s) that could not be read (named above)")
        for name, path in self.outputs.items():
            lines.append(f"  {name:<9} {path}")
        lines.extend(self.notes)
        return "\n".join(lines)


@lru_cache(maxsize=1)
def rules_version() -> str:
    """Hash of the code that makes facts from a file (ingest: text and offsets; extract)
    and of the rule data: cached facts from other code or rules are stale."""
    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parent
    for path in sorted([*RULES_DIR.glob("*"), *MODELS_DIR.glob("*"), *(pkg / "extract").glob("*.py"),
                        *(pkg / "ingest").glob("*.py"), pkg / "model.py"]):
        if path.is_file():
            h.update(f"{path.parent.name}/{path.name}".encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _stat(path: Path, known: os.stat_result | None = None) -> str | None:
    """Size, modification time and inode: a file whose three are as they were when it was
    hashed is taken to be unchanged (as make and git do), so an unchanged rebuild of
    10,000 documents does not read them all again. ``known``: the stat the listing took."""
    try:
        st = known if known is not None else path.stat()
    except OSError:
        return None
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ino}"


def _quads_hash(quads) -> str:
    """The hash of a graph's content: its sorted N-Triples lines (graph names left out)."""
    lines = sorted({f"{q.subject} {q.predicate} {q.object} ." for q in quads})
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _cached(cache_dir: Path, doc_id: str, file_hash: str | None) -> Facts | None:
    path = cache_dir / f"{doc_id}.json"
    if file_hash is None or not path.is_file():
        return None
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if obj.get("file") != file_hash or obj.get("rules") != rules_version():
        return None
    return Facts.from_json(obj["facts"])


_PACK_FILE = "index.sqlite"


def _write_cache(path: Path, data: bytes) -> None:
    """A cache file, renamed into place but not synced to disk: fsync per file was 36 s
    of a 10,000-document build, and a cache file lost to a power cut is only read again
    (a torn one fails to parse and is ignored)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _pack_version() -> str:
    return f"{rules_version()} {record_version()}"


class _Pack:
    """``cache/index.sqlite``: per document, the hash of its file, its facts (as their
    facts.jsonl line) and its resolution record (kg.resolve.DocumentRecord); per document
    graph, the fingerprint it was last made with and its dated memberships (what the
    tenures graph reads of it).

    At 10,000 documents, reading 10,000 cache files and parsing every document's facts
    was most of a rebuild; from here an unchanged document costs one row, its facts are
    parsed only if its graph is made again, and its triples are not made for the tenures.
    Only a cache: a missing or damaged file is made again from ``cache/*.json``
    (still written as extraction goes, so a killed build keeps what it extracted).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self.before: dict[str, tuple[str, str, str]] = {}  # ``records()`` as they were when the build began

    @property
    def db(self) -> sqlite3.Connection:
        """The connection, opened (and the file made) when first needed: a build that
        reads no document leaves the store folder as it was."""
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._open()
            except sqlite3.DatabaseError:  # damaged: it is only a cache
                self.path.unlink(missing_ok=True)
                self._db = self._open()
        return self._db

    _SCHEMA = 2

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        # a cache: a write-ahead log synced at checkpoints keeps it whole through a crash
        # (it may lose the last build's rows, which are made again); syncing the journal on
        # every commit was 0.3 s of a one-file rebuild
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        if db.execute("PRAGMA user_version").fetchone()[0] != self._SCHEMA:
            db.executescript("DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS tenure; DROP TABLE IF EXISTS member;"
                             f"PRAGMA user_version = {self._SCHEMA};")
        db.executescript("CREATE TABLE IF NOT EXISTS docs (doc TEXT PRIMARY KEY, file TEXT, version TEXT, "
                         "record TEXT, facts TEXT, stat TEXT);"
                         "CREATE TABLE IF NOT EXISTS tenure (graph TEXT PRIMARY KEY, fp TEXT, said TEXT);"
                         "CREATE TABLE IF NOT EXISTS member (m TEXT, graph TEXT, PRIMARY KEY (m, graph));"
                         "CREATE INDEX IF NOT EXISTS member_graph ON member (graph);")
        db.execute("SELECT count(*) FROM docs").fetchone()
        return db

    def records(self) -> dict[str, tuple[str, str, str]]:
        """doc -> (file hash, version, the file's size, time and inode then). Not the
        records themselves: a build reads only those of the documents it regroups
        (``record``, ``all_records``)."""
        if not self.path.is_file():
            return {}
        try:
            return {d: (f, v, st) for d, f, v, st in self.db.execute("SELECT doc, file, version, stat FROM docs")}
        except sqlite3.DatabaseError:
            return {}

    def _column(self, column: str, doc: str) -> str:
        row = self.db.execute(f"SELECT {column} FROM docs WHERE doc = ?", (doc,)).fetchone()
        if row is None:
            raise KeyError(doc)
        return row[0]

    def record(self, doc: str) -> str:
        return self._column("record", doc)

    def all_records(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT doc, record FROM docs"))

    def text(self, doc: str) -> str:
        return self._column("facts", doc)

    def texts(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT doc, facts FROM docs"))

    def tenures(self) -> dict[str, tuple[str | None, str]]:
        """graph -> (fingerprint, dated memberships as JSON)."""
        try:
            return {g: (fp, said) for g, fp, said in self.db.execute("SELECT graph, fp, said FROM tenure")}
        except sqlite3.DatabaseError:
            return {}

    def graphs_stating(self, memberships: list[str]) -> dict[str, set[str]]:
        """membership -> the document graphs whose dated memberships name it (as kept)."""
        out: dict[str, set[str]] = {}
        for i in range(0, len(memberships), 500):
            part = memberships[i:i + 500]
            rows = self.db.execute(f"SELECT m, graph FROM member WHERE m IN ({','.join('?' * len(part))})", part)
            for m, g in rows:
                out.setdefault(m, set()).add(g)
        return out

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class _Doc:
    """One document of the build: its facts (parsed when first asked for) and its
    resolution record, from the pack, the cache files or extraction."""

    def __init__(self, document: str, file_hash: str | None, *, facts: Facts | None = None,
                 record: DocumentRecord | None = None, pack: _Pack | None = None,
                 extracted: _Extracted | None = None) -> None:
        self.document, self.file_hash = document, file_hash
        self._facts, self._record, self._pack = facts, record, pack
        self._text: str | None = None
        self.record_text: str | None = None  # its record as the pack keeps it, when made in a worker
        self.slices: tuple[tuple[str, str], ...] | None = None  # and as the resolution state keeps it
        if extracted is not None:
            self._text, self._record, self.record_text = extracted.text, extracted.record, extracted.record_text
            self.slices = extracted.slices
        self.packed = pack is not None  # its row in the pack is up to date

    @property
    def has_record(self) -> bool:
        return self._record is not None

    @property
    def facts(self) -> Facts:
        if self._facts is None:
            self._facts = Facts.from_json(json.loads(self.text))
        return self._facts

    @property
    def text(self) -> str:
        """Its line of facts.jsonl."""
        if self._text is None:
            if self._facts is None and self._pack is not None:
                self._text = self._pack.text(self.document)
            else:
                self._text = json.dumps(self.facts.to_json(), ensure_ascii=False)
        return self._text

    @property
    def record(self) -> DocumentRecord:
        if self._record is None and self.packed and self._pack is not None:
            self.set_record(self._pack.record(self.document))
        if self._record is None:
            self._record = document_record(self.facts)
        return self._record

    def set_record(self, text: str) -> None:
        """Its record from the pack's JSON (made again from its facts if that is damaged)."""
        try:
            self._record = DocumentRecord.from_json(json.loads(text))
        except (ValueError, KeyError, TypeError, IndexError):
            self._record = document_record(self.facts)


@dataclass(frozen=True)
class _Extracted:
    """One document as an extraction worker hands it to the build (``_finish``): its
    facts.jsonl line, its resolution record (made there, and as the pack keeps it), the
    hash of the file its facts came from; its cache file is already written. The build
    process only receives these: at 10,000 documents, turning facts into these in the
    build process was 23 s of its CPU beside the two extraction workers."""

    document: str
    file_hash: str | None
    text: str
    record: DocumentRecord
    record_text: str
    slices: tuple[tuple[str, str], ...]  # kg.resolve_state.slice_rows of the record


def _finish(path: str, facts: Facts, cache_dir: Path | None, rules: str) -> _Extracted:
    """In an extraction worker (kg.batch.Finish): what the build keeps of a document,
    and its cache file (``_cached`` reads it back)."""
    h = _file_hash(Path(path))
    text = json.dumps(facts.to_json(), ensure_ascii=False)
    if cache_dir is not None and h is not None:
        # the keys in sorted order, as json.dumps(sort_keys=True) of the whole would put them
        # (the facts inside in their own order: they are read back as one object)
        _write_cache(cache_dir / f"{facts.document}.json",
                     f'{{"facts": {text}, "file": {json.dumps(h)}, "rules": {json.dumps(rules)}}}'.encode())
    record = document_record(facts)
    return _Extracted(facts.document, h, text, record, json.dumps(record.to_json(), ensure_ascii=False),
                      slice_rows(record))


_Collected = tuple[list[_Doc], list[InputError], tuple[Path, ...], int, dict[str, str]]


def collect_facts(paths: Iterable[Path | str], cache_dir: Path | None, jobs: int = 1,
                  progress: Progress | None = None, budget: float | None = DEFAULT_BUDGET,
                  pack: _Pack | None = None, meanwhile: Callable[[], None] | None = None) -> _Collected:
    """Every input's document, from the pack or the cache where the file is unchanged;
    returns (documents in input order, errors, skipped files, number extracted now, the
    hash of each document's file by document id). The pack (open while the documents
    are used: their facts are read from it when asked for) is brought up to date.
    ``meanwhile``: the caller's work that needs no document, run while the extraction
    workers start (kg.batch.iter_facts)."""
    finish = partial(_finish, cache_dir=cache_dir, rules=rules_version())
    # a worker compiles the rules while the inputs are listed and checked (kg.batch.warm_worker)
    warm = [w for w in [warm_worker(finish)] if w is not None] if budget is not None else []
    try:
        return _collect(list_inputs(paths), cache_dir, pack, jobs, progress, budget, finish, warm, meanwhile)
    finally:
        for w in warm:
            if w.proc.is_alive():
                w.stop(kill=True)


def _collect(listing: Listing, cache_dir: Path | None, pack: _Pack | None, jobs: int, progress: Progress | None,
             budget: float | None, finish: Finish, warm: list[Worker],
             meanwhile: Callable[[], None] | None = None) -> _Collected:
    rows = pack.records() if pack is not None else {}
    if pack is not None:
        pack.before = rows
    version = _pack_version()
    slots: list[_Doc | InputError | None] = []
    hashes: dict[str, str] = {}
    todo: list[tuple[int, Path, str | None]] = []
    stats: dict[str, str | None] = {}
    for i, item in enumerate(listing.items):
        if isinstance(item, InputError):  # duplicate ids included: list_inputs decides them
            slots.append(item)
            continue
        stem = item.stem
        row = rows.get(stem)
        stat = _stat(item, listing.stats.get(i))
        # the file as it was when its row was written (size, time, inode): its hash then
        h = row[0] if row is not None and stat is not None and row[2] == stat else _file_hash(item)
        stats[stem] = stat
        if h is not None:
            hashes[stem] = h
        hit: _Doc | None = None
        if row is not None and h is not None and row[0] == h and row[1] == version:
            hit = _Doc(stem, h, pack=pack)  # its record read if it is regrouped
        if hit is None and cache_dir is not None:
            facts = _cached(cache_dir, stem, h)
            hit = _Doc(stem, h, facts=facts) if facts is not None else None
        slots.append(hit)
        if hit is None:
            todo.append((len(slots) - 1, item, h))
    total = len(todo)
    extracted = 0  # files read now (not errors: they were attempted, not extracted)
    results = iter_facts(Listing(tuple(p for _, p, _ in todo)), jobs, budget, finish, warm, meanwhile)
    for n, (result, (slot, _, h)) in enumerate(zip(results, todo, strict=False), 1):
        if isinstance(result, _Extracted):
            # (the hash of the bytes its facts came from: ``h`` unless the file changed since)
            slots[slot] = _Doc(result.document, result.file_hash or h, extracted=result)
            extracted += 1
        else:
            slots[slot] = result
        if progress:
            progress("extract", n, total)
    docs = [s for s in slots if isinstance(s, _Doc)]
    errors = [s for s in slots if isinstance(s, InputError)]
    if pack is not None:
        keep = {d.document for d in docs} | {e.path.stem for e in errors if e.path}
        with pack.db:
            pack.db.executemany("REPLACE INTO docs VALUES (?, ?, ?, ?, ?, ?)",
                                [(d.document, d.file_hash, version, d.record_text or json.dumps(d.record.to_json(),
                                                                                   ensure_ascii=False),
                                  d.text, stats.get(d.document))
                                 for d in docs if not d.packed and d.file_hash is not None])
            pack.db.executemany("UPDATE docs SET stat = ? WHERE doc = ?",
                                [(stats.get(d.document), d.document) for d in docs
                                 if d.packed and rows[d.document][2] != stats.get(d.document)])
            pack.db.executemany("DELETE FROM docs WHERE doc = ?", [(d,) for d in rows if d not in keep])
    return docs, errors, listing.skipped, extracted, {d.document: hashes.get(d.document, "") for d in docs}


def build(paths: Iterable[Path | str], store_dir: Path | str = "build", *args, wait: float = 0.0,
          notify: Callable[[str], None] | None = None, **kwargs) -> BuildReport:
    """``_build`` holding the store's writer lock from the first cache read to the last
    output (kg.lock): a second build or load waits up to ``wait`` seconds, then gets
    StoreBusy; two builds never interleave, so the store ends as one of them."""
    with writer_lock(store_dir, wait, notify):
        return _build(paths, store_dir, *args, **kwargs)


def _build(paths: Iterable[Path | str], store_dir: Path | str = "build", base: str = DEFAULT_BASE,
           curation: Path | None = None, jobs: int = 1, progress: Progress | None = None,
           view: bool | None = None, budget: float | None = DEFAULT_BUDGET) -> BuildReport:
    """Bring the store in ``store_dir`` in line with the documents under ``paths``.

    ``view``: write graph.html (True), not (False), or only up to VIEW_MAX_DOCUMENTS
    documents (None, the default): past that, drawing the whole graph costs more than
    the rest of the build, and the overview folds most of it anyway; `kg viz` draws it
    (or one board, theme or person) on demand. ``budget``: seconds each document may
    take to extract (None: no limit; see kg.batch).
    """
    store_dir = Path(store_dir)
    base = normalise_base(base)
    cache_dir = store_dir / "cache"
    pack = _Pack(cache_dir / _PACK_FILE)
    paths = list(paths)
    pool = _early_pool(paths, store_dir, jobs)
    try:
        return _build_with(pack, paths, store_dir, base, curation, jobs, progress, view, budget, pool)
    finally:
        pack.close()
        if pool is not None:
            pool.close()


def _build_with(pack: _Pack, paths: Iterable[Path | str], store_dir: Path, base: str, curation: Path | None,
                jobs: int, progress: Progress | None, view: bool | None, budget: float | None,
                pool: GraphPool | None = None) -> BuildReport:
    cache_dir = store_dir / "cache"
    manifest_path = store_dir / "manifest.json"
    early: dict[str, Any] = {}

    def meanwhile() -> None:
        """What needs no document, read while a warm worker starts (a one-file rebuild
        waits for it): the last manifest (8 MB of JSON at 10,000 documents) and the
        pack's dated memberships (not if there is no pack: a build that reads nothing
        leaves the store folder as it was)."""
        early["old"] = _read_manifest(manifest_path)
        if pack.path.is_file():
            early["said"] = pack.tenures()

    docs, errors, skipped, extracted, file_hashes = collect_facts(paths, cache_dir, jobs, progress, budget, pack,
                                                                  meanwhile)
    if not docs:
        # Nothing readable (a mistyped path, a folder of bad files): syncing would empty
        # the store and its outputs. Leave the previous build as it was; the CLI exits 2.
        return BuildReport(store_dir, 0, 0, 0, 0, 0, 0, tuple(errors), tuple(skipped))
    resolution, rstate = _resolution(pack, docs, Curation.load(curation))

    old: dict = early["old"] if "old" in early else _read_manifest(manifest_path)
    store_dir.mkdir(parents=True, exist_ok=True)
    live_before = live_database(store_dir).name if (store_dir / STORE_SUBDIR).exists() else None
    # The manifest describes one database version. A build killed after switching the store
    # but before writing the manifest leaves a manifest of the version before: its hashes and
    # fingerprints would call changed graphs unchanged, so they are not trusted then (every
    # graph is remade and compared; the outputs are rewritten).
    described = old.get("store", (old.get("outputs") or {}).get("version"))
    trusted = live_before is None or described == live_before
    same_base = old.get("base") == base and trusted
    old_graphs: dict[str, str] = old.get("graphs", {}) if same_base else {}
    old_prints: dict[str, dict] = old.get("fingerprints", {}) if same_base else {}
    new_graphs: dict[str, str] = {}
    new_prints: dict[str, dict] = {}
    written = removed = 0
    last = old.get("outputs") or {}
    changes = _Changes(live_before is not None and last.get("version") == live_before
                       and isinstance(last.get("triples"), int))
    said_before = early["said"] if "said" in early else pack.tenures()
    said_now: dict[str, tuple[str | None, str]] = {}  # document graph -> (fingerprint, dated memberships)
    with GraphStore.writing(store_dir) as store, contextlib.ExitStack() as stopping:
        if old.get("base") not in (None, base):  # a new base renames every IRI: start again
            changes.close()
            for name in store.graph_names():
                if name in old.get("graphs", {}):
                    store.remove_graph(name)
        present = _present_graphs(store, old.get("graphs", {}) if same_base and live_before is not None else None)
        writer = store.graph_writer()
        sources, time_source = _graph_sources(docs, resolution, base, file_hashes)
        ent_name = str(entities_graph_iri(base))
        ent_digests = rstate.digests() if rstate is not None else _entity_digests(resolution)
        spool = Spool() \
            if live_before is None and not present and len(docs) >= FULL_BUILD_MIN_DOCUMENTS else None
        # an empty store: every graph made by kg.fullbuild, handed to a bulk loader that goes
        # on loading while the fingerprints and the tenures are worked out here (_premade)
        load = BulkLoad(store.ox) if spool is not None else None
        if load is not None:
            stopping.callback(load.close)  # (a build that fails stops the loader before the store is dropped)
        premade = _premade(store, load, spool, docs, resolution, base, jobs, progress, pool) \
            if load is not None and spool is not None else {}
        old_ent = old.get("entities") if same_base else None
        quick = _Quick.of(rstate, old_ent, ent_digests)
        for n, source in enumerate(sources, 1):
            name = source.name
            before = old_prints.get(name)
            if name == ent_name:
                ent_hash = _digest(json.dumps(ent_digests, sort_keys=True))
                new_graphs[name] = ent_hash
                if old_ent is not None and name in present and name in old_graphs:
                    changed = _update_entities(store, writer, resolution, base, old_ent, ent_digests, changes)
                    written += bool(changed)
                elif spool is not None:  # an empty store: made and loaded with the document graphs (_premade)
                    written += 1
                elif old_graphs.get(name) != ent_hash or name not in present:
                    quads, _, _ = source.quads()
                    changes.replace(store, name, name in present, quads)
                    writer.replace(name, quads)
                    written += 1
                if progress:
                    progress("store", n, len(sources) + 1)
                continue
            fp = quick.fingerprint(source, before)
            if fp is not None and before is not None and fp == before.get("fp") and name in present \
                    and name in old_graphs:
                # nothing it reads changed
                new_graphs[name], new_prints[name] = old_graphs[name], quick.marked(source, before)
                if source.document is not None:
                    said = said_before.get(name)
                    if said is None or said[0] != fp:  # not kept (an older build): made for the tenures alone
                        said = (fp, _said_json(tenure_statements(source.triples()[0])))
                    said_now[name] = said
            elif name in premade:  # made by kg.fullbuild and already in the store
                kept = premade.pop(name)
                new_graphs[name] = kept.hash
                fp = source.fingerprint(kept.deps)
                new_prints[name] = quick.marked(source, {"fp": fp, "deps": kept.deps})
                said_now[name] = (fp, kept.said)
                written += 1
            else:
                quads, deps, triples = source.quads()
                h = _quads_hash(quads)
                new_graphs[name] = h
                fp = source.fingerprint(deps)
                new_prints[name] = quick.marked(source, {"fp": fp, "deps": deps})
                if source.document is not None:
                    said_now[name] = (fp, _said_json(tenure_statements(triples)))
                if old_graphs.get(name) != h or name not in present:
                    changes.replace(store, name, name in present, quads)
                    writer.replace(name, quads)
                    written += 1
            if progress:
                progress("store", n, len(sources) + 1)
        # the tenures, from every document graph's dated memberships (kept between builds)
        name = time_source.name
        fps = [[g, said_now[g][0]] for g in sorted(said_now)]
        fp = None if any(f is None for _, f in fps) else _digest(time_source.inputs + json.dumps(fps))
        before = old_prints.get(name)
        state = _said_state(said_now)
        if fp is not None and before is not None and before.get("fp") == fp and name in present \
                and name in old_graphs:
            new_graphs[name], new_prints[name] = old_graphs[name], {**before, "said": state}
        else:
            sums: str | None = None
            if before is not None and name in present and name in old_graphs and before.get("said") is not None \
                    and before.get("said") == _said_state(said_before) and old_graphs[name].startswith("sum:"):
                sums = _update_tenures(store, writer, pack, name, base, said_before, said_now, old_graphs[name],
                                       changes)
            if sums is None:  # remade whole (and written by difference)
                statements: dict = {}
                for g in sorted(said_now):
                    for m, said in _said_from_json(said_now[g][1]).items():
                        statements.setdefault(m, []).extend(said)
                if load is not None and spool is not None:  # an empty store: as text, to the bulk loader
                    sums = _lines_sum(load.graph(spool, tenures(statements, base), name))
                    quads = []
                else:
                    quads = tenures(statements, base).to_quads(name)
                    sums = _lines_sum(_stored_lines(quads))
                if spool is None and (old_graphs.get(name) != sums or name not in present):
                    if name in present:
                        _replace_by_difference(store, writer, name, quads, changes)
                    else:
                        changes.replace(store, name, False, quads)
                        writer.replace(name, quads)
            written += sums != old_graphs.get(name)
            new_graphs[name], new_prints[name] = sums, {"fp": fp, "deps": None, "said": state}
        if load is not None:
            load.finish()  # (the writer's bulk load below does not run beside it)
        if progress:
            progress("store", len(sources) + 1, len(sources) + 1)
        writer.close()
        built_before = set(old_graphs) if trusted else set(old.get("graphs", {})) | {
            g for g in present if g.startswith(f"{base}graph/") and not g.startswith(f"{base}graph/loaded/")}
        for name in sorted(built_before - set(new_graphs)):
            changes.replace(store, name, True, [])
            store.remove_graph(name)
            removed += 1
        # Distinct triples, as `kg stats` and every query see them: a triple stated in two
        # documents' graphs is one triple of the graph (len(store) counts it per graph).
        triples = changes.count(store, last["triples"]) if changes.open else None
        turtle_job: TurtleJob | None = None
        if spool is not None:  # kg.ttl from the lines the graphs were made of (and the other graphs' dumps),
            # written by a graph worker while this process writes the rest (the triples are counted there)
            fd, turtle_tmp = tempfile.mkstemp(prefix=".kg.ttl.", suffix=".tmp", dir=store_dir)
            os.close(fd)
            turtle_job = spool.start_turtle(_other_graphs(store, set(new_graphs) - {
                *graph_names(base, [d.document for d in docs])} - {ent_name, time_source.name}),
                Path(turtle_tmp), pool)
        elif triples is None:
            count = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
            triples = int(str(count.rows[0][0].value))  # type: ignore[union-attr]
    try:
        read = _Read(docs, errors, skipped, extracted, file_hashes, resolution, rstate)
        made = _Made(written, removed, triples, new_graphs, new_prints, ent_digests, said_before, said_now, changes,
                     turtle_job, Path(turtle_tmp) if turtle_job is not None else None)
        return _finish_build(pack, store_dir, base, old, trusted, view, read, made)
    finally:
        if spool is not None:
            if turtle_job is not None:
                turtle_job.wait()  # (the spool is read until then)
                Path(turtle_tmp).unlink(missing_ok=True)
            spool.close()


def _read_manifest(path: Path) -> dict:
    """The last build's manifest.json ({} if missing or damaged: everything is then made again)."""
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return old if isinstance(old, dict) else {}


@dataclass(frozen=True)
class _Read:
    """What a build read: its documents, the inputs it could not read or left out, how
    many documents it extracted now, each document's file hash, and their resolution."""

    docs: list[_Doc]
    errors: list[InputError]
    skipped: tuple[Path, ...]
    extracted: int
    file_hashes: dict[str, str]
    resolution: Resolution
    rstate: ResolveState | None


@dataclass(frozen=True)
class _Made:
    """What a build made of the store: graphs written and removed, distinct triples (None
    while a worker counts them, ``turtle_job`` writing kg.ttl to ``turtle_tmp``), each
    graph's hash and fingerprint, the entities' digests, every document graph's dated
    memberships before and now, and the per-graph differences (``changes``)."""

    written: int
    removed: int
    triples: int | None
    new_graphs: dict[str, str]
    new_prints: dict[str, dict]
    ent_digests: dict[str, str]
    said_before: dict[str, tuple[str | None, str]]
    said_now: dict[str, tuple[str | None, str]]
    changes: _Changes
    turtle_job: TurtleJob | None
    turtle_tmp: Path | None


def _finish_build(pack: _Pack, store_dir: Path, base: str, old: dict, trusted: bool, view: bool | None,
                  read: _Read, wrote: _Made) -> BuildReport:
    """The end of a build, once the new store is live: the pack's tenure rows, the
    manifest and the outputs. With ``turtle_job`` (a graph worker writing kg.ttl to
    ``turtle_tmp`` and counting the triples), the outputs that do not depend on the
    triple count are written meanwhile."""
    docs, errors, skipped, extracted = read.docs, read.errors, read.skipped, read.extracted
    file_hashes, resolution, rstate = read.file_hashes, read.resolution, read.rstate
    written, removed, triples, changes = wrote.written, wrote.removed, wrote.triples, wrote.changes
    new_graphs, new_prints, ent_digests = wrote.new_graphs, wrote.new_prints, wrote.ent_digests
    said_before, said_now = wrote.said_before, wrote.said_now
    turtle_job, turtle_tmp = wrote.turtle_job, wrote.turtle_tmp
    cache_dir = store_dir / "cache"
    manifest_path = store_dir / "manifest.json"
    with pack.db:
        dropped = [g for g in said_before if said_before[g] != said_now.get(g)]
        pack.db.executemany("DELETE FROM tenure WHERE graph = ?", [(g,) for g in dropped])
        pack.db.executemany("DELETE FROM member WHERE graph = ?", [(g,) for g in dropped])
        made = [g for g in sorted(said_now) if said_before.get(g) != said_now[g]]
        pack.db.executemany("INSERT INTO tenure VALUES (?, ?, ?)", [(g, *said_now[g]) for g in made])
        pack.db.executemany("INSERT OR IGNORE INTO member VALUES (?, ?)",
                            [(m, g) for g in made for m, _ in json.loads(said_now[g][1])])
    # the new version is live from here on; then what describes it
    view_skipped = view is None and len(docs) > VIEW_MAX_DOCUMENTS
    view = (len(docs) <= VIEW_MAX_DOCUMENTS) if view is None else view
    outputs_now = {"graphs": _digest(json.dumps(new_graphs, sort_keys=True)), "triples": triples,
               "documents": _digest(rules_version() + json.dumps(file_hashes, sort_keys=True)), "view": view,
               "version": live_database(store_dir).name}
    patch = changes.touched
    last = old.get("outputs") if trusted else None
    facts_changes = _facts_changes(pack.before, docs, last)
    live_now = live_database(store_dir).name
    manifest = _ManifestText({"base": base, "graphs": new_graphs, "fingerprints": new_prints,
                              "entities": ent_digests, "store": live_now})
    write_atomic(manifest_path, manifest.with_outputs(old.get("outputs")))
    # the graph `kg viz` starts from, folded by a child on the other core (see _CacheFold)
    fold = _CacheFold(store_dir, view_skipped and (
        (last or {}).get("graphs") != outputs_now["graphs"] or not (store_dir / CACHE_FILE).is_file()),
        extracted)
    stamp: TurtleStamp | None = None
    if turtle_job is not None and turtle_tmp is not None:
        # facts.jsonl and entities.jsonl (which do not read the count) while kg.ttl is written
        early = _stale_outputs(store_dir, last, outputs_now, view) & {"facts", "entities"}
        left, _ = _write_patched(None, store_dir, early, None, rstate, facts_changes)
        _write_text_outputs(store_dir, left, docs, resolution)
        kept = turtle_job.result()
        outputs_now["triples"] = triples = kept.triples
        fold.start(turtle_tmp, None if kept.blank else kept.sha256, triples)  # (read before it is renamed)
        stale = _stale_outputs(store_dir, last, outputs_now, view) - early
        if "turtle" in stale:
            place_atomic(turtle_tmp, store_dir / _OUTPUT_FILES["turtle"])
            stale.discard("turtle")
            stamp = TurtleStamp(kept.size, kept.sha256, kept.blank)
    else:
        stale = _stale_outputs(store_dir, last, outputs_now, view)
    # kg.ttl as the last build left it, kept with that version: what its stamp says of it
    before = kept_stamp(store_dir / str(old["store"]), store_dir / _OUTPUT_FILES["turtle"]) \
        if stamp is None and trusted and old.get("store") else None
    with GraphStore.open(store_dir, read_only=True) as store:
        stale, patched = _write_patched(store, store_dir, stale, patch, rstate, facts_changes, before,
                                        then=lambda path, kept: fold.start(path, _content(kept), triples))
        if patched is None and stamp is None and "turtle" not in stale:  # unchanged: not hashed again
            stamp = before
        outputs = write_outputs(store, store_dir, docs, resolution, view, only=stale, turtle_stamp=patched or stamp)
        if not fold.started and fold.wanted(triples):  # kg.ttl written whole, or unchanged with no cache
            fold.start(outputs["turtle"], kept_content(store.database) if store.database else None, triples)
            if not fold.started and extracted * VIEW_CACHE_TRIPLES_PER_DOCUMENT >= (triples or 0):
                from kg.netx import cache_graph  # (networkx imported only then: 0.3 s)
                cache_graph(store)  # (no fork, or blank nodes the graph reads: the store is read)
    write_atomic(manifest_path, manifest.with_outputs(outputs_now))
    keep = {d.document for d in docs} | {e.path.stem for e in errors if isinstance(e, InputError) and e.path}
    _remove_stale_cache(cache_dir, keep)
    _remove_leftovers(store_dir, cache_dir)
    if view_skipped:  # an older, smaller graph's view would mislead
        (store_dir / _OUTPUT_FILES["view"]).unlink(missing_ok=True)
    notes = (f"graph.html not written for {len(docs)} documents (more than {VIEW_MAX_DOCUMENTS}): "
             f"`kg viz --store {store_dir}` draws it, or one board with --focus",) if view_skipped else ()
    assert triples is not None  # counted above, or by the worker that wrote kg.ttl
    return BuildReport(store_dir, len(docs), extracted, len(docs) - extracted, written, removed, triples,
                       tuple(errors), tuple(skipped), outputs, notes)


CACHE_FILE = "netx-cache.json"
"""kg.netx.CACHE_NAME, named here so that a build that writes no cache never imports
networkx (0.3 s)."""


def _content(stamp: TurtleStamp) -> str | None:
    """What kg.store.kept_content will say of a version kept with these bytes: their
    SHA-256, when they hold no blank node (else the store itself must be read)."""
    return None if stamp.blank else stamp.sha256


def _detach(keep: tuple[int, ...]) -> None:
    """In a process left running after the build: every inherited descriptor closed but
    ``keep``, and the standard ones on /dev/null. Otherwise whoever reads the build's
    output (``kg build | tee log``, a script's pipe) or waits on a pipe the build shared
    with its workers would wait for the fold too."""
    null = os.open(os.devnull, os.O_RDWR)
    for std in (0, 1, 2):
        os.dup2(null, std)
    start = 3
    for fd in sorted(set(keep) | {null}):
        if fd >= start:
            os.closerange(start, fd)
            start = fd + 1
    os.closerange(start, _max_fd())
    os.close(null)


def _max_fd() -> int:
    try:
        return os.sysconf("SC_OPEN_MAX")
    except (ValueError, OSError):
        return 4096


class _CacheFold:
    """The view cache (STORE/netx-cache.json, kg.netx) folded by a forked child from the
    export the build is keeping with its new version, while the build writes its other
    outputs: a one-file rebuild of a 3,000-document store that folded it itself was 2 to
    4 s longer; on the other core it costs the rebuild only what the fold takes beyond
    the rest of the build. The child reads kg.ttl (opened before the fork, so a rename
    does not matter), checks its SHA-256, and writes the cache stamped as `kg viz` will
    stamp the version (kg.netx.content_stamp) without opening RocksDB.

    The build does not wait for it (as `git gc --auto` detaches): waiting made a one-file
    rebuild of a drawn 3,000-document store about 3 s longer, since kg.ttl is ready only
    near the build's end. The folding process holds the store's fold lock
    (kg.lock.fold_lock) until it ends, however it ends; `kg viz` finding the cache stale
    waits for that lock and reads the cache then (kg.netx.wait_for_fold), so a view
    started at once costs what is left of the fold, never a second fold. The next build's
    fold waits for the lock too, so caches are written in the builds' order. A failed
    fold never fails the build and leaves the old cache (stale, never served), and the
    cache is written whole or not at all (kg.fsutil.write_atomic).

    Not frozen: it holds the forked child's process id (reaped at once) once ``start`` ran,
    so that one build starts one fold.

    ``asked``: the build leaves graph.html to `kg viz` and the graphs changed (or there
    is no cache); ``wanted`` adds the size rules (VIEW_CACHE_MAX_TRIPLES, and a cache
    already there or enough documents extracted: VIEW_CACHE_TRIPLES_PER_DOCUMENT)."""

    def __init__(self, store_dir: Path, asked: bool, extracted: int) -> None:
        self.store_dir, self.asked, self.extracted = store_dir, asked, extracted
        self.pid: int | None = None

    @property
    def started(self) -> bool:
        return self.pid is not None

    def wanted(self, triples: int | None) -> bool:
        return self.asked and triples is not None and triples <= VIEW_CACHE_MAX_TRIPLES and (
            self.extracted * VIEW_CACHE_TRIPLES_PER_DOCUMENT >= triples or (self.store_dir / CACHE_FILE).is_file())

    def start(self, turtle: Path, content: str | None, triples: int | None) -> None:
        """Fork the folding process for ``turtle`` (SHA-256 ``content``; None: blank
        nodes, not foldable from the file) if the cache is wanted and none is running yet."""
        if self.pid is not None or content is None or not hasattr(os, "fork") or not self.wanted(triples):
            return
        from kg.lock import fold_lock, quiet_fork

        try:
            f = open(turtle, "rb")
        except OSError:
            return
        with f:
            lock = fold_lock(self.store_dir)  # (an older fold still running is waited for)
            if lock is None:
                return
            pid = quiet_fork()
            if pid == 0:  # the child: forks the folder and leaves at once, so nobody waits on it
                code = 1
                try:
                    if os.fork() == 0:  # the folder: no exit handlers, no store, no output
                        os.setsid()  # (a Ctrl-C meant for the next command is not its)
                        _detach(keep=(f.fileno(), lock))
                        data = f.read()
                        if hashlib.sha256(data).hexdigest() == content:
                            from kg.netx import cache_from_export
                            code = 0 if cache_from_export(self.store_dir, data, content) else 1
                    else:
                        code = 0
                finally:
                    os._exit(code)  # (the folder's end releases the fold lock it inherited)
            os.close(lock)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        self.pid = pid


def _said_json(statements: dict) -> str:
    """tenure_statements as JSON: [[membership, [[date, datatype, document, former], ...]], ...]."""
    return json.dumps([[str(m), [[s[0], str(s[1].datatype or ""), str(s[2]), s[3]] for s in said]]
                       for m, said in sorted(statements.items())], ensure_ascii=False)


def _said_from_json(text: str) -> dict:
    out: dict = {}
    for m, said in json.loads(text):
        out[URIRef(m)] = [(d, Literal(d, datatype=URIRef(t)) if t else Literal(d), URIRef(doc), former)
                          for d, t, doc, former in said]
    return out


def _said_state(said: Mapping[str, tuple[str | None, str]]) -> str:
    """A digest of every document graph's dated memberships: the tenures graph was last
    written from this state (it can be updated from it only if the pack still holds it)."""
    h = hashlib.sha256()
    for g in sorted(said):
        h.update(f"{g}\n{said[g][1]}\n".encode())
    return h.hexdigest()[:32]


_SUM_MOD = 1 << 128


def _line_value(line: str) -> int:
    return int.from_bytes(hashlib.sha256(line.encode("utf-8")).digest()[:16], "big")


def _lines_sum(lines: Iterable[str]) -> str:
    """A digest of a set of N-Triples lines that is kept up to date line by line (a sum
    of their hashes), so the tenures graph, updated by difference, needs no reading back."""
    return f"sum:{sum(_line_value(x) for x in lines) % _SUM_MOD:032x}"


def _update_tenures(store: GraphStore, writer, pack: _Pack, name: str, base: str,
                    said_before: dict[str, tuple[str | None, str]], said_now: dict[str, tuple[str | None, str]],
                    old_hash: str, changes: _Changes) -> str | None:
    """Bring the tenures graph up to date for the memberships that the changed document
    graphs state (or stated) only; returns the graph's new digest (``_lines_sum``), or
    None when it must be remade whole. A tenure is made from the statements of its own
    membership alone (kg.rdf.tenures), plus the shared instants, which are added when a
    tenure first points to them and removed when none does any more. Remaking all of it
    for one document was a third of a one-document rebuild at 10,000 documents."""
    import pyoxigraph as ox

    changed = [g for g in sorted(set(said_before) | set(said_now)) if said_before.get(g) != said_now.get(g)]
    members: set[str] = set()
    for g in changed:
        for kept in (said_before.get(g), said_now.get(g)):
            if kept is not None:
                members.update(m for m, _ in json.loads(kept[1]))
    if len(members) > 5_000:
        return None
    wanted = sorted(members)
    stating = pack.graphs_stating(wanted)
    statements: dict = {}
    for m in wanted:
        graphs = (stating.get(m, set()) - set(changed)) | {g for g in changed if g in said_now}
        for g in sorted(graphs):
            said = _said_from_json(said_now[g][1]).get(URIRef(m)) if g in said_now else None
            if said:
                statements.setdefault(URIRef(m), []).extend(said)
    writer.flush()
    graph = ox.NamedNode(name)
    new = _stored_lines(tenures(statements, base).to_quads(name))
    own = {f"<{m}>" for m in wanted} | {f"<{m}/tenure>" for m in wanted}
    new_own = {x for x in new if x.split(" ", 1)[0] in own}
    old_own: set[str] = set()
    for subject in sorted(own):
        old_own.update(_line(q) for q in store.ox.quads_for_pattern(ox.NamedNode(subject[1:-1]), None, None, graph))
    gone, added = old_own - new_own, new_own - old_own
    # instants: those the new tenures point to and the graph lacks; those no tenure points to any more
    for x in sorted(new - new_own):
        t = next(iter(ox.parse(x.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)))
        if not any(True for _ in store.ox.quads_for_pattern(t.subject, t.predicate, t.object, graph)):
            added.add(x)
    _apply(store, graph, gone, added)
    orphans: set[str] = set()
    for x in gone:
        t = next(iter(ox.parse(x.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)))
        if isinstance(t.object, ox.NamedNode) and "/instant/" in t.object.value \
                and not any(True for _ in store.ox.quads_for_pattern(None, None, t.object, graph)):
            orphans.update(_line(q) for q in store.ox.quads_for_pattern(t.object, None, None, graph))
    _apply(store, graph, orphans, set())
    gone |= orphans
    changes.record(name, gone, added)
    total = int(old_hash[4:], 16) - sum(_line_value(x) for x in gone) + sum(_line_value(x) for x in added)
    return f"sum:{total % _SUM_MOD:032x}"


def _apply(store: GraphStore, graph: Any, gone: set[str], added: set[str]) -> None:
    import pyoxigraph as ox

    for lines, act in ((gone, store.ox.remove), (added, store.ox.add)):
        if lines:
            for t in ox.parse("\n".join(sorted(lines)).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
                act(ox.Quad(t.subject, t.predicate, t.object, graph))


def _replace_by_difference(store: GraphStore, writer, name: str, quads: list, changes: _Changes) -> None:
    """Replace a large graph (the tenures) by removing the triples it no longer has and
    adding the new ones, rather than dropping and loading it whole: a one-document change
    alters a handful of its triples."""
    import pyoxigraph as ox

    writer.flush()
    graph = ox.NamedNode(name)
    old = _graph_lines(store, name)
    new = _stored_lines(quads)
    gone, added = sorted(old - new), sorted(new - old)
    for t in ox.parse("\n".join(gone).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES) if gone else ():
        store.ox.remove(ox.Quad(t.subject, t.predicate, t.object, graph))
    if added:
        writer.add([ox.Quad(t.subject, t.predicate, t.object, graph)
                    for t in ox.parse("\n".join(added).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)])
    changes.record(name, set(gone), set(added))


# --- what each named graph is made from, and whether that changed ------------------------

@lru_cache(maxsize=1)
def graph_code_version() -> str:
    """Hash of the code that turns facts into triples: graphs from other code are stale."""
    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parent
    for path in (pkg / "rdf.py", pkg / "ns.py", pkg / "iri.py", pkg / "model.py"):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _entity_fields(e: Entity | None) -> list | None:
    """What a graph may read of an entity. Not ``documents``: which documents mention an
    entity changes with every document added, and no graph is written from it."""
    if e is None:
        return None
    return [e.key, e.type, e.label, list(e.aliases), e.kind, e.sector, e.honorific]


class _Entities(Mapping):
    """``resolution.entities`` that notes every key a document's graph looked up."""

    def __init__(self, entities: Mapping[str, Entity], asked: set[str]) -> None:
        self._entities, self._asked = entities, asked

    def __getitem__(self, key: str) -> Entity:
        self._asked.add(key)
        return self._entities[key]

    def __contains__(self, key: object) -> bool:
        self._asked.add(key)  # type: ignore[arg-type]
        return key in self._entities

    def __iter__(self):
        raise _Unrecordable()

    def __len__(self) -> int:
        raise _Unrecordable()


class _Unrecordable(Exception):
    """A graph asked the resolution something that cannot be tracked per key."""


class _Recording:
    """A Resolution that notes what one document's graph asked it (``key`` and entity
    look-ups): the graph needs rewriting only when one of those answers changes."""

    def __init__(self, resolution: Resolution) -> None:
        self._resolution = resolution
        self.ids: set[str] = set()
        self.keys: set[str] = set()
        self.entities = _Entities(resolution.entities, self.keys)

    def key(self, document: str, local_id: str | None) -> str | None:
        if local_id is not None:
            self.ids.add(local_id)
        return self._resolution.key(document, local_id)

    def review(self, document: str, index: int) -> str | None:
        self.ids.add(f"review#{index}")
        return self._resolution.review(document, index)

    def __getattr__(self, name: str):
        raise _Unrecordable()


@dataclass(frozen=True)
class _GraphSource:
    """One named graph to be: how to make its quads, and a fingerprint of its inputs.

    The fingerprint covers the code version, the base, the document's file (or the
    whole input for the entities and ontology graphs) and every answer the resolution
    gave while the graph was last made (``deps``), so an unchanged fingerprint means
    the graph would come out the same and is neither made nor compared again.
    """

    name: str
    inputs: str
    make: Callable[[Any], Any]  # resolution (or a recording of it) -> Triples or quads
    resolution: Resolution | None = None
    document: str | None = None

    @cached_property
    def inputs_digest(self) -> str:
        """``_digest(inputs)``, worked out once (a build checks it twice per graph)."""
        return _digest(self.inputs)

    def fingerprint(self, deps: dict | None) -> str | None:
        if self.resolution is None:
            return _digest(self.inputs)
        if deps is None:
            return None
        r = self.resolution
        doc = self.document or ""
        answers = [[i, r.review(doc, int(i[7:])) if i.startswith("review#") else r.key(doc, i)]
                   for i in deps.get("ids", ())]
        answers += [[k, _entity_fields(r.entities.get(k))] for k in deps.get("keys", ())]
        return _digest(self.inputs + repr(answers))  # repr: as stable as json.dumps here, a third of its time

    def triples(self) -> tuple[Any, dict | None]:
        """(what ``make`` made, the answers it read: None when they cannot be tracked)."""
        if self.resolution is None:
            return self.make(None), None
        recording = _Recording(self.resolution)
        try:
            triples = self.make(recording)
            return triples, {"ids": sorted(recording.ids), "keys": sorted(recording.keys)}
        except _Unrecordable:  # asked something we cannot track: always remake it
            return self.make(self.resolution), None

    def quads(self) -> tuple[list, dict | None, Any]:
        triples, deps = self.triples()
        return (triples.to_quads(self.name) if self.resolution is not None else triples), deps, triples


def _graph_sources(docs: list[_Doc], resolution: Resolution, base: str,
                   file_hashes: dict[str, str]) -> tuple[list[_GraphSource], _GraphSource]:
    """Every named graph the build writes, sorted by name, but the tenures graph (made
    last, from what the others say: returned apart, its ``make`` unused)."""
    code = f"{graph_code_version()} {rules_version()} {base} "
    sources = [
        _GraphSource(name, code + (file_hashes.get(d.document) or _digest(d.text)),
                     partial(_document_triples, d, base), resolution, d.document)
        for name, d in zip(graph_names(base, [d.document for d in docs]), docs, strict=True)]
    ent_name = str(entities_graph_iri(base))
    sources.append(_GraphSource(ent_name, code,  # brought up to date entity by entity (_update_entities)
                                lambda _: entities_triples(resolution, base).to_quads(ent_name)))
    onto_name = str(ontology_graph_iri(base))
    sources.append(_GraphSource(onto_name, code + _digest(ONTOLOGY_FILE.read_text(encoding="utf-8")),
                                lambda _: ontology_quads(onto_name)))
    # tenures read every document graph's memberships and date (kg.rdf.tenure_statements):
    # remade when any document graph's fingerprint changed
    time_source = _GraphSource(str(time_graph_iri(base)), code, lambda _: None)
    return sorted(sources, key=lambda s: s.name), time_source


_PLAIN_ID = re.compile(r"[A-Za-z0-9._~-]*")  # an id graph_iri takes as it is (quote()'s safe set)


def graph_names(base: str, document_ids: Iterable[str]) -> list[str]:
    """``str(graph_iri(base, d))`` for each id, the prefix made once and an id with
    nothing to encode (the usual case) taken as it is: a build names every document's
    graph, and an rdflib term and a quote() call each was 15-20 ms at 10,000 documents.
    (Here, not in kg.rdf: a change there changes graph_code_version, remaking every graph.)"""
    prefix = str(graph_iri(base, ""))
    return [prefix + d if _PLAIN_ID.fullmatch(d) else str(graph_iri(base, d)) for d in document_ids]


def _document_triples(d: _Doc, base: str, resolution: Any) -> Any:
    return document_triples(d.facts, resolution, base=base)


def _entity_digests(resolution: Resolution) -> dict[str, str]:
    """A digest per entity of what the entities graph says of it (and of the code)."""
    return {k: _entity_digest(e) for k, e in resolution.entities.items()}


def _entity_digest(e: Entity) -> str:
    return _digest(graph_code_version() + repr(_entity_fields(e)))  # repr: a third of json.dumps's time, as stable


def _resolution(pack: _Pack, docs: list[_Doc], curation: Curation) -> tuple[Resolution, ResolveState | None]:
    """The documents' resolution, from the grouped state kept in the pack
    (kg.resolve_state): a one-file change regroups the buckets of that file's mentions
    only, and the answers are read from the state when a graph asks. With curation
    (which may join any names) every record is grouped, and the state is dropped."""
    state = ResolveState(pack.db, _entity_digest, graph_code_version())
    if curation != Curation():
        state.clear()
        _load_records(pack, docs)
        return resolve_records([d.record for d in docs], curation), None
    version = _pack_version()
    by_name = {d.document: d for d in docs}
    idents = {d.document: f"{d.file_hash} {version}" if d.file_hash
              else "r" + _digest(json.dumps(d.record.to_json(), ensure_ascii=False, sort_keys=True)) for d in docs}

    def everything() -> dict[str, DocumentRecord]:
        _load_records(pack, docs)
        return {d.document: d.record for d in docs}
    return state.update(idents, lambda doc: by_name[doc].record, everything,
                        {d.document: d.slices for d in docs if d.slices is not None}), state


def _load_records(pack: _Pack, docs: list[_Doc]) -> None:
    """Every document's record at hand, those from the pack read in one query."""
    missing = [d for d in docs if not d.has_record]
    if len(missing) > 100:
        texts = pack.all_records()
        for d in missing:
            if d.document in texts:
                d.set_record(texts[d.document])


@dataclass(frozen=True)
class _Quick:
    """Whether a graph's fingerprint can be taken as it was without working it out.

    Its answers from resolution are the same when its document's answers digest
    (``ResolveState.answers``: every local id's entity key, every review's) is the one
    noted with the fingerprint (``m``) and no entity it read changed (entity digests,
    before and now); its other inputs when their digest (``in``) is. Working out 10,000
    fingerprints (every answer looked up again) was 0.8 s of a one-file rebuild."""

    answers: Mapping[str, str]
    changed: frozenset[str] | None  # entity keys whose digest changed; None: unknown

    @staticmethod
    def of(state: ResolveState | None, before: Mapping[str, str] | None, now: Mapping[str, str]) -> _Quick:
        if state is None:
            return _Quick({}, None)
        changed = None if before is None else frozenset(k for k in {*before, *now} if before.get(k) != now.get(k))
        return _Quick(state.answers(), changed)

    def fingerprint(self, source: _GraphSource, before: dict | None) -> str | None:
        """The graph's fingerprint now, or None when it has none (or had none)."""
        if before is None or before.get("fp") is None:
            return None
        deps = before.get("deps")
        if self.changed is not None and source.document is not None and deps is not None \
                and before.get("m") is not None and before.get("m") == self.answers.get(source.document) \
                and before.get("in") == source.inputs_digest and self.changed.isdisjoint(deps.get("keys", ())):
            return before["fp"]
        return source.fingerprint(deps)

    def marked(self, source: _GraphSource, prints: dict) -> dict:
        """``prints`` with the marks the next build checks (see the class); without
        them when this build has no answers digest for the graph (curation: no state),
        so that marks from an older build never vouch for a fingerprint made since."""
        if source.document is None:
            return prints
        if source.document not in self.answers:
            return {k: v for k, v in prints.items() if k not in ("m", "in")} if "m" in prints or "in" in prints \
                else prints
        m, inputs = self.answers[source.document], source.inputs_digest
        if prints.get("m") == m and prints.get("in") == inputs:
            return prints
        return {**prints, "m": m, "in": inputs}


def _update_entities(store: GraphStore, writer, resolution: Resolution, base: str,
                     before: dict[str, str], now: dict[str, str], changes: _Changes) -> list[str]:
    """Bring the entities graph up to date entity by entity: the triples of entities that
    changed (or went) are deleted, those of changed and new ones added. Every triple of
    that graph has its entity's node as subject (kg.rdf.entities_triples). Remaking the
    whole graph (an entity per person and organisation of every document) was most of a
    one-document rebuild at 1,000 documents. Returns the keys that changed."""
    import pyoxigraph as ox

    changed = sorted(k for k in set(before) | set(now) if before.get(k) != now.get(k))
    if not changed:
        return []
    writer.flush()
    name = str(entities_graph_iri(base))
    graph = ox.NamedNode(name)
    old: set[str] = set()
    if changes.open:
        for k in changed:
            old.update(_line(q) for q in store.ox.quads_for_pattern(ox.NamedNode(str(iri(base, k))), None, None, graph))
    for i in range(0, len(changed), 200):
        store.ox.update(" ;\n".join(f"DELETE WHERE {{ GRAPH <{name}> {{ <{iri(base, k)}> ?p ?o }} }}"
                                     for k in changed[i:i + 200]))
    kept = Resolution({k: resolution.entities[k] for k in changed if k in resolution.entities}, {})
    quads = entities_triples(kept, base).to_quads(name)
    writer.add(quads)
    if changes.open:
        new = _stored_lines(quads)
        changes.record(name, old - new, new - old)
    return changed


_PATCH_MAX_SUBJECTS = 20_000
"""Past this many changed subjects kg.ttl is exported whole: patching would not be faster."""


def _line(q: Any) -> str:
    """A quad's triple as an N-Triples line (without its newline), as pyoxigraph dumps it."""
    return f"{q.subject} {q.predicate} {q.object} ."


def _stored_lines(quads: list) -> set[str]:
    """Quads' triples as N-Triples lines in the form the store gives them back: it keeps
    some literals as values ("0.940"^^xsd:decimal comes back as "0.94"), so lines made
    from our own quads are passed through an in-memory store to compare with its dumps."""
    import pyoxigraph as ox

    if not quads:
        return set()
    memory = ox.Store()
    memory.extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads)
    text = (memory.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b"").decode("utf-8")
    return set(text.split("\n")) - {""}


def _graph_lines(store: GraphStore, name: str) -> set[str]:
    import pyoxigraph as ox

    text = (store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name)) or b"").decode("utf-8")
    return set(text.split("\n")) - {""}  # not splitlines: U+2028 is data


class _Changes:
    """What a build changed in the store, triple by triple, while that stays small: the
    subjects whose blocks of kg.ttl must be written again (GraphStore.patch_turtle) and
    the new count of distinct triples, found from the changed triples alone. Counting
    them all again by SPARQL took 4 s at 10,000 documents, for a one-document change.
    ``open`` is False once too much changed (or nothing can be compared): then kg.ttl is
    exported and the triples counted in full."""

    def __init__(self, open_: bool) -> None:
        self.open = open_
        self.gone: dict[str, set[str]] = {}  # graph -> lines removed from it
        self.added: dict[str, set[str]] = {}  # graph -> lines added to it
        self.subjects: set[str] = set()

    def close(self) -> None:
        self.open = False
        self.gone, self.added, self.subjects = {}, {}, set()

    def record(self, graph: str, gone: set[str], added: set[str]) -> None:
        if not self.open:
            return
        self.gone.setdefault(graph, set()).update(gone)
        self.added.setdefault(graph, set()).update(added)
        self.subjects.update(line.split(" ", 1)[0] for line in (*gone, *added))
        if len(self.subjects) > _PATCH_MAX_SUBJECTS:
            self.close()

    def replace(self, store: GraphStore, name: str, present: bool, quads: list) -> None:
        """Note the difference between graph ``name`` as stored and ``quads`` (before the
        writer replaces it)."""
        if not self.open:
            return
        old = _graph_lines(store, name) if present else set()
        new = _stored_lines(quads)
        self.record(name, old - new, new - old)

    @property
    def touched(self) -> set[str] | None:
        return self.subjects if self.open else None

    def count(self, store: GraphStore, before: int) -> int | None:
        """The distinct triples of the store now (written), from ``before`` and the
        changed triples: a triple counts once if some graph holds it, however many do."""
        import pyoxigraph as ox

        if not self.open:
            return None
        lines = sorted(set().union(*self.gone.values(), *self.added.values()))
        if not lines:
            return before
        triples = list(ox.parse("\n".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
        if len(triples) != len(lines) or any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
                                             for t in triples):
            return None
        count = before
        for line, t in zip(lines, triples, strict=True):
            now = {str(q.graph_name) if isinstance(q.graph_name, ox.NamedNode) else ""
                   for q in store.ox.quads_for_pattern(t.subject, t.predicate, t.object, None)}
            was = any(line not in self.added.get(g[1:-1], ()) for g in now) \
                or any(line in gone for gone in self.gone.values())
            count += bool(now) - was
        return count


# --- outputs ---------------------------------------------------------------------------------

_OUTPUT_NAMES = ("kg.ttl", "facts.jsonl", "entities.jsonl", "manifest.json")
_OUTPUT_FILES = {"turtle": "kg.ttl", "facts": "facts.jsonl", "entities": "entities.jsonl", "view": "graph.html"}


_OUTPUT_INPUTS = {"turtle": ("graphs", "triples"), "view": ("graphs", "triples", "view"),
                  "facts": ("documents",), "entities": ("graphs", "documents")}
"""What each output is made from, among the keys of the manifest's "outputs"."""


def _stale_outputs(store_dir: Path, before: dict | None, now: dict, view: bool) -> set[str]:
    """The outputs to write again: those whose inputs changed since they were written,
    and those that are missing."""
    wanted = set(_OUTPUT_FILES) - (set() if view else {"view"})
    before = before or {}
    return {name for name in wanted
            if any(before.get(k) != now.get(k) for k in _OUTPUT_INPUTS[name])
            or not (store_dir / _OUTPUT_FILES[name]).is_file()}


def _remove_leftovers(store_dir: Path, cache_dir: Path) -> None:
    """Delete the temporary files of builds killed part-way (`write_atomic` renames them
    into place, so a kill between writing and renaming leaves one behind for good).
    Only this build's own kinds of file: another command's temporary file is not ours."""
    leftovers = [*cache_dir.glob(".*.json.*.tmp"), store_dir / ".graph.html.tmp",
                 *store_dir.glob(f".{STORE_SUBDIR}.*.tmp")]
    for name in _OUTPUT_NAMES:
        leftovers.extend(store_dir.glob(f".{name}.*.tmp"))
    for path in leftovers:
        if path.is_symlink() or path.is_file():
            path.unlink(missing_ok=True)


def write_outputs(store: GraphStore, store_dir: Path, docs: list[_Doc], resolution: Resolution,
                  view: bool = True, only: set[str] | None = None,
                  turtle_stamp: TurtleStamp | None = None) -> dict[str, Path]:
    """kg.ttl, facts.jsonl, entities.jsonl and graph.html, each written atomically;
    with ``only``, just those outputs (the others are up to date). A kg.ttl that can be
    patched was patched before (``_write_patched``): one asked for here is exported whole."""
    out = {name: store_dir / file for name, file in _OUTPUT_FILES.items() if view or name != "view"}
    todo = set(out) if only is None else only
    if "turtle" in todo:
        write_atomic(out["turtle"], store.export("turtle"))
    # kg.ttl is this version's export: kept with it for `kg export` (``turtle_stamp``: its
    # size, digest and "_:" as _write_patched wrote it, so it is not read again)
    store.keep_export(out["turtle"], known=turtle_stamp if "turtle" not in todo else None)
    _write_text_outputs(store_dir, todo, docs, resolution)
    if view and "view" in todo:
        from kg.netx import to_networkx
        from kg.viz import build_view, render_html
        tmp = store_dir / ".graph.html.tmp"
        render_html(build_view(to_networkx(store)), tmp)
        tmp.replace(out["view"])
    return out


def _write_text_outputs(store_dir: Path, todo: set[str], docs: list[_Doc], resolution: Resolution) -> None:
    """facts.jsonl and entities.jsonl, those of them in ``todo``, written whole."""
    if "facts" in todo:
        lines = {d.document: d.text for d in docs}
        write_atomic(store_dir / _OUTPUT_FILES["facts"],
                     "".join(lines[k] + "\n" for k in sorted(lines)).encode("utf-8"))
    if "entities" in todo:
        write_atomic(store_dir / _OUTPUT_FILES["entities"], "".join(
            json.dumps(entity_json(e), ensure_ascii=False) + "\n" for _, e in sorted(resolution.entities.items())
        ).encode("utf-8"))


# --- outputs patched rather than written whole (a few documents changed) -----------------

def _write_patched(store: GraphStore | None, store_dir: Path, stale: set[str], touched: set[str] | None,
                   rstate: ResolveState | None, facts: dict[str, str | None] | None,
                   before: TurtleStamp | None = None,
                   then: Callable[[Path, TurtleStamp], None] | None = None) -> tuple[set[str], TurtleStamp | None]:
    """Write what can be written from what changed alone, and return the outputs left
    for ``write_outputs``: kg.ttl patched as a mapped file (``patch_turtle_file``),
    facts.jsonl with the changed documents' lines replaced, entities.jsonl as the lines
    the resolution state keeps (``before``: kg.ttl's stamp, as kept with the last
    version). At 10,000 documents these three were written from Python strings of 115,
    46 and 7 MB on every one-file change. ``then`` is called with kg.ttl and its stamp as
    soon as it is patched (the view cache is folded from it meanwhile: ``_CacheFold``)."""
    left = set(stale)
    turtle = store_dir / _OUTPUT_FILES["turtle"]
    stamp = None
    if "turtle" in left and store is not None and touched is not None and turtle.is_file():
        stamp = store.patch_turtle_file(turtle, turtle, touched, before)
        if stamp is not None:
            left.discard("turtle")
            if then is not None:
                then(turtle, stamp)
    path = store_dir / _OUTPUT_FILES["facts"]
    if "facts" in left and facts is not None and path.is_file() and _patch_lines_file(path, facts):
        left.discard("facts")
    if "entities" in left and rstate is not None:
        write_atomic(store_dir / _OUTPUT_FILES["entities"], rstate.entities_jsonl())
        left.discard("entities")
    return left, stamp


def _facts_changes(before: Mapping[str, tuple[str, str, str]], docs: list[_Doc],
                   last: dict | None) -> dict[str, str | None] | None:
    """The lines of facts.jsonl to change (document -> its new line, or None to drop it),
    or None when facts.jsonl on disk may not be the file of the documents the pack held
    when this build began (then it is written whole)."""
    if not last or last.get("documents") != _digest(rules_version() + json.dumps(
            {d: row[0] for d, row in before.items()}, sort_keys=True)):
        return None
    now = {d.document for d in docs}
    changes: dict[str, str | None] = {d.document: d.text for d in docs if not d.packed}
    changes.update({d: None for d in before if d not in now})
    return changes


_FACTS_LINE = '{"document": "'
_JSON = json.JSONDecoder()


def _line_document(text: Any, start: int) -> str:
    """The document of the facts.jsonl line starting at ``start`` (its first key)."""
    end = text.find(b"\n", start)
    line = text[start:end if end != -1 else len(text)].decode("utf-8")
    if not line.startswith(_FACTS_LINE):
        raise ValueError(start)
    doc = _JSON.raw_decode(line, len(_FACTS_LINE) - 1)[0]
    if not isinstance(doc, str):
        raise ValueError(start)
    return doc


def _find_line(text: Any, key: str, lo: int) -> int:
    """The start of the first line from ``lo`` (a line start) whose document is not
    below ``key``, by bisection over the bytes (lines are in document order)."""
    hi = len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        start = text.rfind(b"\n", 0, mid) + 1
        if _line_document(text, start) < key:
            lo = text.find(b"\n", start) + 1 or len(text)
        else:
            hi = start
    return lo


def _patch_lines_file(path: Path, changes: Mapping[str, str | None]) -> bool:
    """facts.jsonl with the lines of ``changes`` replaced, added or dropped, written as
    runs of the old file (mapped, not read into Python) around them. False (nothing
    written) if the file is not as expected."""
    if not changes:
        return True
    try:
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_size == 0:
                return False
            with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as text:
                n = len(text)
                if text[n - 1:] != b"\n":
                    return False
                view = memoryview(text)
                parts: list[bytes | memoryview] = []
                try:
                    pos = 0
                    for key in sorted(changes):
                        at = _find_line(text, key, pos)
                        parts.append(view[pos:at])
                        pos = at
                        if at < n and _line_document(text, at) == key:  # its old line: left out
                            pos = text.find(b"\n", at) + 1
                        line = changes[key]
                        if line is not None:
                            parts.append((line + "\n").encode("utf-8"))
                    parts.append(view[pos:])
                    write_atomic_parts(path, parts)
                finally:
                    for part in parts:
                        if isinstance(part, memoryview):
                            part.release()
                    view.release()
    except (OSError, ValueError):
        return False
    return True


class _ManifestText:
    """manifest.json, written twice by a build (before the outputs, with what they were
    made from before; after them, with what they are made from now): the large parts
    (a fingerprint per graph, a digest per entity: 8 MB at 10,000 documents) turned into
    JSON once. The bytes are ``json.dumps(manifest, sort_keys=True, separators=(",", ":"))``."""

    def __init__(self, fixed: dict[str, Any]) -> None:
        self.parts = {k: json.dumps(v, sort_keys=True, separators=(",", ":")) for k, v in fixed.items()}

    def with_outputs(self, outputs: Any) -> bytes:
        parts = {**self.parts, "outputs": json.dumps(outputs, sort_keys=True, separators=(",", ":"))}
        return ("{" + ",".join(f"{json.dumps(k)}:{parts[k]}" for k in sorted(parts)) + "}").encode("utf-8")


def _present_graphs(store: GraphStore, described: Mapping[str, str] | None) -> set[str]:
    """The named graphs of the store. When the manifest describes this very version
    (``described``: its graphs), those are what the last build left and no other writer
    has made a version since (``kg load`` makes one, and the manifest no longer
    describes it): they are taken from it rather than read out of RocksDB (0.15 s at
    10,000 graphs). A graph the build left empty is then taken as present: it is made
    again only if what it is made from changed, which is all that rewriting it did."""
    if described is not None:
        return set(described)
    return set(store.graph_names())


def _remove_stale_cache(cache_dir: Path, keep: set[str]) -> None:
    """Delete the cache files (``*.json``, not hidden) of documents no longer built: by
    os.scandir, without a path object per file (a set made once: per file, it was
    quadratic: 21 s at 10,000)."""
    try:
        with os.scandir(cache_dir) as entries:
            names = [e.name for e in entries]
    except OSError:
        return
    for name in names:
        if name.endswith(".json") and not name.startswith(".") and name[:-5] not in keep:
            (cache_dir / name).unlink(missing_ok=True)


# --- a build into an empty store (kg.fullbuild) ------------------------------------------------

def _premade(store: GraphStore, load: BulkLoad, spool: Spool, docs: list[_Doc], resolution: Resolution, base: str,
             jobs: int, progress: Progress | None, pool: GraphPool | None = None) -> dict[str, MadeGraph]:
    """Every document graph and the entities graph made by kg.fullbuild (workers,
    N-Triples text) and handed to ``load`` for the (empty) store; by graph IRI, what the
    build keeps of each document graph."""
    members, reviews = resolution.per_document()

    def tasks() -> Iterator[Task]:
        for d in docs:
            text = d.text
            d._facts = None  # its line is kept (facts.jsonl); the parsed facts are not needed again
            yield Task(d.document, str(graph_iri(base, d.document)), text, tuple(members.get(d.document, ())),
                       tuple(reviews.get(d.document, ())))

    helpers = Helpers(_Recording, _Unrecordable, _said_json)
    report = (lambda n: progress("graphs", n, len(docs))) if progress is not None else None
    store.ox.flush()
    return {m.name: m for m in make_graphs(load, tasks(), len(docs), resolution.entities, base, helpers, jobs,
                                           spool, report, pool, str(entities_graph_iri(base)))}


def _early_pool(paths: list[Path | str], store_dir: Path, jobs: int) -> GraphPool | None:
    """kg.fullbuild's workers, started before extraction when this build will want them:
    into an empty store (no database yet), with several jobs and enough inputs."""
    if jobs <= 1 or (store_dir / STORE_SUBDIR).exists() or FULL_BUILD_MIN_DOCUMENTS > fullbuild.POOL_MIN_DOCUMENTS:
        return None
    try:
        if len(list_inputs(paths).items) < fullbuild.POOL_MIN_DOCUMENTS:
            return None
    except OSError:
        return None
    return GraphPool(jobs)


def _other_graphs(store: GraphStore, names: Iterable[str]) -> Iterator[bytes]:
    """The N-Triples dump of each named graph of ``names`` (the entities, ontology and
    tenures graphs of a build into an empty store)."""
    import pyoxigraph as ox

    for name in sorted(names):
        yield store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name)) or b""
