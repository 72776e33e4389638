"""End to end: the installed `briefing` command in a real terminal (tmux), driven by keys."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

BRIEFING = Path(sys.executable).with_name("briefing")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def wait_for(session: str, text: str, timeout: float = 15.0) -> str:
    """Poll the pane until `text` shows, failing with the last screen after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} did not appear; the screen was:\n{screen}")


def test_dashboard_in_tmux(seed_dir, tmp_path):
    command = [str(BRIEFING)] if BRIEFING.exists() else [sys.executable, "-m", "tui"]
    session = f"briefing-e2e-{uuid.uuid4().hex[:8]}"
    env = {"BRIEFING_STATE_DIR": str(tmp_path / "state"),
           "BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "TERM": "xterm-256color"}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    status = tmp_path / "status"
    script = (f"cd {shlex.quote(str(tmp_path))} && env {exports} "
              f"{shlex.join([*command, str(seed_dir)])}; echo $? > {shlex.quote(str(status))}")
    tmux("new-session", "-d", "-x", "100", "-y", "30", "-s", session, script)
    try:
        wait_for(session, "Bottom line")
        screen = wait_for(session, "≠ differ 181-182")
        assert "Pakistan and UN peacekeeping" in screen
        tmux("send-keys", "-t", session, "2")
        screen = wait_for(session, "Enter opens the article at the quote")
        assert "Asim Iftikhar Ahmad" in screen and "Ishaq Dar" in screen
        tmux("send-keys", "-t", session, "Enter")  # the speaker's page
        wait_for(session, "oldest first")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "Quote 1 of 11")
        wait_for(session, "Nowhere is this more urgently needed")
        tmux("send-keys", "-t", session, "]")
        wait_for(session, "Dar urges modernisation")
        tmux("send-keys", "-t", session, "1")
        wait_for(session, "Bottom line")
        tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 10
        while not status.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert status.read_text().strip() == "0"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
