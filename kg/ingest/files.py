"""Many files: folders expanded, ids checked, one bad file never stops a batch."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import DuplicateId, InputError, Unreadable, UnsupportedType
from kg.ingest.common import SUPPORTED_SUFFIXES, _short, document_id
from kg.ingest.reader import read_document
from kg.model import Document
from kg.paths import MODELS_DIR, RULES_DIR

# --- many files ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Listing:
    """What the paths given on a command line expand to, before anything is read.

    ``items``: files to read in order, and errors for paths that cannot be inputs: a
    named path that is missing or of an unsupported type, and a second file with an
    already used document id (``DuplicateId``: same name stem, e.g. ``a/minutes.txt``
    and ``b/minutes.html``; ids name the IRIs of a document's facts).
    ``skipped``: what folders hold that is not a document, left out and named by the
    commands: hidden files and folders (and Office lock files ``~$...``), a folder's own
    README/SOURCES, files of types kg does not read, and kg's own rule and model folders
    (``kg build data`` must not read ``data/rules/first_names.txt`` as minutes).
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
    ids: dict[str, Path] = {}

    def add(path: Path) -> None:
        key = os.path.realpath(path)
        if key in seen:
            return
        seen.add(key)
        doc_id = document_id(path)
        if doc_id in ids:
            items.append(DuplicateId(path, id=doc_id, first=str(ids[doc_id])))
        else:
            ids[doc_id] = path
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


#: kg's own resource folders: read as rules and models, never as documents. Also a
#: copy of one (a checkout's data/rules beside an installed kg): a folder of that name
#: holding one of its files.
_RESOURCE_DIRS = frozenset(os.path.realpath(d) for d in (RULES_DIR, MODELS_DIR))
_RESOURCE_FILES = {d.name: frozenset(p.name for p in d.iterdir() if p.is_file()) if d.is_dir() else frozenset()
                   for d in (RULES_DIR, MODELS_DIR)}


def _is_resource_dir(path: Path) -> bool:
    if os.path.realpath(path) in _RESOURCE_DIRS:
        return True
    known = _RESOURCE_FILES.get(path.name, frozenset())
    try:
        return bool(known) and any(child.name in known for child in path.iterdir())
    except OSError:
        return False

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
        for name in [d for d in dirnames if _is_hidden(d) or _is_resource_dir(here / d)]:
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
    """Documents and errors in input order (list_inputs decides ids and duplicates);
    never raises for a bad file."""
    listing = paths if isinstance(paths, Listing) else list_inputs(paths)
    for item in listing.items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            document = read_document(item)
        except InputError as error:
            yield error
            continue
        except Exception as error:  # noqa: BLE001 - a reader bug must not stop the batch; name it
            yield InputError(item, detail=f"unexpected {_short(error)}; please report this")
            continue
        yield document

