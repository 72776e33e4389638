"""The search index's SQLite file: where it lives, its tables, and how it is written.

Tables: `entries`, the FTS5 table (contentless but for articles, whose text it reads from
`bodies`); `docs`, one row per article (and one for all speakers) with what it shows in
hits (see `tui.search.rows`); `meta`, whose "state" is "ready" unless a build is under way.
A whole build runs in one unsynced transaction, with FTS5's in-memory buffer raised from
1 MB (HASH_SIZE), between synced "building" and "ready" marks: an index a crash left
half-built is found and built again. A damaged or outdated file is removed and made anew.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from pathlib import Path

SCHEMA_VERSION = 4
"""Bump when the tables or what is indexed change: older indexes are rebuilt."""
HASH_SIZE = 16 << 20
"""Bytes of new index data FTS5 keeps in memory before writing them out."""
TOKENIZER = "tokenize = 'porter unicode61 remove_diacritics 2'"
MEMORY = ":memory:"
"""The path of a private index, in memory."""


def default_path(name: str = "default", cache_dir: str | os.PathLike[str] | None = None) -> Path:
    """Where the index `name` lives: ``<cache folder>/index/<name>.sqlite3``."""
    from tui.store.cache import cache_dir as resolve

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


def connect(path: str) -> sqlite3.Connection:
    """Open the index at `path` (or MEMORY), creating its tables when they are missing,
    outdated or half-built; raises sqlite3.DatabaseError when the file is damaged."""
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA temp_store = MEMORY")
    if path != MEMORY:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    state = None
    if version == SCHEMA_VERSION:  # a damaged file fails here
        state = db.execute("SELECT value FROM meta WHERE name = 'state'").fetchone()
    if version != SCHEMA_VERSION or state != ("ready",):
        _create(db)
    db.execute("SELECT count(*) FROM docs").fetchone()
    # where snippets of the rows shown are made (see tui.search.snippets)
    db.execute(
        "CREATE TEMP TABLE shown(rowid INTEGER PRIMARY KEY, title TEXT, text TEXT, extra TEXT)"
    )
    db.execute(
        "CREATE VIRTUAL TABLE temp.snips USING fts5(title, text, extra, content='shown', "
        f"content_rowid='rowid', {TOKENIZER})"
    )
    return db


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
    """Remove an index file and what SQLite keeps beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
