"""Turn one parsed briefing file into model objects, reporting every problem.

Checking goes on past the first problem so that a person sees all of a
file's problems at once. Whatever is sound is kept: a bad quote costs that
quote, not its article.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from sys import intern
from typing import Any

from tui.files.yaml_reader import Mark, MarkedDict, MarkedList
from tui.model.briefing import Article, Bound, BriefingInfo, Figure, Quote, Source, Speaker
from tui.model.problems import Problem, did_you_mean
from tui.model.schema import BOUNDS, DATE_PATTERN, ID_PATTERN, OBJECTS, Field, fields_of

_DATE = re.compile(DATE_PATTERN)
_ID = re.compile(ID_PATTERN)
_TEXTUAL = (str, int, float)  # tuples: `str | int | float` would be built at every call
_NUMBERS = (int, float)
_BOUND_OF = {bound.value: bound for bound in Bound}


Place = tuple[str, int, int]
"""Where something stands, for checks that span files: (where, line, column)."""


@dataclass(slots=True)
class FileContent:
    """What one file contributes to a briefing.

    Places are kept as plain tuples, flat beside what they locate: a folder of 10,000
    articles holds some 70,000 of them, and the cache stores and rebuilds them all.
    """

    path: str
    info: BriefingInfo | None = None
    info_place: Place | None = None
    speakers: list[tuple[Speaker, str, int, int]] = field(default_factory=list)
    """(speaker, where, line, column) of each speaker, placed at its id."""
    articles: list[tuple[Article, str, int, int]] = field(default_factory=list)
    """(article, where, line, column) of each article, placed at its id."""
    quote_speakers: list[tuple[str, str, str, int, int]] = field(default_factory=list)
    """(article id, speaker id, where, line, column) of every quote that names a speaker."""
    problems: list[Problem] = field(default_factory=list)


_KNOWN: dict[str, dict[str, Field]] = {kind: fields_of(kind) for kind in OBJECTS}
_REQUIRED: dict[str, tuple[Field, ...]] = {
    kind: tuple(spec for spec in known.values() if spec.required) for kind, known in _KNOWN.items()
}


class _Checker:
    def __init__(self, path: str) -> None:
        self.content = FileContent(path)

    def problem(self, mark: Mark, where: str, message: str) -> None:
        self.content.problems.append(Problem(self.content.path, mark[0], mark[1], where, message))

    # -- shapes -----------------------------------------------------------------

    def mapping(self, value: Any, mark: Mark, where: str, kind: str) -> MarkedDict | None:
        """Check that `value` is a mapping of `kind` with known keys and all required ones."""
        if not isinstance(value, MarkedDict):
            self.problem(
                mark,
                where or "(document)",
                f"expected a mapping of {kind} fields, found {_describe(value)}",
            )
            return None
        known = _KNOWN[kind]
        for key in value:
            if key not in known:
                self.problem(
                    value.key_marks[key],
                    _join(where, str(key)),
                    f"unknown key '{key}'{did_you_mean(str(key), known)}; "
                    f"known keys here: {', '.join(known)}",
                )
        for spec in _REQUIRED[kind]:
            if value.get(spec.name) in (None, ""):
                self.problem(
                    value.mark,
                    where or "(document)",
                    f"missing required key '{spec.name}' ({spec.description})",
                )
        return value

    def sequence(self, data: MarkedDict, key: str, where: str) -> list[tuple[Any, Mark, str]]:
        value = data.get(key)
        if value is None:
            return []
        mark = data.value_marks[key]
        if not isinstance(value, MarkedList):
            self.problem(mark, _join(where, key), f"expected a list, found {_describe(value)}")
            return []
        prefix = _join(where, key)
        return [
            (item, mark, f"{prefix}[{i}]")
            for i, (item, mark) in enumerate(zip(value, value.item_marks, strict=True))
        ]

    def text(self, data: MarkedDict, key: str, where: str) -> str:
        value = data.get(key)
        if value.__class__ is str:
            text: str = value
            return text
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, _TEXTUAL):
            self.problem(
                data.value_marks[key], f"{where}.{key}", f"expected text, found {_describe(value)}"
            )
            return ""
        return str(value)

    def identifier(self, data: MarkedDict, key: str, where: str) -> str:
        value = self.text(data, key, where)
        if value and not _ID.match(value):
            self.problem(
                data.value_marks[key],
                f"{where}.{key}",
                f"'{value}' is not a usable id; use letters, digits, '-', '_' or '.', e.g. "
                f"'{_slug(value)}'",
            )
            return ""
        return value

    def date(self, data: MarkedDict, key: str, where: str) -> str | None:
        value = data.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        text = str(value)
        if isinstance(value, bool) or not _DATE.match(text):
            self.problem(
                data.value_marks[key],
                f"{where}.{key}",
                f"expected a date like 2025-07-22, 2025-07 or 2025, found {_describe(value)}",
            )
            return None
        return text

    def number(self, data: MarkedDict, key: str, where: str) -> float | None:
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, _NUMBERS) or not math.isfinite(value):
            if value is not None:
                hint = ""
                if isinstance(value, str):
                    hint = "; write the number alone, without commas, signs or words (5500000000)"
                self.problem(
                    data.value_marks[key],
                    f"{where}.{key}",
                    f"expected a number, found {_describe(value)}{hint}",
                )
            return None
        return float(value)

    def boolean(self, data: MarkedDict, key: str, where: str, default: bool) -> bool:
        value = data.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(
                data.value_marks[key],
                f"{where}.{key}",
                f"expected true or false, found {_describe(value)}",
            )
            return default
        return value

    def strings(self, data: MarkedDict, key: str, where: str) -> tuple[str, ...]:
        items = self.sequence(data, key, where)
        result = []
        for item, mark, item_where in items:
            if isinstance(item, bool) or not isinstance(item, _TEXTUAL):
                self.problem(mark, item_where, f"expected text, found {_describe(item)}")
            else:
                result.append(str(item))
        return tuple(result)

    # -- objects ----------------------------------------------------------------

    def document(self, data: Any) -> FileContent:
        if data is None:
            self.problem(
                (1, 1),
                "(file)",
                "the file is empty; add a 'briefing', 'speakers' or "
                "'articles' section (see docs/format.md)",
            )
            return self.content
        doc = self.mapping(data, (1, 1), "", "document")
        if doc is None:
            return self.content
        if "briefing" in doc:
            self.briefing(doc["briefing"], doc.value_marks["briefing"])
        for item, mark, where in self.sequence(doc, "speakers", ""):
            self.speaker(item, mark, where)
        if "article" in doc and "articles" in doc:
            self.problem(
                doc.key_marks["article"],
                "article",
                "a file holds either 'article' or 'articles', not both",
            )
        if "article" in doc:
            self.article(doc["article"], doc.value_marks["article"], "article")
        for item, mark, where in self.sequence(doc, "articles", ""):
            self.article(item, mark, where)
        return self.content

    def briefing(self, value: Any, mark: Mark) -> None:
        data = self.mapping(value, mark, "briefing", "briefing")
        if data is None:
            return
        info = BriefingInfo(
            title=self.text(data, "title", "briefing"),
            topic=self.text(data, "topic", "briefing"),
            date=self.date(data, "date", "briefing"),
            bottom_line=self.text(data, "bottom_line", "briefing").strip(),
            tags=self.strings(data, "tags", "briefing"),
        )
        if info.title:
            self.content.info = info
            self.content.info_place = ("briefing", *mark)

    def speaker(self, value: Any, mark: Mark, where: str) -> None:
        data = self.mapping(value, mark, where, "speaker")
        if data is None:
            return
        speaker_id = self.identifier(data, "id", where)
        name = self.text(data, "name", where)
        if not speaker_id or not name:
            return
        speaker = Speaker(
            id=speaker_id,
            name=name,
            role=self.text(data, "role", where),
            aliases=self.strings(data, "aliases", where),
            named=self.boolean(data, "named", where, True),
        )
        line, column = data.value_marks["id"]
        self.content.speakers.append((speaker, intern(f"{where}.id"), line, column))

    def article(self, value: Any, mark: Mark, where: str) -> None:
        data = self.mapping(value, mark, where, "article")
        if data is None:
            return
        article_id = self.identifier(data, "id", where)
        body = self.text(data, "body", where)
        figures = tuple(
            figure
            for item, item_mark, item_where in self.sequence(data, "figures", where)
            if (figure := self.figure(item, item_mark, item_where, article_id, body)) is not None
        )
        quotes = tuple(
            quote
            for item, item_mark, item_where in self.sequence(data, "quotes", where)
            if (quote := self.quote(item, item_mark, item_where, article_id, body)) is not None
        )
        title = self.text(data, "title", where)
        if not article_id or not body or not title:
            return
        article = Article(
            id=article_id,
            title=title,
            body=body,
            outlet=intern(self.text(data, "outlet", where)),
            url=self.text(data, "url", where),
            author=intern(self.text(data, "author", where)),
            published=_shared(self.date(data, "published", where)),
            figures=figures,
            quotes=quotes,
            source=Source(self.content.path, data.mark[0]),
        )
        line, column = data.value_marks["id"]
        self.content.articles.append((article, intern(f"{where}.id"), line, column))

    def span(
        self, data: MarkedDict, where: str, body: str, what: str
    ) -> tuple[str, int, int] | None:
        """Find the item's words in the body: at `start` when given, else the first occurrence."""
        words = self.text(data, "text", where)
        if not words or not body:
            return None
        mark = data.value_marks["text"]
        if "start" in data:
            start = data["start"]
            if isinstance(start, bool) or not isinstance(start, int) or start < 0:
                self.problem(
                    data.value_marks["start"],
                    f"{where}.start",
                    f"expected a character offset (a whole number from 0), found "
                    f"{_describe(start)}",
                )
                return None
            if body[start : start + len(words)] != words:
                found = body.find(words)
                hint = (
                    f"the words are at offset {found}; set start: {found}"
                    if found >= 0
                    else "the words are not in the body at all"
                )
                self.problem(
                    data.value_marks["start"],
                    f"{where}.start",
                    f"the body at offset {start} does not read '{_clip(words)}'; {hint}",
                )
                return None
            return words, start, start + len(words)
        start = body.find(words)
        if start < 0:
            self.problem(
                mark,
                f"{where}.text",
                f"the {what}'s words '{_clip(words)}' are not in the article's body"
                f"{_near_miss(words, body)}",
            )
            return None
        return words, start, start + len(words)

    def figure(
        self, value: Any, mark: Mark, where: str, article_id: str, body: str
    ) -> Figure | None:
        data = self.mapping(value, mark, where, "figure")
        if data is None:
            return None
        number = self.number(data, "value", where)
        unit = self.text(data, "unit", where)
        span = self.span(data, where, body, "figure")
        bound = Bound.EXACT
        if data.get("bound") is not None:
            raw = str(data["bound"])
            if raw in BOUNDS:
                bound = _BOUND_OF.get(raw) or Bound(raw)
            else:
                self.problem(
                    data.value_marks["bound"],
                    f"{where}.bound",
                    f"'{raw}' is not a bound{did_you_mean(raw, BOUNDS)}; "
                    f"use one of: {', '.join(BOUNDS)}",
                )
        as_of = self.date(data, "as_of", where)
        key = self.identifier(data, "key", where) or None
        if number is None or not unit or span is None:
            return None
        words, start, end = span
        return Figure(
            article_id=article_id,
            value=number,
            unit=intern(unit),
            text=words,
            start=start,
            end=end,
            label=intern(self.text(data, "label", where)),
            bound=bound,
            as_of=_shared(as_of),
            key=_shared(key),
        )

    def quote(self, value: Any, mark: Mark, where: str, article_id: str, body: str) -> Quote | None:
        data = self.mapping(value, mark, where, "quote")
        if data is None:
            return None
        speaker_id = _shared(self.identifier(data, "speaker", where) or None)
        span = self.span(data, where, body, "quote")
        if span is None:
            return None
        words, start, end = span
        if speaker_id:
            line, column = data.value_marks["speaker"]
            self.content.quote_speakers.append(
                (article_id, speaker_id, intern(f"{where}.speaker"), line, column)
            )
        return Quote(
            article_id=article_id,
            speaker_id=speaker_id,
            text=intern(words),
            start=start,
            end=end,
            role=intern(self.text(data, "role", where)),
            check=_shared(self.text(data, "check", where).strip()) or "",
        )


def check_document(data: Any, path: str) -> FileContent:
    """Validate one parsed file and build what it holds."""
    return _Checker(path).document(data)


def _shared(text: str | None) -> str | None:
    """One string object for equal short texts that recur across articles (units, labels,
    dates, speaker ids, stock phrases): less memory, and a cache block stores each once."""
    return None if text is None else intern(text)


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, MarkedDict | dict):
        return "a mapping"
    if isinstance(value, MarkedList | list):
        return "a list"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (a yes/no value)"
    return f"'{_clip(str(value), 40)}'"


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "item"


_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})


def _near_miss(words: str, body: str) -> str:
    """Explain a miss that differs only in spacing, case or quote marks."""
    folded_words = " ".join(words.translate(_FOLD).split()).lower()
    folded_body = " ".join(body.translate(_FOLD).split()).lower()
    if folded_words and folded_words in folded_body:
        return (
            "; they differ from the body only in spacing, capitals or quote marks: "
            "copy them exactly from the body"
        )
    return "; copy the words exactly as they stand in the body"
