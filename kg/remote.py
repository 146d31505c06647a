"""Remote stores: push the store's named graphs with the SPARQL 1.1 Graph Store Protocol.

Why one HTTP PUT per named graph (``{endpoint}?graph=IRI``): PUT replaces the graph
whole, so pushing again after a rebuild leaves the remote graph exactly equal to the
local one (no stale triples, no duplicates), and a failure part-way leaves every graph
either old or new. Every Graph Store Protocol server accepts it (Oxigraph ``/store``,
Fuseki ``/DATASET/data``, GraphDB ``/repositories/R/rdf-graphs/service``).

The standard library's urllib is enough: one request per graph, HTTP digest or basic
authentication when a user is given (Virtuoso's ``/sparql-graph-crud-auth`` wants digest).
Queries go the other way through ``kg query --endpoint`` (kg.query). Graphs that exist
only on the remote are left alone, unless ``prune``: then remote graphs under the same
``.../graph/`` folders as the local ones that the store no longer holds (documents
removed since the last push) are deleted, found through the server's SPARQL endpoint.

After a push the SPARQL endpoint is asked whether the default graph shows a pushed
triple: `kg query` treats the union of the named graphs as the default graph, and a
server that does not (Oxigraph without ``--union-default-graph``) would answer every
named query with no rows; the report then says how to set it.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import GraphStore

__all__ = ["PUSH_FORMATS", "PushError", "UnknownGraph", "PushedGraph", "PushReport",
           "graph_url", "graph_body", "put_graph", "delete_graph", "query_url_for", "remote_graphs", "push"]

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

    template = ("no named graph <{graph}> in {path}/; "
                "see the graphs with `kg query 'SELECT DISTINCT ?g {{ GRAPH ?g {{}} }}'`")
    reason = "unknown-graph"

    def __init__(self, path: Path | str | None = None, graph: str = "") -> None:
        super().__init__(path, graph=graph)


@dataclass(frozen=True)
class PushedGraph:
    """One graph written: its IRI, how many triples and bytes, and the HTTP status."""

    iri: str
    triples: int
    bytes: int
    status: int


UNION_HINT = ("{query}: the default graph does not show the pushed graphs, so `kg query --endpoint` "
              "and the named queries will find nothing; make the default graph the union of the named "
              "graphs (Oxigraph: `oxigraph serve --union-default-graph`; Fuseki: tdb2:unionDefaultGraph "
              "true; Virtuoso and GraphDB do so already)")


@dataclass(frozen=True)
class PushReport:
    endpoint: str
    graphs: tuple[PushedGraph, ...]
    removed: tuple[str, ...] = ()
    union_default_graph: bool | None = None  # None: not checked (no SPARQL endpoint known)
    query_endpoint: str | None = None

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)

    def summary(self) -> str:
        created = sum(1 for g in self.graphs if g.status == 201)
        lines = [f"pushed {len(self.graphs)} graph(s), {self.triples} triples, to {self.endpoint} "
                 f"({created} created, {len(self.graphs) - created} replaced)"]
        if self.removed:
            lines.append(f"removed {len(self.removed)} remote graph(s) the store no longer holds")
        if self.union_default_graph is False:
            lines.append(UNION_HINT.format(query=self.query_endpoint))
        return "\n".join(lines)


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
    # with no output file, pyoxigraph returns the bytes (its stubs say ``bytes | None`` for both cases)
    if fmt == "turtle":
        from kg.ns import PREFIXES  # rdflib behind it; only Turtle needs the prefixes
        return cast(bytes, ox.serialize(triples, format=rdf_format, prefixes=PREFIXES)), len(triples)
    return cast(bytes, ox.serialize(triples, format=rdf_format)), len(triples)


def _opener(url: str, auth: tuple[str, str] | None) -> urllib.request.OpenerDirector:
    """urllib with digest and basic authentication for ``url`` when ``auth`` is given."""
    if auth is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, auth[0], auth[1])
    return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords),
                                       urllib.request.HTTPBasicAuthHandler(passwords))


def put_graph(endpoint: str, graph_iri: str | None, body: bytes, media_type: str,
              timeout: float | None = 60.0, auth: tuple[str, str] | None = None) -> int:
    """PUT one graph; returns the HTTP status (200/201/204). Raises urllib's errors."""
    request = urllib.request.Request(graph_url(endpoint, graph_iri), data=body, method="PUT",
                                     headers={"Content-Type": f"{media_type}; charset=utf-8"
                                              if media_type.startswith("text/") else media_type})
    with _opener(endpoint, auth).open(request, timeout=timeout) as response:
        response.read()
        return int(response.status)


def delete_graph(endpoint: str, graph_iri: str, timeout: float | None = 60.0,
                 auth: tuple[str, str] | None = None) -> int:
    """DELETE one graph; returns the HTTP status. Raises urllib's errors."""
    request = urllib.request.Request(graph_url(endpoint, graph_iri), method="DELETE")
    with _opener(endpoint, auth).open(request, timeout=timeout) as response:
        response.read()
        return int(response.status)


_QUERY_ROUTES = (("/store", "/query"), ("/sparql-graph-crud-auth", "/sparql"), ("/sparql-graph-crud", "/sparql"),
                 ("/data", "/sparql"), ("/rdf-graphs/service", ""))


def query_url_for(endpoint: str) -> str | None:
    """The SPARQL query URL that goes with a Graph Store URL of a known server (Oxigraph
    /store -> /query, Virtuoso /sparql-graph-crud[-auth] -> /sparql, Fuseki /DS/data ->
    /DS/sparql, GraphDB .../rdf-graphs/service -> the repository), else None."""
    parts = urllib.parse.urlsplit(endpoint)
    for tail, replacement in _QUERY_ROUTES:
        if parts.path.endswith(tail):
            return urllib.parse.urlunsplit(parts._replace(path=parts.path[: -len(tail)] + replacement, query=""))
    return None


def _ask_remote(query_url: str, sparql: str, timeout: float | None) -> Any:
    from kg.query import run_query

    return run_query(query_url, sparql, timeout=timeout)


def remote_graphs(query_url: str, timeout: float | None = 60.0) -> list[str]:
    """The named graphs a SPARQL endpoint holds (that have a triple), sorted."""
    result = _ask_remote(query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", timeout)
    return sorted(g for g in result.column("g") if g)


def push(store: GraphStore, endpoint: str, graphs: Iterable[str] | None = None, fmt: str = "nt",
         timeout: float | None = 60.0, progress: PushProgress | None = None, *, prune: bool = False,
         query_endpoint: str | None = None, auth: tuple[str, str] | None = None) -> PushReport:
    """Write the store's named graphs (all of them, or those listed) to a Graph Store
    Protocol endpoint, one PUT each, in IRI order. Raises UnknownGraph before writing
    anything, PushError at the first graph that fails.

    With ``prune``, then delete the remote graphs under the local graphs' folders that
    the store does not hold. ``query_endpoint`` (default: the one that goes with
    ``endpoint`` on known servers, see ``query_url_for``) is used to list remote graphs
    and to check that the default graph is the union of the named graphs.
    """
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
    query_url = query_endpoint or query_url_for(endpoint)
    if prune and query_url is None:
        raise PushError(endpoint, "-", "--prune needs the server's SPARQL query URL (--query-endpoint) "
                        "to list its graphs", 0, len(names))
    media = PUSH_FORMATS[fmt][0]
    done: list[PushedGraph] = []

    def call(name: str, action: Callable[[], int], total: int) -> int:
        try:
            return action()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:1]
            raise PushError(endpoint, name, f"HTTP {exc.code} {exc.reason}{': ' + detail[0] if detail else ''}",
                            len(done), total) from None
        except TimeoutError:
            raise PushError(endpoint, name, f"no answer within {timeout or 0:g} s", len(done), total) from None
        except (urllib.error.URLError, OSError) as exc:
            raise PushError(endpoint, name, str(getattr(exc, "reason", exc)), len(done), total) from None

    for n, name in enumerate(names, 1):
        body, count = graph_body(store, name, fmt)
        status = call(name, partial(put_graph, endpoint, name, body, media, timeout, auth), len(names))
        done.append(PushedGraph(name, count, len(body), status))
        if progress:
            progress("push", n, len(names))
    removed: list[str] = []
    if prune and query_url is not None:  # (prune without a query URL was refused above)
        folders = tuple({name.rsplit("/", 1)[0] + "/" for name in present})
        stale = [g for g in _listed(query_url, endpoint, timeout, len(done), len(names))
                 if g.startswith(folders) and g not in present]
        for name in stale:
            call(name, partial(delete_graph, endpoint, name, timeout, auth), len(names))
            removed.append(name)
    union = _union_default_graph(store, query_url, done, timeout) if query_url and done else None
    return PushReport(endpoint, tuple(done), tuple(removed), union, query_url)


def _listed(query_url: str, endpoint: str, timeout: float | None, done: int, total: int) -> list[str]:
    try:
        return remote_graphs(query_url, timeout)
    except KgError as exc:
        raise PushError(endpoint, "-", f"could not list the remote graphs at {query_url}: {exc}", done, total) \
            from None


def _union_default_graph(store: GraphStore, query_url: str, done: list[PushedGraph],
                         timeout: float | None) -> bool | None:
    """Whether a triple just pushed shows in the remote default graph (None: cannot tell).
    One between IRIs: servers may store typed literals by value and match them differently."""
    for pushed in done:
        for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(pushed.iri)):
            if not isinstance(q.subject, ox.NamedNode) or not isinstance(q.object, ox.NamedNode):
                continue
            try:
                answer = _ask_remote(query_url, f"ASK {{ {q.subject} {q.predicate} {q.object} }}", timeout)
            except KgError:
                return None
            return bool(answer.boolean)
    return None
