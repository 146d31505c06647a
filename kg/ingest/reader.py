"""One file to one Document: the format chosen by content first, extension second."""

from __future__ import annotations

import stat
from pathlib import Path

from kg.errors import BinaryFile, CorruptFile, EmptyFile, TooLarge, Unreadable, UnsupportedType, human_size
from kg.ingest.common import (
    HTML_SUFFIXES,
    HTML_TYPE,
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    TEXT_TYPES,
    _check_chars,
    _finish,
)
from kg.ingest.decode import _markdown_title, decode_bytes, meta_charset, normalise_text
from kg.ingest.docx import _docx_document, _is_docx
from kg.ingest.html import html_to_text, looks_like_html
from kg.ingest.pdf import _pdf_document
from kg.model import Document

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


