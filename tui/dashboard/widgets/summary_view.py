"""The summary view: title, bottom line, counts and a grid of key-figure panels."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from tui.dashboard.widgets.figure_panel import FigurePanel
from tui.dashboard.widgets.messages import OpenArticle
from tui.dashboard.widgets.verdicts import NEW_MARK, news_of
from tui.model.briefing import Briefing
from tui.model.dates import describe_date
from tui.model.problems import Problem
from tui.reports.glance import Glance
from tui.reports.ledger import MAX_PANELS, KeyFigures
from tui.text.plural import count
from tui.text.sanitize import one_line, printable

PANEL_WIDTH = 28
PANEL_HEIGHT = 6
ABOVE_PANELS = 6
"""Rows at least above the first panels: the top bar, the title, the counts, the footer."""


class SummaryView(VerticalScroll, can_focus=False):
    """What the briefing says, at a glance."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", "Previous figure", id="summary.previous-figure", show=False),
        Binding("right,l", "move(1)", "Next figure", id="summary.next-figure", show=False),
        Binding("up,k", "move_row(-1)", "Figure above", id="summary.figure-above", show=False),
        Binding("down,j", "move_row(1)", "Figure below", id="summary.figure-below", show=False),
        Binding("g,home", "move_to(0)", "First figure", id="summary.first-figure", show=False),
        Binding("G,end", "move_to(-1)", "Last figure", id="summary.last-figure", show=False),
    ]

    briefing: reactive[Briefing | None] = reactive(None, init=False)
    key_figures: reactive[KeyFigures | None] = reactive(None, init=False)
    problems: reactive[tuple[Problem, ...]] = reactive((), init=False)

    def __init__(self, glance: Glance | None = None, *,
                 id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self._glance = glance
        """What to show before the briefing is read (stored by an earlier open)."""

    def compose(self) -> ComposeResult:
        """With a kept first screen, everything it shows is composed with its content and
        size, so the first frame needs no second layout pass."""
        glance = self._glance
        title, counts, bottom = self._header(glance) if glance else (Text(), Text(), Text())
        yield self._static(title, "summary-title", bool(title) or glance is None)
        yield self._static(counts, "summary-counts")
        yield self._static(Text(), "summary-new", glance is None)
        yield self._static(bottom, "summary-bottom-line", bool(bottom) or glance is None)
        figures = glance.key_figures if glance is not None else None
        grid = Grid(id="figure-grid")
        grid.styles.grid_size_columns = self._columns_for(self.app.size.width - 2)
        with grid:
            if glance is not None and figures is not None:
                yield from self._panels(figures, glance.sources)[: self._first_screenful()]
        yield self._static(self._more(figures) if figures else "", "summary-more")

    @staticmethod
    def _static(content: Text | str, name: str, shown: bool = True) -> Static:
        static = Static(content, id=name)
        static.display = shown
        return static

    @staticmethod
    def _columns_for(width: int) -> int:
        return max(1, (width + 1) // PANEL_WIDTH)

    def _first_screenful(self) -> int:
        """How many panels the first frame can show at most; the rest follow it."""
        width, height = self.app.size
        rows = -(-max(1, height - ABOVE_PANELS) // PANEL_HEIGHT)  # (rounded up)
        return max(1, (width - 1) // PANEL_WIDTH) * rows

    async def show_rest(self) -> None:
        """Mount the panels the first frame left out (unless the briefing came first); called
        once the first frame is on screen."""
        glance = self._glance
        if glance is not None and self.key_figures is None and glance.key_figures is not None:
            shown = len(self.panels)
            rest = self._panels(glance.key_figures, glance.sources)[shown:]
            await self.query_one("#figure-grid", Grid).mount_all(rest)

    @property
    def panels(self) -> list[FigurePanel]:
        return list(self.query(FigurePanel))

    @property
    def columns(self) -> int:
        width = self.query_one("#figure-grid").size.width or self.size.width
        return max(1, width // PANEL_WIDTH)

    def watch_briefing(self, briefing: Briefing | None) -> None:
        if briefing is None:
            return
        self._show_header(Glance.of(briefing))
        news = news_of(self, briefing)
        badge = Text()
        if news:
            badge.append(f" {NEW_MARK} new ", style="bold reverse")
            badge.append(" " + news.summary().replace("New since", "since", 1))
        self.query_one("#summary-new", Static).update(badge)
        self.query_one("#summary-new").display = bool(news)
        for panel in self.panels:  # what is new is known once the briefing is read
            panel.refresh()

    def _header(self, glance: Glance) -> tuple[Text, Text, Text]:
        """The title line, the counts and the bottom line."""
        info = glance.info
        about = [one_line(info.topic), describe_date(info.date)]
        title = Text(" · ".join(part for part in about if part), style="bold italic")
        bottom = Text()
        if info.bottom_line:
            bottom.append("Bottom line ", style="bold reverse")
            bottom.append(" ")
            bottom.append(printable(info.bottom_line))
        line = Text()
        for name in ("articles", "speakers", "quotes", "figures"):
            if line:
                line.append(" · ")
            number, noun = count(glance.counts[name], name[:-1]).split(" ", 1)
            line.append(number, style="bold")
            line.append(f" {noun}")
        if glance.empty:
            line = Text(self._empty_words(), style="italic")
        return title, line, bottom

    def _show_header(self, glance: Glance) -> None:
        title, counts, bottom = self._header(glance)
        self.query_one("#summary-title", Static).update(title)
        self.query_one("#summary-title").display = bool(title)
        self.query_one("#summary-bottom-line", Static).update(bottom)
        self.query_one("#summary-bottom-line").display = bool(bottom)
        self.query_one("#summary-counts", Static).update(counts)
        if not self.panels and not glance.empty and glance.key_figures is None:
            self.query_one("#summary-more", Static).update(
                Text("Comparing the figures across the articles…", style="italic")
            )

    def watch_problems(self) -> None:
        if self.briefing is not None and not self.briefing.articles:
            self.watch_briefing(self.briefing)

    def _empty_words(self) -> str:
        if self.problems:
            return "No article could be read. Press p to see the problems."
        return ("This briefing has no articles yet. Draft some from article files with "
                "'briefing import ARTICLE... -o FILE', or add them to the file by hand "
                "(docs/format.md).")

    @staticmethod
    def _panels(key_figures: KeyFigures, sources: tuple[str, ...]) -> list[FigurePanel]:
        entries = key_figures.entries[:MAX_PANELS]
        return [FigurePanel(entry, line, i) for i, (entry, line) in
                enumerate(zip(entries, sources, strict=False))]

    @staticmethod
    def _more(key_figures: KeyFigures) -> Text | str:
        more = key_figures.total - min(len(key_figures.entries), MAX_PANELS)
        if more <= 0:
            return ""
        return Text(f"{more:,} more figures: the figure ledger (4), search (s) or the "
                    "articles (3).", style="italic")

    def _show_more(self, key_figures: KeyFigures) -> None:
        self.query_one("#summary-more", Static).update(self._more(key_figures))

    async def watch_key_figures(self, key_figures: KeyFigures | None) -> None:
        briefing = self.briefing
        if key_figures is None or briefing is None:
            return
        glance = Glance.of(briefing, key_figures)
        entries = key_figures.entries[:MAX_PANELS]
        panels = self.panels
        if panels and entries:  # panels shown again, as many as needed: focus stays put
            for panel, entry, line in zip(panels, entries, glance.sources, strict=False):
                panel.show(entry, line)
            if len(panels) > len(entries):
                await self.query_one("#figure-grid", Grid).remove_children(panels[len(entries):])
            else:
                more = self._panels(key_figures, glance.sources)[len(panels):]
                await self.query_one("#figure-grid", Grid).mount_all(more)
            self._show_more(key_figures)
            return
        focused = self.app.focused
        had_focus = isinstance(focused, FigurePanel) and focused in panels
        index = focused.index if had_focus and isinstance(focused, FigurePanel) else 0
        grid = self.query_one("#figure-grid", Grid)
        await grid.remove_children()
        panels = self._panels(key_figures, glance.sources)
        await grid.mount_all(panels)
        self._show_more(key_figures)
        self._fit_columns()
        if panels and (had_focus or (self.display and self.app.focused is None)):
            self.call_after_refresh(self._settle_focus, panels[min(index, len(panels) - 1)])

    def _settle_focus(self, panel: FigurePanel) -> None:
        """Focus a newly built panel, unless the reader has moved on since it was built."""
        focused = self.app.focused
        moved_on = focused is not None and focused.is_attached and focused not in self.panels
        if self.display and panel.is_attached and not moved_on:
            self.screen.set_focus(panel, scroll_visible=False)

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        grid = self.query_one("#figure-grid", Grid)
        columns = self._columns_for(self.scrollable_content_region.width)
        if grid.styles.grid_size_columns != columns:  # (a change lays the screen out again)
            grid.styles.grid_size_columns = columns

    def focus_first(self) -> None:
        panels = self.panels
        if panels:
            # The title and bottom line stay in view: focusing must not scroll them away.
            panels[0].focus(scroll_visible=False)
            self.scroll_home(animate=False)
        else:
            self.screen.set_focus(None)

    def _focused_index(self) -> int | None:
        focused = self.app.focused
        return focused.index if isinstance(focused, FigurePanel) else None

    def action_move(self, delta: int) -> None:
        index = self._focused_index()
        self._focus_panel(0 if index is None else index + delta)

    def action_move_row(self, delta: int) -> None:
        columns = int(self.query_one("#figure-grid", Grid).styles.grid_size_columns or 1)
        index = self._focused_index()
        if index is None:
            self._focus_panel(0)
            return
        target = index + delta * columns
        if 0 <= target < len(self.panels):
            self._focus_panel(target)
        elif delta < 0:
            self.scroll_home(animate=False)

    def action_move_to(self, index: int) -> None:
        """Focus panel `index`; -1 is the last."""
        self._focus_panel(len(self.panels) - 1 if index < 0 else index)

    def _focus_panel(self, index: int) -> None:
        panels = self.panels
        if panels:
            panels[max(0, min(index, len(panels) - 1))].focus()

    @on(FigurePanel.Selected)
    def open_figure(self, event: FigurePanel.Selected) -> None:
        event.stop()
        figure = event.panel.entry.lead
        self.post_message(OpenArticle(figure.article_id, figure.start, figure.end))
