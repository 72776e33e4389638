"""The dashboard: `briefing [PATH...]` opens it; `make_app` builds it for the CLI and the tests.

Loading happens in a thread worker that posts `Loaded`, so the first frame comes
before any file is parsed. The loaded files are polled for changes and reloaded
in the same way, keeping the reader's place.
"""

from __future__ import annotations

import gc
import os
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

from tui.dashboard.screens.main import MainScreen
from tui.dashboard.widgets.messages import OpenSpeakerPage
from tui.store.state import load_state, save_state

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.dashboard.widgets.ledger_view import FigureLedger
    from tui.dashboard.widgets.summary_view import KeyFigures
    from tui.files.config import Config
    from tui.files.loader import LoadResult
    from tui.model.briefing import Briefing
    from tui.search.hits import Hit

DEFAULT_THEME = "textual-dark"
LIGHT_DARK = ("textual-dark", "textual-light")
WATCH_INTERVAL = 0.5
"""Seconds between checks of the loaded files for changes."""
SHOW_WAIT = 2.0
"""Seconds the loading thread waits for what it posted to be shown before going on."""
PROGRESS_INTERVAL = 0.05
"""Seconds between updates of the loading progress."""
SEARCH_LIMIT = 100

Signature = tuple[tuple[str, int, int], ...]


def file_signature(paths: Sequence[str], files: Sequence[str]) -> Signature:
    """What changes when a file is edited, added or removed: sizes and times of the files,
    of the paths given and of the folders holding the files."""
    watched = dict.fromkeys([*paths, *files, *(os.path.dirname(f) or "." for f in files)])
    signature = []
    for path in watched:
        try:
            stat = os.stat(path)
        except OSError:
            signature.append((path, -1, -1))
        else:
            signature.append((path, stat.st_mtime_ns, stat.st_size))
    return tuple(signature)


class BriefingApp(App[None]):
    """A briefing at a glance: key figures, quotes by speaker, and the articles."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    debug_errors = False
    """Show an internal error's traceback on exit (--debug) instead of logging it."""
    crash_log: Path | None = None
    """Where the traceback of the internal error that closed the app was written."""
    COMMANDS: ClassVar = App.COMMANDS | {lambda: _briefing_commands()}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "search", "Search"),
        Binding("ctrl+f", "search", "Search", show=False, priority=True),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("p", "problems", "Problems", show=False),
        Binding("t", "toggle_theme", "Light/dark theme", show=False),
        Binding("q", "quit", "Quit"),
    ]

    class Loaded(Message):
        """The briefing files were read (again)."""

        def __init__(self, result: LoadResult, signature: Signature,
                     shown: threading.Event | None = None) -> None:
            super().__init__()
            self.result = result
            self.signature = signature
            self.shown = shown
            """Set once the briefing is on screen."""

    class KeyFiguresReady(Message):
        """The summary's key figures of a loaded briefing were ranked."""

        def __init__(self, briefing: Briefing, figures: KeyFigures,
                     shown: threading.Event) -> None:
            super().__init__()
            self.briefing = briefing
            self.figures = figures
            self.shown = shown
            """Set once the figures are on screen."""

    class LedgerReady(Message):
        """The figure ledger of a loaded briefing was built."""

        def __init__(self, briefing: Briefing, ledger: FigureLedger) -> None:
            super().__init__()
            self.briefing = briefing
            self.ledger = ledger

    class IndexReady(Message):
        """The search index is in step with `briefing` (or failed: `error`)."""

        def __init__(self, briefing: Briefing, error: str | None) -> None:
            super().__init__()
            self.briefing = briefing
            self.error = error

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

    def __init__(self, paths: Sequence[str], config: Config | None = None, *,
                 theme: str | None = None, watch_interval: float | None = WATCH_INTERVAL,
                 remember_theme: bool = True) -> None:
        super().__init__()
        if config is None:
            from tui.files.config import Config

            config = Config()
        self.paths = list(paths)
        self.config = config
        self.result: LoadResult | None = None
        self.last_search = ""
        self._signature: Signature = ()
        self._loading = False
        from tui.search.service import SearchService

        self.search_service = SearchService(self.paths)
        """The search index of the briefing, kept in step with it (see `_update_index`)."""
        self._watch_interval = watch_interval
        self._remember_theme = False
        self._may_remember_theme = remember_theme
        chosen = theme or load_state().theme or self.config.theme or DEFAULT_THEME
        self.theme = chosen if chosen in self.available_themes else DEFAULT_THEME

    # -- loading ----------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return MainScreen()

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
        self._loading = True

    def on_ready(self) -> None:
        """The first frame is on screen: now read the files, so as not to delay it."""
        self._load()
        if self._watch_interval:
            self.set_interval(self._watch_interval, self._poll)

    @work(thread=True, group="load")
    def _load(self) -> None:
        self._read()

    def _read(self) -> None:
        """Read the files (in a worker thread), reusing the load cache; post the result, then
        the summary's key figures, then the whole figure ledger, then bring the search index
        up to date. Each waits for the one before to be on screen: all need the interpreter."""
        import time

        from tui.reports.ledger import build_ledger
        from tui.store.cache import FREEZE_MIN_FILES, load_cached

        last = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if total > 1 and (done >= total or now - last > PROGRESS_INTERVAL):
                last = now
                self.post_message(self.Progress(done, total))

        try:
            result = load_cached(self.paths, progress=progress)
        except ValueError as error:
            if "fds_to_keep" not in str(error):
                raise
            _start_resource_tracker()  # and parse again, in parallel this time
            result = load_cached(self.paths, progress=progress)
        signature = file_signature(self.paths, result.files)
        shown = threading.Event()
        self.post_message(self.Loaded(result, signature, shown))
        shown.wait(timeout=SHOW_WAIT)
        from tui.dashboard.widgets.ledger_view import FigureLedger
        from tui.dashboard.widgets.summary_view import KeyFigures

        figures, figures_shown = KeyFigures.of(result.briefing), threading.Event()
        self.post_message(self.KeyFiguresReady(result.briefing, figures, figures_shown))
        figures_shown.wait(timeout=SHOW_WAIT)
        ledger = FigureLedger.of(build_ledger(result.briefing))
        if len(result.files) >= FREEZE_MIN_FILES:
            # Like the loaded briefing (see tui.store.cache), the ledger's 100,000s of objects hold
            # no cycles: out of the cycle collector's way, every full collection stays cheap.
            gc.freeze()
        self.post_message(self.LedgerReady(result.briefing, ledger))
        self._update_index(result.briefing)

    def _update_index(self, briefing: Briefing) -> None:
        """Bring the search index in step with `briefing` (in a worker thread)."""
        self.post_message(self.IndexReady(briefing, self.search_service.update(briefing)))

    @property
    def index_ready(self) -> bool:
        """True when the search index matches the briefing shown."""
        briefing = self.briefing
        return briefing is not None and self.search_service.indexed is briefing

    def search_hits(self, query: str, limit: int = SEARCH_LIMIT) -> list[Hit] | None:
        """The hits for `query`, best first; None while the index is not in step with the
        briefing shown. Safe to call from a worker thread."""
        briefing = self.briefing
        if briefing is None or not query.strip():
            return []
        return self.search_service.search(query, limit, briefing=briefing)

    def _files_changed(self) -> bool:
        files = self.result.files if self.result else ()
        return file_signature(self.paths, files) != self._signature

    def _poll(self) -> None:
        if not self._loading and self.result is not None:
            self._loading = True
            self._check_files()

    @work(thread=True, group="watch")
    def _check_files(self) -> None:
        if self._files_changed():
            self._read()
        else:
            self.call_from_thread(self._done_checking)

    def _done_checking(self) -> None:
        self._loading = False

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        self.main.show_progress(message.done, message.total)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.result = message.result
        self._signature = message.signature
        self._loading = False
        main = self.main
        main.problems = message.result.problems + self.config.problems
        main.briefing = message.result.briefing
        if message.shown is not None:
            self.call_after_refresh(message.shown.set)

    @on(KeyFiguresReady)
    def _key_figures_ready(self, message: KeyFiguresReady) -> None:
        if message.briefing is self.briefing:
            self.main.key_figures = message.figures
        self.call_after_refresh(message.shown.set)

    @on(LedgerReady)
    def _ledger_ready(self, message: LedgerReady) -> None:
        if message.briefing is self.briefing:
            self.main.ledger = message.ledger

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        from tui.dashboard.screens.search import SearchScreen

        if message.briefing is not self.briefing or message.error is not None:
            return
        for screen in self.screen_stack:
            if isinstance(screen, SearchScreen):
                screen.index_ready()

    def on_unmount(self) -> None:
        self.search_service.close()  # or, when a worker is still writing, once it is done

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

    def action_toggle_theme(self) -> None:
        self.set_theme("textual-light" if self.current_theme.dark else "textual-dark")

    def set_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name

    def watch_theme(self, theme: str) -> None:
        if self._remember_theme:
            save_state(load_state().with_theme(theme))


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real standard error.

    A cold open of many files parses them in a process pool (tui.store.cache), whose start passes
    `sys.stderr.fileno()` to the tracker; under Textual, `sys.stderr` is a capture whose
    fileno() is -1, and the pool fails with "bad value(s) in fds_to_keep".
    """
    import sys
    from multiprocessing import resource_tracker

    captured = sys.stderr
    sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


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
             watch_interval: float | None = WATCH_INTERVAL,
             remember_theme: bool = True) -> BriefingApp:
    """The dashboard on `paths`; the CLI and the tests build it here."""
    return BriefingApp(paths, config, theme=theme, watch_interval=watch_interval,
                       remember_theme=remember_theme)


CRASH_EXIT = 70


def run_dashboard(paths: list[str], config: Config, *, debug: bool = False) -> int:
    """Open the dashboard; the exit status for the shell.

    An internal error never shows the user a traceback (unless `debug`): the app closes,
    the traceback goes to a log file, and one line says where it is.
    """
    app = make_app(paths, config)
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
