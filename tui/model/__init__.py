"""The briefing's data and its schema: frozen, pure, knowing nothing of files or screens."""

from tui.model.briefing import (
    Article,
    Bound,
    Briefing,
    BriefingInfo,
    Figure,
    Quote,
    Source,
    Speaker,
    format_number,
)
from tui.model.dates import describe_date
from tui.model.problems import Problem, did_you_mean

__all__ = [
    "Article",
    "Bound",
    "Briefing",
    "BriefingInfo",
    "Figure",
    "Problem",
    "Quote",
    "Source",
    "Speaker",
    "describe_date",
    "did_you_mean",
    "format_number",
]
