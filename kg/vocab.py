"""The words the networkx graph and its views share: node types and edge labels.

kg.netx folds RDF into a graph whose nodes have a readable ``type`` and whose edges are
keyed by a readable label ("chairs", "holds post in"); kg.viz selects, folds and styles
by those same words. Both take them from here, so a renamed label cannot silently leave
a view empty. They are ``StrEnum``s: a member *is* its string (equal to it, hashed like
it, written as it to JSON), so graphs stay plain data for GraphML, GEXF and the page.
"""

from __future__ import annotations

from enum import StrEnum


class NodeType(StrEnum):
    """A node's readable type; the order is the legend's order."""

    BOARD = "Board"
    COUNCIL = "Council"
    COMMITTEE = "Committee"
    AGENCY = "Agency"
    NATIONAL_BODY = "NationalBody"
    ORGANISATION = "Organisation"
    PERSON = "Person"
    THEME = "Theme"
    SECTOR = "Sector"
    REVIEW = "Review"
    DOCUMENT = "Document"
    MEETING = "Meeting"
    STATISTIC = "Statistic"


class EdgeLabel(StrEnum):
    """An edge's label (its key in the MultiDiGraph): what links the two nodes."""

    CHAIRS = "chairs"
    HOLDS_POST_IN = "holds post in"
    PARTNER_SECTOR = "partner sector"
    PARTNER_OF = "partner of"
    IN_SECTOR = "in sector"
    DISCUSSES = "discusses"
    CONDUCTED_BY = "conducted by"
    REPLACED_BY = "replaced by"
    RECORDS = "records"
    MENTIONS = "mentions"
    HELD_BY = "held by"
    FOR_COUNCIL = "for council"
    UNIT_OF = "unit of"
    IN = "in"


__all__ = ["NodeType", "EdgeLabel"]
