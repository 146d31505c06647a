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

from kg.ingest.common import (
                              DOCX_TYPE,
                              HTML_SUFFIXES,
                              HTML_TYPE,
                              MAX_DOCX_XML_BYTES,
                              MAX_FILE_BYTES,
                              MAX_HTML_NESTING_WORK,
                              MAX_HTML_REOPENED,
                              MAX_PDF_PAGES,
                              MAX_TEXT_CHARS,
                              PDF_TYPE,
                              SUPPORTED_SUFFIXES,
                              TEXT_TYPES,
)
from kg.ingest.decode import decode_bytes, meta_charset, normalise_text
from kg.ingest.files import Listing, iter_documents, list_inputs
from kg.ingest.html import html_to_text, looks_like_html, markup_cost
from kg.ingest.pdf import reflow_lines
from kg.ingest.reader import parse_bytes, read_document

__all__ = [
    "read_document", "parse_bytes", "iter_documents", "list_inputs", "Listing", "decode_bytes", "meta_charset",
    "normalise_text", "html_to_text", "looks_like_html", "markup_cost", "reflow_lines",
    "MAX_FILE_BYTES", "MAX_TEXT_CHARS", "MAX_PDF_PAGES", "MAX_HTML_NESTING_WORK", "MAX_HTML_REOPENED",
    "MAX_DOCX_XML_BYTES", "SUPPORTED_SUFFIXES", "TEXT_TYPES", "HTML_SUFFIXES", "HTML_TYPE", "PDF_TYPE", "DOCX_TYPE",
]
