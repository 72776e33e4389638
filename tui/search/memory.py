"""Search a briefing in memory: speakers, figures, quotes, titles and article text.

UI-free: a query gives ranked `Hit`s, each with a one-line snippet (made safe to
print, with the matched spans marked) and a target: an article and a span of
character offsets into its body, or a speaker.

Every word of the query must appear (case-insensitively) in a speaker's names or
role, a figure's words and label, a quote or a title; article text matches the
query as a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from tui.model.briefing import Article, Briefing
from tui.text.plural import count
from tui.text.sanitize import one_line

if TYPE_CHECKING:
    from tui.search.index import Hit as IndexHit


class Kind(StrEnum):
    SPEAKER = "speaker"
    FIGURE = "figure"
    QUOTE = "quote"
    TITLE = "title"
    TEXT = "text"


_WEIGHT = {Kind.SPEAKER: 50.0, Kind.FIGURE: 40.0, Kind.QUOTE: 30.0, Kind.TITLE: 25.0,
           Kind.TEXT: 10.0}
SNIPPET_WIDTH = 110
"""Characters of context a snippet shows at most."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One place where the query was found."""

    kind: Kind
    title: str
    """What was found, on one line: a speaker's name, "182 · Pakistani peacekeepers killed"."""
    snippet: str
    """The surrounding words on one line, safe to print."""
    highlights: tuple[tuple[int, int], ...]
    """Spans of `snippet` that match the query."""
    score: float
    article_id: str | None = None
    start: int = 0
    end: int = 0
    """The target span: character offsets into the article's body."""
    speaker_id: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def terms(query: str) -> list[str]:
    """The words of a query, in order, without duplicates."""
    return list(dict.fromkeys(query.split()))


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every non-overlapping place `query` occurs in `text`, ignoring case; white space
    in the query matches any run of white space (so a phrase may cross a line break)."""
    words = query.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text) if match.end() > match.start()]


def _matches_all(text: str, words: list[str]) -> bool:
    folded = text.casefold()
    return all(word.casefold() in folded for word in words)


def _boundary_bonus(text: str, words: list[str]) -> float:
    """A little more for words found whole, and more still at the very start."""
    bonus = 0.0
    for word in words:
        match = re.search(rf"(?<!\w){re.escape(word)}", text, re.IGNORECASE)
        if match:
            bonus += 2.0 if match.start() == 0 else 1.0
    return bonus


def _snippet(text: str, words: list[str], around: int | None = None) -> tuple[str, tuple]:
    """`text` on one line, cut to SNIPPET_WIDTH around offset `around`, with matches marked."""
    if around is not None and len(text) > SNIPPET_WIDTH:
        begin = max(0, around - SNIPPET_WIDTH // 3)
        end = min(len(text), begin + SNIPPET_WIDTH)
        begin = max(0, min(begin, end - SNIPPET_WIDTH))
        cut = text[begin:end]
        if begin > 0:
            cut = "…" + cut.split(" ", 1)[-1] if " " in cut[:20] else "…" + cut
        if end < len(text):
            cut = cut.rsplit(" ", 1)[0] + "…" if " " in cut[-20:] else cut + "…"
        text = cut
    flat = one_line(text)
    if len(flat) > SNIPPET_WIDTH:
        flat = flat[: SNIPPET_WIDTH - 1].rstrip() + "…"
    spans: list[tuple[int, int]] = []
    for word in words:
        spans.extend(find_all(flat, word))
    return flat, tuple(sorted(set(spans)))


def search(briefing: Briefing, query: str, limit: int = 200) -> list[Hit]:
    """The hits for `query`, best first, at most `limit`."""
    words = terms(query)
    if not words:
        return []
    hits = list(_hits(briefing, query, words))
    order = {id(hit): index for index, hit in enumerate(hits)}
    hits.sort(key=lambda hit: (-hit.score, order[id(hit)]))
    return hits[:limit]


def _hits(briefing: Briefing, query: str, words: list[str]) -> Iterator[Hit]:
    for speaker in briefing.speakers:
        fields = " ".join((*speaker.names(), speaker.role))
        if _matches_all(fields, words):
            said = len(briefing.quotes_by_speaker.get(speaker.id, ()))
            about = speaker.role or "no role given"
            snippet, marks = _snippet(f"{about} · {count(said, 'quote')}", words)
            yield Hit(Kind.SPEAKER, one_line(speaker.name), snippet, marks,
                      _WEIGHT[Kind.SPEAKER] + _boundary_bonus(speaker.name, words) + said / 1000,
                      speaker_id=speaker.id)
    for article in briefing.articles:
        yield from _article_hits(briefing, article, query, words)


def _article_hits(briefing: Briefing, article: Article, query: str,
                  words: list[str]) -> Iterator[Hit]:
    title = one_line(article.title)
    if _matches_all(article.title, words):
        snippet, marks = _snippet(article.title, words)
        yield Hit(Kind.TITLE, title, snippet, marks,
                  _WEIGHT[Kind.TITLE] + _boundary_bonus(article.title, words),
                  article_id=article.id, start=0, end=0)
    for figure in article.figures:
        fields = " ".join((figure.display_value, figure.text, figure.label, figure.unit,
                           figure.key or ""))
        if _matches_all(fields, words):
            context = _sentence(article.body, figure.start, figure.end)
            snippet, marks = _snippet(context[0], words, figure.start - context[1])
            label = figure.label or figure.unit
            yield Hit(Kind.FIGURE, one_line(f"{figure.display_value} · {label}"), snippet, marks,
                      _WEIGHT[Kind.FIGURE] + _boundary_bonus(fields, words),
                      article_id=article.id, start=figure.start, end=figure.end)
    quoted: list[tuple[int, int]] = []
    for quote in article.quotes:
        if _matches_all(quote.text, words):
            first = find_all(quote.text, words[0])
            snippet, marks = _snippet(quote.text, words, first[0][0] if first else 0)
            quoted.append((quote.start, quote.end))
            yield Hit(Kind.QUOTE, one_line(briefing.speaker_name(quote.speaker_id)), snippet,
                      marks, _WEIGHT[Kind.QUOTE] + _boundary_bonus(quote.text, words),
                      article_id=article.id, start=quote.start, end=quote.end,
                      speaker_id=quote.speaker_id)
    for start, end in find_all(article.body, query):
        if any(q_start <= start and end <= q_end for q_start, q_end in quoted):
            continue
        context = _sentence(article.body, start, end)
        snippet, marks = _snippet(context[0], words, start - context[1])
        yield Hit(Kind.TEXT, title, snippet, marks,
                  _WEIGHT[Kind.TEXT] + _boundary_bonus(article.body[start:], words),
                  article_id=article.id, start=start, end=end)


def _sentence(body: str, start: int, end: int) -> tuple[str, int]:
    """The paragraph around a span, and the offset where it begins."""
    begin = body.rfind("\n\n", 0, start)
    begin = 0 if begin < 0 else begin + 2
    stop = body.find("\n\n", end)
    stop = len(body) if stop < 0 else stop
    return body[begin:stop], begin


__all__ = ["Hit", "Kind", "find_all", "search", "terms"]


_INDEX_KINDS = {"speaker": Kind.SPEAKER, "figure": Kind.FIGURE, "quote": Kind.QUOTE}
_KIND_ORDER = [Kind.SPEAKER, Kind.FIGURE, Kind.QUOTE, Kind.TITLE, Kind.TEXT]


def from_index(found: Iterable[IndexHit]) -> list[Hit]:
    """Hits of the on-disk index (`tui.search.index`) as this module's hits: speakers, figures and
    quotes before article text, as the in-memory search ranks them; best first within a kind."""
    hits = []
    for hit in found:
        kind = _INDEX_KINDS.get(hit.kind)
        if kind is None:
            kind = Kind.TITLE if hit.start is None else Kind.TEXT
        hits.append(Hit(kind, hit.title, hit.snippet, hit.highlights, hit.score, hit.article_id,
                        hit.start or 0, hit.end or 0, hit.speaker_id))
    return sorted(hits, key=lambda hit: (_KIND_ORDER.index(hit.kind), -hit.score))


def widen_to_phrase(briefing: Briefing, hits: list[Hit], query: str) -> list[Hit]:
    """The index marks each matching word; where the query's words stand together near a text
    hit, highlight them together ("Line of Control", not "of")."""
    widened = []
    for hit in hits:
        article = briefing.article(hit.article_id) if hit.article_id else None
        if hit.kind is Kind.TEXT and article is not None:
            low = max(0, hit.start - 300)
            near = find_all(article.body[low:hit.end + 300], query)
            if near:
                start, end = min(near, key=lambda span: abs(span[0] + low - hit.start))
                hit = Hit(hit.kind, hit.title, hit.snippet, hit.highlights, hit.score,
                          hit.article_id, start + low, end + low, hit.speaker_id)
        widened.append(hit)
    return widened
