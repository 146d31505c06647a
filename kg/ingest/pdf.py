"""PDF text by page, wrapped lines joined back into sentences."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import Any

from kg.errors import CorruptFile, InputError, TooLarge
from kg.ingest.common import MAX_PDF_PAGES, PDF_TYPE, _check_chars, _finish, _short
from kg.ingest.decode import normalise_text
from kg.ingest.html import _tidy
from kg.model import Document

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
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds on damaged files
        raise CorruptFile(path, kind="PDF", detail=_short(error)) from None
    if count > MAX_PDF_PAGES:
        raise TooLarge(path, size=f"{count:,} pages", limit=f"{MAX_PDF_PAGES:,} pages")
    texts: list[str] = []
    starts: list[int] = []
    offset = 0
    for number in range(count):
        try:
            page_text = pages[number].extract_text() or ""
        except Exception as error:  # noqa: BLE001 - pypdf raises many kinds on a damaged page
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
    except Exception:  # noqa: BLE001 - damaged metadata only loses the title
        return None
    return _tidy(str(title)) or None if title else None


