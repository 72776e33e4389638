"""The words for a ledger entry's verdict, the same on the summary panels and in the ledger.

    ≠ differ 181-182     the sources give different values (the range)
    ✓ 2 agree            several sources, one value
    single source        one article only
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model.briefing import Briefing, format_number
from tui.model.dates import describe_date
from tui.reports.changes import Novelty, novelty
from tui.reports.ledger import LedgerEntry, Sighting, Verdict
from tui.store.seen import SeenRecord
from tui.text.sanitize import one_line

if TYPE_CHECKING:
    from textual.widget import Widget

MARKS = {Verdict.DIFFER: "≠", Verdict.AGREE: "✓", Verdict.SINGLE: "·"}


def value_range(entry: LedgerEntry) -> str:
    """"181-182": the lowest and highest value reported."""
    low, high = entry.values[0], entry.values[-1]
    unit = entry.lead.unit
    return f"{format_number(low, unit)}-{format_number(high, unit)}"


def verdict_words(entry: LedgerEntry) -> str:
    """"differ 181-182", "2 agree" or "single source"."""
    verdict = entry.verdict
    if verdict is Verdict.DIFFER:
        return f"differ {value_range(entry)}"
    if verdict is Verdict.AGREE:
        return f"{len(entry.article_ids)} agree"
    return "single source"


def verdict_short(entry: LedgerEntry) -> str:
    """The mark and the words: "≠ differ 181-182"; what a panel shows beside the value."""
    if entry.verdict is Verdict.SINGLE:
        return verdict_words(entry)
    return f"{MARKS[entry.verdict]} {verdict_words(entry)}"


def source_name(sighting: Sighting) -> str:
    article = sighting.article
    return one_line(article.outlet or article.title or article.id)


def _dated(text: str, date: str | None) -> str:
    when = describe_date(date)
    return f"{text} ({when})" if when else text


def verdict_details(entry: LedgerEntry) -> str:
    """What follows the verdict in the ledger: the latest value and earliest source when the
    sources differ, the sources when they agree, the source when there is one."""
    verdict = entry.verdict
    if verdict is Verdict.DIFFER:
        latest = entry.latest
        earliest = entry.sightings[0]
        return (f"latest {_dated(one_line(latest.figure.display_value), latest.date)} · "
                f"earliest {_dated(source_name(earliest), earliest.date)}")
    names = list(dict.fromkeys(source_name(s) for s in entry.sightings))
    if verdict is Verdict.AGREE:
        return ", ".join(names)
    return _dated(names[0], entry.latest.date) if names else ""


NEW_MARK = "●"
"""Beside what is new since the last visit: an article, a figure, a quotation."""
CHANGED_MARK = "▲"
"""Beside a figure whose value changed since the last visit."""


def last_visit(widget: Widget) -> SeenRecord | None:
    """What the reader saw when the dashboard last closed on these files (None: first visit)."""
    try:
        record = getattr(widget.app, "last_visit", None)
    except Exception:
        return None
    return record if isinstance(record, SeenRecord) else None


def news_of(widget: Widget, briefing: Briefing) -> Novelty:
    """What is new in `briefing` since the last visit."""
    return novelty(briefing, last_visit(widget))


def news_mark(news: str | None) -> str:
    """The mark for `entry_news`: "● new", "▲ changed" or ""."""
    return {"new": f"{NEW_MARK} new", "changed": f"{CHANGED_MARK} changed"}.get(news or "", "")
