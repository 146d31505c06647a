"""Every error `kg` reports, and the only place their wording lives.

Each error is raised with the file it is about and a few facts (a size, a reason), and
renders as ONE line that names the file and says what to do about it. Keeping the text
here, not at the raise sites, keeps the wording consistent and lets the CLI print
``str(error)`` as is. ``reason`` is a short stable code for counting and tests.

Classes:
    KgError                 base; ``.path`` and ``.message``
      InputError            one input file cannot become a Document; a batch goes on
        EmptyFile, BinaryFile, UnsupportedType, TooLarge, Unreadable,
        UndecodableText, CorruptFile, DuplicateId, ExtractionTimeout
      NoStore, StoreError   the persistent store (build/); MissingStore, StoreLocked, StoreBusy,
        UnknownRdfFormat, RdfFileError, QueryTimeout
      QuerySyntaxError, QueryRefused, UnknownQuery, QueryParameterError, EndpointError
      OxigraphMissing, ServeError (kg serve)
      ReportFolderError, UnknownBoard (kg report)
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar


def _one_line(text: str) -> str:
    """Messages go to a terminal or a log line: never let a detail break the line."""
    return " ".join(text.split())


def human_size(n: int) -> str:
    """Bytes as people read them (1.5 MB), for size messages."""
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} bytes"  # pragma: no cover - loop always returns


class KgError(Exception):
    """Base of the project's errors: knows its file and renders a one-line message.

    Subclasses set ``template`` (formatted with ``path`` and the keyword details given
    to the constructor) and ``reason``.
    """

    template: ClassVar[str] = "{path}: {detail}"
    reason: ClassVar[str] = "error"

    def __init__(self, path: Path | str | None = None, **details: object) -> None:
        self.path: Path | None = Path(path) if path is not None else None
        self.details: dict[str, object] = details
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = str(self.path) if self.path is not None else "kg"
        return _one_line(self.template.format(path=where, **self.details))

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        """Pickle by fields, not by the rendered message (errors cross process pools)."""
        return (_rebuild, (type(self), self.path, self.details))


def _rebuild(cls: type[KgError], path: Path | None, details: dict[str, object]) -> KgError:
    error = cls.__new__(cls)
    error.path, error.details = path, details
    Exception.__init__(error, error.message)
    return error


# --- ingest ----------------------------------------------------------------------------

SUPPORTED_HINT = ".txt, .text, .md, .html, .htm, .xhtml, .pdf or .docx"


class InputError(KgError):
    """One input file could not be read as a document; the others are still read."""

    template = "{path}: cannot be read as a document ({detail})"
    reason = "input"


class EmptyFile(InputError):
    """The file (or its extracted text) holds nothing but whitespace."""

    template = "{path}: has no text{hint}; remove it from the inputs or add the minutes' text"
    reason = "empty"

    def __init__(self, path: Path | str | None = None, hint: str = "") -> None:
        super().__init__(path, hint=f" ({hint})" if hint else "")


class BinaryFile(InputError):
    """Bytes that are not text (an image, an archive, an old .doc, control bytes...)."""

    template = ("{path}: is {what}, not text; save the minutes as " + SUPPORTED_HINT
                + " and read that instead")
    reason = "binary"

    def __init__(self, path: Path | str | None = None, what: str = "binary data") -> None:
        super().__init__(path, what=what)


class UnsupportedType(InputError):
    """An extension `kg` has no reader for, named explicitly by the user."""

    template = "{path}: unsupported file type {suffix!s}; convert it to " + SUPPORTED_HINT
    reason = "unsupported"

    def __init__(self, path: Path | str | None = None, suffix: str = "") -> None:
        super().__init__(path, suffix=f"'{suffix}'" if suffix else "(no extension)")


class TooLarge(InputError):
    """Over a size limit of kg.ingest (MAX_FILE_BYTES, MAX_TEXT_CHARS, MAX_PDF_PAGES)."""

    template = "{path}: too large ({over} the limit of {limit}); split it into smaller files"
    reason = "too-large"

    def __init__(self, path: Path | str | None = None, size: str = "", limit: str = "") -> None:
        # A file a few bytes over the limit rounds to the limit ("50.0 MB is over the
        # limit of 50.0 MB" reads as a contradiction): say "just over" instead.
        over = "just over" if size in (limit, f"over {limit}") else f"{size} is over"
        super().__init__(path, size=size, limit=limit, over=over)


class Unreadable(InputError):
    """The operating system would not give us the bytes (missing, permissions, I/O)."""

    template = "{path}: cannot be opened ({why}); check that it exists and that you may read it"
    reason = "unreadable"

    def __init__(self, path: Path | str | None = None, why: str = "I/O error") -> None:
        super().__init__(path, why=why)


class UndecodableText(InputError):
    """Bytes that no known text encoding turns into text."""

    template = "{path}: text is in an unknown encoding ({detail}); re-save it as UTF-8"
    reason = "undecodable"

    def __init__(self, path: Path | str | None = None, detail: str = "") -> None:
        super().__init__(path, detail=detail or "not UTF-8, UTF-16 or Windows-1252")


class CorruptFile(InputError):
    """A PDF or .docx that is damaged, encrypted or not what its extension says."""

    template = "{path}: is not a readable {kind} ({detail}); open it and save or export it again"
    reason = "corrupt"

    def __init__(self, path: Path | str | None = None, kind: str = "file", detail: str = "") -> None:
        super().__init__(path, kind=kind, detail=detail or "damaged")


class ExtractionTimeout(InputError):
    """Extracting the document took longer than its time budget (kg.batch); it was skipped."""

    template = ("{path}: extracting it took longer than {seconds:g} s, the time budget per document, so it "
                "was left out; split the file, or give --budget SECONDS (0 for no limit)")
    reason = "timeout"

    def __init__(self, path: Path | str | None = None, seconds: float = 0.0) -> None:
        super().__init__(path, seconds=seconds)


class DuplicateId(InputError):
    """Two inputs with the same file name stem would share one document id (and IRIs)."""

    template = "{path}: duplicate document id {id!r}: already read from {first}; rename one of them"
    reason = "duplicate"

    def __init__(self, path: Path | str | None = None, id: str = "", first: str = "") -> None:
        super().__init__(path, id=id, first=first)


# --- store -----------------------------------------------------------------------------

class NoStore(KgError):
    """A command that needs the built graph was run before `kg build`."""

    template = "no store at {path}: run `kg build` first"
    reason = "no-store"


class StoreError(KgError):
    """The store exists but cannot be used (damaged, locked, wrong version)."""

    template = "{path}: the store cannot be used ({detail}); delete the folder and run `kg build` again"
    reason = "store"

    def __init__(self, path: Path | str | None = None, detail: str = "damaged") -> None:
        super().__init__(path, detail=detail)


# --- the store ------------------------------------------------------------------------------

class StoreLocked(KgError):
    """Another process has the store open for writing (RocksDB allows one writer)."""

    template = "{path}: the store is in use by another kg command; wait for it to finish and try again"
    reason = "store-locked"


class StoreBusy(StoreLocked):
    """Another kg command holds the store's writer lock (kg.lock); we did not wait, or
    waited ``--wait`` seconds in vain."""

    template = ("{path}: another kg command is writing this store: {holder}; run again when it has "
                "finished, or give --wait SECONDS to wait for it (waited {waited:g} s)")
    reason = "store-busy"

    def __init__(self, path: Path | str | None = None, holder: str = "", waited: float = 0.0) -> None:
        super().__init__(path, holder=holder, waited=waited)


class MissingStore(NoStore):
    """NoStore, worded with the folder as typed on the command line (``build/``)."""

    template = "no store at {path}/: run `kg build` first"


class UnknownRdfFormat(KgError):
    """The file's extension names no RDF syntax we read."""

    template = ("{path}: cannot tell its RDF format from the extension {suffix}; rename it "
                "(.ttl, .nt, .nq, .jsonld, .trig, .rdf) or give the format explicitly")
    reason = "rdf-format"

    def __init__(self, path: Path | str | None = None, suffix: str = "") -> None:
        super().__init__(path, suffix=repr(suffix) if suffix else "(none)")


class RdfFileError(KgError):
    """The parser rejected the file (or it could not be read); nothing of it was stored."""

    template = "{path}: not readable as {fmt} ({detail}); fix the file and load it again"
    reason = "rdf-syntax"

    def __init__(self, path: Path | str | None = None, fmt: str = "RDF", detail: str = "") -> None:
        super().__init__(path, fmt=fmt, detail=detail or "unknown error")


class QueryTimeout(KgError):
    """The query ran longer than the caller allowed."""

    template = ("the query took longer than {seconds:g} s; simplify it (add LIMIT or narrow the patterns) "
                "or raise --timeout")
    reason = "timeout"

    def __init__(self, seconds: float = 0.0) -> None:
        super().__init__(None, seconds=seconds)


# --- queries ----------------------------------------------------------------------------------

class QuerySyntaxError(KgError):
    """The SPARQL does not parse; line and column are those of the user's query text."""

    template = "line {line}, column {column}: {detail}{where}"
    reason = "query-syntax"

    def __init__(self, path: Path | str | None = None, line: int = 1, column: int = 1,
                 detail: str = "") -> None:
        where = f" (in {path})" if path is not None else ""
        super().__init__(path, line=line, column=column, detail=detail, where=where)

    @property
    def line(self) -> int:
        return int(str(self.details["line"]))

    @property
    def column(self) -> int:
        return int(str(self.details["column"]))


class QueryRefused(KgError):
    """A request kg query will not run (updates; SERVICE without permission)."""

    template = "{detail}"
    reason = "query-refused"

    def __init__(self, detail: str = "") -> None:
        super().__init__(None, detail=detail)


class UnknownQuery(KgError):
    """Neither a named query nor an existing .rq file."""

    template = "{detail}"
    reason = "unknown-query"

    def __init__(self, path: Path | str | None = None, detail: str = "") -> None:
        super().__init__(path, detail=detail)


class QueryParameterError(KgError):
    """A --param that cannot be bound (bad name, bad IRI, variable not in the query)."""

    template = "parameter {name}: {detail}"
    reason = "query-parameter"

    def __init__(self, name: str = "", detail: str = "") -> None:
        super().__init__(None, name=name, detail=detail)


class EndpointError(KgError):
    """A remote SPARQL endpoint could not be reached or gave an unusable answer."""

    template = "SPARQL endpoint {endpoint}: {detail}; check the URL and that the service is up"
    reason = "endpoint"

    def __init__(self, endpoint: str = "", detail: str = "") -> None:
        super().__init__(None, endpoint=endpoint, detail=detail)


# --- kg serve ---------------------------------------------------------------------------------

class OxigraphMissing(KgError):
    """The Oxigraph server binary is not installed where we look."""

    template = ("the Oxigraph server is not installed ({detail}); "
                "pip install 'oxigraph>=0.5,<0.6' or give --oxigraph PATH")
    reason = "no-oxigraph"

    def __init__(self, detail: str = "no `oxigraph` beside python or on PATH") -> None:
        super().__init__(None, detail=detail)


class ServeError(KgError):
    """The endpoint could not start or stopped on its own."""

    template = "{path}: {detail}"
    reason = "serve"

    def __init__(self, path: Path | str | None = None, detail: str = "") -> None:
        super().__init__(path, detail=detail)


# --- kg report --------------------------------------------------------------------------------

class ReportFolderError(KgError):
    """The report would replace a folder that holds something else."""

    template = ("{path}: not empty and not a kg report; give `kg report -o` a new or empty folder "
                "(a kg report there is replaced, anything else is left alone)")
    reason = "report-folder"


class UnknownBoard(KgError):
    """A board named for `kg report --compare` is not in the graph, or names several."""

    template = "{path}: {detail}"
    reason = "unknown-board"

    def __init__(self, path: Path | str | None = None, detail: str = "") -> None:
        super().__init__(path, detail=detail)
