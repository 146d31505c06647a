"""Limits, formats and the small helpers every reader shares."""

from __future__ import annotations

from pathlib import Path

from kg.errors import EmptyFile, TooLarge
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


def document_id(path: Path) -> str:
    """A document's id is its file name's stem: ids name the IRIs of its facts, so they
    must not depend on the folder it was read from. The one definition (two inputs with
    the same stem are refused by kg.ingest.files.list_inputs, as DuplicateId)."""
    return path.stem


def _finish(path: Path, text: str, media_type: str, title: str | None,
            pages: tuple[int, ...] = (), hint: str = "") -> Document:
    if not text.strip():
        raise EmptyFile(path, hint)
    _check_chars(path, len(text))
    return Document(id=document_id(path), text=text, source=str(path), media_type=media_type,
                    title=title or None, pages=pages)


def _check_chars(path: Path, n: int) -> None:
    if n > MAX_TEXT_CHARS:
        raise TooLarge(path, size=f"{n:,} characters", limit=f"{MAX_TEXT_CHARS:,} characters")



def _short(error: BaseException) -> str:
    text = " ".join(str(error).split())[:160]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


