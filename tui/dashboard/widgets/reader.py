"""The article reader: a readable column of text with its figures and quotes marked.

A Line API widget: the article is laid out once per width into rows that know
which characters of the body they show, so a figure, a quote or a match can be
scrolled into view and marked on screen. Article text is data: it is made safe
(`SafeText`) and only ever placed in `rich.text.Text` objects, never parsed as
markup.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.dashboard.widgets.safetext import SafeText
from tui.dashboard.widgets.wrap import wrap_offsets
from tui.model.briefing import Article
from tui.model.dates import describe_date
from tui.search.find import find_all
from tui.text.plural import count
from tui.text.sanitize import one_line

MAX_TEXT_WIDTH = 76
"""Columns of text at most: with the gutter, a line stays within about 80 columns."""
GUTTER = 2


@dataclass(frozen=True, slots=True)
class Mark:
    """A figure or a quote in the article body."""

    kind: str
    """"figure" or "quote"."""
    start: int
    end: int
    index: int
    """Its position among the article's figures or quotes."""


@dataclass(frozen=True, slots=True)
class _Row:
    text: Text | None
    """A header row's text; None for body rows, cut from the styled body."""
    start: int = 0
    end: int = 0
    """Offsets into the shown body text (body rows only)."""

    @property
    def is_body(self) -> bool:
        return self.text is None


class Reader(ScrollView, can_focus=True):
    """Shows one article; `n`/`N` step from mark to mark, or from match to match."""


    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title", "reader--meta", "reader--figure", "reader--quote", "reader--match",
        "reader--current", "reader--gutter", "reader--empty",
        "reader--unconfirmed",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "step(1)", "Next mark", id="reader.next-mark"),
        Binding("N", "step(-1)", "Previous mark",
                id="reader.previous-mark", key_display="N", show=False),
        Binding("j,down", "scroll_down", "Scroll down", id="reader.scroll-down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="reader.scroll-up", show=False),
        Binding("g,home", "scroll_home", "Top", id="reader.top", show=False),
        Binding("G,end", "scroll_end", "Bottom", id="reader.bottom", show=False),
        Binding("space,pagedown", "page_down", "Page down", id="reader.page-down", show=False),
        Binding("b,pageup", "page_up", "Page up", id="reader.page-up", show=False),
    ]

    class Moved(Message):
        """The article, the highlighted place or the find matches changed."""

        def __init__(self, reader: Reader) -> None:
            super().__init__()
            self.reader = reader

        @property
        def control(self) -> Reader:
            return self.reader

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._article: Article | None = None
        self._safe = SafeText("", None)
        self._marks: list[Mark] = []
        self._query = ""
        self._matches: list[tuple[int, int]] = []
        self._cursor: int | None = None
        """Index into the matches when finding, else into the marks."""
        self._place: tuple[int, int] | None = None
        """A highlighted span that is not a mark (a search hit in the text)."""
        self._rows: list[_Row] = []
        self._body_rows: list[int] = []
        self._body_starts: list[int] = []
        self._styled = Text()
        self._margin = 0
        self._laid_out_width = 0
        self._strips: dict[int, Strip] = {}
        self._scroll_pending = False

    # -- what it shows ------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def marks(self) -> list[Mark]:
        return list(self._marks)

    @property
    def find_query(self) -> str:
        """What the reader was last asked to find."""
        return self._query

    @property
    def matches(self) -> list[tuple[int, int]]:
        """Every match of the find query, as offsets into the body."""
        return list(self._matches)

    @property
    def finding(self) -> bool:
        return bool(self._query)

    @property
    def cursor(self) -> int | None:
        """The current match (when finding) or mark, as an index; None when there is none."""
        return self._cursor

    @property
    def current_mark(self) -> Mark | None:
        if self.finding or self._cursor is None or self._cursor >= len(self._marks):
            return None
        return self._marks[self._cursor]

    @property
    def highlight(self) -> tuple[int, int] | None:
        """The highlighted span, as offsets into the article body."""
        if self._cursor is not None:
            if self.finding:
                if self._cursor < len(self._matches):
                    return self._matches[self._cursor]
            elif self._cursor < len(self._marks):
                mark = self._marks[self._cursor]
                return (mark.start, mark.end)
        return None if self.finding else self._place

    def show(self, article: Article | None, span: tuple[int, int] | None = None) -> None:
        """Show `article`, with `span` (offsets into its body) highlighted and in view."""
        self._article = article
        self._safe = SafeText.of(article.body if article else "")
        self._marks = _marks_of(article)
        self._query, self._matches = "", []
        self._cursor, self._place = None, None
        if span is not None:
            self._cursor = self._mark_at(span)
            if self._cursor is None:
                self._place = span
        self._relayout()
        self.scroll_to(y=0, animate=False, immediate=True, force=True)
        if span is not None:
            # The new virtual size takes effect on the next refresh; scroll after it.
            self.call_after_refresh(self._scroll_to_highlight, True)
        self._moved()

    def update_article(self, article: Article) -> None:
        """Show a new version of the same article (after a reload), keeping the reader's place."""
        highlight = self.highlight
        mark = self.current_mark
        top = self._top_offset()
        above = self._row_of(top) - int(self.scroll_offset.y) if top is not None else 0
        query = self._query
        self._article = article
        body = article.body  # (read once: a body may be read from the cache file each time)
        self._safe = SafeText.of(body)
        self._marks = _marks_of(article)
        self._cursor = None
        self._place = None
        if query:
            self._query, self._matches = query, find_all(body, query)
            if highlight is not None and self._matches:
                self._cursor = _nearest(self._matches, highlight[0])
        elif mark is not None:
            self._cursor = self._mark_at((mark.start, mark.end))
            if self._cursor is None:
                same = [m for m in self._marks if m.kind == mark.kind]
                if same:
                    self._cursor = self._marks.index(same[min(mark.index, len(same) - 1)])
        elif highlight is not None and highlight[1] <= len(body):
            self._place = highlight
        self._relayout()
        if top is not None:
            self.call_after_refresh(self._scroll_to_row, self._row_of(top) - above)
        self._moved()

    # -- find -----------------------------------------------------------------------------

    def find(self, query: str) -> None:
        """Highlight every match of `query` and make the first one at or after the top current."""
        self._query = query.strip()
        body = self._article.body if self._article else ""
        self._matches = find_all(body, self._query) if self._query else []
        self._cursor = None
        if self._matches:
            top = self._top_offset() or 0
            self._cursor = _nearest(self._matches, top)
            self._scroll_to_highlight()
        self._restyle()
        self._moved()

    def clear_find(self) -> None:
        if not self._query:
            return
        self._query, self._matches, self._cursor = "", [], None
        self._restyle()
        self._moved()

    # -- stepping ---------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        """Make the next (delta 1) or previous (delta -1) mark or match current."""
        spans = self._matches if self.finding else [(m.start, m.end) for m in self._marks]
        if not spans:
            self.app.bell()
            return
        if self._cursor is not None:
            self._cursor = (self._cursor + delta) % len(spans)
        else:
            anchor = self._place[0] if self._place else None
            if anchor is None:
                anchor = self._top_offset() or 0
                if delta > 0:
                    anchor -= 1
            starts = [start for start, _ in spans]
            if delta > 0:
                after = [i for i, start in enumerate(starts) if start > anchor]
                self._cursor = after[0] if after else 0
            else:
                before = [i for i, start in enumerate(starts) if start < anchor]
                self._cursor = before[-1] if before else len(spans) - 1
            self._place = None
        self._restyle()
        self._scroll_to_highlight()
        self._moved()

    def select_at(self, offset: int) -> bool:
        """Make the mark (or match) around body offset `offset` current."""
        spans = self._matches if self.finding else [(m.start, m.end) for m in self._marks]
        for index, (start, end) in enumerate(spans):
            if start <= offset < end:
                self._cursor, self._place = index, None
                self._restyle()
                self._moved()
                return True
        return False

    # -- layout and rendering -----------------------------------------------------------------

    def _moved(self) -> None:
        self.post_message(self.Moved(self))

    def _mark_at(self, span: tuple[int, int]) -> int | None:
        for index, mark in enumerate(self._marks):
            if (mark.start, mark.end) == tuple(span):
                return index
        return None

    def _top_offset(self) -> int | None:
        """The body offset of the first body row in view."""
        if not self._body_rows:
            return None
        top = int(self.scroll_offset.y)
        position = bisect_right(self._body_rows, top - 1)
        if position >= len(self._body_rows):
            position = len(self._body_rows) - 1
        return self._safe.original(self._rows[self._body_rows[position]].start)

    def _row_of(self, offset: int) -> int:
        """The row showing body offset `offset`."""
        if not self._body_rows:
            return 0
        shown = self._safe.shown(offset)
        position = max(0, bisect_right(self._body_starts, shown) - 1)
        return self._body_rows[position]

    def _scroll_to_row(self, row: int) -> None:
        self.scroll_to(y=max(0, row), animate=False, immediate=True, force=True)

    def _scroll_to_highlight(self, center: bool = False) -> None:
        span = self.highlight
        if span is None:
            return
        if not self._rows:
            self._scroll_pending = True
            return
        first, last = self._row_of(span[0]), self._row_of(max(span[0], span[1] - 1))
        top, height = int(self.scroll_offset.y), max(1, self.scrollable_content_region.height)
        if not center and top <= first and last < top + height:
            return
        self._scroll_to_row(first - max(0, (height - (last - first + 1)) // 3))

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _restyle(self) -> None:
        """Rebuild the styled body after the marks, the matches or the theme changed."""
        styled = Text(self._safe.text)
        spans: list[tuple[tuple[int, int], Style]] = []
        quote, figure = self._style("reader--quote"), self._style("reader--figure")
        spans += [((m.start, m.end), quote) for m in self._marks if m.kind == "quote"]
        # A quote whose speaker is a guess not yet confirmed (`check`) reads as such.
        quotes = self._article.quotes if self._article is not None else ()
        unsure = self._style("reader--unconfirmed")
        spans += [((m.start, m.end), unsure) for m in self._marks
                  if m.kind == "quote" and m.index < len(quotes) and quotes[m.index].unconfirmed]
        spans += [((m.start, m.end), figure) for m in self._marks if m.kind == "figure"]
        match = self._style("reader--match")
        spans += [(span, match) for span in self._matches]
        highlight = self.highlight
        if highlight is not None:
            spans.append((highlight, self._style("reader--current")))
        for (start, end), style in spans:
            styled.stylize(style, self._safe.shown(start), self._safe.shown(end))
        self._styled = styled
        self._strips.clear()
        self.refresh()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            self._rows, self._body_rows, self._body_starts = [], [], []
            self._laid_out_width = 0
            return
        self._laid_out_width = width
        text_width = max(10, min(MAX_TEXT_WIDTH, width - GUTTER - 1))
        self._margin = max(0, (width - text_width - GUTTER) // 2)
        rows: list[_Row] = []
        article = self._article
        if article is None:
            rows.append(_Row(Text("No article to show.", style=self._style("reader--empty"))))
        else:
            title = Text(one_line(article.title) or "(untitled)",
                         style=self._style("reader--title"))
            rows += [_Row(title[s:e]) for s, e in wrap_offsets(title.plain, text_width)]
            meta = Text(_meta(article), style=self._style("reader--meta"))
            rows += [_Row(meta[s:e]) for s, e in wrap_offsets(meta.plain, text_width)]
            rows.append(_Row(Text()))
            for offset, paragraph in article.paragraphs:
                position = offset
                for piece in paragraph.split("\n"):
                    begin = self._safe.shown(position)
                    finish = self._safe.shown(position + len(piece))
                    shown = self._safe.text[begin:finish]
                    rows += [_Row(None, begin + s, begin + e)
                             for s, e in wrap_offsets(shown, text_width)]
                    position += len(piece) + 1
                rows.append(_Row(Text()))
        self._rows = rows
        self._body_rows = [index for index, row in enumerate(rows) if row.is_body]
        self._body_starts = [rows[index].start for index in self._body_rows]
        self.virtual_size = Size(width, len(rows))
        self._restyle()

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width == self._laid_out_width:
            return
        top = self._top_offset()
        self._relayout()
        if self._scroll_pending:
            self._scroll_pending = False
            self._scroll_to_highlight(center=True)
        elif top is not None:
            self.scroll_to(y=self._row_of(top), animate=False, immediate=True, force=True)

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda _theme: self._restyle(), init=False)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = y + int(scroll_y)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._rows):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_row(index, width, base)
            self._strips[index] = strip
        return strip.crop(int(scroll_x), int(scroll_x) + width)

    def _render_row(self, index: int, width: int, base: Style) -> Strip:
        row = self._rows[index]
        text = row.text if row.text is not None else self._styled[row.start:row.end]
        gutter = Text(" " * GUTTER)
        highlight = self.highlight
        if row.is_body and highlight is not None:
            start, end = self._safe.shown(highlight[0]), self._safe.shown(highlight[1])
            if start < row.end and row.start < max(end, start + 1):
                gutter = Text("▌".ljust(GUTTER), style=self._style("reader--gutter"))
        line = Text(" " * self._margin) + gutter + text
        segments = [Segment(s.text, s.style) for s in line.render(self.app.console) if s.text]
        return Strip(segments).apply_style(base).extend_cell_length(width, base)

    def on_click(self, event: events.Click) -> None:
        index = event.y + int(self.scroll_offset.y)
        if index >= len(self._rows) or not self._rows[index].is_body:
            return
        row = self._rows[index]
        column = event.x + int(self.scroll_offset.x) - self._margin - GUTTER
        if column < 0:
            return
        shown = min(row.start + column, max(row.start, row.end - 1))
        self.select_at(self._safe.original(shown))

    def rendered_lines(self) -> list[str]:
        """Every row as plain text, for tests and debugging."""
        return [
            (row.text.plain if row.text is not None else self._styled.plain[row.start:row.end])
            for row in self._rows
        ]


def _marks_of(article: Article | None) -> list[Mark]:
    if article is None:
        return []
    marks = [Mark("figure", f.start, f.end, i) for i, f in enumerate(article.figures)]
    marks += [Mark("quote", q.start, q.end, i) for i, q in enumerate(article.quotes)]
    return sorted(marks, key=lambda m: (m.start, m.kind != "quote", m.end))


def _nearest(spans: list[tuple[int, int]], offset: int) -> int:
    """The first span starting at or after `offset`, else the first."""
    for index, (start, _) in enumerate(spans):
        if start >= offset:
            return index
    return 0


def _meta(article: Article) -> str:
    parts = [article.outlet, article.author, describe_date(article.published)]
    parts.append(f"{count(len(article.figures), 'figure')} · {count(len(article.quotes), 'quote')}")
    return one_line(" · ".join(part for part in parts if part))
