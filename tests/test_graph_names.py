"""kg.build.graph_names: the same names as str(graph_iri(...)), the quick path included."""

from kg.build import graph_names
from kg.rdf import graph_iri


def test_graph_names_match_graph_iri() -> None:
    ids = ["00001_004_82ef1e4893fc77f8", "a.b-c_d~e", "with space", "café", "x/y", "100%", ""]
    for base in ("https://example.org/kg/", "http://example.org/kg"):
        assert graph_names(base, ids) == [str(graph_iri(base, d)) for d in ids]
    assert graph_names("https://example.org/kg/", ["with space"]) == ["https://example.org/kg/graph/with%20space"]
