"""Word wrapping that keeps track of offsets, so a span can be found on screen."""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Break one line of `text` into lines at most `width` cells wide.

    Returns (start, end) offsets into `text`; trailing spaces at a break are left
    out of the line before it. Words longer than `width` are cut.
    """
    width = max(1, width)
    if not text:
        return [(0, 0)]
    lines: list[tuple[int, int]] = []
    line_start = 0
    line_cells = 0
    for match in _WORD.finditer(text):
        start = match.start()
        word = match.group().rstrip()
        word_cells = cell_len(word)
        if line_cells and line_cells + word_cells > width:
            lines.append((line_start, _rstrip_end(text, line_start, start)))
            line_start, line_cells = start, 0
        while word_cells > width:
            cut = _cut(text, start, width)
            lines.append((line_start, cut))
            line_start = start = cut
            word = text[start:match.start() + len(match.group().rstrip())]
            word_cells = cell_len(word)
            line_cells = 0
        line_cells += cell_len(text[start:match.end()])
    lines.append((line_start, _rstrip_end(text, line_start, len(text))))
    return lines


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _cut(text: str, start: int, width: int) -> int:
    """The offset after the most characters from `start` that fit in `width` cells."""
    cells = 0
    position = start
    while position < len(text):
        char_cells = cell_len(text[position])
        if cells + char_cells > width and position > start:
            break
        cells += char_cells
        position += 1
    return position
