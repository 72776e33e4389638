"""A saved web page (or one fetched): the article's text and what the page says about it.

The main text and the metadata come from trafilatura (with htmldate for the date), the
field's maintained tools for this; this module decodes the page by its declared charset,
keeps paragraphs as paragraphs, and drops the headline and byline that a page repeats at
the top of its text. Both libraries are loaded only when a page is read: they are the
optional `web` extra.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from typing import Any

from tui.model.problems import ActionableError, Problem

_WHERE = "(file)"
EXTRA_HINT = "install the 'web' extra: pip install 'briefing-tui[web]' (make setup does)"

_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_HTML_TAGS = re.compile(rb"<(?:p|div|body|br|a|span|table|h[1-6])\b[^>]*>", re.IGNORECASE)
_LANG = re.compile(r"""<html\b[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I)
_OG_LOCALE = re.compile(
    r"""<meta[^>]+property\s*=\s*["']og:locale["'][^>]+content\s*=\s*["']([A-Za-z_-]+)""", re.I
)
_JSON_LD = re.compile(
    r"""<script[^>]+type\s*=\s*["']application/ld\+json["'][^>]*>(.*?)</script>""",
    re.IGNORECASE | re.DOTALL,
)


class MissingExtra(ActionableError):
    """A library of the optional `web` extra is not installed; the message says which."""


@dataclass(frozen=True, slots=True)
class WebArticle:
    """The article a page holds: its text (paragraphs separated by blank lines) and metadata."""

    title: str
    body: str
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None


def looks_like_html(raw: bytes) -> bool:
    """A page whatever its file's name: it opens as HTML, or is dense with HTML tags."""
    head = raw[:4096].lstrip(codecs.BOM_UTF8)
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head)) >= 5


def declared_charset(raw: bytes) -> str | None:
    """The charset the page declares in a `<meta>` tag (or an XML declaration)."""
    head = raw[:4096]
    found = _CHARSET.search(head) or _XML_ENCODING.match(head)
    return found.group(1).decode("ascii").lower() if found else None


def decode_page(
    raw: bytes, path: str, charset: str | None = None
) -> tuple[str | None, Problem | None]:
    """The page's text: by its byte-order mark, the charset the server or the page declares,
    else UTF-8, else Windows-1252 (what browsers assume of an undeclared page)."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="replace"), None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace"), None
    declared = charset or declared_charset(raw)
    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            return None, Problem(
                path, 1, 1, _WHERE,
                f"the page declares the charset '{declared}', which is unknown; "
                "save it as UTF-8",
            )
        if codec in ("latin-1", "iso8859-1", "ascii"):
            codec = "cp1252"  # as browsers read these labels
        try:
            return raw.decode(codec), None
        except UnicodeDecodeError as error:
            line = raw.count(b"\n", 0, error.start) + 1
            column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
            return None, Problem(
                path, line, column, _WHERE,
                f"not valid {declared} text (byte 0x{raw[error.start]:02x}) although the page "
                "declares it; save the page again, as UTF-8",
            )
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), None


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as error:
        raise MissingExtra(f"reading web pages needs trafilatura; {EXTRA_HINT}") from error
    return trafilatura


def extract_page(html: str, url: str | None = None) -> tuple[str, Any]:
    """trafilatura's text of the page (one paragraph a line) and its metadata document."""
    trafilatura = _trafilatura()
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        date_extraction_params={
            "extensive_search": False,  # a date the page states, never one guessed from text
            "original_date": True,
            "max_date": "2100-12-31",
        },
    )
    if document is None:
        return "", None
    return document.text or "", document


def read_web_page(
    raw: bytes, path: str, *, url: str | None = None, charset: str | None = None
) -> tuple[WebArticle | None, Problem | None]:
    """The article of a saved or fetched page, or a problem saying why there is none."""
    html, problem = decode_page(raw, path, charset)
    if html is None:
        return None, problem
    text, document = extract_page(html, url)
    metadata = _json_ld(html)
    title = _clean(getattr(document, "title", None)) or _clean(metadata.get("headline")) or ""
    author = _clean(getattr(document, "author", None))
    paragraphs = _story(text, title, author)
    if not any(len(paragraph.split()) >= 8 for paragraph in paragraphs):  # menus, no story
        return None, Problem(
            path, 1, 1, _WHERE,
            "found no article text in this page; save the article's own page, not an index",
        )
    published = getattr(document, "date", None) or _date(metadata.get("datePublished"))
    return WebArticle(
        title=title,
        body="\n\n".join(paragraphs) + "\n",
        outlet=_clean(getattr(document, "sitename", None)) or _publisher(metadata),
        author=author,
        published=published,
        url=_clean(getattr(document, "url", None)) or _page_url(metadata) or url,
        language=_language(html, document, metadata),
    ), None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _story(text: str, title: str, author: str | None) -> list[str]:
    """The paragraphs, without the headline and byline a page repeats around the story."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    folded_title = title.casefold()
    if paragraphs and folded_title and paragraphs[0].casefold() == folded_title:
        paragraphs = paragraphs[1:]
    names = [n.strip().casefold() for n in (author or "").split(";") if n.strip()]

    def byline(paragraph: str) -> bool:
        folded = paragraph.casefold()
        return (
            len(paragraph) <= 120
            and any(name in folded for name in names)
            and not re.search(r"[\"“”«»]", paragraph)
        )

    while paragraphs and byline(paragraphs[0]):
        paragraphs = paragraphs[1:]
    while paragraphs and byline(paragraphs[-1]):
        paragraphs = paragraphs[:-1]
    return paragraphs


def _json_ld(html: str) -> dict[str, Any]:
    """The first JSON-LD object that describes an article (its headline, dates, page)."""
    for block in _JSON_LD.findall(html):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data])
        for item in items:
            if isinstance(item, dict) and ("headline" in item or "articleBody" in item):
                return item
    return {}


def _publisher(metadata: dict[str, Any]) -> str | None:
    publisher = metadata.get("publisher")
    return _clean(publisher.get("name")) if isinstance(publisher, dict) else None


def _page_url(metadata: dict[str, Any]) -> str | None:
    page = metadata.get("mainEntityOfPage")
    if isinstance(page, dict):
        page = page.get("@id") or page.get("url")
    found = _clean(metadata.get("url")) or _clean(page)
    return found if found and found.startswith(("http://", "https://")) else None


def _date(value: object) -> str | None:
    found = re.match(r"\d{4}-\d{2}-\d{2}", value) if isinstance(value, str) else None
    return found.group(0) if found else None


def _language(html: str, document: Any, metadata: dict[str, Any]) -> str | None:
    found = _LANG.search(html[:4096]) or _OG_LOCALE.search(html[:8192])
    language = (
        getattr(document, "language", None)
        or (found.group(1) if found else None)
        or _clean(metadata.get("inLanguage"))
    )
    return language.replace("_", "-") if language else None
