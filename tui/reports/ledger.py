"""One ledger entry per measure: every source's value side by side, and a verdict.

Figures tied by the same `key` measure the same thing across articles. A
ledger entry tells whether their sources agree, differ (with the range, the
latest value and the earliest source), or stand alone.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from tui.files.gc_pause import paused_gc
from tui.model.briefing import Article, Briefing, Figure, format_number
from tui.model.dates import describe_date


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

    # A single sighting (most entries at scale) takes a short way through each view.

    @property
    def label(self) -> str:
        if len(self.sightings) == 1:
            figure = self.sightings[0].figure
            return figure.label or figure.unit
        return next((s.figure.label for s in self.sightings if s.figure.label), self.lead.unit)

    @property
    def lead(self) -> Figure:
        """The figure to show large: the latest dated value, else the first."""
        return self.latest.figure

    @property
    def latest(self) -> Sighting:
        if len(self.sightings) == 1:
            return self.sightings[0]
        dated = [s for s in self.sightings if s.date]
        return dated[-1] if dated else self.sightings[0]

    @property
    def values(self) -> tuple[float, ...]:
        return tuple(sorted({s.figure.value for s in self.sightings}))

    @property
    def verdict(self) -> Verdict:
        if len(self.sightings) == 1 or len({s.article.id for s in self.sightings}) < 2:
            return Verdict.SINGLE
        return Verdict.AGREE if len(self.values) == 1 else Verdict.DIFFER

    @property
    def article_ids(self) -> tuple[str, ...]:
        """The articles that report this measure, each once, in the order sighted."""
        if len(self.sightings) == 1:
            return (self.sightings[0].article.id,)
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
_YEARS = {"year", "years"}
_YEAR_UNIT = 5
"""`_unit_category` of a year: a calendar year (a date) or a duration (incidental)."""


def _category(figure: Figure) -> int:
    """Money first, then shares, large counts, small counts, and incidental measures last."""
    kind = _unit_category(figure.unit)
    if kind == _YEAR_UNIT:
        return 4
    return kind if kind is not None else 3 if figure.value < SMALL_COUNT else 2


SMALL_COUNT = 10
"""A count below this (2 Pakistanis, 4 continents) is small: incidental unless several
sources report it or the bottom line names it."""


@lru_cache(maxsize=1024)
def _unit_category(unit: str) -> int | None:
    """`_category` as the unit alone decides it; None for counts, which go by their value."""
    unit = unit.lower()
    if unit in _CURRENCIES:
        return 0
    if unit in _PERCENT:
        return 1
    if unit in _INCIDENTAL:
        return 4
    if unit in _YEARS:
        return _YEAR_UNIT
    return None


def is_calendar_year(figure: Figure) -> bool:
    """1947 "year": a date, not a quantity (35 "years" is a duration)."""
    return _is_calendar(figure.unit, figure.value)


def _is_calendar(unit: str, value: float) -> bool:
    return _unit_category(unit) == _YEAR_UNIT and 1000 <= value <= 2200 and value == int(value)


_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(million|billion|trillion)\b)?"
)
_SCALE = {"million": 1e6, "billion": 1e9, "trillion": 1e12}


def named_values(text: str) -> frozenset[float]:
    """The numbers a text names: "over 235,000 personnel in 48 missions", "$5.5 billion"
    -> {235000, 48, 5500000000}."""
    found: set[float] = set()
    for whole, fraction, scale in _NUMBER.findall(text):
        number = float(whole.replace(",", "") + fraction)
        found.add(number)
        if scale:
            found.add(number * _SCALE[scale])
    return frozenset(found)


# A rank is a whole number, lower first, made of these parts (most significant first):
#   tier        0 a key figure, 1 a small or incidental count of one source that the bottom
#               line does not name, 2 a calendar year (a date, never a key figure)
#   sources     more articles first (whether they agree or differ)
#   named       a value the bottom line names
#   labelled    a figure with a label (what it counts, in words)
#   category    money, shares, large counts, small counts, incidental measures
# then the larger value, then the order met.
_TIER, _SOURCES, _UNNAMED, _UNLABELLED = 10**9, 10**3, 100, 10
_MAX_SOURCES = 9999
TIER_KEY, TIER_MINOR, TIER_DATE = 0, 1, 2


def _rank(
    sources: int, named: bool, labelled: bool, kind: int | None, value: float, unit: str
) -> int:
    tier = TIER_KEY
    if kind == _YEAR_UNIT:
        tier = TIER_DATE if _is_calendar(unit, value) else TIER_KEY
        kind = 4
    elif kind is None:
        kind = 3 if value < SMALL_COUNT else 2
    if tier == TIER_KEY and kind >= 3 and sources < 2 and not named:
        tier = TIER_MINOR
    return (
        tier * _TIER
        + (_MAX_SOURCES - min(sources, _MAX_SOURCES)) * _SOURCES
        + (not named) * _UNNAMED
        + (not labelled) * _UNLABELLED
        + kind
    )


def tier_of(rank: int) -> int:
    return rank // _TIER


def build_ledger(briefing: Briefing) -> list[LedgerEntry]:
    """Every measure in the briefing, the key figures first (see `top_of_ledger`)."""
    with paused_gc():
        return top_of_ledger(briefing, None)[0]


def top_of_ledger(
    briefing: Briefing, top: int | None, *, dates: bool = True
) -> tuple[list[LedgerEntry], int]:
    """The first `top` entries of `build_ledger` (all with None), and how many it has in all;
    without `dates`, calendar years are left out of the entries (not of the count: they are
    still in the ledger). `ranked_ledger` also says how many were left out."""
    entries, total, left_out = ranked_ledger(briefing, top, dates=dates)
    return entries, total + left_out


def ranked_ledger(
    briefing: Briefing, top: int | None, *, dates: bool = True
) -> tuple[list[LedgerEntry], int, int]:
    """`top_of_ledger`: the entries, how many there are (calendar years left out without
    `dates`), and how many calendar years were left out.

    Ranked for a reader (docs/summary.md): what several sources report (agreeing or not),
    what the bottom line names, what carries a label, then money, shares and
    large counts before small and incidental ones; calendar years last. Only the entries
    returned are built: a figure of its own (no key) is ranked from the figure alone, and at
    scale most figures are.
    """
    named = named_values(briefing.info.bottom_line) if briefing.info.bottom_line else frozenset()
    keyed: dict[str, list[Sighting]] = {}
    lone: list[Figure] = []
    lone_articles: list[Article] = []
    ranks: list[int] = []
    values: list[float] = []
    by_unit: dict[str, int | None] = {}
    left_out = 0
    for article in briefing.articles:
        for figure in article.figures:
            if figure.key:
                keyed.setdefault(figure.key, []).append(Sighting(figure, article))
                continue
            # Inline, the unit's part looked up once per unit: most figures have no key,
            # and this loop is most of the time a summary spends on the ledger.
            unit, value = figure.unit, figure.value
            kind = (
                by_unit[unit] if unit in by_unit else by_unit.setdefault(unit, _unit_category(unit))
            )
            if kind == _YEAR_UNIT and not dates and _is_calendar(unit, value):
                left_out += 1
                continue
            lone.append(figure)
            lone_articles.append(article)
            ranks.append(_rank(1, value in named, bool(figure.label), kind, value, unit))
            values.append(-value)
    entries: list[LedgerEntry | None] = [None] * len(lone)
    for key, sightings in keyed.items():
        entry = LedgerEntry(key, tuple(sorted(sightings, key=chronological)))
        lead = entry.lead
        if not dates and is_calendar_year(lead):
            left_out += 1
            continue
        entries.append(entry)
        ranks.append(_entry_rank(entry, named))
        values.append(-lead.value)
    if top is not None and top < len(entries):
        ranked = zip(ranks, values, range(len(values)), strict=True)
        order = [index for _, _, index in heapq.nsmallest(top, ranked)]
    else:
        order = _sort(ranks, values)
    return (
        [entries[i] or LedgerEntry(None, (Sighting(lone[i], lone_articles[i]),)) for i in order],
        len(entries),
        left_out,
    )


def _entry_rank(entry: LedgerEntry, named: frozenset[float]) -> int:
    lead = entry.lead
    return _rank(
        len(entry.article_ids),
        any(s.figure.value in named for s in entry.sightings),
        any(s.figure.label for s in entry.sightings),
        _unit_category(lead.unit),
        lead.value,
        lead.unit,
    )


def rank_of(entry: LedgerEntry, briefing: Briefing) -> int:
    """An entry's rank as `top_of_ledger` gives it (lower first)."""
    named = named_values(briefing.info.bottom_line) if briefing.info.bottom_line else frozenset()
    return _entry_rank(entry, named)


def _sort(ranks: list[int], values: list[float]) -> list[int]:
    """Indexes sorted by rank, then value, then index: two stable sorts, the minor key
    first, each on plain numbers (much faster than sorting tuples)."""
    order = sorted(range(len(values)), key=values.__getitem__)
    order.sort(key=ranks.__getitem__)
    return order


def chronological(sighting: Sighting) -> tuple[int, str]:
    return (0, sighting.date) if sighting.date else (1, "")


MAX_PANELS = 48
"""Key figures shown at most; every figure stays reachable through search and the reader."""


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """The summary's panels: the figure ledger's first entries, and how many it has in all.

    Ranking only these takes a tenth of building the whole ledger, which the figure ledger
    view (4) needs: the summary is complete that much sooner."""

    entries: tuple[LedgerEntry, ...]
    total: int

    @classmethod
    def of(cls, briefing: Briefing, limit: int = MAX_PANELS) -> KeyFigures:
        entries, total = top_of_ledger(briefing, limit, dates=False)
        return cls(tuple(entries), total)


@dataclass(frozen=True)
class FigureLedger:
    """The ledger of one briefing, built once in the loading thread."""

    entries: tuple[LedgerEntry, ...]
    verdicts: tuple[Verdict, ...]

    @classmethod
    def of(cls, entries: list[LedgerEntry]) -> FigureLedger:
        return cls(tuple(entries), tuple(entry.verdict for entry in entries))

    def __len__(self) -> int:
        return len(self.entries)
