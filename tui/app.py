"""The dashboard: `briefing [PATH...]` opens it; `make_app` builds it for the CLI and the tests.

Loading happens in a thread worker that posts `Loaded`, so the first frame comes
before any file is parsed. The loaded files are polled for changes and reloaded
in the same way, keeping the reader's place.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from .screens.main import MainScreen
from .state import load_state, save_state

if TYPE_CHECKING:
    from textual.command import Provider

    from .config import Config
    from .loader import LoadResult
    from .model import Briefing
    from .search import Hit

DEFAULT_THEME = "textual-dark"
LIGHT_DARK = ("textual-dark", "textual-light")
WATCH_INTERVAL = 0.5
"""Seconds between checks of the loaded files for changes."""

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

        def __init__(self, result: LoadResult, signature: Signature) -> None:
            super().__init__()
            self.result = result
            self.signature = signature

    class Progress(Message):
        """Some of the files were read."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    def __init__(self, paths: Sequence[str], config: Config | None = None, *,
                 theme: str | None = None, watch_interval: float | None = WATCH_INTERVAL,
                 remember_theme: bool = True) -> None:
        super().__init__()
        if config is None:
            from .config import Config

            config = Config()
        self.paths = list(paths)
        self.config = config
        self.result: LoadResult | None = None
        self.last_search = ""
        self._signature: Signature = ()
        self._loading = False
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
        """Read every file (in a worker thread) and post the result."""
        from .loader import discover, load_file, merge

        files, problems = discover(self.paths)
        signature = file_signature(self.paths, files)
        contents = []
        step = max(1, len(files) // 50)
        for done, path in enumerate(files, 1):
            contents.append(load_file(path))
            if done % step == 0 and len(files) > 1:
                self.post_message(self.Progress(done, len(files)))
        self.post_message(self.Loaded(merge(contents, problems, files), signature))

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

    def _close_modals(self) -> None:
        while len(self.screen_stack) > 1 and not isinstance(self.screen, MainScreen):
            self.pop_screen()

    def action_search(self, query: str | None = None, highlighted: int = 0) -> None:
        from .screens.search import SearchScreen

        if self.briefing is None or isinstance(self.screen, SearchScreen):
            return
        screen = SearchScreen(self.briefing, self.last_search if query is None else query,
                              highlighted)

        def chosen(hit: Hit | None) -> None:
            self.last_search = screen.query_text
            if hit is not None:
                self._go_to_hit(hit, screen.query_text, screen.hits.index(hit))

        self.push_screen(screen, chosen)

    def _go_to_hit(self, hit: Hit, query: str, index: int) -> None:
        from .search import Kind

        main = self.main
        main.remember(lambda: self.action_search(query, index))
        if hit.kind is Kind.SPEAKER:
            main.open_speaker(hit.speaker_id)
        elif hit.article_id is not None:
            main.open_article(hit.article_id, hit.span if hit.end > hit.start else None)

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections()))

    def action_problems(self) -> None:
        from .screens.problems import ProblemsScreen

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


def _briefing_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens."""
    from .screens.palette import BriefingCommands

    return BriefingCommands


def help_sections() -> list[tuple[str, Sequence[type]]]:
    """The help screen's sections: each lists the keys of these classes."""
    from .screens.help import HelpScreen
    from .screens.problems import ProblemsScreen
    from .screens.search import SearchScreen
    from .widgets.articles_view import ArticlesView
    from .widgets.figure_panel import FigurePanel
    from .widgets.quotes_view import QuotesView
    from .widgets.reader import Reader
    from .widgets.summary_view import SummaryView
    from .widgets.vim_list import VimOptionList

    return [
        ("Everywhere", [BriefingApp, MainScreen]),
        ("Summary (1)", [SummaryView, FigurePanel]),
        ("Quotes by speaker (2)", [QuotesView]),
        ("Articles and the reader (3)", [ArticlesView, Reader]),
        ("Lists", [VimOptionList]),
        ("Search (s)", [SearchScreen]),
        ("Help and problems", [HelpScreen, ProblemsScreen]),
    ]


def make_app(paths: Sequence[str], config: Config | None = None, *, theme: str | None = None,
             watch_interval: float | None = WATCH_INTERVAL,
             remember_theme: bool = True) -> BriefingApp:
    """The dashboard on `paths`; the CLI and the tests build it here."""
    return BriefingApp(paths, config, theme=theme, watch_interval=watch_interval,
                       remember_theme=remember_theme)


def run_dashboard(paths: list[str], config: Config) -> int:
    """Open the dashboard; the exit status for the shell."""
    app = make_app(paths, config)
    app.run()
    return app.return_code or 0
