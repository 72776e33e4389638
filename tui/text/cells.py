"""Terminal cell widths and word wrapping by them, without importing a UI library.

Wide (East Asian) characters take two cells and combining marks none, so wrapping by
`len()` would misalign them; this module wraps by cells and stays cheap to import.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """How many terminal cells `text` takes."""
    return len(text) if text.isascii() else sum(map(char_width, text))


def wrap(text: str, width: int, indent: str = "", hanging: str | None = None) -> list[str]:
    """Greedy word wrap of one paragraph into lines of at most `width` cells.

    `indent` starts the first line and `hanging` the others (default: `indent`).
    """
    hanging = indent if hanging is None else hanging
    if text.isascii() and indent.isascii() and hanging.isascii():
        # Every character one cell: the built-in len() measures, with no call per character.
        return _wrap(text, width, indent, hanging, len, _one_cell)
    return _wrap(text, width, indent, hanging, cell_width, char_width)


def _one_cell(char: str) -> int:
    return 1


def _wrap(
    text: str,
    width: int,
    indent: str,
    hanging: str,
    measure: Callable[[str], int],
    char_cells: Callable[[str], int],
) -> list[str]:
    lines: list[str] = []
    line, used, fresh = indent, measure(indent), True
    floor = measure(hanging)
    for word in text.split():
        size = measure(word)
        if not fresh and used + 1 + size <= width:
            line += " " + word
            used += 1 + size
            continue
        if not fresh:
            lines.append(line)
            line, used = hanging, floor
        if used + size > width:
            # A word wider than a whole line: cut it wherever the line is full.
            for char in word[:-1]:
                cells = char_cells(char)
                if used + cells > width and used > floor:
                    lines.append(line)
                    line, used = hanging, floor
                line += char
                used += cells
            word, size = word[-1], char_cells(word[-1])
            if used + size > width:
                lines.append(line)
                line, used = hanging, floor
        line += word
        used += size
        fresh = False
    lines.append(line if not fresh else indent.rstrip())
    return lines
