"""Remote stores: push the store's named graphs with the SPARQL 1.1 Graph Store Protocol.

Why one HTTP PUT per named graph (``{endpoint}?graph=IRI``): PUT replaces the graph
whole, so pushing again after a rebuild leaves the remote graph exactly equal to the
local one (no stale triples, no duplicates), and a failure part-way leaves every graph
either old or new. Every Graph Store Protocol server accepts it (Oxigraph ``/store``,
Fuseki ``/DATASET/data``, GraphDB ``/repositories/R/rdf-graphs/service``).

The standard library's urllib is enough: one request per graph, no sessions, no auth.
Queries go the other way through ``kg query --endpoint`` (kg.query). Graphs that exist
only on the remote are left alone.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import GraphStore

__all__ = ["PUSH_FORMATS", "PushError", "UnknownGraph", "PushedGraph", "PushReport",
           "graph_url", "graph_body", "put_graph", "push"]

PUSH_FORMATS: dict[str, tuple[str, ox.RdfFormat]] = {
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
}
"""Body syntaxes: N-Triples (default: line-based, every server reads it, no prefixes to
agree on) or Turtle (smaller)."""

PushProgress = Callable[[str, int, int], None]


class PushError(KgError):
    """A PUT was refused or the endpoint could not be reached; earlier graphs stay written."""

    template = ("Graph Store {endpoint}: PUT of <{graph}> failed ({detail}); {done} of {total} "
                "graph(s) were written before it; check the URL and that the store accepts writes")
    reason = "push"

    def __init__(self, endpoint: str = "", graph: str = "", detail: str = "", done: int = 0,
                 total: int = 0) -> None:
        super().__init__(None, endpoint=endpoint, graph=graph, detail=detail, done=done, total=total)


class UnknownGraph(KgError):
    """``--graph`` named a graph the store does not hold."""

    template = "no named graph <{graph}> in {path}/; see the graphs with `kg query 'SELECT DISTINCT ?g {{ GRAPH ?g {{}} }}'`"
    reason = "unknown-graph"

    def __init__(self, path: object = None, graph: str = "") -> None:
        super().__init__(path, graph=graph)


@dataclass(frozen=True)
class PushedGraph:
    """One graph written: its IRI, how many triples and bytes, and the HTTP status."""

    iri: str
    triples: int
    bytes: int
    status: int


@dataclass(frozen=True)
class PushReport:
    endpoint: str
    graphs: tuple[PushedGraph, ...]

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)

    def summary(self) -> str:
        created = sum(1 for g in self.graphs if g.status == 201)
        return (f"pushed {len(self.graphs)} graph(s), {self.triples} triples, to {self.endpoint} "
                f"({created} created, {len(self.graphs) - created} replaced)")


def graph_url(endpoint: str, graph_iri: str | None) -> str:
    """The Graph Store Protocol URL of one graph: ``?graph=IRI`` (``?default`` for None),
    appended with ``&`` when the endpoint URL already has a query string."""
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if graph_iri is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph_iri})}"


def graph_body(store: GraphStore, graph_iri: str, fmt: str = "nt") -> tuple[bytes, int]:
    """One named graph serialised for a PUT, sorted (so the same graph gives the same
    bytes); returns (body, number of triples)."""
    media, rdf_format = PUSH_FORMATS[fmt]
    triples = sorted((ox.Triple(q.subject, q.predicate, q.object)
                      for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))),
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    if fmt == "turtle":
        from kg.ns import PREFIXES  # rdflib behind it; only Turtle needs the prefixes
        return ox.serialize(triples, format=rdf_format, prefixes=PREFIXES), len(triples)
    return ox.serialize(triples, format=rdf_format), len(triples)


def put_graph(endpoint: str, graph_iri: str | None, body: bytes, media_type: str,
              timeout: float | None = 60.0) -> int:
    """PUT one graph; returns the HTTP status (200/201/204). Raises urllib's errors."""
    request = urllib.request.Request(graph_url(endpoint, graph_iri), data=body, method="PUT",
                                     headers={"Content-Type": f"{media_type}; charset=utf-8"
                                              if media_type.startswith("text/") else media_type})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()
        return int(response.status)


def push(store: GraphStore, endpoint: str, graphs: Iterable[str] | None = None, fmt: str = "nt",
         timeout: float | None = 60.0, progress: PushProgress | None = None) -> PushReport:
    """Write the store's named graphs (all of them, or those listed) to a Graph Store
    Protocol endpoint, one PUT each, in IRI order. Raises UnknownGraph before writing
    anything, PushError at the first graph that fails."""
    if fmt not in PUSH_FORMATS:
        raise ValueError(f"unknown push format {fmt!r}: use one of {', '.join(PUSH_FORMATS)}")
    scheme = urllib.parse.urlsplit(endpoint).scheme
    if scheme not in ("http", "https"):
        raise PushError(endpoint, "-", f"not an http(s) URL: {endpoint!r}", 0, 0)
    present = store.graph_names()
    names = present if graphs is None else list(dict.fromkeys(graphs))
    for name in names:
        if name not in present:
            raise UnknownGraph(store.location, graph=name)
    media = PUSH_FORMATS[fmt][0]
    done: list[PushedGraph] = []
    for n, name in enumerate(names, 1):
        body, count = graph_body(store, name, fmt)
        try:
            status = put_graph(endpoint, name, body, media, timeout)
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:1]
            raise PushError(endpoint, name, f"HTTP {exc.code} {exc.reason}{': ' + detail[0] if detail else ''}",
                            len(done), len(names)) from None
        except (socket.timeout, TimeoutError):
            raise PushError(endpoint, name, f"no answer within {timeout or 0:g} s", len(done), len(names)) from None
        except (urllib.error.URLError, OSError) as exc:
            raise PushError(endpoint, name, str(getattr(exc, "reason", exc)), len(done), len(names)) from None
        done.append(PushedGraph(name, count, len(body), status))
        if progress:
            progress("push", n, len(names))
    return PushReport(endpoint, tuple(done))
