"""Where in a briefing file an article, a quotation or a figure is written: its line.

The loader keeps each article's line; a quotation's or a figure's is found when asked (one
file read again, when the user asks to edit at it), by the words it quotes and where they
stand in the body, so a quotation the loader had to drop does not shift the others.
"""

from __future__ import annotations

from tui.files.loader import read_text
from tui.files.yaml_reader import MarkedDict, MarkedList, parse_yaml
from tui.model.briefing import Article, Figure, Quote


def line_of(article: Article, item: Quote | Figure | None = None) -> int:
    """The line of `item` (a quotation or figure of `article`), or of `article` itself,
    in the file it was read from; the article's line when the item cannot be found."""
    fallback = max(article.source.line, 1)
    if item is None:
        return fallback
    text, _problem = read_text(article.source.path)
    if text is None:
        return fallback
    data, _problems = parse_yaml(text, article.source.path)
    for entry in _articles(data):
        if entry.get("id") == article.id:
            listed = entry.get("quotes" if isinstance(item, Quote) else "figures")
            return _line_in(listed, item) or entry.mark[0]
    return fallback


def _articles(data: object) -> list[MarkedDict]:
    if not isinstance(data, MarkedDict):
        return []
    found: list[object] = []
    if isinstance(data.get("article"), MarkedDict):
        found.append(data["article"])
    if isinstance(data.get("articles"), MarkedList):
        found.extend(data["articles"])
    return [entry for entry in found if isinstance(entry, MarkedDict)]


articles_in = _articles
"""The article mappings of a parsed file (its `article` and its `articles`)."""


def _line_in(listed: object, item: Quote | Figure) -> int | None:
    if not isinstance(listed, MarkedList):
        return None
    candidates = [
        (entry, mark) for entry, mark in zip(listed, listed.item_marks, strict=True)
        if isinstance(entry, MarkedDict) and entry.get("text") == item.text
    ]
    placed = [mark for entry, mark in candidates if entry.get("start") in (None, item.start)]
    chosen = placed or [mark for _, mark in candidates]
    return chosen[0][0] if chosen else None
