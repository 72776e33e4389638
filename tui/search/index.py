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

How it stays fast (10,000 articles are some 150,000 rows):

* Only articles' text is stored with the index (`bodies`, the FTS5 table's external
  content); a quote, figure or speaker row holds words only, and its display fields live with
  its article's in one row of `docs`, where a quote's or figure's text is not kept again
  when it is its body's words from start to end (nearly always). Snippets are made for the
  hits returned only: FTS5's own for articles, and for the short rows by a small temporary
  FTS5 table of just those.
* A row's rowid says what it is: ``seq << 2 | kind``, an article's rows having consecutive
  `seq` from its `docs.first`. Speakers' rows come after every article's.
* A query matching at most RANK_CAP rows (any selective one) is ranked by bm25; one matching
  more ("the", "said": bm25 cannot tell such rows apart, and ranking them all is what costs)
  gives the newest rows first (speakers, then articles by date of publication), which
  FTS5 reads in rowid order: one pass for the newest RANK_CAP + 1 tells which case it is.
* A whole build runs in one unsynced transaction, with FTS5's in-memory buffer raised from
  1 MB (HASH_SIZE), between synced "building" and "ready" marks: an index a crash left
  half-built is found and built again.

The index lives in ``<cache folder>/index/<name>.sqlite3``; a damaged or outdated index is
removed and built again.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import marshal
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.model.briefing import Article, Bound, Briefing, Figure
from tui.text.plural import count
from tui.text.sanitize import one_line

SCHEMA_VERSION = 4
"""Bump when the tables or what is indexed change: older indexes are rebuilt."""
KINDS = ("article", "quote", "figure", "speaker")
"""Index of a kind in KINDS is its code in the low two bits of a rowid."""
MAX_TERMS = 16
"""Words of a query beyond this are ignored (a pasted paragraph stays fast)."""
SNIPPET_TOKENS = 14
RANK_CAP = 2000
"""A query matching more rows than this is not ranked: its newest rows come first."""
REBUILD_SHARE = 0.5
"""When more than this share of the indexed articles changed, the index is built anew
(deleting a row from a contentless table costs as much as inserting it)."""
HASH_SIZE = 16 << 20
"""Bytes of new index data FTS5 keeps in memory before writing them out."""
_SPEAKERS_KEY = "\x00speakers"
_SPEAKER_SEQ = 1 << 58
"""Speakers' rows are numbered from here: above every article's, so always among the newest."""
_WEIGHTS = "5.0, 1.0, 2.0"
"""bm25 weights of the columns title, text and extra."""
_TOKENIZER = "tokenize = 'porter unicode61 remove_diacritics 2'"
_OPEN, _CLOSE = "\x02", "\x03"
_MARKERS = re.compile("[\x02\x03]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_QUERY_PART = re.compile(r'"([^"]*)"|([^"\s]+)')

Part = tuple[int, str | None, int | None, int | None, str, str | None, str, object]
"""A quote, figure or speaker as stored: kind code, speaker id, start, end; then its title,
text and extra as indexed (the table's columns, see `_values`), where a text of None stands
for the article's body from start to end (as a quote's or a figure's text almost always is:
stored once), and a figure's title and extra are made from its (value, unit, bound, label)
and key, which show it as "$5.5 billion · budget" (formatted for the hits shown only)."""
Phrase = tuple[tuple[str, ...], bool]
"""A phrase of a query: its words, and whether the last one matches as a prefix."""
FtsRow = tuple[int, str, str, str]
"""rowid, title, text, extra."""


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
    return _expression(parse_query(query, prefix=prefix))


def parse_query(query: str, *, prefix: bool = False) -> list[Phrase]:
    """The phrases of a query, as `build_match` puts them to FTS5."""
    phrases: list[Phrase] = []
    terms = 0
    last_bare = False
    for phrase, bare in _QUERY_PART.findall(query):
        words = _WORD.findall(phrase if phrase else bare)
        if not words:
            continue
        words = words[: MAX_TERMS - terms]
        terms += len(words)
        # "4.2", "U.N.", "state-run": the pieces of a bare word belong together too
        last_bare = not phrase and len(words) == 1
        phrases.append((tuple(words), False))
        if terms >= MAX_TERMS:
            break
    if not phrases:
        return []
    if prefix and last_bare and not query[-1:].isspace() and len(phrases[-1][0][0]) >= 3:
        phrases[-1] = (phrases[-1][0], True)
    return phrases


def _expression(phrases: list[Phrase]) -> str | None:
    if not phrases:
        return None
    return " ".join(
        '"' + " ".join(w.replace('"', '""') for w in words) + '"' + ("*" if last else "")
        for words, last in phrases
    )


def default_path(name: str = "default", cache_dir: str | os.PathLike[str] | None = None) -> Path:
    from tui.store.cache import cache_dir as resolve

    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", name) or "default"
    return resolve(cache_dir) / "index" / f"{safe}.sqlite3"


Content = tuple[str | None, str, str, tuple["Part", ...]]
"""What `docs` keeps of a document: the article's title (None for the speakers), body and
meta (outlet, author, date), and its parts."""


@dataclass(slots=True)
class _Doc:
    """One row of `docs`: an article (or all speakers) and the rows it has in the index.
    An article's own row is its first; its text is in `bodies`, under the same rowid."""

    key: str
    first: int
    article: bool
    parts: tuple[Part, ...]

    @property
    def count(self) -> int:
        return len(self.parts) + self.article

    def part_rows(self, body: str) -> list[FtsRow]:
        """The rows of its parts in the FTS5 table, exactly as inserted."""
        return [
            (seq << 2 | part[0], *_values(part, body))
            for seq, part in enumerate(self.parts, self.first + self.article)
        ]

    def part(self, rowid: int) -> Part | None:
        place = (rowid >> 2) - self.first - self.article
        return self.parts[place] if 0 <= place < len(self.parts) else None


class SearchIndex:
    """An FTS5 index of one briefing; `update` keeps it in step, `search` queries it."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self._db = connection
        self.path = path
        self._briefing: Briefing | None = None
        """The briefing last indexed: an index found damaged while searching is rebuilt."""

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

    def _reset(self) -> None:
        """Start again from an empty file (the index was found damaged)."""
        self._db.close()
        _remove_database(Path(self.path))
        self._db = _connect(self.path)

    # -- updating ---------------------------------------------------------------------------

    def update(self, briefing: Briefing) -> int:
        """Index what changed since the last update; returns the number of articles
        (and the speakers, as one) indexed again. Articles gone are removed."""
        self._briefing = briefing
        try:
            return self._update(briefing)
        except sqlite3.DatabaseError:
            if self.path == ":memory:":
                raise
            self._reset()
            return self._update(briefing)

    def _update(self, briefing: Briefing) -> int:
        db = self._db
        stored = dict(db.execute("SELECT key, fingerprint FROM docs"))
        names = {speaker.id: speaker.name for speaker in briefing.speakers}
        fresh: dict[str, Content | None] = {}  # the content of those the index lacks
        for article in briefing.articles:
            fresh[article.id] = _unless_stored(_article_content(article, names), stored, article.id)
        fresh[_SPEAKERS_KEY] = _unless_stored(_speakers_content(briefing), stored, _SPEAKERS_KEY)
        changed = [key for key, content in fresh.items() if content is not None]
        gone = [key for key in stored if key not in fresh]
        if not changed and not gone:
            return 0
        anew = len(changed) + len(gone) > REBUILD_SHARE * len(stored)
        if anew:  # articles in order of publication, so that rowid order is recency
            order = sorted(briefing.articles, key=lambda article: article.published or "")
            changed = [*(article.id for article in order), _SPEAKERS_KEY]
        with _Writing(db, bulk=anew and self.path != ":memory:"):
            if anew:
                db.execute("INSERT INTO entries(entries) VALUES('delete-all')")
                db.execute("DELETE FROM docs")
                db.execute("DELETE FROM bodies")
            else:
                self._remove([*gone, *changed])
            self._insert(briefing, changed, fresh, names)
        return len(changed)

    def _remove(self, keys: Sequence[str]) -> None:
        """Take documents out: a contentless table forgets a row given its indexed values."""
        db = self._db
        for key in keys:
            row = db.execute(f"SELECT {_DOC_COLUMNS} FROM docs WHERE key = ?", (key,)).fetchone()
            if row is None:
                continue
            doc = _doc(*row)
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

    def _insert(
        self,
        briefing: Briefing,
        keys: list[str],
        fresh: dict[str, Content | None],
        names: dict[str, str],
    ) -> None:
        db = self._db
        top = db.execute(
            "SELECT coalesce(max(first + count), 1) FROM docs WHERE first < ?", (_SPEAKER_SEQ,)
        ).fetchone()[0]
        low = top
        docs: list[tuple[int, str, str, int, bytes]] = []
        bodies: list[tuple[int, str, str, str]] = []
        rows: list[FtsRow] = []
        for key in keys:
            content = fresh[key]
            if content is None:  # unchanged, but all is built anew
                article = briefing.article(key)
                content = (
                    _article_content(article, names) if article else _speakers_content(briefing)
                )
            title, body, meta, parts = content
            first = _SPEAKER_SEQ if title is None else top
            doc = _Doc(key, first, title is not None, parts)
            if title is not None:
                bodies.append((first << 2, title, body, meta))
                top += doc.count
            rows.extend(doc.part_rows(body))
            packed = _pack(parts)
            docs.append((first, key, _fingerprint(content, packed), doc.count, packed))
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
        with _Writing(self._db, bulk=False):
            self._db.execute("INSERT INTO entries(entries) VALUES('delete-all')")
            self._db.execute("DELETE FROM docs")
            self._db.execute("DELETE FROM bodies")

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
        codes = sorted({KINDS.index(kind) for kind in kinds or () if kind in KINDS})
        if kinds is not None and not codes:
            return []
        wanted = codes if kinds is not None else None
        try:
            return self._search(match, limit, wanted)
        except sqlite3.OperationalError:
            return []
        except sqlite3.DatabaseError:  # damaged: built again from the briefing last indexed
            if self.path == ":memory:" or self._briefing is None:
                return []
        try:
            self._reset()
            self._update(self._briefing)
            return self._search(match, limit, wanted)
        except sqlite3.DatabaseError:
            return []

    def _search(self, match: str, limit: int, codes: list[int] | None) -> list[Hit]:
        found = self._ranked(match, limit, codes)
        if not found:
            return []
        docs = self._docs([rowid for rowid, _ in found])
        articles = self._article_snippets(match, [r for r, _ in found if r & 3 == 0])
        parts: dict[int, tuple[Part, _Doc]] = {}
        for rowid, _ in found:
            doc = docs.get(rowid >> 2)
            part = doc.part(rowid) if doc is not None and rowid & 3 else None
            if part is not None:
                parts[rowid] = (part, doc)
        bodies = self._bodies(
            {doc.first << 2 for _, doc in parts.values() if doc.article} - articles.keys()
        )
        for rowid, (_title, body, _snippet) in articles.items():
            bodies[rowid] = body
        columns = {
            rowid: _values(part, bodies.get(doc.first << 2, ""))
            for rowid, (part, doc) in parts.items()
        }
        snippets = self._part_snippets(match, columns)
        hits = []
        for rowid, score in found:
            doc = docs.get(rowid >> 2)
            if doc is None:
                continue
            if rowid & 3 == 0 and rowid in articles:
                hits.append(_article_hit(doc.key, *articles[rowid], score))
            elif rowid in parts:
                text = snippets.get(rowid, columns[rowid][1])
                hits.append(_part_hit(rowid, doc, parts[rowid][0], text, score))
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

    def _docs(self, rowids: list[int]) -> dict[int, _Doc]:
        """The document of each row, by the row's seq (rowid >> 2)."""
        seqs = sorted({rowid >> 2 for rowid in rowids})
        found = self._db.execute(
            f"SELECT {_DOC_COLUMNS} FROM docs WHERE first IN (SELECT (SELECT max(first) "
            "FROM docs WHERE first <= wanted.value) FROM json_each(?) AS wanted) ORDER BY first",
            (json.dumps(seqs),),
        ).fetchall()
        docs = [_doc(*row) for row in found]
        firsts = [doc.first for doc in docs]
        by_seq: dict[int, _Doc] = {}
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

    def _article_snippets(self, match: str, rowids: list[int]) -> dict[int, tuple[str, str, str]]:
        """Title, body and FTS5's snippet (matched words between markers) of article rows."""
        if not rowids:
            return {}
        # one pass over the rows' range ("+" keeps the IN list from FTS5, which would
        # evaluate the query again for every rowid in it)
        found = self._db.execute(
            f"SELECT rowid, title, text, snippet(entries, -1, '{_OPEN}', '{_CLOSE}', '…', "
            f"{SNIPPET_TOKENS}) FROM entries WHERE entries MATCH ? AND rowid BETWEEN ? AND ? "
            f"AND +rowid IN ({', '.join('?' * len(rowids))})",
            (match, min(rowids), max(rowids), *rowids),
        )
        return {rowid: (title, body, snippet) for rowid, title, body, snippet in found}

    def _part_snippets(self, match: str, parts: dict[int, tuple[str, str, str]]) -> dict[int, str]:
        """FTS5's snippets of quotes, figures and speakers: their rows hold no text in the
        index, so they are put, with their columns (`parts`), in a temporary FTS5 table and
        matched again there."""
        if not parts:
            return {}
        db = self._db
        db.execute("DELETE FROM temp.shown")
        db.execute("INSERT INTO temp.snips(snips) VALUES('delete-all')")
        db.executemany(
            "INSERT INTO temp.shown(rowid, title, text, extra) VALUES (?, ?, ?, ?)",
            [(rowid, *columns) for rowid, columns in parts.items()],
        )
        db.execute(
            "INSERT INTO temp.snips(rowid, title, text, extra) "
            "SELECT rowid, title, text, extra FROM temp.shown"
        )
        return dict(
            db.execute(
                f"SELECT rowid, snippet(snips, 1, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_TOKENS}) "
                "FROM temp.snips WHERE snips MATCH ?",
                (match,),
            )
        )

    def count(self) -> int:
        return self._db.execute("SELECT coalesce(sum(count), 0) FROM docs").fetchone()[0]


# -- rows ------------------------------------------------------------------------------------------

_DOC_COLUMNS = "key, first, count, parts"


def _pack(parts: tuple[Part, ...]) -> bytes:
    """`parts` as stored; marshal's version 2 writes no back-references, so equal content
    gives equal bytes (and fingerprints) whatever objects it is made of."""
    return marshal.dumps(parts, 2)


def _fingerprint(content: Content, packed: bytes | None = None) -> str:
    """Tells content apart (not a safeguard: the cache folder is the user's own)."""
    digest = hashlib.sha1(marshal.dumps(content[:3], 2), usedforsecurity=False)
    digest.update(_pack(content[3]) if packed is None else packed)
    return digest.hexdigest()


def _unless_stored(content: Content, stored: dict[str, str], key: str) -> Content | None:
    """`content`, or None when the index holds it already."""
    if key not in stored:  # no need to fingerprint it now: the index lacks it
        return content
    return None if stored[key] == _fingerprint(content) else content


def _doc(key: str, first: int, count: int, parts: bytes) -> _Doc:
    try:
        loaded = marshal.loads(parts)
    except (EOFError, ValueError, TypeError):
        loaded = None
    if not isinstance(loaded, tuple) or not 0 <= count - len(loaded) <= 1:
        raise sqlite3.DatabaseError("search index: a document is damaged")
    return _Doc(key, first, count > len(loaded), loaded)


def _clean(text: str) -> str:
    """`text` without the characters that mark matches in snippets (one for one: offsets
    stay, so a quote's text is still its body's from start to end)."""
    return _MARKERS.sub(" ", text) if ("\x02" in text or "\x03" in text) else text


def _article_content(article: Article, names: dict[str, str]) -> Content:
    body = article.body
    parts: list[Part] = [
        (
            1,
            quote.speaker_id,
            quote.start,
            quote.end,
            _clean(names.get(quote.speaker_id or "", "Unattributed")),
            _unless_body(quote.text, body, quote.start, quote.end),
            "",
            None,
        )
        for quote in article.quotes
    ]
    for figure in article.figures:
        label, unit = _clean(figure.label), _clean(figure.unit)
        parts.append(
            (
                2,
                None,
                figure.start,
                figure.end,
                "",
                _unless_body(figure.text, body, figure.start, figure.end),
                _clean(figure.key or ""),
                (figure.value, unit, figure.bound.value, label),
            )
        )
    meta = " ".join(filter(None, (article.outlet, article.author, article.published)))
    return _clean(article.title), _clean(body), _clean(meta), tuple(parts)


def _unless_body(text: str, body: str, start: int, end: int) -> str | None:
    """A part's text, or None when it is the body's from `start` to `end`."""
    return None if body[start:end] == text else _clean(text)


def _values(part: Part, body: str) -> tuple[str, str, str]:
    """Title, text and extra of a part as indexed; `body` is its article's (cleaned)."""
    code, _speaker, start, end, title, text, extra, shown = part
    if text is None:
        text = body[start:end]
    if code == 2:
        _value, unit, _bound, label = shown  # type: ignore[misc]
        return label or unit, text, " ".join(filter(None, (label, unit, extra)))
    return title, text, extra


def _speakers_content(briefing: Briefing) -> Content:
    """Speakers' rows show their number of quotes, so the counts are part of it."""
    parts: list[Part] = []
    for speaker in briefing.speakers:
        quotes = count(len(briefing.quotes_by_speaker.get(speaker.id, ())), "quote")
        about = f"{speaker.role or 'no role given'} · {quotes}"
        parts.append(
            (
                3,
                speaker.id,
                None,
                None,
                _clean(speaker.name),
                _clean(about),
                _clean(", ".join(speaker.aliases)),
                None,
            )
        )
    return None, "", "", tuple(parts)


def _figure_title(shown: tuple[float, str, str, str]) -> str:
    value, unit, bound, label = shown
    try:
        figure = Figure("", value, unit, "", 0, 0, label, Bound(bound))
        return f"{figure.display_value} · {label or unit}"
    except (TypeError, ValueError):  # not as stored by this version: its words will do
        return str(label or unit)


def _article_hit(article_id: str, title: str, body: str, raw_snippet: str, rank: float) -> Hit:
    snippet, highlights = _unmark(raw_snippet)
    start, end = _locate(body, raw_snippet)
    return Hit(
        kind="article",
        article_id=article_id,
        speaker_id=None,
        start=start,
        end=end,
        title=one_line(title),
        snippet=snippet,
        score=-float(rank),
        highlights=highlights,
    )


def _part_hit(rowid: int, doc: _Doc, part: Part, raw_snippet: str | None, rank: float) -> Hit:
    _code, speaker_id, start, end, title, text, _extra, shown = part
    if shown is not None:
        title = _figure_title(shown)  # type: ignore[arg-type]
    snippet, highlights = _unmark(text if raw_snippet is None else raw_snippet)
    return Hit(
        kind=KINDS[rowid & 3],
        article_id=None if doc.key == _SPEAKERS_KEY else doc.key,
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


class _Writing:
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


def _connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA temp_store = MEMORY")
    if path != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    state = None
    if version == SCHEMA_VERSION:  # a damaged file fails here
        state = db.execute("SELECT value FROM meta WHERE name = 'state'").fetchone()
    if version != SCHEMA_VERSION or state != ("ready",):
        _create(db)
    db.execute("SELECT count(*) FROM docs").fetchone()
    db.execute(
        "CREATE TEMP TABLE shown(rowid INTEGER PRIMARY KEY, title TEXT, text TEXT, extra TEXT)"
    )
    db.execute(
        "CREATE VIRTUAL TABLE temp.snips USING fts5(title, text, extra, content='shown', "
        f"content_rowid='rowid', {_TOKENIZER})"
    )
    return db


def _create(db: sqlite3.Connection) -> None:
    """The tables, empty (dropping whatever an older version or a half-done build left)."""
    db.execute("BEGIN IMMEDIATE")
    for table in ("entries", "items", "docs", "bodies", "meta"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    db.execute(
        "CREATE VIRTUAL TABLE entries USING fts5(title, text, extra, content='bodies', "
        f"content_rowid='rowid', {_TOKENIZER})"
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


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


__all__ = ["KINDS", "Hit", "SearchIndex", "build_match", "default_path"]
