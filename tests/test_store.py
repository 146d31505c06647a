"""The persistent store: named graphs, loading files, byte-identical exports, atomic writes.

The sample graph below is written by hand after docs/graph-schema.md (two boards, two
people, one of them chairing both, partners, theme mentions with evidence, a review) and
is shared with tests/test_query.py.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from kg.iri import DEFAULT_BASE
from kg.store import (GraphStore, MissingStore, RdfFileError, StoreLocked, UnknownRdfFormat,
                      loaded_graph_iri, write_atomic)

ROOT = Path(__file__).resolve().parent.parent
B = DEFAULT_BASE
SG = rdflib.Namespace("https://w3id.org/safeguarding-kg/ontology#")
SGT = rdflib.Namespace("https://w3id.org/safeguarding-kg/theme/")
SGS = rdflib.Namespace("https://w3id.org/safeguarding-kg/sector/")
SGR = rdflib.Namespace("https://w3id.org/safeguarding-kg/role/")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")

G_ENTITIES, G_ONTOLOGY = B + "graph/entities", B + "graph/ontology"
G_DOC1, G_DOC2 = B + "graph/min-001", B + "graph/min-002"

NSCP_LABEL = "Northshire Safeguarding Children Partnership"
WSAB_LABEL = "Westmere Safeguarding Adults Board"


def I(tail: str) -> URIRef:  # noqa: E743 - short on purpose, it is everywhere below
    return URIRef(B + tail)


NSCP, WSAB = I("org/northshire-safeguarding-children-partnership"), I("org/westmere-safeguarding-adults-board")
POLICE = I("org/northshire-constabulary")
ALEX, PRIYA = I("person/alex-marlow"), I("person/priya-ostrander")
AGENT = I("agent/kg-extractor")


def import_cli_module(name: str) -> types.ModuleType:
    """Import kg.cli.<name>; command modules other engineers have not written yet are
    stubbed so that kg.cli (which imports them all) can load."""
    import kg
    cli_dir = Path(kg.__file__).parent / "cli"
    for sibling in ("extract_cmds", "graph_cmds", "store_cmds", "viz_cmds"):
        full = f"kg.cli.{sibling}"
        if not (cli_dir / f"{sibling}.py").exists() and full not in sys.modules:
            sys.modules[full] = types.ModuleType(full)
    return importlib.import_module(f"kg.cli.{name}")


# --- the sample graph -------------------------------------------------------------------

def _evidence(g: rdflib.Graph, doc_id: str, start: int, text: str) -> URIRef:
    node = I(f"doc/{doc_id}/char/{start}-{start + len(text)}")
    sel = URIRef(str(node) + "/selector")
    g.add((node, RDF.type, OA.SpecificResource))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, OA.hasSource, I(f"doc/{doc_id}")))
    g.add((node, OA.hasSelector, sel))
    g.add((sel, RDF.type, OA.TextPositionSelector))
    g.add((sel, RDF.type, OA.TextQuoteSelector))
    g.add((sel, OA.start, Literal(start)))
    g.add((sel, OA.end, Literal(start + len(text))))
    g.add((sel, OA.exact, Literal(text)))
    return node


def _derive(g: rdflib.Graph, node: URIRef, ev: URIRef) -> None:
    g.add((node, PROV.wasDerivedFrom, ev))
    g.add((node, PROV.wasAttributedTo, AGENT))


def _document(g: rdflib.Graph, doc_id: str, mentions: list[URIRef], themes: list[str]) -> URIRef:
    doc = I(f"doc/{doc_id}")
    g.add((doc, RDF.type, FOAF.Document))
    g.add((doc, RDF.type, PROV.Entity))
    g.add((doc, DCTERMS.identifier, Literal(doc_id)))
    g.add((doc, DCTERMS.source, Literal(f"minutes/{doc_id}.html")))
    g.add((doc, DCTERMS.format, Literal("text/html")))
    for m in mentions:
        g.add((doc, SG.mentions, m))
    for t in themes:
        g.add((doc, DCTERMS.subject, SGT[t]))
    g.add((AGENT, RDF.type, PROV.SoftwareAgent))
    return doc


def _chair(g: rdflib.Graph, person: URIRef, org: URIRef, org_slug: str, role: str, title: str,
           org_label: str, ev: URIRef) -> None:
    person_slug = str(person).rsplit("/", 1)[1]
    m = I(f"membership/{person_slug}/{org_slug}/{role}")
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, ORG.member, person))
    g.add((m, ORG.organization, org))
    g.add((m, ORG.role, SGR[role]))
    g.add((m, SG.title, Literal(title)))
    _derive(g, m, ev)
    post = I(f"post/{org_slug}/{role}")
    g.add((person, ORG.headOf, org))
    g.add((post, RDF.type, ORG.Post))
    g.add((post, RDF.type, SG.ChairPost))
    g.add((post, ORG.postIn, org))
    g.add((post, ORG.heldBy, person))
    g.add((post, ORG.role, SGR[role]))
    g.add((post, RDFS.label, Literal(f"{title} of {org_label}")))
    g.add((person, ORG.holds, post))
    _derive(g, post, ev)


def _partner(g: rdflib.Graph, board: URIRef, board_slug: str, sector: str, statutory: bool,
             agency: URIRef | None, ev: URIRef) -> None:
    node = I(f"partner/{board_slug}/{sector}")
    g.add((board, SG.hasPartnerSector, SGS[sector]))
    g.add((node, RDF.type, SG.PartnerRelation))
    g.add((node, SG.partnership, board))
    g.add((node, SG.sector, SGS[sector]))
    g.add((node, SG.statutory, Literal(statutory)))
    if agency is not None:
        g.add((node, SG.agency, agency))
        g.add((board, ORG.hasMember, agency))
    _derive(g, node, ev)


def _theme(g: rdflib.Graph, doc_id: str, theme: str, about: list[URIRef], ev: URIRef) -> None:
    node = I(f"mention/{doc_id}/{theme}")
    g.add((node, RDF.type, SG.ThemeMention))
    g.add((node, SG.theme, SGT[theme]))
    g.add((node, SG.inDocument, I(f"doc/{doc_id}")))
    for b in about:
        g.add((node, SG.about, b))
    _derive(g, node, ev)


def entities_graph() -> rdflib.Graph:
    g = rdflib.Graph()
    for node, cls, label, kind, aliases in (
            (NSCP, SG.SafeguardingChildrenPartnership, NSCP_LABEL, "safeguarding-children",
             ["NSCP", "Northshire LSCB"]),
            (WSAB, SG.SafeguardingAdultsBoard, WSAB_LABEL, "safeguarding-adults", ["WSAB"]),
            (POLICE, SG.Agency, "Northshire Constabulary", "agency", [])):
        g.add((node, RDF.type, ORG.Organization))
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
        g.add((node, SG.kind, Literal(kind)))
        for alias in aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
    g.add((POLICE, SG.sector, SGS.police))
    for node, name in ((ALEX, "Alex Marlow"), (PRIYA, "Priya Ostrander")):
        g.add((node, RDF.type, FOAF.Person))
        g.add((node, FOAF.name, Literal(name)))
    g.add((ALEX, SKOS.altLabel, Literal("Ms Marlow")))
    return g


def ontology_graph() -> rdflib.Graph:
    """The few concept labels the queries show (the real ontology has them all)."""
    g = rdflib.Graph()
    for ns, notation, label in ((SGT, "neglect", "Neglect"), (SGT, "domestic-abuse", "Domestic abuse"),
                                (SGT, "mental-health", "Mental health"), (SGS, "police", "Police"),
                                (SGS, "health", "Health"), (SGS, "local-authority", "Local authority")):
        g.add((ns[notation], RDF.type, SKOS.Concept))
        g.add((ns[notation], SKOS.notation, Literal(notation)))
        g.add((ns[notation], SKOS.prefLabel, Literal(label, lang="en")))
    for role, label in (("chair", "Chair"), ("independent-chair", "Independent Chair")):
        g.add((SGR[role], RDF.type, ORG.Role))
        g.add((SGR[role], RDFS.label, Literal(label, lang="en")))
    return g


def document_one() -> rdflib.Graph:
    g = rdflib.Graph()
    _document(g, "min-001", [NSCP, POLICE, ALEX], ["neglect", "domestic-abuse"])
    ev = _evidence(g, "min-001", 120, "Alex Marlow, Independent Chair of the partnership, introduced the report.")
    _chair(g, ALEX, NSCP, "northshire-safeguarding-children-partnership", "independent-chair",
           "Independent Chair", NSCP_LABEL, ev)
    ev = _evidence(g, "min-001", 400, "The statutory partners are the council, the police and health.")
    _partner(g, NSCP, "northshire-safeguarding-children-partnership", "police", True, POLICE, ev)
    _partner(g, NSCP, "northshire-safeguarding-children-partnership", "health", True, None, ev)
    ev = _evidence(g, "min-001", 700, "Neglect remains the most common reason for a child protection plan.")
    _theme(g, "min-001", "neglect", [NSCP], ev)
    ev = _evidence(g, "min-001", 900, "Referrals for domestic abuse rose in the winter.")
    _theme(g, "min-001", "domestic-abuse", [NSCP], ev)
    ev = _evidence(g, "min-001", 1200, "The Serious Case Review into Child Q was published in May.")
    review = I("review/min-001/serious-case-review/child-q")
    g.add((review, RDF.type, SG.CaseReview))
    g.add((review, RDF.type, SG.SeriousCaseReview))
    g.add((review, RDFS.label, Literal("Serious Case Review: Child Q")))
    g.add((review, SG.reviewKind, Literal("serious-case-review")))
    g.add((review, SG.caseName, Literal("Child Q")))
    g.add((review, SG.conductedBy, NSCP))
    g.add((review, SG.inDocument, I("doc/min-001")))
    _derive(g, review, ev)
    g.add((ev, SG.page, Literal(3)))
    return g


def document_two() -> rdflib.Graph:
    g = rdflib.Graph()
    _document(g, "min-002", [WSAB, NSCP, ALEX, PRIYA], ["neglect", "mental-health"])
    ev = _evidence(g, "min-002", 50, "Alex Marlow, who chairs the Westmere board, presented its annual report.")
    _chair(g, ALEX, WSAB, "westmere-safeguarding-adults-board", "chair", "Chair", WSAB_LABEL, ev)
    ev = _evidence(g, "min-002", 300, "Priya Ostrander, Director of Children's Services, sits on the partnership.")
    m = I("membership/priya-ostrander/northshire-safeguarding-children-partnership/director-of-childrens-services")
    role = SGR["director-of-childrens-services"]
    g.add((role, RDF.type, ORG.Role))
    g.add((role, RDFS.label, Literal("Director of Children's Services")))
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, ORG.member, PRIYA))
    g.add((m, ORG.organization, NSCP))
    g.add((m, ORG.role, role))
    g.add((m, SG.title, Literal("Director of Children's Services")))
    _derive(g, m, ev)
    ev = _evidence(g, "min-002", 500, "The council is a statutory partner of the adults board.")
    _partner(g, WSAB, "westmere-safeguarding-adults-board", "local-authority", True, None, ev)
    ev = _evidence(g, "min-002", 800, "Both boards discussed self-neglect and neglect of children.")
    _theme(g, "min-002", "neglect", [NSCP, WSAB], ev)
    ev = _evidence(g, "min-002", 950, "Mental health support for adults \"in crisis\" was reviewed.")
    _theme(g, "min-002", "mental-health", [WSAB], ev)
    return g


SAMPLE_GRAPHS = {G_ENTITIES: entities_graph, G_ONTOLOGY: ontology_graph,
                 G_DOC1: document_one, G_DOC2: document_two}


def make_sample_store(folder: Path) -> Path:
    """A store folder holding the sample graph in four named graphs; closed on return."""
    with GraphStore.open(folder) as store:
        for iri, make in SAMPLE_GRAPHS.items():
            store.replace_graph(iri, make())
    return folder


def sample_union() -> rdflib.Graph:
    union = rdflib.Graph()
    for make in SAMPLE_GRAPHS.values():
        union += make()
    return union


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return make_sample_store(tmp_path / "build")


def _quads(store: GraphStore, graph: str) -> set[ox.Quad]:
    return set(store.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def _ox_triples(data: bytes, fmt: ox.RdfFormat) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=fmt)}


# --- opening ---------------------------------------------------------------------------------

def test_missing_store_names_the_folder_and_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(MissingStore) as info:
        GraphStore.open(tmp_path / "build", read_only=True)
    assert str(info.value) == f"no store at {tmp_path / 'build'}/: run `kg build` first"


def test_second_writer_is_told_the_store_is_in_use(store_dir: Path) -> None:
    with GraphStore.open(store_dir):
        with pytest.raises(StoreLocked, match="in use by another kg command"):
            GraphStore.open(store_dir)
    with GraphStore.open(store_dir) as again:  # closing released the lock
        assert len(again) > 0


def test_store_persists_graphs_between_opens(store_dir: Path) -> None:
    with GraphStore.open(store_dir, read_only=True) as store:
        assert store.graph_names() == sorted([G_DOC1, G_DOC2, G_ENTITIES, G_ONTOLOGY])
        assert len(store) == sum(len(make()) for make in SAMPLE_GRAPHS.values())  # quads


def test_read_only_store_refuses_writes(store_dir: Path) -> None:
    with GraphStore.open(store_dir, read_only=True) as store:
        with pytest.raises(Exception, match="read-only"):
            store.remove_graph(G_DOC1)


# --- replacing graphs ---------------------------------------------------------------------------

def test_replace_graph_changes_only_that_graph(store_dir: Path) -> None:
    with GraphStore.open(store_dir) as store:
        others = {g: _quads(store, g) for g in (G_DOC1, G_ENTITIES, G_ONTOLOGY)}
        new = rdflib.Graph()
        new.add((I("doc/min-002"), DCTERMS.identifier, Literal("min-002")))
        new.add((I("doc/min-002"), DCTERMS.title, Literal("Revised minutes \"final\" }")))
        assert store.replace_graph(G_DOC2, new) == 2
        assert {g: _quads(store, g) for g in others} == others
        got = {(q.predicate.value, q.object.value) for q in _quads(store, G_DOC2)}
        assert got == {(str(DCTERMS.identifier), "min-002"),
                       (str(DCTERMS.title), "Revised minutes \"final\" }")}


def test_replace_graph_is_all_or_nothing(store_dir: Path) -> None:
    with GraphStore.open(store_dir) as store:
        before = _quads(store, G_DOC2)
        bad = rdflib.Graph()
        bad.add((I("doc/min-002"), DCTERMS.title, Literal("fine")))
        bad.add((URIRef("http://example.org/has space"), RDFS.label, Literal("broken IRI")))
        with pytest.raises(Exception, match="not written"):
            store.replace_graph(G_DOC2, bad)
        assert _quads(store, G_DOC2) == before


def test_replace_graph_keeps_literals_exactly(tmp_path: Path) -> None:
    g = rdflib.Graph()
    s = I("statistic/min-001/1")
    g.add((s, SG.value, Literal("15000", datatype=XSD.decimal)))
    g.add((s, SG.unit, Literal("practitioners")))
    g.add((s, DCTERMS.date, Literal("2021-12-21", datatype=XSD.date)))
    g.add((s, RDFS.comment, Literal("caf\u00e9\nline two", lang="en")))
    with GraphStore.open(tmp_path / "s") as store:
        store.replace_graph(G_DOC1, g)
        assert isomorphic(store.union_graph(), g)
        objects = {q.object for q in store.quads()}
    assert ox.Literal("15000", datatype=ox.NamedNode(str(XSD.decimal))) in objects
    assert ox.Literal("practitioners") in objects
    assert ox.Literal("caf\u00e9\nline two", language="en") in objects


def test_remove_graph(store_dir: Path) -> None:
    with GraphStore.open(store_dir) as store:
        store.remove_graph(G_DOC1)
        store.remove_graph(B + "graph/never-there")
        assert store.graph_names() == sorted([G_DOC2, G_ENTITIES, G_ONTOLOGY])


def test_to_rdflib_keeps_named_graphs(store_dir: Path) -> None:
    with GraphStore.open(store_dir, read_only=True) as store:
        ds = store.to_rdflib()
        union = store.union_graph()
    assert isomorphic(ds.graph(URIRef(G_DOC1)), document_one())
    assert isomorphic(ds.graph(URIRef(G_ENTITIES)), entities_graph())
    assert isomorphic(union, sample_union())
    assert union.namespace_manager.store.namespace("sg") == URIRef(str(SG))


# --- loading files ---------------------------------------------------------------------------------

TTL = """@prefix ex: <http://example.org/> .
ex:a ex:name "A \\"quoted\\" name" ; ex:knows [ ex:name "someone" ] .
"""
NT = '<http://example.org/b> <http://example.org/name> "B" .\n'
JSONLD = json.dumps({"@context": {"ex": "http://example.org/"},
                     "@id": "ex:c", "ex:name": "C", "ex:age": {"@value": "7", "@type": "http://www.w3.org/2001/XMLSchema#integer"}})
TRIG = """@prefix ex: <http://example.org/> .
ex:g1 { ex:d ex:name "D1" . }
ex:g2 { ex:d ex:name "D2" . ex:e ex:name "E" . }
ex:f ex:name "F in the default graph" .
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_each_format_into_the_right_graphs(tmp_path: Path) -> None:
    files = {n: _write(tmp_path, n, t) for n, t in
             (("people.ttl", TTL), ("more.nt", NT), ("c.jsonld", JSONLD), ("quads.trig", TRIG))}
    with GraphStore.open(tmp_path / "build") as store:
        ttl = store.load_file(files["people.ttl"])
        assert (ttl.added, ttl.graphs) == (3, (loaded_graph_iri(B, "people.ttl"),))
        assert ttl.graphs == (B + "graph/loaded/people",)
        nt = store.load_file(files["more.nt"], graph_iri="http://example.org/mine")
        assert (nt.added, nt.graphs) == (1, ("http://example.org/mine",))
        js = store.load_file(files["c.jsonld"])
        assert (js.added, js.graphs) == (2, (B + "graph/loaded/c",))
        trig = store.load_file(files["quads.trig"])
        assert trig.added == 4
        assert trig.graphs == tuple(sorted(["http://example.org/g1", "http://example.org/g2",
                                            B + "graph/loaded/quads"]))
        again = store.load_file(files["quads.trig"])
        assert (again.statements, again.added) == (4, 0)
        rows = store.query('SELECT ?g ?n WHERE { GRAPH ?g { <http://example.org/d> ?p ?n } } ORDER BY ?n')
        assert rows.records() == [{"g": "http://example.org/g1", "n": "D1"},
                                  {"g": "http://example.org/g2", "n": "D2"}]
        age = store.query('SELECT ?a WHERE { <http://example.org/c> <http://example.org/age> ?a }')
        assert age.rows[0][0] == ox.Literal("7", datatype=ox.NamedNode(str(XSD.integer)))
        # nothing lands in the store's default graph
        assert not list(store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_bad_file_adds_nothing_and_names_the_parser_problem(tmp_path: Path) -> None:
    bad = _write(tmp_path, "broken.ttl", '@prefix ex: <http://example.org/> .\nex:a ex:b "ok" .\nex:a ex:b "unclosed .\n')
    with GraphStore.open(tmp_path / "build") as store:
        with pytest.raises(RdfFileError) as info:
            store.load_file(bad)
        assert len(store) == 0
    message = str(info.value)
    assert message.startswith(f"{bad}: not readable as turtle (")
    assert "\n" not in message
    with pytest.raises(UnknownRdfFormat, match=r"\.csv"):
        GraphStore.in_memory().load_file(_write(tmp_path, "x.csv", "a,b"))


# --- exports ---------------------------------------------------------------------------------------

_EXPORT_SCRIPT = """
import sys
from kg.store import GraphStore
with GraphStore.open(sys.argv[1], read_only=True) as store:
    sys.stdout.buffer.write(store.export(sys.argv[2]))
"""


def _export_in_subprocess(store_dir: Path, fmt: str, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed,
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", _EXPORT_SCRIPT, str(store_dir), fmt],
                          capture_output=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "trig"])
def test_export_is_byte_identical_across_runs_and_processes(store_dir: Path, fmt: str) -> None:
    with GraphStore.open(store_dir, read_only=True) as store:
        first, second = store.export(fmt), store.export(fmt)
    assert first == second
    assert len(first) > 1000
    assert _export_in_subprocess(store_dir, fmt, "1") == first
    assert _export_in_subprocess(store_dir, fmt, "2") == first


def test_export_does_not_depend_on_loading_order(tmp_path: Path) -> None:
    with GraphStore.open(tmp_path / "a") as a, GraphStore.open(tmp_path / "b") as b:
        for iri in SAMPLE_GRAPHS:
            a.replace_graph(iri, SAMPLE_GRAPHS[iri]())
        for iri in reversed(list(SAMPLE_GRAPHS)):
            b.replace_graph(iri, SAMPLE_GRAPHS[iri]())
        for fmt in ("turtle", "trig", "jsonld", "nt"):
            assert a.export(fmt) == b.export(fmt)


def test_export_with_blank_nodes_is_stable(tmp_path: Path) -> None:
    ttl = _write(tmp_path, "b.ttl", TTL)
    outputs = set()
    for name in ("one", "two"):
        with GraphStore.open(tmp_path / name) as store:
            store.load_file(ttl)  # blank node ids are random per load
            outputs.add((store.export("turtle"), store.export("trig"), store.export("nt")))
    assert len(outputs) == 1


def test_turtle_and_jsonld_exports_parse_with_pyoxigraph(store_dir: Path) -> None:
    with GraphStore.open(store_dir, read_only=True) as store:
        expected = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}
        turtle, jsonld = store.export("turtle"), store.export("jsonld")
    assert _ox_triples(turtle, ox.RdfFormat.TURTLE) == expected
    assert _ox_triples(jsonld, ox.RdfFormat.JSON_LD) == expected
    assert turtle.startswith(b"@prefix ")
    assert b"sg:ChairPost" in turtle and b"^^xsd:string" not in turtle
    doc = json.loads(jsonld)
    assert doc["@context"]["sg"] == str(SG) and isinstance(doc["@graph"], list)


def test_nt_and_trig_exports_parse_with_rdflib(store_dir: Path) -> None:
    with GraphStore.open(store_dir, read_only=True) as store:
        nt, trig = store.export("nt"), store.export("trig")
    assert isomorphic(rdflib.Graph().parse(data=nt, format="nt"), sample_union())
    lines = nt.decode().splitlines()
    assert lines == sorted(lines) and len(lines) == len(sample_union())
    ds = rdflib.Dataset().parse(data=trig, format="trig")
    for iri, make in SAMPLE_GRAPHS.items():
        assert isomorphic(ds.graph(URIRef(iri)), make()), iri


def test_trig_from_the_sorted_dump_is_the_sorted_quads(tmp_path: Path) -> None:
    """TriG is written from the store's N-Quads dump sorted as bytes: the same bytes as the
    quads sorted as terms, also where one literal starts another ("abc", "abc"@en, "abc"^^x),
    a graph's IRI starts another's, and triples sit in the default graph; with a blank node
    the quads go the canonical way."""
    from kg.ns import PREFIXES
    from kg.store import _canonical_quads

    ex = "http://example.org/"
    s, p = ox.NamedNode(ex + "s"), ox.NamedNode(ex + "p")
    objects = [ox.Literal("abc"), ox.Literal("abc", language="en"), ox.Literal("ab\"c"), ox.Literal("é"),
               ox.Literal("abc", datatype=ox.NamedNode(ex + "dt")), ox.NamedNode(ex + "o"), ox.NamedNode(ex + "o2")]
    graphs = [ox.DefaultGraph(), ox.NamedNode(ex + "g"), ox.NamedNode(ex + "g2"), ox.NamedNode(ex + "g/1")]
    quads = [ox.Quad(subj, p, o, g) for g in graphs for o in objects for subj in (s, ox.NamedNode(ex + "s2"))]
    with GraphStore.open(tmp_path / "st") as store:
        store.ox.extend(quads)
        assert store._sorted_quad_lines() is not None
        got = store.export("trig")
        assert got == ox.serialize(_canonical_quads(store.quads()), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
        store.ox.extend([ox.Quad(ox.BlankNode("b"), p, ox.Literal("x"), graphs[1])])
        assert store._sorted_quad_lines() is None
        assert b"_:" in store.export("trig")
    assert len(list(ox.parse(got, format=ox.RdfFormat.TRIG))) == len(quads)


def test_unknown_export_format(store_dir: Path) -> None:
    with GraphStore.open(store_dir, read_only=True) as store:
        with pytest.raises(ValueError, match="turtle, nt, jsonld, trig"):
            store.export("rdfxml")


# --- atomic writes --------------------------------------------------------------------------------

def test_write_atomic_replaces_whole_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out" / "kg.ttl"
    write_atomic(target, b"first")
    write_atomic(target, b"second version")
    assert target.read_bytes() == b"second version"
    assert [p.name for p in target.parent.iterdir()] == ["kg.ttl"]


def test_write_atomic_failure_keeps_old_file(tmp_path: Path) -> None:
    target = tmp_path / "kg.ttl"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kg.ttl"]


# --- CLI: load and export -------------------------------------------------------------------------

def test_cli_load_reports_each_file_and_fails_on_bad_one(tmp_path: Path) -> None:
    from click.testing import CliRunner
    load_cmd = import_cli_module("store_cmds").load_cmd
    good = _write(tmp_path, "good.nt", NT)
    bad = _write(tmp_path, "bad.ttl", "this is not turtle")
    also = _write(tmp_path, "also.trig", TRIG)
    result = CliRunner().invoke(load_cmd, [str(good), str(bad), str(also), "--store", str(tmp_path / "build")])
    assert result.exit_code == 1
    assert f"{good}: 1 triples added (1 read) to <{B}graph/loaded/good>" in result.stdout
    assert f"{also}: 4 triples added" in result.stdout
    assert f"Error: {bad}: not readable as turtle (" in result.stderr
    with GraphStore.open(tmp_path / "build", read_only=True) as store:
        assert len(store) == 5


def test_cli_export_stdout_and_file(store_dir: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner
    export_cmd = import_cli_module("store_cmds").export_cmd
    runner = CliRunner()
    out = runner.invoke(export_cmd, ["--format", "nt", "--store", str(store_dir)])
    assert out.exit_code == 0, out.output
    with GraphStore.open(store_dir, read_only=True) as store:
        assert out.stdout_bytes == store.export("nt")
        trig = store.export("trig")
    target = tmp_path / "exports" / "kg.trig"
    done = runner.invoke(export_cmd, ["--format", "trig", "-o", str(target), "--store", str(store_dir)])
    assert done.exit_code == 0, done.output
    assert target.read_bytes() == trig
    missing = runner.invoke(export_cmd, ["--store", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2
    assert f"Error: no store at {tmp_path / 'nowhere'}/: run `kg build` first" in missing.stderr


def test_blank_nodes_of_two_files_stay_apart(tmp_path: Path) -> None:
    one = _write(tmp_path, "one.nt", '_:b0 <http://example.org/p> "1" .\n')
    two = _write(tmp_path, "two.nt", '_:b0 <http://example.org/p> "2" .\n')
    store = GraphStore.in_memory()
    store.load_file(one, graph_iri="http://example.org/g")
    store.load_file(two, graph_iri="http://example.org/g")
    assert store.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }").column("n") == ["2"]
