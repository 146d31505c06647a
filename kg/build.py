"""`kg build`: documents in, the persistent store and its outputs out, incrementally.

The store folder (``build/`` by default) holds:

- ``oxigraph/``       the persistent store: one named graph per document, plus the
                      entities graph (resolution across documents) and the ontology;
- ``cache/``          each document's facts with the hash of the file they came from and
                      of the extractor's rules, so an unchanged file is not read again;
- ``manifest.json``   the hash of every named graph written, so a graph whose triples did
                      not change is not rewritten;
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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.batch import DEFAULT_BUDGET, iter_facts
from kg.errors import DuplicateId, InputError
from kg.fsutil import write_atomic
from kg.ingest import Listing, list_inputs
from kg.iri import DEFAULT_BASE, normalise_base
from kg.lock import writer_lock
from kg.model import Facts, Resolution
from kg.paths import MODELS_DIR, RULES_DIR
from kg.rdf import document_graph, entities_graph, entities_graph_iri, graph_iri, ontology_graph, ontology_graph_iri
from kg.resolve import Curation, resolve
from kg.store import STORE_SUBDIR, GraphStore

Progress = Callable[[str, int, int], None]


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
        return "\n".join(lines)


@lru_cache(maxsize=1)
def rules_version() -> str:
    """Hash of the extractor's code and rule data: cached facts from other rules are stale."""
    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parent
    for path in sorted([*RULES_DIR.glob("*"), *MODELS_DIR.glob("*"), *(pkg / "extract").glob("*.py"), pkg / "model.py"]):
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _graph_hash(graph) -> str:
    lines = sorted(graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


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
                  progress: Progress | None = None, budget: float | None = DEFAULT_BUDGET) -> tuple[list[Facts], list[InputError], tuple[Path, ...], int]:
    """Facts for every input, from the cache where the file is unchanged; returns
    (facts in input order, errors, skipped files, number extracted now)."""
    listing = list_inputs(paths)
    slots: list[Facts | InputError | None] = []
    todo: list[tuple[int, Path, str | None]] = []
    seen: dict[str, str] = {}
    for item in listing.items:
        if isinstance(item, InputError):
            slots.append(item)
            continue
        if item.stem in seen:
            slots.append(DuplicateId(item, id=item.stem, first=seen[item.stem]))
            continue
        seen[item.stem] = str(item)
        h = _file_hash(item)
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
    return facts, errors, listing.skipped, extracted


def build(paths: Iterable[Path | str], store_dir: Path | str = "build", *args, wait: float = 0.0,
          notify: Callable[[str], None] | None = None, **kwargs) -> BuildReport:
    """``_build`` holding the store's writer lock from the first cache read to the last
    output (kg.lock): a second build or load waits up to ``wait`` seconds, then gets
    StoreBusy; two builds never interleave, so the store ends as one of them."""
    with writer_lock(store_dir, wait, notify):
        return _build(paths, store_dir, *args, **kwargs)


def _build(paths: Iterable[Path | str], store_dir: Path | str = "build", base: str = DEFAULT_BASE,
           curation: Path | None = None, jobs: int = 1, progress: Progress | None = None,
           view: bool = True, budget: float | None = DEFAULT_BUDGET) -> BuildReport:
    """Bring the store in ``store_dir`` in line with the documents under ``paths``
    (``budget``: seconds each document may take to extract; see kg.batch)."""
    store_dir = Path(store_dir)
    base = normalise_base(base)
    cache_dir = store_dir / "cache"
    facts, errors, skipped, extracted = collect_facts(paths, cache_dir, jobs, progress, budget)
    if not facts:
        # Nothing readable (a mistyped path, a folder of bad files): syncing would empty
        # the store and its outputs. Leave the previous build as it was; the CLI exits 2.
        return BuildReport(store_dir, 0, 0, 0, 0, 0, 0, tuple(errors), tuple(skipped))
    resolution = resolve(facts, Curation.load(curation))

    graphs = {str(graph_iri(base, f.document)): document_graph(f, resolution, base) for f in facts}
    graphs[str(entities_graph_iri(base))] = entities_graph(resolution, base)
    graphs[str(ontology_graph_iri(base))] = ontology_graph()

    manifest_path = store_dir / "manifest.json"
    try:
        old = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    old_graphs: dict[str, str] = old.get("graphs", {}) if old.get("base") == base else {}
    new_graphs: dict[str, str] = {}
    written = removed = 0
    store_dir.mkdir(parents=True, exist_ok=True)
    with GraphStore.writing(store_dir) as store:
        if old.get("base") not in (None, base):  # a new base renames every IRI: start again
            for name in store.graph_names():
                if name in old.get("graphs", {}):
                    store.remove_graph(name)
        present = set(store.graph_names())
        for n, (name, graph) in enumerate(sorted(graphs.items()), 1):
            h = _graph_hash(graph)
            new_graphs[name] = h
            if old_graphs.get(name) != h or name not in present:
                store.replace_graph(name, graph)
                written += 1
            if progress:
                progress("store", n, len(graphs))
        for name in sorted(set(old_graphs) - set(graphs)):
            store.remove_graph(name)
            removed += 1
        triples = len(store)
    # the new version is live from here on; then what describes it
    write_atomic(manifest_path, json.dumps({"base": base, "graphs": new_graphs}, indent=1,
                                           sort_keys=True).encode("utf-8"))
    with GraphStore.open(store_dir, read_only=True) as store:
        outputs = write_outputs(store, store_dir, facts, resolution, view)
    for stale in cache_dir.glob("*.json") if cache_dir.is_dir() else ():
        if stale.stem not in {f.document for f in facts} and not any(
                isinstance(e, InputError) and e.path and e.path.stem == stale.stem for e in errors):
            stale.unlink(missing_ok=True)
    _remove_leftovers(store_dir, cache_dir)
    return BuildReport(store_dir, len(facts), extracted, len(facts) - extracted, written, removed, triples,
                       tuple(errors), tuple(skipped), outputs)


_OUTPUT_NAMES = ("kg.ttl", "facts.jsonl", "entities.jsonl", "manifest.json")


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
                  view: bool = True) -> dict[str, Path]:
    """kg.ttl, facts.jsonl, entities.jsonl and graph.html, each written atomically."""
    out = {"turtle": store_dir / "kg.ttl", "facts": store_dir / "facts.jsonl", "entities": store_dir / "entities.jsonl"}
    write_atomic(out["turtle"], store.export("turtle"))
    write_atomic(out["facts"], "".join(json.dumps(f.to_json(), ensure_ascii=False) + "\n"
                                       for f in sorted(facts, key=lambda f: f.document)).encode("utf-8"))
    write_atomic(out["entities"], "".join(json.dumps(entity_json(e), ensure_ascii=False) + "\n"
                                          for _, e in sorted(resolution.entities.items())).encode("utf-8"))
    if view:
        from kg.netx import to_networkx
        from kg.viz import build_view, render_html
        html = store_dir / "graph.html"
        tmp = store_dir / ".graph.html.tmp"
        render_html(build_view(to_networkx(store.union_graph())), tmp)
        tmp.replace(html)
        out["view"] = html
    return out


def entity_json(e) -> dict:
    return {"key": e.key, "type": e.type, "label": e.label, "aliases": list(e.aliases), "kind": e.kind,
            "sector": e.sector, "honorific": e.honorific, "documents": list(e.documents)}
