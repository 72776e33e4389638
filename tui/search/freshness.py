"""Whether the on-disk index is in step with the files, told without reading them.

`files_signature(paths)` digests what the file system records of every briefing file the
paths name, as `tui.files.loader.discover` finds them (YAML files below the folders given,
hidden ones aside), of every folder on the way, and of the code that turns files into
index rows. An update that starts from it stores it in the index (`SearchIndex.update`),
so a later search whose signature is the same answers from the index without loading or
fingerprinting any article. Any edit (even to the same size within the same second: the
change time and inode move too), any file or folder added, removed or made unreadable, and
any change to the parsing or indexing code gives another signature.

A file changed less than RACY_SECONDS ago could change again within the same timestamp
tick: its signature is not `settled`, and is not stored.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import time
from collections.abc import Iterable, Sequence
from typing import NamedTuple

RACY_SECONDS = 2.0
"""A signature with a file or folder changed less than this ago is not stored."""
YAML_SUFFIXES = (".yaml", ".yml")
"""What `tui.files.loader` reads in a folder (kept the same; a test checks)."""
INDEX_CODE = ("files", "model", "search", "text")
"""The packages whose code decides what is indexed: their sources are part of its signature."""


class FilesSignature(NamedTuple):
    digest: str
    settled: bool
    """False when something changed less than RACY_SECONDS ago (then it is not stored)."""


def files_signature(paths: Iterable[str | os.PathLike[str]], *, with_code: bool = True,
                    code: Sequence[str] = INDEX_CODE) -> FilesSignature:
    """The signature of the briefing files `paths` name, and (`with_code`) of the code in
    the packages `code` (by default, the indexing code); the dashboard, which watches the
    files only, leaves the code out."""
    return files_signatures(paths, [code] if with_code else [()])[0]


def files_signatures(
    paths: Iterable[str | os.PathLike[str]], codes: Sequence[Sequence[str]]
) -> list[FilesSignature]:
    """`files_signature(paths, code=code)` for each of `codes`, the files stat-ed once."""
    records: list[Record] = []
    newest = 0
    given = [os.fspath(path) for path in paths]
    for path in given:
        newest = max(newest, _record(records, path, _stat(path)))
        if os.path.isdir(path):
            newest = max(newest, _walk(records, path))
    settled = newest < time.time_ns() - int(RACY_SECONDS * 1e9)
    signatures = []
    for code in codes:
        both = list(records)
        if code:
            _code_records(both, code)
        both.sort()  # (the order of a folder's listing is the file system's)
        digest = hashlib.sha256(marshal.dumps(both, 2)).hexdigest()
        signatures.append(FilesSignature(digest, settled))
    return signatures


Record = tuple[str, ...] | tuple[str, int, int, int, int, int, int]
"""A path and its stat data (mtime, ctime, size, inode, device, mode); the path alone when
it cannot be stat-ed. Tuples, not text: 30,000 files are recorded in a third of the time."""


def _code_records(records: list[Record], folders: Sequence[str]) -> None:
    """The package's version and the stat data of every module in `folders` (the index's
    schema version is in `search/database.py`, whose record changes with it)."""
    from tui import __version__

    code = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    records.append(("\0version", __version__))  # (no path holds a NUL)
    for folder in folders:
        _walk(records, os.path.join(code, folder), (".py",))


def _walk(records: list[Record], folder: str, suffixes: tuple[str, ...] = YAML_SUFFIXES) -> int:
    """Record every file with one of `suffixes` and every folder below `folder` (hidden
    ones aside, link loops visited once); returns the newest change time seen."""
    newest = 0
    visited: set[tuple[int, int]] = set()
    pending = [folder]
    while pending:
        root = pending.pop()
        try:
            with os.scandir(root) as listing:
                entries = list(listing)
            info = os.stat(root)
        except OSError:
            continue  # its own record, taken from its parent, tells when that changes
        if (info.st_dev, info.st_ino) in visited:
            continue
        visited.add((info.st_dev, info.st_ino))
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if name.endswith(suffixes):  # (inlined: 10,000 files take this path)
                try:
                    st = entry.stat()
                except OSError:
                    records.append((entry.path,))
                    continue
                if not stat.S_ISDIR(st.st_mode):
                    records.append((entry.path, st.st_mtime_ns, st.st_ctime_ns, st.st_size,
                                    st.st_ino, st.st_dev, st.st_mode))
                    if st.st_ctime_ns > newest or st.st_mtime_ns > newest:
                        newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)
                    continue
            elif not _is_dir(entry):
                continue
            newest = max(newest, _record(records, entry.path, _stat(entry.path)))
            pending.append(entry.path)
    return newest


def _record(records: list[Record], path: str, info: os.stat_result | None) -> int:
    if info is None:
        records.append((path,))
        return 0
    records.append((path, info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino,
                    info.st_dev, info.st_mode))
    return max(info.st_mtime_ns, info.st_ctime_ns)


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


__all__ = [
    "INDEX_CODE",
    "RACY_SECONDS",
    "FilesSignature",
    "files_signature",
    "files_signatures",
]
