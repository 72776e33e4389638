"""The dashboard's screens: one screen a module, imported when first used."""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "BriefingCommands": ".palette",
    "HelpScreen": ".help",
    "MainScreen": ".main",
    "ProblemsScreen": ".problems",
    "SearchScreen": ".search",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
