"""A news feed (RSS, Atom or JSON Feed): one article per entry.

RSS and Atom are read with feedparser, the standard for them, loaded only when a feed is
imported (the optional `web` extra); JSON Feed is plain JSON. An entry's full text comes
from `content:encoded` or Atom `content` when the feed carries it; otherwise its summary is
taken and the article is marked partial.
"""

from __future__ import annotations

import codecs
import json
import re
import time
from dataclasses import dataclass
from html.parser import HTMLParser

from tui.files.web_page import EXTRA_HINT, MissingExtra
from tui.model.problems import Problem

_WHERE = "(file)"
_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<\?xml-stylesheet[^>]*\?>\s*)*"
    rb"<(?:rss|feed|rdf:RDF)\b",
    re.DOTALL,
)
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "tr", "table", "pre", "hr", "figure", "header", "footer",
}
_SKIPPED = {"script", "style", "figcaption", "noscript", "iframe", "button", "form"}


@dataclass(frozen=True, slots=True)
class FeedEntry:
    title: str
    body: str
    url: str | None
    published: str | None
    author: str | None
    outlet: str | None
    partial: bool
    """Only the entry's summary: the feed does not carry the full text."""


def looks_like_feed(raw: bytes) -> bool:
    head = raw[:4096].lstrip(codecs.BOM_UTF8)
    if _FEED_START.match(head):
        return True
    return head.lstrip().startswith(b"{") and b"jsonfeed.org/version" in head


def read_feed(raw: bytes, path: str) -> tuple[list[FeedEntry], Problem | None]:
    """The feed's entries as articles, or a problem saying why the feed cannot be read."""
    if raw.lstrip(codecs.BOM_UTF8).lstrip().startswith(b"{"):
        return _json_feed(raw, path)
    try:
        import feedparser
    except ImportError as error:
        raise MissingExtra(f"reading feeds needs feedparser; {EXTRA_HINT}") from error
    parsed = feedparser.parse(raw)
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({str(reason).splitlines()[0]})" if reason else ""
        return [], Problem(path, 1, 1, _WHERE, f"no entries in this feed{detail}; is it a feed?")
    outlet = _one_line(parsed.feed.get("title"))
    entries = []
    for entry in parsed.entries:
        contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
        full = max(contents, key=len) if contents else ""
        body = html_paragraphs(full) if full else html_paragraphs(entry.get("summary", ""))
        if not body:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append(
            FeedEntry(
                title=_one_line(entry.get("title")) or "",
                body=body,
                url=entry.get("link") or None,
                published=time.strftime("%Y-%m-%d", stamp) if stamp else None,
                author=_one_line(entry.get("author")),
                outlet=outlet,
                partial=not full,
            )
        )
    return entries, None


def _json_feed(raw: bytes, path: str) -> tuple[list[FeedEntry], Problem | None]:
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        return [], Problem(path, 1, 1, _WHERE, f"not a readable JSON Feed: {error}")
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        return [], Problem(path, 1, 1, _WHERE, "no items in this JSON Feed; is it a feed?")
    outlet = _one_line(data.get("title"))
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        full = item.get("content_html") or item.get("content_text") or ""
        body = html_paragraphs(full) if "content_html" in item else _text_paragraphs(full)
        if not body:
            body = _text_paragraphs(item.get("summary") or "")
        if not body:
            continue
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        names = [str(a["name"]) for a in authors if isinstance(a, dict) and a.get("name")]
        date = re.match(r"\d{4}-\d{2}-\d{2}", str(item.get("date_published") or ""))
        entries.append(
            FeedEntry(
                title=_one_line(item.get("title")) or "",
                body=body,
                url=item.get("url") or item.get("external_url") or None,
                published=date.group(0) if date else None,
                author="; ".join(names) or None,
                outlet=outlet,
                partial=not full,
            )
        )
    return entries, None


def _one_line(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _text_paragraphs(text: str) -> str:
    chunks = [" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n", text)]
    kept = [chunk for chunk in chunks if chunk]
    return "\n\n".join(kept) + "\n" if kept else ""


class _Paragraphs(HTMLParser):
    """Text of an HTML fragment, a paragraph per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.paragraphs.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def html_paragraphs(fragment: str) -> str:
    """An entry's HTML (or plain) text as paragraphs separated by blank lines."""
    if "<" not in fragment:
        return _text_paragraphs(fragment)
    parser = _Paragraphs()
    parser.feed(fragment)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.paragraphs) + "\n" if parser.paragraphs else ""


__all__ = ["FeedEntry", "html_paragraphs", "looks_like_feed", "read_feed"]
