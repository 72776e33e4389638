"""Figures: numbers in words or digits, their units, bounds and what they count.

The entry point is :func:`extract_figures`; see :mod:`tui.extract.figures.extractor` for the
conventions of its output.
"""

from tui.extract.figures.extractor import (
    CALENDAR_UNITS,
    ExtractedFigure,
    FigureBound,
    extract_figures,
    is_calendar,
)

__all__ = ["CALENDAR_UNITS", "ExtractedFigure", "FigureBound", "extract_figures", "is_calendar"]
