"""What a search finds: one `Hit` type, for the on-disk index and the in-memory one alike."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a hit points at. The values are those `briefing search --json` prints."""

    ARTICLE = "article"
    QUOTE = "quote"
    FIGURE = "figure"
    SPEAKER = "speaker"


KINDS: tuple[Kind, ...] = (Kind.ARTICLE, Kind.QUOTE, Kind.FIGURE, Kind.SPEAKER)
"""The index of a kind in KINDS is its code in the low two bits of an index row's rowid."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One place where the query was found."""

    kind: Kind
    title: str
    """What was found, on one line: the article's title, the speaker's name, a figure."""
    snippet: str
    """The words around the match on one line, safe to print."""
    highlights: tuple[tuple[int, int], ...]
    """Spans of `snippet` that match the query."""
    score: float
    """Higher is better (the negated bm25 rank; 0 for a query too common to rank)."""
    article_id: str | None = None
    speaker_id: str | None = None
    start: int | None = None
    end: int | None = None
    """The target span: character offsets into the article's body (None: the whole article,
    or a speaker)."""

    @property
    def span(self) -> tuple[int, int] | None:
        """The target span, when there is one and it is not empty."""
        if self.start is None or self.end is None or self.end <= self.start:
            return None
        return (self.start, self.end)

    def as_dict(self) -> dict[str, object]:
        """The hit as `briefing search --json` prints it."""
        return {
            "kind": self.kind.value,
            "article_id": self.article_id,
            "speaker_id": self.speaker_id,
            "start": self.start,
            "end": self.end,
            "title": self.title,
            "snippet": self.snippet,
            "score": round(self.score, 4),
            "highlights": [list(span) for span in self.highlights],
        }


__all__ = ["KINDS", "Hit", "Kind"]
