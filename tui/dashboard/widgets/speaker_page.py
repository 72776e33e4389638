"""A speaker's page: every quotation across the articles, oldest first, each quotation once.

The same quotation carried by several outlets is one row, with the count and the outlets;
`v` shows the wordings the outlets differ on. Enter opens the first article at the quote.
The quotations nobody is named as saying have their page too ("Unattributed").
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tui.dashboard.widgets.messages import OpenArticle
from tui.dashboard.widgets.virtual_list import VirtualList
from tui.dashboard.widgets.wrap import wrap_offsets
from tui.model.briefing import Article, Briefing
from tui.model.dates import describe_date
from tui.reports.speakers import QuoteGroup, SpeakerPage, speaker_page
from tui.text.plural import count
from tui.text.sanitize import one_line

MAX_ROLES = 6
"""Roles named in the heading at most; the rest are counted."""
MAX_CARRIERS = 12
"""Outlets named in the detail at most; the rest are counted."""


class SpeakerPageView(Vertical):
    """One speaker's quotations; the highlighted one in full below the list."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"page--quote", "page--date", "page--many"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "toggle_variants", "Variant wordings", id="speaker-page.variant-wordings"),
        Binding("escape", "close_page", "Back", id="speaker-page.back"),
    ]

    show_variants: reactive[bool] = reactive(False, init=False)

    class BackRequested(Message):
        """Esc on the page: go back where it was opened from."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.page: SpeakerPage | None = None
        self.speaker_id: str | None = None
        self._styles: dict[str, Style] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="page-heading")
        yield VirtualList(id="page-quotes", item_height=3, separator=True,
                          empty="No quotation.")
        with VerticalScroll(id="page-detail-scroll"):
            yield Static(id="page-detail")

    @property
    def quote_list(self) -> VirtualList:
        return self.query_one("#page-quotes", VirtualList)

    @property
    def groups(self) -> tuple[QuoteGroup, ...]:
        return self.page.groups if self.page else ()

    @property
    def group(self) -> QuoteGroup | None:
        """The highlighted quotation."""
        index = self.quote_list.highlighted
        groups = self.groups
        return groups[index] if index is not None and index < len(groups) else None

    def show(self, briefing: Briefing, speaker_id: str | None, index: int = 0) -> None:
        """Show `speaker_id`'s page (None: the unattributed quotes), `index` highlighted."""
        self.speaker_id = speaker_id
        self.page = speaker_page(briefing, speaker_id)
        self._update_heading(self.page)
        self.quote_list.set_items(len(self.page.groups), self._row, highlighted=index)
        self._update_detail()

    def refresh_page(self, briefing: Briefing) -> None:
        """The briefing was read again: show the same speaker from it."""
        if self.page is not None:
            self.show(briefing, self.speaker_id, self.quote_list.highlighted or 0)

    def focus_default(self) -> None:
        self.quote_list.focus()

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def on_mount(self) -> None:
        def theme_changed(_theme: str) -> None:
            self._styles.clear()
            self.quote_list.refresh_items()

        self.watch(self.app, "theme", theme_changed, init=False)

    # -- drawing ------------------------------------------------------------------------------

    def _update_heading(self, page: SpeakerPage) -> None:
        heading = Text()
        heading.append(one_line(page.name), style="bold")
        if page.speaker is None:
            heading.append(" · quotations without a known speaker", style="italic")
        elif page.unnamed:
            heading.append(" · an unnamed source, as one article describes it", style="italic")
        elif page.speaker.role:
            heading.append(" · " + one_line(page.speaker.role), style="italic")
        roles: dict[str, list[str]] = {}
        for role, article in page.roles:
            roles.setdefault(one_line(role), []).append(_outlet(article))
        if roles:
            heading.append("\nAs the articles give it: ", style="dim")
            shown = list(roles.items())[:MAX_ROLES]
            for number, (role, outlets) in enumerate(shown):
                if number:
                    heading.append("; ")
                heading.append(role)
                names = list(dict.fromkeys(outlets))
                heading.append(f" ({', '.join(names[:3])}{' …' * (len(names) > 3)})",
                               style="dim")
            if len(roles) > MAX_ROLES:
                heading.append(f"; and {len(roles) - MAX_ROLES} more roles", style="dim")
        groups = len(page.groups)
        carried = sum(1 for group in page.groups if len(group.articles) > 1)
        articles = len({a.id for group in page.groups for a in group.articles})
        heading.append(f"\n{groups:,} quotation{'s' * (groups != 1)}", style="bold")
        heading.append(f" in {articles:,} article{'s' * (articles != 1)}")
        if carried:
            heading.append(f" · {carried:,} carried by several outlets")
        heading.append(" · oldest first", style="dim")
        self.query_one("#page-heading", Static).update(heading)

    def _row(self, index: int) -> Text:
        group = self.groups[index]
        width = max(10, self.quote_list.scrollable_content_region.width - 1)
        text = Text()
        when = describe_date(group.date)
        if when:
            text.append(when + " · ", style=self._style("page--date"))
        outlets = group.outlets
        if len(group.articles) > 1:
            carried = len(group.articles)
            if len(outlets) < carried:  # some outlets ran it more than once
                many = f"{count(carried, 'article')} in {count(len(outlets), 'outlet')}"
            else:
                many = count(carried, "outlet")
            text.append(many, style=self._style("page--many"))
            text.append(": " + ", ".join(one_line(o) for o in outlets), style="dim")
        else:
            text.append(one_line(outlets[0] if outlets else ""), style="dim")
        if len(group.variants) > 1:
            text.append(f" · {len(group.variants)} wordings", style="dim")
        if group.unconfirmed:
            text.append(" · ")
            text.append("? speaker unconfirmed", style="bold reverse")
        words = f"“{one_line(group.text).strip(chr(8220) + chr(8221) + chr(34))}”"
        lines = wrap_offsets(words, width)
        for number, (start, end) in enumerate(lines[:2]):
            piece = words[start:end]
            if number == 1 and len(lines) > 2:
                piece = piece[: max(0, width - 1)].rstrip() + "…"
            text.append("\n")
            text.append(piece, style=self._style("page--quote"))
        return text

    def _update_detail(self) -> None:
        group = self.group
        detail = Text()
        if group is not None:
            detail.append(f"“{one_line(group.text)}”", style="italic")
            detail.append("\nCarried by ", style="dim")
            carriers = []
            for quote, article in list(zip(group.quotes, group.articles,
                                           strict=True))[:MAX_CARRIERS]:
                about = [describe_date(article.published), one_line(quote.role)]
                extra = ", ".join(part for part in about if part)
                carriers.append(_outlet(article) + (f" ({extra})" if extra else ""))
            detail.append("; ".join(carriers))
            if len(group.articles) > MAX_CARRIERS:
                detail.append(f"; and {len(group.articles) - MAX_CARRIERS} more", style="dim")
            variants = group.variants
            if len(variants) > 1 and self.show_variants:
                detail.append(f"\n{len(variants)} wordings:", style="bold")
                for variant in variants:
                    outlets = [_outlet(a) for q, a in zip(group.quotes, group.articles,
                                                          strict=True) if q.text == variant]
                    detail.append(f"\n• “{one_line(variant)}”", style="italic")
                    detail.append(" — " + ", ".join(dict.fromkeys(outlets)), style="dim")
            elif len(variants) > 1:
                detail.append(f"\nThe outlets differ on the wording: v shows the "
                              f"{len(variants)} wordings.", style="dim")
        self.query_one("#page-detail", Static).update(detail)
        self.set_class(group is not None, "-detail")

    def watch_show_variants(self) -> None:
        self._update_detail()

    # -- keys -----------------------------------------------------------------------------

    def action_toggle_variants(self) -> None:
        self.show_variants = not self.show_variants

    def action_close_page(self) -> None:
        self.post_message(self.BackRequested())

    @on(VirtualList.Highlighted, "#page-quotes")
    def _highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        self._update_detail()

    @on(VirtualList.Selected, "#page-quotes")
    def _selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        groups = self.groups
        if event.index < len(groups):
            quote, _article = groups[event.index].first
            self.post_message(OpenArticle(quote.article_id, quote.start, quote.end))


def _outlet(article: Article) -> str:
    return one_line(article.outlet or article.title or article.id)
