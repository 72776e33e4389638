"""A first run: no settings and no briefings folder yet, so the dashboard opens a sample."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from tui.files.config import Config

SAMPLE_BRIEFING = Path(__file__).resolve().parents[1] / "sample" / "pakistan-un-peacekeeping.yaml"
"""A briefing shipped inside the package: two articles on UN peacekeeping."""

SAMPLE_NOTE = (
    "This is a sample briefing, shipped with the tool. To make your own, draft one from "
    "article files: briefing import ARTICLE... -o briefings/NAME.yaml, then run briefing "
    "in the folder that holds briefings/. The format is in docs/format.md."
)


def is_first_run(given: Sequence[str], config: Config) -> bool:
    """No path given, no settings file anywhere, and none of the default folders exists."""
    return not given and not config.sources and not any(map(os.path.exists, config.briefings))
