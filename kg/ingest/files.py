"""Many files: folders expanded, ids checked, one bad file never stops a batch."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
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
    stats: dict[int, os.stat_result] = field(default_factory=dict, compare=False)
    """The stat of ``items[i]`` (following links) where the folder listing took it: a
    build compares size, time and inode with its cache and need not stat 10,000 files
    again. Missing entries are simply not known."""


def list_inputs(paths: Iterable[Path | str]) -> Listing:
    """Expand folders recursively (sorted, hidden folders not entered); keep named files.

    A named file with an unsupported extension is an error; inside a folder it is skipped.
    The same file reached twice (named and inside a named folder) is read once.
    """
    items: list[Path | InputError] = []
    skipped: list[Path] = []
    seen: set[str] = set()
    ids: dict[str, Path] = {}
    stats: dict[int, os.stat_result] = {}

    def add(path: Path, key: str | None = None, stat: os.stat_result | None = None) -> None:
        key = key or os.path.realpath(path)
        if key in seen:
            return
        seen.add(key)
        doc_id = document_id(path)
        if doc_id in ids:
            items.append(DuplicateId(path, id=doc_id, first=str(ids[doc_id])))
        else:
            ids[doc_id] = path
            if stat is not None:
                stats[len(items)] = stat
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
            for file, key, stat in files:
                add(file, key, stat)
            items.extend(errors)
        elif not exists:
            items.append(Unreadable(path, "no such file or folder"))
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            items.append(UnsupportedType(path, path.suffix.lower()))
        else:
            add(path)
    return Listing(tuple(items), tuple(skipped), stats)


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


def _suffix(name: str) -> str:
    """``PurePath(name).suffix``, without making a path (10,000 of them at national scale)."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


_Found = tuple[Path, str, "os.stat_result | None"]


def _folder_files(folder: Path, skipped: list[Path]) -> tuple[list[_Found], list[InputError]]:
    """Every document file under ``folder`` (sorted by its path inside it), each with its
    real path (the folder's resolved once, a link's on its own) and its stat; hidden,
    resource and unsupported entries go to ``skipped``. By os.scandir: one system call
    per folder for names and types, and no path object but for the files kept
    (os.walk, Path.relative_to and a realpath per file were 1 s of a rebuild at 10,000)."""
    found: list[tuple[tuple[str, ...], Path, str, os.stat_result | None]] = []
    errors: list[InputError] = []

    def walk(here: Path, real: str, parts: tuple[str, ...]) -> None:
        try:
            with os.scandir(here) as listing:
                entries = list(listing)
        except OSError as error:
            errors.append(Unreadable(error.filename or here, error.strerror or type(error).__name__))
            return
        files: list[os.DirEntry] = []
        folders: list[os.DirEntry] = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            (folders if is_dir else files).append(entry)
        below = []
        for entry in folders:  # as os.walk did: a folder's skipped folders, its files, then below
            if _is_hidden(entry.name) or _is_resource_dir(here / entry.name):
                skipped.append(here / entry.name)
            elif not entry.is_symlink():  # links to folders are not followed
                below.append(entry.name)
        for entry in files:
            name = entry.name
            if _is_hidden(name) or _suffix(name).lower() not in SUPPORTED_SUFFIXES:
                skipped.append(here / name)
                continue
            try:
                stat: os.stat_result | None = entry.stat()
            except OSError:
                stat = None
            key = os.path.realpath(entry.path) if entry.is_symlink() else os.path.join(real, name)
            found.append(((*parts, name), here / name, key, stat))
        for name in below:
            walk(here / name, os.path.join(real, name), (*parts, name))

    walk(folder, os.path.realpath(folder), ())
    found.sort(key=lambda item: item[0])
    return [(file, key, stat) for _, file, key, stat in found], errors


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

