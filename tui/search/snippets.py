"""Hits from index rows: snippets with the matched words marked, and where each hit points.

Snippets are made for the hits returned only. An article's is FTS5's own (`snippet()`),
but FTS5 weighs every window around every matched word against every other, which grows
with the square of the matches in a row: a body longer than WHOLE_SNIPPET_MAX characters is
cut into pieces of about CHUNK_CHARS, and the snippet comes from the piece that matches
best. Quotes, figures and speakers hold no text in the index: their columns are put in a
small temporary FTS5 table (`temp.snips`, see `tui.search.database`) and matched there.
"""

from __future__ import annotations

import re
import sqlite3

from tui.model.briefing import Bound, Figure
from tui.search.hits import KINDS, Hit, Kind
from tui.search.rows import CLOSE, MARKERS, OPEN, SPEAKERS_KEY, Doc, Part, Shown
from tui.text.sanitize import one_line

SNIPPET_TOKENS = 14
"""Words a snippet shows at most."""
WHOLE_SNIPPET_MAX = 32_768
"""Characters of an article's body up to which FTS5 snips it whole."""
CHUNK_CHARS = 2_000
"""Characters in each piece of a longer body."""

ArticleRow = tuple[str, str, str, int]
"""An article hit's title, body, raw snippet (matches between OPEN and CLOSE), and the
offset in the body from which the snippet's words are looked for."""


def article_snippets(
    db: sqlite3.Connection, match: str, any_match: str, rowids: list[int]
) -> dict[int, ArticleRow]:
    """The article rows `rowids` with their snippets for `match`; `any_match` matches any
    of its phrases (a long body's words may stand in different pieces)."""
    if not rowids:
        return {}
    # one pass over the rows' range ("+" keeps the IN list from FTS5, which would
    # evaluate the query again for every rowid in it)
    found = db.execute(
        f"SELECT rowid, title, text, extra, CASE WHEN length(text) <= {WHOLE_SNIPPET_MAX} "
        f"THEN snippet(entries, -1, '{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS}) END "
        "FROM entries WHERE entries MATCH ? AND rowid BETWEEN ? AND ? "
        f"AND +rowid IN ({', '.join('?' * len(rowids))})",
        (match, min(rowids), max(rowids), *rowids),
    ).fetchall()
    rows: dict[int, ArticleRow] = {}
    for rowid, title, body, extra, snippet in found:
        if snippet is not None:
            rows[rowid] = (title, body, snippet, 0)
        else:
            rows[rowid] = (title, body, *_long_snippet(db, match, any_match, title, body, extra))
    return rows


def _long_snippet(
    db: sqlite3.Connection, match: str, any_match: str, title: str, body: str, extra: str
) -> tuple[str, int]:
    """FTS5's snippet of the piece of a long body that matches best, and where it starts."""
    pieces = _pieces(body, CHUNK_CHARS)
    first = 1
    _fill(
        db,
        [
            (number, title if number == first else "", text, extra if number == first else "")
            for number, (_, text) in enumerate(pieces, first)
        ],
    )
    for expression in (match, any_match):
        best = db.execute(
            f"SELECT rowid, snippet(snips, -1, '{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS}) "
            "FROM snips WHERE snips MATCH ? ORDER BY rank LIMIT 1",
            (expression,),
        ).fetchone()
        if best is not None:
            return best[1], pieces[best[0] - first][0]
    return title, 0


def _pieces(text: str, size: int) -> list[tuple[int, str]]:
    """`text` cut at spaces into pieces of at most about `size` characters, with offsets."""
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind(" ", start + size // 2, end)
            end = cut if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _fill(db: sqlite3.Connection, rows: list[tuple[int, str, str, str]]) -> None:
    """Put `rows` (rowid, title, text, extra) alone in the temporary table `snips`."""
    db.execute("DELETE FROM temp.shown")
    db.execute("INSERT INTO temp.snips(snips) VALUES('delete-all')")
    db.executemany("INSERT INTO temp.shown(rowid, title, text, extra) VALUES (?, ?, ?, ?)", rows)
    db.execute(
        "INSERT INTO temp.snips(rowid, title, text, extra) "
        "SELECT rowid, title, text, extra FROM temp.shown"
    )


def part_snippets(
    db: sqlite3.Connection, match: str, parts: dict[int, tuple[str, str, str]]
) -> dict[int, str]:
    """FTS5's snippets of quotes, figures and speakers, from their columns (`parts`)."""
    if not parts:
        return {}
    _fill(db, [(rowid, *columns) for rowid, columns in parts.items()])
    return dict(
        db.execute(
            f"SELECT rowid, snippet(snips, 1, '{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS}) "
            "FROM temp.snips WHERE snips MATCH ?",
            (match,),
        )
    )


def article_hit(article_id: str, row: ArticleRow, rank: float) -> Hit:
    title, body, raw_snippet, base = row
    snippet, highlights = _unmark(raw_snippet)
    start, end = _locate(body, raw_snippet, base)
    return Hit(
        kind=Kind.ARTICLE,
        article_id=article_id,
        start=start,
        end=end,
        title=one_line(title),
        snippet=snippet,
        score=-float(rank),
        highlights=highlights,
    )


def part_hit(rowid: int, doc: Doc, part: Part, raw_snippet: str, rank: float) -> Hit:
    _code, speaker_id, start, end, title, _text, _extra, shown = part
    if shown is not None:
        title = _figure_title(shown)
    snippet, highlights = _unmark(raw_snippet)
    return Hit(
        kind=KINDS[rowid & 3],
        article_id=None if doc.key == SPEAKERS_KEY else doc.key,
        speaker_id=speaker_id,
        start=start,
        end=end,
        title=one_line(title),
        snippet=snippet,
        score=-float(rank),
        highlights=highlights,
    )


def _figure_title(shown: Shown) -> str:
    value, unit, bound, label = shown
    try:
        figure = Figure("", value, unit, "", 0, 0, label, Bound(bound))
        return f"{figure.display_value} · {label or unit}"
    except (TypeError, ValueError):  # not as stored by this version: its words will do
        return str(label or unit)


def _unmark(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet on one line without markers, and where the marked words are."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    opened = -1
    for piece in re.split("([\x02\x03])", raw):
        if piece == OPEN:
            opened = length
        elif piece == CLOSE:
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


def _locate(body: str, raw: str, base: int = 0) -> tuple[int | None, int | None]:
    """Where the first marked word of a body snippet stands in the body (looked for from
    offset `base`)."""
    first = raw.find(OPEN)
    close = raw.find(CLOSE, first)
    if first < 0 or close < 0:
        return None, None
    plain = raw.removeprefix("…").removesuffix("…")
    prefix_len = first - (len(raw) - len(raw.removeprefix("…")))
    plain_text = MARKERS.sub("", plain)
    found = body.find(plain_text, base)
    if found < 0:
        word = raw[first + 1 : close]
        found = body.find(word, base)
        return (found, found + len(word)) if found >= 0 else (None, None)
    start = found + prefix_len
    return start, start + (close - first - 1)
