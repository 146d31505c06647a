#!/usr/bin/env python3
"""Benchmark `kg viz`'s renderer against plain pyvis, and time the pages in Chromium.

For 500, 5,000 and 20,000 networkx nodes (synthetic graphs of docs/graph-schema.md's
shape: councils, committees, meetings, documents, boards, chairs, posts, partners, theme
mentions, reviews, statistics, changes, each fact with an evidence sentence) it measures:

* ours: `build_view` (all nodes, no aggregation) + `render_html`, and the page's size
  (builds are timed best of 3, ours and pyvis alike: the machine may be shared);
  also the default aggregated view (max_nodes=2000);
* pyvis: `Network.from_nx` + `write_html` (remote CDN mode, as pyvis users do), in a
  subprocess so that a run past 120 s can be stopped and reported as skipped;
* Chromium: navigation to a stable, interactive page. Ours is ready at its first drawn
  frame (positions precomputed, physics off). pyvis's page is given local copies of its
  own vis-network files in place of its CDN links (there is no network here), and is
  ready when its stabilisation iterations are done (its loading bar goes; vis keeps
  simulating after that); waits stop at 120 s.

Usage: .venv/bin/pip install -e '.[bench]'; .venv/bin/python scripts/bench_viz.py [--sizes 500,5000,20000] [--no-browser]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # tests/chromium.py: the headless-browser driver (no pytest)

from kg.netx import to_networkx  # noqa: E402
from kg.viz import build_view, render_html  # noqa: E402

SG = Namespace("https://w3id.org/safeguarding-kg/ontology#")
SGT = Namespace("https://w3id.org/safeguarding-kg/theme/")
SGS = Namespace("https://w3id.org/safeguarding-kg/sector/")
SGR = Namespace("https://w3id.org/safeguarding-kg/role/")
OA = Namespace("http://www.w3.org/ns/oa#")
BASE = "https://w3id.org/safeguarding-kg/id/"
THEMES = ["neglect", "exploitation", "domestic-abuse", "self-neglect", "online-safety", "mental-health",
          "county-lines", "modern-slavery", "radicalisation", "fgm", "financial-abuse", "missing-children",
          "transitions", "early-help", "private-fostering", "sexual-abuse"]
SECTORS = ["police", "health", "local-authority", "education", "probation", "fire", "housing", "voluntary"]
BOARD_CLASSES = [(SG.SafeguardingChildrenPartnership, "safeguarding-children"),
                 (SG.SafeguardingAdultsBoard, "safeguarding-adults"),
                 (SG.CommunitySafetyPartnership, "community-safety")]
PYVIS_LIMIT = 120.0
REPEATS = 3  # builds are timed best-of-3 (ours and pyvis alike); browser loads once each


def synthetic_graph(n: int, seed: int = 1) -> Graph:
    """An RDF graph whose networkx view has exactly `n` nodes, in the schema's proportions."""
    rnd = random.Random(seed)
    g = Graph()
    I = lambda tail: URIRef(BASE + tail)  # noqa: E731
    councils = max(1, n // 150)
    committees = 2 * councils
    boards = max(3, n // 50)
    agencies = max(1, n // 100)
    people = max(3, n // 6)
    docs = max(2, n // 8)
    reviews = docs // 2
    fixed = len(THEMES) + len(SECTORS) + councils + committees + boards + agencies + people + 2 * docs + reviews
    stats = n - fixed
    if stats < 0:
        raise ValueError(f"{n} nodes is too few for the synthetic shape")
    ev_n = [0]

    def evidence(fact: URIRef, doc: int) -> None:
        ev_n[0] += 1
        ev = I(f"doc/d{doc}/char/{ev_n[0] * 100}-{ev_n[0] * 100 + 80}")
        sel = URIRef(str(ev) + "/selector")
        g.add((fact, PROV.wasDerivedFrom, ev))
        g.add((ev, RDF.type, OA.SpecificResource))
        g.add((ev, OA.hasSource, I(f"doc/d{doc}")))
        g.add((ev, OA.hasSelector, sel))
        g.add((sel, OA.start, Literal(ev_n[0] * 100)))
        g.add((sel, OA.end, Literal(ev_n[0] * 100 + 80)))
        g.add((sel, OA.exact, Literal(f"Synthetic evidence sentence number {ev_n[0]} about this fact.")))

    for t in THEMES:
        g.add((SGT[t], RDF.type, SKOS.Concept))
        g.add((SGT[t], SKOS.prefLabel, Literal(t.replace("-", " ").capitalize())))
    for s in SECTORS:
        g.add((SGS[s], RDF.type, SKOS.Concept))
        g.add((SGS[s], SKOS.prefLabel, Literal(s.replace("-", " ").capitalize())))
    for c in range(councils):
        o = I(f"org/council-{c}")
        g.add((o, RDF.type, SG.LocalAuthority)); g.add((o, RDF.type, ORG.Organization))
        g.add((o, RDFS.label, Literal(f"Council {c}"))); g.add((o, SG.kind, Literal("council")))
    for m in range(committees):
        o = I(f"org/committee-{m}")
        g.add((o, RDF.type, SG.Committee)); g.add((o, RDF.type, ORG.Organization))
        g.add((o, RDFS.label, Literal(f"Committee {m}"))); g.add((o, ORG.unitOf, I(f"org/council-{m % councils}")))
    for b in range(boards):
        o = I(f"org/board-{b}")
        cls, kind = BOARD_CLASSES[b % 3]
        g.add((o, RDF.type, cls)); g.add((o, RDF.type, ORG.Organization))
        g.add((o, RDFS.label, Literal(f"Board {b} {kind.replace('-', ' ')}")))
        g.add((o, SKOS.altLabel, Literal(f"B{b}"))); g.add((o, SG.kind, Literal(kind)))
    for a in range(agencies):
        o = I(f"org/agency-{a}")
        g.add((o, RDF.type, SG.Agency)); g.add((o, RDF.type, ORG.Organization))
        g.add((o, RDFS.label, Literal(f"Agency {a}"))); g.add((o, SG.sector, SGS[SECTORS[a % len(SECTORS)]]))
    for p in range(people):
        o = I(f"person/p{p}")
        g.add((o, RDF.type, FOAF.Person)); g.add((o, FOAF.name, Literal(f"Person {p}")))
    for d in range(docs):
        doc, meeting = I(f"doc/d{d}"), I(f"meeting/d{d}")
        council = d % councils
        g.add((doc, RDF.type, FOAF.Document)); g.add((doc, DCTERMS.identifier, Literal(f"d{d}")))
        g.add((doc, DCTERMS.source, Literal(f"data/minutes/d{d}.html"))); g.add((doc, SG.recordsMeeting, meeting))
        g.add((meeting, RDF.type, SG.Meeting)); g.add((meeting, RDFS.label, Literal(f"Meeting {d}")))
        g.add((meeting, DCTERMS.date, Literal(f"{2015 + d % 9}-0{1 + d % 9}-1{d % 10}", datatype=XSD.date)))
        g.add((meeting, SG.body, I(f"org/committee-{council + councils * (d % 2)}")))
        g.add((meeting, SG.council, I(f"org/council-{council}")))
        my_boards = [I(f"org/board-{(d * 7 + k) % boards}") for k in range(2)]
        for b in my_boards:
            g.add((doc, SG.mentions, b))
        for k in range(3):
            g.add((doc, SG.mentions, I(f"person/p{rnd.randrange(people)}")))
        for t in rnd.sample(THEMES, 3):
            g.add((doc, DCTERMS.subject, SGT[t]))
            mention = I(f"mention/d{d}/{t}")
            g.add((mention, RDF.type, SG.ThemeMention)); g.add((mention, SG.theme, SGT[t]))
            g.add((mention, SG.inDocument, doc))
            for b in my_boards:
                g.add((mention, SG.about, b))
            evidence(mention, d)
    for r in range(reviews):
        d = r * 2
        o = I(f"review/d{d}/serious-case-review/child-{r}")
        g.add((o, RDF.type, SG.CaseReview)); g.add((o, RDF.type, SG.SeriousCaseReview))
        g.add((o, RDFS.label, Literal(f"Serious Case Review: Child {r}")))
        g.add((o, SG.reviewKind, Literal("serious-case-review"))); g.add((o, SG.inDocument, I(f"doc/d{d}")))
        g.add((o, SG.conductedBy, I(f"org/board-{(d * 7) % boards}")))
        evidence(o, d)
    for s in range(stats):
        d = s % docs
        o = I(f"statistic/d{d}/{s}")
        g.add((o, RDF.type, SG.Statistic)); g.add((o, SG.value, Literal(str(10 * s + 5), datatype=XSD.decimal)))
        g.add((o, SG.unit, Literal("referrals"))); g.add((o, SG.inDocument, I(f"doc/d{d}")))
        evidence(o, d)
    for b in range(boards):
        o, d = I(f"org/board-{b}"), (b * 3) % docs
        chair = I(f"person/p{b % people}")
        post = I(f"post/board-{b}/independent-chair")
        g.add((chair, ORG.headOf, o)); g.add((chair, ORG.holds, post))
        g.add((post, RDF.type, ORG.Post)); g.add((post, ORG.postIn, o)); g.add((post, ORG.heldBy, chair))
        g.add((post, RDFS.label, Literal(f"Independent Chair of Board {b}"))); evidence(post, d)
        for s in rnd.sample(SECTORS, 4):
            g.add((o, SG.hasPartnerSector, SGS[s]))
            pr = I(f"partner/board-{b}/{s}")
            g.add((pr, RDF.type, SG.PartnerRelation)); g.add((pr, SG.partnership, o)); g.add((pr, SG.sector, SGS[s]))
            evidence(pr, d)
        agency = I(f"org/agency-{b % agencies}")
        g.add((o, ORG.hasMember, agency))
        if b % 10 == 9:
            ch = I(f"change/board-{b}/board-{b - 1}")
            g.add((ch, RDF.type, ORG.ChangeEvent)); g.add((ch, ORG.originalOrganization, o))
            g.add((ch, ORG.resultingOrganization, I(f"org/board-{b - 1}"))); evidence(ch, d)
    for p in range(people):
        ms = I(f"membership/p{p}/m")
        org = I(f"org/board-{p % boards}") if p % 3 else I(f"org/council-{p % councils}")
        g.add((ms, RDF.type, ORG.Membership)); g.add((ms, ORG.member, I(f"person/p{p}")))
        g.add((ms, ORG.organization, org)); g.add((ms, SG.title, Literal("Member")))
        evidence(ms, p % docs)
    return g


def pyvis_baseline_html(G, path: str | Path) -> Path:
    """The plain pyvis route (`from_nx` + `write_html`), what this
    benchmark measures our renderer against. Not part of kg: pyvis is a benchmark-only
    dependency (pip install pyvis)."""
    import networkx as nx
    from pyvis.network import Network

    net = Network(height="800px", width="100%", directed=True)
    H = nx.DiGraph()
    for k, d in G.nodes(data=True):
        H.add_node(k, label=str(d.get("label", k)), title=str(d.get("type", "")))
    for u, v in G.edges():
        H.add_edge(u, v)
    net.from_nx(H)
    path = Path(path)
    net.write_html(str(path), notebook=False)
    return path


def _pyvis_child(graphml: str, out: str) -> None:
    """Run in a subprocess: read the graph, time pyvis from_nx + write_html."""
    import networkx as nx


    G = nx.read_graphml(graphml)
    t = time.perf_counter()
    pyvis_baseline_html(G, out)
    print(json.dumps({"seconds": time.perf_counter() - t}))


def time_pyvis(G, workdir: Path) -> dict:
    import networkx as nx

    H = nx.DiGraph()
    for k, d in G.nodes(data=True):
        H.add_node(k, label=d["label"], type=d["type"])
    H.add_edges_from((u, v) for u, v in G.edges())
    gml, out = workdir / "g.graphml", workdir / "pyvis.html"
    nx.write_graphml(H, gml)
    times = []
    for _ in range(REPEATS):
        try:
            res = subprocess.run([sys.executable, __file__, "--pyvis-child", str(gml), str(out)], cwd=workdir,
                                 capture_output=True, text=True, timeout=PYVIS_LIMIT)
        except subprocess.TimeoutExpired:
            return {"seconds": None, "skipped": f"over {PYVIS_LIMIT:.0f} s, stopped"}
        if res.returncode != 0:
            return {"seconds": None, "skipped": res.stderr.strip().splitlines()[-1]}
        times.append(json.loads(res.stdout.strip().splitlines()[-1])["seconds"])
        if times[-1] > PYVIS_LIMIT / 3:  # one slow run says enough
            break
    return {"seconds": min(times), "path": out, "bytes": out.stat().st_size}


def best_of(fn, repeats: int):
    """(best wall time, first wall time, last result): the machine is shared, so the
    minimum is the signal; the first run also pays one-off imports (numpy, jinja2)."""
    times, result = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), times[0], result


def localise_pyvis_page(path: Path) -> Path:
    """pyvis's page with its CDN links pointed at pyvis's own vendored files (offline)."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"
    html = path.read_text(encoding="utf-8")
    html = re.sub(r'<link rel="stylesheet" href="https://[^"]*vis-network[^"]*\.css"[^>]*>',
                  f'<link rel="stylesheet" href="{(lib / "vis-network.css").as_uri()}">', html)
    html = re.sub(r'<script src="https://[^"]*vis-network[^"]*\.js"[^>]*></script>',
                  f'<script src="{(lib / "vis-network.min.js").as_uri()}"></script>', html)
    html = re.sub(r'<(link|script)[^>]*https://[^>]*>(</script>)?', "", html)  # bootstrap etc.
    # Mark the moment pyvis's own loading bar goes: stabilisation iterations done.
    html = html.replace("network = new vis.Network(container, data, options);",
                        "network = new vis.Network(container, data, options);"
                        " network.once('stabilizationIterationsDone', function () { window.kgStable = true; });", 1)
    out = path.with_name("pyvis-local.html")
    out.write_text(html, encoding="utf-8")
    return out


def time_in_chromium(path: Path, ready: str, limit: float = PYVIS_LIMIT) -> dict:
    from chromium import Chromium, find_chromium

    exe = find_chromium()
    if exe is None:
        return {"seconds": None, "skipped": "no chromium"}
    b = Chromium(exe)
    try:
        t = time.perf_counter()
        b.send("Page.navigate", url=path.resolve().as_uri())
        try:
            b.wait_until(ready, timeout=limit)
        except Exception as exc:  # the page's own timeout, or a renderer too busy to answer at all
            return {"seconds": None, "skipped": f"not stable after {limit:.0f} s"}
        seconds = time.perf_counter() - t
        external = [u for u in b.requests() if not u.startswith(("file:", "data:", "about:"))]
        return {"seconds": seconds, "external_requests": len(external), "errors": len(b.errors())}
    finally:
        b.close()


def fmt(x: float | None, unit: str = "s") -> str:
    return "skipped" if x is None else (f"{x:.2f} {unit}" if x < 100 else f"{x:.0f} {unit}")


def ratio(a: float | None, b: float | None) -> str:
    return "n/a" if a is None or b is None or a == 0 else f"{b / a:.1f}x"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="500,5000,20000")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--pyvis-child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.pyvis_child:
        _pyvis_child(*args.pyvis_child)
        return
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix=f"kg-bench-{n}-"))
        t = time.perf_counter(); rdf = synthetic_graph(n); t_rdf = time.perf_counter() - t
        t = time.perf_counter(); G = to_networkx(rdf); t_nx = time.perf_counter() - t
        assert G.number_of_nodes() == n, (G.number_of_nodes(), n)
        t_view, cold_view, view = best_of(lambda: build_view(G, max_nodes=n), REPEATS)
        t_html, cold_html, ours = best_of(lambda: render_html(view, work / "ours.html"), REPEATS)
        t_agg, _, agg = best_of(lambda: build_view(G), REPEATS)
        t_agg += best_of(lambda: render_html(agg, work / "ours-agg.html"), REPEATS)[0]
        py = time_pyvis(G, work)
        row = {"n": n, "edges": G.number_of_edges(), "triples": len(rdf), "rdf_s": t_rdf, "to_networkx_s": t_nx,
               "view_s": t_view, "html_s": t_html, "ours_s": t_view + t_html, "ours_cold_s": cold_view + cold_html, "ours_bytes": ours.stat().st_size,
               "agg_s": t_agg, "agg_nodes": len(agg.nodes), "pyvis_s": py["seconds"],
               "pyvis_bytes": py.get("bytes"), "pyvis_note": py.get("skipped", "")}
        if not args.no_browser:
            c = time_in_chromium(ours, "window.kgReady")
            row |= {"ours_chromium_s": c["seconds"], "ours_external": c.get("external_requests"),
                    "ours_errors": c.get("errors"), "ours_chromium_note": c.get("skipped", "")}
            if py["seconds"] is not None:
                local = localise_pyvis_page(py["path"])
                c = time_in_chromium(local, "window.kgStable")
                row |= {"pyvis_chromium_s": c["seconds"], "pyvis_chromium_note": c.get("skipped", "")}
            else:
                row |= {"pyvis_chromium_s": None, "pyvis_chromium_note": "no pyvis page"}
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)

    print("| nodes | edges | ours: build (view + html) | pyvis: from_nx + write_html | pyvis / ours | ours: file"
          " | pyvis: file | ours: stable in Chromium | pyvis: stable in Chromium | pyvis / ours |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        pyvis_file = "" if r["pyvis_bytes"] is None else f"{r['pyvis_bytes'] / 1e6:.1f} MB"
        print(f"| {r['n']:,} | {r['edges']:,} | {fmt(r['ours_s'])} ({fmt(r['view_s'])} + {fmt(r['html_s'])};"
              f" first run {fmt(r['ours_cold_s'])})"
              f" | {fmt(r['pyvis_s'])}{' (' + r['pyvis_note'] + ')' if r['pyvis_note'] else ''}"
              f" | {ratio(r['ours_s'], r['pyvis_s'])} | {r['ours_bytes'] / 1e6:.1f} MB"
              f" | {pyvis_file}"
              f" | {fmt(r.get('ours_chromium_s'))} | {fmt(r.get('pyvis_chromium_s'))}"
              f"{' (' + r['pyvis_chromium_note'] + ')' if r.get('pyvis_chromium_note') else ''}"
              f" | {ratio(r.get('ours_chromium_s'), r.get('pyvis_chromium_s'))} |")
    print()
    print("| nodes | RDF triples | synthetic RDF | to_networkx | default view (aggregated, max_nodes=2000) |")
    print("|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['n']:,} | {r['triples']:,} | {fmt(r['rdf_s'])} | {fmt(r['to_networkx_s'])}"
              f" | {fmt(r['agg_s'])} ({r['agg_nodes']:,} nodes) |")
    big = [r for r in rows if r["n"] >= 20000]
    for r in big:
        verdict = "OK" if max(r["ours_s"], r["ours_cold_s"]) < 5 else "TOO SLOW"
        print(f"\n{r['n']:,}-node view built in {r['ours_s']:.2f} s best, {r['ours_cold_s']:.2f} s first run"
              f" (target < 5 s): {verdict}")


if __name__ == "__main__":
    main()
