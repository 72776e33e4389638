"""A one-line banner saying that some files have problems; `p` shows them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    from tui.model.problems import Problem


class ProblemBanner(Static):
    """Hidden when there is nothing to report or once dismissed."""


    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._count = 0
        self._dismissed = False

    def show_problems(self, problems: tuple[Problem, ...]) -> None:
        count, files = len(problems), len({problem.path for problem in problems})
        if count != self._count:
            self._dismissed = False
        self._count = count
        text = Text()
        text.append("⚠ ", style="bold")
        text.append(f"{count} problem{'s' * (count != 1)} in {files} file{'s' * (files != 1)}",
                    style="bold")
        text.append(": what could be read is shown. p: see them · x: hide this")
        self.update(text)
        self.set_class(bool(count) and not self._dismissed, "-show")

    def dismiss(self) -> None:
        self._dismissed = True
        self.remove_class("-show")

    @property
    def shown(self) -> bool:
        return self.has_class("-show")

    async def on_click(self) -> None:
        await self.run_action("app.problems")
