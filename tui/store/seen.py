"""What the reader last saw of a briefing, so that the next brief can say what is new.

One small JSON file per briefing under the user's state folder (`seen/` in `state_dir()`),
named by a hash of the briefing's resolved paths: the same folder opened from another
working directory is the same briefing. Only what a comparison needs is kept, never the
briefing itself:

- each article's id and a fingerprint of its content (title and body);
- each measure of the figure ledger by its key (or label), with the value shown, its date
  and the article it came from;
- a fingerprint of each quotation (speaker and words).

The file is written atomically. A missing, damaged or foreign file reads as "never seen":
a lost record must never stop a summary or the dashboard.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.store.state import state_dir

SEEN_FOLDER = "seen"
SEEN_VERSION = 1


@dataclass(frozen=True, slots=True)
class SeenFigure:
    """A measure as the reader last saw it."""

    value: float
    shown: str
    """The value as printed: ">235,000", "$5.5 billion"."""
    date: str | None
    """When the value held ("2025-07"), if known."""
    article_id: str
    """The article that reported it."""


@dataclass(frozen=True, slots=True)
class SeenRecord:
    """What a reader last saw of one briefing, and when."""

    seen_at: str
    """Local time of the visit, ISO 8601 to the minute: 2025-07-23T08:15."""
    articles: Mapping[str, str] = field(default_factory=dict)
    """Article id -> content fingerprint."""
    figures: Mapping[str, SeenFigure] = field(default_factory=dict)
    """Measure key (see `tui.reports.changes.measure_key`) -> what was shown."""
    quotes: frozenset[str] = frozenset()
    """Fingerprints of the quotations."""
    by: str = ""
    """What recorded the visit: "summary" or "dashboard"."""


def fingerprint(*parts: str) -> str:
    """A short, stable hash of some text: 16 hex digits (BLAKE2b of the parts in UTF-8,
    each followed by a NUL)."""
    text = "\0".join(parts) + "\0"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def fingerprint_utf8(*parts: bytes) -> str:
    """`fingerprint` of texts given in UTF-8 (lone surrogates passed through)."""
    return hashlib.blake2b(b"\0".join(parts) + b"\0", digest_size=8).hexdigest()


def briefing_key(paths: Sequence[str | os.PathLike[str]]) -> str:
    """The name a briefing's record is kept under: its resolved paths, sorted, hashed."""
    resolved = sorted({os.path.realpath(os.fspath(path)) for path in paths})
    return fingerprint(*resolved)


def seen_path(paths: Sequence[str | os.PathLike[str]]) -> Path:
    return state_dir() / SEEN_FOLDER / f"{briefing_key(paths)}.json"


def load_seen(paths: Sequence[str | os.PathLike[str]]) -> SeenRecord | None:
    """The record of the last visit to the briefing at `paths`; None when there is none
    (or it cannot be read)."""
    try:
        data = json.loads(seen_path(paths).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return _from_json(data)


def save_seen(paths: Sequence[str | os.PathLike[str]], record: SeenRecord) -> bool:
    """Write the record atomically; False (and nothing written) when it cannot be."""
    from tui.files.atomic import WriteError, write_atomic

    text = json.dumps(_to_json(record, paths), ensure_ascii=False, separators=(",", ":"))
    try:
        write_atomic(seen_path(paths), text + "\n")
    except (OSError, WriteError):
        return False
    return True


def _to_json(record: SeenRecord, paths: Iterable[str | os.PathLike[str]]) -> dict[str, object]:
    return {
        "version": SEEN_VERSION,
        "paths": sorted({os.path.realpath(os.fspath(path)) for path in paths}),
        "seen_at": record.seen_at,
        "by": record.by,
        "articles": dict(record.articles),
        "figures": {
            key: [f.value, f.shown, f.date, f.article_id] for key, f in record.figures.items()
        },
        "quotes": sorted(record.quotes),
    }


def _from_json(data: object) -> SeenRecord | None:
    if not isinstance(data, dict) or data.get("version") != SEEN_VERSION:
        return None
    seen_at, by = data.get("seen_at"), data.get("by", "")
    articles, figures, quotes = data.get("articles"), data.get("figures"), data.get("quotes")
    if not (
        isinstance(seen_at, str)
        and isinstance(by, str)
        and isinstance(articles, dict)
        and isinstance(figures, dict)
        and isinstance(quotes, list)
    ):
        return None
    kept_figures: dict[str, SeenFigure] = {}
    for key, row in figures.items():
        if (
            isinstance(row, list)
            and len(row) == 4
            and isinstance(row[0], int | float)
            and not isinstance(row[0], bool)
            and isinstance(row[1], str)
            and (row[2] is None or isinstance(row[2], str))
            and isinstance(row[3], str)
        ):
            kept_figures[key] = SeenFigure(float(row[0]), row[1], row[2], row[3])
    return SeenRecord(
        seen_at=seen_at,
        articles={k: v for k, v in articles.items() if isinstance(v, str)},
        figures=kept_figures,
        quotes=frozenset(q for q in quotes if isinstance(q, str)),
        by=by,
    )
