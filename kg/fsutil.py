"""Writing outputs so that nothing half-written ever replaces a good file.

Every output goes to a temporary file in the same folder, is flushed to disk, and is then
renamed over the target: a rename within one file system is atomic, so a reader (or a
build killed part-way) sees the old file or the new one, never a mixture.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: Path | str, data: bytes) -> None:
    write_atomic_parts(path, (data,))


def write_atomic_parts(path: Path | str, parts: Iterable[bytes | memoryview]) -> None:
    """``write_atomic`` of the parts one after the other: a patched output is written
    as runs of the old file (views of its mapping) and the new pieces, never joined
    into one bytes object."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            for part in parts:
                f.write(part)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes 0600: keep the mode of the file replaced, else what the umask allows
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def place_atomic(tmp: Path, path: Path) -> None:
    """``write_atomic``'s last step for a file another process wrote (and synced) at
    ``tmp``, in ``path``'s folder: the mode ``write_atomic`` would give, then renamed."""
    os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
    os.replace(tmp, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
