"""Write files so that a crash mid-write never leaves a half-written file."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], text: str, *, backup: bool = False) -> Path | None:
    """Write `text` to `path` through a temporary file in the same folder, then rename.

    The rename is atomic on POSIX, so readers see the old file or the new one,
    never a mix. With `backup`, an existing file is first copied to `path~`;
    the backup's path is returned.

    A symbolic link is followed, so the file it points to is replaced and the link kept.
    A target that is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is
    written in place: renaming over it would replace the device with a plain file.
    """
    target = Path(os.path.realpath(path))
    if _special(target):
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    backup_path: Path | None = None
    if backup and target.exists():
        backup_path = target.with_name(target.name + "~")
        shutil.copy2(target, backup_path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return backup_path


def _special(target: Path) -> bool:
    """Whether `target` exists and is neither a regular file nor a folder."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))
