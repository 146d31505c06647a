#!/usr/bin/env python3
"""Fuzz kg with hostile inputs of every format it reads; report crashes, hangs and memory.

Not part of the test run (it takes minutes to hours); tests/test_fuzz_short.py runs a
Hypothesis-driven sample of the same generators. Usage:

    .venv/bin/python scripts/fuzz.py --files 20000 --jobs 2 --out /tmp/fuzz
    .venv/bin/python scripts/fuzz.py --files 500 --seed 7 --keep    # keep the files

Each generated file (seeded: file N of seed S is always the same bytes) goes through what
ships: documents (.txt in several encodings, .md, .html, .pdf, .docx) through
``read_document`` + ``extract`` exactly as ``kg extract`` does, RDF (.ttl, .nt, .trig,
.jsonld, .rdf) through ``GraphStore.load_file`` as ``kg load`` does. Workers are forked
processes; a file not done within ``--budget`` seconds (kg's own per-document budget,
60 s by default) is stopped, as ``kg extract`` stops it. Outcomes per file:

- ok           facts extracted, or RDF loaded
- refused      a KgError naming the file (the designed answer to a bad file)
- over-budget  took longer than --budget; the file is then run through the real
               ``kg extract`` (or ``kg load``), which must end by itself and name it
- crash        any other exception, an "unexpected ... please report this" error, or a
               worker that died; or the command line exiting otherwise than 0/1/2, with a
               traceback, or without naming the file
- hang         the command line did not end within budget + 60 s

Peak memory per file is the worker's VmHWM after resetting it (Linux
``/proc/self/clear_refs``). One file in ``--cli-every`` is also run through the real
command line (``kg extract`` / ``kg load``), which must exit 0, 1 or 2 with no traceback.
The summary prints counts per format and outcome, the slowest files and the largest
peaks; ``report.jsonl`` in --out has every file.
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from multiprocessing.connection import wait
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hostile_shapes import SHAPES, shape  # noqa: E402

KG = str(Path(sys.executable).with_name("kg"))

# Words of the genre, written for this script (never text of the development corpus).
_WORDS = ("Safeguarding Children Partnership Board Adults Community Safety Police Health Council Cabinet Chair "
          "Independent Scrutineer statutory partners are neglect exploitation domestic abuse review case Child "
          "Family Rapid Review SAR CSPR LSCB Councillor Dr Mrs said agreed noted members Probation Fire Rescue "
          "Integrated Care Board NHS Trust Education schools annual report 2021/22 training 15,000 practitioners "
          "Jane Okafor Tom Reilly O'Neill Mac-Donald Smith-Jones Avonford Brackley Item 12 Meeting: 21/12/2021 -").split()
_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1")
KINDS = ("txt", "md", "html", "pdf", "docx", "ttl", "nt", "trig", "jsonld", "rdf")
DOC_KINDS = ("txt", "md", "html", "pdf", "docx")


# --- generators ----------------------------------------------------------------------------

def prose(rng: random.Random, chars: int) -> str:
    out, size = [], 0
    while size < chars:
        n = rng.randint(3, 25)
        sent = " ".join(rng.choice(_WORDS) for _ in range(n))
        sent = sent[0].upper() + sent[1:] + rng.choice([". ", ".\n", ": ", "\n\n", "; ", "? "])
        out.append(sent)
        size += len(sent)
    return "".join(out)


def hostile_text(rng: random.Random, big: bool) -> str:
    """Prose, repetitive shapes, control characters, odd Unicode, long lines, mixed."""
    size = rng.choice([200_000, 500_000, 1_000_000, 2_000_000]) if big else \
        rng.choice([50, 200, 500, 1000, 2000, 3000, 5000, 10_000, 30_000])
    pick = rng.random()
    if pick < 0.35:
        return shape(rng.choice(SHAPES), size)
    if pick < 0.55:
        return prose(rng, size)
    if pick < 0.65:
        return "".join(chr(rng.choice([0, 1, 7, 8, 11, 12, 27, 127, 0x85, 0x2028, 0xFEFF, 0x202E, 0x200B,
                                       rng.randint(32, 0x2FFF)])) for _ in range(min(size, 50_000)))
    if pick < 0.75:
        return ("x" * size) if rng.random() < 0.5 else (" ".join(["A"] * (size // 2)))
    parts = []
    while sum(map(len, parts)) < size:
        parts.append(rng.choice([prose(rng, 300), shape(rng.choice(SHAPES), rng.randint(50, 5000)),
                                 "\x00" * rng.randint(1, 50), "\n" * rng.randint(1, 500), "€£“”‘’–—…" * 20,
                                 "(" * 300 + ")" * 300, "Mr. " * 500, "1." * 1000, "http://x/" + "a/" * 2000]))
    return "".join(parts)[:size]


def encode(rng: random.Random, text: str) -> bytes:
    if rng.random() < 0.15:  # several encodings in one file
        cut = rng.randint(0, len(text))
        return (text[:cut].encode(rng.choice(_ENCODINGS), "replace")
                + text[cut:].encode(rng.choice(_ENCODINGS), "replace"))
    data = text.encode(rng.choice(_ENCODINGS), "replace")
    if rng.random() < 0.1:
        data = data[:rng.randint(0, len(data))]  # cut mid-character
    return data


def mutate(rng: random.Random, data: bytes, times: int | None = None) -> bytes:
    buf = bytearray(data)
    for _ in range(times if times is not None else rng.randint(1, 20)):
        if not buf:
            break
        op = rng.random()
        i = rng.randrange(len(buf))
        if op < 0.5:
            buf[i] = rng.randrange(256)
        elif op < 0.7:
            del buf[i:i + rng.randint(1, 200)]
        elif op < 0.9:
            buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 50)))
        else:
            buf = buf[:i]
    return bytes(buf)


def gen_html(rng: random.Random, big: bool) -> bytes:
    body = hostile_text(rng, big)
    pick = rng.random()
    if pick < 0.2:
        depth = rng.choice([100, 5000, 100_000])
        html = "<div>" * depth + body[:5000] + "</div>" * rng.choice([0, depth])
    elif pick < 0.35:
        html = "<p>" + "<b><i>" * 20_000 + body[:2000]
    elif pick < 0.5:
        html = f'<p title="{"x" * 500_000}">' + body[:1000] + "</p>" + "<!--" + "-" * 10_000
    elif pick < 0.6:
        html = "<script>" + body + "</script><style>" + body[:1000] + "</style><p>Board</p>"
    elif pick < 0.7:
        html = "<p>" + "&#x" + "0" * 5000 + "41;" + "&amp;" * 20_000 + "&#99999999;" + "</p>"
    else:
        html = "<html><body>" + "".join(f"<p>{html_escape(p)}</p>" for p in body.split("\n")) + "</body></html>"
    data = encode(rng, html) if rng.random() < 0.3 else html.encode("utf-8", "replace")
    return mutate(rng, data, rng.randint(0, 5)) if rng.random() < 0.3 else data


def html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def gen_pdf(rng: random.Random, big: bool) -> bytes:
    try:
        from fpdf import FPDF
    except ImportError:  # fpdf2 is a test extra
        return b"%PDF-1.4\n" + mutate(rng, bytes(rng.randrange(256) for _ in range(2000)))
    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    text = hostile_text(rng, False)[: rng.choice([100, 2000, 5000])]
    for _ in range(rng.choice([1, 1, 3, 10])):
        pdf.add_page()
        pdf.multi_cell(0, 5, text.encode("latin-1", "replace").decode("latin-1"))
    data = bytes(pdf.output())
    pick = rng.random()
    if pick < 0.5:
        return mutate(rng, data)
    if pick < 0.6:
        return data[: rng.randint(0, len(data))]
    return data


def gen_docx(rng: random.Random, big: bool) -> bytes:
    text = hostile_text(rng, big and rng.random() < 0.3)
    paras = "".join(f"<w:p><w:r><w:t>{html_escape(p)}</w:t></w:r></w:p>" for p in text.split("\n")[:20_000])
    pick = rng.random()
    doctype = ""
    if pick < 0.1:
        doctype = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' \
                  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        paras += "<w:p><w:r><w:t>&d;&d;&d;</w:t></w:r></w:p>"
    elif pick < 0.2:
        doctype = '<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        paras += "<w:p><w:r><w:t>&e;</w:t></w:r></w:p>"
    elif pick < 0.3:
        paras = "<w:p>" * 50_000 + paras
    xml = ('<?xml version="1.0" encoding="UTF-8"?>' + doctype +
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           + paras + "</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml", xml)
        if rng.random() < 0.05:
            z.writestr("word/big.bin", b"\0" * 20_000_000)
    data = buf.getvalue()
    pick = rng.random()
    if pick < 0.25:
        return mutate(rng, data)
    if pick < 0.3:
        return data[: rng.randint(0, len(data))]
    return data


def gen_rdf(rng: random.Random, kind: str, big: bool) -> bytes:
    url = rng.choice(["http://127.0.0.1:9/ctx", "file:///etc/passwd", "https://schema.org/", "ftp://x/y"])
    lit = hostile_text(rng, False)[:rng.choice([10, 1000, 20_000])]
    esc = json.dumps(lit)
    n = rng.choice([1, 10, 50, 30_000 if big else 200])
    if kind == "jsonld":
        pick = rng.random()
        if pick < 0.3:
            ctx: object = url if rng.random() < 0.5 else [{"ex": "http://ex.org/"}, url]
        elif pick < 0.4:
            ctx = {"@version": 1.1, "@import": url}
        else:
            ctx = {"ex": "http://ex.org/", "@base": url}
        nodes = [{"@id": f"ex:s{i}", "ex:p": lit[:100], "ex:q": {"@id": f"ex:o{i}"}} for i in range(min(n, 5000))]
        depth = rng.choice([0, 10, 5000])  # nesting written as text: json.dumps would recurse
        deep = '{"@id": "ex:deep", "ex:d": ' + '{"ex:d": ' * depth + '"x"' + "}" * depth + "}"
        text = json.dumps({"@context": ctx, "@graph": nodes})[:-2] + ", " + deep + "]}"
    elif kind == "rdf":
        pick = rng.random()
        decl = ""
        if pick < 0.2:
            decl = f'<!DOCTYPE rdf:RDF [<!ENTITY e SYSTEM "{url}">]>'
        elif pick < 0.3:
            decl = '<!DOCTYPE rdf:RDF [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        elif pick < 0.4:
            decl = '<!DOCTYPE rdf:RDF [<!ENTITY ex "http://ex.org/">]>'
        use = "&e;" if "SYSTEM" in decl else "&b;" if "&a;" in decl else "plain"
        items = "".join(f'<rdf:Description rdf:about="http://ex.org/s{i}"><ex:p>{use}{html_escape(lit[:50])}'
                        f"</ex:p></rdf:Description>" for i in range(min(n, 5000)))
        text = (f'<?xml version="1.0"?>{decl}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                f'xmlns:ex="http://ex.org/">{items}</rdf:RDF>')
    elif kind == "nt":
        text = "".join(f"<http://ex.org/s{i}> <http://ex.org/p> {esc if i < 10 else i} .\n" for i in range(n))
    else:  # ttl, trig
        head = f"@base <{url}> .\n@prefix ex: <{url}#> .\n"
        body = "".join(f"<s{i}> ex:p {esc} ; ex:q ( {' '.join(['1'] * rng.choice([1, 5]))} ) .\n" for i in range(n))
        text = head + (f"GRAPH <g> {{\n{body}}}\n" if kind == "trig" else body)
        if rng.random() < 0.1:
            text = head + "<s> ex:p " + "[ ex:p " * 20_000 + "1" + " ]" * 20_000 + " .\n"
    data = text.encode("utf-8")
    return mutate(rng, data, rng.randint(1, 10)) if rng.random() < 0.35 else data


def generate(seed: int, n: int, kinds: tuple[str, ...] = ()) -> tuple[str, bytes]:
    """File ``n`` of run ``seed``: (file name, bytes)."""
    rng = random.Random(seed * 1_000_003 + n)
    kind = rng.choice(kinds or KINDS)
    big = rng.random() < 0.003  # a few files of 200 KB - 2 MB
    if kind in ("txt", "md"):
        data = encode(rng, hostile_text(rng, big))
        if rng.random() < 0.05:
            data = bytes(rng.randrange(256) for _ in range(rng.choice([1, 100, 10_000])))
    elif kind == "html":
        data = gen_html(rng, big)
    elif kind == "pdf":
        data = gen_pdf(rng, big)
    elif kind == "docx":
        data = gen_docx(rng, big)
    else:
        data = gen_rdf(rng, kind, big)
    stem = rng.choice([f"f{n:06}", f"odd name {n:06}", f"-dash{n:06}", f"ünï{n:06}", f"f{n:06}.tar"])
    return f"{stem}.{kind}", data


# --- running ---------------------------------------------------------------------------------

def _peak_reset() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def _peak_mb() -> float:
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(path: str) -> dict:
    """What kg does with one file, in this process: outcome, seconds, detail."""
    from kg.errors import KgError
    kind = path.rsplit(".", 1)[-1]
    start = time.perf_counter()
    _peak_reset()
    try:
        if kind in DOC_KINDS:
            from kg.batch import _extract_file
            item = _extract_file(path)
            if isinstance(item, KgError):
                outcome = "crash" if "please report this" in str(item) else "refused"
                detail = str(item)
            else:
                outcome, detail = "ok", f"{len(item.organisations)} orgs, {len(item.people)} people"
        else:
            from kg.store import GraphStore
            with GraphStore.in_memory() as store:
                loaded = store.load_file(Path(path))
            outcome, detail = "ok", f"{loaded.statements} statements"
    except KgError as exc:
        outcome, detail = "refused", str(exc)
    except BaseException as exc:  # noqa: BLE001 - that is what we are looking for
        outcome, detail = "crash", "".join(traceback.format_exception_only(type(exc), exc)).strip()[:2000]
    return {"outcome": outcome, "seconds": round(time.perf_counter() - start, 4), "peak_mb": round(_peak_mb(), 1),
            "detail": detail[:300]}


def _serve(conn) -> None:
    while True:
        try:
            path = conn.recv()
        except EOFError:
            return
        if path is None:
            return
        conn.send(run_one(path))


def _worker(ctx):
    a, b = ctx.Pipe()
    p = ctx.Process(target=_serve, args=(b,), daemon=True)
    p.start()
    b.close()
    return {"conn": a, "proc": p, "task": None, "deadline": 0.0}


def run_cli(path: Path, budget: float = 60.0) -> dict:
    kind = path.suffix[1:]
    with tempfile.TemporaryDirectory() as store:
        args = [KG, "extract", str(path), "--budget", f"{budget:g}", "--jobs", "1"] if kind in DOC_KINDS \
            else [KG, "load", str(path), "--store", store]
        try:
            r = subprocess.run(args, capture_output=True, text=True, timeout=budget + 60)
        except subprocess.TimeoutExpired:
            return {"cli": "hang"}
    bad = r.returncode not in (0, 1, 2) or "Traceback" in r.stderr or (r.returncode != 0 and str(path) not in r.stderr)
    return {"cli": "crash" if bad else "ok", "cli_exit": r.returncode, "cli_stderr": r.stderr[-300:] if bad else ""}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first file number (to resume)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--budget", type=float, default=60.0, help="seconds per file, as kg extract --budget")
    ap.add_argument("--cli-every", type=int, default=200, help="also run every Nth file through the CLI (0: never)")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "kg-fuzz")
    ap.add_argument("--keep", action="store_true", help="keep the generated files in --out/files")
    ap.add_argument("--kinds", default="", help="only these formats, comma-separated (e.g. jsonld,rdf)")
    args = ap.parse_args()

    files_dir = args.out / "files"
    files_dir.mkdir(parents=True, exist_ok=True)
    report = open(args.out / "report.jsonl", "a", encoding="utf-8")
    ctx = multiprocessing.get_context("fork")
    from kg.extract.rules import rules
    rules()  # compiled once, inherited by the workers
    workers = [_worker(ctx) for _ in range(args.jobs)]
    todo = iter(range(args.start, args.start + args.files))
    counts: Counter[tuple[str, str]] = Counter()
    rows: list[dict] = []
    began = time.monotonic()
    done = 0

    def counts_of(outcome: str) -> int:
        return sum(v for k, v in counts.items() if k[1] == outcome)

    def give(w) -> None:
        n = next(todo, None)
        if n is None:
            w["task"] = None
            return
        name, data = generate(args.seed, n, tuple(k for k in args.kinds.split(",") if k))
        path = files_dir / name
        path.write_bytes(data)
        w["task"] = (n, path, len(data))
        w["deadline"] = time.monotonic() + args.budget
        w["conn"].send(str(path))

    def finish(w, result: dict) -> None:
        nonlocal done
        n, path, size = w["task"]
        row = {"n": n, "file": path.name, "kind": path.suffix[1:], "bytes": size, **result}
        if result["outcome"] == "over-budget" or (args.cli_every and n % args.cli_every == 0):
            row.update(run_cli(path, args.budget))
            if row["cli"] != "ok":
                counts[(row["kind"], "cli-" + row["cli"])] += 1
        counts[(row["kind"], row["outcome"])] += 1
        rows.append({k: row[k] for k in ("file", "kind", "bytes", "outcome", "seconds", "peak_mb")})
        report.write(json.dumps(row, ensure_ascii=False) + "\n")
        report.flush()
        if not args.keep and row["outcome"] not in ("crash", "over-budget") and row.get("cli", "ok") == "ok":
            path.unlink(missing_ok=True)
        done += 1
        if done % 500 == 0:
            print(f"{done} files, {time.monotonic() - began:.0f} s, crashes {sum(v for k, v in counts.items() if 'crash' in k[1])}, "
                  f"hangs {counts_of('cli-hang')}, over budget {counts_of('over-budget')}", flush=True)

    for w in workers:
        give(w)
    while any(w["task"] for w in workers):
        busy = [w for w in workers if w["task"]]
        timeout = max(0.0, min(w["deadline"] for w in busy) - time.monotonic())
        ready = wait([w["conn"] for w in busy], timeout)
        for i, w in enumerate(workers):
            if not w["task"]:
                continue
            if w["conn"] in ready:
                try:
                    result = w["conn"].recv()
                except EOFError:
                    result = {"outcome": "crash", "seconds": None, "peak_mb": None,
                              "detail": f"worker died (exit code {w['proc'].exitcode})"}
                    new = _worker(ctx)
                    new["task"] = w["task"]
                    w["proc"].join()
                    workers[i] = w = new
                finish(w, result)
                give(w)
            elif time.monotonic() >= w["deadline"]:
                w["proc"].kill()
                w["proc"].join()
                new = _worker(ctx)
                new["task"] = w["task"]
                workers[i] = new
                finish(new, {"outcome": "over-budget", "seconds": args.budget, "peak_mb": None, "detail": ""})
                give(new)
    for w in workers:
        w["conn"].send(None)
        w["proc"].join(5)
    report.close()

    elapsed = time.monotonic() - began
    print(f"\n{done} files in {elapsed:.0f} s ({args.jobs} processes), seed {args.seed}, files {args.start}.."
          f"{args.start + args.files - 1}")
    kinds = sorted({k for k, _ in counts})
    outcomes = ["ok", "refused", "over-budget", "crash", "cli-crash", "cli-hang"]
    print("| format | " + " | ".join(outcomes) + " |")
    print("| --- |" + " --- |" * len(outcomes))
    for k in kinds:
        print(f"| {k} | " + " | ".join(str(counts[(k, o)]) for o in outcomes) + " |")
    total = Counter()
    for (k, o), v in counts.items():
        total[o] += v
    print(f"| all | " + " | ".join(str(total[o]) for o in outcomes) + " |")
    timed = sorted((r for r in rows if r["seconds"] is not None), key=lambda r: -r["seconds"])[:5]
    print("\nslowest: " + "; ".join(f"{r['file']} ({r['bytes']:,} bytes) {r['seconds']:.1f} s" for r in timed))
    peaks = sorted((r for r in rows if r["peak_mb"] is not None), key=lambda r: -r["peak_mb"])[:5]
    print("largest peak memory: " + "; ".join(f"{r['file']} ({r['bytes']:,} bytes) {r['peak_mb']:.0f} MB" for r in peaks))
    if not args.keep and total["crash"] + total["over-budget"] + total["cli-crash"] + total["cli-hang"] == 0:
        shutil.rmtree(files_dir, ignore_errors=True)
    bad = total["crash"] + total["cli-crash"] + total["cli-hang"]
    print(f"\ncrashes {total['crash'] + total['cli-crash']}, hangs {total['cli-hang']}, "
          f"over the {args.budget:g} s budget (named and skipped by kg) {total['over-budget']}"
          + ("" if not bad else f"; the files are kept in {files_dir}, details in {args.out / 'report.jsonl'}"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
