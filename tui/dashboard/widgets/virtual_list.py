"""A list that renders only the rows in view: for 10,000 articles or 80,000 figures.

`OptionList` measures every option (wraps its prompt at the width) when options are set
and again on every resize: about 3 s for 10,000 two-line options here. This list has a
fixed number of lines per item and asks for an item's text only when it comes into
view, so filling it costs nothing and scrolling costs only the rows shown.

Items are given as a count and a function `render(index) -> Text`; each line of the text
is one screen line, cut with an ellipsis at the width (never wrapped, never parsed as
markup). Optional ids (`ids`) let an item be found again after the list is refilled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

CACHE_ITEMS = 512
"""Rendered items kept; more than a few screens' worth."""


class VirtualList(ScrollView, can_focus=True):
    """Items of `item_height` lines each; the highlighted one is shown as the cursor."""


    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-list--cursor", "virtual-list--separator", "virtual-list--empty",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", id="list.up", show=False),
        Binding("down,j", "cursor_down", "Down", id="list.down", show=False),
        Binding("home,g", "first", "First", id="list.first", show=False),
        Binding("end,G", "last", "Last", id="list.last", show=False),
        Binding("pageup", "page(-1)", "Page up", id="list.page-up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="list.page-down", show=False),
        Binding("enter", "select", "Select", id="list.select", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None, always_update=False)

    class Highlighted(Message):
        """The cursor moved to another item."""

        def __init__(self, virtual_list: VirtualList, index: int) -> None:
            super().__init__()
            self.virtual_list = virtual_list
            self.index = index

        @property
        def control(self) -> VirtualList:
            return self.virtual_list

        @property
        def item_id(self) -> str | None:
            return self.virtual_list.item_id(self.index)

    class Selected(Highlighted):
        """Enter (or a click) on an item."""

    def __init__(self, *, item_height: int = 1, separator: bool = False, empty: str = "",
                 id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._item_height = max(1, item_height)
        self._separator = separator
        self._count = 0
        self._render_item: Callable[[int], Text] = lambda _index: Text()
        self._ids: Sequence[str] | None = None
        self._positions: dict[str, int] | None = None
        self._cache: dict[tuple[int, bool], list[Strip]] = {}
        self._width = 0
        self.empty = empty
        """Shown (dim, italic) when there is no item."""

    # -- content ----------------------------------------------------------------------------

    @property
    def option_count(self) -> int:
        return self._count

    @property
    def lines_per_item(self) -> int:
        return self._item_height + self._separator

    def set_items(self, count: int, render: Callable[[int], Text],
                  ids: Sequence[str] | None = None, *, highlighted: int | None = 0) -> None:
        """Show `count` items drawn by `render`; the cursor goes to `highlighted`."""
        self._count = max(0, count)
        self._render_item = render
        self._ids = ids
        self._positions = None
        self._cache.clear()
        self._update_size()
        with self.prevent(self.Highlighted):
            self.set_reactive(VirtualList.highlighted, None)
        self.highlighted = None if not count or highlighted is None else highlighted
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        if self.highlighted is not None:
            self.scroll_to_highlight()
        self.refresh()

    def clear_options(self) -> None:
        self.set_items(0, lambda _index: Text())

    def refresh_items(self) -> None:
        """Draw the items again (what `render` returns has changed)."""
        self._cache.clear()
        self.refresh()

    def item_id(self, index: int | None) -> str | None:
        if index is None or self._ids is None or not 0 <= index < len(self._ids):
            return None
        return self._ids[index]

    def get_option_index(self, item_id: str) -> int:
        """The index of the item with id `item_id`; KeyError if there is none."""
        if self._positions is None:
            self._positions = {ident: index for index, ident in enumerate(self._ids or ())}
        return self._positions[item_id]

    def _update_size(self) -> None:
        lines = self._count * self.lines_per_item if self._count else (1 if self.empty else 0)
        self.virtual_size = Size(self.scrollable_content_region.width, lines)

    # -- the cursor ---------------------------------------------------------------------------

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self._count:
            return None
        return max(0, min(highlighted, self._count - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self._cache.pop((index, True), None)
                self._cache.pop((index, False), None)
        self.refresh()
        if new is not None:
            self.scroll_to_highlight()
            self.post_message(self.Highlighted(self, new))

    def scroll_to_highlight(self) -> None:
        if self.highlighted is None or not self.is_mounted:
            return
        lines = self.lines_per_item
        self.scroll_to_region(
            Region(0, self.highlighted * lines, max(1, self.scrollable_content_region.width),
                   self._item_height),
            animate=False, force=True, immediate=True,
        )

    def action_cursor_up(self) -> None:
        if self._count:
            self.highlighted = max(0, (self.highlighted or 0) - 1)

    def action_cursor_down(self) -> None:
        if self._count:
            self.highlighted = 0 if self.highlighted is None else self.highlighted + 1

    def action_first(self) -> None:
        if self._count:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._count:
            self.highlighted = self._count - 1

    def action_page(self, direction: int) -> None:
        if not self._count:
            return
        step = max(1, self.scrollable_content_region.height // self.lines_per_item)
        self.highlighted = (self.highlighted or 0) + direction * step

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_offset.y)) // self.lines_per_item
        if 0 <= index < self._count:
            event.stop()
            self.focus()
            self.highlighted = index
            self.action_select()

    # -- rendering ----------------------------------------------------------------------------

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width = width
            self._cache.clear()
        self._update_size()
        self.call_after_refresh(self.scroll_to_highlight)

    def on_focus(self) -> None:
        self._cache.clear()

    def on_blur(self) -> None:
        self._cache.clear()

    def notify_style_update(self) -> None:
        self._cache.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = y + int(self.scroll_offset.y)
        if not self._count:
            if line == 0 and self.empty:
                style = self.get_component_rich_style("virtual-list--empty", partial=True)
                text = Text(self.empty, style=style, no_wrap=True, overflow="ellipsis")
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        index, offset = divmod(line, self.lines_per_item)
        if index >= self._count:
            return Strip.blank(width, base)
        current = index == self.highlighted
        strips = self._cache.get((index, current))
        if strips is None:
            if len(self._cache) > CACHE_ITEMS:
                self._cache.clear()
            strips = self._render_item_strips(index, current, width, base)
            self._cache[(index, current)] = strips
        return strips[offset]

    def _render_item_strips(self, index: int, current: bool, width: int,
                            base: Style) -> list[Strip]:
        item = self._render_item(index)
        lines = item.split("\n", allow_blank=True)[: self._item_height]
        lines += [Text()] * (self._item_height - len(lines))
        style = base + self.get_component_rich_style("virtual-list--cursor") if current else base
        strips = [self._strip(line, width, style) for line in lines]
        if self._separator:
            rule = base + self.get_component_rich_style("virtual-list--separator")
            strips.append(Strip([Segment("─" * width, rule)], width))
        return strips

    def _strip(self, line: Text, width: int, style: Style) -> Strip:
        line = line.copy()
        line.no_wrap, line.overflow, line.end = True, "ellipsis", ""
        line.truncate(max(1, width), overflow="ellipsis")
        segments = [s for s in line.render(self.app.console) if s.text]
        return Strip(segments).apply_style(style).adjust_cell_length(width, style)
