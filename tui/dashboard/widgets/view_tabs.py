"""The row of view names at the top: shows which view is on, and switches view on a click."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static


class ViewTab(Static):
    """One view's name with its key, e.g. "1 Summary"."""


    def __init__(self, key: str, label: str, view: str) -> None:
        text = Text(key, style="bold")
        text.append(f" {label}")
        super().__init__(text, id=f"tab-{view}")
        self.view = view

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(ViewTabs.Clicked(self.view))


class ViewTabs(Horizontal):
    """The views, with the current one marked."""


    VIEWS = (("1", "Summary", "summary"), ("2", "Quotes", "quotes"), ("3", "Articles", "articles"),
             ("4", "Figures", "ledger"))
    SHOWN_AS: ClassVar[dict[str, str]] = {"speaker": "quotes"}
    """Views without a tab of their own, and the tab they belong under."""

    class Clicked(Message):
        def __init__(self, view: str) -> None:
            super().__init__()
            self.view = view

    def compose(self) -> ComposeResult:
        for key, label, view in self.VIEWS:
            yield ViewTab(key, label, view)

    def set_active(self, view: str) -> None:
        view = self.SHOWN_AS.get(view, view)
        for tab in self.query(ViewTab):
            tab.set_class(tab.view == view, "-active")
