"""One writer at a time per store folder: ``STORE/write.lock``.

Why a lock at all: a build works on a copy of the database and switches a link at the
end (kg.store), which keeps *readers* safe, but two *writers* on one folder each tidy
away the other's copy, race on the link and on ``manifest.json``, and can leave RocksDB
files missing (seen as "MANIFEST may be corrupted"). So every command that writes the
store (``kg build``, ``kg load``) holds this lock for as long as it writes; readers
(``kg query``, ``export``, ``viz``, ``serve``) never take it and never wait.

Why ``fcntl.flock`` on a file rather than a pid file: the kernel releases the lock when
its holder dies, however it dies (``kill -9`` included), so a stale lock cannot block
anyone; the file's content (pid, host, command, since when) only *describes* the holder
for the message a waiting writer prints. A holder truncates the file when it lets go,
so content found by the next writer means the previous one was killed: it is named and
taken over (its unfinished database copy is removed by the next ``GraphStore.writing``).

The lock is re-entrant within a process (``kg build`` holds it and the store copy it
opens takes it again), and forked children (extraction workers) drop their inherited
descriptor so that a killed parent's lock is released even while they run.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kg.errors import StoreBusy, StoreError

__all__ = ["LOCK_NAME", "FOLD_LOCK_NAME", "Holder", "fold_lock", "quiet_fork", "wait_for_fold", "writer_lock",
           "read_holder"]

LOCK_NAME = "write.lock"
FOLD_LOCK_NAME = "netx-cache.lock"
"""Held by a process folding the view cache that a build left behind (kg.build._CacheFold):
a reader that finds the cache stale waits for it rather than folding the graph too."""
FOLD_WAIT_SECONDS = 60.0
POLL_SECONDS = 0.1
"""How often a waiting writer tries again (flock has no timed wait)."""

Notify = Callable[[str], None]


@dataclass(frozen=True)
class Holder:
    """Who holds (or last held) the lock, as its holder wrote it."""

    pid: int
    host: str
    command: str
    since: str  # ISO 8601, UTC

    def describe(self) -> str:
        return f"pid {self.pid} on {self.host} ({self.command}) since {self.since}"

    def running(self) -> bool | None:
        """Whether the process still exists (None: another host, cannot tell)."""
        if self.host != socket.gethostname():
            return None
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def to_json(self) -> bytes:
        return json.dumps({"pid": self.pid, "host": self.host, "command": self.command,
                           "since": self.since}, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Holder | None:
        try:
            obj = json.loads(data.decode("utf-8"))
            return cls(int(obj["pid"]), str(obj["host"]), str(obj["command"]), str(obj["since"]))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return None


def _this_process() -> Holder:
    argv = [Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python", *sys.argv[1:]]
    command = " ".join(argv)
    if len(command) > 200:
        command = command[:197] + "..."
    since = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Holder(os.getpid(), socket.gethostname(), command, since)


def _read(fd: int) -> Holder | None:
    try:
        return Holder.from_bytes(os.pread(fd, 4096, 0))
    except OSError:
        return None


def read_holder(folder: str | Path) -> Holder | None:
    """The holder recorded in ``folder``'s lock file (None if free or never taken).

    Content is only a description: it may belong to a writer that was killed; whether
    the lock is *held* is the kernel's business (see ``writer_lock``)."""
    try:
        fd = os.open(Path(folder) / LOCK_NAME, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        return _read(fd)
    finally:
        os.close(fd)


# path -> [descriptor, depth] for the locks this process holds
_held: dict[str, list[int]] = {}
_guard = threading.RLock()


def _drop_in_child() -> None:
    """After fork: close inherited lock descriptors without unlocking (LOCK_UN would
    release the parent's lock; closing one copy does not), so only the parent holds it."""
    for fd, _depth in _held.values():
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_in_child)


@contextmanager
def writer_lock(folder: str | Path, wait: float = 0.0, notify: Notify | None = None) -> Iterator[Path]:
    """Hold ``folder``'s writer lock for the ``with`` block.

    Another process holding it: wait up to ``wait`` seconds (``notify`` is told once who
    holds it and for how long we wait), then raise ``StoreBusy`` naming the holder.
    ``notify`` is also told when a lock left by a killed writer is taken over.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    key = os.path.realpath(path)
    with _guard:
        nested = key in _held
        if nested:
            _held[key][1] += 1
    if nested:
        try:
            yield path
        finally:
            with _guard:
                _held[key][1] -= 1
        return
    fd = _acquire(path, folder, wait, notify)
    with _guard:
        _held[key] = [fd, 1]
    try:
        yield path
    finally:
        with _guard:
            _held.pop(key, None)
        _release(fd)


def _acquire(path: Path, folder: Path, wait: float, notify: Notify | None) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise StoreError(f"{folder}/", detail=f"its lock file {path.name} cannot be opened: "
                         f"{exc.strerror or exc}") from exc
    deadline = time.monotonic() + max(0.0, wait)
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            pass
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                raise StoreError(f"{folder}/", detail="its file system does not support locks; "
                                 "put the store on a local disk") from exc
            raise
        holder = _read(fd)
        left = deadline - time.monotonic()
        if left <= 0:
            os.close(fd)
            raise StoreBusy(f"{folder}/", holder=_describe(holder), waited=wait)
        if not told and notify is not None:
            notify(f"{folder}: another kg command is writing this store: {_describe(holder)}; "
                   f"waiting up to {wait:g} s for it to finish")
            told = True
        time.sleep(min(POLL_SECONDS, left))
    previous = _read(fd)
    if previous is not None and notify is not None and previous.pid != os.getpid():
        notify(f"{folder}: taking over the lock left by {previous.describe()}, which ended "
               "without releasing it (killed?); its unfinished work is discarded")
    data = _this_process().to_json()
    os.ftruncate(fd, 0)
    os.pwrite(fd, data, 0)
    return fd


def _release(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)  # an empty file = released cleanly
    except OSError:
        pass
    try:
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _describe(holder: Holder | None) -> str:
    if holder is None:
        return "a process that has not yet recorded its name"
    return holder.describe()


def fold_lock(folder: str | Path, timeout: float = FOLD_WAIT_SECONDS) -> int | None:
    """Take ``folder``'s fold lock (waiting for an older fold to end, so that the last
    build's cache is the one written last) and return its descriptor, to be inherited by
    the process that folds: the lock is released when that process ends, however it ends.
    None when the folder cannot hold the lock file (read-only media), or an older fold
    still holds it after ``timeout`` seconds (a hung fold never hangs a build): no fold then."""
    try:
        fd = os.open(Path(folder) / FOLD_LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        return None
    with contextlib.suppress(OSError):
        if _flock_within(fd, fcntl.LOCK_EX, timeout):
            return fd
    os.close(fd)
    return None


def wait_for_fold(folder: str | Path, timeout: float = FOLD_WAIT_SECONDS) -> bool:
    """Wait (up to ``timeout`` seconds) while a fold of ``folder``'s view cache runs.
    True if one was running (the caller reads the cache again), False if none was.
    (The shared lock taken to see it is let go by closing the descriptor.)"""
    try:
        fd = os.open(Path(folder) / FOLD_LOCK_NAME, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        try:
            if _flock_within(fd, fcntl.LOCK_SH, 0):
                return False
        except OSError:
            return False
        with contextlib.suppress(OSError):
            _flock_within(fd, fcntl.LOCK_SH, timeout)
        return True
    finally:
        os.close(fd)


def _flock_within(fd: int, op: int, timeout: float) -> bool:
    """``flock(fd, op)`` tried until it is granted or ``timeout`` seconds have passed
    (flock has no timed wait): whether it was granted. Other errors are raised."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, op | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(POLL_SECONDS / 2, left))


def quiet_fork() -> int:
    """``os.fork()`` without Python 3.12's warning about forking a process that has
    threads (RocksDB's): the children kg forks never touch the store, and the writer
    lock is dropped in them (``_drop_in_child``)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return os.fork()
