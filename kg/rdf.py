"""Facts and resolved entities in, RDF out: the only module that builds triples.

Everything follows docs/graph-schema.md. Every node gets a readable IRI made of the base,
fixed words, document ids and slugs (kg.iri.slug) -- never a blank node -- so building the
same inputs twice gives the same triples, and a fact found in two documents lands on the
same node. Literals are the text's own strings, unchanged and without language tags.

Organisation and person IRIs come from the resolution ("org/<slug>", "person/<slug>"). A
local id the resolution does not know falls back to the slug of its name; such entities
(and the meeting's committee and council when resolution did not produce them) get their
type and label in the document graph, so that every organisation and person in the union
has exactly one label wherever it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import PurePath
from typing import Any, overload
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef

from kg import ns
from kg.iri import normalise_base
from kg.iri import slug as _slug
from kg.model import Evidence, Facts, Organisation, Person, Resolution
from kg.ns import (
    BOARD_KINDS,
    ORG_KIND_CLASS,
    REVIEW_KIND_CLASS,
    REVIEW_KIND_LABEL,
    ROLE_IDS,
    SECTOR_IDS,
    THEME_IDS,
    bind_prefixes,
)
from kg.paths import ONTOLOGY_DIR
from kg.resolve import board_area

__all__ = [
    "ONTOLOGY_FILE", "AGENT_TAIL", "iri", "graph_iri", "entities_graph_iri",
    "ontology_graph_iri", "document_iri", "agent_iri", "role_iri", "document_graph",
    "entities_graph", "ontology_graph", "build_dataset", "Triples", "document_triples",
    "entities_triples", "ontology_quads", "to_quads", "time_graph_iri", "time_graph", "time_triples",
    "tenure_statements", "tenures",
    "document_date",
]

ONTOLOGY_FILE = ONTOLOGY_DIR / "safeguarding.ttl"
AGENT_TAIL = "agent/kg-extractor"


slug = lru_cache(maxsize=1 << 16)(_slug)
"""kg.iri.slug, remembered: the writers slug the same names, titles and kinds again and
again (some 50 calls per document, each a Unicode normalisation and a regex)."""

_INT_LITERALS: dict[int, Literal] = {}
_DECIMAL_LITERALS: dict[str, Literal] = {}


def _int_literal(n: int) -> Literal:
    """``Literal(n)``, kept while few: character offsets, pages and years repeat across
    documents, and an rdflib Literal costs some 10 microseconds to make (the same value,
    the same term)."""
    lit = _INT_LITERALS.get(n)
    if lit is None:
        lit = Literal(n)
        if len(_INT_LITERALS) < 200_000:
            _INT_LITERALS[n] = lit
    return lit


def _decimal_literal(text: str) -> Literal:
    """``Literal(Decimal(text))``, kept (confidences: a few hundred values)."""
    lit = _DECIMAL_LITERALS.get(text)
    if lit is None:
        lit = Literal(Decimal(text))
        if len(_DECIMAL_LITERALS) < 10_000:
            _DECIMAL_LITERALS[text] = lit
    return lit


class _Terms:
    """A namespace whose terms are looked up once: ``RDF.type`` on an rdflib
    DefinedNamespace runs a metaclass ``__getattr__`` (a check against the term list,
    then a new URIRef) on every access, and a plain Namespace makes a new URIRef each
    time; the writers below ask some 400 times per document (about 2 million lookups
    at 10,000 documents, a tenth of the graphs' CPU). The terms are the same URIRefs."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):  # not a term (copy, pickle and pytest probe such names)
            raise AttributeError(name)
        term = getattr(self._namespace, name)  # AttributeError for a name a closed namespace lacks
        setattr(self, name, term)  # the next lookup is an instance attribute
        return term

    def __getitem__(self, name: str) -> URIRef:
        return self._namespace[name]

    def __str__(self) -> str:
        return str(self._namespace)


DCTERMS, FOAF, OA, ORG, PROV, RDF, RDFS, SG, SGR, SGS, SGT, SKOS, TIME, XSD = (
    _Terms(n) for n in (ns.DCTERMS, ns.FOAF, ns.OA, ns.ORG, ns.PROV, ns.RDF, ns.RDFS, ns.SG, ns.SGR, ns.SGS,
                        ns.SGT, ns.SKOS, ns.TIME, ns.XSD))

_MEDIA_TYPES = {".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf",
                ".txt": "text/plain", ".md": "text/markdown",
                ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}

# Spellings of the four fixed roles that should land on the same role and post.
_ROLE_ALIASES = {
    "chairman": "chair", "chairperson": "chair", "chairwoman": "chair",
    "independent-chairman": "independent-chair", "independent-chairperson": "independent-chair",
    "independent-chairwoman": "independent-chair",
    "vice-chairman": "vice-chair", "vice-chairperson": "vice-chair", "vice-chairwoman": "vice-chair",
    "independent-scrutiniser": "independent-scrutineer",
    "independent-scrutinizer": "independent-scrutineer",
}
_ROLE_HEADS = sorted({*ROLE_IDS, *_ROLE_ALIASES}, key=lambda h: (-len(h), h))  # longest first
# Words that say *when* someone holds a post, not which post: "the new Independent Chair",
# "the former Chair" hold the same post as "the Independent Chair" (the tenure says when).
_TIME_QUALIFIER = re.compile(r"^(?:(?:new|former|outgoing|previous|retiring|incoming|interim|acting|current|"
                             r"past)-)+")
_FORMER_TITLE = re.compile(r"^\W*(?:the\s+)?(?:former|outgoing|previous|retiring|past)\b", re.I)
_ROLE_LABEL = {"chair": "Chair", "independent-chair": "Independent Chair",
               "independent-scrutineer": "Independent Scrutineer", "vice-chair": "Vice-Chair"}


# --- IRIs ----------------------------------------------------------------------------

def iri(base: str, tail: str) -> URIRef:
    """An instance IRI: the (normalised) base followed by a schema-doc tail."""
    return URIRef(normalise_base(base) + tail)


def _doc_id(document_id: str) -> str:
    """Document ids are file names: percent-encode anything an IRI cannot hold."""
    return quote(document_id, safe="-._~")


def graph_iri(base: str, document_id: str) -> URIRef:
    """The named graph holding one document's facts."""
    return iri(base, f"graph/{_doc_id(document_id)}")


def entities_graph_iri(base: str) -> URIRef:
    return iri(base, "graph/entities")


def ontology_graph_iri(base: str) -> URIRef:
    return iri(base, "graph/ontology")


def document_iri(base: str, document_id: str) -> URIRef:
    return iri(base, f"doc/{_doc_id(document_id)}")


def agent_iri(base: str) -> URIRef:
    """The software agent every extracted fact is attributed to."""
    return iri(base, AGENT_TAIL)


@lru_cache(maxsize=1 << 14)  # pure, and asked for the same titles in every document
def role_iri(title: str) -> tuple[URIRef, str]:
    """The role concept for a job title, and its slug.

    Chair-like titles map onto the ontology's four fixed roles, including titles that go
    on to name the board ("Independent Chairman of the Children Safeguarding
    Partnership" -> sgr:independent-chair), so that every document's chair of a board
    lands on the same post. Any other title becomes a role minted from its slug in the
    same namespace, which the closed SGR would refuse, hence the explicit string join.
    """
    s = slug(title) if title.strip() else "member"
    s = _TIME_QUALIFIER.sub("", s) or s
    s = _ROLE_ALIASES.get(s, s)
    head = _TIME_QUALIFIER.sub("", slug(title.split(",")[0]))  # "Independent Chair, Fenmoor SAB"
    if _ROLE_ALIASES.get(head, head) in ROLE_IDS:
        s = _ROLE_ALIASES.get(head, head)
    if s not in ROLE_IDS:
        for head in _ROLE_HEADS:
            if s.startswith((head + "-of-", head + "-for-")):
                s = _ROLE_ALIASES.get(head, head)
                break
    if s in ROLE_IDS:
        return SGR[s], s
    return URIRef(str(SGR) + s), s


def _tail(key: str) -> str:
    """"org/foo" -> "foo": the slug part of an entity key, for composite IRIs."""
    return key.partition("/")[2] or key


def _date(text: str | None) -> Literal | None:
    """An xsd:date literal, or None when the text is not a real YYYY-MM-DD date."""
    if not text or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        date.fromisoformat(text)
    except ValueError:
        return None
    return Literal(text, datatype=XSD.date)


def _decimal(value: object) -> Literal | None:
    """An xsd:decimal in plain positional notation (15000, not 1.5E+4), or None."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        d = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    if d == d.to_integral_value():
        d = d.quantize(Decimal(1))
    return Literal(format(d, "f"), datatype=XSD.decimal)


@overload
def _norm(value: str | None, allowed: Iterable[str], default: str) -> str: ...
@overload
def _norm(value: str | None, allowed: Iterable[str], default: None) -> str | None: ...
def _norm(value: str | None, allowed: Iterable[str], default: str | None) -> str | None:
    """A contract id in canonical form (slug), or ``default`` when it is not one."""
    if value is None:
        return default
    s = slug(value)
    return s if s in allowed else default


# --- where the writers add triples ----------------------------------------------------

class Triples:
    """What the fact writers add to: ``add((s, p, o))`` as on an rdflib Graph, without one.

    An rdflib Graph indexes every triple three ways as it is added, and a build then
    had to serialise it to N-Triples and parse that back into the store; here the
    triples are only collected (in order, without duplicates) and turned into
    pyoxigraph quads in one pass (``to_quads``), or into an rdflib Graph for callers
    that want one (``to_graph``). Writers keep rdflib's term constructors (URIRef,
    Literal, the closed namespaces), so what they say is unchanged.
    """

    __slots__ = ("_triples",)

    def __init__(self) -> None:
        self._triples: dict[tuple, None] = {}

    def add(self, triple: tuple) -> Triples:
        self._triples[triple] = None
        return self

    def __iter__(self):
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: tuple) -> bool:
        return triple in self._triples

    def to_graph(self) -> Graph:
        g = bind_prefixes(Graph())
        for t in self._triples:
            g.add(t)
        return g

    def to_quads(self, graph_name: str | URIRef) -> list[ox.Quad]:
        return to_quads(self._triples, graph_name)


_OX_IRIS: dict[str, ox.NamedNode] = {}
_OX_DATATYPES: dict[str, ox.NamedNode] = {}


def _ox_iri(term: Any) -> ox.NamedNode:
    """rdflib IRI -> pyoxigraph NamedNode. Namespace terms repeat in every triple, so IRIs
    are kept while few."""
    node = _OX_IRIS.get(term)
    if node is None:
        if not isinstance(term, URIRef):
            raise TypeError(f"not an IRI: {term!r}")
        node = ox.NamedNode(str(term))
        if len(_OX_IRIS) < 50_000:
            _OX_IRIS[term] = node
    return node


def _ox_term(term: Any) -> ox.NamedNode | ox.Literal:
    """rdflib IRI or literal -> pyoxigraph term (plain literals are xsd:string, as RDF 1.1
    says)."""
    if isinstance(term, URIRef):
        return _ox_iri(term)
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is None:
            return ox.Literal(str(term))
        dt = _OX_DATATYPES.get(term.datatype)
        if dt is None:
            dt = _OX_DATATYPES[term.datatype] = ox.NamedNode(term.datatype)
        return ox.Literal(str(term), datatype=dt)
    raise TypeError(f"not an IRI or literal: {term!r}")


def to_quads(triples: Iterable[tuple], graph_name: str | URIRef) -> list[ox.Quad]:
    """rdflib-term triples -> pyoxigraph quads in the named graph ``graph_name``."""
    g = ox.NamedNode(str(graph_name))
    iri, conv = _ox_iri, _ox_term
    return [ox.Quad(iri(s), iri(p), conv(o), g) for s, p, o in triples]


# --- shared node writers -------------------------------------------------------------

def _add_organisation(g: Triples, node: URIRef, label: str, kind: str | None,
                      sector: str | None, aliases: Iterable[str]) -> None:
    k = _norm(kind, ORG_KIND_CLASS, "other")
    g.add((node, RDF.type, ORG.Organization))
    g.add((node, RDF.type, ORG_KIND_CLASS[k]))
    g.add((node, RDFS.label, Literal(label)))
    if kind is not None:
        g.add((node, SG.kind, Literal(k)))
    sec = _norm(sector, SECTOR_IDS, "other") if sector else None
    if sec:
        g.add((node, SG.sector, SGS[sec]))
    for alias in aliases:
        if alias and alias != label:
            g.add((node, SKOS.altLabel, Literal(alias)))


def _add_person(g: Triples, node: URIRef, name: str, honorific: str | None,
                aliases: Iterable[str]) -> None:
    g.add((node, RDF.type, FOAF.Person))
    g.add((node, FOAF.name, Literal(name)))
    if honorific:
        g.add((node, SG.honorific, Literal(honorific)))
    for alias in aliases:
        if alias and alias != name:
            g.add((node, SKOS.altLabel, Literal(alias)))


# --- one document ----------------------------------------------------------------------

class _Agent:
    """A resolved organisation or person of the document being built."""

    __slots__ = ("key", "node", "label", "kind")

    def __init__(self, key: str, node: URIRef, label: str, kind: str | None) -> None:
        self.key, self.node, self.label, self.kind = key, node, label, kind


class _DocumentBuilder:
    """Writes one document's triples; holds the lookups the fact writers share."""

    def __init__(self, facts: Facts, resolution: Resolution, base: str) -> None:
        self.facts, self.resolution, self.base = facts, resolution, normalise_base(base)
        self.doc_tail = _doc_id(facts.document)
        self.doc = document_iri(self.base, facts.document)
        self.agent = agent_iri(self.base)
        self.g = Triples()
        self.orgs = {o.id: o for o in facts.organisations}
        self.people = {p.id: p for p in facts.people}
        self._agents: dict[tuple[str, str], _Agent | None] = {}

    # entities

    def _known(self, key: str, label: str, kind: str | None) -> tuple[str, str | None, bool]:
        """Label and kind of a key, and whether resolution already describes it."""
        ent = self.resolution.entities.get(key)
        if ent is None:
            return label, kind, False
        return ent.label, ent.kind if ent.kind is not None else kind, True

    def org(self, local_id: str | None) -> _Agent | None:
        """The organisation a local id denotes (None when the id is not in the document)."""
        if local_id is None:
            return None
        if ("org", local_id) not in self._agents:
            self._agents[("org", local_id)] = self._resolve_org(local_id)
        return self._agents[("org", local_id)]

    def _resolve_org(self, local_id: str) -> _Agent | None:
        local: Organisation | None = self.orgs.get(local_id)
        key = self.resolution.key(self.facts.document, local_id)
        if key is None:
            if local is None:
                return None
            key = "org/" + slug(local.name)
        label, kind, known = self._known(key, local.name if local else _tail(key),
                                         local.kind if local else None)
        node = iri(self.base, key)
        if not known:
            _add_organisation(self.g, node, label, kind, local.sector if local else None,
                              local.aliases if local else ())
        return _Agent(key, node, label, kind)

    def named_org(self, key: str, label: str, kind: str) -> _Agent:
        """An organisation known only by name (the meeting's council or committee)."""
        label, known_kind, known = self._known(key, label, kind)
        node = iri(self.base, key)
        if not known:
            _add_organisation(self.g, node, label, kind, None, ())
        return _Agent(key, node, label, known_kind)

    def person(self, local_id: str | None) -> _Agent | None:
        if local_id is None:
            return None
        if ("person", local_id) not in self._agents:
            self._agents[("person", local_id)] = self._resolve_person(local_id)
        return self._agents[("person", local_id)]

    def _resolve_person(self, local_id: str) -> _Agent | None:
        local: Person | None = self.people.get(local_id)
        key = self.resolution.key(self.facts.document, local_id)
        if key is None:
            if local is None:
                return None
            key = "person/" + slug(local.name)
        label, _, known = self._known(key, local.name if local else _tail(key), None)
        node = iri(self.base, key)
        if not known:
            _add_person(self.g, node, label, local.honorific if local else None,
                        local.aliases if local else ())
        return _Agent(key, node, label, None)

    # provenance

    def evidence(self, ev: Evidence) -> URIRef:
        """The sentence node (an oa:SpecificResource with a text position+quote selector)."""
        g = self.g
        node = iri(self.base, f"doc/{self.doc_tail}/char/{ev.start}-{ev.end}")
        selector = URIRef(str(node) + "/selector")
        g.add((node, RDF.type, OA.SpecificResource))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, OA.hasSource, self.doc))
        g.add((node, OA.hasSelector, selector))
        if ev.page is not None:
            g.add((node, SG.page, _int_literal(int(ev.page))))
        g.add((selector, RDF.type, OA.TextPositionSelector))
        g.add((selector, RDF.type, OA.TextQuoteSelector))
        g.add((selector, OA.start, _int_literal(int(ev.start))))
        g.add((selector, OA.end, _int_literal(int(ev.end))))
        g.add((selector, OA.exact, Literal(ev.text)))
        return node

    def derive(self, node: URIRef, ev: Evidence | None) -> None:
        """Attribute a fact node to the extractor and, when known, to its sentence."""
        self.g.add((node, PROV.wasAttributedTo, self.agent))
        if ev is not None:
            self.g.add((node, PROV.wasDerivedFrom, self.evidence(ev)))
            if ev.by:
                self.g.add((node, PROV.wasGeneratedBy, self.method(ev.by)))
            if ev.confidence is not None:
                self.g.add((node, SG.confidence, _decimal_literal(f"{ev.confidence:.3f}")))

    def method(self, by: str) -> URIRef:
        """The rule or model that produced a fact, as a prov:Activity of the extractor
        ("model:themes" -> .../method/model-themes), so facts can be filtered by it."""
        node = iri(self.base, "method/" + slug(by.replace(":", "-")))
        self.g.add((node, RDF.type, PROV.Activity))
        self.g.add((node, RDFS.label, Literal(by)))
        self.g.add((node, PROV.wasAssociatedWith, self.agent))
        return node

    # the whole document

    def build(self) -> Triples:
        g, f, doc = self.g, self.facts, self.doc
        g.add((doc, RDF.type, FOAF.Document))
        g.add((doc, RDF.type, PROV.Entity))
        g.add((doc, DCTERMS.identifier, Literal(f.document)))
        if f.source:
            g.add((doc, DCTERMS.source, Literal(f.source)))
            media = _MEDIA_TYPES.get(PurePath(f.source).suffix.lower())
            if media:
                g.add((doc, DCTERMS.format, Literal(media)))
        if f.title:
            g.add((doc, DCTERMS.title, Literal(f.title)))
        _add_document_date(g, doc, f)
        g.add((self.agent, RDF.type, PROV.SoftwareAgent))
        g.add((self.agent, RDFS.label, Literal("kg extractor")))
        self._meeting()
        for o in f.organisations:
            self._mention(self.org(o.id))
        for p in f.people:
            self._mention(self.person(p.id))
        self._roles()
        self._chairs()
        self._partners()
        self._themes()
        self._reviews()
        self._statistics()
        self._changes()
        self._reports()
        return g

    def _mention(self, agent: _Agent | None) -> None:
        if agent is not None:
            self.g.add((self.doc, SG.mentions, agent.node))

    def _listed(self, kind: str, name: str) -> _Agent | None:
        """The document's own organisation of ``kind`` called ``name`` (or aliased so)."""
        wanted = name.casefold()
        for o in self.facts.organisations:
            forms = {o.name.casefold(), *(a.casefold() for a in o.aliases)}
            if slug(o.kind) == kind and wanted in forms:
                return self.org(o.id)
        return None

    def _council(self) -> _Agent | None:
        """The meeting's council: the listed one of that name, else org/slug(name)."""
        name = self.facts.meeting.council
        if not name:
            return None
        return self._listed("council", name) or self.named_org("org/" + slug(name), name, "council")

    def _committee(self) -> _Agent | None:
        """The body that met: the document's own committee organisation of that name
        when the facts list one (so it is not drawn twice), else org/slug(council body)."""
        m = self.facts.meeting
        if not m.body:
            return None
        listed = self._listed("committee", m.body)
        if listed is not None:
            return listed
        key = "org/" + slug(f"{m.council} {m.body}" if m.council else m.body)
        label = m.body if not m.council or m.council.casefold() in m.body.casefold() \
            else f"{m.council} {m.body}"
        return self.named_org(key, label, "committee")

    def _meeting(self) -> None:
        g, m = self.g, self.facts.meeting
        council, committee = self._council(), self._committee()
        if committee is not None and council is not None:
            g.add((committee.node, ORG.unitOf, council.node))
        self._mention(council)
        self._mention(committee)
        if not any((m.council, m.body, m.date, m.item)):
            return
        meeting = iri(self.base, f"meeting/{self.doc_tail}")
        g.add((self.doc, SG.recordsMeeting, meeting))
        g.add((meeting, RDF.type, SG.Meeting))
        label = ", ".join(p for p in (m.body or m.council or "Meeting", m.date) if p)
        g.add((meeting, RDFS.label, Literal(label)))
        when = _date(m.date)
        if when is not None:
            g.add((meeting, DCTERMS.date, when))
        if committee is not None:
            g.add((meeting, SG.body, committee.node))
        if council is not None:
            g.add((meeting, SG.council, council.node))
        if m.item:
            g.add((meeting, SG.itemNumber, Literal(str(m.item))))

    def _role(self, title: str, in_org: bool = True) -> tuple[URIRef, str]:
        """The role of a title; a chair-like title that names no board ("Chair of School
        Governors" with no organisation) keeps its own words rather than becoming sgr:chair."""
        role, role_slug = role_iri(title)
        if not in_org and role_slug in ROLE_IDS and slug(title) not in (role_slug, *_ROLE_ALIASES):
            role_slug = slug(title)
            role = URIRef(str(SGR) + role_slug)
        if role_slug not in ROLE_IDS:  # the ontology describes the fixed four
            self.g.add((role, RDF.type, ORG.Role))
            self.g.add((role, RDFS.label, Literal(title)))
        return role, role_slug

    def _membership(self, person: _Agent, org: _Agent | None, title: str,
                    ev: Evidence | None) -> None:
        """One membership per person, organisation and role; without an organisation the
        IRI simply leaves that segment out."""
        g = self.g
        role, role_slug = self._role(title, org is not None)
        tail = f"{_tail(person.key)}/{_tail(org.key)}/{role_slug}" if org is not None \
            else f"{_tail(person.key)}/{role_slug}"
        node = iri(self.base, f"membership/{tail}")
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, person.node))
        if org is not None:
            g.add((node, ORG.organization, org.node))
        g.add((node, ORG.role, role))
        g.add((node, SG.title, Literal(title)))
        self.derive(node, ev)

    def _roles(self) -> None:
        specific = self._specific_chairs()
        for r in self.facts.roles:
            person = self.person(r.person)
            if person is not None:
                title = r.title
                if role_iri(title)[1] == "chair" and (r.person, r.organisation) in specific:
                    title = specific[(r.person, r.organisation)]  # the same post, not a second one
                self._membership(person, self.org(r.organisation), title, r.evidence)

    def _chair_title(self, person_id: str, org_id: str, title: str | None) -> str:
        """The chair's title: its own, else a chair-like role title for the same pair."""
        if title:
            return title
        for r in self.facts.roles:
            if r.person == person_id and r.organisation == org_id:
                s = role_iri(r.title)[1]
                if s in ROLE_IDS or "chair" in s or "scrutin" in s:
                    return r.title
        return "Chair"

    def _specific_chairs(self) -> dict[tuple[str, str | None], str]:
        """(person, board) -> the more specific chair title the document gives for that
        pair ("Independent Chairman of ..."), which a plain "Chair" of the pair joins."""
        specific: dict[tuple[str, str | None], str] = {}
        titles = [(c.person, c.organisation, self._chair_title(c.person, c.organisation, c.title))
                  for c in self.facts.chairs]
        titles += [(r.person, r.organisation, r.title) for r in self.facts.roles if r.organisation]
        for person, org, title in titles:
            s = role_iri(title)[1]
            if s in ("independent-chair", "independent-scrutineer"):
                specific.setdefault((person, org), title)
        return specific

    def _chairs(self) -> None:
        """Posts, headOf and memberships of the chairs.

        A plain "Chair" of a board that the same document also gives a more specific
        chair title for (the Independent Chair, later "the Chair") is the same post, so
        it joins that one instead of making a second post (or a second membership).
        """
        specific = self._specific_chairs()
        for c in self.facts.chairs:
            pair = (c.person, c.organisation)
            title = self._chair_title(c.person, c.organisation, c.title)
            if role_iri(title)[1] == "chair" and pair in specific:
                title = specific[pair]
            self._chair(c.person, c.organisation, title, c.evidence)

    def _chair(self, person_id: str, org_id: str, title: str, ev: Evidence | None) -> None:
        g = self.g
        person, org = self.person(person_id), self.org(org_id)
        if person is None or org is None:
            return
        self._membership(person, org, title, ev)
        role, role_slug = role_iri(title)
        post = iri(self.base, f"post/{_tail(org.key)}/{role_slug}")
        g.add((person.node, ORG.headOf, org.node))
        g.add((post, RDF.type, ORG.Post))
        g.add((post, RDF.type, SG.ChairPost))
        g.add((post, ORG.postIn, org.node))
        g.add((post, ORG.heldBy, person.node))
        g.add((post, ORG.role, role))
        g.add((post, RDFS.label, Literal(f"{_ROLE_LABEL.get(role_slug, title)} of {org.label}")))
        g.add((person.node, ORG.holds, post))
        self.derive(post, ev)

    def _partners(self) -> None:
        g = self.g
        for p in self.facts.partners:
            board = self.org(p.partnership)
            if board is None:
                continue
            sector = _norm(p.sector, SECTOR_IDS, "other")
            node = iri(self.base, f"partner/{_tail(board.key)}/{sector}")
            g.add((board.node, SG.hasPartnerSector, SGS[sector]))
            g.add((node, RDF.type, SG.PartnerRelation))
            g.add((node, SG.partnership, board.node))
            g.add((node, SG.sector, SGS[sector]))
            if p.statutory is not None:
                g.add((node, SG.statutory, Literal(bool(p.statutory))))
            agency = self.org(p.agency)
            if agency is not None:
                g.add((node, SG.agency, agency.node))
                g.add((board.node, ORG.hasMember, agency.node))
            self.derive(node, p.evidence)

    def _board(self, local_id: str | None) -> _Agent | None:
        """The board a mention is attached to (kg.extract.attach), if it is a board."""
        board = self.org(local_id)
        return board if board is not None and _norm(board.kind, BOARD_KINDS, None) else None

    def _themes(self) -> None:
        """A theme is credited to a board only through its mention's attachment: the one
        board its sentence (paragraph, section) is about, else none."""
        g = self.g
        for t in self.facts.themes:
            theme = _norm(t.theme, THEME_IDS, None)
            if theme is None:  # not a contract theme: nothing to point at
                continue
            node = iri(self.base, f"mention/{self.doc_tail}/{theme}")
            g.add((self.doc, DCTERMS.subject, SGT[theme]))
            g.add((node, RDF.type, SG.ThemeMention))
            g.add((node, SG.theme, SGT[theme]))
            g.add((node, SG.inDocument, self.doc))
            self._about(node, t.organisation)
            self.derive(node, t.evidence)

    def _about(self, node: URIRef, local_id: str | None) -> None:
        board = self._board(local_id)
        if board is not None:
            self.g.add((node, SG.about, board.node))

    def _review_node(self, index: int, kind: str, name: str | None) -> URIRef:
        """The review across documents (resolution's (area, kind, case) key), else this document's."""
        key = self.resolution.review(self.facts.document, index)
        return iri(self.base, key or f"review/{self.doc_tail}/{kind}/{slug(name) if name else 'unnamed'}")

    def _reviews(self) -> None:
        """One node per review; a plural mention of the activity ("the case reviews") is none."""
        g = self.g
        for i, r in enumerate(self.facts.reviews):
            if r.generic:
                continue
            kind = _norm(r.kind, REVIEW_KIND_CLASS, "case-review")
            node = self._review_node(i, kind, r.name)
            g.add((node, RDF.type, SG.CaseReview))
            g.add((node, RDF.type, REVIEW_KIND_CLASS[kind]))
            label = REVIEW_KIND_LABEL[kind] + (f": {r.name}" if r.name else "")
            g.add((node, RDFS.label, Literal(label)))
            g.add((node, SG.reviewKind, Literal(kind)))
            if r.name:
                g.add((node, SG.caseName, Literal(r.name)))
            if r.year and re.fullmatch(r"\d{4}", r.year):
                g.add((node, SG.year, Literal(int(r.year))))
            board = self._board(r.organisation)
            if board is not None:
                g.add((node, SG.conductedBy, board.node))
            g.add((node, SG.inDocument, self.doc))
            self.derive(node, r.evidence)

    def _statistics(self) -> None:
        g = self.g
        for n, s in enumerate(self.facts.statistics, 1):
            value = _decimal(s.value)
            if value is None:
                continue
            node = iri(self.base, f"statistic/{self.doc_tail}/{n}")
            g.add((node, RDF.type, SG.Statistic))
            g.add((node, SG.value, value))
            if s.unit:
                g.add((node, SG.unit, Literal(s.unit)))
            if s.measure:
                g.add((node, SG.measure, Literal(s.measure)))
            g.add((node, SG.inDocument, self.doc))
            self._about(node, s.organisation)
            self.derive(node, s.evidence)

    def _changes(self) -> None:
        g = self.g
        for c in self.facts.changes:
            old, new = self.org(c.old), self.org(c.new)
            if old is None or new is None:
                continue
            node = iri(self.base, f"change/{_tail(old.key)}/{_tail(new.key)}")
            g.add((node, RDF.type, ORG.ChangeEvent))
            g.add((node, ORG.originalOrganization, old.node))
            g.add((node, ORG.resultingOrganization, new.node))
            g.add((old.node, ORG.changedBy, node))
            g.add((new.node, ORG.resultedFrom, node))
            when = _date(c.date)
            if when is not None:
                g.add((node, DCTERMS.date, when))
            self.derive(node, c.evidence)


    def _reports(self) -> None:
        g = self.g
        for r in self.facts.reports:
            board = self.org(r.organisation)
            if board is None or not r.period:
                continue
            node = iri(self.base, f"report/{_tail(board.key)}/{slug(r.period)}")
            g.add((node, RDF.type, SG.AnnualReport))
            g.add((node, RDF.type, PROV.Entity))
            g.add((node, DCTERMS.publisher, board.node))
            g.add((node, DCTERMS.coverage, Literal(r.period)))
            g.add((node, RDFS.label, Literal(f"Annual report {r.period}")))
            g.add((self.doc, DCTERMS.references, node))
            self.derive(node, r.evidence)


# --- public API ------------------------------------------------------------------------

def document_triples(facts: Facts, resolution: Resolution, base: str) -> Triples:
    """All triples of one document (its named graph), per docs/graph-schema.md.

    Facts that point at a local id the document does not define are skipped, and so
    are themes outside the contract's 27: there is nothing sound to link them to.
    """
    return _DocumentBuilder(facts, resolution, base).build()


def document_graph(facts: Facts, resolution: Resolution, base: str) -> Graph:
    """``document_triples`` as an rdflib Graph (prefixes bound)."""
    return document_triples(facts, resolution, base).to_graph()


def entities_triples(resolution: Resolution, base: str) -> Triples:
    """Types, labels, aliases, kinds, sectors and honorifics of every resolved entity.

    Every triple has the entity's own node as subject: kg.build updates this graph
    entity by entity (deleting ``<entity> ?p ?o`` of the entities that changed).
    """
    g = Triples()
    for key in sorted(resolution.entities):
        e = resolution.entities[key]
        node = iri(base, e.key)
        if e.type == "person" or (e.type not in ("organisation", "organization", "org")
                                  and e.key.startswith("person/")):
            _add_person(g, node, e.label, e.honorific, e.aliases)
        else:
            _add_organisation(g, node, e.label, e.kind, e.sector, e.aliases)
            _add_area(g, node, e.label, e.kind)
    return g


def entities_graph(resolution: Resolution, base: str) -> Graph:
    """``entities_triples`` as an rdflib Graph (prefixes bound)."""
    return entities_triples(resolution, base).to_graph()


def ontology_quads(graph_name: str | URIRef) -> list[ox.Quad]:
    """The ontology's triples, read by pyoxigraph straight into the named graph."""
    g = ox.NamedNode(str(graph_name))
    return [ox.Quad(t.subject, t.predicate, t.object, g)
            for t in ox.parse(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE)]


def _add_area(g: Triples, node: URIRef, label: str, kind: str | None) -> None:
    """``sg:area``: the place a board serves, in its name's own spelling (the report's
    and analysts' column; resolution already keys boards by it)."""
    if _norm(kind, BOARD_KINDS, None):
        area = board_area(label)
        if area:
            g.add((node, SG.area, Literal(area)))


def ontology_graph() -> Graph:
    """The project ontology (classes, properties, theme and sector schemes, roles)."""
    return bind_prefixes(Graph()).parse(ONTOLOGY_FILE, format="turtle")


def build_dataset(facts: Iterable[Facts], resolution: Resolution, base: str,
                  include_ontology: bool = True) -> Dataset:
    """Every document in its own named graph, plus the entities and ontology graphs.

    The dataset's default graph is the union, so SPARQL over it sees everything.
    """
    base = normalise_base(base)
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    docs = []
    for f in facts:
        docs.append(document_triples(f, resolution, base))
        _fill(ds, graph_iri(base, f.document), docs[-1])
    _fill(ds, entities_graph_iri(base), entities_triples(resolution, base))
    _fill(ds, time_graph_iri(base), time_graph(docs, base))
    if include_ontology:
        _fill(ds, ontology_graph_iri(base), ontology_graph())
    return ds


def _fill(ds: Dataset, name: URIRef, triples: Iterable[tuple]) -> None:
    """Add ``triples`` to the named graph ``name`` (merging with what is there)."""
    target = ds.graph(name)
    for t in triples:
        target.add(t)


# --- time: document dates and tenures (issue 13) ------------------------------------------

_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s*(?:/|-|–|to)\s*((?:19|20)?\d\d))?(?!\d)")


def _period_end_year(period: str) -> int | None:
    """The calendar year a report period ends in: "2020/21" -> 2021, "2019-2020" -> 2020,
    "April 2018 to March 2019" -> 2019, "2022" -> 2022; None when the text holds no year."""
    years = []
    for m in _PERIOD.finditer(period):
        start, end = m.group(1), m.group(2)
        years.append(int(start))
        if end is not None:
            year = int(end) if len(end) == 4 else int(start[:2] + end)
            years.append(year if year >= int(start) else int(start) + 1)
    return max(years) if years else None


def document_date(facts: Facts) -> Literal | None:
    """When a document speaks: its meeting's date (xsd:date), else the end year of the
    latest annual report period it names (xsd:gYear: a report for 2020/21 states how
    things stood by 2021), else None. A report received at a dated meeting takes the
    meeting's date: that is when the document was written."""
    when = _date(facts.meeting.date)
    if when is not None:
        return when
    years = [y for r in facts.reports if r.period for y in [_period_end_year(r.period)] if y]
    if years:
        return Literal(str(max(years)), datatype=XSD.gYear)
    return None


def _year_of(when: Literal) -> Literal:
    return Literal(int(str(when)[:4]))


def _add_document_date(g: Triples, doc: URIRef, facts: Facts) -> None:
    """``dcterms:date`` and ``sg:year`` (an integer to group by) on a dated document."""
    when = document_date(facts)
    if when is not None:
        g.add((doc, DCTERMS.date, when))
        g.add((doc, SG.year, _year_of(when)))


def time_graph_iri(base: str) -> URIRef:
    """The named graph of tenures, which are drawn from all documents at once."""
    return iri(base, "graph/time")


def _instant(g: Triples, base: str, when: Literal) -> URIRef:
    """One shared time:Instant per date (or year) of the graph."""
    node = iri(base, f"instant/{when}")
    g.add((node, RDF.type, TIME.Instant))
    if when.datatype == XSD.date:
        g.add((node, TIME.inXSDDate, when))
    else:
        g.add((node, TIME.inXSDgYear, when))
    g.add((node, SG.year, _year_of(when)))
    return node


_Said = tuple[str, Literal, URIRef, bool]


def _statements(graphs: Iterable[Iterable[tuple]]) -> dict[URIRef, list[_Said]]:
    """membership -> [(sortable date, date literal, document, said to be former)], from
    the triples of each document's graph as written (an rdflib Graph or a Triples sink),
    so tenures follow the triples, whoever wrote them."""
    out: dict[URIRef, list[_Said]] = {}
    # the terms looked up once: a closed namespace's attribute costs a call each time
    document, membership = FOAF.Document, ORG.Membership
    # the predicate read by a dict look-up: rdflib's ``==`` on terms is a Python call, and
    # four of them per triple were half of this function's time
    kinds = {RDF.type: 0, DCTERMS.date: 1, SG.title: 2}
    for triples in graphs:
        docs, memberships, dates = [], [], {}
        titles: dict[URIRef, list[str]] = {}
        for s, p, o in triples:
            kind = kinds.get(p)
            if kind is None:
                continue
            if kind == 0:
                if o == document:
                    docs.append(s)
                elif o == membership and isinstance(s, URIRef):
                    memberships.append(s)
            elif kind == 1:
                if isinstance(o, Literal):
                    dates[s] = o
            else:
                titles.setdefault(s, []).append(str(o))
        for doc in docs:
            when = dates.get(doc)
            if when is None:
                continue
            for m in memberships:
                former = any(_FORMER_TITLE.match(t) for t in titles.get(m, ()))
                # xsd:date "2021-05-01" sorts after xsd:gYear "2021": a day is more precise
                out.setdefault(m, []).append((str(when), when, doc, former))
    return out


def time_graph(graphs: Iterable[Iterable[tuple]], base: str) -> Triples:
    """Tenures of every post held (``org:memberDuring`` an OWL-Time interval), across
    the document graphs ``graphs`` (each an iterable of triples).

    A tenure runs from the earliest to the latest dated document that states the
    membership. A document that calls the holder former, outgoing or previous closes it
    there (``sg:ended true``) unless a later document states it again. A membership only
    ever stated as former has an end and no beginning: it was held before, we do not
    know since when. Documents without a date give nothing to place in time.
    """
    return tenures(_statements(graphs), base)


def tenure_statements(triples: Iterable[tuple]) -> dict[URIRef, list[_Said]]:
    """What ``time_graph`` reads of one document's graph (its dated memberships), so a
    build can keep it between builds instead of making every document's triples again."""
    return _statements([triples])


def tenures(statements: dict[URIRef, list[_Said]], base: str) -> Triples:
    """``time_graph`` from the statements of all documents (``tenure_statements``, merged)."""
    base = normalise_base(base)
    g = Triples()
    for m, said in sorted(statements.items()):
        said.sort(key=lambda s: (s[0], s[3], str(s[2])))  # same day: 'former' closes
        current = [s for s in said if not s[3]]
        last = said[-1]
        tenure = URIRef(f"{m}/tenure")
        g.add((m, ORG.memberDuring, tenure))
        g.add((tenure, RDF.type, TIME.Interval))
        if current:
            g.add((tenure, TIME.hasBeginning, _instant(g, base, current[0][1])))
            g.add((tenure, PROV.wasDerivedFrom, current[0][2]))
        g.add((tenure, TIME.hasEnd, _instant(g, base, last[1])))
        g.add((tenure, PROV.wasDerivedFrom, last[2]))
        if last[3]:
            g.add((tenure, SG.ended, Literal(True)))
    return g


def time_triples(facts: Iterable[Facts], resolution: Resolution, base: str) -> Triples:
    """The tenures graph of a whole build: every document's triples are made (not
    kept) to read its memberships and date, so the build can skip unchanged documents'
    own graphs and still place every post in time."""
    return time_graph((document_triples(f, resolution, base) for f in facts), base)
