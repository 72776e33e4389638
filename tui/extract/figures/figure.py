"""What a figure is: the result type, its typed categories, and a candidate under construction.

``bound`` is a :class:`FigureBound`, a ``StrEnum`` whose members are the strings "=", "~", ">"
and "<", so a figure compares, hashes and serialises to JSON exactly as the bare string did.
``kind`` (money, percent, a count, ...) only lives while a figure is being built and is a
``Literal`` type.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal


class FigureBound(StrEnum):
    """How the written figure relates to the true value."""

    EXACT = "="
    APPROXIMATE = "~"
    MORE_THAN = ">"
    LESS_THAN = "<"


#: What a candidate figure is, which decides the rules it goes through and its score.
FigureKind = Literal[
    "money", "percent", "measure", "count", "duration", "year", "age", "vague", "fraction", "bare"
]

#: Units that mark a figure as a point in time rather than a quantity. Corpora that annotate only
#: quantities (NewsQuant, for one) leave these out; the briefing keeps them with a low score.
CALENDAR_UNITS: frozenset[str] = frozenset({"year"})


@dataclass(frozen=True, slots=True)
class ExtractedFigure:
    """One figure found in a text; ``text == source[start:end]``."""

    value: float
    unit: str | None
    bound: FigureBound
    text: str
    start: int
    end: int
    about: str
    score: float


def is_calendar(figure: ExtractedFigure) -> bool:
    """True for calendar years, which are points in time rather than amounts."""
    return figure.unit in CALENDAR_UNITS


@dataclass(slots=True)
class Candidate:
    """A figure under construction."""

    start: int  # the number's first character (after any currency sign)
    end: int  # after the number and what is attached to it (scale, percent, unit)
    value: float
    kind: FigureKind
    unit: str | None = None
    bound: FigureBound = FigureBound.EXACT
    text_start: int = -1
    text_end: int = -1
    scale: float = 1.0  # the scale word's factor ("billion" -> 1e9), 1.0 when none
    word: bool = False  # spelled out
    unit_end: int = -1  # end of the head noun when the unit is a noun written after the number
    num_end: int = -1  # end of the number itself, with its scale word
    about: str = ""
    drop: bool = False
