"""Write files so that a crash mid-write never leaves a half-written file, and nothing is lost.

Every file the tool writes goes through `write_atomic`: a command's output, a drafted
briefing, the remembered state. It never writes over one of the command's own inputs, never
lets a backup replace an older backup, and gives a new file the permissions the user's
umask asks for (a replaced file keeps its own).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tui.model.problems import ActionableError


class WriteError(ActionableError):
    """A file could not be written; the message says which and what to do."""


def write_atomic(
    path: str | os.PathLike[str],
    text: str,
    *,
    backup: bool = False,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> Path | None:
    """Write `text` to `path` through a temporary file in the same folder, then rename.

    The rename is atomic on POSIX, so readers see the old file or the new one, never a
    mix. With `backup`, an existing file is first copied to `path~` (or, when that is
    taken, to the first free `path.~N~`); the backup's path is returned. `inputs` are the
    files the command read: writing over one of them is refused.

    A symbolic link is followed, so the file it points to is replaced and the link kept.
    A target that is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is
    written in place: renaming over it would replace the device with a plain file.
    Raises `WriteError` with a message for the user.
    """
    target = Path(os.path.realpath(path))
    try:
        existing = target.stat()
    except OSError:
        existing = None
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise WriteError(f"{os.fspath(path)} is a folder; name a file to write")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_in_place(path, target, text)
        return None
    if existing is not None and _is_one_of(existing, inputs):
        raise WriteError(
            f"{os.fspath(path)} is one of the files this command reads; "
            "choose another output file"
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        backup_path = _backup(target) if backup and existing is not None else None
        _replace(target, text, existing)
    except OSError as error:
        raise WriteError(_cannot_write(path, error)) from error
    return backup_path


def _write_in_place(path: str | os.PathLike[str], target: Path, text: str) -> None:
    try:
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as error:
        raise WriteError(_cannot_write(path, error)) from error


def _replace(target: Path, text: str, existing: os.stat_result | None) -> None:
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        if existing is not None:  # the file keeps its permissions and, where allowed, group
            os.fchmod(fd, stat.S_IMODE(existing.st_mode))
            if existing.st_gid != os.getegid():
                with contextlib.suppress(OSError):  # not in that group: the folder's stands
                    os.fchown(fd, -1, existing.st_gid)
        else:
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _backup(target: Path) -> Path:
    """Copy `target` to `target~`, or to the first free `target.~N~`: never over a backup."""
    candidate = target.with_name(target.name + "~")
    number = 1
    while candidate.exists() or candidate.is_symlink():
        candidate = target.with_name(f"{target.name}.~{number}~")
        number += 1
    shutil.copy2(target, candidate)
    return candidate


def _is_one_of(existing: os.stat_result, inputs: Iterable[str | os.PathLike[str]]) -> bool:
    for path in inputs:
        try:
            other = os.stat(path)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (existing.st_dev, existing.st_ino):
            return True
    return False


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: read by setting it, and set it back at once
    os.umask(mask)
    return mask


def _cannot_write(path: str | os.PathLike[str], error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"cannot write {os.fspath(path)}: {reason}; check the folder exists and is writable"
