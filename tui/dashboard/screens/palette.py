"""The app's own commands in the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial
from typing import TYPE_CHECKING, NamedTuple, cast

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from tui.dashboard.screens.dialog import close_once
from tui.model.dates import describe_date
from tui.text.sanitize import one_line

if TYPE_CHECKING:
    from tui.dashboard.app import BriefingApp


FUZZY_MAX = 1000
"""Up to this many commands the palette matches letters in order (fuzzy); above, whole words."""


class _Command(NamedTuple):
    text: str
    run: Callable[[], object]
    help: str
    discover: bool = False
    bulk: bool = False
    """One of many (an article): with a large briefing, matched on three letters or more."""


def _highlight(matcher: Matcher, text: str) -> Content:
    """`text` as plain content (never markup: titles are data) with the matched letters marked."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class Palette(CommandPalette):
    """Textual's command palette, closed once however many selections reach it (see
    `tui.dashboard.screens.dialog`)."""

    def dismiss(self, result: None = None) -> AwaitComplete:
        return close_once(self, result, super().dismiss)


class BriefingCommands(Provider):
    """Views, search, problems, themes, and every article and speaker of the briefing."""

    @property
    def _app(self) -> BriefingApp:
        return cast("BriefingApp", self.app)

    def _commands(self) -> list[_Command]:
        """The commands, built once per briefing (10,000 articles make 10,000 commands)."""
        app = self._app
        return _commands_for(app, id(app.briefing), app.theme)


    async def discover(self) -> Hits:
        for command in self._commands():
            if command.discover:
                yield DiscoveryHit(Content(command.text), command.run, text=command.text,
                                   help=escape(command.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        commands = self._commands()
        words = query.casefold().split()
        strict = len(commands) > FUZZY_MAX
        short = len(query.strip()) < 3
        for command in commands:
            # The fuzzy matcher costs about 0.1 ms a command: with 10,000 articles, first
            # keep the commands holding every word typed, and the articles from three letters.
            if strict and (
                (command.bulk and short)
                or not all(word in command.text.casefold() for word in words)
            ):
                continue
            score = matcher.match(command.text)
            if score > 0:
                yield Hit(score, _highlight(matcher, command.text), command.run,
                          text=command.text, help=escape(command.help))


@lru_cache(maxsize=1)
def _commands_for(app: BriefingApp, _briefing_id: int, _theme: str) -> list[_Command]:
    """The palette's commands for the briefing and theme `app` shows (the ids key the cache)."""
    commands = [
        _Command("View: summary", partial(app.show_view, "summary"), "key 1", True),
        _Command("View: quotes by speaker", partial(app.show_view, "quotes"), "key 2", True),
        _Command("View: articles", partial(app.show_view, "articles"), "key 3", True),
        _Command("View: figure ledger (do the sources agree?)",
                 partial(app.show_view, "ledger"), "key 4", True),
        _Command("Search the briefing", app.action_search, "key s or ctrl+f", True),
        _Command("Show the problems found in the files", app.action_problems, "key p", True),
        _Command("Show every key", app.action_help, "key ?", True),
        _Command("Theme: switch between light and dark", app.action_toggle_theme, "key t",
                 True),
    ]
    for name in sorted(app.available_themes):
        if name != "textual-ansi":
            commands.append(_Command(f"Theme: {name}", partial(app.set_theme, name),
                                     "remembered for next time"))
    briefing = app.briefing
    if briefing is not None:
        counts = briefing.quotes_by_speaker
        for speaker in briefing.speakers:
            count = len(counts.get(speaker.id, ()))
            commands.append(_Command(
                f"Speaker: {one_line(speaker.name)}",
                partial(app.open_speaker_page, speaker.id),
                f"{count} quote{'s' * (count != 1)} · {one_line(speaker.role)}".rstrip(" ·"),
            ))
        unattributed = len(counts.get(None, ()))
        if unattributed:
            commands.append(_Command(
                "Speaker: Unattributed", partial(app.open_speaker_page, None),
                f"{unattributed} quote{'s' * (unattributed != 1)} without a known speaker",
            ))
        for number, article in enumerate(briefing.articles, 1):
            details = [one_line(article.outlet), describe_date(article.published)]
            commands.append(_Command(
                f"Article {number}: {one_line(article.title)}",
                partial(app.open_article, article.id),
                " · ".join(d for d in details if d) or "open in the reader",
                bulk=True,
            ))
    return commands
