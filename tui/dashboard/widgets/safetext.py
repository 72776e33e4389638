"""Article text made safe to show, with a map back to the original offsets.

`tui.text.sanitize.printable` turns each unsafe character into a visible escape
(``\\x1b`` is four characters), which moves every later offset. Figures, quotes
and matches are located by offsets into the original body, so the reader needs
to know where each original character lands in the text it shows.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from tui.text.sanitize import printable


@dataclass(frozen=True, slots=True)
class SafeText:
    """`text` as shown, and `starts[i]`: where original character i begins in it."""

    text: str
    starts: tuple[int, ...] | None
    """None when nothing was escaped: offsets are the same in both."""

    @classmethod
    def of(cls, original: str) -> SafeText:
        original = original.replace("\t", " ")
        shown = printable(original)
        if len(shown) == len(original) and shown == original:
            return cls(shown, None)
        parts: list[str] = []
        starts: list[int] = []
        position = 0
        for char in original:
            starts.append(position)
            piece = printable(char) if char != "\r" else "\\x0d"
            parts.append(piece)
            position += len(piece)
        starts.append(position)
        return cls("".join(parts), tuple(starts))

    def shown(self, offset: int) -> int:
        """Where original offset `offset` lands in the shown text."""
        if self.starts is None:
            return max(0, min(offset, len(self.text)))
        return self.starts[max(0, min(offset, len(self.starts) - 1))]

    def original(self, shown: int) -> int:
        """The original offset of the character shown at `shown`."""
        if self.starts is None:
            return shown
        return max(0, bisect_right(self.starts, shown) - 1)
