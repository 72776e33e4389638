"""The figure ledger (key 4): every measure, whether its sources agree, and each source's value.

One row per ledger entry (80,000 at 10,000 articles: a `VirtualList` draws only the rows in
view). The highlighted entry's sources are listed beside it; Enter on a source opens its
article in the reader at the figure.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Static

from tui.dashboard.widgets.messages import OpenArticle
from tui.dashboard.widgets.verdicts import (
    MARKS,
    _dated,
    last_visit,
    news_mark,
    source_name,
    verdict_details,
    verdict_short,
    verdict_words,
)
from tui.dashboard.widgets.virtual_list import VirtualList
from tui.reports.changes import entry_news
from tui.reports.ledger import FigureLedger, LedgerEntry, Verdict
from tui.reports.timeline import series, series_words, sparkline
from tui.store.seen import SeenRecord
from tui.text.plural import count
from tui.text.sanitize import one_line


class LedgerView(Horizontal):
    """Entries on the left, the highlighted entry's sources on the right."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"ledger--warning", "ledger--success",
                                             "ledger--accent"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "only_differ", "Only where sources differ",
                id="ledger.only-where-sources-differ"),
        Binding("right", "sources", "The entry's sources",
                id="ledger.the-entry-s-sources", show=False),
        Binding("escape,left", "entries", "Back to the entries",
                id="ledger.back-to-the-entries", show=False),
    ]

    ledger: reactive[FigureLedger | None] = reactive(None, init=False)
    only_differ: reactive[bool] = reactive(False, init=False)
    showing_sources: reactive[bool] = reactive(False)
    """True when the sources list is in use (on a narrow terminal the entries are then hidden)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._rows: list[int] | range = range(0)
        """Ledger positions of the rows listed (all, or those that differ)."""
        self._entry: LedgerEntry | None = None
        self._styles: dict[str, Style] = {}
        self._last_visit: SeenRecord | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="ledger-pane"):
            yield Static(id="ledger-heading")
            yield VirtualList(id="ledger-entries", item_height=2,
                              empty="Reading the figures… (or none was found)")
        with Vertical(id="sources-pane"):
            yield Static(id="sources-heading")
            yield VirtualList(id="ledger-sources", item_height=2, empty="No entry chosen.")

    @property
    def entry_list(self) -> VirtualList:
        return self.query_one("#ledger-entries", VirtualList)

    @property
    def source_list(self) -> VirtualList:
        return self.query_one("#ledger-sources", VirtualList)

    @property
    def entry(self) -> LedgerEntry | None:
        """The highlighted entry."""
        return self._entry

    @property
    def rows(self) -> list[LedgerEntry]:
        """The entries listed, in order (for tests)."""
        return [self.ledger.entries[i] for i in self._rows] if self.ledger else []

    def watch_showing_sources(self, showing: bool) -> None:
        self.set_class(showing, "-sources")

    def watch_ledger(self) -> None:
        self._last_visit = last_visit(self)
        self._fill()

    def watch_only_differ(self) -> None:
        self._fill()

    def _fill(self) -> None:
        ledger = self.ledger
        entry_list = self.entry_list
        previous = self._entry
        if ledger is None:
            self._rows = range(0)
        elif self.only_differ:
            self._rows = [i for i, v in enumerate(ledger.verdicts) if v is Verdict.DIFFER]
        else:
            self._rows = range(len(ledger))
        self._update_heading()
        highlighted = 0
        if previous is not None and ledger is not None:
            keyed = previous.key
            for row, index in enumerate(self._rows[:5000]):
                entry = ledger.entries[index]
                if entry is previous or (keyed is not None and entry.key == keyed):
                    highlighted = row
                    break
        entry_list.empty = (
            "No figure where sources differ: press d to list every figure."
            if self.only_differ and ledger is not None
            else "No figure was found in the articles." if ledger is not None
            else "Comparing the figures…"
        )
        entry_list.set_items(len(self._rows), self._entry_row, highlighted=highlighted)
        if not self._rows:
            self._show_sources(None)

    def _update_heading(self) -> None:
        ledger = self.ledger
        heading = Text(no_wrap=True, overflow="ellipsis")
        if ledger is None:
            heading.append("Comparing the figures…", style="italic")
        else:
            counts = Counter(ledger.verdicts)
            heading.append(count(len(ledger), "figure"), style="bold")
            heading.append(" · ")
            heading.append(f"{MARKS[Verdict.DIFFER]} {counts[Verdict.DIFFER]:,} differ",
                           style=self._style("warning"))
            heading.append(f" · {MARKS[Verdict.AGREE]} {counts[Verdict.AGREE]:,} agree"
                           f" · {counts[Verdict.SINGLE]:,} single source")
            hint = "\nEnter: its sources · d: "
            hint += "every figure" if self.only_differ else "only where sources differ"
            heading.append(hint, style="dim")
        self.query_one("#ledger-heading", Static).update(heading)

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"ledger--{name}",
                                                                      partial=True)
        return style

    def on_mount(self) -> None:
        def theme_changed(_theme: str) -> None:
            self._styles.clear()
            self._update_heading()
            self.entry_list.refresh_items()
            self.source_list.refresh_items()

        self.watch(self.app, "theme", theme_changed, init=False)

    def _entry_row(self, row: int) -> Text:
        assert self.ledger is not None
        index = self._rows[row]
        entry, verdict = self.ledger.entries[index], self.ledger.verdicts[index]
        text = Text()
        mark_style = {Verdict.DIFFER: self._style("warning"),
                      Verdict.AGREE: self._style("success")}.get(verdict, Style(dim=True))
        text.append(MARKS[verdict], style=mark_style)
        text.append(" ")
        text.append(one_line(entry.lead.display_value), style=self._style("accent"))
        news = news_mark(entry_news(entry, self._last_visit))
        if news:
            text.append(f" {news}", style=self._style("accent") + Style(bold=True))
        text.append("  " + one_line(entry.label))
        points = series(entry)
        if points:
            text.append("  " + sparkline(points), style=self._style("accent"))
        text.append("\n  ")
        text.append(verdict_words(entry), style=mark_style if verdict is not Verdict.SINGLE
                    else Style(dim=True))
        details = verdict_details(entry)
        if details:
            text.append(" · " + details, style="dim")
        return text

    def _show_sources(self, entry: LedgerEntry | None) -> None:
        self._entry = entry
        heading = Text()
        if entry is None:
            self.source_list.clear_options()
            self.query_one("#sources-heading", Static).update(heading)
            return
        heading.append(one_line(entry.label) or "(no label)", style="bold")
        heading.append("\n")
        verdict = entry.verdict
        style = {Verdict.DIFFER: self._style("warning"),
                 Verdict.AGREE: self._style("success")}.get(verdict, Style(bold=True))
        heading.append(verdict_short(entry), style=style)
        details = verdict_details(entry)
        if details:
            heading.append(" · " + details)
        points = series(entry)
        if points:
            heading.append("\n")
            heading.append(sparkline(points), style=self._style("accent"))
            heading.append("  " + one_line(series_words(entry)), style="dim")
        count = len(entry.sightings)
        heading.append(f"\n{count} source{'s' * (count != 1)} · Enter opens the article at "
                       "the figure", style="dim")
        self.query_one("#sources-heading", Static).update(heading)
        self.source_list.set_items(len(entry.sightings), self._source_row)

    def _source_row(self, index: int) -> Text:
        entry = self._entry
        assert entry is not None
        sighting = entry.sightings[index]
        figure, article = sighting.figure, sighting.article
        text = Text()
        differs = entry.verdict is Verdict.DIFFER and figure.value != entry.lead.value
        text.append(one_line(figure.display_value),
                    style=self._style("warning") if differs else self._style("accent"))
        when = _dated("", sighting.date).strip(" ()")
        if when:
            text.append(f"  as of {when}")
        if figure.label and figure.label != entry.label:
            text.append(" · " + one_line(figure.label), style="dim")
        text.append("\n  ")
        text.append(source_name(sighting), style="bold")
        if article.outlet and article.title:
            text.append(" · " + one_line(article.title), style="dim")
        return text

    # -- keys -----------------------------------------------------------------------------

    def focus_default(self) -> None:
        if self.showing_sources and self.source_list.option_count:
            self.source_list.focus()
        else:
            self.entry_list.focus()

    def action_only_differ(self) -> None:
        self.only_differ = not self.only_differ

    def action_sources(self) -> None:
        if self._entry is not None:
            self.showing_sources = True
            self.source_list.focus()

    def action_entries(self) -> None:
        self.showing_sources = False
        self.entry_list.focus()

    def select_entry(self, row: int) -> None:
        """Highlight row `row` of the ledger and show its sources."""
        self.showing_sources = False
        self.entry_list.highlighted = row
        self.entry_list.focus()

    @on(VirtualList.Highlighted, "#ledger-entries")
    def _entry_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        if self.ledger is not None and event.index < len(self._rows):
            self._show_sources(self.ledger.entries[self._rows[event.index]])

    @on(VirtualList.Selected, "#ledger-entries")
    def _entry_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        self.action_sources()

    @on(VirtualList.Highlighted, "#ledger-sources")
    def _source_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()

    @on(VirtualList.Selected, "#ledger-sources")
    def _source_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        if self._entry is not None and event.index < len(self._entry.sightings):
            figure = self._entry.sightings[event.index].figure
            self.post_message(OpenArticle(figure.article_id, figure.start, figure.end))
