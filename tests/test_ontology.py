"""The ontology parses, carries every CONTRACT vocabulary, and agrees with kg/ns.py."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from kg.ns import (DCTERMS, ORG, ORG_KIND_CLASS, OWL, PREFIXES, RDF, RDFS, REVIEW_KIND_CLASS,
                   REVIEW_KIND_LABEL, SG, SGR, SGS, SGT, SKOS, bind_prefixes, terms)
from kg.rdf import ONTOLOGY_FILE, ontology_graph

ONTOLOGY_IRI = URIRef("https://w3id.org/safeguarding-kg/ontology")

# The 27 theme ids of CONTRACT.md, each with words its definition must carry (from "covers").
THEMES = {
    "neglect": "Graded Care Profile",
    "child-exploitation": "county lines",
    "domestic-abuse": "coercive control",
    "mental-health": "CAMHS",
    "contextual-safeguarding": "extra-familial harm",
    "think-family": "whole-family",
    "transition-to-adulthood": "adults' services",
    "early-help": "early intervention",
    "education": "elective home education",
    "missing-children": "missing from home",
    "children-in-care": "care leavers",
    "online-safety": "internet safety",
    "youth-violence": "knife crime",
    "babies-and-infants": "safe sleep",
    "cross-border": "out-of-area",
    "workforce-training": "learning events",
    "covid-19": "pandemic",
    "front-door": "MASH",
    "allegations": "LADO",
    "voice-of-the-child": "lived experience",
    "disability-send": "special educational needs",
    "radicalisation": "Prevent",
    "harmful-practices": "forced marriage",
    "substance-misuse": "alcohol",
    "private-fostering": "private fostering",
    "quality-assurance": "section 11",
    "funding": "partner contributions",
}

SECTORS = ["local-authority", "police", "health", "education", "probation", "fire-and-rescue",
           "voluntary-sector", "youth-justice", "housing", "other"]

ORG_KINDS = {
    "safeguarding-children": SG.SafeguardingChildrenPartnership,
    "safeguarding-adults": SG.SafeguardingAdultsBoard,
    "community-safety": SG.CommunitySafetyPartnership,
    "other-board": SG.MultiAgencyBoard,
    "council": SG.LocalAuthority,
    "committee": SG.Committee,
    "agency": SG.Agency,
    "national-body": SG.NationalBody,
}

REVIEW_KINDS = {
    "serious-case-review": SG.SeriousCaseReview,
    "child-safeguarding-practice-review": SG.ChildSafeguardingPracticeReview,
    "rapid-review": SG.RapidReview,
    "safeguarding-adults-review": SG.SafeguardingAdultsReview,
    "domestic-homicide-review": SG.DomesticHomicideReview,
    "thematic-review": SG.ThematicReview,
    "case-review": SG.CaseReview,
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_graph()


def _one(g: Graph, s, p) -> Literal:
    values = list(g.objects(s, p))
    assert len(values) == 1, f"{s} {p}: {values}"
    return values[0]


def test_ontology_parses_with_header(onto: Graph) -> None:
    assert ONTOLOGY_FILE.is_file()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert str(_one(onto, ONTOLOGY_IRI, DCTERMS.title)) == "Safeguarding partnerships ontology"
    assert "safeguarding" in str(_one(onto, ONTOLOGY_IRI, DCTERMS.description))
    assert str(_one(onto, ONTOLOGY_IRI, OWL.versionInfo)) == "0.1.0"
    assert _one(onto, ONTOLOGY_IRI, DCTERMS.license) == URIRef("https://opensource.org/licenses/MIT")


def test_ontology_has_no_blank_nodes(onto: Graph) -> None:
    assert not [t for t in onto if any(isinstance(x, BNode) for x in t)]


@pytest.mark.parametrize("theme, words", sorted(THEMES.items()))
def test_every_contract_theme_is_a_concept(onto: Graph, theme: str, words: str) -> None:
    concept = SGT[theme]
    assert (concept, RDF.type, SKOS.Concept) in onto
    assert _one(onto, concept, SKOS.notation) == Literal(theme)
    assert str(_one(onto, concept, SKOS.prefLabel)).strip()
    assert words.lower() in str(_one(onto, concept, SKOS.definition)).lower()
    assert (concept, SKOS.inScheme, SG.themes) in onto
    assert (concept, SKOS.topConceptOf, SG.themes) in onto
    assert (SG.themes, SKOS.hasTopConcept, concept) in onto


def test_theme_scheme_holds_exactly_the_27(onto: Graph) -> None:
    assert len(THEMES) == 27
    assert (SG.themes, RDF.type, SKOS.ConceptScheme) in onto
    members = {str(onto.value(c, SKOS.notation)) for c in onto.subjects(SKOS.inScheme, SG.themes)}
    assert members == set(THEMES)


def test_every_sector_is_a_concept(onto: Graph) -> None:
    members = {str(onto.value(c, SKOS.notation)) for c in onto.subjects(SKOS.inScheme, SG.sectors)}
    assert members == set(SECTORS)
    for sector in SECTORS:
        concept = SGS[sector]
        assert _one(onto, concept, SKOS.notation) == Literal(sector)
        assert str(_one(onto, concept, SKOS.prefLabel))
        assert str(_one(onto, concept, SKOS.definition))
        assert (concept, SKOS.topConceptOf, SG.sectors) in onto
    assert "CCG" in str(onto.value(SGS.health, SKOS.definition))


@pytest.mark.parametrize("kind, cls", sorted({**ORG_KINDS, **REVIEW_KINDS}.items()))
def test_every_kind_has_a_class_with_its_notation(onto: Graph, kind: str, cls: URIRef) -> None:
    assert (cls, RDF.type, OWL.Class) in onto
    assert _one(onto, cls, SKOS.notation) == Literal(kind)
    assert str(_one(onto, cls, RDFS.label))
    assert str(_one(onto, cls, RDFS.comment))


def test_class_hierarchy(onto: Graph) -> None:
    assert (SG.Board, RDFS.subClassOf, ORG.OrganizationalCollaboration) in onto
    for cls in (SG.SafeguardingChildrenPartnership, SG.SafeguardingAdultsBoard,
                SG.CommunitySafetyPartnership, SG.MultiAgencyBoard):
        assert (cls, RDFS.subClassOf, SG.Board) in onto
    assert (SG.LocalAuthority, RDFS.subClassOf, ORG.FormalOrganization) in onto
    assert (SG.Committee, RDFS.subClassOf, ORG.OrganizationalUnit) in onto
    assert (SG.ChairPost, RDFS.subClassOf, ORG.Post) in onto
    for cls in set(REVIEW_KINDS.values()) - {SG.CaseReview}:
        assert (cls, RDFS.subClassOf, SG.CaseReview) in onto


def test_roles_are_org_roles(onto: Graph) -> None:
    for role in ("chair", "independent-chair", "independent-scrutineer", "vice-chair"):
        assert (SGR[role], RDF.type, ORG.Role) in onto
        assert str(onto.value(SGR[role], RDFS.label))
    assert str(onto.value(SGR["independent-chair"], RDFS.label)) == "Independent Chair"


def test_every_property_has_domain_range_label_comment(onto: Graph) -> None:
    props = [p for p in terms(SG) if (p, RDF.type, OWL.ObjectProperty) in onto
             or (p, RDF.type, OWL.DatatypeProperty) in onto]
    assert len(props) == 27  # 23 + confidence, year, ended, area
    for p in props:
        for attr in (RDFS.domain, RDFS.range, RDFS.label, RDFS.comment):
            assert onto.value(p, attr) is not None, f"{p} lacks {attr}"
    assert onto.value(SG.value, RDFS.range) == URIRef("http://www.w3.org/2001/XMLSchema#decimal")
    assert onto.value(SG.statutory, RDFS.range) == URIRef("http://www.w3.org/2001/XMLSchema#boolean")


@pytest.mark.parametrize("ns", [SG, SGT, SGS, SGR], ids=["SG", "SGT", "SGS", "SGR"])
def test_ns_and_ontology_define_the_same_terms(onto: Graph, ns) -> None:
    in_ontology = {s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(str(ns))}
    assert in_ontology == set(terms(ns))


def test_closed_namespaces_raise_on_unknown_terms() -> None:
    assert SG.ChairPost == URIRef("https://w3id.org/safeguarding-kg/ontology#ChairPost")
    assert SGT["covid-19"] == URIRef("https://w3id.org/safeguarding-kg/theme/covid-19")
    with pytest.raises(AttributeError):
        SG.ChairPosts  # noqa: B018  (a typo must not mint an IRI)
    with pytest.raises(AttributeError):
        SGT["knife-crime"]
    with pytest.raises(AttributeError):
        SGS["army"]


def test_ns_tables_match_ontology(onto: Graph) -> None:
    for kind, cls in ORG_KIND_CLASS.items():
        if kind == "other":
            assert cls == ORG.Organization
        else:
            assert onto.value(cls, SKOS.notation) == Literal(kind)
    assert REVIEW_KIND_CLASS == REVIEW_KINDS
    for kind, label in REVIEW_KIND_LABEL.items():
        assert str(onto.value(REVIEW_KIND_CLASS[kind], RDFS.label)) == label


def test_prefixes_and_binding() -> None:
    assert PREFIXES["sg"] == "https://w3id.org/safeguarding-kg/ontology#"
    assert PREFIXES["oa"] == "http://www.w3.org/ns/oa#"
    assert {"org", "foaf", "skos", "prov", "dcterms", "rdf", "rdfs", "owl", "xsd", "sh",
            "sgt", "sgs", "sgr"} <= set(PREFIXES)
    g = bind_prefixes(Graph())
    bound = {p: str(n) for p, n in g.namespaces()}
    for prefix, iri in PREFIXES.items():
        assert bound[prefix] == iri
    assert SG.Board.n3(g.namespace_manager) == "sg:Board"
