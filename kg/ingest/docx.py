"""Word .docx read with the standard library: paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from kg.errors import CorruptFile, InputError, TooLarge, human_size
from kg.ingest.common import DOCX_TYPE, MAX_DOCX_XML_BYTES, _finish, _short
from kg.ingest.html import _join_blocks, _tidy
from kg.model import Document

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
    except Exception as error:  # noqa: BLE001 - BadZipFile, zlib.error, NotImplementedError (method), ...
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


