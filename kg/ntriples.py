"""N-Triples text of rdflib terms, written as pyoxigraph writes its own terms.

Why not ``str(ox.Literal(...))``: a full build makes 1.7 million triples at 10,000
documents; turning each rdflib term into a pyoxigraph object only to print it (and to
load it, one Python object per quad) was a fifth of the build. Text goes to the store's
bulk loader as it is (parsed in Rust) and, sorted, to pyoxigraph's Turtle writer.

Two forms of a literal:

- ``nt_term``: the literal as written (``"0.940"^^xsd:decimal``), exactly
  ``str(ox.Literal(...))``; the build's per-graph hashes (kg.build._quads_hash) are made
  of these lines.
- ``stored_term``: the form the store gives back, which keeps typed values as values
  (``"0.94"^^xsd:decimal``); kg.ttl is made of these lines. Worked out by the store itself
  (a round trip through an in-memory store, kept per distinct literal), so it cannot drift
  from pyoxigraph's rules.
"""

from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef

__all__ = ["nt_term", "stored_term", "nt_line", "quoted"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# pyoxigraph (oxrdf) escapes these in a quoted string; everything else is written as it is
_ESCAPES = {0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"}
_TABLE = {c: _ESCAPES.get(c, f"\\u{c:04X}") for c in [*range(0x20), 0x22, 0x5C, 0x7F]}
_SPECIAL = re.compile(r'[\x00-\x1f"\\\x7f]')


def quoted(text: str) -> str:
    """A string as an N-Triples quoted string."""
    if _SPECIAL.search(text) is None:
        return f'"{text}"'
    return f'"{text.translate(_TABLE)}"'


def nt_term(term: Any) -> str:
    """An rdflib IRI or literal in N-Triples, as ``str()`` of the same pyoxigraph term."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        if term.language:
            return f"{quoted(str(term))}@{term.language.lower()}"
        dt = term.datatype
        if dt is None or str(dt) == _XSD_STRING:  # (a URIRef never equals a plain str)
            return quoted(str(term))
        return f"{quoted(str(term))}^^<{dt}>"
    raise TypeError(f"not an IRI or literal: {term!r}")


_STORED: dict[str, str] = {}
_SUBJECT = ox.NamedNode("urn:kg:s")


def stored_term(term: Any, text: str | None = None) -> str:
    """``nt_term`` in the form the store keeps (typed literals as their canonical value);
    ``text``: ``nt_term(term)`` when the caller has it already."""
    if text is None:
        text = nt_term(term)
    if not isinstance(term, Literal) or term.language or term.datatype is None \
            or str(term.datatype) == _XSD_STRING:
        return text
    stored = _STORED.get(text)
    if stored is None:
        memory = ox.Store()
        memory.add(ox.Quad(_SUBJECT, _SUBJECT, ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))))
        line = (memory.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b"").decode("utf-8")
        stored = line[len("<urn:kg:s> <urn:kg:s> "):-len(" .\n")]
        if len(_STORED) < 200_000:
            _STORED[text] = stored
    return stored


def nt_line(triple: tuple) -> str:
    """A triple as an N-Triples line, without its newline (kg.build._line's form)."""
    s, p, o = triple
    return f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ."
