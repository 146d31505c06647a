"""RDF files from anywhere are parsed offline: nothing in a file makes kg fetch or read.

An RDF file given to ``kg load`` or ``kg validate --file`` may come from anyone. Parsers
have features that reach outside the file: JSON-LD's ``@context`` (and ``@import``) as a
URL, which a loader fetches over the network or from ``file:`` paths, and XML's external
entities (``<!ENTITY x SYSTEM "...">``) and nested entities that expand a few bytes into
gigabytes. pyoxigraph fetches nothing, but rdflib's JSON-LD parser (our fallback for
JSON-LD pyoxigraph rejects) does fetch contexts, and pyoxigraph expands internal XML
entities without limit. So before parsing, these checks refuse such files, naming the
file and the reference, and the user can inline the context or the entity.

Kept apart from kg.store so the rules can be read (and tested) in one place. Turtle,
TriG, N-Triples and N-Quads need no check: ``@base``, ``@prefix`` and IRIs are only names.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kg.errors import RdfFileError

__all__ = ["check_jsonld", "check_rdfxml", "MAX_ENTITY_EXPANSION", "MAX_JSON_DEPTH"]

MAX_JSON_DEPTH = 200
"""Nesting of objects and arrays a JSON-LD file may have. pyoxigraph's JSON-LD parser
recurses and crashes the process (a stack overflow, not an exception) on files nested
some thousands deep, as fuzzing found; real JSON-LD is a few levels deep."""
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(rb"[\[\]{}]")

MAX_ENTITY_EXPANSION = 16 * 1024 * 1024
"""Characters that internal XML entities may add to a file when expanded (OWL files
abbreviate namespaces with entities: a few bytes, a few thousand times)."""

_REMOTE_ADVICE = ("kg does not fetch contexts (an RDF file must not make kg open a connection or "
                  "read another file); put the context's definitions inline in the file")


def check_jsonld(path: Path, data: bytes | None = None) -> None:
    """Refuse a JSON-LD file whose contexts are not all inline (``@context`` as a string,
    ``@import``). Malformed JSON is left to the parser to report."""
    raw = path.read_bytes() if data is None else data
    depth = deepest = 0
    for m in _JSON_BRACKET.finditer(_JSON_STRING.sub(b'""', raw)):
        depth += 1 if m.group() in (b"[", b"{") else -1
        if depth > deepest:
            deepest = depth
            if deepest > MAX_JSON_DEPTH:
                raise RdfFileError(path, fmt="jsonld", detail=f"it nests objects or arrays over {MAX_JSON_DEPTH} "
                                   "deep, more than kg reads; flatten it (JSON-LD @graph with @id references)")
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return
    stack = [doc]
    while stack:  # iterative: a deeply nested file must not exhaust Python's stack
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if "@context" in node:
                _check_context(path, node["@context"])
            stack.extend(v for k, v in node.items() if k != "@context")


def _check_context(path: Path, context: object) -> None:
    stack = [context]
    while stack:
        ctx = stack.pop()
        if isinstance(ctx, str):
            raise RdfFileError(path, fmt="jsonld", detail=f"its @context refers to {ctx[:200]!r}; {_REMOTE_ADVICE}")
        if isinstance(ctx, list):
            stack.extend(ctx)
        elif isinstance(ctx, dict):
            if "@import" in ctx:
                raise RdfFileError(path, fmt="jsonld",
                                   detail=f"its @context imports {str(ctx['@import'])[:200]!r}; {_REMOTE_ADVICE}")
            # scoped contexts of terms may hold contexts too
            stack.extend(v["@context"] for v in ctx.values() if isinstance(v, dict) and "@context" in v)


_DOCTYPE = re.compile(rb"<!DOCTYPE\b")
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s+)?([^\s%\"'>]{1,200})\s+(SYSTEM|PUBLIC|\"([^\"]*)\"|'([^']*)')")
_REF = re.compile(rb"[&%](?!(?:lt|gt|amp|apos|quot|#[0-9]{1,8}|#x[0-9a-fA-F]{1,8});)[^\s;&%<>\"']{1,200};")


def check_rdfxml(path: Path, data: bytes | None = None) -> None:
    """Refuse RDF/XML that declares external or parameter entities, entities built from
    other entities, or internal entities whose expansion would add more than
    MAX_ENTITY_EXPANSION characters. Plain internal entities (namespace abbreviations)
    are allowed: they cannot reach outside the file."""
    raw = path.read_bytes() if data is None else data
    start = _DOCTYPE.search(raw)
    if start is None:
        return
    end = raw.find(b"]>", start.end())
    subset = raw[start.end(): end if end != -1 else len(raw)]
    body = raw[end + 2:] if end != -1 else b""
    added = 0
    for match in _ENTITY.finditer(subset):
        parameter, name, kind, value = match.group(1), match.group(2), match.group(3), match.group(4) or match.group(5)
        label = name.decode("utf-8", "replace")
        if kind in (b"SYSTEM", b"PUBLIC"):
            raise RdfFileError(path, fmt="rdfxml", detail=f"it declares the external XML entity {label!r}; kg does "
                               "not read external entities (they would make it fetch a URL or read another "
                               "file); put the text in the file instead")
        if parameter:
            raise RdfFileError(path, fmt="rdfxml", detail=f"it declares the parameter entity {label!r}, which kg "
                               "does not expand; remove the DOCTYPE's parameter entities")
        if value is not None and _REF.search(value):
            raise RdfFileError(path, fmt="rdfxml", detail=f"its XML entity {label!r} is defined by other entities "
                               "(nested entities can expand without limit); write the value out in full")
        uses = body.count(b"&" + name + b";")
        added += uses * len(value or b"")
        if added > MAX_ENTITY_EXPANSION:
            raise RdfFileError(path, fmt="rdfxml", detail=f"its XML entities would expand to over "
                               f"{MAX_ENTITY_EXPANSION // (1024 * 1024)} MB; write the values out instead")
    if subset.count(b"<!ENTITY") != len(_ENTITY.findall(subset)):
        raise RdfFileError(path, fmt="rdfxml", detail="its DOCTYPE declares entities kg cannot check; "
                           "remove the DOCTYPE")
