"""The search dialog: type, see hits from the whole briefing, Enter to go there.

It is given the search to run (`Search`: a query gives hits, or None while the index is
not ready); every search runs in a worker thread, the newest query's cancelling the
others', so typing never waits for one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.dashboard.screens.dialog import Dialog
from tui.dashboard.widgets import VimOptionList
from tui.model.briefing import Briefing
from tui.search.hits import Hit, Kind
from tui.text.sanitize import one_line

Search = Callable[[str], list[Hit] | None]
"""The hits for a query, or None while they cannot be had yet (the index is being built)."""


class SearchScreen(Dialog[Hit | None]):
    """Returns the chosen hit, or None when closed with Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("down", "results", "Results", id="search.results", show=False),
    ]

    def __init__(self, briefing: Briefing, search: Search, query: str = "",
                 highlighted: int = 0) -> None:
        super().__init__(id="search-screen")
        self.briefing = briefing
        self._search = search
        self.initial_query = query
        self.initial_highlight = highlighted
        self.hits: list[Hit] = []
        self._waiting = False

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield Static(Text("Search the briefing", style="bold"), id="search-title")
            yield Input(value=self.initial_query, id="search-input",
                        placeholder="a name, a number, words from a quote or an article")
            yield VimOptionList(id="search-results")
            yield Static(id="search-status")

    def on_mount(self) -> None:
        self._run(self.initial_query)
        self.query_one(Input).focus()

    @property
    def results(self) -> VimOptionList:
        return self.query_one("#search-results", VimOptionList)

    @property
    def query_text(self) -> str:
        return self.query_one(Input).value

    def _run(self, query: str) -> None:
        if query.strip():
            self._search_in_thread(query)
        else:
            self._show(query, [])

    @work(thread=True, exclusive=True, group="search")
    def _search_in_thread(self, query: str) -> None:
        from textual.worker import get_current_worker

        hits = self._search(query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, query, hits)

    def index_ready(self) -> None:
        """The search index is ready: search again if it was awaited."""
        if self._waiting:
            self._run(self.query_text)

    def _show(self, query: str, hits: list[Hit] | None) -> None:
        if query != self.query_text and self.is_mounted:
            return  # an older query's answer
        self._waiting = hits is None
        self.hits = hits or []
        results = self.results
        results.set_options(Option(self._prompt(hit), id=str(i)) for i, hit in enumerate(self.hits))
        if self.hits:
            restore, self.initial_highlight = self.initial_highlight, 0
            results.highlighted = restore if 0 < restore < len(self.hits) else 0
        status = Text(style="dim")
        if self._waiting:
            status.append("Indexing the briefing for search… results come when it is ready.")
        elif not query.strip():
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
        prompt.append(f" {_tag(hit)} ", style="reverse")
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


def _tag(hit: Hit) -> str:
    """What a hit is, as its row shows it: an article's is where the words were found."""
    if hit.kind is Kind.ARTICLE:
        return "title" if hit.span is None else "text"
    return hit.kind.value
