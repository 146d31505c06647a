"""Bad inputs end to end: `kg build` and `kg extract` on a folder of broken files.

ingest's own tests (tests/test_ingest.py) prove each file is classified; these prove
what a user sees when such files sit beside good minutes: the good ones are built and
queryable, every bad one is named once on stderr with its reason, a summary counts what
was built and skipped, and the exit code is the documented one (1: something skipped;
2: nothing readable). The commands run as real processes of the installed ``kg``.

The corpus is written by the test. Files that look bad but that ingest is meant to read
(Windows-1252, UTF-16 with a BOM, UTF-8 with a stray byte, a PDF saved as ``.txt``, one
5 MB line) are built, not skipped: each carries its own board and chair so the test can
see the text came through whole. Councils, boards and people are fictional.

Last, what a terminal shows: a progress bar on a tty (a pseudo-terminal here), finished
before the skipped files are named; nothing but the messages in a pipe.
"""

from __future__ import annotations

import codecs
import json
import os
import pty
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.ingest import MAX_FILE_BYTES

KG = str(Path(sys.executable).with_name("kg"))
ROBUST = Path(__file__).resolve().parent / "texts" / "robust"

# document id -> (chair, board) for every file that must be built
GOOD = {
    "larkmoor_children": ("Imogen Featherstone", "Larkmoor Safeguarding Children Partnership"),
    "fernley_adults": ("Desmond Okoro", "Fernley Safeguarding Adults Board"),
}
TOLERATED = {
    "windows1252": ("Ann Kerr", "Pinebury Safeguarding Adults Board"),
    "utf16_bom": ("Ian Dove", "Quarrydale Safeguarding Children Partnership"),
    "stray_byte": ("Siân Pryce", "Glenmere Safeguarding Adults Board"),
    "pdf_saved_as_txt": ("Ruth Hale", "Oakhurst Safeguarding Adults Board"),
}
LONG_LINE = "one_line"  # 5 MB on one line: read and extracted (no chair in it)
BUILT = {*GOOD, *TOLERATED, LONG_LINE}

# file name -> the words of its reason that must appear on its stderr line
BAD = {
    "empty.txt": "has no text",
    "binary.txt": "binary data",
    "undecodable.txt": "unknown encoding",
    "huge.txt": "too large",
    "scripts.html": "no visible text in the page",
    "scan.pdf": "no text layer",
    "sheet.xls": "unsupported file type '.xls'",
}


def minutes(council: str, chair: str, board: str) -> str:
    """A short minute in the shape the extractor reads: council, item, chair in apposition."""
    return (f"{council}\n\nCabinet - Monday 3 June 2024\n\n6. {board} Annual Report\n\n"
            f"Dr {chair}, Independent Chair of the {board}, presented the annual report. "
            f"The Cabinet noted the report – costs of £4,000 were “agreed”.\n")


def pdf_bytes(*pages: list[str]) -> bytes:
    """A PDF with one page per list of lines (fpdf2; a page with no lines has no text)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    for lines in pages:
        pdf.add_page()
        if not lines:
            pdf.rect(20, 20, 50, 50)  # a "scan": something on the page, but no text layer
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def write_corpus(folder: Path) -> tuple[Path, Path]:
    """The minutes folder (good, tolerated and bad files) and the .xls named on its own."""
    minutes_dir = folder / "minutes"
    minutes_dir.mkdir(parents=True)
    for doc in GOOD:
        shutil.copy(ROBUST / f"{doc}.txt", minutes_dir)
    chair, board = TOLERATED["windows1252"]
    (minutes_dir / "windows1252.txt").write_bytes(minutes("Pinebury Borough Council", chair, board).encode("cp1252"))
    chair, board = TOLERATED["utf16_bom"]
    (minutes_dir / "utf16_bom.txt").write_bytes(
        codecs.BOM_UTF16_LE + minutes("Quarrydale City Council", chair, board).encode("utf-16-le"))
    chair, board = TOLERATED["stray_byte"]
    text = minutes("Glenmere County Council", chair, board).replace("£", "\udca3")  # a lone cp1252 £ byte
    (minutes_dir / "stray_byte.txt").write_bytes(text.encode("utf-8", "surrogateescape"))
    chair, board = TOLERATED["pdf_saved_as_txt"]
    (minutes_dir / "pdf_saved_as_txt.txt").write_bytes(pdf_bytes(
        ["Oakhurst District Council", "Minutes of the Cabinet, 5 June 2024",
         f"Ms {chair}, Independent Chair of the {board}, presented the annual report."]))
    (minutes_dir / "one_line.txt").write_text("The partnership reviewed its safeguarding arrangements; " * 90_000)

    (minutes_dir / "empty.txt").write_bytes(b"")
    rng = random.Random(7)
    (minutes_dir / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (minutes_dir / "undecodable.txt").write_bytes(b"abc \x81\x8d\x8f\x90\x9d" * 20)
    with (minutes_dir / "huge.txt").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: 50 MB and a byte, nothing written
    (minutes_dir / "scripts.html").write_text(
        "<!DOCTYPE html><html><head><title>Minutes</title><script>var a = '<p>x</p>';</script></head><body>"
        + "<script>document.write('Independent Chair');</script><noscript>Enable JavaScript</noscript>" * 300
        + "</body></html>")
    (minutes_dir / "scan.pdf").write_bytes(pdf_bytes([], []))
    elsewhere = folder / "elsewhere"
    elsewhere.mkdir()
    sheet = elsewhere / "sheet.xls"
    sheet.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    return minutes_dir, sheet


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    def skipped_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("skipped: ")]


def start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([KG, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen[str]) -> Run:
    stdout, stderr = process.communicate(timeout=180)
    return Run(process.returncode, stdout, stderr)


def run(*args: str, cwd: Path) -> Run:
    return finish(start(*args, cwd=cwd))


@dataclass(frozen=True)
class Corpus:
    root: Path
    minutes: Path
    sheet: Path
    store: Path
    build: Run
    extract: Run

    def path(self, name: str) -> Path:
        """Where a file of BAD is: the .xls is named on the command line, the rest are in the folder."""
        return self.sheet if name == self.sheet.name else self.minutes / name


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Build and extract the corpus once, at the same time (the 5 MB line takes most of
    the time in each, and they use one core each)."""
    root = tmp_path_factory.mktemp("bad_inputs")
    minutes_dir, sheet = write_corpus(root)
    store = root / "store"
    # --budget 0: the 5 MB line must be read and extracted however busy the machine is; the
    # per-document time budget has its own tests (test_batch_budget.py)
    build = start("build", str(minutes_dir), str(sheet), "--store", str(store), "--jobs", "1", "--budget", "0",
                  cwd=root)
    extract = start("extract", str(minutes_dir), str(sheet), "--jobs", "1", "--budget", "0", cwd=root)
    return Corpus(root, minutes_dir, sheet, store, finish(build), finish(extract))


def assert_each_bad_file_named_once(corpus: Corpus, result: Run) -> None:
    lines = result.skipped_lines()
    assert len(lines) == len(BAD), result.stderr
    for name, reason in BAD.items():
        mine = [line for line in lines if line.startswith(f"skipped: {corpus.path(name)}: ")]
        assert len(mine) == 1, (name, result.stderr)
        assert reason in mine[0], mine[0]
    for doc in BUILT:
        assert doc not in result.stderr


# --- kg build ---------------------------------------------------------------------------------

def test_build_exits_1_and_summarises_built_and_skipped(corpus: Corpus) -> None:
    result = corpus.build
    assert result.code == 1, result.stderr
    first, second = result.stdout.splitlines()[:2]
    assert first.startswith(f"built {len(BUILT)} document(s) into {corpus.store}/ "
                            f"({len(BUILT)} extracted, 0 unchanged; ")
    assert second == f"skipped {len(BAD)} file(s) that could not be read (named above)"
    assert "skipped" not in result.stdout.split("\n", 2)[2]  # only the summary, once


def test_build_names_each_bad_file_with_its_reason(corpus: Corpus) -> None:
    assert_each_bad_file_named_once(corpus, corpus.build)


def test_build_messages_read_as_sentences(corpus: Corpus) -> None:
    """The exact wording, so a change to kg/errors.py is a visible decision."""
    lines = corpus.build.skipped_lines()
    path = corpus.path
    supported = ".txt, .text, .md, .html, .htm, .xhtml, .pdf or .docx"
    assert sorted(lines) == sorted([
        f"skipped: {path('empty.txt')}: has no text; remove it from the inputs or add the minutes' text",
        f"skipped: {path('binary.txt')}: is binary data (too many control bytes), not text; "
        f"save the minutes as {supported} and read that instead",
        f"skipped: {path('undecodable.txt')}: text is in an unknown encoding "
        "(byte 4 is neither UTF-8 nor Windows-1252); re-save it as UTF-8",
        f"skipped: {path('huge.txt')}: too large (just over the limit of 50.0 MB); split it into smaller files",
        f"skipped: {path('scripts.html')}: has no text (no visible text in the page); "
        "remove it from the inputs or add the minutes' text",
        f"skipped: {path('scan.pdf')}: has no text (no text layer: a scanned PDF needs OCR first); "
        "remove it from the inputs or add the minutes' text",
        f"skipped: {path('sheet.xls')}: unsupported file type '.xls'; convert it to {supported}",
    ])


def test_good_and_tolerated_files_are_built_and_their_chairs_queryable(corpus: Corpus) -> None:
    store = corpus.store
    result = run("query", "chairs", "--store", str(store), "--format", "json", cwd=corpus.root)
    assert result.code == 0, result.stderr
    rows = {(b["document"]["value"], b["name"]["value"], b["board"]["value"])
            for b in json.loads(result.stdout)["results"]["bindings"]}
    assert rows == {(doc, chair, board) for doc, (chair, board) in {**GOOD, **TOLERATED}.items()}
    facts = [json.loads(line) for line in (store / "facts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {f["document"] for f in facts} == BUILT


# --- kg extract ------------------------------------------------------------------------------

def test_extract_exits_1_prints_the_good_facts_and_a_summary(corpus: Corpus) -> None:
    result = corpus.extract
    assert result.code == 1, result.stderr
    facts = [json.loads(line) for line in result.stdout.splitlines()]
    assert {f["document"] for f in facts} == BUILT
    chairs = {(f["document"], p["name"]) for f in facts for c in f["chairs"] for p in f["people"]
              if p["id"] == c["person"]}
    assert chairs == {(doc, chair) for doc, (chair, _) in {**GOOD, **TOLERATED}.items()}
    assert result.stderr.splitlines()[-1] == (f"extracted {len(BUILT)} document(s); "
                                              f"skipped {len(BAD)} file(s) that could not be read (named above)")


def test_extract_names_each_bad_file_with_its_reason(corpus: Corpus) -> None:
    assert_each_bad_file_named_once(corpus, corpus.extract)
    assert sorted(corpus.extract.skipped_lines()) == sorted(corpus.build.skipped_lines())


# --- nothing readable -----------------------------------------------------------------------

def test_nothing_readable_exits_2_and_leaves_the_previous_build_alone(tmp_path: Path) -> None:
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(ROBUST / "larkmoor_children.txt", good)
    store = tmp_path / "store"
    assert run("build", str(good), "--store", str(store), "--jobs", "1", "--no-view", cwd=tmp_path).code == 0
    before = {name: (store / name).read_bytes() for name in ("kg.ttl", "facts.jsonl", "entities.jsonl")}

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "undecodable.txt").write_bytes(b"abc \x81\x8d\x8f\x90\x9d" * 20)
    missing = tmp_path / "no-such-folder"
    result = run("build", str(bad), str(missing), "--store", str(store), "--jobs", "1", cwd=tmp_path)
    assert result.code == 2, result.stderr
    assert result.skipped_lines() == [
        f"skipped: {bad / 'empty.txt'}: has no text; remove it from the inputs or add the minutes' text",
        f"skipped: {bad / 'undecodable.txt'}: text is in an unknown encoding "
        "(byte 4 is neither UTF-8 nor Windows-1252); re-save it as UTF-8",
        f"skipped: {missing}: cannot be opened (no such file or folder); "
        "check that it exists and that you may read it",
    ]
    assert result.stdout.splitlines() == [
        f"built nothing: no document could be read; {store}/ was left as it was",
        "skipped 3 file(s) that could not be read (named above)",
    ]
    assert {name: (store / name).read_bytes() for name in before} == before
    chairs = run("query", "chairs", "--store", str(store), "--format", "csv", cwd=tmp_path)
    assert chairs.code == 0 and "Imogen Featherstone" in chairs.stdout

    extracted = run("extract", str(bad), str(missing), "--jobs", "1", cwd=tmp_path)
    assert extracted.code == 2
    assert extracted.stdout == ""
    assert extracted.skipped_lines() == result.skipped_lines()
    assert extracted.stderr.splitlines()[-1] == (
        "extracted 0 document(s); skipped 3 file(s) that could not be read (named above)")


# --- what a terminal shows ------------------------------------------------------------------

def read_terminal(master: int) -> bytes:
    """Everything written to a pseudo-terminal until its last writer closes it."""
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the other side is closed (Linux)
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    folder.mkdir()
    for doc in GOOD:
        shutil.copy(ROBUST / f"{doc}.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_progress_bar_on_a_terminal_then_the_skipped_file_on_its_own_line(small_corpus: Path,
                                                                          tmp_path: Path) -> None:
    master, slave = pty.openpty()
    process = subprocess.Popen([KG, "build", str(small_corpus), "--store", str(tmp_path / "store"), "--jobs", "1"],
                               cwd=tmp_path, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    try:
        terminal = read_terminal(master).decode("utf-8")
    finally:
        os.close(master)
    stdout, _ = process.communicate(timeout=120)
    assert process.returncode == 1
    assert "extract   [####################################]  100%" in terminal
    assert "store     [####################################]  100%" in terminal
    # the bars are finished (cursor shown, new line) before the error is written
    assert terminal.endswith(f"\x1b[?25h\r\nskipped: {small_corpus / 'empty.txt'}: has no text; "
                             "remove it from the inputs or add the minutes' text\r\n")
    assert "[#" not in stdout.decode() and "\r" not in stdout.decode()
    assert stdout.decode().startswith("built 2 document(s) into ")


def test_no_progress_bar_in_a_pipe(small_corpus: Path, tmp_path: Path) -> None:
    result = run("build", str(small_corpus), "--store", str(tmp_path / "store"), "--jobs", "1", cwd=tmp_path)
    assert result.code == 1
    assert result.stderr == (f"skipped: {small_corpus / 'empty.txt'}: has no text; "
                             "remove it from the inputs or add the minutes' text\n")
    assert "[#" not in result.stdout and "\r" not in result.stdout and "\x1b" not in result.stdout
