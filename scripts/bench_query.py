#!/usr/bin/env python3
"""Benchmark `kg load`, cold `kg query` and `kg serve` on a ~1,000,000-triple graph,
against rdflib answering the same queries, all in one run.

The graph has the project's own shape: synthetic Facts (kg/model.py) for thousands of
minutes of invented councils -- partnerships, boards, agencies, people, chairs and posts,
partners, theme mentions, reviews, statistics, changes, every fact with its evidence
sentence -- and a Resolution joining people and organisations across documents, turned
into triples by kg.rdf (the only module that builds triples), exactly as `kg build`
does. The union is written as one Turtle file (pyoxigraph's writer).

Measured, in order:

1. `kg load` of that Turtle into an empty store (a fresh process, 1 run), then `kg export`
   of the loaded store as Turtle and as N-Triples (a fresh process each, file written;
   wall and CPU time, load average), from the export `kg load` kept with the store version
   and, for comparison, without it (every stored term read back out of RocksDB); then one
   more triple loaded and the export checked against the one read from the store;
   against rdflib parsing the same Turtle and writing it again (--rdflib-runs);
2. cold `kg query` (a fresh process per run: interpreter start, imports, opening the
   store, the query, every row written as CSV) for four queries -- a label lookup, a
   two-hop join, a GROUP BY over all documents, a text filter -- median of --runs (5);
3. rdflib on the same Turtle and the same four queries, also a fresh process per run
   (start, parse, query, rows written): --rdflib-runs (default 1, as each run spends
   a minute or more parsing) -- the ratio is rdflib median / kg median;
4. `kg serve` on the loaded store under --clients (20) concurrent keep-alive clients on
   127.0.0.1, a bounded number of requests each: throughput, p50 and p95 latency.

Row counts of kg and rdflib are compared; a mismatch is reported (and exits 1).

Usage: .venv/bin/python scripts/bench_query.py [--triples 1000000] [--runs 5]
       [--rdflib-runs 1] [--clients 20] [--requests 50] [--workdir DIR] [--keep]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from synthetic_words import FIRST, HEADS, LAST, TAILS  # noqa: E402  (scripts/ is on the path)

import pyoxigraph as ox  # noqa: E402

from kg.iri import DEFAULT_BASE, slug  # noqa: E402
from kg.model import (Change, Chair, Entity, Evidence, Facts, Meeting, Organisation, Partner,  # noqa: E402
                      Person, Resolution, Review, Role, Statistic, Theme)
from kg.ns import PREFIXES, THEME_IDS  # noqa: E402
from kg.rdf import document_graph, entities_graph, ontology_graph  # noqa: E402

BIN = Path(sys.executable).parent
KG = [str(BIN / "kg")] if (BIN / "kg").is_file() else [sys.executable, "-m", "kg.cli"]
SERVE = [sys.executable, "-c", "import kg.cli.serve_cmds; from kg.cli import main; main()", "serve"]

# --- the synthetic corpus ----------------------------------------------------------------------

_SURNAMES = LAST[:32]  # the names this benchmark's corpus was first made with
_BODIES = ["Cabinet", "Children's Services Scrutiny Committee", "Adult Social Care Scrutiny Panel",
           "Health and Wellbeing Board", "Corporate Parenting Panel", "Community Safety Scrutiny Committee"]
_SENTENCE = {
    "neglect": "Neglect remained the most common reason for a child protection plan in {place}.",
    "child-exploitation": "The partnership's work on child criminal exploitation and county lines in {place} was reviewed.",
    "domestic-abuse": "Domestic abuse featured in a third of the referrals the front door received.",
    "mental-health": "Waiting times for child and adolescent mental health services were discussed.",
    "youth-violence": "Serious youth violence in {place} town centre had risen since last year.",
    "online-safety": "Schools in {place} had taken part in the online safety campaign.",
}
_REVIEW_KINDS = ["serious-case-review", "child-safeguarding-practice-review", "rapid-review",
                 "safeguarding-adults-review", "domestic-homicide-review", "thematic-review"]
_SECTORS = [("local-authority", None), ("police", "police"), ("health", "nhs"), ("education", None),
            ("probation", None)]


@dataclass(frozen=True)
class Area:
    """One invented local authority and its partnerships, agencies and people."""

    place: str
    people: tuple[tuple[str, str], ...]  # (name, honorific)


def areas(n: int, rng: random.Random) -> list[Area]:
    out, seen = [], set()
    for i in range(n):
        place = HEADS[i % len(HEADS)] + TAILS[(i // len(HEADS)) % len(TAILS)]
        if i >= len(HEADS) * len(TAILS):
            place = f"{place} {i // (len(HEADS) * len(TAILS)) + 1}"
        people = []
        while len(people) < 12:
            name = f"{rng.choice(FIRST)} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {rng.choice(_SURNAMES)}"
            if name not in seen:
                seen.add(name)
                people.append((name, rng.choice(["Councillor", "Mr", "Ms", "Dr", None])))
        out.append(Area(place, tuple(people)))
    return out


class _Text:
    """Accumulates a document's sentences and gives each its character span."""

    def __init__(self) -> None:
        self.at = 0

    def __call__(self, sentence: str) -> Evidence:
        start = self.at
        self.at += len(sentence) + 1
        return Evidence(sentence, start, start + len(sentence))


def document_facts(doc_id: str, area: Area, rng: random.Random) -> tuple[Facts, dict[str, str]]:
    """One synthetic minutes document and its local id -> entity key map."""
    p = area.place
    text = _Text()
    orgs = {
        "o1": Organisation("o1", f"{p} Council", "council", None, (f"{p} CC",), text(f"{p} Council met.")),
        "o2": Organisation("o2", f"{p} Safeguarding Children Partnership", "safeguarding-children", None,
                           (f"{p[0]}SCP",), text(f"The {p} Safeguarding Children Partnership reported.")),
        "o3": Organisation("o3", f"{p} Safeguarding Adults Board", "safeguarding-adults", None,
                           (f"{p[0]}SAB",), text(f"The {p} Safeguarding Adults Board reported.")),
        "o4": Organisation("o4", f"{p} Police", "agency", "police", (), text(f"{p} Police attended.")),
        "o5": Organisation("o5", f"{p} NHS Integrated Care Board", "agency", "health", (f"{p} ICB",),
                           text(f"The {p} NHS Integrated Care Board was represented.")),
        "o6": Organisation("o6", f"{p} Local Safeguarding Children Board", "safeguarding-children", None,
                           (f"{p[0]}LSCB",), text(f"The {p} Local Safeguarding Children Board was replaced.")),
    }
    boards = rng.sample(["o2", "o3"], rng.choice([1, 2]))
    chosen = rng.sample(range(2, len(area.people)), 4)
    people = {"p0": area.people[0], "p1": area.people[1]} | {f"p{i}": area.people[i] for i in chosen}
    persons = tuple(Person(pid, name, hon, (name.split()[-1],), text(f"{name} was present."))
                    for pid, (name, hon) in people.items())
    roles = [Role(pid, rng.choice(["Cabinet Member for Children", "Director of Children's Services",
                                   "Head of Safeguarding", "Councillor"]), "o1", text(f"{name} spoke."))
             for pid, (name, _) in people.items() if pid not in ("p0", "p1")]
    chairs = [Chair("p0" if b == "o2" else "p1", b, "Independent Chair",
                    text(f"{people['p0' if b == 'o2' else 'p1'][0]}, Independent Chair, presented the report."))
              for b in boards]
    partners = [Partner(b, sector, True, {"police": "o4", "nhs": "o5"}.get(agency or ""),
                        text(f"The {sector} partner shared responsibility for the arrangements."))
                for b in boards for sector, agency in _SECTORS[:rng.randint(3, 5)]]
    themes = [Theme(t, text(_SENTENCE.get(t, f"Members discussed {t.replace('-', ' ')} in {p}.").format(place=p)))
              for t in rng.sample(THEME_IDS, rng.randint(4, 9))]
    reviews = [Review(kind, f"Child {rng.choice('ABCDEFGHJKLMNPRSTVWXYZ')}{n}", rng.choice(boards),
                      text(f"A {kind.replace('-', ' ')} had been published."))
               for n, kind in enumerate(rng.sample(_REVIEW_KINDS, rng.randint(0, 2)))]
    stats = [Statistic(rng.randint(10, 20000), rng.choice(["practitioners", "referrals", "children"]),
                       rng.choice(["trained", "received", "supported"]), text("A figure was given."))
             for _ in range(rng.randint(1, 3))]
    changes = [Change("o6", "o2", "2019-09-29", text("The partnership replaced the board in 2019."))] \
        if rng.random() < 0.1 else []
    listed = sorted(set(boards) | {"o1", "o4", "o5"} | ({"o6", "o2"} if changes else set()))
    facts = Facts(doc_id, Meeting(f"{p} Council", rng.choice(_BODIES),
                                  f"{rng.randint(2019, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                  str(rng.randint(1, 140))),
                  tuple(orgs[o] for o in listed), persons, tuple(roles), tuple(chairs), tuple(partners),
                  tuple(themes), tuple(reviews), tuple(stats), tuple(changes),
                  source=f"minutes/{doc_id}.html", title=f"Minutes of the {p} meeting")
    members = {o.id: "org/" + slug(o.name) for o in facts.organisations}
    members |= {pe.id: "person/" + slug(pe.name) for pe in persons}
    return facts, members


def entity_of(facts: Facts, local_id: str, key: str) -> Entity:
    for o in facts.organisations:
        if o.id == local_id:
            return Entity(key, "organisation", o.name, o.aliases, o.kind, o.sector)
    pe = next(pe for pe in facts.people if pe.id == local_id)
    return Entity(key, "person", pe.name, pe.aliases, honorific=pe.honorific)


def generate(target: int, out: Path, seed: int = 7) -> tuple[int, int, float]:
    """Write the union of all graphs as Turtle to ``out``; (triples, documents, seconds)."""
    start = time.perf_counter()
    rng = random.Random(seed)
    places = areas(max(20, target // 2000), rng)
    union = ox.Store()  # in memory; the default graph de-duplicates shared triples
    union.load(ontology_graph().serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    entities: dict[str, Entity] = {}
    n = 0
    while len(union) < target:
        batch = []
        for _ in range(200):
            area = places[n % len(places)]
            doc_id = f"min-{n:06d}"
            facts, members = document_facts(doc_id, area, rng)
            resolution = Resolution({}, {(doc_id, local): key for local, key in members.items()})
            for local, key in members.items():
                entities.setdefault(key, entity_of(facts, local, key))
            batch.append(document_graph(facts, Resolution(entities, resolution.members), DEFAULT_BASE)
                         .serialize(format="nt", encoding="utf-8"))
            n += 1
        union.load(b"".join(batch), ox.RdfFormat.N_TRIPLES)
    union.load(entities_graph(Resolution(entities, {}), DEFAULT_BASE).serialize(format="nt", encoding="utf-8"),
               ox.RdfFormat.N_TRIPLES)
    union.dump(str(out), ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=PREFIXES)
    return len(union), n, time.perf_counter() - start


# --- the queries ---------------------------------------------------------------------------

RDFLIB_EXPORT = (
    "import sys, rdflib\n"
    "g = rdflib.Graph()\n"
    "g.parse(sys.argv[1], format='turtle')\n"
    "g.serialize(sys.argv[2], format='turtle')\n"
)


def prologue() -> str:
    return "".join(f"PREFIX {p}: <{i}>\n" for p, i in PREFIXES.items())


QUERIES: dict[str, str] = {
    "label lookup": """SELECT ?org ?kind WHERE {
  ?org rdfs:label "Ashcombe Safeguarding Children Partnership" ; sg:kind ?kind .
}""",
    "two-hop join": """SELECT ?name ?board WHERE {
  ?person org:headOf ?b ; foaf:name ?name .
  ?b rdfs:label ?board .
} ORDER BY ?name ?board""",
    "GROUP BY over all documents": """SELECT ?id (COUNT(DISTINCT ?m) AS ?mentions) WHERE {
  ?doc a foaf:Document ; dcterms:identifier ?id ; sg:mentions ?m .
} GROUP BY ?id ORDER BY DESC(?mentions) ?id LIMIT 20""",
    "text filter (CONTAINS)": """SELECT ?doc ?text WHERE {
  ?sel oa:exact ?text .
  FILTER(CONTAINS(LCASE(?text), "county lines"))
  ?e oa:hasSelector ?sel ; oa:hasSource ?doc .
} ORDER BY ?doc""",
}
"""The text filter is written filter-first: Oxigraph 0.5 joins largely in the written
order, and the same query with the evidence join first takes ~0.9 s instead of ~0.1 s
on the 1M-triple graph (see docs/benchmarks-query.md)."""

RDFLIB_PROGRAM = r"""
import sys, time
t0 = time.perf_counter()
import rdflib
g = rdflib.Graph()
g.parse(sys.argv[1], format="turtle")
t1 = time.perf_counter()
result = g.query(sys.stdin.read())
out = result.serialize(format="csv")
sys.stdout.buffer.write(out)
sys.stderr.write(f"parse {t1 - t0:.2f} s, query {time.perf_counter() - t1:.2f} s\n")
"""


def run_timed(args: list[str], stdin: str | None = None, timeout: float = 3600) -> tuple[float, str, str]:
    start = time.perf_counter()
    proc = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(args[:3])} ...\n{proc.stderr.strip()}")
    return seconds, proc.stdout, proc.stderr


def run_cpu(args: list[str]) -> tuple[float, float, str, str]:
    """Wall time, CPU time of the child (user + system), stdout and stderr: on a machine
    shared with other jobs the wall time also counts their turns."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, out, err = run_timed(args)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, out, err


def load_average() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def csv_rows(text: str) -> int:
    return max(0, len([line for line in text.splitlines() if line.strip()]) - 1)


# --- kg serve under concurrent clients -----------------------------------------------------

def start_serve(store: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([*SERVE, "--store", str(store), "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = proc.stdout.readline() if proc.stdout else ""
    if " at http://" not in line:
        proc.kill()
        raise SystemExit(f"kg serve did not start: {line!r}")
    return proc, line.split(" at ", 1)[1].split()[0]


def load_test(url: str, query: str, clients: int, per_client: int) -> dict[str, float]:
    """``clients`` threads, each with one keep-alive connection, ``per_client`` requests."""
    parts = urllib.parse.urlsplit(url)
    path = "/query?" + urllib.parse.urlencode({"query": prologue() + query})
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)

    def client() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        mine, bad = [], []
        barrier.wait()
        for _ in range(per_client):
            t = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept": "text/csv"})
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    bad.append(str(response.status))
            except OSError as exc:
                bad.append(type(exc).__name__)
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
            mine.append(time.perf_counter() - t)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for th in threads:
        th.start()
    barrier.wait()
    start = time.perf_counter()
    for th in threads:
        th.join()
    wall = time.perf_counter() - start
    latencies.sort()
    return {"requests": len(latencies), "errors": len(errors), "seconds": wall,
            "throughput": len(latencies) / wall, "p50": latencies[len(latencies) // 2],
            "p95": latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]}


# --- the run ------------------------------------------------------------------------------

def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0) if Path("/proc/meminfo").exists() else 0
    import rdflib

    oxi = subprocess.run([str(BIN / "oxigraph"), "--version"], capture_output=True, text=True).stdout.strip() \
        if (BIN / "oxigraph").exists() else "oxigraph server not installed"
    return (f"{os.cpu_count()} cores ({cpu}), {mem} GiB RAM, {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, pyoxigraph {ox.__version__}, rdflib {rdflib.__version__}, {oxi}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5, help="cold kg query runs per query (median)")
    ap.add_argument("--rdflib-runs", type=int, default=1, help="fresh rdflib processes per query")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=50, help="requests per client")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--no-serve", action="store_true")
    ap.add_argument("--export-only", action="store_true", help="stop after kg load and kg export")
    ap.add_argument("--ttl", type=Path, default=None, help="load this Turtle instead of generating one")
    args = ap.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-query-"))
    work.mkdir(parents=True, exist_ok=True)
    ttl, store = work / "bench.ttl", work / "store"
    print(f"# kg query benchmark\n\nmachine: {machine()}\nwork folder: {work}\n", flush=True)
    try:
        if args.ttl is not None:
            ttl = args.ttl
            triples = sum(1 for _ in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE))
            print(f"{triples:,} triples of {ttl} ({ttl.stat().st_size / 2**20:.0f} MiB of Turtle)\n", flush=True)
        else:
            triples, docs, seconds = generate(args.triples, ttl)
            print(f"generated {triples:,} triples ({docs:,} documents, {ttl.stat().st_size / 2**20:.0f} MiB of "
                  f"Turtle) in {seconds:.0f} s\n", flush=True)

        shutil.rmtree(store, ignore_errors=True)
        la = load_average()
        load_s, load_cpu, out, _ = run_cpu([*KG, "load", str(ttl), "--store", str(store)])
        print(f"kg load into an empty store (1 run, process start included): {load_s:.1f} s, {load_cpu:.1f} s CPU "
              f"(load average {la}) -- {out.strip()}\n", flush=True)
        export_times = {}
        for fmt in ("turtle", "nt"):
            target = work / f"export.{fmt}"
            la = load_average()
            export_s, export_cpu, _, err = run_cpu([*KG, "export", "--format", fmt, "-o", str(target),
                                                    "--store", str(store)])
            export_times[fmt] = export_s
            print(f"kg export --format {fmt} of the {triples:,}-triple store (process start included): "
                  f"{export_s:.1f} s, {export_cpu:.1f} s CPU (load average {la}), "
                  f"{target.stat().st_size / 2**20:.0f} MiB {err.strip()}", flush=True)
        again_s, again_cpu, _, _ = run_cpu([*KG, "export", "-o", str(work / "export2.ttl"), "--store", str(store)])
        identical = (work / "export2.ttl").read_bytes() == (work / "export.turtle").read_bytes()
        print(f"kg export again: {again_s:.1f} s, {again_cpu:.1f} s CPU, byte-identical: {identical}", flush=True)
        # the obvious alternative: the same store without the export its writer kept (as
        # older code left it), so kg export reads every stored term back out of RocksDB
        version = (store / "oxigraph").resolve()
        stamp, aside = version / "kg-export.json", work / "kg-export.json.aside"
        if stamp.is_file():
            stamp.rename(aside)
            try:
                for fmt in ("turtle", "nt"):
                    la = load_average()
                    dump_s, dump_cpu, _, _ = run_cpu([*KG, "export", "--format", fmt, "-o",
                                                      str(work / f"dump.{fmt}"), "--store", str(store)])
                    same = (work / f"dump.{fmt}").read_bytes() == (work / f"export.{fmt}").read_bytes()
                    print(f"kg export --format {fmt} without the kept export (every term read from the store): "
                          f"{dump_s:.1f} s, {dump_cpu:.1f} s CPU (load average {la}); byte-identical to the "
                          f"kept one: {same}; kept / without: {export_times[fmt] / dump_s:.2f}", flush=True)
                    identical = identical and same
            finally:
                aside.rename(stamp)
        # a second file loaded into the store: its version keeps an export patched from the
        # first's; it must equal the export read from the store (never the stale one)
        extra = work / "extra.ttl"
        extra.write_text(f"<{DEFAULT_BASE}org/bench-extra> <http://www.w3.org/2000/01/rdf-schema#label> "
                         f"\"Bench extra board\" .\n", encoding="utf-8")
        la = load_average()
        more_s, more_cpu, _, _ = run_cpu([*KG, "load", str(extra), "--store", str(store)])
        after_s, after_cpu, _, _ = run_cpu([*KG, "export", "-o", str(work / "after.ttl"), "--store", str(store)])
        version = (store / "oxigraph").resolve()
        (version / "kg-export.json").rename(aside)
        try:
            run_cpu([*KG, "export", "-o", str(work / "after-dump.ttl"), "--store", str(store)])
        finally:
            aside.rename(version / "kg-export.json")
        fresh = (work / "after.ttl").read_bytes() == (work / "after-dump.ttl").read_bytes()
        grew = (work / "after.ttl").read_bytes() != (work / "export.turtle").read_bytes()
        print(f"kg load of one more triple into the loaded store: {more_s:.1f} s, {more_cpu:.1f} s CPU "
              f"(load average {la}); kg export then {after_s:.1f} s, {after_cpu:.1f} s CPU; equal to the export "
              f"read from the store: {fresh}; differs from the first: {grew}", flush=True)
        identical = identical and fresh and grew
        if args.rdflib_runs:
            rd_s, _, _ = run_timed([sys.executable, "-c", RDFLIB_EXPORT, str(ttl), str(work / "rdflib.ttl")])
            print(f"rdflib parsing the Turtle and serialising it again (the build's old writer): {rd_s:.1f} s "
                  f"({rd_s / export_times['turtle']:.0f}x kg export's Turtle time)\n",
                  flush=True)

        if args.export_only:
            print(f"\nDone-when: kg export of {triples:,} triples {export_times['turtle']:.1f} s "
                  f"(< 5 s: {export_times['turtle'] < 5}); every export byte-identical: {identical}")
            return 0 if identical else 1
        print("| query | rows | kg query cold, median of %d (s) | runs (s) | rdflib cold, %d run(s) (s) | "
              "rdflib / kg |" % (args.runs, args.rdflib_runs))
        print("| --- | ---: | ---: | --- | ---: | ---: |")
        mismatch = False
        results = {}
        for name, query in QUERIES.items():
            text = prologue() + query
            kg_times, kg_rows = [], set()
            for _ in range(args.runs):
                s, out, _ = run_timed([*KG, "query", "-", "--store", str(store), "--format", "csv"], text)
                kg_times.append(s)
                kg_rows.add(csv_rows(out))
            rd_times, rd_rows, notes = [], set(), []
            for _ in range(args.rdflib_runs):
                s, out, err = run_timed([sys.executable, "-c", RDFLIB_PROGRAM, str(ttl)], text)
                rd_times.append(s)
                rd_rows.add(csv_rows(out))
                notes.append(err.strip())
            kg_med, rd_med = statistics.median(kg_times), statistics.median(rd_times)
            rows = "/".join(str(r) for r in sorted(kg_rows | rd_rows))
            if len(kg_rows | rd_rows) != 1:
                mismatch = True
                rows += " (MISMATCH)"
            results[name] = (kg_med, rd_med)
            print(f"| {name} | {rows} | {kg_med:.3f} | {', '.join(f'{t:.3f}' for t in kg_times)} | "
                  f"{rd_med:.1f} ({'; '.join(notes)}) | {rd_med / kg_med:.0f}x |", flush=True)

        if not args.no_serve:
            print(f"\nkg serve, {args.clients} concurrent keep-alive clients x {args.requests} requests, 127.0.0.1:\n")
            print("| query | requests | errors | wall (s) | requests/s | p50 (ms) | p95 (ms) |")
            print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
            proc, url = start_serve(store)
            try:
                for name in ("label lookup", "two-hop join", "text filter (CONTAINS)"):
                    r = load_test(url, QUERIES[name], args.clients, args.requests)
                    print(f"| {name} | {r['requests']} | {r['errors']} | {r['seconds']:.1f} | {r['throughput']:.0f} | "
                          f"{r['p50'] * 1000:.0f} | {r['p95'] * 1000:.0f} |", flush=True)
            finally:
                proc.terminate()
                proc.wait(15)
        two_hop = results["two-hop join"]
        print(f"\nDone-when: kg load then cold two-hop join {two_hop[0]:.3f} s (< 1 s: {two_hop[0] < 1}); "
              f"rdflib {two_hop[1] / two_hop[0]:.0f}x slower (>= 20x: {two_hop[1] / two_hop[0] >= 20})")
        return 1 if mismatch else 0
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
