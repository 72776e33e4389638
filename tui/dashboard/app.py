"""The dashboard: `briefing [PATH...]` opens it; `make_app` builds it for the CLI and the tests.

The app shows what a `BriefingSession` produces and knows nothing of files: after the first
frame, a worker thread asks the session to refresh and posts each stage it yields (the
briefing, its key figures, the figure ledger, search in step) to the UI thread, waiting until
one is on screen before the next is computed. The files are polled for changes and read again
in the same way, keeping the reader's place.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from tui.dashboard.cursor_actions import CursorActions
from tui.dashboard.screens.main import MainScreen
from tui.dashboard.widgets.messages import OpenSpeakerPage
from tui.store.state import load_state, save_state

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.files.config import Config
    from tui.files.loader import LoadResult
    from tui.model.briefing import Briefing
    from tui.reports.glance import Glance
    from tui.search.hits import Hit
    from tui.session.session import BriefingSession, Stage
    from tui.store.seen import SeenRecord

DEFAULT_THEME = "textual-dark"
WATCH_INTERVAL = 0.5
"""Seconds between checks of the loaded files for changes."""
SHOW_WAIT = 2.0
"""Seconds the loading thread waits for what it posted to be shown before going on."""
PROGRESS_INTERVAL = 0.05
"""Seconds between updates of the loading progress."""
SEARCH_LIMIT = 100
NOTE_SECONDS = 30
"""How long a note stays unless clicked away."""


class BriefingApp(CursorActions):
    """A briefing at a glance: key figures, quotes by speaker, and the articles."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    debug_errors = False
    """Show an internal error's traceback on exit (--debug) instead of logging it."""
    crash_log: Path | None = None
    """Where the traceback of the internal error that closed the app was written."""
    COMMANDS: ClassVar = App.COMMANDS | {lambda: _briefing_commands()}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "search", "Search", id="search"),
        Binding("ctrl+f", "search", "Search", id="search-also", show=False, priority=True),
        Binding("e", "edit", "Edit here", id="edit"),
        Binding("u", "open_url", "Open web page", id="open-url"),
        Binding("c", "copy_quote", "Copy quotation", id="copy-quote"),
        Binding("question_mark", "help", "Help", id="help", key_display="?"),
        Binding("p", "problems", "Problems", id="problems", show=False),
        Binding("t", "toggle_theme", "Light/dark theme", id="light-dark-theme", show=False),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    class StageReady(Message):
        """The session produced a stage of its refresh (see `tui.session.session`)."""

        def __init__(self, stage: Stage, shown: threading.Event) -> None:
            super().__init__()
            self.stage = stage
            self.shown = shown
            """Set once the stage is on screen."""

    class Progress(Message):
        """Some of the files were read."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    def _fatal_error(self) -> None:
        """Log an unhandled error's traceback rather than print it at the user on exit."""
        if self.debug_errors:
            super()._fatal_error()
            return
        import traceback

        from tui.store.state import state_dir

        if self.crash_log is not None:
            return  # the first error is the one to read; what follows is its wake
        try:
            folder = state_dir()
            folder.mkdir(parents=True, exist_ok=True)
            self.crash_log = folder / "crash.log"
            self.crash_log.write_text(traceback.format_exc(), encoding="utf-8")
        except OSError:
            self.crash_log = Path("(the log could not be written)")
        self.bell()
        self._close_messages_no_wait()

    def __init__(self, session: BriefingSession, config: Config, *,
                 theme: str | None = None, watch_interval: float | None = WATCH_INTERVAL,
                 remember_theme: bool = True, note: str | None = None,
                 glance: Glance | None = None) -> None:
        super().__init__()
        self.session = session
        self.glance = glance
        """The summary's first screen as stored by an earlier open, shown until the files
        are read (`BriefingSession.kept_glance`)."""
        self.note = note
        """A note for the user, shown once the dashboard is open (a click dismisses it)."""
        self.config = config
        self.result: LoadResult | None = None
        """What is on screen (the session may already be reading the files again)."""
        self.last_search = ""
        self._loading = False
        self._watch_interval = watch_interval
        self._remember_theme = False
        self._may_remember_theme = remember_theme
        chosen = theme or load_state().theme or self.config.theme or DEFAULT_THEME
        self.theme = chosen if chosen in self.available_themes else DEFAULT_THEME
        self.keymap = dict(config.keymap)
        """Keys the user chose, by binding id (the `keymap` setting)."""
        self.set_keymap(self.keymap)

    # -- loading ----------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(self.glance)

    @property
    def main(self) -> MainScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    @property
    def briefing(self) -> Briefing | None:
        return self.result.briefing if self.result else None

    def on_mount(self) -> None:
        self._remember_theme = self._may_remember_theme
        if self.keymap:
            from tui.dashboard.screens.help import binding_table

            known = {row[0] for row in binding_table(help_sections())}
            unknown = sorted(set(self.keymap) - known)
            if unknown:
                self.notify(f"keymap: no key is called {', '.join(unknown)}; docs/keys.md "
                            "lists the ids.", title="Settings", severity="warning", markup=False)
        self._loading = True

    async def on_ready(self) -> None:
        """The first frame is on screen: now read the files, so as not to delay it."""
        self._load()
        await self.main.first_frame_shown()
        if self.note:
            self.notify(self.note, title="Welcome", timeout=NOTE_SECONDS, markup=False)
        if self._watch_interval:
            self.set_interval(self._watch_interval, self._poll)

    @work(thread=True, group="load")
    def _load(self) -> None:
        self._read()

    def _read(self) -> None:
        """Refresh the session (in a worker thread) and post each stage as it is ready; the
        briefing and its key figures are waited for on screen before going on, as every
        stage needs the interpreter."""
        import time

        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if total > 1 and (done >= total or now - last > PROGRESS_INTERVAL):
                last = now
                self.post_message(self.Progress(done, total))

        from tui.session.session import GlanceChecked, KeyFiguresRanked, Loaded

        for stage in self.session.refresh(progress):
            shown = threading.Event()
            self.post_message(self.StageReady(stage, shown))
            if isinstance(stage, GlanceChecked | Loaded | KeyFiguresRanked):
                shown.wait(timeout=SHOW_WAIT)

    @property
    def last_visit(self) -> SeenRecord | None:
        """What the reader saw when the dashboard last closed on these files (marks what is
        new); read by the session's first refresh, off the UI thread."""
        return self.session.last_visit

    @property
    def index_ready(self) -> bool:
        """True when the search index matches the briefing shown."""
        briefing = self.briefing
        return briefing is not None and self.session.search.indexed is briefing

    def search_hits(self, query: str, limit: int = SEARCH_LIMIT) -> list[Hit] | None:
        """The hits for `query`, best first; None while the index is not in step with the
        briefing shown. Safe to call from a worker thread."""
        briefing = self.briefing
        if briefing is None or not query.strip():
            return []
        return self.session.search.search(query, limit, briefing=briefing)

    def _poll(self) -> None:
        if not self._loading and self.result is not None:
            self._loading = True
            self._check_files()

    @work(thread=True, group="watch")
    def _check_files(self) -> None:
        if self.session.changed():
            self._read()
        else:
            self.call_from_thread(self._done_checking)

    def _done_checking(self) -> None:
        self._loading = False

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        if self.screen_stack:
            self.main.show_progress(message.done, message.total)

    @on(StageReady)
    async def _stage_ready(self, message: StageReady) -> None:
        from tui.session.session import (
            GlanceChecked,
            Indexed,
            KeyFiguresRanked,
            LedgerBuilt,
            Loaded,
        )

        if not self.screen_stack:  # the app is closing: nothing is shown any more
            message.shown.set()
            return
        stage, main = message.stage, self.main
        if isinstance(stage, GlanceChecked):
            if not stage.in_step:  # a file changed since: its figures may be wrong
                self.glance = None
                await main.forget_glance()
        elif isinstance(stage, Loaded):
            self.result = stage.result
            self._loading = False
            main.problems = stage.result.problems + self.config.problems
            main.briefing = stage.result.briefing
        elif stage.briefing is not self.briefing:
            pass  # a stage of a briefing already replaced by a newer reading
        elif isinstance(stage, KeyFiguresRanked):
            main.key_figures = stage.figures
        elif isinstance(stage, LedgerBuilt):
            main.ledger = stage.ledger
        elif isinstance(stage, Indexed) and stage.error is None:
            from tui.dashboard.screens.search import SearchScreen

            for screen in self.screen_stack:
                if isinstance(screen, SearchScreen):
                    screen.index_ready()
        self.call_after_refresh(message.shown.set)

    def on_unmount(self) -> None:
        if self.briefing is not None and self.briefing.articles:  # the visit, for next time
            from tui.reports.changes import record_of
            from tui.store.seen import save_seen

            save_seen(self.session.paths, record_of(self.briefing, by="dashboard"))
        self.session.close()  # or, when a worker is still writing, once it is done

    # -- actions ------------------------------------------------------------------------------

    def show_view(self, view: str) -> None:
        self._close_modals()
        self.main.action_show_view(view)

    def open_article(self, article_id: str, span: tuple[int, int] | None = None) -> None:
        self._close_modals()
        self.main.remember()
        self.main.open_article(article_id, span)

    def open_speaker(self, speaker_id: str | None) -> None:
        self._close_modals()
        self.main.remember()
        self.main.open_speaker(speaker_id)

    def open_speaker_page(self, speaker_id: str | None) -> None:
        self._close_modals()
        self.main.post_message(OpenSpeakerPage(speaker_id))

    def _close_modals(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, MainScreen):
            self.pop_screen()

    def action_search(self, query: str | None = None, highlighted: int = 0) -> None:
        from tui.dashboard.screens.search import SearchScreen

        if self.briefing is None or isinstance(self.screen, SearchScreen):
            return
        screen = SearchScreen(self.briefing, self.search_hits,
                              self.last_search if query is None else query, highlighted)

        def chosen(hit: Hit | None) -> None:
            self.last_search = screen.query_text
            if hit is not None:
                self._go_to_hit(hit, screen.query_text, screen.hits.index(hit))

        self.push_screen(screen, chosen)

    def _go_to_hit(self, hit: Hit, query: str, index: int) -> None:
        from tui.search.hits import Kind

        main = self.main
        main.remember(lambda: self.action_search(query, index))
        if hit.kind is Kind.SPEAKER:
            main.open_speaker(hit.speaker_id)
        elif hit.article_id is not None:
            main.open_article(hit.article_id, hit.span)

    def action_help(self) -> None:
        from tui.dashboard.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections()))

    def action_problems(self) -> None:
        from tui.dashboard.screens.problems import ProblemsScreen

        if not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen(self.main.problems))

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from tui.dashboard.screens.palette import Palette

        if self.use_command_palette and not any(
            isinstance(screen, CommandPalette) for screen in self.screen_stack
        ):
            self.push_screen(Palette(id="--command-palette"))

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Save to the Downloads folder where there is one, else to the current folder."""
        if path is None:
            from platformdirs import user_downloads_path

            downloads = user_downloads_path()
            path = str(downloads if downloads.is_dir() else Path.cwd())
        return super().deliver_screenshot(filename, path, time_format)

    def action_toggle_theme(self) -> None:
        self.set_theme("textual-light" if self.current_theme.dark else "textual-dark")

    def set_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name

    def watch_theme(self, theme: str) -> None:
        if self._remember_theme:
            save_state(load_state().with_theme(theme))


def _briefing_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens."""
    from tui.dashboard.screens.palette import BriefingCommands

    return BriefingCommands


def help_sections() -> list[tuple[str, Sequence[type]]]:
    """The help screen's sections: each lists the keys of these classes."""
    from tui.dashboard.screens.help import HelpScreen
    from tui.dashboard.screens.problems import ProblemsScreen
    from tui.dashboard.screens.search import SearchScreen
    from tui.dashboard.widgets.articles_view import ArticlesView
    from tui.dashboard.widgets.figure_panel import FigurePanel
    from tui.dashboard.widgets.ledger_view import LedgerView
    from tui.dashboard.widgets.quotes_view import QuotesView
    from tui.dashboard.widgets.reader import Reader
    from tui.dashboard.widgets.speaker_page import SpeakerPageView
    from tui.dashboard.widgets.summary_view import SummaryView
    from tui.dashboard.widgets.vim_list import VimOptionList
    from tui.dashboard.widgets.virtual_list import VirtualList

    return [
        ("Everywhere", [BriefingApp, MainScreen]),
        ("Summary (1)", [SummaryView, FigurePanel]),
        ("Quotes by speaker (2)", [QuotesView]),
        ("A speaker's page (Enter or o on a speaker)", [SpeakerPageView]),
        ("Articles and the reader (3)", [ArticlesView, Reader]),
        ("Figure ledger (4)", [LedgerView]),
        ("Lists", [VimOptionList, VirtualList]),
        ("Search (s)", [SearchScreen]),
        ("Help and problems", [HelpScreen, ProblemsScreen]),
    ]


def make_app(paths: Sequence[str], config: Config | None = None, *, theme: str | None = None,
             watch_interval: float | None = WATCH_INTERVAL, remember_theme: bool = True,
             note: str | None = None) -> BriefingApp:
    """The dashboard on `paths`; the CLI and the tests build it here. The summary an earlier
    open stored for the same files is read at once, to be on the first frame; the files are
    checked right after it, and a summary they no longer match gives way to "Reading…"."""
    from tui.files.config import Config
    from tui.session.session import BriefingSession

    session = BriefingSession(paths)
    return BriefingApp(session, config or Config(), theme=theme, watch_interval=watch_interval,
                       remember_theme=remember_theme, note=note, glance=session.kept_glance())


CRASH_EXIT = 70


def run_dashboard(paths: list[str], config: Config, *, debug: bool = False,
                  note: str | None = None) -> int:
    """Open the dashboard; the exit status for the shell. `note` is shown once it is open.

    An internal error never shows the user a traceback (unless `debug`): the app closes,
    the traceback goes to a log file, and one line says where it is.
    """
    app = make_app(paths, config, note=note)
    app.debug_errors = debug
    app.run()
    if app.crash_log is not None:
        print(
            "briefing: the dashboard stopped on an internal error. This is a bug; the "
            f"details are in {app.crash_log} (run with --debug to see them here).",
            file=sys.stderr,
        )
        return CRASH_EXIT
    return app.return_code or 0
