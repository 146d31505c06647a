"""The persistent graph: an embedded pyoxigraph (RocksDB) store in ``STORE_DIR/oxigraph/``.

Why pyoxigraph rather than an rdflib store: SPARQL over a few hundred thousand triples
stays fast, the data survives between commands without re-parsing Turtle, and writes are
transactional, so an interrupted ``kg build`` never leaves half a document's graph behind.
Modules that need rdflib's API (SHACL, networkx) ask for ``to_rdflib()`` / ``union_graph()``.

Every document's triples live in their own named graph (docs/graph-schema.md); queries
see the union of the named graphs as their default graph. Exports are byte-identical
for the same content, whatever the process, hash seed or order of loading, so they can
be diffed and checked in.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import tempfile
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias
from typing import Literal as TypingLiteral

import pyoxigraph as ox

# Errors live in kg.errors; the store's are re-exported here for callers that know them as kg.store.X.
from kg.errors import MissingStore, QueryTimeout, RdfFileError, StoreError, StoreLocked, UnknownRdfFormat
from kg.fsutil import write_atomic  # noqa: F401  (re-exported)
from kg.iri import DEFAULT_BASE, normalise_base, slug
from kg.lock import writer_lock
from kg.rdfguard import check_jsonld, check_rdfxml

if TYPE_CHECKING:
    import rdflib

# rdflib (and kg.ns, built on it) is imported inside the functions that convert to or
# from it: loading it costs ~0.13 s, more than opening the store and answering a
# typical query, and `kg query` / `kg serve` never need it.

__all__ = [
    "STORE_SUBDIR", "EXPORT_FORMATS", "LOAD_FORMATS", "LOAD_FORMAT_NAMES", "GraphStore", "QueryResult",
    "LoadResult", "Term", "MissingStore", "StoreLocked", "UnknownRdfFormat", "RdfFileError", "QueryTimeout",
    "write_atomic", "loaded_graph_iri", "materialise", "to_rdflib_term", "to_ox_term", "sorted_turtle",
]

STORE_SUBDIR = "oxigraph"
"""The database folder inside the store folder (``build/oxigraph``); ``build/`` also
holds the exports and views other commands write."""

EXPORT_FORMATS = ("turtle", "nt", "jsonld", "trig")

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
# for annotations inside GraphStore, whose ``ox`` property hides the module's name there
_OxQuad: TypeAlias = ox.Quad
_OxTriple: TypeAlias = ox.Triple
_OxNamedNode: TypeAlias = ox.NamedNode
_OxFormat: TypeAlias = ox.RdfFormat
_OxStore: TypeAlias = ox.Store

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_FEW_GRAPHS = 64
"""Up to this many named graphs an export dumps them one by one (see _union_lines)."""

# Format names (what --format takes) and file extensions -> pyoxigraph formats.
LOAD_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS, "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD, "json": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML, "xml": ox.RdfFormat.RDF_XML, "rdf": ox.RdfFormat.RDF_XML,
    "owl": ox.RdfFormat.RDF_XML,
}
_GUARDS = {ox.RdfFormat.JSON_LD: check_jsonld, ox.RdfFormat.RDF_XML: check_rdfxml}

LOAD_FORMAT_NAMES = ("turtle", "nt", "nq", "jsonld", "trig", "rdfxml")
"""The canonical names among LOAD_FORMATS (the others are aliases and extensions)."""
_EXTENSIONS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".nq": "nq",
               ".jsonld": "jsonld", ".json": "jsonld", ".trig": "trig", ".rdf": "rdfxml",
               ".owl": "rdfxml", ".xml": "rdfxml"}
LOAD_EXTENSIONS = frozenset(_EXTENSIONS)
"""File extensions whose format load_file knows without being told."""


# --- results -------------------------------------------------------------------------------

@dataclass(frozen=True)
class QueryResult:
    """A fully read answer: SELECT rows, an ASK boolean or CONSTRUCT/DESCRIBE triples.

    Read to the end inside the store call, so the answer outlives the store and a
    timeout can be enforced; terms are pyoxigraph terms (None = unbound).
    """

    kind: TypingLiteral["select", "ask", "construct"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()

    def records(self) -> list[dict[str, str | None]]:
        """Rows as dicts of plain strings (IRI, literal's lexical form, ``_:id``), for
        callers and tests that want values, not terms."""
        return [{v: _plain(t) for v, t in zip(self.variables, row, strict=False)} for row in self.rows]

    def column(self, name: str) -> list[str | None]:
        """One column's plain values, in row order."""
        i = self.variables.index(name)
        return [_plain(row[i]) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples)


def _plain(term: Term | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


@dataclass(frozen=True)
class LoadResult:
    """What one ``load_file`` stored: new triples/quads and the graphs they went into."""

    path: Path
    statements: int
    added: int
    graphs: tuple[str, ...]


# --- term conversion -------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _rdflib_terms() -> tuple[Any, Any, Any]:
    """rdflib's URIRef, BNode and Literal, imported on first use (a cached call costs
    ~0.05 us, an import statement ~0.7 us: these run once per term)."""
    from rdflib import BNode, Literal, URIRef

    return URIRef, BNode, Literal


def to_ox_term(term: Any) -> Term:
    """rdflib term -> pyoxigraph term (plain rdflib literals become xsd:string, as RDF 1.1 says)."""
    URIRef, BNode, RdfLiteral = _rdflib_terms()
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, RdfLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib_term(term: Term) -> Any:
    """pyoxigraph term -> rdflib term, keeping lexical forms exactly (no normalisation)
    and writing xsd:string literals as plain ones so Turtle does not say ^^xsd:string."""
    URIRef, BNode, RdfLiteral = _rdflib_terms()
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == _XSD_STRING:
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(dt), normalize=False)
    raise TypeError(f"rdflib cannot hold this term: {term!r}")


def _nt(term: Any) -> str:
    """Sort key: a term's N-Triples form (the default graph sorts first, as '')."""
    return "" if isinstance(term, ox.DefaultGraph) else str(term)


def _quad_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (_nt(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def _triple_key(t: ox.Triple) -> tuple[str, str, str]:
    return (str(t.subject), str(t.predicate), str(t.object))


def _has_blank(q: ox.Quad | ox.Triple) -> bool:
    return any(isinstance(t, ox.BlankNode) for t in (q.subject, q.object)) or (
        isinstance(q, ox.Quad) and isinstance(q.graph_name, ox.BlankNode))


def _canonical_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Sorted quads; blank nodes renamed by RDFC-1.0 first so their labels (random per
    load) do not make two exports of the same content differ."""
    quads = list(quads)
    if any(_has_blank(q) for q in quads):
        ds = ox.Dataset(quads)
        ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(ds)
    return sorted(set(quads), key=_quad_key)


def sorted_turtle(triples: Iterable[ox.Triple], prefixes: dict[str, str] | None = None) -> bytes:
    """Turtle written by rdflib from triples added in sorted order with our prefixes bound.

    rdflib's Turtle writer sorts subjects, predicates and objects itself; adding in order
    also fixes the order in which it discovers prefixes, so the bytes depend on the
    content only (checked across processes with different hash seeds in the tests).
    """
    import rdflib

    from kg.ns import PREFIXES

    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, iri in (PREFIXES if prefixes is None else prefixes).items():
        graph.bind(prefix, iri, override=True, replace=True)
    for t in sorted(set(triples), key=_triple_key):
        graph.add((to_rdflib_term(t.subject), to_rdflib_term(t.predicate), to_rdflib_term(t.object)))
    return graph.serialize(format="turtle", encoding="utf-8")


def _sorted_json(node: Any) -> Any:
    """JSON-LD with every unordered array sorted and keys sorted: rdflib builds node
    objects from sets, so its order changes with the hash seed; ``@list`` is ordered."""
    if isinstance(node, dict):
        return {k: (([_sorted_json(v) for v in val]) if k == "@list" and isinstance(val, list)
                    else _sorted_json(val)) for k, val in sorted(node.items())}
    if isinstance(node, list):
        items = [_sorted_json(v) for v in node]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return node


# --- files -----------------------------------------------------------------------------------

def loaded_graph_iri(base: str, path: str | Path) -> str:
    """Where a plain triples file goes when no graph is named: ``{base}graph/loaded/{stem}``."""
    return f"{normalise_base(base)}graph/loaded/{slug(Path(path).stem)}"


def _format_of(path: Path, fmt: str | None) -> tuple[str, ox.RdfFormat]:
    name = (fmt or _EXTENSIONS.get(path.suffix.lower(), "")).lower()
    if name not in LOAD_FORMATS:
        raise UnknownRdfFormat(path, suffix=fmt or path.suffix)
    return name, LOAD_FORMATS[name]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# --- the kept export: kg export's Turtle, written once by the writer that made the version ---

EXPORT_SNAPSHOT = "kg-export.ttl"
"""``export("turtle")`` of a database version, kept inside that version's folder by the
writer that made it (``kg load``, ``kg build``): reading a million stored terms back out
of RocksDB was most of a ``kg export`` (19 s of CPU for 1M triples)."""
EXPORT_STAMP = "kg-export.json"
"""What the kept export was made from; written after it, so a kept export without its
stamp (a writer killed between the two) is never used."""
_KEPT_PREFIX = "kg-"  # RocksDB names its files otherwise (*.sst, *.log, MANIFEST-*, ...)
_EXPORT_FORMAT = "kg-export/1"


def database_files(folder: str | Path) -> list[tuple[str, int, int]] | None:
    """The database's own files with their size and modification time, sorted: every
    write to RocksDB appends to its write-ahead log or adds a table file, so the list
    changes whenever what the store holds does. LOG and LOCK are left out (opening a
    store read-only touches them) and so are the files kept beside it (``kg-*``, and the
    temporary ``.*`` files they are written through).
    None when the folder cannot be read."""
    try:
        return sorted((e.name, st.st_size, st.st_mtime_ns) for e in os.scandir(folder)
                      if not e.name.startswith(("LOG", "LOCK", ".", _KEPT_PREFIX)) for st in (e.stat(),))
    except OSError:
        return None


def _database_state(folder: str | Path) -> str | None:
    files = database_files(folder)
    return None if files is None else hashlib.sha256(json.dumps(files).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _export_code() -> str:
    """What the bytes of an export depend on besides the content: pyoxigraph's writer and
    our prefixes. A kept export written by other code is not served."""
    from kg.ns import PREFIXES

    return hashlib.sha256(json.dumps([_EXPORT_FORMAT, ox.__version__, sorted(PREFIXES.items())])
                          .encode("utf-8")).hexdigest()


def _hash_parts(parts: Iterable[bytes | memoryview]) -> tuple[Any, int]:
    """(SHA-256 of the parts joined, their total length), without joining them."""
    digest, size = hashlib.sha256(), 0
    for part in parts:
        digest.update(part)
        size += len(part)
    return digest, size


def _digest(data: bytes | mmap.mmap) -> str:
    return hashlib.sha256(data).hexdigest()


def _stamp_of(db: str | Path) -> dict[str, Any] | None:
    """The stamp of the export kept with database version ``db`` when it is this code's
    (its format and code as ours), else None: what every reader of a stamp starts from."""
    try:
        stamp = json.loads((Path(db) / EXPORT_STAMP).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("format") != _EXPORT_FORMAT or stamp.get("code") != _export_code():
        return None
    return stamp


def _read_kept_export(db: Path) -> bytes | None:
    """The Turtle kept with database version ``db`` if it can be trusted: its stamp names
    this code, the database files as they are now, and the bytes as they are (size and
    SHA-256). Else None."""
    stamp = _stamp_of(db)
    if stamp is None or stamp.get("state") != _database_state(db):
        return None
    try:
        data = (db / EXPORT_SNAPSHOT).read_bytes()
    except OSError:
        return None
    if len(data) != stamp.get("bytes") or _digest(data) != stamp.get("sha256"):
        return None
    return data


def kept_content(db: str | Path) -> str | None:
    """The SHA-256 of the export kept with database version ``db``, when its stamp matches
    the version's files as they are now and it has no blank nodes (whose labels are the
    store's own elsewhere): an identity of the union's triples that another version with
    the same triples shares (kg.netx stamps its cache with it). None otherwise. The bytes
    are not read: this says what the version holds, not that the file is intact."""
    stamp = _stamp_of(db)
    if stamp is None or stamp.get("blank") is not False or stamp.get("state") != _database_state(db):
        return None
    digest = stamp.get("sha256")
    return digest if isinstance(digest, str) else None


@dataclass(frozen=True)
class TurtleStamp:
    """What the stamp of a kept export says of its bytes: their size, SHA-256, and
    whether "_:" occurs in them (a blank node, or only text that looks like one)."""

    size: int
    sha256: str
    blank: bool


def kept_stamp(db: Path, same_as: Path, state: str | None = None) -> TurtleStamp | None:
    """What the stamp of the export kept with database version ``db`` says of its bytes,
    when that export is the very file ``same_as`` (a hard link to it: ``_keep_export``
    links kg.ttl, which is replaced by rename, never rewritten in place) and the stamp
    is this code's. Lets a build whose kg.ttl did not change keep it with the new
    version without hashing it again (115 MB: 0.2 s of CPU at 10,000 documents). The
    stamp's database state (which speaks of ``db``'s files, not of the bytes) is checked
    only when ``state`` is given: then the stamp must say the files were ``state``.
    None when anything differs; a reader checks the bytes against the stamp anyway."""
    try:
        if not os.path.samestat(os.stat(db / EXPORT_SNAPSHOT), os.stat(same_as)):
            return None
    except OSError:
        return None
    stamp = _stamp_of(db)
    if stamp is None or (state is not None and stamp.get("state") != state):
        return None
    size, digest, blank = stamp.get("bytes"), stamp.get("sha256"), stamp.get("blank")
    if not isinstance(size, int) or not isinstance(digest, str) or not isinstance(blank, bool):
        return None
    try:
        if os.stat(same_as).st_size != size:
            return None
    except OSError:
        return None
    return TurtleStamp(size, digest, blank)


def _keep_export(db: Path, turtle: bytes | mmap.mmap | None, state: str, same_as: Path | None = None,
                 known: TurtleStamp | None = None) -> bool:
    """Write ``turtle`` and then its stamp into version folder ``db`` (each atomically);
    the stamp's ``state`` is the database's, taken by the caller when the bytes were
    made. ``same_as``: a file holding these bytes, linked instead of copied (kg.ttl is
    replaced by rename, never rewritten in place; the digest catches it if it were).
    Not kept (False) when the files changed since, or the folder cannot be written."""
    if _database_state(db) != state:
        return False
    if known is None:
        if turtle is None:
            return False
        known = TurtleStamp(len(turtle), _digest(turtle), turtle.find(b"_:") != -1)
    stamp = {"format": _EXPORT_FORMAT, "code": _export_code(), "state": state,
             "bytes": known.size, "sha256": known.sha256, "blank": known.blank}
    target = db / EXPORT_SNAPSHOT
    try:
        (db / EXPORT_STAMP).unlink(missing_ok=True)  # a stamp never describes other bytes
        linked = False
        if same_as is not None and target.exists() and os.path.samefile(same_as, target):
            linked = True  # already that file (rename() of a link onto the same file does nothing, and
            # would leave the temporary link behind)
        elif same_as is not None:
            tmp = db / f".{EXPORT_SNAPSHOT}.{os.getpid()}.link"
            try:
                tmp.unlink(missing_ok=True)
                os.link(same_as, tmp)
                os.replace(tmp, target)
                linked = True
            except OSError:  # another file system, or links not allowed: a copy
                tmp.unlink(missing_ok=True)
        if not linked:
            if turtle is None and same_as is not None:
                turtle = same_as.read_bytes()
            if turtle is None or len(turtle) != known.size:
                return False
            write_atomic(target, bytes(turtle))
        write_atomic(db / EXPORT_STAMP, json.dumps(stamp, sort_keys=True).encode("utf-8"))
    except OSError:
        return False
    return True


# --- the store -------------------------------------------------------------------------------

def live_database(folder: str | Path) -> Path:
    """The database version readers should open now, the ``STORE/oxigraph`` link resolved
    once: if a build switches the link while RocksDB opens its files one by one, a reader
    must not take CURRENT from one version and the MANIFEST from the next."""
    return Path(os.path.realpath(Path(folder) / STORE_SUBDIR))


@dataclass
class _ExportPlan:
    """How a writer's copy gets its kept export: the version it was copied from (None:
    the store was empty) with that version's files when copied, and the quads
    ``load_file`` added since. Dropped as soon as anything else may write to the copy."""

    source: Path | None
    source_state: str | None
    added: list[ox.Quad]


class GraphStore:
    """The project's quad store. Open with ``GraphStore.open(store_dir)`` (a context
    manager); ``GraphStore.in_memory()`` for tests and throw-away work."""

    versioned = False  # True for a copy made by GraphStore.writing (nobody else reads it)
    database: Path | None = None  # the database folder opened (a version, not the link): kg.netx's cache stamp
    opened_state: str | None = None  # its files when opened read-only (keep_export: nothing changed since)
    _plan: _ExportPlan | None = None  # a writer's copy: how its kept export will be made (see _NextVersion)

    def __init__(self, store: ox.Store, location: Path | None = None, read_only: bool = False) -> None:
        self._store: ox.Store | None = store
        self.location = location
        self.read_only = read_only

    # opening and closing

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> GraphStore:
        """Open the store in folder ``path`` (the database is ``path/oxigraph``).

        Read-only opening needs an existing store (``NoStore`` otherwise: run kg build)
        and may run alongside other readers; read-write opening creates the store and
        is exclusive (``StoreLocked`` when another process has it).
        """
        folder = Path(path)
        db = live_database(folder) if read_only else folder / STORE_SUBDIR
        if read_only and not (db / "CURRENT").is_file():
            raise MissingStore(folder)
        try:
            if read_only:
                store = ox.Store.read_only(str(db))
            else:
                db.mkdir(parents=True, exist_ok=True)
                store = ox.Store(str(db))
        except (OSError, RuntimeError) as exc:  # pyoxigraph raises RuntimeError for a damaged store
            if "lock" in str(exc).lower():
                raise StoreLocked(f"{folder}/") from exc
            raise StoreError(f"{folder}/", detail=_first_line(exc)) from exc
        opened = cls(store, folder, read_only)
        opened.database = db
        if read_only:
            opened.opened_state = _database_state(db)
        return opened

    @classmethod
    def writing(cls, path: str | Path, wait: float = 0.0, notify: Any = None) -> _NextVersion:
        """A writable copy of the store in folder ``path``, made live atomically when the
        ``with`` block ends without an error (see ``_NextVersion``). Holds the folder's
        writer lock meanwhile (kg.lock): another writer waits up to ``wait`` seconds, then
        raises StoreBusy."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        return _NextVersion(folder, wait, notify)

    @classmethod
    def in_memory(cls) -> GraphStore:
        return cls(ox.Store())

    def close(self) -> None:
        """Release the database (pyoxigraph closes it when the last reference goes).

        A store opened for writing is flushed first: RocksDB otherwise keeps the last
        writes only in its write-ahead log, which every later read-only open replays --
        measured 1.1 s per open after `kg load` of 67,000 triples (a 49 MB log), 10 ms
        after a flush. That replay, not the query, was most of a cold `kg query`.
        """
        store, self._store = self._store, None
        if store is not None and not self.read_only and self.location is not None:
            store.flush()

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def ox(self) -> ox.Store:
        """The underlying pyoxigraph store, for what this class does not wrap.

        A writer's copy no longer knows what it holds once the store is handed out (the
        caller may write to it), so it will not keep an export of itself (``_NextVersion``)."""
        self._plan = None
        return self._db()

    def _db(self) -> _OxStore:
        if self._store is None:
            raise StoreError(self.location, detail="already closed")
        return self._store

    def __len__(self) -> int:
        return len(self.ox)

    # writing

    def replace_graph(self, graph_iri: str, graph: rdflib.Graph) -> int:
        """Make named graph ``graph_iri`` hold exactly ``graph``'s triples, atomically.

        One SPARQL UPDATE request (``DROP SILENT GRAPH; INSERT DATA {GRAPH {...}}``) is
        one oxigraph transaction: a crash or error leaves the old graph in place, and no
        reader sees the graph empty. pyoxigraph offers no transaction that spans
        ``remove_graph`` + ``extend``/``load``, so those would be two commits.

        Measured (on-disk store, 40 graphs x 2,000 triples, replaced 3 times):
        converting rdflib terms to pyoxigraph terms + ``extend`` 76-80 ms per graph,
        rdflib N-Triples + ``load`` 75-77 ms, N-Triples in one UPDATE 90-91 ms; for one
        100,000-triple graph: extend 2.0 s, load 3.7 s. Term conversion and N-Triples
        loading are equally fast; the single UPDATE costs ~20% more and is the only
        atomic one, so it is what we use. Returns the number of triples written.
        """
        self._writable()
        target = ox.NamedNode(str(graph_iri))
        try:
            body = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
            self.ox.update(f"DROP SILENT GRAPH {target} ;\nINSERT DATA {{ GRAPH {target} {{\n{body}\n}} }}")
        except OSError:
            raise
        except Exception as exc:  # a term N-Triples cannot write (rdflib: bare Exception) or parse
            raise StoreError(self.location, detail=f"graph {graph_iri} not written: {_first_line(exc)}") from exc
        return len(graph)

    def graph_writer(self, batch: int = 200_000) -> GraphWriter:
        """A writer that replaces many named graphs with pyoxigraph quads in batches
        (see GraphWriter); ``close()`` it to write the last batch."""
        self._writable()
        return GraphWriter(self, batch)

    def remove_graph(self, graph_iri: str) -> None:
        """Delete a named graph and its triples (nothing happens if it does not exist)."""
        self._writable()
        self.ox.update(f"DROP SILENT GRAPH {ox.NamedNode(str(graph_iri))}")

    def load_file(self, path: str | Path, format: str | None = None, graph_iri: str | None = None,
                  base: str = DEFAULT_BASE) -> LoadResult:
        """Add an RDF file (Turtle, N-Triples, N-Quads, JSON-LD, TriG, RDF/XML) to the store.

        The format comes from the extension unless given. TriG and N-Quads keep their
        graphs; triples (and a TriG default graph) go to ``graph_iri``, by default
        ``{base}graph/loaded/{stem}``, never to the store's default graph. The whole file
        is parsed before anything is written, so a bad file adds nothing.
        """
        self._writable()
        path = Path(path)
        name, fmt = _format_of(path, format)
        target = ox.NamedNode(graph_iri or loaded_graph_iri(base, path))
        quads = self._parse(path, name, fmt, target)
        db = self._db()  # not self.ox: what is added here is known (the copy's kept export)
        new = [q for q in dict.fromkeys(quads) if q not in db]
        if self.versioned:
            # A private copy that nobody reads until it is switched live (GraphStore.writing):
            # the non-transactional bulk loader is safe here, and about 5x faster.
            db.bulk_extend(new)
        else:
            db.extend(new)
        if self._plan is not None:
            self._plan.added.extend(new)
        graphs = sorted({q.graph_name.value for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)})
        return LoadResult(path, len(quads), len(new), tuple(graphs))

    def _parse(self, path: Path, name: str, fmt: _OxFormat, target: _OxNamedNode) -> list[_OxQuad]:
        if not path.is_file():
            raise RdfFileError(path, fmt=name, detail="no such file")
        base_iri = path.resolve().as_uri()
        if fmt in _GUARDS:  # nothing in an untrusted file may make us fetch or read (kg.rdfguard)
            _GUARDS[fmt](path)
        try:
            parsed = list(ox.parse(path=str(path), format=fmt, base_iri=base_iri, rename_blank_nodes=True))
        except (SyntaxError, ValueError, OSError) as exc:
            if fmt != ox.RdfFormat.JSON_LD:
                raise RdfFileError(path, fmt=name, detail=_first_line(exc)) from exc
            parsed = self._parse_jsonld_with_rdflib(path, exc)
        out = []
        for q in parsed:
            graph = q.graph_name if isinstance(q, ox.Quad) else ox.DefaultGraph()
            if isinstance(graph, ox.DefaultGraph):
                graph = target
            out.append(ox.Quad(q.subject, q.predicate, q.object, graph))
        return out

    @staticmethod
    def _parse_jsonld_with_rdflib(path: Path, first_error: BaseException) -> list[_OxQuad]:
        """rdflib reads some JSON-LD pyoxigraph refuses (e.g. older context features).
        Only files whose contexts are all inline get here (check_jsonld), so rdflib's
        context loader, which would fetch URLs and read files, is never called."""
        import rdflib

        ds = rdflib.Dataset()
        try:
            ds.parse(path, format="json-ld")
        except Exception as exc:  # rdflib raises many parser-specific types
            raise RdfFileError(path, fmt="jsonld", detail=_first_line(first_error)) from exc
        out = []
        for s, p, o, g in ds.quads((None, None, None, None)):
            gi = g.identifier if g is not None else None  # type: ignore[attr-defined]
            graph = ox.DefaultGraph() if gi is None or gi == rdflib.graph.DATASET_DEFAULT_GRAPH_ID \
                else to_ox_term(gi)
            out.append(ox.Quad(to_ox_term(s), to_ox_term(p), to_ox_term(o), graph))  # type: ignore[arg-type]
        return out

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(self.location, detail="opened read-only")

    # reading

    def graph_names(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self) -> Iterator[_OxQuad]:
        return iter(self.ox.quads_for_pattern(None, None, None, None))

    def query(self, sparql: str, timeout: float | None = None, *,
              prefixes: dict[str, str] | None = None,
              substitutions: dict[str, Term] | None = None) -> QueryResult:
        """Run one SPARQL query with the union of all graphs as the default graph.

        No prefixes are added here (kg.query does that). ``substitutions`` bind
        variables to terms (pyoxigraph's SEP-0007 support), never by editing the text.
        With ``timeout`` the answer is read in a worker thread (pyoxigraph releases the
        GIL) and QueryTimeout is raised when it is late; the abandoned evaluation stops
        at its next row or finishes in the background.
        Raises SyntaxError (pyoxigraph's, with "error at L:C") for invalid SPARQL.
        """
        store = self.ox
        subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        cancelled = threading.Event()

        def evaluate() -> QueryResult:
            answer = store.query(sparql, prefixes=prefixes or None, use_default_graph_as_union=True,
                                 substitutions=subs or None)
            return materialise(answer, cancelled)

        if timeout is None:
            return evaluate()
        box: dict[str, Any] = {}

        def worker() -> None:
            try:
                box["result"] = evaluate()
            except BaseException as exc:  # noqa: BLE001  (handed to the caller's thread)
                box["error"] = exc

        thread = threading.Thread(target=worker, name="kg-query", daemon=True)
        thread.start()
        thread.join(timeout)
        if thread.is_alive():
            cancelled.set()
            raise QueryTimeout(seconds=timeout)
        if "error" in box:
            raise box["error"]
        return box["result"]

    # exporting

    def export(self, fmt: str, kept: bool = True) -> bytes:
        """The whole store as ``turtle`` | ``nt`` (the union as one plain graph) or
        ``trig`` (named graphs kept) | ``jsonld`` (the union, compacted with our prefixes).

        Byte-identical for the same content: triples are sorted by their N-Triples form
        (after canonical blank-node renaming) and written by pyoxigraph's own serialisers
        (rdflib's Turtle writer took 40 s for a million triples, pyoxigraph about one);
        JSON-LD, which pyoxigraph does not write, goes through rdflib and is re-sorted.

        The Turtle kept with this database version by the writer that made it
        (``kept_export``) is served as it is, and N-Triples and JSON-LD read from it; with
        ``kept=False`` (tests, benchmarks) every format is read from the store itself.
        """
        from kg.ns import PREFIXES

        if fmt == "trig":
            lines = self._sorted_quad_lines()
            quads: Iterable[ox.Quad] = (ox.parse(lines, format=ox.RdfFormat.N_QUADS) if lines is not None
                                        else _canonical_quads(self.quads()))
            return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES) or b""
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
        snapshot = self.kept_export() if kept else None
        if snapshot is not None:  # the Turtle kept with this version: the other formats read from it
            if fmt == "turtle":
                return snapshot
            if fmt == "nt":  # its triples in its order: the sorted lines of the export below
                return ox.serialize(ox.parse(snapshot, format=ox.RdfFormat.TURTLE),
                                    format=ox.RdfFormat.N_TRIPLES) or b""
        nt = self._union_lines() if fmt in ("nt", "turtle") else None
        if nt is not None:  # no blank nodes: N-Triples lines sort as they are
            if fmt == "nt":
                return nt
            return ox.serialize(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                                prefixes=PREFIXES) or b""
        triples: Any = self._union_triples() if snapshot is None \
            else list(ox.parse(snapshot, format=ox.RdfFormat.TURTLE))
        if fmt == "nt":
            return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        if fmt == "turtle":
            return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
        if fmt == "jsonld":
            import rdflib

            graph = rdflib.Graph(bind_namespaces="none")
            for t in triples:
                graph.add((to_rdflib_term(t.subject), to_rdflib_term(t.predicate), to_rdflib_term(t.object)))
            text = graph.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
            doc = _sorted_json(json.loads(text))
            return (json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")

    def kept_export(self) -> bytes | None:
        """``export("turtle")`` as kept with the database version this store has open
        (read-only), when its stamp shows it was made from these very files; else None.

        The writers that make a version keep it (``kg load`` from what it loaded,
        ``kg build`` from the kg.ttl it writes, see ``keep_export``); a copy of the store
        made by a later writer does not carry it (RocksDB's backup copies its own files
        only), and a version changed in place no longer matches the stamp."""
        if self.database is None or not self.read_only:
            return None
        return _read_kept_export(self.database)

    def keep_export(self, turtle: bytes | Path, known: TurtleStamp | None = None) -> bool:
        """Keep ``turtle`` -- which the caller vouches is ``export("turtle")`` of this store
        as it was opened read-only (e.g. kg.ttl, written by a build from this version) --
        with the database version, for ``kg export``. Not kept (False) if the database
        files changed since the store was opened or the folder cannot be written."""
        if self.database is None or not self.read_only or self.opened_state is None:
            return False
        if not isinstance(turtle, Path):
            return _keep_export(self.database, turtle, self.opened_state)
        if known is not None:  # worked out as the file was written (patch_turtle_file)
            return _keep_export(self.database, None, self.opened_state, same_as=turtle, known=known)
        try:
            with open(turtle, "rb") as f:
                if os.fstat(f.fileno()).st_size == 0:
                    return _keep_export(self.database, b"", self.opened_state, same_as=turtle)
                with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:  # hashed, not copied
                    return _keep_export(self.database, data, self.opened_state, same_as=turtle)
        except OSError:
            return False

    def _unchanged_export(self) -> tuple[Path, TurtleStamp] | None:
        """When nothing was written to a writer's copy (an unchanged rebuild): the export
        kept with the version it was copied from, and that export's stamp, if the stamp
        still describes that version's files. The copy keeps the same file (a hard link)
        under the same stamp: reading, hashing twice and writing 115 MB again was 0.5 s
        of an unchanged rebuild at 10,000 documents. A reader checks the bytes anyway."""
        plan = self._plan
        if plan is None or plan.source is None or plan.added or plan.source_state is None:
            return None
        snapshot = plan.source / EXPORT_SNAPSHOT
        stamp = kept_stamp(plan.source, snapshot, plan.source_state)
        if stamp is None or _database_state(plan.source) != plan.source_state:
            return None
        return snapshot, stamp

    def _planned_export(self) -> bytes | None:
        """``export("turtle")`` of a writer's copy, worked out from the kept export of the
        version it was copied from and the quads loaded since, without reading the copy's
        million terms back out of RocksDB; None if the copy was written otherwise or the
        version it came from kept no export it can trust."""
        plan = self._plan
        if plan is None:
            return None
        base: bytes | None = None
        if plan.source is not None:
            if _database_state(plan.source) != plan.source_state:
                return None
            base = _read_kept_export(plan.source)
            if base is None:
                return None
            if not plan.added:
                return base
            subjects = {str(q.subject) for q in plan.added}
            if len(subjects) <= 20_000 and not any(_has_blank(q) for q in plan.added):
                patched = self.patch_turtle(base, subjects)  # only the blocks of these subjects written again
                if patched is not None:
                    return patched
        # the union's triples in a store in memory (decoding them is ~7x faster there),
        # exported by the same code as any store: the same triples give the same bytes
        memory = ox.Store()
        if base:
            memory.load(base, format=ox.RdfFormat.TURTLE)
        memory.extend(plan.added)  # in their graphs: no new Python object per quad
        return GraphStore(memory).export("turtle")

    def patch_turtle(self, old: bytes, subjects: Iterable[str]) -> bytes | None:
        """``export("turtle")`` made from an older one by rewriting only some subjects.

        ``old`` is this export of the store as it was before graphs changed; ``subjects``
        (N-Triples forms) every subject of every triple removed or added since. The
        Turtle export is one block per subject in sorted order, each written from that
        subject's triples alone, so the blocks of the other subjects are still right:
        only these are asked for again (one SPARQL SELECT) and put in their places. A
        one-document change at national scale rewrites a few dozen blocks instead of
        reading a million triples back. Returns None when it cannot be sure (blank
        nodes, an escaped local name, a header that differs): export in full then.
        """
        from kg.ns import PREFIXES

        wanted = sorted(set(subjects))
        fresh = self._fresh_blocks(wanted)
        if fresh is None:
            return None
        old_parts = _TurtleIndex.of(old, PREFIXES)
        if old_parts is None or (fresh[1] and fresh[0] != old_parts.header):
            return None
        return old_parts.patched({w + " " for w in wanted}, fresh[1])

    def patch_turtle_file(self, old: Path, target: Path, subjects: Iterable[str],
                          old_stamp: TurtleStamp | None = None) -> TurtleStamp | None:
        """``patch_turtle`` from the file ``old`` into ``target`` (written atomically),
        the old file mapped into memory and written out as runs of it around the new
        blocks: reading 115 MB into Python and joining it again was 0.6 s of a one-file
        rebuild at 10,000 documents. Returns what ``keep_export`` would read the new file
        for (size, SHA-256, whether "_:" occurs), worked out from the parts as they are
        written; None (nothing written) when it cannot be sure. ``old_stamp``: what a kept
        export's stamp says of ``old`` (``kept_stamp``), so that whether "_:" occurs in it
        is not searched for again (0.1 s over 90 MB of IRIs full of underscores)."""
        from kg.fsutil import write_atomic_parts
        from kg.ns import PREFIXES

        wanted = sorted(set(subjects))
        fresh = self._fresh_blocks(wanted)
        if fresh is None:
            return None
        try:
            with open(old, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as text:
                # no "_:" anywhere (the usual case): no blank node, and none in the runs kept
                clean = not old_stamp.blank if old_stamp is not None and old_stamp.size == len(text) \
                    else text.find(b"_:") == -1
                index = _TurtleIndex.of(text, PREFIXES, blank_checked=clean)
                if index is None or (fresh[1] and fresh[0] != index.header):
                    return None
                parts = index.patched_parts({w + " " for w in wanted}, fresh[1])
                if parts is None:
                    return None
                try:
                    # hashed in a thread while this one writes (both let go of the GIL): hashing
                    # 115 MB was 0.2 s of a one-file rebuild at 10,000 documents, before the writing
                    with ThreadPoolExecutor(max_workers=1) as hasher:
                        hashed = hasher.submit(_hash_parts, parts)
                        # every part ends a line, so "_:" cannot straddle two parts
                        blank = not clean or any(isinstance(p, bytes) and b"_:" in p for p in parts)
                        write_atomic_parts(target, parts)
                        digest, size = hashed.result()
                finally:
                    for part in parts:
                        if isinstance(part, memoryview):
                            part.release()
        except (OSError, ValueError):
            return None
        return TurtleStamp(size, digest.hexdigest(), blank)

    def _fresh_blocks(self, wanted: list[str]) -> tuple[str, dict[str, str]] | None:
        """The Turtle blocks of these subjects as the store holds them now (header, blocks)."""
        from kg.ns import PREFIXES

        if any(not (w.startswith("<") and w.endswith(">")) for w in wanted):
            return None
        lines: list[str] = []
        for i in range(0, len(wanted), 500):
            values = " ".join(wanted[i:i + 500])
            answer = self.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} ?s ?p ?o }}")
            for s_, p_, o_ in answer.rows:
                if isinstance(o_, ox.BlankNode):
                    return None
                lines.append(f"{s_} {p_} {o_} .\n")
        fresh = ox.serialize(ox.parse("".join(sorted(set(lines))).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES),
                             format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        return _turtle_blocks(fresh or b"", PREFIXES)

    def _dumped_lines(self) -> Iterator[tuple[bytes, bytes]]:
        """(graph, line) for every quad of the store, from two dumps through temporary files
        (held whole, the dump of 1.9M quads was 1 GB more at the peak): the default graph's
        triples as N-Triples lines with graph b"", then each named graph's quads as N-Quads
        lines with its IRI in brackets (no space in it: the line's last term)."""
        with tempfile.TemporaryFile() as dump:
            self.ox.dump(dump, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
            dump.seek(0)
            default = set(dump)
        yield from ((b"", line) for line in default)
        with tempfile.TemporaryFile() as dump:
            self.ox.dump(dump, format=ox.RdfFormat.N_QUADS)
            dump.seek(0)
            for line in dump:
                if line not in default:  # (the default graph's triples come again, as triples)
                    yield line[line.rindex(b" <") + 1:-3], line

    def _sorted_quad_lines(self) -> bytes | None:
        """Every quad as N-Quads lines in ``_canonical_quads``' order (graph by graph, the
        default graph first, each graph's triples by their N-Triples form), or None when the
        store holds blank nodes (whose labels must first be made canonical).

        One dump of the store sorted as bytes, where making a pyoxigraph quad, a key and a
        sort per quad took 38 s and 1.9 GB for 1.3 million quads. The order is the same:
        a subject or predicate (an IRI, which ends at its only ">") is never the start of
        another, so comparing "s p o" compares (s, p, o); and UTF-8 sorts bytewise in code
        point order, the order of the same terms as str.
        """
        if any(isinstance(g, ox.BlankNode) for g in self.ox.named_graphs()):
            return None
        by_graph: dict[bytes, list[bytes]] = {}
        suspect = False  # "_:" somewhere: a blank node, or only text in a literal
        for graph, line in self._dumped_lines():
            by_graph.setdefault(graph, []).append(line)
            suspect = suspect or b"_:" in line
        if suspect and any(_has_blank(q) for q in ox.parse(
                b"".join(x for lines in by_graph.values() for x in lines if b"_:" in x),
                format=ox.RdfFormat.N_QUADS)):
            return None
        return b"".join(b"".join(sorted(by_graph[g])) for g in sorted(by_graph))

    def _union_lines(self) -> bytes | None:
        """The union's distinct triples as sorted N-Triples lines (one bytes string), or
        None when the store holds blank nodes (whose labels must first be made canonical).

        Each graph is written out by pyoxigraph in one call, so no Python object is made
        per term: turning a million quads into pyoxigraph terms, a set and a sort key
        took three times as long as this. Lines stay bytes: UTF-8 sorts bytewise in code
        point order, the order of the same lines as str, without decoding each one.
        """
        graphs = list(self.ox.named_graphs())
        if any(isinstance(g, ox.BlankNode) for g in graphs):
            return None
        lines: set[bytes] = set()  # each with its b"\n" (binary lines end at b"\n" only: U+2028 is data)
        suspect = False  # "_:" somewhere: a blank node, or only text in a literal
        # graph by graph while they are few (no Python step per line); else every graph in
        # one dump (dumping 10,000 graphs one by one took five times as long); both through
        # a temporary file
        if len(graphs) <= _FEW_GRAPHS:
            for graph in [ox.DefaultGraph(), *graphs]:
                with tempfile.TemporaryFile() as dump:
                    self.ox.dump(dump, format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
                    if dump.tell():
                        with mmap.mmap(dump.fileno(), 0, access=mmap.ACCESS_READ) as view:
                            suspect = suspect or view.find(b"_:") != -1
                        dump.seek(0)
                        lines.update(dump)
        else:
            for iri, line in self._dumped_lines():
                # a quad's line is its triple's with " <graph>" before the " .\n"
                lines.add(line[:-len(iri) - 4] + b" .\n" if iri else line)
                suspect = suspect or b"_:" in line
        if suspect and any(_has_blank(t) for t in ox.parse(b"".join(x for x in lines if b"_:" in x),
                                                           format=ox.RdfFormat.N_TRIPLES)):
            return None
        return b"".join(sorted(lines))

    def _union_triples(self) -> list[_OxTriple]:
        """Every triple of every graph once, sorted by N-Triples form."""
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in self.quads()}
        if any(_has_blank(t) for t in triples):
            quads = _canonical_quads(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
            return [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        return sorted(triples, key=_triple_key)

    def to_rdflib(self) -> rdflib.Dataset:
        """The store as an rdflib Dataset (named graphs kept; default graph = union)."""
        import rdflib

        from kg.ns import PREFIXES

        ds = rdflib.Dataset(default_union=True)
        for prefix, iri in PREFIXES.items():
            ds.bind(prefix, iri, override=True, replace=True)
        for q in self.quads():
            g = ds.default_graph if isinstance(q.graph_name, ox.DefaultGraph) \
                else ds.graph(to_rdflib_term(q.graph_name))
            g.add((to_rdflib_term(q.subject), to_rdflib_term(q.predicate), to_rdflib_term(q.object)))
        return ds

    def union_graph(self) -> rdflib.Graph:
        """All graphs merged into one rdflib Graph, prefixes bound."""
        import rdflib

        from kg.ns import PREFIXES

        graph = rdflib.Graph(bind_namespaces="none")
        for prefix, iri in PREFIXES.items():
            graph.bind(prefix, iri, override=True, replace=True)
        for q in self.quads():
            graph.add((to_rdflib_term(q.subject), to_rdflib_term(q.predicate), to_rdflib_term(q.object)))
        return graph


class GraphWriter:
    """Replaces named graphs by pyoxigraph quads, written in large batches.

    A build makes thousands of graphs; one transaction (or one SPARQL UPDATE string)
    per graph was most of its time. Quads made by kg.rdf go in as they are, collected
    until ``batch`` of them wait, then written at once: by the bulk loader into a copy
    nobody reads yet (``GraphStore.writing``), else in one transaction per batch.
    """

    def __init__(self, store: GraphStore, batch: int = 200_000) -> None:
        self.store, self.batch = store, batch
        self.pending: list[ox.Quad] = []
        self.dropping: list[str] = []  # graphs to empty before the pending quads go in
        self.touched: set[str] = set()

    def replace(self, graph_iri: str, quads: Iterable[ox.Quad]) -> None:
        """Make ``graph_iri`` hold ``quads`` (which must be in that graph) once written."""
        name = str(graph_iri)
        if name in self.touched:  # replaced twice before a flush: keep the order of events
            self.flush()
        self.touched.add(name)
        if self.store.ox.contains_named_graph(ox.NamedNode(name)):
            self.dropping.append(name)
        self.add(quads)

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads to graphs as they are (nothing removed)."""
        self.pending.extend(quads)
        if len(self.pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Empty the graphs being replaced (one UPDATE per 500), then write the quads
        (one bulk load per batch: a bulk load per graph was 70 ms each)."""
        for i in range(0, len(self.dropping), 500):
            self.store.ox.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in self.dropping[i:i + 500]))
        self.dropping = []
        self.touched = set()
        if not self.pending:
            return
        if self.store.versioned:
            self.store.ox.bulk_extend(self.pending)
        else:
            self.store.ox.extend(self.pending)
        self.pending = []

    def close(self) -> None:
        self.flush()


def _turtle_blocks(text: bytes, prefixes: dict[str, str]) -> tuple[str, dict[str, str]] | None:
    """pyoxigraph's Turtle split into its header (the @prefix lines) and one block per
    subject, keyed by the subject's N-Triples form and a space (the order in which the
    export's sorted N-Triples lines put them). None for what this cannot key surely."""
    header: list[str] = []
    blocks: dict[str, str] = {}
    key = None
    for line in text.decode("utf-8").split("\n")[:-1]:
        if line.startswith("@prefix ") and not blocks:
            header.append(line + "\n")
            continue
        if line[:1] in ("\t", " "):
            if key is None:
                return None
            blocks[key] += line + "\n"
            continue
        subject = line.split(" ", 1)[0]
        if subject.startswith("<") and subject.endswith(">"):
            key = subject + " "
        else:
            prefix, colon, local = subject.partition(":")
            if not colon or prefix not in prefixes or "\\" in local or subject.startswith("_:"):
                return None
            key = f"<{prefixes[prefix]}{local}> "
        if key in blocks:
            return None
        blocks[key] = line + "\n"
    return "".join(header), blocks


class _TurtleIndex:
    """An export's Turtle as it is on disk: a patch finds the blocks it replaces by
    bisection over the bytes (the blocks are in sorted order of their keys, see
    ``_turtle_blocks``; a block starts at a line that is not indented) instead of
    splitting a file of a million triples into Python strings (5 s at 10,000 documents)."""

    def __init__(self, text: bytes | mmap.mmap, header_end: int, prefixes: dict[str, str]) -> None:
        self.text, self.begin, self.prefixes = text, header_end, prefixes
        self.header = text[:header_end].decode("utf-8")

    @staticmethod
    def of(text: bytes | mmap.mmap, prefixes: dict[str, str], blank_checked: bool = False) -> _TurtleIndex | None:
        """``text``: bytes, or an mmap of the file (only ``find`` and slices are used);
        ``blank_checked``: the caller knows no line starts with a blank node."""
        n = len(text)
        if (not blank_checked and text.find(b"\n_:") != -1) or (n and text[n - 1:] != b"\n"):
            return None
        end = 0
        while text[end:end + 8] == b"@prefix ":
            end = text.find(b"\n", end) + 1
            if end == 0:
                return None
        if text[end:end + 1] in (b"\t", b" "):
            return None
        return _TurtleIndex(text, end, prefixes)

    def start_from(self, pos: int) -> int:
        """The first block that starts at or after ``pos`` (the end of the text if none)."""
        text, n = self.text, len(self.text)
        if pos <= self.begin:
            return self.begin
        pos = text.find(b"\n", pos - 1)
        while pos != -1 and pos + 1 < n and text[pos + 1:pos + 2] in (b"\t", b" "):
            pos = text.find(b"\n", pos + 1)
        return n if pos == -1 else min(pos + 1, n)

    def key(self, start: int) -> str:
        space = self.text.find(b" ", start)
        if space == -1:
            raise ValueError(start)
        subject = self.text[start:space].decode("utf-8")
        if subject.startswith("<") and subject.endswith(">"):
            return subject + " "
        prefix, colon, local = subject.partition(":")
        if not colon or prefix not in self.prefixes or "\\" in local:
            raise ValueError(subject)
        return f"<{self.prefixes[prefix]}{local}> "

    def find(self, k: str, lo: int) -> int:
        """The start of the first block from ``lo`` on whose key is not below ``k``."""
        n = len(self.text)
        hi = n
        while lo < hi:
            mid = (lo + hi) // 2
            at = self.start_from(mid)
            if at < n and self.key(at) < k:
                lo = at + 1
            else:
                hi = mid
        return self.start_from(lo)

    def patched(self, gone: set[str], blocks: dict[str, str]) -> bytes | None:
        """This Turtle with the blocks of ``gone`` (keys) removed and ``blocks`` put in."""
        parts = self.patched_parts(gone, blocks)
        return None if parts is None else b"".join(parts)

    def patched_parts(self, gone: set[str], blocks: dict[str, str]) -> list[bytes | memoryview] | None:
        """``patched`` as the pieces to write one after the other: the old text's runs
        as views of it (no copy of a 100 MB file into Python), the new blocks as bytes."""
        n = len(self.text)
        view = memoryview(self.text)
        out: list[bytes | memoryview] = [view[:self.begin]]
        pos = self.begin
        try:
            for k in sorted(gone | set(blocks)):
                at = self.find(k, pos)
                out.append(view[pos:at])
                pos = at
                if at < n and self.key(at) == k:  # the old block of k: left out
                    pos = self.start_from(at + 1)
                if k in blocks:
                    out.append(blocks[k].encode("utf-8"))
        except ValueError:
            return None
        out.append(view[pos:])
        return out


def materialise(answer: Any, cancelled: threading.Event | None = None) -> QueryResult:
    """Read a pyoxigraph answer to the end (stopping early once cancelled)."""
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        rows = []
        for solution in answer:
            if cancelled is not None and cancelled.is_set():
                break
            rows.append(tuple(solution[i] for i in range(len(names))))
        return QueryResult("select", variables=names, rows=tuple(rows))
    triples = []
    for t in answer:
        if cancelled is not None and cancelled.is_set():
            break
        triples.append(t)
    return QueryResult("construct", triples=tuple(triples))


# --- versions: writers work on a copy, readers see the old or the new, never a mix ---------

class _NextVersion:
    """A read-write copy of the current database, made live on a clean exit.

    On an exception (or a kill) the copy is left behind unused and is removed by the
    next build; the live link never points at a database that is being written.
    """

    def __init__(self, store_dir: Path, wait: float = 0.0, notify: Any = None) -> None:
        self.store_dir = store_dir
        self.link = store_dir / STORE_SUBDIR
        self.store: GraphStore | None = None
        self._lock = writer_lock(store_dir, wait, notify)

    def __enter__(self) -> GraphStore:
        self._lock.__enter__()  # one writer at a time (kg.lock); released in __exit__
        try:
            return self._open_copy()
        except BaseException:
            self._lock.__exit__(None, None, None)
            raise

    def _open_copy(self) -> GraphStore:
        _tidy_versions(self.store_dir, keep=self._live())
        n = 1 + max((_version_no(p) for p in self.store_dir.glob(f"{STORE_SUBDIR}.*")), default=0)
        self.target = self.store_dir / f"{STORE_SUBDIR}.{n}"
        live = self._live()
        state = None if live is None else _database_state(live)
        if live is not None:
            ox.Store.read_only(str(live)).backup(str(self.target))
        self.store = GraphStore(ox.Store(str(self.target)), self.store_dir)
        self.store.versioned = True
        self.store.database = self.target
        if live is None or state is not None:
            self.store._plan = _ExportPlan(live, state, [])
        return self.store

    def _live(self) -> Path | None:
        if self.link.is_symlink():
            target = self.store_dir / os.readlink(self.link)
            return target if (target / "CURRENT").is_file() else None
        if (self.link / "CURRENT").is_file():
            # a store made before versions existed: adopt it as version 0
            adopted = self.store_dir / f"{STORE_SUBDIR}.0"
            self.link.rename(adopted)
            _switch(self.link, adopted)
            return adopted
        return None

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self._finish(exc_type)
        finally:
            self._lock.__exit__(None, None, None)

    def _finish(self, exc_type) -> None:
        assert self.store is not None
        turtle = None
        same = self.store._unchanged_export() if exc_type is None else None
        if exc_type is None and same is None:
            try:
                turtle = self.store._planned_export()
            except (ValueError, SyntaxError, OSError, RuntimeError):  # a store error: kg export reads the store
                turtle = None
        self.store.ox.flush()
        self.store.close()
        self.store = None
        import gc
        gc.collect()  # pyoxigraph closes the database when the last reference goes
        if exc_type is None:
            if turtle is not None or same is not None:  # written into the new version before it goes live,
                state = _database_state(self.target)  # stamped last
                if state is not None and same is not None:
                    _keep_export(self.target, None, state, same_as=same[0], known=same[1])
                elif state is not None:
                    _keep_export(self.target, turtle, state)
            previous = self._live()
            _switch(self.link, self.target)
            _tidy_versions(self.store_dir, keep=previous, also=self.target)


def _version_no(path: Path) -> int:
    tail = path.name.rsplit(".", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _switch(link: Path, target: Path) -> None:
    """Point ``link`` at ``target`` in one rename (atomic on POSIX)."""
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target.name, tmp)
    os.replace(tmp, link)


def _tidy_versions(store_dir: Path, keep: Path | None, also: Path | None = None) -> None:
    """Remove database versions other than the live one and the one before it (a reader
    may still have the previous one open)."""
    for p in store_dir.glob(f"{STORE_SUBDIR}.*"):
        if p.is_dir() and p not in (keep, also) and _version_no(p) >= 0:
            import shutil
            shutil.rmtree(p, ignore_errors=True)
