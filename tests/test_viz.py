"""kg.viz (pure view building, the HTML renderer) and the `kg viz` / `kg stats` commands."""

from __future__ import annotations

import base64
import html
import hashlib
import importlib
import json
import re
import types
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from test_netx import SAMPLE_TTL, sample_graph

from kg.netx import to_networkx
from kg.viz import STYLE, FocusError, View, build_view, embed_json, find_node, render_html

NSCP = "Northmoor Safeguarding Children Partnership"
LSCB = "Northmoor Local Safeguarding Children Board"
WSAB = "Westbury Safeguarding Adults Board"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return to_networkx(sample_graph())


def labels(view: View) -> set[str]:
    return {n["label"] for n in view.nodes}


def by_label(view: View, label: str) -> dict:
    return next(n for n in view.nodes if n["label"] == label)


def edge(view: View, a: str, b: str) -> dict:
    ia, ib = by_label(view, a)["id"], by_label(view, b)["id"]
    return next(e for e in view.edges if (e["from"], e["to"]) == (ia, ib))


# -- the view --------------------------------------------------------------------------

def test_overview_nodes_edges_and_legend(G: nx.MultiDiGraph) -> None:
    v = build_view(G)
    assert v.kind == "overview" and not v.aggregated and v.notes == ()
    assert len(v.nodes) == G.number_of_nodes() == 24
    assert [n["id"] for n in v.nodes] == list(range(24))
    for n in v.nodes:  # colour and shape per type, positions computed in Python
        colour, shape, _, _ = STYLE[n["type"]]
        assert (n["color"], n["shape"]) == (colour, shape)
        assert isinstance(n["x"], float) and isinstance(n["y"], float)
    assert len({(n["x"], n["y"]) for n in v.nodes}) == 24
    legend = {entry["type"]: entry for entry in v.legend}
    assert legend["Board"]["count"] == 3 and legend["Board"]["shape"] == "hexagon"
    assert legend["Theme"]["glyph"] == "\u2605"
    assert [e["type"] for e in v.legend][:2] == ["Board", "Council"]
    assert v.filters["year"] == [2020, 2021]
    assert v.filters["council"] == ["Northmoor County Council", "Westbury Borough Council"]
    # Parallel facts share one edge with a joined, readable label; evidence kept.
    e = edge(v, "Alice Marwood", NSCP)
    assert e["label"] == "chairs \u00b7 holds post in"
    assert e["facts"] == ["chairs", "holds post in"]
    assert e["evidence"][0]["text"].startswith("Alice Marwood, Independent Chair")
    assert edge(v, NSCP, "Neglect")["label"] == "discusses"
    assert edge(v, LSCB, NSCP)["label"] == "replaced by"


def test_view_is_deterministic(G: nx.MultiDiGraph) -> None:
    a, b = build_view(G), build_view(to_networkx(sample_graph()))
    assert a == b


def test_node_filter_data(G: nx.MultiDiGraph) -> None:
    v = build_view(G)
    assert by_label(v, "Priya Shah")["boards"] == [WSAB]
    assert by_label(v, "Neglect")["themes"] == ["Neglect"]
    assert by_label(v, "wb-2021-psc")["themes"] == ["Domestic abuse", "Neglect"]
    # A statistic is about what its document is about.
    assert by_label(v, "1,200 practitioners trained")["themes"] == ["Neglect"]
    assert by_label(v, "1,200 practitioners trained")["year"] == [2021]
    long = by_label(v, LSCB)
    assert long["short"] == "Northmoor Local Safeguarding Chil\u2026" and len(long["short"]) == 34


def test_focus_board_by_alias(G: nx.MultiDiGraph) -> None:
    v = build_view(G, focus="nscp", kind="board")
    assert v.title == f"Board: {NSCP}"
    assert v.nodes[v.focus]["label"] == NSCP
    assert {NSCP, "Alice Marwood", "Police", "Health", "Northmoor Constabulary", "Neglect",
            "Exploitation", LSCB, "Serious Case Review: Child P"} <= labels(v)
    assert WSAB not in labels(v) and "Priya Shah" not in labels(v) and "Domestic abuse" not in labels(v)


def test_focus_on_overview_picks_the_kind(G: nx.MultiDiGraph) -> None:
    person = build_view(G, focus="TOMAS REYES")
    assert person.kind == "person" and person.title == "Posts held by Tomas Reyes"
    assert {WSAB, "Northmoor County Council"} <= labels(person)
    assert "Alice Marwood" not in labels(person)
    theme = build_view(G, focus="neglect")
    assert theme.kind == "theme"
    assert {NSCP, LSCB, WSAB, "Cabinet minutes, March 2020", "nm-2021-cab", "wb-2021-psc"} <= labels(theme)
    assert not {n["type"] for n in theme.nodes} & {"Person", "Council"}


def test_kinds_without_focus(G: nx.MultiDiGraph) -> None:
    themes = build_view(G, kind="theme")
    assert {n["type"] for n in themes.nodes} == {"Theme", "Board"}
    people = build_view(G, kind="person")
    assert {n["type"] for n in people.nodes} == {"Person", "Board", "Council"}
    boards = build_view(G, kind="board")
    assert "Document" not in {n["type"] for n in boards.nodes}
    with pytest.raises(ValueError, match="unknown kind"):
        build_view(G, kind="pie")


def test_focus_not_found_lists_close_matches(G: nx.MultiDiGraph) -> None:
    with pytest.raises(FocusError) as err:
        build_view(G, focus="Alice Marwod")
    assert "Alice Marwood" in err.value.matches and "close matches: Alice Marwood" in str(err.value)
    with pytest.raises(FocusError) as err:  # ambiguous: every Northmoor board contains it
        find_node(G, "northmoor", ("Board",))
    assert {NSCP, LSCB} <= set(err.value.matches)
    assert find_node(G, "Westbury", ("Board",)).endswith("org/westbury-safeguarding-adults-board")
    with pytest.raises(FocusError):  # a person is not a board
        build_view(G, focus="Alice Marwood", kind="board")


def test_compare_is_bipartite_with_document_counts(G: nx.MultiDiGraph) -> None:
    v = build_view(G, kind="compare")
    assert {n["type"] for n in v.nodes} == {"Board", "Theme"}
    boards = [n for n in v.nodes if n["type"] == "Board"]
    assert len({n["x"] for n in boards}) == 1  # one column of boards
    e = edge(v, NSCP, "Neglect")
    assert (e["weight"], e["label"]) == (2, "2")
    assert edge(v, WSAB, "Domestic abuse")["weight"] == 1
    assert len(v.edges) == 5
    one = build_view(G, kind="compare", focus="neglect")
    assert labels(one) == {NSCP, LSCB, WSAB, "Neglect"}


def test_aggregation_past_max_nodes(G: nx.MultiDiGraph) -> None:
    v = build_view(G, max_nodes=17)
    assert v.aggregated
    assert not {n["type"] for n in v.nodes} & {"Document", "Statistic", "Meeting"}
    assert len(v.nodes) == 24 - 7
    assert v.notes == ("Aggregated: 3 documents, 3 meetings, 1 statistic folded into their boards and themes"
                       " (counts shown on them).",)
    nscp = by_label(v, NSCP)
    assert nscp["folded"]["Document"] == 2 and "+2 documents" in nscp["short"]
    assert by_label(v, "Neglect")["folded"] == {"Document": 3, "Meeting": 3, "Statistic": 1}
    assert edge(v, NSCP, "Neglect")["label"] == "discusses (2 docs)"
    smaller = build_view(G, max_nodes=15)  # the next tier folds too
    assert len(smaller.nodes) == 14 and smaller.notes[1].startswith("Aggregated: 2 committees, 1 review")
    assert by_label(smaller, LSCB)["folded"]["Review"] == 1
    tiny = build_view(G, max_nodes=5)
    assert len(tiny.nodes) == 5
    assert any("Showing the 5 best-connected of 24 nodes" in note for note in tiny.notes)
    assert NSCP in labels(tiny)
    # The notes reach the page as data the page shows.
    assert "Aggregated" in json.dumps(v.to_json())


# -- the page --------------------------------------------------------------------------

HOSTILE = "<img src=x onerror=alert(1)></script><script>alert(2)</script> \"quoted\" 'single' & \u2028"


def hostile_nx() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    common = {"kind": "", "aliases": [HOSTILE], "documents": ["d"], "council": [HOSTILE], "year": [2022]}
    G.add_node("b", label="Board " + HOSTILE, type="Board", iri="b", evidence=[], **common)
    G.add_node("t", label="Theme " + HOSTILE, type="Theme", iri="t", evidence=[], **common)
    ev = [{"text": HOSTILE, "document": "docs/" + HOSTILE, "start": 1, "end": 2, "fact": HOSTILE}]
    G.add_edge("b", "t", key="discusses", label="discusses", evidence=ev, documents=["d"])
    return G


def test_embed_json_escapes_everything_that_could_end_the_block() -> None:
    text = embed_json({"a": HOSTILE})
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == {"a": HOSTILE}


def test_page_embeds_hostile_text_inertly(tmp_path: Path) -> None:
    page = render_html(build_view(hostile_nx(), focus="board"), tmp_path / "h.html").read_text(encoding="utf-8")
    assert len(re.findall(r"^<script", page, re.M)) == 3 and page.count("</script>") == 3
    assert "<img" not in page and "alert(2)</script>" not in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "&lt;img src=x onerror=alert(1)&gt;" in title
    data = page.split('id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data)["nodes"][0]["label"] == "Board " + HOSTILE
    assert "innerHTML" not in page.split('id="kg-data">', 1)[1].split("</script>", 2)[2]  # our app code


def test_page_is_offline_and_locked_down(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    page = render_html(build_view(G), tmp_path / "p.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"@import", page)
    assert re.findall(r"""(?:src|href)\s*=\s*"([^"]*)""", page) == ["data:,"]
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline'; img" in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2  # vis-network and ours, both allowed by hash only
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "vis.Network" in scripts[1] and len(scripts[0]) > 100_000  # vis-network inlined


# -- the commands ------------------------------------------------------------------------

def cli_module() -> types.ModuleType:
    return importlib.import_module("kg.cli.viz_cmds")


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    """A real store holding the sample graph, as `kg build` leaves it."""
    from rdflib import Graph

    from kg.store import GraphStore
    with GraphStore.writing(tmp_path) as s:
        s.replace_graph("https://w3id.org/safeguarding-kg/id/graph/sample", Graph().parse(data=SAMPLE_TTL, format="turtle"))
    return tmp_path


def test_cli_viz_html_default_output(store: Path) -> None:
    viz = cli_module().viz_cmd
    res = CliRunner().invoke(viz, ["--store", str(store)])
    assert res.exit_code == 0, res.output
    assert (store / "graph.html").is_file()
    assert "24 nodes" in res.output
    out = store / "nscp.html"
    res = CliRunner().invoke(viz, ["--store", str(store), "--focus", "NSCP", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "Board: Northmoor Safeguarding Children Partnership" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_cli_viz_exports(store: Path, fmt: str, reader) -> None:
    res = CliRunner().invoke(cli_module().viz_cmd, ["--store", str(store), "--format", fmt])
    assert res.exit_code == 0, res.output
    back = reader(store / f"graph.{fmt}")
    assert back.number_of_nodes() == 24 and back.number_of_edges() == 41
    alice = back.nodes["https://w3id.org/safeguarding-kg/id/person/alice-marwood"]
    assert alice["label"] == "Alice Marwood"
    assert json.loads(alice["aliases"]) == ["Ms Marwood"]
    res = CliRunner().invoke(cli_module().viz_cmd, ["--store", str(store), "--format", fmt, "--focus", "Priya Shah"])
    assert res.exit_code == 0, res.output
    assert reader(store / f"graph.{fmt}").number_of_nodes() < 24


def test_cli_missing_store_and_bad_focus(store: Path, tmp_path_factory, monkeypatch) -> None:
    mod = cli_module()
    runner = CliRunner()
    monkeypatch.chdir(tmp_path_factory.mktemp("empty"))  # no build/ here
    res = runner.invoke(mod.viz_cmd, [])
    assert res.exit_code == 2
    assert res.output.strip() == "Error: no store at build/: run `kg build` first"
    res = runner.invoke(mod.stats_cmd, [])
    assert res.exit_code == 2 and "run `kg build` first" in res.output
    res = runner.invoke(mod.viz_cmd, ["--store", str(store), "--focus", "Alise Marwood"])
    assert res.exit_code == 2 and "close matches: Alice Marwood" in res.output
    assert "Example:" in runner.invoke(mod.viz_cmd, ["--help"]).output
    assert "Example:" in runner.invoke(mod.stats_cmd, ["--help"]).output


def test_cli_stats(store: Path) -> None:
    res = CliRunner().invoke(cli_module().stats_cmd, ["--store", str(store), "--top", "2"])
    assert res.exit_code == 0, res.output
    assert "Most connected boards (degree):\n    10  Northmoor Safeguarding Children Partnership" in res.output
    assert "  Person              3" in res.output
