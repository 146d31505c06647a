"""`kg report`: the site written from a store built from the seeds, the timeline texts and
a loaded Turtle file of hostile names; its tables checked against SPARQL on the same store.

The browser half (headless Chromium over the DevTools protocol, the helpers of
test_viz_browser) opens every page offline; it is skipped, with the reason, where no
Chromium is installed.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import ReportFolderError, UnknownBoard
from kg.ns import OA, PREFIXES, SG, SGR, SGT, TIME
from kg.report import build_report, find_boards, load_report_data
from kg.store import GraphStore
from test_store import import_cli_module
from test_time import HARROWDENE, build_timeline_store

BASE = "https://w3id.org/safeguarding-kg/id/"
EVIL_BOARD = '<script>window.__pwned=1</script> Safeguarding Children Partnership'
EVIL_AREA = "<img src=x onerror=window.__pwned=2>"
EVIL_PERSON = "\"'><svg onload=window.__pwned=3> O'Brien & <b>Co</b>"
EVIL_SENTENCE = "Neglect </blockquote><script>window.__pwned=4</script> was discussed."
FORMULA_BOARD = "=HYPERLINK(\"http://x\") Safeguarding Adults Board"


def hostile_turtle(path: Path) -> Path:
    """A board, chair, theme and document whose every string tries to become markup."""
    g = Graph()
    b, p, d = URIRef(BASE + "org/evil-board"), URIRef(BASE + "person/evil-person"), URIRef(BASE + "doc/evil-doc")
    g.add((b, RDF.type, SG.SafeguardingChildrenPartnership))
    g.add((b, RDF.type, ORG.Organization))
    g.add((b, RDFS.label, Literal(EVIL_BOARD)))
    g.add((b, SKOS.altLabel, Literal("EVIL")))
    g.add((b, SG.kind, Literal("safeguarding-children")))
    g.add((b, SG.area, Literal(EVIL_AREA)))
    g.add((d, RDF.type, FOAF.Document))
    g.add((d, DCTERMS.identifier, Literal("evil-doc")))
    g.add((d, DCTERMS.title, Literal("<i>title</i>")))
    g.add((d, DCTERMS.date, Literal("2022-06-01", datatype=XSD.date)))
    g.add((d, SG.year, Literal(2022)))
    g.add((d, SG.mentions, b))
    g.add((p, RDF.type, FOAF.Person))
    g.add((p, FOAF.name, Literal(EVIL_PERSON)))
    post, m = URIRef(BASE + "post/evil-board/chair"), URIRef(BASE + "membership/evil-person/evil-board/chair")
    g.add((post, RDF.type, SG.ChairPost))
    g.add((post, ORG.postIn, b))
    g.add((post, ORG.heldBy, p))
    g.add((post, ORG.role, SGR["chair"]))
    g.add((m, RDF.type, ORG.Membership))
    g.add((m, ORG.member, p))
    g.add((m, ORG.organization, b))
    g.add((m, ORG.role, SGR["chair"]))
    g.add((m, SG.title, Literal("Chair <u>x</u>")))
    tenure, instant = URIRef(str(m) + "/tenure"), URIRef(BASE + "instant/2022-06-01")
    g.add((m, ORG.memberDuring, tenure))
    g.add((tenure, TIME.hasBeginning, instant))
    g.add((tenure, TIME.hasEnd, instant))
    g.add((instant, TIME.inXSDDate, Literal("2022-06-01", datatype=XSD.date)))
    ev, sel = URIRef(BASE + "doc/evil-doc/char/0-10"), URIRef(BASE + "doc/evil-doc/char/0-10/selector")
    mention = URIRef(BASE + "mention/evil-doc/neglect")
    g.add((mention, RDF.type, SG.ThemeMention))
    g.add((mention, SG.theme, SGT["neglect"]))
    g.add((mention, SG.inDocument, d))
    g.add((mention, SG.about, b))
    g.add((mention, PROV.wasDerivedFrom, ev))
    g.add((m, PROV.wasDerivedFrom, ev))
    g.add((ev, OA.hasSource, d))
    g.add((ev, OA.hasSelector, sel))
    g.add((sel, OA.exact, Literal(EVIL_SENTENCE)))
    g.add((sel, OA.start, Literal(0)))
    f = URIRef(BASE + "org/formula-board")
    g.add((f, RDF.type, SG.SafeguardingAdultsBoard))
    g.add((f, RDFS.label, Literal(FORMULA_BOARD)))
    g.add((f, SG.kind, Literal("safeguarding-adults")))
    g.serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = build_timeline_store(tmp_path_factory.mktemp("report") / "build")
    with GraphStore.writing(folder) as store:
        store.load_file(hostile_turtle(folder.parent / "hostile.ttl"))
    return folder


@pytest.fixture(scope="module")
def site(store_dir: Path) -> Path:
    out = store_dir.parent / "site"
    build_report(store_dir, out, ["oscb", HARROWDENE.upper(), "EVIL"])
    return out


def sparql(store_dir: Path, query: str) -> list[dict[str, str | None]]:
    with GraphStore.open(store_dir, read_only=True) as s:
        return s.query(query, prefixes=PREFIXES).records()


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def board_iri(store_dir: Path, label: str) -> str:
    return sparql(store_dir, f"SELECT ?b WHERE {{ ?b rdfs:label {Literal(label).n3()} }}")[0]["b"]


# --- the files ---------------------------------------------------------------------------------

def test_the_site_has_every_page_and_table(site: Path, store_dir: Path) -> None:
    boards = sparql(store_dir, "SELECT DISTINCT ?b WHERE { VALUES ?c { sg:SafeguardingChildrenPartnership "
                               "sg:SafeguardingAdultsBoard sg:CommunitySafetyPartnership sg:MultiAgencyBoard } ?b a ?c }")
    docs = sparql(store_dir, "SELECT DISTINCT ?d WHERE { ?d a foaf:Document }")
    for name in ("index", "boards-themes", "boards-sectors", "themes-years", "compare"):
        assert (site / f"{name}.html").is_file() and (site / f"{name}.csv").is_file(), name
    assert len(list((site / "board").glob("*.html"))) == len(boards)
    assert len(list((site / "board").glob("*.csv"))) == 5 * len(boards)
    assert len(list((site / "doc").glob("*.html"))) == len(docs)
    assert len(read_csv(site / "index.csv")) == len(boards)


def test_index_numbers_match_sparql(site: Path, store_dir: Path) -> None:
    rows = {r["board"]: r for r in read_csv(site / "index.csv")}
    counts = sparql(store_dir, """
        SELECT ?label (COUNT(DISTINCT ?d) AS ?docs) (COUNT(DISTINCT ?r) AS ?reviews) WHERE {
          VALUES ?c { sg:SafeguardingChildrenPartnership sg:SafeguardingAdultsBoard
                      sg:CommunitySafetyPartnership sg:MultiAgencyBoard }
          ?b a ?c ; rdfs:label ?label .
          OPTIONAL { ?d sg:mentions ?b } OPTIONAL { ?r a sg:CaseReview ; sg:conductedBy ?b }
        } GROUP BY ?label""")
    assert len(counts) == len(rows)
    for c in counts:
        label = c["label"] if not c["label"].startswith("=") else "'" + c["label"]
        assert rows[label]["documents"] == c["docs"], label
        assert rows[label]["reviews"] == c["reviews"], label
    h = rows[HARROWDENE]
    assert (h["current chair"], h["chair since"], h["years covered"], h["years with documents"]) == (
        "Robert Ashdown", "2022-02-08", "2019–2023", "4")
    assert h["statutory partners missing"] == ""
    assert rows["Fenmoor Safeguarding Adults Board"]["statutory partners missing"] == "Health"
    assert rows["Oxfordshire Safeguarding Children Board"]["current chair"] == "Derek Benson"
    assert rows["Ashgrove Community Safety Partnership"]["statutory partners missing"] == "Fire and rescue; Health"


def test_boards_by_themes_matches_sparql(site: Path, store_dir: Path) -> None:
    matrix = {r["board"]: r for r in read_csv(site / "boards-themes.csv")}
    for c in sparql(store_dir, """SELECT ?label ?tl (COUNT(DISTINCT ?d) AS ?n) WHERE {
            ?m a sg:ThemeMention ; sg:theme ?t ; sg:inDocument ?d ; sg:about ?b .
            ?b rdfs:label ?label . ?t skos:prefLabel ?tl } GROUP BY ?label ?tl"""):
        assert matrix[c["label"]][c["tl"]] == c["n"], (c["label"], c["tl"])
    assert matrix[HARROWDENE]["Neglect"] == "2"


def test_sectors_matrix_marks_statutory_gaps(site: Path) -> None:
    rows = {r["board"]: r for r in read_csv(site / "boards-sectors.csv")}
    fen = rows["Fenmoor Safeguarding Adults Board"]
    assert (fen["Local authority"], fen["Police"], fen["Health"], fen["Education"]) == (
        "statutory", "statutory", "MISSING", "")
    ash = rows["Ashgrove Community Safety Partnership"]
    assert (ash["Probation"], ash["Fire and rescue"]) == ("statutory", "MISSING")
    # a board whose partners no document names has unknown partners, not missing ones
    lscb = rows["Harrowdene Local Safeguarding Children Board"]
    assert (lscb["Health"], lscb["Police"], lscb["Education"]) == ("?", "?", "")
    index = {r["board"]: r for r in read_csv(site / "index.csv")}
    assert index["Harrowdene Local Safeguarding Children Board"]["statutory partners missing"] == "no partners stated"


def test_themes_over_years_matches_sparql_and_has_a_chart(site: Path, store_dir: Path) -> None:
    table = {r["theme"]: r for r in read_csv(site / "themes-years.csv")}
    for c in sparql(store_dir, """SELECT ?tl ?y (COUNT(DISTINCT ?d) AS ?n) WHERE {
            ?m a sg:ThemeMention ; sg:theme ?t ; sg:inDocument ?d . ?d sg:year ?y . ?t skos:prefLabel ?tl }
            GROUP BY ?tl ?y"""):
        assert table[c["tl"]][c["y"]] == c["n"]
    html = (site / "themes-years.html").read_text(encoding="utf-8")
    assert html.count("<svg ") == 1 and "style=" not in html and "<style" not in html.split("</head>")[1]


def test_profile_chairs_over_time(site: Path) -> None:
    slug = "harrowdene-safeguarding-children-partnership"
    chairs = read_csv(site / "board" / f"{slug}-chairs.csv")
    assert [(c["name"], c["from"], c["to"], c["status"]) for c in chairs] == [
        ("Anne Whitfield", "2019-03-14", "2022-02-08", "ended"),
        ("Robert Ashdown", "2022-02-08", "2023-03-15", "current")]
    html = (site / "board" / f"{slug}.html").read_text(encoding="utf-8")
    assert "she stepped down in January" in html  # the sentence that closes her tenure
    assert 'href="../doc/harrowdene-2022-cabinet.html"' in html
    themes = read_csv(site / "board" / f"{slug}-themes.csv")
    neglect = next(t for t in themes if t["theme"] == "Neglect")
    assert (neglect["2019"], neglect["2022"], neglect["documents"]) == ("1", "1", "2")


def test_comparison_side_by_side(site: Path) -> None:
    rows = read_csv(site / "compare.csv")
    header = list(rows[0])
    assert header[1:] == ["Oxfordshire Safeguarding Children Board", HARROWDENE, EVIL_BOARD]
    chair = next(r for r in rows if r[""] == "current chair")
    assert chair[HARROWDENE] == "Robert Ashdown (since 2022-02-08)"


def test_csv_keeps_formulas_as_text(site: Path) -> None:
    labels = [r["board"] for r in read_csv(site / "index.csv")]
    assert "'" + FORMULA_BOARD in labels and FORMULA_BOARD not in labels


def test_hostile_names_are_escaped_in_the_files(site: Path) -> None:
    html = (site / "board" / "evil-board.html").read_text(encoding="utf-8")
    body = html.split("<body>", 1)[1]
    assert "<script>window" not in body and "<img" not in body and "<svg" not in body and "<b>" not in body
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in body
    assert body.count("<script>") == 1  # ours


def test_the_same_store_gives_the_same_bytes(site: Path, store_dir: Path) -> None:
    again = store_dir.parent / "site-again"
    build_report(store_dir, again, ["oscb", HARROWDENE.upper(), "EVIL"])
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for rel in files:
        assert (site / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_a_folder_that_is_not_a_report_is_left_alone(store_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ReportFolderError, match="not empty and not a kg report"):
        build_report(store_dir, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_report_replaces_the_previous_one(store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_report(store_dir, out)
    (out / "board" / "stale.html").write_text("old", encoding="utf-8")
    build_report(store_dir, out)
    assert not (out / "board" / "stale.html").exists() and (out / "index.html").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no temporary folder left


def test_find_boards_by_name_or_alias_any_case(store_dir: Path) -> None:
    with GraphStore.open(store_dir, read_only=True) as s:
        data = load_report_data(s)
    assert [b.label for b in find_boards(data, ["oscb", "FENMOOR safeguarding adults board"])] == [
        "Oxfordshire Safeguarding Children Board", "Fenmoor Safeguarding Adults Board"]
    with pytest.raises(UnknownBoard, match="did you mean 'Fenmoor Safeguarding Adults Board'"):
        find_boards(data, ["Fenmoor Safeguarding Adult Board"])


def test_cli(store_dir: Path, tmp_path: Path) -> None:
    cmd = import_cli_module("report_cmds").report_cmd
    out = tmp_path / "cli-site"
    r = CliRunner().invoke(cmd, ["--store", str(store_dir), "-o", str(out), "--compare", "oscb", "fenmoor safeguarding adults board"])
    assert r.exit_code == 0, r.output
    assert f"wrote {out}/" in r.output and (out / "compare.html").is_file()
    r = CliRunner().invoke(cmd, ["--store", str(store_dir), "-o", str(out), "--compare", "oscb", "nowhere board"])
    assert r.exit_code == 2 and "no board is called 'nowhere board'" in r.output
    r = CliRunner().invoke(cmd, ["--store", str(tmp_path / "none"), "-o", str(out)])
    assert r.exit_code == 2 and "run `kg build` first" in r.output
    r = CliRunner().invoke(cmd, ["--store", str(store_dir), "--compare", "oscb"])
    assert r.exit_code == 2 and "two or more" in r.output


# --- in the browser ----------------------------------------------------------------------------

# `browser`: tests/conftest.py

def open_page(browser, path: Path) -> None:
    browser.events.clear()
    browser.open(path.as_uri())
    browser.wait_until("window.kgReport && window.kgReport.ready", timeout=10)


def assert_clean(browser) -> None:
    from chromium import ALLOWED_SCHEMES

    browser.drain(0.2)
    assert browser.errors() == []
    assert browser.dialogs() == []
    assert [u for u in browser.requests() if not u.startswith(ALLOWED_SCHEMES)] == []
    assert browser.eval("typeof window.__pwned") == "undefined"


def test_every_page_opens_offline_without_errors(browser, site: Path) -> None:
    pages = sorted(site.glob("*.html")) + sorted((site / "board").glob("*.html")) + sorted((site / "doc").glob("*.html"))
    assert len(pages) > 20
    for page in pages:
        open_page(browser, page)
        assert_clean(browser)
        csp = browser.eval("document.querySelector('meta[http-equiv=Content-Security-Policy]').content")
        assert csp.startswith("default-src 'none'; script-src 'sha256-") and "unsafe" not in csp, page
        assert browser.eval("document.scripts.length") == 1, page


def test_index_in_the_browser_matches_sparql(browser, site: Path, store_dir: Path) -> None:
    open_page(browser, site / "index.html")
    shown = browser.eval("Array.from(document.querySelectorAll('#kg-index tbody tr')).map(r =>"
                         " Array.from(r.cells).map(c => c.textContent))")
    cols = browser.eval("Array.from(document.querySelectorAll('#kg-index thead th')).map(h => h.textContent)")
    table = {r[0]: dict(zip(cols, r)) for r in shown}
    for c in sparql(store_dir, """SELECT ?label (COUNT(DISTINCT ?d) AS ?n) WHERE {
            VALUES ?c { sg:SafeguardingChildrenPartnership sg:SafeguardingAdultsBoard
                        sg:CommunitySafetyPartnership sg:MultiAgencyBoard }
            ?b a ?c ; rdfs:label ?label . OPTIONAL { ?d sg:mentions ?b } } GROUP BY ?label"""):
        assert table[c["label"]]["documents"] == c["n"]
    assert table[HARROWDENE]["current chair"] == "Robert Ashdown"
    assert EVIL_BOARD in table and table[EVIL_BOARD]["area"] == EVIL_AREA  # shown as text
    # search, filters, sorting, as a reader uses them
    total = len(shown)
    browser.eval("document.getElementById('kg-q').focus()")
    browser.type_text("harrowdene robert")
    assert browser.eval("Array.from(document.querySelectorAll('#kg-index tbody tr')).filter(r => !r.hidden)"
                        ".map(r => r.cells[0].textContent)") == [HARROWDENE]
    assert browser.eval("document.getElementById('kg-count').textContent") == f"1 of {total} shown"
    browser.eval("document.getElementById('kg-q').value = ''; document.getElementById('kg-q')"
                 ".dispatchEvent(new Event('input'))")
    browser.eval("document.getElementById('kg-gap').click()")
    gaps = browser.eval("Array.from(document.querySelectorAll('#kg-index tbody tr')).filter(r => !r.hidden)"
                        ".map(r => r.cells[0].textContent)")
    assert "Fenmoor Safeguarding Adults Board" in gaps and HARROWDENE not in gaps
    browser.eval("document.getElementById('kg-gap').click()")
    browser.eval("{ const k = document.getElementById('kg-kind'); k.value = 'safeguarding-adults';"
                 " k.dispatchEvent(new Event('change')); }")
    kinds = browser.eval("Array.from(document.querySelectorAll('#kg-index tbody tr')).filter(r => !r.hidden)"
                         ".map(r => r.dataset.kind)")
    assert kinds and set(kinds) == {"safeguarding-adults"}
    docs_col = cols.index("documents")
    browser.eval(f"document.querySelectorAll('#kg-index thead th')[{docs_col}].click()")
    browser.eval(f"document.querySelectorAll('#kg-index thead th')[{docs_col}].click()")  # descending
    order = browser.eval(f"Array.from(document.querySelectorAll('#kg-index tbody tr')).map(r => +r.cells[{docs_col}].textContent)")
    assert order == sorted(order, reverse=True)
    assert_clean(browser)


def test_heatmap_cells_link_to_the_evidence(browser, site: Path) -> None:
    open_page(browser, site / "boards-themes.html")
    col = browser.eval("Array.from(document.querySelectorAll('#kg-boards-themes thead th'))"
                       ".findIndex(h => h.textContent === 'Neglect')")
    href = browser.eval("Array.from(document.querySelectorAll('#kg-boards-themes tbody tr'))"
                        f".find(r => r.cells[0].textContent === '{HARROWDENE}').cells[{col}].querySelector('a').href")
    assert href.endswith("board/harrowdene-safeguarding-children-partnership.html#theme-neglect")
    browser.open(href)
    browser.wait_until("window.kgReport && window.kgReport.ready", timeout=10)
    heading = browser.eval("document.getElementById('theme-neglect').textContent")
    assert heading.startswith("Neglect") and "2 documents" in heading
    # scrolled to it
    assert browser.eval("(() => { const t = document.getElementById('theme-neglect').getBoundingClientRect().top;"
                        " return window.scrollY > 0 && t >= 0 && t < window.innerHeight / 2; })()")
    assert_clean(browser)


def test_hostile_names_stay_text_in_the_browser(browser, site: Path) -> None:
    open_page(browser, site / "board" / "evil-board.html")
    assert browser.eval("document.querySelector('h1').textContent") == EVIL_BOARD
    text = browser.eval("document.body.textContent")
    assert EVIL_AREA in text and EVIL_PERSON in text and EVIL_SENTENCE in text
    assert browser.eval("document.querySelectorAll('main img, main svg, main b, main u, main i').length") == 0
    assert_clean(browser)
    open_page(browser, site / "compare.html")
    assert EVIL_BOARD in browser.eval("document.querySelector('thead').textContent")
    assert_clean(browser)
