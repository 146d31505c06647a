"""A graph audit: triples that must be in the built store and triples that must not.

Each expectation is one SPARQL graph pattern (a triple or a few), asked of the store with
ASK; ``id:`` is the instance base. The lists name what the text of the seed minutes
(data/minutes) and of tests/texts/audit/ says, and the wrong edges the graph once held
(issue 10: themes credited to every board a document names, a review given to the wrong
board, mislabelled figures, reviews made of generic words, agencies without an area,
two memberships for one chair, ``None`` in IRIs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.store import GraphStore

BASE = "https://w3id.org/safeguarding-kg/id/"
PREFIXES = """PREFIX sg: <https://w3id.org/safeguarding-kg/ontology#>
PREFIX sgt: <https://w3id.org/safeguarding-kg/theme/>
PREFIX sgr: <https://w3id.org/safeguarding-kg/role/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@dataclass(frozen=True)
class Expectations:
    must: tuple[str, ...]
    must_not: tuple[str, ...]


def _ask(store: GraphStore, pattern: str) -> bool:
    """ASK the pattern; ``id:doc/x`` is written out as a full IRI (a prefixed name cannot hold "/")."""
    body = re.sub(r"\bid:([\w/-]+(?:\.[\w/-]+)*)", lambda m: f"<{BASE}{m.group(1)}>", pattern)
    return bool(store.query(f"{PREFIXES}ASK {{ {body} }}").boolean)


def audit(store: GraphStore, expected: Expectations) -> list[str]:
    """What is wrong: each missing required pattern and each present forbidden one."""
    problems = []
    for pattern in expected.must:
        if not _ask(store, pattern):
            problems.append(f"missing: {pattern}")
    for pattern in expected.must_not:
        if _ask(store, pattern):
            problems.append(f"present: {pattern}")
    return problems


OXON = "id:org/oxfordshire-safeguarding-children-board"
BSCP = "id:org/buckinghamshire-safeguarding-children-partnership"
BSCB = "id:org/buckinghamshire-safeguarding-children-board"
BSAB = "id:org/buckinghamshire-safeguarding-adults-board"
BCSB = "id:org/buckinghamshire-community-safety-board"
BDAB = "id:org/buckinghamshire-domestic-abuse-board"
BUCKS_THEMES = ("contextual-safeguarding", "think-family", "child-exploitation", "transition-to-adulthood",
                "workforce-training", "covid-19", "funding", "education", "domestic-abuse", "neglect",
                "babies-and-infants", "cross-border", "youth-violence", "quality-assurance")

SEEDS = Expectations(
    must=(
        # the children's partnership report's themes are the partnership's
        *(f"?m a sg:ThemeMention ; sg:theme sgt:{t} ; sg:about {BSCP} ; sg:inDocument id:doc/004_82ef1e4893fc77f8 ."
          for t in BUCKS_THEMES),
        f"?m a sg:ThemeMention ; sg:theme sgt:neglect ; sg:about {OXON} .",
        # the SAR was commissioned by the adults board; the thematic review is the partnership's
        f"?r a sg:SafeguardingAdultsReview ; sg:conductedBy {BSAB} .",
        f"?r a sg:ThematicReview ; sg:conductedBy {BSCP} .",
        f"?r a sg:CaseReview ; sg:caseName \"Jacob\" ; sg:conductedBy {OXON} .",
        # figures with the measure the words next to them give
        f"?s a sg:Statistic ; sg:value \"60\"^^xsd:decimal ; sg:unit \"percent\" ; sg:measure \"expenditure\" ; sg:about {BSCP} .",
        "?s a sg:Statistic ; sg:value \"65\"^^xsd:decimal ; sg:unit \"children\" ; sg:measure \"missing\" .",
        "?s a sg:Statistic ; sg:value \"4\"^^xsd:decimal ; sg:unit \"reports\" ; sg:measure \"published\" .",
        "?s a sg:Statistic ; sg:value \"95\"^^xsd:decimal ; sg:unit \"percent\" ; sg:measure \"training\" .",
        # the partnership replaced the board ("a significant change from")
        f"?c a org:ChangeEvent ; org:originalOrganization {BSCB} ; org:resultingOrganization {BSCP} .",
        # the CCG of the Buckinghamshire minutes is Buckinghamshire's
        "id:org/buckinghamshire-clinical-commissioning-group a sg:Agency .",
        # a post title in full
        "?m org:member id:person/liz-brighouse ; sg:title ?t . "
        "FILTER(STRSTARTS(?t, \"Cabinet Member for Children, Education and Young People\"))",
        f"id:membership/francis-habgood/buckinghamshire-safeguarding-children-partnership/independent-chair "
        f"org:organization {BSCP} .",
    ),
    must_not=(
        # themes of the children's report are not the other boards' the document names
        *(f"?m a sg:ThemeMention ; sg:about {b} ." for b in (BDAB, BCSB, BSCB)),
        f"?m a sg:ThemeMention ; sg:theme sgt:babies-and-infants ; sg:about {BDAB} .",
        "?m a sg:ThemeMention ; sg:about ?a, ?b . FILTER(?a != ?b)",
        # the SAR is not the children's partnership's
        f"?r a sg:SafeguardingAdultsReview ; sg:conductedBy {BSCP} .",
        # statistics mislabelled from elsewhere in their sentence
        "?s a sg:Statistic ; sg:value \"60\"^^xsd:decimal ; sg:measure \"training\" .",
        "?s a sg:Statistic ; sg:value \"75\"^^xsd:decimal ; sg:measure \"training\" .",
        # generic plurals are not reviews ("summarised the case reviews", "key messages from reviews")
        "?r a sg:CaseReview ; sg:reviewKind \"case-review\" . FILTER NOT EXISTS { ?r sg:caseName ?n }",
        # agencies float free of their area no more
        "id:org/clinical-commissioning-group ?p ?o .",
        # one membership per chair and board; no Python None in IRIs
        f"?m org:member id:person/francis-habgood ; org:organization {BSCP} ; org:role sgr:chair .",
        "?s ?p ?o . FILTER(CONTAINS(STR(?s), \"/none/\") || CONTAINS(STR(?s), \"None\"))",
        "?m org:member id:person/calum-miller ; org:role sgr:chair .",
    ),
)

NF_SCP = "id:org/northfold-safeguarding-children-partnership"
NF_SAB = "id:org/northfold-safeguarding-adults-board"
NF_DAB = "id:org/northfold-domestic-abuse-board"

NORTHFOLD = Expectations(
    must=(
        f"?m a sg:ThemeMention ; sg:theme sgt:neglect ; sg:about {NF_SCP} .",
        f"?m a sg:ThemeMention ; sg:theme sgt:child-exploitation ; sg:about {NF_SCP} .",
        f"?m a sg:ThemeMention ; sg:theme sgt:domestic-abuse ; sg:about {NF_DAB} .",
        f"id:review/northfold/child-safeguarding-practice-review/child-t a sg:ChildSafeguardingPracticeReview ; "
        f"sg:caseName \"Child T\" ; sg:year 2022 ; sg:conductedBy {NF_SCP} .",
        f"?r a sg:SafeguardingAdultsReview ; sg:conductedBy {NF_SAB} .",
        f"?s a sg:Statistic ; sg:value \"70\"^^xsd:decimal ; sg:unit \"percent\" ; sg:measure \"budget\" ; sg:about {NF_SCP} .",
        "id:org/northfold-clinical-commissioning-group a sg:Agency .",
        "id:org/northfold-police a sg:Agency .",
    ),
    must_not=(
        *(f"?m a sg:ThemeMention ; sg:theme sgt:{t} ; sg:about ?b . FILTER(?b != {NF_SCP})"
          for t in ("neglect", "child-exploitation", "funding", "workforce-training")),
        f"?m a sg:ThemeMention ; sg:theme sgt:domestic-abuse ; sg:about {NF_SCP} .",
        f"?r a sg:SafeguardingAdultsReview ; sg:conductedBy {NF_SCP} .",
        "?s a sg:Statistic ; sg:value \"70\"^^xsd:decimal ; sg:measure \"training\" .",
        "?r a sg:CaseReview ; sg:reviewKind \"case-review\" .",  # only the plural "case reviews"
        "?r a sg:ChildSafeguardingPracticeReview . FILTER NOT EXISTS { ?r sg:caseName ?n }",
        "?r sg:caseName \"Child\" .",
    ),
)
