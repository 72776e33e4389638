"""An internal error in the dashboard reaches the user as one line, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SEED_BRIEFING
from tui.dashboard.app import CRASH_EXIT, BriefingApp, run_dashboard
from tui.files.config import Config


def _explode(self: BriefingApp) -> None:
    raise RuntimeError("boom in a key handler")


def test_internal_error_is_logged_not_shown(
    monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path
):
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path))
    monkeypatch.setattr(BriefingApp, "on_mount", _explode, raising=False)

    def run_headless(self: BriefingApp, *args, **kwargs):
        return original_run(self, headless=True, size=(80, 24))

    original_run = BriefingApp.run
    monkeypatch.setattr(BriefingApp, "run", run_headless)
    assert run_dashboard([str(SEED_BRIEFING)], Config()) == CRASH_EXIT
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert "internal error" in captured.err and str(tmp_path / "crash.log") in captured.err
    assert "RuntimeError: boom in a key handler" in (tmp_path / "crash.log").read_text()
