"""The articles view: the list of articles and the reader."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, overload

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Input, Static

from tui.dashboard.widgets.reader import Reader
from tui.dashboard.widgets.verdicts import NEW_MARK, news_of
from tui.dashboard.widgets.virtual_list import VirtualList
from tui.model.briefing import Article, Briefing
from tui.model.dates import describe_date
from tui.text.plural import count
from tui.text.sanitize import one_line


class ArticlesView(Horizontal):
    """A list of articles and a reader; on narrow terminals one of the two at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "find", "Find", id="articles.find", key_display="/"),
        Binding("right_square_bracket", "step_article(1)", "Next article",
                id="articles.next-article", key_display="]"),
        Binding("left_square_bracket", "step_article(-1)", "Previous article",
                id="articles.previous-article", key_display="[",
                show=False),
        Binding("escape", "back", "Back", id="articles.back"),
    ]

    briefing: reactive[Briefing | None] = reactive(None, init=False)
    reading: reactive[bool] = reactive(False)
    """True when the reader is in use (on a narrow terminal the list is then hidden)."""
    _news: frozenset[str] = frozenset()
    """Ids of the articles new or changed since the last visit and not opened since."""
    _opened: frozenset[str] = frozenset()

    class BackRequested(Message):
        """Esc in the reader with nothing left to close: go back where the reader came from."""

    def compose(self) -> ComposeResult:
        yield VirtualList(id="article-list", item_height=2, empty="No article.")
        with Vertical(id="reader-pane"):
            yield Reader(id="reader")
            yield Input(placeholder="find in this article; Enter to step with n/N, Esc to close",
                        id="find")
            yield Static(id="reader-status")

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def article_list(self) -> VirtualList:
        return self.query_one("#article-list", VirtualList)

    @property
    def find_input(self) -> Input:
        return self.query_one("#find", Input)

    def watch_reading(self, reading: bool) -> None:
        self.set_class(reading, "-reading")

    def watch_briefing(self, briefing: Briefing | None) -> None:
        if briefing is None:
            return
        article_list = self.article_list
        previous = article_list.highlighted
        articles = briefing.articles
        self._news = news_of(self, briefing).articles - self._opened
        with self.prevent(VirtualList.Highlighted):
            article_list.set_items(len(articles), self._prompt, _Ids(articles), highlighted=None)
        current = self.reader.article
        if current is not None and briefing.article(current.id) is not None:
            article = briefing.article(current.id)
            assert article is not None
            self._highlight_in_list(article.id)
            if article != current:
                self.reader.update_article(article)
        elif briefing.articles:
            index = min(previous or 0, len(briefing.articles) - 1)
            article_list.highlighted = index
            self.reader.show(briefing.articles[index])
        else:
            self.reader.show(None)

    def _prompt(self, index: int) -> Text:
        assert self.briefing is not None
        article = self.briefing.articles[index]
        return _article_prompt(index, article, article.id in self._news)

    def _seen(self, article_id: str) -> None:
        """The reader opened the article: it is no longer new."""
        self._opened = self._opened | {article_id}
        if article_id in self._news:
            self._news = self._news - {article_id}
            self.article_list.refresh_items()

    def focus_default(self) -> None:
        if self.reading:
            self.reader.focus()
        elif self.article_list.option_count:
            self.article_list.focus()
        else:
            self.screen.set_focus(None)

    def open(self, article_id: str, span: tuple[int, int] | None = None) -> bool:
        """Show an article in the reader with `span` highlighted; False if there is none such."""
        article = self.briefing.article(article_id) if self.briefing else None
        if article is None:
            return False
        self._highlight_in_list(article_id)
        self._close_find()
        self.reader.show(article, span)
        self._seen(article_id)
        self.reading = True
        self.reader.focus()
        return True

    def show_list(self) -> None:
        self._close_find()
        self.reading = False
        self.article_list.focus()

    def _highlight_in_list(self, article_id: str) -> None:
        article_list = self.article_list
        index = self.briefing.article_order.get(article_id) if self.briefing else None
        if index is not None and article_list.highlighted != index:
            article_list.highlighted = index

    def action_step_article(self, delta: int) -> None:
        briefing = self.briefing
        if briefing is None or not briefing.articles:
            return
        current = self.reader.article
        order = briefing.article_order
        index = order.get(current.id, -delta) if current is not None else -delta
        self.open(briefing.articles[(index + delta) % len(briefing.articles)].id)

    def action_find(self) -> None:
        if self.reader.article is None:
            return
        self.reading = True
        find = self.find_input
        find.add_class("-show")
        find.value = self.reader.find_query
        find.focus()

    def action_back(self) -> None:
        if self.find_input.has_focus or self.reader.finding:
            self._close_find()
            self.reader.focus()
            return
        self.post_message(self.BackRequested())

    def _close_find(self) -> None:
        find = self.find_input
        find.remove_class("-show")
        self.reader.clear_find()

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.reader.find(event.value)

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.find_input.remove_class("-show")
        self.reader.focus()

    @on(VirtualList.Highlighted, "#article-list")
    def _article_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        briefing = self.briefing
        article = briefing.article(event.item_id or "") if briefing else None
        current = self.reader.article
        if article is not None and (current is None or current.id != article.id):
            self._close_find()
            self.reader.show(article)

    @on(VirtualList.Selected, "#article-list")
    def _article_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        self.open(event.item_id or "")

    @on(Reader.Moved)
    def _reader_moved(self, event: Reader.Moved) -> None:
        event.stop()
        self.query_one("#reader-status", Static).update(self._status())

    def _status(self) -> Text:
        reader, briefing = self.reader, self.briefing
        article = reader.article
        text = Text(no_wrap=True, overflow="ellipsis")
        if article is None or briefing is None:
            return text
        if reader.finding:
            query = one_line(reader.find_query)
            matches = reader.matches
            if not matches:
                text.append("No match", style="bold")
                text.append(f" for “{query}” in this article · Esc clears")
            else:
                text.append(f"Match {(reader.cursor or 0) + 1} of {len(matches)}", style="bold")
                text.append(f" for “{query}” · n/N next/previous · Esc clears")
            return text
        mark = reader.current_mark
        if mark is not None and mark.kind == "figure":
            figure = article.figures[mark.index]
            text.append(f"Figure {mark.index + 1} of {len(article.figures)}", style="bold")
            text.append(f" · {one_line(figure.display_value)} · {one_line(figure.label)}")
            when = describe_date(figure.as_of)
            if when:
                text.append(f" ({when})")
        elif mark is not None:
            quote = article.quotes[mark.index]
            text.append(f"Quote {mark.index + 1} of {len(article.quotes)}", style="bold")
            text.append(f" · {one_line(briefing.speaker_name(quote.speaker_id))}")
            if quote.unconfirmed:
                text.append(" · ")
                text.append("? speaker unconfirmed", style="bold reverse")
                text.append(f" ({one_line(quote.check)})", style="dim")
        elif reader.highlight is not None:
            text.append("Search hit", style="bold")
            text.append(" highlighted · n/N: figures and quotes")
        else:
            text.append(count(len(article.figures), "figure"), style="bold underline")
            text.append(" · ")
            text.append(count(len(article.quotes), "quote"), style="italic")
            text.append(" · n/N step through them · / find · ]/[ next/previous article")
        return text


class _Ids(Sequence[str]):
    """The articles' ids, without building a list of 10,000 of them."""

    def __init__(self, articles: tuple[Article, ...]) -> None:
        self._articles = articles

    def __len__(self) -> int:
        return len(self._articles)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [article.id for article in self._articles[index]]
        return self._articles[index].id


def _article_prompt(index: int, article: Article, new: bool = False) -> Text:
    prompt = Text(f"{index + 1}. ", style="bold")
    if new:
        prompt.append(f"{NEW_MARK} new ", style="bold reverse")
        prompt.append(" ")
    prompt.append(one_line(article.title) or "(untitled)", style="bold")
    details = [one_line(article.outlet), describe_date(article.published),
               count(len(article.figures), "figure"), count(len(article.quotes), "quote")]
    prompt.append("\n" + " · ".join(part for part in details if part), style="dim")
    return prompt
