"""A cache of parsed briefing files, so that opening 10,000 articles again is quick.

`load_cached(paths)` gives the same `LoadResult` as `tui.files.loader.load(paths)`: it finds the
files with `discover`, parses only the files that are new or changed with `load_file`,
and combines everything with `merge`, so problems and merging rules are the loader's own.

What is stored: for each file, its path as discovered, the key it had when it was read
(size, mtime_ns, ctime_ns, inode, device) and its parsed `FileContent`, in blocks of
`CHUNK_FILES` files; a block keeps its articles, figures and quotes column by column, so
that they are rebuilt quickly (`tui.store.cache_blocks`), and the articles' bodies apart:
a warm load leaves them in the file until they are read (`tui.store.stored_text`). One
cache file per set of paths opened, in ``$BRIEFING_CACHE_DIR`` or the user's cache folder
(``platformdirs.user_cache_dir("briefing")``), under ``load/``.

What is never trusted:

* a cache file whose header does not match: other magic, another format or package
  version, another Python, or changed parsing code (the loader's modules are stamped);
* a payload whose length or CRC-32 does not match the header (truncated or corrupt);
* a cache file not owned by the user, or writable by others (pickle runs code when loaded);
* an entry whose file changed size, mtime, ctime, inode or device; and an entry read
  less than `RACY_SECONDS` after its file was last changed (the file might change again
  within the same timestamp tick; such files are parsed again next time).

Any doubt means the file is parsed again; a bad cache file is replaced, never an error.
Writes go through a temporary file and `os.replace`, so a reader sees the old cache or
the new one (`tui.store.cache_file`). A cold parse of many files uses a process pool
(`tui.store.cache_parse`).
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from tui import __version__
from tui.files.gc_pause import paused_gc
from tui.files.loader import LoadResult, discover, merge
from tui.files.validate import FileContent
from tui.model.problems import Problem
from tui.model.schema import FORMAT_VERSION
from tui.store.cache_blocks import Entry, Key, pack_block
from tui.store.cache_file import Stored, write_cache
from tui.store.cache_file import read_cache as _read_cache  # (as benchmarks/scale.py reads it)
from tui.store.cache_file import unpack as _unpack
from tui.store.cache_parse import (
    CHUNK_FILES,
    PARALLEL_MIN_FILES,
    RACY_SECONDS,
    Progress,
    chunks,
    current_key,
    parse_files,
    worker_count,
)
from tui.store.folder import cache_dir
from tui.store.stored_text import move_to_file

CACHE_FORMAT = 5
"""Bump when the layout of a cache file changes."""
FREEZE_MIN_FILES = 1000
"""From this many files, loaded objects are frozen out of the cycle collector (`paused_gc`)."""

_CODE_MODULES = (
    "tui.files.loader",
    "tui.files.validate",
    "tui.files.yaml_reader",
    "tui.files.text_file",
    "tui.model.briefing",
    "tui.model.problems",
    "tui.model.schema",
    "tui.model.dates",
    "tui.store.cache_blocks",
    "tui.store.stored_text",
)
"""The modules whose code decides what a file parses into: a change to any of them makes
every cache file stale."""


# -- keys -----------------------------------------------------------------------------------------


def _code_stamp() -> str:
    """Changes whenever the code that parses files does: versions and the parsing modules'
    sources (their size and time)."""
    parts = [f"cache={CACHE_FORMAT}", f"format={FORMAT_VERSION}", f"briefing={__version__}"]
    parts.append(f"python={sys.implementation.cache_tag}")
    for name in _CODE_MODULES:
        try:
            stat = os.stat(importlib.import_module(name).__file__ or "")
            parts.append(f"{name}={stat.st_size}:{stat.st_mtime_ns}")
        except (ImportError, OSError):
            parts.append(f"{name}=?")
    return ";".join(parts)


def _cache_file(folder: Path, paths: list[str]) -> Path:
    """One cache file per set of paths, as given and as resolved (paths in problems are
    the ones given, so `briefings` and `./briefings` are cached apart)."""
    ident = json.dumps([[path, os.path.realpath(path)] for path in paths])
    import hashlib

    digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return folder / "load" / f"{digest}.cache"


# -- loading -------------------------------------------------------------------------------------


@dataclasses.dataclass
class CacheStats:
    """What the last `load_cached` did, for benchmarks and tests."""

    files: int = 0
    reused: int = 0
    parsed: int = 0
    written: bool = False
    parallel: bool = False


last_stats = CacheStats()


def load_cached(
    paths: Iterable[str | os.PathLike[str]],
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    parallel: bool | None = None,
    freeze: bool | None = None,
    discovered: tuple[list[str], list[Problem]] | None = None,
    share: bool = True,
) -> LoadResult:
    """Load like `tui.files.loader.load(paths)`, parsing only files that are new or changed.

    `progress(done, total)` is called as files are reused or parsed. `parallel` forces the
    process pool on or off (default: by the number of files to parse). `freeze` moves the
    loaded objects out of the cycle collector's way (see `paused_gc`; default: from
    FREEZE_MIN_FILES files on). `discovered` is what `discover(paths)` gave, when the
    caller has just asked it. `share` makes equal texts and offsets one object: about 13 MiB
    less at 10,000 articles for a tenth of a second, worth it for the dashboard, not for a
    command that prints and exits.
    """
    global last_stats
    given = [os.fspath(path) for path in paths]
    files, problems = discovered if discovered is not None else discover(given)
    if freeze is None:
        freeze = len(files) >= FREEZE_MIN_FILES
    stats = CacheStats(files=len(files))
    with paused_gc(freeze=freeze):
        contents = _contents(
            files, given, _resolve_dir(cache_dir), progress, parallel, stats, share
        )
        result = merge([contents[path] for path in files], problems, files)
    last_stats = stats
    return result


def _contents(
    files: list[str],
    given: list[str],
    folder: Path,
    progress: Progress | None,
    parallel: bool | None,
    stats: CacheStats,
    share: bool = True,
) -> dict[str, FileContent]:
    stamp = _code_stamp()
    store = _cache_file(folder, given)
    stored = _read_cache(store, stamp)
    try:
        return _contents_from(files, store, stamp, stored, progress, parallel, stats, share)
    finally:
        if stored is not None:
            stored.close()


def _contents_from(
    files: list[str],
    store: Path,
    stamp: str,
    stored: Stored | None,
    progress: Progress | None,
    parallel: bool | None,
    stats: CacheStats,
    share: bool = True,
) -> dict[str, FileContent]:
    known: dict[str, tuple[Key, FileContent, int]] = {}
    stored_blocks = stored.blocks if stored is not None else []
    unpacked = _unpack(stored, share, defer=True) or []
    if len(unpacked) != len(stored_blocks):
        stored_blocks = []
    for number, entries in enumerate(unpacked):
        for path, key, content in entries:
            if key is not None:
                known[path] = (key, content, number)

    contents: dict[str, FileContent] = {}
    fresh_blocks: set[int] = set(range(len(unpacked)))
    used_blocks: set[int] = set()
    to_parse: list[str] = []
    for path in files:
        hit = known.get(path)
        if hit is not None and hit[0] == current_key(path):
            contents[path] = hit[1]
            used_blocks.add(hit[2])
        else:
            to_parse.append(path)
            if hit is not None:
                fresh_blocks.discard(hit[2])
    stats.reused = len(contents)
    stats.parsed = len(to_parse)
    if progress:
        progress(len(contents), len(files))

    new_blocks: list[tuple[list[Entry], bytes | None]] = []
    if to_parse:
        if parallel is None:
            parallel = len(to_parse) >= PARALLEL_MIN_FILES and worker_count() > 1
        stats.parallel = parallel
        new_blocks = parse_files(
            to_parse, progress=progress, done=len(contents), total=len(files), parallel=parallel
        )
        for entries, _ in new_blocks:
            for path, _key, content in entries:
                contents[path] = content

    # Keep the stored blocks whose every entry is still current and still wanted; store the
    # rest of their entries again, with what was parsed now.
    wanted = set(files)
    reparsed = set(to_parse)
    keep: list[bytes | memoryview] = []
    redo: list[Entry] = []
    for number, entries in enumerate(unpacked):
        if number in fresh_blocks and all(path in wanted for path, _, _ in entries):
            keep.append(stored_blocks[number])
        elif number in used_blocks:
            redo.extend(
                entry
                for entry in entries
                if entry[0] in wanted and entry[1] is not None and entry[0] not in reparsed
            )
    changed = bool(new_blocks) or len(keep) != len(stored_blocks) or not store.exists()
    if changed and files:
        blocks = keep
        for block in chunks(redo, CHUNK_FILES):
            blocks.append(pack_block(block))
        as_parsed: dict[int, list[Entry]] = {}  # blocks written as the pool gave them
        for entries, blob in new_blocks:
            if all(key is not None for _, key, _ in entries) and blob is not None:
                as_parsed[len(blocks)] = entries
                blocks.append(blob)
            else:
                blocks.append(pack_block([entry for entry in entries if entry[1] is not None]))
        written = write_cache(store, stamp, blocks)
        stats.written = written is not None
        if written is not None:
            file, starts = written
            for number, entries in as_parsed.items():
                move_to_file(entries, file, starts[number])
    return contents


def _resolve_dir(explicit: str | os.PathLike[str] | None) -> Path:
    return cache_dir(explicit)


def clear(cache_dir_: str | os.PathLike[str] | None = None) -> int:
    """Remove every stored load cache; returns how many files were removed."""
    removed = 0
    for entry in (_resolve_dir(cache_dir_) / "load").glob("*.cache"):
        try:
            entry.unlink()
            removed += 1
        except OSError:
            pass
    return removed


__all__ = [
    "CHUNK_FILES",
    "FREEZE_MIN_FILES",
    "PARALLEL_MIN_FILES",
    "RACY_SECONDS",
    "CacheStats",
    "Entry",
    "Key",
    "cache_dir",
    "clear",
    "load_cached",
    "parse_files",
]
