"""Ingest: good files give exactly the right text, bad files the right named error.

All sample text is invented here (a fictional Westshire council); files are made in
tmp_path, PDFs with fpdf2 and .docx packages with zipfile.

The "quickly" and "does not hang" guards bound this process's CPU time (time.process_time),
not the wall clock: they catch quadratic or unbounded work, and a machine shared with other
jobs does not make them fail (a wall-clock bound did, at load 11).
"""

from __future__ import annotations

import codecs
import io
import os
import pickle
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest

from kg import ingest
from kg.errors import (BinaryFile, CorruptFile, DuplicateId, EmptyFile, InputError, KgError, NoStore,
                       StoreError, TooLarge, UndecodableText, Unreadable, UnsupportedType)
from kg.model import Document
from kg.ingest import (Listing, decode_bytes, html_to_text, iter_documents, list_inputs,
                       meta_charset, normalise_text, read_document)

MINUTES = (
    "Westshire County Council\n"
    "Minutes of the Westshire Safeguarding Adults Board, 3 March 2022\n"
    "\n"
    "Present: Cllr Ann Lee (Chair) – Westshire County Council; Dr Tomas Berg, Westshire NHS.\n"
    "The Chair’s report noted the partnership’s “Making Safeguarding Personal” audit.\n"
    "The budget of £40,000 was agreed.\n"
)
CP1252_SAMPLE = "The Board’s “annual report” – cost £12,500 – was noted.\n"


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def two_page_pdf(page1: str, page2: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in (page1, page2):
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def docx_bytes(body: str, title: str | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", xml)
        if title is not None:
            package.writestr("docProps/core.xml", (
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>'))
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return buffer.getvalue()


def para(text: str, listed: bool = False) -> str:
    ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' if listed else ""
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


# --- plain text and encodings ------------------------------------------------------------

def test_utf8_text_is_read_exactly(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "wsab-2022-03-03.txt", MINUTES))
    assert doc.text == MINUTES
    assert doc.id == "wsab-2022-03-03"
    assert doc.source == str(tmp_path / "wsab-2022-03-03.txt")
    assert doc.media_type == "text/plain"
    assert doc.title is None and doc.pages == () and doc.page_at(10) is None


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-16-le", b""), ("utf-16-be", b""),
])
def test_unicode_encodings_with_and_without_bom(tmp_path: Path, encoding: str, bom: bytes) -> None:
    doc = read_document(write(tmp_path, "m.txt", bom + MINUTES.encode(encoding)))
    assert doc.text == MINUTES
    assert "\ufeff" not in doc.text


def test_windows_1252_keeps_pound_quotes_and_dashes(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "w.txt", CP1252_SAMPLE.encode("cp1252")))
    assert doc.text == CP1252_SAMPLE
    assert "£12,500" in doc.text and "“annual report”" in doc.text and "Board’s" in doc.text


@pytest.mark.parametrize("short", ["It’s £5", "£", "café – naïve", "Chair’s"])
def test_short_windows_1252_is_not_misread(short: str) -> None:
    # charset-normalizer alone reads these as cp1250, EBCDIC or UTF-16
    assert decode_bytes(short.encode("cp1252")) == short


def test_utf8_with_stray_windows_1252_byte_keeps_both(tmp_path: Path) -> None:
    raw = "Cllr Lee’s motion – agreed. ".encode("utf-8") + b"Cost \xa3300 (\x93approx\x94)."
    doc = read_document(write(tmp_path, "mixed.txt", raw))
    assert doc.text == "Cllr Lee’s motion – agreed. Cost £300 (“approx”)."


def test_line_endings_controls_and_nfc_are_normalised(tmp_path: Path) -> None:
    raw = "Item 1\r\nItem 2\rItem 3\x0cPage two\x07 Cafe\u0301\tend\u2028last".encode("utf-8")
    doc = read_document(write(tmp_path, "n.txt", raw))
    assert doc.text == "Item 1\nItem 2\nItem 3\nPage two Caf\u00e9\tend\nlast"
    assert unicodedata.is_normalized("NFC", doc.text)


def test_a_few_nuls_are_removed_many_mean_binary(tmp_path: Path) -> None:
    text = MINUTES * 3
    doc = read_document(write(tmp_path, "nul.txt", text[:100] + "\x00" + text[100:]))
    assert doc.text == text
    with pytest.raises(BinaryFile):
        read_document(write(tmp_path, "nuls.txt", MINUTES.replace(" ", "\x00")))
    assert unicodedata.is_normalized("NFC", doc.text)


def test_markdown_title_and_media_type(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "notes.md", "Intro line\n\n# Westshire SAB minutes #\n\nText.\n"))
    assert doc.title == "Westshire SAB minutes"
    assert doc.media_type == "text/markdown"


def test_markdown_title_search_is_linear(tmp_path: Path) -> None:
    started = time.process_time()
    doc = read_document(write(tmp_path, "hashes.md", "# " + "#" * 200_000 + "\nBody text"))
    assert doc.title is None and time.process_time() - started < 1


def test_normalise_text_keeps_tabs_and_newlines() -> None:
    assert normalise_text("a\tb\nc\x1bd\ufeffe\x85f") == "a\tb\ncde\nf"
    assert normalise_text("Independent\xa0Chair\u202f£5") == "Independent Chair £5"


# --- HTML ----------------------------------------------------------------------------------

HOSTILE_PAGE = """<!DOCTYPE html>
<!-- saved from url=(0040)https://democracy.westshire.example/ -->
<html lang="en"><head>
<meta charset="utf-8">
<title>Westshire Council &ndash; Cabinet &amp; Safeguarding</title>
<script>document.write("<p>SCRIPT LEAK</p>"); var s = "</div>";</script>
<style>p::before { content: "STYLE LEAK"; }</style>
</head>
<body class="nav-open">
<a class="skip-link" href="#main">Skip to main content</a>
<header><div class="logo">WESTSHIRE BANNER</div><ul><li>Home</li><li>Councillors</li></ul></header>
<nav><ul><li><a href="/">NAV LEAK</a></li></ul></nav>
<div id="mainMenu">MENU LEAK</div>
<div class="breadcrumb">Home &gt; Meetings BREADCRUMB LEAK</div>
<div id="cookie-banner">We use cookies COOKIE LEAK</div>
<main id="main">
<article>
<header><h1>Cabinet, 21&nbsp;December&nbsp;2021</h1></header>
<!-- <p>COMMENT LEAK</p> -->
<p>Councillor Ann&nbsp;Lee introduced the Independent Chair of the Board,
   Priya Okafor.&nbsp; She thanked staff &ndash; and partners&rsquo; leads.</p>
<p>Costs rose by &pound;1.2m &#150; a 4&#37; rise &#x2013; see &#8220;Annex&nbsp;A&#8221;.</p>
<p hidden>HIDDEN ATTR LEAK</p>
<div style="display: none">DISPLAY NONE LEAK</div>
<span aria-hidden="true">ARIA LEAK</span>
<span class="sr-only">SR LEAK</span>
<noscript>NOSCRIPT LEAK</noscript>
<template><p>TEMPLATE LEAK</p></template>
<ul><li>Strengths of the Board<li><p>Learning from reviews</p></li><li></li></ul>
<p>Line one<br>Line two<br/>Line three</p>
<table><tr><th>Role</th><th>Name</th></tr><tr><td>Chair</td><td>Priya Okafor</td></tr></table>
<div>Resolved</div><div>that the report be noted.</div>
<form><select><option>OPTION LEAK</option></select><button>BUTTON LEAK</button><input value="INPUT LEAK"></form>
<svg><title>SVG LEAK</title><text>SVG TEXT LEAK</text></svg>
<iframe src="x">IFRAME LEAK</iframe>
</article>
</main>
<aside>SIDEBAR LEAK</aside>
<footer>FOOTER LEAK &copy; Westshire</footer>
<script>var after = 'LATE SCRIPT LEAK';
"""


def test_hostile_html_page_gives_only_the_minutes(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "cabinet-2021-12-21.html", HOSTILE_PAGE))
    assert doc.title == "Westshire Council – Cabinet & Safeguarding"
    assert doc.media_type == "text/html"
    assert "LEAK" not in doc.text
    assert "WESTSHIRE BANNER" not in doc.text and "Skip to main" not in doc.text
    assert doc.text.startswith("Cabinet, 21 December 2021\n\n")
    assert ("Councillor Ann Lee introduced the Independent Chair of the Board, Priya Okafor. "
            "She thanked staff – and partners’ leads.") in doc.text
    assert "Costs rose by £1.2m – a 4% rise – see “Annex A”." in doc.text
    assert "\n· Strengths of the Board\n" in doc.text
    assert "\n· Learning from reviews\n" in doc.text
    assert "\n·\n" not in doc.text and not doc.text.endswith("·")
    assert "Line one\nLine two\nLine three" in doc.text
    assert "Role\tName\nChair\tPriya Okafor" in doc.text
    assert "Resolved\nthat the report be noted." in doc.text
    assert "\n\n\n" not in doc.text and "  " not in doc.text and "\xa0" not in doc.text


def test_html_saved_as_txt_is_detected_and_stripped(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "saved.txt", HOSTILE_PAGE))
    assert doc.media_type == "text/html"
    assert "LEAK" not in doc.text and "Priya Okafor" in doc.text
    assert doc.id == "saved"


def test_html_meta_charset_windows_1252_is_honoured(tmp_path: Path) -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            "<title>Board</title></head><body><p>The Chair’s fee: £300 – “agreed”.</p></body></html>")
    doc = read_document(write(tmp_path, "p.htm", page.encode("cp1252")))
    assert doc.text == "The Chair’s fee: £300 – “agreed”."  # iso-8859-1 means cp1252, as in browsers


def test_html_utf8_bytes_win_over_a_wrong_meta_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Partners’ £5 – ok</p></body></html>'
    assert read_document(write(tmp_path, "p.html", page)).text == "Partners’ £5 – ok"


def test_meta_charset_labels() -> None:
    assert meta_charset(b'<meta charset="UTF-8">') == "utf-8"
    assert meta_charset(b"<meta charset=latin1>") == "cp1252"
    assert meta_charset(b'<meta charset="utf-16">') is None
    assert meta_charset(b'<meta charset="no-such-codec">') is None
    assert meta_charset(b"<p>charset=utf-8</p>") is None


def test_class_heuristics_are_dropped_when_they_leave_nothing() -> None:
    title, text = html_to_text('<html><body><div class="menu-page">Only text here</div></body></html>')
    assert (title, text) == (None, "Only text here")


def test_unclosed_html_is_read_as_browsers_do() -> None:
    title, text = html_to_text("<div>" * 500 + "deep <b>bold <i>text" + "<p>next<td>cell</script>")
    assert text == "deep bold text\n\nnextcell"


@pytest.mark.parametrize("name, page", [
    # lexbor alone: 6 s; quadratic in depth
    ("deep.html", "<div>" * 50_000 + "deep"),
    # lexbor alone: 1.6 GB and 2 s for 3,000; every <p> re-opens every unclosed <b>
    ("reopen.html", "".join(f"<p><b id={i}>x" for i in range(20_000))),
    # the same through text: 3 GB and 30 s
    ("reopen-text.html", "<p>" + "".join(f"<b id={i}>" for i in range(3000)) + "</p>" + "<p>x</p>" * 3000),
    ("lists.html", "<ul><li>" * 10_000),
])
def test_html_that_would_blow_up_the_parser_is_refused_quickly(tmp_path: Path, name: str, page: str) -> None:
    started = time.process_time()
    assert_error(write(tmp_path, name, page), CorruptFile, "HTML page", "nested or left open")
    assert time.process_time() - started < 2


@pytest.mark.parametrize("page", [
    "<p>paragraph without end tag" * 30_000,
    "<P><B><I>old markup never closed" * 20_000,
    "<table>" + "".join(f"<tr><td><font size={i % 7}>x<td><b>y" for i in range(20_000)) + "</table>",
    "".join(f'<p><a href="/m{i}">Minutes {i}</a> and <b>notes</b></p>' for i in range(20_000)),
])
def test_large_ordinary_html_is_not_refused(page: str) -> None:
    started = time.process_time()
    _, text = html_to_text(page)
    assert len(text) > 50_000
    assert time.process_time() - started < 5


def test_markup_cost_is_zero_for_an_ordinary_page() -> None:
    assert ingest.markup_cost(HOSTILE_PAGE) == (0, 0)
    depth, reopened = ingest.markup_cost("<div>" * 20_000)
    assert depth > ingest.MAX_HTML_NESTING_WORK and reopened == 0


def test_html_header_inside_article_is_content_but_page_header_is_not() -> None:
    _, text = html_to_text("<body><header>Site</header><article><header>Item 5</header>"
                           "<p>Body</p><footer>Moved: Cllr Lee</footer></article></body>")
    assert text == "Item 5\n\nBody\n\nMoved: Cllr Lee"


# --- PDF and DOCX --------------------------------------------------------------------------

PAGE1 = "Westshire Safeguarding Adults Board\nMinutes of 3 March 2022 - budget £40,000"
PAGE2 = "Item 7: the Independent Chair, Priya Okafor, presented the annual report."


def test_pdf_pages_and_offsets(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "wsab.pdf", two_page_pdf(PAGE1, PAGE2)))
    assert doc.media_type == "application/pdf"
    assert doc.text == PAGE1 + "\n\n" + PAGE2
    assert doc.pages == (0, len(PAGE1) + 2)
    assert doc.page_at(doc.text.index("Okafor")) == 2
    assert doc.page_at(doc.text.index("£40,000")) == 1
    assert doc.page_at(doc.pages[1]) == 2 and doc.page_at(doc.pages[1] - 1) == 1


def test_pdf_renamed_txt_is_read_as_pdf(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "renamed.txt", two_page_pdf(PAGE1, PAGE2)))
    assert doc.media_type == "application/pdf"
    assert doc.page_at(doc.text.index("Item 7")) == 2


def test_pdf_without_text_is_empty(tmp_path: Path) -> None:
    with pytest.raises(EmptyFile, match="OCR"):
        read_document(write(tmp_path, "scan.pdf", two_page_pdf("", "")))


def test_docx_paragraphs_lists_tables_and_title(tmp_path: Path) -> None:
    body = (para("Westshire Safeguarding Children Partnership") + para("The partners are:")
            + para("Westshire County Council", listed=True) + para("Westshire Police", listed=True)
            + "<w:tbl><w:tr><w:tc>" + para("Chair") + "</w:tc><w:tc>" + para("Priya Okafor")
            + "</w:tc></w:tr><w:tr><w:tc>" + para("Vice") + "</w:tc><w:tc>" + para("Dr Berg")
            + "</w:tc></w:tr></w:tbl>"
            + '<w:p><w:r><w:t>Agreed</w:t></w:r><w:del><w:r><w:delText>DELETED LEAK</w:delText></w:r></w:del>'
            + "<w:r><w:tab/><w:t>unanimously</w:t></w:r></w:p>")
    doc = read_document(write(tmp_path, "wscp.docx", docx_bytes(body, title="WSCP minutes")))
    assert doc.text == ("Westshire Safeguarding Children Partnership\n\nThe partners are:\n\n"
                        "· Westshire County Council\n· Westshire Police\n\n"
                        "Chair\tPriya Okafor\nVice\tDr Berg\n\nAgreed\tunanimously")
    assert doc.title == "WSCP minutes"
    assert doc.media_type.endswith("wordprocessingml.document")


def test_docx_renamed_txt_is_read_as_docx(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "d.txt", docx_bytes(para("Hello board"))))
    assert doc.text == "Hello board"


# --- bad files -----------------------------------------------------------------------------

def assert_error(path: Path, kind: type[InputError], *words: str) -> InputError:
    with pytest.raises(kind) as caught:
        read_document(path)
    error = caught.value
    assert error.path == path
    assert str(path) in str(error) and "\n" not in str(error)
    for word in words:
        assert word in str(error)
    return error


@pytest.mark.parametrize("name, data, kind, words", [
    ("empty.txt", b"", EmptyFile, ["has no text"]),
    ("blank.txt", b"  \n\t\r\n ", EmptyFile, []),
    ("blank16.txt", codecs.BOM_UTF16_LE + "  \n ".encode("utf-16-le"), EmptyFile, []),
    ("scripts.html", b"<html><head><title>T</title><script>x()</script></head><body> </body></html>",
     EmptyFile, ["no visible text"]),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(200), BinaryFile, ["PNG image"]),
    ("nuls.txt", b"minutes\x00\x00\x00\x01\x02 of the board" * 10, BinaryFile, ["NUL"]),
    ("ctrl.txt", bytes([1, 2, 3, 4, 5, 6, 0x1b, 0x7f]) * 10 + b"text", BinaryFile, ["control"]),
    ("archive.txt", b"PK\x03\x04" + b"\x00" * 100, BinaryFile, []),
    ("old.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, BinaryFile, [".doc"]),
    ("bad-bom.txt", codecs.BOM_UTF8 + b"ok \xff\xfe bad", UndecodableText, ["UTF-8", "re-save it as UTF-8"]),
    ("odd16.txt", codecs.BOM_UTF16_LE + b"a\x00b", UndecodableText, ["UTF-16"]),
    ("undefined.txt", b"abc \x81\x8d\x8f\x90\x9d" * 20, UndecodableText, ["Windows-1252"]),
    ("error-page.pdf", b"<!DOCTYPE html><html><body>404 Not Found</body></html>", CorruptFile,
     ["PDF", "HTML page"]),
    ("truncated.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", CorruptFile, ["PDF"]),
    ("text.docx", b"just some text", CorruptFile, ["docx"]),
    ("data.csv", b"a,b\n1,2\n", UnsupportedType, ["'.csv'", ".docx"]),
    ("noext", b"text", UnsupportedType, ["no extension"]),
])
def test_bad_files_raise_named_errors(tmp_path: Path, name: str, data: bytes,
                                      kind: type[InputError], words: list[str]) -> None:
    error = assert_error(write(tmp_path, name, data), kind, *words)
    assert isinstance(error, InputError) and isinstance(error, KgError)


def test_invalid_utf8_that_is_windows_1252_is_read(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "w.txt", b"Fee \xa3300 \x96 agreed"))
    assert doc.text == "Fee £300 – agreed"


def test_docx_with_dtd_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()  # entity expansion ("billion laughs") needs a DTD; Word never writes one
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    assert_error(write(tmp_path, "bomb.docx", buffer.getvalue()), CorruptFile, "DTD")


def test_missing_folder_and_fifo_are_unreadable(tmp_path: Path) -> None:
    assert_error(tmp_path / "missing.txt", Unreadable, "no such file")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert_error(folder, Unreadable, "folder")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert_error(fifo, Unreadable, "not a regular file")


def test_permission_denied_is_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", MINUTES)

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    assert_error(path, Unreadable, "permission denied")


def test_huge_file_is_refused_by_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(8 * 1024 ** 3)  # sparse 8 GB: reading it would take minutes
    started = time.process_time()
    assert_error(path, TooLarge, "8.0 GB", "50.0 MB", "split")
    assert time.process_time() - started < 1


def test_fifty_megabyte_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "fifty.txt"
    path.write_bytes(b"x" * (ingest.MAX_FILE_BYTES + 1))
    started = time.process_time()
    assert_error(path, TooLarge, "50.0 MB")
    assert time.process_time() - started < 2


def test_text_over_the_character_limit_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(b"The board met. " * (ingest.MAX_TEXT_CHARS // 15 + 1))  # ~20 MB, under 50 MB
    started = time.process_time()
    assert_error(path, TooLarge, "characters")
    assert time.process_time() - started < 5


def test_character_limit_applies_to_extracted_html_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.ingest.common.MAX_TEXT_CHARS", 50)
    page = "<html><body><script>" + "x" * 500 + "</script><p>short text</p></body></html>"
    assert read_document(write(tmp_path, "ok.html", page)).text == "short text"
    assert_error(write(tmp_path, "big.html", "<p>" + "word " * 30 + "</p>"), TooLarge)


def test_pdf_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("kg.ingest.pdf.MAX_PDF_PAGES", 1)
    assert_error(write(tmp_path, "two.pdf", two_page_pdf(PAGE1, PAGE2)), TooLarge, "2 pages")


@pytest.mark.parametrize("name", ["one-line.txt", "one-line.html"])
def test_five_megabyte_single_line_does_not_hang(tmp_path: Path, name: str) -> None:
    line = "The partnership reviewed its safeguarding arrangements; " * 90_000  # ~5 MB
    started = time.process_time()
    doc = read_document(write(tmp_path, name, line))
    assert time.process_time() - started < 5
    assert doc.text == (line if name.endswith(".txt") else line.strip())


def test_many_small_documents_are_fast(tmp_path: Path) -> None:
    text = (MINUTES * 8)[:2000]
    paths = [write(tmp_path, f"m{i:03}.txt", text) for i in range(200)]
    pages = [write(tmp_path, f"p{i:03}.html", HOSTILE_PAGE) for i in range(200)]
    read_document(pages[0])  # imports
    started = time.process_time()
    docs = [d for d in iter_documents(paths + pages) if not isinstance(d, InputError)]
    assert len(docs) == 400
    assert 400 / (time.process_time() - started) > 400  # docs/s, well over the extractor's 200


# --- batches -------------------------------------------------------------------------------

def test_iter_documents_goes_on_after_bad_files(tmp_path: Path) -> None:
    good = write(tmp_path, "a-good.txt", MINUTES)
    empty = write(tmp_path, "b-empty.txt", b"")
    binary = write(tmp_path, "c-bin.txt", b"\x00\x01\x02\x03" * 50)
    also_good = write(tmp_path, "d-good.html", HOSTILE_PAGE)
    results = list(iter_documents([good, empty, tmp_path / "nope.txt", binary, also_good,
                                   write(tmp_path, "e.exe", b"MZ")]))
    assert [type(r).__name__ for r in results] == [
        "Document", "EmptyFile", "Unreadable", "BinaryFile", "Document", "UnsupportedType"]
    assert [r.id for r in results if not isinstance(r, InputError)] == ["a-good", "d-good"]


def test_folders_are_expanded_sorted_recursively_skipping_hidden_and_unsupported(tmp_path: Path) -> None:
    root = tmp_path / "minutes"
    write(root, "b.txt", "B minutes")
    write(root, "a.md", "A minutes")
    write(root, "sub/c.html", "<p>C minutes</p>")
    write(root, "sub/deeper/d.txt", "D minutes")
    write(root, ".hidden.txt", "secret")
    write(root, ".git/config.txt", "not minutes")
    write(root, "~$draft.docx", "lock file")
    write(root, "picture.png", b"\x89PNG")
    write(root, "notes.csv", "a,b")
    listing = list_inputs([root])
    assert listing.items == (root / "a.md", root / "b.txt", root / "sub" / "c.html",
                             root / "sub" / "deeper" / "d.txt")
    assert sorted(p.name for p in listing.skipped) == [".git", ".hidden.txt", "notes.csv", "picture.png",
                                                        "~$draft.docx"]
    texts = [d.text for d in iter_documents(listing)]
    assert texts == ["A minutes", "B minutes", "C minutes", "D minutes"]


def test_same_file_twice_is_read_once_and_named_hidden_file_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "m.txt", MINUTES)
    hidden = write(tmp_path / "other", ".h.txt", "Hidden but named")
    results = list(iter_documents([path, tmp_path, hidden]))
    assert [r.id for r in results if not isinstance(r, InputError)] == ["m", ".h"]


def test_duplicate_ids_in_different_folders(tmp_path: Path) -> None:
    first = write(tmp_path, "2021/minutes.txt", "First")
    second = write(tmp_path, "2022/minutes.html", "<p>Second</p>")
    results = list(iter_documents([tmp_path]))
    assert isinstance(results[0], Document) and results[0].text == "First"
    assert isinstance(results[1], DuplicateId)
    assert results[1].path == second
    assert str(results[1]) == (f"{second}: duplicate document id 'minutes': already read from {first}; "
                               "rename one of them")


def test_listing_accepts_strings_and_reports_missing(tmp_path: Path) -> None:
    listing = list_inputs([str(tmp_path / "gone")])
    assert isinstance(listing, Listing)
    (error,) = listing.items
    assert isinstance(error, Unreadable) and "no such file or folder" in str(error)


# --- error catalogue -----------------------------------------------------------------------

def test_error_messages_are_one_line_and_pickle(tmp_path: Path) -> None:
    error = TooLarge(tmp_path / "x.txt", size="60.0 MB", limit="50.0 MB")
    assert str(error) == f"{tmp_path / 'x.txt'}: too large (60.0 MB is over the limit of 50.0 MB); " \
                         "split it into smaller files"
    assert error.reason == "too-large"
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is TooLarge and str(copy) == str(error) and copy.path == error.path
    assert str(Unreadable("a.txt", why="disk\nerror")) == ("a.txt: cannot be opened (disk error); "
                                                          "check that it exists and that you may read it")
    assert str(NoStore("build")) == "no store at build: run `kg build` first"
    assert "kg build" in str(StoreError("build", detail="locked"))
    assert issubclass(EmptyFile, InputError) and not issubclass(NoStore, InputError)


def test_pdf_wrapped_lines_are_joined_into_sentences() -> None:
    from kg.ingest import reflow_lines
    wrapped = ("Minutes\n"
               "Jane Holloway, the Independent Chair of the Oakhurst Safeguarding Children\n"
               "Partnership, presented the annual report for 2023/24 to members of the committee\n"
               "and answered their questions about the partnership's work on neglect in schools.\n"
               "Members asked how the partnership measured the impact of its training offer.\n\n"
               "Priorities\n• neglect\n• exploitation")
    out = reflow_lines(wrapped)
    assert len(out) == len(wrapped)
    assert "Oakhurst Safeguarding Children Partnership, presented" in out
    assert "committee and answered" in out
    assert out.startswith("Minutes\n") and out.endswith("Priorities\n• neglect\n• exploitation")
    assert "neglect in schools.\nMembers asked" in out
