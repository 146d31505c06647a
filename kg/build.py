"""`kg build`: documents in, the persistent store and its outputs out, incrementally.

The store folder (``build/`` by default) holds:

- ``oxigraph/``       the persistent store: one named graph per document, plus the
                      entities graph (resolution across documents) and the ontology;
- ``cache/``          each document's facts with the hash of the file they came from and
                      of the extractor's rules, so an unchanged file is not read again;
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
one, never from a half-written one. Resolution runs over all documents every time (it is fast), so adding
a document that names a known person links to that person's node.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from kg.batch import DEFAULT_BUDGET, iter_facts
from kg.errors import InputError
from kg.fsutil import write_atomic
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
    time_graph_iri,
    time_triples,
)
from kg.resolve import Curation, resolve
from kg.store import STORE_SUBDIR, GraphStore, live_database

Progress = Callable[[str, int, int], None]

VIEW_MAX_DOCUMENTS = 500
"""Above this many documents a build leaves graph.html to `kg viz` (see ``build``)."""


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


def collect_facts(paths: Iterable[Path | str], cache_dir: Path | None, jobs: int = 1,
                  progress: Progress | None = None, budget: float | None = DEFAULT_BUDGET
                  ) -> tuple[list[Facts], list[InputError], tuple[Path, ...], int, dict[str, str]]:
    """Facts for every input, from the cache where the file is unchanged; returns
    (facts in input order, errors, skipped files, number extracted now, the hash of
    each document's file by document id)."""
    listing = list_inputs(paths)
    slots: list[Facts | InputError | None] = []
    hashes: dict[str, str] = {}
    todo: list[tuple[int, Path, str | None]] = []
    for item in listing.items:
        if isinstance(item, InputError):  # duplicate ids included: list_inputs decides them
            slots.append(item)
            continue
        h = _file_hash(item)
        if h is not None:
            hashes[item.stem] = h
        hit = _cached(cache_dir, item.stem, h) if cache_dir else None
        slots.append(hit)
        if hit is None:
            todo.append((len(slots) - 1, item, h))
    total = len(todo)
    extracted = 0  # files read now (not errors: they were attempted, not extracted)
    for n, (item, (slot, path, h)) in enumerate(zip(iter_facts(Listing(tuple(p for _, p, _ in todo)), jobs, budget), todo), 1):
        slots[slot] = item
        extracted += isinstance(item, Facts)
        if cache_dir is not None and isinstance(item, Facts) and h is not None:
            payload = {"file": h, "rules": rules_version(), "facts": item.to_json()}
            write_atomic(cache_dir / f"{item.document}.json",
                         json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        if progress:
            progress("extract", n, total)
    facts = [s for s in slots if isinstance(s, Facts)]
    errors = [s for s in slots if isinstance(s, InputError)]
    return facts, errors, listing.skipped, extracted, {f.document: hashes.get(f.document, "") for f in facts}


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
    facts, errors, skipped, extracted, file_hashes = collect_facts(paths, cache_dir, jobs, progress, budget)
    if not facts:
        # Nothing readable (a mistyped path, a folder of bad files): syncing would empty
        # the store and its outputs. Leave the previous build as it was; the CLI exits 2.
        return BuildReport(store_dir, 0, 0, 0, 0, 0, 0, tuple(errors), tuple(skipped))
    resolution = resolve(facts, Curation.load(curation))

    manifest_path = store_dir / "manifest.json"
    try:
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    same_base = old.get("base") == base
    old_graphs: dict[str, str] = old.get("graphs", {}) if same_base else {}
    old_prints: dict[str, dict] = old.get("fingerprints", {}) if same_base else {}
    new_graphs: dict[str, str] = {}
    new_prints: dict[str, dict] = {}
    written = removed = 0
    store_dir.mkdir(parents=True, exist_ok=True)
    live_before = live_database(store_dir).name if (store_dir / STORE_SUBDIR).exists() else None
    touched: set[str] | None = set()  # subjects of triples removed or added, while few
    with GraphStore.writing(store_dir) as store:
        if old.get("base") not in (None, base):  # a new base renames every IRI: start again
            touched = None
            for name in store.graph_names():
                if name in old.get("graphs", {}):
                    store.remove_graph(name)
        present = set(store.graph_names())
        writer = store.graph_writer()
        sources = _graph_sources(facts, resolution, base, file_hashes)
        ent_name = str(entities_graph_iri(base))
        ent_digests = _entity_digests(resolution)
        old_ent = old.get("entities") if same_base else None
        for n, source in enumerate(sources, 1):
            name = source.name
            before = old_prints.get(name)
            if name == ent_name:
                h = _digest(json.dumps(ent_digests, sort_keys=True))
                new_graphs[name] = h
                if old_ent is not None and name in present and name in old_graphs:
                    changed = _update_entities(store, writer, resolution, base, old_ent, ent_digests)
                    written += bool(changed)
                    if touched is not None:
                        touched.update(f"<{iri(base, k)}>" for k in changed)
                elif old_graphs.get(name) != h or name not in present:
                    quads, _ = source.quads()
                    touched = _touch(touched, store, name if name in present else None, quads)
                    writer.replace(name, quads)
                    written += 1
            elif before is not None and before.get("fp") is not None and name in present and name in old_graphs \
                    and source.fingerprint(before.get("deps")) == before.get("fp"):
                new_graphs[name], new_prints[name] = old_graphs[name], before  # nothing it reads changed
            else:
                quads, deps = source.quads()
                h = _quads_hash(quads)
                new_graphs[name] = h
                new_prints[name] = {"fp": source.fingerprint(deps), "deps": deps}
                if old_graphs.get(name) != h or name not in present:
                    touched = _touch(touched, store, name if name in present else None, quads)
                    writer.replace(name, quads)
                    written += 1
            if progress:
                progress("store", n, len(sources))
        writer.close()
        for name in sorted(set(old_graphs) - set(new_graphs)):
            touched = _touch(touched, store, name, ())
            store.remove_graph(name)
            removed += 1
        # Distinct triples, as `kg stats` and every query see them: a triple stated in two
        # documents' graphs is one triple of the graph (len(store) counts it per graph).
        triples = int(store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                                  "WHERE { ?s ?p ?o } }").rows[0][0].value)
    # the new version is live from here on; then what describes it
    view_skipped = view is None and len(facts) > VIEW_MAX_DOCUMENTS
    view = (len(facts) <= VIEW_MAX_DOCUMENTS) if view is None else view
    changed = {"graphs": _digest(json.dumps(new_graphs, sort_keys=True)), "triples": triples,
               "documents": _digest(rules_version() + json.dumps(file_hashes, sort_keys=True)), "view": view,
               "version": live_database(store_dir).name}
    before = old.get("outputs") or {}
    patch = touched if (before.get("version") == live_before and live_before is not None) else None
    stale = _stale_outputs(store_dir, old.get("outputs"), changed, view)
    write_atomic(manifest_path, json.dumps({"base": base, "graphs": new_graphs, "fingerprints": new_prints,
                                            "entities": ent_digests, "outputs": old.get("outputs")}, sort_keys=True,
                                           separators=(",", ":")).encode("utf-8"))
    with GraphStore.open(store_dir, read_only=True) as store:
        outputs = write_outputs(store, store_dir, facts, resolution, view, only=stale, touched=patch)
    write_atomic(manifest_path, json.dumps({"base": base, "graphs": new_graphs, "fingerprints": new_prints,
                                            "entities": ent_digests, "outputs": changed}, sort_keys=True,
                                           separators=(",", ":")).encode("utf-8"))
    keep = {f.document for f in facts} | {e.path.stem for e in errors if isinstance(e, InputError) and e.path}
    for stale in cache_dir.glob("*.json") if cache_dir.is_dir() else ():
        if stale.stem not in keep:  # (a set made once: per file, it was quadratic: 21 s at 10,000)
            stale.unlink(missing_ok=True)
    _remove_leftovers(store_dir, cache_dir)
    if view_skipped:  # an older, smaller graph's view would mislead
        (store_dir / _OUTPUT_FILES["view"]).unlink(missing_ok=True)
    notes = (f"graph.html not written for {len(facts)} documents (more than {VIEW_MAX_DOCUMENTS}): "
             f"`kg viz --store {store_dir}` draws it, or one board with --focus",) if view_skipped else ()
    return BuildReport(store_dir, len(facts), extracted, len(facts) - extracted, written, removed, triples,
                       tuple(errors), tuple(skipped), outputs, notes)


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

    def fingerprint(self, deps: dict | None) -> str | None:
        if self.resolution is None:
            return _digest(self.inputs)
        if deps is None:
            return None
        r = self.resolution
        answers = [[i, r.review(self.document, int(i[7:])) if i.startswith("review#") else r.key(self.document, i)]
                   for i in deps.get("ids", ())]
        answers += [[k, _entity_fields(r.entities.get(k))] for k in deps.get("keys", ())]
        return _digest(self.inputs + json.dumps(answers, ensure_ascii=False, sort_keys=True))

    def quads(self) -> tuple[list, dict | None]:
        if self.resolution is None:
            return self.make(None), None
        recording = _Recording(self.resolution)
        try:
            triples = self.make(recording)
            deps = {"ids": sorted(recording.ids), "keys": sorted(recording.keys)}
        except _Unrecordable:  # asked something we cannot track: always remake it
            triples, deps = self.make(self.resolution), None
        return triples.to_quads(self.name), deps


def _graph_sources(facts: list[Facts], resolution: Resolution, base: str,
                   file_hashes: dict[str, str]) -> list[_GraphSource]:
    """Every named graph the build writes, sorted by name."""
    code = f"{graph_code_version()} {rules_version()} {base} "
    sources = [
        _GraphSource(str(graph_iri(base, f.document)), code + (file_hashes.get(f.document) or _facts_digest(f)),
                     partial(document_triples, f, base=base), resolution, f.document)
        for f in facts]
    entities = json.dumps([_entity_fields(resolution.entities[k]) for k in sorted(resolution.entities)],
                          ensure_ascii=False)
    ent_name = str(entities_graph_iri(base))
    sources.append(_GraphSource(ent_name, code + entities,
                                lambda _: entities_triples(resolution, base).to_quads(ent_name)))
    # tenures read every document's memberships and date: remade when any document or
    # any resolution answer changed (kg.rdf.time_triples)
    time_name = str(time_graph_iri(base))
    docs = json.dumps([[f.document, file_hashes.get(f.document) or _facts_digest(f)] for f in facts])
    members = json.dumps(sorted([d, i, k] for (d, i), k in resolution.members.items()))
    sources.append(_GraphSource(time_name, code + _digest(docs + entities + members),
                                lambda _: time_triples(facts, resolution, base).to_quads(time_name)))
    onto_name = str(ontology_graph_iri(base))
    sources.append(_GraphSource(onto_name, code + _digest(ONTOLOGY_FILE.read_text(encoding="utf-8")),
                                lambda _: ontology_quads(onto_name)))
    return sorted(sources, key=lambda s: s.name)


def _entity_digests(resolution: Resolution) -> dict[str, str]:
    """A digest per entity of what the entities graph says of it (and of the code)."""
    code = graph_code_version()
    return {k: _digest(code + json.dumps(_entity_fields(e), ensure_ascii=False))
            for k, e in resolution.entities.items()}


def _update_entities(store: GraphStore, writer, resolution: Resolution, base: str,
                     before: dict[str, str], now: dict[str, str]) -> list[str]:
    """Bring the entities graph up to date entity by entity: the triples of entities that
    changed (or went) are deleted, those of changed and new ones added. Every triple of
    that graph has its entity's node as subject (kg.rdf.entities_triples). Remaking the
    whole graph (an entity per person and organisation of every document) was most of a
    one-document rebuild at 1,000 documents. Returns the keys that changed."""
    changed = sorted(k for k in set(before) | set(now) if before.get(k) != now.get(k))
    if not changed:
        return []
    writer.flush()
    graph = f"<{entities_graph_iri(base)}>"
    for i in range(0, len(changed), 200):
        store.ox.update(" ;\n".join(f"DELETE WHERE {{ GRAPH {graph} {{ <{iri(base, k)}> ?p ?o }} }}"
                                     for k in changed[i:i + 200]))
    kept = Resolution({k: resolution.entities[k] for k in changed if k in resolution.entities}, {})
    writer.add(entities_triples(kept, base).to_quads(str(entities_graph_iri(base))))
    return changed


_PATCH_MAX_SUBJECTS = 20_000
"""Past this many changed subjects kg.ttl is exported whole: patching would not be faster."""


def _touch(touched: set[str] | None, store: GraphStore, old_graph: str | None, quads) -> set[str] | None:
    """Add the subjects of a graph about to be replaced or removed (as it is in the
    store) and of its new quads; None once there are too many to be worth patching."""
    if touched is None:
        return None
    if old_graph is not None:
        answer = store.query(f"SELECT DISTINCT ?s WHERE {{ GRAPH <{old_graph}> {{ ?s ?p ?o }} }}")
        touched.update(str(row[0]) for row in answer.rows)
    touched.update(str(q.subject) for q in quads)
    return touched if len(touched) <= _PATCH_MAX_SUBJECTS else None


def _facts_digest(f: Facts) -> str:
    return _digest(json.dumps(f.to_json(), ensure_ascii=False, sort_keys=True))


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


def write_outputs(store: GraphStore, store_dir: Path, facts: list[Facts], resolution: Resolution,
                  view: bool = True, only: set[str] | None = None,
                  touched: set[str] | None = None) -> dict[str, Path]:
    """kg.ttl, facts.jsonl, entities.jsonl and graph.html, each written atomically;
    with ``only``, just those outputs (the others are up to date). ``touched``: the
    subjects whose triples changed since the kg.ttl on disk was written from the store,
    so that only their blocks are written again (GraphStore.patch_turtle)."""
    out = {name: store_dir / file for name, file in _OUTPUT_FILES.items() if view or name != "view"}
    todo = set(out) if only is None else only
    if "turtle" in todo:
        turtle = None
        if touched is not None and out["turtle"].is_file():
            turtle = store.patch_turtle(out["turtle"].read_bytes(), touched)
        write_atomic(out["turtle"], turtle if turtle is not None else store.export("turtle"))
    if "facts" in todo:
        write_atomic(out["facts"], "".join(json.dumps(f.to_json(), ensure_ascii=False) + "\n"
                                           for f in sorted(facts, key=lambda f: f.document)).encode("utf-8"))
    if "entities" in todo:
        write_atomic(out["entities"], "".join(json.dumps(entity_json(e), ensure_ascii=False) + "\n"
                                              for _, e in sorted(resolution.entities.items())).encode("utf-8"))
    if view and "view" in todo:
        from kg.netx import to_networkx
        from kg.viz import build_view, render_html
        tmp = store_dir / ".graph.html.tmp"
        render_html(build_view(to_networkx(store)), tmp)
        tmp.replace(out["view"])
    return out


def entity_json(e) -> dict:
    return {"key": e.key, "type": e.type, "label": e.label, "aliases": list(e.aliases), "kind": e.kind,
            "sector": e.sector, "honorific": e.honorific, "documents": list(e.documents)}
