"""The search index's SQLite file: where it lives, its tables, and how it is written.

Tables: `entries`, the FTS5 table (contentless but for articles, whose text it reads from
`bodies`); `docs`, one row per article (and one for all speakers) with what it shows in
hits (see `tui.search.rows`); `meta`, whose "state" is "ready" unless a build is under way.
A whole build runs in one unsynced transaction, with FTS5's in-memory buffer raised from
1 MB (HASH_SIZE), between synced "building" and "ready" marks. A damaged or outdated file
is removed and made anew.

Several processes may share an index (two `briefing search` at once, the dashboard beside
them). Whoever writes it, or checks it when opening it, holds an exclusive `flock` on the
lock file beside it (`IndexLock`), which the kernel releases when the process dies: so a
"building" mark with the lock free was left by a crash (the index is built again), and one
with the lock held is a live build, waited for at most BUILD_WAIT seconds. A busy or
locked file is never taken for a damaged one: only an error that says the file is damaged
(`damaged`) has it removed. What cannot be used raises `IndexUnavailable`, one plain line.

The folder is the user's own (0700, `tui.store.private`); the index, its lock and
SQLite's files beside it are made 0600, and any of them another user owns, or others may
write to, is removed before the index is opened (under the lock): it is never read.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import sqlite3
import stat
import time
from collections.abc import Iterator
from pathlib import Path

SCHEMA_VERSION = 4
"""Bump when the tables or what is indexed change: older indexes are rebuilt."""
HASH_SIZE = 16 << 20
"""Bytes of new index data FTS5 keeps in memory before writing them out."""
TOKENIZER = "tokenize = 'porter unicode61 remove_diacritics 2'"
MEMORY = ":memory:"
"""The path of a private index, in memory."""
BUILD_WAIT = 20.0
"""Seconds to wait for another process that is building or writing the index; then the
caller answers from an index in memory."""
BUSY_MS = 5000
"""Milliseconds SQLite retries a statement that finds the file locked by another process."""
_LOCK_POLL = 0.02
_SIDE_FILES = ("-wal", "-shm", "-journal")
_TRANSIENT = {3, 5, 6, 7, 8, 9, 10, 13, 14, 15, 23}
"""SQLite's primary result codes that say nothing against the file: PERM, BUSY, LOCKED,
NOMEM, READONLY, INTERRUPT, IOERR, FULL, CANTOPEN, PROTOCOL, AUTH."""


class IndexUnavailable(Exception):
    """The on-disk index cannot be used now; the message says why in one plain line."""


class IndexBusy(IndexUnavailable):
    """Another process holds the index's lock (building it) for longer than we wait."""


def damaged(error: sqlite3.Error) -> bool:
    """Whether `error` says the file is damaged or foreign (rather than busy, locked,
    read-only, full or unreadable, which say nothing against it)."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF not in _TRANSIENT
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(
        error, sqlite3.OperationalError
    )


class IndexLock:
    """The exclusive lock of an index file: an `flock` on ``<index>.lock``, re-entrant within
    one holder, released by the kernel when the process dies."""

    def __init__(self, index: Path) -> None:
        self.path = Path(f"{index}.lock")
        self._depth = 0
        try:
            self._fd = os.open(
                self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600
            )
        except OSError as error:
            raise IndexUnavailable(
                f"the search index's lock {self.path} cannot be opened: {error.strerror or error}"
            ) from error
        from tui.store.private import owned

        if not stat.S_ISREG(os.fstat(self._fd).st_mode) or not owned(self._fd):
            os.close(self._fd)
            raise IndexUnavailable(
                f"the search index's lock {self.path} is another user's or writable by others: "
                "remove it"
            )

    @contextlib.contextmanager
    def held(self, wait: float | None = None) -> Iterator[None]:
        """Hold the lock, waiting at most `wait` seconds for another process to let it go;
        raises IndexBusy when it does not (default: BUILD_WAIT)."""
        if wait is None:
            wait = BUILD_WAIT
        if self._depth == 0:
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise IndexBusy(
                            f"the search index {self.path.with_suffix('')} is being built "
                            f"by another process (waited {wait:g} s)"
                        ) from None
                    time.sleep(_LOCK_POLL)
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0 and self._fd >= 0:  # (closing let it go already)
                fcntl.flock(self._fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # lets the lock go, if held
            self._fd = -1


def default_path(name: str = "default", cache_dir: str | os.PathLike[str] | None = None) -> Path:
    """Where the index `name` lives: ``<cache folder>/index/<name>.sqlite3``."""
    from tui.store.folder import cache_dir as resolve

    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name) or "default"
    return resolve(cache_dir) / "index" / f"{safe}.sqlite3"


class Writing:
    """One write transaction. A bulk one is not synced; it runs between a synced "building"
    mark and a synced "ready" one, so an index a crash left half-written is never trusted."""

    def __init__(self, db: sqlite3.Connection, *, bulk: bool) -> None:
        self._db = db
        self._bulk = bulk

    def __enter__(self) -> None:
        if self._bulk:
            self._mark("building")
            self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is not None:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if self._bulk:  # rolled back: what is there is whole again
                with contextlib.suppress(sqlite3.Error):
                    self._mark("ready")
                self._db.execute("PRAGMA synchronous = NORMAL")
            return
        self._db.execute("COMMIT")
        if self._bulk:
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # synced: the pages are safe
            self._mark("ready")
            self._db.execute("PRAGMA synchronous = NORMAL")

    def _mark(self, state: str) -> None:
        self._db.execute("PRAGMA synchronous = FULL")
        self._db.execute("BEGIN IMMEDIATE")
        self._db.execute("UPDATE meta SET value = ? WHERE name = 'state'", (state,))
        self._db.execute("COMMIT")


def connect(
    path: str, lock: IndexLock | None = None, wait: float | None = None
) -> sqlite3.Connection:
    """Open the index at `path` (or MEMORY, without `lock`), creating its tables when they
    are missing, outdated or half-built (under `lock`: a build another process is running
    is waited for, up to `wait` seconds (BUILD_WAIT), and never undone); raises
    sqlite3.DatabaseError when the file is damaged, IndexBusy when another process builds
    it for longer."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        db.execute("PRAGMA temp_store = MEMORY")
        if path != MEMORY:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        if not _ready(db):
            if lock is None:
                _create(db)
            else:
                with lock.held(wait):
                    if not _ready(db):  # still: no live process is building it
                        _create(db)
        db.execute("SELECT count(*) FROM docs").fetchone()
    except BaseException:
        db.close()
        raise
    # where snippets of the rows shown are made (see tui.search.snippets)
    db.execute(
        "CREATE TEMP TABLE shown(rowid INTEGER PRIMARY KEY, title TEXT, text TEXT, extra TEXT)"
    )
    db.execute(
        "CREATE VIRTUAL TABLE temp.snips USING fts5(title, text, extra, content='shown', "
        f"content_rowid='rowid', {TOKENIZER})"
    )
    return db


def _ready(db: sqlite3.Connection) -> bool:
    """Whether the file has this version's tables, whole (a damaged file fails here)."""
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return False
    state = db.execute("SELECT value FROM meta WHERE name = 'state'").fetchone()
    return state == ("ready",)


def _create(db: sqlite3.Connection) -> None:
    """The tables, empty (dropping whatever an older version or a half-done build left)."""
    db.execute("BEGIN IMMEDIATE")
    for table in ("entries", "items", "docs", "bodies", "meta"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    db.execute(
        "CREATE VIRTUAL TABLE entries USING fts5(title, text, extra, content='bodies', "
        f"content_rowid='rowid', {TOKENIZER})"
    )
    # FTS5 gathers new words in memory until `hashsize` bytes, then writes a segment and merges
    # segments; with its default of 1 MB a build of 10,000 articles spends half its time there
    db.execute(f"INSERT INTO entries(entries, rank) VALUES('hashsize', {HASH_SIZE})")
    db.execute(
        "CREATE TABLE docs(first INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, "
        "fingerprint TEXT NOT NULL, count INTEGER NOT NULL, parts BLOB NOT NULL)"
    )
    db.execute("CREATE TABLE bodies(rowid INTEGER PRIMARY KEY, title TEXT, text TEXT, extra TEXT)")
    db.execute("CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta(name, value) VALUES ('state', 'ready')")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    db.execute("COMMIT")


def remove_database(path: Path) -> None:
    """Remove an index file and what SQLite keeps beside it (never its lock: a process
    holding it would then exclude no one)."""
    for suffix in ("", *_SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def foreign_files(path: Path) -> list[Path]:
    """The index file and SQLite's files beside it that are not the user's own regular
    files, written by no one else (they are never opened: see `refuse_foreign`)."""
    from tui.store.private import owned

    found = []
    for name in (str(path), *(f"{path}{suffix}" for suffix in _SIDE_FILES)):
        try:
            fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
        except FileNotFoundError:
            continue
        except OSError:  # a symbolic link, or unreadable
            found.append(Path(name))
            continue
        try:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IndexUnavailable(f"the search index {name} is a folder: remove or rename it")
            if not stat.S_ISREG(info.st_mode) or not owned(fd):
                found.append(Path(name))
        finally:
            os.close(fd)
    return found


def prepare_file(path: Path, lock: IndexLock, wait: float | None = None) -> None:
    """Before SQLite opens `path`: remove what another user owns there (under the lock),
    and make the file 0600 when it is missing (SQLite gives its own files the same mode)."""
    from tui.store.private import create_private

    if foreign_files(path):
        with lock.held(wait):
            for name in foreign_files(path):
                name.unlink(missing_ok=True)
            remove_database(path)  # what remains of it cannot be trusted either
    create_private(path)
