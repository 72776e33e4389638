"""Find a phrase in one text: the reader's find-in-article."""

from __future__ import annotations

import re


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every non-overlapping place `query` occurs in `text`, ignoring case; white space
    in the query matches any run of white space (so a phrase may cross a line break)."""
    words = query.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text) if match.end() > match.start()]


__all__ = ["find_all"]
