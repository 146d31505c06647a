"""kg.netx on a small hand-written graph that follows docs/graph-schema.md.

The fixture (SAMPLE_TTL) is also used by tests/test_viz.py and the browser tests, so it
is kept realistic: two councils' minutes, three boards, a replaced LSCB, chairs, posts,
partners, theme mentions, a review and a statistic, all with evidence sentences.
"""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph

from kg.netx import Stats, flat_copy, format_stats, stats, to_networkx

ID = "https://w3id.org/safeguarding-kg/id/"

PREFIXES = """
@prefix sg: <https://w3id.org/safeguarding-kg/ontology#> .
@prefix sgt: <https://w3id.org/safeguarding-kg/theme/> .
@prefix sgs: <https://w3id.org/safeguarding-kg/sector/> .
@prefix sgr: <https://w3id.org/safeguarding-kg/role/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/safeguarding-kg/id/> .
"""


def evidence(doc: str, start: int, end: int, text: str) -> str:
    """Turtle for one evidence sentence node and its selector."""
    ev = f"<doc/{doc}/char/{start}-{end}>"
    sel = f"<doc/{doc}/char/{start}-{end}/selector>"
    quoted = text.replace("\\", "\\\\").replace('"', '\\"')
    return (f"{ev} a oa:SpecificResource, prov:Entity ; oa:hasSource <doc/{doc}> ; oa:hasSelector {sel} .\n"
            f"{sel} a oa:TextPositionSelector, oa:TextQuoteSelector ; oa:start {start} ; oa:end {end} ;"
            f' oa:exact "{quoted}" .\n')


SAMPLE_TTL = PREFIXES + """
sgt:neglect a skos:Concept ; skos:prefLabel "Neglect" .
sgt:exploitation a skos:Concept ; skos:prefLabel "Exploitation" .
sgt:domestic-abuse a skos:Concept ; skos:prefLabel "Domestic abuse" .
sgs:police a skos:Concept ; skos:prefLabel "Police" .
sgs:health a skos:Concept ; skos:prefLabel "Health" .
sgr:independent-chair a org:Role ; rdfs:label "Independent Chair" .
sgr:chair a org:Role ; rdfs:label "Chair" .
sgr:director-of-childrens-services a org:Role ; rdfs:label "Director of Children's Services" .

<org/northmoor-county-council> a sg:LocalAuthority, org:Organization ; rdfs:label "Northmoor County Council" ;
    sg:kind "council" .
<org/westbury-borough-council> a sg:LocalAuthority, org:Organization ; rdfs:label "Westbury Borough Council" ;
    sg:kind "council" .
<org/cabinet-northmoor> a sg:Committee, org:Organization ; rdfs:label "Cabinet" ; sg:kind "committee" ;
    org:unitOf <org/northmoor-county-council> .
<org/people-scrutiny-westbury> a sg:Committee, org:Organization ; rdfs:label "People Scrutiny Committee" ;
    sg:kind "committee" ; org:unitOf <org/westbury-borough-council> .
<org/northmoor-safeguarding-children-partnership> a sg:SafeguardingChildrenPartnership, org:Organization ;
    rdfs:label "Northmoor Safeguarding Children Partnership" ; skos:altLabel "NSCP" ;
    sg:kind "safeguarding-children" .
<org/northmoor-local-safeguarding-children-board> a sg:SafeguardingChildrenPartnership, org:Organization ;
    rdfs:label "Northmoor Local Safeguarding Children Board" ; skos:altLabel "NLSCB" ;
    sg:kind "safeguarding-children" .
<org/westbury-safeguarding-adults-board> a sg:SafeguardingAdultsBoard, org:Organization ;
    rdfs:label "Westbury Safeguarding Adults Board" ; skos:altLabel "WSAB" ; sg:kind "safeguarding-adults" .
<org/northmoor-constabulary> a sg:Agency, org:Organization ; rdfs:label "Northmoor Constabulary" ;
    sg:kind "agency" ; sg:sector sgs:police .

<person/alice-marwood> a foaf:Person ; foaf:name "Alice Marwood" ; skos:altLabel "Ms Marwood" .
<person/tomas-reyes> a foaf:Person ; foaf:name "Tomas Reyes" ; skos:altLabel "Mr Reyes" ;
    sg:honorific "Councillor" .
<person/priya-shah> a foaf:Person ; foaf:name "Priya Shah" .

<doc/nm-2020-cab> a foaf:Document, prov:Entity ; dcterms:identifier "nm-2020-cab" ;
    dcterms:source "data/minutes/nm-2020-cab.html" ; dcterms:title "Cabinet minutes, March 2020" ;
    dcterms:format "text/html" ; sg:recordsMeeting <meeting/nm-2020-cab> ;
    sg:mentions <org/northmoor-safeguarding-children-partnership>, <org/northmoor-local-safeguarding-children-board>,
        <person/alice-marwood>, <org/northmoor-constabulary> ;
    dcterms:subject sgt:neglect, sgt:exploitation .
<meeting/nm-2020-cab> a sg:Meeting ; rdfs:label "Cabinet, 2020-03-17" ; dcterms:date "2020-03-17"^^xsd:date ;
    sg:body <org/cabinet-northmoor> ; sg:council <org/northmoor-county-council> ; sg:itemNumber "41" .

<doc/nm-2021-cab> a foaf:Document, prov:Entity ; dcterms:identifier "nm-2021-cab" ;
    dcterms:source "data/minutes/nm-2021-cab.html" ; dcterms:format "text/html" ;
    sg:recordsMeeting <meeting/nm-2021-cab> ;
    sg:mentions <org/northmoor-safeguarding-children-partnership>, <person/alice-marwood>, <person/tomas-reyes> ;
    dcterms:subject sgt:neglect .
<meeting/nm-2021-cab> a sg:Meeting ; rdfs:label "Cabinet, 2021-06-08" ; dcterms:date "2021-06-08"^^xsd:date ;
    sg:body <org/cabinet-northmoor> ; sg:council <org/northmoor-county-council> .

<doc/wb-2021-psc> a foaf:Document, prov:Entity ; dcterms:identifier "wb-2021-psc" ;
    dcterms:source "data/minutes/wb-2021-psc.pdf" ; dcterms:format "application/pdf" ;
    sg:recordsMeeting <meeting/wb-2021-psc> ;
    sg:mentions <org/westbury-safeguarding-adults-board>, <person/tomas-reyes>, <person/priya-shah> ;
    dcterms:subject sgt:domestic-abuse, sgt:neglect .
<meeting/wb-2021-psc> a sg:Meeting ; rdfs:label "People Scrutiny Committee, 2021-11-02" ;
    dcterms:date "2021-11-02"^^xsd:date ; sg:body <org/people-scrutiny-westbury> ;
    sg:council <org/westbury-borough-council> .

# Chairs.
<person/alice-marwood> org:headOf <org/northmoor-safeguarding-children-partnership> ;
    org:holds <post/northmoor-safeguarding-children-partnership/independent-chair> .
<post/northmoor-safeguarding-children-partnership/independent-chair> a org:Post, sg:ChairPost ;
    org:postIn <org/northmoor-safeguarding-children-partnership> ; org:heldBy <person/alice-marwood> ;
    org:role sgr:independent-chair ; rdfs:label "Independent Chair of Northmoor Safeguarding Children Partnership" ;
    prov:wasDerivedFrom <doc/nm-2020-cab/char/100-180> .
<membership/alice-marwood/northmoor-safeguarding-children-partnership/independent-chair> a org:Membership ;
    org:member <person/alice-marwood> ; org:organization <org/northmoor-safeguarding-children-partnership> ;
    org:role sgr:independent-chair ; sg:title "Independent Chair" ; prov:wasDerivedFrom <doc/nm-2020-cab/char/100-180> .
<person/tomas-reyes> org:headOf <org/westbury-safeguarding-adults-board> ;
    org:holds <post/westbury-safeguarding-adults-board/chair> .
<post/westbury-safeguarding-adults-board/chair> a org:Post, sg:ChairPost ;
    org:postIn <org/westbury-safeguarding-adults-board> ; org:heldBy <person/tomas-reyes> ; org:role sgr:chair ;
    rdfs:label "Chair of Westbury Safeguarding Adults Board" ; prov:wasDerivedFrom <doc/wb-2021-psc/char/10-70> .
<membership/tomas-reyes/northmoor-county-council/director-of-childrens-services> a org:Membership ;
    org:member <person/tomas-reyes> ; org:organization <org/northmoor-county-council> ;
    org:role sgr:director-of-childrens-services ; sg:title "Director of Children's Services" ;
    prov:wasDerivedFrom <doc/nm-2021-cab/char/0-60> .
<membership/priya-shah/westbury-safeguarding-adults-board/board-manager> a org:Membership ;
    org:member <person/priya-shah> ; org:organization <org/westbury-safeguarding-adults-board> ;
    sg:title "Board Manager" ; prov:wasDerivedFrom <doc/wb-2021-psc/char/80-140> .

# Partners.
<org/northmoor-safeguarding-children-partnership> sg:hasPartnerSector sgs:police, sgs:health ;
    org:hasMember <org/northmoor-constabulary> .
<partner/northmoor-safeguarding-children-partnership/police> a sg:PartnerRelation ;
    sg:partnership <org/northmoor-safeguarding-children-partnership> ; sg:sector sgs:police ; sg:statutory true ;
    sg:agency <org/northmoor-constabulary> ; prov:wasDerivedFrom <doc/nm-2020-cab/char/200-290> .
<partner/northmoor-safeguarding-children-partnership/health> a sg:PartnerRelation ;
    sg:partnership <org/northmoor-safeguarding-children-partnership> ; sg:sector sgs:health ;
    prov:wasDerivedFrom <doc/nm-2020-cab/char/200-290> .

# Themes.
<mention/nm-2020-cab/neglect> a sg:ThemeMention ; sg:theme sgt:neglect ; sg:inDocument <doc/nm-2020-cab> ;
    sg:about <org/northmoor-safeguarding-children-partnership>, <org/northmoor-local-safeguarding-children-board> ;
    prov:wasDerivedFrom <doc/nm-2020-cab/char/300-380> .
<mention/nm-2020-cab/exploitation> a sg:ThemeMention ; sg:theme sgt:exploitation ; sg:inDocument <doc/nm-2020-cab> ;
    sg:about <org/northmoor-safeguarding-children-partnership> ; prov:wasDerivedFrom <doc/nm-2020-cab/char/400-470> .
<mention/nm-2021-cab/neglect> a sg:ThemeMention ; sg:theme sgt:neglect ; sg:inDocument <doc/nm-2021-cab> ;
    sg:about <org/northmoor-safeguarding-children-partnership> ; prov:wasDerivedFrom <doc/nm-2021-cab/char/70-150> .
<mention/wb-2021-psc/domestic-abuse> a sg:ThemeMention ; sg:theme sgt:domestic-abuse ;
    sg:inDocument <doc/wb-2021-psc> ; sg:about <org/westbury-safeguarding-adults-board> ;
    prov:wasDerivedFrom <doc/wb-2021-psc/char/150-230> .
<mention/wb-2021-psc/neglect> a sg:ThemeMention ; sg:theme sgt:neglect ; sg:inDocument <doc/wb-2021-psc> ;
    sg:about <org/westbury-safeguarding-adults-board> ; prov:wasDerivedFrom <doc/wb-2021-psc/char/240-300> .

# Review, statistic, change.
<review/nm-2020-cab/serious-case-review/child-p> a sg:CaseReview, sg:SeriousCaseReview ;
    rdfs:label "Serious Case Review: Child P" ; sg:reviewKind "serious-case-review" ; sg:caseName "Child P" ;
    sg:conductedBy <org/northmoor-local-safeguarding-children-board> ; sg:inDocument <doc/nm-2020-cab> ;
    prov:wasDerivedFrom <doc/nm-2020-cab/char/500-590> .
<statistic/nm-2021-cab/1> a sg:Statistic ; sg:value "1200"^^xsd:decimal ; sg:unit "practitioners" ;
    sg:measure "trained" ; sg:inDocument <doc/nm-2021-cab> ; prov:wasDerivedFrom <doc/nm-2021-cab/char/160-220> .
<change/northmoor-local-safeguarding-children-board/northmoor-safeguarding-children-partnership> a org:ChangeEvent ;
    org:originalOrganization <org/northmoor-local-safeguarding-children-board> ;
    org:resultingOrganization <org/northmoor-safeguarding-children-partnership> ;
    prov:wasDerivedFrom <doc/nm-2020-cab/char/600-690> .
<org/northmoor-local-safeguarding-children-board> org:changedBy
    <change/northmoor-local-safeguarding-children-board/northmoor-safeguarding-children-partnership> .
""" + "".join([
    evidence("nm-2020-cab", 100, 180, "Alice Marwood, Independent Chair of the NSCP, presented the annual report."),
    evidence("nm-2020-cab", 200, 290, "The statutory partners are the council, Northmoor Constabulary and health."),
    evidence("nm-2020-cab", 300, 380, "Neglect remains the most common category for child protection plans."),
    evidence("nm-2020-cab", 400, 470, "Work on criminal exploitation continued across the county."),
    evidence("nm-2020-cab", 500, 590, "The Serious Case Review into Child P was published by the NLSCB."),
    evidence("nm-2020-cab", 600, 690, "The NLSCB was replaced by the NSCP in September 2019."),
    evidence("nm-2021-cab", 0, 60, "Tomas Reyes, Director of Children's Services, introduced the item."),
    evidence("nm-2021-cab", 70, 150, "The partnership's neglect strategy was refreshed."),
    evidence("nm-2021-cab", 160, 220, "1,200 practitioners were trained this year."),
    evidence("wb-2021-psc", 10, 70, "Councillor Reyes, chair of the WSAB, welcomed members."),
    evidence("wb-2021-psc", 80, 140, "Priya Shah, Board Manager, gave an update."),
    evidence("wb-2021-psc", 150, 230, "Domestic abuse referrals rose by a fifth."),
    evidence("wb-2021-psc", 240, 300, "Self-neglect featured in two adult reviews."),
])


def sample_graph() -> Graph:
    """A fresh copy of the fixture graph (tests may mutate theirs)."""
    return Graph().parse(data=SAMPLE_TTL, format="turtle")


@pytest.fixture()
def rdf() -> Graph:
    return sample_graph()


@pytest.fixture()
def G(rdf: Graph) -> nx.MultiDiGraph:
    return to_networkx(rdf)


def node_by_label(G: nx.MultiDiGraph, label: str) -> str:
    keys = [k for k, d in G.nodes(data=True) if d["label"] == label]
    assert len(keys) == 1, (label, keys)
    return keys[0]


def test_node_types_and_labels(G: nx.MultiDiGraph) -> None:
    types = {d["label"]: d["type"] for _, d in G.nodes(data=True)}
    assert types["Northmoor Safeguarding Children Partnership"] == "Board"
    assert types["Westbury Safeguarding Adults Board"] == "Board"
    assert types["Northmoor County Council"] == "Council"
    assert types["Cabinet"] == "Committee"
    assert types["Northmoor Constabulary"] == "Agency"
    assert types["Alice Marwood"] == "Person"
    assert types["Neglect"] == "Theme"
    assert types["Police"] == "Sector"
    assert types["Cabinet minutes, March 2020"] == "Document"
    assert types["nm-2021-cab"] == "Document"  # no title: falls back to the identifier
    assert types["Cabinet, 2021-06-08"] == "Meeting"
    assert types["Serious Case Review: Child P"] == "Review"
    assert types["1,200 practitioners trained"] == "Statistic"
    # Fact nodes are folded into edges, never drawn.
    iris = set(G.nodes)
    assert not any("/membership/" in i or "/post/" in i or "/mention/" in i or "/char/" in i for i in iris)
    assert G.number_of_nodes() == 24


def test_node_attributes(G: nx.MultiDiGraph) -> None:
    nscp = G.nodes[ID + "org/northmoor-safeguarding-children-partnership"]
    assert nscp["kind"] == "safeguarding-children"
    assert nscp["aliases"] == ["NSCP"]
    assert nscp["council"] == ["Northmoor County Council"]
    assert nscp["year"] == [2020, 2021]
    assert nscp["documents"] == ["nm-2020-cab", "nm-2021-cab"]
    reyes = G.nodes[ID + "person/tomas-reyes"]
    assert reyes["council"] == ["Northmoor County Council", "Westbury Borough Council"]
    assert reyes["roles"] == ["Director of Children's Services"]
    assert G.nodes[ID + "org/westbury-safeguarding-adults-board"]["year"] == [2021]
    texts = [e["text"] for e in nscp["evidence"]]
    assert "Alice Marwood, Independent Chair of the NSCP, presented the annual report." in texts


def test_chairs_edge_carries_evidence(G: nx.MultiDiGraph) -> None:
    u, v = ID + "person/alice-marwood", ID + "org/northmoor-safeguarding-children-partnership"
    assert G.has_edge(u, v, key="chairs")
    e = G.edges[u, v, "chairs"]
    assert e["label"] == "chairs"
    assert e["title"] == "Independent Chair of Northmoor Safeguarding Children Partnership"
    assert e["evidence"] == [{
        "text": "Alice Marwood, Independent Chair of the NSCP, presented the annual report.",
        "document": "data/minutes/nm-2020-cab.html", "start": 100, "end": 180,
        "fact": "Alice Marwood chairs Northmoor Safeguarding Children Partnership"}]
    assert e["documents"] == ["nm-2020-cab"]
    # The chair's membership is a separate fact, so it stays a separate (keyed) edge.
    assert G.has_edge(u, v, key="holds post in")


def test_folded_edges(G: nx.MultiDiGraph) -> None:
    labels = {(G.nodes[u]["label"], k, G.nodes[v]["label"]) for u, v, k in G.edges(keys=True)}
    nscp, lscb = "Northmoor Safeguarding Children Partnership", "Northmoor Local Safeguarding Children Board"
    assert ("Tomas Reyes", "holds post in", "Northmoor County Council") in labels
    assert ("Tomas Reyes", "chairs", "Westbury Safeguarding Adults Board") in labels
    assert (nscp, "partner sector", "Police") in labels
    assert ("Northmoor Constabulary", "partner of", nscp) in labels
    assert (nscp, "discusses", "Neglect") in labels
    assert ("Cabinet minutes, March 2020", "discusses", "Exploitation") in labels
    assert ("Cabinet minutes, March 2020", "mentions", "Alice Marwood") in labels
    assert ("Serious Case Review: Child P", "in", "Cabinet minutes, March 2020") in labels
    assert ("Serious Case Review: Child P", "conducted by", lscb) in labels
    assert ("1,200 practitioners trained", "in", "nm-2021-cab") in labels
    assert (lscb, "replaced by", nscp) in labels
    assert ("Cabinet, 2020-03-17", "held by", "Cabinet") in labels
    assert ("Cabinet", "unit of", "Northmoor County Council") in labels
    statutory = G.edges[ID + "org/northmoor-safeguarding-children-partnership",
                        "https://w3id.org/safeguarding-kg/sector/police", "partner sector"]
    assert statutory["statutory"] is True
    # One "discusses" edge per board/theme pair, its documents merged from every mention.
    e = G.edges[ID + "org/northmoor-safeguarding-children-partnership",
                "https://w3id.org/safeguarding-kg/theme/neglect", "discusses"]
    assert e["documents"] == ["nm-2020-cab", "nm-2021-cab"]
    assert len(e["evidence"]) == 2


def test_deterministic_order(rdf: Graph) -> None:
    a, b = to_networkx(rdf), to_networkx(Graph().parse(data=rdf.serialize(format="nt"), format="nt"))
    assert list(a.nodes) == sorted(a.nodes) == list(b.nodes)
    assert list(a.edges(keys=True)) == list(b.edges(keys=True))
    assert list(a.edges(keys=True)) == sorted(a.edges(keys=True))


def test_stats_counts_and_ranking(rdf: Graph) -> None:
    s = stats(rdf, top=3)
    assert isinstance(s, Stats)
    classes = dict(s.classes)
    assert classes["foaf:Person"] == 3
    assert classes["foaf:Document"] == 3
    assert classes["sg:SafeguardingChildrenPartnership"] == 2
    assert classes["org:Membership"] == 3
    assert classes["sg:ThemeMention"] == 5
    types = dict(s.types)
    assert types["Board"] == 3 and types["Person"] == 3 and types["Theme"] == 3
    assert s.top_boards[0][0] == "Northmoor Safeguarding Children Partnership"
    assert [label for label, _ in s.top_themes] == ["Neglect", "Domestic abuse", "Exploitation"]
    # Ties are broken by label.
    assert s.top_themes == (("Neglect", 6), ("Domestic abuse", 2), ("Exploitation", 2))
    assert s.top_people == (("Alice Marwood", 4), ("Tomas Reyes", 4), ("Priya Shah", 2))
    text = format_stats(s)
    assert "Most connected boards" in text and "Northmoor Safeguarding Children Partnership" in text
    assert "foaf:Person" in text


def test_flat_copy_round_trips_through_graphml_and_gexf(G: nx.MultiDiGraph, tmp_path) -> None:
    H = flat_copy(G)
    nx.write_graphml(H, tmp_path / "g.graphml")
    nx.write_gexf(H, tmp_path / "g.gexf")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.number_of_nodes() == G.number_of_nodes()
    assert back.number_of_edges() == G.number_of_edges()
    assert back.nodes[ID + "person/alice-marwood"]["label"] == "Alice Marwood"
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    assert gexf.number_of_nodes() == G.number_of_nodes()


# -- the cache next to a store -----------------------------------------------------------

def _as_lists(G: nx.MultiDiGraph) -> tuple[list, list, list]:
    return (list(G.nodes(data=True)), list(G.edges(keys=True, data=True)),
            list(G.in_edges(keys=True, data=True)))


def _write_store(folder, rdf: Graph) -> None:
    from kg.store import GraphStore
    with GraphStore.writing(folder) as s:
        s.replace_graph("https://w3id.org/safeguarding-kg/id/graph/sample", rdf)


def test_cached_graph_is_the_sparql_graph(tmp_path) -> None:
    from kg.netx import CACHE_NAME
    from kg.store import GraphStore
    _write_store(tmp_path, sample_graph())
    with GraphStore.open(tmp_path, read_only=True) as store:
        fresh = to_networkx(store, cache=False)
        assert not (tmp_path / CACHE_NAME).exists()
        first = to_networkx(store)  # read by SPARQL, then written to the cache
        assert (tmp_path / CACHE_NAME).is_file()
        cached = to_networkx(store)
    assert fresh.number_of_nodes() > 10 and fresh.number_of_edges() > 10
    assert _as_lists(first) == _as_lists(fresh) == _as_lists(cached)
    assert _as_lists(fresh) == _as_lists(to_networkx(sample_graph()))
    # served from the file: a cache whose graph differs is what to_networkx returns
    text = (tmp_path / CACHE_NAME).read_text(encoding="utf-8")
    label = fresh.nodes[node_by_label(fresh, "Priya Shah")]["label"]
    (tmp_path / CACHE_NAME).write_text(text.replace(f'"label":"{label}"', '"label":"Cached Name"'), encoding="utf-8")
    with GraphStore.open(tmp_path, read_only=True) as store:
        assert node_by_label(to_networkx(store), "Cached Name")


def test_changed_store_never_serves_a_stale_cache(tmp_path) -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import FOAF

    from kg.netx import CACHE_NAME
    from kg.store import GraphStore
    rdf = sample_graph()
    _write_store(tmp_path, rdf)
    with GraphStore.open(tmp_path, read_only=True) as store:
        before = to_networkx(store)
    person = URIRef(node_by_label(before, "Priya Shah"))
    # a new version written by a build
    rdf.set((person, FOAF.name, Literal("Jane Renamed")))
    _write_store(tmp_path, rdf)
    with GraphStore.open(tmp_path, read_only=True) as store:
        after = to_networkx(store)
    assert after.nodes[str(person)]["label"] == "Jane Renamed"
    assert _as_lists(after) == _as_lists(to_networkx(rdf))
    # a write in place (a read-write open of the live version), cache file already there
    assert (tmp_path / CACHE_NAME).is_file()
    with GraphStore.open(tmp_path) as store:
        store.ox.update(f'DELETE {{ GRAPH ?g {{ <{person}> <{FOAF.name}> ?n }} }} '
                        f'INSERT {{ GRAPH ?g {{ <{person}> <{FOAF.name}> "Jane In Place" }} }} '
                        f'WHERE {{ GRAPH ?g {{ <{person}> <{FOAF.name}> ?n }} }}')
    with GraphStore.open(tmp_path, read_only=True) as store:
        assert to_networkx(store).nodes[str(person)]["label"] == "Jane In Place"
    # a damaged cache file is rebuilt, not an error
    (tmp_path / CACHE_NAME).write_text("{not json", encoding="utf-8")
    with GraphStore.open(tmp_path, read_only=True) as store:
        assert to_networkx(store).nodes[str(person)]["label"] == "Jane In Place"


def test_a_cache_with_edges_that_do_not_fit_is_rebuilt(tmp_path) -> None:
    """The cache's edges are placed straight into networkx's adjacency (kg.netx._graph_of):
    an edge to a node the file does not list, or attributes that are not an object, make
    the file damaged (the graph is folded again), never a graph networkx would not make."""
    import orjson

    from kg.netx import CACHE_NAME
    from kg.store import GraphStore
    _write_store(tmp_path, sample_graph())
    with GraphStore.open(tmp_path, read_only=True) as store:
        good = to_networkx(store)
    data = orjson.loads((tmp_path / CACHE_NAME).read_bytes())
    u, v, key, attrs = data["edges"][0]
    for bad in ([u, "https://example.org/nowhere", key, attrs], [u, v, key, ["not", "a", "dict"]]):
        (tmp_path / CACHE_NAME).write_bytes(orjson.dumps({**data, "edges": [*data["edges"], bad]}))
        with GraphStore.open(tmp_path, read_only=True) as store:
            again = to_networkx(store)
        assert _as_lists(again) == _as_lists(good)
        assert "https://example.org/nowhere" not in again
