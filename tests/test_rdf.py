"""kg.rdf on hand-built facts: the triples of docs/graph-schema.md, stable and lossless."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.model import (Change, Chair, Entity, Evidence, Facts, Meeting, Organisation, Partner,
                      Person, Resolution, Review, Role, Statistic, Theme)
from kg.ns import DCTERMS, FOAF, OA, ORG, PROV, RDF, RDFS, SG, SGR, SGS, SGT, SKOS, XSD
from kg.rdf import (build_dataset, document_graph, entities_graph, entities_graph_iri, graph_iri,
                    ontology_graph_iri, role_iri, time_graph_iri)

BASE = "https://example.org/kg/"
DOC = "barset_cabinet_2023"

TEXT = (
    "Minutes of the Cabinet of Barsetshire County Council, 14 March 2023. "
    "Item 12: the Barset Safeguarding Children Partnership annual report. "
    "Dr Helen Quarry, Independent Chair of the partnership, presented the report. "
    "Barset Constabulary is a statutory partner of the partnership. "
    "Neglect remained the most common concern in referrals this year. "
    "A Child Safeguarding Practice Review into the case of Child Q was published. "
    "Some 4,250 practitioners attended multi-agency training. "
    "The Barset LSCB was replaced by the partnership in 2019. "
)


def ev(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


S_CHAIR = "Dr Helen Quarry, Independent Chair of the partnership, presented the report."
S_PARTNER = "Barset Constabulary is a statutory partner of the partnership."
S_NEGLECT = "Neglect remained the most common concern in referrals this year."
S_REVIEW = "A Child Safeguarding Practice Review into the case of Child Q was published."
S_STAT = "Some 4,250 practitioners attended multi-agency training."
S_CHANGE = "The Barset LSCB was replaced by the partnership in 2019."


def make_facts(document: str = DOC) -> Facts:
    return Facts(
        document=document,
        source=f"data/minutes/{document}.html",
        title="Cabinet, 14 March 2023",
        meeting=Meeting("Barsetshire County Council", "Cabinet", "2023-03-14", "12"),
        organisations=(
            Organisation("o1", "Barset Safeguarding Children Partnership", "safeguarding-children",
                         aliases=("BSCP", "the partnership")),
            Organisation("o2", "Barset Constabulary", "agency", "police"),
            Organisation("o3", "Barset Local Safeguarding Children Board", "safeguarding-children",
                         aliases=("Barset LSCB",)),
            Organisation("o4", "Barsetshire County Council", "council"),
        ),
        people=(Person("p1", "Helen Quarry", "Dr"),),
        roles=(Role("p1", "Independent Chair", "o1", ev(S_CHAIR)),),
        chairs=(Chair("p1", "o1", None, ev(S_CHAIR)),),
        partners=(Partner("o1", "police", True, "o2", ev(S_PARTNER)),),
        themes=(Theme("neglect", ev(S_NEGLECT), "o1"), Theme("not-a-theme", ev(S_NEGLECT), "o1")),
        reviews=(Review("child-safeguarding-practice-review", "Child Q", "o1", ev(S_REVIEW)),),
        statistics=(Statistic(4250.0, "practitioners", "trained", ev(S_STAT), "o1"),),
        changes=(Change("o3", "o1", "2019-09-29", ev(S_CHANGE)),),
    )


def make_resolution(documents: tuple[str, ...] = (DOC,)) -> Resolution:
    """o1 and p1 resolved (to keys that differ from their slugs); o2, o3, o4 left unresolved."""
    entities = {
        "org/barset-scp": Entity("org/barset-scp", "organisation",
                                 "Barset Safeguarding Children Partnership", ("BSCP",),
                                 kind="safeguarding-children", documents=documents),
        "person/helen-quarry": Entity("person/helen-quarry", "person", "Helen Quarry",
                                      ("Dr Quarry",), honorific="Dr", documents=documents),
    }
    members = {}
    for d in documents:
        members[(d, "o1")] = "org/barset-scp"
        members[(d, "p1")] = "person/helen-quarry"
    return Resolution(entities, members)


def U(tail: str) -> URIRef:
    return URIRef(BASE + tail)


BOARD = U("org/barset-scp")
HELEN = U("person/helen-quarry")
POLICE = U("org/barset-constabulary")
LSCB = U("org/barset-local-safeguarding-children-board")
COUNCIL = U("org/barsetshire-county-council")
CABINET = U("org/barsetshire-county-council-cabinet")
DOC_IRI = U(f"doc/{DOC}")


@pytest.fixture(scope="module")
def g() -> Graph:
    return document_graph(make_facts(), make_resolution(), BASE)


def test_document_and_meeting(g: Graph) -> None:
    assert (DOC_IRI, RDF.type, FOAF.Document) in g
    assert (DOC_IRI, DCTERMS.identifier, Literal(DOC)) in g
    assert (DOC_IRI, DCTERMS.format, Literal("text/html")) in g
    meeting = U(f"meeting/{DOC}")
    assert (DOC_IRI, SG.recordsMeeting, meeting) in g
    assert (meeting, RDFS.label, Literal("Cabinet, 2023-03-14")) in g
    assert (meeting, DCTERMS.date, Literal("2023-03-14", datatype=XSD.date)) in g
    assert (meeting, SG.itemNumber, Literal("12")) in g
    assert (meeting, SG.body, CABINET) in g
    assert (meeting, SG.council, COUNCIL) in g
    assert (CABINET, RDF.type, SG.Committee) in g
    assert (CABINET, ORG.unitOf, COUNCIL) in g
    assert (COUNCIL, RDF.type, SG.LocalAuthority) in g
    mentioned = set(g.objects(DOC_IRI, SG.mentions))
    assert {BOARD, HELEN, POLICE, LSCB, COUNCIL, CABINET} == mentioned


def test_chair_head_of_and_post(g: Graph) -> None:
    assert (HELEN, ORG.headOf, BOARD) in g
    post = U("post/barset-scp/independent-chair")
    assert (post, RDF.type, SG.ChairPost) in g
    assert (post, RDF.type, ORG.Post) in g
    assert (post, ORG.postIn, BOARD) in g
    assert (post, ORG.heldBy, HELEN) in g
    assert (post, ORG.role, SGR["independent-chair"]) in g
    assert (HELEN, ORG.holds, post) in g
    assert g.value(post, RDFS.label) == Literal(
        "Independent Chair of Barset Safeguarding Children Partnership")


def test_membership(g: Graph) -> None:
    m = U("membership/helen-quarry/barset-scp/independent-chair")
    assert (m, RDF.type, ORG.Membership) in g
    assert (m, ORG.member, HELEN) in g
    assert (m, ORG.organization, BOARD) in g
    assert (m, ORG.role, SGR["independent-chair"]) in g
    assert (m, SG.title, Literal("Independent Chair")) in g
    assert len(list(g.subjects(RDF.type, ORG.Membership))) == 1  # role and chair merge


def test_partner_relation(g: Graph) -> None:
    rel = U("partner/barset-scp/police")
    assert (BOARD, SG.hasPartnerSector, SGS.police) in g
    assert (rel, RDF.type, SG.PartnerRelation) in g
    assert (rel, SG.partnership, BOARD) in g
    assert (rel, SG.sector, SGS.police) in g
    assert (rel, SG.statutory, Literal(True)) in g
    assert (rel, SG.agency, POLICE) in g
    assert (BOARD, ORG.hasMember, POLICE) in g


def test_theme_mention_with_evidence_span(g: Graph) -> None:
    mention = U(f"mention/{DOC}/neglect")
    start = TEXT.index(S_NEGLECT)
    end = start + len(S_NEGLECT)
    evidence = U(f"doc/{DOC}/char/{start}-{end}")
    selector = URIRef(f"{evidence}/selector")
    assert (DOC_IRI, DCTERMS.subject, SGT.neglect) in g
    assert (mention, RDF.type, SG.ThemeMention) in g
    assert (mention, SG.theme, SGT.neglect) in g
    assert (mention, SG.inDocument, DOC_IRI) in g
    assert set(g.objects(mention, SG.about)) == {BOARD}  # its attached board only, not every board named
    assert (mention, PROV.wasDerivedFrom, evidence) in g
    assert (mention, PROV.wasAttributedTo, U("agent/kg-extractor")) in g
    assert (evidence, RDF.type, OA.SpecificResource) in g
    assert (evidence, OA.hasSource, DOC_IRI) in g
    assert (evidence, OA.hasSelector, selector) in g
    assert g.value(selector, OA.start) == Literal(start)
    assert g.value(selector, OA.end) == Literal(end)
    assert g.value(selector, OA.start).datatype == XSD.integer
    assert str(g.value(selector, OA.exact)) == S_NEGLECT == TEXT[start:end]
    # a theme outside the contract's 27 is dropped rather than minting an IRI
    assert len(list(g.subjects(RDF.type, SG.ThemeMention))) == 1


def test_review(g: Graph) -> None:
    review = U(f"review/{DOC}/child-safeguarding-practice-review/child-q")
    assert (review, RDF.type, SG.CaseReview) in g
    assert (review, RDF.type, SG.ChildSafeguardingPracticeReview) in g
    assert g.value(review, RDFS.label) == Literal("Child Safeguarding Practice Review: Child Q")
    assert (review, SG.reviewKind, Literal("child-safeguarding-practice-review")) in g
    assert (review, SG.caseName, Literal("Child Q")) in g
    assert (review, SG.conductedBy, BOARD) in g


def test_statistic(g: Graph) -> None:
    stat = U(f"statistic/{DOC}/1")
    value = g.value(stat, SG.value)
    assert value.datatype == XSD.decimal
    assert value.toPython() == Decimal("4250")
    assert (stat, SG.unit, Literal("practitioners")) in g
    assert (stat, SG.measure, Literal("trained")) in g
    assert (stat, SG.about, BOARD) in g


def test_change_event(g: Graph) -> None:
    change = U("change/barset-local-safeguarding-children-board/barset-scp")
    assert (change, RDF.type, ORG.ChangeEvent) in g
    assert (change, ORG.originalOrganization, LSCB) in g
    assert (change, ORG.resultingOrganization, BOARD) in g
    assert (LSCB, ORG.changedBy, change) in g
    assert (BOARD, ORG.resultedFrom, change) in g
    assert (change, DCTERMS.date, Literal("2019-09-29", datatype=XSD.date)) in g


def test_unresolved_entities_fall_back_to_name_slugs_with_labels(g: Graph) -> None:
    # o2 has no key: its IRI is org/<slug of name>, and the document graph labels it
    assert (POLICE, RDFS.label, Literal("Barset Constabulary")) in g
    assert (POLICE, RDF.type, SG.Agency) in g
    assert (POLICE, SG.sector, SGS.police) in g
    assert (LSCB, SKOS.altLabel, Literal("Barset LSCB")) in g
    # resolved ones are labelled in the entities graph only
    assert g.value(BOARD, RDFS.label) is None
    assert g.value(HELEN, FOAF.name) is None


def test_entities_graph() -> None:
    e = entities_graph(make_resolution(), BASE)
    assert (BOARD, RDF.type, ORG.Organization) in e
    assert (BOARD, RDF.type, SG.SafeguardingChildrenPartnership) in e
    assert (BOARD, RDFS.label, Literal("Barset Safeguarding Children Partnership")) in e
    assert (BOARD, SKOS.altLabel, Literal("BSCP")) in e
    assert (BOARD, SG.kind, Literal("safeguarding-children")) in e
    assert (HELEN, RDF.type, FOAF.Person) in e
    assert (HELEN, FOAF.name, Literal("Helen Quarry")) in e
    assert (HELEN, SG.honorific, Literal("Dr")) in e
    assert (HELEN, SKOS.altLabel, Literal("Dr Quarry")) in e


def test_facts_without_evidence_or_with_bad_values() -> None:
    facts = Facts(
        document="bare", meeting=Meeting(date="2023-02-30"),
        organisations=(Organisation("o1", "Wold Partnership", "safeguarding-adults"),),
        people=(Person("p1", "Sam Doe"),),
        roles=(Role("p1", "Cabinet Member for Adults", None),),
        partners=(Partner("o1", "Army", None),),
        statistics=(Statistic(float("nan")), Statistic(2.5)),
        chairs=(Chair("p1", "ghost"),),  # unknown local id: skipped
    )
    g = document_graph(facts, Resolution({}, {}), BASE)
    meeting = U("meeting/bare")
    assert g.value(meeting, DCTERMS.date) is None  # 30 February is not a date
    m = U("membership/sam-doe/cabinet-member-for-adults")  # no organisation: no segment for it
    role = URIRef("https://w3id.org/safeguarding-kg/role/cabinet-member-for-adults")
    assert (m, ORG.role, role) in g
    assert (role, RDF.type, ORG.Role) in g
    assert g.value(m, ORG.organization) is None
    assert g.value(m, PROV.wasDerivedFrom) is None
    assert (U("partner/wold-partnership/other"), SG.sector, SGS.other) in g
    assert g.value(U("statistic/bare/1"), SG.value) is None
    assert g.value(U("statistic/bare/2"), SG.value) == Literal("2.5", datatype=XSD.decimal)
    assert not list(g.subjects(RDF.type, SG.ChairPost))


def test_role_iri_normalises_chair_titles() -> None:
    assert role_iri("Chairman") == (SGR.chair, "chair")
    assert role_iri("Independent Chair") == (SGR["independent-chair"], "independent-chair")
    assert role_iri("Vice Chair")[0] == SGR["vice-chair"]
    assert role_iri("Independent Chair of the Board")[0] == SGR["independent-chair"]
    assert role_iri("Independent Chairman of the Wold Partnership")[0] == SGR["independent-chair"]
    assert role_iri("Chairing Officer")[1] == "chairing-officer"


def test_listed_committee_is_the_body_and_chair_mentions_share_one_post() -> None:
    facts = Facts(
        document="wold", meeting=Meeting("Wold District Council", "Scrutiny Panel"),
        organisations=(Organisation("o1", "Wold Partnership", "safeguarding-children"),
                       Organisation("o2", "Scrutiny Panel", "committee"),
                       Organisation("o3", "Wold District Council", "council")),
        people=(Person("p1", "Ada Brook"),),
        chairs=(Chair("p1", "o1", "Independent Chairman of the Wold Partnership"),
                Chair("p1", "o1", "Chair")),
    )
    g = document_graph(facts, Resolution({}, {}), BASE)
    panel, council = U("org/scrutiny-panel"), U("org/wold-district-council")
    assert g.value(U("meeting/wold"), SG.body) == panel
    assert (panel, ORG.unitOf, council) in g
    assert not list(g.subjects(RDFS.label, Literal("Wold District Council Scrutiny Panel")))
    assert set(g.subjects(RDF.type, SG.ChairPost)) == {U("post/wold-partnership/independent-chair")}
    assert g.value(U("post/wold-partnership/independent-chair"), RDFS.label) == Literal(
        "Independent Chair of Wold Partnership")


def _dataset(document: str = DOC) -> Dataset:
    return build_dataset([make_facts(document)], make_resolution((document,)), BASE)


def test_dataset_named_graphs_and_no_blank_nodes() -> None:
    ds = _dataset()
    names = {c.identifier for c in ds.graphs() if len(c)}
    assert names == {graph_iri(BASE, DOC), entities_graph_iri(BASE), ontology_graph_iri(BASE), time_graph_iri(BASE)}
    assert graph_iri(BASE, DOC) == U(f"graph/{DOC}")
    assert (HELEN, ORG.headOf, BOARD) in ds.graph(graph_iri(BASE, DOC))
    assert (BOARD, RDFS.label, None) in ds.graph(entities_graph_iri(BASE))
    assert (SG.Board, RDF.type, None) in ds.graph(ontology_graph_iri(BASE))
    blanks = [q for q in ds.quads((None, None, None, None)) if any(isinstance(x, BNode) for x in q)]
    assert blanks == []


def _sorted_nquads(ds: Dataset) -> bytes:
    data = ds.serialize(format="nquads", encoding="utf-8")
    return b"\n".join(sorted(line for line in data.splitlines() if line.strip()))


def test_two_builds_are_byte_identical() -> None:
    first, second = _sorted_nquads(_dataset()), _sorted_nquads(_dataset())
    assert first == second
    assert len(first.splitlines()) > 600
    ntriples = sorted(document_graph(make_facts(), make_resolution(), BASE)
                      .serialize(format="nt", encoding="utf-8").splitlines())
    again = sorted(document_graph(make_facts(), make_resolution(), BASE)
                   .serialize(format="nt", encoding="utf-8").splitlines())
    assert ntriples == again


NASTY = 'The "Board" said \\ no\nnewline <b>bold</b> & Siân Ó Briain, Łódź, 東京'


@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nt"])
def test_awkward_literals_round_trip(fmt: str) -> None:
    facts = Facts(
        document="odd doc",
        organisations=(Organisation("o1", NASTY, "other-board"),),
        people=(Person("p1", "Siân Ó Briain"),),
        themes=(Theme("funding", Evidence(NASTY, 0, len(NASTY))),),
    )
    g = document_graph(facts, Resolution({}, {}), BASE)
    back = Graph().parse(data=g.serialize(format=fmt), format=fmt)
    labels = [o for o in back.objects(None, RDFS.label)]
    assert Literal(NASTY) in labels
    assert Literal(NASTY) in set(back.objects(None, OA.exact))
    assert Literal("Siân Ó Briain") in set(back.objects(None, FOAF.name))
    assert all(o.language is None and o.datatype is None for o in labels)
    assert len(back) == len(g)
    # a document id with a space is percent-encoded, not a broken IRI
    assert (URIRef(BASE + "doc/odd%20doc"), DCTERMS.identifier, Literal("odd doc")) in back


def test_json_ld_literals_are_plain_strings() -> None:
    facts = Facts(document="d", people=(Person("p1", NASTY),))
    doc = json.loads(document_graph(facts, Resolution({}, {}), BASE).serialize(format="json-ld"))
    names = [v for node in doc for v in node.get(str(FOAF.name), [])]
    assert names == [{"@value": NASTY}]
