"""The problems found in the briefing files, as `briefing check` prints them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static
from textual.widgets.option_list import Option

from tui.dashboard.screens.dialog import Dialog
from tui.dashboard.widgets import VimOptionList
from tui.model.problems import Problem
from tui.text.sanitize import one_line


class ProblemsScreen(Dialog[None]):
    """Every problem, one a line: file:line:column: where: what to do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,p", "close", "Close", id="problems.close"),
    ]

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__(id="problems-screen")
        self.problems = problems

    def compose(self) -> ComposeResult:
        count = len(self.problems)
        files = len({problem.path for problem in self.problems})
        title = Text(f"{count} problem{'s' * (count != 1)}", style="bold")
        if count:
            title.append(f" in {files} file{'s' * (files != 1)}", style="bold")
            title.append(" (what could be read is shown; fix these and the views update)",
                         style="dim")
        else:
            title.append(": every file was read", style="dim")
        with Vertical(id="problems-dialog"):
            yield Static(title, id="problems-title")
            yield VimOptionList(id="problems-list")
            yield Static(Text("Esc: close · the same list as `briefing check`", style="dim"))

    def on_mount(self) -> None:
        problems = self.query_one(VimOptionList)
        problems.set_options(Option(Text(one_line(str(p)))) for p in self.problems)
        problems.focus()

    def action_close(self) -> None:
        self.dismiss(None)
