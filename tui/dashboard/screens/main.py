"""The main screen: the three views, the problems banner, and the way back."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, LoadingIndicator, Static

from tui.dashboard.widgets.messages import OpenArticle, OpenSpeaker, OpenSpeakerPage
from tui.dashboard.widgets.problem_banner import ProblemBanner
from tui.dashboard.widgets.view_tabs import ViewTabs
from tui.text.sanitize import one_line

if TYPE_CHECKING:
    from tui.dashboard.widgets.articles_view import ArticlesView
    from tui.dashboard.widgets.ledger_view import LedgerView
    from tui.dashboard.widgets.quotes_view import QuotesView
    from tui.dashboard.widgets.speaker_page import SpeakerPageView
    from tui.dashboard.widgets.summary_view import SummaryView
    from tui.model.briefing import Briefing
    from tui.model.problems import Problem
    from tui.reports.glance import Glance
    from tui.reports.ledger import FigureLedger, KeyFigures

VIEWS = ("summary", "quotes", "articles", "ledger", "speaker")
"""The views; "speaker" (a speaker's page) has no key of its own: it opens from a speaker."""
NARROW = 110
"""Below this many columns the articles view shows the list or the reader, not both."""
SHORT = 30
"""Below this many rows the views drop some spacing."""
HISTORY = 50


class MainScreen(Screen[None]):
    """Summary, quotes by speaker and articles, one at a time."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "show_view('summary')", "Summary view", id="summary-view", show=False),
        Binding("2", "show_view('quotes')", "Quotes by speaker",
                id="quotes-by-speaker", show=False),
        Binding("3", "show_view('articles')", "Articles and reader",
                id="articles-and-reader", show=False),
        Binding("4", "show_view('ledger')", "Figure ledger", id="figure-ledger", show=False),
        Binding("x", "hide_banner", "Hide problems banner", id="hide-problems-banner", show=False),
    ]

    AUTO_FOCUS = ""
    """Focus is placed by the views (an empty input must not swallow the keys)."""

    briefing: reactive[Briefing | None] = reactive(None, init=False)
    key_figures: reactive[KeyFigures | None] = reactive(None, init=False)
    ledger: reactive[FigureLedger | None] = reactive(None, init=False)
    problems: reactive[tuple[Problem, ...]] = reactive((), init=False)
    view: reactive[str] = reactive("summary", init=False)
    loading: reactive[bool] = reactive(True)

    def __init__(self, glance: Glance | None = None) -> None:
        super().__init__(id="main")
        self._history: list[Callable[[], None]] = []
        self._focus_in: dict[str, Widget] = {}
        self._glance = glance
        """The first screen as an earlier open stored it: shown until the files are read."""
        self._built = False
        """Whether every view is mounted (with a glance, the summary is mounted first)."""
        self._when_built: list[Callable[[], object]] = []
        self.set_reactive(MainScreen.loading, glance is None)

    def compose(self) -> ComposeResult:
        self._fit_to(*self.app.size)
        with Horizontal(id="topbar"):
            title = one_line(self._glance.title) if self._glance else "briefing"
            yield Static(Text(title, style="bold"), id="briefing-title")
            yield ViewTabs(id="view-tabs")
        yield ProblemBanner(id="banner")
        with Vertical(id="loading"):
            if self.loading:  # (else made when needed: it is not on a warm open's first frame)
                yield LoadingIndicator()
            yield Static("Reading the briefing files…", id="loading-status")
        with ContentSwitcher(id="views", initial="summary" if self._glance else None):
            if self._glance is not None:
                yield self._summary_view()
        yield Footer()

    async def first_frame_shown(self) -> None:
        """The first frame is on screen: what it left out may follow."""
        if self._glance is not None and not self._built:
            await self.summary.show_rest()

    async def forget_glance(self) -> None:
        """The stored first screen no longer matches the files: show "Reading…" instead of
        its figures until the files are read (then the views are built as on a cold open)."""
        if self._glance is None or self._built:
            return
        self._glance = None
        self.loading = True
        with suppress(NoMatches):
            await self.query_one("#summary").remove()

    @property
    def views_built(self) -> bool:
        """Whether every view is mounted (the briefing has been read)."""
        return self._built

    def _summary_view(self) -> SummaryView:
        from tui.dashboard.widgets.summary_view import SummaryView

        return SummaryView(self._glance, id="summary").data_bind(
            MainScreen.briefing, MainScreen.key_figures, MainScreen.problems
        )

    async def _build_views(self) -> None:
        """Mount the views once there is something to show, after the first frame."""
        from tui.dashboard.widgets.articles_view import ArticlesView
        from tui.dashboard.widgets.ledger_view import LedgerView
        from tui.dashboard.widgets.quotes_view import QuotesView
        from tui.dashboard.widgets.speaker_page import SpeakerPageView

        switcher = self.query_one(ContentSwitcher)
        views: list[Widget] = [
            QuotesView(id="quotes").data_bind(MainScreen.briefing),
            ArticlesView(id="articles").data_bind(MainScreen.briefing),
            LedgerView(id="ledger").data_bind(MainScreen.ledger),
            SpeakerPageView(id="speaker"),
        ]
        if self._glance is None:
            views.insert(0, self._summary_view())
        for view in views:  # the switcher hides only what it composed itself
            view.display = view.id == self.view
        await switcher.mount_all(views)
        self._built = True
        with suppress(NoMatches):  # the app closed while the views were being mounted
            switcher.current = self.view
            self.query_one(ViewTabs).set_active(self.view)

    def on_mount(self) -> None:
        self.query_one(ViewTabs).set_active(self.view)
        panels = self.summary.panels if self._glance is not None else []
        if panels:  # focused now (not after the next message), so the first frame shows it
            self.set_focus(panels[0], scroll_visible=False)

    # -- the views --------------------------------------------------------------------

    @property
    def summary(self) -> SummaryView:
        return cast("SummaryView", self.query_one("#summary"))

    @property
    def quotes(self) -> QuotesView:
        return cast("QuotesView", self.query_one("#quotes"))

    @property
    def articles(self) -> ArticlesView:
        return cast("ArticlesView", self.query_one("#articles"))

    @property
    def ledger_view(self) -> LedgerView:
        return cast("LedgerView", self.query_one("#ledger"))

    @property
    def speaker_page(self) -> SpeakerPageView:
        return cast("SpeakerPageView", self.query_one("#speaker"))

    def watch_loading(self, loading: bool) -> None:
        if loading and not self.query(LoadingIndicator):
            self.query_one("#loading").mount(LoadingIndicator(), before=0)
        self.set_class(loading, "-loading")

    async def watch_briefing(self, briefing: Briefing | None) -> None:
        title = Text(one_line(briefing.title) if briefing else "briefing", style="bold")
        shown = self.query("#briefing-title").results(Static)
        heading = next(shown, None)
        if heading is None:  # the app is closing: its widgets are gone
            return
        heading.update(title)
        if briefing is not None and not self._built:
            await self._build_views()
            self.loading = False
            if self._glance is None or self.app.focused is None or self.view != "summary":
                self.call_after_refresh(self._focus_view)
            for deferred in self._when_built:
                deferred()
            self._when_built.clear()
        elif briefing is not None and self.view == "speaker":
            self.speaker_page.refresh_page(briefing)

    def watch_problems(self, problems: tuple[Problem, ...]) -> None:
        self.query_one(ProblemBanner).show_problems(problems)

    def show_progress(self, done: int, total: int) -> None:
        self.query_one("#loading-status", Static).update(
            f"Reading the briefing files… {done:,} of {total:,}"
        )

    def action_show_view(self, view: str) -> None:
        """Switch to a view; the way back is forgotten, as after any deliberate move."""
        self._history.clear()
        self.switch_view(view)

    def switch_view(self, view: str) -> None:
        if view not in VIEWS:
            return
        focused = self.app.focused
        if focused is not None and self.view in VIEWS:
            self._focus_in[self.view] = focused
        if view == self.view:
            self._focus_view()
            return
        self.view = view

    def watch_view(self, view: str) -> None:
        if not self._built:  # only a stored summary is on screen yet
            if self._glance is not None:
                self.loading = view != "summary"
                self.query_one(ViewTabs).set_active(view)
                if view == "summary":
                    self._focus_view()
            return
        self.query_one(ContentSwitcher).current = view
        self.query_one(ViewTabs).set_active(view)
        self._focus_view()

    def _focus_view(self) -> None:
        remembered = self._focus_in.get(self.view)
        if remembered is not None and remembered.is_attached and remembered.display:
            remembered.focus()
        elif self.view == "summary":
            self.summary.focus_first()
        elif self.view == "quotes":
            self.quotes.focus_default()
        elif self.view == "ledger":
            self.ledger_view.focus_default()
        elif self.view == "speaker":
            self.speaker_page.focus_default()
        else:
            self.articles.focus_default()

    def on_resize(self) -> None:
        self._fit_to(self.size.width, self.size.height)

    def _fit_to(self, width: int, height: int) -> None:
        """Narrow and short layouts, by class. Every class changed restyles the whole screen:
        only what changes is set, and the first time before anything is mounted."""
        narrow, short = width < NARROW, height < SHORT
        if self.has_class("-narrow") != narrow:
            self.set_class(narrow, "-narrow")
        if self.has_class("-short") != short:
            self.set_class(short, "-short")

    @on(ViewTabs.Clicked)
    def _tab_clicked(self, event: ViewTabs.Clicked) -> None:
        self.action_show_view(event.view)

    # -- going somewhere, and back ------------------------------------------------------

    def remember(self, restore: Callable[[], None] | None = None) -> None:
        """Remember where the reader is now, so that Esc in the reader comes back here."""
        if restore is None:
            view, focused = self.view, self.app.focused

            def restore() -> None:
                self.switch_view(view)
                if focused is not None and focused.is_attached:
                    focused.focus()

        self._history.append(restore)
        del self._history[:-HISTORY]

    def go_back(self) -> bool:
        """Return to where the reader was opened from; False when there is nowhere to go."""
        if not self._history:
            return False
        self._history.pop()()
        return True

    def open_article(self, article_id: str, span: tuple[int, int] | None = None) -> bool:
        """Show an article in the reader, `span` highlighted and in view (once it is read,
        when only a stored summary is on screen)."""
        if not self._built and self._glance is not None:
            self._when_built.append(lambda: self.open_article(article_id, span))
            self.switch_view("articles")
            return True
        if self.briefing is None or self.briefing.article(article_id) is None:
            return False
        self.switch_view("articles")
        self.articles.open(article_id, span)
        self._focus_in["articles"] = self.articles.reader
        return True

    def open_speaker(self, speaker_id: str | None) -> None:
        self.switch_view("quotes")
        self.quotes.select_speaker(speaker_id)

    def open_speaker_page(self, speaker_id: str | None, index: int = 0) -> bool:
        """Show a speaker's page (None: the unattributed quotes), quotation `index` highlighted."""
        briefing = self.briefing
        if briefing is None or (speaker_id is not None and briefing.speaker(speaker_id) is None):
            return False
        if not self._built:
            return False
        self.speaker_page.show(briefing, speaker_id, index)
        self.switch_view("speaker")
        self._focus_in["speaker"] = self.speaker_page.quote_list
        self.speaker_page.quote_list.focus()
        return True

    @on(OpenArticle)
    def _open_article(self, event: OpenArticle) -> None:
        event.stop()
        self.remember()
        self.open_article(event.article_id, event.span)

    @on(OpenSpeaker)
    def _open_speaker(self, event: OpenSpeaker) -> None:
        event.stop()
        self.remember()
        self.open_speaker(event.speaker_id)

    @on(OpenSpeakerPage)
    def _open_speaker_page(self, event: OpenSpeakerPage) -> None:
        event.stop()
        self.remember()
        if not self.open_speaker_page(event.speaker_id):
            self._history.pop()

    def on_speaker_page_view_back_requested(self, event: SpeakerPageView.BackRequested) -> None:
        event.stop()
        if not self.go_back():
            self.switch_view("quotes")

    def on_articles_view_back_requested(self, event: ArticlesView.BackRequested) -> None:
        event.stop()
        if not self.go_back():
            self.articles.show_list()

    def action_hide_banner(self) -> None:
        self.query_one(ProblemBanner).dismiss()
