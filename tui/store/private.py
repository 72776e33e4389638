"""The cache's folders and files are the user's own: made private, trusted only when private.

A cache folder may be shared with other users (a $BRIEFING_CACHE_DIR on a shared disk, a
home made group-writable); what another user wrote there is never read. `private_folder`
makes a folder (and the folders above it that are missing) with mode 0700, and refuses one
that is not the user's or that others may write to; `owned` tells whether an open file is
the user's and written by no one else. Files are made 0600 (`tempfile.mkstemp`, or
`create_private`).

`prune_temporaries` removes the temporary files a killed write left behind: those older
than STALE_SECONDS whose writer, if any, holds no lock on them (`lock_temporary`).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import time
from collections.abc import Sequence
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600
STALE_SECONDS = 600.0
"""A temporary file untouched for this long, and locked by no writer, was left by a crash."""


class UnsafeFolder(OSError):
    """A cache folder that cannot be made, or that is not private to the user."""


def _ours(info: os.stat_result) -> bool:
    """Owned by the user and writable by no one else."""
    if not hasattr(os, "getuid"):  # pragma: no cover - not POSIX
        return True
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def owned(fd: int) -> bool:
    """Whether the open file `fd` is the user's own and written by no one else."""
    return _ours(os.fstat(fd))


def private_folder(folder: Path) -> Path:
    """`folder`, made (mode 0700, with the missing folders above it) when it is missing.

    Raises UnsafeFolder, a one-line reason naming the folder, when it cannot be made or is
    not a folder, or is another user's, or others may write to it."""
    missing: list[Path] = []
    here = folder
    while not os.path.lexists(here) and here.parent != here:
        missing.append(here)
        here = here.parent
    for path in reversed(missing):
        try:
            os.mkdir(path, FOLDER_MODE)
        except FileExistsError:
            pass
        except OSError as error:
            raise UnsafeFolder(f"{path} cannot be made: {error.strerror or error}") from error
    try:
        info = os.stat(folder)
    except OSError as error:
        raise UnsafeFolder(f"{folder} cannot be used: {error.strerror or error}") from error
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeFolder(f"{folder} is not a folder")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise UnsafeFolder(f"{folder} belongs to another user")
    if info.st_mode & 0o022:
        raise UnsafeFolder(f"{folder} may be written by other users")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UnsafeFolder(f"{folder} is not writable")
    return folder


def create_private(path: Path) -> None:
    """Make `path` an empty file of mode 0600 unless it exists."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE))


def lock_temporary(fd: int) -> None:
    """Mark an open temporary file as being written (the lock goes with the process)."""
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def prune_temporaries(folder: Path, pattern: str = ".*.tmp", now: float | None = None) -> int:
    """Remove the temporary files in `folder` a killed writer left: untouched for
    STALE_SECONDS and locked by no live writer. Returns how many were removed."""
    now = time.time() if now is None else now
    removed = 0
    try:
        candidates = list(folder.glob(pattern))
    except OSError:
        return 0
    for path in candidates:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_SECONDS:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a live writer holds it
            path.unlink(missing_ok=True)
            removed += 1
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


def write_private(
    path: Path, parts: Sequence[bytes | memoryview], *, keep_open: bool = False
) -> int | None:
    """Write `parts` to `path` through a private temporary file and `os.replace`, so that a
    reader sees the old file or the new one; the folder is made private first. Raises
    OSError (UnsafeFolder among them) when it cannot be written. With `keep_open`, returns
    a descriptor of the file written (still this file if another replaces it meanwhile)."""
    import tempfile

    private_folder(path.parent)
    fd, temp_name = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)  # 0600
    kept = None
    try:
        lock_temporary(fd)  # while it is written: `prune_temporaries` leaves it alone
        if keep_open:
            kept = os.dup(fd)
        with os.fdopen(fd, "wb") as handle:
            for part in parts:
                handle.write(part)
        os.replace(temp_name, path)
        if kept is not None:
            fcntl.flock(kept, fcntl.LOCK_UN)
    except BaseException:
        if kept is not None:
            os.close(kept)
        Path(temp_name).unlink(missing_ok=True)
        raise
    return kept


def keep_newest(folder: Path, pattern: str, keep: Path, count: int) -> None:
    """Remove the least recently written files matching `pattern` in `folder` beyond the
    newest `count` (`keep` among them), and the temporaries a killed write left."""
    try:
        others = sorted(
            (entry for entry in folder.glob(pattern) if entry != keep),
            key=lambda entry: entry.stat().st_mtime_ns,
            reverse=True,
        )
        for old in others[count - 1 :]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
    prune_temporaries(folder)


__all__ = [
    "FILE_MODE",
    "FOLDER_MODE",
    "STALE_SECONDS",
    "UnsafeFolder",
    "create_private",
    "keep_newest",
    "lock_temporary",
    "owned",
    "private_folder",
    "prune_temporaries",
    "write_private",
]
