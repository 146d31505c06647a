"""Check a graph against ontology/shapes.ttl and say, in plain words, what is wrong.

The shapes need the ontology beside the data: ``sh:class`` must see that a
sg:SafeguardingChildrenPartnership is an org:Organization, and a theme mention's theme
must be ``skos:inScheme sg:themes``. So the whole ontology is added to a copy of the
data graph here, rather than handed to pyshacl as ``ont_graph``: pyshacl copies only
RDFS/OWL axioms from an ``ont_graph`` (not the SKOS theme and sector concepts), and
declaring the concepts owl:NamedIndividual to make it copy them sends its deep clone
round the scheme's hasTopConcept/inScheme cycles for minutes.

Inference is deliberately "none": SHACL's ``sh:class`` and ``sh:targetClass`` already
follow the ``rdfs:subClassOf`` chains the mixed-in ontology provides. RDFS inference
would also apply the ontology's domains and ranges, quietly typing nodes from how they
are used -- which hides exactly the mistakes validation is for -- and is slow on a
large graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Node

from kg.errors import RdfFileError, Unreadable
from kg.ns import SH, bind_prefixes
from kg.paths import ONTOLOGY_DIR
from kg.rdf import ontology_graph

__all__ = ["SHAPES_FILE", "Result", "ValidationReport", "validate", "format_report", "shapes_graph",
           "load_rdf_file"]

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


@dataclass(frozen=True)
class Result:
    """One problem: which node, which property, what is wrong, how bad, which value."""

    focus: str
    path: str | None
    message: str
    severity: str  # "Violation", "Warning" or "Info"
    value: str | None = None


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    results: tuple[Result, ...] = ()
    nodes: int = 0  # distinct subjects in the data graph that was checked


_QUAD_FORMATS = {"trig", "nquads", "trix"}
_MAX_DETAIL = 400


def load_rdf_file(path: Path | str) -> Graph:
    """An RDF file to validate. Raises Unreadable (missing) or RdfFileError with the
    parser's message (where it stopped and why), on one line.

    Files whose extension names a format the store reads (Turtle, N-Triples, N-Quads,
    TriG, JSON-LD, RDF/XML) go through kg.store's parser, which refuses remote JSON-LD
    contexts and XML entities (kg.rdfguard): a file from anywhere must not make
    `kg validate` fetch or read anything. Others are guessed by rdflib (Turtle when
    unknown)."""
    from rdflib import Dataset
    from rdflib.util import guess_format

    from kg.store import LOAD_EXTENSIONS, GraphStore

    path = Path(path)
    if not path.is_file():
        raise Unreadable(path, "no such file")
    if path.suffix.lower() in LOAD_EXTENSIONS or guess_format(str(path)) is None:
        fmt = None if path.suffix.lower() in LOAD_EXTENSIONS else "turtle"
        with GraphStore.in_memory() as store:
            store.load_file(path, format=fmt)
            return store.union_graph()
    fmt = guess_format(str(path)) or "turtle"
    try:
        if fmt in _QUAD_FORMATS:
            return Dataset().parse(path, format=fmt)
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # noqa: BLE001 - rdflib's parsers raise many unrelated types
        detail = " ".join(str(exc).split()) or type(exc).__name__
        if len(detail) > _MAX_DETAIL:
            detail = detail[: _MAX_DETAIL - 3] + "..."
        raise RdfFileError(path, fmt=f"{fmt} RDF", detail=detail) from exc


def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def _with_ontology(graph: Graph) -> tuple[Graph, int]:
    """A new plain graph: every triple of ``graph`` (all named graphs of a Dataset, since
    pyshacl would check each on its own but labels and facts live in different ones)
    plus the ontology. The caller's graph is never modified."""
    mixed = Graph()
    if isinstance(graph, ConjunctiveGraph):
        for s, p, o, _ in graph.quads((None, None, None, None)):
            mixed.add((s, p, o))
    else:
        for triple in graph:
            mixed.add(triple)
    nodes = len({s for s in mixed.subjects() if not isinstance(s, Literal)})
    mixed += ontology_graph()
    return mixed, nodes


_NAMES = bind_prefixes(Graph()).namespace_manager


def _path(node: Node | None) -> str | None:
    """A property as a prefixed name (org:heldBy), which an analyst can look up."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        return node.n3(_NAMES)
    return str(node)


def _message(results: Graph, result: Node) -> str:
    """The shape's own sh:message, else pyshacl's generated one."""
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    return messages[0] if messages else "(no message)"


def validate(graph: Graph) -> ValidationReport:
    """Run the project's SHACL shapes over ``graph`` (a Graph or a Dataset's union)."""
    data, nodes = _with_ontology(graph)
    conforms, results, _text_report = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", inplace=True,
        abort_on_first=False, allow_warnings=True, advanced=False, meta_shacl=False)
    found = []
    # Only the report's own results: nested sh:detail results repeat them less clearly.
    for result in results.objects(None, SH.result):
        severity = results.value(result, SH.resultSeverity)
        sev = str(severity).rsplit("#", 1)[-1] if isinstance(severity, URIRef) else str(severity)
        value = results.value(result, SH.value)
        found.append(Result(
            focus=str(results.value(result, SH.focusNode)),
            path=_path(results.value(result, SH.resultPath)),
            message=_message(results, result),
            severity=sev,
            value=None if value is None else (str(value) if not isinstance(value, Literal)
                                              else value.n3()),
        ))
    ordered = tuple(sorted(set(found), key=lambda r: (r.focus, r.path or "", r.message,
                                                       r.severity, r.value or "")))
    return ValidationReport(conforms=bool(conforms), results=ordered, nodes=nodes)


def format_report(report: ValidationReport) -> str:
    """One line per problem (focus node, property, message); a one-line summary if fine."""
    if report.conforms and not report.results:
        return f"Conforms: {report.nodes} nodes checked, no problems"
    lines = []
    for r in report.results:
        where = f" {r.path}" if r.path else ""
        value = f" (value: {r.value})" if r.value is not None and r.value != r.focus else ""
        lines.append(f"{r.severity}: <{r.focus}>{where}: {r.message}{value}")
    violations = sum(r.severity == "Violation" for r in report.results)
    head = ("Conforms" if report.conforms else "Does not conform") + \
        f": {report.nodes} nodes checked, {len(report.results)} problem(s), {violations} violation(s)"
    return "\n".join([head, *lines])
