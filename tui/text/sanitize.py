"""Make text from articles safe to print: it is data, never terminal commands.

Escape sequences, other control characters and bidi overrides are shown as
visible escapes (``\\x1b``, ``\\u202e``), so an article cannot clear the
screen, write the clipboard, hide text or reorder what a reader sees.
"""

from __future__ import annotations

import re

# DEL, C1 controls, bidi embeddings, overrides and isolates, and the line/paragraph
# separators that some terminals treat as breaks; with the C0 controls but tab and newline.
_BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f{_BEYOND_C0}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every unsafe character replaced by a visible escape; \\r\\n becomes \\n."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """`printable(text)` folded onto one line, runs of white space made one space."""
    return " ".join(printable(text).split())


_CONTROL = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")  # every C0 control, tab and newline too


def inert_name(name: str) -> str:
    """A file name from outside as one inert line: every control character, line breaks and
    tabs included, shown as a visible escape (a name is not text to lay out)."""
    return _CONTROL.sub(_escape, name)
