"""Dialogs that close once, however many closing events reach them.

A double click on a list's row selects it twice, and keys typed ahead of the screen queue
up: each would dismiss the dialog, and the second dismissal would pop the screen beneath
(the main screen, which must stay) and run the result's callback again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen, ScreenResultType

Result = TypeVar("Result")


def close_once(screen: Screen[Result], result: Result | None,
               dismiss: Callable[[Result | None], AwaitComplete]) -> AwaitComplete:
    """`dismiss(result)` if `screen` is still the active screen; else nothing happens."""
    if not screen.is_active:
        return AwaitComplete()
    return dismiss(result)


class Dialog(ModalScreen[ScreenResultType], Generic[ScreenResultType]):
    """A modal dialog over the main screen that closes once."""

    def dismiss(self, result: ScreenResultType | None = None) -> AwaitComplete:
        return close_once(self, result, super().dismiss)
