"""The RDF graph as a networkx graph of the things a reader cares about.

RDF keeps every fact as its own node (memberships, posts, partner relations, theme
mentions) so that each can carry its evidence; a picture of that is a hairball of
bookkeeping. Here those fact nodes are folded into plain, labelled edges ("chairs",
"holds post in", "partner sector", "discusses") that keep the evidence as an attribute,
so views, statistics and GraphML/GEXF exports all start from one readable shape.
Node and edge order is sorted, so the same RDF always gives the same graph.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
import orjson
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS

from kg.ns import OA, SG  # the project's closed namespaces: one definition
from kg.ns import SGS as _SGS
from kg.ns import SGT as _SGT

SGT = str(_SGT._NS)
SGS = str(_SGS._NS)

BOARD_CLASSES = {
    SG.SafeguardingChildrenPartnership, SG.SafeguardingAdultsBoard,
    SG.CommunitySafetyPartnership, SG.MultiAgencyBoard, SG.Board,
}
#: Readable type of an organisation, by its most specific class (first match wins).
ORG_TYPES: tuple[tuple[frozenset[URIRef], str], ...] = (
    (frozenset(BOARD_CLASSES), "Board"),
    (frozenset({SG.LocalAuthority}), "Council"),
    (frozenset({SG.Committee}), "Committee"),
    (frozenset({SG.Agency}), "Agency"),
    (frozenset({SG.NationalBody}), "NationalBody"),
    (frozenset({ORG.Organization, ORG.FormalOrganization, ORG.OrganizationalUnit,
                ORG.OrganizationalCollaboration}), "Organisation"),
)
_ORG_TYPE_IRIS = tuple((frozenset(str(c) for c in group), name) for group, name in ORG_TYPES)
#: Every readable node type, in the order views list them.
TYPES: tuple[str, ...] = (
    "Board", "Council", "Committee", "Agency", "NationalBody", "Organisation", "Person",
    "Theme", "Sector", "Review", "Document", "Meeting", "Statistic",
)

Evidence = dict[str, Any]


@dataclass(frozen=True)
class Stats:
    """Counts per RDF class and per readable type, and the best-connected nodes."""

    triples: int
    nodes: int
    edges: int
    classes: tuple[tuple[str, int], ...]
    types: tuple[tuple[str, int], ...]
    top_boards: tuple[tuple[str, int], ...]
    top_people: tuple[tuple[str, int], ...]
    top_themes: tuple[tuple[str, int], ...]


#: Every predicate to_networkx reads; nothing else is fetched from a store.
READ_PREDICATES: tuple[URIRef, ...] = (
    RDF.type, RDFS.label, FOAF.name, SKOS.prefLabel, SKOS.altLabel, DCTERMS.title, DCTERMS.identifier,
    DCTERMS.source, DCTERMS.date, DCTERMS.subject, SG.kind, SG.honorific, SG.recordsMeeting, SG.council,
    SG.body, SG.mentions, SG.theme, SG.sector, SG.hasPartnerSector, SG.reviewKind, SG.value, SG.unit,
    SG.measure, SG.inDocument, SG.title, SG.partnership, SG.agency, SG.statutory, SG.about, SG.conductedBy,
    PROV.wasDerivedFrom, OA.hasSelector, OA.hasSource, OA.exact, OA.start, OA.end, ORG.unitOf, ORG.postIn,
    ORG.heldBy, ORG.headOf, ORG.member, ORG.organization, ORG.role, ORG.hasMember,
    ORG.originalOrganization, ORG.resultingOrganization,
)


class Lit(str):
    """A literal's lexical form (a str), told apart from an IRI by its type."""

    __slots__ = ()


class _PerPredicate(dict[str, dict[str, list[str]]]):
    """predicate -> (subject -> objects) when ``key`` is 0, (object -> subjects) when 1,
    each map made from the predicate's pairs the first time it is asked for."""

    def __init__(self, pairs: dict[str, list[tuple[str, str]]], key: int) -> None:
        super().__init__()
        self.pairs, self.key = pairs, key

    def __missing__(self, p: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        get = out.get
        pairs = self.pairs.get(p, ())
        for a, b in (pairs if self.key == 0 else ((o, s) for s, o in pairs)):
            found = get(a)
            if found is None:
                out[a] = [b]
            else:
                found.append(b)
        self[p] = out
        return out


class TripleIndex:
    """The triples to_networkx reads, as plain strings in dicts: IRIs are ``str``,
    blank nodes ``"_:id"``, literals ``Lit``.

    Made from a store by SPARQL over the predicates it needs (``from_store``), or from an
    rdflib Graph (``from_rdflib``). Copying a whole store into rdflib to draw it was most
    of ``kg viz``'s time (16 s for 20,000 nodes): rdflib indexes every triple three ways
    and builds a Python object per term. Here the pairs are kept per predicate, and the
    subject -> objects and object -> subjects maps of a predicate are made when first asked.
    """

    def __init__(self, triples: Iterable[tuple[str, str, str]] = (), size: int | None = None) -> None:
        self.p: dict[str, list[tuple[str, str]]] = defaultdict(list)
        n = 0
        for s, p, o in dict.fromkeys(triples):
            self.p[p].append((s, o))
            n += 1
        self.size = n if size is None else size
        self.classes: dict[str, int] | None = None
        self._store: Any = None  # set by from_store: counts are asked for only when stats wants them
        self._sp = _PerPredicate(self.p, 0)  # predicate -> subject -> objects
        self._po = _PerPredicate(self.p, 1)  # predicate -> object -> subjects

    @classmethod
    def from_rdflib(cls, graph: Graph) -> TripleIndex:
        def plain(t: Any) -> str:
            if isinstance(t, Literal):
                return Lit(t)
            return str(t) if isinstance(t, URIRef) else f"_:{t}"
        wanted = set(READ_PREDICATES)
        index = cls(((plain(s), str(p), plain(o)) for s, p, o in graph if p in wanted), size=len(graph))
        return index

    @classmethod
    def from_store(cls, store: Any) -> TripleIndex:
        """From a kg.store.GraphStore (its pyoxigraph store), by one SPARQL SELECT per
        predicate (and per class for rdf:type): reading a term out of the store is most
        of the cost, and a predicate or class that is the same on every row is then read
        once instead of once per row."""
        import pyoxigraph as ox

        kept = store.kept_export() if hasattr(store, "kept_export") else None
        if kept is not None:
            index = cls.from_turtle(kept)
            if index is not None:
                index._store = store
                return index
        db = store.ox
        index = cls()
        named, literal = ox.NamedNode, ox.Literal

        def plain(t: Any) -> str:
            kind = type(t)
            if kind is named:
                return t.value
            return Lit(t.value) if kind is literal else f"_:{t.value}"

        def select(sparql: str) -> Any:
            return db.query(sparql, use_default_graph_as_union=True)

        n = 0
        for p in READ_PREDICATES:
            pairs = index.p[str(p)]
            if p == RDF.type:
                for (c,) in select("SELECT DISTINCT ?c WHERE { ?s a ?c FILTER(isIRI(?c)) }"):
                    c_plain = plain(c)  # str(c) is its N-Triples form, <IRI>, valid in SPARQL
                    pairs.extend((plain(s), c_plain) for (s,) in select(f"SELECT DISTINCT ?s WHERE {{ ?s a {c} }}"))
                pairs.extend((plain(s), plain(c))
                             for s, c in select("SELECT DISTINCT ?s ?c WHERE { ?s a ?c FILTER(!isIRI(?c)) }"))
            else:
                pairs.extend((plain(s), plain(o)) for s, o in select(f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{p}> ?o }}"))
            n += len(pairs)
            if not pairs:
                del index.p[str(p)]
        index.size = n
        index._store = store
        return index

    @classmethod
    def from_turtle(cls, turtle: bytes) -> TripleIndex | None:
        """From the Turtle export kept with a store version (kg.store's ``kept_export``):
        the union's distinct triples, parsed in one pass (3x faster than the SELECTs,
        which decode every term out of RocksDB). None when a triple it reads holds a blank
        node: their labels there are canonical ones, not the store's."""
        import pyoxigraph as ox

        named, literal = ox.NamedNode, ox.Literal
        # Keyed by the parser's own predicate terms (hashed in Rust) and read by attribute:
        # asking every triple's predicate for its str was a third of this loop (at 320,000
        # triples: 1.10 -> 0.77 s of CPU, scripts/bench_viz_store.py). A blank node only
        # matters where the graph reads it: in a triple of a predicate it reads.
        wanted: dict[Any, list[tuple[str, str]]] = {named(str(p)): [] for p in READ_PREDICATES}
        get = wanted.get
        n = 0
        # lenient: IRIs and language tags are not checked again (half the parser's time,
        # 0.54 -> 0.27 s of CPU at 320,000 triples): these bytes are the export this very
        # code's writer made, and their size and SHA-256 matched its stamp (kg.store)
        for q in ox.parse(turtle, format=ox.RdfFormat.TURTLE, lenient=True):
            pairs = get(q.predicate)
            if pairs is None:
                continue
            s, o = q.subject, q.object
            if type(s) is not named:
                return None
            kind = type(o)
            if kind is named:
                pairs.append((s.value, o.value))
            elif kind is literal:
                pairs.append((s.value, Lit(o.value)))
            else:
                return None
            n += 1
        index = cls()
        index.p.update((p.value, pairs) for p, pairs in wanted.items() if pairs)
        index.size = n
        return index

    @classmethod
    def counts_of(cls, store: Any) -> TripleIndex:
        """Only the counts stats needs (triples, resources per class), asked of the store
        now; the graph itself then comes from to_networkx (and its cache)."""
        index = cls()
        index._store = store
        index._counted()
        return index

    def _counted(self) -> None:
        store = self._store
        if store is None or self.classes is not None:
            return
        size = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
        self.size = int(size.rows[0][0].value)
        classes = store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
        self.classes = {c.value: int(n.value) for c, n in classes.rows}

    # the part of rdflib's Graph API that to_networkx uses (terms as plain str)
    def value(self, s: Any, p: str) -> str | None:
        found = self._sp[p].get(s)
        return found[0] if found else None

    def objects(self, s: Any, p: str) -> list[str]:
        if s is None:
            return [o for _, o in self.p.get(p, ())]
        return self._sp[p].get(s, [])

    def subjects(self, p: str, o: Any) -> list[str]:
        return self._po[p].get(o, [])

    def subject_objects(self, p: str) -> list[tuple[str, str]]:
        return self.p.get(p, [])

    def has(self, s: Any, p: str, o: Any) -> bool:
        return o in self._sp[p].get(s, ())

    def by_subject(self, p: str) -> dict[str, list[str]]:
        """subject -> objects of ``p`` (each list non-empty), for loops that ask one
        predicate of many subjects: a dict read instead of a method call each time."""
        return self._sp[p]

    def __len__(self) -> int:
        self._counted()
        return self.size

    def class_counts(self) -> dict[str, int]:
        self._counted()
        if self.classes is None:
            per: dict[str, set[str]] = defaultdict(set)
            for s, c in self.p.get(str(RDF.type), ()):
                per[c].add(s)
            self.classes = {c: len(x) for c, x in per.items()}
        return self.classes


def read_graph(source: Any, counts: bool = True) -> TripleIndex:
    """What to_networkx and stats read: from a GraphStore, an rdflib Graph, or an index.
    From a store, ``counts`` (what only stats needs) asks now for the number of triples
    and of resources per class, before the store is closed; else they are asked for
    when first wanted."""
    if isinstance(source, TripleIndex):
        return source
    if isinstance(source, Graph):
        return TripleIndex.from_rdflib(source)
    index = TripleIndex.from_store(source)
    if counts:
        index._counted()
    return index


class _Plain:
    """A namespace whose terms are plain ``str``, each made once: the index's keys are
    plain strings, and an rdflib namespace builds a new URIRef on every attribute read."""

    def __init__(self, ns: Any) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> str:
        term = str(getattr(self._ns, name))  # a closed namespace still refuses an unknown name
        setattr(self, name, term)
        return term


_RDF, _RDFS, _FOAF, _SKOS, _DCTERMS = _Plain(RDF), _Plain(RDFS), _Plain(FOAF), _Plain(SKOS), _Plain(DCTERMS)
_SG, _ORG, _PROV, _OA = _Plain(SG), _Plain(ORG), _Plain(PROV), _Plain(OA)


def _is_iri(term: Any) -> bool:
    return term is not None and not isinstance(term, Lit) and not str(term).startswith("_:")


class _Builder:
    """Collects nodes and edges in dicts first, so they can be added in sorted order."""

    def __init__(self, g: TripleIndex) -> None:
        self.g = g
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.doc_info: dict[str, dict[str, Any]] = {}
        self.node_docs: dict[str, set[str]] = defaultdict(set)
        self._evidence: dict[str, list[dict[str, Any]]] = {}
        # the subject -> objects maps the per-node and per-fact reads use, looked up once
        # here: they are read about 300,000 times for a 20,000-node graph
        by = g.by_subject
        self._labels = tuple(by(p) for p in (_RDFS.label, _FOAF.name, _SKOS.prefLabel, _DCTERMS.title,
                                             _DCTERMS.identifier))
        self._kind, self._alt = by(_SG.kind), by(_SKOS.altLabel)
        self._derived, self._in_doc = by(_PROV.wasDerivedFrom), by(_SG.inDocument)
        self._selector, self._source = by(_OA.hasSelector), by(_OA.hasSource)
        self._exact, self._start, self._end = by(_OA.exact), by(_OA.start), by(_OA.end)

    # -- reading helpers -------------------------------------------------------------
    def value(self, s: Any, p: str) -> str | None:
        v = self.g.value(s, p)
        return None if v is None else str(v)

    def label(self, s: str) -> str:
        for objects in self._labels:
            found = objects.get(s)
            if found:
                v = found[0]
                if v.strip():
                    return str(v)
        tail = str(s).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        return tail.replace("-", " ").capitalize()

    def evidence(self, fact: str, what: str) -> list[Evidence]:
        """The sentences a fact node was derived from, with their source document.
        (A theme mention's are asked for once per document and board it is about: they
        are read once, after the documents, and copied with each ``what``.)"""
        found = self._evidence.get(fact)
        if found is None:
            found = self._evidence[fact] = self._read_evidence(fact)
        return [{**e, "fact": what} for e in found]

    def _read_evidence(self, fact: str) -> list[dict[str, Any]]:
        derived = self._derived.get(fact)
        if not derived:
            return []
        out = []
        selector, source, doc_info = self._selector, self._source, self.doc_info
        for ev in (sorted(derived) if len(derived) > 1 else derived):  # (str order: as sorted by str)
            found = selector.get(ev)
            sel = found[0] if found else None
            text = start = end = None
            if sel is not None:
                found = self._exact.get(sel)
                text = str(found[0]) if found else None
                found = self._start.get(sel)
                start = found[0] if found else None
                found = self._end.get(sel)
                end = found[0] if found else None
            found = source.get(ev)
            doc = found[0] if found else None
            info = doc_info.get(str(doc), {}) if doc is not None else {}
            out.append({
                "text": text or "",
                "document": info.get("path") or info.get("id") or (str(doc) if doc else ""),
                "start": int(start) if start is not None else None,
                "end": int(end) if end is not None else None,
            })
        return out

    def fact_docs(self, fact: str) -> set[str]:
        docs = set(map(str, self._in_doc.get(fact, ())))
        source = self._source
        for ev in self._derived.get(fact, ()):
            found = source.get(ev)
            if found:
                docs.update(map(str, found))
        return docs

    # -- writing helpers -------------------------------------------------------------
    def node(self, s: str, type_: str, **extra: Any) -> str:
        key = str(s)
        n = self.nodes.get(key)
        if n is None:
            kind, alt = self._kind.get(s), self._alt.get(s)
            n = self.nodes[key] = {
                "label": self.label(s), "type": type_, "kind": (str(kind[0]) if kind else None) or "",
                "iri": key,
                "aliases": sorted(set(map(str, alt))) if alt else [],
                "evidence": [],
            }
        if extra:
            n.update(extra)
        return key

    def edge(self, u: str, v: str, label: str, evidence: Iterable[Evidence] = (),
             docs: Iterable[str] = (), **extra: Any) -> None:
        if u not in self.nodes or v not in self.nodes or u == v:
            return
        key = (u, v, label)
        e = self.edges.get(key)
        if e is None:
            e = self.edges[key] = {"label": label, "evidence": [], "docs": set()}
        if evidence:
            e["evidence"].extend(evidence)
        if docs:
            e["docs"].update(docs)
        if extra:
            e.update(extra)

    def attach(self, keys: Iterable[str], evidence: list[Evidence], docs: Iterable[str]) -> None:
        docs = set(docs)
        for k in keys:
            if k in self.nodes:
                self.nodes[k]["evidence"].extend(evidence)
                self.node_docs[k].update(docs)


def _org_type(g: TripleIndex, s: str) -> str | None:
    classes = set(g.objects(s, _RDF.type))
    for group, name in _ORG_TYPE_IRIS:
        if classes & group:
            return name
    return None


def _number(text: str | None) -> str | None:
    """"15000.0" reads as "15,000" in a label; other values are left as they are."""
    try:
        value = float(text) if text is not None else None
    except ValueError:
        return text
    if value is None:
        return None
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"


def to_networkx(graph: Any, cache: bool = True) -> nx.MultiDiGraph:
    """One node per organisation, person, theme, sector, document, meeting, review and
    statistic; fact nodes folded into labelled edges that carry their evidence.

    Node attributes: label, type, kind, iri, aliases, evidence, documents (document ids),
    council (council labels, a list: an entity can appear in several councils' minutes),
    year (meeting years, a list of ints). Edge keys are the edge labels.

    ``graph`` is a kg.store.GraphStore (read by SPARQL: only the predicates needed), an
    rdflib Graph, or a TripleIndex made by ``read_graph``. From a store on disk, with
    ``cache``, the graph is kept in ``STORE/netx-cache.json`` and served from there while
    the store's database files are unchanged (see ``_cache_stamp``). Inside
    ``cache_written_behind()`` a cache made anew is written by a forked process.
    """
    if (cache and not isinstance(graph, (Graph, TripleIndex)) and getattr(graph, "location", None) is not None
            and not getattr(graph, "versioned", False)):  # a build's copy changes again when it is closed
        return _cached_networkx(graph)
    return _to_networkx(graph)


# -- the cache: the graph kept next to the store ---------------------------------------

#: The cache file, in the store folder (one per store: a new stamp overwrites it).
CACHE_NAME = "netx-cache.json"
_CACHE_FORMAT = "kg-netx-cache/1"


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """The code that shapes the graph (this module, the namespaces, networkx's version):
    a cache written by other code is not served."""
    from kg import ns
    h = hashlib.sha256(nx.__version__.encode())
    for module in (__file__, ns.__file__):
        h.update(Path(module).read_bytes())
    return h.digest()


def _cache_stamp(store: Any) -> str | None:
    """A digest of what the store holds: the export kept with its database version when
    there is one (kg.store.kept_content), else the version's folder and the name, size
    and modification time of each of its files. Every write to RocksDB appends to
    its write-ahead log or adds a table file, and builds write a new version folder, so a
    changed store never matches an old stamp. LOG and LOCK are left out: opening a store
    read-only touches them without changing what it holds. None for a store not on disk."""
    from kg.store import database_files, kept_content

    db = getattr(store, "database", None)
    if db is None:
        return None
    folder = os.path.realpath(db)
    content = kept_content(folder) if getattr(store, "read_only", False) else None
    if content is not None:
        return content_stamp(content)
    files = database_files(folder)  # the kept export (kg-export.*) written beside them left out
    if files is None:
        return None
    h = hashlib.sha256(_code_digest())
    h.update(json.dumps([folder, files]).encode("utf-8"))
    return h.hexdigest()


def content_stamp(content: str) -> str:
    """The cache stamp of a store version whose kept export has SHA-256 ``content``
    (kg.store.kept_content): the triples themselves, so a new version holding the same
    ones (an unchanged rebuild) is served the same cache, and a writer that knows the
    digest of the export it is about to keep can stamp a cache before the store says so
    (``cache_from_export``)."""
    h = hashlib.sha256(_code_digest())
    h.update(f"content:{content}".encode())
    return h.hexdigest()


def cache_graph(store: Any) -> bool:
    """Bring ``STORE/netx-cache.json`` up to date for ``store`` (opened read-only, its
    version's export kept), for a writer that has just made that version: nothing is
    folded when the cache already holds this content (an unchanged rebuild); the graph
    is read from the kept export otherwise. True if the cache is current afterwards."""
    stamp = _cache_stamp(store)
    if stamp is None or getattr(store, "location", None) is None:
        return False
    path = Path(store.location) / CACHE_NAME
    if _cache_is(path, stamp):
        return True
    G = _to_networkx(store)
    if _cache_stamp(store) != stamp:
        return False
    return _write_cache(path, stamp, G)


def cache_from_export(location: str | Path, turtle: bytes, content: str) -> bool:
    """Bring ``location/netx-cache.json`` up to date from ``turtle``, the export a writer
    is keeping with its new version (``content``: its SHA-256, the digest the kept
    export's stamp will hold), without opening the store: what ``cache_graph`` folds,
    stamped as ``_cache_stamp`` will stamp that version (kg.build runs it in a forked
    child while it writes its other outputs). Nothing is folded when the cache already
    holds this content. False when the export holds a blank node the graph reads (its
    labels are not the store's: only the store can be read then) or the folder cannot
    be written; the cache is then left as it was (stale: never served)."""
    stamp = content_stamp(content)
    path = Path(location) / CACHE_NAME
    if _cache_is(path, stamp):
        return True
    with collector_paused():
        index = TripleIndex.from_turtle(turtle)
        if index is None:
            return False
        G = _convert(index)
    return _write_cache(path, stamp, G)


def _cache_is(path: Path, stamp: str) -> bool:
    """Whether the cache file was written for ``stamp``, from its first bytes (orjson
    keeps the order the format and the stamp are written in, see _write_cache); a
    damaged rest is still caught, and the cache rebuilt, by the reader."""
    head = orjson.dumps({"format": _CACHE_FORMAT, "stamp": stamp})[:-1] + b","
    try:
        with open(path, "rb") as f:
            return f.read(len(head)) == head
    except OSError:
        return False


def refresh_cache(store_dir: str | Path, create: bool = False) -> bool:
    """After a writer (``kg load``) made a new version of the store in ``store_dir``,
    write the cache again, so that the next ``kg viz`` is served from it (at 20,000
    nodes: 3 s instead of 7: reading the graph out of the store and folding it into
    networkx is most of a first view, and a writer has just paid for far more); the
    graph is read from the export the writer kept with the version
    (TripleIndex.from_turtle). Without ``create`` a store nobody has drawn (no cache) is
    left alone. True if a cache was written or was already current."""
    from kg.store import GraphStore

    if not create and not (Path(store_dir) / CACHE_NAME).is_file():
        return False
    with GraphStore.open(store_dir, read_only=True) as store:
        return cache_graph(store)  # (a current cache is recognised by its head, not read whole)


def _cached_networkx(store: Any) -> nx.MultiDiGraph:
    """The cached graph when its stamp is the store's, else the graph read by SPARQL and
    written to the cache (only if the store did not change while it was read). A stale
    cache that a build's folding process is bringing up to date (kg.build._CacheFold) is
    waited for and read, rather than folded a second time beside it."""
    from kg.lock import wait_for_fold

    stamp = _cache_stamp(store)
    if stamp is None:
        return _to_networkx(store)
    path = Path(store.location) / CACHE_NAME
    G = _read_cache(path, stamp)
    if G is None and wait_for_fold(store.location):
        G = _read_cache(path, stamp)
    if G is None:
        G = _to_networkx(store)
        if _cache_stamp(store) == stamp and not (_BEHIND and _write_cache_behind(path, stamp, G)):
            _write_cache(path, stamp, G)
    return G


#: The writers started by _write_cache_behind inside cache_written_behind(), else None.
_BEHIND: list[int] | None = None


@contextmanager
def cache_written_behind() -> Iterator[None]:
    """Inside, a cache that to_networkx makes anew is written by a forked process while
    the caller goes on (`kg viz` draws its view meanwhile, on the other core: at 20,000
    nodes writing the cache is 0.1 to 0.2 s); on leaving, the writers are waited for, so
    the cache is in place when the block ends, as without it."""
    global _BEHIND
    outer, _BEHIND = _BEHIND, []
    try:
        yield
    finally:
        pids, _BEHIND = _BEHIND, outer
        for pid in pids:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


def _write_cache_behind(path: Path, stamp: str, G: nx.MultiDiGraph) -> bool:
    """_write_cache in a forked child (see cache_written_behind); False when this
    platform cannot fork. The child has its own copy of G as it is now; it serialises,
    writes and leaves without running this process's exit handlers or touching the store."""
    if not hasattr(os, "fork") or _BEHIND is None:
        return False
    from kg.lock import quiet_fork

    pid = quiet_fork()
    if pid == 0:  # the child
        code = 1
        try:
            code = 0 if _write_cache(path, stamp, G) else 1
        finally:
            os._exit(code)
    _BEHIND.append(pid)
    return True


def _read_cache(path: Path, stamp: str) -> nx.MultiDiGraph | None:
    try:
        text = path.read_bytes()
    except OSError:
        return None
    try:
        with collector_paused():
            data = orjson.loads(text)
            if not isinstance(data, dict) or data.get("format") != _CACHE_FORMAT or data.get("stamp") != stamp:
                return None
            return _graph_of(data["nodes"], data["edges"])
    except (ValueError, TypeError, KeyError, AttributeError, nx.NetworkXError):
        return None  # a damaged cache is rebuilt, not an error


def _write_cache(path: Path, stamp: str, G: nx.MultiDiGraph) -> bool:
    """Written to a temporary file and renamed, so a reader sees the old cache or the
    new, whole. A store folder that cannot be written (read-only media) keeps no cache.

    With the collector paused (the lists of node and edge tuples are half a million new
    containers) and by orjson, which writes the same compact UTF-8 as json.dumps
    (``separators=(",", ":")``, ``ensure_ascii=False``) ten times faster: at 20,000
    nodes writing the cache was 0.8 s of CPU of a first `kg viz`'s 4.5, now 0.2
    (scripts/bench_viz_store.py)."""
    with collector_paused():
        # what G.nodes(data=True) and G.edges(keys=True, data=True) list, read off the
        # adjacency dicts without their views' per-item generators
        data = {"format": _CACHE_FORMAT, "stamp": stamp, "nodes": list(G._node.items()),
                "edges": [(u, v, k, d) for u, out in G._succ.items() for v, keys in out.items()
                          for k, d in keys.items()]}
        text = orjson.dumps(data)
        del data
    from kg.fsutil import write_atomic  # the mode the umask allows, like every other output

    try:
        write_atomic(path, text)
    except OSError:
        return False
    return True


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector paused: reading a graph makes a million containers and no
    cycles, and the collector would scan them again and again (measured at 20,000 nodes:
    conversion 2.1 -> 1.3 s, cache read 1.5 -> 0.5 s). Reference counting still frees."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _to_networkx(graph: Any) -> nx.MultiDiGraph:
    with collector_paused():
        return _convert(graph)


def _convert(graph: Any) -> nx.MultiDiGraph:
    g = read_graph(graph, counts=False)
    b = _Builder(g)

    # Documents and meetings first: every other node's documents/council/year derive from them.
    for doc in sorted(set(g.subjects(_RDF.type, _FOAF.Document)), key=str):
        ident = b.value(doc, _DCTERMS.identifier) or str(doc).rsplit("/", 1)[-1]
        meeting = g.value(doc, _SG.recordsMeeting)
        date = b.value(meeting, _DCTERMS.date) if meeting is not None else None
        council = g.value(meeting, _SG.council) if meeting is not None else None
        b.doc_info[str(doc)] = {
            "id": ident, "path": b.value(doc, _DCTERMS.source) or "",
            "year": int(date[:4]) if date and date[:4].isdigit() else None,
            "council": b.label(council) if council is not None else None,
        }
        b.node(doc, "Document", source=b.value(doc, _DCTERMS.source) or "")
        b.node_docs[str(doc)].add(str(doc))
    for m in sorted(set(g.subjects(_RDF.type, _SG.Meeting)), key=str):
        b.node(m, "Meeting", date=b.value(m, _DCTERMS.date) or "")
        b.node_docs[str(m)].update(str(d) for d in g.subjects(_SG.recordsMeeting, m))

    orgs = set(g.subjects(_RDF.type, _ORG.Organization))
    for group, _ in _ORG_TYPE_IRIS:
        for cls in group:
            orgs.update(g.subjects(_RDF.type, cls))
    for o in sorted(orgs, key=str):
        if _is_iri(o):
            b.node(o, _org_type(g, o) or "Organisation")
    for p in sorted(set(g.subjects(_RDF.type, _FOAF.Person)), key=str):
        b.node(p, "Person", honorific=b.value(p, _SG.honorific) or "")
    concepts = set(g.objects(None, _DCTERMS.subject)) | set(g.objects(None, _SG.theme)) \
        | set(g.objects(None, _SG.sector)) | set(g.objects(None, _SG.hasPartnerSector))
    for c in sorted(concepts, key=str):
        if _is_iri(c) and str(c).startswith(SGT):
            b.node(c, "Theme")
        elif _is_iri(c) and str(c).startswith(SGS):
            b.node(c, "Sector")
    for r in sorted(set(g.subjects(_RDF.type, _SG.CaseReview)), key=str):
        b.node(r, "Review", kind=b.value(r, _SG.reviewKind) or "")
    for st in sorted(set(g.subjects(_RDF.type, _SG.Statistic)), key=str):
        parts = [_number(b.value(st, _SG.value)), b.value(st, _SG.unit), b.value(st, _SG.measure)]
        text = " ".join(x for x in parts if x)
        b.node(st, "Statistic", label=text or b.label(st))

    lbl = lambda k: b.nodes[k]["label"] if k in b.nodes else k  # noqa: E731

    # Document links.
    for doc in sorted(set(g.subjects(_RDF.type, _FOAF.Document)), key=str):
        d = str(doc)
        for m in g.objects(doc, _SG.recordsMeeting):
            b.edge(d, str(m), "records", docs=[d])
        for x in g.objects(doc, _SG.mentions):
            b.edge(d, str(x), "mentions", docs=[d])
            b.node_docs[str(x)].add(d)
        for t in g.objects(doc, _DCTERMS.subject):
            b.node_docs[str(t)].add(d)
    for m in sorted(set(g.subjects(_RDF.type, _SG.Meeting)), key=str):
        docs = b.node_docs[str(m)]
        for body in g.objects(m, _SG.body):
            b.edge(str(m), str(body), "held by", docs=docs)
            b.node_docs[str(body)].update(docs)
        for c in g.objects(m, _SG.council):
            if not any(g.has(body, _ORG.unitOf, c) for body in g.objects(m, _SG.body)):
                b.edge(str(m), str(c), "for council", docs=docs)
            b.node_docs[str(c)].update(docs)
    for u, v in sorted(g.subject_objects(_ORG.unitOf), key=str):
        b.edge(str(u), str(v), "unit of")

    # A fact node may lack any of its parts: these names are reused for them below.
    person: str | None
    org: str | None
    board: str | None
    sector: str | None
    agency: str | None

    # Chairs: person -chairs-> org, evidence from the chair post(s).
    for post in sorted(set(g.subjects(_RDF.type, _ORG.Post)), key=str):
        org = g.value(post, _ORG.postIn)
        for person in sorted(g.objects(post, _ORG.heldBy), key=str):
            if org is None:
                continue
            title = b.value(post, _RDFS.label) or "chair"
            ev = b.evidence(post, f"{lbl(str(person))} chairs {lbl(str(org))}")
            docs = b.fact_docs(post)
            b.edge(str(person), str(org), "chairs", ev, docs, title=title)
            b.attach([str(person), str(org)], ev, docs)
    for person, org in sorted(g.subject_objects(_ORG.headOf), key=str):
        b.edge(str(person), str(org), "chairs")

    # Memberships: person -holds post in-> org, the title kept on the edge.
    for ms in sorted(set(g.subjects(_RDF.type, _ORG.Membership)), key=str):
        person, org = g.value(ms, _ORG.member), g.value(ms, _ORG.organization)
        if person is None:
            continue
        role = g.value(ms, _ORG.role)
        title = b.value(ms, _SG.title) or (b.label(role) if role else "")
        where = f" in {lbl(str(org))}" if org is not None else ""
        ev = b.evidence(ms, f"{lbl(str(person))}: {title}{where}")
        docs = b.fact_docs(ms)
        b.attach([str(person)] + ([str(org)] if org is not None else []), ev, docs)
        if str(person) in b.nodes and title:
            roles = b.nodes[str(person)].setdefault("roles", [])
            if title not in roles:
                roles.append(title)
        if org is not None:
            b.edge(str(person), str(org), "holds post in", ev, docs, title=title)

    # Partners.
    for board, sector in sorted(g.subject_objects(_SG.hasPartnerSector), key=str):
        b.edge(str(board), str(sector), "partner sector")
    for pr in sorted(set(g.subjects(_RDF.type, _SG.PartnerRelation)), key=str):
        board, sector, agency = g.value(pr, _SG.partnership), g.value(pr, _SG.sector), g.value(pr, _SG.agency)
        if board is None:
            continue
        ev = b.evidence(pr, f"{lbl(str(sector))} is a partner of {lbl(str(board))}")
        docs = b.fact_docs(pr)
        statutory = g.value(pr, _SG.statutory)
        extra = {"statutory": statutory in ("true", "1")} if isinstance(statutory, Lit) else {}
        if sector is not None:
            b.edge(str(board), str(sector), "partner sector", ev, docs, **extra)
        if agency is not None:
            b.edge(str(agency), str(board), "partner of", ev, docs)
        b.attach([str(board)] + ([str(agency)] if agency is not None else []), ev, docs)
    for board, agency in sorted(g.subject_objects(_ORG.hasMember), key=str):
        b.edge(str(agency), str(board), "partner of")
    for agency in sorted({k for k, n in b.nodes.items() if n["type"] == "Agency"}):
        for sector in g.objects(agency, _SG.sector):
            b.edge(agency, str(sector), "in sector")

    # Themes: document -discusses-> theme and board -discusses-> theme, per mention.
    for mention in sorted(set(g.subjects(_RDF.type, _SG.ThemeMention)), key=str):
        theme = g.value(mention, _SG.theme)
        if theme is None:
            continue
        t = str(theme)
        docs = b.fact_docs(mention)
        boards = sorted(str(x) for x in g.objects(mention, _SG.about))
        for d in sorted(docs):
            ev = b.evidence(mention, f"{lbl(d)} discusses {lbl(t)}")
            b.edge(d, t, "discusses", ev, [d])
        for board in boards:
            ev = b.evidence(mention, f"{lbl(board)} discusses {lbl(t)}")
            b.edge(board, t, "discusses", ev, docs)
        b.attach([t] + boards, b.evidence(mention, f"discusses {lbl(t)}"), docs)
    for doc, theme in sorted(g.subject_objects(_DCTERMS.subject), key=str):
        b.edge(str(doc), str(theme), "discusses", docs=[str(doc)])

    # Reviews and statistics: -in-> their document; a review -conducted by-> its board.
    for cls in (_SG.CaseReview, _SG.Statistic):
        for r in sorted(set(g.subjects(_RDF.type, cls)), key=str):
            ev = b.evidence(r, lbl(str(r)))
            docs = b.fact_docs(r)
            b.attach([str(r)], ev, docs)
            for d in sorted(g.objects(r, _SG.inDocument), key=str):
                b.edge(str(r), str(d), "in", docs=[str(d)])
            for board in sorted(g.objects(r, _SG.conductedBy), key=str):  # reviews only
                b.edge(str(r), str(board), "conducted by", ev, docs)
                b.node_docs[str(board)].update(docs)

    # Changes: old -replaced by-> new.
    for ch in sorted(set(g.subjects(_RDF.type, _ORG.ChangeEvent)), key=str):
        old, new = g.value(ch, _ORG.originalOrganization), g.value(ch, _ORG.resultingOrganization)
        if old is None or new is None:
            continue
        ev = b.evidence(ch, f"{lbl(str(old))} replaced by {lbl(str(new))}")
        docs = b.fact_docs(ch)
        b.edge(str(old), str(new), "replaced by", ev, docs)
        b.attach([str(old), str(new)], ev, docs)

    return _assemble(b)


def _assemble(b: _Builder) -> nx.MultiDiGraph:
    """Fill in documents/council/year, dedupe evidence, and add everything sorted
    (prepared first and added in two calls: add_node per node was a fifth of the time)."""
    info, node_docs = b.doc_info, b.node_docs
    # per document its id, council and year, each map holding only the documents that
    # have one: a node's sets are then made by map() over its documents, in C (a theme's
    # documents are thousands)
    ids = {d: i["id"] for d, i in info.items()}
    councils = {d: i["council"] for d, i in info.items() if i["council"]}
    years = {d: i["year"] for d, i in info.items() if i["year"] is not None}

    def of(table: dict[str, Any], docs: Iterable[str]) -> list[Any]:
        found = set(map(table.get, docs))
        found.discard(None)
        return sorted(found)

    nodes = []
    none: tuple[str, ...] = ()
    for key in sorted(b.nodes):
        n = b.nodes[key]
        docs = node_docs.get(key, none)
        n["documents"] = of(ids, docs)
        n["council"] = of(councils, docs)
        n["year"] = of(years, docs)
        n["evidence"] = _dedupe(n["evidence"])
        nodes.append((key, n))
    edges = []
    for k in sorted(b.edges):
        e = b.edges[k]  # the builder's own dict, finished in place (the same keys, in the same order)
        e["documents"] = of(ids, e.pop("docs"))
        e["evidence"] = _dedupe(e["evidence"])
        edges.append((*k, e))
    return _graph_of(nodes, edges)


def _graph_of(nodes: Iterable[tuple[str, dict[str, Any]]],
              edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> nx.MultiDiGraph:
    """The graph with these nodes and then these edges, in this order, as
    ``add_nodes_from`` and ``add_edges_from`` make it (the same adjacency dicts, in the
    same order), but each edge's key dict placed directly in ``_succ``/``_pred``, the
    layout networkx documents for subclasses: ``add_edges_from`` goes through
    ``add_edge`` and a key lookup per edge, and was 0.3 s of the 1.3 s fold at 20,000
    nodes and a third of reading the cache. Every endpoint must be a node (KeyError
    otherwise); each (u, v, key) comes once, and the attribute dicts are kept, not copied."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(nodes)
    succ, pred, keydict = G._succ, G._pred, G.edge_key_dict_factory
    for u, v, key, data in edges:
        out = succ[u]
        keys = out.get(v)
        if keys is None:
            if v not in pred:
                raise KeyError(v)
            keys = out[v] = pred[v][u] = keydict()
        if type(data) is not dict:  # a damaged cache file
            raise TypeError(f"edge attributes {data!r}")
        keys[key] = data
    return G


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    if len(evidence) < 2:
        return list(evidence)
    seen, out = set(), []
    for ev in evidence:
        k = (ev["text"], ev["document"], ev["start"], ev["end"], ev["fact"])
        if k not in seen:
            seen.add(k)
            out.append(ev)
    return sorted(out, key=lambda e: (e["document"], e["start"] or 0, e["fact"]))


# -- statistics ------------------------------------------------------------------------

_PREFIXES = {
    str(SG): "sg:", str(ORG): "org:", str(FOAF): "foaf:", str(PROV): "prov:", str(SKOS): "skos:",
    str(OA): "oa:", str(DCTERMS): "dcterms:", str(RDFS): "rdfs:", str(OWL): "owl:", str(RDF): "rdf:",
}


def _curie(iri: str) -> str:
    for ns, prefix in _PREFIXES.items():
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    return iri


def _top(G: nx.MultiDiGraph, type_: str, n: int) -> tuple[tuple[str, int], ...]:
    rows = [(G.nodes[k]["label"], G.degree(k)) for k, d in G.nodes(data=True) if d["type"] == type_]
    return tuple(sorted(rows, key=lambda r: (-r[1], r[0].casefold()))[:n])


def stats(graph: Any, top: int = 5, G: nx.MultiDiGraph | None = None) -> Stats:
    """Counts per rdf:type class and per readable type, and the `top` boards, people and
    themes by degree in the networkx graph (ties by label), so that `kg stats` shows both
    what the RDF holds and what the views will draw. ``graph`` as for to_networkx."""
    graph = read_graph(graph)
    G = to_networkx(graph) if G is None else G
    per_class: dict[str, int] = defaultdict(int)
    for c, n in graph.class_counts().items():
        per_class[_curie(c)] += n
    per_type: dict[str, int] = defaultdict(int)
    for _, d in G.nodes(data=True):
        per_type[d["type"]] += 1
    order = {t: i for i, t in enumerate(TYPES)}
    return Stats(
        triples=len(graph), nodes=G.number_of_nodes(), edges=G.number_of_edges(),
        classes=tuple(sorted(per_class.items(), key=lambda kv: (-kv[1], kv[0]))),
        types=tuple(sorted(per_type.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))),
        top_boards=_top(G, "Board", top), top_people=_top(G, "Person", top),
        top_themes=_top(G, "Theme", top),
    )


def format_stats(s: Stats) -> str:
    """A plain-text report: aligned columns, one section per question."""
    lines = [f"{s.triples} triples; graph view: {s.nodes} nodes, {s.edges} edges", "", "Nodes by type:"]
    lines += [f"  {t:<14} {n:>6}" for t, n in s.types]
    lines += ["", "Resources by class:"]
    width = max((len(c) for c, _ in s.classes), default=10)
    lines += [f"  {c:<{width}} {n:>6}" for c, n in s.classes]
    for title, rows in (("boards", s.top_boards), ("people", s.top_people), ("themes", s.top_themes)):
        lines += ["", f"Most connected {title} (degree):"]
        lines += [f"  {n:>4}  {label}" for label, n in rows] or ["  (none)"]
    return "\n".join(lines)


def flat_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with every attribute a string (lists/dicts as JSON), as GraphML/GEXF need."""
    def flat(attrs: dict[str, Any]) -> dict[str, str]:
        return {k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True)
                for k, v in attrs.items()}
    H = nx.MultiDiGraph()
    for k, d in G.nodes(data=True):
        H.add_node(k, **flat(d))
    for u, v, key, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=key, **flat(d))
    return H
