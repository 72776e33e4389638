"""The briefing data model: plain, immutable, and free of any UI import.

A `Briefing` is what the loader builds from one or more YAML files: its
metadata, the articles with the figures and quotations found in them, and the
people (or organisations) who said something.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any, Protocol


class Bound(StrEnum):
    """How the written figure relates to the true value."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    MORE_THAN = "more-than"
    LESS_THAN = "less-than"

    @property
    def symbol(self) -> str:
        """The sign a reader sees before the value: "", "~", ">" or "<"."""
        return {"exact": "", "approximate": "~", "more-than": ">", "less-than": "<"}[self.value]


@dataclass(frozen=True, slots=True)
class Source:
    """Where something was read from: a file and a 1-based line."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in an article, with what it counts."""

    article_id: str
    value: float
    unit: str
    """What the number counts: "peacekeepers", "missions", "USD", "percent"."""
    text: str
    """The words as written in the article body."""
    start: int
    end: int
    label: str = ""
    """A short phrase a reader understands on a panel."""
    bound: Bound = Bound.EXACT
    as_of: str | None = None
    """ISO date the figure refers to ("2025", "2025-07" or "2025-07-22")."""
    key: str | None = None
    """Ties the same measure across articles."""

    @property
    def display_value(self) -> str:
        """The value as a reader expects it: ">235,000", "$5.5 billion", "~8 decades"."""
        text = f"{self.bound.symbol}{format_number(self.value, self.unit)}"
        if self.unit.lower() in _SPELLED_UNITS:
            text += f" {self.unit}"
        return text


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation in an article."""

    article_id: str
    speaker_id: str | None
    text: str
    start: int
    end: int
    role: str = ""
    """The speaker's title or role as this article gives it, when it differs by article."""
    check: str = ""
    """Why the speaker is unsure ("speaker found through a pronoun; confirm or correct"):
    the quotation is unconfirmed until a person removes it; "" when the speaker is sure."""

    @property
    def unconfirmed(self) -> bool:
        """The speaker is a guess a person has not confirmed yet."""
        return bool(self.check)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person or organisation who is quoted."""

    id: str
    name: str
    role: str = ""
    aliases: tuple[str, ...] = ()
    named: bool = True
    """False for an unnamed source kept as the article describes it ("a senior official"):
    never one person with another source of the same description."""

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class DeferredText(Protocol):
    """Text kept elsewhere (a cache file on disk) until someone reads it."""

    def read(self) -> str: ...

    def read_utf8(self) -> bytes:
        """The text in UTF-8, lone surrogates passed through, without decoding it."""
        ...


@dataclass(frozen=True, slots=True)
class Article:
    """An article and what was found in it.

    Its body may be built as a `DeferredText`: it is then read each time `body` is asked
    for and never kept, so that the text of 10,000 articles nobody opens stays on disk.
    """

    id: str
    title: str
    body: str
    outlet: str = ""
    url: str = ""
    author: str = ""
    published: str | None = None
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    source: Source = Source("")

    @property
    def paragraphs(self) -> list[tuple[int, str]]:
        """The body's paragraphs with their start offsets, blank lines between."""
        result: list[tuple[int, str]] = []
        offset = 0
        for chunk in self.body.split("\n\n"):
            stripped = chunk.strip("\n")
            if stripped.strip():
                result.append((offset + chunk.index(stripped), stripped))
            offset += len(chunk) + 2
        return result


class _Body:
    """`Article.body`: the slot's text, or the text a `DeferredText` in it reads."""

    __slots__ = ("slot",)

    def __init__(self, slot: Any) -> None:
        self.slot = slot

    def __get__(self, article: Article | None, owner: type | None = None) -> Any:
        if article is None:
            return self
        value = self.slot.__get__(article, owner)
        return value if value.__class__ is str else value.read()

    def __set__(self, article: Article, value: str | DeferredText) -> None:
        self.slot.__set__(article, value)


setattr(Article, "body", _Body(vars(Article)["body"]))  # noqa: B010 - mypy sees a str field


def body_is_deferred(article: Article) -> bool:
    """Whether the article's body is on disk rather than in memory."""
    body: _Body = vars(Article)["body"]
    return body.slot.__get__(article, Article).__class__ is not str


def kept_body(article: Article) -> str | DeferredText:
    """What the article's body slot holds: its text, or where the text is kept."""
    body: _Body = vars(Article)["body"]
    return body.slot.__get__(article, Article)  # type: ignore[no-any-return]


def keep_body(article: Article, text: str | DeferredText) -> None:
    """Change where the article's body is kept, never what it says (`text` reads the same):
    the one change an article allows, for a cache that moves bodies to disk."""
    body: _Body = vars(Article)["body"]
    body.slot.__set__(article, text)


def body_utf8(article: Article) -> bytes:
    """The article's body in UTF-8 (lone surrogates passed through): for a body on disk,
    its bytes as stored, never decoded."""
    body: _Body = vars(Article)["body"]
    value = body.slot.__get__(article, Article)
    if value.__class__ is str:
        return value.encode("utf-8", "surrogatepass")  # type: ignore[no-any-return]
    return value.read_utf8()  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class BriefingInfo:
    """What the briefing is about, as its author wrote it."""

    title: str = ""
    topic: str = ""
    date: str | None = None
    bottom_line: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Briefing:
    """Everything loaded: metadata, articles and speakers."""

    info: BriefingInfo = field(default_factory=BriefingInfo)
    articles: tuple[Article, ...] = ()
    speakers: tuple[Speaker, ...] = ()

    @cached_property
    def _articles_by_id(self) -> dict[str, Article]:
        return {article.id: article for article in self.articles}

    @cached_property
    def _speakers_by_id(self) -> dict[str, Speaker]:
        return {speaker.id: speaker for speaker in self.speakers}

    @cached_property
    def article_order(self) -> dict[str, int]:
        """Each article id's position in the briefing."""
        return {article.id: index for index, article in enumerate(self.articles)}

    @property
    def title(self) -> str:
        return self.info.title or (
            self.articles[0].title if len(self.articles) == 1 else "Briefing"
        )

    def article(self, article_id: str) -> Article | None:
        return self._articles_by_id.get(article_id)

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        return self._speakers_by_id.get(speaker_id) if speaker_id else None

    def speaker_name(self, speaker_id: str | None) -> str:
        speaker = self.speaker(speaker_id)
        return speaker.name if speaker else "Unattributed"

    @property
    def figures(self) -> Iterator[Figure]:
        for article in self.articles:
            yield from article.figures

    @property
    def quotes(self) -> Iterator[Quote]:
        for article in self.articles:
            yield from article.quotes

    @cached_property
    def quotes_by_speaker(self) -> dict[str | None, tuple[Quote, ...]]:
        """Quotes grouped by speaker id, in article order; None holds unattributed ones."""
        groups: dict[str | None, list[Quote]] = {}
        for quote in self.quotes:
            groups.setdefault(quote.speaker_id, []).append(quote)
        return {speaker_id: tuple(quotes) for speaker_id, quotes in groups.items()}

    @property
    def counts(self) -> dict[str, int]:
        return {
            "articles": len(self.articles),
            "speakers": sum(1 for s in self.speakers if self.quotes_by_speaker.get(s.id)),
            "quotes": sum(len(a.quotes) for a in self.articles),
            "figures": sum(len(a.figures) for a in self.articles),
        }


_SPELLED_UNITS = {
    "decades",
    "decade",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "hours",
    "hour",
    "minutes",
    "km",
    "miles",
    "kg",
    "tonnes",
    "tons",
}
_CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def format_number(value: float, unit: str = "") -> str:
    """Render a figure's value as a reader expects: "$5.5 billion", "235,000", "0.3%"."""
    if unit.lower() == "year" and value == int(value):
        return str(int(value))
    sign = _CURRENCY_SIGNS.get(unit.upper(), "")
    magnitude = abs(value)
    for scale, word in _SCALES:
        if magnitude >= scale:
            number = f"{value / scale:,.2f}".rstrip("0").rstrip(".")
            text = f"{number} {word}"
            break
    else:
        text = f"{value:,.0f}" if value == int(value) else f"{value:,.4f}".rstrip("0").rstrip(".")
    if sign:
        return f"{sign}{text}"
    if unit.lower() in ("percent", "per cent", "%"):
        return f"{text}%"
    return text
