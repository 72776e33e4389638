"""A key-figure panel: the value large, what it counts, its sources and whether they agree."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from tui.dashboard.widgets.verdicts import last_visit, news_mark, verdict_short
from tui.dashboard.widgets.wrap import wrap_offsets
from tui.reports.changes import entry_news
from tui.reports.ledger import LedgerEntry, Verdict
from tui.text.sanitize import one_line


class FigurePanel(Widget, can_focus=True):
    """One ledger entry; Enter or a click opens the article at the figure."""


    PARTS: ClassVar[dict[str, tuple[str, str]]] = {
        "value": ("text-accent", "bold"),
        "label": ("foreground", ""),
        "source": ("foreground", "dim"),
        "differ": ("text-warning", "bold"),
        "agree": ("text-success", ""),
        "new": ("text-accent", "bold"),
    }
    """Each part of a panel's text: the theme's colour variable and a text style. Styled
    from the theme's variables, once per theme, rather than with component classes:
    those are resolved for every panel on every restyle, a tenth of the first frame."""
    _styles: ClassVar[dict[str, dict[str, Style]]] = {}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open at figure", id="figure.open-at-figure"),
    ]

    class Selected(Message):
        """The reader asked to see this figure in its article."""

        def __init__(self, panel: FigurePanel) -> None:
            super().__init__()
            self.panel = panel

        @property
        def control(self) -> FigurePanel:
            return self.panel

    def __init__(self, entry: LedgerEntry, sources: str, index: int) -> None:
        super().__init__(classes="-differ" if entry.verdict is Verdict.DIFFER else "")
        self.entry = entry
        self.sources = sources
        """When and where the figure was reported (`tui.reports.glance.sources_line`)."""
        self.index = index

    def show(self, entry: LedgerEntry, sources: str) -> None:
        """Show another entry in this panel (the briefing was read again)."""
        self.entry, self.sources = entry, sources
        self.set_class(entry.verdict is Verdict.DIFFER, "-differ")
        self.refresh()

    def action_open(self) -> None:
        self.post_message(self.Selected(self))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.post_message(self.Selected(self))

    def render(self) -> Text:
        entry = self.entry
        width = max(8, self.content_size.width)
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        text.append(one_line(entry.lead.display_value), style=self._style("value"))
        verdict = entry.verdict
        if verdict is Verdict.DIFFER:
            text.append(f"  {verdict_short(entry)}", style=self._style("differ"))
        elif verdict is Verdict.AGREE:
            text.append(f"  {verdict_short(entry)}", style=self._style("agree"))
        mark = news_mark(entry_news(entry, last_visit(self)))
        if mark:
            text.append(f"  {mark}", style=self._style("new"))
        label = one_line(entry.label)
        lines = wrap_offsets(label, width)
        for number, (start, end) in enumerate(lines[:2]):
            piece = label[start:end]
            if number == 1 and len(lines) > 2:
                piece = piece[: max(0, width - 1)].rstrip() + "…"
            text.append("\n")
            text.append(piece, style=self._style("label"))
        text.append("\n" * (3 - min(2, len(lines))))
        source = self.sources
        if len(source) > width:
            source = source[: max(0, width - 1)].rstrip() + "…"
        text.append(source, style=self._style("source"))
        return text

    def _style(self, part: str) -> Style:
        theme = self.app.theme
        styles = FigurePanel._styles.get(theme)
        if styles is None:
            variables = self.app.theme_variables
            styles = FigurePanel._styles[theme] = {
                name: Style(color=variables.get(colour), bold="bold" in text_style or None,
                            dim="dim" in text_style or None)
                for name, (colour, text_style) in self.PARTS.items()
            }
        return styles[part]
