"""SPARQL over the graph: named queries, safe parameters, and result formats.

A query is given as SPARQL text, a path to a ``.rq`` file, or the name of a named query
in ``queries/NAME.rq``. The standard prefixes (kg.ns.PREFIXES) are available without
being declared -- they are handed to the parser, not pasted in front of the text, so the
line and column of a syntax error are those of the user's own query. A prefix the query
declares itself wins.

Parameters are RDF terms bound to variables (pyoxigraph substitutions on the store, a
VALUES block of serialised terms for a remote endpoint), never text spliced into the
query, so a value such as ``x" } ?s ?p ?o {`` is just a string that matches nothing.

``kg query`` only reads: UPDATE requests are refused, and so is ``SERVICE`` (which would
make the store call arbitrary hosts) unless ``allow_service=True``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.errors import EndpointError, QueryParameterError, QueryRefused, QuerySyntaxError, UnknownQuery
from kg.ns import PREFIXES
from kg.paths import QUERIES_DIR
from kg.store import GraphStore, QueryResult, QueryTimeout, Term, materialise, sorted_turtle

__all__ = [
    "STANDARD_PREFIXES", "RESULT_FORMATS", "QueryResult", "QueryText", "QuerySyntaxError",
    "QueryRefused", "UnknownQuery", "QueryParameterError", "EndpointError", "QueryTimeout",
    "run_query", "load_query", "check_query", "list_named_queries", "format_result",
    "parameter_term", "shorten",
]

STANDARD_PREFIXES: dict[str, str] = PREFIXES
"""The prefixes every query may use undeclared; one source of truth, kg.ns."""

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")

_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_QUERY_FORMS = {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "construct", "DESCRIBE": "construct"}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

# Strings, IRIs and comments: blanked out (same length, newlines kept) before keyword
# scans, so "SERVICE" inside a literal or a '#' inside an IRI cannot fool them.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"' r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>' r"|#[^\n\r]*", re.S)
_PROLOGUE = re.compile(r"\A\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*", re.I)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE\b", re.I)
_PYOX_POSITION = re.compile(r"error at (\d+):(\d+)(?:-\d+:\d+)?:?\s*(.*)", re.S)


# --- errors ----------------------------------------------------------------------------

# --- finding the query ---------------------------------------------------------------------

@dataclass(frozen=True)
class QueryText:
    """A query's SPARQL and where it came from (for error messages)."""

    text: str
    source: Path | None = None
    name: str | None = None


def load_query(query: str | Path, queries_dir: Path = QUERIES_DIR) -> QueryText:
    """SPARQL text, a path to a .rq file, or a named query's name -> its SPARQL.

    A bare word (``chairs``) is a name; an existing file is read; anything else is
    taken as SPARQL text, which the parser then judges.
    """
    if isinstance(query, Path):
        return _read_file(query)
    if "\n" not in query and len(query) < 4096:
        path = Path(query)
        if path.suffix == ".rq" or path.is_file():
            return _read_file(path)
        if _NAME.fullmatch(query):
            named = queries_dir / f"{query}.rq"
            if not named.is_file():
                raise UnknownQuery(named, detail=(
                    f"no named query {query!r} (and no file of that name); "
                    "see `kg query --list` for the named queries"))
            return QueryText(named.read_text(encoding="utf-8"), named, query)
    return QueryText(query)


def _read_file(path: Path) -> QueryText:
    try:
        return QueryText(path.read_text(encoding="utf-8"), path)
    except FileNotFoundError:
        raise UnknownQuery(path, detail=f"{path}: no such query file; check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UnknownQuery(path, detail=f"{path}: cannot be read ({exc}); save it as UTF-8 text") from None


def list_named_queries(queries_dir: Path = QUERIES_DIR) -> list[tuple[str, str]]:
    """(name, description) of every queries/NAME.rq; the description is its first
    ``#`` comment line."""
    out = []
    for path in sorted(queries_dir.glob("*.rq")):
        description = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("#"):
                description = line.strip().lstrip("#").strip()
                break
        out.append((path.stem, description))
    return out


# --- checking ----------------------------------------------------------------------------

def _scrub(text: str) -> str:
    """The text with comments blanked and the insides of strings and IRIs blanked
    (delimiters kept), same length, so offsets still point into the original."""
    def blank(m: re.Match[str]) -> str:
        t = m.group()
        inner = re.sub(r"[^\n\r]", " ", t[1:-1]) if len(t) > 1 else ""
        return " " * len(t) if t.startswith("#") else t[0] + inner + t[-1] if len(t) > 1 else " "
    return _OPAQUE.sub(blank, text)


def check_query(text: str, allow_service: bool = False, source: Path | None = None) -> str:
    """The query form ("select", "ask", "construct"), after refusing what we do not run.

    A keyword scan over the text with strings, IRIs and comments blanked out; the
    parser still has the last word on syntax.
    """
    scrubbed = _scrub(text)
    body = scrubbed[_PROLOGUE.match(scrubbed).end():]
    first = re.match(r"\s*([A-Za-z]+)", body)
    word = first.group(1).upper() if first else ""
    if word in _UPDATE_WORDS:
        raise QueryRefused(f"kg query is read-only: {word} (a SPARQL UPDATE) is refused; "
                           "change the graph with `kg build` or `kg load`")
    if word and word not in _QUERY_FORMS:
        line, column = _line_column(text, len(scrubbed) - len(body) + first.start(1))
        raise QuerySyntaxError(source, line=line, column=column, detail=(
            f"a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE, not {first.group(1)!r}"))
    service = _SERVICE.search(scrubbed)
    if service and not allow_service:
        target = re.match(r"SERVICE\s+(?:SILENT\s+)?(\S+)", text[service.start():], re.I)
        host = target.group(1) if target else "?"
        raise QueryRefused(f"SERVICE {host} is refused: kg query does not call other endpoints "
                           "unless --allow-service is given")
    return _QUERY_FORMS.get(word, "select")


def _variables(text: str) -> set[str]:
    return set(re.findall(r"[?$]([A-Za-z0-9_]+)", _scrub(text)))


def _first_undeclared_prefix(text: str) -> tuple[str, int] | None:
    """The first prefixed name whose prefix is neither declared nor standard, and its
    offset: the parser reports these as a puzzling "expected OPTIONAL" further on."""
    scrubbed = _scrub(text)
    declared = set(re.findall(r"PREFIX\s+([^\s:]*):", scrubbed, re.I)) | set(STANDARD_PREFIXES)
    for m in re.finditer(r"(?<![\w?$:.\-])([A-Za-z][\w.-]*)?:(?=[A-Za-z0-9_%\\])", scrubbed):
        if (m.group(1) or "") not in declared:
            return m.group(1) or "", m.start()
    return None


def _line_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _syntax_error(exc: BaseException, query: QueryText) -> QuerySyntaxError:
    message = str(exc).strip()
    unknown = _first_undeclared_prefix(query.text)
    if unknown is not None:
        line, column = _line_column(query.text, unknown[1])
        return QuerySyntaxError(query.source, line=line, column=column, detail=(
            f"unknown prefix '{unknown[0]}:'; declare it (PREFIX {unknown[0]}: <...>) "
            "or use a standard one (kg query --help)"))
    m = _PYOX_POSITION.search(message)
    line, column, detail = (int(m.group(1)), int(m.group(2)), m.group(3).strip()) if m else (1, 1, message)
    detail = " ".join(detail.split()) or "invalid SPARQL"
    expected = re.fullmatch(r"expected one of (.*)", detail)
    if expected:
        options = [o.strip() for o in re.split(r",\s*(?=[\"\[a-zA-Z'])", expected.group(1))]
        if len(options) > 6:
            detail = f"unexpected text here (expected one of {len(options)} things, e.g. {', '.join(options[:4])})"
    if len(detail) > 200:
        detail = detail[:197] + "..."
    return QuerySyntaxError(query.source, line=line, column=column, detail=detail)


def parameter_term(name: str, value: str) -> Term:
    """A parameter value as an RDF term: ``<iri>`` is an IRI, anything else a string."""
    if not _PARAM_NAME.fullmatch(name):
        raise QueryParameterError(name, "a name is letters, digits and _ (NAME=VALUE)")
    if len(value) >= 2 and value.startswith("<") and value.endswith(">"):
        try:
            return ox.NamedNode(value[1:-1])
        except ValueError as exc:
            raise QueryParameterError(name, f"{value} is not a valid IRI ({exc})") from None
    return ox.Literal(value)


# --- running -----------------------------------------------------------------------------

def run_query(store_or_endpoint: GraphStore | str, query: str | Path,
              params: dict[str, str] | None = None, timeout: float | None = None, *,
              allow_service: bool = False) -> QueryResult:
    """Run a query (text, .rq path or named query) on a GraphStore or an http(s) SPARQL
    endpoint URL, with ``params`` bound as RDF terms. Raises QuerySyntaxError,
    QueryRefused, QueryParameterError, UnknownQuery, QueryTimeout, EndpointError."""
    q = load_query(query)
    form = check_query(q.text, allow_service, q.source)
    terms = {name: parameter_term(name, value) for name, value in (params or {}).items()}
    if terms:
        present = _variables(q.text)
        for name in terms:
            if name not in present:
                have = ", ".join(f"?{v}" for v in sorted(present)) or "none"
                raise QueryParameterError(name, f"the query has no variable ?{name} (its variables: {have})")
    if isinstance(store_or_endpoint, str):
        return _run_remote(store_or_endpoint, q, form, terms, timeout, allow_service)
    try:
        return store_or_endpoint.query(q.text, timeout, prefixes=STANDARD_PREFIXES, substitutions=terms)
    except SyntaxError as exc:
        raise _syntax_error(exc, q) from None
    except RuntimeError as exc:
        m = re.search(r"variable \?(\w+) in its SELECT projection", str(exc))
        if m:
            raise QueryParameterError(m.group(1), f"the query must SELECT ?{m.group(1)} to bind it") from None
        raise


def _bind_values(text: str, terms: dict[str, Term]) -> str:
    """Parameters as a VALUES block at the end of the query's outermost WHERE group.

    Joined at the end of that group it means what a trailing VALUES clause means, and
    every server reads it; Virtuoso 7 silently ignores a trailing VALUES clause (every
    row came back unfiltered). Falls back to the trailing clause when the group cannot
    be found (the text is then the server's to judge).
    """
    names = " ".join(f"?{n}" for n in terms)
    block = f"\nVALUES ({names}) {{ ({' '.join(str(t) for t in terms.values())}) }}\n"
    scrubbed = _scrub(text)
    depth, start = 0, None
    where = re.search(r"\bWHERE\s*\{", scrubbed, re.I)
    opening = None
    for m in re.finditer(r"[{}]", scrubbed):
        if m.group() == "{":
            if depth == 0 and (where is None or m.start() >= where.end() - 1) and opening is None:
                opening = m.start()
            depth += 1
        else:
            depth -= 1
            if depth == 0 and opening is not None and start is None:
                start = m.start()
                break
    if start is None:
        return text + block
    return text[:start] + block + text[start:]


def _run_remote(url: str, q: QueryText, form: str, terms: dict[str, Term],
                timeout: float | None, allow_service: bool) -> QueryResult:
    """SPARQL 1.1 protocol POST. Prefixes are declared in one prepended line; syntax is
    checked locally first (so positions match the user's text); parameters go in a
    trailing VALUES block of N-Triples-escaped terms. urllib is imported here: it costs
    ~20 ms, which a local `kg query` should not pay."""
    import socket
    import urllib.error
    import urllib.parse
    import urllib.request

    if not allow_service:  # parse-only check on an empty store; SERVICE would call out
        try:
            ox.Store().query(q.text, prefixes=STANDARD_PREFIXES)
        except SyntaxError as exc:
            raise _syntax_error(exc, q) from None
    declared = set(re.findall(r"PREFIX\s+([^\s:]*):", _scrub(q.text), re.I))
    head = " ".join(f"PREFIX {p}: <{i}>" for p, i in STANDARD_PREFIXES.items() if p not in declared)
    text = f"{head}\n{q.text}"
    if terms:
        text = _bind_values(text, terms)
    accept = ("text/turtle, application/n-triples;q=0.9" if form == "construct"
              else "application/sparql-results+json")
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode({"query": text}).encode("utf-8"), method="POST",
        headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            media = response.headers.get_content_type()
            body = response.read()
    except (socket.timeout, TimeoutError):
        raise QueryTimeout(seconds=timeout or 0) from None
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:1]
        raise EndpointError(url, f"HTTP {exc.code} {': '.join(detail)}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise EndpointError(url, str(getattr(exc, "reason", exc))) from None
    try:
        if form == "construct":
            fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.TURTLE
            return QueryResult("construct", triples=tuple(
                ox.Triple(t.subject, t.predicate, t.object) for t in ox.parse(body, format=fmt)))
        fmt = ox.QueryResultsFormat.from_media_type(media) or ox.QueryResultsFormat.JSON
        return materialise(ox.parse_query_results(body, format=fmt))
    except (SyntaxError, ValueError) as exc:
        raise EndpointError(url, f"unreadable {media} answer ({exc})") from None


# --- formatting -----------------------------------------------------------------------------

_NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte",
    "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_MAX_CELL = 100


def shorten(iri: str, prefixes: dict[str, str] = STANDARD_PREFIXES) -> str:
    """``sg:Board`` for an IRI under a known namespace, else ``<iri>``."""
    best = ""
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and len(ns) > len(prefixes.get(best, "")) and _LOCAL.fullmatch(iri[len(ns):]):
            best = prefix
    return f"{best}:{iri[len(prefixes[best]):]}" if best else f"<{iri}>"


def format_result(result: QueryResult, fmt: str = "table",
                  prefixes: dict[str, str] = STANDARD_PREFIXES) -> str:
    """Render an answer: ``table`` (aligned, prefixed IRIs, plain literals, "(N rows)"),
    ``csv`` / ``tsv`` (SPARQL 1.1 CSV/TSV), ``json`` (SPARQL 1.1 JSON), ``xml``
    (SPARQL Query Results XML). CONSTRUCT/DESCRIBE answers are Turtle in every format."""
    if fmt not in RESULT_FORMATS:
        raise ValueError(f"unknown result format {fmt!r}: use one of {', '.join(RESULT_FORMATS)}")
    if result.kind == "construct":
        return sorted_turtle(result.triples, prefixes).decode("utf-8")
    return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json, "xml": _xml}[fmt](result, prefixes)


def _cell(term: Term | None, prefixes: dict[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = shorten(term.value, prefixes)
    elif isinstance(term, ox.BlankNode):
        text = f"_:{term.value}"
    elif isinstance(term, ox.Literal):
        text = term.value
    else:
        text = str(term)
    text = " ".join(text.split()) if any(c in text for c in "\n\r\t") else text
    return text if len(text) <= _MAX_CELL else text[:_MAX_CELL - 1] + "\u2026"


def _table(result: QueryResult, prefixes: dict[str, str]) -> str:
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    headers = list(result.variables)
    cells = [[_cell(t, prefixes) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [bool(result.rows) and all(
        row[i] is None or (isinstance(row[i], ox.Literal) and row[i].datatype.value in _NUMERIC)
        for row in result.rows) for i in range(len(headers))]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])] if headers else []
    out += [line(r) for r in cells]
    n = len(result.rows)
    out.append(f"({n} row{'' if n == 1 else 's'})")
    return "\n".join(out)


def _csv(result: QueryResult, prefixes: dict[str, str]) -> str:
    """SPARQL 1.1 CSV: bare IRIs and lexical forms, CRLF line ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t.value}" if isinstance(t, ox.BlankNode)
                         else str(t) if isinstance(t, ox.Triple) else t.value for t in row])
    return buf.getvalue()


def _tsv(result: QueryResult, prefixes: dict[str, str]) -> str:
    """SPARQL 1.1 TSV: ?-headers, terms in N-Triples syntax (tabs and newlines escaped)."""
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row))
    return "\n".join(lines) + "\n"


def _json_term(term: Term) -> dict[str, object]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {k: _json_term(getattr(term, k))
                                        for k in ("subject", "predicate", "object")}}


def _json(result: QueryResult, prefixes: dict[str, str]) -> str:
    if result.kind == "ask":
        doc: dict[str, object] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        doc = {"head": {"vars": list(result.variables)},
               "results": {"bindings": [{v: _json_term(t) for v, t in zip(result.variables, row)
                                         if t is not None} for row in result.rows]}}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _xml(result: QueryResult, prefixes: dict[str, str]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        out += ["  <head/>", f"  <boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        out.append("  <head>")
        out += [f"    <variable name={quoteattr(v)}/>" for v in result.variables]
        out += ["  </head>", "  <results>"]
        for row in result.rows:
            out.append("    <result>")
            out += [f"      <binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                    for v, t in zip(result.variables, row) if t is not None]
            out.append("    </result>")
        out.append("  </results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"
