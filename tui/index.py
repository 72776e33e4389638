"""Full-text search on disk: an SQLite FTS5 index of articles, quotes, speakers and figures.

    index = SearchIndex.open()            # in the cache folder; SearchIndex.open(":memory:") too
    index.update(briefing)                # only articles that changed are indexed again
    for hit in index.search("peacekeepers kashmir", limit=20): ...

Ranking is FTS5's bm25 (the title and names weigh more than running text); every hit
carries a one-line snippet, safe to print, with the matched words' spans in `highlights`,
and where to go: an article and a span of its body, or a speaker.

A query is a list of words, all required, matched with stemming ("peacekeeper" finds
"peacekeepers"; with `prefix=True` the last word also matches as a prefix, as one types).
Words in double quotes must stand together, and so must the pieces of "4.2" or "state-run".
Whatever the user types is quoted before it reaches FTS5, so no input raises: a query with
nothing searchable gives no hits.

The index lives in ``<cache folder>/index/<name>.sqlite3``; a damaged or outdated index is
removed and built again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .model import Article, Briefing
from .sanitize import one_line
from .words import count

SCHEMA_VERSION = 2
"""Bump when the tables or what is indexed change: older indexes are rebuilt."""
KINDS = ("article", "quote", "speaker", "figure")
MAX_TERMS = 16
"""Words of a query beyond this are ignored (a pasted paragraph stays fast)."""
SNIPPET_TOKENS = 14
RANK_CAP = 4000
"""A query matching more rows than this is ranked among the first RANK_CAP of them."""
_SPEAKERS_KEY = "\x00speakers"
_OPEN, _CLOSE = "\x02", "\x03"
_MARKERS = re.compile("[\x02\x03]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_QUERY_PART = re.compile(r'"([^"]*)"|([^"\s]+)')


@dataclass(frozen=True, slots=True)
class Hit:
    """One place where the query was found."""

    kind: str
    """"article", "quote", "speaker" or "figure"."""
    article_id: str | None
    speaker_id: str | None
    start: int | None
    end: int | None
    """The target span: character offsets into the article's body (None: the whole article,
    or a speaker)."""
    title: str
    """What was found, on one line: the article's title, the speaker's name, a figure."""
    snippet: str
    """The words around the match on one line, safe to print."""
    score: float
    """Higher is better (the negated bm25 rank)."""
    highlights: tuple[tuple[int, int], ...] = ()
    """Spans of `snippet` that match the query."""

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "article_id": self.article_id,
            "speaker_id": self.speaker_id,
            "start": self.start,
            "end": self.end,
            "title": self.title,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "highlights": [list(span) for span in self.highlights],
        }


def build_match(query: str, *, prefix: bool = False) -> str | None:
    """The FTS5 MATCH expression for a user's query, or None when nothing is searchable.

    Words are quoted (FTS5 operators and punctuation lose their meaning); text in double
    quotes becomes a phrase; with `prefix`, the last bare word of three letters or more
    also matches as a prefix (for search as one types; it costs more on a large index).
    """
    parts: list[str] = []
    terms = 0
    last_bare = False
    for phrase, bare in _QUERY_PART.findall(query):
        words = _WORD.findall(phrase if phrase else bare)
        if not words:
            continue
        words = words[: MAX_TERMS - terms]
        terms += len(words)
        if phrase:
            parts.append('"' + " ".join(w.replace('"', '""') for w in words) + '"')
            last_bare = False
        elif len(words) > 1:  # "4.2", "U.N.", "state-run": the pieces belong together
            parts.append('"' + " ".join(words) + '"')
            last_bare = False
        else:
            parts.append(f'"{words[0]}"')
            last_bare = True
        if terms >= MAX_TERMS:
            break
    if not parts:
        return None
    if prefix and last_bare and not query[-1:].isspace() and len(parts[-1]) >= 5:
        parts[-1] += "*"
    return " ".join(parts)


def default_path(name: str = "default", cache_dir: str | os.PathLike[str] | None = None) -> Path:
    from .cache import cache_dir as resolve

    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name) or "default"
    return resolve(cache_dir) / "index" / f"{safe}.sqlite3"


class SearchIndex:
    """An FTS5 index of one briefing; `update` keeps it in step, `search` queries it."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._db = connection
        self.path = path

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(
        cls, cache_dir: str | os.PathLike[str] | None = None, *, name: str = "default"
    ) -> SearchIndex:
        """Open (or create) the index `name` in the cache folder; ":memory:" for a private one."""
        if cache_dir is not None and os.fspath(cache_dir) == ":memory:":
            return cls(_connect(":memory:"), ":memory:")
        path = default_path(name, cache_dir)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            return cls(_connect(str(path)), str(path))
        except sqlite3.DatabaseError:
            _remove_database(path)
            return cls(_connect(str(path)), str(path))

    @classmethod
    def for_paths(
        cls,
        paths: Iterable[str | os.PathLike[str]],
        cache_dir: str | os.PathLike[str] | None = None,
    ) -> SearchIndex:
        """The index of the briefing made of `paths` (one index per set of paths)."""
        ident = json.dumps([[os.fspath(p), os.path.realpath(p)] for p in paths])
        digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:24]
        return cls.open(cache_dir, name=digest)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- updating ---------------------------------------------------------------------------

    def update(self, briefing: Briefing) -> int:
        """Index what changed since the last update; returns the number of articles
        (and the speakers, as one) indexed again. Articles gone are removed."""
        try:
            return self._update(briefing)
        except sqlite3.DatabaseError:
            if self.path == ":memory:":
                raise
            self._db.close()
            _remove_database(Path(self.path))
            self._db = _connect(self.path)
            return self._update(briefing)

    def _update(self, briefing: Briefing) -> int:
        db = self._db
        stored = dict(db.execute("SELECT key, fingerprint FROM items"))
        names = {speaker.id: speaker.name for speaker in briefing.speakers}
        wanted: dict[str, tuple[str, Article | None]] = {}
        for article in briefing.articles:
            wanted[article.id] = (_article_fingerprint(article, names), article)
        wanted[_SPEAKERS_KEY] = (_speakers_fingerprint(briefing), None)
        changed = [key for key, (print_, _) in wanted.items() if stored.get(key) != print_]
        gone = [key for key in stored if key not in wanted]
        if not changed and not gone:
            return 0
        db.execute("BEGIN IMMEDIATE")
        try:
            for key in (*gone, *changed):
                row = db.execute("SELECT first, count FROM items WHERE key = ?", (key,)).fetchone()
                if row is not None:
                    db.execute(
                        "DELETE FROM entries WHERE rowid BETWEEN ? AND ?",
                        (row[0], row[0] + row[1] - 1),
                    )
                    db.execute("DELETE FROM items WHERE key = ?", (key,))
            next_row = db.execute("SELECT coalesce(max(rowid), 0) + 1 FROM entries").fetchone()[0]
            rows: list[tuple[object, ...]] = []
            items: list[tuple[str, str, int, int]] = []
            for key in changed:
                fingerprint, article = wanted[key]
                new = _speaker_rows(briefing) if article is None else _article_rows(article, names)
                for offset, row in enumerate(new):
                    rows.append((next_row + offset, *row))
                items.append((key, fingerprint, next_row, len(new)))
                next_row += len(new)
            db.executemany(
                "INSERT INTO entries(rowid, kind, article_id, speaker_id, start, end, title, "
                "text, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            db.executemany(
                "INSERT INTO items(key, fingerprint, first, count) VALUES (?, ?, ?, ?)", items
            )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return len(changed)

    def clear(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        self._db.execute("DELETE FROM entries")
        self._db.execute("DELETE FROM items")
        self._db.execute("COMMIT")

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
        match = build_match(query, prefix=prefix)
        if match is None or limit <= 0:
            return []
        where = "FROM entries WHERE entries MATCH ?"
        params: list[object] = [match]
        wanted = [kind for kind in (kinds or ()) if kind in KINDS]
        if kinds is not None:
            if not wanted:
                return []
            where += f" AND kind IN ({', '.join('?' * len(wanted))})"
            params.extend(wanted)
        try:
            # bm25 is computed for every match before the best are picked: for a query that
            # matches much of the index ("the"), rank the first RANK_CAP matches only.
            edge = self._db.execute(
                f"SELECT rowid {where} ORDER BY rowid LIMIT 1 OFFSET {RANK_CAP - 1}", params
            ).fetchone()
            if edge is not None:
                where += " AND rowid <= ?"
                params.append(edge[0])
            params.append(limit)
            rows = self._db.execute(
                "SELECT kind, article_id, speaker_id, start, end, title, text, "
                # an article's best passage; for the others the quote, figure or role itself
                "CASE kind WHEN 'article' THEN "
                f"snippet(entries, -1, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_TOKENS}) "
                f"ELSE snippet(entries, 6, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_TOKENS}) END, "
                f"bm25(entries, 0, 0, 0, 0, 0, 5.0, 1.0, 2.0) AS score {where} "
                "ORDER BY score LIMIT ?",
                params,
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        return [_hit(*row) for row in rows]

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM entries").fetchone()[0]


# -- rows ------------------------------------------------------------------------------------------

Row = tuple[str, str | None, str | None, int | None, int | None, str, str, str]


def _clean(text: str) -> str:
    return _MARKERS.sub(" ", text) if ("\x02" in text or "\x03" in text) else text


def _article_rows(article: Article, names: dict[str, str]) -> list[Row]:
    rows: list[Row] = [
        (
            "article",
            article.id,
            None,
            None,
            None,
            _clean(article.title),
            _clean(article.body),
            _clean(" ".join(filter(None, (article.outlet, article.author, article.published)))),
        )
    ]
    for quote in article.quotes:
        name = names.get(quote.speaker_id or "", "Unattributed")
        rows.append(
            (
                "quote",
                article.id,
                quote.speaker_id,
                quote.start,
                quote.end,
                _clean(name),
                _clean(quote.text),
                "",
            )
        )
    for figure in article.figures:
        label = figure.label or figure.unit
        rows.append(
            (
                "figure",
                article.id,
                None,
                figure.start,
                figure.end,
                _clean(f"{figure.display_value} · {label}"),
                _clean(figure.text),
                _clean(" ".join(filter(None, (figure.label, figure.unit, figure.key or "")))),
            )
        )
    return rows


def _speaker_rows(briefing: Briefing) -> list[Row]:
    rows: list[Row] = []
    for speaker in briefing.speakers:
        quotes = count(len(briefing.quotes_by_speaker.get(speaker.id, ())), "quote")
        about = f"{speaker.role or 'no role given'} · {quotes}"
        rows.append(
            (
                "speaker",
                None,
                speaker.id,
                None,
                None,
                _clean(speaker.name),
                _clean(about),
                _clean(", ".join(speaker.aliases)),
            )
        )
    return rows


def _article_fingerprint(article: Article, names: dict[str, str]) -> str:
    parts: list[str] = [
        article.id,
        article.title,
        article.body,
        article.outlet,
        article.author,
        article.published or "",
    ]
    for figure in article.figures:
        parts.append(
            f"{figure.value!r}\x1e{figure.unit}\x1e{figure.text}\x1e{figure.start}\x1e"
            f"{figure.label}\x1e{figure.bound}\x1e{figure.key}"
        )
    for quote in article.quotes:
        parts.append(
            f"{quote.speaker_id}\x1e{names.get(quote.speaker_id or '')}\x1e{quote.text}\x1e"
            f"{quote.start}"
        )
    data = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _speakers_fingerprint(briefing: Briefing) -> str:
    """Speakers' rows show their number of quotes, so the counts are part of it."""
    counts = briefing.quotes_by_speaker
    data = "\x1f".join(
        f"{s.id}\x1e{s.name}\x1e{s.role}\x1e{chr(30).join(s.aliases)}\x1e"
        f"{len(counts.get(s.id, ()))}"
        for s in briefing.speakers
    )
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _hit(
    kind: str,
    article_id: str | None,
    speaker_id: str | None,
    start: int | None,
    end: int | None,
    title: str,
    text: str,
    raw_snippet: str,
    rank: float,
) -> Hit:
    snippet, highlights = _unmark(raw_snippet)
    if kind == "article":
        start, end = _locate(text, raw_snippet)
    return Hit(
        kind=kind,
        article_id=article_id,
        speaker_id=speaker_id,
        start=start,
        end=end,
        title=one_line(title),
        snippet=snippet,
        score=-float(rank),
        highlights=highlights,
    )


def _unmark(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet on one line without markers, and where the marked words are."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    opened = -1
    for piece in re.split("([\x02\x03])", raw):
        if piece == _OPEN:
            opened = length
        elif piece == _CLOSE:
            if opened >= 0:
                spans.append((opened, length))
            opened = -1
        elif piece:
            flat = one_line(piece)
            # keep a space where white space stood at the piece's edges
            if piece[:1].isspace() and flat and out:
                flat = " " + flat
            if piece[-1:].isspace() and flat:
                flat += " "
            if not flat and piece.isspace() and out:
                flat = " "
            if out and out[-1].endswith(" ") and flat.startswith(" "):
                flat = flat[1:]
            out.append(flat)
            length += len(flat)
    text = "".join(out)
    stripped = text.rstrip()
    left = len(text) - len(text.lstrip())
    if left:
        spans = [(a - left, b - left) for a, b in spans]
    return stripped.lstrip(), tuple(
        (max(a, 0), min(b, len(stripped) - left)) for a, b in spans if b > a
    )


def _locate(body: str, raw: str) -> tuple[int | None, int | None]:
    """Where the first marked word of a body snippet stands in the body."""
    first = raw.find(_OPEN)
    close = raw.find(_CLOSE, first)
    if first < 0 or close < 0:
        return None, None
    plain = raw.removeprefix("…").removesuffix("…")
    prefix_len = first - (len(raw) - len(raw.removeprefix("…")))
    plain_text = _MARKERS.sub("", plain)
    base = body.find(plain_text)
    if base < 0:
        word = raw[first + 1 : close]
        found = body.find(word)
        return (found, found + len(word)) if found >= 0 else (None, None)
    start = base + prefix_len
    return start, start + (close - first - 1)


# -- the database ----------------------------------------------------------------------------------


def _connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA busy_timeout = 5000")
    if path != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        db.execute("DROP TABLE IF EXISTS entries")
        db.execute("DROP TABLE IF EXISTS items")
        db.execute(
            "CREATE VIRTUAL TABLE entries USING fts5(kind UNINDEXED, article_id UNINDEXED, "
            "speaker_id UNINDEXED, start UNINDEXED, end UNINDEXED, title, text, extra, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        db.execute(
            "CREATE TABLE items(key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, "
            "first INTEGER NOT NULL, count INTEGER NOT NULL)"
        )
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    db.execute("SELECT count(*) FROM items").fetchone()  # a damaged file fails here
    return db


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


__all__ = ["KINDS", "Hit", "SearchIndex", "build_match", "default_path"]
