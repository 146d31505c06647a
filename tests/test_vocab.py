"""kg.vocab: the node types and edge labels netx writes are the ones viz reads."""

from __future__ import annotations

from test_netx import sample_graph

from kg.netx import TYPES, to_networkx
from kg.viz import STYLE
from kg.vocab import EdgeLabel, NodeType


def test_netx_speaks_the_shared_vocabulary() -> None:
    G = to_networkx(sample_graph())
    types = {d["type"] for _, d in G.nodes(data=True)}
    labels = {k for _, _, k in G.edges(keys=True)}
    assert types and types <= set(NodeType)
    assert labels and labels <= set(EdgeLabel)
    assert {EdgeLabel.CHAIRS, EdgeLabel.HOLDS_POST_IN, EdgeLabel.DISCUSSES} <= labels


def test_every_type_has_a_style_in_legend_order() -> None:
    assert list(STYLE) == list(NodeType) == list(TYPES)


def test_members_are_their_strings() -> None:
    assert NodeType.BOARD == "Board" and f"{EdgeLabel.HOLDS_POST_IN}" == "holds post in"
    assert {"Board": 1}[NodeType.BOARD] == 1
