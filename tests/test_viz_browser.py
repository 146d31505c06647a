"""The generated page in real headless Chromium, driven over the DevTools protocol.

Why CDP over a websocket (the `websocket-client` package) rather than selenium or
playwright: it needs no driver binary matched to the browser's version and no browser
download, only Debian's `chromium`; and it sees exactly what we must check: every
request the page makes, console errors, script exceptions and alert dialogs.

Skipped, with the reason shown, only where no Chromium is installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from chromium import ALLOWED_SCHEMES, Chromium

# -- fixtures ------------------------------------------------------------------------------

# `browser`: tests/conftest.py

def _sample_view_page(tmp: Path, name: str = "sample.html", graph_fn: Callable | None = None, **kw: Any) -> Path:
    from test_netx import sample_graph

    from kg.netx import to_networkx
    from kg.viz import build_view, render_html

    G = to_networkx((graph_fn or sample_graph)())
    return render_html(build_view(G, **kw), tmp / name)


@pytest.fixture(scope="module")
def page(browser: Chromium, tmp_path_factory):
    path = _sample_view_page(tmp_path_factory.mktemp("page"))
    browser.events.clear()
    browser.open(path.as_uri())
    browser.wait_until("window.kgReady")
    browser.drain()
    return browser


def test_page_shows_the_nodes(page: Chromium) -> None:
    rect = page.eval("(() => { const r = document.getElementById('kg-canvas').getBoundingClientRect();"
                     " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()")
    assert rect["width"] > 300 and rect["height"] > 300
    png = page.screenshot(clip=rect)
    ink = page.count_ink(png)
    assert ink > 0.01 * rect["width"] * rect["height"], ink  # a blank canvas has (almost) none
    assert page.eval("kg.nodes.length") == 24
    legend = page.eval("Array.from(document.querySelectorAll('#kg-legend label')).map(l => l.textContent)")
    assert any(t.startswith("\u2b22Board") for t in legend), legend


def test_no_console_errors_and_no_network(page: Chromium) -> None:
    assert page.errors() == []
    urls = page.requests()
    assert urls, "the page load itself must be recorded"
    assert [u for u in urls if not u.startswith(ALLOWED_SCHEMES)] == []
    # And the markup names no external resource at all.
    assert page.eval("Array.from(document.querySelectorAll('[src],[href]')).length") == 1  # the data: favicon


def test_search_focuses_a_node(page: Chromium) -> None:
    before = page.eval("kg.network.getViewPosition()")
    target = page.eval("kg.data.nodes.find(n => n.label === 'Priya Shah').id")
    page.search("priya shah")
    assert page.eval("kg.network.getSelectedNodes()") == [target]
    after = page.eval("kg.network.getViewPosition()")
    node = page.eval(f"kg.network.getPositions([{target}])[{target}]")
    assert (after["x"], after["y"]) != (before["x"], before["y"])
    assert abs(after["x"] - node["x"]) < 1 and abs(after["y"] - node["y"]) < 1
    assert page.eval("document.querySelector('#kg-panel h2').textContent") == "Priya Shah"
    panel = page.eval("document.getElementById('kg-panel').textContent")
    assert "Priya Shah, Board Manager, gave an update." in panel and "data/minutes/wb-2021-psc.pdf" in panel
    # By alias, and a miss says so.
    page.search("nscp")
    nscp = page.eval("kg.data.nodes.find(n => n.label === 'Northmoor Safeguarding Children Partnership').id")
    assert page.eval("kg.network.getSelectedNodes()") == [nscp]
    page.search("zzz nobody")
    assert "no node matches" in page.eval("document.getElementById('kg-status').textContent")


def test_filters_hide_and_restore_nodes(page: Chromium) -> None:
    total = page.eval("kg.visibleCount()")
    assert total == 24
    page.eval("{ const s = document.getElementById('kg-filter-theme'); s.value = 'Domestic abuse';"
              " s.dispatchEvent(new Event('change')); }")
    shown = page.eval("kg.visibleCount()")
    assert 0 < shown < total
    visible = set(page.eval("kg.nodes.get({filter: n => !n.hidden}).map(n => kg.data.nodes[n.id].label)"))
    assert {"Domestic abuse", "Westbury Safeguarding Adults Board", "wb-2021-psc"} <= visible
    assert "Alice Marwood" not in visible
    assert page.eval("kg.nodes.length") == total  # hidden, never removed
    page.eval("{ const y = document.getElementById('kg-filter-year'); y.value = '2020';"
              " y.dispatchEvent(new Event('change')); }")
    assert page.eval("kg.visibleCount()") == 0  # no 2020 document discusses domestic abuse
    page.eval("document.getElementById('kg-reset').click()")
    assert page.eval("kg.visibleCount()") == total
    # The legend hides a whole type, and restores it.
    page.eval("document.querySelector('#kg-legend input[data-type=\"Person\"]').click()")
    assert page.eval("kg.visibleCount()") == total - 3
    page.eval("document.querySelector('#kg-legend input[data-type=\"Person\"]').click()")
    assert page.eval("kg.visibleCount()") == total


HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>window.__pwned = 1</script>",
    "\"'><svg onload=window.__pwned=2>",
    "O'Brien \"the chair\" & <b>partners</b>",
]


def hostile_graph():
    from rdflib import Literal, URIRef
    from test_netx import sample_graph

    from kg.netx import OA, SG
    from rdflib.namespace import FOAF, ORG, PROV, RDF, RDFS, SKOS

    g = sample_graph()
    base = "https://w3id.org/safeguarding-kg/id/"
    board = URIRef(base + "org/westbury-safeguarding-adults-board")
    for i, text in enumerate(HOSTILE):
        p = URIRef(f"{base}person/hostile-{i}")
        g.add((p, RDF.type, FOAF.Person))
        g.add((p, FOAF.name, Literal(f"{text} person {i}")))
        g.add((p, SKOS.altLabel, Literal(text)))
        ms = URIRef(f"{base}membership/hostile-{i}/westbury-safeguarding-adults-board/member")
        ev = URIRef(f"{base}doc/wb-2021-psc/char/{900 + i * 10}-{905 + i * 10}")
        sel = URIRef(str(ev) + "/selector")
        g.add((ms, RDF.type, ORG.Membership))
        g.add((ms, ORG.member, p))
        g.add((ms, ORG.organization, board))
        g.add((ms, SG.title, Literal(text)))
        g.add((ms, PROV.wasDerivedFrom, ev))
        g.add((ev, OA.hasSource, URIRef(base + "doc/wb-2021-psc")))
        g.add((ev, OA.hasSelector, sel))
        g.add((sel, OA.exact, Literal(f"Evidence {text} sentence")))
        g.add((sel, OA.start, Literal(900 + i * 10)))
        g.add((sel, OA.end, Literal(905 + i * 10)))
    g.set((board, RDFS.label, Literal("Westbury SAB " + HOSTILE[0] + HOSTILE[1])))
    return g


def test_hostile_text_is_shown_not_run(browser: Chromium, tmp_path) -> None:
    path = _sample_view_page(tmp_path, "hostile.html", graph_fn=hostile_graph)
    html = path.read_text(encoding="utf-8")
    block = html.split('<script type="application/json" id="kg-data">', 1)[1].split("</script>", 1)[0]
    assert "onerror=alert(1)" in block and "<" not in block and ">" not in block
    browser.events.clear()
    browser.open(path.as_uri())
    browser.wait_until("window.kgReady")
    # Every hostile string reaches the panel, the tooltip-free DOM and the search as text.
    for i, text in enumerate(HOSTILE):
        browser.search(f"{text} person {i}")
        assert browser.eval("document.querySelector('#kg-panel h2').textContent") == f"{text} person {i}"
        panel = browser.eval("document.getElementById('kg-panel').textContent")
        assert f"Evidence {text} sentence" in panel
    browser.eval("kg.network.selectNodes([]); document.getElementById('kg-search').value = 'Westbury SAB';"
                 " document.getElementById('kg-search-go').click()")
    assert HOSTILE[1] in browser.eval("document.getElementById('kg-panel').textContent")
    # Hover one hostile node so the tooltip is built too.
    pos = browser.eval("(() => { const id = kg.data.nodes.find(n => n.label.startsWith('<img')).id;"
                       " kg.network.moveTo({position: kg.network.getPositions([id])[id], scale: 1});"
                       " const p = kg.network.canvasToDOM(kg.network.getPositions([id])[id]);"
                       " const r = document.getElementById('kg-canvas').getBoundingClientRect();"
                       " return {x: p.x + r.x, y: p.y + r.y}; })()")
    browser.send("Input.dispatchMouseEvent", type="mouseMoved", x=pos["x"], y=pos["y"])
    browser.wait_until("document.getElementById('kg-tip').style.display === 'block'", timeout=5)
    assert browser.eval("document.getElementById('kg-tip').textContent").startswith(HOSTILE[0])
    browser.drain(0.5)
    assert browser.eval("typeof window.__pwned") == "undefined"
    assert browser.eval("document.querySelectorAll('img, svg, b').length") == 0
    assert browser.eval("document.scripts.length") == 3  # data block, vis-network, our app
    assert browser.dialogs() == []
    assert browser.errors() == []
    assert [u for u in browser.requests() if not u.startswith(ALLOWED_SCHEMES)] == []


def test_aggregated_page_says_so(browser: Chromium, tmp_path) -> None:
    path = _sample_view_page(tmp_path, "agg.html", max_nodes=12)
    browser.events.clear()
    browser.open(path.as_uri())
    browser.wait_until("window.kgReady")
    notes = browser.eval("Array.from(document.querySelectorAll('#kg-notes p')).map(p => {"
                         " const r = p.getBoundingClientRect(); return [p.textContent, r.height > 0 && r.top < innerHeight]; })")
    assert [text.split(":")[0] for text, _ in notes] == ["Aggregated", "Aggregated", "Showing the 12 best-connected of 24 nodes (max_nodes=12)."]
    assert all(visible for _, visible in notes)
    assert browser.eval("kg.nodes.length") == 12
    assert browser.errors() == []
