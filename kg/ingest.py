"""Input files in, `Document`s out: the only stage that touches bytes and file formats.

Everything after ingest works on clean text: one Unicode string per file, NFC, ``\\n``
line ends, no control characters but ``\\n`` and ``\\t``. Offsets into that string are
the evidence spans of the facts, so the text must come out the same on every run.

Formats (chosen by content first, extension second):

* plain text (``.txt``, ``.text``, ``.md``), decoded as described in `decode_bytes`;
* HTML (``.html``, ``.htm``, ``.xhtml``, or any text file that starts like HTML): the
  visible text of a saved minutes page; scripts, styles, navigation, page header/footer,
  menus, forms' widgets, hidden elements and comments dropped (`html_to_text`);
* PDF (pypdf, one text per page; ``Document.pages`` = where each page starts);
* ``.docx`` (the zip's ``word/document.xml`` read with the standard library; python-docx
  would add lxml and still not give paragraphs and tables in document order).

A PDF or .docx saved under a text extension is read as what it is. A ``.pdf`` or
``.docx`` whose bytes are not that format (typically an HTML error page saved by a
download) is rejected as `CorruptFile` rather than read as text: its "text" would be a
"404 Not Found" page, not minutes.

Bad files raise the `kg.errors.InputError` subclasses; `iter_documents` yields them
instead, so one bad file never stops a batch.
"""

from __future__ import annotations

import codecs
import io
import logging
import os
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator
from xml.etree import ElementTree

from kg.errors import (BinaryFile, CorruptFile, DuplicateId, EmptyFile, InputError, TooLarge,
                       UndecodableText, Unreadable, UnsupportedType, human_size)
from kg.model import Document

# --- limits ------------------------------------------------------------------------------
# Real minutes are 2-200 KB of text; a board's annual report PDF with logos and charts is
# up to ~30 MB. The limits leave room for those and stop a mistaken input (a video, a
# database dump, /dev/zero) from filling memory or stalling the extractor's regexes.

MAX_FILE_BYTES = 50 * 1024 * 1024
"""50 MB on disk, checked with stat() before anything is read (PDFs carry images)."""

MAX_TEXT_CHARS = 20_000_000
"""20 million characters of text after decoding / extraction: ~100x the longest real
report, and at the extractor's 200+ docs/s of 2,000 characters, a minute of work."""

MAX_PDF_PAGES = 2_000
"""pypdf takes ~10-50 ms a page: 2,000 pages keeps the worst PDF around a minute."""

MAX_HTML_NESTING_WORK = 50_000_000
"""HTML5 tree building is quadratic on hostile markup, and lexbor has no cap (measured:
50,000 nested ``<div>``s, a 250 KB file, take 6 s; 3,000 ``<p><b id=N>x``, a 44 KB
file, take 2 s and 1.6 GB, as each ``<p>`` re-opens every unclosed ``<b>``). Pages whose
estimated cost (`markup_cost`) is over these limits are refused before parsing. This one
bounds the depth scans: ~0.25 s of lexbor; a real page (~20 levels) may have 2M tags."""

MAX_HTML_REOPENED = 300_000
"""...and this the elements re-opened from unclosed formatting tags: ~100 MB, ~0.1 s."""

MAX_DOCX_XML_BYTES = 200 * 1024 * 1024
"""Uncompressed ``word/document.xml``: zip bombs stop here, not in memory."""

# --- formats ------------------------------------------------------------------------------

TEXT_TYPES = {".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown"}
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML_TYPE = "text/html"
SUPPORTED_SUFFIXES = frozenset(TEXT_TYPES) | HTML_SUFFIXES | {".pdf", ".docx"}

# Signatures of files that are surely not text, and what to call them in the message.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"), (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"), (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office (.doc/.xls) file"),
    (b"{\\rtf", "an RTF document"), (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
# Only signatures no real text starts with; other binaries (a .exe's "MZ", "RIFF" media)
# fail the NUL / control-byte test of `decode_bytes` instead.


def read_document(path: Path | str) -> Document:
    """Read one supported file into a Document, or raise the `InputError` that says why not.

    The id is the file name without its extension (the contract's rule), the source the
    path as given.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedType(path, suffix)
    return parse_bytes(path, _read_bytes(path), suffix)


def parse_bytes(path: Path, raw: bytes, suffix: str) -> Document:
    """The format dispatch on already-read bytes (separate so it can be tested without I/O)."""
    if len(raw) > MAX_FILE_BYTES:
        raise TooLarge(path, size=human_size(len(raw)), limit=human_size(MAX_FILE_BYTES))
    if not raw.strip():
        raise EmptyFile(path)
    if raw.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in raw[:1024]):
        return _pdf_document(path, raw)  # PDF allows junk before its header; text may quote it
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        if _is_docx(raw):
            return _docx_document(path, raw)
        raise BinaryFile(path, "a zip archive, not a Word .docx document")
    if suffix == ".pdf":
        raise CorruptFile(path, kind="PDF", detail="no %PDF header: " + _what_is(raw))
    if suffix == ".docx":
        raise CorruptFile(path, kind="Word .docx document", detail="not a zip package: " + _what_is(raw))
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise BinaryFile(path, what)
    html_bytes = suffix in HTML_SUFFIXES or looks_like_html(raw[:2048].decode("latin-1"))
    text = decode_bytes(raw, path, declared=meta_charset(raw) if html_bytes else None)
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        title, body = html_to_text(text, path)
        return _finish(path, body, HTML_TYPE, title, hint="no visible text in the page")
    _check_chars(path, len(text))
    text = normalise_text(text)
    media = TEXT_TYPES.get(suffix, "text/plain")
    return _finish(path, text, media, _markdown_title(text) if media == "text/markdown" else None)


def _finish(path: Path, text: str, media_type: str, title: str | None,
            pages: tuple[int, ...] = (), hint: str = "") -> Document:
    if not text.strip():
        raise EmptyFile(path, hint)
    _check_chars(path, len(text))
    return Document(id=path.stem, text=text, source=str(path), media_type=media_type,
                    title=title or None, pages=pages)


def _check_chars(path: Path, n: int) -> None:
    if n > MAX_TEXT_CHARS:
        raise TooLarge(path, size=f"{n:,} characters", limit=f"{MAX_TEXT_CHARS:,} characters")


def _read_bytes(path: Path) -> bytes:
    """All the bytes of a regular file, the size checked before reading and while reading."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise Unreadable(path, "it is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(path, "not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise TooLarge(path, size=human_size(info.st_size), limit=human_size(MAX_FILE_BYTES))
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # a file growing under us stays bounded
    except FileNotFoundError:
        raise Unreadable(path, "no such file") from None
    except PermissionError:
        raise Unreadable(path, "permission denied") from None
    except OSError as error:
        raise Unreadable(path, error.strerror or type(error).__name__) from None
    if len(raw) > MAX_FILE_BYTES:
        raise TooLarge(path, size=f"over {human_size(MAX_FILE_BYTES)}", limit=human_size(MAX_FILE_BYTES))
    if not raw:
        raise EmptyFile(path)
    return raw


def _what_is(raw: bytes) -> str:
    """A few words on what a mislabelled file really holds, for the error message."""
    if looks_like_html(raw[:2048].decode("latin-1")):
        return "it is an HTML page (an error page saved by a download?)"
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            return f"it is {what}"
    return "it holds something else"


# --- text decoding ------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_MAX_NUL_SHARE = 0.01      # text has next to no NULs; UTF-16 is handled before this test
_MAX_CONTROL_SHARE = 0.05  # random bytes have ~11% control bytes, text ~0%
_MAX_HIGH_SHARE_1252 = 0.3  # Western text: mostly ASCII with a few £ ’ – bytes
_MIN_GUESS_BYTES = 64  # below this no statistical guess is worth more than the cp1252 prior


def _utf8_or_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Decode error handler: a stray byte in UTF-8 text is a pasted Windows-1252 character."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return "".join(_cp1252_char(b) for b in bad), error.end


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the 5 bytes cp1252 leaves undefined
        return ""


codecs.register_error("kg-cp1252", _utf8_or_cp1252)


def decode_bytes(raw: bytes, path: Path | None = None, declared: str | None = None) -> str:
    """Bytes claimed to be text -> str, or `BinaryFile` / `UndecodableText`.

    Order, most certain first: a byte-order mark (UTF-8/16/32); UTF-16 without BOM when
    the NUL bytes sit in every other position; then binary data is refused (NULs, control
    bytes); strict UTF-8; UTF-8 with a few stray Windows-1252 bytes (copy-paste) decoded
    as such; the ``declared`` charset (an HTML ``<meta>``); Windows-1252 when the text is
    mostly ASCII or too short to guess from (charset-normalizer misreads short English
    cp1252 text as cp1250, EBCDIC or UTF-16, measured); charset-normalizer for other
    scripts; Windows-1252 at last.
    The result is NOT yet normalised: see `normalise_text`.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return _check_decoded(raw[len(bom):].decode(codec), path)
            except UnicodeDecodeError as error:
                raise UndecodableText(path, f"invalid {codec.upper()} after its byte-order mark "
                                            f"at byte {error.start + len(bom)}") from None
    codec = _utf16_without_bom(raw)
    if codec:
        try:
            return _check_decoded(raw.decode(codec), path)
        except UnicodeDecodeError:
            pass
    _refuse_binary(raw, path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    utf8_chars = utf8_bytes = 0
    for match in _UTF8_MULTIBYTE.finditer(raw):
        utf8_chars += 1
        utf8_bytes += match.end() - match.start()
    if utf8_chars and high - utf8_bytes <= 4 * utf8_chars:  # UTF-8 with a few stray bytes
        return raw.decode("utf-8", errors="kg-cp1252")
    if declared:
        try:
            return raw.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    if high <= _MAX_HIGH_SHARE_1252 * len(raw) or len(raw) < _MIN_GUESS_BYTES:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
    guess = _charset_normalizer_guess(raw)
    if guess:
        try:
            return _check_decoded(raw.decode(guess), path)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as error:
        raise UndecodableText(path, f"byte {error.start} is neither UTF-8 nor Windows-1252") from None


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'-be' when NULs fill one byte of each pair (mostly-Latin UTF-16 text)."""
    if len(raw) < 2 or len(raw) % 2:
        return None
    sample = raw[:8192]
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.4 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.4 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def _refuse_binary(raw: bytes, path: Path | None) -> None:
    if raw.count(0) > _MAX_NUL_SHARE * len(raw):
        raise BinaryFile(path, "binary data (it contains NUL bytes)")
    controls = len(raw) - len(raw.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(raw):
        raise BinaryFile(path, "binary data (too many control bytes)")


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _check_decoded(text: str, path: Path | None) -> str:
    """The binary test again for text that did not come from ASCII-compatible bytes."""
    if len(_CONTROL_CHARS.findall(text[:65536])) > _MAX_CONTROL_SHARE * min(len(text), 65536):
        raise BinaryFile(path, "binary data (too many control characters)")
    return text


def _charset_normalizer_guess(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return best.encoding if best is not None else None


_WHATWG_1252 = {"latin-1", "iso8859-1", "ascii", "iso8859-9", "cp1252"}


def meta_charset(raw: bytes) -> str | None:
    """The codec an HTML page declares in its first 4 KB (``<meta charset>`` or http-equiv).

    As browsers do, ISO-8859-1 and ASCII mean Windows-1252, and a UTF-16 declaration on
    bytes without a BOM is ignored.
    """
    match = re.search(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", raw[:4096], re.I)
    if not match:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None
    return "cp1252" if name in _WHATWG_1252 else name


_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff]")
_NO_BREAK_SPACES = re.compile(r"[\xa0\u2007\u202f]")


def normalise_text(text: str) -> str:
    """The one text form the pipeline sees: ``\\n`` line ends, no control characters except
    ``\\n`` and ``\\t``, no stray byte-order marks, NFC (so "é" is one character and the
    same name always has the same code points). Vertical tab and form feed (page breaks in
    pdftotext output) become line breaks rather than vanishing, so words never fuse.
    No-break spaces (Word and web pages are full of them) become plain spaces, so that
    "Independent Chair" matches however it was typed; offsets do not move."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _NO_BREAK_SPACES.sub(" ", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _markdown_title(text: str) -> str | None:
    """The first level-1 heading ("# Title #") near the top of a Markdown file."""
    match = re.search(r"^#[ \t]+(\S.*)$", text[:20000], re.M)
    return (match.group(1).rstrip(" \t#") or None) if match else None


# --- HTML ----------------------------------------------------------------------------------

def looks_like_html(start: str) -> bool:
    """True when text starts like an HTML page: ``<!DOCTYPE html`` or ``<html``, after an
    optional XML declaration and comments (browsers put "saved from url" comments there)."""
    head = start[:2048].lstrip("\ufeff \t\r\n").lower()
    if head.startswith("<?xml"):
        end = head.find("?>")
        head = head[end + 2:].lstrip() if end >= 0 else ""
    while head.startswith("<!--"):
        end = head.find("-->")
        if end < 0:
            return False
        head = head[end + 3:].lstrip()
    return head.startswith("<!doctype html") or re.match(r"<html[\s>]", head) is not None


# Elements whose content is never minutes text.
_SKIP_TAGS = frozenset({
    "head", "title", "script", "style", "noscript", "template", "iframe", "frame", "frameset",
    "object", "embed", "applet", "svg", "math", "canvas", "audio", "video", "map", "select",
    "option", "button", "textarea", "input", "datalist", "nav", "menu", "dialog",
})
# Page banner / footer / sidebar: chrome at page level, content inside an article.
_LANDMARK_TAGS = frozenset({"header", "footer", "aside"})
_SECTIONING_TAGS = frozenset({"article", "main", "section"})
_PARAGRAPH_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "blockquote", "pre",
    "figure", "address", "section", "article", "main", "header", "footer", "aside", "details",
    "fieldset", "hr",
})
_LINE_TAGS = frozenset({
    "div", "tr", "dt", "dd", "caption", "figcaption", "summary", "legend", "center", "body",
    "html", "form", "tbody", "thead", "tfoot",
})
_CELL_TAGS = frozenset({"td", "th"})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar",
                           "dialog", "tablist", "toolbar"})
_CHROME_WORDS = frozenset({"nav", "navbar", "navigation", "menu", "menubar", "breadcrumb",
                           "breadcrumbs", "skip", "skiplink", "cookie", "cookies", "sitemap"})
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "d-none", "sr-only", "visually-hidden",
                             "visuallyhidden", "screen-reader-text", "screenreader", "invisible"})
_NO_HEURISTICS_TAGS = frozenset({"html", "body", "main", "article", "form"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_WORD_PARTS = re.compile(r"[-_:]|(?<=[a-z])(?=[A-Z])")


def html_to_text(html: str, path: Path | None = None) -> tuple[str | None, str]:
    """(title, visible text) of an HTML page, normalised as `normalise_text` does.

    Parsed by lexbor (selectolax), an HTML5 parser: the tree is what a browser builds
    from the same hostile markup (unclosed tags, stray ``</script>``, misnesting), and it
    is ~13x faster than a stdlib ``html.parser`` walk on a 36 KB council page (0.25 ms
    against 3.3 ms, measured), which matters at 200+ documents a second. Entities are
    decoded per HTML5, so ``&#150;`` is an en dash as in browsers.

    Block elements and ``<br>`` end lines, paragraphs and tables are set apart by a blank
    line, list items start "· ", table cells are separated by a tab. The class/id
    heuristics (menu, breadcrumb, cookie...) are dropped again if they left no text.

    Markup that would make lexbor's tree building blow up (see `MAX_HTML_NESTING_WORK`)
    is refused as `CorruptFile` before parsing.
    """
    from selectolax.lexbor import LexborHTMLParser

    depth_work, reopened = markup_cost(html)
    if depth_work > MAX_HTML_NESTING_WORK or reopened > MAX_HTML_REOPENED:
        raise CorruptFile(path, kind="HTML page",
                          detail="its tags are nested or left open too much to parse safely")
    tree = LexborHTMLParser(html)
    title_node = tree.css_first("head > title")
    title = _tidy(_HTML_SPACE.sub(" ", title_node.text(deep=True))) if title_node else None
    root = tree.root
    if root is None:
        return title or None, ""
    text = _tidy(_walk_html(root, heuristics=True))
    if not text:
        text = _tidy(_walk_html(root, heuristics=False))
    return title or None, text


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*)>?")
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                        "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
                        "image"})
_RAW_TEXT_TAGS = frozenset({"script", "style", "textarea", "title", "xmp", "noembed", "iframe",
                            "plaintext"})
_FORMATTING_TAGS = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small",
                              "strike", "strong", "tt", "u"})
_FORMATTING_TAG = re.compile(r"<(/?)(a|b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)[\s>/]", re.I)
_SCOPE = frozenset({"html", "table", "td", "th", "caption", "template", "applet", "object", "marquee",
                    "button"})
_TABLE_PARTS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th"})
_CLOSES_P = frozenset({"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
                       "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
                       "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"})
# start tag -> (open elements it closes, elements that stop the search)
_START_CLOSES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), _SCOPE | {"ul", "ol", "menu"}),
    "dt": (frozenset({"dt", "dd"}), _SCOPE | {"dl"}),
    "dd": (frozenset({"dt", "dd"}), _SCOPE | {"dl"}),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select"})),
}
# Start tags that do not re-open closed formatting elements (text and other tags do).
_NO_REOPEN = _CLOSES_P | _TABLE_PARTS | {"li", "dd", "dt", "center", "dir", "hgroup", "summary",
                                         "figcaption", "listing", "caption", "colgroup", "html",
                                         "body", "head", "frameset", "select", "option"}
# Elements that fence off formatting: closing one forgets the formatting opened inside.
_MARKERS = frozenset({"td", "th", "caption", "template", "applet", "object", "marquee"})


class _Entry:
    """One open formatting element (``<b>``...): on the stack, closed implicitly, or ended."""

    __slots__ = ("name", "key", "state")

    def __init__(self, name: str, key: str) -> None:
        self.name, self.key, self.state = name, key, "on"


class _CostScan:
    """The state of `markup_cost`'s scan, a model of HTML5's tree builder: the stack of
    open elements (with each name's positions, so closes are O(1)) and the formatting
    elements that are open, closed implicitly (to be re-opened) or fenced by markers."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.positions: dict[str, list[int]] = {}
        self.on: dict[str, list[_Entry]] = {}  # name -> its entries whose element is open
        self.off: list[_Entry] = []  # entries closed implicitly: the next text re-opens them
        self.off_names: dict[str, int] = {}  # name -> its entries in self.off
        self.alike: dict[str, int] = {}  # key (name + attributes) -> entries not ended
        self.log: list[_Entry] = []  # entries in order of opening, to forget at markers
        self.marks: list[int] = []  # len(log) when each open marker element opened
        self.depth_work = self.reopened = 0

    def push(self, name: str) -> None:
        self.positions.setdefault(name, []).append(len(self.stack))
        self.stack.append(name)
        if name in _MARKERS:
            self.marks.append(len(self.log))

    def pop(self, ends: _Entry | None = None) -> None:
        name = self.stack.pop()
        self.positions[name].pop()
        if name in _MARKERS and self.marks:
            mark = self.marks.pop()
            for entry in self.log[mark:]:
                self.forget(entry)
            del self.log[mark:]
        elif self.on.get(name):
            entry = self.on[name].pop()
            if entry is ends:
                entry.state = "ended"
                self.forget(entry)
            else:
                entry.state = "off"
                self.off.append(entry)
                self.off_names[name] = self.off_names.get(name, 0) + 1

    def forget(self, entry: _Entry) -> None:
        if entry.state == "gone":
            return
        if entry.state == "on" and entry in self.on.get(entry.name, ()):
            self.on[entry.name].remove(entry)
        elif entry.state == "off":
            self.off.remove(entry)
            self.off_names[entry.name] -= 1
        entry.state = "gone"
        self.alike[entry.key] -= 1

    def close(self, targets: frozenset[str], stops: frozenset[str], ends: _Entry | None = None) -> None:
        """Pop through the nearest open element in ``targets`` unless an element in
        ``stops`` is open above it (HTML5's "has an element in scope")."""
        target = max((self.positions[t][-1] for t in targets if self.positions.get(t)), default=-1)
        if target < 0:
            return
        fence = max((self.positions[f][-1] for f in stops if f not in targets and self.positions.get(f)),
                    default=-1)
        if fence > target:
            return
        self.depth_work += len(self.stack) - target
        while len(self.stack) > target + 1:
            self.pop()
        self.pop(ends)

    def end_tag(self, name: str) -> None:
        if self.on.get(name):  # </b> ends its formatting element
            self.close(frozenset({name}), _SCOPE, ends=self.on[name][-1])
            return
        if self.off_names.get(name):
            self.forget(next(e for e in reversed(self.off) if e.name == name))
            return
        self.close(frozenset({name}), frozenset({"table"}) if name in _TABLE_PARTS else _SCOPE)

    def start_tag(self, name: str, attributes: str) -> None:
        if name == "a" and (self.on.get("a") or any(e.name == "a" for e in self.off[-3:])):
            self.end_tag("a")  # a new link ends an open one
        if name in _CLOSES_P:
            self.close(frozenset({"p"}), _SCOPE)
        if name in _START_CLOSES:
            self.close(*_START_CLOSES[name])
        if name not in _NO_REOPEN:
            self.reopen()
        self.push(name)
        self.depth_work += len(self.stack)
        if name in _FORMATTING_TAGS:
            key = name + " " + " ".join(attributes.split())
            if self.alike.get(key, 0) < 3:  # HTML5's "Noah's Ark": at most three alike
                self.alike[key] = self.alike.get(key, 0) + 1
                entry = _Entry(name, key)
                self.on.setdefault(name, []).append(entry)
                self.log.append(entry)

    def reopen(self) -> None:
        """HTML5's "reconstruct the active formatting elements", before text or a tag."""
        if not self.off:
            return
        self.reopened += len(self.off)
        for entry in self.off:
            entry.state = "on"
            self.push(entry.name)
            self.on.setdefault(entry.name, []).append(entry)
        self.off.clear()
        self.off_names.clear()
        self.depth_work += len(self.stack)


def _most_open_formatting(html: str) -> int:
    """The most formatting elements (``<b>``, ``<a>``...) ever open at once, ignoring what
    closes them implicitly: a bound on the length of HTML5's list of them."""
    open_names: dict[str, int] = {}
    current = most = 0
    for closing, name in _FORMATTING_TAG.findall(html):
        name = name.lower()
        if not closing:
            open_names[name] = open_names.get(name, 0) + 1
            current += 1
            most = max(most, current)
        elif open_names.get(name):
            open_names[name] -= 1
            current -= 1
    return most


def markup_cost(html: str) -> tuple[int, int]:
    """Upper estimates of what HTML5 tree building will do with ``html``: (the sum over
    start tags of the depth of open elements, which scope checks walk; the number of
    elements re-opened from unclosed formatting tags).

    Both are bounded first (by tags^2 / 2 and tags x the most formatting tags open at
    once), which costs an ordinary page well under a millisecond. Otherwise a linear scan models the stack of
    open elements and the list of open formatting elements (end tags pop to their start,
    a block closes an open ``<p>``, ``<li>``/``<td>``... an open sibling, a ``<b>``
    closed that way is re-opened by the next text or inline tag, at most three alike are
    kept); it stops once past a limit. It errs high: it refuses some hostile pages lexbor
    would survive, not ordinary ones.
    """
    tags = html.count("<")
    if tags * tags // 2 <= MAX_HTML_NESTING_WORK and \
            tags * _most_open_formatting(html) <= MAX_HTML_REOPENED:
        return 0, 0
    scan = _CostScan()
    position = 0
    while scan.depth_work <= MAX_HTML_NESTING_WORK and scan.reopened <= MAX_HTML_REOPENED:
        match = _TAG.search(html, position)
        if scan.off:
            between = html[position:match.start() if match else len(html)]
            if between and not between.isspace():
                scan.reopen()  # text between tags
        if match is None:
            break
        position = match.end()
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            scan.end_tag(name)
        elif name in _RAW_TEXT_TAGS:
            end = re.compile("</" + name, re.I).search(html, position)
            position = end.start() if end else len(html)
        elif name not in _VOID_TAGS:
            scan.start_tag(name, match.group(3))
    return scan.depth_work, scan.reopened


_END_ITEM = object()  # stack marker: a list item closed


def _walk_html(root: Any, heuristics: bool) -> str:
    """Depth-first over the lexbor tree with an explicit stack (deep nesting is no problem).

    A list item's "· " is written just before its first text, so ``<li><p>text`` keeps
    bullet and text on one line and an empty ``<li>`` leaves no bullet.
    """
    out: list[str | int] = []  # text, or a break: 1 = end of line, 2 = blank line
    bullet = False  # a list item is open and has not had text yet
    # stack items: a break to emit when an element closes, _END_ITEM, or
    # (node, in_section, in_pre)
    stack: list[Any] = [(root, False, False)]
    while stack:
        item = stack.pop()
        if isinstance(item, int):
            out.append(item)
            continue
        if item is _END_ITEM:
            bullet = False
            out.append(1)
            continue
        node, in_section, in_pre = item
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            if bullet and text and not text.isspace():
                out.append("· ")
                bullet = False
            out.append(text if in_pre else _HTML_SPACE.sub(" ", text))
            continue
        if not tag or tag[0] in "-!#" or tag in _SKIP_TAGS:
            continue  # comments, doctype, and elements that hold no minutes text
        if tag in _LANDMARK_TAGS and not in_section:
            continue
        if _hidden_or_chrome(tag, node.attributes, heuristics):
            continue
        if tag == "br":
            out.append("\n")
            continue
        closing: Any = None
        if tag in _PARAGRAPH_TAGS:
            out.append(2)
            closing = 2
        elif tag == "li":
            out.append(1)
            closing, bullet = _END_ITEM, True
        elif tag in _LINE_TAGS:
            out.append(1)
            closing = 1
        elif tag in _CELL_TAGS:
            out.append("\t")
        if closing is not None:
            stack.append(closing)
        state = (in_section or tag in _SECTIONING_TAGS, in_pre or tag == "pre")
        child = node.last_child
        while child is not None:
            stack.append((child, *state))
            child = child.prev
    return _join_blocks(out)


def _join_blocks(out: list[str | int]) -> str:
    """Text with breaks between blocks: adjacent breaks merge into the largest one (two
    ``<div>``s in a row are one line break, not two), and whitespace-only text between
    blocks (the source's indentation, a row's first cell separator) is dropped."""
    parts: list[str] = []
    pending = 0
    for piece in out:
        if isinstance(piece, int):
            pending = max(pending, piece)
        elif pending and piece.isspace():
            continue
        else:
            if pending and parts:
                parts.append("\n" * pending)
            pending = 0
            parts.append(piece)
    return "".join(parts)


def _hidden_or_chrome(tag: str, attrs: dict[str, str | None], heuristics: bool) -> bool:
    if not attrs:
        return False
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attrs.get("style") or ""):
        return True
    if set((attrs.get("role") or "").lower().split()) & _CHROME_ROLES:
        return True
    if not heuristics or tag in _NO_HEURISTICS_TAGS:
        return False
    for token in f"{attrs.get('class') or ''} {attrs.get('id') or ''}".split():
        if token.lower() in _HIDDEN_CLASSES:
            return True
        if any(part.lower() in _CHROME_WORDS for part in _WORD_PARTS.split(token)):
            return True
    return False


_SPACES = re.compile(r" {2,}")
_AROUND_TAB = re.compile(r" *\t[ \t]*")
_LINE_END = re.compile(r"[ \t]*\n[ \t]*")
_BLANK_LINES = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    """Collapse the whitespace that markup leaves: one space, no space at line ends, at
    most one blank line."""
    text = normalise_text(text)
    text = _SPACES.sub(" ", text)
    text = _AROUND_TAB.sub("\t", text)
    text = _LINE_END.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


# --- PDF -------------------------------------------------------------------------------------

def _pdf_document(path: Path, raw: bytes) -> Document:
    """One text per page, pages joined by a blank line; ``pages`` = where each starts."""
    from pypdf import PdfReader

    # pypdf logs every repair it makes to a damaged file; the outcome is ours to report
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise CorruptFile(path, kind="PDF", detail="it is password-protected")
        pages = reader.pages
        count = len(pages)
    except InputError:
        raise
    except Exception as error:  # pypdf raises many kinds on damaged files
        raise CorruptFile(path, kind="PDF", detail=_short(error)) from None
    if count > MAX_PDF_PAGES:
        raise TooLarge(path, size=f"{count:,} pages", limit=f"{MAX_PDF_PAGES:,} pages")
    texts: list[str] = []
    starts: list[int] = []
    offset = 0
    for number in range(count):
        try:
            page_text = pages[number].extract_text() or ""
        except Exception as error:
            raise CorruptFile(path, kind="PDF", detail=f"page {number + 1}: {_short(error)}") from None
        page_text = reflow_lines(normalise_text(page_text).strip())
        starts.append(offset)
        texts.append(page_text)
        offset += len(page_text) + 2
        _check_chars(path, offset)
    return _finish(path, "\n\n".join(texts), PDF_TYPE, _pdf_title(reader), tuple(starts),
                   hint="no text layer: a scanned PDF needs OCR first")


_ENDS_BLOCK = re.compile(r"[.:;!?)\]”\"]\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:[·•▪◦‣∙●○*–—-]|\(?[a-z0-9]{1,3}[.)])\s")


def reflow_lines(text: str) -> str:
    """Join a PDF's wrapped lines back into sentences.

    PDF text comes with a line break wherever the layout wrapped, which would cut a
    sentence (and a post title: "Independent Chair of the Oakhurst / Safeguarding Children
    Partnership") in two. A line is joined to the next when it is long (near the page's
    usual line length) and does not end a sentence, or when the next line starts in lower
    case; headings, list items and blank-line paragraph breaks are kept. The join replaces
    one newline by one space, so the text's length does not change.
    """
    lines = text.split("\n")
    if len(lines) < 2:
        return text
    widths = sorted(len(line) for line in lines if line.strip())
    # the usual width of a wrapped line; too few or too short lines say nothing about wrapping
    usual = widths[int(len(widths) * 0.8)] if len(widths) >= 4 else 0
    if usual < 50:
        usual = 10 ** 9
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        wrapped = (prev.strip() and line.strip() and not _ENDS_BLOCK.search(prev) and not _STARTS_ITEM.match(line)
                   and (len(prev) >= 0.7 * usual or line.lstrip()[:1].islower()))
        if wrapped:
            out[-1] = prev + " " + line
        else:
            out.append(line)
    return "\n".join(out)


def _pdf_title(reader: Any) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:
        return None
    return _tidy(str(title)) or None if title else None


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split())[:160]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


# --- DOCX ------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def _is_docx(raw: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            return "word/document.xml" in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False


def _docx_document(path: Path, raw: bytes) -> Document:
    """Paragraphs (blank line apart), list paragraphs as "· " lines, table rows as lines
    of tab-separated cells, in document order. Deleted revisions and field codes are left
    out; headers, footers and comments live in other parts and are not read."""
    kind = "Word .docx document"
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            xml = _zip_member(package, "word/document.xml", MAX_DOCX_XML_BYTES, path)
            core = _zip_member(package, "docProps/core.xml", 1024 * 1024, path, required=False)
    except InputError:
        raise
    except Exception as error:  # BadZipFile, zlib.error, NotImplementedError (method), ...
        raise CorruptFile(path, kind=kind, detail=_short(error)) from None
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml[:65536]:
        raise CorruptFile(path, kind=kind, detail="it declares a DTD, which Word never writes")
    try:
        text = _docx_text(xml)
        title = _docx_title(core)
    except ElementTree.ParseError as error:
        raise CorruptFile(path, kind=kind, detail=_short(error)) from None
    return _finish(path, _tidy(text), DOCX_TYPE, title)


def _zip_member(package: zipfile.ZipFile, name: str, limit: int, path: Path,
                required: bool = True) -> bytes:
    try:
        info = package.getinfo(name)
    except KeyError:
        if required:
            raise
        return b""
    if info.file_size > limit:
        raise TooLarge(path, size=f"{human_size(info.file_size)} of {name}", limit=human_size(limit))
    with package.open(info) as member:
        data = member.read(limit + 1)  # the header's size may lie
    if len(data) > limit:
        raise TooLarge(path, size=f"over {human_size(limit)} of {name}", limit=human_size(limit))
    return data


def _docx_text(xml: bytes) -> str:
    out: list[str | int] = []     # text, or a break (see _join_blocks)
    pieces: list[str] = []        # the current paragraph's runs
    cells: list[list[str]] = []   # one list of cell texts per open table row
    cell_parts: list[list[str]] = []  # paragraphs of each open cell
    in_run = 0
    list_item = False
    deleted = 0
    for event, element in ElementTree.iterparse(io.BytesIO(xml), events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _W + "r":
                in_run += 1
            elif tag == _W + "del":
                deleted += 1
            elif tag == _W + "tr":
                cells.append([])
            elif tag == _W + "tc":
                cell_parts.append([])
            elif tag == _W + "tbl" and not cell_parts:
                out.append(2)  # a table is set apart like a paragraph
            continue
        if tag == _W + "t" and not deleted:
            pieces.append(element.text or "")
        elif tag in (_W + "tab", _W + "ptab") and in_run and not deleted:
            pieces.append("\t")
        elif tag in (_W + "br", _W + "cr") and in_run and not deleted:
            pieces.append("\n")
        elif tag == _W + "noBreakHyphen" and not deleted:
            pieces.append("-")
        elif tag == _W + "numPr":
            list_item = True
        elif tag == _W + "r":
            in_run -= 1
        elif tag == _W + "del":
            deleted -= 1
        elif tag == _W + "p":
            paragraph = "".join(pieces).strip()
            if cell_parts:
                cell_parts[-1].append(paragraph)
            elif paragraph:
                out.extend((1, "· " + paragraph, 1) if list_item else (2, paragraph, 2))
            pieces, list_item = [], False
            element.clear()
        elif tag == _W + "tc" and cell_parts:
            text = " ".join(p for p in cell_parts.pop() if p)
            (cells[-1] if cells else out).append(text)
        elif tag == _W + "tr" and cells:
            row = "\t".join(c for c in cells.pop() if c)
            if cell_parts:  # a nested table: its rows become part of the outer cell
                cell_parts[-1].append(row)
            elif row:
                out.extend((1, row, 1))
        elif tag == _W + "tbl" and not cell_parts:
            out.append(2)
    return _join_blocks(out)


def _docx_title(core: bytes) -> str | None:
    if not core or b"<!DOCTYPE" in core or b"<!ENTITY" in core:
        return None
    element = ElementTree.fromstring(core).find(_DC_TITLE)
    title = " ".join((element.text or "").split()) if element is not None else ""
    return title or None


# --- many files ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Listing:
    """What the paths given on a command line expand to, before anything is read.

    ``items``: files to read in order, and errors for named paths that cannot be inputs.
    ``skipped``: hidden files (and Office lock files ``~$...``) and files with
    unsupported extensions found inside folders, left out silently but counted.
    """

    items: tuple[Path | InputError, ...]
    skipped: tuple[Path, ...] = ()


def list_inputs(paths: Iterable[Path | str]) -> Listing:
    """Expand folders recursively (sorted, hidden folders not entered); keep named files.

    A named file with an unsupported extension is an error; inside a folder it is skipped.
    The same file reached twice (named and inside a named folder) is read once.
    """
    items: list[Path | InputError] = []
    skipped: list[Path] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            items.append(path)

    for given in paths:
        path = Path(given)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as error:
            items.append(Unreadable(path, error.strerror or type(error).__name__))
            continue
        if is_dir:
            files, errors = _folder_files(path, skipped)
            for file in files:
                add(file)
            items.extend(errors)
        elif not exists:
            items.append(Unreadable(path, "no such file or folder"))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            items.append(UnsupportedType(path, path.suffix.lower()))
        else:
            add(path)
    return Listing(tuple(items), tuple(skipped))


_PROJECT_FILES = ("readme", "licence", "license", "changelog", "contributing", "sources", "notice")


def _is_hidden(name: str) -> bool:
    """Hidden and lock files, and a folder's own documentation (README.md, SOURCES.md...),
    which sit beside minutes but are not minutes."""
    return name.startswith((".", "~$")) or name.lower().split(".")[0] in _PROJECT_FILES


def _folder_files(folder: Path, skipped: list[Path]) -> tuple[list[Path], list[InputError]]:
    found: list[tuple[tuple[str, ...], Path]] = []
    errors: list[InputError] = []

    def on_error(error: OSError) -> None:
        errors.append(Unreadable(error.filename or folder, error.strerror or type(error).__name__))

    for directory, dirnames, filenames in os.walk(folder, onerror=on_error):
        here = Path(directory)
        for name in [d for d in dirnames if _is_hidden(d)]:
            dirnames.remove(name)
            skipped.append(here / name)
        for name in filenames:
            file = here / name
            if _is_hidden(name) or file.suffix.lower() not in SUPPORTED_SUFFIXES:
                skipped.append(file)
            else:
                found.append((file.relative_to(folder).parts, file))
    found.sort(key=lambda pair: pair[0])
    return [file for _, file in found], errors


def iter_documents(paths: Iterable[Path | str] | Listing) -> Iterator[Document | InputError]:
    """Documents and errors in input order; never raises for a bad file.

    A second file with an already used id (same name stem, e.g. ``a/minutes.txt`` and
    ``b/minutes.html``) is a `DuplicateId` error: ids name the IRIs of a document's facts.
    """
    listing = paths if isinstance(paths, Listing) else list_inputs(paths)
    first: dict[str, str] = {}
    for item in listing.items:
        if isinstance(item, InputError):
            yield item
            continue
        if item.stem in first:
            yield DuplicateId(item, id=item.stem, first=first[item.stem])
            continue
        try:
            document = read_document(item)
        except InputError as error:
            yield error
            continue
        except Exception as error:  # a reader bug must not stop the batch; name it
            yield InputError(item, detail=f"unexpected {_short(error)}; please report this")
            continue
        first[document.id] = document.source
        yield document
