"""Quotes by speaker: a filterable list of speakers and the chosen one's quotes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.dashboard.widgets.messages import OpenArticle, OpenSpeakerPage
from tui.dashboard.widgets.verdicts import NEW_MARK, news_of
from tui.dashboard.widgets.vim_list import VimOptionList
from tui.model.briefing import Briefing, Quote, Speaker
from tui.model.dates import describe_date
from tui.text.sanitize import one_line

UNATTRIBUTED = " unattributed"
"""The option id of the unattributed quotes (speaker ids never start with a space)."""
UNNAMED_HEADING = "Unnamed sources"
"""Above the speakers that are descriptions, not names ("a senior official")."""
UNCONFIRMED_MARK = "?"
"""Before a quote whose speaker is a guess not yet confirmed (it has a `check`)."""
MAX_QUOTES = 200
"""Quotes listed beside the speakers at most; the speaker's page (o) lists them all."""


def speaker_matches(speaker: Speaker, words: list[str]) -> bool:
    """True when every word is in the speaker's name, an alias or the role."""
    folded = " ".join((*speaker.names(), speaker.role)).casefold()
    return all(word.casefold() in folded for word in words)


class QuotesView(Horizontal):
    """Speakers on the left, the highlighted speaker's quotes on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter speakers", id="quotes.filter-speakers", key_display="/"),
        Binding("o", "open_page", "Speaker's page", id="quotes.speaker-s-page"),
        Binding("right", "to_quotes", "To the quotes", id="quotes.to-the-quotes", show=False),
        Binding("left", "to_speakers", "To the speakers", id="quotes.to-the-speakers", show=False),
        Binding("escape", "clear_filter", "Clear filter", id="quotes.clear-filter", show=False),
        Binding("y", "confirm_speaker", "Confirm the speaker", id="quotes.confirm-the-speaker"),
    ]

    briefing: reactive[Briefing | None] = reactive(None, init=False)

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.speaker_id: str | None = None
        self._option: str | None = None
        """The option id of the speaker shown (None before the first choice)."""
        self._quotes: list[Quote] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="speaker-pane"):
            yield Input(placeholder="/ filter: name, alias, role", id="speaker-filter",
                        select_on_focus=False)
            yield VimOptionList(id="speakers")
        with Vertical(id="quote-pane"):
            yield Static(id="speaker-heading")
            yield VimOptionList(id="quotes")

    @property
    def speaker_list(self) -> VimOptionList:
        return self.query_one("#speakers", VimOptionList)

    @property
    def quote_list(self) -> VimOptionList:
        return self.query_one("#quotes", VimOptionList)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#speaker-filter", Input)

    @property
    def quotes(self) -> list[Quote]:
        """The quotes listed, in order."""
        return list(self._quotes)

    def watch_briefing(self, briefing: Briefing | None) -> None:
        if briefing is not None:
            self._fill_speakers()

    def focus_default(self) -> None:
        if self.speaker_list.option_count:
            self.speaker_list.focus()
        else:
            self.screen.set_focus(None)

    def _fill_speakers(self) -> None:
        briefing = self.briefing
        if briefing is None:
            return
        words = self.filter_input.value.split()
        by_speaker = briefing.quotes_by_speaker
        speakers = [s for s in briefing.speakers if speaker_matches(s, words)]
        speakers.sort(key=lambda s: (-len(by_speaker.get(s.id, ())), s.name.casefold()))
        options: list[Option | None] = [
            Option(_speaker_prompt(s, len(by_speaker.get(s.id, ()))), id=s.id)
            for s in speakers
            if s.named
        ]
        unnamed = [s for s in speakers if not s.named]
        if unnamed:  # descriptions ("a senior official") apart from the people named
            if options:
                options.append(None)
            options.append(Option(Text(UNNAMED_HEADING, style="bold underline"), disabled=True))
            options += [Option(_speaker_prompt(s, len(by_speaker.get(s.id, ()))), id=s.id)
                        for s in unnamed]
        unattributed = by_speaker.get(None, ())
        if unattributed and (not words or speaker_matches(Speaker("", "Unattributed"), words)):
            if options:
                options.append(None)
            prompt = Text(f"{len(unattributed):>3} ", style="bold")
            prompt.append("Unattributed", style="bold italic")
            prompt.append("\n    quotes without a known speaker", style="dim")
            options.append(Option(prompt, id=UNATTRIBUTED))
        speaker_list = self.speaker_list
        speaker_list.set_options(options)
        ids = [o.id for o in options if o is not None and o.id is not None]
        if not ids:
            self.speaker_id = None
            self._show_quotes()
            return
        chosen = self._option if self._option in ids else ids[0]
        speaker_list.highlighted = speaker_list.get_option_index(chosen)
        self._choose(chosen)

    def _choose(self, option_id: str) -> None:
        speaker_id = None if option_id == UNATTRIBUTED else option_id
        changed = option_id != self._option or not self._quotes
        self._option = option_id
        self.speaker_id = speaker_id
        self._show_quotes(keep=not changed)

    def _show_quotes(self, keep: bool = False) -> None:
        briefing = self.briefing
        heading = Text()
        quote_list = self.quote_list
        previous = quote_list.highlighted
        if briefing is None or (self.speaker_id is None and not self.speaker_list.option_count):
            self._quotes = []
            quote_list.clear_options()
            heading.append("No speaker matches the filter." if briefing else "", style="italic")
            self.query_one("#speaker-heading", Static).update(heading)
            return
        speaker = briefing.speaker(self.speaker_id)
        self._quotes = list(briefing.quotes_by_speaker.get(self.speaker_id, ()))
        if speaker is None:
            heading.append("Unattributed quotes", style="bold")
        else:
            heading.append(one_line(speaker.name), style="bold")
            if speaker.role:
                heading.append(" · " + one_line(speaker.role), style="italic")
        count = len(self._quotes)
        heading.append(f"\n{count:,} quote{'s' * (count != 1)}", style="dim")
        if count > MAX_QUOTES:
            heading.append(f", the first {MAX_QUOTES} here", style="dim")
            self._quotes = self._quotes[:MAX_QUOTES]
        if count:
            heading.append(" · Enter opens the article at the quote · o: the speaker's page",
                           style="dim")
        self.query_one("#speaker-heading", Static).update(heading)
        options: list[Option | None] = []
        news = news_of(self, briefing)
        for index, quote in enumerate(self._quotes):
            if options:
                options.append(None)
            options.append(Option(_quote_prompt(briefing, quote, news.quote_is_new(quote)),
                                  id=str(index)))
        quote_list.set_options(options)
        if self._quotes:
            keep_index = previous if keep and previous is not None else 0
            quote_list.highlighted = min(keep_index, quote_list.option_count - 1)

    def select_speaker(self, speaker_id: str | None) -> None:
        """Show `speaker_id`'s quotes (None: the unattributed ones), clearing a hiding filter."""
        option_id = UNATTRIBUTED if speaker_id is None else speaker_id
        speaker_list = self.speaker_list
        if option_id not in [o.id for o in speaker_list.options]:
            self.filter_input.value = ""
            self._fill_speakers()
        try:
            speaker_list.highlighted = speaker_list.get_option_index(option_id)
        except OptionDoesNotExist:
            return
        self._choose(option_id)
        self.quote_list.focus()

    def select_quote(self, index: int) -> None:
        """Highlight the `index`th quote listed and focus the quote list."""
        if 0 <= index < len(self._quotes):
            quote_list = self.quote_list
            quote_list.highlighted = quote_list.get_option_index(str(index))
            quote_list.focus()

    def action_filter(self) -> None:
        self.filter_input.focus()

    def action_clear_filter(self) -> None:
        if self.filter_input.value:
            self.filter_input.value = ""
        self.speaker_list.focus()

    @on(Input.Changed, "#speaker-filter")
    def _filter_changed(self) -> None:
        self._fill_speakers()

    @on(Input.Submitted, "#speaker-filter")
    def _filter_submitted(self) -> None:
        self.speaker_list.focus()

    @on(OptionList.OptionHighlighted, "#speakers")
    def _speaker_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self._choose(event.option.id)

    @on(OptionList.OptionSelected, "#speakers")
    def _speaker_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._choose(event.option.id)
            self.action_open_page()

    def action_open_page(self) -> None:
        """Open the page of the speaker shown: every quotation, each once, by date."""
        if self.briefing is not None and self._option is not None and (
            self.speaker_list.option_count or self._quotes
        ):
            self.post_message(OpenSpeakerPage(self.speaker_id))

    def action_to_quotes(self) -> None:
        if self.speaker_list.has_focus and self._quotes:
            self.quote_list.focus()

    def action_to_speakers(self) -> None:
        if self.quote_list.has_focus:
            self.speaker_list.focus()

    @on(OptionList.OptionSelected, "#quotes")
    def _quote_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        quote = self._quotes[int(event.option.id or 0)]
        self.post_message(OpenArticle(quote.article_id, quote.start, quote.end))

    @on(OptionList.OptionHighlighted, "#quotes")
    def _quote_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.refresh_bindings()

    @property
    def highlighted_quote(self) -> Quote | None:
        index = self.quote_list.highlighted
        option = self.quote_list.get_option_at_index(index) if index is not None else None
        if option is None or option.id is None or not self._quotes:
            return None
        return self._quotes[int(option.id)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "confirm_speaker":
            lists = self.query("#quotes")
            if not lists or not lists.first().has_focus:
                return False
            quote = self.highlighted_quote
            return quote is not None and quote.unconfirmed
        return True

    def action_confirm_speaker(self) -> None:
        """Confirm the highlighted quote's speaker: its `check` line leaves the file, which
        the dashboard then reloads."""
        quote = self.highlighted_quote
        article = self.briefing.article(quote.article_id) if quote and self.briefing else None
        if quote is None or article is None or not quote.unconfirmed:
            return
        from tui.files.confirm import ConfirmError, confirm_speaker

        try:
            confirm_speaker(article, quote)
        except ConfirmError as error:
            self.notify(f"Not confirmed: {error}", severity="warning", markup=False)
            return
        self.notify("Speaker confirmed; the check is out of the file.", markup=False)


def _speaker_prompt(speaker: Speaker, count: int) -> Text:
    prompt = Text()
    prompt.append(f"{count:>3} ", style="bold" if count else "dim")
    prompt.append(one_line(speaker.name), style="bold" if count else "dim")
    if speaker.role:
        prompt.append("\n    " + one_line(speaker.role), style="dim")
    return prompt


def _quote_prompt(briefing: Briefing, quote: Quote, new: bool = False) -> Text:
    prompt = Text()
    if new:
        prompt.append(f"{NEW_MARK} new ", style="bold reverse")
        prompt.append(" ")
    if quote.unconfirmed:
        prompt.append(f"{UNCONFIRMED_MARK} unconfirmed", style="bold reverse")
        prompt.append(" ")
    words = one_line(quote.text).strip("“”\"")
    prompt.append(f"“{words}”", style="italic")
    article = briefing.article(quote.article_id)
    if article is not None:
        source = [one_line(article.title), one_line(article.outlet),
                  describe_date(article.published)]
        prompt.append("\n— " + " · ".join(part for part in source if part), style="dim")
    return prompt
