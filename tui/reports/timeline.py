"""A measure over time: its values by date, when it has values at three dates or more.

The figure ledger view draws them as a small chart (one mark per source, a sparkline of
block characters); the printed summary as a compact row, "Apr 2025 181 · Jul 2025 182".
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.model.dates import describe_date
from tui.reports.ledger import LedgerEntry

MIN_DATES = 3
"""A measure is shown over time once it has values at this many dates."""
BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class Point:
    date: str
    value: float
    shown: str
    """The value as printed."""
    article_id: str


def series(entry: LedgerEntry) -> list[Point]:
    """The entry's dated values, oldest first, one point per source; empty when they fall on
    fewer than MIN_DATES dates."""
    if len(entry.sightings) < MIN_DATES:
        return []
    points = [
        Point(s.date, s.figure.value, s.figure.display_value, s.article.id)
        for s in entry.sightings
        if s.date
    ]
    return points if len({point.date for point in points}) >= MIN_DATES else []


def series_words(entry: LedgerEntry) -> str:
    """ "Apr 2025 181 · Jul 2025 182 · Aug 2025 183"; "" when not over three dates."""
    return " · ".join(f"{describe_date(p.date, short=True)} {p.shown}" for p in series(entry))


def sparkline(points: list[Point]) -> str:
    """One block character per point, its height the value between the lowest and highest."""
    if not points:
        return ""
    low = min(point.value for point in points)
    high = max(point.value for point in points)
    if high == low:
        return BARS[len(BARS) // 2] * len(points)
    scale = (len(BARS) - 1) / (high - low)
    return "".join(BARS[round((point.value - low) * scale)] for point in points)
