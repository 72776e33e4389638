"""The keys that act on what is under the cursor: edit the file there, open the article's web
page, copy a quotation with its citation. A part of the app, kept apart for its size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

from tui.model.briefing import Quote

if TYPE_CHECKING:
    from tui.dashboard.screens.main import MainScreen
    from tui.dashboard.target import Target
    from tui.model.briefing import Briefing


class CursorActions(App[None]):
    """Actions `e`, `u` and `c` of the dashboard (see BriefingApp.BINDINGS)."""

    _loading: bool

    @property
    def main(self) -> MainScreen:
        raise NotImplementedError

    @property
    def briefing(self) -> Briefing | None:
        raise NotImplementedError

    def _check_files(self) -> object:
        raise NotImplementedError

    def _target(self) -> Target | None:
        from tui.dashboard.target import target_of

        return target_of(self.main) if self.screen is self.main else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on what is under the cursor show only where they apply."""
        if action in ("edit", "open_url", "copy_quote"):
            target = self._target()
            if target is None:
                return False
            if action == "open_url":
                return bool(target.article.url)
            if action == "copy_quote":
                return isinstance(target.item, Quote)
        return True

    def action_edit(self) -> None:
        """Open the briefing file in $VISUAL or $EDITOR at the line of what is highlighted."""
        import subprocess

        from textual.app import SuspendNotSupported

        from tui.dashboard.editor import editor_command
        from tui.files.locate import line_of

        target = self._target()
        if target is None or not target.article.source.path:
            self.notify("Highlight an article, quotation or figure to edit.", severity="warning")
            return
        path = target.article.source.path
        command = editor_command(path, line_of(target.article, target.item))
        if command is None:
            self.notify("Set VISUAL or EDITOR to your editor (for example: export EDITOR=nano).",
                        title="No editor", severity="warning", markup=False)
            return
        try:
            try:
                with self.suspend():
                    subprocess.run(command, check=False)
            except SuspendNotSupported:  # not in a terminal of its own: run it alongside
                subprocess.run(command, check=False, stdin=subprocess.DEVNULL)
        except OSError as error:
            self.notify(f"Cannot run {command[0]}: {error.strerror or error}",
                        title="Editor", severity="error", markup=False)
            return
        self._reload_now()

    def _reload_now(self) -> None:
        if not self._loading:
            self._loading = True
            self._check_files()

    def action_open_url(self) -> None:
        target = self._target()
        if target is None or not target.article.url:
            self.notify("This article has no web address.", severity="warning")
            return
        self.open_url(target.article.url)
        self.notify(target.article.url, title="Opening", markup=False)

    def action_copy_quote(self) -> None:
        from tui.reports.citation import cite

        target = self._target()
        briefing = self.briefing
        if target is None or briefing is None or not isinstance(target.item, Quote):
            self.notify("Highlight a quotation to copy it.", severity="warning")
            return
        text = cite(briefing, target.item, target.article)
        self.copy_to_clipboard(text)
        self.notify(text, title="Copied", markup=False)

