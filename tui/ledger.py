"""One ledger entry per measure: every source's value side by side, and a verdict.

Figures tied by the same `key` measure the same thing across articles. A
ledger entry tells whether their sources agree, differ (with the range, the
latest value and the earliest source), or stand alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .dates import describe_date
from .model import Article, Briefing, Figure, format_number


class Verdict(StrEnum):
    AGREE = "agree"
    DIFFER = "differ"
    SINGLE = "single source"


@dataclass(frozen=True, slots=True)
class Sighting:
    """One source's report of a measure."""

    figure: Figure
    article: Article

    @property
    def date(self) -> str | None:
        """When the value held: the figure's as-of date, else the article's publication date."""
        return self.figure.as_of or self.article.published


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    key: str | None
    sightings: tuple[Sighting, ...]
    """Oldest first; undated sightings last, in article order."""

    @property
    def label(self) -> str:
        return next((s.figure.label for s in self.sightings if s.figure.label), self.lead.unit)

    @property
    def lead(self) -> Figure:
        """The figure to show large: the latest dated value, else the first."""
        return self.latest.figure

    @property
    def latest(self) -> Sighting:
        dated = [s for s in self.sightings if s.date]
        return dated[-1] if dated else self.sightings[0]

    @property
    def values(self) -> tuple[float, ...]:
        return tuple(sorted({s.figure.value for s in self.sightings}))

    @property
    def verdict(self) -> Verdict:
        if len({s.article.id for s in self.sightings}) < 2:
            return Verdict.SINGLE
        return Verdict.AGREE if len(self.values) == 1 else Verdict.DIFFER

    @property
    def article_ids(self) -> tuple[str, ...]:
        """The articles that report this measure, each once, in the order sighted."""
        return tuple(dict.fromkeys(s.article.id for s in self.sightings))

    def describe(self) -> str:
        """A reader's sentence for the verdict: "182 (July 2025) against 181 (April 2025)"."""
        verdict = self.verdict
        if verdict is Verdict.SINGLE:
            return "single source"
        if verdict is Verdict.AGREE:
            return f"{len(self.article_ids)} sources agree"
        newest_first = sorted(
            self.sightings, key=lambda s: (s.date is not None, s.date or ""), reverse=True
        )
        parts = []
        for sighting in newest_first:
            when = describe_date(sighting.date)
            value = sighting.figure.display_value
            parts.append(f"{value} ({when})" if when else value)
        low, high = self.values[0], self.values[-1]
        unit = self.lead.unit
        return (
            " against ".join(parts)
            + f"; range {format_number(low, unit)}-{format_number(high, unit)}"
        )


_CURRENCIES = {"usd", "gbp", "eur", "jpy", "inr", "cny", "pkr", "rs"}
_PERCENT = {"percent", "per cent", "%"}
_INCIDENTAL = {
    "year",
    "years",
    "decade",
    "decades",
    "day",
    "days",
    "month",
    "months",
    "week",
    "weeks",
    "hour",
    "hours",
    "members",
}


def _category(figure: Figure) -> int:
    """Money first, then shares, large counts, small counts, and incidental measures last."""
    unit = figure.unit.lower()
    if unit in _CURRENCIES:
        return 0
    if unit in _PERCENT:
        return 1
    if unit in _INCIDENTAL:
        return 4
    return 3 if figure.value < 10 else 2


def build_ledger(briefing: Briefing) -> list[LedgerEntry]:
    """Every measure in the briefing, those reported by most sources and weightiest first."""
    groups: dict[str, list[Sighting]] = {}
    ranked: list[tuple[int, int, float, int, LedgerEntry]] = []
    for article in briefing.articles:
        for figure in article.figures:
            sighting = Sighting(figure, article)
            if figure.key:
                groups.setdefault(figure.key, []).append(sighting)
            else:
                # A figure of its own: one source; rank it without building the entry's views.
                entry = LedgerEntry(None, (sighting,))
                ranked.append((-1, _category(figure), -figure.value, len(ranked), entry))
    for key, sightings in groups.items():
        entry = LedgerEntry(key, tuple(sorted(sightings, key=_chronological)))
        lead = entry.lead
        ranked.append(
            (-len(entry.article_ids), _category(lead), -lead.value, len(ranked), entry)
        )
    ranked.sort(key=lambda item: item[:4])
    return [item[4] for item in ranked]


def _chronological(sighting: Sighting) -> tuple[int, str]:
    return (0, sighting.date) if sighting.date else (1, "")
