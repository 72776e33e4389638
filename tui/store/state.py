"""UI choices the dashboard remembers between runs, such as the theme.

They live in one small JSON file under the user's state folder (platformdirs),
or under $BRIEFING_STATE_DIR when it is set, so that tests never touch the real
one. The file is written atomically; a missing or damaged file gives the
defaults, since a lost preference must never stop the dashboard from opening.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

STATE_ENV = "BRIEFING_STATE_DIR"
STATE_NAME = "state.json"


@dataclass(frozen=True, slots=True)
class UIState:
    """What the dashboard remembers."""

    theme: str | None = None
    """The Textual theme last chosen in the app, e.g. textual-light."""

    def with_theme(self, theme: str) -> UIState:
        return replace(self, theme=theme)


def state_dir() -> Path:
    """$BRIEFING_STATE_DIR, else the platform's user state folder for briefing."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_state_dir

    return Path(user_state_dir("briefing", appauthor=False))


def state_path() -> Path:
    return state_dir() / STATE_NAME


def load_state() -> UIState:
    """The remembered choices; the defaults when the file is missing or unreadable."""
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UIState()
    if not isinstance(data, dict):
        return UIState()
    theme = data.get("theme")
    return UIState(theme=theme if isinstance(theme, str) and theme else None)


def save_state(state: UIState) -> bool:
    """Write the choices atomically; False (and nothing written) when the folder is not writable."""
    from tui.files.atomic import write_atomic

    try:
        write_atomic(state_path(), json.dumps(asdict(state), indent=2) + "\n")
    except OSError:
        return False
    return True
