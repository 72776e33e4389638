"""The search dialog: type, see hits from the whole briefing, Enter to go there."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..model import Briefing
from ..sanitize import one_line
from ..search import Hit, Kind, search
from ..widgets import VimOptionList

_TAGS = {Kind.SPEAKER: "speaker", Kind.FIGURE: "figure", Kind.QUOTE: "quote",
         Kind.TITLE: "title", Kind.TEXT: "text"}


class SearchScreen(ModalScreen[Hit | None]):
    """Returns the chosen hit, or None when closed with Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("down", "results", "Results", show=False),
    ]

    def __init__(self, briefing: Briefing, query: str = "", highlighted: int = 0) -> None:
        super().__init__(id="search-screen")
        self.briefing = briefing
        self.initial_query = query
        self.initial_highlight = highlighted
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield Static(Text("Search the briefing", style="bold"), id="search-title")
            yield Input(value=self.initial_query, id="search-input",
                        placeholder="a name, a number, words from a quote or an article")
            yield VimOptionList(id="search-results")
            yield Static(id="search-status")

    def on_mount(self) -> None:
        self._run(self.initial_query)
        results = self.results
        if self.hits and 0 < self.initial_highlight < len(self.hits):
            results.highlighted = self.initial_highlight
        self.query_one(Input).focus()

    @property
    def results(self) -> VimOptionList:
        return self.query_one("#search-results", VimOptionList)

    @property
    def query_text(self) -> str:
        return self.query_one(Input).value

    def _run(self, query: str) -> None:
        self.hits = search(self.briefing, query)
        results = self.results
        results.set_options(Option(self._prompt(hit), id=str(i)) for i, hit in enumerate(self.hits))
        if self.hits:
            results.highlighted = 0
        status = Text(style="dim")
        if not query.strip():
            status.append("Enter: go to the highlighted hit · ↓: the list · Esc: close")
        elif not self.hits:
            status.append("Nothing found. Try fewer or shorter words.")
        else:
            count = len(self.hits)
            status.append(f"{count} hit{'s' * (count != 1)} · Enter: go there · ↓: the list · "
                          "Esc: close")
        self.query_one("#search-status", Static).update(status)

    def _prompt(self, hit: Hit) -> Text:
        prompt = Text()
        prompt.append(f" {_TAGS[hit.kind]} ", style="reverse")
        prompt.append(" ")
        prompt.append(hit.title, style="bold")
        article = self.briefing.article(hit.article_id) if hit.article_id else None
        if article is not None and hit.kind in (Kind.QUOTE, Kind.FIGURE):
            prompt.append(" · " + one_line(article.title), style="dim")
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold underline", start, end)
        prompt.append("\n")
        prompt.append_text(snippet)
        return prompt

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._run(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        index = self.results.highlighted
        if self.hits:
            self.dismiss(self.hits[index or 0])

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.hits[int(event.option.id or 0)])

    def action_results(self) -> None:
        if self.hits:
            self.results.focus()

    def action_close(self) -> None:
        self.dismiss(None)
