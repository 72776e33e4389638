"""What the search index holds of a briefing: each article's parts, packed and fingerprinted.

An article is one row of the FTS5 table (its text is in `bodies`, the table's external
content) and one row of `docs`, which keeps its key, fingerprint and parts: its quotes and
figures as `Part` tuples, each also a row of the FTS5 table holding words only. The
speakers are one more document, of parts only. A row's rowid says what it is:
``seq << 2 | kind``, a document's rows having consecutive `seq` from its `first`.
"""

from __future__ import annotations

import hashlib
import marshal
import re
import sqlite3
from dataclasses import dataclass

from tui.model.briefing import Article, Briefing
from tui.text.plural import count

SPEAKERS_KEY = "\x00speakers"
"""The key of the speakers' document in `docs`."""
SPEAKER_SEQ = 1 << 58
"""Speakers' rows are numbered from here: above every article's, so always among the newest."""
DOC_COLUMNS = "key, first, count, parts"
"""The columns of `docs` that `load_doc` takes, in its order."""
OPEN, CLOSE = "\x02", "\x03"
"""What marks a match in FTS5's snippets; never stored (see `clean`)."""
MARKERS = re.compile("[\x02\x03]")

Shown = tuple[float, str, str, str]
"""How a figure is shown: its value, unit, bound and label ("$5.5 billion · budget")."""
Part = tuple[int, str | None, int | None, int | None, str, str | None, str, Shown | None]
"""A quote, figure or speaker as stored: kind code, speaker id, start, end; then its title,
text and extra as indexed (the table's columns, see `values`), where a text of None stands
for the article's body from start to end (as a quote's or a figure's text almost always is:
stored once), and a figure's title and extra are made from how it is shown and its key
(formatted for the hits shown only)."""
Content = tuple[str | None, str, str, tuple[Part, ...]]
"""What `docs` keeps of a document: the article's title (None for the speakers), body and
meta (outlet, author, date), and its parts."""
FtsRow = tuple[int, str, str, str]
"""rowid, title, text, extra."""


@dataclass(slots=True)
class Doc:
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
            (seq << 2 | part[0], *values(part, body))
            for seq, part in enumerate(self.parts, self.first + self.article)
        ]

    def part(self, rowid: int) -> Part | None:
        place = (rowid >> 2) - self.first - self.article
        return self.parts[place] if 0 <= place < len(self.parts) else None


def pack(parts: tuple[Part, ...]) -> bytes:
    """`parts` as stored; marshal's version 2 writes no back-references, so equal content
    gives equal bytes (and fingerprints) whatever objects it is made of."""
    return marshal.dumps(parts, 2)


def fingerprint(content: Content, packed: bytes | None = None) -> str:
    """Tells content apart (not a safeguard: the cache folder is the user's own)."""
    digest = hashlib.sha1(marshal.dumps(content[:3], 2), usedforsecurity=False)
    digest.update(pack(content[3]) if packed is None else packed)
    return digest.hexdigest()


def load_doc(key: str, first: int, count: int, parts: bytes) -> Doc:
    """A row of `docs` (its DOC_COLUMNS); raises sqlite3.DatabaseError when it is damaged."""
    try:
        loaded = marshal.loads(parts)
    except (EOFError, ValueError, TypeError):
        loaded = None
    if not isinstance(loaded, tuple) or not 0 <= count - len(loaded) <= 1:
        raise sqlite3.DatabaseError("search index: a document is damaged")
    return Doc(key, first, count > len(loaded), loaded)


def clean(text: str) -> str:
    """`text` without the characters that mark matches in snippets (one for one: offsets
    stay, so a quote's text is still its body's from start to end)."""
    return MARKERS.sub(" ", text) if ("\x02" in text or "\x03" in text) else text


def article_content(article: Article, names: dict[str, str]) -> Content:
    body = article.body
    parts: list[Part] = [
        (
            1,
            quote.speaker_id,
            quote.start,
            quote.end,
            clean(names.get(quote.speaker_id or "", "Unattributed")),
            _unless_body(quote.text, body, quote.start, quote.end),
            "",
            None,
        )
        for quote in article.quotes
    ]
    for figure in article.figures:
        label, unit = clean(figure.label), clean(figure.unit)
        parts.append(
            (
                2,
                None,
                figure.start,
                figure.end,
                "",
                _unless_body(figure.text, body, figure.start, figure.end),
                clean(figure.key or ""),
                (figure.value, unit, figure.bound.value, label),
            )
        )
    meta = " ".join(filter(None, (article.outlet, article.author, article.published)))
    return clean(article.title), clean(body), clean(meta), tuple(parts)


def _unless_body(text: str, body: str, start: int, end: int) -> str | None:
    """A part's text, or None when it is the body's from `start` to `end`."""
    return None if body[start:end] == text else clean(text)


def values(part: Part, body: str) -> tuple[str, str, str]:
    """Title, text and extra of a part as indexed; `body` is its article's (cleaned)."""
    code, _speaker, start, end, title, text, extra, shown = part
    if text is None:
        text = body[start:end]
    if code == 2 and shown is not None:
        _value, unit, _bound, label = shown
        return label or unit, text, " ".join(filter(None, (label, unit, extra)))
    return title, text, extra


def speakers_content(briefing: Briefing) -> Content:
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
                clean(speaker.name),
                clean(about),
                clean(", ".join(speaker.aliases)),
                None,
            )
        )
    return None, "", "", tuple(parts)
