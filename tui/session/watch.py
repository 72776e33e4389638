"""What tells that a briefing's files changed, read from the file system's own records.

A signature is cheap to take (stat calls, and one listing a folder for its subfolders) and
changes whenever a file is edited (even to the same size within the same second: the
change time and inode move too), added or removed, and whenever a folder appears, goes,
or becomes readable or unreadable.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

Signature = tuple[tuple[str, int, int, int, int], ...]


def file_signature(paths: Sequence[str], files: Sequence[str]) -> Signature:
    """The state of the paths given, every folder below them, and the files loaded."""
    watched = dict.fromkeys([*paths, *_folders(paths), *files,
                             *(os.path.dirname(f) or "." for f in files)])
    signature = []
    for path in watched:
        try:
            stat = os.stat(path)
        except OSError:
            signature.append((path, -1, -1, -1, -1))
        else:
            signature.append(
                (path, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino)
            )
    return tuple(signature)


def _folders(paths: Sequence[str]) -> Iterator[str]:
    """Every folder below the folders given, hidden ones aside (as the loader skips them)."""
    pending = [path for path in paths if os.path.isdir(path)]
    seen: set[str] = set()
    while pending:
        folder = pending.pop()
        real = os.path.realpath(folder)
        if real in seen:
            continue
        seen.add(real)
        try:
            with os.scandir(folder) as listing:
                found = [e.path for e in listing if not e.name.startswith(".") and _is_dir(e)]
        except OSError:
            continue  # its own stat, in the signature, tells when it can be read again
        yield from found
        pending.extend(found)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
