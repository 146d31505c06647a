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

import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg import ns
from kg.errors import EndpointError, QueryParameterError, QueryRefused, QuerySyntaxError, UnknownQuery
from kg.iri import DEFAULT_BASE, normalise_base
from kg.ns import PREFIXES
from kg.paths import QUERIES_DIR
from kg.store import GraphStore, QueryResult, QueryTimeout, Term, materialise, sorted_turtle

__all__ = [
    "STANDARD_PREFIXES", "RESULT_FORMATS", "QueryResult", "QueryText", "QuerySyntaxError",
    "QueryRefused", "UnknownQuery", "QueryParameterError", "EndpointError", "QueryTimeout",
    "run_query", "load_query", "check_query", "list_named_queries", "format_result",
    "parameter_term", "shorten", "unknown_terms",
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
    for path in sorted(queries_dir.glob("*.rq"), key=lambda p: p.stem):  # "chairs" before "chairs-in-year"
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
    prologue = _PROLOGUE.match(scrubbed)  # always matches: every part is optional
    body = scrubbed[prologue.end() if prologue else 0:]
    first = re.match(r"\s*([A-Za-z]+)", body)
    word = first.group(1).upper() if first else ""
    if word in _UPDATE_WORDS:
        raise QueryRefused(f"kg query is read-only: {word} (a SPARQL UPDATE) is refused; "
                           "change the graph with `kg build` or `kg load`")
    if first and word not in _QUERY_FORMS:
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


def _closed_namespaces() -> dict[str, tuple[str, frozenset[str]]]:
    """prefix -> (namespace IRI, its terms) for the standard prefixes whose vocabulary
    is closed (kg.ns's own and rdflib's definitions of ORG, FOAF, SKOS...)."""
    out = {}
    for name in dir(ns):
        value = getattr(ns, name)
        iri = str(getattr(value, "_NS", ""))
        if not iri or not getattr(value, "_fail", False):
            continue
        for prefix, standard in STANDARD_PREFIXES.items():
            if standard == iri:
                out[prefix] = (iri, frozenset(str(t)[len(iri):] for t in dir(value) if str(t).startswith(iri)))
    return out


def unknown_terms(query: str | Path) -> list[str]:
    """Hints for prefixed names the ontology does not define (``foaf:nmae``): the query
    is valid SPARQL and runs, but such a term matches nothing. Empty when the query
    declares the prefix itself or cannot be read."""
    try:
        text = load_query(query).text
    except UnknownQuery:
        return []
    scrubbed = _scrub(text)
    declared = set(re.findall(r"PREFIX\s+([^\s:]*):", scrubbed, re.I))
    closed = _closed_namespaces()
    notes: list[str] = []
    for m in re.finditer(r"(?<![\w?$:.\-])([A-Za-z][\w-]*):([A-Za-z_][\w-]*(?:\.[\w-]+)*)", scrubbed):
        prefix, local = m.group(1), m.group(2)
        if prefix in declared or prefix not in closed or local in closed[prefix][1]:
            continue
        close = difflib.get_close_matches(local, closed[prefix][1], n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(f'{prefix}:{c}' for c in close)}?" if close else ""
        note = f"{prefix}:{local} is not a term of {closed[prefix][0]}, so it matches nothing{hint}"
        if note not in notes:
            notes.append(note)
    return notes


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
        result = store_or_endpoint.query(q.text, timeout, prefixes=STANDARD_PREFIXES, substitutions=terms)
        if len(result) == 0 and terms:
            result = _by_other_names(store_or_endpoint, q.text, terms, timeout) or result
        return result
    except SyntaxError as exc:
        raise _syntax_error(exc, q) from None
    except RuntimeError as exc:
        m = re.search(r"variable \?(\w+) in its SELECT projection", str(exc))
        if m:
            raise QueryParameterError(m.group(1), f"the query must SELECT ?{m.group(1)} to bind it") from None
        raise


#: The properties that name a thing: a --param value matches any of them, in any case.
_NAME_PROPERTIES = ("rdfs:label", "skos:prefLabel", "skos:altLabel", "foaf:name", "skos:notation",
                    "dcterms:identifier")
_OTHER_NAMES = f"""
SELECT DISTINCT ?value ?name WHERE {{
  VALUES ?p {{ {' '.join(_NAME_PROPERTIES)} }}
  VALUES ?q {{ {' '.join(_NAME_PROPERTIES)} }}
  ?s ?p ?hit .
  FILTER(isLiteral(?hit) && LCASE(STR(?hit)) = LCASE(STR(?value)))
  ?s ?q ?name .
  FILTER(isLiteral(?name))
}} ORDER BY ?name LIMIT 50"""


def _by_other_names(store: GraphStore, text: str, terms: dict[str, Term], timeout: float | None) -> QueryResult | None:
    """When a query with string parameters finds nothing, try each parameter as the
    other names of what it names: ``theme=Neglect`` is the theme whose label is
    "Neglect" and whose notation (which theme-evidence matches) is "neglect";
    ``board=OSCB`` is an alias of a board whose label themes-of matches. The first
    binding that finds rows wins; names equal in all but case are tried first."""
    options: dict[str, list[ox.Literal]] = {}
    for name, term in terms.items():
        if not isinstance(term, ox.Literal):
            continue
        found = store.query(_OTHER_NAMES, timeout, prefixes=STANDARD_PREFIXES, substitutions={"value": term})
        names = [t for _, t in found.rows if isinstance(t, ox.Literal) and t != term]
        names.sort(key=lambda t: (t.value.casefold() != term.value.casefold(), t.value))
        if names:
            options[name] = names
    for name, names in options.items():
        for other in names:
            answer = store.query(text, timeout, prefixes=STANDARD_PREFIXES, substitutions={**terms, name: other})
            if len(answer):
                return answer
    return None


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
    except TimeoutError:
        raise QueryTimeout(seconds=timeout or 0) from None
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()[:1]
        raise EndpointError(url, f"HTTP {exc.code} {': '.join(detail)}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise EndpointError(url, str(getattr(exc, "reason", exc))) from None
    try:
        if form == "construct":
            rdf = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.TURTLE
            return QueryResult("construct", triples=tuple(
                ox.Triple(t.subject, t.predicate, t.object) for t in ox.parse(body, format=rdf)))
        results = ox.QueryResultsFormat.from_media_type(media) or ox.QueryResultsFormat.JSON
        return materialise(ox.parse_query_results(body, format=results))
    except (SyntaxError, ValueError) as exc:
        raise EndpointError(url, f"unreadable {media} answer ({exc})") from None


# --- formatting -----------------------------------------------------------------------------

_NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte",
    "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_MAX_CELL = 100


INSTANCE_PREFIX = "kg"
"""How tables show instance IRIs: ``kg:person/francis-habgood`` for ``{base}person/...``
(display only: a ``/`` in a local name must be escaped in SPARQL)."""


def shorten(iri: str, prefixes: dict[str, str] = STANDARD_PREFIXES, base: str | None = None) -> str:
    """``sg:Board`` for an IRI under a known namespace, ``kg:org/oscb`` for an instance
    IRI under ``base`` (default: KG_BASE or kg's default base), else ``<iri>``."""
    best = ""
    for prefix, namespace in prefixes.items():
        if (iri.startswith(namespace) and len(namespace) > len(prefixes.get(best, ""))
                and _LOCAL.fullmatch(iri[len(namespace):])):
            best = prefix
    if best:
        return f"{best}:{iri[len(prefixes[best]):]}"
    base = base or normalise_base(os.environ.get("KG_BASE") or DEFAULT_BASE)
    if iri.startswith(base) and len(iri) > len(base):
        return f"{INSTANCE_PREFIX}:{iri[len(base):]}"
    return f"<{iri}>"


def format_result(result: QueryResult, fmt: str = "table",
                  prefixes: dict[str, str] = STANDARD_PREFIXES, width: int | None = None) -> str:
    """Render an answer: ``table`` (aligned, prefixed IRIs, plain literals, "(N rows)",
    fitted to ``width`` columns when given), ``csv`` / ``tsv`` / ``json`` / ``xml`` (the
    SPARQL 1.1 results formats, written by pyoxigraph's serialisers).

    CONSTRUCT/DESCRIBE answers are graphs, in the RDF syntax closest to the format asked
    for: Turtle (table), N-Triples (csv, tsv: one triple per line), JSON-LD (json) and
    RDF/XML (xml)."""
    if fmt not in RESULT_FORMATS:
        raise ValueError(f"unknown result format {fmt!r}: use one of {', '.join(RESULT_FORMATS)}")
    if result.kind == "construct":
        if fmt == "table":
            return sorted_turtle(result.triples, prefixes).decode("utf-8")
        ordered = sorted(set(result.triples), key=str)
        return _text(ox.serialize(ordered, format=_GRAPH_FORMATS[fmt]))
    if fmt == "table":
        return _table(result, prefixes, width)
    return _text(_solutions(result).serialize(format=_RESULT_FORMATS[fmt]))


def _text(data: bytes | None) -> str:
    """pyoxigraph's serialisers return the bytes when given no output file."""
    return (data or b"").decode("utf-8")


_GRAPH_FORMATS = {"csv": ox.RdfFormat.N_TRIPLES, "tsv": ox.RdfFormat.N_TRIPLES,
                  "json": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}
_RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                   "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}


def _solutions(result: QueryResult) -> ox.QuerySolutions | ox.QueryBoolean:
    """The materialised answer as pyoxigraph results again, for its serialisers.

    pyoxigraph builds QuerySolutions only by parsing, so the rows go through SPARQL TSV,
    whose cells are each term's own N-Triples form (``str`` of a pyoxigraph term): no
    escaping is ours."""
    if result.kind == "ask":
        answer = b'{"head":{},"boolean":true}' if result.boolean else b'{"head":{},"boolean":false}'
        return ox.parse_query_results(answer, format=ox.QueryResultsFormat.JSON)
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return ox.parse_query_results(("\n".join(lines) + "\n").encode("utf-8"), format=ox.QueryResultsFormat.TSV)


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


def _fit(widths: list[int], headers: list[str], width: int) -> list[int]:
    """Column widths that fit ``width`` terminal columns: the widest columns give way
    first, none below its header or 12 characters."""
    widths = list(widths)
    floor = [max(len(h), min(w, 12)) for h, w in zip(headers, widths, strict=True)]
    while sum(widths) + 2 * (len(widths) - 1) > width:
        i = max(range(len(widths)), key=lambda j: widths[j] - floor[j])
        if widths[i] <= floor[i]:
            break
        widths[i] -= 1
    return widths


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "\u2026"


def _table(result: QueryResult, prefixes: dict[str, str], width: int | None = None) -> str:
    if result.kind == "ask":
        return "true" if result.boolean else "false"
    headers = list(result.variables)
    cells = [[_cell(t, prefixes) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    if width:
        widths = _fit(widths, headers, width)
    def is_number(term: Term | None) -> bool:
        return term is None or (isinstance(term, ox.Literal) and term.datatype.value in _NUMERIC)

    numeric = [bool(result.rows) and all(is_number(row[i]) for row in result.rows) for i in range(len(headers))]

    def line(values: list[str]) -> str:
        return "  ".join(_clip(v, w).rjust(w) if num else _clip(v, w).ljust(w)
                         for v, w, num in zip(values, widths, numeric, strict=True)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])] if headers else []
    out += [line(r) for r in cells]
    n = len(result.rows)
    out.append(f"({n} row{'' if n == 1 else 's'})")
    return "\n".join(out)
