"""Check a graph against ontology/shapes.ttl and say, in plain words, what is wrong.

pyshacl runs the shapes with the ontology passed as ``ont_graph``, which it mixes into
(a copy of) the data graph. Inference is deliberately "none": SHACL's ``sh:class`` and
``sh:targetClass`` already follow ``rdfs:subClassOf`` chains present in the data, so the
mixed-in ontology is enough to see that a sg:SafeguardingChildrenPartnership is an
org:Organization or that sgt:neglect is in the theme scheme. RDFS inference would also
apply the ontology's domains and ranges, quietly typing nodes from how they are used --
which hides exactly the mistakes validation is for -- and is slow on a large graph.
pyshacl copies only RDFS/OWL axioms and owl:NamedIndividuals from ``ont_graph``; that is
why the ontology declares its theme and sector concepts as named individuals too.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyshacl
from rdflib import Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Node

from kg.ns import SH, bind_prefixes
from kg.paths import ONTOLOGY_DIR
from kg.rdf import ontology_graph

__all__ = ["SHAPES_FILE", "Result", "ValidationReport", "validate", "format_report", "shapes_graph"]

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


def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def _flat(graph: Graph) -> Graph:
    """A plain graph of all triples: pyshacl would check each named graph on its own,
    but labels (entities graph) and facts (document graphs) must be seen together."""
    if not isinstance(graph, ConjunctiveGraph):
        return graph
    flat = Graph()
    for s, p, o, _ in graph.quads((None, None, None, None)):
        flat.add((s, p, o))
    return flat


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
    data = _flat(graph)
    conforms, results, _text_report = pyshacl.validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none",
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
    nodes = len({s for s in data.subjects() if not isinstance(s, Literal)})
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
