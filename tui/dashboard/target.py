"""What is under the cursor: the article, and the quotation or figure, a key acts on.

`e` opens the briefing file at it, `u` the article's web page, `c` copies a quotation with
its citation; each asks the main screen's current view what is highlighted there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.css.query import NoMatches

from tui.dashboard.widgets.figure_panel import FigurePanel
from tui.model.briefing import Article, Figure, Quote

if TYPE_CHECKING:
    from tui.dashboard.screens.main import MainScreen


@dataclass(frozen=True, slots=True)
class Target:
    """An article, and the quotation or figure in it when one is highlighted."""

    article: Article
    item: Quote | Figure | None = None


def target_of(main: MainScreen) -> Target | None:
    """What the current view of `main` has highlighted, if anything."""
    briefing = main.briefing
    if briefing is None:
        return None
    try:
        return _TARGETS[main.view](main)
    except (KeyError, NoMatches, IndexError, ValueError):
        return None


def _quotes(main: MainScreen) -> Target | None:
    view = main.quotes
    option = view.quote_list.highlighted_option
    if option is None or option.id is None:
        return None
    return _quote_target(main, view.quotes[int(option.id)])


def _articles(main: MainScreen) -> Target | None:
    view = main.articles
    briefing = main.briefing
    if briefing is None:
        return None
    if view.reading and view.reader.article is not None:
        article = view.reader.article
        span = view.reader.highlight
        items: list[Quote | Figure] = [*article.quotes, *article.figures]
        found = next((i for i in items if span == (i.start, i.end)), None)
        return Target(article, found)
    index = view.article_list.highlighted
    return Target(briefing.articles[index]) if index is not None else None


def _summary(main: MainScreen) -> Target | None:
    focused = main.app.focused
    if not isinstance(focused, FigurePanel) or not focused.entry.sightings:
        return None
    sighting = focused.entry.sightings[-1]
    return Target(sighting.article, sighting.figure)


def _ledger(main: MainScreen) -> Target | None:
    view = main.ledger_view
    entry = view.entry
    if entry is None or not entry.sightings:
        return None
    row = view.source_list.highlighted if view.showing_sources else None
    sighting = entry.sightings[row if row is not None else 0]
    return Target(sighting.article, sighting.figure)


def _speaker(main: MainScreen) -> Target | None:
    group = main.speaker_page.group
    if group is None:
        return None
    quote, article = group.first
    return Target(article, quote)


def _quote_target(main: MainScreen, quote: Quote) -> Target | None:
    article = main.briefing.article(quote.article_id) if main.briefing else None
    return Target(article, quote) if article is not None else None


_TARGETS = {"quotes": _quotes, "articles": _articles, "summary": _summary,
            "ledger": _ledger, "speaker": _speaker}
