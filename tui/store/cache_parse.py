"""Parsing files for the cache: each with the stat key it had, serially or in a process pool.

`parse_files` parses in blocks of CHUNK_FILES files; from PARALLEL_MIN_FILES files on (and
more than one core), in a process pool whose workers send each block back in the cache's
own format (`tui.store.cache_blocks`). A file's key is taken before it is read, and a file
changed less than RACY_SECONDS before gets none: it is parsed again next time.
A worker whose parent dies exits at once (`_worker_start`): none is left running after a
`kill -9` of the command.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from tui.files.gc_pause import paused_gc
from tui.files.loader import load_file
from tui.store.cache_blocks import Entry, Key, Pools, pack_block, unpack_block
from tui.store.stored_text import in_blob

if TYPE_CHECKING:
    import concurrent.futures

RACY_SECONDS = 2.0
"""A file changed less than this before it was read is not cached (timestamp granularity:
two files written within one tick share an mtime; FAT counts in 2 s)."""
PARALLEL_MIN_FILES = 512
"""From this many files to parse, a process pool is used. Measured on the 2-core build box
(`benchmarks/scale.py --crossover`, a loaded machine): the pool did not beat serial parsing
up to 256 files, and only matched it at 10,000; re-measure on an idle machine."""
CHUNK_FILES = 64
"""Files per work item and per stored block: a changed file costs re-storing one block."""
ORPHAN_POLL = 0.5
"""Seconds between a pool worker's checks that its parent is still alive."""
_PR_SET_PDEATHSIG = 1

T = TypeVar("T")
Progress = Callable[[int, int], None]
"""Called with (files done, files in all)."""


def file_key(path: str, now_ns: int) -> Key | None:
    """The stat key of a file, or None when it cannot be trusted later (racy or missing)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    if max(stat.st_mtime_ns, stat.st_ctime_ns) > now_ns - int(RACY_SECONDS * 1e9):
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


def current_key(path: str) -> Key | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


# -- parsing --------------------------------------------------------------------------------------


def _parse(paths: list[str]) -> list[Entry]:
    """Stat each file before reading it (a change after the stat shows up next time)."""
    entries: list[Entry] = []
    for path in paths:
        key = file_key(path, time.time_ns())
        entries.append((path, key, load_file(path)))
    return entries


def _parse_block(paths: list[str]) -> bytes:
    """Worker: parse files and send them back as a block of the cache's own format. (A
    worker started afresh, not forked from `load_cached`, has the cycle collector on.)"""
    with paused_gc():
        return pack_block(_parse(paths))


def _worker_start(parent: int) -> None:
    """Worker initializer: exit when the parent process dies.

    On Linux the kernel sends SIGKILL when the parent goes (`prctl(PR_SET_PDEATHSIG)`); and
    everywhere a daemon thread checks every ORPHAN_POLL seconds that the worker was not handed
    to another parent (`os.getppid()`) and that `parent`, the process that made the pool, lives.
    """
    ppid = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != ppid or not _alive(parent):  # died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(ORPHAN_POLL)
            if os.getppid() != ppid or not _alive(parent):
                os._exit(1)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process now has the number: not ours, gone
        return False
    return True


def chunks(items: list[T], size: int) -> list[list[T]]:
    """`items` in consecutive lists of `size` (the last one shorter)."""
    return [items[i : i + size] for i in range(0, len(items), size)]


def _executor(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    # Imported here: the pool serves cold parses of hundreds of files, and importing it
    # costs a warm `briefing summary` a tenth of its start-up.
    import concurrent.futures
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    # fork is fastest (the loader is already imported), but forking a process that runs
    # other threads (a Textual app) may copy a held lock; then start clean processes.
    method = "fork" if "fork" in methods and threading.active_count() == 1 else None
    if method is None:
        method = "forkserver" if "forkserver" in methods else "spawn"
    return concurrent.futures.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_worker_start,
        initargs=(os.getpid(),),
    )


def worker_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def parse_files(
    paths: list[str],
    *,
    progress: Progress | None = None,
    done: int = 0,
    total: int | None = None,
    parallel: bool | None = None,
) -> list[tuple[list[Entry], bytes | None]]:
    """Parse files into blocks of entries, with each block's pickled form when at hand.

    In parallel when there are at least PARALLEL_MIN_FILES files and more than one core,
    unless `parallel` says otherwise. Blocks come back in the order of `paths`.
    """
    total = len(paths) if total is None else total
    workers = worker_count()
    if parallel is None:
        parallel = len(paths) >= PARALLEL_MIN_FILES and workers > 1
    blocks = chunks(paths, CHUNK_FILES)
    results: list[tuple[list[Entry], bytes | None]] = []
    if not parallel or not blocks:
        for block in blocks:
            results.append((_parse(block), None))
            done += len(block)
            if progress:
                progress(done, total)
        return results
    pools = Pools()
    with _executor(min(workers, len(blocks))) as pool:
        futures = [pool.submit(_parse_block, block) for block in blocks]
        for future, block in zip(futures, blocks, strict=True):
            blob = future.result()
            with paused_gc():  # bodies stay in the block's bytes until it is written
                entries = unpack_block(blob, pools, in_blob(blob))
            results.append((entries, blob))
            done += len(block)
            if progress:
                progress(done, total)
    return results


__all__ = [
    "CHUNK_FILES",
    "PARALLEL_MIN_FILES",
    "RACY_SECONDS",
    "Progress",
    "chunks",
    "current_key",
    "file_key",
    "parse_files",
    "worker_count",
]
