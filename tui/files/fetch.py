"""Fetching a page or a feed named by its URL: with a timeout, a size limit and a one-line
error that says what went wrong when the network does."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from tui.model.problems import Problem

TIMEOUT_SECONDS = 20.0
MAX_BYTES = 10 * 1024 * 1024
_WHERE = "(url)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    """Where the content came from, after redirects."""
    content: bytes
    content_type: str
    charset: str | None


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def fetch(
    url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES
) -> tuple[Fetched | None, Problem | None]:
    """The content at `url`, or a problem saying why it could not be had."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": "briefing (article import)",
            "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
            "application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content = response.read(max_bytes + 1)
            headers: Message = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as error:
        return None, _problem(url, f"the server answered {error.code} {error.reason}")
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            return None, _problem(url, f"no answer within {timeout:g} s; try again later")
        detail = getattr(reason, "strerror", None) or str(reason)
        return None, _problem(
            url, f"cannot reach it ({detail}); check the address and your connection"
        )
    except TimeoutError:
        return None, _problem(url, f"no answer within {timeout:g} s; try again later")
    except (OSError, ValueError) as error:
        return None, _problem(url, f"cannot fetch it ({error}); check the address")
    if len(content) > max_bytes:
        return None, _problem(
            url, f"the page is over the {max_bytes // 1048576} MiB limit; is it an article?"
        )
    return Fetched(final, content, headers.get_content_type(), headers.get_content_charset()), None


def _problem(url: str, message: str) -> Problem:
    return Problem(url, 1, 1, _WHERE, message)
