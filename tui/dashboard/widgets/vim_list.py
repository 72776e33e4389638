"""An OptionList that also moves with vim keys and never parses its prompts as markup."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class VimOptionList(OptionList):
    """Options are built as `rich.text.Text` by the caller; markup is off so data stays data."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", id="list.down", show=False),
        Binding("k", "cursor_up", "Up", id="list.up", show=False),
        Binding("g", "first", "First", id="list.first", show=False),
        Binding("G", "last", "Last", id="list.last", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes, markup=False)
