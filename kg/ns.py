"""Namespaces and controlled vocabularies of the graph (docs/graph-schema.md).

Our own namespaces (SG, SGT, SGS, SGR) are *closed*: asking for a term that the ontology
does not define raises ``AttributeError`` instead of silently minting a new IRI, so a typo
in ``kg/rdf.py`` fails at once rather than producing triples no query will ever find.
tests/test_ontology.py checks that these term lists and ontology/safeguarding.ttl agree.

The kind/sector/theme tables below mirror the CONTRACT vocabularies; they live here (not
in rdf.py) so that every module maps a contract id to the same class or concept.

No ``from __future__ import annotations`` here: rdflib's DefinedNamespace reads the
class annotations as term names and expects them to be real types.
"""

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, TIME, XSD, DefinedNamespace

__all__ = [
    "SG", "SGT", "SGS", "SGR", "OA", "ORG", "FOAF", "SKOS", "PROV", "DCTERMS", "RDF", "RDFS",
    "OWL", "XSD", "SH", "TIME", "PREFIXES", "bind_prefixes", "terms", "THEME_IDS", "SECTOR_IDS",
    "ROLE_IDS", "ORG_KIND_CLASS", "BOARD_KINDS", "PARTNERSHIP_KINDS", "SAFEGUARDING_KINDS", "REVIEW_KIND_CLASS",
    "REVIEW_KIND_LABEL",
]

OA = Namespace("http://www.w3.org/ns/oa#")
"""W3C Web Annotation vocabulary (open: rdflib ships no definition of it)."""


class SG(DefinedNamespace):
    """The project's ontology: only what ORG/FOAF/SKOS/PROV/DCTERMS/OA lack."""

    _NS = Namespace("https://w3id.org/safeguarding-kg/ontology#")
    _fail = True

    # classes
    Board: URIRef
    SafeguardingChildrenPartnership: URIRef
    SafeguardingAdultsBoard: URIRef
    CommunitySafetyPartnership: URIRef
    MultiAgencyBoard: URIRef
    LocalAuthority: URIRef
    Committee: URIRef
    Agency: URIRef
    NationalBody: URIRef
    ChairPost: URIRef
    PartnerRelation: URIRef
    ThemeMention: URIRef
    CaseReview: URIRef
    SeriousCaseReview: URIRef
    ChildSafeguardingPracticeReview: URIRef
    RapidReview: URIRef
    SafeguardingAdultsReview: URIRef
    DomesticHomicideReview: URIRef
    ThematicReview: URIRef
    Meeting: URIRef
    AnnualReport: URIRef
    Statistic: URIRef
    # properties
    recordsMeeting: URIRef
    mentions: URIRef
    body: URIRef
    council: URIRef
    itemNumber: URIRef
    kind: URIRef
    sector: URIRef
    honorific: URIRef
    title: URIRef
    hasPartnerSector: URIRef
    partnership: URIRef
    statutory: URIRef
    agency: URIRef
    theme: URIRef
    inDocument: URIRef
    about: URIRef
    reviewKind: URIRef
    caseName: URIRef
    conductedBy: URIRef
    value: URIRef
    unit: URIRef
    measure: URIRef
    page: URIRef
    confidence: URIRef
    year: URIRef
    ended: URIRef
    area: URIRef
    # concept schemes
    themes: URIRef
    sectors: URIRef


THEME_IDS: tuple[str, ...] = (
    "neglect", "child-exploitation", "domestic-abuse", "mental-health", "contextual-safeguarding",
    "think-family", "transition-to-adulthood", "early-help", "education", "missing-children",
    "children-in-care", "online-safety", "youth-violence", "babies-and-infants", "cross-border",
    "workforce-training", "covid-19", "front-door", "allegations", "voice-of-the-child",
    "disability-send", "radicalisation", "harmful-practices", "substance-misuse",
    "private-fostering", "quality-assurance", "funding",
)

SECTOR_IDS: tuple[str, ...] = (
    "local-authority", "police", "health", "education", "probation", "fire-and-rescue",
    "voluntary-sector", "youth-justice", "housing", "other",
)

ROLE_IDS: tuple[str, ...] = ("chair", "independent-chair", "independent-scrutineer", "vice-chair")


class SGT(DefinedNamespace):
    """Theme concepts; ids have hyphens, so they are all ``_extras`` (use ``SGT[id]``)."""

    _NS = Namespace("https://w3id.org/safeguarding-kg/theme/")
    _fail = True
    _extras = list(THEME_IDS)


class SGS(DefinedNamespace):
    """Partner sector concepts (``SGS[id]``)."""

    _NS = Namespace("https://w3id.org/safeguarding-kg/sector/")
    _fail = True
    _extras = list(SECTOR_IDS)


class SGR(DefinedNamespace):
    """The role concepts the ontology defines (``SGR[id]``).

    Other job titles ("Cabinet Member for Children") become roles in this namespace too,
    minted by kg.rdf from the title's slug; only these four are fixed, because posts and
    queries about chairs depend on them.
    """

    _NS = Namespace("https://w3id.org/safeguarding-kg/role/")
    _fail = True
    _extras = list(ROLE_IDS)


# CONTRACT organisation kind -> class ("other" is plain org:Organization).
ORG_KIND_CLASS: dict[str, URIRef] = {
    "safeguarding-children": SG.SafeguardingChildrenPartnership,
    "safeguarding-adults": SG.SafeguardingAdultsBoard,
    "community-safety": SG.CommunitySafetyPartnership,
    "other-board": SG.MultiAgencyBoard,
    "council": SG.LocalAuthority,
    "committee": SG.Committee,
    "agency": SG.Agency,
    "national-body": SG.NationalBody,
    "other": ORG.Organization,
}

SAFEGUARDING_KINDS: frozenset[str] = frozenset({"safeguarding-children", "safeguarding-adults"})
"""The safeguarding boards and partnerships themselves (children's and adults')."""
PARTNERSHIP_KINDS: frozenset[str] = SAFEGUARDING_KINDS | {"community-safety"}
"""The statutory multi-agency partnerships: what partners are members of."""
BOARD_KINDS: frozenset[str] = PARTNERSHIP_KINDS | {"other-board"}
"""Kinds whose class is a subclass of sg:Board (what a theme mention is ``sg:about``).
The one definition of board kinds; kg.extract uses these three sets by name."""

# CONTRACT review kind -> class (every review is also sg:CaseReview).
REVIEW_KIND_CLASS: dict[str, URIRef] = {
    "serious-case-review": SG.SeriousCaseReview,
    "child-safeguarding-practice-review": SG.ChildSafeguardingPracticeReview,
    "rapid-review": SG.RapidReview,
    "safeguarding-adults-review": SG.SafeguardingAdultsReview,
    "domestic-homicide-review": SG.DomesticHomicideReview,
    "thematic-review": SG.ThematicReview,
    "case-review": SG.CaseReview,
}

# Human label of each review kind, the same as the class's rdfs:label in the ontology.
REVIEW_KIND_LABEL: dict[str, str] = {
    "serious-case-review": "Serious Case Review",
    "child-safeguarding-practice-review": "Child Safeguarding Practice Review",
    "rapid-review": "Rapid Review",
    "safeguarding-adults-review": "Safeguarding Adults Review",
    "domestic-homicide-review": "Domestic Homicide Review",
    "thematic-review": "Thematic Review",
    "case-review": "Case Review",
}

PREFIXES: dict[str, str] = {
    "sg": str(SG._NS),
    "sgt": str(SGT._NS),
    "sgs": str(SGS._NS),
    "sgr": str(SGR._NS),
    "org": str(ORG),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "oa": str(OA),
    "time": str(TIME),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "sh": str(SH),
}
"""Prefix -> namespace IRI; the query module prepends these to users' SPARQL."""


def bind_prefixes(graph: Graph) -> Graph:
    """Bind every prefix of PREFIXES on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, Namespace(iri), override=True, replace=True)
    return graph


def terms(namespace: type[DefinedNamespace]) -> frozenset[URIRef]:
    """Every IRI a closed namespace defines (annotations and ``_extras``)."""
    names: set[str] = set()
    for cls in namespace.__mro__:
        if isinstance(cls, type) and issubclass(cls, DefinedNamespace) and cls is not DefinedNamespace:
            names.update(cls.__dict__.get("__annotations__", {}))
            names.update(cls.__dict__.get("_extras", ()))
    names -= {"_NS", "_fail", "_warn", "_extras", "_underscore_num"}
    return frozenset(URIRef(str(namespace._NS) + n) for n in names)
