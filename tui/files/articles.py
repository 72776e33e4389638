"""Article inputs as the user gives them: files, folders and URLs, read into raw articles.

Plain text and Markdown are kept exactly as read (offsets refer to them). A web page,
whatever its file is called, is read for its article's text and metadata; a feed gives one
article per entry. The libraries for pages and feeds are loaded only when one is read.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tui.files.text_file import decode, read_text_file
from tui.model.problems import Problem

TEXT_SUFFIXES = (".txt", ".md")
PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".json")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES + FEED_SUFFIXES
# In a folder, .xml and .json files are more often something else than feeds: name them.
FOLDER_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES + (".rss", ".atom")
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
_WHERE = "(file)"


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article's text and what its source says about it.

    For plain text and Markdown, `text` is the file exactly as read and `structured` is
    false: the draft cleans it. For a page or a feed entry, `text` is the article's
    paragraphs already separated from the page, and the metadata fields are filled.
    """

    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    structured: bool = False
    partial: bool = False
    """A feed's summary only: the feed does not carry the article's full text."""

    @property
    def id(self) -> str:
        return Path(self.path).stem


def read_article(path: str) -> tuple[RawArticle | None, Problem | None]:
    """Read one article file (text, Markdown or a saved page), or say clearly why not."""
    articles, problem = read_source(path)
    if articles and len(articles) == 1:
        return articles[0], None
    if problem is None:
        problem = Problem(path, 1, 1, _WHERE, "this is a feed of several articles")
    return None, problem


def read_source(path: str) -> tuple[list[RawArticle], Problem | None]:
    """The articles one input gives: a file of text, Markdown, a web page or a feed, or a URL
    of a page or a feed."""
    from tui.files.fetch import is_url

    if is_url(path):
        return _read_url(path)
    lowered = path.lower()
    if not lowered.endswith(ARTICLE_SUFFIXES):
        return [], Problem(
            path, 1, 1, _WHERE,
            "not an article file; give plain text (.txt) or Markdown (.md), a saved web page "
            "(.html), a feed (.rss, .atom, .xml, .json) or a URL",
        )
    if lowered.endswith(TEXT_SUFFIXES):
        raw, problem = _read_bytes(path)
        if raw is None:
            return [], problem
        if _is_page(raw) or _is_feed(raw):
            return _read_markup(raw, path)
        text, problem = decode(raw, path, "article")
        return ([RawArticle(path, text)], None) if text is not None else ([], problem)
    raw, problem = _read_bytes(path)
    if raw is None:
        return [], problem
    return _read_markup(raw, path)


def _read_bytes(path: str) -> tuple[bytes | None, Problem | None]:
    # read_text_file checks the kind of file and its size; the bytes are read once more only
    # for what it accepts, which costs one more read of a file that fits in the cache.
    _, problem = read_text_file(
        path, what="article", max_bytes=MAX_ARTICLE_BYTES, too_big="is it an article?"
    )
    if problem is not None and "not UTF-8" not in problem.message:
        return None, problem
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_ARTICLE_BYTES + 1), None
    except OSError as error:
        return None, Problem(path, 1, 1, _WHERE, f"cannot read the file: {error.strerror}")


def _is_page(raw: bytes) -> bool:
    from tui.files.web_page import looks_like_html

    return looks_like_html(raw)


def _is_feed(raw: bytes) -> bool:
    from tui.files.feed import looks_like_feed

    return looks_like_feed(raw)


def _read_markup(
    raw: bytes, path: str, *, url: str | None = None, charset: str | None = None
) -> tuple[list[RawArticle], Problem | None]:
    """A page's article or a feed's entries; a file that is neither is refused."""
    if _is_feed(raw):
        from tui.files.feed import read_feed

        entries, problem = read_feed(raw, path)
        return [
            RawArticle(
                path=entry.url or f"{path}#{number}",
                text=entry.body,
                title=entry.title,
                outlet=entry.outlet,
                url=entry.url,
                author=entry.author,
                published=entry.published,
                structured=True,
                partial=entry.partial,
            )
            for number, entry in enumerate(entries, 1)
        ], problem
    if not _is_page(raw) and not path.lower().endswith(PAGE_SUFFIXES):
        return [], Problem(
            path, 1, 1, _WHERE, "neither a web page nor a feed (RSS, Atom or JSON Feed)"
        )
    from tui.files.web_page import read_web_page

    page, problem = read_web_page(raw, path, url=url, charset=charset)
    if page is None:
        return [], problem
    return [
        RawArticle(
            path=path,
            text=page.body,
            title=page.title,
            outlet=page.outlet,
            url=page.url,
            author=page.author,
            published=page.published,
            language=page.language,
            structured=True,
        )
    ], None


def _read_url(url: str) -> tuple[list[RawArticle], Problem | None]:
    from tui.files.fetch import fetch

    fetched, problem = fetch(url)
    if fetched is None:
        return [], problem
    raw = fetched.content
    if fetched.content_type == "text/plain" and not (_is_page(raw) or _is_feed(raw)):
        text, problem = decode(raw, url, "article")
        return ([RawArticle(url, text, url=fetched.url)], None) if text is not None else (
            [], problem
        )
    if fetched.content_type in ("application/json", "application/feed+json") and not _is_feed(
        raw
    ):
        return [], Problem(url, 1, 1, "(url)", "this JSON is not a JSON Feed")
    return _read_markup(raw, url, url=fetched.url, charset=fetched.charset)


def article_files(paths: list[str]) -> list[str]:
    """The inputs named by `paths`: files and URLs as given, folders searched for articles."""
    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(
                    os.path.join(root, name)
                    for name in sorted(names)
                    if name.lower().endswith(FOLDER_SUFFIXES) and not name.startswith(".")
                )
        else:
            files.append(path)
    return files
