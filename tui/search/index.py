"""Full-text search: an SQLite FTS5 index of a briefing's articles, quotes, speakers and figures.

    index = SearchIndex.for_paths(paths)  # on disk, in the cache folder
    index = SearchIndex.open(":memory:")  # or private, in memory: the same index otherwise
    index.update(briefing)                # only articles that changed are indexed again
    for hit in index.search("peacekeepers kashmir", limit=20): ...

Ranking is FTS5's bm25 (the title and names weigh more than running text); every hit
carries a one-line snippet, safe to print, with the matched words' spans in `highlights`,
and where to go: an article and a span of its body, or a speaker (`tui.search.hits`).
Queries: `tui.search.query`; what is stored: `tui.search.rows`; the file:
`tui.search.database`; snippets and hits: `tui.search.snippets`.

How it stays fast (10,000 articles are some 150,000 rows):

* Only articles' text is stored with the index; a quote, figure or speaker row holds words
  only, and its display fields live with its article's in one row of `docs`. Snippets are
  made for the hits returned only.
* A query matching at most RANK_CAP rows (any selective one) is ranked by bm25; one matching
  more ("the", "said": bm25 cannot tell such rows apart, and ranking them all is what costs)
  gives the newest rows first (speakers, then articles by date of publication), which
  FTS5 reads in rowid order: one pass for the newest RANK_CAP + 1 tells which case it is.
* A build anew runs in one unsynced transaction (see `tui.search.database`).

Processes share the on-disk index: an update holds its lock (`IndexLock`), so a second one
waits for the first and then finds the index in step. What cannot be used (another process
building it for too long, a folder that is not the user's, a file that cannot be written)
raises `IndexUnavailable`, and `tui.search.service` answers from an index in memory.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from tui.model.briefing import Briefing
from tui.search import rows as _rows
from tui.search.database import (
    MEMORY,
    IndexBusy,
    IndexLock,
    IndexUnavailable,
    Writing,
    connect,
    damaged,
    default_path,
    prepare_file,
    remove_database,
)
from tui.search.hits import KINDS, Hit
from tui.search.query import build_match, expression, parse_query
from tui.search.rows import DOC_COLUMNS, SPEAKER_SEQ, SPEAKERS_KEY, Doc, FtsRow, Part
from tui.search.snippets import article_hit, article_snippets, part_hit, part_snippets

RANK_CAP = 2000
"""A query matching more rows than this is not ranked: its newest rows come first."""
REBUILD_SHARE = 0.5
"""When more than this share of the indexed articles changed, the index is built anew
(deleting a row from a contentless table costs as much as inserting it)."""
INSERT_BATCH = 500
"""Articles whose rows are made and inserted together: memory stays that of a batch."""
_WEIGHTS = "5.0, 1.0, 2.0"
"""bm25 weights of the columns title, text and extra."""


class SearchIndex:
    """An FTS5 index of one briefing; `update` keeps it in step, `search` queries it.

    Not thread-safe: one thread at a time (`tui.search.service` sees to that)."""

    def __init__(
        self, connection: sqlite3.Connection, path: str, lock: IndexLock | None = None
    ) -> None:
        self._db = connection
        self.path = path
        self._lock = lock
        """The on-disk index's lock, held while it is written (None in memory)."""
        self._briefing: Briefing | None = None
        """The briefing last indexed: an index found damaged while searching is rebuilt."""

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        cache_dir: str | os.PathLike[str] | None = None,
        *,
        name: str = "default",
        wait: float | None = None,
    ) -> SearchIndex:
        """Open (or create) the index `name` in the cache folder; ":memory:" for a private one.

        Waits up to `wait` seconds (BUILD_WAIT) for another process building it; raises
        IndexUnavailable (one plain line) when the index cannot be used: then build one in
        memory."""
        if cache_dir is not None and os.fspath(cache_dir) == MEMORY:
            return cls(connect(MEMORY), MEMORY)
        from tui.store.private import UnsafeFolder, private_folder

        path = default_path(name, cache_dir)
        try:
            private_folder(path.parent)
        except UnsafeFolder as error:
            raise IndexUnavailable(f"the search index folder {error}") from error
        lock = IndexLock(path)
        try:
            return cls(_connect(path, lock, wait), str(path), lock)
        except BaseException:
            lock.close()
            raise

    @classmethod
    def for_paths(
        cls,
        paths: Iterable[str | os.PathLike[str]],
        cache_dir: str | os.PathLike[str] | None = None,
        *,
        wait: float | None = None,
    ) -> SearchIndex:
        """The index of the briefing made of `paths` (one index per set of paths)."""
        ident = json.dumps([[os.fspath(p), os.path.realpath(p)] for p in paths])
        digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        return cls.open(cache_dir, name=digest, wait=wait)

    def close(self) -> None:
        self._db.close()
        if self._lock is not None:
            self._lock.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _reset(self) -> None:
        """Start again from an empty file (the index was found damaged); under the lock."""
        self._db.close()
        remove_database(Path(self.path))
        self._db = connect(self.path, self._lock)

    def _held(self, wait: float | None = None) -> contextlib.AbstractContextManager[None]:
        return self._lock.held(wait) if self._lock is not None else contextlib.nullcontext()

    # -- updating ---------------------------------------------------------------------------

    def update(
        self,
        briefing: Briefing,
        *,
        wait: float | None = None,
        signature: str | None = None,
        note: str = "",
    ) -> int:
        """Index what changed since the last update; returns the number of articles
        (and the speakers, as one) indexed again. Articles gone are removed.

        `signature` says what state of the files `briefing` was read from (taken before it
        was read; see `tui.search.freshness`): it is stored with the index, and `note` beside
        it, until the next update (an update without one forgets it). When the index holds
        the same signature already, nothing is compared or written.

        Holds the index's lock meanwhile, waiting up to `wait` seconds (BUILD_WAIT) for
        another process writing it; raises IndexUnavailable when the on-disk index cannot be
        written."""
        self._briefing = briefing
        stamp = None if signature is None or self.path == MEMORY else (signature, note)
        with self._held(wait):
            try:
                if stamp is not None and self._in_step(stamp):
                    return 0
                return self._update(briefing, stamp)
            except sqlite3.DatabaseError as error:
                if self.path == MEMORY:
                    raise
                if not damaged(error):
                    raise IndexUnavailable(
                        f"the search index {self.path} cannot be written: {error}"
                    ) from error
            self._reset()
            try:
                return self._update(briefing, stamp)
            except sqlite3.DatabaseError as error:
                raise IndexUnavailable(
                    f"the search index {self.path} cannot be written: {error}"
                ) from error

    def _update(self, briefing: Briefing, stamp: tuple[str, str] | None = None) -> int:
        db = self._db
        stored = dict(db.execute("SELECT key, fingerprint FROM docs"))
        names = {speaker.id: speaker.name for speaker in briefing.speakers}
        # Only keys are kept: holding every changed article's content (its body) at once
        # would cost the text of the whole corpus when the index is built anew.
        changed: list[str] = []
        for article in briefing.articles:
            if article.id not in stored or stored[article.id] != _rows.fingerprint(
                _rows.article_content(article, names)
            ):
                changed.append(article.id)
        if SPEAKERS_KEY not in stored or stored[SPEAKERS_KEY] != _rows.fingerprint(
            _rows.speakers_content(briefing)
        ):
            changed.append(SPEAKERS_KEY)
        present = {article.id for article in briefing.articles}
        gone = [key for key in stored if key not in present and key != SPEAKERS_KEY]
        if not changed and not gone:
            if stamp is not None and self.stamp() != stamp:
                with Writing(db, bulk=False):
                    _stamp(db, stamp)
            return 0
        anew = len(changed) + len(gone) > REBUILD_SHARE * len(stored)
        if anew:  # articles in order of publication, so that rowid order is recency
            order = sorted(briefing.articles, key=lambda article: article.published or "")
            changed = [*(article.id for article in order), SPEAKERS_KEY]
        with Writing(db, bulk=anew and self.path != MEMORY):
            if anew:
                db.execute("INSERT INTO entries(entries) VALUES('delete-all')")
                db.execute("DELETE FROM docs")
                db.execute("DELETE FROM bodies")
            else:
                self._remove([*gone, *changed])
            for batch in range(0, len(changed), INSERT_BATCH):
                self._insert(briefing, changed[batch : batch + INSERT_BATCH], names)
            _stamp(db, stamp)
        return len(changed)

    def _in_step(self, stamp: tuple[str, str]) -> bool:
        """Whether the index was last brought in step with files of the same signature: then
        `briefing` holds what it holds, and no article needs to be looked at (the note is
        stored anew if it differs)."""
        stored = self.stamp()
        if stored is None or stored[0] != stamp[0]:
            return False
        if stored[1] != stamp[1]:
            with Writing(self._db, bulk=False):
                _stamp(self._db, stamp)
        return True

    def stamp(self) -> tuple[str, str] | None:
        """The signature of the files the index was last brought in step with, and its note,
        when the last update gave one (never raises: None when it cannot be read)."""
        try:
            found = dict(
                self._db.execute(
                    "SELECT name, value FROM meta WHERE name IN ('signature', 'note')"
                )
            )
        except sqlite3.Error:
            return None
        if "signature" not in found:
            return None
        return found["signature"], found.get("note") or ""

    def _remove(self, keys: Sequence[str]) -> None:
        """Take documents out: a contentless table forgets a row given its indexed values."""
        db = self._db
        for key in keys:
            row = db.execute(f"SELECT {DOC_COLUMNS} FROM docs WHERE key = ?", (key,)).fetchone()
            if row is None:
                continue
            doc = _rows.load_doc(*row)
            body = ""
            if doc.article:
                body = db.execute(
                    "SELECT text FROM bodies WHERE rowid = ?", (doc.first << 2,)
                ).fetchone()[0]
            db.execute(
                "INSERT INTO entries(entries, rowid, title, text, extra) SELECT 'delete', "
                "rowid, title, text, extra FROM bodies WHERE rowid = ?",
                (doc.first << 2,),
            )
            db.executemany(
                "INSERT INTO entries(entries, rowid, title, text, extra) "
                "VALUES('delete', ?, ?, ?, ?)",
                doc.part_rows(body),
            )
            db.execute("DELETE FROM bodies WHERE rowid = ?", (doc.first << 2,))
            db.execute("DELETE FROM docs WHERE key = ?", (key,))

    def _insert(self, briefing: Briefing, keys: list[str], names: dict[str, str]) -> None:
        db = self._db
        top = db.execute(
            "SELECT coalesce(max(first + count), 1) FROM docs WHERE first < ?", (SPEAKER_SEQ,)
        ).fetchone()[0]
        low = top
        docs: list[tuple[int, str, str, int, bytes]] = []
        bodies: list[tuple[int, str, str, str]] = []
        rows: list[FtsRow] = []
        for key in keys:
            article = briefing.article(key)
            if article is not None:
                content = _rows.article_content(article, names)
            else:
                content = _rows.speakers_content(briefing)
            title, body, meta, parts = content
            first = SPEAKER_SEQ if title is None else top
            doc = Doc(key, first, title is not None, parts)
            if title is not None:
                bodies.append((first << 2, title, body, meta))
                top += doc.count
            rows.extend(doc.part_rows(body))
            packed = _rows.pack(parts)
            docs.append((first, key, _rows.fingerprint(content, packed), doc.count, packed))
        db.executemany(
            "INSERT INTO docs(first, key, fingerprint, count, parts) VALUES (?, ?, ?, ?, ?)", docs
        )
        db.executemany("INSERT INTO bodies(rowid, title, text, extra) VALUES (?, ?, ?, ?)", bodies)
        db.execute(
            "INSERT INTO entries(rowid, title, text, extra) "
            "SELECT rowid, title, text, extra FROM bodies WHERE rowid >= ?",
            (low << 2,),
        )
        db.executemany("INSERT INTO entries(rowid, title, text, extra) VALUES (?, ?, ?, ?)", rows)

    def clear(self) -> None:
        with Writing(self._db, bulk=False):
            self._db.execute("INSERT INTO entries(entries) VALUES('delete-all')")
            self._db.execute("DELETE FROM docs")
            self._db.execute("DELETE FROM bodies")
            _stamp(self._db, None)

    # -- searching --------------------------------------------------------------------------

    def search(
        self,
        query: str,
        limit: int = 50,
        *,
        kinds: Iterable[str] | None = None,
        prefix: bool = False,
    ) -> list[Hit]:
        """The hits for `query`, best first, at most `limit`; never raises on the query.

        `kinds` keeps only hits of those kinds; `prefix` lets the last word match as a prefix.
        """
        phrases = parse_query(query, prefix=prefix)
        match, any_match = expression(phrases), expression(phrases, " OR ")
        if match is None or any_match is None or limit <= 0:
            return []
        codes = sorted({KINDS.index(kind) for kind in kinds or () if kind in KINDS})
        if kinds is not None and not codes:
            return []
        wanted = codes if kinds is not None else None
        try:
            return self._search(match, any_match, limit, wanted)
        except sqlite3.DatabaseError as error:
            # damaged: built again from the briefing last indexed (busy: nothing found now)
            if self.path == MEMORY or self._briefing is None or not damaged(error):
                return []
        try:
            with self._held():
                self._reset()
                self._update(self._briefing)
            return self._search(match, any_match, limit, wanted)
        except (sqlite3.DatabaseError, IndexUnavailable):
            return []

    def _search(self, match: str, any_match: str, limit: int, codes: list[int] | None) -> list[Hit]:
        found = self._ranked(match, limit, codes)
        if not found:
            return []
        docs = self._docs([rowid for rowid, _ in found])
        articles = article_snippets(self._db, match, any_match, [r for r, _ in found if not r & 3])
        parts: dict[int, tuple[Part, Doc]] = {}
        for rowid, _ in found:
            doc = docs.get(rowid >> 2)
            part = doc.part(rowid) if doc is not None and rowid & 3 else None
            if doc is not None and part is not None:
                parts[rowid] = (part, doc)
        bodies = self._bodies(
            {doc.first << 2 for _, doc in parts.values() if doc.article} - articles.keys()
        )
        for rowid, (_title, body, _snippet, _base) in articles.items():
            bodies[rowid] = body
        columns = {
            rowid: _rows.values(part, bodies.get(doc.first << 2, ""))
            for rowid, (part, doc) in parts.items()
        }
        snippets = part_snippets(self._db, match, columns)
        hits = []
        for rowid, score in found:
            doc = docs.get(rowid >> 2)
            if doc is None:
                continue
            if rowid & 3 == 0 and rowid in articles:
                hits.append(article_hit(doc.key, articles[rowid], score))
            elif rowid in parts:
                text = snippets.get(rowid, columns[rowid][1])
                hits.append(part_hit(rowid, doc, parts[rowid][0], text, score))
        return hits

    def _ranked(self, match: str, limit: int, codes: list[int] | None) -> list[tuple[int, float]]:
        """The rows to show, best first, with their bm25 ranks.

        One pass gives the newest RANK_CAP + 1 rows: when they are that many, bm25 could not
        tell them apart and the newest are shown (FTS5 reads rows in rowid order and stops
        there); otherwise they are few, and ranked.
        """
        where = "entries MATCH ?"
        if codes is not None:
            where += f" AND (rowid & 3) IN ({', '.join(map(str, codes))})"
        db = self._db
        newest = db.execute(
            f"SELECT rowid FROM entries WHERE {where} ORDER BY rowid DESC LIMIT ?",
            (match, max(RANK_CAP + 1, limit)),
        ).fetchall()
        if len(newest) > RANK_CAP:
            return [(rowid, 0.0) for (rowid,) in newest[:limit]]
        if not newest:
            return []
        return db.execute(
            f"SELECT rowid, bm25(entries, {_WEIGHTS}) AS score FROM entries WHERE {where} "
            "ORDER BY score, rowid DESC LIMIT ?",
            (match, limit),
        ).fetchall()

    def _docs(self, rowids: list[int]) -> dict[int, Doc]:
        """The document of each row, by the row's seq (rowid >> 2)."""
        seqs = sorted({rowid >> 2 for rowid in rowids})
        found = self._db.execute(
            f"SELECT {DOC_COLUMNS} FROM docs WHERE first IN (SELECT (SELECT max(first) "
            "FROM docs WHERE first <= wanted.value) FROM json_each(?) AS wanted) ORDER BY first",
            (json.dumps(seqs),),
        ).fetchall()
        docs = [_rows.load_doc(*row) for row in found]
        firsts = [doc.first for doc in docs]
        by_seq: dict[int, Doc] = {}
        for seq in seqs:
            place = bisect.bisect_right(firsts, seq) - 1
            if place >= 0 and seq < docs[place].first + docs[place].count:
                by_seq[seq] = docs[place]
        return by_seq

    def _bodies(self, rowids: set[int]) -> dict[int, str]:
        """The bodies of these articles' rows (a quote's or a figure's text is its body's)."""
        if not rowids:
            return {}
        return dict(
            self._db.execute(
                "SELECT rowid, text FROM bodies WHERE rowid IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(rowids)),),
            )
        )

    def count(self) -> int:
        return self._db.execute("SELECT coalesce(sum(count), 0) FROM docs").fetchone()[0]


def _stamp(db: sqlite3.Connection, stamp: tuple[str, str] | None) -> None:
    """Store the files' signature and its note (or forget them), within a transaction."""
    db.execute("DELETE FROM meta WHERE name IN ('signature', 'note')")
    if stamp is not None:
        db.executemany(
            "INSERT INTO meta(name, value) VALUES (?, ?)",
            [("signature", stamp[0]), ("note", stamp[1])],
        )


def _connect(path: Path, lock: IndexLock, wait: float | None) -> sqlite3.Connection:
    """Connect to the file at `path`: another user's files there are removed first; a
    damaged file is removed and made anew, a busy one never (both under the lock)."""
    try:
        prepare_file(path, lock, wait)
        try:
            return connect(str(path), lock, wait)
        except sqlite3.DatabaseError as error:
            if not damaged(error):
                raise
        with lock.held(wait):
            try:
                return connect(str(path), lock, wait)  # unless mended meanwhile
            except sqlite3.DatabaseError as error:
                if not damaged(error):
                    raise
            remove_database(path)
            prepare_file(path, lock, wait)
            return connect(str(path), lock, wait)
    except IndexUnavailable:
        raise
    except (sqlite3.Error, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise IndexUnavailable(f"the search index {path} cannot be opened: {reason}") from error


__all__ = [
    "KINDS",
    "Hit",
    "IndexBusy",
    "IndexUnavailable",
    "SearchIndex",
    "build_match",
    "default_path",
]
