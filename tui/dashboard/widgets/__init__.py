"""The dashboard's widgets: one widget a module, imported when first used (a fast first frame)."""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "ArticlesView": ".articles_view",
    "FigurePanel": ".figure_panel",
    "LedgerView": ".ledger_view",
    "OpenArticle": ".messages",
    "OpenSpeaker": ".messages",
    "OpenSpeakerPage": ".messages",
    "ProblemBanner": ".problem_banner",
    "QuotesView": ".quotes_view",
    "Reader": ".reader",
    "SpeakerPageView": ".speaker_page",
    "SummaryView": ".summary_view",
    "ViewTabs": ".view_tabs",
    "VimOptionList": ".vim_list",
    "VirtualList": ".virtual_list",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
